"""The ledger of source rows: each row of each sheet scored, partial, rejected (with reasons) or empty."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import polars as pl

from pari_index.intake.schema import UNREAD
from pari_index.intake.sheet import FILE, ROW, SHEET
from pari_index.intake.unplaced_rows import UNKNOWN_INPUT, UNKNOWN_ITEM


def _file_numbers(frame: pl.DataFrame, files: dict[str, int]) -> pl.Expr:
    """Each row's file as its number in ``files``. A categorical column (the accepted cells') is
    looked up by its codes: casting it back to text made a string of every cell's file name, the
    largest transient of the ledger."""
    if frame.schema[FILE] != pl.Categorical:
        return pl.col(FILE).replace_strict(files, default=None, return_dtype=pl.Int64)
    present = frame.get_column(FILE).unique().drop_nulls()
    numbers = [files[name] for name in present.cast(pl.String).to_list()]
    codes = dict(zip(present.to_physical().to_list(), numbers, strict=True))
    return pl.col(FILE).to_physical().replace_strict(codes, default=None, return_dtype=pl.Int64)


#: The ledger's columns, as :func:`source_ledger` makes them.
LEDGER_SCHEMA: dict[str, pl.DataType] = {
    "file": pl.String(),
    "sheet": pl.String(),
    "row": pl.Int64(),
    "status": pl.String(),
    "reasons": pl.String(),
}


@dataclass(frozen=True)
class RowKeys:
    """Each source row as one integer: the sheet's number among the input sheets (its file's
    number, then its name's), then the row. Rows are matched on one number: joining millions of
    rows on the file name, sheet and row grew worse than linearly (5.7 s for 100,000 communes),
    and one join per sheet is slow when every commune sends its own file. The numbers are looked
    up per row (a join on the file and sheet names copied every row, and was the peak of a
    national intake)."""

    files: dict[str, int]
    names: dict[str, int]

    @classmethod
    def of_rows(cls, parts: Sequence[RowPart]) -> RowKeys:
        """The numbering of the files and sheets of ``parts`` (together, every source row), in
        the order they come (a part with no rows numbers nothing)."""
        files: dict[str, int] = {}
        names: dict[str, int] = {}
        for part in parts:
            if part.rows.len():
                files.setdefault(part.file, len(files))
                if part.sheet is not None:
                    names.setdefault(part.sheet, len(names) + 1)
        return cls(files, names)

    def of_part(self, part: RowPart) -> pl.Series:
        """The key of each row of ``part``, as :meth:`of` gives it, without a string per row."""
        if not part.rows.len():  # (not numbered)
            return pl.Series("_row_key", [], dtype=pl.Int64)
        name = 0 if part.sheet is None else self.names[part.sheet]
        sheet_number = self.files[part.file] * (len(self.names) + 1) + name
        return (part.rows + sheet_number * 2**32).alias("_row_key")

    def of(self, frame: pl.DataFrame) -> pl.Series:
        """The key of each row of ``frame`` (which has FILE, SHEET and ROW columns)."""
        name_number = (
            pl.when(pl.col(SHEET).is_null())
            .then(pl.lit(0, dtype=pl.Int64))
            .otherwise(pl.col(SHEET).replace_strict(self.names, default=None, return_dtype=pl.Int64))
        )
        sheet_number = _file_numbers(frame, self.files) * (len(self.names) + 1) + name_number
        return frame.select((sheet_number * 2**32 + pl.col(ROW)).alias("_row_key")).to_series()


@dataclass(frozen=True)
class RowPart:
    """Where the rows of one sheet (or of a range of its rows) are: its file and sheet, and each
    row's number. A file's name was a string on every source row, held from the read until the
    ledger is made (the largest thing a run holds for its ledger); as numbers, 8 bytes a row."""

    file: str
    sheet: str | None
    rows: pl.Series


@dataclass(frozen=True)
class SourceRows:
    """Every row of every sheet, part by part, and why a part's rows were not read (a missing
    column; None when they were)."""

    parts: Sequence[tuple[RowPart, str | None]]

    def keys(self, row_keys: RowKeys) -> pl.Series:
        keys = [row_keys.of_part(part) for part, _ in self.parts]
        return pl.concat(keys) if keys else pl.Series("_row_key", [], dtype=pl.Int64)

    def frame(self) -> pl.DataFrame:
        """The rows as file, sheet, row and why not read (made only for the ledger itself)."""
        frames = [
            pl.DataFrame([part.rows.alias(ROW)]).select(
                pl.lit(part.file, dtype=pl.String).alias(FILE),
                pl.lit(part.sheet, dtype=pl.String).alias(SHEET),
                pl.col(ROW).cast(pl.Int64),
                pl.lit(unread, dtype=pl.String).alias(UNREAD),
            )
            for part, unread in self.parts
        ]
        empty = {FILE: pl.String, SHEET: pl.String, ROW: pl.Int64, UNREAD: pl.String}
        return pl.concat(frames) if frames else pl.DataFrame(schema=empty)


#: The last row of a merged range in a ``merged-cells`` finding's parameters (``{"cells": "D2:D6"}``).
_MERGE_END = r'"cells":\s*"[^"]*:\$?[A-Za-z]+\$?([0-9]+)"'
#: The merges told at one row below their first, at most (the first ones, in the findings'
#: order): a sheet's merges cover each row once in each column, but a workbook may list a
#: thousand merges over one column (MAX_CELL_FINDINGS a sheet), and spreading each over every
#: row it covers made a finding a merge a row: a form of 3,430 rows so made took 1.75 GB and
#: 8 s where 75 MB and 0.7 s read it before (reviewa38). Every merge is still in the findings.
MERGES_A_ROW = 5


def merges_spread(findings: pl.DataFrame, rows: pl.DataFrame) -> pl.DataFrame:
    """``findings`` with each ``merged-cells`` finding told again at every other row of ``rows``
    (file, sheet, row) its range covers: the cells under the first read as empty, so those rows
    are the ones a merge damaged. Until session 38 only the merge's first row (the one holding
    the value) carried it: a register whose district was merged down over five units had its
    first row "partial" and the four units read with no district "registered". The span is cut
    at the sheet's last row in ``rows`` (a merge down to row 1,048,576 spreads over the data only),
    and a row below its merges' first rows carries :data:`MERGES_A_ROW` of them at most."""
    if findings.height == 0 or rows.height == 0 or "params" not in findings.columns:
        return findings
    merged = findings.filter((pl.col("kind") == "merged-cells") & pl.col("row").is_not_null())
    if merged.height == 0:
        return findings
    place = ["file", "sheet"]
    ends = (
        rows.lazy()
        .select(pl.col("file").cast(pl.String), pl.col("sheet").cast(pl.String), pl.col("row").cast(pl.Int64))
        .group_by(place)
        .agg(pl.col("row").max().alias("_end"))
    )
    spans = (
        merged.lazy()
        .with_row_index("_merge")
        .with_columns(pl.col("file").cast(pl.String), pl.col("sheet").cast(pl.String))
        .join(ends, on=place, how="inner", nulls_equal=True)
        .select(
            "_merge",
            *place,
            pl.col("row").cast(pl.Int64) + 1,
            pl.min_horizontal(pl.col("params").str.extract(_MERGE_END, 1).cast(pl.Int64, strict=False), "_end")
            .fill_null(pl.col("row").cast(pl.Int64))
            .alias("_end"),
        )
        .filter(pl.col("_end") >= pl.col("row"))
        .collect()
    )
    pieces = _covered(spans)
    if not pieces:
        return findings
    spread = (
        pl.DataFrame(pieces, schema={"_merge": pl.UInt32, "_from": pl.Int64, "_to": pl.Int64}, orient="row")
        .join(merged.with_row_index("_merge"), on="_merge", how="left")
        .with_columns(pl.int_ranges("_from", "_to").alias("_rows"))
        .drop("row")
        .explode("_rows")
        .rename({"_rows": "row"})
        .with_columns(pl.col("row").cast(findings.schema["row"]))
        .select(findings.columns)
    )
    return pl.concat([findings, spread.cast(findings.schema)])


