"""Reading a workbook's visible sheets as strings with calamine (through fastexcel), once the package
has been measured, and the findings of its cells."""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polars as pl

from pari_index.criteria.compiling import COMMUNE as COMMUNE_KEY
from pari_index.errors import IntakeError, Problem, criteria_as_table
from pari_index.intake.csv_input import HEADING_LINES
from pari_index.intake.csv_input import rows_in_one_cell as _rows_in_one_cell
from pari_index.intake.grid import normalise_header, title_rows
from pari_index.intake.schema import ASSESSMENT_ALIASES
from pari_index.intake.schema import CRITERION as CRITERION_KEY
from pari_index.intake.sheet import RowLimit, office_lock_file, pinned
from pari_index.intake.tables import IGNORED_SHEETS, ROW, ReadResult, Sheet, frame_from_grid
from pari_index.intake.two_row_text import join_two_row_text_header
from pari_index.intake.values import format_exact, parse_exact
from pari_index.intake.xlsx.hidden_parts import hidden_parts
from pari_index.intake.xlsx.limits import MAX_CELL_FINDINGS, XlsxLimits, _quote, _Refused
from pari_index.intake.xlsx.package import _prescan
from pari_index.intake.xlsx.sheet_cells import _column_number, _ref_row, _SheetCells
from pari_index.intake.xlsx.two_row_header import join_two_row_header
from pari_index.intake.xlsx.xml_patterns import _CELL_REF
from pari_index.letters.legacy_encoding import SAMPLE_ROWS, typed_in_legacy_font
from pari_index.letters.lost_letters import letters_lost, weigh_lost
from pari_index.letters.misread_letters import letters_misread, some_damaged, weigh_legacy, weigh_misread
from pari_index.messages import render, render_hint
from pari_index.messages.labels import PARAM_WORDS
from pari_index.system.archives import compressed_file, file_head
from pari_index.system.library_panics import library_failure, panic_words_held


def sheet_state_words(state: str) -> str:
    """How a sheet is hidden, in the English words the findings show (``veryhidden``, fastexcel's
    word, is "very hidden (Excel's Unhide cannot show it)")."""
    words = PARAM_WORDS["sheet_state"].get(state)
    return words.en if words is not None else state


def _holds_value(grid: pl.DataFrame, info: _SheetCells, ref: str) -> bool:
    """Whether the first cell of a merged range holds a value (the grid starts at the sheet's
    first cell with content). A range over empty cells hides nothing: a form's merged rows below
    or beside its table used to give up to 1,000 error findings although every row was read."""
    match = _CELL_REF.match(ref.split(":")[0].replace("$", "").strip().upper())
    if match is None:
        return True  # a reference that cannot be read is reported as it is
    row, col = int(match.group(2)) - info.first_row, _column_number(match.group(1)) - info.first_col
    if not (0 <= row < grid.height and 0 <= col < grid.width):
        return False
    value = grid[row, col]
    return value is not None and str(value).strip() != ""


def _cell_problems(info: _SheetCells, sheet: Sheet | None, file: str, name: str) -> list[Problem]:
    """Problems for error cells, unsaved formulas and merged cells of one sheet (the merged ranges
    already filtered to those that hide a value, see _holds_value)."""
    headers = list(sheet.original_headers) if sheet is not None else []

    def header(col: int) -> str | None:
        index = col - info.first_col
        return headers[index] if 0 <= index < len(headers) else None

    problems: list[Problem] = []
    for row, col, code in info.errors:
        problems.append(
            Problem(
                "excel-error-cell",
                f"the cell holds the Excel error {code}; it was not read",
                file=file,
                sheet=name,
                row=row,
                field=header(col),
                hint="correct the formula or type the value; error values cannot be scored",
                params={"code": code},
            )
        )
    for row, col, formula in info.formulas:
        problems.append(
            Problem(
                "formula-without-value",
                f"the cell holds a formula (={formula}) with no saved result; it was read as empty",
                file=file,
                sheet=name,
                row=row,
                field=header(col),
                hint="open the file in Excel and save it (results are stored on saving), or type the value",
                params={"formula": formula},
            )
        )
    if info.calculated_on_load and info.stored_formula is not None:
        row, col, formula = info.stored_formula
        problems.append(_uncalculated_formula(row, header(col), formula, file, name))
    for kind, count in info.more.items():
        problems.append(
            Problem(
                kind,
                f"{count:,} more cells like the ones above (only the first {MAX_CELL_FINDINGS:,} are listed)",
                file=file,
                sheet=name,
            )
        )
    for ref in info.merged:
        problems.append(
            Problem(
                "merged-cells",
                f"cells {ref} are merged: only the first holds the value, the others read as empty",
                file=file,
                sheet=name,
                row=_ref_row(ref),
                hint="unmerge the cells and fill the value into each row",
                params={"cells": ref},
            )
        )
    return problems


