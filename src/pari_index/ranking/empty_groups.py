"""Units whose register leaves empty a column they are ranked within.

A register whose district (or province, or any ``--group-by`` column) is left empty in a few rows
ranked those units together as one group of their own (docs/ranking.md, "Group keys"): three
communes of three districts ranked 1, 2 and 3 "of 3", published as such, without a word. The
grouping stays as documented (a register may mean it), but the run now says it: one warning per
grouping column (``group-value-empty``), located at the register's column, naming how many ranked
units have it empty and the first of their codes. Without a register every unit is in one group,
which ``no-register`` says already. A register without the column at all (a minimal register
under a set ranking within districts) is told once as such (``group-column-absent``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.errors import Problem, quoted
from pari_index.intake.findings import problems_to_findings
from pari_index.intake.register import register_heading

if TYPE_CHECKING:
    from pari_index.scoring.run import ScoreResult

#: Codes named in a message at most.
SHOWN_CODES = 5


def empty_group_problems(
    totals: pl.DataFrame,
    path: Sequence[str],
    register: str | None,
    absent: Sequence[str] = (),
    headings: Mapping[str, str] | None = None,
) -> list[Problem]:
    """A warning per column of ``path`` that some ranked units of ``totals`` leave empty (the
    module says why), located at the register's column (``register``: its file), by its heading
    in the file (``headings``: Register.headings); a column the register has no heading for
    (``absent``) is told as such, once."""
    ranked = pl.col("ranked").fill_null(True) if "ranked" in totals.columns else pl.lit(True)
    problems = []
    for column in path:
        if column not in totals.columns:
            continue
        value = pl.col(column).cast(pl.String).str.strip_chars()
        codes = totals.select(pl.col(COMMUNE).filter(ranked & (value.is_null() | (value == ""))))[COMMUNE]
        if codes.len() == 0:
            continue
        if column in absent:
            problems.append(_column_absent(column, codes.len(), register))
            continue
        heading = register_heading(column, headings)  # as the register heads it: «Huyện», not district
        shown = ", ".join(codes.head(SHOWN_CODES).to_list()) + (", …" if codes.len() > SHOWN_CODES else "")
        problems.append(
            Problem(
                "group-value-empty",
                f"{codes.len()} ranked units have no {quoted(heading)} in the register ({shown}): they are ranked "
                "together as one group of their own",
                file=register,
                field=heading,
                hint="fill in the column for these units in the register, or mark them ranked: no",
                severity="warning",
                params={"column": quoted(heading), "count": codes.len(), "codes": shown},
            )
        )
    return problems


def _column_absent(column: str, count: int, register: str | None) -> Problem:
    """The register has no column ``column`` at all: a set ranking within districts ranked every
    unit of a register without districts in one group, told only unit by unit as if each had left
    its district empty ("36 ranked units have no «district»"), which the file never asked of them.
    The sentence names the column as --group-by takes it in the output's language (``group_column``:
    «huyện» in Vietnamese; «district» there until session 39)."""
    run_name, column = column, register_heading(column)  # shown as the register would head it
    return Problem(
        "group-column-absent",
        f"the register has no column {quoted(column)}, which the ranking is within: all {count} ranked units were "
        "ranked as one group",
        file=register,
        field=column,
        hint="add the column to the register with each unit's value, or choose the groups with --group-by "
        "(--group-by province: the province as one group)",
        severity="warning",
        params={"column": quoted(column), "group_column": run_name, "count": count},
    )


def note_empty_groups(result: ScoreResult, group_by: str | Sequence[str] | None) -> None:
    """The warnings of :func:`empty_group_problems` for the groups ``result`` is ranked in, added
    to ``result.findings``; none without a register."""
    from pari_index.ranking.groups import group_path
    from pari_index.scoring.completeness import replace_findings

    if result.register.source is None:
        return
    path = group_path(result.totals, group_by or result.criteria.ranking.within)
    register = result.register
    problems = empty_group_problems(result.totals, path, register.source, register.absent, register.headings)
    # In place of an earlier ranking's (pari.rank twice, or by other groups): said once.
    found = problems_to_findings(problems, "warning") if problems else None
    replace_findings(result, pl.col("kind").is_in(["group-value-empty", "group-column-absent"]), found)


__all__ = ["empty_group_problems", "note_empty_groups"]
