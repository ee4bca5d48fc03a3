"""The facade's own errors in both languages (the kinds of tests/hostile_apiwords39.py, chosen by
pari.set_errors_lang), and pari.write_results / pari.write_report refusing to write into the
evidence folder the run read, as pari score refuses -o there."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from hostile_api38 import CRITERIA, DATA
from hostile_api39 import score_example
from hostile_apiwords39 import CASES, ENGLISH

import pari_index as pari
from pari_index.errors import OutputError
from pari_index.messages.library_errors import LIBRARY_ERRORS
from pari_index.messages.words import Words

#: A letter only Vietnamese writes (đ, ư, ơ, ă or a tone mark), as in «không nhận».
_VIETNAMESE = re.compile(r"[đươăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýâêô]")


@pytest.fixture(scope="module")
def scored() -> tuple[pari.ScoreResult, pl.DataFrame]:
    result = score_example()
    return result, pari.rank(result)


@pytest.fixture
def errors_in() -> Iterator[None]:
    """The setting as it was after each test (it is the library's, for every test after)."""
    yield
    pari.set_errors_lang("en")


def _raised(case: str, scored: tuple[pari.ScoreResult, pl.DataFrame], folder: Path) -> Exception:
    kind, call = CASES[case]
    result, ranked = scored
    with pytest.raises(kind) as caught:
        call(result, ranked, folder)
    assert type(caught.value) is kind  # the same type as before it had words in two languages
    return caught.value


def test_every_kind_of_the_library_has_a_case() -> None:
    assert sorted(CASES) == sorted(LIBRARY_ERRORS)


def test_the_errors_are_english_by_default() -> None:
    assert pari.errors_lang() == "en"


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_error_is_english_then_vietnamese(
    scored: tuple[pari.ScoreResult, pl.DataFrame], tmp_path: Path, errors_in: None, case: str
) -> None:
    english = _raised(case, scored, tmp_path)
    assert vars(english)["kind"] == case
    words = vars(english)["words"]
    assert str(english) == words.en
    if case in ENGLISH:  # the text of 8d75eac, unchanged
        assert str(english) == ENGLISH[case]
    pari.set_errors_lang("vi")
    vietnamese = _raised(case, scored, tmp_path)
    assert str(vietnamese) == words.vi != words.en
    assert _VIETNAMESE.search(str(vietnamese)), str(vietnamese)
    # The same figures and names in both: the arguments, the types and columns named.
    # (Python's reason for a call that does not fit is given in each language: Words, since session 40.)
    for value in vars(english)["params"].values():
        shown = value.vi if isinstance(value, Words) else value
        assert str(shown) in str(vietnamese), (value, str(vietnamese))
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written


def test_a_vietnamese_error_in_full(scored: tuple[pari.ScoreResult, pl.DataFrame], errors_in: None) -> None:
    pari.set_errors_lang("vi")
    with pytest.raises(ValueError) as caught:
        pari.findings(scored[0], lang="fr")
    assert str(caught.value) == "pari.findings: lang là 'vi' hoặc 'en', không phải 'fr'"


@pytest.mark.parametrize("lang", ["fr", "VI", None])
def test_the_setting_takes_vi_or_en_only(errors_in: None, lang: object) -> None:
    with pytest.raises(ValueError, match=r"^pari.set_errors_lang: lang is 'vi' or 'en', not "):
        pari.set_errors_lang(lang)  # type: ignore[arg-type]
    assert pari.errors_lang() == "en"


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