def _above_data(ref: str, sheet: Sheet | None, grid: pl.DataFrame, info: _SheetCells) -> bool:
    """Whether the merged range ``ref`` lies above the row of headings over the sheet's first
    row of data (the nearest filled row above it, as the headings were joined: two_row_header), and
    that row names every column under it: a group heading over its columns' names, which hides no
    value a row is read for. A heading merged across columns the headings leave unnamed is still
    told (their cells are read for no column)."""
    if sheet is None or sheet.frame.height == 0 or ROW not in sheet.frame.columns:
        return False
    ends = [_CELL_REF.match(end.replace("$", "").strip().upper()) for end in ref.split(":")]
    first_data = sheet.frame.get_column(ROW).min()
    if len(ends) != 2 or ends[0] is None or ends[1] is None or not isinstance(first_data, int):
        return False
    filled = [
        at
        for at in range(min(first_data - info.first_row, grid.height) - 1, -1, -1)
        if any(v is not None and str(v).strip() for v in grid.row(at))
    ]
    # Above the row just over the data, not in it: a merge across the headings themselves hides
    # the names of all but its first column (tests/test_hostile_sweep9.py, A1:B1 over data from row 2).
    last_row = int(ends[1].group(2))
    if not filled or last_row > filled[0] + info.first_row or last_row >= first_data - 1:
        return False
    columns = range(_column_number(ends[0].group(1)), _column_number(ends[1].group(1)) + 1)
    names = [grid[filled[0], c - info.first_col] if 0 <= c - info.first_col < grid.width else None for c in columns]
    return all(name is not None and str(name).strip() for name in names)


def _percent_as_shown(grid: pl.DataFrame, info: _SheetCells) -> pl.DataFrame:
    """Percent-formatted numbers times 100, as the sheet shows them (0.943 shown as 94,3 % -> 94.3)."""
    if not info.percent_cells:
        return grid
    exprs = []
    for index, rows in _by_column(info.percent_cells, grid, info).items():
        name = grid.columns[index]
        value = pl.col(name).cast(pl.String)
        # x 100 exactly, by moving the decimal point (values.parse_exact reads "0.943e2" as
        # 94.3, at 15 significant digits); a float product would round (0.699999999999 x 100
        # rounded to 8 decimals was 70). A value that cannot be held exactly stays visibly x 100,
        # and is refused with a finding.
        is_number = value.cast(pl.Float64, strict=False).is_not_null()
        exact = parse_exact(value + "e2")
        text = pl.when(exact.is_not_null()).then(format_exact(exact)).otherwise(value + " × 100")
        exprs.append(pl.when(pl.int_range(pl.len()).is_in(rows) & is_number).then(text).otherwise(value).alias(name))
    return grid.with_columns(exprs)


#: A date cell as calamine writes it (``2025-04-06 00:00:00``): groups year, month, day and the time.
_DATE_CELL = r"^([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?)$"


