"""A grid of text cells (the rows of a CSV or a spreadsheet, header included) made into a sheet:
headers checked and normalised, cells too long or undecodable reported at their place, and wide
grids handled a column at a time."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import polars as pl
import polars.selectors as cs

from pari_index.errors import Problem, quoted, shorten
from pari_index.intake.sheet import (
    FILE,
    MAX_CELL_CHARS,
    MAX_CELL_FINDINGS,
    MAX_COLUMNS,
    ROW,
    SHEET,
    Sheet,
    canonical_heading,
    too_many_columns,
)
from pari_index.intake.two_row_text import join_two_row_text_header

#: Characters nothing shows in a header (a zero-width space, joiner or non-joiner, a word joiner,
#: a soft hyphen, a byte-order mark, bidi marks and controls), which a header copied from a web
#: page, a Word table or a chat brings along: ``value`` with a soft hyphen was "column «val<U+00AD>ue»
#: is not one pari-index reads", the column of every value ignored; ``criterion<U+200B>_id`` refused
#: the file as having no criterion column. A header is a name to match: they are dropped from it.
_UNSEEN_IN_HEADERS = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def normalise_header(name: str) -> str:
    text = _UNSEEN_IN_HEADERS.sub("", unicodedata.normalize("NFC", str(name))).strip()
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
                    f"column {quoted(name)} appears twice (columns {seen[key]} and {i})",
                    file=file,
                    sheet=sheet,
                    row=first_row,
                    hint="rename or delete one of them",
                    params={"name": quoted(name), "first": seen[key], "second": i},
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
class Place:
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
    #: The message's evidence as parameters, so that it is told in the output's language too:
    #: the words key (``long_cell``, ``undecodable``) and the figures its words name.
    params: Callable[[str], dict[str, object]]
    words_key: str


def _too_long(value: str) -> str | None:
    if len(value) <= MAX_CELL_CHARS:
        return None
    return (
        f"{len(value):,} characters, more than the {MAX_CELL_CHARS:,} a cell may hold (as in Excel),"
        f" starting {quoted(shorten(value, 40))}"
    )


def _undecodable(value: str) -> str | None:
    count = value.count("\ufffd")
    if not count:
        return None
    what = "a byte" if count == 1 else f"{count} bytes (or runs of bytes)"
    return f"{what} here could not be decoded (shown as �): {quoted(shorten(value, 60))}"


def _start(value: str, limit: int) -> str:
    """The beginning of a cell's text, quoted, for a message in either language (``shorten``
    would add its length in English words)."""
    return quoted(value if len(value) <= limit else f"{value[:limit]}…")


def _too_long_params(value: str) -> dict[str, object]:
    return {"chars": len(value), "limit": MAX_CELL_CHARS, "start": _start(value, 40)}


def _undecodable_params(value: str) -> dict[str, object]:
    return {"count": value.count("\ufffd"), "start": _start(value, 60)}


UNDECODABLE = _CellCheck(
    "undecodable-bytes",
    lambda cell: cell.str.contains("\ufffd", literal=True),
    lambda cell: cell.str.contains("\ufffd", literal=True),
    _undecodable,
    "retype the cell, or save the file again as CSV UTF-8",
    keep_header=True,
    params=_undecodable_params,
    words_key="undecodable",
)
TOO_LONG = _CellCheck(
    "cell-too-long",
    # Length in bytes is free to read and never less than the length in characters.
    lambda cell: cell.str.len_bytes() > MAX_CELL_CHARS,
    lambda cell: cell.str.len_chars() > MAX_CELL_CHARS,
    _too_long,
    "a cell holds one value: put long texts in an evidence file",
    keep_header=False,
    params=_too_long_params,
    words_key="long_cell",
)


#: The error values Excel (and LibreOffice, as Err:NNN) shows in a cell whose formula failed. A
#: workbook keeps them as error cells (reported by intake.xlsx as excel-error-cell); a CSV saved
#: from it keeps the text, which was then read as a value: «#N/A» as an evidence file's name
#: counted the evidence as given.
EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#PYTHON!",
        "#EXTERNAL!",
    }
)
_LIBREOFFICE_ERROR = re.compile(r"Err:\d{3}")


def _excel_error(value: str) -> str | None:
    if value not in EXCEL_ERRORS and not _LIBREOFFICE_ERROR.fullmatch(value):
        return None
    return f"the cell holds the Excel error {quoted(value)}"


EXCEL_ERROR = _CellCheck(
    "excel-error-cell",
    lambda cell: cell.str.starts_with("#") | cell.str.starts_with("Err:"),
    lambda cell: cell.is_in(list(EXCEL_ERRORS)) | cell.str.contains(r"^Err:\d{3}$"),
    _excel_error,
    "correct the formula or type the value; error values cannot be scored",
    keep_header=True,
    params=lambda value: {"code": quoted(value)},
    words_key="excel_error",
)


class _CellReport:
    """One problem per cell (grid row, grid column, text) a check finds, up to MAX_CELL_FINDINGS,
    then one saying how many more; the cells may come a range of rows at a time (the count is
    carried across them)."""

    def __init__(self, headers: Sequence[str | None], check: _CellCheck, place: Place) -> None:
        self.headers, self.check, self.place = headers, check, place
        self.problems: list[Problem] = []
        self.found = 0

    def add(self, cells: Iterable[tuple[int, int, str | None]]) -> None:
        check, place = self.check, self.place
        for index, column, value in cells:
            message = check.message(value) if value is not None else None
            if message is None or value is None:
                continue
            self.found += 1
            if self.found > MAX_CELL_FINDINGS:
                continue
            # The words say which: one byte or several, and whether the cell or its column name was dropped.
            variant = "csv_one" if check.code == "undecodable-bytes" and value.count("\ufffd") == 1 else "csv"
            if index != 0:
                message += "; the cell was not read"
                variant += "_cell"
            elif not check.keep_header:
                message += "; the column name was not read"
                variant += "_header"
            params = {check.words_key: variant, **check.params(value)}
            problem = place.problem(check.code, message, index, _column_name(self.headers, column), check.hint)
            self.problems.append(dataclasses.replace(problem, params=params))

    def done(self) -> list[Problem]:
        check, place, problems = self.check, self.place, list(self.problems)
        if self.found > MAX_CELL_FINDINGS:
            more = f"… and {self.found - MAX_CELL_FINDINGS:,} more cells like these"
            problem = place.problem(check.code, more, None, None, check.hint)
            params = {check.words_key: "csv_more", "more": self.found - MAX_CELL_FINDINGS}
            problems.append(dataclasses.replace(problem, params=params))
        return problems


def _report_cells(
    cells: Iterable[tuple[int, int, str | None]], headers: Sequence[str | None], check: _CellCheck, place: Place
) -> list[Problem]:
    """One problem per cell (grid row, grid column, text) the check finds, up to MAX_CELL_FINDINGS,
    then one saying how many more."""
    report = _CellReport(headers, check, place)
    report.add(cells)
    return report.done()


def _check_narrow(grid: pl.DataFrame, check: _CellCheck, place: Place) -> tuple[pl.DataFrame, list[Problem]]:
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
    cells: pl.DataFrame, headers: Sequence[str | None], check: _CellCheck, place: Place
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


def _reserved(header: str) -> bool:
    """A name of pari-index's own columns (see plan_columns)."""
    return header.startswith("_") or header in (ROW, FILE, SHEET)


