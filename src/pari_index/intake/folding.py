"""Findings folded: past the first PARI_MAX_FINDINGS_OF_A_KIND findings of one kind for one unit
in one file (or sheet), the rest are one finding that counts them and names their rows and columns.

A wide form whose every cell is wrong gave a finding per cell: 4,000 rows of 350 columns (4 MB)
were 1.4 million findings, a findings file of 380 MB and 1.2 GB of memory, none of which a reader
goes through. Every row stays accounted for: the input rows table (the ledger, made before the
fold from every finding) keeps each row with its own reasons, and the folded finding tells how
many findings it stands for (its ``size``) and the ranges of their rows. Findings of no file or no
row (a commune's, a file's) are never folded: there are at most a few per unit and item. Rows of
no unit (no code, or an unknown one, each its own) are counted together by the code they give.

Counted for each unit, not for each file: a national file of 10,600 communes has some 10 findings
of a kind for each (114,000 ``self-score-differs``), every one of which its unit's reader needs;
no unit has more findings of one kind than its form has cells (a few hundred), unless its rows are
repeated or its cells are all wrong, as in the hostile files.
"""

from __future__ import annotations

import os

import polars as pl

from pari_index.messages import PARAM_WORDS, format_number, params_json, parse_params, render, title
from pari_index.system.limits import env_limit

#: The finding that stands for the folded ones.
FOLDED = "findings-folded"
#: The findings of one kind for one unit listed one by one in one file (or sheet) before the rest
#: are folded: more than the cells of a unit's form (the largest set has about 350 columns).
MAX_FINDINGS_OF_A_KIND = 1_000
#: Kinds listed fewer times for one unit (here: one code) in one file, unless
#: PARI_MAX_FINDINGS_OF_A_KIND is set (then it holds for every kind, so that its hint, set it to list
#: them all, stays true). ``unknown-commune``: a code column whose leading zeros Excel took (1 for
#: 00001) gave one finding for each row, 2,354 for the example's 45 codes (session 36); its first
#: row is told, with the register's code nearest, and counts the others and names their rows
#: (:data:`TOLD_IN_FIRST`), every row still in the input rows table with its reason.
FEWER_OF_KIND = {"unknown-commune": 1}
#: Kinds of FEWER_OF_KIND whose first finding in a file tells the others itself (session 37): one
#: finding for each unknown code, «… the same code is on 71 more rows of the file: 3–73», not
#: two (the first row, and a findings-folded «71 more findings») for the same thing. The finding
#: stands for every row it names (its ``size``, as a folded finding's: :func:`counted`).
TOLD_IN_FIRST = frozenset({"unknown-commune"})
#: Ranges of rows named in a folded finding's message (the rest counted).
RANGES_SHOWN = 6

_GROUP = ("file", "sheet", "kind", "commune_code")
#: What a folded finding takes from the first finding it folds.
_FIRST = ("severity", "file", "sheet", "kind", "commune_code")
#: Columns named in a folded finding's message (the rest counted).
COLUMNS_SHOWN = 4


def fold_findings(findings: pl.DataFrame, rows_listed: str = "") -> tuple[pl.DataFrame, pl.DataFrame]:
    """``findings`` with those of a kind for a unit past the limit in their file folded
    (:data:`FOLDED`, one for each kind and unit of each file or sheet, where the first folded one
    was), and the distinct texts
    of the findings folded away (kind, params, message, hint), so that the rows table can still
    say their reasons in the output's language. Unchanged, and no texts, when no kind passes the
    limit (one count of each kind in each file). ``rows_listed``: where the folded rows are told
    one by one (labels.PARAM_WORDS): "" the input rows table, "file" the file itself (a table
    the rows table does not cover)."""
    keep = env_limit("PARI_MAX_FINDINGS_OF_A_KIND", MAX_FINDINGS_OF_A_KIND)
    fewer = {} if os.environ.get("PARI_MAX_FINDINGS_OF_A_KIND", "").strip() else FEWER_OF_KIND
    texts = findings.clear().select("kind", "params", "message", "hint")
    placed = pl.col("file").is_not_null() & pl.col("row").is_not_null()
    if findings.height <= min([keep, *fewer.values()]):
        return findings, texts
    limit = pl.col("kind").replace_strict(fewer, default=keep, return_dtype=pl.Int64) if fewer else pl.lit(keep)
    counts = findings.lazy().filter(placed).group_by(_GROUP).agg(pl.len() > limit.first()).select(pl.col("len").any())
    if not counts.collect().item():
        return findings, texts
    # Worked on as numbers (a part as one integer, a column as a category): windows and groups
    # over the text columns of 1.4 million findings took 300 MB more than the findings.
    ids = [pl.col(c).cast(pl.Categorical).to_physical().alias(f"_{c}") for c in _GROUP]
    part = [f"_{c}" for c in _GROUP]
    places = (
        findings.lazy()
        .select(*ids, placed.alias("_placed"), "row", pl.col("column").cast(pl.Categorical), limit.alias("_keep"))
        .with_row_index("_at")
        .filter(pl.col("_placed") & (pl.col("_placed").cast(pl.Int64).cum_sum().over(part) > pl.col("_keep")))
        .select("_at", pl.struct(part).rank("dense").alias("_part"), "row", "column", "_keep")
        .collect()
    )
    over = pl.Series(pl.repeat(False, findings.height, eager=True)).scatter(places["_at"], True)
    # The first finding of each message, filtered in place: grouping by the message as a category
    # put every distinct message in polars' global categories, which are never freed (200,000
    # messages each naming its own code, 5 MB of a lineage table: 340 MB, now 45).
    texts = (
        findings.lazy()
        .filter(over)
        .select("kind", "params", "message", "hint")
        .filter(pl.col("message").is_first_distinct())
        .collect()
    )
    summaries = _summaries(findings, places, rows_listed)
    kept = findings.with_row_index("_at").filter(~over)
    if fewer:
        # The first rows' own texts stay known: the rows table gives each row's reason as it was.
        said = kept.filter(pl.col("kind").is_in(list(TOLD_IN_FIRST))).select(texts.columns)
        kept, summaries = told_in_first(kept, summaries)
        texts = pl.concat([texts, said.filter(~pl.col("message").is_in(texts["message"].implode()))])
        texts = texts.filter(pl.col("message").is_first_distinct())
    merged = pl.concat([kept, summaries], how="vertical_relaxed").sort("_at", maintain_order=True)
    return merged.drop("_at").cast(findings.schema), texts


