"""What `pari explain` (and ``pari.explain_text``) may explain: the rows of one commune, and of
one item or every item under an area or criterion id, from a results' criteria table or a run's
details. A code the results do not hold is a usage error naming the code likely meant (the same
digits with leading zeros, another letter case, a unit's name, an item id given first), so that
the command and every caller of the stage refuse a mistyped code the same way."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import polars as pl

from pari_index.errors import IntakeError, Problem, UsageError, quoted

#: The columns of the criteria table that ``pari explain`` prints.
EXPLAIN_COLUMNS = ("max", "self_score", "computed_score", "appraised_score", "final_score", "status", "explanation")


def explained_rows(
    tables: dict[str, pl.DataFrame], results: str | Path, commune: str, criterion: str | None
) -> pl.DataFrame:
    """The criteria-table rows to explain: the commune's, for one item or every item under an
    area or criterion id. An unknown commune or id is a usage error naming what there is."""
    details = tables.get("criteria")
    if details is None:
        raise IntakeError(
            Problem(
                "not-results",
                "the results file has no Criteria table",
                file=str(results),
                params={"results_problem": "no_criteria"},
            )
        )
    details = details.with_columns(pl.col("commune_code").cast(pl.String), pl.col("criterion_id").cast(pl.String))
    # A results file from elsewhere may lack a column: shown as "—" rather than failing.
    details = details.with_columns(pl.lit(None).alias(c) for c in EXPLAIN_COLUMNS if c not in details.columns)
    rows = details.filter(pl.col("commune_code") == commune)
    if rows.height == 0:
        raise not_in_results(tables, details, results, commune, criterion)
    if criterion is None:
        return rows
    # An area or criterion id explains every scored item under it (2.1 -> 2.1.1, 2.1.2, ...).
    rows = rows.filter((pl.col("criterion_id") == criterion) | pl.col("criterion_id").str.starts_with(criterion + "."))
    if rows.height == 0:
        raise item_not_in_results(tables, details, commune, criterion)
    return rows


def results_ids(details: pl.DataFrame) -> list[str]:
    """The ids pari explain takes as its item: each scored item's and those of the areas and
    criteria above it (``1``, ``1.1``, ``1.1.1``), in the set's order."""
    ids: dict[str, None] = {}
    for item in details["criterion_id"].drop_nulls().unique(maintain_order=True).to_list():
        parts = item.split(".")
        ids.update(dict.fromkeys(".".join(parts[: n + 1]) for n in range(len(parts))))
    return list(ids)


def item_not_in_results(
    tables: dict[str, pl.DataFrame], details: pl.DataFrame, commune: str, criterion: str
) -> UsageError:
    """An item id the results hold nothing under, with what to type: a commune code of the results
    given as the item (``pari explain 00001 00004``: one commune at a time, the item after it); the
    id it likely means (an area written as a number, ``1.0``; ``01``; ``1.1.1.``: intake.nearest);
    else the areas' ids and an item's."""
    from pari_index.intake.nearest import SUGGESTED, nearest_codes

    ids = results_ids(details)
    params: dict[str, object] = {"criterion": quoted(criterion), "commune": commune}
    message = f"{quoted(criterion)} is neither a scored item nor an area or criterion with scored items"
    codes = details["commune_code"].drop_nulls().unique()
    typed = criterion.strip()
    # An area's number as a number column writes it (1.0, 2,0) or with a leading zero (01).
    as_area = typed.replace(",", ".").split(".")[0].lstrip("0") if re.fullmatch(r"[0-9]+(?:[.,]0+)?", typed) else None
    near = nearest_codes(pl.Series([typed]), pl.Series(ids), items=True)[SUGGESTED].to_list()
    if typed in codes.to_list():
        params |= {"item_hint": "commune", "name": unit_name(tables, typed), "code": typed}
    elif as_area in ids or near:
        params |= {"item_hint": "near", "near": as_area if as_area in ids else near[0]}
    else:
        areas = [i for i in ids if "." not in i]
        example = next((i for i in ids if i.count(".") >= 2), ids[-1] if ids else "1.1.1")
        params |= {"item_hint": "list", "areas": ", ".join(areas[:12]), "example": example}
    return UsageError(Problem("criterion-not-in-results", message, params=params))


def unit_name(tables: dict[str, pl.DataFrame], code: str) -> str:
    """The name the results' summary gives the unit ``code`` ("—" when none)."""
    summary = tables.get("summary")
    if summary is None or "name" not in summary.columns:
        return "—"
    names = summary.filter(pl.col("commune_code").cast(pl.String) == code)["name"].cast(pl.String).to_list()
    return (names or [None])[0] or "—"


def units_named(tables: dict[str, pl.DataFrame], codes: pl.Series, typed: str) -> str | None:
    """The codes of the results' units named ``typed`` (intake.nearest's ``name``: a name typed
    as the code, in any case, with or without its unit type), ", " between; None when none."""
    from pari_index.intake.nearest import NEAREST, SUGGESTED, nearest_codes

    summary = tables.get("summary")
    if summary is None or "name" not in summary.columns or not re.search(r"[^\W\d_]", typed):
        return None
    names = summary.select(pl.col("commune_code").cast(pl.String).alias("code"), pl.col("name").cast(pl.String))
    found = nearest_codes(pl.Series([typed]), codes, names=names).filter(pl.col(NEAREST) == "name")
    return found[SUGGESTED].item() if found.height else None


def not_in_results(
    tables: dict[str, pl.DataFrame],
    details: pl.DataFrame,
    results: str | Path,
    commune: str,
    criterion: str | None = None,
) -> UsageError:
    """A commune code that the results do not hold, with the code it was likely meant for: the
    same digits with the results' leading zeros (``1`` for ``00001``), or the same code in another
    letter case or with spaces around it; an item id of the results given first (``pari explain
    1.1.1 00001``: the commune comes first); else the first codes of the results."""
    codes = details.select(pl.col("commune_code").drop_nulls().unique().sort())["commune_code"]
    typed = unicodedata.normalize("NFC", commune).strip()
    if "." in typed and typed in results_ids(details):
        listed = codes.to_list()
        code = criterion if criterion in listed else (listed[0] if listed else "00001")
        swapped = {"commune": quoted(commune), "results": str(results), "code_hint": "item", "item": typed}
        swapped["near"] = code or "00001"
        return UsageError(
            Problem("commune-not-in-results", f"commune {quoted(commune)} is not in {results}", params=swapped)
        )
    same = pl.col("commune_code").str.to_lowercase() == typed.lower()
    if typed.isascii() and typed.isdigit():
        digits = pl.col("commune_code").str.contains(r"^[0-9]+$")
        same = same | (digits & (pl.col("commune_code").str.strip_chars_start("0") == typed.lstrip("0")))
    near = codes.to_frame().filter(same)["commune_code"].to_list()
    message = f"commune {quoted(commune)} is not in {results}"
    params: dict[str, object] = {"commune": quoted(commune), "results": str(results)}
    named = units_named(tables, codes, typed)
    if len(near) == 1:
        params |= {"code_hint": "near", "near": near[0], "near_name": unit_name(tables, near[0])}
    elif named:
        params |= {"code_hint": "name", "near": named, "code": named.split(",")[0]}
    elif codes.len():
        params |= {"code_hint": "list", "known": ", ".join(codes.head(10).to_list())}
    else:  # results of no commune: «e.g. » with nothing after it was the hint
        params |= {"code_hint": ""}
    return UsageError(Problem("commune-not-in-results", message, params=params))