def plan_columns(headers: list[str], place: Place) -> tuple[_Columns | None, list[Problem]]:
    """Which columns to read; problems with the header row (None when nothing can be read)."""
    file, sheet, first_row = place.file, place.sheet, place.first_row
    problems = _check_headers(headers, file, sheet, first_row)
    if problems:
        return None, problems
    # The names of the columns pari-index adds itself (source file, sheet, row, and the working
    # columns of every stage: all begin with "_") cannot be read from a sheet: they would clash,
    # and a clerk who typed "_row" did not mean them. Only the first three were refused, so a
    # column "_pos" of the assessments or "_i" of the register ended a run as an internal error.
    reserved = [
        Problem(
            "reserved-column",
            f"column {quoted(h)} has a name pari-index uses for itself; its values were not read",
            file=file,
            sheet=sheet,
            row=first_row,
            field=h,
            hint="rename the column",
            params={"column": quoted(h)},
        )
        for h in headers
        if _reserved(h)
    ]
    keep = [i for i, h in enumerate(headers) if h and not _reserved(h)]
    if not keep:
        return None, [
            *reserved,
            Problem(
                "no-headers",
                f"row {first_row} has no column names",
                file=file,
                sheet=sheet,
                row=first_row,
                params={"row": str(first_row)},
            ),
        ]
    blank = [i for i, h in enumerate(headers) if not h]
    return _Columns(keep, [headers[i] for i in keep], blank), reserved


