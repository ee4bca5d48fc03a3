"""Hostile cases of the ninth session's sweep: the whole class of Windows device names, merged
ranges that hide no value, the CSV files a results workbook writes beside itself, and the files a
spreadsheet export or an office's own habits produce.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep9.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import XLSX_ROWS, _example_csv, _example_rows_xml, _score


def template_conin(folder: Path) -> list[str]:
    """``CONIN$`` is the console's input on Windows: a file of that name cannot be made there."""
    return ["template", "-o", str(folder / "CONIN$.xlsx")]


def score_conout_folder(folder: Path) -> list[str]:
    """``conout$ .d`` (another case, a space before the extension) as a folder the run would create
    for its results."""
    return _score(folder, out="conout$ .d/out.xlsx")


def xlsx_merged_beside_and_below(folder: Path) -> list[str]:
    """200,000 merged ranges below the table and 1,000 beside it (empty cells on the table's rows):
    none hides a value. They gave 1,000 error findings (and one counting the rest) although every
    row was read."""
    from hostile_xlsx import sheet_xml, write_package

    below = "".join(f'<mergeCell ref="F{r}:G{r}"/>' for r in range(XLSX_ROWS + 1, XLSX_ROWS + 200_001))
    beside = "".join(f'<mergeCell ref="K{r}:L{r}"/>' for r in range(1, 1001))
    after = f'<mergeCells count="201000">{below}{beside}</mergeCells>'
    path = write_package(folder / "merged.xlsx", sheet_xml(_example_rows_xml(), after=after))
    _example_csv(folder)
    return _score(folder, assessments=path)


def overflow_csv_of_user(folder: Path) -> list[str]:
    """``-o out.xlsx`` beside the user's own ``out.criteria.csv``: a run whose criteria table
    overflows a sheet writes that file, and it was replaced unchecked."""
    (folder / "out.criteria.csv").write_text("tiêu chí,ghi chú\n1.1.1,của tôi\n", encoding="utf-8")
    return _score(folder)


def _named_evidence(folder: Path, form: str) -> Path:
    """The example assessments with every evidence file named "Kế hoạch …" in a folder "Hồ sơ",
    and that folder of files named in ``form`` (NFC as typed on Windows, NFD as unpacked from a
    Mac's zip); returns the evidence folder."""
    import unicodedata

    from hostile_sweep8 import _csv_text, _rows

    rows = _rows("assessments_long.csv")
    evidence = folder / unicodedata.normalize(form, "minh chứng")
    (evidence / unicodedata.normalize(form, "Hồ sơ")).mkdir(parents=True)
    for row in rows[1:]:
        if row[7]:
            row[7] = f"Hồ sơ/Kế hoạch {row[7]}"
            (evidence / unicodedata.normalize(form, row[7])).write_bytes(b"%PDF-1.4\n")
    (folder / "assessments_long.csv").write_text(_csv_text(rows, ","), encoding="utf-8")
    return evidence


def evidence_names_decomposed(folder: Path) -> list[str]:
    """Evidence files named with Vietnamese letters, decomposed on disk: every one was "not found"
    (2,006 findings for the example files, and each item scored 0 under missing_evidence: zero)."""
    evidence = _named_evidence(folder, "NFD")
    return _score(folder, "--evidence-dir", str(evidence))


def instructions_sheet_decomposed(folder: Path) -> list[str]:
    """A filled-in form whose instructions sheet is named "Hướng dẫn" decomposed (NFD) and another
    "Hướng dẫn " with a space after it: each was read as a table of assessments and refused
    (missing-column, exit 1) instead of being passed over as instructions."""
    import unicodedata

    import openpyxl
    from hostile_sweep8 import _rows

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = unicodedata.normalize("NFD", "Hướng dẫn")
    first.append(["Điền mỗi dòng một tiêu chí"])
    book.create_sheet("hướng dẫn ").append(["Cột value: giá trị"])
    data = book.create_sheet("data")
    for row in _rows("assessments_long.csv")[:XLSX_ROWS]:
        data.append(row)
    book.save(folder / "form.xlsx")
    _example_csv(folder)
    return _score(folder, assessments=folder / "form.xlsx")


