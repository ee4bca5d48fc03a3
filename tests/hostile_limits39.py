"""Hostile cases of the thirty-ninth session's helper limits39.

Found by running the real ``pari`` (main at a6bdad8) on files made for it, on this shared 2-core
machine (CPU seconds user + system and peak resident memory from ``/usr/bin/time -v``):

- Rows that repeat an earlier row except for one cell (a note numbered down the column) are no
  exact repeats, so ``too-many-repeated-rows`` (session 38) let them through, and each of their
  cells became a ``duplicate-row`` or ``conflicting-values`` finding: the example's assessments
  then one row 1,000,000 times, its explanation numbered (449 KB as Parquet), took 13.7 + 5.5 CPU
  s and 2.54 GB, exit 1 with 6,000,000 findings. Likewise files each within the exact-repeats
  limit added up: eight files of one commune's rows and one of them 90,000 times (71 KB together)
  took 8.2 + 3.3 CPU s and 1.56 GB, exit 0 with 3,600,000 warnings. A wide row gives again
  every cell it fills: the example's wide form then its first row 20,000 times, a cell numbered
  (266 KB as Parquet), 7.2 + 4.9 CPU s and 2.13 GB, 5,200,000 findings. The cells of the rows
  that give the commune, item and input of an earlier row, in every sheet and file of the
  assessments and the survey together, are now held to PARI_MAX_REPEATED_CELLS (500,000) before
  their cells are made (``repeated_rows.KeyRepeats``): ``too-many-repeated-keys``, 2.0 + 0.3
  CPU s and 519 MB (the Parquet file's reading), 1.7 + 0.5 CPU s and 927 MB (reading a wide
  grid of 7 million cells), 1.6 + 0.2 CPU s and 265 MB.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits39.py checks what each answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
from hostile_sweep8 import EXAMPLES, _score

Case = Callable[[Path], list[str]]

#: Rows repeating one row of the example but for their numbered explanation.
NEAR_REPEATS = 1_000_000
#: Files of one commune's rows each, and the exact repeats of one of them in each (within the
#: 100,000 of PARI_MAX_REPEATED_ROWS a table, not together).
FILES, REPEATS_A_FILE = 8, 90_000


def near_repeats(rows: int) -> pl.DataFrame:
    """The example's assessments, then their second row ``rows`` times, its explanation numbered
    (``ghi chú 0``, ``ghi chú 1``, ...): no row repeats another exactly."""
    frame = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False)
    numbered = pl.DataFrame({"explanation": [f"ghi chú {i}" for i in range(rows)]})
    near = frame.slice(1, 1).drop("explanation").join(numbered, how="cross").select(frame.columns)
    return pl.concat([frame, near])


def assessments_parquet_of_a_row_near_repeated_a_million_times(folder: Path) -> list[str]:
    """``pari score`` of :func:`near_repeats` (NEAR_REPEATS) as Parquet (449 KB)."""
    near_repeats(NEAR_REPEATS).write_parquet(folder / "gan-lap.parquet")
    return _score(folder, assessments=folder / "gan-lap.parquet")


def assessments_of_files_each_within_the_repeats_limit(folder: Path) -> list[str]:
    """``pari score`` of FILES Parquet files, each one commune's rows of the example and its
    second row REPEATS_A_FILE times (71 KB together): each file within the exact-repeats limit."""
    frame = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False)
    codes = frame.get_column("commune_code").unique(maintain_order=True).to_list()[:FILES]
    files = folder / "cac-xa"
    files.mkdir()
    for code in codes:
        own = frame.filter(pl.col("commune_code") == code)
        pl.concat([own, *[own.slice(1, 1)] * REPEATS_A_FILE]).write_parquet(files / f"xa-{code}.parquet")
    argv = _score(folder)
    at = argv.index(str(folder / "assessments_long.csv"))
    return [*argv[:at], *sorted(str(path) for path in files.iterdir()), *argv[at + 1 :]]


#: Repeats of the wide form's first row, a cell numbered.
WIDE_NEAR_REPEATS = 20_000


def wide_parquet_of_a_row_near_repeated(folder: Path) -> list[str]:
    """``pari score`` of the example's wide form (its sheet ``data``), then its first row
    WIDE_NEAR_REPEATS times, the last item's explanation numbered, as Parquet (266 KB)."""
    import fastexcel

    sheet = fastexcel.read_excel(str(EXAMPLES / "assessments_wide.xlsx")).load_sheet("data", dtypes="string")
    frame = sheet.to_polars()
    last = frame.columns[-1]
    numbered = pl.DataFrame({last: [f"ghi chú {i}" for i in range(WIDE_NEAR_REPEATS)]})
    near = frame.slice(0, 1).drop(last).join(numbered, how="cross").select(frame.columns)
    pl.concat([frame, near]).write_parquet(folder / "ngang.parquet")
    return _score(folder, assessments=folder / "ngang.parquet")


CASES: dict[str, Case] = {
    "wide-parquet-of-a-row-near-repeated": wide_parquet_of_a_row_near_repeated,
    "assessments-parquet-of-a-row-near-repeated-a-million-times": (
        assessments_parquet_of_a_row_near_repeated_a_million_times
    ),
    "assessments-of-files-each-within-the-repeats-limit": assessments_of_files_each_within_the_repeats_limit,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    # Since session 40 the two single files are refused from their footers before a cell is built
    # (7 million cells in 449 KB and in 266 KB, past PARI_MAX_PARQUET_CELLS: limits40); the
    # repeated keys' own limit is checked by the eight files and tests/test_hostile_limits39.py.
    "assessments-parquet-of-a-row-near-repeated-a-million-times": (
        1,
        "parquet-too-many-cells",
        ("gan-lap.parquet", "communes.csv"),
    ),
    "assessments-of-files-each-within-the-repeats-limit": (1, "too-many-repeated-keys", ("communes.csv",)),
    "wide-parquet-of-a-row-near-repeated": (1, "parquet-too-many-cells", ("ngang.parquet", "communes.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {name: ("out.xlsx",) for name in CASES}
