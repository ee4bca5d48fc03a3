"""What the cases of tests/hostile_decoding32.py answer: a council's N/A mark counts as the commune's
would (marking an item excludes it, clearing the commune's mark counts it again), and a council's
correction of an item that does not apply to the unit's type is told at its row. The cases run as
real child processes with a time-out, in both languages."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import polars as pl
import pytest
from hostile_decoding32 import CASES, EXPECTED, LABELLED, NOT_WRITTEN
from hostile_sweep8 import EXAMPLES
from sweeps import case_results, case_tests, csv_results, item_row, language_tests, of_kind, ranked, unit_row

from pari_index.intake.appraisal_columns import own_field_of
from pari_index.intake.evaluation_input import appraisal_wrong_unit_findings
from pari_index.intake.schema import CELL_SCHEMA, COLUMN, CRITERION, FIELD, VALUE
from pari_index.intake.sheet import FILE, ROW, SHEET

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def _fields(row: dict[str, str], *names: str) -> list[str]:
    return [row[name] for name in names]


def test_a_council_s_n_a_mark_excludes_the_item_from_the_unit_s_maximum(tmp_path: Path) -> None:
    plain = case_results(CASES, "well-appraisal-marks-not-applicable", tmp_path / "a", lang="en")
    item = item_row(plain, "00037", "8.4.2")
    # Before: final 0.5, counted 0.5, status ok (its branch na_excluded all the same).
    assert _fields(item, "final_score", "counted_max", "status", "branch") == ["", "0.0", "excluded", "na_excluded"]
    assert item["appraisal_reason"] == "Hội đồng đối chiếu lại hồ sơ"
    # The commune's maximum is 0.5 lower than the set's appraised part, the other units' not.
    unit, other = unit_row(plain, "00037"), unit_row(plain, "00034")
    assert float(other["appraised_max"]) - float(unit["appraised_max"]) == 0.5
    assert not [f for f in plain["findings"] if f["kind"] == "appraisal-on-excluded-item"]


def test_a_council_that_clears_the_commune_s_n_a_mark_has_its_score_counted(tmp_path: Path) -> None:
    tables = case_results(CASES, "well-appraisal-clears-not-applicable", tmp_path / "a", lang="vi")
    item = item_row(tables, "00049", "8.4.2")
    # Before: excluded, final empty, and "the council's score 0.25 was not used".
    assert _fields(item, "appraised_score", "final_score", "counted_max", "status") == [
        "0.25",
        "0.25",
        "0.5",
        "appraised",
    ]
    assert not [f for f in tables["findings"] if f["kind"] == "appraisal-on-excluded-item"]
    assert float(unit_row(tables, "00049")["appraised_max"]) == float(unit_row(tables, "00034")["appraised_max"])


def test_a_council_s_corrections_of_another_unit_type_s_items_are_told_at_their_rows(tmp_path: Path) -> None:
    tables = case_results(CASES, "well-appraisal-of-another-unit-type", tmp_path / "en", lang="en")
    found = [
        (f["criterion_id"], f["row"], f["column"], f["severity"])
        for f in tables["findings"]
        if f["kind"] == "not-applicable-to-unit" and f["file"].endswith("tham-dinh.csv")
    ]
    rows = len((tmp_path / "en" / "tham-dinh.csv").read_text("utf-8").splitlines())
    assert found == [("8.4.2", str(rows - 1), "value", "warning"), ("3.5.1", str(rows), "evidence_accepted", "warning")]
    message = next(f["message"] for f in tables["findings"] if f["kind"] == "not-applicable-to-unit" and f["row"])
    assert "applies only to" in message
    assert item_row(tables, "00001", "8.4.2")["status"] == "excluded"
    vi = case_results(CASES, "well-appraisal-of-another-unit-type", tmp_path / "vi", lang="vi")
    told = [f["message"] for f in vi["findings"] if f["file"].endswith("tham-dinh.csv") and f["row"] == str(rows)]
    assert told == [
        "đơn vị 00001 là phường; tiêu chí 3.5.1 chỉ áp dụng cho loại đơn vị: xã, đặc khu, nên giá trị này"
        " không được tính"
    ]


def _cell(commune: str, item: str, field: str) -> dict[str, object]:
    return {
        "commune_code": commune,
        CRITERION: item,
        FIELD: field,
        VALUE: "x",
        FILE: "t.csv",
        SHEET: None,
        ROW: 2,
        COLUMN: "value",
    }


def test_the_council_s_own_n_a_mark_and_a_score_are_not_told_as_of_another_unit_type() -> None:
    from pari_index.criteria.compiling import compile_criteria
    from pari_index.criteria.loading import load_criteria

    leaves = compile_criteria(load_criteria(None).criteria, None).leaves
    cells = pl.DataFrame(
        [_cell("00001", "8.4.2", "n/a"), _cell("00001", "8.4.1", "civilised_ward")], schema=CELL_SCHEMA
    )
    decisions = pl.DataFrame(
        {
            "commune_code": ["00001", "00001"],
            CRITERION: ["3.5.1", "8.4.3"],
            "score_override": [5000, None],
            "evidence_accepted": [True, None],
            "_decided_file": ["t.csv", None],
            "_decided_sheet": [None, None],
            "_decided_row": [3, None],
        }
    )
    units = pl.DataFrame({"code": ["00001"], "unit_type": ["ward"]})
    # 8.4.2's N/A mark agrees with the rules, 8.4.1 applies to a ward, 3.5.1's score is told by
    # scoring (appraisal-on-excluded-item) and 8.4.3 has no decision.
    assert appraisal_wrong_unit_findings(cells, decisions, leaves, units).height == 0


def test_an_input_named_as_the_commune_s_own_field_in_an_appraisal_is_refused_at_its_row(tmp_path: Path) -> None:
    args = CASES["appraisal-input-own-field"](tmp_path)
    tables = csv_results(args, tmp_path, status=1)
    found = of_kind(tables, "appraisal-input-own-field")
    assert [(r["row"], r["column"], r["severity"]) for r in found] == [
        ("61", "input", "error"),
        ("62", "input", "error"),
    ]
    assert found[1]["message"] == (
        "đầu vào Evidence File là tệp minh chứng của chính xã, điều tệp thẩm định không sửa; dòng này không được dùng"
    )
    # Named as the assessments' headings of them are, in either language.
    assert [own_field_of(name) for name in ("Điểm tự chấm", "SELF SCORE", "Số văn bản", "n/a", "value")] == [
        "self_score",
        "self_score",
        "evidence_number",
        "n/a",
        None,
    ]
    ledger = {r["row"]: r["status"] for r in tables["rows"] if r["file"].endswith("tham-dinh.csv")}
    assert (ledger["61"], ledger["62"], ledger["60"]) == ("rejected", "rejected", "applied")


def test_an_input_written_by_its_label_is_that_input(tmp_path: Path) -> None:
    tables = case_results(CASES, "well-input-by-label", tmp_path / "label", lang="en")
    item = item_row(tables, "00001", "1.1.3")
    # The commune's 34 of 179 read (before: its cell rejected, the row "partial").
    assert item["computed_score"] == "0.0" and item["self_score"] == "0.0"
    form = {r["status"] for r in tables["rows"] if r["file"].endswith("tu-danh-gia.csv")}
    assert form == {"scored"}
    # The council's row, the label in capitals: 150 of 179 tasks, the rules run again.
    assert float(item["appraised_score"]) > 0 and item["status"] == "appraised"
    assert not [f for f in tables["findings"] if f["kind"] == "unknown-input"]


@pytest.mark.parametrize(
    "written", ["Số nhiệm vụ hoàn thành", "SỐ NHIỆM VỤ HOÀN THÀNH", "Tasks completed", "tasks done"]
)
def test_an_input_s_label_in_either_language_and_any_case_names_it(written: str) -> None:
    from pari_index.criteria.compiling import compile_criteria
    from pari_index.criteria.loading import load_criteria
    from pari_index.intake.cell_checks import check_and_type
    from pari_index.intake.model import LeafTable

    leaves = compile_criteria(load_criteria(None).criteria, None).leaves
    label = next(leaf for leaf in leaves if leaf.id == "1.1.3").inputs["tasks_done"]
    assert (LABELLED[1], "Tasks completed") == (label.label, label.label_en)
    cells = pl.DataFrame([{**_cell("00001", "1.1.3", written), VALUE: "34"}], schema=CELL_SCHEMA)
    accepted, findings = check_and_type(cells, LeafTable.build(leaves), pl.Series(["00001"]))
    assert accepted[FIELD].to_list() == ["tasks_done"] and findings.height == 0


def test_dashes_for_blank_scores_and_decisions_give_the_plain_appraisal_s_results(tmp_path: Path) -> None:
    dashed = case_results(CASES, "well-appraisal-dashes-for-blanks", tmp_path / "dashed", lang="en")
    (tmp_path / "plain").mkdir()
    args = CASES["well-appraisal-dashes-for-blanks"](tmp_path / "plain")
    plain_appraisal = Path(args[args.index("--appraisal") + 1])
    plain_appraisal.write_text((EXAMPLES / "appraisal.csv").read_text("utf-8-sig"), "utf-8")
    plain = ranked(csv_results(args, tmp_path / "plain", lang="en"), ("commune_code", "total_points", "rank"))
    assert ranked(dashed, ("commune_code", "total_points", "rank")) == plain
    assert not [f for f in dashed["findings"] if f["severity"] == "error"]
    # Each score so is told at its cell: Excel's accounting format writes a zero as a dash too.
    marks = [f for f in dashed["findings"] if f["kind"] == "appraisal-score-mark"]
    header, *rows = list(csv.reader((EXAMPLES / "appraisal.csv").open(encoding="utf-8-sig")))
    blank_scores = sum(1 for row in rows if not row[header.index("score")])
    assert len(marks) == blank_scores > 40
    assert {(f["severity"], f["column"]) for f in marks} == {("warning", "score")}
    assert marks[0]["message"].startswith("the score cell holds only «-»: read as no score")


def test_a_score_written_as_a_dash_is_told_in_vietnamese(tmp_path: Path) -> None:
    from pari_index.intake.appraisal import _score_marks
    from pari_index.messages import localise_findings

    frame = pl.DataFrame({"score": ["-", "0", None, " — "], "_file": ["a.csv"] * 4, "_sheet": [None] * 4})
    frame = frame.with_columns(pl.Series("_row", [2, 3, 4, 5]))
    found = _score_marks(frame)
    assert found["row"].to_list() == [2, 5] and set(found["severity"]) == {"warning"}
    vi = localise_findings(found, "vi")["message"].to_list()
    assert vi == [
        f"ô điểm chỉ có «{m}»: được đọc là không có điểm; định dạng kế toán của Excel cũng hiện số 0 như vậy"
        for m in "-—"
    ]


def test_an_input_s_id_wins_over_another_input_s_label_and_a_shared_label_names_none() -> None:
    from pari_index.criteria.compiling import compile_criteria
    from pari_index.criteria.loading import load_criteria
    from pari_index.intake.cell_checks import check_and_type
    from pari_index.intake.model import LeafTable

    leaves = compile_criteria(load_criteria(None).criteria, None).leaves
    item = next(leaf for leaf in leaves if leaf.id == "1.1.3")
    done, planned = item.inputs["tasks_done"], item.inputs["tasks_planned"]
    # tasks_planned labelled «Tasks done», and both inputs labelled «Số nhiệm vụ» in Vietnamese.
    renamed = {
        "tasks_done": done.model_copy(update={"label": "Số nhiệm vụ"}),
        "tasks_planned": planned.model_copy(update={"label": "Số nhiệm vụ", "label_en": "Tasks done"}),
    }
    leaves = [dataclasses.replace(leaf, inputs=renamed) if leaf.id == "1.1.3" else leaf for leaf in leaves]
    cells = pl.DataFrame(
        [{**_cell("00001", "1.1.3", name), VALUE: "34"} for name in ("TASKS DONE", "Số nhiệm vụ")], schema=CELL_SCHEMA
    )
    accepted, findings = check_and_type(cells, LeafTable.build(leaves), pl.Series(["00001"]))
    assert accepted[FIELD].to_list() == ["tasks_done"]
    assert findings["kind"].to_list() == ["unknown-input"]
