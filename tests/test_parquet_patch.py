"""A Parquet table patched from an earlier file's unchanged row groups has the very bytes of the
table written whole (pari_index.outputs.parquet_patch), and anything unexpected gives None."""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.intake.cache_folder import ParquetReuse
from pari_index.outputs.files import PARQUET_ROW_GROUP, write_parquet
from pari_index.outputs.parquet_patch import (
    Field,
    _Reader,
    encode,
    encode_alone,
    group_sizes,
    patched_parquet,
)

#: Small row groups keep the examples quick; one test uses the real size.
GROUP = 400


def _table(rows: int, seed: int = 0) -> pl.DataFrame:
    """Columns like the criteria table's: codes, ids, points with nulls, text with repeats and
    nulls, a float with -0.0, a boolean, a date."""
    i = pl.int_range(rows).alias("i")
    return pl.select(i).select(
        ((i // 59).cast(pl.String).str.zfill(5)).alias("commune_code"),
        ((i % 59) // 7).cast(pl.String).add(".").add((i % 7).cast(pl.String)).alias("criterion_id"),
        pl.when(i % 13 == 0).then(None).otherwise((i * 7919 + seed) % 100_000).alias("points"),
        (((i % 5) - 2).cast(pl.Float64) * 0.25).alias("ratio"),
        (i % 3 == 0).alias("flag"),
        (pl.date(2025, 1, 1) + pl.duration(days=i % 365)).alias("day"),
        pl.when(i % 11 == 0)
        .then(None)
        .otherwise(pl.format("điểm {} của {} (quy tắc {})", i % 97, i % 31, (i + seed) % 17))
        .alias("explanation"),
    )


def _changed(frame: pl.DataFrame, rows: list[int], text: str = "sửa") -> pl.DataFrame:
    hit = pl.int_range(pl.len()).is_in(rows)
    return frame.with_columns(
        pl.when(hit).then(pl.lit(text)).otherwise(pl.col("explanation")).alias("explanation"),
        pl.when(hit).then(pl.col("points") + 123_456).otherwise(pl.col("points")).alias("points"),
    )


def _unchanged(rows: list[int], height: int, group: int) -> set[int]:
    touched = {r // group for r in rows}
    return set(range(len(group_sizes(height, group)))) - touched


def _chunked(frame: pl.DataFrame, size: int) -> pl.DataFrame:
    return pl.concat([frame.slice(i, size) for i in range(0, frame.height, size)], rechunk=False)


@settings(max_examples=25, deadline=None)
@given(
    height=st.integers(GROUP + 1, 6 * GROUP),
    picks=st.lists(st.floats(0, 1, exclude_max=True), min_size=1, max_size=6),
    chunk=st.integers(37, 3 * GROUP),
    text=st.sampled_from(["sửa", "", "a much longer explanation than any before it " * 4]),
)
def test_a_patched_table_is_the_table_written_whole(height: int, picks: list[float], chunk: int, text: str) -> None:
    before = _table(height)
    rows = sorted({int(p * height) for p in picks})
    after = _chunked(_changed(before, rows, text), chunk)
    old = encode_alone(before, GROUP)
    unchanged = _unchanged(rows, height, GROUP)
    got = patched_parquet(old, after, unchanged, GROUP)
    if not unchanged:
        assert got is None  # every group changed: written whole by the caller
    else:
        assert got == encode_alone(after, GROUP)


def test_a_patched_table_at_the_real_row_group_size() -> None:
    before = _table(3 * PARQUET_ROW_GROUP + 123)
    rows = [PARQUET_ROW_GROUP + 5, 3 * PARQUET_ROW_GROUP + 100]
    after = _chunked(_changed(before, rows), 10_007)
    got = patched_parquet(encode_alone(before, PARQUET_ROW_GROUP), after, {0, 2}, PARQUET_ROW_GROUP)
    assert got == encode_alone(after, PARQUET_ROW_GROUP)


def test_the_caller_vouches_for_the_unchanged_groups() -> None:
    """Groups said to be unchanged are copied as they are: a wrong claim gives the old rows. The
    cache makes the claim only from the rows' digests (tests/test_cache.py)."""
    before = _table(3 * GROUP)
    after = _changed(before, [GROUP + 1])
    wrong = patched_parquet(encode_alone(before, GROUP), after, {0, 1}, GROUP)
    assert wrong is not None and wrong != encode_alone(after, GROUP)
    assert wrong == encode_alone(before, GROUP)


def _footer(data: bytes) -> tuple[list[Field], int]:
    (size,) = struct.unpack("<i", data[-8:-4])
    return _Reader(data[-8 - size : -8]).struct(), size


def test_the_footer_codec_gives_back_the_writers_bytes() -> None:
    data = encode_alone(_table(5 * GROUP), GROUP)
    fields, size = _footer(data)
    assert encode(fields) == data[-8 - size : -8]


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[: len(d) // 2],  # truncated
        lambda d: d[:-1] + b"X",  # not ending in PAR1
        lambda d: b"\0" * len(d),  # garbage
        lambda d: d[:-8] + struct.pack("<i", len(d) * 2) + b"PAR1",  # footer length out of range
        lambda d: d[:-8] + struct.pack("<i", 3) + b"PAR1",  # a footer that is not one
        lambda d: d[:-12] + b"\xff\xff\xff\xff" + d[-8:],  # the footer's last bytes changed
        lambda d: d[:4] + b"\0" + d[4:],  # a byte more before the first page: offsets off by one
    ],
)
def test_an_old_file_that_is_not_as_expected_gives_none(damage: Callable[[bytes], bytes]) -> None:
    before = _table(3 * GROUP)
    after = _changed(before, [2 * GROUP + 3])
    assert patched_parquet(encode_alone(before, GROUP), after, {0, 1}, GROUP) is not None
    assert patched_parquet(damage(encode_alone(before, GROUP)), after, {0, 1}, GROUP) is None


def test_another_height_schema_or_group_count_gives_none() -> None:
    before = _table(3 * GROUP)
    old = encode_alone(before, GROUP)
    assert patched_parquet(old, _table(3 * GROUP + 1), {0}, GROUP) is None  # another height
    assert patched_parquet(old, before.with_columns(pl.col("points").cast(pl.Float64)), {0}, GROUP) is None
    assert patched_parquet(old, before.rename({"flag": "flag2"}), {0}, GROUP) is None
    assert patched_parquet(old, before, {0, 1, 2}, GROUP) is None  # nothing to encode: kept whole instead
    assert patched_parquet(old, before, set(), GROUP) is None  # nothing to copy
    assert patched_parquet(encode_alone(before, GROUP // 2), before, {0}, GROUP) is None  # other groups
    categories = before.with_columns(pl.col("criterion_id").cast(pl.Categorical))
    assert patched_parquet(encode_alone(categories, GROUP), categories, {0}, GROUP) is None


def test_write_parquet_checks_the_earlier_file_it_reuses(tmp_path: Path) -> None:
    """The earlier file is used only when its bytes are the ones recorded and it is a plain file;
    otherwise the table is written whole: the same bytes either way."""
    before = _table(3 * PARQUET_ROW_GROUP // 2)
    after = _changed(before, [PARQUET_ROW_GROUP + 1])
    old = tmp_path / "old.parquet"
    write_parquet(old, before)
    sha = hashlib.sha256(old.read_bytes()).hexdigest()
    expected = encode_alone(after, PARQUET_ROW_GROUP)
    for name, reuse in {
        "recorded": ParquetReuse(old, sha, frozenset({0})),
        "another file": ParquetReuse(old, "0" * 64, frozenset({0})),
        "missing": ParquetReuse(tmp_path / "gone.parquet", sha, frozenset({0})),
    }.items():
        out = tmp_path / f"{name}.parquet"
        write_parquet(out, after, reuse)
        assert out.read_bytes() == expected, name
    link = tmp_path / "link.parquet"
    link.symlink_to(old)
    write_parquet(tmp_path / "via-link.parquet", after, ParquetReuse(link, sha, frozenset({0})))
    assert (tmp_path / "via-link.parquet").read_bytes() == expected
