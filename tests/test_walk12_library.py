"""Session 12's walkthrough as an analyst: `import pari_index as pari`, README's and docs/library.md's
calls, and the arguments an analyst gets wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


HAI_PHONG = EXAMPLES / "hai-phong-2022"
HAI_PHONG_SET = ROOT / "criteria" / "hai-phong-2022-commune.yaml"


def test_the_facade_takes_one_path_where_it_takes_a_list() -> None:
    """score(["a.csv"]) and score("a.csv") are the same run (a string is a sequence: it was read
    letter by letter, and the run stopped on a file named "e")."""
    import pari_index as pari

    one = pari.score(
        HAI_PHONG / "assessments_long.csv",
        HAI_PHONG_SET,
        communes=HAI_PHONG / "communes.csv",
        survey=str(HAI_PHONG / "survey.csv"),
    )
    listed = pari.score(
        [HAI_PHONG / "assessments_long.csv"],
        HAI_PHONG_SET,
        communes=HAI_PHONG / "communes.csv",
        survey=[HAI_PHONG / "survey.csv"],
    )
    assert one.totals.equals(listed.totals)
    assert one.totals.height == 36  # the example register's units


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda p: p.score([], {"id": "x"}), TypeError, "pari.score: criteria takes a path to a criteria YAML file"),
        (lambda p: p.score([], lang="fr"), ValueError, "pari.score: lang is 'vi' or 'en', not 'fr'"),
        (
            lambda p: p.score([], batch_size="100"),
            TypeError,
            "pari.score: batch_size takes a whole number (int) or None",
        ),
        (
            lambda p: p.score([], year=2025.0),
            TypeError,
            "pari.score: year takes a whole number (int) or None, not float",
        ),
        (lambda p: p.score([1, 2]), TypeError, "pari.score: assessments takes a list of file paths"),
        (lambda p: p.rank(pl.DataFrame({"a": [1]})), TypeError, "pari.rank: result takes the ScoreResult"),
        (
            lambda p: p.write_results("x", None, fmt="json"),
            TypeError,
            "pari.write_results: result takes the ScoreResult",
        ),
        (lambda p: p.write_report("x.html", None), TypeError, "pari.write_report: result takes the ScoreResult"),
        (
            lambda p: p.load_criteria(5),
            TypeError,
            "pari.load_criteria: path takes a file path (str or pathlib.Path), not int",
        ),
        (lambda p: p.run_score(assessments=["a.csv"], output=7), TypeError, "pari.run_score: output takes a file path"),
        (
            lambda p: p.run_score(assessments=["a.csv"], output="o", strict="yes"),
            TypeError,
            "strict takes True or False",
        ),
    ],
)
def test_a_wrong_argument_is_named_before_anything_runs(call: Any, error: type[Exception], words: str) -> None:
    """A wrong type or value gives an error naming the function, the argument and what it takes,
    raised before anything is read (not a TypeError from pathlib or an AttributeError of polars)."""
    import pari_index as pari

    with pytest.raises(error) as raised:
        call(pari)
    assert words in str(raised.value)
    assert raised.traceback[-1].path.name == "api.py"


def test_a_wrong_format_is_named(tmp_path: Path) -> None:
    import pari_index as pari

    result = pari.score(
        [HAI_PHONG / "assessments_long.csv"], HAI_PHONG_SET, communes=HAI_PHONG / "communes.csv", no_survey=True
    )
    with pytest.raises(ValueError, match=r"pari.write_results: fmt is one of 'xlsx', 'csv', 'parquet', not 'json'"):
        pari.write_results(tmp_path / "out", result, fmt="json")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_help_shows_each_function_s_own_signature_and_words() -> None:
    import inspect

    import pari_index as pari
    from pari_index.scoring.run import score

    assert inspect.signature(pari.score) == inspect.signature(score)
    assert pari.score.__doc__ == score.__doc__ and pari.score.__name__ == "score"
    assert list(inspect.signature(pari.run_score).parameters)[:2] == ["assessments", "output"]
