"""Property tests: generated valid criteria sets load, compile, and both evaluators agree.

The strategies build criteria sets as plain data (what a YAML file holds): random trees of areas,
criteria and leaves using every rule kind, maxima that add up, tier ladders with explicit edges and
neither gaps nor overlaps, and a random rounding mode and number of places. Each set goes through
``yaml.safe_dump`` and :func:`pari_index.criteria.loading.load_criteria_text`, so the loader, the pydantic
models and the validator must all accept it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

import hypothesis.strategies as st
import pytest
import yaml
from evaluators import evaluate_both, totals_both
from hypothesis import given

from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria_text
from pari_index.criteria.model import CriteriaSet, Part, resolve_leaves
from pari_index.criteria.rules import STATUS_VALUES, YearDate

SCALE = 10_000
UNIT_TYPES = ["commune", "ward", "township", "special_zone"]
KINDS = [
    "yes_no",
    "timeliness",
    "deadline",
    "tiers",
    "proportional",
    "checklist",
    "count_tiers",
    "choice",
    "deduction",
]
LEVEL_NAMES = ["chairman", "secretary", "deputy", "member", "none", "yes", "no", "on", "012"]


def pts(units: int) -> float:
    """A point value in units as the YAML number a writer would type (at most 4 decimals)."""
    value = float(Decimal(units) / SCALE)
    assert Decimal(str(value)) * SCALE == units
    return value


level_places = st.one_of(st.none(), st.just("none"), st.integers(0, 4))


@st.composite
def rounding_policy(draw: st.DrawFn) -> dict[str, Any]:
    """A rounding setting: the old form (places and mode) or a policy per level, each level left
    out (taken from places), ``none`` or a number of places."""
    policy: dict[str, Any] = {"mode": draw(st.sampled_from(["half_up", "half_even", "down"]))}
    if draw(st.booleans()):
        policy["places"] = draw(st.integers(0, 4))
    if draw(st.booleans()):
        for level in ("items", "areas", "parts", "total", "index"):
            if (value := draw(level_places)) is not None:
                policy[level] = value
    return policy


def max_units() -> st.SearchStrategy[int]:
    return st.one_of(
        st.integers(1, 50_000),  # any maximum up to 5 points, 4 decimals
        st.sampled_from([1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 30_000]),
    )


@st.composite
def ladder(draw: st.DrawFn, *, high: int, monotone: bool, max_pts: int) -> list[dict[str, Any]]:
    """Tiers with explicit edges covering [0, ∞) (or from 0 explicitly), no gaps or overlaps.

    Edges are in whole units of the value (e.g. percent x 10,000) below ``high``. With
    ``monotone`` the points never fall as the value rises."""
    cuts = sorted(
        draw(
            st.sets(
                st.one_of(
                    st.integers(1, high // SCALE).map(lambda v: v * SCALE),  # whole numbers
                    st.integers(1, high),
                ),
                min_size=0,
                max_size=4,
            )
        )
    )
    inclusive = [draw(st.booleans()) for _ in cuts]  # True: 'to' (<=) below the cut
    n = len(cuts) + 1
    points = [draw(st.integers(0, max_pts)) for _ in range(n)]
    if monotone:
        points.sort()
    tiers: list[dict[str, Any]] = []
    for i in range(n):
        tier: dict[str, Any] = {}
        if i == 0:
            if draw(st.booleans()):
                tier["from"] = 0
        else:
            tier["above" if inclusive[i - 1] else "from"] = pts(cuts[i - 1])
        if i < len(cuts):
            tier["to" if inclusive[i] else "below"] = pts(cuts[i])
        tier["points"] = pts(points[i])
        tiers.append(tier)
    if draw(st.booleans()):
        tiers.reverse()  # decisions print ladders from the top band down
    return tiers


@st.composite
def leaf_rule(
    draw: st.DrawFn, kind: str, maximum: int, *, monotone: bool = False
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(inputs, rule, extra leaf keys) of one leaf of ``kind`` worth ``maximum`` units."""
    points = st.integers(0, maximum)
    extra: dict[str, Any] = {}

    def maybe(key: str, rule: dict[str, Any], strategy: st.SearchStrategy[int] = points) -> None:
        if draw(st.booleans()):
            rule[key] = pts(draw(strategy))

    if kind == "yes_no":
        rule: dict[str, Any] = {"kind": kind, "input": "ok"}
        maybe("yes", rule)
        maybe("no", rule)
        return {"ok": {"type": "boolean"}}, rule, extra
    if kind in ("timeliness", "deadline"):
        rule = {"kind": kind, "input": "x"}
        for key in ("on_time", "late", "not_done"):
            maybe(key, rule)
        if kind == "timeliness":
            return {"x": {"type": "status"}}, rule, extra
        form = draw(st.sampled_from(["fixed", "fixed", "in_year", "after_input"]))
        if form == "in_year":
            # A day of the assessment year (the generated set's year, 2025), or of a year near it.
            offset, month, day = draw(st.integers(-1, 1)), draw(st.integers(1, 12)), draw(st.integers(1, 27))
            rule["deadline"] = {"year": offset, "month": month, "day": day}
            if draw(st.booleans()):
                rule["late_until"] = {"year": offset, "month": month, "day": draw(st.integers(day + 1, 28))}
            return {"x": {"type": "date"}}, rule, extra
        if form == "after_input":
            # Days after the reported date "r" (near REFERENCE_DAY in the rows).
            days = draw(st.integers(0, 40))
            rule["deadline"] = {"days_after": days, "of": "r"}
            if draw(st.booleans()):
                rule["late_until"] = {"days_after": days + draw(st.integers(1, 30)), "of": "r"}
            return {"x": {"type": "date"}, "r": {"type": "date"}}, rule, extra
        deadline = draw(st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 1)))
        rule["deadline"] = deadline
        if draw(st.booleans()):
            rule["late_until"] = deadline + dt.timedelta(days=draw(st.integers(1, 90)))
        return {"x": {"type": "date"}}, rule, extra
    if kind in ("tiers", "proportional"):
        sources = ["rate", "percent", "number"] if kind == "tiers" else ["rate", "percent", "range"]
        source = draw(st.sampled_from(sources))
        if source == "rate":
            den_type = draw(st.sampled_from(["count", "number"]))
            inputs = {"num": {"type": den_type}, "den": {"type": den_type}}
            rule = {"kind": kind, "rate": {"numerator": "num", "denominator": "den"}}
            rule["when_no_denominator"] = draw(st.sampled_from(["zero", "full_points"]))
        elif source == "range":
            # A value on a declared range, e.g. a 0-10 sub-score; the range may start below 0.
            low = draw(
                st.one_of(st.just(0), st.integers(-20, 20).map(lambda n: n * SCALE), st.integers(-50_000, 50_000))
            )
            high = low + draw(st.one_of(st.integers(1, 20).map(lambda n: n * SCALE), st.integers(1, 2_000_000)))
            inputs = {"v": {"type": draw(st.sampled_from(["number", "percent", "count"]))}}
            rule = {"kind": kind, "input": "v", "range": {"from": pts(low), "to": pts(high)}}
        else:
            inputs = {"v": {"type": source}}
            rule = {"kind": kind, "input": "v"}
        if kind == "tiers":
            high = 100 * SCALE if source != "number" else 1_000 * SCALE
            rule["tiers"] = draw(ladder(high=high, monotone=monotone, max_pts=maximum))
        else:
            cap = draw(st.integers(0, maximum)) if draw(st.integers(0, 3)) == 0 else None
            if cap is not None:
                rule["cap"] = pts(cap)
            if draw(st.integers(0, 3)) == 0:
                rule["floor"] = pts(draw(st.integers(0, maximum if cap is None else cap)))
        return inputs, rule, extra
    if kind == "checklist":
        n = draw(st.integers(1, 4))
        items = [{"input": f"c{i}", "points": pts(draw(points))} for i in range(n)]
        return (
            {f"c{i}": {"type": "boolean"} for i in range(n)},
            {"kind": kind, "items": items},
            extra,
        )
    if kind == "count_tiers":
        counts = sorted(draw(st.sets(st.integers(0, 30), min_size=1, max_size=5)), reverse=True)
        values = sorted((draw(points) for _ in counts), reverse=True)
        tiers = [{"at_least": c, "points": pts(p)} for c, p in zip(counts, values, strict=True)]
        return {"n": {"type": "count"}}, {"kind": kind, "input": "n", "tiers": tiers}, extra
    if kind == "choice":
        names = draw(st.lists(st.sampled_from(LEVEL_NAMES), min_size=1, max_size=4, unique=True))
        levels = []
        for name in names:
            if draw(st.booleans()):
                levels.append({"value": name, "points": pts(draw(points))})
            else:
                levels.append({"value": name, "fraction": pts(draw(st.integers(0, SCALE)))})
        return {"lvl": {"type": "level"}}, {"kind": kind, "input": "lvl", "levels": levels}, extra
    if kind == "deduction":
        floor = -draw(st.integers(0, 20_000)) if draw(st.booleans()) else 0
        if floor:
            extra["floor"] = pts(floor)
        rule = {"kind": kind, "input": "n", "per": pts(draw(st.integers(1, 20_000)))}
        maybe("start", rule, st.integers(floor, maximum))
        return {"n": {"type": draw(st.sampled_from(["count", "boolean"]))}}, rule, extra
    if kind in ("bonus", "penalty"):
        rule = {"kind": kind, "input": "n", "per": pts(draw(st.integers(1, 20_000)))}
        return {"n": {"type": draw(st.sampled_from(["count", "boolean"]))}}, rule, extra
    raise AssertionError(kind)


