"""The intake of a batched run, read and checked one batch of communes at a time.

:func:`.assessments.read_assessments` checks and types every commune's cells at once; a batched
run (``pari score --batch-size``, with a register) held them all, which set its peak memory (about
290 MB of frames nationally, and about 500 bytes per input row at any size). Here each group of
sheets is cut, as soon as it is cells and meta rows (text), by the batch of its rows' communes
(``scoring.batches.batches_of``: a commune's rows all land in one batch, since repeats and
conflicts are judged per commune) and spilled to temporary Arrow IPC files; rows whose commune is
in no batch (unknown, empty) form one more batch, checked and reported like the others. Each
batch is then checked and typed alone, its accepted cells, meta and places spilled for scoring
(:class:`BatchFrames`, read as ``scoring.batches.IntakeBatches`` is), and only its findings, the
keys of its used rows (for the ledger, :class:`.ledger.RowKeys`) and what the run needs of it
besides (its not-applicable-to-unit warnings, the items it gave) are kept.

The results are the same as the whole intake's, to the byte: every cell and meta row carries its
place in the whole intake's order (``cell_checks.ORDER``), each finding the keys that put the
findings of all batches back in the order one check of the whole intake gives them (its check,
its cell's place, the slice of communes :func:`.cell_checks.check_cells` would have put it in),
and each batch's accepted rows come in the order of the whole intake's filtered by batch.
"""

from __future__ import annotations

import tempfile
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import Leaf
from pari_index.errors import IntakeError
from pari_index.intake import cell_checks
from pari_index.intake.assessments import SheetsRead, no_assessments, sheet_groups, source_rows
from pari_index.intake.cell_checks import ORDER, ORDER_KEYS, check_and_type, typed_group
from pari_index.intake.evaluation_input import wrong_unit_findings
from pari_index.intake.findings import empty_findings, problems_to_findings
from pari_index.intake.ledger import LEDGER_SCHEMA, RowKeys, source_ledger
from pari_index.intake.meta import check_meta, split_meta_rows
from pari_index.intake.model import Intake, LeafTable
from pari_index.intake.schema import CELL_SCHEMA, CRITERION, META_ROW_SCHEMA

#: The raw rows of all batches are written out once this many of them are waiting (one file per
#: batch and kind each time): their text is the intake's largest transient.
FLUSH_ROWS = 400_000
#: A long group of sheets (a national file) is made cells this many of its rows at a time.
SLICE_ROWS = 100_000
#: The frames of a batch that are per commune (as scoring.batches.PER_COMMUNE).
TYPED = ("cells", "meta", "places")


class _Spill:
    """Frames by name and batch number in temporary Arrow IPC files (lz4: read back whole and
    written fast), removed with this object or as they are read."""

    def __init__(self, prefix: str) -> None:
        folder = tempfile.TemporaryDirectory(prefix=prefix)
        self._folder = Path(folder.name)
        weakref.finalize(self, folder.cleanup)
        self._files: dict[tuple[str, int], list[Path]] = {}
        self._waiting: dict[tuple[str, int], list[pl.DataFrame]] = {}
        self._waiting_rows = 0

    def add(self, name: str, number: int, frame: pl.DataFrame) -> None:
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
        pl.concat(parts).write_ipc(file, compression="lz4")
        files.append(file)

    def flush(self) -> None:
        for key in list(self._waiting):
            self._flush(key)

    def take(self, name: str, number: int, empty: pl.DataFrame) -> pl.DataFrame:
        """Everything added under ``name`` and ``number``, in the order added (``empty`` when
        nothing was); its files are removed."""
        key = (name, number)
        self._flush(key)
        files = self._files.pop(key, [])
        frames = [pl.read_ipc(file) for file in files]
        for file in files:
            file.unlink()
        return pl.concat(frames) if frames else empty


