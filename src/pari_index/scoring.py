"""Scoring: from criteria and spreadsheets to per-item and per-commune results.

:func:`score` is the library form of ``pari score``. It reads the files, evaluates the compiled
rules on the commune's reported inputs and again on the appraisal council's corrected inputs,
applies the evidence policy, and totals per area, part and commune. Every commune of the register
gets one row per scored item, with a status, even when it sent nothing: nothing is dropped
silently.

Points columns of the result frames are Int64 counts of 1/10,000 point (exact sums); use
:func:`pari_index.outputs.display_frame` to get decimals for people.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from .assessments import (
    CRITERION,
    FIELD,
    Intake,
    empty_findings,
    evaluation_frame,
    problems_to_findings,
    read_assessments,
)
from .compiling import COMMUNE, CompiledSet, compile_criteria, div_round_expr
from .errors import IntakeError
from .loading import LoadedCriteria, load_criteria
from .model import CriteriaSet, Leaf, Part
from .points import PLACES, SCALE, to_units
from .register import Register, read_register, register_from_codes
from .textexpr import format_text
from .verification import (
    Appraisal,
    evidence_dir_problem,
    evidence_findings,
    evidence_status,
    leaf_frame,
    missing_evidence_zeroes,
    read_appraisal,
)

Progress = Callable[[str], None]

DETAIL_COLUMNS = [
    COMMUNE,
    CRITERION,
    "area_id",
    "part",
    "max",
    "self_score",
    "computed_score",
    "appraised_score",
    "final_score",
    "counted_max",
    "status",
    "branch",
    "evidence_status",
    "evidence_number",
    "evidence_date",
    "evidence_file",
    "explanation",
    "appraisal_reason",
    "appraiser",
    "inputs",
]


@dataclass
class ScoreResult:
    """Everything ``pari score`` computes; each frame is a polars DataFrame."""

    criteria: CriteriaSet
    leaves: list[Leaf]
    register: Register
    details: pl.DataFrame  # one row per commune and scored item
    totals: pl.DataFrame  # one row per commune
    findings: pl.DataFrame  # every problem and check result, located
    ledger: pl.DataFrame  # every input row: scored / rejected / applied
    sources: dict[str, list[str]] = field(default_factory=dict)

    def commune_details(self, code: str) -> pl.DataFrame:
        return self.details.filter(pl.col(COMMUNE) == code)


def _as_criteria(criteria: str | Path | CriteriaSet | LoadedCriteria | None) -> CriteriaSet:
    if isinstance(criteria, CriteriaSet):
        return criteria
    if isinstance(criteria, LoadedCriteria):
        return criteria.criteria
    return load_criteria(criteria).criteria


def _merge_corrections(reported: pl.DataFrame, corrected: pl.DataFrame) -> pl.DataFrame:
    key = [COMMUNE, CRITERION, FIELD]
    if corrected.height == 0:
        return reported
    kept = reported.join(corrected.select(key).unique(), on=key, how="anti")
    return pl.concat([kept, corrected.select(reported.columns)], how="vertical_relaxed")


def _inputs_text(cells: pl.DataFrame, leaves: Sequence[Leaf]) -> pl.DataFrame:
    """Per commune and criterion, the reported inputs as ``name=value; ...`` (sorted) for
    explanations. Intake leaves at most one cell per commune, item and input."""
    several_inputs = [leaf.id for leaf in leaves if len(leaf.inputs) > 1]
    pairs = cells.filter(~pl.col("kind").str.starts_with("meta:")).select(
        COMMUNE,
        CRITERION,
        # Dates as people write them, whatever form the cell had (2025-06-04 00:00:00 from Excel).
        format_text(
            "{}={}",
            pl.col(FIELD),
            pl.when(pl.col("kind") == "date").then(pl.col("day").dt.strftime("%d/%m/%Y")).otherwise(pl.col("value")),
        ).alias("inputs"),
    )
    # Items with one input need no grouping; the others are sorted once and joined in order
    # (cheaper than sorting inside each group).
    grouped = pl.col(CRITERION).is_in(several_inputs)
    several = (
        pairs.filter(grouped)
        .sort(COMMUNE, CRITERION, "inputs")
        .group_by(COMMUNE, CRITERION, maintain_order=True)
        .agg(pl.col("inputs").str.join("; "))
    )
    return pl.concat([pairs.filter(~grouped), several])


def score(
    assessments: Sequence[str | Path],
    criteria: str | Path | CriteriaSet | LoadedCriteria | None = None,
    *,
    communes: str | Path | None = None,
    appraisal: str | Path | None = None,
    survey: Sequence[str | Path] = (),
    evidence_dir: str | Path | None = None,
    lang: str = "vi",
    progress: Progress | None = None,
) -> ScoreResult:
    """Score self-assessments against a criteria set (the bundled default when None)."""
    say = progress or (lambda _message: None)
    criteria_set = _as_criteria(criteria)
    compiled = compile_criteria(criteria_set)
    leaves = compiled.leaves
    say(f"criteria: {criteria_set.id} ({len(leaves)} scored items)")

    register = read_register(communes) if communes is not None else None
    known = register.codes if register is not None else None
    say("reading assessments")
    intake = read_assessments(list(assessments) + list(survey), leaves, known)
    if register is None:
        register = register_from_codes(intake.communes)
        intake.findings = pl.concat(
            [
                intake.findings,
                pl.DataFrame(
                    [
                        {
                            "severity": "warning",
                            "kind": "no-register",
                            "message": "no commune register given (--communes): unit types are unknown, so items "
                            "that apply only to some unit types are excluded, and all communes are ranked as one group",
                            "hint": "give the register with --communes",
                        }
                    ],
                    schema=intake.findings.schema,
                ),
            ]
        )
    if evidence_dir is not None and (problem := evidence_dir_problem(Path(evidence_dir))) is not None:
        raise IntakeError(problem)

    appraisal_data = read_appraisal(appraisal, leaves, register.codes) if appraisal is not None else Appraisal.empty()
    say(f"scoring {register.frame.height} communes")
    result = _score_frames(
        compiled, register, intake, appraisal_data, Path(evidence_dir) if evidence_dir else None, lang
    )
    sources = {
        "criteria": [criteria_set.id],
        "assessments": [str(p) for p in assessments],
        "survey": [str(p) for p in survey],
        "communes": [str(communes)] if communes else [],
        "appraisal": [str(appraisal)] if appraisal else [],
    }
    result.sources = sources
    return result


def _score_frames(
    compiled: CompiledSet,
    register: Register,
    intake: Intake,
    appraisal: Appraisal,
    evidence_dir: Path | None,
    lang: str,
) -> ScoreResult:
    from .explain import add_explanations

    criteria = compiled.criteria
    leaves = compiled.leaves
    communes = register.frame.select("code", "unit_type")
    key = [COMMUNE, CRITERION]

    # Input cells only (not self-scores, evidence or explanations): what the rules read and what
    # appraisal corrections replace. A third of all cells nationally, so copies stay small.
    typed = [COMMUNE, CRITERION, FIELD, "value", "kind", "num", "flag", "day", "text"]
    input_cells = intake.cells.select(typed).filter(~pl.col("kind").str.starts_with("meta:") | (pl.col(FIELD) == "n/a"))
    reported = compiled.evaluate(evaluation_frame(input_cells, leaves, communes)).rename(
        {"points": "computed_score", "branch": "computed_branch"}
    )
    if appraisal.cells.height:
        # Only the communes whose inputs the council corrected are evaluated again (a national
        # appraisal touches about one commune in seven).
        touched_communes = appraisal.cells.select(COMMUNE).unique()
        merged_touched = _merge_corrections(input_cells.join(touched_communes, on=COMMUNE, how="semi"), appraisal.cells)
        merged_cells = pl.concat(
            [input_cells.join(touched_communes, on=COMMUNE, how="anti"), merged_touched], how="vertical_relaxed"
        )
        touched_register = communes.join(touched_communes, left_on="code", right_on=COMMUNE, how="semi")
        corrected = compiled.evaluate(evaluation_frame(merged_touched, leaves, touched_register)).select(
            COMMUNE, CRITERION, pl.col("points").alias("corrected_score"), pl.col("branch").alias("corrected_branch")
        )
        touched = appraisal.cells.select(COMMUNE, CRITERION).unique().with_columns(pl.lit(True).alias("_corrected"))
    else:
        merged_cells = input_cells
        corrected = pl.DataFrame(
            schema={
                COMMUNE: pl.String,
                CRITERION: pl.String,
                "corrected_score": pl.Int64,
                "corrected_branch": pl.String,
            }
        )
        touched = pl.DataFrame(schema={COMMUNE: pl.String, CRITERION: pl.String, "_corrected": pl.Boolean})

    # Each commune and item as one integer: the commune's place in code order times the number of
    # items, plus the item's place in the set. Joining millions of rows on two text columns, and
    # sorting them, grew worse than linearly with the country's size; on one integer it does not.
    item_key = _item_keys(communes, leaves)
    # Anything the commune wrote for an item (an input, a self-score, an explanation) counts as
    # having assessed it; an item with nothing at all is "not_assessed".
    assessed = pl.concat([item_key(intake.cells.select(COMMUNE, CRITERION)), item_key(intake.meta.select(key))])
    leaves_df = leaf_frame(leaves)
    details = (
        item_key(reported)
        .with_columns(pl.col("_k").is_in(assessed["_k"].implode()).alias("_has_input"))
        .join(leaves_df, on=CRITERION, how="left")
        .join(item_key(intake.meta).drop(key), on="_k", how="left")
        .join(item_key(_inputs_text(merged_cells, leaves)).drop(key), on="_k", how="left")
        .join(corrected, on=key, how="left")
        .join(touched, on=key, how="left")
        .join(appraisal.decisions, on=key, how="left")
    )
    details = evidence_status(details, leaves, evidence_dir)
    corrected_flag = pl.col("_corrected").fill_null(False)
    override = pl.col("score_override")
    appraised = (
        pl.when(override.is_not_null())
        .then(override)
        .when(corrected_flag)
        .then(pl.col("corrected_score"))
        .otherwise(pl.lit(None, dtype=pl.Int64))
    )
    excluded = pl.col("computed_branch") == "na_excluded"
    zeroed = missing_evidence_zeroes(pl.col("policy"), pl.col("evidence_status"))
    base = pl.coalesce(appraised, pl.col("computed_score"))
    final = (
        pl.when(excluded)
        .then(pl.lit(None, dtype=pl.Int64))
        .when(override.is_not_null())
        .then(override)
        .when(zeroed)
        .then(pl.lit(0, dtype=pl.Int64))
        .otherwise(base)
    )
    not_assessed = ~pl.col("_has_input").fill_null(False) & (pl.col("part") != Part.adjustment.value)
    status = (
        pl.when(excluded)
        .then(pl.lit("excluded"))
        .when(appraised.is_not_null() & (appraised != pl.col("computed_score")))
        .then(pl.lit("appraised"))
        .when(not_assessed & (pl.col("part") == Part.survey.value))
        .then(pl.lit("no_survey"))
        .when(not_assessed & ~pl.col("computed_branch").str.starts_with("na_"))
        .then(pl.lit("not_assessed"))
        .when(zeroed)
        .then(pl.lit("evidence_missing"))
        .when(pl.col("self_score").is_not_null() & (pl.col("self_score") != pl.col("computed_score")))
        .then(pl.lit("self_score_differs"))
        .otherwise(pl.lit("ok"))
    )
    details = details.with_columns(
        appraised.alias("appraised_score"),
        final.alias("final_score"),
        status.alias("status"),
        pl.coalesce(pl.when(corrected_flag).then(pl.col("corrected_branch")), pl.col("computed_branch")).alias(
            "branch"
        ),
        pl.col("reason").alias("appraisal_reason"),
    )
    details = add_explanations(details, leaves, lang)
    evidence_found = evidence_findings(details)  # located at the evidence cells, dropped below
    details = details.select(*DETAIL_COLUMNS, "_k").sort("_k").drop("_k")

    findings = pl.concat(
        [
            problems_to_findings(register.problems, "error"),
            problems_to_findings(register.warnings, "warning"),
            intake.findings,
            appraisal.findings,
            _verification_findings(details),
            evidence_found,
        ]
    )
    ledger = pl.concat(
        [
            intake.ledger.with_columns(pl.lit("assessment").alias("input")),
            appraisal.ledger.with_columns(pl.lit("appraisal").alias("input")),
            *([register.rows.with_columns(pl.lit("register").alias("input"))] if register.rows is not None else []),
        ],
        how="diagonal_relaxed",
    )
    totals = compute_totals(details, criteria, register)
    return ScoreResult(
        criteria=criteria,
        leaves=leaves,
        register=register,
        details=details,
        totals=totals,
        findings=findings,
        ledger=ledger,
    )


def _item_keys(communes: pl.DataFrame, leaves: Sequence[Leaf]) -> Callable[[pl.DataFrame], pl.DataFrame]:
    """A function adding ``_k`` (UInt64) to a frame with commune_code and criterion_id: the
    commune's place among the register's codes in sorted order times the number of items, plus
    the item's place in the criteria set. Sorting by ``_k`` sorts by commune code, then item."""
    places = communes.select(pl.col("code").alias(COMMUNE)).sort(COMMUNE).with_row_index("_commune")
    items = {leaf.id: i for i, leaf in enumerate(leaves)}
    count = len(items)

    def add(frame: pl.DataFrame) -> pl.DataFrame:
        with_place = frame.join(places, on=COMMUNE, how="left")
        item = pl.col(CRITERION).replace_strict(items, default=None, return_dtype=pl.UInt64)
        return with_place.with_columns((pl.col("_commune").cast(pl.UInt64) * count + item).alias("_k")).drop("_commune")

    return add