def _row_ranges(rows: pl.DataFrame) -> pl.DataFrame:
    """Each part's sorted ``_rows`` as ranges: ``_shown``, the first RANGES_SHOWN as text
    (``2–7, 9``), and ``_ranges``, how many. One pass: a range begins where the part changes or a
    row is not the one after the last."""
    part = pl.col("_part")
    begins = (part != part.shift(1)) | (pl.col("_rows") != pl.col("_rows").shift(1) + 1)
    return (
        rows.explode("_rows")
        .with_columns(begins.fill_null(True).cum_sum().alias("_range"))
        .group_by("_part", "_range", maintain_order=True)
        .agg(pl.col("_rows").min().alias("_from"), pl.col("_rows").max().alias("_to"))
        .with_columns(
            pl.when(pl.col("_from") == pl.col("_to"))
            .then(pl.col("_from").cast(pl.String))
            .otherwise(pl.format("{}–{}", "_from", "_to"))
            .alias("_text")
        )
        .group_by("_part", maintain_order=True)
        .agg(pl.col("_text").head(RANGES_SHOWN).str.join(", ").alias("_shown"), pl.len().alias("_ranges"))
    )


def _summaries(findings: pl.DataFrame, places: pl.DataFrame, rows_listed: str) -> pl.DataFrame:
    """One finding of each part (file, sheet and kind) of the folded ``places`` (``_at``: where
    each is in ``findings``; ``_part``, ``row``, ``column``), at its first finding's place and
    row, with that finding's severity, counting them and naming their rows as ranges and their
    columns (each part's rows sorted as integers: :func:`_row_ranges`)."""
    parts = places.group_by("_part", maintain_order=True).agg(
        pl.col("_at").min(),
        pl.col("row").first().alias("_row"),
        pl.len().alias("_count"),
        pl.col("_keep").first(),
        pl.col("row").unique().sort().alias("_rows"),
        pl.col("column").drop_nulls().unique(maintain_order=True).cast(pl.String).alias("_columns"),
    )
    # Taken as values, column by column (at most one part for each 1,000 findings): selecting
    # the columns of the findings' many chunks put each column together again (190 MB).
    at = parts["_at"].to_list()
    first = pl.DataFrame(
        {c: [findings.get_column(c)[i] for i in at] for c in _FIRST},
        schema={c: pl.String for c in _FIRST},
    )
    parts = pl.concat([parts, first], how="horizontal")
    ranges = _row_ranges(parts.select("_part", "_rows"))
    parts = parts.drop("_rows").join(ranges, on="_part", how="left", maintain_order="left")
    more = pl.col("_ranges").cast(pl.Int64) - RANGES_SHOWN
    shown = pl.when(more > 0).then(pl.format("{} … (+{})", "_shown", more)).otherwise(pl.col("_shown"))
    more_columns = pl.col("_columns").list.len().cast(pl.Int64) - COLUMNS_SHOWN
    columns = pl.col("_columns").list.head(COLUMNS_SHOWN).list.join(", ")
    columns = (
        pl.when(pl.col("_columns").list.len() == 0)
        .then(pl.lit("—"))
        .when(more_columns > 0)
        .then(pl.format("{} … (+{})", columns, more_columns))
        .otherwise(columns)
    )
    one_column = pl.when(pl.col("_columns").list.len() == 1).then(pl.col("_columns").list.first())
    return parts.select(
        "_at",
        "severity",
        pl.lit(FOLDED).alias("kind"),
        "commune_code",
        pl.lit(None, dtype=pl.String).alias("criterion_id"),
        "file",
        "sheet",
        pl.col("_row").alias("row"),
        one_column.alias("column"),
        pl.format(
            "{} more findings «{}» not listed, in rows {} (columns {}): only a unit's first {} of a kind in a file "
            "are; {}",
            pl.col("_count").map_elements(lambda n: format_number(n, "en"), return_dtype=pl.String),
            pl.col("kind").map_elements(lambda kind: title(kind, "en"), return_dtype=pl.String),
            shown,
            columns,
            pl.col("_keep").map_elements(lambda n: format_number(n, "en"), return_dtype=pl.String),
            pl.lit(PARAM_WORDS["rows_listed"][rows_listed].get("en")),
        ).alias("message"),
        pl.lit(None, dtype=pl.String).alias("hint"),
        pl.col("_count").cast(pl.Float64).alias("size"),
        pl.struct(
            columns.alias("columns_folded"),
            pl.col("_count").alias("count"),
            pl.col("kind").alias("folded_kind"),
            pl.col("_keep").alias("keep"),
            shown.alias("rows"),
            *([pl.lit(rows_listed).alias("rows_listed")] if rows_listed else []),
        )
        .struct.json_encode()
        .alias("params"),
    )


