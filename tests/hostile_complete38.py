"""Hostile cases of the thirty-eighth session's helper complete38: every input row scored or
reported, and an incomplete run saying so. Each was run with the real ``pari`` on 5bf6759 (before)
and after the fix (the example province, 60 communes):

- A merge spanning several rows: the register as a workbook, its district merged down over five
  units (``D2:D6``, the value in D2 alone). ``merged-cells`` (exit 1) and the input rows table
  made row 2, the one holding the value, ``partial``, and rows 3–6, the units read with no
  district, ``registered``: «INCOMPLETE: 0 rows rejected in 1 file (1 more row only partly
  used)». A form whose commune code was merged down (``A2:A6``) gave rows 3–6 «the row has no
  commune code», the merge that emptied them named only at row 2. Now every row a merge covers
  carries it (``intake.ledger.merges_spread``, for the assessments' ledger and the register's and
  the appraisal's): rows 2–6 partial, «cells D2:D6 are merged …» their reason; rows 3–6 of the
  form rejected, the merge named before «no commune code».

- An .xls or .xlsb register whose district is merged down over five units (D2:D6), two rows
  hidden (8–9) and its notes column hidden: read with exit 0 and not a word, the four units
  with no district ranked as the others (the legacy scan, ``intake.xlsx.legacy_scan``, measured
  their cells and nothing else; an .xlsx's and an .ods's merges and hidden rows and columns have
  been told since sessions 25–26). Now the scan notes BIFF8's MERGEDCELLS, ROW (``fDyZero``) and
  COLINFO (``fHidden``) records and BIFF12's BrtMergeCell, BrtRowHdr and BrtColInfo as the
  .xlsx scan notes its tags: ``merged-cells`` (exit 1, rows 2–6 partial), ``hidden-rows``,
  ``hidden-columns``.

- An .xls register of the example's 60 units above 1,500 rows of formulas whose saved result is
  the empty text (``=IF(A2="","",…)`` filled down), ``PARI_MAX_REGISTER_ROWS=1000``: refused as
  «1,560 rows, more than the 1,000 read» (exit 1), though calamine reads the 60 units alone (the
  .xlsx scan leaves such cells out of its least count since session 36; the .xls scan counted
  them). Now a FORMULA record whose result is the empty text is counted as an empty cell
  (``legacy_scan._xls_cells``): read, 60 units. (An .ods's are not counted yet: not done here.)

- The banner of a run whose rows were only partly used, none rejected: «CHƯA ĐẦY ĐỦ: 0 dòng bị
  loại trong 1 tệp (2 dòng khác chỉ dùng được một phần)» / «INCOMPLETE: 0 rows rejected in 1 file
  (2 more rows only partly used)» (a form repeating a row with another date and self-score: two
  ``conflicting-values``, neither used). Now «CHƯA ĐẦY ĐỦ: 2 dòng chỉ dùng được một phần trong 1
  tệp» / «INCOMPLETE: 2 rows only partly used in 1 file», and, with both, «4 rows rejected and 1
  row only partly used in 1 file» (``scoring.completeness._rows_notice``).

- Rows that are no data: a «Tổng cộng» row under the data (``total-row``) or the column names
  pasted again below it (``header-repeated``), in the register, the survey or the appraisal (and
  any form). Each was told by a warning, and left out of the input rows table: the register of 62
  rows had 60 in the table, the survey of 363 rows 361, «Input rows: 3,910 read». The table
  said nothing of those rows. Now each is in the table in its place, ``empty`` («nothing to
  score»), the warning its reason (``intake.ledger.not_data_rows``, for every input of the run);
  they are still no error (a total is computed by pari, session 21): the run is complete, exit 0.

- A register workbook with a second sheet of notes (``Ghi chú``, one line below it): told as
  ``missing-column`` and a part not read (exit 1), its line in no status of the input rows
  table («Input rows: 3,849 read»), where a survey's or a form's sheet so made has its rows
  rejected. The same of an appraisal workbook's notes sheet. Now the register's and the
  appraisal's are rejected too (``tables.read_with_columns(unread=…)``): «3,850 read, 1
  rejected», the missing column their reason.

Tried and already answered (no case here): an autofilter hiding rows (``hidden-rows``, rows
scored and told), columns hidden or grouped (``hidden-columns``), an Excel Table object, two
header rows (a title above the headings: ``title-rows``), data in a second sheet of the same
layout (both read), a hidden sheet (``hidden-sheet``, a part not read, exit 1), assessments,
survey and appraisal rows of a unit not in the register (``unknown-commune``, rejected, exit 1),
register units never assessed («sent no self-assessment»).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``ROWS`` each
not-data case's input file and the rows it holds below its headings.
"""

from __future__ import annotations

import csv
import shutil
import struct
from collections.abc import Callable
from pathlib import Path

