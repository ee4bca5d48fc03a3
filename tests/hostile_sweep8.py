"""Hostile cases of the eighth session's sweep: outputs named over a user's own files, file names
that are not UTF-8, and the Vietnamese spreadsheet exports (separators, encodings, number and date
forms) and incomplete inputs that must still be read or reported, never silently dropped.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep8.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CRITERIA = ROOT / "criteria"


def _examples(folder: Path) -> dict[str, Path]:
    """The example register, long assessments and survey, copied into ``folder`` once."""
    names = ("communes.csv", "assessments_long.csv", "survey.csv")
    for name in names:
        if not (folder / name).exists():
            shutil.copy(EXAMPLES / name, folder / name)
    return {name.split(".")[0]: folder / name for name in names}


def _score(folder: Path, *extra: str, assessments: Path | None = None, out: str = "out.xlsx") -> list[str]:
    files = _examples(folder)
    first = assessments if assessments is not None else files["assessments_long"]
    return [
        "score",
        str(first),
        "--communes",
        str(files["communes"]),
        "--survey",
        str(files["survey"]),
        "-o",
        str(folder / out),
        "-q",
        *extra,
    ]


def user_workbook(path: Path) -> Path:
    """A user's own workbook (one sheet, one cell), as Excel or LibreOffice would hold it."""
    import xlsxwriter

    with xlsxwriter.Workbook(str(path)) as workbook:
        workbook.add_worksheet("Ngân sách").write(0, 0, "Dự toán 2026")
    return path


# ---------------------------------------------------------------------------------------------
# Outputs over a user's own file (pari_index.outputs.ownership): refused, the file untouched


def score_over_user_workbook(folder: Path) -> list[str]:
    """``-o budget.xlsx`` where budget.xlsx is the user's own workbook: it used to be replaced."""
    user_workbook(folder / "budget.xlsx")
    return _score(folder, out="budget.xlsx")


def report_over_user_page(folder: Path) -> list[str]:
    """``--report index.html`` over the office's own web page."""
    (folder / "index.html").write_text("<html><body>Trang của phòng</body></html>\n", encoding="utf-8")
    return _score(folder, "--report", str(folder / "index.html"))


def template_over_user_workbook(folder: Path) -> list[str]:
    user_workbook(folder / "budget.xlsx")
    return ["template", "-o", str(folder / "budget.xlsx")]


def template_over_filled_form(folder: Path) -> list[str]:
    """A form pari-index wrote, filled in by a commune and saved (here by openpyxl, naming who
    saved it as Excel does): writing the form again would lose it."""
    import openpyxl

    from pari_index.cli import main

    form = folder / "form.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):  # its "written" line is not the case's answer
        main(["template", "-o", str(form)], standalone_mode=False)
    book = openpyxl.load_workbook(form)
    sheet = book[book.sheetnames[1]]
    sheet.cell(row=3, column=sheet.max_column).value = "có"
    book.properties.lastModifiedBy = "UBND xã Hồng Cẩm"
    book.save(form)
    return ["template", "-o", str(form)]


def import_over_user_yaml(folder: Path) -> list[str]:
    """``pari criteria import annex.xlsx -o my-set.yaml`` over a set the user wrote by hand."""
    from pari_index.authoring.export import export_annex
    from pari_index.criteria.loading import load_criteria

    export_annex(load_criteria(CRITERIA / "ha-noi-2025-commune.yaml").criteria, folder / "annex.xlsx", "vi")
    shutil.copy(CRITERIA / "hai-phong-2022-commune.yaml", folder / "my-set.yaml")
    return ["criteria", "import", str(folder / "annex.xlsx"), "-o", str(folder / "my-set.yaml")]


def diff_over_user_csv(folder: Path) -> list[str]:
    (folder / "changes.csv").write_text("ngày,việc\n01/12/2026,họp\n", encoding="utf-8")
    old, new = CRITERIA / "ha-noi-2025-commune.yaml", CRITERIA / "hai-phong-2022-commune.yaml"
    return ["diff", str(old), str(new), "-o", str(folder / "changes.csv")]


def demo_over_real_register(folder: Path) -> list[str]:
    """``pari demo-data -o data`` into the folder of the real data: the synthetic register used to
    replace the real communes.csv."""
    data = folder / "data"
    data.mkdir()
    shutil.copy(EXAMPLES / "communes.csv", data / "communes.csv")
    return ["demo-data", "-o", str(data), "--communes", "5"]


# ---------------------------------------------------------------------------------------------
# File names that are not UTF-8 (a zip made on Windows, unpacked byte for byte)

