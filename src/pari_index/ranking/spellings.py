"""One group for one name however its letters' case and spaces are written.

A register put together from each district's own list writes a district "Huyện Ba Vì" in most rows
and "huyện Ba Vì" or "HUYỆN BA VÌ" in a few. Grouped by the text as written, each spelling was a
group of its own: a commune written the odd way ranked first of one, and its district's ranking
lacked it, without a word. A group level keyed by its name (a register with a ``district_code``
is keyed by the code) now takes, for each name, the spelling most of its units have (the first
seen among equals) within the levels above it (a district's within its province: session 37), and
the run says which spellings were taken as one (``group-spellings``).
Characters nothing shows (a zero-width space, a bidi mark pasted from a web page) and letters of
another alphabet drawn as Latin ones (Cyrillic «Н» for «H», «Ð» U+00D0 for «Đ») are left out of the
comparison too (:func:`pari_index.intake.tones.alike_letters`; until session 34 each such name was a
group of its own), and the message writes such a letter ``<U+041D>``.
Names that differ in their letters or accents stay apart: "Ba Vì" and "Ba Vi" may be two places;
a tone mark on either vowel of "oa", "oe" or "uy" ("Thủy", "Thuỷ") is one accent written two ways,
and i or y after one consonant ("Kỳ", "Kì"; "Mỹ", "Mĩ") one vowel.

A type word shortened as registers shorten it ("TP. Hà Nội" for "Thành phố Hà Nội", "Q. Ba Đình",
"H. Ba Vì", "TX. Sơn Tây") is the same word too: a register listing five units under "TP. Hà Nội"
ranked them first to fifth of a province of five, without a word (session 21). A name written
without its type word ("Hà Nội") stays apart: "Thị xã Kỳ Anh" and "Huyện Kỳ Anh" were two units.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import polars as pl

from pari_index.errors import Problem, quoted
from pari_index.intake.findings import problems_to_findings
from pari_index.intake.register import register_heading
from pari_index.intake.tones import SHORT_TYPE_WORDS, alike_name, shown_alike

if TYPE_CHECKING:
    from pari_index.scoring.run import ScoreResult

#: Spellings listed in a message at most (the most common first).
SHOWN_SPELLINGS = 5


def by_name(totals: pl.DataFrame, path: Sequence[str]) -> list[str]:
    """The levels of ``path`` keyed by their name (no ``COLUMN_code`` column gives a code)."""
    return [c for c in path if c in totals.columns and f"{c}_code" not in totals.columns]


def _within(totals: pl.DataFrame, path: Sequence[str], column: str) -> list[pl.Expr]:
    """The keys of the levels above ``column`` in ``path`` (``_p0``, ``_p1`` …): a level's code where
    the register gives one, else its name as compared (:func:`alike_name`)."""
    above = [c for c in path[: list(path).index(column)] if c in totals.columns]
    keys = []
    for i, level in enumerate(above):
        code = f"{level}_code"
        name = alike_name(pl.col(level).cast(pl.String))
        keys.append(
            (pl.coalesce(pl.col(code).cast(pl.String), name) if code in totals.columns else name).alias(f"_p{i}")
        )
    return keys


def _spellings(totals: pl.DataFrame, column: str, within: Sequence[pl.Expr] = ()) -> pl.DataFrame:
    """Each spelling of ``column`` that shares its name with another within the same levels above
    it (``within``, keyed ``_p0`` …: «Quận 1» of one province and «Quận 01» of another are two
    districts, each written its own way; until session 37 one was shown in the other's spelling),
    with ``_a`` the name as compared, ``_n`` as written, ``len`` its units, the most common of each
    name first; empty when every name is written one way."""
    written = totals.select(*within, pl.col(column).cast(pl.String).alias("_n")).drop_nulls("_n")
    keys = [*(f"_p{i}" for i in range(len(within))), "_a"]
    counts = (
        written.with_columns(alike_name(pl.col("_n")).alias("_a")).group_by([*keys, "_n"], maintain_order=True).len()
    )
    shared = counts.filter(pl.len().over(keys) > 1)
    # Most units first; among equals, the first seen (group_by kept the order of first sight).
    ordered = shared.with_row_index("_seen").sort(
        [*keys, "len", "_seen"], descending=[*(False for _ in keys), True, False]
    )
    return ordered.drop("_seen")


def one_spelling(totals: pl.DataFrame, path: Sequence[str]) -> pl.DataFrame:
    """``totals`` with each name-keyed level of ``path`` written in one spelling per name within
    the levels above it (the module says which)."""
    for column in by_name(totals, path):
        within = _within(totals, path, column)
        shared = _spellings(totals, column, within)
        if shared.height == 0:
            continue
        keys = [*(f"_p{i}" for i in range(len(within))), "_a"]
        chosen = shared.group_by(keys, maintain_order=True).first().rename({"_n": "_chosen"}).drop("len")
        mapping = shared.join(chosen, on=keys, nulls_equal=True).select(*keys[:-1], "_n", "_chosen")
        frame = totals.select(*within, pl.col(column).cast(pl.String).alias("_n"))
        spelt = frame.join(mapping, on=[*keys[:-1], "_n"], how="left", nulls_equal=True, maintain_order="left")
        as_written = pl.col(column).cast(pl.String)
        totals = totals.with_columns(spelt["_chosen"].alias("_spelt"))
        totals = totals.with_columns(pl.coalesce("_spelt", as_written).alias(column)).drop("_spelt")
    return totals


def spelling_problems(
    totals: pl.DataFrame, path: Sequence[str], register: str | None, headings: Mapping[str, str] | None = None
) -> list[Problem]:
    """A warning per name written in more than one spelling in a name-keyed level of ``path``,
    located at the register's column (``register``: its file), by its heading in the file
    (``headings``: Register.headings)."""
    problems = []
    for column in by_name(totals, path):
        heading = register_heading(column, headings)
        within = _within(totals, path, column)
        shared = _spellings(totals, column, within)
        for _, group in shared.group_by([*(f"_p{i}" for i in range(len(within))), "_a"], maintain_order=True):
            listed = [f"{quoted(shown_alike(name))} ({units})" for name, units in group.select("_n", "len").iter_rows()]
            spellings = ", ".join(listed[:SHOWN_SPELLINGS]) + (", …" if len(listed) > SHOWN_SPELLINGS else "")
            chosen = quoted(shown_alike(group["_n"][0]))
            problems.append(
                Problem(
                    "group-spellings",
                    f"the {quoted(heading)} column writes one name {group.height} ways, differing only in letter "
                    f"case, spaces, the place of a tone mark (Hòa/Hoà, Thủy/Thuỷ), i or y (Kỳ/Kì), a shortened "
                    f"type word (TP., Q., H.), characters nothing shows or letters of another alphabet drawn as "
                    f"Latin ones (<U+...>): {spellings}; they are ranked as one group, {chosen}",
                    file=register,
                    field=heading,
                    hint="write the name the same way in every row of the register",
                    severity="warning",
                    params={"column": quoted(heading), "count": group.height, "spellings": spellings, "chosen": chosen},
                )
            )
    return problems


def note_spellings(result: ScoreResult, group_by: str | Sequence[str] | None) -> None:
    """The warnings of :func:`spelling_problems` for the groups ``result`` is ranked in, added to
    ``result.findings`` (so that the results and the report carry them), as ``pari score`` and
    ``pari_index.rank`` rank it."""
    from pari_index.ranking.groups import group_path
    from pari_index.scoring.completeness import replace_findings

    path = group_path(result.totals, group_by or result.criteria.ranking.within)
    problems = spelling_problems(result.totals, path, result.register.source, result.register.headings)
    # In place of an earlier ranking's (pari.rank twice, or by other groups): said once.
    found = problems_to_findings(problems, "warning") if problems else None
    replace_findings(result, pl.col("kind") == "group-spellings", found)


__all__ = ["SHORT_TYPE_WORDS", "alike_name", "by_name", "note_spellings", "one_spelling", "spelling_problems"]
