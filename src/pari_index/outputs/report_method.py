"""How the report's numbers were made, on the page: the method section, the version stamp, the
synthetic-data banner and each commune's profile.

:func:`method_and_provenance` adds to the report's view (:func:`pari_index.outputs.report._build`):

* ``mv``: the methodology: the set and its decision, the parts and areas with their maxima, how the
  index is computed (weights, survey, bonus and penalty), not-applicable items and re-scaling, the
  rounding per level, ranks, ties and the tie-break as :func:`pari_index.ranking.ranks.rank` applies
  them, the class bands, and which items are quoted from the decision and which are modelled. The
  sentences on rounding and on items come from :mod:`pari_index.criteria.methodology` and
  :mod:`pari_index.criteria.method`, as in ``pari explain`` and the fill-in template.
* ``stamp``: the pari-index version, the set's id and hash, the input files' hashes and the run date,
  from the results' about table (:mod:`pari_index.outputs.provenance`).
* ``synthetic``: the banner's marker when the about table marks the data synthetic, else "".
* ``profiles``: per commune code, its area points against the median of its ranking group, its
  rank change and the items where it lost most points.

Every text is in the report's language (:data:`~pari_index.outputs.report_labels.LABELS`).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl

from pari_index.criteria.method import UNIT_NAMES, number, range_text
from pari_index.criteria.methodology import method_lines, rounding_text
from pari_index.criteria.model import CriteriaSet, Leaf, NotApplicable, Part, Provenance, resolve_leaves
from pari_index.messages import set_text
from pari_index.outputs.provenance import INPUT_ROLES, criteria_content_sha256, pari_version
from pari_index.outputs.report_format import Formatter, _basename, _display_date, _num, _text
from pari_index.outputs.report_groups import _change
from pari_index.outputs.report_view import Area, Group
from pari_index.outputs.results_checks import about_facts
from pari_index.ranking.ranks import LOSS_COLUMNS, item_losses

#: How many items a profile lists among the largest losses.
TOP_LOSSES = 3
#: Values of the about table's ``synthetic`` row that mark the data as synthetic.
SYNTHETIC_VALUES = frozenset({"yes", "true", "1", "có"})


def _float(value: Any) -> float | None:
    """A summary cell as a number (None for missing or NaN): cheaper than the report's general
    reader, for the profiles' hundred thousand cells."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _num(value)
    return None if value != value else float(value)


# --- the method section -----------------------------------------------------------------------


def _set_facts(
    criteria: CriteriaSet | None, about: Mapping[str, str], L: Mapping[str, str], lang: str
) -> list[tuple[str, str]]:
    """(label, value) rows naming the set and its decision, as the criteria YAML gives them."""
    if criteria is not None:
        d = criteria.decision
        values = {
            "title": criteria.title.shown(lang),
            "id": criteria.id,
            "decision": d.number if d else "",
            "date": d.date.isoformat() if d else "",
            "issuer": criteria.issuer_shown(lang),
            "source": criteria.source or "",
            "decision_source": (d.source or "") if d else "",
        }
    else:
        values = {
            "title": set_text(about.get("criteria_title", ""), about.get("criteria_title_en"), lang),
            "id": about.get("criteria_id", ""),
            "decision": about.get("decision", ""),
            "date": about.get("decision_date", ""),
            "issuer": set_text(about.get("issuer", ""), about.get("issuer_en"), lang),
            "source": about.get("source", ""),
            "decision_source": about.get("decision_source", ""),
        }
    decision = values["decision"]
    if decision and values["date"]:
        decision = f"{decision} {L['decision_of']} {_display_date(values['date'], lang)}"
    rows = [
        (L["criteria_set"], values["title"]),
        (L["m_set_id"], values["id"]),
        (L["decision"], decision),
        (L["m_issuer"], values["issuer"]),
        (L["source"], values["source"]),
        (L["m_decision_source"], values["decision_source"]),
    ]
    return [(k, v) for k, v in rows if v]


def _part_of(node_part: Part | None) -> Part:
    return node_part or Part.appraised


