"""thrift_compact: the one reader of Thrift's compact protocol behind both the intake's measuring of
a Parquet file (parquet_measure) and the results' row-group patching (parquet_patch). Its checks
hold for both: a crafted footer is refused as each caller's own error, never read past its end."""

from __future__ import annotations

import io

import polars as pl
import pytest

from pari_index.intake.parquet_measure import _FOOTER, Unreadable, _Thrift
from pari_index.outputs.parquet_patch import FormatMismatch, _Reader, encode
from pari_index.system.thrift_compact import LIST, MAX_DEPTH, STRUCT, CompactError, CompactReader


def _footer() -> bytes:
    data = io.BytesIO()
    pl.DataFrame({"code": ["00001", "00004"], "total": [81.5, 77.25]}).write_parquet(data, row_group_size=1)
    raw = data.getvalue()
    size = int.from_bytes(raw[-8:-4], "little")
    return raw[-8 - size : -8]


def test_varints_and_zigzags_read_as_the_protocol_writes_them() -> None:
    reader = CompactReader(bytes([0x96, 0x01, 0x03, 0x04, 0x00]))
    assert reader.varint() == 150
    assert reader.zigzag() == -2
    assert reader.zigzag() == 2
    assert reader.byte() == 0
    with pytest.raises(CompactError, match="cut short"):
        reader.byte()


def test_a_varint_of_more_than_ten_bytes_is_refused() -> None:
    with pytest.raises(CompactError, match="varint too long"):
        CompactReader(b"\xff" * 11 + b"\x01").varint()
    assert CompactReader(b"\xff" * 9 + b"\x01").varint() == 2**64 - 1


def test_a_list_longer_than_the_bytes_left_is_refused_before_any_element_is_read() -> None:
    # A list of structs claiming 2**40 elements in a 9-byte footer.
    head = bytes([0xF0 | STRUCT]) + bytes([0x80, 0x80, 0x80, 0x80, 0x80, 0x20])
    with pytest.raises(CompactError, match="list longer than its bytes"):
        CompactReader(head).list_head()
    footer = bytes([0x40 | LIST]) + head  # FileMetaData field 4 (row_groups)
    with pytest.raises(Unreadable, match="list longer"):
        _Thrift(footer).struct(_FOOTER)
    with pytest.raises(FormatMismatch, match="list longer"):
        _Reader(footer).struct()


def test_nesting_past_the_depth_limit_is_each_callers_own_error() -> None:
    # Field 1 a struct, holding field 1 a struct ... MAX_DEPTH + 5 deep, never closed.
    nested = bytes([0x10 | STRUCT]) * (MAX_DEPTH + 5)
    with pytest.raises(Unreadable, match="nested too deep"):
        _Thrift(nested).struct({})
    with pytest.raises(FormatMismatch, match="nested too deep"):
        _Reader(nested).struct()


def test_both_readers_pass_a_real_footer_to_its_last_byte() -> None:
    footer = _footer()
    measuring = _Thrift(footer)
    groups = measuring.struct(_FOOTER)[4]
    assert isinstance(groups, list) and len(groups) == 2  # one row group per row
    patching = _Reader(footer)
    fields = patching.struct()
    assert measuring.at == patching.at == len(footer)
    assert encode(fields) == footer


def test_a_cut_footer_is_refused_by_both() -> None:
    footer = _footer()[:-7]
    with pytest.raises(Unreadable):
        _Thrift(footer).struct(_FOOTER)
    with pytest.raises(FormatMismatch):
        _Reader(footer).struct()
