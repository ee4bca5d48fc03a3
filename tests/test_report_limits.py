"""A small results file cannot keep ``pari report`` busy for minutes.

The page holds each unit's profile, rendered at about 0.4 ms a unit. A results workbook of 1.2 MB
whose summary named 90,000 units (a code on each row and nothing else) took 53 s and 660 MB to
become a report, exit 0. Now a summary unit without its total points is damaged results
(outputs.results._check_totals), and a report shows at most PARI_MAX_REPORT_UNITS units
(limits.MAX_REPORT_UNITS, 15,000: a national report of 10,600 communes passes).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.errors import UsageError
from pari_index.outputs.report import render_report
from pari_index.outputs.results import read_results
from pari_index.system.limits import MAX_REPORT_UNITS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCORE = [
    "score",
    str(EXAMPLES / "assessments_long.csv"),
    "--communes",
    str(EXAMPLES / "communes.csv"),
    "--survey",
    str(EXAMPLES / "survey.csv"),
]


def _results_folder(folder: Path) -> Path:
    done = CliRunner().invoke(main, [*SCORE, "-o", str(folder / "kq"), "--format", "csv"])
    assert done.exit_code == 0, done.output
    return folder / "kq"


@pytest.mark.parametrize(("lang", "said"), [("vi", "mà không có tổng điểm"), ("en", "without its total points")])
def test_summary_rows_of_a_code_alone_are_damaged_results(tmp_path: Path, lang: str, said: str) -> None:
    results = _results_folder(tmp_path)
    summary = pl.read_csv(results / "summary.csv", infer_schema=False)
    # Units added by hand with a code and nothing else, as a crafted file names 90,000 of them.
    added = pl.DataFrame({"commune_code": ["99990", "99991"]}).with_columns(
        [pl.lit(None, pl.String).alias(c) for c in summary.columns if c != "commune_code"]
    )
    pl.concat([summary, added.select(summary.columns)]).write_csv(results / "summary.csv")
    done = CliRunner().invoke(main, ["report", str(results), "-o", str(tmp_path / "bc.html"), "--lang", lang])
    assert done.exit_code == 1, done.output
    assert f"hàng {summary.height + 2}" in done.output or f"row {summary.height + 2}" in done.output
    assert "99990" in done.output and said in done.output and "[results-damaged]" in done.output
    assert not (tmp_path / "bc.html").exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [("vi", "kết quả có 60 đơn vị, nhiều hơn 50 đơn vị"), ("en", "the results name 60 units, more than the 50")],
)
def test_a_report_of_more_units_than_the_limit_is_refused_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    results = _results_folder(tmp_path)
    monkeypatch.setenv("PARI_MAX_REPORT_UNITS", "50")
    done = CliRunner().invoke(main, ["report", str(results), "-o", str(tmp_path / "bc.html"), "--lang", lang])
    assert done.exit_code == 2, done.output
    assert f"{results}: {said}" in done.output and "[report-too-large]" in done.output
    assert "PARI_MAX_REPORT_UNITS" in done.output
    assert not (tmp_path / "bc.html").exists()
    # The library's renderer refuses too; at the limit the report is written.
    with pytest.raises(UsageError):
        render_report(read_results(results))
    monkeypatch.setenv("PARI_MAX_REPORT_UNITS", "60")
    done = CliRunner().invoke(main, ["report", str(results), "-o", str(tmp_path / "bc.html")])
    assert done.exit_code == 0, done.output


def test_a_score_run_over_the_limit_writes_neither_results_nor_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARI_MAX_REPORT_UNITS", "59")
    out, page = tmp_path / "kq.xlsx", tmp_path / "bc.html"
    done = CliRunner().invoke(main, [*SCORE, "-o", str(out), "--report", str(page), "--lang", "en"])
    assert done.exit_code == 2, done.output
    assert f"{page}: the results name 60 units" in done.output
    assert not out.exists() and not page.exists()


def test_a_national_report_is_within_the_limit() -> None:
    assert MAX_REPORT_UNITS >= 10_600 * 1.4  # the three-level system's communes, with room