def _parts(criteria: CriteriaSet, L: Mapping[str, str], lang: str) -> dict[str, Any]:
    """The parts with their maxima (the bonus and penalty cap beside the scale) and the areas."""
    adjustment = sum((a.max for a in criteria.areas if _part_of(a.part) is Part.adjustment), Decimal(0))
    parts = [(L["part_appraised"], number(criteria.parts.appraised, lang))]
    if criteria.parts.survey:
        parts.append((L["part_survey"], number(criteria.parts.survey, lang)))
    if adjustment:
        parts.append((L["part_adjustment"], number(adjustment, lang)))
    areas = [
        (a.id, a.title.shown(lang), L[f"part_{_part_of(a.part).value}"], number(a.max, lang)) for a in criteria.areas
    ]
    return {"parts": parts, "scale": number(criteria.scale, lang), "areas": areas}


def _index_lines(criteria: CriteriaSet, L: Mapping[str, str], lang: str) -> list[str]:
    """How the index is computed: the formula, the parts' weights, the survey, bonus and penalty."""
    p = criteria.parts
    scale = number(criteria.scale, lang)
    if not p.survey:
        return [L["m_index_formula_nosurvey"].format(scale=scale), *_adjustment_line(criteria, L)]
    lines = [
        L["m_index_formula"].format(appraised=number(p.appraised, lang), survey=number(p.survey, lang), scale=scale),
        L["m_weights"].format(
            appraised=number((p.appraised * 100 / criteria.scale).quantize(Decimal("0.01")), lang),
            survey=number((p.survey * 100 / criteria.scale).quantize(Decimal("0.01")), lang),
        ),
        L["m_survey_optional"] if p.survey_optional else L["m_survey_required"],
    ]
    return lines + _adjustment_line(criteria, L)


def _adjustment_line(criteria: CriteriaSet, L: Mapping[str, str]) -> list[str]:
    has_adjustment = any(_part_of(a.part) is Part.adjustment for a in criteria.areas)
    return [L["m_adjustment"]] if has_adjustment else []


def _na_lines(leaves: Sequence[Leaf], L: Mapping[str, str], lang: str) -> list[str]:
    """Which items may leave the maximum (and re-scale the index) and which count in full."""
    scored = [leaf for leaf in leaves if leaf.part is not Part.adjustment]
    excluded = [leaf for leaf in scored if leaf.not_applicable is NotApplicable.exclude]
    full = [leaf for leaf in scored if leaf.not_applicable is NotApplicable.full_points]
    typed = [leaf for leaf in scored if leaf.applies_to]
    names = UNIT_NAMES[lang]
    lines = []
    if excluded:
        lines.append(L["m_na_exclude"].format(n=len(excluded)))
    if full:
        lines.append(L["m_na_full"].format(n=len(full)))
    if typed:
        items = ", ".join(
            f"{leaf.id} ({', '.join(names[u] for u in names if u in (leaf.applies_to or ()))})" for leaf in typed
        )
        lines.append(L["m_na_types"].format(n=len(typed), items=items))
    return lines or [L["m_na_none"]]


def _tie_keys(criteria: CriteriaSet, L: Mapping[str, str], lang: str) -> str:
    titles = {a.id: a.title.shown(lang) for a in criteria.areas}
    words = []
    for key in criteria.ranking.tie_break:
        if key in (Part.appraised.value, Part.survey.value):
            words.append(L[f"tb_{key}"])
        else:
            words.append(L["tb_area"].format(id=key, title=titles.get(key, key)))
    return ", ".join(words)


def _tie_lines(criteria: CriteriaSet, L: Mapping[str, str], lang: str, within: str) -> list[str]:
    """Ranks as :func:`pari_index.ranking.ranks.rank` makes them: on the rounded index, then the
    tie-break keys, then shared ranks (competition or dense), listed by code."""
    keys = _tie_keys(criteria, L, lang)
    lines = [L["m_ties_rank"].format(within=within or criteria.ranking.within)]
    lines.append(L["m_tiebreak"].format(keys=keys) if keys else L["m_tiebreak_none"])
    lines.append(L["m_ties_dense"] if criteria.ranking.ties == "dense" else L["m_ties_competition"])
    lines.append(L["m_ties_order"])
    lines.append(L["m_ties_shown"].format(keys=keys) if keys else L["m_ties_shown_none"])
    return lines


