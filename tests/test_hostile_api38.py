"""What the cases of tests/hostile_api38.py raise; that the library's results, report and
provenance are those ``pari score`` writes for the same inputs, to the byte, along README's
library example; that ranking one result twice says each ranking warning once; and that a
notebook shows the criteria set and the inputs read in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest
from children import pari_child
from hostile_api38 import CASES, CRITERIA, DATA, EXPECTED, score_example

import pari_index as pari


@pytest.fixture(scope="module")
def scored() -> pari.ScoreResult:
    return score_example()


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_raises_its_error_naming_the_function_and_argument(
    scored: pari.ScoreResult, tmp_path: Path, case: str
) -> None:
    kind, words = EXPECTED[case]
    with pytest.raises(kind) as caught:
        CASES[case](scored, tmp_path)
    assert type(caught.value) is kind and words in str(caught.value), str(caught.value)


def test_the_library_writes_what_pari_score_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README's example (the set loaded with pari.load_criteria, then scored, ranked and written)
    against ``pari score`` run as a command: every results file and the report the same bytes.
    On 5bf6759 the about table and the report's stamp differed: the library recorded the SHA-256
    of the set's content (``criteria_sha256_of`` = content), the command that of the file."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    inputs = [DATA / "assessments_long.csv"]
    result = pari.score(
        inputs,
        pari.load_criteria(CRITERIA),
        communes=DATA / "communes.csv",
        survey=[DATA / "survey.csv"],
        appraisal=DATA / "appraisal.csv",
    )
    ranked = pari.rank(result)
    written = pari.write_results(tmp_path / "lib", result, ranked, fmt="csv")
    pari.write_report(tmp_path / "lib.html", result, ranked)
    args = [*map(str, inputs), "--criteria", str(CRITERIA), "--communes", str(DATA / "communes.csv")]
    args += ["--survey", str(DATA / "survey.csv"), "--appraisal", str(DATA / "appraisal.csv")]
    done = pari_child(["score", *args, "-o", "cli", "--format", "csv", "--report", "cli.html"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in written) == sorted(p.name for p in (tmp_path / "cli").iterdir())
    for path in written:
        assert path.read_bytes() == (tmp_path / "cli" / path.name).read_bytes(), path.name
    assert (tmp_path / "lib.html").read_bytes() == (tmp_path / "cli.html").read_bytes()
    about = dict(pl.read_csv(tmp_path / "lib" / "about.csv", infer_schema=False).iter_rows())
    assert about["criteria_sha256_of"] == "file"


def test_a_set_whose_file_changed_since_it_was_loaded_is_recorded_by_its_content(tmp_path: Path) -> None:
    """The file's hash is recorded only while the file holds the bytes the set was read from."""
    copy = tmp_path / "bo.yaml"
    shutil.copyfile(CRITERIA, copy)
    criteria = pari.load_criteria(copy)
    with copy.open("a", encoding="utf-8") as handle:
        handle.write("# sửa sau khi nạp\n")
    result = pari.score(
        [DATA / "assessments_long.csv"], criteria, communes=DATA / "communes.csv", survey=[DATA / "survey.csv"]
    )
    pari.write_results(tmp_path / "kq", result, fmt="csv")
    about = dict(pl.read_csv(tmp_path / "kq" / "about.csv", infer_schema=False).iter_rows())
    assert about["criteria_sha256_of"] == "content"


def test_ranking_twice_against_the_same_results_says_it_once(scored: pari.ScoreResult, tmp_path: Path) -> None:
    """On 5bf6759 each pari.rank(result, previous=…) added the warning previous-same-year again
    (230 findings, then 231, then 232), and every other ranking warning likewise."""
    ranked = pari.rank(scored)
    pari.write_results(tmp_path / "kq.xlsx", scored, ranked)
    before = scored.findings.height
    for _ in range(3):
        pari.rank(scored, previous=tmp_path / "kq.xlsx")
    same_year = scored.findings.filter(pl.col("kind") == "previous-same-year")
    assert same_year.height == 1 and scored.findings.height == before + 1


def test_a_notebook_shows_the_set_and_the_inputs_in_one_line() -> None:
    """pydantic's repr of the set was 50 KB, the dataclass repr of pari.read_intake's 227 KB."""
    criteria = pari.load_criteria(CRITERIA)
    assert (
        repr(criteria)
        == str(criteria)
        == (
            "CriteriaSet(id='hai-phong-2022-commune', year=2022, level='commune', province='Thành phố Hải Phòng', "
            "areas=8, items=45)"
        )
    )
    read = pari.read_intake(
        [DATA / "assessments_long.csv"], criteria, communes=DATA / "communes.csv", survey=[DATA / "survey.csv"]
    )
    assert repr(read) == (
        "InputsRead(criteria='hai-phong-2022-commune', register_rows=36, batch_size=None, "
        "files=(criteria=1, assessments=1, survey=1, communes=1, appraisal=0), scored=False)"
    )
