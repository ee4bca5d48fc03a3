"""The checks of cells: structure (unknown commune, item or input; control characters), conflicts
and repeats, and values (unreadable, out of range). Each rejected cell becomes one finding naming
its place; large inputs are checked a slice of communes at a time (:func:`check_cells`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import NotApplicable
from pari_index.criteria.points import EXACT_SCALE
from pari_index.intake.cell_types import BOOLEAN_KINDS, DATE_KINDS, NUMERIC_KINDS, typed_cells
from pari_index.intake.findings import (
    cell_findings,
    cell_params,
    empty_findings,
    one_per_row,
    row_values_params,
    row_values_text,
    shown_text,
)
from pari_index.intake.model import LeafTable
from pari_index.intake.nearest import Near
from pari_index.intake.schema import CELL_SCHEMA, COLUMN, CRITERION, FIELD, META_COLUMNS, META_FIELDS, VALUE
from pari_index.intake.sheet import FILE, ROW, SHEET
from pari_index.intake.values import (
    ANSWER_HINT,
    CODE_AS_DATE,
    CODE_AS_SCIENTIFIC_HINT,
    CODE_FORBIDDEN,
    DATE_YEAR_HINT,
    FULL_WIDTH_CHARS,
    NUMBER_HINTS,
    answer_problems,
    date_problem_params,
    date_problems,
    half_width,
    number_problems,
    scientific_lost,
    shown_expr,
)
from pari_index.messages.labels import PARAM_WORDS
from pari_index.textexpr import format_text


@dataclass(frozen=True)
class _Check:
    """One reason to reject a cell: where ``condition`` holds, the cell becomes a finding."""

    condition: pl.Expr
    kind: str
    message: pl.Expr
    #: The site's English hint: the same for every cell, or per cell (the levels of a choice).
    hint: str | pl.Expr
    #: The message's named parameters (see cell_params), for outputs in either language.
    params: pl.Expr | None = None
    #: One finding per source row rather than per cell (findings.one_per_row): the message and
    #: params see the row's cells as ROW_CELLS.
    per_row: bool = False
    #: The finding's column, where it is not the cell's (the cell's value column): the id of the
    #: sheet's column that holds what is wrong, made its heading by :func:`.meta.code_columns_written`.
    column: pl.Expr | None = None


#: Cells (and meta rows) checked per batch of communes carry their place in the whole intake's
#: order in this column (intake.by_batch), and each of their findings the keys that put the
#: findings of every batch back in the order a check of the whole intake gives them.
ORDER = "_pos"
ORDER_KEYS = ("_o_slice", "_o_rank", "_o_grp", "_o_pos")

#: Every kind of cell finding, in the order :func:`check_and_type` finds them: the structure
#: checks, the conflict, the value checks (each list's order), then repeats.
CELL_FINDING_ORDER = (
    "control-character",
    "code-as-date",
    "code-as-scientific",
    "missing-commune-code",
    "missing-criterion",
    "unknown-criterion",
    "not-survey-item",
    "not-survey-field",
    "input-required",
    "unknown-input",
    "unknown-commune",
    "survey-item-in-assessment",
    "conflicting-values",
    "implausible-date",
    *NUMBER_HINTS,
    "answer-with-words",
    "bad-value",
    "percent-in-count",
    "negative-value",
    "percent-above-100",
    "percent-as-fraction",
    "percent-on-a-scale",
    "not-whole",
    "below-minimum",
    "above-maximum",
    "na-not-allowed",
    "duplicate-row",
    "count-three-zeros",
)


def typed_group() -> pl.Expr:
    """The part of :func:`cell_types.typed_cells` a typed cell is in (its parts are put end to end
    in this order), from the kind of its field."""
    kind = pl.col("kind")
    return (
        pl.when(kind.is_in(NUMERIC_KINDS))
        .then(0)
        .when(kind.is_in(BOOLEAN_KINDS))
        .then(1)
        .when(kind.is_in(DATE_KINDS))
        .then(2)
        .when(kind == "status")
        .then(3)
        .when(kind == "level")
        .then(4)
        .otherwise(5)
        .cast(pl.UInt8)
    )


def with_order(found: pl.DataFrame, source: pl.DataFrame, rank: int, group: pl.Expr | None = None) -> pl.DataFrame:
    """``found`` (one finding per row of ``source``, in its order) with the order keys of
    ORDER_KEYS but the slice, when ``source`` carries ORDER; ``found`` as it is otherwise."""
    if ORDER not in source.columns:
        return found
    keys = source.select(
        pl.lit(rank, dtype=pl.UInt16).alias("_o_rank"),
        (pl.lit(0, dtype=pl.UInt8) if group is None else group).alias("_o_grp"),
        pl.col(ORDER).alias("_o_pos"),
    )
    return found.hstack(keys)


def _cell_order(found: pl.DataFrame, source: pl.DataFrame, kind: str) -> pl.DataFrame:
    """``found`` with its order keys (see with_order); typed cells are in typed_cells' order."""
    typed = "num" in source.columns
    return with_order(found, source, CELL_FINDING_ORDER.index(kind), typed_group() if typed else None)


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
        if check.per_row:
            group = one_per_row(group, ORDER)
        found = _cell_order(
            cell_findings(group, "error", check.kind, check.message, check.hint, check.params, check.column),
            group,
            check.kind,
        )
        if check.column is not None:
            # Placed in another column than the cell's (the code's), the finding of each value of
            # a row was the same line again: ``row 2 column «commune_code»: …`` printed 4 times.
            found = found.unique(["file", "sheet", "row", "column", "message"], keep="first", maintain_order=True)
        findings.append(found)
    return marked.filter(pl.col("_reason").is_null()).drop("_reason")


