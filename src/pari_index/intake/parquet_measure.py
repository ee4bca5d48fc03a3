"""What a Parquet file holds once inflated, measured before polars reads it.

A Parquet file is compressed page by page, and its strings may be kept once in a dictionary and
named by every row: a 13 KB file holding one string of 400 million letters took 2.4 GB to read
(the page inflated whole, then copied), and a 42 KB file of 5 million rows naming one string of
30,000 digits (10 million cells, under the cells limit) ran past a minute at 3.7 GB as its text
was worked on. Both are measured here, for the intake and for results read back alike:

- :func:`inflated_bytes` walks the footer and the header of every page (Thrift's compact
  protocol, a few fields of each), summing the sizes the pages say they inflate to; the footer's
  own totals are not trusted, since polars reads by the page headers;
- :func:`text_bytes` sums the bytes of every text cell once read, before any work on the text
  (polars keeps a dictionary's strings once, so reading them costs little: working on them is
  what costs).

Either over :func:`text_limit` is ``parquet-too-much-text``.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from typing import BinaryIO

import polars as pl

from pari_index.errors import Problem
from pari_index.system.library_panics import panic_words_held
from pari_index.system.limits import env_limit
from pari_index.system.thrift_compact import (
    BINARY,
    BYTE,
    DOUBLE,
    FALSE,
    I16,
    I32,
    I64,
    LIST,
    MAP,
    MAX_DEPTH,
    SET,
    STRUCT,
    TRUE,
    CompactReader,
)

#: Bytes of text a Parquet file may read as: a national long-form file holds about 30 MB (10
#: million cells), a national results table about 125 MB (the criteria table, 16 MB on disk).
#: Raise with PARI_MAX_PARQUET_TEXT_BYTES.
MAX_PARQUET_TEXT_BYTES = 100 * 1024**2
#: ... or this many times the file's own size, when that is more: a genuine file compresses its
#: text some 5 to 10 times (the results' criteria table 8 times), a crafted one thousands of times.
TEXT_RATIO = 20
#: Cells (rows × columns, as the footer counts them) a Parquet file may hold whatever its size,
#: and the cells a byte of the file it may hold beyond them. A cell costs the reading some 70
#: (long form) to 125 (wide form, unpivoted) bytes, whatever it cost on disk, and a CSV file needs
#: two bytes for a filled cell; Parquet packs a value given again in a bit. A national long-form
#: file as demo-data writes it holds 1.9 cells a byte (5.8 million in 3 MB), its wide form 1 a
#: byte; a wide grid of one row given 20,000 times held 26 (7 million cells in 266 KB) and took
#: 927 MB before it was refused (limits39/40). Raise with PARI_MAX_PARQUET_CELLS.
MAX_PARQUET_CELLS = 4_000_000
#: 4 until the review of session 40, which refused genuine files: demo-data's national long form
#: (10,600 units, 7.6 million cells) with its evidence columns left empty held 5.2 cells a byte
#: as polars writes it, 5.8 at zstd's level 22, 6.9 sorted by item (1.1 MB; read: 14 CPU s, 1 GB,
#: as its CSV is), and 4.0 with evidence in one row of ten. The crafted files above hold 17.6 and 26.
CELLS_RATIO = 12
#: Bytes a cell costs polars before its text (what the cells limit counts).
CELL_BYTES = 16
#: The most bytes one page header may take (a header holds the page's sizes and, at most, its
#: statistics); a longer one is not a page header.
MAX_HEADER_BYTES = 1024 * 1024
#: Bytes of a file's footer (its row groups, their columns and statistics), which is read in
#: Python at about a microsecond a byte: a genuine file's takes some kilobytes (a national results
#: table's 2 KB); a file written in 30,000 row groups of one row took 21 MB. Raise with
#: PARI_MAX_PARQUET_FOOTER_BYTES.
MAX_FOOTER_BYTES = 1024 * 1024


class Unreadable(ValueError):
    """The footer or a page header is not what Parquet writes."""


class Damaged(Unreadable):
    """polars panicked decoding the pages: bytes of the file were changed or cut."""


class FooterTooLarge(Exception):
    """The footer is longer than PARI_MAX_PARQUET_FOOTER_BYTES: its length."""

    def __init__(self, length: int) -> None:
        super().__init__(length)
        self.length = length


class _Thrift(CompactReader):
    """The fields asked for of a struct read, the rest skipped (thrift_compact)."""

    error = Unreadable

    def skip(self, kind: int, depth: int = 0, element: bool = False) -> None:
        """Pass one value of compact type ``kind`` (``element``: in a list, where a bool is a byte)."""
        if kind in (I16, I32, I64):
            self.varint()
        elif kind in (TRUE, FALSE, BYTE):
            self.pass_bytes(1 if element or kind == BYTE else 0)
        elif kind in (DOUBLE, BINARY):
            self.pass_bytes(8 if kind == DOUBLE else self.varint())
        elif kind in (LIST, SET):
            size, elements = self.list_head()
            for _ in range(size):
                self.skip(elements, self.deeper(depth), element=True)
        elif kind == MAP:
            size, keys, values = self.map_head()
            for _ in range(size):
                self.skip(keys, self.deeper(depth), True)
                self.skip(values, self.deeper(depth), True)
        elif kind == STRUCT:
            self.struct({}, self.deeper(depth))
        else:
            raise Unreadable(f"type {kind}")

    def items(self, depth: int = 0) -> int:
        """The size of a list of structs (its elements are read by the caller)."""
        size, elements = self.list_head()
        if elements != STRUCT or depth > MAX_DEPTH:
            raise Unreadable("not a list of structs")
        return size

    def struct(self, wanted: dict[int, Field], depth: int = 0) -> dict[int, object]:
        """The ``wanted`` fields of a struct (a whole number, or read by the field's function);
        the others skipped. A wanted field of another type is Unreadable."""
        fields: dict[int, object] = {}
        last = 0
        while (head := self.field_head(last)) is not None:
            last, kind = head
            if last not in wanted:
                self.skip(kind, depth)
                continue
            expected, read = wanted[last]
            if kind != expected and not (expected == I64 and kind in (I16, I32)):
                raise Unreadable(f"field {last} of type {kind}")
            fields[last] = self.zigzag() if read is None else read(self, depth + 1)
        return fields


#: A field wanted from a struct: its compact type (I64 for any whole number, LIST, STRUCT) and,
#: but for a whole number, the function reading it.
Field = tuple[int, "Callable[[_Thrift, int], object] | None"]
_WHOLE: Field = (I64, None)


def _names(reader: _Thrift, depth: int) -> list[str]:
    """A list of strings (a column's path in the schema)."""
    size, elements = reader.list_head()
    if elements != BINARY or depth > MAX_DEPTH:
        raise Unreadable("not a list of strings")
    return [reader.take(reader.varint()).decode("utf-8", "replace") for _ in range(size)]


#: ColumnMetaData: path_in_schema (3), total_uncompressed_size (6), total_compressed_size (7),
#: data_page_offset (9), dictionary_page_offset (11).
_META: dict[int, Field] = {3: (LIST, _names), 6: _WHOLE, 7: _WHOLE, 9: _WHOLE, 11: _WHOLE}
#: ColumnChunk: its meta_data (3).
_CHUNK: dict[int, Field] = {3: (STRUCT, lambda r, d: r.struct(_META, d))}
#: RowGroup: its columns (1).
_GROUP: dict[int, Field] = {1: (LIST, lambda r, d: [r.struct(_CHUNK, d) for _ in range(r.items(d))])}
#: FileMetaData: its row_groups (4).
_FOOTER: dict[int, Field] = {4: (LIST, lambda r, d: [r.struct(_GROUP, d) for _ in range(r.items(d))])}
#: PageHeader: uncompressed_page_size (2), compressed_page_size (3), crc (4): the CRC-32 of the
#: page's bytes as stored, which Spark (parquet-mr) and pyarrow (write_page_checksum) may write.
_PAGE_HEADER: dict[int, Field] = {2: _WHOLE, 3: _WHOLE, 4: _WHOLE}


class ChecksumMismatch(Exception):
    """A page whose bytes do not have the CRC-32 its header records: the column and the page."""

    def __init__(self, column: str, page: int) -> None:
        super().__init__(column, page)
        self.column = column
        self.page = page


def _read_at(handle: BinaryIO, offset: int, size: int) -> bytes:
    handle.seek(offset)
    return handle.read(size)


def _size(value: object) -> int:
    if not isinstance(value, int) or value < 0:
        raise Unreadable("not a size")
    return value


def _chunk_pages(handle: BinaryIO, start: int, length: int, end_of_data: int, column: str = "") -> int:
    """The bytes the pages of one column chunk (``length`` bytes at ``start``) inflate to; a page
    whose header records a CRC-32 is checked against it (ChecksumMismatch): polars reads a page
    whose bytes were changed without a word, and a changed digit is a changed score."""
    if start < 4 or start + length > end_of_data:
        raise Unreadable("column chunk outside the file")
    inflated = 0
    at, end = start, start + length
    page = 0
    while at < end:
        page += 1
        try:  # a header takes some 20 bytes, and a few hundred with its statistics
            reader = _Thrift(_read_at(handle, at, min(end - at, 4096)))
            header = reader.struct(_PAGE_HEADER)
        except Unreadable:
            reader = _Thrift(_read_at(handle, at, min(end - at, MAX_HEADER_BYTES)))
            header = reader.struct(_PAGE_HEADER)
        inflated += _size(header.get(2))
        stored = _size(header.get(3))
        crc = header.get(4)
        if isinstance(crc, int) and zlib.crc32(_read_at(handle, at + reader.at, stored)) != crc & 0xFFFFFFFF:
            raise ChecksumMismatch(column, page)
        at += reader.at + stored
    return inflated


def _dicts(value: object) -> list[dict[int, object]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def inflated_bytes(handle: BinaryIO) -> int:
    """The bytes every page of the Parquet file open as ``handle`` says it inflates to, its
    dictionaries' included. Unreadable when the footer or a page header is not Parquet's."""
    length = footer_length(handle)
    if length > env_limit("PARI_MAX_PARQUET_FOOTER_BYTES", MAX_FOOTER_BYTES):
        raise FooterTooLarge(length)
    end_of_data = handle.seek(0, os.SEEK_END) - 8 - length
    footer = _Thrift(_read_at(handle, end_of_data, length)).struct(_FOOTER)
    inflated = 0
    for group in _dicts(footer.get(4)):
        for chunk in _dicts(group.get(1)):
            meta = chunk.get(3)
            if not isinstance(meta, dict):
                raise Unreadable("column chunk without its metadata")
            dictionary, data = meta.get(11), meta.get(9)
            start = _size(min(dictionary, data) if dictionary and isinstance(data, int) else data)
            path = meta.get(3)
            column = ".".join(path) if isinstance(path, list) else ""
            try:
                inflated += _chunk_pages(handle, start, _size(meta.get(7)), end_of_data, column)
            except Unreadable:
                # Some writers' offsets are off (a dictionary page left out of them): the chunk's
                # own total then, which polars reads past if it lies (as it reads garbage).
                inflated += _size(meta.get(6))
    return inflated


def text_limit(file_bytes: int) -> int:
    """Bytes of text a Parquet file of ``file_bytes`` may read as: PARI_MAX_PARQUET_TEXT_BYTES,
    or TEXT_RATIO times its size, whichever is more."""
    return max(env_limit("PARI_MAX_PARQUET_TEXT_BYTES", MAX_PARQUET_TEXT_BYTES), TEXT_RATIO * file_bytes)


def cells_limit(file_bytes: int) -> int:
    """Cells a Parquet file of ``file_bytes`` may hold: PARI_MAX_PARQUET_CELLS, or CELLS_RATIO a
    byte of the file, whichever is more."""
    return max(env_limit("PARI_MAX_PARQUET_CELLS", MAX_PARQUET_CELLS), CELLS_RATIO * file_bytes)


def too_many_packed_cells(rows: int, columns: int, file_bytes: int, file: str) -> Problem | None:
    """``parquet-too-many-cells``: the footer's ``rows`` × ``columns`` past :func:`cells_limit`,
    told before a grid is made of them (their cost is the reading's, not the file's); None within it."""
    limit = cells_limit(file_bytes)
    cells = rows * columns
    if cells <= limit:
        return None
    floor = env_limit("PARI_MAX_PARQUET_CELLS", MAX_PARQUET_CELLS)
    return Problem(
        "parquet-too-many-cells",
        f"{rows:,} rows × {columns:,} columns is {cells:,} cells in {file_bytes:,} bytes, more than the {limit:,} "
        f"cells pari-index reads from a Parquet file of this size (past {floor:,} cells, at most {CELLS_RATIO} "
        "cells a byte); it was not read",
        file=file,
        hint="split the file by district, or save it as CSV; if it is genuine, raise PARI_MAX_PARQUET_CELLS",
        params={
            "rows": rows,
            "columns": columns,
            "cells": cells,
            "size": file_bytes,
            "limit": limit,
            "floor": floor,
            "ratio": CELLS_RATIO,
        },
    )


def text_bytes(frame: pl.DataFrame) -> int:
    """Bytes of the text (and binary) cells of ``frame``, counted without copying them."""
    texts = [
        pl.col(name).str.len_bytes() if kind == pl.String else pl.col(name).bin.size()
        for name, kind in frame.schema.items()
        if kind in (pl.String, pl.Binary)
    ]
    if not texts:
        return 0
    sums = frame.select(expr.cast(pl.Int64).sum() for expr in texts).row(0)
    return int(sum(sums))


def too_much_text(found: int, limit: int, file: str, sheet: str | None = None) -> Problem:
    """``parquet-too-much-text``: the file reads as ``found`` bytes (its pages inflated, or its
    text once read)."""
    return Problem(
        "parquet-too-much-text",
        f"the Parquet file reads as {found:,} bytes, more than the {limit:,} pari-index reads from a file of this "
        "size; it was not read",
        file=file,
        sheet=sheet,
        hint="split the file, or raise PARI_MAX_PARQUET_TEXT_BYTES if it is genuine",
        params={"found": found, "limit": limit},
    )


def footer_too_large(found: int, file: str, sheet: str | None = None) -> Problem:
    limit = env_limit("PARI_MAX_PARQUET_FOOTER_BYTES", MAX_FOOTER_BYTES)
    return Problem(
        "parquet-footer-too-large",
        f"the Parquet file's footer takes {found:,} bytes, more than the {limit:,} pari-index reads; it was not read",
        file=file,
        sheet=sheet,
        hint="write the file again in fewer row groups (or raise PARI_MAX_PARQUET_FOOTER_BYTES if it is genuine)",
        params={"found": found, "limit": limit},
    )


def checksum_mismatch(mismatch: ChecksumMismatch, file: str, sheet: str | None = None) -> Problem:
    """``parquet-checksum``: a page's bytes are not those its writer recorded."""
    return Problem(
        "parquet-checksum",
        f"page {mismatch.page} of the column {_shown(mismatch.column)} does not match the checksum its writer "
        "recorded: bytes of the file were changed or cut since it was written; the file was not read",
        file=file,
        sheet=sheet,
        hint="write the file again from its source, or copy it again",
        params={"column": _shown(mismatch.column), "page": mismatch.page},
    )


def _shown(name: str) -> str:
    return name if len(name) <= 80 else name[:80] + "…"


def pages_problem(source: BinaryIO, file: str, cells: int, sheet: str | None = None) -> Problem | None:
    """Before polars reads the Parquet file open as ``source``: ``parquet-footer-too-large``, or
    ``parquet-too-much-text`` when its pages inflate to more than its text limit and what its
    ``cells`` (rows × columns) take; else None. Unreadable when its footer or a page header is
    not Parquet's. ``source`` is left at its start."""
    size = source.seek(0, os.SEEK_END)
    try:
        found = inflated_bytes(source)
    except FooterTooLarge as large:
        return footer_too_large(large.length, file, sheet)
    except ChecksumMismatch as mismatch:
        return checksum_mismatch(mismatch, file, sheet)
    finally:
        source.seek(0)
    allowed = text_limit(size) + CELL_BYTES * cells
    return too_much_text(found, allowed, file, sheet) if found > allowed else None


def text_problem(frame: pl.DataFrame, file_bytes: int, file: str, sheet: str | None = None) -> Problem | None:
    """Once read, before any work on its text: ``parquet-too-much-text`` when the text of
    ``frame`` (from a Parquet file of ``file_bytes``) passes the file's text limit."""
    found = text_bytes(frame)
    limit = text_limit(file_bytes)
    return too_much_text(found, limit, file, sheet) if found > limit else None


class OverLimit(Exception):
    """A Parquet file passes a limit of :func:`read_measured`: the problem naming it."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def footer_length(source: BinaryIO) -> int:
    """The length the footer of the Parquet file open as ``source`` says it takes (its last 8
    bytes), before polars parses it; Unreadable when the file does not end as Parquet ends. The one
    reading of a footer's frame: the measure of an input's pages, the reuse of an earlier table
    (outputs.files) and the tell of a damaged results table (outputs.results) use it."""
    size = source.seek(0, os.SEEK_END)
    tail = _read_at(source, size - 8, 8) if size >= 12 else b""
    source.seek(0)
    if len(tail) != 8 or tail[4:] != b"PAR1":
        raise Unreadable("no Parquet footer")
    length = int.from_bytes(tail[:4], "little")
    if length > size - 12:
        raise Unreadable("footer longer than the file")
    return length


def read_measured(
    source: BinaryIO,
    file: str,
    cells: int,
    sheet: str | None = None,
    *,
    decode: bool = True,
    rows_refused: Callable[[int], Problem | None] | None = None,
) -> pl.DataFrame | None:
    """The Parquet file open as ``source``, read within every limit of an input's Parquet file:
    its footer's length (before polars parses it), its ``cells`` at most (rows × columns, from the
    footer), what its pages inflate to, and, once read, the bytes of its text. The first limit
    passed is OverLimit (``too-many-cells``, ``parquet-footer-too-large``,
    ``parquet-too-much-text``); a file that is not Parquet is Unreadable, or polars' own error.
    ``decode`` False: measured, its text too, but not kept (None). ``rows_refused``: the problem of
    a file of so many rows (its footer's count), if any, raised as OverLimit before anything more
    is read (a results table held to the rows pari score wrote in it)."""
    try:
        with panic_words_held():
            return _read_measured(source, file, cells, sheet, decode, rows_refused)
    except pl.exceptions.PanicException as exc:
        # A page whose bytes were damaged (a flipped bit in a results table) made polars panic:
        # the run ended as pari's own error, saying the file was not the cause.
        reason = (str(exc).strip().splitlines() or ["panic"])[0][:200]
        raise Damaged(f"its pages cannot be decoded ({reason})") from None


def _read_measured(
    source: BinaryIO,
    file: str,
    cells: int,
    sheet: str | None,
    decode: bool,
    rows_refused: Callable[[int], Problem | None] | None = None,
) -> pl.DataFrame | None:
    from pari_index.intake.sheet import too_many_cells

    length = footer_length(source)
    if length > env_limit("PARI_MAX_PARQUET_FOOTER_BYTES", MAX_FOOTER_BYTES):
        raise OverLimit(footer_too_large(length, file, sheet))
    columns = len(pl.read_parquet_schema(source))
    source.seek(0)
    rows = pl.scan_parquet(source).select(pl.len()).collect().item()
    source.seek(0)
    refused = None if rows_refused is None else rows_refused(rows)
    if refused is not None:
        raise OverLimit(refused)
    if rows * columns > cells:
        raise OverLimit(too_many_cells(rows, columns, file, cells, sheet))
    problem = pages_problem(source, file, rows * columns, sheet)
    if problem is not None:
        raise OverLimit(problem)
    size = source.seek(0, os.SEEK_END)
    source.seek(0)
    if not decode:  # its text summed column by column as it is decoded, nothing kept
        found, frame = scanned_text_bytes(source), None
    else:
        frame = pl.read_parquet(source)
        found = text_bytes(frame)
    source.seek(0)
    if found > text_limit(size):
        raise OverLimit(too_much_text(found, text_limit(size), file, sheet))
    return frame


def scanned_text_bytes(source: BinaryIO) -> int:
    """:func:`text_bytes` of the Parquet file open as ``source``, without keeping its columns (a
    national intake's cells table, 850,000 rows: 0.03 CPU s)."""
    texts = [
        pl.col(name).str.len_bytes() if kind == pl.String else pl.col(name).bin.size()
        for name, kind in pl.read_parquet_schema(source).items()
        if kind in (pl.String, pl.Binary)
    ]
    source.seek(0)
    if not texts:
        return 0
    sums = pl.scan_parquet(source).select(expr.cast(pl.Int64).sum() for expr in texts).collect().row(0)
    return int(sum(value or 0 for value in sums))
