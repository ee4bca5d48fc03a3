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
import html
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

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


def _frame_from_grid(
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
    sheet, problems = _frame_from_grid(grid, file, None, is_nfc=unicodedata.is_normalized("NFC", text))
    return ReadResult([sheet] if sheet else [], problems)


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


def _read_excel(path: Path, file: str) -> ReadResult:
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
        sheet, sheet_problems = _frame_from_grid(raw, file, name, info.first_row)
        problems += sheet_problems
        problems += _cell_problems(info, sheet, file, name)
        if sheet is not None:
            sheets.append(sheet)
    if not sheets and not problems:
        problems.append(Problem("empty-file", "the workbook has no data", file=file))
    return ReadResult(sheets, problems)


def read_table_file(path: str | Path) -> ReadResult:
    """Read a CSV, XLSX or Parquet file into sheets of strings."""
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
        return _read_excel(p, file)
    if suffix in PARQUET_SUFFIXES:
        try:
            frame = pl.read_parquet(p)
        except Exception as exc:
            return ReadResult(
                [], [Problem("not-parquet", f"cannot be read as Parquet ({exc})".split("\n")[0], file=file)]
            )
        header = pl.DataFrame([frame.columns], schema=frame.columns, orient="row")
        grid = pl.concat([header, frame.select(pl.all().cast(pl.String))])
        sheet, problems = _frame_from_grid(grid, file, None)
        return ReadResult([sheet] if sheet else [], problems)
    raw = p.read_bytes()
    if raw[:4] == b"PK\x03\x04":
        return _read_excel(p, file)
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
