"""Verification: what the rules, the evidence and the council make of each item, told per item and
per unit.

For every commune and scored item the council wants to see four numbers side by side: what the
commune claimed (self_score), what the rules give on the inputs it reported (computed_score), what
they give after the council's corrections (appraised_score), and what counts (final_score), with a
status and the reason. The evidence each item needs and has is scoring.evidence's; the council's
file is read by intake.appraisal. Here: the findings of the scored items (a decision that changed
nothing, items left unassessed or with inputs left empty, survey gaps), one per unit where an item
would repeat them.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import Leaf, MissingEvidence, Part
from pari_index.criteria.points import SCALE, to_units
from pari_index.intake.assessments import (
    CRITERION,
    FINDING_SCHEMA,
)
from pari_index.scoring.evidence import EVIDENCE_GAPS
from pari_index.textexpr import format_text


def leaf_frame(leaves: Sequence[Leaf]) -> pl.DataFrame:
    """criterion_id, area_id, part, max (units), title_vi, title_en, provenance: one row per leaf."""

    return pl.DataFrame(
        [
            {
                CRITERION: leaf.id,
                "area_id": leaf.area,
                "part": leaf.part.value,
                "max": to_units(leaf.max),
                "title_vi": leaf.title.vi,
                "title_en": leaf.title.en or leaf.title.vi,
                "provenance": leaf.provenance.value,
                "order": i,
            }
            for i, leaf in enumerate(leaves)
        ],
        schema={
            CRITERION: pl.String,
            "area_id": pl.String,
            "part": pl.String,
            "max": pl.Int64,
            "title_vi": pl.String,
            "title_en": pl.String,
            "provenance": pl.String,
            "order": pl.Int64,
        },
    )


def missing_evidence_zeroes(policy: pl.Expr, status: pl.Expr) -> pl.Expr:
    """True where the evidence status makes the item score 0 under its policy."""
    return (policy == MissingEvidence.zero.value) & status.is_in(list(EVIDENCE_GAPS))


def _finding_frame(
    df: pl.DataFrame, severity: str, kind: str, message: pl.Expr, hint: str, size: pl.Expr, params: pl.Expr
) -> pl.DataFrame:
    """Findings of one kind, one per row of ``df``, in the columns of FINDING_SCHEMA (not yet cast)."""
    return df.select(
        pl.lit(severity).alias("severity"),
        pl.lit(kind).alias("kind"),
        pl.col(COMMUNE),
        pl.col(CRITERION),
        pl.lit(None, dtype=pl.String).alias("file"),
        pl.lit(None, dtype=pl.String).alias("sheet"),
        pl.lit(None, dtype=pl.Int64).alias("row"),
        pl.lit(None, dtype=pl.String).alias("column"),
        message.alias("message"),
        pl.lit(hint).alias("hint"),
        size.alias("size"),
        params.struct.json_encode().alias("params"),
    )


def unused_decisions(details: pl.DataFrame) -> pl.DataFrame:
    """A warning at each council's decision not to accept an explanation (``evidence_accepted``
    no) on an item whose evidence is given, or which needs none (n/a, the survey, no evidence
    asked): no explanation awaited a decision, so it changed nothing, and the item kept its
    points. Until the twentieth session the row counted as applied without a word, while the
    council had meant to take the points away. A score the council gives is its decision, so an
    item it scored is not told. ``details``: the scored items with ``evidence_accepted``, the
    decision's place, and ``evidence_status``."""
    unused = details.filter(
        pl.col("evidence_accepted").eq(False)
        & pl.col("evidence_status").is_in(["not_required", "present"])
        & pl.col("appraised_score").is_null()
    )
    points = (pl.col("final_score") / SCALE).round(4)
    return unused.select(
        pl.lit("warning").alias("severity"),
        pl.lit("appraisal-decision-unused").alias("kind"),
        pl.col(COMMUNE),
        pl.col(CRITERION),
        pl.col("_decided_file").alias("file"),
        pl.col("_decided_sheet").alias("sheet"),
        pl.col("_decided_row").alias("row"),
        pl.lit("evidence_accepted").alias("column"),
        format_text(
            "commune {}, item {}: the decision not to accept an explanation changed nothing: the commune gave the"
            " item's evidence, or it needs none, so no explanation awaited a decision; the item keeps {} points",
            pl.col(COMMUNE),
            pl.col(CRITERION),
            points,
        ).alias("message"),
        pl.lit(UNUSED_DECISION_HINT).alias("hint"),
        pl.lit(None, dtype=pl.Float64).alias("size"),
        pl.struct(commune=pl.col(COMMUNE), criterion=pl.col(CRITERION), score=points)
        .struct.json_encode()
        .alias("params"),
    ).cast(FINDING_SCHEMA)  # type: ignore[arg-type]


