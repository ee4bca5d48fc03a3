"""A Parquet results table written again with only its changed row groups encoded.

After the appraisal council corrects 50 communes, the criteria table (625,000 rows nationally)
differs from the previous run's in one or two of its ten row groups; encoding all of it cost
half a CPU second of a re-score. Parquet's row groups are independent: polars encodes a row group
of :data:`~pari_index.outputs.files.PARQUET_ROW_GROUP` rows to the same bytes whether it writes
it alone or inside the whole file (tests/test_parquet_patch.py checks it on tables of several row
groups, however the rows are chunked in memory). So the new file is put together from the old
file's unchanged row groups (their bytes as they are), the changed ones encoded alone, and a
footer: the old footer with each row group's metadata taken from where its bytes come from and
its offsets moved to the group's new place.

The footer is Thrift's compact protocol, decoded here into a generic tree that keeps every field
as written, so that it is encoded again to the same bytes. Anything unexpected (a footer that
does not encode back to its own bytes, a row group of another size, gaps between row groups, a
page index or bloom filter whose offsets this module would not move, a schema or writer that
differs between the old file and the fresh groups) makes :func:`patched_parquet` return None:
the caller then writes the whole table as before.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

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
    SET,
    STRUCT,
    TRUE,
    CompactReader,
)

MAGIC = b"PAR1"


#: FileMetaData fields: 3 num_rows, 4 row_groups; RowGroup: 1 columns, 3 num_rows, 5 file_offset,
#: 7 ordinal; ColumnChunk: 2 file_offset, 3 meta_data, 4-7 the offset and length of its offset
#: index and column index; ColumnMetaData: 9 data_page_offset, 10 index_page_offset,
#: 11 dictionary_page_offset; OffsetIndex: 1 page_locations; PageLocation: 1 offset
#: (parquet.thrift).
_ROW_GROUPS, _NUM_ROWS = 4, 3
_RG_COLUMNS, _RG_NUM_ROWS, _RG_FILE_OFFSET, _RG_ORDINAL = 1, 3, 5, 7
_CC_FILE_OFFSET, _CC_META = 2, 3
_CC_OFFSET_INDEX, _CC_OFFSET_INDEX_LENGTH, _CC_COLUMN_INDEX, _CC_COLUMN_INDEX_LENGTH = 4, 5, 6, 7
_CM_OFFSETS = (9, 10, 11)
_CM_COMPRESSED_SIZE = 7
_OI_PAGES, _PAGE_OFFSET = 1, 1
#: The fields a row group's metadata may hold; others (a bloom filter: ColumnMetaData 14-15)
#: carry offsets this module does not move.
_RG_FIELDS = frozenset({1, 2, 3, 4, 5, 6, 7})
_CC_FIELDS = frozenset({1, 2, 3, 4, 5, 6, 7})
_CM_FIELDS = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17})
_OI_FIELDS = frozenset({1, 2})


class FormatMismatch(ValueError):
    """The file is not one this module can patch to the writer's exact bytes."""


@dataclass
class Field:
    """One field of a Thrift struct as written: its id, its compact type and its value (a list of
    fields for a struct, ``(element type, values)`` for a list or set, ``(key type, value type,
    pairs)`` for a map)."""

    fid: int
    ctype: int
    value: Any


class _Reader(CompactReader):
    """Every field of a struct decoded, as written (thrift_compact)."""

    error = FormatMismatch

    def value(self, ctype: int, depth: int) -> Any:
        if ctype in (TRUE, FALSE):  # a bool inside a list: one byte
            return self.byte() == TRUE
        if ctype == BYTE:
            return self.byte()
        if ctype in (I16, I32, I64):
            return self.zigzag()
        if ctype == DOUBLE:
            return self.take(8)
        if ctype == BINARY:
            return self.take(self.varint())
        if ctype in (LIST, SET):
            size, elem = self.list_head()
            return (elem, [self.value(elem, self.deeper(depth)) for _ in range(size)])
        if ctype == MAP:
            size, key, val = self.map_head()
            pairs = [(self.value(key, self.deeper(depth)), self.value(val, self.deeper(depth))) for _ in range(size)]
            return (key, val, pairs)
        if ctype == STRUCT:
            return self.struct(self.deeper(depth))
        raise FormatMismatch(f"unknown Thrift type {ctype}")

    def struct(self, depth: int = 0) -> list[Field]:
        fields: list[Field] = []
        last = 0
        while (head := self.field_head(last)) is not None:
            last, ctype = head
            value = ctype == TRUE if ctype in (TRUE, FALSE) else self.value(ctype, depth)
            fields.append(Field(last, ctype, value))
        return fields