na_policy = st.sampled_from([None, None, "full_points", "exclude", "not_allowed"])
unit_types = st.lists(st.sampled_from(UNIT_TYPES), min_size=1, max_size=3, unique=True)
applies = st.one_of(st.none(), unit_types)


@st.composite
def leaf_node(draw: st.DrawFn, node_id: str, kinds: list[str]) -> dict[str, Any]:
    maximum = draw(max_units())
    inputs, rule, extra = draw(leaf_rule(draw(st.sampled_from(kinds)), maximum))
    node: dict[str, Any] = {"id": node_id, "title": f"Tiêu chí {node_id}", "max": pts(maximum)}
    node.update(extra)
    node["inputs"] = inputs
    node["rule"] = rule
    if (policy := draw(na_policy)) is not None:
        node["not_applicable"] = policy
    if (units := draw(applies)) is not None:
        node["applies_to"] = units
    return node


def units_of(node: dict[str, Any]) -> int:
    return int(Decimal(str(node["max"])) * SCALE)


@st.composite
def branch_node(draw: st.DrawFn, node_id: str, kinds: list[str], depth: int) -> dict[str, Any]:
    """A node whose maximum is the sum of its children's (a leaf when depth runs out)."""
    if depth == 0 or (depth < 2 and draw(st.booleans())):
        return draw(leaf_node(node_id, kinds))
    children = [draw(branch_node(f"{node_id}.{i}", kinds, depth - 1)) for i in range(1, draw(st.integers(1, 3)) + 1)]
    node: dict[str, Any] = {
        "id": node_id,
        "title": f"Nhóm {node_id}",
        "max": pts(sum(units_of(c) for c in children)),
        "children": children,
    }
    if (policy := draw(na_policy)) is not None:
        node["not_applicable"] = policy
    if draw(st.integers(0, 4)) == 0:
        node["applies_to"] = draw(unit_types)
    return node