def _covered(spans: pl.DataFrame) -> list[tuple[int, int, int]]:
    """(merge, first row, row after the last) pieces of ``spans`` (_merge, file, sheet, row: the
    first row below the merge's first, _end: its last), each sheet's rows cut where a merge
    begins or ends, each piece given to the first :data:`MERGES_A_ROW` merges covering it: at most
    that many pieces a row, whatever the merges' overlaps."""
    by_sheet: dict[tuple[str | None, str | None], list[tuple[int, int, int]]] = {}
    for merge, file, sheet, first, last in spans.iter_rows():
        by_sheet.setdefault((file, sheet), []).append((first, last + 1, merge))
    pieces: list[tuple[int, int, int]] = []
    for ranges in by_sheet.values():
        ranges.sort()
        cuts = sorted({at for first, after, _ in ranges for at in (first, after)})
        active: list[tuple[int, int, int]] = []
        taken = 0
        for low, high in pairwise(cuts):
            while taken < len(ranges) and ranges[taken][0] <= low:
                active.append(ranges[taken])
                taken += 1
            active = [span for span in active if span[1] > low]
            pieces += [(merge, low, high) for merge in sorted(span[2] for span in active)[:MERGES_A_ROW]]
    return pieces


#: Warnings that are a row's reason in the ledger: a repeated row (used through the earlier one)
#: and a row of nothing to score that names no item or input of the set (:mod:`.unplaced_rows`),
#: which stays ``empty``, its warning saying why.
_REASON_KINDS = ("duplicate-row", UNKNOWN_ITEM, UNKNOWN_INPUT)


