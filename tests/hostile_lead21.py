"""Hostile cases of the twenty-first session's lead: inputs refused without saying what to do,
or not read as the same input in another format is.

- An assessments file whose code column holds the communes' names (``Phường Hồng Cẩm``, as a
  clerk who knows the commune by its name types it): 3,429 rows of "add it to the register, or
  correct the code", never told which code, and the run stopped. Now each ``unknown-commune``
  names the code the register gives that name (intake.nearest's ``name``); the run still stops
  (``file-unread``, exit 1): a guessed code never scores.
- A workbook whose headings sit over two rows with no merges (a CSV of such a form saved again
  as .xlsx): its evidence columns were unnamed (``cell-without-header`` on every row, exit 1).
  Now it is read as the CSV is, exit 0.
- A «Tổng cộng» row under the data (the assessments, the register): an error, and the run marked
  incomplete, exit 1, for a row with nothing to score. Now the warning ``total-row``, exit 0.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_lead21.py checks what each answers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import xlsxwriter
from hostile_sweep8 import _examples, _rows, _score

Case = Callable[[Path], list[str]]


def names_for_codes(folder: Path) -> list[str]:
    files = _examples(folder)
    names = {row[0]: row[1] for row in _rows("communes.csv")[1:]}
    header, *rows = _rows("assessments_long.csv")
    with files["assessments_long"].open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *([names.get(r[0], r[0]), *r[1:]] for r in rows)])
    return _score(folder)


def two_heading_rows_unmerged(folder: Path) -> list[str]:
    header, *rows = _rows("assessments_long.csv")
    first, last = 5, 7  # evidence number, date and file under «Minh chứng»
    top = ["Minh chứng" if c == first else "" if first < c <= last else text for c, text in enumerate(header)]
    below = [text if first <= c <= last else "" for c, text in enumerate(header)]
    book = xlsxwriter.Workbook(str(folder / "mau.xlsx"))
    sheet = book.add_worksheet("Sheet1")
    for r, line in enumerate([top, below, *rows]):
        for c, value in enumerate(line):
            if value:
                sheet.write_string(r, c, value)
    book.close()
    return _score(folder, assessments=folder / "mau.xlsx")


def total_rows(folder: Path) -> list[str]:
    """A «Tổng cộng» row under the assessments and the register, and a commune's own total."""
    files = _examples(folder)
    with files["assessments_long"].open("a", encoding="utf-8") as handle:
        handle.write(",Tổng cộng,,,85.5,,,,,\n00001,Tổng,,,85.5,,,,,\n")
    with files["communes"].open("a", encoding="utf-8") as handle:
        handle.write(",Tổng cộng: 60 xã,,,,\n")
    return _score(folder)


CASES: dict[str, Case] = {
    "names-for-codes": names_for_codes,
    "two-heading-rows-unmerged": two_heading_rows_unmerged,
    "total-rows": total_rows,
}

_INPUTS = ("communes.csv", "survey.csv")
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "names-for-codes": (1, "file-unread", (*_INPUTS, "assessments_long.csv")),
    "two-heading-rows-unmerged": (0, None, (*_INPUTS, "mau.xlsx")),
    "total-rows": (0, None, (*_INPUTS, "assessments_long.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {"names-for-codes": ("out.xlsx",)}
