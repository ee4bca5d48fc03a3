"""Hostile cases of the twenty-first session's helper limits21: Parquet files that inflate far past
what their size says, as an input and as a table of a results folder read back.

- One string of 150 million letters compresses to kilobytes (a page inflated whole: a 13 KB file
  of 400 million took 2.45 GB to be refused as ``cell-too-long``).
- One string of 30,000 digits kept once in the dictionary and named by 5 million rows (10 million
  cells, under the cells limit): 42 KB, past a minute at 3.7 GB.
- The example rows written one row group each: a footer of megabytes, read in Python to measure
  the pages (``parquet-footer-too-large``).
- A results folder (``--format parquet``) whose ``summary.parquet`` holds such a string (2.2 GB in
  ``pari report``, ``pari explain`` and as ``--previous``), or whose ``rows.parquet`` repeats a row 30 million times
  (400 KB, 2.9 GB): a results folder's tables were read without any limit.

- An .ods cell whose spaces are written by their count (``<text:s text:c="2000000000"/>``, 2 KB):
  calamine writes them out, 50 s and 11.8 GB; 44,000 cells of 30,000 such spaces (5 MB stored):
  20 s and 4.6 GB. Now ``cell-too-long`` and ``xlsx-too-much-text`` before calamine reads.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits21.py checks what each answers (``EXPECTED``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import polars as pl
from hostile_sweep8 import EXAMPLES, _examples, _score

Case = Callable[[Path], list[str]]
ROOT = Path(__file__).resolve().parents[1]

#: Letters of the one long string (over the 100 MiB a Parquet file may read as).
LONG = 150_000_000


def _example_frame() -> pl.DataFrame:
    return pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False)


def parquet_one_long_string(folder: Path) -> list[str]:
    frame = _example_frame()
    frame = frame.with_columns(
        explanation=pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("a" * LONG)).otherwise(pl.col("explanation"))
    )
    frame.write_parquet(folder / "tu-danh-gia.parquet", compression="zstd")
    return _score(folder, assessments=folder / "tu-danh-gia.parquet")


def parquet_dictionary_of_a_long_string(folder: Path) -> list[str]:
    rows = 5_000_000
    pl.select(commune_code=pl.repeat("0" * 30_000, rows), criterion_id=pl.repeat("1.1.1", rows)).write_parquet(
        folder / "tu-danh-gia.parquet", compression="zstd"
    )
    return _score(folder, assessments=folder / "tu-danh-gia.parquet")


def parquet_row_group_a_row(folder: Path) -> list[str]:
    _example_frame().head(3_000).write_parquet(folder / "tu-danh-gia.parquet", row_group_size=1, statistics=False)
    return _score(folder, assessments=folder / "tu-danh-gia.parquet")


def _results_folder(folder: Path) -> Path:
    """The example run's results as a folder of Parquet tables (a real ``pari score``)."""
    files = _examples(folder)
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    args = [sys.executable, "-m", "pari_index.cli", "score", str(files["assessments_long"])]
    args += ["--communes", str(files["communes"]), "--survey", str(files["survey"])]
    subprocess.run(
        [*args, "-o", str(folder / "ket-qua"), "--format", "parquet", "-q"],
        check=True,
        env=environment,
        capture_output=True,
    )
    return folder / "ket-qua"


def _long_summary(folder: Path) -> Path:
    results = _results_folder(folder)
    summary = pl.read_parquet(results / "summary.parquet")
    long = pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("a" * LONG)).otherwise(pl.col("commune_code"))
    summary.with_columns(commune_code=long).write_parquet(results / "summary.parquet", compression="zstd")
    return results


def results_long_string_report(folder: Path) -> list[str]:
    return ["report", str(_long_summary(folder)), "-o", str(folder / "bao-cao.html")]


def results_long_string_previous(folder: Path) -> list[str]:
    return _score(folder, "--previous", str(_long_summary(folder)))


def results_long_string_explain(folder: Path) -> list[str]:
    return ["explain", "00001", "--results", str(_long_summary(folder))]


