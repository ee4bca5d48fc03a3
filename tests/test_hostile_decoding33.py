"""What the cases of tests/hostile_decoding33.py answer: a deadline's date typed well after its
evidence's date is told at its cell (``date-after-evidence``), and a council's input or decision on
an item an N/A mark leaves out is told at its row (``appraisal-on-marked-item``). The cases run as
real child processes with a time-out, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_decoding28 import _with, _write
from hostile_decoding32 import appraisal_with
from hostile_decoding33 import ADDED, CASES, EXPECTED, NOT_WRITTEN
from hostile_sweep8 import _rows, _score
from sweeps import case_results, case_tests, csv_results, item_row, language_tests, of_kind, sweep_child

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


@pytest.mark.parametrize("batch", ["0", "7"])
def test_every_plan_date_a_year_late_is_told_at_its_cell(tmp_path: Path, batch: str) -> None:
    tables = case_results(
        CASES, "well-plan-dates-a-year-late", tmp_path / "late", "--lang", "en", "--batch-size", batch
    )
    told = of_kind(tables, "date-after-evidence")
    # 40 plans are dated; 37 give an evidence date to compare with.
    assert len(told) == 37 and {f["criterion_id"] for f in told} == {"1.1.1"}
    first = told[0]
    place = (first["severity"], first["commune_code"], first["row"], first["column"])
    assert place == ("warning", "00001", "2", "value")
    assert first["message"] == (
        "04/06/2026 is 365 days after the date of the item's evidence, 04/06/2025: the deadline was judged on the"
        " date typed (a slip in the year or month?), which the document does not show"
    )
    # Still scored on the date typed: after the late limit, not done (0 of 1).
    assert item_row(tables, "00001", "1.1.1")["computed_score"] == "0.0"
    vi = case_results(CASES, "well-plan-dates-a-year-late", tmp_path / "vi", "--lang", "vi")
    assert of_kind(vi, "date-after-evidence")[0]["message"].startswith("04/06/2026 muộn hơn 365 ngày so với ngày")


def test_a_date_a_few_days_after_its_evidence_or_the_example_is_not_told(tmp_path: Path) -> None:
    """A document dated less than a month before the date typed (a draft's number taken early)."""
    header, *rows = _rows("assessments_long.csv")
    value, evidence = header.index("value"), header.index("evidence_date")
    assert rows[0][value] == rows[0][evidence] == "04/06/2025"
    rows[0][value] = "04/07/2025"  # 30 days after its evidence
    _score(tmp_path)
    near = csv_results(_with(tmp_path, _write(tmp_path / "tu-danh-gia.csv", [header, *rows])), tmp_path)
    assert not of_kind(near, "date-after-evidence")
    rows[0][value] = "05/07/2025"  # 31 days
    (tmp_path / "b").mkdir()
    _score(tmp_path / "b")
    far = csv_results(
        _with(tmp_path / "b", _write(tmp_path / "b" / "tu-danh-gia.csv", [header, *rows])), tmp_path / "b"
    )
    assert [(f["commune_code"], f["row"]) for f in of_kind(far, "date-after-evidence")] == [("00001", "2")]


def test_a_council_s_input_and_decision_on_an_item_marked_n_a_are_told_at_their_rows(tmp_path: Path) -> None:
    tables = case_results(CASES, "well-appraisal-on-marked-item", tmp_path / "en", "--lang", "en")
    lines = len((tmp_path / "en" / "tham-dinh.csv").read_text("utf-8").splitlines())
    told = of_kind(tables, "appraisal-on-marked-item")
    assert [(f["commune_code"], f["criterion_id"], f["row"], f["column"], f["severity"]) for f in told] == [
        ("00049", "8.4.2", str(lines - 1), "value", "warning"),
        ("00049", "8.4.2", str(lines), "evidence_accepted", "warning"),
    ]
    assert told[0]["message"] == (
        "the council's correction was not used: item 8.4.2 of unit 00049 is marked not applicable (left out of its"
        " maximum)"
    )
    # The item stays out of the unit's maximum, as the warning says.
    item = item_row(tables, "00049", "8.4.2")
    assert (item["status"], item["counted_max"], item["final_score"]) == ("excluded", "0.0", "")
    vi = case_results(CASES, "well-appraisal-on-marked-item", tmp_path / "vi", "--lang", "vi", "--batch-size", "7")
    assert [f["message"] for f in of_kind(vi, "appraisal-on-marked-item")][:1] == [
        "nội dung thẩm định không được dùng: tiêu chí 8.4.2 của đơn vị 00049 được đánh dấu không áp dụng"
        " (loại khỏi điểm tối đa)"
    ]


def test_a_council_that_clears_the_mark_has_its_input_scored_and_not_told(tmp_path: Path) -> None:
    assert ADDED["well-appraisal-clears-and-corrects"][0][2] == "n/a"
    tables = case_results(CASES, "well-appraisal-clears-and-corrects", tmp_path / "a", "--lang", "en")
    assert not of_kind(tables, "appraisal-on-marked-item")
    item = item_row(tables, "00049", "8.4.2")
    # Counted again at the council's level (its evidence missing zeroes it, and is told so).
    assert (item["status"], item["appraised_score"], item["counted_max"]) == ("appraised", "0.25", "0.5")
    assert "8.4.2" in [f["criterion_id"] for f in of_kind(tables, "evidence-missing") if f["commune_code"] == "00049"]


def test_an_item_of_another_unit_type_is_told_once_as_such(tmp_path: Path) -> None:
    """00001 is a phường; 8.4.2 applies to xã: the council's input is not-applicable-to-unit alone."""
    args = _score(tmp_path)
    header, *rows = _rows("appraisal.csv")
    added = [["00001", "8.4.2", "ntm_level", "Nông thôn mới", "", "", "lý do", "Lê Minh Mai"]]
    args += ["--appraisal", str(_write(tmp_path / "tham-dinh.csv", [header, *rows, *added]))]
    tables = csv_results(args, tmp_path, "--lang", "en")
    assert not of_kind(tables, "appraisal-on-marked-item")
    assert [f["criterion_id"] for f in of_kind(tables, "not-applicable-to-unit") if f["file"].endswith("dinh.csv")] == [
        "8.4.2"
    ]


def test_results_without_their_about_sheet_are_refused_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "en"
    folder.mkdir()
    done = sweep_child([*CASES["results-damaged-report-without-about"](folder), "--lang", "en"], folder)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "the results have no About table, which pari score always writes" in done.stderr
    # The same workbook with its About sheet reports, with the banner the deleted sheet carried.
    whole = tmp_path / "whole"
    whole.mkdir()
    path = whole / "nam-truoc.xlsx"
    assert sweep_child(_score(whole, out="nam-truoc.xlsx"), whole).returncode == 0
    assert sweep_child(["report", str(path), "-o", str(whole / "r.html")], whole).returncode == 0
    assert "Kết quả chưa đầy đủ" in (whole / "r.html").read_text("utf-8")


def test_a_summary_of_the_analyst_s_own_is_still_read_alone(tmp_path: Path) -> None:
    """A summary without pari's maxima (codes, indices and ranks of a program of the analyst's)."""
    (tmp_path / "nam-truoc").mkdir()
    rows = [["commune_code", "index", "rank"], ["00001", "80.5", "1"], ["00004", "70.25", "2"]]
    _write(tmp_path / "nam-truoc" / "summary.csv", rows)
    args = [*_score(tmp_path), "--previous", str(tmp_path / "nam-truoc")]
    previous = {r["commune_code"]: r["previous_rank"] for r in csv_results(args, tmp_path, lang="en")["summary"]}
    assert (previous["00001"], previous["00004"]) == ("1", "2")


def test_the_n_a_mark_named_as_its_heading_is_the_mark(tmp_path: Path) -> None:
    named = case_results(CASES, "well-appraisal-n-a-by-its-heading", tmp_path / "named", "--lang", "en")
    assert not of_kind(named, "unknown-input")
    assert item_row(named, "00037", "8.4.2")["status"] == "excluded"
    assert item_row(named, "00049", "8.4.2")["appraised_score"] == "0.25"
    # The same rows with the mark's own name: the same results.
    (tmp_path / "plain").mkdir()
    rows = [[*row] for row in ADDED["well-appraisal-n-a-by-its-heading"]]
    for row in rows:
        row[2] = "n/a"
    plain = csv_results(appraisal_with(tmp_path / "plain", rows), tmp_path / "plain", "--lang", "en")
    assert named["summary"] == plain["summary"]


@pytest.mark.parametrize(
    ("added", "appraised"),
    [
        (["00001", "1.1.1", "signed_on", "04/06/2025", "", ""], "1.0"),  # the date corrected
        (["00001", "1.1.1", "", "", "1", ""], "1.0"),  # the item scored by the council
    ],
)
def test_a_late_date_the_council_corrected_or_scored_over_is_not_told(
    tmp_path: Path, added: list[str], appraised: str
) -> None:
    """The deadline was judged on the council's date or score, not on the date typed: before, the
    plan's date typed a year late was told as "judged on the date typed" beside "changed 0 to 1"."""
    header, *rows = _rows("assessments_long.csv")
    value = header.index("value")
    rows[0][value] = "04/06/2026"  # 00001's plan, its evidence dated 04/06/2025
    alone = tmp_path / "alone"
    alone.mkdir()
    _score(alone)
    typed = csv_results(_with(alone, _write(alone / "tu-danh-gia.csv", [header, *rows])), alone, "--lang", "en")
    assert [(f["commune_code"], f["row"]) for f in of_kind(typed, "date-after-evidence")] == [("00001", "2")]
    args = appraisal_with(tmp_path, [added])
    args = _with(tmp_path, _write(tmp_path / "tu-danh-gia.csv", [header, *rows])) + args[args.index("--appraisal") :]
    tables = csv_results(args, tmp_path, "--lang", "en")
    assert item_row(tables, "00001", "1.1.1")["appraised_score"] == appraised
    assert not of_kind(tables, "date-after-evidence")
