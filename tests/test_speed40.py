"""Direct tests of the intake steps session 40 made cheaper (benchmarks/README.md, "Issue 15 in
the fortieth session"): each gives what the form it replaced gave."""

from __future__ import annotations

import polars as pl
import pytest

from pari_index.criteria.loading import load_criteria
from pari_index.criteria.model import resolve_leaves
from pari_index.intake.copied_rows import RowsSeen
from pari_index.intake.model import LeafTable
from pari_index.intake.repeated_rows import KeyRepeats
from pari_index.intake.schema import CRITERION, FILE, ROW, SHEET, VALUE
from pari_index.intake.sheet import TEXT_MARKS, code_text, codes_read
from pari_index.intake.unplaced_rows import _unplaced

#: Codes code_text changes and codes it leaves as they are, each alone in its column.
CODES = [
    "00001",
    " 00001",
    "=00001",
    ' ="00001"',
    '="00001"',
    '\t="7"',
    "''00001",
    "' 00001",
    "0'0001",
    "x=1",
    "",
    *(f"{mark}00002" for mark in TEXT_MARKS),
]


@pytest.mark.parametrize("code", CODES)
def test_codes_read_rewrites_what_code_text_rewrites(code: str) -> None:
    """A column is read by code_text only when a code of it begins with a mark or «=»: each code
    alone (so that no other code makes the column rewritten) reads as code_text reads it."""
    frame = pl.DataFrame({"commune_code": [code, None], "district_code": ["'01", "01"], "name": ["'a", "'a"]})
    read = codes_read(frame)
    assert read.get_column("commune_code").to_list() == [
        frame.select(code_text(pl.col("commune_code"))).item(0, 0),
        None,
    ]
    assert read.get_column("district_code").to_list() == ["01", "01"]
    assert read.get_column("name").to_list() == ["'a", "'a"]  # no code column: as written


def _long(codes: list[str], items: list[str], values: list[str | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {"commune_code": codes, CRITERION: items, "input": ["tasks"] * len(codes), VALUE: values},
        schema={"commune_code": pl.String, CRITERION: pl.String, "input": pl.String, VALUE: pl.String},
    )


def test_key_repeats_across_slices_count_as_one_sheet() -> None:
    """Keys noted slice by slice are counted again as when the slices are one sheet: a key given
    again in a later slice, twice in one slice, or only in a slice of its own."""
    first = _long(["1", "2", "3"], ["1.1.2"] * 3, ["5", "6", "7"])
    second = _long(["2", "4", "4", "1"], ["1.1.2"] * 4, ["6", "8", None, "5"])
    third = _long(["5", "3"], ["1.1.2", "1.1.2"], ["9", "7"])
    sliced = KeyRepeats()
    for frame in (first, second, third):
        assert sliced.note(frame, file="a.csv") is None
    whole = KeyRepeats()
    assert whole.note(pl.concat([first, second, third]), file="a.csv") is None
    # 2, 1 (second slice), the blank 4 (no cell), and 3 (third slice): three cells given again.
    assert sliced.cells == whole.cells == 3
    assert sliced._distinct.to_list() == whole._distinct.to_list()
    assert sliced._distinct.len() == 5


def test_rows_seen_tells_sets_of_columns_apart() -> None:
    """Equal values under other columns hash apart (a cell never matches a meta row); the same
    columns in another frame hash alike."""
    seen = RowsSeen(2)
    seen.note(
        pl.DataFrame({"a": ["x"], "b": ["y"], FILE: ["f1"]}),
        pl.DataFrame({"a": ["x"], "c": ["y"], FILE: ["f1"]}),
        pl.DataFrame({"b": ["y"], "a": ["x"], FILE: ["f2"]}),
    )
    first, other, again = (part.item(0, "_h") for part in seen.parts)
    assert first != other
    assert first == again
    assert [part.item(0, "_n") for part in seen.parts] == [0, 0, 1]


def test_unplaced_rows_are_the_rows_without_a_value() -> None:
    """Only rows with no value are told: an unknown item with no self-score, a known item with an
    input of no set's; a row with a value, a heading row (1.1) and a meta input are not."""
    table = LeafTable.build(resolve_leaves(load_criteria().criteria))
    frame = pl.DataFrame(
        {
            ROW: [2, 3, 4, 5, 6, 7],
            "commune_code": ["00001"] * 6,
            CRITERION: ["9.9.9", "1.1.2", "1.1", "1.1.2", " 1.1.2 ", "9.9.8"],
            "input": [None, "nhiệm vụ lạ", None, "self_score", "bogus", None],
            VALUE: [None, None, None, None, "5", "3"],
            FILE: ["a.csv"] * 6,
            SHEET: pl.Series([None] * 6, dtype=pl.String),
        }
    )
    rows, known = _unplaced(frame, table)
    assert rows.select(ROW, "_item", "_input").rows() == [(2, "9.9.9", None), (3, "1.1.2", "nhiệm vụ lạ")]
    assert "1.1.2" in known
