"""The pandas peer: pari's scoring in pandas and numpy, one numpy expression per rule kind.

    python -m peers.pandas_peer --criteria SET.yaml --communes communes.csv \
        --assessments assessments_long.csv --survey survey.csv --out DIR

(run from ``benchmarks/``). It reads the long-form CSV or Parquet files with pandas (the pyarrow
engine), types the values with vectorised string methods, scatters them into one matrix per value
type (communes x inputs), evaluates every item as numpy arrays in units of 1/10,000, applies N/A
flags, unit types and the missing-evidence policy, then totals, index, classes and ranks; it
writes ``details.parquet`` and ``totals.parquet`` like the DuckDB peer (see common.py). What it
does not cover is listed in benchmarks/README.md ("Peers: DuckDB and pandas").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pari_index.criteria.rules import (
    Bonus,
    Checklist,
    Choice,
    CountTiers,
    Deadline,
    Deduction,
    Interval,
    Penalty,
    Proportional,
    Tiers,
    Timeliness,
    YesNo,
)
from peers.common import (
    FALSE_WORDS,
    SCALE,
    STATUS_WORDS,
    TRUE_WORDS,
    UNIT_TYPES,
    LeafPlan,
    SetPlan,
    days,
    load_plan,
    na_policy_reads_flag,
    units,
)

Array = np.ndarray
NUMERIC = ("number", "count", "percent")

# --------------------------------------------------------------------------------------------
# Reading and typing


def read_table(path: str) -> pd.DataFrame:
    if path.endswith(".parquet"):
        return pd.read_parquet(path).astype("str")
    return pd.read_csv(path, dtype=str, engine="pyarrow", encoding="utf-8-sig", keep_default_na=False, na_values=[""])


def by_distinct(parse: Callable[[pd.Series], Array], text: pd.Series) -> Array:
    """``parse`` run on each distinct text once and mapped back (a national file repeats a few
    thousand texts some 500,000 times); NaN for a missing text."""
    codes, distinct = pd.factorize(text)
    parsed = np.append(parse(pd.Series(distinct, dtype="str")).astype(float), np.nan)
    return parsed[codes]  # code -1 (missing) takes the NaN appended last


def lookup(text: pd.Series, mapping: Mapping[str, object]) -> Array:
    """``text`` mapped through a dict, each distinct text looked up once (None where absent):
    Series.map with a dict took seconds on the national file's arrow strings."""
    codes, distinct = pd.factorize(text)
    table = np.array([*(mapping.get(t) for t in distinct), None], dtype=object)
    return table[codes]


def parse_units(text: pd.Series) -> Array:
    """Numbers with a decimal comma or dot and optional thousands separators, as float units
    (NaN where unreadable)."""
    s = text.str.replace(r"[\s\u00a0%]", "", regex=True).str.replace(r"^\+", "", regex=True)
    comma, dot = s.str.find(","), s.str.find(".")
    both = (comma >= 0) & (dot >= 0)
    plain = s.str.replace(",", ".", n=1, regex=False)
    plain = plain.mask(s.str.count(r"\.") > 1, s.str.replace(".", "", regex=False))
    plain = plain.mask(s.str.count(",") > 1, s.str.replace(",", "", regex=False))
    plain = plain.mask(both, s.str.replace(".", "", regex=False).str.replace(",", ".", n=1, regex=False))
    plain = plain.mask(both & (comma < dot), s.str.replace(",", "", regex=False))
    valid = plain.str.fullmatch(r"-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?").fillna(False).astype(bool)
    number = pd.to_numeric(plain.where(valid), errors="coerce").to_numpy(dtype=float)
    ok = np.isfinite(number) & (np.abs(number) < 9e13)
    return np.where(ok, np.round(number * SCALE), np.nan)


def parse_flag(text: pd.Series) -> Array:
    """1 for yes, 0 for no, -1 when unreadable."""
    low = text.str.strip().str.lower()
    return np.where(low.isin(TRUE_WORDS), 1, np.where(low.isin(FALSE_WORDS), 0, -1))


