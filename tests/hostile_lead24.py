"""Hostile cases of the twenty-fourth session's lead: pari's own results read back, whole or damaged.

A run of the example whose item ids are 30,000 digits (tests/hostile_lead23.py) writes a results
workbook of 720 KB whose findings sheet inflates 124 times (from 137 KB to 17 MB): the ids repeat
down a column. ``pari report`` and ``--previous`` refused that workbook as a zip bomb
(``xlsx-compression-ratio``), since any part over 1 MiB that inflated more than 100 times was
refused. The parts that inflate more than the ratio now share an allowance of 32 MiB
(``intake.xlsx.limits.RATIO_ALLOWANCE_BYTES``) before the workbook is refused: a bomb's cost is
the bytes it inflates to.

And a results folder whose findings table has a damaged page (four bytes overwritten where polars
reads a page's lengths): polars panicked decoding it, and ``pari report`` ended as pari's own
error (exit 70, "not your file") after a Rust backtrace in English. It is ``results-damaged`` now.
A Parquet input damaged so was refused (``not-parquet``) after the same backtrace; the panic's
words are now kept off the console, as they were for workbooks. A criteria table showing one
item's explanation in another's place (a damaged dictionary page) was explained with it, exit 0:
the values digest leaves the free texts out. A Parquet results folder now records its files'
SHA-256 in its about table.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_lead24.py checks what each answers.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from hostile_lead23 import findings_quoting_long_ids
from hostile_sweep8 import _examples, _score

Case = Callable[[Path], list[str]]


def _own_long_id_results(folder: Path) -> Path:
    """pari's own results workbook of the long-id case, written by a real ``pari score``."""
    args = findings_quoting_long_ids(folder)
    out = args.index("-o")
    args[out + 1 : out + 2] = [str(folder / "ket-qua.xlsx")]
    args = [arg for arg in args if arg not in ("--format", "csv")]
    done = subprocess.run([sys.executable, "-m", "pari_index.cli", *args], cwd=folder, capture_output=True, check=False)
    assert done.returncode == 1 and (folder / "ket-qua.xlsx").is_file(), done.stderr[-2000:]
    return folder / "ket-qua.xlsx"


def report_of_own_long_id_results(folder: Path) -> list[str]:
    """``pari report`` on pari's own workbook of 30,000-digit ids: refused as a zip bomb before."""
    return ["report", str(_own_long_id_results(folder)), "-o", str(folder / "bao-cao.html")]


def previous_of_own_long_id_results(folder: Path) -> list[str]:
    """The same workbook as ``--previous`` of the long-id run again."""
    results = _own_long_id_results(folder)
    return _score(folder, "--previous", str(results), out="nam-nay.xlsx")


def _panicking_damage(data: bytes) -> bytes:
    """``data`` with four bytes overwritten at the first place that makes polars panic decoding it
    (a page's lengths read from the damaged bytes): how 2 of 200 damaged results folders of a
    byte-mutation campaign ended ``pari report`` as pari's own error (exit 70)."""
    import io

    import polars as pl

    from pari_index.system.library_panics import panic_words_held

    for at in range(4, len(data) - 8, 7):
        damaged = data[:at] + b"\xff\xff\xff\x7f" + data[at + 4 :]
        try:
            with panic_words_held():  # the search's own panics kept off the console
                pl.read_parquet(io.BytesIO(damaged))
        except pl.exceptions.PanicException:
            return damaged
        except Exception:
            continue
    raise AssertionError("no damage made polars panic")


def _parquet_results(folder: Path) -> Path:
    """The example's results as a Parquet folder ``ket-qua``, written by a real ``pari score``."""
    _examples(folder)
    args = ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv"]
    args += ["-o", "ket-qua", "--format", "parquet", "-q"]
    done = subprocess.run([sys.executable, "-m", "pari_index.cli", *args], cwd=folder, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return folder / "ket-qua"


def report_of_damaged_results_page(folder: Path) -> list[str]:
    """``pari report`` on a results folder whose findings table has a damaged page."""
    _parquet_results(folder)
    table = folder / "ket-qua" / "findings.parquet"
    table.write_bytes(_panicking_damage(table.read_bytes()))
    return ["report", str(folder / "ket-qua"), "-o", str(folder / "bao-cao.html")]


def score_of_damaged_parquet_input(folder: Path) -> list[str]:
    """The example's assessments as Parquet, a page damaged so that polars panics: the file was
    refused, but the panic's Rust backtrace reached the console in English first."""
    import polars as pl

    _examples(folder)
    path = folder / "tu-danh-gia.parquet"
    pl.read_csv(folder / "assessments_long.csv", infer_schema=False).write_parquet(path)
    path.write_bytes(_panicking_damage(path.read_bytes()))
    return _score(folder, assessments=path)


def explain_of_swapped_explanation(folder: Path) -> list[str]:
    """A results folder whose criteria table shows one item's explanation in another's place (what
    a damaged dictionary page of criteria.parquet did in the byte-damage campaign): the values
    digest leaves free texts out, and ``pari explain`` printed the wrong explanation, exit 0."""
    import polars as pl

    _parquet_results(folder)
    table = folder / "ket-qua" / "criteria.parquet"
    criteria = pl.read_parquet(table)
    first = criteria["explanation"][0]
    other = criteria.filter(pl.col("explanation") != first)["explanation"][0]
    swapped = pl.when(pl.int_range(pl.len()) == 0).then(pl.lit(other)).otherwise(pl.col("explanation"))
    criteria.with_columns(swapped.alias("explanation")).write_parquet(table)
    return ["explain", "--results", str(folder / "ket-qua"), str(criteria["commune_code"][0])]


CASES: dict[str, Case] = {
    "explain-of-swapped-explanation": explain_of_swapped_explanation,
    "score-of-damaged-parquet-input": score_of_damaged_parquet_input,
    "report-of-damaged-results-page": report_of_damaged_results_page,
    "report-of-own-long-id-results": report_of_own_long_id_results,
    "previous-of-own-long-id-results": previous_of_own_long_id_results,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "explain-of-swapped-explanation": (1, "results-damaged", ()),
    "score-of-damaged-parquet-input": (1, "not-parquet", ("tu-danh-gia.parquet",)),
    "report-of-damaged-results-page": (1, "results-damaged", ("ket-qua/findings.parquet",)),
    "report-of-own-long-id-results": (0, None, ("ket-qua.xlsx",)),
    "previous-of-own-long-id-results": (1, "unknown-criterion", ("ket-qua.xlsx",)),
}
