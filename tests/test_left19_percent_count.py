"""A count written with a percent sign is a rate typed where its count belongs: percent-in-count at
its cell, the cell not used (intake.value_checks._percent_in_count). Before, numbers were read
without their final ``%`` whatever the input, and ``95 %`` of tasks done was read as 95 tasks,
its rate computed against the 179 tasks planned (53 %: 0 points) without a word. A percentage or
number input keeps reading it."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
HEADER = "commune_code,criterion_id,input,value\n"


def _score(tmp_path: Path, rows: str, lang: str = "en", status: int = 0) -> tuple[str, Path]:
    """Score ``rows``; the run exits 1 when it has errors (the results are written all the same)."""
    data = tmp_path / "long.csv"
    data.write_text(HEADER + rows, encoding="utf-8")
    out = tmp_path / "out"
    args = [str(data), "--communes", str(EXAMPLES / "communes.csv"), "--no-survey", "-o", str(out)]
    done = CliRunner().invoke(main, ["score", *args, "--format", "csv", "--lang", lang])
    assert done.exit_code == status, done.output
    return done.output, out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "row 2 column «value»: 95 % is a percentage, but the input is a count (how many); the cell was not used",
        ),
        (
            "vi",
            "hàng 2 cột «value»: 95 % là tỷ lệ phần trăm, nhưng đầu vào này là số lượng (bao nhiêu); ô không được dùng",
        ),
    ],
)
def test_a_count_with_a_percent_sign_is_refused_at_its_cell(tmp_path: Path, lang: str, said: str) -> None:
    rows = "00001,1.1.3,tasks_done,95 %\n00001,1.1.3,tasks_planned,179%\n00001,1.3.1,inspections,5\n"
    output, out = _score(tmp_path, rows, lang, status=1)
    assert said in output and "[percent-in-count]" in output
    findings = pl.read_csv(out / "findings.csv", infer_schema=False).filter(pl.col("kind") == "percent-in-count")
    assert findings.select("severity", "row", "column").rows() == [("error", "2", "value"), ("error", "3", "value")]
    rows = pl.read_csv(out / "rows.csv", infer_schema=False).filter(pl.col("file").str.ends_with("long.csv"))
    rows = rows.sort(pl.col("row").cast(pl.Int64))
    assert rows.select("row", "status").rows() == [("2", "rejected"), ("3", "rejected"), ("4", "scored")]
    item = pl.read_csv(out / "criteria.csv", infer_schema=False).filter(
        (pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "1.1.3")
    )
    assert item["branch"].to_list() == ["missing"]  # no input read: not scored from 95 tasks


def test_a_count_without_a_percent_sign_is_read(tmp_path: Path) -> None:
    output, out = _score(tmp_path, "00001,1.1.3,tasks_done,170\n00001,1.1.3,tasks_planned,179\n")
    assert "percent-in-count" not in output
    item = pl.read_csv(out / "criteria.csv", infer_schema=False).filter(
        (pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "1.1.3")
    )
    assert item.select("branch", "computed_score").rows() == [("tier:1", "0.5")]  # 95 %: from 80 below 100


def test_percentage_and_number_inputs_keep_their_percent_sign(tmp_path: Path) -> None:
    # 3.2.3 online_share is a percentage; 6.2 revenue_pct a number that may exceed 100 (a percentage too).
    output, out = _score(tmp_path, '00001,3.2.3,online_share,"92,5 %"\n00001,6.2,revenue_pct,105%\n')
    assert "percent-in-count" not in output and "bad-value" not in output
    inputs = pl.read_csv(out / "criteria.csv", infer_schema=False).filter(
        (pl.col("commune_code") == "00001") & pl.col("criterion_id").is_in(["3.2.3", "6.2"])
    )["inputs"]
    assert inputs.to_list() == ["online_share=92,5 %", "revenue_pct=105%"]
