"""Compile a validated criteria set into polars expressions and evaluate all communes at once.

The evaluation frame is *wide*: one row per commune, one typed column per input of every leaf
(``"1.1.4:done"``), plus ``"<leaf>:n/a"`` flags and the commune's ``unit_type``. Each leaf compiles
into one small expression over its own columns, so polars evaluates the leaves side by side; a
single when/then chain over every criterion would evaluate every branch on every row and was
measured slower than plain Python (shared/ecosystem-notes.md).

Numbers are exact. Point values are Int64 counts of 1/10,000 (:mod:`pari_index.criteria.points`). An input
number, count or percent is the exact value as read (values.parse_exact: 15 significant digits,
at most 14 decimals), held in two Int64 columns: ``"1.1.4:rate"`` the units of 1/10,000 it
reaches (floor), and ``"1.1.4:rate:rest"`` the rest below one unit in counts of 1/10**14 (null
means 0). Every comparison with an edge uses the whole exact value in Int128, and rates are
compared by cross-multiplication, never by dividing. Bounds (why nothing overflows Int128, which
polars wraps around silently): an input read by the intake is below 10**14, so below 10**28 exact
counts; a point value is at most 10**10 units (rules.MAX_POINTS) and an edge at most 10**17 units
(rules.MAX_BOUND). The largest product formed is an exact value times a point value, below
10**38 < 1.7 x 10**38; a rate edge is compared by floor division, never multiplied by a
denominator (that product could reach 10**45).
The semantics are those of docs/criteria.md; :mod:`pari_index.criteria.reference` implements them again
in plain Python, and a property test checks that both agree.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl

from pari_index.criteria.model import CriteriaSet, Leaf, NotApplicable, Part, resolve_leaves
from pari_index.criteria.points import EXACT_SCALE, REST_SCALE, SCALE, RoundingMode, to_units, unit_step
from pari_index.criteria.rules import (
    Bonus,
    Checklist,
    Choice,
    CountTiers,
    DaysAfter,
    Deadline,
    Deduction,
    InputType,
    Penalty,
    Proportional,
    Tiers,
    Timeliness,
    ValueRange,
    YearDate,
    YesNo,
)
from pari_index.criteria.yaml_reader import gc_paused
from pari_index.errors import Problem, UsageError
from pari_index.textexpr import format_text

COMMUNE = "commune_code"
UNIT_TYPE = "unit_type"
NA_SUFFIX = "n/a"
REST_SUFFIX = "rest"
#: Input types read as numbers: held as units of 1/10,000 plus an exact rest column.
NUMERIC_INPUTS = (InputType.number, InputType.count, InputType.percent)

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


def rest_column(column: str) -> str:
    """The column of a numeric input's rest below one unit of 1/10,000, in counts of 1/10**14.
    Input names hold no ``:``, so it cannot be another input's column."""
    return f"{column}:{REST_SUFFIX}"


#: The suffix of a numeric input's exact value column (:func:`exact_column`).
EXACT_SUFFIX = "exact"


def exact_column(column: str) -> str:
    """The column :meth:`CompiledSet.evaluate` adds for a numeric input: its exact value as read,
    in Int128 counts of 1/10**14 (its units and its rest). Computed once per input there, so that
    the rules name a column instead of repeating the arithmetic in every comparison (planning the
    rules' expressions is most of an evaluation's cost, paid again for each batch)."""
    return f"{column}:{EXACT_SUFFIX}"


def _exact_value(column: str) -> pl.Expr:
    """A numeric input's exact value (see :func:`exact_column`): units x REST_SCALE + rest, where
    a missing rest is 0."""
    rest = pl.col(rest_column(column)).fill_null(0)
    return _wide(pl.col(column)) * _exact_lit(REST_SCALE) + rest.cast(pl.Int128)


def match_column(leaf_id: str) -> str:
    """The column of a leaf's first matching tier (see :meth:`_LeafCompiler.first_match`). Input
    names are identifiers, so no input's column ends in ``::``."""
    return f"{leaf_id}::match"


