"""Hostile cases of the thirty-sixth session's helper decoding36: an ordinary officer's file refused
or misread for a cosmetic difference. Measured before the fixes on main at 071b56d (its ``src`` run
with this worktree's venv), after them on this branch.

- The example register with its district headed «Thành phố» beside «Tỉnh» (a register of a
  province's cities), or in English «City» or «Town» beside «Province», ranked with ``--group-by
  district``. Before: exit 0, the register read without a district column, told only as the
  warning ``group-column-absent``: the 60 units ranked as one group (ranks of 60 for ranks of 12).
  «Quận» or «Thị xã» alone was read already (decoding35). «Thành phố» alone names a province too
  (a centrally run city), so it names the district only where another column names the province
  (intake.sheet.named_beside, CITY_HEADINGS); a register that has a district column keeps it, and
  «Thành phố» beside it stays a column of its own (two headings are never made one). Now: the
  example's ranking.

- The example register headed as a clerk numbers a list with letters or Roman numerals: «a) Mã
  xã», «b) Tên đơn vị» … «đ) Tỉnh»; «I. Mã xã», «II. Tên đơn vị» …; «(i) Mã xã», «(ii) …». Before:
  exit 1 and nothing written, ``missing-column`` «the register needs column(s) code, name; found a)
  Mã xã, …» (only «1. », «2) », «(3) » numbered a heading). Now a letter a–h (đ read as d) or a
  Roman numeral of up to four letters before «.» or «)», or in brackets, numbers a heading too
  (intake.sheet.heading_key), for every input read through it: the example's results.

- The example register's unit 00001 named «Phường 1» (the numbered wards of a city district) and
  listed again under code 99999 as «Phường 01» or «Phường 1.» (as a printed list ends an item).
  Before: exit 0; the copy ranked as a unit that sent nothing, ``register-name-twice`` not told
  («P.1» and «Phường 1» were). Now names are compared with a number's leading zeros and a full
  stop after it left out (intake.tones.alike_name, as every comparison of names does: a
  register's names, groups' spellings): ``register-name-twice`` at the copy's row.

- The example's assessments, register and survey each saved with Excel's separator line «sep=;»
  first and «;» between cells (as programs that export for Excel write them). Before: exit 1 and
  nothing written, ``csv-separator-line`` «the first line (sep=;) is a hint for Excel, not the
  table's header» («delete the first line»), though Excel opens the file as the table it is. Now
  the line is read as Excel reads it, a blank line above the headings (intake.csv_input, for every
  CSV read), row numbers a text editor's: the example's results. A file of the line alone is still
  refused as ``csv-separator-line``.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding36.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_decoding28 import _write
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")

#: The register's headings numbered by letters, Roman numerals or small Roman numerals in
#: brackets (its columns: code, name, type, district, province, note).
NUMBERED_HEADINGS = {
    "letters": ["a) Mã xã", "b) Tên đơn vị", "c) Loại", "d) Huyện", "đ) Tỉnh", "e) Ghi chú"],
    "roman": ["I. Mã xã", "II. Tên đơn vị", "III. Loại", "IV. Huyện", "V. Tỉnh", "VI. Ghi chú"],
    "small-roman": ["(i) Mã xã", "(ii) Tên đơn vị", "(iii) Loại", "(iv) Huyện", "(v) Tỉnh", "(vi) Ghi chú"],
}
#: The district's heading beside the province's, by case.
CITY_HEADINGS = {"city-vi": ("Thành phố", "Tỉnh"), "city-en": ("City", "Province"), "town-en": ("Town", "Province")}


def _register(folder: Path, args: list[str], headings: list[str]) -> list[str]:
    """``args`` with the register «danh-sach.csv» headed ``headings``."""
    header, *units = _rows("communes.csv")
    assert header == ["code", "name", "type", "district", "province", "note"]
    args[args.index("--communes") + 1] = str(_write(folder / "danh-sach.csv", [headings, *units]))
    return args


def _city(name: str) -> Case:
    district, province = CITY_HEADINGS[name]

    def case(folder: Path) -> list[str]:
        headings = ["code", "name", "type", district, province, "note"]
        return _register(folder, _score(folder, "--group-by", "district"), headings)

    return case


def _numbered(name: str) -> Case:
    def case(folder: Path) -> list[str]:
        return _register(folder, _score(folder, "--group-by", "district"), NUMBERED_HEADINGS[name])

    return case


def _numbered_copy(written: str) -> Case:
    def case(folder: Path) -> list[str]:
        header, *units = _rows("communes.csv")
        units[0][1] = "Phường 1"
        again = [*units[0]]
        again[:2] = ["99999", written]
        args = _score(folder, "--group-by", "district")
        args[args.index("--communes") + 1] = str(_write(folder / "danh-sach.csv", [header, *units, again]))
        return args

    return case


def _hinted(folder: Path, name: str) -> Path:
    """The example's ``name`` written with «;» between cells under Excel's line «sep=;»."""
    path = folder / f"sep-{name}"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("sep=;\r\n")
        csv.writer(handle, delimiter=";").writerows(_rows(name))
    return path


def separator_lines(folder: Path) -> list[str]:
    args = _score(folder)
    args[1] = str(_hinted(folder, "assessments_long.csv"))
    args[args.index("--communes") + 1] = str(_hinted(folder, "communes.csv"))
    args[args.index("--survey") + 1] = str(_hinted(folder, "survey.csv"))
    return args


CASES: dict[str, Case] = {
    **{f"well-register-district-headed-{name}": _city(name) for name in CITY_HEADINGS},
    **{f"well-register-headings-numbered-{name}": _numbered(name) for name in NUMBERED_HEADINGS},
    "well-files-with-excel-separator-line": separator_lines,
    "well-register-copy-numbered-with-zero": _numbered_copy("Phường 01"),
    "well-register-copy-numbered-with-stop": _numbered_copy("Phường 1."),
}

# Exit 0 now, each (a warning, or nothing): tests/test_hostile_decoding36.py looks at them.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    name: (0, None, (*_INPUTS, "danh-sach.csv")) for name in CASES if "register" in name
}
_HINTED = ("sep-assessments_long.csv", "sep-communes.csv", "sep-survey.csv")
EXPECTED["well-files-with-excel-separator-line"] = (0, None, _HINTED)
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["CASES", "EXPECTED", "NOT_WRITTEN"]
