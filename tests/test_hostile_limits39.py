"""What the cases of tests/hostile_limits39.py answer, and where the rows that repeat an earlier
row's commune, item and input are bounded (``repeated_rows.KeyRepeats``): up to
PARI_MAX_REPEATED_CELLS of their cells, in every file of the assessments and survey together, are
read and each told; one more stops the run before any cell is made."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hostile_limits39 import CASES, EXPECTED, NOT_WRITTEN, near_repeats
from hostile_sweep8 import _score
from sweeps import case_tests, language_tests, run_in_process

from pari_index.intake.repeated_rows import LONG_CELLS, KeyRepeats

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED) == sorted(NOT_WRITTEN)


@pytest.mark.parametrize("ext", ["csv", "parquet"])
def test_near_repeats_are_read_up_to_the_limit_and_refused_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ext: str
) -> None:
    """The example then 40 rows of its second row's commune, item and input, each explanation
    numbered: six cells each given again (value, self-score, evidence number, date and file,
    explanation), 240. Read at PARI_MAX_REPEATED_CELLS=240, each explanation an error (they
    conflict), each other cell a repeat, and the run scored; refused at 239 naming the file, the
    240 cells, the limit and the variable, and no results written."""
    table = tmp_path / f"gan-lap.{ext}"
    frame = near_repeats(40)
    frame.write_csv(table) if ext == "csv" else frame.write_parquet(table)
    monkeypatch.setenv("PARI_MAX_REPEATED_CELLS", "240")
    status, said = run_in_process(*_score(tmp_path, assessments=table))
    assert status == 1 and "too-many-repeated-keys" not in said, said
    assert "Dòng lặp lại 200," in said and "Giá trị mâu thuẫn 40," in said and (tmp_path / "out.xlsx").exists(), said
    (tmp_path / "out.xlsx").unlink()
    monkeypatch.setenv("PARI_MAX_REPEATED_CELLS", "239")
    status, said = run_in_process(*_score(tmp_path, assessments=table))
    assert status == 1 and not (tmp_path / "out.xlsx").exists(), said
    assert f"lỗi: {table}: 240 ô ghi lại giá trị cho xã, tiêu chí và đầu vào của một dòng trước đó" in said, said
    assert "nhiều hơn 239 ô được đọc" in said and "PARI_MAX_REPEATED_CELLS" in said


def test_the_same_rows_in_two_files_are_counted_together(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example's rows of the first commune in two files (each file within any limit) give
    that commune's cells again: refused past the limit, naming the second file."""
    first = near_repeats(0).filter(pl.col("commune_code") == "00001")
    one, two = tmp_path / "mot.csv", tmp_path / "hai.csv"
    first.write_csv(one)
    again = first.with_columns(pl.col("explanation").fill_null("chép lại"))
    again.write_csv(two)
    given = [c for c in LONG_CELLS if c in again.columns]
    cells = again.select(pl.sum_horizontal(pl.col(c).is_not_null() & (pl.col(c) != "") for c in given).sum()).item()
    monkeypatch.setenv("PARI_MAX_REPEATED_CELLS", str(cells - 1))
    argv = _score(tmp_path, assessments=one)
    status, said = run_in_process(*argv[:2], str(two), *argv[2:])
    assert status == 1 and f"lỗi: {two}: {cells} ô ghi lại" in said, said
    # Review of session 39: every row of the second file repeats the first's, and the message says
    # so, naming it (before: «in this file or one read before it», the first file unnamed).
    assert f"mọi dòng của tệp này đã đọc đều ghi lại xã, tiêu chí và đầu vào của các dòng trong {one}" in said
    status, said = run_in_process(*argv[:2], str(two), *argv[2:], "--lang", "en")
    assert (
        status == 1 and f"every row of this file read gives again the commune, item and input of rows of {one}:" in said
    )
    assert "the same file given twice (saved as another type)?" in said, said


def test_a_file_with_keys_of_its_own_is_not_called_a_copy() -> None:
    """The limit passed in a file that gave a key of its own (near-repeats within it), or whose
    keys no one earlier file gave all of, names no file (KeyRepeats.same_as)."""
    rows = pl.DataFrame({"commune_code": ["1", "2"], "criterion_id": ["a", "a"], "value": ["x", "y"]})
    keys = KeyRepeats()
    keys.limit = 1
    assert keys.note(rows.head(1), file="mot.csv") is None
    assert keys.note(rows.tail(1), file="hai.csv") is None
    assert keys.note(rows, file="ba.csv") == 2 and keys.same_as is None  # 1 from mot, 2 from hai
    keys = KeyRepeats()
    keys.limit = 1
    assert keys.note(rows, file="mot.csv") is None
    assert keys.note(pl.concat([rows, rows.head(1)]), file="ba.csv") == 3 and keys.same_as == "mot.csv"
    keys = KeyRepeats()
    keys.limit = 1
    assert keys.note(pl.concat([rows, rows]), file="mot.csv") == 2 and keys.same_as is None


def test_cells_are_counted_apart_for_long_and_wide_rows_and_without_blank_codes() -> None:
    """A wide row of a commune repeats no long row of it; rows without a commune or item are not
    counted (they are told at their rows), nor empty cells; the count goes on across frames."""
    keys = KeyRepeats()
    keys.limit = 3
    long = pl.DataFrame(
        {
            "commune_code": ["1", "1", None, ""],
            "criterion_id": ["a"] * 4,
            "value": ["x", "y", "z", "w"],
            "self_score": ["1", None, "1", "1"],
        }
    )
    assert keys.note(long) is None and keys.cells == 1
    wide = pl.DataFrame({"commune_code": ["1", "1"], "a": ["x", "x"], "a:self_score": ["1", ""]})
    assert keys.note(wide, ["a", "a:self_score"]) is None and keys.cells == 2
    assert keys.note(long.head(1).with_columns(input=pl.lit(None, dtype=pl.String))) == 4