def _distinct_codes(cells: pl.DataFrame) -> dict[str, pl.Series]:
    """The distinct commune codes, criterion ids and input names of ``cells``, found once for the
    checks of their texts (control characters, dates, scientific notation): each check found its
    own before, the commune codes and the criterion ids twice."""
    return {
        column: cells.select(pl.col(column).unique().drop_nulls())[column] for column in (COMMUNE, CRITERION, FIELD)
    }


def _control_character_checks(distinct: dict[str, pl.Series]) -> list[_Check]:
    """A commune code, criterion id or input name holding a control, bidi or invisible character
    (values.CODE_FORBIDDEN): it would match nothing as typed, or reverse the text around it. The
    distinct texts of each column are searched (a national file has millions of cells but some
    thousand codes); no check at all when none is found."""
    where = [COMMUNE, CRITERION, FIELD]
    found = {
        column: distinct[column].filter(distinct[column].str.contains(CODE_FORBIDDEN)).to_list() for column in where
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
        # The column the character is in (the code's, the criterion id's or the input's), never
        # the value's: a wide sheet's criterion and input are its headings, which name no item
        # with such a character, so these cells come from the sheet's own columns.
        column=which.replace_strict({COMMUNE: COMMUNE, CRITERION: CRITERION, FIELD: "input"}),
    )
    return [check]


def _code_as_date_checks(distinct: dict[str, pl.Series]) -> list[_Check]:
    """A commune code or criterion id that reads as a date (values.CODE_AS_DATE): typed into a
    column Excel formatted as dates, which keeps the day and not the code. Said as such, at the
    code's column, rather than as an unknown commune "1900-01-01 00:00:00": a commune's row once
    (its every cell carries the code), a criterion id at each cell. The distinct texts are
    searched; no check when none is found."""
    found = {
        column: distinct[column].filter(distinct[column].str.contains(CODE_AS_DATE)) for column in (COMMUNE, CRITERION)
    }
    hint = (
        "format the column as Text in Excel (Format Cells, Text) and type the codes again: the date no longer says"
        " which code was typed"
    )
    checks = []
    if found[COMMUNE].len():
        checks.append(
            _Check(
                pl.col(COMMUNE).is_in(found[COMMUNE].implode()),
                "code-as-date",
                format_text(_CODE_AS_DATE_EN, pl.lit("commune code"), shown_expr(pl.col(COMMUNE)), row_values_text()),
                hint,
                row_values_params(what=pl.lit(COMMUNE), text=shown_expr(pl.col(COMMUNE))),
                per_row=True,
                column=pl.lit(COMMUNE),
            )
        )
    if found[CRITERION].len():
        checks.append(
            _Check(
                pl.col(CRITERION).is_in(found[CRITERION].implode()),
                "code-as-date",
                format_text(_CODE_AS_DATE_EN, pl.lit("criterion id"), shown_expr(pl.col(CRITERION)), pl.lit("")),
                hint,
                cell_params(what=pl.lit(CRITERION), text=shown_expr(pl.col(CRITERION))),
                column=pl.lit(CRITERION),
            )
        )
    return checks


def _code_as_scientific_checks(distinct: dict[str, pl.Series]) -> list[_Check]:
    """A commune code in scientific notation whose digits were rounded away (values.scientific_lost:
    ``1.23457E+11``, as Excel shows a long code of a column of numbers and saves it to a CSV):
    refused, with or without a register, a row once, at the code's column. It is never matched to
    a commune (a register saved the same way shows the same text for several codes), nor taken
    for a commune of its own (two communes would share it). One that shows every digit
    (``1.00E+00``) is an unknown commune, told the register's code equal to it (intake.nearest,
    ``scientific``). The distinct codes are searched; no check when none is found."""
    codes = distinct[COMMUNE].to_frame()
    found = codes.filter(pl.col(COMMUNE).str.contains("[eE]")).filter(scientific_lost(pl.col(COMMUNE)))
    if found.height == 0:
        return []
    return [
        _Check(
            pl.col(COMMUNE).is_in(found[COMMUNE].implode()),
            "code-as-scientific",
            format_text(_CODE_AS_SCIENTIFIC_EN, pl.lit("commune code"), shown_expr(pl.col(COMMUNE)), row_values_text()),
            CODE_AS_SCIENTIFIC_HINT,
            row_values_params(what=pl.lit(COMMUNE), text=shown_expr(pl.col(COMMUNE))),
            per_row=True,
            column=pl.lit(COMMUNE),
        )
    ]


_CODE_AS_SCIENTIFIC_EN = (
    "{} {} is in scientific notation (Excel rounds a long code in a number column): the code typed is lost{}"
)


_CODE_AS_DATE_EN = (
    "{} {} is a date: the column is formatted as a date in Excel, which turns a code typed into it into a date"
    " (00001 into 01/01/1900){}"
)


def _date_checks(notes: dict[str, str]) -> list[_Check]:
    """The implausible-date check for date cells whose text is a key of ``notes`` (see
    values.date_problems), or none."""
    if not notes:
        return []
    noted = pl.col(VALUE).is_in(list(notes)) & pl.col("kind").is_in(DATE_KINDS) & pl.col("day").is_null()
    message = pl.col(VALUE).replace_strict(notes, default=None, return_dtype=pl.String)
    return [_Check(noted, "implausible-date", message, DATE_YEAR_HINT, date_problem_params(pl.col(VALUE)))]


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


