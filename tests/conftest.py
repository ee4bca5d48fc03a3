"""Shared test configuration: hypothesis profiles, and the example results workbook.

Example counts live in the profiles only (never per test), so CI can run a larger, derandomised
profile: ``ci`` when the ``CI`` environment variable is set, ``dev`` otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=300)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The results workbook of the example province (assessments, register and survey), written
    once per test module: what the commands that read results are given."""
    from pari_index.cli import main

    examples = Path(__file__).resolve().parents[1] / "examples"
    folder = tmp_path_factory.mktemp("results")
    argv = ["score", str(examples / "assessments_long.csv"), "--communes", str(examples / "communes.csv")]
    argv += ["--survey", str(examples / "survey.csv"), "-o", str(folder / "results.xlsx")]
    done = CliRunner().invoke(main, argv)
    assert done.exit_code == 0, done.output
    return str(folder / "results.xlsx")


@pytest.fixture(scope="session")
def example_tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, str]]]:
    """The CSV results, in English, of the README's run of the example (tests/hostile_sweep8's
    ``_score``) as a child, made once per worker: what the hostile sweeps' well-formed variants of
    the example must give again. Read only: a test changing them would change them for the next."""
    from hostile_sweep8 import _score
    from sweeps import csv_results

    folder = tmp_path_factory.mktemp("example")
    return csv_results(_score(folder), folder, lang="en")
