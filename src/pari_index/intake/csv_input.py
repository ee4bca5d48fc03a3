"""CSV files: the delimiter sniffed, the bytes decoded (:mod:`.decoding`) and parsed by polars, and
a syntax error located at its line with a hint."""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import polars as pl

from pari_index.errors import Problem, quoted, shorten
from pari_index.intake.decoding import (
    SNIFF_CHARS,
    SNIFF_LINES,
    binary_file,
    decoded_text,
    is_binary,
    legacy_encoding,
    scan_utf8,
)
from pari_index.intake.grid import TITLE_SEARCH_ROWS, GridRanges, frame_from_grid, title_rows
from pari_index.intake.repeated_rows import max_repeated_rows, repeats_of_hashes, row_hashes
from pari_index.intake.separators import mixed_separators_problem, other_separator, separator_name
from pari_index.intake.sheet import (
    MAX_COLUMNS,
    ReadResult,
    RowLimit,
    Sheet,
    max_cells,
    too_many_cells,
    too_many_columns,
)
from pari_index.intake.two_row_text import join_two_row_text_header
from pari_index.letters.misread_letters import letters_damaged
from pari_index.messages import render, render_hint
from pari_index.system.limits import env_limit

#: Delimiters tried, in order of preference on a tie.
_DELIMITERS = (",", "\t", ";")
#: A quoted cell ("" is a quote inside it), or the rest of the text after a quote never closed.
#: Possessive: it always matches, so it never backtracks.
_QUOTED = re.compile(r'"(?:[^"]++|"")*+"?')


def sniff(text: str) -> tuple[str, int]:
    """(delimiter, number of cells in the first line), in time linear in a bounded sample: the
    first SNIFF_LINES lines within SNIFF_CHARS characters, quoted cells taken out, and for each
    candidate the number of lines with as many delimiters as the first line. A line cut by the
    sample is not counted, so a long line cannot tip the choice."""
    sample = text[:SNIFF_CHARS]
    lines = _QUOTED.sub("", sample).split("\n")
    if len(text) > SNIFF_CHARS and len(lines) > 1:
        lines.pop()
    # Blank lines are skipped; a line left with only its tabs once the quoted cells are taken out
    # ('"1"\t"1"') is not blank: its tabs are the delimiters.
    lines = [line for line in lines[: SNIFF_LINES + 1] if line.strip(" \r")][:SNIFF_LINES]
    if not lines:
        return ",", 1
    best: tuple[int, int, int] | None = None
    chosen = ","
    for preference, delimiter in enumerate(_DELIMITERS):
        header = lines[0].count(delimiter)
        if not header:
            continue
        agreeing = sum(1 for line in lines if line.count(delimiter) == header)
        score = (agreeing, header, -preference)
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen, lines[0].count(chosen) + 1


def _sniff_delimiter(text: str) -> str:
    return sniff(text)[0]


def _csv_problem(text: str, delimiter: str, file: str, polars_message: str) -> Problem:
    """The csv-syntax problem, with the row it is in when one can be found. Its message and hint
    are the catalogue's, filled with the parameters: the same words in the findings of either
    language (pari_index.messages: PARAM_WORDS["csv_problem"] and ["csv_hint"])."""
    located = _locate_csv_error(text, delimiter)
    row, params = located if located is not None else (None, {"csv_problem": "other", "detail": polars_message})
    hint = render_hint("csv-syntax", "en", params=params)
    return Problem("csv-syntax", render("csv-syntax", params, "en"), file=file, row=row, hint=hint, params=params)


def _record_pattern(delimiter: str) -> re.Pattern[str]:
    d = re.escape(delimiter)
    cell = f'(?:"(?:[^"]++|"")*+"|[^"{d}]*+)'
    return re.compile(f"{cell}(?:{d}{cell})*+")


