"""Numbers in a Parquet file read as the text a spreadsheet shows them with.

A float that holds a whole number was read as "1.0": a register saved from a float column
(pandas turns an integer column with one empty cell into floats) then had codes "1.0", "4.0",
which matched no commune "1" or "4" of the assessments, and every row was reported as a commune
missing from the register. Excel and CSV give "1"; Parquet now does too."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pari_index.intake.tables import read_table_file
from pari_index.pipeline import run_score

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CRITERIA = ROOT / "criteria" / "ha-noi-2025-commune.yaml"


def test_floats_read_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "numbers.parquet"
    values = [1.0, 92.5, -0.0, 70.00000000000001, 2.0**53, 1e20, None, float("nan"), float("inf")]
    pl.DataFrame({"x": values, "y": pl.Series(values, dtype=pl.Float32), "n": list(range(len(values)))}).write_parquet(
        path
    )
    (sheet,) = read_table_file(path).sheets
    assert sheet.frame["x"].to_list() == [
        "1",
        "92.5",
        "0",
        "70.00000000000001",
        "9007199254740992.0",
        "1e+20",
        None,
        "NaN",
        "inf",
    ]
    assert sheet.frame["y"].to_list()[:4] == ["1", "92.5", "0", "70"]
    assert sheet.frame["n"].to_list() == [str(i) for i in range(len(values))]


def _without_zeros(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    return frame.with_columns(pl.col(column).cast(pl.Int64).cast(pl.String))


def test_a_register_of_float_codes_matches_the_same_codes_written_as_numbers(tmp_path: Path) -> None:
    """The register's codes saved as floats (1.0), the assessments' and survey's as numbers (1):
    every commune is scored, none is unknown."""
    register = pl.read_csv(EXAMPLES / "communes.csv", infer_schema=False)
    register.with_columns(pl.col("code").cast(pl.Float64)).write_parquet(tmp_path / "communes.parquet")
    for name, column in (("assessments_long.csv", "commune_code"), ("survey.csv", "commune_code")):
        _without_zeros(pl.read_csv(EXAMPLES / name, infer_schema=False), column).write_csv(tmp_path / name)
    run = run_score(
        assessments=[tmp_path / "assessments_long.csv"],
        survey=[tmp_path / "survey.csv"],
        communes=tmp_path / "communes.parquet",
        criteria=CRITERIA,
        output=tmp_path / "out",
        fmt="csv",
    )
    assert "unknown-commune" not in run.result.findings["kind"].to_list()
    codes = sorted(register["code"].cast(pl.Int64).cast(pl.String).to_list())
    assert sorted(run.summary["commune_code"].to_list()) == codes
    assert run.summary["index"].null_count() == 0
    assert run.summary["survey_given"].all()
