"""One batch of communes scored item by item (:func:`score_communes`): the compiled rules on the
reported and the appraised inputs, evidence, verification findings, and the per-item detail
(DETAIL_COLUMNS). A commune's rows depend only on its own inputs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import polars as pl

from pari_index.criteria.compiling import COMMUNE, CompiledSet
from pari_index.criteria.model import Leaf, Part
from pari_index.criteria.rules import Deadline, Rate
from pari_index.intake.appraisal import Appraisal
from pari_index.intake.assessments import (
    CRITERION,
    EVIDENCE_PLACE,
    FIELD,
    META_SCHEMA,
    Intake,
    evaluation_frame,
)
from pari_index.intake.evaluation_input import appraisal_on_marked_findings
from pari_index.intake.evidence_files import EvidenceFolder
from pari_index.intake.register import Register
from pari_index.intake.tables import FILE as FILE_COL
from pari_index.intake.tables import ROW as ROW_COL
from pari_index.intake.tables import SHEET as SHEET_COL
from pari_index.scoring.date_years import date_findings, dates_against_evidence
from pari_index.scoring.evidence import effective_branch, evidence_findings, evidence_requirements, evidence_status
from pari_index.scoring.explanations import add_explanations, input_texts
from pari_index.scoring.rate_checks import rates_above_denominator
from pari_index.scoring.verification import leaf_frame, missing_evidence_zeroes, unused_decisions, verification_findings

if TYPE_CHECKING:
    pass


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


def _merge_corrections(reported: pl.DataFrame, corrected: pl.DataFrame) -> pl.DataFrame:
    key = [COMMUNE, CRITERION, FIELD]
    if corrected.height == 0:
        return reported
    kept = reported.join(corrected.select(key).unique(), on=key, how="anti")
    return pl.concat([kept, corrected.select(reported.columns)], how="vertical_relaxed")


@dataclass
class CommuneScores:
    """The part of scoring done for each commune on its own: one row per commune and item
    (DETAIL_COLUMNS, sorted by commune code and item) and the findings located at them
    (self-scores, appraisal corrections, items left empty, evidence gaps; see
    :func:`order_commune_findings`). A commune's rows depend only on its own inputs, so that
    they can be computed for some communes and kept for the others (scoring.cache)."""

    details: pl.DataFrame
    findings: pl.DataFrame
    #: Their totals (:func:`compute_totals`), where the caller computed them (scoring.cache).
    totals: pl.DataFrame = field(default_factory=pl.DataFrame)


def score_communes(
    compiled: CompiledSet,
    register: Register,
    intake: Intake,
    appraisal: Appraisal,
    evidence: EvidenceFolder | None,
    lang: str,
) -> CommuneScores:
    """Evaluate, verify and explain every item of every commune of ``register``."""
    leaves = compiled.leaves
    communes = register.frame.select("code", "unit_type")

    # Input cells only (not self-scores, evidence or explanations): what the rules read and what
    # appraisal corrections replace. A third of all cells nationally, so copies stay small.
    typed = [COMMUNE, CRITERION, FIELD, "value", "kind", "num", "flag", "day", "text"]
    input_cells = intake.cells.select(typed).filter(~pl.col("kind").str.starts_with("meta:") | (pl.col(FIELD) == "n/a"))
    reported = compiled.evaluate(evaluation_frame(input_cells, leaves, communes)).rename(
        {"points": "computed_score", "branch": "computed_branch"}
    )
    merged_cells, corrected, touched = _appraisal_evaluation(compiled, communes, input_cells, appraisal)
    # Each commune and item as one integer: the commune's place in code order times the number of
    # items, plus the item's place in the set. Joining millions of rows on two text columns, and
    # sorting them, grew worse than linearly with the country's size; on one integer it does not.
    item_key = _item_keys(communes, leaves)
    meta = item_key(intake.meta)
    details = _join_item_details(
        reported, merged_cells, corrected, touched, item_key, meta, leaves, intake, appraisal, lang
    )
    del reported, merged_cells, input_cells
    details = evidence_status(details, leaves, evidence)
    details = _with_final_scores(details)
    # The council's inputs and decisions on an item an N/A mark (not cleared) leaves out.
    on_marked = appraisal_on_marked_findings(
        details.filter((pl.col("branch") == "na_excluded") & pl.col("score_override").is_null()),
        appraisal,
        leaves,
        communes,
    )
    # The explanation is worded here, one batch at a time, and leaves memory with the batch.
    details = add_explanations(details, leaves, lang)  # in item key order (_join_item_details)
    # Located at the evidence cells (the places of the meta rows, joined to the gaps alone).
    evidence_found = evidence_findings(details, meta.select("_k", *EVIDENCE_PLACE))
    unused = unused_decisions(details)
    details = details.select(*DETAIL_COLUMNS)
    # Evidence findings come located at the evidence cell; those with no evidence cell at all
    # (nothing given) and self-score findings are located here.
    located = _locate(pl.concat([*verification_findings(details), evidence_found]), intake)
    # A unit whose dates are nearly all of another year (last year's form sent again?), a date
    # later than the work assessed can be, a deadline's date its document does not show.
    located = pl.concat(
        [
            located,
            unused,
            on_marked,
            date_findings(intake, compiled.year),
            dates_against_evidence(intake, _deadline_inputs(leaves), appraisal),
            rates_above_denominator(intake, _rate_inputs(leaves)),
        ]
    )
    return CommuneScores(details=details, findings=order_commune_findings(located, leaves))


def _deadline_inputs(leaves: Sequence[Leaf]) -> dict[str, str]:
    """Each item with a deadline rule, to the input whose date it compares."""
    return {leaf.id: leaf.rule.input for leaf in leaves if isinstance(leaf.rule, Deadline)}


def _rate_inputs(leaves: Sequence[Leaf]) -> dict[str, tuple[str, str]]:
    """Each item whose rule reads a rate, to the rate's numerator and denominator inputs."""
    rates = {}
    for leaf in leaves:
        rate = getattr(leaf.rule, "rate", None)
        if isinstance(rate, Rate):
            rates[leaf.id] = (rate.numerator, rate.denominator)
    return rates


