"""Intake of self-assessments, survey results and appraisal inputs from spreadsheets.

Files come in two forms, recognised by their columns:

* **long**: one row per commune and criterion (``commune_code``, ``criterion_id``, ``input`` when
  the criterion has several inputs, ``value``, and optionally ``self_score``, ``evidence_number``,
  ``evidence_date``, ``evidence_file``, ``explanation``, ``n/a``);
* **wide**: one row per commune, one column per input (``1.1.4:done``, or ``1.1.1`` for a
  criterion with one input) and per-criterion columns such as ``1.1.1:self_score``.

Inputs (and N/A marks) become *cells*: one row per commune, criterion and field, each still
carrying the file, sheet, row and column it came from. Cells are checked (unknown commune,
criterion or input; conflicting duplicates; text that is not a number, date or answer of the right
kind; values out of range) and every rejected cell becomes a finding that names its place.

Self-scores and evidence stay columns of the row they came from (*meta rows*) and are checked a
column at a time with the same rules and the same findings; making a located cell of each of them
tripled the cells of a national run for no gain. A ledger accounts for every source row: scored,
partial, rejected with its reasons, or empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import TypeVar

import polars as pl

from pari_index.criteria.compiling import COMMUNE, INPUT_DTYPES, REST_SUFFIX, UNIT_TYPE, frame_schema, na_column
from pari_index.criteria.model import Leaf, NotApplicable, UnitType
from pari_index.criteria.points import EXACT_SCALE, REST_SCALE
from pari_index.criteria.rules import Choice
from pari_index.errors import IntakeError, Problem
from pari_index.intake.many import read_many_tables
from pari_index.intake.tables import FILE, ROW, SHEET, Sheet, rename_columns
from pari_index.intake.values import (
    CODE_FORBIDDEN,
    DATE_YEAR_HINT,
    NUMBER_HINTS,
    date_problems,
    number_problems,
    parse_boolean,
    parse_date,
    parse_exact,
    parse_status,
    parse_units,
    shown_expr,
)
from pari_index.messages import params_json
from pari_index.textexpr import format_text

CRITERION = "criterion_id"
FIELD = "field"
VALUE = "value"
COLUMN = "_column"
UNREAD = "_unread"  # ledger: why a whole sheet was not read

#: What a commune says about an item besides its inputs. ``n/a`` is read as a cell like an input
#: (the appraisal council may correct it); the others stay columns of the row they came from.
META_COLUMNS = ("self_score", "evidence_number", "evidence_date", "evidence_file", "explanation")
META_FIELDS = (*META_COLUMNS, "n/a")

ASSESSMENT_ALIASES: dict[str, str] = {
    **{k: COMMUNE for k in ("commune_code", "commune", "code", "mã", "mã xã", "mã đơn vị", "ma")},
    **{k: CRITERION for k in ("criterion_id", "criterion id", "tiêu chí", "mã tiêu chí", "id")},
    **{k: "input" for k in ("input", "đầu vào", "chỉ số đầu vào")},
    **{k: VALUE for k in ("value", "giá trị", "số liệu", "kết quả")},
    **{k: "self_score" for k in ("self_score", "self score", "điểm tự đánh giá", "tự chấm", "điểm tự chấm")},
    **{k: "evidence_number" for k in ("evidence_number", "số văn bản", "số hiệu văn bản", "số, ký hiệu")},
    **{k: "evidence_date" for k in ("evidence_date", "ngày văn bản", "ngày ban hành")},
    **{k: "evidence_file" for k in ("evidence_file", "tệp minh chứng", "file minh chứng", "tài liệu kiểm chứng")},
    **{k: "explanation" for k in ("explanation", "giải trình")},
    **{k: "n/a" for k in ("n/a", "na", "not_applicable", "không áp dụng")},
    # The English headings of a template written with pari template --lang en.
    "unit code": COMMUNE,
    "evidence number": "evidence_number",
    "evidence date": "evidence_date",
    "evidence file": "evidence_file",
    "not applicable": "n/a",
}

#: Columns a generated template carries for people to read; intake ignores them on purpose.
DESCRIPTIVE_COLUMNS = frozenset(
    {
        "criterion",
        "title",
        "max_points",
        "guidance",
        "input_label",
        "input_type",
        "allowed",
        "name",
        "commune_name",
        "area",
        "evidence_required",
        "tên tiêu chí",
        "điểm tối đa",
        "hướng dẫn",
        "tên đơn vị",
        # Further headings of a generated template (outputs.template_labels), in both languages.
        "unit name",
        "max points",
        "applies to",
        "input label",
        "allowed values",
        "evidence required",
        "áp dụng cho",
        "nội dung đầu vào",
        "giá trị hợp lệ",
        "minh chứng yêu cầu",
    }
)

CELL_SCHEMA: dict[str, pl.DataType] = {
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    FIELD: pl.String(),
    VALUE: pl.String(),
    FILE: pl.String(),
    SHEET: pl.String(),
    ROW: pl.Int64(),
    COLUMN: pl.String(),
}

#: A source row's self-score and evidence, as text, and where it came from. ``_source`` says which
#: columns held them: null for a long sheet's own columns (``self_score``), "value" for a long row
#: whose input names the field (input ``self_score`` in the value column), "wide" for a wide
#: sheet's ``1.1.1:self_score`` columns ("wide:1", ... for further columns naming the same field).
META_ROW_SCHEMA: dict[str, pl.DataType] = {
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    FILE: pl.String(),
    SHEET: pl.String(),
    ROW: pl.Int64(),
    "_source": pl.String(),
    **{name: pl.String() for name in META_COLUMNS},
}

#: Where an item's evidence was written: the file, sheet and row of its evidence_file cell (or of
#: its first meta row when it names no file) and the column of that cell, for evidence findings.
EVIDENCE_PLACE = ("_at_file", "_at_sheet", "_at_row", "_at_column")

#: Accepted self-scores and evidence: one row per commune and item that has any.
META_SCHEMA: dict[str, pl.DataType] = {
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    "self_score": pl.Int64(),
    "evidence_number": pl.String(),
    "evidence_date": pl.Date(),
    "evidence_file": pl.String(),
    "explanation": pl.String(),
    "_at_file": pl.String(),
    "_at_sheet": pl.String(),
    "_at_row": pl.Int64(),
    "_at_column": pl.String(),
}

#: Where an item's self-score ("self_score") or evidence ("evidence") was read: one row per
#: commune, item and place.
PLACE_SCHEMA: dict[str, pl.DataType] = {
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    "place": pl.String(),
    "file": pl.String(),
    "sheet": pl.String(),
    "row": pl.Int64(),
    "column": pl.String(),
}

EVIDENCE_COLUMNS = ("evidence_file", "evidence_number", "evidence_date", "explanation")

FINDING_SCHEMA: dict[str, pl.DataType] = {
    "severity": pl.String(),  # error: the value was not used; warning: used, but check it
    "kind": pl.String(),
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    "file": pl.String(),
    "sheet": pl.String(),
    "row": pl.Int64(),
    "column": pl.String(),
    "message": pl.String(),
    "hint": pl.String(),
    "size": pl.Float64(),
    # The message's named parameters as JSON (pari_index.messages): outputs render the message and
    # hint from ``kind`` and these in their own language; ``message`` and ``hint`` are English.
    "params": pl.String(),
}


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


def _cell_findings(
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


@dataclass
class LeafTable:
    """What intake needs to know about the leaves, as frames to join against."""

    leaves: list[Leaf]
    fields: pl.DataFrame  # criterion_id, field, kind (input type or meta), _min, _max (exact Int128 or null)
    default_input: pl.DataFrame  # criterion_id, default_field (null when several inputs)
    level_maps: dict[str, dict[str, str]]  # "leaf:input" -> lower-cased value/label -> value
    min_texts: dict[str, str]  # "leaf:input" -> declared minimum as written, for messages
    max_texts: dict[str, str]

    @classmethod
    def build(cls, leaves: Sequence[Leaf]) -> LeafTable:
        rows: list[dict[str, str | int | None]] = []
        defaults: list[dict[str, str | None]] = []
        level_maps: dict[str, dict[str, str]] = {}
        min_texts: dict[str, str] = {}
        max_texts: dict[str, str] = {}
        for leaf in leaves:
            for name, spec in leaf.inputs.items():
                # Exact: a bound has at most 4 decimals and lies within rules.MAX_BOUND.
                low = None if spec.min is None else int(spec.min * EXACT_SCALE)
                high = None if spec.max is None else int(spec.max * EXACT_SCALE)
                rows.append({CRITERION: leaf.id, FIELD: name, "kind": spec.type.value, "_min": low, "_max": high})
                if spec.min is not None:
                    min_texts[leaf.column(name)] = str(spec.min)
                if spec.max is not None:
                    max_texts[leaf.column(name)] = str(spec.max)
            for meta in META_FIELDS:
                rows.append({CRITERION: leaf.id, FIELD: meta, "kind": "meta:" + meta, "_min": None, "_max": None})
            names = list(leaf.inputs)
            defaults.append({CRITERION: leaf.id, "default_field": names[0] if len(names) == 1 else None})
            if isinstance(leaf.rule, Choice):
                mapping: dict[str, str] = {}
                for level in leaf.rule.levels:
                    mapping[level.value.lower()] = level.value
                    if level.label:
                        mapping[level.label.lower()] = level.value
                level_maps[leaf.column(leaf.rule.input)] = mapping
        return cls(
            leaves=list(leaves),
            fields=pl.DataFrame(
                rows,
                schema={
                    CRITERION: pl.String,
                    FIELD: pl.String,
                    "kind": pl.String,
                    "_min": pl.Int128,
                    "_max": pl.Int128,
                },
            ),
            default_input=pl.DataFrame(defaults, schema={CRITERION: pl.String, "default_field": pl.String}),
            level_maps=level_maps,
            min_texts=min_texts,
            max_texts=max_texts,
        )


@dataclass
class Intake:
    """Accepted cells, typed, and self-scores and evidence per item; findings for everything
    rejected; a ledger of source rows."""

    cells: pl.DataFrame  # accepted: CELL_SCHEMA + kind, num (exact Int128), flag (Boolean), day (Date), text
    meta: pl.DataFrame  # META_SCHEMA: one row per commune and item with a self-score or evidence
    findings: pl.DataFrame
    ledger: pl.DataFrame  # file, sheet, row, status, reasons
    #: Where each item's self-score and evidence came from (PLACE_SCHEMA), so that findings about
    #: them (self-score-differs, evidence-*) name the file, sheet, row and column.
    places: pl.DataFrame = dataclass_field(default_factory=lambda: pl.DataFrame(schema=PLACE_SCHEMA))

    @property
    def communes(self) -> list[str]:
        return pl.concat([self.cells[COMMUNE], self.meta[COMMUNE]]).unique().sort().to_list()


def _no_meta_rows() -> pl.DataFrame:
    return pl.DataFrame(schema=META_ROW_SCHEMA)


def _long_cells(frame: pl.DataFrame, table: LeafTable) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Cells and meta rows of long-form rows (of one sheet, or of sheets with the same columns)."""
    base = [COMMUNE, CRITERION, FILE, SHEET, ROW]
    parts: list[pl.DataFrame] = []
    meta_parts: list[pl.DataFrame] = []
    if VALUE in frame.columns:
        field = pl.col("input") if "input" in frame.columns else pl.lit(None, dtype=pl.String)
        # Only the columns the cells keep go through the join (not the meta columns of every row).
        wanted = [*base, VALUE, *(["input"] if "input" in frame.columns else [])]
        values = (
            frame.filter(pl.col(VALUE).is_not_null())
            .select(wanted)
            .join(table.default_input, on=CRITERION, how="left")
            .with_columns(pl.coalesce(field, pl.col("default_field")).alias(FIELD))
        )
        # A row whose input names a meta field (input self_score, the points in the value column)
        # gives that field, as a meta row of its own.
        as_meta = pl.col(FIELD).is_in(list(META_COLUMNS)).fill_null(False)
        parts.append(values.filter(~as_meta).select(*base, FIELD, VALUE, pl.lit(VALUE).alias(COLUMN)))
        via_value = values.filter(as_meta)
        if via_value.height:
            meta_parts.append(
                via_value.select(
                    *base,
                    pl.lit(VALUE).alias("_source"),
                    *[pl.when(pl.col(FIELD) == m).then(pl.col(VALUE)).alias(m) for m in META_COLUMNS],
                )
            )
    if "n/a" in frame.columns:
        parts.append(
            frame.filter(pl.col("n/a").is_not_null()).select(
                *base, pl.lit("n/a").alias(FIELD), pl.col("n/a").alias(VALUE), pl.lit("n/a").alias(COLUMN)
            )
        )
    # In CELL_SCHEMA order, so that long and wide sheets concatenate in one run.
    cells = (
        pl.concat([p.select(list(CELL_SCHEMA)).cast(CELL_SCHEMA) for p in parts])  # type: ignore[arg-type]
        if parts
        else pl.DataFrame(schema=CELL_SCHEMA)
    )
    present = [m for m in META_COLUMNS if m in frame.columns]
    if present:
        meta_parts.insert(
            0,
            frame.filter(pl.any_horizontal(pl.col(m).is_not_null() for m in present)).select(
                *base,
                pl.lit(None, dtype=pl.String).alias("_source"),
                *[pl.col(m) if m in present else pl.lit(None, dtype=pl.String).alias(m) for m in META_COLUMNS],
            ),
        )
    if not meta_parts:
        return cells, _no_meta_rows()
    return cells, pl.concat([m.cast(META_ROW_SCHEMA) for m in meta_parts])  # type: ignore[arg-type]


