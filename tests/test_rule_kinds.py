"""Hand-computed points for every rule kind, from both evaluators.

Points are in units of 1/10,000 (1 point = 10_000). Every expected number is worked out by hand in
the comment or the parameter next to it; ``score`` asserts that the polars compiler and the
pure-Python reference agree before the value is compared.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from evaluators import evaluate_both, score

from pari_index.criteria.loading import LoadedCriteria, load_criteria, load_criteria_text
from pari_index.criteria.model import CriteriaSet

DATA = Path(__file__).parent / "data"
P = 10_000  # one point in units
PCT = 10_000  # one percent (or one count) as an input value in units


@pytest.fixture(scope="module")
def kinds() -> CriteriaSet:
    return load_criteria(DATA / "all_kinds.yaml").criteria


def one_leaf(leaf: str, *, maximum: str = "1", places: int = 2, mode: str = "half_up") -> CriteriaSet:
    """A set with a single leaf "1.1" (body given as YAML) worth ``maximum`` points."""
    body = textwrap.indent(textwrap.dedent(leaf).strip(), " " * 8)
    text = f"""\
id: t
title: T
year: 2024
province: P
issuer: I
decision: {{number: "1/QĐ-UBND", date: 2024-01-15}}
scale: {maximum}
parts: {{appraised: {maximum}}}
rounding: {{places: {places}, mode: {mode}}}
ranking: {{within: district}}
classes: [{{name: A, from: 0}}]
areas:
  - id: "1"
    title: A
    max: {maximum}
    children:
      - id: "1.1"
        title: L
        max: {maximum}
{body}
"""
    loaded: LoadedCriteria = load_criteria_text(text)
    return loaded.criteria


# --- yes / no --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "points", "branch"),
    [(True, 1 * P, "yes"), (False, 0, "no"), (None, 0, "missing")],
)
def test_yes_no(kinds: CriteriaSet, value: bool | None, points: int, branch: str) -> None:
    # 1.2.3: max 1, yes defaults to the maximum, no to 0.
    assert score(kinds, "1.2.3", rules_issued=value) == (points, branch, 1 * P)


def test_yes_no_explicit_points() -> None:
    criteria = one_leaf(
        """
        inputs: {ok: {type: boolean}}
        rule: {kind: yes_no, input: ok, yes: 0.75, no: 0.25}
        """
    )
    assert score(criteria, "1.1", ok=True) == (7_500, "yes", P)
    assert score(criteria, "1.1", ok=False) == (2_500, "no", P)
    assert score(criteria, "1.1", ok=None) == (0, "missing", P)


# --- timeliness ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "points", "branch"),
    [
        ("on_time", 17_000, "on_time"),  # max 1.7
        ("late", 8_500, "late"),  # late: 0.85
        ("not_done", 0, "not_done"),
        (None, 0, "missing"),
        ("sometime", 0, "missing"),  # not a status value
    ],
)
def test_timeliness(kinds: CriteriaSet, status: str | None, points: int, branch: str) -> None:
    assert score(kinds, "1.1.4", status=status) == (points, branch, 17_000)


# --- deadline by signature date --------------------------------------------------------------


@pytest.mark.parametrize(
    ("signed", "points", "branch"),
    [
        (dt.date(2024, 1, 2), 10_000, "on_time"),
        (dt.date(2024, 1, 31), 10_000, "on_time"),  # on the deadline itself
        (dt.date(2024, 2, 1), 5_000, "late"),  # the day after: late 0.5
        (dt.date(2024, 3, 31), 5_000, "late"),  # on late_until itself
        (dt.date(2024, 4, 1), 0, "after_late_until"),
        (None, 0, "not_done"),
    ],
)
def test_deadline_with_late_until(kinds: CriteriaSet, signed: dt.date | None, points: int, branch: str) -> None:
    assert score(kinds, "1.1.1", signed_on=signed) == (points, branch, P)


def test_deadline_without_late_until() -> None:
    # Hải Phòng 3793 1.1.1 style: issued in January 0.2; any later date is "late" (0 here).
    criteria = one_leaf(
        """
        inputs: {signed_on: {type: date}}
        rule: {kind: deadline, input: signed_on, deadline: 31/01/2025, late: 0.1, not_done: 0}
        """,
        maximum="0.2",
    )
    assert score(criteria, "1.1", signed_on=dt.date(2025, 1, 31)) == (2_000, "on_time", 2_000)
    assert score(criteria, "1.1", signed_on=dt.date(2025, 12, 31)) == (1_000, "late", 2_000)
    assert score(criteria, "1.1", signed_on=None) == (0, "not_done", 2_000)


# --- tiers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("done", "planned", "points", "branch"),
    [
        (90, 100, 10_000, "tier:1"),  # exactly 90 % is "from 70 to 90": 1, not "above 90"
        (9, 10, 10_000, "tier:1"),  # the same 90 % from other counts
        (91, 100, 20_000, "tier:0"),  # above 90: 2
        (241, 263, 20_000, "tier:0"),  # 91.63 %
        (900_001, 1_000_000, 20_000, "tier:0"),  # 90.0001 % is above 90
        (70, 100, 10_000, "tier:1"),  # 70 % is in "from 70"
        (699_999, 1_000_000, 0, "tier:2"),  # 69.9999 % is below 70
        (0, 5, 0, "tier:2"),
        (7, 0, 0, "no_denominator"),  # zero denominator, when_no_denominator: zero
        (None, 10, 0, "missing"),
        (9, None, 0, "missing"),
    ],
)
def test_tiers_on_rate(kinds: CriteriaSet, done: int | None, planned: int | None, points: int, branch: str) -> None:
    # 1.1.3: above 90: 2 / from 70 to 90: 1 / below 70: 0; counts as units of 1/10,000.
    args = {
        "done": None if done is None else done * PCT,
        "planned": None if planned is None else planned * PCT,
    }
    assert score(kinds, "1.1.3", **args) == (points, branch, 20_000)


@pytest.mark.parametrize(
    ("percent_units", "points", "branch"),
    [
        (100 * PCT, 50_000, "tier:0"),
        (90 * PCT, 50_000, "tier:0"),  # from 90: 5
        (90 * PCT - 1, 40_000, "tier:1"),  # 89.9999 %: below 90, from 80: 4
        (80 * PCT, 40_000, "tier:1"),
        (50 * PCT, 20_000, "tier:2"),
        (50 * PCT - 1, 0, "tier:3"),  # below 50: 0
        (None, 0, "missing"),
    ],
)
def test_tiers_on_percent_input(kinds: CriteriaSet, percent_units: int | None, points: int, branch: str) -> None:
    assert score(kinds, "3.1", satisfied=percent_units) == (points, branch, 50_000)


def test_tiers_zero_denominator_full_points_and_gap() -> None:
    criteria = one_leaf(
        """
        inputs: {a: {type: count}, b: {type: count}}
        rule:
          kind: tiers
          rate: {numerator: a, denominator: b}
          when_no_denominator: full_points
          tiers:
            - {from: 50, points: 1.5}
            - {below: 50, points: 0.5}
        """,
        maximum="1.5",
    )
    assert score(criteria, "1.1", a=3 * PCT, b=0) == (15_000, "no_denominator", 15_000)
    assert score(criteria, "1.1", a=1 * PCT, b=2 * PCT) == (15_000, "tier:0", 15_000)  # 50 %
    assert score(criteria, "1.1", a=1 * PCT, b=3 * PCT) == (5_000, "tier:1", 15_000)  # 33.3 %


# --- proportional ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on_time", "received", "points", "branch"),
    [
        (241, 263, 36_700, "ratio"),  # 241/263 × 4 = 3.66539… → 3.67 (half_up, 2 places)
        (263, 263, 40_000, "ratio_full"),
        (264, 263, 40_000, "ratio_full"),  # Mỹ Hiệp: 264 outcomes of 263 records, capped at 1
        (0, 263, 0, "ratio"),
        (5, 0, 0, "no_denominator"),
        (None, 263, 0, "missing"),
        (5, None, 0, "missing"),
    ],
)
def test_proportional_rate(
    kinds: CriteriaSet, on_time: int | None, received: int | None, points: int, branch: str
) -> None:
    args = {
        "on_time": None if on_time is None else on_time * PCT,
        "received": None if received is None else received * PCT,
    }
    assert score(kinds, "2.1", **args) == (points, branch, 40_000)


PROPORTIONAL_RATE = """
inputs: {a: {type: count}, b: {type: count}}
rule: {kind: proportional, rate: {numerator: a, denominator: b}}
"""


@pytest.mark.parametrize(
    ("mode", "places", "a", "b", "maximum", "points"),
    [
        # 241/263 × 4 = 3.665399…: not a tie, so half_up and half_even agree; down truncates.
        ("half_up", 2, 241, 263, "4", 36_700),
        ("half_even", 2, 241, 263, "4", 36_700),
        ("down", 2, 241, 263, "4", 36_600),
        # 1/8 × 1 = 0.125: a tie at 2 places.
        ("half_up", 2, 1, 8, "1", 1_300),  # 0.13
        ("half_even", 2, 1, 8, "1", 1_200),  # 0.12 (2 is even)
        ("down", 2, 1, 8, "1", 1_200),  # 0.12
        # 3/8 × 1 = 0.375: a tie whose lower neighbour is odd.
        ("half_up", 2, 3, 8, "1", 3_800),  # 0.38
        ("half_even", 2, 3, 8, "1", 3_800),  # 0.38 (8 is even)
        ("down", 2, 3, 8, "1", 3_700),  # 0.37
        # 1/3 × 2 = 0.6666…
        ("half_up", 1, 1, 3, "2", 7_000),  # 0.7
        ("down", 1, 1, 3, "2", 6_000),  # 0.6
        ("half_up", 0, 1, 3, "2", 10_000),  # 1
        ("down", 0, 1, 3, "2", 0),  # 0
        ("half_even", 4, 1, 3, "2", 6_667),  # 0.6667
        # 1/16 × 1 = 0.0625: a tie at 3 places.
        ("half_up", 3, 1, 16, "1", 630),  # 0.063
        ("half_even", 3, 1, 16, "1", 620),  # 0.062
        # 1/2 × 1 = 0.5: a tie at 0 places.
        ("half_up", 0, 1, 2, "1", 10_000),  # 1
        ("half_even", 0, 1, 2, "1", 0),  # 0 (even)
    ],
)
def test_proportional_rounding_modes(mode: str, places: int, a: int, b: int, maximum: str, points: int) -> None:
    criteria = one_leaf(PROPORTIONAL_RATE, maximum=maximum, places=places, mode=mode)
    got = score(criteria, "1.1", a=a * PCT, b=b * PCT)
    assert got == (points, "ratio", int(maximum) * P)


def test_proportional_percent_input_applies_to_and_exclude(kinds: CriteriaSet) -> None:
    # 2.3: wards only, N/A excludes; 87.5 % × 3 = 2.625 → 2.63 (half_up).
    assert score(kinds, "2.3", unit_type="ward", online_rate=875_000) == (26_300, "ratio", 30_000)
    assert score(kinds, "2.3", unit_type="ward", online_rate=100 * PCT) == (
        30_000,
        "ratio_full",
        30_000,
    )
    # A commune (not a ward) is excluded whatever it reports: no points, nothing counted.
    assert score(kinds, "2.3", unit_type="commune", online_rate=875_000) == (None, "na_excluded", 0)
    assert score(kinds, "2.3", unit_type="special_zone") == (None, "na_excluded", 0)
    assert score(kinds, "2.3", unit_type=None, online_rate=875_000) == (None, "na_excluded", 0)
    # A ward flagged N/A under the exclude policy is excluded too.
    assert score(kinds, "2.3", unit_type="ward", online_rate=875_000, na=True) == (
        None,
        "na_excluded",
        0,
    )
    assert score(kinds, "2.3", unit_type="ward", online_rate=None) == (0, "missing", 30_000)


def test_proportional_floor_and_cap() -> None:
    criteria = one_leaf(
        """
        inputs: {a: {type: count}, b: {type: count}}
        rule: {kind: proportional, rate: {numerator: a, denominator: b}, floor: 0.5, cap: 1.5}
        """,
        maximum="2",
    )
    assert score(criteria, "1.1", a=1 * PCT, b=10 * PCT) == (5_000, "ratio", 20_000)  # 0.2 → 0.5
    assert score(criteria, "1.1", a=1 * PCT, b=2 * PCT) == (10_000, "ratio", 20_000)  # 1.0
    assert score(criteria, "1.1", a=9 * PCT, b=10 * PCT) == (15_000, "ratio", 20_000)  # 1.8 → 1.5
    assert score(criteria, "1.1", a=2 * PCT, b=0) == (0, "no_denominator", 20_000)


# --- checklist -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tasks", "budget", "outputs", "points", "branch"),
    [
        (True, True, True, 3_000, "checked:3/3"),  # 3 × 0.1
        (True, False, True, 2_000, "checked:2/3"),
        (False, None, True, 1_000, "checked:1/3"),  # a missing item counts as not met
        (False, False, False, 0, "checked:0/3"),
        (None, None, None, 0, "checked:0/3"),
    ],
)
def test_checklist(
    kinds: CriteriaSet,
    tasks: bool | None,
    budget: bool | None,
    outputs: bool | None,
    points: int,
    branch: str,
) -> None:
    got = score(kinds, "1.1.2", tasks=tasks, budget=budget, outputs=outputs)
    assert got == (points, branch, 3_000)


def test_checklist_capped_at_maximum() -> None:
    criteria = one_leaf(
        """
        inputs: {x: {type: boolean}, y: {type: boolean}}
        rule: {kind: checklist, items: [{input: x, points: 0.75}, {input: y, points: 0.75}]}
        """
    )
    assert score(criteria, "1.1", x=True, y=True) == (10_000, "checked:2/2", P)  # 1.5 → max 1
    assert score(criteria, "1.1", x=False, y=True) == (7_500, "checked:1/2", P)


# --- count tiers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meetings", "points", "branch"),
    [
        (12, 20_000, "tier:0"),
        (4, 20_000, "tier:0"),
        (3, 15_000, "tier:1"),
        (2, 10_000, "tier:2"),
        (1, 5_000, "tier:3"),
        (0, 0, "below_tiers"),
        (None, 0, "missing"),
    ],
)
def test_count_tiers(kinds: CriteriaSet, meetings: int | None, points: int, branch: str) -> None:
    value = None if meetings is None else meetings * PCT
    assert score(kinds, "1.2.1", meetings=value) == (points, branch, 20_000)


# --- choice ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "points", "branch"),
    [
        ("chairman", 10_000, "level:chairman"),  # fraction 1 × max 1
        ("deputy", 5_000, "level:deputy"),  # fraction 0.5 × max 1
        ("none", 0, "level:none"),
        ("secretary", 0, "unknown_level"),
        (None, 0, "missing"),
    ],
)
def test_choice(kinds: CriteriaSet, head: str | None, points: int, branch: str) -> None:
    assert score(kinds, "1.2.2", head=head) == (points, branch, P)


def test_choice_fraction_of_odd_maximum() -> None:
    # 0.5 × 0.25 = 0.125 is kept exactly (units are 1/10,000); 1/3 × 0.25 = 0.08333… → 0.0833.
    criteria = one_leaf(
        """
        inputs: {who: {type: level}}
        rule:
          kind: choice
          input: who
          levels:
            - {value: full, fraction: 1}
            - {value: half, fraction: 0.5}
            - {value: third, fraction: 0.3333}
            - {value: fixed, points: 0.2}
        """,
        maximum="0.25",
    )
    assert score(criteria, "1.1", who="full") == (2_500, "level:full", 2_500)
    assert score(criteria, "1.1", who="half") == (1_250, "level:half", 2_500)
    # 0.3333 × 0.25 = 0.083325 → 0.0833 (half up at 4 places: the 5th digit is 2).
    assert score(criteria, "1.1", who="third") == (833, "level:third", 2_500)
    assert score(criteria, "1.1", who="fixed") == (2_000, "level:fixed", 2_500)


# --- deduction -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("violations", "points", "branch"),
    [
        (0, 5_000, "no_deduction"),  # start 0.5
        (1, 2_500, "deducted"),  # 0.5 − 0.25
        (2, 0, "deducted"),
        (3, -2_500, "deducted"),  # 0.5 − 0.75 = −0.25: below zero is allowed
        (4, -5_000, "deducted"),  # −0.5: exactly the floor
        (9, -5_000, "deducted"),  # 0.5 − 2.25 = −1.75, held at floor −0.5
        (None, 0, "missing"),
    ],
)
def test_deduction_negative_floor(kinds: CriteriaSet, violations: int | None, points: int, branch: str) -> None:
    value = None if violations is None else violations * PCT
    assert score(kinds, "2.2", violations=value) == (points, branch, 30_000)


def test_deduction_boolean_default_start_and_zero_floor() -> None:
    criteria = one_leaf(
        """
        inputs: {breached: {type: boolean}}
        rule: {kind: deduction, input: breached, per: 0.4}
        """
    )
    assert score(criteria, "1.1", breached=False) == (10_000, "no_deduction", P)
    assert score(criteria, "1.1", breached=True) == (6_000, "deducted", P)  # 1 − 0.4
    more = one_leaf(
        """
        inputs: {n: {type: count}}
        rule: {kind: deduction, input: n, per: 0.4}
        """
    )
    assert score(more, "1.1", n=3 * PCT) == (0, "deducted", P)  # 1 − 1.2, floor 0


# --- bonus and penalty -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("leaf", "name", "count", "points", "branch"),
    [
        ("4.1", "initiatives", 1, 10_000, "bonus"),  # per 1
        ("4.1", "initiatives", 2, 20_000, "bonus"),
        ("4.1", "initiatives", 7, 20_000, "bonus"),  # capped at max 2
        ("4.1", "initiatives", 0, 0, "none"),
        ("4.1", "initiatives", None, 0, "none"),
        ("4.2", "breaches", 1, -10_000, "penalty"),
        ("4.2", "breaches", 3, -20_000, "penalty"),  # capped at −2
        ("4.2", "breaches", 0, 0, "none"),
        ("4.2", "breaches", None, 0, "none"),
    ],
)
def test_bonus_and_penalty_caps(
    kinds: CriteriaSet, leaf: str, name: str, count: int | None, points: int, branch: str
) -> None:
    value = None if count is None else count * PCT
    # Adjustments sit outside the scale: counted_max is 0.
    assert score(kinds, leaf, **{name: value}) == (points, branch, 0)


def test_bonus_fractional_counts_and_boolean_input() -> None:
    text = (DATA / "all_kinds.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "inputs: {initiatives: {type: count}}\n        rule: {kind: bonus, input: initiatives, per: 1}",
        "inputs: {initiatives: {type: boolean}}\n        rule: {kind: bonus, input: initiatives, per: 0.75}",
    )
    assert "per: 0.75" in text
    criteria = load_criteria_text(text).criteria
    assert score(criteria, "4.1", initiatives=True) == (7_500, "bonus", 0)
    assert score(criteria, "4.1", initiatives=False) == (0, "none", 0)
    assert score(criteria, "4.1", initiatives=None) == (0, "none", 0)


# --- not applicable --------------------------------------------------------------------------


def test_not_applicable_full_points(kinds: CriteriaSet) -> None:
    # 1.2.4 (full_points): no petitions received → counts in full, whatever was reported.
    assert score(kinds, "1.2.4", handled=False, na=True) == (10_000, "na_full_points", P)
    assert score(kinds, "1.2.4", handled=None, na=True) == (10_000, "na_full_points", P)
    assert score(kinds, "1.2.4", handled=False, na=False) == (0, "no", P)
    assert score(kinds, "1.2.4", handled=False, na=None) == (0, "no", P)


def test_not_applicable_not_allowed_ignores_flag(kinds: CriteriaSet) -> None:
    # 1.2.3 has the default policy (not_allowed): a flag is ignored by the evaluators.
    assert score(kinds, "1.2.3", rules_issued=False, na=True) == (0, "no", P)


def test_not_applicable_full_points_by_unit_type() -> None:
    criteria = one_leaf(
        """
        applies_to: [ward, township]
        not_applicable: full_points
        inputs: {ok: {type: boolean}}
        rule: {kind: yes_no, input: ok}
        """
    )
    assert score(criteria, "1.1", unit_type="commune", ok=False) == (P, "na_full_points", P)
    assert score(criteria, "1.1", unit_type="ward", ok=False) == (0, "no", P)
    assert score(criteria, "1.1", unit_type="township", ok=True) == (P, "yes", P)


def test_applies_to_inherited_from_parent() -> None:
    criteria = load_criteria_text(
        textwrap.dedent(
            """\
            id: t
            title: T
            year: 2024
            province: P
            issuer: I
            decision: {number: "1", date: 2024-01-15}
            scale: 2
            parts: {appraised: 2}
            ranking: {within: district}
            classes: [{name: A, from: 0}]
            areas:
              - id: "1"
                title: A
                max: 2
                applies_to: [special_zone]
                not_applicable: exclude
                children:
                  - {id: "1.1", title: L, max: 1, inputs: {ok: {type: boolean}},
                     rule: {kind: yes_no, input: ok}}
                  - {id: "1.2", title: M, max: 1, inputs: {ok: {type: boolean}},
                     rule: {kind: yes_no, input: ok}}
            """
        )
    ).criteria
    assert score(criteria, "1.1", unit_type="special_zone", ok=True) == (P, "yes", P)
    assert score(criteria, "1.2", unit_type="commune", ok=True) == (None, "na_excluded", 0)


# --- a whole commune -------------------------------------------------------------------------


def test_missing_inputs_everywhere(kinds: CriteriaSet) -> None:
    # A commune that reported nothing: every leaf takes its "missing" branch.
    got_c, got_r = evaluate_both(kinds, [{"commune_code": "00007", "unit_type": "commune"}])
    assert got_c == got_r
    expected = {
        "1.1.1": (0, "not_done"),
        "1.1.2": (0, "checked:0/3"),
        "1.1.3": (0, "missing"),
        "1.1.4": (0, "missing"),
        "1.2.1": (0, "missing"),
        "1.2.2": (0, "missing"),
        "1.2.3": (0, "missing"),
        "1.2.4": (0, "missing"),
        "2.1": (0, "missing"),
        "2.2": (0, "missing"),
        "2.3": (None, "na_excluded"),
        "3.1": (0, "missing"),
        "4.1": (0, "none"),
        "4.2": (0, "none"),
    }
    assert {k[1]: (v["points"], v["branch"]) for k, v in got_c.items()} == expected


def test_whole_commune_worked_example(kinds: CriteriaSet) -> None:
    row = {
        "commune_code": "00123",
        "unit_type": "ward",
        "1.1.1:signed_on": dt.date(2024, 2, 10),  # late: 0.5
        "1.1.2:tasks": True,
        "1.1.2:budget": True,
        "1.1.2:outputs": False,  # 0.2
        "1.1.3:done": 90 * PCT,
        "1.1.3:planned": 100 * PCT,  # exactly 90 %: 1
        "1.1.4:status": "on_time",  # 1.7
        "1.2.1:meetings": 3 * PCT,  # 1.5
        "1.2.2:head": "deputy",  # 0.5
        "1.2.3:rules_issued": True,  # 1
        "1.2.4:n/a": True,  # 1 (full points)
        "2.1:on_time": 241 * PCT,
        "2.1:received": 263 * PCT,  # 3.67
        "2.2:violations": 1 * PCT,  # 0.25
        "2.3:online_rate": 875_000,  # 2.63
        "3.1:satisfied": 85 * PCT,  # 4
        "4.1:initiatives": 1 * PCT,  # +1
        "4.2:breaches": 0,  # 0
    }
    got_c, got_r = evaluate_both(kinds, [row])
    assert got_c == got_r
    points = {k[1]: v["points"] for k, v in got_c.items()}
    # 0.5 + 0.2 + 1 + 1.7 + 1.5 + 0.5 + 1 + 1 + 3.67 + 0.25 + 2.63 + 4 + 1 + 0 = 18.95
    assert sum(points.values()) == 189_500
    counted = sum(v["counted_max"] for v in got_c.values())
    assert counted == 250_000  # 25: every scored leaf counts for a ward; adjustments do not