def _without_header(rows: Iterable[int], place: Place) -> list[Problem]:
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


#: Rows above a table's headings looked at for titles (a form's title, its decision, a blank line).
TITLE_SEARCH_ROWS = 10


def title_rows(grid: pl.DataFrame, file: str, sheet: str | None, first_row: int = 1) -> tuple[int, list[Problem]]:
    """The leading rows of a grid (read with no header; its first row is sheet row ``first_row``)
    that are titles, not its headings: rows of at most one filled cell (a merged title across the
    table, a blank line) above the first row of two or more, among the first TITLE_SEARCH_ROWS;
    each title is reported (``title-row``) with its text, so that nothing typed is dropped unsaid.
    (0, []) when the first row is the headings, or no row is, or the rows above are blank: a blank
    line above a row of values is a table without headings (``no-headers``), not a title."""
    # In Python: eleven rows are few cells, and an expression per column of a sheet 16,384
    # columns wide took a second.
    top = grid.head(TITLE_SEARCH_ROWS + 1).rows()
    counts = [sum(1 for v in row if v is not None and str(v).strip()) for row in top]
    headings = next((i for i, count in enumerate(counts) if count >= 2), 0)
    if headings == 0:
        return 0, []
    if not any(counts[:headings]) and _headings_like(top[headings]):
        # Only blank rows above a row of names (a CSV saved from a sheet whose first row is blank):
        # the headings are read there, as in a workbook, whose blank rows above them are not
        # read. Above a row of values (numbers), blank rows still mean a table without headings.
        return headings, []
    return _titles(grid, headings, file, sheet, first_row)


def _headings_like(row: tuple[object, ...]) -> bool:
    """Whether a row's filled cells read as column names: none of them a number."""
    filled = [str(v).strip() for v in row if v is not None and str(v).strip()]
    return bool(filled) and not any(_NUMBER_LIKE.fullmatch(text) for text in filled)


#: A cell that is a number (a row of values, not of headings).
_NUMBER_LIKE = re.compile(r"[-+]?[0-9][0-9.,\s]*%?")


def _titles(
    grid: pl.DataFrame, headings: int, file: str, sheet: str | None, first_row: int
) -> tuple[int, list[Problem]]:
    """title-row for each filled row above the ``headings`` (their index); (0, []) when none is."""
    problems = []
    for index in range(headings):
        text = next((str(v).strip() for v in grid.row(index) if v is not None and str(v).strip()), None)
        if text is None:
            continue
        problems.append(
            Problem(
                "title-row",
                f"above the headings: read as a title, not as data: {shorten(text, 200)}",
                file=file,
                sheet=sheet,
                row=first_row + index,
                hint="nothing to do if it is a title; if it holds data, put the headings in the first row",
                severity="warning",
                params={"text": shorten(text, 200)},
            )
        )
    return (headings, problems) if problems else (0, [])


