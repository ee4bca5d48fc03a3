"""Hostile cases of the thirty-sixth session's helper codes36: a unit's code, the key that joins
every input, written as an officer's Excel writes it. Measured before the fixes on main at 28348be
(its ``src`` run with this worktree's venv), after them on this branch.

- Codes typed with Excel's text mark, the apostrophe an officer types before «00001» to keep its
  zeros: Excel hides it, but a CSV written by another program, or cells copied and pasted as text,
  keep it («'00001»). In the example's long assessments, before: exit 1 and nothing written, 3,429
  ``unknown-commune`` errors («commune '00001 is not in the commune register; the register holds
  00001 (the same code written otherwise …)») and ``file-unread``. In the register, the survey or
  the wide form: exit 1 (every row of the other inputs, or of the file, of no unit). In the
  appraisal: exit 1, each row ``unknown-commune``. In the lineage table: exit 0, its two rows
  ``lineage-code-of-no-unit`` (warnings) and the merger not read. Now a single mark before a code
  is read as Excel reads it, in every code column of every input (intake.sheet.code_text, applied
  by rename_columns, through which every reader names its columns, by the long form's ranged
  reader and by last year's results' reader): the example's results, and the lineage's merger.

- «'00001» listed again beside 00001 in one register (another name). Before: exit 0, 61 units
  ranked, the copy a unit that sent nothing, nothing told (the two codes differed). Now one code
  written twice: ``duplicate-commune`` at the copy's row (exit 1, the run incomplete).

- The zeros flood: the example's long assessments with the codes' leading zeros lost (Excel took
  them for numbers: 1 for 00001). Every unit's (48 codes), before: 3,429 ``unknown-commune``
  findings, one a row (72 a code; a findings sheet of 3,489 rows, a 560 kB workbook). Now each
  code is told once in each file (intake.folding.FEWER_OF_KIND): its first row, with the
  register's code nearest («the register holds 00001: the code lost its leading zeros»), and one
  ``findings-folded`` counting the others and naming their rows: 156 findings, a 382 kB workbook;
  the 50 lines the console prints name 25 codes (before: code 1's first 50 rows). The input rows
  table is unchanged (3,429 rows rejected, each with its reason), as are the summary and the exit
  status (1: the file could not be used). Setting PARI_MAX_FINDINGS_OF_A_KIND lists every row
  again (its hint stays true). Measured: 3.8 s and 164 MB for the run, as before. The case here
  takes the first 12 units' codes (the run's printed lines stay short); the test of the whole
  example is tests/test_hostile_codes36.py's.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); tests/test_hostile_codes36.py checks what each answers (``EXPECTED``: exit status,
the code that must be printed, and the user's files that must come out byte for byte as they went
in).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_decoding28 import _write
from hostile_sweep8 import EXAMPLES, _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")


def marked(code: str) -> str:
    """``code`` with Excel's text mark before it."""
    return f"'{code}" if code else code


def _marked_rows(name: str, columns: tuple[int, ...] = (0,)) -> list[list[str]]:
    header, *rows = _rows(name)
    return [header, *([marked(c) if i in columns else c for i, c in enumerate(row)] for row in rows)]


def marked_form(folder: Path) -> list[str]:
    args = _score(folder)
    args[1] = str(_write(folder / "tu-danh-gia.csv", _marked_rows("assessments_long.csv")))
    return args


def marked_register(folder: Path) -> list[str]:
    args = _score(folder)
    args[args.index("--communes") + 1] = str(_write(folder / "danh-sach.csv", _marked_rows("communes.csv")))
    return args


def marked_survey(folder: Path) -> list[str]:
    args = _score(folder)
    args[args.index("--survey") + 1] = str(_write(folder / "khao-sat.csv", _marked_rows("survey.csv")))
    return args


def marked_appraisal(folder: Path) -> list[str]:
    return [*_score(folder), "--appraisal", str(_write(folder / "tham-dinh.csv", _marked_rows("appraisal.csv")))]


def marked_wide(folder: Path) -> list[str]:
    """The example's wide form, its codes pasted as text with the mark (cells of text in the workbook)."""
    import openpyxl

    book = openpyxl.load_workbook(EXAMPLES / "assessments_wide.xlsx")
    sheet = book["data"]
    for (cell,) in sheet.iter_rows(min_row=2, max_col=1):
        if cell.value:
            cell.value = marked(str(cell.value))
    book.save(folder / "bang-ngang.xlsx")
    args = _score(folder)
    args[1:2] = [args[1], str(folder / "bang-ngang.xlsx")]
    return args


def marked_lineage(folder: Path) -> list[str]:
    """The example with last year's results (its own) and a lineage table of marked codes: 00004
    merged into 00001."""
    from children import pari_child

    done = pari_child(_score(folder, out="nam-truoc.xlsx"), folder)
    assert done.returncode == 0, done.stdout + done.stderr
    table = [["old_code", "new_code"], ["'00001", "'00001"], ["'00004", "'00001"]]
    lineage = _write(folder / "noi-ma.csv", table)
    return [*_score(folder), "--previous", str(folder / "nam-truoc.xlsx"), "--lineage", str(lineage)]


def register_marked_and_plain(folder: Path) -> list[str]:
    """The example register with unit 00001 listed again as «'00001» (another name)."""
    header, *rows = _rows("communes.csv")
    copy = [marked(rows[0][0]), "Phường Khác", *rows[0][2:]]
    args = _score(folder)
    args[args.index("--communes") + 1] = str(_write(folder / "danh-sach.csv", [header, *rows, copy]))
    return args


def zeros_lost(folder: Path, units: int | None = 12) -> list[str]:
    """The example's long assessments with the leading zeros of the first ``units`` units' codes
    lost (1 for 00001; every unit's with None)."""
    header, *rows = _rows("assessments_long.csv")
    lost = sorted({row[0] for row in rows})[:units]
    args = _score(folder, "--allow-incomplete")
    written = [[r[0].lstrip("0") if r[0] in lost else r[0], *r[1:]] for r in rows]
    args[1] = str(_write(folder / "tu-danh-gia.csv", [header, *written]))
    return args


CASES: dict[str, Case] = {
    "well-form-codes-marked": marked_form,
    "well-register-codes-marked": marked_register,
    "well-survey-codes-marked": marked_survey,
    "well-appraisal-codes-marked": marked_appraisal,
    "well-wide-codes-marked": marked_wide,
    "well-lineage-codes-marked": marked_lineage,
    "register-code-marked-and-plain": register_marked_and_plain,
    "form-codes-lost-zeros": zeros_lost,  # the first 12 units' (the run's output stays short)
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "well-form-codes-marked": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
    "well-register-codes-marked": (0, None, (*_INPUTS, "danh-sach.csv")),
    "well-survey-codes-marked": (0, None, (*_INPUTS, "khao-sat.csv")),
    "well-appraisal-codes-marked": (0, None, (*_INPUTS, "tham-dinh.csv")),
    "well-wide-codes-marked": (0, None, (*_INPUTS, "bang-ngang.xlsx")),
    "well-lineage-codes-marked": (0, None, (*_INPUTS, "noi-ma.csv", "nam-truoc.xlsx")),
    "register-code-marked-and-plain": (1, "duplicate-commune", (*_INPUTS, "danh-sach.csv")),
    "form-codes-lost-zeros": (1, "unknown-commune", (*_INPUTS, "tu-danh-gia.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["CASES", "EXPECTED", "NOT_WRITTEN"]
