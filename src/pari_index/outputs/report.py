"""The HTML ranking report: one self-contained file that officials can open, print and trust.

``render_report`` turns the tables of a results file (as :func:`pari_index.outputs.results.read_results`
returns them) into one HTML page with inline CSS, inline SVG charts and a little inline JS; it loads
nothing from anywhere else, so it works offline and from a USB stick.

* Every value from the input is escaped by Jinja2 (``autoescape=True``); the templates never mark
  input data safe. Colours from the input are used only when they are ``#rrggbb``. The labels the
  script needs travel as JSON in a ``<script type="application/json">`` block with ``<``, ``>`` and
  ``&`` written as ``\\u003c`` and so on, so no value can close the block.
* A Content-Security-Policy allows only the report's own script and stylesheet (by their SHA-256
  hashes) and ``data:`` images: even an injected tag could neither run nor load anything.
* The same tables give byte-identical output; the date is printed only when ``date`` is given.
* At national scale (about 10,600 communes in 700 districts) each ranking group is a closed
  ``<details>`` after the first few, packed (JSON, gzip, base64) and unpacked by the script when
  opened; item rows are indices into one string table and are built with ``textContent`` only.
* A group of more than 200 communes is shown a page of 100 rows at a time: the script builds the
  rows from packed values, sorts and filters them there, and charts the first and last ranked
  beside a histogram; its details are packed per page of communes and unpacked when asked for.
* A print footer (set, date, version, page k/n) is written as CSS ``@page`` margin boxes; the CSV
  of the ranking travels packed and is downloaded through a ``blob:`` link made by the script.

The words live in :mod:`~pari_index.outputs.report_labels`, the text and number formatting in
:mod:`~pari_index.outputs.report_format`, the view model in :mod:`~pari_index.outputs.report_view`
and the groups' rows and charts in :mod:`~pari_index.outputs.report_groups`; this module reads the
tables, assembles the view and renders it.
"""

from __future__ import annotations

import base64
import csv
import gzip
import io
import json
import math
import os
import re
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
import polars as pl
from markupsafe import Markup

from pari_index.criteria.methodology import method_lines
from pari_index.criteria.model import ROUNDING_LEVELS, CriteriaSet, Rounding, resolve_leaves
from pari_index.criteria.points import RoundingMode
from pari_index.criteria.units import UnitNames, level_labels, unit_names
from pari_index.errors import Problem, in_language, shorten
from pari_index.intake.findings import problems_to_findings
from pari_index.intake.folding import counted, counted_kind
from pari_index.limits import check_report_size
from pari_index.messages import InputLabel, localise_findings, set_text
from pari_index.messages import title as title_of
from pari_index.outputs.explain import explained_in
from pari_index.outputs.files import write_text
from pari_index.outputs.report_format import (
    HEAT_BUCKETS,
    Formatter,
    _balanced,
    _balanced_text,
    _basename,
    _bdi,
    _colour,
    _csp_hash,
    _display_date,
    _fold,
    _isolate,
    _num,
    _safe_json,
    _text,
    finalize_controls,
    finding_rows,
    profile_area_rows,
    visible_controls,
)
from pari_index.outputs.report_groups import (
    CHART_ENDS,
    OPEN_COMMUNES,
    PAGE_ROWS,
    PAGED_COMMUNES,
    build_groups,
    group_key,
    grouped_records,
)
from pari_index.outputs.report_labels import LABELS, SEVERITIES, STATUSES, UNIT_TYPES
from pari_index.outputs.report_method import method_and_provenance
from pari_index.outputs.report_view import (
    Area,
    ClassStyles,
    Commune,
    Context,
    Finding,
    FindingLists,
    Group,
    Item,
)
from pari_index.outputs.results_checks import about_facts
from pari_index.scoring.completeness import notices
from pari_index.scoring.explanations import input_labeller
from pari_index.textexpr import format_text
from pari_index.threads import result_of

__all__ = ["LABELS", "render_report", "write_report"]


FINDINGS_LISTED = 200  # findings not tied to a commune listed in full; the rest are counted
#: The characters of an item's or area's title where the page repeats it (each unit's items and
#: losses, each group's area headings); the method section gives it whole, once. A set of five
#: items titled with 99,000 characters each in both languages (1 MB, within the set's limits)
#: wrote them again for each of the example's 48 units: a page of 32 MB, 255 MB
#: (limits25/report-of-long-item-titles, session 25). The longest title of the shipped sets has
#: 114 characters.
MAX_REPEATED_TITLE_CHARS = 500
#: The findings listed in one unit's details; the rest are counted (the results list them all).
#: 150,000 conflicting rows of 60 units (9.4 MB) wrote a page of 175 MB, 14 CPU s and 1.6 GB.
FINDINGS_PER_UNIT = 200
#: Above this many item rows or communes, a group's body is parsed only when the group is opened.
#: Groups a filter opens at most (those with matches, when few communes match): in a packed report
#: each is unpacked and built when opened (ten cost about 0.5 s of CPU on the shared machine).
FILTER_OPENS = 10
FILTER_OPENS_PACKED = 3
LAZY_ITEMS = 25_000
LAZY_COMMUNES = 1_000
DEFAULT_COLOUR = "#5b6b7b"


