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

The readers live in their own modules: :mod:`.sheet` (a sheet and its limits), :mod:`.decoding`
(text encodings), :mod:`.grid` (a grid of text cells made into a sheet), :mod:`.csv_input`,
:mod:`.parquet_input` and :mod:`.xlsx`. This module opens a file safely (its kind, size and type
checked first) and hands it to the reader of its kind.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from pari_index.errors import IntakeError, Problem, broken_link, criteria_as_table, near_name, unreadable_file
from pari_index.intake.csv_input import read_csv_bytes, read_owned_csv_bytes
from pari_index.intake.decoding import binary_file, decode_text, is_binary
from pari_index.intake.grid import WIDE_COLUMNS, frame_from_grid, normalise_header
from pari_index.intake.parquet_input import read_parquet
from pari_index.intake.repeated_rows import refuse_repeated
from pari_index.intake.sheet import (
    FILE,
    IGNORED_SHEETS,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    ROW,
    SHEET,
    ReadResult,
    RowLimit,
    Sheet,
    named_beside,
    office_lock_file,
    rename_columns,
    same_field_columns,
)
from pari_index.system.archives import compressed_file
from pari_index.system.limits import env_limit
from pari_index.system.office_locks import open_in_office_input
from pari_index.system.pipes import idle_pipe, nobody_wrote
from pari_index.system.spelling import spelled_on_disk

MAX_INPUT_BYTES = 2 * 1024**3
#: Bytes read from a pipe, or from a file whose size the system does not tell (/proc); raise with
#: the environment variable PARI_MAX_STREAM_BYTES.
MAX_STREAM_BYTES = 64 * 1024**2
READ_CHUNK = 1024**2
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
PARQUET_SUFFIXES = {".parquet"}


