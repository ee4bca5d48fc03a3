"""Hostile cases of the thirty-third session's helper decoding33: a date or a council's correction
that pari read, scored differently or not at all, and did not tell. Measured before the fixes on the
base 7055fc4 (its ``pari`` in this worktree's venv), after them on this branch.

- Every plan's date (item 1.1.1's ``signed_on``, the set's deadline input) typed a year late, its
  evidence dated right: «04/06/2026» for a plan whose evidence, 72/KH-UBND, is dated 04/06/2025.
  Before: exit 0, the 40 plans missed the deadline (0 instead of 1 or 0.5), the 60 units' indices
  36.15 points lower in all, and no date finding: only 39 more ``self-score-differs`` (168 for
  129). ``date-before-evidence`` told a date typed earlier than its document's, not later; the
  dates of another year counted input and evidence dates together (40 of about 80 dates). Now
  each date 31 days or more after its evidence's is ``date-after-evidence`` (a warning at its cell,
  with the days): 37 of the 40 (three plans give no evidence date); still scored as typed.

- The council writes an input for item 8.4.2 of commune 00049, which marked it N/A (where N/A
  excludes the item), without clearing the mark: «00049, 8.4.2, ntm_level, Nông thôn mới», and
  decides on its explanation in another row («00049, 8.4.2, , , , có»). Before: exit 0, both rows
  "used", the item still left out of the unit's maximum, no finding: the summary, ranks and
  findings byte for byte those of the appraisal without the rows. Now each row is
  ``appraisal-on-marked-item`` (a warning at its cell, in both languages), which says to clear the
  mark in the appraisal too; an item of another unit type stays ``not-applicable-to-unit`` alone.

- The council's N/A mark written in the input column as the assessments' heading of it is:
  «00037, 8.4.2, Không áp dụng, có» and «00049, 8.4.2, N/A, không, 0,25». Before: exit 1, each row
  ``unknown-input`` ("criterion 8.4.2 has no input named N/A"), the marks not read: 00037's item
  scored, 00049's left out. Now such a name (appraisal_columns.own_field_of: «N/A», «NA», «Không
  áp dụng», any case) is the mark ``n/a``, where it is not one of the item's own inputs: the
  results those of the rows written ``n/a``.

- Last year's results workbook (``pari score -o``, Vietnamese) with its About sheet («Thông tin»)
  deleted in Excel, given to ``pari report``: before, exit 0, the report's "Kết quả chưa đầy đủ"
  (results incomplete: 12 units sent nothing) banner and its methodology sections gone (16
  headings, 7 left; 1,764,491 bytes, 1,336,732), with not a word; a unit's name typed over in the
  Summary as well was reported as typed, exit 0 (refused as ``results-damaged`` with the About
  sheet there); kept with its Summary sheet alone, ``--previous`` compared with it, exit 0. The
  about table is what said the file was pari's, so the file was read as one made by hand. Now a
  summary with pari's own columns (its parts' maxima, written since the first results, as the
  about table was) needs all five tables: ``results-damaged``, naming the missing one, exit 1.
  (Session 34: last year's results for ``--previous`` are compared from their summary alone, with
  the warning ``previous-summary-alone``, exit 0; report and explain still refuse them.)

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding33.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
from children import pari_child
from hostile_decoding28 import _with, _write
from hostile_decoding32 import appraisal_with
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
#: A date of the long form's value column, its year apart.
_DATE = re.compile(r"(\d\d/\d\d/)(\d{4})")
#: The rows each appraisal case adds to the example appraisal: commune, item, input, value, score,
#: decision.
ADDED: dict[str, list[list[str]]] = {
    "well-appraisal-on-marked-item": [
        ["00049", "8.4.2", "ntm_level", "Nông thôn mới", "", ""],
        ["00049", "8.4.2", "", "", "", "có"],
    ],
    "well-appraisal-n-a-by-its-heading": [
        ["00037", "8.4.2", "Không áp dụng", "có", "", ""],
        ["00049", "8.4.2", "N/A", "không", "0,25", ""],
    ],
    "well-appraisal-clears-and-corrects": [
        ["00049", "8.4.2", "n/a", "không", "", ""],
        ["00049", "8.4.2", "ntm_level", "Nông thôn mới", "", ""],
    ],
}


def dates_shifted(years: int) -> list[list[str]]:
    """The example long form with every input date (its value column) ``years`` later."""
    header, *rows = _rows("assessments_long.csv")
    field = header.index("value")
    for row in rows:
        if found := _DATE.fullmatch(row[field]):
            row[field] = f"{found[1]}{int(found[2]) + years}"
    return [header, *rows]


def plan_dates_a_year_late(folder: Path) -> list[str]:
    """Every input date of the example typed a year late, the evidence dates right."""
    _score(folder)
    return _with(folder, _write(folder / "tu-danh-gia.csv", dates_shifted(1)))


def _appraisal(folder: Path, case: str) -> list[str]:
    """The example run with the example appraisal and the rows ADDED[case], as tham-dinh.csv."""
    return appraisal_with(folder, ADDED[case])


def on_marked_item(folder: Path) -> list[str]:
    """The council corrects the input of, and decides on, item 8.4.2 that 00049 marked N/A."""
    return _appraisal(folder, "well-appraisal-on-marked-item")


def n_a_by_its_heading(folder: Path) -> list[str]:
    """The council marks 00037's 8.4.2 N/A as «Không áp dụng» and clears 00049's as «N/A»."""
    return _appraisal(folder, "well-appraisal-n-a-by-its-heading")


def clears_and_corrects(folder: Path) -> list[str]:
    """The council clears 00049's N/A mark on 8.4.2 and writes its level (the mark cleared)."""
    return _appraisal(folder, "well-appraisal-clears-and-corrects")


