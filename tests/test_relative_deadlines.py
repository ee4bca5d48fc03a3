"""Deadlines relative to the assessment year or to a reported date (issue 16, docs/criteria.md
"Relative deadlines"), in both evaluators, through validation, the library and the CLI.

tests/data/relative_deadlines.yaml has no year. Its items, by hand:

* 1.1 (max 2): on time up to 31/01 of the year, late (1 point) up to 31/03, then 0;
* 1.2 (max 1): on time up to 15/12 of the year before;
* 1.3 (max 2): answered within 15 days of ``received`` (2), within 30 days late (1), then 0; no
  ``received`` date: not done (0), branch ``no_reference_date``.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from click.testing import CliRunner
from evaluators import frame_for
from hypothesis import given
from hypothesis import strategies as st

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria, load_criteria_text
from pari_index.criteria.model import CriteriaSet, resolve_leaves
from pari_index.criteria.reference import evaluate_reference
from pari_index.errors import CriteriaError, UsageError
from pari_index.outputs.results import read_results
from pari_index.scoring.explanations import describe_branch
from pari_index.scoring.run import score

DATA = Path(__file__).parent / "data"
RELATIVE = DATA / "relative_deadlines.yaml"
P = 10_000


@pytest.fixture(scope="module")
def relative() -> CriteriaSet:
    return load_criteria(RELATIVE).criteria


def both(criteria: CriteriaSet, row: dict[str, Any], year: int | None) -> dict[str, tuple[int | None, str]]:
    """(points, branch) per item from both evaluators, asserting they agree."""
    full = {"commune_code": "00001", "unit_type": "commune", **row}
    compiled = compile_criteria(criteria, year).evaluate(frame_for(criteria, [full])).to_dicts()
    reference = evaluate_reference(criteria, [full], year)
    assert compiled == reference
    return {r["criterion_id"]: (r["points"], r["branch"]) for r in compiled}


D = dt.date


@pytest.mark.parametrize(
    ("year", "signed", "expected"),
    [
        (2025, D(2025, 1, 31), (2 * P, "on_time:2025-01-31")),  # on the day: on time
        (2025, D(2025, 2, 1), (1 * P, "late:2025-01-31")),
        (2025, D(2025, 3, 31), (1 * P, "late:2025-01-31")),  # last day of late_until
        (2025, D(2025, 4, 1), (0, "after_late_until:2025-03-31")),
        (2026, D(2025, 4, 1), (2 * P, "on_time:2026-01-31")),  # the same date, scored for 2026
        (2025, None, (0, "not_done")),
    ],
)
def test_day_of_the_assessment_year(relative: CriteriaSet, year: int, signed: Any, expected: Any) -> None:
    assert both(relative, {"1.1:signed": signed}, year)["1.1"] == expected


@pytest.mark.parametrize(
    ("year", "sent", "expected"),
    [
        (2025, D(2024, 12, 15), (P, "on_time:2024-12-15")),  # {year: -1}: the year before
        (2025, D(2024, 12, 16), (0, "late:2024-12-15")),  # late: 0 points (no late points given)
        (2024, D(2023, 12, 15), (P, "on_time:2023-12-15")),
    ],
)
def test_year_offset(relative: CriteriaSet, year: int, sent: Any, expected: Any) -> None:
    assert both(relative, {"1.2:sent": sent}, year)["1.2"] == expected


@pytest.mark.parametrize(
    ("received", "answered", "expected"),
    [
        (D(2025, 1, 10), D(2025, 1, 25), (2 * P, "on_time:2025-01-25")),  # 10 + 15 = 25 January
        (D(2025, 1, 10), D(2025, 1, 26), (P, "late:2025-01-25")),
        (D(2025, 1, 10), D(2025, 2, 9), (P, "late:2025-01-25")),  # 10 + 30 = 9 February
        (D(2025, 1, 10), D(2025, 2, 10), (0, "after_late_until:2025-02-09")),
        (D(2024, 12, 20), D(2025, 1, 4), (2 * P, "on_time:2025-01-04")),  # across the new year
        (None, D(2025, 1, 4), (0, "no_reference_date")),
        (D(2025, 1, 10), None, (0, "not_done")),
    ],
)
def test_days_after_an_input(relative: CriteriaSet, received: Any, answered: Any, expected: Any) -> None:
    row = {"1.3:received": received, "1.3:answered": answered}
    assert both(relative, row, 2025)["1.3"] == expected


def test_a_fixed_set_keeps_its_branches_without_dates() -> None:
    # Today's sets: fixed dates, branch words unchanged (the published rankings depend on them).
    fixed = load_criteria_text(
        RELATIVE.read_text(encoding="utf-8")
        .replace("deadline: {month: 1, day: 31}", "deadline: 2025-01-31")
        .replace("late_until: {month: 3, day: 31}", "late_until: 2025-03-31")
    ).criteria
    assert both(fixed, {"1.1:signed": D(2025, 2, 1)}, 2025)["1.1"] == (P, "late")


def test_no_year_is_a_usage_error_naming_set_and_item(relative: CriteriaSet) -> None:
    with pytest.raises(UsageError) as compiled:
        compile_criteria(relative)
    assert compiled.value.exit_code == 2
    text = str(compiled.value)
    assert "test-relative-deadlines" in text and "item 1.1 (and 1 more)" in text and "--year" in text
    with pytest.raises(UsageError) as reference:
        evaluate_reference(relative, [])
    assert "item 1.1" in str(reference.value)


def test_the_set_year_is_the_default(relative: CriteriaSet) -> None:
    with_year = relative.model_copy(update={"year": 2024})
    assert compile_criteria(with_year).year == 2024
    assert compile_criteria(with_year, 2026).year == 2026
    assert both(with_year, {"1.1:signed": D(2024, 1, 31)}, None)["1.1"] == (2 * P, "on_time:2024-01-31")


@pytest.mark.parametrize(
    ("branch", "lang", "text"),
    [
        ("on_time:2025-01-31", "vi", "Đúng hạn (hạn 31/01/2025, theo ngày ký số)"),
        ("late:2025-01-31", "en", "Late (deadline 31/01/2025, by signature date)"),
        ("after_late_until:2025-03-31", "vi", "Quá hạn cuối cùng (31/03/2025)"),
        ("after_late_until:2025-03-31", "en", "After the final deadline (31/03/2025)"),
        ("no_reference_date", "en", "No date to count the deadline from: counted as not done"),
    ],
)
def test_explanations_show_the_resolved_date(relative: CriteriaSet, branch: str, lang: str, text: str) -> None:
    leaf = resolve_leaves(relative)[0]
    assert describe_branch(leaf, branch, lang) == text


# --- properties ---------------------------------------------------------------------------------

dates = st.one_of(st.none(), st.dates(D(2019, 1, 1), D(2031, 12, 31)))
year_dates = st.builds(
    lambda y, m, d: {"year": y, "month": m, "day": d},
    st.integers(-2, 2),
    st.integers(1, 12),
    st.integers(1, 28),
)


def _set(deadline: Any, late_until: Any, late: int) -> str:
    def flow(value: Any) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
        return str(value)

    until = f"\n          late_until: {flow(late_until)}" if late_until is not None else ""
    return f"""\
