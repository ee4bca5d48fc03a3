"""Hostile Excel workbooks for the benchmark (``benchmarks/hostile.py``) and the tests.

Each case writes a small .xlsx package with :mod:`zipfile` (no spreadsheet library: these files are
ones no spreadsheet program would write) and returns the ``pari`` argv that reads it. Every file is
under 5 MB; the point of each is that reading it naively takes seconds, gigabytes or an abort.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/>'
    "</Relationships>"
)
#: cellXfs: 0 general, 1 percent (built-in format 10, 0.00%).
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN_NS}">'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellXfs></styleSheet>'
)
HEADER = ("commune_code", "criterion_id", "input", "value")


def workbook_xml(sheet: str = "data") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f'<sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def inline(ref: str, text: str, prefix: str = "") -> str:
    """An inline-string cell (no shared strings needed)."""
    p = f"{prefix}:" if prefix else ""
    return f'<{p}c r="{ref}" t="inlineStr"><{p}is><{p}t>{text}</{p}t></{p}is></{p}c>'


def header_row(prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    cells = "".join(inline(f"{col}1", name, prefix) for col, name in zip("ABCD", HEADER, strict=True))
    return f'<{p}row r="1">{cells}</{p}row>'


def sheet_xml(rows: str, prefix: str = "", after: str = "", dimension: str = "") -> str:
    """A worksheet around ``rows`` (``<row>`` elements), with the main namespace bound to
    ``prefix`` when one is given (``<x:worksheet xmlns:x=...>``), as some generators write."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN_NS}"' if prefix else f'xmlns="{MAIN_NS}"'
    dim = f'<{p}dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {xmlns}>{dim}'
        f"<{p}sheetData>{rows}</{p}sheetData>{after}</{p}worksheet>"
    )


def write_package(
    path: Path,
    sheet: str | bytes | Iterable[bytes],
    *,
    shared_strings: str | bytes | Iterable[bytes] | None = None,
    styles: str | None = STYLES,
    sheet_name: str = "data",
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A minimal .xlsx package. Iterables of bytes are streamed into the zip, so a member of
    gigabytes (a deflate bomb) is written without holding it in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", ROOT_RELS)
        package.writestr("xl/workbook.xml", workbook_xml(sheet_name))
        package.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        if styles is not None:
            package.writestr("xl/styles.xml", styles)
        for name, content in (("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", shared_strings)):
            if content is None:
                continue
            if isinstance(content, (str, bytes)):
                package.writestr(name, content)
            else:
                with package.open(name, "w", force_zip64=True) as member:
                    for part in content:
                        member.write(part)
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return path


def _score(path: Path) -> list[str]:
    return ["score", str(path), "-o", str(path.parent / "out.xlsx")]


def one_cell_at(ref: str) -> Callable[[Path], list[str]]:
    """A header row and one value at ``ref``: calamine builds the dense grid up to it."""

    def build(folder: Path) -> list[str]:
        row = "".join(ch for ch in ref if ch.isdigit())
        rows = header_row() + f'<row r="{row}">' + inline(ref, "x") + "</row>"
        return _score(write_package(folder / f"cell-{ref}.xlsx", sheet_xml(rows)))

    return build


def deflate_bomb(folder: Path, gigabytes: float = 2.0) -> list[str]:
    """A sheet whose XML inflates to gigabytes of whitespace inside <sheetData> (the zip is ~2 MB)."""
    block = b" " * (1 << 20)

    def parts() -> Iterable[bytes]:
        yield sheet_xml(header_row()).split("</sheetData>")[0].encode()
        for _ in range(int(gigabytes * 1024)):
            yield block
        yield b"</sheetData></worksheet>"

    return _score(write_package(folder / "bomb.xlsx", parts()))


def huge_shared_string(folder: Path, megabytes: int = 512) -> list[str]:
    """sharedStrings.xml holding one string of ``megabytes`` MB, used by a cell."""
    block = b"A" * (1 << 20)

    def parts() -> Iterable[bytes]:
        yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>'.encode()
        for _ in range(megabytes):
            yield block
        yield b"</t></si></sst>"

    rows = header_row() + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    return _score(write_package(folder / "shared.xlsx", sheet_xml(rows), shared_strings=parts()))


def many_columns(folder: Path, columns: int = 16_384) -> list[str]:
    """A header row as wide as Excel allows, every cell filled."""
    cells = "".join(inline(f"{_letters(i)}1", f"c{i}") for i in range(1, columns + 1))
    return _score(write_package(folder / "wide.xlsx", sheet_xml(f'<row r="1">{cells}</row>')))


def error_cells_namespaced(folder: Path, count: int = 20_000) -> list[str]:
    """Many error cells written with a namespace prefix and unclosed: what made the old regexes
    backtrack for a minute."""
    body = "".join(f'<x:row r="{i}"><x:c r="D{i}" t="e"><x:v>#N/A</x:v>' for i in range(2, count))
    return _score(write_package(folder / "errors.xlsx", sheet_xml(header_row("x") + body, prefix="x")))


def malformed_cell_tags(folder: Path, count: int = 200_000) -> list[str]:
    """``<c`` openings that never close, one after the other: quadratic for a pattern that looks
    for the end of a tag with an unbounded lazy repeat."""
    body = "".join(f'<row r="{i}"><c t="e" r="A{i}"' for i in range(2, count))
    return _score(write_package(folder / "malformed.xlsx", sheet_xml(header_row() + body)))


def lying_header(folder: Path, megabytes: int = 600) -> list[str]:
    """A deflate bomb whose zip directory says the sheet inflates to 1 MB: the directory checks
    pass, so only counting the bytes while inflating stops it."""
    path = folder / "lying.xlsx"
    block = b" " * (1 << 20)

    def parts() -> Iterable[bytes]:
        yield sheet_xml(header_row()).split("</sheetData>")[0].encode()
        for _ in range(megabytes):
            yield block
        yield b"</sheetData></worksheet>"

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", ROOT_RELS)
        package.writestr("xl/workbook.xml", workbook_xml())
        package.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with package.open("xl/worksheets/sheet1.xml", "w") as member:
            for part in parts():
                member.write(part)
    set_declared_size(path, "xl/worksheets/sheet1.xml", 1 << 20)
    return _score(path)


def set_declared_size(path: Path, member: str, size: int) -> None:
    """Overwrite the uncompressed size of ``member`` in the zip's central directory."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_length] == name:
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def incompressible_text(size: int) -> str:
    """Letters that deflate cannot shrink much (a pseudo-random sequence, reproducible)."""
    state, letters = 12345, []
    for _ in range(size):
        state = (state * 1103515245 + 12345) % 2**31
        letters.append("abcdefghijklmnopqrstuvwxyz"[state % 26])
    return "".join(letters)


def long_shared_string(folder: Path, chars: int = 3_000_000) -> list[str]:
    """One shared string of 3 million characters that does not compress: past every ratio check,
    it is Excel's 32,767-character limit that refuses it."""
    text = incompressible_text(chars)
    shared = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}"><si><t>{text}</t></si></sst>'
    rows = header_row() + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    return _score(write_package(folder / "long-shared.xlsx", sheet_xml(rows), shared_strings=shared))