def frame_from_grid(
    grid: pl.DataFrame,
    file: str,
    sheet: str | None,
    first_row: int = 1,
    *,
    is_nfc: bool = False,
    undecodable: bool = False,
    longest: int | None = None,
    excel_errors: bool = False,
) -> tuple[Sheet | None, list[Problem]]:
    """A table of strings whose first row holds the column names (as read with no header);
    ``first_row`` is the sheet row the header is in (an Excel table need not start in row 1).
    ``is_nfc``: the caller checked that the whole text is already in NFC, so cells need not be
    normalised one by one. ``undecodable``: the text had bytes that could not be decoded (U+FFFD):
    cells holding one are reported and not read. ``excel_errors``: the grid is a CSV's or a Parquet
    file's text, whose Excel error values («#N/A») are reported and not read, as a workbook's error
    cells are. Cells
    longer than MAX_CELL_CHARS are reported and
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
                params={"empty_sheet": "no_header"},
            )
        ]
    if grid.width > MAX_COLUMNS:
        return None, [too_many_columns(grid.width, file, sheet)]
    if any(dtype != pl.String for dtype in grid.dtypes):
        grid = grid.select(pl.all().cast(pl.String))
    place = Place(file, sheet, first_row)
    # One polars call less per file for the thousands of small files of one commune each.
    long_cells = longest is None or longest > MAX_CELL_CHARS
    checks = (
        *((UNDECODABLE,) if undecodable else ()),
        *((TOO_LONG,) if long_cells else ()),
        *((EXCEL_ERROR,) if excel_errors else ()),
    )
    if grid.width > WIDE_COLUMNS:
        return _frame_wide(grid, place, checks, is_nfc)
    stray: list[Problem] = []
    for check in checks:
        grid, found = _check_narrow(grid, check, place)
        stray += found
    headers = [normalise_header(h or "") for h in grid.row(0)]
    plan, problems = plan_columns(headers, place)
    stray += problems
    if plan is None:
        return None, stray
    blank_rows: list[int] = []
    frame = _body_frame(grid.slice(1), grid.columns, plan, place, 1, is_nfc, blank_rows)
    stray += _without_header(blank_rows, place)
    frame = _not_data(frame, plan.names, place, stray)
    headings = {h: h for h in plan.names}
    return Sheet(file=file, name=sheet, frame=frame, original_headers=headings, header_row=first_row), stray


def _body_frame(
    body: pl.DataFrame,
    columns: list[str],
    plan: _Columns,
    place: Place,
    start: int,
    is_nfc: bool,
    blank_rows: list[int],
) -> pl.DataFrame:
    """The sheet's rows of the grid rows ``body`` (its first is grid row ``start``; the header is
    grid row 0); the sheet rows with cells in unnamed columns are added to ``blank_rows`` (the
    first 20 of them are reported)."""
    # As few polars calls as possible: a commune's file is small, and per-call overhead was most
    # of the cost of reading thousands of them.
    body = body.with_row_index(ROW, offset=place.first_row + start)
    source = [columns[i] for i in plan.keep]
    if body.height > BLANK_ROWS_CHECKED and min(body.null_count().row(0)[1:]) > body.height // 4:
        # Many blank rows (a file of empty lines): dropped first, so no copy of them is made.
        body = body.filter(~pl.all_horizontal(pl.exclude(ROW).is_null()))
    if plan.blank and len(blank_rows) < 20:
        blank = [columns[i] for i in plan.blank]
        hits = body.filter(pl.any_horizontal(pl.col(blank).str.strip_chars().str.len_chars() > 0))
        blank_rows += hits[ROW].head(20 - len(blank_rows)).to_list()
    # A column with no cell at all (every line of a file of short lines, ``00001`` alone under
    # eight headings) is taken as it is: made again it was 16 bytes a row for nothing, 38 MB a
    # column for 2.4 million lines (limits28/millions-of-tiny-rows).
    nulls = body.select(pl.col(source).null_count()).row(0) if body.height > BLANK_ROWS_CHECKED else [0] * len(source)
    cells = [
        pl.col(name) if missing == body.height else _cell_text(pl.col(name), is_nfc)
        for name, missing in zip(source, nulls, strict=True)
    ]
    return (
        body.select(
            pl.col(ROW).cast(pl.Int64),
            *cells,
            pl.lit(place.file).alias(FILE),
            pl.lit(place.sheet, dtype=pl.String).alias(SHEET),
        )
        .rename(dict(zip(source, plan.names, strict=True)))
        # Drop rows that are entirely empty (Excel often keeps formatted blank rows).
        # by_name, not pl.col: a heading written ^…$ would be a regex there (and drop every row).
        .filter(pl.any_horizontal(cs.by_name(plan.names).is_not_null()))
    )


#: A cell's stripped text that shows nothing: empty, or Excel's text formula of nothing («=""», as a
#: CSV written for Excel keeps an empty code or value; reviewa38: it was an unknown commune «» or
#: bad-value « is not a percentage», the value shown empty). Read as an empty cell.
SHOWN_EMPTY = ["", '=""']


def _cell_text(cell: pl.Expr, is_nfc: bool) -> pl.Expr:
    """A grid column's cells as the sheet holds them: NFC, stripped, empty as null."""
    return (cell if is_nfc else cell.str.normalize("NFC")).str.strip_chars().replace(SHOWN_EMPTY, None)


