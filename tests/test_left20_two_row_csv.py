"""A CSV saved from a form whose headings sit over two rows (sweep 19 read the workbook so): a
group heading over the columns it covers (``Minh chứng,,`` as Excel writes a merged cell), their
own names in the row below, the other headings over an empty cell.

Before, the CSV's first row alone was the headings: ``Minh chứng`` an unknown column, the
evidence columns without a name (``cell-without-header`` a row), and every evidence number,
date and file missing (2,115 ``evidence-missing``), exit 1. Now it reads as the one-row CSV
does, whole or a range at a time, for the assessments and the register; a row of data under a
heading over empty cells is never taken for headings.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from test_csv_ranges import ranged

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.intake.assessments import read_assessments
from pari_index.intake.register import read_register

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BUNDLED = Path(__file__).resolve().parent.parent / "criteria" / "ha-noi-2025-commune.yaml"
VIETNAMESE = [
    "Mã xã",
    "Mã tiêu chí",
    "Đầu vào",
    "Giá trị",
    "Điểm tự đánh giá",
    "Số văn bản",
    "Ngày văn bản",
    "Tệp minh chứng",
    "Giải trình",
    "Không áp dụng",
]


def _lines(name: str) -> list[list[str]]:
    return [line.split(",") for line in (EXAMPLES / name).read_text("utf-8-sig").splitlines()]


def _two_rows(rows: list[list[str]], first: int, last: int, group: str, names: list[str] | None = None) -> str:
    heading = names or rows[0]
    top = [group if c == first else "" if first < c <= last else text for c, text in enumerate(heading)]
    below = [text if first <= c <= last else "" for c, text in enumerate(heading)]
    return "\n".join(",".join(row) for row in [top, below, *rows[1:]]) + "\n"


def _leaves():  # type: ignore[no-untyped-def]
    return compile_criteria(load_criteria(BUNDLED).criteria, None).leaves


def _known() -> pl.Series:
    return pl.read_csv(EXAMPLES / "communes.csv", infer_schema=False)["code"]


def _intake(path: Path):  # type: ignore[no-untyped-def]
    return read_assessments([path], _leaves(), _known())


@pytest.mark.parametrize("vietnamese", [False, True])
def test_a_csv_with_two_heading_rows_reads_as_the_one_row_csv(tmp_path: Path, vietnamese: bool) -> None:
    path = tmp_path / "form.csv"
    rows = _lines("assessments_long.csv")
    path.write_text(_two_rows(rows, 5, 7, "Minh chứng", VIETNAMESE if vietnamese else None), encoding="utf-8")
    two, one = _intake(path), _intake(EXAMPLES / "assessments_long.csv")
    assert two.findings["kind"].value_counts(sort=True).rows() == one.findings["kind"].value_counts(sort=True).rows()
    assert "evidence-missing" not in set(two.findings["kind"]) - set(one.findings["kind"])
    # The same cells, each one row down (below the second heading row), nothing dropped.
    place = ["_file", "_row", "_column"]  # (the column as headed: Vietnamese in one case)
    assert two.cells.drop(place).equals(one.cells.drop(place))
    assert two.cells["_row"].to_list() == [row + 1 for row in one.cells["_row"].to_list()]
    assert two.meta.height == one.meta.height


def test_the_rows_keep_their_numbers(tmp_path: Path) -> None:
    rows = _lines("assessments_long.csv")
    rows[2][3] = "nhiều"  # the second row of data: line 4 of the file
    path = tmp_path / "form.csv"
    path.write_text(_two_rows(rows, 5, 7, "Minh chứng"), encoding="utf-8")
    found = _intake(path).findings.filter(pl.col("kind") == "bad-value")
    assert found.select("row", "column").rows() == [(4, "value")]


def test_the_cli_scores_it_as_the_example(tmp_path: Path) -> None:
    path = tmp_path / "form.csv"
    path.write_text(_two_rows(_lines("assessments_long.csv"), 5, 7, "Minh chứng"), encoding="utf-8")
    outputs = []
    for given in (path, EXAMPLES / "assessments_long.csv"):
        args = ["score", str(given), "--communes", str(EXAMPLES / "communes.csv"), "--no-survey", "--lang", "en"]
        result = CliRunner().invoke(main, [*args, "-o", str(tmp_path / f"{given.stem}.xlsx")])
        assert result.exit_code == 0, result.output
        outputs.append([line for line in result.output.splitlines() if line.startswith(("Findings:", "Input rows:"))])
    assert outputs[0][1] == outputs[1][1]  # the same findings
    assert outputs[0][0] == "Input rows: 3,489 read, 3,489 used, 0 rejected (see the Findings sheet)."


def test_read_a_range_at_a_time_as_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _two_rows(_lines("assessments_long.csv"), 5, 7, "Minh chứng").encode()
    frame, read = ranged(raw, 5000, monkeypatch)
    assert frame is not None and read.problems == []
    assert {"evidence_number", "evidence_date", "evidence_file"} <= set(frame.columns)
    assert frame.height == 3429


def test_a_register_csv_with_two_heading_rows(tmp_path: Path) -> None:
    path = tmp_path / "communes.csv"
    path.write_text(_two_rows(_lines("communes.csv"), 3, 4, "Địa bàn"), encoding="utf-8")
    register = read_register(path)
    assert register.problems == [] and register.warnings == []
    assert register.frame["district"][0] == "Quận Quý Hậu" and register.frame["province"][0] == "Thành phố Hà Nội"
    assert register.frame.height == 60


def test_a_row_of_data_under_a_heading_over_empty_cells_stays_data(tmp_path: Path) -> None:
    path = tmp_path / "communes.csv"
    # An unnamed column, and a first row that fills only it and the named one before it.
    path.write_text("code,,name\n00001,7,\n00004,8,Xã B\n", encoding="utf-8")
    register = read_register(path)
    assert register.frame["code"].to_list() == ["00001", "00004"]


def _as_workbook(text: str, path: Path) -> Path:
    """The CSV ``text`` saved as a workbook, as Excel saves a CSV opened in it: the same cells, no
    merges (the group heading in its first cell, the others empty)."""
    import csv
    import io

    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Sheet1")
    for r, line in enumerate(csv.reader(io.StringIO(text))):
        for c, value in enumerate(line):
            if value:
                sheet.write_string(r, c, value)
    book.close()
    return path


@pytest.mark.parametrize("vietnamese", [False, True])
def test_a_workbook_without_merges_with_two_heading_rows_reads_as_the_csv(tmp_path: Path, vietnamese: bool) -> None:
    # Before session 21, only a workbook's merges said its headings were over two rows: one
    # without (a CSV saved again as .xlsx) had its evidence columns unnamed, exit 1.
    rows = _lines("assessments_long.csv")
    text = _two_rows(rows, 5, 7, "Minh chứng", VIETNAMESE if vietnamese else None)
    book = _as_workbook(text, tmp_path / "form.xlsx")
    two, one = _intake(book), _intake(EXAMPLES / "assessments_long.csv")
    assert "cell-without-header" not in set(two.findings["kind"])
    assert two.findings["kind"].value_counts(sort=True).rows() == one.findings["kind"].value_counts(sort=True).rows()
    place = ["_file", "_sheet", "_row", "_column"]
    assert two.cells.drop(place, strict=False).equals(one.cells.drop(place, strict=False))
    assert two.meta.height == one.meta.height


def test_a_workbook_of_the_one_row_csv_reads_as_the_csv(tmp_path: Path) -> None:
    # Its first data row (codes, dates, numbers under the headings) is never taken for headings.
    text = (EXAMPLES / "assessments_long.csv").read_text("utf-8-sig")
    book, one = _intake(_as_workbook(text, tmp_path / "one.xlsx")), _intake(EXAMPLES / "assessments_long.csv")
    place = ["_file", "_sheet", "_row", "_column"]
    assert book.cells.drop(place, strict=False).equals(one.cells.drop(place, strict=False))