UNUSED_DECISION_HINT = (
    "to take points away, write the item's points in the score column; evidence_accepted decides on an explanation"
    " given for missing evidence"
)


def _not_assessed_per_commune(details: pl.DataFrame) -> pl.DataFrame:
    """One row per commune with items it left without input (one finding per commune, not one per
    item): their number ``_n`` and the first twelve as ``_list``, by commune code."""
    return _items_per_commune(details.filter(pl.col("status") == "not_assessed"))


def _inputs_empty_per_commune(details: pl.DataFrame) -> pl.DataFrame:
    """As :func:`_not_assessed_per_commune`, the items a commune did assess (a self-score, evidence,
    an explanation or another input) but whose rule found an input it needs empty (branch
    ``missing``: 0 points), unless the council scored them. Until the twenty-sixth session such an
    item scored 0 with the status "ok" and no finding at all when no self-score differed: a value
    cell left empty (a blank meaning "none" to the clerk) cost its points without a word."""
    empty = (
        (pl.col("branch") == "missing")
        & pl.col("appraised_score").is_null()
        & ~pl.col("status").is_in(["not_assessed", "excluded", "no_survey"])
    )
    return _items_per_commune(details.filter(empty))


def _items_per_commune(items: pl.DataFrame) -> pl.DataFrame:
    """One row per commune of ``items`` (one finding per commune, not one per item): their number
    ``_n`` and the first twelve as ``_list``, by commune code."""
    return (
        items.group_by(COMMUNE)
        .agg(pl.col(CRITERION).alias("_items"))
        .with_columns(
            pl.lit(None, dtype=pl.String).alias(CRITERION),
            pl.col("_items").list.len().alias("_n"),
            pl.col("_items").list.head(12).list.join(", ").alias("_list"),
        )
        .sort(COMMUNE)
    )


def _survey_gaps_per_commune(details: pl.DataFrame) -> pl.DataFrame:
    """One row per commune the survey gives results for, but not for every survey item: the items
    without a result (status ``no_survey``: they score 0) as :func:`_not_assessed_per_commune`
    gives them. A commune with no survey result at all is counted in the run's completeness
    (``communes_without_survey``) instead. Such a gap (a row of the survey's file lost, a wide
    form's column left empty) was said nowhere: the item scored 0 with no finding."""
    survey = details.filter(pl.col("part") == Part.survey.value)
    return (
        survey.group_by(COMMUNE)
        .agg(
            pl.col(CRITERION).filter(pl.col("status") == "no_survey").alias("_items"),
            (pl.col("status") != "no_survey").any().alias("_given"),
        )
        .filter(pl.col("_given") & (pl.col("_items").list.len() > 0))
        .with_columns(
            pl.lit(None, dtype=pl.String).alias(CRITERION),
            pl.col("_items").list.len().alias("_n"),
            pl.col("_items").list.head(12).list.join(", ").alias("_list"),
        )
        .sort(COMMUNE)
    )


