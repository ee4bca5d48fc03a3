"""Hostile cases of the thirty-fourth session's helper limits34: the inputs beside the assessments
made large, and the other commands given large or hostile files.

Found by running the real ``pari`` (main at 07fe4c6) on files made for it, on this shared 2-core
machine (load average 6 to 9, so wall times are long; CPU seconds and peak resident memory from
``/usr/bin/time``):

- Bounded already, nothing changed: ``pari report`` and ``pari explain`` of a results folder (``--format
  csv``) whose rows, findings or criteria table was given 250,000 to 800,000 more rows (5 MB) or
  whose summary names its units with 30,000 letters (1.8 MB): ``results-damaged`` (rows counted
  against the about table, values against their digest), 1.2-1.4 CPU s and 120-185 MB. Workbooks
  with a million shared strings none of the cells uses (8 MB), a dimension ``A1:XFD1048576`` over
  the example's rows, 500 formulas of 8,000 characters, 10,000 merged ranges beside the data, a
  shared string of 200,000 rich-text runs (``cell-too-long``) or 30,000 strings of 100 runs each
  (``xlsx-compression-ratio``): 1.0-2.9 CPU s and 110-305 MB. A survey of 2.4 million lines ``0``
  (4.8 MB): 3.6 CPU s, 420 MB, as the assessments (tests/hostile_limits28.py); the survey's rows
  repeated to 5 MB: 6.3 CPU s, 390 MB. A register of 2.4 million lines ``0``: ``too-many-rows``,
  2.7 CPU s, 670 MB (the whole CSV parsed before its rows are counted). A sweep of every compiled
  pattern of ``src`` over runs of 80 one- and two-character pieces (``a ``, ``1.``, ``<c ``, ``QĐ-``,
  ...) 2,000 and 8,000 long found none super-linear where it is searched for (those that are
  grew only under ``match`` or ``fullmatch`` at one place).

- An appraisal file (``--appraisal``) of the example's 59 rows followed by 2.4 million lines ``0``
  (a code and nothing else, 4.8 MB): each line is a ``missing-reason`` error, as it should be
  (every row is reported), but the run took 12.2 CPU s and 1.28 GB, three times the cost of the
  same lines as assessments or survey (exit 1: the rows rejected make the run incomplete). Of
  it, the appraisal's input rows table (``appraisal._appraisal_ledger``) joined, sorted and
  counted the 2.4 million rows and their findings on the texts of their file and sheet names:
  2.6-3.0 CPU s and 560 MB more than the rows it was given. Now each row is one number (its
  sheet's and its row's), the findings are looked up by it in sorted order: 0.6 CPU s and 310
  MB more, the same table (tests/test_hostile_limits34.py checks it against the old way). And a
  heading column was added for each of the file's columns (``tables._headings``, the heading on
  every row for the findings that name a column): 16 bytes a row each as strings, 300 MB for the
  8 columns here; now categorical, 4 bytes a row (75 MB), for the register and the lineage table
  alike. Reading the appraisal (``read_appraisal``) peaked at 1.24 GB, now 0.75 GB; the run took
  8.4-9.2 CPU s and 0.99 GB (load average 8), exit 1, its results the same bytes but for the name
  of the rows file. Left: the run's peak is now later (the 2.4 million findings, folded only at
  the run's end, and the rows table), and the CSV is parsed whole (720 MB at its peak for 19.2
  million cells, where the assessments are read a range at a time; a register of the same lines
  is refused as ``too-many-rows`` only after that parse: 2.7 CPU s, 670 MB).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits34.py checks what each answers.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import EXAMPLES, _score

Case = Callable[[Path], list[str]]

#: Lines ``0`` below the example's appraisal rows.
TINY_ROWS = 2_400_000


def appraisal_of_millions_of_tiny_rows(folder: Path) -> list[str]:
    """The example's appraisal, then 2.4 million lines holding a code alone (4.8 MB)."""
    shutil.copy(EXAMPLES / "appraisal.csv", folder / "appraisal.csv")
    with (folder / "appraisal.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write("0\n" * TINY_ROWS)
    return _score(folder, "--appraisal", str(folder / "appraisal.csv"), out="ket-qua.xlsx")


CASES: dict[str, Case] = {
    "appraisal-of-millions-of-tiny-rows": appraisal_of_millions_of_tiny_rows,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    # Each line a missing-reason until session 36, which bounds an appraisal's rows before the parse
    # (PARI_MAX_APPRAISAL_ROWS: tests/hostile_limits36.py).
    "appraisal-of-millions-of-tiny-rows": (1, "too-many-rows", ("appraisal.csv", "communes.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {"appraisal-of-millions-of-tiny-rows": ("ket-qua.xlsx",)}