def _wide_value_columns(sheet: Sheet, table: LeafTable) -> tuple[list[str], list[Problem]]:
    """The columns of a wide sheet naming an item of the set, and a problem for each other one."""
    leaf_ids = set(table.default_input[CRITERION].to_list())
    value_columns: list[str] = []
    problems: list[Problem] = []
    for col in sheet.frame.columns:
        if col.startswith("_") or col == COMMUNE or col.casefold() in DESCRIPTIVE_COLUMNS:
            continue
        if col.split(":", 1)[0].strip() in leaf_ids:
            value_columns.append(col)
        else:
            problems.append(
                Problem(
                    "unknown-column",
                    f"column {col!r} is neither a criterion of the set nor a known column; its values were not read",
                    file=sheet.file,
                    sheet=sheet.name,
                    row=1,
                    field=col,
                    hint="wide columns are named like 1.1.4:done or 1.1.1 (see docs/data-formats.md)",
                    params={"column": repr(col)},
                )
            )
    return value_columns, problems


def _wide_cells(
    frame: pl.DataFrame, table: LeafTable, value_columns: list[str]
) -> tuple[pl.DataFrame, pl.DataFrame, list[tuple[str, str, str, str]]]:
    """Cells and meta rows of wide-form rows (of one sheet, or of sheets with the same columns),
    and the meta columns as (header, criterion, field, source)."""
    if not value_columns:
        return pl.DataFrame(schema=CELL_SCHEMA), _no_meta_rows(), []
    long = (
        frame.select(COMMUNE, FILE, SHEET, ROW, *value_columns)
        .unpivot(index=[COMMUNE, FILE, SHEET, ROW], on=value_columns, variable_name=COLUMN, value_name=VALUE)
        .filter(pl.col(VALUE).is_not_null())
    )
    split = pl.col(COLUMN).str.split_exact(":", 1)
    long = long.with_columns(
        split.struct.field("field_0").str.strip_chars().alias(CRITERION),
        split.struct.field("field_1").str.strip_chars().alias("_field"),
    ).join(table.default_input, on=CRITERION, how="left")
    is_meta = pl.col("_field").is_in(list(META_COLUMNS))
    cells = long.filter(~is_meta | pl.col("_field").is_null()).select(
        COMMUNE, CRITERION, pl.coalesce("_field", "default_field").alias(FIELD), VALUE, FILE, SHEET, ROW, COLUMN
    )
    meta_cells = long.filter(is_meta)
    if meta_cells.height == 0:
        return cells.cast(CELL_SCHEMA), _no_meta_rows(), []  # type: ignore[arg-type]
    names = meta_cells.select(COLUMN, CRITERION, "_field").unique(maintain_order=True)
    # Two columns naming the same item and field (1.1.1:self_score and 1.1.1 : self_score) give
    # two meta rows, "wide" and "wide:1", checked against each other like two long rows.
    copy = pl.int_range(pl.len()).over(CRITERION, "_field")
    names = names.with_columns(
        pl.when(copy == 0).then(pl.lit("wide")).otherwise(format_text("wide:{}", copy)).alias("_source")
    )
    meta_rows = meta_cells.join(names.select(COLUMN, "_source"), on=COLUMN, how="left").pivot(
        on="_field", index=[COMMUNE, CRITERION, FILE, SHEET, ROW, "_source"], values=VALUE
    )
    meta_rows = meta_rows.with_columns(
        pl.lit(None, dtype=pl.String).alias(m) for m in META_COLUMNS if m not in meta_rows.columns
    )
    return (
        cells.cast(CELL_SCHEMA),  # type: ignore[arg-type]
        meta_rows.select(list(META_ROW_SCHEMA)).cast(META_ROW_SCHEMA),  # type: ignore[arg-type]
        [(str(h), str(c), str(f), str(src)) for h, c, f, src in names.iter_rows()],
    )


