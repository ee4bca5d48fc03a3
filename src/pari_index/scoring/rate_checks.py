"""A rate's numerator above its denominator (``rate-above-denominator``).

A rate is a share computed from two counts (tasks completed of the tasks in the plan, complaints
settled of those received): its numerator cannot exceed its denominator. Commune 00004's 95 tasks
completed of 63 planned gave a rate of 150 %, scored as full points with nothing said: a count
typed in the wrong cell, or a typo. Each such numerator is now a warning at its cell; the item is
still scored as given (the rule caps the rate where it reads it).
"""

from __future__ import annotations

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.intake.findings import cell_findings, empty_findings
from pari_index.intake.model import Intake
from pari_index.intake.schema import COLUMN, CRITERION, FIELD
from pari_index.intake.tables import FILE, ROW, SHEET
from pari_index.messages.findings_table import json_params
from pari_index.textexpr import format_text


def rates_above_denominator(intake: Intake, rates: dict[str, tuple[str, str]]) -> pl.DataFrame:
    """A warning at each rate numerator of ``intake`` above its denominator of the same unit and
    item (``rates``: item id to its rule's numerator and denominator inputs). Only the rate items'
    numeric cells are joined."""
    if not rates:
        return empty_findings()
    ends = pl.DataFrame(
        {
            CRITERION: list(rates),
            "_numerator": [pair[0] for pair in rates.values()],
            "_denominator": [pair[1] for pair in rates.values()],
        },
        schema={CRITERION: pl.String, "_numerator": pl.String, "_denominator": pl.String},
    )
    cells = intake.cells.filter(pl.col("num").is_not_null() & pl.col(CRITERION).is_in(list(rates))).join(
        ends, on=CRITERION, how="inner"
    )
    if cells.height == 0:
        return empty_findings()
    denominators = cells.filter(pl.col(FIELD) == pl.col("_denominator")).select(
        COMMUNE, CRITERION, pl.col("num").alias("_of"), pl.col("value").alias("_of_text")
    )
    above = (
        cells.filter(pl.col(FIELD) == pl.col("_numerator"))
        .select(COMMUNE, CRITERION, "num", "value", pl.col(FILE).cast(pl.String), SHEET, ROW, COLUMN)
        .join(denominators.unique([COMMUNE, CRITERION], keep="first", maintain_order=True), on=[COMMUNE, CRITERION])
        .filter(pl.col("num") > pl.col("_of"))
        .sort(COMMUNE, FILE, SHEET, ROW, nulls_last=True)
    )
    text = {"value": pl.col("value"), "of": pl.col("_of_text")}
    return cell_findings(
        above,
        "warning",
        "rate-above-denominator",
        format_text(
            "{} is more than {}, the count it is a share of: a rate cannot be above 100 %; the item was scored as"
            " given",
            text["value"],
            text["of"],
        ),
        "check the two counts: the part (done, settled) cannot exceed the whole (planned, received)",
        json_params(**text),
    )


__all__ = ["rates_above_denominator"]
