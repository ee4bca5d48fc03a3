"""A rate's numerator above its denominator (``rate-above-denominator``).

Item 1.1.3 of the Hà Nội set scores the tasks completed of the tasks in the plan. Commune 00004's
95 tasks completed of 63 planned (a rate of 150 %) scored full points with nothing said. Now a
warning at the numerator's cell; the item is still scored as given.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.outputs.results import read_results

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LINES = (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)
DONE = "00004,1.1.3,tasks_done,63,1,26/BC-UBND,05/03/2025,1_1_3_BC_26_2025.pdf,,\n"


def _score(folder: Path, done: str, *extra: str) -> dict[str, pl.DataFrame]:
    at = LINES.index(DONE)
    lines = [*LINES[:at], DONE.replace(",tasks_done,63,", f",tasks_done,{done},"), *LINES[at + 1 :]]
    path = folder / "assessments.csv"
    path.write_text("".join(lines), encoding="utf-8")
    out = folder / "results.xlsx"
    args = ["score", str(path), "--communes", str(EXAMPLES / "communes.csv"), "--survey"]
    args += [str(EXAMPLES / "survey.csv"), "-o", str(out), "--lang", "en", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    return read_results(out)


@pytest.mark.parametrize("batch", ["0", "1"])
def test_a_numerator_above_its_denominator_is_told_at_its_cell(tmp_path: Path, batch: str) -> None:
    tables = _score(tmp_path, "95", "--batch-size", batch)
    found = tables["findings"].filter(pl.col("kind") == "rate-above-denominator")
    row = LINES.index(DONE) + 1
    assert found.select("severity", "commune_code", "criterion_id", "row", "column", "message").rows() == [
        (
            "warning",
            "00004",
            "1.1.3",
            row,
            "value",
            "95 is more than 63, the count it is a share of: a rate cannot be above 100 %; the item was scored as"
            " given",
        )
    ]
    criteria = tables["criteria"]
    item = criteria.filter((pl.col("commune_code") == "00004") & (pl.col("criterion_id") == "1.1.3"))
    assert item["final_score"].item() == 1.0


@pytest.mark.parametrize("done", ["63", "62"])
def test_a_numerator_up_to_its_denominator_is_not_told(tmp_path: Path, done: str) -> None:
    tables = _score(tmp_path, done)
    assert "rate-above-denominator" not in tables["findings"]["kind"].to_list()
