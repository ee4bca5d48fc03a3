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
from pari_index.intake.schema import META_FIELDS
from pari_index.intake.sheet import FILE, ROW, SHEET, Sheet
from pari_index.messages.labels import PARAM_WORDS
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


#: The columns that say what a row of an assessments or survey sheet is about: one commune, item
#: and input (a long sheet), or one commune (a wide sheet, whose every cell names its item).
LONG_KEY = ("commune_code", "criterion_id", "input")
WIDE_KEY = ("commune_code",)
#: The cells of a long row that a repeat of its key gives again (a finding each).
LONG_CELLS = ("value", *META_FIELDS)
#: Cells given again for a commune, item and input already given: each is a finding of some two
#: kilobytes. At the limit about what PARI_MAX_REPEATED_ROWS allows (100,000 rows of five cells,
#: 332 MB). Raise with the environment variable PARI_MAX_REPEATED_CELLS.
MAX_REPEATED_CELLS = 500_000
CELLS_LIMIT_NAME = "PARI_MAX_REPEATED_CELLS"


class KeyRepeats:
    """Cells of rows that give the commune, item and input of an earlier row (of any sheet or file
    of the run's assessments and survey), bounded before their cells are made.

    A row that repeats another except for one cell (a note numbered down the column) is no exact
    repeat, so :func:`refuse_repeated` let it through, and its every cell became a
    ``duplicate-row`` or ``conflicting-values`` finding: at a6bdad8 the example's assessments and
    one row 1,000,000 times, its explanation numbered (a 449 KB Parquet file), took 13.7 + 5.5
    CPU s and 2.54 GB, exit 1 with 6,000,000 findings; a wide row 20,000 times (266 KB) 7.2 + 4.9
    CPU s and 2.13 GB, 5,200,000 findings; and each of several files within the exact-repeats
    limit added its own. Counted by a hash of each row's key, kept for the whole run (8 bytes a
    row); a collision counts one row's cells too many (see :func:`row_hashes`)."""

    def __init__(self) -> None:
        self.limit = env_limit(CELLS_LIMIT_NAME, MAX_REPEATED_CELLS)
        self.cells = 0
        #: The distinct key hashes of the rows noted so far.
        self._distinct = pl.Series(dtype=pl.UInt64)
        #: Where in ``_distinct`` each file's keys first given lie (file, start, end), and the
        #: files that gave a key of their own.
        self._spans: list[tuple[str, int, int]] = []
        self._fresh: set[str] = set()
        #: When the limit is passed in a file that gave no key of its own so far and an earlier
        #: file gave them all: that file (the same rows given twice, as a CSV and its .xlsx).
        self.same_as: str | None = None

    def note(self, frame: pl.DataFrame, wide_cells: list[str] | None = None, file: str = "") -> int | None:
        """Note the rows of ``frame`` (a sheet's rows of ``file``, renamed as a plan reads them; a
        wide sheet's with ``wide_cells``, its value columns); the cells given again so far when
        they are past the limit, else None."""
        key = WIDE_KEY if wide_cells is not None else LONG_KEY
        if not set(key[:2]) <= set(frame.columns):
            return None  # a sheet not read for want of a column (missing-column)
        columns = [pl.col(c) if c in frame.columns else pl.lit(None, dtype=pl.String).alias(c) for c in key]
        given = [c for c in (wide_cells if wide_cells is not None else LONG_CELLS) if c in frame.columns]
        filled = pl.sum_horizontal(pl.col(c).is_not_null() & (pl.col(c) != "") for c in given) if given else pl.lit(0)
        # A row without a commune or item is told at its row (missing-commune-code, ...), not counted.
        present = pl.all_horizontal(pl.col(c).is_not_null() & (pl.col(c) != "") for c in key[:2])
        # The wide keys are marked apart from the long ones: a wide row of a commune repeats no long row.
        mark = pl.lit(wide_cells is not None).alias("_wide")
        rows = (
            frame.lazy()
            .filter(present)
            .select(pl.struct(*columns, mark).hash().alias("h"), filled.alias("n"))
            .collect()
        )
        # The keys noted before that this sheet gives again: the run's keys probed against this
        # sheet's, not this sheet's against a set of all the run's keys built again for every
        # sheet (that grew with the rows times the sheets; a national file's 12 slices noted:
        # 111 → 62 CPU ms).
        hashes = rows.get_column("h")
        again = (
            self._distinct.filter(self._distinct.is_in(hashes.implode())) if self._distinct.len() else self._distinct
        )
        new = pl.col("h").is_first_distinct() & ~pl.col("h").is_in(again.implode())
        counted = rows.with_columns(new.alias("new"))
        fresh = counted.filter("new").get_column("h")
        if fresh.len():
            self._spans.append((file, self._distinct.len(), self._distinct.len() + fresh.len()))
            self._fresh.add(file)
            self._distinct = pl.concat([self._distinct, fresh])
        self.cells += int(counted.filter(~pl.col("new")).get_column("n").sum())
        if self.cells <= self.limit:
            return None
        if file not in self._fresh:
            self.same_as = self._holding_all(counted.get_column("h"))
        return self.cells

    def _holding_all(self, hashes: pl.Series) -> str | None:
        """The earlier file whose keys first given include every one of ``hashes``, if any."""
        files = dict.fromkeys(file for file, _, _ in self._spans)
        for file in files:
            own = pl.concat([self._distinct.slice(start, end - start) for f, start, end in self._spans if f == file])
            if hashes.is_in(own.implode()).all():
                return file
        return None


def too_many_repeated_keys(
    repeats: int, limit: int, file: str, sheet: str | None, same_as: str | None = None
) -> Problem:
    """``same_as``: the earlier file that gave every key of ``file`` (:attr:`KeyRepeats.same_as`),
    named in the message: the same rows given twice, told as such (``input-same-rows`` tells a
    small copy, found once every file is read; a copy past the limit is stopped before)."""
    twice = {"same_file": "file", "other": same_as} if same_as is not None else {}
    said = PARAM_WORDS["same_file"]["file"].get("en").format(other=same_as) if same_as is not None else ""
    return Problem(
        "too-many-repeated-keys",
        f"{repeats:,} cells give again a value for the commune, item and input of an earlier row (in this file"
        f" or one read before it), more than the {limit:,} read; the assessment and survey files were not read{said}",
        file=file,
        sheet=sheet,
        hint="delete the repeated rows (or the file given twice); if they are meant, set PARI_MAX_REPEATED_CELLS"
        " higher",
        params={"repeats": repeats, "limit": limit, "limit_name": CELLS_LIMIT_NAME, **twice},
    )
