"""Reading spreadsheets as text, with every cell traceable to its file, sheet and row.

Everything is read as strings: ids keep their leading zeros and ``1.10`` stays ``1.10``; typing
happens later, per input, where a failure can be reported against the cell it came from.

CSV bytes are decoded here rather than by polars, which silently garbles Windows-1258: UTF-8 (with
or without BOM) first, UTF-16 by its BOM, and Windows-1258 only when UTF-8 fails. The delimiter is
sniffed (comma, semicolon, tab), since Excel in a Vietnamese locale saves CSV with semicolons.
Text is NFC-normalised so that names typed on different systems join.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from .errors import IntakeError, Problem

ROW = "_row"
FILE = "_file"
SHEET = "_sheet"

MAX_INPUT_BYTES = 2 * 1024**3
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


def decode_csv_bytes(raw: bytes) -> tuple[str, str]:
    """Decode CSV bytes; returns (text, encoding name)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-16 without BOM: every other byte of ASCII text is NUL.
    if len(raw) >= 4 and raw[1:40:2].count(0) > 10:
        try:
            return raw.decode("utf-16-le"), "utf-16-le"
        except UnicodeDecodeError:
            pass
    return raw.decode("cp1258", errors="replace"), "cp1258"


def _sniff_delimiter(text: str) -> str:
    # The first 20 whole lines, found without splitting the whole file (a national file's 45 MB
    # into lines only to keep 20 of them cost a tenth of a second). Whole lines, however long: a
    # line cut in two can make the sniffer give up and the fallback pick the wrong delimiter.
    end = 0
    for _ in range(20):
        newline = text.find("\n", end)
        if newline < 0:
            end = len(text)
            break
        end = newline + 1
    head = "\n".join(text[:end].splitlines()[:20])
    try:
        return csv.Sniffer().sniff(head, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: head.count(d) for d in ",;\t"}
        return max(counts, key=lambda d: counts[d])


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
                )
            )
        else:
            seen[key] = i
    return problems


def frame_from_grid(
    grid: pl.DataFrame, file: str, sheet: str | None, first_row: int = 1, *, is_nfc: bool = False
) -> tuple[Sheet | None, list[Problem]]:
    """A table of strings whose first row holds the column names (as read with no header);
    ``first_row`` is the sheet row the header is in (an Excel table need not start in row 1).
    ``is_nfc``: the caller checked that the whole text is already in NFC, so cells need not be
    normalised one by one."""
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
    if any(dtype != pl.String for dtype in grid.dtypes):
        grid = grid.select(pl.all().cast(pl.String))
    headers = [normalise_header(h or "") for h in grid.row(0)]
    problems = _check_headers(headers, file, sheet, first_row)
    if problems:
        return None, problems
    # The names of the columns pari-index adds itself (source file, sheet, row) cannot be read
    # from a sheet: they would clash, and a clerk who typed "_row" did not mean them.
    reserved = [i for i, h in enumerate(headers) if h in (ROW, FILE, SHEET)]
    keep = [i for i, h in enumerate(headers) if h and i not in reserved]
    if not keep:
        return None, [
            Problem("no-headers", f"row {first_row} has no column names", file=file, sheet=sheet, row=first_row)
        ]
    # As few polars calls as possible: a commune's file is small, and per-call overhead was most
    # of the cost of reading thousands of them.
    body = grid.slice(1).with_row_index(ROW, offset=first_row + 1)
    stray = [
        Problem(
            "reserved-column",
            f"column {headers[i]!r} has a name pari-index uses for itself; its values were not read",
            file=file,
            sheet=sheet,
            row=first_row,
            field=headers[i],
            hint="rename the column",
        )
        for i in reserved
    ]
    blank = [grid.columns[i] for i in range(grid.width) if not headers[i]]
    if blank:
        hits = body.filter(pl.any_horizontal(pl.col(blank).str.strip_chars().str.len_chars() > 0))
        for r in hits[ROW].head(20).to_list():
            stray.append(
                Problem(
                    "cell-without-header",
                    "cells in a column without a name were ignored",
                    file=file,
                    sheet=sheet,
                    row=r,
                    hint="give the column a name in row 1 or clear it",
                )
            )
    source = [grid.columns[i] for i in keep]
    value_cols = [headers[i] for i in keep]
    cells = pl.col(source) if is_nfc else pl.col(source).str.normalize("NFC")
    frame = (
        body.select(
            pl.col(ROW).cast(pl.Int64),
            cells.str.strip_chars().replace("", None),
            pl.lit(file).alias(FILE),
            pl.lit(sheet, dtype=pl.String).alias(SHEET),
        )
        .rename(dict(zip(source, value_cols, strict=True)))
        # Drop rows that are entirely empty (Excel often keeps formatted blank rows).
        .filter(pl.any_horizontal(pl.col(value_cols).is_not_null()))
    )
    return Sheet(file=file, name=sheet, frame=frame, original_headers={h: h for h in value_cols}), stray


