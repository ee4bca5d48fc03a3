"""Hostile cases of the thirty-second session's helper decoding32: an appraisal council's corrections
that pari read and then did not use, without a word or with the wrong one. Found by metamorphic runs
of ``pari score`` on the example set with an appraisal file rewritten as a council writes one
(columns shuffled, headings in Vietnamese, capitals, units, comma decimals, «0,5đ», trailing spaces,
duplicate rows, a totals row, hidden rows, workbooks with titles and two sheets: all read the same),
then with rows a council adds (N/A marks, items of another unit type). Measured before the fixes on
the base 36dae70 (its ``src`` run with this worktree's venv), after them on this branch.

- The council marks item 8.4.2 of commune 00037 (a xã, whose set excludes an item marked N/A) not
  applicable: «00037, 8.4.2, n/a, có». Before: exit 0, the row "applied", the item still scored 0.5
  of 0.5 and counted in the commune's maximum, while its explanation said "not applicable: left out
  of the maximum"; no finding. The item was excluded by the commune's own mark alone
  (scoring.items: ``computed_branch``). Now the council's mark counts as the commune's would: the
  item is excluded and the commune's maximum is 0.5 lower.

- The council clears the N/A mark commune 00049 (a xã) put on item 8.4.2 and scores it:
  «00049, 8.4.2, n/a, không, score 0,25». Before: exit 0, the item stayed excluded, and the warning
  ``appraisal-on-excluded-item`` said "the council's score 0.25 was not used ... correct its N/A
  mark", the mark the council had corrected. Now the item counts: 0.25 of 0.5, status appraised.

- The council corrects an input of item 8.4.2 and decides on the explanation of item 3.5.1 for
  commune 00001, a phường, for which neither item counts (8.4.2 applies to xã, 3.5.1 to xã and đặc
  khu). Before: exit 0, both rows "applied", no finding: the corrections vanished. A council's
  score there was told (``appraisal-on-excluded-item``, session 20); an input or a decision was not.
  Now each row is a ``not-applicable-to-unit`` warning at its row and column, as the commune's own
  value of such an item is.

- The council writes «00001, 1.1.3, self_score, 0,5» and «00001, 7.2.1, Evidence File,
  ke-hoach.pdf» (the commune's own fields named in the input column). Before: exit 1 for the
  second row alone, ``unknown-input`` "criterion 7.2.1 has no input named Evidence File; the item's
  inputs are ...", which did not say what it is (so «Điểm tự chấm»); the first row "applied", no
  finding, the item's appraised score shown as its computed one, nothing changed. Now each row is refused,
  ``appraisal-input-own-field`` (a new message in both languages), exit 1, as a column of them is
  ``not-appraisal-field`` (session 18).

- Commune 00001's long form (and an appraisal row) naming item 1.1.3's input by its label, as the
  template, pari explain and the report show it: «Số nhiệm vụ hoàn thành» for ``tasks_done``.
  Before: exit 1, ``unknown-input``: "criterion 1.1.3 has no input named Số nhiệm vụ hoàn thành;
  the item's inputs are: Số nhiệm vụ hoàn thành, Số nhiệm vụ trong kế hoạch", the commune's value
  not scored. Now a label (Vietnamese or English, any case) names its input where no other input
  of the item has that name (intake.cell_checks): exit 0, the points those of the plain form.

- The example appraisal with its blank scores and decisions written «-» (or «—»), as a clerk fills
  a blank. Before: exit 1, one ``bad-score`` error per row ("score - is not a number of points")
  and one ``bad-decision`` per row with a dash decision (55 and 9 errors, measured), the results
  marked incomplete, though every correction was applied. Now a dash, a dot or a slash alone
  (values.PLACEHOLDERS) in those two columns is an empty cell: exit 0, the results those of the
  plain appraisal.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding32.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_decoding28 import _with, _write
from hostile_decoding30 import _commune
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
_REASON = "Hội đồng đối chiếu lại hồ sơ"
#: The rows each case adds to the example appraisal: commune, item, input, value, score, decision.
ADDED: dict[str, list[list[str]]] = {
    "well-appraisal-marks-not-applicable": [["00037", "8.4.2", "n/a", "có", "", ""]],
    "well-appraisal-clears-not-applicable": [["00049", "8.4.2", "n/a", "không", "0,25", ""]],
    "well-appraisal-of-another-unit-type": [
        ["00001", "8.4.2", "ntm_level", "Nông thôn mới", "", ""],
        ["00001", "3.5.1", "", "", "", "có"],
    ],
    "appraisal-input-own-field": [
        ["00001", "1.1.3", "self_score", "0,5", "", ""],
        ["00001", "7.2.1", "Evidence File", "ke-hoach.pdf", "", ""],
    ],
}
#: Item 1.1.3's input and its Vietnamese label, written for it in the labels case.
LABELLED = ("tasks_done", "Số nhiệm vụ hoàn thành")


def appraisal_with(folder: Path, added_rows: list[list[str]]) -> list[str]:
    """The example run with the example appraisal and ``added_rows`` (commune, item, input, value,
    score, decision; a reason and an appraiser each added), as tham-dinh.csv."""
    args = _score(folder)
    header, *rows = _rows("appraisal.csv")
    added = [[*row, _REASON, "Lê Minh Mai"] for row in added_rows]
    return [*args, "--appraisal", str(_write(folder / "tham-dinh.csv", [header, *rows, *added]))]


def _appraisal(folder: Path, case: str) -> list[str]:
    """:func:`appraisal_with` the rows ADDED[case]."""
    return appraisal_with(folder, ADDED[case])


def marks_not_applicable(folder: Path) -> list[str]:
    """The council marks item 8.4.2 of commune 00037 (a xã) not applicable."""
    return _appraisal(folder, "well-appraisal-marks-not-applicable")


def clears_not_applicable(folder: Path) -> list[str]:
    """The council clears commune 00049's N/A mark on item 8.4.2 and gives it 0,25."""
    return _appraisal(folder, "well-appraisal-clears-not-applicable")


