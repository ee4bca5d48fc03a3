"""What the cases of tests/hostile_limits28.py answer: a file of millions of tiny rows, each told,
read without a copy of every row for each check of its sheets or each heading no row reaches."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from hostile_limits28 import CASES, EIGHT_HEADINGS, EXPECTED, NOT_WRITTEN, tiny_rows
from sweeps import case_tests

from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.intake.absent_columns import AbsentColumns, _items_and_named
from pari_index.intake.assessments import read_assessments
from pari_index.intake.grid import BLANK_ROWS_CHECKED, frame_from_grid
from pari_index.intake.rejects import ORDER
from pari_index.intake.schema import CRITERION
from pari_index.intake.sheet import FILE, ROW, SHEET, Sheet

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

ROOT = Path(__file__).resolve().parent.parent


def _rows(file: str, sheet: str | None, items: list[str | None], inputs: list[str | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            ROW: list(range(2, 2 + len(items))),
            CRITERION: items,
            "input": inputs,
            FILE: [file] * len(items),
            SHEET: [sheet] * len(items),
        },
        schema={ROW: pl.Int64, CRITERION: pl.String, "input": pl.String, FILE: pl.String, SHEET: pl.String},
    )


def test_the_items_and_fields_of_sheets_read_together_are_each_sheet_s() -> None:
    """Three sheets in chunks (one in two runs), one with no item at all: each gets its own items
    and named fields, as grouping on the names gave them; a sheet without any still has its row."""
    frame = pl.concat(
        [
            _rows("a.csv", None, ["1.1.1", None, "1.1.1"], [None, "evidence_number", "tasks"]),
            _rows("b.xlsx", "xã 1", [None, None], [None, None]),
            _rows("a.csv", None, ["2.1"], ["self_score"]),
        ]
    )
    assert frame.n_chunks() == 3
    found = _items_and_named(frame)
    by_sheet: dict[tuple[str, str | None], tuple[set[str], set[str]]] = {}
    for row in found.iter_rows(named=True):
        items, named = by_sheet.setdefault((row[FILE], row[SHEET]), (set(), set()))
        items.update(row[CRITERION])
        named.update(row["_named"])
    assert by_sheet == {
        ("a.csv", None): ({"1.1.1", "2.1"}, {"evidence_number", "self_score"}),
        ("b.xlsx", "xã 1"): (set(), set()),
    }
    assert found.height == 3  # (a sheet's two runs are two rows, taken together by note_long)


def test_a_sheet_in_two_runs_is_noted_once_with_the_items_of_both() -> None:
    """note_long of sheets read together: the sheet met twice keeps the items of both runs."""
    frame = pl.concat(
        [
            _rows("a.csv", None, ["1.1.1"], [None]),
            _rows("b.csv", None, ["3.1"], [None]),
            _rows("a.csv", None, ["2.1"], ["evidence_file"]),
        ]
    )
    absent = AbsentColumns()
    absent.note_long(Sheet("a.csv", None, frame), frame, frozenset())
    assert absent.sheets[("a.csv", None)].items == {"1.1.1", "2.1"}
    assert absent.sheets[("a.csv", None)].named == {"evidence_file"}
    assert absent.sheets[("b.csv", None)].items == {"3.1"}


def test_a_heading_no_line_reaches_is_an_empty_column_and_the_others_are_read_as_ever() -> None:
    """Past BLANK_ROWS_CHECKED lines of a code alone (padded with spaces) under four headings: the
    three columns no line reaches are empty, the codes stripped; a blank cell of a column that
    has some is empty too."""
    lines = BLANK_ROWS_CHECKED + 5
    codes = [" 00001 "] * lines
    values: list[str | None] = [None] * lines
    values[3] = "   "
    values[4] = " có "
    grid = pl.DataFrame(
        {
            "column_1": ["commune_code", *codes],
            "column_2": ["criterion_id", *[None] * lines],
            "column_3": ["input", *[None] * lines],
            "column_4": ["value", *values],
        },
        schema=dict.fromkeys(["column_1", "column_2", "column_3", "column_4"], pl.String),
    )
    sheet, problems = frame_from_grid(grid, "a.csv", None, is_nfc=True)
    assert problems == [] and sheet is not None
    frame = sheet.frame
    assert frame.height == lines and frame.get_column("commune_code").unique().to_list() == ["00001"]
    assert frame.get_column("criterion_id").null_count() == frame.get_column("input").null_count() == lines
    assert frame.get_column("value").drop_nulls().to_list() == ["có"]
    assert frame.schema["criterion_id"] == pl.String and frame.get_column(ROW).head(2).to_list() == [2, 3]


def test_every_tiny_row_is_told_nothing_to_score(tmp_path: Path) -> None:
    """20,000 lines of a code alone under eight headings, read with the example's own rows: every
    line is in the rows table as empty, and the example's cells are read as without them."""
    path = tiny_rows(tmp_path, EIGHT_HEADINGS, rows=20_000)
    leaves = compile_criteria(load_criteria(ROOT / "criteria" / "ha-noi-2025-commune.yaml").criteria).leaves
    example = ROOT / "examples" / "assessments_long.csv"
    both = read_assessments([path, example], leaves)
    rows = both.ledger.filter(pl.col("file") == str(path))
    assert rows.height == 20_000 and rows.get_column("status").unique().to_list() == ["empty"]
    alone = read_assessments([example], leaves)
    assert both.cells.drop(ORDER, strict=False).equals(alone.cells.drop(ORDER, strict=False))
    assert both.findings.equals(alone.findings)