def _locate_csv_error(text: str, delimiter: str) -> tuple[int, dict[str, str]] | None:
    """(row, the parameters of the message and hint) of the first record that breaks CSV: a quote
    never closed, a quote inside a cell, or more cells than the header. Rows are records, counted
    as polars counts them (blank lines included, a quoted line break inside one record). Linear:
    each line is counted once, records with quotes checked by a pattern that never backtracks.
    Numbers are given as text: the message writes them without grouping ("row 1234")."""
    pattern = _record_pattern(delimiter)
    header_cells = 0
    row = 0
    #: The first record holding a cell (blank lines and Excel's separator line above the headings
    #: come as records of empty cells): the header a ragged row is told against. Until the review
    #: of session 36 the message said «the header (row 1)» where row 1 was such a line.
    header_row = 0
    pending: list[str] = []
    quotes = 0
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for index, line in enumerate(lines):
        pending.append(line)
        quotes += line.count('"')
        if quotes % 2:
            continue  # inside a quoted cell: the record goes on
        record = "\n".join(pending).removesuffix("\r")
        pending, quotes, row = [], 0, row + 1
        if '"' in record:
            if pattern.fullmatch(record) is None:
                return row, {"csv_problem": "quote_inside", "csv_hint": "quote_inside", "row": str(row)}
            cells = _QUOTED.sub("", record).count(delimiter) + 1
        else:
            cells = record.count(delimiter) + 1
        if row == 1:
            header_cells = cells
        if not header_row and record.strip(delimiter + " \t\r"):
            header_row = row
        if row > 1 and cells > header_cells:
            return row, {
                "csv_problem": "too_many_cells",
                "csv_hint": "title_line"
                if row == 2 and _table_below(lines[index + 1 :], delimiter, cells)
                else _ragged_hint(record, delimiter),
                "row": str(row),
                "cells": str(cells),
                "header_cells": str(header_cells),
                "header_row": str(header_row or 1),
            }
    if pending:
        record = "\n".join(pending)
        first = record.index('"')
        if first and record[first - 1] != delimiter:
            text = quoted(shorten(record[: first + 1], 60))
            return row + 1, {
                "csv_problem": "quote_in_cell",
                "csv_hint": "quote_in_cell",
                "row": str(row + 1),
                "text": text,
            }
        return row + 1, {"csv_problem": "unclosed_quote", "csv_hint": "unclosed_quote", "row": str(row + 1)}
    return None


def _table_below(lines: list[str], delimiter: str, cells: int) -> bool:
    """Whether the (up to three) lines after the second all have ``cells`` cells, as the second:
    the first line, with fewer, is then a title or another line above the table's header (a
    sheet saved as CSV with its title), not a header the rows break."""
    return all(_QUOTED.sub("", line.rstrip("\r")).count(delimiter) + 1 == cells for line in lines[:3] if line)


def _ragged_hint(record: str, delimiter: str) -> str:
    """The hint for a row with more cells than the header (a key of PARAM_WORDS["csv_hint"])."""
    if delimiter == "," and re.search(r"[0-9],[0-9]", _QUOTED.sub("", record)):
        return "decimal_comma"
    return "extra_cells"


_LONE_CR = re.compile(rb"\r(?!\n)")
#: Lines with nothing but spaces at the start of a file.
_LEADING_BLANK_LINES = re.compile(rb"(?:[ \t]*\r?\n)+")
_LONE_CR_TEXT = re.compile(r"\r(?!\n)")


def _cells_of_line(line: bytes, delimiter: str) -> int | None:
    """The number of cells of one line read as a whole record (quotes honoured: ``"2,86"`` is one
    cell), or None when its quotes do not close (a line of a record that spans several)."""
    if line.count(b'"') % 2:
        return None
    return len(next(csv.reader([line.decode("utf-8", "replace")], delimiter=delimiter), []))


def cut_short(data: bytes, delimiter: str, header_cells: int) -> int | None:
    """The line number of a last line that stops in the middle of a row, or None. A file cut short
    (a copy or a download that stopped, a disk that filled) ends without a line break in a row
    with fewer cells than the header, after a line that has them all; its last row would be read
    with cells missing, and the communes after it would look as if they had sent nothing. Cells
    are counted with their quotes honoured (a decimal comma is quoted: ``"2,86"``; counting
    separators left every file with one uncounted); a line whose quotes do not close is part of
    a record of several lines and is left alone (an unclosed last one is a syntax error anyway).
    A file whose rows leave out their empty last cells is not flagged, as its line before the last
    is short too; nor is a last line of one cell."""
    if header_cells < 2 or data.endswith((b"\n", b"\r")):
        return None
    start = data.rfind(b"\n") + 1
    if start == 0:
        return None
    previous = data[data.rfind(b"\n", 0, start - 1) + 1 : start - 1].rstrip(b"\r")
    if _cells_of_line(previous, delimiter) != header_cells:
        return None
    cells = _cells_of_line(data[start:], delimiter)
    # At least two cells begun: a last line of one cell is a stray byte as often as a cut row (and
    # a row cut in its first cell names no commune, so it is reported anyway).
    return data.count(b"\n") + 1 if cells is not None and 1 < cells < header_cells else None


