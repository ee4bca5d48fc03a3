"""Columns of a self-assessment sheet that the criteria set needs and the sheet does not have at all.

An evidence column left out of a form (an export without «Số văn bản», a province's own form
without «Tệp minh chứng») read as every cell of it empty: each item whose evidence needs that
part scored 0 as "evidence missing", 2,032 warnings on the example, exit 0, and nothing said the
column was missing (session 25's layout campaign). A self-score column left out silenced every
self-score check. Neither is a commune's choice: the sheet's headings are the form's, so the
whole sheet is told once, at its header row.

A field given in the value column instead (a long row whose input names it: ``input`` =
``evidence_number``) is given: the sheet is told only when neither a column nor such a row gives
it. Survey files give no evidence or self-scores, and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import polars as pl

from pari_index.criteria.model import Leaf, Part
from pari_index.errors import Problem
from pari_index.intake.schema import CRITERION
from pari_index.intake.sheet import FILE, SHEET, Sheet

#: The evidence an item may require (``evidence.requires`` in the set), by the column giving it.
EVIDENCE_COLUMNS = {"evidence_number": "number", "evidence_date": "date", "evidence_file": "file"}
SELF_SCORE = "self_score"
WATCHED = (*EVIDENCE_COLUMNS, SELF_SCORE)
#: Items named in a problem's message; the count says how many more.
_SHOWN_ITEMS = 3


@dataclass
class _SheetFields:
    """What one sheet gives: the watched fields its headings name, the items its rows (or a wide
    sheet's headings) name, and the watched fields named in its input column."""

    file: str
    sheet: str | None
    header_row: int
    headings: frozenset[str]
    items: set[str] = field(default_factory=set)
    named: set[str] = field(default_factory=set)


@dataclass
class AbsentColumns:
    """Kept while the sheets are read (:meth:`note_long`, :meth:`note_wide`), told once every
    sheet is read (:meth:`problems`). A sheet with every watched column costs nothing."""

    sheets: dict[tuple[str, str | None], _SheetFields] = field(default_factory=dict)

    def _entry(self, sheet: Sheet, headings: Iterable[str], survey_files: frozenset[str]) -> _SheetFields | None:
        given = frozenset(headings) & set(WATCHED)
        if len(given) == len(WATCHED) or sheet.file in survey_files:
            return None
        key = (sheet.file, sheet.name)
        if key not in self.sheets:
            self.sheets[key] = _SheetFields(sheet.file, sheet.name, sheet.header_row, given)
        return self.sheets[key]

    def note_long(self, sheet: Sheet, frame: pl.DataFrame, survey_files: frozenset[str]) -> None:
        """The items and named fields of ``frame``: rows of long sheets with ``sheet``'s columns
        (consecutive sheets read as one frame, or one range of a large CSV file)."""
        if self._entry(sheet, frame.columns, survey_files) is None or CRITERION not in frame.columns:
            return
        named = pl.col("input").filter(pl.col("input").is_in(WATCHED)) if "input" in frame.columns else None
        per_sheet = frame.group_by(FILE, SHEET).agg(
            pl.col(CRITERION).drop_nulls().unique(),
            *([named.unique().alias("_named")] if named is not None else []),
        )
        for row in per_sheet.iter_rows(named=True):
            entry = self.sheets.get((row[FILE], row[SHEET]))
            if entry is None:  # another sheet of the group: same columns
                entry = self.sheets.setdefault(
                    (row[FILE], row[SHEET]),
                    _SheetFields(row[FILE], row[SHEET], sheet.header_row, frozenset(frame.columns) & set(WATCHED)),
                )
            entry.items.update(row[CRITERION])
            entry.named.update(row.get("_named") or ())

    def note_wide(self, sheet: Sheet, value_columns: list[str], survey_files: frozenset[str]) -> None:
        """A wide sheet: its items and fields are its headings (``1.1.1``, ``1.1.1:evidence_file``)."""
        fields = {c.split(":", 1)[1].strip() for c in value_columns if ":" in c}
        entry = self._entry(sheet, fields, survey_files)
        if entry is not None:
            entry.items.update(c.split(":", 1)[0].strip() for c in value_columns)

    def problems(self, leaves: list[Leaf]) -> list[Problem]:
        """One problem per sheet and kind: the evidence columns it lacks that its items need (an
        error: those items scored as without evidence), and a missing self-score column (a warning)."""
        needs = {leaf.id: {need for e in leaf.evidence for need in e.requires} for leaf in leaves}
        order = {leaf.id: i for i, leaf in enumerate(leaves)}
        assessed = {leaf.id for leaf in leaves if leaf.part is not Part.survey}  # a survey has no self-score
        found: list[Problem] = []
        for entry in self.sheets.values():
            given = entry.headings | entry.named
            lacking = {
                column: [i for i in entry.items if need in needs.get(i, ())]
                for column, need in EVIDENCE_COLUMNS.items()
                if column not in given
            }
            items = sorted({i for needing in lacking.values() for i in needing}, key=lambda i: order.get(i, len(order)))
            if items:
                found.append(_evidence_absent(entry, [c for c, needing in lacking.items() if needing], items))
            if SELF_SCORE not in given and not entry.items.isdisjoint(assessed):
                found.append(_self_score_absent(entry))
        return found


def _evidence_absent(entry: _SheetFields, columns: list[str], items: list[str]) -> Problem:
    shown = ", ".join(items[:_SHOWN_ITEMS]) + (
        f" … (+{len(items) - _SHOWN_ITEMS})" if len(items) > _SHOWN_ITEMS else ""
    )
    names = ", ".join(columns)
    return Problem(
        "evidence-column-absent",
        f"no column {names}: {len(items)} items of this sheet need it as evidence ({shown}); without it they "
        "were scored as without evidence",
        file=entry.file,
        sheet=entry.sheet,
        row=entry.header_row,
        hint="add the column to the header row, as in the form of pari template (docs/data-formats.md), or give "
        "each item's evidence in a row whose input column names it; then score again",
        params={"columns": names, "count": len(items), "items": shown},
    )


def _self_score_absent(entry: _SheetFields) -> Problem:
    return Problem(
        "self-score-column-absent",
        "no column self_score: the commune's own scores were not compared with the scores the rules give",
        file=entry.file,
        sheet=entry.sheet,
        row=entry.header_row,
        hint="add the column self_score (or điểm tự chấm) to the header row, as in the form of pari template",
        severity="warning",
        params={"columns": SELF_SCORE},
    )