def source_ledger(
    all_rows: SourceRows, row_keys: RowKeys, used_keys: Sequence[pl.Series], findings: pl.DataFrame
) -> pl.DataFrame:
    """One row per source row (LEDGER_SCHEMA): scored (its values used), partial (some used, some
    rejected), rejected, or empty, with reasons. ``used_keys``: the keys (``row_keys``) of the
    rows whose values were used, taken as each part was checked, so that the parts themselves
    (every accepted cell and meta row) need not be held for the ledger."""
    # A merge's rows below its first carry it too (each part's last row bounds the spread).
    ends = pl.DataFrame(
        [(part.file, part.sheet, part.rows.max()) for part, _ in all_rows.parts if part.rows.len()],
        schema={"file": pl.String, "sheet": pl.String, "row": pl.Int64},
        orient="row",
    )
    findings = merges_spread(findings, ends)
    # A row repeating an earlier one with the same value is counted once, through the earlier
    # row: it was used, not empty.
    repeated = (
        findings.lazy()
        .filter(pl.col("kind") == "duplicate-row")
        .select(pl.col("file").alias(FILE), pl.col("sheet").alias(SHEET), pl.col("row").alias(ROW))
        .collect()
    )
    reasons = _row_reasons(findings)
    keys = all_rows.keys(row_keys)
    is_used = _among(keys, pl.concat([*used_keys, row_keys.of(repeated)]))
    # Only the keys are joined to the reasons (one per row, in the rows' order), and the result
    # set beside the rows: joining the rows themselves copied every row's file name.
    found = (
        pl.DataFrame([keys, is_used.alias("_used")])
        .join(
            reasons.with_columns(row_keys.of(reasons)).drop(FILE, SHEET, ROW),
            on="_row_key",
            how="left",
            maintain_order="left",
        )
        .drop("_row_key")
    )
    del keys, is_used
    # One lazy pass from the rows to the ledger's columns: each step made eagerly was a frame of
    # every row (the ledger's peak at 250,000 units, with 19.8 million rows).
    ledger = (
        all_rows.frame()
        .hstack(found)
        .lazy()
        .with_columns(pl.coalesce("reasons", UNREAD).alias("reasons"))
        .with_columns(
            # "partial": some of the row was used, some rejected (e.g. a self-score kept while
            # its 120 % value was refused); the reasons say what.
            pl.when(pl.col("_used") & pl.col("_error").fill_null(False))
            .then(pl.lit("partial"))
            .when(pl.col("_used"))
            .then(pl.lit("scored"))
            # Rejected: an error, or a column the row needed missing; a warning alone (a row of
            # nothing to score naming no item) leaves it empty, the warning its reason.
            .when(pl.col("_error").fill_null(False) | pl.col(UNREAD).is_not_null())
            .then(pl.lit("rejected"))
            .otherwise(pl.lit("empty"))
            .alias("status")
        )
        .select(pl.col(FILE).alias("file"), pl.col(SHEET).alias("sheet"), pl.col(ROW).alias("row"), "status", "reasons")
        .collect()
    )
    return ledger