def _verification_findings(details: pl.DataFrame) -> pl.DataFrame:
    def make(
        df: pl.DataFrame, severity: str, kind: str | pl.Expr, message: pl.Expr, hint: str, size: pl.Expr
    ) -> pl.DataFrame:
        kind_expr = pl.lit(kind) if isinstance(kind, str) else kind
        return df.select(
            pl.lit(severity).alias("severity"),
            kind_expr.alias("kind"),
            pl.col(COMMUNE),
            pl.col(CRITERION),
            pl.lit(None, dtype=pl.String).alias("file"),
            pl.lit(None, dtype=pl.String).alias("sheet"),
            pl.lit(None, dtype=pl.Int64).alias("row"),
            pl.lit(None, dtype=pl.String).alias("column"),
            message.alias("message"),
            pl.lit(hint).alias("hint"),
            size.alias("size"),
        )

    def pts(column: str) -> pl.Expr:
        return (pl.col(column) / SCALE).round(4)

    diff = details.filter(pl.col("self_score").is_not_null() & (pl.col("self_score") != pl.col("computed_score")))
    appraised = details.filter(
        pl.col("appraised_score").is_not_null() & (pl.col("appraised_score") != pl.col("computed_score"))
    )
    # One finding per commune for the items it left empty, not one per item.
    missing = (
        details.filter(pl.col("status") == "not_assessed")
        .group_by(COMMUNE)
        .agg(pl.col(CRITERION).alias("_items"))
        .with_columns(
            pl.lit(None, dtype=pl.String).alias(CRITERION),
            pl.col("_items").list.len().alias("_n"),
            pl.col("_items").list.head(12).list.join(", ").alias("_list"),
        )
        .sort(COMMUNE)
    )
    parts = [
        make(
            diff,
            "warning",
            "self-score-differs",
            format_text(
                "self-score {} but the rules give {} on the reported inputs", pts("self_score"), pts("computed_score")
            ),
            "the computed score is used; check the inputs or the self-score",
            pts("self_score") - pts("computed_score"),
        ),
        make(
            appraised,
            "info",
            "appraisal-correction",
            format_text(
                "appraisal changed {} to {} ({})",
                pts("computed_score"),
                pts("appraised_score"),
                pl.col("appraisal_reason"),
            ),
            "",
            pts("appraised_score") - pts("computed_score").fill_null(0),
        ),
        make(
            missing,
            "warning",
            "not-assessed",
            format_text(
                "{} item(s) have no input and score 0: {}{}",
                pl.col("_n"),
                pl.col("_list"),
                pl.when(pl.col("_n") > 12).then(pl.lit(", …")).otherwise(pl.lit("")),
            ),
            "fill in these items in the self-assessment (see the criteria sheet)",
            pl.lit(None, dtype=pl.Float64),
        ),
    ]
    out = pl.concat(parts).cast(empty_findings().schema)
    return out