def _varint(out: bytearray, n: int) -> None:
    while True:
        if n < 0x80:
            out.append(n)
            return
        out.append((n & 0x7F) | 0x80)
        n >>= 7


def _zigzag(out: bytearray, n: int) -> None:
    _varint(out, (n << 1) ^ (n >> 63))


def _write_value(out: bytearray, ctype: int, value: Any) -> None:
    if ctype in (TRUE, FALSE):
        out.append(TRUE if value else FALSE)
    elif ctype == BYTE:
        out.append(int(value))
    elif ctype in (I16, I32, I64):
        _zigzag(out, int(value))
    elif ctype == DOUBLE:
        out += value
    elif ctype == BINARY:
        data = bytes(value)
        _varint(out, len(data))
        out += data
    elif ctype in (LIST, SET):
        elem, items = value
        if len(items) < 15:
            out.append(len(items) << 4 | elem)
        else:
            out.append(0xF0 | elem)
            _varint(out, len(items))
        for item in items:
            _write_value(out, elem, item)
    elif ctype == MAP:
        key, val, pairs = value
        _varint(out, len(pairs))
        if pairs:
            out.append(key << 4 | val)
            for k, v in pairs:
                _write_value(out, key, k)
                _write_value(out, val, v)
    else:
        _write_struct(out, value)


def _write_struct(out: bytearray, fields: list[Field]) -> None:
    last = 0
    for f in fields:
        ctype = (TRUE if f.value else FALSE) if f.ctype in (TRUE, FALSE) else f.ctype
        delta = f.fid - last
        if 0 < delta <= 15:
            out.append(delta << 4 | ctype)
        else:
            out.append(ctype)
            _zigzag(out, f.fid)
        if ctype not in (TRUE, FALSE):
            _write_value(out, ctype, f.value)
        last = f.fid
    out.append(0)


def encode(fields: list[Field]) -> bytes:
    out = bytearray()
    _write_struct(out, fields)
    return bytes(out)


def _field(fields: list[Field], fid: int) -> Field:
    found = _get(fields, fid)
    if found is None:
        raise FormatMismatch(f"field {fid} missing")
    return found


def _get(fields: list[Field], fid: int) -> Field | None:
    for f in fields:
        if f.fid == fid:
            return f
    return None


@dataclass
class _Chunk:
    """One column chunk as written: its pages (``start``: where they began in their file), its
    ColumnChunk and ColumnMetaData (the writer puts a copy of the latter right after the pages,
    with the pages' file offsets in it), its column index and its offset index (decoded: it holds
    the pages' file offsets)."""

    start: int
    pages: bytes
    chunk: list[Field]
    meta: list[Field]
    column_index: bytes
    offset_index: list[Field]


@dataclass
class _Group:
    meta: list[Field]
    chunks: list[_Chunk]


def _parse(data: bytes, rows: Sequence[int]) -> tuple[list[Field], list[_Group]]:
    """The footer and row groups of ``data``, checked: row groups of ``rows`` rows each, one after
    the other from byte 4, each column chunk its pages then a copy of its metadata; then (when
    there is a page index) every column index and every offset index in row group and column
    order, then the footer, which (like every struct read) encodes back to its own bytes."""
    if len(data) < 12 or data[:4] != MAGIC or data[-4:] != MAGIC:
        raise FormatMismatch("not a Parquet file")
    (size,) = struct.unpack("<i", data[-8:-4])
    footer_start = len(data) - 8 - size
    if size <= 0 or footer_start < 4:
        raise FormatMismatch("footer length out of range")
    meta = _decode(data[footer_start:-8])
    listed = _get(meta, _ROW_GROUPS)
    metas: list[list[Field]] = list(listed.value[1]) if listed is not None else []
    if [_int(g, _RG_NUM_ROWS) for g in metas] != list(rows):
        raise FormatMismatch("row groups of other sizes")
    columns = [_columns(g) for g in metas]
    starts = [_pages_start(m) for cs in columns for _, m in cs]
    first_index = next((_int(c, _CC_COLUMN_INDEX) for cs in columns for c, _ in cs if _get(c, _CC_COLUMN_INDEX)), None)
    ends = [*starts[1:], footer_start if first_index is None else first_index]
    if not starts or starts[0] != 4:
        raise FormatMismatch("row groups not from the start of the file")
    groups: list[_Group] = []
    n = 0
    for group_meta, cs in zip(metas, columns, strict=True):
        if _get(group_meta, _RG_FILE_OFFSET) is not None and _int(group_meta, _RG_FILE_OFFSET) != starts[n]:
            raise FormatMismatch("row group offset not its first page")
        chunks = []
        for chunk, column_meta in cs:
            start, end = starts[n], ends[n]
            written = encode(column_meta)
            # The writer's ColumnChunk.file_offset: the data page's offset plus the compressed size.
            bogus = _int(column_meta, 9) + _int(column_meta, _CM_COMPRESSED_SIZE)
            pages_end = end - len(written)
            if pages_end <= start or data[pages_end:end] != written or _int(chunk, _CC_FILE_OFFSET) != bogus:
                raise FormatMismatch("column chunk not its pages, then its metadata")
            index = _bytes_at(data, chunk, _CC_COLUMN_INDEX, _CC_COLUMN_INDEX_LENGTH)
            pages = data[start:pages_end]
            chunks.append(_Chunk(start, pages, chunk, column_meta, index, _offset_index(data, chunk)))
            n += 1
        groups.append(_Group(group_meta, chunks))
    _check_index_layout(groups, ends[-1], footer_start)
    return meta, groups


