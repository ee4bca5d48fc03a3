"""Points written with their unit in a column of points: «0,5 điểm», «1đ», «2 points» in the
self-score column or the appraisal's score column are the number (values.parse_points). Before
session 21 the self-score was ``number-with-words`` and the council's score ``bad-score``: both
errors, the run incomplete, exit 1, and the council's correction not applied. A unit beside an
input's value («34 ngày») is still refused: it could be any unit."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from example_runs import EXAMPLES, score_beside_examples

from pari_index.intake.values import parse_points
from pari_index.outputs.results import read_results


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("0,5 điểm", 5_000),
        ("1đ", 10_000),
        ("1 đ.", 10_000),
        ("2 Điểm", 20_000),
        ("0.75 points", 7_500),
        ("1 point", 10_000),
        ("0,5", 5_000),
        ("0,5 ngày", None),
        ("điểm", None),
    ],
)
def test_points_with_their_unit_are_the_number(text: str, units: int | None) -> None:
    assert pl.select(parse_points(pl.lit(text))).item() == units


def test_a_self_score_and_a_council_score_with_their_unit_score_as_the_numbers(tmp_path: Path) -> None:
    appraisal = (EXAMPLES / "appraisal.csv").read_text(encoding="utf-8-sig")
    assert appraisal.count('00073,5.1.2,,,"0,5",') == 1
    (tmp_path / "appraisal.csv").write_text(
        appraisal.replace('00073,5.1.2,,,"0,5",', '00073,5.1.2,,,"0,5 điểm",'), encoding="utf-8"
    )
    code, said, plain, worded = score_beside_examples(tmp_path, appraisal=tmp_path / "appraisal.csv")
    assert code == 0, said
    ours, theirs = read_results(worded), read_results(plain)
    key = ["commune_code", "criterion_id", "final_score"]
    assert ours["criteria"].select(key).equals(theirs["criteria"].select(key))
    assert not {"bad-score", "number-with-words"} & set(ours["findings"]["kind"])


def test_a_self_score_with_its_unit_is_read(tmp_path: Path) -> None:
    from pari_index.criteria.compiling import compile_criteria
    from pari_index.criteria.loading import load_criteria
    from pari_index.intake.assessments import read_assessments

    leaves = compile_criteria(load_criteria(EXAMPLES.parent / "criteria" / "ha-noi-2025-commune.yaml").criteria, None)
    path = tmp_path / "a.csv"
    path.write_text("commune_code,criterion_id,value,self_score\n00001,1.1.1,04/06/2025,1 điểm\n", encoding="utf-8")
    intake = read_assessments([path], leaves.leaves, pl.Series(["00001"]))
    assert intake.findings.height == 0
    assert intake.meta["self_score"].to_list() == [10_000]  # 1 point, in units of 1/10,000