def _answer_checks(cells: pl.DataFrame) -> list[_Check]:
    """The answer-with-words check for the yes/no cells of ``cells`` that were not read and whose
    text is an answer with a note after it (values.answer_problems), or none. Only the texts that
    did not parse are taken, as for dates and numbers."""
    unread = pl.col("kind").is_in(BOOLEAN_KINDS) & pl.col("flag").is_null()
    answers = cells.select(pl.col(VALUE).filter(unread))[VALUE]
    notes = answer_problems(answers) if answers.len() else {}
    if not notes:
        return []
    noted = pl.col(VALUE).is_in(list(notes)) & pl.col("kind").is_in(BOOLEAN_KINDS) & pl.col("flag").is_null()
    answer = pl.col(VALUE).replace_strict(notes, default=None, return_dtype=pl.String)
    message = format_text(
        "{} has words beside its answer {}; the cell was not used: write the answer alone", pl.col(VALUE), answer
    )
    return [_Check(noted, "answer-with-words", message, ANSWER_HINT, cell_params(value=pl.col(VALUE), answer=answer))]


CONFLICT_HINT = "keep one row per commune, criterion and input"
UNREADABLE_HINT = "correct the cell; Excel error values such as #N/A or #DIV/0! cannot be scored"
#: The hint of a timeliness answer that is none of the statuses (PARAM_WORDS["fix"]["status"]).
STATUS_HINT = PARAM_WORDS["fix"]["status"].en


def conflict_params() -> pl.Expr:
    return cell_params(commune=pl.col(COMMUNE), criterion=pl.col(CRITERION), input=pl.col(FIELD))


def conflict_message() -> pl.Expr:
    return format_text(
        "commune {}, criterion {}: {} is given more than once with different values; none was used",
        pl.col(COMMUNE),
        pl.col(CRITERION),
        pl.col(FIELD),
    )


def repeat_label(present: pl.Expr, key: list[str]) -> pl.Expr:
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


def repeat_findings(repeats: pl.DataFrame, column: pl.Expr | None = None) -> pl.DataFrame:
    """Warnings for labelled repeats (see repeat_label; the label in ``_repeat``)."""
    message = (
        pl.when(pl.col("_repeat") == "earlier")
        .then(pl.lit("repeats an earlier row with the same value (counted once)"))
        .otherwise(pl.lit("gives the same value again, in another column, sheet or file (counted once)"))
    )
    if column is not None:
        repeats = repeats.with_columns(column.alias(COLUMN))
    # Which copy it is, for the message in either language (labels.PARAM_WORDS["repeat"]).
    params = cell_params(repeat=pl.col("_repeat"))
    return cell_findings(repeats, "warning", "duplicate-row", message, "delete the repeat", params)


def _drop_repeats(cells: pl.DataFrame, key: list[str], findings: list[pl.DataFrame]) -> pl.DataFrame:
    """The first copy of each commune, item and input (see repeat_label); the other copies
    become duplicate-row warnings, counted once through the first. ``cells`` carries ``_copies``,
    the number of copies of its key, so that the rule runs only where there are copies."""
    if not cells.select((pl.col("_copies") > 1).any()).item():
        return cells
    cells = cells.with_row_index("_i")
    repeats = (
        cells.filter(pl.col("_copies") > 1)
        .with_columns(repeat_label(pl.lit(True), key).alias("_repeat"))
        .filter(pl.col("_repeat").is_not_null())
    )
    if repeats.height:
        findings.append(_cell_order(repeat_findings(repeats), repeats, "duplicate-row"))
        cells = cells.filter(~pl.col("_i").is_in(repeats["_i"].implode()))
    return cells.drop("_i")


def _copies_and_values(cells: pl.DataFrame, key: list[str]) -> list[pl.Expr]:
    """``_copies`` (the cells of each key) and ``_distinct`` (their distinct values). Two windows
    over three text columns were the costliest step of a clean batch's checks; when no key is
    repeated both are 1 for every cell. Cells with the same key have the same hash of it, so as
    many distinct hashes as cells means no key is repeated (a collision only takes the windows)."""
    hashed = pl.reduce(lambda a, b: a ^ b, [pl.col(column).hash(seed) for seed, column in enumerate(key)])
    if cells.select(hashed.n_unique()).item() == cells.height:
        return [pl.lit(1, dtype=pl.get_index_type()).alias(name) for name in ("_copies", "_distinct")]
    return [pl.len().over(key).alias("_copies"), pl.col(VALUE).n_unique().over(key).alias("_distinct")]


EXPECTED_TEXT = {
    "number": "a number (decimal comma or dot)",
    "count": "a whole number",
    "percent": "a percentage from 0 to 100",
    "meta:self_score": "a number of points",
    "boolean": "yes/no",
    "meta:n/a": "yes/no",
    "date": "a date such as 10/01/2024",
    "meta:evidence_date": "a date such as 10/01/2024",
    "status": "on time / late / not done",
    "level": "one of the levels listed for this criterion",
}


def _name_key(name: pl.Expr) -> pl.Expr:
    """An input name as matched: without case, and ``_``, ``-`` and spaces alike (sheet.heading_key)."""
    return name.str.to_lowercase().str.replace_all(r"[_\-\s]+", " ").str.strip_chars()


