"""What the cases of tests/hostile_sweep20.py answer, and the classes behind them: an appraisal
score outside the points its item can give is ``appraisal-score-out-of-range`` (its row rejected, the score
not used, in both languages), one written with ``%`` is ``bad-score``; a unit's percentages of one
file all written as fractions of one are ``percent-as-fraction`` (each cell), once per unit and
file, and never for one fraction among percentages out of 100; ``percent-above-100`` writes the
value without its own ``%``; ranked units without their group in the register are the warning
``group-value-empty``.

The cases run as real child processes with a time-out."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case, pari_child
from hostile_sweep20 import CASES, EXPECTED


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])


def _tables(case: str, folder: Path, lang: str = "vi") -> tuple[str, dict[str, pl.DataFrame]]:
    """The case run with its results as CSV tables in ``folder/t``: what it said, and the
    findings, criteria and summary tables."""
    args = CASES[case](folder)
    args[args.index("-o") + 1] = str(folder / "t")
    done = pari_child([*args, "--format", "csv", "--lang", lang], folder, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == EXPECTED[case][0], said
    read = {name: pl.read_csv(folder / "t" / f"{name}.csv", infer_schema=False) for name in ("findings", "criteria")}
    return said, read


@pytest.mark.parametrize(
    ("case", "criterion", "written", "low", "high"),
    [
        ("appraisal-score-above-maximum", "7.2.1", "5", 0, 2),
        ("appraisal-score-below-floor", "7.2.1", "-1", 0, 2),
        ("appraisal-score-penalty-above-zero", "9.3", "1", -3, 0),
        ("appraisal-score-penalty-below-maximum", "9.3", "-5", -3, 0),
    ],
)
def test_an_appraisal_score_outside_its_item_s_points_is_refused_and_not_used(
    tmp_path: Path, case: str, criterion: str, written: str, low: int, high: int
) -> None:
    said, tables = _tables(case, tmp_path, "en")
    assert f"appraisal.csv row 2 column «score»: score {written} is outside the points item {criterion} can get" in said
    found = tables["findings"].filter(pl.col("kind") == "appraisal-score-out-of-range")
    assert found.select("severity", "row", "column").rows() == [("error", "2", "score")]
    assert found["file"][0].endswith("/appraisal.csv")
    assert json.loads(found["params"][0]) == {"criterion": criterion, "high": high, "low": low, "value": written}
    item = tables["criteria"].filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == criterion))
    # The refused score is nowhere: the item keeps what the rules give it.
    assert item["appraised_score"][0] is None
    assert item["final_score"][0] == item["computed_score"][0] or item["status"][0] == "evidence_missing"


def test_a_refused_appraisal_score_is_said_in_vietnamese_with_its_range(tmp_path: Path) -> None:
    said = answers_its_case(
        CASES["appraisal-score-penalty-above-zero"](tmp_path), tmp_path, EXPECTED["appraisal-score-penalty-above-zero"]
    )
    assert "điểm 1 nằm ngoài khoảng điểm tiêu chí 9.3 có thể đạt (−3 đến 0)" in said


def test_a_penalty_within_its_range_is_applied(tmp_path: Path) -> None:
    _, tables = _tables("well-appraisal-score-penalty", tmp_path)
    item = tables["criteria"].filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "9.4"))
    assert float(item["final_score"][0]) == -0.5
    assert tables["findings"].filter(pl.col("kind") == "appraisal-score-out-of-range").height == 0


def test_a_survey_of_fractions_is_refused_in_both_languages(tmp_path: Path) -> None:
    """Every unit's survey cells refused at their rows (percent-as-fraction), then the run stops
    as for a survey that gives nothing, in Vietnamese and English."""
    for lang, words in (
        ("vi", "có vẻ là phân số của 1 (1 là 100 %)"),
        ("en", "looks like a fraction of 1 (1 for 100 %)"),
    ):
        folder = tmp_path / lang
        folder.mkdir()
        args = CASES["survey-percent-as-fraction"](folder)
        done = pari_child([*args, "--lang", lang], folder, timeout=120)
        said = done.stdout + done.stderr
        assert done.returncode == 1, said
        assert "survey.csv" in said and words in said and "[percent-as-fraction]" in said and "[survey-missing]" in said


def test_one_fraction_among_percentages_out_of_100_is_told_by_its_own_warning(tmp_path: Path) -> None:
    # Not percent-as-fraction (the unit's other rates are out of 100): its own kind, at its cell.
    _, tables = _tables("survey-one-fraction", tmp_path)
    found = tables["findings"].filter(pl.col("kind").str.starts_with("percent-"))
    assert found.select("severity", "kind", "row").rows() == [("warning", "percent-fraction-among-percentages", "2")]


def test_the_example_run_tells_no_fractions(tmp_path: Path) -> None:
    _, tables = _tables("well-xlsx-zip64", tmp_path)
    assert tables["findings"].filter(pl.col("kind") == "percent-as-fraction").height == 0


def test_a_percentage_above_100_is_written_with_one_percent_sign(tmp_path: Path) -> None:
    said = answers_its_case(
        CASES["percent-above-100-with-its-sign"](tmp_path), tmp_path, EXPECTED["percent-above-100-with-its-sign"]
    )
    assert "survey.csv hàng 2 cột «value»: 150 % lớn hơn 100 % [percent-above-100]" in said


def test_units_without_their_district_are_said_once_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "vi").mkdir()
    (tmp_path / "en").mkdir()
    _, tables = _tables("register-district-empty", tmp_path / "vi")
    found = tables["findings"].filter(pl.col("kind") == "group-value-empty")
    assert found.select("severity", "column").rows() == [("warning", "district")]
    assert Path(found["file"][0]).name == "communes.csv"
    assert json.loads(found["params"][0]) == {"codes": "00001, 00004, 00007", "column": "«district»", "count": 3}
    assert found["message"][0].startswith("3 đơn vị được xếp hạng không có «district» trong danh sách đơn vị")
    _, english = _tables("register-district-empty", tmp_path / "en", "en")
    message = english["findings"].filter(pl.col("kind") == "group-value-empty")["message"][0]
    assert message.startswith("3 ranked units have no «district» in the register (00001, 00004, 00007)")


def test_a_register_with_every_group_filled_says_nothing_of_empty_groups(tmp_path: Path) -> None:
    _, tables = _tables("well-register-named-decomposed", tmp_path)
    assert tables["findings"].filter(pl.col("kind") == "group-value-empty").height == 0


def test_a_council_score_for_an_item_that_does_not_apply_is_said_not_used(tmp_path: Path) -> None:
    (tmp_path / "vi").mkdir()
    (tmp_path / "en").mkdir()
    _, tables = _tables("appraisal-score-on-excluded-item", tmp_path / "vi")
    found = tables["findings"].filter(pl.col("kind") == "appraisal-on-excluded-item")
    assert found.select("severity", "commune_code", "criterion_id").rows() == [("warning", "00001", "3.5.1")]
    assert json.loads(found["params"][0]) == {"appraised": 0.5}
    assert found["message"][0] == (
        "điểm thẩm định 0,5 không được dùng: tiêu chí không tính cho đơn vị này (không áp dụng, loại khỏi điểm tối đa)"
    )
    item = tables["criteria"].filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "3.5.1"))
    assert item["final_score"][0] is None and item["status"][0] == "excluded"
    _, english = _tables("appraisal-score-on-excluded-item", tmp_path / "en", "en")
    message = english["findings"].filter(pl.col("kind") == "appraisal-on-excluded-item")["message"][0]
    assert message.startswith("the council's score 0.5 was not used: the item does not count for this unit")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_lineage_rows_against_this_and_last_year_s_codes_are_warnings_at_their_rows(tmp_path: Path, lang: str) -> None:
    _, tables = _tables("lineage-contradicts-codes", tmp_path, lang)
    found = tables["findings"].filter(pl.col("kind").str.starts_with("lineage-")).sort("row")
    assert found.select("severity", "kind", "row", "column").rows() == [
        ("warning", "lineage-own-results-passed-over", "2", "new_code"),
        ("warning", "lineage-old-code-still-a-unit", "3", "old_code"),
    ]
    assert {Path(f).name for f in found["file"]} == {"lineage.csv"}
    messages = found["message"].to_list()
    if lang == "en":
        assert messages == [
            "the new code 00001 has results of its own last year, which are not used: the unit is compared with "
            "00002 as its predecessor",
            "the old code 00004 is still a unit of this run: its last year's results are compared with its own "
            "and with 00007's",
        ]
    else:
        assert messages[0].startswith("mã mới 00001 có kết quả riêng của năm trước nhưng không được dùng")
        assert messages[1].startswith("mã cũ 00004 vẫn là một đơn vị của lượt chấm này")


def test_a_merger_and_a_split_listed_whole_say_nothing(tmp_path: Path) -> None:
    _, tables = _tables("well-lineage-merger-and-split-listed", tmp_path)
    assert tables["findings"].filter(pl.col("kind").str.starts_with("lineage-")).height == 0


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_date_input_ten_years_early_is_a_warning_at_its_cell(tmp_path: Path, lang: str) -> None:
    _, tables = _tables("date-slip-of-ten-years", tmp_path, lang)
    found = tables["findings"].filter(pl.col("kind") == "date-far-from-year")
    assert found.select("severity", "commune_code", "criterion_id", "column").rows() == [
        ("warning", "00001", "1.1.1", "value")
    ]
    assert json.loads(found["params"][0]) == {
        "date_year": "2015",
        "distance": "10",
        "value": "04/06/2015",
        "year": "2025",
    }
    said = {
        "vi": "04/06/2015 là một ngày của năm 2015, cách năm được đánh giá (2025) 10 năm: gõ nhầm năm?",
        "en": "04/06/2015 is a date of 2015, 10 years from the year assessed (2025): a slip in the year?",
    }
    assert found["message"][0].startswith(said[lang])
    # Used as written: the item still scores what the rules give on it.
    item = tables["criteria"].filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "1.1.1"))
    assert float(item["final_score"][0]) == 1.0


def test_a_plan_signed_late_in_the_year_before_says_nothing(tmp_path: Path) -> None:
    _, tables = _tables("well-date-of-last-year", tmp_path)
    assert tables["findings"].filter(pl.col("kind") == "date-far-from-year").height == 0