def frame_schema(leaves: Sequence[Leaf]) -> dict[str, pl.DataType]:
    """The columns an evaluation frame for these leaves has, with their dtypes."""
    schema: dict[str, pl.DataType] = {COMMUNE: pl.String(), UNIT_TYPE: pl.String()}
    for leaf in leaves:
        for name, spec in leaf.inputs.items():
            schema[leaf.column(name)] = INPUT_DTYPES[spec.type]
            if spec.type in NUMERIC_INPUTS:
                schema[rest_column(leaf.column(name))] = pl.Int64()
        schema[na_column(leaf.id)] = pl.Boolean()
    return schema


@functools.lru_cache(maxsize=4096)
def _lit(value: int) -> pl.Expr:
    # Cached: expressions are immutable, and building the same literal for each of thousands of
    # leaves was a third of compilation.
    return pl.lit(value, dtype=pl.Int64)


@functools.lru_cache(maxsize=4096)
def _exact_lit(value: int) -> pl.Expr:
    return pl.lit(value, dtype=pl.Int128)


def _exact_edge(edge: Decimal | int) -> pl.Expr:
    """An edge (at most 4 decimals, rules.MAX_BOUND) in exact counts of 1/10**14."""
    return _exact_lit(int(Decimal(edge) * EXACT_SCALE))


