"""Hostile cases of the thirtieth session's helper decoding30: bytes a user gave that pari read as
something else, or a file it was given that it never mentioned.

- Commune 00001's assessments with an evidence folder that holds a whole PDF for each name its
  rows give, except three as a clerk leaves them: «1_1_1_KH_72_2025 (1).pdf» (the second download
  of the plan the row names «1_1_1_KH_72_2025.pdf»), «1_2_BC_215_2025.docx» (the report in Word,
  the row names its .pdf) and «Danh sách cán bộ.xlsx», which no row names (besides Explorer's
  ``Thumbs.db``, Excel's lock file and a Mac zip's ``__MACOSX``, never told). Measured before the fix
  (1db33ae): exit 0, two ``evidence-file_not_found`` (each item 0 points) that did not say the
  file was there under a near name, and not a word of the three files in the folder. Now each
  file no row names is an ``evidence-file-unused`` warning naming the row's near name, and each
  not-found row names the near file ("the folder has a file of a near name").

- The same folder, two of the PDFs a web page saved under the PDF's name and a PDF cut short.
  Before: exit 0, ``evidence-damaged_file`` whose Vietnamese message left out why the file is
  damaged ("Tệp minh chứng bị hỏng: tiêu chí được 0 điểm (…pdf)"), the reason kept in English in
  the parameters only. Now the reason is in the message in both languages (messages.evidence_notes).

- Commune 00001's evidence folder whole, two rows naming their file with a final dot or dot and
  space (``1_1_2_KH_54_2025.pdf.``), which Windows drops: on the clerk's machine the file opens.
  Before: exit 0, both items ``evidence-file_not_found`` and 0 points on Linux (a ranking that
  depended on the machine it was run on). Now the names are found as Windows finds them.

- Commune 00001's counts of a thousand and more written with a thousands dot (``1.887``, as Excel
  set to show thousands exports them). Before: exit 1, four ``not-whole`` errors with the hint "a
  count is a whole number", which does not say what is wrong with 1.887. Now the hint says "if
  1.887 is 1887 (a dot or comma separating thousands), write 1887 without the separator".

- Commune 00001's values, self-scores and dates typed in full-width digits (``１``, ``０．５``,
  ``０４/０６/２０２５``: an input method for Chinese or Japanese left on, or a copy from a document
  made with one). Before: exit 1, 136 errors (``bad-value``: "１ is not a number of points"), 19
  rows rejected and 46 partly. Now they are the numbers and dates they show: exit 0, the commune's
  points those of the plain file.

- ``pari criteria export`` of a set one of whose titles is 40,000 characters long. Before: exit 0
  and not a word; the title cut to 32,767 characters in the annex (and two other sheets), and
  ``pari criteria import`` of the annex drafted the cut title with no todo. Now each cut cell is a
  warning on the console (sheet, row, column, length), and the import gives the title a todo.

- Commune 00001's assessments as a CSV whose first two lines are empty, or whose first line is a
  row of empty cells (``,,,,,,,,,``: a sheet saved as CSV from a blank first row). Before: exit 1
  and nothing written, "row 3 has 10 cells but the header (row 1) has 1" (``csv-syntax``) and
  "row 1 has no column names" (``no-headers``); the same table in a workbook, blank rows above its
  headings, was read. Now the headings below the blank lines are found, the rows keep a text
  editor's numbers: exit 0, the commune's points those of the plain file.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_decoding30.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_decoding28 import _with, _write
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_ROOT = Path(__file__).resolve().parent.parent
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
#: A whole PDF, as small as one can be for the check of its first and last bytes.
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
#: The evidence files as a clerk left them: (name a row gives, name in the folder), and a file no
#: row names.
NEAR = {"1_1_1_KH_72_2025.pdf": "1_1_1_KH_72_2025 (1).pdf", "1_2_BC_215_2025.pdf": "1_2_BC_215_2025.docx"}
STRAY = "Danh sách cán bộ.xlsx"
#: Files saved over by a portal's error page, and cut short, in the damaged case.
WEB_PAGE, CUT_SHORT = "1_1_2_KH_54_2025.pdf", "1_3_1_KH_276_2025.pdf"
#: Names written with a final dot (and a space) in the final-dot case.
DOTTED = ("1_1_2_KH_54_2025.pdf", "1_3_2_BC_285_2025.pdf")
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _commune(name: str = "assessments_long.csv") -> tuple[list[str], list[list[str]]]:
    header, *rows = _rows(name)
    return header, [row for row in rows if row[0] == "00001"]


def _evidence_folder(folder: Path) -> Path:
    """The folder of commune 00001's evidence: a whole PDF for every name, but NEAR and STRAY."""
    header, rows = _commune()
    evidence = folder / "minh-chung"
    evidence.mkdir()
    for name in {row[header.index("evidence_file")] for row in rows} - {""}:
        (evidence / NEAR.get(name, name)).write_bytes(PDF)
    (evidence / STRAY).write_bytes(b"PK\x03\x04" + b"\0" * 40 + b"PK\x05\x06" + b"\0" * 18)
    # No documents: what Windows Explorer, Word and a Mac's zip leave in a folder (never told).
    (evidence / "Thumbs.db").write_bytes(b"\0" * 16)
    (evidence / "~$an sách cán bộ.xlsx").write_bytes(b"\0" * 16)
    (evidence / "__MACOSX").mkdir()
    (evidence / "__MACOSX" / "._1_1_1_KH_72_2025.pdf").write_bytes(b"\0" * 16)
    return evidence


