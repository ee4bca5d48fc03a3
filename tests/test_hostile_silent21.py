"""What the cases of tests/hostile_silent21.py answer: last year's results of the old codes, given
without a lineage table, are compared with nothing and said so (``previous-units-unmatched``);
with the lineage table linking every code, nothing is said and every unit has last year's rank.
The cases run as real child processes with a time-out."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from hostile_silent21 import CASES, EXPECTED, NOT_WRITTEN

from pari_index.outputs.results import read_results


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))


def test_last_year_of_old_codes_without_lineage_is_said(tmp_path: Path) -> None:
    answers_its_case(
        CASES["previous-of-old-codes-without-lineage"](tmp_path),
        tmp_path,
        EXPECTED["previous-of-old-codes-without-lineage"],
    )
    tables = read_results(tmp_path / "out.xlsx")
    found = tables["findings"].filter(pl.col("kind").str.starts_with("previous-"))
    assert found.select("severity", "kind", "file", "row").rows() == [
        ("error", "previous-compares-nothing", str(tmp_path / "res"), None)
    ]
    assert found["message"].item() == (
        "không đơn vị nào trong 60 đơn vị của kết quả năm trước là đơn vị của lượt chấm này "
        "(10001, 10004, 10007, 10010, 10013, …): không tính được thay đổi so với năm trước của đơn vị nào"
    )
    about = dict(tables["about"].select("key", "value").rows())
    assert (about["complete"], about["parts_unread"]) == ("no", "1")
    assert tables["summary"]["previous_rank"].null_count() == 60


def test_last_year_of_old_codes_with_lineage_is_compared_without_a_word(tmp_path: Path) -> None:
    answers_its_case(
        CASES["well-previous-of-old-codes-with-lineage"](tmp_path),
        tmp_path,
        EXPECTED["well-previous-of-old-codes-with-lineage"],
    )
    tables = read_results(tmp_path / "out.xlsx")
    assert tables["findings"].filter(pl.col("kind").str.starts_with("previous-")).height == 0
    assert tables["summary"]["previous_rank"].null_count() == 0


def test_a_province_shortened_in_five_rows_ranks_with_its_province(tmp_path: Path) -> None:
    answers_its_case(CASES["register-province-shortened"](tmp_path), tmp_path, EXPECTED["register-province-shortened"])
    tables = read_results(tmp_path / "out.xlsx")
    assert tables["summary"]["group_size"].unique().to_list() == [60]
    found = tables["findings"].filter(pl.col("kind") == "group-spellings")
    assert found.select("severity", "file", "column").rows() == [("warning", str(tmp_path / "don-vi.csv"), "province")]
    assert "«Thành phố Hà Nội» (55), «TP. Hà Nội» (5)" in found["message"].item()