def long_inline_cell(folder: Path, chars: int = 3_000_000) -> list[str]:
    """One inline-string cell of 3 million characters."""
    rows = header_row() + '<row r="2">' + inline("A2", incompressible_text(chars)) + "</row>"
    return _score(write_package(folder / "long-inline.xlsx", sheet_xml(rows)))


def wide_row_without_references(folder: Path, columns: int = 100_000) -> list[str]:
    """A row of 100,000 cells written without r="..." (calamine places them one after the other,
    past Excel's last column XFD)."""
    words = incompressible_text(columns * 4)
    cells = "".join(f'<c t="inlineStr"><is><t>{words[i * 4 : i * 4 + 4]}</t></is></c>' for i in range(columns))
    return _score(write_package(folder / "wide-norefs.xlsx", sheet_xml(f'<row r="1">{cells}</row>')))


def cells_without_references(folder: Path, rows: int = 199_000) -> list[str]:
    """A million cells written without r="..." (2 MB): placing them takes a walk in Python, so
    such a sheet is held to a smaller number of cells."""
    state, parts = 7, []
    for _ in range(rows):
        cells = []
        for _ in range(5):
            state = (state * 1103515245 + 12345) % 2**31
            cells.append(f"<c><v>{state % 1000}</v></c>")
        parts.append("<row>" + "".join(cells) + "</row>")
    return _score(write_package(folder / "norefs.xlsx", sheet_xml(header_row() + "".join(parts))))


def far_cell_other_prefix(folder: Path) -> list[str]:
    """A sheet in the default namespace with one cell written <y:c> at XFD1048576: calamine reads
    any prefix, so the scan must too."""
    far = f'<row r="1048576"><y:c xmlns:y="{MAIN_NS}" r="XFD1048576"><y:v>1</y:v></y:c></row>'
    return _score(write_package(folder / "other-prefix.xlsx", sheet_xml(header_row() + far)))


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"


