"""Consistency checks on a typed criteria set: the things pydantic's types cannot see.

Every problem is reported at once, located by the YAML line of the node it concerns. Errors stop a
set from loading; warnings (a printed maximum kept on purpose, a gap between classification bands as
in Bà Rịa–Vũng Tàu 2013) are reported and the set still loads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import pairwise
from typing import Any

from pari_index.criteria.model import CriteriaSet, Node, Part
from pari_index.criteria.rules import (
    MAX_POINTS,
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
    Rule,
    Tiers,
    Timeliness,
    YearDate,
    YesNo,
    rule_inputs,
)
from pari_index.criteria.yaml_reader import quote
from pari_index.errors import Problem, quoted

Loc = tuple[int | str, ...]
Locator = Callable[[Loc], tuple[str, int | None, int | None]]

#: Per-criterion columns of assessment files ("1.1.1:self_score"); inputs may not use these names.
RESERVED_INPUT_NAMES = frozenset(
    {
        "self_score",
        "evidence_number",
        "evidence_date",
        "evidence_file",
        "explanation",
        "n/a",
        "na",
        "value",
        "input",
        "criterion_id",
        "commune_code",
    }
)

ZERO = Decimal(0)
HUNDRED = Decimal(100)

#: Input types each rule kind can read.
ACCEPTED_TYPES: dict[str, tuple[InputType, ...]] = {
    "yes_no": (InputType.boolean,),
    "timeliness": (InputType.status,),
    "deadline": (InputType.date,),
    "tiers": (InputType.number, InputType.count, InputType.percent),
    "rate": (InputType.number, InputType.count),
    "proportional": (InputType.percent,),
    # A proportional rule over a declared range reads a number on that range (a 0-10 sub-score).
    "range": (InputType.number, InputType.count, InputType.percent),
    "checklist": (InputType.boolean,),
    "count_tiers": (InputType.count,),
    "choice": (InputType.level,),
    "deduction": (InputType.count, InputType.boolean),
    "bonus": (InputType.count, InputType.boolean),
    "penalty": (InputType.count, InputType.boolean),
}


class _Collector:
    def __init__(self, locate: Locator) -> None:
        self.locate = locate
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def _make(self, loc: Loc, code: str, message: str, hint: str | None, params: dict[str, Any]) -> Problem:
        file, line, column = self.locate(loc)
        # The parameters fill the message's Vietnamese words (pari_index.messages); none: its title.
        shown = params or None
        return Problem(code=code, message=message, file=file, line=line, column=column, hint=hint, params=shown)

    def error(self, loc: Loc, code: str, message: str, hint: str | None = None, **params: Any) -> None:
        self.errors.append(self._make(loc, code, message, hint, params))

    def warn(self, loc: Loc, code: str, message: str, hint: str | None = None, **params: Any) -> None:
        self.warnings.append(self._make(loc, code, message, hint, params))


def rule_outcomes(rule: Rule, maximum: Decimal) -> list[tuple[str, Decimal]]:
    """Every distinct number of points a rule can give, labelled, for bound checks."""
    match rule:
        case YesNo():
            return [("yes", maximum if rule.yes is None else rule.yes), ("no", rule.no)]
        case Timeliness():
            on_time = maximum if rule.on_time is None else rule.on_time
            return [("on_time", on_time), ("late", rule.late), ("not_done", rule.not_done)]
        case Deadline():
            on_time = maximum if rule.on_time is None else rule.on_time
            return [("on_time", on_time), ("late", rule.late), ("not_done", rule.not_done)]
        case Tiers():
            return [(f"tiers[{i}]", t.points) for i, t in enumerate(rule.tiers)]
        case CountTiers():
            return [(f"tiers[{i}]", t.points) for i, t in enumerate(rule.tiers)]
        case Choice():
            return [
                (f"levels[{i}]", lvl.points if lvl.points is not None else (lvl.fraction or ZERO) * maximum)
                for i, lvl in enumerate(rule.levels)
            ]
        case Checklist():
            return [(f"items[{i}]", item.points) for i, item in enumerate(rule.items)]
        case Deduction():
            return [("start", maximum if rule.start is None else rule.start)]
        case _:
            return []


def _edge_key(edge: tuple[Decimal, bool] | None, lower: bool) -> tuple[Decimal, int]:
    # Sort key: an unbounded lower edge is -inf, an unbounded upper edge +inf; an exclusive lower
    # edge starts just after its value.
    if edge is None:
        return (Decimal("-Infinity") if lower else Decimal("Infinity"), 0)
    value, inclusive = edge
    if lower:
        return (value, 0 if inclusive else 1)
    return (value, 1 if inclusive else 0)


#: A finding about bands (check_intervals): the band's index, its kind, the English sentence and
#: the parameters that tell it in either language (labels.PARAM_WORDS: band_kind, band_overlap, ...).
BandFinding = tuple[int, str, str, dict[str, Any]]


def check_intervals(
    bands: Sequence[Interval],
    domain: tuple[Decimal, Decimal | None],
    what: str,
) -> tuple[list[BandFinding], list[BandFinding]]:
    """Order, overlaps and gaps of tier-like intervals. Returns (errors, gaps) as
    (index, code, message, params); the caller decides whether a gap is an error or a warning."""
    errors: list[BandFinding] = []
    gaps: list[BandFinding] = []

    def told(i: int, j: int | None = None, **more: Any) -> dict[str, Any]:
        params: dict[str, Any] = {"band_kind": what, "band_no": i + 1, "band": bands[i].describe(), **more}
        if j is not None:
            params |= {"next_no": j + 1, "next_band": bands[j].describe()}
        return params

    for i, band in enumerate(bands):
        low, high = band.lower, band.upper
        if low and high and (low[0] > high[0] or (low[0] == high[0] and not (low[1] and high[1]))):
            errors.append((i, "tier-empty", f"{what} {i + 1} ({band.describe()}) contains no value", told(i)))
    if errors:
        return errors, gaps
    keys = [_edge_key(b.lower, True) for b in bands]
    ascending = all(keys[i] < keys[i + 1] for i in range(len(keys) - 1))
    descending = all(keys[i] > keys[i + 1] for i in range(len(keys) - 1))
    if not (ascending or descending):
        for i in range(len(keys) - 1):
            if keys[i] == keys[i + 1]:
                message = f"{what} {i + 1} and {i + 2} start at the same value"
                errors.append((i + 1, "tier-overlap", message, told(i, i + 1, band_overlap="same_start")))
                return errors, gaps
        plural = "classes" if what == "class" else f"{what}s"
        message = (
            f"{plural} are out of order: list them from the highest values down (as the "
            "decisions print them) or from the lowest up, not mixed"
        )
        errors.append((0, "tier-order", message, {"band_kind": what, "band_order": what}))
        return errors, gaps
    order = sorted(range(len(bands)), key=lambda i: keys[i])
    for a, b in pairwise(order):
        upper = bands[a].upper
        lower = bands[b].lower
        overlap = f"{what} {a + 1} ({bands[a].describe()}) overlaps {what} {b + 1} ({bands[b].describe()})"
        if upper is None or lower is None:
            errors.append((b, "tier-overlap", overlap, told(a, b, band_overlap="overlap")))
            continue
        if upper[0] > lower[0] or (upper[0] == lower[0] and upper[1] and lower[1]):
            errors.append((b, "tier-overlap", overlap, told(a, b, band_overlap="overlap")))
        elif upper[0] < lower[0] or (not upper[1] and not lower[1]):
            message = (
                f"values between {what} {a + 1} ({bands[a].describe()}) and "
                f"{what} {b + 1} ({bands[b].describe()}) fall in no {what}"
            )
            gaps.append((b, "tier-gap", message, told(a, b, band_gap="between")))
    domain_low, domain_high = domain
    first, last = bands[order[0]], bands[order[-1]]
    if first.lower is not None and (
        first.lower[0] > domain_low or (first.lower[0] == domain_low and not first.lower[1])
    ):
        message = f"values from {domain_low} up to {first.describe()} fall in no {what}"
        gaps.append((order[0], "tier-gap", message, told(order[0], band_gap="below", low=domain_low)))
    if last.upper is not None and (
        domain_high is None or last.upper[0] < domain_high or (last.upper[0] == domain_high and not last.upper[1])
    ):
        top = "up" if domain_high is None else f"up to {domain_high}"
        above = told(order[-1], band_gap="above" if domain_high is None else "above_to", high=domain_high)
        gaps.append((order[-1], "tier-gap", f"values above {last.describe()} ({top}) fall in no {what}", above))
    return errors, gaps


def _check_range_reach(
    node: Node, rule: Proportional, inputs: dict[str, InputSpec], rloc: Loc, out: _Collector
) -> None:
    """A declared range whose top lies above the input's declared maximum: full points are out of reach."""
    spec = inputs.get(rule.input) if rule.input is not None else None
    if rule.range is None or spec is None or spec.max is None or spec.max >= rule.range.to:
        return
    out.warn(
        (*rloc, "range"),
        "range-unreachable",
        f"criterion {node.id}: input {quoted(rule.input)} may be at most {spec.max}, below the range's «to» "
        f"({rule.range.to}), so the item can never reach its maximum",
        "make the input's max and the range's to the same value",
        criterion=node.id,
        input=quoted(rule.input),
        max=spec.max,
        to=rule.range.to,
    )


