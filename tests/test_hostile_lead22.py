"""What the cases of tests/hostile_lead22.py answer: each look-alike character of a criteria file
is named at its own line and column, by its code point and what it passes for, in Vietnamese. The
cases run as real child processes with a time-out."""

from __future__ import annotations

from pathlib import Path

import pytest
from children import answers_its_case
from hostile_lead22 import CASES, EXPECTED, NOT_WRITTEN


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


#: The place and the words each case must print (the set's line 90 is item 1.1.1's ``max: 1``).
SAID = {
    "lookalike-no-break-space-indent": "set.yaml:90:1: ký tự U+00A0 ở đây là một dấu cách lạ",
    "lookalike-zero-width-key": "set.yaml:90:15: ký tự U+200B ở đây là một ký tự ẩn",
    "lookalike-full-width-colon-score": "set.yaml:90:16: ký tự U+FF1A ở đây là dấu hai chấm toàn độ rộng «：»",
    "lookalike-curly-quote-title": "set.yaml:89:25: ký tự U+201C ở đây là dấu ngoặc kép cong của Word",
    "lookalike-word-bullet-item": "set.yaml:88:11: ký tự U+2022 ở đây là một dấu gạch hoặc dấu đầu dòng của Word",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_names_the_character_at_its_place(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
    assert SAID[case] in said, said
    assert "xoá ký tự này rồi gõ lại bằng bàn phím" in said
