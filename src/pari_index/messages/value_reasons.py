"""Why a value of a criteria set is refused (a ``schema:value_error``), in Vietnamese. The reasons
are the English sentences of the criteria model's own validators (pari_index.criteria.model, rules,
points); pydantic carries them as ``Value error, <sentence>``. The Vietnamese message was "giá trị
không hợp lệ" alone: a date written 30/02/2025 or a number with text in it said nothing of what to
write, and its hint spoke of points whatever the value was. A sentence not in this table (a
validator added later) is shown in English, marked as such.

tests/test_hostile_sweep18.py walks the validators' sentences in the source and checks that each is
here.
"""

from __future__ import annotations

import re

from pari_index.messages.numbers import format_number
from pari_index.messages.yaml_words import ENGLISH_MARK

#: What a number validator names (rules._exact's ``what``).
_WHAT = {"a number of points": "số điểm", "a number": "giá trị", "points": "số điểm"}

#: English sentence (a regular expression over it, its named groups the user's words) -> Vietnamese.
VALUE_REASONS: tuple[tuple[str, str], ...] = (
    (
        r"expected (?P<what>.+) such as 1, 0\.25 or 7\.5 \(not text, not yes/no\)",
        "cần {what} viết bằng số, ví dụ 1, 0.25 hoặc 7.5 (không phải chữ, không phải yes/no)",
    ),
    (r"(?P<what>.+) must be a finite number", "{what} phải là một số hữu hạn"),
    (r"(?P<what>.+) must lie between (?P<low>\S+) and (?P<high>\S+)", "{what} phải nằm trong khoảng {low} đến {high}"),
    (r"(?P<what>.+) may have at most 4 decimal places", "{what} có tối đa 4 chữ số thập phân"),
    (r"expected a date as YYYY-MM-DD or dd/mm/yyyy", "cần một ngày có thật, viết YYYY-MM-DD hoặc dd/mm/yyyy"),
    (
        r"29 February is not a day of every year: write \{month: 2, day: 28\} or \{month: 3, day: 1\}",
        "ngày 29 tháng 2 không có trong mọi năm: ghi {{month: 2, day: 28}} hoặc {{month: 3, day: 1}}",
    ),
    (r"day (?P<day>\d+) does not exist in month (?P<month>\d+)", "tháng {month} không có ngày {day}"),
    (
        r"give either «from» \(inclusive\) or «above» \(exclusive\), not both",
        "chỉ ghi một trong hai: «from» (tính cả biên) hoặc «above» (không tính biên)",
    ),
    (
        r"give either «to» \(inclusive\) or «below» \(exclusive\), not both",
        "chỉ ghi một trong hai: «to» (tính cả biên) hoặc «below» (không tính biên)",
    ),
    (r"give exactly one of «input» or «rate»", "ghi đúng một trong hai: «input» hoặc «rate»"),
    (
        r"«range» goes with «input» \(a value on that range\), not with «rate»",
        "«range» đi với «input» (một giá trị trên khoảng đó), không đi với «rate»",
    ),
    (r"give exactly one of «points» or «fraction»", "ghi đúng một trong hai: «points» hoặc «fraction»"),
    (r"a node has either «children» or a «rule», not both", "một nút có «children» hoặc «rule», không có cả hai"),
    (r"a leaf needs a «rule» \(or give it «children»\)", "tiêu chí lá cần một «rule» (hoặc cho nó «children»)"),
    (r"'inputs' belong on leaves \(nodes with a rule\)", "«inputs» chỉ thuộc về tiêu chí lá (nút có «rule»)"),
    (
        r"expected a number of decimal places from 0 to (?P<places>\d+), or none \(not (?P<value>.*)\)",
        "cần số chữ số thập phân từ 0 đến {places}, hoặc none (không phải {value})",
    ),
    (r"(?P<value>«.*») is not a number", "{value} không phải là một số"),
    (r"(?P<value>«.*») is not a finite number", "{value} không phải là một số hữu hạn"),
    (r"(?P<value>\S+) has more than (?P<places>\d+) decimal places", "{value} có hơn {places} chữ số thập phân"),
    (
        r"unknown level (?P<value>«.*»): write one of (?P<levels>.+), or a label of your own as "
        r"\{vi: \.\.\., en: \.\.\.\}",
        "cấp không có: {value}; ghi một trong {levels}, hoặc một nhãn riêng dạng {{vi: ..., en: ...}}",
    ),
)
_COMPILED = tuple((re.compile(english, re.DOTALL), vietnamese) for english, vietnamese in VALUE_REASONS)
#: pydantic's prefix of a validator's ValueError.
PREFIX = "Value error, "


#: A bound the validators write as English writes numbers ("-1,000,000").
_ENGLISH_NUMBER = re.compile(r"-?[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?")


def _vietnamese_word(name: str, value: str) -> str:
    """One of a reason's words in Vietnamese: a bound as Vietnamese writes numbers ("−1.000.000",
    where the validator wrote "-1,000,000"), a named thing from :data:`_WHAT`, else as it is."""
    if name in ("low", "high") and _ENGLISH_NUMBER.fullmatch(value):
        return format_number(value.replace(",", ""), "vi")
    return _WHAT.get(value, value)


def value_reason(text: str, lang: str) -> str:
    """A validator's reason (pydantic's ``Value error, …`` prefix dropped) in ``lang``: in
    Vietnamese from :data:`VALUE_REASONS`, else in English marked with ENGLISH_MARK."""
    text = text.removeprefix(PREFIX)
    if lang != "vi":
        return text
    for english, vietnamese in _COMPILED:
        found = english.fullmatch(text)
        if found is not None:
            words = {name: _vietnamese_word(name, value) for name, value in found.groupdict().items()}
            return vietnamese.format(**words)
    return text + ENGLISH_MARK
