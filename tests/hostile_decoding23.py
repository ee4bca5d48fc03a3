"""Hostile cases of the twenty-third session's helper decoding23: bytes a user gave that were read
as something else than what they were, without a word.

- A CSV UTF-8 file opened in Excel by a double click (Excel reads a file without a byte-order mark
  in the system's code page, Windows-1252 or Windows-1258) and saved again: every Vietnamese
  letter is two or three letters of the code page (``Phường`` as ``PhÆ°á»ng``, ``có`` as
  ``cÃ³``), valid UTF-8. The register was scored and ranked with its names garbled and its type
  column naming no type (scores changed), exit 0; the assessments failed one cell at a time
  (1,200 ``bad-value`` with a hint about Excel's error values); saved as a workbook, it was
  called a legacy font (TCVN3/VNI), whose converter garbles it further. Now ``letters-misread``
  refuses the file or sheet, showing a few words with what they were. The same for a Windows-1258
  file (Excel's «CSV» on a Vietnamese Windows) opened on an English Windows and saved as CSV UTF-8:
  its tone marks, bytes of their own, became letters of Windows-1252 (``PhýõÌng``).

- A stray quote opening an explanation cell, and another closing one seven lines below (a quote
  typed in two explanations): polars read the lines between as the text of one cell and the file
  parsed; commune 00001's seven rows were lost, the rows ledger counting 3,842 rows read as if
  the file had no others, exit 0. Now ``csv-syntax`` (``swallowed_rows``) names the row where the
  cell opens, how many lines look like rows and the first of them; line breaks typed in a cell
  (Alt+Enter) are read as ever.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding23.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import EXAMPLES, _examples, _rows, _score, cp1258_bytes

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")


def misread_bytes(data: bytes, code_page: str) -> str:
    """``data`` as a program shows it read in ``code_page`` one byte a letter, as Windows reads
    them (a byte the code page leaves undefined is the control character of its number)."""
    letters = []
    for byte in data:
        try:
            letters.append(bytes([byte]).decode(code_page))
        except UnicodeDecodeError:
            letters.append(chr(byte))
    return "".join(letters)


def misread(text: str, code_page: str) -> str:
    """``text``'s UTF-8 bytes read in ``code_page``: what Excel saves again after opening a CSV
    UTF-8 file by a double click."""
    return misread_bytes(text.encode("utf-8"), code_page)


def _misread_file(folder: Path, name: str, code_page: str) -> Path:
    path = folder / f"misread-{name}"
    text = (EXAMPLES / name).read_text(encoding="utf-8-sig")
    path.write_text(misread(text, code_page), encoding="utf-8-sig", newline="")
    return path


def misread_register_cp1252(folder: Path) -> list[str]:
    """The register opened on an English Windows (Windows-1252) and saved as CSV UTF-8."""
    args = _score(folder)
    args[args.index("--communes") + 1] = str(_misread_file(folder, "communes.csv", "cp1252"))
    return args


def misread_assessments_cp1258(folder: Path) -> list[str]:
    """The assessments opened on a Vietnamese Windows (Windows-1258) and saved as CSV UTF-8."""
    _examples(folder)
    return _score(folder, assessments=_misread_file(folder, "assessments_long.csv", "cp1258"))


def misread_register_1258_as_1252(folder: Path) -> list[str]:
    """The register saved as «CSV» on a Vietnamese Windows (Windows-1258, tones as combining
    marks), opened on an English Windows (Windows-1252) and saved as CSV UTF-8."""
    text = cp1258_bytes((EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig"))
    path = folder / "misread-communes.csv"
    path.write_text(misread_bytes(text, "cp1252"), encoding="utf-8", newline="")
    args = _score(folder)
    args[args.index("--communes") + 1] = str(path)
    return args


def misread_register_workbook(folder: Path) -> list[str]:
    """The register opened so and saved as a workbook (.xlsx)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "data"
    for row in _rows("communes.csv"):
        sheet.append([misread(cell, "cp1252") for cell in row])
    book.save(folder / "misread-communes.xlsx")
    args = _score(folder)
    args[args.index("--communes") + 1] = str(folder / "misread-communes.xlsx")
    return args


