"""Hostile cases of the thirty-ninth session's helper language39: a register's column and a
workbook's part named in the language of the run. Each was run with the real ``pari`` on a6bdad8
(before) and after the fix:

- ``pari --lang vi score … --communes dm.csv --group-by huyện``, the register headed ``Mã, Tên,
  Loại, Huyện, Tỉnh`` with one district left empty and one written in lower case: the findings
  sheet placed both at the column ``district``, the run's own name, and said «1 đơn vị được xếp
  hạng không có «district» trong danh sách đơn vị»; now «Huyện», the file's heading, in the column
  and in the sentence (intake.register.register_heading with Register.headings; every finding of
  the ranking on a register column: group-value-empty, group-spellings, group-type-word,
  group-few-units, province-not-the-set-s).

- The same, the register without a district column at all (``code,name,type,province``): the
  Vietnamese said «danh sách đơn vị không có cột «district»», the run's name of what a register may
  head «Huyện»; now «huyện», as --group-by takes it in the run's language (group-column-absent's
  ``group_column``, rendered by messages.labels.group_columns_text).

- ``PARI_MAX_XLSX_TEXT_BYTES=1000 pari --lang vi score assessments_wide.xlsx …`` (an environment
  variable is no argument of a case: tests/test_hostile_language39.py): the Vietnamese said only
  «văn bản của sổ tính vượt quá 1.000 byte», the English «(at sharedStrings.xml)», exit 1; now
  both name the part (``tại bảng văn bản dùng chung (sharedStrings.xml)``), from the catalogue's
  words ``text_part`` in place of the site's English.

- ``pari --lang vi demo-data -o demo --mistakes 0,1``: refused, «Giá trị không hợp lệ cho
  '--mistakes': '0,1' không phải số thực hợp lệ.», exit 2, where the Vietnamese help page gave the
  default as «0.05»; now a share is taken with a decimal comma as with a point (cli_params.SHARE)
  and the Vietnamese help page writes the default «0,05» (help_words.VietnameseHelpFormatter).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _examples

Case = Callable[[Path], list[str]]
KEPT = ("dm.csv", "assessments_long.csv", "survey.csv")

#: The example register's headings in Vietnamese, as a district office writes them.
HEADINGS = "Mã,Tên,Loại,Huyện,Tỉnh,Ghi chú"


def _vietnamese_register(folder: Path) -> None:
    """``dm.csv``: the example register headed in Vietnamese, its first unit's district left empty
    and its second's written in lower case (one name two ways: group-spellings)."""
    rows = (_examples(folder)["communes"]).read_text(encoding="utf-8-sig").splitlines()[1:]
    first, second = rows[0].split(","), rows[1].split(",")
    first[3], second[3] = "", second[3].lower()
    rows[0], rows[1] = ",".join(first), ",".join(second)
    (folder / "dm.csv").write_text("\n".join([HEADINGS, *rows]) + "\n", encoding="utf-8")


def register_headed_in_vietnamese(folder: Path) -> list[str]:
    """Ranked within the districts of a register headed «Huyện»: its findings name «Huyện»."""
    _vietnamese_register(folder)
    return [
        "score", "assessments_long.csv", "--communes", "dm.csv", "--survey", "survey.csv",
        "--group-by", "huyện", "-o", "out.xlsx",
    ]  # fmt: skip


def register_without_the_district(folder: Path) -> list[str]:
    """Ranked within the districts of a register that has no district column."""
    rows = (_examples(folder)["communes"]).read_text(encoding="utf-8-sig").splitlines()
    kept = [",".join(cells[:3] + cells[4:5]) for cells in (row.split(",") for row in rows)]
    (folder / "dm.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return [
        "score", "assessments_long.csv", "--communes", "dm.csv", "--survey", "survey.csv",
        "--group-by", "huyện", "-o", "out.xlsx",
    ]  # fmt: skip


def demo_with_a_decimal_comma(folder: Path) -> list[str]:
    """A share of mistakes written as Vietnamese writes a number: «0,1»."""
    return ["demo-data", "-o", "demo", "--communes", "20", "--mistakes", "0,1"]


CASES: dict[str, Case] = {
    "register-headed-in-vietnamese": register_headed_in_vietnamese,
    "register-without-the-district": register_without_the_district,
    "demo-with-a-decimal-comma": demo_with_a_decimal_comma,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "register-headed-in-vietnamese": (0, None, KEPT),
    "register-without-the-district": (0, None, KEPT),
    "demo-with-a-decimal-comma": (0, None, ()),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
