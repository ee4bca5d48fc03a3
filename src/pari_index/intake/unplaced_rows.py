"""Long-form rows that hold text but nothing to score, and name no item or input of the set.

A row with no value, no n/a mark and no self-score or evidence gives no cell, so no check ever
looked at its commune code, item id or input: until session 39 such a row was «nothing to score»
in the input rows table with no reason and no finding. That was right for a unit's item left
blank, and silent for what is not one: a second table under the data after a blank gap (its
headings ``ghi chú,người lập,ngày`` read as a code, an item and an input), a signature block, or
an answer typed into the input column (``00001,1.1.1,04/06/2025,,``: the value lost, the item
«not assessed»). Such a row is now a warning at its row, its message the row's reason in the
input rows table (:func:`.ledger.source_ledger`).

A row whose id is a group of the set (``1``, ``1.1``: a printed form's heading rows) or whose
item and input are the set's is a blank answer, and stays as it was.
"""

from __future__ import annotations

import polars as pl

from pari_index.errors import Problem, quoted
from pari_index.intake.model import LeafTable
from pari_index.intake.schema import CRITERION, META_COLUMNS, VALUE
from pari_index.intake.sheet import FILE, ROW, SHEET

#: A row whose item id is not one of the set's (nor a group of it).
UNKNOWN_ITEM = "unread-row-item"
#: A row of a known item with no value whose input column names none of its inputs (its self-score
#: and evidence, when it has them, are read).
UNKNOWN_INPUT = "unread-row-input"
#: At most this many rows of one frame are told (each a finding): a sheet of a million such rows
#: must not make a million findings; the rows past it stay «nothing to score».
MAX_TOLD = 1_000

_ITEM_HINT = "delete the row, or move a second table to its own sheet or file; items are the set's ids (pari template)"
_INPUT_HINT = (
    "write the answer in the value column and the input's name (or nothing) in the input column (pari template)"
)


def unplaced_rows(frame: pl.DataFrame, table: LeafTable) -> list[Problem]:
    """A warning at each row of ``frame`` (long-form rows as text) that has nothing to score and
    whose item id is not the set's (:data:`UNKNOWN_ITEM`) or whose input is not its item's
    (:data:`UNKNOWN_INPUT`); at most :data:`MAX_TOLD`."""
    if CRITERION not in frame.columns or frame.height == 0:
        return []
    values = [pl.col(c).is_not_null() for c in (VALUE, "n/a") if c in frame.columns]
    metas = [pl.col(c).is_not_null() for c in META_COLUMNS if c in frame.columns]
    # No value: an input's name with no answer beside it is told even when the row's self-score
    # or evidence was read (the answer typed into the input column, the self-score kept).
    no_value = ~pl.any_horizontal(values) if values else pl.lit(True)
    no_meta = ~pl.any_horizontal(metas) if metas else pl.lit(True)
    leaves = table.fields.select(pl.col(CRITERION).cast(pl.String), pl.col("field").cast(pl.String))
    leaf_ids = leaves.get_column(CRITERION).unique()
    # Groups: every prefix of a leaf id (1 and 1.1 of 1.1.1), a form's heading rows.
    groups = pl.Series([".".join(p.split(".")[:k]) for p in leaf_ids.to_list() for k in range(1, p.count(".") + 1)])
    item = pl.col(CRITERION).cast(pl.String).str.strip_chars()
    given = pl.col("input").cast(pl.String).str.strip_chars() if "input" in frame.columns else pl.lit(None, pl.String)
    known_item = item.is_in(leaf_ids.implode())
    # An input named as a meta field (``self_score``) with no value is a blank, not an unknown input.
    odd_input = given.is_not_null() & ~given.is_in(list(META_COLUMNS))
    rows = (
        frame.lazy()
        .filter(no_value & item.is_not_null() & ~item.is_in(groups.implode()))
        .filter((~known_item & no_meta) | (known_item & odd_input))
        .select(
            pl.col(FILE).cast(pl.String),
            pl.col(SHEET).cast(pl.String),
            pl.col(ROW).cast(pl.Int64),
            item.alias("_item"),
            given.alias("_input"),
        )
        .join(leaves.lazy(), left_on=["_item", "_input"], right_on=[CRITERION, "field"], how="anti")
        .head(MAX_TOLD)
        .collect()
    )
    known = set(leaf_ids.to_list())
    return [_told(row, known) for row in rows.iter_rows(named=True)]


def _told(row: dict[str, object], known: set[str]) -> Problem:
    """The warning of one row that :func:`unplaced_rows` found."""
    place = {"file": row[FILE], "sheet": row[SHEET], "row": row[ROW], "severity": "warning"}
    item = quoted(row["_item"])
    if row["_item"] not in known:
        return Problem(
            UNKNOWN_ITEM,
            f"the row has nothing to score and {item} is not an item of this criteria set: "
            "nothing of it was read (a second table or notes under the data?)",
            hint=_ITEM_HINT,
            params={"criterion": item},
            **place,  # type: ignore[arg-type]
        )
    written = quoted(row["_input"])
    return Problem(
        UNKNOWN_INPUT,
        f"the row gives no value, and criterion {row['_item']} has no input named {written} "
        "(the answer written in the input column?): that text was not read",
        hint=_INPUT_HINT,
        params={"criterion": row["_item"], "input": written},
        **place,  # type: ignore[arg-type]
    )