def well_register_of_symbols(folder: Path) -> list[str]:
    """A register whose notes hold the letters and symbols such text is made of, written as they
    should be (``Â°``, «quotes» after an accented letter, ``±2 m²``, ``Ðà``): read."""
    header, *rows = _rows("communes.csv")
    notes = ["nhiệt độ 30°C, «Xã» ±2 m²", "São João, Ánh «Hà»", "Â° «Ă» œ µ ¹", "Ðà Nẵng ™ € …"]
    for number, row in enumerate(rows):
        row[header.index("note")] = notes[number % len(notes)]
    path = folder / "don-vi.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    args = _score(folder)
    args[args.index("--communes") + 1] = str(path)
    return args


def _explanations(folder: Path, first: str, last: str, lines: int = 7) -> Path:
    """The example assessments with the explanation (the ninth cell) of the first line of a
    stretch of ``lines`` lines without quotes written ``first`` and that of its last ``last``
    (``tu-danh-gia.csv``)."""
    text = (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig").splitlines()
    start = next(n for n in range(40, len(text)) if not any('"' in line for line in text[n : n + lines + 1]))
    for number, value in ((start, first), (start + lines, last)):
        cells = text[number].split(",")
        cells[8] = value
        text[number] = ",".join(cells)
    path = folder / "tu-danh-gia.csv"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return path


def quote_swallows_rows(folder: Path) -> list[str]:
    """A quote typed at the start of one explanation and at the end of another seven rows below:
    the quoted cell holds the six rows between and the head of the seventh."""
    _examples(folder)
    return _score(folder, assessments=_explanations(folder, '"Đã họp ngày 5', 'xong"'))


def well_line_breaks_in_explanations(folder: Path) -> list[str]:
    """Explanations with line breaks typed in them (Alt+Enter in Excel), one line beginning with
    a code and holding commas: read, every row scored."""
    _examples(folder)
    first = '"Đã họp ngày 5/6\nBiên bản số 12, ký ngày 6/6, lưu tại\n00001 là mã xã, đã đối chiếu"'
    return _score(folder, assessments=_explanations(folder, first, '"Dòng một\nDòng hai"'))


CASES: dict[str, Case] = {
    "letters-misread-register-cp1252": misread_register_cp1252,
    "letters-misread-assessments-cp1258": misread_assessments_cp1258,
    "letters-misread-register-workbook": misread_register_workbook,
    "letters-misread-register-1258-as-1252": misread_register_1258_as_1252,
    "well-register-of-symbols": well_register_of_symbols,
    "csv-quote-swallows-rows": quote_swallows_rows,
    "well-csv-line-breaks-in-explanations": well_line_breaks_in_explanations,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "letters-misread-register-cp1252": (1, "letters-misread", (*_INPUTS, "misread-communes.csv")),
    "letters-misread-assessments-cp1258": (1, "letters-misread", (*_INPUTS, "misread-assessments_long.csv")),
    "letters-misread-register-workbook": (1, "letters-misread", (*_INPUTS, "misread-communes.xlsx")),
    "letters-misread-register-1258-as-1252": (1, "letters-misread", (*_INPUTS, "misread-communes.csv")),
    "well-register-of-symbols": (0, None, (*_INPUTS, "don-vi.csv")),
    "csv-quote-swallows-rows": (1, "csv-syntax", (*_INPUTS, "tu-danh-gia.csv")),
    "well-csv-line-breaks-in-explanations": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "letters-misread-register-cp1252": ("out.xlsx",),
    "letters-misread-assessments-cp1258": ("out.xlsx",),
    "letters-misread-register-workbook": ("out.xlsx",),
    "letters-misread-register-1258-as-1252": ("out.xlsx",),
    "csv-quote-swallows-rows": ("out.xlsx",),
}