from biff_writers import XlsLayout, _record, write_xls, write_xls_table, write_xlsb, xls_sheet, xls_stream, xlsb_sheet
from hostile_sweep8 import EXAMPLES, _examples, _score

Case = Callable[[Path], list[str]]


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _workbook(path: Path, rows: list[list[str]], merge: tuple[int, int, int]) -> Path:
    """``rows`` as a workbook, column ``merge[2]`` merged from sheet row ``merge[0]`` to
    ``merge[1]`` (0-based), the first row's value in the merge alone."""
    import xlsxwriter

    first, last, column = merge
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet("Danh sách")
        for at, row in enumerate(rows):
            sheet.write_row(at, 0, ["" if first < at <= last and c == column else v for c, v in enumerate(row)])
        sheet.merge_range(first, column, last, column, rows[first][column])
    return path


def register_district_merged_down(folder: Path) -> list[str]:
    """The register as a workbook, the district of its first five units merged down (D2:D6)."""
    files = _examples(folder)
    register = _workbook(folder / "communes.xlsx", _csv_rows(files["communes"]), (1, 5, 3))
    args = _score(folder)
    args[args.index("--communes") + 1] = str(register)
    return args


#: The legacy registers' layout: D2:D6 merged (0-based rows 1–5, column 3), rows 8–9 hidden,
#: column F (the notes) hidden.
LEGACY_LAYOUT = XlsLayout(hidden_rows=(7, 8), hidden_columns=((5, 5),), merged=((1, 5, 3, 3),))


def _merged_register_rows(folder: Path) -> list[list[str]]:
    """The register's rows, the district of rows 3–6 empty (as a merge down from row 2 leaves them)."""
    rows = _csv_rows(_examples(folder)["communes"])
    for at in range(2, 6):
        rows[at][3] = ""
    return rows


def _with_register(folder: Path, register: Path) -> list[str]:
    args = _score(folder)
    args[args.index("--communes") + 1] = str(register)
    return args


def xls_register_merged_and_hidden(folder: Path) -> list[str]:
    register = write_xls_table(folder / "communes.xls", _merged_register_rows(folder), layout=LEGACY_LAYOUT)
    return _with_register(folder, register)


def xlsb_register_merged_and_hidden(folder: Path) -> list[str]:
    rows = _merged_register_rows(folder)
    cells = [(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row) if text]
    part = xlsb_sheet(cells, (0, len(rows) - 1, 0, len(rows[0]) - 1), LEGACY_LAYOUT)
    register = write_xlsb(
        folder / "communes.xlsb", [("data", "worksheets/sheet1.bin")], {"worksheets/sheet1.bin": part}
    )
    return _with_register(folder, register)


#: Rows of formulas below the register of :func:`xls_register_above_formulas`, six cells each.
FORMULA_ROWS = 1_500


def _empty_text_formula(row: int, col: int) -> bytes:
    """A BIFF8 FORMULA record whose saved result is the empty text (type 3, 0xFFFF in its last two
    bytes), its formula ``=""`` (tStr of no character)."""
    result = bytes([3, 0, 0, 0, 0, 0, 0xFF, 0xFF])
    return _record(0x0006, struct.pack("<HHH", row, col, 15) + result + struct.pack("<HIH", 0, 0, 3) + b"\x17\0\0")


def xls_register_above_formulas(folder: Path, text: bool = False) -> list[str]:
    """The register as an .xls above :data:`FORMULA_ROWS` rows of six formulas whose result is
    the empty text; with ``text``, of six cells of text instead (a register that long)."""
    rows = _csv_rows(_examples(folder)["communes"])
    below = range(len(rows), len(rows) + FORMULA_ROWS)
    if text:
        extra = [(r, c, "x") for r in below for c in range(6)]
        return _with_register(folder, write_xls_table(folder / "communes.xls", rows, extra))
    strings: dict[str, int] = {}
    cells = [(r, c, strings.setdefault(t, len(strings))) for r, row in enumerate(rows) for c, t in enumerate(row) if t]
    sheet = xls_sheet(cells)
    formulas = b"".join(_empty_text_formula(r, c) for r in below for c in range(6))
    eof = len(_record(0x000A))
    stream = xls_stream([("data", sheet[:-eof] + formulas + sheet[-eof:])], list(strings))
    return _with_register(folder, write_xls(folder / "communes.xls", stream))


def _with_notes_sheet(path: Path, rows: list[list[str]]) -> Path:
    """``rows`` as a workbook's sheet «Danh sách», and a second sheet «Ghi chú» holding a line of notes."""
    import xlsxwriter

    with xlsxwriter.Workbook(str(path)) as book:
        units = book.add_worksheet("Danh sách")
        for at, row in enumerate(rows):
            units.write_row(at, 0, row)
        notes = book.add_worksheet("Ghi chú")
        notes.write_column(0, 0, ["Ghi chú", "Danh sách cập nhật tháng 7/2025"])
    return path