def _stat(p: Path, file: str) -> os.stat_result:
    try:
        return p.stat()
    except FileNotFoundError:
        missing = Problem("file-not-found", "file not found", file=file, hint="check the path")
        raise IntakeError(broken_link(p, file) or near_name(p, file) or missing) from None
    except OSError as exc:
        raise IntakeError(broken_link(p, file) or unreadable_file(exc, file)) from None
    except ValueError:  # a NUL character in the path
        nul = Problem(
            "file-unreadable",
            "cannot read the file: the path holds a NUL character",
            file=file,
            params={"path_refusal": "nul"},
        )
        raise IntakeError(nul) from None


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
            if pipe and not total and nobody_wrote(fd):
                raise IntakeError(idle_pipe(file))  # not "the file is empty": no program sent anything
    except OSError as exc:
        raise IntakeError(unreadable_file(exc, file)) from None
    if total > limit:
        raise IntakeError(_too_large(None, limit, file, stream=limit != MAX_INPUT_BYTES))
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _too_large(size: int | None, limit: int, file: str, *, stream: bool = False) -> Problem:
    """``size``: the file's size when the system tells it (None: more than ``limit`` was read, from a
    pipe (``stream``) or a file that grew)."""
    got = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    hint = "stream" if stream else "input"
    return Problem(
        "file-too-large",
        f"{got} is more than the {limit:,} bytes pari-index reads at once",
        file=file,
        hint="save the data to a file, or raise PARI_MAX_STREAM_BYTES" if stream else "split the file by district",
        params={
            "file_size": "input" if size is not None else "input_read",
            "size": size,
            "limit": limit,
            "size_hint": hint,
        },
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


def read_table_file(path: str | Path, *, ranged: bool = False, rows: RowLimit | None = None) -> ReadResult:
    """Read a table file (:func:`_read_table_file`), and warn when it is open in Excel or
    LibreOffice (:func:`open_in_office_input`)."""
    result = _read_table_file(path, ranged=ranged, rows=rows)
    # Before any check: repeats compress to nothing and cost the run kilobytes each.
    result.sheets = refuse_repeated(result.sheets, result.problems)
    opened = open_in_office_input(path)
    if opened is not None and result.sheets:
        result.problems.append(opened)
    return result


def _read_table_file(path: str | Path, *, ranged: bool = False, rows: RowLimit | None = None) -> ReadResult:
    """Read a CSV, XLSX or Parquet file into sheets of strings. A folder, a device or a socket is
    refused; a pipe is read as CSV (or Parquet) up to MAX_STREAM_BYTES; every error of the
    operating system is an IntakeError naming the file. ``ranged``: a large CSV file comes as a
    sheet to be read a range of records at a time (``csv_input.CsvRanges``). ``rows``: a CSV file
    or a workbook of more rows is refused before it is parsed (``csv_input.rows_past_limit``,
    ``xlsx.reading.rows_past_limit``)."""
    from pari_index.intake.xlsx import read_excel

    p = spelled_on_disk(path)  # typed composed, named decomposed on disk (a Mac's zip)
    file = str(path)
    info = _stat(p, file)
    if stat.S_ISDIR(info.st_mode):
        raise IntakeError(Problem("is-a-directory", "this is a folder, not a file", file=file))
    pipe = stat.S_ISFIFO(info.st_mode)
    if not (stat.S_ISREG(info.st_mode) or pipe):
        raise IntakeError(
            Problem(
                "not-a-file",
                "this is a device or a socket, not a file",
                file=file,
                hint="give the file itself",
                params={"not_file": "device"},
            )
        )
    lock = office_lock_file(file) or criteria_as_table(file, p)
    if lock is not None:
        return ReadResult([], [lock])
    size = info.st_size
    if size > MAX_INPUT_BYTES:
        raise IntakeError(_too_large(size, MAX_INPUT_BYTES, file))
    suffix = p.suffix.lower()
    if size and not pipe and suffix in EXCEL_SUFFIXES:
        return read_excel(p, file, rows=rows)
    if size and not pipe and suffix in PARQUET_SUFFIXES:
        return read_parquet(p, file, rows)
    if size and not pipe and _has_hole(p):
        # A sparse file is small on disk and reads as gigabytes of NUL bytes: not text.
        return ReadResult([], [binary_file(file)])
    # A size of 0 may be a /proc file that is not empty at all: read it with the bound of a pipe.
    raw = _read_bounded(p, file, MAX_INPUT_BYTES if size else max_stream_bytes(), pipe=pipe, size=size)
    if not raw:
        return ReadResult([], [Problem("empty-file", "the file is empty", file=file, params=_EMPTY)])
    if suffix in PARQUET_SUFFIXES:
        return read_parquet(io.BytesIO(raw), file, rows)
    if suffix in EXCEL_SUFFIXES or raw[:4] == b"PK\x03\x04":
        if size:
            return read_excel(p, file, rows=rows)
        raise IntakeError(
            Problem(
                "not-a-file",
                "a workbook cannot be read from a pipe",
                file=file,
                hint="save it to a file first",
                params={"not_file": "pipe_workbook"},
            )
        )
    compressed = compressed_file(raw, file)  # a gzip, a zip of CSV files, under any name
    if compressed is not None:
        return ReadResult([], [compressed])
    if is_binary(raw):
        return ReadResult([], [binary_file(file, raw)])
    # Handed over, not shared: the bytes are freed as soon as polars has parsed them.
    owned = [raw]
    del raw
    return read_owned_csv_bytes(owned, file, ranged=ranged, rows=rows)


#: The parameters of an empty input file (messages.labels.PARAM_WORDS["empty"]).
_EMPTY = {"empty": "file", "empty_hint": "table"}


def max_stream_bytes() -> int:
    """Bytes read from a pipe: PARI_MAX_STREAM_BYTES, default MAX_STREAM_BYTES."""
    return env_limit("PARI_MAX_STREAM_BYTES", MAX_STREAM_BYTES)


def read_tables(paths: list[str | Path]) -> ReadResult:
    sheets: list[Sheet] = []
    problems: list[Problem] = []
    for path in paths:
        result = read_table_file(path)
        sheets += result.sheets
        problems += result.problems
    return ReadResult(sheets, problems)


#: The prefix of the columns read_with_columns adds: ``_h:old_code`` is the sheet's heading of
#: old_code, on each of its rows (the sheets of one file may head it differently).
HEADING = "_h:"


def read_with_columns(
    path: str | Path,
    aliases: dict[str, str],
    required: Sequence[str],
    table: str,
    hint: str,
    rows: RowLimit | None = None,
    beside: dict[str, tuple[str, frozenset[str]]] | None = None,
    unread: list[pl.DataFrame] | None = None,
) -> tuple[pl.DataFrame, list[Problem]]:
    """Read every sheet of a file, rename known headings, keep the sheets that have the
    ``required`` columns (the others are problems naming what was found) and stack them. Raises
    IntakeError when no sheet qualifies. ``table``: which table this is (``register``, ``lineage``
    or ``appraisal``: the findings name it in the run's language, ``rows_table``); ``rows``: the
    most rows read (:func:`table_rows_limit`), a CSV file measured against it before it is parsed;
    ``beside``: headings that name a field
    only beside another's (:func:`.sheet.named_beside`); ``unread``, when given, gets the rows of
    each sheet left out for a missing column (file, sheet, row, and the problem's message as
    ``reasons``), for a ledger that tells every row."""
    what = _ROWS_TABLE[table]
    result = read_table_file(path, rows=rows)
    problems = list(result.problems)
    frames: list[pl.DataFrame] = []
    for sheet in result.sheets:
        clashes = same_field_columns(sheet, aliases)
        if clashes:
            problems += clashes
            continue
        sheet = rename_columns(sheet, aliases)
        if beside:
            sheet = named_beside(sheet, beside)
        missing = [c for c in required if c not in sheet.frame.columns]
        if missing:
            found = ", ".join(sheet.original_headers.get(c, c) for c in sheet.frame.columns if not c.startswith("_"))
            problems.append(
                Problem(
                    "missing-column",
                    f"{what} needs column(s) {', '.join(missing)}; found {found}",
                    file=sheet.file,
                    sheet=sheet.name,
                    row=sheet.header_row,
                    hint=hint,
                    params={"columns": ", ".join(missing), "found": found},
                )
            )
            if unread is not None and ROW in sheet.frame.columns:
                unread.append(_rows_of(sheet, problems[-1].message))
            continue
        # Each column's heading as the sheet writes it («mã cũ» for old_code), for the findings that
        # name a column of a row (row_problems, findings.row_findings): never the column's id.
        headings = _headings(sheet)
        # A heading of the sheet's own may already be named so («_h:code»): replaced, as before.
        clash = set(sheet.frame.columns).intersection(series.name for series in headings)
        frames.append(sheet.frame.drop(clash).hstack(headings) if clash else sheet.frame.hstack(headings))
    if not frames:
        raise IntakeError(problems or [table_without_rows(table, str(path))])
    return pl.concat(frames, how="diagonal_relaxed"), problems


def _rows_of(sheet: Sheet, reason: str) -> pl.DataFrame:
    """Where the rows of ``sheet`` are (file, sheet, row), each with ``reason``."""
    return sheet.frame.select(
        pl.lit(sheet.file, dtype=pl.String).alias("file"),
        pl.lit(sheet.name, dtype=pl.String).alias("sheet"),
        pl.col(ROW).alias("row"),
        pl.lit(reason, dtype=pl.String).alias("reasons"),
    )


def _headings(sheet: Sheet) -> list[pl.Series]:
    """A HEADING column for each of the sheet's own columns, its heading on every row. Built as
    series: a polars plan over the sheet (``with_columns``) copied every heading for each column it
    added, and a file's headings may be 5 MB: 2,000 headings of 2,400 letters in an appraisal file
    passed 1 GB here until session 32 (limits32/appraisal-of-2000-long-headings). Categorical: the
    same heading on every row is a number of 4 bytes there, where a string is 16 (an appraisal
    file of 2.4 million lines ``0`` under its 8 headings: 300 MB of headings, now 75; session 34,
    limits34/appraisal-of-millions-of-tiny-rows). A sheet has no more headings than columns, so
    the categories polars keeps for the run are few."""
    height = sheet.frame.height
    return [
        pl.Series(HEADING + c, [sheet.original_headers.get(c, c)], dtype=pl.Categorical).new_from_index(0, height)
        for c in sheet.frame.columns
        if not c.startswith("_")
    ]


#: The most rows of a register or a lineage table, both a row per unit (a country had some 10,600
#: communes before the 2025 merger). Their problems are built a row at a time in Python: a 5 MB
#: register of 250,000 rows repeating a code took 6.4 CPU s and 700 MB, a lineage table of 300,000
#: rows linking nothing 7.1 CPU s and 690 MB (session 23). Raise with PARI_MAX_REGISTER_ROWS.
MAX_TABLE_ROWS = 100_000
#: The most columns of a register or a lineage table. A register's columns beyond its own are kept
#: (for ``--group-by``) and go into the results, each worked on by its own polars expressions:
#: a register of 60 units and 16,000 columns (2.1 MB) took 9 CPU s and 1.2 GB (session 23). A
#: register has about ten. Raise with PARI_MAX_REGISTER_COLUMNS.
MAX_TABLE_COLUMNS = 256


#: The most rows of an appraisal file: a row per correction of a unit's item (an input's value, the
#: score, the decision on an explanation, or a reason more). A province's council appraising every
#: item of its 170 communes writes some 30,000; a national run before 2025 had 625,400 item rows,
#: never appraised by one council. The file was parsed whole, each row's findings built and kept
#: (about 0.35 KB a row): 2.4 million lines ``0`` (4.8 MB) took 7.5 CPU s and 970 MB (session
#: 36). Raise with PARI_MAX_APPRAISAL_ROWS.
MAX_APPRAISAL_ROWS = 500_000
#: Of each table a row limit bounds (``rows_table``): its limit's variable, and what a row of it
#: is (``rows_per``: messages.labels.PARAM_WORDS).
_ROW_LIMITS: dict[str, tuple[str, str]] = {
    "register": ("PARI_MAX_REGISTER_ROWS", "unit"),
    "lineage": ("PARI_MAX_REGISTER_ROWS", "unit"),
    "appraisal": ("PARI_MAX_APPRAISAL_ROWS", "correction"),
    # A results summary given alone (``--previous summary.csv``, or a workbook of its summary sheet
    # alone, as pari report and pari explain read it too): a row per unit,
    # and nothing else bounded it (a 4.8 MB one of 2.4 million lines ``0``: 2.1 GB, exit 0).
    "summary": ("PARI_MAX_REGISTER_ROWS", "unit"),
}
#: The English of ``rows_per`` (its Vietnamese: messages.labels).
_ROWS_PER = {
    "unit": "a row per unit: a country had some 10,600 communes before 2025",
    "correction": "a row per correction of a unit's item: a province's council writes some tens of thousands",
}
_ROWS_TABLE = {
    "register": "the register",
    "lineage": "the lineage table",
    "appraisal": "the appraisal file",
    "summary": "a results summary",
}


def table_without_rows(table: str, file: str) -> Problem:
    """``table`` (``register``, ``lineage``, ``appraisal``) read with no row: its empty-file,
    naming the table in the run's language (until session 40 the Vietnamese said «no sheet of the
    file has data rows», naming no table, and of a CSV file, sheets)."""
    params = {"empty": "table_rows", "rows_table": table, "empty_hint": "table"}
    return Problem("empty-file", f"{_ROWS_TABLE[table]} has no rows", file=file, params=params)


def table_rows_limit(table: str) -> RowLimit:
    """The rows a register, lineage table, appraisal file or lone summary of earlier results
    (``table``: ``register``, ``lineage``, ``appraisal`` or ``summary``) is read with:
    PARI_MAX_REGISTER_ROWS (PARI_MAX_APPRAISAL_ROWS for an appraisal), and its ``too-many-rows``
    problem."""
    variable, per = _ROW_LIMITS[table]
    limit = env_limit(variable, MAX_APPRAISAL_ROWS if table == "appraisal" else MAX_TABLE_ROWS)

    def refuse(rows: int, file: str, sheet: str | None, row: int | None) -> Problem:
        return Problem(
            "too-many-rows",
            f"{rows:,} rows, more than the {limit:,} read from {_ROWS_TABLE[table]} ({_ROWS_PER[per]}); the "
            "table was not read",
            file=file,
            sheet=sheet,
            row=row,
            hint=f"check that this is the file meant; if it is, set {variable} higher",
            params={"rows": rows, "limit": limit, "rows_table": table, "rows_per": per, "limit_name": variable},
        )

    return RowLimit(limit, refuse)


def check_table_size(frame: pl.DataFrame, path: str | Path, table: str) -> None:
    """Refuse a register or lineage table (``table``: ``register`` or ``lineage``) of more rows
    than PARI_MAX_REGISTER_ROWS, at the first row past the limit, or of more columns than
    PARI_MAX_REGISTER_COLUMNS, before any row is checked. (A CSV file of far more rows was refused
    before it was parsed: :func:`read_with_columns` with :func:`table_rows_limit`.)"""
    what = "the register" if table == "register" else "the lineage table"
    columns = [c for c in frame.columns if not c.startswith("_")]
    wide = env_limit("PARI_MAX_REGISTER_COLUMNS", MAX_TABLE_COLUMNS)
    if len(columns) > wide:
        raise IntakeError(
            [
                Problem(
                    "table-too-wide",
                    f"{len(columns):,} columns, more than the {wide:,} read from {what} (a register has about "
                    "ten, and each goes into the results); the table was not read",
                    file=frame[FILE][0] if frame.height and FILE in frame.columns else str(path),
                    sheet=frame[SHEET][0] if frame.height and SHEET in frame.columns else None,
                    # The heading's row, when the data begin right below it (a title block above moves both).
                    row=1 if frame.height and ROW in frame.columns and frame[ROW][0] == 2 else None,
                    hint="delete the columns not needed (keep those given to --group-by); if all are, set "
                    "PARI_MAX_REGISTER_COLUMNS higher",
                    params={"columns": len(columns), "limit": wide, "rows_table": table},
                )
            ]
        )
    check_table_rows(frame, path, table)


def check_table_rows(frame: pl.DataFrame, path: str | Path, table: str) -> None:
    """Refuse a table read (``table``: :func:`table_rows_limit`'s) of more rows than its limit,
    at the first row past it."""
    rows = table_rows_limit(table)
    if frame.height <= rows.limit:
        return
    first = frame.row(rows.limit, named=True)
    raise IntakeError([rows.refuse(frame.height, first.get(FILE) or str(path), first.get(SHEET), first.get(ROW))])


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
            # The column as the file heads it (read_with_columns), else as named.
            field=row.get(HEADING + field) or field if field is not None else None,
            hint=hint,
            params=params(row) if params is not None else None,
        )
        for row in frame.filter(condition).iter_rows(named=True)
    ]


#: The readers' public names, defined in the modules named in the docstring and gathered here, so
#: that the other stages import them from one place.
__all__ = [
    "EXCEL_SUFFIXES",
    "FILE",
    "HEADING",
    "IGNORED_SHEETS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "ROW",
    "SHEET",
    "WIDE_COLUMNS",
    "ReadResult",
    "Sheet",
    "decode_text",
    "frame_from_grid",
    "normalise_header",
    "open_in_office_input",
    "read_csv_bytes",
    "read_parquet",
    "read_table_file",
    "read_tables",
    "read_with_columns",
    "rename_columns",
    "row_problems",
    "same_field_columns",
]
