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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import Band, CriteriaSet, Part
from pari_index.criteria.points import PLACES, SCALE, to_units, unit_step
from pari_index.ranking.changes import compare_previous
from pari_index.ranking.groups import (
    group_keys,
    group_path,
)
from pari_index.ranking.spellings import one_spelling
from pari_index.textexpr import format_text

MINUS = "\u2212"  # the minus sign of "2.1 (−1.25)"
_LOWEST = -(2**62)  # a missing tie-break value ranks after every real one


# --------------------------------------------------------------------------------------------
# Formatting helpers (polars expressions, no Python loops over rows)


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
        # Gathered as lists and joined after: str.join inside the aggregation took half as long
        # again (session 36, the national detail: 33 against 21 ms of CPU).
        .agg(text.head(count).alias("top_lost"))
        .with_columns(pl.col("top_lost").list.join(", "))
        .collect()
        .cast(schema)  # type: ignore[arg-type]
    )


def _applicable_areas(details: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame | None:
    """Per commune, the areas with at least one item that counts (not excluded as not
    applicable): an area excluded entirely gets no area rank instead of ranking last on 0."""
    if not {COMMUNE, "area_id", "status"} <= _columns(details):
        return None
    # The (commune, area) pairs that count made unique first, then gathered: a commune whose
    # every item is excluded has no row here, where it had an empty list, and no area applies
    # to it either way (session 36, the national detail: 64 against 46 ms of CPU).
    applicable = (
        details.lazy()
        .filter(pl.col("status") != "excluded")
        .select(COMMUNE, "area_id")
        .unique()
        .group_by(COMMUNE)
        .agg(pl.col("area_id").alias("_areas"))
        .collect()
    )
    if applicable.height:
        return applicable
    # No item of any commune counts (or no rows): each commune with its empty list, as before, so
    # that a re-score's cache (which keeps no table as "no rows") gives what a fresh run does.
    every = (
        details.lazy()
        .group_by(COMMUNE)
        .agg(pl.col("area_id").filter(pl.col("status") != "excluded").unique().alias("_areas"))
        .collect()
    )
    return every if every.height else None


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


__all__ = [
    "CommuneFacts",
    "band_edges",
    "commune_facts",
    "rank",
    "top_lost",
]