_DATE_SHAPES = (
    (r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}", "%d/%m/%Y"),
    (r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", "%Y-%m-%d"),
    (r"[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}", "%d-%m-%Y"),
    (r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}", "%d.%m.%Y"),
    (r"[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}", "%Y/%m/%d"),
)


def parse_day(text: pd.Series) -> Array:
    """Days since 1970 as float (NaN when unreadable): day first or ISO, year 1900-2100."""
    s = text.str.strip()
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[s]")
    for shape, fmt in _DATE_SHAPES:
        fits = s.str.fullmatch(shape).fillna(False).astype(bool)
        if fits.any():
            out = out.fillna(pd.to_datetime(s.where(fits), format=fmt, errors="coerce"))
    year = out.dt.year
    out = out.where((year >= 1900) & (year <= 2100))
    return ((out - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1)).to_numpy(dtype=float)


@dataclass
class Inputs:
    """The accepted values as matrices: one row per commune of the register, one column per
    input (``keys``); numbers, counts, percents, booleans (0/1) and dates (days) as int64 with a
    presence mask, statuses and levels as text."""

    keys: dict[tuple[str, str], int]
    values: Array  # int64
    present: Array  # bool
    text: Array  # object

    def get(self, leaf: LeafPlan, name: str) -> tuple[Array, Array]:
        k = self.keys[(leaf.id, name)]
        return self.values[:, k], self.present[:, k]

    def get_text(self, leaf: LeafPlan, name: str) -> Array:
        return self.text[:, self.keys[(leaf.id, name)]]


def _fields(plan: SetPlan) -> pd.DataFrame:
    rows = []
    for leaf in plan.leaves:
        for name, spec in leaf.inputs.items():
            rows.append((leaf.id, name, spec.kind, spec.min_units, spec.max_units))
        if na_policy_reads_flag(leaf):
            rows.append((leaf.id, "n/a", "boolean", None, None))
    fields = pd.DataFrame(rows, columns=["criterion_id", "input", "kind", "lo", "hi"])
    fields["k"] = np.arange(len(fields))
    return fields


def _given(raw: pd.DataFrame, plan: SetPlan) -> pd.DataFrame:
    """Each value under its input (the item's only input when the column is empty) and N/A flags
    as an input of their own; a key given with two different texts is a conflict: not used, the
    same text twice is counted once."""
    fields = _fields(plan)
    defaults = {leaf.id: leaf.default_input for leaf in plan.leaves}
    values = raw.loc[raw["value"].notna(), ["commune_row", "criterion_id", "input", "value"]]
    values = values.assign(
        input=values["input"].fillna(pd.Series(lookup(values["criterion_id"], defaults), index=values.index))
    )
    parts = [values]
    if "n/a" in raw.columns:
        flags = raw.loc[raw["n/a"].notna(), ["commune_row", "criterion_id", "n/a"]].rename(columns={"n/a": "value"})
        parts.append(flags.assign(input="n/a"))
    given = pd.concat(parts, ignore_index=True)
    # One integer per input (criterion:input) and one per commune and input: joins and duplicate
    # checks on two text columns took seconds nationally.
    keys = dict(zip(fields["criterion_id"] + ":" + fields["input"], fields["k"], strict=True))
    k = lookup(given["criterion_id"] + ":" + given["input"], keys)
    given = given[pd.notna(k)].assign(k=k[pd.notna(k)].astype(np.int64))
    given = given.merge(fields[["k", "kind", "lo", "hi"]], on="k", how="left")
    cell = given["commune_row"].to_numpy() * len(fields) + given["k"].to_numpy()
    repeated = pd.Series(cell).duplicated(keep=False).to_numpy()
    if repeated.any():
        texts = given.loc[repeated, "value"].groupby(cell[repeated]).nunique()
        conflicts = texts.index[texts > 1].to_numpy()
        keep = ~np.isin(cell, conflicts) & ~pd.Series(cell).duplicated(keep="first").to_numpy()
        given = given[keep]
    return given


def _typed(given: pd.DataFrame, plan: SetPlan) -> tuple[Array, Array, Array]:
    """Int64 value, accepted flag and text of each given cell, each parser on its own rows."""
    n = len(given)
    value, ok, text = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool), np.full(n, None, dtype=object)
    kind = given["kind"].to_numpy()
    lo = given["lo"].to_numpy(dtype=float, na_value=np.nan)
    hi = given["hi"].to_numpy(dtype=float, na_value=np.nan)
    rows = np.flatnonzero(np.isin(kind, NUMERIC))
    num = by_distinct(parse_units, given["value"].iloc[rows])
    good = ~np.isnan(num) & (num >= 0)
    good &= (kind[rows] != "percent") | (num <= 100 * SCALE)
    good &= (kind[rows] != "count") | (np.fmod(np.nan_to_num(num), SCALE) == 0)
    good &= np.isnan(lo[rows]) | (num >= lo[rows])
    good &= np.isnan(hi[rows]) | (num <= hi[rows])
    value[rows], ok[rows] = np.nan_to_num(num).astype(np.int64), good
    rows = np.flatnonzero(kind == "boolean")
    flag = np.nan_to_num(by_distinct(parse_flag, given["value"].iloc[rows]), nan=-1).astype(np.int64)
    value[rows], ok[rows] = flag, flag >= 0
    rows = np.flatnonzero(kind == "date")
    day = by_distinct(parse_day, given["value"].iloc[rows])
    value[rows], ok[rows] = np.nan_to_num(day).astype(np.int64), ~np.isnan(day)
    rows = np.flatnonzero(kind == "status")
    status = lookup(given["value"].iloc[rows].str.strip().str.lower(), STATUS_WORDS)
    text[rows], ok[rows] = status, pd.notna(status)
    rows = np.flatnonzero(kind == "level")
    maps = {leaf.id: leaf.levels for leaf in plan.leaves}
    low = given["value"].iloc[rows].str.strip().str.lower()
    pairs = zip(given["criterion_id"].iloc[rows], low, strict=True)
    level = np.array([maps[c].get(w) for c, w in pairs], dtype=object)
    text[rows], ok[rows] = level, pd.notna(level)
    return value, ok, text


