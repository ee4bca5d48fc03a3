"""The checks of one scored item (a leaf of the tree): its inputs and their types, its area's
part, its points against its maximum and floor, and what its rule kind needs (tiers that turn,
levels with answers, a proportional range within reach, deadlines in order).

Called for each leaf by :mod:`.validation`'s walk of the tree; every problem goes to the
:class:`.set_problems.Collector` at the leaf's YAML line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

from pari_index.criteria.bands import check_intervals, edge_key, rule_outcomes
from pari_index.criteria.model import Node, Part
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
    Penalty,
    Proportional,
    Rule,
    Tiers,
    YearDate,
    rule_inputs,
)
from pari_index.criteria.set_problems import HUNDRED, ZERO, Collector, Loc, case_twin
from pari_index.criteria.yaml_reader import quote
from pari_index.errors import quoted

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


def _check_range_reach(node: Node, rule: Proportional, inputs: dict[str, InputSpec], rloc: Loc, out: Collector) -> None:
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


def check_leaf(node: Node, loc: Loc, part: Part, floor: Decimal, out: Collector) -> None:
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


def _check_leaf_inputs(node: Node, loc: Loc, rule: Rule, inputs: dict[str, InputSpec], out: Collector) -> None:
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
            case_twin(out, (*loc, "inputs", name), quoted(f"{node.id}:{name}"), quoted(f"{node.id}:{twin}"), line)
    unused = set(inputs) - set(rule_inputs(rule))
    for name in sorted(unused):
        message = f"criterion {node.id}: input {quoted(name)} is not used by its rule"
        out.warn((*loc, "inputs", name), "unused-input", message, criterion=node.id, input=quoted(name))


def _check_leaf_part(node: Node, loc: Loc, rule: Rule, part: Part, out: Collector) -> None:
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


def _check_leaf_points(node: Node, loc: Loc, rule: Rule, floor: Decimal, out: Collector) -> None:
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
    node: Node, loc: Loc, rule: Rule, inputs: dict[str, InputSpec], floor: Decimal, out: Collector
) -> None:
    """The checks that belong to one rule kind (tier order, level values, ranges, deadlines...)."""
    rloc = (*loc, "rule")
    if isinstance(rule, Tiers | CountTiers | Choice):
        _check_best_outcome(node, rule, rloc, out)
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


def _check_best_outcome(node: Node, rule: Tiers | CountTiers | Choice, rloc: Loc, out: Collector) -> None:
    """A warning when the most a ladder or a choice gives is below the item's maximum, as
    ``checklist-short`` for a checklist: no unit can reach the maximum, yet it counts in the
    area's, the part's and the index's (a choice of levels 6 and 0 under ``max: 8`` validated
    without a word until session 40; every unit's index was out of a maximum it could not reach)."""
    outcomes = rule_outcomes(rule, node.max)
    label, best = max(outcomes, key=lambda outcome: outcome[1])
    if best < node.max:
        out.warn(
            rloc,
            "outcomes-short",
            f"criterion {node.id}: the most its rule gives is {best} points ({label}), below its maximum {node.max}: "
            "no unit can reach the maximum",
            criterion=node.id,
            outcome=label,
            points=best,
            max=node.max,
        )


def _check_tiers(node: Node, rule: Tiers, inputs: dict[str, InputSpec], rloc: Loc, out: Collector) -> None:
    """Tiers cover the input's domain (0-100 for a rate or a percent) without overlaps or gaps."""
    if rule.rate is not None or (rule.input in inputs and inputs[rule.input].type is InputType.percent):
        domain: tuple[Decimal, Decimal | None] = (ZERO, HUNDRED)
        _check_fraction_edges(node, rule, rloc, out)
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
        tiers_turn(node, rule, rloc, out)


def _check_fraction_edges(node: Node, rule: Tiers, rloc: Loc, out: Collector) -> None:
    """A warning when every edge of a percent's tiers lies between 0 and 1, one of them inside it
    (``from: 0.5``): a rate and a percent input are read out of 100, so «50 %» written as a
    fraction puts every unit at 1 % or more in the tier of the highest values (validated and
    scored without a word until session 40). A warning: «under 0.5 % of files late» is a rule too."""
    edges = [edge[0] for tier in rule.tiers for edge in (tier.lower, tier.upper) if edge is not None]
    if not edges or not all(ZERO <= edge <= 1 for edge in edges) or not any(ZERO < edge < 1 for edge in edges):
        return
    shown = ", ".join(str(edge) for edge in dict.fromkeys(edges))
    out.warn(
        (*rloc, "tiers"),
        "tier-edges-fractions",
        f"criterion {node.id}: every tier edge ({shown}) is 1 or less, but the value is a percent out of 100: "
        "0.5 is half of one percent, not 50 %",
        criterion=node.id,
        edges=shown,
    )


def _check_count_tiers(node: Node, rule: CountTiers, rloc: Loc, out: Collector) -> None:
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
    count_tiers_turn(node, rule, rloc, out)


def count_tiers_turn(node: Node, rule: CountTiers, rloc: Loc, out: Collector) -> None:
    counts = [t.at_least for t in rule.tiers]
    order = sorted(range(len(rule.tiers)), key=lambda i: counts[i])
    _check_turn(node, [rule.tiers[i].points for i in order], order, [f">= {c}" for c in counts], rloc, out)


def tiers_turn(node: Node, rule: Tiers, rloc: Loc, out: Collector) -> None:
    order = sorted(range(len(rule.tiers)), key=lambda i: edge_key(rule.tiers[i].lower, True))
    bands = [tier.describe() for tier in rule.tiers]
    _check_turn(node, [rule.tiers[i].points for i in order], order, bands, rloc, out)


def _check_turn(
    node: Node, points: Sequence[Decimal], order: Sequence[int], bands: Sequence[str], rloc: Loc, out: Collector
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


def _check_choice(node: Node, rule: Choice, rloc: Loc, out: Collector) -> None:
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


def _check_level_answers(node: Node, rule: Choice, rloc: Loc, out: Collector) -> None:
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
    node: Node, rule: Proportional, inputs: dict[str, InputSpec], floor: Decimal, rloc: Loc, out: Collector
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


def _check_deadline(leaf_id: str, rule: Deadline, inputs: dict[str, InputSpec], rloc: Loc, out: Collector) -> None:
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
