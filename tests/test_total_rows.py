"""A total row under a table's data («Tổng cộng», «Cộng:», «Total»), as clerks add one with a SUM:
a warning at its row (``total-row``), not read, in the assessments (long, wide, by range), the
register, the survey and the appraisal. Before session 21 it was ``missing-commune-code`` or
``unknown-criterion``: an error, and the run marked incomplete, exit 1, for a row with nothing to
score. A place name that begins with the same word («Cộng Hòa», «Tổng Quan») is data."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from example_runs import EXAMPLES, score_examples

from pari_index.intake.grid import frame_from_grid
from pari_index.outputs.results import read_results


def _grid(rows: list[list[str | None]]) -> pl.DataFrame:
    width = len(rows[0])
    return pl.DataFrame([list(column) for column in zip(*rows, strict=True)], schema=[f"c{i}" for i in range(width)])


@pytest.mark.parametrize(
    ("cell", "total"),
    [
        ("Tổng cộng", True),
        ("TỔNG CỘNG:", True),
        ("Tổng cộng: 60 xã", True),
        ("Cộng", True),
        ("Tổng 85,5", True),
        ("Tổng số (60 đơn vị)", True),
        ("Total", True),
        ("Cộng Hòa", False),
        ("Tổng Quan", False),
        ("Xã Tổng Cộng Mới", False),
        ("00001", False),
    ],
)
def test_a_total_is_told_from_a_name(cell: str, total: bool) -> None:
    grid = _grid([["code", "name", "type"], ["00001", "Xã An Bình", "xã"], [None, cell, None]])
    sheet, problems = frame_from_grid(grid, "communes.csv", None, 1)
    assert sheet is not None
    assert [(p.code, p.row, p.severity) for p in problems] == ([("total-row", 3, "warning")] if total else [])
    assert sheet.frame.height == (1 if total else 2)


def test_a_total_row_in_each_input_is_a_warning_and_the_run_complete(tmp_path: Path) -> None:
    files = {}
    for name, line in [
        ("survey.csv", "Tổng cộng,,,\n"),
        ("appraisal.csv", ",Cộng:,,,,,,\n"),
    ]:
        files[name] = tmp_path / name
        files[name].write_text((EXAMPLES / name).read_text(encoding="utf-8-sig") + line, encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, said, out = score_examples(out_dir, survey=files["survey.csv"], appraisal=files["appraisal.csv"])
    assert code == 0, said
    assert "INCOMPLETE" not in said
    found = read_results(out)["findings"].filter(pl.col("kind") == "total-row")
    assert sorted((Path(f).name, r) for f, r in found.select("file", "row").rows()) == [
        ("appraisal.csv", 61),
        ("survey.csv", 362),
    ]