#: The per-item columns a report shows, in order (missing ones are shown empty).
ITEM_SOURCE_COLUMNS = (
    "commune_code",
    "criterion_id",
    "max",
    "self_score",
    "appraised_score",
    "final_score",
    "status",
    "explanation",
    "appraisal_reason",
)


def _item_columns(criteria_table: pl.DataFrame) -> pl.DataFrame:
    present = set(criteria_table.columns)
    return criteria_table.select(pl.col(c) if c in present else pl.lit(None).alias(c) for c in ITEM_SOURCE_COLUMNS)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pari_index.outputs", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # The templates are the package's own: no disk check on every include.
        auto_reload=False,
        finalize=finalize_controls,
    )
    env.filters["area_rows"] = profile_area_rows
    env.filters["finding_rows"] = finding_rows
    env.filters["bdi"] = _bdi
    env.filters["isolate"] = _isolate
    env.filters["balanced"] = _balanced_text
    return env


# --- the results tables: about sheet, places, method, areas -----------------------------------


def _columns(frame: pl.DataFrame | None) -> set[str]:
    return set(frame.columns) if frame is not None else set()


def _places(about: Mapping[str, str], criteria: CriteriaSet | None) -> int:
    if criteria is not None:
        return criteria.rounding.shown("index")
    match = re.match(r"\s*(\d)", about.get("rounding", ""))
    return int(match.group(1)) if match else 2


def _column_places(about: Mapping[str, str], criteria: CriteriaSet | None) -> Callable[[str], int] | None:
    """Places per column under a rounding policy per level, from the set or from the about sheet's
    "rounding" line ("2 places (index); items none, ..., index 2; half_up"); None for the old form."""
    if criteria is not None:
        return criteria.rounding.column_places if criteria.rounding.per_level else None
    levels = dict(re.findall(r"\b(items|areas|parts|total|index) (none|\d)\b", about.get("rounding", "")))
    if len(levels) < len(ROUNDING_LEVELS):
        return None
    mode = about.get("rounding", "").rsplit(";", 1)[-1].strip()
    try:
        policy = Rounding(
            mode=RoundingMode(mode), **{k: ("none" if v == "none" else int(v)) for k, v in levels.items()}
        )
    except ValueError:
        return None
    return policy.column_places


def _item_methods(criteria: CriteriaSet | None, lang: str) -> list[dict[str, str]]:
    """Each scored item's rule in the words of the annex (criteria.method): the sentence the
    template and ``pari explain`` print too. Empty when the set is not known."""
    if criteria is None:
        return []
    from pari_index.criteria.method import method_text, number

    return [
        {
            "id": leaf.id,
            "title": leaf.title.shown(lang),
            "max": number(leaf.max, lang),
            "method": method_text(leaf, lang),
        }
        for leaf in resolve_leaves(criteria)
    ]


def _method_lines(about: Mapping[str, str], criteria: CriteriaSet | None, lang: str) -> list[str]:
    """The report's method notes: from the set in the report's language, else from the about sheet."""
    if criteria is not None:
        return method_lines(criteria, lang)
    keys = sorted((k for k in about if re.fullmatch(r"method_\d+", k)), key=lambda k: int(k.split("_")[1]))
    return [about[k] for k in keys if about[k]]


def _area_ids(summary: pl.DataFrame) -> list[str]:
    return [c.removeprefix("area_") for c in summary.columns if c.startswith("area_")]


def _area_maxima(
    criteria_table: pl.DataFrame | None, criteria: CriteriaSet | None, area_ids: list[str]
) -> tuple[dict[tuple[str, str], float], dict[str, float]]:
    """Each commune's maximum per area (N/A items left out) and the set's maximum per area."""
    per_commune: dict[tuple[str, str], float] = {}
    overall: dict[str, float] = {}
    cols = _columns(criteria_table)
    if criteria_table is not None and {"commune_code", "area_id"} <= cols and ({"counted_max", "max"} & cols):
        maximum = "counted_max" if "counted_max" in cols else "max"
        frame = criteria_table
        if "part" in cols:
            frame = frame.filter(pl.col("part").cast(pl.String) != "adjustment")
        sums = frame.group_by("commune_code", "area_id").agg(pl.col(maximum).cast(pl.Float64).sum())
        for code, area, total in sums.iter_rows():
            per_commune[(_text(code), _text(area))] = float(total or 0)
        widest = (
            frame.group_by("commune_code", "area_id").agg(pl.col("max").cast(pl.Float64).sum())
            if ("max" in cols)
            else sums
        )
        for area, total in widest.group_by("area_id").agg(pl.col(widest.columns[-1]).max()).iter_rows():
            overall[_text(area)] = float(total or 0)
    if criteria is not None:
        for node in criteria.areas:
            if node.part is None or node.part.value != "adjustment":
                overall[node.id] = float(node.max)
    return per_commune, {a: v for a, v in overall.items() if a in area_ids}


# --- what every group and row needs, read once ------------------------------------------------