def register_with_notes_sheet(folder: Path) -> list[str]:
    rows = _csv_rows(_examples(folder)["communes"])
    return _with_register(folder, _with_notes_sheet(folder / "communes.xlsx", rows))


def appraisal_with_notes_sheet(folder: Path) -> list[str]:
    _examples(folder)
    appraisal = _with_notes_sheet(folder / "appraisal.xlsx", _csv_rows(EXAMPLES / "appraisal.csv"))
    return _score(folder, "--appraisal", str(appraisal))


def form_code_merged_down(folder: Path) -> list[str]:
    """The long assessments as a workbook, the commune code of their first five rows merged down."""
    files = _examples(folder)
    form = _workbook(folder / "assessments.xlsx", _csv_rows(files["assessments_long"]), (1, 5, 0))
    return _score(folder, assessments=form)


def form_row_repeated_otherwise(folder: Path) -> list[str]:
    """The long assessments with their first row repeated at the end with another date and self-score."""
    rows = _csv_rows(_examples(folder)["assessments_long"])
    rows.append([*rows[1][:3], "01/01/2025", "0", *rows[1][5:]])
    return _score(folder, assessments=_write_csv(folder / "assessments.csv", rows))


#: A total row and the column names pasted again, put after this many rows of a table's data.
_AT = 30


def _not_data(rows: list[list[str]]) -> list[list[str]]:
    """``rows`` with a «Tổng cộng» row and the headings again after the first :data:`_AT` rows of data."""
    total = ["Tổng cộng", *[""] * (len(rows[0]) - 1)]
    return [*rows[: _AT + 1], total, rows[0], *rows[_AT + 1 :]]


def register_total_and_headings(folder: Path) -> list[str]:
    files = _examples(folder)
    register = _write_csv(folder / "communes_2.csv", _not_data(_csv_rows(files["communes"])))
    args = _score(folder)
    args[args.index("--communes") + 1] = str(register)
    return args


def survey_total_and_headings(folder: Path) -> list[str]:
    files = _examples(folder)
    survey = _write_csv(folder / "survey_2.csv", _not_data(_csv_rows(files["survey"])))
    args = _score(folder)
    args[args.index("--survey") + 1] = str(survey)
    return args


def appraisal_total_and_headings(folder: Path) -> list[str]:
    _examples(folder)
    shutil.copy(EXAMPLES / "appraisal.csv", folder / "appraisal.csv")
    appraisal = _write_csv(folder / "appraisal_2.csv", _not_data(_csv_rows(folder / "appraisal.csv")))
    return _score(folder, "--appraisal", str(appraisal))


CASES: dict[str, Case] = {
    "register-district-merged-down": register_district_merged_down,
    "xls-register-merged-and-hidden": xls_register_merged_and_hidden,
    "xlsb-register-merged-and-hidden": xlsb_register_merged_and_hidden,
    "form-code-merged-down": form_code_merged_down,
    "register-with-notes-sheet": register_with_notes_sheet,
    "appraisal-with-notes-sheet": appraisal_with_notes_sheet,
    "form-row-repeated-otherwise": form_row_repeated_otherwise,
    "register-total-and-headings": register_total_and_headings,
    "survey-total-and-headings": survey_total_and_headings,
    "appraisal-total-and-headings": appraisal_total_and_headings,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "register-district-merged-down": (1, "merged-cells", ("communes.xlsx",)),
    "xls-register-merged-and-hidden": (1, "merged-cells", ("communes.xls",)),
    "xlsb-register-merged-and-hidden": (1, "merged-cells", ("communes.xlsb",)),
    "form-code-merged-down": (1, "merged-cells", ("assessments.xlsx",)),
    "register-with-notes-sheet": (1, "missing-column", ("communes.xlsx",)),
    "appraisal-with-notes-sheet": (1, "missing-column", ("appraisal.xlsx",)),
    "form-row-repeated-otherwise": (1, "conflicting-values", ("assessments.csv",)),
    "register-total-and-headings": (0, None, ("communes_2.csv",)),
    "survey-total-and-headings": (0, None, ("survey_2.csv",)),
    "appraisal-total-and-headings": (0, None, ("appraisal_2.csv",)),
}

#: The not-data cases' input file, its input kind in the rows table, and its rows below the
#: headings (the example's 60 units, 360 survey rows and 59 appraisal rows, and two more).
ROWS: dict[str, tuple[str, str, int]] = {
    "register-total-and-headings": ("communes_2.csv", "register", 62),
    "survey-total-and-headings": ("survey_2.csv", "survey", 362),
    "appraisal-total-and-headings": ("appraisal_2.csv", "appraisal", 61),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
