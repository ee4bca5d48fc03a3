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

The stages live in their own modules: :mod:`.forms` (long and wide sheets into cells and meta
rows), :mod:`.cell_types` and :mod:`.cell_checks` (typing and checking cells), :mod:`.meta`
(self-scores and evidence), :mod:`.ledger` (every source row's fate), :mod:`.schema`,
:mod:`.findings` and :mod:`.model` (the frames' shapes), :mod:`.evaluation_input` (the intake as
the scorer takes it). This module reads the files and runs them in order.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pari_index.criteria.compiling import INPUT_DTYPES, na_column
from pari_index.criteria.model import Leaf
from pari_index.errors import IntakeError, Problem
from pari_index.intake.absent_columns import AbsentColumns
from pari_index.intake.cell_checks import check_and_type, check_cells
from pari_index.intake.copied_rows import RowsSeen
from pari_index.intake.csv_input import CsvRanges
from pari_index.intake.evaluation_input import evaluation_frame, wrong_unit_findings
from pari_index.intake.findings import empty_findings, problems_to_findings
from pari_index.intake.form_version import form_version_findings, other_maxima
from pari_index.intake.forms import SheetPlan, group_cells, long_cells, long_headers, no_meta_rows, plan_sheet
from pari_index.intake.ledger import LEDGER_SCHEMA, RowKeys, RowPart, SourceRows, source_ledger
from pari_index.intake.many import FilesAhead, read_many_tables
from pari_index.intake.meta import check_meta, code_columns_written, split_meta_rows
from pari_index.intake.model import Intake, LeafTable
from pari_index.intake.rejects import ORDER
from pari_index.intake.repeated_rows import KeyRepeats, too_many_repeated_keys
from pari_index.intake.schema import (
    ASSESSMENT_ALIASES,
    CELL_SCHEMA,
    COLUMN,
    CRITERION,
    DESCRIPTIVE_COLUMNS,
    EVIDENCE_PLACE,
    FIELD,
    FINDING_SCHEMA,
    META_SCHEMA,
    PLACE_SCHEMA,
    VALUE,
)
from pari_index.intake.sheet import ROW, Sheet, codes_read
from pari_index.intake.unplaced_rows import UnplacedRows


def source_rows(parts: list[tuple[RowPart, str | None]]) -> SourceRows:
    """Every row of every sheet (file, sheet, row) and why it was not read (a missing column)."""
    return SourceRows(parts)


@dataclass
class SheetsRead:
    """What reading the sheets found besides their cells: problems (the files' and the sheets'),
    where each sheet's rows are (file, sheet and row, and why none was read) for the ledger, and
    the wide sheets' meta headers (see :func:`.meta.meta_column_name`)."""

    problems: list[Problem]
    row_parts: list[tuple[RowPart, str | None]] = field(default_factory=list)
    meta_headers: dict[str, str] = field(default_factory=dict)
    groups: int = 0
    #: Where the next group's ORDER starts (see :func:`sheet_groups`).
    next_order: int = 0
    #: Rows whose «Max points» are not their item's in the set (:mod:`.form_version`), and the
    #: warnings made of them once every sheet is read.
    other_maxima: list[pl.DataFrame] = field(default_factory=list)
    form_findings: pl.DataFrame = field(default_factory=empty_findings)

    #: The watched columns each sheet lacks (:mod:`.absent_columns`).
    absent: AbsentColumns = field(default_factory=AbsentColumns)
    #: Rows that give the commune, item and input of an earlier row, in every sheet read.
    keys: KeyRepeats = field(default_factory=KeyRepeats)
    #: Rows of nothing to score naming no item or input of the set, told by file and sheet.
    unplaced: UnplacedRows = field(default_factory=UnplacedRows)

    def note_keys(self, sheet: Sheet, frame: pl.DataFrame, wide_cells: list[str] | None = None) -> None:
        """Count the cells of the rows of ``frame`` (of ``sheet``; wide, with its value columns
        ``wide_cells``) that repeat an earlier row's key; past PARI_MAX_REPEATED_CELLS the run
        stops here, before their cells and findings are made."""
        repeats = self.keys.note(frame, wide_cells, sheet.file)
        if repeats is not None:
            told = too_many_repeated_keys(repeats, self.keys.limit, sheet.file, sheet.name, self.keys.same_as)
            raise IntakeError([told, *self.problems])

    def look_at_long(self, sheet: Sheet, frame: pl.DataFrame, table: LeafTable) -> None:
        """Kept from ``frame`` (long-form rows with ``sheet``'s columns): its rows whose form gives
        another maximum than the set's, and the items of a sheet that lacks a watched column."""
        found = other_maxima(frame, table)
        if found.height:
            self.other_maxima.append(found)
        self.unplaced.look_at(frame, table, self.problems)
        self.absent.note_long(sheet, frame, table.survey_files)

    def close(self, table: LeafTable) -> None:
        """What was kept while reading made findings (once every sheet is read)."""
        self.form_findings = form_version_findings(self.other_maxima)
        self.other_maxima = []
        self.problems += self.absent.problems(table.leaves)
        self.absent = AbsentColumns()
        self.unplaced.close(self.problems)

    def findings(self) -> pl.DataFrame:
        """The problems of the files and sheets as findings, then the forms' (:meth:`close`)."""
        return pl.concat([problems_to_findings(self.problems), self.form_findings])


def sheet_groups(
    paths: Sequence[str | Path],
    table: LeafTable,
    read: SheetsRead | None = None,
    slice_rows: int | None = None,
    ahead: FilesAhead | None = None,
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """The cells and meta rows (as text) of every file, a group of sheets at a time; what else
    the sheets tell is gathered in ``read`` as they go. Consecutive sheets with the same form and
    columns (typically one file per commune) are read as one frame; each group's frames are freed
    once they are cells.

    With ``slice_rows``, the cells and meta rows carry ORDER (their place in the order the whole
    intake's are in; sparse, but increasing), a long group is made cells ``slice_rows`` rows
    at a time (a national file's cells were otherwise made all at once beside its grid), and a
    large CSV file is read a range of records at a time (:func:`_ranged_groups`; the files
    read by ``ahead`` when it was begun for them). A file whose every row an earlier file holds
    is refused once all are read (:mod:`.copied_rows`)."""
    seen = read if read is not None else SheetsRead([])
    rows = RowsSeen(len(paths))
    for cells, meta_rows in _sheet_groups(paths, table, seen, slice_rows, ahead):
        rows.note(cells, meta_rows)
        yield cells, meta_rows
    rows.check()


def _sheet_groups(
    paths: Sequence[str | Path],
    table: LeafTable,
    seen: SheetsRead,
    slice_rows: int | None,
    ahead: FilesAhead | None,
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """:func:`sheet_groups` without the check of copies."""
    if slice_rows is not None:
        yield from _ranged_groups(paths, table, seen, slice_rows, ahead)
        seen.close(table)
        return
    # Runs of small CSV files read together (or read already, while the criteria set loaded).
    result = ahead.result(paths, ranged=False) if ahead is not None else read_many_tables(list(paths))
    seen.problems += result.problems
    sheets = result.sheets
    result.sheets = []
    group: list[SheetPlan] = []
    while sheets or group:
        plan = plan_sheet(sheets.pop(0), table) if sheets else None
        if group and (plan is None or plan.signature != group[0].signature):
            seen.groups += 1
            yield from _group_parts(_Group(group, group[0].signature, seen.next_order), table, seen, None)
            group = []
        if plan is None:
            continue
        group.append(plan)
        _planned(plan, plan.sheet.frame, seen)
    seen.close(table)


def _planned(plan: SheetPlan, rows: pl.DataFrame, seen: SheetsRead) -> str | None:
    """What a sheet's plan tells besides its cells: its problems, and where its ``rows`` are;
    why its rows are not read (or None)."""
    seen.problems += plan.problems
    # A sheet missing a required column is not read at all: its rows are rejected, not empty.
    missing = [p.message for p in plan.problems if p.code == "missing-column"]
    unread = "; ".join(missing) if missing else None
    # Only where each row is, for the ledger: keeping the whole sheet here would hold every
    # string of the grid until the intake ends.
    seen.row_parts.append((_row_part(plan.sheet, rows), unread))
    return unread


def _row_part(sheet: Sheet, rows: pl.DataFrame) -> RowPart:
    """Where ``rows`` (of ``sheet``) are, as numbers (its rows all have the sheet's file and name)."""
    return RowPart(sheet.file, sheet.name, rows.get_column(ROW))


@dataclass
class _Group:
    """Consecutive sheets of the same form and columns (see :func:`sheet_groups`): the plans of
    those not made cells yet, the ORDER of its first row (``start``) and of the waiting plans'
    first (``start + offset``). ``spread`` is set when the group holds a sheet read by range
    (whose rows are not known in advance): a long group's n/a marks and meta fields in the value
    column then come ``spread`` after its rows (instead of its number of rows)."""

    plans: list[SheetPlan]
    signature: tuple[str | None, tuple[str, ...]]
    start: int
    offset: int = 0
    spread: int | None = None


def _group_parts(
    group: _Group, table: LeafTable, seen: SheetsRead, slice_rows: int | None
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """The cells and meta rows of a group's waiting sheets (see :func:`sheet_groups`)."""
    plans, start = group.plans, group.start + group.offset
    if not plans:
        return
    if plans[0].form == "long":
        headings = long_headers(plans)
        seen.meta_headers.update(headings)
        for plan in plans:
            seen.note_keys(plan.sheet, plan.sheet.frame)
        frame = plans[0].sheet.frame if len(plans) == 1 else pl.concat([plan.sheet.frame for plan in plans])
        sheet = plans[0].sheet
        plans.clear()  # the frame is the sheets now
        seen.look_at_long(sheet, frame, table)
        if slice_rows is None:
            yield long_cells(frame, table, headings=headings)
            return
        span = frame.height
        frame = frame.with_columns((pl.int_range(pl.len(), dtype=pl.UInt64) + start).alias(ORDER))
        group.offset += span
        later = group.spread if group.spread is not None else span
        for first in range(0, span, slice_rows):
            yield long_cells(frame.slice(first, slice_rows), table, later, headings)
        return
    for plan in plans:
        seen.absent.note_wide(plan.sheet, plan.value_columns, table.survey_files)
        seen.note_keys(plan.sheet, plan.sheet.frame, plan.value_columns)
    cells, meta_rows, headers = group_cells(plans, table)
    plans.clear()
    seen.meta_headers.update(headers)
    if slice_rows is not None:
        cells, meta_rows = (
            frame.with_columns((pl.int_range(pl.len(), dtype=pl.UInt64) + start).alias(ORDER))
            for frame in (cells, meta_rows)
        )
        group.offset += max(cells.height, meta_rows.height)
    yield cells, meta_rows


def _close(
    group: _Group, table: LeafTable, seen: SheetsRead, slice_rows: int
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """The group's last cells and meta rows; the next group's ORDER starts after all of its."""
    long = group.signature[0] == "long"
    yield from _group_parts(group, table, seen, slice_rows)
    seen.groups += 1
    rows = group.offset
    # A long group's rows, then its n/a marks (``spread``, or its rows, after them).
    seen.next_order = group.start + (rows + (group.spread if group.spread is not None else rows) if long else rows)


def _ranged_groups(
    paths: Sequence[str | Path], table: LeafTable, seen: SheetsRead, slice_rows: int, ahead: FilesAhead | None
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """:func:`sheet_groups` with ``slice_rows``: each large CSV file's rows are made cells a range
    of records at a time (``csv_input.CsvRanges``), and its problems put where reading it whole
    gives them, once every range is read; a file that cannot be read by range (wide, no usable
    header) is read whole, as before."""
    result = ahead.result(paths) if ahead is not None else read_many_tables(list(paths), ranged=True)
    seen.problems += result.problems
    sheets = result.sheets
    result.sheets = []
    # More than the rows of every sheet: where a group with a sheet read by range puts its n/a marks.
    spread = sum(sheet.ranges.rows if sheet.ranges is not None else sheet.frame.height for sheet in sheets)
    inserted = 0
    group: _Group | None = None
    while sheets:
        sheet = sheets.pop(0)
        ranges = sheet.ranges
        first = ranges.first() if ranges is not None else sheet
        plan = plan_sheet(first, table) if first is not None else None
        if ranges is not None and (plan is None or plan.form != "long"):
            whole = ranges.whole()
            seen.problems[ranges.problem_at + inserted : ranges.problem_at + inserted] = whole.problems
            inserted += len(whole.problems)
            sheets[:0] = whole.sheets
            continue
        assert plan is not None
        if group is not None and plan.signature != group.signature:
            yield from _close(group, table, seen, slice_rows)
            group = None
        if group is None:
            group = _Group([], plan.signature, seen.next_order)
        if ranges is None:
            group.plans.append(plan)
            _planned(plan, plan.sheet.frame, seen)
            continue
        group.spread = spread
        yield from _group_parts(group, table, seen, slice_rows)  # the sheets before it, at their place
        yield from _ranged_parts(plan, ranges, group, table, seen, slice_rows)
        seen.problems[ranges.problem_at + inserted : ranges.problem_at + inserted] = ranges.found
        inserted += len(ranges.found)
    if group is not None:
        yield from _close(group, table, seen, slice_rows)


def _ranged_parts(
    plan: SheetPlan, ranges: CsvRanges, group: _Group, table: LeafTable, seen: SheetsRead, slice_rows: int
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """The cells and meta rows of a long sheet read by range (``plan``: of its first range), each
    range's rows made cells (``slice_rows`` at a time) before the next range is parsed."""
    assert group.spread is not None
    headings = long_headers([plan])
    seen.meta_headers.update(headings)
    first = plan.sheet.frame
    renamed = {old: new for old, new in zip(ranges.first_columns, first.columns, strict=True) if old != new}
    # A row's place among the group's: its grid row (blank rows left out make gaps, no more).
    start = group.start + group.offset
    place = (pl.col(ROW) - 2 + start).cast(pl.UInt64).alias(ORDER)
    unread = _planned(plan, first, seen)
    for frame in itertools.chain([first], (codes_read(frame.rename(renamed)) for frame in ranges.rest())):
        if frame is not first:
            seen.row_parts.append((_row_part(plan.sheet, frame), unread))
        seen.note_keys(plan.sheet, frame)
        seen.look_at_long(plan.sheet, frame, table)
        frame = frame.with_columns(place)
        for at in range(0, frame.height, slice_rows):
            yield long_cells(frame.slice(at, slice_rows), table, group.spread, headings)
    group.offset += ranges.rows


def no_assessments() -> IntakeError:
    return IntakeError(Problem("no-input", "no assessment file was given", hint="pari score FILE ..."))


def read_assessments(
    paths: Sequence[str | Path],
    leaves: Sequence[Leaf],
    known_communes: pl.Series | None = None,
    *,
    defer_ledger: bool = False,
    ahead: FilesAhead | None = None,
    survey: Collection[str | Path] = (),
    unit_names: pl.DataFrame | None = None,
) -> Intake:
    """Read assessment (or survey) files in long or wide form into checked, typed cells. With
    ``defer_ledger`` the ledger is made by ``Intake.finish_ledger`` (a scoring run calls it after
    its batches): it needs only the source rows, the used rows' keys and the findings. A batched
    run reads and checks them a batch of communes at a time instead (:mod:`.by_batch`).
    ``ahead``: the files being read already (:class:`.many.FilesAhead`). ``survey``: those of
    ``paths`` given as survey results (a value of another item in one is ``not-survey-item``).
    ``unit_names``: the register's ``code`` and ``name``, to tell a unit's name typed as its code."""
    if not paths:
        raise no_assessments()
    table = LeafTable.build(leaves, survey)
    cell_parts: list[pl.DataFrame] = []
    meta_parts: list[pl.DataFrame] = []
    read = SheetsRead([])
    for cells, meta_rows in sheet_groups(paths, table, read, ahead=ahead):
        cell_parts.append(cells)
        meta_parts.append(meta_rows)
    problems, row_parts, meta_headers = read.problems, read.row_parts, read.meta_headers
    if not cell_parts and problems:
        raise IntakeError(problems)
    meta_rows, misplaced = split_meta_rows(
        pl.concat(meta_parts) if meta_parts else no_meta_rows(), table, known_communes, meta_headers
    )
    meta_parts.clear()
    cell_parts.append(misplaced)
    row_keys = RowKeys.of_rows([where for where, _ in row_parts])
    accepted, findings = check_cells(cell_parts, table, known_communes, unit_names)
    findings = code_columns_written(findings, meta_headers)
    used_keys = [row_keys.of(accepted)]
    meta, meta_findings, meta_used, places = check_meta(meta_rows, meta_headers)
    del meta_rows
    used_keys.append(row_keys.of(meta_used))
    del meta_used
    findings = pl.concat([read.findings(), findings, meta_findings])

    def ledger() -> pl.DataFrame:
        return source_ledger(source_rows(row_parts), row_keys, used_keys, findings)

    if not defer_ledger:
        return Intake(cells=accepted, meta=meta, findings=findings, ledger=ledger(), places=places)
    intake = Intake(
        cells=accepted, meta=meta, findings=findings, ledger=pl.DataFrame(schema=LEDGER_SCHEMA), places=places
    )
    intake.pending_ledger = ledger
    return intake


#: The intake's public names, defined in the modules named in the docstring and gathered here, so
#: that the other stages import the intake from one place.
__all__ = [
    "ASSESSMENT_ALIASES",
    "CELL_SCHEMA",
    "COLUMN",
    "CRITERION",
    "DESCRIPTIVE_COLUMNS",
    "EVIDENCE_PLACE",
    "FIELD",
    "FINDING_SCHEMA",
    "INPUT_DTYPES",
    "META_SCHEMA",
    "PLACE_SCHEMA",
    "VALUE",
    "Intake",
    "LeafTable",
    "check_and_type",
    "empty_findings",
    "evaluation_frame",
    "na_column",
    "problems_to_findings",
    "read_assessments",
    "wrong_unit_findings",
]