NOT_UTF8 = os.fsdecode(b"x\xe3 \xd0\xf4ng.csv")  # "xã Đông" in Windows-1258 bytes


def register_name_not_utf8(folder: Path) -> list[str]:
    """The register's name holds Windows-1258 bytes: the run used to score everything and stop with
    exit 70 writing the name into its results."""
    files = _examples(folder)
    named = folder / NOT_UTF8
    shutil.copy(files["communes"], named)
    args = _score(folder)
    args[args.index("--communes") + 1] = str(named)
    return args


def output_name_not_utf8(folder: Path) -> list[str]:
    return _score(folder, out=os.fsdecode(b"k\xe9t qu\xe3.xlsx"))


def report_results_not_utf8(folder: Path) -> list[str]:
    """``pari report`` of a results workbook whose name is not UTF-8 (it used to be called "not
    results": the reader could not open the name)."""
    from hostile_paths import fake_results_workbook

    workbook = fake_results_workbook(folder, {"criteria_id": "ha-noi-2025-commune", "ranked_within": "district"})
    named = folder / os.fsdecode(b"k\xe9t qu\xe3.xlsx")
    workbook.rename(named)
    return ["report", str(named), "-o", str(folder / "report.html")]


# ---------------------------------------------------------------------------------------------
# Vietnamese exports that must be read as they are (found sound: kept as regressions)


def _rows(name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((EXAMPLES / name).read_text(encoding="utf-8-sig"))))