def _check_leaf(node: Node, loc: Loc, part: Part, floor: Decimal, out: _Collector) -> None:
    """Everything about one scored item: its inputs, its area's part, its points, its rule kind."""
    rule = node.rule
    assert rule is not None
    inputs = node.inputs or {}
    _check_leaf_inputs(node, loc, rule, inputs, out)
    _check_leaf_part(node, loc, rule, part, out)
    _check_leaf_points(node, loc, rule, floor, out)
    _check_rule_kind(node, loc, rule, inputs, floor, out)


def _accepted_types(rule: Rule) -> tuple[InputType, ...]:
    """The input types ``rule`` can read: a rate or a declared range reads other types than its kind."""
    key: str = "rate" if isinstance(rule, Tiers | Proportional) and rule.rate is not None else rule.kind
    if isinstance(rule, Proportional) and rule.range is not None:
        key = "range"
    return ACCEPTED_TYPES[key]


def _check_leaf_inputs(node: Node, loc: Loc, rule: Rule, inputs: dict[str, InputSpec], out: _Collector) -> None:
    """Inputs the rule reads must be declared, with a type the rule can use; no input may take a
    reserved column name; an input the rule does not read is a warning."""
    rloc = (*loc, "rule")
    for name in rule_inputs(rule):
        if name not in inputs:
            out.error(
                rloc,
                "undeclared-input",
                f"criterion {node.id}: the rule reads input {quoted(name)}, which is not declared",
                f"declare it under inputs: e.g. {name}: {{type: ...}}",
                criterion=node.id,
                input=quoted(name),
            )
            continue
        accepted = _accepted_types(rule)
        if inputs[name].type not in accepted:
            out.error(
                (*loc, "inputs", name),
                "input-type",
                f"criterion {node.id}: input {quoted(name)} is {inputs[name].type.value}, but a "
                f"{rule.kind} rule needs {' or '.join(t.value for t in accepted)}",
                criterion=node.id,
                input=quoted(name),
                type=inputs[name].type.value,
                rule=rule.kind,
                accepted=" / ".join(t.value for t in accepted),
            )
    for name in inputs:
        if name in RESERVED_INPUT_NAMES:
            out.error(
                (*loc, "inputs", name),
                "reserved-input",
                f"criterion {node.id}: {quoted(name)} is a reserved column name of assessment files",
                "rename the input",
                criterion=node.id,
                input=quoted(name),
            )
    cased: dict[str, str] = {}
    for name in inputs:
        twin = cased.setdefault(name.casefold(), name)
        if twin != name:
            line = out.locate((*loc, "inputs", twin))[1]
            _case_twin(out, (*loc, "inputs", name), quoted(f"{node.id}:{name}"), quoted(f"{node.id}:{twin}"), line)
    unused = set(inputs) - set(rule_inputs(rule))
    for name in sorted(unused):
        message = f"criterion {node.id}: input {quoted(name)} is not used by its rule"
        out.warn((*loc, "inputs", name), "unused-input", message, criterion=node.id, input=quoted(name))


