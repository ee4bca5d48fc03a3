"""What the scan of one sheet found (:class:`_SheetCells`), and cell references (B3: column 2,
row 3)."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field

from pari_index.intake.xlsx.xml_patterns import _CELL_REF

#: Ranges of hidden rows kept for one sheet; the rows past them are counted (a bound on memory).
MAX_HIDDEN_RANGES = 10_000


@dataclass
class _SheetCells:
    """What the scan of one sheet's XML found (all 1-based rows and columns): the used range
    (cells with content; calamine leaves empty ones out), Excel error cells, formulas without a
    saved result, merged cells and percent-formatted numbers."""

    #: Where calamine's range starts: the first cell with content.
    first_row: int = 1
    first_col: int = 1
    #: The box around every cell, empty ones too (a bound on calamine's range).
    min_row: int = 0
    min_col: int = 0
    last_row: int = 0
    last_col: int = 0
    #: Cells with content, and all cell tags (calamine holds each before it builds the grid).
    filled: int = 0
    cells: int = 0
    #: Rows whose last cell has content (``</c></row>``, counted in C): a least count of the rows
    #: holding a value (a row ending in an empty cell, or split by whitespace or across the parts
    #: scanned, is not counted), for a table's row limit (reading.rows_past_limit).
    content_rows: int = 0
    #: Of ``filled`` and ``content_rows``, the cells closed with no value (``_Patterns.empty_cell_ends``)
    #: and the rows ending in one, counted where a part has formulas: a formula filled down below a
    #: table, its result the empty text, holds nothing calamine reads (reading.rows_past_limit).
    empty_cells: int = 0
    empty_rows: int = 0
    dimension: str | None = None
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    formulas: list[tuple[int, int, str]] = field(default_factory=list)
    #: The first formula cell saved with a result (row, column, formula), and whether the workbook
    #: asks to be calculated again when opened (``<calcPr fullCalcOnLoad="1"/>``, as a program
    #: writes it, xlsxwriter and openpyxl among them): such a program stores 0 or nothing for a
    #: formula's result, which Excel shows calculated (reading._cell_problems tells it).
    stored_formula: tuple[int, int, str] | None = None
    calculated_on_load: bool = False
    merged: list[str] = field(default_factory=list)
    percent_cells: list[tuple[int, int]] = field(default_factory=list)
    #: Numbers in a format that pads them with zeros to a width (``00000``: 1 shown 00001), by width.
    padded_cells: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    #: Date cells of an .ods (calamine writes them ``2025-04-06`` or ``2025-04-06T08:30:00``).
    date_cells: list[tuple[int, int]] = field(default_factory=list)
    #: A number stored with more than 9 decimals or an exponent: calamine's text of it rounds
    #: (see _numbers_as_stored), so the sheet is read once more as floats.
    fine_numbers: bool = False
    #: Rows and columns hidden in Excel (``hidden="1"``), as 1-based inclusive ranges, the rows'
    #: consecutive ones joined: read as every other, and told (reading._hidden_parts).
    hidden_rows: list[list[int]] = field(default_factory=list)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    #: Hidden rows past MAX_HIDDEN_RANGES ranges (a filter hiding every other row): counted only.
    hidden_rows_more: int = 0
    #: Findings past MAX_CELL_FINDINGS, by kind: counted, not listed.
    more: dict[str, int] = field(default_factory=dict)
    #: The sheet's visibility as the workbook lists it, in fastexcel's words (``visible``,
    #: ``hidden``, ``veryhidden``), known before calamine reads it: a hidden sheet is told, not
    #: loaded, nor held to a table's row limit (reading._read_measured, session 40).
    state: str = "visible"

    def hide_row(self, number: int) -> None:
        """Row ``number`` (1-based) hidden: joined to the range it follows, or a new range, or
        counted past MAX_HIDDEN_RANGES (an .xlsx's, .xls's and .xlsb's scans alike)."""
        rows = self.hidden_rows
        if rows and rows[-1][1] == number - 1:
            rows[-1][1] = number
        elif len(rows) < MAX_HIDDEN_RANGES:
            rows.append([number, number])
        else:
            self.hidden_rows_more += 1

    @property
    def grid_cells(self) -> int:
        if not self.last_row:
            return 0
        return (self.last_row - self.min_row + 1) * (self.last_col - self.min_col + 1)


#: A legacy workbook's sheet state (an .xls BoundSheet8's hsState, an .xlsb BrtBundleSh's) by
#: its number; a number of no state is taken as visible (calamine then says what it makes of it).
STATE_NUMBERS = {0: "visible", 1: "hidden", 2: "veryhidden"}


def with_state(cells: _SheetCells, state: str) -> _SheetCells:
    """``cells`` for a sheet of the workbook listed with ``state``: a copy when it is not
    visible, as one part may be listed by several sheets of different states."""
    return cells if state == "visible" else dataclasses.replace(cells, state=state)


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


@functools.lru_cache(maxsize=4096)
def _column_bytes(letters: bytes) -> int:
    return _column_number(letters.decode("ascii"))


def _column_letters(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _ref_row(ref: str) -> int | None:
    match = _CELL_REF.match(ref.split(":")[0].replace("$", "").strip().upper())  # "$A$2" as "A2"
    return int(match.group(2)) if match else None
