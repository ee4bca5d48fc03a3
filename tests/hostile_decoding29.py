"""Hostile cases of the twenty-ninth session's helper decoding29: dates and names read as something
else than what the user wrote, without a word.

- Commune 00001's assessments with every date written as Excel on a computer set to English (US)
  writes a date-and-time cell to a CSV, ``6/4/2025 12:00:00 AM`` (month first: 4 June), and no day
  above 12, so that no date is refused as month first and no ``dates-month-first`` warning is
  given. Measured before the fix (fe8dd57): exit 0, the 42 dates read day first (6 April) without
  a word. Now each such date whose two numbers differ (41) is refused (``implausible-date``,
  ``month_or_day``: "it may be 06/04/2025 or 04/06/2025"), exit 1; ``13/4/2025 12:00:00 AM`` and
  Vietnamese ``SA``/``CH`` read as ever. (The whole example so written: 2,070 dates, 1,894
  refused; before, exit 0 and 351 warnings against the example's 337, deadlines scored on swapped
  days.)

- The same with the days as they were (above 12 in 24 of the 42 dates). Before: exit 1, those 24
  refused as month first, one ``dates-month-first`` warning, and the other 18 read day first.
  Now all 42 are refused, and the warning, which said "the other dates, whose day is 12 or less,
  were read day first", says that those with an AM/PM time were refused.

- Hải Phòng's register with one district written ``Thị xã Vĩnh Quý`` in seven rows and ``Thị xã
  Vĩnh Quí`` (i for y, the spelling of 1984's rules) in three. Before: exit 0, two ranking groups,
  the three units ranked first to third of a district of three, told only as ``group-few-units``.
  Now one group and ``group-spellings``, as for a tone mark's place (session 28).

- A criteria set whose level label is written with y (``Đạt chuẩn, kỹ thuật hiện đại``) and the
  example's answers with i (``kĩ thuật``). Before: exit 1, 27 ``bad-value`` errors. Now an answer
  matches a level whatever its i or y, as it does without marks (session 28).

- The assessments headed ``Số, kí hiệu`` for the evidence number and the appraisal ``Lí do`` for
  the reason (the aliases are written ``ký``, ``Lý``; headings were matched without case and marks
  since session 26, not whatever their i or y). Before: exit 1 and nothing written, the appraisal
  file refused ("needs column(s) reason"); with the example's appraisal, exit 1, ``unknown-column``
  and 2,031 ``evidence-missing`` warnings. Now both headings are read: the example's results.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding29.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from hostile_decoding28 import _with, _write, hai_phong_district
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
_ROOT = Path(__file__).resolve().parent.parent
#: Rows of Hải Phòng's «Thị xã Vĩnh Quý» written «Quí» (the last ones).
QUI_ROWS = 3
#: The level label of the case of i and y, as the set writes it and as the answers do.
LEVEL_Y, LEVEL_I = "Đạt chuẩn, kỹ thuật hiện đại", "Đạt chuẩn, kĩ thuật hiện đại"
_EXAMPLE_LEVEL = "Đạt chuẩn, trang thiết bị hiện đại"


def us_date(text: str, fold: bool = True) -> str:
    """A day-first date ``dd/mm/yyyy`` as Excel (English, US) writes it, month first with a time;
    with ``fold``, its day taken into 1 to 12 so that no date of the file shows it is month first."""
    found = re.fullmatch(r"([0-9]{2})/([0-9]{2})/([0-9]{4})", text)
    if found is None:
        return text
    day, month, year = (int(n) for n in found.groups())
    return f"{month}/{(day - 1) % 12 + 1 if fold else day}/{year} 12:00:00 AM"


def us_dates(folder: Path, fold: bool = True) -> list[str]:
    """One commune's assessments (commune 00001's, as its clerk's computer exported them), every date
    written month first with an AM/PM time (days above 12 too unless ``fold``)."""
    _score(folder)
    header, *rows = _rows("assessments_long.csv")
    ours = ([us_date(cell, fold) for cell in row] for row in rows if row[0] == "00001")
    return _with(folder, _write(folder / "tu-danh-gia (US).csv", [header, *ours]))


def us_dates_some_past_12(folder: Path) -> list[str]:
    """As :func:`us_dates`, the days as they were: some above 12 show the file is month first."""
    return us_dates(folder, fold=False)


def district_i_and_y(folder: Path) -> list[str]:
    """Hải Phòng's example, one district written «Quý» in seven rows and «Quí» in three."""
    spellings = ["Thị xã Vĩnh Quý"] * (10 - QUI_ROWS) + ["Thị xã Vĩnh Quí"] * QUI_ROWS
    return hai_phong_district(folder, "Thị xã Vĩnh Quý", spellings)


def level_i_and_y(folder: Path) -> list[str]:
    """A set whose level label is written with y, the answers with i."""
    text = (_ROOT / "criteria" / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
    criteria = folder / "bo-chi-so.yaml"
    criteria.write_text(text.replace(_EXAMPLE_LEVEL, LEVEL_Y), encoding="utf-8")
    _score(folder)
    header, *rows = _rows("assessments_long.csv")
    typed = _write(
        folder / "tu-danh-gia.csv", [header, *([c.replace(_EXAMPLE_LEVEL, LEVEL_I) for c in r] for r in rows)]
    )
    return [*_with(folder, typed), "--criteria", str(criteria)]


def headings_i_and_y(folder: Path) -> list[str]:
    """The assessments headed «Số, kí hiệu» for the evidence number, the appraisal «Lí do» for the
    reason (i for y: the aliases are «Số, ký hiệu», «Lý do»)."""
    _score(folder)
    header, *rows = _rows("assessments_long.csv")
    header = ["Số, kí hiệu" if h == "evidence_number" else h for h in header]
    typed = _write(folder / "tu-danh-gia.csv", [header, *rows])
    head, *decisions = _rows("appraisal.csv")
    appraisal = _write(folder / "tham-dinh.csv", [["Lí do" if h == "reason" else h for h in head], *decisions])
    return [*_with(folder, typed), "--appraisal", str(appraisal)]


CASES: dict[str, Case] = {
    "implausible-date-am-pm": us_dates,
    "dates-month-first-am-pm": us_dates_some_past_12,
    "well-district-i-and-y": district_i_and_y,
    "well-level-i-and-y": level_i_and_y,
    "well-headings-i-and-y": headings_i_and_y,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "implausible-date-am-pm": (1, "implausible-date", (*_INPUTS, "tu-danh-gia (US).csv")),
    "dates-month-first-am-pm": (1, "implausible-date", (*_INPUTS, "tu-danh-gia (US).csv")),
    # Exit 0 before too: tests/test_hostile_decoding29.py looks at the groups in the results.
    "well-district-i-and-y": (0, None, _INPUTS),
    "well-level-i-and-y": (0, None, (*_INPUTS, "tu-danh-gia.csv", "bo-chi-so.yaml")),
    "well-headings-i-and-y": (0, None, (*_INPUTS, "tu-danh-gia.csv", "tham-dinh.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["CASES", "EXPECTED", "LEVEL_I", "LEVEL_Y", "NOT_WRITTEN", "QUI_ROWS", "us_date"]