def _input_names_as_the_set_writes_them(cells: pl.DataFrame, table: LeafTable) -> pl.DataFrame:
    """Input names that differ from one of the item's only by case or separators (``DEADLINES``,
    ``Tasks``, ``done on time`` for ``done_on_time``) take the set's spelling; until session 26 each
    such cell was ``unknown-input`` (2,603 errors on the example written in capitals), while a
    heading so written was read. A name two inputs of an item would share is left as written, and
    so are the commune's own fields. ``cells`` are joined to the set's fields already: only those
    that matched none are looked at (none, most often: one pass over a column)."""
    unmatched = pl.col("kind").is_null() & pl.col(FIELD).is_not_null() & pl.col(CRITERION).is_not_null()
    if not cells.select(unmatched.any()).item():
        return cells
    pairs = cells.filter(unmatched).select(CRITERION, FIELD).unique()
    spelled = table.fields.select(CRITERION, pl.col(FIELD).alias("_spelled"), _name_key(pl.col(FIELD)).alias("_key"))
    # Not the commune's own fields (``self_score`` as an input): those rows are taken apart before
    # (intake.meta), and one reaching here so renamed would be dropped, not told.
    spelled = spelled.filter((pl.len().over(CRITERION, "_key") == 1) & ~pl.col("_spelled").is_in(META_FIELDS))
    pairs = pairs.with_columns(_name_key(pl.col(FIELD)).alias("_key")).join(spelled, on=[CRITERION, "_key"])
    if pairs.is_empty():
        return cells
    joined = [c for c in table.fields.columns if c not in (CRITERION, FIELD)]
    return (
        cells.drop(joined)
        .join(pairs.drop("_key"), on=[CRITERION, FIELD], how="left", maintain_order="left")
        .with_columns(pl.coalesce("_spelled", FIELD).alias(FIELD))
        .drop("_spelled")
        .join(table.fields, on=[CRITERION, FIELD], how="left", maintain_order="left")
    )