#: Characters a polars (Rust) regular expression reads as syntax, escaped to be matched as text.
_REGEX_META = frozenset("\\.+*?()|[]{}^$#&-~")


def _header_again(cells: pl.Series, name: str) -> pl.Series:
    """The places of the cells that read as ``name`` (case, runs of spaces and a byte-order mark
    aside). A small sheet is looked at in Python: a polars call costs more than its cells, and a
    run of thousands of one-commune files reads thousands of them."""
    if cells.len() <= _IN_PYTHON:
        pattern = re.compile("\ufeff?" + r"\s+".join(map(re.escape, name.split(" "))), re.IGNORECASE)
        found = [i for i, cell in enumerate(cells.to_list()) if cell is not None and pattern.fullmatch(cell)]
        return pl.Series("hits", found, dtype=pl.UInt32)
    escaped = "".join("\\s+" if c == " " else "\\" + c if c in _REGEX_META else c for c in name)
    return cells.str.contains(f"(?i)^\\x{{FEFF}}?{escaped}$").arg_true()


#: Rows of a sheet up to which _header_again looks at its cells in Python.
_IN_PYTHON = 5000


def _repeated_headers(frame: pl.DataFrame, names: Sequence[str], place: Place, found: list[Problem]) -> pl.DataFrame:
    """``frame`` without its rows that repeat the header (files pasted together, a header copied
    below, a template's headings in both languages), each reported in ``found`` as a warning: a
    row repeats it when two cells at least (one in a table of one column) name their columns
    (:func:`_same_heading`: the header's words, or a heading of the same column in the other
    language, «Mã xã» under «commune_code»), and every other cell it has is empty, its column's
    name, or stands under a heading pari reads no column by. Without this, a register's pasted
    header was ranked as a unit named "name", and an assessment's was a row of an unknown
    criterion "criterion_id"; until session 40 a header in the other language still was (a
    register headed «Mã, Tên, …» over a row «code, name, …»: a unit «code» ranked first of a
    province «province»; a form's «Mã xã, Mã tiêu chí, …» row under the English header: seven
    ``unknown-criterion`` errors, exit 1). Only rows whose key column holds a heading of it are
    looked at one by one."""
    if not names or frame.height == 0:
        return frame
    fields = [_heading_fields(name) for name in names]
    key = next((i for i, known in enumerate(fields) if any(known)), 0)
    # Columns by place, never by name: a heading written ^…$ is a regex to polars' selectors (and
    # to a Series' own methods, hence the renaming).
    position = {column: i for i, column in enumerate(frame.columns)}  # (frame.columns is a new list each time)
    at = [position[c] for c in (ROW, *names)]
    cells = frame.to_series(at[1 + key]).rename("cell")
    hits = pl.concat([_header_again(cells, names[key]), _heading_again(cells, fields[key])]).unique().sort()
    if hits.len() == 0:
        return frame
    rows: list[int] = []
    for row in zip(*(frame.to_series(i).rename("cell").gather(hits).to_list() for i in at), strict=True):
        same = [_same_heading(cell, name, known) for cell, name, known in zip(row[1:], names, fields, strict=True)]
        free = [cell is None or not any(known) for cell, known in zip(row[1:], fields, strict=True)]
        if sum(same) >= min(2, len(names)) and all(s or f for s, f in zip(same, free, strict=True)):
            rows.append(row[0])
    found += _row_warnings(
        rows,
        place,
        "header-repeated",
        "this row repeats the column names (files pasted together?); it was taken as a header, not as data",
        "delete the row, or give each file on its own",
    )
    return frame.filter(~pl.col(ROW).is_in(rows)) if rows else frame


