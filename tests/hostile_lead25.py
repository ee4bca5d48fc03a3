"""Hostile cases of the twenty-fifth session's lead: forms that lack a column the criteria set needs.

A metamorphic layout campaign (session 25) changed the layout of the example's inputs, not their
values: columns reordered, renamed or dropped, rows shuffled, blank lines, title rows, merged
headings, a repeated heading row, a total row, other separators and encodings, the files saved
as workbooks. Scores stayed the same, or the change was told, in every run but one kind: an
evidence column dropped from the assessments. The file read as if every cell of it were empty:
each item whose evidence needs that part scored 0 as "evidence missing" (2,032 warnings on the
example), exit 0, and nothing named the missing column. A self-score column dropped silenced every
self-score check the same way. Each is now told once per sheet at its header row:
``evidence-column-absent`` (an error: the sheet's items were scored without their evidence) and
``self-score-column-absent`` (a warning). An appraisal file without its ``evidence_accepted`` column
read its 50 decisions on explanations as rows of a reason alone, "applied" in the ledger, exit 0:
a row that corrects nothing is now ``appraisal-no-correction``.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_lead25.py checks what each answers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import EXAMPLES, _examples, _score

Case = Callable[[Path], list[str]]


def _long_rows() -> list[list[str]]:
    with open(EXAMPLES / "assessments_long.csv", encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def long_without(columns: tuple[str, ...], rows: list[list[str]] | None = None) -> list[list[str]]:
    """The example's long rows without ``columns``."""
    rows = rows if rows is not None else _long_rows()
    kept = [i for i, heading in enumerate(rows[0]) if heading not in columns]
    return [[row[i] for i in kept] for row in rows]


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def score_without_evidence_number_column(folder: Path) -> list[str]:
    """The example's long CSV without its evidence_number column: 2,032 "evidence missing", exit 0."""
    path = _write_csv(folder / "tu-danh-gia.csv", long_without(("evidence_number",)))
    return _score(folder, assessments=path)


def score_of_workbook_without_evidence_file_column(folder: Path) -> list[str]:
    """The same rows saved as a workbook with Vietnamese headings, «Tệp minh chứng» left out."""
    import xlsxwriter

    headings = {"commune_code": "Mã xã", "criterion_id": "Tiêu chí", "value": "Giá trị", "self_score": "Điểm tự chấm"}
    headings |= {"evidence_number": "Số văn bản", "evidence_date": "Ngày văn bản", "explanation": "Giải trình"}
    rows = long_without(("evidence_file",))
    path = folder / "tu-danh-gia.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet("Tự đánh giá")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write_string(r, c, headings.get(value, value) if r == 0 else value)
    return _score(folder, assessments=path)


def _wide_without(folder: Path, dropped: Callable[[str], bool]) -> Path:
    """The example's wide workbook, as text cells, without the columns whose heading is ``dropped``."""
    import openpyxl
    import xlsxwriter

    _examples(folder)
    grid = list(openpyxl.load_workbook(EXAMPLES / "assessments_wide.xlsx", read_only=True)["data"].values)
    kept = [i for i, heading in enumerate(grid[0]) if not dropped(str(heading))]
    path = folder / "bieu-mau.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet("data")
        for r, row in enumerate(grid):
            for c, i in enumerate(kept):
                if row[i] is not None:
                    sheet.write_string(r, c, str(row[i]))
    return path


def score_of_wide_form_without_evidence_columns(folder: Path) -> list[str]:
    """The example's wide workbook without any of its items' evidence columns (``1.1.1:evidence_…``):
    a form that gives no evidence at all, not one with a column left out (exit 0, each item told)."""
    return _score(folder, assessments=_wide_without(folder, lambda heading: ":evidence_" in heading))


def score_of_wide_form_without_one_items_evidence_number(folder: Path) -> list[str]:
    """The example's wide workbook without the one column ``1.1.1:evidence_number``: 11 more
    "evidence missing" (the communes that gave 1.1.1's number), exit 0."""
    return _score(folder, assessments=_wide_without(folder, lambda heading: heading == "1.1.1:evidence_number"))


def score_without_self_score_column(folder: Path) -> list[str]:
    """The example's long CSV without its self_score column: every self-score check went silent."""
    path = _write_csv(folder / "tu-danh-gia.csv", long_without(("self_score",)))
    return [*_score(folder, assessments=path, out="ket-qua")[:-1], "--format", "csv", "-q"]


def score_with_appraisal_without_decision_column(folder: Path) -> list[str]:
    """The example's appraisal file without its evidence_accepted column: the council's 50 decisions
    on explanations read as rows with a reason alone, counted "applied", exit 0."""
    with open(EXAMPLES / "appraisal.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    path = _write_csv(folder / "tham-dinh.csv", long_without(("evidence_accepted",), rows))
    return _score(folder, "--appraisal", str(path))


CASES: dict[str, Case] = {
    "score-without-evidence-number-column": score_without_evidence_number_column,
    "score-of-workbook-without-evidence-file-column": score_of_workbook_without_evidence_file_column,
    "score-of-wide-form-without-evidence-columns": score_of_wide_form_without_evidence_columns,
    "score-without-self-score-column": score_without_self_score_column,
    "score-of-wide-form-without-one-items-evidence-number": score_of_wide_form_without_one_items_evidence_number,
    "score-with-appraisal-without-decision-column": score_with_appraisal_without_decision_column,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "score-without-evidence-number-column": (1, "evidence-column-absent", ("tu-danh-gia.csv",)),
    "score-of-workbook-without-evidence-file-column": (1, "evidence-column-absent", ("tu-danh-gia.xlsx",)),
    # A form of no evidence at all is of another kind: its items are told one by one (evidence-missing).
    "score-of-wide-form-without-evidence-columns": (0, None, ("bieu-mau.xlsx",)),
    "score-without-self-score-column": (0, None, ()),
    "score-of-wide-form-without-one-items-evidence-number": (1, "evidence-column-absent", ("bieu-mau.xlsx",)),
    "score-with-appraisal-without-decision-column": (1, "appraisal-no-correction", ("tham-dinh.csv",)),
}
