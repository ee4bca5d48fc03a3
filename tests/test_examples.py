"""The bundled example (synthetic data) runs cleanly, and the committed example report is exactly
what the documented command writes (examples/README.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pari_index.pipeline import ScoreRun, run_score

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
#: The --date of the documented command (examples/README.md).
EXAMPLE_DATE = "2026-01-15"


@pytest.fixture(scope="module")
def example_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, ScoreRun]:
    out = tmp_path_factory.mktemp("example")
    here = Path.cwd()
    os.chdir(ROOT)  # the documented command runs from the repository root, with relative paths
    try:
        run = run_score(
            assessments=["examples/assessments_long.csv", "examples/assessments_wide.xlsx"],
            communes="examples/communes.csv",
            survey=["examples/survey.csv"],
            appraisal="examples/appraisal.csv",
            output=out / "results.xlsx",
            report=out / "report.html",
            # The run date the report's stamp prints: fixed, so that the committed file is reproducible.
            date=EXAMPLE_DATE,
        )
    finally:
        os.chdir(here)
    return out / "results.xlsx", out / "report.html", run


def test_the_example_scores_every_row_and_rejects_none(example_run: tuple[Path, Path, ScoreRun]) -> None:
    _, _, run = example_run
    assert run.errors == []
    summary = run.summary
    assert summary.height == 60
    assert summary["rank"].drop_nulls().sort().to_list() == sorted(summary["rank"].drop_nulls().to_list())
    ledger = run.result.ledger
    assert set(ledger["status"]) <= {"scored", "applied", "registered"}


def test_the_committed_example_report_is_what_the_documented_command_writes(
    example_run: tuple[Path, Path, ScoreRun],
) -> None:
    _, report, _ = example_run
    committed = EXAMPLES / "report.html"
    assert committed.read_bytes() == report.read_bytes(), (
        "examples/report.html is out of date: regenerate it with the command in examples/README.md"
    )
