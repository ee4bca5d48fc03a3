"""A results workbook in words: its sheet names, headings and coded values labelled in the run's
language when it is written, and read back to the ids the library works with.

The words are :mod:`pari_index.messages.results_words`. CSV and Parquet results (the analysts'
formats) keep the ids; so did workbooks written before 0.x, which are still read. A workbook's
language is told by the name of its summary sheet (``summary``, ``Tổng hợp`` or ``Summary``).

A heading is written so that reading it gives back the column it heads, whatever the column is
called: a column of the user's own (a register column kept in the summary) named like a heading
(``Hạng``), or any name starting with ``_``, is written with a ``_`` in front, which reading
removes (``_Hạng`` reads as the column ``Hạng``, never as ``rank``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import polars as pl

from pari_index.criteria.model import Leaf
from pari_index.messages.labels import VIETNAMESE_MARK
from pari_index.messages.numbers import MINUS, format_date, format_number, iso_date
from pari_index.messages.results_words import (
    ABOUT_KEYS,
    ABOUT_PREFIXES,
    ABOUT_REST,
    ABOUT_VALUES,
    BOOLEAN_COLUMNS,
    BRANCH_WORDS,
    COLUMN_PREFIXES,
    COLUMNS,
    GROUP_COLUMNS,
    GROUP_SHEET,
    ROUNDING_WORDS,
    SHEETS,
    VALUES,
    YES_NO,
)
from pari_index.messages.words import Words

#: The languages a workbook is labelled in; None: ids (CSV, Parquet, earlier workbooks).
LANGS = ("vi", "en")
_ESCAPE = "_"


def sheet_name(table: str, lang: str | None) -> str:
    """The sheet of ``table`` in a workbook of ``lang`` (the id itself for None)."""
    return table if lang is None else SHEETS[table].get(lang)


def group_sheet_prefix(lang: str | None) -> str:
    return "XH " if lang is None else GROUP_SHEET.get(lang)


def workbook_lang(names: list[str]) -> str | None:
    """The language of a results workbook with these sheets: the one whose summary sheet it has
    (ids first, as earlier versions wrote them); None when it has none but ``summary``."""
    for lang in (None, *LANGS):
        if sheet_name("summary", lang) in names:
            return lang
    return None


def _named(
    name: str,
    lang: str,
    fixed: Mapping[str, Words],
    prefixes: Mapping[str, Words],
    rest: Mapping[str, Mapping[str, Words]] | None = None,
) -> str | None:
    """The label of ``name`` (a fixed one, or a prefix's words and what follows), or None."""
    if name in fixed:
        return fixed[name].get(lang)
    for prefix, words in prefixes.items():
        if name.startswith(prefix) and len(name) > len(prefix):
            tail = name[len(prefix) :]
            tails = (rest or {}).get(prefix, {})
            return words.get(lang) + (tails[tail].get(lang) if tail in tails else tail)
    return None


def _unnamed(
    label: str,
    lang: str,
    fixed: Mapping[str, Words],
    prefixes: Mapping[str, Words],
    rest: Mapping[str, Mapping[str, Words]] | None = None,
) -> str:
    """The name a label stands for (the label itself when it is none)."""
    for name, words in fixed.items():
        if words.get(lang) == label:
            return name
    for prefix, words in prefixes.items():
        start = words.get(lang)
        if label.startswith(start) and len(label) > len(start):
            tail = label[len(start) :]
            tails = {w.get(lang): key for key, w in (rest or {}).get(prefix, {}).items()}
            return prefix + tails.get(tail, tail)
    return label


def _written(name: str, label: str | None, read: str) -> str:
    """What to write for ``name`` labelled ``label`` (None: not labelled), given what that would
    read back as (``read``): escaped when it would read as something else."""
    shown = name if label is None else label
    return shown if read == name and not shown.startswith(_ESCAPE) else _ESCAPE + name


def column_heading(name: str, lang: str) -> str:
    """The heading a column is written under in a workbook of ``lang``."""
    label = _named(name, lang, COLUMNS, COLUMN_PREFIXES)
    shown = name if label is None else label
    return _written(name, label, column_id(shown, lang))


def column_id(heading: str, lang: str) -> str:
    """The column a heading of a workbook of ``lang`` stands for."""
    if heading.startswith(_ESCAPE):
        return heading[len(_ESCAPE) :]
    return _unnamed(heading, lang, COLUMNS, COLUMN_PREFIXES)


def about_key(key: str, lang: str) -> str:
    label = _named(key, lang, ABOUT_KEYS, ABOUT_PREFIXES, ABOUT_REST)
    shown = key if label is None else label
    return _written(key, label, about_key_id(shown, lang))


def about_key_id(label: str, lang: str) -> str:
    if label.startswith(_ESCAPE):
        return label[len(_ESCAPE) :]
    return _unnamed(label, lang, ABOUT_KEYS, ABOUT_PREFIXES, ABOUT_REST)


def _value_maps(table: str, lang: str) -> dict[str, dict[str, str]]:
    """Column -> id -> label of the coded values of ``table``."""
    codes = VALUES.get(table, {})
    return {column: {key: words.get(lang) for key, words in values.items()} for column, values in codes.items()}


def _branch_word(pairs: Mapping[str, str]) -> Callable[[str], str]:
    """A branch with its first word (before any colon) replaced by ``pairs``."""

    def word(value: str) -> str:
        head, sep, tail = value.partition(":")
        return pairs.get(head, head) + sep + tail

    return word


def _branch(values: pl.Series, pairs: Mapping[str, str]) -> pl.Series:
    """Branches read back (text) with their first word replaced by ``pairs``, and a level's label
    without the mark an English workbook gives a Vietnamese label (``level:Phó Chủ tịch UBND``
    from either language): worked out once per distinct branch (a national run's 625,000 items
    have a few hundred): splitting every row with regular expressions took 0.56 s of 637,200
    rows, this 0.04 s."""
    old = values.unique().drop_nulls().sort().to_list()
    word = _branch_word(pairs)

    def unmarked(branch: str) -> str:
        return branch.removesuffix(VIETNAMESE_MARK) if branch.startswith("level:") else branch

    changed = [(o, unmarked(word(o))) for o in old if unmarked(word(o)) != o]
    if not changed:
        return values
    return values.replace([o for o, _ in changed], [n for _, n in changed])


def _looked_up(pairs: Mapping[str, str]) -> Callable[[str], str]:
    """A value's words in ``pairs``, or the value as it is."""
    return lambda value: pairs.get(value, value)


def _coded(values: pl.Series, word: Callable[[str], str]) -> pl.Series:
    """Coded values in words, as an Enum of the words present: worked out once per distinct
    value, and held as small codes. Replaced as text, the labelled criteria and rows tables of a
    national run held 130 MB more at the peak of writing its workbook (845 MB against 713 MB);
    the workbook's cells are the same text either way."""
    old = values.unique().drop_nulls().sort().to_list()
    new = [word(o) for o in old]
    return values.replace_strict(old, new, default=None, return_dtype=pl.Enum(sorted(set(new))))


#: A criteria set's choice levels as a workbook shows them: criterion id -> level value -> label.
LevelWords = Mapping[str, Mapping[str, str]]


def _level_branches(frame: pl.DataFrame, words: Mapping[str, str], levels: LevelWords) -> pl.Series:
    """The ``branch`` column in words, a choice's level (``level:deputy``) by its label in the
    item's set (``cấp:Phó Chủ tịch UBND``), the rest as :func:`_branch_word` says; worked out once
    per distinct item and branch. A value two items share can have two labels, so the item is
    part of the key."""
    word = _branch_word(words)
    pairs = frame.select("criterion_id", "branch").unique().drop_nulls()
    shown = []
    for criterion, branch in pairs.iter_rows():
        head, _, value = branch.partition(":")
        label = levels.get(criterion, {}).get(value) if head == "level" else None
        shown.append(word(branch) if label is None else f"{word(head)}:{label}")
    table = pairs.with_columns(pl.Series("_shown", shown, dtype=pl.String))
    texts = frame.select("criterion_id", "branch").join(
        table, on=["criterion_id", "branch"], how="left", maintain_order="left"
    )["_shown"]
    return texts.cast(pl.Enum(sorted(set(shown)))).alias("branch")


#: The column whose text holds points: "most points lost" ("2.1 (−1.25), 1.1.4 (−1.00)",
#: ranking.ranks.top_lost, written with a point whatever the language).
_LOSS_COLUMN = "top_lost"


def _loss_pattern(separator: str) -> str:
    """A loss in the ``top_lost`` text, "(−1.25)" with ``separator`` between its digits: the
    bracket, sign and whole part (group 1), the decimals and bracket (group 2). Criterion ids,
    outside the brackets ("2.1"), never match."""
    return rf"(\((?:{MINUS}|-)\d+){re.escape(separator)}(\d+\))"


def _losses_in(lang: str, frame: pl.DataFrame, *, back: bool = False) -> list[pl.Expr]:
    """The ``top_lost`` text with its points as ``lang`` writes numbers ("(−1,25)" in a Vietnamese
    workbook, as every other number of its sheets), or (``back``) with the point again, as read
    back; nothing when the language writes a point, or the frame has no such text."""
    separator = format_number(0.5, lang)[1]
    if separator == "." or frame.schema.get(_LOSS_COLUMN) != pl.String:
        return []
    found, put = (separator, ".") if back else (".", separator)
    return [pl.col(_LOSS_COLUMN).str.replace_all(_loss_pattern(found), f"${{1}}{put}${{2}}")]


#: The criteria table's column that keeps, in a workbook, the inputs as the set names them
#: ("signed_on=04/06/2025"): what explain and report read to word an item again in another
#: language, while ``inputs`` shows them by their labels ("Ngày ký số Kế hoạch CCHC=04/06/2025").
INPUT_NAMES = "input_names"


def inputs_by_label(criteria: pl.DataFrame, leaves: Sequence[Leaf], lang: str) -> pl.DataFrame:
    """The criteria table as a workbook of ``lang`` shows it: ``inputs`` by the labels of the
    set's inputs in ``lang`` (an official never sees the set's internal names in place of labels),
    and the inputs as named, which :func:`unlabel_frame` reads back, in :data:`INPUT_NAMES`
    (last). Without the scored items (``leaves``) the table stays as it is."""
    from pari_index.scoring.explanations import labelled_inputs

    if not leaves or criteria.schema.get("inputs") != pl.String or "criterion_id" not in criteria.columns:
        return criteria
    shown = labelled_inputs(criteria, leaves, lang, into="_labelled")
    return shown.with_columns(pl.col("inputs").alias(INPUT_NAMES), pl.col("_labelled").alias("inputs")).drop(
        "_labelled"
    )


def label_frame(table: str, frame: pl.DataFrame, lang: str, levels: LevelWords | None = None) -> pl.DataFrame:
    """``frame`` (a table of results, or a ranking sheet of the summary) with its coded values and
    headings in ``lang``; ``levels``: the choice levels' labels, shown for ``level:`` branches."""
    schema = frame.schema
    exprs: list[pl.Expr] = []
    for column, pairs in _value_maps(table, lang).items():
        if schema.get(column) == pl.String:
            exprs.append(pl.lit(_coded(frame[column], _looked_up(pairs))))
    for column in BOOLEAN_COLUMNS & set(schema.names()):
        if schema[column] == pl.Boolean:
            yes, no = YES_NO[True].get(lang), YES_NO[False].get(lang)
            exprs.append(pl.when(pl.col(column)).then(pl.lit(yes)).when(~pl.col(column)).then(pl.lit(no)).alias(column))
    if table == "criteria" and schema.get("branch") == pl.String:
        words = {k: w.get(lang) for k, w in BRANCH_WORDS.items()}
        if levels and schema.get("criterion_id") == pl.String:
            exprs.append(pl.lit(_level_branches(frame, words, levels)))
        else:
            exprs.append(pl.lit(_coded(frame["branch"], _branch_word(words))))
    exprs.extend(_losses_in(lang, frame))
    if table == "about" and {"key", "value"} <= set(schema.names()):
        frame = _label_about(frame, lang)
    labelled = frame.with_columns(exprs) if exprs else frame
    return labelled.rename({name: column_heading(name, lang) for name in labelled.columns})


def _rounding_words(value: str, lang: str) -> str:
    """The about row ``rounding`` (``2 places, half_up``) with its words in ``lang``."""
    return re.sub(r"[a-z_]+", lambda m: ROUNDING_WORDS[m[0]].get(lang) if m[0] in ROUNDING_WORDS else m[0], value)


def _rounding_ids(text: str, lang: str) -> str:
    """The about row ``rounding`` read back: its words in ``lang`` as the ids (the report reads
    the places and the mode from it). The longest words first: one may hold another."""
    back = {words.get(lang): key for key, words in ROUNDING_WORDS.items()}
    pattern = "|".join(re.escape(label) for label in sorted(back, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", lambda m: back[m[0]], text)


def _columns_words(value: str, lang: str) -> str:
    """The about row ``ranked_within`` (register columns from the top down, ``province,district``)
    in ``lang``; a value naming none of GROUP_COLUMNS is kept as it is."""
    columns = [c.strip() for c in value.split(",")]
    if not GROUP_COLUMNS.keys() & set(columns):
        return value
    return ", ".join(GROUP_COLUMNS[c].get(lang) if c in GROUP_COLUMNS else c for c in columns)


def _columns_ids(text: str, lang: str) -> str:
    back = {words.get(lang): key for key, words in GROUP_COLUMNS.items()}
    columns = [c.strip() for c in text.split(",")]
    if not back.keys() & set(columns):
        return text
    return ",".join(back.get(c, c) for c in columns)


#: About rows whose value is a line of words: key -> (in words, back to ids).
_ABOUT_LINES: dict[str, tuple[Callable[[str, str], str], Callable[[str, str], str]]] = {
    "rounding": (_rounding_words, _rounding_ids),
    "ranked_within": (_columns_words, _columns_ids),
    # Dates as officials write them (15/01/2024), not ISO: read back to ISO.
    "run_date": (format_date, iso_date),
    "decision_date": (format_date, iso_date),
}


def _about_value(key: str | None, value: str | None, lang: str) -> str | None:
    """An about row's value in ``lang``: a coded value's words, a line's words, or as it is."""
    if key is None or value is None:
        return value
    if key in ABOUT_VALUES and value in ABOUT_VALUES[key]:
        return ABOUT_VALUES[key][value].get(lang)
    if key in _ABOUT_LINES:
        return _ABOUT_LINES[key][0](value, lang)
    return value


def _about_id(key: str | None, text: str | None, lang: str) -> str | None:
    """An about row's value read back from a workbook of ``lang`` (ids as they were written)."""
    if key is None or text is None:
        return text
    back = {w.get(lang): v for v, w in ABOUT_VALUES.get(key, {}).items()}
    if text in back:
        return back[text]
    if key in _ABOUT_LINES:
        return _ABOUT_LINES[key][1](text, lang)
    return text


def _label_about(about: pl.DataFrame, lang: str) -> pl.DataFrame:
    keys = about["key"].cast(pl.String).to_list()
    values = about["value"].cast(pl.String).to_list()
    shown = [_about_value(k, v, lang) for k, v in zip(keys, values, strict=True)]
    named = [None if k is None else about_key(k, lang) for k in keys]
    return about.with_columns(pl.Series("key", named, pl.String), pl.Series("value", shown, pl.String))


def unlabel_frame(table: str, frame: pl.DataFrame, lang: str | None) -> pl.DataFrame:
    """A table read back as text from a workbook of ``lang`` (None: ids, as earlier versions
    wrote) with its ids again: headings, coded values, yes and no (as ``true`` / ``false``)."""
    if lang is None:
        return frame
    frame = frame.rename({heading: column_id(heading, lang) for heading in frame.columns})
    # As labelled in memory (label_frame's Enums), not only as read from a file (text).
    enums = [name for name, dtype in frame.schema.items() if isinstance(dtype, pl.Enum | pl.Categorical)]
    frame = frame.with_columns(pl.col(enums).cast(pl.String)) if enums else frame
    schema = frame.schema
    exprs: list[pl.Expr] = []
    for column, pairs in _value_maps(table, lang).items():
        if schema.get(column) == pl.String:
            exprs.append(pl.col(column).replace(list(pairs.values()), list(pairs)))
    for column in BOOLEAN_COLUMNS & set(schema.names()):
        if schema[column] == pl.String:
            words = [YES_NO[True].get(lang), YES_NO[False].get(lang)]
            exprs.append(pl.col(column).replace(words, ["true", "false"]))
    if table == "criteria" and schema.get("branch") == pl.String:
        exprs.append(pl.lit(_branch(frame["branch"], {w.get(lang): k for k, w in BRANCH_WORDS.items()})))
    exprs.extend(_losses_in(lang, frame, back=True))
    frame = frame.with_columns(exprs) if exprs else frame
    if table == "criteria" and INPUT_NAMES in frame.columns:
        # The inputs as the set names them, which every reader works with; a workbook written
        # before 0.39 has only ``inputs``, named so.
        frame = frame.with_columns(pl.col(INPUT_NAMES).alias("inputs")).drop(INPUT_NAMES)
    if table == "about" and {"key", "value"} <= set(frame.columns):
        frame = _unlabel_about(frame, lang)
    return frame


def _unlabel_about(about: pl.DataFrame, lang: str) -> pl.DataFrame:
    keys = [None if k is None else about_key_id(k, lang) for k in about["key"].cast(pl.String).to_list()]
    values = about["value"].cast(pl.String).to_list()
    ids = [_about_id(k, v, lang) for k, v in zip(keys, values, strict=True)]
    return about.with_columns(pl.Series("key", keys, pl.String), pl.Series("value", ids, pl.String))