@st.composite
def criteria_data(draw: st.DrawFn) -> dict[str, Any]:
    """A valid criteria set as YAML-ready data."""
    n_areas = draw(st.integers(1, 3))
    areas = []
    for i in range(1, n_areas + 1):
        area = draw(branch_node(str(i), KINDS, depth=2))
        if "rule" in area:  # an area must have children here; wrap a lone leaf
            leaf = dict(area, id=f"{i}.1")
            area = {"id": str(i), "title": f"Lĩnh vực {i}", "max": leaf["max"], "children": [leaf]}
        areas.append(area)
    survey = 0
    if draw(st.booleans()):
        area = draw(branch_node(str(n_areas + 1), [k for k in KINDS if k != "deduction"], 1))
        if "rule" in area:
            leaf = dict(area, id=f"{n_areas + 1}.1")
            area = {
                "id": leaf["id"][:-2],
                "title": "Khảo sát",
                "max": leaf["max"],
                "children": [leaf],
            }
        area["part"] = "survey"
        areas.append(area)
        survey = units_of(area)
    if draw(st.booleans()):
        aid = str(len(areas) + 1)
        children = []
        for j in range(1, draw(st.integers(1, 3)) + 1):
            maximum = draw(max_units())
            inputs, rule, _ = draw(leaf_rule(draw(st.sampled_from(["bonus", "penalty"])), maximum))
            children.append(
                {
                    "id": f"{aid}.{j}",
                    "title": "Điều chỉnh",
                    "max": pts(maximum),
                    "inputs": inputs,
                    "rule": rule,
                }
            )
        areas.append(
            {
                "id": aid,
                "title": "Điểm thưởng, điểm trừ",
                "max": pts(draw(max_units())),
                "part": "adjustment",
                "children": children,
            }
        )
    appraised = sum(units_of(a) for a in areas if a.get("part") is None)
    return {
        "id": "generated",
        "title": {"vi": "Bộ chỉ số sinh ngẫu nhiên", "en": "Generated set"},
        "year": 2025,
        "province": "Tỉnh Thử",
        "issuer": "UBND tỉnh Thử",
        "decision": {"number": "1/QĐ-UBND", "date": dt.date(2025, 1, 15)},
        "scale": pts(appraised + survey),
        "parts": {"appraised": pts(appraised), "survey": pts(survey)},
        "rounding": draw(rounding_policy()),
        "ranking": {"within": "district"},
        "classes": [
            {"name": "Tốt", "from": 90},
            {"name": "Khá", "from": 50, "below": 90},
            {"name": "Kém", "below": 50},
        ],
        "defaults": {"not_applicable": draw(st.sampled_from(["not_allowed", "full_points", "exclude"]))},
        "areas": areas,
    }