def _titles(criteria: CriteriaSet | None, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """The titles of the set's areas and of its items in the report's language (none without the
    set), as the page repeats them: cut to MAX_REPEATED_TITLE_CHARS, saying how long they were."""
    titles: dict[str, str] = {}
    leaf_titles: dict[str, str] = {}

    def repeated(text: str) -> str:
        return in_language(shorten(text, MAX_REPEATED_TITLE_CHARS), lang)

    if criteria is not None:
        for node in criteria.areas:
            titles[node.id] = repeated(node.title.shown(lang))
        for leaf in criteria.leaves():
            leaf_titles[leaf.id] = repeated(leaf.title.shown(lang))
    return titles, leaf_titles


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


def _classes(summary: pl.DataFrame, names: Mapping[str, str], lang: str) -> ClassStyles:
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


def _item_rows(
    criteria_table: pl.DataFrame | None, lazy: bool, leaf_titles: Mapping[str, str], fmt: Formatter, li: int
) -> tuple[dict[str, list[Item]], dict[str, int]]:
    """Items per commune, read once; a lazy report only counts them here and packs the rows later
    (:func:`_pack_items`), so that they are not formatted twice."""
    items: dict[str, list[Item]] = {}
    item_counts: dict[str, int] = {}
    if criteria_table is None or not {"commune_code", "criterion_id"} <= set(criteria_table.columns):
        return items, item_counts
    if lazy:
        counts_frame = criteria_table.group_by(pl.col("commune_code").cast(pl.String)).len()
        return items, {_text(code): int(n) for code, n in counts_frame.iter_rows()}
    frame = _item_columns(criteria_table)
    statuses = {k: v[li] for k, v in STATUSES.items()}
    short = fmt.short
    for code, cid, mx, self_s, appr, final, status, expl, reason in frame.iter_rows():
        cid_text = _text(cid)
        status_text = _text(status)
        items.setdefault(_text(code), []).append(
            Item(
                cid_text,
                leaf_titles.get(cid_text, ""),
                short(mx),
                short(self_s),
                short(appr),
                short(final),
                statuses.get(status_text, status_text),
                _text(expl),
                _text(reason),
            )
        )
    return items, item_counts


#: The columns of the findings table the report reads (missing ones are taken as empty).
FINDING_SOURCE_COLUMNS = (
    "severity",
    "kind",
    "title",
    "commune_code",
    "criterion_id",
    "file",
    "sheet",
    "row",
    "column",
    "message",
    "hint",
)


def _findings(findings_table: pl.DataFrame | None, fmt: Formatter, li: int, label: InputLabel | None) -> FindingLists:
    """Each finding placed with its commune or among the general ones, and the count per kind;
    titles, messages and hints rendered in the report's language (pari_index.messages)."""
    found = FindingLists()
    if findings_table is None or not findings_table.height:
        return found
    findings_table = localise_findings(findings_table, fmt.lang, label)
    fcols = set(findings_table.columns)
    frame = findings_table.select(pl.col(c) if c in fcols else pl.lit(None).alias(c) for c in FINDING_SOURCE_COLUMNS)
    frame = frame.with_columns(_counted(findings_table))
    found.kinds = _finding_kinds(frame, fmt, li)
    # Each unit's findings counted, and only those listed made rows (a Python loop over them).
    unit = pl.col("commune_code").cast(pl.String).fill_null("")
    keyed = frame.with_columns(unit.alias("_unit"), pl.int_range(pl.len()).over(unit).alias("_nth"))
    shown = pl.when(pl.col("_unit") == "").then(FINDINGS_LISTED).otherwise(FINDINGS_PER_UNIT)
    # The findings not listed, as many as they stand for: a folded one is the findings it folded.
    unlisted = keyed.filter(pl.col("_nth") >= shown).group_by("_unit").agg(pl.col("_n").sum())
    more = {str(unit): int(n) for unit, n in unlisted.iter_rows()}
    found.general_more = more.pop("", 0)
    found.unit_more = more
    listed = keyed.filter(pl.col("_nth") < shown).drop("_unit", "_nth", "_kind", "_n")
    for sev, kind, title, code, cid, file, sheet, row, column, message, hint in listed.iter_rows():
        # Where the finding points: the file's name only (not the scoring machine's folders).
        where = " · ".join(
            t
            for t in (
                _basename(_text(file)),
                _text(sheet),
                f"{_text(row)}" if row is not None else "",
                _text(column),
            )
            if t
        )
        sev_text = _text(sev)
        finding = Finding(
            sev_text,
            SEVERITIES.get(sev_text, (sev_text, sev_text))[li],
            _text(kind),
            _text(cid),
            where,
            _text(message),
            _text(hint),
            _text(title),
        )
        if code is not None and _text(code):
            found.by_commune.setdefault(_text(code), []).append(finding)
        else:
            found.general.append(finding)
    return found


def _counted(findings_table: pl.DataFrame) -> list[pl.Series]:
    """The kind each finding counts as and how many findings it stands for (``_kind``, ``_n``): a
    folded finding (intake.folding) counts as the findings of its kind it folded."""
    table = findings_table.select(
        pl.col("kind").cast(pl.String).alias("kind"),
        (pl.col("params") if "params" in findings_table.columns else pl.lit(None)).cast(pl.String).alias("params"),
        (pl.col("size") if "size" in findings_table.columns else pl.lit(None))
        .cast(pl.Float64, strict=False)
        .alias("size"),
    )
    weights = table.select(counted_kind().alias("_kind"), counted().fill_null(1).alias("_n"))
    return [weights["_kind"], weights["_n"]]


def _finding_kinds(frame: pl.DataFrame, fmt: Formatter, li: int) -> list[dict[str, str]]:
    """The summary of findings: per severity and kind, how many and for how many communes; errors
    first, then the most frequent. A folded finding counts as the findings of its kind (``_kind``
    and ``_n``: :func:`_counted`), under that kind's title."""
    own_title = pl.col("title").cast(pl.String).filter(pl.col("kind") == pl.col("_kind")).first()
    by_kind = (
        frame.with_columns(
            pl.col("severity").cast(pl.String).fill_null(""), pl.col("_kind").cast(pl.String).fill_null("")
        )
        .group_by("severity", "_kind")
        .agg(
            pl.col("_n").sum().alias("n"),
            pl.col("commune_code").drop_nulls().n_unique().alias("communes"),
            own_title.alias("title"),
        )
        .with_columns(
            pl.col("title").fill_null(
                pl.col("_kind").map_elements(lambda kind: title_of(kind, fmt.lang), return_dtype=pl.String)
            )
        )
    )
    sev_order = {"error": 0, "warning": 1, "info": 2}
    kind_rows = sorted(by_kind.iter_rows(), key=lambda r: (sev_order.get(r[0], 3), -r[2], r[1], r[0]))
    return [
        {
            "severity": sev,
            "severity_label": SEVERITIES.get(sev, (sev, sev))[li],
            "kind": kind,
            "title": _text(kind_title),
            "count": fmt.count(int(n)),
            "communes": fmt.count(int(n_communes)),
        }
        for sev, kind, n, n_communes, kind_title in kind_rows
    ]


def _class_edges(summary: pl.DataFrame, criteria: CriteriaSet | None, classes: ClassStyles) -> list[tuple[str, float]]:
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


def _class_names(summary: pl.DataFrame, criteria: CriteriaSet | None, lang: str) -> dict[str, str]:
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


def _context(
    tables: Mapping[str, pl.DataFrame],
    about: Mapping[str, str],
    criteria: CriteriaSet | None,
    lang: str,
    labels: dict[str, str],
    fmt: Formatter,
    lazy: bool,
) -> Context:
    """Areas, classes, items and findings, read once for all groups."""
    summary = tables["summary"]
    li = 1 if lang == "en" else 0
    area_ids = _area_ids(summary)
    titles, leaf_titles = _titles(criteria, lang)
    areas = [Area(a, f"{labels['area_short']}{a}", titles.get(a, f"{labels['area']} {a}")) for a in area_ids]
    criteria_table = tables.get("criteria")
    per_commune_max, area_max = _area_maxima(criteria_table, criteria, area_ids)
    items, item_counts = _item_rows(criteria_table, lazy, leaf_titles, fmt, li)
    class_names = _class_names(summary, criteria, lang)
    classes = _classes(summary, class_names, lang)
    group_col = group_key(summary, about)
    return Context(
        labels=labels,
        li=li,
        fmt=fmt,
        area_ids=area_ids,
        areas=areas,
        leaf_titles=leaf_titles,
        per_commune_max=per_commune_max,
        area_max=area_max,
        classes=classes,
        items=items,
        item_counts=item_counts,
        lazy=lazy,
        findings=_findings(tables.get("findings"), fmt, li, input_labeller(criteria, lang)),
        group_col=group_col,
        scale=float(criteria.scale) if criteria is not None else _num(about.get("scale")) or 0.0,
        class_edges=_class_edges(summary, criteria, classes),
        # Ranked within a province (or nationally), each unit's district is a column of its own.
        show_district=group_col != "district"
        and "district" in summary.columns
        and summary["district"].drop_nulls().n_unique() > 1,
        class_names=class_names,
    )


# --- the page around the groups ---------------------------------------------------------------


def _class_counts(
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


def _within(summary: pl.DataFrame, about: Mapping[str, str], labels: Mapping[str, str]) -> str:
    """What the units were ranked within, as they were grouped: the summary's ``group_column``
    (``pari score --group-by``) first, else the about sheet; each level in the report's words."""
    within = about.get("ranked_within", "")
    if "group_column" in summary.columns:
        columns = summary["group_column"].drop_nulls().unique().to_list()
        if len(columns) == 1:
            within = str(columns[0])
    return ", ".join(labels.get(f"within_{level.strip()}", level.strip()) for level in within.split(",") if level)


def _header(
    about: Mapping[str, str], criteria: CriteriaSet | None, lang: str, labels: Mapping[str, str]
) -> dict[str, Any]:
    """The report's heading and metadata: from the criteria set when it is known, else from the
    results file's about sheet."""
    title = set_text(about.get("criteria_title", ""), about.get("criteria_title_en"), lang)
    if criteria is not None:
        title = criteria.title.shown(lang)
    decision, decision_date = about.get("decision", ""), about.get("decision_date", "")
    if criteria is not None:
        decision = criteria.decision.number if criteria.decision is not None else ""
        decision_date = criteria.decision.date.isoformat() if criteria.decision is not None else ""
    source = (criteria.source or "") if criteria is not None else about.get("source", "")
    # The year scored (pari score --year) is the about sheet's; the set's own year is its default.
    year = about.get("year", "") or (str(criteria.year) if criteria is not None and criteria.year else "")
    province = criteria.province if criteria is not None else about.get("province", "")
    return {
        "title": title,
        "decision": decision,
        "decision_date": _display_date(decision_date, lang),
        "source": source,
        "year": year,
        "province": province,
    }


def _findings_view(found: FindingLists, labels: Mapping[str, str], fmt: Formatter) -> dict[str, Any]:
    """The findings section: the count per kind and the general findings (how many more, if cut)."""
    more = found.general_more
    return {
        "kinds": found.kinds,
        "general": found.general,
        "general_more": labels["findings_more"].format(n=fmt.count(more)) if more > 0 else "",
    }


def _build(
    tables: Mapping[str, pl.DataFrame], lang: str, date: str | None, criteria: CriteriaSet | None, lazy: bool
) -> dict[str, Any]:
    """The view the templates render: heading, notices and method, groups, overview, findings."""
    about = about_facts(tables)
    # Headings that name the units say the set's level: "Tỉnh" / "Province" for a provincial index.
    names = unit_names(criteria) if criteria is not None else UnitNames.from_about(about)
    labels = level_labels(LABELS[lang], names, lang)
    summary = tables["summary"]
    fmt = Formatter(lang, _places(about, criteria), _column_places(about, criteria))
    records = summary.to_dicts()
    grouped = grouped_records(records, summary, group_key(summary, about))
    # A big group's rows are paged by the script from packed data: such a report is always packed.
    lazy = lazy or any(len(recs) > PAGED_COMMUNES for recs in grouped)
    ctx = _context(tables, about, criteria, lang, labels, fmt, lazy)
    groups = build_groups(ctx, grouped)
    counted = _class_counts(ctx, records, summary)
    return {
        "L": labels,
        "lang": lang,
        # The completeness banner (rows rejected, files left out, no survey, communes that sent
        # nothing), from the about sheet's counts, in the report's language.
        "notices": notices(about, lang),
        "method": _method_lines(about, criteria, lang),
        "item_methods": _item_methods(criteria, lang),
        **_header(about, criteria, lang, labels),
        "within": _within(summary, about, labels),
        "date": _display_date(date, lang) if date else "",
        "total_communes": fmt.count(len(records)),
        "group_count": fmt.count(len(groups)),
        "groups": groups,
        "areas": ctx.areas,
        "heat_buckets": [(css, text) for _, css, text in HEAT_BUCKETS],
        "heat_rows": [{"group": group, "cells": group.heat} for group in groups],
        "class_counts": [(label, css, n) for _, label, css, n in counted],
        # Each counted class's colour by its key (the method section lists the set's classes).
        "class_css": {name: css for name, _, css, _ in counted},
        "class_colours": ctx.classes.colours,
        **_findings_view(ctx.findings, labels, fmt),
        "scale": fmt.short(ctx.scale) if ctx.scale else "",
        "has_change": any(c.change for g in groups for c in g.communes),
        "has_index_change": "index_change" in summary.columns and summary["index_change"].drop_nulls().len() > 0,
        "show_district": ctx.show_district,
        "has_class": bool(ctx.classes.listed),
        "leaf_titles": ctx.leaf_titles,
        "places": fmt.places,
        "lazy": lazy,
        # Commune details written as their summaries only (a packed group's body; see _pack_groups).
        "shell": False,
        "page_rows": PAGE_ROWS,
        "chart_ends": CHART_ENDS,
        # Vietnamese names in the English report say so, for screen readers and hyphenation.
        "vi_attr": Markup(' lang="vi"') if lang != "vi" else "",
    }


# --- rendering --------------------------------------------------------------------------------


# --- large reports: packed groups -------------------------------------------------------------

#: The columns of a packed item row, in order; each value is an index into the string table.
ITEM_COLUMNS = ("criterion", "title", "max", "self", "appraised", "final", "status", "explanation", "reason")


def _pack(text: str) -> Markup:
    """gzip (no timestamp: same bytes every time) and base64: only ``A-Za-z0-9+/=`` in the page."""
    return Markup(base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)).decode("ascii"))


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _pack_items(
    criteria_table: pl.DataFrame | None, view: Mapping[str, Any]
) -> tuple[list[str], dict[tuple[int, int], str]]:
    """The report's string table, and per (group, commune position) its item rows as JSON arrays.

    Every item value (criterion, title, the formatted points, status, explanation, reason) becomes
    an index into one table of distinct strings, so a repeated explanation is stored once. The
    values are formatted per distinct value (not per row) and the rows are written by polars.
    """
    strings: dict[str, int] = {"": 0}
    if criteria_table is None or not {"commune_code", "criterion_id"} <= set(criteria_table.columns):
        return list(strings), {}
    lang = view["lang"]
    li = 1 if lang == "en" else 0
    fmt = Formatter(lang, view["places"])
    statuses = {k: v[li] for k, v in STATUSES.items()}
    leaf_titles: Mapping[str, str] = view["leaf_titles"]
    frame = _item_columns(criteria_table)

    def encode(column: str, text_of: Callable[[Any], str]) -> pl.Series:
        series = frame[column]
        if series.dtype.is_float():
            series = series.fill_nan(None)
        distinct = series.drop_nulls().unique(maintain_order=True)
        missing = strings.setdefault(text_of(None), len(strings))
        if distinct.len() == 0:
            return pl.repeat(missing, frame.height, dtype=pl.UInt32, eager=True)
        index = [strings.setdefault(text_of(v), len(strings)) for v in distinct.to_list()]
        return series.replace_strict(distinct, pl.Series(index, dtype=pl.UInt32), default=missing).fill_null(missing)

    def status_text(value: Any) -> str:
        text = _text(value)
        return statuses.get(text, text)

    encoded = [
        encode("criterion_id", _text),
        encode("criterion_id", lambda v: leaf_titles.get(_text(v), "")),
        encode("max", fmt.short),
        encode("self_score", fmt.short),
        encode("appraised_score", fmt.short),
        encode("final_score", fmt.short),
        encode("status", status_text),
        encode("explanation", _text),
        encode("appraisal_reason", _text),
    ]
    cells = pl.DataFrame([s.alias(f"c{k}") for k, s in enumerate(encoded)]).with_columns(
        frame["commune_code"].cast(pl.String).fill_null("").alias("code"), pl.int_range(pl.len()).alias("row")
    )
    groups: list[Group] = view["groups"]
    where = pl.DataFrame(
        {
            "code": [code for g in groups for code in g.codes],
            "g": [gi for gi, g in enumerate(groups) for _ in g.codes],
            "p": [p for g in groups for p in range(len(g.codes))],
        },
        schema={"code": pl.String, "g": pl.Int64, "p": pl.Int64},
    )
    pattern = "[" + ",".join("{}" for _ in ITEM_COLUMNS) + "]"
    rows = (
        where.join(cells, on="code", how="inner")
        .sort("g", "p", "row")
        .select("g", "p", format_text(pattern, *[f"c{k}" for k in range(len(ITEM_COLUMNS))]).alias("r"))
        .group_by("g", "p", maintain_order=True)
        .agg(pl.col("r").str.join(","))
    )
    # The script writes these with textContent: control characters are made visible here.
    return [visible_controls(t) for t in strings], {(g, p): r for g, p, r in rows.iter_rows()}


