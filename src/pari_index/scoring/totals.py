"""Per-commune totals from the per-item detail (:func:`compute_totals`): points per area and part,
the survey part, unreachable maxima, in exact units of 1/10,000 point, rounded as the set says."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from pari_index.criteria.compiling import COMMUNE, div_round_expr
from pari_index.criteria.methodology import unreachable_text
from pari_index.criteria.model import CriteriaSet, Part, unreachable_points
from pari_index.criteria.points import RoundingMode, to_units, unit_step
from pari_index.intake.assessments import (
    CRITERION,
    empty_findings,
)
from pari_index.intake.register import Register
from pari_index.messages import params_json

if TYPE_CHECKING:
    pass


def unreachable_findings(criteria: CriteriaSet, lang: str) -> pl.DataFrame:
    """One finding per printed maximum kept above its children's sum: its unreachable points count
    in every unit's maximum, which lowers every index, so the results say so on the item."""
    hint = (
        "điểm tối đa in trong quyết định được tính (docs/criteria.md §14)"
        if lang == "vi"
        else "the printed maximum counts (docs/criteria.md §14)"
    )
    rows = [
        {
            "severity": "info",
            "kind": "printed-max-unreachable",
            CRITERION: item.node,
            "message": unreachable_text(item, lang),
            "hint": hint,
            "size": float(item.points),
            "params": params_json(
                {
                    "criterion": item.node,
                    "printed": float(item.printed),
                    "children": float(item.children),
                    "points": float(item.points),
                    "reason": item.reason,
                }
            ),
        }
        for item in unreachable_points(criteria)
    ]
    return pl.DataFrame(rows, schema=empty_findings().schema) if rows else empty_findings()


