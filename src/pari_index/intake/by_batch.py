"""The intake of a batched run, read and checked one batch of communes at a time.

:func:`.assessments.read_assessments` checks and types every commune's cells at once; a batched
run (``pari score --batch-size``, with a register) held them all, which set its peak memory (about
290 MB of frames nationally, and about 500 bytes per input row at any size). Here each group of
sheets is cut, as soon as it is cells and meta rows (text), by the batch of its rows' communes
(:func:`batches_of`: a commune's rows all land in one batch, since repeats and
conflicts are judged per commune) and spilled to temporary Arrow IPC files; rows whose commune is
in no batch (unknown, empty) form one more batch, checked and reported like the others. Each
batch is then checked and typed alone when the run takes it for scoring (:class:`BatchedIntake`;
its accepted cells, meta and places go straight to its scoring), and only its findings, the keys
of its used rows (for the ledger, :class:`.ledger.RowKeys`) and what the run needs of it besides
(its not-applicable-to-unit warnings, the items it gave) are kept.

The results are the same as the whole intake's, to the byte: every cell and meta row carries its
place in the whole intake's order (``rejects.ORDER``), each finding the keys that put the
findings of all batches back in the order one check of the whole intake gives them (its check,
its cell's place, the slice of communes :func:`.cell_checks.check_cells` would have put it in),
and each batch's accepted rows come in the order of the whole intake's filtered by batch.
"""

from __future__ import annotations

import queue
import threading
import weakref
from collections.abc import Collection, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import Leaf
from pari_index.errors import IntakeError
from pari_index.intake import cell_checks
from pari_index.intake.assessments import SheetsRead, no_assessments, sheet_groups, source_rows
from pari_index.intake.cell_checks import check_and_type
from pari_index.intake.evaluation_input import wrong_unit_findings
from pari_index.intake.findings import empty_findings
from pari_index.intake.ledger import LEDGER_SCHEMA, RowKeys, RowPart, source_ledger
from pari_index.intake.many import FilesAhead
from pari_index.intake.meta import check_meta, code_columns_written, split_meta_rows
from pari_index.intake.model import Intake, LeafTable
from pari_index.intake.rejects import ORDER, ORDER_KEYS
from pari_index.intake.schema import CELL_SCHEMA, CRITERION, META_ROW_SCHEMA
from pari_index.system.temporaries import spill_folder
from pari_index.system.threads import joined, result_of, taken


def batches_of(codes: pl.Series, size: int | None) -> list[pl.Series]:
    """The distinct codes in sorted order, cut into batches of ``size`` (one batch when None).
    Never empty: no codes at all make one empty batch, so that the result still has its columns."""
    unique = codes.unique().sort()
    if size is None or unique.len() <= size:
        return [unique]
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    return [unique.slice(start, size) for start in range(0, unique.len(), size)]


T = TypeVar("T")

#: The raw rows of all batches are written out once this many of them are waiting (one file per
#: batch and kind each time): their text is the intake's largest transient.
FLUSH_ROWS = 400_000
#: A long group of sheets (a national file) is made cells this many of its rows at a time.
SLICE_ROWS = 100_000
#: The frames of a batch that are per commune (as scoring.batches.PER_COMMUNE).
TYPED = ("cells", "meta", "places")


