"""The hostile criteria cases of session 39 (tests/hostile_criteria39.py), run as ``pari`` children."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from children import pari_child
from hostile_criteria39 import CASES, PROBLEMS, WARNINGS

from pari_index.authoring.workbook_in import read_annex


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(WARNINGS))
def test_an_annex_cell_problem_is_told_as_the_import_s_in_each_language(tmp_path: Path, case: str, lang: str) -> None:
    argv = CASES[case](tmp_path)
    annex_bytes_before = (tmp_path / "phu-luc.xlsx").read_bytes()
    done = pari_child([*argv, "--lang", lang], tmp_path, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    warning = "cảnh báo: " if lang == "vi" else "warning: "
    expected = WARNINGS[case][0 if lang == "vi" else 1]
    assert f"{warning}{tmp_path / 'phu-luc.xlsx'} {expected}\n" in said, said
    # No scoring run's words: nothing of an import is scored.
    for scoring in ("[merged-cells]", "[hidden-rows]", "[hidden-columns]", "chấm lại", "score again"):
        assert scoring not in said, said
    assert (tmp_path / "phu-luc.xlsx").read_bytes() == annex_bytes_before
    assert (tmp_path / "bo.yaml").is_file()


def test_a_maximum_merged_down_leaves_the_second_item_a_todo(tmp_path: Path) -> None:
    CASES["annex-maximum-merged-down"](tmp_path)
    done = pari_child(["criteria", "import", "phu-luc.xlsx", "-o", "bo.yaml"], tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    draft = yaml.safe_load((tmp_path / "bo.yaml").read_text(encoding="utf-8"))
    first, second = draft["areas"][0]["children"][0]["children"][:2]
    assert (first["id"], first["max"]) == ("1.1.1", 1)
    assert (second["id"], second["max"]) == ("1.1.2", None)
    assert "dòng 9, cột «Điểm tối đa»: «» — thiếu điểm tối đa" in second["todo"]


def test_the_import_s_warnings_keep_their_parameters_and_rows(tmp_path: Path) -> None:
    CASES["annex-row-hidden"](tmp_path)
    book = read_annex(tmp_path / "phu-luc.xlsx", "phu-luc.xlsx")
    found = [(p.code, p.severity, p.row, dict(p.params or {})) for p in book.problems]
    assert found == [
        ("annex-merged-cells", "warning", 17, {"cells": "E17:E18"}),
        ("annex-hidden-rows", "warning", 9, {"count": 1, "rows": "9"}),
    ]
    # The hidden row is drafted, as every other row is: nothing a user gave is dropped.
    assert [row.number for row in book.rows if row.row == 9] == ["1.2"]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(PROBLEMS))
def test_a_key_yaml_reads_as_no_text_is_told_at_the_key_as_written(tmp_path: Path, case: str, lang: str) -> None:
    argv = CASES[case](tmp_path)
    done = pari_child([*argv, "--lang", lang], tmp_path, timeout=120)
    said = (done.stdout + done.stderr).replace(f"{tmp_path}/", "")
    assert done.returncode == 1, said
    problems = [line for line in said.splitlines() if line.startswith(("lỗi: ", "error: "))]
    assert problems == PROBLEMS[case][0 if lang == "vi" else 1], said
    for internal in ("None", "Keys should be strings", "inputs.1", "rule.yes_no", "Traceback", "hợp lệ —", "valid —"):
        assert internal not in said, said


def test_every_case_is_checked() -> None:
    assert sorted(CASES) == sorted([*WARNINGS, *PROBLEMS])


@pytest.mark.parametrize(
    ("text", "kind"),
    [("{points: 0,5}", "yaml-decimal-comma"), ("{points: 0, 5: 1}", "yaml-key-not-text")],
)
def test_the_digits_a_decimal_comma_split_off_are_told_once_as_that_number(text: str, kind: str) -> None:
    from hostile_criteria import small_set

    from pari_index.criteria.loading import load_criteria_text
    from pari_index.errors import CriteriaError

    with pytest.raises(CriteriaError) as refused:
        load_criteria_text(small_set().replace("{above: 90, points: 2}", "{above: 90, " + text[1:]), "bo.yaml")
    assert [p.code for p in refused.value.problems if p.code.startswith("yaml-")] == [kind]


def test_a_level_s_answers_are_its_texts_as_a_cell_is_read() -> None:
    from pari_index.criteria.rules import Level

    level = Level.model_validate({"value": "b", "label": " Chưa đạt ", "label_en": "Not met ", "points": 0})
    assert level.answers() == ["b", "chưa đạt", "not met"]
