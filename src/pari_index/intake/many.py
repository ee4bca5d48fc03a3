"""Many small CSV files (one per commune, as communes send them) read with one polars call.

Reading a file costs a few polars calls whatever its size, and for a commune's file of 70 rows
those calls were nearly all of the cost: 10,600 one-commune files took 7 times as long as the
same rows in one file. Files that need none of the care of :func:`tables.read_csv_bytes` (valid
UTF-8, NFC text, quotes balanced, no cell that could be too long, the same header line as the
others) are joined into one text and read at once; the header line, repeated at the start of each
file, tells the files apart again. Each file still becomes its own sheet, with the same rows, row
numbers and names as when read alone (tests/test_intake.py checks that they are equal); any file
that does not qualify, and any group polars cannot read as one, is read alone as before.
"""

from __future__ import annotations

import io
import os
import stat
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import polars.selectors as cs

from pari_index.errors import Problem
from pari_index.intake.csv_input import kept_grids_room, sniff
from pari_index.intake.grid import SHOWN_EMPTY, WIDE_COLUMNS, Place, normalise_header, plan_columns
from pari_index.intake.sheet import FILE, MAX_CELL_CHARS, MAX_COLUMNS, ROW, SHEET, ReadResult, Sheet
from pari_index.intake.tables import read_table_file
from pari_index.system.threads import joined

#: Fewer files than this are read one by one (nothing to gain).
MIN_FILES = 8
#: A file this long could hold a cell longer than MAX_CELL_CHARS, which must be reported: read alone.
MAX_TEXT = MAX_CELL_CHARS
BOM = "\ufeff"


@dataclass
class _Small:
    """A small plain CSV file's text (without its byte-order mark) and its header line."""

    index: int
    file: str
    text: str
    header: str
    delimiter: str
    nfc: bool


def _small(index: int, path: str | Path) -> _Small | None:
    """The file as a :class:`_Small` when it can be read with others; None otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".csv", ".txt", ".tsv"):
        return None
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= MAX_TEXT:
            return None
        with open(path, "rb") as handle:
            raw = handle.read(MAX_TEXT + 1)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    text = text.removeprefix(BOM)
    header, newline, _ = text.partition("\n")
    # A quote in the header, a NUL, a quote left open, a blank text or a line ended by a lone
    # carriage return (old Mac exports, mixed line endings): the careful reader decides.
    if not newline or '"' in header or "\x00" in text or text.count('"') % 2 or not header.strip(" \r"):
        return None
    if text.count("\r") != text.count("\r\n"):
        return None
    if f"\n{header}\n" in text or f"\n{header.rstrip(chr(13))}\n" in text:
        return None  # a row equal to the header would look like the start of another file
    delimiter, width = sniff(text)
    if width > WIDE_COLUMNS or width > MAX_COLUMNS:
        return None
    return _Small(index, str(path), text, header.rstrip("\r"), delimiter, unicodedata.is_normalized("NFC", text))


class ReadStopped(Exception):
    """The files' reading was stopped (:meth:`FilesAhead.stop`): the run they were for failed."""


def read_many_tables(
    paths: Sequence[str | Path], *, ranged: bool = False, stop: threading.Event | None = None
) -> ReadResult:
    """Every file as :func:`tables.read_tables` reads them, in the same order, with runs of
    small plain CSV files of the same header read together. ``ranged``: see
    :func:`tables.read_table_file`. ``stop``: once set, the next file is not read
    (:class:`ReadStopped`)."""
    paths = list(paths)
    smalls: list[_Small | None] = [_small(i, p) for i, p in enumerate(paths)] if len(paths) >= MIN_FILES else []
    sheets_by_file: dict[int, list[Sheet]] = {}
    problems_by_file: dict[int, list[Problem]] = {}
    groups: dict[tuple[str, str], list[_Small]] = {}
    for small in smalls:
        if small is not None:
            groups.setdefault((small.header, small.delimiter), []).append(small)
    for group in groups.values():
        if len(group) < MIN_FILES:
            continue
        read = _read_group(group)
        if read is not None:
            sheets_by_file.update(read)
    with kept_grids_room():
        for i, path in enumerate(paths):
            if stop is not None and stop.is_set():
                raise ReadStopped
            if i not in sheets_by_file:
                result = read_table_file(path, ranged=ranged)
                sheets_by_file[i], problems_by_file[i] = result.sheets, result.problems
    sheets = [sheet for i in range(len(paths)) for sheet in sheets_by_file[i]]
    problems: list[Problem] = []
    for i in range(len(paths)):
        for sheet in sheets_by_file[i]:
            if sheet.ranges is not None:  # its problems are known once its rows are made
                sheet.ranges.problem_at = len(problems)
        problems += problems_by_file.get(i, [])
    return ReadResult(sheets, problems)