def _finite(x: float | None) -> float | None:
    """``x``, or None for an infinite value (JSON has no infinity)."""
    return x if x is not None and math.isfinite(x) else None


def _sort_columns(communes: Sequence[Commune], view: Mapping[str, Any]) -> list[list[Any]]:
    """A big group's sort values, one list per column of the ranking table in the columns' order
    (``_row.html.j2``): numbers (None when missing) for the numeric columns, texts for the others.
    Columns of numbers parse fast and need no converting in the page: the script sorts by these."""

    def numbers(values: Sequence[str]) -> list[float | None]:
        return [_finite(float(v)) if v else None for v in values]

    columns: list[list[Any]] = [numbers([c.rank_sort for c in communes])]
    if view["has_change"]:
        columns.append(numbers([c.change_sort for c in communes]))
    if view["has_index_change"]:
        columns.append(numbers([c.index_change_sort for c in communes]))
    columns.append([c.name for c in communes])
    if view["show_district"]:
        columns.append([c.district for c in communes])
    columns += [[c.type for c in communes], numbers([c.total_sort for c in communes])]
    columns.append(numbers([c.index_sort for c in communes]))
    if view["has_class"]:
        columns.append(numbers([c.class_sort for c in communes]))
    for k in range(len(communes[0].areas) if communes else 0):
        columns.append(numbers([c.areas[k].sort for c in communes]))
    return columns