def _meta_header_key(file: str | None, sheet: str | None, source: str, criterion: str, field: str) -> str:
    return f"{file}|{sheet or ''}|{source}|{criterion}:{field}"


@dataclass
class _SheetPlan:
    """How a sheet is read: its form ("long", "wide", or None when it cannot be read), the wide
    value columns, and its sheet-level problems."""

    sheet: Sheet
    form: str | None
    value_columns: list[str]
    problems: list[Problem]

    @property
    def signature(self) -> tuple[str | None, tuple[str, ...]]:
        return self.form, tuple(self.sheet.frame.columns)


def _plan_sheet(sheet: Sheet, table: LeafTable) -> _SheetPlan:
    sheet = rename_columns(sheet, ASSESSMENT_ALIASES)
    columns = [c for c in sheet.frame.columns if not c.startswith("_")]
    if COMMUNE not in columns:
        problem = Problem(
            "missing-column",
            f"no commune code column; found {', '.join(columns)}",
            file=sheet.file,
            sheet=sheet.name,
            row=1,
            hint="name it commune_code (or mã xã)",
            params={"columns": "commune_code", "found": ", ".join(columns)},
        )
        return _SheetPlan(sheet, None, [], [problem])
    if CRITERION not in columns:
        value_columns, problems = _wide_value_columns(sheet, table)
        return _SheetPlan(sheet, "wide", value_columns, problems)
    problems = []
    if VALUE not in columns and not any(m in columns for m in META_FIELDS):
        problems.append(
            Problem(
                "missing-column",
                "a long-form sheet needs a value column",
                file=sheet.file,
                sheet=sheet.name,
                row=1,
                hint="add a column named value (or giá trị)",
                params={"columns": "value", "found": ", ".join(columns)},
            )
        )
    known = {COMMUNE, CRITERION, "input", VALUE, *META_FIELDS}
    for col in columns:
        if col not in known and col.casefold() not in DESCRIPTIVE_COLUMNS:
            problems.append(
                Problem(
                    "unknown-column",
                    f"column {col!r} is not a known column; its values were not read",
                    file=sheet.file,
                    sheet=sheet.name,
                    row=1,
                    field=col,
                    hint="see docs/data-formats.md for the column names",
                    params={"column": repr(col)},
                )
            )
    return _SheetPlan(sheet, "long", [], problems)


def _group_cells(group: list[_SheetPlan], table: LeafTable) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, str]]:
    """Cells, meta rows and wide meta headers (see _meta_column_name) of consecutive sheets with
    the same form and columns, read as one frame: one commune's file is small, and reading
    thousands of them one by one cost more in per-call overhead than in work."""
    first = group[0]
    frame = first.sheet.frame if len(group) == 1 else pl.concat([plan.sheet.frame for plan in group])
    if first.form == "long":
        cells, meta_rows = _long_cells(frame, table)
        return cells, meta_rows, {}
    if first.form == "wide":
        cells, meta_rows, names = _wide_cells(frame, table, first.value_columns)
        headers = {
            _meta_header_key(plan.sheet.file, plan.sheet.name, source, criterion, name): header
            for plan in group
            for header, criterion, name, source in names
            if header != f"{criterion}:{name}"
        }
        return cells, meta_rows, headers
    return pl.DataFrame(schema=CELL_SCHEMA), _no_meta_rows(), {}


NUMERIC_KINDS = ("number", "count", "percent", "meta:self_score")
BOOLEAN_KINDS = ("boolean", "meta:n/a")
DATE_KINDS = ("date", "meta:evidence_date")


#: The meta fields read as numbers (points, in units of 1/10,000) or dates; the others are kept as
#: text. Input numbers are read exactly (values.parse_exact), never through a float.
META_PARSERS: dict[str, Callable[[pl.Expr], pl.Expr]] = {"self_score": parse_units, "evidence_date": parse_date}


def _parsed_once(frame: pl.DataFrame, column: str, parser: Callable[[pl.Expr], pl.Expr]) -> pl.Expr:
    """``parser`` applied to ``column``, as an expression that looks each text up in a table of
    its distinct texts parsed once: a national file repeats the same few thousand texts ("có",
    "0,5", "04/06/2025") across millions of cells, and the parsers' regular expressions cost far
    more than one hash lookup per cell."""
    distinct = frame.select(pl.col(column).unique().drop_nulls())
    parsed = distinct.select(column, parser(pl.col(column)).alias("_parsed"))
    return pl.col(column).replace_strict(
        parsed[column], parsed["_parsed"], default=None, return_dtype=parsed.schema["_parsed"]
    )


def _typed_cells(cells: pl.DataFrame, table: LeafTable) -> pl.DataFrame:
    """Adds the typed value columns ``num`` (exact Int128, values.parse_exact), ``flag`` (Boolean), ``day`` (Date) and
    ``text`` (status, level or meta text), each parsed only on the cells of its kind."""
    kind = pl.col("kind")
    empty = {
        "num": pl.lit(None, dtype=pl.Int128),
        "flag": pl.lit(None, dtype=pl.Boolean),
        "day": pl.lit(None, dtype=pl.Date),
        "text": pl.lit(None, dtype=pl.String),
    }

    def part(condition: pl.Expr, column: str, parser: Callable[[pl.Expr], pl.Expr] | None) -> pl.DataFrame:
        """The cells matching ``condition`` with ``parser`` applied (None: the text as it is)."""
        these = cells.filter(condition)
        if parser is None:
            return these.with_columns(
                **{name: (pl.col(VALUE) if name == column else expr).alias(name) for name, expr in empty.items()}
            )
        typed = _parsed_once(these, VALUE, parser)
        return these.with_columns(
            **{name: (typed if name == column else expr).alias(name) for name, expr in empty.items()}
        )

    levels = pl.DataFrame(
        [
            {"_key": column, "_low": low, "_level": value}
            for column, mapping in table.level_maps.items()
            for low, value in mapping.items()
        ],
        schema={"_key": pl.String, "_low": pl.String, "_level": pl.String},
    )
    level_cells = (
        cells.filter(kind == "level")
        .with_columns(
            (pl.col(CRITERION) + ":" + pl.col(FIELD)).alias("_key"),
            pl.col(VALUE).str.to_lowercase().str.strip_chars().alias("_low"),
        )
        .join(levels, on=["_key", "_low"], how="left")
        .with_columns(**{name: expr for name, expr in empty.items() if name != "text"})
        .with_columns(pl.col("_level").alias("text"))
        .drop("_key", "_low", "_level")
    )
    parts = [
        part(kind.is_in(NUMERIC_KINDS), "num", parse_exact),
        part(kind.is_in(BOOLEAN_KINDS), "flag", parse_boolean),
        part(kind.is_in(DATE_KINDS), "day", parse_date),
        part(kind == "status", "text", parse_status),
        level_cells.select(*cells.columns, *empty),
        part(
            kind.str.starts_with("meta:") & ~kind.is_in([*NUMERIC_KINDS, *BOOLEAN_KINDS, *DATE_KINDS]),
            "text",
            None,
        ),
    ]
    return pl.concat([p.select(*cells.columns, *empty) for p in parts])


@dataclass(frozen=True)
class _Check:
    """One reason to reject a cell: where ``condition`` holds, the cell becomes a finding."""

    condition: pl.Expr
    kind: str
    message: pl.Expr
    hint: str
    #: The message's named parameters (see cell_params), for outputs in either language.
    params: pl.Expr | None = None