def told_in_first(kept: pl.DataFrame, summaries: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``kept`` (the findings listed, with their ``_at``) and ``summaries`` (the folded findings)
    with each summary of a kind of :data:`TOLD_IN_FIRST` told in the first listed finding of its
    unit, kind and file instead: its parameters given the count and rows (``more_rows``), its
    message said again, its ``size`` the findings it now stands for (itself and the others)."""
    folded_kind = pl.col("params").str.json_path_match("$.folded_kind")
    told = summaries.filter(folded_kind.is_in(list(TOLD_IN_FIRST)))
    if told.height == 0:
        return kept, summaries
    key = ["file", "sheet", "kind", "commune_code"]
    others = told.select(
        *key[:2],
        folded_kind.alias("kind"),
        "commune_code",
        pl.col("size").alias("_count"),
        pl.col("params").str.json_path_match("$.rows").alias("_rows"),
    )
    listed = kept.filter(pl.col("kind").is_in(list(TOLD_IN_FIRST)) & pl.col("row").is_not_null())
    firsts = listed.group_by(key).agg(pl.col("_at").min()).join(others, on=key, nulls_equal=True)
    said = []
    rows = kept.join(firsts.select("_at", "_count", "_rows"), on="_at")
    for at, kind, params, message, count, shown in rows.select(
        "_at", "kind", "params", "message", "_count", "_rows"
    ).iter_rows():
        filled = {**(parse_params(params) or {}), "more_rows": "many", "also_count": int(count)}
        filled["also_rows"] = shown
        said.append((at, params_json(filled), render(kind, filled, "en", message=message), count + 1))
    columns = ("_params", "_message", "_size")
    updated = pl.DataFrame(said, schema=["_at", *columns], orient="row").cast(
        {"_at": kept.schema["_at"], "_params": pl.String, "_message": pl.String, "_size": pl.Float64}
    )
    kept = (
        kept.join(updated, on="_at", how="left", maintain_order="left")
        .with_columns(
            pl.coalesce("_params", "params").alias("params"),
            pl.coalesce("_message", "message").alias("message"),
            pl.coalesce("_size", "size").alias("size"),
        )
        .drop("_params", "_message", "_size")
    )
    merged = firsts.select(*key[:2], pl.col("kind").alias("_kind"), "commune_code")
    summaries = summaries.with_columns(folded_kind.alias("_kind")).join(
        merged, on=[*key[:2], "_kind", "commune_code"], how="anti", nulls_equal=True
    )
    return kept, summaries.drop("_kind")


def counted_kind() -> pl.Expr:
    """The kind a finding counts as: a folded finding's, the kind it folded."""
    folded = pl.col("params").str.json_path_match("$.folded_kind")
    return pl.when(pl.col("kind") == FOLDED).then(folded).otherwise(pl.col("kind"))


def counted() -> pl.Expr:
    """How many findings a finding stands for: a folded finding those it folded (its size), a
    finding that tells its code's other rows (TOLD_IN_FIRST) itself and them (its size), else one."""
    # A finding of TOLD_IN_FIRST that tells its code's other rows stands for them too (its size).
    told = pl.col("kind").is_in(list(TOLD_IN_FIRST)) & pl.col("size").is_not_null()
    stands_for = pl.col("size").cast(pl.Int64)
    return pl.when((pl.col("kind") == FOLDED) | told).then(stands_for).otherwise(pl.lit(1, dtype=pl.Int64))