def read_inputs(raw: pd.DataFrame, plan: SetPlan, communes: int) -> Inputs:
    fields = _fields(plan)
    given = _given(raw, plan)
    value, ok, text = _typed(given, plan)
    rows, cols = given["commune_row"].to_numpy()[ok], given["k"].to_numpy()[ok]
    shape = (communes, len(fields))
    values, present, texts = np.zeros(shape, np.int64), np.zeros(shape, bool), np.full(shape, None, object)
    values[rows, cols], present[rows, cols], texts[rows, cols] = value[ok], True, text[ok]
    keys = {(c, i): int(k) for c, i, k in zip(fields["criterion_id"], fields["input"], fields["k"], strict=True)}
    return Inputs(keys, values, present, texts)


# --------------------------------------------------------------------------------------------
# One numpy expression per rule kind


def _pts(value: object, default: int) -> int:
    return default if value is None else units(value) or 0  # type: ignore[arg-type]


def div_round(n: Array, d: Array | int, mode: str) -> Array:
    """n / d rounded to an integer (d > 0), exactly, elementwise."""
    d = np.where(np.asarray(d) > 0, d, 1)
    a = np.abs(n)
    if mode == "half_up":
        q = (2 * a + d) // (2 * d)
    elif mode == "down":
        q = a // d
    else:
        q, r = a // d, a % d
        q = np.where(2 * r > d, q + 1, np.where(2 * r < d, q, q + q % 2))
    return np.where(n >= 0, q, -q)


def _in(value: Array, tier: Interval, scale: int | Array = 1, edge_scale: int | Array = 1) -> Array:
    """value * scale within the tier's edges * edge_scale (a rate compares num * 100 * SCALE
    with edge * den, so that it stays in integers)."""
    cond = np.ones(value.shape, dtype=bool)
    for edge, op in ((tier.from_, np.greater_equal), (tier.above, np.greater), (tier.to, np.less_equal),
                     (tier.below, np.less)):  # fmt: skip
        if edge is not None:
            cond &= op(value * scale, (units(edge) or 0) * edge_scale)
    return cond


def _ladder(conditions: list[Array], points: list[int], shape: tuple[int, ...]) -> Array:
    return np.select(conditions, points, default=0) if conditions else np.zeros(shape, np.int64)


def _rate(leaf: LeafPlan, rule: Tiers | Proportional, data: Inputs) -> tuple[Array, Array, Array, int]:
    assert rule.rate is not None
    num, has_num = data.get(leaf, rule.rate.numerator)
    den, has_den = data.get(leaf, rule.rate.denominator)
    no_den = leaf.max_units if rule.when_no_denominator == "full_points" else 0
    return num, den, has_num & has_den, no_den


