"""Hostile cases of the twelfth session's sweep: a header row pasted among the data (files put
together, a header copied down), workbooks that are not what their name says (a password to open
them, a CSV or a web page renamed .xlsx/.xls, the lock file of a workbook open in Excel), an
unbounded option of ``pari schema``, and cases of other classes that already answered well, kept
so that they stay so.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep12.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
import io
import struct
from collections.abc import Callable
from pathlib import Path

from biff_writers import write_xls, xls_sheet, xls_stream
from hostile_sweep8 import CRITERIA, EXAMPLES, _examples, _rows, _score

Case = Callable[[Path], list[str]]

#: The sheet row (header = row 1) where the header is pasted again in the *-header-pasted cases.
PASTED_AT = 101


def _csv(rows: list[list[str]], bom: bool = False) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return ("\ufeff" if bom else "") + out.getvalue()


# ---------------------------------------------------------------------------------------------
# A header row pasted among the data (intake.grid._repeated_headers)


def assessments_header_pasted(folder: Path) -> list[str]:
    """The example assessments with their header again at row 101 (two exports pasted into one):
    seven errors "criterion criterion_id is not a scored item", one a column, and the run
    reported incomplete (exit 1)."""
    files = _examples(folder)
    rows = _rows("assessments_long.csv")
    files["assessments_long"].write_text(_csv([*rows[: PASTED_AT - 1], rows[0], *rows[PASTED_AT - 1 :]], bom=True))
    return _score(folder)


def assessments_two_files_concatenated(folder: Path) -> list[str]:
    """``cat a.csv b.csv > all.csv`` of two UTF-8 files with a byte-order mark each (the example
    rows cut in two): the second header, BOM and all, was "commune code <U+FEFF>commune_code holds
    a control character", seven times, and the run incomplete."""
    files = _examples(folder)
    lines = files["assessments_long"].read_bytes().splitlines(keepends=True)
    files["assessments_long"].write_bytes(b"".join([*lines[:1500], lines[0], *lines[1500:]]))
    return _score(folder)


def register_header_pasted(folder: Path) -> list[str]:
    """The register with its header pasted again after the 30th unit: a 61st unit of code "code",
    named "name", of unit type "type", ranked with the others (exit 0, one warning of its type)."""
    files = _examples(folder)
    rows = _rows("communes.csv")
    files["communes"].write_text(_csv([*rows[:31], rows[0], *rows[31:]], bom=True), encoding="utf-8")
    return _score(folder)


def survey_header_pasted_other_case(folder: Path) -> list[str]:
    """The survey with its header again, upper-cased and spaced (``COMMUNE_CODE , Criterion_ID``):
    an unknown criterion and an incomplete run."""
    files = _examples(folder)
    rows = _rows("survey.csv")
    loud = [f" {name.upper()} " for name in rows[0]]
    files["survey"].write_text(_csv([*rows[:50], loud, *rows[50:]]), encoding="utf-8")
    return _score(folder)


def xlsx_header_pasted(folder: Path) -> list[str]:
    """A workbook of the example rows whose header is written again at row 101."""
    import xlsxwriter

    rows = _rows("assessments_long.csv")
    path = folder / "pasted.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("data")
        for r, row in enumerate([*rows[: PASTED_AT - 1], rows[0], *rows[PASTED_AT - 1 :]]):
            for c, text in enumerate(row):
                if text:
                    sheet.write_string(r, c, text)
    return _score(folder, assessments=path)


# ---------------------------------------------------------------------------------------------
# A workbook protected by a password to open it (intake.xlsx.legacy_scan._encrypted)


def _rename_stream(path: Path, old: str, new: str) -> Path:
    """``path`` (an OLE compound file of tests/biff_writers) with its stream ``old`` renamed."""
    data = bytearray(path.read_bytes())
    at = data.find((old + "\0").encode("utf-16-le"))
    name = (new + "\0").encode("utf-16-le")
    data[at : at + 64] = name.ljust(64, b"\0")
    data[at + 64 : at + 66] = struct.pack("<H", len(name))
    path.write_bytes(bytes(data))
    return path