def of_another_unit_type(folder: Path) -> list[str]:
    """The council corrects items 8.4.2 and 3.5.1 of commune 00001, a phường."""
    return _appraisal(folder, "well-appraisal-of-another-unit-type")


def own_field_as_input(folder: Path) -> list[str]:
    """The council names commune 00001's self-score in the input column, twice."""
    return _appraisal(folder, "appraisal-input-own-field")


def input_by_label(folder: Path) -> list[str]:
    """Commune 00001's assessments and an appraisal row naming input tasks_done by its label."""
    _score(folder)
    header, rows = _commune()
    field = header.index("input")
    for row in rows:
        if row[field] == LABELLED[0]:
            row[field] = LABELLED[1]
    args = _with(folder, _write(folder / "tu-danh-gia.csv", [header, *rows]))
    head, *_ = _rows("appraisal.csv")
    added = ["00001", "1.1.3", LABELLED[1].upper(), "150", "", "", _REASON, "Lê Minh Mai"]
    return [*args, "--appraisal", str(_write(folder / "tham-dinh.csv", [head, added]))]


def dashes_for_blanks(folder: Path) -> list[str]:
    """The example appraisal, its empty scores «-» and its empty decisions «—»."""
    args = _score(folder)
    header, *rows = _rows("appraisal.csv")
    score, decision = header.index("score"), header.index("evidence_accepted")
    for row in rows:
        row[score] = row[score] or "-"
        row[decision] = row[decision] or "—"
    return [*args, "--appraisal", str(_write(folder / "tham-dinh.csv", [header, *rows]))]


CASES: dict[str, Case] = {
    "well-appraisal-marks-not-applicable": marks_not_applicable,
    "well-appraisal-clears-not-applicable": clears_not_applicable,
    "well-appraisal-of-another-unit-type": of_another_unit_type,
    "appraisal-input-own-field": own_field_as_input,
    "well-input-by-label": input_by_label,
    "well-appraisal-dashes-for-blanks": dashes_for_blanks,
}

# Exit 0 before too, each: tests/test_hostile_decoding32.py looks at the items and the findings.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    name: (0, None, (*_INPUTS, "tham-dinh.csv")) for name in CASES if name.startswith("well-appraisal-")
}
EXPECTED["appraisal-input-own-field"] = (1, "appraisal-input-own-field", (*_INPUTS, "tham-dinh.csv"))
EXPECTED["well-input-by-label"] = (0, None, (*_INPUTS, "tu-danh-gia.csv", "tham-dinh.csv"))
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["ADDED", "CASES", "EXPECTED", "LABELLED", "NOT_WRITTEN", "appraisal_with"]
