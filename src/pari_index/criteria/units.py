"""What the units a set ranks are called, in Vietnamese and English.

A set says its ``level`` (docs/criteria.md, "Levels"): communes, wards, districts, departments
(sở), provinces, ministries, or a label of its own. Every heading and sentence that names the
units (the report, the results' about sheet, the console summary) takes its words from here, so a
province-level index reads "Tỉnh" / "Province" where a commune index reads "Đơn vị" / "Commune".

Column ids of the results (``commune_code``, ``name``) stay the same at every level: they are
internal names that programs read, documented in docs/data-formats.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pari_index.criteria.model import CriteriaSet, LevelLabel, UnitLevel

__all__ = ["UnitNames", "level_labels", "unit_names"]


@dataclass(frozen=True)
class UnitNames:
    """The words for one level."""

    #: The level's id: a :class:`~pari_index.criteria.model.UnitLevel` value, or "label" for one's own.
    level: str
    #: The level as in "cấp xã", "cấp tỉnh".
    vi: str
    #: A column heading naming one unit ("Đơn vị" for communes: xã, phường and thị trấn alike).
    vi_heading: str
    en: str
    en_plural: str

    def heading(self, lang: str) -> str:
        return self.vi_heading if lang == "vi" else _capital(self.en)

    def plural(self, lang: str) -> str:
        """Units counted or listed: "đơn vị cấp tỉnh", "provinces"."""
        return f"đơn vị cấp {self.vi}" if lang == "vi" else self.en_plural

    def about(self) -> dict[str, str]:
        """The rows of the results' about sheet that carry these words to ``pari report``: the
        level alone for a known level (its words are :data:`KNOWN`), the words for one's own."""
        if self.level in UnitLevel.__members__:
            return {"level": self.level}
        return {
            "level": self.level,
            "level_vi": self.vi,
            "level_vi_heading": self.vi_heading,
            "level_en": self.en,
            "level_en_plural": self.en_plural,
        }

    @classmethod
    def from_about(cls, about: Mapping[str, str]) -> UnitNames:
        """The words a results file recorded; communes for a file written before levels existed."""
        level = about.get("level") or UnitLevel.commune.value
        if level in UnitLevel.__members__:
            return KNOWN[UnitLevel(level)]
        known = KNOWN[UnitLevel.commune]
        return cls(
            level=level,
            vi=about.get("level_vi") or known.vi,
            vi_heading=about.get("level_vi_heading") or known.vi_heading,
            en=about.get("level_en") or known.en,
            en_plural=about.get("level_en_plural") or known.en_plural,
        )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


KNOWN: dict[UnitLevel, UnitNames] = {
    UnitLevel.commune: UnitNames("commune", "xã", "Đơn vị", "commune", "communes"),
    UnitLevel.ward: UnitNames("ward", "phường", "Phường", "ward", "wards"),
    UnitLevel.district: UnitNames("district", "huyện", "Huyện", "district", "districts"),
    UnitLevel.department: UnitNames("department", "sở, ngành", "Sở, ngành", "department", "departments"),
    UnitLevel.province: UnitNames("province", "tỉnh", "Tỉnh", "province", "provinces"),
    UnitLevel.ministry: UnitNames("ministry", "bộ, ngành", "Bộ, ngành", "ministry", "ministries"),
}


def unit_names(criteria: CriteriaSet | None) -> UnitNames:
    """The words for a set's level (communes when there is no set)."""
    if criteria is None:
        return KNOWN[UnitLevel.commune]
    level = criteria.level
    if isinstance(level, LevelLabel):
        english = level.en or level.vi
        return UnitNames(
            level="label",
            vi=level.vi,
            vi_heading=_capital(level.vi),
            en=english,
            en_plural=level.en_plural or (f"{english}s" if level.en else level.vi),
        )
    return KNOWN[level]


#: Report labels that name the units, with {unit} (the level, "xã" / "commune"), {units} (plural),
#: {Unit} / {Units} (capitalised) and {heading}. For communes they give the labels of
#: :data:`pari_index.outputs.report_labels.LABELS` exactly; ``filter`` is only rewritten for other levels, whose
#: groups are not districts.
_LEVEL_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "report": "Báo cáo xếp hạng Chỉ số cải cách hành chính cấp {unit}",
        "communes": "Số đơn vị cấp {unit}",
        "commune": "{heading}",
        "filter": "Lọc theo tên hoặc mã {unit}, tên nhóm",
    },
    "en": {
        "report": "{Unit} PAR Index ranking report",
        "communes": "{Units}",
        "commune": "{heading}",
        "filter": "Filter by {unit} name or code, or group",
        "filter_count": "Showing {shown} of {total} {units}",
        "filter_none": "No {unit} matches",
        "group_size": "{n} {units}",
        "group_size_one": "{n} {unit}",
        # The charts' words name the level too (until session 36 they said «communes» for any).
        "chart_index": "Index (%) per {unit}, in rank order: {group}",
        "chart_ends": "Top {n} and bottom {n} {units} (as filtered)",
        "chart_gap": "… {n} {units} in between …",
        "chart_gap_one": "… {n} {unit} in between …",
        "histogram": "Distribution of the index (%) over {n} {units}; dashed lines: class edges",
        "hist_bin": "{lo}–{hi} %: {n} {units}",
        "hist_bin_one": "{lo}–{hi} %: {n} {unit}",
        "paged_note": "Large table: shown {n} rows a page. Printing prints the page shown; filter first to print the "
        "{units} you need.",
        "chart_totals": "Total points by {unit}: {group}",
        "class_counts": "{Units} by class",
        "details": "Details per {unit}",
        "findings_general": "Findings not tied to a {unit}",
        "communes_affected": "{Units} affected",
    },
}


def level_labels(labels: Mapping[str, str], names: UnitNames, lang: str) -> dict[str, str]:
    """``labels`` with every label that names the units said for ``names``' level."""
    out = dict(labels)
    unit = names.vi if lang == "vi" else names.en
    units = names.vi if lang == "vi" else names.en_plural
    words = {
        "{unit}": unit,
        "{units}": units,
        "{Unit}": _capital(unit),
        "{Units}": _capital(units),
        "{heading}": names.heading(lang),
    }
    for key, template in _LEVEL_LABELS.get(lang, {}).items():
        if key == "filter" and names.level == UnitLevel.commune.value:
            continue
        text = template
        for token, word in words.items():
            text = text.replace(token, word)
        out[key] = text
    return out
