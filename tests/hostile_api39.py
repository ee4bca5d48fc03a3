"""Hostile cases of the thirty-ninth session's helper api39: a library caller's mistakes that the
facade (``import pari_index as pari``) took without a word. Each was run on a6bdad8 (before) and
after the fix, on the example province (36 communes):

- ``pari.rank(result, lineage=TABLE)`` without ``previous=`` read the table, added its warnings to
  ``result.findings`` and ranked as if it was not given; ``pari score --lineage`` without
  ``--previous`` is refused (UsageError ``lineage-without-previous``, exit 2). Now the same
  UsageError, in the library's words (``lineage= is used only with previous=``), before anything
  is read.
- A ``ranked`` frame whose ``rank`` or ``class`` was edited (every unit first; ``rank`` cast to
  text), or an earlier ranking of the result (ranked again by province since), was written by
  ``pari.write_results`` / ``pari.write_report`` as given, beside the latest ranking's findings.
  Now a ValueError naming the columns that differ from what ``pari.rank(result)`` gave last.

``CASES`` maps a case to the call (given a freshly scored and ranked example and a folder) and
``EXPECTED`` to the error it must raise and the words its message must hold
(tests/test_hostile_api39.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

import pari_index as pari

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "examples" / "hai-phong-2022"
CRITERIA = ROOT / "criteria" / "hai-phong-2022-commune.yaml"

#: A case: the call, given the scored example, its ranking (pari.rank) and a folder of its own.
Case = Callable[[pari.ScoreResult, pl.DataFrame, Path], Any]


def _lineage(folder: Path) -> Path:
    """A lineage table linking two codes of the example to themselves."""
    table = folder / "lineage.csv"
    table.write_text("old_code,new_code\n00001,00001\n00002,00002\n", encoding="utf-8")
    return table


def _ranked_by_district_then_written(result: pari.ScoreResult, ranked: pl.DataFrame, folder: Path) -> Any:
    pari.rank(result, group_by="province")  # the set ranks within districts
    return pari.write_results(folder / "kq", result, ranked, fmt="csv")


CASES: dict[str, Case] = {
    "rank-lineage-without-previous": lambda r, _k, f: pari.rank(r, lineage=_lineage(f)),
    "write-results-rank-edited": lambda r, k, f: pari.write_results(
        f / "kq.xlsx", r, k.with_columns(pl.lit(1, dtype=k.schema["rank"]).alias("rank"))
    ),
    "write-results-rank-as-text": lambda r, k, f: pari.write_results(
        f / "kq", r, k.with_columns(pl.col("rank").cast(pl.String)), fmt="csv"
    ),
    "write-report-class-edited": lambda r, k, f: pari.write_report(
        f / "bc.html", r, k.with_columns(pl.lit("Tốt").alias("class"))
    ),
    "write-results-an-earlier-ranking": _ranked_by_district_then_written,
    "write-results-rank-column-dropped": lambda r, k, f: pari.write_results(
        f / "kq", r, k.drop([c for c in k.columns if c.startswith("rank_area_")][:1]), fmt="csv"
    ),
}

_EDITED = "differ from what pari.rank(result) gave last (edited, or an earlier ranking)"

#: Each case's error and the words its message holds.
EXPECTED: dict[str, tuple[type[Exception], str]] = {
    "rank-lineage-without-previous": (
        pari.PariError,
        "lineage= is used only with previous=: it links this year's codes to last year's results",
    ),
    "write-results-rank-edited": (ValueError, "pari.write_results: ranked is not pari.rank(result) of this result: "),
    "write-results-rank-as-text": (ValueError, "its 'rank' " + _EDITED),
    "write-report-class-edited": (ValueError, "pari.write_report: ranked is not pari.rank(result) of this result: "),
    "write-results-an-earlier-ranking": (ValueError, _EDITED),
    "write-results-rank-column-dropped": (ValueError, "it has no column 'rank_area_"),
}


def score_example() -> pari.ScoreResult:
    """The example province scored through the facade, as README's library example does."""
    return pari.score(
        [DATA / "assessments_long.csv"],
        pari.load_criteria(CRITERIA),
        communes=DATA / "communes.csv",
        survey=[DATA / "survey.csv"],
    )
