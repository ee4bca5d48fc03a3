"""Hostile cases of the thirty-eighth session's helper decoding38: text that a clerk sees as one
thing and pari-index read as another, or refused for a character nobody sees. Measured with the
real ``pari`` on main at 5bf6759 before the fixes, after them on this branch.

- Two marks, or a mark and a space, before a code: the example's long assessments with every code
  typed ``''00001`` (a mark typed in Excel over a marked cell) or ``’ 00001`` (a phone's keyboard
  puts a space after an apostrophe). Before: exit 1, nothing written, 3,429 rows
  ``unknown-commune`` («commune '00001 is not in the commune register; the register holds 00001
  …»). Now every mark and space before the code is the text mark (intake.sheet.code_text): the
  example's results.

- Excel's text formula around a code, ``="00001"``, as a CSV written for Excel keeps the zeros
  (Excel shows 00001). Before: exit 1, the unit's 72 rows ``unknown-commune``; in the register,
  every input's rows of the unit. Now the code inside (sheet.code_text, values.TEXT_FORMULA).

- A number with a character nothing shows, or Excel's text formula: survey rates typed
  ``9<U+200B>5``, ``<U+FEFF>95``, ``95<U+2060>``, ``95<U+00AD>`` (pasted from a web page, a chat
  or Word) or ``="95"``. Before: exit 1, each ``bad-value`` «95 is not a percentage from 0 to
  100» as a terminal shows it, the survey item scored 0. Now read as the clerk sees it
  (intake.values.as_shown, in cell_checks.check_and_type and meta's self-scores and evidence
  dates): the example's results. A rate typed with the minus sign U+2212 (``−95``) was
  ``bad-value``; it is now the negative number it shows, refused as ``negative-value``.

- The same in an appraisal's score: the council's 0 typed ``０`` (full-width), ``0<U+200B>`` or
  ``="0"``. Before: exit 1, ``bad-score`` «score ０ is not a number of points». Now read as the
  council sees it (intake.appraisal, values.as_shown), as the forms' self-scores are.

- Excel's separator line naming another separator than the table's: ``sep=,`` above a table
  written with ``;`` (decimal commas in its cells). Before: exit 0 without a word, though Excel
  opens the file as another table (every ``0,5`` two cells). Now read as before, at the column
  names' separator, with the warning ``csv-separator-line-differs`` at line 1
  (intake.csv_input._separator_line_differs).

- A workbook written by a program that leaves its formulas to be calculated when opened
  (``fullCalcOnLoad``, xlsxwriter's and openpyxl's way): the survey as xlsxwriter writes it, the
  first unit's rates the formula ``=90+5``, its result stored as 0. Before: exit 0 without a word,
  the unit's survey part 0 of 30 (Excel shows 95 in every cell). Now read as stored, with the
  warning ``formula-result-not-calculated`` at the sheet's first such cell
  (intake.xlsx.reading._uncalculated_formula; package._calculated_on_load).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); tests/test_hostile_decoding38.py checks what each answers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from hostile_decoding28 import _write
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")

#: How a code is typed, by case name: ``{}`` stands for the code.
CODE_SPELLINGS = {
    "two-marks": "''{}",
    "curly-and-straight-marks": "\u2019'{}",
    "mark-and-space": "\u2019 {}",
    "mark-and-no-break-space": "'\u00a0{}",
    "text-formula": '="{}"',
}
#: How a survey rate is typed, by case name: ``{}`` stands for the rate.
RATE_SPELLINGS = {
    "zero-width-space-inside": "{}",  # the zero-width space goes after the first digit
    "byte-order-mark-before": "\ufeff{}",
    "word-joiner-after": "{}\u2060",
    "soft-hyphen-after": "{}\u00ad",
    "text-formula": '="{}"',
}


def _inside(rate: str) -> str:
    return rate[:1] + "\u200b" + rate[1:]


def _spelled_codes(name: str, spelling: str) -> list[list[str]]:
    header, *rows = _rows(name)
    return [header, *([spelling.format(row[0]) if row[0] else "", *row[1:]] for row in rows)]


def _codes(flag: str | None, name: str, target: str, spelling: str) -> Case:
    def case(folder: Path) -> list[str]:
        args = _score(folder)
        written = _write(folder / target, _spelled_codes(name, spelling))
        args[1 if flag is None else args.index(flag) + 1] = str(written)
        return args

    return case


def _rates(spelling: str) -> Case:
    """The example's survey with every rate of its first unit typed so."""

    def case(folder: Path) -> list[str]:
        header, *rows = _rows("survey.csv")
        first = rows[0][0]
        for row in rows:
            if row[0] == first and row[3]:
                rate = _inside(row[3]) if spelling == "{}" else spelling.format(row[3])
                row[3] = rate
        args = _score(folder)
        args[args.index("--survey") + 1] = str(_write(folder / "khao-sat.csv", [header, *rows]))
        return args

    return case