def check_and_type(
    cells: pl.DataFrame,
    table: LeafTable,
    known_communes: pl.Series | None,
    register: pl.Series | None = None,
    unit_names: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split cells into accepted (typed) and findings. An unknown commune code's near codes are
    looked for in ``register`` (default: ``known_communes``; a batch knows its own communes only),
    and among ``unit_names`` (the register's ``code`` and ``name``: a name typed as a code).

    Three rounds, each rejecting what it finds before the next looks: where the cell belongs
    (commune, criterion, input), conflicting repeats, then the typed value itself.
    """
    findings: list[pl.DataFrame] = []
    cells = _input_names_as_the_set_writes_them(cells.join(table.fields, on=[CRITERION, FIELD], how="left"), table)
    # A number or a date typed in full-width digits (an input method for Chinese or Japanese left
    # on) is read as typed in ASCII, by every check from here on (values.half_width).
    wide = pl.col("kind").is_in([*NUMERIC_KINDS, *DATE_KINDS]) & pl.col(VALUE).str.contains(FULL_WIDTH_CHARS)
    cells = cells.with_columns(pl.when(wide).then(half_width(pl.col(VALUE))).otherwise(pl.col(VALUE)).alias(VALUE))
    # True for an item of the set, null otherwise (as a join on the items' ids gave, for a copy
    # of every cell less).
    leaf_ids = table.default_input.get_column(CRITERION).implode()
    cells = cells.with_columns(pl.when(pl.col(CRITERION).is_in(leaf_ids)).then(True).alias("_known_leaf"))
    near = known_communes if register is None else register
    cells = _reject(cells, _structure_checks(cells, known_communes, table, near, unit_names), findings)

    # Same commune, criterion and field more than once: different values are a conflict (none is
    # used); the same value again is a repeated row (counted once, through its first row).
    key = [COMMUNE, CRITERION, FIELD]
    cells = cells.with_columns(_copies_and_values(cells, key))
    conflict = _Check(
        pl.col("_distinct") > 1,
        "conflicting-values",
        conflict_message(),
        CONFLICT_HINT,
        conflict_params(),
    )
    cells = _reject(cells, [conflict], findings)

    # Typed parsing, one kind of cell at a time: each parser runs only on its own rows (a single
    # when/then over all cells would run every parser on every row).
    cells = typed_cells(cells.drop("_known_leaf", "_distinct"), table)
    cells = _reject(cells, _value_checks(cells, table), findings)
    # Repeats are looked for among accepted cells only, so that a repeated unreadable value is an
    # error on each of its rows rather than "counted once". The copies of one key all have the same
    # text (different texts were a conflict above), so the value checks kept all or none of them
    # and the counts taken before them still hold.
    cells = _drop_repeats(cells, key, findings)
    _warn_three_zeros(cells, findings)
    # The source file name repeats on every cell; as a category it costs 4 bytes a cell, not a
    # copy of the path (74 MB of a national run's 280 MB of cells).
    accepted = cells.drop("_min", "_max", "_copies").with_columns(pl.col(FILE).cast(pl.Categorical))
    all_findings = pl.concat(findings) if findings else empty_findings()
    return accepted, all_findings


#: A count written with one separator and three zeros ("2.000", "2,000"): read as a decimal it is
#: 2, and it is accepted as a whole number, but Excel exports a count of two thousand formatted
#: with thousands the same way. Neither reading is safe to take silently: the cell is scored as
#: read and named in a warning ("1.587" is refused as not whole, so only the zeros are unsure).
_THREE_ZEROS = r"^\s*\+?[1-9][0-9]{0,2}[.,]000\s*$"


def _warn_three_zeros(cells: pl.DataFrame, findings: list[pl.DataFrame]) -> None:
    """A warning for each accepted count written like "2.000" (see _THREE_ZEROS)."""
    # The pattern is tried on the counts' texts alone first: most batches have none to warn of.
    count_texts = pl.col(VALUE).filter(pl.col("kind") == "count")
    if not cells.select(count_texts.str.contains(_THREE_ZEROS).any()).item():
        return
    unsure = cells.filter((pl.col("kind") == "count") & pl.col(VALUE).str.contains(_THREE_ZEROS))
    if unsure.height == 0:
        return
    read = pl.col(VALUE).str.strip_chars().str.strip_prefix("+").str.replace(r"[.,]000$", "")
    message = format_text(
        "{} is read as {} (the separator as a decimal point); if it means {} thousand, write it without the separator",
        pl.col(VALUE),
        read,
        read,
    )
    hint = "write counts without separators (2000); check the number in the source document"
    found = cell_findings(
        unsure, "warning", "count-three-zeros", message, hint, cell_params(value=pl.col(VALUE), read=read)
    )
    findings.append(_cell_order(found, unsure, "count-three-zeros"))


#: The English words of a meta field given in a survey file (messages.labels: survey_field).
_SURVEY_FIELD_EN = {field: words.en for field, words in PARAM_WORDS["survey_field"].items() if field}


def _not_survey_item(table: LeafTable) -> list[_Check]:
    """A value of a survey file (``table.survey_files``) for an item the set does not score by the
    survey: the survey gives its part to the survey items only. It met the commune's own value of
    the item as conflicting-values (neither used), or was counted as the commune's when it had none."""
    if not table.survey_files:
        return []
    items = table.survey_items
    listed = ", ".join(items) if items else "none"
    in_survey = pl.col(FILE).cast(pl.String).is_in(sorted(table.survey_files))
    return [
        _Check(
            in_survey & ~pl.col(CRITERION).is_in(items),
            "not-survey-item",
            format_text(
                "criterion {} is not a survey item (the commune scores it in its self-assessment): a survey"
                " file gives values of the survey items only ({}); this value was not used",
                pl.col(CRITERION),
                pl.lit(listed),
            ),
            "correct the criterion id, or move the row to the self-assessment file",
            cell_params(criterion=pl.col(CRITERION), items=pl.lit(listed)),
        ),
        # A self-score, evidence or explanation of a survey item given in a survey file: its
        # points come from the survey's results alone (its meta rows are made cells for this:
        # meta.split_meta_rows). It was used as the commune's own, or met it as a repeat.
        _Check(
            in_survey & pl.col(FIELD).is_in(list(META_COLUMNS)),
            "not-survey-field",
            format_text(
                "{} in a survey file: the survey item {} gets its points from the survey's results alone, never"
                " from a self-score or evidence; this value was not used",
                pl.col(FIELD).replace_strict(_SURVEY_FIELD_EN, default="a self-assessment field"),
                pl.col(CRITERION),
            ),
            "delete the column from the survey file; a commune's self-score and evidence go in its self-assessment",
            cell_params(survey_field=pl.col(FIELD), criterion=pl.col(CRITERION)),
        ),
    ]


def _survey_item_in_assessment(table: LeafTable, cells: pl.DataFrame, known_communes: pl.Series | None) -> list[_Check]:
    """A survey item's value in a commune's own file, where the survey files give no usable value
    of that commune's item: the commune's own figure became its survey result (10.1.1 written
    100% by the commune: 4 points, exit 0, no word). A survey file's row refused by the checks
    before (an unknown input, a self-score only) gives nothing. Where the survey gives the item,
    the two meet as a repeat or a conflict, as before. Only where a commune's own file gives a
    survey item at all (most runs: none) is the window over communes and items worked out."""
    if not table.survey_files:
        return []
    in_survey = pl.col(FILE).cast(pl.String).is_in(sorted(table.survey_files))
    meta = pl.col(FIELD).is_in(list(META_COLUMNS)).fill_null(False)
    own_values = (~in_survey & pl.col(CRITERION).is_in(table.survey_items) & ~meta).fill_null(False)
    if not cells.select(own_values.any()).item():
        return []
    usable = in_survey & ~meta & pl.col("kind").is_not_null() & pl.col("_known_leaf").is_not_null()
    if known_communes is not None:
        usable &= pl.col(COMMUNE).is_in(known_communes.implode())
    return [
        _Check(
            own_values & ~usable.fill_null(False).any().over(COMMUNE, CRITERION),
            "survey-item-in-assessment",
            format_text(
                "criterion {} is a survey item, and the survey files given with --survey have no result of it"
                " for commune {}: a survey result is never taken from the commune's own file; this value was"
                " not used",
                pl.col(CRITERION),
                pl.col(COMMUNE),
            ),
            "give the result in the survey file, or delete the row from the commune's file",
            cell_params(criterion=pl.col(CRITERION), commune=pl.col(COMMUNE)),
        )
    ]


def _structure_checks(
    cells: pl.DataFrame,
    known_communes: pl.Series | None,
    table: LeafTable,
    register: pl.Series | None,
    unit_names: pl.DataFrame | None = None,
) -> list[_Check]:
    """Where each cell belongs: a commune (in the register, when there is one), a scored item of
    the set (of the survey, for a survey file) and one of its inputs. ``cells`` carry the joined
    ``kind`` and ``_known_leaf``. An unknown commune code or item id names the known ones near it
    (intake.nearest), found for the distinct unknown ones only."""
    criterion = pl.col(CRITERION)
    unknown_items = cells.select(criterion.filter(pl.col("_known_leaf").is_null()).unique())[CRITERION]
    items = Near(unknown_items, table.default_input.get_column(CRITERION), items=True)
    distinct = _distinct_codes(cells)
    structure = [
        *_control_character_checks(distinct),
        *_code_as_date_checks(distinct),
        *_code_as_scientific_checks(distinct),
        *_missing_code_checks(),
        _Check(
            pl.col("_known_leaf").is_null(),
            "unknown-criterion",
            format_text(
                "criterion {} is not a scored item of this criteria set{}",
                shown_text(criterion),
                items.english(criterion),
            ),
            "check the id against the criteria set (pari template lists them); ids are text: 1.10 is not 1.1",
            items.params(criterion, cell_params, criterion=shown_text(criterion)),
        ),
        *_not_survey_item(table),
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
            format_text("criterion {} has no input named {}", pl.col(CRITERION), shown_text(pl.col(FIELD))),
            "use the input names of the criteria set (pari template lists them)",
            cell_params(criterion=pl.col(CRITERION), input=shown_text(pl.col(FIELD))),
        ),
    ]
    if known_communes is not None:
        structure.append(_unknown_commune_check(cells, known_communes, register, unit_names))
    return [*structure, *_survey_item_in_assessment(table, cells, known_communes)]


def _missing_code_checks() -> list[_Check]:
    """A row without its commune code, or without its criterion id."""
    # One a row, as unknown-commune (sixteenth sweep): a row of a long form without its code
    # (cells merged down a commune's block read as empty but the first) gave one finding for
    # each of its values, 11,798 for 3,381 rows.
    return [
        _Check(
            pl.col(COMMUNE).is_null(),
            "missing-commune-code",
            format_text("the row has no commune code{}", row_values_text()),
            "fill in the commune code",
            row_values_params(),
            per_row=True,
            column=pl.lit(COMMUNE),
        ),
        _Check(
            pl.col(CRITERION).is_null(),
            "missing-criterion",
            format_text("the row has no criterion id{}", row_values_text()),
            "fill in the criterion id, e.g. 1.1.1",
            row_values_params(),
            per_row=True,
            column=pl.lit(CRITERION),
        ),
    ]


def _unknown_commune_check(
    cells: pl.DataFrame, known_communes: pl.Series, register: pl.Series | None, unit_names: pl.DataFrame | None
) -> _Check:
    """A row whose commune code is not in the register, naming the registered codes (or the unit
    whose name it is) near it, found for the distinct unknown codes only."""
    unknown = ~pl.col(COMMUNE).is_in(known_communes.implode())
    code = pl.col(COMMUNE)
    shown = shown_text(code)  # (a code of 30,000 letters quoted whole in each finding: 10 times the input)
    near = Near(cells.select(code.filter(unknown).unique())[COMMUNE], register, names=unit_names)
    return _Check(
        unknown,
        "unknown-commune",
        format_text("commune {} is not in the commune register{}{}", shown, near.english(code), row_values_text()),
        "add it to the register, or correct the code (codes keep their leading zeros)",
        near.params(code, row_values_params, commune=shown),
        per_row=True,
    )


def _level_check(condition: pl.Expr, table: LeafTable) -> _Check:
    """bad-value of a choice's cell that names none of its levels: the hint lists the levels it
    may name (LeafTable.level_lists, a few of them and how many there are), not the generic hint
    about Excel's error values."""
    key = pl.col(CRITERION) + ":" + pl.col(FIELD)
    lists = table.level_lists
    levels = key.replace_strict({k: text for k, (text, _) in lists.items()}, default="", return_dtype=pl.String)
    levels_en = key.replace_strict(table.level_lists_en, default="", return_dtype=pl.String)
    count = key.replace_strict({k: n for k, (_, n) in lists.items()}, default=0, return_dtype=pl.Int64)
    return _Check(
        condition,
        "bad-value",
        format_text("{} is not {}", pl.col(VALUE), pl.lit(EXPECTED_TEXT["level"])),
        format_text("write one of the item's {} levels (a label or a value): {}", count.cast(pl.String), levels_en),
        cell_params(
            value=pl.col(VALUE),
            expected=pl.lit("level"),
            fix=pl.lit("level"),
            count=count,
            levels=levels,
            levels_en=levels_en,
        ),
    )


def _unreadable_params(kind: pl.Expr) -> pl.Expr:
    """The parameters of bad-value of a cell its kind cannot read: a timeliness answer's hint says
    what to write (the fix ``status``: «hoàn thành» says it was done, not when); the others' is
    the general one (no fix)."""
    general = cell_params(value=pl.col(VALUE), expected=kind)
    return (
        pl.when(kind == "status")
        .then(cell_params(value=pl.col(VALUE), expected=kind, fix=pl.lit("status")))
        .otherwise(general)
    )


def _value_checks(cells: pl.DataFrame, table: LeafTable) -> list[_Check]:
    """The checks on typed values: readable for their kind, within the kind's and the input's
    bounds, and "not applicable" only where the item allows it. ``cells`` are typed already
    (``num``, ``flag``, ``day``, ``text``): the date and number notes are taken from them."""
    kind = pl.col("kind")
    num = pl.col("num")
    unreadable = (
        (kind.is_in(NUMERIC_KINDS) & num.is_null())
        | (kind.is_in(BOOLEAN_KINDS) & pl.col("flag").is_null())
        | (kind.is_in(DATE_KINDS) & pl.col("day").is_null())
        | (kind.is_in(["status", "level"]) & pl.col("text").is_null())
    )
    not_allowed = [leaf.id for leaf in table.leaves if leaf.not_applicable is NotApplicable.not_allowed]
    # A date refused for its year (15/12/25, 01/01/0000) or size gets its own finding and hint.
    # Only the texts that did not parse are taken (not a copy of those cells), and a clean batch
    # (none) asks nothing: the notes' own passes cost about 20 ms a batch even on no text.
    dates = cells.select(pl.col(VALUE).filter(kind.is_in(DATE_KINDS) & pl.col("day").is_null()))[VALUE]
    numbers = cells.select(pl.col(VALUE).filter(kind.is_in(NUMERIC_KINDS) & num.is_null()))[VALUE]
    date_notes = date_problems(dates) if dates.len() else {}
    number_notes = number_problems(numbers) if numbers.len() else {}
    return [
        *_date_checks(date_notes),
        *_number_checks(number_notes),
        *_answer_checks(cells),
        _Check(
            unreadable & (kind != "level"),
            "bad-value",
            format_text("{} is not {}", pl.col(VALUE), kind.replace_strict(EXPECTED_TEXT, default="valid")),
            pl.when(kind == "status").then(pl.lit(STATUS_HINT)).otherwise(pl.lit(UNREADABLE_HINT)),
            _unreadable_params(kind),
        ),
        _level_check(unreadable & (kind == "level"), table),
        *_percent_in_count(cells),
        *_range_checks(cells, table),
        _Check(
            (pl.col(FIELD) == "n/a") & pl.col("flag") & pl.col(CRITERION).is_in(not_allowed),
            "na-not-allowed",
            format_text("criterion {} cannot be marked not applicable", pl.col(CRITERION)),
            "score it, or give an explanation for the appraisal council",
            cell_params(criterion=pl.col(CRITERION)),
        ),
    ]


def _range_checks(cells: pl.DataFrame, table: LeafTable) -> list[_Check]:
    """The checks of a number's range: its kind's (no negative amount, no percentage above 100
    nor percentages written as fractions of 1, a whole count) and its input's declared bounds,
    joined onto each cell with its kind (``_min``, ``_max``: see LeafTable.fields)."""
    kind = pl.col("kind")
    num = pl.col("num")
    input_key = pl.col(CRITERION) + ":" + pl.col(FIELD)
    return [
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
            format_text("{} % is above 100 %", _without_percent_sign(pl.col(VALUE))),
            "a percentage lies between 0 and 100",
            cell_params(value=_without_percent_sign(pl.col(VALUE))),
        ),
        *_percent_as_fraction(cells),
        *_percent_on_a_scale(cells, table),
        _Check(
            (kind == "count") & (num % EXACT_SCALE != 0),
            "not-whole",
            format_text("{} is not a whole number", pl.col(VALUE)),
            _not_whole_hint(),
            cell_params(
                value=pl.col(VALUE),
                count_hint=pl.when(_grouped().is_not_null()).then(pl.lit("grouped")).otherwise(pl.lit("")),
                digits=_grouped(),
            ),
        ),
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
    ]