def _paged_row(c: Commune) -> list[Any]:
    """A big group's row as the script builds it (``_row.html.j2`` in the script's words): texts
    already balanced (bidi controls closed), as the template's filters write them."""
    flags = (1 if c.tied else 0) | (0 if c.ranked else 2) | (0 if c.submitted else 4)
    arrow = {"▲": "up", "▼": "down", "=": "same"}.get(c.change_arrow, "")
    return [
        c.rank,
        flags,
        arrow,
        c.change_arrow,
        c.change,
        c.change_title,
        c.index_change,
        _balanced(c.name),
        _balanced(c.code),
        _balanced(c.district),
        _balanced(c.type),
        c.total,
        c.index,
        c.class_css,
        _balanced(c.class_name),
        [a.text for a in c.areas],
        [a.heat for a in c.areas],
    ]


def _paged_rows(env: jinja2.Environment, view: dict[str, Any], group: Group, items: list[str]) -> tuple[str, list[str]]:
    """A big group's rows for the script: as JSON members of the group's pack, what opening it
    shows (the rows of its first page and of the chart's last bars, ``"h"``; the index of every
    commune for the chart, ``"v"``); packed apart into ``group.rest``, every row and the sort
    values per column, which the script decodes when the reader sorts, pages or filters (or when
    the page is idle); and its details (markup escaped here, and item rows) in packs of
    :data:`PAGE_ROWS` communes, unpacked only when one of them is opened. Opening the group reads
    about a hundredth of its rows (0.05 of 4.9 MB unpacked for 10,600 communes)."""
    details = env.get_template("_commune_list.html.j2")
    # Each row as a JSON text of its own, parsed by the script when that row is shown.
    rows = [_json(_paged_row(c)) for c in group.communes]
    parts: list[str] = []
    for start in range(0, len(group.communes), PAGE_ROWS):
        chunk = range(start, min(start + PAGE_ROWS, len(group.communes)))
        markup = details.render(view, communes=group.communes[chunk.start : chunk.stop], start=chunk.start)
        bodies = [b.strip() for b in markup.split("<!--pari:next-->")[: len(chunk)]]
        parts.append(_pack('{"d":' + _json(bodies) + ',"i":[' + ",".join(items[ci] for ci in chunk) + "]}"))
    columns = [view["has_change"], view["has_index_change"], view["show_district"], view["has_class"]]
    # The chart's bars are drawn from the rows (name, code, rank, index, class) and these values.
    bars = [_finite(c.index_value) for c in group.communes]
    n = len(rows)
    shown = sorted({*range(min(PAGE_ROWS, n)), *range(max(0, n - CHART_ENDS), n)})
    head = "{" + ",".join(f'"{i}":{_json(rows[i])}' for i in shown) + "}"
    group.rest = _pack('{"r":' + _json(rows) + ',"k":' + _json(_sort_columns(group.communes, view)) + "}")
    return ',"n":' + str(n) + ',"h":' + head + ',"f":' + _json(columns) + ',"v":' + _json(bars), parts


