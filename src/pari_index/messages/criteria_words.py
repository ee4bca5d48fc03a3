"""The words of a criteria set's keywords where pari shows them to a reader (``pari diff``, the
summary of ``pari criteria import``): a rule's kind and an item's policies. The keyword stays beside
the Vietnamese words (it is what the YAML says); English shows the keyword's own words.

tests/test_criteria_words.py checks that every rule kind and every policy value of the criteria
model has its words here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pari_index.messages.words import Words

#: A rule's ``kind`` (criteria.rules).
RULE_KINDS: dict[str, Words] = {
    "yes_no": Words("đạt / không đạt", "yes/no"),
    "timeliness": Words("đúng hạn / muộn / không thực hiện", "on time / late / not done"),
    "deadline": Words("theo hạn", "deadline"),
    "tiers": Words("theo các mức của một giá trị", "tiers of a value"),
    "proportional": Words("theo tỷ lệ", "proportional"),
    "checklist": Words("danh mục nội dung", "checklist"),
    "count_tiers": Words("theo số lần", "tiers of a count"),
    "choice": Words("chọn một mức", "choice"),
    "deduction": Words("trừ điểm mỗi lần", "deduction per occurrence"),
    "bonus": Words("điểm thưởng", "bonus"),
    "penalty": Words("điểm phạt", "penalty"),
}

#: An item's policies as ``pari diff`` names them: the key, then the words of each value.
POLICY_KEYS: dict[str, Words] = {
    "applies_to": Words("áp dụng cho", "applies to"),
    "not_applicable": Words("khi không phát sinh", "when not applicable"),
    "missing_evidence": Words("khi thiếu minh chứng", "when evidence is missing"),
    "floor": Words("điểm sàn", "floor"),
}
POLICY_VALUES: dict[str, dict[str, Words]] = {
    "applies_to": {
        "commune": Words("xã", "commune"),
        "ward": Words("phường", "ward"),
        "township": Words("thị trấn", "township"),
        "special_zone": Words("đặc khu", "special zone"),
    },
    "not_applicable": {
        "not_allowed": Words("không được phép", "not allowed"),
        "full_points": Words("tính đủ điểm", "full points"),
        "exclude": Words("bỏ khỏi điểm tối đa (chỉ số tính lại theo tỷ lệ)", "left out of the maximum (re-scaled)"),
    },
    "missing_evidence": {
        "zero": Words("0 điểm trừ khi giải trình được chấp nhận", "0 points unless an explanation is accepted"),
        "keep": Words("giữ điểm, ghi là phát hiện", "points kept, recorded as a finding"),
    },
}

_ALL = Words("mọi loại đơn vị", "every unit type")


def rule_kind_text(kind: str, lang: str) -> str:
    """A rule's kind for a reader: ``theo tỷ lệ (proportional)``; in English ``proportional``."""
    words = RULE_KINDS.get(kind)
    if words is None:
        return kind
    return words.en if lang == "en" and words.en == kind else f"{words.get(lang)} ({kind})"


def _value(key: str, value: Any, lang: str) -> str:
    if isinstance(value, Sequence) and not isinstance(value, str):
        shown = [_value(key, v, lang) for v in value]
        return ", ".join(shown) if shown else _ALL.get(lang)
    words = POLICY_VALUES.get(key, {}).get(str(value))
    return str(value) if words is None else words.get(lang)


def policy_text(semantics: Mapping[str, Any], keys: Sequence[str], lang: str) -> str:
    """An item's policies, ``áp dụng cho: xã, phường; khi không phát sinh: tính đủ điểm; …``."""
    return "; ".join(
        f"{POLICY_KEYS[k].get(lang) if k in POLICY_KEYS else k}: {_value(k, semantics[k], lang)}" for k in keys
    )
