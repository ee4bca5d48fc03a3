"""What the cases of tests/hostile_limits39.py answer, and where the rows that repeat an earlier
row's commune, item and input are bounded (``repeated_rows.KeyRepeats``): up to
PARI_MAX_REPEATED_ROWS of them, in every file of the assessments and survey together, are read
and each told; one more stops the run before any cell is made."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hostile_limits39 import CASES, EXPECTED, NOT_WRITTEN, near_repeats
from hostile_sweep8 import _score
from sweeps import case_tests, language_tests, run_in_process

from pari_index.intake.repeated_rows import KeyRepeats

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED) == sorted(NOT_WRITTEN)


@pytest.mark.parametrize("ext", ["csv", "parquet"])
def test_near_repeats_are_read_up_to_the_limit_and_refused_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ext: str
) -> None:
    """The example then 40 rows of its second row's commune, item and input, each explanation
    numbered: read at PARI_MAX_REPEATED_ROWS=40, each explanation an error (they conflict), each
    other cell a repeat, and the run scored; refused at 39 naming the file, the 40 repeats, the
    limit and the variable, and no results written."""
    table = tmp_path / f"gan-lap.{ext}"
    frame = near_repeats(40)
    frame.write_csv(table) if ext == "csv" else frame.write_parquet(table)
    monkeypatch.setenv("PARI_MAX_REPEATED_ROWS", "40")
    status, said = run_in_process(*_score(tmp_path, assessments=table))
    assert status == 1 and "too-many-repeated-keys" not in said, said
    assert "Dòng lặp lại 200, Giá trị mâu thuẫn 40," in said and (tmp_path / "out.xlsx").exists(), said
    (tmp_path / "out.xlsx").unlink()
    monkeypatch.setenv("PARI_MAX_REPEATED_ROWS", "39")
    status, said = run_in_process(*_score(tmp_path, assessments=table))
    assert status == 1 and not (tmp_path / "out.xlsx").exists(), said
    assert f"lỗi: {table}: 40 dòng ghi lại xã, tiêu chí và đầu vào của một dòng trước đó" in said, said
    assert "nhiều hơn 39 dòng được đọc" in said and "PARI_MAX_REPEATED_ROWS" in said


def test_the_same_rows_in_two_files_are_counted_together(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example's rows of the first commune in two files (each file within any limit) are
    that commune's rows again: refused past the limit, naming the second file."""
    first = near_repeats(0).filter(pl.col("commune_code") == "00001")
    one, two = tmp_path / "mot.csv", tmp_path / "hai.csv"
    first.write_csv(one)
    first.with_columns(pl.col("explanation").fill_null("chép lại")).write_csv(two)
    monkeypatch.setenv("PARI_MAX_REPEATED_ROWS", str(first.height - 1))
    argv = _score(tmp_path, assessments=one)
    status, said = run_in_process(*argv[:2], str(two), *argv[2:])
    assert status == 1 and f"lỗi: {two}: {first.height} dòng ghi lại" in said, said


def test_keys_are_counted_apart_for_long_and_wide_rows_and_without_blank_codes() -> None:
    """A wide row of a commune repeats no long row of it; rows without a commune or item are not
    counted (they are told at their rows); the count is exact across frames."""
    keys = KeyRepeats()
    keys.limit = 2
    long = pl.DataFrame({"commune_code": ["1", "1", None, ""], "criterion_id": ["a", "a", "a", "a"]})
    assert keys.note(long, wide=False) is None and keys.rows == 2
    assert keys.note(pl.DataFrame({"commune_code": ["1", "1"]}), wide=True) is None
    assert keys.note(long.head(1).with_columns(input=pl.lit(None, dtype=pl.String)), wide=False) == 3
