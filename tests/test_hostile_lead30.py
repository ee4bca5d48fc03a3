"""What the cases of tests/hostile_lead30.py answer, as real child processes: an annex typed
another way drafts what the example annex drafts; the English reading copy is refused; a second
annex sheet is told; a register that lost its codes' zeros is named as the one to correct."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from children import answers_its_case
from hostile_lead30 import ANNEX, CASES, EXPECTED

EXAMPLE_DRAFT = ANNEX.with_name("phu-luc-mau.draft.yaml")


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


def _drafted(path: Path) -> dict[str, dict[str, Any]]:
    """Each node of a draft by id: what scores (the todo's words quote the cell, so only whether
    there is one)."""
    found: dict[str, dict[str, Any]] = {}

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            kept = ("max", "rule", "inputs", "applies_to", "not_applicable", "floor", "evidence")
            found[str(node["id"])] = {key: node.get(key) for key in kept} | {"todo": "todo" in node}
            walk(node.get("children") or [])

    walk(yaml.safe_load(path.read_text(encoding="utf-8"))["areas"])
    return found


@pytest.mark.parametrize(
    "case", ["import-an-annex-typed-with-full-width-punctuation", "import-an-annex-with-short-units-and-full-stops"]
)
def test_an_annex_typed_another_way_drafts_what_the_example_drafts(tmp_path: Path, case: str) -> None:
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    assert _drafted(tmp_path / "du-thao.yaml") == _drafted(EXAMPLE_DRAFT)


def test_the_english_reading_copy_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    case = "import-the-english-reading-copy"
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], not_written=("du-thao.yaml",))
    assert "đây là bản đọc tiếng Anh do «pari criteria export --lang en» ghi" in said


def test_a_second_annex_sheet_is_told(tmp_path: Path) -> None:
    case = "import-an-annex-with-a-second-annex-sheet"
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    assert "cảnh báo: " in said and "trang «Phụ lục II» cũng có bảng phụ lục" in said
    assert _drafted(tmp_path / "du-thao.yaml") == _drafted(EXAMPLE_DRAFT)


def test_a_register_that_lost_its_zeros_is_named_as_the_one_to_correct(tmp_path: Path) -> None:
    case = "score-with-a-register-that-lost-its-zeros"
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], not_written=("out.xlsx",))
    assert "danh sách có mã 1, mã đã mất các số 0 ở đầu" in said and "sửa mã trong danh sách đơn vị" in said
