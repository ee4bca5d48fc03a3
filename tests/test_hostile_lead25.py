"""What the cases of tests/hostile_lead25.py answer, as real child processes with a time-out, and the
columns a sheet lacks told by intake/absent_columns.py."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from click.testing import CliRunner
from hostile_lead25 import CASES, EXAMPLES, EXPECTED, long_without

from pari_index.cli import main
from pari_index.errors import Problem
from pari_index.intake.absent_columns import AbsentColumns
from pari_index.intake.sheet import FILE, SHEET, Sheet

COMPANIONS = ["--communes", str(EXAMPLES / "communes.csv"), "--survey", str(EXAMPLES / "survey.csv")]
COMPANIONS += ["--appraisal", str(EXAMPLES / "appraisal.csv")]


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(c for c in CASES if EXPECTED[c][1] == "evidence-column-absent"))
def test_a_sheet_without_an_evidence_column_is_told_at_its_header(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    # Told once, at the sheet's heading row, with the items that need the column.
    (line,) = [line for line in said.splitlines() if "[evidence-column-absent]" in line]
    assert " hàng 1: không có cột evidence_" in line and "các tiêu chí của trang này cần thông tin đó" in line
    assert "CHƯA ĐẦY ĐỦ: 1 phần của tệp đầu vào" in said


def test_a_sheet_without_a_self_score_column_is_warned(tmp_path: Path) -> None:
    answers_its_case(
        CASES["score-without-self-score-column"](tmp_path), tmp_path, EXPECTED["score-without-self-score-column"]
    )
    findings = pl.read_csv(tmp_path / "ket-qua" / "findings.csv", infer_schema=False)
    told = findings.filter(pl.col("kind") == "self-score-column-absent")
    assert told.select("severity", "file", "row").rows() == [("warning", str(tmp_path / "tu-danh-gia.csv"), "1")]
    assert told["message"].item().startswith("không có cột self_score: điểm tự chấm của xã không được so")
    assert findings.filter(pl.col("kind") == "self-score-differs").height == 0  # what went silent


def test_an_appraisal_row_that_corrects_nothing_is_rejected(tmp_path: Path) -> None:
    case = "score-with-appraisal-without-decision-column"
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    assert said.count("[appraisal-no-correction]") == 50  # the rows whose only decision was on an explanation
    assert "tham-dinh.csv hàng 2: dòng có lý do nhưng không có giá trị sửa" in said


def _scored(tmp_path: Path, name: str, rows: list[list[str]], lang: str = "en") -> tuple[int, Path]:
    path = tmp_path / f"{name}.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(rows)
    out = tmp_path / f"out-{name}"
    done = CliRunner().invoke(
        main, ["score", str(path), *COMPANIONS, "-o", str(out), "--format", "csv", "-q", "--lang", lang]
    )
    return done.exit_code, out


def test_evidence_given_in_rows_of_the_input_column_is_given(tmp_path: Path) -> None:
    """A long file may give an item's evidence number in a row of its own (input evidence_number):
    without the column, but with such rows, nothing is absent and the scores are the example's."""
    rows = long_without(())
    at = {heading: i for i, heading in enumerate(rows[0])}
    moved = long_without(("evidence_number",))
    for row in rows[1:]:
        if row[at["evidence_number"]]:
            extra = {"commune_code": row[at["commune_code"]], "criterion_id": row[at["criterion_id"]]}
            extra |= {"input": "evidence_number", "value": row[at["evidence_number"]]}
            moved.append([extra.get(heading, "") for heading in moved[0]])
    status, out = _scored(tmp_path, "moved", moved)
    base_status, base = _scored(tmp_path, "base", rows)
    assert (status, base_status) == (0, 0)
    for table in ("summary", "criteria"):
        columns = ["commune_code", "total_points", "rank"] if table == "summary" else ["criterion_id", "final_score"]
        keys = ["commune_code"] + (["criterion_id"] if table == "criteria" else [])
        mine, theirs = (pl.read_csv(o / f"{table}.csv", infer_schema=False) for o in (out, base))
        picked = list(dict.fromkeys([*keys, *columns]))
        assert mine.select(picked).sort(keys).equals(theirs.select(picked).sort(keys))
    kinds = pl.read_csv(out / "findings.csv", infer_schema=False)["kind"]
    assert "evidence-column-absent" not in kinds.to_list()


def test_the_examples_and_a_survey_file_lack_nothing(tmp_path: Path) -> None:
    """The example's survey file has neither evidence nor self-score columns, as a survey has none."""
    status, out = _scored(tmp_path, "base", long_without(()))
    assert status == 0
    kinds = set(pl.read_csv(out / "findings.csv", infer_schema=False)["kind"].to_list())
    assert not kinds & {"evidence-column-absent", "self-score-column-absent"}


def _problems(frame: pl.DataFrame, columns: list[str]) -> list[Problem]:
    import pari_index as pari

    leaves = list(pari.load_criteria(EXAMPLES.parent / "criteria" / "ha-noi-2025-commune.yaml").leaves())
    absent = AbsentColumns()
    sheet = Sheet("a.csv", None, frame.select(columns), header_row=3)
    absent.note_long(sheet, frame, frozenset())
    return absent.problems(leaves)


def test_only_the_items_that_need_a_missing_part_are_counted() -> None:
    # 1.1.1 needs a number, a date and a file; 10.1.1 (a survey item) needs none.
    frame = pl.DataFrame({FILE: ["a.csv"] * 2, SHEET: [None, None], "criterion_id": ["1.1.1", "10.1.1"]})
    frame = frame.with_columns(pl.lit("1").alias(c) for c in ("value", "self_score", "evidence_date", "evidence_file"))
    (problem,) = _problems(frame, frame.columns)
    assert (problem.code, problem.row, problem.params) == (
        "evidence-column-absent",
        3,
        {"columns": "evidence_number", "count": 1, "items": "1.1.1"},
    )
    assert problem.message.startswith(
        "no column evidence_number: the items of this sheet that need it as evidence (1: 1.1.1)"
    )
    survey_only = frame.filter(pl.col("criterion_id") == "10.1.1")
    assert _problems(survey_only, survey_only.columns) == []
    assert [p.code for p in _problems(frame.drop("self_score"), frame.drop("self_score").columns)] == [
        "evidence-column-absent",
        "self-score-column-absent",
    ]