def _check_leaf_part(node: Node, loc: Loc, rule: Rule, part: Part, out: _Collector) -> None:
    """Adjustments only in adjustment areas, and nothing else there; no evidence for survey items."""
    rloc = (*loc, "rule")
    is_adjustment_rule = isinstance(rule, Bonus | Penalty)
    if part is Part.adjustment and not is_adjustment_rule:
        out.error(
            rloc,
            "adjustment-rule",
            f"criterion {node.id}: an adjustment area holds only bonus and penalty rules",
            criterion=node.id,
        )
    if part is not Part.adjustment and is_adjustment_rule:
        out.error(
            rloc,
            "adjustment-rule",
            f"criterion {node.id}: {rule.kind} rules belong in an area with part: adjustment",
            criterion=node.id,
        )
    if part is Part.survey and node.evidence:
        out.error(
            (*loc, "evidence"),
            "survey-evidence",
            f"criterion {node.id}: survey items have no evidence documents",
            criterion=node.id,
        )


def _check_leaf_points(node: Node, loc: Loc, rule: Rule, floor: Decimal, out: _Collector) -> None:
    """Every outcome of the rule lies between the item's floor and its maximum."""
    rloc = (*loc, "rule")
    maximum = node.max
    if floor > maximum:
        out.error(
            (*loc, "floor"),
            "floor-above-max",
            f"criterion {node.id}: floor {floor} is above its maximum {maximum}",
            criterion=node.id,
            floor=floor,
            max=maximum,
        )
    for label, points in rule_outcomes(rule, maximum):
        if points > maximum:
            out.error(
                rloc,
                "points-above-max",
                f"criterion {node.id}: {label} gives {points} points, above the maximum {maximum}",
                criterion=node.id,
                outcome=label,
                points=points,
                max=maximum,
            )
        if points < floor:
            out.error(
                rloc,
                "points-below-floor",
                f"criterion {node.id}: {label} gives {points} points, below the floor {floor}",
                "set floor: on the criterion if negative points are intended (deductions)",
                criterion=node.id,
                outcome=label,
                points=points,
                floor=floor,
            )


