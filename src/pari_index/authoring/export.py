"""``pari criteria export``: a criteria set as the annex table a decision publishes.

The workbook has the annex itself (STT, title, maximum, scoring method, evidence) and a cover of
three sheets: the set's particulars (decision, scale, parts, rounding, ranking), its classes, and
each item's part and provenance (quoted from the decision or modelled). The annex is written in
Vietnamese as a decision prints it; ``lang="en"`` writes an English reading copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl

from pari_index.criteria.method import BULLET, EVIDENCE_FIELDS, method_text, number, range_text
from pari_index.criteria.model import CriteriaSet, EvidenceSpec, Node, Part, Provenance, resolve_leaves

#: Sheet names, per language. The importer recognises both.
SHEETS = {
    "vi": {"annex": "Phụ lục", "set": "Thông tin bộ", "classes": "Xếp loại", "items": "Nguồn gốc"},
    "en": {"annex": "Annex", "set": "Set", "classes": "Classes", "items": "Provenance"},
}
#: Column headings of the annex, per language.
ANNEX_COLUMNS = {
    "vi": [
        "STT",
        "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
        "Điểm tối đa",
        "Phương pháp chấm điểm",
        "Tài liệu kiểm chứng",
    ],
    "en": ["No.", "Area/criterion/sub-criterion", "Maximum points", "Scoring method", "Evidence required"],
}
SET_COLUMNS = {"vi": ["Khoá", "Mục", "Giá trị"], "en": ["Key", "Item", "Value"]}
CLASS_COLUMNS = {
    "vi": ["Xếp loại", "Tên tiếng Anh", "Từ", "Trên", "Đến", "Dưới", "Màu", "Khoảng chỉ số"],
    "en": ["Class", "English name", "From", "Above", "To", "Below", "Colour", "Index range"],
}
ITEM_COLUMNS = {
    "vi": ["STT", "Tiêu đề", "Tiêu đề tiếng Anh", "Phần", "Nguồn gốc", "Nguồn", "Ghi chú", "Điểm in khác tổng"],
    "en": ["No.", "Title", "English title", "Part", "Provenance", "Source", "Guidance", "Printed maximum kept"],
}
PART_NAMES = {
    "vi": {Part.appraised: "thẩm định", Part.survey: "điều tra xã hội học", Part.adjustment: "điểm thưởng, điểm trừ"},
    "en": {Part.appraised: "appraised", Part.survey: "survey", Part.adjustment: "bonus and penalty"},
}
PROVENANCE_NAMES = {
    "vi": {Provenance.quoted: "trích dẫn quyết định", Provenance.modelled: "mô hình hoá"},
    "en": {Provenance.quoted: "quoted from the decision", Provenance.modelled: "modelled"},
}
#: Labels of the particulars on the cover sheet; keys not listed are shown by their key.
SET_LABELS = {
    "vi": {
        "id": "Mã bộ tiêu chí",
        "title.vi": "Tên bộ tiêu chí",
        "title.en": "Tên tiếng Anh",
        "year": "Năm đánh giá",
        "province": "Tỉnh, thành phố",
        "issuer": "Cơ quan ban hành",
        "issuer_en": "Cơ quan ban hành (tiếng Anh)",
        "decision.number": "Số quyết định",
        "decision.date": "Ngày quyết định",
        "decision.title": "Trích yếu",
        "decision.source": "Nguồn văn bản",
        "notes": "Ghi chú",
        "scale": "Thang điểm",
        "parts.appraised": "Điểm phần thẩm định",
        "parts.survey": "Điểm phần điều tra xã hội học",
        "ranking.within": "Xếp hạng trong phạm vi",
    },
    "en": {"title.vi": "Title", "title.en": "English title", "decision.number": "Decision number"},
}
DEFAULT_REQUIRES = ["number", "date"]


def flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Dotted keys and scalar values of a nested mapping (lists by index: ranking.tie_break.0)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from flatten(inner, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from flatten(inner, f"{prefix}.{i}")
    elif value is not None:
        yield prefix, value


def cell_text(value: Any) -> str:
    """A value as the cover sheet shows it: dates as YYYY-MM-DD, numbers exactly, true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | int | float):
        return number(Decimal(str(value)), "en")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def evidence_text(evidence: list[EvidenceSpec], lang: str) -> str:
    lines = []
    for spec in evidence:
        line = BULLET + spec.shown(lang)
        if list(spec.requires) != DEFAULT_REQUIRES:
            line += " (" + ", ".join(EVIDENCE_FIELDS[lang][f] for f in spec.requires) + ")"
        lines.append(line)
    return "\n".join(lines)


