"""Hostile cases of the thirty-seventh session's helper decoding37: an ordinary officer's file
refused or misread for a cosmetic difference. Measured with the real ``pari`` before the fixes on
main at f7922a5, after them on this branch.

- Codes typed with a curly apostrophe for Excel's text mark: a phone's keyboard, Word's smart
  quotes (a list pasted from a report) and other layouts type ’ (U+2019) or ‘ (U+2018), ʼ
  (U+02BC), ′ (U+2032), ´ (U+00B4), ` or the full-width ＇ (U+FF07) where Excel's straight «'»
  was meant («’00001»). Session 36 read the straight mark as Excel does (intake.sheet.code_text)
  but not these. In the example's long assessments, before: exit 1 and nothing written, each
  unit's code ``unknown-commune`` («commune ’00001 is not in the commune register; the register
  holds 00001 (… quotes)», or «register codes one character away» for ʼ and ′), 3,429 rows
  rejected; in the register: every other input's row of no unit. Now each is the mark, in every
  code column of every input (intake.sheet.TEXT_MARKS, read by code_text wherever the straight
  mark was): the example's results, from CSV and from Parquet alike (a Parquet form and register
  of curly-marked codes: exit 0, 3,849 rows used). Two marks («’’1») were still one mark taken
  until session 38 (tests/hostile_decoding38.py).

- One unknown code told twice: the example's long assessments with unit 00001's code written 1
  (its zeros lost) in its 72 rows, or the survey with three units' codes so. Session 36 told each
  code once in a file (intake.folding.FEWER_OF_KIND), but as two findings: its first row's
  ``unknown-commune`` and a ``findings-folded`` «71 more findings «Unknown commune» not listed, in
  rows 3–73 …», a second line for the same code, counted apart. Before, on the whole example's
  form of codes without zeros (48 codes, --allow-incomplete): 156 findings (48 of them
  findings-folded), a 383 kB workbook, 6.1 s and 167 MB. Now the first row's finding tells the
  others itself («… none of the 5 values of this row was used; the same code is on 71 more rows
  of the file: 3–73», in Vietnamese «mã này còn ở 71 dòng khác của tệp: 3–73»;
  intake.folding.TOLD_IN_FIRST) and stands for them all (its ``size``, counted by
  folding.counted): 108 findings, one a code, a 380 kB workbook, 5.3 s and 167 MB. Every row is
  still in the input rows table with its reason, in the run's language (3,429 rejected), and the
  counts («Unknown commune 3,429»), the summary and the exit status (1) are unchanged. Setting
  PARI_MAX_FINDINGS_OF_A_KIND lists every row again, as before.

- A district's spelling chosen across provinces: the example register with one district named
  «Quận 1» (13 units of Thành phố Hà Nội) and another «Quận 01» of Tỉnh Bắc Ninh (12 units),
  ranked within districts. Since session 36 a number's leading zeros are left out when names are
  compared (intake.tones.alike_name), and a group's spelling was chosen across the whole file
  (ranking.spellings): before, exit 0, the Bắc Ninh district ranked apart (right) but shown as
  «Quận 1, Tỉnh Bắc Ninh» (group_key «Tỉnh Bắc Ninh › Quận 1»), and a ``group-spellings`` warning
  said the two were «ranked as one group, «Quận 1»», which they were not. Now a level's spelling
  is chosen, and told, within the levels above it (ranking.spellings._within: the province's
  code, or its name as compared): each district is shown as its province writes it, no warning;
  two spellings inside one province are still one group, told as before.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); tests/test_hostile_decoding37.py checks what each answers (``EXPECTED``: exit
status, the code that must be printed, and the user's files that must come out byte for byte as
they went in).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_decoding28 import _write
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")

#: The apostrophes typed for Excel's text mark, by case name.
MARKS = {
    "right-quote": "\u2019",
    "left-quote": "\u2018",
    "modifier": "\u02bc",
    "prime": "\u2032",
    "acute": "\u00b4",
    "grave": "`",
    "full-width": "\uff07",
}


def _marked_rows(name: str, mark: str) -> list[list[str]]:
    header, *rows = _rows(name)
    return [header, *([f"{mark}{row[0]}" if row[0] else "", *row[1:]] for row in rows)]


def _form(mark: str) -> Case:
    def case(folder: Path) -> list[str]:
        args = _score(folder)
        args[1] = str(_write(folder / "tu-danh-gia.csv", _marked_rows("assessments_long.csv", mark)))
        return args

    return case


def register_right_quote(folder: Path) -> list[str]:
    args = _score(folder)
    rows = _marked_rows("communes.csv", MARKS["right-quote"])
    args[args.index("--communes") + 1] = str(_write(folder / "danh-sach.csv", rows))
    return args


def parquet_marked(folder: Path) -> list[str]:
    """The example's long form and register saved as Parquet, their codes typed with ’ and ‘."""
    import polars as pl

    args = _score(folder)
    for flag, name, mark, target in (
        (None, "assessments_long.csv", "\u2019", "tu-danh-gia.parquet"),
        ("--communes", "communes.csv", "\u2018", "danh-sach.parquet"),
    ):
        header, *rows = _marked_rows(name, mark)
        frame = pl.DataFrame(rows, schema=dict.fromkeys(header, pl.String), orient="row")
        frame.write_parquet(folder / target)
        args[1 if flag is None else args.index(flag) + 1] = str(folder / target)
    return args


