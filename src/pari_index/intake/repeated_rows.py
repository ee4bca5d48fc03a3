"""Rows that repeat an earlier row of their table exactly, bounded before any check is made.

A repeated row compresses to almost nothing in a Parquet file or a workbook (and to a line of a
CSV file), while each costs the run some two kilobytes: a ``duplicate-row`` warning for each of
its cells and the ledger's entry. Measured in session 38 on 806e56b: the example's assessments
then one of their rows 1,000,000 times, a 57 KB Parquet file, took 11.1 + 4.1 CPU s and 1.92 GB,
exit 0, and the example's survey then 3,000,000 repeats (26 KB) 2.73 GB; only the cells limit
bounded them. A table of more than PARI_MAX_REPEATED_ROWS such rows is now refused as it is read
(``too-many-repeated-rows``), before its rows are checked. Blank rows are not counted: they are
reported as empty, cheaply, and a workbook often has many.
"""

from __future__ import annotations

import polars as pl

from pari_index.errors import Problem
from pari_index.intake.sheet import FILE, ROW, SHEET, Sheet
from pari_index.system.limits import env_limit

#: Rows of one table that repeat an earlier row exactly: at the limit, the example run took 332 MB. A
#: table pasted twice into itself at national scale (755,384 rows) is past it, and told how to
#: raise it. Raise with the environment variable PARI_MAX_REPEATED_ROWS.
MAX_REPEATED_ROWS = 100_000
LIMIT_NAME = "PARI_MAX_REPEATED_ROWS"


def max_repeated_rows() -> int:
    """PARI_MAX_REPEATED_ROWS, default MAX_REPEATED_ROWS."""
    return env_limit(LIMIT_NAME, MAX_REPEATED_ROWS)


def _filled(data: list[str]) -> pl.Expr:
    """A row that is not blank: some cell of it holds text."""
    return pl.any_horizontal((pl.col(c).is_not_null() & (pl.col(c) != "")) for c in data)


def row_hashes(grid: pl.DataFrame) -> pl.Series:
    """A hash of each non-blank row of a CSV file's grid read a range at a time
    (``csv_input.CsvRanges.accepted``), whose rows are never all held: the file's repeats are
    its rows less the distinct hashes (:func:`repeats_of_hashes`). A collision counts one repeat
    too many: a table at the limit would need some in a few billion billion pairs of its rows to
    be refused wrongly, one far within it as many collisions as the limit."""
    hashes = grid.hash_rows()
    return hashes.filter(grid.select(_filled(grid.columns)).to_series())


def repeats_of_hashes(hashes: list[pl.Series]) -> int:
    """The rows hashed less the distinct hashes (:func:`row_hashes`)."""
    every = pl.concat(hashes) if hashes else pl.Series(dtype=pl.UInt64)
    return every.len() - every.n_unique()


def repeated_rows(frame: pl.DataFrame, limit: int) -> int:
    """The rows of ``frame`` that repeat an earlier non-blank row in every column read (0 when
    there cannot be more than ``limit``). The rows are counted by a hash of each first: equal rows
    share it, so as many distinct hashes as rows means no repeat, and only a table whose hashes
    say it is past ``limit`` is counted again exactly (a collision never refuses a table)."""
    data = [column for column in frame.columns if column not in (ROW, FILE, SHEET)]
    if frame.height <= limit or not data:
        return 0
    filled = frame.lazy().select(data).filter(_filled(data))
    by_hash = filled.select(pl.len() - pl.struct(data).hash().n_unique()).collect().item()
    if by_hash <= limit:
        return int(by_hash)
    return int(filled.select(pl.len() - pl.struct(data).n_unique()).collect().item())


def too_many_repeated_rows(repeats: int, limit: int, file: str, sheet: str | None) -> Problem:
    return Problem(
        "too-many-repeated-rows",
        f"{repeats:,} rows repeat an earlier row exactly, more than the {limit:,} read from one table;"
        " the table was not read",
        file=file,
        sheet=sheet,
        hint="delete the repeated rows; if they are meant, set PARI_MAX_REPEATED_ROWS higher",
        params={"repeats": repeats, "limit": limit, "limit_name": LIMIT_NAME},
    )


def refuse_repeated(sheets: list[Sheet], problems: list[Problem]) -> list[Sheet]:
    """``sheets`` without those of more repeated rows than PARI_MAX_REPEATED_ROWS, each refused
    in ``problems``. A CSV file read a range at a time was counted as its ranges were parsed."""
    limit = max_repeated_rows()
    kept: list[Sheet] = []
    for sheet in sheets:
        ranges = sheet.ranges
        repeats = ranges.repeats if ranges is not None else repeated_rows(sheet.frame, limit)
        if repeats > limit:
            problems.append(too_many_repeated_rows(repeats, limit, sheet.file, sheet.name))
        else:
            kept.append(sheet)
    return kept
