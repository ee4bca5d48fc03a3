"""Hostile cases of the thirty-first session's helper limits31: patterns tried at every character
of a long run of text. Each unbounded repeat followed by something that may fail, looked for
(``search``, ``findall``, ``finditer``) rather than matched at a fixed place, is tried again at
each character of a run that holds no match: the time is the square of the run. Found by trying
each compiled pattern of ``src`` on runs of one piece repeated (spaces, dots, digits, letters,
«điểm», ``?``, ...), then the patterns so applied to user text through the real ``pari score``.
Measured on this shared 2-core machine (load average 5 to 7), on main at 6c4cca8, then after.

- A workbook whose one cell tag carries an attribute name without ``=`` (``<c aaaa… r="A2">``):
  the tag's attributes are read by ``xml_patterns._ATTR.finditer``, which tried the name at each
  of its letters. A name of 10,000 letters: 2.0 CPU s for the run, 20,000: 5.3, 40,000: 18.3
  (a workbook of 2 KB, exit 0); this case's 1,000,000 letters (4 KB) would take hours. Now the
  pattern begins only where a name begins: 1.4 CPU s, exit 0.

- A CSV whose one cell is a word of 200,000 letters then `` ?`` (200 KB): the check for letters
  lost to ``?`` (``lost_letters._WORD_WITH_MARK.findall`` over the first MiB of the file) tried
  the word at each of its letters: 164 CPU s, and a SIGTERM (``timeout 120``) waited for the
  pattern to end, 365 s wall. This case's 32 cells of 32,000 letters each (1.4 MB): killed at 400 s
  wall (76 CPU s by 290 s; at 4.3 CPU s a word, some 140 CPU s in all). Now 1.3 CPU s, exit 0.

- ``pari criteria import`` of an annex whose maximum points cell holds a letter, 16,000 spaces
  and line breaks and a letter: the unit after the points was taken off with ``\\s*(điểm|đ|…)$``
  (``importing._without_unit``), tried at each space: 25 CPU s a cell (8,000: 5). This case's 20
  such cells (an .xlsx of 10 KB) were still running after 166 CPU s (12 minutes wall at load 7), when stopped.
  Now the unit is looked for alone and the spaces stripped after: 1.2 CPU s, exit 0, each cell
  told in the draft's list of things to do (points not read).

- An .ods whose one column tag carries an attribute name of 8,000,000 letters without ``=``
  (17 KB): the attributes of content.xml's style and column tags (``ods_styles._ATTR``, names
  bounded to 40 and 60 bytes, so linear) were tried at each byte, up to 100 bytes each: 12.1 CPU s
  (1,000,000 letters: 2.3), exit 0. Now the pattern begins only where a name begins: 0.3 s of
  pattern for 8 MB, 2.0 CPU s for the run, exit 0.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits31.py checks what each answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _csv_text, _example_rows_xml, _rows, _score

Case = Callable[[Path], list[str]]

#: Letters of the long run each case writes: enough that trying each start takes hours.
RUN = 1_000_000


def xlsx_tag_of_a_long_name(folder: Path, letters: int = RUN) -> list[str]:
    """The example's long form (its first 300 rows, inline strings) as an .xlsx whose cell A2
    carries an attribute name of ``letters`` letters without ``=`` before its ``r``."""
    from hostile_xlsx import sheet_xml, write_package

    rows = _example_rows_xml().replace('<c r="A2"', f'<c {"a" * letters} r="A2"', 1)
    assert f'<c {"a" * letters} r="A2"' in rows
    path = write_package(folder / "tu-danh-gia.xlsx", sheet_xml(rows))
    return _score(folder, "--format", "csv", assessments=path, out="ket-qua")


def csv_words_of_many_letters_before_a_mark(folder: Path) -> list[str]:
    """The example's long form as CSV whose first 32 explanations are each a word of 32,000
    letters (under the 32,767 a cell may hold), a space and a ``?``: 1 MB, the first MiB of the
    file being where a word with a lost letter is looked for."""
    head, *body = _rows("assessments_long.csv")
    for row in body[:32]:
        row[head.index("explanation")] = "a" * 32_000 + " ?"
    path = folder / "tu-danh-gia.csv"
    path.write_text(_csv_text([head, *body], ","), encoding="utf-8")
    return _score(folder, "--format", "csv", assessments=path, out="ket-qua")


def annex_points_of_many_spaces(folder: Path) -> list[str]:
    """The example annex whose maximum points (column C) of its first 20 criteria rows are each a
    letter, 16,000 spaces and line breaks, and a letter (32,002 characters, under the 32,767 a cell
    may hold): ``pari criteria import``."""
    import openpyxl
    from hostile_sweep8 import EXAMPLES

    book = openpyxl.load_workbook(EXAMPLES / "annex" / "phu-luc-mau.xlsx")
    sheet = book.active
    assert sheet is not None and sheet["C5"].value.startswith("Điểm")
    for row in range(8, 28):
        sheet[f"C{row}"] = "a" + " \n" * 16_000 + "a"
    book.save(folder / "phu-luc.xlsx")
    return ["criteria", "import", str(folder / "phu-luc.xlsx"), "-o", str(folder / "du-thao.yaml")]


def ods_column_tag_of_a_long_name(folder: Path) -> list[str]:
    """The example's long form (its first 300 rows) as an .ods whose one column tag carries an
    attribute name of 8,000,000 letters without ``=`` (content.xml of 8 MB in 17 KB, under the
    32 MiB a part may inflate to at any ratio)."""
    from hostile_sweep9 import ods_example_rows, write_ods

    column = f'<table:table-column {"a" * 8_000_000} table:number-columns-repeated="2"/>'
    path = write_ods(folder / "tu-danh-gia.ods", column + ods_example_rows())
    return _score(folder, "--format", "csv", assessments=path, out="ket-qua")


CASES: dict[str, Case] = {
    "xlsx-tag-of-a-long-name": xlsx_tag_of_a_long_name,
    "csv-words-of-many-letters-before-a-mark": csv_words_of_many_letters_before_a_mark,
    "annex-points-of-many-spaces": annex_points_of_many_spaces,
    "ods-column-tag-of-a-long-name": ods_column_tag_of_a_long_name,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "xlsx-tag-of-a-long-name": (0, None, ("tu-danh-gia.xlsx", "communes.csv")),
    "csv-words-of-many-letters-before-a-mark": (0, None, ("tu-danh-gia.csv", "communes.csv")),
    "annex-points-of-many-spaces": (0, None, ("phu-luc.xlsx",)),
    "ods-column-tag-of-a-long-name": (0, None, ("tu-danh-gia.ods", "communes.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
