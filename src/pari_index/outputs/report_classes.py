"""The report's classes: their colours kept legible on white, their bands, names and counts.

A class's colour comes from the criteria set (``#rrggbb`` only); one too light to read as text is
darkened until its contrast with white is enough (WCAG's 4.5:1), so that a badge is never unreadable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from pari_index.criteria.model import CriteriaSet
from pari_index.messages import set_text
from pari_index.outputs.report_format import (
    _colour,
    _fold,
    _num,
    _text,
)
from pari_index.outputs.report_view import (
    ClassStyles,
    Context,
)

DEFAULT_COLOUR = "#5b6b7b"


def _luminance(colour: str) -> float:
    """The relative luminance of ``#rrggbb`` (WCAG 2)."""

    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_on_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def _legible(colour: str) -> str:
    """The colour darkened (same hue) until it stands at least 3:1 against white, so that every
    bar and swatch can be told from the page (WCAG 1.4.11); colours that already do are kept."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    shade = colour.lower()
    factor = 1.0
    while contrast_on_white(shade) < 3.0 and factor > 0:
        factor -= 0.04
        shade = "#" + "".join(f"{max(0, round(c * factor)):02x}" for c in rgb)
    return shade


def classes_of(summary: pl.DataFrame, names: Mapping[str, str], lang: str) -> ClassStyles:
    """Colour and order per class, keyed by its name in the results (the Vietnamese one, as in
    ``next_class``): a name seen with several orders keeps the lowest. Each is shown by its label
    in ``lang`` (``names``: its English name, else the Vietnamese marked " (vi)" in English); the
    key stays the same in either language, so a class without an English name keeps its colour."""
    classes: dict[str, tuple[int, str | None]] = {}
    if "class" in summary.columns:
        cols = [c for c in ("class", "class_colour", "class_order") if c in summary.columns]
        for rec in summary.select(cols).unique().iter_rows(named=True):
            name = _text(rec.get("class"))
            if not name:
                continue
            order = _num(rec.get("class_order"))
            colour = _colour(rec.get("class_colour"))
            known = classes.get(name)
            if known is None or (order is not None and order < known[0]):
                classes[name] = (int(order) if order is not None else 999, colour or (known[1] if known else None))
    class_list = sorted(classes.items(), key=lambda kv: (kv[1][0], _fold(kv[0]), kv[0]))
    class_css = {name: f"k{i}" for i, (name, _) in enumerate(class_list)}
    class_colours = [(class_css[name], _legible(colour or DEFAULT_COLOUR)) for name, (_, colour) in class_list]
    labels = {name: names.get(name) or set_text(name, None, lang) for name in classes}
    return ClassStyles("class", classes, class_list, class_css, class_colours, labels)


def class_edges_of(
    summary: pl.DataFrame, criteria: CriteriaSet | None, classes: ClassStyles
) -> list[tuple[str, float]]:
    """Each class's label and lower edge on the index, for a big group's histogram: the set's own
    edges when the set is known, else the lowest index seen in each class; the lowest class has none."""
    edges: list[tuple[str, float]] = []
    if criteria is not None:
        for band in criteria.classes:
            lower = band.lower
            if lower is not None and band.name in classes.order:
                edges.append((classes.labels[band.name], float(lower[0])))
        return edges
    if "index" not in summary.columns or not classes.listed:
        return edges
    lowest = summary.group_by("class").agg(pl.col("index").cast(pl.Float64).min())
    seen = {_text(name): float(x) for name, x in lowest.iter_rows() if x is not None}
    floor = min(seen.values(), default=0.0)
    return [(classes.labels[name], seen[name]) for name, _ in classes.listed if name in seen and seen[name] > floor]


def class_names_of(summary: pl.DataFrame, criteria: CriteriaSet | None, lang: str) -> dict[str, str]:
    """Each class's name (the Vietnamese one the results keep, as in ``next_class``) in ``lang``:
    the set's English name, else the Vietnamese marked " (vi)" in English."""
    pairs: dict[str, str | None] = {}
    if "class" in summary.columns and "class_en" in summary.columns:
        for name, english in summary.select("class", "class_en").unique().iter_rows():
            if name:
                pairs[str(name)] = _text(english) or pairs.get(str(name))
    if criteria is not None:
        pairs.update({band.name: band.en for band in criteria.classes})
    return {name: set_text(name, english, lang) for name, english in pairs.items()}


# --- the page around the groups ---------------------------------------------------------------


def class_counts_of(
    ctx: Context, records: Sequence[Mapping[str, Any]], summary: pl.DataFrame
) -> list[tuple[str, str, str, str]]:
    """(class, its label, CSS class, count) for the overview, in class order; classes no commune
    has left out."""
    if "class" not in summary.columns:
        return []
    counts: dict[str, int] = {}
    for rec in records:
        cname = _text(rec.get("class"))
        if cname:
            counts[cname] = counts.get(cname, 0) + 1
    return [
        (name, ctx.classes.labels[name], ctx.classes.css[name], ctx.fmt.count(counts.get(name, 0)))
        for name, _ in ctx.classes.listed
        if name in counts
    ]