def _reject(cells: pl.DataFrame, checks: Sequence[_Check], findings: list[pl.DataFrame]) -> pl.DataFrame:
    """The cells that pass every check; each failing cell becomes one finding, for the first check
    it fails (as if the checks ran one after the other). One pass over the cells, however many
    checks: filtering 2.6 million national cells twice per check cost more than the checks."""
    reason = pl.coalesce(
        pl.when(check.condition).then(pl.lit(index, dtype=pl.Int32)) for index, check in enumerate(checks)
    )
    marked = cells.with_columns(reason.alias("_reason"))
    failed = marked.filter(pl.col("_reason").is_not_null())
    if failed.height == 0:
        return cells
    groups = failed.partition_by("_reason", as_dict=True, maintain_order=True)
    for (index, *_), group in sorted(groups.items(), key=lambda item: int(item[0][0])):
        check = checks[int(index)]
        findings.append(_cell_findings(group, "error", check.kind, check.message, check.hint, check.params))
    return marked.filter(pl.col("_reason").is_null()).drop("_reason")


def _control_character_checks(cells: pl.DataFrame) -> list[_Check]:
    """A commune code, criterion id or input name holding a control, bidi or invisible character
    (values.CODE_FORBIDDEN): it would match nothing as typed, or reverse the text around it. The
    distinct texts of each column are searched (a national file has millions of cells but some
    thousand codes); no check at all when none is found."""
    where = [COMMUNE, CRITERION, FIELD]
    found = {
        column: cells.select(pl.col(column).unique().drop_nulls())
        .filter(pl.col(column).str.contains(CODE_FORBIDDEN))[column]
        .to_list()
        for column in where
    }
    if not any(found.values()):
        return []
    bad = [pl.col(c).is_in(found[c]) for c in where]
    which = pl.coalesce(pl.when(b).then(pl.lit(c)) for b, c in zip(bad, where, strict=True))
    text = pl.coalesce(pl.when(b).then(pl.col(c)) for b, c in zip(bad, where, strict=True))
    check = _Check(
        pl.any_horizontal(bad).fill_null(False),
        "control-character",
        format_text(
            "{} {} holds a control, bidi or invisible character (shown as <U+…>)",
            which.replace_strict({COMMUNE: "commune code", CRITERION: "criterion id", FIELD: "input"}),
            shown_expr(text),
        ),
        "retype the code; codes, criterion ids and input names are plain text",
        cell_params(
            what=which,
            text=shown_expr(text),
        ),
    )
    return [check]


def _date_checks(notes: dict[str, str]) -> list[_Check]:
    """The implausible-date check for date cells whose text is a key of ``notes`` (see
    values.date_problems), or none."""
    if not notes:
        return []
    noted = pl.col(VALUE).is_in(list(notes)) & pl.col("kind").is_in(DATE_KINDS) & pl.col("day").is_null()
    message = pl.col(VALUE).replace_strict(notes, default=None, return_dtype=pl.String)
    return [_Check(noted, "implausible-date", message, DATE_YEAR_HINT, cell_params(value=pl.col(VALUE)))]


def _number_checks(notes: dict[str, tuple[str, str]]) -> list[_Check]:
    """The number-too-precise and number-out-of-range checks for number cells whose text is a key
    of ``notes`` (see values.number_problems), or none."""
    checks = []
    for kind, hint in NUMBER_HINTS.items():
        texts = [text for text, (found, _) in notes.items() if found == kind]
        if texts:
            noted = pl.col(VALUE).is_in(texts) & pl.col("kind").is_in(NUMERIC_KINDS) & pl.col("num").is_null()
            message = pl.col(VALUE).replace_strict(
                {t: notes[t][1] for t in texts}, default=None, return_dtype=pl.String
            )
            checks.append(_Check(noted, kind, message, hint, cell_params(value=pl.col(VALUE))))
    return checks


CONFLICT_HINT = "keep one row per commune, criterion and input"
UNREADABLE_HINT = "correct the cell; Excel error values such as #N/A or #DIV/0! cannot be scored"


def _conflict_params() -> pl.Expr:
    return cell_params(commune=pl.col(COMMUNE), criterion=pl.col(CRITERION), input=pl.col(FIELD))


def _conflict_message() -> pl.Expr:
    return format_text(
        "commune {} criterion {} {} is given more than once with different values; none was used",
        pl.col(COMMUNE),
        pl.col(CRITERION),
        pl.col(FIELD),
    )


def _repeat_label(present: pl.Expr, key: list[str]) -> pl.Expr:
    """The rule for repeats, for cells and meta rows alike. Among the rows of a key where
    ``present``, the copy on the smallest row number that is read first is used; every other copy
    is labelled "earlier" (an earlier row has it) or "again" (the same row number in another
    column, sheet or file); null where not present or used."""
    first_row = pl.col(ROW).filter(present).min().over(key)
    at_first = present & (pl.col(ROW) == first_row)
    return (
        pl.when(present & (pl.col(ROW) != first_row))
        .then(pl.lit("earlier"))
        .when(at_first & (at_first.cast(pl.UInt32).cum_sum().over(key) > 1))
        .then(pl.lit("again"))
    )


def _repeat_findings(repeats: pl.DataFrame, column: pl.Expr | None = None) -> pl.DataFrame:
    """Warnings for labelled repeats (see _repeat_label; the label in ``_repeat``)."""
    message = (
        pl.when(pl.col("_repeat") == "earlier")
        .then(pl.lit("repeats an earlier row with the same value (counted once)"))
        .otherwise(pl.lit("gives the same value again, in another column, sheet or file (counted once)"))
    )
    if column is not None:
        repeats = repeats.with_columns(column.alias(COLUMN))
    return _cell_findings(repeats, "warning", "duplicate-row", message, "delete the repeat", cell_params())


def _drop_repeats(cells: pl.DataFrame, key: list[str], findings: list[pl.DataFrame]) -> pl.DataFrame:
    """The first copy of each commune, item and input (see _repeat_label); the other copies
    become duplicate-row warnings, counted once through the first. ``cells`` carries ``_copies``,
    the number of copies of its key, so that the rule runs only where there are copies."""
    if cells.filter(pl.col("_copies") > 1).height == 0:
        return cells
    cells = cells.with_row_index("_i")
    repeats = (
        cells.filter(pl.col("_copies") > 1)
        .with_columns(_repeat_label(pl.lit(True), key).alias("_repeat"))
        .filter(pl.col("_repeat").is_not_null())
    )
    if repeats.height:
        findings.append(_repeat_findings(repeats))
        cells = cells.filter(~pl.col("_i").is_in(repeats["_i"].implode()))
    return cells.drop("_i")


EXPECTED_TEXT = {
    "number": "a number (decimal comma or dot)",
    "count": "a whole number",
    "percent": "a percentage from 0 to 100",
    "meta:self_score": "a number of points",
    "boolean": "có/không (yes/no)",
    "meta:n/a": "có/không (yes/no)",
    "date": "a date such as 10/01/2024",
    "meta:evidence_date": "a date such as 10/01/2024",
    "status": "đúng hạn / trễ hạn / không thực hiện (on_time / late / not_done)",
    "level": "one of the levels listed for this criterion",
}


