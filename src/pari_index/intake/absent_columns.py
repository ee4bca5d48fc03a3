"""Columns of a self-assessment sheet that the criteria set needs and the sheet does not have at all.

An evidence column left out of a form (an export without «Số văn bản», a province's own form
without «Tệp minh chứng») read as every cell of it empty: each item whose evidence needs that
part scored 0 as "evidence missing", 2,032 warnings on the example, exit 0, and nothing said the
column was missing (session 25's layout campaign). A self-score column left out silenced every
self-score check. Neither is a commune's choice: the sheet's headings are the form's, so the
whole sheet is told once, at its header row. A sheet that gives no part of the evidence at all
(values alone, the shortest long form ``commune_code, criterion_id, value``, or values and
self-scores) is not checked: it is a form of another kind, not one with a column left out, and
each item without evidence is told as before (``evidence-missing``). Nor is evidence given by
another file than the values: each sheet is checked alone for its evidence. Its self-scores
are asked of a sheet that gives values only (a sheet of evidence alone gave a false "no
self-score column"), and only for the items no other sheet of the run gives self-scores of.

A wide form is checked item by item: its headings are per item (``1.1.1:evidence_number``),
and one item's column left out of it was as silent. A field given in the value column instead
(a long row whose input names it: ``input`` = ``evidence_number``) is given: the sheet is told
only when neither a column nor such a row gives it. Survey files give no evidence or
self-scores, and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import polars as pl

from pari_index.criteria.model import Leaf, Part
from pari_index.errors import Problem
from pari_index.intake.schema import CRITERION, VALUE, meta_field_of
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
    #: A wide sheet's watched fields per item (its headings ``1.1.1:evidence_file``), shared by the
    #: sheets of the same headings; None for a long sheet, whose columns serve every item.
    per_item: Mapping[str, frozenset[str]] | None = None
    #: Whether the sheet gives values (a long sheet's value column; a wide sheet's items): a sheet
    #: of evidence alone is not asked for self-scores.
    values: bool = True

    def given(self, item: str) -> frozenset[str]:
        """The watched fields the sheet gives for ``item``."""
        if self.per_item is not None:
            return self.per_item.get(item, frozenset())
        return self.headings | self.named


@dataclass
class AbsentColumns:
    """Kept while the sheets are read (:meth:`note_long`, :meth:`note_wide`), told once every
    sheet is read (:meth:`problems`). A sheet with every watched column costs nothing."""

    sheets: dict[tuple[str, str | None], _SheetFields] = field(default_factory=dict)
    #: The per-item fields of each distinct set of wide headings (10,600 one-commune forms share one).
    wide_fields: dict[tuple[str, ...], Mapping[str, frozenset[str]]] = field(default_factory=dict)

    def _entry(self, sheet: Sheet, headings: Iterable[str], survey_files: frozenset[str]) -> _SheetFields | None:
        """The sheet's entry; None for a sheet with every watched column and values (nothing to
        tell, nothing to keep) and for a survey. A sheet of evidence and self-scores without
        values is kept: its self-scores serve the items of a values sheet without them."""
        headings = frozenset(headings)
        given, values = headings & set(WATCHED), VALUE in headings
        if (len(given) == len(WATCHED) and values) or sheet.file in survey_files:
            return None
        key = (sheet.file, sheet.name)
        if key not in self.sheets:
            self.sheets[key] = _SheetFields(sheet.file, sheet.name, sheet.header_row, given, values=values)
        return self.sheets[key]

    def note_long(self, sheet: Sheet, frame: pl.DataFrame, survey_files: frozenset[str]) -> None:
        """The items and named fields of ``frame``: rows of long sheets with ``sheet``'s columns
        (consecutive sheets read as one frame, or one range of a large CSV file)."""
        if self._entry(sheet, frame.columns, survey_files) is None or CRITERION not in frame.columns:
            return
        for row in _items_and_named(frame).iter_rows(named=True):
            entry = self.sheets.get((row[FILE], row[SHEET]))
            if entry is None:  # another sheet of the group: same columns
                entry = self.sheets.setdefault(
                    (row[FILE], row[SHEET]),
                    _SheetFields(
                        row[FILE],
                        row[SHEET],
                        sheet.header_row,
                        frozenset(frame.columns) & set(WATCHED),
                        values=VALUE in frame.columns,
                    ),
                )
            entry.items.update(row[CRITERION])
            entry.named.update(row.get("_named") or ())

    def note_wide(self, sheet: Sheet, value_columns: list[str], survey_files: frozenset[str]) -> None:
        """A wide sheet: its items and fields are its headings (``1.1.1``, ``1.1.1:evidence_file``),
        item by item: one item's evidence column left out of a wide form is told too."""
        if sheet.file in survey_files:
            return
        per_item = self.wide_fields.get(tuple(value_columns))
        if per_item is None:
            fields: dict[str, set[str]] = {}
            for column in value_columns:
                item, _, name = column.partition(":")
                # A heading of the commune's own field retyped (``1.1.1:self score``) is read as it.
                fields.setdefault(item.strip(), set()).add(meta_field_of(name.strip()) or name.strip())
            per_item = {item: frozenset(names & set(WATCHED)) for item, names in fields.items()}
            self.wide_fields[tuple(value_columns)] = per_item
        headings = frozenset().union(*per_item.values())
        self.sheets[(sheet.file, sheet.name)] = _SheetFields(
            sheet.file, sheet.name, sheet.header_row, headings, set(per_item), per_item=per_item
        )

    def problems(self, leaves: list[Leaf]) -> list[Problem]:
        """One problem per sheet and kind: the evidence columns it lacks that its items need (an
        error: those items scored as without evidence), and a missing self-score column (a warning)."""
        needs = {leaf.id: {need for e in leaf.evidence for need in e.requires} for leaf in leaves}
        order = {leaf.id: i for i, leaf in enumerate(leaves)}
        assessed = {leaf.id for leaf in leaves if leaf.part is not Part.survey}  # a survey has no self-score
        shared: dict[int, tuple[list[str], list[str]]] = {}  # by a wide sheet's per_item
        found: list[Problem] = []
        # Items whose self-scores a sheet of the run gives (values in one file, self-scores and
        # evidence in another); a sheet with every watched column and values is not kept, and
        # gives the self-scores of its own items only.
        self_scored = {i for e in self.sheets.values() if SELF_SCORE in e.headings | e.named for i in e.items}
        for entry in self.sheets.values():
            if not (entry.headings | entry.named) & set(EVIDENCE_COLUMNS):  # a form of no evidence at all
                continue
            key = id(entry.per_item)
            if entry.per_item is None or key not in shared:
                lacking = {
                    column: [i for i in entry.items if need in needs.get(i, ()) and column not in entry.given(i)]
                    for column, need in EVIDENCE_COLUMNS.items()
                }
                items = sorted({i for needing in lacking.values() for i in needing}, key=lambda i: order.get(i, 0))
                shared[key] = ([c for c, needing in lacking.items() if needing], items)
            columns, items = shared.pop(key) if entry.per_item is None else shared[key]
            if items:
                found.append(_evidence_absent(entry, columns, items))
            if (
                SELF_SCORE not in entry.headings | entry.named
                and entry.values
                and (entry.items & assessed) - self_scored
            ):
                found.append(_self_score_absent(entry))
        return found


