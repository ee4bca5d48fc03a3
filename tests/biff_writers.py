"""Writers of legacy Excel workbooks for the hostile cases (tests/hostile_sweep10.py): an .xls
(BIFF8 records in an OLE compound file) and an .xlsb (BIFF12 records in a zip package), written
byte by byte as no spreadsheet program would write them. No case here: see hostile_sweep10.py.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# -- .xls: BIFF8 records in an OLE compound file (CFB version 3, 512-byte sectors) -------------

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
_SECTOR = 512


def _record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(sheet: bool) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010 if sheet else 0x0005, 0x0DBB, 0x07CC, 0, 6))


def _sst(strings: Sequence[str]) -> bytes:
    """The shared strings, in an SST record and CONTINUE records (each string whole in one)."""
    items = [struct.pack("<HB", len(s), 1) + s.encode("utf-16-le") for s in strings]
    records, chunk, kind = [], struct.pack("<II", len(strings), len(strings)), 0x00FC
    for item in items:
        if len(chunk) + len(item) > 8224:
            records.append(_record(kind, chunk))
            chunk, kind = b"", 0x003C
        chunk += item
    records.append(_record(kind, chunk))
    return b"".join(records)


def xls_sheet(
    cells: Iterable[tuple[int, int, int]],
    dimension: tuple[int, int, int, int] | None = None,
    layout: XlsLayout | None = None,
) -> bytes:
    """A worksheet's records: ``cells`` as (row, column, index of a shared string), 0-based;
    ``dimension`` (first row, row after the last, first column, column after the last); ``layout``
    its hidden rows and columns (before the cells, as Excel writes them) and merges (after)."""
    body = [_bof(True)]
    if dimension is not None:
        body.append(_record(0x0200, struct.pack("<IIHHH", *dimension, 0)))
    shape = layout or XlsLayout()
    # COLINFO: first and last column, width, format, options (fHidden = 1), reserved.
    body += [_record(0x007D, struct.pack("<HHHHHH", low, high, 2560, 15, 1, 0)) for low, high in shape.hidden_columns]
    # ROW: row, first and last column, height, two reserved, options (fDyZero = 0x20 hides it), format.
    body += [_record(0x0208, struct.pack("<HHHHHHHH", row, 0, 10, 255, 0, 0, 0x0120, 15)) for row in shape.hidden_rows]
    body += [_record(0x00FD, struct.pack("<HHHI", row, col, 15, index)) for row, col, index in cells]
    if shape.merged:
        ranges = b"".join(struct.pack("<HHHH", *merge) for merge in shape.merged)
        body.append(_record(0x00E5, struct.pack("<H", len(shape.merged)) + ranges))
    return b"".join(body) + _record(0x000A)


@dataclass(frozen=True)
class XlsLayout:
    """What an .xls sheet hides or merges, 0-based: rows hidden, columns hidden (first, last),
    merges (first row, last row, first column, last column)."""

    hidden_rows: Sequence[int] = ()
    hidden_columns: Sequence[tuple[int, int]] = ()
    merged: Sequence[tuple[int, int, int, int]] = ()


def xls_stream(sheets: Sequence[tuple[str, bytes]], strings: Sequence[str]) -> bytes:
    """The Workbook stream: the globals (one BOUNDSHEET8 a sheet, the SST), then each sheet;
    sheets that carry the same records (the same bytes object) are written once and listed as
    often as they appear."""
    names = [struct.pack("<BB", len(name), 1) + name.encode("utf-16-le") for name, _ in sheets]
    head = _bof(False) + _record(0x0042, struct.pack("<H", 1200))
    tail = _sst(strings) + _record(0x000A)
    size = len(head) + sum(len(_record(0x0085, b"\0" * 6 + n)) for n in names) + len(tail)
    offsets: dict[int, int] = {}
    bodies: list[bytes] = []
    bounds = []
    for (_, body), name in zip(sheets, names, strict=True):
        if id(body) not in offsets:
            offsets[id(body)] = size + sum(map(len, bodies))
            bodies.append(body)
        bounds.append(_record(0x0085, struct.pack("<IBB", offsets[id(body)], 0, 0) + name))
    return head + b"".join(bounds) + tail + b"".join(bodies)


def _directory_entry(name: str, kind: int, start: int, size: int, child: int = _FREE) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", _FREE, _FREE, child)
        + b"\0" * 16
        + b"\0" * 4
        + b"\0" * 16
        + struct.pack("<IIHH", start, size, 0, 0)
    ).ljust(128, b"\0")


def write_xls_mini(path: Path, stream: bytes) -> Path:
    """An OLE compound file holding ``stream`` (under 4,096 bytes) in its mini stream, as Excel
    stores a small workbook: 64-byte mini sectors in the root entry's container."""
    if len(stream) >= 4096:
        raise ValueError("a mini stream holds less than 4,096 bytes")
    minis = -(-len(stream) // 64)
    container = stream.ljust(minis * 64, b"\0")
    sectors = -(-len(container) // _SECTOR)
    directory, minifat_at, fat_at = sectors, sectors + 1, sectors + 2
    fat = [*range(1, sectors), _END, _END, _END, _FAT]
    fat += [_FREE] * (128 - len(fat))
    minifat = [*range(1, minis), _END] + [_FREE] * (128 - minis)
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, directory, 0, 4096, minifat_at, 1, _END, 0)
        + struct.pack("<109I", fat_at, *[_FREE] * 108)
    )
    entries = _directory_entry("Root Entry", 5, 0, len(container), child=1) + _directory_entry(
        "Workbook", 2, 0, len(stream)
    )
    with open(path, "wb") as out:
        out.write(header)
        out.write(container.ljust(sectors * _SECTOR, b"\0"))
        out.write(entries.ljust(_SECTOR, b"\0"))
        out.write(struct.pack("<128I", *minifat))
        out.write(struct.pack("<128I", *fat))
    return path


