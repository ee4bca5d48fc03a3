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
  Before: exit 0, three ranking groups that read the same on screen (3, 1 and 8 units), told only
  as ``group-few-units`` for the unit of the zero-width space («a group of one or two units»), not
  why. Now one group and ``group-spellings`` naming the marks (``<U+202A>``, ``<U+200B>``).

- The special zone 00178's type written «Ðặc khu» with «Ð» (U+00D0, Icelandic eth: the same
  glyph as Vietnamese «Đ», U+0110, in most fonts; what some keyboard tables and converters give).
  Before: exit 0, an ``unknown-unit-type`` warning, «type «Ðặc khu» is not one of xã, phường, thị
  trấn, đặc khu», which shows the user the same word twice, and the unit scored without the items
  of its type: applicable maximum 97.0 for 98.25, index 29.45 % for 29.08 %. Now the type is read as
  đặc khu (the example's results), as a type typed with a zero-width space or a Cyrillic letter is.

- The assessments' heading ``value`` typed with a Cyrillic «а» (U+0430), and the register headed
  in Vietnamese with «Loại» typed with a Cyrillic «о» (U+043E). Before: the assessments' column was
  an ``unknown-column`` error, 1,029 rows «with nothing to score», 1,982 ``self-score-differs``,
  INCOMPLETE, exit 1; the register's type column unread, told only as ``register-without-types``
  («its type column is missing or empty», beside a column the user sees headed «Loại»), the 60
  units' indices all changed (exit 0 with the plain assessments). A register whose «Mã xã» has a
  Cyrillic «х» was refused, «the register needs column(s) code; found Mã хã, …». Now a heading
  is matched with such letters read as the Latin ones (intake.sheet.heading_key), as characters
  nothing shows are dropped from it: the example's results.

- The example's results written as CSV tables (``--format csv``), one table opened in Excel set to
  Vietnamese and saved again as CSV: semicolons for its list separator, a decimal comma in its
  numbers (or tabs: «Text (Tab delimited)»). Given to ``pari report`` (summary.csv), ``pari explain``
  (about.csv) or ``--previous`` (criteria.csv). Before: exit 1, ``not-results`` «cannot read this
  table of the results (found more fields than defined in 'Schema')», the library's words (in
  Vietnamese «lỗi ComputeError của thư viện đọc bảng»), with the hint to give a results file written
  by pari score, as if the folder were another program's; a table whose cells hold no comma
  (rows.csv) was read as one column, its report written. Now ``results-damaged``: «this table of
  the results is written with the separator «;», not «,» as pari score writes it: a spreadsheet
  program saved it again», as a table saved in another encoding is told.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding34.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

from children import pari_child
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


def headings_look_alike(folder: Path) -> list[str]:
    """The assessments' ``value`` heading typed with a Cyrillic «а» and the register headed in
    Vietnamese, its «Loại» with a Cyrillic «о»."""
    header, *rows = _rows("assessments_long.csv")
    header[header.index("value")] = "v\u0430lue"
    args = _score(folder, "--group-by", "district")
    args[1] = str(_write(folder / "tu-danh-gia.csv", [header, *rows]))
    register, *units = _rows("communes.csv")
    assert register == ["code", "name", "type", "district", "province", "note"]
    headings = ["Mã xã", "Tên đơn vị", "L\u043eại", "Huyện", "Tỉnh", "Ghi chú"]
    args[args.index("--communes") + 1] = str(_write(folder / "danh-sach.csv", [headings, *units]))
    return args


def results_resaved(folder: Path, table: str, delimiter: str) -> Path:
    """The example's results as CSV tables (``pari score --format csv``), ``table`` read and written
    again with ``delimiter`` and a decimal comma in its numbers, as Excel set to Vietnamese saves a
    CSV file; the folder."""
    args = _score(folder)
    args[args.index("-o") + 1 : args.index("-o") + 2] = [str(folder / "ket-qua"), "--format", "csv"]
    done = pari_child(args, folder)
    assert done.returncode == 0, done.stdout + done.stderr
    path = folder / "ket-qua" / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows = [[_NUMBER.sub(r"\1,\2", cell) for cell in row] for row in rows]
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    return folder / "ket-qua"


#: A number with a decimal point, a whole cell.
_NUMBER = re.compile(r"^(-?\d+)\.(\d+)$")


def report_summary_semicolons(folder: Path) -> list[str]:
    return ["report", str(results_resaved(folder, "summary", ";")), "-o", str(folder / "bao-cao.html")]


def explain_about_tabs(folder: Path) -> list[str]:
    return ["explain", "00001", "1.1.1", "--results", str(results_resaved(folder, "about", "\t"))]


def previous_criteria_semicolons(folder: Path) -> list[str]:
    previous = results_resaved(folder, "criteria", ";")
    return [*_score(folder), "--previous", str(previous)]


CASES: dict[str, Case] = {
    "results-damaged-summary-semicolons": report_summary_semicolons,
    "results-damaged-about-tabs": explain_about_tabs,
    "results-damaged-previous-semicolons": previous_criteria_semicolons,
    "well-district-cyrillic-letter": cyrillic_letter,
    "well-district-bidi-marks": bidi_marks,
    "well-type-eth-for-d-stroke": eth_for_d_stroke,
    "well-headings-look-alike": headings_look_alike,
}

# Exit 0 before too, each (a warning, or nothing): tests/test_hostile_decoding34.py looks at them.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    name: (0, None, (*_INPUTS, "danh-sach.csv")) for name in CASES if name.startswith("well-")
}
EXPECTED["well-headings-look-alike"] = (0, None, (*_INPUTS, "danh-sach.csv", "tu-danh-gia.csv"))
for _name, _table in (("summary-semicolons", "summary"), ("about-tabs", "about")):
    EXPECTED[f"results-damaged-{_name}"] = (1, "results-damaged", (f"ket-qua/{_table}.csv",))
EXPECTED["results-damaged-previous-semicolons"] = (1, "results-damaged", (*_INPUTS, "ket-qua/criteria.csv"))
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "results-damaged-summary-semicolons": ("bao-cao.html",),
    "results-damaged-previous-semicolons": ("out.xlsx",),
}

__all__ = ["CASES", "DISTRICT", "EXPECTED", "NOT_WRITTEN", "REWRITTEN", "register_with"]
