"""The facade's own errors in both languages (the kinds of tests/hostile_apiwords39.py, chosen by
pari.set_errors_lang), and pari.write_results / pari.write_report refusing to write into the
evidence folder the run read, as pari score refuses -o there."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hostile_api39 import CRITERIA, DATA, score_example

import pari_index as pari
from pari_index.errors import OutputError


@pytest.fixture(scope="module")
def evidence_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[pari.ScoreResult, Path]:
    folder = tmp_path_factory.mktemp("ev") / "minh-chung"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = pari.score(
            [DATA / "assessments_long.csv"],
            pari.load_criteria(CRITERIA),
            communes=DATA / "communes.csv",
            survey=[DATA / "survey.csv"],
            evidence_dir=folder,
        )
    return result, folder


@pytest.mark.parametrize("name", ["kq.xlsx", "sub/kq.xlsx", "bc.html"])
def test_nothing_is_written_into_the_evidence_folder(evidence_run: tuple[pari.ScoreResult, Path], name: str) -> None:
    # On 8d75eac write_results(ev / "kq.xlsx", ...) and write_report(ev / "bc.html", ...) wrote them.
    result, folder = evidence_run
    ranked = pari.rank(result)
    write = pari.write_report if name.endswith(".html") else pari.write_results
    with pytest.raises(OutputError) as caught:
        write(folder / name, result, ranked)
    assert caught.value.problems[0].code == "output-in-evidence-folder"
    assert f"lies inside the evidence folder evidence_dir {folder}" in str(caught.value)
    assert sorted(p.name for p in folder.rglob("*")) == ["a.pdf"]


def test_results_beside_the_evidence_folder_are_written(evidence_run: tuple[pari.ScoreResult, Path]) -> None:
    result, folder = evidence_run
    written = pari.write_results(folder.parent / "kq.xlsx", result, pari.rank(result))
    assert [p.name for p in written] == ["kq.xlsx"] and written[0].stat().st_size > 0
    assert result.evidence_dir == str(folder)


def test_a_run_without_evidence_keeps_no_folder() -> None:
    assert score_example().evidence_dir is None