class BatchFrames:
    """Each batch's accepted cells, meta and places, spilled once checked; :meth:`take` reads a
    batch back (once), as ``scoring.batches.IntakeBatches.take`` does."""

    def __init__(self, empty: dict[str, pl.DataFrame]) -> None:
        self._spill = _Spill("pari-intake-")
        self._empty = empty

    def put(self, number: int, frames: dict[str, pl.DataFrame]) -> None:
        for name in TYPED:
            self._spill.add(name, number, frames[name])
        self._spill.flush()

    def take(self, number: int) -> dict[str, pl.DataFrame]:
        return {name: self._spill.take(name, number, self._empty[name]) for name in TYPED}

    def take_empty(self, name: str) -> pl.DataFrame:
        """No rows of ``name``, with its columns."""
        return self._empty[name]


@dataclass
class BatchedIntake:
    """The intake of a batched run: ``intake`` has the findings of every batch in the whole
    intake's order and makes its ledger later (``Intake.finish_ledger``); its cells, meta and
    places are empty, each batch's being in ``frames``. ``wrong_unit`` are the
    not-applicable-to-unit warnings of all batches (``wrong_unit_findings``, in its order) and
    ``items`` the items of every accepted cell and meta row."""

    intake: Intake
    frames: BatchFrames
    wrong_unit: pl.DataFrame
    items: set[str] = field(default_factory=set)


def _partition(spill: _Spill, name: str, frame: pl.DataFrame, number_of: dict[str, int], other: int) -> None:
    """``frame``'s rows added to ``spill`` under the batch number of their commune (``other``
    for a commune in no batch), each batch's rows in their order."""
    if frame.height == 0:
        return
    frame = frame.select(*(RAW_META if name == "meta" else RAW_CELLS))
    numbers = frame.get_column(COMMUNE).replace_strict(number_of, default=other, return_dtype=pl.UInt32)
    numbers = numbers.fill_null(other)
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


def _check_cells(
    cells: pl.DataFrame, table: LeafTable, known: pl.Series, slices: int
) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    """Accepted cells and findings of one batch, checked at once. ``check_cells`` cuts the whole
    intake into ``slices`` slices of communes (one: not cut) and puts their results end to end;
    the checks are per commune, so only the order differs: the accepted cells are put in that
    order here, and each finding gets its slice as an order key. (Checking each slice of each
    batch apart cost 48 calls per batch at 100,000 units, most of them tiny.)"""
    accepted, findings = check_and_type(cells, table, known)
    del cells
    if slices <= 1:
        return accepted.drop(ORDER), [findings.with_columns(pl.lit(0, dtype=pl.UInt64).alias("_o_slice"))]
    slice_of = pl.col(COMMUNE).hash(seed=7) % slices
    # Within a slice, check_and_type gives the typed parts in turn, each in the cells' order.
    accepted = accepted.sort(slice_of, typed_group(), pl.col(ORDER)).drop(ORDER)
    return accepted, [findings.with_columns(slice_of.alias("_o_slice"))]


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


def _check_batch(
    number: int, raw: _Spill, table: LeafTable, units: pl.DataFrame, context: _Context, checked: _Checked
) -> dict[str, pl.DataFrame]:
    """Batch ``number``'s raw rows (taken from ``raw``) checked and typed: its accepted cells,
    meta and places; what the run keeps of it goes to ``checked``."""
    # In the whole intake's order (ORDER): a long group's slices made their rows' values and n/a
    # marks in turns, and meta fields made cells come after every sheet's cells, field by field.
    cells = pl.concat(
        [raw.take("cells", number, pl.DataFrame(schema=RAW_CELLS)), raw.take("misplaced", number, RAW_EMPTY)]
    ).sort(ORDER)
    accepted, found = _check_cells(cells, table, units.get_column("code"), context.slices)
    del cells
    checked.cell_findings += found
    meta, meta_found, meta_used, places = check_meta(
        raw.take("meta", number, pl.DataFrame(schema=RAW_META)).sort(ORDER), context.headers
    )
    checked.meta_findings.append(meta_found)
    checked.used += [context.row_keys.of(accepted), context.row_keys.of(meta_used)]
    del meta_used
    own = Intake(cells=accepted, meta=meta, findings=pl.DataFrame(), ledger=pl.DataFrame(), places=places)
    checked.items.update(pl.concat([accepted.get_column(CRITERION), meta.get_column(CRITERION)]).unique().to_list())
    checked.wrong_unit.append(wrong_unit_findings(own, table.leaves, units))
    return {"cells": accepted, "meta": meta, "places": places}


