"""Direct tests of the read-and-split steps session 36 made cheaper (benchmarks/README.md, "Issue
15 after the thirty-sixth session"): each gives what the form it replaced gave."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.loading import load_criteria
from pari_index.criteria.model import resolve_leaves
from pari_index.intake.copied_rows import RowsSeen
from pari_index.intake.csv_input import read_csv_bytes
from pari_index.intake.forms import long_cells
from pari_index.intake.meta import _meta_as_cells, split_meta_rows
from pari_index.intake.model import LeafTable
from pari_index.intake.schema import CRITERION, FIELD, FILE, META_ROW_SCHEMA, ROW, SHEET, VALUE
from pari_index.intake.values import CODE_AS_DATE, CODE_FORBIDDEN, scientific_lost


@pytest.fixture(scope="module")
def table() -> LeafTable:
    return LeafTable.build(resolve_leaves(load_criteria().criteria))


def _long_rows(rows: list[tuple[str, str | None, str | None]], file: str = "a.csv") -> pl.DataFrame:
    """A long sheet's rows (item, input, value), as sheet_groups gives them."""
    return pl.DataFrame(
        {
            ROW: list(range(2, len(rows) + 2)),
            "commune_code": ["00001"] * len(rows),
            CRITERION: [item for item, _, _ in rows],
            "input": [name for _, name, _ in rows],
            VALUE: [value for _, _, value in rows],
            FILE: [file] * len(rows),
            SHEET: pl.Series([None] * len(rows), dtype=pl.String),
        },
        schema={
            ROW: pl.Int64,
            **dict.fromkeys(["commune_code", CRITERION, "input", VALUE, FILE, SHEET], pl.String),
        },
    )


def test_a_cell_takes_its_input_else_its_items_only_input(table: LeafTable) -> None:
    # 1.1.1 has one input (signed_on); 1.1.2 several (none by default); 9.9.9 is no item of the set.
    rows = [
        ("1.1.1", None, "01/02/2025"),
        ("1.1.1", "signed_on", "02/02/2025"),
        ("1.1.2", None, "có"),
        ("1.1.2", "tasks", "có"),
        ("9.9.9", None, "3"),
        ("1.2", None, None),  # no value: no cell
        ("1.2", None, "4"),
    ]
    cells, meta = long_cells(_long_rows(rows), table)
    assert cells.select(CRITERION, FIELD, VALUE, ROW).rows() == [
        ("1.1.1", "signed_on", "01/02/2025", 2),
        ("1.1.1", "signed_on", "02/02/2025", 3),
        ("1.1.2", None, "có", 4),
        ("1.1.2", "tasks", "có", 5),
        ("9.9.9", None, "3", 6),
        ("1.2", "reports", "4", 8),
    ]
    assert meta.height == 0


def test_an_input_naming_a_meta_field_is_a_meta_row(table: LeafTable) -> None:
    cells, meta = long_cells(_long_rows([("1.2", "self_score", "5"), ("1.2", None, "4")]), table)
    assert cells.select(CRITERION, FIELD, VALUE).rows() == [("1.2", "reports", "4")]
    assert meta.select(CRITERION, "_source", "self_score").rows() == [("1.2", "value", "5")]


_ITEMS = st.sampled_from(["1.1.1", "1.1.2", "1.2", "1.3.1", "1.3.2", "9.9.9", ""])
_INPUTS = st.sampled_from([None, "signed_on", "tasks", "reports", "self_score", "other"])
_VALUES = st.sampled_from([None, "1", "có", "x"])


@settings(deadline=None)
@given(st.lists(st.tuples(_ITEMS, _INPUTS, _VALUES), max_size=30))
def test_long_cells_give_what_the_join_on_the_items_gave(rows: list[tuple[str, str | None, str | None]]) -> None:
    """The default input looked up gives, row for row, what the left join on the items' table
    gave (the form before session 36)."""
    table = LeafTable.build(resolve_leaves(load_criteria().criteria))
    frame = _long_rows(rows)
    cells, _meta = long_cells(frame, table)
    joined = (
        frame.filter(pl.col(VALUE).is_not_null())
        .join(table.default_input, on=CRITERION, how="left")
        .with_columns(pl.coalesce(pl.col("input"), pl.col("default_field")).alias(FIELD))
        .filter(
            ~pl.col(FIELD)
            .is_in(["self_score", "evidence_number", "evidence_date", "evidence_file", "explanation"])
            .fill_null(False)
        )
    )
    assert cells.select(ROW, CRITERION, FIELD, VALUE).rows() == joined.select(ROW, CRITERION, FIELD, VALUE).rows()


def _hashes(frames: list[pl.DataFrame]) -> pl.DataFrame:
    seen = RowsSeen(3)
    for frame in frames:
        seen.note(frame)
    return pl.concat(seen.parts)


