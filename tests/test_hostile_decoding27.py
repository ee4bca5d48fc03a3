"""What the cases of tests/hostile_decoding27.py answer: a copy of an input under another name is
refused once, naming both files; rows and columns hidden in Excel are read and told; a file of
evidence alone is not asked for self-scores. The cases run as real child processes with a
time-out, in both languages."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest
from hostile_decoding27 import CASES, EXPECTED, HIDDEN_ROWS, NOT_WRITTEN, write_hidden_xlsx
from sweeps import case_tests, language_tests, sweep_child

from pari_index.intake.xlsx.reading import read_excel
from pari_index.same_content import check_same_content

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def _findings(folder: Path) -> pl.DataFrame:
    from test_hostile_decoding24 import _findings as findings

    return findings(folder)


def _kinds(found: pl.DataFrame) -> list[str]:
    """Every cell of the findings sheet, as text (its code column is named in either language)."""
    return [str(cell) for row in found.rows() for cell in row]


def test_a_copy_is_named_once_with_the_file_it_repeats(tmp_path: Path) -> None:
    done = sweep_child([*CASES["input-same-content"](tmp_path), "--lang", "en"], tmp_path)
    said = done.stdout + done.stderr
    assert said.count("[input-same-content]") == 1, said
    assert "tu-danh-gia (1).csv: ASSESSMENTS: this file holds the same bytes as ASSESSMENTS" in said, said
    assert "duplicate-row" not in said


def test_only_the_same_bytes_are_a_copy(tmp_path: Path) -> None:
    """Files of one size whose bytes differ, and empty files, are not copies; a third copy is told
    with the first file too."""
    (tmp_path / "a.csv").write_bytes(b"commune_code,value\n00001,1\n")
    (tmp_path / "b.csv").write_bytes(b"commune_code,value\n00004,1\n")
    (tmp_path / "e1.csv").write_bytes(b"")
    (tmp_path / "e2.csv").write_bytes(b"")
    given = [("ASSESSMENTS", tmp_path / name) for name in ("a.csv", "b.csv", "e1.csv", "e2.csv")]
    check_same_content(given)
    (tmp_path / "c.csv").write_bytes((tmp_path / "a.csv").read_bytes())
    with pytest.raises(Exception) as raised:
        check_same_content([*given, ("--survey", tmp_path / "c.csv")])
    problems = raised.value.problems  # type: ignore[attr-defined]
    assert [(p.code, p.params["other"]) for p in problems] == [("input-same-content", str(tmp_path / "a.csv"))]
    assert problems[0].params["option"] == "--survey"


def test_hidden_rows_and_columns_are_read_and_told(tmp_path: Path) -> None:
    done = sweep_child([*CASES["well-hidden-rows-and-column"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    cells = _kinds(_findings(tmp_path))
    assert "hidden-rows" in cells and "hidden-columns" in cells, cells
    told = " ".join(cells)
    assert f"{len(HIDDEN_ROWS)} hidden rows were read and scored as the others: rows 10–20" in told
    assert "hidden columns were read and scored as the others: «self_score»" in told


def test_hidden_rows_without_data_and_hidden_empty_columns_are_not_told(tmp_path: Path) -> None:
    """Rows hidden below the table (a form hiding its unused rows) and a hidden column with a
    heading and no value hold nothing that was read."""
    rows = [["commune_code", "criterion_id", "value", "note", "self_score"]]
    rows += [[f"{n:05d}", "1.1.1", "có", "", ""] for n in range(1, 9)]
    read = read_excel(write_hidden_xlsx(tmp_path / "a.xlsx", rows), "a.xlsx")
    assert [p.code for p in read.problems] == []
    rows += [[f"{n:05d}", "1.1.1", "có", "", "1"] for n in range(9, 15)]  # rows 10–15, hidden, with data
    read = read_excel(write_hidden_xlsx(tmp_path / "b.xlsx", rows), "b.xlsx")
    assert [(p.code, p.row, p.params) for p in read.problems] == [
        ("hidden-rows", 10, {"count": 6, "rows": "10–15"}),
        ("hidden-columns", 1, {"columns": "«self_score»", "count": 1}),
    ]


def test_evidence_in_its_own_file_gives_no_false_self_score_warning(tmp_path: Path) -> None:
    done = sweep_child([*CASES["well-evidence-in-its-own-file"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "self-score-column-absent" not in _kinds(_findings(tmp_path))


def test_values_without_self_scores_are_still_told(tmp_path: Path) -> None:
    """A sheet of values and evidence without self-scores is told, once, whatever other file
    gives evidence (a sheet of values alone is a form of another kind, told by no such finding)."""
    args = CASES["well-evidence-in-its-own-file"](tmp_path)
    values, evidence = tmp_path / "gia-tri.csv", tmp_path / "minh-chung.csv"
    with evidence.open(encoding="utf-8", newline="") as handle:
        given = list(csv.reader(handle))
    with values.open(encoding="utf-8", newline="") as handle:
        rows = [row[:4] for row in csv.reader(handle)]  # commune, item, input, value
    rows[0] += given[0][2:]  # the evidence columns, left empty: the evidence is the other file's
    rows[1:] = [[*row, "", "", ""] for row in rows[1:]]
    with values.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    done = sweep_child([*args, "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    told = [row for row in _findings(tmp_path).rows() if "self-score-column-absent" in map(str, row)]
    assert len(told) == 1 and "gia-tri.csv" in " ".join(map(str, told[0])), told


def test_the_template_s_hidden_input_column_is_not_told(tmp_path: Path) -> None:
    """pari template hides and locks its column of input names (people read the label beside it):
    a filled form read back is not told of it."""
    from sweeps import run_in_process

    examples = Path(__file__).resolve().parent.parent / "examples"
    status, said = run_in_process("template", "-o", tmp_path / "form.xlsx", "--communes", examples / "communes.csv")
    assert status == 0, said
    read = read_excel(tmp_path / "form.xlsx", "form.xlsx")
    assert read.sheets and [p.code for p in read.problems if p.code.startswith("hidden")] == []


def test_a_register_without_the_district_column_is_told_as_such(tmp_path: Path) -> None:
    done = sweep_child([*CASES["well-register-without-districts"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    found = _findings(tmp_path)
    rows = [" ".join(map(str, row)) for row in found.rows()]
    absent = [row for row in rows if "group-column-absent" in row]
    assert any("the register has no column «district», which the ranking is within: all 36" in r for r in absent)
    assert not [row for row in rows if "group-value-empty" in row], rows


def test_a_register_with_districts_left_empty_is_still_told_unit_by_unit(tmp_path: Path) -> None:
    """A column the register has, empty for some units, stays group-value-empty (not absent)."""
    args = CASES["well-register-without-districts"](tmp_path)
    register = tmp_path / "communes.csv"
    with register.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[0].append("district")
    rows[1:] = [[*row, "" if n < 3 else "Quận Một"] for n, row in enumerate(rows[1:])]
    with register.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    done = sweep_child([*args, "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    told = [" ".join(map(str, row)) for row in _findings(tmp_path).rows()]
    assert any("group-value-empty" in row and "3 ranked units have no «district»" in row for row in told), told
    assert not any("group-column-absent" in row and "«district»" in row for row in told), told


def test_an_ods_s_hidden_rows_and_columns_are_told_as_an_xlsx_s(tmp_path: Path) -> None:
    """LibreOffice hides rows by hand (visibility collapse) or by a filter (filter), and columns
    so; a million hidden empty rows below the table are not told."""
    from hostile_decoding25 import ods_text
    from hostile_decoding26 import _row, write_ods_rows

    columns = '<table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/>'
    rows = [columns, _row([ods_text(t) for t in ("commune_code", "criterion_id", "self_score", "value")])]
    for n in range(1, 12):
        hidden = ' table:visibility="filter"' if 5 <= n <= 7 else ""
        rows.append(_row([ods_text(f"{n:05d}"), ods_text("1.1.1"), ods_text("1"), ods_text("có")], hidden))
    rows.append('<table:table-row table:visibility="collapse" table:number-rows-repeated="1000000"><table:table-cell/>')
    rows.append("</table:table-row>")
    read = read_excel(write_ods_rows(tmp_path / "a.ods", rows), "a.ods")
    assert [(p.code, p.row, p.params) for p in read.problems] == [
        ("hidden-rows", 6, {"count": 3, "rows": "6–8"}),
        ("hidden-columns", 1, {"columns": "«self_score»", "count": 1}),
    ]


def test_an_ods_survey_s_hidden_rows_are_told_in_the_results(tmp_path: Path) -> None:
    done = sweep_child([*CASES["well-ods-hidden-rows"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    told = [" ".join(map(str, row)) for row in _findings(tmp_path).rows() if "hidden-rows" in map(str, row)]
    assert len(told) == 1 and "3 hidden rows were read and scored as the others: rows 3–5" in told[0], told
