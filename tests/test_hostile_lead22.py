"""What the cases of tests/hostile_lead22.py answer: each look-alike character of a criteria file
is named at its own line and column, by its code point and what it passes for, in Vietnamese. The
cases run as real child processes with a time-out."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from hostile_lead22 import CASES, EXPECTED, NOT_WRITTEN

from pari_index.outputs.results import read_results


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


#: The place and the words each case must print (the set's line 90 is item 1.1.1's ``max: 1``).
SAID = {
    "evidence-said-none": "Cột minh chứng ghi «không có»: đọc là không có văn bản 10",
    "csv-excel-error-values": (
        "assessments_long.csv hàng 3 cột «evidence_number»: ô chứa lỗi Excel «#N/A»; ô không được đọc"
    ),
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
    if case.startswith("lookalike-"):
        assert "xoá ký tự này rồi gõ lại bằng bàn phím" in said


def test_excel_error_values_of_a_csv_are_not_read(tmp_path: Path) -> None:
    answers_its_case(CASES["csv-excel-error-values"](tmp_path), tmp_path, EXPECTED["csv-excel-error-values"])
    results = read_results(tmp_path / "out.xlsx")
    errors = results["findings"].filter(pl.col("kind") == "excel-error-cell")
    assert sorted(errors.select("row", "column").rows()) == [
        (3, "evidence_file"),
        (3, "evidence_number"),
        (3, "self_score"),
    ]
    item = results["criteria"].filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "1.1.2"))
    # The evidence needs its number, date and file: with two of them unread it is missing, and
    # the item's 0.5 computed points become 0, as the same cells of a workbook would give.
    assert item.select("evidence_status", "computed_score", "final_score").row(0) == ("missing", 0.5, 0.0)


def test_evidence_said_none_is_missing_and_a_tick_is_a_document(tmp_path: Path) -> None:
    answers_its_case(CASES["evidence-said-none"](tmp_path), tmp_path, EXPECTED["evidence-said-none"])
    results = read_results(tmp_path / "out.xlsx")
    warned = results["findings"].filter(pl.col("kind") == "evidence-none-word")
    assert warned.height == 10  # five items, two columns each
    assert set(warned["column"]) == {"evidence_number", "evidence_file"}
    items = results["criteria"].filter(pl.col("commune_code") == "00001").head(6)
    assert items["evidence_status"].to_list() == ["missing"] * 4 + ["present", "missing"]
    assert items["evidence_file"].to_list()[4] == "x"
