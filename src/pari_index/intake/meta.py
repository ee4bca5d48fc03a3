"""Self-scores and evidence (*meta rows*): checked a field at a time with the cells' rules and
findings, without making a cell of each field, and where each item's were read (places)."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.intake.cell_repeats import (
    CONFLICT_HINT,
    conflict_message,
    conflict_params,
    repeat_findings,
    repeat_label,
)
from pari_index.intake.cell_types import META_PARSERS, parsed_once
from pari_index.intake.findings import cell_findings, cell_params, empty_findings, shown_text
from pari_index.intake.model import LeafTable
from pari_index.intake.rejects import ORDER, with_order
from pari_index.intake.schema import (
    CELL_SCHEMA,
    COLUMN,
    CRITERION,
    EVIDENCE_COLUMNS,
    EVIDENCE_PLACE,
    FIELD,
    META_COLUMNS,
    META_SCHEMA,
    PLACE_SCHEMA,
    VALUE,
)
from pari_index.intake.sheet import FILE, ROW, SHEET
from pari_index.intake.value_checks import EXPECTED_TEXT, UNREADABLE_HINT
from pari_index.intake.values import (
    CODE_AS_DATE,
    CODE_FORBIDDEN,
    DATE_YEAR_HINT,
    NUMBER_HINTS,
    SHOWN_OTHERWISE,
    as_shown,
    date_problem_params,
    date_problems,
    no_document,
    number_problems,
    scientific_lost,
)
from pari_index.textexpr import format_text


def meta_header_key(file: str | None, sheet: str | None, source: str, criterion: str, field: str) -> str:
    return f"{file}|{sheet or ''}|{source}|{criterion}:{field}"


#: The ``source`` of :func:`meta_header_key` for a long sheet's own columns (its criterion empty).
LONG = "long"


def long_header_keys(file: str, sheet: str | None, original_headers: dict[str, str]) -> dict[str, str]:
    """The columns of a long sheet whose heading the file writes otherwise than their id (``Giá
    trị`` for ``value``, ``Điểm tự đánh giá`` for ``self_score``), keyed as :func:`meta_header_key`
    for :func:`written_column`."""
    return {
        meta_header_key(file, sheet, LONG, "", column): heading
        for column, heading in original_headers.items()
        if heading != column
    }


def written_column(column: pl.Expr, headers: dict[str, str], file: str = FILE, sheet: str = SHEET) -> pl.Expr:
    """``column`` (a long sheet's column id, in a frame with the columns ``file`` and ``sheet``) as
    the sheet's heading is written (``headers``, :func:`long_header_keys`): a finding names the
    column the user sees."""
    if not any(f"|{LONG}|:" in key for key in headers):
        return column
    parts = [pl.col(file), pl.col(sheet).fill_null(""), pl.lit(LONG), pl.lit(":") + column]
    return pl.concat_str(parts, separator="|").replace_strict(headers, default=column, return_dtype=pl.String)


def code_columns_written(findings: pl.DataFrame, headers: dict[str, str]) -> pl.DataFrame:
    """``findings`` with the column of each control-character finding (a column id, see
    :func:`.place_checks._control_character_checks`) as its sheet writes the heading (``headers``, the intake's
    :func:`long_header_keys`): «Mã xã» for commune_code."""
    code_kind = pl.col("kind").is_in(["control-character", "code-as-date", "code-as-scientific"])
    if findings.is_empty() or not findings.select(code_kind.any()).item():
        return findings
    written = written_column(pl.col("column"), headers, "file", "sheet")
    return findings.with_columns(pl.when(code_kind).then(written).otherwise(pl.col("column")).alias("column"))


def meta_column_name(headers: dict[str, str]) -> pl.Expr:
    """The sheet column a row's meta field came from: ``self_score``; ``value`` when the row's
    input named the field; ``1.1.1:self_score`` in a wide sheet; each as the header is written
    there (``headers``, see :func:`meta_header_key` and :func:`long_header_keys`)."""
    source = pl.col("_source")
    wide = pl.col(CRITERION) + ":" + pl.col(FIELD)
    if headers:
        where = pl.concat_str([pl.col(FILE), pl.col(SHEET).fill_null(""), source, wide], separator="|")
        wide = where.replace_strict(headers, default=wide, return_dtype=pl.String)
    return (
        pl.when(source.str.starts_with("wide"))
        .then(wide)
        .when(source == VALUE)
        .then(written_column(pl.lit(VALUE), headers))
        .otherwise(written_column(pl.col(FIELD), headers))
    )


#: The ORDER of a meta row's field made a cell (:func:`split_meta_rows`): after every sheet's own
#: cells, field by field (the unpivot's order), then by the meta row's own ORDER.
MISPLACED_ORDER = 2**62
FIELD_ORDER = 2**40


def _meta_as_cells(rows: pl.DataFrame, headers: dict[str, str]) -> pl.DataFrame:
    """Meta rows as one cell per filled field (CELL_SCHEMA, and ORDER when the rows have it)."""
    ordered = ORDER in rows.columns
    long = rows.unpivot(
        index=[COMMUNE, CRITERION, FILE, SHEET, ROW, "_source", *([ORDER] if ordered else [])],
        on=list(META_COLUMNS),
        variable_name=FIELD,
        value_name=VALUE,
    ).filter(pl.col(VALUE).is_not_null())
    order = []
    if ordered:
        field = pl.col(FIELD).replace_strict(list(META_COLUMNS), list(range(len(META_COLUMNS))), return_dtype=pl.UInt64)
        order = [(MISPLACED_ORDER + field * FIELD_ORDER + pl.col(ORDER)).alias(ORDER)]
    cells = long.select(
        COMMUNE, CRITERION, FIELD, VALUE, FILE, SHEET, ROW, meta_column_name(headers).alias(COLUMN), *order
    )
    return cells.cast(CELL_SCHEMA)  # type: ignore[arg-type]


def _lost_codes(rows: pl.DataFrame) -> list[str]:
    """The commune codes of ``rows`` in scientific notation with digits lost
    (values.scientific_lost): looked for among the codes with an E alone (one scan of a literal
    class; a register's codes have none), none in a normal file."""
    written = rows.filter(pl.col(COMMUNE).str.contains("[eE]"))
    if written.height == 0:
        return []
    return written.filter(scientific_lost(pl.col(COMMUNE)))[COMMUNE].unique().to_list()


def split_meta_rows(
    rows: pl.DataFrame, table: LeafTable, known_communes: pl.Series | None, headers: dict[str, str]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Meta rows whose commune and item are known, and the others as cells. Those few go through
    the cell checks with the inputs, which report each of their fields at its place. A survey
    file's meta rows are all such (a self-score or evidence in it is not the survey's: reported
    field by field as not-survey-field, or not-survey-item for an item of the commune's own)."""
    in_survey = pl.col(FILE).cast(pl.String).is_in(sorted(table.survey_files))
    # The codes' patterns are matched on the distinct codes (some 2,000 of a national slice's
    # 70,000 rows), then looked up; the rows' mask is made once for both filters (0.15 -> 0.05
    # CPU s over a national run's 12 slices).
    codes = rows.select(pl.col(COMMUNE).unique()).to_series()
    odd = codes.filter(
        codes.str.contains(CODE_FORBIDDEN)  # reported with the cells (control-character)
        | codes.str.contains(CODE_AS_DATE)  # and code-as-date, with or without a register
    )
    misplaced = (
        in_survey
        | pl.col(COMMUNE).is_null()
        | pl.col(CRITERION).is_null()
        | pl.col(COMMUNE).is_in(odd.implode())
        | ~pl.col(CRITERION).is_in(table.default_input[CRITERION].implode())
    )
    lost = _lost_codes(codes.to_frame())
    if lost:  # and code-as-scientific, with or without a register
        misplaced = misplaced | pl.col(COMMUNE).is_in(lost)
    if known_communes is not None:
        misplaced = misplaced | ~pl.col(COMMUNE).is_in(known_communes.implode())
    mask = rows.select(misplaced.fill_null(True)).to_series()
    return rows.filter(~mask), _meta_as_cells(rows.filter(mask), headers)


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
    placed = rows.with_columns(meta_column_name(headers).alias(COLUMN))
    return cell_findings(placed, severity, kind, message, hint, params)


def _evidence_place(headers: dict[str, str]) -> list[pl.Expr]:
    """EVIDENCE_PLACE of a meta row (FIELD set to evidence_file): the row itself, and the column
    of its evidence file (null when the row names no file)."""
    file_column = pl.when(pl.col("evidence_file").is_not_null()).then(meta_column_name(headers))
    return [
        pl.col(FILE).cast(pl.String).alias("_at_file"),
        pl.col(SHEET).alias("_at_sheet"),
        pl.col(ROW).alias("_at_row"),
        file_column.alias("_at_column"),
    ]


#: The order keys of meta findings (see rejects.with_order): conflicts, then unreadable
#: fields, then repeats, each field by field; an unread field's kinds in the order found.
_CONFLICT_RANK, _TYPED_RANK, _REPEAT_RANK = 0, 16, 64
_UNREAD_KINDS = ("implausible-date", *NUMBER_HINTS, "bad-value")


def _meta_order(found: pl.DataFrame, rows: pl.DataFrame, rank: int) -> pl.DataFrame:
    """``found`` with its order keys when ``rows`` (one per finding, with ``_n``) carry ORDER:
    :func:`check_meta` puts an item's single rows before its several ones."""
    return with_order(found, rows, rank, (pl.col("_n") > 1).cast(pl.UInt8))


def _unread_meta_findings(bad: pl.DataFrame, name: str, headers: dict[str, str]) -> list[pl.DataFrame]:
    """Findings for meta rows whose field ``name`` could not be read: an implausible date, a
    self-score finer than 4 decimals or out of range (refused, never rounded), else bad-value."""
    rank = _TYPED_RANK + list(META_PARSERS).index(name) * len(_UNREAD_KINDS)
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
        params = date_problem_params(pl.col(VALUE)) if kind == "implausible-date" else cell_params(value=pl.col(VALUE))
        unread = _meta_findings(as_field, headers, "error", kind, message, hint, params)
        findings.append(_meta_order(unread, as_field, rank + _UNREAD_KINDS.index(kind)))
    if bad.height:
        message = format_text("{} is not {}", pl.col(VALUE), pl.lit(EXPECTED_TEXT["meta:" + name]))
        as_field = bad.with_columns(pl.lit(name).alias(FIELD), pl.col(name).alias(VALUE))
        params = cell_params(value=pl.col(VALUE), expected=pl.lit("meta:" + name))
        unread = _meta_findings(as_field, headers, "error", "bad-value", message, UNREADABLE_HINT, params)
        findings.append(_meta_order(unread, as_field, rank + _UNREAD_KINDS.index("bad-value")))
    return findings


def _half_width_meta(rows: pl.DataFrame) -> list[pl.Expr]:
    """A self-score or an evidence date typed in full-width digits, with a character nothing shows,
    a minus sign or inside Excel's ="…", read as the clerk sees it, before any check
    (values.as_shown; cell_checks.check_and_type does the same for the inputs)."""
    return [
        pl.when(pl.col(name).str.contains(SHOWN_OTHERWISE)).then(as_shown(pl.col(name))).otherwise(pl.col(name))
        for name in ("self_score", "evidence_date")
        if name in rows.columns
    ]


def check_meta(
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
    rows = rows.with_columns(pl.len().over(key).alias("_n"), *_half_width_meta(rows))
    # Only an item's meta in several rows (several inputs, a repeated row, another file) needs the
    # per-field comparisons; most items have one row.
    several = pl.col("_n") > 1

    single, multi = rows.filter(~several), rows.filter(several)
    has_several = multi.height > 0
    if has_several:
        multi = _each_meta_field(
            multi,
            _meta_conflict,
            lambda hits, index: findings.append(
                _meta_order(
                    _meta_findings(
                        hits,
                        headers,
                        "error",
                        "conflicting-values",
                        conflict_message(),
                        CONFLICT_HINT,
                        conflict_params(),
                    ),
                    hits,
                    _CONFLICT_RANK + index,
                )
            ),
        )
        rows = pl.concat([single, multi])

    rows = _no_documents(rows, headers, findings)
    rows = _typed_meta(rows, headers, findings)

    if has_several:
        # Repeats among accepted values only (as for cells): one copy of each field is used.
        single, multi = rows.filter(~several), rows.filter(several)
        multi = _each_meta_field(
            multi,
            lambda name: repeat_label(pl.col(name).is_not_null(), key),
            lambda hits, index: findings.append(
                _meta_order(repeat_findings(hits, meta_column_name(headers)), hits, _REPEAT_RANK + index)
            ),
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
    frame: pl.DataFrame, label: Callable[[str], pl.Expr], emit: Callable[[pl.DataFrame, int], None]
) -> pl.DataFrame:
    """For each meta field: the rows where ``label(field)`` is not null go to ``emit`` (with the
    label in ``_repeat``, the field in FIELD and its text in VALUE; and the field's place in
    META_COLUMNS), and the field is nulled there."""
    for index, name in enumerate(META_COLUMNS):
        marked = frame.with_columns(label(name).alias("_repeat"))
        hits = marked.filter(pl.col("_repeat").is_not_null())
        if hits.height:
            emit(hits.with_columns(pl.lit(name).alias(FIELD), pl.col(name).cast(pl.String).alias(VALUE)), index)
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


#: The order key of evidence-none-word findings, between conflicts and unreadable fields.
_NONE_RANK = 8
#: The evidence columns whose text names a document (its date is read as a date).
_DOCUMENT_COLUMNS = ("evidence_number", "evidence_file")


def _no_documents(rows: pl.DataFrame, headers: dict[str, str], findings: list[pl.DataFrame]) -> pl.DataFrame:
    """An evidence number or file written «không có», «-» … (values.NO_DOCUMENT_WORDS) nulled,
    with a warning at the cell: the words say there is no document, and as text they counted the
    evidence as given."""
    for index, name in enumerate(_DOCUMENT_COLUMNS):
        # Asked of the column's distinct texts (a national batch: 17,000 file names among 84,000
        # rows, 1,400 numbers), then looked up: the words' normalising over every row cost 0.03
        # CPU s a column and batch, and a clean batch has none of them.
        distinct = rows.select(pl.col(name).unique().drop_nulls())
        words = distinct.filter(no_document(pl.col(name))).get_column(name)
        if not words.len():
            continue
        said_none = pl.col(name).is_in(words.implode()).fill_null(False)
        hits = rows.filter(said_none)
        if not hits.height:
            continue
        as_field = hits.with_columns(pl.lit(name).alias(FIELD), pl.col(name).alias(VALUE))
        message = format_text("{} says there is no document: the cell was read as empty", shown_text(pl.col(VALUE)))
        found = _meta_findings(
            as_field,
            headers,
            "warning",
            "evidence-none-word",
            message,
            "leave the cell empty when there is no document; when there is one, write its number or file name",
            cell_params(value=shown_text(pl.col(VALUE))),
        )
        findings.append(_meta_order(found, as_field, _NONE_RANK + index))
        rows = rows.with_columns(pl.when(said_none).then(None).otherwise(pl.col(name)).alias(name))
    return rows


def _typed_meta(rows: pl.DataFrame, headers: dict[str, str], findings: list[pl.DataFrame]) -> pl.DataFrame:
    """The meta fields parsed in place (META_PARSERS); a text that does not parse is nulled and
    appended to ``findings``."""
    typed = {name: parsed_once(rows, name, parser) for name, parser in META_PARSERS.items()}
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
                meta_column_name(headers).alias("column"),
            )
        )
    return pl.concat(parts).cast(PLACE_SCHEMA)  # type: ignore[arg-type]