def _dates_as_shown(grid: pl.DataFrame) -> pl.DataFrame:
    """Date cells written as a Vietnamese Excel shows them, day first (``06/04/2025``; a time of
    day other than midnight kept after it), rather than as calamine writes them
    (``2025-04-06 00:00:00``): a date typed into a column of text (a note, a district, an
    evidence number such as 6/4, which Excel makes a date) went into the outputs so, where
    officials expect the date as they typed it (session 24). Dates are read from either
    spelling alike (values.parse_date, day first). Only the columns that hold such a cell are
    rewritten, found in one pass of polars."""
    texts = [name for name, dtype in grid.schema.items() if dtype == pl.String]
    if not texts or grid.height == 0:
        return grid
    found = grid.select(pl.col(name).str.contains(_DATE_CELL).any() for name in texts).row(0)
    dated = [name for name, any_date in zip(texts, found, strict=True) if any_date]
    if not dated:
        return grid
    day_first = [
        pl.col(name).str.replace(_DATE_CELL, "${3}/${2}/${1} ${4}").str.replace(r" 00:00:00(?:\.0+)?$", "")
        for name in dated
    ]
    shown = [
        pl.when(pl.col(name).str.contains(_DATE_CELL)).then(text).otherwise(pl.col(name)).alias(name)
        for name, text in zip(dated, day_first, strict=True)
    ]
    return grid.with_columns(shown)


def _by_column(cells: list[tuple[int, int]], grid: pl.DataFrame, info: _SheetCells) -> dict[int, list[int]]:
    """Sheet cells (row, column; 1-based) as the grid's rows by the grid's column index."""
    by_column: dict[int, list[int]] = {}
    for row, col in cells:
        index = col - info.first_col
        if 0 <= index < grid.width and row - info.first_row >= 0:
            by_column.setdefault(index, []).append(row - info.first_row)
    return by_column


def _ods_dates(grid: pl.DataFrame, info: _SheetCells) -> pl.DataFrame:
    """An .ods's date cells, which calamine writes ``2025-04-06`` (or ``2025-04-06T08:30:00``), as
    it writes an .xlsx's (``2025-04-06 00:00:00``), for _dates_as_shown to write day first: an .ods
    register's date typed in a note went into the outputs as ``2025-04-06`` (session 25)."""
    exprs = []
    for index, rows in _by_column(info.date_cells, grid, info).items():
        name = grid.columns[index]
        value = pl.col(name).cast(pl.String)
        written = value.str.replace(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})$", "${1} 00:00:00").str.replace(
            r"^([0-9]{4}-[0-9]{2}-[0-9]{2})T", "${1} "
        )
        exprs.append(pl.when(pl.int_range(pl.len()).is_in(rows)).then(written).otherwise(value).alias(name))
    return grid.with_columns(exprs) if exprs else grid


def _uncalculated_formula(row: int, column: str | None, formula: str, file: str, sheet: str) -> Problem:
    """A sheet's formulas whose results a program stored without calculating them (session 38: a
    survey written by xlsxwriter, its rates ``=90+5``, stored 0, scored 0 with exit 0 where Excel
    shows 95). Told at the first such cell, for the sheet; the results are read as stored."""
    params = {"formula": formula}
    return Problem(
        "formula-result-not-calculated",
        render("formula-result-not-calculated", params, "en"),
        file=file,
        sheet=sheet,
        row=row,
        field=column,
        hint=render_hint("formula-result-not-calculated", "en", params=params),
        params=params,
        severity="warning",
    )


def _errors_not_read(grid: pl.DataFrame, info: _SheetCells) -> pl.DataFrame:
    """Error cells emptied: each is reported (excel-error-cell) and not read. calamine reads an
    .ods's as the value LibreOffice stores beside the error, 0 or empty (session 25)."""
    cells = [(row, col) for row, col, _ in info.errors]
    exprs = [
        pl.when(pl.int_range(pl.len()).is_in(rows))
        .then(None)
        .otherwise(pl.col(grid.columns[index]))
        .alias(grid.columns[index])
        for index, rows in _by_column(cells, grid, info).items()
    ]
    return grid.with_columns(exprs) if exprs else grid


