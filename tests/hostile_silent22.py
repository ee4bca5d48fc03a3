"""Hostile cases of the twenty-second session's helper silent22: inputs whose meaning was wrong or
incomplete and that were ranked, or refused, without saying what was wrong.

- A register whose province of two units is «Tỉnh Hà Nam» (a neighbouring province's units
  copied in) beside «Thành phố Hà Nội», the set's province: the two were scored with Hà Nội's
  criteria and ranked 1st and 2nd of 2, exit 0 with nothing said. Now ``province-not-the-set-s``
  names the province and the units (exit 0: the run is usable, and says so).

- The Hải Phòng example (ranked within districts of 8 to 10 communes) with two units written in
  «Huyện An Lão», a district the example does not have (a neighbouring district's units copied
  in): ranked 1st and 2nd "of 2", exit 0 with nothing said. Now ``group-few-units`` names the
  group and its units (a group of at most two ranked units where the run's groups hold four times
  as many in the middle).

- A register writing the province of five units «Hà Nội» beside «Thành phố Hà Nội» (or a
  district «Quý Hậu» beside «Quận Quý Hậu», ranked by district): two groups, each ranked from 1,
  exit 0 with nothing said. Now ``group-type-word`` names both and their units; they stay two
  groups, since a type word left out is not guessed (ranking.strays).

- A register row copied and its code retyped (00001 «Phường Hồng Cẩm» again as 00999, same
  district and province): 61 units scored, the copy ranked as one that sent nothing, exit 0 with
  only "1 commune did not submit". Now ``register-name-twice`` at the copy's row names both codes.

- A workbook of one sheet per unit, the unit's code only in the sheet's name: each sheet was
  refused with "name it commune_code", which said nothing of what to write. The refusal stays (a
  code is never read from a sheet's name); the hint now says to add the column with the unit's
  code on every row, in each sheet.

- An assessments file with every date written month first (a computer set to English, US): the
  dates whose second number is above 12 were refused one by one, each telling the day-first
  spelling, but those whose day is 12 or less were read day first and scored, swapped; corrected
  as told, the file scored with exit 0 and half its dates wrong. Now one ``dates-month-first``
  warning at the file says so and to write every date day first.

- «hoàn thành» as a timeliness answer was refused with the hint about Excel's error values. Now
  the hint says what to write instead: đúng hạn, trễ hạn or không thực hiện (the fix ``status``).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_silent22.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")


def _register(folder: Path, column: str, codes: int, change: Callable[[str], str], *extra: str) -> list[str]:
    """``pari score`` of the example with its register's ``column`` changed in the first ``codes``
    rows (``don-vi.csv``)."""
    header, *rows = _rows("communes.csv")
    at = header.index(column)
    for row in rows[:codes]:
        row[at] = change(row[at])
    with (folder / "don-vi.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    args = _score(folder, *extra)
    args[args.index("--communes") + 1] = str(folder / "don-vi.csv")
    return args


def register_units_of_another_province(folder: Path) -> list[str]:
    return _register(folder, "province", 2, lambda _: "Tỉnh Hà Nam")


def register_province_without_type_word(folder: Path) -> list[str]:
    return _register(folder, "province", 5, lambda name: name.removeprefix("Thành phố "))


def register_district_without_type_word(folder: Path) -> list[str]:
    return _register(folder, "district", 2, lambda name: name.split(" ", 1)[1], "--group-by", "district")


def register_unit_under_two_codes(folder: Path) -> list[str]:
    header, *rows = _rows("communes.csv")
    copy = [*rows[0]]
    copy[header.index("code")] = "00999"
    with (folder / "don-vi.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows, copy])
    args = _score(folder)
    args[args.index("--communes") + 1] = str(folder / "don-vi.csv")
    return args


def workbook_sheet_per_unit(folder: Path) -> list[str]:
    """The example's long rows of the first three units in a workbook of one sheet per unit, each
    sheet named by the unit's code and without the code column."""
    import openpyxl

    header, *rows = _rows("assessments_long.csv")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for code in ("00001", "00004", "00007"):
        sheet = book.create_sheet(code)
        sheet.append(header[1:])
        for row in rows:
            if row[0] == code:
                sheet.append(row[1:])
    book.save(folder / "xa.xlsx")
    return _score(folder, assessments=folder / "xa.xlsx")


