"""Hostile cases of the twenty-fifth session's helper decoding25: cells read as something else
than what the user saw, and rows lost without a word, in the input kinds session 24 left out.

- A CSV file whose stray quote swallowed rows (tests/hostile_decoding23.py), loaded with a data
  tool (pandas, polars) and saved as Parquet: the swallowed rows are the lines of one explanation
  cell, as in a workbook saved from it (``rows-in-one-cell``, session 24, workbooks only).

- An OpenDocument spreadsheet (.ods, LibreOffice's own format) with a date typed in a column of
  text, codes formatted ``00000`` and percentages formatted as such: session 24 read them as
  the sheet shows them in .xlsx only, and an .ods gave ``2025-04-06``, ``1`` and ``0.943``.

- A few names pasted from a document typed with a legacy font (TCVN3, VNI) into a register
  otherwise in Unicode: below the share that refuses the file, ranked garbled without a word; now
  ``legacy-font-some``, a warning naming them.

- Excel's error values in a Parquet file (pandas keeps «#REF!», «#DIV/0!» as text) counted as
  evidence given; an .ods's error cells, read by calamine as the 0 or the empty text LibreOffice
  stores beside them, scored a survey rate 0. Now ``excel-error-cell`` in both, not read.

- An .ods's merged cells (a commune code typed once and merged down over the commune's rows):
  every covered row was ``missing-commune-code`` (3,381 errors) with no word of the merge; now
  ``merged-cells`` names each range, as in an .xlsx.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding25.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from hostile_decoding23 import _explanations
from hostile_sweep8 import _examples, _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")


def quote_swallows_rows_saved_as_parquet(folder: Path) -> list[str]:
    """The assessments with a stray quote swallowing seven rows, read by polars and saved as Parquet."""
    import polars as pl

    _examples(folder)
    broken = _explanations(folder, '"Đã họp ngày 5', 'xong"')
    target = folder / "tu-danh-gia.parquet"
    pl.read_csv(broken, infer_schema=False).write_parquet(target)
    broken.unlink()
    return _score(folder, assessments=target)


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)
#: LibreOffice's automatic styles for a code formatted 00000 (ce1), a percentage (ce2) and a date (ce3).
_ODS_STYLES = (
    "<office:automatic-styles>"
    '<number:number-style style:name="N1"><number:number number:decimal-places="0" '
    'number:min-decimal-places="0" number:min-integer-digits="5"/></number:number-style>'
    '<number:percentage-style style:name="N2"><number:number number:decimal-places="1" '
    'number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text>'
    "</number:percentage-style>"
    '<number:date-style style:name="N3"><number:day number:style="long"/><number:text>/</number:text>'
    '<number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>'
    "</number:date-style>"
    '<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" '
    'style:data-style-name="N1"/>'
    '<style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Default" '
    'style:data-style-name="N2"/>'
    '<style:style style:name="ce3" style:family="table-cell" style:parent-style-name="Default" '
    'style:data-style-name="N3"/>'
    "</office:automatic-styles>"
)


def ods_text(text: str) -> str:
    return (
        '<table:table-cell office:value-type="string" calcext:value-type="string">'
        f"<text:p>{escape(text)}</text:p></table:table-cell>"
    )


def ods_code(code: str, styled: bool = True) -> str:
    """A code typed as a number, formatted ``00000`` (by its own style, or by its column's)."""
    style = ' table:style-name="ce1"' if styled else ""
    return (
        f'<table:table-cell{style} office:value-type="float" office:value="{int(code)}" calcext:value-type="float">'
        f"<text:p>{code}</text:p></table:table-cell>"
    )


def ods_percent(value: str) -> str:
    """``value`` (out of 100) typed with % in LibreOffice: stored as a fraction, shown as typed."""
    fraction = f"{float(value.replace(',', '.')) / 100:.6g}"
    return (
        f'<table:table-cell table:style-name="ce2" office:value-type="percentage" office:value="{fraction}" '
        f'calcext:value-type="percentage"><text:p>{value.replace(".", ",")}%</text:p></table:table-cell>'
    )


def ods_date(iso: str) -> str:
    """A date (``2025-04-06``) typed as ``06/04/2025`` in a Vietnamese LibreOffice."""
    year, month, day = iso[:10].split("-")
    return (
        f'<table:table-cell table:style-name="ce3" office:value-type="date" office:date-value="{iso}" '
        f'calcext:value-type="date"><text:p>{day}/{month}/{year}</text:p></table:table-cell>'
    )


def write_ods(path: Path, rows: list[list[str]], columns: str = "") -> Path:
    """An OpenDocument spreadsheet of one sheet «data» as LibreOffice writes it: its automatic
    styles, its columns (``columns``: ``<table:table-column …/>`` elements), ``rows`` of cells
    (each an ods_* element), and the sheet's end repeated to the last row."""
    body = "".join(f"<table:table-row>{''.join(cells)}</table:table-row>" for cells in rows)
    edge = (
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.3">'
        f'{_ODS_STYLES}<office:body><office:spreadsheet><table:table table:name="data">{columns}{body}{edge}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
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


#: The day typed into the register's district of its first three units.
DAY = "2025-04-06"


def ods_register_and_survey(folder: Path) -> list[str]:
    """The register as an .ods whose codes are numbers formatted ``00000`` (each cell styled),
    the first three units' district a date; the survey as an .ods whose codes are numbers in a
    column formatted ``00000`` (the column's default style, cells without their own) and whose
    values are typed with % (``100%``)."""
    header, *rows = _rows("communes.csv")
    district = header.index("district")
    register = [[ods_text(name) for name in header]]
    for number, row in enumerate(rows):
        cells = [ods_code(row[0]), *(ods_text(text) for text in row[1:])]
        if number < 3:
            cells[district] = ods_date(DAY)
        register.append(cells)
    write_ods(folder / "don-vi.ods", register)
    header, *rows = _rows("survey.csv")
    survey = [[ods_text(name) for name in header]]
    survey += [
        [ods_code(row[0], styled=False), ods_text(row[1]), ods_text(row[2]), ods_percent(row[3])] for row in rows
    ]
    columns = (
        '<table:table-column table:default-cell-style-name="ce1"/>'
        '<table:table-column table:number-columns-repeated="1023"/>'
    )
    write_ods(folder / "khao-sat.ods", survey, columns)
    args = _score(folder)
    args[args.index("--communes") + 1] = str(folder / "don-vi.ods")
    args[args.index("--survey") + 1] = str(folder / "khao-sat.ods")
    return args


def _some_legacy_names(folder: Path, legacy: Callable[[str], str], suffix: str) -> list[str]:
    """The register (``don-vi`` + ``suffix``, .csv UTF-8 or .xlsx) with three units' names pasted
    from a document typed with a legacy font (each font byte kept as the code page's character)."""
    header, *rows = _rows("communes.csv")
    name = header.index("name")
    for row in rows[:3]:
        row[name] = legacy(row[name])
    path = folder / f"don-vi{suffix}"
    if suffix == ".xlsx":
        from hostile_sweep16 import _table_workbook

        _table_workbook(path, [header, *rows])
    else:
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *rows])
    args = _score(folder)
    args[args.index("--communes") + 1] = str(path)
    return args