def _padded_as_shown(grid: pl.DataFrame, info: _SheetCells) -> pl.DataFrame:
    """Whole numbers in a format that pads them with zeros (``00000``) as the sheet shows them
    (1 shown 00001): a code column so formatted, a common way to keep codes' leading zeros on
    screen, was read as 1, 2, ... and every row refused as an unknown commune whose code «lost
    its leading zeros», which the user could not see (session 24)."""
    exprs: dict[str, pl.Expr] = {}
    for width, cells in info.padded_cells.items():
        for index, rows in _by_column(cells, grid, info).items():
            name = grid.columns[index]
            value = exprs.get(name, pl.col(name).cast(pl.String))
            whole = value.str.contains(r"^[0-9]+$").fill_null(False)
            exprs[name] = (
                pl.when(pl.int_range(pl.len()).is_in(rows) & whole).then(value.str.zfill(width)).otherwise(value)
            )
    return grid.with_columns(expr.alias(name) for name, expr in exprs.items()) if exprs else grid


def _numbers_as_stored(texts: pl.DataFrame, numbers: pl.DataFrame) -> pl.DataFrame:
    """The sheet's texts, with each numeric cell that calamine wrote rounded put back as stored.

    calamine writes a number cell as text with at most 9 decimals: 0.123456789012345 becomes
    "0.123456789", 69.9999999999999 "70" and 1e-20 "0", a silent change. ``numbers`` is the
    same sheet read as floats: where a cell's text reads as a number other than its float,
    the float's shortest exact text replaces it (then read at 15 significant digits, see
    values.parse_exact). Text cells are untouched: "007" and "1.10" read as the float they
    show, so they keep their text."""
    if numbers.shape != texts.shape:  # pragma: no cover - both are the same sheet
        return texts
    exprs = []
    for text_name, number_name in zip(texts.columns, numbers.columns, strict=True):
        text = pl.col(text_name).cast(pl.String)
        number = numbers[number_name].cast(pl.Float64)
        as_text = text.cast(pl.Float64, strict=False)
        rounded = as_text.is_not_null() & pl.lit(number).is_not_null() & (as_text != pl.lit(number))
        exprs.append(pl.when(rounded).then(pl.lit(number).cast(pl.String)).otherwise(text).alias(text_name))
    return texts.with_columns(exprs)


_WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
#: The first bytes of a file that a text of this kind starts with, once byte-order marks and
#: spaces are set aside: markup (a web page or Excel 2003's XML saved under a workbook's name).
_MARKUP = (b"<",)


def not_a_workbook(data: bytes | Path, file: str) -> Problem | None:
    """What a file the spreadsheet library cannot open is instead, when its name or its first bytes
    say it (else None): the lock file Excel (``~$…``) or LibreOffice (``.~lock.…#``) keeps beside a
    workbook that is open, a web page or XML, or plain text such as a CSV file, each saved under a
    workbook's name. calamine answered all of them "Cannot detect file format", with the hint to
    save the file from Excel as .xlsx: which an open workbook's lock file, or a web page from an
    office's software, already claimed to be."""
    lock = office_lock_file(file) or criteria_as_table(file, data if isinstance(data, Path) else None)
    if lock is None:
        lock = compressed_file(data, file)  # a zip of CSV files, a gzip (any name)
    if lock is not None or Path(file).suffix.lower() not in _WORKBOOK_SUFFIXES:
        return lock  # a results file named .csv is "not results", not text under a workbook's name
    head = file_head(data, 4096)
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = head[2:].decode("utf-16-le" if head[0] == 0xFF else "utf-16-be", "replace").encode()
    else:
        text = head.removeprefix(b"\xef\xbb\xbf")
    text = text.lstrip()
    if not text or b"\x00" in text:
        return None
    if text.startswith(_MARKUP):
        return Problem(
            "workbook-is-markup",
            "this is a web page or XML saved under a workbook's name, not a workbook",
            file=file,
            hint="open it in Excel and save it as an Excel Workbook (.xlsx), then give that file",
        )
    printable = sum(32 <= b < 127 or b in b"\t\r\n" or b >= 128 for b in text)
    if printable < len(text) * 0.95:
        return None
    return Problem(
        "workbook-is-text",
        "this is a text file (such as CSV) saved under a workbook's name, not a workbook",
        file=file,
        hint="rename it to end in .csv and give it again, or open it in Excel and save it as .xlsx",
    )