def _row_reasons(findings: pl.DataFrame) -> pl.DataFrame:
    """The reasons of each row a finding sits at (an error, or a warning of _REASON_KINDS): its
    distinct messages joined, sorted, and whether any is an error (``_error``)."""
    # Each row's distinct messages first, a message as its number (a category), then their texts
    # joined: grouping the texts of every finding was the ledger's peak (216 MB for 1.4 million
    # cell findings; 51 MB so, in half the time), as was filtering the findings whole (lazily,
    # only the columns the reasons need are kept).
    message = pl.col("message").cast(pl.Categorical)
    distinct = (
        findings.lazy()
        .filter(pl.col("row").is_not_null() & ((pl.col("severity") == "error") | pl.col("kind").is_in(_REASON_KINDS)))
        .select("file", "sheet", "row", message.to_physical().alias("_m"), message, pl.col("severity") == "error")
        .group_by("file", "sheet", "row", "_m")
        .agg(pl.col("message").first(), pl.col("severity").any().alias("_error"))
    )
    return (
        distinct.group_by("file", "sheet", "row")
        .agg(pl.col("message").cast(pl.String).sort().str.join("; ").alias("reasons"), pl.col("_error").any())
        .rename({"file": FILE, "sheet": SHEET, "row": ROW})
        .collect()
    )


def _among(keys: pl.Series, used: pl.Series) -> pl.Series:
    """Whether each of ``keys`` is one of ``used``."""
    used = used.sort()
    # A binary search in the sorted used keys needs less memory than the hash table of ``is_in``
    # over 1.3 million keys (the peak of the ledger).
    at = used.search_sorted(keys).clip(upper_bound=max(used.len() - 1, 0))
    return (used.gather(at) == keys).fill_null(False) if used.len() else pl.repeat(False, keys.len(), eager=True)


#: The statuses of a row whose values were all used: a row at which an error sits is not one.
_USED_WHOLE = ("scored", "applied", "registered")


def errors_carried(rows: pl.DataFrame, findings: pl.DataFrame) -> pl.DataFrame:
    """``rows`` (a part of the ledger: file, sheet, row, status, reasons) with each row said to be
    used whole (:data:`_USED_WHOLE`) at which an error of ``findings`` sits made ``partial``, the
    errors' messages its reasons: a row that carries an error was not used whole, whichever reader
    made its status. The assessments' ledger says so of its rows (:func:`source_ledger`); the
    register's and the appraisal's statuses are their readers' own, and until session 37 a
    register whose district cells were merged over each district's units, held an Excel error
    (``#N/A``) or a formula with no saved result had every row "registered", ``merged-cells``,
    ``excel-error-cell`` or ``formula-without-value`` errors beside them, and the run said it was
    complete (its units ranked as one group with no district), exit 1 alone telling."""
    place = ["file", "sheet", "row"]
    if rows.height == 0 or findings.height == 0:
        return rows
    findings = merges_spread(findings, rows)
    errors = (
        findings.lazy()
        .filter((pl.col("severity") == "error") & pl.col("row").is_not_null())
        .select(
            pl.col("file").cast(pl.String),
            pl.col("sheet").cast(pl.String),
            pl.col("row").cast(rows.schema["row"]),
            "message",
        )
        .join(rows.lazy().select(place).unique(), on=place, how="semi", nulls_equal=True)
        .group_by(place, maintain_order=True)
        .agg(pl.col("message").cast(pl.String).unique(maintain_order=True).str.join("; ").alias("_errors"))
        .collect()
    )
    if errors.height == 0:
        return rows
    carried = rows.join(errors, on=place, how="left", nulls_equal=True, maintain_order="left")
    whole = pl.col("status").is_in(_USED_WHOLE) & pl.col("_errors").is_not_null()
    return carried.with_columns(
        pl.when(whole).then(pl.lit("partial")).otherwise(pl.col("status")).alias("status"),
        pl.when(whole).then(pl.coalesce("reasons", "_errors")).otherwise(pl.col("reasons")).alias("reasons"),
    ).drop("_errors")