def load(data: dict[str, Any]) -> CriteriaSet:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return load_criteria_text(text, "generated.yaml").criteria


# --- input frames ----------------------------------------------------------------------------

amounts = st.one_of(
    st.none(),
    st.just(0),
    st.integers(0, 40).map(lambda n: n * SCALE),  # whole counts and percents hit edges exactly
    st.integers(0, 100 * SCALE),
    st.integers(0, 2_000_000),
    st.integers(0, 10**9),
)
whole_counts = st.one_of(st.none(), st.just(0), *[st.integers(0, 40).map(lambda n: n * SCALE)] * 3)
flags = st.sampled_from([None, False, False, True])


def edge_values(leaf: Any) -> list[int]:
    """Tier edges of a leaf (in input units) and their neighbours: where mistakes hide."""
    rule = leaf.rule
    edges: set[int] = set()
    if rule.kind == "tiers":
        for tier in rule.tiers:
            for edge in (tier.lower, tier.upper):
                if edge is not None:
                    edges.add(int(edge[0] * SCALE))
    elif rule.kind == "count_tiers":
        edges = {t.at_least * SCALE for t in rule.tiers}
    elif rule.kind == "proportional" and rule.range is not None:
        edges = {int(rule.range.from_ * SCALE), int(rule.range.to * SCALE)}
    return sorted({max(e + d, 0) for e in edges for d in (-1, 0, 1)})


#: The day the reported dates a deadline counts from lie near (``{days_after: N, of: r}``).
REFERENCE_DAY = dt.date(2025, 1, 10)


def near_day(when: Any) -> dt.date:
    """About the day a deadline resolves to for the generated set (year 2025), to draw dates near."""
    if isinstance(when, dt.date):
        return when
    if isinstance(when, YearDate):
        return dt.date(2025 + when.year, when.month, when.day)
    return REFERENCE_DAY + dt.timedelta(days=when.days_after)


