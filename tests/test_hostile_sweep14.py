"""What the cases of tests/hostile_sweep14.py answer, and the classes behind them: a number is
read only when its separators stand where a number's do (one decimal comma or dot; thousands
separators, commas, dots or spaces of any width, between groups of three digits), so a cell such
as ``18 87`` is refused at its row and column instead of read as 1887; a date followed by a
midnight time and its time zone (``+07:00``, ``Z``) is the date written, so a Parquet column of
dates with a zone, or an ISO export, is read instead of refused on every row; a workbook whose
sheet writes a cell twice is refused as damaged, naming the cell, since calamine would keep the
last value and drop the first without a word; the log records of the libraries a command calls
never reach the console (calamine's English "'chartsheet' not a valid worksheet" did); a CSV
file whose lines from some point on are written with another separator than its header is
refused whole, at the first such line (they were rows of one cell with nothing to score, exit 0).

The cases run as real child processes with a time-out."""

from __future__ import annotations

import csv
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest
from hostile_sweep14 import CASES, COUNT_AT, EXPECTED, NOT_WRITTEN, with_values
from sweeps import case_tests
from sweeps import sweep_child as _child

from pari_index.intake.values import parse_date, parse_exact

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)


def _as_csv_results(args: list[str]) -> list[str]:
    """A case's argv with its results written as a folder of CSV tables named ``res``."""
    at = args.index("-o")
    return [*args[:at], "-o", str(Path(args[at + 1]).with_name("res")), *args[at + 2 :], "--format", "csv"]


def _item(folder: Path, code: str, item: str) -> dict[str, str]:
    with (folder / "res" / "criteria.csv").open(encoding="utf-8-sig") as table:
        return next(row for row in csv.DictReader(table) if row["commune_code"] == code and row["criterion_id"] == item)


# ---------------------------------------------------------------------------------------------
# Digit groups out of place


@pytest.mark.parametrize(
    ("case", "written"),
    [
        ("numbers-groups-space", "18 87"),
        ("numbers-groups-commas", "1,8,8,7"),
        ("numbers-groups-dots", "18.87.0"),
    ],
)
def test_a_count_with_separators_out_of_place_is_refused_at_its_cell(tmp_path: Path, case: str, written: str) -> None:
    """They were read as 1887 or 18870 without a word: the item scored as if the count were
    right (0.75, status ok)."""
    en = _child([*_as_csv_results(CASES[case](tmp_path)), "--lang", "en"], tmp_path)
    assert en.returncode == 1, en.stderr
    said = f"error: {tmp_path}/assessments_long.csv row 11 column «value»: {written} is not a whole number [bad-value]"
    assert said in en.stderr, en.stderr
    row = _item(tmp_path, "00001", "1.3.2")
    assert (row["final_score"], row["status"], row["inputs"]) == ("0.0", "self_score_differs", "found=1887")
    vi = _child(CASES[case](tmp_path), tmp_path)
    assert f"hàng 11 cột «value»: {written} không phải là một số nguyên [bad-value]" in vi.stderr, vi.stderr


def test_a_percentage_with_a_space_for_its_comma_is_not_read_as_778(tmp_path: Path) -> None:
    """``77 8`` (a non-breaking space) was read as 778 and refused as "778 % is above 100 %"."""
    en = _child([*CASES["numbers-groups-nbsp-percent"](tmp_path), "--lang", "en"], tmp_path)
    assert "row 32 column «value»: 77\u00a08 is not a percentage from 0 to 100 [bad-value]" in en.stderr, en.stderr
    assert "percent-above-100" not in en.stderr


def test_the_forms_a_vietnamese_sheet_exports_are_read_as_they_mean(tmp_path: Path) -> None:
    done = _child(_as_csv_results(CASES["well-vietnamese-number-forms"](tmp_path)), tmp_path)
    assert done.returncode == 0, done.stderr
    row = _item(tmp_path, "00001", "1.3.2")
    assert (row["final_score"], row["inputs"]) == ("0.75", "fixed=1.887,0; found=1\u00a0887")
    assert _item(tmp_path, "00001", "3.4.2")["final_score"] == "1.17"