#: Warnings each at a row that is no data and is left out of its table (intake.grid._not_data):
#: a total under the data, the column names repeated (files pasted together).
NOT_DATA_KINDS = ("total-row", "header-repeated")


def not_data_rows(ledger: pl.DataFrame, findings: pl.DataFrame) -> pl.DataFrame:
    """``ledger`` (the run's, with its ``input`` column) with each row that :data:`NOT_DATA_KINDS`
    left out of its table put back in its place: ``empty`` (nothing to score), the warning's
    message its reason. Those rows were dropped before any ledger was made, so until session 38
    a register, a survey, an appraisal or a form with a «Tổng cộng» row or pasted headings had
    rows in no status: its ledger counted fewer rows than the file holds. Only the blocks of the
    ledger's sheets that hold such rows are looked at, and the ledger is cut where they go."""
    place = ["file", "sheet"]
    extra = (
        findings.lazy()
        .filter(pl.col("kind").is_in(NOT_DATA_KINDS) & pl.col("row").is_not_null())
        .select(
            pl.col("file").cast(pl.String),
            pl.col("sheet").cast(pl.String),
            pl.col("row").cast(pl.Int64),
            pl.col("message").cast(pl.String).alias("reasons"),
        )
        .unique(["file", "sheet", "row"], keep="first", maintain_order=True)
        .collect()
    )
    if extra.height == 0:
        return ledger
    blocks = (
        ledger.lazy()
        .with_row_index("_at")
        .select("_at", "file", "sheet", pl.col("row").cast(pl.Int64), "input")
        .join(extra.lazy().select(place).unique(), on=place, how="semi", nulls_equal=True)
        .collect()
    )
    inputs = dict(zip(blocks.get_column("file").to_list(), blocks.get_column("input").to_list(), strict=True))
    at: dict[tuple[str | None, str | None], tuple[list[int], list[int]]] = {}
    for index, file, sheet, row, _ in blocks.iter_rows():
        found = at.setdefault((file, sheet), ([], []))
        found[0].append(row)
        found[1].append(index)
    # Each row goes after the last of its sheet's rows above it (before the first when none is);
    # a sheet of no other row, at the end.
    positions: list[int] = []
    for file, sheet, row, _ in extra.iter_rows():
        rows, indices = at.get((file, sheet), ([], []))
        k = bisect_left(rows, row)
        positions.append(indices[k - 1] + 1 if k else indices[0] if indices else ledger.height)
    added = (
        extra.with_row_index("_sheet")
        .with_columns(
            pl.lit("empty").alias("status"),
            # The file's input kind; a file whose every row is no data, an assessment's (most files are).
            pl.col("file").replace_strict(inputs, default="assessment", return_dtype=pl.String).alias("input"),
            pl.Series("_at", positions, dtype=pl.Int64),
            # Sheets at one place (the end) in the findings' order, each one's rows in order.
            pl.col("_sheet").min().over(place),
        )
        .sort("_at", "_sheet", "row", maintain_order=True)
    )
    return _inserted(ledger, added.select(*ledger.columns, "_at").cast(ledger.schema))


def _inserted(ledger: pl.DataFrame, added: pl.DataFrame) -> pl.DataFrame:
    """``ledger`` with the rows of ``added`` put before the ledger's row at each one's ``_at``
    (sorted): slices of the ledger between them, no copy of a row per row."""
    pieces: list[pl.DataFrame] = []
    start = 0
    for (position,), group in added.group_by("_at", maintain_order=True):
        pieces += [ledger.slice(start, int(position) - start), group.drop("_at")]
        start = int(position)
    pieces.append(ledger.slice(start))
    return pl.concat(pieces)
