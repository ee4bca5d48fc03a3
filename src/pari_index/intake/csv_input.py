"""CSV files: the delimiter sniffed, the bytes decoded (:mod:`.decoding`) and parsed by polars, and
a syntax error located at its line with a hint."""

from __future__ import annotations

import functools
import io
import re

import polars as pl

from pari_index.errors import Problem, shorten
from pari_index.intake.decoding import (
    SNIFF_CHARS,
    SNIFF_LINES,
    binary_file,
    decoded_text,
    is_binary,
    legacy_encoding,
    scan_utf8,
)
from pari_index.intake.grid import frame_from_grid
from pari_index.intake.sheet import MAX_COLUMNS, ReadResult, max_cells, too_many_cells, too_many_columns

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
    """The csv-syntax problem, with the row it is in when one can be found."""
    located = _locate_csv_error(text, delimiter)
    if located is None:
        return Problem(
            "csv-syntax",
            f"not readable as CSV: {polars_message}",
            file=file,
            hint="check that every row has the same number of columns and quotes are closed",
        )
    row, message, hint = located
    return Problem("csv-syntax", f"not readable as CSV: {message}", file=file, row=row, hint=hint)


def _record_pattern(delimiter: str) -> re.Pattern[str]:
    d = re.escape(delimiter)
    cell = f'(?:"(?:[^"]++|"")*+"|[^"{d}]*+)'
    return re.compile(f"{cell}(?:{d}{cell})*+")


def _locate_csv_error(text: str, delimiter: str) -> tuple[int, str, str] | None:
    """(row, message, hint) of the first record that breaks CSV: a quote never closed, a quote
    inside a cell, or more cells than the header. Rows are records, counted as polars counts them
    (blank lines included, a quoted line break inside one record). Linear: each line is counted
    once, records with quotes checked by a pattern that never backtracks."""
    pattern = _record_pattern(delimiter)
    header_cells = 0
    row = 0
    pending: list[str] = []
    quotes = 0
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line in lines:
        pending.append(line)
        quotes += line.count('"')
        if quotes % 2:
            continue  # inside a quoted cell: the record goes on
        record = "\n".join(pending).removesuffix("\r")
        pending, quotes, row = [], 0, row + 1
        if '"' in record:
            if pattern.fullmatch(record) is None:
                return (
                    row,
                    f"row {row} has a quote inside a cell, or text after a closing quote",
                    'a cell with a quote or the delimiter must be put in double quotes, its own quotes doubled ("")',
                )
            cells = _QUOTED.sub("", record).count(delimiter) + 1
        else:
            cells = record.count(delimiter) + 1
        if row == 1:
            header_cells = cells
        elif cells > header_cells:
            return (
                row,
                f"row {row} has {cells} cells but the header (row 1) has {header_cells}",
                _ragged_hint(record, delimiter),
            )
    if pending:
        record = "\n".join(pending)
        first = record.index('"')
        if first and record[first - 1] != delimiter:
            return (
                row + 1,
                f"row {row + 1} has a quote inside a cell: {shorten(record[: first + 1], 60)!r}",
                ('put the whole cell in double quotes and double its own quotes (""), or delete the quote'),
            )
        return row + 1, f"the quote opened in row {row + 1} is never closed", "close the quote, or delete it"
    return None


def _ragged_hint(record: str, delimiter: str) -> str:
    if delimiter == "," and re.search(r"[0-9],[0-9]", _QUOTED.sub("", record)):
        return (
            "a number with a decimal comma (like 55,5) splits into two cells in a comma-separated file:"
            " use a decimal point, put the number in quotes, or save the file with semicolons"
        )
    return "a cell holding the delimiter must be put in double quotes; or delete the extra cells"


_LONE_CR = re.compile(rb"\r(?!\n)")
_LONE_CR_TEXT = re.compile(r"\r(?!\n)")


def read_csv_bytes(raw: bytes, file: str) -> ReadResult:
    """Check the encoding, sniff the delimiter and read a CSV file as strings. A UTF-8 file goes
    to polars as it is, checked a chunk at a time (:func:`scan_utf8`)."""
    if is_binary(raw):
        return ReadResult([], [binary_file(file)])
    csv_text = scan_utf8(raw) or decoded_text(raw)
    if csv_text is None:
        return ReadResult([], [binary_file(file)])
    if csv_text.blank:
        return ReadResult([], [Problem("empty-file", "the file is empty", file=file, hint="export the sheet again")])
    if csv_text.legacy:
        return ReadResult([], [legacy_encoding(csv_text.legacy, file)])
    notes: list[Problem] = []
    if csv_text.fallback:
        notes.append(
            Problem(
                "encoding-fallback",
                f"not UTF-8: read as {csv_text.fallback}",
                file=file,
                hint="check that the names read correctly; to be sure, save the file as CSV UTF-8",
                severity="warning",
            )
        )
    data, sample, whole = csv_text.data, csv_text.sample, csv_text.whole
    if data.count(b"\r") != data.count(b"\r\n"):
        # Lines ended by a lone carriage return (Excel's "CSV (Macintosh)", files pasted together):
        # polars ends lines only at line feeds, and would read the file as one line.
        data = _LONE_CR.sub(b"\n", data)
        sample, whole = _LONE_CR_TEXT.sub("\n", sample), functools.partial(data.decode, "utf-8")
    delimiter, header_cells = sniff(sample)
    if header_cells > MAX_COLUMNS:
        return ReadResult([], [*notes, too_many_columns(header_cells, file)])
    # Every line is a row of as many cells as the header, blank or not: bound them before polars.
    lines = data.count(b"\n") + (not data.endswith(b"\n"))
    if lines * header_cells > max_cells():
        return ReadResult([], [*notes, too_many_cells(lines, header_cells, file)])
    try:
        grid = pl.read_csv(io.BytesIO(data), has_header=False, separator=delimiter, infer_schema=False)
    except (pl.exceptions.PolarsError, pl.exceptions.PanicException) as exc:
        reason = shorten((str(exc).splitlines() or [type(exc).__name__])[0], 200)
        return ReadResult([], [*notes, _csv_problem(whole(), delimiter, file, reason)])
    del data
    # Text typed on Windows is almost always NFC already (macOS exports decomposed NFD): one
    # check of the whole text is much cheaper than normalising every cell of a national file.
    sheet, problems = frame_from_grid(
        grid, file, None, is_nfc=csv_text.nfc, undecodable=bool(csv_text.bad_bytes), longest=csv_text.chars
    )
    return ReadResult([sheet] if sheet else [], notes + problems)