def annex_frame(criteria: CriteriaSet, lang: str = "vi") -> pl.DataFrame:
    """The annex table: one row per area, criterion and sub-criterion, in document order."""
    leaves = {leaf.id: leaf for leaf in resolve_leaves(criteria)}
    rows: list[list[str]] = []
    for node in criteria.nodes():
        leaf = leaves.get(node.id) if node.is_leaf else None
        rows.append(
            [
                node.id,
                node.title.shown(lang),
                number(node.max, lang),
                method_text(leaf, lang) if leaf is not None else "",
                evidence_text(leaf.evidence, lang) if leaf is not None else "",
            ]
        )
    rows.append(["", "Tổng điểm" if lang == "vi" else "Total", number(criteria.scale, lang), "", ""])
    return pl.DataFrame(rows, schema=ANNEX_COLUMNS[lang], orient="row")


def set_frame(criteria: CriteriaSet, lang: str = "vi") -> pl.DataFrame:
    """The set's particulars as key, label, value rows, then the totals of each part and area
    (keys starting "total." are for reading only; the importer recomputes them)."""
    data = criteria.model_dump(mode="python", by_alias=True, exclude={"areas", "classes"}, exclude_none=True)
    labels = SET_LABELS[lang]
    rows = [[key, labels.get(key, key), cell_text(value)] for key, value in flatten(data)]
    parts: dict[Part, Decimal] = {}
    for leaf in resolve_leaves(criteria):
        if leaf.part is not Part.adjustment:
            parts[leaf.part] = parts.get(leaf.part, Decimal(0)) + leaf.max
    for part, total in parts.items():
        rows.append([f"total.{part.value}", _total_label(PART_NAMES[lang][part], lang), number(total, lang)])
    for area in criteria.areas:
        label = _total_label(f"{area.id}. {area.title.shown(lang)}", lang)
        rows.append([f"total.area.{area.id}", label, number(area.max, lang)])
    return pl.DataFrame(rows, schema=SET_COLUMNS[lang], orient="row")


def _total_label(what: str, lang: str) -> str:
    return f"Tổng điểm: {what}" if lang == "vi" else f"Total: {what}"


def classes_frame(criteria: CriteriaSet, lang: str = "vi") -> pl.DataFrame:
    rows = []
    for band in criteria.classes:
        edges = [band.from_, band.above, band.to, band.below]
        described = range_text(band, lang)
        shown = ["" if edge is None else number(edge, "en") for edge in edges]
        rows.append([band.name, band.en or "", *shown, band.colour or "", described])
    return pl.DataFrame(rows, schema=CLASS_COLUMNS[lang], orient="row")


def items_frame(criteria: CriteriaSet, lang: str = "vi") -> pl.DataFrame:
    """Each item's part (where it is set), provenance (as it applies), source and notes."""
    rows: list[list[str]] = []

    def visit(node: Node, provenance: Provenance) -> None:
        here = node.provenance or provenance
        rows.append(
            [
                node.id,
                node.title.vi,
                node.title.en or "",
                PART_NAMES[lang][node.part] if node.part is not None else "",
                PROVENANCE_NAMES[lang][here],
                node.source or "",
                node.guidance or "",
                node.printed_mismatch or "",
            ]
        )
        for child in node.children or []:
            visit(child, here)

    for area in criteria.areas:
        visit(area, criteria.defaults.provenance)
    return pl.DataFrame(rows, schema=ITEM_COLUMNS[lang], orient="row")


def annex_sheets(criteria: CriteriaSet, lang: str = "vi") -> dict[str, pl.DataFrame]:
    names = SHEETS[lang]
    return {
        names["annex"]: annex_frame(criteria, lang),
        names["set"]: set_frame(criteria, lang),
        names["classes"]: classes_frame(criteria, lang),
        names["items"]: items_frame(criteria, lang),
    }


def export_annex(
    criteria: CriteriaSet, path: Path, lang: str = "vi", cut: list[tuple[str, int, str, int]] | None = None
) -> int:
    """Write the annex workbook to ``path`` (atomically); returns the number of annex rows. The
    cells longer than an Excel cell holds, which the writer cuts short, are added to ``cut``
    (sheet, row from 1 with the heading, column, length) for the command to tell."""
    from pari_index.outputs.files import write_xlsx

    sheets = annex_sheets(criteria, lang)
    if cut is not None:
        cut += long_cells(sheets)
    write_xlsx(path, sheets, lang)
    return next(iter(sheets.values())).height - 1


def long_cells(sheets: dict[str, pl.DataFrame]) -> list[tuple[str, int, str, int]]:
    """The text cells of ``sheets`` longer than an Excel cell holds (MAX_CELL_CHARS): a title or a
    method of 40,000 characters was cut short without a word, and imported back as the shorter
    text (decoding30)."""
    from pari_index.outputs.workbook import MAX_CELL_CHARS

    found = []
    for name, frame in sheets.items():
        for column in (c for c, dtype in frame.schema.items() if dtype == pl.String):
            lengths = frame.get_column(column).str.len_chars()
            for index in (lengths > MAX_CELL_CHARS).arg_true().to_list():
                found.append((name, index + 2, column, int(lengths[index])))
    return found


__all__ = ["ANNEX_COLUMNS", "SHEETS", "annex_frame", "annex_sheets", "export_annex", "flatten"]