def xlsx_declared_strings(folder: Path) -> list[str]:
    """A 1 KB workbook whose sharedStrings.xml declares ``uniqueCount="4000000000"`` and holds one
    string: calamine reserved room for all of them first (96 GB) and aborted, exit -6 with a Rust
    backtrace."""
    from hostile_xlsx import MAIN_NS, header_row, sheet_xml, write_package

    shared = f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="4000000000"><si><t>x</t></si></sst>'
    path = write_package(folder / "strings.xlsx", sheet_xml(header_row()), shared_strings=shared)
    return _score(folder, assessments=path)


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def ods_cell(text: str, repeated: int = 1) -> str:
    times = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    return f'<table:table-cell{times} office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def ods_row(cells: list[str], repeated: int = 1, tail: bool = True) -> str:
    """A row; ``tail``: ended as LibreOffice ends every row, with empty cells repeated to the edge."""
    times = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    edge = '<table:table-cell table:number-columns-repeated="1020"/>' if tail else ""
    return f"<table:table-row{times}>{''.join(cells)}{edge}</table:table-row>"


def write_ods(path: Path, rows: str) -> Path:
    """A minimal OpenDocument spreadsheet of one sheet "data", ended as LibreOffice ends a sheet
    (an empty row repeated to row 1,048,576)."""
    import zipfile

    edge = (
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="data">{rows}{edge}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
        'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("META-INF/manifest.xml", manifest)
        package.writestr("content.xml", content)
    return path


def ods_example_rows(count: int = XLSX_ROWS) -> str:
    from hostile_sweep8 import _rows

    return "".join(ods_row([ods_cell(text) for text in row]) for row in _rows("assessments_long.csv")[:count])


def ods_repeated_rows(folder: Path) -> list[str]:
    """A 2 KB .ods: the example rows, then one row of four cells "repeated 1,000,000 times". calamine
    writes out every repetition: 19 s and 1.2 GB (ten cells: killed at 40 s and 1.7 GB)."""
    row = ods_row([ods_cell("00001"), ods_cell("1.1.1"), ods_cell(""), ods_cell("có")], repeated=1_000_000)
    path = write_ods(folder / "repeated.ods", ods_example_rows() + row)
    return _score(folder, assessments=path)


Case = Callable[[Path], list[str]]

CASES: dict[str, Case] = {
    "owner-device-conin": template_conin,
    "owner-device-conout-folder": score_conout_folder,
    "owner-overflow-csv-of-user": overflow_csv_of_user,
    "xlsx-merged-beside-and-below": xlsx_merged_beside_and_below,
    "evidence-names-decomposed": evidence_names_decomposed,
    "xlsx-instructions-sheet-decomposed": instructions_sheet_decomposed,
    "xlsx-declared-4e9-strings": xlsx_declared_strings,
    "ods-million-repeated-rows": ods_repeated_rows,
}

#: What each case answers: exit status, a code that must be printed (or None), and the names (in
#: the case's folder) of user files that must be left exactly as they were.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "owner-device-conin": (4, "output-name-not-portable", ()),
    "owner-device-conout-folder": (4, "output-name-not-portable", ()),
    "owner-overflow-csv-of-user": (4, "output-not-pari", ("out.criteria.csv",)),
    "xlsx-merged-beside-and-below": (0, None, ()),
    "evidence-names-decomposed": (0, None, ()),
    "xlsx-instructions-sheet-decomposed": (0, None, ()),
    "xlsx-declared-4e9-strings": (1, "too-many-strings", ()),
    "ods-million-repeated-rows": (1, "sheet-too-large", ()),
}