def _at_least_ratio(scaled: pl.Expr, den: pl.Expr, edge_units: int, strict: bool) -> pl.Expr:
    """``scaled >= den x edge_units`` (``>`` when ``strict``) for den > 0, without forming the
    product, which can pass Int128: for p > 0, a >= d*p <=> a // p >= d and a > d*p <=>
    (a - 1) // p >= d (floor division); a negative edge by the mirror image."""
    if edge_units == 0:
        return scaled > 0 if strict else scaled >= 0
    p = _exact_lit(abs(edge_units))
    if edge_units > 0:
        return ((scaled - 1) // p if strict else scaled // p) >= den
    # a >= -d*|p| <=> -a <= d*|p| <=> not (-a > d*|p|); a > -d*|p| <=> not (-a >= d*|p|).
    return ~(((-scaled) // p if strict else (-scaled - 1) // p) >= den)


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


@dataclass(frozen=True)
class CompiledLeaf:
    leaf: Leaf
    points: pl.Expr  # Int64 units, null when the leaf is excluded for the commune
    branch: pl.Expr  # String: which branch of the rule gave the points
    counted_max: pl.Expr  # Int64 units counted in the commune's applicable maximum
    #: Columns the three expressions above read, computed before them (:func:`match_column`).
    columns: tuple[pl.Expr, ...] = ()


@dataclass(frozen=True)
class CompiledSet:
    criteria: CriteriaSet
    leaves: list[Leaf]
    compiled: list[CompiledLeaf]
    #: The assessment year relative deadlines were resolved in (None: the set has no year).
    year: int | None = None

    @property
    def schema(self) -> dict[str, pl.DataType]:
        return frame_schema(self.leaves)

    def empty_frame(self) -> pl.DataFrame:
        return pl.DataFrame(schema=self.schema)

    @functools.cached_property
    def _stages(self) -> tuple[list[pl.Expr], list[pl.Expr], list[pl.Expr]]:
        """The expressions of :meth:`evaluate`'s three stages: the numeric inputs' exact values,
        the leaves' own columns (:attr:`CompiledLeaf.columns`), then one struct per leaf. Built
        once per set: building them again for each batch was a tenth of its evaluation."""
        numeric = [
            leaf.column(name)
            for leaf in self.leaves
            for name, spec in leaf.inputs.items()
            if spec.type in NUMERIC_INPUTS
        ]
        structs = [
            pl.struct(
                criterion_id=pl.lit(c.leaf.id),
                points=c.points,
                branch=c.branch,
                counted_max=c.counted_max,
            ).alias(c.leaf.id)
            for c in self.compiled
        ]
        return (
            [_exact_value(c).alias(exact_column(c)) for c in numeric],
            [column for c in self.compiled for column in c.columns],
            structs,
        )

    def evaluate(self, frame: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
        """Score every commune of a wide evaluation frame: one row per commune and leaf."""
        lazy = frame.lazy() if isinstance(frame, pl.DataFrame) else frame
        # The schemas once each: asking for them per column made 10,000 leaves take minutes.
        schema = self.schema
        present = set(lazy.collect_schema().names())
        missing = [c for c in schema if c not in present]
        if missing:
            lazy = lazy.with_columns(pl.lit(None, dtype=schema[c]).alias(c) for c in missing)
        exact, own, structs = self._stages
        lazy = lazy.with_columns(exact)
        if own:
            lazy = lazy.with_columns(own)
        if not structs:
            return pl.DataFrame(schema=RESULT_SCHEMA)
        wide = lazy.select(pl.col(COMMUNE), *structs)
        long = wide.unpivot(index=COMMUNE, on=[c.leaf.id for c in self.compiled], variable_name="_leaf").select(
            COMMUNE, pl.col("value").struct.unnest()
        )
        return long.collect().cast(RESULT_SCHEMA)  # type: ignore[arg-type]


class _LeafCompiler:
    def __init__(self, leaf: Leaf, item_places: int | None, mode: RoundingMode, year: int | None = None) -> None:
        self.leaf = leaf
        self.year = year
        self.max_units = to_units(leaf.max)
        self.floor_units = to_units(leaf.floor)
        # Computed item points are rounded to the policy's item places, or to the finest unit.
        self.step = unit_step(item_places)
        self.mode = mode
        #: Columns computed before the leaf's expressions (CompiledLeaf.columns).
        self.columns: list[pl.Expr] = []

    def col(self, name: str) -> pl.Expr:
        return pl.col(self.leaf.column(name))

    def first_match(self, conditions: Sequence[pl.Expr], points: Sequence[int], none: str) -> tuple[pl.Expr, pl.Expr]:
        """(points, branch) of the first tier whose condition holds: ``tier:i``, or 0 and ``none``.

        One flat lookup rather than a when/then branch per tier: polars' cost for a when/then chain
        grows with the square of its length (500 leaves of 20 tiers took twice as long as with this).
        The tier's index is a column of its own (:func:`match_column`, in ``self.columns``), which
        points and branch both read: the conditions are planned and computed once, not twice."""
        n = len(conditions)
        index = pl.coalesce([pl.when(cond).then(_lit(i)) for i, cond in enumerate(conditions)]).fill_null(n)
        self.columns.append(index.alias(match_column(self.leaf.id)))
        matched = pl.col(match_column(self.leaf.id))
        table = pl.lit(pl.Series([*points, 0], dtype=pl.Int64)).gather(matched)
        labels = pl.lit(pl.Series([f"tier:{i}" for i in range(n)] + [none], dtype=pl.String)).gather(matched)
        return table, labels

    def units(self, value: Decimal | None, default: int) -> pl.Expr:
        return _lit(default if value is None else to_units(value))

    def exact(self, name: str) -> pl.Expr:
        """A numeric input's exact value as read, in Int128 counts of 1/10**14: its units of
        1/10,000 and its rest below one unit (a missing rest is 0)."""
        return pl.col(exact_column(self.leaf.column(name)))

    def count(self, name: str) -> pl.Expr:
        """A count or boolean input as an exact number of occurrences (counts of 1/10**14)."""
        spec = self.leaf.inputs[name]
        if spec.type is InputType.boolean:
            return self.col(name).cast(pl.Int128) * _exact_lit(EXACT_SCALE)
        return self.exact(name)

    def rule(self) -> tuple[pl.Expr, pl.Expr]:
        """The points (Int64 units) and branch (text) expressions of the leaf's rule: one method
        per rule kind, the same branches as :func:`pari_index.criteria.reference.evaluate_leaf`."""
        rule = self.leaf.rule
        match rule:
            case YesNo():
                return self._yes_no(rule)
            case Timeliness():
                return self._timeliness(rule)
            case Deadline():
                return self._deadline(rule)
            case Tiers():
                return self._tiers(rule)
            case Proportional():
                return self._proportional(rule)
            case Checklist():
                return self._checklist(rule)
            case CountTiers():
                return self._count_tiers(rule)
            case Choice():
                return self._choice(rule)
            case Deduction():
                return self._deduction(rule)
            case Bonus() | Penalty():
                return self._adjustment(rule)
        raise AssertionError(f"unhandled rule kind {rule.kind}")  # pragma: no cover

    def _yes_no(self, rule: YesNo) -> tuple[pl.Expr, pl.Expr]:
        v = self.col(rule.input)
        return (
            pl.when(v.is_null())
            .then(_lit(0))
            .when(v)
            .then(self.units(rule.yes, self.max_units))
            .otherwise(self.units(rule.no, 0)),
            pl.when(v.is_null()).then(_text("missing")).when(v).then(_text("yes")).otherwise(_text("no")),
        )

    def _timeliness(self, rule: Timeliness) -> tuple[pl.Expr, pl.Expr]:
        v = self.col(rule.input)
        return (
            pl.when(v == "on_time")
            .then(self.units(rule.on_time, self.max_units))
            .when(v == "late")
            .then(self.units(rule.late, 0))
            .when(v == "not_done")
            .then(self.units(rule.not_done, 0))
            .otherwise(_lit(0)),
            pl.when(v.is_in(["on_time", "late", "not_done"])).then(v).otherwise(_text("missing")),
        )

    def _checklist(self, rule: Checklist) -> tuple[pl.Expr, pl.Expr]:
        total = pl.sum_horizontal(
            pl.when(self.col(item.input).fill_null(False)).then(self.units(item.points, 0)).otherwise(_lit(0))
            for item in rule.items
        )
        met = pl.sum_horizontal(self.col(item.input).fill_null(False).cast(pl.Int64) for item in rule.items)
        return (
            pl.min_horizontal(total, _lit(self.max_units)),
            format_text("checked:{}/{}", met, pl.lit(len(rule.items))),
        )

    def _count_tiers(self, rule: CountTiers) -> tuple[pl.Expr, pl.Expr]:
        v = self.exact(rule.input)
        points, branch = self.first_match(
            [v >= _exact_edge(tier.at_least) for tier in rule.tiers],
            [to_units(tier.points) for tier in rule.tiers],
            "below_tiers",
        )
        missing = v.is_null()
        return (
            pl.when(missing).then(_lit(0)).otherwise(points),
            pl.when(missing).then(_text("missing")).otherwise(branch),
        )

    def _choice(self, rule: Choice) -> tuple[pl.Expr, pl.Expr]:
        v = self.col(rule.input)
        # when/then chains change type as they grow (Then, ChainedThen): held as Any.
        points: Any = pl.when(v.is_null()).then(_lit(0))
        branch: Any = pl.when(v.is_null()).then(_text("missing"))
        for level in rule.levels:
            points = points.when(v == level.value).then(_lit(to_units(level.points_for(self.leaf.max))))
            branch = branch.when(v == level.value).then(_text(f"level:{level.value}"))
        return points.otherwise(_lit(0)), branch.otherwise(_text("unknown_level"))

    def _deduction(self, rule: Deduction) -> tuple[pl.Expr, pl.Expr]:
        n = self.count(rule.input)
        start = self.units(rule.start, self.max_units)
        # per (units) x count (exact): divide EXACT_SCALE back out.
        deducted = _wide(start) - (n * to_units(rule.per)) // EXACT_SCALE
        kept = pl.max_horizontal(deducted, _lit(self.floor_units)).cast(pl.Int64)
        return (
            pl.when(n.is_null()).then(_lit(0)).otherwise(kept),
            pl.when(n.is_null())
            .then(_text("missing"))
            .when(n == 0)
            .then(_text("no_deduction"))
            .otherwise(_text("deducted")),
        )

    def _adjustment(self, rule: Bonus | Penalty) -> tuple[pl.Expr, pl.Expr]:
        """A bonus adds, a penalty takes away: ``per`` for each one counted, at most the maximum."""
        n = self.count(rule.input)
        amount = pl.min_horizontal((n * to_units(rule.per)) // EXACT_SCALE, _lit(self.max_units)).cast(pl.Int64)
        sign = 1 if isinstance(rule, Bonus) else -1
        return (
            pl.when(n.is_null()).then(_lit(0)).otherwise(sign * amount),
            pl.when(n.is_null() | (n == 0)).then(_text("none")).otherwise(pl.lit(rule.kind)),
        )

    def _due(self, when: dt.date | YearDate | DaysAfter) -> pl.Expr:
        """A deadline as a Date expression: fixed, in the assessment year, or after an input date."""
        if isinstance(when, YearDate):
            assert self.year is not None, "compile_criteria checks that a year is given"
            return pl.date(self.year + when.year, when.month, when.day)
        if isinstance(when, DaysAfter):
            return self.col(when.of) + pl.duration(days=when.days_after)
        return pl.lit(when)

    def _deadline(self, rule: Deadline) -> tuple[pl.Expr, pl.Expr]:
        v = self.col(rule.input)
        due = self._due(rule.deadline)
        last = self._due(rule.late_until) if rule.late_until is not None else None
        on_time = v <= due
        late = v <= last if last is not None else v.is_not_null()
        # A deadline counted from a date nobody reported cannot be judged: not done, said so.
        no_reference = (
            pl.any_horizontal(self.col(n).is_null() for n in rule.counted_from) if rule.counted_from else _FALSE
        )
        not_done = self.units(rule.not_done, 0)
        points = (
            pl.when(v.is_null())
            .then(not_done)
            .when(no_reference)
            .then(not_done)
            .when(on_time)
            .then(self.units(rule.on_time, self.max_units))
            .when(late)
            .then(self.units(rule.late, 0))
            .otherwise(not_done)
        )
        status = pl.when(v.is_null()).then(_text("not_done")).when(no_reference).then(_text("no_reference_date"))
        if not rule.is_relative:
            branch = status.when(on_time).then(_text("on_time")).when(late).then(_text("late"))
            return points, branch.otherwise(_text("after_late_until"))

        # A resolved date travels in the branch ("on_time:2025-01-31"), so that the explanation
        # names the very date this commune was held to.
        def named(word: str, day: pl.Expr) -> pl.Expr:
            return pl.concat_str([_text(f"{word}:"), day.dt.strftime("%Y-%m-%d")])

        branch = status.when(on_time).then(named("on_time", due)).when(late).then(named("late", due))
        after = named("after_late_until", last) if last is not None else _text("after_late_until")
        return points, branch.otherwise(after)

    def _ratio_source(self, rule: Tiers | Proportional) -> tuple[pl.Expr, pl.Expr]:
        """(numerator, denominator), exact Int128, such that the value in % is numerator /
        denominator x 100."""
        if rule.rate is not None:
            return self.exact(rule.rate.numerator), self.exact(rule.rate.denominator)
        assert rule.input is not None
        # A plain input: value = input; as a "rate" it is input / (100 x EXACT_SCALE) x 100.
        return self.exact(rule.input), _exact_lit(100 * EXACT_SCALE)

    def _tiers(self, rule: Tiers) -> tuple[pl.Expr, pl.Expr]:
        if rule.rate is not None:
            num, den = self._ratio_source(rule)

            # value >= e  <=>  num x 100 x SCALE >= den x e_units  (den > 0): num x 10**6 stays
            # below 10**34; den x e_units is never formed (see _at_least_ratio).
            scaled = num * _exact_lit(100 * SCALE)

            def cmp_ge(edge: Decimal) -> pl.Expr:
                return _at_least_ratio(scaled, den, to_units(edge), strict=False)

            def cmp_gt(edge: Decimal) -> pl.Expr:
                return _at_least_ratio(scaled, den, to_units(edge), strict=True)

            missing = num.is_null() | den.is_null()
            no_den = den == 0
        else:
            assert rule.input is not None
            v = self.exact(rule.input)

            def cmp_ge(edge: Decimal) -> pl.Expr:
                return v >= _exact_edge(edge)

            def cmp_gt(edge: Decimal) -> pl.Expr:
                return v > _exact_edge(edge)

            missing = self.col(rule.input).is_null()
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
        points, branch = self.first_match(conds, [to_units(tier.points) for tier in rule.tiers], "no_tier")
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
        # Ratio capped to [0, 1]; points = ratio x max, rounded to the policy's item places, from the exact
        # values: clipped <= den < 10**28 exact counts, times max <= 10**10 units: below 10**38.
        clipped = pl.min_horizontal(pl.max_horizontal(num, _exact_lit(0)), den)
        raw = div_round_expr(clipped * self.max_units, den * self.step, self.mode) * self.step
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
        """(value - from) / (to - from) x max, the value clipped to the declared range first.

        From the exact value in counts of 1/10**14: the width is below 2 x 10**27 (rules.MAX_BOUND),
        times max <= 10**10 units stays below 10**38, inside Int128."""
        assert rule.input is not None
        v = self.exact(rule.input)
        low, high = int(declared.from_ * EXACT_SCALE), int(declared.to * EXACT_SCALE)
        width = high - low  # > 0: validation refuses a range whose from is not below its to
        clipped = pl.min_horizontal(pl.max_horizontal(v - _exact_lit(low), _exact_lit(0)), _exact_lit(width))
        raw = div_round_expr(clipped * self.max_units, _exact_lit(width * self.step), self.mode) * self.step
        floor = to_units(rule.floor)
        cap = self.max_units if rule.cap is None else to_units(rule.cap)
        kept = pl.min_horizontal(pl.max_horizontal(raw, _lit(floor)), _lit(cap)).cast(pl.Int64)
        missing = self.col(rule.input).is_null()
        return (
            pl.when(missing).then(_lit(0)).otherwise(kept),
            pl.when(missing)
            .then(_text("missing"))
            .when(v < _exact_lit(low))
            .then(_text("below_range"))
            .when(v > _exact_lit(high))
            .then(_text("above_range"))
            .when(v == _exact_lit(high))
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
                tuple(self.columns),
            )
        # exclude, and not_allowed (where only a unit type outside applies_to excludes a leaf;
        # a flag on a leaf that does not allow N/A is reported by the intake and ignored here).
        na = (flagged | wrong_type) if policy is NotApplicable.exclude else wrong_type
        return CompiledLeaf(
            leaf,
            pl.when(na).then(pl.lit(None, dtype=pl.Int64)).otherwise(points),
            pl.when(na).then(_text("na_excluded")).otherwise(branch),
            pl.when(na).then(_lit(0)).otherwise(full_max),
            tuple(self.columns),
        )


def assessment_year(criteria: CriteriaSet, leaves: Sequence[Leaf], year: int | None) -> int | None:
    """The year relative deadlines resolve in: ``year`` (``pari score --year``), else the set's.

    Raises UsageError (exit 2) naming the set and the first item that needs a year when neither
    gives one."""
    chosen = year if year is not None else criteria.year
    if chosen is None:
        needing = [leaf.id for leaf in leaves if isinstance(leaf.rule, Deadline) and leaf.rule.needs_year]
        if needing:
            more = f" (and {len(needing) - 1} more)" if len(needing) > 1 else ""
            raise UsageError(
                Problem(
                    "year-missing",
                    f"criteria set {criteria.id}: item {needing[0]}{more} has a deadline relative to the "
                    "assessment year, but no year is given",
                    hint="give the year with --year YYYY (score_run / score: year=), or year: in the set",
                    params={"criteria": criteria.id, "criterion": needing[0]},
                )
            )
    return chosen


def compile_criteria(criteria: CriteriaSet, year: int | None = None) -> CompiledSet:
    """Compile every leaf of a validated criteria set; ``year`` (default: the set's ``year``)
    resolves deadlines written as a day of the assessment year."""
    # Linear in the leaves; the cyclic collector is paused because its passes over the growing
    # number of expression objects made a 5,000-leaf set several times slower.
    with gc_paused():
        leaves = resolve_leaves(criteria)
        chosen = assessment_year(criteria, leaves, year)
        item_places, mode = criteria.rounding.at("items"), criteria.rounding.mode
        compiled = [_LeafCompiler(leaf, item_places, mode, chosen).compile() for leaf in leaves]
    return CompiledSet(criteria=criteria, leaves=leaves, compiled=compiled, year=chosen)
