"""What the cases of tests/hostile_limits36.py answer; that an appraisal file's rows are bounded
(PARI_MAX_APPRAISAL_ROWS) as a register's are; and that a workbook's rows, told from the measure
of its XML before calamine reads it, refuse only a sheet holding more rows with a value than the
limit (never one of formatted empty cells, never by its ``<dimension>``)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hostile_limits36 import CASES, EXPECTED, NOT_WRITTEN
from hostile_xlsx import inline, sheet_xml, write_package
from hypothesis import given
from hypothesis import strategies as st
from sweeps import case_tests, language_tests

from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.errors import IntakeError, Problem
from pari_index.intake.appraisal import read_appraisal
from pari_index.intake.csv_input import HEADING_LINES
from pari_index.intake.register import read_register
from pari_index.intake.sheet import RowLimit
from pari_index.intake.tables import MAX_APPRAISAL_ROWS, table_rows_limit
from pari_index.intake.xlsx.limits import XlsxLimits
from pari_index.intake.xlsx.package import _prescan
from pari_index.intake.xlsx.reading import rows_past_limit
from pari_index.intake.xlsx.sheet_cells import _SheetCells
from pari_index.messages.rendering import render

LEAVES = compile_criteria(
    load_criteria(Path(__file__).parent.parent / "criteria" / "ha-noi-2025-commune.yaml").criteria, None
).leaves
HEADING = "commune_code,criterion_id,score,reason\n"
PER_CORRECTION = {"rows_table": "appraisal", "rows_per": "correction", "limit_name": "PARI_MAX_APPRAISAL_ROWS"}

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


def _refused(path: Path) -> list[tuple[str, str | None, str | None, int | None, dict[str, object] | None]]:
    with pytest.raises(IntakeError) as caught:
        read_appraisal(path, LEAVES, pl.Series(["00001"]))
    return [(p.code, p.file, p.sheet, p.row, p.params) for p in caught.value.problems]


def test_an_appraisal_past_its_row_limit_is_refused_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PARI_MAX_APPRAISAL_ROWS=50: an appraisal of 50 rows is read (each a correction with its
    reason); past the limit by more than a heading's lines, refused before the parse (no row
    named); within that margin, refused once read at row 52, the first past the limit. The
    default is 500,000."""
    assert MAX_APPRAISAL_ROWS == 500_000
    monkeypatch.setenv("PARI_MAX_APPRAISAL_ROWS", "50")
    within = tmp_path / "vua.csv"
    within.write_text(HEADING + "00001,1.1.1,0,sai\n" * 50, encoding="utf-8")
    assert read_appraisal(within, LEAVES, pl.Series(["00001"])).ledger.height == 50
    far = tmp_path / "xa.csv"
    far.write_text(HEADING + "0\n" * (50 + HEADING_LINES + 1), encoding="utf-8")
    assert _refused(far) == [
        ("too-many-rows", str(far), None, None, {"rows": 50 + HEADING_LINES + 1, "limit": 50, **PER_CORRECTION})
    ]
    near = tmp_path / "gan.csv"
    near.write_text(HEADING + "0\n" * (50 + HEADING_LINES), encoding="utf-8")
    assert _refused(near) == [
        ("too-many-rows", str(near), None, 52, {"rows": 50 + HEADING_LINES, "limit": 50, **PER_CORRECTION})
    ]


def test_the_row_limits_say_what_a_row_is_and_which_variable_raises_them() -> None:
    """The register's words as they were before session 36; the appraisal's its own."""
    register = table_rows_limit("register").refuse(100_001, "xa.csv", None, None)
    assert render(register.code, register.params, "en") == (
        "100,001 rows, more than the 100,000 read from the register (a row per unit: a country had some 10,600 "
        "communes before 2025); the table was not read"
    )
    assert register.message == render(register.code, register.params, "en")
    appraisal = table_rows_limit("appraisal").refuse(500_001, "td.csv", None, None)
    assert appraisal.message == render(appraisal.code, appraisal.params, "en")
    assert "set PARI_MAX_APPRAISAL_ROWS higher" in (appraisal.hint or "")
    assert render(appraisal.code, appraisal.params, "vi") == (
        "500.001 dòng, nhiều hơn 500.000 dòng được đọc từ tệp thẩm định (mỗi điều chỉnh một tiêu chí của một đơn vị "
        "một dòng: hội đồng thẩm định của một tỉnh ghi vài chục nghìn dòng); bảng không được đọc"
    )


def _sheet(rows: list[list[str | None]], *, dimension: str = "") -> str:
    """Sheet XML of ``rows`` from row 1: a text is an inline string, ``""`` an empty formatted
    cell (``<c r="B5" s="1"/>``), None no cell."""
    xml = []
    for r, cells in enumerate(rows, start=1):
        tags = "".join(
            (f'<c r="{"ABCDEF"[c]}{r}" s="1"/>' if v == "" else inline(f"{'ABCDEF'[c]}{r}", v))
            for c, v in enumerate(cells)
            if v is not None
        )
        xml.append(f'<row r="{r}">{tags}</row>')
    return sheet_xml("".join(xml), dimension=dimension)


