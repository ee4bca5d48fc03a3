"""A deadline's date typed earlier than its evidence's date (``date-before-evidence``).

Item 1.1.1 of the Hà Nội set scores the plan's signature date against 31/7/2025. Commune 00001's
plan typed as signed 04/06/2025 with its evidence (the plan, 72/KH-UBND) dated 04/10/2025 scored
1 point, on time, with nothing said: the document shows the plan late (0). Now a warning at the
date's cell; the item is still scored on the date typed.
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
PLAN = "00001,1.1.1,,04/06/2025,1,72/KH-UBND,04/06/2025,1_1_1_KH_72_2025.pdf,,\n"


def _score(folder: Path, lines: list[str], *extra: str) -> tuple[int, str, dict[str, pl.DataFrame]]:
    path = folder / "assessments.csv"
    path.write_text("".join(lines), encoding="utf-8")
    out = folder / "results.xlsx"
    args = ["score", str(path), "--communes", str(EXAMPLES / "communes.csv"), "--survey"]
    args += [str(EXAMPLES / "survey.csv"), "-o", str(out), "--lang", "en", *extra]
    result = CliRunner().invoke(main, args)
    assert "Traceback" not in result.output
    return result.exit_code, result.output, read_results(out)


def _with_evidence_date(day: str) -> list[str]:
    assert LINES[1] == PLAN
    return [LINES[0], PLAN.replace(",72/KH-UBND,04/06/2025,", f",72/KH-UBND,{day},"), *LINES[2:]]


@pytest.mark.parametrize("batch", ["0", "1"])
def test_a_date_earlier_than_its_evidence_is_told_at_its_cell(tmp_path: Path, batch: str) -> None:
    code, output, tables = _score(tmp_path, _with_evidence_date("04/10/2025"), "--batch-size", batch)
    assert code == 0, output
    found = tables["findings"].filter(pl.col("kind") == "date-before-evidence")
    assert found.select("severity", "commune_code", "criterion_id", "row", "column", "message").rows() == [
        (
            "warning",
            "00001",
            "1.1.1",
            2,
            "value",
            "04/06/2025 is earlier than the date of the item's evidence, 04/10/2025: the deadline was judged on the"
            " date typed, which the document does not show",
        )
    ]
    criteria = tables["criteria"]
    plan = criteria.filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "1.1.1"))
    assert plan["final_score"].item() == 1.0  # scored on the date typed, as the warning says


def test_evidence_of_the_same_day_or_earlier_is_not_told(tmp_path: Path) -> None:
    """The example (every plan's evidence of its own date) and an evidence date earlier than the
    date typed (a draft's number, say) are not told."""
    code, output, tables = _score(tmp_path, _with_evidence_date("01/06/2025"))
    assert code == 0, output
    assert "date-before-evidence" not in tables["findings"]["kind"].to_list()
    (tmp_path / "example").mkdir()
    code, output, tables = _score(tmp_path / "example", LINES)
    assert code == 0 and "date-before-evidence" not in tables["findings"]["kind"].to_list()
