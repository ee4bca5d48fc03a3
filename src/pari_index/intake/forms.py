"""The two forms of an assessment sheet, long and wide, turned into cells and meta rows.

Consecutive sheets with the same form and columns (typically one file per commune) are planned
alike (:class:`SheetPlan`) and read as one frame (:func:`group_cells`)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.errors import Problem, quoted
from pari_index.intake.meta import long_header_keys, meta_header_key, written_column
from pari_index.intake.model import LeafTable
from pari_index.intake.rejects import ORDER
from pari_index.intake.schema import (
    ASSESSMENT_ALIASES,
    CELL_SCHEMA,
    COLUMN,
    CRITERION,
    DESCRIPTIVE_KEYS,
    FIELD,
    META_COLUMNS,
    META_FIELDS,
    META_ROW_SCHEMA,
    NOTES_KEYS,
    VALUE,
    meta_field_of,
)
from pari_index.intake.sheet import (
    FILE,
    ROW,
    SHEET,
    Sheet,
    heading_in,
    rename_columns,
    same_field_columns,
)
from pari_index.textexpr import format_text


def no_meta_rows() -> pl.DataFrame:
    return pl.DataFrame(schema=META_ROW_SCHEMA)


def long_cells(
    frame: pl.DataFrame, table: LeafTable, span: int = 0, headings: dict[str, str] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Cells and meta rows of long-form rows (of one sheet, or of sheets with the same columns).
    When ``frame`` has ORDER (each row's place among the rows of its group, which are ``span``),
    the cells and meta rows get theirs in the order of the group's cells and meta rows read at
    once: rows' values, then their n/a marks; rows' meta columns, then meta fields in a value
    column. A group can so be read a slice of rows at a time (:func:`.assessments.sheet_groups`).
    ``headings`` (:func:`long_headers`): a cell's column as its sheet writes the heading («Giá
    trị»), which findings name."""
    value_column = written_column(pl.lit(VALUE), headings or {})
    na_column = written_column(pl.lit("n/a"), headings or {})
    ordered = ORDER in frame.columns
    base = [COMMUNE, CRITERION, FILE, SHEET, ROW, *([ORDER] if ordered else [])]
    later = [(pl.col(ORDER) + span).alias(ORDER)] if ordered else []
    parts: list[pl.DataFrame] = []
    meta_parts: list[pl.DataFrame] = []
    if VALUE in frame.columns:
        field = pl.col("input") if "input" in frame.columns else pl.lit(None, dtype=pl.String)
        # Only the columns the cells keep go through the join (not the meta columns of every row).
        wanted = [*base, VALUE, *(["input"] if "input" in frame.columns else [])]
        # The item's default input looked up (replace_strict), not joined: the join made every
        # row again (0.03 CPU s of a national file's 12 slices).
        defaults = table.default_input
        default = pl.col(CRITERION).replace_strict(
            defaults.get_column(CRITERION), defaults.get_column("default_field"), default=None, return_dtype=pl.String
        )
        values = (
            frame.lazy()
            .filter(pl.col(VALUE).is_not_null())
            .select(wanted)
            .with_columns(pl.coalesce(field, default).alias(FIELD))
            .collect()
        )
        # A row whose input names a meta field (input self_score, the points in the value column)
        # gives that field, as a meta row of its own.
        as_meta = pl.col(FIELD).is_in(list(META_COLUMNS)).fill_null(False)
        parts.append(values.filter(~as_meta).select(*base, FIELD, VALUE, value_column.alias(COLUMN)))
        via_value = values.filter(as_meta)
        if via_value.height:
            meta_parts.append(
                via_value.select(
                    *base,
                    pl.lit(VALUE).alias("_source"),
                    *[pl.when(pl.col(FIELD) == m).then(pl.col(VALUE)).alias(m) for m in META_COLUMNS],
                ).with_columns(later)
            )
    if "n/a" in frame.columns:
        parts.append(
            _rows_where(frame, pl.col("n/a").is_not_null())
            .select(*base, pl.lit("n/a").alias(FIELD), pl.col("n/a").alias(VALUE), na_column.alias(COLUMN))
            .with_columns(later)
        )
    # In CELL_SCHEMA order, so that long and wide sheets concatenate in one run.
    columns = [*CELL_SCHEMA, *([ORDER] if ordered else [])]
    cells = (
        pl.concat([p.select(columns).cast(CELL_SCHEMA) for p in parts])  # type: ignore[arg-type]
        if parts
        else pl.DataFrame(schema=CELL_SCHEMA)
    )
    present = [m for m in META_COLUMNS if m in frame.columns]
    if present:
        meta_parts.insert(
            0,
            _rows_where(frame, pl.any_horizontal(pl.col(m).is_not_null() for m in present)).select(
                *base,
                pl.lit(None, dtype=pl.String).alias("_source"),
                *[pl.col(m) if m in present else pl.lit(None, dtype=pl.String).alias(m) for m in META_COLUMNS],
            ),
        )
    if not meta_parts:
        return cells, no_meta_rows()
    return cells, pl.concat([m.cast(META_ROW_SCHEMA) for m in meta_parts])  # type: ignore[arg-type]