def dates_month_first(folder: Path) -> list[str]:
    """The example assessments with every date of the first 120 rows (two units' rows, pasted
    from a computer set to English, US) written month first (06/04/2025 as 04/06/2025)."""
    import re

    day_first = re.compile(r"^(\d\d)/(\d\d)/(\d{4})$")
    header, *rows = _rows("assessments_long.csv")
    swapped = [[day_first.sub(r"\2/\1/\3", cell) for cell in row] for row in rows[:120]] + rows[120:]
    with (folder / "tu-danh-gia.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *swapped])
    return _score(folder, assessments=folder / "tu-danh-gia.csv")


_HAI_PHONG = Path(__file__).resolve().parents[1] / "examples" / "hai-phong-2022"


def register_district_of_two_copied_in(folder: Path) -> list[str]:
    """The Hải Phòng example (ranked within districts of 8 to 10 communes) with two units written
    in «Huyện An Lão», a district of the province the example does not have."""
    text = (_HAI_PHONG / "communes.csv").read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(text.splitlines()))
    at = header.index("district")
    for row in rows[:2]:
        row[at] = "Huyện An Lão"
    with (folder / "don-vi.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    for name in ("assessments_long.csv", "survey.csv", "appraisal.csv"):
        (folder / name).write_bytes((_HAI_PHONG / name).read_bytes())
    criteria = _HAI_PHONG.parents[1] / "criteria" / "hai-phong-2022-commune.yaml"
    return [
        *("score", str(folder / "assessments_long.csv"), "--communes", str(folder / "don-vi.csv")),
        *("--survey", str(folder / "survey.csv"), "--appraisal", str(folder / "appraisal.csv")),
        *("--criteria", str(criteria), "-o", str(folder / "out.xlsx"), "-q"),
    ]


def timeliness_answered_done(folder: Path) -> list[str]:
    header, *rows = _rows("assessments_long.csv")
    at = header.index("value")
    done = [row for row in rows if row[at] in ("đúng hạn", "trễ hạn")][:2]
    for row in done:
        row[at] = "hoàn thành"
    with (folder / "tu-danh-gia.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return _score(folder, assessments=folder / "tu-danh-gia.csv")


CASES: dict[str, Case] = {
    "register-units-of-another-province": register_units_of_another_province,
    "register-province-without-type-word": register_province_without_type_word,
    "register-district-without-type-word": register_district_without_type_word,
    "timeliness-answered-done": timeliness_answered_done,
    "register-unit-under-two-codes": register_unit_under_two_codes,
    "workbook-sheet-per-unit": workbook_sheet_per_unit,
    "dates-month-first": dates_month_first,
    "register-district-of-two-copied-in": register_district_of_two_copied_in,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "register-units-of-another-province": (0, None, (*_INPUTS, "don-vi.csv")),
    "register-province-without-type-word": (0, None, (*_INPUTS, "don-vi.csv")),
    "register-district-without-type-word": (0, None, (*_INPUTS, "don-vi.csv")),
    "timeliness-answered-done": (1, "bad-value", (*_INPUTS, "tu-danh-gia.csv")),
    "register-unit-under-two-codes": (0, None, (*_INPUTS, "don-vi.csv")),
    "workbook-sheet-per-unit": (1, "missing-column", (*_INPUTS, "xa.xlsx")),
    "dates-month-first": (1, "implausible-date", (*_INPUTS, "tu-danh-gia.csv")),
    "register-district-of-two-copied-in": (0, None, ("don-vi.csv", "assessments_long.csv", "survey.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {"workbook-sheet-per-unit": ("out.xlsx",)}