def _decode(raw: bytes) -> list[Field]:
    reader = _Reader(raw)
    fields = reader.struct()
    if reader.at != len(raw) or encode(fields) != raw:
        raise FormatMismatch("metadata does not encode back to its bytes")
    return fields


def _check_index_layout(groups: list[_Group], at: int, footer_start: int) -> None:
    """No page index, or every column index then every offset index, one after the other in row
    group and column order from ``at`` (the end of the row groups) up to the footer."""
    order = [c.chunk for g in groups for c in g.chunks]
    indexed = {_get(c, _CC_COLUMN_INDEX) is not None and _get(c, _CC_OFFSET_INDEX) is not None for c in order}
    if indexed == {False} or not order:
        if at != footer_start or any(_get(c, fid) is not None for c in order for fid in range(4, 8)):
            raise FormatMismatch("bytes between the row groups and the footer")
        return
    if indexed != {True}:
        raise FormatMismatch("page index in only some column chunks")
    for offset, length in ((_CC_COLUMN_INDEX, _CC_COLUMN_INDEX_LENGTH), (_CC_OFFSET_INDEX, _CC_OFFSET_INDEX_LENGTH)):
        for chunk in order:
            if _int(chunk, offset) != at:
                raise FormatMismatch("page index not in the expected order")
            at += _int(chunk, length)
    if at != footer_start:
        raise FormatMismatch("bytes between the page index and the footer")


def _bytes_at(data: bytes, chunk: list[Field], offset: int, length: int) -> bytes:
    if _get(chunk, offset) is None:
        return b""
    start = _int(chunk, offset)
    return data[start : start + _int(chunk, length)]


def _offset_index(data: bytes, chunk: list[Field]) -> list[Field]:
    raw = _bytes_at(data, chunk, _CC_OFFSET_INDEX, _CC_OFFSET_INDEX_LENGTH)
    if not raw:
        return []
    index = _decode(raw)
    if {f.fid for f in index} - _OI_FIELDS:
        raise FormatMismatch("offset index not as expected")
    return index


def _int(fields: list[Field], fid: int) -> int:
    f = _get(fields, fid)
    if f is None or not isinstance(f.value, int):
        raise FormatMismatch(f"field {fid} missing")
    return f.value


def _columns(group: list[Field]) -> list[tuple[list[Field], list[Field]]]:
    """Each column chunk of a row group with its ColumnMetaData, checked for fields with offsets
    this module would not move."""
    if {f.fid for f in group} - _RG_FIELDS:
        raise FormatMismatch("row group fields not known")
    listed = _get(group, _RG_COLUMNS)
    if listed is None or not listed.value[1]:
        raise FormatMismatch("row group without columns")
    out = []
    for chunk in listed.value[1]:
        meta = _get(chunk, _CC_META)
        if meta is None or {f.fid for f in chunk} - _CC_FIELDS or {f.fid for f in meta.value} - _CM_FIELDS:
            raise FormatMismatch("column chunk fields not known (a bloom filter?)")
        out.append((chunk, meta.value))
    return out


def _pages_start(meta: list[Field]) -> int:
    """Where a column chunk's first page starts (its dictionary page, if any)."""
    offsets = [f.value for f in meta if f.fid in _CM_OFFSETS and isinstance(f.value, int)]
    if not offsets:
        raise FormatMismatch("column chunk without pages")
    return min(offsets)


def _shift(fields: list[Field], fids: Sequence[int], delta: int) -> list[Field]:
    return [Field(f.fid, f.ctype, f.value + delta) if f.fid in fids else f for f in fields]


