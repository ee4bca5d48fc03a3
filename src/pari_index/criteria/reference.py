"""A deliberately simple pure-Python evaluator of the same rules, written independently of the
polars compiler: plain ``if`` statements, exact :class:`fractions.Fraction` arithmetic and
:class:`decimal.Decimal` rounding, one commune and one leaf at a time.

It exists to check the compiler (a property test runs both on generated criteria sets and inputs
and requires identical points and branches) and as the readable statement of what each rule kind
means. It is far too slow for national runs; the benchmark measures by how much.

A number, count or percent in a row is its exact value as read: a :class:`~decimal.Decimal` or
:class:`~fractions.Fraction`. Rows taken from an evaluation frame (:mod:`pari_index.criteria.compiling`)
hold it as an integer of units of 1/10,000 plus the ``:rest`` column below one unit, in counts of
1/10**14; :func:`_number` turns that back into the exact value, and nothing else here depends on
how the compiler holds numbers. Booleans are bool, dates are ``datetime.date``, statuses and
levels are text, and a missing value is ``None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pari_index.criteria.model import CriteriaSet, Leaf, NotApplicable, Part, resolve_leaves, unreachable_points
from pari_index.criteria.points import RoundingMode
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
    YearDate,
    YesNo,
)
from pari_index.errors import Problem, UsageError

UNIT = Fraction(1, 10_000)
#: The unit of an evaluation frame's ``:rest`` column.
REST_UNIT = Fraction(1, 10**14)


def _number(row: Mapping[str, Any], column: str) -> Fraction | None:
    """The exact value of a numeric input, or None when missing: a Decimal or Fraction as it is;
    an integer as an evaluation frame holds it, units of 1/10,000 plus the rest column."""
    raw = row.get(column)
    if raw is None:
        return None
    if isinstance(raw, Decimal | Fraction):
        return Fraction(raw)
    return Fraction(raw) * UNIT + Fraction(row.get(f"{column}:rest") or 0) * REST_UNIT


def _units(points: Fraction | Decimal) -> int:
    scaled = Fraction(points) / UNIT
    assert scaled.denominator == 1, f"{points} is finer than 1/10,000"
    return int(scaled)


def _round(value: Fraction, places: int | None, mode: RoundingMode) -> Fraction:
    """``value`` rounded to ``places`` decimals; a level not rounded (None) is still held at the
    finest unit, 4 decimals (docs/criteria.md §12)."""
    step = Fraction(1, 10 ** (4 if places is None else places))
    lower = (value // step) * step
    if value == lower:
        return value
    upper = lower + step
    half = lower + step / 2
    if mode is RoundingMode.down:
        return lower if value >= 0 else upper
    if value > half:
        return upper
    if value < half:
        return lower
    if mode is RoundingMode.half_up:
        return upper
    # half_even: the neighbour whose last digit is even.
    return lower if (lower / step) % 2 == 0 else upper


def _in_tier(value: Fraction, tier: Any) -> bool:
    if tier.from_ is not None and not value >= Fraction(tier.from_):
        return False
    if tier.above is not None and not value > Fraction(tier.above):
        return False
    if tier.to is not None and not value <= Fraction(tier.to):
        return False
    return not (tier.below is not None and not value < Fraction(tier.below))


def _count(leaf: Leaf, name: str, row: Mapping[str, Any]) -> Fraction | None:
    column = leaf.column(name)
    if leaf.inputs[name].type is InputType.boolean:
        raw = row.get(column)
        return None if raw is None else Fraction(1 if raw else 0)
    return _number(row, column)


def _range_ratio(rule: Proportional, value: Fraction) -> tuple[Fraction, str]:
    """Where a value lies on the rule's declared range, as a ratio in [0, 1], and its branch."""
    assert rule.range is not None
    low, high = Fraction(rule.range.from_), Fraction(rule.range.to)
    if value < low:
        return Fraction(0), "below_range"
    if value > high:
        return Fraction(1), "above_range"
    return (value - low) / (high - low), ("ratio_full" if value == high else "ratio")


def _resolve(when: dt.date | YearDate | DaysAfter, get: Callable[[str], Any], year: int | None) -> dt.date | None:
    """The day a deadline falls on for one commune; None when the date it counts from is missing."""
    if isinstance(when, dt.date):
        return when
    if isinstance(when, YearDate):
        # _deadline_rule (evaluate_leaf) and evaluate_reference refuse a leaf that needs a year without one.
        assert year is not None
        return dt.date(year + when.year, when.month, when.day)
    start = get(when.of)
    return None if start is None else start + dt.timedelta(days=when.days_after)