def encrypted_xlsx(path: Path) -> Path:
    """What Excel writes for an .xlsx with a password to open it: an OLE compound file (not a zip)
    whose EncryptedPackage stream holds the encrypted package."""
    write_xls(path, b"\x01" * 5000)
    return _rename_stream(path, "Workbook", "EncryptedPackage")


def xlsx_password_to_open(folder: Path) -> list[str]:
    """A commune's form saved with a password to open it: "Cannot detect file format", and the
    hint "save it from Excel as .xlsx", which it was."""
    return _score(folder, assessments=encrypted_xlsx(folder / "form.xlsx"))


def xls_password_to_open(folder: Path) -> list[str]:
    """An .xls with a password to open it (a FILEPASS record after the workbook's BOF)."""
    rows = [row[:4] for row in _rows("assessments_long.csv")[:3]]
    strings = list(dict.fromkeys(text for row in rows for text in row if text))
    cells = [(r, c, strings.index(text)) for r, row in enumerate(rows) for c, text in enumerate(row) if text]
    stream = xls_stream([("data", xls_sheet(cells))], strings)
    filepass = struct.pack("<HH", 0x002F, 54) + struct.pack("<HHH", 1, 1, 1) + b"\x11" * 48
    path = write_xls(folder / "form.xls", stream[:20] + filepass + stream[20:])
    return _score(folder, assessments=path)


def annex_password_to_open(folder: Path) -> list[str]:
    """``pari criteria import`` of an annex with a password to open it."""
    annex = encrypted_xlsx(folder / "annex.xlsx")
    return ["criteria", "import", str(annex), "-o", str(folder / "draft.yaml")]


def register_password_to_open(folder: Path) -> list[str]:
    """``--communes register.xlsx`` with a password to open it."""
    files = _examples(folder)
    register = encrypted_xlsx(folder / "register.xlsx")
    args = _score(folder)
    args[args.index(str(files["communes"]))] = str(register)
    return args


# ---------------------------------------------------------------------------------------------
# Text under a workbook's name, and an open workbook's lock file (intake.xlsx.reading.not_a_workbook)


def csv_renamed_xlsx(folder: Path) -> list[str]:
    """The example assessments (a CSV file) renamed assessments.xlsx."""
    path = folder / "assessments.xlsx"
    path.write_bytes((EXAMPLES / "assessments_long.csv").read_bytes())
    return _score(folder, assessments=path)


def html_saved_as_xls(folder: Path) -> list[str]:
    """What many offices' software exports as "Excel": an HTML table under an .xls name."""
    rows = _rows("assessments_long.csv")[:50]
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    path = folder / "export.xls"
    path.write_text(f'<html><head><meta charset="utf-8"></head><body><table>{cells}</table></body></html>')
    return _score(folder, assessments=path)


def spreadsheetml_2003_as_xls(folder: Path) -> list[str]:
    """Excel 2003's "XML Spreadsheet" under an .xls name, with a byte-order mark."""
    path = folder / "export.xls"
    path.write_text(
        '\ufeff<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="data">'
        '<Table><Row><Cell><Data ss:Type="String">commune_code</Data></Cell></Row></Table>'
        "</Worksheet></Workbook>\n",
        encoding="utf-8",
    )
    return _score(folder, assessments=path)


def unicode_text_as_xls(folder: Path) -> list[str]:
    """Excel's "Unicode Text" (UTF-16, tab separated) saved under an .xls name."""
    rows = _rows("communes.csv")
    path = folder / "register.xls"
    path.write_bytes("\r\n".join("\t".join(row) for row in rows).encode("utf-16"))
    files = _examples(folder)
    args = _score(folder)
    args[args.index(str(files["communes"]))] = str(path)
    return args