def _check_rule_kind(
    node: Node, loc: Loc, rule: Rule, inputs: dict[str, InputSpec], floor: Decimal, out: _Collector
) -> None:
    """The checks that belong to one rule kind (tier order, level values, ranges, deadlines...)."""
    rloc = (*loc, "rule")
    match rule:
        case Tiers():
            _check_tiers(node, rule, inputs, rloc, out)
        case CountTiers():
            _check_count_tiers(node, rule, rloc, out)
        case Choice():
            _check_choice(node, rule, rloc, out)
        case Checklist():
            total = sum((item.points for item in rule.items), ZERO)
            if total < node.max:
                out.warn(
                    rloc,
                    "checklist-short",
                    f"criterion {node.id}: its items add up to {total}, so it can never reach its maximum {node.max}",
                    criterion=node.id,
                    total=total,
                    max=node.max,
                )
        case Proportional():
            _check_proportional(node, rule, inputs, floor, rloc, out)
        case Deadline():
            _check_deadline(node.id, rule, inputs, rloc, out)
        case Deduction() | Bonus() | Penalty():
            if rule.per <= 0:
                out.error(
                    rloc, "per-not-positive", f"criterion {node.id}: «per» must be more than 0", criterion=node.id
                )
        case _:
            pass


def _check_tiers(node: Node, rule: Tiers, inputs: dict[str, InputSpec], rloc: Loc, out: _Collector) -> None:
    """Tiers cover the input's domain (0-100 for a rate or a percent) without overlaps or gaps."""
    if rule.rate is not None or (rule.input in inputs and inputs[rule.input].type is InputType.percent):
        domain: tuple[Decimal, Decimal | None] = (ZERO, HUNDRED)
    else:
        spec = inputs.get(rule.input or "")
        domain = (spec.min if spec and spec.min is not None else ZERO, spec.max if spec else None)
    errors, gaps = check_intervals(rule.tiers, domain, "tier")
    for i, code, message, params in errors + gaps:
        out.error(
            (*rloc, "tiers", i),
            code,
            f"criterion {node.id}: {message}",
            "give each edge once: 'above'/'from' below, 'to'/'below' above, as the decision prints",
            band_owner="criterion",
            criterion=node.id,
            **params,
        )
    if not errors:
        _tiers_turn(node, rule, rloc, out)


def _check_count_tiers(node: Node, rule: CountTiers, rloc: Loc, out: _Collector) -> None:
    """Count tiers go strictly downwards, as the decisions print them."""
    counts = [t.at_least for t in rule.tiers]
    if any(a <= b for a, b in pairwise(counts)):
        out.error(
            (*rloc, "tiers"),
            "tier-order",
            f"criterion {node.id}: count tiers must be listed from the largest count down, "
            "each smaller than the one before",
            band_owner="criterion",
            band_order="count",
            criterion=node.id,
        )
        return
    _count_tiers_turn(node, rule, rloc, out)


def _count_tiers_turn(node: Node, rule: CountTiers, rloc: Loc, out: _Collector) -> None:
    counts = [t.at_least for t in rule.tiers]
    order = sorted(range(len(rule.tiers)), key=lambda i: counts[i])
    _check_turn(node, [rule.tiers[i].points for i in order], order, [f">= {c}" for c in counts], rloc, out)


def _tiers_turn(node: Node, rule: Tiers, rloc: Loc, out: _Collector) -> None:
    order = sorted(range(len(rule.tiers)), key=lambda i: _edge_key(rule.tiers[i].lower, True))
    bands = [tier.describe() for tier in rule.tiers]
    _check_turn(node, [rule.tiers[i].points for i in order], order, bands, rloc, out)


def _check_turn(
    node: Node, points: Sequence[Decimal], order: Sequence[int], bands: Sequence[str], rloc: Loc, out: _Collector
) -> None:
    """A warning at the tier where the points, read along rising values (``points``, the tiers'
    indexes in that order ``order``), turn: up then down, or down then up. Points that only rise
    (a rate done) or only fall (a rate of late files) are the decisions' rules; a turn is most
    often one row's points typed on another (found by a criteria campaign, session 27: a set
    giving 0.5 at 100 % and 1 at 80-100 % loaded and scored without a word)."""
    way = 0
    for k, (a, b) in enumerate(pairwise(points)):
        step = (b > a) - (b < a)
        if step and way and step != way:
            i = order[k]
            out.warn(
                (*rloc, "tiers", i),
                "tiers-turn",
                f"criterion {node.id}: tier {i + 1} ({bands[i]}) turns the points round: along rising values they "
                "rise and then fall (or fall and then rise) about it, so a higher value gives fewer points in one "
                "place and more in another",
                "check each tier's points against the decision (one row's points copied to another?); if the rule "
                "is meant so, keep it: this is a warning",
                criterion=node.id,
                band_no=i + 1,
                band=bands[i],
            )
            return
        way = step or way


