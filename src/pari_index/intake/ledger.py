"""The ledger of source rows: each row of each sheet scored, partial, rejected (with reasons) or empty."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import polars as pl

from pari_index.intake.schema import UNREAD
from pari_index.intake.sheet import FILE, ROW, SHEET

FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)


def source_ledger(all_rows: pl.DataFrame, used_parts: Sequence[pl.DataFrame], findings: pl.DataFrame) -> pl.DataFrame:
    """One row per source row: scored (its values used), partial (some used, some rejected),
    rejected, or empty, with reasons."""
    # A row repeating an earlier one with the same value is counted once, through the earlier
    # row: it was used, not empty.
    repeated = findings.filter(pl.col("kind") == "duplicate-row").select(
        pl.col("file").alias(FILE), pl.col("sheet").alias(SHEET), pl.col("row").alias(ROW)
    )
    reasons = (
        findings.filter(
            pl.col("row").is_not_null() & ((pl.col("severity") == "error") | (pl.col("kind") == "duplicate-row"))
        )
        .group_by("file", "sheet", "row")
        .agg(
            pl.col("message").unique().sort().str.join("; ").alias("reasons"),
            (pl.col("severity") == "error").any().alias("_error"),
        )
        .rename({"file": FILE, "sheet": SHEET, "row": ROW})
    )
    # Each source row as one integer (the sheet's number among the input sheets, then the row),
    # so that rows are matched on one number: joining millions of rows on the file name, sheet
    # and row grew worse than linearly (5.7 s for 100,000 communes), and one join per sheet is
    # slow when every commune sends its own file.
    # The sheet is numbered by its file's number and its name's number, looked up per row (a join
    # on the file and sheet names copied every row, and was the peak of a national intake).
    sheet = [FILE, SHEET]
    files = {name: i for i, name in enumerate(all_rows.get_column(FILE).drop_nulls().unique().to_list())}
    names = {name: i + 1 for i, name in enumerate(all_rows.get_column(SHEET).drop_nulls().unique().to_list())}

    def row_key(frame: FrameT) -> FrameT:
        file_number = pl.col(FILE).cast(pl.String).replace_strict(files, default=None, return_dtype=pl.Int64)
        name_number = (
            pl.when(pl.col(SHEET).is_null())
            .then(pl.lit(0, dtype=pl.Int64))
            .otherwise(pl.col(SHEET).replace_strict(names, default=None, return_dtype=pl.Int64))
        )
        sheet_number = file_number * (len(names) + 1) + name_number
        return frame.with_columns((sheet_number * 2**32 + pl.col(ROW)).alias("_row_key"))

    # The used rows as keys alone, part by part: their file names, gathered as text for every
    # accepted cell and meta row, were the intake's peak.
    used = pl.concat(
        [row_key(part.select(FILE, SHEET, ROW)).get_column("_row_key") for part in [*used_parts, repeated]]
    ).sort()
    keys = row_key(all_rows.select(FILE, SHEET, ROW)).get_column("_row_key")
    # A row is used when its key is among the sorted used keys: a binary search needs less
    # memory than the hash table of ``is_in`` over 1.3 million keys (the peak of the ledger).
    at = used.search_sorted(keys).clip(upper_bound=max(used.len() - 1, 0))
    is_used = (used.gather(at) == keys).fill_null(False) if used.len() else pl.repeat(False, keys.len(), eager=True)
    # Only the keys are joined to the reasons (one per row, in the rows' order), and the result
    # set beside the rows: joining the rows themselves copied every row's file name.
    found = pl.DataFrame([keys, is_used.alias("_used")]).join(
        row_key(reasons).drop(sheet, ROW), on="_row_key", how="left", maintain_order="left"
    )
    del keys, used, at, is_used
    ledger = (
        all_rows.with_columns(found.get_column("_used"), found.get_column("_error"), found.get_column("reasons"))
        .with_columns(pl.coalesce("reasons", UNREAD).alias("reasons"))
        .with_columns(
            # "partial": some of the row was used, some rejected (e.g. a self-score kept while
            # its 120 % value was refused); the reasons say what.
            pl.when(pl.col("_used") & pl.col("_error").fill_null(False))
            .then(pl.lit("partial"))
            .when(pl.col("_used"))
            .then(pl.lit("scored"))
            .when(pl.col("reasons").is_not_null())
            .then(pl.lit("rejected"))
            .otherwise(pl.lit("empty"))
            .alias("status")
        )
        .select(pl.col(FILE).alias("file"), pl.col(SHEET).alias("sheet"), pl.col(ROW).alias("row"), "status", "reasons")
    )
    return ledger
