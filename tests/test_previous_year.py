"""Results given as last year's (``--previous``) must be of an earlier year (ranking/previous_year).

Before (session 19): this year's own results given as ``--previous`` were compared without a word
(every rank change 0, "since last year"), and results of a later year (the files swapped) made
every change backwards."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

import pari_index as pari
from pari_index.cli import main
from pari_index.errors import UsageError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ARGS = [str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
ARGS += ["--appraisal", str(EXAMPLES / "appraisal.csv"), "--survey", str(EXAMPLES / "survey.csv")]


@pytest.fixture(scope="module")
def results_2025(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("previous") / "results-2025.xlsx"
    assert CliRunner().invoke(main, ["score", *ARGS, "-o", str(out)]).exit_code == 0
    return out


def test_results_of_a_later_year_are_refused_before_anything_is_written(tmp_path: Path, results_2025: Path) -> None:
    out = tmp_path / "results-2024.xlsx"
    for lang, words in (("vi", "sau năm được chấm (2024)"), ("en", "after the year scored (2024)")):
        done = CliRunner().invoke(
            main, ["score", *ARGS, "--year", "2024", "-o", str(out), "--previous", str(results_2025), "--lang", lang]
        )
        assert done.exit_code == 2 and "[previous-later-year]" in done.output and words in done.output, done.output
    assert not out.exists()


def test_results_of_the_year_scored_are_compared_with_a_warning(tmp_path: Path, results_2025: Path) -> None:
    out = tmp_path / "again.xlsx"
    done = CliRunner().invoke(main, ["score", *ARGS, "-o", str(out), "--previous", str(results_2025), "--lang", "en"])
    assert done.exit_code == 0, done.output
    tables = pari.read_results(out)
    said = tables["findings"].filter(pl.col("kind") == "previous-same-year")
    assert said.height == 1 and "the changes are against that run, not last year's" in said["message"][0]
    assert said["severity"][0] == "warning"
    assert "previous_rank" in tables["summary"].columns  # the comparison is kept


def test_results_of_an_earlier_year_are_compared_without_a_word(tmp_path: Path, results_2025: Path) -> None:
    result = pari.score(
        [EXAMPLES / "assessments_long.csv"],
        communes=EXAMPLES / "communes.csv",
        survey=[EXAMPLES / "survey.csv"],
        year=2026,
    )
    pari.rank(result, previous=results_2025)
    assert result.findings.filter(pl.col("kind").str.starts_with("previous-")).height == 0


def test_the_library_refuses_a_later_year_as_the_command_does(results_2025: Path) -> None:
    result = pari.score(
        [EXAMPLES / "assessments_long.csv"],
        communes=EXAMPLES / "communes.csv",
        survey=[EXAMPLES / "survey.csv"],
        year=2024,
    )
    with pytest.raises(UsageError, match=r"after the year scored \(2024\)"):
        pari.rank(result, previous=results_2025)