def _register_xlsx(path: Path, rows: list[list[str | None]], **kwargs: str) -> Path:
    return write_package(path, _sheet(rows, **kwargs), sheet_name="Danh sách")


def test_a_workbook_register_past_the_limit_is_refused_before_calamine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PARI_MAX_REGISTER_ROWS=50. Refused from the measure, naming the file and the sheet and the
    rows (no row: none is read): 63 units (past the limit and a heading's 12 lines); 63 units
    under a dimension saying A1:C2. Read, then refused at row 52 as before: 62 units. Read whole:
    50 units, then 5,000 rows of formatted empty cells (their used range 5,051 rows)."""
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "50")
    heading: list[str | None] = ["code", "name", "type"]

    def units(count: int) -> list[list[str | None]]:
        return [heading, *([f"{i:05d}", f"Xã {i}", "xã"] for i in range(count))]

    expected = {"rows": 63, "limit": 50, "rows_table": "register", "rows_per": "unit"}
    for dimension in ("", "A1:C2"):
        far = _register_xlsx(tmp_path / f"xa{dimension[:1]}.xlsx", units(63), dimension=dimension)
        with pytest.raises(IntakeError) as caught:
            read_register(far)
        assert [(p.code, p.file, p.sheet, p.row) for p in caught.value.problems] == [
            ("too-many-rows", str(far), "Danh sách", None)
        ]
        assert caught.value.problems[0].params == {**expected, "limit_name": "PARI_MAX_REGISTER_ROWS"}
    near = _register_xlsx(tmp_path / "gan.xlsx", units(62))
    with pytest.raises(IntakeError) as caught:
        read_register(near)
    assert [(p.code, p.row) for p in caught.value.problems] == [("too-many-rows", 52)]
    blank: list[list[str | None]] = [["", "", ""]] * 5_000
    within = _register_xlsx(tmp_path / "vua.xlsx", units(50) + blank)
    register = read_register(within)
    assert register.frame.height == 50
    assert [p.code for p in register.problems if p.severity == "error"] == []


def _info(filled: int, width: int, content_rows: int) -> _SheetCells:
    return _SheetCells(filled=filled, min_row=1, last_row=10_000, min_col=1, last_col=width, content_rows=content_rows)


@pytest.mark.parametrize(
    ("filled", "width", "content_rows", "told"),
    [
        (130, 2, 0, 64),  # 65 rows at the least (130 cells over 2 columns), 64 below the heading
        (129, 2, 0, 64),  # (65 rounded up)
        (128, 2, 0, 63),
        (126, 2, 0, None),  # 63 rows, 62 below the heading: within 50 + 12
        (126, 2, 63, None),
        (126, 2, 66, 65),  # rows ending in a value: 66
        (1_000, 100, 0, None),  # 10 rows of 100 cells
    ],
)
def test_the_least_rows_of_a_sheet_by_hand(filled: int, width: int, content_rows: int, told: int | None) -> None:
    """PARI_MAX_REGISTER_ROWS-like limit of 50: refused when the rows at the least (the larger
    of the cells with content over the width, rounded up, and the rows ending in a value),
    less the heading, pass 50 + HEADING_LINES (12)."""
    limit = RowLimit(50, lambda rows, file, sheet, row: Problem("m", "m", file=file, sheet=sheet, params={"n": rows}))
    assert HEADING_LINES == 12
    found = rows_past_limit({"Trang 1": _info(filled, width, content_rows)}, limit, "a.xlsx")
    assert (None if found is None else (found.params or {})["n"]) == told
    assert found is None or (found.file, found.sheet, found.row) == ("a.xlsx", "Trang 1", None)
    assert rows_past_limit({"Hướng dẫn": _info(10**6, 1, 10**6)}, limit, "a.xlsx") is None  # (not read)
    assert rows_past_limit({"Trang 1": _info(10**6, 1, 10**6)}, None, "a.xlsx") is None


_CELL = st.sampled_from([None, "", "0", "Xã A"])


@given(st.lists(st.lists(_CELL, min_size=1, max_size=4), min_size=1, max_size=40))
def test_the_least_rows_never_pass_the_rows_holding_a_value(rows: list[list[str | None]]) -> None:
    """Whatever the rows of values, formatted empty cells and absent cells, the rows a sheet is
    told to hold at the least are no more than its rows holding a value: a sheet within a limit
    is never refused by the measure."""
    with tempfile.TemporaryDirectory() as folder:
        path = _register_xlsx(Path(folder) / "a.xlsx", rows)
        cells = _prescan(io.BytesIO(path.read_bytes()), "a.xlsx", XlsxLimits())
    info = cells["Danh sách"]
    with_value = sum(1 for row in rows if any(v for v in row))
    width = info.last_col - info.min_col + 1 if info.last_row else 0
    if width:
        assert max(-(-info.filled // width), info.content_rows) <= with_value
        assert info.content_rows <= with_value
