"""Year-over-year comparability: did last year's results come from a set with the same items?

``pari score --previous`` compares each commune's index and rank with last year's. When the two
years were scored on different items (an item added, removed or renumbered, a maximum changed),
the index in % and the overall rank can still be set side by side, but an area's points only where
the area kept the same items and maxima. :func:`previous_set_notes` says which, in the console
summary of the run.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import polars as pl

from pari_index.criteria.model import CriteriaSet, resolve_leaves
from pari_index.messages import counted

NOTES = {
    "vi": {
        "head": "Kết quả năm trước (--previous) chấm theo bộ {old}, khác mục với bộ {new}: {counts}.",
        "only_old": "{n} mục chỉ có năm trước ({ids})",
        "only_new": "{n} mục chỉ có năm nay ({ids})",
        "max": "{n} mục đổi điểm tối đa ({ids})",
        "comparable": "So sánh được: chỉ số (%) và thứ hạng chung; điểm lĩnh vực chỉ so sánh được ở lĩnh vực {areas}.",
        "comparable_one": (
            "So sánh được: chỉ số (%) và thứ hạng chung; điểm lĩnh vực chỉ so sánh được ở lĩnh vực {areas}."
        ),
        "none": "So sánh được: chỉ số (%) và thứ hạng chung; không lĩnh vực nào giữ nguyên các mục.",
        "other_set": (
            "Kết quả năm trước (--previous) chấm theo bộ {old}; năm nay theo bộ {new}, cùng các mục và điểm tối đa."
        ),
    },
    "en": {
        "head": "The previous results (--previous) were scored on {old}, with other items than {new}: {counts}.",
        "only_old": "{n} items only last year ({ids})",
        "only_new": "{n} items only this year ({ids})",
        "max": "{n} items with a new maximum ({ids})",
        "comparable": "Comparable: the index (%) and the overall rank; area points only for areas {areas}.",
        "comparable_one": "Comparable: the index (%) and the overall rank; area points only for area {areas}.",
        "none": "Comparable: the index (%) and the overall rank; no area kept the same items.",
        "other_set": (
            "The previous results (--previous) were scored on {old}; this year on {new}, same items and maxima."
        ),
    },
}
#: How many item ids a note lists before "…".
LISTED = 8


def _ids(ids: list[str]) -> str:
    return ", ".join(ids[:LISTED]) + (", …" if len(ids) > LISTED else "")


def _decimal(text: object) -> Decimal | None:
    try:
        return Decimal(str(text))
    except (InvalidOperation, ValueError):
        return None


def previous_items(previous: dict[str, pl.DataFrame]) -> dict[str, Decimal | None]:
    """Item id -> maximum, from the criteria table of a results file."""
    table = previous.get("criteria")
    if table is None or "criterion_id" not in table.columns:
        return {}
    columns = ["criterion_id", "max"] if "max" in table.columns else ["criterion_id"]
    rows = table.select(columns).unique(subset="criterion_id", keep="first").iter_rows()
    return {str(row[0]): (_decimal(row[1]) if len(row) > 1 else None) for row in rows}


def _area(item_id: str) -> str:
    return item_id.split(".", 1)[0]


def previous_set_notes(previous: dict[str, pl.DataFrame], criteria: CriteriaSet, lang: str = "vi") -> list[str]:
    """Lines for the console when last year's results came from another set; none when the items
    and maxima are the same and the set is the same."""
    lang = "en" if lang == "en" else "vi"
    words = NOTES[lang]
    about = previous.get("about")
    facts = dict(zip(about["key"].to_list(), about["value"].to_list(), strict=True)) if about is not None else {}
    old_name = f"{facts.get('criteria_id', '?')} ({facts.get('decision', '?')})"
    new_name = f"{criteria.id} ({criteria.origin})"
    before = previous_items(previous)
    now = {leaf.id: leaf.max for leaf in resolve_leaves(criteria)}
    if not before:
        return []
    only_old = sorted(set(before) - set(now))
    only_new = sorted(set(now) - set(before))
    changed = sorted(i for i in set(before) & set(now) if before[i] is not None and before[i] != now[i])
    if not (only_old or only_new or changed):
        same_set = facts.get("criteria_id") in (None, criteria.id)
        return [] if same_set else [words["other_set"].format(old=old_name, new=new_name)]
    counts = []
    for key, ids in (("only_old", only_old), ("only_new", only_new), ("max", changed)):
        if ids:
            counts.append(counted(words[key], lang, n=len(ids), ids=_ids(ids)))  # «1 item only …»
    touched = {_area(i) for i in (*only_old, *only_new, *changed)}
    kept = [area.id for area in criteria.areas if area.id not in touched]
    comparable = words["comparable_one" if len(kept) == 1 else "comparable"]
    tail = comparable.format(areas=", ".join(kept)) if kept else words["none"]
    return [words["head"].format(old=old_name, new=new_name, counts="; ".join(counts)), tail]


__all__ = ["previous_items", "previous_set_notes"]
