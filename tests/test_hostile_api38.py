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


def test_ranking_again_against_other_results_or_none_writes_that_ranking_s_findings_alone(
    scored: pari.ScoreResult, tmp_path: Path
) -> None:
    """Review of session 38: ranked against last year's results of the same year, then again
    without them, the result kept previous-same-year and wrote it beside a ranking that compared
    nothing; ranked against a lineage table of codes of no unit, then without it, kept its
    warnings likewise. Ranking the same way again tells each once, as before."""
    import copy

    result = copy.deepcopy(scored)  # (the module's result, maybe ranked by other tests)
    pari.write_results(tmp_path / "kq.xlsx", result, pari.rank(result))
    before, unread = result.findings.height, result.completeness.parts_unread
    lineage = tmp_path / "noi.csv"
    lineage.write_text("old_code,new_code\n99998,99999\n", encoding="utf-8")
    pari.rank(result, previous=tmp_path / "kq.xlsx", lineage=lineage)
    files = set(result.findings["file"].drop_nulls().to_list())
    assert str(tmp_path / "kq.xlsx") in files and str(lineage) in files
    ranked = pari.rank(result)
    assert (result.findings.height, result.completeness.parts_unread) == (before, unread)
    pari.write_results(tmp_path / "lai.xlsx", result, ranked)
    written = pari.read_results(tmp_path / "lai.xlsx")["findings"]
    assert not written.filter(pl.col("file").is_in([str(tmp_path / "kq.xlsx"), str(lineage)])).height
    pari.rank(result, previous=tmp_path / "kq.xlsx")
    pari.rank(result, previous=tmp_path / "lai.xlsx")
    same_year = result.findings.filter(pl.col("kind") == "previous-same-year")
    assert same_year["file"].to_list() == [str(tmp_path / "lai.xlsx")]


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


@pytest.mark.parametrize("given", ["set", "path"])
def test_a_criteria_file_edited_after_the_run_is_not_recorded_as_the_set_scored(tmp_path: Path, given: str) -> None:
    """Review of session 38: a set loaded from a file (or a file given to pari.score), scored, the
    file then edited, then the results written: about.csv recorded the edited file's SHA-256 as
    the set's (criteria_sha256_of=file). Now the hash of the bytes the set was read from."""
    import hashlib

    criteria = tmp_path / "bo.yaml"
    shutil.copy(CRITERIA, criteria)
    read = hashlib.sha256(criteria.read_bytes()).hexdigest()
    result = pari.score(
        [DATA / "assessments_long.csv"],
        pari.load_criteria(criteria) if given == "set" else criteria,
        communes=DATA / "communes.csv",
        survey=[DATA / "survey.csv"],
    )
    with criteria.open("a", encoding="utf-8") as handle:
        handle.write("\n# sửa sau lượt chấm\n")
    pari.write_results(tmp_path / "kq", result, pari.rank(result), fmt="csv")
    about = dict(pl.read_csv(tmp_path / "kq" / "about.csv", infer_schema=False).iter_rows())
    assert (about["criteria_sha256_of"], about["criteria_sha256"]) == ("file", read)


def test_a_library_caller_is_told_the_arguments_not_pari_s_options(scored: pari.ScoreResult) -> None:
    """Review of session 38: pari.rank(result, group_by=...) was told to «give --group-by one of the
    available columns» and pari.score([]) «pari score FILE ...», in both languages; the problems
    themselves keep their words (``error.problems``), as the command line prints them."""
    from pari_index.errors import IntakeError, UsageError, library_words

    with pytest.raises(UsageError) as order:
        pari.rank(scored, group_by=["district", "province"])
    assert "--group-by" not in str(order.value) and "--group-by" not in order.value.render("vi")
    assert str(order.value).endswith('list the columns from the top down: group_by=["province", "district"]')
    assert order.value.render("vi").endswith(
        'gợi ý: liệt kê các cột từ cấp trên xuống: group_by=["province", "district"]'
    )
    with pytest.raises(UsageError) as unknown:
        pari.rank(scored, group_by="khong-co")
    assert "hint: give group_by= one of the available columns" in str(unknown.value)
    assert "gợi ý: cho group_by= một trong các cột" in unknown.value.render("vi")
    with pytest.raises(IntakeError) as nothing:
        pari.score([], communes=DATA / "communes.csv")
    assert str(nothing.value).endswith("hint: pari.score([FILE, …], …)")
    assert nothing.value.render("vi").endswith("gợi ý: pari.score([TỆP, …], …)")
    assert nothing.value.problems[0].hint == "pari score FILE ..."
    # An option that is no argument of the call stays as it is; a path is never taken for a list.
    said = "x --strict --previous a.xlsx\n    hint: give --previous, or leave out --lineage and --strict"
    assert library_words(said, ("previous", "lineage")) == (
        "x --strict previous=a.xlsx\n    hint: give previous=, or leave out lineage= and --strict"
    )