def _heading_tables() -> tuple[dict[str, str], ...]:
    """The headings of every table pari reads (register, forms and survey, appraisal, lineage),
    each a heading's field. Imported when asked: these readers import this module."""
    from pari_index.criteria.group_columns import REGISTER_ALIASES
    from pari_index.intake.appraisal import APPRAISAL_ALIASES
    from pari_index.intake.lineage_headings import LINEAGE_ALIASES
    from pari_index.intake.schema import ASSESSMENT_ALIASES

    return (REGISTER_ALIASES, ASSESSMENT_ALIASES, APPRAISAL_ALIASES, LINEAGE_ALIASES)


def _heading_fields(heading: str | None) -> tuple[str | None, ...]:
    """The field ``heading`` names in each of :func:`_heading_tables` (None where it names none)."""
    if heading is None or len(heading) > _LONGEST_HEADING:
        return (None,) * len(_heading_tables())
    return tuple(canonical_heading(heading, table) for table in _heading_tables())


#: Past this length a cell is no heading (the longest pari reads has 40 characters): not looked up.
_LONGEST_HEADING = 80


def _same_heading(cell: str | None, name: str, fields: tuple[str | None, ...]) -> bool:
    """Whether ``cell`` names the column headed ``name`` (whose fields are ``fields``): its words
    (case, spaces and invisible characters aside), or a heading of the same field in a table
    that reads ``name`` («Mã xã» and «commune_code», «Tên» and «name»)."""
    if cell is None:
        return False
    return normalise_header(cell).casefold() == name.casefold() or _names_field(cell, fields)


def _names_field(cell: str, fields: tuple[str | None, ...]) -> bool:
    """Whether ``cell`` is a heading of one of ``fields`` in the table that field is of."""
    return any(field is not None and field == other for field, other in zip(fields, _heading_fields(cell), strict=True))


def _heading_again(cells: pl.Series, fields: tuple[str | None, ...]) -> pl.Series:
    """The places of the cells that name the field(s) ``fields`` in other words (:func:`_names_field`).
    Only cells without a digit and short enough to be a heading are looked up, each text once, and
    at most :data:`_MOST_HEADING_TEXTS` texts (a column of codes has none to look up)."""
    if not any(fields):
        return pl.Series("hits", [], dtype=pl.UInt32)
    if cells.len() <= _IN_PYTHON:  # (as in _header_again: a polars call costs more than a small sheet)
        found = [i for i, cell in enumerate(cells.to_list()) if _may_be_heading(cell) and _names_field(cell, fields)]
        return pl.Series("hits", found, dtype=pl.UInt32)
    texts = cells.filter(cells.str.contains(_HEADING_LIKE).fill_null(False)).unique()
    named = [text for text in texts.head(_MOST_HEADING_TEXTS).to_list() if _names_field(text, fields)]
    if not named:
        return pl.Series("hits", [], dtype=pl.UInt32)
    return cells.is_in(named).fill_null(False).arg_true()


def _may_be_heading(cell: str | None) -> bool:
    """Whether ``cell`` is short and without a digit, as every heading of another column's words is."""
    return cell is not None and _HEADING_LIKE_PATTERN.fullmatch(cell) is not None


#: The most distinct texts of a key column :func:`_heading_again` looks up.
_MOST_HEADING_TEXTS = 2000
#: A text that may be a heading: without a digit, at most _LONGEST_HEADING characters.
_HEADING_LIKE = rf"^[^0-9]{{1,{_LONGEST_HEADING}}}$"
_HEADING_LIKE_PATTERN = re.compile(rf"[^0-9]{{1,{_LONGEST_HEADING}}}", re.DOTALL)