def _classes(criteria: CriteriaSet, lang: str, css: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(name, CSS class of its colour or "", index range in words) per band, as the set lists them."""
    rows = []
    for band in criteria.classes:
        # Its colour by its key (the Vietnamese name); shown by its label (" (vi)" without English).
        rows.append((set_text(band.name, band.en, lang), css.get(band.name, ""), range_text(band, lang, percent=True)))
    return rows


def _provenance(leaves: Sequence[Leaf], L: Mapping[str, str]) -> dict[str, Any]:
    quoted = [leaf.id for leaf in leaves if leaf.provenance is Provenance.quoted]
    modelled = [leaf.id for leaf in leaves if leaf.provenance is Provenance.modelled]
    lines = []
    if quoted:
        lines.append(L["m_quoted"].format(n=len(quoted), items=", ".join(quoted)))
    if modelled:
        lines.append(L["m_modelled"].format(n=len(modelled), items=", ".join(modelled)))
    words = {Provenance.quoted: L["prov_quoted"], Provenance.modelled: L["prov_modelled"]}
    return {"provenance": lines, "item_provenance": {leaf.id: words[leaf.provenance] for leaf in leaves}}


def method_view(
    criteria: CriteriaSet | None,
    about: Mapping[str, str],
    lang: str,
    L: Mapping[str, str],
    within: str,
    class_css: Mapping[str, str],
) -> dict[str, Any]:
    """The methodology section's content (see the module's docstring)."""
    view: dict[str, Any] = {"set": _set_facts(criteria, about, L, lang), "known": criteria is not None}
    if criteria is None:
        return view
    leaves = resolve_leaves(criteria)
    rounding = rounding_text(criteria.rounding, lang)
    view.update(
        _parts(criteria, L, lang),
        index=_index_lines(criteria, L, lang),
        na=_na_lines(leaves, L, lang),
        rounding=rounding,
        # The set's other method notes (printed maxima kept above their children), said once.
        notes=[line for line in method_lines(criteria, lang) if line != rounding],
        ties=_tie_lines(criteria, L, lang, within),
        classes=_classes(criteria, lang, class_css),
        **_provenance(leaves, L),
    )
    return view


# --- the version stamp and the synthetic banner -----------------------------------------------


def stamp_view(
    about: Mapping[str, str], criteria: CriteriaSet | None, L: Mapping[str, str], lang: str
) -> dict[str, Any]:
    """Version, set, hashes and run date as the results recorded them (what is missing is said)."""
    current = pari_version()
    digest, of = about.get("criteria_sha256", ""), about.get("criteria_sha256_of", "")
    if not digest and criteria is not None:
        # Results written before hashes were recorded: the set at hand, by its content.
        digest, of = criteria_content_sha256(criteria), "content"
    recorded = about.get("pari_version", "")
    inputs = []
    for role in INPUT_ROLES:
        names = [n for n in about.get(f"input_{role}", "").split("; ") if n]
        hashes = [h for h in about.get(f"input_sha256_{role}", "").split("; ") if h]
        if len(hashes) != len(names):  # a file name holding "; ": hashes alone, in order
            names = [""] * len(hashes)
        inputs += [(L[f"role_{role}"], _basename(n), h) for n, h in zip(names, hashes, strict=True)]
    return {
        "version": recorded or L["stamp_unknown"],
        "report_version": L["stamp_report_version"].format(version=current) if recorded != current else "",
        "set_id": (criteria.id if criteria is not None else "") or about.get("criteria_id", ""),
        "hash": digest,
        "hash_label": L["stamp_hash_content"] if of == "content" else L["stamp_hash_file"],
        "inputs": inputs,
        "run_date": _display_date(about.get("run_date", ""), lang) or L["stamp_unknown"],
    }


def synthetic_mark(about: Mapping[str, str]) -> str:
    """What marked the data synthetic (a file name or ``--synthetic``), or "" when nothing did."""
    if about.get("synthetic", "").strip().casefold() not in SYNTHETIC_VALUES:
        return ""
    return about.get("synthetic_marker", "") or "synthetic"


# --- the commune profile ----------------------------------------------------------------------


@dataclass(slots=True)
class ProfileArea:
    short: str
    title: str
    points: str
    median: str
    diff: str
    #: "above", "below" or "" (equal, or no median): the sign as a word for the CSS.
    side: str


@dataclass(slots=True)
class Loss:
    id: str
    title: str
    max: str
    final: str
    lost: str


@dataclass(slots=True)
class Profile:
    areas: list[ProfileArea]
    change: str
    losses: list[Loss]


class _Texts:
    """Numbers formatted once per distinct value: a national report's profiles hold about 250,000
    of them, and most repeat."""

    def __init__(self, fmt: Formatter) -> None:
        self.fmt = fmt
        self.columns: dict[tuple[float | None, str], str] = {}
        self.shorts: dict[float | None, str] = {}

    def column(self, value: float | None, column: str) -> str:
        key = (value, column)
        if key not in self.columns:
            self.columns[key] = self.fmt.column(value, column)
        return self.columns[key]

    def short(self, value: float | None) -> str:
        if value not in self.shorts:
            self.shorts[value] = self.fmt.short(value)
        return self.shorts[value]


def _counted_area_max(criteria_table: pl.DataFrame | None) -> pl.DataFrame | None:
    """Per commune and area, the maximum that counts (N/A items left out): an area is compared with
    the group only where it applies."""
    if criteria_table is None:
        return None
    cols = set(criteria_table.columns)
    if not {"commune_code", "area_id"} <= cols or not ({"counted_max", "max"} & cols):
        return None
    maximum = pl.col("counted_max" if "counted_max" in cols else "max").cast(pl.Float64)
    if "counted_max" not in cols and "status" in cols:
        maximum = pl.when(pl.col("status") != "excluded").then(maximum).otherwise(0.0)
    return criteria_table.group_by(pl.col("commune_code").cast(pl.String), pl.col("area_id").cast(pl.String)).agg(
        maximum.sum().alias("area_max")
    )


def _medians(
    summary: pl.DataFrame, groups: Sequence[Group], area_ids: Sequence[str], area_max: pl.DataFrame | None
) -> dict[tuple[int, str], float]:
    """The median of each area's points per group, over the group's scored communes to which the
    area applies (its counted maximum above 0, when the item rows say so)."""
    where = {code: gi for gi, g in enumerate(groups) for code in g.codes}
    applies: set[tuple[str, str]] | None = None
    if area_max is not None:
        applies = {(c, a) for c, a, m in area_max.iter_rows() if m and m > 0}
    values: dict[tuple[int, str], list[float]] = {}
    cols = ["commune_code", "index", *(f"area_{a}" for a in area_ids)]
    for row in summary.select([c for c in cols if c in summary.columns]).iter_rows(named=True):
        code = _text(row["commune_code"])
        if code not in where or _float(row.get("index")) is None:
            continue
        for a in area_ids:
            x = _float(row.get(f"area_{a}"))
            if x is not None and (applies is None or (code, a) in applies):
                values.setdefault((where[code], a), []).append(x)
    return {key: statistics.median(xs) for key, xs in values.items()}


def _losses(
    criteria_table: pl.DataFrame | None, summary: pl.DataFrame, titles: Mapping[str, str], texts: _Texts
) -> dict[str, list[Loss]]:
    """Per commune, the :data:`TOP_LOSSES` items where it lost most points (equal losses in the
    set's order), as :func:`pari_index.ranking.ranks.item_losses` counts them."""
    if criteria_table is None or not set(criteria_table.columns) >= LOSS_COLUMNS:
        return {}
    details = criteria_table.with_columns(
        pl.col("commune_code").cast(pl.String),
        pl.col("criterion_id").cast(pl.String),
        pl.col("max").cast(pl.Float64),
        pl.col("final_score").cast(pl.Float64),
        pl.col("status").cast(pl.String),
        pl.col("part").cast(pl.String),
    )
    rescaled = None
    if "survey_rescaled" in summary.columns:
        rescaled = summary.select(pl.col("commune_code").cast(pl.String), pl.col("survey_rescaled").cast(pl.Boolean))
    top = (
        item_losses(details, rescaled)
        # Decimals read back from a results file: 1 − 0.7 is 0.30000000000000004, not more than 0.3.
        .with_columns(pl.col("loss").round(4))
        .sort(["commune_code", "loss", "order"], descending=[False, True, False])
        .group_by("commune_code", maintain_order=True)
        .head(TOP_LOSSES)
        .collect()
    )
    out: dict[str, list[Loss]] = {}
    for code, cid, mx, final, loss, _ in top.iter_rows():
        out.setdefault(code, []).append(
            Loss(cid, titles.get(cid, ""), texts.short(mx), texts.short(final), texts.short(loss))
        )
    return out


def profiles(
    tables: Mapping[str, pl.DataFrame],
    view: Mapping[str, Any],
    fmt: Formatter,
) -> dict[str, Profile]:
    """Every commune's profile, by code (see the module's docstring)."""
    summary = tables["summary"]
    groups: list[Group] = view["groups"]
    areas: list[Area] = view["areas"]
    if "commune_code" not in summary.columns:
        return {}
    criteria_table = tables.get("criteria")
    medians = _medians(summary, groups, [a.id for a in areas], _counted_area_max(criteria_table))
    texts = _Texts(fmt)
    losses = _losses(criteria_table, summary, view["leaf_titles"], texts)
    where = {code: gi for gi, g in enumerate(groups) for code in g.codes}
    out: dict[str, Profile] = {}
    for rec in summary.to_dicts():
        code = _text(rec.get("commune_code"))
        if code not in where:
            continue
        rows = [_profile_area(area, rec, medians.get((where[code], area.id)), texts) for area in areas]
        text, _, _, title = _change(rec, view["L"])
        out[code] = Profile(rows, title or text, losses.get(code, []))
    return out


def _profile_area(area: Area, rec: Mapping[str, Any], median: float | None, texts: _Texts) -> ProfileArea:
    column = f"area_{area.id}"
    points = _float(rec.get(column))
    shown, middle = texts.column(points, column), texts.column(median, column)
    if points is None or median is None:
        return ProfileArea(area.short, area.title, shown, middle, "–", "")
    diff = round(points - median, 4)
    side = "above" if diff > 0 else ("below" if diff < 0 else "")
    sign = "+" if diff > 0 else ("−" if diff < 0 else "")
    return ProfileArea(area.short, area.title, shown, middle, sign + texts.column(abs(diff), column), side)


# --- all of it, for the report ----------------------------------------------------------------


def method_and_provenance(
    tables: Mapping[str, pl.DataFrame], view: Mapping[str, Any], criteria: CriteriaSet | None
) -> dict[str, Any]:
    """What the method, stamp, banner and profile templates need, added to the report's view."""
    lang: str = view["lang"]
    labels: Mapping[str, str] = view["L"]
    about = about_facts(tables)
    column_places = criteria.rounding.column_places if criteria is not None and criteria.rounding.per_level else None
    fmt = Formatter(lang, view["places"], column_places)
    class_css: Mapping[str, str] = view["class_css"]
    return {
        "mv": method_view(criteria, about, lang, labels, view["within"], class_css),
        "stamp": stamp_view(about, criteria, labels, lang),
        "synthetic": synthetic_mark(about),
        "profiles": profiles(tables, view, fmt),
    }


__all__ = [
    "Loss",
    "Profile",
    "ProfileArea",
    "method_and_provenance",
    "method_view",
    "profiles",
    "stamp_view",
    "synthetic_mark",
]