def write_sheets(path: Path, listed: list[tuple[str, int]], parts: dict[int, str]) -> Path:
    """A package whose workbook lists ``listed`` sheets (name, number of the part it points to):
    several sheets may point to one part, which Excel never writes but calamine reads each time."""
    sheets = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{part}"/>' for i, (name, part) in enumerate(listed)
    )
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{WORKSHEET_REL}" Target="worksheets/sheet{n}.xml"/>' for n in sorted(parts)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", ROOT_RELS)
        package.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
            f"<sheets>{sheets}</sheets></workbook>",
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">{rels}</Relationships>',
        )
        package.writestr("xl/styles.xml", STYLES)
        for n, xml in parts.items():
            package.writestr(f"xl/worksheets/sheet{n}.xml", xml)
    return path


def data_rows(count: int) -> str:
    """A header and ``count`` rows of commune, criterion and a number."""
    rows = [header_row()]
    for r in range(2, count + 2):
        cells = inline(f"A{r}", f"{r:05d}") + inline(f"B{r}", "1.1.1") + f'<c r="D{r}"><v>{r}</v></c>'
        rows.append(f'<row r="{r}">{cells}</row>')
    return "".join(rows)


def one_part_many_sheets(folder: Path, sheets: int = 1_000, rows: int = 50_000) -> list[str]:
    """A thousand sheets that all point to one part of 50,000 rows (0.8 MB): the part is measured
    once, but calamine reads it for each sheet: 200 million cells (it ran past 2 minutes and
    860 MB before the cells of all sheets were counted together)."""
    listed = [(f"s{i}", 1) for i in range(sheets)]
    return _score(write_sheets(folder / "aliased.xlsx", listed, {1: sheet_xml(data_rows(rows))}))


def many_sheets(folder: Path, sheets: int = 3_000, rows: int = 20) -> list[str]:
    """Three thousand small sheets (2 MB): each costs calamine and fastexcel a fixed time."""
    listed = [(f"s{i}", i + 1) for i in range(sheets)]
    return _score(
        write_sheets(folder / "many.xlsx", listed, {i + 1: sheet_xml(data_rows(rows)) for i in range(sheets)})
    )


def _with_doctype(doctype: str, value: str) -> str:
    rows = header_row() + '<row r="2">' + inline("A2", "00001") + inline("B2", "1.1.1") + inline("D2", value) + "</row>"
    return sheet_xml(rows).replace("?>", "?>" + doctype, 1)


def entity_bomb(folder: Path) -> list[str]:
    """'Billion laughs' in a sheet's XML: seven levels of ten entities (10 MB once expanded)."""
    levels = ['<!ENTITY e0 "' + "lol" * 10 + '">']
    levels += [f'<!ENTITY e{i} "' + f"&e{i - 1};" * 10 + '">' for i in range(1, 7)]
    xml = _with_doctype("<!DOCTYPE worksheet [" + "".join(levels) + "]>", "&e6;")
    return _score(write_sheets(folder / "entities.xlsx", [("data", 1)], {1: xml}))


def external_entity(folder: Path) -> list[str]:
    """An external entity naming /etc/passwd: never read, never echoed."""
    xml = _with_doctype('<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;")
    return _score(write_sheets(folder / "external.xlsx", [("data", 1)], {1: xml}))


CASES: dict[str, Callable[[Path], list[str]]] = {
    "xlsx-cell-at-XFD1048576": one_cell_at("XFD1048576"),
    "xlsx-cell-at-ZZ200000": one_cell_at("ZZ200000"),
    "xlsx-deflate-bomb": deflate_bomb,
    "xlsx-huge-shared-string": huge_shared_string,
    "xlsx-16384-columns": many_columns,
    "xlsx-namespaced-error-cells": error_cells_namespaced,
    "xlsx-malformed-cell-tags": malformed_cell_tags,
    "xlsx-lying-zip-header": lying_header,
    "xlsx-long-shared-string": long_shared_string,
    "xlsx-long-inline-cell": long_inline_cell,
    "xlsx-100000-columns-without-references": wide_row_without_references,
    "xlsx-far-cell-other-prefix": far_cell_other_prefix,
    "xlsx-million-cells-without-references": cells_without_references,
    "xlsx-one-part-1000-sheets": one_part_many_sheets,
    "xlsx-3000-sheets": many_sheets,
    "xlsx-entity-bomb": entity_bomb,
    "xlsx-external-entity": external_entity,
}
