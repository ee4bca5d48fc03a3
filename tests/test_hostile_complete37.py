"""What the cases of tests/hostile_complete37.py answer; the exact first lines ``pari explain``
prints of each explain case: the run's completeness banner in the explanation's language, then
the unit's line with what the summary marks of it (not ranked, sent nothing, no survey results),
a complete run's unit explained as before; and a register cell read as empty (merged, an Excel
error, a formula with no saved result) making its row partial and the run incomplete
(``intake.ledger.errors_carried``)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hostile_complete37 import CASES, EXPECTED, NOT_WRITTEN
from hypothesis import given
from hypothesis import strategies as st
from sweeps import case_tests, language_tests, sweep_child

from pari_index.from_results import _commune_marks, run_notices
from pari_index.intake.ledger import errors_carried
from pari_index.scoring.completeness import notices

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED, command="explain")

INCOMPLETE_VI = (
    "CHƯA ĐẦY ĐỦ: 2 dòng bị loại trong 1 tệp; xem trang Phát hiện và Dòng đầu vào.",
    "3 xã không nộp tự đánh giá (đánh dấu “không nộp” trong bảng xếp hạng).",
)
INCOMPLETE_EN = (
    "INCOMPLETE: 2 rows rejected in 1 file; see the Findings and Input rows sheets.",
    "3 communes sent no self-assessment (marked “sent nothing” in the ranking).",
)

#: The first lines of each case's explanation (hand-checked against the summary of its results:
#: total, index, rank and class as written there), in Vietnamese and English.
FIRST_LINES: dict[str, dict[str, tuple[str, ...]]] = {
    "explain-of-an-incomplete-run": {
        "vi": (
            *INCOMPLETE_VI,
            "Phường Hồng Cẩm (00001): tổng 80,85 điểm, chỉ số 82,29 %, xếp thứ 1/5 trong Thành phố Hà Nội, "
            "xếp loại Tốt",
        ),
        "en": (
            *INCOMPLETE_EN,
            "Phường Hồng Cẩm (00001): total 80.85 points, index 82.29 %, rank 1/5 in Thành phố Hà Nội, class Good",
        ),
    },
    "explain-of-a-unit-that-sent-nothing": {
        "vi": (
            *INCOMPLETE_VI,
            "Phường Quý Yên (00007): tổng 28,63 điểm, chỉ số 29,14 %, xếp thứ 3/5 trong Thành phố Hà Nội, "
            "xếp loại Yếu (không nộp tự đánh giá)",
        ),
        "en": (
            *INCOMPLETE_EN,
            "Phường Quý Yên (00007): total 28.63 points, index 29.14 %, rank 3/5 in Thành phố Hà Nội, class Weak "
            "(sent no self-assessment)",
        ),
    },
    "explain-of-a-unit-without-survey-results": {
        "vi": (
            "CHƯA ĐẦY ĐỦ: 1 xã không có kết quả điều tra.",
            INCOMPLETE_VI[1],
            "Phường Tân Lộc (00004): tổng 40,61 điểm, chỉ số 41,33 %, xếp thứ 2/5 trong Thành phố Hà Nội, "
            "xếp loại Yếu (không có kết quả điều tra)",
        ),
        "en": (
            "INCOMPLETE: 1 commune without survey results.",
            INCOMPLETE_EN[1],
            "Phường Tân Lộc (00004): total 40.61 points, index 41.33 %, rank 2/5 in Thành phố Hà Nội, class Weak "
            "(no survey results)",
        ),
    },
    "explain-of-a-unit-the-register-does-not-rank": {
        "vi": (
            INCOMPLETE_VI[1],
            "Phường Tân Lộc (00004): tổng 69,77 điểm, chỉ số 71,01 %, xếp thứ — trong Thành phố Hà Nội, "
            "xếp loại Khá (không xếp hạng: danh sách đơn vị ghi không xếp hạng)",
        ),
        "en": (
            INCOMPLETE_EN[1],
            "Phường Tân Lộc (00004): total 69.77 points, index 71.01 %, rank — in Thành phố Hà Nội, class Fair "
            "(not ranked: not ranked in the register)",
        ),
    },
}


def test_every_case_has_its_first_lines_or_its_partial_rows() -> None:
    assert sorted([*FIRST_LINES, *PARTIAL_ROWS]) == sorted(CASES)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", sorted(FIRST_LINES))
def test_explain_says_the_run_s_notices_and_the_unit_s_marks_first(tmp_path: Path, name: str, lang: str) -> None:
    done = sweep_child([*CASES[name](tmp_path), "--lang", lang], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    expected = FIRST_LINES[name][lang]
    assert tuple(done.stdout.splitlines()[: len(expected)]) == expected


def test_a_complete_run_s_unit_is_explained_with_no_banner_nor_mark() -> None:
    """The notices of a complete run's about table are none, and a unit ranked that sent its
    form and has its survey results has no mark: the line is as before session 37."""
    about = {"complete": "yes", "survey": "given", "survey_part": "30"}
    tables = {"about": _about(about)}
    assert run_notices(tables, "vi") == [] == run_notices(tables, "en")
    unit = {"ranked": True, "rank": 1, "submitted": True, "survey_given": True, "unranked_reason": None}
    assert _commune_marks(unit, tables, "vi") == "" == _commune_marks(unit, tables, "en")


def test_no_survey_result_is_a_mark_only_in_a_run_given_a_survey() -> None:
    """Under --no-survey (or a set without a survey part) every unit's survey_given is false: the
    banner says it once, and no unit's line is marked."""
    unit = {"ranked": True, "rank": 2, "submitted": True, "survey_given": False, "unranked_reason": None}
    for survey, marked in (("given", True), ("skipped", False), ("no_part", False), ("optional_missing", False)):
        tables = {"about": _about({"complete": "no", "survey": survey, "survey_part": "30"})}
        assert (_commune_marks(unit, tables, "en") == " (no survey results)") is marked
        assert (_commune_marks(unit, tables, "vi") == " (không có kết quả điều tra)") is marked


