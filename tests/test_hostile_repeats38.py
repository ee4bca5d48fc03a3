"""What the cases of tests/hostile_repeats38.py answer, and where a table's repeated rows are
bounded (``intake.repeated_rows``): a table of up to PARI_MAX_REPEATED_ROWS rows repeating an
earlier row exactly is read and each repeat told and accounted for, one more is refused as it is
read, whether the file is Parquet, a workbook, a CSV file parsed whole or one read by range;
blank rows and rows differing in any cell are not repeats."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_repeats38 import CASES, EXPECTED, NOT_WRITTEN, repeated
from hostile_sweep8 import EXAMPLES, _score
from sweeps import case_tests, language_tests

from pari_index.cli import main
from pari_index.intake.csv_input import RANGED_BYTES
from pari_index.intake.repeated_rows import repeated_rows
from pari_index.intake.tables import read_table_file

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

ASSESSMENTS = EXAMPLES / "assessments_long.csv"


def _write(frame: pl.DataFrame, path: Path) -> Path:
    {"csv": frame.write_csv, "parquet": frame.write_parquet, "xlsx": frame.write_excel}[path.suffix[1:]](path)
    return path


@pytest.mark.parametrize("ext", ["csv", "parquet", "xlsx"])
def test_a_table_is_read_up_to_the_limit_of_repeats_and_refused_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ext: str
) -> None:
    """The example's assessments then their first row 7 times: read at PARI_MAX_REPEATED_ROWS=7,
    refused at 6 naming the file, the repeats, the limit and the variable, no sheet kept."""
    table = _write(repeated(ASSESSMENTS, 7), tmp_path / f"lap.{ext}")
    monkeypatch.setenv("PARI_MAX_REPEATED_ROWS", "7")
    read = read_table_file(table)
    assert [sheet.frame.height for sheet in read.sheets] == [3429 + 7]
    assert "too-many-repeated-rows" not in [problem.code for problem in read.problems]
    monkeypatch.setenv("PARI_MAX_REPEATED_ROWS", "6")
    refused = read_table_file(table)
    assert refused.sheets == []
    (problem,) = [problem for problem in refused.problems if problem.code == "too-many-repeated-rows"]
    assert problem.file == str(table)
    assert problem.params == {"repeats": 7, "limit": 6, "limit_name": "PARI_MAX_REPEATED_ROWS"}


def test_a_csv_file_read_by_range_counts_its_repeats_across_its_ranges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSV file past RANGED_BYTES is parsed a range at a time and never held whole: its repeats
    are counted over every range, the same count as the file read whole."""
    frame = repeated(ASSESSMENTS, 150_000)
    table = _write(frame, tmp_path / "lap.csv")
    assert table.stat().st_size > RANGED_BYTES
    monkeypatch.setenv("PARI_MAX_REPEATED_ROWS", "150000")
    ranged = read_table_file(table, ranged=True)
    (sheet,) = ranged.sheets
    assert sheet.ranges is not None and sheet.ranges.repeats == 150_000
    monkeypatch.setenv("PARI_MAX_REPEATED_ROWS", "149999")
    refused = read_table_file(table, ranged=True)
    assert refused.sheets == [] and [p.params["repeats"] for p in refused.problems] == [150_000]


def test_blank_rows_and_rows_differing_in_one_cell_are_not_repeats() -> None:
    frame = pl.DataFrame(
        {
            "_row": list(range(2, 9)),
            "a": ["1", "1", "1", None, None, "", "1"],
            "b": ["x", "x", "y", None, None, "", "x"],
        }
    )
    # Rows 2, 3 and 8 are equal (two repeats); 4 differs in b; 5 to 7 are blank.
    assert repeated_rows(frame, 1) == 2
    assert repeated_rows(frame, 7) == 0  # no more rows than the limit: not counted


def test_repeats_within_the_limit_are_scored_once_and_each_told(tmp_path: Path) -> None:
    """Through the CLI: 3 repeats at the default limit are read, each row accounted for (3,432
    rows, the survey's 360 and the register's 60 read and used), each repeated cell a warning
    (5 cells a row), exit 0."""
    table = _write(repeated(ASSESSMENTS, 3), tmp_path / "lap.parquet")
    args = _score(tmp_path, "--lang", "en", assessments=table)
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    assert "Input rows: 3,852 read, 3,852 used, 0 rejected" in done.output, done.output
    assert "Repeated row 15" in done.output, done.output