def test_one_separator_alone_is_still_a_decimal_point(tmp_path: Path) -> None:
    """``1.887`` in a count is 1.887, not whole (docs/data-formats.md): the groups' rule changes
    only texts of more than one separator, or of spaces."""
    done = _child([*with_values(tmp_path, {COUNT_AT: "1.887"}), "--lang", "en"], tmp_path)
    assert "row 11 column «value»: 1.887 is not a whole number [not-whole]" in done.stderr, done.stderr


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 234 567", "1234567"),
        ("1\u00a0234\u202f567,25", "1234567.25"),
        ("1\u2009234.5", "1234.5"),
        ("1.234.567", "1234567"),
        ("1.234.567,5", "1234567.5"),
        ("1,234,567.5", "1234567.5"),
        ("1,5", "1.5"),
        ("1.234", "1.234"),
        (" 85 %", "85"),
        ("85,5%", "85.5"),
        ("+7", "7"),
        ("-0", "0"),
        (".5", "0.5"),
        ("1.5e3", "1500"),
        ("12 34", None),
        ("1 2345", None),
        ("1,23,456", None),
        ("1.23.456", None),
        ("12.34.567,5", None),
        ("1,234.567.8", None),
        ("1 234.567,8", None),
        ("1.234,567,8", None),
        ("7%7", None),
        ("% 85", None),
        ("1,8,8,7", None),
        ("- 5", None),
    ],
)
def test_a_number_s_separators_must_stand_where_a_number_s_do(text: str, value: str | None) -> None:
    read = pl.select(parse_exact(pl.lit(text))).item()
    assert read == (None if value is None else int(Decimal(value) * 10**14))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-06-04T00:00:00+07:00", "2025-06-04"),
        ("2025-06-04 00:00:00.000000+07:00", "2025-06-04"),
        ("2025-06-04T00:00:00Z", "2025-06-04"),
        ("04/06/2025 00:00-0300", "2025-06-04"),
        ("2025-06-04T00:00:00+0700", "2025-06-04"),
        ("2025-06-03 17:00:00+00:00", None),
        ("2025-06-04+07:00", None),
        ("2025-06-04T00:00:00+7", None),
    ],
)
def test_a_midnight_with_its_time_zone_is_the_date_written(text: str, day: str | None) -> None:
    read = pl.select(parse_date(pl.lit(text))).item()
    assert (read.isoformat() if read else None) == day


def test_a_parquet_column_of_zoned_dates_scores_as_the_csv_does(tmp_path: Path) -> None:
    """Every evidence date of the file was refused ("2025-06-04 00:00:00.000000+07:00 is not a
    date such as 10/01/2024"), so every item of evidence dates was marked without evidence."""
    done = _child(_as_csv_results(CASES["dates-parquet-time-zone"](tmp_path)), tmp_path)
    assert done.returncode == 0, done.stderr
    row = _item(tmp_path, "00001", "1.1.1")
    assert (row["final_score"], row["status"], row["evidence_date"]) == ("1.0", "ok", "2025-06-04")


def test_a_time_that_is_not_midnight_is_still_refused_at_its_row(tmp_path: Path) -> None:
    done = _child([*CASES["dates-parquet-utc-afternoon"](tmp_path), "--lang", "en"], tmp_path)
    said = "assessments.parquet row 2 column «evidence_date»: 2025-06-03 17:00:00.000000+00:00 is not a date"
    assert said in done.stderr, done.stderr


# ---------------------------------------------------------------------------------------------
# A cell written twice