def _load_sheet(reader: Any, name: str, cells: dict[str, _SheetCells], file: str) -> tuple[pl.DataFrame, str] | Problem:
    """One sheet's cells as text and its visibility, numbers as stored where Excel shows them
    rounded; a sheet the library cannot load is a located problem."""
    try:
        with panic_words_held():
            loaded = reader.load_sheet(name, header_row=None, dtypes="string")
        visible = str(loaded.visible)
        raw = loaded.to_polars()
        if visible == "visible" and raw.height and cells.get(name, _SheetCells()).fine_numbers:
            with panic_words_held():
                numbers = reader.load_sheet(name, header_row=None, dtypes="float").to_polars()
            raw = _numbers_as_stored(raw, numbers)
    except BaseException as exc:
        if not library_failure(exc):
            raise
        # The library's error type, then its (English) words: the Vietnamese gives the type alone.
        error, reason = type(exc).__name__, _quote((str(exc) or "no message").splitlines()[0])
        return Problem(
            "sheet-unreadable",
            f"the sheet cannot be read ({error}: {reason})",
            file=file,
            sheet=name,
            params={"error": error, "reason": reason},
        )
    return raw, visible


#: Cells with content above which an instructions sheet is not looked at: calamine loads a whole
#: sheet to give its first lines (400,000 rows of three cells: 4 s and 63 MB more than not looking).
_GUIDE_PEEK_CELLS = 250_000
#: A wide form's heading of an item or of one of its fields: ``1.1.1``, ``1.1.2:tasks``.
_ITEM_HEADING = re.compile(r"\d+(?:\.\d+)*(?::.+)?")


def _instructions_with_data(reader: Any, name: str, info: _SheetCells, file: str) -> Problem | None:
    """The error of a sheet named as a form's instructions (IGNORED_SHEETS: never read) whose
    first lines hold the headings of assessments: a commune code beside a criterion id or an
    item's column. Until session 40 a clerk's rows pasted into «Hướng dẫn» were skipped with no
    word: their communes ranked as having sent nothing under a run that said it was complete.
    Hidden or not: a hidden sheet of another name holding rows is ``hidden-sheet``, and the same
    rows in a hidden «Huong dan» were skipped with no word (review of session 40).
    Only the first lines are loaded (a sheet of instructions is a few lines of text)."""
    below = least_rows(info)
    if below <= 0 or info.filled - info.empty_cells > _GUIDE_PEEK_CELLS:
        return None
    try:
        with panic_words_held():
            head = reader.load_sheet(name, header_row=None, dtypes="string", n_rows=HEADING_LINES + 1)
        grid = head.to_polars()
    except BaseException as exc:
        if not library_failure(exc):
            raise
        return None  # read as before: not at all
    for index, row in enumerate(grid.iter_rows()):
        texts = [normalise_header(str(cell)) for cell in row if cell is not None and str(cell).strip()]
        known = {ASSESSMENT_ALIASES.get(text.casefold()) for text in texts}
        items = [text for text in texts if _ITEM_HEADING.fullmatch(text)]
        if COMMUNE_KEY in known and (CRITERION_KEY in known or items):
            shown = ", ".join(f"«{text}»" for text in texts[:3])
            rows = max(below - index, 1)
            return Problem(
                "instructions-sheet-has-data",
                f"the sheet is named as a form's instructions, which are never read, but it holds a table "
                f"of assessments (headings {shown}, at least {rows} rows below them): none of its rows was read",
                file=file,
                sheet=name,
                hint="rename the sheet (for example «Self-assessment», and unhide it if it is hidden) to score "
                "its rows, or move them to the form's sheet",
                params={"headings": shown, "rows": rows},
            )
    return None