def _deadline(rule: Deadline, get: Callable[[str], Any], maximum: Fraction, year: int | None) -> tuple[Fraction, str]:
    signed = get(rule.input)
    if signed is None:
        return Fraction(rule.not_done), "not_done"
    due = _resolve(rule.deadline, get, year)
    last = _resolve(rule.late_until, get, year) if rule.late_until is not None else None
    if due is None or (rule.late_until is not None and last is None):
        return Fraction(rule.not_done), "no_reference_date"
    # A relative deadline names the day it resolved to in the branch: "on_time:2025-01-31".
    suffix = f":{due.isoformat()}" if rule.is_relative else ""
    if signed <= due:
        return Fraction(rule.on_time) if rule.on_time is not None else maximum, "on_time" + suffix
    if last is None or signed <= last:
        return Fraction(rule.late), "late" + suffix
    return Fraction(rule.not_done), "after_late_until" + (f":{last.isoformat()}" if rule.is_relative else "")


#: Points and branch of one leaf for one commune (points None when the leaf is excluded).
Outcome = tuple[Fraction | None, str]


@dataclass(frozen=True)
class _Commune:
    """One leaf's view of one commune's row: the values of its inputs, and what scoring needs."""

    leaf: Leaf
    row: Mapping[str, Any]
    places: int | None
    mode: RoundingMode
    year: int | None
    maximum: Fraction
    #: The id of the criteria set, for the message of a deadline that needs a year it was not given.
    criteria_id: str

    def get(self, name: str) -> Any:
        """The raw value of input ``name`` (bool, date, text, ...), None when missing."""
        return self.row.get(self.leaf.column(name))

    def number(self, name: str) -> Fraction | None:
        """The exact value of numeric input ``name``, None when missing."""
        return _number(self.row, self.leaf.column(name))


def _pts(value: Decimal | None, default: Fraction) -> Fraction:
    """Points a rule states, or ``default`` when it leaves them out."""
    return default if value is None else Fraction(value)


def evaluate_leaf(
    leaf: Leaf,
    row: Mapping[str, Any],
    places: int | None,
    mode: RoundingMode,
    year: int | None = None,
    criteria_id: str = "",
) -> tuple[Fraction | None, str]:
    """Points (None when excluded) and branch of one leaf for one commune; ``year`` resolves
    deadlines written as a day of the assessment year (the set ``criteria_id`` is named when one is
    needed and missing)."""
    maximum = Fraction(leaf.max)
    flagged = bool(row.get(f"{leaf.id}:n/a"))
    wrong_type = leaf.applies_to is not None and row.get("unit_type") not in {t.value for t in leaf.applies_to}
    if leaf.not_applicable is NotApplicable.full_points and (flagged or wrong_type):
        return maximum, "na_full_points"
    if wrong_type or (leaf.not_applicable is NotApplicable.exclude and flagged):
        return None, "na_excluded"
    evaluate = _EVALUATORS.get(leaf.rule.kind)
    if evaluate is None:  # pragma: no cover
        raise AssertionError(f"unhandled rule kind {leaf.rule.kind}")
    return evaluate(leaf.rule, _Commune(leaf, row, places, mode, year, maximum, criteria_id))


def _yes_no(rule: YesNo, c: _Commune) -> Outcome:
    v = c.get(rule.input)
    if v is None:
        return Fraction(0), "missing"
    return (_pts(rule.yes, c.maximum), "yes") if v else (_pts(rule.no, Fraction(0)), "no")


def _timeliness(rule: Timeliness, c: _Commune) -> Outcome:
    v = c.get(rule.input)
    if v == "on_time":
        return _pts(rule.on_time, c.maximum), "on_time"
    if v == "late":
        return Fraction(rule.late), "late"
    if v == "not_done":
        return Fraction(rule.not_done), "not_done"
    return Fraction(0), "missing"


def _year_missing(criteria_id: str, leaf_id: str) -> UsageError:
    """A deadline relative to the assessment year, and no year: the set and the item in the message."""
    return UsageError(
        Problem(
            "year-missing",
            f"criteria set {criteria_id}: item {leaf_id} needs an assessment year",
            hint="give the year with --year YYYY (score_run / score: year=), or year: in the set",
            params={"criteria": criteria_id, "criterion": leaf_id},
        )
    )


