"""A cell written twice in an .xls or .xlsb is refused, naming the cell, as in an .xlsx.

calamine keeps the last value written for a cell, so the first was dropped without a word (the
sweep of session 14 refused it in .xlsx only: note14, "Left alone"). The legacy scans
(intake/xlsx/legacy_scan.py) see every cell record already: each cell's place is kept as one
integer (8 bytes a cell) and, only when the records are not in order (Excel writes them in
order), sorted once to find a repeat. An .ods cannot write a cell twice: its cells have no
addresses, each one takes the next place of its row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from biff_writers import write_xls_table, write_xlsb, xlsb_sheet
from hostile_sweep8 import XLSX_ROWS, _rows

from pari_index.errors import IntakeError
from pari_index.intake.xlsx import read_excel


def _refused(path: Path) -> tuple[str, str | None, int | None, dict[str, object] | None, str]:
    with pytest.raises(IntakeError) as raised:
        read_excel(path, path.name)
    problem = raised.value.problems[0]
    return problem.code, problem.sheet, problem.row, problem.params, problem.message


def test_an_xls_cell_written_twice_is_refused_naming_it(tmp_path: Path) -> None:
    rows = _rows("assessments_long.csv")[:20]
    # D2 again, after the whole table (a later record replaced the value calamine kept).
    path = write_xls_table(tmp_path / "twice.xls", rows, extra=[(1, 3, "10")])
    code, sheet, row, params, message = _refused(path)
    assert (code, sheet, row, params) == ("xlsx-damaged", "data", 2, {"damage": "cell_twice", "ref": "D2"})
    assert message.startswith("the cell D2 is written twice")


def test_an_xls_with_cells_out_of_order_but_once_each_is_read(tmp_path: Path) -> None:
    rows = _rows("assessments_long.csv")[:20]
    width = max(len(r) for r in rows)
    path = write_xls_table(tmp_path / "late.xls", rows, extra=[(1, width, "ghi chú")])
    assert read_excel(path, "late.xls").sheets[0].frame.height == 19


def test_an_xlsb_cell_written_twice_is_refused_naming_it(tmp_path: Path) -> None:
    rows = _rows("assessments_long.csv")[:XLSX_ROWS]
    cells = [(r, c, t) for r, row in enumerate(rows) for c, t in enumerate(row) if t]
    part = {"worksheets/sheet1.bin": xlsb_sheet([*cells, (2, 0, "00004")])}
    path = write_xlsb(tmp_path / "twice.xlsb", [("data", "worksheets/sheet1.bin")], part)
    code, sheet, row, params, _ = _refused(path)
    assert (code, sheet, row, params) == ("xlsx-damaged", "data", 3, {"damage": "cell_twice", "ref": "A3"})
    # The same cells once each read as before.
    part = {"worksheets/sheet1.bin": xlsb_sheet(cells)}
    path = write_xlsb(tmp_path / "once.xlsb", [("data", "worksheets/sheet1.bin")], part)
    assert read_excel(path, "once.xlsb").sheets[0].frame.height == XLSX_ROWS - 1