def some_names_tcvn3(folder: Path) -> list[str]:
    """Three names of the register's sixty in TCVN3 (``Ph\xadêng Hång CÈm``), a CSV UTF-8 file."""
    from hostile_sweep16 import _tcvn3

    return _some_legacy_names(folder, _tcvn3, ".csv")


def some_names_vni_in_a_workbook(folder: Path) -> list[str]:
    """Three names of a register workbook's sixty in VNI (``Phöôøng Hoàng Caåm``)."""
    from hostile_sweep16 import _vni

    return _some_legacy_names(folder, _vni, ".xlsx")


def excel_errors_in_parquet(folder: Path) -> list[str]:
    """The assessments read from a workbook by pandas (whose default missing values take «#N/A»
    but not «#REF!» or «#DIV/0!») and saved as Parquet: the evidence numbers and files of the first
    five items with a document were formulas that failed, kept as their error values' text."""
    import polars as pl

    header, *rows = _rows("assessments_long.csv")
    number, name = header.index("evidence_number"), header.index("evidence_file")
    errors = iter(["#REF!", "#DIV/0!", "#VALUE!", "Err:502", "#NAME?"])
    for row in rows:
        if row[name]:
            row[number] = row[name] = next(errors, row[name])
    target = folder / "tu-danh-gia.parquet"
    pl.DataFrame(rows, schema=header, orient="row").write_parquet(target)
    return _score(folder, assessments=target)