def near_names(folder: Path) -> list[str]:
    """Commune 00001's assessments and its evidence folder with near names and a stray file."""
    _score(folder)
    header, rows = _commune()
    typed = _write(folder / "tu-danh-gia.csv", [header, *rows])
    return [*_with(folder, typed), "--evidence-dir", str(_evidence_folder(folder))]


def evidence_final_dot(folder: Path) -> list[str]:
    """Commune 00001's evidence folder whole, two of its rows naming their file with a final dot
    (``1_1_2_KH_54_2025.pdf.``, as Windows opens it)."""
    args = near_names(folder)
    evidence = folder / "minh-chung"
    for near in NEAR.values():
        (evidence / near).unlink()
    for name in NEAR:
        (evidence / name).write_bytes(PDF)
    header, rows = _commune()
    column = header.index("evidence_file")
    for row in rows:
        if row[column] in DOTTED:
            row[column] += ". ." if row[column] == DOTTED[0] else "."
    _write(folder / "tu-danh-gia.csv", [header, *rows])
    return args


def damaged_reasons(folder: Path) -> list[str]:
    """As :func:`near_names`, one PDF a web page and one cut short."""
    args = near_names(folder)
    page = "<!DOCTYPE html><html><body>Phiên hết hạn</body></html>"
    (folder / "minh-chung" / WEB_PAGE).write_bytes(page.encode("utf-8"))
    (folder / "minh-chung" / CUT_SHORT).write_bytes(PDF[:20])
    return args


def thousands_dot(folder: Path) -> list[str]:
    """Commune 00001's counts of a thousand and more written with a thousands dot (``1.887``)."""
    _score(folder)
    header, rows = _commune()
    value = header.index("value")
    for row in rows:
        if row[value].isdigit() and int(row[value]) >= 1000:
            row[value] = f"{int(row[value]):,}".replace(",", ".")
    return _with(folder, _write(folder / "tu-danh-gia.csv", [header, *rows]))


def full_width(folder: Path) -> list[str]:
    """Commune 00001's values, self-scores and dates in full-width digits."""
    _score(folder)
    header, rows = _commune()
    columns = [header.index(c) for c in ("value", "self_score", "evidence_date")]
    wide = [[c.translate(FULL_WIDTH) if i in columns else c for i, c in enumerate(row)] for row in rows]
    return _with(folder, _write(folder / "tu-danh-gia.csv", [header, *wide]))


def export_long_title(folder: Path) -> list[str]:
    """``pari criteria export`` of a set one of whose titles is 40,000 characters long."""
    text = (_ROOT / "criteria" / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
    long = "Kế hoạch " + "rất dài " * 5000
    criteria = folder / "bo-chi-so.yaml"
    criteria.write_text(text.replace('title: {vi: "Điều tra xã hội học', f'title: {{vi: "{long}', 1), encoding="utf-8")
    return ["criteria", "export", str(criteria), "-o", str(folder / "phu-luc.xlsx")]


def _blank_above(folder: Path, lines: str) -> list[str]:
    _score(folder)
    header, rows = _commune()
    typed = _write(folder / "tu-danh-gia.csv", [header, *rows])
    typed.write_bytes(lines.encode("utf-8") + typed.read_bytes())
    return _with(folder, typed)


def csv_blank_lines_above(folder: Path) -> list[str]:
    """Commune 00001's assessments as a CSV whose first two lines are empty."""
    return _blank_above(folder, "\n\n")


def csv_blank_row_above(folder: Path) -> list[str]:
    """The same, its first line a row of empty cells (a sheet saved as CSV from a blank first row)."""
    return _blank_above(folder, ",,,,,,,,,\n")


CASES: dict[str, Case] = {
    "well-evidence-near-names": near_names,
    "well-evidence-damaged-reasons": damaged_reasons,
    "well-evidence-final-dot": evidence_final_dot,
    "not-whole-thousands-dot": thousands_dot,
    "well-full-width-digits": full_width,
    "well-export-long-title": export_long_title,
    "well-csv-blank-lines-above": csv_blank_lines_above,
    "well-csv-blank-row-above": csv_blank_row_above,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    # Exit 0 before too: tests/test_hostile_decoding30.py looks at the findings in the results.
    "well-evidence-near-names": (0, None, (*_INPUTS, "tu-danh-gia.csv", f"minh-chung/{STRAY}")),
    "well-evidence-damaged-reasons": (0, None, (*_INPUTS, "tu-danh-gia.csv", f"minh-chung/{WEB_PAGE}")),
    "well-evidence-final-dot": (0, None, (*_INPUTS, "tu-danh-gia.csv", f"minh-chung/{DOTTED[0]}")),
    "not-whole-thousands-dot": (1, "not-whole", (*_INPUTS, "tu-danh-gia.csv")),
    "well-full-width-digits": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
    # Exit 0 before too: tests/test_hostile_decoding30.py looks at what it says and imports back.
    "well-export-long-title": (0, None, ("bo-chi-so.yaml",)),
    "well-csv-blank-lines-above": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
    "well-csv-blank-row-above": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}

__all__ = ["CASES", "CUT_SHORT", "DOTTED", "EXPECTED", "NEAR", "NOT_WRITTEN", "PDF", "STRAY", "WEB_PAGE"]
