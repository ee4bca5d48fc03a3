"""Whether the results given as last year's (``--previous``) are of an earlier year.

The year-over-year columns and the report's "since last year" compare a run with the results it is
given. Results of the very year scored (this year's own earlier run, given by mistake or to see
what the appraisal changed) made every change a change "since last year" without a word; results
of a later year (the two files swapped) made every change backwards. Now the first is said
(``previous-same-year``, a warning: the comparison is kept, as a comparison with that run) and the
second refused before anything is written (``previous-later-year``, exit 2).

Last year's units that no unit of this run takes up were left out without a word: results of the
province before the 2025 merger given without ``--lineage`` (every code new), or a slice of
another province, matched nothing, and every unit's change was only "not in last year's results".
Now a warning names how many of last year's units are compared with nothing and the first of their
codes (``previous-units-unmatched``), matched as the comparison matches them (a unit by its own
code, or by the old codes the lineage table gives it).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.errors import Problem, UsageError
from pari_index.intake.findings import problems_to_findings
from pari_index.messages.labels import PARAM_WORDS
from pari_index.scoring.completeness import replace_findings

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
    # The library may rank one result again (pari.rank twice): the warning of an earlier ranking
    # against the same file goes, so that it is said once (it was added at each call); another
    # file's stays, as previous-compares-nothing's does (each file told once).
    earlier = (pl.col("kind") == "previous-same-year") & (pl.col("file") == str(previous))
    if then is None or now is None or then < now:
        replace_findings(result, earlier, None)
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
    replace_findings(result, earlier, problems_to_findings([found], "warning"))


def note_previous_cut(result: ScoreResult, previous: str | Path, missing: int) -> None:
    """A warning when last year's results are pari's and ``missing`` of their tables were deleted
    (outputs.results_checks.tables_cut): read with ``read_results(whole=False)`` they are compared
    from their summary as it stands, which nothing left can check (a summary kept alone has no
    about table to give its year or its count of rows). Refused outright in session 33, which
    left last year's ranking passed on as its summary sheet unusable; compared without a word
    before that."""
    if not missing:
        return
    found = Problem(
        "previous-summary-alone",
        f"--previous {previous} lacks {missing} of the tables pari score always writes: the summary left could "
        "not be checked against the run that wrote it (its rows, its year); the changes since last year are worked "
        "out from it as it stands",
        file=str(previous),
        hint="give last year's whole results file if you have it; if not, check that its summary was not edited or cut",
        severity="warning",
        params={"path": str(previous), "count": missing},
    )
    replace_findings(
        result,
        (pl.col("kind") == "previous-summary-alone") & (pl.col("file") == str(previous)),
        problems_to_findings([found], "warning"),
    )


def note_previous_open(result: ScoreResult, files: list[str], opened: list[Problem]) -> None:
    """The warnings of last year's results (``files``: what is read of them) open in Excel or
    LibreOffice (outputs.paths.open_inputs): compared as last saved. Until session 35 said of the
    tables a run scores, not of these. Ranked again, the result keeps only this time's."""
    replace_findings(
        result,
        (pl.col("kind") == "input-open-in-office") & pl.col("file").is_in(files),
        problems_to_findings(opened, "warning") if opened else None,
    )


def forget_ranked_against(result: ScoreResult, files: tuple[str, ...]) -> None:
    """Drop the findings of the files an earlier ``pari.rank`` of ``result`` was against (last
    year's results, a folder's tables, a lineage table), then remember ``files``, this ranking's.
    Until session 38's review a result ranked against last year's results, then ranked again
    against none or against other results, kept the first file's previous-same-year or
    previous-compares-nothing (the run counted INCOMPLETE for it), and wrote them with a ranking
    that compared nothing with that file."""
    earlier = pl.lit(False)
    for file in result.ranked_against:
        earlier = earlier | (pl.col("file") == file) | pl.col("file").str.starts_with(file.rstrip(os.sep) + os.sep)
    if result.ranked_against:
        replace_findings(result, earlier, None)
    result.ranked_against = files


#: Codes named in a message at most.
SHOWN_CODES = 5