def compute_totals(details: pl.DataFrame, criteria: CriteriaSet, register: Register) -> pl.DataFrame:
    """Per commune: points per part and area, the applicable maximum and the index in %.

    The index is achieved / applicable maximum x 100 (1149/QĐ-BNV), where items excluded as not
    applicable leave the maximum (Thanh Hóa 2023: 68.32 of 84 = 81.33 %). A set whose survey is
    optional re-scales the appraised part to the full scale for communes without survey results.
    Totals and the index are rounded to the set's places before anyone ranks on them."""
    places = criteria.rounding.places
    mode = criteria.rounding.mode
    step = 10 ** (PLACES - places)
    final = pl.col("final_score").fill_null(0)
    part = pl.col("part")
    per_commune = details.group_by(COMMUNE).agg(
        final.filter(part == "appraised").sum().alias("appraised_points"),
        final.filter(part == "survey").sum().alias("survey_points"),
        pl.col("counted_max").filter(part == "appraised").sum().alias("appraised_max"),
        pl.col("counted_max").filter(part == "survey").sum().alias("survey_max"),
        (pl.col("status") != "no_survey").filter(part == "survey").any().alias("survey_given"),
        (pl.col("status") == "not_assessed").sum().alias("items_not_assessed"),
    )
    # Bonus and penalty: each adjustment area's net points stay within +/- the area's maximum
    # (its cap), whatever its items add up to.
    caps = pl.DataFrame(
        {
            "area_id": [a.id for a in criteria.areas if a.part is Part.adjustment],
            "_cap": [to_units(a.max) for a in criteria.areas if a.part is Part.adjustment],
        },
        schema={"area_id": pl.String, "_cap": pl.Int64},
    )
    adjustments = (
        details.filter(part == "adjustment")
        .group_by(COMMUNE, "area_id")
        .agg(final.sum().alias("_net"))
        .join(caps, on="area_id", how="left")
        .group_by(COMMUNE)
        .agg(pl.col("_net").clip(-pl.col("_cap"), pl.col("_cap")).sum().alias("adjustment_points"))
    )
    per_commune = per_commune.join(adjustments, on=COMMUNE, how="left").with_columns(
        pl.col("adjustment_points").fill_null(0)
    )
    # Points per area; an area whose items are all excluded for the commune has no score (null),
    # not 0, so that it is not ranked last on that area.
    areas = (
        details.filter(part != "adjustment")
        .group_by(COMMUNE, "area_id")
        .agg(pl.when(pl.col("final_score").is_not_null().any()).then(pl.col("final_score").sum()).alias("_points"))
        .pivot(on="area_id", index=COMMUNE, values="_points", aggregate_function="first")
    )
    area_ids = [a.id for a in criteria.areas if (a.part or Part.appraised) is not Part.adjustment]
    areas = areas.rename({a: f"area_{a}" for a in area_ids if a in areas.columns})
    # Area columns in the criteria set's order, whatever order the groups came in.
    areas = areas.select(COMMUNE, *[f"area_{a}" for a in area_ids if f"area_{a}" in areas.columns])
    has_survey_part = criteria.parts.survey > 0
    rescale = pl.lit(criteria.parts.survey_optional and has_survey_part) & ~pl.col("survey_given").fill_null(False)
    total = pl.col("appraised_points") + pl.col("survey_points") + pl.col("adjustment_points")
    maximum = pl.when(rescale).then(pl.col("appraised_max")).otherwise(pl.col("appraised_max") + pl.col("survey_max"))
    achieved = pl.when(rescale).then(pl.col("appraised_points") + pl.col("adjustment_points")).otherwise(total)
    # index in units of 1/10,000 %, rounded to `places` decimals of a percent.
    index = div_round_expr(achieved * (100 * 10**places), maximum, mode) * step
    totals = (
        per_commune.with_columns(
            total.alias("total_points"),
            maximum.alias("applicable_max"),
            pl.when(maximum > 0).then(index).otherwise(pl.lit(None, dtype=pl.Int64)).alias("index"),
            rescale.alias("survey_rescaled"),
        )
        .with_columns(
            (div_round_expr(pl.col("total_points"), pl.lit(step), mode) * step).alias("total_points"),
        )
        .join(areas, on=COMMUNE, how="left")
    )
    reg = register.frame.rename({"code": COMMUNE})
    keep = [c for c in reg.columns if not c.startswith("_")]
    return reg.select(keep).join(totals, on=COMMUNE, how="left").sort(COMMUNE)


__all__ = ["ScoreResult", "compute_totals", "empty_findings", "score"]