def _check_choice(node: Node, rule: Choice, rloc: Loc, out: _Collector) -> None:
    """Each level is listed once, an answer names one level only, and a fraction lies between 0
    and 1."""
    values = [lvl.value for lvl in rule.levels]
    for value in {v for v in values if values.count(v) > 1}:
        message = f"criterion {node.id}: level {quote(value)} is listed twice"
        out.error((*rloc, "levels"), "duplicate-level", message, criterion=node.id, level=quote(value))
    _check_level_answers(node, rule, rloc, out)
    for i, lvl in enumerate(rule.levels):
        if lvl.fraction is not None and not ZERO <= lvl.fraction <= 1:
            message = f"criterion {node.id}: a fraction lies between 0 and 1"
            out.error((*rloc, "levels", i), "fraction-range", message, criterion=node.id)


def _check_level_answers(node: Node, rule: Choice, rloc: Loc, out: _Collector) -> None:
    """A clerk answers with a level's value, its label or its English label, in any case: an answer
    that is the value or a label of two different levels (a label copied to the next line) would be scored as either,
    and the workbook's rule branch names a level by its label."""
    owner: dict[str, int] = {}
    for i, lvl in enumerate(rule.levels):
        for answer in lvl.answers():
            first = owner.setdefault(answer, i)
            if first != i and rule.levels[first].value != lvl.value:  # (a repeated value: above)
                message = (
                    f"criterion {node.id}: the answer {quote(answer)} names two levels, "
                    f"{quote(rule.levels[first].value)} and {quote(lvl.value)}"
                )
                out.error(
                    (*rloc, "levels", i),
                    "ambiguous-level",
                    message,
                    criterion=node.id,
                    answer=quote(answer),
                    first=quote(rule.levels[first].value),
                    level=quote(lvl.value),
                )


def _check_proportional(
    node: Node, rule: Proportional, inputs: dict[str, InputSpec], floor: Decimal, rloc: Loc, out: _Collector
) -> None:
    """A range goes upwards and can be reached; the rule's cap and floor fit the item's."""
    maximum = node.max
    if rule.range is not None and rule.range.from_ >= rule.range.to:
        out.error(
            (*rloc, "range"),
            "range-order",
            f"criterion {node.id}: the range's «from» ({rule.range.from_}) must be below its «to» ({rule.range.to})",
            "write the value that gives no points as from and the one that gives the maximum as to, "
            "e.g. range: {from: 0, to: 10}",
            criterion=node.id,
            low=rule.range.from_,
            high=rule.range.to,
        )
    _check_range_reach(node, rule, inputs, rloc, out)
    cap = maximum if rule.cap is None else rule.cap
    if cap > maximum:
        message = f"criterion {node.id}: cap {cap} is above the maximum {maximum}"
        out.error(rloc, "points-above-max", message, criterion=node.id, outcome="cap", points=cap, max=maximum)
    if rule.floor > cap:
        message = f"criterion {node.id}: floor {rule.floor} is above the cap {cap}"
        out.error(rloc, "floor-above-cap", message, criterion=node.id, floor=rule.floor, cap=cap)
    if rule.floor < floor:
        out.error(
            rloc,
            "points-below-floor",
            f"criterion {node.id}: rule floor {rule.floor} is below the criterion's floor {floor}",
            criterion=node.id,
            outcome="floor",
            points=rule.floor,
            floor=floor,
        )


def _comparable(when: dt.date | YearDate | DaysAfter) -> tuple[str, object] | None:
    # Two deadlines of the same form can be ordered without a year or a commune's dates.
    if isinstance(when, dt.date):
        return ("fixed", when)
    if isinstance(when, YearDate):
        return ("year", (when.year, when.month, when.day))
    return (f"after:{when.of}", when.days_after)


def _check_deadline(leaf_id: str, rule: Deadline, inputs: dict[str, InputSpec], rloc: Loc, out: _Collector) -> None:
    """late_until after the deadline (when the two can be compared); relative dates that count
    from the signature date itself."""
    if rule.late_until is not None:
        first, last = _comparable(rule.deadline), _comparable(rule.late_until)
        if first and last and first[0] == last[0] and last[1] <= first[1]:  # type: ignore[operator]
            out.error(
                (*rloc, "late_until"),
                "deadline-order",
                f"criterion {leaf_id}: late_until must come after the deadline",
                criterion=leaf_id,
            )
    for key, when in (("deadline", rule.deadline), ("late_until", rule.late_until)):
        if isinstance(when, DaysAfter) and when.of == rule.input:
            out.error(
                (*rloc, key),
                "deadline-of-itself",
                f"criterion {leaf_id}: the {key} counts from {quoted(when.of)}, the very date it judges",
                "count from another date input of the item, e.g. the day the request was received",
                criterion=leaf_id,
                key=key,
                of=quoted(when.of),
            )