def _check_and_type(
    cells: pl.DataFrame, table: LeafTable, known_communes: pl.Series | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split cells into accepted (typed) and findings.

    Three rounds, each rejecting what it finds before the next looks: where the cell belongs
    (commune, criterion, input), conflicting repeats, then the typed value itself.
    """
    findings: list[pl.DataFrame] = []
    cells = cells.join(table.fields, on=[CRITERION, FIELD], how="left")
    leaf_ids = table.default_input.select(CRITERION).with_columns(pl.lit(True).alias("_known_leaf"))
    cells = cells.join(leaf_ids, on=CRITERION, how="left")
    cells = _reject(cells, _structure_checks(cells, known_communes), findings)

    # Same commune, criterion and field more than once: different values are a conflict (none is
    # used); the same value again is a repeated row (counted once, through its first row).
    key = [COMMUNE, CRITERION, FIELD]
    cells = cells.with_columns(
        pl.len().over(key).alias("_copies"),
        pl.col(VALUE).n_unique().over(key).alias("_distinct"),
    )
    conflict = _Check(
        pl.col("_distinct") > 1,
        "conflicting-values",
        _conflict_message(),
        CONFLICT_HINT,
        _conflict_params(),
    )
    cells = _reject(cells, [conflict], findings)

    # Typed parsing, one kind of cell at a time: each parser runs only on its own rows (a single
    # when/then over all cells would run every parser on every row).
    cells = _typed_cells(cells.drop("_known_leaf", "_distinct"), table)
    cells = _reject(cells, _value_checks(cells, table), findings)
    # Repeats are looked for among accepted cells only, so that a repeated unreadable value is an
    # error on each of its rows rather than "counted once". The copies of one key all have the same
    # text (different texts were a conflict above), so the value checks kept all or none of them
    # and the counts taken before them still hold.
    cells = _drop_repeats(cells, key, findings)
    # The source file name repeats on every cell; as a category it costs 4 bytes a cell, not a
    # copy of the path (74 MB of a national run's 280 MB of cells).
    accepted = cells.drop("_min", "_max", "_copies").with_columns(pl.col(FILE).cast(pl.Categorical))
    all_findings = pl.concat(findings) if findings else empty_findings()
    return accepted, all_findings


def _structure_checks(cells: pl.DataFrame, known_communes: pl.Series | None) -> list[_Check]:
    """Where each cell belongs: a commune (in the register, when there is one), a scored item of
    the set and one of its inputs. ``cells`` carry the joined ``kind`` and ``_known_leaf``."""
    structure = [
        *_control_character_checks(cells),
        _Check(
            pl.col(COMMUNE).is_null(),
            "missing-commune-code",
            pl.lit("the row has no commune code"),
            "fill in the commune code",
            cell_params(),
        ),
        _Check(
            pl.col(CRITERION).is_null(),
            "missing-criterion",
            pl.lit("the row has no criterion id"),
            "fill in the criterion id, e.g. 1.1.1",
            cell_params(),
        ),
        _Check(
            pl.col("_known_leaf").is_null(),
            "unknown-criterion",
            format_text("criterion {} is not a scored item of this criteria set", pl.col(CRITERION)),
            "check the id against the criteria set (pari template lists them); ids are text: 1.10 is not 1.1",
            cell_params(criterion=pl.col(CRITERION)),
        ),
        _Check(
            pl.col(FIELD).is_null(),
            "input-required",
            format_text("criterion {} has several inputs: say which one in the input column", pl.col(CRITERION)),
            "fill the input column (the template lists the input names)",
            cell_params(criterion=pl.col(CRITERION)),
        ),
        _Check(
            pl.col("kind").is_null(),
            "unknown-input",
            format_text("criterion {} has no input named {}", pl.col(CRITERION), pl.col(FIELD)),
            "use the input names of the criteria set (pari template lists them)",
            cell_params(criterion=pl.col(CRITERION), input=pl.col(FIELD)),
        ),
    ]
    if known_communes is not None:
        structure.append(
            _Check(
                ~pl.col(COMMUNE).is_in(known_communes.implode()),
                "unknown-commune",
                format_text("commune {} is not in the commune register", pl.col(COMMUNE)),
                "add it to the register, or correct the code (codes keep their leading zeros)",
                cell_params(commune=pl.col(COMMUNE)),
            )
        )
    return structure


def _value_checks(cells: pl.DataFrame, table: LeafTable) -> list[_Check]:
    """The checks on typed values: readable for their kind, within the kind's and the input's
    bounds, and "not applicable" only where the item allows it. ``cells`` are typed already
    (``num``, ``flag``, ``day``, ``text``): the date and number notes are taken from them."""
    kind = pl.col("kind")
    num = pl.col("num")
    input_key = pl.col(CRITERION) + ":" + pl.col(FIELD)
    unreadable = (
        (kind.is_in(NUMERIC_KINDS) & num.is_null())
        | (kind.is_in(BOOLEAN_KINDS) & pl.col("flag").is_null())
        | (kind.is_in(DATE_KINDS) & pl.col("day").is_null())
        | (kind.is_in(["status", "level"]) & pl.col("text").is_null())
    )
    not_allowed = [leaf.id for leaf in table.leaves if leaf.not_applicable is NotApplicable.not_allowed]
    # A date refused for its year (15/12/25, 01/01/0000) or size gets its own finding and hint.
    date_notes = date_problems(cells.filter(kind.is_in(DATE_KINDS) & pl.col("day").is_null())[VALUE])
    number_notes = number_problems(cells.filter(kind.is_in(NUMERIC_KINDS) & num.is_null())[VALUE])
    return [
        *_date_checks(date_notes),
        *_number_checks(number_notes),
        _Check(
            unreadable,
            "bad-value",
            format_text("{} is not {}", pl.col(VALUE), kind.replace_strict(EXPECTED_TEXT, default="valid")),
            UNREADABLE_HINT,
            cell_params(value=pl.col(VALUE), expected=kind),
        ),
        _Check(
            kind.is_in(["number", "count", "percent"]) & (num < 0),
            "negative-value",
            format_text("{} is negative; counts and amounts cannot be below 0", pl.col(VALUE)),
            "correct the cell",
            cell_params(value=pl.col(VALUE)),
        ),
        _Check(
            (kind == "percent") & (num > 100 * EXACT_SCALE),
            "percent-above-100",
            format_text("{} % is above 100 %", pl.col(VALUE)),
            "a percentage lies between 0 and 100",
            cell_params(value=pl.col(VALUE)),
        ),
        _Check(
            (kind == "count") & (num % EXACT_SCALE != 0),
            "not-whole",
            format_text("{} is not a whole number", pl.col(VALUE)),
            "a count is a whole number",
            cell_params(value=pl.col(VALUE)),
        ),
        # Declared input bounds, joined onto each cell with its kind (see LeafTable.fields).
        _Check(
            num < pl.col("_min"),
            "below-minimum",
            format_text(
                "{} is below the minimum {}", pl.col(VALUE), input_key.replace_strict(table.min_texts, default="")
            ),
            "correct the cell",
            cell_params(value=pl.col(VALUE), limit=input_key.replace_strict(table.min_texts, default="")),
        ),
        _Check(
            num > pl.col("_max"),
            "above-maximum",
            format_text(
                "{} is above the maximum {}", pl.col(VALUE), input_key.replace_strict(table.max_texts, default="")
            ),
            "correct the cell",
            cell_params(value=pl.col(VALUE), limit=input_key.replace_strict(table.max_texts, default="")),
        ),
        _Check(
            (pl.col(FIELD) == "n/a") & pl.col("flag") & pl.col(CRITERION).is_in(not_allowed),
            "na-not-allowed",
            format_text("criterion {} cannot be marked not applicable", pl.col(CRITERION)),
            "score it, or give an explanation for the appraisal council",
            cell_params(criterion=pl.col(CRITERION)),
        ),
    ]


FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)


def _ledger(all_rows: pl.DataFrame, used_parts: Sequence[pl.DataFrame], findings: pl.DataFrame) -> pl.DataFrame:
    """One row per source row: scored (its values used), partial (some used, some rejected),
    rejected, or empty, with reasons."""
    # A row repeating an earlier one with the same value is counted once, through the earlier
    # row: it was used, not empty.
    repeated = findings.filter(pl.col("kind") == "duplicate-row").select(
        pl.col("file").alias(FILE), pl.col("sheet").alias(SHEET), pl.col("row").alias(ROW)
    )
    reasons = (
        findings.filter(
            pl.col("row").is_not_null() & ((pl.col("severity") == "error") | (pl.col("kind") == "duplicate-row"))
        )
        .group_by("file", "sheet", "row")
        .agg(
            pl.col("message").unique().sort().str.join("; ").alias("reasons"),
            (pl.col("severity") == "error").any().alias("_error"),
        )
        .rename({"file": FILE, "sheet": SHEET, "row": ROW})
    )
    # Each source row as one integer (the sheet's number among the input sheets, then the row),
    # so that rows are matched on one number: joining millions of rows on the file name, sheet
    # and row grew worse than linearly (5.7 s for 100,000 communes), and one join per sheet is
    # slow when every commune sends its own file.
    # The sheet is numbered by its file's number and its name's number, looked up per row (a join
    # on the file and sheet names copied every row, and was the peak of a national intake).
    sheet = [FILE, SHEET]
    files = {name: i for i, name in enumerate(all_rows.get_column(FILE).drop_nulls().unique().to_list())}
    names = {name: i + 1 for i, name in enumerate(all_rows.get_column(SHEET).drop_nulls().unique().to_list())}

    def row_key(frame: FrameT) -> FrameT:
        file_number = pl.col(FILE).cast(pl.String).replace_strict(files, default=None, return_dtype=pl.Int64)
        name_number = (
            pl.when(pl.col(SHEET).is_null())
            .then(pl.lit(0, dtype=pl.Int64))
            .otherwise(pl.col(SHEET).replace_strict(names, default=None, return_dtype=pl.Int64))
        )
        sheet_number = file_number * (len(names) + 1) + name_number
        return frame.with_columns((sheet_number * 2**32 + pl.col(ROW)).alias("_row_key"))

    # The used rows as keys alone, part by part: their file names, gathered as text for every
    # accepted cell and meta row, were the intake's peak.
    used = pl.concat(
        [row_key(part.select(FILE, SHEET, ROW)).get_column("_row_key") for part in [*used_parts, repeated]]
    ).sort()
    keys = row_key(all_rows.select(FILE, SHEET, ROW)).get_column("_row_key")
    # A row is used when its key is among the sorted used keys: a binary search needs less
    # memory than the hash table of ``is_in`` over 1.3 million keys (the peak of the ledger).
    at = used.search_sorted(keys).clip(upper_bound=max(used.len() - 1, 0))
    is_used = (used.gather(at) == keys).fill_null(False) if used.len() else pl.repeat(False, keys.len(), eager=True)
    # Only the keys are joined to the reasons (one per row, in the rows' order), and the result
    # set beside the rows: joining the rows themselves copied every row's file name.
    found = pl.DataFrame([keys, is_used.alias("_used")]).join(
        row_key(reasons).drop(sheet, ROW), on="_row_key", how="left", maintain_order="left"
    )
    del keys, used, at, is_used
    ledger = (
        all_rows.with_columns(found.get_column("_used"), found.get_column("_error"), found.get_column("reasons"))
        .with_columns(pl.coalesce("reasons", UNREAD).alias("reasons"))
        .with_columns(
            # "partial": some of the row was used, some rejected (e.g. a self-score kept while
            # its 120 % value was refused); the reasons say what.
            pl.when(pl.col("_used") & pl.col("_error").fill_null(False))
            .then(pl.lit("partial"))
            .when(pl.col("_used"))
            .then(pl.lit("scored"))
            .when(pl.col("reasons").is_not_null())
            .then(pl.lit("rejected"))
            .otherwise(pl.lit("empty"))
            .alias("status")
        )
        .select(pl.col(FILE).alias("file"), pl.col(SHEET).alias("sheet"), pl.col(ROW).alias("row"), "status", "reasons")
    )
    return ledger


#: Above this many cells, checks run on slices of communes: the checks join, group and parse,
#: and their working memory grows with the slice rather than with the whole country.
CHUNK_CELLS = 500_000


def check_cells(
    pieces: list[pl.DataFrame], table: LeafTable, known_communes: pl.Series | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Accepted (typed) cells and findings for the cells of every sheet, checking large inputs a
    slice of communes at a time. Slices are cut by commune, so duplicates (same commune, item and
    field, even from different files) meet in one slice. ``pieces`` is consumed: each sheet's
    cells are released as soon as they are sliced, so the cells exist once, not twice."""
    total = sum(piece.height for piece in pieces)
    if total <= CHUNK_CELLS:
        cells = pl.concat(pieces) if pieces else pl.DataFrame(schema=CELL_SCHEMA)
        pieces.clear()
        return _check_and_type(cells, table, known_communes)
    count = -(-total // CHUNK_CELLS)
    slices: list[list[pl.DataFrame]] = [[] for _ in range(count)]
    while pieces:
        piece = pieces.pop(0)
        parts = piece.with_columns((pl.col(COMMUNE).hash(seed=7) % count).alias("_slice")).partition_by(
            "_slice", include_key=True, maintain_order=True, as_dict=True
        )
        del piece
        for (index,), part in parts.items():
            slices[int(index)].append(part.drop("_slice"))
        del parts
    accepted: list[pl.DataFrame] = []
    findings: list[pl.DataFrame] = []
    while slices:
        group = slices.pop(0)
        if not group:
            continue
        cells = pl.concat(group)
        group.clear()
        ok, found = _check_and_type(cells, table, known_communes)
        del cells
        accepted.append(ok)
        findings.append(found)
    return pl.concat(accepted), pl.concat(findings)


def _meta_column_name(headers: dict[str, str]) -> pl.Expr:
    """The sheet column a row's meta field came from: ``self_score``; ``value`` when the row's
    input named the field; ``1.1.1:self_score`` in a wide sheet, or the header as written there
    (``headers``, see :func:`_meta_header_key`)."""
    source = pl.col("_source")
    wide = pl.col(CRITERION) + ":" + pl.col(FIELD)
    if headers:
        where = pl.concat_str([pl.col(FILE), pl.col(SHEET).fill_null(""), source, wide], separator="|")
        wide = where.replace_strict(headers, default=wide, return_dtype=pl.String)
    return (
        pl.when(source.str.starts_with("wide"))
        .then(wide)
        .when(source == VALUE)
        .then(pl.lit(VALUE))
        .otherwise(pl.col(FIELD))
    )


def _meta_as_cells(rows: pl.DataFrame, headers: dict[str, str]) -> pl.DataFrame:
    """Meta rows as one cell per filled field (CELL_SCHEMA)."""
    long = rows.unpivot(
        index=[COMMUNE, CRITERION, FILE, SHEET, ROW, "_source"],
        on=list(META_COLUMNS),
        variable_name=FIELD,
        value_name=VALUE,
    ).filter(pl.col(VALUE).is_not_null())
    cells = long.select(COMMUNE, CRITERION, FIELD, VALUE, FILE, SHEET, ROW, _meta_column_name(headers).alias(COLUMN))
    return cells.cast(CELL_SCHEMA)  # type: ignore[arg-type]


def _split_meta_rows(
    rows: pl.DataFrame, table: LeafTable, known_communes: pl.Series | None, headers: dict[str, str]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Meta rows whose commune and item are known, and the others as cells. Those few go through
    the cell checks with the inputs, which report each of their fields at its place."""
    misplaced = (
        pl.col(COMMUNE).is_null()
        | pl.col(CRITERION).is_null()
        | pl.col(COMMUNE).str.contains(CODE_FORBIDDEN)  # reported with the cells (control-character)
        | ~pl.col(CRITERION).is_in(table.default_input[CRITERION].implode())
    )
    if known_communes is not None:
        misplaced = misplaced | ~pl.col(COMMUNE).is_in(known_communes.implode())
    misplaced = misplaced.fill_null(True)
    return rows.filter(~misplaced), _meta_as_cells(rows.filter(misplaced), headers)


def _meta_findings(
    rows: pl.DataFrame,
    headers: dict[str, str],
    severity: str,
    kind: str,
    message: pl.Expr,
    hint: str,
    params: pl.Expr | None = None,
) -> pl.DataFrame:
    """Findings for one meta field of some meta rows; ``rows`` has FIELD and VALUE columns."""
    placed = rows.with_columns(_meta_column_name(headers).alias(COLUMN))
    return _cell_findings(placed, severity, kind, message, hint, params)


def _evidence_place(headers: dict[str, str]) -> list[pl.Expr]:
    """EVIDENCE_PLACE of a meta row (FIELD set to evidence_file): the row itself, and the column
    of its evidence file (null when the row names no file)."""
    file_column = pl.when(pl.col("evidence_file").is_not_null()).then(_meta_column_name(headers))
    return [
        pl.col(FILE).cast(pl.String).alias("_at_file"),
        pl.col(SHEET).alias("_at_sheet"),
        pl.col(ROW).alias("_at_row"),
        file_column.alias("_at_column"),
    ]


def _unread_meta_findings(bad: pl.DataFrame, name: str, headers: dict[str, str]) -> list[pl.DataFrame]:
    """Findings for meta rows whose field ``name`` could not be read: an implausible date, a
    self-score finer than 4 decimals or out of range (refused, never rounded), else bad-value."""
    noted_kinds: list[tuple[str, dict[str, str], str]] = []
    if name == "evidence_date":
        noted_kinds.append(("implausible-date", date_problems(bad[name]), DATE_YEAR_HINT))
    if name == "self_score":
        found = number_problems(bad[name], places=4)
        for kind, hint in NUMBER_HINTS.items():
            noted_kinds.append((kind, {t: m for t, (k, m) in found.items() if k == kind}, hint))
    findings: list[pl.DataFrame] = []
    for kind, notes, hint in noted_kinds:
        if not notes:
            continue
        noted = bad.filter(pl.col(name).is_in(list(notes)))
        bad = bad.filter(~pl.col(name).is_in(list(notes)))
        message = pl.col(VALUE).replace_strict(notes, default=None, return_dtype=pl.String)
        as_field = noted.with_columns(pl.lit(name).alias(FIELD), pl.col(name).alias(VALUE))
        findings.append(
            _meta_findings(as_field, headers, "error", kind, message, hint, cell_params(value=pl.col(VALUE)))
        )
    if bad.height:
        message = format_text("{} is not {}", pl.col(VALUE), pl.lit(EXPECTED_TEXT["meta:" + name]))
        as_field = bad.with_columns(pl.lit(name).alias(FIELD), pl.col(name).alias(VALUE))
        params = cell_params(value=pl.col(VALUE), expected=pl.lit("meta:" + name))
        findings.append(_meta_findings(as_field, headers, "error", "bad-value", message, UNREADABLE_HINT, params))
    return findings


def _check_meta(
    rows: pl.DataFrame, headers: dict[str, str]
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Self-scores and evidence of rows whose commune and item are known, checked like cells one
    field at a time, without making a cell of each: the same field of one item with different
    texts in several rows is a conflict (none used); unreadable numbers and dates are rejected;
    the same accepted value again is a repeat (counted once).

    Returns the accepted meta (META_SCHEMA), findings, the source rows that gave any of it, and
    where each item's self-score and evidence came from (PLACE_SCHEMA)."""
    findings: list[pl.DataFrame] = []
    key = [COMMUNE, CRITERION]
    rows = rows.with_columns(pl.len().over(key).alias("_n"))
    # Only an item's meta in several rows (several inputs, a repeated row, another file) needs the
    # per-field comparisons; most items have one row.
    several = pl.col("_n") > 1

    single, multi = rows.filter(~several), rows.filter(several)
    has_several = multi.height > 0
    if has_several:
        multi = _each_meta_field(
            multi,
            _meta_conflict,
            lambda hits: findings.append(
                _meta_findings(
                    hits, headers, "error", "conflicting-values", _conflict_message(), CONFLICT_HINT, _conflict_params()
                )
            ),
        )
        rows = pl.concat([single, multi])

    rows = _typed_meta(rows, headers, findings)

    if has_several:
        # Repeats among accepted values only (as for cells): one copy of each field is used.
        single, multi = rows.filter(~several), rows.filter(several)
        multi = _each_meta_field(
            multi,
            lambda name: _repeat_label(pl.col(name).is_not_null(), key),
            lambda hits: findings.append(_repeat_findings(hits, _meta_column_name(headers))),
        )
        rows = pl.concat([single, multi])
    rows = rows.drop("_n").filter(pl.any_horizontal(pl.col(name).is_not_null() for name in META_COLUMNS))
    used = rows.select(FILE, SHEET, ROW)
    places = _meta_places(rows, headers, several=has_several)
    rows = rows.with_columns(pl.lit("evidence_file").alias(FIELD)).with_columns(_evidence_place(headers)).drop(FIELD)
    if has_several:
        # One item's fields may come from different rows; after the checks above each field is
        # filled in one of them. The evidence place is the row that gave the evidence file.
        file_first = pl.col("evidence_file").is_null()
        rows = rows.group_by(key, maintain_order=True).agg(
            *(pl.col(name).drop_nulls().first() for name in META_COLUMNS),
            *(pl.col(name).sort_by(file_first).first() for name in EVIDENCE_PLACE),
        )
    meta = rows.select(list(META_SCHEMA)).cast(META_SCHEMA)  # type: ignore[arg-type]
    return meta, (pl.concat(findings) if findings else empty_findings()), used, places


def _each_meta_field(
    frame: pl.DataFrame, label: Callable[[str], pl.Expr], emit: Callable[[pl.DataFrame], None]
) -> pl.DataFrame:
    """For each meta field: the rows where ``label(field)`` is not null go to ``emit`` (with the
    label in ``_repeat``, the field in FIELD and its text in VALUE), and the field is nulled
    there."""
    for name in META_COLUMNS:
        marked = frame.with_columns(label(name).alias("_repeat"))
        hits = marked.filter(pl.col("_repeat").is_not_null())
        if hits.height:
            emit(hits.with_columns(pl.lit(name).alias(FIELD), pl.col(name).cast(pl.String).alias(VALUE)))
            frame = marked.with_columns(pl.when(pl.col("_repeat").is_null()).then(pl.col(name)).alias(name)).drop(
                "_repeat"
            )
    return frame


def _meta_conflict(name: str) -> pl.Expr:
    """ "conflict" where one item's meta field ``name`` has more than one distinct text."""
    present = pl.col(name).is_not_null()
    return pl.when(present & (pl.col(name).drop_nulls().n_unique().over([COMMUNE, CRITERION]) > 1)).then(
        pl.lit("conflict")
    )


def _typed_meta(rows: pl.DataFrame, headers: dict[str, str], findings: list[pl.DataFrame]) -> pl.DataFrame:
    """The meta fields parsed in place (META_PARSERS); a text that does not parse is nulled and
    appended to ``findings``."""
    typed = {name: _parsed_once(rows, name, parser) for name, parser in META_PARSERS.items()}
    rows = rows.with_columns(**{"_" + name: expr for name, expr in typed.items()})
    for name in typed:
        bad = rows.filter(pl.col(name).is_not_null() & pl.col("_" + name).is_null())
        if bad.height:
            findings += _unread_meta_findings(bad, name, headers)
    return rows.with_columns(pl.col("_" + name).alias(name) for name in typed).drop(*("_" + n for n in typed))


def _meta_places(rows: pl.DataFrame, headers: dict[str, str], several: bool) -> pl.DataFrame:
    """Where each item's accepted self-score and evidence came from (PLACE_SCHEMA): the first row
    giving it, and the column it was in (for evidence, the file column when there is one)."""
    key = [COMMUNE, CRITERION]
    evidence_field = pl.coalesce(*(pl.when(pl.col(name).is_not_null()).then(pl.lit(name)) for name in EVIDENCE_COLUMNS))
    parts = []
    for place, present, which in (
        ("self_score", pl.col("self_score").is_not_null(), pl.lit("self_score")),
        ("evidence", pl.any_horizontal(pl.col(n).is_not_null() for n in EVIDENCE_COLUMNS), evidence_field),
    ):
        hits = rows.filter(present)
        if several:
            hits = hits.unique(subset=key, keep="first", maintain_order=True)
        parts.append(
            hits.with_columns(which.alias(FIELD)).select(
                COMMUNE,
                CRITERION,
                pl.lit(place).alias("place"),
                pl.col(FILE).alias("file"),
                pl.col(SHEET).alias("sheet"),
                pl.col(ROW).alias("row"),
                _meta_column_name(headers).alias("column"),
            )
        )
    return pl.concat(parts).cast(PLACE_SCHEMA)  # type: ignore[arg-type]


def _source_rows(parts: list[tuple[pl.DataFrame, str | None]]) -> pl.DataFrame:
    """Every row of every sheet (file, sheet, row) and why it was not read (a missing column).
    Taken column by column, not by a query per sheet: a query cost more than the rows of a
    one-commune file (a national set sent as 10,600 files)."""
    if not parts:
        return pl.DataFrame(schema={FILE: pl.String, SHEET: pl.String, ROW: pl.Int64, UNREAD: pl.String})
    frames = [
        pl.DataFrame([frame.get_column(FILE), frame.get_column(SHEET), frame.get_column(ROW)]) for frame, _ in parts
    ]
    unread = pl.Series(UNREAD, [text for frame, text in parts for _ in range(frame.height)], dtype=pl.String)
    return pl.concat(frames).with_columns(unread)


def read_assessments(
    paths: Sequence[str | Path],
    leaves: Sequence[Leaf],
    known_communes: pl.Series | None = None,
) -> Intake:
    """Read assessment (or survey) files in long or wide form into checked, typed cells."""
    if not paths:
        raise IntakeError(Problem("no-input", "no assessment file was given", hint="pari score FILE ..."))
    table = LeafTable.build(leaves)
    result = read_many_tables(list(paths))  # runs of small CSV files read together
    problems = list(result.problems)
    cell_parts: list[pl.DataFrame] = []
    meta_parts: list[pl.DataFrame] = []
    meta_headers: dict[str, str] = {}
    row_parts: list[tuple[pl.DataFrame, str | None]] = []
    # Consecutive sheets with the same form and columns (typically one file per commune) are
    # read as one frame; each group's frames are freed once they are cells.
    sheets = result.sheets
    result.sheets = []
    group: list[_SheetPlan] = []
    while sheets or group:
        plan = _plan_sheet(sheets.pop(0), table) if sheets else None
        if group and (plan is None or plan.signature != group[0].signature):
            cells, meta_rows, headers = _group_cells(group, table)
            cell_parts.append(cells)
            meta_parts.append(meta_rows)
            meta_headers.update(headers)
            group = []
        if plan is None:
            continue
        group.append(plan)
        problems += plan.problems
        # A sheet missing a required column is not read at all: its rows are rejected, not empty.
        unread = [p.message for p in plan.problems if p.code == "missing-column"]
        # Only where each row is, for the ledger: keeping the whole sheet here would hold every
        # string of the grid until the intake ends.
        where = plan.sheet.frame.select(FILE, SHEET, ROW)
        row_parts.append((where, "; ".join(unread) if unread else None))
    if not cell_parts and problems:
        raise IntakeError(problems)
    meta_rows, misplaced = _split_meta_rows(
        pl.concat(meta_parts) if meta_parts else _no_meta_rows(), table, known_communes, meta_headers
    )
    meta_parts.clear()
    cell_parts.append(misplaced)
    accepted, findings = check_cells(cell_parts, table, known_communes)
    meta, meta_findings, meta_used, places = _check_meta(meta_rows, meta_headers)
    del meta_rows
    findings = pl.concat([problems_to_findings(problems), findings, meta_findings])
    all_rows = _source_rows(row_parts)
    ledger = _ledger(all_rows, [accepted, meta_used], findings)
    return Intake(cells=accepted, meta=meta, findings=findings, ledger=ledger, places=places)


#: Unit types as findings name them.
_UNIT_WORDS = {
    UnitType.commune: ("commune", "communes"),
    UnitType.ward: ("ward", "wards"),
    UnitType.township: ("township", "townships"),
    UnitType.special_zone: ("special zone", "special zones"),
}


def wrong_unit_findings(intake: Intake, leaves: Sequence[Leaf], units: pl.DataFrame) -> pl.DataFrame:
    """A warning for each value, self-score or evidence given for an item that does not apply to
    the unit's type (the leaf's ``applies_to``): the rules leave the item out of that unit's
    maximum whatever it holds, so the value would otherwise vanish without a word. ``units`` has
    the register's ``code`` and ``unit_type``. An n/a mark there agrees with the rules and is not
    reported; units of unknown type have the register's own warning."""
    limited = {leaf.id: leaf.applies_to for leaf in leaves if leaf.applies_to is not None}
    if not limited:
        return empty_findings()
    pairs = [{CRITERION: item, "_type": kind.value} for item, kinds in limited.items() for kind in kinds]
    allowed = pl.DataFrame(pairs, schema={CRITERION: pl.String, "_type": pl.String})
    only = {item: ", ".join(_UNIT_WORDS[t][1] for t in UnitType if t in kinds) for item, kinds in limited.items()}
    where = [COMMUNE, CRITERION, FILE, SHEET, ROW, COLUMN]
    place_columns = {"file": FILE, "sheet": SHEET, "row": ROW, "column": COLUMN}
    # Only the limited items' rows are gathered: all cells and places together, with their file
    # names as text, briefly doubled the intake's memory.
    mine = pl.col(CRITERION).is_in(list(limited))
    given = pl.concat(
        [
            intake.cells.filter(mine & (pl.col(FIELD) != "n/a")).select(where).cast({FILE: pl.String}),
            intake.places.filter(mine).rename(place_columns).select(where),
        ]
    )
    typed = units.select(pl.col("code").alias(COMMUNE), pl.col("unit_type").alias("_type")).drop_nulls()
    wrong = (
        given.join(typed, on=COMMUNE)
        .join(allowed, on=[CRITERION, "_type"], how="anti")
        .sort(FILE, SHEET, ROW, COLUMN, nulls_last=True)
    )
    if wrong.height == 0:
        return empty_findings()
    message = format_text(
        "unit {} is a {}; item {} applies only to {}, so this value was not scored",
        pl.col(COMMUNE),
        pl.col("_type").replace_strict({t.value: words[0] for t, words in _UNIT_WORDS.items()}),
        pl.col(CRITERION),
        pl.col(CRITERION).replace_strict(only, default=None),
    )
    hint = "leave it empty (the template locks these rows), or correct the unit's type in the register"
    codes = {item: ",".join(t.value for t in UnitType if t in kinds) for item, kinds in limited.items()}
    params = cell_params(
        commune=pl.col(COMMUNE),
        criterion=pl.col(CRITERION),
        unit_type=pl.col("_type"),
        unit_types=pl.col(CRITERION).replace_strict(codes, default=None),
    )
    return _cell_findings(wrong, "warning", "not-applicable-to-unit", message, hint, params)


def evaluation_frame(intake_cells: pl.DataFrame, leaves: Sequence[Leaf], communes: pl.DataFrame) -> pl.DataFrame:
    """The wide frame the compiled rules evaluate: one row per commune of ``communes``
    (columns code, unit_type), one typed column per input, N/A flags."""
    schema = frame_schema(leaves)
    inputs = intake_cells.filter(~pl.col("kind").str.starts_with("meta:") | (pl.col(FIELD) == "n/a"))
    inputs = inputs.with_columns(
        (pl.col(CRITERION) + ":" + pl.col(FIELD)).alias("_key"),
    )
    base = communes.select(pl.col("code").alias(COMMUNE), pl.col("unit_type").alias(UNIT_TYPE))
    frame = base
    # An exact number (Int128 counts of 1/10**14) as its units of 1/10,000 and the rest below one
    # unit (compiling.rest_column). Only non-zero rests are spread: most inputs have none.
    exact = pl.col("num")
    inputs = inputs.with_columns((exact // REST_SCALE).cast(pl.Int64).alias("_units"))
    rests = inputs.filter(pl.col("kind").is_in(["number", "count", "percent"]) & (exact % REST_SCALE != 0))
    if rests.height:
        rests = rests.select(
            COMMUNE,
            (pl.col("_key") + ":" + REST_SUFFIX).alias("_key"),  # compiling.rest_column
            (exact % REST_SCALE).cast(pl.Int64).alias("_rest"),
        )
        frame = frame.join(
            rests.pivot(on="_key", index=COMMUNE, values="_rest", aggregate_function="first"), on=COMMUNE, how="left"
        )
    for value_col, kinds in (
        ("_units", ["number", "count", "percent"]),
        ("flag", ["boolean", "meta:n/a"]),
        ("day", ["date"]),
        ("text", ["status", "level"]),
    ):
        part = inputs.filter(pl.col("kind").is_in(kinds))
        if part.height == 0:
            continue
        part = part.with_columns(
            pl.when(pl.col(FIELD) == "n/a").then(pl.col(CRITERION) + ":n/a").otherwise(pl.col("_key")).alias("_key")
        )
        wide = part.pivot(on="_key", index=COMMUNE, values=value_col, aggregate_function="first")
        frame = frame.join(wide, on=COMMUNE, how="left")
    missing = {c: t for c, t in schema.items() if c not in frame.columns}
    frame = frame.with_columns(pl.lit(None, dtype=t).alias(c) for c, t in missing.items())
    return frame.select(list(schema)).cast(schema)  # type: ignore[arg-type]


__all__ = [
    "CELL_SCHEMA",
    "FINDING_SCHEMA",
    "INPUT_DTYPES",
    "META_SCHEMA",
    "PLACE_SCHEMA",
    "Intake",
    "LeafTable",
    "empty_findings",
    "evaluation_frame",
    "na_column",
    "problems_to_findings",
    "read_assessments",
    "wrong_unit_findings",
]