def verification_findings(details: pl.DataFrame) -> list[pl.DataFrame]:
    """The findings of the checks on scored items, one frame per kind: self-scores the rules do
    not give, the council's corrections, and per commune the items it left without input. By kind,
    so that a batched run can put each kind of all its batches together, in the unbatched order."""

    def pts(column: str) -> pl.Expr:
        return (pl.col(column) / SCALE).round(4)

    diff = details.filter(pl.col("self_score").is_not_null() & (pl.col("self_score") != pl.col("computed_score")))
    # A council's score where the commune's own mark left the item out (no computed score) is a
    # change too, once the council cleared that mark: until session 32 such an item counted again
    # with no appraisal-correction ("Changed at appraisal" did not list it).
    excluded = pl.col("status") == "excluded"
    appraised = details.filter(
        pl.col("appraised_score").is_not_null()
        & pl.col("appraised_score").ne_missing(pl.col("computed_score"))
        & ~excluded
    )
    # An item the council marked N/A where N/A excludes: its computed points and its maximum are
    # left out (session 32: the unit's points and maximum changed, and no finding said so).
    marked = details.filter(excluded & pl.col("computed_score").is_not_null())
    computed_shown = pl.coalesce(pts("computed_score").cast(pl.String), pl.lit("—"))
    # A council's score for an item that does not count for the unit (excluded: not applicable to
    # its type, or marked N/A where N/A excludes) is not used: said, never dropped without a word.
    unused = details.filter(pl.col("appraised_score").is_not_null() & (pl.col("status") == "excluded"))
    parts = [
        _finding_frame(
            diff,
            "warning",
            "self-score-differs",
            format_text(
                "self-score {} but the rules give {} on the reported inputs", pts("self_score"), pts("computed_score")
            ),
            "the computed score is used; check the inputs or the self-score",
            pts("self_score") - pts("computed_score"),
            pl.struct(self_score=pts("self_score"), computed=pts("computed_score")),
        ),
        _finding_frame(
            appraised,
            "info",
            "appraisal-correction",
            format_text(
                "appraisal changed {} to {} ({})",
                computed_shown,
                pts("appraised_score"),
                pl.col("appraisal_reason"),
            ),
            "",
            pts("appraised_score") - pts("computed_score").fill_null(0),
            pl.struct(
                computed=pts("computed_score"), appraised=pts("appraised_score"), reason=pl.col("appraisal_reason")
            ),
        ),
        _finding_frame(
            marked,
            "info",
            "appraisal-marked-not-applicable",
            format_text(
                "the council marked the item not applicable: its {} points and its maximum {} are left out of the "
                "unit's ({})",
                pts("computed_score"),
                pts("max"),
                pl.col("appraisal_reason").fill_null(""),
            ),
            "",
            -pts("computed_score"),
            pl.struct(computed=pts("computed_score"), max=pts("max"), reason=pl.col("appraisal_reason").fill_null("")),
        ),
        _finding_frame(
            unused,
            "warning",
            "appraisal-on-excluded-item",
            format_text(
                "the council's score {} was not used: the item does not count for this unit (not applicable, left "
                "out of its maximum)",
                pts("appraised_score"),
            ),
            "if the item applies to the unit, correct its N/A mark or its type in the register; if not, delete the "
            "appraisal row",
            pl.lit(None, dtype=pl.Float64),
            pl.struct(appraised=pts("appraised_score")),
        ),
        *_per_commune_findings(details),
    ]
    return [part.cast(FINDING_SCHEMA) for part in parts]  # type: ignore[arg-type]


def _per_commune_findings(details: pl.DataFrame) -> list[pl.DataFrame]:
    """The findings of :func:`verification_findings` made once per commune, each listing its items:
    items with no input, items lacking an input their rule needs, survey items without a result."""
    missing = _not_assessed_per_commune(details)
    empty = _inputs_empty_per_commune(details)
    survey_gaps = _survey_gaps_per_commune(details)
    items = pl.col("_list") + pl.when(pl.col("_n") > 12).then(pl.lit(", …")).otherwise(pl.lit(""))
    return [
        _finding_frame(
            missing,
            "warning",
            "not-assessed",
            format_text("{} item(s) have no input and score 0: {}", pl.col("_n"), items),
            "fill in these items in the self-assessment (see the Criteria sheet of the results)",
            pl.lit(None, dtype=pl.Float64),
            pl.struct(count=pl.col("_n"), items=items),
        ),
        _finding_frame(
            empty,
            "warning",
            "input-left-empty",
            format_text(
                "{} item(s) have a self-score, evidence or other inputs but lack an input their rule needs (left "
                "empty, or rejected: see the errors), and score 0: {}",
                pl.col("_n"),
                items,
            ),
            "fill in the missing inputs of these items; where empty meant 0 or «no», write 0 or «no»",
            pl.lit(None, dtype=pl.Float64),
            pl.struct(count=pl.col("_n"), items=items),
        ),
        _finding_frame(
            survey_gaps,
            "warning",
            "survey-incomplete",
            format_text("the survey gives no result for {} survey item(s), which score 0: {}", pl.col("_n"), items),
            "add the missing results to the survey file: one for every survey item of every unit",
            pl.lit(None, dtype=pl.Float64),
            pl.struct(count=pl.col("_n"), items=items),
        ),
    ]