def _check_origin_and_year(criteria: CriteriaSet, out: _Collector) -> None:
    """A set says where it comes from; a set with deadlines in "the assessment year" says which
    year, or the scorer must (a warning: ``pari score --year`` gives it)."""
    if criteria.decision is None and criteria.source is None:
        out.error(
            ("id",),
            "no-origin",
            f"criteria set {criteria.id} names neither a decision nor a source",
            "add decision: {number: ..., date: ...} for a set a decision issues, or "
            "source: (the published methodology, a URL) for an index no decision issues",
            criteria=criteria.id,
        )
    if criteria.year is not None:
        return
    needing = [(loc, node) for loc, node in _leaves_with_loc(criteria) if isinstance(node.rule, Deadline)]
    for loc, node in needing:
        assert isinstance(node.rule, Deadline)
        if node.rule.needs_year:
            out.warn(
                (*loc, "rule", "deadline"),
                "year-needed",
                f"criteria set {criteria.id}: item {node.id} has a deadline in the assessment year, "
                "and the set has no year",
                "give the year when scoring (pari score --year YYYY), or add year: to the set",
                criteria=criteria.id,
                criterion=node.id,
            )


def _check_fixed_dates(criteria: CriteriaSet, out: _Collector) -> None:
    """A warning at a deadline's fixed date two years or more from the set's year: every unit's date
    is judged against it, and such a date is a typing slip (2052 for 2025) or copied from another
    year's set (a criteria campaign, session 27: a 2025 set with one deadline of 2052 loaded and
    scored without a word). The year before is a plan's usual deadline; the year after, a report's."""
    if criteria.year is None:
        return
    for loc, node in _leaves_with_loc(criteria):
        if not isinstance(node.rule, Deadline):
            continue
        for key in ("deadline", "late_until"):
            when = getattr(node.rule, key)
            if isinstance(when, dt.date) and abs(when.year - criteria.year) > 1:
                out.warn(
                    (*loc, "rule", key),
                    "deadline-far-from-year",
                    f"criterion {node.id}: the {key} {when.isoformat()} is {abs(when.year - criteria.year)} years "
                    f"from the set's year {criteria.year}: every unit's date is judged against it",
                    "check the year of the date (a typing slip, or a date copied from another year's set); a date "
                    "in the year before or after the set's is not told (a year's plan is often due the year before)",
                    criterion=node.id,
                    key=key,
                    date=when.isoformat(),
                    years=abs(when.year - criteria.year),
                    year=str(criteria.year),  # a year, not a number to group (2.025)
                )


def _leaves_with_loc(criteria: CriteriaSet) -> list[tuple[Loc, Node]]:
    found: list[tuple[Loc, Node]] = []

    def visit(node: Node, loc: Loc) -> None:
        if node.is_leaf:
            found.append((loc, node))
        for i, child in enumerate(node.children or []):
            visit(child, (*loc, "children", i))

    for i, area in enumerate(criteria.areas):
        visit(area, ("areas", i))
    return found


def class_warnings(criteria: CriteriaSet) -> list[Problem]:
    """The warnings of a set that change what a run gives, without a place: its classes
    (``class-gap``, ``class-unreachable``; until the twentieth session only ``pari validate`` said
    them), tiers whose points turn (``tiers-turn``) and deadlines far from its year
    (``deadline-far-from-year``). ``pari score`` puts them among a run's findings, since the
    points and classes it writes are theirs."""
    out = _Collector(lambda loc: ("", None, None))
    _check_classes(criteria, out)
    _check_fixed_dates(criteria, out)
    for loc, node in _leaves_with_loc(criteria):
        if isinstance(node.rule, Tiers):
            _tiers_turn(node, node.rule, (*loc, "rule"), out)
        elif isinstance(node.rule, CountTiers):
            _count_tiers_turn(node, node.rule, (*loc, "rule"), out)
    return [dataclasses.replace(problem, file=None, severity="warning") for problem in out.warnings]


def validate_criteria(criteria: CriteriaSet, locate: Locator) -> tuple[list[Problem], list[Problem]]:
    """All consistency errors and warnings of a typed criteria set."""
    out = _Collector(locate)
    tree = _TreeChecker(locate, out)
    for i, area in enumerate(criteria.areas):
        tree.visit(area, ("areas", i), Part.appraised)
    _check_parts_and_scale(criteria, out)
    _check_origin_and_year(criteria, out)
    _check_fixed_dates(criteria, out)
    _check_ranking(criteria, out)
    _check_classes(criteria, out)
    return out.errors, out.warnings


