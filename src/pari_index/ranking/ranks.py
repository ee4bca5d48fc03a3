"""Ranking, classification and year-over-year change.

:func:`rank` takes the per-commune totals of :func:`pari_index.scoring.run.score` and adds, for every
commune, its peer group, its rank within the group ("xếp thứ 3/10"), whether it shares that rank,
its class (xếp loại) and how far it is from the next class, the items where it lost the most
points, its rank in every area, and, given last year's results, its previous rank and the change.

Everything here follows docs/ranking.md:

* The index is already rounded to the set's index places (``rounding.index``) by the scoring
  (domain primer §8.3): ranks are computed on those exact Int64 units, never on floats.
* Ranks are competition ranks (1, 2, 2, 4) or dense ranks (1, 2, 2, 3) as the set declares, after
  the set's tie-break keys ("appraised", "survey" or an area id; higher first).
* Units the register marks as not ranked, and units without an index, get no rank and are sorted
  after the ranked units of their group (MoHA ranks 17 ministries and leaves 2 agencies out).
* Classes come from the set's bands, with each edge inclusive or exclusive as declared.
* Year-over-year comparisons follow codes, through a lineage table when communes were renamed or
  merged. A merged commune gets no invented previous score: its predecessors are listed instead.
  Ranks from different kinds of peer group (a district then, a province now) are never compared.

Points and index columns are Int64 units of 1/10,000 (:mod:`pari_index.criteria.points`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import Band, CriteriaSet, Part
from pari_index.criteria.points import PLACES, SCALE, to_units, unit_step
from pari_index.errors import IntakeError, Problem, UsageError, quoted
from pari_index.intake.register import REGISTER_ALIASES, results_column
from pari_index.intake.tables import check_table_size, read_with_columns, row_problems
from pari_index.intake.values import shown
from pari_index.messages import render
from pari_index.messages.results_words import GROUP_COLUMNS, PREVIOUS_NOTES
from pari_index.ranking.spellings import one_spelling
from pari_index.textexpr import format_text

if TYPE_CHECKING:
    from pari_index.scoring.run import ScoreResult

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

#: Column names :func:`rank` adds (besides ``rank_area_<id>``).
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
PREVIOUS_COLUMNS = ("previous_rank", "previous_index", "rank_change", "index_change", "previous_note")

LINEAGE_ALIASES: dict[str, str] = {
    **{k: "old_code" for k in ("old_code", "old code", "old", "mã cũ", "ma cu", "mã đơn vị cũ", "mã xã cũ")},
    **{k: "new_code" for k in ("new_code", "new code", "new", "mã mới", "ma moi", "mã đơn vị mới", "mã xã mới")},
}

MINUS = "\u2212"  # the minus sign of "2.1 (−1.25)"
_LOWEST = -(2**62)  # a missing tie-break value ranks after every real one


# --------------------------------------------------------------------------------------------
# Formatting helpers (polars expressions, no Python loops over rows)


def units_text(expr: pl.Expr, places: int) -> pl.Expr:
    """Units as text with exactly ``places`` decimals (truncated: round before calling)."""
    sign = pl.when(expr < 0).then(pl.lit("-")).otherwise(pl.lit(""))
    whole = (expr.abs() // SCALE).cast(pl.String)
    if places == 0:
        return sign + whole
    frac = (expr.abs() % SCALE).cast(pl.String).str.zfill(PLACES).str.slice(0, places)
    return sign + whole + pl.lit(".") + frac


def _points_text(expr: pl.Expr) -> pl.Expr:
    """Units as text with at least 2 and at most 4 decimals (1.25, 1.00, 0.3333)."""
    frac = (expr.abs() % SCALE).cast(pl.String).str.zfill(PLACES).str.replace(r"^(\d\d\d*?)0*$", "${1}")
    sign = pl.when(expr < 0).then(pl.lit("-")).otherwise(pl.lit(""))
    return sign + (expr.abs() // SCALE).cast(pl.String) + pl.lit(".") + frac


# --------------------------------------------------------------------------------------------
# Classes


@dataclass(frozen=True)
class _BandEdges:
    band: Band
    order: int  # 0 = best band
    lowest: int | None  # lowest index (units) in the band at the set's precision; None = unbounded

    def condition(self, index: pl.Expr) -> pl.Expr:
        cond = pl.lit(True)
        b = self.band
        if b.from_ is not None:
            cond = cond & (index >= to_units(b.from_))
        if b.above is not None:
            cond = cond & (index > to_units(b.above))
        if b.to is not None:
            cond = cond & (index <= to_units(b.to))
        if b.below is not None:
            cond = cond & (index < to_units(b.below))
        return cond


def band_edges(criteria: CriteriaSet) -> list[_BandEdges]:
    """The set's bands with their lowest reachable index and their order (0 = best)."""
    step = unit_step(criteria.rounding.shown("index"))
    lowest: list[int | None] = []
    for band in criteria.classes:
        lower = band.lower
        if lower is None:
            lowest.append(None)
        else:
            edge, inclusive = lower
            # "above 80" at two places: 80.01 is the lowest index the band holds.
            lowest.append(to_units(edge) if inclusive else to_units(edge) + step)
    ordered = sorted(
        range(len(criteria.classes)),
        key=lambda i: (lowest[i] is not None, lowest[i] or 0),
        reverse=True,
    )
    order = {i: rank for rank, i in enumerate(ordered)}
    return [_BandEdges(band=band, order=order[i], lowest=lowest[i]) for i, band in enumerate(criteria.classes)]


