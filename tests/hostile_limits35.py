"""Hostile cases of the thirty-fifth session's helper limits35: the side inputs' row limit checked
before the parse, and the other commands given large files.

Found by running the real ``pari`` (main at 858180c) on files made for it, on this shared 2-core
machine (load average 4 to 6; CPU seconds and peak resident memory from ``/usr/bin/time -v``):

- A register (``--communes``) of the example's 60 units followed by 2.4 million lines ``0`` (a
  code and nothing else, 4.8 MB) was refused as ``too-many-rows`` (exit 1), but only once the
  whole CSV was parsed into a grid of 6 columns: 1.75 + 0.52 CPU s and 612 MB for ``pari score``,
  1.36 + 0.45 CPU s and 601 MB for ``pari template --communes``; a lineage table (``--lineage``)
  of 2.4 million lines ``0`` under its two headings 1.84 + 0.28 CPU s and 302 MB. The row limit
  (``PARI_MAX_REGISTER_ROWS``, 100,000) was checked on the frame read (``check_table_size``); the
  assessments' CSV reader bounds its cells (lines × headings) before polars parses anything
  (``csv_input._size_problem``). Now the same limit is given to the reader
  (``tables.read_with_columns(rows=tables.table_rows_limit(...))``), which counts the lines that
  are not blank in the bytes, a quoted cell as one line (``csv_input.rows_upper_bound``, two
  passes in C, about 0.05 s here), and refuses the file with the same finding, naming the file and
  the limit, before the parse when they pass the limit by more than the lines a title block and a
  heading may take (``rows_past_limit``); a file nearer the limit is parsed and counted exactly as
  before. Now 1.38 + 0.12 CPU s and 130 MB (``pari score``, the rest the run's own start and its
  assessments read ahead), 1.03 + 0.11 CPU s and 90 MB (``template``), 1.77 + 0.17 CPU s and 161 MB
  (``--lineage``; the example's run alone is 1.7 CPU s and 165 MB).

- The same register as Parquet (``--communes communes.parquet``, 2.4 million rows of a code
  ``0``, 27 KB): read whole, then ``too-many-rows``, 1.94 + 0.51 CPU s and 642 MB. Now its rows
  that hold text are counted by polars' streaming engine before it is read
  (``parquet_input._rows_with_text``): 1.51 + 0.19 CPU s and 170 MB, the same finding naming the
  file.

- An appraisal file (``--appraisal``) of the example's rows and 2.4 million lines ``0`` (4.8 MB, each
  a ``missing-reason``: the case ``limits34/appraisal-of-millions-of-tiny-rows``, checked there) took
  5.4 + 3.0 CPU s and 1,017 MB on main, its peak late in the run. A sampler of the resident memory
  and the main thread's stack placed the growth: the parse (750 MB), the rows table, the fold of
  the 2.4 million findings (850 MB), the check for errors of no input row, which made the unique
  places of the whole 2.4-million-row ledger (``run._parts_unread``: 950 MB), and the rows table's
  reasons put in the results' language, which split the ledger in two, joined and sorted it back
  (``results._reasons_in``: 1,000 MB). Now the appraisal's findings are folded as soon as its rows
  table is made (``appraisal.read_appraisal``, the texts folded away kept in
  ``Appraisal.folded_texts``), the check takes the ledger's rows at the errors' places first
  (``run.errors_of_no_row``), and the reasons are made again as one column (replaced where a row
  holds one message, searched by ``scatter`` where it holds several): 4.9 + 2.5 CPU s and 812 MB,
  the same results sheet for sheet (but the name of the rows file). Left: the whole CSV is still
  parsed at once (its grid of 19.2 million cells, 750 MB, is now the peak).

- Bounded already, nothing changed: ``pari criteria import`` of an annex workbook of 18,100 rows
  (100 areas × 20 criteria × 8 sub-criteria, 0.4 MB): ``too-many-items`` at the 501st item, 1.4
  CPU s, 131 MB. ``pari template --communes`` with a register of 100,000 units (3.4 MB):
  ``template-too-large`` (exit 2), 1.9 CPU s, 174 MB. A criteria set of 5 MB, of one string or a
  title of 5 million letters: ``file-too-large`` (1 MiB), 0.8 CPU s, 65 MB; a title of 450,000
  letters within the 1 MiB: ``yaml-text-too-long`` at its line, 0.9 CPU s, 71 MB (``validate``) and
  84 MB (``score``, nothing written). An evidence folder (``--evidence-dir``) holding one file under
  2,000 nested folders named ``a``, or named with 125 letters ``đ`` (250 bytes) each (a path of
  500 KB): walked, the file found and told unused, 2.6 and 2.3 CPU s, 175 and 171 MB (exit 1, the
  rows' names unmatched). A survey whose one commune answers one item 280,000 times more (5 MB):
  ``duplicate-row`` warnings, exit 0, 4.9 + 1.3 CPU s and 391 MB; 1,000,000 times (18 MB, past
  the few megabytes of this class), 11.0 + 3.1 CPU s and 976 MB, and with 1,000,000 answers of
  differing values over six items 12.2 + 4.0 CPU s and 1.18 GB (``conflicting-values``, exit 1):
  linear, about 0.9 KB an answer, left as it is. ``pari diff`` of two sets drafted by ``criteria
  import`` from the annex of 18,100 rows (with PARI_MAX_CRITERIA_ITEMS raised, 6.6 MB each):
  ``file-too-large``, 0.6 CPU s, 67 MB; of 455 items (161 KB): their ``todo`` notes refused, 0.7
  CPU s, 71 MB (two valid sets of 500 items were not measured).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits35.py checks what each answers.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import EXAMPLES, _examples, _score

Case = Callable[[Path], list[str]]

#: Lines ``0`` below a register's or a lineage table's rows (4.8 MB).
TINY_ROWS = 2_400_000


def _tiny_rows(path: Path) -> Path:
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write("0\n" * TINY_ROWS)
    return path


def register_of_millions_of_tiny_rows(folder: Path) -> list[str]:
    """The example's register, then 2.4 million lines holding a code alone."""
    args = _score(folder)
    _tiny_rows(folder / "communes.csv")
    return args


