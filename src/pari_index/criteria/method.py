"""The scoring method of one rule in plain words, as a decision's annex prints it.

One sentence per rule kind, in Vietnamese (decimal commas, "điểm") and in English. The Vietnamese
text is also what :mod:`.parse` reads back, so every phrase written here has a reader there; the
round-trip tests keep the two in step.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pari_index.criteria.model import Leaf, NotApplicable, Part, UnitType
from pari_index.criteria.rules import (
    Bonus,
    Checklist,
    Choice,
    CountTiers,
    DaysAfter,
    Deadline,
    Deduction,
    InputSpec,
    Interval,
    Penalty,
    Proportional,
    Rate,
    Rule,
    Tiers,
    Timeliness,
    YearDate,
    YesNo,
)
from pari_index.messages import set_text

UNIT_NAMES = {
    "vi": {
        UnitType.commune: "xã",
        UnitType.ward: "phường",
        UnitType.township: "thị trấn",
        UnitType.special_zone: "đặc khu",
    },
    "en": {
        UnitType.commune: "commune",
        UnitType.ward: "ward",
        UnitType.township: "township",
        UnitType.special_zone: "special zone",
    },
}

#: Every phrase of the method text, once per language.
WORDS = {
    "vi": {
        "points": "điểm",
        "met": "Đạt",
        "not_met": "không đạt",
        "on_time": "Đúng thời hạn",
        "late": "chậm thời hạn",
        "not_done": "không thực hiện",
        "by": "Hoàn thành đến hết ngày {d}",
        "after_until": "sau ngày {d} đến hết ngày {u}",
        "after": "sau ngày {d}",
        "after_or_not": "sau ngày {d} hoặc không thực hiện",
        "rate": "Tỷ lệ = [{a}] / [{b}] × 100%:",
        "value": "[{a}]:",
        "no_denominator": "Không phát sinh (mẫu số bằng 0): đạt điểm tối đa.",
        "proportional": "Điểm = tỷ lệ (%) × điểm tối đa",
        "proportional_range": (
            "Điểm = (giá trị − {a}) / ({b} − {a}) × điểm tối đa "
            "(giá trị ngoài khoảng {a}–{b} tính bằng đầu mút gần nhất)"
        ),
        "not_below": "không thấp hơn {p}",
        "not_above": "không quá {p}",
        "checklist": "Cộng điểm cho mỗi nội dung đạt được:",
        "choice": "Chấm theo một trong các mức:",
        "fraction": "{f}% điểm tối đa",
        "times_or_more": "Từ {n} lần trở lên",
        "start": "Tính từ {p}",
        "each_minus": "Mỗi [{a}] trừ {p}",
        "each_plus": "Mỗi [{a}] cộng {p}",
        "has_minus": "Có [{a}]: trừ {p}",
        "has_plus": "Có [{a}]: cộng {p}",
        "at_most": "tối đa {p}",
        "minus_at_most": "trừ tối đa {p}",
        "floor": "Điểm thấp nhất: {p}.",
        "na_full": "Trường hợp không phát sinh: tính điểm tối đa.",
        "na_exclude": "Trường hợp không phát sinh: không tính điểm, loại khỏi tổng điểm tối đa.",
        "applies": "Chỉ áp dụng đối với: {units}.",
        "from": "từ {a}",
        "above": "trên {a}",
        "to": "đến {a}",
        "below": "dưới {a}",
        "and": "đến",
        "from_only": "từ {a} trở lên",
        "any": "Mọi giá trị",
    },
    "en": {
        "points": "points",
        "met": "Met",
        "not_met": "not met",
        "on_time": "On time",
        "late": "late",
        "not_done": "not done",
        "by": "Done by the end of {d}",
        "after_until": "after {d} until the end of {u}",
        "after": "after {d}",
        "after_or_not": "after {d} or not done",
        "rate": "Rate = [{a}] / [{b}] × 100%:",
        "value": "[{a}]:",
        "no_denominator": "Nothing to count (denominator 0): full points.",
        "proportional": "Points = rate (%) × maximum",
        "proportional_range": (
            "Points = (value − {a}) / ({b} − {a}) × maximum (a value outside {a}–{b} counts as the nearer end)"
        ),
        "not_below": "not below {p}",
        "not_above": "not above {p}",
        "checklist": "Points for each condition met:",
        "choice": "One of the levels:",
        "fraction": "{f}% of the maximum",
        "times_or_more": "{n} or more times",
        "start": "Starting from {p}",
        "each_minus": "Each [{a}] takes off {p}",
        "each_plus": "Each [{a}] adds {p}",
        "has_minus": "If [{a}]: {p} off",
        "has_plus": "If [{a}]: {p} added",
        "at_most": "at most {p}",
        "minus_at_most": "at most {p} off",
        "floor": "Lowest score: {p}.",
        "na_full": "If not applicable: full points.",
        "na_exclude": "If not applicable: not scored, left out of the maximum.",
        "applies": "Applies only to: {units}.",
        "from": "from {a}",
        "above": "above {a}",
        "to": "up to {a}",
        "below": "below {a}",
        "and": "to",
        "from_only": "{a} or more",
        "any": "Any value",
    },
}

#: The bullet that starts a listed line ("- " would be taken for a formula by a spreadsheet).
BULLET = "– "


#: The words for the fields an evidence document must give (EvidenceSpec.requires): the annex
#: export and the fill-in template both name them.
EVIDENCE_FIELDS = {
    "vi": {"number": "số", "date": "ngày", "file": "tệp"},
    "en": {"number": "number", "date": "date", "file": "file"},
}


def input_label(spec: InputSpec, lang: str) -> str | None:
    """An input's label in ``lang``: in English its ``label_en``, else its Vietnamese label marked
    with VIETNAMESE_MARK (the reader sees that the words are the set's, not a slip); None when it
    has no label."""
    return set_text(spec.label, spec.label_en, lang) if spec.label else None


def number(value: Decimal | int, lang: str = "vi") -> str:
    """A number as a decision prints it: no exponent, no trailing zeros, a decimal comma in
    Vietnamese (0,25) and a point in English (0.25)."""
    text = format(Decimal(value).normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if lang == "vi" else text


def date_text(day: dt.date | YearDate | DaysAfter, lang: str = "vi", label: str | None = None) -> str:
    """A deadline as a decision writes it: a calendar date, a day of the assessment year (or of the
    year before or after it), or a number of days after a date the unit reports."""
    if isinstance(day, dt.date):
        return f"{day:%d/%m/%Y}"
    en = lang == "en"
    if isinstance(day, DaysAfter):
        what = label or day.of
        return f"{day.days_after} days after {what}" if en else f"{day.days_after} ngày sau {what}"
    years = {
        0: ("of the assessment year", "năm đánh giá"),
        -1: ("of the year before the assessment year", "năm trước năm đánh giá"),
        1: ("of the year after the assessment year", "năm sau năm đánh giá"),
    }
    if day.year in years:
        which = years[day.year][0 if en else 1]
    else:
        which = f"{day.year:+d} years from the assessment year" if en else f"năm đánh giá {day.year:+d} năm"
    return f"{day.day:02d}/{day.month:02d} {which}"


def range_text(band: Interval, lang: str = "vi", percent: bool = True) -> str:
    """A range in words as a decision writes it: "từ 80% đến dưới 100%", "dưới 70%"."""
    words = WORDS[lang]

    def edge(value: Decimal) -> str:
        return number(value, lang) + ("%" if percent else "")

    parts: list[str] = []
    lower, upper = band.lower, band.upper
    if lower is not None:
        key = ("from" if upper is not None else "from_only") if lower[1] else "above"
        parts.append(words[key].format(a=edge(lower[0])))
    if upper is not None:
        text = words["to" if upper[1] else "below"].format(a=edge(upper[0]))
        parts.append(f"{words['and']} {text}" if parts and not upper[1] else text)
    return " ".join(parts) if parts else words["any"]


class _Writer:
    """The method text of one leaf in one language."""

    def __init__(self, leaf: Leaf, lang: str) -> None:
        self.leaf = leaf
        self.lang = lang
        self.w = WORDS[lang]

    def pts(self, value: Decimal | None) -> str:
        amount = value if value is not None else self.leaf.max
        word = "point" if self.lang == "en" and amount == 1 else self.w["points"]
        return f"{number(amount, self.lang)} {word}"

    def label(self, name: str) -> str:
        spec: InputSpec | None = self.leaf.inputs.get(name)
        if spec is None:
            return name
        return input_label(spec, self.lang) or name

    def set_words(self, text: str, english: str | None = None) -> str:
        """Words of the set (a checklist item's, a level's label) in the output's language: in
        English its ``label_en``, else the Vietnamese marked as such, as pari explain marks them."""
        return set_text(text, english, self.lang)

    def clause(self, condition: str, points: Decimal | None) -> str:
        return f"{condition}: {self.pts(points)}"

    def capital(self, text: str) -> str:
        return text[:1].upper() + text[1:]

    def join(self, clauses: list[str]) -> str:
        return self.capital("; ".join(clauses))

    def source_line(self, input_name: str | None, rate: Rate | None) -> str:
        if rate is not None:
            return self.w["rate"].format(a=self.label(rate.numerator), b=self.label(rate.denominator))
        assert input_name is not None
        return self.w["value"].format(a=self.label(input_name))

    def uses_percent(self, input_name: str | None, rate: Rate | None) -> bool:
        if rate is not None:
            return True
        spec = self.leaf.inputs.get(input_name or "")
        return spec is not None and spec.type.value == "percent"

    def rule_lines(self, rule: Rule) -> list[str]:
        writer = getattr(self, f"_{rule.kind}")
        lines: list[str] = writer(rule)
        return lines

    def _yes_no(self, rule: YesNo) -> list[str]:
        return [self.join([self.clause(self.w["met"], rule.yes), self.clause(self.w["not_met"], rule.no)])]

    def _timeliness(self, rule: Timeliness) -> list[str]:
        clauses = [self.clause(self.w["on_time"], rule.on_time), self.clause(self.w["late"], rule.late)]
        clauses.append(self.clause(self.w["not_done"], rule.not_done))
        return [self.join(clauses)]

    def deadline_text(self, day: dt.date | YearDate | DaysAfter) -> str:
        label = None
        if isinstance(day, DaysAfter) and day.of in self.leaf.inputs:
            label = input_label(self.leaf.inputs[day.of], self.lang)
        return date_text(day, self.lang, label)

    def _deadline(self, rule: Deadline) -> list[str]:
        day = self.deadline_text(rule.deadline)
        clauses = [self.clause(self.w["by"].format(d=day), rule.on_time)]
        if rule.late_until is not None:
            until = self.deadline_text(rule.late_until)
            clauses.append(self.clause(self.w["after_until"].format(d=day, u=until), rule.late))
            clauses.append(self.clause(self.w["after_or_not"].format(d=until), rule.not_done))
        else:
            clauses.append(self.clause(self.w["after"].format(d=day), rule.late))
            clauses.append(self.clause(self.w["not_done"], rule.not_done))
        return [self.join(clauses)]

    def _tiers(self, rule: Tiers) -> list[str]:
        percent = self.uses_percent(rule.input, rule.rate)
        lines = [self.source_line(rule.input, rule.rate)]
        lines += [BULLET + self.capital(self.clause(range_text(t, self.lang, percent), t.points)) for t in rule.tiers]
        if rule.when_no_denominator == "full_points":
            lines.append(self.w["no_denominator"])
        return lines

    def _proportional(self, rule: Proportional) -> list[str]:
        sentence = self.w["proportional"]
        if rule.range is not None:
            low, high = number(rule.range.from_, self.lang), number(rule.range.to, self.lang)
            sentence = self.w["proportional_range"].format(a=low, b=high)
        if rule.floor != 0:
            sentence += ", " + self.w["not_below"].format(p=self.pts(rule.floor))
        if rule.cap is not None:
            sentence += ", " + self.w["not_above"].format(p=self.pts(rule.cap))
        lines = [self.source_line(rule.input, rule.rate), sentence + "."]
        if rule.when_no_denominator == "full_points":
            lines.append(self.w["no_denominator"])
        return lines

    def _checklist(self, rule: Checklist) -> list[str]:
        items = [
            BULLET
            + self.clause(
                self.set_words(item.label, item.label_en) if item.label else self.label(item.input), item.points
            )
            for item in rule.items
        ]
        return [self.w["checklist"], *items]

    def _choice(self, rule: Choice) -> list[str]:
        lines = [self.w["choice"]]
        for level in rule.levels:
            name = self.set_words(level.label, level.label_en) if level.label else level.value
            if level.fraction is not None:
                lines.append(f"{BULLET}{name}: " + self.w["fraction"].format(f=number(level.fraction * 100, self.lang)))
            else:
                lines.append(BULLET + self.clause(name, level.points))
        return lines

    def _count_tiers(self, rule: CountTiers) -> list[str]:
        lines = [self.source_line(rule.input, None)]
        for tier in rule.tiers:
            lines.append(BULLET + self.clause(self.w["times_or_more"].format(n=tier.at_least), tier.points))
        return lines

    def _per_occurrence(self, input_name: str, per: Decimal, sign: str, cap: str | None) -> list[str]:
        spec = self.leaf.inputs.get(input_name)
        each = spec is None or spec.type.value != "boolean"
        key = ("each_" if each else "has_") + sign
        sentence = self.w[key].format(a=self.label(input_name), p=self.pts(per))
        if cap is not None and each:
            sentence += ", " + self.w[cap].format(p=self.pts(self.leaf.max))
        return [sentence + "."]

    def _deduction(self, rule: Deduction) -> list[str]:
        lines = self._per_occurrence(rule.input, rule.per, "minus", None)
        if rule.start is not None:
            lines.insert(0, self.w["start"].format(p=self.pts(rule.start)) + ";")
        return lines

    def _bonus(self, rule: Bonus) -> list[str]:
        return self._per_occurrence(rule.input, rule.per, "plus", "at_most")

    def _penalty(self, rule: Penalty) -> list[str]:
        return self._per_occurrence(rule.input, rule.per, "minus", "minus_at_most")

    def policy_lines(self) -> list[str]:
        leaf, w = self.leaf, self.w
        lines: list[str] = []
        if leaf.floor != 0:
            lines.append(w["floor"].format(p=self.pts(leaf.floor)))
        if leaf.part is not Part.adjustment:
            if leaf.not_applicable is NotApplicable.full_points:
                lines.append(w["na_full"])
            elif leaf.not_applicable is NotApplicable.exclude:
                lines.append(w["na_exclude"])
        if leaf.applies_to:
            names = UNIT_NAMES[self.lang]
            units = ", ".join(names[u] for u in UnitType if u in leaf.applies_to)
            lines.append(w["applies"].format(units=units))
        return lines


def method_text(leaf: Leaf, lang: str = "vi") -> str:
    """The scoring method of ``leaf`` in plain words, one line per clause group: what a decision's
    annex prints in its "phương pháp chấm điểm" column. ``lang`` is "vi" or "en"."""
    writer = _Writer(leaf, lang if lang in WORDS else "vi")
    return "\n".join([*writer.rule_lines(leaf.rule), *writer.policy_lines()])


__all__ = ["BULLET", "UNIT_NAMES", "WORDS", "date_text", "method_text", "number", "range_text"]
