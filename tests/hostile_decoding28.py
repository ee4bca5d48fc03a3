"""Hostile cases of the twenty-eighth session's helper decoding28: rows given twice in other bytes,
and Vietnamese written in another spelling of its marks.

- The example's assessments and a copy saved again by Excel as "CSV UTF-8" (a byte-order mark,
  CRLF line ends: other bytes, the same rows). Measured before the fix (c58d720): exit 0, 11,998
  ``duplicate-row`` warnings, no word of which file was the copy. Now refused before scoring, once
  (``input-same-rows``, exit 2), naming both files.

- The same, the copy an .xlsx of the same rows. Before: as above (exit 0, 11,998 warnings).

- The province's assessments and one commune's rows cut from them, given first (a commune's form
  sent again beside the compiled file). Before: exit 0, 248 ``duplicate-row`` warnings on the
  province's file's rows, as if it were the copy. Now the commune's file is refused, whichever comes first.

- A criteria set whose level labels are written without Vietnamese marks (``Dat chuan toi
  thieu``), the example's answers with them (``Đạt chuẩn tối thiểu``). Before: exit 1, 127
  ``bad-value`` errors (level answers matched without letter case, not without marks). Now an
  answer matches a level without marks when that names one level only.

- The example's answers typed without marks (``khong``, ``dung han``, ``tre han``, ``Chua dat``,
  level labels): 1,247 cells. Before: exit 1, 317 ``bad-value`` errors (``co`` and ``khong`` alone
  were read). Now read as with marks, where the fold names one answer only: the same scores as
  the example (0 errors, 337 warnings).

- Hải Phòng's register with one district written ``Huyện Thủy Nguyên`` in two rows and ``Huyện
  Thuỷ Nguyên`` (the older place of the tone mark) in six. Before: exit 0, two ranking groups, the
  two units ranked first and second of two, told only as ``group-few-units``. Now one group and
  ``group-spellings``, as for letter case.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding28.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
import re
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

from hostile_decoding24 import _workbook_of
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
_ROOT = Path(__file__).resolve().parent.parent
#: Rows of Hải Phòng's «Huyện Phú Yên» renamed, the first THUY_NEW of them with the tone on «u».
THUY_NEW = 2


def bare(text: str) -> str:
    """``text`` without Vietnamese marks, as typed on a keyboard without them."""
    decomposed = unicodedata.normalize("NFD", text)
    return (
        "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
        .replace("đ", "d")
        .replace("Đ", "D")
    )


def _write(path: Path, rows: list[list[str]], encoding: str = "utf-8", newline: str = "\n") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, lineterminator=newline).writerows(rows)
    return path


def _with(folder: Path, *paths: Path) -> list[str]:
    """The example run with ``paths`` as its assessments."""
    args = _score(folder)
    args[1:2] = [str(p) for p in paths]
    return args


def copy_with_bom_and_crlf(folder: Path) -> list[str]:
    """The assessments and a copy saved as Excel's "CSV UTF-8": a byte-order mark, CRLF lines."""
    _score(folder)
    copy = _write(folder / "tu-danh-gia (Excel).csv", _rows("assessments_long.csv"), "utf-8-sig", "\r\n")
    return _with(folder, folder / "assessments_long.csv", copy)


def copy_as_workbook(folder: Path) -> list[str]:
    """The assessments as .csv and the same rows as .xlsx."""
    _score(folder)
    copy = _workbook_of(folder / "assessments_long.csv", folder / "tu-danh-gia.xlsx")
    return _with(folder, folder / "assessments_long.csv", copy)


def one_commune_again(folder: Path) -> list[str]:
    """One commune's rows cut from the province's assessments, given before them."""
    _score(folder)
    header, *rows = _rows("assessments_long.csv")
    one = _write(folder / "xa-00001.csv", [header, *(r for r in rows if r[0] == "00001")])
    return _with(folder, one, folder / "assessments_long.csv")


def levels_without_marks(folder: Path) -> list[str]:
    """The bundled set with its level labels written without marks, the example's answers with."""
    text = (_ROOT / "criteria" / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
    lines = [
        re.sub(r'label: "([^"]*)"', lambda m: f'label: "{bare(m.group(1))}"', line)
        if line.lstrip().startswith("- {value:")
        else line
        for line in text.splitlines(keepends=True)
    ]
    criteria = folder / "bo-chi-so.yaml"
    criteria.write_text("".join(lines), encoding="utf-8")
    return [*_score(folder), "--criteria", str(criteria)]


def answers_without_marks(folder: Path) -> list[str]:
    """The example's answers (the value column) typed without marks."""
    _score(folder)
    header, *rows = _rows("assessments_long.csv")
    typed = _write(folder / "tu-danh-gia.csv", [header, *([*r[:3], bare(r[3]), *r[4:]] for r in rows)])
    return _with(folder, typed)


def district_tone_marks(folder: Path) -> list[str]:
    """Hải Phòng's example, one district written «Thủy» in two rows and «Thuỷ» in six."""
    spellings = ["Huyện Thủy Nguyên"] * THUY_NEW + ["Huyện Thuỷ Nguyên"] * (8 - THUY_NEW)
    return hai_phong_district(folder, "Huyện Phú Yên", spellings)


def hai_phong_district(folder: Path, district: str, spellings: list[str]) -> list[str]:
    """Hải Phòng's example, the rows of ``district`` in its register written ``spellings``, in turn."""
    hai_phong = _ROOT / "examples" / "hai-phong-2022"
    header, *rows = _rows("hai-phong-2022/communes.csv")
    names = iter(spellings)
    for row in rows:
        if row[3] == district:
            row[3] = next(names)
    _write(folder / "communes.csv", [header, *rows])
    for name in ("assessments_long.csv", "survey.csv"):
        shutil.copy(hai_phong / name, folder / name)
    args = _score(folder)
    return [*args, "--criteria", str(_ROOT / "criteria" / "hai-phong-2022-commune.yaml")]


CASES: dict[str, Case] = {
    "input-same-rows": copy_with_bom_and_crlf,
    "input-same-rows-workbook": copy_as_workbook,
    "input-same-rows-one-commune": one_commune_again,
    "well-levels-without-marks": levels_without_marks,
    "well-answers-without-marks": answers_without_marks,
    "well-district-tone-marks": district_tone_marks,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "input-same-rows": (2, "input-same-rows", (*_INPUTS, "tu-danh-gia (Excel).csv")),
    "input-same-rows-workbook": (2, "input-same-rows", (*_INPUTS, "tu-danh-gia.xlsx")),
    "input-same-rows-one-commune": (2, "input-same-rows", (*_INPUTS, "xa-00001.csv")),
    "well-levels-without-marks": (0, None, (*_INPUTS, "bo-chi-so.yaml")),
    "well-answers-without-marks": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
    # Exit 0 before too: tests/test_hostile_decoding28.py looks at the groups in the results.
    "well-district-tone-marks": (0, None, _INPUTS),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    name: ("out.xlsx",) for name in ("input-same-rows", "input-same-rows-workbook", "input-same-rows-one-commune")
}

__all__ = ["CASES", "EXPECTED", "NOT_WRITTEN", "THUY_NEW", "bare", "hai_phong_district"]
