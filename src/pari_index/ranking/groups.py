"""Peer groups: which register columns a run is ranked within (``--group-by``, or the set's
``ranked_within``: a district, or since the 2025 two-level reform the province), and each unit's
group as a key (the path from the top down, ``Thành phố Hà Nội › Quận Ba Đình``) and a label.

A group is named by its values from the top of the path down, so that two districts of the same
name in two provinces are two groups; an empty value is shown as a dash, never merged with
another group's. See docs/ranking.md, "Peer groups".
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.group_columns import (
    HIERARCHY,
    check_column_list,
    never_a_group,
    requested_columns,
    results_column,
    run_column,
)
from pari_index.errors import Problem, UsageError, quoted
from pari_index.messages import PARAM_WORDS, render
from pari_index.ranking.changes import PREVIOUS_COLUMNS

# --------------------------------------------------------------------------------------------
# Ranking


#: Columns of the totals that hold scores, not register data (anything else can be a group).
SCORE_COLUMNS = frozenset(
    {
        COMMUNE,
        "appraised_points",
        "survey_points",
        "adjustment_points",
        "appraised_max",
        "survey_max",
        "survey_given",
        "items_not_assessed",
        "total_points",
        "applicable_max",
        "index",
        "survey_rescaled",
        "submitted",
    }
)

#: Column names :func:`.ranks.rank` adds (besides ``rank_area_<id>``).
RANK_COLUMNS = (
    "group",
    "group_column",
    "group_key",
    "rank",
    "group_size",
    "tied",
    "unranked_reason",
    "class",
    "class_en",
    "class_colour",
    "class_order",
    "next_class",
    "gap_to_next_class",
    "top_lost",
)


def register_columns(totals: pl.DataFrame) -> list[str]:
    """Columns of the totals that come from the register (candidates for ``group_by``)."""
    return [
        c
        for c in totals.columns
        if c not in SCORE_COLUMNS
        and c != "items_rejected"  # a run's count, not the register's (a library caller's totals may lack it)
        and not c.startswith(("area_", "_"))
        and c not in RANK_COLUMNS
        and c not in PREVIOUS_COLUMNS
        and not c.startswith("rank_area_")
    ]


def group_column(totals: pl.DataFrame, name: str) -> str:
    """The register column to rank within; Vietnamese headings (huyện, tỉnh) are accepted. Only a
    column of the register: ``--group-by total_points`` (or ``index``, ``commune_code``) ranked
    each unit alone in a group of its computed value, exit 0."""
    available = register_columns(totals)
    if name in available:
        return name
    alias = run_column(name)
    if alias != name and alias in available:
        return alias
    why = never_a_group(name) or ("computed" if results_column(name) else "")
    params = {"column": quoted(name), "available": ", ".join(available) or "—", "group_why": why}
    raise UsageError(
        Problem(
            "unknown-group-column",
            render("unknown-group-column", params, "en"),
            hint="give --group-by one of the available columns, or add the column to the register",
            params=params,
        )
    )


#: Joins the parts of a group key (``group_key``): top down, ``Tiền Giang › Huyện Châu Thành``.
KEY_SEPARATOR = " \u203a "
#: Joins the parts of a group label, nearest first: ``Huyện Châu Thành, Tiền Giang``.
LABEL_SEPARATOR = ", "
EMPTY = "\u2014"  # an empty group value in a key or a label


def group_path(totals: pl.DataFrame, group_by: str | Sequence[str]) -> tuple[str, ...]:
    """The register columns a group is keyed by, from the top down; the last one is the column
    ranked within (``group_column``). A column of :data:`HIERARCHY` brings the columns above it
    that the register has (``district`` → ``province, district``); other columns are taken as
    given (``province,cluster``)."""
    columns = [group_column(totals, n) for n in requested_columns(group_by)]
    check_column_list(columns)
    if columns[0] in HIERARCHY:
        above = HIERARCHY[: HIERARCHY.index(columns[0])]
        columns = [c for c in above if c in totals.columns] + columns
    return tuple(columns)


def _level_key(totals: pl.DataFrame, column: str) -> pl.Expr:
    """A level's key: the register's code for it (``district_code``) where the register gives one,
    else the name."""
    name = pl.col(column).cast(pl.String)
    code = f"{column}_code"
    if code in totals.columns:
        return pl.coalesce(pl.col(code).cast(pl.String), name)
    return name


def _labels(keys: list[tuple[str | None, ...]], names: list[tuple[str | None, ...]]) -> list[str | None]:
    """Readable, unique group labels: a group's own name, with its parents added (nearest first,
    ``Huyện Châu Thành, Tiền Giang``) only while that name is shared with another group; the key's
    codes are added when even the whole path of names is shared."""
    depth = [1] * len(keys)

    def label(i: int) -> str | None:
        parts = list(reversed(names[i]))[: depth[i]]
        if depth[i] == 1 and parts[0] is None:
            return None  # an empty group value stays empty, as in the register
        return LABEL_SEPARATOR.join(p if p is not None else EMPTY for p in parts)

    while True:
        current = [label(i) for i in range(len(keys))]
        counts: dict[str | None, int] = {}
        for text in current:
            counts[text] = counts.get(text, 0) + 1
        grow = [i for i, text in enumerate(current) if counts[text] > 1 and depth[i] < len(names[i])]
        if not grow:
            break
        for i in grow:
            depth[i] += 1
    # Equal names all the way up: the groups differ by code (two districts of one name and
    # province, with two district codes). The leaf's code tells them apart, else the whole key.
    shared = {text for text in current if current.count(text) > 1}
    coded = [f"{text or EMPTY} ({keys[i][-1] or EMPTY})" if text in shared else text for i, text in enumerate(current)]
    return [
        f"{current[i] or EMPTY} ({KEY_SEPARATOR.join(k or EMPTY for k in keys[i])})" if coded.count(text) > 1 else text
        for i, text in enumerate(coded)
    ]


def _unit_type_names() -> pl.Expr:
    """The unit type as a group is named: «Xã», «Phường», «Thị trấn», «Đặc khu», as a register writes
    it, in every output (a group is a name of the data, like a district's). Ranked within the unit
    type, the groups were the run's ids («commune», «special_zone») on the Vietnamese report's
    headings, sheet names (``XH special_zone``) and findings."""
    return pl.col("unit_type").cast(pl.String).replace(unit_type_group_names())


def unit_type_group_names() -> dict[str, str]:
    """Each unit type's id (``commune``, ``special_zone``) and the name its group has (``Xã``,
    ``Đặc khu``): :func:`_unit_type_names`, and last year's results written before session 38,
    whose groups were the ids (ranking.changes.previous_summary)."""
    return {unit: words.vi[:1].upper() + words.vi[1:] for unit, words in PARAM_WORDS["unit_type"].items()}


def group_keys(totals: pl.DataFrame, path: Sequence[str]) -> pl.DataFrame:
    """Per unit, in the order of ``totals``: ``_group`` (a number per group, to rank over),
    ``group_key`` (the levels' keys as text, top down) and ``group`` (the readable label of
    :func:`_labels`). Each level's key is the register's code or the name (:func:`_level_key`)."""
    if "unit_type" in path:
        totals = totals.with_columns(_unit_type_names())
    levels = [_level_key(totals, c).alias(f"_g{i}") for i, c in enumerate(path)]
    frame = totals.select(*levels, *(pl.col(c).cast(pl.String).alias(f"_n{i}") for i, c in enumerate(path)))
    level_names = [f"_g{i}" for i in range(len(path))]
    distinct = frame.unique(subset=level_names, keep="first", maintain_order=True)
    keys = list(distinct.select(level_names).iter_rows())
    names = list(distinct.select(f"_n{i}" for i in range(len(path))).iter_rows())
    labels = pl.DataFrame(
        {
            **{g: [k[i] for k in keys] for i, g in enumerate(level_names)},
            "group_key": [KEY_SEPARATOR.join(p if p is not None else EMPTY for p in k) for k in keys],
            "group": _labels(keys, names),
            "_group": range(len(keys)),
        },
        schema={**dict.fromkeys(level_names, pl.String), "group_key": pl.String, "group": pl.String}
        | {"_group": pl.Int64},
    )
    joined = frame.select(level_names).join(labels, on=level_names, how="left", nulls_equal=True, maintain_order="left")
    return joined.select("_group", "group_key", "group")