def _row_warnings(rows: Iterable[int], place: Place, kind: str, message: str, hint: str) -> list[Problem]:
    """A warning ``kind`` at each of ``rows``: a row that is no data, left out of the table."""
    return [
        Problem(kind, message, file=place.file, sheet=place.sheet, row=row, hint=hint, severity="warning")
        for row in rows
    ]


#: A total a clerk adds under the data (``Tổng cộng``, ``Cộng:``, ``Tổng 85,5``, ``Total``), written
#: where a unit's code, an item id or a unit's name belongs: the words alone, or followed by
#: punctuation or a number, never by a name (``Cộng Hòa``, ``Tổng Quan`` are places).
_TOTAL_WORDS = (
    r"(?i)^\s*(?:tổng\s+cộng|tổng\s+số|tổng\s+điểm|tổng|cộng|total|sum)(?:\s*[:：.]?|\s*[:：(].*|\s+[0-9].*)\s*$"
)
_TOTAL_IN = ("commune_code", "criterion_id", "code", "name")


def _not_data(frame: pl.DataFrame, names: Sequence[str], place: Place, found: list[Problem]) -> pl.DataFrame:
    """``frame`` without the rows that are no data: the header repeated (:func:`_repeated_headers`)
    and totals (:func:`_total_rows`), each a warning in ``found``."""
    return _total_rows(_repeated_headers(frame, names, place, found), names, place, found)


def _total_rows(frame: pl.DataFrame, names: Sequence[str], place: Place, found: list[Problem]) -> pl.DataFrame:
    """``frame`` without its total rows (:data:`_TOTAL_WORDS` in a code, item or name column), each
    reported in ``found`` as a warning. Before, a «Tổng cộng» row under a form's data was
    ``missing-commune-code`` or ``unknown-criterion``: an error, and the run marked incomplete,
    for a row that holds nothing to score."""
    where = [position for position, name in enumerate(names) if name in _TOTAL_IN]
    if not where or frame.height == 0:
        return frame
    # Columns by place (a heading written ^…$ is a regex to polars' selectors), in one polars call
    # (two for each column cost a workbook of 1,000 sheets 0.8 CPU s; no strip: a copy of each).
    places = [frame.columns.index(names[position]) for position in where]
    flags = [pl.nth(place).str.contains(_TOTAL_WORDS).fill_null(False) for place in places]
    total = frame.select(pl.any_horizontal(flags)).to_series()
    rows = frame.get_column(ROW).filter(total).to_list()
    found += _row_warnings(
        rows,
        place,
        "total-row",
        "this row is a total (Tổng cộng), not a unit's data: it was not read",
        "nothing to do: totals are computed by pari; delete the row to silence this",
    )
    return frame.filter(~total) if rows else frame