def minus_sign_rate(folder: Path) -> list[str]:
    """The example's survey with one rate typed with the minus sign U+2212, «−95»."""
    header, *rows = _rows("survey.csv")
    rows[0][3] = "\u221295"
    args = _score(folder)
    args[args.index("--survey") + 1] = str(_write(folder / "khao-sat.csv", [header, *rows]))
    return args


def separator_line_of_another_separator(folder: Path) -> list[str]:
    """The example's long assessments written with «;» and decimal commas (a Vietnamese Windows'
    list separator), under Excel's separator line ``sep=,``."""
    header, *rows = _rows("assessments_long.csv")
    score = header.index("self_score")
    rows = [[cell.replace(".", ",") if i == score else cell for i, cell in enumerate(row)] for row in rows]
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([header, *rows])
    args = _score(folder)
    written = folder / "tu-danh-gia.csv"
    written.write_text("sep=,\r\n" + out.getvalue(), encoding="utf-8")
    args[1] = str(written)
    return args


def survey_of_uncalculated_formulas(folder: Path) -> list[str]:
    """The example's survey as a workbook written by xlsxwriter, the first unit's rates formulas
    (``=90+5``) whose results it stores as 0, as it does unless told a value: Excel shows 95."""
    import xlsxwriter

    header, *rows = _rows("survey.csv")
    first = rows[0][0]
    book = xlsxwriter.Workbook(str(folder / "khao-sat.xlsx"))
    sheet = book.add_worksheet("Khảo sát")
    sheet.write_row(0, 0, header)
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, row[:3], book.add_format({"num_format": "@"}) if number == 1 else None)
        if row[0] == first:
            sheet.write_formula(number, 3, "=90+5", None, 0)
        else:
            sheet.write_string(number, 3, row[3])
    book.close()
    args = _score(folder)
    args[args.index("--survey") + 1] = str(folder / "khao-sat.xlsx")
    return args


#: How an appraised score is typed, by case name.
SCORE_SPELLINGS = {"full-width": "\uff10", "zero-width-space": "0\u200b", "text-formula": '="0"'}


def _appraisal_score(spelling: str) -> Case:
    """The example run with its appraisal, the first score (a council's 0) typed so."""

    def case(folder: Path) -> list[str]:
        header, *rows = _rows("appraisal.csv")
        first = next(row for row in rows if row[header.index("score")])
        first[header.index("score")] = spelling
        args = _score(folder)
        return [*args, "--appraisal", str(_write(folder / "tham-dinh.csv", [header, *rows]))]

    return case


CASES: dict[str, Case] = {
    **{
        f"well-form-codes-{name}": _codes(None, "assessments_long.csv", "tu-danh-gia.csv", spelling)
        for name, spelling in CODE_SPELLINGS.items()
    },
    "well-register-codes-text-formula": _codes("--communes", "communes.csv", "danh-sach.csv", '="{}"'),
    "well-survey-codes-mark-and-space": _codes("--survey", "survey.csv", "khao-sat.csv", "' {}"),
    **{f"well-survey-rates-{name}": _rates(spelling) for name, spelling in RATE_SPELLINGS.items()},
    "survey-rate-minus-sign": minus_sign_rate,
    "well-separator-line-of-another-separator": separator_line_of_another_separator,
    "survey-formulas-not-calculated": survey_of_uncalculated_formulas,
    **{f"well-appraisal-score-{name}": _appraisal_score(spelling) for name, spelling in SCORE_SPELLINGS.items()},
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    **{f"well-form-codes-{name}": (0, None, (*_INPUTS, "tu-danh-gia.csv")) for name in CODE_SPELLINGS},
    "well-register-codes-text-formula": (0, None, (*_INPUTS, "danh-sach.csv")),
    "well-survey-codes-mark-and-space": (0, None, (*_INPUTS, "khao-sat.csv")),
    **{f"well-survey-rates-{name}": (0, None, (*_INPUTS, "khao-sat.csv")) for name in RATE_SPELLINGS},
    "survey-rate-minus-sign": (1, "negative-value", (*_INPUTS, "khao-sat.csv")),
    "well-separator-line-of-another-separator": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
    "survey-formulas-not-calculated": (0, None, (*_INPUTS, "khao-sat.xlsx")),
    **{f"well-appraisal-score-{name}": (0, None, (*_INPUTS, "tham-dinh.csv")) for name in SCORE_SPELLINGS},
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["CASES", "CODE_SPELLINGS", "EXPECTED", "NOT_WRITTEN", "RATE_SPELLINGS", "SCORE_SPELLINGS"]
