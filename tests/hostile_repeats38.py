"""Hostile cases of the thirty-eighth session's helper repeats38: tables of one row repeated.

Found by running the real ``pari`` (main at 806e56b) on files made for it, on this shared 2-core
machine (CPU seconds user + system and peak resident memory from ``/usr/bin/time -v``):

- A repeated row compresses to almost nothing, and only the cells limit (20 million) bounded
  such rows, while each costs the run some two kilobytes (a ``duplicate-row`` warning for each
  of its cells, and its ledger entry). The example's assessments then one of their rows
  1,000,000 times as Parquet (57 KB): 9.8 + 3.8 CPU s and 1.90 GB, exit 0, "Dòng lặp lại
  5.000.000"; the same as CSV (71 MB): 10.6 + 4.0 CPU s and 1.90 GB, exit 0; the example's survey
  then 3,000,000 repeats (26 KB) 2.73 GB (docs/limits.md). A table of more rows repeating an
  earlier row exactly than PARI_MAX_REPEATED_ROWS (100,000) is now refused as it is read, before
  its rows are checked (``intake.repeated_rows``, a CSV file read by range counted as its ranges
  are parsed): ``too-many-repeated-rows`` naming the file, the count, the limit and the variable;
  1.7 + 0.3 CPU s and 519 MB (the Parquet file's reading), the CSV 1.0 + 0.2 and 380 MB.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_repeats38.py checks what each answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
from hostile_sweep8 import _examples, _score

Case = Callable[[Path], list[str]]

#: Repeats of one row: past PARI_MAX_REPEATED_ROWS (100,000), within PARI_MAX_CELLS.
REPEATS = 1_000_000


def repeated(table: Path, repeats: int) -> pl.DataFrame:
    """The rows of ``table`` (a CSV file of the examples), then its first row ``repeats`` times."""
    rows = pl.read_csv(table, infer_schema=False)
    return pl.concat([rows, rows.head(1).select(pl.all().repeat_by(repeats).explode())])


def assessments_parquet_of_a_row_repeated_a_million_times(folder: Path) -> list[str]:
    """57 KB: 1,003,429 rows."""
    files = _examples(folder)
    repeated(files["assessments_long"], REPEATS).write_parquet(folder / "lap.parquet")
    return _score(folder, assessments=folder / "lap.parquet")


def survey_parquet_of_a_row_repeated_three_million_times(folder: Path) -> list[str]:
    """26 KB: 3,000,360 rows of four columns."""
    files = _examples(folder)
    repeated(files["survey"], 3 * REPEATS).write_parquet(folder / "dieu-tra.parquet")
    return [*_score(folder), "--survey", str(folder / "dieu-tra.parquet")]


def assessments_csv_of_a_row_repeated(folder: Path) -> list[str]:
    """14 MB, read a range of records at a time (past csv_input.RANGED_BYTES): 203,429 rows."""
    files = _examples(folder)
    repeated(files["assessments_long"], 200_000).write_csv(folder / "lap.csv")
    return _score(folder, assessments=folder / "lap.csv")


def assessments_csv_small_of_a_row_repeated(folder: Path) -> list[str]:
    """7 MB, parsed whole (below csv_input.RANGED_BYTES): 103,429 rows, 100,001 of them repeats."""
    files = _examples(folder)
    repeated(files["assessments_long"], 100_001).write_csv(folder / "lap.csv")
    return _score(folder, assessments=folder / "lap.csv")


def assessments_workbook_of_a_row_repeated(folder: Path) -> list[str]:
    """A workbook (xlsxwriter) of 103,430 rows, 100,001 of them repeats."""
    files = _examples(folder)
    repeated(files["assessments_long"], 100_001).write_excel(folder / "lap.xlsx")
    return _score(folder, assessments=folder / "lap.xlsx")


CASES: dict[str, Case] = {
    "assessments-parquet-of-a-row-repeated-a-million-times": assessments_parquet_of_a_row_repeated_a_million_times,
    "survey-parquet-of-a-row-repeated-three-million-times": survey_parquet_of_a_row_repeated_three_million_times,
    "assessments-csv-of-a-row-repeated": assessments_csv_of_a_row_repeated,
    "assessments-csv-small-of-a-row-repeated": assessments_csv_small_of_a_row_repeated,
    "assessments-workbook-of-a-row-repeated": assessments_workbook_of_a_row_repeated,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    # Since session 40 refused from their footers before a cell is built: 8 million cells in 57 KB,
    # 12 million in 26 KB, past PARI_MAX_PARQUET_CELLS (limits40); the repeats' own limit is
    # checked on the CSV and workbook cases below.
    "assessments-parquet-of-a-row-repeated-a-million-times": (1, "parquet-too-many-cells", ("lap.parquet",)),
    "survey-parquet-of-a-row-repeated-three-million-times": (1, "parquet-too-many-cells", ("dieu-tra.parquet",)),
    "assessments-csv-of-a-row-repeated": (1, "too-many-repeated-rows", ("lap.csv",)),
    "assessments-csv-small-of-a-row-repeated": (1, "too-many-repeated-rows", ("lap.csv",)),
    "assessments-workbook-of-a-row-repeated": (1, "too-many-repeated-rows", ("lap.xlsx",)),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = dict.fromkeys(CASES, ("out.xlsx",))