def _pack_groups(env: jinja2.Environment, view: dict[str, Any], criteria_table: pl.DataFrame | None) -> Markup:
    """Render each group's body without its item rows and pack it with those rows (JSON, gzip,
    base64) into ``group.packed``; returns the packed string table. A big group's rows and details
    are packed apart (:func:`_paged_rows`), for the script to show a page at a time."""
    strings, rows = _pack_items(criteria_table, view)
    body = env.get_template("_group_body.html.j2")
    details = env.get_template("_commune_bodies.html.j2")
    groups: list[Group] = view["groups"]
    # zlib lets go of the GIL while compressing: groups are packed while the next ones are rendered.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        futures = []
        for gi, group in enumerate(groups):
            items = ["[" + rows.get((gi, p), "") + "]" for p in range(len(group.codes))]
            if group.paged:
                markup = body.render(view, group=group)
                members, group.parts = _paged_rows(env, view, group, items)
                text = '{"b":' + _json(markup) + members + "}"
            else:
                # The communes' details are summaries in the body; what is below each summary is
                # packed apart and put in place when that commune is opened: a group opens with a
                # tenth of the elements it had.
                markup = body.render(view, group=group, shell=True)
                below = details.render(view, communes=group.communes).split("<!--pari:next-->")
                inner = _json([b.strip() for b in below[: len(group.communes)]])
                text = '{"b":' + _json(markup) + ',"e":' + inner + ',"i":[' + ",".join(items) + "]}"
            futures.append(pool.submit(_pack, text))
        for group, future in zip(groups, futures, strict=True):
            group.packed = result_of(future)
    return _pack(_json({"c": ITEM_COLUMNS, "s": strings}))


