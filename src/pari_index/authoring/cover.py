"""The cover sheets of an exported annex read back: particulars, classes, items' provenance.

An annex typed by an official has no cover: the draft then gets a ``todo:`` for each particular
the annex cannot give (decision, province, classes, ranking), and the totals are summed from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pari_index.authoring.export import PART_NAMES, PROVENANCE_NAMES
from pari_index.authoring.workbook_in import AnnexBook
from pari_index.criteria.model import Part, Provenance

#: Particulars that are text even when they look like a number ("2022" as a title stays text).
TEXT_KEYS = {
    "vi",
    "en",
    "title",
    "notes",
    "number",
    "source",
    "province",
    "issuer",
    "issuer_en",
    "within",
    "id",
    "name",
}
_PARTS = {name.casefold(): part for names in PART_NAMES.values() for part, name in names.items()}
_PROVENANCES = {name.casefold(): p for names in PROVENANCE_NAMES.values() for p, name in names.items()}
_CLASS_EDGES = ("from", "above", "to", "below")


@dataclass
class ItemInfo:
    title_en: str | None = None
    part: Part | None = None
    provenance: Provenance | None = None
    source: str | None = None
    guidance: str | None = None
    printed_mismatch: str | None = None


@dataclass
class Cover:
    particulars: dict[str, Any] = field(default_factory=dict)
    classes: list[dict[str, Any]] | None = None
    items: dict[str, ItemInfo] = field(default_factory=dict)
    todos: list[str] = field(default_factory=list)


def typed(key: str, text: str) -> Any:
    """A particular's value with its type back: true/false, whole and decimal numbers; text for
    the keys that are always text."""
    if key.rsplit(".", 1)[-1] in TEXT_KEYS or re.fullmatch(r"\d+", key.rsplit(".", 1)[-1] or ""):
        return text
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    # The cover sheet writes numbers with a decimal point (1.125 is not one thousand here).
    return Decimal(text) if re.fullmatch(r"-?\d+\.\d+", text) else text


def unflatten(flat: dict[str, str]) -> dict[str, Any]:
    """Dotted keys back into nested mappings; numbered keys (tie_break.0) into lists."""
    root: dict[str, Any] = {}
    for key, text in flat.items():
        if key.startswith("total.") or not text:
            continue
        parts = key.split(".")
        here = root
        for part in parts[:-1]:
            here = here.setdefault(part, {})
        here[parts[-1]] = typed(key, text)
    nested: dict[str, Any] = _lists(root)
    return nested


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        items = {k: _lists(v) for k, v in value.items()}
        if items and all(k.isdigit() for k in items):
            return [items[k] for k in sorted(items, key=int)]
        return items
    return value


def _class(record: dict[str, str]) -> dict[str, Any]:
    band: dict[str, Any] = {"name": record.get("0", "")}
    if record.get("1"):
        band["en"] = record["1"]
    for i, edge in enumerate(_CLASS_EDGES, start=2):
        text = record.get(str(i), "")
        if re.fullmatch(r"-?\d+(\.\d+)?", text):
            band[edge] = Decimal(text)
    if record.get("6"):
        band["colour"] = record["6"]
    return band


def _item(record: dict[str, str]) -> ItemInfo:
    return ItemInfo(
        title_en=record.get("2") or None,
        part=_PARTS.get(record.get("3", "").casefold()),
        provenance=_PROVENANCES.get(record.get("4", "").casefold()),
        source=record.get("5") or None,
        guidance=record.get("6") or None,
        printed_mismatch=record.get("7") or None,
    )


def read_cover(book: AnnexBook) -> Cover:
    cover = Cover()
    if book.particulars:
        cover.particulars = unflatten(book.particulars)
    if book.classes:
        cover.classes = [_class(record) for record in book.classes if record.get("0")]
    if book.items:
        cover.items = {number: _item(record) for number, record in book.items.items()}
    return cover


def scale_of(areas: list[dict[str, Any]]) -> dict[str, Decimal]:
    """Points of each part, summed from the areas (an area without a part is appraised)."""
    totals: dict[str, Decimal] = {}
    for area in areas:
        part = area.get("part", "appraised")
        if part == "adjustment" or not isinstance(area.get("max"), Decimal):
            continue
        totals[part] = totals.get(part, Decimal(0)) + area["max"]
    return totals


__all__ = ["Cover", "ItemInfo", "read_cover", "scale_of", "typed", "unflatten"]