#: A CSV file longer than this is read a range of records at a time when the caller can take its
#: rows so (:class:`CsvRanges`, the intake of a batched run): the sheet of every row of a national
#: file was the peak of the whole run at 100,000 units (2.7 GB, benchmarks/README.md).
RANGED_BYTES = 8 * 2**20
#: Bytes of one range (whole records): about 75,000 rows of a long-form file.
RANGE_BYTES = 4 * 2**20
#: Memory the grids of ranged files' first ranges may take, kept from the check that polars
#: reads them (:meth:`CsvRanges.accepted`) rather than parsed again, over all the files of one
#: read (:func:`kept_grids_room`). Counted as KEPT_PER_BYTE bytes per byte of CSV (measured: a
#: grid's strings take 2 to 3 times their text): a national file (45 MB, 10,600 communes) is
#: kept whole.
KEPT_GRID_BYTES = 160 * 2**20
KEPT_PER_BYTE = 3
#: Bytes polars' CSV reader keeps for each column of text longer than 12 bytes, however few its
#: rows (measured with polars 2.1: 16,000 such columns in 18 rows, a 4 MB file, took 350 MB to
#: parse, and 495 MB for the whole run). A grid is counted at least this much a column.
GRID_COLUMN_BYTES = 27 * 1024
#: Columns a CSV file may have (PARI_MAX_CSV_COLUMNS): at GRID_COLUMN_BYTES each, a grid of this
#: many takes about 110 MB. The wide form of the largest set pari-index reads (criteria
#: MAX_ITEMS, 500 items, some six columns each) has about 3,000; the example's 59 items have 350.
MAX_CSV_COLUMNS = 4_096
_room = threading.local()


@contextlib.contextmanager
def kept_grids_room() -> Iterator[None]:
    """One KEPT_GRID_BYTES for every file read in the block (in this thread), not one per file:
    five national-size files kept their grids at 3 times the memory of one."""
    _room.left = KEPT_GRID_BYTES
    try:
        yield
    finally:
        del _room.left


#: Lines the first range of a CSV file read by ranges holds at least: more than the rows its
#: headings are told from (grid.TITLE_SEARCH_ROWS, and the row a heading may continue on).
FIRST_RANGE_LINES = TITLE_SEARCH_ROWS + 22


def _after_lines(data: bytes, lines: int) -> int:
    """The position after the ``lines``-th line break of ``data`` (its length if it has fewer)."""
    at = 0
    for _ in range(lines):
        found = data.find(b"\n", at)
        if found < 0:
            return len(data)
        at = found + 1
    return at


def record_ranges(data: bytes, size: int) -> Iterator[tuple[int, int]]:
    """Consecutive ranges of ``data`` of about ``size`` bytes, each ending after a line break
    that ends a record (an even number of quotes before it) and followed by a line that is not
    blank (a range never starts with a blank line). polars reads a quote only where it opens or
    closes a cell, or doubled inside one, and refuses a file with a quote anywhere else: so in
    a file it reads, such a line break ends a record; in one it refuses, some range is refused
    too (:meth:`CsvRanges.accepted`), and the file is parsed whole, as before."""
    start = 0
    while start < len(data):
        # The first range holds the lines the headings are told from (titles above them, a
        # heading continued on the next row: grid.title_rows, two_row_text): a range of the
        # heading line alone took a second heading row for data (a hypothesis example).
        least = _after_lines(data, FIRST_RANGE_LINES) - 1 if start == 0 else 0
        end = data.find(b"\n", max(start + size, least))
        quotes = data.count(b'"', start, end) if end >= 0 else 0
        while end >= 0 and (quotes % 2 or data[end + 1 : end + 2] in (b"\n", b"\r")):
            after = data.find(b"\n", end + 1)
            quotes += data.count(b'"', end, after) if after >= 0 else 0
            end = after
        if end < 0 or end + 1 >= len(data):
            yield start, len(data)
            return
        yield start, end + 1
        start = end + 1


