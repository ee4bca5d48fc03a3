"""Hostile cases of the sixteenth session's sweep: text typed with a legacy Vietnamese font (TCVN3/ABC
or VNI) into a workbook (a register's names went into the ranking garbled with exit 0; an
assessments form's answers ``cã`` and ``khång`` failed one cell at a time), refused per sheet
as ``legacy-font``, as a CSV file of those bytes already was; text files and criteria sets in
UTF-32 (with its byte-order mark FF FE 00 00, which begins as UTF-16's, or without one), which were
"a binary file, not CSV", read; rows of formulas whose saved result is the empty text
(``t="str"`` and ``<v></v>``, what Excel saves below a table filled down with
``=IF(A2="","",…)``), 5,000 ``formula-without-value`` errors, read as the blank rows they are;
a Parquet file whose strings are a binary column (written without the UTF-8 annotation, as Hive,
Impala and older Spark write them), whose code column was "missing", read as text.
An output folder that is a symbolic link to nowhere (a loop, or a folder since deleted) was "a
file, so no folder can be made there": now said as what it is (output-folder-broken-link).
The current folder deleted under the terminal (an "os-error" naming no file) is a test of its
own (tests/test_hostile_sweep16.py), the case not being a set of files.

Cases of other classes tried this session that already answered well are kept so that they stay
so: phonetic runs (``<rPh>``) and inline rich-text runs in code cells, a ``<dimension>`` of
A1:XFD1048576, XML parts with a byte-order mark or in UTF-16, codes typed into a date-formatted
column, an .ods text cell repeated across 10^9 columns, two byte-order marks, a Unix socket and a
/proc file as inputs, an output or report named by a dangling symbolic link (replaced by the
results, the link's target left alone), a commune
only in the survey, a register pasted twice in one workbook, a wide form's column again under
another spelling, criteria ids ``1.1`` and ``1.10`` without quotes, a sheet named with characters Excel forbids,
an input whose name holds a line break (shown ``<U+000A>``), a cell naming a shared string out
of range and a workbook without its shared strings (``sheet-unreadable``), and cells of two million
characters of digit groups and dots.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep16.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import codecs
import os
import re
import socket
import zipfile
from collections.abc import Callable
from pathlib import Path

from hostile_csv import tcvn3_bytes, vni_bytes
from hostile_sweep8 import EXAMPLES, _examples, _rows, _score
from hostile_sweep14 import _csv, _rewritten, _workbook

Case = Callable[[Path], list[str]]


def _text(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8-sig")


# ---------------------------------------------------------------------------------------------
# Legacy Vietnamese font encodings typed into a workbook


def _tcvn3(text: str) -> str:
    """``text`` as a workbook typed with a TCVN3 (.VnTime) font holds it: the font's bytes as the
    characters of the Windows code page."""
    return tcvn3_bytes(text).decode("latin-1")


def _vni(text: str) -> str:
    return vni_bytes(text).decode("cp1252", errors="replace")


def _table_workbook(path: Path, rows: list[list[str]]) -> Path:
    import xlsxwriter

    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("data")
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text:
                    sheet.write_string(r, c, text)
    return path


def _register_workbook(folder: Path, legacy: Callable[[str], str]) -> list[str]:
    rows = _rows("communes.csv")
    rows = [rows[0], *[[legacy(cell) if c else cell for c, cell in enumerate(row)] for row in rows[1:]]]
    path = _table_workbook(folder / "communes.xlsx", rows)
    args = _score(folder)
    args[args.index("--communes") + 1] = str(path)
    return args


def tcvn3_register_workbook(folder: Path) -> list[str]:
    """A register workbook whose names were typed with a TCVN3 font (``Ph\xadêng Hång CÈm``)."""
    return _register_workbook(folder, _tcvn3)


def vni_register_workbook(folder: Path) -> list[str]:
    """A register workbook whose names were typed with a VNI font (``Phöôøng Hoàng Caåm``)."""
    return _register_workbook(folder, _vni)


def tcvn3_assessments_workbook(folder: Path) -> list[str]:
    """An assessments form whose answers and explanations were typed with a TCVN3 font."""
    rows = _rows("assessments_long.csv")
    rows = [rows[0], *[row[:3] + [_tcvn3(cell) for cell in row[3:]] for row in rows[1:]]]
    return _score(folder, assessments=_table_workbook(folder / "form.xlsx", rows))


# ---------------------------------------------------------------------------------------------
# Text files in UTF-32 (Notepad++ and some exporters)


def _utf32(folder: Path, codec: str, bom: bytes) -> list[str]:
    path = folder / "utf32.csv"
    path.write_bytes(bom + _text("assessments_long.csv").encode(codec))
    return _score(folder, assessments=path)


def utf32le_with_bom(folder: Path) -> list[str]:
    """The assessments in UTF-32 little-endian with its byte-order mark (FF FE 00 00, which begins
    as UTF-16 LE's)."""
    return _utf32(folder, "utf-32-le", codecs.BOM_UTF32_LE)


def utf32be_with_bom(folder: Path) -> list[str]:
    return _utf32(folder, "utf-32-be", codecs.BOM_UTF32_BE)


def utf32le_without_bom(folder: Path) -> list[str]:
    return _utf32(folder, "utf-32-le", b"")


def register_utf32(folder: Path) -> list[str]:
    """The register in UTF-32 LE with a byte-order mark."""
    _examples(folder)
    (folder / "communes.csv").write_bytes(codecs.BOM_UTF32_LE + _text("communes.csv").encode("utf-32-le"))
    return _score(folder)


def criteria_utf32(folder: Path) -> list[str]:
    """The bundled criteria set saved as UTF-32 with a byte-order mark, validated."""
    from hostile_sweep8 import CRITERIA

    text = (CRITERIA / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
    (folder / "set.yaml").write_bytes(text.encode("utf-32"))
    return ["validate", str(folder / "set.yaml")]


def criteria_utf32_without_bom(folder: Path) -> list[str]:
    """The same without its byte-order mark (big-endian: 00 00 00 ``#`` at the start)."""
    from hostile_sweep8 import CRITERIA

    text = (CRITERIA / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
    (folder / "set.yaml").write_bytes(text.encode("utf-32-be"))
    return ["validate", str(folder / "set.yaml")]


def double_bom(folder: Path) -> list[str]:
    """Two byte-order marks at the start (a UTF-8 file saved again by a tool that adds one)."""
    path = folder / "bom2.csv"
    path.write_bytes(codecs.BOM_UTF8 * 2 + _text("assessments_long.csv").encode())
    return _score(folder, assessments=path)


# ---------------------------------------------------------------------------------------------
# Workbook internals


def phonetic_runs(folder: Path) -> list[str]:
    """Shared strings with phonetic runs (``<rPh>``, what a Japanese or Chinese Excel keeps beside
    typed text): the code 00001 with a reading after it."""
    path = _workbook(folder / "form.xlsx", {"strings_to_numbers": False})
    rph = b'<rPh sb="0" eb="5"><t>\xe3\x82\xbc\xe3\x83\xad</t></rPh><phoneticPr fontId="0" type="noConversion"/>'

    def change(name: str, data: bytes) -> bytes:
        if name == "xl/sharedStrings.xml":
            return data.replace(b"<t>00001</t></si>", b"<t>00001</t>" + rph + b"</si>")
        return data

    _rewritten(path, change)
    return _score(folder, assessments=path)


def dimension_whole_sheet(folder: Path) -> list[str]:
    """The example rows in a sheet whose ``<dimension>`` says A1:XFD1048576."""
    path = _workbook(folder / "form.xlsx", {})

    def change(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data)
        return data

    _rewritten(path, change)
    return _score(folder, assessments=path)


def codes_as_dates(folder: Path) -> list[str]:
    """Commune codes stored as numbers with a date format (a column formatted as dates before the
    codes were typed: Excel shows 01/01/1900 for 00001)."""
    import xlsxwriter

    rows = _rows("assessments_long.csv")
    path = folder / "form.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("data")
        day = workbook.add_format({"num_format": "dd/mm/yyyy"})
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if r and c == 0:
                    sheet.write_number(r, c, int(text), day)
                elif text:
                    sheet.write_string(r, c, text)
    return _score(folder, assessments=path)


def formulas_of_nothing(folder: Path) -> list[str]:
    """500 rows after the data whose every cell is a formula that evaluates to "" (a sheet filled
    down with ``=IF(A2="","",…)``)."""
    path = _workbook(folder / "form.xlsx", {})
    rows = "".join(
        f'<row r="{r}">'
        + "".join(f'<c r="{col}{r}" t="str"><f>IF(1,"","")</f><v></v></c>' for col in "ABCDEFGHIJ")
        + "</row>"
        for r in range(3431, 3931)
    ).encode()

    def change(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:J3930"/>', data)
            return data.replace(b"</sheetData>", rows + b"</sheetData>")
        return data

    _rewritten(path, change)
    return _score(folder, assessments=path)


# ---------------------------------------------------------------------------------------------
# Things that are not files, or not where they say


def input_socket(folder: Path) -> list[str]:
    """The survey is a Unix socket (a program's socket left in the data folder)."""
    _examples(folder)
    (folder / "survey.csv").unlink()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "survey.csv"))
    server.close()
    return _score(folder)


def register_proc_file(folder: Path) -> list[str]:
    """``--communes /proc/self/status`` (a file whose size says 0 and whose reading gives text)."""
    args = _score(folder)
    args[args.index("--communes") + 1] = "/proc/self/status"
    return args


def output_dangling_link(folder: Path) -> list[str]:
    """``-o out.xlsx`` where out.xlsx is a symbolic link to a file that does not exist (elsewhere)."""
    (folder / "elsewhere").mkdir()
    os.symlink(folder / "elsewhere" / "gone.xlsx", folder / "out.xlsx")
    return _score(folder)


def output_folder_link_loop(folder: Path) -> list[str]:
    """``-o loop/out.xlsx`` where loop is a symbolic link to itself."""
    os.symlink("loop", folder / "loop")
    return _score(folder, out="loop/out.xlsx")


def output_folder_dangling_link(folder: Path) -> list[str]:
    """``-o results/out.xlsx`` where results is a symbolic link to a folder since deleted."""
    os.symlink(folder / "old-results", folder / "results")
    return _score(folder, out="results/out.xlsx")


def report_dangling_link(folder: Path) -> list[str]:
    """``--report page.html`` where page.html is a dangling symbolic link."""
    os.symlink(folder / "nowhere" / "page.html", folder / "page.html")
    return _score(folder, "--report", str(folder / "page.html"))


# ---------------------------------------------------------------------------------------------
# Completeness


def survey_only_commune(folder: Path) -> list[str]:
    """Survey rows for a commune of no register (99999): only in the survey."""
    _examples(folder)
    rows = _rows("survey.csv")
    rows += [["99999", row[1], row[2], row[3]] for row in rows[1:7]]
    (folder / "survey.csv").write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


def register_header_pasted_twice_workbook(folder: Path) -> list[str]:
    """Two registers pasted one under the other in a workbook: the second with its header and
    the same units."""
    rows = _rows("communes.csv")
    path = _table_workbook(folder / "communes.xlsx", rows + rows)
    args = _score(folder)
    args[args.index("--communes") + 1] = str(path)
    return args


# ---------------------------------------------------------------------------------------------
# Other classes, answered well


def wide_column_twice_spelled(folder: Path) -> list[str]:
    """A wide form with the column ``1.1.2:tasks`` again as `` 1.1.2 : TASKS`` (a column pasted
    from another copy of the form), holding other answers."""
    import openpyxl

    book = openpyxl.load_workbook(EXAMPLES / "assessments_wide.xlsx")
    sheet = book["data"]
    column = sheet.max_column + 1
    sheet.cell(1, column, " 1.1.2 : TASKS")
    for r in range(2, sheet.max_row + 1):
        sheet.cell(r, column, "không")
    path = folder / "wide.xlsx"
    book.save(path)
    return _score(folder, assessments=path)


def criteria_unquoted_float_ids(folder: Path) -> list[str]:
    """Item ids typed without quotes, ``1.1`` and ``1.10`` (YAML reads both as the number 1.1)."""
    from hostile_criteria import small_set

    text = small_set().replace('- id: "1.1"', "- id: 1.1").replace('- id: "1.2"', "- id: 1.10")
    (folder / "set.yaml").write_text(text, encoding="utf-8")
    return ["validate", str(folder / "set.yaml")]


def _one_value(folder: Path, value: str) -> list[str]:
    _examples(folder)
    rows = _rows("assessments_long.csv")
    rows[10][3] = value
    (folder / "assessments_long.csv").write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


def value_of_digit_groups(folder: Path) -> list[str]:
    """One count of 2,000,000 characters: ``1 `` a million times (digit groups the number reader
    looks at, sweep 14's class, built to make a pattern backtrack)."""
    return _one_value(folder, "1 " * 1_000_000 + "x")


def value_of_dots(folder: Path) -> list[str]:
    """One count of ``1.`` a million times and a comma at its end."""
    return _one_value(folder, "1." * 1_000_000 + ",")


def inline_rich_runs(folder: Path) -> list[str]:
    """Codes held as inline rich text split into two runs (``<is><r><t>000</t></r><r><t>01</t>``),
    as a program that colours part of a cell writes them."""
    path = _workbook(folder / "form.xlsx", {})

    def change(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        strings = _shared_strings(path)

        def inline(match: re.Match[bytes]) -> bytes:
            text = strings[int(match[2])]
            if match[1].startswith(b"A") and text.isdigit():
                return b'<c r="%s" t="inlineStr"><is><r><t>%s</t></r><r><rPr><b/></rPr><t>%s</t></r></is></c>' % (
                    match[1],
                    text[:3].encode(),
                    text[3:].encode(),
                )
            return match[0]

        return re.sub(rb'<c r="([A-Z]+[0-9]+)" t="s"><v>([0-9]+)</v></c>', inline, data)

    _rewritten(path, change)
    return _score(folder, assessments=path)


def _shared_strings(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        xml = package.read("xl/sharedStrings.xml").decode()
    return [re.sub("<[^>]+>", "", si) for si in re.findall("<si>(.*?)</si>", xml)]


def parts_in_utf16(folder: Path) -> list[str]:
    """A workbook whose XML parts are written in UTF-16 with a byte-order mark (XML allows it;
    a program exporting through a .NET XmlWriter does it)."""
    path = _workbook(folder / "form.xlsx", {})

    def change(name: str, data: bytes) -> bytes:
        if name.endswith(".xml") or name.endswith(".rels"):
            text = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
        return data

    _rewritten(path, change)
    return _score(folder, assessments=path)


def parts_with_bom(folder: Path) -> list[str]:
    """A workbook whose XML parts begin with a UTF-8 byte-order mark."""
    path = _workbook(folder / "form.xlsx", {})

    def change(name: str, data: bytes) -> bytes:
        return codecs.BOM_UTF8 + data if name.endswith(".xml") else data

    _rewritten(path, change)
    return _score(folder, assessments=path)


def ods_repeated_value_columns(folder: Path) -> list[str]:
    """An .ods whose second row holds one text cell repeated across 1,000,000,000 columns."""
    import polars as pl

    path = folder / "form.ods"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="data">'
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{h}</text:p></table:table-cell>'
            for h in ("commune_code", "criterion_id", "input", "value")
        )
        + "</table:table-row><table:table-row>"
        '<table:table-cell table:number-columns-repeated="1000000000" office:value-type="string">'
        "<text:p>00001</text:p></table:table-cell></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        package.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        package.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    del pl
    return _score(folder, assessments=path)


def sheet_name_excel_forbids(folder: Path) -> list[str]:
    """A sheet named ``data/2025:[xã]*?`` (characters Excel forbids in a sheet name; a program
    wrote it), over 31 characters."""
    path = _workbook(folder / "form.xlsx", {})
    name = "data/2025:[xã]*? " + "x" * 40

    def change(part: str, data: bytes) -> bytes:
        if part == "xl/workbook.xml":
            return data.replace(b'name="data"', f'name="{name}"'.encode())
        return data

    _rewritten(path, change)
    return _score(folder, assessments=path)


def newline_in_an_input_name(folder: Path) -> list[str]:
    """An assessments file named ``a<LF>lỗi: giả.csv`` (a name with a line break, which a shell
    glob takes in) with one bad value: the message must stay one finding on its lines."""
    rows = _rows("assessments_long.csv")
    rows[10][3] = "nhiều"
    path = folder / "a\nlỗi: giả.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    return _score(folder, assessments=path)


def parquet_binary_codes(folder: Path) -> list[str]:
    """A Parquet file whose commune codes are a binary column, one of them bytes that are not
    UTF-8."""
    import polars as pl

    frame = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False)
    codes = [c.encode() for c in frame["commune_code"]]
    codes[5] = b"\xff\xfe0001"
    frame = frame.with_columns(pl.Series("commune_code", codes, dtype=pl.Binary))
    path = folder / "form.parquet"
    frame.write_parquet(path)
    return _score(folder, assessments=path)


def shared_string_out_of_range(folder: Path) -> list[str]:
    """A cell naming shared string 999,999 of a table of about 4,000."""
    path = _workbook(folder / "form.xlsx", {})

    def change(part: str, data: bytes) -> bytes:
        if part == "xl/worksheets/sheet1.xml":
            return re.sub(rb'(<c r="A5" t="s"><v>)[0-9]+(</v>)', rb"\g<1>999999\g<2>", data, count=1)
        return data

    _rewritten(path, change)
    return _score(folder, assessments=path)


def shared_strings_part_missing(folder: Path) -> list[str]:
    """A workbook whose sharedStrings part is missing (its relationship kept): every text cell
    names a string that is nowhere."""
    path = _workbook(folder / "form.xlsx", {})
    with zipfile.ZipFile(path) as package:
        parts = [(n, package.read(n)) for n in package.namelist() if n != "xl/sharedStrings.xml"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            package.writestr(name, data)
    return _score(folder, assessments=path)


CASES: dict[str, Case] = {
    "legacy-tcvn3-register-workbook": tcvn3_register_workbook,
    "legacy-vni-register-workbook": vni_register_workbook,
    "legacy-tcvn3-assessments-workbook": tcvn3_assessments_workbook,
    "utf32-le-with-bom": utf32le_with_bom,
    "utf32-be-with-bom": utf32be_with_bom,
    "utf32-le-without-bom": utf32le_without_bom,
    "utf32-register": register_utf32,
    "utf32-criteria": criteria_utf32,
    "utf32-criteria-without-bom": criteria_utf32_without_bom,
    "well-double-bom": double_bom,
    "well-xlsx-phonetic-runs": phonetic_runs,
    "well-xlsx-dimension-whole-sheet": dimension_whole_sheet,
    "well-xlsx-codes-as-dates": codes_as_dates,
    "xlsx-formulas-of-nothing": formulas_of_nothing,
    "well-os-input-socket": input_socket,
    "well-os-register-proc-file": register_proc_file,
    "well-os-output-dangling-link": output_dangling_link,
    "os-output-folder-link-loop": output_folder_link_loop,
    "os-output-folder-dangling-link": output_folder_dangling_link,
    "well-os-report-dangling-link": report_dangling_link,
    "well-complete-survey-only-commune": survey_only_commune,
    "well-complete-register-pasted-twice-workbook": register_header_pasted_twice_workbook,
    "well-wide-column-twice-spelled": wide_column_twice_spelled,
    "well-criteria-unquoted-float-ids": criteria_unquoted_float_ids,
    "well-regex-value-of-digit-groups": value_of_digit_groups,
    "well-regex-value-of-dots": value_of_dots,
    "well-xlsx-inline-rich-runs": inline_rich_runs,
    "well-xlsx-parts-in-utf16": parts_in_utf16,
    "well-xlsx-parts-with-bom": parts_with_bom,
    "well-ods-repeated-value-columns": ods_repeated_value_columns,
    "well-xlsx-sheet-name-excel-forbids": sheet_name_excel_forbids,
    "well-os-newline-in-an-input-name": newline_in_an_input_name,
    "parquet-binary-codes": parquet_binary_codes,
    "well-xlsx-shared-string-out-of-range": shared_string_out_of_range,
    "well-xlsx-shared-strings-part-missing": shared_strings_part_missing,
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
_OTHERS = ("communes.csv", "survey.csv")

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "legacy-tcvn3-register-workbook": (1, "legacy-font", ("communes.xlsx", "assessments_long.csv", "survey.csv")),
    "legacy-vni-register-workbook": (1, "legacy-font", ("communes.xlsx", "assessments_long.csv", "survey.csv")),
    "legacy-tcvn3-assessments-workbook": (1, "legacy-font", ("form.xlsx", *_OTHERS)),
    "utf32-le-with-bom": (0, None, ("utf32.csv", *_OTHERS)),
    "utf32-be-with-bom": (0, None, ("utf32.csv", *_OTHERS)),
    "utf32-le-without-bom": (0, None, ("utf32.csv", *_OTHERS)),
    "utf32-register": (0, None, _INPUTS),
    "utf32-criteria": (0, None, ("set.yaml",)),
    "utf32-criteria-without-bom": (0, None, ("set.yaml",)),
    "xlsx-formulas-of-nothing": (0, None, ("form.xlsx", *_OTHERS)),
    "well-double-bom": (0, None, ("bom2.csv", *_OTHERS)),
    "well-xlsx-phonetic-runs": (0, None, ("form.xlsx", *_OTHERS)),
    "well-xlsx-dimension-whole-sheet": (0, None, ("form.xlsx", *_OTHERS)),
    "well-xlsx-codes-as-dates": (1, "code-as-date", ("form.xlsx", *_OTHERS)),
    "well-os-input-socket": (1, "not-a-file", ("communes.csv", "assessments_long.csv")),
    "well-os-register-proc-file": (1, "csv-syntax", ("assessments_long.csv", "survey.csv")),
    "well-os-output-dangling-link": (0, None, _INPUTS),
    "os-output-folder-link-loop": (4, "output-folder-broken-link", _INPUTS),
    "os-output-folder-dangling-link": (4, "output-folder-broken-link", _INPUTS),
    "well-os-report-dangling-link": (0, None, _INPUTS),
    "well-complete-survey-only-commune": (1, "unknown-commune", _INPUTS),
    "well-complete-register-pasted-twice-workbook": (1, "duplicate-commune", ("communes.xlsx", *_OTHERS[1:])),
    # Since session 26 ``TASKS`` is the input ``tasks`` (names are matched without case): the two
    # columns' different answers are conflicting-values, none used (before: unknown-input).
    "well-wide-column-twice-spelled": (1, "conflicting-values", ("wide.xlsx", *_OTHERS)),
    "well-criteria-unquoted-float-ids": (1, "schema:string_type", ("set.yaml",)),
    "well-regex-value-of-digit-groups": (1, "cell-too-long", _INPUTS),
    "well-regex-value-of-dots": (1, "cell-too-long", _INPUTS),
    "well-xlsx-inline-rich-runs": (0, None, ("form.xlsx", *_OTHERS)),
    "well-xlsx-parts-in-utf16": (1, "not-a-spreadsheet", ("form.xlsx", *_OTHERS)),
    "well-xlsx-parts-with-bom": (0, None, ("form.xlsx", *_OTHERS)),
    "well-ods-repeated-value-columns": (1, "sheet-too-large", ("form.ods", *_OTHERS)),
    "well-xlsx-sheet-name-excel-forbids": (0, None, ("form.xlsx", *_OTHERS)),
    "well-os-newline-in-an-input-name": (1, "bad-value", ("a\nlỗi: giả.csv", *_OTHERS)),
    "parquet-binary-codes": (1, "unknown-commune", ("form.parquet", *_OTHERS)),
    "well-xlsx-shared-string-out-of-range": (1, "sheet-unreadable", ("form.xlsx", *_OTHERS)),
    "well-xlsx-shared-strings-part-missing": (1, "sheet-unreadable", ("form.xlsx", *_OTHERS)),
}

#: Names nothing may be written under (the results of a refused run).
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    case: ("out.xlsx",) for case, (status, _, _) in EXPECTED.items() if status not in (0, 1)
}
