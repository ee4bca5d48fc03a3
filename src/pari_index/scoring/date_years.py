"""A unit whose dates are nearly all of another year than the one assessed.

A commune that sends last year's form again (the file of the year before, renamed) has every
deadline met and every document dated: a timeliness rule compares a date with its deadline, and a
date a year early is on time. Such a unit scored exactly as a real form would, with no finding.
Now a unit with at least :data:`MIN_DATES` dates (input values and evidence dates), of which at
least :data:`SHARE` lie outside the assessment year, gets one warning (``dates-of-another-year``),
located at its first such date. A plan signed late in the year before, or a report early in the
next, is a date or two of a unit's fifty and says nothing.

A single date with a slip in its year was scored as written, with nothing said but a self-score
that differs: an input date (``04/06/2015`` or ``04/06/2052`` for ``04/06/2025``) met or missed its
deadline, an evidence date (``04/06/2062``) was "present". Now an input date :data:`FAR_YEARS` or
more from the year assessed is ``date-far-from-year``, and an evidence date after the end of the
year after it (the forms are filled early in the next year; an old decision in force may be
evidence, so earlier ones say nothing) is ``date-after-assessment``: each a warning at its cell,
the date used as written.

A deadline's date typed earlier than the date of the document that proves it (a plan "signed"
14/07 whose evidence is dated 14/08) had the deadline judged on the date typed, with nothing said:
the item could score more than its document allows. Each such date is a warning at its cell
(``date-before-evidence``); the item is still scored on the date typed. Its mirror, a date typed a
month or more after its document's (every plan's date typed a year late), missed the deadline with
nothing said but the self-score's difference: ``date-after-evidence``, a warning, scored as typed.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.intake.appraisal import Appraisal
from pari_index.intake.findings import cell_findings, empty_findings
from pari_index.intake.model import Intake
from pari_index.intake.schema import COLUMN, CRITERION, FIELD, VALUE
from pari_index.intake.tables import FILE, ROW, SHEET
from pari_index.messages.findings_table import json_params
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


def _dates(intake: Intake, units: pl.Series, inputs: bool = True) -> pl.DataFrame:
    """The dates of ``units`` with their item and place (the evidence dates only, without
    ``inputs``); an evidence date at its evidence cell when the intake knows it. Found for the
    units told only (few or none in a run)."""
    mine = pl.col(COMMUNE).is_in(units.implode()) & pl.lit(inputs)
    values = intake.cells.filter(mine & pl.col("day").is_not_null()).select(
        COMMUNE, CRITERION, "day", pl.col(FILE).cast(pl.String), SHEET, ROW, COLUMN
    )
    places = intake.places.filter(pl.col(COMMUNE).is_in(units.implode()) & (pl.col("place") == "evidence")).select(
        COMMUNE,
        CRITERION,
        pl.col("file").alias(FILE),
        pl.col("sheet").alias(SHEET),
        pl.col("row").alias(ROW),
        pl.col("column").alias(COLUMN),
    )
    first_place = places.unique([COMMUNE, CRITERION], keep="first", maintain_order=True)
    evidence = (
        intake.meta.filter(pl.col(COMMUNE).is_in(units.implode()) & pl.col("evidence_date").is_not_null())
        .select(COMMUNE, CRITERION, pl.col("evidence_date").alias("day"))
        .join(first_place, on=[COMMUNE, CRITERION], how="left")
    )
    return pl.concat([values, evidence.select(values.columns)], how="vertical_relaxed")


def date_findings(intake: Intake, year: int | None) -> pl.DataFrame:
    """The findings of the module about the dates of ``intake``'s units; none without a year."""
    if year is None:
        return empty_findings()
    parts = [
        dates_of_another_year(intake, year),
        dates_far_from_year(intake, year),
        dates_after_assessment(intake, year),
    ]
    return pl.concat(parts)


def dates_after_assessment(intake: Intake, year: int) -> pl.DataFrame:
    """A warning at each evidence date of ``intake`` after the end of the year after ``year`` (the
    module says why; an input date that far is :func:`dates_far_from_year`'s)."""
    last = dt.date(year + 1, 12, 31)
    late = pl.col("day") > last
    units = intake.meta.filter(pl.col("evidence_date") > last).get_column(COMMUNE).unique()
    if units.len() == 0:
        return empty_findings()
    dates = _dates(intake, units, inputs=False).filter(late).sort(COMMUNE, FILE, SHEET, ROW, nulls_last=True)
    text = {
        "day": pl.col("day").dt.to_string("%d/%m/%Y"),
        "next_year": pl.lit(str(year + 1)),
        "year": pl.lit(str(year)),
    }
    return cell_findings(
        dates,
        "warning",
        "date-after-assessment",
        format_text(
            "{} is after the end of {}: a date of the work of {} cannot be later (the year mistyped?); the item"
            " was scored with the date as written",
            text["day"],
            text["next_year"],
            text["year"],
        ),
        "correct the date's year in the cell",
        json_params(**text),
    )


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