#: A leading =, +, - or @ makes a spreadsheet read a cell as a formula: such texts get a quote.
_FORMULA = re.compile(r"^[=+\-@\t\r]")


def _ranking_csv(tables: Mapping[str, pl.DataFrame], view: Mapping[str, Any]) -> Markup:
    """The ranking as CSV (packed), for the page's download button: one row per unit in the
    report's order, headings in the report's language, numbers as in the results file."""
    labels = view["L"]
    summary = tables["summary"]
    columns = [
        (c, h)
        for c, h in (
            ("group", labels["ranked_within"]),
            ("rank", labels["rank"]),
            ("commune_code", labels["code"]),
            ("name", labels["commune"]),
            ("district", labels["former_district"] if view["show_district"] else labels["ranked_within"]),
            ("province", labels["province"]),
            ("unit_type", labels["type"]),
            ("total_points", labels["total"]),
            ("index", labels["index"]),
            ("class_en" if view["lang"] == "en" and "class_en" in summary.columns else "class", labels["class"]),
            ("rank_change", labels["change"]),
            ("index_change", labels["index_change"]),
        )
        if c in summary.columns
    ] + [(f"area_{a.id}", f"{a.short} {a.title}") for a in view["areas"]]
    order = {code: k for k, code in enumerate(code for g in view["groups"] for code in g.codes)}
    records = sorted(summary.select(c for c, _ in columns).iter_rows(), key=lambda r: order.get(_text(r[2]), 0))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([h for _, h in columns])
    # Unit types in the report's words (the results hold their ids: "township", not "Thị trấn").
    li = 1 if view["lang"] == "en" else 0
    words = [{k: v[li] for k, v in UNIT_TYPES.items()} if column == "unit_type" else None for column, _ in columns]
    for record in records:
        cells = [_text(v) if w is None else w.get(_text(v), _text(v)) for v, w in zip(record, words, strict=True)]
        writer.writerow(["'" + v if _FORMULA.match(v) else v for v in cells])
    return _pack(out.getvalue())


#: The labels the script uses (by the start of their keys).
SCRIPT_LABELS = ("filter", "reason", "page_", "chart_gap", "tied", "not_ranked", "not_submitted")


