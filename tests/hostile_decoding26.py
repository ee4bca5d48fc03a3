"""Hostile cases of the twenty-sixth session's helper decoding26: cells read as something else
than what the user saw, and parts of a file not used without a word.

- An OpenDocument register whose codes are numbers formatted ``00000`` by their row's default cell
  style (``table:default-cell-style-name`` on ``table:table-row``), and a survey whose codes are
  formatted so by a named style of styles.xml (the cells' automatic style a child of it): session 25
  read an .ods's format from a cell's own style or its column's only, and these codes read 1, 4, 7 …
  Measured before the fix: the register run exited 1 with 60 ``unknown-commune`` errors for the
  assessments ("the register holds …" nothing: the register's codes were 1, 4 …), the survey run
  exited 1 with 360 ``unknown-commune`` rows.

- An .ods survey whose error cell (a rate whose formula failed, ``#DIV/0!``) begins exactly where
  content.xml is read in two parts (every 4 MiB): the cell's shown text was in the second part and
  the finding named ``#ERROR``, a code no spreadsheet shows. Now the text is looked for in the next
  part.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding26.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from hostile_decoding25 import _ODS_NS, _ODS_STYLES, ods_code, ods_error, ods_text
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")

#: A named cell style «Mã đơn vị» of styles.xml, its data style padding to five digits.
NAMED_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODS_NS} office:version="1.3">'
    "<office:styles>"
    '<number:number-style style:name="N99"><number:number number:decimal-places="0" '
    'number:min-decimal-places="0" number:min-integer-digits="5"/></number:number-style>'
    '<style:style style:name="Default" style:family="table-cell"/>'
    '<style:style style:name="Mã đơn vị" style:family="table-cell" style:parent-style-name="Default" '
    'style:data-style-name="N99"/>'
    "</office:styles></office:document-styles>"
)
#: content.xml's automatic style of the codes: a child of «Mã đơn vị», with no data style of its own.
CHILD_STYLE = '<style:style style:name="ce9" style:family="table-cell" style:parent-style-name="Mã đơn vị"/>'


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def write_ods_rows(path: Path, rows: list[str], styles_xml: str = "", automatic: str = "") -> Path:
    """An .ods of one sheet «data» whose rows are written whole (``<table:table-row …>…``), with
    decoding25's automatic styles (and ``automatic`` beside them) and, given ``styles_xml``, a
    styles.xml, as LibreOffice writes both."""
    styles = _ODS_STYLES.replace("</office:automatic-styles>", f"{automatic}</office:automatic-styles>")
    edge = (
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.3">'
        f'{styles}<office:body><office:spreadsheet><table:table table:name="data">{"".join(rows)}{edge}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("META-INF/manifest.xml", _MANIFEST)
        package.writestr("content.xml", content)
        if styles_xml:
            package.writestr("styles.xml", styles_xml)
    return path


def _row(cells: list[str], attrs: str = "") -> str:
    return f"<table:table-row{attrs}>{''.join(cells)}</table:table-row>"


def ods_register_codes_by_row_style(folder: Path) -> list[str]:
    """The register as an .ods whose every row says its default cell style pads numbers to five
    digits (``<table:table-row table:default-cell-style-name="ce1">``), the codes' cells without a
    style of their own: LibreOffice shows 00001, 00004 …"""
    header, *rows = _rows("communes.csv")
    sheet = [_row([ods_text(name) for name in header])]
    padded = ' table:default-cell-style-name="ce1"'
    sheet += [_row([ods_code(row[0], styled=False), *(ods_text(text) for text in row[1:])], padded) for row in rows]
    args = _score(folder)
    args[args.index("--communes") + 1] = str(write_ods_rows(folder / "don-vi.ods", sheet))
    return args


def ods_survey_codes_by_named_style(folder: Path) -> list[str]:
    """The survey as an .ods whose codes' cells have an automatic style (``ce9``) that names no
    format of its own but inherits the named style «Mã đơn vị» of styles.xml, formatted 00000."""
    header, *rows = _rows("survey.csv")
    sheet = [_row([ods_text(name) for name in header])]
    for row in rows:
        code = ods_code(row[0], styled=False).replace("<table:table-cell ", '<table:table-cell table:style-name="ce9" ')
        sheet.append(_row([code, *(ods_text(text) for text in row[1:])]))
    path = write_ods_rows(folder / "khao-sat.ods", sheet, NAMED_STYLES, CHILD_STYLE)
    args = _score(folder)
    args[args.index("--survey") + 1] = str(path)
    return args


def ods_error_text_in_the_next_part(folder: Path) -> list[str]:
    """The survey as an .ods whose first rate is a formula that failed (#DIV/0!), its cell's start
    tag ending exactly at 4 MiB of content.xml, where the scan's second part begins: column styles
    nobody uses (a sheet's many formatted columns) fill the automatic styles before it."""
    from pari_index.intake.xlsx.limits import _CHUNK

    header, *rows = _rows("survey.csv")
    cells = [[ods_text(text) for text in row] for row in rows]
    cells[0][3] = ods_error("#DIV/0!", "0")
    sheet = [_row([ods_text(name) for name in header]), *(_row(row) for row in cells)]
    end = b'calcext:value-type="error">'
    with zipfile.ZipFile(write_ods_rows(folder / "khao-sat.ods", sheet)) as package:
        room = _CHUNK - package.read("content.xml").index(end) - len(end)
    style = '<style:style style:name="co{}" style:family="table-column"/>'
    filler, number = [], 0
    while room - sum(map(len, filler)) > 200:
        filler.append(style.format(number))
        number += 1
    filler.append(style.format("x" * (room - sum(map(len, filler)) - len(style.format("")))))
    path = write_ods_rows(folder / "khao-sat.ods", sheet, automatic="".join(filler))
    with zipfile.ZipFile(path) as package:
        assert package.read("content.xml")[:_CHUNK].endswith(end)
    args = _score(folder)
    args[args.index("--survey") + 1] = str(path)
    return args


CASES: dict[str, Case] = {
    "well-ods-codes-row-style": ods_register_codes_by_row_style,
    "well-ods-codes-named-style": ods_survey_codes_by_named_style,
    "excel-error-cell-ods-next-part": ods_error_text_in_the_next_part,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "well-ods-codes-row-style": (0, None, (*_INPUTS, "don-vi.ods")),
    "well-ods-codes-named-style": (0, None, (*_INPUTS, "khao-sat.ods")),
    "excel-error-cell-ods-next-part": (1, "excel-error-cell", (*_INPUTS, "khao-sat.ods")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["CASES", "EXPECTED", "NOT_WRITTEN"]
