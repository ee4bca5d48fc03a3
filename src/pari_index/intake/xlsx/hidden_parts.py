"""Rows and columns of a sheet hidden in Excel (or LibreOffice) that hold data: read, and told
once per sheet.

A clerk hides rows to mean "not this" (last year's figures, a draft), a filter hides the rows it
does not show when the file is saved, a column of self-scores is hidden to print the form: the
values are there and calamine reads them as every other. Session 26 scored them without a word
(an .xlsx with 11 hidden rows and its self-score column hidden: exit 0, no finding). Reading them
is kept (a filter's rows are data; dropping them would drop items without a trace), and the sheet
is told with the rows and columns, so that what is scored is what the user can look at.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from pari_index.errors import Problem
from pari_index.intake.schema import ASSESSMENT_ALIASES
from pari_index.intake.sheet import heading_key
from pari_index.intake.tables import Sheet
from pari_index.intake.xlsx.sheet_cells import _SheetCells

#: Ranges of rows named in the finding; the rest are counted.
_SHOWN_RANGES = 8


def _filled(frame: pl.DataFrame) -> pl.Expr:
    """A row with any data cell that is not blank (the bookkeeping columns start with _)."""
    cells = [c for c in frame.columns if not c.startswith("_")]
    return pl.any_horizontal([pl.col(c).cast(pl.String).str.strip_chars().str.len_chars() > 0 for c in cells])


def _ranges(rows: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for row in rows:
        if out and out[-1][1] == row - 1:
            out[-1] = (out[-1][0], row)
        else:
            out.append((row, row))
    return out


def _hidden_rows(info: _SheetCells, sheet: Sheet, file: str) -> Problem | None:
    if not info.hidden_rows or sheet.frame.height == 0 or "_row" not in sheet.frame.columns:
        return None
    frame = sheet.frame
    # Ranges clipped to the table: an .ods hides a million empty rows below it in one element.
    last = frame.select(pl.col("_row").cast(pl.Int64).max()).item() or 0
    kept = [range(low, min(high, last) + 1) for low, high in info.hidden_rows if low <= last]
    hidden = pl.Series([row for span in kept for row in span], dtype=pl.Int64)
    read = frame.filter(pl.col("_row").cast(pl.Int64).is_in(hidden.implode()) & _filled(frame))["_row"]
    if read.len() == 0:
        return None  # hidden rows below or above the table, or empty: nothing of them was read
    spans = _ranges(sorted(int(r) for r in read))
    shown = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in spans[:_SHOWN_RANGES])
    shown += f" … (+{len(spans) - _SHOWN_RANGES})" if len(spans) > _SHOWN_RANGES else ""
    return Problem(
        "hidden-rows",
        f"{read.len():,} hidden rows were read and scored as the others: rows {shown}",
        file=file,
        sheet=sheet.name,
        row=spans[0][0],
        hint="show every row (select all, then Unhide, or clear the filter) and delete the rows that are not to be "
        "scored; then score again",
        severity="warning",
        params={"count": read.len(), "rows": shown},
    )


#: The input column, which pari template's form hides and locks (its rows are read by the label
#: beside it): a column of names, not of values a clerk hides to mean "not this".
_FORM_HIDES = frozenset(heading_key(a) for a, field in ASSESSMENT_ALIASES.items() if field == "input")


def _hidden_columns(info: _SheetCells, sheet: Sheet, file: str) -> Problem | None:
    headers = list(sheet.original_headers.items())
    names: list[str] = []
    for low, high in info.hidden_columns:
        first, last = max(low, info.first_col), min(high, info.first_col + len(headers) - 1)
        for col in range(first, last + 1):
            name, original = headers[col - info.first_col]
            if name in sheet.frame.columns and original not in names and heading_key(name) not in _FORM_HIDES:
                column = sheet.frame[name].cast(pl.String).str.strip_chars()
                if (column.str.len_chars() > 0).any():
                    names.append(original)
    if not names:
        return None
    shown = ", ".join(f"«{n}»" for n in names)
    return Problem(
        "hidden-columns",
        f"hidden columns were read and scored as the others: {shown}",
        file=file,
        sheet=sheet.name,
        row=sheet.header_row,
        hint="show every column (select all, then Unhide) and delete the columns that are not to be scored; then "
        "score again",
        severity="warning",
        params={"columns": shown, "count": len(names)},
    )


def hidden_parts(info: _SheetCells, sheet: Sheet | None, file: str) -> list[Problem]:
    """The sheet's hidden rows and columns that hold data it read, one warning for each kind."""
    if sheet is None or not (info.hidden_rows or info.hidden_columns):
        return []
    found = [_hidden_rows(info, sheet, file), _hidden_columns(info, sheet, file)]
    return [problem for problem in found if problem is not None]


__all__ = ["hidden_parts"]