def _taken_up(codes: pl.Series, lineage: pl.DataFrame | None) -> pl.Series:
    """Last year's codes this year's ``codes`` are compared with (changes._link_to_old_codes): a
    unit's own code, or the old codes of its lineage rows when it has any."""
    if lineage is None or not lineage.height:
        return codes
    links = lineage.select(pl.col("old_code").cast(pl.String), pl.col("new_code").cast(pl.String))
    linked = links.filter(pl.col("new_code").is_in(codes.implode()))
    own = codes.filter(~codes.is_in(links["new_code"].implode()))
    return pl.concat([own, linked["old_code"]])


def unmatched_problems(
    codes: pl.Series, previous: dict[str, pl.DataFrame], lineage: pl.DataFrame | None, path: str, whole: bool = True
) -> list[Problem]:
    """A warning when units of last year's results (``previous``, as ``read_results`` gives them)
    are compared with no unit of this run (``codes``), through ``lineage`` when given; when none
    of them is (and ``whole``), the error ``previous-compares-nothing`` in its place: every unit's
    change would be "not in last year's results" under a run that said it was complete. ``whole``
    is False where that is said already (a lineage table that links nothing)."""
    from pari_index.ranking.changes import previous_summary

    last_year = previous_summary(previous)["_p_code"].drop_nulls()
    left = last_year.filter(~last_year.is_in(_taken_up(codes.cast(pl.String), lineage).implode()))
    if left.len() == 0:
        return []
    shown = ", ".join(left.head(SHOWN_CODES).to_list()) + (", …" if left.len() > SHOWN_CODES else "")
    how = "codes" if lineage is None else "lineage"
    agreeing = how + ("_one" if left.len() == 1 else "")  # «1 of the 2 units … is»
    params = {
        "count": left.len(),
        "total": last_year.len(),
        "codes": shown,
        "taken_up": how,
        "not_taken_up": agreeing,
        "previous_hint": how,
    }
    hint = PARAM_WORDS["previous_hint"][how].en
    if whole and left.len() == last_year.len():
        return [
            Problem(
                "previous-compares-nothing",
                f"none of the {last_year.len()} units of last year's results {PARAM_WORDS['taken_up'][how].en} "
                f"({shown}): no unit's change since last year could be worked out",
                file=path,
                hint=hint,
                params=params,
            )
        ]
    return [
        Problem(
            "previous-units-unmatched",
            f"{left.len()} of the {last_year.len()} units of last year's results "
            f"{PARAM_WORDS['not_taken_up'][agreeing].en} ({shown}): not compared with any unit of this year",
            file=path,
            hint=hint,
            severity="warning",
            params=params,
        )
    ]


#: The kinds :func:`note_previous_unmatched` adds.
_UNMATCHED = ("previous-units-unmatched", "previous-compares-nothing")


def note_previous_unmatched(
    result: ScoreResult,
    previous: str | Path,
    tables: dict[str, pl.DataFrame],
    lineage: pl.DataFrame | None,
    lineage_path: str | Path | None = None,
) -> None:
    """The finding of :func:`unmatched_problems` for ``result`` ranked against ``tables`` (read from
    ``previous``), added to ``result.findings`` in place of an earlier ranking's (the library may
    rank a result twice). Results that compare nothing are a part of the inputs not used: the run
    is incomplete (counted once). ``lineage_path``: the file ``lineage`` was read from, whose
    ``lineage-links-nothing`` says it already; another ranking's (a lineage left out since)
    silenced it until session 33's review."""
    said = (pl.col("kind") == "lineage-links-nothing") & (pl.col("file") == str(lineage_path))
    whole = lineage_path is None or result.findings.filter(said.fill_null(False)).is_empty()
    problems = unmatched_problems(result.totals[COMMUNE], tables, lineage, str(previous), whole)
    earlier = pl.col("kind").is_in(_UNMATCHED) & (pl.col("file") == str(previous))
    replace_findings(result, earlier, problems_to_findings(problems))  # each Problem's own severity


__all__ = ["note_previous_cut", "note_previous_unmatched", "note_previous_year", "unmatched_problems"]
