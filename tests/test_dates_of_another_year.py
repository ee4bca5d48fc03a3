"""A unit whose dates are nearly all of another year than the one assessed is told
(``dates-of-another-year``, scoring/date_years.py).

Before (session 19): commune 00001's form with every date moved back a year (last year's form sent
again) scored exactly as its real one, with no finding: a date a year early meets every deadline."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import polars as pl
import pytest

import pari_index as pari
from pari_index.scoring.date_years import dates_of_another_year

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _moved(path: Path, codes: dict[str, str]) -> Path:
    """The example's assessments with the dates of each unit in ``codes`` moved to that year."""
    with open(EXAMPLES / "assessments_long.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows[1:]:
        if row[0] in codes:
            row[:] = [re.sub(r"(\d\d/\d\d/)2025", rf"\g<1>{codes[row[0]]}", cell) for cell in row]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _score(path: Path, lang: str = "en", batch_size: int | None = None) -> pari.ScoreResult:
    return pari.score(
        [path],
        communes=EXAMPLES / "communes.csv",
        appraisal=EXAMPLES / "appraisal.csv",
        survey=[EXAMPLES / "survey.csv"],
        lang=lang,
        batch_size=batch_size,
    )


@pytest.fixture(scope="module")
def example() -> pari.ScoreResult:
    return _score(EXAMPLES / "assessments_long.csv")


def test_the_example_has_no_unit_of_another_year(example: pari.ScoreResult) -> None:
    assert example.findings.filter(pl.col("kind") == "dates-of-another-year").height == 0


def test_last_year_s_form_sent_again_is_told_and_scored_as_written(tmp_path: Path, example: pari.ScoreResult) -> None:
    result = _score(_moved(tmp_path / "a.csv", {"00001": "2024", "00004": "2026"}))
    found = result.findings.filter(pl.col("kind") == "dates-of-another-year").sort("commune_code")
    assert found["commune_code"].to_list() == ["00001", "00004"]
    assert found["severity"].unique().to_list() == ["warning"]
    first = found.row(0, named=True)
    assert re.fullmatch(
        r"(\d+) of the unit's \1 dates are of 2024, not of the year assessed \(2025\): .*", first["message"]
    )
    assert "of 2026" in found["message"][1]
    # Located at the unit's first date, in the file, row and column it was written.
    assert (Path(first["file"]).name, first["column"]) == ("a.csv", "value") and first["row"] >= 2
    # A warning: the scores are what the rules give the dates as written (a year early is on time;
    # a year late is late).
    points = {
        r: dict(t.select("commune_code", "total_points").iter_rows())
        for r, t in (("now", result.totals), ("was", example.totals))
    }
    assert points["now"]["00001"] == points["was"]["00001"] and points["now"]["00004"] < points["was"]["00004"]


def test_it_is_said_in_vietnamese(tmp_path: Path) -> None:
    result = _score(_moved(tmp_path / "a.csv", {"00001": "2024"}), lang="vi")
    said = pari.findings(result, lang="vi").filter(pl.col("kind") == "dates-of-another-year")["message"][0]
    assert "ngày tháng của đơn vị thuộc năm 2024, không phải năm được đánh giá (2025)" in said


def test_a_date_or_two_of_the_year_before_say_nothing(tmp_path: Path) -> None:
    """A plan signed in December of the year before is a date of fifty."""
    with open(EXAMPLES / "assessments_long.csv", encoding="utf-8-sig") as handle:
        text = handle.read()
    first = re.search(r"^00001,.*?(\d\d/\d\d/2025)", text, re.MULTILINE)
    assert first is not None
    (tmp_path / "a.csv").write_text(text.replace(first.group(1), "20/12/2024", 1), encoding="utf-8")
    result = _score(tmp_path / "a.csv")
    assert result.findings.filter(pl.col("kind") == "dates-of-another-year").height == 0


def test_batches_tell_the_same(tmp_path: Path) -> None:
    path = _moved(tmp_path / "a.csv", {"00001": "2024", "00031": "2023"})
    whole, batched = _score(path, batch_size=None), _score(path, batch_size=7)
    kind = pl.col("kind") == "dates-of-another-year"
    assert whole.findings.filter(kind).equals(batched.findings.filter(kind))
    assert whole.findings.filter(kind).height == 2


def test_no_year_no_finding(example: pari.ScoreResult) -> None:
    from pari_index.criteria.compiling import compile_criteria
    from pari_index.intake.assessments import read_assessments

    compiled = compile_criteria(example.criteria, None)
    intake = read_assessments([EXAMPLES / "assessments_long.csv"], compiled.leaves, None)
    assert dates_of_another_year(intake, None).height == 0
    assert dates_of_another_year(intake, 2025).height == 0
    assert dates_of_another_year(intake, 2030).height > 40  # every unit with dates, were the year 2030


def test_dates_with_a_slip_in_the_year_are_told_at_their_cells(tmp_path: Path, example: pari.ScoreResult) -> None:
    """``04/06/2052`` typed for ``04/06/2025`` as the plan's date and ``04/06/2062`` as its
    evidence's: the input date is date-far-from-year (sweep 20), the evidence date
    date-after-assessment, each a warning at its row, the item scored as written; a date of the
    next year (a report early in 2026) and the example's own dates are not told."""
    with open(EXAMPLES / "assessments_long.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    value, evidence = header.index("value"), header.index("evidence_date")
    at = {}
    for number, row in enumerate(rows[1:], start=2):
        key = (row[0], row[1])
        if key == ("00001", "1.1.1"):
            row[value], row[evidence] = "04/06/2052", "04/06/2062"
            at["late"] = number
        if key == ("00004", "1.1.1"):
            row[value], row[evidence] = "15/01/2026", "20/12/2026"  # the next year: nothing said
    path = tmp_path / "a.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = _score(path)
    kinds = ["date-after-assessment", "date-far-from-year"]
    assert example.findings.filter(pl.col("kind").is_in(kinds)).height == 0
    found = result.findings.filter(pl.col("kind").is_in(kinds)).sort("kind")
    assert found.select("kind", "severity", "commune_code", "criterion_id", "row").rows() == [
        ("date-after-assessment", "warning", "00001", "1.1.1", at["late"]),
        ("date-far-from-year", "warning", "00001", "1.1.1", at["late"]),
    ]
    assert found["message"][0] == (
        "04/06/2062 is after the end of 2026: a date of the work of 2025 cannot be later (the year mistyped?); the"
        " item was scored with the date as written"
    )
    item = result.details.filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "1.1.1"))
    assert item["computed_score"].item() == 0  # as written: after the deadline
    batched = _score(path, batch_size=7).findings.filter(pl.col("kind").is_in(kinds)).sort("kind")
    assert batched.select("kind", "row", "message").rows() == found.select("kind", "row", "message").rows()