def results_row_bomb_report(folder: Path) -> list[str]:
    results = _results_folder(folder)
    first = pl.read_parquet(results / "rows.parquet").head(1)
    rows = 30_000_000
    pl.select(
        pl.repeat(first[name][0], rows, dtype=first.schema[name]).alias(name) for name in first.columns
    ).write_parquet(results / "rows.parquet")
    return ["report", str(results), "-o", str(folder / "bao-cao.html")]


def _ods_spaces(folder: Path, cell: str, cells: int, stored: bool) -> list[str]:
    """The example rows as an .ods, then ``cells`` cells (four a row) of ``cell``."""
    import zipfile

    from hostile_sweep9 import ods_example_rows, write_ods

    rows = "".join(f"<table:table-row>{cell * 4}</table:table-row>" for _ in range(cells // 4))
    path = write_ods(folder / "tu-danh-gia.ods", ods_example_rows(50) + rows)
    if stored:  # no compression for the zip's ratio to see
        with zipfile.ZipFile(path) as package:
            parts = [(info.filename, package.read(info)) for info in package.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as package:
            for name, data in parts:
                package.writestr(name, data)
    return _score(folder, assessments=path)


def _spaces_cell(count: int) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>a<text:s text:c="{count}"/></text:p></table:table-cell>'
    )


def ods_two_billion_spaces(folder: Path) -> list[str]:
    return _ods_spaces(folder, _spaces_cell(2_000_000_000), 4, stored=False)


def ods_cells_of_30000_spaces(folder: Path) -> list[str]:
    return _ods_spaces(folder, _spaces_cell(30_000), 44_000, stored=True)


CASES: dict[str, Case] = {
    "ods-two-billion-spaces": ods_two_billion_spaces,
    "ods-cells-of-30000-spaces": ods_cells_of_30000_spaces,
    "parquet-one-long-string": parquet_one_long_string,
    "parquet-dictionary-of-a-long-string": parquet_dictionary_of_a_long_string,
    "parquet-row-group-a-row": parquet_row_group_a_row,
    "results-parquet-long-string-report": results_long_string_report,
    "results-parquet-long-string-previous": results_long_string_previous,
    "results-parquet-long-string-explain": results_long_string_explain,
    "results-parquet-row-bomb-report": results_row_bomb_report,
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "ods-two-billion-spaces": (1, "cell-too-long", ("tu-danh-gia.ods",)),
    "ods-cells-of-30000-spaces": (1, "xlsx-too-much-text", ("tu-danh-gia.ods",)),
    "parquet-one-long-string": (1, "parquet-too-much-text", (*_INPUTS, "tu-danh-gia.parquet")),
    "parquet-dictionary-of-a-long-string": (1, "parquet-too-much-text", (*_INPUTS, "tu-danh-gia.parquet")),
    "parquet-row-group-a-row": (1, "parquet-footer-too-large", (*_INPUTS, "tu-danh-gia.parquet")),
    "results-parquet-long-string-report": (1, "parquet-too-much-text", ("ket-qua/summary.parquet",)),
    "results-parquet-long-string-previous": (1, "parquet-too-much-text", ("ket-qua/summary.parquet",)),
    "results-parquet-long-string-explain": (1, "parquet-too-much-text", ("ket-qua/summary.parquet",)),
    # (Its footer's 30 million rows against the 3,849 its about table records, before the cells
    # are counted, since session 38: results_checks.parquet_rows_refused.)
    "results-parquet-row-bomb-report": (1, "results-damaged", ("ket-qua/rows.parquet",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "ods-two-billion-spaces": ("out.xlsx",),
    "ods-cells-of-30000-spaces": ("out.xlsx",),
    "results-parquet-long-string-report": ("bao-cao.html",),
    "results-parquet-long-string-previous": ("out.xlsx",),
    "results-parquet-row-bomb-report": ("bao-cao.html",),
    "parquet-one-long-string": ("out.xlsx",),
    "parquet-dictionary-of-a-long-string": ("out.xlsx",),
    "parquet-row-group-a-row": ("out.xlsx",),
}
