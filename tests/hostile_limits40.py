"""Hostile cases of the fortieth session's helper limits40.

Found by running the real ``pari`` (main at 81e533d) on files made for it, on this shared 2-core
machine (CPU seconds user + system and peak resident memory from ``/usr/bin/time -v``):

- A register workbook whose sheet of units is followed by a hidden sheet of 120,000 codes (an
  old list kept out of sight, 1 MB): the hidden sheet, which is never read, was held to the
  register's row limit (PARI_MAX_REGISTER_ROWS, 100,000) and refused the whole workbook,
  ``too-many-rows`` naming the hidden sheet, exit 1 and no results; and calamine built a hidden
  sheet whole only to say it was hidden. The workbook's list of sheets gives each one's state
  (``<sheet state="hidden">``, an .xls BoundSheet8's and an .xlsb BrtBundleSh's hsState): a
  hidden sheet is now told (``hidden-sheet``) without being loaded nor held to the limit, and the
  register is read (measured with 300,000 codes, 2.3 MB: 0.8 + 0.1 CPU s and 137 MB refused →
  1.5 + 0.1 CPU s and 195 MB scored, the run's own work).
- A wide-form Parquet file packs its empty cells and repeated values in bits, and pari built a
  grid of every cell before a check: the example's wide form then 12,000 rows of a commune code
  alone (4.2 million cells in 238 KB) took 1.2 + 0.4 CPU s and 582 MB, exit 0; limits39's wide
  grid of one row given 20,000 times (7 million cells in 266 KB) 927 MB before it was refused.
  The cells its footer counts (rows × columns) are now held, once read and before the grid is
  made, to PARI_MAX_PARQUET_CELLS (4,000,000) or 12 a byte of the file, whichever is more (4 until the review)
  (``parquet_measure.too_many_packed_cells``; demo-data's national long form holds 1.9 a byte):
  ``parquet-too-many-cells``, 0.9 + 0.2 CPU s and 180 MB (the 7 million cells: 231 MB).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits40.py checks what each answers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import EXAMPLES, _score

Case = Callable[[Path], list[str]]

#: Codes of the hidden sheet beside the register: past PARI_MAX_REGISTER_ROWS (100,000).
HIDDEN_ROWS = 120_000


def register_rows() -> list[list[str]]:
    """The example register's heading and rows."""
    with (EXAMPLES / "communes.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def register_beside_hidden_sheet(path: Path, hidden_rows: int, state: str = "hidden") -> Path:
    """The example register as the sheet ``communes``, then a sheet ``cu`` (``state``: hidden or
    veryHidden) of a heading and ``hidden_rows`` codes."""
    import xlsxwriter

    with xlsxwriter.Workbook(str(path), {"constant_memory": True}) as workbook:
        sheet = workbook.add_worksheet("communes")
        for number, row in enumerate(register_rows()):
            sheet.write_row(number, 0, row)
        old = workbook.add_worksheet("cu")
        old.write_row(0, 0, ["code", "name"])
        for number in range(1, hidden_rows + 1):
            old.write_string(number, 0, f"{number:07d}")
        old.very_hidden() if state == "veryHidden" else old.hide()
    return path


def register_workbook_beside_a_hidden_sheet_of_many_rows(folder: Path) -> list[str]:
    """``pari score`` of the example with its register as :func:`register_beside_hidden_sheet`
    (HIDDEN_ROWS codes hidden, 1 MB)."""
    register = register_beside_hidden_sheet(folder / "communes.xlsx", HIDDEN_ROWS)
    argv = _score(folder)
    argv[argv.index("--communes") + 1] = str(register)
    return argv


#: Rows of a commune code alone below the example's wide form.
EMPTY_WIDE_ROWS = 12_000


def wide_parquet_of_rows_of_a_code_alone(folder: Path) -> list[str]:
    """``pari score`` of the example's wide form (its sheet ``data``) then EMPTY_WIDE_ROWS rows of
    a new commune code and no other cell, as Parquet (4.2 million cells in 238 KB)."""
    import fastexcel
    import polars as pl

    wide = fastexcel.read_excel(EXAMPLES / "assessments_wide.xlsx").load_sheet("data", dtypes="string").to_polars()
    codes = pl.DataFrame({wide.columns[0]: [f"{90_000 + i:05d}" for i in range(EMPTY_WIDE_ROWS)]})
    empty = codes.with_columns(pl.lit(None, dtype=pl.String).alias(name) for name in wide.columns[1:])
    pl.concat([wide, empty]).write_parquet(folder / "ngang.parquet")
    return _score(folder, assessments=folder / "ngang.parquet")


CASES: dict[str, Case] = {
    "wide-parquet-of-rows-of-a-code-alone": wide_parquet_of_rows_of_a_code_alone,
    "register-workbook-beside-a-hidden-sheet-of-many-rows": register_workbook_beside_a_hidden_sheet_of_many_rows,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "wide-parquet-of-rows-of-a-code-alone": (1, "parquet-too-many-cells", ("ngang.parquet", "communes.csv")),
    "register-workbook-beside-a-hidden-sheet-of-many-rows": (1, "hidden-sheet", ("communes.xlsx",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {"wide-parquet-of-rows-of-a-code-alone": ("out.xlsx",)}
