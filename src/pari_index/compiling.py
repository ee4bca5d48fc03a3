"""Compile a validated criteria set into polars expressions and evaluate all communes at once.

The evaluation frame is *wide*: one row per commune, one typed column per input of every leaf
(``"1.1.4:done"``), plus ``"<leaf>:n/a"`` flags and the commune's ``unit_type``. Each leaf compiles
into one small expression over its own columns, so polars evaluates the leaves side by side; a
single when/then chain over every criterion would evaluate every branch on every row and was
measured slower than plain Python (shared/ecosystem-notes.md).

Numbers are exact: point values, numbers, counts and percents are Int64 counts of 1/10,000
(:mod:`pari_index.points`), and rates are compared by cross-multiplication, never by dividing.
The semantics are those of docs/criteria.md; :mod:`pari_index.reference` implements them again
in plain Python, and a property test checks that both agree.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import polars as pl

from .loading import gc_paused
from .model import CriteriaSet, Leaf, NotApplicable, Part, resolve_leaves
from .points import SCALE, RoundingMode, to_units, unit_step
from .rules import (
    Bonus,
    Checklist,
    Choice,
    CountTiers,
    Deadline,
    Deduction,
    InputType,
    Penalty,
    Proportional,
    Tiers,
    Timeliness,
    ValueRange,
    YesNo,
)
from .textexpr import format_text

COMMUNE = "commune_code"
UNIT_TYPE = "unit_type"
NA_SUFFIX = "n/a"

#: polars dtype of each input type in the evaluation frame.
INPUT_DTYPES: dict[InputType, pl.DataType] = {
    InputType.boolean: pl.Boolean(),
    InputType.number: pl.Int64(),
    InputType.count: pl.Int64(),
    InputType.percent: pl.Int64(),
    InputType.date: pl.Date(),
    InputType.status: pl.String(),
    InputType.level: pl.String(),
}

#: Columns of an evaluation result (one row per commune and leaf).
RESULT_SCHEMA: dict[str, pl.DataType] = {
    COMMUNE: pl.String(),
    "criterion_id": pl.String(),
    "points": pl.Int64(),
    "branch": pl.String(),
    "counted_max": pl.Int64(),
}


def na_column(leaf_id: str) -> str:
    return f"{leaf_id}:{NA_SUFFIX}"


def frame_schema(leaves: Sequence[Leaf]) -> dict[str, pl.DataType]:
    """The columns an evaluation frame for these leaves has, with their dtypes."""
    schema: dict[str, pl.DataType] = {COMMUNE: pl.String(), UNIT_TYPE: pl.String()}
    for leaf in leaves:
        for name, spec in leaf.inputs.items():
            schema[leaf.column(name)] = INPUT_DTYPES[spec.type]
        schema[na_column(leaf.id)] = pl.Boolean()
    return schema


@functools.lru_cache(maxsize=4096)
def _lit(value: int) -> pl.Expr:
    # Cached: expressions are immutable, and building the same literal for each of thousands of
    # leaves was a third of compilation.
    return pl.lit(value, dtype=pl.Int64)


@functools.lru_cache(maxsize=4096)
def _text(value: str) -> pl.Expr:
    return pl.lit(value, dtype=pl.String)


_TRUE = pl.lit(True)
_FALSE = pl.lit(False)


def _wide(expr: pl.Expr) -> pl.Expr:
    """An Int64 units column as Int128 before a product: an input (up to 9e17 units) times a point
    value or an edge (up to 1e17 units) passes Int64, where polars wraps around silently."""
    return expr.cast(pl.Int128)


def div_round_expr(a: pl.Expr, b: pl.Expr, mode: RoundingMode) -> pl.Expr:
    """a / b rounded to an integer, for a >= 0 and b > 0, exactly in Int64."""
    if mode is RoundingMode.down:
        return a // b
    if mode is RoundingMode.half_up:
        return (2 * a + b) // (2 * b)
    q = a // b
    r = a % b
    bump = (2 * r > b) | ((2 * r == b) & (q % 2 == 1))
    return q + bump.cast(pl.Int64)


def _first_match(conditions: Sequence[pl.Expr], points: Sequence[int], none: str) -> tuple[pl.Expr, pl.Expr]:
    """(points, branch) of the first tier whose condition holds: ``tier:i``, or 0 and ``none``.

    One flat lookup rather than a when/then branch per tier: polars' cost for a when/then chain
    grows with the square of its length (500 leaves of 20 tiers took twice as long as with this)."""
    n = len(conditions)
    index = pl.coalesce([pl.when(cond).then(_lit(i)) for i, cond in enumerate(conditions)]).fill_null(n)
    table = pl.lit(pl.Series([*points, 0], dtype=pl.Int64)).gather(index)
    labels = pl.lit(pl.Series([f"tier:{i}" for i in range(n)] + [none], dtype=pl.String)).gather(index)
    return table, labels


@dataclass(frozen=True)
class CompiledLeaf:
    leaf: Leaf
    points: pl.Expr  # Int64 units, null when the leaf is excluded for the commune
    branch: pl.Expr  # String: which branch of the rule gave the points
    counted_max: pl.Expr  # Int64 units counted in the commune's applicable maximum


@dataclass(frozen=True)
class CompiledSet:
    criteria: CriteriaSet
    leaves: list[Leaf]
    compiled: list[CompiledLeaf]

    @property
    def schema(self) -> dict[str, pl.DataType]:
        return frame_schema(self.leaves)

    def empty_frame(self) -> pl.DataFrame:
        return pl.DataFrame(schema=self.schema)

    def evaluate(self, frame: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
        """Score every commune of a wide evaluation frame: one row per commune and leaf."""
        lazy = frame.lazy() if isinstance(frame, pl.DataFrame) else frame
        # The schemas once each: asking for them per column made 10,000 leaves take minutes.
        schema = self.schema
        present = set(lazy.collect_schema().names())
        missing = [c for c in schema if c not in present]
        if missing:
            lazy = lazy.with_columns(pl.lit(None, dtype=schema[c]).alias(c) for c in missing)
        structs = [
            pl.struct(
                criterion_id=pl.lit(c.leaf.id),
                points=c.points,
                branch=c.branch,
                counted_max=c.counted_max,
            ).alias(c.leaf.id)
            for c in self.compiled
        ]
        if not structs:
            return pl.DataFrame(schema=RESULT_SCHEMA)
        wide = lazy.select(pl.col(COMMUNE), *structs)
        long = wide.unpivot(index=COMMUNE, on=[c.leaf.id for c in self.compiled], variable_name="_leaf").select(
            COMMUNE, pl.col("value").struct.unnest()
        )
        return long.collect().cast(RESULT_SCHEMA)  # type: ignore[arg-type]


class _LeafCompiler:
    def __init__(self, leaf: Leaf, item_places: int | None, mode: RoundingMode) -> None:
        self.leaf = leaf
        self.max_units = to_units(leaf.max)
        self.floor_units = to_units(leaf.floor)
        # Computed item points are rounded to the policy's item places, or to the finest unit.
        self.step = unit_step(item_places)
        self.mode = mode

    def col(self, name: str) -> pl.Expr:
        return pl.col(self.leaf.column(name))

    def units(self, value: Decimal | None, default: int) -> pl.Expr:
        return _lit(default if value is None else to_units(value))

    def count(self, name: str) -> pl.Expr:
        """A count or boolean input as a whole number of occurrences."""
        spec = self.leaf.inputs[name]
        if spec.type is InputType.boolean:
            return self.col(name).cast(pl.Int64) * SCALE
        return self.col(name)

    def rule(self) -> tuple[pl.Expr, pl.Expr]:
        rule = self.leaf.rule
        m = self.max_units
        match rule:
            case YesNo():
                v = self.col(rule.input)
                return (
                    pl.when(v.is_null())
                    .then(_lit(0))
                    .when(v)
                    .then(self.units(rule.yes, m))
                    .otherwise(self.units(rule.no, 0)),
                    pl.when(v.is_null()).then(_text("missing")).when(v).then(_text("yes")).otherwise(_text("no")),
                )
            case Timeliness():
                v = self.col(rule.input)
                return (
                    pl.when(v == "on_time")
                    .then(self.units(rule.on_time, m))
                    .when(v == "late")
                    .then(self.units(rule.late, 0))
                    .when(v == "not_done")
                    .then(self.units(rule.not_done, 0))
                    .otherwise(_lit(0)),
                    pl.when(v.is_in(["on_time", "late", "not_done"])).then(v).otherwise(_text("missing")),
                )
            case Deadline():
                v = self.col(rule.input)
                on_time = v <= pl.lit(rule.deadline)
                late = v <= pl.lit(rule.late_until) if rule.late_until is not None else v.is_not_null()
                return (
                    pl.when(v.is_null())
                    .then(self.units(rule.not_done, 0))
                    .when(on_time)
                    .then(self.units(rule.on_time, m))
                    .when(late)
                    .then(self.units(rule.late, 0))
                    .otherwise(self.units(rule.not_done, 0)),
                    pl.when(v.is_null())
                    .then(_text("not_done"))
                    .when(on_time)
                    .then(_text("on_time"))
                    .when(late)
                    .then(_text("late"))
                    .otherwise(_text("after_late_until")),
                )
            case Tiers():
                return self._tiers(rule)
            case Proportional():
                return self._proportional(rule)
            case Checklist():
                total = pl.sum_horizontal(
                    pl.when(self.col(item.input).fill_null(False)).then(self.units(item.points, 0)).otherwise(_lit(0))
                    for item in rule.items
                )
                met = pl.sum_horizontal(self.col(item.input).fill_null(False).cast(pl.Int64) for item in rule.items)
                return (
                    pl.min_horizontal(total, _lit(m)),
                    format_text("checked:{}/{}", met, pl.lit(len(rule.items))),
                )
            case CountTiers():
                v = self.col(rule.input)
                points, branch = _first_match(
                    [v >= tier.at_least * SCALE for tier in rule.tiers],
                    [to_units(tier.points) for tier in rule.tiers],
                    "below_tiers",
                )
                missing = v.is_null()
                return (
                    pl.when(missing).then(_lit(0)).otherwise(points),
                    pl.when(missing).then(_text("missing")).otherwise(branch),
                )
            case Choice():
                v = self.col(rule.input)
                points = pl.when(v.is_null()).then(_lit(0))
                branch = pl.when(v.is_null()).then(_text("missing"))
                for level in rule.levels:
                    points = points.when(v == level.value).then(_lit(to_units(level.points_for(self.leaf.max))))
                    branch = branch.when(v == level.value).then(_text(f"level:{level.value}"))
                return points.otherwise(_lit(0)), branch.otherwise(_text("unknown_level"))
            case Deduction():
                n = self.count(rule.input)
                start = self.units(rule.start, m)
                # per x count: both in units, so divide one SCALE back out.
                deducted = _wide(start) - (_wide(n) * to_units(rule.per)) // SCALE
                kept = pl.max_horizontal(deducted, _lit(self.floor_units)).cast(pl.Int64)
                return (
                    pl.when(n.is_null()).then(_lit(0)).otherwise(kept),
                    pl.when(n.is_null())
                    .then(_text("missing"))
                    .when(n == 0)
                    .then(_text("no_deduction"))
                    .otherwise(_text("deducted")),
                )
            case Bonus() | Penalty():
                n = self.count(rule.input)
                amount = pl.min_horizontal((_wide(n) * to_units(rule.per)) // SCALE, _lit(m)).cast(pl.Int64)
                sign = 1 if isinstance(rule, Bonus) else -1
                return (
                    pl.when(n.is_null()).then(_lit(0)).otherwise(sign * amount),
                    pl.when(n.is_null() | (n == 0)).then(_text("none")).otherwise(pl.lit(rule.kind)),
                )
        raise AssertionError(f"unhandled rule kind {rule.kind}")  # pragma: no cover

    def _ratio_source(self, rule: Tiers | Proportional) -> tuple[pl.Expr, pl.Expr]:
        """(numerator, denominator) such that the value in % is numerator / denominator x 100."""
        if rule.rate is not None:
            return self.col(rule.rate.numerator), self.col(rule.rate.denominator)
        assert rule.input is not None
        # A plain input: value = input; as a "rate" it is input / (100 * SCALE) x 100.
        return self.col(rule.input), _lit(100 * SCALE)

    def _tiers(self, rule: Tiers) -> tuple[pl.Expr, pl.Expr]:
        if rule.rate is not None:
            num, den = self._ratio_source(rule)

            # value >= e  <=>  num * 100 >= e * den  (den > 0), all in units.
            def cmp_ge(edge: Decimal) -> pl.Expr:
                return _wide(num) * (100 * SCALE) >= _wide(den) * to_units(edge)

            def cmp_gt(edge: Decimal) -> pl.Expr:
                return _wide(num) * (100 * SCALE) > _wide(den) * to_units(edge)

            missing = num.is_null() | den.is_null()
            no_den = den == 0
        else:
            assert rule.input is not None
            v = self.col(rule.input)

            def cmp_ge(edge: Decimal) -> pl.Expr:
                return v >= to_units(edge)

            def cmp_gt(edge: Decimal) -> pl.Expr:
                return v > to_units(edge)

            missing = v.is_null()
            no_den = _FALSE
        full = self.max_units if rule.when_no_denominator == "full_points" else 0
        conds = []
        for tier in rule.tiers:
            cond = _TRUE
            if tier.lower is not None:
                edge, inclusive = tier.lower
                cond = cond & (cmp_ge(edge) if inclusive else cmp_gt(edge))
            if tier.upper is not None:
                edge, inclusive = tier.upper
                cond = cond & (~cmp_gt(edge) if inclusive else ~cmp_ge(edge))
            conds.append(cond)
        points, branch = _first_match(conds, [to_units(tier.points) for tier in rule.tiers], "no_tier")
        return (
            pl.when(missing).then(_lit(0)).when(no_den).then(_lit(full)).otherwise(points),
            pl.when(missing).then(_text("missing")).when(no_den).then(_text("no_denominator")).otherwise(branch),
        )

    def _proportional(self, rule: Proportional) -> tuple[pl.Expr, pl.Expr]:
        if rule.range is not None:
            return self._proportional_range(rule, rule.range)
        num, den = self._ratio_source(rule)
        cap = self.max_units if rule.cap is None else to_units(rule.cap)
        floor = to_units(rule.floor)
        full = self.max_units if rule.when_no_denominator == "full_points" else 0
        # Ratio capped to [0, 1]; points = ratio x max, rounded to the policy's item places.
        clipped = pl.min_horizontal(pl.max_horizontal(num, _lit(0)), den)
        raw = div_round_expr(_wide(clipped) * self.max_units, _wide(den) * self.step, self.mode) * self.step
        kept = pl.min_horizontal(pl.max_horizontal(raw, _lit(floor)), _lit(cap)).cast(pl.Int64)
        missing = num.is_null() | den.is_null()
        return (
            pl.when(missing).then(_lit(0)).when(den <= 0).then(_lit(full)).otherwise(kept),
            pl.when(missing)
            .then(_text("missing"))
            .when(den <= 0)
            .then(_text("no_denominator"))
            .when(num >= den)
            .then(_text("ratio_full"))
            .otherwise(_text("ratio")),
        )

    def _proportional_range(self, rule: Proportional, declared: ValueRange) -> tuple[pl.Expr, pl.Expr]:
        """(value - from) / (to - from) x max, the value clipped to the declared range first."""
        assert rule.input is not None
        v = self.col(rule.input)
        low, high = to_units(declared.from_), to_units(declared.to)
        width = high - low  # > 0: validation refuses a range whose from is not below its to
        above = _wide(v) - low
        zero, top = pl.lit(0, dtype=pl.Int128), pl.lit(width, dtype=pl.Int128)
        clipped = pl.min_horizontal(pl.max_horizontal(above, zero), top)
        divisor = pl.lit(width * self.step, dtype=pl.Int128)
        raw = div_round_expr(clipped * self.max_units, divisor, self.mode) * self.step
        floor = to_units(rule.floor)
        cap = self.max_units if rule.cap is None else to_units(rule.cap)
        kept = pl.min_horizontal(pl.max_horizontal(raw, _lit(floor)), _lit(cap)).cast(pl.Int64)
        return (
            pl.when(v.is_null()).then(_lit(0)).otherwise(kept),
            pl.when(v.is_null())
            .then(_text("missing"))
            .when(v < low)
            .then(_text("below_range"))
            .when(v > high)
            .then(_text("above_range"))
            .when(v == high)
            .then(_text("ratio_full"))
            .otherwise(_text("ratio")),
        )

    def compile(self) -> CompiledLeaf:
        leaf = self.leaf
        points, branch = self.rule()
        points = points.cast(pl.Int64)
        flagged = pl.col(na_column(leaf.id)).fill_null(False)
        if leaf.applies_to is not None:
            wrong_type = ~pl.col(UNIT_TYPE).is_in([t.value for t in leaf.applies_to]).fill_null(False)
        else:
            wrong_type = _FALSE
        counts = leaf.part is not Part.adjustment
        full_max = _lit(self.max_units if counts else 0)
        policy = leaf.not_applicable
        if policy is NotApplicable.full_points:
            na = flagged | wrong_type
            return CompiledLeaf(
                leaf,
                pl.when(na).then(_lit(self.max_units)).otherwise(points),
                pl.when(na).then(_text("na_full_points")).otherwise(branch),
                full_max,
            )
        # exclude, and not_allowed (where only a unit type outside applies_to excludes a leaf;
        # a flag on a leaf that does not allow N/A is reported by the intake and ignored here).
        na = (flagged | wrong_type) if policy is NotApplicable.exclude else wrong_type
        return CompiledLeaf(
            leaf,
            pl.when(na).then(pl.lit(None, dtype=pl.Int64)).otherwise(points),
            pl.when(na).then(_text("na_excluded")).otherwise(branch),
            pl.when(na).then(_lit(0)).otherwise(full_max),
        )


def compile_criteria(criteria: CriteriaSet) -> CompiledSet:
    """Compile every leaf of a validated criteria set."""
    # Linear in the leaves; the cyclic collector is paused because its passes over the growing
    # number of expression objects made a 5,000-leaf set several times slower.
    with gc_paused():
        leaves = resolve_leaves(criteria)
        item_places, mode = criteria.rounding.at("items"), criteria.rounding.mode
        compiled = [_LeafCompiler(leaf, item_places, mode).compile() for leaf in leaves]
    return CompiledSet(criteria=criteria, leaves=leaves, compiled=compiled)
