"""Hostile cases of the fortieth session's helper decoding40: a table headed in both languages, a
soft hyphen inside a Unicode syllable taken for TCVN3's «ư», input names with Cyrillic letters,
a satisfaction rate «1,5» among rates in the hundreds.
Measured with the real ``pari`` on main at 81e533d before the fix, after it on this branch.

- A heading row in the other language under (or over) the header: a template or a province's
  form headed in Vietnamese and English, the register as «Mã, Tên, Loại, Huyện, Tỉnh, Ghi chú»
  over the example's own header row «code, name, type, …», or its English header over a
  Vietnamese row. A header repeated word for word has been a ``header-repeated`` warning since
  session 12; in the other language it was data. Before: the register's second heading row
  was a unit, code «code» (or «Mã»), named «name», of a province «province», ranked first in
  its own group, with «1 unit without survey results, 1 unit did not submit» on every page (exit 0,
  61 units); the long form's or the survey's was a row of an unknown criterion «criterion_id»
  (or «Mã tiêu chí»): ``unknown-criterion`` errors, exit 1, the run marked incomplete. Now the row
  is ``header-repeated`` (intake.grid._repeated_headers: a cell names its column when it is a
  heading of the same field in the table that reads it), the example's results otherwise.

- A soft hyphen (U+00AD, Word's or a web page's hyphenation point, pasted with the text) inside a
  Unicode syllable after its first consonants: the example's register with every third unit's
  name typed «Ph<U+00AD>ường …» (note39 left «Th<U+00AD>ành» so). TCVN3's «ư» is that byte, after
  a syllable's first consonants; but in TCVN3 the letter after a bare «ư» is an ASCII letter or a
  form of «ơ» (bytes 0xEA–0xEE), never «ư» or «à». Before: exit 0, a warning
  ``legacy-font-some``, «8 words look typed with a legacy Vietnamese font (TCVN3/ABC or VNI) …
  e.g. «Ph<U+00AD>ường»», telling the clerk to convert Unicode names with Unikey. Now no such
  warning: the example's results (letters.legacy_encoding._NOT_AFTER_U).

- Input names typed with letters of another alphabet drawn as Latin ones: the example's long form
  with every «a», «o», «c» of its input column typed as the Cyrillic «а», «о», «с» (a Russian
  keyboard layout left on, a list pasted from a document that had one). Before: exit 1, 2,272
  ``unknown-input`` errors «item 1.1.2 has no input named tаsks; did you mean …?» (the clerk sees
  «tasks» in the message and in the cell), 981 rows rejected. Now the names match as the set
  writes them (intake.cell_checks.input_name_key folds them with intake.tones.alike_letters, as
  a register's names and a table's headings are): the example's results.

- A satisfaction rate typed «1,5» among a unit's rates in the hundreds (note39): the example's
  survey with commune 00001's rate of item 10.1.1 written «1,5» (its others 100). Before: exit 0,
  scored as 1,5 % satisfied without a word. No reading of it an official would agree on (15?
  91,5?), so it is scored as written and told: a warning ``survey-rate-far-below`` at its cell
  (intake.value_checks._warn_rates_far_below). Written «1,5 %», it is a rate as low as written,
  and nothing is said.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); tests/test_hostile_decoding40.py checks what each answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_decoding28 import _write
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")

#: The Vietnamese headings of each example table, column by column, as pari reads them.
VIETNAMESE_HEADINGS = {
    "communes.csv": ["Mã", "Tên", "Loại", "Huyện", "Tỉnh", "Ghi chú"],
    "assessments_long.csv": [
        "Mã xã",
        "Mã tiêu chí",
        "Đầu vào",
        "Giá trị",
        "Điểm tự chấm",
        "Số văn bản",
        "Ngày văn bản",
        "Tệp minh chứng",
        "Giải trình",
        "Không áp dụng",
    ],
    "survey.csv": ["Mã xã", "Mã tiêu chí", "Đầu vào", "Giá trị"],
}

#: The option that gives each table to ``pari score`` (the long form is its first argument).
_OPTION = {"communes.csv": "--communes", "survey.csv": "--survey"}


def _headed_twice(table: str, vietnamese_first: bool) -> Case:
    """The example run with ``table`` headed twice: its Vietnamese headings over its English
    header row (``vietnamese_first``), or under it."""

    def case(folder: Path) -> list[str]:
        args = _score(folder)
        rows = _rows(table)
        two = [VIETNAMESE_HEADINGS[table], rows[0]] if vietnamese_first else [rows[0], VIETNAMESE_HEADINGS[table]]
        path = _write(folder / f"hai-dong-tieu-de-{table}", [*two, *rows[1:]])
        if table in _OPTION:
            args[args.index(_OPTION[table]) + 1] = str(path)
        else:
            args[1] = str(path)
        return args

    return case


SOFT_HYPHEN = "\u00ad"


def register_names_soft_hyphen_in_syllable(folder: Path) -> list[str]:
    """The example run, every third unit's name in its register typed with a soft hyphen after
    the first consonants of its first word («Ph<U+00AD>ường Hồng Cẩm»)."""
    args = _score(folder)
    rows = _rows("communes.csv")
    named = [rows[0]] + [
        [row[0], row[1].replace("Ph", "Ph" + SOFT_HYPHEN, 1) if i % 3 == 0 else row[1], *row[2:]]
        for i, row in enumerate(rows[1:])
    ]
    args[args.index("--communes") + 1] = str(_write(folder / "danh-muc.csv", named))
    return args


#: Cyrillic letters drawn as the Latin «a», «o», «c».
_CYRILLIC = str.maketrans({"a": "\u0430", "o": "\u043e", "c": "\u0441"})


def form_input_names_cyrillic(folder: Path) -> list[str]:
    """The example run, the long form's input names typed with Cyrillic «а», «о», «с»."""
    args = _score(folder)
    rows = _rows("assessments_long.csv")
    typed = [rows[0]] + [[row[0], row[1], row[2].translate(_CYRILLIC), *row[3:]] for row in rows[1:]]
    args[1] = str(_write(folder / "tu-danh-gia.csv", typed))
    return args


