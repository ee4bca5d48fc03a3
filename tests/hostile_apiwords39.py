"""Session 39, apiwords: one call of the facade for each kind of its own errors
(pari_index.messages.library_errors), each a caller's mistake, and the exception type it raises.
On 8d75eac every one was English only, whatever language the caller wanted (no setting existed);
tests/test_hostile_apiwords39.py walks them in both languages of pari.set_errors_lang."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
from hostile_api38 import CRITERIA, DATA

import pari_index as pari
from pari_index.criteria.compiling import COMMUNE

#: A case: the result (scored once), its ranking and an empty folder -> the call that must raise.
Case = Callable[[pari.ScoreResult, pl.DataFrame, Path], Any]


def _with_totals(result: pari.ScoreResult, totals: Any) -> pari.ScoreResult:
    """A copy of ``result`` whose totals were edited after scoring (the result itself stays whole)."""
    edited = copy.copy(result)
    edited.totals = totals
    return edited


def _other_code(ranked: pl.DataFrame) -> pl.DataFrame:
    first = ranked[COMMUNE][0]
    return ranked.with_columns(
        pl.when(pl.col(COMMUNE) == first).then(pl.lit("99999")).otherwise(pl.col(COMMUNE)).alias(COMMUNE)
    )


def _leaves_of_another_set(result: pari.ScoreResult) -> list[Any]:
    return [dataclasses.replace(leaf, max=leaf.max * 2) if leaf.id == "1.1.1" else leaf for leaf in result.leaves]


def _read() -> pari.InputsRead:
    return pari.read_intake(
        [DATA / "assessments_long.csv"], CRITERIA, communes=DATA / "communes.csv", survey=[DATA / "survey.csv"]
    )


def _scored_twice() -> Any:
    inputs = _read()
    pari.score(inputs)
    return pari.score(inputs)


_FRAME = pl.DataFrame({"index": [12345]})

#: kind -> (exception type, the call).
CASES: dict[str, tuple[type[Exception], Case]] = {
    "library-call": (TypeError, lambda r, _k, _f: pari.rank(r, "province")),
    "library-empty-name": (ValueError, lambda _r, _k, _f: pari.load_criteria("")),
    "library-blank-name": (ValueError, lambda _r, _k, _f: pari.load_criteria("  ")),
    "library-not-path-list": (TypeError, lambda r, _k, _f: pari.score([1], r.criteria)),
    "library-not-path": (TypeError, lambda r, k, _f: pari.write_results(1, r, k)),
    "library-not-progress": (TypeError, lambda r, _k, f: pari.score([f / "a.csv"], r.criteria, progress="x")),
    "library-not-criteria": (TypeError, lambda _r, _k, f: pari.score([f / "a.csv"], 5)),
    "library-bad-lang": (ValueError, lambda r, _k, _f: pari.findings(r, lang="fr")),
    "library-bad-fmt": (ValueError, lambda r, k, f: pari.write_results(f / "kq", r, k, fmt="docx")),
    "library-not-whole": (TypeError, lambda r, _k, f: pari.score([f / "a.csv"], r.criteria, year="2022")),
    "library-batch-below-one": (ValueError, lambda r, _k, f: pari.score([f / "a.csv"], r.criteria, batch_size=0)),
    "library-year-out-of-range": (ValueError, lambda r, _k, f: pari.score([f / "a.csv"], r.criteria, year=1800)),
    "library-not-result": (TypeError, lambda _r, _k, _f: pari.rank("result")),
    "library-not-ranked": (TypeError, lambda r, _k, f: pari.write_results(f / "kq.xlsx", r, "ranked")),
    "library-not-group-by": (TypeError, lambda r, _k, _f: pari.rank(r, group_by=5)),
    "library-empty-group-by": (ValueError, lambda r, _k, _f: pari.rank(r, group_by="")),
    "library-not-date": (TypeError, lambda r, k, f: pari.write_report(f / "bc.html", r, k, date=20221231)),
    "library-not-flag": (TypeError, lambda _r, _k, f: pari.read_results(f / "kq.xlsx", whole="no")),
    "library-totals-not-frame": (TypeError, lambda r, _k, _f: pari.rank(_with_totals(r, "totals"))),
    "library-totals-missing": (ValueError, lambda r, _k, _f: pari.rank(_with_totals(r, r.totals.drop("index")))),
    "library-totals-not-units": (
        ValueError,
        lambda r, _k, _f: pari.rank(_with_totals(r, r.totals.with_columns(pl.col("index").cast(pl.Float64)))),
    ),
    "library-yaml-text": (ValueError, lambda _r, _k, _f: pari.load_criteria("id: x\nitems: []\n")),
    "library-read-already": (ValueError, lambda _r, _k, _f: pari.score(_read(), communes=DATA / "communes.csv")),
    "library-other-criteria": (ValueError, lambda _r, _k, _f: pari.score(_read(), pari.load_criteria())),
    "library-scored-already": (ValueError, lambda _r, _k, _f: _scored_twice()),
    "library-explain-leaves-lack": (ValueError, lambda r, _k, _f: pari.explain_text(r.details, [], "00001")),
    "library-ranked-missing-columns": (
        ValueError,
        lambda r, k, f: pari.write_results(f / "kq.xlsx", r, k.drop("rank")),
    ),
    "library-ranked-codes-not-text": (
        ValueError,
        lambda r, k, f: pari.write_results(f / "kq.xlsx", r, k.with_columns(pl.col(COMMUNE).cast(pl.Int64))),
    ),
    "library-ranked-other-count": (ValueError, lambda r, k, f: pari.write_report(f / "bc.html", r, k.head(3))),
    "library-ranked-other-units": (ValueError, lambda r, k, f: pari.write_results(f / "kq.xlsx", r, _other_code(k))),
    "library-ranked-differs": (
        ValueError,
        lambda r, k, f: pari.write_results(f / "kq.xlsx", r, k.with_columns(pl.col("index") + 1)),
    ),
    "library-ranked-edited": (
        ValueError,
        lambda r, k, f: pari.write_results(f / "kq.xlsx", r, k.with_columns(pl.col("rank").reverse())),
    ),
    "library-explain-not-details": (TypeError, lambda r, _k, _f: pari.explain_text("details", r.leaves, "00001")),
    "library-explain-details-columns": (ValueError, lambda r, _k, _f: pari.explain_text(r.totals, r.leaves, "00001")),
    "library-explain-not-leaves": (TypeError, lambda r, _k, _f: pari.explain_text(r.details, None, "00001")),
    "library-explain-codes-not-text": (TypeError, lambda r, _k, _f: pari.explain_text(r.details, r.leaves, 1)),
    "library-explain-leaves-differ": (
        ValueError,
        lambda r, _k, _f: pari.explain_text(r.details, _leaves_of_another_set(r), "00001"),
    ),
    "library-display-not-frame": (TypeError, lambda _r, _k, _f: pari.display_frame("frame")),
    "library-display-not-places": (TypeError, lambda _r, _k, _f: pari.display_frame(_FRAME, "2")),
    "library-display-places-below-zero": (ValueError, lambda _r, _k, _f: pari.display_frame(_FRAME, -1)),
}

#: What each case said on 8d75eac (its English, unchanged by the setting's default).
ENGLISH: dict[str, str] = {
    "library-call": "pari.rank: too many positional arguments (see help(pari.rank))",
    "library-empty-name": 'pari.load_criteria: path holds an empty name (""): '
    "give the file's name (an unset variable?)",
    "library-bad-lang": "pari.findings: lang is 'vi' or 'en', not 'fr'",
    "library-year-out-of-range": "pari.score: year is an assessment year of 2000-2100, not 1800",
    "library-ranked-other-count": "pari.write_report: ranked is not pari.rank(result) of this result: it ranks 3 "
    "units, this result scored 36 (give the whole ranking: a results file holds the whole run)",
    "library-scored-already": "pari.score: these inputs were scored already; read them again with pari.read_intake",
    "library-display-places-below-zero": "pari.display_frame: places is a number of decimals of at least 0, not -1",
}