def _rows_where(frame: pl.DataFrame, condition: pl.Expr) -> pl.DataFrame:
    """The rows of ``frame`` meeting ``condition``, filtered lazily: the frame of sheets read
    together is in chunks (pl.concat), which an eager filter put together again first, every
    column of every row: 190 MB for a file of 2.4 million rows of a code alone, of which 360
    were kept (limits28/millions-of-tiny-rows)."""
    return frame.lazy().filter(condition).collect()


def notes_column(sheet: Sheet, column: str) -> Problem:
    """A column of notes (schema.NOTES_KEYS): told once at its heading, as a warning."""
    return Problem(
        "notes-column",
        f"column {quoted(column)} holds notes: no rule reads them, and nothing in it was scored",
        file=sheet.file,
        sheet=sheet.name,
        row=sheet.header_row,
        field=column,
        hint="nothing to do for remarks; an item that did not arise is marked in the n/a column, and a value "
        "to score goes in its own column (pari template)",
        severity="warning",
        params={"column": quoted(column)},
    )


def _wide_value_columns(sheet: Sheet, table: LeafTable) -> tuple[list[str], list[Problem]]:
    """The columns of a wide sheet naming an item of the set, and a problem for each other one."""
    leaf_ids = set(table.default_input[CRITERION].to_list())
    value_columns: list[str] = []
    problems: list[Problem] = []
    for col in sheet.frame.columns:
        if col.startswith("_") or col == COMMUNE or heading_in(col, DESCRIPTIVE_KEYS):
            continue
        if col.split(":", 1)[0].strip() in leaf_ids:
            value_columns.append(col)
        elif heading_in(col, NOTES_KEYS):
            problems.append(notes_column(sheet, col))
        else:
            problems.append(
                Problem(
                    "unknown-column",
                    f"column {quoted(col)} is neither a criterion of the set nor a known column; "
                    "its values were not read",
                    file=sheet.file,
                    sheet=sheet.name,
                    row=sheet.header_row,
                    field=col,
                    hint="wide columns are named like 1.1.4:done or 1.1.1 (see docs/data-formats.md)",
                    params={"column": quoted(col)},
                )
            )
    return value_columns, problems


#: A wide cell's sheet row (its place in the frame) and value column (its place among them).
_AT, _OF = "_at", "_of"
#: A wide meta row's (item, source) pair, by number (see :func:`_wide_meta_rows`).
_PAIR = "_pair"


def _meta_spelling(names: pl.DataFrame, table: LeafTable) -> pl.DataFrame:
    """``names`` with each ``_field`` that is a commune's own field written as a heading of it may
    be (``self score``, ``Điểm tự chấm``, ``Evidence Number``: schema.ASSESSMENT_ALIASES, any case
    or marks) and is no input of its item, in the field's own spelling. Until session 31 a column
    ``1.1.1:self score`` was an ``unknown-input`` error on each of its rows, when the same heading
    of a long sheet was read."""
    own = set(table.fields.select(CRITERION, FIELD).iter_rows())
    spelled = {}
    for criterion, field in names.select(CRITERION, "_field").drop_nulls().unique().iter_rows():
        meta = meta_field_of(field)
        if meta is not None and meta != field and (criterion, field) not in own:
            spelled[field] = meta
    if not spelled:
        return names
    return names.with_columns(pl.col("_field").replace(spelled))


