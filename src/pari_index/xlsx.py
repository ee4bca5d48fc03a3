"""Reading Excel workbooks (.xlsx and friends) as sheets of strings.

calamine (through fastexcel) reads the values; a scan of the sheet XML adds what calamine does not
tell: where the used range starts, Excel error cells, formulas without a saved result, merged cells
and percent-formatted numbers.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

import polars as pl

from .errors import Problem
from .tables import IGNORED_SHEETS, ReadResult, Sheet, frame_from_grid

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"^([A-Z]+)([0-9]+)$")
#: A cell that is not self-closing (has a value, an inline string or a formula): column, row.
_CELL_WITH_CONTENT = re.compile(rb'<c\b[^>]*?\br="([A-Z]+)([0-9]+)"[^>]*?(?<!/)>')
#: An error cell (t="e"): column, row, content.
_ERROR_CELL = re.compile(rb'<c\b(?=[^>]*\bt="e")[^>]*?\br="([A-Z]+)([0-9]+)"[^>]*?(?<!/)>(.*?)</c>', re.S)
#: A formula with no saved value (no <v>, or an empty one): column, row, formula text.
_UNSAVED_FORMULA = re.compile(
    rb'<c\b[^>]*?\br="([A-Z]+)([0-9]+)"[^>]*?(?<!/)>\s*<f\b[^>]*?(?:/>|>([^<]*)</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_MERGE = re.compile(rb'<mergeCell\b[^>]*?\bref="([A-Z0-9:]+)"')


@dataclass
class _SheetCells:
    """What calamine does not tell: where the used range starts, Excel error cells, formulas
    without a saved result, and merged cells (all 1-based rows and columns). Best effort: sheets
    written with namespace prefixes (``<x:c>``) are not scanned."""

    first_row: int = 1
    first_col: int = 1
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    formulas: list[tuple[int, int, str]] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    percent_cells: list[tuple[int, int]] = field(default_factory=list)


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _xlsx_sheet_cells(path: Path) -> dict[str, _SheetCells]:
    """Scan an .xlsx/.xlsm package's sheet XML (best effort: {} when it cannot be read)."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_NS_PKG_REL}Relationship")}
            percent_styles = _percent_styles(package.read("xl/styles.xml")) if "xl/styles.xml" in names else set()
            found: dict[str, _SheetCells] = {}
            for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
                target = targets.get(sheet.get(f"{_NS_REL}id"), "")
                member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
                if member not in names:
                    continue
                data = package.read(member)
                found[sheet.get("name", "")] = _scan_sheet_xml(data, percent_styles)
            return found
    except (OSError, zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError):
        return {}


#: Excel's built-in percent number formats (0% and 0.00%).
_BUILTIN_PERCENT_FORMATS = {9, 10}
_STYLED_NUMBER = re.compile(
    rb'<c\b(?![^>]*\bt="(?:s|str|inlineStr|e|b)")[^>]*?\br="([A-Z]+)([0-9]+)"[^>]*?\bs="([0-9]+)"'
)
_STYLED_NUMBER_S_FIRST = re.compile(
    rb'<c\b(?![^>]*\bt="(?:s|str|inlineStr|e|b)")[^>]*?\bs="([0-9]+)"[^>]*?\br="([A-Z]+)([0-9]+)"'
)


def _percent_styles(styles_xml: bytes) -> set[int]:
    """Indexes of the cell styles (cellXfs) whose number format shows a percentage."""
    try:
        root = ElementTree.fromstring(styles_xml)
    except ElementTree.ParseError:
        return set()
    percent_ids = set(_BUILTIN_PERCENT_FORMATS)
    for fmt in root.iter(f"{_NS_MAIN}numFmt"):
        code = re.sub(r'"[^"]*"|\\.', "", fmt.get("formatCode", ""))  # % inside quotes is text
        if "%" in code:
            percent_ids.add(int(fmt.get("numFmtId", "-1")))
    xfs = root.find(f"{_NS_MAIN}cellXfs")
    if xfs is None:
        return set()
    return {i for i, xf in enumerate(xfs.findall(f"{_NS_MAIN}xf")) if int(xf.get("numFmtId", "0")) in percent_ids}