@st.composite
def input_value(draw: st.DrawFn, leaf: Any, name: str) -> Any:
    kind = leaf.inputs[name].type.value
    if edges := edge_values(leaf):
        # A rate's value is num / den x 100, so num = edge over den = 100 (x SCALE) hits it.
        if name == "den" and draw(st.booleans()):
            return 100 * SCALE
        if name in ("num", "v", "n") and draw(st.booleans()):
            return draw(st.sampled_from(edges))
    if kind == "boolean":
        return draw(st.sampled_from([None, True, True, False, False]))
    if kind == "count":  # whole numbers of occurrences (in units)
        return draw(whole_counts)
    if kind in ("number", "percent"):
        return draw(amounts)
    if kind == "date":
        rule = leaf.rule
        anchors = [near_day(when) for when in rule.dates] if name != "r" else [REFERENCE_DAY]
        anchor = draw(st.sampled_from(anchors))
        near = st.integers(-3, 3).map(lambda d: anchor + dt.timedelta(days=d))
        return draw(st.one_of(st.none(), near, near, near))
    if kind == "status":
        return draw(st.sampled_from([None, *STATUS_VALUES, "bogus"]))
    if kind == "level":
        values = [lvl.value for lvl in leaf.rule.levels]
        return draw(st.sampled_from([None, "unknown", *values, *values]))
    raise AssertionError(kind)


@st.composite
def rows_for(draw: st.DrawFn, criteria: CriteriaSet) -> list[dict[str, Any]]:
    rows = []
    for i in range(draw(st.integers(1, 4))):
        row: dict[str, Any] = {
            "commune_code": f"{i:05d}",
            "unit_type": draw(st.sampled_from([*UNIT_TYPES, None])),
        }
        for leaf in resolve_leaves(criteria):
            for name in leaf.inputs:
                row[leaf.column(name)] = draw(input_value(leaf, name))
            row[f"{leaf.id}:n/a"] = draw(flags)
        rows.append(row)
    return rows


@st.composite
def criteria_and_rows(draw: st.DrawFn) -> tuple[CriteriaSet, list[dict[str, Any]]]:
    criteria = load(draw(criteria_data()))
    return criteria, draw(rows_for(criteria))


# --- properties ------------------------------------------------------------------------------


@given(criteria_data())
def test_generated_sets_validate_and_compile(data: dict[str, Any]) -> None:
    criteria = load(data)
    compiled = compile_criteria(criteria)
    assert [leaf.id for leaf in compiled.leaves] == [n.id for n in criteria.leaves()]
    result = compiled.evaluate(compiled.empty_frame())
    assert result.height == 0
    # Parent maxima add up and the scale is appraised + survey.
    assert criteria.scale == criteria.parts.appraised + criteria.parts.survey


@given(criteria_and_rows())
def test_compiled_and_reference_agree(case: tuple[CriteriaSet, list[dict[str, Any]]]) -> None:
    criteria, rows = case
    got_c, got_r = evaluate_both(criteria, rows)
    assert (
        set(got_c)
        == set(got_r)
        == {(row["commune_code"], leaf.id) for row in rows for leaf in resolve_leaves(criteria)}
    )
    for key, expected in got_r.items():
        assert got_c[key] == expected, key


@given(criteria_and_rows())
def test_scores_within_floor_and_max(case: tuple[CriteriaSet, list[dict[str, Any]]]) -> None:
    criteria, rows = case
    got_c, _ = evaluate_both(criteria, rows)
    leaves = {leaf.id: leaf for leaf in resolve_leaves(criteria)}
    for (_, leaf_id), result in got_c.items():
        leaf = leaves[leaf_id]
        if result["points"] is None:
            assert result["branch"] == "na_excluded"
            assert result["counted_max"] == 0
            continue
        if leaf.part is Part.adjustment:
            assert abs(result["points"]) <= leaf.max * SCALE
            if result["branch"] != "na_full_points":
                sign = 1 if leaf.rule.kind == "bonus" else -1
                assert sign * result["points"] >= 0, (leaf_id, result)
            assert result["counted_max"] == 0
            continue
        assert leaf.floor * SCALE <= result["points"] <= leaf.max * SCALE, (leaf_id, result)
        assert result["counted_max"] == leaf.max * SCALE


# --- monotonicity ----------------------------------------------------------------------------