def _wide_names(table: LeafTable, value_columns: list[str]) -> pl.DataFrame:
    """Each value column of a wide sheet (COLUMN) by its number (_OF): the item it names, the field
    it holds (its own, or the item's default input), and whether that field is a meta field."""
    split = pl.col(COLUMN).str.split_exact(":", 1)
    names = (
        pl.DataFrame({COLUMN: value_columns}, schema={COLUMN: pl.String})
        .with_row_index(_OF)
        .with_columns(
            split.struct.field("field_0").str.strip_chars().alias(CRITERION),
            split.struct.field("field_1").str.strip_chars().alias("_field"),
        )
        .join(table.default_input, on=CRITERION, how="left", maintain_order="left")
    )
    names = _meta_spelling(names, table)
    return names.with_columns(
        pl.col("_field").is_in(list(META_COLUMNS)).fill_null(False).alias("_meta"),
        pl.coalesce("_field", "default_field").alias(FIELD),
    )


def _wide_long(frame: pl.DataFrame, value_columns: list[str]) -> pl.DataFrame:
    """The filled cells of a wide frame, a row each: its sheet row (_AT), its column (_OF), VALUE.
    Only two numbers and the value go through the unpivot: the rest of a cell (its unit, file,
    sheet, row, column heading) is taken by number at the end. Unpivoted with them, a wide form
    of 1.4 million filled cells took 540 MB beside its 3 MB frame (limits24, session 25)."""
    number = {column: str(place) for place, column in enumerate(value_columns)}
    return (
        frame.select(pl.col(value_columns).name.map(number.__getitem__))
        .with_row_index(_AT)
        .unpivot(index=_AT, variable_name=_OF, value_name=VALUE)
        .filter(pl.col(VALUE).is_not_null())
        .with_columns(pl.col(_OF).cast(pl.UInt32))
    )


