"""Hostile cases of the twenty-seventh session's helper decoding27: files and parts of files read
without a word, and a false word about a column that was given.

- The example's assessments given twice under two names (``tu-danh-gia.csv`` and its copy
  ``tu-danh-gia (1).csv``, a form downloaded twice). Measured before the fix (b4a3bb8): exit 0,
  11,998 ``duplicate-row`` warnings, and no word of which file was the copy. Now refused before
  anything is read, once (``input-same-content``, exit 2), naming both files.

- The example's assessments as an .xlsx whose rows 10 to 20 are hidden and whose self-score
  column (E) is hidden, as Excel writes them (``<row hidden="1">``, ``<col hidden="1">``).
  Measured before the fix: exit 0, no finding (3,849 rows read, hidden ones scored as the
  others). Now read as before and told: ``hidden-rows`` (rows 10–20) and ``hidden-columns``
  («self_score»), warnings on the Findings sheet.

- The assessments in two files: values and self-scores in one, the evidence (number, date, file)
  of the items that have it in the other. Measured before the fix: exit 0 and a
  ``self-score-column-absent`` warning on the evidence file ("the commune's own scores were not
  compared"), although they were. Now a sheet of evidence alone is not asked for self-scores.

- The survey as an .ods whose rows 3 to 5 a filter hides (``table:visibility="filter"``), a
  million empty rows below it hidden in one element. Measured before the fix: exit 0, no
  finding. Now ``hidden-rows`` (rows 3–5) as for an .xlsx.

- Hải Phòng's set (ranked within districts) scored with a register of code, name and type only.
  Measured before the fix: exit 0, every unit ranked in one group of 36, told by two
  ``group-value-empty`` warnings, "36 ranked units have no «district» in the register", as if each
  unit had left its cell empty. Now ``group-column-absent``: the register has no such column, all
  36 were ranked as one group (a warning: a one-province register without ``province`` is
  ranked rightly so).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding27.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
#: The hidden rows and column of the hidden-parts case (sheet rows, header = 1; column E).
HIDDEN_ROWS = range(10, 21)
HIDDEN_COLUMN = "E"


def same_form_under_two_names(folder: Path) -> list[str]:
    """The assessments and a byte-for-byte copy of them under another name."""
    args = _score(folder)
    first = folder / "tu-danh-gia.csv"
    shutil.copy(folder / "assessments_long.csv", first)
    shutil.copy(first, folder / "tu-danh-gia (1).csv")
    args[1:2] = [str(first), str(folder / "tu-danh-gia (1).csv")]
    return args


def write_hidden_xlsx(path: Path, rows: list[list[str]]) -> Path:
    """``rows`` as a one-sheet .xlsx (openpyxl) with HIDDEN_ROWS and HIDDEN_COLUMN hidden."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "data"
    for row in rows:
        sheet.append(row)
    for number in HIDDEN_ROWS:
        sheet.row_dimensions[number].hidden = True
    sheet.column_dimensions[HIDDEN_COLUMN].hidden = True
    book.save(path)
    return path


def hidden_rows_and_column(folder: Path) -> list[str]:
    """The assessments as an .xlsx with rows 10–20 and the self-score column hidden."""
    path = write_hidden_xlsx(folder / "tu-danh-gia.xlsx", _rows("assessments_long.csv"))
    return _score(folder, assessments=path)


def evidence_in_its_own_file(folder: Path) -> list[str]:
    """Values and self-scores in one file, the evidence of the items that have it in another."""
    header, *rows = _rows("assessments_long.csv")
    parts = {
        "gia-tri.csv": ["commune_code", "criterion_id", "input", "value", "self_score", "explanation", "n/a"],
        "minh-chung.csv": ["commune_code", "criterion_id", "evidence_number", "evidence_date", "evidence_file"],
    }
    for name, columns in parts.items():
        kept = [header.index(c) for c in columns]
        given = [r for r in rows if name == "gia-tri.csv" or r[header.index("evidence_file")]]
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([columns, *([r[i] for i in kept] for r in given)])
    args = _score(folder)
    args[1:2] = [str(folder / name) for name in parts]
    return args


def register_without_districts(folder: Path) -> list[str]:
    """Hải Phòng's example scored with its register cut to code, name and type."""
    hai_phong = Path(__file__).resolve().parent.parent / "examples" / "hai-phong-2022"
    header, *rows = _rows("hai-phong-2022/communes.csv")
    with (folder / "communes.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([r[:3] for r in [header, *rows]])
    for name in ("assessments_long.csv", "survey.csv"):
        shutil.copy(hai_phong / name, folder / name)
    args = _score(folder)
    criteria = Path(__file__).resolve().parent.parent / "criteria" / "hai-phong-2022-commune.yaml"
    return [*args, "--criteria", str(criteria)]


def ods_survey_hidden_rows(folder: Path) -> list[str]:
    """The survey as an .ods whose rows 3 to 5 a filter hides, and a million empty rows below the
    table hidden by hand in one element (as LibreOffice writes a sheet's unused rows)."""
    from hostile_decoding25 import ods_text
    from hostile_decoding26 import _row, write_ods_rows

    header, *rows = _rows("survey.csv")
    sheet = [_row([ods_text(t) for t in header])]
    for n, row in enumerate(rows, start=2):
        sheet.append(_row([ods_text(t) for t in row], ' table:visibility="filter"' if 3 <= n <= 5 else ""))
    sheet.append('<table:table-row table:visibility="collapse" table:number-rows-repeated="1000000">')
    sheet.append("<table:table-cell/></table:table-row>")
    args = _score(folder)
    args[args.index("--survey") + 1] = str(write_ods_rows(folder / "khao-sat.ods", sheet))
    return args


CASES: dict[str, Case] = {
    "input-same-content": same_form_under_two_names,
    "well-hidden-rows-and-column": hidden_rows_and_column,
    "well-evidence-in-its-own-file": evidence_in_its_own_file,
    "well-register-without-districts": register_without_districts,
    "well-ods-hidden-rows": ods_survey_hidden_rows,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "input-same-content": (2, "input-same-content", (*_INPUTS, "tu-danh-gia.csv", "tu-danh-gia (1).csv")),
    # Exit 0 before too: tests/test_hostile_decoding27.py looks for the findings in the results.
    "well-hidden-rows-and-column": (0, None, (*_INPUTS, "tu-danh-gia.xlsx")),
    "well-evidence-in-its-own-file": (0, None, (*_INPUTS, "gia-tri.csv", "minh-chung.csv")),
    "well-register-without-districts": (0, None, _INPUTS),
    "well-ods-hidden-rows": (0, None, (*_INPUTS, "khao-sat.ods")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {"input-same-content": ("out.xlsx",)}

__all__ = ["CASES", "EXPECTED", "NOT_WRITTEN"]