def test_rows_seen_numbers_files_alike_from_one_or_several_files() -> None:
    """A group of one file (its number repeated) and of several (looked up row by row) give each
    row the same file number and hash; files are numbered in the order first seen."""
    one = pl.DataFrame({"a": ["x", "y"], FILE: ["f1", "f1"]})
    two = pl.DataFrame({"a": ["x", "z", "y"], FILE: ["f2", "f1", "f2"]})
    alone = _hashes([one, two])
    assert alone.get_column("_n").to_list() == [0, 0, 1, 0, 1]
    assert alone.schema == {"_n": pl.UInt32, "_h": pl.UInt64}
    # The same rows noted as one group of several files: the same numbers and hashes.
    together = _hashes([pl.concat([one, two])])
    assert together.equals(alone)
    # Equal rows hash alike whichever file holds them.
    assert alone.get_column("_h").to_list()[0] == alone.get_column("_h").to_list()[2]


def test_rows_seen_of_a_categorical_file_column() -> None:
    one = pl.DataFrame({"a": ["x", "y"], FILE: pl.Series(["f1", "f1"], dtype=pl.Categorical)})
    assert _hashes([one]).get_column("_n").to_list() == [0, 0]


@pytest.mark.parametrize(
    ("ending", "rows"),
    [(b"\n", [2, 3]), (b"\r\n", [2, 3]), (b"\r", [2, 3]), (b"\n\r\n", [3, 5])],
    ids=["lf", "crlf", "lone-cr", "lf-then-crlf"],
)
def test_line_endings_read_alike(ending: bytes, rows: list[int]) -> None:
    """A file with no carriage return is no longer searched for CRLF: every kind of line ending
    still reads as the same rows (a lone CR is a line break; a blank line is dropped and counted,
    as a text editor numbers the lines)."""
    lines = [b"commune_code,criterion_id,value", b"00001,1.2,4", b"00002,1.2,5"]
    result = read_csv_bytes(ending.join(lines) + ending, "a.csv")
    assert not [p for p in result.problems if p.severity == "error"]
    (sheet,) = result.sheets
    assert sheet.frame.select("commune_code", VALUE, ROW).rows() == [("00001", "4", rows[0]), ("00002", "5", rows[1])]


def _split_as_before(
    rows: pl.DataFrame, table: LeafTable, known: pl.Series | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """split_meta_rows' mask as main at 071b56d made it: every pattern on every row."""
    misplaced = (
        pl.col(FILE).cast(pl.String).is_in(sorted(table.survey_files))
        | pl.col(COMMUNE).is_null()
        | pl.col(CRITERION).is_null()
        | pl.col(COMMUNE).str.contains(CODE_FORBIDDEN)
        | pl.col(COMMUNE).str.contains(CODE_AS_DATE)
        | ~pl.col(CRITERION).is_in(table.default_input[CRITERION].implode())
        | (pl.col(COMMUNE).str.contains("[eE]") & scientific_lost(pl.col(COMMUNE)))
    )
    if known is not None:
        misplaced = misplaced | ~pl.col(COMMUNE).is_in(known.implode())
    misplaced = misplaced.fill_null(True)
    return rows.filter(~misplaced), _meta_as_cells(rows.filter(misplaced), {})


_CODES = st.sampled_from(
    ["00001", "00002", None, "", "0000\u200b1", "00\x071", "2025-01-01", " 1/1/1900 ", "1.06E+04", "1.0600E+04", "e"]
)


@settings(deadline=None)
@given(
    st.lists(st.tuples(_CODES, st.sampled_from(["1.2", "1.1.1", "9.9", None]), st.sampled_from(["a.csv", "s.csv"]))),
    st.booleans(),
)
def test_meta_rows_split_as_before(rows: list[tuple[str | None, str | None, str]], registered: bool) -> None:
    """Codes with control or invisible characters, codes read as dates, codes in scientific
    notation with digits lost, no code, unknown items, survey files and codes outside the register
    go to the cells exactly as when every pattern ran on every row."""
    table = LeafTable.build(resolve_leaves(load_criteria().criteria), ["s.csv"])
    frame = pl.DataFrame(
        [
            (code, item, file, None, i + 2, None, "1", None, None, None, None)
            for i, (code, item, file) in enumerate(rows)
        ],
        schema=META_ROW_SCHEMA,
        orient="row",
    )
    known = pl.Series(["00001", "1.06E+04", "2025-01-01"]) if registered else None
    kept, moved = split_meta_rows(frame, table, known, {})
    kept_before, moved_before = _split_as_before(frame, table, known)
    assert kept.equals(kept_before)
    assert moved.equals(moved_before)
