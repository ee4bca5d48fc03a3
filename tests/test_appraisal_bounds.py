"""A council's score outside what its item can get: ``appraisal-score-out-of-range``.

An appraisal file's score of 5 for an item of 1 point was applied as given: the commune's total
rose by 4 points with nothing said but the usual appraisal-correction. A score is now refused
(an error at its row, the score not used) unless it lies between the item's lowest and highest
points: 0 to its maximum, a bonus's 0 to its maximum, a penalty's minus its maximum to 0.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.intake.appraisal import read_appraisal
from pari_index.outputs.results import read_results

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LEAVES = compile_criteria(load_criteria(ROOT / "criteria" / "ha-noi-2025-commune.yaml").criteria, None).leaves
BY_ID = {leaf.id: leaf for leaf in LEAVES}
HEADER = "commune_code,criterion_id,score,reason\n"
KNOWN = pl.Series(["00001", "00004"])


def _decisions(tmp_path: Path, rows: list[tuple[str, str, str]]) -> tuple[dict[str, float | None], pl.DataFrame]:
    path = tmp_path / "appraisal.csv"
    path.write_text(HEADER + "".join(f'{c},{i},"{s}",lý do\n' for c, i, s in rows), encoding="utf-8")
    appraisal = read_appraisal(path, LEAVES, KNOWN)
    kept = {
        f"{r['commune_code']}:{r['criterion_id']}": r["score_override"]
        for r in appraisal.decisions.iter_rows(named=True)
    }
    return kept, appraisal.findings.filter(pl.col("kind") == "appraisal-score-out-of-range")


def test_scores_beyond_the_item_s_points_are_refused_at_their_rows(tmp_path: Path) -> None:
    """1.1.1 has 1 point, 9.1 is a bonus of at most 2, 9.3 a penalty of at most 3 (2.3, a deduction,
    may go down to -0,25: the property below)."""
    rows = [
        ("00001", "1.1.1", "5"),  # row 2: above the maximum
        ("00001", "1.1.2", "-1"),  # 3: below 0
        ("00001", "1.1.3", "1"),  # 4: the maximum itself
        ("00004", "9.1", "2"),  # 5: a bonus's maximum
        ("00004", "9.3", "-3"),  # 6: a penalty's lowest
        ("00004", "9.2", "-0,5"),  # 7: a bonus taken away
        ("00001", "9.3", "1"),  # 8: a penalty that adds
        ("00004", "1.1.1", "0,5"),  # 9
    ]
    kept, found = _decisions(tmp_path, rows)
    assert found.select("row", "column").rows() == [(2, "score"), (3, "score"), (7, "score"), (8, "score")]
    assert found["message"][0] == "score 5 is outside the points item 1.1.1 can get (0 to 1); the score was not used"
    assert found["message"][3] == "score 1 is outside the points item 9.3 can get (-3 to 0); the score was not used"
    assert found["params"][2] == '{"criterion": "9.2", "high": 1.0, "low": 0.0, "value": "-0,5"}'
    units = 10_000
    assert kept == {
        "00001:1.1.1": None,
        "00001:1.1.2": None,
        "00001:1.1.3": 1 * units,
        "00004:9.1": 2 * units,
        "00004:9.3": -3 * units,
        "00004:9.2": None,
        "00001:9.3": None,
        "00004:1.1.1": units // 2,
    }


@settings(max_examples=60, deadline=None)
@given(
    # (A survey item, 10.1.1, is no council's to score at all: appraisal-survey-item, below.)
    item=st.sampled_from(["1.1.1", "2.3", "9.1", "9.3"]),
    hundredths=st.integers(min_value=-600, max_value=600),
)
def test_a_score_is_used_exactly_when_the_item_can_get_it(
    tmp_path_factory: pytest.TempPathFactory, item: str, hundredths: int
) -> None:
    leaf = BY_ID[item]
    score = Decimal(hundredths) / 100
    low, high = (-leaf.max, Decimal(0)) if leaf.rule.kind == "penalty" else (min(leaf.floor, Decimal(0)), leaf.max)
    kept, found = _decisions(tmp_path_factory.mktemp("p"), [("00001", item, str(score).replace(".", ","))])
    inside = low <= score <= high
    assert (kept["00001:" + item] is not None) == inside
    assert found.height == (0 if inside else 1)
    if inside:
        assert kept["00001:" + item] == int(score * 10_000)


@pytest.mark.parametrize("score", ["0", "2", "99"])
def test_a_score_of_a_survey_item_is_never_used(tmp_path: Path, score: str) -> None:
    """Within the item's points or not, a council's score of a survey item is refused at its row
    (session 29): the survey part is the sociological survey's."""
    path = tmp_path / "appraisal.csv"
    path.write_text(HEADER + f'00001,10.1.1,"{score}",lý do\n', encoding="utf-8")
    appraisal = read_appraisal(path, LEAVES, KNOWN)
    assert appraisal.decisions.height == 0
    assert appraisal.findings["kind"].to_list() == ["appraisal-survey-item"]


def test_a_refused_score_leaves_the_item_as_computed(tmp_path: Path) -> None:
    """Through pari score: the item keeps its computed score, the row is rejected, the run says so."""
    appraisal = tmp_path / "appraisal.csv"
    text = (EXAMPLES / "appraisal.csv").read_text(encoding="utf-8-sig") + "00001,1.1.1,,,5,,quá điểm,Ng\n"
    appraisal.write_text(text, encoding="utf-8")
    out = tmp_path / "results.xlsx"
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--appraisal", str(appraisal), "--survey", str(EXAMPLES / "survey.csv"), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    row = text.count("\n")
    assert (
        f"appraisal.csv hàng {row} cột «score»: điểm 5 nằm ngoài khoảng điểm tiêu chí 1.1.1 có thể đạt (0 đến 1)"
        in (result.output)
    )
    tables = read_results(out)
    item = tables["criteria"].filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "1.1.1"))
    assert item.select("computed_score", "appraised_score", "final_score").row(0) == (1.0, None, 1.0)
    status = tables["rows"].filter(pl.col("file").str.ends_with("appraisal.csv") & (pl.col("row") == row))["status"]
    assert status.to_list() == ["rejected"]