def _wide_meta_rows(rows: pl.DataFrame, long: pl.DataFrame, meta_of: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The meta rows of a wide frame (a sheet row's meta cells of one item and source, made one row)
    and the meta columns read (those with a filled cell), in order, with their sources."""
    used = meta_of.filter(pl.col(_OF).is_in(long.get_column(_OF).unique().implode()))
    # Two columns naming the same item and field (1.1.1:self_score and 1.1.1 : self_score) give
    # two meta rows, "wide" and "wide:1", checked against each other like two long rows.
    copy = pl.int_range(pl.len()).over(CRITERION, "_field")
    used = used.with_columns(
        pl.when(copy == 0).then(pl.lit("wide")).otherwise(format_text("wide:{}", copy)).alias("_source")
    )
    if used.height == 0:
        return no_meta_rows(), used
    # Each (item, source) by number (_PAIR), in the order met: the pivot's index is two numbers.
    pairs = used.select(CRITERION, "_source").unique(maintain_order=True).with_row_index(_PAIR)
    pair_of = used.join(pairs, on=[CRITERION, "_source"], how="left", maintain_order="left")
    pivoted = (
        long.filter(pl.col(_OF).is_in(used.get_column(_OF).implode()))
        .join(pair_of.select(_OF, _PAIR, "_field"), on=_OF, how="left", maintain_order="left")
        .pivot(on="_field", index=[_AT, _PAIR], values=VALUE)
    )
    at, pair = rows[pivoted.get_column(_AT)], pairs[pivoted.get_column(_PAIR)]
    meta_rows = pl.concat(
        [
            at.select(COMMUNE),
            pair.select(CRITERION),
            at.select(FILE, SHEET, ROW),
            pair.select("_source"),
            pivoted.drop(_AT, _PAIR),
        ],
        how="horizontal",
    ).with_columns(pl.lit(None, dtype=pl.String).alias(m) for m in META_COLUMNS if m not in pivoted.columns)
    return meta_rows.select(list(META_ROW_SCHEMA)).cast(META_ROW_SCHEMA), used  # type: ignore[arg-type]


def _wide_cells(
    frame: pl.DataFrame, table: LeafTable, value_columns: list[str]
) -> tuple[pl.DataFrame, pl.DataFrame, list[tuple[str, str, str, str]]]:
    """Cells and meta rows of wide-form rows (of one sheet, or of sheets with the same columns),
    and the meta columns as (header, criterion, field, source). The cells are in the order of
    their columns, then of their rows; the meta rows in the order their first cell is met so."""
    if not value_columns:
        return pl.DataFrame(schema=CELL_SCHEMA), no_meta_rows(), []
    names = _wide_names(table, value_columns)
    long = _wide_long(frame, value_columns)
    rows = frame.select(COMMUNE, FILE, SHEET, ROW)
    meta_of = names.filter("_meta")
    plain = long.filter(~pl.col(_OF).is_in(meta_of.get_column(_OF).implode()))
    at, of = rows[plain.get_column(_AT)], names[plain.get_column(_OF)]
    cells = pl.concat(
        [
            at.select(COMMUNE),
            of.select(CRITERION, FIELD),
            plain.select(VALUE),
            at.select(FILE, SHEET, ROW),
            of.select(COLUMN),
        ],
        how="horizontal",
    ).cast(CELL_SCHEMA)  # type: ignore[arg-type]
    meta_rows, used = _wide_meta_rows(rows, long, meta_of)
    headers = used.select(COLUMN, CRITERION, "_field", "_source")
    return cells, meta_rows, [(str(h), str(c), str(f), str(src)) for h, c, f, src in headers.iter_rows()]


@dataclass
class SheetPlan:
    """How a sheet is read: its form ("long", "wide", or None when it cannot be read), the wide
    value columns, and its sheet-level problems."""

    sheet: Sheet
    form: str | None
    value_columns: list[str]
    problems: list[Problem]

    @property
    def signature(self) -> tuple[str | None, tuple[str, ...]]:
        return self.form, tuple(self.sheet.frame.columns)


#: Columns only a long sheet has (a wide sheet names them after an item: ``1.1.1:self_score``).
_LONG_ONLY = frozenset({"input", VALUE, *META_FIELDS})


def _missing_column(sheet: Sheet, column: str, message: str, hint: str, found: str) -> Problem:
    """The sheet lacks ``column``: said at its header row, with the headings it has (``found``)."""
    return Problem(
        "missing-column",
        message,
        file=sheet.file,
        sheet=sheet.name,
        row=sheet.header_row,
        hint=hint,
        params={"columns": column, "found": found},
    )


def _no_criterion_column(sheet: Sheet, found: str) -> Problem:
    """A sheet with the long form's columns (a value, a self-score, evidence) but no criterion id
    column, and no item of the set as a heading: a long sheet that lost its criterion_id column.
    Read as a wide one, it was told "unknown column" for each of its columns (value, input …),
    never what was missing."""
    return _missing_column(
        sheet,
        CRITERION,
        f"a long-form sheet needs a criterion id column (criterion_id); found {found}",
        "add a column named criterion_id (or tiêu chí) holding each row's criterion",
        found,
    )


#: The hint of a sheet without a code column that has the rest of a form (a criterion id column):
#: a workbook of one sheet per unit, the unit named only by the sheet's name (session 22: each sheet
#: was told "name it commune_code", which said nothing of what to write in it).
SHEET_PER_UNIT_HINT = (
    "add a column commune_code (or mã xã) holding the unit's code on every row; a workbook of one sheet per "
    "unit needs it in each sheet, since a code is never read from a sheet's name"
)


def _code_hint(columns: list[str]) -> str:
    """What to do about a sheet without a commune code column (``columns``: those it has)."""
    form = CRITERION in columns or any(c[:1].isdigit() for c in columns)  # long, or wide (1.1.1, 1.1.1:self_score)
    return SHEET_PER_UNIT_HINT if form else "name it commune_code (or mã xã)"


def plan_sheet(sheet: Sheet, table: LeafTable) -> SheetPlan:
    clashes = same_field_columns(sheet, ASSESSMENT_ALIASES)
    if clashes:
        return SheetPlan(sheet, None, [], clashes)
    sheet = rename_columns(sheet, ASSESSMENT_ALIASES)
    columns = [c for c in sheet.frame.columns if not c.startswith("_")]
    # The headings found, as the file writes them (Mã, Tiêu chí), not as read (commune_code).
    found = ", ".join(sheet.original_headers.get(c, c) for c in columns)
    if COMMUNE not in columns:
        message = f"no column commune code (commune_code); found {found}"
        problem = _missing_column(sheet, "commune_code", message, _code_hint(columns), found)
        return SheetPlan(sheet, None, [], [problem])
    if CRITERION not in columns:
        value_columns, problems = _wide_value_columns(sheet, table)
        if not value_columns and not _LONG_ONLY.isdisjoint(columns):
            return SheetPlan(sheet, None, [], [_no_criterion_column(sheet, found)])
        return SheetPlan(sheet, "wide", value_columns, problems)
    problems = []
    if VALUE not in columns and not any(m in columns for m in META_FIELDS):
        message, hint = "a long-form sheet needs a value column", "add a column named value (or giá trị)"
        problems.append(_missing_column(sheet, "value", message, hint, found))
    known = {COMMUNE, CRITERION, "input", VALUE, *META_FIELDS}
    for col in columns:
        if col not in known and heading_in(col, NOTES_KEYS):
            problems.append(notes_column(sheet, col))
        elif col not in known and not heading_in(col, DESCRIPTIVE_KEYS):
            problems.append(
                Problem(
                    "unknown-column",
                    f"column {quoted(col)} is not a known column; its values were not read",
                    file=sheet.file,
                    sheet=sheet.name,
                    row=sheet.header_row,
                    field=col,
                    hint="nothing to do for a column of notes; a column to score is named as in the form of pari"
                    " template (docs/data-formats.md)",
                    params={"column": quoted(col)},
                )
            )
    return SheetPlan(sheet, "long", [], problems)


def long_headers(group: list[SheetPlan]) -> dict[str, str]:
    """The headings of long sheets written otherwise than their column ids (:func:`.meta.long_header_keys`)."""
    return {
        key: heading
        for plan in group
        for key, heading in long_header_keys(plan.sheet.file, plan.sheet.name, plan.sheet.original_headers).items()
    }


def _code_heading(sheet: Sheet) -> dict[str, str]:
    return {COMMUNE: sheet.original_headers[COMMUNE]} if COMMUNE in sheet.original_headers else {}


def group_cells(group: list[SheetPlan], table: LeafTable) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, str]]:
    """Cells, meta rows and wide meta headers (see meta_column_name) of consecutive wide sheets
    with the same columns, read as one frame: one commune's file is small, and reading thousands
    of them one by one cost more in per-call overhead than in work. (Long sheets are made cells
    by :func:`long_cells`, as :func:`.assessments.sheet_groups` does it.)"""
    first = group[0]
    frame = first.sheet.frame if len(group) == 1 else pl.concat([plan.sheet.frame for plan in group])
    if first.form == "wide":
        cells, meta_rows, names = _wide_cells(frame, table, first.value_columns)
        headers = {
            meta_header_key(plan.sheet.file, plan.sheet.name, source, criterion, name): header
            for plan in group
            for header, criterion, name, source in names
            if header != f"{criterion}:{name}"
        }
        # The commune code column's heading («Mã xã»), for a finding about a code (control-character).
        for plan in group:
            headers |= long_header_keys(plan.sheet.file, plan.sheet.name, _code_heading(plan.sheet))
        return cells, meta_rows, headers
    return pl.DataFrame(schema=CELL_SCHEMA), no_meta_rows(), {}