#: A count written with one thousands separator, which reads as a decimal (``1.587``, ``1,587``):
#: an export of Excel set to show thousands, or a number copied from a report. It is refused as not
#: whole (1.587 may be a slip for 1,5 as well as 1587), and the hint says how to write it.
_GROUPED = r"^\s*\+?([1-9][0-9]{0,2})[.,]([0-9]{3})\s*$"


def _grouped() -> pl.Expr:
    """The digits of a count written with one thousands separator (_GROUPED), else null."""
    parts = pl.col(VALUE).str.extract_groups(_GROUPED)
    return parts.struct.field("1") + parts.struct.field("2")


def _not_whole_hint() -> pl.Expr:
    """not-whole's hint: for a count written with a thousands separator, how to write it."""
    return (
        pl.when(_grouped().is_not_null())
        .then(
            format_text(
                "if {} is {} (a dot or comma separating thousands), write {} without the separator;"
                " a count is a whole number",
                pl.col(VALUE),
                _grouped(),
                _grouped(),
            )
        )
        .otherwise(pl.lit("a count is a whole number"))
    )


def _without_percent_sign(text: pl.Expr) -> pl.Expr:
    """A percentage's text without the ``%`` it was written with, for the message that writes
    its own (``150 %``, not ``150% %``)."""
    return text.str.strip_chars_end().str.strip_suffix("%").str.strip_chars_end()