def single_leaf_set(
    inputs: dict[str, Any],
    rule: dict[str, Any],
    maximum: int,
    rounding: dict[str, Any],
    extra: dict[str, Any] | None = None,
) -> CriteriaSet:
    """A set whose only scored leaf is "1.1" (bonus and penalty: "2.1" in an adjustment area)."""
    leaf = {"id": "1.1", "title": "L", "max": pts(maximum), **(extra or {})}
    leaf.update(inputs=inputs, rule=rule)
    areas = [{"id": "1", "title": "A", "max": pts(maximum), "children": [leaf]}]
    if rule["kind"] in ("bonus", "penalty"):
        other = {"id": "1.1", "title": "Y", "max": 1, "inputs": {"ok": {"type": "boolean"}}}
        other["rule"] = {"kind": "yes_no", "input": "ok"}
        areas = [
            {"id": "1", "title": "A", "max": 1, "children": [other]},
            {"id": "2", "title": "B", "max": 1, "part": "adjustment", "children": [leaf]},
        ]
        leaf["id"] = "2.1"
        maximum = SCALE
    return load(
        {
            "id": "single",
            "title": "M",
            "year": 2025,
            "province": "P",
            "issuer": "I",
            "decision": {"number": "1", "date": dt.date(2025, 1, 1)},
            "scale": pts(maximum),
            "parts": {"appraised": pts(maximum)},
            "rounding": rounding,
            "ranking": {"within": "district"},
            "classes": [{"name": "A", "from": 0}],
            "areas": areas,
        }
    )


roundings = rounding_policy()


@st.composite
def single_leaf_case(draw: st.DrawFn, kind: str) -> tuple[CriteriaSet, list[dict[str, Any]]]:
    """One leaf of ``kind`` and many communes: dense coverage of the rule's arithmetic."""
    maximum = draw(max_units())
    inputs, rule, extra = draw(leaf_rule(kind, maximum))
    criteria = single_leaf_set(inputs, rule, maximum, draw(roundings), extra)
    (leaf,) = [leaf for leaf in resolve_leaves(criteria) if leaf.rule.kind == kind]
    rows = []
    for i in range(draw(st.integers(1, 16))):
        row: dict[str, Any] = {"commune_code": f"{i:05d}", "unit_type": "commune"}
        for name in leaf.inputs:
            row[leaf.column(name)] = draw(input_value(leaf, name))
        rows.append(row)
    return criteria, rows


@pytest.mark.parametrize("kind", [*KINDS, "bonus", "penalty"])
@given(data=st.data())
def test_single_leaf_compiled_and_reference_agree(kind: str, data: st.DataObject) -> None:
    criteria, rows = data.draw(single_leaf_case(kind))
    got_c, got_r = evaluate_both(criteria, rows)
    assert got_c == got_r


@st.composite
def monotone_case(draw: st.DrawFn) -> tuple[CriteriaSet, dict[str, Any], dict[str, Any]]:
    """A tiers (increasing points) or proportional leaf, and two input rows where the second has
    the same denominator and a numerator (or value) at least as large."""
    maximum = draw(max_units())
    kind = draw(st.sampled_from(["tiers", "proportional"]))
    inputs, rule, _ = draw(leaf_rule(kind, maximum, monotone=True))
    criteria = single_leaf_set(inputs, rule, maximum, draw(rounding_policy()))
    low = draw(st.one_of(st.integers(0, 40).map(lambda n: n * SCALE), st.integers(0, 2_000_000)))
    high = low + draw(st.one_of(st.just(0), st.integers(1, 10), st.integers(0, 2_000_000)))
    base = {"commune_code": "00001", "unit_type": "commune"}
    if "rate" in rule:
        den = draw(st.one_of(st.integers(1, 40).map(lambda n: n * SCALE), st.integers(1, 2_000_000)))
        first = {**base, "1.1:num": low, "1.1:den": den}
        second = {**base, "commune_code": "00002", "1.1:num": high, "1.1:den": den}
    else:
        first = {**base, "1.1:v": low}
        second = {**base, "commune_code": "00002", "1.1:v": high}
    return criteria, first, second