class _Spill:
    """Frames by name and batch number in temporary Arrow IPC files (zstd: read back whole; on a
    national batch's raw cells both faster to write and to read than lz4, 0.040 and 0.036 CPU s
    against 0.045 and 0.047 for 280,000 rows, and a quarter of the size), removed with this
    object or as they are read."""

    def __init__(self, kind: str, kept: Collection[int] = ()) -> None:
        self._folder = spill_folder(self, kind)
        self._files: dict[tuple[str, int], list[Path]] = {}
        self._waiting: dict[tuple[str, int], list[pl.DataFrame]] = {}
        self._waiting_rows = 0
        #: Batches whose frames stay in memory, never written (``kept``): the first batch of raw
        #: rows is checked as soon as the read ends, so writing it out and reading it back bought
        #: nothing but its compression (0.07 CPU s of the national run's 0.4 s of spill).
        self._kept = frozenset(kept)
        self._held: dict[tuple[str, int], list[pl.DataFrame]] = {}

    def add(self, name: str, number: int, frame: pl.DataFrame) -> None:
        if number in self._kept:
            self._held.setdefault((name, number), []).append(frame)
            return
        self._waiting.setdefault((name, number), []).append(frame)
        self._waiting_rows += frame.height
        if self._waiting_rows >= FLUSH_ROWS:
            self.flush()

    def _flush(self, key: tuple[str, int]) -> None:
        parts = self._waiting.pop(key, [])
        self._waiting_rows -= sum(part.height for part in parts)
        if not parts:
            return
        files = self._files.setdefault(key, [])
        file = self._folder / f"{key[0]}-{key[1]:06d}-{len(files):04d}.arrow"
        pl.concat(parts).write_ipc(file, compression="zstd")
        files.append(file)

    def flush(self) -> None:
        for key in list(self._waiting):
            self._flush(key)

    def take(self, name: str, number: int, empty: pl.DataFrame) -> pl.DataFrame:
        """Everything added under ``name`` and ``number``, in the order added (``empty`` when
        nothing was); its files are removed."""
        key = (name, number)
        if number in self._kept:
            held = self._held.pop(key, [])
            return pl.concat(held) if held else empty
        self._flush(key)
        files = self._files.pop(key, [])
        frames = [pl.read_ipc(file) for file in files]
        for file in files:
            file.unlink()
        return pl.concat(frames) if frames else empty


class BatchFrames:
    """Batches' accepted cells, meta and places, spilled when checked ahead of their scoring
    (:meth:`BatchedIntake.gave_any`); :meth:`take` reads a batch back (once)."""

    def __init__(self, empty: dict[str, pl.DataFrame]) -> None:
        self._spill = _Spill("ahead")
        self._empty = empty

    def put(self, number: int, frames: dict[str, pl.DataFrame]) -> None:
        for name in TYPED:
            self._spill.add(name, number, frames[name])
        self._spill.flush()

    def take(self, number: int) -> dict[str, pl.DataFrame]:
        return {name: self._spill.take(name, number, self._empty[name]) for name in TYPED}


def _partition(spill: _Spill, name: str, frame: pl.DataFrame, number_of: dict[str, int], other: int) -> None:
    """``frame``'s rows added to ``spill`` under the batch number of their commune (``other``
    for a commune in no batch), each batch's rows in their order."""
    if frame.height == 0:
        return
    frame = frame.select(*(RAW_META if name == "meta" else RAW_CELLS))
    # Only the slice's own codes are looked up: replace_strict with ``number_of`` made a series of
    # every code of the register for each slice, which grew with the units times the slices
    # (12.6 s of a 100,000-unit run, and 4 times that at 250,000: benchmarks/README.md).
    codes = frame.get_column(COMMUNE)
    present = codes.unique()
    looked_up = pl.Series([number_of.get(code, other) for code in present.to_list()], dtype=pl.UInt32)
    numbers = codes.replace_strict(present, looked_up, default=other, return_dtype=pl.UInt32).fill_null(other)
    for number in numbers.unique().sort().to_list():
        spill.add(name, number, frame.filter(numbers == number))


@dataclass
class _Checked:
    """What the batches' checks keep: findings with their order keys, the used rows' keys."""

    cell_findings: list[pl.DataFrame] = field(default_factory=list)
    meta_findings: list[pl.DataFrame] = field(default_factory=list)
    used: list[pl.Series] = field(default_factory=list)
    wrong_unit: list[pl.DataFrame] = field(default_factory=list)
    items: set[str] = field(default_factory=set)
    #: The items of accepted value cells alone (not self-scores or evidence).
    value_items: set[str] = field(default_factory=set)


