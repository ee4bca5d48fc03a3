"""What the two peers share: the criteria set read into plain tables, the word lists of the intake,
the output layout, and the item-by-item comparison with pari's results.

The peers are what an analyst would write to score the same files without pari: read the files,
type the values, pivot to one row per commune, one expression per rule kind generated from the
criteria set, the evidence policy, totals, index, classes and ranks. They reuse from pari only the
criteria *loader* (a YAML file into objects) and the word lists an analyst would copy from the
documentation (``có``/``không``, ``đúng hạn``, unit types), so that the scoring itself is written
independently.

Every point value is an integer count of 1/10,000 point (a *unit*), as in pari: sums are exact and
only divisions round, in the set's declared mode.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pari_index.criteria.loading import load_criteria
from pari_index.criteria.model import Leaf, NotApplicable, Part, resolve_leaves
from pari_index.criteria.rules import Choice, Rule
from pari_index.intake.register import UNIT_TYPES
from pari_index.intake.values import FALSE_WORDS, STATUS_WORDS, TRUE_WORDS

SCALE = 10_000
EPOCH = dt.date(1970, 1, 1)

__all__ = [
    "EPOCH",
    "FALSE_WORDS",
    "SCALE",
    "STATUS_WORDS",
    "TRUE_WORDS",
    "UNIT_TYPES",
    "Band",
    "InputPlan",
    "LeafPlan",
    "SetPlan",
    "compare",
    "days",
    "load_plan",
    "units",
]


def units(value: Decimal | int | None) -> int | None:
    """A point value or bound as an integer number of 1/10,000."""
    if value is None:
        return None
    scaled = Decimal(value) * SCALE
    assert scaled == scaled.to_integral_value(), f"{value} is finer than 1/10,000"
    return int(scaled)


def days(day: dt.date) -> int:
    """A date as days since 1970-01-01 (how both peers hold dates)."""
    return (day - EPOCH).days


@dataclass(frozen=True)
class InputPlan:
    name: str
    kind: str  # boolean, number, count, percent, date, status, level
    min_units: int | None
    max_units: int | None

    @property
    def column(self) -> str:
        return self.name


@dataclass(frozen=True)
class LeafPlan:
    """One scored item with everything the peers need, inherited values resolved."""

    id: str
    area: str
    part: str  # appraised, survey, adjustment
    max_units: int
    floor_units: int
    rule: Rule
    inputs: dict[str, InputPlan]
    not_applicable: str  # not_allowed, full_points, exclude
    applies_to: frozenset[str] | None
    evidence_required: bool
    needs_number: bool
    needs_date: bool
    needs_file: bool
    zero_without_evidence: bool
    levels: dict[str, str] = field(default_factory=dict)  # lower-cased value or label -> value
    level_units: dict[str, int] = field(default_factory=dict)  # level value -> points

    def key(self, name: str) -> str:
        """The column of one input in the one-row-per-commune frame."""
        return f"{self.id}:{name}"

    @property
    def na_key(self) -> str:
        return f"{self.id}:n/a"

    @property
    def default_input(self) -> str | None:
        return next(iter(self.inputs)) if len(self.inputs) == 1 else None


@dataclass(frozen=True)
class Band:
    name: str
    from_units: int | None
    above_units: int | None
    to_units: int | None
    below_units: int | None


@dataclass(frozen=True)
class SetPlan:
    id: str
    leaves: list[LeafPlan]
    places: int
    mode: str  # half_up, half_even, down
    bands: list[Band]
    group_column: str
    ties: str  # competition, dense
    tie_break: list[str]  # result columns: appraised_points, survey_points
    adjustment_caps: dict[str, int]  # area id -> cap (units)
    survey_optional: bool
    has_survey: bool

    @property
    def step(self) -> int:
        """Units in the last kept decimal of a point (100 at two places)."""
        return int(10 ** (4 - self.places))


def _leaf_plan(leaf: Leaf) -> LeafPlan:
    inputs = {
        name: InputPlan(name, spec.type.value, units(spec.min), units(spec.max)) for name, spec in leaf.inputs.items()
    }
    levels: dict[str, str] = {}
    level_units: dict[str, int] = {}
    if isinstance(leaf.rule, Choice):
        for level in leaf.rule.levels:
            levels[level.value.lower()] = level.value
            if level.label:
                levels[level.label.lower()] = level.value
            level_units[level.value] = units(level.points_for(leaf.max)) or 0
    requires = {r for e in leaf.evidence for r in e.requires}
    return LeafPlan(
        id=leaf.id,
        area=leaf.area,
        part=leaf.part.value,
        max_units=units(leaf.max) or 0,
        floor_units=units(leaf.floor) or 0,
        rule=leaf.rule,
        inputs=inputs,
        not_applicable=leaf.not_applicable.value,
        applies_to=frozenset(t.value for t in leaf.applies_to) if leaf.applies_to else None,
        evidence_required=bool(leaf.evidence) and leaf.part is Part.appraised,
        needs_number="number" in requires,
        needs_date="date" in requires,
        needs_file="file" in requires,
        zero_without_evidence=leaf.missing_evidence.value == "zero",
        levels=levels,
        level_units=level_units,
    )


def _tie_break_column(key: str) -> str:
    if key in ("appraised", "survey"):
        return f"{key}_points"
    raise NotImplementedError(f"the peers break ties on the appraised or survey part only, not on area {key}")


def load_plan(criteria_path: str | Path) -> SetPlan:
    """The criteria set as the peers use it (pari's loader reads and validates the YAML)."""
    crit = load_criteria(criteria_path).criteria
    leaves = [_leaf_plan(leaf) for leaf in resolve_leaves(crit)]
    bands = [Band(b.name, units(b.from_), units(b.above), units(b.to), units(b.below)) for b in crit.classes]
    caps = {a.id: units(a.max) or 0 for a in crit.areas if a.part is Part.adjustment}
    return SetPlan(
        id=crit.id,
        leaves=leaves,
        places=crit.rounding.places,
        mode=crit.rounding.mode.value,
        bands=bands,
        group_column=crit.ranking.within,
        ties=crit.ranking.ties,
        tie_break=[_tie_break_column(k) for k in crit.ranking.tie_break],
        adjustment_caps=caps,
        survey_optional=crit.parts.survey_optional,
        has_survey=crit.parts.survey > 0,
    )


def na_policy_reads_flag(leaf: LeafPlan) -> bool:
    """pari refuses an N/A flag on an item that does not allow one (the cell is rejected)."""
    return leaf.not_applicable != NotApplicable.not_allowed.value


#: The result columns each peer writes, in units (index: 1/10,000 of a percent).
DETAIL_COLUMNS = ("commune_code", "criterion_id", "points")
TOTAL_COLUMNS = (
    "commune_code",
    "appraised_points",
    "survey_points",
    "adjustment_points",
    "total_points",
    "applicable_max",
    "index",
    "class",
    "rank",
)


def compare(pari_dir: str | Path, peer_dir: str | Path, examples: int = 5) -> dict[str, Any]:
    """Disagreements between pari's Parquet results folder (criteria.parquet: final_score per
    commune and item; summary.parquet: totals, index, class, rank) and a peer's (details.parquet,
    totals.parquet in units). Returns counts per measure, the total and a few examples."""
    import polars as pl

    pari_dir, peer_dir = Path(pari_dir), Path(peer_dir)

    def to_units(column: str) -> pl.Expr:
        return (pl.col(column) * SCALE).round(0).cast(pl.Int64)

    ours = pl.read_parquet(pari_dir / "criteria.parquet").select(
        "commune_code", "criterion_id", to_units("final_score").alias("pari")
    )
    theirs = pl.read_parquet(peer_dir / "details.parquet").select(
        "commune_code", "criterion_id", pl.col("points").cast(pl.Int64).alias("peer")
    )
    items = ours.join(theirs, on=["commune_code", "criterion_id"], how="full", coalesce=True)
    bad_items = items.filter(~pl.col("pari").eq_missing(pl.col("peer")))
    result: dict[str, Any] = {"items": items.height, "item_disagreements": bad_items.height}
    result["item_examples"] = bad_items.head(examples).rows()

    numeric = ["appraised_points", "survey_points", "adjustment_points", "total_points", "applicable_max", "index"]
    summary = pl.read_parquet(pari_dir / "summary.parquet").select(
        "commune_code", *[to_units(c).alias(c) for c in numeric], pl.col("class"), pl.col("rank").cast(pl.Int64)
    )
    peer_totals = pl.read_parquet(peer_dir / "totals.parquet").select(
        "commune_code",
        *[pl.col(c).cast(pl.Int64) for c in numeric],
        pl.col("class").cast(pl.String),
        pl.col("rank").cast(pl.Int64),
    )
    joined = summary.join(peer_totals, on="commune_code", how="full", coalesce=True, suffix="_peer")
    total_bad = 0
    for column in [*numeric, "class", "rank"]:
        wrong = joined.filter(~pl.col(column).eq_missing(pl.col(f"{column}_peer")))
        result[f"{column}_disagreements"] = wrong.height
        total_bad += wrong.height
        if wrong.height:
            result[f"{column}_examples"] = wrong.select("commune_code", column, f"{column}_peer").head(examples).rows()
    result["communes"] = joined.height
    result["disagreements"] = bad_items.height + total_bad
    return result
