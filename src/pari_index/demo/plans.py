"""What is generated for each scored item (its plan: inputs, the points it can give, its evidence),
and the settings of one generation."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from pari_index.criteria.compiling import CompiledSet
from pari_index.criteria.model import Leaf, NotApplicable, Part
from pari_index.criteria.points import to_units
from pari_index.criteria.rules import (
    Bonus,
    Checklist,
    Choice,
    CountTiers,
    Deadline,
    Deduction,
    Penalty,
    Proportional,
    Tiers,
    Timeliness,
    YesNo,
)
from pari_index.demo.words import DOC_KINDS


@dataclass
class _Plan:
    leaf: Leaf
    names: list[str]
    ladder: list[int]  # the point values (units) a self-score can plausibly take
    doc: tuple[str, str]  # (number code, ASCII code)
    na_allowed: bool
    scale: int  # 0, 1 or 2: small, medium or large counts behind a rate
    applies: frozenset[str] | None
    survey: bool
    adjustment: bool
    typed_columns: list[str] = field(default_factory=list)


def _ladder(leaf: Leaf) -> list[int]:
    m = to_units(leaf.max)
    rule = leaf.rule

    def u(value: Decimal | None, default: int) -> int:
        return default if value is None else to_units(value)

    values: set[int] = {m}
    match rule:
        case YesNo():
            values |= {u(rule.yes, m), u(rule.no, 0)}
        case Timeliness() | Deadline():
            values |= {u(rule.on_time, m), u(rule.late, 0), u(rule.not_done, 0)}
        case Tiers():
            values |= {to_units(t.points) for t in rule.tiers}
        case Proportional():
            values |= {0, m // 2, m * 3 // 4}
        case Checklist():
            running = 0
            values.add(0)
            for item in rule.items:
                running += to_units(item.points)
                values.add(min(running, m))
        case CountTiers():
            values |= {0} | {to_units(t.points) for t in rule.tiers}
        case Choice():
            values |= {to_units(level.points_for(leaf.max)) for level in rule.levels}
        case Deduction():
            start = u(rule.start, m)
            per = to_units(rule.per)
            floor = to_units(leaf.floor)
            values = {max(start - k * per, floor) for k in range(3)}
        case Bonus():
            per = to_units(rule.per)
            values = {min(k * per, m) for k in range(3)}
        case Penalty():
            per = to_units(rule.per)
            values = {-min(k * per, m) for k in range(3)}
    return sorted(values)


def _doc_kind(leaf: Leaf) -> tuple[str, str]:
    text = " ".join(e.label for e in leaf.evidence).lower()
    for words, code, ascii_code in DOC_KINDS:
        if words in text:
            return code, ascii_code
    return "BC", "BC"


def _plans(leaves: Sequence[Leaf]) -> list[_Plan]:
    plans = []
    for leaf in leaves:
        plans.append(
            _Plan(
                leaf=leaf,
                names=list(leaf.inputs),
                ladder=_ladder(leaf),
                doc=_doc_kind(leaf),
                na_allowed=leaf.not_applicable is not NotApplicable.not_allowed,
                scale=zlib.crc32(leaf.id.encode()) % 3,
                applies=frozenset(t.value for t in leaf.applies_to) if leaf.applies_to else None,
                survey=leaf.part is Part.survey,
                adjustment=leaf.part is Part.adjustment,
            )
        )
    return plans


def _applies(plan: _Plan, unit: str) -> bool:
    return plan.applies is None or unit in plan.applies


@dataclass
class _Settings:
    plans: list[_Plan]
    compiled: CompiledSet
    year: int
    mistakes: float
    appraisers: list[str]
    wide_codes: frozenset[str]
    seed: int
    appraisal_share: float
