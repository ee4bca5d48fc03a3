"""What the cases of tests/hostile_lead21.py answer: a file of names in the code column stops
the run, each row naming the code of its name; a workbook of two heading rows without merges is
scored as its CSV is. The cases run as real child processes with a time-out."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from click.testing import CliRunner
from hostile_lead21 import CASES, EXPECTED, NOT_WRITTEN
from hostile_sweep8 import _score

from pari_index.cli import main
from pari_index.outputs.results import read_results


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
    if case == "names-for-codes":
        assert (
            "xã Phường Hồng Cẩm không có trong danh sách đơn vị; đây là tên đơn vị, danh sách đơn vị ghi tên này"
            " cho mã 00001: ghi mã đơn vị, không ghi tên" in said
        )


def test_the_unmerged_form_is_scored_with_its_evidence(tmp_path: Path) -> None:
    answers_its_case(CASES["two-heading-rows-unmerged"](tmp_path), tmp_path, EXPECTED["two-heading-rows-unmerged"])
    plain = tmp_path / "csv"
    plain.mkdir()
    assert CliRunner().invoke(main, _score(plain)).exit_code == 0  # the example's CSV, scored alike
    form, csv = (read_results(folder / "out.xlsx") for folder in (tmp_path, plain))
    kinds = [pl.col("kind").value_counts(sort=True)]
    assert form["findings"].select(kinds).equals(csv["findings"].select(kinds))
    assert (
        form["summary"]
        .select("commune_code", "total_points")
        .equals(csv["summary"].select("commune_code", "total_points"))
    )


def test_total_rows_are_warnings_at_their_rows(tmp_path: Path) -> None:
    answers_its_case(CASES["total-rows"](tmp_path), tmp_path, EXPECTED["total-rows"])
    found = read_results(tmp_path / "out.xlsx")["findings"].filter(pl.col("kind") == "total-row")
    assert sorted((Path(f).name, r, s) for f, r, s in found.select("file", "row", "severity").rows()) == [
        ("assessments_long.csv", 3431, "warning"),
        ("assessments_long.csv", 3432, "warning"),
        ("communes.csv", 62, "warning"),
    ]