def _read_group(group: list[_Small]) -> dict[int, list[Sheet]] | None:
    """The files of one header and delimiter as sheets by file index; None when polars cannot
    read them as one text or the header row needs a problem reported (then each is read alone)."""
    first = group[0]
    text = "".join(s.text if s.text.endswith("\n") else s.text + "\n" for s in group)
    try:
        grid = pl.read_csv(io.BytesIO(text.encode()), has_header=False, separator=first.delimiter, infer_schema=False)
    except (pl.exceptions.PolarsError, pl.exceptions.PanicException):
        return None
    del text
    if grid.width > WIDE_COLUMNS:
        return None
    header_cells = grid.row(0)
    starts = pl.all_horizontal(pl.col(c).eq_missing(v) for c, v in zip(grid.columns, header_cells, strict=True))
    grid = grid.with_columns(starts.cum_sum().cast(pl.Int64).alias("_nth"))
    # Each file's first row is its header line; a data row equal to it would cut a file in two.
    if grid.filter(starts).height != len(group):
        return None
    headers = [normalise_header(h or "") for h in header_cells]
    plan, problems = plan_columns(headers, Place(first.file, None, 1))
    if plan is None or problems or plan.blank:
        return None
    files = {nth: s.file for nth, s in enumerate(group, start=1)}
    source = [grid.columns[i] for i in plan.keep]
    cells = pl.col(source) if all(s.nfc for s in group) else pl.col(source).str.normalize("NFC")
    position = pl.int_range(pl.len()).over("_nth")
    frame = (
        grid.with_columns(position.alias("_at"))
        .filter(pl.col("_at") > 0)
        .select(
            (pl.col("_at") + 1).cast(pl.Int64).alias(ROW),
            cells.str.strip_chars().replace(SHOWN_EMPTY, None),
            pl.col("_nth").replace_strict(files, return_dtype=pl.String).alias(FILE),
            pl.lit(None, dtype=pl.String).alias(SHEET),
            pl.col("_nth"),
        )
        .rename(dict(zip(source, plan.names, strict=True)))
        # by_name, not pl.col: a heading written ^…$ would be a regex there (and drop every row).
        .filter(pl.any_horizontal(cs.by_name(plan.names).is_not_null()))
    )
    parts = frame.partition_by("_nth", as_dict=True, include_key=False)
    empty = frame.clear().drop("_nth")
    out: dict[int, list[Sheet]] = {}
    for nth, small in enumerate(group, start=1):
        out[small.index] = [Sheet(small.file, None, parts.get((nth,), empty), {h: h for h in plan.names})]
    return out


__all__ = ["read_many_tables"]


class FilesAhead:
    """``read_many_tables(paths, ranged=ranged)`` begun in a thread of its own, so that the files
    are read and decoded while the run loads its criteria set and register (nationally about a
    third of a second of each, one after the other before). :meth:`result` waits for it and
    raises what reading raised, where the run reads them; :meth:`stop`, for a run that failed
    before it needed them, stops the reading at the next file."""

    def __init__(self, paths: Sequence[str | Path], *, ranged: bool) -> None:
        self._paths = list(paths)
        self._ranged = ranged
        self._stop = threading.Event()
        self._result: ReadResult | None = None
        self._error: BaseException | None = None
        # A daemon: a run that stops before it needs the files (bad criteria, Ctrl-C) does not
        # wait for their reading to end.
        self._thread = threading.Thread(target=self._read, name="pari read files", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            self._result = read_many_tables(self._paths, ranged=self._ranged, stop=self._stop)
        except BaseException as exc:  # raised by result(), in the run's thread
            self._error = exc

    def wait(self) -> None:
        """The reading ended (in the run's thread, where Ctrl-C is heard while it waits)."""
        joined(self._thread)

    def stop(self) -> None:
        self._stop.set()

    def __enter__(self) -> FilesAhead:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_exc: object) -> None:
        if kind is not None:  # the run failed: its files are read no further
            self.stop()

    def result(self, paths: Sequence[str | Path], *, ranged: bool = True) -> ReadResult:
        """The files read; ``paths`` must be those it was begun with. Not ``ranged`` (a run
        of one batch): as ``read_many_tables(paths)`` reads them, a file begun by range read
        whole (:func:`read_whole`). Files read whole serve a ranged run as they are."""
        assert [str(p) for p in paths] == [str(p) for p in self._paths], "read ahead for other files"
        self.wait()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        assert self._result is not None
        result, self._result = self._result, None  # taken once: its bytes go with the caller
        return result if ranged or not self._ranged else read_whole(result)


def read_whole(result: ReadResult) -> ReadResult:
    """``read_many_tables(paths, ranged=True)``'s result as ``read_many_tables(paths)`` gives it:
    each file begun by range (a sheet with ``ranges``) read whole, its sheets in its place and
    its problems where its ranges would have put them."""
    sheets: list[Sheet] = []
    problems = list(result.problems)
    inserted = 0
    for sheet in result.sheets:
        if sheet.ranges is None:
            sheets.append(sheet)
            continue
        whole = sheet.ranges.whole()
        at = sheet.ranges.problem_at + inserted
        problems[at:at] = whole.problems
        inserted += len(whole.problems)
        sheets += whole.sheets
    return ReadResult(sheets, problems)
