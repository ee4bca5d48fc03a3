"""The fast XLSX writer: what it writes reads back as written, in calamine and in openpyxl.

openpyxl is an independent reader (the tests' extra), so a package that only our own reader
(calamine, through fastexcel) accepts would fail here.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import fastexcel
import openpyxl
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pari_index.outputs.workbook import CUT_MARK, MAX_CELL_CHARS, column_letters, write_workbook


def _openpyxl_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [tuple(row) for row in book[sheet].iter_rows(values_only=True)]


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
def test_column_letters(index: int, letters: str) -> None:
    assert column_letters(index) == letters


def test_every_type_reads_back_in_both_readers(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            "text": ["a&b<c>", "  lead and trail  ", None, "_x0041_", "ctl\x01x", "Việt Nam", "cr\rlf\n"],
            "whole": [1, -2, None, 4, 5, 6, 7],
            "decimal": [43.26, 0.1 + 0.2, None, float("nan"), 1e20, 1e-7, -2.5],
            "flag": [True, False, None, True, True, False, True],
            "day": [dt.date(2025, 6, 4), None, dt.date(1999, 1, 1)] + [dt.date(2025, 1, 1)] * 4,
        }
    )
    path = tmp_path / "book.xlsx"
    write_workbook(path, {"summary": frame, "about & more": pl.DataFrame({"key": ["a"], "value": ["b"]})})

    rows = _openpyxl_rows(path, "summary")
    assert rows[0] == ("text", "whole", "decimal", "flag", "day")
    assert [r[0] for r in rows[1:]] == [
        "a&b<c>",
        "  lead and trail  ",
        None,
        # Excel's own escape syntax in the data is escaped (as xlsxwriter does): Excel and calamine
        # show it as typed; openpyxl unescapes shared strings only, so it shows the escape here.
        "_x005F_x0041_",
        "ctl\ufffdx",  # XML cannot hold U+0001: shown as the replacement character
        "Việt Nam",
        "cr\rlf\n",
    ]
    assert [r[1] for r in rows[1:]] == [1, -2, None, 4, 5, 6, 7]
    # NaN has no XLSX number: the cell is left empty rather than failing the whole workbook.
    assert [r[2] for r in rows[1:]] == [43.26, 0.1 + 0.2, None, None, 1e20, 1e-7, -2.5]
    assert [r[3] for r in rows[1:]] == [True, False, None, True, True, False, True]
    assert rows[1][4] == dt.datetime(2025, 6, 4) and rows[2][4] is None
    assert _openpyxl_rows(path, "about & more") == [("key", "value"), ("a", "b")]

    reader = fastexcel.read_excel(str(path))
    assert reader.sheet_names == ["summary", "about & more"]
    back = reader.load_sheet("summary", dtypes="string").to_polars()
    assert back["text"].to_list()[:4] == ["a&b<c>", "  lead and trail  ", None, "_x0041_"]
    assert back["whole"].to_list() == ["1", "-2", None, "4", "5", "6", "7"]
    assert back["day"].to_list()[0] == "2025-06-04 00:00:00"


def test_header_is_frozen_bold_and_columns_sized(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_workbook(path, {"s": pl.DataFrame({"a_long_header_name": ["x"], "b": ["y" * 200]})})
    book = openpyxl.load_workbook(path)
    sheet = book["s"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b is True
    assert sheet.column_dimensions["A"].width == len("a_long_header_name") + 2
    assert sheet.column_dimensions["B"].width == 60  # capped


def test_text_longer_than_a_cell_is_cut_with_a_visible_mark(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_workbook(path, {"s": pl.DataFrame({"t": ["é" * (MAX_CELL_CHARS + 10), "short"]})})
    (first, second) = [r[0] for r in _openpyxl_rows(path, "s")[1:]]
    assert isinstance(first, str) and len(first) == MAX_CELL_CHARS and first.endswith(CUT_MARK)
    assert second == "short"


def test_rows_span_chunks_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pari_index.outputs import workbook

    monkeypatch.setattr(workbook, "CHUNK_ROWS", 7)
    frame = pl.DataFrame({"n": list(range(30)), "s": [f"r{i}" for i in range(30)]})
    path = tmp_path / "book.xlsx"
    write_workbook(path, {"s": frame})
    assert _openpyxl_rows(path, "s")[1:] == [(i, f"r{i}") for i in range(30)]
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
    assert '<dimension ref="A1:B31"/>' in sheet


def test_many_columns_and_an_empty_sheet(tmp_path: Path) -> None:
    wide = pl.DataFrame({f"c{i}": [i] for i in range(800)})
    path = tmp_path / "book.xlsx"
    write_workbook(path, {"wide": wide, "empty": pl.DataFrame({"note": []}, schema={"note": pl.String})})
    rows = _openpyxl_rows(path, "wide")
    assert rows[1] == tuple(range(800))
    assert _openpyxl_rows(path, "empty") == [("note",)]


@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc"]), max_size=40)),
            st.one_of(st.none(), st.integers(min_value=-(2**52), max_value=2**52)),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_any_text_and_whole_number_round_trips(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str | None, int | None]]
) -> None:
    path = tmp_path_factory.mktemp("wb") / "book.xlsx"
    frame = pl.DataFrame(rows, schema={"t": pl.String, "n": pl.Int64}, orient="row")
    write_workbook(path, {"s": frame})
    back = fastexcel.read_excel(str(path)).load_sheet("s", dtypes="string").to_polars()
    # A spreadsheet cannot tell an empty text from an empty cell, and has no trailing empty rows.
    expected = [(t or None, None if n is None else str(n)) for t, n in rows]
    while expected and expected[-1] == (None, None):
        expected.pop()
    assert list(zip(back["t"].to_list(), back["n"].to_list(), strict=True)) == expected
