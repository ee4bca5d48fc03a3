"""Hostile cases of the thirty-fourth session's helper decoding34: a register's names that look the
same on screen and were read as other names, without a word. Measured before the fix on main at
07fe4c6 (its ``pari`` in this worktree's venv), after it on this branch; the example set scored with
``--group-by district``.

- Three units of «Huyện Minh Hồng» (00145, 00148, 00151) whose district was typed with a Cyrillic
  «Н» (U+041D: a Russian keyboard layout left on, or a row pasted from a document that had one):
  «Нuyện Minh Hồng». Before: exit 0, a ranking sheet «Rank Нuyện Minh Hồng» of its own, the three
  ranked first to third of three (their district's other nine ranked apart, first to ninth), no
  finding at all (a group of three is above ``group-few-units``). Now the name is compared with its
  look-alike letters read as Latin ones (intake.tones.alike_letters): one group of twelve and a
  ``group-spellings`` warning that writes the letter ``<U+041D>``. Greek capitals, the lower-case
  look-alikes and «Ð» (U+00D0) for «Đ» are read so too (tests/test_hostile_decoding34.py).

- The same three rows' district wrapped in bidi embedding marks (U+202A … U+202C, which a name
  copied from some web pages and Word documents carries), and one row's with a zero-width space.
  Before: exit 0, two groups «‪Huyện Minh Hồng‬» (4) and «Huyện Minh Hồng» (8) that read the same
  on screen, no finding. Now one group and ``group-spellings`` naming the marks (``<U+202A>``).

- The special zone 00178's type written «Ðặc khu» with «Ð» (U+00D0, Icelandic eth: the same
  glyph as Vietnamese «Đ», U+0110, in most fonts; what some keyboard tables and converters give).
  Before: exit 0, an ``unknown-unit-type`` warning, «type «Ðặc khu» is not one of xã, phường, thị
  trấn, đặc khu», which shows the user the same word twice, and the unit scored without the items
  of its type: applicable maximum 97.0 for 98.25, index 29.45 % for 29.08 %. Now the type is read as
  đặc khu (the example's results), as a type typed with a zero-width space or a Cyrillic letter is.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding34.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_decoding28 import _write
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
#: The district whose rows are rewritten, and the units so rewritten (three of its twelve).
DISTRICT = "Huyện Minh Hồng"
REWRITTEN = ("00145", "00148", "00151")


def register_with(folder: Path, district: Callable[[str, str], str], kind: Callable[[str, str], str]) -> list[str]:
    """The example run grouped by district with a register «danh-sach.csv» whose district and type
    cells are ``district(code, cell)`` and ``kind(code, cell)``."""
    header, *rows = _rows("communes.csv")
    code, where, type_ = header.index("code"), header.index("district"), header.index("type")
    for row in rows:
        row[where], row[type_] = district(row[code], row[where]), kind(row[code], row[type_])
    args = _score(folder, "--group-by", "district")
    args[args.index("--communes") + 1] = str(_write(folder / "danh-sach.csv", [header, *rows]))
    return args


def _as_is(code: str, cell: str) -> str:
    return cell


def cyrillic_letter(folder: Path) -> list[str]:
    def district(code: str, cell: str) -> str:
        return cell.replace("H", "\u041d", 1) if code in REWRITTEN else cell

    return register_with(folder, district, _as_is)


def bidi_marks(folder: Path) -> list[str]:
    def district(code: str, cell: str) -> str:
        if code in REWRITTEN:
            return f"\u202a{cell}\u202c"
        return cell.replace(" ", " \u200b", 1) if code == "00154" else cell

    return register_with(folder, district, _as_is)


def eth_for_d_stroke(folder: Path) -> list[str]:
    def kind(code: str, cell: str) -> str:
        return "Ðặc khu" if code == "00178" else cell

    return register_with(folder, _as_is, kind)


CASES: dict[str, Case] = {
    "well-district-cyrillic-letter": cyrillic_letter,
    "well-district-bidi-marks": bidi_marks,
    "well-type-eth-for-d-stroke": eth_for_d_stroke,
}

# Exit 0 before too, each (a warning, or nothing): tests/test_hostile_decoding34.py looks at them.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    name: (0, None, (*_INPUTS, "danh-sach.csv")) for name in CASES
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["CASES", "DISTRICT", "EXPECTED", "NOT_WRITTEN", "REWRITTEN", "register_with"]