def _against_evidence(intake: Intake, deadline_inputs: dict[str, str], appraisal: Appraisal | None) -> pl.DataFrame:
    """Each deadline's date (``deadline_inputs``: item id to its deadline rule's input) with the
    first evidence date given for the same unit and item (``_evidence``), sorted by place. Only
    the items with a deadline are joined, and only their cells with a date; not those the
    deadline was not judged on (:func:`_judged_as_typed`)."""
    if not deadline_inputs:
        return pl.DataFrame()
    keys = pl.DataFrame(
        {CRITERION: list(deadline_inputs), FIELD: list(deadline_inputs.values())},
        schema={CRITERION: pl.String, FIELD: pl.String},
    )
    dated = intake.cells.filter(pl.col("day").is_not_null()).join(keys, on=[CRITERION, FIELD], how="semi")
    dated = _judged_as_typed(dated, appraisal)
    if dated.height == 0:
        return pl.DataFrame()
    # The deadline items' evidence alone (the join below keeps no other): the first of each unit
    # and item is the same, and the unique() looks at a tenth of a batch's meta rows.
    evidence = (
        intake.meta.filter(pl.col("evidence_date").is_not_null() & pl.col(CRITERION).is_in(list(deadline_inputs)))
        .select(COMMUNE, CRITERION, pl.col("evidence_date").cast(pl.Date).alias("_evidence"))
        .unique([COMMUNE, CRITERION], keep="first", maintain_order=True)
    )
    return (
        dated.select(COMMUNE, CRITERION, "day", pl.col(FILE).cast(pl.String), SHEET, ROW, COLUMN)
        .join(evidence, on=[COMMUNE, CRITERION], how="inner")
        .sort(COMMUNE, FILE, SHEET, ROW, nulls_last=True)
    )


def _judged_as_typed(dated: pl.DataFrame, appraisal: Appraisal | None) -> pl.DataFrame:
    """The dates of ``dated`` the item was scored on: not a date whose input the council corrected
    (its date was judged), nor one of an item the council scored itself. Until session 33 a plan's
    date typed a year late and corrected by the council was still told as judged on the date typed
    (``date-after-evidence``, beside the council's "changed 0 to 1")."""
    if appraisal is None or dated.height == 0:
        return dated
    corrected = appraisal.cells.filter(pl.col(FIELD) != "n/a").select(COMMUNE, CRITERION, FIELD).unique()
    scored = appraisal.decisions.filter(pl.col("score_override").is_not_null()).select(COMMUNE, CRITERION).unique()
    return dated.join(corrected, on=[COMMUNE, CRITERION, FIELD], how="anti").join(
        scored, on=[COMMUNE, CRITERION], how="anti"
    )


def _days_text() -> dict[str, pl.Expr]:
    return {
        "day": pl.col("day").dt.to_string("%d/%m/%Y"),
        "evidence_date": pl.col("_evidence").dt.to_string("%d/%m/%Y"),
    }


def dates_against_evidence(
    intake: Intake, deadline_inputs: dict[str, str], appraisal: Appraisal | None = None
) -> pl.DataFrame:
    """The warnings of each deadline's date (``deadline_inputs``: item id to its deadline rule's
    input) that its evidence's date (of the same unit and item) does not show: earlier than it
    (the module says why), or well after it (:func:`_after_evidence`); not where ``appraisal``
    corrected the date or scored the item (:func:`_judged_as_typed`)."""
    dated = _against_evidence(intake, deadline_inputs, appraisal)
    if dated.height == 0:
        return empty_findings()
    return pl.concat([_before_evidence(dated), _after_evidence(dated)])


def _before_evidence(dated: pl.DataFrame) -> pl.DataFrame:
    """A warning at each date of ``dated`` (:func:`_against_evidence`) earlier than its evidence's."""
    text = _days_text()
    return cell_findings(
        dated.filter(pl.col("_evidence") > pl.col("day")),
        "warning",
        "date-before-evidence",
        format_text(
            "{} is earlier than the date of the item's evidence, {}: the deadline was judged on the date typed,"
            " which the document does not show",
            text["day"],
            text["evidence_date"],
        ),
        "check the document: type the date it was signed or issued, or correct the evidence date",
        json_params(**text),
    )


#: A deadline's date this many days or more after its evidence's date is told
#: (:func:`_after_evidence`); a document dated a few days before the date typed (a draft's
#: number taken early) says nothing.
AFTER_EVIDENCE_DAYS = 31


def _after_evidence(dated: pl.DataFrame) -> pl.DataFrame:
    """A warning at each date of ``dated`` (:func:`_against_evidence`) at least
    :data:`AFTER_EVIDENCE_DAYS` later than its evidence's: every plan's date typed a year late
    (04/06/2026 for a plan whose evidence is dated 04/06/2025) missed the deadline, the example's
    40 communes lost 36 index points in all, with no finding but the self-score's. The item is
    still scored on the date typed."""
    text = _days_text() | {"days": (pl.col("day") - pl.col("_evidence")).dt.total_days().cast(pl.String)}
    return cell_findings(
        dated.filter((pl.col("day") - pl.col("_evidence")).dt.total_days() >= AFTER_EVIDENCE_DAYS),
        "warning",
        "date-after-evidence",
        format_text(
            "{} is {} days after the date of the item's evidence, {}: the deadline was judged on the date typed"
            " (a slip in the year or month?), which the document does not show",
            text["day"],
            text["days"],
            text["evidence_date"],
        ),
        "check the document: type the date it was signed or issued, or correct the evidence date",
        json_params(**text),
    )


__all__ = [
    "date_findings",
    "dates_after_assessment",
    "dates_against_evidence",
    "dates_far_from_year",
    "dates_of_another_year",
]