def _survey_first_rate(written: str) -> Case:
    """The example run, the survey's first rate (commune 00001, item 10.1.1) written ``written``."""

    def case(folder: Path) -> list[str]:
        args = _score(folder)
        rows = _rows("survey.csv")
        rows[1][3] = written
        args[args.index("--survey") + 1] = str(_write(folder / "khao-sat.csv", rows))
        return args

    return case


CASES: dict[str, Case] = {
    "well-register-headed-vietnamese-over-english": _headed_twice("communes.csv", True),
    "well-register-headed-english-over-vietnamese": _headed_twice("communes.csv", False),
    "well-form-headed-vietnamese-over-english": _headed_twice("assessments_long.csv", True),
    "well-survey-headed-english-over-vietnamese": _headed_twice("survey.csv", False),
    "well-register-names-soft-hyphen-in-syllable": register_names_soft_hyphen_in_syllable,
    "well-form-input-names-cyrillic": form_input_names_cyrillic,
    "well-survey-rate-one-comma-five": _survey_first_rate("1,5"),
    "well-survey-rate-one-comma-five-percent": _survey_first_rate("1,5 %"),
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "well-register-headed-vietnamese-over-english": (0, None, (*_INPUTS, "hai-dong-tieu-de-communes.csv")),
    "well-register-headed-english-over-vietnamese": (0, None, (*_INPUTS, "hai-dong-tieu-de-communes.csv")),
    "well-form-headed-vietnamese-over-english": (0, None, (*_INPUTS, "hai-dong-tieu-de-assessments_long.csv")),
    "well-survey-headed-english-over-vietnamese": (0, None, (*_INPUTS, "hai-dong-tieu-de-survey.csv")),
    "well-register-names-soft-hyphen-in-syllable": (0, None, (*_INPUTS, "danh-muc.csv")),
    "well-form-input-names-cyrillic": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
    "well-survey-rate-one-comma-five": (0, None, (*_INPUTS, "khao-sat.csv")),
    "well-survey-rate-one-comma-five-percent": (0, None, (*_INPUTS, "khao-sat.csv")),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["CASES", "EXPECTED", "NOT_WRITTEN", "SOFT_HYPHEN", "VIETNAMESE_HEADINGS"]
