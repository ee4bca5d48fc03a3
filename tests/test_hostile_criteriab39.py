"""The hostile criteria cases of criteriab39 (tests/hostile_criteriab39.py), run as ``pari`` children."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from children import pari_child
from hostile_criteriab39 import CASES, ENCODINGS, PROBLEMS, SPELLINGS

from pari_index.criteria.rules import Level, answer_key


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(PROBLEMS))
def test_labels_that_differ_only_in_spaces_case_or_unicode_form_are_ambiguous(
    tmp_path: Path, case: str, lang: str
) -> None:
    argv = CASES[case](tmp_path)
    done = pari_child([*argv, "--lang", lang], tmp_path, timeout=120)
    said = (done.stdout + done.stderr).replace(f"{tmp_path}/", "")
    assert done.returncode == 1, said
    problems = [line for line in said.splitlines() if line.startswith(("lỗi: ", "error: "))]
    assert problems == [PROBLEMS[case][0 if lang == "vi" else 1]], said


def test_every_spelling_of_a_label_scores_its_level(tmp_path: Path) -> None:
    argv = CASES["scored-spellings"](tmp_path)
    done = pari_child([*argv, "--lang", "vi"], tmp_path, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    with (tmp_path / "out" / "criteria.csv").open(encoding="utf-8-sig") as f:
        rows = [row for row in csv.DictReader(f) if row["criterion_id"] == "1.2"]
    assert [(row["commune_code"], row["branch"], row["final_score"]) for row in rows] == [
        (f"{n:05d}", "level:a", "8.0") for n in range(1, len(SPELLINGS) + 1)
    ]
    assert all(row["explanation"].startswith("Mức “Đạt chuẩn” → 8 điểm") for row in rows), rows


@pytest.mark.parametrize(
    ("typed", "key"),
    [("Đạt  chuẩn", "đạt chuẩn"), (" ĐẠT\tCHUẨN ", "đạt chuẩn"), ("Đa\u0323t", "đạt"), ("a\u00a0b", "a b")],
)
def test_an_answer_is_compared_composed_lower_case_with_one_space_between_words(typed: str, key: str) -> None:
    assert answer_key(typed) == key


def test_a_level_s_answers_are_read_as_a_cell_is() -> None:
    level = Level(value="a", label="Đạt  chuẩn", label_en="Up  to standard", points=1)
    assert level.answers() == ["a", "đạt chuẩn", "up to standard"]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(ENCODINGS))
def test_a_set_not_in_utf8_is_told_its_likely_encoding_and_how_to_convert(tmp_path: Path, case: str, lang: str) -> None:
    argv = CASES[case](tmp_path)
    before = (tmp_path / "bo.yaml").read_bytes()
    done = pari_child([*argv, "--lang", lang], tmp_path, timeout=120)
    said = (done.stdout + done.stderr).replace(f"{tmp_path}/", "")
    assert done.returncode == 1, said
    problem, hint = ENCODINGS[case][0 if lang == "vi" else 1]
    lines = said.splitlines()
    assert problem in lines, said
    assert lines[lines.index(problem) + 1] == hint, said
    assert (tmp_path / "bo.yaml").read_bytes() == before


def test_every_case_is_checked() -> None:
    assert sorted(CASES) == sorted([*PROBLEMS, *ENCODINGS, "scored-spellings", "annex-in-tcvn3"])


@pytest.mark.parametrize(
    ("lang", "refusal"),
    [
        ("vi", "không soạn bản nháp để tránh tên tiêu chí bị lỗi phông [annex-legacy-font]"),
        ("en", "no draft was written, rather than draft garbled titles [annex-legacy-font]"),
    ],
)
def test_an_annex_in_a_legacy_font_is_refused_in_the_import_s_words(tmp_path: Path, lang: str, refusal: str) -> None:
    argv = CASES["annex-in-tcvn3"](tmp_path)
    done = pari_child([*argv, "--lang", lang], tmp_path, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert refusal in said, said
    for scoring in ("chấm", "score", "[legacy-font]"):
        assert scoring not in said, said
    assert not (tmp_path / "bo.yaml").exists()
