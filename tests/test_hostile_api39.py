"""What the cases of tests/hostile_api39.py raise, that each leaves no output and the result's
findings as they were, and that the ranking pari.rank gave (shuffled, with columns of the
caller's own) is still written as the command writes it."""

from __future__ import annotations

import copy
from pathlib import Path

import polars as pl
import pytest
from hostile_api39 import CASES, EXPECTED, score_example

import pari_index as pari


@pytest.fixture(scope="module")
def scored() -> pari.ScoreResult:
    return score_example()


def _ranked_copy(scored: pari.ScoreResult) -> tuple[pari.ScoreResult, pl.DataFrame]:
    """A result of its own for each case (ranking sets its findings and latest ranking), ranked."""
    result = copy.copy(scored)
    return result, pari.rank(result)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_is_refused_and_writes_nothing(scored: pari.ScoreResult, tmp_path: Path, case: str) -> None:
    result, ranked = _ranked_copy(scored)
    kind, words = EXPECTED[case]
    folder = tmp_path / "out"
    folder.mkdir()
    before = result.findings
    with pytest.raises(kind) as caught:
        CASES[case](result, ranked, folder)
    assert isinstance(caught.value, kind) and words in str(caught.value), str(caught.value)
    assert sorted(p.name for p in folder.iterdir()) == (["lineage.csv"] if "lineage" in case else [])
    if case.startswith("rank-"):
        assert result.findings.equals(before)  # the table's warnings were added on a6bdad8


def test_lineage_without_previous_is_told_in_both_languages(scored: pari.ScoreResult, tmp_path: Path) -> None:
    result, ranked = _ranked_copy(scored)
    with pytest.raises(pari.PariError) as caught:
        CASES["rank-lineage-without-previous"](result, ranked, tmp_path)
    assert [p.code for p in caught.value.problems] == ["lineage-without-previous"]
    assert caught.value.render("vi").splitlines() == [
        "lineage= chỉ dùng cùng previous=: bảng này nối mã năm nay với kết quả năm trước, mà kết quả năm trước "
        "không được đưa vào; bảng sẽ không được đọc [lineage-without-previous]",
        "    gợi ý: đưa kết quả năm trước bằng previous=, hoặc bỏ lineage=",
    ]


def test_the_latest_ranking_shuffled_with_own_columns_is_written_as_pari_rank_gave_it(
    scored: pari.ScoreResult, tmp_path: Path
) -> None:
    result, ranked = _ranked_copy(scored)
    pari.write_results(tmp_path / "as-given", result, ranked, fmt="csv")
    mine = ranked.reverse().with_columns(pl.lit("ghi chú").alias("my_note"))
    pari.write_results(tmp_path / "mine", result, mine, fmt="csv")
    assert (tmp_path / "mine" / "findings.csv").read_bytes() == (tmp_path / "as-given" / "findings.csv").read_bytes()
    written = pl.read_csv(tmp_path / "mine" / "summary.csv", infer_schema=False)
    assert written["my_note"].unique().to_list() == ["ghi chú"]
    given = pl.read_csv(tmp_path / "as-given" / "summary.csv", infer_schema=False)
    assert written.drop("my_note").reverse().equals(given)  # in the rows' order as given
    # Ranked again by province (the set ranks within districts), that ranking is the one written.
    by_province = pari.rank(result, group_by="province")
    pari.write_results(tmp_path / "province", result, by_province, fmt="csv")
    summary = pl.read_csv(tmp_path / "province" / "summary.csv", infer_schema=False)
    assert summary["group_column"].unique().to_list() == ["province"]


def test_the_latest_ranking_through_pandas_is_written_as_pari_rank_gave_it(
    scored: pari.ScoreResult, tmp_path: Path
) -> None:
    """``pl.from_pandas(ranked.to_pandas())`` turns gap_to_next_class (whole units with gaps) into
    floats: the review of session 39 found it refused as «edited, or an earlier ranking» (a6bdad8
    wrote it as «1200.0»); the same values in another number type are the same ranking, written in
    pari.rank's types. A value changed in the float column is still refused."""
    result, ranked = _ranked_copy(scored)
    through = pl.from_pandas(ranked.to_pandas())
    assert through.schema["gap_to_next_class"] == pl.Float64  # else this test tries nothing
    pari.write_results(tmp_path / "as-given", result, ranked, fmt="csv")
    pari.write_results(tmp_path / "pandas", result, through, fmt="csv")
    for name in ("summary.csv", "findings.csv"):
        assert (tmp_path / "pandas" / name).read_bytes() == (tmp_path / "as-given" / name).read_bytes()
    edited = through.with_columns(pl.col("gap_to_next_class") + 0.5)
    with pytest.raises(ValueError, match=r"its 'gap_to_next_class' differ from what pari\.rank"):
        pari.write_results(tmp_path / "edited", result, edited, fmt="csv")
    assert not (tmp_path / "edited").exists()