def test_every_mark_of_a_unit_is_said_together() -> None:
    unit = {"ranked": False, "rank": None, "submitted": False, "survey_given": False}
    tables = {"about": _about({"survey": "given"})}
    assert _commune_marks({**unit, "unranked_reason": "no_index"}, tables, "en") == (
        " (not ranked: no index; sent no self-assessment; no survey results)"
    )
    assert _commune_marks({**unit, "unranked_reason": None}, tables, "vi") == (
        " (không xếp hạng; không nộp tự đánh giá; không có kết quả điều tra)"
    )


def test_the_banner_is_the_about_table_s_in_the_explanation_s_language() -> None:
    """Re-worded from the counts, whatever language the results were written in (notice_1 … are
    the scoring run's words): the same sentences as the report's banner."""
    facts = {"complete": "no", "survey": "given", "rows_rejected": "2", "files_with_rejected_rows": "1", "lang": "vi"}
    facts |= {"notice_1": "CHƯA ĐẦY ĐỦ: 2 dòng bị loại trong 1 tệp; xem trang Phát hiện và Dòng đầu vào."}
    tables = {"about": _about(facts)}
    assert run_notices(tables, "en") == notices(facts, "en") == [INCOMPLETE_EN[0]]
    assert run_notices(tables, "vi") == [INCOMPLETE_VI[0]]
    assert run_notices({}, "en") == []  # results without an about table (written by hand): nothing told


def _about(facts: dict[str, str]) -> pl.DataFrame:
    return pl.DataFrame({"key": list(facts), "value": list(facts.values())})


#: The register rows each register case makes partial (the errors' rows) and its reason's start: a
#: merge's every row, since session 38 (the four ranges D2:D9 … D28:D37 cover all 36 units; only
#: each range's first row was partial, the rows read with no district "registered").
PARTIAL_ROWS: dict[str, tuple[list[int], str]] = {
    "register-district-merged": (list(range(2, 38)), "cells D2:D9 are merged"),
    "register-district-excel-errors": ([4, 5], "the cell holds the Excel error «#N/A»"),
    "register-district-formulas-without-value": ([3, 4], "the cell holds a formula (=D2)"),
}


