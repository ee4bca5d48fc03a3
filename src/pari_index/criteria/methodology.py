"""Method notes of a criteria set in Vietnamese and English: how each level is rounded, and which
printed maxima hold points no unit can reach (``printed_mismatch``).

They are written once per output, in its language: into the results' about sheet (``method_1``,
``method_2`` …), into the report's header, and as the text of the ``printed-max-unreachable``
finding.
"""

from __future__ import annotations

from decimal import Decimal

from pari_index.criteria.model import CriteriaSet, Rounding, Unreachable, unreachable_points

_LEVELS: dict[str, tuple[str, str]] = {
    "items": ("điểm từng tiêu chí", "item points"),
    "areas": ("điểm lĩnh vực", "area points"),
    "parts": ("điểm từng phần", "part points"),
    "total": ("tổng điểm", "the total"),
    "index": ("chỉ số", "the index"),
}

_MODES: dict[str, tuple[str, str]] = {
    "half_up": ("làm tròn nửa lên", "half up"),
    "half_even": ("làm tròn nửa về số chẵn", "half to even"),
    "down": ("làm tròn xuống", "down"),
}


def _number(value: Decimal, lang: str) -> str:
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


def rounding_text(rounding: Rounding, lang: str = "vi") -> str:
    """One sentence on how each level is rounded."""
    i = 0 if lang == "vi" else 1
    parts = []
    for level, names in _LEVELS.items():
        places = rounding.at(level)
        if places is None:
            parts.append(f"{names[i]}: {'không làm tròn' if i == 0 else 'not rounded'}")
        else:
            parts.append(f"{names[i]}: {places} {'chữ số thập phân' if i == 0 else 'decimals'}")
    mode = _MODES[rounding.mode.value][i]
    lead = "Làm tròn" if i == 0 else "Rounding"
    return f"{lead} ({mode}): {'; '.join(parts)}."


def unreachable_text(item: Unreachable, lang: str = "vi") -> str:
    """The note on one printed maximum that its children do not reach."""
    printed, children, gap = (_number(v, lang) for v in (item.printed, item.children, item.points))
    if lang == "vi":
        return (
            f"Tiêu chí {item.node}: điểm tối đa in trong quyết định là {printed} nhưng các tiêu chí thành phần chỉ "
            f"cộng được {children}; điểm tối đa in được giữ nguyên, nên {gap} điểm không đơn vị nào đạt được "
            f"(ghi chú: {item.reason})."
        )
    return (
        f"Item {item.node}: the decision prints a maximum of {printed} but its sub-items add up to {children}; "
        f"the printed maximum counts, so {gap} points are unreachable for every unit (note: {item.reason})."
    )


def method_lines(criteria: CriteriaSet, lang: str = "vi") -> list[str]:
    """The method notes of a set: its rounding when it sets levels on their own (the old form's
    outputs stay as they were), then every printed maximum kept above its children."""
    rounding = [rounding_text(criteria.rounding, lang)] if criteria.rounding.per_level else []
    return [*rounding, *(unreachable_text(u, lang) for u in unreachable_points(criteria))]


__all__ = ["method_lines", "rounding_text", "unreachable_text"]