def _marked_cells(grid: pl.DataFrame) -> pl.Series:
    """The text cells of ``grid`` with a question mark or a character outside ASCII (the evidence
    of letters lost to ``?``, and of letters misread or typed in a legacy font), column by column,
    in one polars call. A filter for each column, then three series operations a weighing (each
    a polars call), cost a workbook of 1,000 small sheets of ten columns 5, then 2 CPU s
    (limits24/workbook-of-1000-small-sheets, sessions 24 and 25)."""
    texts = [column for column in grid.iter_columns() if column.dtype == pl.String]
    if not texts:
        return pl.Series("value", [], dtype=pl.String)
    cell = pl.col("value")
    marked = cell.str.contains("?", literal=True) | (cell.str.len_bytes() != cell.str.len_chars())
    return pl.concat(texts).rename("value").to_frame().filter(marked.fill_null(False)).to_series()


def _non_ascii(cells: pl.Series) -> Iterator[str]:
    """The cells of :func:`_marked_cells` with a character outside ASCII (taken in Python: the
    cells are iterated for their weighing anyway)."""
    return (cell for cell in cells if not cell.isascii())


def _legacy_font(raw: pl.DataFrame, file: str, name: str) -> list[Problem]:
    """A sheet whose text was typed with a legacy Vietnamese font (TCVN3, VNI): refused as a CSV
    file of those bytes is (legacy-encoding). Read, its names went into the ranking garbled
    (``Ph\xadêng Hång CÈm``) and every answer such as ``có`` failed one cell at a time. A CSV
    UTF-8 file opened in Excel's code page (a double click) and saved as a workbook is told
    first (letters-misread): its letters (``PhÆ°á»ng``) are no Vietnamese ones either, and were
    called a legacy font, whose converter would garble them further. The refusal is the one
    error returned (the sheet is not read); a few words misread or lost to ``?``, too few to
    refuse it, are warnings (letters.misread_letters.letters_damaged), and the sheet is read."""
    marked = _marked_cells(raw.head(SAMPLE_ROWS))
    misread = weigh_misread(_non_ascii(marked))
    if misread is not None and misread[1]:
        return [letters_misread(misread[0], file, name)]
    evidence = typed_in_legacy_font(_non_ascii(marked))
    if evidence is None:
        lost = weigh_lost(iter(marked))
        # A CSV file that lost its letters to ? (letters-lost), then opened and saved as a workbook.
        if lost is not None and lost[1]:
            return [letters_lost(lost[0], file, name)]
        legacy = weigh_legacy(_non_ascii(marked))
        return some_damaged(misread, lost, file, name, legacy)
    return [
        Problem(
            "legacy-font",
            f"the text was typed with a legacy Vietnamese font (TCVN3/ABC or VNI): {evidence.share} % of its "
            f"letters outside ASCII ({evidence.letters}) are no Vietnamese letters; the sheet was not read, "
            "rather than score garbled text",
            file=file,
            sheet=name,
            hint="convert the workbook to Unicode (e.g. Unikey's converter, from TCVN3 or VNI), then save it",
            params={"share": evidence.share, "letters": evidence.letters},
        )
    ]


def read_excel(
    path: Path, file: str, header_row: Callable[[pl.DataFrame], int] | None = None, rows: RowLimit | None = None
) -> ReadResult:
    """Read a workbook's visible sheets as strings. The package and its XML are measured first;
    a workbook over a limit (docs/limits.md) is refused with an IntakeError and never reaches
    calamine, which cannot be limited. ``header_row``: for tables with title rows above the header
    (a decision's annex), the index in the sheet's grid of the header row (0: the first row).
    ``rows``: a sheet of more rows is refused once measured (:func:`rows_past_limit`)."""
    import fastexcel

    with pinned(path) as data:
        return _read_measured(fastexcel, data, file, header_row, rows)