def read_csv_bytes(raw: bytes, file: str) -> ReadResult:
    """Decode, sniff the delimiter and read a CSV file as strings."""
    text, encoding = decode_csv_bytes(raw)
    if not text.strip():
        return ReadResult([], [Problem("empty-file", "the file is empty", file=file, hint="export the sheet again")])
    if "\x00" in text:
        return ReadResult(
            [],
            [
                Problem(
                    "binary-file",
                    "this looks like a binary file, not CSV",
                    file=file,
                    hint="export the sheet as CSV (UTF-8) or give the .xlsx",
                )
            ],
        )
    delimiter = _sniff_delimiter(text)
    if encoding == "utf-8":
        data = raw
    elif encoding == "utf-8-sig":
        data = raw[3:]
    else:
        data = text.encode("utf-8")
    try:
        grid = pl.read_csv(io.BytesIO(data), has_header=False, separator=delimiter, infer_schema=False)
    except pl.exceptions.PolarsError as exc:
        return ReadResult(
            [],
            [
                Problem(
                    "csv-syntax",
                    f"not readable as CSV: {str(exc).splitlines()[0]}",
                    file=file,
                    hint="check that every row has the same number of columns and quotes are closed",
                )
            ],
        )
    # Text typed on Windows is almost always NFC already (macOS exports decomposed NFD): one
    # check of the whole text is much cheaper than normalising every cell of a national file.
    sheet, problems = frame_from_grid(grid, file, None, is_nfc=unicodedata.is_normalized("NFC", text))
    return ReadResult([sheet] if sheet else [], problems)


def read_table_file(path: str | Path) -> ReadResult:
    """Read a CSV, XLSX or Parquet file into sheets of strings."""
    from .xlsx import read_excel

    p = Path(path)
    file = str(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise IntakeError(Problem("file-not-found", "file not found", file=file, hint="check the path")) from None
    except OSError as exc:
        raise IntakeError(Problem("file-unreadable", f"cannot read the file: {exc.strerror}", file=file)) from None
    if p.is_dir():
        raise IntakeError(Problem("is-a-directory", "this is a folder, not a file", file=file))
    if size > MAX_INPUT_BYTES:
        raise IntakeError(
            Problem(
                "file-too-large",
                f"{size:,} bytes is more than the {MAX_INPUT_BYTES:,} bytes pari-index reads at once",
                file=file,
                hint="split the file by district",
            )
        )
    if size == 0:
        return ReadResult([], [Problem("empty-file", "the file is empty", file=file)])
    suffix = p.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return read_excel(p, file)
    if suffix in PARQUET_SUFFIXES:
        try:
            frame = pl.read_parquet(p)
        except Exception as exc:
            return ReadResult(
                [], [Problem("not-parquet", f"cannot be read as Parquet ({exc})".split("\n")[0], file=file)]
            )
        header = pl.DataFrame([frame.columns], schema=frame.columns, orient="row")
        grid = pl.concat([header, frame.select(pl.all().cast(pl.String))])
        sheet, problems = frame_from_grid(grid, file, None)
        return ReadResult([sheet] if sheet else [], problems)
    raw = p.read_bytes()
    if raw[:4] == b"PK\x03\x04":
        return read_excel(p, file)
    return read_csv_bytes(raw, file)


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
) -> list[Problem]:
    """One located problem per row of ``frame`` (which has _file, _sheet, _row) meeting ``condition``."""
    return [
        Problem(code, message(row), file=row[FILE], sheet=row[SHEET], row=row[ROW], field=field, hint=hint)
        for row in frame.filter(condition).iter_rows(named=True)
    ]