id: p
title: P
province: P
issuer: I
source: property test
scale: 2
parts: {{appraised: 2}}
ranking: {{within: district}}
classes: [{{name: A, from: 0}}]
areas:
  - id: "1"
    title: A
    max: 2
    children:
      - id: "1.1"
        title: L
        max: 2
        inputs: {{signed: {{type: date}}, received: {{type: date}}}}
        rule:
          kind: deadline
          input: signed
          late: {late}
          deadline: {flow(deadline)}{until}
"""


@st.composite
def relative_rules(draw: st.DrawFn) -> tuple[Any, Any]:
    after = st.builds(lambda n: {"days_after": n, "of": "received"}, st.integers(0, 400))
    deadline = draw(st.one_of(year_dates, after))
    late_until = draw(st.one_of(st.none(), year_dates, after))
    return deadline, late_until


def _loads(text: str) -> CriteriaSet | None:
    try:
        return load_criteria_text(text).criteria
    except CriteriaError:
        return None  # late_until not after the deadline: the set is refused, nothing to score


@given(
    rule=relative_rules(),
    late=st.integers(0, 2),
    year=st.integers(2020, 2030),
    rows=st.lists(st.tuples(dates, dates), min_size=1, max_size=6),
)
def test_evaluators_agree_on_relative_deadlines(rule: Any, late: int, year: int, rows: list[Any]) -> None:
    criteria = _loads(_set(*rule, late))
    if criteria is None:
        return
    frame_rows = [
        {"commune_code": f"{i:05d}", "unit_type": "commune", "1.1:signed": s, "1.1:received": r}
        for i, (s, r) in enumerate(rows)
    ]
    compiled = compile_criteria(criteria, year).evaluate(frame_for(criteria, frame_rows)).to_dicts()
    assert compiled == evaluate_reference(criteria, frame_rows, year)


def _fixed(when: Any, year: int) -> Any:
    if isinstance(when, dict) and "month" in when:
        return D(year + when["year"], when["month"], when["day"]).isoformat()
    return when


@given(
    deadline=year_dates,
    late_until=st.one_of(st.none(), year_dates),
    late=st.integers(0, 2),
    year=st.integers(2020, 2030),
    signed=st.lists(dates, min_size=1, max_size=6),
)
def test_scored_for_year_y_equals_its_fixed_date_copy(
    deadline: Any, late_until: Any, late: int, year: int, signed: list[Any]
) -> None:
    relative = _loads(_set(deadline, late_until, late))
    fixed = _loads(_set(_fixed(deadline, year), _fixed(late_until, year), late))
    assert (relative is None) == (fixed is None)  # the same order check on both forms
    if relative is None or fixed is None:
        return
    rows = [{"commune_code": f"{i:05d}", "unit_type": "commune", "1.1:signed": s} for i, s in enumerate(signed)]
    got = compile_criteria(relative, year).evaluate(frame_for(relative, rows)).to_dicts()
    want = compile_criteria(fixed).evaluate(frame_for(fixed, rows)).to_dicts()
    assert [r["points"] for r in got] == [r["points"] for r in want]
    # The same branch, the relative one naming its date.
    assert [r["branch"].split(":")[0] for r in got] == [r["branch"] for r in want]
    assert [r["points"] for r in evaluate_reference(relative, rows, year)] == [r["points"] for r in want]


# --- validation ----------------------------------------------------------------------------------


def _problems(text: str) -> list[str]:
    with pytest.raises(CriteriaError) as caught:
        load_criteria_text(text, "set.yaml")
    return [p.render() for p in caught.value.problems]


def test_29_february_is_refused_with_its_line() -> None:
    text = _set({"month": 2, "day": 29}, None, 0)
    [problem] = _problems(text)
    line = text.splitlines().index("          deadline: {month: 2, day: 29}") + 1
    assert f"set.yaml:{line}:" in problem and "29 February is not a day of every year" in problem


def test_a_deadline_counted_from_its_own_date_is_refused() -> None:
    [problem] = _problems(_set({"days_after": 5, "of": "signed"}, None, 0))
    assert "deadline-of-itself" in problem and "the very date it judges" in problem


def test_late_until_before_a_relative_deadline_is_refused() -> None:
    [problem] = _problems(_set({"month": 3, "day": 1}, {"month": 2, "day": 1}, 0))
    assert "deadline-order" in problem and "late_until must come after the deadline" in problem


def test_a_year_deadline_without_a_year_warns_on_validate() -> None:
    loaded = load_criteria(RELATIVE)
    codes = [(w.code, w.line) for w in loaded.warnings]
    assert codes == [("year-needed", 27), ("year-needed", 34)]


# --- library and CLI -----------------------------------------------------------------------------

LONG = """\
commune_code,criterion_id,input,value
00001,1.1,,2025-02-03
00001,1.2,,2024-12-01
00001,1.3,received,2025-01-10
00001,1.3,answered,2025-01-20
00002,1.1,,2025-01-20
00002,1.2,,2024-12-20
00002,1.3,received,2025-01-10
00002,1.3,answered,2025-03-01
"""
# Scored for 2025: 00001: 1.1 late (1) + 1.2 on time (1) + 1.3 on time (2) = 4 of 5 = 80 %;
# 00002: 1.1 on time (2) + 1.2 late (0) + 1.3 after 9 February (0) = 2 = 40 %.
# Scored for 2026 (deadline 31/01/2026, 15/12/2025): 00001: 1.1 on time (2) + 1.2 (1) + 1.3 (2) = 5.


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "long.csv"
    path.write_text(LONG, encoding="utf-8")
    return path


def test_library_year(tmp_path: Path) -> None:
    result = score([_write(tmp_path)], RELATIVE, year=2025)
    totals = dict(result.totals.select("commune_code", "total_points").iter_rows())
    assert totals == {"00001": 4 * P, "00002": 2 * P}
    assert result.year == 2025
    later = score([_write(tmp_path)], RELATIVE, year=2026)
    assert dict(later.totals.select("commune_code", "total_points").iter_rows())["00001"] == 5 * P


def test_another_year_on_fixed_dates_is_a_warning(tmp_path: Path) -> None:
    # A set of 2025 with one fixed deadline and one relative: --year 2026 moves only the second,
    # and says so; the set's own year gives no warning.
    text = RELATIVE.read_text(encoding="utf-8")
    text = text.replace("deadline: {year: -1, month: 12, day: 15}", "deadline: 2024-12-15")
    criteria = load_criteria_text("year: 2025\n" + text).criteria
    findings = score([_write(tmp_path)], criteria, year=2026).findings.filter(pl.col("kind") == "year-differs")
    assert findings.height == 1
    assert findings["severity"][0] == "warning"
    assert "scored for 2026, but test-relative-deadlines is the set of 2025" in findings["message"][0]
    assert "items 1.2 stay as written" in findings["message"][0]
    for year in (None, 2025):
        same = score([_write(tmp_path)], criteria, year=year).findings
        assert same.filter(pl.col("kind") == "year-differs").height == 0


def test_cli_year_through_clirunner(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    args = ["score", str(_write(tmp_path)), "--criteria", str(RELATIVE), "-o", str(out), "-q"]
    missing = CliRunner().invoke(main, args)
    assert missing.exit_code == 2, missing.output
    # In Vietnamese, the default: the set and the item named all the same.
    assert "bộ tiêu chí test-relative-deadlines: tiêu chí 1.1" in missing.output, missing.output
    assert not out.exists()
    done = CliRunner().invoke(main, [*args, "--year", "2025", "--lang", "en"])
    assert done.exit_code == 0, done.output
    assert "year 2025" in done.output
    tables = read_results(out)
    about = dict(tables["about"].iter_rows())
    assert about["year"] == "2025"
    criteria = tables["criteria"].filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "1.1"))
    assert criteria["explanation"][0].startswith("Late (deadline 31/01/2025, by signature date)")
    bad = CliRunner().invoke(main, [*args, "--year", "1999"])
    assert bad.exit_code == 2 and "1999" in bad.output


def _script() -> str:
    script = Path(sys.executable).with_name("pari")
    assert script.exists(), script
    return str(script)


def test_cli_year_as_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = tmp_path / "r.xlsx"
    args = [_script(), "score", str(_write(tmp_path)), "--criteria", str(RELATIVE), "-o", str(out), "-q"]
    missing = subprocess.run(args, capture_output=True, text=True, env=env, timeout=180)
    assert missing.returncode == 2
    assert "Traceback" not in missing.stdout + missing.stderr
    assert "year-missing" in missing.stderr and "--year" in missing.stderr
    done = subprocess.run([*args, "--year", "2025"], capture_output=True, text=True, env=env, timeout=180)
    assert done.returncode == 0, done.stderr
    tables = read_results(out)
    criteria = tables["criteria"].filter((pl.col("commune_code") == "00002") & (pl.col("criterion_id") == "1.3"))
    # Vietnamese by default; 10/01 + 30 days = 09/02/2025.
    assert criteria["explanation"][0].startswith("Quá hạn cuối cùng (09/02/2025)")


def test_demo_data_for_a_set_without_a_year(tmp_path: Path) -> None:
    # Made-up data for a year-less set is of DEMO_YEAR; scored for that year every input is used
    # and the deadlines resolve to it (on time, late and after late_until all occur).
    from pari_index.demo import DEMO_YEAR, generate

    files = generate(RELATIVE, tmp_path, communes=40, districts=2, seed=7)
    result = score([files["assessments_long"]], RELATIVE, communes=files["communes"], year=DEMO_YEAR)
    assert result.ledger.filter(pl.col("status") == "rejected").height == 0
    branches = set(result.details.filter(pl.col("criterion_id") == "1.1")["branch"].to_list())
    assert {f"on_time:{DEMO_YEAR}-01-31", f"late:{DEMO_YEAR}-01-31"} <= branches