@given(monotone_case())
def test_raising_the_numerator_never_lowers_the_score(
    case: tuple[CriteriaSet, dict[str, Any], dict[str, Any]],
) -> None:
    criteria, first, second = case
    got_c, got_r = evaluate_both(criteria, [first, second])
    assert got_c == got_r
    low, high = got_c[("00001", "1.1")], got_c[("00002", "1.1")]
    assert low["branch"] != "no_tier" and high["branch"] != "no_tier"
    assert high["points"] >= low["points"], (first, second, low, high)


# --- exact edges (issue 16) ------------------------------------------------------------------
# Inputs are exact decimals (values.parse_exact): a value 10**-k beside an edge, for k = 1..14,
# must fall on its own side in both evaluators. The reference takes the Decimal itself; the
# compiled evaluator the frame's units and rest (tests/evaluators.py).

NEAR = [(k, sign) for k in range(1, 15) for sign in (-1, 1)]


def _beside(edge: Fraction, k: int, sign: int) -> Decimal | None:
    """edge + sign x 10**-k at 14 decimals, or None when below 0 (the intake refuses those)."""
    value = Decimal(edge.numerator) / Decimal(edge.denominator) + sign * Decimal(10) ** -k
    value = value.quantize(Decimal(10) ** -14)
    return value if value >= 0 else None


def _edges(leaf: Any, places: int | None) -> list[Fraction]:
    """The values (of the input, or of the rate in %) where a leaf's points change: every tier
    edge; for proportional points also 0, 100 and where ratio x max crosses a rounding half."""
    rule = leaf.rule
    if rule.kind == "tiers":
        return sorted({Fraction(e[0]) for t in rule.tiers for e in (t.lower, t.upper) if e is not None})
    step = Fraction(1, 10 ** (4 if places is None else places))  # none: the unit of 1/10,000
    maximum = Fraction(leaf.max)
    low, high = Fraction(0), Fraction(100)
    if getattr(rule, "range", None) is not None:  # a declared range: its ends and halves on it
        low, high = Fraction(rule.range.from_), Fraction(rule.range.to)
    halves = [low + (j + Fraction(1, 2)) * step * (high - low) / maximum for j in range(0, int(maximum / step), 7)]
    return [low, high, *halves[:6]]


@st.composite
def edge_case(draw: st.DrawFn, kind: str) -> tuple[CriteriaSet, list[dict[str, Any]]]:
    maximum = draw(max_units())
    inputs, rule, extra = draw(leaf_rule(kind, maximum))
    rounding = draw(roundings)
    criteria = single_leaf_set(inputs, rule, maximum, rounding, extra)
    (leaf,) = [leaf for leaf in resolve_leaves(criteria) if leaf.rule.kind == kind]
    rows: list[dict[str, Any]] = []
    multiple = draw(st.sampled_from([1, 3, 7, 1000]))  # den = 100 x multiple: the rate is num / multiple
    for edge in _edges(leaf, criteria.rounding.at("items")):
        for k, sign in NEAR:
            value = _beside(edge, k, sign)
            if value is None:
                continue
            row: dict[str, Any] = {"commune_code": f"{len(rows):05d}", "unit_type": "commune"}
            if "v" in leaf.inputs:
                row[leaf.column("v")] = value
            elif leaf.inputs["den"].type.value == "count":
                row[leaf.column("num")], row[leaf.column("den")] = value * multiple, Decimal(100 * multiple)
            else:
                row[leaf.column("num")], row[leaf.column("den")] = value, Decimal(100)
            rows.append(row)
    return criteria, rows


@pytest.mark.parametrize("kind", ["tiers", "proportional"])
@given(data=st.data())
def test_compiled_and_reference_agree_beside_every_edge(kind: str, data: st.DataObject) -> None:
    criteria, rows = data.draw(edge_case(kind))
    got_c, got_r = evaluate_both(criteria, rows)
    assert got_c == got_r


