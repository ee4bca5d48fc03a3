"""Groups a register may have split or mixed in without meaning to, said before ranking.

- A name written without its type word beside the same name with it ("Hà Nội" beside "Thành phố
  Hà Nội", "Ba Vì" beside "Huyện Ba Vì"): two groups, each ranked from 1, without a word (session
  22). They stay two groups, since a type word left out is not guessed ("Thị xã Kỳ Anh" and
  "Huyện Kỳ Anh" were two units; ranking.spellings), but the run now says it
  (``group-type-word``), one warning per name without its type word, naming the names beside it
  and their units. Names are compared within their parent (a district within its province).

- Units whose register province is not the criteria set's province, in a register that holds
  units of the set's province too (a neighbouring province's units copied in): scored by another
  province's criteria and ranked as a group of their own, 1st and 2nd "of 2", without a word
  (session 22). Now ``province-not-the-set-s``, one warning per other province, naming its units.
  A register none of whose units is of the set's province (a set used for another province, the
  national demo) is left alone: nothing marks which province it means.

- A group of one or two ranked units in a run whose groups hold four times as many or more in the middle (a
  neighbouring district's units copied into the register, ranked within a district): ranked 1st
  and 2nd "of 2" without a word (session 22). Now ``group-few-units`` names the group and its
  units; a group of units of another province is left to ``province-not-the-set-s``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.errors import Problem, quoted
from pari_index.intake.findings import problems_to_findings
from pari_index.intake.register import register_heading
from pari_index.ranking.spellings import alike_name, by_name

if TYPE_CHECKING:
    from pari_index.criteria.model import CriteriaSet
    from pari_index.scoring.run import ScoreResult

#: A type word at the start of a name as compared (lower case, a shortened one written out).
TYPE_WORD = r"^(?:thành phố|tỉnh|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu) "
#: Names and codes listed in a message at most.
SHOWN = 5
#: A group of at most this many ranked units is said (group-few-units) when the run's groups hold
#: SIZE_RATIO times as many or more in the middle: real districts of one or two communes are a
#: handful in the country (island districts have none, or three).
FEW_UNITS = 2
SIZE_RATIO = 4


def _base(alike: pl.Expr) -> pl.Expr:
    """A name as compared without its type word (``thành phố hà nội`` is ``hà nội``)."""
    return alike.str.replace(TYPE_WORD, "")


def _listed(items: list[str]) -> str:
    return ", ".join(items[:SHOWN]) + (", …" if len(items) > SHOWN else "")


def _names(totals: pl.DataFrame, parents: list[str], column: str) -> pl.DataFrame:
    """Each name of ``column`` within its ``parents`` as compared (``_a``), its most common
    spelling (``_n``), its units (``len``) and its name without a type word (``_b``)."""
    written = totals.select(
        *(pl.col(p).cast(pl.String) for p in parents), pl.col(column).cast(pl.String).alias("_n")
    ).drop_nulls("_n")
    counts = written.with_columns(alike_name(pl.col("_n")).alias("_a")).filter(pl.col("_a") != "")
    counts = counts.group_by(*parents, "_a", "_n", maintain_order=True).len()
    names = counts.group_by(*parents, "_a", maintain_order=True).agg(
        pl.col("_n").get(pl.col("len").arg_max()), pl.col("len").sum()
    )
    return names.with_columns(_base(pl.col("_a")).alias("_b"))


def type_word_problems(
    totals: pl.DataFrame, path: Sequence[str], register: str | None, headings: Mapping[str, str] | None = None
) -> list[Problem]:
    """A warning per name of a name-keyed level of ``path`` written without its type word beside
    the same name with one, within the same parent (the module says why), at the register's column
    by its heading in the file (``headings``: Register.headings)."""
    problems = []
    keyed = by_name(totals, path)
    for at, column in enumerate(path):
        if column not in keyed:
            continue
        parents = [p for p in path[:at] if p in totals.columns]
        names = _names(totals, parents, column)
        bare = names.filter(pl.col("_b") == pl.col("_a"))
        typed = names.filter(pl.col("_b") != pl.col("_a"))
        if bare.height == 0 or typed.height == 0:
            continue
        pairs = bare.join(typed, on=[*parents, "_b"], suffix="_t", nulls_equal=True, maintain_order="left")
        for _, found in pairs.group_by(*parents, "_a", maintain_order=True):
            name, units = found["_n"][0], found["len"][0]
            beside = _listed([f"{quoted(n)} ({k})" for n, k in found.select("_n_t", "len_t").iter_rows()])
            heading = register_heading(column, headings)
            problems.append(
                Problem(
                    "group-type-word",
                    f"the {quoted(heading)} column writes {quoted(name)} ({units} units) without a type word, beside "
                    f"{beside}: they are ranked as different groups",
                    file=register,
                    field=heading,
                    hint="if they are one place, write its name the same way, with its type word, in every row of "
                    "the register; if they are different places, nothing to do",
                    severity="warning",
                    params={"column": quoted(heading), "bare": quoted(name), "units": units, "beside": beside},
                )
            )
    return problems


def other_province_problems(
    totals: pl.DataFrame, criteria: CriteriaSet, register: str | None, headings: Mapping[str, str] | None = None
) -> list[Problem]:
    """A warning per province of the register that is not the set's, when some units are of the
    set's province (the module says why), at the province's column by its heading in the file."""
    if "province" not in totals.columns or register is None:
        return []
    own = _base(alike_name(pl.lit(criteria.province)))
    province = pl.col("province").cast(pl.String)
    units = totals.select(COMMUNE, province, _base(alike_name(province)).alias("_b")).filter(pl.col("_b") != "")
    units = units.with_columns((pl.col("_b") == own).alias("_own"))
    if not units["_own"].any() or units["_own"].all():
        return []
    problems = []
    for (_,), others in units.filter(~pl.col("_own")).group_by("_b", maintain_order=True):
        name = others["province"].mode().sort()[0]
        codes = _listed(others[COMMUNE].to_list())
        problems.append(
            Problem(
                "province-not-the-set-s",
                f"{others.height} units of the register are in {quoted(name)}, not in {quoted(criteria.province)}, "
                f"the province of the criteria set ({codes}): they are scored with its criteria",
                file=register,
                field=register_heading("province", headings),
                hint="take the units of another province out of the register, or correct their province; score "
                "another province with its own criteria set",
                severity="warning",
                params={
                    "count": others.height,
                    "province": quoted(name),
                    "set_province": quoted(criteria.province),
                    "codes": codes,
                },
            )
        )
    return problems


def _other_province_codes(totals: pl.DataFrame, criteria: CriteriaSet) -> set[str]:
    """The units :func:`other_province_problems` names (none when it names none)."""
    if "province" not in totals.columns:
        return set()
    province = _base(alike_name(pl.col("province").cast(pl.String)))
    own = province == _base(alike_name(pl.lit(criteria.province)))
    named = totals.filter(province.is_not_null() & (province != ""))
    if not named.select(own.any()).item() or named.select(own.all()).item():
        return set()
    return set(named.filter(~own)[COMMUNE].to_list())


def few_unit_problems(
    totals: pl.DataFrame,
    path: Sequence[str],
    register: str | None,
    named: Collection[str] = (),
    headings: Mapping[str, str] | None = None,
) -> list[Problem]:
    """A warning per group of at most :data:`FEW_UNITS` ranked units in a run whose groups hold
    :data:`SIZE_RATIO` times as many or more in the middle (the median): most often units of another district
    or province copied into the register (session 22: ranked 1st and 2nd "of 2" without a word).
    Groups without a value (group-value-empty's) and groups whose units are all ``named`` already
    (units of another province) are left to their own warnings."""
    from pari_index.ranking.groups import group_keys
    from pari_index.ranking.spellings import one_spelling

    columns = [c for c in path if c in totals.columns]
    if not columns or register is None:
        return []
    ranked = pl.col("ranked").fill_null(True) if "ranked" in totals.columns else pl.lit(True)
    leaf = pl.col(columns[-1]).cast(pl.String).str.strip_chars()
    units = pl.concat(
        [
            totals.select(COMMUNE, ranked.alias("_r"), leaf.alias("_v")),
            group_keys(one_spelling(totals, columns), columns),
        ],
        how="horizontal",
    ).filter(pl.col("_r") & pl.col("_v").is_not_null() & (pl.col("_v") != ""))
    groups = units.group_by("_group", maintain_order=True).agg(pl.col("group").first(), pl.col(COMMUNE))
    groups = groups.with_columns(pl.col(COMMUNE).list.len().alias("n"))
    if groups.height < 2:
        return []
    middle = float(groups["n"].median() or 0)  # type: ignore[arg-type]
    few = groups.filter((pl.col("n") <= FEW_UNITS) & (pl.col("n") * SIZE_RATIO <= middle))
    problems = []
    for group, codes, n in few.select("group", COMMUNE, "n").iter_rows():
        if set(codes) <= set(named):
            continue
        listed = _listed(codes)
        problems.append(
            Problem(
                "group-few-units",
                f"the group {quoted(group)} holds {n} ranked units ({listed}), where the run's groups hold {middle:g} "
                "in the middle: they are ranked among themselves alone (units of another district or province "
                "copied into the register?)",
                file=register,
                field=register_heading(columns[-1], headings),  # «Loại», not the run's unit_type
                hint="check the district and province of these units in the register: correct them, take out the "
                "units of another place, or mark them ranked: no",
                severity="warning",
                # The median as a number, written as the run's language writes one («11,5» in
                # Vietnamese: a text «11.5» was shown as it was until session 40).
                params={"group": quoted(group), "count": n, "codes": listed, "middle": middle},
            )
        )
    return problems


#: The kinds note_strays adds.
STRAY_KINDS = ("group-type-word", "province-not-the-set-s", "group-few-units")


def note_strays(result: ScoreResult, group_by: str | Sequence[str] | None) -> None:
    """The warnings of :func:`type_word_problems` and :func:`other_province_problems`, added to
    ``result.findings``; none without a register."""
    from pari_index.ranking.groups import group_path
    from pari_index.scoring.completeness import replace_findings

    register = result.register.source
    if register is None:
        return
    path = group_path(result.totals, group_by or result.criteria.ranking.within)
    headings = result.register.headings  # each column named as the file heads it
    split = type_word_problems(result.totals, path, register, headings)
    named = _other_province_codes(result.totals, result.criteria)
    few = few_unit_problems(result.totals, path, register, named, headings)
    # A group without its type word is said once, by its own warning.
    bare = {(p.params or {}).get("bare") for p in split}
    problems = [
        *other_province_problems(result.totals, result.criteria, register, headings),
        *split,
        *(p for p in few if (p.params or {}).get("group") not in bare),
    ]
    # In place of an earlier ranking's (pari.rank twice, or by other groups): said once.
    found = problems_to_findings(problems, "warning") if problems else None
    replace_findings(result, pl.col("kind").is_in(STRAY_KINDS), found)


__all__ = ["few_unit_problems", "note_strays", "other_province_problems", "type_word_problems"]
