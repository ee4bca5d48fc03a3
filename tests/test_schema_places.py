"""Where a criteria set's structure is wrong, said as its author reads the YAML: from the nearest
area or criterion by its id, then the keys they wrote, a list's entries counted from 1.

Before session 27 both languages showed pydantic's location, positions from 0 and the tags of
its unions: ``areas.9.children.0.children.4.rule.tiers.tiers.2.from`` for the third tier of 10.1.5,
``classes.2.name`` for the third class, ``rule.deadline.fixed`` for a ``deadline:`` written as a date;
and in English pydantic's own sentence for a rule kind ("Input tag 'choise' found using 'kind' …")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pari_index.criteria.loading import load_criteria_text
from pari_index.errors import CriteriaError, Problem

HA_NOI = Path(__file__).parent.parent / "criteria" / "ha-noi-2025-commune.yaml"

#: A change to the Hà Nội set, and where its one problem is said to be.
CASES = {
    "a class without its name": ('{name: "Khá", en: "Fair",', '{en: "Fair",', "classes[3].name"),
    "a class's key misspelt": ('colour: "#f2c200"}', 'colour: "#f2c200", mau: 1}', "classes[3].mau"),
    "an area's title as a list": (
        'title: {vi: "Công tác chỉ đạo, điều hành cải cách hành chính", en: "Direction and administration of '
        'administrative reform"}',
        "title: [a, b]",
        "1 › title",
    ),
    "a tier's bound in words": (
        "{from: 50, below: 100, points: 0.5}",
        "{from: năm, below: 100, points: 0.5}",
        "3.2.2 › rule.tiers[2].from",
    ),
}


def _problems(old: str, new: str) -> list[Problem]:
    text = HA_NOI.read_text(encoding="utf-8")
    assert old in text, old
    with pytest.raises(CriteriaError) as info:
        load_criteria_text(text.replace(old, new, 1), "set.yaml")
    return info.value.problems


@pytest.mark.parametrize("case", CASES)
def test_a_structure_problem_is_placed_by_ids_keys_and_positions_from_one(case: str) -> None:
    old, new, where = CASES[case]
    [problem] = _problems(old, new)
    assert problem.code.startswith("schema:")
    for lang in ("vi", "en"):
        assert f": {where}: " in problem.render(lang), problem.render(lang)


def test_no_message_shows_positions_from_zero_or_the_unions_tags() -> None:
    """Every tier bound of the set written in words: each refusal names its criterion by id and
    its tier from 1, never ``areas.N`` or ``tiers.tiers``."""
    text = HA_NOI.read_text(encoding="utf-8")
    broken = re.sub(r"\{from: (\d+), below", r"{from: số\1, below", text)
    assert broken != text
    with pytest.raises(CriteriaError) as info:
        load_criteria_text(broken, "set.yaml")
    shown = [p.render(lang) for p in info.value.problems for lang in ("vi", "en")]
    assert len(shown) >= 4
    for line in shown:
        assert not re.search(r"areas\.\d|children\.\d|tiers\.\d|tiers\.tiers", line), line
    assert any(re.search(r": \d+(\.\d+)+ › rule\.tiers\[\d\]\.from: ", line) for line in shown), shown


def test_a_wrong_rule_kind_is_told_in_the_catalogues_words_in_english_too() -> None:
    text = HA_NOI.read_text(encoding="utf-8")
    kind = re.search(r"kind: (\w+)", text)
    assert kind
    with pytest.raises(CriteriaError) as info:
        load_criteria_text(text.replace(kind.group(0), "kind: choise", 1), "set.yaml")
    [problem] = info.value.problems
    english = problem.render("en")
    assert "kind «choise» is not a rule kind; the kinds are «yes_no»" in english, english
    assert "Input tag" not in english
    assert "kind «choise» không phải là một loại quy tắc" in problem.render("vi")
