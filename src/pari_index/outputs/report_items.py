"""The report's tables of items and findings, from the results' criteria and findings tables.

Each commune's items are rows of the page's profile (points, status, the method in the annex's
words and the explanation), each finding a row of its unit's list or of the run's, told in the
report's language with its place; findings of one kind on many units are counted, not repeated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import polars as pl

from pari_index.criteria.methodology import method_lines
from pari_index.criteria.model import ROUNDING_LEVELS, CriteriaSet, Rounding, resolve_leaves
from pari_index.criteria.points import RoundingMode
from pari_index.errors import in_language, shorten
from pari_index.intake.folding import counted, counted_kind
from pari_index.messages import InputLabel, localise_findings
from pari_index.messages import title as title_of
from pari_index.outputs.report_format import (
    Formatter,
    _basename,
    _text,
)
from pari_index.outputs.report_labels import SEVERITIES, STATUSES
from pari_index.outputs.report_view import (
    Finding,
    FindingLists,
    Item,
)

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


def item_columns(criteria_table: pl.DataFrame) -> pl.DataFrame:
    present = set(criteria_table.columns)
    return criteria_table.select(pl.col(c) if c in present else pl.lit(None).alias(c) for c in ITEM_SOURCE_COLUMNS)


# --- the results tables: about sheet, places, method, areas -----------------------------------


def _columns(frame: pl.DataFrame | None) -> set[str]:
    return set(frame.columns) if frame is not None else set()


def places_of(about: Mapping[str, str], criteria: CriteriaSet | None) -> int:
    if criteria is not None:
        return criteria.rounding.shown("index")
    match = re.match(r"\s*(\d)", about.get("rounding", ""))
    return int(match.group(1)) if match else 2


def column_places_of(about: Mapping[str, str], criteria: CriteriaSet | None) -> Callable[[str], int] | None:
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


def item_methods_of(criteria: CriteriaSet | None, lang: str) -> list[dict[str, str]]:
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


def method_lines_of(about: Mapping[str, str], criteria: CriteriaSet | None, lang: str) -> list[str]:
    """The report's method notes: from the set in the report's language, else from the about sheet."""
    if criteria is not None:
        return method_lines(criteria, lang)
    keys = sorted((k for k in about if re.fullmatch(r"method_\d+", k)), key=lambda k: int(k.split("_")[1]))
    return [about[k] for k in keys if about[k]]


def area_ids_of(summary: pl.DataFrame) -> list[str]:
    return [c.removeprefix("area_") for c in summary.columns if c.startswith("area_")]


def area_maxima(
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


def titles_of(criteria: CriteriaSet | None, lang: str) -> tuple[dict[str, str], dict[str, str]]:
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


def item_rows(
    criteria_table: pl.DataFrame | None, lazy: bool, leaf_titles: Mapping[str, str], fmt: Formatter, li: int
) -> tuple[dict[str, list[Item]], dict[str, int]]:
    """Items per commune, read once; a lazy report only counts them here and packs the rows later
    (:func:`pack_items`), so that they are not formatted twice."""
    items: dict[str, list[Item]] = {}
    item_counts: dict[str, int] = {}
    if criteria_table is None or not {"commune_code", "criterion_id"} <= set(criteria_table.columns):
        return items, item_counts
    if lazy:
        counts_frame = criteria_table.group_by(pl.col("commune_code").cast(pl.String)).len()
        return items, {_text(code): int(n) for code, n in counts_frame.iter_rows()}
    frame = item_columns(criteria_table)
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


def findings_of(findings_table: pl.DataFrame | None, fmt: Formatter, li: int, label: InputLabel | None) -> FindingLists:
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


def findings_view(found: FindingLists, labels: Mapping[str, str], fmt: Formatter) -> dict[str, Any]:
    """The findings section: the count per kind and the general findings (how many more, if cut)."""
    more = found.general_more
    return {
        "kinds": found.kinds,
        "general": found.general,
        "general_more": labels["findings_more"].format(n=fmt.count(more)) if more > 0 else "",
    }