def _percent_in_count(cells: pl.DataFrame) -> list[_Check]:
    """A count written with a percent sign (``95 %``) is a rate typed where its count belongs:
    numbers are read without a final ``%`` (a percentage input's ``92,18 %``), and ``95 %`` of
    tasks done was read as 95 tasks, its rate computed against the tasks planned. The cell is not
    used. Percentage and number inputs keep reading it (a number input may be a percentage that
    exceeds 100: revenue against the estimate). Asked only when a count's text holds a ``%``."""
    count_texts = pl.col(VALUE).filter(pl.col("kind") == "count")
    if not cells.select(count_texts.str.contains("%", literal=True).any()).item():
        return []
    return [
        _Check(
            (pl.col("kind") == "count") & pl.col("num").is_not_null() & pl.col(VALUE).str.contains("%", literal=True),
            "percent-in-count",
            format_text(
                "{} is a percentage, but the input is a count (how many); the cell was not used", pl.col(VALUE)
            ),
            "write the count itself (how many tasks, files or times); a rate is computed from its two counts",
            cell_params(value=pl.col(VALUE)),
        )
    ]


#: A unit's percentages in one sheet are taken for fractions of 1 when there are at least this
#: many, none is above 1 and one at least lies strictly between 0 and 1 (:func:`_percent_as_fraction`).
PERCENTAGES_AT_LEAST = 3


