"""Year-over-year change: each unit's previous rank and index from last year's results
(``--previous``), matched by code or through the lineage table, and the change since.

A merged unit gets no invented previous score: its predecessors are listed instead. Ranks from
different kinds of peer group (a district then, a province now) are never compared. See
docs/ranking.md, "Year over year".
"""

from __future__ import annotations

import re

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.points import PLACES, SCALE
from pari_index.errors import Problem, UsageError
from pari_index.intake.sheet import code_text
from pari_index.messages.results_words import GROUP_COLUMNS, PREVIOUS_NOTES
from pari_index.textexpr import format_text

PREVIOUS_COLUMNS = ("previous_rank", "previous_index", "rank_change", "index_change", "previous_note")


def units_text(expr: pl.Expr, places: int) -> pl.Expr:
    """Units as text with exactly ``places`` decimals (truncated: round before calling)."""
    sign = pl.when(expr < 0).then(pl.lit("-")).otherwise(pl.lit(""))
    whole = (expr.abs() // SCALE).cast(pl.String)
    if places == 0:
        return sign + whole
    frac = (expr.abs() % SCALE).cast(pl.String).str.zfill(PLACES).str.slice(0, places)
    return sign + whole + pl.lit(".") + frac


def _number(frame: pl.DataFrame, name: str) -> pl.Expr:
    if name not in frame.columns:
        return pl.lit(None, dtype=pl.Float64)
    col = pl.col(name)
    if frame.schema[name] == pl.String:
        col = col.str.strip_chars().str.replace(",", ".", literal=True)
    return col.cast(pl.Float64, strict=False)


def _previous_kind(summary: pl.DataFrame, tables: dict[str, pl.DataFrame]) -> str | None:
    """Which register column last year's groups were (district, province, ...), when it can be told."""
    if "group_column" in summary.columns:
        kinds = summary["group_column"].drop_nulls().cast(pl.String).unique().to_list()
        if len(kinds) == 1:
            return str(kinds[0])
    if "group" in summary.columns:
        grouped = summary.filter(pl.col("group").is_not_null())
        if grouped.height:
            for candidate in ("district", "province"):
                if (
                    candidate in grouped.columns
                    and grouped.select(
                        (pl.col("group").cast(pl.String) == pl.col(candidate).cast(pl.String)).fill_null(False).all()
                    ).item()
                ):
                    return candidate
    about = tables.get("about")
    if about is not None and {"key", "value"} <= set(about.columns):
        hit = about.filter(pl.col("key") == "ranked_within")["value"].to_list()
        if hit:
            return str(hit[0])
    return None


def previous_summary(previous: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Last year's summary in the form used for comparison: ``_p_code``, ``_p_rank``,
    ``_p_index`` (units), ``_p_group`` (the label), ``_p_key`` (the group's key: ``group_key``, or
    in results written before groups had keys, the group's name), ``_p_size``, ``_p_kind``."""
    summary = previous.get("summary")
    if summary is None or COMMUNE not in summary.columns:
        raise UsageError(
            Problem(
                "not-results",
                "last year's results have no summary table with commune_code",
                hint="give a results file written by pari score",
                params={"results_problem": "missing_columns", "table": "summary", "columns": COMMUNE},
            )
        )
    kind = _previous_kind(summary, previous)
    rank_expr = _number(summary, "rank").round(0).cast(pl.Int64)
    group = pl.col("group").cast(pl.String) if "group" in summary.columns else pl.lit(None, dtype=pl.String)
    key = pl.col("group_key").cast(pl.String) if "group_key" in summary.columns else group
    if "unit_type" in summary.columns:
        group, key = _unit_types_named(group, "label"), _unit_types_named(key, "key")
    out = summary.select(
        code_text(pl.col(COMMUNE).cast(pl.String).str.strip_chars()).alias("_p_code"),
        rank_expr.alias("_p_rank"),
        (_number(summary, "index") * SCALE).round(0).cast(pl.Int64).alias("_p_index"),
        group.alias("_p_group"),
        key.alias("_p_key"),
        _number(summary, "group_size").round(0).cast(pl.Int64).alias("_p_size"),
        pl.lit(kind, dtype=pl.String).alias("_p_kind"),
        pl.lit(True).alias("_p_found"),
    )
    return out.with_columns(
        pl.coalesce("_p_size", pl.col("_p_rank").is_not_null().sum().over("_p_key").cast(pl.Int64))
    ).unique(subset=["_p_code"], keep="first", maintain_order=True)


def unit_type_groups_named(summary: pl.DataFrame) -> pl.DataFrame:
    """``summary`` (of results read back) with its groups of unit types named as this year's are
    (:func:`_unit_types_named`): results written before session 38 ranked within the unit type
    showed the ids («commune», «special_zone») as the groups of ``pari report``'s page, its
    download and ``explain``."""
    if "unit_type" not in summary.columns:
        return summary
    named = [
        _unit_types_named(pl.col(column).cast(pl.String), kind).alias(column)
        for column, kind in (("group", "label"), ("group_key", "key"))
        if column in summary.columns
    ]
    return summary.with_columns(named) if named else summary


def _unit_types_named(expr: pl.Expr, kind: str) -> pl.Expr:
    """A group (``kind``: its key or its label) of results written before session 38 ranked within
    the unit type, named as this year's groups are: «Xã», not the id «commune», which no key of this
    year's matched (every rank change lost, «ranked in another group»). A part of the key or label
    is the unit type's level where it is the unit's own unit type id (ranking.groups)."""
    from pari_index.ranking.groups import KEY_SEPARATOR, LABEL_SEPARATOR, unit_type_group_names

    separator = re.escape(KEY_SEPARATOR if kind == "key" else LABEL_SEPARATOR)
    unit = pl.col("unit_type").cast(pl.String)
    named = expr
    for unit_id, name in unit_type_group_names().items():
        part = f"(^|{separator}){re.escape(unit_id)}({separator}|$)"
        named = pl.when(unit == unit_id).then(expr.str.replace_all(part, f"${{1}}{name}${{2}}")).otherwise(named)
    return named


def compare_previous(
    frame: pl.DataFrame,
    previous: dict[str, pl.DataFrame],
    lineage: pl.DataFrame | None,
    places: int,
    lang: str = "vi",
) -> pl.DataFrame:
    """Add previous_rank, previous_index, rank_change, index_change and previous_note (in
    ``lang``). Groups are
    compared by key (``group_key``); results written before groups had keys only name the group,
    and are compared with the value of the grouping column, as they were then."""
    prev = previous_summary(previous)
    codes = frame.select(COMMUNE, "rank", "index", "group", "group_column")
    frame = frame.with_columns(_current_group_key(frame, previous).alias("_key"))
    mapped = _link_to_old_codes(codes, lineage)
    joined = mapped.join(prev, left_on="old_code", right_on="_p_code", how="left")
    out = frame.join(_last_year_per_commune(joined, places, lang), on=COMMUNE, how="left")
    return _add_changes(out, lang).drop(
        "_link", "_old", "_p_rank", "_p_index", "_p_group", "_p_key", "_p_kind", "_found", "_preds", "_key"
    )


def _current_group_key(frame: pl.DataFrame, previous: dict[str, pl.DataFrame]) -> pl.Expr:
    """This year's group, in the form last year's results name it: the key when both have keys,
    else the value of the grouping column (results written before groups had keys), else the label."""
    summary = previous.get("summary")
    keyed = summary is not None and "group_key" in summary.columns and "group_key" in frame.columns
    column = frame["group_column"].drop_nulls().first() if "group_column" in frame.columns else None
    if keyed:
        return pl.col("group_key")
    if isinstance(column, str) and column in frame.columns:
        return pl.col(column).cast(pl.String)
    return pl.col("group")


def _link_to_old_codes(codes: pl.DataFrame, lineage: pl.DataFrame | None) -> pl.DataFrame:
    """Each commune with the code(s) it had last year (``old_code``) and how they are linked
    (``_link``): same, renamed, merged (several old codes) or split (an old code with several new)."""
    if lineage is None or not lineage.height:
        return codes.with_columns(pl.col(COMMUNE).alias("old_code"), pl.lit("same").alias("_link"))
    links = (
        lineage.select(pl.col("old_code").cast(pl.String), pl.col("new_code").cast(pl.String))
        .unique()
        .with_columns(
            pl.len().over("new_code").alias("_n_old"),
            pl.len().over("old_code").alias("_n_new"),
        )
    )
    return codes.join(links, left_on=COMMUNE, right_on="new_code", how="left").with_columns(
        pl.when(pl.col("old_code").is_null())
        .then(pl.lit("same"))
        .when(pl.col("_n_old") > 1)
        .then(pl.lit("merged"))
        .when(pl.col("_n_new") > 1)
        .then(pl.lit("split"))
        .when(pl.col("old_code") == pl.col(COMMUNE))
        .then(pl.lit("same"))
        .otherwise(pl.lit("renamed"))
        .alias("_link"),
        pl.coalesce("old_code", COMMUNE).alias("old_code"),
    )


def _last_year_per_commune(joined: pl.DataFrame, places: int, lang: str) -> pl.DataFrame:
    """One row per commune: its (first) predecessor's result, and all predecessors as a text
    ("00101 (3/12, 81.20 %), ...") for the notes of merged and split communes."""
    found = pl.col("_p_found").fill_null(False)
    position = (
        pl.when(pl.col("_p_rank").is_not_null())
        .then(format_text("{}/{}", pl.col("_p_rank"), pl.col("_p_size")))
        .when(found)
        .then(pl.lit(PREVIOUS_NOTES["predecessor_unranked"].get(lang)))
        .otherwise(pl.lit(PREVIOUS_NOTES["predecessor_missing"].get(lang)))
    )
    number = units_text(pl.col("_p_index"), places)
    # The decimal mark of the note's language (85,20 % in Vietnamese).
    number = number.str.replace(".", ",", literal=True) if lang == "vi" else number
    shown_index = (
        pl.when(pl.col("_p_index").is_not_null()).then(pl.lit(", ") + number + pl.lit(" %")).otherwise(pl.lit(""))
    )
    predecessor = format_text("{} ({}{})", pl.col("old_code"), position, shown_index)
    return (
        joined.sort("old_code")
        .group_by(COMMUNE, maintain_order=True)
        .agg(
            pl.col("_link").first(),
            pl.col("old_code").first().alias("_old"),
            pl.col("_p_rank").first(),
            pl.col("_p_index").first(),
            pl.col("_p_group").first(),
            pl.col("_p_key").first(),
            pl.col("_p_kind").first(),
            found.first().alias("_found"),
            predecessor.str.join(", ").alias("_preds"),
        )
    )


def _add_changes(out: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The comparison columns. Ranks are compared only for a commune that is itself last year's
    (same or renamed), was found, and was ranked in the same peer group; the note says why not."""
    link = pl.col("_link")
    single = link.is_in(["same", "renamed"])
    matched = single & pl.col("_found")
    kind_differs = pl.col("_p_kind").is_not_null() & (pl.col("_p_kind") != pl.col("group_column"))
    value_differs = pl.col("_p_key").is_not_null() & pl.col("_key").is_not_null() & (pl.col("_p_key") != pl.col("_key"))
    different = matched & (kind_differs | value_differs).fill_null(False)
    previous_rank = pl.when(single).then(pl.col("_p_rank"))
    previous_index = pl.when(single).then(pl.col("_p_index"))
    note = _previous_note(single, matched, different, kind_differs, lang)
    return out.with_columns(
        previous_rank.cast(pl.Int64).alias("previous_rank"),
        previous_index.cast(pl.Int64).alias("previous_index"),
        pl.when(matched & ~different & pl.col("rank").is_not_null())
        .then(pl.col("_p_rank") - pl.col("rank"))
        .cast(pl.Int64)
        .alias("rank_change"),
        (pl.col("index") - previous_index).cast(pl.Int64).alias("index_change"),
        pl.when(note.str.len_chars() > 0).then(note).alias("previous_note"),
    )


def _previous_note(single: pl.Expr, matched: pl.Expr, different: pl.Expr, kind_differs: pl.Expr, lang: str) -> pl.Expr:
    """The previous_note text in ``lang``: the sentences that apply, joined by "; " (empty when
    none does)."""
    link = pl.col("_link")

    def said(key: str, *values: pl.Expr) -> pl.Expr:
        return format_text(PREVIOUS_NOTES[key].get(lang), *values) if values else pl.lit(PREVIOUS_NOTES[key].get(lang))

    def column(name: str) -> pl.Expr:
        words = {key: w.get(lang) for key, w in GROUP_COLUMNS.items()}
        return pl.col(name).cast(pl.String).replace(words)

    note_parts = [
        pl.when(link == "merged").then(said("merged", pl.col("_preds"))),
        pl.when(link == "split").then(said("split", pl.col("_preds"))),
        pl.when(link == "renamed").then(said("renamed", pl.col("_old"))),
        pl.when(single & ~pl.col("_found")).then(said("new")),
        pl.when(matched & pl.col("_p_rank").is_null()).then(said("not_ranked")),
        pl.when(different & kind_differs).then(
            said("other_column", column("_p_kind"), pl.col("_p_group").fill_null("?"), column("group_column"))
        ),
        # Keys, not labels: two Huyện Châu Thành are told apart by their province.
        pl.when(different & ~kind_differs).then(said("other_group", pl.col("_p_key"), pl.col("_key"))),
    ]
    return pl.concat_str(note_parts, separator="; ", ignore_nulls=True)