def rows_past_limit(cells: dict[str, _SheetCells], rows: RowLimit | None, file: str) -> Problem | None:
    """The refusal of a workbook holding a sheet of more rows than ``rows`` allows, told from the
    measure of its XML before calamine reads it: the rows holding a value are at least its rows
    ending in a cell with content (``_SheetCells.content_rows``), and at least its cells with
    content over the width of its used range (a sheet's ``<dimension>`` is not trusted: it may say
    anything), past the limit by more than the lines a title block and a heading may take
    (HEADING_LINES, as a CSV file's). A register of the example's units then 800,000 rows of a
    code alone (3.9 MB) was read whole by calamine, then refused as ``too-many-rows``: 3.4 CPU s
    and 377 MB (session 36). The rows told are that least count, below the heading (the sheet
    holds as many or more). Cells closed with no value (``_SheetCells.empty_cells``: a formula
    filled down below the table, its result the empty text) hold none: counted, the example's
    register above 120,000 such rows was refused, which main read (review of session 36). A
    sheet the workbook lists as hidden is not read (:func:`_read_measured`), nor held to the limit:
    a register beside a hidden sheet of 300,000 codes was refused whole (session 40). The
    instructions sheets are not read either."""
    if rows is None:
        return None
    for name, info in cells.items():
        if normalise_header(name).casefold() in IGNORED_SHEETS or info.state != "visible":
            continue
        least = least_rows(info)
        if least > rows.limit + HEADING_LINES:
            return rows.refuse(least, file, name, None)
    return None


