"""Parquet files: read with their column types checked (text, numbers, dates and booleans only)."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl

from pari_index.errors import Problem, quoted, shorten
from pari_index.intake.csv_input import rows_in_one_cell
from pari_index.intake.grid import frame_from_grid
from pari_index.intake.parquet_measure import Unreadable, pages_problem, text_problem, too_many_packed_cells
from pari_index.intake.sheet import (
    MAX_COLUMNS,
    ReadResult,
    RowLimit,
    max_cells,
    pinned,
    too_many_cells,
    too_many_columns,
)
from pari_index.messages.labels import dtype_words
from pari_index.system.library_panics import panic_words_held


def _unsupported(name: str, dtype: object, file: str) -> Problem:
    return Problem(
        "unsupported-column-type",
        f"column {quoted(name)} holds {dtype_words(str(dtype), 'en')}, not one value per cell; it was not read",
        file=file,
        row=1,
        field=name,
        hint="write the column as text or numbers",
        params={"column": quoted(name), "dtype": str(dtype)},
    )


def _not_parquet(exc: BaseException, file: str) -> ReadResult:
    reason = shorten(str(exc).split("\n")[0], 200)
    problem = Problem(
        "not-parquet",
        f"cannot be read as Parquet ({type(exc).__name__}: {reason})",
        file=file,
        params={"error": type(exc).__name__, "reason": reason},
    )
    return ReadResult([], [problem])


#: The parameters of a Parquet file without columns (messages.labels.PARAM_WORDS["empty_sheet"]).
_NO_COLUMNS = {"empty_sheet": "no_columns"}


#: Whole numbers up to this size are exact in a float, and written without a fraction.
_EXACT_WHOLE = 2**53


def _as_text(name: str, dtype: pl.DataType) -> pl.Expr:
    """Column ``name`` as the text a spreadsheet would show: a float that holds a whole number is
    written without ".0" (1.0 as "1", as Excel and CSV give it), so that a code or a count saved
    from a float column reads as the same text as from any other file (a register's code 1.0 read
    as "1.0" matched no commune "1", and was told as every commune's code being unknown)."""
    column = pl.col(name)
    if not dtype.is_float():
        return column.cast(pl.String)
    whole = column.is_finite() & (column == column.round()) & (column.abs() < _EXACT_WHOLE)
    return pl.when(whole).then(column.cast(pl.Int64).cast(pl.String)).otherwise(column.cast(pl.String)).alias(name)


def _binary_as_text(column: pl.Series) -> pl.Series:
    """A binary column as text: strings written without Parquet's UTF-8 annotation, as Hive,
    Impala and older Spark write them (Spark's ``binaryAsString``). It was left out as "not one
    value per cell", and a code column so written was "missing". Bytes that are not UTF-8 become
    U+FFFD, each reported at its cell as a CSV file's are (undecodable-bytes)."""
    try:
        return column.cast(pl.String)
    except pl.exceptions.ComputeError:  # invalid UTF-8 somewhere: decoded value by value
        texts = [None if value is None else value.decode("utf-8", "replace") for value in column]
        return pl.Series(column.name, texts, dtype=pl.String)


def _measured(source: Path | io.BytesIO, file: str, cells: int) -> tuple[int, Problem | None]:
    """The file's size, and what its pages say (parquet_measure.pages_problem)."""
    if isinstance(source, io.BytesIO):
        return len(source.getbuffer()), pages_problem(source, file, cells)
    with source.open("rb") as handle:
        return handle.seek(0, 2), pages_problem(handle, file, cells)


def read_parquet(source: Path | io.BytesIO, file: str, rows: RowLimit | None = None) -> ReadResult:
    """A Parquet file as a sheet of strings (binary columns read as UTF-8 text). Lists, structs
    and other columns that are not one value per cell are reported by name and the rest read;
    the number of columns and cells is checked from the file's footer before any data is read,
    and with ``rows`` its rows that hold text (:func:`_rows_with_text`)."""
    if not isinstance(source, io.BytesIO):
        with pinned(source) as data:
            return _read_parquet(io.BytesIO(data) if isinstance(data, bytes) else data, file, rows)
    return _read_parquet(source, file, rows)


def _rows_with_text(source: Path | io.BytesIO, columns: list[str]) -> int:
    """The rows of a Parquet file with text in one of ``columns`` (the others a sheet drops),
    counted by polars' streaming engine, a batch of rows at a time: a register of 2.4 million rows
    of a code ``0`` (27 KB) took 640 MB to be read whole and refused as ``too-many-rows``; counted,
    0.3 CPU s and 40 MB more than polars' start (session 35). 0 when they cannot be counted so
    (the file is then read as any other, and counted once read)."""
    if isinstance(source, io.BytesIO):
        source.seek(0)
    text = pl.any_horizontal(pl.col(c).cast(pl.String).str.strip_chars().fill_null("") != "" for c in columns)
    try:
        with panic_words_held():
            counted = pl.scan_parquet(source).select(columns).filter(text).select(pl.len()).collect(engine="streaming")
    except (Exception, pl.exceptions.PanicException):  # (a cast polars refuses, a damaged page)
        return 0
    return int(counted.item())


def _read_parquet(source: Path | io.BytesIO, file: str, rows_limit: RowLimit | None = None) -> ReadResult:
    """read_parquet of the bytes (or the one open file) whose footer is checked, then read."""
    try:
        with panic_words_held():  # a damaged page's panic: its Rust backtrace kept off the console
            schema = pl.read_parquet_schema(source)
            if isinstance(source, io.BytesIO):
                source.seek(0)
            rows = pl.scan_parquet(source).select(pl.len()).collect().item()
    except (Exception, pl.exceptions.PanicException) as exc:  # garbage raises many kinds of error
        return _not_parquet(exc, file)
    if len(schema) > MAX_COLUMNS:
        return ReadResult([], [too_many_columns(len(schema), file)])
    if rows * max(len(schema), 1) > max_cells():
        return ReadResult([], [too_many_cells(rows, len(schema), file)])
    try:
        size, measured = _measured(source, file, rows * len(schema))
    except (OSError, Unreadable) as exc:
        return _not_parquet(exc, file)
    if measured is not None:
        return ReadResult([], [measured])
    problems = [
        _unsupported(name, dtype, file) for name, dtype in schema.items() if dtype.is_nested() or dtype == pl.Object
    ]
    unsupported = {p.field for p in problems}
    keep = [name for name in schema if name not in unsupported]
    if rows_limit is not None and keep and rows > rows_limit.limit:
        counted = _rows_with_text(source, keep)
        if counted > rows_limit.limit:
            return ReadResult([], [*problems, rows_limit.refuse(counted, file, None, None)])
    try:
        if isinstance(source, io.BytesIO):
            source.seek(0)
        with panic_words_held():
            frame = pl.read_parquet(source, columns=keep)
    except (Exception, pl.exceptions.PanicException) as exc:
        return _not_parquet(exc, file)
    # The footer's cells against the file's bytes, before the grid and the sheet are made of them
    # (70 to 125 bytes a cell; the read itself about 16, session 40); after the checks whose words
    # say more (a table's rows, the pages' and the cells' text).
    too_much = text_problem(frame, size, file) or too_many_packed_cells(rows, len(schema), size, file)
    if too_much is not None:
        return ReadResult([], [too_much])
    frame = frame.with_columns(_binary_as_text(frame[name]) for name, kind in frame.schema.items() if kind == pl.Binary)
    try:
        texts = frame.select(_as_text(name, dtype) for name, dtype in frame.schema.items()).get_columns()
    except pl.exceptions.PolarsError:  # durations and the like have no text form: find which
        texts = []
        for column in frame.iter_columns():
            try:
                texts.append(column.cast(pl.String))
            except pl.exceptions.PolarsError:
                problems.append(_unsupported(column.name, column.dtype, file))
    if not texts:
        return ReadResult(
            [], problems or [Problem("empty-sheet", "the file has no columns", file=file, params=_NO_COLUMNS)]
        )
    names = [series.name for series in texts]
    header = pl.DataFrame([names], schema=names, orient="row")
    grid = pl.concat([header, pl.DataFrame(texts)])
    swallowed = rows_in_one_cell(grid, file, None, 1, "parquet")
    if swallowed is not None:  # a CSV file's stray quote, read by a data tool and saved as Parquet
        return ReadResult([], [*problems, swallowed])
    # Error values kept as text (pandas reads a workbook's «#REF!», «#DIV/0!» so; only «#N/A» is
    # its missing value): reported and not read, as a CSV file's are (session 25: counted as
    # evidence given, exit 0).
    sheet, found = frame_from_grid(grid, file, None, excel_errors=True)
    return ReadResult([sheet] if sheet else [], problems + found)
