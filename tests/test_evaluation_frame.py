"""The wide evaluation frame (intake.evaluation_input.evaluation_frame), built by gathering each
column's cells by index, against the way it was built before: a pivot per kind of value joined on
the commune code (``_pivoted_frame``, kept for registers with repeated codes, and here as the
specification). Random cells include what intake normally prevents: several cells for one
commune and input, an input given with values of two kinds, unknown communes, items and inputs,
an N/A mark under an input's name, rests below a unit."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.criteria.compiling import COMMUNE, frame_schema
from pari_index.criteria.loading import DEFAULT_CRITERIA, bundled_criteria_dir, load_criteria
from pari_index.criteria.model import resolve_leaves
from pari_index.criteria.points import REST_SCALE
from pari_index.intake.assessments import CRITERION, FIELD
from pari_index.intake.evaluation_input import _pivoted_frame, evaluation_frame

LEAVES = resolve_leaves(load_criteria(bundled_criteria_dir() / DEFAULT_CRITERIA).criteria)
INPUTS = [(leaf.id, name, spec.type.value) for leaf in LEAVES for name, spec in leaf.inputs.items()]
CODES = ["00001", "00004", "00010", "00022"]
#: Kinds whose values one column can take (polars casts numbers, booleans and dates so).
OTHER_KINDS = [
    ["status", "level", "meta:self"],
    ["date", "number", "meta:self"],
    ["number", "count", "percent", "boolean", "meta:n/a", "meta:self"],
]
SCHEMA = {
    COMMUNE: pl.String,
    CRITERION: pl.String,
    FIELD: pl.String,
    "value": pl.String,
    "kind": pl.String,
    "num": pl.Int128,
    "flag": pl.Boolean,
    "day": pl.Date,
    "text": pl.String,
}
COMMUNES = pl.DataFrame({"code": CODES[:3], "unit_type": ["commune", "ward", None]})


@st.composite
def cell(draw: st.DrawFn) -> dict[str, object]:
    """One typed cell: usually of a declared input with its own kind, sometimes not."""
    criterion, field, kind = draw(st.sampled_from(INPUTS))
    # Another kind, but one whose values the input's column can take (text is no number: both
    # ways refuse it alike).
    if draw(st.integers(0, 5)) == 0:
        kind = draw(st.sampled_from(next(kinds for kinds in OTHER_KINDS if kind in kinds)))
    if draw(st.integers(0, 7)) == 0:
        field = draw(st.sampled_from(["n/a", "nope", field]))
        kind = draw(st.sampled_from(["meta:n/a", "boolean", "meta:self"])) if field == "n/a" else kind
    if draw(st.integers(0, 9)) == 0:
        criterion = draw(st.sampled_from(["9.9", criterion]))
    units = draw(st.integers(-(10**6), 10**6))
    rest = draw(st.sampled_from([0, 0, 0, 1, REST_SCALE - 1]))
    return {
        COMMUNE: draw(st.sampled_from([*CODES, None])),
        CRITERION: criterion,
        FIELD: field,
        "value": "x",
        "kind": kind,
        "num": draw(st.sampled_from([None, units * REST_SCALE + rest])),
        "flag": draw(st.sampled_from([None, True, False])),
        "day": draw(st.sampled_from([None, dt.date(2025, 1, 31)])),
        "text": draw(st.sampled_from([None, "đúng hạn", "a"])),
    }


@settings(max_examples=150, deadline=None)
@given(st.lists(cell(), max_size=60))
def test_same_frame_as_the_pivots(cells: list[dict[str, object]]) -> None:
    frame = pl.DataFrame(cells, schema=SCHEMA)
    schema = frame_schema(LEAVES)
    base = COMMUNES.select(pl.col("code").alias(COMMUNE), pl.col("unit_type").alias("unit_type"))
    # The pivots decided an input's column from every cell, a commune outside the register's
    # included, so its count could take a registered commune's boolean away (hypothesis found it:
    # 00022's count, 00001's yes). evaluation_frame leaves such cells out, as the intake does (they
    # are unknown-commune findings): the reference is given the register's cells alone.
    expected = _pivoted_frame(frame.filter(pl.col(COMMUNE).is_in(base[COMMUNE].implode())), schema, base)
    got = evaluation_frame(frame, LEAVES, COMMUNES)
    assert got.schema == expected.schema
    assert got.sort(COMMUNE).equals(expected.sort(COMMUNE))
    assert got[COMMUNE].to_list() == CODES[:3]  # the register's order


def test_a_cell_outside_the_register_changes_no_registered_commune() -> None:
    """One commune's cell never decides another's: a count given by a commune the register does not
    hold leaves a registered commune's yes under the same input as it is (the pivots gave None)."""
    leaf = next(leaf for leaf in LEAVES if leaf.id == "1.1.3")
    row = dict.fromkeys(SCHEMA)
    cells = pl.DataFrame(
        [
            {**row, COMMUNE: "00001", CRITERION: "1.1.3", FIELD: "tasks_done", "kind": "boolean", "flag": True},
            {**row, COMMUNE: "00022", CRITERION: "1.1.3", FIELD: "tasks_done", "kind": "count"},
        ],
        schema=SCHEMA,
    )
    alone = evaluation_frame(cells.head(1), LEAVES, COMMUNES)
    frame = evaluation_frame(cells, LEAVES, COMMUNES)
    assert frame[COMMUNE].to_list() == CODES[:3]
    assert frame[leaf.column("tasks_done")].to_list() == alone[leaf.column("tasks_done")].to_list() == [1, None, None]


def test_first_cell_of_several_and_the_first_kind() -> None:
    """Two cells for one commune and input: the first one's value. An input given as a number and
    as a boolean: the number's column (numbers claim a column before booleans); an N/A mark under
    an input's name is no N/A flag; a rest below one unit goes to the input's rest column."""
    leaf = next(leaf for leaf in LEAVES if any(s.type.value == "count" for s in leaf.inputs.values()))
    name = next(n for n, s in leaf.inputs.items() if s.type.value == "count")
    column = leaf.column(name)
    row = dict.fromkeys(SCHEMA)
    cells = pl.DataFrame(
        [
            {**row, COMMUNE: "00001", CRITERION: leaf.id, FIELD: name, "kind": "count", "num": 7 * REST_SCALE},
            {**row, COMMUNE: "00001", CRITERION: leaf.id, FIELD: name, "kind": "count", "num": 9 * REST_SCALE},
            {
                **row,
                COMMUNE: "00004",
                CRITERION: leaf.id,
                FIELD: name,
                "kind": "boolean",
                "flag": True,
                "num": 4 * REST_SCALE,
            },
            {**row, COMMUNE: "00004", CRITERION: leaf.id, FIELD: name, "kind": "meta:n/a", "flag": True},
            {**row, COMMUNE: "00010", CRITERION: leaf.id, FIELD: name, "kind": "number", "num": 5 * REST_SCALE + 3},
            {**row, COMMUNE: "00010", CRITERION: leaf.id, FIELD: "n/a", "kind": "meta:n/a", "flag": True},
        ],
        schema=SCHEMA,
    )
    frame = evaluation_frame(cells, LEAVES, COMMUNES)
    assert frame[column].to_list() == [7, None, 5]
    assert frame[f"{column}:rest"].to_list() == [None, None, 3]
    assert frame[f"{leaf.id}:n/a"].to_list() == [None, None, True]