@dataclass
class _Context:
    """What every batch's check needs of the whole intake."""

    slices: int
    headers: dict[str, str]
    row_keys: RowKeys


def _spill_groups(
    paths: Sequence[str | Path], table: LeafTable, known: pl.Series, number_of: dict[str, int], raw: _Spill
) -> tuple[SheetsRead, int]:
    """Every group of sheets read into cells and meta rows (text), numbered in the whole
    intake's order and added to ``raw`` by batch (``len(number_of)``'s codes' batches, then
    the rows in no batch); what else the sheets told, and the number of cells to check."""
    other = max(number_of.values(), default=-1) + 1
    read = SheetsRead([])
    cells_seen = misplaced_seen = 0
    for cells, meta_rows in sheet_groups(paths, table, read, SLICE_ROWS):
        cells_seen += cells.height
        _partition(raw, "cells", cells, number_of, other)
        del cells
        # Meta rows of an unknown commune or item are checked as cells (split_meta_rows).
        meta_rows, misplaced = split_meta_rows(meta_rows, table, known, read.meta_headers)
        misplaced_seen += misplaced.height
        _partition(raw, "meta", meta_rows, number_of, other)
        _partition(raw, "misplaced", misplaced, number_of, other)
        del meta_rows, misplaced
    raw.flush()
    return read, cells_seen + misplaced_seen


def read_assessments_by_batch(
    paths: Sequence[str | Path], leaves: Sequence[Leaf], units: pl.DataFrame, batches: Sequence[pl.Series]
) -> BatchedIntake:
    """The intake of ``paths`` checked a batch of communes at a time (``batches``, from
    ``batches_of``; ``units``: the register's ``code`` and ``unit_type``), as the module says.
    Its findings and deferred ledger are those of ``read_assessments(paths, leaves, codes,
    defer_ledger=True)``, and batch ``n``'s frames (:class:`BatchFrames`) that intake's cells,
    meta and places of the batch's communes."""
    if not paths:
        raise no_assessments()
    table = LeafTable.build(leaves)
    number_of = {code: i for i, batch in enumerate(batches) for code in batch.to_list()}
    raw = _Spill("pari-raw-")
    read, total = _spill_groups(paths, table, units.get_column("code"), number_of, raw)
    if not read.groups and read.problems:
        raise IntakeError(read.problems)
    row_parts = read.row_parts
    # check_cells cuts more than CHUNK_CELLS cells into slices of communes (its findings' order).
    chunk = cell_checks.CHUNK_CELLS
    slices = -(-total // chunk) if total > chunk else 1
    context = _Context(slices, read.meta_headers, RowKeys.of_rows([where for where, _ in row_parts]))
    checked = _Checked()
    frames: BatchFrames | None = None
    for number in range(len(batches) + 1):  # the last: rows of communes in no batch
        own = _check_batch(number, raw, table, units, context, checked)
        if frames is None:
            frames = BatchFrames({name: frame.clear() for name, frame in own.items()})
        if number < len(batches):
            frames.put(number, own)
        del own
    assert frames is not None
    findings = pl.concat(
        [
            problems_to_findings(read.problems),
            _in_order(checked.cell_findings),
            _in_order(checked.meta_findings),
        ]
    )
    used, row_keys = checked.used, context.row_keys

    def ledger() -> pl.DataFrame:
        return source_ledger(source_rows(row_parts), row_keys, used, findings)

    intake = Intake(
        cells=frames.take_empty("cells"),
        meta=frames.take_empty("meta"),
        findings=findings,
        ledger=pl.DataFrame(schema=LEDGER_SCHEMA),
        places=frames.take_empty("places"),
    )
    intake.pending_ledger = ledger
    wrong = pl.concat(checked.wrong_unit).sort("file", "sheet", "row", "column", nulls_last=True)
    return BatchedIntake(intake, frames, wrong, checked.items)