def write_xls(path: Path, stream: bytes) -> Path:
    """An OLE compound file holding ``stream`` as its "Workbook" stream (padded to 4,096 bytes so
    it is a regular stream, not one of the mini stream)."""
    stream = stream.ljust(4096, b"\0")
    data_sectors = -(-len(stream) // _SECTOR)
    fat_sectors = 1
    while (data_sectors + 1 + fat_sectors) > fat_sectors * 128:
        fat_sectors += 1
    if fat_sectors > 109:
        raise ValueError("stream too long for a header-only DIFAT")
    directory = data_sectors
    fat = [*range(1, data_sectors), _END, _END] + [_FAT] * fat_sectors
    fat += [_FREE] * (fat_sectors * 128 - len(fat))
    difat = [directory + 1 + i for i in range(fat_sectors)] + [_FREE] * (109 - fat_sectors)
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, fat_sectors, directory, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<109I", *difat)
    )
    entries = _directory_entry("Root Entry", 5, _END, 0, child=1) + _directory_entry("Workbook", 2, 0, len(stream))
    with open(path, "wb") as out:
        out.write(header)
        out.write(stream.ljust(data_sectors * _SECTOR, b"\0"))
        out.write(entries.ljust(_SECTOR, b"\0"))
        out.write(struct.pack(f"<{len(fat)}I", *fat))
    return path


def write_xls_table(
    path: Path,
    rows: Sequence[Sequence[str]],
    extra: Iterable[tuple[int, int, str]] = (),
    layout: XlsLayout | None = None,
) -> Path:
    """``rows`` as one sheet "data" of shared strings, and ``extra`` cells (row, column, text);
    ``layout`` what the sheet hides or merges."""
    strings: dict[str, int] = {}
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                cells.append((r, c, strings.setdefault(text, len(strings))))
    for r, c, text in extra:
        cells.append((r, c, strings.setdefault(text, len(strings))))
    return write_xls(path, xls_stream([("data", xls_sheet(cells, layout=layout))], list(strings)))


# -- .xlsb: BIFF12 records in a zip package -------------------------------------------------


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _b12(kind: int, data: bytes = b"") -> bytes:
    return _varint(kind) + _varint(len(data)) + data


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def xlsb_sheet(
    cells: Iterable[tuple[int, int, str]],
    dimension: tuple[int, int, int, int] = (0, 0, 0, 0),
    layout: XlsLayout | None = None,
) -> bytes:
    """A worksheet part: ``cells`` (row, column, text; 0-based), as BrtCellSt in BrtRowHdr rows;
    ``layout`` its hidden rows (fDyZero in BrtRowHdr) and columns (BrtColInfo) and merges (BrtMergeCell)."""
    shape = layout or XlsLayout()
    body = [_b12(0x0081), _b12(0x0094, struct.pack("<IIII", *dimension))]
    if shape.hidden_columns:
        infos = [_b12(0x003C, struct.pack("<IIIIH", low, high, 2560, 0, 1)) for low, high in shape.hidden_columns]
        body += [_b12(0x0186), *infos, _b12(0x0187)]
    body.append(_b12(0x0091))
    last = -1
    for row, col, text in cells:
        if row != last:
            hidden = 0x10 if row in shape.hidden_rows else 0
            body.append(_b12(0x0000, struct.pack("<IIHBBBB", row, 0, 0, 0, hidden, 0, 0) + b"\0" * 4))
            last = row
        body.append(_b12(0x0006, struct.pack("<II", col, 0) + _wide(text)))
    body.append(_b12(0x0092))
    if shape.merged:
        merges = [_b12(0x00B0, struct.pack("<IIII", *merge)) for merge in shape.merged]
        body += [_b12(0x00B1, struct.pack("<I", len(merges))), *merges, _b12(0x00B2)]
    return b"".join(body) + _b12(0x0082)


def write_xlsb(path: Path, sheets: Sequence[tuple[str, str]], parts: dict[str, bytes]) -> Path:
    """An .xlsb package whose workbook lists ``sheets`` (name, target part under xl/), with
    ``parts`` (path under xl/ -> bytes)."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="{target}"/>'
        for i, (_, target) in enumerate(sheets, 1)
    )
    listed = b"".join(
        _b12(0x009C, struct.pack("<II", 0, i) + _wide(f"rId{i}") + _wide(name)) for i, (name, _) in enumerate(sheets, 1)
    )
    workbook = _b12(0x0083) + _b12(0x008F) + listed + _b12(0x0090) + _b12(0x0084)
    package_rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled'
            '.main"/></Types>',
        )
        package.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package_rels}"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="xl/workbook.bin"/></Relationships>',
        )
        package.writestr(
            "xl/_rels/workbook.bin.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package_rels}">{rels}</Relationships>',
        )
        package.writestr("xl/workbook.bin", workbook)
        for name, data in parts.items():
            package.writestr(f"xl/{name}", data)
    return path
