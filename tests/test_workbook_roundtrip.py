"""Results workbooks read back cell by cell against the tables they were written from.

Every cell is read with openpyxl (an independent reader) and compared with what the writer
promises for the frame's value: numbers stay numbers (whole numbers as int, decimals as float),
dates come back as dates, empty text and nulls as empty cells, text as typed except the three
documented protections (formula-like text behind an apostrophe, text longer than an Excel cell
cut with a visible mark, characters XML cannot hold as U+FFFD).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pari_index.outputs.files import neutralise_formulas, write_xlsx
from pari_index.outputs.results import TABLES, read_results
from pari_index.outputs.results_labels import inputs_by_label, label_frame, sheet_name
from pari_index.outputs.workbook import CUT_MARK, MAX_CELL_CHARS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PARI = [sys.executable, "-m", "pari_index.cli"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def expected_text(text: str) -> str | None:
    """What openpyxl reads from a text cell the writer wrote for ``text`` (after the formula
    protection, which write_xlsx applies before the writer sees the frame)."""
    if text == "":
        return None  # a spreadsheet cannot tell an empty text from an empty cell
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(CUT_MARK)] + CUT_MARK
    text = _NOT_XML.sub("\ufffd", text)
    # Excel's escape for text that looks like its own escape; openpyxl shows it as stored.
    return _EXCEL_ESCAPE.sub(r"_x005F_\1", text)


def expected_cell(value: Any, dtype: pl.DataType) -> Any:
    if value is None:
        return None
    if dtype == pl.String:
        return expected_text(value)
    if dtype.is_float():
        return float(value) if math.isfinite(value) else None  # XLSX has no NaN or infinity
    if dtype == pl.Date:
        return dt.datetime.combine(value, dt.time())
    if dtype == pl.Datetime:
        return value.replace(microsecond=value.microsecond // 1000 * 1000)  # written to the millisecond
    return value


def same(got: Any, want: Any) -> bool:
    """Equal, and of the same type: a number must not come back as text or a whole number as float."""
    if isinstance(want, dt.datetime) and isinstance(got, dt.datetime):
        # A date and time is a float of days; openpyxl converts it back to the microsecond.
        return abs(got - want) < dt.timedelta(microseconds=50)
    return type(got) is type(want) and got == want


def read_sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {name: [tuple(row) for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames}
    finally:
        book.close()


def assert_sheet_is_frame(rows: list[tuple[Any, ...]], frame: pl.DataFrame) -> None:
    """The sheet holds the (formula-protected) frame: its header, then each row, cell by cell."""
    safe = neutralise_formulas(frame)
    assert rows[0] == tuple(safe.columns)
    assert len(rows) == safe.height + 1
    for number, (got_row, want_row) in enumerate(zip(rows[1:], safe.iter_rows(), strict=True), start=2):
        # openpyxl pads a row to the sheet's width with None.
        got_row = got_row[: safe.width] + (None,) * (safe.width - len(got_row))
        for column, (got, want, dtype) in enumerate(zip(got_row, want_row, safe.dtypes, strict=True)):
            expected = expected_cell(want, dtype)
            assert same(got, expected), f"row {number}, column {safe.columns[column]}: {got!r} != {expected!r}"


def test_a_sheet_of_every_kind_reads_back_as_written(tmp_path: Path) -> None:
    long_text = "Ủy ban nhân dân xã " * 2000  # 38,000 characters: more than a cell holds
    frame = pl.DataFrame(
        {
            "commune_code": ["00001", "00002", "00003", "00004", "00005", "00006"],
            "name": ["Phường Hoàn Kiếm", "Xã Đông Anh", "Thị trấn Ứng Hòa", "", None, long_text],
            "note": ["=SUM(A1:A2)", "+84 912", "-1", "@cmd", "\tinside", '=HYPERLINK("http://x")'],
            "points": [1, 0, -3, None, 2**40, 7],
            "index": [87.6543, 0.0, None, float("nan"), 100.0, 12.5],
            "submitted": [True, False, None, True, False, True],
            "decided": [dt.date(2025, 6, 4), None, dt.date(1999, 12, 31), dt.date(2024, 2, 29)] * 1
            + [dt.date(1900, 3, 1), dt.date(2100, 1, 1)],
            "at": [dt.datetime(2025, 6, 4, 13, 45, 10, 250_000)] * 5 + [None],
            "=danger": ["a", "b", "c", "d", "e", "f"],
        }
    )
    path = tmp_path / "results.xlsx"
    write_xlsx(path, {"summary": frame, "=sheet": pl.DataFrame({"key": ["year"], "value": ["2025"]})})

    sheets = read_sheets(path)
    assert list(sheets) == ["summary", "_=sheet"]
    assert_sheet_is_frame(sheets["summary"], frame)
    rows = sheets["summary"]
    # Spelled out, the protections the comparison relies on:
    assert rows[0][-1] == "'=danger"
    assert [row[2] for row in rows[1:]] == [
        "'=SUM(A1:A2)",
        "'+84 912",
        "'-1",
        "'@cmd",
        "'\tinside",
        '\'=HYPERLINK("http://x")',
    ]
    assert rows[4][1] is None and rows[5][1] is None
    assert len(rows[6][1]) == MAX_CELL_CHARS and rows[6][1].endswith(CUT_MARK)
    assert rows[1][3] == 1 and type(rows[1][3]) is int and rows[5][3] == 2**40
    assert rows[1][4] == 87.6543 and rows[4][4] is None  # NaN: an empty cell
    assert rows[1][6] == dt.datetime(2025, 6, 4)
    assert sheets["_=sheet"] == [("key", "value"), ("year", "2025")]


def test_formats_freeze_panes_widths_and_filters(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            "code": ["00001", "00002"],
            "index": [1.5, 2.25],
            "day": [dt.date(2025, 1, 2), None],
            "at": [dt.datetime(2025, 1, 2, 3, 4, 5), None],
            "rank": [1, 2],
        }
    )
    path = tmp_path / "results.xlsx"
    write_xlsx(path, {"summary": frame, "empty": frame.clear(), "about": pl.DataFrame({"key": ["a"]})})
    book = openpyxl.load_workbook(path)
    sheet = book["summary"]
    assert sheet.freeze_panes == "A2"
    assert [cell.font.b for cell in sheet[1]] == [True] * 5
    assert sheet["B2"].number_format == "0.0000"
    assert sheet["C2"].is_date and sheet["D2"].number_format == "yyyy-mm-dd hh:mm:ss"
    assert sheet["E2"].number_format == "General" and sheet["A2"].data_type == "s"
    assert sheet.auto_filter.ref == "A1:E3"
    assert book["empty"].auto_filter.ref == "A1:E1"
    assert book["about"].auto_filter.ref == "A1:A2"
    assert sheet.column_dimensions["A"].width == 7  # the widest of "code" and "00001", plus 2
    # The hidden names Excel keeps the filters under, one per sheet (openpyxl drops them on reading).
    with zipfile.ZipFile(path) as package:
        workbook_xml = package.read("xl/workbook.xml").decode()
    names = re.findall(
        r'<definedName name="_xlnm._FilterDatabase" localSheetId="(\d)" hidden="1">([^<]*)<', workbook_xml
    )
    assert names == [("0", "'summary'!$A$1:$E$3"), ("1", "'empty'!$A$1:$E$1"), ("2", "'about'!$A$1:$A$2")]


_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30)
_KINDS: dict[str, tuple[pl.DataType, st.SearchStrategy[Any]]] = {
    "text": (pl.String(), st.one_of(_TEXT, st.sampled_from(["=1+1", "+x", "-", "@", "_x0041_", "Đồng Tháp", ""]))),
    "whole": (pl.Int64(), st.integers(min_value=-(2**52), max_value=2**52)),
    "decimal": (pl.Float64(), st.floats(width=64) | st.sampled_from([0.1 + 0.2, 1e-300, -0.0])),
    "flag": (pl.Boolean(), st.booleans()),
    "day": (pl.Date(), st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31))),
    "moment": (
        pl.Datetime("us"),
        st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2200, 1, 1)),
    ),
}


@st.composite
def frames(draw: st.DrawFn) -> pl.DataFrame:
    kinds = draw(st.lists(st.sampled_from(sorted(_KINDS)), min_size=1, max_size=6))
    height = draw(st.integers(min_value=0, max_value=12))
    columns: dict[str, pl.Series] = {}
    for number, kind in enumerate(kinds):
        dtype, values = _KINDS[kind]
        column = draw(st.lists(st.none() | values, min_size=height, max_size=height))
        name = draw(st.sampled_from([f"{kind}_{number}", f"=c{number}", f"Cột {number}"]))
        columns[name] = pl.Series(name, column, dtype=dtype)
    return pl.DataFrame(list(columns.values()))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(frames())
def test_any_small_frame_reads_back_cell_by_cell(tmp_path: Path, frame: pl.DataFrame) -> None:
    path = tmp_path / "book.xlsx"
    write_xlsx(path, {"data": frame})
    rows = read_sheets(path)["data"]
    assert_sheet_is_frame(rows, frame)


@pytest.fixture(scope="module")
def example_results(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled example scored twice by the `pari` command: to a workbook and to Parquet."""
    out = tmp_path_factory.mktemp("results")
    inputs = [
        str(EXAMPLES / "assessments_long.csv"),
        "--communes",
        str(EXAMPLES / "communes.csv"),
        "--appraisal",
        str(EXAMPLES / "appraisal.csv"),
        "--survey",
        str(EXAMPLES / "survey.csv"),
        "-q",
    ]
    for target, fmt in ((out / "results.xlsx", "xlsx"), (out / "parquet", "parquet")):
        done = subprocess.run([*PARI, "score", *inputs, "-o", str(target), "--format", fmt], capture_output=True)
        assert done.returncode == 0, done.stderr.decode()
    return out / "results.xlsx", out / "parquet"


