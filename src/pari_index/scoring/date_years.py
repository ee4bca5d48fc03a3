"""A unit whose dates are nearly all of another year than the one assessed.

A commune that sends last year's form again (the file of the year before, renamed) has every
deadline met and every document dated: a timeliness rule compares a date with its deadline, and a
date a year early is on time. Such a unit scored exactly as a real form would, with no finding.
Now a unit with at least :data:`MIN_DATES` dates (input values and evidence dates), of which at
least :data:`SHARE` lie outside the assessment year, gets one warning (``dates-of-another-year``),
located at its first such date. A plan signed late in the year before, or a report early in the
next, is a date or two of a unit's fifty and says nothing.
"""

from __future__ import annotations

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.intake.findings import cell_findings, empty_findings
from pari_index.intake.model import Intake
from pari_index.intake.schema import COLUMN, CRITERION, VALUE
from pari_index.intake.tables import FILE, ROW, SHEET
from pari_index.messages.rendering import json_params
from pari_index.textexpr import format_text

#: Fewer dates than this tell nothing of a form's year.
MIN_DATES = 3
#: The share of a unit's dates outside the assessment year from which it is told.
SHARE = 0.8

_PLACE = [FILE, SHEET, ROW, COLUMN]


def _days(intake: Intake) -> pl.DataFrame:
    """Every date of the intake (input values, evidence dates) with its unit."""
    values = intake.cells.select(COMMUNE, "day").filter(pl.col("day").is_not_null())
    evidence = intake.meta.select(COMMUNE, pl.col("evidence_date").alias("day")).filter(pl.col("day").is_not_null())
    return pl.concat([values, evidence], how="vertical_relaxed")


def _dates(intake: Intake, units: pl.Series) -> pl.DataFrame:
    """The dates of ``units`` with their item and place; an evidence date at its evidence cell
    when the intake knows it. Found for the units told only (few or none in a run)."""
    mine = pl.col(COMMUNE).is_in(units.implode())
    values = intake.cells.filter(mine & pl.col("day").is_not_null()).select(
        COMMUNE, CRITERION, "day", pl.col(FILE).cast(pl.String), SHEET, ROW, COLUMN
    )
    places = intake.places.filter(mine & (pl.col("place") == "evidence")).select(
        COMMUNE,
        CRITERION,
        pl.col("file").alias(FILE),
        pl.col("sheet").alias(SHEET),
        pl.col("row").alias(ROW),
        pl.col("column").alias(COLUMN),
    )
    first_place = places.unique([COMMUNE, CRITERION], keep="first", maintain_order=True)
    evidence = (
        intake.meta.filter(mine & pl.col("evidence_date").is_not_null())
        .select(COMMUNE, CRITERION, pl.col("evidence_date").alias("day"))
        .join(first_place, on=[COMMUNE, CRITERION], how="left")
    )
    return pl.concat([values, evidence.select(values.columns)], how="vertical_relaxed")


def dates_of_another_year(intake: Intake, year: int | None) -> pl.DataFrame:
    """A warning for each unit of ``intake`` whose dates are nearly all outside ``year`` (the
    module says when); none without a year."""
    if year is None:
        return empty_findings()
    outside = pl.col("day").dt.year() != year
    # Which units to tell, from their dates alone (a join of places for every unit cost a national
    # run 0.15 CPU s for none to tell).
    counts = _days(intake).group_by(COMMUNE).agg(pl.len().alias("_total"), outside.sum().alias("_count"))
    told = counts.filter((pl.col("_total") >= MIN_DATES) & (pl.col("_count") >= SHARE * pl.col("_total")))
    if told.height == 0:
        return empty_findings()
    dates = _dates(intake, told.get_column(COMMUNE))
    per_unit = (
        dates.sort(COMMUNE, FILE, SHEET, ROW, nulls_last=True)
        .group_by(COMMUNE, maintain_order=True)
        .agg(
            pl.len().alias("_total"),
            outside.sum().alias("_count"),
            pl.col("day").filter(outside).dt.year().mode().min().alias("_other"),
            *(pl.col(c).filter(outside).first() for c in (CRITERION, *_PLACE)),
        )
        .filter((pl.col("_total") >= MIN_DATES) & (pl.col("_count") >= SHARE * pl.col("_total")))
    )
    text = {"count": pl.col("_count").cast(pl.String), "total": pl.col("_total").cast(pl.String)}
    text |= {"other_year": pl.col("_other").cast(pl.String), "year": pl.lit(str(year))}
    return cell_findings(
        per_unit,
        "warning",
        "dates-of-another-year",
        format_text(
            "{} of the unit's {} dates are of {}, not of the year assessed ({}): a form of another year sent again?",
            text["count"],
            text["total"],
            text["other_year"],
            text["year"],
        ),
        "check the unit's form: its dates should be of the year assessed (a plan signed late in the year before "
        "is fine)",
        json_params(**text),
    )


#: A date input this many years or more from the assessment year is told on its own
#: (:func:`dates_far_from_year`): last year's is a plan signed late, and dates_of_another_year's.
FAR_YEARS = 2


def dates_far_from_year(intake: Intake, year: int | None) -> pl.DataFrame:
    """A warning for each date input (not an evidence date: a decision in force may be years old)
    at least :data:`FAR_YEARS` from ``year``: a slip in the year (04/06/2015 for 2025) met every
    deadline and scored the item in full, with no finding. Used as written; none without a year."""
    if year is None:
        return empty_findings()
    day_year = pl.col("day").dt.year().cast(pl.Int32)
    far = intake.cells.filter(pl.col("day").is_not_null() & ((day_year - year).abs() >= FAR_YEARS))
    if far.height == 0:
        return empty_findings()
    text = {
        "date_year": day_year.cast(pl.String),
        "distance": (day_year - year).abs().cast(pl.String),
        "value": pl.col(VALUE),
        "year": pl.lit(str(year)),
    }
    return cell_findings(
        far.select(COMMUNE, CRITERION, pl.col(FILE).cast(pl.String), SHEET, ROW, COLUMN, VALUE, "day"),
        "warning",
        "date-far-from-year",
        format_text(
            "{} is a date of {}, {} years from the year assessed ({}): a slip in the year? It is used as written "
            "(a date before its deadline is on time)",
            pl.col(VALUE),
            text["date_year"],
            text["distance"],
            text["year"],
        ),
        "check the date against the document, and correct its year if it is a slip",
        json_params(**text),
    )


__all__ = ["dates_far_from_year", "dates_of_another_year"]