def _check_cells(
    cells: pl.DataFrame, table: LeafTable, known: pl.Series, slices: int, register: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Accepted cells and findings of one batch, checked at once. ``check_cells`` cuts the whole
    intake into ``slices`` slices of communes (one: not cut) and puts their results end to end;
    the checks are per commune, so only the order differs: the accepted cells are put in that
    order here, and each finding gets its slice as an order key. (Checking each slice of each
    batch apart cost 48 calls per batch at 100,000 units, most of them tiny.)"""
    accepted, findings = check_and_type(cells, table, known, register.get_column("code"), register)
    del cells
    if slices <= 1:
        return accepted.drop(ORDER), findings.with_columns(pl.lit(0, dtype=pl.UInt64).alias("_o_slice"))
    slice_of = pl.col(COMMUNE).hash(seed=7) % slices
    # Within a slice, check_and_type gives the typed parts in turn, each in the cells' order: so
    # do its accepted cells here (typed_group, then ORDER), and a stable sort by the slice alone
    # puts them in the order of the slices (a sort on the three keys cost twice as much).
    accepted = accepted.sort(slice_of, maintain_order=True).drop(ORDER)
    return accepted, findings.with_columns(slice_of.alias("_o_slice"))


def _in_order(found: list[pl.DataFrame]) -> pl.DataFrame:
    """Findings of all batches in the whole intake's order (their ORDER_KEYS), without the keys."""
    keyed = [frame for frame in found if frame.height]
    if not keyed:
        return empty_findings()
    together = pl.concat(keyed, how="diagonal_relaxed")
    present = [key for key in ORDER_KEYS if key in together.columns]
    return together.sort(present).drop(present)


#: A batch's raw rows when it has none: the schemas of what :func:`_spill_group` writes.
RAW_CELLS = {**CELL_SCHEMA, ORDER: pl.UInt64()}
RAW_META = {**META_ROW_SCHEMA, ORDER: pl.UInt64()}
RAW_EMPTY = pl.DataFrame(schema=RAW_CELLS)


def _by_order(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` sorted by ORDER (each row's own), not sorted again when it already is (a batch's
    meta rows always are: 6 ms a national batch)."""
    return frame if frame.get_column(ORDER).is_sorted() else frame.sort(ORDER)


def _check_batch(
    number: int, raw: _Spill, table: LeafTable, units: pl.DataFrame, context: _Context, checked: _Checked
) -> dict[str, pl.DataFrame]:
    """Batch ``number``'s raw rows (taken from ``raw``) checked and typed: its accepted cells,
    meta and places; what the run keeps of it goes to ``checked``. ``units``: the register's
    rows of the batch's communes (none for the rows of communes in no batch): a commune's rows
    are all in its batch, so the checks find the same known codes and unit types in them as in
    the whole register, which they looked up for every batch (a time that grew with the units
    times the batches)."""
    # In the whole intake's order (ORDER): a long group's slices made their rows' values and n/a
    # marks in turns, and meta fields made cells come after every sheet's cells, field by field.
    cells = _by_order(
        pl.concat([raw.take("cells", number, pl.DataFrame(schema=RAW_CELLS)), raw.take("misplaced", number, RAW_EMPTY)])
    )
    accepted, found = _check_cells(cells, table, units.get_column("code"), context.slices, context.register)
    del cells
    checked.cell_findings.append(code_columns_written(found, context.headers))
    meta, meta_found, meta_used, places = check_meta(
        _by_order(raw.take("meta", number, pl.DataFrame(schema=RAW_META))), context.headers
    )
    checked.meta_findings.append(meta_found)
    checked.used += [context.row_keys.of(accepted), context.row_keys.of(meta_used)]
    del meta_used
    own = Intake(cells=accepted, meta=meta, findings=pl.DataFrame(), ledger=pl.DataFrame(), places=places)
    checked.items.update(pl.concat([accepted.get_column(CRITERION), meta.get_column(CRITERION)]).unique().to_list())
    checked.value_items.update(accepted.get_column(CRITERION).unique().to_list())
    checked.wrong_unit.append(wrong_unit_findings(own, table.leaves, units))
    return {"cells": accepted, "meta": meta, "places": places}


@dataclass
class _Context:
    """What every batch's check needs of the whole intake."""

    slices: int
    headers: dict[str, str]
    row_keys: RowKeys
    #: The whole register's codes and names: an unknown code's near ones are looked for among
    #: them (a batch's check knows its own communes only).
    register: pl.DataFrame


@dataclass
class _Batches:
    """What checking a batch needs: the raw rows by batch, the items' table, the register's codes
    and unit types, what the whole intake tells; ``count`` batches, then the rows of communes in
    no batch (numbered ``count``)."""

    raw: _Spill
    table: LeafTable
    #: The register's ``code`` and ``unit_type`` of each batch's communes, by batch number.
    units: dict[int, pl.DataFrame]
    context: _Context
    count: int


class BatchedIntake:
    """The intake of a batched run, each batch of communes checked when it is taken (in order,
    from 0), so that it can be scored at once: its checked frames are not spilled and read a
    second time. What a run must know of the whole intake before scoring, whether any survey
    item was given (:meth:`gave_any`), checks batches ahead until it is known; those are kept
    until taken (the first in memory, the others spilled: :class:`BatchFrames`).

    :meth:`finish`, once the batches are scored, checks the rows of communes in no batch and
    makes ``intake``'s findings: every batch's in the whole intake's order, the
    not-applicable-to-unit warnings of all batches (``wrong_unit``, in ``wrong_unit_findings``'
    order), then ``tail``. ``intake``'s cells, meta and places are empty (with their columns),
    and its ledger is made later (``Intake.finish_ledger``). ``items``: the items of every
    accepted cell and meta row checked so far."""

    def __init__(self, batches: _Batches, read: SheetsRead) -> None:
        self._batches = batches
        self._checked = _Checked()
        self._next = 0
        self._held: dict[int, dict[str, pl.DataFrame]] = {}
        self._ahead: BatchFrames | None = None
        self._empty: dict[str, pl.DataFrame] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._pending: Future[None] | None = None
        # The first batch is checked now: its frames give the intake's (empty) columns.
        self._check_through(0)
        first = self._held.get(0) or self._empty
        self.intake = Intake(
            cells=first["cells"].clear(),
            meta=first["meta"].clear(),
            findings=empty_findings(),
            ledger=pl.DataFrame(schema=LEDGER_SCHEMA),
            places=first["places"].clear(),
        )
        self._problems = read.findings()
        self._found = self._problems
        row_parts = read.row_parts
        self.intake.pending_ledger = lambda: self._ledger(row_parts)
        self.wrong_unit = empty_findings()
        self.tail: list[pl.DataFrame] = []
        self._finished = False

    @property
    def items(self) -> set[str]:
        return self._checked.items

    @property
    def value_items(self) -> set[str]:
        """The items of the value cells accepted so far (every batch's, once finished)."""
        return self._checked.value_items

    def _check_through(self, number: int) -> None:
        """Every batch up to ``number`` checked; those not taken yet are kept."""
        while self._next <= number:
            checked = self._next
            b = self._batches
            units = b.units.get(checked, b.units[-1])
            own = _check_batch(checked, b.raw, b.table, units, b.context, self._checked)
            self._next += 1
            if checked == 0:
                self._empty = {name: frame.clear() for name, frame in own.items()}
            if checked >= b.count:  # the rows of communes in no batch are never scored
                continue
            if not self._held:
                self._held[checked] = own
                continue
            if self._ahead is None:
                self._ahead = BatchFrames(self._empty)
            self._ahead.put(checked, own)

    def _wait(self) -> None:
        """The batch being checked in the background (:meth:`_check_next`), if any, checked (its
        error, if it failed, raised here)."""
        pending, self._pending = self._pending, None
        if pending is not None:
            result_of(pending)

    def _check_next(self, number: int) -> None:
        """Batch ``number`` checked in the background, while the run scores the one it took
        (polars releases the GIL, so the two use both cores): the next :meth:`take`,
        :meth:`gave_any` or :meth:`finish` waits for it first. One worker, checking batches in
        their order: the results are those of checking them in turn."""
        if number >= self._next and number <= self._batches.count:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pari batch check")
                weakref.finalize(self, self._pool.shutdown, wait=False)
            self._pending = self._pool.submit(self._check_through, number)

    def take(self, number: int) -> dict[str, pl.DataFrame]:
        """Batch ``number``'s cells, meta rows and places, and its communes' findings (in no
        particular order), checked now unless they were ahead; each batch is taken once. The
        next batch is then checked in the background (:meth:`_check_next`)."""
        self._wait()
        self._check_through(number)
        if number in self._held:
            own = self._held.pop(number)
        else:
            assert self._ahead is not None, f"batch {number} was taken already"
            own = self._ahead.take(number)
        self._check_next(number + 1)
        checked = self._checked
        # The read's own problems are of no commune, so in no batch's findings.
        found = [_in_order([checked.cell_findings[number]]), _in_order([checked.meta_findings[number]])]
        return {**own, "findings": pl.concat([*found, checked.wrong_unit[number]])}

    def gave_any(self, items: Sequence[str], values_only: bool = False) -> bool:
        """Whether an accepted cell or meta row (``values_only``: an accepted value cell) is of one
        of ``items``: batches are checked ahead until one is, or all are (the intake is then
        finished, its findings complete)."""
        self._wait()
        given = self._checked.value_items if values_only else self._checked.items
        while not given.intersection(items) and self._next <= self._batches.count:
            self._check_through(self._next)
        if given.intersection(items):
            return True
        self.finish()
        return False

    def finish(self) -> None:
        """The rows of communes in no batch checked (and any batch not checked yet, kept), and
        ``intake``'s findings made; once."""
        self._wait()
        if self._finished:
            return
        self._check_through(self._batches.count)
        self._finished = True
        checked = self._checked
        self._found = pl.concat([self._problems, _in_order(checked.cell_findings), _in_order(checked.meta_findings)])
        self.wrong_unit = pl.concat(checked.wrong_unit).sort("file", "sheet", "row", "column", nulls_last=True)
        self.intake.findings = pl.concat([self._found, self.wrong_unit, *self.tail])

    def _ledger(self, row_parts: list[tuple[RowPart, str | None]]) -> pl.DataFrame:
        self.finish()
        row_keys = self._batches.context.row_keys
        return source_ledger(source_rows(row_parts), row_keys, self._checked.used, self._found)


def ahead(items: Iterator[T]) -> Iterator[T]:
    """``items`` made one ahead in a thread of their own while the caller works on the last
    one (the next is made once the caller has taken the one before: never more than one
    waiting); an error making them is raised here, at the item it stopped. When the caller stops
    early (an error, Ctrl-C), the thread is told to stop and waited for (at most the item it is
    making), so that nothing goes on reading once the run has ended."""
    handoff: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def hand(kind: str, value: Any) -> bool:
        """Whether ``value`` was handed over and taken before the caller stopped (every wait is
        bounded, so that a caller that stopped never leaves this thread waiting)."""
        while not stop.is_set():
            try:
                handoff.put((kind, value), timeout=0.05)
                break
            except queue.Full:
                continue
        while not stop.is_set() and handoff.unfinished_tasks:
            # Taken (task_done) before the next is made: one item ahead, not two.
            with handoff.all_tasks_done:
                handoff.all_tasks_done.wait(timeout=0.05)
        return not stop.is_set()

    def make() -> None:
        try:
            for item in items:
                if not hand("item", item):
                    return
            hand("end", None)
        except BaseException as exc:  # handed to the caller, who raises it
            hand("error", exc)

    worker = threading.Thread(target=make, name="pari read ahead", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = taken(handoff)
            handoff.task_done()
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()  # (a put waiting for room sees it within 50 ms)
        joined(worker)


def _spill_groups(
    paths: Sequence[str | Path], table: LeafTable, number_of: dict[str, int], raw: _Spill, files: FilesAhead | None
) -> tuple[SheetsRead, int]:
    """Every group of sheets read into cells and meta rows (text), numbered in the whole
    intake's order and added to ``raw`` by batch (``len(number_of)``'s codes' batches, then
    the rows in no batch); what else the sheets told, and the number of cells to check."""
    other = max(number_of.values(), default=-1) + 1
    read = SheetsRead([])
    cells_seen = misplaced_seen = 0

    def groups() -> Iterator[tuple[pl.DataFrame, pl.DataFrame, dict[str, str]]]:
        # The meta headers as they were when the group was made (the reading goes on ahead).
        for cells, meta_rows in sheet_groups(paths, table, read, SLICE_ROWS, files):
            yield cells, meta_rows, dict(read.meta_headers)

    if files is not None:
        files.wait()  # here, where Ctrl-C is heard (the thread below would wait for the files)
    # Parsing the next range of rows into cells goes on in a thread while this one cuts and
    # spills the last (polars lets go of the GIL): the two took 1.4 s one after the other.
    for cells, meta_rows, headers in ahead(groups()):
        cells_seen += cells.height
        _partition(raw, "cells", cells, number_of, other)
        del cells
        # Meta rows of an unknown commune or item are checked as cells (split_meta_rows). Known:
        # the register's codes among the group's (all of them, looked up for every group of
        # 100,000 rows, took a time that grew with the units times the groups).
        present = meta_rows.get_column(COMMUNE).unique()
        known = present.filter(pl.Series([code in number_of for code in present.to_list()], dtype=pl.Boolean))
        meta_rows, misplaced = split_meta_rows(meta_rows, table, known, headers)
        misplaced_seen += misplaced.height
        _partition(raw, "meta", meta_rows, number_of, other)
        _partition(raw, "misplaced", misplaced, number_of, other)
        del meta_rows, misplaced
    raw.flush()
    return read, cells_seen + misplaced_seen


def read_assessments_by_batch(
    paths: Sequence[str | Path],
    leaves: Sequence[Leaf],
    units: pl.DataFrame,
    batches: Sequence[pl.Series],
    files: FilesAhead | None = None,
    survey: Collection[str | Path] = (),
) -> BatchedIntake:
    """The intake of ``paths`` read and cut by batch of communes (``batches``, from ``batches_of``;
    ``units``: the register's ``code``, ``name`` and ``unit_type``), each batch checked when it is taken
    (:class:`BatchedIntake`), as the module says. Once every batch is (``BatchedIntake.finish``),
    its findings and deferred ledger are those of ``read_assessments(paths, leaves, codes,
    defer_ledger=True)``, and batch ``n``'s frames that intake's cells, meta and places of the
    batch's communes. ``files``: the files being read ahead (:class:`.many.FilesAhead`);
    ``survey``: those of ``paths`` given as survey results (as :func:`read_assessments`)."""
    if not paths:
        raise no_assessments()
    table = LeafTable.build(leaves, survey)
    number_of = {code: i for i, batch in enumerate(batches) for code in batch.to_list()}
    raw = _Spill("raw", kept=[0])
    read, total = _spill_groups(paths, table, number_of, raw, files)
    if not read.groups and read.problems:
        raise IntakeError(read.problems)
    # check_cells cuts more than CHUNK_CELLS cells into slices of communes (its findings' order).
    chunk = cell_checks.CHUNK_CELLS
    slices = -(-total // chunk) if total > chunk else 1
    rows = RowKeys.of_rows([where for where, _ in read.row_parts])
    name = pl.col("name") if "name" in units.columns else pl.lit(None, dtype=pl.String).alias("name")
    names = units.select("code", name)
    context = _Context(slices, read.meta_headers, rows, names)
    units = units.drop("name", strict=False)
    return BatchedIntake(_Batches(raw, table, _units_by_batch(units, number_of), context, len(batches)), read)


def _units_by_batch(units: pl.DataFrame, number_of: dict[str, int]) -> dict[int, pl.DataFrame]:
    """``units``' rows by the batch number of their code (``number_of``), each batch's in the
    register's order; under -1, none (the rows of communes in no batch)."""
    numbers = units.get_column("code").replace_strict(number_of, default=-1, return_dtype=pl.Int64).fill_null(-1)
    parts = units.with_columns(numbers.alias("_batch")).partition_by("_batch", as_dict=True, maintain_order=True)
    by_number = {int(key[0]): part.drop("_batch") for key, part in parts.items()}
    by_number[-1] = units.clear()
    return by_number