def _scan_sheet_xml(data: bytes, percent_styles: set[int] | None = None) -> _SheetCells:
    """Regular expressions over the sheet XML (a full XML parse of a 100k-row sheet takes
    seconds; these take a fraction of calamine's own time). Cells are ``<c r="B3" ...>``."""
    info = _SheetCells()
    first = _CELL_WITH_CONTENT.search(data)
    if first is not None:
        info.first_row = int(first.group(2))
        if first.group(1) != b"A":  # the usual case, column A, needs no search of the whole sheet
            letters = set(_CELL_WITH_CONTENT.findall(data, first.start()))
            info.first_col = min(_column_number(col.decode()) for col, _ in letters)
    if percent_styles:
        # A number shown as a percentage is stored as a fraction (94,3 % is 0.943); the person
        # typed and sees 94,3, so that is what is read.
        for match in _STYLED_NUMBER.finditer(data):
            if int(match.group(3)) in percent_styles:
                info.percent_cells.append((int(match.group(2)), _column_number(match.group(1).decode())))
        for match in _STYLED_NUMBER_S_FIRST.finditer(data):
            if int(match.group(1)) in percent_styles:
                info.percent_cells.append((int(match.group(3)), _column_number(match.group(2).decode())))
    if all(data.find(marker) < 0 for marker in (b"<f", b't="e"', b"<mergeCell")):
        return info
    for match in _ERROR_CELL.finditer(data):
        value = _VALUE.search(match.group(3))
        code = value.group(1).decode("utf-8", "replace") if value and value.group(1) else "#ERROR"
        info.errors.append((int(match.group(2)), _column_number(match.group(1).decode()), code))
    for match in _UNSAVED_FORMULA.finditer(data):
        formula = html.unescape((match.group(3) or b"").decode("utf-8", "replace"))
        info.formulas.append((int(match.group(2)), _column_number(match.group(1).decode()), formula))
    info.merged = [m.decode() for m in _MERGE.findall(data)]
    return info


def _ref_row(ref: str) -> int | None:
    match = _CELL_REF.match(ref.split(":")[0])
    return int(match.group(2)) if match else None


def _cell_problems(info: _SheetCells, sheet: Sheet | None, file: str, name: str) -> list[Problem]:
    """Problems for error cells, unsaved formulas and merged cells of one sheet."""
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
            )
        )
    return problems


def _percent_as_shown(grid: pl.DataFrame, info: _SheetCells) -> pl.DataFrame:
    """Percent-formatted numbers times 100, as the sheet shows them (0.943 shown as 94,3 % -> 94.3)."""
    if not info.percent_cells:
        return grid
    by_column: dict[int, list[int]] = {}
    for row, col in info.percent_cells:
        index = col - info.first_col
        if 0 <= index < grid.width and row - info.first_row >= 0:
            by_column.setdefault(index, []).append(row - info.first_row)
    exprs = []
    for index, rows in by_column.items():
        name = grid.columns[index]
        value = pl.col(name).cast(pl.String)
        shown = (value.cast(pl.Float64, strict=False) * 100).round(8)
        # Whole numbers without a trailing ".0", others as the shortest decimal.
        text = (
            pl.when(shown == shown.round(0)).then(shown.cast(pl.Int64).cast(pl.String)).otherwise(shown.cast(pl.String))
        )
        exprs.append(
            pl.when(pl.int_range(pl.len()).is_in(rows) & shown.is_not_null()).then(text).otherwise(value).alias(name)
        )
    return grid.with_columns(exprs)


def read_excel(path: Path, file: str) -> ReadResult:
    import fastexcel

    try:
        reader = fastexcel.read_excel(str(path))
    except Exception as exc:  # fastexcel raises its own exception types for unreadable files
        return ReadResult(
            [],
            [
                Problem(
                    "not-a-spreadsheet",
                    f"cannot be opened as a spreadsheet ({type(exc).__name__}: {exc})".split("\n")[0],
                    file=file,
                    hint="save it from Excel as .xlsx, or export CSV (UTF-8)",
                )
            ],
        )
    sheets: list[Sheet] = []
    problems: list[Problem] = []
    cells = _xlsx_sheet_cells(path)
    for name in reader.sheet_names:
        if name.casefold() in IGNORED_SHEETS:
            continue
        try:
            loaded = reader.load_sheet(name, header_row=None, dtypes="string")
            visible = loaded.visible
            raw = loaded.to_polars()
        except Exception as exc:
            problems.append(
                Problem("sheet-unreadable", f"the sheet cannot be read ({exc})".split("\n")[0], file=file, sheet=name)
            )
            continue
        if visible != "visible":
            if raw.height:
                problems.append(
                    Problem(
                        "hidden-sheet",
                        f"the sheet is {visible} and was not read",
                        file=file,
                        sheet=name,
                        hint="unhide it in Excel if it holds data to score",
                    )
                )
            continue
        if raw.height == 0:
            continue
        info = cells.get(name, _SheetCells())
        raw = _percent_as_shown(raw, info)
        sheet, sheet_problems = frame_from_grid(raw, file, name, info.first_row)
        problems += sheet_problems
        problems += _cell_problems(info, sheet, file, name)
        if sheet is not None:
            sheets.append(sheet)
    if not sheets and not problems:
        problems.append(Problem("empty-file", "the workbook has no data", file=file))
    return ReadResult(sheets, problems)
