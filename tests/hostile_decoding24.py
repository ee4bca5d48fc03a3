"""Hostile cases of the twenty-fourth session's helper decoding24: cells read as something else
than what the user saw, and rows lost without a word.

- A CSV file with a stray quote (tests/hostile_decoding23.py's ``csv-quote-swallows-rows``)
  opened in Excel or LibreOffice and saved as a workbook: the rows the quote swallowed are the
  lines of one explanation cell. The workbook was read, every row «used», commune 00001's seven
  rows lost, exit 0. Now ``rows-in-one-cell`` refuses the sheet, naming the row, how many lines
  and the first; line breaks typed in a workbook's cells are read as ever. The same from a CSV
  saved with semicolons (a Vietnamese Excel's «CSV»).

- A date typed into a column of text of a workbook (a register's district and note, an evidence
  number ``6/4`` that Excel made a date): it went into the outputs as calamine writes it,
  ``2025-04-06 00:00:00``. Now every date cell of a workbook reads as a Vietnamese Excel shows it,
  ``06/04/2025`` (tests/test_hostile_decoding24.py looks into the outputs).

- Three names of a register's sixty pasted from a damaged file: misread in Windows-1252
  (``PhÆ°á»ng``) or saved in it (``Ph??ng``). Below the share that refuses a file
  (``letters-misread``, ``letters-lost``: more than a fifth of the words), they were ranked and
  published garbled without a word. Now a warning (``letters-misread-some``, ``letters-lost-some``)
  names a few of the words (with what they were, when that can be told) and how many; the file
  is read as before.

- A code column of a workbook holding numbers in the format ``00000`` (1 shown 00001), a
  common way to keep codes' leading zeros on screen: read as 1, 2, ..., every row was refused
  as an unknown commune whose code «lost its leading zeros», which the user could not see. Now
  such numbers are read as the sheet shows them, as percent-formatted ones are.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding24.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from hostile_decoding23 import _explanations, misread
from hostile_sweep8 import EXAMPLES, _examples, _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
#: The day typed into the text columns (a Saturday in the year assessed).
DAY = dt.datetime(2025, 4, 6)


def _workbook_of(source: Path, target: Path, delimiter: str = ",") -> Path:
    """``source`` (a CSV file) as Excel or LibreOffice opens and saves it as a workbook: each
    record a row, a quoted cell's lines in one cell."""
    import openpyxl

    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=delimiter))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "data"
    for row in rows:
        sheet.append(row)
    book.save(target)
    return target


def quote_swallows_rows_saved_as_workbook(folder: Path) -> list[str]:
    """The assessments with a stray quote swallowing seven rows, opened and saved as .xlsx."""
    _examples(folder)
    broken = _explanations(folder, '"Đã họp ngày 5', 'xong"')
    workbook = _workbook_of(broken, folder / "tu-danh-gia.xlsx")
    broken.unlink()
    return _score(folder, assessments=workbook)


def semicolon_register_swallows_rows_saved_as_workbook(folder: Path) -> list[str]:
    """The register saved with semicolons, a note opened by a stray quote and closed five rows
    below, opened and saved as .xlsx: five units in one note."""
    header, *rows = _rows("communes.csv")
    note = header.index("note")
    lines = [";".join([*header])] + [";".join(row) for row in rows]
    lines[10] = ";".join([*rows[9][:note], '"ghi chú', *rows[9][note + 1 :]])
    lines[15] = ";".join([*rows[14][:note], 'hết"', *rows[14][note + 1 :]])
    source = folder / "don-vi.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    workbook = _workbook_of(source, folder / "don-vi.xlsx", ";")
    source.unlink()
    args = _score(folder)
    args[args.index("--communes") + 1] = str(workbook)
    return args


def well_workbook_line_breaks_in_explanations(folder: Path) -> list[str]:
    """A workbook whose explanations hold line breaks typed in them (Alt+Enter), one line
    beginning with a code and holding commas: read, every row scored."""
    _examples(folder)
    first = '"Đã họp ngày 5/6\nBiên bản số 12, ký ngày 6/6, lưu tại\n00001 là mã xã, đã đối chiếu"'
    source = _explanations(folder, first, '"Dòng một\nDòng hai"')
    workbook = _workbook_of(source, folder / "tu-danh-gia.xlsx")
    source.unlink()
    return _score(folder, assessments=workbook)


def dates_typed_in_text_columns(folder: Path) -> list[str]:
    """A register workbook whose first three units have a date typed as their district and note,
    and assessments whose first three evidence numbers are a date (``6/4`` made a date by Excel)."""
    import openpyxl

    header, *rows = _rows("communes.csv")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "data"
    sheet.append(header)
    for number, row in enumerate(rows):
        cells: list[object] = list(row)
        if number < 3:
            cells[header.index("district")] = DAY
            cells[header.index("note")] = DAY
        sheet.append(cells)
    book.save(folder / "don-vi.xlsx")
    header, *rows = _rows("assessments_long.csv")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "data"
    sheet.append(header)
    dated = 0
    for row in rows:
        cells = list(row)
        if row[header.index("evidence_number")] and dated < 3:
            cells[header.index("evidence_number")] = DAY
            dated += 1
        sheet.append(cells)
    book.save(folder / "tu-danh-gia.xlsx")
    args = _score(folder, assessments=folder / "tu-danh-gia.xlsx")
    args[args.index("--communes") + 1] = str(folder / "don-vi.xlsx")
    return args