def _deadline_rule(rule: Deadline, c: _Commune) -> Outcome:
    if c.year is None and rule.needs_year:
        raise _year_missing(c.criteria_id, c.leaf.id)
    return _deadline(rule, c.get, c.maximum, c.year)


def _tiers(rule: Tiers, c: _Commune) -> Outcome:
    if rule.rate is not None:
        num, den = c.number(rule.rate.numerator), c.number(rule.rate.denominator)
        if num is None or den is None:
            return Fraction(0), "missing"
        if den == 0:
            return (c.maximum if rule.when_no_denominator == "full_points" else Fraction(0)), "no_denominator"
        value = num / den * 100
    else:
        assert rule.input is not None
        plain = c.number(rule.input)
        if plain is None:
            return Fraction(0), "missing"
        value = plain
    for i, tier in enumerate(rule.tiers):
        if _in_tier(value, tier):
            return Fraction(tier.points), f"tier:{i}"
    return Fraction(0), "no_tier"


def _proportional(rule: Proportional, c: _Commune) -> Outcome:
    if rule.rate is not None:
        num, den = c.number(rule.rate.numerator), c.number(rule.rate.denominator)
        if num is None or den is None:
            return Fraction(0), "missing"
        if den <= 0:
            return (c.maximum if rule.when_no_denominator == "full_points" else Fraction(0)), "no_denominator"
        ratio = num / den
        branch = "ratio_full" if ratio >= 1 else "ratio"
    else:
        assert rule.input is not None
        plain = c.number(rule.input)
        if plain is None:
            return Fraction(0), "missing"
        if rule.range is not None:
            ratio, branch = _range_ratio(rule, plain)
        else:
            ratio = plain / 100
            branch = "ratio_full" if ratio >= 1 else "ratio"
    ratio = min(max(ratio, Fraction(0)), Fraction(1))
    points = _round(ratio * c.maximum, c.places, c.mode)
    cap = c.maximum if rule.cap is None else Fraction(rule.cap)
    return min(max(points, Fraction(rule.floor)), cap), branch


def _checklist(rule: Checklist, c: _Commune) -> Outcome:
    met = [item for item in rule.items if c.get(item.input)]
    total = sum((Fraction(item.points) for item in met), Fraction(0))
    return min(total, c.maximum), f"checked:{len(met)}/{len(rule.items)}"


def _count_tiers(rule: CountTiers, c: _Commune) -> Outcome:
    n = c.number(rule.input)
    if n is None:
        return Fraction(0), "missing"
    for i, ctier in enumerate(rule.tiers):
        if n >= ctier.at_least:
            return Fraction(ctier.points), f"tier:{i}"
    return Fraction(0), "below_tiers"


def _choice(rule: Choice, c: _Commune) -> Outcome:
    v = c.get(rule.input)
    if v is None:
        return Fraction(0), "missing"
    for level in rule.levels:
        if v == level.value:
            return Fraction(level.points_for(c.leaf.max)), f"level:{level.value}"
    return Fraction(0), "unknown_level"


def _deduction(rule: Deduction, c: _Commune) -> Outcome:
    n = _count(c.leaf, rule.input, c.row)
    if n is None:
        return Fraction(0), "missing"
    start = _pts(rule.start, c.maximum)
    return max(start - n * Fraction(rule.per), Fraction(c.leaf.floor)), ("no_deduction" if n == 0 else "deducted")


def _adjustment(rule: Bonus | Penalty, c: _Commune) -> Outcome:
    """A bonus adds, a penalty takes away: ``per`` for each one counted, at most the maximum."""
    n = _count(c.leaf, rule.input, c.row)
    if n is None:
        return Fraction(0), "none"
    amount = min(n * Fraction(rule.per), c.maximum)
    sign = 1 if isinstance(rule, Bonus) else -1
    return sign * amount, ("none" if n == 0 else rule.kind)


#: The evaluator of each rule kind.
_EVALUATORS: dict[str, Callable[[Any, _Commune], Outcome]] = {
    "yes_no": _yes_no,
    "timeliness": _timeliness,
    "deadline": _deadline_rule,
    "tiers": _tiers,
    "proportional": _proportional,
    "checklist": _checklist,
    "count_tiers": _count_tiers,
    "choice": _choice,
    "deduction": _deduction,
    "bonus": _adjustment,
    "penalty": _adjustment,
}