@dataclass
class CsvRanges:
    """A large CSV file (its UTF-8 bytes, checked) to be parsed a range of records at a time:
    :meth:`sheets` gives the sheet's rows range by range (:class:`.grid.GridRanges`), then
    :meth:`problems` the file's problems, the same as :func:`read_csv_bytes` gives; a file that
    cannot be read by range is read whole (:meth:`whole`). ``rows`` is more than its rows."""

    file: str
    data: bytes
    delimiter: str
    notes: list[Problem]
    grid: GridRanges
    whole_text: Callable[[], str]
    rows: int
    #: The file's problems, once its rows are made (:meth:`rest`).
    found: list[Problem] = field(default_factory=list)
    #: Grids of the first ranges, parsed by :meth:`accepted` and not parsed again.
    _kept: list[pl.DataFrame] = field(default_factory=list, repr=False)
    #: Where its problems go among the problems of all files read (``many.read_many_tables``).
    problem_at: int = 0
    #: Its rows that repeat an earlier row exactly, counted by :meth:`accepted` when there may be
    #: more than PARI_MAX_REPEATED_ROWS (``repeated_rows.refuse_repeated``).
    repeats: int = 0

    def _grids(self) -> Iterator[pl.DataFrame]:
        """The ranges' grids in order: those :meth:`accepted` kept, then the others parsed."""
        kept, self._kept = self._kept, []
        schema: dict[str, pl.DataType] | None = dict(kept[0].schema) if kept else None
        for start, end in record_ranges(self.data, RANGE_BYTES):
            if kept:
                yield kept.pop(0)  # (popped: each grid is freed once its rows are made cells)
                continue
            grid = pl.read_csv(
                io.BytesIO(self.data[start:end]),
                has_header=False,
                separator=self.delimiter,
                infer_schema=False,
                schema=schema,
            )
            schema = schema or dict.fromkeys(grid.columns, pl.String())
            yield grid

    def accepted(self) -> bool:
        """Whether polars reads every range: a file it refuses is parsed whole, where its error
        is located and reported as ever. Checked before any row is made cells, so that no rows
        of a refused file are ever spilled. The first ranges' grids, within what is left of
        KEPT_GRID_BYTES, are kept for :meth:`_grids` (a national file's all: parsing them twice
        cost 0.2 s); the others are parsed again there, so that larger files' grids are never
        all held."""
        kept: list[pl.DataFrame] = []
        room: int = getattr(_room, "left", KEPT_GRID_BYTES)
        hashes: list[pl.Series] | None = [] if self.rows > max_repeated_rows() else None
        try:
            for (start, end), grid in zip(record_ranges(self.data, RANGE_BYTES), self._grids(), strict=True):
                lines = self.data.count(b"\n", start, end) + (not self.data.endswith(b"\n", start, end))
                if swallowed_rows(grid, self.delimiter, lines) is not None:
                    return False  # (read whole, where it is reported: see swallowed_rows)
                if hashes is not None:
                    hashes.append(row_hashes(grid))
                room -= max((end - start) * KEPT_PER_BYTE, grid.width * GRID_COLUMN_BYTES)
                if room >= 0:
                    kept.append(grid)
        except (pl.exceptions.PolarsError, pl.exceptions.PanicException):
            return False
        self._kept = kept
        self.repeats = repeats_of_hashes(hashes) if hashes is not None else 0
        if hasattr(_room, "left"):
            _room.left = max(room, 0)
        return True

    def first(self) -> Sheet | None:
        """The sheet of the first range (None: read the file whole, :meth:`whole`)."""
        self._parts = self._grids()
        sheet = self.grid.first(next(self._parts))
        self.first_columns = sheet.frame.columns if sheet is not None else []
        return sheet

    def rest(self) -> Iterator[pl.DataFrame]:
        """The sheet's rows of the ranges after the first; the bytes are freed after the last."""
        for grid in self._parts:
            yield self.grid.rows(grid)
        self._free()
        self.found = [*self.notes, *self.grid.problems()]

    def _free(self) -> _Held:
        held = _Held(self.data, self.whole_text, self.rows)
        self.data, self.whole_text = b"", str
        return held

    def whole(self) -> ReadResult:
        """The file read whole, as :func:`read_csv_bytes` reads it."""
        self._parts = iter(())  # (the ranges begun hold the bytes: dropped, so that they are freed once parsed)
        self._kept = []
        return _parse_whole(self._free(), self.file, self.delimiter, self.notes, self.grid)


def _size_problem(header_cells: int, lines: int, file: str) -> Problem | None:
    """A file wider or larger than pari-index reads (its header's cells, its lines), refused
    before polars parses it."""
    if header_cells > MAX_COLUMNS:
        return too_many_columns(header_cells, file)
    if header_cells > (wide := env_limit("PARI_MAX_CSV_COLUMNS", MAX_CSV_COLUMNS)):
        return _csv_too_wide(header_cells, wide, file)
    if lines * header_cells > max_cells():
        return too_many_cells(lines, header_cells, file)
    return None


#: Rows above a table's headings that may be titles (grid.TITLE_SEARCH_ROWS) and a second
#: heading row (two_row_text): lines not counted as rows by :func:`rows_past_limit`.
HEADING_LINES = TITLE_SEARCH_ROWS + 2
#: A quoted cell in bytes (as _QUOTED).
_QUOTED_BYTES = re.compile(rb'"(?:[^"]++|"")*+"?')
#: A space past ASCII in UTF-8 bytes, as a sheet strips it from a cell (Unicode White_Space: a
#: no-break space, an ideographic space, ...).
_WIDE_SPACE_BYTES = rb"(?:\xc2[\x85\xa0]|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f|\xe3\x80\x80)"


def _spaces(also: bytes) -> bytes:
    """A pattern of a run of spaces of any kind and of the bytes ``also`` (a character class's
    escaped bytes), its ASCII ones first (a run of them is a class, not an alternation: 0.07
    against 0.11 CPU s over 2.4 million lines «0»)."""
    ascii_run = b"[ \\t\\x0b\\x0c" + also + b"]*+"
    return ascii_run + b"(?:" + _WIDE_SPACE_BYTES + ascii_run + b")*+"


