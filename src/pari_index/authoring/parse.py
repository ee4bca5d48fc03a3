"""Reading a scoring method written in Vietnamese back into a rule.

The phrasings recognised are the ones decisions use and :mod:`.method` writes: timeliness ("đúng
thời hạn: 0,5 điểm; chậm: 0,25 điểm"), deadlines by date, ladders ("từ 80% đến dưới 100%: 1
điểm", "trên …", "dưới …"), counts ("từ 3 lần trở lên"), checklists, named levels, proportional
points, deductions per occurrence ("mỗi … trừ 0,25 điểm") and bonus and penalty points with their
cap. Anything else is not guessed: the reader returns the reason, and the draft gets a ``todo:``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from pari_index.authoring.notes import Note

# Every pattern here is tried on a cell of up to 32,767 characters, so none may try each start
# against each length: a number starts only where no digit is before it (?<![\d.,]); a condition
# ends on a letter (.*?\S), and a run of spaces is taken whole (\s*+). Before, one method cell of
# 30,000 digits and "x: 1 điểm" took 375 s (tests/hostile_faults12.py, annex-backtracking-cells).
NUMBER = r"(?<![\d.,])[-−]?\d+(?:[.,]\d+)*"
#: The word for points after a number: «điểm», or «đ» as tables abbreviate it (not the «đ» of «đạt»).
POINTS_WORD = r"(?:điểm|đ)(?!\w)"
POINTS_AT_END = re.compile(
    r"^(?P<cond>(?:.*?\S)?)\s*+[:：]\s*+(?:(?P<sign>cộng|trừ)\s*+)?(?P<num>" + NUMBER + r")\s*+(?:(?:điểm|đ)\s*+)?$",
    re.IGNORECASE,  # «1 Điểm», «TRỪ 1 ĐIỂM» as a typist capitalises them
)
#: The points in brackets after the condition («Đạt chuẩn (2 điểm)», «Có vi phạm (trừ 1 điểm)») or
#: after an equals sign («Đạt = 0,5 điểm»), the unit written, so that a bracket of other words
#: («(năm 2025)», «(tối đa 2 điểm)») is none, and a first line «Điểm tối đa = 2:» stays a heading
#: (clause_of only: _header asks POINTS_AT_END).
_POINTS_IN_BRACKETS = re.compile(
    r"^(?P<cond>.*?\S)\s*+\(\s*+(?:(?P<sign>cộng|trừ)\s*+)?(?P<num>" + NUMBER + r")\s*+" + POINTS_WORD + r"\s*+\)$",
    re.IGNORECASE,
)
_POINTS_AFTER_EQUALS = re.compile(
    r"^(?P<cond>.*?\S)\s*+=\s*+(?:(?P<sign>cộng|trừ)\s*+)?(?P<num>" + NUMBER + r")\s*+" + POINTS_WORD + r"\s*+$",
    re.IGNORECASE,
)
_FRACTION_AT_END = re.compile(
    r"^(?P<cond>(?:.*?\S)?)\s*+[:：]\s*+(?P<num>" + NUMBER + r")\s*+%\s*+(?:số\s++)?điểm\s++tối\s++đa\s*+$",
    re.IGNORECASE,
)
#: The marks a list item may start with (a method's lines, an annex's evidence documents).
BULLETS = "-–—+•*·"
DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
RATE_HEAD = re.compile(r"^tỷ lệ\s*=?\s*\[(?P<a>[^\]]+)\]\s*/\s*\[(?P<b>[^\]]+)\]", re.IGNORECASE)
BRACKET = re.compile(r"\[([^\[\]]+)\]")

# Ladder phrases, longest first at each position: "từ 80% đến dưới 100%" before "dưới 100%".
_N = r"(" + NUMBER + r")(?:\s*+(%))?"
_RANGES: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(rf"từ\s+{_N}\s+đến\s+dưới\s+{_N}"), ("from", "below")),
    (re.compile(rf"từ\s+{_N}\s+(?:đến|tới)\s+(?:hết\s+)?{_N}"), ("from", "to")),
    (re.compile(rf"trên\s+{_N}\s+đến\s+dưới\s+{_N}"), ("above", "below")),
    (re.compile(rf"trên\s+{_N}\s+(?:đến|tới)\s+{_N}"), ("above", "to")),
    (re.compile(rf"{_N}\s*[-–]\s*dưới\s+{_N}"), ("from", "below")),
    (re.compile(rf"(?:từ\s+)?{_N}\s*(?:lần\s+|cuộc\s+|buổi\s+)?trở\s+lên"), ("from",)),
    (re.compile(rf"(?:từ\s+)?{_N}\s*(?:lần\s+|cuộc\s+|buổi\s+)?trở\s+xuống"), ("to",)),
    (re.compile(rf"(?:≥|>=)\s*{_N}"), ("from",)),
    (re.compile(rf"(?:≤|<=)\s*{_N}"), ("to",)),
    (re.compile(rf"(?:trên|>|lớn hơn)\s+{_N}|>\s*{_N}"), ("above",)),
    (re.compile(rf"(?:dưới|<|nhỏ hơn|thấp hơn)\s+{_N}|<\s*{_N}"), ("below",)),
    (re.compile(rf"từ\s+{_N}"), ("from",)),
    (re.compile(rf"(?:không quá|đến|tối đa)\s+{_N}"), ("to",)),
    (re.compile(rf"^(?:đạt|bằng)?\s*{_N}\s*(?:lần|cuộc|buổi)?$"), ("exactly",)),
]
#: "70 - 90%": a range that does not say which band holds its edges.
AMBIGUOUS = re.compile(rf"{_N}\s*[-–]\s*{_N}")
COUNT_WORDS = re.compile(r"\b(lần|cuộc|buổi|kỳ)\b")
ON_TIME = re.compile(r"đúng\s+(thời\s+)?hạn|kịp\s+thời|đúng\s+quy\s+định\s+về\s+thời\s+gian")
LATE = re.compile(r"chậm|muộn|quá\s+hạn|trễ")
NOT_DONE = re.compile(r"^(không|chưa)\b|không\s+(thực\s+hiện|ban\s+hành|gửi|báo\s+cáo)")
UNITS = {"xã": "commune", "phường": "ward", "thị trấn": "township", "đặc khu": "special_zone"}


#: A number with thousands points (``1.000``, ``2.500``): one thousand as Vietnamese text writes it,
#: but one (or two and a half) with a decimal point.
THOUSANDS_POINTS = re.compile(r"-?[1-9]\d{0,2}(?:\.\d{3})+")


def points_in_thousands(written: str) -> dict[str, str] | None:
    """For points written with thousands points (``1.000``): the two readings, for the note
    ``points-thousands``; None for any other text. A PAR item is worth a few points, so which was
    meant is asked, never guessed (the draft's maximum, summed into the scale, was 1,000)."""
    text = written.strip().replace(" ", "")
    if not THOUSANDS_POINTS.fullmatch(text):
        return None
    decimal = format(Decimal(text).normalize(), "f").replace(".", ",")
    return {"written": text, "thousands": text.replace(".", ""), "decimal": decimal}


def parse_number(text: str) -> Decimal | None:
    """A number as officials type it: decimal comma (0,25), thousands points (1.000.000), or a
    decimal point (0.25). None when it is not one number."""
    text = text.strip().replace("−", "-").replace(" ", "")
    if not re.fullmatch(NUMBER, text):
        return None
    if "," in text:
        if text.count(",") > 1:
            return None
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+", text):
        text = text.replace(".", "")  # 1.000 is one thousand in Vietnamese
    elif text.count(".") > 1:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


@dataclass
class Reading:
    """What a method cell says: a rule with its inputs, or the reason it could not be read."""

    rule: dict[str, Any] | None = None
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
    todo: Note | None = None


@dataclass
class Clause:
    text: str  # as written, for messages
    cond: str  # the condition, lower case
    points: Decimal | None = None
    fraction: Decimal | None = None
    sign: str | None = None
    written: str | None = None  # the points as typed
    #: The condition as written, where the points stand in brackets or after «=» (a label cut at
    #: the colon would keep them: «Đạt chuẩn (2 điểm)»); None where they follow a colon.
    label: str | None = None


class Unread(Exception):
    """The method cannot be read; ``note`` says why (it becomes the todo)."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.note = Note(key, args)


#: Characters that take no room (zero-width spaces and joiners, a byte-order mark): dropped.
_NO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
#: Line breaks other than "\n" that a cell may hold: Word's line break pasted into Excel (a vertical
#: tab, «_x000B_» in the file), a form feed, Unicode's line and paragraph separators.
_OTHER_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
#: Full-width ASCII (``：``, ``；``, ``１``, as an East Asian input method types them) to ASCII.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def plain_text(text: str) -> str:
    """A cell's text as the readers compare it: full-width ASCII as ASCII, every line break a
    "\n", every run of spaces one space (a no-break space, as Word and web pages put between
    words, or two spaces), and characters of no width dropped. Other compatibility characters
    stay (``m²``, ``①``, a footnote's ``¹``: folded as NFKC folds them, ``1²`` was 12 points).
    Before session 30 a method whose words were joined by no-break spaces («Tỷ lệ = [A] / [B]»)
    was read as another rule without a todo (one percent input in place of a rate of two counts,
    its policy for no denominator lost)."""
    text = _NO_WIDTH.sub("", unicodedata.normalize("NFC", text).translate(_FULL_WIDTH))
    return "\n".join(re.sub(r"[^\S\n]+", " ", line) for line in _OTHER_LINE_BREAKS.sub("\n", text).split("\n"))


#: The end of a clause's points: «2 điểm», «0,5đ», «50% điểm tối đa» (not «địa điểm», a year).
_POINTS_END = r"(?:(?<=\d điểm)|(?<=\dđiểm)|(?<=\d đ)|(?<=\dđ)|(?<=% điểm tối đa))"
#: A method written on one line («…× 100%:; – Từ 100% trở lên: 2 điểm; – …; Không phát sinh: …»,
#: «Đạt: 2 điểm. Không đạt: 0 điểm.») breaks where the printed one breaks its lines: at a ";"
#: after a line that announces («…:») or after a clause's points, at a full stop after a clause's
#: points, and before a bullet. A ";" inside a clause or a label («Đạt chuẩn; trang thiết bị hiện
#: đại: …», «Bố trí địa điểm; …») stays. Before session 30 such a method lost its rate (read as one
#: percent input) or its policy without a todo, and «Đạt: 2 điểm. Không đạt: 0 điểm.» was a yes/no
#: giving 0.
_ONE_LINE_BREAK = re.compile(
    r"(?:(?<=:)|" + _POINTS_END + r")\s*;\s*|" + _POINTS_END + r"\.\s+|\s*;\s*(?=[" + re.escape(BULLETS) + r"]\s)",
    re.IGNORECASE,
)


#: The words a sentence about N/A, the units or the floor starts with (recognise._policies).
POLICY_OPENERS = r"(?:trường hợp|không phát sinh|chỉ áp dụng|áp dụng đối với|điểm thấp nhất|điểm tối thiểu)\b"
_POLICY_LINE = re.compile(r"\s*" + POLICY_OPENERS, re.IGNORECASE)


def method_lines(text: str) -> list[str]:
    # A policy's line is one sentence, «;» and all («Điểm thấp nhất: 0 điểm; không tính điểm âm»).
    written = plain_text(text).split("\n")
    broken = "\n".join(line if _POLICY_LINE.match(line) else _ONE_LINE_BREAK.sub("\n", line) for line in written)
    out = []
    for raw in broken.split("\n"):
        line = raw.strip().lstrip(BULLETS).strip()
        line = re.sub(r"^(?:\d+[.)]|[a-zđ]\))\s+", "", line)  # "1) …", "a) …"
        if line:
            out.append(line)
    return out


def clause_of(text: str) -> Clause:
    body = text.strip().rstrip(".").strip()
    match = _FRACTION_AT_END.match(body)
    if match:
        fraction = parse_number(match["num"])
        return Clause(text, match["cond"].strip().lower(), fraction=None if fraction is None else fraction / 100)
    match = POINTS_AT_END.match(body)
    if match:
        points = parse_number(match["num"])
        return Clause(text, match["cond"].strip().lower(), points=points, sign=match["sign"], written=match["num"])
    match = _POINTS_IN_BRACKETS.match(body) or _POINTS_AFTER_EQUALS.match(body)
    if match:
        cond = match["cond"].strip()
        points = parse_number(match["num"])
        return Clause(text, cond.lower(), points=points, sign=match["sign"], written=match["num"], label=cond)
    return Clause(text, body.lower())


def interval_of(cond: str) -> tuple[dict[str, Decimal], bool] | None:
    """The band a ladder condition names, and whether it is in %; None when it names none."""
    for pattern, edges in _RANGES:
        match = pattern.search(cond)
        # The band must be the whole condition, bar words before it ("tỷ lệ từ 80% …"): "70% -
        # dưới 90%" is not "dưới 90%".
        if match is None or re.search(r"\d", cond[: match.start()]) or re.search(r"\d", cond[match.end() :]):
            continue
        groups = [g for g in match.groups()]
        numbers = groups[0::2]
        percents = groups[1::2]
        values = [parse_number(n) for n in numbers if n is not None]
        if len(values) < len(edges) or any(v is None for v in values):
            continue
        band = {edge: value for edge, value in zip(edges, values, strict=False) if value is not None}
        if "exactly" in band:  # "đạt 100%", "2 cuộc": that value only
            band = {"from": band["exactly"], "to": band["exactly"]}
        return band, any(percents) or "%" in cond
    return None


def date_of(text: str) -> dt.date | None:
    match = DATE.search(text)
    if match is None:
        return None
    try:
        return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None


__all__ = ["Reading", "parse_number"]