def test_the_example_workbook_holds_every_table_cell_by_cell(example_results: tuple[Path, Path]) -> None:
    from pari_index.criteria.loading import default_criteria_path, load_criteria
    from pari_index.criteria.model import resolve_leaves
    from pari_index.scoring.explanations import level_words

    workbook, folder = example_results
    sheets = read_sheets(workbook)
    # In the run's language (Vietnamese by default): the ids' tables with their words.
    assert list(sheets)[: len(TABLES)] == ["Tổng hợp", "Tiêu chí", "Phát hiện", "Dòng đầu vào", "Thông tin"]
    leaves = resolve_leaves(load_criteria(default_criteria_path()).criteria)
    levels = level_words(leaves, "vi")
    for name in TABLES:
        table = pl.read_parquet(folder / f"{name}.parquet")
        if name == "about":  # a Parquet folder's own rows: the SHA-256 of its other files; a workbook's:
            table = table.filter(~pl.col("key").str.starts_with("file_sha256_"))  # its values' digests
            digests = read_results(workbook)["about"].filter(pl.col("key").str.starts_with("values_sha256_"))
            assert digests.height == 3
            table = pl.concat([table, digests.select(table.columns)], how="vertical_relaxed")
        if name == "criteria":  # the inputs by their labels, and by the set's names in a column of their own
            table = inputs_by_label(table, leaves, "vi")
        words = label_frame(name, table, "vi", levels)
        assert_sheet_is_frame(sheets[sheet_name(name, "vi")], words)
    # The summary (what --previous reads) comes back through the library as the same table.
    assert read_results(workbook)["summary"].equals(read_results(folder)["summary"])


def test_vietnamese_names_survive_the_example_workbook(example_results: tuple[Path, Path]) -> None:
    workbook, _ = example_results
    header, *rows = read_sheets(workbook)["Tổng hợp"]
    names = {row[header.index("Tên đơn vị")] for row in rows}
    register = pl.read_csv(EXAMPLES / "communes.csv", infer_schema=False)
    assert names == set(register["name"].to_list())
    assert any("ư" in name or "ệ" in name for name in names)


def test_the_xlsx_benchmark_runs_and_reports_both_formats(tmp_path: Path) -> None:
    """benchmarks/xlsx_output.py at a tiny size (a smoke test: its figures are never asserted)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "xlsx_output.py"), "--sizes", "20", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    runs = json.loads(done.stdout.splitlines()[-2])
    assert [(run["size"], run["fmt"]) for run in runs] == [(20, "parquet"), (20, "xlsx")]
    assert all(run["seconds"] > 0 and run["cpu"] > 0 and run["peak_mb"] > 50 for run in runs)
    assert "xlsx/parquet" in done.stdout and "wall" in done.stdout
