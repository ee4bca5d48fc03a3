"""``pari diff``: what changed between two criteria sets (one year's decision and the next).

Items are matched by id, then, among those left over, by title similarity (a renumbered item keeps
its title). For each matched item the diff reports a new place in the tree, a new maximum, a new
rule or ladder (with the method text before and after), new evidence requirements, parts, unit
types and N/A policy; for the set, the scale, the parts split, classes, rounding and ranking.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass

import polars as pl

from pari_index.authoring.compare import leaf_semantics
from pari_index.authoring.export import PART_NAMES
from pari_index.criteria.method import method_text, number, range_text
from pari_index.criteria.methodology import rounding_text
from pari_index.criteria.model import CriteriaSet, Leaf, Node, Part, Parts, Ranking, resolve_leaves
from pari_index.messages import set_text
from pari_index.messages.criteria_words import policy_text, rule_kind_text

#: Titles at least this similar (difflib ratio) match an item whose id changed.
TITLE_SIMILARITY = 0.8
#: An item keeping its id with a title this different (or more) may have been renumbered.
UNRELATED = 0.5
#: Characters of a title compared (an item's title in a decision takes at most some 250).
TITLE_CHARS = 300
#: Titles compared in one diff (about 0.1-0.2 ms each at TITLE_CHARS): two sets of 136 items, all
#: renumbered, need some 18,000 (far fewer once the bound has ruled out most); two of 445 items,
#: all renumbered, some 500 since only pairs whose bound reaches TITLE_SIMILARITY are compared.
MAX_COMPARISONS = 20_000

WHAT = {
    "vi": {
        "added": "thêm mới",
        "removed": "bỏ",
        "moved": "chuyển chỗ / đổi số",
        "title": "đổi tên",
        "max": "điểm tối đa",
        "rule": "cách chấm",
        "kind": "loại quy tắc",
        "ladder": "thang điểm, ngưỡng",
        "evidence": "tài liệu kiểm chứng",
        "part": "phần",
        "policy": "áp dụng, không phát sinh",
        "scale": "thang điểm",
        "parts": "chia phần",
        "classes": "xếp loại",
        "rounding": "làm tròn",
        "ranking": "xếp hạng",
        "matching": "ghép mục theo tên",
    },
    "en": {
        "added": "added",
        "removed": "removed",
        "moved": "moved / renumbered",
        "title": "title",
        "max": "maximum",
        "rule": "scoring method",
        "kind": "rule kind",
        "ladder": "ladder and edges",
        "evidence": "evidence required",
        "part": "part",
        "policy": "applies to, N/A policy",
        "scale": "scale",
        "parts": "parts split",
        "classes": "classes",
        "rounding": "rounding",
        "ranking": "ranking",
        "matching": "items matched by title",
    },
}
#: Said when the titles' comparisons passed MAX_COMPARISONS (_Similarity).
CUT = {
    "vi": "đã so sánh tên của {limit} cặp mục, mức tối đa: các mục còn lại đổi số được ghép chỉ khi tên giống hệt, "
    "các mục khác được liệt kê là bỏ và thêm mới",
    "en": "the titles of {limit} pairs of items were compared, the most compared: the other renumbered items were "
    "matched only by an identical title, the rest are listed as removed and added",
}
COLUMNS = {"vi": ["Mục", "Thay đổi", "Cũ", "Mới"], "en": ["Item", "Change", "Old", "New"]}
NONE = {"vi": "(không có)", "en": "(none)"}
SET = {"vi": "(bộ tiêu chí)", "en": "(the set)"}
UNDER = {"vi": "thuộc", "en": "under"}
#: The words of the set's parts split and ranking (the YAML's keys and values are not shown).
SET_WORDS = {
    "vi": {
        "optional": "kết quả điều tra không bắt buộc",
        "within": "xếp hạng trong từng {within}",
        "competition": "đồng hạng thì bỏ qua hạng kế tiếp (1, 2, 2, 4)",
        "dense": "đồng hạng thì không bỏ qua hạng kế tiếp (1, 2, 2, 3)",
        "tie_break": "phân định khi chỉ số bằng nhau: {keys}",
        "area": "điểm lĩnh vực {id}",
        "district": "huyện",
        "province": "tỉnh",
    },
    "en": {
        "optional": "the survey is optional",
        "within": "ranked within each {within}",
        "competition": "ties skip the next rank (1, 2, 2, 4)",
        "dense": "ties do not skip the next rank (1, 2, 2, 3)",
        "tie_break": "equal indices separated by: {keys}",
        "area": "the points of area {id}",
        "district": "district",
        "province": "province",
    },
}


@dataclass(frozen=True)
class Change:
    item: str  # "1.2.3", "1.2.3 → 1.3.1" for a moved item, "" for the set
    what: str  # a key of WHAT
    old: str
    new: str


class _Similarity:
    """The similarity of two items' titles (difflib's ratio of their Vietnamese titles' first
    TITLE_CHARS characters), at most MAX_COMPARISONS of them computed in one diff: a comparison
    costs about the product of the titles' lengths, and matching compares every item left over
    with every other. Two sets of 136 items, all renumbered, with titles of 1,600 characters (190
    KB files) took 29 CPU s; 500 items each, as a set may hold, far longer. Beyond the budget a
    pair is taken as unrelated (:attr:`cut`, which the diff says). A pair whose bound (as difflib's
    real_quick_ratio and quick_ratio, never below the ratio) is under the likeness asked of it
    (``least``: UNRELATED for an item keeping its id, TITLE_SIMILARITY for a match) is not
    compared: every decision taken at that likeness is the same for it. Two sets of 445 items,
    every id renumbered (tests/hostile_limits37.py), computed some 35,000 ratios when each pair
    reaching UNRELATED was compared (the budget spent, 116 items listed as removed and added), 5.7
    CPU s; some 500 now, 1.5 CPU s."""

    def __init__(self) -> None:
        self.compared = 0
        self.cut = False
        self._known: dict[tuple[str, str], float] = {}
        self._bounds: dict[tuple[str, str], float] = {}
        self._letters: dict[str, frozenset[int]] = {}
        self._masks: dict[str, dict[str, int]] = {}

    def __call__(self, a: Node, b: Node, least: float = UNRELATED) -> float:
        """The ratio of the two titles, or its bound when that is under ``least`` (every decision
        taken at ``least`` is the same for it)."""
        x, y = a.title.vi[:TITLE_CHARS], b.title.vi[:TITLE_CHARS]
        if x == y:
            return 1.0
        known = self._known.get((x, y))
        if known is not None:
            return known
        bound = self._bounds.get((x, y))
        if bound is None:
            bound = self._bounds[(x, y)] = self._bound(x, y)
        if bound < least:
            return bound
        # Tighter, and still never below the ratio: difflib's matching blocks are a common
        # subsequence of the two titles, so they match at most the longest one's characters.
        masks = self._masks.get(y) or self._masks.setdefault(y, _char_masks(y))
        bound = self._bounds[(x, y)] = min(bound, 2 * _common_subsequence(x, masks, len(y)) / (len(x) + len(y)))
        if bound < least:
            return bound
        if self.compared >= MAX_COMPARISONS:
            self.cut = True
            return 0.0
        self.compared += 1
        value = self._known[(x, y)] = difflib.SequenceMatcher(None, x, y).ratio()
        return value

    def _bound(self, x: str, y: str) -> float:
        """difflib's quick_ratio (2 × the characters the two have in common / their lengths, never
        below the ratio), from each title's character occurrences as a set of numbers
        (:func:`_occurrences`): a few microseconds a pair (``Counter &`` took five times as long)."""
        if not x and not y:
            return 1.0
        if 2 * min(len(x), len(y)) / (len(x) + len(y)) < UNRELATED:  # real_quick_ratio
            return 0.0
        a = self._letters.get(x) or self._letters.setdefault(x, _occurrences(x))
        b = self._letters.get(y) or self._letters.setdefault(y, _occurrences(y))
        return 2 * len(a & b) / (len(x) + len(y))


def _char_masks(y: str) -> dict[str, int]:
    """Each character of ``y`` and the places it holds, as the bits of an integer."""
    where: dict[str, int] = {}
    for place, char in enumerate(y):
        where[char] = where.get(char, 0) | 1 << place
    return where


def _common_subsequence(x: str, y_masks: dict[str, int], y_length: int) -> int:
    """The length of the longest common subsequence of ``x`` and a text ``y`` of ``y_length``
    characters (``y_masks``: :func:`_char_masks`), computed a character of ``x`` at a time on the
    bits of one integer as wide as ``y`` (Hyyrö's bit-parallel form of Allison and Dix's: a zero
    bit for each character of ``y`` matched so far), some 50 µs for two titles of TITLE_CHARS.
    Two sets of 445 renumbered items titled with 150 words each (470 KB; titles compared on their
    first 300 characters) computed difflib's ratio for some 15,000 pairs whose quick_ratio reached
    TITLE_SIMILARITY (long titles of the same words share nearly every character): 6.2 CPU s
    (64 s of wall time at load 8); with this bound 3.0 CPU s, the same listing (session 38)."""
    width = (1 << y_length) - 1
    row = width
    for char in x:
        matched = row & y_masks.get(char, 0)
        row = ((row + matched) | (row - matched)) & width
    return y_length - row.bit_count()


def _occurrences(title: str) -> frozenset[int]:
    """A title's characters, each occurrence its own number (the character's code point × 512 +
    which occurrence it is, from 1; a title compared holds at most TITLE_CHARS of them): two
    titles share as many numbers as characters in common, each counted as often as both hold it."""
    seen: Counter[str] = Counter()
    out = []
    for char in title:
        seen[char] += 1
        out.append(ord(char) * 512 + seen[char])
    return frozenset(out)


def _match(old: dict[str, Node], new: dict[str, Node], _similar: _Similarity) -> dict[str, str]:
    """Old id -> new id: the same id first, then the most similar title among the rest. An id kept
    for an item with an unrelated title (below ``UNRELATED``) yields to a new id that carries the
    old title: the item was renumbered and its number given to a new one. A title is matched only
    at TITLE_SIMILARITY or above, so a pair whose bound is under it is never compared: the same
    pairs are chosen as when each was (session 37)."""
    pairs = {i: i for i in old if i in new}
    fresh = [j for j in new if j not in old]
    stale = [k for k in old if k not in new]
    match = TITLE_SIMILARITY
    for i in [i for i in pairs if _similar(old[i], new[i]) < UNRELATED]:
        best = max(fresh, key=lambda j: _similar(old[i], new[j], match), default=None)
        if best is not None and _similar(old[i], new[best], match) >= match:
            pairs[i] = best  # old i was renumbered; its number went to a new item
            fresh.remove(best)
            continue
        back = max(stale, key=lambda k: _similar(old[k], new[i], match), default=None)
        if back is not None and _similar(old[back], new[i], match) >= match:
            del pairs[i]  # old "back" took number i; the old item i is gone
            pairs[back] = i
            stale.remove(back)
    left = [i for i in old if i not in pairs]
    taken = set(pairs.values())
    free = [j for j in new if j not in taken]
    for i in left:
        scored = [(_similar(old[i], new[j], match), j) for j in free]
        best_score, best_id = max(scored, default=(0.0, ""))
        if best_score >= match and old[i].is_leaf == new[best_id].is_leaf:
            pairs[i] = best_id
            free.remove(best_id)
    return pairs


def _parents(criteria: CriteriaSet) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in criteria.nodes():
        for child in node.children or []:
            out[child.id] = node.id
    return out


def _evidence(leaf: Leaf, lang: str) -> str:
    from pari_index.authoring.export import evidence_text

    return evidence_text(leaf.evidence, lang) or NONE[lang]


def _leaf_changes(item: str, a: Leaf, b: Leaf, lang: str) -> list[Change]:
    sa, sb = leaf_semantics(a), leaf_semantics(b)
    out: list[Change] = []
    if sa["rule"] != sb["rule"]:
        if a.rule.kind != b.rule.kind:
            out.append(Change(item, "kind", rule_kind_text(a.rule.kind, lang), rule_kind_text(b.rule.kind, lang)))
        what = "ladder" if a.rule.kind == b.rule.kind and a.rule.kind in ("tiers", "count_tiers") else "rule"
        out.append(Change(item, what, method_text(a, lang), method_text(b, lang)))
    if sa["evidence"] != sb["evidence"]:
        out.append(Change(item, "evidence", _evidence(a, lang), _evidence(b, lang)))
    if sa["part"] != sb["part"]:
        out.append(Change(item, "part", PART_NAMES[lang][a.part], PART_NAMES[lang][b.part]))
    policy = ("applies_to", "not_applicable", "missing_evidence", "floor")
    if any(sa[k] != sb[k] for k in policy) and sa["rule"] == sb["rule"]:
        out.append(Change(item, "policy", policy_text(sa, policy, lang), policy_text(sb, policy, lang)))
    return out


def _item_changes(old: CriteriaSet, new: CriteriaSet, lang: str) -> list[Change]:
    old_nodes = {n.id: n for n in old.nodes()}
    new_nodes = {n.id: n for n in new.nodes()}
    similar = _Similarity()
    pairs = _match(old_nodes, new_nodes, similar)
    old_leaves = {leaf.id: leaf for leaf in resolve_leaves(old)}
    new_leaves = {leaf.id: leaf for leaf in resolve_leaves(new)}
    old_parent, new_parent = _parents(old), _parents(new)
    out: list[Change] = []
    for i, node in old_nodes.items():
        if i not in pairs:
            out.append(Change(i, "removed", f"{node.title.shown(lang)} ({number(node.max, lang)})", NONE[lang]))
            continue
        j = pairs[i]
        other = new_nodes[j]
        item = i if i == j else f"{i} → {j}"
        if i != j or old_parent.get(i) != new_parent.get(j):
            under = UNDER[lang]
            out.append(
                Change(
                    item, "moved", f"{i} ({under} {old_parent.get(i, '-')})", f"{j} ({under} {new_parent.get(j, '-')})"
                )
            )
        if node.title.vi != other.title.vi:
            out.append(Change(item, "title", node.title.shown(lang), other.title.shown(lang)))
        if node.max != other.max:
            out.append(Change(item, "max", number(node.max, lang), number(other.max, lang)))
        if node.is_leaf and other.is_leaf:
            out += _leaf_changes(item, old_leaves[i], new_leaves[j], lang)
    matched = set(pairs.values())
    for j, node in new_nodes.items():
        if j not in matched:
            out.append(Change(j, "added", NONE[lang], f"{node.title.shown(lang)} ({number(node.max, lang)})"))
    if similar.cut:
        out.append(Change("", "matching", NONE[lang], CUT[lang].format(limit=number(MAX_COMPARISONS, lang))))
    return out


def _classes(criteria: CriteriaSet, lang: str) -> str:
    return "; ".join(f"{set_text(band.name, band.en, lang)}: {range_text(band, lang)}" for band in criteria.classes)


def _parts(parts: Parts, lang: str) -> str:
    names = PART_NAMES[lang]
    text = f"{names[Part.appraised]} {number(parts.appraised, lang)}, {names[Part.survey]} {number(parts.survey, lang)}"
    return f"{text}; {SET_WORDS[lang]['optional']}" if parts.survey_optional else text


def _ranking(ranking: Ranking, lang: str) -> str:
    words = SET_WORDS[lang]
    keys = [
        PART_NAMES[lang][Part(key)]
        if key in (Part.appraised.value, Part.survey.value)
        else words["area"].format(id=key)
        for key in ranking.tie_break
    ]
    # A register column other than district or province is named as the register names it.
    within = words["within"].format(within=words.get(ranking.within, ranking.within))
    parts = [within, words[ranking.ties]]
    return "; ".join([*parts, words["tie_break"].format(keys=", ".join(keys))] if keys else parts)


def _set_changes(old: CriteriaSet, new: CriteriaSet, lang: str) -> list[Change]:
    out: list[Change] = []
    if old.scale != new.scale:
        out.append(Change("", "scale", number(old.scale, lang), number(new.scale, lang)))
    if old.parts != new.parts:
        out.append(Change("", "parts", _parts(old.parts, lang), _parts(new.parts, lang)))
    if old.classes != new.classes:
        out.append(Change("", "classes", _classes(old, lang), _classes(new, lang)))
    if old.rounding != new.rounding:
        out.append(Change("", "rounding", rounding_text(old.rounding, lang), rounding_text(new.rounding, lang)))
    if old.ranking != new.ranking:
        out.append(Change("", "ranking", _ranking(old.ranking, lang), _ranking(new.ranking, lang)))
    return out


def diff_sets(old: CriteriaSet, new: CriteriaSet, lang: str = "vi") -> list[Change]:
    """Every change from ``old`` to ``new``: the set's own first, then item by item."""
    return _set_changes(old, new, lang) + _item_changes(old, new, lang)


