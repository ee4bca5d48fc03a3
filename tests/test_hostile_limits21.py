"""What the cases of tests/hostile_limits21.py answer: a Parquet file whose pages or text inflate
far past its size is refused (``parquet-too-much-text``), one of a footer of megabytes too
(``parquet-footer-too-large``), and so is a results folder's table read back by ``pari report`` or
``--previous`` (millions of compressed rows: ``results-damaged`` by the rows its about table
records since session 38, ``too-many-cells`` before). The cases run as real child processes with
a time-out."""

from __future__ import annotations

from pathlib import Path

import pytest
from children import answers_its_case
from hostile_limits21 import CASES, EXPECTED, NOT_WRITTEN


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
    if EXPECTED[case][1] == "parquet-too-much-text":
        assert "tệp Parquet khi đọc ra là" in said and "PARI_MAX_PARQUET_TEXT_BYTES" in said