def test_pari_findings_names_the_arguments_not_pari_s_options(scored: pari.ScoreResult, tmp_path: Path) -> None:
    """Ranked against results of the year scored: on a6bdad8 pari.findings said «--previous PATH holds
    results of 2022» and «give last year's results with --previous»; the results written keep the
    command's words (the same bytes as pari score writes: tests/test_hostile_api38.py)."""
    result, ranked = _ranked_copy(scored)
    earlier = tmp_path / "kq"
    pari.write_results(earlier, result, ranked, fmt="csv")
    pari.rank(result, previous=earlier)
    told = {
        lang: pari.findings(result, lang=lang).filter(pl.col("kind") == "previous-same-year").row(0, named=True)
        for lang in ("en", "vi")
    }
    assert told["en"]["message"] == (
        f"previous={earlier} holds results of 2022, the year scored: the changes are against that run, not last year's"
    )
    assert (
        told["en"]["hint"]
        == "give last year's results with previous=, unless this comparison with an earlier run is meant"
    )
    assert (
        told["vi"]["hint"] == "chỉ ra kết quả năm trước với previous=, trừ khi muốn so sánh với một lần chấm trước đó"
    )
    assert told["vi"]["message"].startswith(f"previous={earlier} là kết quả năm 2022, chính năm được chấm")
    pari.write_results(tmp_path / "again", result, pari.rank(result, previous=earlier), fmt="csv")
    written = (tmp_path / "again" / "findings.csv").read_text(encoding="utf-8-sig")
    assert f"--previous {earlier} holds results of 2022" in written or f"--previous {earlier} là kết quả" in written


def test_explain_text_tells_the_call_in_vietnamese_too(scored: pari.ScoreResult) -> None:
    with pytest.raises(pari.PariError) as caught:
        pari.explain_text(scored.details, scored.leaves, "00099")
    assert caught.value.render("vi").splitlines()[1] == (
        "    gợi ý: dùng mã xã như trong kết quả (pari.explain_text(details, leaves, MÃ)), ví dụ: 00001, 00004, "
        "00007, 00010, 00013, 00016, 00019, 00022, 00025, 00028"
    )


def test_whole_numbers_of_numpy_are_taken_as_ints() -> None:
    """A year read from a pandas frame is numpy's int64: on a6bdad8 «pari.score: year takes a whole
    number (int) or None, not int64», and so batch_size and display_frame's places."""
    numpy = pytest.importorskip("numpy")
    from hostile_api38 import CRITERIA, DATA

    result = pari.score(
        [DATA / "assessments_long.csv"],
        CRITERIA,
        communes=DATA / "communes.csv",
        no_survey=True,
        year=numpy.int64(2022),
        batch_size=numpy.int32(10),
    )
    assert result.year == 2022 and type(result.year) is int
    frame = pl.DataFrame({"index": [832149]})
    assert pari.display_frame(frame, places=numpy.int64(2)).equals(pari.display_frame(frame, places=2))
    with pytest.raises(TypeError, match=r"year takes a whole number \(int\) or None, not bool"):
        pari.score([DATA / "assessments_long.csv"], CRITERIA, no_survey=True, year=numpy.bool_(True))


def test_output_errors_name_the_argument_not_pari_s_o_or_format(scored: pari.ScoreResult, tmp_path: Path) -> None:
    """On a6bdad8 «-o …/kq.csv: the file must end in .xlsx» (pari.write_results has no -o) and
    pari.run_score «give a folder name with --format csv»."""
    from hostile_api38 import CRITERIA, DATA

    result, ranked = _ranked_copy(scored)
    with pytest.raises(pari.PariError) as caught:
        pari.write_results(tmp_path / "kq.csv", result, ranked)
    assert caught.value.render("en").splitlines()[0] == (
        f"path={tmp_path / 'kq.csv'}: the file must end in .xlsx [output-suffix]"
    )
    assert caught.value.render("vi").splitlines()[0].startswith(f"path={tmp_path / 'kq.csv'}: tên tệp phải kết thúc")
    with pytest.raises(pari.PariError) as caught:
        pari.run_score(
            assessments=[DATA / "assessments_long.csv"], criteria=CRITERIA, output=tmp_path / "kq.csv", no_survey=True
        )
    assert caught.value.render("en").splitlines()[1] == '    hint: give a folder name with fmt="csv"'
    assert caught.value.render("vi").splitlines()[1] == '    gợi ý: chỉ ra tên thư mục cùng fmt="csv"'
    assert sorted(tmp_path.iterdir()) == []
