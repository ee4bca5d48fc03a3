"""What the cases of tests/hostile_decoding28.py answer: a file whose every row another file holds is
refused once, naming both; answers and level labels match without Vietnamese marks where that names
one meaning; a group's name is one name whichever vowel carries its tone mark. The cases run as
real child processes with a time-out, in both languages."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hostile_decoding28 import CASES, EXPECTED, NOT_WRITTEN, THUY_NEW
from sweeps import case_tests, language_tests, sweep_child
from test_hostile_decoding24 import _findings
from test_hostile_decoding27 import _kinds

from pari_index.criteria.loading import default_criteria_path, load_criteria
from pari_index.errors import UsageError
from pari_index.intake.assessments import read_assessments
from pari_index.intake.tones import folded, tone_placed, unambiguous_folds
from pari_index.intake.values import parse_boolean, parse_status
from pari_index.ranking.spellings import alike_name

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


@pytest.mark.parametrize(
    ("case", "copy", "other"),
    [
        ("input-same-rows", "tu-danh-gia (Excel).csv", "assessments_long.csv"),
        ("input-same-rows-workbook", "tu-danh-gia.xlsx", "assessments_long.csv"),
        ("input-same-rows-one-commune", "xa-00001.csv", "assessments_long.csv"),
    ],
)
def test_a_copy_in_other_bytes_is_named_once_with_the_file_that_holds_it(
    tmp_path: Path, case: str, copy: str, other: str
) -> None:
    done = sweep_child([*CASES[case](tmp_path), "--lang", "en"], tmp_path)
    said = done.stdout + done.stderr
    assert said.count("[input-same-rows]") == 1, said
    assert f"{copy}: every row of this file is a row of {tmp_path / other} too" in said, said
    assert "duplicate-row" not in said


LONG = "commune_code,criterion_id,input,value,self_score\n"


def _leaves() -> list:  # type: ignore[type-arg]
    from pari_index.criteria.compiling import compile_criteria

    return compile_criteria(load_criteria(default_criteria_path()).criteria, None).leaves


def _read(tmp_path: Path, *texts: str) -> list[tuple[str, str]]:
    """``read_assessments`` of files holding ``texts``: the files refused as copies, as (copy, other)
    names, or [] when none is."""
    paths = []
    for n, text in enumerate(texts):
        paths.append(tmp_path / f"{n}.csv")
        paths[-1].write_text(text, encoding="utf-8")
    try:
        read_assessments(paths, _leaves(), pl.Series(["00001", "00004"]))
    except UsageError as refused:
        return [(Path(p.file or "").name, Path(p.params["other"]).name) for p in refused.problems]  # type: ignore[index]
    return []


def test_only_a_file_whose_every_row_another_holds_is_a_copy(tmp_path: Path) -> None:
    """A row of its own, or another self-score for a repeated value, makes a file no copy; of two
    files with the same rows the second is; a part of a file is, given before it or after."""
    one = LONG + "00001,1.1.2,tasks,có,0.5\n"
    two = one + "00004,1.1.2,tasks,có,0.5\n"
    assert _read(tmp_path, one, two) == [("0.csv", "1.csv")]
    assert _read(tmp_path, two, one) == [("1.csv", "0.csv")]
    assert _read(tmp_path, one, "\ufeff" + one.replace("\n", "\r\n")) == [("1.csv", "0.csv")]
    assert _read(tmp_path, two, two.replace("0.5\n00004", "1\n00004")) == []
    assert _read(tmp_path, one, one.replace(",0.5", ",1")) == []
    assert _read(tmp_path, one, two.replace("00001", "00004", 1)) == []


def test_a_fold_that_names_two_meanings_is_not_guessed() -> None:
    assert folded("  Đạt  chuẩn\u00a0tối thiểu ") == "dat chuan toi thieu"
    assert unambiguous_folds({"có": "a", "co": "b", "đạt": "c", "dat": "c"}) == {"dat": "c"}
    answers = pl.DataFrame({"v": ["khong kip thoi", "Dung han", "chua ban hanh", "cham", "dung", "Chua dat", "xyz"]})
    typed = answers.select(parse_status(pl.col("v")).alias("s"), parse_boolean(pl.col("v")).alias("b"))
    assert typed["s"].to_list() == ["late", "on_time", "not_done", "late", None, None, None]
    assert typed["b"].to_list() == [None, None, None, None, True, False, None]


def test_levels_without_marks_are_read_as_the_example(tmp_path: Path) -> None:
    done = sweep_child([*CASES["well-levels-without-marks"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "bad-value" not in _kinds(_findings(tmp_path))


def test_answers_without_marks_are_read_as_the_example(tmp_path: Path) -> None:
    done = sweep_child([*CASES["well-answers-without-marks"](tmp_path), "--lang", "en", "-q"], tmp_path)
    assert done.returncode == 0, done.stderr
    # The example's own findings, and no more (measured on the example: 337 warnings).
    assert "(0 errors, 337 warnings)" in done.stdout + done.stderr, done.stdout + done.stderr
    # And shown as read, in the output's language (they were shown as typed: «reports=tre han»).
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    header, *rows = book["Criteria"].iter_rows(values_only=True)
    book.close()
    told = " ".join(str(row[header.index("Explanation")]) for row in rows)
    assert "Reports sent (on time / late / not sent)=late" in told
    assert "Standard reached=Below standard" in told
    assert "=tre han" not in told and "=Chua dat chuan" not in told


def test_a_tone_mark_on_either_vowel_is_one_name() -> None:
    names = ["Huyện Thủy Nguyên", "huyện thuỷ  nguyên", "Hòa Bình", "Hoà Bình", "mùa", "của", "Hoàng", "Khỏe", "quý"]
    alike = pl.DataFrame({"n": names}).select(alike_name(pl.col("n")))["n"].to_list()
    assert alike[0] == alike[1] == "huyện thuỷ nguyên"
    assert alike[2] == alike[3] == "hoà bình"
    assert alike[4:] == ["mùa", "của", "hoàng", "khoẻ", "quý"]
    assert pl.select(tone_placed(pl.lit("ủy ban"))).item() == "uỷ ban"


def test_a_district_written_with_both_tone_places_is_one_group(tmp_path: Path) -> None:
    spellings = f"«Huyện Thuỷ Nguyên» ({8 - THUY_NEW}), «Huyện Thủy Nguyên» ({THUY_NEW})"
    one_group(CASES["well-district-tone-marks"](tmp_path), tmp_path, spellings)


def one_group(args: list[str], folder: Path, spellings: str) -> None:
    """``pari ARGS`` in ``folder`` ranks a district written two ways as one group, telling
    ``spellings`` (each with its count) in its group-spellings finding."""
    done = sweep_child([*args, "--lang", "en"], folder)
    assert done.returncode == 0, done.stderr
    cells = _kinds(_findings(folder))
    told = " ".join(cells)
    assert "group-few-units" not in cells, told
    assert spellings in told, told
