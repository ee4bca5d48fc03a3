"""Hostile cases of the thirty-first session's helper decoding31: bytes a user gave that pari read
as something else, or told in words that did not say what to do. Measured before the fixes on the
base 6c4cca8 (its ``src`` run with this worktree's venv), after them on this branch.

- Commune 00001's assessments with one count typed with a zero-width space inside it (``3<U+200B>4``,
  pasted from a web page). Before: exit 1, ``bad-value`` with the general hint "correct the cell;
  Excel error values such as #N/A or #DIV/0! cannot be scored", which does not say that the cell
  holds a character nothing shows. Now the hint names it (``<U+200B>``) and says to delete it, in
  both languages (the fix ``invisible``, messages.labels). Since session 38 a number with such a
  character inside is read as the number the clerk sees (values.as_shown), and the case's count
  is the zero-width space alone, still refused with that hint (reviewa38).

- The example appraisal file with a column «Ghi chú» of the council's remarks. Before: exit 1, an
  ``unknown-column`` error and the results marked incomplete, where the same column of an
  assessment or survey file is a ``notes-column`` warning. Now a warning in the appraisal too: exit 0.

- Commune 00001's wide form (examples/assessments_wide.xlsx) with its headings
  ``1.1.1:self score`` and ``1.1.1:Evidence Number`` (a space, capitals: a heading retyped). Before:
  exit 1, 24 ``unknown-input`` errors (one a row and column), the self-scores and evidence numbers
  of item 1.1.1 not read; the same headings of a long form were read. Now they are the commune's
  self-score and evidence number: exit 0, the points those of the example.

- The same wide form with ``1.1.2:task`` for ``1.1.2:tasks``. Before: exit 1, "criterion 1.1.2 has no
  input named task" twelve times, naming no input to write instead. Now the message asks "did you
  mean tasks?" (intake.near_inputs), or lists the item's inputs when none is near.

- Commune 00001's assessments headed as a Vietnamese clerk heads a form: «Giá trị (số liệu)»,
  «Điểm tự chấm (điểm)», «Số, ký hiệu văn bản», «Ghi chú (nếu có)». Before: exit 1, three
  ``unknown-column`` errors and a fourth for the notes, the self-scores and evidence numbers not
  read (38 items without evidence, total 28.0 against 80.85). Now a unit or note in brackets after
  a heading is read past: exit 0, the commune's points those of the plain file.

- Commune 00001's assessments as a workbook whose headings are under a row of group headings
  merged across their columns («Thông tin đơn vị» over A1:B1, «Số liệu» over C1:E1), the other
  cells of that row empty. Before: exit 1 and "INCOMPLETE", two ``merged-cells`` errors ("only the
  first holds the value") for a form read whole, with the right points. Now a merge in or above
  the row of headings, every column under it named there, is a heading: exit 0 (one over columns
  left unnamed is still told: tests/hostile_sweep19.py, well-merged-heading-over-data).

- A register whose first unit's type is «ĐK» (đặc khu, as «TT» is thị trấn) and whose second
  unit, «Phường Tân Lộc», has no type. Before: exit 0, ``unknown-unit-type`` for «ĐK» (the unit
  scored without the items of its type), and ``missing-unit-type`` that did not say its name gives
  the type. Now «ĐK» is a special zone; the untyped unit's finding names the type its name begins
  with and says to write it (the type column decides the items, as when it differs from the name:
  never taken from the name silently).

- ``pari criteria export`` (in Vietnamese, its default) of a set one of whose titles is 40,000
  characters long. Before: the cut cell ended with the English «… [cut: longer than an Excel cell
  holds]» in a Vietnamese annex (and in Vietnamese results). Now the mark is in the output's
  language (messages.results_words.CUT_MARK), and ``criteria import`` knows either.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding31.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
from hostile_decoding28 import _with, _write
from hostile_decoding30 import _commune, export_long_title
from hostile_sweep8 import EXAMPLES, _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
#: The wide form's headings as retyped: (heading, as retyped).
RETYPED = {"1.1.1:self_score": "1.1.1:self score", "1.1.1:evidence_number": "1.1.1:Evidence Number"}
#: A clerk's headings of the long form, with units and notes in brackets.
CLERK_HEADINGS = {
    "value": "Giá trị (số liệu)",
    "self_score": "Điểm tự chấm (điểm)",
    "evidence_number": "Số, ký hiệu văn bản",
    "explanation": "Ghi chú (nếu có)",
}
#: The group headings merged over the first row in the merged-groups case.
GROUPS = {"A1:B1": "Thông tin đơn vị", "C1:E1": "Số liệu"}


def zero_width_in_number(folder: Path) -> list[str]:
    """Commune 00001's assessments, its first count a zero-width space alone (the count deleted in a
    web form, the character left: it shows as an empty cell). Until session 38 the count was typed
    with the character inside it, which is now read as the number (values.as_shown)."""
    _score(folder)
    header, rows = _commune()
    value = header.index("value")
    first = next(row for row in rows if row[value].isdigit() and len(row[value]) > 1)
    first[value] = "\u200b"
    return _with(folder, _write(folder / "tu-danh-gia.csv", [header, *rows]))


def appraisal_notes_column(folder: Path) -> list[str]:
    """The example appraisal with a column «Ghi chú» of remarks."""
    args = _score(folder)
    header, *rows = _rows("appraisal.csv")
    lines = [[*header, "Ghi chú"], *([*row, "đã đối chiếu hồ sơ"] for row in rows)]
    return [*args, "--appraisal", str(_write(folder / "tham-dinh.csv", lines))]


def _wide(folder: Path, headings: dict[str, str]) -> list[str]:
    """The example wide form with ``headings`` retyped, as the assessments."""
    args = _score(folder)
    book = openpyxl.load_workbook(EXAMPLES / "assessments_wide.xlsx")
    for cell in book["data"][1]:
        cell.value = headings.get(str(cell.value), cell.value)
    book.save(folder / "bieu-ngang.xlsx")
    args[1] = str(folder / "bieu-ngang.xlsx")
    return args


def wide_meta_spelled(folder: Path) -> list[str]:
    """The wide form with ``1.1.1:self score`` and ``1.1.1:Evidence Number``."""
    return _wide(folder, RETYPED)


def wide_input_near(folder: Path) -> list[str]:
    """The wide form with ``1.1.2:task`` for ``1.1.2:tasks``."""
    return _wide(folder, {"1.1.2:tasks": "1.1.2:task"})


def headings_with_units(folder: Path) -> list[str]:
    """Commune 00001's assessments under a clerk's headings (CLERK_HEADINGS)."""
    _score(folder)
    header, rows = _commune()
    typed = _write(folder / "tu-danh-gia.csv", [[CLERK_HEADINGS.get(h, h) for h in header], *rows])
    return _with(folder, typed)


def merged_group_headings(folder: Path) -> list[str]:
    """Commune 00001's assessments as a workbook under a row of merged group headings."""
    _score(folder)
    header, rows = _commune()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([None] * len(header))
    for row in [header, *rows]:
        sheet.append(row)
    for cells, text in GROUPS.items():
        sheet[cells.split(":")[0]] = text
        sheet.merge_cells(cells)
    book.save(folder / "tu-danh-gia.xlsx")
    return _with(folder, folder / "tu-danh-gia.xlsx")


