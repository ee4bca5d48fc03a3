"""The library's front door: one function per stage, in the order data flows.

    import pari_index as pari

    criteria = pari.load_criteria("criteria/hai-phong-2022-commune.yaml")
    result = pari.score(["assessments_long.csv"], criteria, communes="communes.csv", survey=["survey.csv"])
    ranked = pari.rank(result)
    pari.write_results("out/results.xlsx", result, ranked)
    pari.write_report("out/report.html", result, ranked)

Each function is a thin composition of the stage modules (loading, scoring, ranking, results,
report), so that an analyst needs one import and the CLI and the library do the same thing. The
stage modules stay importable for finer control (docs/library.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl

from pari_index.criteria.loading import load_criteria as _load
from pari_index.criteria.model import CriteriaSet
from pari_index.outputs.paths import PAGE_SUFFIXES, Target, check_paths, sources
from pari_index.outputs.results import Format, read_results, result_tables, results_target
from pari_index.outputs.results import write_results as _write_tables
from pari_index.scoring.run import ScoreResult, score


def load_criteria(path: str | Path | None = None) -> CriteriaSet:
    """A criteria set from YAML, checked line by line (the bundled default when ``path`` is None).

    Raises :class:`pari_index.errors.CriteriaError` listing every problem with its line; use
    :func:`pari_index.criteria.loading.load_criteria` to get the warnings as well."""
    return _load(path).criteria


def rank(
    result: ScoreResult,
    *,
    group_by: str | Sequence[str] | None = None,
    previous: str | Path | None = None,
    lineage: str | Path | None = None,
) -> pl.DataFrame:
    """The ranked summary of a scored run: group, rank, class, gap to the next class and, with
    ``previous`` (an earlier results file), the change since then. ``group_by`` overrides the
    set's ``ranking.within`` with a register column or a list from the top down."""
    from pari_index.ranking.ranks import rank as rank_totals
    from pari_index.ranking.ranks import read_lineage

    return rank_totals(
        result.totals,
        result.details,
        result.criteria,
        group_by=group_by,
        previous=read_results(previous) if previous is not None else None,
        lineage=read_lineage(lineage) if lineage is not None else None,
    )


def _refuse_inputs(target: Target, result: ScoreResult) -> None:
    # The same rule as `pari score`: an output may never be, contain or reach a file it read.
    read = {role: names for role, names in result.sources.items() if role != "criteria"}
    check_paths([target], sources(*read.items()))


def write_results(
    path: str | Path,
    result: ScoreResult,
    ranked: pl.DataFrame | None = None,
    *,
    fmt: Format = "xlsx",
    lang: str = "vi",
) -> list[Path]:
    """Write the results workbook (``fmt="xlsx"``) or a folder of CSV or Parquet files; returns
    the files written. The previous results at ``path`` are replaced as a whole or not at all."""
    _refuse_inputs(results_target(path, fmt), result)
    return _write_tables(path, result_tables(result, ranked, lang=lang), fmt)


def write_report(
    path: str | Path,
    result: ScoreResult,
    ranked: pl.DataFrame | None = None,
    *,
    lang: str = "vi",
    date: str | None = None,
) -> Path:
    """Write the self-contained HTML ranking report of a scored (and ranked) run."""
    from pari_index.outputs.report import write_report as render

    _refuse_inputs(Target(Path(path), "report", suffixes=PAGE_SUFFIXES), result)
    tables = result_tables(result, ranked, lang=lang)
    return render(Path(path), tables.as_dict(), lang=lang, date=date, criteria=result.criteria)


__all__ = ["load_criteria", "rank", "read_results", "score", "write_report", "write_results"]