def diff_frame(changes: list[Change], lang: str = "vi") -> pl.DataFrame:
    words = WHAT[lang]
    rows = [[c.item or SET[lang], words[c.what], c.old, c.new] for c in changes]
    return pl.DataFrame(rows, schema=COLUMNS[lang], orient="row")


def diff_text(changes: list[Change], lang: str = "vi") -> str:
    """The changes as lines of text, one per change (multi-line methods indented)."""
    if not changes:
        return "Hai bộ tiêu chí chấm điểm như nhau." if lang == "vi" else "The two sets score alike."
    words = WHAT[lang]
    arrow = {"vi": ("cũ", "mới"), "en": ("old", "new")}[lang]
    lines = []
    for change in changes:
        lines.append(f"{change.item or SET[lang]}: {words[change.what]}")
        for label, value in zip(arrow, (change.old, change.new), strict=True):
            body = value.replace("\n", "\n      ")
            lines.append(f"    {label}: {body}")
    return "\n".join(lines)


def diff_table_text(frame: pl.DataFrame, width: int = 60) -> str:
    """The change table as aligned plain text; a long or multi-line cell is cut to ``width``."""

    def cell(value: str) -> str:
        flat = " ⏎ ".join(line.strip() for line in value.splitlines() if line.strip())
        return flat if len(flat) <= width else flat[: width - 1] + "…"

    rows = [[cell(str(v)) for v in row] for row in frame.iter_rows()]
    header = frame.columns
    sizes = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(n) for h, n in zip(header, sizes, strict=True)).rstrip()]
    lines.append("  ".join("-" * n for n in sizes))
    lines += ["  ".join(v.ljust(n) for v, n in zip(row, sizes, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


__all__ = ["Change", "diff_frame", "diff_sets", "diff_table_text", "diff_text"]