def evaluate_reference(
    criteria: CriteriaSet, rows: Iterable[Mapping[str, Any]], year: int | None = None
) -> list[dict[str, Any]]:
    """Score communes given as evaluation-frame rows; the same columns as the compiled result.
    ``year`` (default: the set's ``year``) resolves deadlines in the assessment year."""
    leaves = resolve_leaves(criteria)
    places, mode = criteria.rounding.at("items"), criteria.rounding.mode
    year = criteria.year if year is None else year
    for leaf in leaves:
        if year is None and isinstance(leaf.rule, Deadline) and leaf.rule.needs_year:
            raise _year_missing(criteria.id, leaf.id)
    out: list[dict[str, Any]] = []
    for row in rows:
        for leaf in leaves:
            points, branch = evaluate_leaf(leaf, row, places, mode, year, criteria.id)
            counted = Fraction(0) if points is None or leaf.part is Part.adjustment else Fraction(leaf.max)
            out.append(
                {
                    "commune_code": row["commune_code"],
                    "criterion_id": leaf.id,
                    "points": None if points is None else _units(points),
                    "branch": branch,
                    "counted_max": _units(counted),
                }
            )
    return out


def _round_level(value: Fraction, places: int | None, mode: RoundingMode) -> Fraction:
    """A sum at a level of the rounding policy: as it is when the level is not rounded."""
    return value if places is None else _round(value, places, mode)


def _area_points(criteria: CriteriaSet, results: list[dict[str, Any]]) -> dict[tuple[str, str, str], Fraction | None]:
    """Points per (commune, area, part), each rounded to the policy's area places. An area whose
    items are all excluded has None; an adjustment area's net stays within +/- its maximum."""
    leaves = {leaf.id: leaf for leaf in resolve_leaves(criteria)}
    caps = {area.id: Fraction(area.max) for area in criteria.areas if area.part is Part.adjustment}
    sums: dict[tuple[str, str, str], Fraction | None] = {}
    for r in results:
        leaf = leaves[r["criterion_id"]]
        key = (r["commune_code"], leaf.area, leaf.part.value)
        points = None if r["points"] is None else Fraction(r["points"]) * UNIT
        before = sums.get(key)
        sums[key] = before if points is None else (before or Fraction(0)) + points
    out: dict[tuple[str, str, str], Fraction | None] = {}
    for key, value in sums.items():
        if key[1] in caps:
            value = min(max(value or Fraction(0), -caps[key[1]]), caps[key[1]])
        out[key] = None if value is None else _round_level(value, criteria.rounding.at("areas"), criteria.rounding.mode)
    return out


def reference_totals(criteria: CriteriaSet, results: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per commune, from :func:`evaluate_reference` rows: the points of each part, the total, the
    applicable maximum and the index, in units, rounded level by level as the set's policy says
    (docs/criteria.md §9, §12, §14). Survey results are taken as given (no optional-survey re-scaling)."""
    rows = [dict(r) for r in results]
    policy, mode = criteria.rounding, criteria.rounding.mode
    areas = _area_points(criteria, rows)
    unreachable = unreachable_points(criteria)
    out: dict[str, dict[str, Any]] = {}
    for commune in dict.fromkeys(r["commune_code"] for r in rows):
        mine = [r for r in rows if r["commune_code"] == commune]
        parts = {
            part.value: _round_level(
                sum(
                    (v or Fraction(0) for (c, _, p), v in areas.items() if c == commune and p == part.value),
                    Fraction(0),
                ),
                policy.at("parts"),
                mode,
            )
            for part in Part
        }
        counted = {r["criterion_id"] for r in mine if r["counted_max"] > 0}
        maximum = sum((Fraction(r["counted_max"]) * UNIT for r in mine), Fraction(0))
        maximum += sum((Fraction(u.points) for u in unreachable if counted & set(u.leaves)), Fraction(0))
        total = sum(parts.values(), Fraction(0))
        index_places = policy.shown("index")
        index = None if maximum == 0 else _round(total / maximum * 100, index_places, mode)
        out[commune] = {
            "appraised_points": _units(parts["appraised"]),
            "survey_points": _units(parts["survey"]),
            "adjustment_points": _units(parts["adjustment"]),
            "total_points": _units(_round_level(total, policy.at("total"), mode)),
            "applicable_max": _units(maximum),
            "index": None if index is None else _units(index),
        }
    return out
