"""Reading spreadsheets as text, with every cell traceable to its file, sheet and row.

Everything is read as strings: ids keep their leading zeros and ``1.10`` stays ``1.10``; typing
happens later, per input, where a failure can be reported against the cell it came from.

CSV bytes are decoded here rather than by polars, which silently garbles Windows-1258. The choice
is made per file on evidence (:func:`decode_text`): a byte-order mark decides; a file that is
mostly UTF-8 stays UTF-8 and each cell with a stray byte is reported and not read; Windows-1258 or
UTF-16 without a byte-order mark is assumed only when the bytes look like it, and announced. The
delimiter is sniffed (comma, semicolon, tab) in linear time, since Excel in a Vietnamese locale
saves CSV with semicolons. Text is NFC-normalised so that names typed on different systems join.

Every reader is bounded (docs/limits.md): bytes read, columns, cells and the length of a cell.
"""

from __future__ import annotations

import functools
import io
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import polars.selectors as cs

from pari_index.errors import IntakeError, Problem, shorten
from pari_index.intake.legacy_encoding import legacy_evidence
from pari_index.limits import env_limit

ROW = "_row"
FILE = "_file"
SHEET = "_sheet"

MAX_INPUT_BYTES = 2 * 1024**3
#: Bytes read from a pipe, or from a file whose size the system does not tell (/proc); raise with
#: the environment variable PARI_MAX_STREAM_BYTES.
MAX_STREAM_BYTES = 64 * 1024**2
READ_CHUNK = 1024**2
#: Columns of one sheet, as in Excel (XFD): a wider table is refused.
MAX_COLUMNS = 16_384
#: Characters of one cell, as in Excel: a longer cell is reported and not read.
MAX_CELL_CHARS = 32_767
#: Cells (rows × columns) of one CSV or Parquet file: a national long-form file has about 10
#: million; each cell costs polars at least 16 bytes even when empty, and a blank CSV line is a row
#: of empty cells for one byte. Raise with the environment variable PARI_MAX_CELLS.
MAX_CELLS = 20_000_000
#: Findings per file for cells of one kind (undecodable, too long); then one saying how many more.
MAX_CELL_FINDINGS = 200
#: Sheets never read as data: the instructions sheet of a generated template.
IGNORED_SHEETS = frozenset({"hướng dẫn", "huong dan", "instructions", "readme"})
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
PARQUET_SUFFIXES = {".parquet"}


@dataclass
class Sheet:
    """One table of strings read from a file: header names normalised, a ``_row`` column with the
    row number a person sees in Excel (header = row 1), ``_file`` and ``_sheet``."""

    file: str
    name: str | None
    frame: pl.DataFrame
    original_headers: dict[str, str] = field(default_factory=dict)


@dataclass
class ReadResult:
    sheets: list[Sheet]
    problems: list[Problem]


