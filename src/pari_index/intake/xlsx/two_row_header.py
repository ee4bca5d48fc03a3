"""Headings over two rows, as Vietnamese forms print them: a group heading merged across the
columns it covers (``Minh chứng`` over F1:H1) with the columns' own names in the row below (``Số``,
``Ngày``, ``Tệp``), the other headings merged down both rows (A1:A2).

The first row alone was taken for the headings: the columns under the group had no name, their
cells were ignored (``cell-without-header``, one finding a row up to the cap), the group heading was
an unknown column, the row of names was a row of data, and every merged heading a ``merged-cells``
error; a form so laid out was scored with every evidence number, date and file missing (2,115
``evidence-missing`` findings on the example) and its ranking written. Now each column under a
group is named by the row below, that row is read as headings (it is blanked in the grid, so rows
keep their numbers), and the merged headings are not reported as merged data."""

from __future__ import annotations

import polars as pl

from pari_index.intake.xlsx.sheet_cells import _column_number, _SheetCells
from pari_index.intake.xlsx.xml_patterns import _CELL_REF


def _span(ref: str) -> tuple[int, int, int, int] | None:
    """(first row, first column, last row, last column) of a merged range ``A1:C2``, or None."""
    ends = [_CELL_REF.match(end.replace("$", "").strip().upper()) for end in ref.split(":")]
    if len(ends) != 2:
        return None
    first, last = ends
    if first is None or last is None:
        return None
    return int(first.group(2)), _column_number(first.group(1)), int(last.group(2)), _column_number(last.group(1))


def _filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def join_two_row_header(raw: pl.DataFrame, info: _SheetCells, skip: int) -> tuple[pl.DataFrame, set[str]]:
    """``raw`` with headings over two rows (its row ``skip`` and the next) made one row, and the
    merged ranges that were headings; ``raw`` itself and no range when they are not so laid out.

    Two rows are headings when the first has a merged range across columns and the row below has
    names under such ranges and nothing elsewhere (a row of data fills the code, the item, the
    value beside them)."""
    if raw.height < skip + 2 or not info.merged:
        return raw, set()
    heading_row = info.first_row + skip
    spans = {ref: s for ref in info.merged if (s := _span(ref)) is not None and s[0] == heading_row}
    groups = [(s[1] - info.first_col, s[3] - info.first_col) for s in spans.values() if s[3] > s[1] and s[2] == s[0]]
    if not groups:
        return raw, set()
    under = [any(first <= col <= last for first, last in groups) for col in range(raw.width)]
    names, below = list(raw.row(skip)), list(raw.row(skip + 1))
    if not any(_filled(v) for v, grouped in zip(below, under, strict=True) if grouped):
        return raw, set()
    if any(_filled(v) for v, grouped in zip(below, under, strict=True) if not grouped):
        return raw, set()
    joined = [b if grouped and _filled(b) else n for n, b, grouped in zip(names, below, under, strict=True)]
    rows = pl.DataFrame([joined, [None] * raw.width], schema=raw.schema, orient="row")
    grid = pl.concat([raw.slice(0, skip), rows, raw.slice(skip + 2)], how="vertical")
    # The headings' own merges: the groups, and those merged down the two rows.
    headings = {ref for ref, s in spans.items() if s[2] in (heading_row, heading_row + 1)}
    return grid, headings