class _TreeChecker:
    """Walks the tree of areas and items: ids, parts, maxima and the children's sums; each leaf
    goes to :func:`_check_leaf`. Remembers where each id was first seen, to report duplicates."""

    def __init__(self, locate: Locator, out: _Collector) -> None:
        self.locate = locate
        self.out = out
        self.first_seen: dict[str, Loc] = {}
        #: Each id as first written, by its letters in one case.
        self.first_cased: dict[str, str] = {}

    def visit(self, node: Node, loc: Loc, part: Part) -> None:
        out = self.out
        if node.part is not None and len(loc) > 2:
            # Parts are totalled per area (parts.appraised / parts.survey), so a part set deeper
            # would be scored in one part and counted in another.
            out.error(
                (*loc, "part"),
                "part-below-area",
                f"{node.id}: «part» can only be set on an area",
                "move the items into an area of their own with that part",
                criterion=node.id,
            )
        part = node.part or part
        self._check_id(node, loc)
        if node.max < 0:
            out.error((*loc, "max"), "negative-max", f"{node.id}: a maximum cannot be negative", criterion=node.id)
        if node.is_leaf:
            _check_leaf(node, loc, part, node.floor if node.floor is not None else ZERO, out)
            return
        children = node.children or []
        for i, child in enumerate(children):
            if not child.id.startswith(node.id + "."):
                out.warn(
                    (*loc, "children", i, "id"),
                    "id-not-nested",
                    f"{child.id} sits under {node.id} but its id does not start with {node.id}.",
                    child=child.id,
                    parent=node.id,
                )
            self.visit(child, (*loc, "children", i), part)
        if part is Part.adjustment:
            return  # bonus and penalty caps need not add up to the section's cap
        _check_children_sum(node, loc, sum((child.max for child in children), ZERO), out)

    def _check_id(self, node: Node, loc: Loc) -> None:
        """Every node has its own id, in any letter case: a form's headings are read whatever their
        case (``1.1.a`` and ``1.1.A`` would be one column)."""
        twin = self.first_cased.get(node.id.casefold())
        if twin is not None and twin != node.id:
            first_line = self.locate((*self.first_seen[twin], "id"))[1]
            _case_twin(self.out, (*loc, "id"), quoted(node.id), quoted(twin), first_line)
        self.first_cased.setdefault(node.id.casefold(), node.id)
        if node.id in self.first_seen:
            first_line = self.locate((*self.first_seen[node.id], "id"))[1]
            self.out.error(
                (*loc, "id"),
                "duplicate-id",
                f"id {quoted(node.id)} is used twice (first on line {first_line})",
                "give every node its own id",
                id=quoted(node.id),
                first_line=str(first_line),  # a line number, not a count: never grouped
            )
        else:
            self.first_seen[node.id] = loc


def _case_twin(out: _Collector, loc: Loc, name: str, twin: str, first_line: int | None) -> None:
    """An error for an id or an input (``name``) written as ``twin`` (first on ``first_line``) but
    for its letters' case."""
    out.error(
        loc,
        "case-twin",
        f"{name} differs from {twin} (line {first_line}) only in letter case: a form's headings and a reader "
        "take them for one",
        "give each its own name, not only another letter case",
        name=name,
        twin=twin,
        first_line=str(first_line),
    )


def _check_children_sum(node: Node, loc: Loc, total: Decimal, out: _Collector) -> None:
    """A node's children add up to its maximum, unless a printed maximum above them is kept on purpose."""
    if total == node.max:
        return
    message = f"{node.id}: children add up to {total} but the maximum is {node.max}"
    sums = {"criterion": node.id, "total": total, "max": node.max}
    if node.printed_mismatch and total < node.max:
        out.warn(
            (*loc, "max"),
            "children-sum",
            f"{message} (kept as printed: {node.printed_mismatch}); the printed maximum counts, so "
            f"{node.max - total} points are unreachable for every unit",
            "scores report it as printed-max-unreachable and the report's method notes name it",
            **sums,
        )
    elif node.printed_mismatch:
        out.error(
            (*loc, "max"),
            "printed-below-children",
            f"{message}: a printed maximum below its children cannot count, since their points could pass it",
            "fix the points (printed_mismatch keeps only a maximum above its children's sum)",
            **sums,
        )
    else:
        out.error(
            (*loc, "max"),
            "children-sum",
            message,
            'fix the points, or keep a published misprint with printed_mismatch: "reason"',
            **sums,
        )