def _results(folder: Path, *deleted: str, renamed: str | None = None) -> Path:
    """The examples scored into ``nam-truoc.xlsx`` (Vietnamese), then saved again without the
    sheets ``deleted`` and with the first unit's name in the Summary set to ``renamed``."""
    args = _score(folder, out="nam-truoc.xlsx")
    done = pari_child(args, folder)
    assert done.returncode == 0, done.stdout + done.stderr
    path = folder / "nam-truoc.xlsx"
    book = openpyxl.load_workbook(path)
    for name in deleted:
        del book[name]
    if renamed is not None:
        sheet = book["Tổng hợp"]
        column = [cell.value for cell in sheet[1]].index("Tên đơn vị") + 1
        sheet.cell(2, column).value = renamed
    book.save(path)
    return path


def report_without_about(folder: Path) -> list[str]:
    """Last year's results, their About sheet deleted, given to pari report."""
    return ["report", str(_results(folder, "Thông tin")), "-o", str(folder / "bao-cao.html")]


def report_edited_without_about(folder: Path) -> list[str]:
    """Last year's results, a unit renamed in the Summary and the About sheet deleted."""
    path = _results(folder, "Thông tin", renamed="Phường Sửa Tên")
    return ["report", str(path), "-o", str(folder / "bao-cao.html")]


def previous_summary_alone(folder: Path) -> list[str]:
    """Last year's results kept with their Summary sheet alone, given to --previous."""
    path = _results(folder, "Tiêu chí", "Phát hiện", "Dòng đầu vào", "Thông tin")
    return [*_score(folder), "--previous", str(path)]


CASES: dict[str, Case] = {
    "results-damaged-report-without-about": report_without_about,
    "results-damaged-edited-without-about": report_edited_without_about,
    "previous-summary-alone": previous_summary_alone,
    "well-plan-dates-a-year-late": plan_dates_a_year_late,
    "well-appraisal-on-marked-item": on_marked_item,
    "well-appraisal-clears-and-corrects": clears_and_corrects,
    "well-appraisal-n-a-by-its-heading": n_a_by_its_heading,
}

# Exit 0 before too, each (the findings are warnings): tests/test_hostile_decoding33.py looks at them.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "well-plan-dates-a-year-late": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
    "well-appraisal-on-marked-item": (0, None, (*_INPUTS, "tham-dinh.csv")),
    "well-appraisal-clears-and-corrects": (0, None, (*_INPUTS, "tham-dinh.csv")),
    "well-appraisal-n-a-by-its-heading": (0, None, (*_INPUTS, "tham-dinh.csv")),
}
for _name in ("results-damaged-report-without-about", "results-damaged-edited-without-about"):
    EXPECTED[_name] = (1, "results-damaged", ("nam-truoc.xlsx",))
# Refused here as results-damaged until session 34, which compares it with the warning
# previous-summary-alone (last year's ranking is often passed on as its summary sheet alone).
EXPECTED["previous-summary-alone"] = (0, None, (*_INPUTS, "nam-truoc.xlsx"))  # counted by its title
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "results-damaged-report-without-about": ("bao-cao.html",),
    "results-damaged-edited-without-about": ("bao-cao.html",),
}

__all__ = ["ADDED", "CASES", "EXPECTED", "NOT_WRITTEN"]
