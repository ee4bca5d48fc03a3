"""What the cases of tests/hostile_silent20.py answer: a survey of mean marks is refused cell by
cell (``percent-on-a-scale``) and stops the run; a register without its type column is scored with
the warning ``register-without-types``, an appraisal rejecting given evidence with
``appraisal-decision-unused``, a plan typed before its evidence's date with ``date-before-evidence``.
The cases run as real child processes with a
time-out."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from hostile_silent20 import CASES, EXPECTED, NOT_WRITTEN

from pari_index.outputs.results import read_results


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
    if case == "survey-of-marks":
        assert "có vẻ là điểm trên một thang đo (1 đến 5, 0 đến 10)" in said and "[percent-on-a-scale]" in said


def test_a_register_without_types_is_scored_with_its_warning(tmp_path: Path) -> None:
    answers_its_case(CASES["register-without-types"](tmp_path), tmp_path, EXPECTED["register-without-types"])
    findings = read_results(tmp_path / "out.xlsx")["findings"]
    found = findings.filter(pl.col("kind") == "register-without-types")
    assert found.select("severity", "file", "row").rows() == [("warning", str(tmp_path / "don-vi.csv"), None)]
    assert found["message"].item().startswith("danh sách đơn vị không ghi loại của đơn vị nào")


@pytest.mark.parametrize(
    ("case", "kind", "row"),
    [
        ("appraisal-rejecting-given-evidence", "appraisal-decision-unused", 2),
        ("plan-signed-before-its-evidence", "date-before-evidence", 2),
    ],
)
def test_a_silent_decision_or_date_is_scored_with_its_warning(tmp_path: Path, case: str, kind: str, row: int) -> None:
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    findings = read_results(tmp_path / "out.xlsx")["findings"]
    found = findings.filter(pl.col("kind") == kind)
    assert found.select("severity", "commune_code", "criterion_id", "row").rows() == [
        ("warning", "00001", "1.1.1", row)
    ]
