"""Findings: rejected or doubtful input as rows of FINDING_SCHEMA, from problems or from cells."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.errors import Problem
from pari_index.intake.schema import COLUMN, CRITERION, FINDING_SCHEMA
from pari_index.intake.sheet import FILE, ROW, SHEET
from pari_index.messages import params_json


def empty_findings() -> pl.DataFrame:
    return pl.DataFrame(schema=FINDING_SCHEMA)


def problems_to_findings(problems: Sequence[Problem], severity: str = "error") -> pl.DataFrame:
    if not problems:
        return empty_findings()
    return pl.DataFrame(
        [
            {
                # A problem that is only a warning (an encoding fallback) stays one.
                "severity": severity if p.severity == "error" else p.severity,
                "kind": p.code,
                COMMUNE: None,
                CRITERION: None,
                "file": p.file,
                "sheet": p.sheet,
                "row": p.row if p.row is not None else p.line,
                "column": p.field,
                "message": p.message,
                "hint": p.hint,
                "size": None,
                "params": params_json(p.params) if p.params is not None else None,
            }
            for p in problems
        ],
        schema=FINDING_SCHEMA,
    )


def cell_findings(
    cells: pl.DataFrame, severity: str, kind: str, message: pl.Expr, hint: str, params: pl.Expr | None = None
) -> pl.DataFrame:
    return cells.select(
        pl.lit(severity).alias("severity"),
        pl.lit(kind).alias("kind"),
        pl.col(COMMUNE),
        pl.col(CRITERION),
        pl.col(FILE).alias("file"),
        pl.col(SHEET).alias("sheet"),
        pl.col(ROW).alias("row"),
        pl.col(COLUMN).alias("column"),
        message.alias("message"),
        pl.lit(hint).alias("hint"),
        pl.lit(None, dtype=pl.Float64).alias("size"),
        (params if params is not None else pl.lit(None, dtype=pl.String)).alias("params"),
    ).cast(FINDING_SCHEMA)  # type: ignore[arg-type]


def cell_params(**values: pl.Expr) -> pl.Expr:
    """The named parameters of a cell finding's message, as the JSON of the findings table."""
    if not values:
        return pl.lit("{}", dtype=pl.String)
    return pl.struct([value.alias(name) for name, value in values.items()]).struct.json_encode()
