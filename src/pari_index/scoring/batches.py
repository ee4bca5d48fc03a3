"""Commune batches: which communes are scored together, and where the per-item detail goes.

A national run scores 10,600 communes × 59 items; holding every item's detail (with its input and
explanation text) for all of them at once is what made memory grow by about 1 KB per input row.
:func:`pari_index.intake.by_batch.batches_of` cuts the register's codes, in sorted order, into consecutive batches; each
batch's detail is added to a :class:`DetailStore` as soon as it is complete. A store of a batched
run spills each batch to a temporary Parquet file, so only one batch's detail is in memory at a
time; the results writer streams the files out again (:meth:`DetailStore.lazy`).

Batches are consecutive runs of the sorted codes, and each batch's detail is sorted by commune
code, then item: the batches put end to end are the unbatched detail, row for row.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextvars import ContextVar
from pathlib import Path
from typing import Protocol

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.intake.assessments import Intake
from pari_index.system.temporaries import spill_folder
from pari_index.system.threads import result_of

#: Communes per batch when a run does not say (``pari score --batch-size``): measured on the
#: national set (benchmarks/README.md, "Batches"), where smaller batches cost time and larger
#: ones memory.
DEFAULT_BATCH_SIZE = 2_000


class AsScored(Protocol):
    """A table made from the detail batch by batch as each is spilled (in the writer's thread)."""

    def add(self, frame: pl.DataFrame) -> None: ...

    def parquet(self) -> bytes | None: ...


#: While set, each spilling store made gets one of these, fed every batch as it is written:
#: ``pari score`` writing Parquet has its criteria table encoded as the batches are scored
#: (pari_index.outputs.parquet_patch.GroupsAsScored) instead of reading the spill back at the end.
AS_SCORED: ContextVar[Callable[[], AsScored] | None] = ContextVar("pari_detail_as_scored", default=None)

#: What ranking takes from some communes' detail and totals (``ranking.ranks.commune_facts``, as
#: a pair: scoring may not import ranking).
FactsOf = Callable[[pl.DataFrame, pl.DataFrame], tuple[pl.DataFrame | None, pl.DataFrame]]

#: While set, each spilling store made computes ranking's facts of each batch as it is written
#: (:meth:`DetailStore.facts`), from the batch in memory, instead of ranking reading them back
#: from the whole spill (``pari score``: pari_index.pipeline).
FACTS_OF: ContextVar[FactsOf | None] = ContextVar("pari_detail_facts_of", default=None)

#: False while a run has no reader of its detail after scoring but what is made as it is scored
#: (``pari score`` writing Parquet, with neither a report nor a cache: its criteria table
#: encoded by :data:`AS_SCORED`, ranking's facts by :data:`FACTS_OF`): a spilling store made
#: then writes no file, and its detail cannot be read back (:meth:`DetailStore.lazy` fails).
KEPT: ContextVar[bool] = ContextVar("pari_detail_kept", default=True)


class DetailNotKept(RuntimeError):
    """The detail of a run that kept none (:data:`KEPT`) was read back: a defect of the caller,
    never of the input."""


class _Writer:
    """One thread writing a store's batches in order, begun at the first write and ended once
    they are all written (:meth:`DetailStore.finish`) or the store goes."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._pending: Future[None] | None = None

    def write(self, work: Callable[[], None]) -> None:
        self.wait()  # the batch before it written (its error raised here): one batch waits at most
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pari detail")
        # In the run's context: what is made in the thread (ranking's facts' texts, say) reads
        # the run's settings (the language of its numbers), as the run's own thread would.
        self._pending = self._pool.submit(contextvars.copy_context().run, work)

    def wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            result_of(pending)

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)


class DetailStore:
    """The per-item detail of a run, one frame per batch, in order. With ``spill`` each batch is
    written to a temporary Parquet file (removed with the store) instead of being kept; the
    writing goes on in a thread while the run scores the next batch (:class:`_Writer`). In that
    thread too, each batch is given to what is made as it is scored (:data:`AS_SCORED`,
    :data:`FACTS_OF`); when nothing reads the detail back (:data:`KEPT` false), no file is
    written at all."""

    def __init__(self, *, spill: bool) -> None:
        self._frames: list[pl.DataFrame] = []
        self._files: list[Path] = []
        self._schema: pl.Schema | None = None
        self._height = 0
        self._folder: Path | None = None
        self._writer = _Writer()
        self._as_scored: AsScored | None = None
        self._facts_of: FactsOf | None = None
        self._facts: list[tuple[pl.DataFrame | None, pl.DataFrame]] = []
        self._dropped = 0
        self._kept = True
        if spill:
            make = AS_SCORED.get()
            self._as_scored = make() if make is not None else None
            self._facts_of = FACTS_OF.get()
            self._kept = KEPT.get() or self._as_scored is None or self._facts_of is None
        if spill and self._kept:
            # Removed when the store goes, even if the run fails half way: the write going on
            # first, then the files.
            self._folder = spill_folder(self, "detail", self._writer.close)

    def add(self, frame: pl.DataFrame, totals: pl.DataFrame | None = None) -> None:
        """Append one batch's detail (the same columns and types as the first batch's), and its
        ``totals`` (for :data:`FACTS_OF`: without them no facts are made for the run)."""
        if self._schema is None:
            self._schema = frame.schema
        elif frame.schema != self._schema:
            # A column typed differently in one batch would make the batches' files unreadable
            # as one table; cast to the first batch's types (values are the same kinds).
            frame = frame.cast(dict(self._schema))  # type: ignore[arg-type]
        self._height += frame.height
        if totals is None:
            if not self._kept:  # ranking would have neither its facts nor the detail to read them from
                raise DetailNotKept("a store that keeps no detail is given each batch's totals")
            self._facts_of = None
        if not self._kept:
            # Done here, in the run's thread, between batches, not beside the next batch's
            # scoring (session 37: national peak 467-485 MB against 484-492 in the writer's
            # thread, with the carried rows copied; 450-452 once they were lz4-packed too).
            self._dropped += 1
            self._as_written(frame, None, totals)
            return
        if self._folder is None:
            self._frames.append(frame)
            return
        file = self._folder / f"batch-{len(self._files):06d}.parquet"
        self._files.append(file)
        self._writer.write(lambda: self._as_written(frame, file, totals))

    def _as_written(self, frame: pl.DataFrame, file: Path | None, totals: pl.DataFrame | None) -> None:
        """In the writer's thread: a batch spilled (its error raised), then given to what is made
        as it is scored."""
        if file is not None:
            _write_detail(frame, file)
        if self._as_scored is not None:
            self._as_scored.add(frame)
        facts_of = self._facts_of
        if facts_of is not None and totals is not None:
            self._facts.append(facts_of(frame, totals))

    @property
    def height(self) -> int:
        return self._height

    @property
    def batches(self) -> int:
        return len(self._files) + len(self._frames) + self._dropped

    def facts(self) -> tuple[pl.DataFrame | None, pl.DataFrame] | None:
        """Ranking's facts of every batch (:data:`FACTS_OF`) put together, in the batches' order
        (no areas: no commune has a row, as ranking's applicable areas gives it); None when they
        were not made for every batch (ranking then reads them from the detail)."""
        self.finish()
        if self._facts_of is None or not self._facts or len(self._facts) != self.batches:
            return None
        areas = [areas for areas, _ in self._facts if areas is not None]
        lost = [lost for _, lost in self._facts]
        if any(a.schema != areas[0].schema for a in areas) or any(x.schema != lost[0].schema for x in lost):
            return None
        merged = pl.concat(areas) if areas else None
        return (merged if merged is not None and merged.height else None), pl.concat(lost)

    def finish(self) -> None:
        """Every batch written (the last write's error raised here, by the run that scored it)
        and the writer thread ended: a result kept by a library user keeps no thread."""
        self._writer.wait()
        self._writer.close()

    def as_scored_parquet(self) -> bytes | None:
        """The bytes made batch by batch as the detail was spilled (:data:`AS_SCORED`), once: None
        when none were made, or they could not be, or were taken already."""
        self.finish()
        made, self._as_scored = self._as_scored, None
        return made.parquet() if made is not None else None

    def lazy(self) -> pl.LazyFrame:
        """All batches as one lazy frame, in order, read only when collected or sunk (a store that
        kept nothing: a frame that fails when read, :class:`DetailNotKept`)."""
        self.finish()
        if not self._kept:
            return _not_kept(self._schema)
        if self._files:
            return pl.scan_parquet(self._files)
        if not self._frames:
            return pl.LazyFrame(schema=self._schema)
        return pl.concat([frame.lazy() for frame in self._frames], how="vertical")

    def kept_lazy(self) -> pl.LazyFrame:
        """:meth:`lazy` for a library user: a frame that holds the store, so that the batches'
        files last as long as it, or any frame made from it, does. ``pari.score(...).scan_details()
        .filter(...)`` lost the result at once, its files with it, and collecting failed with
        polars' "No such file or directory" of a temporary file the user never named."""
        lazy = self.lazy()
        if not self._files:
            return lazy  # in memory: nothing can be removed under it
        from polars.io.plugins import register_io_source

        files, schema = list(self._files), lazy.collect_schema()

        def batches(
            with_columns: list[str] | None, predicate: pl.Expr | None, n_rows: int | None, _size: int | None
        ) -> Iterator[pl.DataFrame]:
            _held = self  # the closure is what keeps the store, and its files, alive
            left = n_rows
            for file in files:
                frame = pl.scan_parquet(file)
                if predicate is not None:
                    frame = frame.filter(predicate)
                if with_columns is not None:
                    frame = frame.select(with_columns)
                part = (frame if left is None else frame.head(left)).collect()
                yield part
                if left is not None and (left := left - part.height) <= 0:
                    return

        return register_io_source(batches, schema=schema)

    def collect(self) -> pl.DataFrame:
        """All batches as one frame (the whole detail in memory)."""
        if len(self._frames) == 1 and not self._files:
            return self._frames[0]
        return self.lazy().collect()


def _not_kept(schema: pl.Schema | None) -> pl.LazyFrame:
    """A lazy frame of ``schema`` (its columns can be named, planned on) whose reading fails."""
    from polars.io.plugins import register_io_source

    def fails(*_args: object) -> Iterator[pl.DataFrame]:
        raise DetailNotKept("the per-item detail of this run was not kept (scoring.batches.KEPT)")

    return register_io_source(fails, schema=schema or pl.Schema())


def _write_detail(frame: pl.DataFrame, file: Path) -> None:
    # Fast over small: the files live only as long as the run. Uncompressed (Parquet's own
    # dictionaries keep a national batch at 6 MB): 0.36 s of CPU to write the six, and as
    # fast to read back, against 0.41 s with lz4.
    frame.write_parquet(file, compression="uncompressed", statistics=False)


#: The intake frames that hold a row per commune's cell, self-score or place (the rest of the
#: intake, its findings and ledger, is per source row and stays whole).
PER_COMMUNE = ("cells", "meta", "places")


class IntakeBatches:
    """An intake's cells, meta rows and places cut by batch of communes and spilled to temporary
    Arrow IPC files (removed with this object), so that a batched run holds one batch's intake
    at a time instead of every commune's. The frames are taken out of ``intake`` (left empty, with
    their columns): the intake is the run's own, and keeping it would keep the memory.

    Each batch's rows are in the intake's order, as a filter of the whole would give them; rows of
    communes in no batch are in none, as before."""

    def __init__(self, intake: Intake, batches: Sequence[pl.Series]) -> None:
        self._folder = spill_folder(self, "intake")
        self._count = len(batches)
        number_of = {code: i for i, batch in enumerate(batches) for code in batch.to_list()}
        for name in PER_COMMUNE:
            frame: pl.DataFrame = getattr(intake, name)
            setattr(intake, name, frame.clear())
            # Each row's batch number, found once; a batch is then an integer comparison.
            numbers = frame.get_column(COMMUNE).replace_strict(number_of, default=None, return_dtype=pl.UInt32)
            for number in range(self._count):
                # lz4: the file is read back whole into memory (not mapped), and written fast.
                frame.filter(numbers == number).write_ipc(self._file(name, number), compression="lz4")
            del frame, numbers

    def _file(self, name: str, number: int) -> Path:
        return self._folder / f"{name}-{number:06d}.arrow"

    def take(self, number: int) -> dict[str, pl.DataFrame]:
        """Batch ``number``'s (from 0) cells, meta rows and places; its files are removed, since
        each batch is scored once."""
        frames = {}
        for name in PER_COMMUNE:
            file = self._file(name, number)
            frames[name] = pl.read_ipc(file)
            file.unlink()
        return frames