def _some_names(folder: Path, damage: Callable[[str], str], suffix: str = ".csv") -> list[str]:
    """The register with three units' names damaged by ``damage`` (rows pasted from a damaged
    file), as ``don-vi.csv`` (or a workbook, ``suffix`` .xlsx)."""
    header, *rows = _rows("communes.csv")
    name = header.index("name")
    for row in rows[:3]:
        row[name] = damage(row[name])
    path = folder / f"don-vi{suffix}"
    if suffix == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "data"
        for row in [header, *rows]:
            sheet.append(row)
        book.save(path)
    else:
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *rows])
    args = _score(folder)
    args[args.index("--communes") + 1] = str(path)
    return args


def lost_to_question_marks(text: str) -> str:
    """``text`` saved in Windows-1252, which has no ư, ơ, ă, đ nor most toned letters: each is ?."""
    return text.encode("cp1252", errors="replace").decode("cp1252")


def some_names_misread(folder: Path) -> list[str]:
    """Three names of the register's sixty pasted from a CSV UTF-8 file opened in Windows-1252."""
    return _some_names(folder, lambda name: misread(name, "cp1252"))


def some_names_misread_in_a_workbook(folder: Path) -> list[str]:
    """The same, in a register workbook."""
    return _some_names(folder, lambda name: misread(name, "cp1252"), ".xlsx")


def some_names_lost(folder: Path) -> list[str]:
    """Three names of the register's sixty pasted from a file saved in Windows-1252 (``Ph??ng``)."""
    return _some_names(folder, lost_to_question_marks)


def _padded_workbook(name: str, target: Path) -> Path:
    """The example ``name`` as a workbook whose code column holds numbers in the format
    ``00000`` (1 shown 00001), as many keep codes' leading zeros on screen."""
    import openpyxl

    header, *rows = _rows(name)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "data"
    sheet.append(header)
    for row in rows:
        sheet.append([int(row[0]), *row[1:]])
        sheet.cell(sheet.max_row, 1).number_format = "00000"
    book.save(target)
    return target


def codes_padded_by_their_format(folder: Path) -> list[str]:
    """The register and the assessments as workbooks whose codes are numbers formatted ``00000``."""
    assessments = _padded_workbook("assessments_long.csv", folder / "tu-danh-gia.xlsx")
    args = _score(folder, assessments=assessments)
    args[args.index("--communes") + 1] = str(_padded_workbook("communes.csv", folder / "don-vi.xlsx"))
    return args


CASES: dict[str, Case] = {
    "rows-in-one-cell-assessments-workbook": quote_swallows_rows_saved_as_workbook,
    "rows-in-one-cell-semicolon-register-workbook": semicolon_register_swallows_rows_saved_as_workbook,
    "well-workbook-line-breaks-in-explanations": well_workbook_line_breaks_in_explanations,
    "well-workbook-dates-typed-in-text-columns": dates_typed_in_text_columns,
    "letters-misread-some-register": some_names_misread,
    "letters-misread-some-register-workbook": some_names_misread_in_a_workbook,
    "letters-lost-some-register": some_names_lost,
    "well-workbook-codes-padded-by-format": codes_padded_by_their_format,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "rows-in-one-cell-assessments-workbook": (1, "rows-in-one-cell", (*_INPUTS, "tu-danh-gia.xlsx")),
    "rows-in-one-cell-semicolon-register-workbook": (1, "rows-in-one-cell", (*_INPUTS, "don-vi.xlsx")),
    "well-workbook-line-breaks-in-explanations": (0, None, (*_INPUTS, "tu-danh-gia.xlsx")),
    "well-workbook-dates-typed-in-text-columns": (0, None, (*_INPUTS, "don-vi.xlsx", "tu-danh-gia.xlsx")),
    # Warnings (read, exit 0): tests/test_hostile_decoding24.py finds them in the findings sheet.
    "letters-misread-some-register": (0, None, (*_INPUTS, "don-vi.csv")),
    "letters-misread-some-register-workbook": (0, None, (*_INPUTS, "don-vi.xlsx")),
    "letters-lost-some-register": (0, None, (*_INPUTS, "don-vi.csv")),
    "well-workbook-codes-padded-by-format": (0, None, (*_INPUTS, "don-vi.xlsx", "tu-danh-gia.xlsx")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "rows-in-one-cell-assessments-workbook": ("out.xlsx",),
    "rows-in-one-cell-semicolon-register-workbook": ("out.xlsx",),
}

__all__ = ["CASES", "DAY", "EXAMPLES", "EXPECTED", "NOT_WRITTEN"]
