"""Names of a criteria set a reader cannot tell apart (criteria/validation: ``case-twin``,
``duplicate-class``).

Before (session 21): ``pari validate`` accepted two items ``1.1.a`` and ``1.1.A``, two inputs
``tasks`` and ``Tasks`` of one item (a form's headings are read whatever their case: the filled
form's two columns were one), and two classes named «Tốt»: a unit at 70.35 % was classed «Tốt»
with «Tốt» as its next class, 9.65 points away, exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.criteria.loading import load_criteria_text
from pari_index.errors import CriteriaError

ROOT = Path(__file__).resolve().parent.parent
HA_NOI = (ROOT / "criteria" / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")


def _problems_of(text: str) -> list[tuple[str, int | None, str]]:
    with pytest.raises(CriteriaError) as raised:
        load_criteria_text(text, "set.yaml")
    return [(p.code, p.line, p.message) for p in raised.value.problems]


def _problems(old: str, new: str, count: int = 1) -> list[tuple[str, int | None, str]]:
    assert HA_NOI.count(old) >= count
    return _problems_of(HA_NOI.replace(old, new, count))


def test_two_ids_differing_only_in_case_are_an_error_at_the_second() -> None:
    text = HA_NOI.replace('- id: "1.1.1"', '- id: "1.1.a"', 1)
    assert _problems_of(text.replace('- id: "1.1.2"', '- id: "1.1.A"', 1)) == [
        (
            "case-twin",
            98,
            "«1.1.A» differs from «1.1.a» (line 88) only in letter case: a form's headings and a "
            "reader take them for one",
        )
    ]


def test_two_inputs_of_an_item_differing_only_in_case_are_an_error() -> None:
    text = HA_NOI.replace("deadlines: {type: boolean", "Tasks: {type: boolean", 1)
    text = text.replace("{input: deadlines, points: 0.25}", "{input: Tasks, points: 0.25}", 1)
    assert _problems_of(text) == [
        (
            "case-twin",
            104,
            "«1.1.2:Tasks» differs from «1.1.2:tasks» (line 102) only in letter case: a form's "
            "headings and a reader take them for one",
        )
    ]


def test_two_classes_of_one_name_in_either_language_are_an_error() -> None:
    assert _problems('{name: "Khá", en: "Fair"', '{name: "tốt ", en: "Fair"') == [
        ("duplicate-class", 73, "classes 2 and 3 are both named «tốt »: a reader cannot tell them apart")
    ]
    assert [p[0:2] for p in _problems('en: "Fair"', 'en: "GOOD"')] == [("duplicate-class", 73)]


def test_the_bundled_sets_have_no_twins() -> None:
    for path in sorted((ROOT / "criteria").glob("*.yaml")):
        load_criteria_text(path.read_text(encoding="utf-8"), str(path))


def test_pari_validate_says_it_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(HA_NOI.replace('{name: "Khá", en: "Fair"', '{name: "Tốt", en: "Fair"'), encoding="utf-8")
    done = CliRunner().invoke(main, ["validate", str(path)])
    assert done.exit_code == 1
    assert "xếp loại thứ 2 và thứ 3 cùng tên «Tốt»: người đọc không phân biệt được [duplicate-class]" in done.output