def _zeros_lost(name: str, flag: str | None, target: str, units: int) -> Case:
    """The example's ``name`` (given after ``flag``, or as the assessments) with the leading zeros
    of its first ``units`` units' codes lost (1 for 00001), as Excel writes a code it took for a
    number."""

    def case(folder: Path) -> list[str]:
        header, *rows = _rows(name)
        lost = sorted({row[0] for row in rows})[:units]
        written = [[r[0].lstrip("0") if r[0] in lost else r[0], *r[1:]] for r in rows]
        args = _score(folder)
        args[1 if flag is None else args.index(flag) + 1] = str(_write(folder / target, [header, *written]))
        return args

    return case


def numbered_districts_of_two_provinces(folder: Path) -> list[str]:
    """The example register with its first district named «Quận 1» and its second «Quận 01» of
    another province (Tỉnh Bắc Ninh), ranked within districts."""
    header, *units = _rows("communes.csv")
    first, second = sorted({unit[3] for unit in units})[:2]
    for unit in units:
        if unit[3] == first:
            unit[3] = "Quận 1"
        elif unit[3] == second:
            unit[3:5] = ["Quận 01", "Tỉnh Bắc Ninh"]
    args = _score(folder, "--group-by", "district")
    args[args.index("--communes") + 1] = str(_write(folder / "danh-sach.csv", [header, *units]))
    return args


CASES: dict[str, Case] = {
    **{f"well-form-codes-marked-{name}": _form(mark) for name, mark in MARKS.items()},
    "well-register-codes-marked-right-quote": register_right_quote,
    "well-parquet-codes-marked-curly": parquet_marked,
    "form-code-lost-zeros-told-once": _zeros_lost("assessments_long.csv", None, "tu-danh-gia.csv", 1),
    "survey-codes-lost-zeros-told-once": _zeros_lost("survey.csv", "--survey", "khao-sat.csv", 3),
    "well-register-districts-numbered-alike-in-two-provinces": numbered_districts_of_two_provinces,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    **{f"well-form-codes-marked-{name}": (0, None, (*_INPUTS, "tu-danh-gia.csv")) for name in MARKS},
    "well-register-codes-marked-right-quote": (0, None, (*_INPUTS, "danh-sach.csv")),
    "well-parquet-codes-marked-curly": (0, None, (*_INPUTS, "tu-danh-gia.parquet", "danh-sach.parquet")),
    "form-code-lost-zeros-told-once": (1, "unknown-commune", (*_INPUTS, "tu-danh-gia.csv")),
    "survey-codes-lost-zeros-told-once": (1, "unknown-commune", (*_INPUTS, "khao-sat.csv")),
    "well-register-districts-numbered-alike-in-two-provinces": (0, None, (*_INPUTS, "danh-sach.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["CASES", "EXPECTED", "NOT_WRITTEN"]