@dataclass(frozen=True)
class Decoded:
    """The text of a CSV file and how it was decoded. Bytes that could not be decoded are U+FFFD in
    ``text`` (``bad_bytes`` of them); ``fallback`` says what was assumed when the file is neither
    UTF-8 nor marked by a byte-order mark, and is announced as a warning."""

    text: str
    encoding: str
    bad_bytes: int = 0
    fallback: str | None = None
    #: Why the bytes are a legacy font encoding (TCVN3, VNI) rather than Windows-1258: not read.
    legacy: str | None = None


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _utf8_with_evidence(raw: bytes) -> tuple[str, int, int]:
    """(text with U+FFFD for each run of bytes that is not UTF-8, such runs, valid multi-byte
    letters). Linear and in C: every byte below 0x80 is one character, so the multi-byte letters
    are what is left of the characters once the ASCII bytes and the U+FFFD are taken away."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    ascii_bytes = len(raw.translate(None, _HIGH_BYTES))
    return text, bad, len(text) - ascii_bytes - bad


def _utf16_order(raw: bytes) -> str | None:
    """UTF-16 without a byte-order mark: in text that is mostly ASCII, every other byte is NUL."""
    sample = raw[:2000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) > len(zeros) // 2 and other.count(0) < len(other) // 10:
            return encoding
    return None


def _utf16_without_bom(raw: bytes) -> Decoded | None:
    encoding = _utf16_order(raw)
    if encoding is None:
        return None
    text = raw.decode(encoding, errors="replace")
    order = "little" if encoding.endswith("le") else "big"
    return Decoded(text, encoding, text.count("\ufffd"), f"UTF-16 ({order}-endian), since every other byte is zero")


def _binary(raw: bytes) -> bool:
    """NUL bytes in a file that is not UTF-16: not text (checked before any decoding)."""
    return b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")) and _utf16_order(raw) is None


def decode_text(raw: bytes) -> Decoded:
    """Decode CSV bytes on the evidence of the whole file: a byte-order mark decides; else UTF-8
    when it is valid or when its valid multi-byte letters outnumber the bytes that are not UTF-8
    (a UTF-8 file with a stray byte stays UTF-8, the byte reported); UTF-16 when every other byte
    is zero; Windows-1258 only when the bytes look like it (many invalid, no valid UTF-8 letter)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return Decoded(raw[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            text, bad, _ = _utf8_with_evidence(raw[3:])
            return Decoded(text, "utf-8-sig", bad)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
        return Decoded(text, "utf-16", text.count("\ufffd"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid UTF-8 with NUL bytes may be UTF-16 of plain ASCII text.
        return (_utf16_without_bom(raw) if "\x00" in text else None) or Decoded(text, "utf-8")
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return utf16
    text, bad, letters = _utf8_with_evidence(raw)
    if letters and letters >= bad:
        return Decoded(text, "utf-8", bad)
    # Windows-1258 leaves a few byte values undefined: those are reported like bad UTF-8 bytes.
    text = raw.decode("cp1258", errors="replace")
    evidence = f"{bad:,} bytes are not UTF-8" + (f" and only {letters:,} letters are" if letters else "")
    fallback = f"Windows-1258 (Vietnamese), since {evidence}"
    return Decoded(text, "cp1258", text.count("\ufffd"), fallback, legacy_evidence(text))


def decode_csv_bytes(raw: bytes) -> tuple[str, str]:
    """Decode CSV bytes; returns (text, encoding name). See :func:`decode_text`."""
    decoded = decode_text(raw)
    return decoded.text, decoded.encoding


#: Delimiters tried, in order of preference on a tie.
_DELIMITERS = (",", "\t", ";")
#: A quoted cell ("" is a quote inside it), or the rest of the text after a quote never closed.
#: Possessive: it always matches, so it never backtracks.
_QUOTED = re.compile(r'"(?:[^"]++|"")*+"?')
SNIFF_LINES = 20
SNIFF_CHARS = 1024 * 1024


def _sniff(text: str) -> tuple[str, int]:
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
    return _sniff(text)[0]


def normalise_header(name: str) -> str:
    text = unicodedata.normalize("NFC", str(name)).strip().strip("\ufeff")
    return re.sub(r"\s+", " ", text)


def _check_headers(headers: list[str], file: str, sheet: str | None, first_row: int = 1) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(headers, start=1):
        if not name:
            continue
        key = name.casefold()
        if key in seen:
            problems.append(
                Problem(
                    "duplicate-column",
                    f"column {name!r} appears twice (columns {seen[key]} and {i})",
                    file=file,
                    sheet=sheet,
                    row=first_row,
                    hint="rename or delete one of them",
                    params={"name": repr(name), "first": seen[key], "second": i},
                )
            )
        else:
            seen[key] = i
    return problems


def _column_name(headers: Sequence[str | None], index: int) -> str:
    name = headers[index] if index < len(headers) else None
    if not name or len(name) > MAX_CELL_CHARS:
        return f"column {index + 1}"
    return normalise_header(name)


@dataclass(frozen=True)
class _Place:
    """Where a grid came from: rows of the grid are sheet rows counted from ``first_row``."""

    file: str
    sheet: str | None
    first_row: int = 1

    def problem(self, code: str, message: str, index: int | None, column: str | None, hint: str | None) -> Problem:
        row = None if index is None else self.first_row + index
        return Problem(code, message, file=self.file, sheet=self.sheet, row=row, field=column, hint=hint)


@dataclass(frozen=True)
class _CellCheck:
    """Cells that are reported and not read: ``hit`` finds every such cell in a column of strings
    (and maybe a few more, cheaply); ``message`` decides on one cell's text."""

    code: str
    hit: Callable[[pl.Expr], pl.Expr]
    exact: Callable[[pl.Expr], pl.Expr]
    message: Callable[[str], str | None]
    hint: str
    keep_header: bool  # a bad column name is reported but kept (reported again by name downstream)


def _too_long(value: str) -> str | None:
    if len(value) <= MAX_CELL_CHARS:
        return None
    return (
        f"{len(value):,} characters, more than the {MAX_CELL_CHARS:,} a cell may hold (as in Excel),"
        f" starting {shorten(value, 40)!r}"
    )


def _undecodable(value: str) -> str | None:
    count = value.count("\ufffd")
    if not count:
        return None
    what = "a byte" if count == 1 else f"{count} bytes (or runs of bytes)"
    return f"{what} here could not be decoded (shown as �): {shorten(value, 60)!r}"


UNDECODABLE = _CellCheck(
    "undecodable-bytes",
    lambda cell: cell.str.contains("\ufffd", literal=True),
    lambda cell: cell.str.contains("\ufffd", literal=True),
    _undecodable,
    "retype the cell, or save the file again as CSV UTF-8",
    keep_header=True,
)
TOO_LONG = _CellCheck(
    "cell-too-long",
    # Length in bytes is free to read and never less than the length in characters.
    lambda cell: cell.str.len_bytes() > MAX_CELL_CHARS,
    lambda cell: cell.str.len_chars() > MAX_CELL_CHARS,
    _too_long,
    "a cell holds one value: put long texts in an evidence file",
    keep_header=False,
)


def _report_cells(
    cells: Iterable[tuple[int, int, str | None]], headers: Sequence[str | None], check: _CellCheck, place: _Place
) -> list[Problem]:
    """One problem per cell (grid row, grid column, text) the check finds, up to MAX_CELL_FINDINGS,
    then one saying how many more."""
    problems: list[Problem] = []
    found = 0
    for index, column, value in cells:
        message = check.message(value) if value is not None else None
        if message is None:
            continue
        found += 1
        if found > MAX_CELL_FINDINGS:
            continue
        if index != 0:
            message += "; the cell was not read"
        elif not check.keep_header:
            message += "; the column name was not read"
        problems.append(place.problem(check.code, message, index, _column_name(headers, column), check.hint))
    if found > MAX_CELL_FINDINGS:
        more = f"… and {found - MAX_CELL_FINDINGS:,} more cells like these"
        problems.append(place.problem(check.code, more, None, None, check.hint))
    return problems


def _check_narrow(grid: pl.DataFrame, check: _CellCheck, place: _Place) -> tuple[pl.DataFrame, list[Problem]]:
    """``check`` on a grid of strings with few columns: found cells are reported and emptied."""
    mask = grid.select(pl.any_horizontal(check.hit(pl.all()))).to_series()
    if not mask.any():
        return grid, []
    rows = grid.with_row_index("_i").filter(mask)
    cells = ((values[0], j, value) for values in rows.iter_rows() for j, value in enumerate(values[1:]))
    problems = _report_cells(cells, grid.row(0), check, place)
    if not problems:
        return grid, []
    bad = check.exact(pl.all())
    if check.keep_header:
        bad = bad & (pl.int_range(pl.len()) > 0)
    return grid.with_columns(pl.when(bad).then(None).otherwise(pl.all()).name.keep()), problems


def _check_long(
    cells: pl.DataFrame, headers: Sequence[str | None], check: _CellCheck, place: _Place
) -> tuple[pl.DataFrame, list[Problem]]:
    """``check`` on a grid held as one row per cell (value, r, c)."""
    hits = cells.filter(check.hit(pl.col("value")))
    if hits.height == 0:
        return cells, []
    problems = _report_cells(hits.select("r", "c", "value").iter_rows(), headers, check, place)
    if not problems:
        return cells, []
    bad = check.exact(pl.col("value"))
    if check.keep_header:
        bad = bad & (pl.col("r") > 0)
    return cells.with_columns(pl.when(bad).then(None).otherwise(pl.col("value")).alias("value")), problems


#: Tables longer than this are checked for many blank rows, dropped before the per-cell work.
BLANK_ROWS_CHECKED = 10_000
#: Above this many columns a grid is worked on as one long column of cells: polars spends about
#: 0.1 ms per column and expression, so each pass over a sheet of 16,384 columns took seconds.
WIDE_COLUMNS = 256


@dataclass(frozen=True)
class _Columns:
    """The grid columns that are read (positions), their names, and the unnamed ones."""

    keep: list[int]
    names: list[str]
    blank: list[int]


def _plan_columns(headers: list[str], place: _Place) -> tuple[_Columns | None, list[Problem]]:
    """Which columns to read; problems with the header row (None when nothing can be read)."""
    file, sheet, first_row = place.file, place.sheet, place.first_row
    problems = _check_headers(headers, file, sheet, first_row)
    if problems:
        return None, problems
    # The names of the columns pari-index adds itself (source file, sheet, row) cannot be read
    # from a sheet: they would clash, and a clerk who typed "_row" did not mean them.
    reserved = [
        Problem(
            "reserved-column",
            f"column {h!r} has a name pari-index uses for itself; its values were not read",
            file=file,
            sheet=sheet,
            row=first_row,
            field=h,
            hint="rename the column",
        )
        for h in headers
        if h in (ROW, FILE, SHEET)
    ]
    keep = [i for i, h in enumerate(headers) if h and h not in (ROW, FILE, SHEET)]
    if not keep:
        return None, [
            *reserved,
            Problem("no-headers", f"row {first_row} has no column names", file=file, sheet=sheet, row=first_row),
        ]
    blank = [i for i, h in enumerate(headers) if not h]
    return _Columns(keep, [headers[i] for i in keep], blank), reserved


def _without_header(rows: Iterable[int], place: _Place) -> list[Problem]:
    return [
        Problem(
            "cell-without-header",
            "cells in a column without a name were ignored",
            file=place.file,
            sheet=place.sheet,
            row=row,
            hint="give the column a name in row 1 or clear it",
        )
        for row in rows
    ]


def frame_from_grid(
    grid: pl.DataFrame,
    file: str,
    sheet: str | None,
    first_row: int = 1,
    *,
    is_nfc: bool = False,
    undecodable: bool = False,
    longest: int | None = None,
) -> tuple[Sheet | None, list[Problem]]:
    """A table of strings whose first row holds the column names (as read with no header);
    ``first_row`` is the sheet row the header is in (an Excel table need not start in row 1).
    ``is_nfc``: the caller checked that the whole text is already in NFC, so cells need not be
    normalised one by one. ``undecodable``: the text had bytes that could not be decoded (U+FFFD):
    cells holding one are reported and not read. Cells longer than MAX_CELL_CHARS are reported and
    not read (``longest``: the caller knows no cell is longer, e.g. a short file, and this check is
    skipped); a table wider than MAX_COLUMNS is refused. Linear in the number of columns."""
    if grid.height == 0 or grid.width == 0:
        return None, [
            Problem(
                "empty-sheet",
                "no header row: the table is empty",
                file=file,
                sheet=sheet,
                hint="put the column names in row 1",
            )
        ]
    if grid.width > MAX_COLUMNS:
        return None, [too_many_columns(grid.width, file, sheet)]
    if any(dtype != pl.String for dtype in grid.dtypes):
        grid = grid.select(pl.all().cast(pl.String))
    place = _Place(file, sheet, first_row)
    # One polars call less per file for the thousands of small files of one commune each.
    long_cells = longest is None or longest > MAX_CELL_CHARS
    checks = (*((UNDECODABLE,) if undecodable else ()), *((TOO_LONG,) if long_cells else ()))
    if grid.width > WIDE_COLUMNS:
        return _frame_wide(grid, place, checks, is_nfc)
    stray: list[Problem] = []
    for check in checks:
        grid, found = _check_narrow(grid, check, place)
        stray += found
    headers = [normalise_header(h or "") for h in grid.row(0)]
    plan, problems = _plan_columns(headers, place)
    stray += problems
    if plan is None:
        return None, stray
    columns = grid.columns  # a new list at each call: taken once
    # As few polars calls as possible: a commune's file is small, and per-call overhead was most
    # of the cost of reading thousands of them.
    body = grid.slice(1).with_row_index(ROW, offset=first_row + 1)
    source = [columns[i] for i in plan.keep]
    if body.height > BLANK_ROWS_CHECKED and min(body.null_count().row(0)[1:]) > body.height // 4:
        # Many blank rows (a file of empty lines): dropped first, so no copy of them is made.
        body = body.filter(~pl.all_horizontal(pl.exclude(ROW).is_null()))
    if plan.blank:
        blank = [columns[i] for i in plan.blank]
        hits = body.filter(pl.any_horizontal(pl.col(blank).str.strip_chars().str.len_chars() > 0))
        stray += _without_header(hits[ROW].head(20).to_list(), place)
    cells = pl.col(source) if is_nfc else pl.col(source).str.normalize("NFC")
    frame = (
        body.select(
            pl.col(ROW).cast(pl.Int64),
            cells.str.strip_chars().replace("", None),
            pl.lit(file).alias(FILE),
            pl.lit(sheet, dtype=pl.String).alias(SHEET),
        )
        .rename(dict(zip(source, plan.names, strict=True)))
        # Drop rows that are entirely empty (Excel often keeps formatted blank rows).
        # by_name, not pl.col: a heading written ^…$ would be a regex there (and drop every row).
        .filter(pl.any_horizontal(cs.by_name(plan.names).is_not_null()))
    )
    return Sheet(file=file, name=sheet, frame=frame, original_headers={h: h for h in plan.names}), stray


def _frame_wide(
    grid: pl.DataFrame, place: _Place, checks: Sequence[_CellCheck], is_nfc: bool
) -> tuple[Sheet | None, list[Problem]]:
    """frame_from_grid for a grid of many columns, worked on as one column of cells (value, grid
    row r, grid column c) in column order, and cut back into columns by slicing (no copy)."""
    n = grid.height
    position = pl.int_range(pl.len())
    cells = grid.unpivot().select("value").with_columns((position % n).alias("r"), (position // n).alias("c"))
    stray: list[Problem] = []
    for check in checks:
        cells, found = _check_long(cells, grid.row(0), check, place)
        stray += found
    headers = [normalise_header(h or "") for h in cells.filter(pl.col("r") == 0).get_column("value").to_list()]
    plan, problems = _plan_columns(headers, place)
    stray += problems
    if plan is None:
        return None, stray
    body = cells.filter(pl.col("r") > 0)
    if plan.blank:
        named = pl.col("c").is_in(plan.blank) & (pl.col("value").str.strip_chars().str.len_chars() > 0)
        rows = body.filter(named).get_column("r").unique().sort().head(20)
        stray += _without_header((place.first_row + r for r in rows.to_list()), place)
    value = pl.col("value") if is_nfc else pl.col("value").str.normalize("NFC")
    body = body.filter(pl.col("c").is_in(plan.keep)).with_columns(value.str.strip_chars().replace("", None))
    # Drop rows that are entirely empty (Excel often keeps formatted blank rows).
    filled = body.filter(pl.col("value").is_not_null()).get_column("r").unique()
    body = body.filter(pl.col("r").is_in(filled.implode()))
    m = filled.len()
    values = body.get_column("value")
    rows = (body.get_column("r").head(m) + place.first_row).cast(pl.Int64).alias(ROW)
    columns = [values.slice(k * m, m).alias(name) for k, name in enumerate(plan.names)]
    frame = pl.DataFrame([rows, *columns]).with_columns(
        pl.lit(place.file).alias(FILE), pl.lit(place.sheet, dtype=pl.String).alias(SHEET)
    )
    return Sheet(file=place.file, name=place.sheet, frame=frame, original_headers={h: h for h in plan.names}), stray


def too_many_columns(width: int, file: str, sheet: str | None = None) -> Problem:
    return Problem(
        "too-many-columns",
        f"{width:,} columns, more than the {MAX_COLUMNS:,} pari-index reads (as Excel); the table was not read",
        file=file,
        sheet=sheet,
        row=1,
        hint="a commune's answers fit in far fewer columns: check the delimiter, or use the long form",
    )


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


#: Bytes of a UTF-8 file decoded at a time to check it: the whole text is never one string.
CHECK_CHUNK = 4 * 1024**2
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class _CsvText:
    """What reading a CSV file needs of its text: the UTF-8 bytes for polars, the start of the
    text (for the delimiter), whether it is blank or in NFC, its length in characters, and the
    whole text only when it is asked for (to locate a syntax error)."""

    data: bytes
    sample: str
    blank: bool
    nfc: bool
    chars: int
    bad_bytes: int
    whole: Callable[[], str]
    fallback: str | None = None
    legacy: str | None = None


def _scan_utf8(raw: bytes) -> _CsvText | None:
    """A valid UTF-8 file (with or without a byte-order mark) checked a chunk at a time, each
    chunk cut after a line break: a line break is never inside a letter's bytes, and NFC never
    composes across it, so the chunks answer for the whole text. None when the file has NUL
    bytes, a UTF-16 mark or bytes that are not UTF-8: :func:`decode_text` then weighs the
    evidence of the whole text, as before."""
    if b"\x00" in raw or raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    skip = len(_UTF8_BOM) if raw.startswith(_UTF8_BOM) else 0
    view = memoryview(raw)
    sample: list[str] = []
    sampled = chars = 0
    blank = nfc = True
    start = skip
    while start < len(raw):
        end = len(raw)
        if start + CHECK_CHUNK < len(raw):
            cut = raw.rfind(b"\n", start, start + CHECK_CHUNK)
            end = cut + 1 if cut >= 0 else (raw.find(b"\n", start + CHECK_CHUNK) + 1 or len(raw))
        try:
            piece = str(view[start:end], "utf-8")
        except UnicodeDecodeError:
            return None
        blank = blank and piece.isspace()
        nfc = nfc and unicodedata.is_normalized("NFC", piece)
        chars += len(piece)
        if sampled <= SNIFF_CHARS:
            sample.append(piece[: SNIFF_CHARS + 1 - sampled])
            sampled += len(sample[-1])
        start = end
    data = raw[skip:] if skip else raw
    return _CsvText(data, "".join(sample), blank, nfc, chars, 0, lambda: data.decode("utf-8"))


def _decoded_text(raw: bytes) -> _CsvText | None:
    """The text of a file that is not plain UTF-8, decoded whole on the evidence (a fallback or a
    file with bad bytes must be decoded anyway, to give polars UTF-8); None when it holds NUL."""
    decoded = decode_text(raw)
    text = decoded.text
    if "\x00" in text:
        return None
    return _CsvText(
        text.encode("utf-8"),
        text[: SNIFF_CHARS + 1],
        not text or text.isspace(),  # (strip() would copy the whole text)
        unicodedata.is_normalized("NFC", text),
        len(text),
        decoded.bad_bytes,
        lambda: text,
        decoded.fallback,
        decoded.legacy,
    )


_LONE_CR = re.compile(rb"\r(?!\n)")
_LONE_CR_TEXT = re.compile(r"\r(?!\n)")


def read_csv_bytes(raw: bytes, file: str) -> ReadResult:
    """Check the encoding, sniff the delimiter and read a CSV file as strings. A UTF-8 file goes
    to polars as it is, checked a chunk at a time (:func:`_scan_utf8`)."""
    if _binary(raw):
        return ReadResult([], [_binary_file(file)])
    csv_text = _scan_utf8(raw) or _decoded_text(raw)
    if csv_text is None:
        return ReadResult([], [_binary_file(file)])
    if csv_text.blank:
        return ReadResult([], [Problem("empty-file", "the file is empty", file=file, hint="export the sheet again")])
    if csv_text.legacy:
        return ReadResult([], [_legacy_encoding(csv_text.legacy, file)])
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
    delimiter, header_cells = _sniff(sample)
    if header_cells > MAX_COLUMNS:
        return ReadResult([], [*notes, too_many_columns(header_cells, file)])
    # Every line is a row of as many cells as the header, blank or not: bound them before polars.
    lines = data.count(b"\n") + (not data.endswith(b"\n"))
    if lines * header_cells > max_cells():
        return ReadResult([], [*notes, _too_many_cells(lines, header_cells, file)])
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


def _legacy_encoding(evidence: str, file: str) -> Problem:
    return Problem(
        "legacy-encoding",
        f"a legacy Vietnamese font encoding (TCVN3/ABC or VNI), not UTF-8 or Windows-1258: {evidence}; "
        "the file was not read, rather than score garbled text",
        file=file,
        hint="convert it to Unicode (e.g. Unikey's converter), then save it as CSV UTF-8",
        params={"evidence": evidence},
    )


def _stat(p: Path, file: str) -> os.stat_result:
    try:
        return p.stat()
    except FileNotFoundError:
        raise IntakeError(Problem("file-not-found", "file not found", file=file, hint="check the path")) from None
    except OSError as exc:
        raise IntakeError(_unreadable(exc, file)) from None
    except ValueError:  # a NUL character in the path
        raise IntakeError(Problem("file-unreadable", "the path holds a NUL character", file=file)) from None


def _unreadable(exc: OSError, file: str) -> Problem:
    reason = exc.strerror or type(exc).__name__
    return Problem(
        "file-unreadable", f"cannot read the file: {reason}", file=file, hint="check the path and its permissions"
    )


def _read_bounded(p: Path, file: str, limit: int, *, pipe: bool, size: int = 0) -> bytes:
    """At most ``limit`` bytes (more is file-too-large), read in chunks: a pipe or a file whose
    size the system does not tell (``/proc``) can be endless. A pipe is opened without waiting for
    a writer (no writer: it reads as empty), then read normally."""
    chunks: list[bytes] = []
    total = 0
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK)
        if pipe:
            os.set_blocking(fd, True)
        with open(fd, "rb") as stream:
            while total <= limit:
                # A file of known size in one read (and no copy to join); then until the end.
                chunk = stream.read(min(size + 1 if not chunks and size else READ_CHUNK, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
    except OSError as exc:
        raise IntakeError(_unreadable(exc, file)) from None
    if total > limit:
        raise IntakeError(_too_large(f"more than {limit:,} bytes", limit, file))
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _too_large(size: str, limit: int, file: str) -> Problem:
    return Problem(
        "file-too-large",
        f"{size} is more than the {limit:,} bytes pari-index reads at once",
        file=file,
        hint="split the file by district",
    )


def _binary_file(file: str) -> Problem:
    return Problem(
        "binary-file",
        "this looks like a binary file, not CSV",
        file=file,
        hint="export the sheet as CSV (UTF-8) or give the .xlsx",
    )


def _has_hole(p: Path) -> bool:
    """Whether a regular file is sparse (has a hole, which reads as NUL bytes). Best effort: False
    where the system cannot tell."""
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK)
        try:
            return os.lseek(fd, 0, os.SEEK_HOLE) < os.fstat(fd).st_size
        finally:
            os.close(fd)
    except (OSError, AttributeError):
        return False


def read_table_file(path: str | Path) -> ReadResult:
    """Read a CSV, XLSX or Parquet file into sheets of strings. A folder, a device or a socket is
    refused; a pipe is read as CSV (or Parquet) up to MAX_STREAM_BYTES; every error of the
    operating system is an IntakeError naming the file."""
    from pari_index.intake.xlsx import read_excel

    p = Path(path)
    file = str(path)
    info = _stat(p, file)
    if stat.S_ISDIR(info.st_mode):
        raise IntakeError(Problem("is-a-directory", "this is a folder, not a file", file=file))
    pipe = stat.S_ISFIFO(info.st_mode)
    if not (stat.S_ISREG(info.st_mode) or pipe):
        raise IntakeError(
            Problem("not-a-file", "this is a device or a socket, not a file", file=file, hint="give the file itself")
        )
    size = info.st_size
    if size > MAX_INPUT_BYTES:
        raise IntakeError(_too_large(f"{size:,} bytes", MAX_INPUT_BYTES, file))
    suffix = p.suffix.lower()
    if size and not pipe and suffix in EXCEL_SUFFIXES:
        return read_excel(p, file)
    if size and not pipe and suffix in PARQUET_SUFFIXES:
        return read_parquet(p, file)
    if size and not pipe and _has_hole(p):
        # A sparse file is small on disk and reads as gigabytes of NUL bytes: not text.
        return ReadResult([], [_binary_file(file)])
    # A size of 0 may be a /proc file that is not empty at all: read it with the bound of a pipe.
    raw = _read_bounded(p, file, MAX_INPUT_BYTES if size else max_stream_bytes(), pipe=pipe, size=size)
    if not raw:
        return ReadResult([], [Problem("empty-file", "the file is empty", file=file)])
    if suffix in PARQUET_SUFFIXES:
        return read_parquet(io.BytesIO(raw), file)
    if suffix in EXCEL_SUFFIXES or raw[:4] == b"PK\x03\x04":
        if size:
            return read_excel(p, file)
        raise IntakeError(
            Problem("not-a-file", "a workbook cannot be read from a pipe", file=file, hint="save it to a file first")
        )
    return read_csv_bytes(raw, file)


def max_stream_bytes() -> int:
    """Bytes read from a pipe: PARI_MAX_STREAM_BYTES, default MAX_STREAM_BYTES."""
    return env_limit("PARI_MAX_STREAM_BYTES", MAX_STREAM_BYTES)


def max_cells() -> int:
    """Cells (rows × columns) read from a CSV or Parquet file: PARI_MAX_CELLS, default MAX_CELLS."""
    return env_limit("PARI_MAX_CELLS", MAX_CELLS)


def _unsupported(name: str, dtype: object, file: str) -> Problem:
    return Problem(
        "unsupported-column-type",
        f"column {name!r} holds {dtype}, not one value per cell; it was not read",
        file=file,
        row=1,
        field=name,
        hint="write the column as text or numbers",
    )


def _not_parquet(exc: BaseException, file: str) -> ReadResult:
    reason = shorten(str(exc).split("\n")[0], 200)
    return ReadResult([], [Problem("not-parquet", f"cannot be read as Parquet ({reason})", file=file)])


def read_parquet(source: Path | io.BytesIO, file: str) -> ReadResult:
    """A Parquet file as a sheet of strings. Lists, structs, binary and other columns that are not
    one value per cell are reported by name and the rest read; the number of columns and cells is
    checked from the file's footer before any data is read."""
    try:
        schema = pl.read_parquet_schema(source)
        if isinstance(source, io.BytesIO):
            source.seek(0)
        rows = pl.scan_parquet(source).select(pl.len()).collect().item()
    except (Exception, pl.exceptions.PanicException) as exc:  # garbage raises many kinds of error
        return _not_parquet(exc, file)
    if len(schema) > MAX_COLUMNS:
        return ReadResult([], [too_many_columns(len(schema), file)])
    if rows * max(len(schema), 1) > max_cells():
        return ReadResult([], [_too_many_cells(rows, len(schema), file)])
    problems = [
        _unsupported(name, dtype, file)
        for name, dtype in schema.items()
        if dtype.is_nested() or dtype in (pl.Binary, pl.Object)
    ]
    unsupported = {p.field for p in problems}
    keep = [name for name in schema if name not in unsupported]
    try:
        if isinstance(source, io.BytesIO):
            source.seek(0)
        frame = pl.read_parquet(source, columns=keep)
    except (Exception, pl.exceptions.PanicException) as exc:
        return _not_parquet(exc, file)
    try:
        texts = frame.select(pl.all().cast(pl.String)).get_columns()
    except pl.exceptions.PolarsError:  # durations and the like have no text form: find which
        texts = []
        for column in frame.iter_columns():
            try:
                texts.append(column.cast(pl.String))
            except pl.exceptions.PolarsError:
                problems.append(_unsupported(column.name, column.dtype, file))
    if not texts:
        return ReadResult([], problems or [Problem("empty-sheet", "the file has no columns", file=file)])
    names = [series.name for series in texts]
    header = pl.DataFrame([names], schema=names, orient="row")
    grid = pl.concat([header, pl.DataFrame(texts)])
    sheet, found = frame_from_grid(grid, file, None)
    return ReadResult([sheet] if sheet else [], problems + found)


def _too_many_cells(rows: int, columns: int, file: str) -> Problem:
    return Problem(
        "too-many-cells",
        f"{rows:,} rows × {columns:,} columns is more than the {max_cells():,} cells pari-index reads from one"
        " file; it was not read",
        file=file,
        hint="split the file by district (or, if it really is one table, raise PARI_MAX_CELLS)",
    )


def read_tables(paths: list[str | Path]) -> ReadResult:
    sheets: list[Sheet] = []
    problems: list[Problem] = []
    for path in paths:
        result = read_table_file(path)
        sheets += result.sheets
        problems += result.problems
    return ReadResult(sheets, problems)


def rename_columns(sheet: Sheet, aliases: dict[str, str]) -> Sheet:
    """Rename known header spellings (Vietnamese or English, any case) to canonical names."""
    mapping: dict[str, str] = {}
    for col in sheet.frame.columns:
        if col.startswith("_"):
            continue
        canonical = aliases.get(col.casefold())
        if canonical and canonical != col and canonical not in sheet.frame.columns:
            mapping[col] = canonical
    if not mapping:
        return sheet
    originals = {mapping.get(k, k): v for k, v in sheet.original_headers.items()}
    return Sheet(sheet.file, sheet.name, sheet.frame.rename(mapping), originals)


def read_with_columns(
    path: str | Path, aliases: dict[str, str], required: Sequence[str], what: str, hint: str
) -> tuple[pl.DataFrame, list[Problem]]:
    """Read every sheet of a file, rename known headings, keep the sheets that have the
    ``required`` columns (the others are problems naming what was found) and stack them. Raises
    IntakeError when no sheet qualifies."""
    result = read_table_file(path)
    problems = list(result.problems)
    frames: list[pl.DataFrame] = []
    for sheet in result.sheets:
        sheet = rename_columns(sheet, aliases)
        missing = [c for c in required if c not in sheet.frame.columns]
        if missing:
            found = ", ".join(c for c in sheet.frame.columns if not c.startswith("_"))
            problems.append(
                Problem(
                    "missing-column",
                    f"{what} needs column(s) {', '.join(missing)}; found {found}",
                    file=sheet.file,
                    sheet=sheet.name,
                    row=1,
                    hint=hint,
                    params={"columns": ", ".join(missing), "found": found},
                )
            )
            continue
        frames.append(sheet.frame)
    if not frames:
        raise IntakeError(problems or [Problem("empty-file", f"{what} has no rows", file=str(path))])
    return pl.concat(frames, how="diagonal_relaxed"), problems


def row_problems(
    frame: pl.DataFrame,
    condition: pl.Expr,
    code: str,
    message: Callable[[dict[str, Any]], str],
    hint: str | None = None,
    field: str | None = None,
    params: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> list[Problem]:
    """One located problem per row of ``frame`` (which has _file, _sheet, _row) meeting ``condition``;
    ``params`` gives the named parameters of its message (pari_index.messages) from the row."""
    return [
        Problem(
            code,
            message(row),
            file=row[FILE],
            sheet=row[SHEET],
            row=row[ROW],
            field=field,
            hint=hint,
            params=params(row) if params is not None else None,
        )
        for row in frame.filter(condition).iter_rows(named=True)
    ]
