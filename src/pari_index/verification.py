"""Verification: evidence, self-scores against the rules, and the appraisal council's corrections.

For every commune and scored item the council wants to see four numbers side by side: what the
commune claimed (self_score), what the rules give on the inputs it reported (computed_score), what
they give after the council's corrections (appraised_score), and what counts (final_score), with a
status and the reason. MoHA guidance (CV 383 and 384/BNV-CCHC, 28/01/2021) requires an
explanation for missing evidence and leaves the decision to the appraiser; by default an item
without its evidence scores 0 until an explanation is accepted (the criteria set can say
``missing_evidence: keep``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from .assessments import (
    CELL_SCHEMA,
    COLUMN,
    CRITERION,
    FIELD,
    VALUE,
    LeafTable,
    _check_and_type,
    empty_findings,
    problems_to_findings,
)
from .compiling import COMMUNE
from .errors import Problem
from .model import Leaf, MissingEvidence, Part
from .tables import FILE, ROW, SHEET, read_with_columns
from .tables import row_problems as rows_to_problems
from .values import parse_boolean, parse_units

APPRAISAL_ALIASES: dict[str, str] = {
    **{k: COMMUNE for k in ("commune_code", "commune", "code", "mã", "mã xã", "mã đơn vị")},
    **{k: CRITERION for k in ("criterion_id", "tiêu chí", "mã tiêu chí", "id")},
    **{k: "input" for k in ("input", "đầu vào")},
    **{k: VALUE for k in ("value", "corrected_value", "giá trị", "giá trị thẩm định")},
    **{k: "score" for k in ("score", "appraised_score", "điểm thẩm định")},
    **{k: "evidence_accepted" for k in ("evidence_accepted", "chấp nhận giải trình", "chấp nhận minh chứng")},
    **{k: "reason" for k in ("reason", "lý do", "ly do")},
    **{k: "appraiser" for k in ("appraiser", "người thẩm định", "thành viên hội đồng")},
}

DECISION_SCHEMA: dict[str, pl.DataType] = {
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    "score_override": pl.Int64(),
    "evidence_accepted": pl.Boolean(),
    "reason": pl.String(),
    "appraiser": pl.String(),
}


@dataclass
class Appraisal:
    """The council's corrections: corrected input cells, and per item a score override, an
    evidence decision, the reason and the appraiser."""

    cells: pl.DataFrame
    decisions: pl.DataFrame
    findings: pl.DataFrame
    ledger: pl.DataFrame

    @classmethod
    def empty(cls) -> Appraisal:
        return cls(
            cells=pl.DataFrame(schema=CELL_SCHEMA),
            decisions=pl.DataFrame(schema=DECISION_SCHEMA),
            findings=empty_findings(),
            ledger=pl.DataFrame(
                schema={
                    "file": pl.String,
                    "sheet": pl.String,
                    "row": pl.Int64,
                    "status": pl.String,
                    "reasons": pl.String,
                }
            ),
        )


def read_appraisal(path: str | Path, leaves: Sequence[Leaf], known_communes: pl.Series | None) -> Appraisal:
    """Read an appraisal file: commune_code, criterion_id, [input, value] or score,
    [evidence_accepted], reason, [appraiser]."""
    table = LeafTable.build(leaves)
    frame, problems = read_with_columns(
        path,
        APPRAISAL_ALIASES,
        (COMMUNE, CRITERION, "reason"),
        "the appraisal file",
        "columns: commune_code, criterion_id, input, value or score, evidence_accepted, reason, appraiser",
    )
    for col in ("input", VALUE, "score", "evidence_accepted", "appraiser"):
        if col not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(col))
    findings: list[pl.DataFrame] = [problems_to_findings(problems)]
    row_problems: list[Problem] = []
    source_rows = frame.select(FILE, SHEET, ROW)
    row_problems += rows_to_problems(
        frame,
        pl.col("reason").is_null(),
        "missing-reason",
        lambda _r: "an appraisal correction needs a reason",
        "write why the council changed the score",
    )
    frame = frame.filter(pl.col("reason").is_not_null())
    # Corrected inputs go through exactly the same checks as the commune's own cells.
    value_rows = frame.filter(pl.col(VALUE).is_not_null()).join(table.default_input, on=CRITERION, how="left")
    cells = value_rows.select(
        COMMUNE,
        CRITERION,
        pl.coalesce("input", "default_field").alias(FIELD),
        VALUE,
        FILE,
        SHEET,
        ROW,
        pl.lit(VALUE).alias(COLUMN),
    ).cast(CELL_SCHEMA)  # type: ignore[arg-type]
    accepted, cell_findings = _check_and_type(cells, table, known_communes)
    findings.append(cell_findings)
    decisions = frame.with_columns(
        parse_units(pl.col("score")).alias("score_override"),
        parse_boolean(pl.col("evidence_accepted")).alias("evidence_accepted_flag"),
    )
    row_problems += rows_to_problems(
        decisions,
        pl.col("score").is_not_null() & pl.col("score_override").is_null(),
        "bad-value",
        lambda r: f"score {r['score']!r} is not a number",
        "write the appraised points, e.g. 0,75",
        field="score",
    )
    row_problems += rows_to_problems(
        decisions,
        pl.col("evidence_accepted").is_not_null() & pl.col("evidence_accepted_flag").is_null(),
        "bad-value",
        lambda r: f"evidence_accepted {r['evidence_accepted']!r} is not có/không (yes/no)",
        "write có (the explanation is accepted) or không",
        field="evidence_accepted",
    )
    known_leaves = {leaf.id for leaf in leaves}
    unknown_leaf = ~pl.col(CRITERION).is_in(list(known_leaves))
    unknown_commune = ~pl.col(COMMUNE).is_in(known_communes.implode()) if known_communes is not None else pl.lit(False)
    # Rows with a corrected value were checked with the commune's own cells above; report the
    # others here, so that a decision on an unknown item or commune is never silently dropped.
    row_problems += rows_to_problems(
        decisions,
        pl.col(VALUE).is_null() & unknown_leaf,
        "unknown-criterion",
        lambda r: f"criterion {r[CRITERION]} is not a scored item of this set",
    )
    row_problems += rows_to_problems(
        decisions,
        pl.col(VALUE).is_null() & ~unknown_leaf & unknown_commune,
        "unknown-commune",
        lambda r: f"commune {r[COMMUNE]} is not in the commune register",
        "correct the code (codes keep their leading zeros)",
    )
    decisions = decisions.filter(~unknown_leaf & ~unknown_commune)
    decision_frame = (
        decisions.group_by(COMMUNE, CRITERION)
        .agg(
            pl.col("score_override").drop_nulls().last(),
            pl.col("evidence_accepted_flag").drop_nulls().last().alias("evidence_accepted"),
            pl.col("reason").unique(maintain_order=True).str.join("; "),
            pl.col("appraiser").drop_nulls().unique(maintain_order=True).str.join(", "),
        )
        .cast(pl.Schema(DECISION_SCHEMA))
    )
    findings.append(problems_to_findings(row_problems))
    all_findings = pl.concat(findings)
    reasons = (
        all_findings.filter(pl.col("row").is_not_null() & (pl.col("severity") == "error"))
        .group_by(pl.col("file").alias(FILE), pl.col("sheet").alias(SHEET), pl.col("row").alias(ROW))
        .agg(pl.col("message").unique().sort().str.join("; ").alias("reasons"))
    )
    # One ledger row per source row (rows without a reason included), rejected with its reasons.
    ledger = (
        source_rows.join(reasons, on=[FILE, SHEET, ROW], how="left", nulls_equal=True)
        .sort(FILE, SHEET, ROW, nulls_last=True)
        .select(
            pl.col(FILE).alias("file"),
            pl.col(SHEET).alias("sheet"),
            pl.col(ROW).alias("row"),
            pl.when(pl.col("reasons").is_null()).then(pl.lit("applied")).otherwise(pl.lit("rejected")).alias("status"),
            "reasons",
        )
    )
    return Appraisal(cells=accepted, decisions=decision_frame, findings=all_findings, ledger=ledger)


def evidence_status(details: pl.DataFrame, leaves: Sequence[Leaf], evidence_dir: Path | None) -> pl.DataFrame:
    """Adds ``evidence_required`` and ``evidence_status``: not_required, present, missing,
    explained (an explanation awaits the council), accepted or rejected (the council decided),
    file_not_found, outside_evidence_dir."""
    required = pl.DataFrame(
        [
            {
                CRITERION: leaf.id,
                "need_number": any("number" in e.requires for e in leaf.evidence),
                "need_date": any("date" in e.requires for e in leaf.evidence),
                "need_file": any("file" in e.requires for e in leaf.evidence),
                "evidence_required": bool(leaf.evidence) and leaf.part is Part.appraised,
                "policy": leaf.missing_evidence.value,
            }
            for leaf in leaves
        ],
        schema={
            CRITERION: pl.String,
            "need_number": pl.Boolean,
            "need_date": pl.Boolean,
            "need_file": pl.Boolean,
            "evidence_required": pl.Boolean,
            "policy": pl.String,
        },
    )
    d = details.join(required, on=CRITERION, how="left")
    file_state = pl.lit("ok")
    if evidence_dir is not None:
        root = evidence_dir.resolve()
        files = d.select("evidence_file").drop_nulls().unique()["evidence_file"].to_list()
        states: dict[str, str] = {}
        for name in files:
            candidate = (root / name).resolve()
            if not candidate.is_relative_to(root):
                states[name] = "outside_evidence_dir"
            elif not candidate.is_file():
                states[name] = "file_not_found"
            else:
                states[name] = "ok"
        file_state = pl.col("evidence_file").replace_strict(states, default="ok", return_dtype=pl.String)
    complete = (
        (~pl.col("need_number") | pl.col("evidence_number").is_not_null())
        & (~pl.col("need_date") | pl.col("evidence_date").is_not_null())
        & (~pl.col("need_file") | pl.col("evidence_file").is_not_null())
    )
    # An item that does not apply to the commune (excluded, or counted in full) needs no evidence.
    not_applicable = pl.col("computed_branch").str.starts_with("na_").fill_null(False)
    base = (
        pl.when(~pl.col("evidence_required") | not_applicable)
        .then(pl.lit("not_required"))
        .when(complete & (file_state == "ok"))
        .then(pl.lit("present"))
        .when(complete)
        .then(file_state)
        .when(pl.col("explanation").is_not_null())
        .then(pl.lit("explained"))
        .otherwise(pl.lit("missing"))
    )
    decided = (
        pl.when(base.is_in(["not_required", "present"]))
        .then(base)
        .when(pl.col("evidence_accepted").eq(True))
        .then(pl.lit("accepted"))
        .when(pl.col("evidence_accepted").eq(False))
        .then(pl.lit("rejected"))
        .otherwise(base)
    )
    return d.with_columns(decided.alias("evidence_status")).drop("need_number", "need_date", "need_file")


def leaf_frame(leaves: Sequence[Leaf]) -> pl.DataFrame:
    """criterion_id, area_id, part, max (units), title_vi, title_en, provenance: one row per leaf."""
    from .points import to_units

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
    return (policy == MissingEvidence.zero.value) & status.is_in(
        ["missing", "explained", "rejected", "file_not_found", "outside_evidence_dir"]
    )