def _bare_percent(among: pl.Expr) -> pl.Expr:
    """A percentage cell ``among`` those asked, read as a number and written without ``%`` (a
    value written with it is a percentage as written)."""
    written_with_sign = pl.col(VALUE).str.contains("%", literal=True)
    return (pl.col("kind") == "percent") & among & pl.col("num").is_not_null() & ~written_with_sign


def _unit_percentages_within(cells: pl.DataFrame, bare: pl.Expr, top: int, telling: pl.Expr) -> pl.Expr | None:
    """Where a unit's ``bare`` percentages in one sheet are :data:`PERCENTAGES_AT_LEAST` or more,
    none is above ``top`` (in exact units) and one at least is ``telling``: percentages written
    on another scale. Per unit and sheet, so a batch (which holds all of a unit's cells) finds
    what the whole intake finds. None, and nothing asked of the cells, when no cell is telling."""
    if not cells.select(telling.any()).item():
        return None
    unit = [FILE, SHEET, COMMUNE]
    within = ~(bare & (pl.col("num") > top)).any().over(unit)
    return (bare.sum().over(unit) >= PERCENTAGES_AT_LEAST) & telling.any().over(unit) & within


def _percent_as_fraction(cells: pl.DataFrame) -> list[_Check]:
    """Percentages written as fractions of 1 (0,925 for 92,5 %: a survey tool's ratios, or a
    column computed as a share): each was scored as under 1 %, a unit's whole survey part lost
    without a word. One rate below 1 % can be true (0,5 % of files late); three or more of a
    unit's rates in one sheet, none above 1 and one of them a fraction (1, 1, 0,96 …), are not,
    so every percentage of that unit and sheet is then refused. Per unit and sheet: a batch
    holds all of a unit's cells, so the batches find what the whole intake finds. A value
    written with ``%`` is a percentage as written and is not counted. Asked only when some
    percentage lies between 0 and 1."""
    num = pl.col("num")
    bare = _bare_percent(pl.lit(True))
    looks = _unit_percentages_within(cells, bare, EXACT_SCALE, bare & (num > 0) & (num < EXACT_SCALE))
    if looks is None:
        return []
    return [
        _Check(
            bare & (num <= EXACT_SCALE) & looks,
            "percent-as-fraction",
            format_text(
                "{} looks like a fraction of 1 (1 for 100 %), as all this unit's percentages in the sheet do"
                " (none is above 1); the cell was not used",
                pl.col(VALUE),
            ),
            "write percentages out of 100 (0,925 is 92,5), or with a % sign",
            cell_params(value=pl.col(VALUE)),
        )
    ]


#: A unit's survey percentages in one sheet are taken for marks on a scale (1 to 5, 0 to 10) when
#: there are at least PERCENTAGES_AT_LEAST of them, none is above this and one at least is above 1.
SCALE_TOP = 10


def _percent_on_a_scale(cells: pl.DataFrame, table: LeafTable) -> list[_Check]:
    """Survey percentages written as marks on a scale (4,2 of 5, or 8,5 of 10, for 84 % or 85 %
    satisfied: a survey tool's mean score): each was scored as a rate of a few percent, a unit's
    whole survey part lost without a word. Three or more of a unit's satisfaction rates in one
    sheet, none above 10 and one of them above 1, are no rates, so every survey percentage of
    that unit and sheet is then refused. Only the survey's items are looked at: a unit's own
    rates (files online, data digitised) may all truly be a few percent, and are no marks. The
    fractions of 1 are :func:`_percent_as_fraction`'s (none above 1). Per unit and sheet, as that
    check; a value written with ``%`` is a percentage as written and is not counted. Asked only
    when some survey percentage lies above 1 and at most 10."""
    num = pl.col("num")
    bare = _bare_percent(pl.col(CRITERION).is_in(table.survey_items))
    top = SCALE_TOP * EXACT_SCALE
    looks = _unit_percentages_within(cells, bare, top, bare & (num > EXACT_SCALE) & (num <= top))
    if looks is None:
        return []
    return [
        _Check(
            bare & looks,
            "percent-on-a-scale",
            format_text(
                "{} looks like a mark on a scale (1 to 5, 0 to 10), as all this unit's percentages in the sheet do"
                " (none is above 10); the cell was not used",
                pl.col(VALUE),
            ),
            "write percentages out of 100 (the share satisfied, not the mean mark), or with a % sign when one"
            " truly is this low",
            cell_params(value=pl.col(VALUE)),
        )
    ]


#: Above this many cells, checks run on slices of communes: the checks join, group and parse,
#: and their working memory grows with the slice rather than with the whole country.
CHUNK_CELLS = 500_000


def check_cells(
    pieces: list[pl.DataFrame],
    table: LeafTable,
    known_communes: pl.Series | None,
    unit_names: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Accepted (typed) cells and findings for the cells of every sheet, checking large inputs a
    slice of communes at a time. Slices are cut by commune, so duplicates (same commune, item and
    field, even from different files) meet in one slice. ``pieces`` is consumed: each sheet's
    cells are released as soon as they are sliced, so the cells exist once, not twice."""
    total = sum(piece.height for piece in pieces)
    if total <= CHUNK_CELLS:
        cells = pl.concat(pieces) if pieces else pl.DataFrame(schema=CELL_SCHEMA)
        pieces.clear()
        return check_and_type(cells, table, known_communes, unit_names=unit_names)
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
        ok, found = check_and_type(cells, table, known_communes, unit_names=unit_names)
        del cells
        accepted.append(ok)
        findings.append(found)
    return pl.concat(accepted), pl.concat(findings)
