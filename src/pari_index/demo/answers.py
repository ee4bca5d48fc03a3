"""One commune's answers: its inputs, the true points the compiled rules give them (evaluated in
batches), its self-scores with a share of mistakes, and its evidence."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from pari_index.criteria.compiling import COMMUNE, UNIT_TYPE, CompiledSet, frame_schema, na_column
from pari_index.criteria.points import SCALE, to_units
from pari_index.criteria.rules import (
    Bonus,
    Choice,
    Deadline,
    Deduction,
    InputType,
    Penalty,
    Proportional,
    Tiers,
    Timeliness,
    YesNo,
)
from pari_index.demo.layout import APPRAISAL_COLUMNS, LONG_COLUMNS, SURVEY_COLUMNS
from pari_index.demo.plans import _applies, _Plan
from pari_index.demo.register import Commune
from pari_index.demo.values import Value, _leaf_inputs
from pari_index.demo.words import EXPLANATIONS, NOT_DONE_EXPLANATIONS


@dataclass
class _Answer:
    """One commune's answers to one leaf."""

    values: dict[str, Value]
    na: bool


@dataclass
class _Batch:
    long: dict[str, list[str | None]] = field(default_factory=lambda: {c: [] for c in LONG_COLUMNS})
    wide: list[dict[str, str | None]] = field(default_factory=list)
    survey: dict[str, list[str | None]] = field(default_factory=lambda: {c: [] for c in SURVEY_COLUMNS})
    appraisal: dict[str, list[str | None]] = field(default_factory=lambda: {c: [] for c in APPRAISAL_COLUMNS})


def _answers(rng: random.Random, q: float, unit: str, plans: Sequence[_Plan], year: int) -> list[_Answer | None]:
    out: list[_Answer | None] = []
    for plan in plans:
        if not _applies(plan, unit):
            out.append(None)
            continue
        na = plan.na_allowed and not plan.survey and rng.random() < 0.04
        values = {} if na else _leaf_inputs(rng, q, plan, year)
        out.append(_Answer(values, na))
    return out


def _evaluate(
    compiled: CompiledSet, units: Sequence[Commune], plans: Sequence[_Plan], answers: Sequence[Sequence[_Answer | None]]
) -> list[list[int | None]]:
    """True points (units; None when excluded) per commune and leaf, by the compiled rules."""
    schema = frame_schema([p.leaf for p in plans])
    columns: dict[str, list[Any]] = {name: [None] * len(units) for name in schema}
    columns[COMMUNE] = [c.code for c in units]
    columns[UNIT_TYPE] = [c.unit_type for c in units]
    for i, row in enumerate(answers):
        for plan, answer in zip(plans, row, strict=True):
            if answer is None:
                continue
            if answer.na:
                columns[na_column(plan.leaf.id)][i] = True
            for name, value in answer.values.items():
                columns[plan.leaf.column(name)][i] = value
    frame = pl.DataFrame(columns, schema=schema)
    result = compiled.evaluate(frame)
    points = result["points"].to_list()
    n = len(plans)
    # evaluate() returns, per commune, the leaves in order (unpivot of one row per commune).
    by_code: dict[str, list[int | None]] = {}
    codes = result[COMMUNE].to_list()
    leaf_ids = result["criterion_id"].to_list()
    order = {p.leaf.id: j for j, p in enumerate(plans)}
    for code, leaf_id, pts in zip(codes, leaf_ids, points, strict=True):
        by_code.setdefault(code, [None] * n)[order[leaf_id]] = pts
    return [by_code[c.code] for c in units]


def _self_score(rng: random.Random, plan: _Plan, true: int, mistakes: float) -> int:
    if rng.random() >= mistakes or plan.adjustment:
        return true
    m = to_units(plan.leaf.max)
    if true < m and rng.random() < 0.6:
        return m  # claiming full points
    others = [v for v in plan.ladder if v != true]
    if isinstance(plan.leaf.rule, Proportional):
        step = max(1, m // 10)
        others = [min(m, max(0, true + step)), min(m, max(0, true - step))]
        others = [v for v in others if v != true] or others
    return rng.choice(others) if others else true


def _evidence(
    rng: random.Random, plan: _Plan, answer: _Answer, true: int | None, q: float, year: int
) -> tuple[str | None, str | None, str | None, str | None, bool]:
    """(number, date, file, explanation, explained-missing) for an appraised leaf."""
    leaf = plan.leaf
    if not leaf.evidence or plan.survey or answer.na:
        return None, None, None, None, False
    rule = leaf.rule
    if plan.adjustment:
        if not true:
            return None, None, None, None, False
    elif true == 0 and isinstance(rule, YesNo | Timeliness | Deadline):
        note = rng.choice(NOT_DONE_EXPLANATIONS) if rng.random() < 0.5 else None
        return None, None, None, note, False
    if rng.random() < 0.03 + 0.06 * (1 - q):
        if rng.random() < 0.5:
            return None, None, None, rng.choice(EXPLANATIONS), True
        return None, None, None, None, False
    code, ascii_code = plan.doc
    number = rng.randint(1, 360)
    signed = next((v for v in answer.values.values() if isinstance(v, dt.date)), None)
    day = signed or dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(5, 320))
    return (
        f"{number}/{code}-UBND",
        day.strftime("%d/%m/%Y"),
        f"{leaf.id.replace('.', '_')}_{ascii_code}_{number}_{day.year}.pdf",
        None,
        False,
    )


def _lowered(rng: random.Random, plan: _Plan, values: dict[str, Value]) -> tuple[str, Value] | None:
    """A corrected input for the appraisal council: lower than reported, never unreadable."""
    leaf = plan.leaf
    rule = leaf.rule
    names = list(values)
    if isinstance(rule, Tiers | Proportional) and rule.rate is not None:
        names = [rule.rate.numerator]
    rng.shuffle(names)
    for name in names:
        value = values.get(name)
        spec = leaf.inputs[name]
        if value is None:
            continue
        if spec.type is InputType.boolean and value is True and not isinstance(rule, Deduction | Penalty):
            return name, False
        if spec.type is InputType.status and value == "on_time":
            return name, "late"
        if spec.type is InputType.level and isinstance(rule, Choice):
            ordered = sorted(rule.levels, key=lambda lv: -lv.points_for(leaf.max))
            idx = [lv.value for lv in ordered].index(str(value))
            if idx + 1 < len(ordered):
                return name, ordered[idx + 1].value
        if (
            spec.type is InputType.date
            and isinstance(value, dt.date)
            and isinstance(rule, Deadline)
            and isinstance(rule.deadline, dt.date)
            and value <= rule.deadline
        ):
            return name, rule.deadline + dt.timedelta(days=rng.randint(3, 25))
        if spec.type in (InputType.count, InputType.number, InputType.percent) and isinstance(value, int):
            if isinstance(rule, Deduction | Penalty | Bonus):
                continue
            step = SCALE if spec.type is InputType.count else SCALE // 10
            cut = value * rng.randint(8, 25) // 100 // step * step
            low = to_units(spec.min) if spec.min is not None else 0
            if cut > 0 and value - cut >= low:
                return name, value - cut
    return None