def register_parquet_of_millions_of_tiny_rows(folder: Path) -> list[str]:
    """The example's register as Parquet, then 2.4 million rows holding a code alone (27 KB)."""
    import polars as pl

    args = _score(folder)
    register = pl.read_csv(folder / "communes.csv", infer_schema=False)
    tiny = pl.DataFrame({"code": ["0"] * TINY_ROWS}).with_columns(
        pl.lit(None, dtype=pl.String).alias(c) for c in register.columns if c != "code"
    )
    pl.concat([register, tiny.select(register.columns)]).write_parquet(folder / "communes.parquet")
    args[args.index("--communes") + 1] = str(folder / "communes.parquet")
    return args


def template_register_of_millions_of_tiny_rows(folder: Path) -> list[str]:
    """``pari template`` for that register."""
    _tiny_rows(_examples(folder)["communes"])
    return ["template", "--communes", str(folder / "communes.csv"), "-o", str(folder / "mau.xlsx")]


def lineage_of_millions_of_tiny_rows(folder: Path) -> list[str]:
    """A lineage table of its two headings and 2.4 million lines holding a code alone, beside last
    year's results (the example's, as CSV files)."""
    from click.testing import CliRunner

    from pari_index.cli import main

    shutil.copytree(EXAMPLES, folder / "nam-truoc", ignore=shutil.ignore_patterns("*.xlsx", "*.html", "*.md", "*.py"))
    previous = _score(folder, "--format", "csv", out="ket-qua-nam-truoc")
    previous[1] = str(folder / "nam-truoc" / "assessments_long.csv")
    done = CliRunner().invoke(main, previous)
    assert done.exit_code == 0, done.output
    lineage = folder / "lineage.csv"
    lineage.write_text("old_code,new_code\n", encoding="utf-8")
    _tiny_rows(lineage)
    return _score(folder, "--previous", str(folder / "ket-qua-nam-truoc"), "--lineage", str(lineage))


CASES: dict[str, Case] = {
    "register-of-millions-of-tiny-rows": register_of_millions_of_tiny_rows,
    "template-register-of-millions-of-tiny-rows": template_register_of_millions_of_tiny_rows,
    "register-parquet-of-millions-of-tiny-rows": register_parquet_of_millions_of_tiny_rows,
    "lineage-of-millions-of-tiny-rows": lineage_of_millions_of_tiny_rows,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "register-of-millions-of-tiny-rows": (1, "too-many-rows", ("communes.csv", "assessments_long.csv")),
    "template-register-of-millions-of-tiny-rows": (1, "too-many-rows", ("communes.csv",)),
    "register-parquet-of-millions-of-tiny-rows": (1, "too-many-rows", ("communes.parquet",)),
    "lineage-of-millions-of-tiny-rows": (1, "too-many-rows", ("lineage.csv", "ket-qua-nam-truoc/summary.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "register-of-millions-of-tiny-rows": ("out.xlsx",),
    "template-register-of-millions-of-tiny-rows": ("mau.xlsx",),
    "register-parquet-of-millions-of-tiny-rows": ("out.xlsx",),
}