#: The order of the per-commune findings: by kind in this order, then by commune and item.
_FINDING_SECTIONS = {
    "self-score-differs": 0,
    "appraisal-correction": 1,
    "appraisal-marked-not-applicable": 1,
    "not-assessed": 2,
    "input-left-empty": 3,
    "survey-incomplete": 4,
}


def order_commune_findings(findings: pl.DataFrame, leaves: Sequence[Leaf]) -> pl.DataFrame:
    """Per-commune findings in one order whatever communes were scored together (a batch, or the
    communes a cache did not hold): self-score differences, appraisal corrections, items left
    empty, items lacking an input, survey gaps, then evidence gaps, each by commune code and the
    item's place in the set."""
    items = {leaf.id: i for i, leaf in enumerate(leaves)}
    section = pl.col("kind").replace_strict(_FINDING_SECTIONS, default=len(_FINDING_SECTIONS), return_dtype=pl.UInt8)
    item = pl.col(CRITERION).replace_strict(items, default=None, return_dtype=pl.UInt32)
    return findings.sort(section, pl.col(COMMUNE), item, nulls_last=False, maintain_order=True)


def _appraisal_evaluation(
    compiled: CompiledSet, communes: pl.DataFrame, input_cells: pl.DataFrame, appraisal: Appraisal
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The input cells with the council's corrections merged in, the scores the rules give the
    corrected items (``corrected_score``, ``corrected_branch``) and which items were corrected
    (``_corrected``); empty frames of the same schemas when there is no appraisal."""
    if not appraisal.cells.height:
        corrected = pl.DataFrame(
            schema={
                COMMUNE: pl.String,
                CRITERION: pl.String,
                "corrected_score": pl.Int64,
                "corrected_branch": pl.String,
                "corrected_max": pl.Int64,
            }
        )
        touched = pl.DataFrame(schema={COMMUNE: pl.String, CRITERION: pl.String, "_corrected": pl.Boolean})
        return input_cells, corrected, touched
    # Only the communes whose inputs the council corrected are evaluated again (a national
    # appraisal touches about one commune in seven).
    touched_communes = appraisal.cells.select(COMMUNE).unique()
    merged_touched = _merge_corrections(input_cells.join(touched_communes, on=COMMUNE, how="semi"), appraisal.cells)
    merged_cells = pl.concat(
        [input_cells.join(touched_communes, on=COMMUNE, how="anti"), merged_touched], how="vertical_relaxed"
    )
    touched_register = communes.join(touched_communes, left_on="code", right_on=COMMUNE, how="semi")
    corrected = compiled.evaluate(evaluation_frame(merged_touched, compiled.leaves, touched_register)).select(
        COMMUNE,
        CRITERION,
        pl.col("points").alias("corrected_score"),
        pl.col("branch").alias("corrected_branch"),
        pl.col("counted_max").alias("corrected_max"),
    )
    touched = appraisal.cells.select(COMMUNE, CRITERION).unique().with_columns(pl.lit(True).alias("_corrected"))
    return merged_cells, corrected, touched


def _join_item_details(
    reported: pl.DataFrame,
    merged_cells: pl.DataFrame,
    corrected: pl.DataFrame,
    touched: pl.DataFrame,
    item_key: Callable[[pl.DataFrame], pl.DataFrame],
    meta: pl.DataFrame,
    leaves: Sequence[Leaf],
    intake: Intake,
    appraisal: Appraisal,
    lang: str,
) -> pl.DataFrame:
    """One row per commune and item: the computed score joined with the item's definition, what
    the commune wrote for it (``meta``, its self-scores and evidence with ``_k``; its inputs as
    text, by id and by label in ``lang``), the appraisal's corrections and decisions, and ``_k``
    (the item key, see :func:`_item_keys`)."""
    key = [COMMUNE, CRITERION]
    # Anything the commune wrote for an item (an input, a self-score, an explanation) counts as
    # having assessed it; an item with nothing at all is "not_assessed".
    assessed = pl.concat([item_key(intake.cells.select(key))["_k"], meta["_k"]])
    # Where the meta rows were read is only needed for the few evidence gaps (evidence_findings).
    written = meta.select("_k", *(c for c in META_SCHEMA if c not in (*key, *EVIDENCE_PLACE)))
    # Sorted by the key while the frame is narrow; every join below keeps that order.
    joined = (
        item_key(reported)
        .sort("_k")
        .with_columns(pl.col("_k").is_in(assessed.implode()).alias("_has_input"))
        # The item's definition and the evidence it needs (for evidence_status): one join.
        .join(
            leaf_frame(leaves).hstack(evidence_requirements(leaves).drop(CRITERION)),
            on=CRITERION,
            how="left",
            maintain_order="left",
        )
        .join(written, on="_k", how="left", maintain_order="left")
        .join(input_texts(merged_cells, leaves, lang, item_key), on="_k", how="left", maintain_order="left")
    )
    # Without an appraisal (or none for this batch) the columns are added empty, without joins.
    for right in (corrected, touched, appraisal.decisions):
        if right.height:
            joined = joined.join(right, on=key, how="left", maintain_order="left")
        else:
            joined = joined.with_columns(
                pl.lit(None, dtype=t).alias(c) for c, t in right.schema.items() if c not in key
            )
    return joined


def _first_word(cases: Sequence[tuple[pl.Expr, str]], otherwise: str) -> pl.Expr:
    """The word of the first case whose condition holds, else ``otherwise``: what a when/then
    chain of text literals gives, but chosen as a number and then looked up (such a chain builds
    a column of text per case: three times the cost on a batch's rows)."""
    index = pl.coalesce([pl.when(condition).then(pl.lit(i, pl.UInt32)) for i, (condition, _) in enumerate(cases)])
    words = pl.Series([word for _, word in cases] + [otherwise], dtype=pl.String)
    return pl.lit(words).gather(index.fill_null(len(cases)))


def _with_final_scores(details: pl.DataFrame) -> pl.DataFrame:
    """Adds the appraised and final scores, the item's status and the branch taken.

    The order of precedence is the decree's: an excluded item has no score; a council's explicit
    override wins over everything; missing evidence zeroes the item under its policy; otherwise
    the corrected score (if the council corrected inputs) or the computed one.
    """
    corrected_flag = pl.col("_corrected").fill_null(False)
    override = pl.col("score_override")
    # The branch and maximum after the council's corrections: its N/A mark counts as the commune's
    # would. Until session 32 an item was excluded by the commune's own mark alone: a council that
    # marked an item N/A (where N/A excludes) saw it scored in full with the words "not applicable",
    # one that cleared the commune's mark saw its corrected score "not used".
    branch = effective_branch()
    counted = pl.coalesce(pl.when(corrected_flag).then(pl.col("corrected_max")), pl.col("counted_max"))
    appraised = (
        pl.when(override.is_not_null())
        .then(override)
        .when(corrected_flag)
        .then(pl.col("corrected_score"))
        .otherwise(pl.lit(None, dtype=pl.Int64))
    )
    excluded = branch == "na_excluded"
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
    status = _first_word(
        [
            (excluded, "excluded"),
            (appraised.is_not_null() & appraised.ne_missing(pl.col("computed_score")), "appraised"),
            (not_assessed & (pl.col("part") == Part.survey.value), "no_survey"),
            (not_assessed & ~pl.col("computed_branch").str.starts_with("na_"), "not_assessed"),
            (zeroed, "evidence_missing"),
            (
                pl.col("self_score").is_not_null() & (pl.col("self_score") != pl.col("computed_score")),
                "self_score_differs",
            ),
        ],
        "ok",
    )
    return details.with_columns(
        appraised.alias("appraised_score"),
        final.alias("final_score"),
        status.alias("status"),
        branch.alias("branch"),
        counted.alias("counted_max"),
        pl.col("reason").alias("appraisal_reason"),
    )


def submitted_items(intake: Intake, leaves: Sequence[Leaf]) -> pl.Series:
    """Communes that sent anything for their self-assessment: a value, a self-score, evidence,
    or a row that was rejected. Survey results come from the survey, not the commune."""
    survey_items = [leaf.id for leaf in leaves if leaf.part is Part.survey]
    own = ~pl.col(CRITERION).is_in(survey_items).fill_null(False)
    # Only the commune column is filtered (filtering the frames first copied all their columns).
    return pl.concat(
        [
            intake.cells.select(pl.col(COMMUNE).filter(own).unique())[COMMUNE],
            intake.meta.select(pl.col(COMMUNE).filter(own).unique())[COMMUNE],
            intake.findings.select(pl.col(COMMUNE).filter(own & pl.col("file").is_not_null()))[COMMUNE].drop_nulls(),
        ]
    ).unique()


def _locate(findings: pl.DataFrame, intake: Intake) -> pl.DataFrame:
    """Findings about self-scores and evidence, located where the commune wrote them: the row and
    column of the self-score or evidence, or (for evidence not given at all) the item's row.

    Only the findings not located yet are looked up (the evidence findings come located at
    their cell), and the item's rows only for those their places do not locate (none in the
    national set): 18.6 ms of CPU a national batch before, 9.1 after (session 36). Keys of one
    integer (the item key) instead of the code and id were measured too: no faster, since
    making the keys of every cell and place costs what hashing the two texts did."""
    key = [COMMUNE, CRITERION]
    ours = ((pl.col("kind") == "self-score-differs") | pl.col("kind").str.starts_with("evidence-")) & pl.col(
        "file"
    ).is_null()
    place = pl.when(pl.col("kind") == "self-score-differs").then(pl.lit("self_score")).otherwise(pl.lit("evidence"))
    wanted = findings.filter(ours).select(*key, place.alias("place")).unique()
    if wanted.height == 0:
        return findings
    places = intake.places.join(wanted, on=[*key, "place"], how="semi").rename(
        {"file": "_pfile", "sheet": "_psheet", "row": "_prow", "column": "_pcolumn"}
    )
    located = findings.with_columns(place.alias("place")).join(
        places, on=[*key, "place"], how="left", maintain_order="left"
    )
    # The item's first input row, in reading order (an item with several inputs may have several
    # rows): «any» row would do for the officer, but the findings table must be the same bytes run
    # after run.
    unplaced = located.filter(ours & (pl.col("_pfile").is_null() | pl.col("_prow").is_null())).select(key).unique()
    schema = intake.cells.schema
    if unplaced.height == 0:
        return _placed(
            located.with_columns(
                pl.lit(None, dtype=pl.String).alias("_file"),
                pl.lit(None, dtype=schema[SHEET_COL]).alias("_sheet"),
                pl.lit(None, dtype=schema[ROW_COL]).alias("_row"),
            ),
            ours,
            findings.columns,
        )
    item_rows = (
        intake.cells.select(*key, FILE_COL, SHEET_COL, ROW_COL)
        .join(unplaced, on=key, how="semi")
        .unique(subset=key, keep="first", maintain_order=True)
        .select(
            *key,
            pl.col(FILE_COL).cast(pl.String).alias("_file"),
            pl.col(SHEET_COL).alias("_sheet"),
            pl.col(ROW_COL).alias("_row"),
        )
    )
    located = located.join(item_rows, on=key, how="left", maintain_order="left")
    return _placed(located, ours, findings.columns)


def _placed(located: pl.DataFrame, ours: pl.Expr, columns: list[str]) -> pl.DataFrame:
    """:func:`_locate`'s findings with their place (``_p…``) or their item's row (``_file``,
    ``_sheet``, ``_row``) where ``ours`` holds."""
    from_place = pl.col("_prow").is_not_null()
    return located.with_columns(
        pl.when(ours).then(pl.coalesce("_pfile", "_file")).otherwise(pl.col("file")).alias("file"),
        pl.when(ours)
        .then(pl.coalesce("_psheet", pl.when(~from_place).then("_sheet")))
        .otherwise(pl.col("sheet"))
        .alias("sheet"),
        pl.when(ours).then(pl.coalesce("_prow", "_row")).otherwise(pl.col("row")).alias("row"),
        pl.when(ours).then(pl.col("_pcolumn")).otherwise(pl.col("column")).alias("column"),
    ).select(columns)


def _item_keys(communes: pl.DataFrame, leaves: Sequence[Leaf]) -> Callable[[pl.DataFrame], pl.DataFrame]:
    """A function adding ``_k`` (UInt64) to a frame with commune_code and criterion_id: the
    commune's place among the register's codes in sorted order times the number of items, plus
    the item's place in the criteria set. Sorting by ``_k`` sorts by commune code, then item."""
    places = communes.select(pl.col("code").alias(COMMUNE)).sort(COMMUNE).with_row_index("_commune")
    items = {leaf.id: i for i, leaf in enumerate(leaves)}
    count = len(items)
    codes = places[COMMUNE]
    if not codes.null_count() and codes.n_unique() == codes.len() and count == len(leaves):
        # Both places are an enum's codes (null where not one of them): four joins per batch on
        # the commune's code and a lookup of the item cost three times as much.
        def place(column: str, values: pl.Series | list[str]) -> pl.Expr:
            return pl.col(column).cast(pl.Enum(values), strict=False).to_physical().cast(pl.UInt64)

        key = (place(COMMUNE, codes) * count + place(CRITERION, list(items))).alias("_k")
        return lambda frame: frame.with_columns(key)

    def add(frame: pl.DataFrame) -> pl.DataFrame:
        with_place = frame.join(places, on=COMMUNE, how="left")
        item = pl.col(CRITERION).replace_strict(items, default=None, return_dtype=pl.UInt64)
        return with_place.with_columns((pl.col("_commune").cast(pl.UInt64) * count + item).alias("_k")).drop("_commune")

    return add


__all__ = ["DETAIL_COLUMNS", "CommuneScores", "order_commune_findings", "score_communes", "submitted_items"]
