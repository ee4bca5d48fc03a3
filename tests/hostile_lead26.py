"""Hostile cases of the twenty-sixth session's lead: an item assessed, but an input its rule needs
left empty.

A value-metamorphic campaign (session 26) rewrote the example's values the ways a user might
(codes saved by Excel without their leading zeros, unit types abbreviated or without marks,
booleans as x/✓/TRUE/1, dates and numbers in other forms, ids with a dot or a space) and checked
that each run gave the example's ranking or told why not. Every rewrite was told, or read the
same, but one: booleans written "x" for yes and left empty for no. The item kept its self-score
and evidence, its rule found the input empty (branch ``missing``, 0 points) and the status read
"ok". Where the self-score differed a warning said only that; where the clerk gave no self-score
(a blank meaning "none", a count of disciplined officials left empty) nothing was said at all:
three items of one commune lost 5.5 points with exit 0 and no finding. Such items are now told,
one warning per commune (``input-left-empty``), listing them.

A second rewrite marked an item not applicable (n/a: x) in a row that also gave its value: the
mark decided the score (in full, or the item excluded) and the value was not read, without a
word: 2.1.2 written "không thực hiện" (not done, 0 points) scored in full. Each such value is now
told at its cell (``value-marked-not-applicable``), as a value given to an item that does not
apply to the unit's type already was.

Looking for where each value went found a third: a unit's explanation of missing evidence
(giải trình) made its item "explained, awaiting the council" and was then shown in no table,
workbook or report, so the council could not read what it was to decide on. Its
``evidence-explained`` finding now quotes it (tests/test_hostile_lead26.py).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_lead26.py checks what each answers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import EXAMPLES, _score

Case = Callable[[Path], list[str]]


def long_rows_blanked(blank: dict[tuple[str, str], tuple[str, ...]]) -> list[list[str]]:
    """The example's long rows with the columns ``blank[(commune, item)]`` emptied in every row of
    that commune's item."""
    with open(EXAMPLES / "assessments_long.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    at = {heading: i for i, heading in enumerate(rows[0])}
    for row in rows[1:]:
        for column in blank.get((row[at["commune_code"]], row[at["criterion_id"]]), ()):
            row[at[column]] = ""
    return rows


def _written(folder: Path, rows: list[list[str]]) -> Path:
    path = folder / "tu-danh-gia.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def score_with_values_left_empty_and_no_self_scores(folder: Path) -> list[str]:
    """Commune 00007's values of 2.3 (a yes/no), 3.2.1 (a rate: both counts) and 5.4.1 (officials
    disciplined) left empty, and their self-scores too, the evidence kept: 0 points each, status
    "ok", no finding, exit 0."""
    both = ("value", "self_score")
    blank = {("00007", "2.3"): both, ("00007", "3.2.1"): both, ("00007", "5.4.1"): both}
    return [*_score(folder, assessments=_written(folder, long_rows_blanked(blank)), out="ket-qua"), "--format", "csv"]


def score_with_one_of_two_inputs_left_empty(folder: Path) -> list[str]:
    """Commune 00007's 3.2.1 with the files settled on time given but the files received left
    empty (no self-score differs: it is emptied too): 0 points, status "ok", no finding."""
    rows = long_rows_blanked({("00007", "3.2.1"): ("self_score",)})
    rows = [row for row in rows if row[:3] != ["00007", "3.2.1", "received"]]
    return [*_score(folder, assessments=_written(folder, rows), out="ket-qua"), "--format", "csv"]


def score_with_a_value_and_an_na_mark(folder: Path) -> list[str]:
    """Commune 00001's 2.1.2 ("không thực hiện": not done, 0 points) also marked n/a, which the
    set counts in full: 1 point, the value unread, no finding (the self-score 0 differed)."""
    rows = long_rows_blanked({})
    at = {heading: i for i, heading in enumerate(rows[0])}
    for row in rows[1:]:
        if row[:2] == ["00001", "2.1.2"]:
            row[at["n/a"]] = "x"
    return [*_score(folder, assessments=_written(folder, rows), out="ket-qua"), "--format", "csv"]


def score_of_wide_form_with_values_and_na_marks(folder: Path) -> list[str]:
    """The example's wide workbook with every item that allows N/A marked n/a for commune 00148 (a xã), its
    values kept: each value unread, no finding."""
    import openpyxl

    book = openpyxl.load_workbook(EXAMPLES / "assessments_wide.xlsx")
    sheet = book["data"]
    headings = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "00148":
            for i, heading in enumerate(headings):
                if str(heading).endswith(":n/a"):
                    row[i].value = "x"
    path = folder / "bieu-mau.xlsx"
    book.save(path)
    return [*_score(folder, assessments=path, out="ket-qua"), "--format", "csv"]


CASES: dict[str, Case] = {
    "score-with-values-left-empty-and-no-self-scores": score_with_values_left_empty_and_no_self_scores,
    "score-with-one-of-two-inputs-left-empty": score_with_one_of_two_inputs_left_empty,
    "score-with-a-value-and-an-na-mark": score_with_a_value_and_an_na_mark,
    "score-of-wide-form-with-values-and-na-marks": score_of_wide_form_with_values_and_na_marks,
}

#: Warnings only: the run succeeds (exit 0) and the items are told in the findings.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "score-with-values-left-empty-and-no-self-scores": (0, None, ("tu-danh-gia.csv",)),
    "score-with-one-of-two-inputs-left-empty": (0, None, ("tu-danh-gia.csv",)),
    "score-with-a-value-and-an-na-mark": (0, None, ("tu-danh-gia.csv",)),
    "score-of-wide-form-with-values-and-na-marks": (0, None, ("bieu-mau.xlsx",)),
}