def _css_string(text: str) -> str:
    """``text`` as a quoted CSS string: letters, digits and spaces as they are, every other
    character as a hex escape (six digits and the space that ends it), so nothing in it can end
    the string or the stylesheet."""
    return '"' + "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):06x} " for ch in text) + '"'


def _print_footer(view: Mapping[str, Any]) -> dict[str, Markup]:
    """The printed pages' footer: the set, the report's date and the program's version on the
    left, the page number on the right (CSS strings for the @page margin boxes)."""
    # The installed distribution's version (outputs may not import the package's top level).
    try:
        version = f"pari-index {metadata.version('pari-index')}"
    except metadata.PackageNotFoundError:
        version = "pari-index"
    left = " · ".join(t for t in (view["title"], view["date"], version) if t)
    labels = view["L"]
    # Markup: the strings are already safe in a stylesheet (only letters, digits, spaces, escapes).
    return {
        "left": Markup(_css_string(left)),
        "page": Markup(_css_string(labels["page_word"] + " ")),
        "of": Markup(_css_string(labels["page_of"])),
    }


def _estimated_sizes(view: Mapping[str, Any]) -> dict[str, str]:
    """Heights (rem) the stylesheet gives the heat map and the contents until they are first laid
    out (content-visibility): a row of the heat map is about 2 rem, the contents run in about four
    columns of 1.35 rem lines."""
    groups = len(view["groups"])
    return {"heat": f"{(groups + 1) * 2}", "toc": f"{math.ceil(groups / 4) * 1.35 + 3:.1f}"}


def render_report(
    tables: Mapping[str, pl.DataFrame],
    *,
    lang: str = "vi",
    date: str | None = None,
    criteria: CriteriaSet | None = None,
    lazy_details: bool | None = None,
    source: str | None = None,
) -> str:
    """The report as one HTML document (a string); ``date`` is printed when given (no clock).

    ``lazy_details``: pack each group's body (ranking, chart, details) and item rows, to be unpacked
    when the group is opened (needs the script). ``None`` decides by size (:data:`LAZY_ITEMS`,
    :data:`LAZY_COMMUNES`). A report with a group of more than
    :data:`~pari_index.outputs.report_groups.PAGED_COMMUNES` communes is always packed: that
    group's table is shown a page at a time by the script.

    ``source``: the results file the tables were read from, named by the refusal of a report of
    more units than PARI_MAX_REPORT_UNITS (checked here, once, before anything is rendered).
    """
    if lang not in LABELS:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(sorted(LABELS))}")
    if "summary" not in tables:
        raise ValueError("the tables have no summary")
    check_report_size(tables["summary"].height, source)
    tables = explained_in(tables, criteria, lang)  # results written in the other language
    env = _environment()
    if lazy_details is None:
        criteria_table = tables.get("criteria")
        items = criteria_table.height if criteria_table is not None else 0
        lazy_details = items > LAZY_ITEMS or tables["summary"].height > LAZY_COMMUNES
    view = _build(tables, lang, date, criteria, lazy_details)
    view |= method_and_provenance(tables, view, criteria)
    if view["lazy"]:
        view["strings_packed"] = _pack_groups(env, view, tables.get("criteria"))
    view["csv_packed"] = _ranking_csv(tables, view)
    # The stylesheet and the script are ours (class colours are checked to be #rrggbb; the footer's
    # text is a CSS string with every other character escaped); they are marked safe so that CSS
    # selectors such as ">" survive, and pinned by hash in the CSP.
    css = env.get_template("report.css.j2").render(
        colours=view["class_colours"],
        banner=bool(view["notices"]),
        footer=_print_footer(view),
        sizes=_estimated_sizes(view),
    )
    js = env.get_template("report.js.j2").render(
        page_rows=PAGE_ROWS,
        chart_ends=CHART_ENDS,
        open_matches=OPEN_COMMUNES,
        open_groups=FILTER_OPENS_PACKED if view["lazy"] else FILTER_OPENS,
    )
    view["css"] = Markup(css)
    view["js"] = Markup(js)
    view["labels_json"] = _safe_json({k: v for k, v in view["L"].items() if k.startswith(SCRIPT_LABELS)})
    view["csp"] = (
        f"default-src 'none'; script-src '{_csp_hash(js)}'; style-src '{_csp_hash(css)}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return env.get_template("report.html.j2").render(**view)


def with_run_warnings(tables: Mapping[str, pl.DataFrame], warnings: Sequence[Problem]) -> dict[str, pl.DataFrame]:
    """``tables`` with ``warnings`` of the report's own run (bundled-criteria-differs: the bundled set
    was not used) as findings of the whole run after the results' own: the report lists them with
    the other findings, in its language, and counts them (they were printed to the console alone,
    and the page kept made no mention that the set's labels and rules were left out)."""
    if not warnings:
        return dict(tables)
    added = problems_to_findings(warnings, "warning")
    findings = tables.get("findings")
    merged = added if findings is None else pl.concat([findings, added], how="diagonal_relaxed")
    return {**tables, "findings": merged}


def write_report(path: str | Path, tables: Mapping[str, pl.DataFrame], **kw: Any) -> Path:
    """Render the report and write it atomically; returns the path written."""
    target = Path(path)
    write_text(target, render_report(tables, **kw))
    return target