def rows_upper_bound(data: bytes, delimiter: str) -> int:
    """The rows a CSV file's bytes give below its first line once parsed, counted without parsing:
    its lines that are not blank (nothing but spaces of any kind, delimiters and quoted cells of
    nothing but spaces: a sheet drops them), a quoted cell taken as text on one line (a line
    break in it ends no row, as in polars). Passes in C over the bytes (about 0.05 CPU s for 2.4 million lines
    without quotes, 1 to 3 CPU s quoted). More than the sheet's rows only by the titles above its
    headings and by lines a sheet drops that are not blank here (a quoted cell of a line break
    alone, cells under no heading); fewer only for a file polars refuses (a quote never closed
    is one cell to the end). Until session 35's review a line of quoted empty cells (``"",""``,
    as a writer that quotes every cell writes an empty row) was counted: a register of as many
    units as the limit with a few such lines after them was refused, ``too-many-rows``, and had
    been read whole before; so was one with lines of no-break or ideographic spaces."""
    d = re.escape(delimiter.encode())
    text = data
    if b'"' in text:
        # An empty or blank quoted cell, from a cell's start to its end: removed (never a line
        # break). Looked for from its quote (the cost of a pass that finds none: a file of 2.4
        # million lines «"0","1","2"», 0.4 CPU s).
        blank_cell = re.compile(b'"(?<![^' + d + b'\n]")' + _spaces(b"") + b'"(?=[' + d + b"\r\n]|\\Z)")
        text = _QUOTED_BYTES.sub(b"q", blank_cell.sub(b"", text))
    if not text:
        return 0
    lines = text.count(b"\n") + (not text.endswith(b"\n"))
    blank = re.compile(b"(?m)^" + _spaces(b"\r" + d) + b"\n")
    last = text[text.rfind(b"\n") + 1 :]
    blanks = blank.subn(b"", text)[1] + bool(last and blank.fullmatch(last + b"\n"))
    return max(lines - blanks - 1, 0)


def rows_past_limit(data: bytes, delimiter: str, lines: int, rows: RowLimit | None, file: str) -> Problem | None:
    """The refusal of a table of more rows than ``rows`` allows, told from its bytes before polars
    parses them (:func:`rows_upper_bound`, with HEADING_LINES more for titles and headings):
    a register of 2.4 million lines ``0`` (4.8 MB) was refused as ``too-many-rows`` only once
    parsed, 2.3 CPU s and 610 MB (session 35). None when the file may be within the limit (then
    it is parsed, and counted exactly once read: ``tables.check_table_size``)."""
    if rows is None or lines <= rows.limit + HEADING_LINES:
        return None  # (a file within the limit costs one count of its line breaks, done already)
    counted = rows_upper_bound(data, delimiter)
    return rows.refuse(counted, file, None, None) if counted > rows.limit + HEADING_LINES else None


def _shape_problem(data: bytes, delimiter: str, header_cells: int, file: str) -> Problem | None:
    """A file cut short, or with lines of another separator: refused whole, since what is missing
    (after the cut) or unreadable (each such line one cell with nothing to score) has no row."""
    cut = cut_short(data, delimiter, header_cells)
    if cut is not None:
        return _cut_short_problem(cut, file)
    mixed = other_separator(data, delimiter, header_cells)
    return None if mixed is None else mixed_separators_problem(*mixed, delimiter, file)


def _csv_too_wide(columns: int, limit: int, file: str) -> Problem:
    return Problem(
        "csv-too-wide",
        f"{columns:,} columns, more than the {limit:,} pari-index reads from a CSV file (each column of text "
        "takes about 27 KB of memory to read, however few its rows); the table was not read",
        file=file,
        row=1,
        hint="check the delimiter, or use the long form (a row per item); if the table really is that wide, "
        "set PARI_MAX_CSV_COLUMNS higher",
        params={"columns": columns, "limit": limit},
    )


def read_csv_bytes(raw: bytes, file: str) -> ReadResult:
    """Check the encoding, sniff the delimiter and read a CSV file as strings. A UTF-8 file goes
    to polars as it is, checked a chunk at a time (:func:`scan_utf8`)."""
    return read_owned_csv_bytes([raw], file)


