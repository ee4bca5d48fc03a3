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


CASES: dict[str, Case] = {
    "register-workbook-beside-a-hidden-sheet-of-many-rows": register_workbook_beside_a_hidden_sheet_of_many_rows,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "register-workbook-beside-a-hidden-sheet-of-many-rows": (1, "hidden-sheet", ("communes.xlsx",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
