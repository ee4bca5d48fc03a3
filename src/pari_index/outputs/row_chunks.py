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
    total = pl.zeros(frame.height, dtype=pl.Int64, eager=True)
    # Series by series: a plan of the frame's text columns copied every column name for each, and
    # a register's headings reach the summary (5 MB of them: session 32,
    # limits32/register-of-long-headings).
    for series in frame:
        if series.dtype == pl.String:
            total += series.str.len_bytes().fill_null(0).cast(pl.Int64)
    return total


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


def numbered(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with its columns named c0, c1, ... (eagerly, no plan). A polars plan of an
    expression for each column copies every column name for each, and the summary carries the
    register's headings, which may be 5 MB: 250 of 19,000 letters took 850 MB in the digest and
    the workbook's rows until session 32 (limits32/register-of-long-headings). Work done by a plan
    for each column is done on this frame, the names kept aside."""
    if not frame.width:
        return frame  # (rows without columns: a frame of no series would have no rows either)
    return pl.DataFrame([series.alias(f"c{number}") for number, series in enumerate(frame)])