def ods_error(code: str, value: str | None) -> str:
    """An error cell as LibreOffice writes it: a formula that failed, its error shown (``code``),
    its value a string (``value`` None: ``office:string-value=""``) or a float (``value``)."""
    typed = (
        'office:value-type="string" office:string-value=""'
        if value is None
        else f'office:value-type="float" office:value="{value}"'
    )
    return (
        f'<table:table-cell table:formula="of:=[.Z99]/0" {typed} calcext:value-type="error">'
        f"<text:p>{escape(code)}</text:p></table:table-cell>"
    )


def ods_survey_with_errors(folder: Path) -> list[str]:
    """The survey as an .ods whose first two rates are formulas that failed (#DIV/0! with a float
    value 0, #N/A with an empty string value), as LibreOffice writes them."""
    header, *rows = _rows("survey.csv")
    survey = [[ods_text(name) for name in header]]
    for number, row in enumerate(rows):
        value = {0: ods_error("#DIV/0!", "0"), 1: ods_error("#N/A", None)}.get(number, ods_text(row[3]))
        survey.append([ods_text(row[0]), ods_text(row[1]), ods_text(row[2]), value])
    write_ods(folder / "khao-sat.ods", survey)
    args = _score(folder)
    args[args.index("--survey") + 1] = str(folder / "khao-sat.ods")
    return args


def ods_codes_merged_over_their_rows(folder: Path) -> list[str]:
    """The assessments as an .ods whose commune code is typed once for each commune, its cell
    merged down over the commune's rows (a form as clerks lay it out), the cells below covered."""
    header, *rows = _rows("assessments_long.csv")
    sheet = [[ods_text(name) for name in header]]
    for number, row in enumerate(rows):
        first = number == 0 or rows[number - 1][0] != row[0]
        if first:
            span = next((n for n in range(number, len(rows)) if rows[n][0] != row[0]), len(rows)) - number
            code = ods_text(row[0]).replace(
                "<table:table-cell ", f'<table:table-cell table:number-rows-spanned="{span}" '
            )
        else:
            code = "<table:covered-table-cell/>"
        sheet.append([code, *(ods_text(text) for text in row[1:])])
    return _score(folder, assessments=write_ods(folder / "tu-danh-gia.ods", sheet))


CASES: dict[str, Case] = {
    "rows-in-one-cell-assessments-parquet": quote_swallows_rows_saved_as_parquet,
    "well-ods-codes-dates-percentages-as-shown": ods_register_and_survey,
    "legacy-font-some-register": some_names_tcvn3,
    "legacy-font-some-register-workbook": some_names_vni_in_a_workbook,
    "excel-error-cell-parquet": excel_errors_in_parquet,
    "excel-error-cell-ods": ods_survey_with_errors,
    "merged-cells-ods-codes": ods_codes_merged_over_their_rows,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "rows-in-one-cell-assessments-parquet": (1, "rows-in-one-cell", (*_INPUTS, "tu-danh-gia.parquet")),
    "well-ods-codes-dates-percentages-as-shown": (0, None, (*_INPUTS, "don-vi.ods", "khao-sat.ods")),
    # Warnings (read, exit 0): tests/test_hostile_decoding25.py finds them in the findings sheet.
    "legacy-font-some-register": (0, None, (*_INPUTS, "don-vi.csv")),
    "legacy-font-some-register-workbook": (0, None, (*_INPUTS, "don-vi.xlsx")),
    "excel-error-cell-parquet": (1, "excel-error-cell", (*_INPUTS, "tu-danh-gia.parquet")),
    "excel-error-cell-ods": (1, "excel-error-cell", (*_INPUTS, "khao-sat.ods")),
    "merged-cells-ods-codes": (1, "merged-cells", (*_INPUTS, "tu-danh-gia.ods")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "rows-in-one-cell-assessments-parquet": ("out.xlsx",),
}

__all__ = ["CASES", "EXPECTED", "NOT_WRITTEN"]