def report_of_csv_renamed_xlsx(folder: Path) -> list[str]:
    """``pari report results.xlsx`` where results.xlsx is a CSV file."""
    path = folder / "results.xlsx"
    path.write_text("commune_code,total\n00001,80\n", encoding="utf-8")
    return ["report", str(path), "-o", str(folder / "report.html")]


def _excel_lock(path: Path) -> Path:
    """Excel's owner file of an open workbook: the user's name, padded, twice (165 bytes)."""
    user = "Nguyễn Thu"
    path.write_bytes(
        bytes([len(user)])
        + user.encode("cp1258", "replace").ljust(53, b" ")
        + user.encode("utf-16-le").ljust(111, b" ")
    )
    return path


def lock_file_among_inputs(folder: Path) -> list[str]:
    """``pari score data/*`` while one of the forms is open in Excel: its ``~$`` lock file comes
    with the forms, and was "cannot be opened as a spreadsheet ... save it from Excel as .xlsx"."""
    args = _score(folder)
    return [*args[:2], str(_excel_lock(folder / "~$sessments.xlsx")), *args[2:]]


def report_of_lock_file(folder: Path) -> list[str]:
    """``pari report ~$results.xlsx`` (the lock file, picked from a list of names)."""
    return ["report", str(_excel_lock(folder / "~$results.xlsx")), "-o", str(folder / "report.html")]


def libreoffice_lock_among_inputs(folder: Path) -> list[str]:
    """``pari score data/*`` with LibreOffice's lock file of an open form (``.~lock.form.xlsx#``,
    a line of text): read as a CSV file, it was a table without the columns of assessments."""
    path = folder / ".~lock.form.xlsx#"
    path.write_text("Nguyễn Thu,may-tinh,may-tinh,03.12.2026 08:00,file:///home/thu/.config/libreoffice/4;\n")
    args = _score(folder)
    return [*args[:2], str(path), *args[2:]]


def excel_lock_annex_import(folder: Path) -> list[str]:
    """``pari criteria import ~$annex.xlsx`` (Excel's lock file of the annex being edited)."""
    return ["criteria", "import", str(_excel_lock(folder / "~$annex.xlsx")), "-o", str(folder / "draft.yaml")]


# ---------------------------------------------------------------------------------------------
# NUL bytes in a text file (intake.decoding.binary_file)

#: The byte offset of the NUL bytes in csv-nul-block-mid-file, and how many.
NUL_AT, NUL_COUNT = 150_000, 512


def csv_nul_block(folder: Path) -> list[str]:
    """The example assessments with a block of 512 NUL bytes 150 KB in (a copy from a USB stick
    cut short and padded, a crash while saving): "this looks like a binary file, not CSV", and the
    hint to export the sheet as CSV, which it was."""
    files = _examples(folder)
    raw = files["assessments_long"].read_bytes()
    files["assessments_long"].write_bytes(raw[:NUL_AT] + b"\x00" * NUL_COUNT + raw[NUL_AT:])
    return _score(folder)


def register_nul_bytes(folder: Path) -> list[str]:
    """``pari template --communes`` of a register with NUL bytes at the end of one name."""
    files = _examples(folder)
    raw = files["communes"].read_bytes()
    at = raw.index(b"\n", 2000)
    files["communes"].write_bytes(raw[:at] + b"\x00\x00" + raw[at:])
    return ["template", "--communes", str(files["communes"]), "-o", str(folder / "form.xlsx")]


# ---------------------------------------------------------------------------------------------
# YAML that parses but cannot be built, with no tag at fault (criteria.yaml_reader._construct)


def _yaml_case(text: str) -> Case:
    def case(folder: Path) -> list[str]:
        path = folder / "set.yaml"
        path.write_text(text, encoding="utf-8")
        return ["validate", str(path)]

    case.__doc__ = f"``pari validate`` of {text!r}: 'yaml-tag-refused', with the hint to remove a tag."
    return case


# ---------------------------------------------------------------------------------------------
# An unbounded option (cli.schema --indent)


