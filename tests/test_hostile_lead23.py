"""What the cases of tests/hostile_lead23.py answer, as real child processes with a time-out, and
the CSV column limit and the kept grids' count on their own."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case, pari_child
from hostile_lead23 import CASES, EXPECTED, NOT_WRITTEN

from pari_index.intake import csv_input
from pari_index.intake.tables import read_csv_bytes
from pari_index.outputs.results import read_results


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)
    assert set(SAID) == set(CASES) - {"findings-quoting-long-ids"}


SAID = {
    "csv-16000-text-columns": (
        "rong.csv hàng 1: 16.000 cột, nhiều hơn 4.096 cột pari-index đọc từ một tệp CSV (mỗi cột chữ tốn "
        "khoảng 27 KB bộ nhớ khi đọc, dù ít hàng); bảng không được đọc [csv-too-wide]"
    ),
    "csv-4096-text-columns": "rong.csv hàng 1 cột «cột 0»",
}


@pytest.mark.parametrize("case", sorted(SAID))
def test_each_case_answers_its_code(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
    assert SAID[case] in said, said[:600]


def test_long_ids_are_quoted_by_their_first_80_characters(tmp_path: Path) -> None:
    """Its 50 problems printed each name a long place (the test's folder): the output is bounded by
    the cut codes, not by the sweeps' 20,000 characters."""
    args = CASES["findings-quoting-long-ids"](tmp_path)
    done = pari_child(args, tmp_path, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in said
    assert "tiêu chí 1.1." + "9" * 76 + "… không phải là tiêu chí được chấm" in said
    assert len(said) < 50 * 600, len(said)
    findings = read_results(tmp_path / "ket-qua")["findings"].filter(pl.col("kind") == "unknown-criterion")
    assert findings.height == 534
    assert findings["message"].str.len_chars().max() < 300  # type: ignore[operator]
    assert findings["criterion_id"].str.len_chars().min() > 29_000  # the id itself kept whole  # type: ignore[operator]


def _csv(columns: int, rows: int) -> bytes:
    head = ",".join(f"c{i}" for i in range(columns))
    return ("\n".join([head, *[",".join(["abcdefghijklmn"] * columns)] * rows]) + "\n").encode()


def test_the_csv_column_limit_is_its_own_and_can_be_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    found = read_csv_bytes(_csv(4_097, 2), "rong.csv")
    assert not found.sheets
    assert [(p.code, p.params) for p in found.problems] == [("csv-too-wide", {"columns": 4_097, "limit": 4_096})]
    assert read_csv_bytes(_csv(4_096, 2), "rong.csv").sheets
    monkeypatch.setenv("PARI_MAX_CSV_COLUMNS", "5000")
    assert read_csv_bytes(_csv(4_097, 2), "rong.csv").sheets
    monkeypatch.setenv("PARI_MAX_CSV_COLUMNS", "10")
    assert [p.code for p in read_csv_bytes(_csv(11, 2), "rong.csv").problems] == ["csv-too-wide"]


def test_a_wide_ranged_files_kept_grids_count_their_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file read by ranges keeps the first ranges' grids within KEPT_GRID_BYTES; a grid of many
    columns counts GRID_COLUMN_BYTES a column, not 3 bytes a byte of its text."""
    monkeypatch.setattr(csv_input, "RANGED_BYTES", 1_000)
    monkeypatch.setattr(csv_input, "RANGE_BYTES", 1_000)
    monkeypatch.setattr(csv_input, "KEPT_GRID_BYTES", 30 * csv_input.GRID_COLUMN_BYTES)
    narrow = csv_input.read_owned_csv_bytes([_csv(4, 400)], "long.csv", ranged=True).sheets[0].ranges
    wide = csv_input.read_owned_csv_bytes([_csv(20, 80)], "wide.csv", ranged=True).sheets[0].ranges
    assert narrow is not None and wide is not None
    # 20 columns at 27 KB: one grid fits in the room of 30 columns, a second would not.
    assert len(wide._kept) == 1
    assert len(narrow._kept) > 1
    rows = pl.concat([narrow.first().frame, *narrow.rest()], how="vertical_relaxed")  # type: ignore[union-attr]
    assert rows.height == 400
