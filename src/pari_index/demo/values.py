"""Plausible input values for every input type, driven by a commune's latent quality, and the text
a clerk would type for them (decimal commas, day-first dates, Vietnamese answers)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from pari_index.criteria.model import Leaf
from pari_index.criteria.points import SCALE, to_units
from pari_index.criteria.rules import (
    Bonus,
    Checklist,
    Choice,
    CountTiers,
    DaysAfter,
    Deadline,
    Deduction,
    InputSpec,
    InputType,
    Interval,
    Penalty,
    Proportional,
    Tiers,
    Timeliness,
    YearDate,
    YesNo,
)
from pari_index.demo.plans import _Plan
from pari_index.demo.words import STATUS_TEXT

Value = int | bool | dt.date | str | None  # numbers in units of 1/10,000


def _domain(spec: InputSpec, edges: Sequence[Decimal]) -> tuple[int, int, int]:
    """(low, high, step) in units for a numeric input."""
    top_edge = max((to_units(e) for e in edges), default=0)
    if spec.type is InputType.percent:
        low, high, step = 0, 100 * SCALE, SCALE // 10
    elif spec.type is InputType.count:
        low, high, step = 0, max(top_edge * 3 // 2, 3 * SCALE) // SCALE * SCALE + 3 * SCALE, SCALE
    else:
        low, high, step = 0, max(top_edge * 13 // 10, 10 * SCALE) + 10 * SCALE, SCALE // 10
    if spec.min is not None:
        low = max(low, to_units(spec.min))
    if spec.max is not None:
        high = min(high, to_units(spec.max))
    return low, max(low, high), step


def _in_interval(rng: random.Random, interval: Interval, low: int, high: int, step: int) -> int | None:
    lo, hi = low, high
    if interval.lower is not None:
        edge, inclusive = interval.lower
        lo = max(lo, to_units(edge) if inclusive else to_units(edge) + step)
    if interval.upper is not None:
        edge, inclusive = interval.upper
        hi = min(hi, to_units(edge) if inclusive else to_units(edge) - step)
    lo = -(-lo // step) * step
    hi = hi // step * step
    if lo > hi:
        return None
    return lo + step * rng.randint(0, (hi - lo) // step)


def _pick(rng: random.Random, q: float, ordered: Sequence[Any]) -> Any:
    """The best option with probability q, else any option."""
    return ordered[0] if rng.random() < q else rng.choice(ordered)


def _rate(rng: random.Random, q: float) -> int:
    """A rate in units of %, one decimal, better for better communes."""
    r = min(1.0, max(0.0, rng.gauss(0.62 + 0.37 * q, 0.08)))
    if rng.random() < q * 0.5:
        r = 1.0
    return round(r * 1000) * (SCALE // 10)


def _denominator(rng: random.Random, scale: int) -> int:
    low, high = ((4, 30), (20, 240), (150, 2600))[scale]
    return rng.randint(low, high) * SCALE


def _generic(rng: random.Random, q: float, spec: InputSpec, year: int) -> Value:
    match spec.type:
        case InputType.boolean:
            return rng.random() < 0.5 + 0.45 * q
        case InputType.status:
            return str(_pick(rng, q, ("on_time", "late", "not_done")))
        case InputType.date:
            return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 330))
        case InputType.percent:
            return _rate(rng, q)
        case InputType.level:
            return None
        case _:
            low, high, step = _domain(spec, [])
            return low + step * rng.randint(0, (high - low) // step)


def _leaf_inputs(rng: random.Random, q: float, plan: _Plan, year: int) -> dict[str, Value]:
    """Values for every input of one item, of a unit of quality ``q`` (0 to 1): the rule's own
    inputs drawn so that better units tend to score better, any other input by its type. The
    draws from ``rng`` are in a fixed order, so the same seed gives the same values."""
    leaf = plan.leaf
    rule = leaf.rule
    values: dict[str, Value] = {}
    match rule:
        case YesNo():
            values[rule.input] = _generic(rng, q, leaf.inputs[rule.input], year)
        case Timeliness():
            values[rule.input] = _pick(rng, q, ("on_time", "late", "not_done"))
        case Deadline():
            values.update(_deadline_inputs(rng, q, rule, year))
        case Tiers() | Proportional() if rule.rate is not None:
            values.update(_rate_inputs(rng, q, plan, rule))
        case Tiers():
            assert rule.input is not None
            spec = leaf.inputs[rule.input]
            low, high, step = _domain(spec, [e for t in rule.tiers for e in (t.from_, t.above, t.to, t.below) if e])
            ordered = sorted(rule.tiers, key=lambda t: -t.points)
            value = _in_interval(rng, _pick(rng, q, ordered), low, high, step)
            values[rule.input] = value if value is not None else low + step * rng.randint(0, (high - low) // step)
        case Proportional() if rule.range is not None:
            assert rule.input is not None
            # A score on the declared range (a 0-10 sub-index) at 2 decimals, better for better units.
            low, high = to_units(rule.range.from_), to_units(rule.range.to)
            step = 1 if high - low < 100 else 100
            values[rule.input] = low + (high - low) * _rate(rng, q) // (100 * SCALE) // step * step
        case Proportional():
            assert rule.input is not None
            spec = leaf.inputs[rule.input]
            value = _rate(rng, q)
            if spec.type is not InputType.percent:
                low, high, _ = _domain(spec, [])
                value = min(max(value, low), high)
            values[rule.input] = value
        case Checklist():
            for item in rule.items:
                values[item.input] = rng.random() < 0.55 + 0.43 * q
        case CountTiers():
            values[rule.input] = _count_tier_input(rng, q, rule)
        case Choice():
            ordered_levels = sorted(rule.levels, key=lambda lv: -lv.points_for(leaf.max))
            values[rule.input] = _pick(rng, q, ordered_levels).value
        case Deduction() | Bonus() | Penalty():
            spec = leaf.inputs[rule.input]
            chance = {"deduction": 0.2 - 0.15 * q, "bonus": 0.05 + 0.15 * q, "penalty": 0.08 - 0.06 * q}[rule.kind]
            happened = rng.random() < chance
            if spec.type is InputType.boolean:
                values[rule.input] = happened
            else:
                values[rule.input] = (rng.choice((1, 1, 1, 2, 3)) if happened else 0) * SCALE
    for name, spec in leaf.inputs.items():
        if name not in values:
            values[name] = _generic(rng, q, spec, leaf_year(leaf, year))
    return values


def _deadline_inputs(rng: random.Random, q: float, rule: Deadline, year: int) -> dict[str, Value]:
    """The reference dates of a deadline item, then its completion date: within the deadline,
    late (up to the late limit, or 60 days), or none (not done)."""
    outcome = _pick(rng, q, ("on_time", "late", "not_done"))
    deadline, late_until, references = _demo_deadline(rule, year)
    values: dict[str, Value] = dict(references)
    start = min([dt.date(deadline.year, 1, 2), *references.values()])
    if outcome == "on_time":
        span = max(0, (deadline - start).days)
        values[rule.input] = start + dt.timedelta(days=rng.randint(0, span))
    elif outcome == "late":
        until = late_until or deadline + dt.timedelta(days=60)
        span = max(1, (until - deadline).days)
        values[rule.input] = deadline + dt.timedelta(days=rng.randint(1, span))
    else:
        values[rule.input] = None
    return values


def _rate_inputs(rng: random.Random, q: float, plan: _Plan, rule: Tiers | Proportional) -> dict[str, Value]:
    """Denominator and numerator of an item scored on a rate: a rate drawn for the unit's quality
    (within a tier, for tiers), applied to a denominator of the item's scale."""
    assert rule.rate is not None
    if isinstance(rule, Tiers):
        ordered = sorted(rule.tiers, key=lambda t: -t.points)
        rate = _in_interval(rng, _pick(rng, q, ordered), 0, 100 * SCALE, SCALE // 10)
        rate = _rate(rng, q) if rate is None else rate
    else:
        rate = _rate(rng, q)
    den = _denominator(rng, plan.scale)
    if plan.leaf.inputs[rule.rate.denominator].type is InputType.count:
        num = round(den // SCALE * rate / (100 * SCALE)) * SCALE
    else:
        num = den * rate // (100 * SCALE) // (SCALE // 10) * (SCALE // 10)
    return {rule.rate.denominator: den, rule.rate.numerator: min(num, den)}


def _count_tier_input(rng: random.Random, q: float, rule: CountTiers) -> int:
    """A count (in units) inside one of the tiers, or below the lowest, picked for the quality."""
    by_count = sorted(rule.tiers, key=lambda t: -t.at_least)
    bottom = min(t.at_least for t in rule.tiers)
    options: list[tuple[int, int]] = []
    upper = by_count[0].at_least + 3
    for tier in by_count:
        options.append((tier.at_least, max(tier.at_least, upper - 1)))
        upper = tier.at_least
    if bottom > 0:
        options.append((0, bottom - 1))
    low, high = _pick(rng, q, options)
    return rng.randint(low, high) * SCALE


def leaf_year(leaf: Leaf, year: int) -> int:
    rule = leaf.rule
    return rule.deadline.year if isinstance(rule, Deadline) and isinstance(rule.deadline, dt.date) else year


def _demo_deadline(rule: Deadline, year: int) -> tuple[dt.date, dt.date | None, dict[str, dt.date]]:
    """A deadline's dates for made-up data: relative ones resolved in ``year``, the input dates
    they count from set to 2 January of it."""
    references = {name: dt.date(year, 1, 2) for name in rule.counted_from}

    def fixed(when: dt.date | YearDate | DaysAfter) -> dt.date:
        if isinstance(when, YearDate):
            return dt.date(year + when.year, when.month, when.day)
        if isinstance(when, DaysAfter):
            return references[when.of] + dt.timedelta(days=when.days_after)
        return when

    return fixed(rule.deadline), fixed(rule.late_until) if rule.late_until is not None else None, references


def _number_text(units: int, comma: bool) -> str:
    text = format((Decimal(units) / SCALE).normalize(), "f")
    return text.replace(".", ",") if comma else text


def _text(value: Value, spec: InputSpec, leaf: Leaf, comma: bool, by_label: bool) -> str | None:
    if value is None:
        return None
    match spec.type:
        case InputType.boolean:
            return "có" if value else "không"
        case InputType.date:
            assert isinstance(value, dt.date)
            return value.strftime("%d/%m/%Y")
        case InputType.status:
            assert isinstance(value, str)
            return STATUS_TEXT[value]
        case InputType.level:
            assert isinstance(leaf.rule, Choice)
            for level in leaf.rule.levels:
                if level.value == value:
                    return level.label if by_label and level.label else level.value
            return str(value)
        case _:
            assert isinstance(value, int) and not isinstance(value, bool)
            return _number_text(value, comma)
