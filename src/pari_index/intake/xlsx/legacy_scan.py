"""The scan of a legacy workbook before calamine reads it: an .xls (BIFF8 records in an OLE
compound file) and an .xlsb (BIFF12 records in a zip package).

calamine reads either without a limit. An .xls is read whole at opening, every sheet as often
as the workbook lists it, and a sheet's DIMENSIONS record makes it reserve room for every cell of
the range it declares: a 20 KB file declaring four billion rows aborted the process (1.6 TB
asked), one cell at row 65,536 and column 65,536 too (the dense grid), and one sheet listed 3,000
times took 4 GB. An .xlsb sheet with one cell at XFD1048576 aborted the same way. So the cells
each sheet holds are found here, record by record, and checked against the limits of an .xlsx's
sheets (sheet_scan._check_sheet: used range, width, sparseness, cells; the sheets listed; all
sheets together), and a declared range calamine would reserve is checked as a used range.
"""

from __future__ import annotations

import re
import struct
import zipfile
from array import array
from typing import BinaryIO

from pari_index.errors import Problem
from pari_index.intake.xlsx.budget import _Budget, _stream
from pari_index.intake.xlsx.limits import _DAMAGED_HINT, _TOO_LARGE_HINT, MAX_CELL_FINDINGS, _Refused
from pari_index.intake.xlsx.sheet_cells import (
    MAX_HIDDEN_RANGES,
    STATE_NUMBERS,
    _column_letters,
    _SheetCells,
    with_state,
)
from pari_index.intake.xlsx.sheet_scan import _check_sheet, _twice_words

CFB_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_END_OF_CHAIN = 0xFFFFFFFE


class _Cells:
    """The cells of one sheet as its records give them (0-based), into a _SheetCells. A cell
    written twice is looked for in two steps: whether the cells come in order (row, then column,
    each after the last, as Excel writes them: then none can repeat), and only when they do not,
    a second pass (``collect``) keeps each cell's place (row and column as one integer, 8 bytes
    a cell) for :meth:`finish` to sort. Keeping them in every pass cost about 1 µs a cell."""

    def __init__(self, name: str, budget: _Budget, collect: bool = False) -> None:
        self.name, self.budget = name, budget
        self.info = _SheetCells()
        self.places = array("q") if collect else None
        self.last, self.in_order = -1, True

    def add(self, row: int, col: int, count: int = 1) -> None:
        """``count`` cells on ``row`` from ``col`` on."""
        first = (row << 24) | col
        if first <= self.last:
            self.in_order = False
        self.last = first + count - 1
        if self.places is not None:
            self.places.extend(range(first, first + count))
        info, row, col = self.info, row + 1, col + 1
        if not info.last_row:
            info.first_row, info.first_col, info.min_row, info.min_col = row, col, row, col
            info.last_row, info.last_col = row, col + count - 1
        else:
            info.min_row, info.min_col = min(info.min_row, row), min(info.min_col, col)
            info.last_row, info.last_col = max(info.last_row, row), max(info.last_col, col + count - 1)
            info.first_row, info.first_col = info.min_row, info.min_col
        info.filled += count
        info.cells += count
        if count > 1 or info.cells % 4096 == 0:
            _check_sheet(info, self.name, self.budget.file, self.budget.limits, final=False)

    # What a sheet hides or merges (0-based, as the records give them), noted as an .xlsx's scan
    # notes them (sheet_scan._hidden, _note): until session 38 only an .xlsx's and an .ods's were,
    # so an .xls register whose district was merged down over five units, or a form with rows
    # hidden, was read with exit 0 and not a word (reading._cell_problems, hidden_parts).

    def hide_row(self, row: int) -> None:
        self.info.hide_row(row + 1)

    def hide_columns(self, first: int, last: int) -> None:
        if first <= last and len(self.info.hidden_columns) < MAX_HIDDEN_RANGES:
            self.info.hidden_columns.append((first + 1, last + 1))

    def layout_of(self, earlier: _SheetCells) -> None:
        """What the first pass noted hidden or merged, kept by the second (``collect``), which
        reads the cells alone: without it a sheet whose cells are not in order lost its merges
        and hidden rows and columns, read with not a word (reviewa38)."""
        info = self.info
        info.hidden_rows, info.hidden_rows_more = earlier.hidden_rows, earlier.hidden_rows_more
        info.hidden_columns, info.merged = earlier.hidden_columns, earlier.merged
        if "merged-cells" in earlier.more:
            info.more["merged-cells"] = earlier.more["merged-cells"]

    def merge(self, first_row: int, last_row: int, first_col: int, last_col: int) -> None:
        if (first_row, first_col) == (last_row, last_col) or last_row < first_row or last_col < first_col:
            return
        ref = f"{_column_letters(first_col + 1)}{first_row + 1}:{_column_letters(last_col + 1)}{last_row + 1}"
        if len(self.info.merged) < MAX_CELL_FINDINGS:
            self.info.merged.append(ref)
        else:
            self.info.more["merged-cells"] = self.info.more.get("merged-cells", 0) + 1

    def declared(self, rows: int, cols: int, first_row: int, first_col: int) -> None:
        """A range calamine reserves room for before it reads a cell (rows x columns)."""
        reserved = rows * cols
        if reserved > self.budget.limits.cells:
            top, bottom = f"{_column_letters(first_col + 1)}{first_row + 1}", f"{first_row + rows}"
            used = f"{top}:{_column_letters(first_col + cols)}{bottom}"
            raise _Refused(
                Problem(
                    "sheet-too-large",
                    f"the used range {used} spans {reserved:,} cells (at most {self.budget.limits.cells:,} are read)",
                    file=self.budget.file,
                    sheet=self.name,
                    hint=_TOO_LARGE_HINT,
                    params={"sheet_size": "range", "used": used, "grid": reserved, "limit": self.budget.limits.cells},
                )
            )

    def finish(self) -> _SheetCells:
        _check_sheet(self.info, self.name, self.budget.file, self.budget.limits)
        self._written_once()
        return self.info

    def _written_once(self) -> None:
        """No cell written twice: calamine keeps the last value written for a cell, so the first
        was dropped without a word (as in an .xlsx: sheet_scan._written_once). Cells in order
        (as Excel writes them) cannot repeat one; others are sorted once, in numpy."""
        if self.places is None or len(self.places) < 2:
            return
        import numpy as np

        places = np.sort(np.frombuffer(self.places, dtype=np.int64))
        repeated = np.flatnonzero(places[1:] == places[:-1])
        if not repeated.size:
            return
        place = int(places[repeated[0]])
        row, ref = (place >> 24) + 1, f"{_column_letters((place & 0xFFFFFF) + 1)}{(place >> 24) + 1}"
        raise _Refused(
            Problem(
                "xlsx-damaged",
                _twice_words(ref),
                file=self.budget.file,
                sheet=self.name,
                row=row,
                hint=_DAMAGED_HINT,
                params={"damage": "cell_twice", "ref": ref},
            )
        )


