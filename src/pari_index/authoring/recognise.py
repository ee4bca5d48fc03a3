"""Recognising the rule kind of a scoring method and drafting its rule (see :mod:`.parse`)."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Any

from pari_index.authoring.notes import Note
from pari_index.authoring.parse import (
    AMBIGUOUS,
    BRACKET,
    COUNT_WORDS,
    DATE,
    LATE,
    NOT_DONE,
    NUMBER,
    ON_TIME,
    POINTS_AT_END,
    POINTS_WORD,
    POLICY_OPENERS,
    RATE_HEAD,
    UNITS,
    Clause,
    Reading,
    Unread,
    clause_of,
    date_of,
    interval_of,
    method_lines,
    parse_number,
    points_in_thousands,
)
from pari_index.errors import quoted

Inputs = dict[str, dict[str, Any]]


def _policies(lines: list[str]) -> tuple[dict[str, Any], list[str]]:
    """The sentences about N/A, units, floors and empty denominators, taken out of the method.
    Each sentence of a line is judged on its own: a line holding two («Trường hợp không phát sinh:
    không tính điểm. Chỉ áp dụng đối với: phường.») took the first and lost the second without a
    word until session 30, and a rule's sentence before a policy («Điểm = tỷ lệ × điểm tối đa.
    Không phát sinh (mẫu số bằng 0): …») was lost with it."""
    extras: dict[str, Any] = {}
    rest: list[str] = []
    for line in lines:
        kept = [sentence for sentence in _SENTENCE_END.split(line) if sentence and not _policy(sentence, extras)]
        if kept:
            rest.append(" ".join(kept))
    return extras, rest


#: Where a policy's sentence starts within a line: after a full stop or a semicolon, at the words
#: that open one. Not at every full stop: «các xã thuộc TP. Hải Phòng», «không tính điểm; loại
#: khỏi tổng điểm tối đa» are one sentence.
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=" + POLICY_OPENERS + ")", re.IGNORECASE)
#: The words a policy is known by, for where it starts in its sentence.
_POLICY_WORDS = re.compile(r"không phát sinh|mẫu số|áp dụng đối với|điểm\s+(?:thấp\s+nhất|tối\s+thiểu)")


def _policy(sentence: str, extras: dict[str, Any]) -> bool:
    """Whether ``sentence`` is a policy (then written into ``extras``). A clause with points before
    the policy's words («chậm: 0,5 điểm (trường hợp không phát sinh: tính điểm tối đa)») is a todo:
    taking the sentence as a policy would lose the clause."""
    low = sentence.lower()
    words = _POLICY_WORDS.search(low)
    if words is not None and re.search(NUMBER + r"\s*" + POINTS_WORD, low[: words.start()]):
        raise Unread("policy-in-clause", line=quoted(sentence))
    if "mẫu số bằng 0" in low or "mẫu số = 0" in low:
        extras["when_no_denominator"] = "full_points"
    elif "không phát sinh" in low and ("loại khỏi" in low or "không tính" in low):
        extras["not_applicable"] = "exclude"
    elif "không phát sinh" in low and "tối đa" in low:
        extras["not_applicable"] = "full_points"
    elif "áp dụng đối với" in low:
        named = low.split("áp dụng đối với", 1)[1]
        units = [code for word, code in UNITS.items() if re.search(rf"\b{word}\b", named)]
        if not units:
            raise Unread("no-unit", line=quoted(sentence))
        extras["applies_to"] = units
    elif re.search(r"điểm\s+(thấp\s+nhất|tối\s+thiểu)", low):
        found = re.search(NUMBER, low)
        floor = parse_number(found.group(0)) if found else None
        if floor is None:
            raise Unread("no-floor", line=quoted(sentence))
        extras["floor"] = floor
    else:
        return False
    return True


def _header(lines: list[str]) -> tuple[str | None, list[str]]:
    """A first line that only announces what is measured ("Tỷ lệ … :"), and the other lines."""
    first = lines[0]
    if first.rstrip().endswith(":") and not POINTS_AT_END.match(first.rstrip().rstrip(":")):
        return first.rstrip().rstrip(":").strip(), lines[1:]
    return None, lines


def _label(header: str | None, default: str) -> str:
    if header:
        bracket = BRACKET.search(header)
        return bracket.group(1).strip() if bracket else header
    return default


def _source(header: str | None, kind_default: str, percent: bool) -> tuple[dict[str, Any], Inputs]:
    """The input a ladder or proportion reads: a rate of two counts, or one value."""
    rate = RATE_HEAD.match(header or "")
    if rate:
        inputs = {
            "numerator": {"type": "count", "label": rate["a"].strip()},
            "denominator": {"type": "count", "label": rate["b"].strip()},
        }
        return {"rate": {"numerator": "numerator", "denominator": "denominator"}}, inputs
    kind = "percent" if percent else kind_default
    return {"input": "measure"}, {"measure": {"type": kind, "label": _label(header, "Giá trị")}}


def read_method(text: str, maximum: Decimal | None, adjustment: bool = False) -> Reading:
    """Read one method cell. ``maximum``: the item's points (None when the cell was empty);
    ``adjustment``: the item is in a bonus and penalty area."""
    lines = method_lines(text)
    if not lines:
        return Reading(todo=Note("empty"))
    try:
        extras, lines = _policies(lines)
        if not lines:
            raise Unread("only-policy")
        rule, inputs = _recognise(lines, adjustment)
    except Unread as unread:
        return Reading(todo=unread.note)
    cap = rule.pop("_cap", None)
    if cap is not None and maximum is not None and cap != maximum:
        return Reading(todo=Note("cap-differs", {"cap": cap, "max": maximum}))
    if cap is not None:
        extras["cap"] = cap
    if "when_no_denominator" in extras:
        if rule.get("kind") not in ("tiers", "proportional") or "rate" not in rule:
            return Reading(todo=Note("rate-words"))
        rule["when_no_denominator"] = extras.pop("when_no_denominator")
    return Reading(rule=rule, inputs=inputs, extras=extras)


def _recognise(lines: list[str], adjustment: bool) -> tuple[dict[str, Any], Inputs]:
    header, body = _header(lines)
    joined = " ".join(lines).lower()
    head = (header or "").lower()
    if "một trong các mức" in head:
        return _choice(body)
    if "mỗi nội dung" in head or "mỗi tiêu chí" in head or "mỗi điều kiện" in head:
        return _checklist(body)
    if re.search(r"[×x*]\s*điểm\s+tối\s+đa|nhân\s+với\s+điểm\s+tối\s+đa", joined):
        return _proportional(header, joined)
    per = _per_occurrence(joined, adjustment)
    if per is not None:
        return per
    clauses = [clause_of(part) for line in body for part in line.split(";") if part.strip()]
    if not clauses:
        raise Unread("no-clause")
    unpriced = [c.text for c in clauses if c.points is None]
    if unpriced:
        raise Unread("no-points", clause=quoted(unpriced[0].strip()))
    # A clause that takes points away (or adds them) and reached here is no deduction or bonus the
    # reader knows: the ladders and yes/no below would give its points as points earned (session
    # 30: «Có …: trừ 0,5 đ» was a yes/no giving 0.5).
    signed = next((c for c in clauses if c.sign is not None and c.sign.lower() == "trừ" and c.points), None)
    if signed is not None:
        raise Unread("signed-points", clause=quoted(signed.text.strip()))
    for clause in clauses:
        if clause.written and (readings := points_in_thousands(clause.written)):
            raise Unread("points-thousands", **readings)
    if any(DATE.search(c.cond) for c in clauses):
        return _deadline(clauses)
    if any(ON_TIME.search(c.cond) for c in clauses):
        return _timeliness(clauses)
    bands = [interval_of(c.cond) for c in clauses]
    if all(band is not None for band in bands):
        return _ladder(header, clauses, [b for b in bands if b is not None])
    vague = next((c for c in clauses if AMBIGUOUS.search(c.cond)), None)
    if vague is not None:
        raise Unread("ambiguous", clause=quoted(vague.text.strip()))
    if all(b is None for b in bands) and len(clauses) <= 2:
        return _yes_no(clauses)
    if all(b is None for b in bands):
        raise Unread("levels?")
    raise Unread("mixed")


def _yes_no(clauses: list[Clause]) -> tuple[dict[str, Any], Inputs]:
    yes = [c for c in clauses if not NOT_DONE.search(c.cond)]
    no = [c for c in clauses if NOT_DONE.search(c.cond)]
    if len(yes) != 1 or len(no) > 1 or (not yes[0].points and not no):
        # (a lone clause of 0 points, «có vi phạm: 0 điểm», says what loses, not what gains)
        raise Unread("yes-no?")
    rule: dict[str, Any] = {"kind": "yes_no", "input": "done", "yes": yes[0].points}
    if no:
        rule["no"] = no[0].points
    return rule, {"done": {"type": "boolean", "label": yes[0].label or yes[0].text.split(":")[0].strip()}}


def _timeliness(clauses: list[Clause]) -> tuple[dict[str, Any], Inputs]:
    rule: dict[str, Any] = {"kind": "timeliness", "input": "status"}
    for clause in clauses:
        if ON_TIME.search(clause.cond) and "on_time" not in rule:
            rule["on_time"] = clause.points
        elif LATE.search(clause.cond) and "late" not in rule:
            rule["late"] = clause.points
        elif NOT_DONE.search(clause.cond) and "not_done" not in rule:
            rule["not_done"] = clause.points
        else:
            raise Unread("status?", clause=quoted(clause.text.strip()))
    return rule, {"status": {"type": "status", "label": "Tình trạng thực hiện"}}


def _deadline(clauses: list[Clause]) -> tuple[dict[str, Any], Inputs]:
    rule: dict[str, Any] = {"kind": "deadline", "input": "signed_on"}
    for clause in clauses:
        dates = [date_of(m.group(0)) for m in DATE.finditer(clause.cond)]
        if any(d is None for d in dates):
            raise Unread("bad-date", clause=quoted(clause.text.strip()))
        after = "sau" in clause.cond
        if not after and dates and "deadline" not in rule:
            rule["deadline"], rule["on_time"] = dates[0], clause.points
        elif after and len(dates) == 2 and "late" not in rule:
            rule["late_until"], rule["late"] = dates[1], clause.points
        elif after and len(dates) == 1 and "hoặc" not in clause.cond and "late" not in rule:
            rule["late"] = clause.points
        elif (NOT_DONE.search(clause.cond) or "hoặc" in clause.cond) and "not_done" not in rule:
            rule["not_done"] = clause.points
        else:
            raise Unread("which-deadline", clause=quoted(clause.text.strip()))
    if "deadline" not in rule:
        raise Unread("no-deadline")
    return rule, {"signed_on": {"type": "date", "label": "Ngày ký ban hành"}}


Band = tuple[dict[str, Decimal], bool]


def _count_steps(clauses: list[Clause], bands: list[Band]) -> list[tuple[int, Decimal | None]] | None:
    """A count ladder as "at least N" steps, or None when it is not one. "Từ 3 cuộc trở lên; 2
    cuộc; 1 cuộc" from the largest down is "at least 3, at least 2, at least 1" on whole counts; a
    band below the lowest with 0 points says what count tiers already do, and is not repeated."""
    steps: list[tuple[int, Decimal | None]] = []
    for (band, _), clause in zip(bands, clauses, strict=True):
        if set(band) == {"below"} and clause.points == 0:
            continue
        exact = set(band) == {"from", "to"} and band["from"] == band["to"]
        if not (set(band) == {"from"} or exact) or band["from"] != int(band["from"]) or band["from"] < 0:
            return None
        steps.append((int(band["from"]), clause.points))
    descending = all(a[0] > b[0] for a, b in itertools.pairwise(steps))
    return steps if steps and descending else None


def _open_steps_from_the_top(clauses: list[Clause], bands: list[Band]) -> tuple[list[Clause], list[Band], bool]:
    """A ladder of "từ X trở lên" steps (a lower edge alone), two or more, put from the highest
    down as tiers are read (the first that holds gives the points), and whether it is one. Listed
    from the lowest up («từ 50% trở lên: 0,5 điểm; từ 80% trở lên: 1 điểm»), the lowest step held
    for every value above it. Only when the open steps rise or fall throughout and every other band
    is open downwards (dưới 50%, từ 50% trở xuống), which goes last."""
    upward = [
        band["from"] if "from" in band else band["above"] for band, _ in bands if set(band) in ({"from"}, {"above"})
    ]
    pairs = list(itertools.pairwise(upward))
    monotone = all(a < b for a, b in pairs) or all(a > b for a, b in pairs)
    if len(upward) < 2 or not monotone or any(set(b) not in ({"from"}, {"above"}, {"below"}, {"to"}) for b, _ in bands):
        return clauses, bands, False
    order = sorted(
        range(len(bands)),
        key=lambda i: bands[i][0].get("from", bands[i][0].get("above", Decimal("-Infinity"))),
        reverse=True,
    )
    return [clauses[i] for i in order], [bands[i] for i in order], True


def _closed_below_the_next(bands: list[Band]) -> list[Band]:
    """Open steps from the highest down, each closed below the one above it («từ 80% trở lên»
    under «từ 95% trở lên» is 80 to below 95): tiers are bands, and open ones overlap
    (`pari validate`'s tier-overlap refused every such draft, whichever way it was listed)."""
    closed: list[Band] = []
    for i, (band, percent) in enumerate(bands):
        above = bands[i - 1][0] if i else {}
        if set(band) in ({"from"}, {"above"}) and "from" in above:
            band = {**band, "below": above["from"]}
        elif set(band) in ({"from"}, {"above"}) and "above" in above:
            band = {**band, "to": above["above"]}
        closed.append((band, percent))
    return closed


def _ladder(header: str | None, clauses: list[Clause], bands: list[Band]) -> tuple[dict[str, Any], Inputs]:
    """Tiers with exact edges, or count tiers for a ladder of counts from the largest down."""
    clauses, bands, open_steps = _open_steps_from_the_top(clauses, bands)
    percent = any(p for _, p in bands)
    counted = bool(COUNT_WORDS.search(" ".join(c.cond for c in clauses) + " " + (header or "").lower()))
    steps = _count_steps(clauses, bands) if counted and not percent else None
    if steps is not None:
        tiers = [{"at_least": n, "points": points} for n, points in steps]
        inputs = {"count": {"type": "count", "label": _label(header, "Số lần")}}
        return {"kind": "count_tiers", "input": "count", "tiers": tiers}, inputs
    source, inputs = _source(header, "count" if counted else "number", percent)
    if open_steps:
        bands = _closed_below_the_next(bands)
    tiers = [{**band, "points": clause.points} for (band, _), clause in zip(bands, clauses, strict=True)]
    return {"kind": "tiers", **source, "tiers": tiers}, inputs


def _listed(body: list[str]) -> list[Clause]:
    clauses = [clause_of(line) for line in body]
    if not clauses:
        raise Unread("no-lines")
    for clause in clauses:
        if clause.points is None and clause.fraction is None:
            raise Unread("no-points", clause=quoted(clause.text.strip()))
    return clauses


def _checklist(body: list[str]) -> tuple[dict[str, Any], Inputs]:
    items: list[dict[str, Any]] = []
    inputs: Inputs = {}
    for i, clause in enumerate(_listed(body), start=1):
        if clause.points is None:
            raise Unread("share-in-checklist", clause=quoted(clause.text.strip()))
        label = clause.label or clause.text.rsplit(":", 1)[0].strip()
        items.append({"input": f"item_{i}", "points": clause.points, "label": label})
        inputs[f"item_{i}"] = {"type": "boolean", "label": label}
    return {"kind": "checklist", "items": items}, inputs


def _choice(body: list[str]) -> tuple[dict[str, Any], Inputs]:
    levels: list[dict[str, Any]] = []
    for i, clause in enumerate(_listed(body), start=1):
        label = clause.label or clause.text.rsplit(":", 1)[0].strip()
        level: dict[str, Any] = {"value": f"level_{i}", "label": label}
        if clause.fraction is not None:
            level["fraction"] = clause.fraction
        else:
            level["points"] = clause.points
        levels.append(level)
    return {"kind": "choice", "input": "level", "levels": levels}, {"level": {"type": "level", "label": "Mức đạt được"}}


_RANGE = re.compile(r"\(\s*giá\s+trị\s*[−-]\s*(?P<a>" + NUMBER + r")\s*\)\s*/\s*\(\s*(?P<b>" + NUMBER + r")\s*[−-]")


def _proportional(header: str | None, joined: str) -> tuple[dict[str, Any], Inputs]:
    # "(giá trị − 0) / (10 − 0) × điểm tối đa": a declared range of a plain number (a 0-10 score),
    # not a percent; anything else is a ratio or a percent.
    declared = _RANGE.search(joined)
    source, inputs = _source(header, "number" if declared else "percent", not declared)
    rule: dict[str, Any] = {"kind": "proportional", **source}
    if declared and "input" in source:
        rule["range"] = {"from": parse_number(declared["a"]), "to": parse_number(declared["b"])}
    for key, pattern in (
        ("floor", r"không\s+thấp\s+hơn\s+(" + NUMBER + ")"),
        ("cap", r"không\s+quá\s+(" + NUMBER + ")"),
    ):
        found = re.search(pattern, joined)
        if found:
            rule[key] = parse_number(found.group(1))
    return rule, inputs


_PER = re.compile(
    r"(?P<how>mỗi|có|nếu\s+có)\s+(?P<what>.+?)[:,]?\s+(?P<sign>trừ|cộng)\s+(?P<num>" + NUMBER + r")\s*" + POINTS_WORD
)


def _per_occurrence(joined: str, adjustment: bool) -> tuple[dict[str, Any], Inputs] | None:
    """ "Mỗi … trừ 0,25 điểm" (each occurrence) or "Có …: trừ 1 điểm" (it happened)."""
    found = _PER.search(joined)
    if found is None:
        return None
    per = parse_number(found["num"])
    counted = found["how"] == "mỗi"
    what = BRACKET.search(found["what"])
    label = (what.group(1) if what else found["what"]).strip()
    name = "occurrences" if counted else "happened"
    inputs = {name: {"type": "count" if counted else "boolean", "label": label}}
    rule: dict[str, Any] = {"input": name, "per": per}
    if adjustment:
        rule = {"kind": "bonus" if found["sign"] == "cộng" else "penalty", **rule}
        cap = re.search(r"tối\s+đa\s+(" + NUMBER + r")\s*" + POINTS_WORD, joined[found.end() :])
        if cap:  # "tối đa 2 điểm", "trừ tối đa 2 điểm": the item's maximum
            rule["_cap"] = parse_number(cap.group(1))
        return rule, inputs
    if found["sign"] == "cộng":
        raise Unread("bonus-outside")
    rule = {"kind": "deduction", **rule}
    start = re.search(r"tính\s+từ\s+(" + NUMBER + r")\s*" + POINTS_WORD, joined)
    if start:
        rule["start"] = parse_number(start.group(1))
    return rule, inputs


__all__ = ["read_method"]
