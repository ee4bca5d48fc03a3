"""A count written "2.000" or "2,000": read as 2 (the separator as a decimal point) and accepted as
whole, while Excel exports two thousand formatted with thousands the same way. The reading is kept
(the peers read it so too, tests/test_peers.py) but never silently: each such cell is a warning
naming the cell, in both languages; "1.587" stays refused as not whole."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(tmp_path: Path, values: dict[str, str], lang: str = "vi") -> tuple[pl.DataFrame, pl.DataFrame, str]:
    rows = ["commune_code,criterion_id,input,value"]
    rows += [f'{code},3.2.1,received,"{value}"' for code, value in values.items()]
    source = tmp_path / "counts.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["score", str(source), "--communes", str(EXAMPLES / "communes.csv"), "--no-survey", "--lang", lang]
    result = CliRunner().invoke(main, [*args, "--format", "csv", "-o", str(out)])
    assert "Traceback" not in result.output
    findings = pl.read_csv(out / "findings.csv", infer_schema=False)
    criteria = pl.read_csv(out / "criteria.csv", infer_schema=False)
    return findings, criteria, result.output


def test_each_count_with_three_zeros_is_scored_as_read_and_named(tmp_path: Path) -> None:
    values = {"00001": "2.000", "00004": "1,000", "00007": "2000", "00010": "12.000", "00013": "0.000"}
    findings, _, _ = _run(tmp_path, values)
    warned = findings.filter(pl.col("kind") == "count-three-zeros")
    assert warned["commune_code"].to_list() == ["00001", "00004", "00010"]
    assert warned["severity"].unique().to_list() == ["warning"]
    assert warned["message"][0] == (
        "2.000 được đọc là 2 (dấu phân cách là dấu thập phân); nếu là 2 nghìn, hãy ghi không có dấu phân cách"
    )
    assert warned["row"].to_list() == ["2", "3", "5"]


@pytest.mark.parametrize("value", ["2.000", "2"])
def test_the_reading_itself_is_unchanged(tmp_path: Path, value: str) -> None:
    _, criteria, _ = _run(tmp_path, {"00001": value})
    item = criteria.filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "3.2.1"))
    assert item.height == 1 and "received=2" in item.row(0, named=True)["inputs"].replace(" ", "")


def test_in_english_and_only_zeros_are_unsure(tmp_path: Path) -> None:
    findings, _, _ = _run(tmp_path, {"00001": "1,000", "00004": "1.587"}, lang="en")
    cells = findings.filter(pl.col("kind").is_in(["count-three-zeros", "not-whole"]))
    assert cells.select("commune_code", "kind").rows() == [("00004", "not-whole"), ("00001", "count-three-zeros")]
    [message] = findings.filter(pl.col("kind") == "count-three-zeros")["message"].to_list()
    assert message.startswith("1,000 is read as 1 (the separator as a decimal point); if it means 1 thousand")
