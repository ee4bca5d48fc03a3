"""Helpers that run both evaluators (polars compiler and pure-Python reference) on the same rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import polars as pl

from pari_index.criteria.compiling import compile_criteria, frame_schema, rest_column
from pari_index.criteria.model import CriteriaSet, resolve_leaves
from pari_index.criteria.reference import evaluate_reference, reference_totals
from pari_index.intake.register import Register
from pari_index.scoring.totals import compute_totals

Key = tuple[str, str]


def _frame_row(row: Mapping[str, Any], schema: Mapping[str, pl.DataType]) -> dict[str, Any]:
    """One row in the frame's columns. An exact value (Decimal or Fraction, as the reference
    takes it) becomes the frame's units of 1/10,000 and rest in 1/10**14 (compiling.rest_column);
    it must have at most 14 decimals, as the intake guarantees."""
    out = {c: row.get(c) for c in schema}
    for column, value in row.items():
        if isinstance(value, Decimal | Fraction):
            exact = Fraction(value) * 10**14
            assert exact.denominator == 1, f"{value} has more than 14 decimals"
            units, rest = divmod(int(exact), 10**10)
            out[column], out[rest_column(column)] = units, rest
    return out


def frame_for(criteria: CriteriaSet, rows: Sequence[Mapping[str, Any]]) -> pl.DataFrame:
    """A wide evaluation frame typed per compiling.INPUT_DTYPES; absent keys become nulls."""
    # From the leaves, not a compiled set: a set whose deadlines need a year has a schema without one.
    schema = frame_schema(resolve_leaves(criteria))
    return pl.DataFrame([_frame_row(row, schema) for row in rows], schema=schema)


def evaluate_both(
    criteria: CriteriaSet, rows: Sequence[Mapping[str, Any]]
) -> tuple[dict[Key, dict[str, Any]], dict[Key, dict[str, Any]]]:
    """(compiled, reference) results keyed by (commune_code, criterion_id)."""
    compiled = compile_criteria(criteria).evaluate(frame_for(criteria, rows)).to_dicts()
    reference = evaluate_reference(criteria, rows)
    by_key = lambda results: {(r["commune_code"], r["criterion_id"]): r for r in results}  # noqa: E731
    got_c, got_r = by_key(compiled), by_key(reference)
    assert len(got_c) == len(compiled) and len(got_r) == len(reference)
    return got_c, got_r


def score(criteria: CriteriaSet, leaf_id: str, **inputs: Any) -> tuple[int | None, str, int]:
    """(points, branch, counted_max) of one leaf for one commune, asserting both evaluators agree.

    Keyword names are input names of the leaf; ``na`` sets the N/A flag and ``unit_type`` the
    commune's unit type (default ``commune``)."""
    row: dict[str, Any] = {"commune_code": "00001", "unit_type": inputs.pop("unit_type", "commune")}
    if "na" in inputs:
        row[f"{leaf_id}:n/a"] = inputs.pop("na")
    for name, value in inputs.items():
        row[f"{leaf_id}:{name}"] = value
    got_c, got_r = evaluate_both(criteria, [row])
    c, r = got_c[("00001", leaf_id)], got_r[("00001", leaf_id)]
    assert c == r, f"compiled {c} != reference {r}"
    return c["points"], c["branch"], c["counted_max"]


TOTAL_COLUMNS = ("appraised_points", "survey_points", "adjustment_points", "total_points", "applicable_max", "index")


def totals_both(
    criteria: CriteriaSet, rows: Sequence[Mapping[str, Any]]
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(compiled, reference) totals per commune: scoring.compute_totals over the compiled leaf
    points, and reference_totals over the reference's; each leaf's points taken as final."""
    leaves = {leaf.id: leaf for leaf in resolve_leaves(criteria)}
    compiled = compile_criteria(criteria).evaluate(frame_for(criteria, rows))
    details = compiled.with_columns(
        pl.col("points").alias("final_score"),
        pl.col("criterion_id").replace_strict({k: v.area for k, v in leaves.items()}).alias("area_id"),
        pl.col("criterion_id").replace_strict({k: v.part.value for k, v in leaves.items()}).alias("part"),
        pl.lit("ok").alias("status"),
    )
    codes = sorted({str(row["commune_code"]) for row in rows})
    register = Register(frame=pl.DataFrame({"code": codes}), problems=[])
    totals = compute_totals(details, criteria, register)
    got_c = {r["commune_code"]: {k: r[k] for k in TOTAL_COLUMNS} for r in totals.to_dicts()}
    got_r = reference_totals(criteria, evaluate_reference(criteria, rows))
    return got_c, got_r
