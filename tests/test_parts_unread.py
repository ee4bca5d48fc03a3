"""A part of an input file that was not read (a sheet, a column, a table) makes the run incomplete,
as a rejected row does: ``Completeness.parts_unread``, the banner, ``about``'s ``parts_unread``.

Before (session 19): a workbook whose second sheet was hidden gave a ``hidden-sheet`` error, and the
run ranked the first sheet's communes, and the others as "sent nothing", under a console, results
and report that called it complete (no CHƯA ĐẦY ĐỦ line: no row had been rejected, since the
hidden sheet's rows were never rows of the ledger)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import xlsxwriter
from click.testing import CliRunner

import pari_index as pari
from pari_index.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
INPUTS = ["--communes", str(EXAMPLES / "communes.csv"), "--appraisal", str(EXAMPLES / "appraisal.csv")]
INPUTS += ["--survey", str(EXAMPLES / "survey.csv")]


def _two_sheets(path: Path, *, hide_second: bool) -> Path:
    """The example's rows in two sheets: communes up to 00029, then the rest."""
    rows = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False)
    book = xlsxwriter.Workbook(path)
    for name, part in (
        ("Xã 1-29", rows.filter(pl.col("commune_code") < "00030")),
        ("Xã 30-60", rows.filter(pl.col("commune_code") >= "00030")),
    ):
        sheet = book.add_worksheet(name)
        sheet.write_row(0, 0, part.columns)
        for at, row in enumerate(part.iter_rows(), start=1):
            sheet.write_row(at, 0, ["" if value is None else value for value in row])
        if hide_second and name == "Xã 30-60":
            sheet.hide()
    book.close()
    return path


def _score(path: Path) -> pari.ScoreResult:
    return pari.score(
        [path],
        communes=EXAMPLES / "communes.csv",
        appraisal=EXAMPLES / "appraisal.csv",
        survey=[EXAMPLES / "survey.csv"],
    )


def test_a_hidden_sheet_makes_the_run_incomplete(tmp_path: Path) -> None:
    result = _score(_two_sheets(tmp_path / "two.xlsx", hide_second=True))
    done = result.completeness
    assert (done.parts_unread, done.complete) == (1, False)
    assert done.facts()["parts_unread"] == "1" and done.facts()["complete"] == "no"


def test_the_same_sheets_shown_are_complete_but_for_what_the_example_lacks(tmp_path: Path) -> None:
    shown = _score(_two_sheets(tmp_path / "two.xlsx", hide_second=False)).completeness
    hidden = _score(_two_sheets(tmp_path / "hidden.xlsx", hide_second=True)).completeness
    assert shown.parts_unread == 0 and "parts_unread" not in shown.facts()
    # The hidden sheet's communes are "sent nothing" on top of the example's own.
    assert hidden.not_submitted > shown.not_submitted


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "CHƯA ĐẦY ĐỦ: 1 phần của tệp đầu vào (trang tính, cột hoặc bảng) không được đọc; xem trang Phát hiện."),
        (
            "en",
            "INCOMPLETE: 1 part of the input files (sheets, columns or tables) could not be read; "
            "see the Findings sheet.",
        ),
    ],
)
def test_the_console_results_and_report_say_so(tmp_path: Path, lang: str, said: str) -> None:
    book = _two_sheets(tmp_path / "two.xlsx", hide_second=True)
    out, page = tmp_path / "out.xlsx", tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["score", str(book), *INPUTS, "-o", str(out), "--report", str(page), "--lang", lang]
    )
    assert result.exit_code == 1 and "[hidden-sheet]" in result.output, result.output
    assert said in result.output
    about = dict(pari.read_results(out)["about"].select("key", "value").iter_rows())
    assert about["parts_unread"] == "1" and about["complete"] == "no"
    assert said.split(";")[0] in page.read_text(encoding="utf-8")


def test_a_column_not_read_counts_and_row_errors_do_not(tmp_path: Path) -> None:
    """An unknown column of a wide sheet is a part not read; rows rejected are counted as rows."""
    rows = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False)
    wrong = rows.with_columns(
        pl.when(pl.col("commune_code") == "00001")
        .then(pl.lit("9999"))
        .otherwise(pl.col("commune_code"))
        .alias("commune_code")
    )
    wrong.with_columns(pl.lit("x").alias("ghi chú thêm")).write_csv(tmp_path / "long.csv")
    done = _score(tmp_path / "long.csv").completeness
    assert done.rows_rejected > 0
    assert done.parts_unread == 1  # the column "ghi chú thêm", once, whatever its rows
