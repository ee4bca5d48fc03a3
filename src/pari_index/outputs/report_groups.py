"""The ranking groups of the HTML report: their communes' rows, bar charts and heat-map rows.

:func:`grouped_records` splits the summary's rows into ranking groups and orders them;
:func:`build_groups` turns each group into a :class:`~pari_index.outputs.report_view.Group` with the
areas, classes, items and findings read once into a :class:`~pari_index.outputs.report_view.Context`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from pari_index.messages import set_text
from pari_index.outputs.report_format import _fold, _heat, _isolate, _num, _sort_value, _text, search_fold
from pari_index.outputs.report_labels import UNIT_TYPES
from pari_index.outputs.report_view import AreaCell, Bar, ClassEdge, Commune, Context, Group, HistogramBin
from pari_index.ranking.groups import LABEL_SEPARATOR

OPEN_COMMUNES = 150  # groups open on loading until this many communes are shown (at least one)
#: A group with more communes is "big": its table is paged by the script from packed data, its
#: chart shows the top and bottom communes and a histogram, and it never opens by itself. A page
#: of 100 rows and its 100 closed details keep the page to a few thousand elements at any size.
PAGED_COMMUNES = 200
PAGE_ROWS = 100
CHART_ENDS = 15  # communes charted at each end of a big group
HISTOGRAM_BINS = 20  # 5 index points each
CHART_WIDTH = 360.0  # px of the longest bar


def _change(row: Mapping[str, Any], labels: Mapping[str, str]) -> tuple[str, str, str, str]:
    """(text, arrow, sort value, title) for the rank change; positive is up."""
    change = _num(row.get("rank_change"))
    previous = _num(row.get("previous_rank"))
    note = _text(row.get("previous_note"))
    if change is None:
        if "previous_rank" in row and previous is None and _num(row.get("rank")) is not None:
            return labels["new"], "", "", note
        return "", "", "", note
    n = int(change)
    title = f"{labels['previous_rank']}: {int(previous)}" if previous is not None else ""
    title = "; ".join(t for t in (title, note) if t)
    if n > 0:
        return str(n), "▲", str(n), f"{labels['up'].format(n=n)}. {title}".strip(". ")
    if n < 0:
        return str(-n), "▼", str(n), f"{labels['down'].format(n=-n)}. {title}".strip(". ")
    return "0", "=", "0", f"{labels['same']}. {title}".strip(". ")


def group_key(summary: pl.DataFrame, about: Mapping[str, str]) -> str | None:
    """The summary column that names the ranking groups: ``group``, else the column of the level
    ranked within (the about sheet's ``ranked_within``), else ``district``; None for one group."""
    if "group" in summary.columns:
        return "group"
    within = about.get("ranked_within", "")
    if within and within in summary.columns:
        return within
    return "district" if "district" in summary.columns else None


def _group_province(recs: Sequence[Mapping[str, Any]], label: str) -> str:
    """The province to show beside a group's heading: the one all its units share, unless the
    label already names it (``Huyện Châu Thành, Tiền Giang``)."""
    provinces = {_text(r.get("province")) for r in recs}
    if len(provinces) != 1:
        return ""
    province = provinces.pop()
    return "" if label.endswith(LABEL_SEPARATOR + province) else province


def _commune_order(rec: Mapping[str, Any], has_rank: bool) -> tuple[Any, ...]:
    """Ranked communes first, by rank, then by index (highest first), name and code."""
    ranked = rec.get("ranked") is not False
    rank = _num(rec.get("rank")) if has_rank else None
    index = _num(rec.get("index"))
    return (
        not ranked,
        rank is None,
        rank or 0.0,
        -(index or 0.0),
        _fold(_text(rec.get("name"))),
        _text(rec.get("commune_code")),
    )


def grouped_records(
    records: list[dict[str, Any]], summary: pl.DataFrame, group_col: str | None
) -> list[list[dict[str, Any]]]:
    """The summary's rows per ranking group: groups in name order, rows in ranking order.

    Groups are told apart by their key (two Huyện Châu Thành of different provinces are two
    groups); results written before groups had keys are told apart by province and name.
    """
    has_rank = "rank" in summary.columns
    keyed = "group_key" in summary.columns
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for rec in records:
        gname = _text(rec.get(group_col)) if group_col else ""
        group_at = ("", _text(rec.get("group_key"))) if keyed else (_text(rec.get("province")), gname)
        grouped.setdefault(group_at, []).append(rec)
    ordered: list[list[dict[str, Any]]] = []
    for _, recs in sorted(grouped.items(), key=lambda kv: (_fold(kv[0][0]), _fold(kv[0][1]), kv[0])):
        recs.sort(key=lambda rec: _commune_order(rec, has_rank))
        ordered.append(recs)
    return ordered


def build_groups(ctx: Context, grouped: list[list[dict[str, Any]]]) -> list[Group]:
    """Every group's view; groups are open on loading until :data:`OPEN_COMMUNES` communes are
    shown (the first one always). In a packed report only the first group opens: each open group
    is unpacked and built as the page loads, which is what made 700 groups slow to become usable."""
    groups: list[Group] = []
    shown_open = 0
    for gi, recs in enumerate(grouped):
        # A big group never opens by itself: unpacking it is the reader's choice.
        room = not groups or (not ctx.lazy and shown_open + len(recs) <= OPEN_COMMUNES)
        is_open = len(recs) <= PAGED_COMMUNES and room
        if is_open:
            shown_open += len(recs)
        groups.append(_group(ctx, gi, recs, is_open))
    return groups


def _group(ctx: Context, gi: int, recs: list[dict[str, Any]], is_open: bool) -> Group:
    """One group: its communes' rows, its bar chart and its row of the overview heat map."""
    labels, fmt = ctx.labels, ctx.fmt
    gname = _text(recs[0].get(ctx.group_col)) if ctx.group_col else ""
    province = _group_province(recs, gname)
    paged = len(recs) > PAGED_COMMUNES
    # Bars show the index, by which the communes are ranked, on 0-100 (or the highest index).
    widest = max([_num(r.get("index")) or 0.0 for r in recs] + [100.0])
    communes: list[Commune] = []
    bars: list[Bar] = []
    area_share: dict[str, list[float]] = {a: [] for a in ctx.area_ids}
    for rec in recs:
        commune = _commune(ctx, rec, f"g{gi + 1}-{len(communes) + 1}", gname, area_share)
        communes.append(commune)
        if not paged:
            bars.append(_bar(commune, len(bars), widest))
    indices = [x for x in (_num(r.get("index")) for r in recs) if x is not None]
    mean_index = fmt.column(sum(indices) / len(indices), "index") if indices else "–"
    return Group(
        anchor=f"g{gi + 1}",
        name=gname or province or labels["communes"],
        province=province,
        size=labels["group_size_one" if len(recs) == 1 else "group_size"].format(n=fmt.count(len(recs))),
        count=fmt.count(len(recs)),
        open=is_open,
        communes=communes,
        bars=bars,
        chart_height=len(bars) * 22.0 + 4,
        heat=_group_heat(ctx, area_share),
        mean_index=mean_index,
        names="\n".join(c.query for c in communes),
        codes=[c.code for c in communes],
        paged=paged,
        histogram=_histogram(ctx, indices, widest) if paged else [],
        edges=[ClassEdge(round(edge / widest * CHART_WIDTH, 2), name) for name, edge in ctx.class_edges]
        if paged
        else [],
    )


def _histogram(ctx: Context, indices: Sequence[float], widest: float) -> list[HistogramBin]:
    """A big group's index distribution: :data:`HISTOGRAM_BINS` bins over 0..``widest``, bar
    heights scaled to 100 px for the fullest bin; each bar's title says its range and count."""
    step = widest / HISTOGRAM_BINS
    counts = [0] * HISTOGRAM_BINS
    for x in indices:
        counts[min(HISTOGRAM_BINS - 1, max(0, int(x // step)))] += 1
    fullest = max([*counts, 1])
    width = CHART_WIDTH / HISTOGRAM_BINS
    bins: list[HistogramBin] = []
    for k, n in enumerate(counts):
        height = round(n / fullest * 100.0, 2)
        title = ctx.labels["hist_bin_one" if n == 1 else "hist_bin"].format(
            lo=ctx.fmt.short(k * step), hi=ctx.fmt.short((k + 1) * step), n=ctx.fmt.count(n)
        )
        bins.append(HistogramBin(round(k * width, 2), round(100.0 - height, 2), round(width - 1, 2), height, title))
    return bins


def _group_heat(ctx: Context, area_share: Mapping[str, list[float]]) -> list[tuple[str, str]]:
    """(text, heat class) per area: the group's mean share of each area's maximum."""
    heat_cells: list[tuple[str, str]] = []
    for a in ctx.area_ids:
        shares = area_share[a]
        if shares:
            mean = sum(shares) / len(shares)
            heat_cells.append((ctx.fmt.fixed(mean * 100, 1), _heat(mean, 1.0)))
        else:
            heat_cells.append(("–", ""))
    return heat_cells


def _commune(
    ctx: Context, rec: Mapping[str, Any], anchor: str, gname: str, area_share: dict[str, list[float]]
) -> Commune:
    """One commune's row of the ranking and its details; adds its area shares to ``area_share``."""
    labels, fmt = ctx.labels, ctx.fmt
    code = _text(rec.get("commune_code"))
    name = _text(rec.get("name"))
    ranked = rec.get("ranked") is not False
    rank = _num(rec.get("rank"))
    rank_text = _rank_text(rank, _num(rec.get("group_size")), ranked)
    change, arrow, change_sort, change_title = _change(rec, labels)
    cname = _text(rec.get("class"))  # the key of its colour and order; shown by its label
    total = _num(rec.get("total_points"))
    cells = _area_cells(ctx, rec, code, area_share)
    utype = _text(rec.get("unit_type"))
    district = _text(rec.get("district"))
    return Commune(
        anchor=anchor,
        code=code,
        name=name,
        type=UNIT_TYPES.get(utype, (utype, utype))[ctx.li],
        # What the filter matches: name, code, the group and the (former) district, folded here
        # once (the script folds only what is typed).
        query=search_fold(" ".join(t for t in (name, code, gname, "" if district == gname else district) if t)),
        ranked=ranked,
        rank=rank_text,
        rank_sort=_sort_value(rank if ranked else None),
        tied=bool(rec.get("tied")),
        change=change,
        change_arrow=arrow,
        change_sort=change_sort,
        change_title=change_title,
        total=fmt.column(total, "total_points"),
        total_value=total or 0.0,
        total_sort=_sort_value(total),
        index=fmt.column(rec.get("index"), "index"),
        index_sort=_sort_value(rec.get("index")),
        class_name=ctx.classes.labels.get(cname, cname) if cname else cname,
        class_sort=str(ctx.classes.order.get(cname, (999, None))[0]) if cname else "",
        class_css=ctx.classes.css.get(cname, ""),
        areas=cells,
        facts=_facts(ctx, rec, rank_text, cells),
        n_items=ctx.item_counts.get(code, 0) if ctx.lazy else len(ctx.items.get(code, [])),
        items=ctx.items.get(code, []),
        findings=ctx.findings.by_commune.get(code, []),
        findings_more=_findings_more(ctx, code),
        submitted=rec.get("submitted") is not False,
        district=district,
        index_change=fmt.column(rec.get("index_change"), "index_change") if "index_change" in rec else "",
        index_change_sort=_sort_value(rec.get("index_change")),
        index_value=_num(rec.get("index")),
    )


def _findings_more(ctx: Context, code: str) -> str:
    """ "… and N more" for a commune with more findings than its details list, else ""."""
    more = ctx.findings.unit_more.get(code, 0)
    return ctx.labels["findings_more"].format(n=ctx.fmt.count(more)) if more > 0 else ""


def _rank_text(rank: float | None, size: float | None, ranked: bool) -> str:
    """``3/12`` (the rank, out of the group's size), or ``–`` for a commune not ranked."""
    if not ranked or rank is None:
        return "–"
    return f"{int(rank)}" + (f"/{int(size)}" if size is not None else "")


def _area_cells(ctx: Context, rec: Mapping[str, Any], code: str, area_share: dict[str, list[float]]) -> list[AreaCell]:
    """A commune's points per area, coloured by its share of the area's maximum for that commune
    (items not applicable to it left out), with its rank in the area."""
    cells: list[AreaCell] = []
    for a in ctx.area_ids:
        pts = _num(rec.get(f"area_{a}"))
        mx = ctx.per_commune_max.get((code, a), ctx.area_max.get(a))
        heat = _heat(pts, mx)
        if pts is not None and mx:
            area_share[a].append(pts / mx)
        arank = _num(rec.get(f"rank_area_{a}"))
        cells.append(
            AreaCell(ctx.fmt.column(pts, f"area_{a}"), heat, _sort_value(pts), str(int(arank)) if arank else "")
        )
    return cells


def _facts(ctx: Context, rec: Mapping[str, Any], rank_text: str, cells: Sequence[AreaCell]) -> list[tuple[str, str]]:
    """The (label, value) lines at the head of a commune's details: points by part, index, rank,
    comparison with the previous year, the gap to the next class, where most points were lost."""
    labels, fmt = ctx.labels, ctx.fmt
    ranked = rec.get("ranked") is not False
    rank = _num(rec.get("rank"))
    facts: list[tuple[str, str]] = []
    for key in ("appraised_points", "survey_points", "adjustment_points", "total_points", "applicable_max"):
        if key in rec and _num(rec.get(key)) is not None:
            facts.append((labels["total" if key == "total_points" else key], fmt.column(rec.get(key), key)))
    if _num(rec.get("index")) is not None:
        facts.append((labels["index"], fmt.column(rec.get("index"), "index")))
    if rank is not None and ranked:
        facts.append((labels["rank"], rank_text + (f" ({labels['tied']})" if rec.get("tied") else "")))
    elif not ranked:
        facts.append((labels["rank"], labels["not_ranked"]))
    if rec.get("submitted") is False:
        facts.append(("", labels["not_submitted"]))
    refused = _num(rec.get("items_rejected"))
    if refused:  # its points are what was left of them (session 40: said nowhere at the unit)
        facts.append((labels["items_rejected"], str(int(refused))))
    if _num(rec.get("previous_rank")) is not None:
        facts.append((labels["previous_rank"], str(int(_num(rec.get("previous_rank")) or 0))))
    if _num(rec.get("index_change")) is not None:
        facts.append((labels["index_change"], fmt.column(rec.get("index_change"), "index_change")))
    if _text(rec.get("previous_note")):
        facts.append((labels["previous_note"], _text(rec.get("previous_note"))))
    gap = _num(rec.get("gap_to_next_class"))
    nxt = _text(rec.get("next_class"))
    # The results keep the next class's Vietnamese name: shown in the report's language.
    nxt = ctx.class_names.get(nxt) or set_text(nxt, None, "en" if ctx.li else "vi")
    if gap is not None and nxt:
        facts.append(("", labels["gap"].format(gap=fmt.column(gap, "gap_to_next_class"), cls=nxt)))
    if _text(rec.get("top_lost")):
        facts.append((labels["top_lost"], fmt.losses(_text(rec.get("top_lost")))))
    area_ranks = [f"{ar.short} {c.rank}" for ar, c in zip(ctx.areas, cells, strict=True) if c.rank]
    if area_ranks:
        facts.append((labels["area_ranks"], " · ".join(area_ranks)))
    return facts


def _bar(commune: Commune, position: int, widest: float) -> Bar:
    """A commune's bar in its group's chart: its index (360 px for ``widest``), in rank order, so
    that the bars fall as the ranks do; long names cut."""
    name = commune.name
    return Bar(
        y=position * 22.0,
        width=round(max(commune.index_value or 0.0, 0.0) / widest * CHART_WIDTH, 2),
        label=_isolate(name if len(name) <= 26 else name[:25] + "…"),
        full=f"{_isolate(name)} ({_isolate(commune.code)}): {commune.rank} · {commune.index} %",
        value=commune.index,
        css=commune.class_css or "k-none",
        query=commune.query,
    )
