"""What the cases of tests/hostile_lead20.py answer: a survey of ratios is refused cell by cell
(``percent-as-fraction``) and stops the run; a form of another version of the set is scored with
a ``form-other-version`` warning; an annex of more rows than a set may have items is refused
before it is drafted. The cases run as real child processes with a time-out."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from hostile_lead20 import CASES, EXPECTED, NOT_WRITTEN

from pari_index.outputs.results import read_results


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
    if case == "survey-of-ratios":
        assert "có vẻ là phân số của 1 (1 là 100 %)" in said and "[percent-as-fraction]" in said
    if case == "annex-of-60000-rows":
        assert "phu-luc.xlsx [Sheet1] hàng 502: bộ tiêu chí có hơn 500 lĩnh vực" in said


def test_a_form_of_last_year_is_scored_with_its_warning(tmp_path: Path) -> None:
    answers_its_case(CASES["form-of-last-year"](tmp_path), tmp_path, EXPECTED["form-of-last-year"])
    findings = read_results(tmp_path / "out.xlsx")["findings"]
    found = findings.filter(pl.col("kind") == "form-other-version")
    assert found.height == 1 and found["severity"].item() == "warning"
    assert (
        found["message"].item().startswith("3 dòng của mẫu ghi điểm tối đa khác với bộ tiêu chí (2 tiêu chí): xã 00001")
    )
