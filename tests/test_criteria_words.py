"""A criteria set's keywords where pari shows them to a reader (pari diff, pari criteria import):
Vietnamese words with the keyword beside them, never the bare keyword in a Vietnamese run
(pari_index.messages.criteria_words). ``pari diff`` showed ``loại quy tắc: proportional`` and
``applies_to: ['commune']; not_applicable: not_allowed; …``; the import summary ``(proportional 4)``."""

from __future__ import annotations

import typing

import pytest
from criteria_text import BASE

from pari_index.authoring.diff import diff_sets
from pari_index.criteria import rules
from pari_index.criteria.loading import load_criteria_text
from pari_index.criteria.model import MissingEvidence, NotApplicable, UnitType
from pari_index.messages.criteria_words import POLICY_VALUES, RULE_KINDS, policy_text, rule_kind_text


def rule_kinds() -> set[str]:
    """Every ``kind`` a rule of the criteria format may have (criteria.rules' Literal fields)."""
    kinds = set()
    for value in vars(rules).values():
        fields = getattr(value, "model_fields", None) or {}
        if "kind" in fields and typing.get_origin(fields["kind"].annotation) is typing.Literal:
            kinds |= set(typing.get_args(fields["kind"].annotation))
    return kinds


def test_every_rule_kind_and_policy_value_has_words() -> None:
    assert {"yes_no", "proportional", "tiers", "penalty"} <= rule_kinds()
    assert rule_kinds() == set(RULE_KINDS)
    assert {v.value for v in NotApplicable} == set(POLICY_VALUES["not_applicable"])
    assert {v.value for v in MissingEvidence} == set(POLICY_VALUES["missing_evidence"])
    assert {v.value for v in UnitType} == set(POLICY_VALUES["applies_to"])


# 1.2 changes its rule's kind; 1.1 keeps its rule and changes its policies.
NEW = BASE.replace(
    "        inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}\n",
    "        inputs: {ok: {type: percent}}\n        rule: {kind: proportional, input: ok}\n",
).replace(
    "            - {below: 70, points: 0}\n",
    "            - {below: 70, points: 0}\n        applies_to: [ward]\n        not_applicable: exclude\n",
)


@pytest.mark.parametrize(
    ("lang", "kind", "policy"),
    [
        (
            "vi",
            ("đạt / không đạt (yes_no)", "theo tỷ lệ (proportional)"),
            "áp dụng cho: phường; khi không phát sinh: bỏ khỏi điểm tối đa (chỉ số tính lại theo tỷ lệ)",
        ),
        (
            "en",
            ("yes/no (yes_no)", "proportional"),
            "applies to: ward; when not applicable: left out of the maximum (re-scaled)",
        ),
    ],
)
def test_pari_diff_names_rule_kinds_and_policies_in_words(lang: str, kind: tuple[str, str], policy: str) -> None:
    old = load_criteria_text(BASE, "old.yaml").criteria
    new = load_criteria_text(NEW, "new.yaml").criteria
    changes = {c.what: c for c in diff_sets(old, new, lang)}
    assert (changes["kind"].old, changes["kind"].new) == kind
    assert changes["policy"].new.startswith(policy), changes["policy"].new
    assert "applies_to" not in changes["policy"].old + changes["policy"].new


def test_words_of_the_keywords() -> None:
    assert rule_kind_text("proportional", "vi") == "theo tỷ lệ (proportional)"
    assert rule_kind_text("proportional", "en") == "proportional"
    assert rule_kind_text("yes_no", "en") == "yes/no (yes_no)"
    semantics = {"applies_to": [], "floor": "0", "missing_evidence": "keep"}
    assert policy_text(semantics, ("applies_to", "missing_evidence", "floor"), "vi") == (
        "áp dụng cho: mọi loại đơn vị; khi thiếu minh chứng: giữ điểm, ghi là phát hiện; điểm sàn: 0"
    )
