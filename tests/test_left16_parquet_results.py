"""Results written as Parquet, given back as an input, are refused as input-is-results.

The check knew a results workbook and a CSV results table, not a Parquet one: criteria.parquet
of an earlier run given as --survey was read as survey results (7,029 rows read, 4,258 partly
used, results written), and summary.parquet as --survey or --communes was told only of unknown
or missing columns. Now one test of a Parquet results table (ownership._pari_parquet, by the
columns its footer lists) serves the ownership of outputs and the check of inputs alike.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from test_batches import BUNDLED

from pari_index.cli import main
from pari_index.outputs.ownership import results_of_pari, written_by_pari

EXAMPLES = Path(__file__).parents[1] / "examples"
TABLES = ("summary", "criteria", "findings", "rows", "about")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parquet") / "res"
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--criteria", str(BUNDLED), "--survey", str(EXAMPLES / "survey.csv"), "--format", "parquet"]
    done = CliRunner().invoke(main, [*args, "-o", str(folder), "-q"])
    assert done.exit_code == 0, done.output
    return folder


def test_one_test_knows_a_parquet_results_table_for_outputs_and_inputs(results: Path, tmp_path: Path) -> None:
    for table in TABLES:
        path = results / f"{table}.parquet"
        assert (written_by_pari(path), results_of_pari(path)) == (True, True), table
    own = tmp_path / "assessments.parquet"
    pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False).write_parquet(own)
    assert (written_by_pari(own), results_of_pari(own)) == (False, False)


@pytest.mark.parametrize(
    ("option", "table"),
    [("--survey", "criteria"), ("--survey", "summary"), ("--communes", "summary"), ("ASSESSMENTS", "rows")],
)
def test_a_parquet_results_table_given_as_input_is_refused(
    results: Path, tmp_path: Path, option: str, table: str
) -> None:
    given = str(results / f"{table}.parquet")
    inputs = {"ASSESSMENTS": str(EXAMPLES / "assessments_long.csv"), "--communes": str(EXAMPLES / "communes.csv")}
    inputs["--survey"] = str(EXAMPLES / "survey.csv")
    inputs[option] = given
    args = ["score", inputs["ASSESSMENTS"], "--communes", inputs["--communes"], "--survey", inputs["--survey"]]
    out = tmp_path / "out.xlsx"
    done = CliRunner().invoke(main, [*args, "--criteria", str(BUNDLED), "-o", str(out), "--lang", "en"])
    assert done.exit_code == 2, done.output
    said = (
        f"error: {given}: {option}: this file holds results written by pari score, not data to score [input-is-results]"
    )
    assert said in done.output, done.output
    assert not out.exists()


def test_a_parquet_of_one_s_own_data_is_scored(tmp_path: Path) -> None:
    own = tmp_path / "assessments.parquet"
    pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False).write_parquet(own)
    args = ["score", str(own), "--communes", str(EXAMPLES / "communes.csv"), "--survey", str(EXAMPLES / "survey.csv")]
    done = CliRunner().invoke(main, [*args, "--criteria", str(BUNDLED), "-o", str(tmp_path / "out.xlsx"), "-q"])
    assert done.exit_code == 0, done.output