def test_beside_an_edge_is_on_its_own_side() -> None:
    """Hand-checked: >90: 2 / 70-90: 1 / <70: 0; 10**-14 either side of each edge."""
    tiers = [{"above": 90, "points": 2}, {"from": 70, "to": 90, "points": 1}, {"below": 70, "points": 0}]
    rule = {"kind": "tiers", "input": "v", "tiers": tiers}
    criteria = single_leaf_set({"v": {"type": "percent"}}, rule, 2 * SCALE, {"places": 2, "mode": "half_up"})
    tiny = Decimal("0.00000000000001")
    expected = {
        Decimal(70) - tiny: "tier:2",
        Decimal(70): "tier:1",
        Decimal(90): "tier:1",
        Decimal(90) + tiny: "tier:0",
        Decimal("69.99999"): "tier:2",
        Decimal("90.00005"): "tier:0",
    }
    rows = [{"commune_code": f"{i:05d}", "1.1:v": value} for i, value in enumerate(expected)]
    got_c, got_r = evaluate_both(criteria, rows)
    for i, branch in enumerate(expected.values()):
        assert got_c[(f"{i:05d}", "1.1")]["branch"] == got_r[(f"{i:05d}", "1.1")]["branch"] == branch


# --- totals under every rounding policy ---------------------------------------------------------


@st.composite
def with_printed_mismatch(draw: st.DrawFn) -> dict[str, Any]:
    """A generated set where, now and then, an area prints a maximum above its children's sum
    (kept with printed_mismatch): the unreachable points count in every maximum."""
    data = draw(criteria_data())
    scored = [a for a in data["areas"] if a.get("part") != "adjustment"]
    if draw(st.booleans()):
        area = draw(st.sampled_from(scored))
        extra = draw(st.integers(1, 30_000))
        area["max"] = pts(units_of(area) + extra)
        area["printed_mismatch"] = "printed above its sub-criteria"
        part = "survey" if area.get("part") == "survey" else "appraised"
        data["parts"][part] = pts(int(Decimal(str(data["parts"][part])) * SCALE) + extra)
        data["scale"] = pts(int(Decimal(str(data["scale"])) * SCALE) + extra)
    return data


@given(data=st.data())
def test_totals_agree_under_every_rounding_policy(data: st.DataObject) -> None:
    """scoring.compute_totals and reference.reference_totals give the same parts, total, maximum
    and index, whatever each level's rounding and whichever printed maxima hold unreachable points."""
    criteria = load(data.draw(with_printed_mismatch()))
    rows = data.draw(rows_for(criteria))
    got_c, got_r = totals_both(criteria, rows)
    assert got_c == got_r


@st.composite
def range_case(draw: st.DrawFn) -> tuple[CriteriaSet, int, int]:
    """A proportional leaf over a declared range with any rounding policy, and two values low <= high."""
    maximum = draw(max_units())
    lowest = draw(st.one_of(st.just(0), st.integers(-20, 20).map(lambda n: n * SCALE)))
    width = draw(st.one_of(st.just(10 * SCALE), st.integers(1, 20).map(lambda n: n * SCALE), st.integers(1, 10**6)))
    rule = {"kind": "proportional", "input": "v", "range": {"from": pts(lowest), "to": pts(lowest + width)}}
    criteria = single_leaf_set({"v": {"type": "number"}}, rule, maximum, draw(rounding_policy()))
    values = st.one_of(st.integers(0, 30 * SCALE), st.integers(0, 10**9), st.sampled_from([0, lowest + width]))
    first = draw(values)
    # The range's top may be below 0, so the second value may be too: order the pair.
    low, high = sorted((first, first + draw(st.one_of(st.just(0), st.integers(1, 10), values))))
    return criteria, low, high


@given(range_case())
def test_range_points_stay_within_zero_and_max_and_never_fall(case: tuple[CriteriaSet, int, int]) -> None:
    criteria, low, high = case
    base = {"commune_code": "00001", "unit_type": "commune"}
    got_c, got_r = evaluate_both(criteria, [{**base, "1.1:v": low}, {**base, "commune_code": "00002", "1.1:v": high}])
    assert got_c == got_r
    first, second = got_c[("00001", "1.1")], got_c[("00002", "1.1")]
    maximum = int(next(criteria.leaves()).max * SCALE)
    for result in (first, second):
        assert 0 <= result["points"] <= maximum, result
    assert first["points"] <= second["points"], (low, high, first, second)
