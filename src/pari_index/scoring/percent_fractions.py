"""A file whose percentages of a unit are all written as fractions of one (0,961 for 96,1 %).

A sheet whose percentage cells hold fractions (Excel stores 96,1 % as 0,961, and a CSV export of
cells formatted as plain numbers, or a survey tool's export, writes 0.961) was read as 0,961 %:
each item scored about a hundredth of its points, the whole survey part of every commune near 0,
with no finding. A percentage input cannot say which was meant, but a unit whose percentages in
one file are all between 0 and 1, at least :data:`MIN_PERCENTS` of them and not all 0 or 1, wrote
fractions: it gets one warning (``percents-as-fractions``) at its first such cell, per file, so a
survey of fractions is told apart from a commune's own form beside it. Found per unit, so a run
in batches finds the same. Nothing is changed: which was meant is the file's author's to say.
"""

from __future__ import annotations

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.points import EXACT_SCALE
from pari_index.intake.findings import cell_findings, empty_findings
from pari_index.intake.model import Intake
from pari_index.intake.schema import COLUMN, CRITERION, VALUE
from pari_index.intake.tables import FILE, ROW, SHEET
from pari_index.messages.rendering import json_params
from pari_index.textexpr import format_text

#: Fewer percentages than this tell nothing (one item at 0,5 % can be true).
MIN_PERCENTS = 3


def percents_as_fractions(intake: Intake) -> pl.DataFrame:
    """A warning for each unit and file of ``intake`` whose percentages are all fractions of one
    (the module says when)."""
    cells = intake.cells
    percents = cells.filter((pl.col("kind") == "percent") & pl.col("num").is_not_null())
    if percents.height == 0:
        return empty_findings()
    percents = percents.with_columns(pl.col(FILE).cast(pl.String).alias("_file"))
    num = pl.col("num")
    unit = [COMMUNE, "_file"]
    told = percents.filter(
        (pl.len().over(unit) >= MIN_PERCENTS)
        & (num.max().over(unit) <= EXACT_SCALE)
        & (num.min().over(unit) >= 0)
        & ((num % EXACT_SCALE) != 0).any().over(unit)
    )
    if told.height == 0:
        return empty_findings()
    first = (
        told.with_columns(pl.len().over(unit).alias("_count"))
        .filter((num % EXACT_SCALE) != 0)
        .sort(COMMUNE, "_file", SHEET, ROW, nulls_last=True)
        .unique(unit, keep="first", maintain_order=True)
    )
    text = {"count": pl.col("_count").cast(pl.String), "value": pl.col(VALUE)}
    return cell_findings(
        first.select(COMMUNE, CRITERION, FILE, SHEET, ROW, COLUMN, VALUE, "_count"),
        "warning",
        "percents-as-fractions",
        format_text(
            "the unit's {} percentages in this file are all between 0 and 1 (here {}): fractions of one, "
            "0.961 for 96.1 %? They were read as percentages (0.961 %)",
            text["count"],
            text["value"],
        ),
        "write each percentage out of 100 (96.1 or 96.1 %), or format the cells as Percentage in Excel",
        json_params(**text),
    )


__all__ = ["percents_as_fractions"]
