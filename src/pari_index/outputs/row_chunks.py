"""A table cut into consecutive chunks of rows, each made into one text at once (a sheet's XML, a
digest's canonical values): at most a number of rows, and at most a number of bytes of text.

Counted in rows alone, a chunk of rows quoting long texts was one text of all of them: 800
findings that each quote a 30,000-letter item id (from a 4.8 MB input) made 48 MB of text at once,
and polars' copies of it took 6 times that, a run of 550 MB. Where the chunks are cut changes
nothing in what is made of them."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl


def text_bytes(frame: pl.DataFrame) -> pl.Series:
    """The bytes of text of each row of ``frame`` (0 for a table without text)."""
    text = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    if not text:
        return pl.zeros(frame.height, dtype=pl.Int64, eager=True)
    return frame.select(pl.sum_horizontal(pl.col(text).str.len_bytes().fill_null(0).cast(pl.Int64))).to_series()


def row_chunks(frame: pl.DataFrame, rows: int, max_bytes: int) -> Iterator[tuple[int, int]]:
    """``(start, length)`` of consecutive chunks of ``frame``'s rows: at most ``rows`` rows whose
    text adds up to at most ``max_bytes`` (one row at least, however long)."""
    sizes = text_bytes(frame)
    start = 0
    while start < frame.height:
        added = sizes.slice(start, rows).cum_sum()
        length = max(1, int((added <= max_bytes).sum()))  # (cum_sum only grows: a prefix)
        yield start, length
        start += length
