"""What the cases of tests/hostile_silent20.py answer: a survey of mean marks is refused cell by
cell (``percent-on-a-scale``) and stops the run. The cases run as real child processes with a
time-out."""

from __future__ import annotations

from pathlib import Path

import pytest
from children import answers_its_case
from hostile_silent20 import CASES, EXPECTED, NOT_WRITTEN


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
    if case == "survey-of-marks":
        assert "có vẻ là điểm trên một thang đo (1 đến 5, 0 đến 10)" in said and "[percent-on-a-scale]" in said
