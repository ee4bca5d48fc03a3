"""Cells given more than once for one commune, item and input: different values are a conflict
(none is used); the same value again is a repeat, counted once through its first row and told
as a warning (:func:`repeat_label`, the rule for cells and the commune's own rows alike).
"""

from __future__ import annotations

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.intake.findings import (
    cell_findings,
    cell_params,
)
from pari_index.intake.rejects import cell_order
from pari_index.intake.schema import COLUMN, CRITERION, FIELD, VALUE
from pari_index.intake.sheet import ROW
from pari_index.textexpr import format_text

CONFLICT_HINT = "keep one row per commune, criterion and input"


def conflict_params() -> pl.Expr:
    return cell_params(commune=pl.col(COMMUNE), criterion=pl.col(CRITERION), input=pl.col(FIELD))


def conflict_message() -> pl.Expr:
    return format_text(
        "commune {}, criterion {}: {} is given more than once with different values; none was used",
        pl.col(COMMUNE),
        pl.col(CRITERION),
        pl.col(FIELD),
    )


def repeat_label(present: pl.Expr, key: list[str]) -> pl.Expr:
    """The rule for repeats, for cells and meta rows alike. Among the rows of a key where
    ``present``, the copy on the smallest row number that is read first is used; every other copy
    is labelled "earlier" (an earlier row has it) or "again" (the same row number in another
    column, sheet or file); null where not present or used."""
    first_row = pl.col(ROW).filter(present).min().over(key)
    at_first = present & (pl.col(ROW) == first_row)
    return (
        pl.when(present & (pl.col(ROW) != first_row))
        .then(pl.lit("earlier"))
        .when(at_first & (at_first.cast(pl.UInt32).cum_sum().over(key) > 1))
        .then(pl.lit("again"))
    )


def repeat_findings(repeats: pl.DataFrame, column: pl.Expr | None = None) -> pl.DataFrame:
    """Warnings for labelled repeats (see repeat_label; the label in ``_repeat``)."""
    message = (
        pl.when(pl.col("_repeat") == "earlier")
        .then(pl.lit("repeats an earlier row with the same value (counted once)"))
        .otherwise(pl.lit("gives the same value again, in another column, sheet or file (counted once)"))
    )
    if column is not None:
        repeats = repeats.with_columns(column.alias(COLUMN))
    # Which copy it is, for the message in either language (labels.PARAM_WORDS["repeat"]).
    params = cell_params(repeat=pl.col("_repeat"))
    return cell_findings(repeats, "warning", "duplicate-row", message, "delete the repeat", params)


def drop_repeats(cells: pl.DataFrame, key: list[str], findings: list[pl.DataFrame]) -> pl.DataFrame:
    """The first copy of each commune, item and input (see repeat_label); the other copies
    become duplicate-row warnings, counted once through the first. ``cells`` carries ``_copies``,
    the number of copies of its key, so that the rule runs only where there are copies."""
    if not cells.select((pl.col("_copies") > 1).any()).item():
        return cells
    cells = cells.with_row_index("_i")
    repeats = (
        cells.filter(pl.col("_copies") > 1)
        .with_columns(repeat_label(pl.lit(True), key).alias("_repeat"))
        .filter(pl.col("_repeat").is_not_null())
    )
    if repeats.height:
        findings.append(cell_order(repeat_findings(repeats), repeats, "duplicate-row"))
        cells = cells.filter(~pl.col("_i").is_in(repeats["_i"].implode()))
    return cells.drop("_i")


def copies_and_values(cells: pl.DataFrame, key: list[str]) -> list[pl.Expr]:
    """``_copies`` (the cells of each key) and ``_distinct`` (their distinct values). Two windows
    over three text columns were the costliest step of a clean batch's checks; when no key is
    repeated both are 1 for every cell. Cells with the same key have the same hash of it, so as
    many distinct hashes as cells means no key is repeated (a collision only takes the windows)."""
    hashed = pl.reduce(lambda a, b: a ^ b, [pl.col(column).hash(seed) for seed, column in enumerate(key)])
    if cells.select(hashed.n_unique()).item() == cells.height:
        return [pl.lit(1, dtype=pl.get_index_type()).alias(name) for name in ("_copies", "_distinct")]
    return [pl.len().over(key).alias("_copies"), pl.col(VALUE).n_unique().over(key).alias("_distinct")]
