"""Hostile cases of the thirty-ninth session's helper complete39: every input row scored or
reported. Each was run with the real ``pari`` on a6bdad8 (before) and after the fix (the example
province, 60 communes, its long assessments made hostile):

- A second table under the long form's data, after two blank rows: its headings ``ghi chú,người
  lập,ngày`` and one line of it (``xã 00001 nộp muộn,Nguyễn Văn A,01/02/2025``). Both rows read
  as a code, an item and an input with no value: «Input rows: 3,851 read, 3,849 used, 0 rejected,
  2 with nothing to score», exit 0, the two rows ``nothing to score`` in the input rows table
  with no reason and no finding: nothing told that they were not the set's items at all. A row
  with no value gives no cell, so no check looked at its item (``unknown-criterion`` is a cell's).
  Now each is the warning ``unread-row-item`` at its row, its message the row's reason in the
  table (``intake.unplaced_rows``; ``intake.ledger.source_ledger`` keeps it ``empty``).

- An answer typed into the input column: ``00001,1.1.1,04/06/2025,,`` (item 1.1.1 has one input,
  the date in its place). Before: the row ``nothing to score``, no finding but 00001's item
  1.1.1 «not assessed», exit 0, the date lost without a word; with the row's self-score and
  evidence beside it, the row ``scored`` and not a word either. Now ``unread-row-input`` at the
  row, «criterion 1.1.1 has no input named «04/06/2025» (the answer written in the input
  column?)».

- Heading rows of a printed form (``00001,1,,,`` and ``00001,1.1,,,``: groups of the set) and an
  item left blank (``00001,1.1.2,,,``): a blank answer, as before; no warning (measured: not
  told before nor after).

- The ``--survey`` file's rows in the input rows table: their ``input`` «tự đánh giá» / «self
  assessment» (the example's 360 survey rows), though the results' words and data-formats.md
  have ``survey`` («điều tra xã hội học») for them. Now ``survey``
  (``scoring.run._survey_rows_named``; tests/test_hostile_complete38.py's survey case and
  tests/test_results_words.py pin it).

- An .ods register of the example's 60 units above 1,500 rows of six formulas whose result is
  the empty text (``=IF(…;"";…)`` filled down, saved ``office:string-value=""`` with an empty
  paragraph), ``PARI_MAX_REGISTER_ROWS=1000``: «1,560 rows, more than the 1,000 read from the
  register» (``too-many-rows``, exit 1, 7.3 s, 107 MB), though calamine reads the 60 units alone
  (the .xlsx's and the .xls's scans count such cells empty since sessions 36 and 38). Now the
  .ods scan does too (``intake.xlsx.ods_scan._EMPTY_TEXT``): read, 60 units registered, exit 0.

Tried and found sound (no case here): a file named ``.XLSX``, ``.xlsm`` or ``.csv.txt`` is read
as its content is; Excel's ``~$`` lock file is ``office-lock-file``; a folder is
``is-a-directory``; an item no unit answered is «not assessed» at each unit; a total row and the
headings repeated (complete38); hidden and filtered rows (``hidden-rows``, sessions 25–26).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``ROWS`` each case's
rows (their numbers in the file) and the warning kind each must carry (None: none).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_decoding25 import ods_text, write_ods
from hostile_sweep8 import _examples, _score

Case = Callable[[Path], list[str]]

#: The example's long form: its heading and first three rows (items 1.1.1 and 1.1.2 of 00001).
_ROW_1_1_1 = "00001,1.1.1,,04/06/2025,1,72/KH-UBND,04/06/2025,1_1_1_KH_72_2025.pdf,,"


def _form(folder: Path, name: str, edit: Callable[[list[str]], list[str]]) -> list[str]:
    """The example's long assessments with ``edit`` made to its lines, written as ``name``."""
    lines = _examples(folder)["assessments_long"].read_text(encoding="utf-8-sig").splitlines()
    assert lines[1] == _ROW_1_1_1, lines[1]
    path = folder / name
    path.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")
    return _score(folder, assessments=path)


def form_second_table_below(folder: Path) -> list[str]:
    notes = ["", "", "ghi chú,người lập,ngày", "xã 00001 nộp muộn,Nguyễn Văn A,01/02/2025"]
    return _form(folder, "second_table.csv", lambda lines: lines + notes)


def form_answer_in_input_column(folder: Path) -> list[str]:
    def edit(lines: list[str]) -> list[str]:
        return [lines[0], "00001,1.1.1,04/06/2025,,,,,,,", *lines[2:]]

    return _form(folder, "answer_in_input.csv", edit)


def form_answer_in_input_beside_self_score(folder: Path) -> list[str]:
    def edit(lines: list[str]) -> list[str]:
        return [lines[0], _ROW_1_1_1.replace(",,04/06/2025,", ",04/06/2025,,", 1), *lines[2:]]

    return _form(folder, "answer_beside_score.csv", edit)


def form_heading_and_blank_rows(folder: Path) -> list[str]:
    def edit(lines: list[str]) -> list[str]:
        return [lines[0], "00001,1,,,,,,,,", "00001,1.1,,,,,,,,", lines[1], "00001,1.1.2,,,,,,,,", *lines[2:]]

    return _form(folder, "headings.csv", edit)


#: Rows of formulas under the .ods register: past PARI_MAX_REGISTER_ROWS=1000 with its 60 units.
FORMULA_ROWS = 1_500
#: A formula whose result is the empty text, as LibreOffice saves it.
_EMPTY_TEXT_FORMULA = (
    '<table:table-cell table:formula="of:=IF([.A2]=&quot;&quot;;&quot;&quot;;&quot;&quot;)" '
    'office:value-type="string" office:string-value="" calcext:value-type="string"><text:p/></table:table-cell>'
)


def ods_register_above_formulas(folder: Path, text: bool = False) -> list[str]:
    """The register as an .ods above :data:`FORMULA_ROWS` rows of six formulas whose result is
    the empty text; with ``text``, of six cells of text instead (a register that long)."""
    lines = _examples(folder)["communes"].read_text(encoding="utf-8-sig").splitlines()
    rows = [[ods_text(cell) for cell in line.split(",")] for line in lines]
    below = ods_text("x") if text else _EMPTY_TEXT_FORMULA
    register = write_ods(folder / "communes.ods", rows + [[below] * 6] * FORMULA_ROWS)
    args = _score(folder)
    args[args.index("--communes") + 1] = str(register)
    return args


CASES: dict[str, Case] = {
    "form-second-table-below": form_second_table_below,
    "form-answer-in-input-column": form_answer_in_input_column,
    "form-answer-in-input-beside-self-score": form_answer_in_input_beside_self_score,
    "form-heading-and-blank-rows": form_heading_and_blank_rows,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "form-second-table-below": (0, None, ("second_table.csv",)),
    "form-answer-in-input-column": (0, None, ("answer_in_input.csv",)),
    "form-answer-in-input-beside-self-score": (0, None, ("answer_beside_score.csv",)),
    "form-heading-and-blank-rows": (0, None, ("headings.csv",)),
}

#: Each case's rows looked at: (row, status in the input rows table, warning kind at it or None).
ROWS: dict[str, list[tuple[int, str, str | None]]] = {
    "form-second-table-below": [(3433, "empty", "unread-row-item"), (3434, "empty", "unread-row-item")],
    "form-answer-in-input-column": [(2, "empty", "unread-row-input")],
    "form-answer-in-input-beside-self-score": [(2, "scored", "unread-row-input")],
    "form-heading-and-blank-rows": [(2, "empty", None), (3, "empty", None), (5, "empty", None)],
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
