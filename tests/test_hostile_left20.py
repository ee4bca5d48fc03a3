"""What the cases of tests/hostile_left20.py answer: a commune code whose digits Excel's
scientific notation rounded away is ``code-as-scientific`` in the assessments and the register;
one that shows every digit an ``unknown-commune`` naming the register's code; a CSV whose headings
sit over two rows is scored as the example is. The cases run as real child processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from children import answers_its_case
from hostile_left20 import CASES, EXPECTED


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    if case.startswith("headings-two-rows-csv"):
        assert "lỗi: " not in said and "cell-without-header" not in said, said
    if case.startswith("scientific-code-exact"):
        assert "dạng số mũ" in said, said  # the register's code named, the notation said