def _csv_text(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Vietnamese systems write it: precomposed base letters, combining tones."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
            out += (base + "".join(c for c in nfd if c in tones)).encode("cp1258")
    return bytes(out)


def excel_csv_semicolon_1258(folder: Path) -> list[str]:
    """Excel's plain "CSV" on a Vietnamese Windows: semicolons, Windows-1258, CR LF."""
    path = folder / "assessments_semicolon.csv"
    path.write_bytes(cp1258_bytes(_csv_text(_rows("assessments_long.csv"), ";")))
    return _score(folder, assessments=path)


def excel_unicode_text(folder: Path) -> list[str]:
    """Excel's "Unicode Text": UTF-16 with a byte-order mark, tab separated."""
    path = folder / "assessments_unicode.txt"
    path.write_bytes(_csv_text(_rows("assessments_long.csv"), "\t").encode("utf-16"))
    return _score(folder, assessments=path)


def decomposed_utf8(folder: Path) -> list[str]:
    """UTF-8 with every Vietnamese letter decomposed (macOS file names and some web exports)."""
    path = folder / "assessments_nfd.csv"
    path.write_text(unicodedata.normalize("NFD", _csv_text(_rows("assessments_long.csv"), ",")), encoding="utf-8")
    return _score(folder, assessments=path)


def excel_serial_dates(folder: Path) -> list[str]:
    """Dates written as Excel serial numbers (45812 = 04/06/2025) in the value and evidence_date."""
    rows = _rows("assessments_long.csv")
    for row in rows[1:]:
        row[3] = "45812" if row[3] == "04/06/2025" else row[3]
        row[6] = "45812" if row[6] == "04/06/2025" else row[6]
    path = folder / "assessments_serial.csv"
    path.write_text(_csv_text(rows, ","), encoding="utf-8")
    return _score(folder, assessments=path)


def survey_vietnamese_thousands(folder: Path) -> list[str]:
    """A survey rate written ``1.234,5`` (a Vietnamese thousands separator): a rate over 100, one
    located row rejected, the rest scored."""
    rows = _rows("survey.csv")
    rows[1][3] = "1.234,5"
    path = folder / "survey.csv"
    _examples(folder)
    path.write_text(_csv_text(rows, ";"), encoding="utf-8")
    return _score(folder)


def blank_rows_and_header_variants(folder: Path) -> list[str]:
    """Blank lines and a line of bare separators in the middle, a header cell with another case
    and a trailing space (``Value ``): read as the same table."""
    rows = _rows("assessments_long.csv")
    rows[0][3] = "Value "
    rows = [*rows[:100], [], [""] * 10, *rows[100:]]
    path = folder / "assessments_blank.csv"
    path.write_text(_csv_text(rows, ","), encoding="utf-8")
    return _score(folder, assessments=path)


def header_twice_by_case(folder: Path) -> list[str]:
    """``value`` and ``VALUE``: two columns that read as one name: refused, never one of them
    silently taken."""
    rows = _rows("assessments_long.csv")
    rows = [rows[0] + ["VALUE"]] + [[*row, "0"] for row in rows[1:]]
    path = folder / "assessments_twice.csv"
    path.write_text(_csv_text(rows, ","), encoding="utf-8")
    return _score(folder, assessments=path)


# ---------------------------------------------------------------------------------------------
# A file cut short (a copy, a download or a full disk that stopped it)


def cut_assessments(folder: Path) -> Path:
    """The example assessments cut 150 KB in, in the middle of a row (after its third cell)."""
    data = (EXAMPLES / "assessments_long.csv").read_bytes()
    line = data.index(b"\n", 150_000) + 1
    third = data.index(b",", data.index(b",", data.index(b",", line) + 1) + 1) + 2
    path = folder / "assessments_cut.csv"
    path.write_bytes(data[:third])
    return path


def csv_cut_short(folder: Path) -> list[str]:
    """The rows before the cut would be scored and the communes after it shown as having sent
    nothing: the file is refused as cut short."""
    return _score(folder, "--report", str(folder / "report.html"), assessments=cut_assessments(folder))


def csv_cut_short_allowed(folder: Path) -> list[str]:
    """The same with --allow-incomplete: results written, the file reported as not used."""
    return [*csv_cut_short(folder), "--allow-incomplete"]


# ---------------------------------------------------------------------------------------------
# Workbooks that are large in what surrounds the cells (ordinary ones were refused as damaged)

#: The example rows put into the workbooks below (all five communes of the first ones).
XLSX_ROWS = 300


def _example_rows_xml() -> str:
    from hostile_xlsx import inline

    rows = _rows("assessments_long.csv")[:XLSX_ROWS]
    out = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(inline(f"{chr(65 + c)}{r}", text) for c, text in enumerate(row) if text)
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def _example_csv(folder: Path) -> Path:
    """The same rows as the workbooks, as CSV (what the workbook must read as)."""
    path = folder / "same_rows.csv"
    path.write_text(_csv_text(_rows("assessments_long.csv")[:XLSX_ROWS], ","), encoding="utf-8")
    return path


def xlsx_many_data_validations(folder: Path) -> list[str]:
    """A form written by xlsxwriter with a drop-down list on 3,000 cells, as form generators write
    them: 800 KB of <dataValidation> after the cells. It was refused as damaged (a scan of long
    cells met a stretch without any cell and failed on it)."""
    import xlsxwriter

    path = folder / "validations.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("data")
        for r, row in enumerate(_rows("assessments_long.csv")[:XLSX_ROWS]):
            for c, text in enumerate(row):
                if text:
                    sheet.write_string(r, c, text)
        for r in range(1, 3000):
            sheet.data_validation(
                r, 4, r, 4, {"validate": "list", "source": ["0", "0.5", "1"], "input_title": "Điểm tự chấm"}
            )
    _example_csv(folder)
    return _score(folder, assessments=path)


def xlsx_million_empty_rows(folder: Path) -> list[str]:
    """The data, then an empty <row r="…"/> for every row down to 1,048,576 (as some generators write
    rows that only carry a height): 20 MB of XML without a cell end, refused as damaged."""
    from hostile_xlsx import sheet_xml, write_package

    empty = (f'<row r="{r}"/>'.encode() for r in range(XLSX_ROWS + 1, 1_048_577))
    head, tail = sheet_xml(_example_rows_xml()).split("</sheetData>")
    path = write_package(folder / "empty_rows.xlsx", [head.encode(), *empty, b"</sheetData>", tail.encode()])
    _example_csv(folder)
    return _score(folder, assessments=path)


def xlsx_many_merged_ranges(folder: Path) -> list[str]:
    """200,000 merged ranges below the data (7 MB of <mergeCell/> after the cells): never a refusal
    of the whole workbook, and (since the ninth session) no finding either: they hide no value."""
    from hostile_xlsx import sheet_xml, write_package

    merges = "".join(f'<mergeCell ref="F{r}:G{r}"/>' for r in range(XLSX_ROWS + 1, XLSX_ROWS + 200_001))
    after = f'<mergeCells count="200000">{merges}</mergeCells>'
    path = write_package(folder / "merged.xlsx", sheet_xml(_example_rows_xml(), after=after))
    return _score(folder, assessments=path)


# ---------------------------------------------------------------------------------------------
# Results workbooks read back (pari report, explain, --previous): measured as inputs are


def _results_cell_at_far_corner(folder: Path) -> Path:
    from hostile_xlsx import header_row, inline, sheet_xml, write_package

    rows = header_row() + '<row r="1048576">' + inline("XFD1048576", "x") + "</row>"
    return write_package(folder / "results.xlsx", sheet_xml(rows), sheet_name="summary")


def _results_bomb(folder: Path) -> Path:
    from hostile_xlsx import header_row, sheet_xml, write_package

    block = b" " * (1 << 20)
    head = sheet_xml(header_row()).split("</sheetData>")[0].encode()
    parts = (head, *(block for _ in range(2048)), b"</sheetData></worksheet>")
    return write_package(folder / "results.xlsx", iter(parts), sheet_name="summary")


def report_results_far_cell(folder: Path) -> list[str]:
    """A "results" workbook whose summary sheet has a cell at XFD1048576: calamine aborted (signal
    6, a Rust backtrace on the console)."""
    return ["report", str(_results_cell_at_far_corner(folder)), "-o", str(folder / "report.html")]


def report_results_bomb(folder: Path) -> list[str]:
    """A 2 MB "results" workbook whose summary sheet inflates to 2 GB: 2.1 GB, then a report."""
    return ["report", str(_results_bomb(folder)), "-o", str(folder / "report.html")]


def previous_results_bomb(folder: Path) -> list[str]:
    """The same as --previous of a run: 2.2 GB, then exit 0."""
    return _score(folder, "--previous", str(_results_bomb(folder)))


Case = Callable[[Path], list[str]]

CASES: dict[str, Case] = {
    "owner-score-over-user-workbook": score_over_user_workbook,
    "owner-report-over-user-page": report_over_user_page,
    "owner-template-over-user-workbook": template_over_user_workbook,
    "owner-template-over-filled-form": template_over_filled_form,
    "owner-import-over-user-yaml": import_over_user_yaml,
    "owner-diff-over-user-csv": diff_over_user_csv,
    "owner-demo-over-real-register": demo_over_real_register,
    "name-register-not-utf8": register_name_not_utf8,
    "name-output-not-utf8": output_name_not_utf8,
    "name-report-results-not-utf8": report_results_not_utf8,
    "export-semicolon-1258": excel_csv_semicolon_1258,
    "export-unicode-text": excel_unicode_text,
    "export-decomposed-utf8": decomposed_utf8,
    "export-excel-serial-dates": excel_serial_dates,
    "export-vietnamese-thousands": survey_vietnamese_thousands,
    "export-blank-rows-header-variants": blank_rows_and_header_variants,
    "export-header-twice-by-case": header_twice_by_case,
    "complete-csv-cut-short": csv_cut_short,
    "complete-csv-cut-short-allowed": csv_cut_short_allowed,
    "results-far-cell-report": report_results_far_cell,
    "results-bomb-report": report_results_bomb,
    "results-bomb-previous": previous_results_bomb,
    "xlsx-3000-data-validations": xlsx_many_data_validations,
    "xlsx-million-empty-rows": xlsx_million_empty_rows,
    "xlsx-200k-merged-ranges": xlsx_many_merged_ranges,
}

#: What each case answers: exit status, a code that must be printed (or None), and the names (in
#: the case's folder) of user files that must be left exactly as they were.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "owner-score-over-user-workbook": (4, "output-not-pari", ("budget.xlsx",)),
    "owner-report-over-user-page": (4, "output-not-pari", ("index.html",)),
    "owner-template-over-user-workbook": (4, "output-not-pari", ("budget.xlsx",)),
    "owner-template-over-filled-form": (4, "output-edited", ("form.xlsx",)),
    "owner-import-over-user-yaml": (4, "output-not-pari", ("my-set.yaml",)),
    "owner-diff-over-user-csv": (4, "output-not-pari", ("changes.csv",)),
    "owner-demo-over-real-register": (4, "output-not-pari", ("data/communes.csv",)),
    "name-register-not-utf8": (2, "name-not-utf8", (NOT_UTF8,)),
    "name-output-not-utf8": (2, "name-not-utf8", ()),
    "name-report-results-not-utf8": (2, "name-not-utf8", ()),
    "export-semicolon-1258": (0, "encoding-fallback", ()),
    "export-unicode-text": (0, None, ()),
    "export-decomposed-utf8": (0, None, ()),
    "export-excel-serial-dates": (0, None, ()),
    "export-vietnamese-thousands": (1, "percent-above-100", ()),
    "export-blank-rows-header-variants": (0, None, ()),
    "export-header-twice-by-case": (1, "duplicate-column", ()),
    "complete-csv-cut-short": (1, "file-cut-short", ()),
    "complete-csv-cut-short-allowed": (1, "file-cut-short", ()),
    "results-far-cell-report": (1, "sheet-too-sparse", ()),
    "results-bomb-report": (1, "xlsx-compression-ratio", ()),
    "results-bomb-previous": (1, "xlsx-compression-ratio", ()),
    "xlsx-3000-data-validations": (0, None, ()),
    "xlsx-million-empty-rows": (0, None, ()),
    "xlsx-200k-merged-ranges": (0, None, ()),
}
