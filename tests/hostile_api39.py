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
- ``pari.explain_text`` of a code or item the details do not hold was told in the command's words
  («use a commune code of the results (pari explain CODE --results …)», «e.g. pari explain 00001
  1.1.1»), and details of no row «e.g. » with nothing after it. Now the call
  (``pari.explain_text(details, leaves, "00001", "1.1.1")``), and «codes keep their leading zeros».
- ``pari.explain_text(details, leaves, ...)`` with the leaves of another version of the set (the
  same ids; item 1.1.1 titled otherwise and worth 0.4) explained «1.1.1 Another set's item (Max
  0.20) … Method: Done by the end of 31/01/2022: 0.4 points»: that set's title and method beside
  this run's scores. Now a ValueError naming the item whose maximum, area or part differ.

- A result whose totals were edited in place: ``result.totals.drop("index")`` ranked as polars'
  ColumnNotFoundError from its engine; ``result.totals = pari.display_frame(result.totals)``
  (decimals) was ranked and written as if they were units. Now a ValueError naming the column.
- Outside the case table (tests/test_hostile_api39.py): ``pari.findings`` told «--previous PATH»,
  «give … --lineage» (now ``previous=``, ``lineage=``; the results written keep the command's
  words); ``pari.write_results("kq.csv", …)`` «-o …/kq.csv: the file must end in .xlsx» and
  ``pari.run_score`` «give a folder name with --format csv» (now ``path=``, ``fmt="csv"``); a year
  of numpy's int64 (read from a pandas frame) «year takes a whole number (int) or None, not int64».

``CASES`` maps a case to the call (given a freshly scored and ranked example and a folder) and
``EXPECTED`` to the error it must raise and the words its message must hold
(tests/test_hostile_api39.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
from hostile_api38 import score_example as score_example38

import pari_index as pari

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


def _leaves_of_another_version(result: pari.ScoreResult) -> list[Any]:
    """result.leaves with item 1.1.1 as another version of the set has it: another title, twice the points."""
    return [
        dataclasses.replace(leaf, max=leaf.max * 2, title=leaf.title.model_copy(update={"en": "Another set's item"}))
        if leaf.id == "1.1.1"
        else leaf
        for leaf in result.leaves
    ]


def _edited(result: pari.ScoreResult, totals: pl.DataFrame) -> pari.ScoreResult:
    """``result`` (each case's own copy) with its totals replaced, as an analyst may do in place."""
    result.totals = totals
    return result


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
    "rank-a-result-whose-totals-lost-index": lambda r, _k, _f: pari.rank(_edited(r, r.totals.drop("index"))),
    "write-results-of-totals-shown-as-decimals": lambda r, k, f: pari.write_results(
        f / "kq.xlsx", _edited(r, pari.display_frame(r.totals)), k
    ),
    "explain-a-code-not-scored": lambda r, _k, _f: pari.explain_text(r.details, r.leaves, "00099", lang="en"),
    "explain-an-item-not-scored": lambda r, _k, _f: pari.explain_text(r.details, r.leaves, "00001", "9.9"),
    "explain-details-of-no-row": lambda r, _k, _f: pari.explain_text(r.details.clear(), r.leaves, "00001"),
    "explain-leaves-of-another-version": lambda r, _k, _f: pari.explain_text(
        r.details, _leaves_of_another_version(r), "00001", lang="en"
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
    "rank-a-result-whose-totals-lost-index": (
        ValueError,
        "pari.rank: result is a ScoreResult whose totals have no column 'index': it was edited after pari.score",
    ),
    "write-results-of-totals-shown-as-decimals": (
        ValueError,
        "pari.write_results: result is a ScoreResult whose totals hold 'adjustment_points', 'applicable_max', "
        "'appraised_max' as Float64, not whole units of 1/10,000",
    ),
    "explain-a-code-not-scored": (
        pari.PariError,
        "hint: use a commune code of the results (pari.explain_text(details, leaves, CODE)), e.g. 00001, 00004",
    ),
    "explain-an-item-not-scored": (
        pari.PariError,
        'a criterion or an item, e.g. pari.explain_text(details, leaves, "00001", "1.1.1") (ids are text',
    ),
    "explain-details-of-no-row": (
        pari.PariError,
        "hint: use a commune code of the results (pari.explain_text(details, leaves, CODE)); codes keep their",
    ),
    "explain-leaves-of-another-version": (
        ValueError,
        "pari.explain_text: leaves are not those these details were scored with: item '1.1.1' has another maximum",
    ),
}


def score_example() -> pari.ScoreResult:
    """The example province scored through the facade as README's library example does, without
    its appraisal."""
    return score_example38(appraised=False)
