"""Findings: rejected or doubtful input as rows of FINDING_SCHEMA, from problems or from cells."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.errors import MAX_FIELD_CHARS, MAX_MESSAGE_CHARS, Problem, shorten
from pari_index.intake.schema import COLUMN, CRITERION, FINDING_SCHEMA
from pari_index.intake.sheet import FILE, ROW, SHEET
from pari_index.intake.tables import HEADING
from pari_index.intake.values import shown
from pari_index.messages import params_json
from pari_index.messages.findings_table import json_params, per_distinct


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
    cells: pl.DataFrame,
    severity: str,
    kind: str,
    message: pl.Expr,
    hint: str | pl.Expr,
    params: pl.Expr | None = None,
    column: pl.Expr | None = None,
) -> pl.DataFrame:
    """One finding per cell of ``cells``, at its place; in ``column`` when given, else in the
    cell's column."""
    return cells.select(
        pl.lit(severity).alias("severity"),
        pl.lit(kind).alias("kind"),
        pl.col(COMMUNE),
        pl.col(CRITERION),
        pl.col(FILE).alias("file"),
        pl.col(SHEET).alias("sheet"),
        pl.col(ROW).alias("row"),
        (pl.col(COLUMN) if column is None else column).alias("column"),
        message.alias("message"),
        (hint if isinstance(hint, pl.Expr) else pl.lit(hint)).alias("hint"),
        pl.lit(None, dtype=pl.Float64).alias("size"),
        (params if params is not None else pl.lit(None, dtype=pl.String)).alias("params"),
    ).cast(FINDING_SCHEMA)  # type: ignore[arg-type]


#: The number of cells a row's one finding stands for (:func:`one_per_row`).
ROW_CELLS = "_row_cells"


def one_per_row(cells: pl.DataFrame, order: str) -> pl.DataFrame:
    """One row per source row of ``cells`` (its file, sheet, row and commune), in the order of
    each row's first cell, with ROW_CELLS its number of cells: a wide form's row of an unknown
    commune is one finding, not one per cell. The row's place in the whole intake's order
    (``order``, when the cells carry it) is its first cell's, so that batches put the findings
    in the order one check of the whole intake gives them. The finding is the row's, not one
    item's or column's: both are left empty."""
    # A row has one commune code: it is taken, not grouped on (a key column fewer).
    first = [pl.col(order).min()] if order in cells.columns else []
    rows = cells.group_by(FILE, SHEET, ROW, maintain_order=True).agg(
        pl.col(COMMUNE).first(), pl.len().alias(ROW_CELLS), *first
    )
    return rows.with_columns(
        pl.lit(None, dtype=pl.String).alias(CRITERION), pl.lit(None, dtype=pl.String).alias(COLUMN)
    )


def row_values_params(**values: pl.Expr) -> pl.Expr:
    """cell_params of a row's one finding (:func:`one_per_row`) with how many values it carried
    (``cells``; ``row_values`` "many" when more than one: labels.PARAM_WORDS)."""
    many = pl.when(pl.col(ROW_CELLS) > 1).then(pl.lit("many"))
    return cell_params(**values, row_values=many, cells=pl.col(ROW_CELLS))


def row_values_text() -> pl.Expr:
    """The English words of ``row_values`` (see row_values_params) for a row's one finding."""
    return (
        pl.when(pl.col(ROW_CELLS) > 1)
        .then(pl.lit("; none of the ") + pl.col(ROW_CELLS).cast(pl.String) + pl.lit(" values of this row was used"))
        .otherwise(pl.lit(""))
    )


def cell_params(**values: pl.Expr) -> pl.Expr:
    """The named parameters of a cell finding's message, as the JSON of the findings table."""
    if not values:
        return pl.lit("{}", dtype=pl.String)
    return pl.struct([value.alias(name) for name, value in values.items()]).struct.json_encode()


def shown_text(text: pl.Expr, limit: int = 80) -> pl.Expr:
    """:func:`pari_index.intake.values.shown` as an expression. Text of printable ASCII within
    ``limit`` (nearly every code) is shown as it is, without a call per value: 150,000 distinct
    unknown codes were 150,000 calls."""
    plain = text.str.contains(f"^[ -~]{{0,{limit}}}$")
    others = pl.when(~plain).then(text)  # null where plain: per_distinct then sees only the others
    return pl.when(plain).then(text).otherwise(per_distinct(others, lambda t: shown(t, limit)))


def row_findings(
    frame: pl.DataFrame,
    condition: pl.Expr,
    kind: str,
    message: pl.Expr,
    hint: str | None = None,
    field: str | None = None,
    params: Mapping[str, pl.Expr] | pl.Expr | None = None,
) -> pl.DataFrame:
    """One error finding per row of ``frame`` (which has _file, _sheet, _row) meeting ``condition``,
    in the frame's order: what ``problems_to_findings`` makes of :func:`pari_index.intake.tables.row_problems`
    (messages, hints and fields cut as a Problem cuts them), built as columns instead of one
    Problem per row (150,000 rows of an appraisal for unknown communes took seconds)."""
    rows = frame.filter(condition)
    found = rows.select(
        pl.lit("error").alias("severity"),
        pl.lit(kind).alias("kind"),
        pl.lit(None, dtype=pl.String).alias(COMMUNE),
        pl.lit(None, dtype=pl.String).alias(CRITERION),
        pl.col(FILE).alias("file"),
        pl.col(SHEET).alias("sheet"),
        pl.col(ROW).alias("row"),
        _column(frame, field).alias("column"),
        message.alias("message"),
        pl.lit(None if hint is None else _bounded(hint), dtype=pl.String).alias("hint"),
        pl.lit(None, dtype=pl.Float64).alias("size"),
        _params(params).alias("params"),
    ).cast(FINDING_SCHEMA)  # type: ignore[arg-type]
    long = pl.col("message").str.len_chars() > MAX_MESSAGE_CHARS
    if found.select(long.any()).item():
        found = found.with_columns(pl.when(long).then(per_distinct(pl.col("message"), shorten)).otherwise("message"))
    return found


def _params(params: Mapping[str, pl.Expr] | pl.Expr | None) -> pl.Expr:
    """A row finding's parameters: text values (json_params), or JSON already written."""
    if params is None:
        return pl.lit(None, dtype=pl.String)
    return params if isinstance(params, pl.Expr) else json_params(**params)


def _column(frame: pl.DataFrame, field: str | None) -> pl.Expr:
    """The column a row finding names: as the file heads it (tables.read_with_columns), cut as a
    Problem cuts it; ``field`` itself when the frame has no heading of it."""
    if field is None:
        return pl.lit(None, dtype=pl.String)
    heading = HEADING + field
    if heading not in frame.columns:
        return pl.lit(_bounded(field, MAX_FIELD_CHARS), dtype=pl.String)
    return per_distinct(pl.col(heading), lambda text: _bounded(text, MAX_FIELD_CHARS))


def _bounded(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    return text if len(text) <= limit else shorten(text, limit)
