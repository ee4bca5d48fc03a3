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

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
import polars as pl
from markupsafe import Markup

from pari_index.criteria.model import CriteriaSet
from pari_index.criteria.units import UnitNames, level_labels, unit_names
from pari_index.errors import Problem
from pari_index.intake.findings import problems_to_findings
from pari_index.messages import set_text
from pari_index.outputs.explain import explained_in
from pari_index.outputs.files import write_text
from pari_index.outputs.report_classes import class_counts_of, class_edges_of, class_names_of, classes_of
from pari_index.outputs.report_format import (
    HEAT_BUCKETS,
    Formatter,
    _balanced_text,
    _bdi,
    _csp_hash,
    _display_date,
    _isolate,
    _num,
    _safe_json,
    finalize_controls,
    finding_rows,
    profile_area_rows,
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
from pari_index.outputs.report_items import (
    area_ids_of,
    area_maxima,
    column_places_of,
    findings_of,
    findings_view,
    item_methods_of,
    item_rows,
    method_lines_of,
    places_of,
    titles_of,
)
from pari_index.outputs.report_labels import LABELS
from pari_index.outputs.report_method import method_and_provenance
from pari_index.outputs.report_packing import pack_groups, ranking_csv
from pari_index.outputs.report_view import (
    Area,
    Context,
)
from pari_index.outputs.results_checks import about_facts
from pari_index.scoring.completeness import notices
from pari_index.scoring.explanations import input_labeller
from pari_index.system.limits import check_report_size

__all__ = ["LABELS", "render_report", "write_report"]
#: Above this many item rows or communes, a group's body is parsed only when the group is opened.
#: Groups a filter opens at most (those with matches, when few communes match): in a packed report
#: each is unpacked and built when opened (ten cost about 0.5 s of CPU on the shared machine).
FILTER_OPENS = 10
FILTER_OPENS_PACKED = 3
LAZY_ITEMS = 25_000
LAZY_COMMUNES = 1_000


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
    area_ids = area_ids_of(summary)
    titles, leaf_titles = titles_of(criteria, lang)
    areas = [Area(a, f"{labels['area_short']}{a}", titles.get(a, f"{labels['area']} {a}")) for a in area_ids]
    criteria_table = tables.get("criteria")
    per_commune_max, area_max = area_maxima(criteria_table, criteria, area_ids)
    items, item_counts = item_rows(criteria_table, lazy, leaf_titles, fmt, li)
    class_names = class_names_of(summary, criteria, lang)
    classes = classes_of(summary, class_names, lang)
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
        findings=findings_of(tables.get("findings"), fmt, li, input_labeller(criteria, lang)),
        group_col=group_col,
        scale=float(criteria.scale) if criteria is not None else _num(about.get("scale")) or 0.0,
        class_edges=class_edges_of(summary, criteria, classes),
        # Ranked within a province (or nationally), each unit's district is a column of its own.
        show_district=group_col != "district"
        and "district" in summary.columns
        and summary["district"].drop_nulls().n_unique() > 1,
        class_names=class_names,
    )


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


def _build(
    tables: Mapping[str, pl.DataFrame], lang: str, date: str | None, criteria: CriteriaSet | None, lazy: bool
) -> dict[str, Any]:
    """The view the templates render: heading, notices and method, groups, overview, findings."""
    about = about_facts(tables)
    # Headings that name the units say the set's level: "Tỉnh" / "Province" for a provincial index.
    names = unit_names(criteria) if criteria is not None else UnitNames.from_about(about)
    labels = level_labels(LABELS[lang], names, lang)
    summary = tables["summary"]
    fmt = Formatter(lang, places_of(about, criteria), column_places_of(about, criteria))
    records = summary.to_dicts()
    grouped = grouped_records(records, summary, group_key(summary, about))
    # A big group's rows are paged by the script from packed data: such a report is always packed.
    lazy = lazy or any(len(recs) > PAGED_COMMUNES for recs in grouped)
    ctx = _context(tables, about, criteria, lang, labels, fmt, lazy)
    groups = build_groups(ctx, grouped)
    counted = class_counts_of(ctx, records, summary)
    return {
        "L": labels,
        "lang": lang,
        # The completeness banner (rows rejected, files left out, no survey, communes that sent
        # nothing), from the about sheet's counts, in the report's language.
        "notices": notices(about, lang),
        "method": method_lines_of(about, criteria, lang),
        "item_methods": item_methods_of(criteria, lang),
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
        **findings_view(ctx.findings, labels, fmt),
        "scale": fmt.short(ctx.scale) if ctx.scale else "",
        "has_change": any(c.change for g in groups for c in g.communes),
        "has_index_change": "index_change" in summary.columns and summary["index_change"].drop_nulls().len() > 0,
        "show_district": ctx.show_district,
        "has_class": bool(ctx.classes.listed),
        "leaf_titles": ctx.leaf_titles,
        "places": fmt.places,
        "lazy": lazy,
        # Commune details written as their summaries only (a packed group's body; see pack_groups).
        "shell": False,
        "page_rows": PAGE_ROWS,
        "chart_ends": CHART_ENDS,
        # Vietnamese names in the English report say so, for screen readers and hyphenation.
        "vi_attr": Markup(' lang="vi"') if lang != "vi" else "",
    }


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
        view["strings_packed"] = pack_groups(env, view, tables.get("criteria"))
    view["csv_packed"] = ranking_csv(tables, view)
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