def _moved_offset_index(index: list[Field], delta: int) -> bytes:
    """An offset index with each page's file offset moved by ``delta``."""
    if not delta:
        return encode(index)
    out = []
    for f in index:
        if f.fid == _OI_PAGES:
            elem, pages = f.value
            f = Field(f.fid, f.ctype, (elem, [_shift(page, (_PAGE_OFFSET,), delta) for page in pages]))
        out.append(f)
    return encode(out)


def _set(fields: list[Field], values: dict[int, Any]) -> list[Field]:
    return [Field(f.fid, f.ctype, values[f.fid]) if f.fid in values else f for f in fields]


@dataclass
class _Placed:
    """A column chunk where it now is: how far it moved, its metadata with the pages' new
    offsets, and the ColumnChunk fields of its page index's new place."""

    chunk: _Chunk
    delta: int
    meta: list[Field]
    index: dict[int, int]


def _assemble(meta: list[Field], groups: list[_Group]) -> bytes:
    """A file of ``groups`` in this order: each chunk's pages and its metadata with the pages' new
    offsets, the page index after them (when the chunks have one), and the footer ``meta`` with
    its row groups replaced by theirs."""
    body = bytearray(MAGIC)
    placed: list[list[_Placed]] = []
    for group in groups:
        mine = []
        for c in group.chunks:
            delta = len(body) - c.start
            body += c.pages
            moved = _shift(c.meta, _CM_OFFSETS, delta)
            body += encode(moved)
            mine.append(_Placed(c, delta, moved, {}))
        placed.append(mine)
    every = [p for mine in placed for p in mine]
    for p in every:
        if p.chunk.column_index:
            p.index |= {_CC_COLUMN_INDEX: len(body), _CC_COLUMN_INDEX_LENGTH: len(p.chunk.column_index)}
            body += p.chunk.column_index
    for p in every:
        if p.chunk.offset_index:
            raw = _moved_offset_index(p.chunk.offset_index, p.delta)
            p.index |= {_CC_OFFSET_INDEX: len(body), _CC_OFFSET_INDEX_LENGTH: len(raw)}
            body += raw
    row_groups = []
    for ordinal, (group, mine) in enumerate(zip(groups, placed, strict=True)):
        chunks = [_set(_shift(p.chunk.chunk, (_CC_FILE_OFFSET,), p.delta), {_CC_META: p.meta, **p.index}) for p in mine]
        changes = {
            _RG_COLUMNS: (_field(group.meta, _RG_COLUMNS).value[0], chunks),
            _RG_FILE_OFFSET: mine[0].chunk.start + mine[0].delta,
            _RG_ORDINAL: ordinal,
        }
        row_groups.append(_set(group.meta, changes))
    footer = encode(_set(meta, {_ROW_GROUPS: (_field(meta, _ROW_GROUPS).value[0], row_groups)}))
    return bytes(body) + footer + struct.pack("<i", len(footer)) + MAGIC


def _without_groups(meta: list[Field]) -> list[Field]:
    return [f for f in meta if f.fid not in (_ROW_GROUPS, _NUM_ROWS)]


def encode_alone(frame: pl.DataFrame, group_rows: int) -> bytes:
    """``frame`` as the writer writes it (:func:`pari_index.outputs.files.write_parquet`)."""
    buffer = io.BytesIO()
    frame.lazy().sink_parquet(buffer, row_group_size=group_rows)
    return buffer.getvalue()


def group_sizes(height: int, group_rows: int) -> list[int]:
    """The rows of each row group of a table of ``height`` rows (none for an empty table)."""
    return [min(group_rows, height - start) for start in range(0, height, group_rows)]


def _has_categories(frame: pl.DataFrame) -> bool:
    """Whether a column holds categories: a slice of it may be written with the whole column's
    dictionary or only its own, so its row groups alone are not trusted to be the same bytes (no
    results table has one)."""
    return any(isinstance(dtype, pl.Categorical | pl.Enum) for dtype in frame.schema.values())