def register_types(folder: Path) -> list[str]:
    """The example register, its first unit's type «ĐK», its second's empty."""
    args = _score(folder)
    lines = (folder / "communes.csv").read_text("utf-8-sig").splitlines()
    header, first, second, *rest = [line.split(",") for line in lines]
    first[2], second[2] = "ĐK", ""
    register = _write(folder / "danh-sach.csv", [header, first, second, *rest])
    return [*args[:2], "--communes", str(register), *args[4:]]


def export_long_title_vi(folder: Path) -> list[str]:
    """``pari criteria export`` of a set with a title of 40,000 characters (in Vietnamese unless
    the test gives ``--lang en``)."""
    return export_long_title(folder)


CASES: dict[str, Case] = {
    "bad-value-zero-width-in-number": zero_width_in_number,
    "well-appraisal-notes-column": appraisal_notes_column,
    "well-wide-meta-spelled": wide_meta_spelled,
    "unknown-input-near": wide_input_near,
    "well-headings-with-units": headings_with_units,
    "well-merged-group-headings": merged_group_headings,
    "well-register-types": register_types,
    "well-export-cut-mark-vi": export_long_title_vi,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "bad-value-zero-width-in-number": (1, "bad-value", (*_INPUTS, "tu-danh-gia.csv")),
    "well-appraisal-notes-column": (0, None, (*_INPUTS, "tham-dinh.csv")),
    "well-wide-meta-spelled": (0, None, (*_INPUTS, "bieu-ngang.xlsx")),
    "unknown-input-near": (1, "unknown-input", (*_INPUTS, "bieu-ngang.xlsx")),
    "well-headings-with-units": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
    "well-merged-group-headings": (0, None, (*_INPUTS, "tu-danh-gia.xlsx")),
    # Exit 0 before too: tests/test_hostile_decoding31.py looks at the types and the findings.
    "well-register-types": (0, None, (*_INPUTS, "danh-sach.csv")),
    # Exit 0 before too: the test looks at the mark the cut cell ends with.
    "well-export-cut-mark-vi": (0, None, ("bo-chi-so.yaml",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["CASES", "CLERK_HEADINGS", "EXPECTED", "GROUPS", "NOT_WRITTEN", "RETYPED"]
