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

from dataclasses import dataclass, field

import polars as pl

from pari_index.errors import Problem, quoted
from pari_index.intake.cell_checks import input_labels, input_name_key
from pari_index.intake.model import LeafTable
from pari_index.intake.schema import CRITERION, META_COLUMNS, VALUE
from pari_index.intake.sheet import FILE, ROW, SHEET
from pari_index.messages.labels import PARAM_WORDS

#: A row whose item id is not one of the set's (nor a group of it).
UNKNOWN_ITEM = "unread-row-item"
#: A row of a known item with no value whose input column names none of its inputs (its self-score
#: and evidence, when it has them, are read).
UNKNOWN_INPUT = "unread-row-input"
#: At most this many rows of one frame are told (each a finding): a sheet of a million such rows
#: must not make a million findings; the rows past it stay «nothing to score», counted (with the
#: last row of them) in the last finding told.
MAX_TOLD = 1_000

_ITEM_HINT = "delete the row, or move a second table to its own sheet or file; items are the set's ids (pari template)"
_INPUT_HINT = (
    "write the answer in the value column and the input's name (or nothing) in the input column (pari template)"
)


def unplaced_rows(frame: pl.DataFrame, table: LeafTable) -> list[Problem]:
    """A warning at each row of ``frame`` (long-form rows as text) that has nothing to score and
    whose item id is not the set's (:data:`UNKNOWN_ITEM`) or whose input is not its item's
    (:data:`UNKNOWN_INPUT`); at most :data:`MAX_TOLD` of a file's sheet, the last of them
    counting the rest (:class:`UnplacedRows`, one frame)."""
    told = UnplacedRows()
    problems: list[Problem] = []
    told.look_at(frame, table, problems)
    told.close(problems)
    return problems


@dataclass
class _Told:
    """The rows of one file's sheet told so far (:class:`UnplacedRows`)."""

    count: int = 0
    #: The last row told one by one, and its warning (as put in the problems).
    row: dict[str, object] | None = None
    problem: Problem | None = None
    known: frozenset[str] = frozenset()
    #: Rows past the first MAX_TOLD, and the last of their row numbers.
    past: int = 0
    past_last: int = 0


@dataclass
class UnplacedRows:
    """The rows of :func:`unplaced_rows` of every frame of a run, told at most :data:`MAX_TOLD` a
    file's sheet one by one, the rest counted in the last told (:meth:`close`). Counted by file
    and sheet, not by frame, so that a large CSV file read a range at a time (a batched run,
    ``--batch-size``) tells what the same file read whole tells: until the session 39 review, each
    range told its own 1,000, and the rows past the first 1,000 of a frame were told nowhere."""

    told: dict[tuple[object, object], _Told] = field(default_factory=dict)

    def look_at(self, frame: pl.DataFrame, table: LeafTable, problems: list[Problem]) -> None:
        """Add to ``problems`` the warnings of ``frame``'s rows (:func:`unplaced_rows`) still
        within the first MAX_TOLD of their file's sheet; count the others."""
        rows, known = _unplaced(frame, table)
        if rows.height == 0:
            return
        for (file, sheet), part in rows.group_by([FILE, SHEET], maintain_order=True):
            told = self.told.setdefault((file, sheet), _Told())
            room = max(MAX_TOLD - told.count, 0)
            for row in part.head(room).iter_rows(named=True):
                told.row, told.known = row, known
                told.problem = _told(row, known)
                problems.append(told.problem)
            told.count += min(room, part.height)
            if part.height > room:
                told.past += part.height - room
                told.past_last = max(told.past_last, int(part[ROW][room:].max()))  # type: ignore[arg-type]

    def close(self, problems: list[Problem]) -> None:
        """The last warning told of each file's sheet with rows past MAX_TOLD made to count them
        (in ``problems``, where it was put)."""
        for told in self.told.values():
            if not told.past or told.row is None:
                continue
            counted = _told(told.row, told.known, told.past, told.past_last)
            at = next((i for i, problem in enumerate(problems) if problem is told.problem), None)
            if at is None:
                problems.append(counted)
            else:
                problems[at] = counted
            told.problem = counted
            told.past = 0
        self.told.clear()


def _unplaced(frame: pl.DataFrame, table: LeafTable) -> tuple[pl.DataFrame, frozenset[str]]:
    """The rows of ``frame`` that :func:`unplaced_rows` tells (file, sheet, row, item, input, in
    the frame's order), and the set's leaf ids."""
    if CRITERION not in frame.columns or frame.height == 0:
        return pl.DataFrame(), frozenset()
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
    # The rows without a value first, alone: they are few (none in a form filled in), and the
    # items' and inputs' text was stripped and looked up on every row of the sheet before
    # (polars joins the filters into one predicate): 105 → 29 CPU ms over a national file.
    rows = (
        frame.filter(no_value)
        .lazy()
        .filter(item.is_not_null() & ~item.is_in(groups.implode()))
        .filter((~known_item & no_meta) | (known_item & odd_input))
        .select(
            pl.col(FILE).cast(pl.String),
            pl.col(SHEET).cast(pl.String),
            pl.col(ROW).cast(pl.Int64),
            item.alias("_item"),
            given.alias("_input"),
        )
        .with_columns(input_name_key(pl.col("_input")).alias("_key"))
        .join(
            _input_keys(table).lazy(),
            left_on=["_item", "_key"],
            right_on=[CRITERION, "_key"],
            how="anti",
            maintain_order="left",
        )
        .drop("_key")
        .collect()
    )
    return rows, frozenset(leaf_ids.to_list())


def _input_keys(table: LeafTable) -> pl.DataFrame:
    """Each item's inputs as intake matches a name written for one (:func:`.cell_checks.input_name_key`
    of its id or of its labels): «tasks:» or «Số nhiệm vụ» is the item's input, read (a row of
    them with no value was told as naming none until the merged CI of session 39)."""
    ids = table.fields.select(pl.col(CRITERION).cast(pl.String), input_name_key(pl.col("field").cast(pl.String)))
    labels = input_labels(table).select(pl.col(CRITERION).cast(pl.String), pl.col("_key"))
    return pl.concat([ids.rename({"field": "_key"}), labels]).unique()


def _told(row: dict[str, object], known: frozenset[str], past: int = 0, last: object = None) -> Problem:
    """The warning of one row that :func:`unplaced_rows` found; ``past`` rows more like it (to
    row ``last``) said in it when there are any."""
    place = {"file": row[FILE], "sheet": row[SHEET], "row": row[ROW], "severity": "warning"}
    more: dict[str, object] = {"rows_past": "many", "past_count": past, "past_last": last} if past else {}
    said = PARAM_WORDS["rows_past"]["many"].get("en").format(past_count=f"{past:,}", past_last=last) if past else ""
    item = quoted(row["_item"])
    if row["_item"] not in known:
        return Problem(
            UNKNOWN_ITEM,
            f"the row has nothing to score and {item} is not an item of this criteria set: "
            f"nothing of it was read (a second table or notes under the data?){said}",
            hint=_ITEM_HINT,
            params={"criterion": item, **more},
            **place,  # type: ignore[arg-type]
        )
    written = quoted(row["_input"])
    return Problem(
        UNKNOWN_INPUT,
        f"the row gives no value, and criterion {row['_item']} has no input named {written} "
        f"(the answer written in the input column?): that text was not read{said}",
        hint=_INPUT_HINT,
        params={"criterion": row["_item"], "input": written, **more},
        **place,  # type: ignore[arg-type]
    )