def read_owned_csv_bytes(
    owned: list[bytes], file: str, *, ranged: bool = False, rows: RowLimit | None = None
) -> ReadResult:
    """:func:`read_csv_bytes` of the bytes in ``owned`` (one item, taken out): when the caller
    holds no other reference, the bytes are freed once polars has parsed them, before the grid
    is made a sheet (a national file's bytes were held through the peak of reading it). With
    ``ranged``, a file longer than RANGED_BYTES that polars reads comes as one sheet with no rows
    and its :class:`CsvRanges` (``Sheet.ranges``): its rows are made as the caller asks. ``rows``:
    a file of more rows is refused before it is parsed (:func:`rows_past_limit`)."""
    raw = owned.pop()
    if is_binary(raw):
        return ReadResult([], [binary_file(file)])
    csv_text = scan_utf8(raw) or decoded_text(raw)
    if csv_text is None:
        return ReadResult([], [binary_file(file)])
    if csv_text.blank:
        return ReadResult(
            [],
            [
                Problem(
                    "empty-file",
                    "the file is empty",
                    file=file,
                    hint="export the sheet again",
                    params={"empty": "file", "empty_hint": "table"},
                )
            ],
        )
    if csv_text.legacy:
        return ReadResult([], [legacy_encoding(csv_text.legacy, file)])
    notes = letters_damaged([csv_text.sample], file)
    if any(note.severity == "error" for note in notes):
        return ReadResult([], notes)  # letters lost to ? or misread: not read
    if csv_text.fallback:
        notes.append(
            Problem(
                "encoding-fallback",
                f"not UTF-8: read as {csv_text.fallback}",
                file=file,
                params=csv_text.fallback_params,
                hint="check that the names read correctly; to be sure, save the file as CSV UTF-8",
                severity="warning",
            )
        )
    data, sample, whole = csv_text.data, csv_text.sample, csv_text.whole
    # (A file without a carriage return, most of them, is not searched for CRLF: 0.05 CPU s for
    # a national file.)
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        # Lines ended by a lone carriage return (Excel's "CSV (Macintosh)", files pasted together):
        # polars ends lines only at line feeds, and would read the file as one line.
        data = _LONE_CR.sub(b"\n", data)
        sample, whole = _LONE_CR_TEXT.sub("\n", sample), functools.partial(data.decode, "utf-8")
    hinted = _SEPARATOR_LINE.match(sample)
    if hinted:
        # Excel's separator hint ("sep=;"), a line before the header that Excel reads and hides:
        # read as the header, it named the file's columns "sep=" and "", and every row was "too
        # long". Refused as csv-separator-line from session 9 to 35, though Excel opens the file
        # as the table it is (and programs that export for Excel write the line): now read as a
        # blank line above the headings, as Excel reads it; row numbers stay a text editor's.
        blanked = _blank_separator_line(data, sample, hinted)
        if blanked is None:
            return ReadResult([], [*notes, _separator_line_problem(hinted.group(0).strip(), file)])
        data, sample = blanked
        whole = functools.partial(data.decode, "utf-8")
    delimiter, header_cells = sniff(sample)
    if hinted and header_cells > 1:
        notes.extend(_separator_line_differs(hinted.group(0), delimiter, file))
    blank_lines = _LEADING_BLANK_LINES.match(data)
    if blank_lines is not None and blank_lines.end() < len(data):
        # Blank lines above the headings (a sheet saved as CSV from its first row, left blank):
        # each a row of empty cells, as a workbook's blank row reads, so that the row numbers
        # stay a text editor's and the headings below are found (grid.title_rows). Read as a row
        # of one cell, it refused the whole file, "row 3 has 10 cells but the header has 1".
        filler = (delimiter * (header_cells - 1)).encode("utf-8") + b"\n"
        data = filler * blank_lines.group(0).count(b"\n") + data[blank_lines.end() :]
        whole = functools.partial(data.decode, "utf-8")
    # Every line is a row of as many cells as the header, blank or not: bound them before polars.
    lines = data.count(b"\n") + (not data.endswith(b"\n"))
    refused = (
        _size_problem(header_cells, lines, file)
        or rows_past_limit(data, delimiter, lines, rows, file)
        or _shape_problem(data, delimiter, header_cells, file)
    )
    if refused is not None:
        return ReadResult([], [*notes, refused])
    is_nfc, undecodable, longest = csv_text.nfc, bool(csv_text.bad_bytes), csv_text.chars
    grid = GridRanges(file, is_nfc=is_nfc, undecodable=undecodable, longest=longest)
    if ranged and len(data) > RANGED_BYTES:
        ranges = CsvRanges(file, data, delimiter, notes, grid, whole, lines)
        if ranges.accepted():
            return ReadResult([Sheet(file, None, pl.DataFrame(), ranges=ranges)], [])
        del ranges
    # Handed over (the text, and what makes the whole text), not shared: see _parse_whole.
    held = _Held(data, whole, lines)
    del raw, csv_text, data, whole
    return _parse_whole(held, file, delimiter, notes, grid)


@dataclass
class _Held:
    """A CSV file's UTF-8 bytes and what makes its whole text (which may hold the bytes too),
    handed to :func:`_parse_whole`, which frees them once polars has parsed them."""

    data: bytes
    whole: Callable[[], str]
    #: Its lines (a record for each, unless a quoted cell holds a line break).
    lines: int