def _damaged(file: str, reason: str) -> _Refused:
    return _Refused(
        Problem(
            "xlsx-damaged",
            f"the package cannot be read (ValueError: {reason})",
            file=file,
            hint=_DAMAGED_HINT,
            params={"damage": "package", "error": "ValueError", "reason": reason},
        )
    )


def _encrypted(file: str) -> _Refused:
    """A workbook saved with a password to open it: an .xlsx or .xlsm encrypted into an OLE
    compound file (its EncryptedPackage stream), or an .xls with a FILEPASS record. calamine said
    "Cannot detect file format", and the hint to save it as .xlsx misled: it was one already."""
    return _Refused(
        Problem(
            "workbook-encrypted",
            "the workbook is protected by a password to open it, so its cells cannot be read",
            file=file,
            hint="open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with "
            "Password: clear it) and save it, then give that file",
        )
    )


# -- .xls ------------------------------------------------------------------------------------


class _Compound:
    """An OLE compound file's sectors and allocation table; a chain that loops or leaves the file
    is damage."""

    def __init__(self, data: bytes, file: str) -> None:
        if len(data) < 512:
            raise _damaged(file, "the compound file is shorter than its header")
        shift, self.mini_shift = struct.unpack_from("<HH", data, 30)
        if not 7 <= shift <= 16 or not 1 <= self.mini_shift < shift:
            raise _damaged(file, "the compound file's sector size cannot be read")
        self.data, self.file, self.size = data, file, 1 << shift
        self.sectors = (len(data) - 512) // self.size + 1
        difat = [n for n in struct.unpack_from("<109I", data, 76) if n < self.sectors]
        next_difat, count = struct.unpack_from("<II", data, 68)
        while next_difat < self.sectors and count > 0 and len(difat) <= self.sectors:
            entries = self.numbers(self.sector(next_difat))
            difat += [n for n in entries[:-1] if n < self.sectors]
            next_difat, count = entries[-1], count - 1
        self.fat = [n for s in difat for n in self.numbers(self.sector(s))]

    def sector(self, n: int) -> bytes:
        return self.data[512 + n * self.size : 512 + (n + 1) * self.size].ljust(self.size, b"\0")

    def numbers(self, sector: bytes) -> tuple[int, ...]:
        return struct.unpack(f"<{len(sector) // 4}I", sector)

    def chain(self, start: int, table: list[int] | tuple[int, ...], limit: int) -> list[int]:
        out: list[int] = []
        while start != _END_OF_CHAIN:
            if start >= len(table) or len(out) > limit:
                raise _damaged(self.file, "a sector chain of the compound file loops or leaves the file")
            out.append(start)
            start = table[start]
        return out

    def read(self, start: int) -> bytes:
        return b"".join(self.sector(n) for n in self.chain(start, self.fat, self.sectors))

    def read_mini(self, root: bytes, start: int) -> bytes:
        """A stream of the mini stream: 64-byte sectors (usually) in the root entry's container,
        chained by the mini allocation table."""
        container = self.read(struct.unpack_from("<I", root, 116)[0])
        table = self.numbers(self.read(struct.unpack_from("<I", self.data, 60)[0]))
        mini = 1 << self.mini_shift
        return b"".join(
            container[n * mini : (n + 1) * mini] for n in self.chain(start, table, len(container) // mini + 1)
        )


def _cfb_stream(data: bytes, file: str, names: tuple[str, ...] = ("workbook", "book")) -> bytes | None:
    """The workbook stream of an OLE compound file (None when it holds none), from the regular
    sectors or, under the cutoff (4,096 bytes), from the mini stream."""
    compound = _Compound(data, file)
    directory = compound.read(struct.unpack_from("<I", data, 48)[0])
    cutoff = struct.unpack_from("<I", data, 56)[0]
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    for entry in entries:
        length = min(struct.unpack_from("<H", entry, 64)[0], 64)
        name = entry[: max(length - 2, 0)].decode("utf-16-le", "replace").casefold()
        if entry[66] == 2 and name == "encryptedpackage":
            raise _encrypted(file)
        if entry[66] == 2 and name in names:
            start, stream_size = struct.unpack_from("<II", entry, 116)
            if stream_size < cutoff and entries and entries[0][66] == 5:
                return compound.read_mini(entries[0], start)[:stream_size]
            return compound.read(start)[:stream_size]
    return None


def _biff_records(stream: bytes, offset: int) -> list[tuple[int, int, int]]:
    """(type, start of data, length) of the records of one substream from ``offset`` to its EOF,
    nested substreams (an embedded chart) left out as calamine leaves them."""
    out: list[tuple[int, int, int]] = []
    depth = 0
    while offset + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, offset)
        start, offset = offset + 4, offset + 4 + length
        if kind == 0x0809:
            depth += 1
        elif kind == 0x000A:
            depth -= 1
            if depth <= 0:
                break
        elif depth == 1:
            out.append((kind, start, length))
    return out