@pytest.mark.parametrize("name", sorted(PARTIAL_ROWS))
def test_a_register_cell_read_as_empty_makes_the_run_incomplete(tmp_path: Path, name: str) -> None:
    """The run says it is incomplete everywhere it says so of a rejected row: the console, the
    about sheet (complete: no, rows_partial), the summary's notice, and the input rows table,
    whose register rows at the errors are partial with the error as their reason."""
    from pari_index.outputs.results import read_results

    done = sweep_child([*CASES[name](tmp_path), "--lang", "en"], tmp_path)
    rows, first_reason = PARTIAL_ROWS[name]
    assert done.returncode == 1, done.stdout + done.stderr
    said = f"INCOMPLETE: {len(rows)} rows only partly used in 1 file"
    assert said in done.stdout, done.stdout
    tables = read_results(tmp_path / "out.xlsx")
    about = dict(tables["about"].select("key", "value").iter_rows())
    assert (about["complete"], about["rows_partial"], about.get("rows_rejected")) == ("no", str(len(rows)), None)
    assert set(tables["summary"]["notice"].to_list()) == {said + "; see the Findings and Input rows sheets."}
    register = tables["rows"].filter(pl.col("input") == "register")
    partial = register.filter(pl.col("status") == "partial").sort("row")
    assert partial["row"].to_list() == rows
    assert partial["reasons"][0].startswith(first_reason), partial["reasons"][0]
    whole = {"partial"} if len(rows) == register.height else {"registered", "partial"}
    assert register.height == 36 and set(register["status"]) == whole


def _ledger(status: list[str], reasons: list[str | None]) -> pl.DataFrame:
    n = len(status)
    return pl.DataFrame(
        {
            "file": ["r.csv"] * n,
            "sheet": [None] * n,
            "row": list(range(2, 2 + n)),
            "status": status,
            "reasons": reasons,
        },
        schema={"file": pl.String, "sheet": pl.String, "row": pl.Int64, "status": pl.String, "reasons": pl.String},
    )


def _findings(*at: tuple[str, int | None, str, str]) -> pl.DataFrame:
    return pl.DataFrame(
        [{"file": f, "sheet": None, "row": r, "severity": s, "message": m} for f, r, s, m in at],
        schema={"file": pl.String, "sheet": pl.String, "row": pl.Int64, "severity": pl.String, "message": pl.String},
    )


def test_errors_carried_makes_a_used_row_with_an_error_partial_and_nothing_else() -> None:
    """Rows 2–6 of r.csv: an error at row 2 (registered) and two at row 3 (applied) make them
    partial, the messages their reasons in order; a warning at row 4 changes nothing; a row
    already rejected (5) keeps its status and reason; an error of another file at row 6, or of
    no row, changes nothing."""
    rows = _ledger(["registered", "applied", "registered", "rejected", "scored"], [None, None, None, "no code", None])
    found = _findings(
        ("r.csv", 2, "error", "cells D2:D9 are merged"),
        ("r.csv", 3, "error", "#N/A"),
        ("r.csv", 3, "error", "#REF!"),
        ("r.csv", 3, "error", "#N/A"),
        ("r.csv", 4, "warning", "a hidden row"),
        ("r.csv", 5, "error", "the code is missing"),
        ("other.csv", 6, "error", "elsewhere"),
        ("r.csv", None, "error", "a sheet not read"),
    )
    out = errors_carried(rows, found)
    assert out.columns == rows.columns and out.schema == rows.schema
    assert out["status"].to_list() == ["partial", "partial", "registered", "rejected", "scored"]
    assert out["reasons"].to_list() == ["cells D2:D9 are merged", "#N/A; #REF!", None, "no code", None]
    assert errors_carried(rows, found.clear()).equals(rows)
    assert errors_carried(rows.clear(), found).height == 0


@given(st.lists(st.tuples(st.sampled_from(["registered", "applied", "rejected"]), st.booleans()), max_size=12))
def test_errors_carried_keeps_every_row_and_makes_partial_exactly_the_used_rows_with_an_error(
    rows_and_errors: list[tuple[str, bool]],
) -> None:
    statuses = [s for s, _ in rows_and_errors]
    rows = _ledger(statuses, [None if s != "rejected" else "left out" for s in statuses])
    found = _findings(*((("r.csv", i + 2, "error", f"e{i}")) for i, (_, e) in enumerate(rows_and_errors) if e))
    out = errors_carried(rows, found)
    assert out["row"].to_list() == rows["row"].to_list()
    expected = ["partial" if e and s != "rejected" else s for s, e in rows_and_errors]
    assert out["status"].to_list() == expected