def _parse_whole(held: _Held, file: str, delimiter: str, notes: list[Problem], how: GridRanges) -> ReadResult:
    """A CSV file's checked UTF-8 bytes parsed whole into a sheet (``how``: what the cells'
    checks need to know of its text), or its syntax error located."""
    try:
        grid = pl.read_csv(io.BytesIO(held.data), has_header=False, separator=delimiter, infer_schema=False)
    except (pl.exceptions.PolarsError, pl.exceptions.PanicException) as exc:
        reason = shorten((str(exc).splitlines() or [type(exc).__name__])[0], 200)
        return ReadResult([], [*notes, _csv_problem(held.whole(), delimiter, file, reason)])
    del held.data, held.whole  # the bytes: only the grid is needed now
    swallowed = swallowed_rows(grid, delimiter, held.lines)
    if swallowed is not None:
        return ReadResult([], [*notes, _swallowed_problem(*swallowed, file)])
    # Text typed on Windows is almost always NFC already (macOS exports decomposed NFD): one
    # check of the whole text is much cheaper than normalising every cell of a national file.
    # A title above the headings (a form saved as CSV from Excel), as in a workbook.
    skip, titles = title_rows(grid, file, None)
    # Headings over two rows (a group heading over the columns it covers), as in a workbook.
    grid = join_two_row_text_header(grid, skip)
    sheet, problems = frame_from_grid(
        grid.slice(skip),
        file,
        None,
        1 + skip,
        is_nfc=how.is_nfc,
        undecodable=how.undecodable,
        longest=how.longest,
        excel_errors=True,
    )
    return ReadResult([sheet] if sheet else [], notes + titles + problems)


