"""The facade: `import pari_index as pari` gives one function per stage, doing what `pari score` does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import pari_index as pari
from pari_index.errors import CriteriaError, OutputError
from pari_index.pipeline import run_score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "examples" / "hai-phong-2022"
CRITERIA = ROOT / "criteria" / "hai-phong-2022-commune.yaml"


def _score() -> pari.ScoreResult:
    return pari.score(
        [DATA / "assessments_long.csv"],
        pari.load_criteria(CRITERIA),
        communes=DATA / "communes.csv",
        survey=[DATA / "survey.csv"],
        appraisal=DATA / "appraisal.csv",
    )


def test_facade_gives_the_same_results_as_the_score_command(tmp_path: Path) -> None:
    result = _score()
    ranked = pari.rank(result)
    written = pari.write_results(tmp_path / "lib", result, ranked, fmt="parquet")
    report = pari.write_report(tmp_path / "lib.html", result, ranked)
    run_score(
        assessments=[DATA / "assessments_long.csv"],
        criteria=CRITERIA,
        communes=DATA / "communes.csv",
        survey=[DATA / "survey.csv"],
        appraisal=DATA / "appraisal.csv",
        output=tmp_path / "cli",
        fmt="parquet",
    )
    assert {p.name for p in written} >= {"summary.parquet", "criteria.parquet"}
    for name in ("summary", "criteria", "findings"):
        assert_frame_equal(
            pl.read_parquet(tmp_path / "lib" / f"{name}.parquet"),
            pl.read_parquet(tmp_path / "cli" / f"{name}.parquet"),
        )
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # The ranked summary is a real ranking: ranks start at 1 in every group.
    assert ranked.group_by("group").agg(pl.col("rank").min())["rank"].to_list() == [1] * ranked["group"].n_unique()


def test_facade_refuses_to_write_over_an_input(tmp_path: Path) -> None:
    result = _score()
    with pytest.raises(OutputError) as caught:
        pari.write_results(DATA / "communes.csv", result, fmt="xlsx")
    assert caught.value.problems[0].code == "output-is-input"
    with pytest.raises(OutputError):
        pari.write_report(DATA / "survey.csv", result)


def test_load_criteria_returns_the_set_and_reports_every_problem(tmp_path: Path) -> None:
    assert pari.load_criteria(CRITERIA).id == "hai-phong-2022-commune"
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nyear: 20x5\n", encoding="utf-8")
    with pytest.raises(CriteriaError) as caught:
        pari.load_criteria(bad)
    assert all(p.file == str(bad) for p in caught.value.problems)


def test_facade_names_and_lazy_import() -> None:
    assert {"load_criteria", "score", "rank", "write_results", "write_report"} <= set(dir(pari))
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        _ = pari.nonsense  # type: ignore[attr-defined]
    # `pari --help` must stay fast: importing the package alone loads no polars.
    probe = "import sys, pari_index; print('polars' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