def test_a_cell_written_twice_is_named_in_both_languages(tmp_path: Path) -> None:
    """calamine kept the second value: item 3.4.2 was scored on 10 (0.15 points), exit 0."""
    args = CASES["xlsx-cell-written-twice"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 1, en.stderr
    assert en.stderr.startswith(
        f"error: {tmp_path}/twice.xlsx [data] row 32: the cell D32 is written twice (the second value would "
        "replace the first without a word; Excel never writes so) [xlsx-damaged]\n"
        "    hint: this file was not written by Excel; open it in Excel and save it again, or export CSV (UTF-8)\n"
    ), en.stderr
    vi = _child(args, tmp_path)
    assert "twice.xlsx [data] hàng 32: ô D32 được ghi hai lần (giá trị sau sẽ thay giá trị trước mà không báo; " in (
        vi.stderr
    ), vi.stderr


def _scan(xml: str) -> object:
    from pari_index.intake.xlsx.sheet_scan import _scan_sheet_xml

    return _scan_sheet_xml(
        f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{xml}'
        "</sheetData></worksheet>".encode()
    )


def _refused(xml: str) -> tuple[str, dict[str, object]]:
    from pari_index.intake.xlsx.limits import _Refused

    with pytest.raises(_Refused) as caught:
        _scan(xml)
    return caught.value.problem.code, dict(caught.value.problem.params or {})


def _row(row: int, *cells: str) -> str:
    return f'<row r="{row}">' + "".join(f'<c r="{ref}"><v>1</v></c>' for ref in cells) + "</row>"


@pytest.mark.parametrize("part_bytes", [4 * 1024**2, 40], ids=["one-part", "a-part-a-cell"])
@pytest.mark.parametrize(
    ("xml", "damage", "ref"),
    [
        (_row(1, "A1", "B1", "A1"), "cell_twice", "A1"),
        (_row(1, "A1") + _row(2, "A2", "B2") + _row(2, "B2"), "cell_twice", "B2"),
        (_row(1, "A1") + _row(2, "A2", "b02"), "", ""),
        (_row(1, "A1") + _row(2, "A2", "a02"), "cell_twice", "A2"),
        (_row(1, "A1", "B1") + _row(2, "A2") + _row(3, "A3") + _row(2, "B2"), "rows_back", None),
        ("<row r='1'><c><v>1</v></c><c><v>2</v></c></row><row r='1'><c><v>3</v></c></row>", "cell_twice", "A1"),
    ],
)
def test_the_scan_finds_a_cell_written_twice_wherever_the_xml_is_cut(
    monkeypatch: pytest.MonkeyPatch, part_bytes: int, xml: str, damage: str, ref: str | None
) -> None:
    """Cut into parts of a cell each, the repeat lies in another part than its first writing:
    the cells of the row a part ends in are carried over, and rows may not go back (a row
    written again after a later one is refused, repeat or not: the earlier parts' cells are not
    kept)."""
    from pari_index.intake.xlsx import sheet_scan

    monkeypatch.setattr(sheet_scan, "_CHUNK", part_bytes)
    if not damage or (damage == "rows_back" and part_bytes > 1000):
        assert _scan(xml) is not None  # within a part, cells out of order but distinct are read
        return
    code, params = _refused(xml)
    assert (code, params["damage"], params.get("ref")) == ("xlsx-damaged", damage, ref)


def test_cells_in_order_across_parts_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A row cut between two parts, and cells out of order within a row, are no repeat."""
    from pari_index.intake.xlsx import sheet_scan

    monkeypatch.setattr(sheet_scan, "_CHUNK", 40)
    info = _scan(_row(1, "A1", "B1") + _row(2, "C2", "A2", "B2") + _row(10, "A10", "AA10"))
    assert (info.cells, info.last_row, info.last_col) == (7, 10, 27)  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# A library's log lines


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_chart_sheet_leaves_nothing_on_the_console(tmp_path: Path, lang: str) -> None:
    """calamine's log line "'chartsheet' not a valid worksheet" was the first line of the run."""
    done = _child([*CASES["logs-chart-sheet-beside-data"](tmp_path), "--lang", lang], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_the_hidden_sheet_beside_a_chart_is_the_only_line(tmp_path: Path) -> None:
    done = _child(CASES["logs-chart-sheet-and-hidden-data"](tmp_path), tmp_path)
    assert done.stderr.startswith(f"lỗi: {tmp_path}/chart.xlsx [data]: trang tính bị ẩn"), done.stderr
    assert "chartsheet" not in done.stderr


def test_pari_debug_keeps_the_library_s_log_lines(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "PARI_DEBUG": "1"}
    args = CASES["logs-chart-sheet-beside-data"](tmp_path)
    from children import ROOT

    done = subprocess.run(
        [sys.executable, "-m", "pari_index.cli", *args],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "'chartsheet' not a valid worksheet" in done.stderr


# ---------------------------------------------------------------------------------------------
# Lines written with another separator


def test_lines_of_another_separator_are_named_at_the_first(tmp_path: Path) -> None:
    """They were 1,430 rows "with nothing to score" and 12 communes more that "sent nothing",
    exit 0."""
    args = CASES["separators-semicolon-lines"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 1, en.stderr
    assert en.stderr.startswith(
        f"error: {tmp_path}/assessments_long.csv row 2001: from this line on, 1,430 line(s) are written with the "
        "separator «;», not «,» as the header is; each would be read as one cell, with nothing to score "
        "[csv-mixed-separators]\n"
        "    hint: write those lines with the header's separator, or open the file in Excel and save it again as "
        "CSV UTF-8\n"
    ), en.stderr
    vi = _child(args, tmp_path)
    assert "assessments_long.csv hàng 2001: từ dòng này, 1.430 dòng được ghi với dấu phân cách «;», không phải «,»" in (
        vi.stderr
    ), vi.stderr


def test_a_register_with_lines_of_another_separator_is_refused_there(tmp_path: Path) -> None:
    done = _child([*CASES["separators-register-semicolon-lines"](tmp_path), "--lang", "en"], tmp_path)
    assert f"error: {tmp_path}/communes.csv row 42: from this line on, 20 line(s)" in done.stderr, done.stderr
    assert "unknown-commune" not in done.stderr


@pytest.mark.parametrize(
    ("data", "delimiter", "found"),
    [
        (b"a,b,c,d\n1,2,3,4\n5;6;7;8\n9;9;9;9\n", ",", (3, ";", 2)),
        (b"a,b,c,d\n1,2,3,4\n5;6;7\n", ",", None),  # fewer than the header's separators
        (b'a,b,c,d\n1,2,"x\n5;6;7;8\ny",4\n', ",", None),  # inside a quoted cell
        (b'a,b,c,d\n1,2,"x\n5;6;7;8\ny",4\n9;9;9;9\n', ",", (5, ";", 1)),
        (b"a;b;c\n1;2,5;3\n4,5,6\n", ";", (3, ",", 1)),  # decimal commas in a semicolon file are no line
        (b"a;b;c\n1;2;3\r\n4\t5\t6\r\n", ";", (3, "\t", 1)),
        (b"a,b\n1,2\n3;4\n", ",", None),  # two columns: a semicolon in a cell is ordinary
        (b"a,b,c\n1,2,3\n;;\n", ",", (3, ";", 1)),  # an empty row written with semicolons
    ],
)
def test_a_line_of_another_separator(data: bytes, delimiter: str, found: tuple[int, str, int] | None) -> None:
    from pari_index.intake.separators import other_separator

    assert other_separator(data, delimiter, data.split(b"\n", 1)[0].count(delimiter.encode()) + 1) == found


def test_the_separators_are_the_ones_csv_files_are_sniffed_for() -> None:
    from pari_index.intake import csv_input, separators

    assert set(separators.SEPARATORS) == set(csv_input._DELIMITERS)