def swallowed_rows(grid: pl.DataFrame, delimiter: str, lines: int | None) -> tuple[int, int, str] | None:
    """(record, lines, the first) of a quoted cell that swallowed lines of the table: a quote
    opened in a cell and closed only some lines later (a stray quote in an explanation, closed by
    another one rows below) makes polars read every line between as text of that one cell, and
    the file parses; its rows were lost without a word, the rows ledger counting one record for
    them (session 23: 7 of commune 00001's rows, exit 0). A line inside a cell is taken for a row
    when it begins with a value of the table's first column followed by the delimiter, and holds
    at least half as many delimiters as a row; a line break typed in a cell (Alt+Enter) begins no
    such line. In polars, on the cells with a line break only, and only when the ``lines`` of the
    text are more than its records (0.2 s a national file otherwise; ``lines`` None: not known, as
    of a workbook's sheet). None when there is none."""
    if lines is not None and grid.height >= lines:
        return None  # no record holds a line break
    columns = grid.columns
    texts = [column for column in columns if grid.schema[column] == pl.String]
    if grid.height < 2 or not texts:
        return None
    parts = [pl.col(column).fill_null("").str.split("\n").list.slice(1).alias("line") for column in texts]
    broken = pl.any_horizontal(pl.col(column).str.contains("\n", literal=True) for column in texts)
    inside = (
        grid.with_row_index("at")
        .filter(broken.fill_null(False))
        .select("at", pl.concat_list(parts).alias("line"))
        .explode("line")
        .drop_nulls()
    )
    if inside.height == 0:
        return None
    # The shapes of the first column's values below the header (00001: 99999), as a swallowed
    # register row's code is written nowhere else.
    firsts = grid.slice(1).select(_shape(pl.col(columns[0])).unique().drop_nulls()).to_series()
    need = max(2, (len(columns) - 1) // 2)
    head = pl.col("line").str.split(delimiter).list.first()
    rows = inside.filter(
        (pl.col("line").str.count_matches(delimiter, literal=True) >= need)
        & _shape(head).is_in(firsts.implode())
        & (head.str.strip_chars() != "")
    )
    if rows.height == 0:
        return None
    at = rows.item(0, "at")
    count = rows.filter(pl.col("at") == at).height
    return at + 1, count, rows.item(0, "line").rstrip("\r")


def _shape(cell: pl.Expr) -> pl.Expr:
    """The shape of a cell: each digit 9, each letter a (``00001`` and ``00412``: ``99999``)."""
    return cell.str.strip_chars().str.replace_all(r"[0-9]", "9").str.replace_all(r"\p{L}", "a")


def _swallowed_problem(row: int, lines: int, first: str, file: str) -> Problem:
    params = {
        "csv_problem": "swallowed_rows",
        "csv_hint": "swallowed_rows",
        "row": str(row),
        "lines": lines,
        "text": quoted(shorten(first, 60)),
    }
    hint = render_hint("csv-syntax", "en", params=params)
    return Problem("csv-syntax", render("csv-syntax", params, "en"), file=file, row=row, hint=hint, params=params)


#: Excel's separator hint: a first line "sep=" and one character (any case, maybe quoted cells
#: after it when another program added it to every column).
_SEPARATOR_LINE = re.compile(r"\A[ \t]*\"?sep=.?\"?[^\n]*(?=\r?\n|\Z)", re.IGNORECASE)


#: The separator Excel's separator line names (the character after «sep=»).
_DECLARED_SEPARATOR = re.compile(r"sep=(.)", re.IGNORECASE)


def _blank_separator_line(data: bytes, sample: str, hinted: re.Match[str]) -> tuple[bytes, str] | None:
    """``data`` and ``sample`` with Excel's separator line (``hinted``, at the start of ``sample``)
    made blank, or None where the bytes do not start with it, nothing follows it (a file of the
    line alone has no table) or the separator it names is none pari splits at."""
    line = hinted.group(0).encode("utf-8")
    if not data.startswith(line) or not data[len(line) :].strip():
        return None
    # Excel splits the rows at the separator the line names; pari at one of _DELIMITERS it finds.
    # A line naming another («sep=|», «sep=») is refused as before: read as a blank line, the
    # table's cells were one, «row 1 has no column names», the line itself being row 1 (review of
    # session 36).
    declared = _DECLARED_SEPARATOR.search(hinted.group(0))
    if declared is None or declared.group(1) not in _DELIMITERS:
        return None
    return data[len(line) :], sample[hinted.end() :]


def _separator_line_differs(line: str, delimiter: str, file: str) -> list[Problem]:
    """A warning where Excel's separator line names another separator than the one the column
    names are written with («sep=,» above «code;name;type»): read at the headings' separator, as
    its rows are written (a line of another separator is csv-mixed-separators), but Excel splits
    it at the one named and shows another table, its numbers' decimal commas cells of their own.
    Until session 38 the line was blanked and the file read without a word."""
    declared = _DECLARED_SEPARATOR.search(line)
    if declared is None or declared.group(1) == delimiter:
        return []
    params = {
        "line": line.strip()[:40],
        "declared": separator_name(declared.group(1)),
        "delimiter": separator_name(delimiter),
        "delimiter_char": "Tab" if delimiter == "\t" else delimiter,
    }
    return [
        Problem(
            "csv-separator-line-differs",
            render("csv-separator-line-differs", params, "en"),
            file=file,
            row=1,
            hint=render_hint("csv-separator-line-differs", "en", params=params),
            params=params,
            severity="warning",
        )
    ]


def _separator_line_problem(line: str, file: str) -> Problem:
    return Problem(
        "csv-separator-line",
        f"the first line ({line[:40]}) is a hint for Excel, not the table's header",
        file=file,
        row=1,
        params={"line": line[:40]},
        hint="delete the first line (pari-index finds the separator itself), or save the file again from "
        "Excel as CSV UTF-8",
    )


def _cut_short_problem(line: int, file: str) -> Problem:
    return Problem(
        "file-cut-short",
        "the file stops in the middle of this row: it was cut short, and what followed is missing",
        file=file,
        row=line,
        hint="copy or export the whole file again (a copy, a download or a full disk can cut a file short)",
    )


def rows_in_one_cell(
    grid: pl.DataFrame, file: str, name: str | None, first_row: int, saved_as: str = "workbook"
) -> Problem | None:
    """A CSV file with a stray quote (csv-syntax's swallowed_rows), opened in Excel or LibreOffice
    and saved as a workbook, or loaded by a data tool (pandas, polars) and saved as Parquet: the
    rows the quote swallowed are lines of one cell, which a workbook or a Parquet file does not
    tell from a line break typed in a cell. Told as in the CSV file, by lines inside a cell
    that begin with a value of the first column's shape and hold a row's delimiters (comma,
    semicolon or tab, as the file was saved); the sheet is refused, as its rows were lost without a
    word (session 24: 7 rows of commune 00001, every row «used», exit 0; in Parquet, session 25).
    ``first_row``: the sheet row of the grid's first row (the header); ``name``: the sheet's;
    ``saved_as``: ``workbook`` or ``parquet``, what the CSV file was saved as."""
    broken = pl.any_horizontal(pl.col(pl.String).str.contains("\n", literal=True)).any()
    if grid.height < 2 or not grid.select(broken.fill_null(False)).item():
        return None  # no cell holds a line break: one pass, not one a delimiter
    for delimiter in (",", ";", "\t"):
        found = swallowed_rows(grid, delimiter, None)
        if found is not None:
            record, lines, first = found
            params = {
                "row": str(first_row + record - 1),
                "lines": lines,
                "text": quoted(shorten(first, 60)),
                "saved_as": saved_as,
                "saved_again": saved_as,
            }
            return Problem(
                "rows-in-one-cell",
                render("rows-in-one-cell", params, "en"),
                file=file,
                sheet=name,
                row=first_row + record - 1,
                hint=render_hint("rows-in-one-cell", "en", params=params),
                params=params,
            )
    return None