def _check_parts_and_scale(criteria: CriteriaSet, out: _Collector) -> None:
    """The areas of each part add up to the part's points, and the parts to the scale."""
    by_part: dict[Part, Decimal] = {p: ZERO for p in Part}
    for area in criteria.areas:
        by_part[area.part or Part.appraised] += area.max
    if by_part[Part.appraised] != criteria.parts.appraised:
        out.error(
            ("parts", "appraised"),
            "part-sum",
            f"areas of the appraised part add up to {by_part[Part.appraised]}, not {criteria.parts.appraised}",
            total=by_part[Part.appraised],
            declared=criteria.parts.appraised,
        )
    if by_part[Part.survey] != criteria.parts.survey:
        out.error(
            ("parts", "survey"),
            "part-sum",
            f"areas of the survey part add up to {by_part[Part.survey]}, not {criteria.parts.survey}",
            total=by_part[Part.survey],
            declared=criteria.parts.survey,
        )
    everything = sum(by_part.values(), ZERO)
    if everything > MAX_POINTS:
        # Each maximum is within MAX_POINTS; their sum, bonus areas included, must be too, so that
        # totals and the index stay far inside Int64 units.
        out.error(
            ("areas",),
            "points-out-of-range",
            f"the areas' maxima add up to {everything}, more than the {MAX_POINTS:,} points a set may hold",
            total=everything,
            limit=MAX_POINTS,
        )
    scored = by_part[Part.appraised] + by_part[Part.survey]
    if scored != criteria.scale:
        out.error(
            ("scale",),
            "scale-sum",
            f"the areas add up to {scored}, not the declared scale {criteria.scale}",
            "areas with part: adjustment (bonus/penalty) are outside the scale",
            total=scored,
            declared=criteria.scale,
        )
    if criteria.parts.appraised + criteria.parts.survey != criteria.scale:
        out.error(
            ("parts",),
            "part-sum",
            f"appraised {criteria.parts.appraised} + survey {criteria.parts.survey} is not the scale {criteria.scale}",
            total=criteria.parts.appraised + criteria.parts.survey,
            declared=criteria.scale,
        )


def _check_ranking(criteria: CriteriaSet, out: _Collector) -> None:
    """Ranking settings: each tie-break key is a part or an area."""
    area_ids = {a.id for a in criteria.areas}
    for i, key in enumerate(criteria.ranking.tie_break):
        if key not in ("appraised", "survey") and key not in area_ids:
            out.error(
                ("ranking", "tie_break", i),
                "tie-break-unknown",
                f"tie_break {quote(key)} is neither «appraised», «survey» nor an area id",
                key=quote(key),
            )


def _check_classes(criteria: CriteriaSet, out: _Collector) -> None:
    """Classification bands: overlaps are errors (a commune would have two classes), gaps warnings."""
    errors, gaps = check_intervals(criteria.classes, (ZERO, HUNDRED), "class")
    for i, code, message, params in errors:
        out.error(("classes", i), code, message, band_owner="classes", **params)
    for i, _code, message, params in gaps:
        out.warn(("classes", i), "class-gap", message, "an index in the gap gets no class", **params)
    _check_class_reach(criteria, out)
    _check_class_names(criteria, out)


def _alike(text: str) -> str:
    """A name as a reader tells it from another: composed, in one case, its spaces one space."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _check_class_names(criteria: CriteriaSet, out: _Collector) -> None:
    """Each class has a name of its own (``name``, and ``en`` when given): two bands named «Tốt»
    gave a unit of 70 the class «Tốt» and «Tốt» as its next class, 9.65 points away, and the
    report counted the two bands as one."""
    for key in ("name", "en"):
        seen: dict[str, int] = {}
        for i, band in enumerate(criteria.classes):
            text = getattr(band, key)
            if text is None:
                continue
            first = seen.setdefault(_alike(text), i)
            if first == i:
                continue
            out.error(
                ("classes", i, key),
                "duplicate-class",
                f"classes {first + 1} and {i + 1} are both named {quote(text)}: a reader cannot tell them apart",
                "give each class its own name",
                band=quote(text),
                first=str(first + 1),
                second=str(i + 1),
            )


def _check_class_reach(criteria: CriteriaSet, out: _Collector) -> None:
    """A class whose lower edge lies above the index of a unit with every point of the scale and
    every bonus (100 % plus the adjustment areas' caps over the scale): no unit can be given it
    (``from: 900`` typed for 90), and every unit was classed below it without a word. A warning:
    a unit with items excluded has a smaller maximum, so its bonus weighs more."""
    if criteria.scale <= 0:
        return
    bonus = sum((area.max for area in criteria.areas if area.part is Part.adjustment), Decimal(0))
    top = HUNDRED * (criteria.scale + bonus) / criteria.scale
    shown = f"{top.normalize():f}"
    for i, band in enumerate(criteria.classes):
        low = band.from_ if band.from_ is not None else band.above
        if low is None or low < top or (low == top and band.above is None):
            continue
        out.warn(
            ("classes", i),
            "class-unreachable",
            f"class {quote(band.name)} starts at {low}, above the highest index a unit reaches ({shown}: every point"
            " of the scale and every bonus), so no unit can be given it",
            "write the class's bounds as an index out of 100 (90 for 90 %)",
            band=quote(band.name),
            low=low,
            top=shown,
        )
