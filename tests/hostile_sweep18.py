"""Hostile cases of the eighteenth session's sweep: a name typed as Windows shows it (its extension
hidden by Explorer, a final dot or space, another letter case, a ``.csv.csv`` saved by a clerk who
typed the extension Explorer hid) was "file not found" beside the very file meant: now
``input-near-name``, naming it, for every input (assessments, register, survey, criteria, results,
evidence folder); a number written with a Vietnamese decimal comma in a criteria set (``max: 1,5``,
``{points: 0,5}`` whose comma splits the mapping) was "giá trị không hợp lệ" with a hint to write
the value "as the decision prints it" (which is what the author did), or "Keys should be strings":
now ``yaml-decimal-comma``, with the number to write; every other refused value of a criteria set
said only "giá trị không hợp lệ" in Vietnamese and spoke of points for a date: now it says why, in
both languages (``schema:value_error`` with the validator's reason); a date the calendar has not
(``29/02/2025``, ``31/04/2025``), written month first (``12/31/2025``) or with a month 13 was "not a
date such as 10/01/2024" with a hint about Excel error values: now ``implausible-date`` saying which
part is wrong; a number with a unit or a note in its cell (``34 ngày``, ``7,5 điểm``) was
``bad-value`` with the same hint: now ``number-with-words``; a unit whose survey results miss some
survey items scored 0 on them without a word: now a ``survey-incomplete`` warning naming them; an
output marked read-only was replaced without a word: now ``output-read-only`` (exit 4); a code
written as Excel's text formula (``="00007"``) was "one character away": now the same code written
otherwise; a row without its commune code gave one finding for each of its values: now one a row.

Cases of other classes tried this session that already answered well are kept so that they stay
so (``well-``).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep18.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import CRITERIA, EXAMPLES, _examples, _rows, _score
from hostile_sweep14 import _csv
from hostile_sweep16 import _table_workbook

Case = Callable[[Path], list[str]]
HA_NOI = CRITERIA / "ha-noi-2025-commune.yaml"


# ---------------------------------------------------------------------------------------------
# Names typed as Windows shows them


def _renamed(option: str, on_disk: str, typed: str) -> Case:
    """The file of ``option`` saved as ``on_disk``, given as ``typed``."""

    def case(folder: Path) -> list[str]:
        args = _score(folder)
        at = 1 if option == "ASSESSMENTS" else args.index(option) + 1
        Path(args[at]).rename(folder / on_disk)
        args[at] = str(folder / typed)
        return args

    return case


def near_criteria_letter_case(folder: Path) -> list[str]:
    """``--criteria HA-NOI-2025.YAML`` for ``ha-noi-2025.yaml`` (Windows opens either)."""
    shutil.copy(HA_NOI, folder / "ha-noi-2025.yaml")
    return [*_score(folder), "--criteria", str(folder / "HA-NOI-2025.YAML")]


def near_validate_trailing_space(folder: Path) -> list[str]:
    """``pari validate "bo tieu chi.yaml "``: a name pasted with its final space."""
    shutil.copy(HA_NOI, folder / "bo tieu chi.yaml")
    return ["validate", str(folder / "bo tieu chi.yaml ")]


def near_report_results(folder: Path) -> list[str]:
    """``pari report ket-qua`` for results saved as ``ket-qua.xlsx`` (Explorer shows ``ket-qua``)."""
    from hostile_paths import fake_results_folder

    results = fake_results_folder(folder)
    results.rename(folder / "ket-qua.xlsx")
    return ["report", str(folder / "ket-qua"), "-o", str(folder / "page.html")]


def near_evidence_folder(folder: Path) -> list[str]:
    """``--evidence-dir "Minh Chung"`` for the folder ``minh chung``."""
    (folder / "minh chung").mkdir()
    return [*_score(folder), "--evidence-dir", str(folder / "Minh Chung")]


def nothing_near(folder: Path) -> list[str]:
    """A name with nothing near it in its folder: still ``file-not-found``."""
    args = _score(folder)
    args[args.index("--communes") + 1] = str(folder / "danh-sach-xa.csv")
    return args


# ---------------------------------------------------------------------------------------------
# Criteria sets written with Vietnamese numbers, and values refused with reasons


def _criteria_changed(old: str, new: str, *, command: str = "validate") -> Case:
    """The Hà Nội set with its first ``old`` replaced by ``new``, validated (or scored with)."""

    def case(folder: Path) -> list[str]:
        text = HA_NOI.read_text(encoding="utf-8")
        assert old in text
        path = folder / "bo-tieu-chi.yaml"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        if command == "validate":
            return ["validate", str(path)]
        return [*_score(folder), "--criteria", str(path)]

    return case


# ---------------------------------------------------------------------------------------------
# Dates the calendar has not


def _dated(values: list[str], *, column: int = 6, workbook: bool = False) -> Case:
    """The example assessments with the evidence date (``column`` 6) of the first rows of as many
    items as ``values`` replaced by them (one row an item: they do not conflict), scored."""

    def case(folder: Path) -> list[str]:
        files = _examples(folder)
        rows = _rows("assessments_long.csv")
        seen: set[str] = set()
        left = list(values)
        for row in rows[1:]:
            if left and row[column] and row[1] not in seen and row[0] == "00001":
                seen.add(row[1])
                row[column] = left.pop(0)
        assert not left
        if workbook:
            path = _table_workbook(folder / "form.xlsx", rows)
            return _score(folder, assessments=path)
        files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
        return _score(folder)

    return case


def _signed_on(value: str) -> Case:
    """Commune 00001's plan signed on ``value`` (item 1.1.1's date input, a value cell)."""

    def case(folder: Path) -> list[str]:
        files = _examples(folder)
        rows = _rows("assessments_long.csv")
        for row in rows[1:]:
            if row[:2] == ["00001", "1.1.1"]:
                row[3] = value
        files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
        return _score(folder)

    return case


# ---------------------------------------------------------------------------------------------
# A number with a unit or a note in its cell


def _worded(values: list[str], *, column: int = 3, workbook: bool = False) -> Case:
    """The example assessments with the value (``column`` 3) or self-score (4) of commune 00001's
    first number cells, one an item, replaced by ``values``, scored."""

    def case(folder: Path) -> list[str]:
        files = _examples(folder)
        rows = _rows("assessments_long.csv")
        seen: set[str] = set()
        left = list(values)
        for row in rows[1:]:
            number = row[column].replace(".", "", 1).isdigit()
            if left and row[0] == "00001" and number and row[1] not in seen and "/" not in row[3]:
                seen.add(row[1])
                row[column] = left.pop(0)
        assert not left
        if workbook:
            return _score(folder, assessments=_table_workbook(folder / "form.xlsx", rows))
        files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
        return _score(folder)

    return case


# ---------------------------------------------------------------------------------------------
# A survey without a result for some items of a unit


def survey_row_lost(folder: Path) -> list[str]:
    """Commune 00007's result for 10.1.2 left out of the survey (its other items there)."""
    files = _examples(folder)
    rows = [row for row in _rows("survey.csv") if row[:2] != ["00007", "10.1.2"]]
    files["survey"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


def survey_wide_cells_empty(folder: Path) -> list[str]:
    """The survey as a wide form (one row a unit, one column an item) with two cells left empty."""
    files = _examples(folder)
    rows = _rows("survey.csv")[1:]
    items = list(dict.fromkeys(row[1] for row in rows))
    values = {(row[0], row[1]): row[3] for row in rows}
    communes = list(dict.fromkeys(row[0] for row in rows))
    wide = [["commune_code", *items]]
    for code in communes:
        wide.append([code, *(values.get((code, item), "") for item in items)])
    wide[3][2] = ""
    wide[5][4] = ""
    files["survey"].write_text(_csv(wide), encoding="utf-8")
    return _score(folder)


# ---------------------------------------------------------------------------------------------
# A code written as Excel's text formula


def excel_text_formula_codes(folder: Path) -> list[str]:
    """Commune 00007's rows with the code written ``="00007"``, as exports write a code to keep its
    leading zeros in Excel: it was "register codes one character away: 00007"; then (session 18)
    ``unknown-commune`` naming 00007 as the same code written otherwise; since session 38
    (``intake.sheet.code_text``) the code is read as Excel shows it, 00007, and scored."""
    files = _examples(folder)
    rows = _rows("assessments_long.csv")
    for row in rows[1:]:
        if row[0] == "00007":
            row[0] = '="00007"'
    files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


# ---------------------------------------------------------------------------------------------
# Rows without a code: one finding a row


def merged_code_down_blocks(folder: Path) -> list[str]:
    """The long form as a workbook whose commune code is merged down each commune's block of rows,
    as reports print it: only the first cell of a merged range holds the code."""
    import xlsxwriter

    _examples(folder)
    rows = _rows("assessments_long.csv")
    path = folder / "form.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("data")
        for c, text in enumerate(rows[0]):
            sheet.write_string(0, c, text)
        first = 1
        while first < len(rows):
            last = first
            while last + 1 < len(rows) and rows[last + 1][0] == rows[first][0]:
                last += 1
            if last > first:
                sheet.merge_range(first, 0, last, 0, rows[first][0])
            else:
                sheet.write_string(first, 0, rows[first][0])
            for r in range(first, last + 1):
                for c, text in enumerate(rows[r][1:], 1):
                    if text:
                        sheet.write_string(r, c, text)
            first = last + 1
    return _score(folder, assessments=path)


# ---------------------------------------------------------------------------------------------
# Outputs marked read-only


def _read_only(path: Path) -> Path:
    path.chmod(0o444)
    return path


def read_only_results_workbook(folder: Path) -> list[str]:
    """``-o results.xlsx`` over earlier results a clerk marked read-only (the published ranking)."""
    from hostile_paths import fake_results_workbook

    _read_only(fake_results_workbook(folder, {"criteria_id": "ha-noi-2025-commune"}))
    return _score(folder, out="results.xlsx")


def read_only_results_table(folder: Path) -> list[str]:
    """``-o res --format csv`` over a results folder one of whose tables is read-only."""
    from hostile_paths import fake_results_folder

    _read_only(fake_results_folder(folder) / "summary.csv")
    return _score(folder, "--format", "csv", out="res")


def read_only_report(folder: Path) -> list[str]:
    """``--report bao-cao.html`` over an earlier report (examples/report.html) marked read-only."""
    shutil.copy(EXAMPLES / "report.html", folder / "bao-cao.html")
    _read_only(folder / "bao-cao.html")
    return _score(folder, "--report", str(folder / "bao-cao.html"))


def read_only_report_command(folder: Path) -> list[str]:
    """``pari report res -o bao-cao.html`` over a read-only report."""
    from hostile_paths import fake_results_folder

    results = fake_results_folder(folder)
    shutil.copy(EXAMPLES / "report.html", folder / "bao-cao.html")
    _read_only(folder / "bao-cao.html")
    return ["report", str(results), "-o", str(folder / "bao-cao.html")]


def writable_earlier_results(folder: Path) -> list[str]:
    """The same earlier results, writable: replaced as before."""
    from hostile_paths import fake_results_workbook

    fake_results_workbook(folder, {"criteria_id": "ha-noi-2025-commune"})
    return _score(folder, out="results.xlsx")


CASES: dict[str, Case] = {
    "near-name-assessments-trailing-dot": _renamed("ASSESSMENTS", "danh-gia.csv", "danh-gia.csv."),
    "near-name-register-extension-hidden": _renamed("--communes", "danh-sach.csv", "danh-sach"),
    "near-name-survey-extension-doubled": _renamed("--survey", "khao-sat.csv.csv", "khao-sat.csv"),
    "near-name-register-other-extension": _renamed("--communes", "danh-sach.xlsx", "danh-sach.csv"),
    "near-name-criteria-letter-case": near_criteria_letter_case,
    "near-name-validate-trailing-space": near_validate_trailing_space,
    "near-name-report-results": near_report_results,
    "near-name-evidence-folder": near_evidence_folder,
    "well-not-found-nothing-near": nothing_near,
    "yaml-decimal-comma-max": _criteria_changed("max: 1.5", "max: 1,5"),
    "yaml-decimal-comma-thousands": _criteria_changed("max: 1.5", "max: 1.000,5"),
    "yaml-decimal-comma-flow-points": _criteria_changed(
        "{from: 80, below: 100, points: 0.5}", "{from: 80, below: 100, points: 0,5}", command="score"
    ),
    "yaml-decimal-comma-flow-late": _criteria_changed("late: 0.75, not_done: 0}", "late: 0,75, not_done: 0}"),
    "schema-reason-impossible-deadline": _criteria_changed("deadline: 2025-07-31", "deadline: 30/02/2025"),
    "schema-reason-month-first-deadline": _criteria_changed(
        "deadline: 2025-07-31", "deadline: 07/31/2025", command="score"
    ),
    "schema-reason-percent-tier": _criteria_changed("{from: 100, points: 1}", "{from: 100%, points: 1}"),
    "schema-reason-both-edges": _criteria_changed("{from: 100, points: 1}", "{from: 100, above: 99, points: 1}"),
    "dates-no-such-day-evidence": _dated(["29/02/2025", "31/04/2025", "2025-06-31", "00/05/2025"]),
    "dates-month-first-evidence": _dated(["12/31/2025", "06/30/2025"]),
    "dates-month-13-evidence": _dated(["15/13/2025"]),
    "dates-no-such-day-workbook": _dated(["31/09/2025", "30/02/2025"], workbook=True),
    "dates-no-such-day-value": _signed_on("31/06/2025"),
    "dates-month-first-value": _signed_on("07/15/2025"),
    "well-dates-leap-day-2024": _dated(["29/02/2024"]),
    "number-with-words-units": _worded(["34 ngày", "5 văn bản", "1.887 hồ sơ", "80% (đạt)"]),
    "number-with-words-before": _worded(["khoảng 34", "tổng: 179"]),
    "number-with-words-workbook": _worded(["12 nhiệm vụ", "7,5 điểm"], workbook=True),
    "number-with-words-self-score": _worded(["0,5 điểm", "1 đ"], column=4),
    "well-number-words-without-number": _worded(["3 of 5", "N/A"]),
    "survey-incomplete-row-lost": survey_row_lost,
    "survey-incomplete-wide-cells-empty": survey_wide_cells_empty,
    "output-read-only-results-workbook": read_only_results_workbook,
    "output-read-only-results-table": read_only_results_table,
    "output-read-only-report": read_only_report,
    "output-read-only-report-command": read_only_report_command,
    "well-output-writable-earlier-results": writable_earlier_results,
    "code-excel-text-formula": excel_text_formula_codes,
    "rows-without-code-merged-blocks": merged_code_down_blocks,
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "near-name-assessments-trailing-dot": (1, "input-near-name", ("danh-gia.csv", "communes.csv", "survey.csv")),
    "near-name-register-extension-hidden": (
        1,
        "input-near-name",
        ("danh-sach.csv", "assessments_long.csv", "survey.csv"),
    ),
    "near-name-survey-extension-doubled": (
        1,
        "input-near-name",
        ("khao-sat.csv.csv", "communes.csv", "assessments_long.csv"),
    ),
    "near-name-register-other-extension": (
        1,
        "input-near-name",
        ("danh-sach.xlsx", "assessments_long.csv", "survey.csv"),
    ),
    "near-name-criteria-letter-case": (1, "input-near-name", ("ha-noi-2025.yaml", *_INPUTS)),
    "near-name-validate-trailing-space": (1, "input-near-name", ("bo tieu chi.yaml",)),
    "near-name-report-results": (1, "input-near-name", ()),
    "near-name-evidence-folder": (1, "input-near-name", _INPUTS),
    "well-not-found-nothing-near": (1, "file-not-found", ("assessments_long.csv", "survey.csv")),
    "yaml-decimal-comma-max": (1, "yaml-decimal-comma", ("bo-tieu-chi.yaml",)),
    "yaml-decimal-comma-thousands": (1, "yaml-decimal-comma", ("bo-tieu-chi.yaml",)),
    "yaml-decimal-comma-flow-points": (1, "yaml-decimal-comma", ("bo-tieu-chi.yaml", *_INPUTS)),
    "yaml-decimal-comma-flow-late": (1, "yaml-decimal-comma", ("bo-tieu-chi.yaml",)),
    "schema-reason-impossible-deadline": (1, "schema:value_error", ("bo-tieu-chi.yaml",)),
    "schema-reason-month-first-deadline": (1, "schema:value_error", ("bo-tieu-chi.yaml", *_INPUTS)),
    "schema-reason-percent-tier": (1, "schema:value_error", ("bo-tieu-chi.yaml",)),
    "schema-reason-both-edges": (1, "schema:value_error", ("bo-tieu-chi.yaml",)),
    "dates-no-such-day-evidence": (1, "implausible-date", _INPUTS),
    "dates-month-first-evidence": (1, "implausible-date", _INPUTS),
    "dates-month-13-evidence": (1, "implausible-date", _INPUTS),
    "dates-no-such-day-workbook": (1, "implausible-date", ("form.xlsx", "communes.csv", "survey.csv")),
    "dates-no-such-day-value": (1, "implausible-date", _INPUTS),
    "dates-month-first-value": (1, "implausible-date", _INPUTS),
    "well-dates-leap-day-2024": (0, None, _INPUTS),
    "number-with-words-units": (1, "number-with-words", _INPUTS),
    "number-with-words-before": (1, "number-with-words", _INPUTS),
    "number-with-words-workbook": (1, "number-with-words", ("form.xlsx", "communes.csv", "survey.csv")),
    # A self-score with its unit («0,5 điểm», «1 đ») is the number since session 21 (values.parse_points).
    "number-with-words-self-score": (0, None, _INPUTS),
    "well-number-words-without-number": (1, "bad-value", _INPUTS),
    "survey-incomplete-row-lost": (0, None, _INPUTS),
    "survey-incomplete-wide-cells-empty": (0, None, _INPUTS),
    "output-read-only-results-workbook": (4, "output-read-only", ("results.xlsx", *_INPUTS)),
    "output-read-only-results-table": (4, "output-read-only", ("res/summary.csv", "res/about.csv", *_INPUTS)),
    "output-read-only-report": (4, "output-read-only", ("bao-cao.html", *_INPUTS)),
    "output-read-only-report-command": (4, "output-read-only", ("bao-cao.html", "res/summary.csv")),
    "well-output-writable-earlier-results": (0, None, _INPUTS),
    "code-excel-text-formula": (0, None, _INPUTS),
    "rows-without-code-merged-blocks": (1, "missing-commune-code", ("form.xlsx", "communes.csv", "survey.csv")),
}

#: Names nothing may be written under (the results of a refused run).
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "near-name-assessments-trailing-dot": ("out.xlsx",),
    "near-name-register-extension-hidden": ("out.xlsx",),
    "near-name-criteria-letter-case": ("out.xlsx",),
    "near-name-report-results": ("page.html",),
    "near-name-evidence-folder": ("out.xlsx",),
    "yaml-decimal-comma-flow-points": ("out.xlsx",),
    "output-read-only-report": ("out.xlsx",),
}
