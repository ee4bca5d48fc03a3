"""Columns of an appraisal file that it does not read, said rather than dropped.

An appraisal file is read for its commune, item, corrected input or score, decision on an
explanation, reason and appraiser (``intake.appraisal.APPRAISAL_ALIASES``). Until session 18
every other column was dropped without a word: a council that wrote its corrected points in a
``self_score`` column, or new evidence in ``evidence_file``, saw the commune's own values scored
and was never told. Now a filled column of the commune's own fields is ``not-appraisal-field``,
any other filled column ``unknown-column``: one finding per column of a sheet, naming it, its
filled cells and the first row (its rows are applied as before). A column of notes («Ghi chú»,
schema.NOTES_KEYS) is ``notes-column``, a warning, as in the assessments and survey (until session
31 it was an ``unknown-column`` error in an appraisal file alone). Columns a template carries for
people to read (a commune's name) and empty columns are left alone."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from pari_index.errors import Problem, quoted
from pari_index.intake.schema import ASSESSMENT_ALIASES, DESCRIPTIVE_KEYS, META_FIELDS, NOTES_KEYS
from pari_index.intake.sheet import heading_in, heading_key
from pari_index.intake.tables import FILE, HEADING, ROW, SHEET
from pari_index.messages.labels import PARAM_WORDS

#: The commune's own fields an appraisal file may carry by mistake, by their headings' ids.
_OWN = {heading_key(alias): field for alias, field in ASSESSMENT_ALIASES.items() if field in META_FIELDS}


def own_field_of(name: str) -> str | None:
    """The commune's own field (schema.META_FIELDS) a heading or an input name ``name`` names
    (``self_score``, «Điểm tự chấm», ``Evidence File``), or None."""
    return _OWN.get(heading_key(name))


def unread_columns(frame: pl.DataFrame, read: Iterable[str]) -> list[Problem]:
    """A problem for each column of ``frame`` (an appraisal file's sheets, stacked, its headings in
    HEADING columns) that is not one of ``read`` and has a filled cell in a sheet."""
    known = set(read)
    problems: list[Problem] = []
    places = [frame.get_column(name) for name in (FILE, SHEET, ROW)]
    names = set(frame.columns)  # each frame.columns copies every heading anew
    for column in frame.columns:
        if column.startswith("_") or column in known or heading_in(column, DESCRIPTIVE_KEYS):
            continue
        # The column, its heading and the places alone: filtering the whole stacked frame copied
        # its every column, and a polars plan over it its every heading, for each column. A file of
        # 2,000 columns headed with 2,400 letters each (5 MB) took 43 CPU s until session 32
        # (limits32/appraisal-of-2000-long-headings).
        text = frame.get_column(column).cast(pl.String).str.strip_chars()
        filled_cells = text.is_not_null() & (text != "")
        if not filled_cells.any():
            continue  # (most columns of such a file: one series looked at, no frame made)
        heading = HEADING + column
        own = [frame.get_column(name) for name in (column, heading) if name in names]
        filled = (
            pl.DataFrame([*places, *own])
            .filter(filled_cells)
            .group_by(FILE, SHEET, maintain_order=True)
            .agg(pl.len().alias("cells"), pl.col(ROW).min().alias("first"), *_heading(heading in names, column))
        )
        for place in filled.iter_rows(named=True):
            problems.append(_problem(column, place))
    return problems


#: The columns of an appraisal file that change something: a corrected input, the council's points,
#: its decision on an explanation.
CORRECTIONS = ("value", "score", "evidence_accepted")


def corrections_absent(frame: pl.DataFrame) -> list[Problem]:
    """One error for each sheet of rows (``frame``: an appraisal file's sheets, stacked) that has
    none of the columns that carry a correction: its every row corrects nothing. Each row was told
    so (appraisal-no-correction), never that the file lacked the columns (session 26: a file saved
    with its reasons alone gave one error per row and no word of its columns)."""
    if frame.is_empty() or any(column in frame.columns for column in CORRECTIONS):
        return []
    problems: list[Problem] = []
    for (file, sheet), rows in frame.group_by(FILE, SHEET, maintain_order=True):
        problems.append(
            Problem(
                "appraisal-corrections-absent",
                f"no column of corrections (value, score or evidence_accepted): its {rows.height:,} rows correct "
                "nothing",
                file=str(file),
                sheet=None if sheet is None else str(sheet),
                hint="add a column score (the council's points), value (a corrected input) or evidence_accepted "
                "(yes or no on an explanation), named as in docs/data-formats.md; then score again",
                params={"count": rows.height},
            )
        )
    return problems


def _heading(written: bool, column: str) -> list[pl.Expr]:
    """The column's heading as its first sheet writes it (``written``: the frame has HEADING +
    column), else its name."""
    return [pl.col(HEADING + column).first().alias("heading")] if written else [pl.lit(column).alias("heading")]


def _problem(column: str, place: dict[str, object]) -> Problem:
    heading = str(place["heading"] or column)
    cells, first = place["cells"], place["first"]
    field = _OWN.get(heading_key(column)) or _OWN.get(heading_key(heading))
    file, sheet = str(place[FILE]), None if place[SHEET] is None else str(place[SHEET])
    if field is not None:
        own = PARAM_WORDS["own_field"][field].en
        return Problem(
            "not-appraisal-field",
            f"column {quoted(heading)} holds the commune's own {own}, which an appraisal file does not change; "
            f"its {cells:,} filled cells (the first in row {first}) were not used",
            file=file,
            sheet=sheet,
            field=heading,
            hint="write the council's points in the score column and its decision on an explanation in "
            "evidence_accepted; correct the commune's own value in its assessment file",
            params={"column": quoted(heading), "own_field": field, "cells": cells, "first": first},
        )
    if heading_in(column, NOTES_KEYS) or heading_in(heading, NOTES_KEYS):
        return Problem(
            "notes-column",
            f"column {quoted(heading)} holds notes: no rule reads them, and nothing in it was scored",
            file=file,
            sheet=sheet,
            field=heading,
            hint="nothing to do for remarks; an item that did not arise is marked in the n/a column, and a value "
            "to score goes in its own column (pari template)",
            severity="warning",
            params={"column": quoted(heading)},
        )
    return Problem(
        "unknown-column",
        f"column {quoted(heading)} is not one pari-index reads; it was ignored",
        file=file,
        sheet=sheet,
        field=heading,
        hint="rename the column as in the template, or delete it",
        params={"column": quoted(heading)},
    )
