"""The report's data packed for the page's script: item rows, large groups a page at a time,
and the ranking as CSV for its download button.

A national report holds about 625,000 item rows: they travel as indices into one string table,
JSON, gzip and base64, unpacked by the script only when a group is opened (docs/report.md).
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
from typing import Any

import jinja2
import polars as pl
from markupsafe import Markup

from pari_index.messages import MINUS, format_number
from pari_index.outputs.files import READ_AS_NUMBER, SPREADSHEET_SEPARATOR
from pari_index.outputs.report_format import (
    Formatter,
    _balanced,
    _text,
    visible_controls,
)
from pari_index.outputs.report_groups import (
    CHART_ENDS,
    PAGE_ROWS,
)
from pari_index.outputs.report_items import item_columns
from pari_index.outputs.report_labels import STATUSES, UNIT_TYPES
from pari_index.outputs.report_view import (
    Commune,
    Group,
)
from pari_index.system.threads import result_of
from pari_index.textexpr import format_text

# --- rendering --------------------------------------------------------------------------------


# --- large reports: packed groups -------------------------------------------------------------

#: The columns of a packed item row, in order; each value is an index into the string table.
ITEM_COLUMNS = ("criterion", "title", "max", "self", "appraised", "final", "status", "explanation", "reason")


def _pack(text: str) -> Markup:
    """gzip (no timestamp: same bytes every time) and base64: only ``A-Za-z0-9+/=`` in the page."""
    return Markup(base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)).decode("ascii"))


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def pack_items(
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
    frame = item_columns(criteria_table)

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


def pack_groups(env: jinja2.Environment, view: dict[str, Any], criteria_table: pl.DataFrame | None) -> Markup:
    """Render each group's body without its item rows and pack it with those rows (JSON, gzip,
    base64) into ``group.packed``; returns the packed string table. A big group's rows and details
    are packed apart (:func:`_paged_rows`), for the script to show a page at a time."""
    strings, rows = pack_items(criteria_table, view)
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


def ranking_csv(tables: Mapping[str, pl.DataFrame], view: Mapping[str, Any]) -> Markup:
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
    lang = view["lang"]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER[lang], lineterminator="\r\n")
    writer.writerow([h for _, h in columns])
    # Unit types in the report's words (the results hold their ids: "township", not "Thị trấn").
    li = 1 if lang == "en" else 0
    words = [{k: v[li] for k, v in UNIT_TYPES.items()} if column == "unit_type" else None for column, _ in columns]
    numeric = [summary.schema[column].is_numeric() for column, _ in columns]
    for record in records:
        cells = [
            csv_number(v, lang) if is_number else _csv_text(_text(v) if w is None else w.get(_text(v), _text(v)))
            for v, w, is_number in zip(record, words, numeric, strict=True)
        ]
        writer.writerow(cells)
    return _pack(out.getvalue())


#: The download's field separator by the report's language (outputs.files.SPREADSHEET_SEPARATOR).
CSV_DELIMITER = SPREADSHEET_SEPARATOR


def csv_number(value: Any, lang: str) -> str:
    """A number of the download as a spreadsheet of ``lang``'s regional settings reads it: decimal
    comma in Vietnamese («95,98»), point in English, no thousands separator and an ASCII minus (a
    spreadsheet reads «1.234» or «−2» as text); never quoted as a formula (it is a number)."""
    if value is None or isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return format_number(value, lang, grouping=False).replace(MINUS, "-")


def _csv_text(text: str) -> str:
    """A text of the download, with a quote before a leading =, +, - or @ (a spreadsheet would run
    it as a formula), and one a spreadsheet would read as a number (a code, ``00178``) written as
    the text formula ``="00178"``, which Excel opening the CSV shows as the text 00178 (json2csv's
    ``excelStrings``; the apostrophe of a typed cell is shown as a character from a CSV). Numbers
    stay numbers (:func:`csv_number`): only texts are so written."""
    if READ_AS_NUMBER.fullmatch(text):
        return f'="{text}"'
    return "'" + text if _FORMULA.match(text) else text
