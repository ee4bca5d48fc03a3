"""Two slips of a criteria set's author that loaded and scored without a word (a criteria campaign,
session 27), now warnings at their YAML line and among a scored run's findings:

- ``tiers-turn``: tiers whose points, along rising values, rise and then fall (or fall and then
  rise): the Hà Nội set's 1.1.3 with 0.5 point at 100 % and 1 at 80-100 % (one row's points typed
  on another). Points that only rise (a rate done) or only fall (a rate of late files) are rules.
- ``deadline-far-from-year``: a fixed deadline two years or more from the set's year (2052 typed for
  2025): every unit's date judged against it. The year before (a plan's deadline) is not told.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from criteria_text import BASE, load_ok
from hypothesis import given
from hypothesis import strategies as st

from pari_index.cli import main
from pari_index.criteria.loading import load_criteria, load_criteria_text
from pari_index.criteria.validation import class_warnings
from pari_index.outputs.results import read_results

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HA_NOI = (ROOT / "criteria" / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
TIERS = "- {from: 100, points: 1}\n                - {from: 80, below: 100, points: 0.5}"
TURNED = HA_NOI.replace(TIERS, "- {from: 100, points: 0.5}\n                - {from: 80, below: 100, points: 1}", 1)
DEADLINE = "deadline: 2025-07-31, late_until: 2025-09-30,"


def _line(text: str, part: str) -> int:
    return text[: text.index(part)].count("\n") + 1


def test_tiers_whose_points_turn_are_warned_at_the_turning_tier() -> None:
    assert TURNED != HA_NOI
    loaded = load_criteria_text(TURNED, "set.yaml")
    [warning] = [p for p in loaded.warnings if p.code == "tiers-turn"]
    assert warning.line == _line(TURNED, "{from: 80, below: 100, points: 1}")
    assert "criterion 1.1.3: tier 2 (>= 80 and < 100) turns the points round" in warning.message
    vi = warning.render("vi")
    assert "tiêu chí 1.1.3: mức 2 (>= 80 và < 100) làm điểm đổi chiều" in vi and "đây là cảnh báo" in vi


@pytest.mark.parametrize(("year", "told"), [(2052, True), (2023, True), (2024, False), (2026, False), (2025, False)])
def test_a_fixed_deadline_two_years_or_more_from_the_sets_year_is_warned(year: int, told: bool) -> None:
    text = HA_NOI.replace(DEADLINE, f"deadline: {year}-07-31, late_until: {year}-09-30,", 1)
    found = [p for p in load_criteria_text(text, "set.yaml").warnings if p.code == "deadline-far-from-year"]
    assert [p.params["key"] for p in found if p.params] == (["deadline", "late_until"] if told else [])
    if told:
        assert found[0].line == _line(text, DEADLINE[:9]) and found[0].params is not None
        assert f"the deadline {year}-07-31 is {abs(year - 2025)} years from the set's year 2025" in found[0].message
        # The year is a year in Vietnamese too, not a number grouped as 2.025.
        assert f"deadline {year}-07-31 cách năm của bộ tiêu chí (2025) {abs(year - 2025)} năm" in found[0].render("vi")


def test_the_bundled_sets_give_neither() -> None:
    for path in sorted((ROOT / "criteria").glob("*.yaml")):
        loaded = load_criteria(path)
        assert not [p for p in loaded.warnings if p.code in ("tiers-turn", "deadline-far-from-year")], path
        assert class_warnings(loaded.criteria) == []


def _tiers(points: list[int]) -> str:
    """BASE with item 1.1's tiers given ``points`` from the highest values down (max 2, as tenths)."""
    rows = [f"- {{above: 90, points: {Decimal(points[0]) / 10}}}"]
    rows.append(f"- {{from: 70, to: 90, points: {Decimal(points[1]) / 10}}}")
    rows.append(f"- {{from: 40, below: 70, points: {Decimal(points[2]) / 10}}}")
    rows.append(f"- {{below: 40, points: {Decimal(points[3]) / 10}}}")
    old = "            - {above: 90, points: 2}\n            - {from: 70, to: 90, points: 1}\n"
    old += "            - {below: 70, points: 0}\n"
    assert old in BASE
    return BASE.replace(old, "".join(f"            {row}\n" for row in rows))


@given(st.lists(st.integers(0, 20), min_size=4, max_size=4))
def test_tier_points_are_warned_exactly_when_they_turn(points: list[int]) -> None:
    steps = [b - a for a, b in pairwise(points) if b != a]
    turns = any((a > 0) != (b > 0) for a, b in pairwise(steps))
    warned = [p.code for p in load_ok(_tiers(points)).warnings if p.code == "tiers-turn"]
    assert warned == (["tiers-turn"] if turns else [])


def test_pari_score_puts_both_among_its_findings(tmp_path: Path) -> None:
    text = TURNED.replace(DEADLINE, "deadline: 2022-07-31, late_until: 2025-09-30,", 1)
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    args = [
        "score",
        str(EXAMPLES / "assessments_long.csv"),
        *("--communes", str(EXAMPLES / "communes.csv"), "--criteria", str(path), "--no-survey"),
        *("-o", str(out), "--format", "csv", "-q", "--lang", "en"),
    ]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    findings = read_results(out)["findings"]
    told = findings.filter(pl.col("kind").is_in(["tiers-turn", "deadline-far-from-year"]))
    assert sorted(told.get_column("kind").to_list()) == ["deadline-far-from-year", "tiers-turn"]
    assert told.get_column("severity").unique().to_list() == ["warning"]