def _class_columns(criteria: CriteriaSet, index: pl.Expr) -> list[pl.Expr]:
    bands = band_edges(criteria)

    def chain(values: list[tuple[pl.Expr, pl.Expr]], dtype: pl.DataType) -> pl.Expr:
        out: pl.Expr = pl.lit(None, dtype=dtype)
        for cond, value in reversed(values):
            out = pl.when(cond).then(value).otherwise(out)
        return out

    def of_band(attr: str, dtype: pl.DataType) -> pl.Expr:
        return chain([(b.condition(index), pl.lit(getattr(b.band, attr), dtype=dtype)) for b in bands], dtype)

    # The next class is the band with the smallest lowest index above the commune's index: the
    # band just above its own, or the first band above a gap between bands.
    upward = sorted((b for b in bands if b.lowest is not None), key=lambda b: b.lowest or 0)
    next_name = chain([(index < (b.lowest or 0), pl.lit(b.band.name, dtype=pl.String)) for b in upward], pl.String())
    gap = chain([(index < (b.lowest or 0), pl.lit(b.lowest, dtype=pl.Int64) - index) for b in upward], pl.Int64())
    return [
        of_band("name", pl.String()).alias("class"),
        of_band("en", pl.String()).alias("class_en"),
        of_band("colour", pl.String()).alias("class_colour"),
        chain([(b.condition(index), pl.lit(b.order, dtype=pl.Int64)) for b in bands], pl.Int64()).alias("class_order"),
        pl.when(index.is_not_null()).then(next_name).alias("next_class"),
        pl.when(index.is_not_null()).then(gap).alias("gap_to_next_class"),
    ]


# --------------------------------------------------------------------------------------------
# Ranking