def least_rows(info: _SheetCells) -> int:
    """The fewest rows holding a value below its heading that a sheet measured so may hold (its
    rows ending in a cell with content, and its cells with content over its used range's width:
    see :func:`rows_past_limit`); 0 for a sheet without content."""
    width = info.last_col - info.min_col + 1 if info.last_row else 0
    if width <= 0:
        return 0
    # (Rounded up; the heading's row not counted.)
    return max(-(-(info.filled - info.empty_cells) // width), info.content_rows - info.empty_rows) - 1


def _unopened(exc: BaseException, data: bytes | Path, file: str) -> Problem:
    """Why the workbook that fastexcel could not open was refused: what it is instead, when that
    can be told, or fastexcel's own reason."""
    reason = str(exc).split(chr(10))[0]
    reason = _quote(reason.replace(str(data), file) if isinstance(data, Path) else reason)
    instead = not_a_workbook(data, file)
    if instead is not None:
        return instead
    return Problem(
        "not-a-spreadsheet",
        f"cannot be opened as a spreadsheet ({type(exc).__name__}: {reason})",
        file=file,
        hint="save it from Excel as .xlsx, or export CSV (UTF-8)",
        params={"error": type(exc).__name__, "reason": reason},
    )


def _hidden(visible: str, file: str, name: str) -> Problem:
    """A hidden sheet with data, which is not read."""
    return Problem(
        "hidden-sheet",
        f"the sheet is {sheet_state_words(visible)} and was not read",
        file=file,
        sheet=name,
        hint="unhide it in Excel if it holds data to score",
        params={"sheet_state": visible},
    )


def _sheet_not_read(reader: Any, name: str, cells: dict[str, _SheetCells], file: str) -> list[Problem] | None:
    """What is told of a sheet that is not read, the instructions (IGNORED_SHEETS) or a sheet the
    workbook lists as hidden; None for a sheet to read."""
    # Composed and trimmed as headers are: "Hướng dẫn" decomposed (NFD) or with a space after
    # it was read as a table, and its first line refused as a header without a commune code.
    if normalise_header(name).casefold() in IGNORED_SHEETS:
        guide = _instructions_with_data(reader, name, cells.get(name, _SheetCells()), file)
        return [guide] if guide is not None else []
    listed = cells.get(name)
    if listed is not None and listed.state != "visible":
        # Told from the workbook's list of sheets: calamine would build the sheet whole to say so.
        return [_hidden(listed.state, file, name)] if listed.filled > listed.empty_cells else []
    return None


def _read_measured(
    fastexcel: Any,
    data: bytes | Path,
    file: str,
    header_row: Callable[[pl.DataFrame], int] | None,
    rows: RowLimit | None = None,
) -> ReadResult:
    """read_excel of the bytes (or the one open file) that are measured, then read."""
    limits = XlsxLimits.from_env()
    try:
        cells = _prescan(data if isinstance(data, Path) else io.BytesIO(data), file, limits)
    except _Refused as refused:
        raise IntakeError(refused.problem) from None
    too_many = rows_past_limit(cells, rows, file)
    if too_many is not None:
        return ReadResult([], [too_many])
    try:
        with panic_words_held():
            reader = fastexcel.read_excel(str(data) if isinstance(data, Path) else data)
    except BaseException as exc:  # fastexcel raises its own exception types for unreadable files
        if not library_failure(exc):
            raise
        return ReadResult([], [_unopened(exc, data, file)])
    sheets: list[Sheet] = []
    problems: list[Problem] = []
    for name in reader.sheet_names:
        unread = _sheet_not_read(reader, name, cells, file)
        if unread is not None:
            problems += unread
            continue
        loaded = _load_sheet(reader, name, cells, file)
        if isinstance(loaded, Problem):
            problems.append(loaded)
            continue
        raw, visible = loaded
        if visible != "visible":
            problems += [_hidden(visible, file, name)] if raw.height else []
            continue
        if raw.height == 0:
            continue
        letters = _legacy_font(raw, file, name)
        problems += letters
        if any(problem.severity == "error" for problem in letters):
            continue
        info = cells.get(name, _SheetCells())
        raw = _errors_not_read(raw, info) if info.errors else raw
        raw = _dates_as_shown(_padded_as_shown(_percent_as_shown(_ods_dates(raw, info), info), info))
        skip, titles = (header_row(raw), []) if header_row is not None else title_rows(raw, file, name, info.first_row)
        raw, headings = join_two_row_header(raw, info, skip) if header_row is None else (raw, set())
        if header_row is None and not headings:
            # No merges say so: a CSV saved again as a workbook keeps the rows of a CSV's headings.
            raw = join_two_row_text_header(raw, skip)
        swallowed = _rows_in_one_cell(raw.slice(skip), file, name, info.first_row + skip)
        if swallowed is not None:
            problems += [*titles, swallowed]
            continue
        sheet, sheet_problems = frame_from_grid(raw.slice(skip), file, name, info.first_row + skip)
        problems += titles + sheet_problems
        if info.merged:
            # A merged title above the headings is reported as a title row, not as merged cells;
            # the merges of headings over two rows are headings too.
            shown = [
                ref
                for ref in info.merged
                if ref not in headings
                and (not titles or (_ref_row(ref) or info.first_row + skip) >= info.first_row + skip)
            ]
            # Nor a merge wholly above the first row of data (a group heading over a row of names,
            # session 31: two merged-cells errors made a fully read form "incomplete", exit 1).
            shown = [ref for ref in shown if not _above_data(ref, sheet, raw, info)]
            info = dataclasses.replace(info, merged=[ref for ref in shown if _holds_value(raw, info, ref)])
        problems += _cell_problems(info, sheet, file, name) + hidden_parts(info, sheet, file)
        if sheet is not None:
            sheets.append(sheet)
    if not sheets and not problems:
        problems.append(
            Problem(
                "empty-file", "the workbook has no data", file=file, params={"empty": "workbook", "empty_hint": "table"}
            )
        )
    return ReadResult(sheets, problems)
