"""A Parquet page whose header records a CRC-32 is checked against it before polars reads the file
(intake.parquet_measure: ``parquet-checksum``).

Found by a byte-mutation campaign in the twenty-fourth session: polars reads a page whose bytes
were changed without a word, even when its writer recorded the page's checksum. A damaged
assessments file scored a commune ``00000`` instead of ``00001``, and an input of 48 as 93, exit 0.
Spark (parquet-mr) and pyarrow (``write_page_checksum=True``) write page checksums; polars does
not, so the file here is written by hand: four text columns, one uncompressed PLAIN page each,
every page with its CRC-32 (pyarrow, where installed, reads it and verifies those checksums).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.cli import main
from pari_index.intake.tables import read_table_file
from pari_index.outputs.parquet_patch import Field, encode
from pari_index.system.thrift_compact import BINARY, I32, I64, LIST, STRUCT

EXAMPLES = Path(__file__).parents[1] / "examples"
COLUMNS = ("commune_code", "criterion_id", "input", "value")


def _page(values: list[str], crc: bool) -> bytes:
    data = b"".join(struct.pack("<I", len(v.encode())) + v.encode() for v in values)
    header = [Field(1, I32, 0), Field(2, I32, len(data)), Field(3, I32, len(data))]
    if crc:
        header.append(Field(4, I32, struct.unpack("<i", struct.pack("<I", zlib.crc32(data)))[0]))
    header.append(Field(5, STRUCT, [Field(1, I32, len(values)), Field(2, I32, 0), Field(3, I32, 3), Field(4, I32, 3)]))
    return encode(header) + data


def parquet_with_checksums(frame: pl.DataFrame, crc: bool = True) -> bytes:
    """``frame`` (text columns, no nulls) as a Parquet file of one row group, a page a column."""
    out = bytearray(b"PAR1")
    chunks = []
    for name in frame.columns:
        page = _page(frame[name].to_list(), crc)
        meta = [
            Field(1, I32, 6),
            Field(2, LIST, (I32, [0])),
            Field(3, LIST, (BINARY, [name.encode()])),
            Field(4, I32, 0),
            Field(5, I64, frame.height),
            Field(6, I64, len(page)),
            Field(7, I64, len(page)),
            Field(9, I64, len(out)),
        ]
        chunks.append([Field(2, I64, len(out)), Field(3, STRUCT, meta)])
        out += page
    leaves = [
        [Field(1, I32, 6), Field(3, I32, 0), Field(4, BINARY, n.encode()), Field(6, I32, 0)] for n in frame.columns
    ]
    schema = [[Field(4, BINARY, b"schema"), Field(5, I32, frame.width)], *leaves]
    group = [Field(1, LIST, (STRUCT, chunks)), Field(2, I64, len(out) - 4), Field(3, I64, frame.height)]
    footer = encode(
        [
            Field(1, I32, 1),
            Field(2, LIST, (STRUCT, schema)),
            Field(3, I64, frame.height),
            Field(4, LIST, (STRUCT, [group])),
        ]
    )
    return bytes(out + footer + struct.pack("<I", len(footer)) + b"PAR1")


def _example() -> pl.DataFrame:
    return pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False).select(COLUMNS).fill_null("")


def _as_read(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` as pari reads its cells: an empty text is an empty cell."""
    return frame.with_columns(pl.all().replace("", None))


def test_the_hand_written_file_reads_as_its_frame(tmp_path: Path) -> None:
    frame = _example()
    path = tmp_path / "a.parquet"
    path.write_bytes(parquet_with_checksums(frame))
    assert pl.read_parquet(path).equals(frame)
    sheet = read_table_file(path).sheets[0].frame
    assert sheet.select(COLUMNS).equals(_as_read(frame))


def test_a_changed_byte_in_a_page_refuses_the_file_naming_column_and_page(tmp_path: Path) -> None:
    data = bytearray(parquet_with_checksums(_example()))
    data[data.index(b"00001") + 4] ^= 1  # 00001 reads 00000: polars says nothing
    path = tmp_path / "a.parquet"
    path.write_bytes(bytes(data))
    assert pl.read_parquet(path)["commune_code"][0] == "00000"
    result = read_table_file(path)
    assert not result.sheets
    (problem,) = result.problems
    assert (problem.code, problem.params) == ("parquet-checksum", {"column": "commune_code", "page": 1})


def test_through_the_cli_in_both_languages(tmp_path: Path) -> None:
    data = bytearray(parquet_with_checksums(_example()))
    data[data.rindex(b"48") + 1] ^= 0x0F  # an input of 48 reads 4?: the value column's page
    path = tmp_path / "a.parquet"
    path.write_bytes(bytes(data))
    args = ["score", str(path), "--communes", str(EXAMPLES / "communes.csv"), "--survey", str(EXAMPLES / "survey.csv")]
    vi = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "o.xlsx")])
    en = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "o.xlsx"), "--lang", "en"])
    assert vi.exit_code == en.exit_code == 1 and not (tmp_path / "o.xlsx").exists()
    assert "trang 1 của cột value không khớp với mã kiểm tra (checksum)" in vi.output
    assert "page 1 of the column value does not match the checksum its writer recorded" in en.output


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_no_changed_byte_of_the_pages_is_read_silently(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Any one byte of the pages (their headers included) changed: the file is refused, or reads
    as it was written (never as other values)."""
    frame = _example().head(40)
    whole = parquet_with_checksums(frame)
    footer = struct.unpack("<I", whole[-8:-4])[0]
    at = data.draw(st.integers(4, len(whole) - 8 - footer - 1))
    new = data.draw(st.integers(0, 255).filter(lambda b: b != whole[at]))
    path = tmp_path_factory.mktemp("p") / "a.parquet"
    path.write_bytes(whole[:at] + bytes([new]) + whole[at + 1 :])
    result = read_table_file(path)
    if result.sheets:
        assert result.sheets[0].frame.select(COLUMNS).equals(_as_read(frame))
    else:
        assert result.problems


def test_a_file_without_checksums_is_read_as_before(tmp_path: Path) -> None:
    frame = _example().head(10)
    path = tmp_path / "a.parquet"
    path.write_bytes(parquet_with_checksums(frame, crc=False))
    assert read_table_file(path).sheets[0].frame.select(COLUMNS).equals(_as_read(frame))
