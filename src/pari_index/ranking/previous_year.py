"""Whether the results given as last year's (``--previous``) are of an earlier year.

The year-over-year columns and the report's "since last year" compare a run with the results it is
given. Results of the very year scored (this year's own earlier run, given by mistake or to see
what the appraisal changed) made every change a change "since last year" without a word; results
of a later year (the two files swapped) made every change backwards. Now the first is said
(``previous-same-year``, a warning: the comparison is kept, as a comparison with that run) and the
second refused before anything is written (``previous-later-year``, exit 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from pari_index.errors import Problem, UsageError
from pari_index.intake.findings import problems_to_findings

if TYPE_CHECKING:
    from pari_index.scoring.run import ScoreResult


def _year(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() and len(text) == 4 else None


def note_previous_year(result: ScoreResult, previous_year: str | None, previous: str | Path) -> None:
    """Raise UsageError when ``previous`` (results whose about table gives ``previous_year``) is
    of a year after the one ``result`` scores; add a warning to ``result.findings`` when it is of
    the same year. Results without a year (or a run without one) are compared as they are."""
    then, now = _year(previous_year), result.year
    if then is None or now is None or then < now:
        return
    params = {"option": "--previous", "path": str(previous), "previous_year": str(then), "year": str(now)}
    if then > now:
        raise UsageError(
            Problem(
                "previous-later-year",
                f"--previous {previous} holds the results of {then}, after the year scored ({now}): every change "
                "would be told backwards",
                file=str(previous),
                hint="give the results of an earlier year with --previous (were the two files swapped?)",
                params=params,
            )
        )
    found = Problem(
        "previous-same-year",
        f"--previous {previous} holds results of {then}, the year scored: the changes are against that run, not "
        "last year's",
        file=str(previous),
        hint="give last year's results with --previous, unless this comparison with an earlier run is meant",
        severity="warning",
        params=params,
    )
    result.findings = pl.concat([result.findings, problems_to_findings([found], "warning")], how="diagonal_relaxed")


__all__ = ["note_previous_year"]