def _proportional(leaf: LeafPlan, rule: Proportional, data: Inputs, plan: SetPlan) -> Array:
    top, step = leaf.max_units, plan.step
    cap = top if rule.cap is None else units(rule.cap) or 0
    if rule.rate is not None:
        num, den, has, no_den = _rate(leaf, rule, data)
        ratio_points = div_round(top * np.minimum(np.maximum(num, 0), den), den * step, plan.mode) * step
        points = np.clip(ratio_points, units(rule.floor), cap)
        return np.where(~has, 0, np.where(den <= 0, no_den, points))
    assert rule.input is not None
    v, has = data.get(leaf, rule.input)
    hundred = 100 * SCALE
    points = div_round(top * np.clip(v, 0, hundred), hundred * step, plan.mode) * step
    return np.where(has, np.clip(points, units(rule.floor), cap), 0)


def _tiers(leaf: LeafPlan, rule: Tiers, data: Inputs) -> Array:
    points = [units(t.points) or 0 for t in rule.tiers]
    if rule.rate is not None:
        num, den, has, no_den = _rate(leaf, rule, data)
        ladder = _ladder([_in(num, t, 100 * SCALE, den) for t in rule.tiers], points, num.shape)
        return np.where(~has, 0, np.where(den == 0, no_den, ladder))
    assert rule.input is not None
    v, has = data.get(leaf, rule.input)
    return np.where(has, _ladder([_in(v, t) for t in rule.tiers], points, v.shape), 0)


def _count(leaf: LeafPlan, name: str, data: Inputs) -> tuple[Array, Array]:
    """A count in units; a boolean counts as one."""
    v, has = data.get(leaf, name)
    return (v * SCALE if leaf.inputs[name].kind == "boolean" else v), has


