"""Review of session 35: ``--previous`` given one CSV or Parquet table alone is read as last year's
summary (outputs.results._lone_summary). Another table given by mistake (this year's assessments,
the survey, a register) was then called damaged ("holds «0,75» where a number belongs: the results
are damaged", "names unit «00001» more than once: the results were edited", hint "score again"),
and a table of codes alone checked as a summary. Now such a table is refused as before session 35:
"a CSV file is no results file"."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from pari_index.errors import PariError
from pari_index.outputs.results import read_results

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("name", ["assessments_long.csv", "survey.csv", "appraisal.csv"])
def test_another_table_given_as_last_year_s_summary_is_no_results_file(tmp_path: Path, name: str) -> None:
    given = tmp_path / "nam-truoc.csv"
    shutil.copyfile(EXAMPLES / name, given)
    with pytest.raises(PariError) as caught:
        read_results(given, whole=False)
    (problem,) = caught.value.problems
    assert problem.code == "not-results"
    assert "a CSV file is no results file" in problem.message, problem.message


@pytest.mark.parametrize("ext", ["csv", "parquet"])
def test_a_register_of_codes_alone_is_no_summary(tmp_path: Path, ext: str) -> None:
    codes = pl.DataFrame({"commune_code": ["00001", "00002"], "name": ["Xã A", "Xã B"]})
    given = tmp_path / f"ds.{ext}"
    codes.write_csv(given) if ext == "csv" else codes.write_parquet(given)
    with pytest.raises(PariError) as caught:
        read_results(given, whole=False)
    assert [p.code for p in caught.value.problems] == ["not-results"]
    assert f"a {ext.upper() if ext == 'csv' else 'Parquet'} file is no results file" in caught.value.problems[0].message


def test_a_summary_made_by_hand_of_codes_and_indices_is_still_read(tmp_path: Path) -> None:
    """docs/ranking.md: a table of codes, indices and ranks made by hand is compared."""
    given = tmp_path / "nam-truoc.csv"
    pl.DataFrame({"commune_code": ["00001", "00002"], "index": [81.5, 79.0], "rank": [1, 2]}).write_csv(given)
    assert read_results(given, whole=False)["summary"].height == 2