def _xls_cells(
    stream: bytes, offset: int, name: str, budget: _Budget, earlier: _SheetCells | None = None
) -> _SheetCells:
    """One sheet's cells as calamine reads them (xls.rs: the cell records it keeps); read again
    keeping each cell's place when they are not in order (_Cells), with what the ``earlier`` pass
    found hidden or merged."""
    collect = earlier is not None
    cells = _Cells(name, budget, collect)
    if earlier is not None:
        cells.layout_of(earlier)
    for kind, start, length in _biff_records(stream, offset):
        data = stream[start : start + length]
        if kind == 0x0200 and length in (10, 14):
            if length == 14:
                first, last, first_col, last_col = struct.unpack_from("<IIHH", data)
            else:
                first, last, first_col, last_col = struct.unpack_from("<HHHH", data)
            first_col = 0 if first_col > 0xFF or last_col < first_col else first_col
            if last >= 1 and last_col >= 1:  # calamine's u32 arithmetic: a last row before the first wraps
                cells.declared((last - first) & 0xFFFFFFFF, last_col - first_col, first, first_col)
        elif kind in (0x00FD, 0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x0006) and length >= 4:
            row, col = struct.unpack_from("<HH", data)
            cells.add(row, col)
            if kind == 0x0006 and length >= 14 and data[6] == 3 and data[12:14] == b"\xff\xff":
                # A formula whose saved result is the empty text (=IF(A2="","",…) filled down
                # below a table): calamine reads nothing there, so a least count of rows must
                # not count it, as an .xlsx's (sheet_scan._empty_results; until session 38 an
                # .xls register of 60 units above 1,500 such rows was refused as 1,560 rows).
                cells.info.empty_cells += 1
            if kind in (0x0204, 0x00D6):
                budget.spend_text(length, "xls_cell", name)
        elif kind == 0x00BD and length >= 6:  # MULRK: row, first column, 6 bytes a cell, last column
            row, col = struct.unpack_from("<HH", data)
            cells.add(row, col, max((length - 6) // 6, 1))
        elif not collect:  # (the second pass, for cells alone, has noted these already)
            _xls_layout(cells, kind, data)
    if not cells.in_order and not collect:
        return _xls_cells(stream, offset, name, budget, earlier=cells.info)
    return cells.finish()


def _xls_layout(cells: _Cells, kind: int, data: bytes) -> None:
    """A BIFF8 record of what a sheet hides or merges: ROW (its options' fDyZero, 0x20, hides
    it), COLINFO (fHidden, 1, hides its columns), MERGEDCELLS (a count, then each range)."""
    if kind == 0x0208 and len(data) >= 14:
        row, options = struct.unpack_from("<H", data)[0], struct.unpack_from("<H", data, 12)[0]
        if options & 0x20:
            cells.hide_row(row)
    elif kind == 0x007D and len(data) >= 10:
        first, last = struct.unpack_from("<HH", data)
        if struct.unpack_from("<H", data, 8)[0] & 1:
            cells.hide_columns(first, min(last, 0xFF))
    elif kind == 0x00E5 and len(data) >= 2:
        count = min(struct.unpack_from("<H", data)[0], (len(data) - 2) // 8)
        for at in range(count):
            cells.merge(*struct.unpack_from("<HHHH", data, 2 + 8 * at))


def scan_xls(source: BinaryIO, budget: _Budget) -> dict[str, _SheetCells]:
    """Measure an .xls before calamine opens it; raises _Refused over a limit."""
    from pari_index.intake.xlsx.package import _cells_built, _check_sheet_count, _check_workbook_cells

    stream = _cfb_stream(source.read(), budget.file)
    if stream is None:
        return {}
    sheets: list[tuple[str, int, str]] = []
    for kind, start, length in _biff_records(stream, 0):
        if kind == 0x0085 and length >= 8:
            # BoundSheet8: the sheet's offset, its state (hsState, the low two bits), type, name.
            offset, state, chars, high = struct.unpack_from("<IBxBB", stream, start)
            raw = stream[start + 8 : start + 8 + chars * (2 if high & 1 else 1)]
            name = raw.decode("utf-16-le" if high & 1 else "cp1252", "replace")
            sheets.append((name, offset, STATE_NUMBERS.get(state & 3, "visible")))
            _check_sheet_count(len(sheets), budget)
        elif kind in (0x00FC, 0x003C):  # the shared strings and what continues them
            budget.spend_text(length, "xls_shared_strings")
        elif kind == 0x002F:  # FILEPASS: the records after it are encrypted
            raise _encrypted(budget.file)
    found: dict[str, _SheetCells] = {}
    scanned: dict[int, _SheetCells] = {}
    built = 0
    for name, offset, state in sheets:
        if offset not in scanned:
            scanned[offset] = _xls_cells(stream, offset, name, budget)
        found[name] = with_state(scanned[offset], state)
        built += _cells_built(scanned[offset])
        _check_workbook_cells(built, name, budget)
    return found


# -- .xlsb -------------------------------------------------------------------------------------

_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ATTRIBUTE = re.compile(rb"""\b(Id|Target)\s*=\s*["']([^"']*)["']""")


def _b12_records(data: bytes) -> list[tuple[int, int, int]]:
    """(type, start of data, length) of BIFF12 records (type and length as variable-length
    integers); a record cut short ends the list."""
    out: list[tuple[int, int, int]] = []
    pos, end = 0, len(data)
    while pos < end:
        values = []
        for limit in (2, 4):
            value = shift = 0
            for _ in range(limit):
                if pos >= end:
                    return out
                byte = data[pos]
                pos += 1
                value |= (byte & 0x7F) << shift
                shift += 7
                if not byte & 0x80:
                    break
            values.append(value)
        out.append((values[0], pos, values[1]))
        pos += values[1]
    return out


def _xlsb_sheet_parts(package: zipfile.ZipFile, budget: _Budget) -> list[tuple[str, zipfile.ZipInfo | None, str]]:
    """The sheets xl/workbook.bin lists (BrtBundleSh), each with the part its relationship names
    and its state (the record's first four bytes, hsState)."""
    from pari_index.intake.xlsx.package import _check_sheet_count, _member, _read_part

    rels = _member(package, "xl/_rels/workbook.bin.rels")
    targets: dict[str, str] = {}
    if rels is not None:
        for tag in _RELATIONSHIP.findall(_read_part(package, rels, budget)):
            attrs = {key.decode(): value.decode("utf-8", "replace") for key, value in _ATTRIBUTE.findall(tag)}
            if "Id" in attrs and "Target" in attrs:
                targets[attrs["Id"]] = attrs["Target"]
    workbook = _member(package, "xl/workbook.bin")
    data = _read_part(package, workbook, budget) if workbook is not None else b""
    sheets: list[tuple[str, zipfile.ZipInfo | None, str]] = []
    for kind, start, length in _b12_records(data):
        if kind != 0x009C or length < 12:
            continue
        record = data[start : start + length]
        chars = struct.unpack_from("<I", record, 8)[0]
        relation = "" if chars == 0xFFFFFFFF else record[12 : 12 + 2 * chars].decode("utf-16-le", "replace")
        after = 12 + (0 if chars == 0xFFFFFFFF else 2 * chars)
        name_chars = struct.unpack_from("<I", record, after)[0] if after + 4 <= len(record) else 0
        name = record[after + 4 : after + 4 + 2 * name_chars].decode("utf-16-le", "replace")
        target = targets.get(relation)
        state = STATE_NUMBERS.get(struct.unpack_from("<I", record)[0] & 3, "visible")
        sheets.append((name, _member(package, f"xl/{target}") if target is not None else None, state))
        _check_sheet_count(len(sheets), budget)
    return sheets


def _xlsb_cells(
    package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: _Budget, earlier: _SheetCells | None = None
) -> _SheetCells:
    """One .xlsb sheet part's cells (a BrtRowHdr gives the row, each cell record its column),
    read as it is inflated; read again keeping each cell's place when they are not in order, with
    what the ``earlier`` pass found hidden or merged."""
    collect = earlier is not None
    cells = _Cells(name, budget, collect)
    if earlier is not None:
        cells.layout_of(earlier)
    row, carry = 0, b""
    for chunk in _stream(package, info, budget):
        data = carry + chunk
        records = _b12_records(data)
        used = 0
        for kind, start, length in records:
            if start + length > len(data):
                break
            used = start + length
            if kind == 0x0000 and length >= 4:
                row = struct.unpack_from("<I", data, start)[0]
                # BrtRowHdr: fDyZero (0x10 of its twelfth byte) hides the row.
                if not collect and length >= 12 and data[start + 11] & 0x10:
                    cells.hide_row(row)
            elif 0x0002 <= kind <= 0x000B and length >= 4:
                cells.add(row, struct.unpack_from("<I", data, start)[0])
            elif not collect and kind in (0x003C, 0x00B0) and length >= 16:
                _xlsb_layout(cells, kind, data[start : start + length])
        carry = data[used:]
    if not cells.in_order and not collect:
        return _xlsb_cells(package, info, name, budget, earlier=cells.info)
    return cells.finish()


def _xlsb_layout(cells: _Cells, kind: int, data: bytes) -> None:
    """A BIFF12 record of what a sheet hides or merges: BrtColInfo (first and last column, width,
    format, then options whose fHidden is 1), BrtMergeCell (first and last row, first and last
    column)."""
    if kind == 0x003C and len(data) >= 18:
        first, last = struct.unpack_from("<II", data)
        if data[16] & 1:
            cells.hide_columns(first, min(last, 0x3FFF))
    elif kind == 0x00B0:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIII", data)
        cells.merge(first_row, last_row, first_col, min(last_col, 0x3FFF))


def scan_xlsb(package: zipfile.ZipFile, budget: _Budget) -> dict[str, _SheetCells]:
    """Measure an .xlsb package's sheets before calamine opens it; raises _Refused over a limit."""
    from pari_index.intake.xlsx.package import _cells_built, _check_workbook_cells

    found: dict[str, _SheetCells] = {}
    scanned: dict[str, _SheetCells] = {}
    built = 0
    for name, info, state in _xlsb_sheet_parts(package, budget):
        if info is None:
            continue
        if info.filename not in scanned:
            scanned[info.filename] = _xlsb_cells(package, info, name, budget)
        found[name] = with_state(scanned[info.filename], state)
        built += _cells_built(scanned[info.filename])
        _check_workbook_cells(built, name, budget)
    return found
