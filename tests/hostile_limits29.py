"""Hostile cases of the twenty-ninth session's helper limits29. Measured on this shared 2-core
machine (``benchmarks/hostile.py --only limits29 --cpu``; load average 2.5 to 4), on main at
fe8dd57, then after.

- pari's own fill-in form for 400 units (``pari template --communes``, a 2.3 MB workbook from a
  register of 400 rows) read back by ``pari score``: refused as ``xlsx-damaged``, "10,586,008
  bytes of XML without the end of a cell", with the hint that Excel did not write the file (1.3
  CPU s, exit 1). The form writes a validation rule on each cell to fill, and the sheet's scan
  cut its XML only after a cell, a row or a merged range: the rules after the cells (26 KB a
  unit) passed MAX_XML_RUN_BYTES (8 MiB) from some 320 units on. The same for any sheet with that
  much of conditional formats, links or ignored errors after its cells. Now a piece may end after
  any of these too (``xml_patterns._SHEET_PIECE_END``): read, 3.0 CPU s and 310 MB, exit 0.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits29.py checks what each answers.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _examples

Case = Callable[[Path], list[str]]

#: Units of the register the form is written for: past the some 320 whose rules made 8 MiB.
FORM_UNITS = 400


def register_of(folder: Path, units: int) -> Path:
    """A register of ``units`` communes (codes 00001…), in ten districts."""
    path = folder / "danh-sach.csv"
    lines = ["code,name,type,district,province"]
    lines += [f"{n:05d},Xã Số {n},xã,Huyện {n % 10},Tỉnh Mẫu" for n in range(1, units + 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def own_form_of_400_units(folder: Path) -> list[str]:
    """The form ``pari template`` writes for FORM_UNITS units, given back unfilled to ``pari score``."""
    from pari_index.cli import main

    register = register_of(folder, FORM_UNITS)
    form = folder / "mau-tu-danh-gia.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):  # its "written" line is not the case's answer
        main(["template", "--communes", str(register), "-o", str(form)], standalone_mode=False)
    _examples(folder)
    return ["score", str(form), "--communes", str(register), "--no-survey", "-o", str(folder / "ket-qua.xlsx"), "-q"]


CASES: dict[str, Case] = {
    "own-form-of-400-units": own_form_of_400_units,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "own-form-of-400-units": (0, None, ("mau-tu-danh-gia.xlsx", "danh-sach.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