def schema_indent_overflow(folder: Path) -> list[str]:
    """``pari schema --indent 99999999999999999999``: a traceback (OverflowError) instead of a
    usage error."""
    return ["schema", "--indent", "99999999999999999999"]


def schema_indent_huge(folder: Path) -> list[str]:
    """``pari schema --indent 100000``: 789 MB of spaces written to the terminal."""
    return ["schema", "--indent", "100000"]


# ---------------------------------------------------------------------------------------------
# Cases of other classes tried this session that already answered well (kept as they are)


def survey_odd_numbers(folder: Path) -> list[str]:
    """Survey rates NaN, inf, -inf, 1e309, 1e-400, full-width digits, 0x10, ½ and Arabic digits:
    each a located error; "8,5", "85%", "-0", "+5" and " 50 " read."""
    files = _examples(folder)
    rows = _rows("survey.csv")
    odd = ["NaN", "inf", "-inf", "1e309", "1e-400", "１００", "0x10", "½", "٣٣", "8,5", "85%", "-0", "+5", " 50 "]
    for row, value in zip(rows[1:], odd, strict=False):
        row[3] = value
    files["survey"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


def codes_without_leading_zeros(folder: Path) -> list[str]:
    """Commune 00001 written 1 and 00004 written 4.0 (a column typed as numbers), one code blank."""
    files = _examples(folder)
    rows = _rows("assessments_long.csv")
    for row in rows[1:]:
        row[0] = {"00001": "1", "00004": "4.0"}.get(row[0], row[0])
    rows[-1][0] = ""
    files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


def criteria_tab_indent(folder: Path) -> list[str]:
    """A criteria set with one line indented by a tab."""
    lines = (CRITERIA / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("  ") and ":" in line)
    lines[at] = "\t" + lines[at].lstrip(" ")
    path = folder / "set.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return ["validate", str(path)]


def export_over_its_set(folder: Path) -> list[str]:
    """``pari criteria export set.yaml -o set.yaml``."""
    path = folder / "set.yaml"
    path.write_bytes((CRITERIA / "ha-noi-2025-commune.yaml").read_bytes())
    return ["criteria", "export", str(path), "-o", str(path)]


CASES: dict[str, Case] = {
    "header-pasted-assessments": assessments_header_pasted,
    "header-pasted-two-files-with-bom": assessments_two_files_concatenated,
    "header-pasted-register": register_header_pasted,
    "header-pasted-survey-other-case": survey_header_pasted_other_case,
    "header-pasted-xlsx": xlsx_header_pasted,
    "encrypted-xlsx-assessments": xlsx_password_to_open,
    "encrypted-xls-filepass": xls_password_to_open,
    "encrypted-annex-import": annex_password_to_open,
    "encrypted-register": register_password_to_open,
    "renamed-csv-as-xlsx": csv_renamed_xlsx,
    "renamed-html-as-xls": html_saved_as_xls,
    "renamed-xml-2003-as-xls": spreadsheetml_2003_as_xls,
    "renamed-utf16-text-register-as-xls": unicode_text_as_xls,
    "renamed-csv-as-results-report": report_of_csv_renamed_xlsx,
    "lock-file-among-inputs": lock_file_among_inputs,
    "lock-file-report": report_of_lock_file,
    "lock-file-libreoffice-among-inputs": libreoffice_lock_among_inputs,
    "lock-file-annex-import": excel_lock_annex_import,
    "nul-block-mid-csv": csv_nul_block,
    "nul-bytes-register-template": register_nul_bytes,
    "yaml-list-as-key": _yaml_case("id: x\ntitle: t\n? [a, b]\n: 1\n"),
    "yaml-mapping-as-key": _yaml_case("id: x\ntitle: t\n{a: 1}: 2\n"),
    "yaml-merge-of-a-scalar": _yaml_case("id: x\nareas:\n  <<: 5\n"),
    "option-schema-indent-overflow": schema_indent_overflow,
    "option-schema-indent-huge": schema_indent_huge,
    "well-survey-odd-numbers": survey_odd_numbers,
    "well-codes-without-leading-zeros": codes_without_leading_zeros,
    "well-criteria-tab-indent": criteria_tab_indent,
    "well-export-over-its-set": export_over_its_set,
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")

#: What each case answers: exit status, a code that must be printed (or None), and the names (in
#: the case's folder) of user files that must be left exactly as they were.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "header-pasted-assessments": (0, None, _INPUTS),
    "header-pasted-two-files-with-bom": (0, None, _INPUTS),
    "header-pasted-register": (0, None, _INPUTS),
    "header-pasted-survey-other-case": (0, None, _INPUTS),
    "header-pasted-xlsx": (0, None, ("pasted.xlsx",)),
    "encrypted-xlsx-assessments": (1, "workbook-encrypted", ("form.xlsx",)),
    "encrypted-xls-filepass": (1, "workbook-encrypted", ("form.xls",)),
    "encrypted-annex-import": (1, "workbook-encrypted", ("annex.xlsx",)),
    "encrypted-register": (1, "workbook-encrypted", ("register.xlsx",)),
    "renamed-csv-as-xlsx": (1, "workbook-is-text", ("assessments.xlsx",)),
    "renamed-html-as-xls": (1, "workbook-is-markup", ("export.xls",)),
    "renamed-xml-2003-as-xls": (1, "workbook-is-markup", ("export.xls",)),
    "renamed-utf16-text-register-as-xls": (1, "workbook-is-text", ("register.xls",)),
    "renamed-csv-as-results-report": (1, "workbook-is-text", ("results.xlsx",)),
    "lock-file-among-inputs": (1, "office-lock-file", ("~$sessments.xlsx", *_INPUTS)),
    "lock-file-report": (1, "office-lock-file", ("~$results.xlsx",)),
    "lock-file-libreoffice-among-inputs": (1, "office-lock-file", (".~lock.form.xlsx#", *_INPUTS)),
    "lock-file-annex-import": (1, "office-lock-file", ("~$annex.xlsx",)),
    "nul-block-mid-csv": (1, "nul-bytes", _INPUTS),
    "nul-bytes-register-template": (1, "nul-bytes", ("communes.csv",)),
    "yaml-list-as-key": (1, "yaml-structure", ("set.yaml",)),
    "yaml-mapping-as-key": (1, "yaml-structure", ("set.yaml",)),
    "yaml-merge-of-a-scalar": (1, "yaml-structure", ("set.yaml",)),
    "option-schema-indent-overflow": (2, None, ()),
    "option-schema-indent-huge": (2, None, ()),
    "well-survey-odd-numbers": (1, "bad-value", _INPUTS),
    "well-codes-without-leading-zeros": (1, "unknown-commune", _INPUTS),
    "well-criteria-tab-indent": (1, "yaml-syntax", ("set.yaml",)),
    "well-export-over-its-set": (4, "output-is-input", ("set.yaml",)),
}

#: Outputs each case must not have written (the case's folder).
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "encrypted-xlsx-assessments": ("out.xlsx",),
    "encrypted-xls-filepass": ("out.xlsx",),
    "encrypted-annex-import": ("draft.yaml",),
    "encrypted-register": ("out.xlsx",),
    "renamed-csv-as-xlsx": ("out.xlsx",),
    "renamed-html-as-xls": ("out.xlsx",),
    "renamed-xml-2003-as-xls": ("out.xlsx",),
    "renamed-utf16-text-register-as-xls": ("out.xlsx",),
    "renamed-csv-as-results-report": ("report.html",),
    "lock-file-among-inputs": ("out.xlsx",),
    "lock-file-report": ("report.html",),
    "lock-file-libreoffice-among-inputs": ("out.xlsx",),
    "lock-file-annex-import": ("draft.yaml",),
    "nul-block-mid-csv": ("out.xlsx",),
    "nul-bytes-register-template": ("form.xlsx",),
}
