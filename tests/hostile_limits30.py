"""Hostile cases of the thirtieth session's helper limits30. Measured on this shared 2-core machine
(``benchmarks/hostile.py --only limits30 --cpu``; load average 2 to 7), on main at 1db33ae, then
after.

- A lineage table (``--lineage``) of 99,999 rows (4.7 MB), each linking an old code of 40 digits
  that is not in last year's results to one of this year's units: every row is two warnings
  (``lineage-old-code-missing``, ``lineage-own-results-passed-over``). They were made a Problem a
  row (``row_problems``, 1.9 CPU s), and they join the run's findings after its findings were
  folded (intake.folding), so the 200,000 were listed one by one in the findings sheet: 6.7 CPU s
  and 700 MB, exit 0. Now they are built as columns (``row_findings``) and folded as the intake's
  are, past 1,000 of a kind, the folded finding naming the rows and saying they are in the file
  itself (the input rows table does not cover the lineage table): 1.3 CPU s. The fold itself then
  took 300 MB for these 200,000 findings: it kept the first of each distinct message by grouping
  on the message as a category, and polars' global categories keep every distinct text (each
  message names its own code); it filters on ``is_first_distinct`` now: 270 MB for the run.

- An .ods of the example's long form, 100,001 rows as LibreOffice writes them (2.8 MB; 95 MB of
  content.xml, 1.1 million cells with a value): its scan before calamine reads it (ods_scan)
  walked each cell in Python, about 5 µs a cell: 5.1 CPU s of a run of 7.2 CPU s, 350 MB. Now a
  run of plain cells with a value one after another (not repeated, spanned, styled, an error, a
  fine number or spaces by count: the rest are walked as before) is matched at once in C and
  counted as the walk counts it: 3.2 CPU s of scan, 5.4 for the run (still over 5 s: the regular
  expression itself goes through 95 MB; calamine reads it in 0.4). The same scan of 1,000 sheets
  of 40 rows each (1.4 MB): 5.9 -> 5.5 CPU s, the rest each sheet's own reading.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits30.py checks what each answers.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from hostile_sweep8 import EXAMPLES, _score

Case = Callable[[Path], list[str]]

#: Rows of the lineage table: just under the table limit (100,000 rows).
LINEAGE_ROWS = 99_999


def previous_results(folder: Path) -> Path:
    """Last year's results (the examples scored, as CSV) in ``folder``/ket-qua-nam-truoc."""
    from pari_index.cli import main

    shutil.copytree(EXAMPLES, folder / "nam-truoc", ignore=shutil.ignore_patterns("*.xlsx", "*.html", "*.md", "*.py"))
    previous = _score(folder, "--format", "csv", out="ket-qua-nam-truoc")
    previous[1] = str(folder / "nam-truoc" / "assessments_long.csv")
    done = CliRunner().invoke(main, previous)
    assert done.exit_code == 0, done.output
    return folder / "ket-qua-nam-truoc"


def lineage_of_unknown_old_codes(folder: Path, rows: int) -> list[str]:
    """``pari score --previous --lineage`` with a lineage of ``rows`` rows, each an old code of 40
    digits (in no results) linked to one of the example's units in turn."""
    previous = previous_results(folder)
    codes = [line.split(",")[0] for line in (folder / "communes.csv").read_text(encoding="utf-8-sig").splitlines()[1:]]
    lineage = folder / "lineage.csv"
    with lineage.open("w", encoding="utf-8", newline="") as handle:
        handle.write("old_code,new_code\n")
        handle.writelines(f"{i:040d},{codes[i % len(codes)]}\n" for i in range(rows))
    return _score(folder, "--previous", str(previous), "--lineage", str(lineage))


def lineage_of_long_unknown_old_codes(folder: Path) -> list[str]:
    return lineage_of_unknown_old_codes(folder, LINEAGE_ROWS)


def ods_of_a_million_plain_cells(folder: Path) -> list[str]:
    """The example's long form as an .ods of 100,001 rows (each of the example's rows in turn),
    every cell a string written as LibreOffice writes it: 1.1 million cells, 95 MB of content.xml
    in 2.8 MB."""
    from hostile_sweep8 import _rows
    from hostile_sweep9 import ods_cell, ods_row, write_ods

    head, *body = _rows("assessments_long.csv")
    rows = [head] + [body[r % len(body)] for r in range(100_000)]
    path = write_ods(folder / "tu-danh-gia.ods", "".join(ods_row([ods_cell(str(t)) for t in row]) for row in rows))
    return _score(folder, "--format", "csv", assessments=path, out="ket-qua")


CASES: dict[str, Case] = {
    "lineage-of-long-unknown-old-codes": lineage_of_long_unknown_old_codes,
    "ods-of-a-million-plain-cells": ods_of_a_million_plain_cells,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    # Every old code unknown: the table links nothing (session 33: an error, the run incomplete).
    "lineage-of-long-unknown-old-codes": (
        1,
        "lineage-links-nothing",
        ("lineage.csv", "communes.csv", "assessments_long.csv"),
    ),
    "ods-of-a-million-plain-cells": (0, None, ("tu-danh-gia.ods", "communes.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