def register_columns(totals: pl.DataFrame) -> list[str]:
    """Columns of the totals that come from the register (candidates for ``group_by``)."""
    return [
        c
        for c in totals.columns
        if c not in SCORE_COLUMNS
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
    alias = REGISTER_ALIASES.get(name.strip().casefold())
    if alias is not None and alias in available:
        return alias
    why = "internal" if name.startswith("_") else "computed" if results_column(name) else ""
    params = {"column": quoted(name), "available": ", ".join(available) or "—", "group_why": why}
    raise UsageError(
        Problem(
            "unknown-group-column",
            render("unknown-group-column", params, "en"),
            hint="give --group-by one of the available columns, or add the column to the register",
            params=params,
        )
    )


#: Register columns from the top down: a district lies within a province. Grouping by one of them
#: keys the group by the columns above it too, since district names repeat across provinces.
HIERARCHY = ("province", "district")
#: Joins the parts of a group key (``group_key``): top down, ``Tiền Giang › Huyện Châu Thành``.
KEY_SEPARATOR = " \u203a "
#: Joins the parts of a group label, nearest first: ``Huyện Châu Thành, Tiền Giang``.
LABEL_SEPARATOR = ", "
EMPTY = "\u2014"  # an empty group value in a key or a label


def _requested_columns(group_by: str | Sequence[str]) -> list[str]:
    """``"province,district"``, ``["province", "district"]`` or both mixed, as a list of names."""
    items = [group_by] if isinstance(group_by, str) else list(group_by)
    names = [part.strip() for item in items for part in str(item).split(",")]
    if not names or any(not n for n in names):
        raise UsageError(
            Problem(
                "empty-group-column",
                f"--group-by {quoted(','.join(names))} has an empty column name",
                hint="list register columns separated by commas, e.g. --group-by province,district",
                params={"value": quoted(",".join(names))},
            )
        )
    return names


def group_path(totals: pl.DataFrame, group_by: str | Sequence[str]) -> tuple[str, ...]:
    """The register columns a group is keyed by, from the top down; the last one is the column
    ranked within (``group_column``). A column of :data:`HIERARCHY` brings the columns above it
    that the register has (``district`` → ``province, district``); other columns are taken as
    given (``province,cluster``)."""
    columns = [group_column(totals, n) for n in _requested_columns(group_by)]
    repeated = sorted({c for c in columns if columns.count(c) > 1})
    if repeated:
        raise UsageError(
            Problem(
                "repeated-group-column",
                f"--group-by names {', '.join(repeated)} more than once",
                hint="name each register column once, from the top down: --group-by province,district",
                params={"columns": ", ".join(repeated)},
            )
        )
    levels = [HIERARCHY.index(c) for c in columns if c in HIERARCHY]
    if levels != sorted(levels):
        raise UsageError(
            Problem(
                "group-columns-order",
                f"--group-by {','.join(columns)} lists a district before its province",
                hint="list the columns from the top down: --group-by province,district",
                params={"columns": ",".join(columns)},
            )
        )
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


def group_keys(totals: pl.DataFrame, path: Sequence[str]) -> pl.DataFrame:
    """Per unit, in the order of ``totals``: ``_group`` (a number per group, to rank over),
    ``group_key`` (the levels' keys as text, top down) and ``group`` (the readable label of
    :func:`_labels`). Each level's key is the register's code or the name (:func:`_level_key`)."""
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


def _tie_break_column(key: str) -> str:
    if key == Part.appraised.value:
        return "appraised_points"
    if key == Part.survey.value:
        return "survey_points"
    return f"area_{key}"


def _area_ids(criteria: CriteriaSet) -> list[str]:
    return [a.id for a in criteria.areas if (a.part or Part.appraised) is not Part.adjustment]


def _columns(details: pl.DataFrame | pl.LazyFrame) -> set[str]:
    return set(details.collect_schema().names())


def item_losses(details: pl.DataFrame | pl.LazyFrame, rescaled: pl.DataFrame | None = None) -> pl.LazyFrame:
    """Per commune and scored item, its maximum and final score, the points lost (``loss`` = max −
    final score, > 0) and the item's place in the set (``order``): what :func:`top_lost` and the
    report's commune profile rank. Excluded (not applicable) and bonus/penalty items are not
    losses, nor survey items of a commune re-scaled to its appraised part (``rescaled``: commune
    codes with a boolean ``survey_rescaled``)."""
    frame = (
        details.lazy().select(COMMUNE, "criterion_id", "max", "final_score", "status", "part").with_row_index("order")
    )
    if rescaled is not None:
        frame = frame.join(
            rescaled.lazy().select(COMMUNE, pl.col("survey_rescaled").alias("_rescaled")), on=COMMUNE, how="left"
        ).filter(~((pl.col("part") == Part.survey.value) & pl.col("_rescaled").fill_null(False)))
    return (
        frame.filter(
            (pl.col("status") != "excluded")
            & pl.col("final_score").is_not_null()
            & (pl.col("part") != Part.adjustment.value)
        )
        .with_columns((pl.col("max") - pl.col("final_score")).alias("loss"))
        .filter(pl.col("loss") > 0)
        .select(COMMUNE, "criterion_id", "max", "final_score", "loss", "order")
    )


#: The columns :func:`item_losses` needs.
LOSS_COLUMNS = frozenset({COMMUNE, "criterion_id", "max", "final_score", "status", "part"})


def top_lost(
    details: pl.DataFrame | pl.LazyFrame, count: int = 3, rescaled: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Per commune, the ``count`` scored items where it lost the most points (max − final score),
    as text "2.1 (−1.25), 1.1.4 (−1.00)" (:func:`item_losses` says which items count); equal
    losses keep the criteria set's order."""
    schema = {COMMUNE: pl.String(), "top_lost": pl.String()}
    if not _columns(details) >= LOSS_COLUMNS:
        return pl.DataFrame(schema=schema)
    text = format_text("{} ({})", pl.col("criterion_id"), pl.lit(MINUS) + _points_text(pl.col("loss")))
    return (
        item_losses(details, rescaled)
        # Keep each commune's `count` largest losses (and any equal to the last) before sorting.
        .filter(pl.col("loss") >= pl.col("loss").top_k(count).min().over(COMMUNE))
        .sort([COMMUNE, "loss", "order"], descending=[False, True, False])
        .group_by(COMMUNE, maintain_order=True)
        .agg(text.head(count).str.join(", ").alias("top_lost"))
        .collect()
        .cast(schema)  # type: ignore[arg-type]
    )


def _applicable_areas(details: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame | None:
    """Per commune, the areas with at least one item that counts (not excluded as not
    applicable): an area excluded entirely gets no area rank instead of ranking last on 0."""
    if not {COMMUNE, "area_id", "status"} <= _columns(details):
        return None
    applicable = (
        details.lazy()
        .group_by(COMMUNE)
        .agg(pl.col("area_id").filter(pl.col("status") != "excluded").unique().alias("_areas"))
        .collect()
    )
    return applicable if applicable.height else None


@dataclass(frozen=True)
class CommuneFacts:
    """What ranking takes from each commune's own rows (and its own totals) alone: the areas that
    apply to it (:func:`_applicable_areas`, None for no rows) and its largest losses
    (:func:`top_lost`). A re-score keeps them with each commune's rows (scoring.cache): computed
    on 625,000 rows nationally they cost 0.2 s of CPU."""

    areas: pl.DataFrame | None
    lost: pl.DataFrame

    @classmethod
    def of(cls, details: pl.DataFrame | pl.LazyFrame, totals: pl.DataFrame) -> CommuneFacts:
        rescaled = totals.select(COMMUNE, "survey_rescaled") if "survey_rescaled" in totals.columns else None
        return cls(_applicable_areas(details), top_lost(details, rescaled=rescaled))


def commune_facts(details: pl.DataFrame, totals: pl.DataFrame) -> tuple[pl.DataFrame | None, pl.DataFrame]:
    """:meth:`CommuneFacts.of`, as a pair (``RunCache(facts_of=)``: scoring may not import ranking)."""
    facts = CommuneFacts.of(details, totals)
    return facts.areas, facts.lost


def rank(
    totals: pl.DataFrame,
    details: pl.DataFrame | pl.LazyFrame,
    criteria: CriteriaSet,
    *,
    group_by: str | Sequence[str] | None = None,
    previous: dict[str, pl.DataFrame] | None = None,
    lineage: pl.DataFrame | None = None,
    known: CommuneFacts | None = None,
    lang: str = "vi",
) -> pl.DataFrame:
    """Rank, classify and compare with last year. Returns the totals with the columns of
    docs/ranking.md added, sorted by group, then rank; unranked units come last in their group,
    by index (highest first). ``group_by`` is a register column or a list of them from the top
    down (``["province", "district"]``); groups are keyed by their whole path (:func:`group_path`).
    ``details`` may be lazy (a batched run's detail on disk): only the columns ranking needs are read.
    ``known``: the :class:`CommuneFacts` of ``details`` and ``totals``, when the caller has them.
    ``lang``: the language of ``previous_note``."""
    path = group_path(totals, group_by or criteria.ranking.within)
    method: Literal["dense", "min"] = "dense" if criteria.ranking.ties == "dense" else "min"
    index = pl.col("index")
    ranked_flag = pl.col("ranked").fill_null(True) if "ranked" in totals.columns else pl.lit(True)
    eligible = ranked_flag & index.is_not_null()

    def present(name: str) -> pl.Expr:
        if name in totals.columns:
            return pl.col(name).fill_null(_LOWEST)
        return pl.lit(_LOWEST, dtype=pl.Int64)

    key = pl.struct(
        index.alias("_index"),
        *(present(_tie_break_column(k)).alias(f"_tb{i}") for i, k in enumerate(criteria.ranking.tie_break)),
    )
    # A name written in several cases or spacings is one group (ranking.spellings).
    keys = group_keys(one_spelling(totals, path), path)
    frame = pl.concat([totals.drop(keys.columns, strict=False), keys], how="horizontal").with_columns(
        pl.lit(path[-1]).alias("group_column")
    )
    frame = frame.with_columns(
        pl.when(eligible).then(key).rank(method, descending=True).over("_group").cast(pl.Int64).alias("rank"),
        eligible.cast(pl.Int64).sum().over("_group").alias("group_size"),
        pl.when(~ranked_flag)
        .then(pl.lit("not_ranked_in_register"))
        .when(index.is_null())
        .then(pl.lit("no_index"))
        .otherwise(pl.lit(None, dtype=pl.String))
        .alias("unranked_reason"),
    )
    areas = [a for a in _area_ids(criteria) if f"area_{a}" in totals.columns]
    facts = known if known is not None else CommuneFacts.of(details, totals)
    applicable = facts.areas
    if applicable is not None:
        frame = frame.join(applicable, on=COMMUNE, how="left")

    def area_applies(area: str) -> pl.Expr:
        if applicable is None:
            return pl.lit(True)
        return pl.col("_areas").list.contains(area).fill_null(False)

    frame = frame.with_columns(
        (pl.col("rank").is_not_null() & (pl.len().over("_group", "rank") > 1)).alias("tied"),
        *_class_columns(criteria, index),
        *(
            pl.when(eligible & area_applies(a))
            .then(pl.col(f"area_{a}"))
            .rank(method, descending=True)
            .over("_group")
            .cast(pl.Int64)
            .alias(f"rank_area_{a}")
            for a in areas
        ),
    )
    if applicable is not None:
        frame = frame.drop("_areas")
    frame = frame.join(facts.lost, on=COMMUNE, how="left")
    if previous is not None:
        frame = compare_previous(frame, previous, lineage, criteria.rounding.shown("index"), lang)
    order = ["group", "_group", "rank", "index", COMMUNE]
    return frame.sort(order, descending=[False, False, False, True, False], nulls_last=True).drop("_group")


# --------------------------------------------------------------------------------------------
# Year over year


def lineage_of_run(result: ScoreResult, path: str | Path, previous: dict[str, pl.DataFrame] | None) -> pl.DataFrame:
    """:func:`read_lineage` for a scored run: this year's codes are the run's, and the lineage's
    warnings (a row of a code of no unit, an old code not in ``previous``) become the run's
    findings, as every input's are, in place of those of an earlier reading of the same file (a
    library caller ranking twice is told once). ``pari score`` and ``pari.rank`` both read it so:
    the facade dropped the warnings, which the command printed."""
    from pari_index.intake.findings import problems_to_findings

    told: list[Problem] = []
    frame = read_lineage(path, told, result.totals[COMMUNE].to_list(), previous)
    if told:
        earlier = result.findings.filter(pl.col("file").ne_missing(str(path)))
        result.findings = pl.concat([earlier, problems_to_findings(told, "warning")], how="diagonal_relaxed")
    return frame


def read_lineage(
    path: str | Path,
    warnings: list[Problem] | None = None,
    codes: Collection[str] | None = None,
    previous: dict[str, pl.DataFrame] | None = None,
) -> pl.DataFrame:
    """Read a lineage table (CSV or XLSX): one row per predecessor, columns ``old_code`` and
    ``new_code`` (or ``mã cũ``, ``mã mới``). Several old codes with one new code are a merger,
    one old code with one new code a change of code. Other columns are kept. A warning of reading
    it (a file read as UTF-16 or Windows-1258) goes to ``warnings`` when given: it stopped the run,
    after all the scoring, with exit 1 and a line that said only "warning". ``codes``: this year's
    units; a row whose new code is none of them links nothing, and is a warning (it was left out
    without a word, a typing slip of a code and all). ``previous``: last year's results (as
    ``read_results`` gives them); a row whose old code is not in them links nothing of last year,
    and is a warning too (it was only "no result" in the unit's ``previous_note``)."""
    frame, problems = read_with_columns(
        path,
        LINEAGE_ALIASES,
        ("old_code", "new_code"),
        "the lineage table",
        "name the columns old_code,new_code (or mã cũ, mã mới)",
    )
    check_table_size(frame, path, "lineage")
    # A lineage table is small and every row matters for year-over-year matching: any problem
    # reading it (a hidden sheet, a sheet without the columns) stops the run.
    problems += row_problems(
        frame,
        pl.col("old_code").is_null() | pl.col("new_code").is_null(),
        "missing-code",
        lambda _r: "a lineage row needs both the old and the new code",
        "fill in both codes",
    )
    told = [p for p in problems if p.severity != "error"] if warnings is not None else []
    if len(told) < len(problems):
        raise IntakeError(problems)
    if codes is not None:
        told += _links_to_nothing(frame, codes)
    if previous is not None:
        # A row whose new code is no unit was told so already: it links nothing either way.
        unit = pl.lit(True) if codes is None else _is_unit(codes)
        last_year = previous_summary(previous)["_p_code"]
        told += _links_from_nothing(frame.filter(unit), last_year)
        told += _own_results_passed_over(frame.filter(unit), last_year)
    if codes is not None:
        # A row whose new code is no unit was told so already.
        told += _old_code_still_a_unit(frame.filter(_is_unit(codes)), codes)
    if warnings is not None:
        warnings += told
    extra = [c for c in frame.columns if c not in ("old_code", "new_code") and not c.startswith("_")]
    return frame.select("old_code", "new_code", *extra).unique(subset=["old_code", "new_code"], maintain_order=True)


def _row_warnings(frame: pl.DataFrame, condition: pl.Expr, *args: Any, **kwargs: Any) -> list[Problem]:
    """:func:`row_problems` of the lineage table as warnings: a row that links wrongly is told,
    and the comparison goes on without it or as the codes say."""
    return [dataclasses.replace(p, severity="warning") for p in row_problems(frame, condition, *args, **kwargs)]


def _is_unit(codes: Collection[str]) -> pl.Expr:
    """Whether a lineage row's new code is one of ``codes`` (this run's units)."""
    # implode(): a Series of the column's own type as is_in's collection is deprecated in polars.
    return pl.col("new_code").cast(pl.String).is_in(pl.Series(list(codes), dtype=pl.String).implode())


def _links_to_nothing(frame: pl.DataFrame, codes: Collection[str]) -> list[Problem]:
    """Warnings for the lineage rows whose new code is no unit of this run."""
    return _row_warnings(
        frame,
        ~_is_unit(codes),
        "lineage-unknown-code",
        lambda r: (
            f"the new code {shown(str(r['new_code']))} is no unit of this run; the row links nothing and was not used"
        ),
        "check the code against the register (a typing slip?), or delete the row",
        field="new_code",
        params=lambda r: {"code": shown(str(r["new_code"]))},
    )


def _links_from_nothing(frame: pl.DataFrame, previous_codes: pl.Series) -> list[Problem]:
    """Warnings for the lineage rows whose old code is not in last year's results: matched as
    compare_previous matches them (the old code as text against last year's trimmed codes)."""
    missing = ~pl.col("old_code").cast(pl.String).is_in(previous_codes.cast(pl.String).implode())
    return _row_warnings(
        frame,
        missing,
        "lineage-old-code-missing",
        lambda r: (
            f"the old code {shown(str(r['old_code']))} is not in last year's results; the row links nothing of "
            f"last year to {shown(str(r['new_code']))}"
        ),
        "check the old code against last year's results (a typing slip?), or delete the row if the unit had no "
        "result last year",
        field="old_code",
        params=lambda r: {"code": shown(str(r["old_code"])), "new_code": shown(str(r["new_code"]))},
    )


def _own_results_passed_over(frame: pl.DataFrame, previous_codes: pl.Series) -> list[Problem]:
    """Warnings for the lineage rows whose new code had results of its own last year and is no old
    code of the table: the unit is compared with its predecessors alone (``00004,00007``: 00007
    was "code changed from 00004", its own last year's rank passed over without a word). A merger
    into a code that existed lists that code too (``00007,00007``)."""
    text = pl.col("new_code").cast(pl.String)
    olds = frame["old_code"].cast(pl.String).unique().implode()
    passed_over = text.is_in(previous_codes.cast(pl.String).implode()) & ~text.is_in(olds)
    return _row_warnings(
        frame,
        passed_over & (text != pl.col("old_code").cast(pl.String)),
        "lineage-own-results-passed-over",
        lambda r: (
            f"the new code {shown(str(r['new_code']))} has results of its own last year, which are not used: the "
            f"unit is compared with {shown(str(r['old_code']))} as its predecessor"
        ),
        "if the units merged, add a row with the new code as an old code of itself; if the codes are mistyped, "
        "correct them",
        field="new_code",
        params=lambda r: {"code": shown(str(r["new_code"])), "old_code": shown(str(r["old_code"]))},
    )


def _old_code_still_a_unit(frame: pl.DataFrame, codes: Collection[str]) -> list[Problem]:
    """Warnings for the lineage rows whose old code is still a unit of this run and no new code of
    the table: its last year's results count twice, for itself (same code) and for the new code
    (``00004,00007`` while 00004 is still scored). A split that keeps the old code lists it as a
    new code too (``00300,00300``)."""
    text = pl.col("old_code").cast(pl.String)
    news = frame["new_code"].cast(pl.String).unique().implode()
    still = text.is_in(pl.Series(list(codes), dtype=pl.String).implode()) & ~text.is_in(news)
    return _row_warnings(
        frame,
        still,
        "lineage-old-code-still-a-unit",
        lambda r: (
            f"the old code {shown(str(r['old_code']))} is still a unit of this run: its last year's results are "
            f"compared with its own and with {shown(str(r['new_code']))}'s"
        ),
        "check the codes (a typing slip?); if the unit was split and kept its code, add a row with the old code "
        "as a new code of itself",
        field="old_code",
        params=lambda r: {"code": shown(str(r["old_code"])), "new_code": shown(str(r["new_code"]))},
    )


def _number(frame: pl.DataFrame, name: str) -> pl.Expr:
    if name not in frame.columns:
        return pl.lit(None, dtype=pl.Float64)
    col = pl.col(name)
    if frame.schema[name] == pl.String:
        col = col.str.strip_chars().str.replace(",", ".", literal=True)
    return col.cast(pl.Float64, strict=False)


def _previous_kind(summary: pl.DataFrame, tables: dict[str, pl.DataFrame]) -> str | None:
    """Which register column last year's groups were (district, province, ...), when it can be told."""
    if "group_column" in summary.columns:
        kinds = summary["group_column"].drop_nulls().cast(pl.String).unique().to_list()
        if len(kinds) == 1:
            return str(kinds[0])
    if "group" in summary.columns:
        grouped = summary.filter(pl.col("group").is_not_null())
        if grouped.height:
            for candidate in ("district", "province"):
                if (
                    candidate in grouped.columns
                    and grouped.select(
                        (pl.col("group").cast(pl.String) == pl.col(candidate).cast(pl.String)).fill_null(False).all()
                    ).item()
                ):
                    return candidate
    about = tables.get("about")
    if about is not None and {"key", "value"} <= set(about.columns):
        hit = about.filter(pl.col("key") == "ranked_within")["value"].to_list()
        if hit:
            return str(hit[0])
    return None


def previous_summary(previous: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Last year's summary in the form used for comparison: ``_p_code``, ``_p_rank``,
    ``_p_index`` (units), ``_p_group`` (the label), ``_p_key`` (the group's key: ``group_key``, or
    in results written before groups had keys, the group's name), ``_p_size``, ``_p_kind``."""
    summary = previous.get("summary")
    if summary is None or COMMUNE not in summary.columns:
        raise UsageError(
            Problem(
                "not-results",
                "last year's results have no summary table with commune_code",
                hint="give a results file written by pari score",
                params={"results_problem": "missing_columns", "table": "summary", "columns": COMMUNE},
            )
        )
    kind = _previous_kind(summary, previous)
    rank_expr = _number(summary, "rank").round(0).cast(pl.Int64)
    group = pl.col("group").cast(pl.String) if "group" in summary.columns else pl.lit(None, dtype=pl.String)
    key = pl.col("group_key").cast(pl.String) if "group_key" in summary.columns else group
    out = summary.select(
        pl.col(COMMUNE).cast(pl.String).str.strip_chars().alias("_p_code"),
        rank_expr.alias("_p_rank"),
        (_number(summary, "index") * SCALE).round(0).cast(pl.Int64).alias("_p_index"),
        group.alias("_p_group"),
        key.alias("_p_key"),
        _number(summary, "group_size").round(0).cast(pl.Int64).alias("_p_size"),
        pl.lit(kind, dtype=pl.String).alias("_p_kind"),
        pl.lit(True).alias("_p_found"),
    )
    return out.with_columns(
        pl.coalesce("_p_size", pl.col("_p_rank").is_not_null().sum().over("_p_key").cast(pl.Int64))
    ).unique(subset=["_p_code"], keep="first", maintain_order=True)


def compare_previous(
    frame: pl.DataFrame,
    previous: dict[str, pl.DataFrame],
    lineage: pl.DataFrame | None,
    places: int,
    lang: str = "vi",
) -> pl.DataFrame:
    """Add previous_rank, previous_index, rank_change, index_change and previous_note (in
    ``lang``). Groups are
    compared by key (``group_key``); results written before groups had keys only name the group,
    and are compared with the value of the grouping column, as they were then."""
    prev = previous_summary(previous)
    codes = frame.select(COMMUNE, "rank", "index", "group", "group_column")
    frame = frame.with_columns(_current_group_key(frame, previous).alias("_key"))
    mapped = _link_to_old_codes(codes, lineage)
    joined = mapped.join(prev, left_on="old_code", right_on="_p_code", how="left")
    out = frame.join(_last_year_per_commune(joined, places, lang), on=COMMUNE, how="left")
    return _add_changes(out, lang).drop(
        "_link", "_old", "_p_rank", "_p_index", "_p_group", "_p_key", "_p_kind", "_found", "_preds", "_key"
    )


def _current_group_key(frame: pl.DataFrame, previous: dict[str, pl.DataFrame]) -> pl.Expr:
    """This year's group, in the form last year's results name it: the key when both have keys,
    else the value of the grouping column (results written before groups had keys), else the label."""
    summary = previous.get("summary")
    keyed = summary is not None and "group_key" in summary.columns and "group_key" in frame.columns
    column = frame["group_column"].drop_nulls().first() if "group_column" in frame.columns else None
    if keyed:
        return pl.col("group_key")
    if isinstance(column, str) and column in frame.columns:
        return pl.col(column).cast(pl.String)
    return pl.col("group")


def _link_to_old_codes(codes: pl.DataFrame, lineage: pl.DataFrame | None) -> pl.DataFrame:
    """Each commune with the code(s) it had last year (``old_code``) and how they are linked
    (``_link``): same, renamed, merged (several old codes) or split (an old code with several new)."""
    if lineage is None or not lineage.height:
        return codes.with_columns(pl.col(COMMUNE).alias("old_code"), pl.lit("same").alias("_link"))
    links = (
        lineage.select(pl.col("old_code").cast(pl.String), pl.col("new_code").cast(pl.String))
        .unique()
        .with_columns(
            pl.len().over("new_code").alias("_n_old"),
            pl.len().over("old_code").alias("_n_new"),
        )
    )
    return codes.join(links, left_on=COMMUNE, right_on="new_code", how="left").with_columns(
        pl.when(pl.col("old_code").is_null())
        .then(pl.lit("same"))
        .when(pl.col("_n_old") > 1)
        .then(pl.lit("merged"))
        .when(pl.col("_n_new") > 1)
        .then(pl.lit("split"))
        .when(pl.col("old_code") == pl.col(COMMUNE))
        .then(pl.lit("same"))
        .otherwise(pl.lit("renamed"))
        .alias("_link"),
        pl.coalesce("old_code", COMMUNE).alias("old_code"),
    )


def _last_year_per_commune(joined: pl.DataFrame, places: int, lang: str) -> pl.DataFrame:
    """One row per commune: its (first) predecessor's result, and all predecessors as a text
    ("00101 (3/12, 81.20 %), ...") for the notes of merged and split communes."""
    found = pl.col("_p_found").fill_null(False)
    position = (
        pl.when(pl.col("_p_rank").is_not_null())
        .then(format_text("{}/{}", pl.col("_p_rank"), pl.col("_p_size")))
        .when(found)
        .then(pl.lit(PREVIOUS_NOTES["predecessor_unranked"].get(lang)))
        .otherwise(pl.lit(PREVIOUS_NOTES["predecessor_missing"].get(lang)))
    )
    number = units_text(pl.col("_p_index"), places)
    # The decimal mark of the note's language (85,20 % in Vietnamese).
    number = number.str.replace(".", ",", literal=True) if lang == "vi" else number
    shown_index = (
        pl.when(pl.col("_p_index").is_not_null()).then(pl.lit(", ") + number + pl.lit(" %")).otherwise(pl.lit(""))
    )
    predecessor = format_text("{} ({}{})", pl.col("old_code"), position, shown_index)
    return (
        joined.sort("old_code")
        .group_by(COMMUNE, maintain_order=True)
        .agg(
            pl.col("_link").first(),
            pl.col("old_code").first().alias("_old"),
            pl.col("_p_rank").first(),
            pl.col("_p_index").first(),
            pl.col("_p_group").first(),
            pl.col("_p_key").first(),
            pl.col("_p_kind").first(),
            found.first().alias("_found"),
            predecessor.str.join(", ").alias("_preds"),
        )
    )


def _add_changes(out: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The comparison columns. Ranks are compared only for a commune that is itself last year's
    (same or renamed), was found, and was ranked in the same peer group; the note says why not."""
    link = pl.col("_link")
    single = link.is_in(["same", "renamed"])
    matched = single & pl.col("_found")
    kind_differs = pl.col("_p_kind").is_not_null() & (pl.col("_p_kind") != pl.col("group_column"))
    value_differs = pl.col("_p_key").is_not_null() & pl.col("_key").is_not_null() & (pl.col("_p_key") != pl.col("_key"))
    different = matched & (kind_differs | value_differs).fill_null(False)
    previous_rank = pl.when(single).then(pl.col("_p_rank"))
    previous_index = pl.when(single).then(pl.col("_p_index"))
    note = _previous_note(single, matched, different, kind_differs, lang)
    return out.with_columns(
        previous_rank.cast(pl.Int64).alias("previous_rank"),
        previous_index.cast(pl.Int64).alias("previous_index"),
        pl.when(matched & ~different & pl.col("rank").is_not_null())
        .then(pl.col("_p_rank") - pl.col("rank"))
        .cast(pl.Int64)
        .alias("rank_change"),
        (pl.col("index") - previous_index).cast(pl.Int64).alias("index_change"),
        pl.when(note.str.len_chars() > 0).then(note).alias("previous_note"),
    )


def _previous_note(single: pl.Expr, matched: pl.Expr, different: pl.Expr, kind_differs: pl.Expr, lang: str) -> pl.Expr:
    """The previous_note text in ``lang``: the sentences that apply, joined by "; " (empty when
    none does)."""
    link = pl.col("_link")

    def said(key: str, *values: pl.Expr) -> pl.Expr:
        return format_text(PREVIOUS_NOTES[key].get(lang), *values) if values else pl.lit(PREVIOUS_NOTES[key].get(lang))

    def column(name: str) -> pl.Expr:
        words = {key: w.get(lang) for key, w in GROUP_COLUMNS.items()}
        return pl.col(name).cast(pl.String).replace(words)

    note_parts = [
        pl.when(link == "merged").then(said("merged", pl.col("_preds"))),
        pl.when(link == "split").then(said("split", pl.col("_preds"))),
        pl.when(link == "renamed").then(said("renamed", pl.col("_old"))),
        pl.when(single & ~pl.col("_found")).then(said("new")),
        pl.when(matched & pl.col("_p_rank").is_null()).then(said("not_ranked")),
        pl.when(different & kind_differs).then(
            said("other_column", column("_p_kind"), pl.col("_p_group").fill_null("?"), column("group_column"))
        ),
        # Keys, not labels: two Huyện Châu Thành are told apart by their province.
        pl.when(different & ~kind_differs).then(said("other_group", pl.col("_p_key"), pl.col("_key"))),
    ]
    return pl.concat_str(note_parts, separator="; ", ignore_nulls=True)


__all__ = [
    "LINEAGE_ALIASES",
    "PREVIOUS_COLUMNS",
    "RANK_COLUMNS",
    "CommuneFacts",
    "band_edges",
    "commune_facts",
    "compare_previous",
    "group_column",
    "group_keys",
    "group_path",
    "lineage_of_run",
    "previous_summary",
    "rank",
    "read_lineage",
    "register_columns",
    "top_lost",
    "units_text",
]
