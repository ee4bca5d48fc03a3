"""Hostile cases of the thirty-fifth session's helper decoding35: headings and names an officer
writes with a cosmetic difference, which pari refused or read as something else. Measured before the
fixes on main at 858180c (its ``src`` run with this worktree's venv), after them on this branch.

- The example register headed as a clerk heads a printed list: «1. Mã xã:», «2. Tên đơn vị*»,
  «Loại:», «“Huyện”», «Tỉnh.» (a number before each heading, a colon or a full stop after it, the
  asterisk of a required column, quotes). Before: exit 1 and nothing written, ``missing-column``
  «the register needs column(s) code; found 1. Mã xã:, …»; with only «Loại:» so written, exit 0
  and every unit scored without the items of its type (``register-without-types``, 125
  ``self-score-differs`` for 129, the 60 units' indices changed). Headings were matched without
  case, marks, ``_``, ``-`` and spaces, and a note in brackets at their end; any other punctuation
  made them headings of no column. Now a heading's key is its words of letters and digits, a number
  numbering it left out (intake.sheet.heading_key), for every input read through it (assessments,
  survey, appraisal, register, lineage): the example's results.

- The same for the assessments («1. Mã xã», «2) Mã tiêu chí», «Giá trị:», «Điểm tự chấm*»; before:
  exit 1, ``missing-column`` for the code) and the appraisal («Lý do:», «Điểm thẩm định.»; before:
  exit 1, «the appraisal file needs column(s) reason»). A heading with a line break inside its cell
  («Mã xã⏎(cũ)», Alt+Enter) or a non-breaking space at its end was read already (the spaces of a
  heading are one space, and a note in brackets is read past).

- Commune 00001's long form with each input name written with a colon after it («tasks:»,
  «outputs:», as a printed form lists them; the same in a wide form's heading «1.1.2:tasks:»).
  Before: exit 1, 2,603 ``unknown-input`` errors («criterion 1.1.2 has no input named tasks:; did
  you mean «Tasks set for the 6 reform areas»?», a label for the name itself), 1,390
  ``self-score-differs``, the first commune's index 69.25 % for 95.98 %. Input names were matched
  without case, ``_``, ``-`` and spaces (intake.cell_checks.input_name_key) but not punctuation,
  which headings now are: now they are matched as headings are, the example's results.

- A register of wards and communes together headed «Mã xã, phường», «Tên xã, phường» (or «Mã
  xã/phường/thị trấn»). Before: exit 1, ``missing-column`` code. Now «mã» or «tên» followed by the
  words of one kind of unit or more names the code or the name (intake.sheet.unit_headings), in
  the register, the assessments, the appraisal and the lineage table («Mã xã, phường cũ»).

- The example register's district headed «Quận/Huyện/Thị xã» (or «Huyện, thị xã, thành phố»),
  ranked with ``--group-by district``. Before: exit 0, the register read without a district
  column, told only as the warning ``group-column-absent`` («the register has no column «district»,
  which the ranking is within: all 60 ranked units were ranked as one group»): ranks of 60 for
  ranks of 12. Now the words of the
  kinds of district, in order, name the district (and after «Mã», its code; intake.sheet.
  district_headings, not «Thành phố» alone, a province's heading too): the example's ranking.

- A lineage table headed as an English-speaking analyst heads it: «Former code», «Code after
  merger» (or «previous commune code» / «current commune code», «Code (old)» / «Code (new)»).
  Before: exit 1, ``missing-column`` «needs column(s) old_code, new_code»: only «old code»,
  «previous code», «code before» and their counterparts were read. Now a family of them
  (ranking.lineage: old, former, previous, prior, original, earlier, predecessor; new, current,
  present, successor, resulting, merged; code before or after the merger, the arrangement, …).

- The register's unit 00001 listed again under code 99999, its name written «P. Hồng Cẩm» (the
  shortened type word), or its district «Q. Quý Hậu» or with a Cyrillic «Н» in «Hậu». Before: exit 0;
  the copy ranked 12th of 12 in the district as a unit that sent nothing, ``register-name-twice``
  not told (the name compared without shortened type words, the district and province by their
  case alone), only ``group-spellings`` for the district's other spelling. Now the district and
  province are compared as a ranking group's name is, and the name with its type word written out
  (intake.tones.alike_name): ``register-name-twice`` at the copy's row.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding35.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_decoding28 import _write
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")

#: The register's headings as a clerk writes them (its columns: code, name, type, district,
#: province, note).
REGISTER_HEADINGS = ["1. Mã xã:", "2. Tên đơn vị*", "Loại:", "“Huyện”", "Tỉnh.", "Ghi chú"]
#: The long form's headings so written (commune_code, criterion_id, value, self_score).
FORM_HEADINGS = {"commune_code": "1. Mã xã", "criterion_id": "2) Mã tiêu chí", "value": "Giá trị:"}
FORM_HEADINGS["self_score"] = "Điểm tự chấm*"
#: The appraisal's (reason, score).
APPRAISAL_HEADINGS = {"reason": "Lý do:", "score": "Điểm thẩm định."}


def _register(folder: Path, args: list[str], headings: list[str], copy: dict[int, str] | None = None) -> list[str]:
    """``args`` with the register «danh-sach.csv» headed ``headings``; with ``copy``, unit 00001
    listed again as 99999, the cells of ``copy`` (by column) so written."""
    header, *units = _rows("communes.csv")
    assert header == ["code", "name", "type", "district", "province", "note"]
    if copy is not None:
        again = [*units[0]]
        again[0] = "99999"
        for column, cell in copy.items():
            again[column] = cell
        units.append(again)
    args[args.index("--communes") + 1] = str(_write(folder / "danh-sach.csv", [headings, *units]))
    return args


def register_punctuated(folder: Path) -> list[str]:
    return _register(folder, _score(folder), REGISTER_HEADINGS)


def register_type_with_colon(folder: Path) -> list[str]:
    return _register(folder, _score(folder), ["code", "name", "Loại:", "district", "province", "note"])


def register_of_wards_and_communes(folder: Path) -> list[str]:
    return _register(folder, _score(folder), ["Mã xã, phường", "Tên xã/phường", "type", "district", "province", "note"])


def register_district_of_every_kind(folder: Path) -> list[str]:
    headings = ["code", "name", "type", "Quận/Huyện/Thị xã", "province", "note"]
    return _register(folder, _score(folder, "--group-by", "district"), headings)


def form_punctuated(folder: Path) -> list[str]:
    header, *rows = _rows("assessments_long.csv")
    header = [FORM_HEADINGS.get(name, name) for name in header]
    args = _score(folder)
    args[1] = str(_write(folder / "tu-danh-gia.csv", [header, *rows]))
    return args


def inputs_with_colons(folder: Path) -> list[str]:
    header, *rows = _rows("assessments_long.csv")
    where = header.index("input")
    rows = [[*row[:where], f"{row[where]}:" if row[where] else "", *row[where + 1 :]] for row in rows]
    args = _score(folder)
    args[1] = str(_write(folder / "tu-danh-gia.csv", [header, *rows]))
    return args


def appraisal_punctuated(folder: Path) -> list[str]:
    header, *rows = _rows("appraisal.csv")
    header = [APPRAISAL_HEADINGS.get(name, name) for name in header]
    return [*_score(folder), "--appraisal", str(_write(folder / "tham-dinh.csv", [header, *rows]))]


def lineage_in_english(folder: Path) -> list[str]:
    """The example scored with last year's results (the example's own, ``nam-truoc.xlsx``, written
    here by pari) and a lineage table headed «Former code», «Code after merger»: 00004 merged into
    00001."""
    from children import pari_child

    first = _score(folder, out="nam-truoc.xlsx")
    done = pari_child(first, folder)
    assert done.returncode == 0, done.stdout + done.stderr
    table = [["Former code", "Code after merger"], ["00001", "00001"], ["00004", "00001"]]
    lineage = _write(folder / "noi-ma.csv", table)
    return [*_score(folder), "--previous", str(folder / "nam-truoc.xlsx"), "--lineage", str(lineage)]


def copy_short_name(folder: Path) -> list[str]:
    return _register(folder, _score(folder, "--group-by", "district"), _rows("communes.csv")[0], {1: "P. Hồng Cẩm"})


def copy_short_district(folder: Path) -> list[str]:
    return _register(folder, _score(folder, "--group-by", "district"), _rows("communes.csv")[0], {3: "Q. Quý Hậu"})


def copy_cyrillic_district(folder: Path) -> list[str]:
    copy = {3: "Quận Quý \u041dậu"}
    return _register(folder, _score(folder, "--group-by", "district"), _rows("communes.csv")[0], copy)


CASES: dict[str, Case] = {
    "well-register-headings-punctuated": register_punctuated,
    "well-register-type-heading-with-colon": register_type_with_colon,
    "well-register-of-wards-and-communes": register_of_wards_and_communes,
    "well-register-district-of-every-kind": register_district_of_every_kind,
    "well-form-headings-punctuated": form_punctuated,
    "well-form-inputs-with-colons": inputs_with_colons,
    "well-appraisal-headings-punctuated": appraisal_punctuated,
    "well-lineage-headed-in-english": lineage_in_english,
    "well-register-copy-short-name": copy_short_name,
    "well-register-copy-short-district": copy_short_district,
    "well-register-copy-cyrillic-district": copy_cyrillic_district,
}

# Exit 0 now, each (a warning, or nothing): tests/test_hostile_decoding35.py looks at them.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    name: (0, None, (*_INPUTS, "danh-sach.csv")) for name in CASES if "register" in name
}
EXPECTED["well-form-headings-punctuated"] = (0, None, (*_INPUTS, "tu-danh-gia.csv"))
EXPECTED["well-form-inputs-with-colons"] = (0, None, (*_INPUTS, "tu-danh-gia.csv"))
EXPECTED["well-appraisal-headings-punctuated"] = (0, None, (*_INPUTS, "tham-dinh.csv"))
EXPECTED["well-lineage-headed-in-english"] = (0, None, (*_INPUTS, "noi-ma.csv", "nam-truoc.xlsx"))
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["CASES", "EXPECTED", "NOT_WRITTEN"]