def patched_parquet(old: bytes, frame: pl.DataFrame, unchanged: set[int], group_rows: int) -> bytes | None:
    """The bytes the writer gives for ``frame``, made from the file ``old`` (the same table before,
    of the same height and schema) whose row groups ``unchanged`` hold the same rows as the
    frame's, and the other row groups encoded alone. None when the files are not as expected."""
    sizes = group_sizes(frame.height, group_rows)
    changed = [i for i in range(len(sizes)) if i not in unchanged]
    if not sizes or not changed or len(changed) == len(sizes) or _has_categories(frame):
        return None
    try:
        meta, before = _parse(old, sizes)
        fresh_rows = pl.concat([frame.slice(i * group_rows, group_rows) for i in changed], rechunk=False)
        fresh_meta, fresh = _parse(encode_alone(fresh_rows, group_rows), [sizes[i] for i in changed])
        if _without_groups(fresh_meta) != _without_groups(meta):
            raise FormatMismatch("schema or writer differs")
        for n, i in enumerate(changed):
            before[i] = fresh[n]
        # A page index in both files or in neither: mixed, the layout would not be the writer's.
        if len({bool(c.column_index) for g in before for c in g.chunks}) != 1:
            raise FormatMismatch("page index in only some row groups")
        return _assemble(meta, before)
    except (FormatMismatch, ValueError, TypeError, IndexError, AttributeError, struct.error):
        return None


#: What makes :class:`GroupsAsScored` give up (and the table be written whole, as before).
_CANNOT = (FormatMismatch, ValueError, TypeError, IndexError, AttributeError, struct.error, pl.exceptions.PolarsError)


def _packed(frame: pl.DataFrame) -> bytes:
    """``frame``'s rows alone, as lz4-compressed Arrow IPC bytes (at the oldest level: plain
    strings, so only the rows' own text is written, not the views' whole buffers)."""
    buffer = io.BytesIO()
    frame.write_ipc(buffer, compression="lz4", compat_level=pl.CompatLevel.oldest())
    return buffer.getvalue()


def _unpacked(packed: bytes) -> pl.DataFrame:
    return pl.read_ipc(io.BytesIO(packed))


class GroupsAsScored:
    """A results table's Parquet bytes made as its rows come, batch after batch (a batched run's
    criteria table, encoded in the thread that spills each batch's detail): every complete row
    group of :data:`group_rows` rows is encoded alone when its rows are in, the rows left over
    carried to the next batch, and :meth:`parquet` puts the groups together behind one footer.
    The same bytes as the writer's whole file (row groups are independent: see the module's
    docstring), without reading the spilled detail back to encode it at the end. ``shown``
    makes a batch's rows as written (``display_frame``). Anything unexpected (parts whose
    footers differ but for their row groups, a column of categories) makes :meth:`parquet`
    return None: the caller then writes the whole table as before."""

    def __init__(self, shown: Callable[[pl.DataFrame], pl.DataFrame], group_rows: int) -> None:
        self._shown = shown
        self._rows = group_rows
        self._carry: bytes | None = None
        self._groups: list[_Group] = []
        self._meta: list[Field] | None = None
        self._height = 0
        self._failed = False

    def add(self, frame: pl.DataFrame) -> None:
        """One batch's rows (as the detail holds them), in order."""
        if self._failed:
            return
        try:
            rows = self._shown(frame)
            if self._carry is not None:
                rows = pl.concat([_unpacked(self._carry), rows], rechunk=False)
            full = rows.height - rows.height % self._rows
            for start in range(0, full, self._rows):  # one group at a time: less memory while encoding
                self._encode(rows.slice(start, self._rows))
            # The rows left over packed apart: a slice would hold the whole batch's buffers (some
            # 50 MB nationally, beside the next batch's scoring) until the next batch comes, and
            # a copy of them some 30 MB (lz4: a few MB, for some 20 ms of CPU a batch; session 37).
            self._carry = _packed(rows.slice(full))
        except _CANNOT:
            self._failed = True
            self._carry, self._groups = None, []

    def _encode(self, rows: pl.DataFrame) -> None:
        if _has_categories(rows):
            raise FormatMismatch("a column of categories")
        meta, groups = _parse(encode_alone(rows, self._rows), group_sizes(rows.height, self._rows))
        if self._meta is None:
            self._meta = meta
        elif _without_groups(meta) != _without_groups(self._meta):
            raise FormatMismatch("schema or writer differs")
        self._groups += groups
        self._height += rows.height

    def parquet(self) -> bytes | None:
        """The whole table's bytes (the rows left over encoded now), or None when they cannot be
        made to the writer's bytes, or no row came (an empty table is written as before)."""
        try:
            left = _unpacked(self._carry) if not self._failed and self._carry is not None else None
            if left is not None and left.height:
                self._encode(left)
            self._carry = None
            if self._failed or self._meta is None or not self._groups:
                return None
            meta = _set(self._meta, {_NUM_ROWS: self._height})
            return _assemble(meta, self._groups)
        except _CANNOT:
            self._failed = True
            return None
        finally:
            self._groups = []


__all__ = ["FormatMismatch", "GroupsAsScored", "encode_alone", "group_sizes", "patched_parquet"]