def _evidence_absent(entry: _SheetFields, columns: list[str], items: list[str]) -> Problem:
    shown = ", ".join(items[:_SHOWN_ITEMS]) + (
        f" … (+{len(items) - _SHOWN_ITEMS})" if len(items) > _SHOWN_ITEMS else ""
    )
    names = ", ".join(columns)
    return Problem(
        "evidence-column-absent",
        f"no column {names}: the items of this sheet that need it as evidence ({len(items)}: {shown}) were "
        "scored as without evidence",
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


def _items_and_named(frame: pl.DataFrame) -> pl.DataFrame:
    """FILE, SHEET, the items (CRITERION) and the watched fields named in ``input`` (``_named``)
    of each run of consecutive rows of one sheet of ``frame`` (a sheet in two runs is in two
    rows). Only the rows that give an item or a field are grouped, and lazily: a frame of sheets
    concatenated is in chunks, which grouping it whole put together again, every column of every
    row (190 MB for a file of 2.4 million rows of a code alone, and grouping on the file's and
    sheet's names hashed their text on each row: limits28/millions-of-tiny-rows)."""
    run = pl.struct(FILE, SHEET).rle_id().alias("_run")
    has_input = "input" in frame.columns
    watched = pl.col("input").is_in(WATCHED) if has_input else pl.lit(False)
    first_of_run = (pl.col("_run") != pl.col("_run").shift(1)).fill_null(True)
    return (
        frame.lazy()
        .select(
            run, FILE, SHEET, CRITERION, pl.col("input") if has_input else pl.lit(None, dtype=pl.String).alias("input")
        )
        .filter(pl.col(CRITERION).is_not_null() | watched.fill_null(False) | first_of_run)
        .group_by("_run", maintain_order=True)
        .agg(
            pl.col(FILE).first(),
            pl.col(SHEET).first(),
            pl.col(CRITERION).drop_nulls().unique(),
            *([pl.col("input").filter(watched).unique().alias("_named")] if has_input else []),
        )
        .collect()
    )