def _div_round(a: pl.Expr, b: pl.Expr, mode: RoundingMode) -> pl.Expr:
    """a / b (b > 0) rounded for either sign of a, as the reference evaluator rounds: ``down``
    towards zero (a penalty can take a total below 0), a half upwards or to the even neighbour."""
    if mode is RoundingMode.down:
        return pl.when(a < 0).then(-((-a) // b)).otherwise(a // b)
    return div_round_expr(a, b, mode)


def _rounded(expr: pl.Expr, places: int | None, mode: RoundingMode) -> pl.Expr:
    """A units column rounded to ``places`` decimals of a point; unchanged when not rounded."""
    if places is None:
        return expr
    step = unit_step(places)
    return _div_round(expr, pl.lit(step), mode) * step


def _area_points(details: pl.DataFrame, criteria: CriteriaSet) -> pl.DataFrame:
    """Points per commune, area and part, each area rounded to the policy's area places.

    An area whose items are all excluded for the commune has no score (null), not 0, so that it is
    not ranked last on that area. Bonus and penalty: each adjustment area's net points stay within
    +/- the area's maximum (its cap), whatever its items add up to."""
    caps = pl.DataFrame(
        {
            "area_id": [a.id for a in criteria.areas if a.part is Part.adjustment],
            "_cap": [to_units(a.max) for a in criteria.areas if a.part is Part.adjustment],
        },
        schema={"area_id": pl.String, "_cap": pl.Int64},
    )
    summed = (
        details.group_by(COMMUNE, "area_id", "part")
        .agg(pl.when(pl.col("final_score").is_not_null().any()).then(pl.col("final_score").sum()).alias("_points"))
        .join(caps, on="area_id", how="left")
        .with_columns(
            pl.when(pl.col("_cap").is_not_null())
            .then(pl.col("_points").fill_null(0).clip(-pl.col("_cap"), pl.col("_cap")))
            .otherwise(pl.col("_points"))
            .alias("_points")
        )
    )
    return summed.with_columns(
        _rounded(pl.col("_points"), criteria.rounding.at("areas"), criteria.rounding.mode).alias("_points")
    )


def _unreachable_max(details: pl.DataFrame, criteria: CriteriaSet) -> pl.DataFrame:
    """Per commune, the unreachable points of printed maxima (``printed_mismatch``) that count in
    its appraised and survey maximum: those of every node with a leaf that counts for the commune."""
    rows = [(u.node, u.part.value, to_units(u.points), leaf) for u in unreachable_points(criteria) for leaf in u.leaves]
    table = pl.DataFrame(
        rows, schema={"_node": pl.String, "_part": pl.String, "_units": pl.Int64, CRITERION: pl.String}, orient="row"
    )
    counted = (
        details.select(COMMUNE, CRITERION, "counted_max")
        .join(table, on=CRITERION, how="inner")
        .group_by(COMMUNE, "_node", "_part")
        .agg((pl.col("counted_max") > 0).any().alias("_counts"), pl.col("_units").first())
        .filter(pl.col("_counts"))
        .group_by(COMMUNE)
        .agg(
            pl.col("_units").filter(pl.col("_part") == "appraised").sum().alias("_unreachable_appraised"),
            pl.col("_units").filter(pl.col("_part") == "survey").sum().alias("_unreachable_survey"),
        )
    )
    return counted


#: Per unit, the items at which something it wrote was refused (an error at its unit and item),
#: added to the totals once the run's findings are whole (scoring.run.with_items_rejected).
ITEMS_REJECTED = "items_rejected"

_PART_COLUMNS = (
    "appraised_points",
    "survey_points",
    "appraised_max",
    "survey_max",
    "survey_given",
    "items_not_assessed",
    "adjustment_points",
)


def compute_totals(details: pl.DataFrame, criteria: CriteriaSet, register: Register) -> pl.DataFrame:
    """Per commune: points per part and area, the applicable maximum and the index in %.

    The index is achieved / applicable maximum x 100 (1149/QĐ-BNV), where items excluded as not
    applicable leave the maximum (Thanh Hóa 2023: 68.32 of 84 = 81.33 %). A set whose survey is
    optional re-scales the appraised part to the full scale for communes without survey results.
    Each level is rounded as the set's rounding policy says (docs/criteria.md §12): areas from the
    items, parts from the areas, the total and the index from the parts, the last two before anyone
    ranks on them. Unreachable points of a printed maximum count in the maximum (§14)."""
    policy, mode = criteria.rounding, criteria.rounding.mode
    part = pl.col("part")
    per_commune = details.group_by(COMMUNE).agg(
        pl.col("counted_max").filter(part == "appraised").sum().alias("appraised_max"),
        pl.col("counted_max").filter(part == "survey").sum().alias("survey_max"),
        (pl.col("status") != "no_survey").filter(part == "survey").any().alias("survey_given"),
        (pl.col("status") == "not_assessed").sum().alias("items_not_assessed"),
    )
    by_area = _area_points(details, criteria)
    points = pl.col("_points").fill_null(0)
    parts = by_area.group_by(COMMUNE).agg(
        _rounded(points.filter(pl.col("part") == name).sum(), policy.at("parts"), mode).alias(f"{name}_points")
        for name in ("appraised", "survey", "adjustment")
    )
    per_commune = (
        per_commune.join(parts, on=COMMUNE, how="left")
        .join(_unreachable_max(details, criteria), on=COMMUNE, how="left")
        .with_columns(
            (pl.col("appraised_max") + pl.col("_unreachable_appraised").fill_null(0)).alias("appraised_max"),
            (pl.col("survey_max") + pl.col("_unreachable_survey").fill_null(0)).alias("survey_max"),
        )
        # The columns in the order they always had (results sheets keep their layout).
        .select(COMMUNE, *_PART_COLUMNS)
    )
    area_ids = [a.id for a in criteria.areas if (a.part or Part.appraised) is not Part.adjustment]
    areas = (
        by_area.filter(pl.col("part") != "adjustment")
        .group_by(COMMUNE, "area_id")
        .agg(pl.when(pl.col("_points").is_not_null().any()).then(pl.col("_points").sum()).alias("_points"))
        .pivot(on="area_id", index=COMMUNE, values="_points", aggregate_function="first")
    )
    areas = areas.rename({a: f"area_{a}" for a in area_ids if a in areas.columns})
    # Area columns in the criteria set's order, whatever order the groups came in.
    areas = areas.select(COMMUNE, *[f"area_{a}" for a in area_ids if f"area_{a}" in areas.columns])
    rescale = pl.lit(criteria.parts.survey_optional and criteria.parts.survey > 0) & ~pl.col("survey_given").fill_null(
        False
    )
    total = pl.col("appraised_points") + pl.col("survey_points") + pl.col("adjustment_points")
    maximum = pl.when(rescale).then(pl.col("appraised_max")).otherwise(pl.col("appraised_max") + pl.col("survey_max"))
    achieved = pl.when(rescale).then(pl.col("appraised_points") + pl.col("adjustment_points")).otherwise(total)
    # index in units of 1/10,000 %, rounded to the index's places of a percent (4 when not rounded).
    index_places = policy.shown("index")
    index = _div_round(achieved * (100 * 10**index_places), maximum, mode) * unit_step(index_places)
    totals = (
        per_commune.with_columns(
            total.alias("total_points"),
            maximum.alias("applicable_max"),
            pl.when(maximum > 0).then(index).otherwise(pl.lit(None, dtype=pl.Int64)).alias("index"),
            rescale.alias("survey_rescaled"),
        )
        .with_columns(_rounded(pl.col("total_points"), policy.at("total"), mode).alias("total_points"))
        .join(areas, on=COMMUNE, how="left")
    )
    reg = register.frame.rename({"code": COMMUNE})
    keep = [c for c in reg.columns if not c.startswith("_")]
    return reg.select(keep).join(totals, on=COMMUNE, how="left").sort(COMMUNE)


__all__ = ["compute_totals", "unreachable_findings"]