def rule_points(leaf: LeafPlan, data: Inputs, plan: SetPlan) -> Array:
    """Points (units) of one item for every commune, before N/A handling."""
    rule, top = leaf.rule, leaf.max_units
    match rule:
        case YesNo():
            v, has = data.get(leaf, rule.input)
            return np.where(~has, 0, np.where(v == 1, _pts(rule.yes, top), _pts(rule.no, 0)))
        case Timeliness():
            s = data.get_text(leaf, rule.input)
            points = [_pts(rule.on_time, top), _pts(rule.late, 0), _pts(rule.not_done, 0)]
            return np.select([s == "on_time", s == "late", s == "not_done"], points, default=0)
        case Deadline():
            v, has = data.get(leaf, rule.input)
            late_ok = np.ones(v.shape, bool) if rule.late_until is None else v <= days(rule.late_until)
            on_time, late, not_done = _pts(rule.on_time, top), _pts(rule.late, 0), _pts(rule.not_done, 0)
            return np.select([~has, v <= days(rule.deadline), late_ok], [not_done, on_time, late], default=not_done)
        case Tiers():
            return _tiers(leaf, rule, data)
        case Proportional():
            return _proportional(leaf, rule, data, plan)
        case Checklist():
            total = sum(np.where(data.get(leaf, i.input)[0] == 1, units(i.points) or 0, 0) for i in rule.items)
            return np.minimum(np.asarray(total), top)
        case CountTiers():
            v, has = data.get(leaf, rule.input)
            ladder = _ladder(
                [v >= t.at_least * SCALE for t in rule.tiers], [units(t.points) or 0 for t in rule.tiers], v.shape
            )
            return np.where(has, ladder, 0)
        case Choice():
            s = data.get_text(leaf, rule.input)
            return _ladder([s == value for value in leaf.level_units], list(leaf.level_units.values()), s.shape)
        case Deduction():
            n, has = _count(leaf, rule.input, data)
            points = np.maximum(_pts(rule.start, top) - n * (units(rule.per) or 0) // SCALE, leaf.floor_units)
            return np.where(has, points, 0)
        case Bonus() | Penalty():
            n, has = _count(leaf, rule.input, data)
            amount = np.minimum(n * (units(rule.per) or 0) // SCALE, top)
            return np.where(has, amount if isinstance(rule, Bonus) else -amount, 0)
    raise NotImplementedError(f"rule kind {rule.kind}")


def leaf_points(leaf: LeafPlan, data: Inputs, plan: SetPlan, unit_type: Array) -> tuple[Array, Array, Array]:
    """Points, excluded (not applicable, no points) and counted-in-full-as-N/A, per commune."""
    points = rule_points(leaf, data, plan).astype(np.int64)
    none = np.zeros(points.shape, bool)
    flagged = data.get(leaf, "n/a")[0] == 1 if na_policy_reads_flag(leaf) else none
    wrong_type = none if leaf.applies_to is None else ~np.isin(unit_type, sorted(leaf.applies_to))
    if leaf.not_applicable == "full_points":
        na = flagged | wrong_type
        return np.where(na, leaf.max_units, points), none, na
    if leaf.not_applicable == "exclude":
        return points, flagged | wrong_type, none
    return points, wrong_type, none


# --------------------------------------------------------------------------------------------
# Evidence, totals, classes, ranks


def evidence_complete(raw: pd.DataFrame, plan: SetPlan, communes: int) -> Array:
    """Per commune and item: the evidence its set requires is given (any row of the item may
    carry it)."""
    index = {leaf.id: i for i, leaf in enumerate(plan.leaves)}
    item = lookup(raw["criterion_id"], index)
    keep = pd.notna(item)
    rows, cols = raw["commune_row"].to_numpy()[keep], item[keep].astype(np.int64)
    shape = (communes, len(plan.leaves))

    def given(column: str, valid: Array | None = None) -> Array:
        out = np.zeros(shape, bool)
        if column in raw.columns:
            has = raw[column].notna().to_numpy()[keep] if valid is None else valid[keep]
            out[rows[has], cols[has]] = True
        return out

    dates = ~np.isnan(by_distinct(parse_day, raw["evidence_date"])) if "evidence_date" in raw.columns else None
    number, date, file = given("evidence_number"), given("evidence_date", dates), given("evidence_file")

    def need(attr: str) -> Array:
        return np.array([getattr(leaf, attr) for leaf in plan.leaves], dtype=bool)

    return (~need("needs_number") | number) & (~need("needs_date") | date) & (~need("needs_file") | file)


def rank_within(group: Array, keys: list[Array], eligible: Array, dense: bool) -> Array:
    """Competition (or dense) rank by ``keys`` (highest first) within each group; -1 when not
    eligible."""
    n = len(group)
    _, group_codes = np.unique(group.astype(str), return_inverse=True)
    order = np.lexsort([*(-k for k in reversed(keys)), group_codes])
    order = order[eligible[order]]
    g = group_codes[order]
    sorted_keys = [k[order] for k in keys]
    position = np.arange(len(order))
    starts = np.r_[True, g[1:] != g[:-1]] if len(order) else np.zeros(0, bool)
    new = starts.copy()
    for k in sorted_keys:
        new[1:] |= k[1:] != k[:-1]
    group_start = np.maximum.accumulate(np.where(starts, position, 0))
    if dense:
        counted = np.cumsum(new)
        within = counted - counted[group_start] + 1
    else:
        first = np.maximum.accumulate(np.where(new, position, 0))
        within = first - group_start + 1
    out = np.full(n, -1, np.int64)
    out[order] = within
    return out


def totals(points: Array, excluded: Array, plan: SetPlan, survey_given: Array) -> dict[str, Array]:
    part = np.array([leaf.part for leaf in plan.leaves])
    top = np.array([leaf.max_units for leaf in plan.leaves])
    final = np.where(excluded, 0, points)
    counted = np.where(excluded | (part == "adjustment"), 0, top)
    appraised, survey = final[:, part == "appraised"].sum(1), final[:, part == "survey"].sum(1)
    appraised_max, survey_max = counted[:, part == "appraised"].sum(1), counted[:, part == "survey"].sum(1)
    area = np.array([leaf.area for leaf in plan.leaves])
    adjustment = sum(
        (np.clip(final[:, area == a].sum(1), -cap, cap) for a, cap in plan.adjustment_caps.items()),
        np.zeros(len(points), np.int64),
    )
    rescale = (plan.survey_optional and plan.has_survey) & ~survey_given
    total = appraised + survey + adjustment
    maximum = np.where(rescale, appraised_max, appraised_max + survey_max)
    achieved = np.where(rescale, appraised + adjustment, total)
    index = div_round(achieved * 100 * 10**plan.places, maximum, plan.mode) * plan.step
    return {
        "appraised_points": appraised,
        "survey_points": survey,
        "adjustment_points": adjustment,
        "total_points": div_round(total, plan.step, plan.mode) * plan.step,
        "applicable_max": maximum,
        "index": np.where(maximum > 0, index, -1),
        "has_index": maximum > 0,
    }


def classes(index: Array, has_index: Array, plan: SetPlan) -> Array:
    conditions = []
    for band in plan.bands:
        cond = has_index.copy()
        for edge, op in ((band.from_units, np.greater_equal), (band.above_units, np.greater),
                         (band.to_units, np.less_equal), (band.below_units, np.less)):  # fmt: skip
            if edge is not None:
                cond &= op(index, edge)
        conditions.append(cond)
    names = [np.full(index.shape, b.name, dtype=object) for b in plan.bands]
    return np.select(conditions, names, default=np.full(index.shape, None, dtype=object))


# --------------------------------------------------------------------------------------------
# The script


def _register(communes: str, plan: SetPlan) -> pd.DataFrame:
    reg = read_table(communes)
    reg["unit_type"] = reg["type"].str.strip().str.lower().map(UNIT_TYPES)
    ranked = ~reg["ranked"].str.lower().isin(["no", "không", "false", "0", "n"]) if "ranked" in reg else True
    return reg.assign(ranked=ranked, grp=reg[plan.group_column].astype(str))


def _raw(inputs: Sequence[str], codes: pd.Index) -> pd.DataFrame:
    raw = pd.concat([read_table(p) for p in inputs], ignore_index=True)
    places, distinct = pd.factorize(raw["commune_code"])
    raw["commune_row"] = np.append(codes.get_indexer(distinct), -1)[places]
    return raw[raw["commune_row"] >= 0]


def nullable(values: Array, missing: Array) -> pd.arrays.IntegerArray:
    return pd.arrays.IntegerArray(values.astype(np.int64), missing.astype(bool))


def score(criteria: str, communes: str, inputs: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Details (commune, item, points) and totals, in units."""
    plan = load_plan(criteria)
    reg = _register(communes, plan)
    codes = pd.Index(reg["code"])
    raw = _raw(inputs, codes)
    n = len(reg)
    data = read_inputs(raw, plan, n)
    unit_type = reg["unit_type"].to_numpy(dtype=object)
    evaluated = [leaf_points(leaf, data, plan, unit_type) for leaf in plan.leaves]
    points = np.column_stack([p for p, _, _ in evaluated])
    excluded = np.column_stack([x for _, x, _ in evaluated])
    na = np.column_stack([a for _, _, a in evaluated])
    required = np.array([leaf.evidence_required and leaf.zero_without_evidence for leaf in plan.leaves])
    points = np.where(required & ~na & ~evidence_complete(raw, plan, n), 0, points)
    survey_ids = [leaf.id for leaf in plan.leaves if leaf.part == "survey"]
    survey_given = np.zeros(n, bool)
    survey_given[raw.loc[raw["criterion_id"].isin(survey_ids), "commune_row"].to_numpy()] = True
    sums = totals(points, excluded, plan, survey_given)
    eligible = reg["ranked"].to_numpy(dtype=bool) & sums["has_index"]
    keys = [sums["index"], *(sums[c] for c in plan.tie_break)]
    rank = rank_within(reg["grp"].to_numpy(dtype=object), keys, eligible, plan.ties == "dense")
    ids = [leaf.id for leaf in plan.leaves]
    details = pd.DataFrame(
        {
            "commune_code": np.repeat(codes.to_numpy(dtype=object), len(ids)),
            "criterion_id": np.tile(np.array(ids, dtype=object), n),
            "points": nullable(points.ravel(), excluded.ravel()),
        }
    )
    table = pd.DataFrame({"commune_code": codes.to_numpy(dtype=object)})
    for column in ("appraised_points", "survey_points", "adjustment_points", "total_points", "applicable_max"):
        table[column] = sums[column]
    table["index"] = nullable(sums["index"], ~sums["has_index"])
    table["class"] = classes(sums["index"], sums["has_index"], plan)
    table["rank"] = nullable(rank, rank <= 0)
    return details, table


def run(criteria: str, communes: str, inputs: Sequence[str], out: str | Path) -> dict[str, float]:
    """Score the files and write ``details.parquet`` and ``totals.parquet`` into ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    details, table = score(criteria, communes, inputs)
    details.sort_values(["commune_code", "criterion_id"]).to_parquet(out / "details.parquet", index=False)
    table.sort_values("commune_code").to_parquet(out / "totals.parquet", index=False)
    return {"elapsed": time.perf_counter() - t}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--criteria", required=True)
    parser.add_argument("--communes", required=True)
    parser.add_argument("--assessments", nargs="+", required=True)
    parser.add_argument("--survey", nargs="*", default=[])
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.criteria, args.communes, [*args.assessments, *args.survey], args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
