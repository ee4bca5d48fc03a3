"""Hostile cases of the fortieth session's helper complete40: every input row scored or reported,
and a unit ranked on refused input said so at its own row. Each was run with the real ``pari``
on 81e533d (before) and after the fix (the example province, 60 communes):

- Every value of unit 00001 refused: its long-form rows' values ``?!`` and self-scores ``abc``
  (72 rows). Before: exit 1, the banner «28 rows rejected and 44 rows only partly used in 1
  file», but 00001 ranked 56/60 on its survey alone (28 points), its summary row ``submitted``
  with 2 items «not assessed», its items «ok» at 0 points: nothing at the unit said its
  self-assessment was refused. Now its summary row has ``items_rejected`` 50 (the items at which
  an error sits), the report's unit details too (``scoring.run.with_items_rejected``); the others 0.

- A clerk's rows in the sheet «Hướng dẫn»: the example's wide workbook with its last six units'
  rows moved under the form's headings into a sheet of that name. Before: exit 0, «54 communes
  sent no self-assessment», not a word of the sheet (a sheet so named is never read). Now the
  error ``instructions-sheet-has-data`` at the sheet, a part not read (the banner, exit 1).

- The wide workbook's own ``readme`` sheet renamed «Hướng dẫn» (three lines of text): not read
  and not told, as before (the control of the case above).

Tried and found sound (no case here): a sheet whose headings are on row 5 or 9 below a title
(``title-row``, read); a chart sheet (skipped, its data sheet read); an appraisal row of a unit
that sent nothing, or for an item the unit never answered (applied, ``appraisal-correction``);
one unit in two files with other answers (``conflicting-values``); a register listing a code
twice under two names (``duplicate-commune``); an item id typed ``1.1.l`` (``unknown-criterion``).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
from hostile_sweep8 import _examples, _score

Case = Callable[[Path], list[str]]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: The unit whose every value and self-score is refused.
REFUSED_UNIT = "00001"
#: The wide workbook's rows (below its headings) moved to the instructions sheet.
MOVED_ROWS = 6


def form_every_value_refused(folder: Path) -> list[str]:
    lines = _examples(folder)["assessments_long"].read_text(encoding="utf-8-sig").splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        fields = line.split(",")
        if fields[0] == REFUSED_UNIT:
            fields[3], fields[4] = "?!", "abc"
        out.append(",".join(fields))
    path = folder / "every_value_refused.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return _score(folder, assessments=path)


def _wide(folder: Path, name: str, edit: Callable[[openpyxl.Workbook], None]) -> list[str]:
    book = openpyxl.load_workbook(EXAMPLES / "assessments_wide.xlsx")
    edit(book)
    path = folder / name
    book.save(path)
    return _score(folder, assessments=path)


def wide_rows_in_instructions_sheet(folder: Path) -> list[str]:
    def edit(book: openpyxl.Workbook) -> None:
        data = book["data"]
        rows = list(data.iter_rows(values_only=True))
        guide = book.create_sheet("Hướng dẫn")
        for row in [rows[0], *rows[-MOVED_ROWS:]]:
            guide.append(row)
        data.delete_rows(len(rows) - MOVED_ROWS + 1, MOVED_ROWS)

    return _wide(folder, "instructions.xlsx", edit)


def wide_rows_in_hidden_instructions_sheet(folder: Path) -> list[str]:
    """The case above with the sheet named «Huong dan» and hidden (review of session 40: skipped
    with no word, exit 0, where a hidden sheet of another name is ``hidden-sheet``)."""

    def edit(book: openpyxl.Workbook) -> None:
        data = book["data"]
        rows = list(data.iter_rows(values_only=True))
        guide = book.create_sheet("Huong dan")
        for row in [rows[0], *rows[-MOVED_ROWS:]]:
            guide.append(row)
        guide.sheet_state = "hidden"
        data.delete_rows(len(rows) - MOVED_ROWS + 1, MOVED_ROWS)

    return _wide(folder, "hidden_instructions.xlsx", edit)


def wide_instructions_of_text(folder: Path) -> list[str]:
    def edit(book: openpyxl.Workbook) -> None:
        book["readme"].title = "Hướng dẫn"

    return _wide(folder, "instructions_text.xlsx", edit)


CASES: dict[str, Case] = {
    "form-every-value-refused": form_every_value_refused,
    "wide-rows-in-instructions-sheet": wide_rows_in_instructions_sheet,
    "wide-instructions-of-text": wide_instructions_of_text,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "form-every-value-refused": (1, "bad-value", ("every_value_refused.csv",)),
    "wide-rows-in-instructions-sheet": (1, "instructions-sheet-has-data", ("instructions.xlsx",)),
    "wide-instructions-of-text": (0, None, ("instructions_text.xlsx",)),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