def _frame_wide(
    grid: pl.DataFrame, place: Place, checks: Sequence[_CellCheck], is_nfc: bool
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
    plan, problems = plan_columns(headers, place)
    stray += problems
    if plan is None:
        return None, stray
    body = cells.filter(pl.col("r") > 0)
    if plan.blank:
        named = pl.col("c").is_in(plan.blank) & (pl.col("value").str.strip_chars().str.len_chars() > 0)
        rows = body.filter(named).get_column("r").unique().sort().head(20)
        stray += _without_header((place.first_row + r for r in rows.to_list()), place)
    value = pl.col("value") if is_nfc else pl.col("value").str.normalize("NFC")
    body = body.filter(pl.col("c").is_in(plan.keep)).with_columns(value.str.strip_chars().replace(SHOWN_EMPTY, None))
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
    frame = _not_data(frame, plan.names, place, stray)
    headings = {h: h for h in plan.names}
    return Sheet(place.file, place.sheet, frame, original_headers=headings, header_row=place.first_row), stray


class GridRanges:
    """:func:`frame_from_grid` of a CSV file's grid given a range of whole records at a time (the
    first range holds the header), each made the sheet's rows of that range before the next is
    parsed, so that the grid and the sheet of every row are never held (:mod:`.csv_input`). The
    problems are those of :func:`frame_from_grid` of the whole grid, in its order, with the counts
    of reported cells and rows carried across the ranges; :meth:`problems` gives them once every
    range was made rows. A grid that is empty or wide, or whose header row gives nothing to read,
    is not read by range (:meth:`first` says None): the caller reads it whole."""

    def __init__(self, file: str, *, is_nfc: bool, undecodable: bool, longest: int | None) -> None:
        self.place = Place(file, None, 1)
        self.is_nfc, self.undecodable, self.longest = is_nfc, undecodable, longest
        long_cells = longest is None or longest > MAX_CELL_CHARS
        self.checks = (*((UNDECODABLE,) if undecodable else ()), *((TOO_LONG,) if long_cells else ()), EXCEL_ERROR)
        self.reports: list[_CellReport] = []
        self.plan_problems: list[Problem] = []
        self.blank_rows: list[int] = []
        self.repeated: list[Problem] = []  # rows that repeat the header (_repeated_headers)
        self.columns: list[str] = []
        self.plan: _Columns | None = None
        self.start = 0  # the grid row the next range starts at

    def _checked(self, grid: pl.DataFrame, check: _CellCheck, report: _CellReport) -> pl.DataFrame:
        """``grid`` (a range starting at grid row ``start``) with the cells ``check`` finds
        emptied and reported (as :func:`_check_narrow` does on the whole grid)."""
        mask = grid.select(pl.any_horizontal(check.hit(pl.all()))).to_series()
        if not mask.any():
            return grid
        rows = grid.with_row_index("_i", offset=self.start).filter(mask)
        report.add((values[0], j, value) for values in rows.iter_rows() for j, value in enumerate(values[1:]))
        bad = check.exact(pl.all())
        if check.keep_header and self.start == 0:
            bad = bad & (pl.int_range(pl.len()) > 0)
        return grid.with_columns(pl.when(bad).then(None).otherwise(pl.all()).name.keep())

    def first(self, grid: pl.DataFrame) -> Sheet | None:
        """The sheet of the first range (header and rows), or None when the file must be read whole."""
        if grid.height == 0 or grid.width == 0 or grid.width > WIDE_COLUMNS:
            return None
        if any(dtype != pl.String for dtype in grid.dtypes):
            return None
        if join_two_row_text_header(grid, 0) is not grid:
            return None  # headings over two rows: joined when the file is read whole
        # The header row as each check sees it (a too-long name is emptied by its own check).
        for check in self.checks:
            self.reports.append(_CellReport(grid.row(0), check, self.place))
            grid = self._checked(grid, check, self.reports[-1])
        headers = [normalise_header(h or "") for h in grid.row(0)]
        plan, self.plan_problems = plan_columns(headers, self.place)
        if plan is None:
            return None
        self.plan, self.columns = plan, grid.columns
        frame = _body_frame(grid.slice(1), self.columns, plan, self.place, 1, self.is_nfc, self.blank_rows)
        frame = _not_data(frame, plan.names, self.place, self.repeated)
        self.start = grid.height
        return Sheet(file=self.place.file, name=None, frame=frame, original_headers={h: h for h in plan.names})

    def rows(self, grid: pl.DataFrame) -> pl.DataFrame:
        """The sheet's rows of a later range (its columns those of the first)."""
        assert self.plan is not None
        for check, report in zip(self.checks, self.reports, strict=True):
            grid = self._checked(grid, check, report)
        frame = _body_frame(grid, self.columns, self.plan, self.place, self.start, self.is_nfc, self.blank_rows)
        self.start += grid.height
        return _not_data(frame, self.plan.names, self.place, self.repeated)

    def problems(self) -> list[Problem]:
        """The problems of the whole grid, in :func:`frame_from_grid`'s order."""
        found = [problem for report in self.reports for problem in report.done()]
        return [*found, *self.plan_problems, *_without_header(self.blank_rows, self.place), *self.repeated]
