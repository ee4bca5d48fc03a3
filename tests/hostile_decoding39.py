"""Hostile cases of the thirty-ninth session's helper decoding39: a character nothing shows taken for
the mark of a legacy Vietnamese font, and evidence names typed with one not told. Measured with the
real ``pari`` on main at a6bdad8 before the fixes, after them on this branch.

- A soft hyphen (U+00AD: a web page's or Word's hyphenation point, pasted with the number) beside
  the numbers of a workbook: the example's survey as an .xlsx whose rates are typed ``95<U+00AD>``,
  or its long assessments as an .xlsx whose counts are ``1<U+00AD>887``. Session 38 reads such a
  number as the clerk sees it (intake.values.as_shown), and so it did in a CSV; but in a workbook
  the soft hyphen is also TCVN3's byte of «ư», and the sheet was refused whole as «typed with a
  legacy Vietnamese font (TCVN3/ABC or VNI): 100 % of its letters outside ASCII (<U+00AD>) are no
  Vietnamese letters», its hint to convert it with Unikey's converter (which garbles Unicode text).
  Before: the survey, exit 1, ``legacy-font`` and ``survey-missing`` (nothing written); the
  assessments, exit 1, ``legacy-font`` and ``file-unread``. Now a soft hyphen is TCVN3's «ư» only
  after a word's first consonants or before a letter at a word's start
  (letters.legacy_encoding._TCVN3_U): the example's results.

- The same after a Vietnamese letter: the example's long assessments (CSV UTF-8) with every «có»
  typed ``có<U+00AD>``. Before: exit 0, the answers read, and a warning ``legacy-font-some`` that
  «697 words look typed with a legacy Vietnamese font (TCVN3/ABC or VNI) … e.g. «có<U+00AD>»»,
  telling the clerk to convert them. Now no such warning: the example's findings. Every «không»
  typed ``không<U+00AD>`` too (its «g» an ASCII letter): on 2f34604 still «233 words look typed
  with a legacy Vietnamese font … e.g. «không<U+00AD>»» (review of session 39).

- A soft hyphen inside the codes of a workbook (``00<U+00AD>001``): before, the sheet refused as a
  legacy font; now ``control-character`` at each code, as a zero-width space there always was
  (codes are refused with such characters, values.CODE_FORBIDDEN).

- Evidence file names typed with a legacy font: commune 00001's rows naming three of its files
  in TCVN3 («KÕ ho¹ch c¶i c¸ch hµnh chÝnh 72.pdf») or VNI («Keâù hoaïch …»), as a list pasted from
  an old document, the folder holding them under their Unicode names. Before: exit 0, each
  ``evidence-file_not_found`` (the item 0 points) with no word of why; the file's
  ``legacy-font-some`` named some words, not the rows. Now each not-found row says that the name
  looks typed with a legacy font and to convert it with Unikey's converter, in both languages
  (intake.evidence_files.LEGACY_NAME_NOTE, messages.evidence_notes). The name is not converted and
  matched: no converter for these fonts ships with Python, and a guessed one would match wrong.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); tests/test_hostile_decoding39.py checks what each answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_decoding28 import _write
from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
SOFT_HYPHEN = "\u00ad"


def _workbook(path: Path, rows: list[list[str]], typed: Callable[[int, str], str]) -> Path:
    """``rows`` as a one-sheet .xlsx of text cells, each data cell as ``typed(column, text)``
    gives it (a clerk's workbook of numbers typed or pasted as text)."""
    import xlsxwriter

    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet("Sheet1")
        sheet.write_row(0, 0, rows[0])
        for number, row in enumerate(rows[1:], start=1):
            for column, text in enumerate(row):
                if text:
                    sheet.write_string(number, column, typed(column, text))
    return path


def survey_workbook_rates_soft_hyphen(folder: Path) -> list[str]:
    """The example's survey as a workbook, every rate typed with a soft hyphen after it."""
    rows = _rows("survey.csv")
    args = _score(folder)
    typed = _workbook(folder / "khao-sat.xlsx", rows, lambda column, text: text + SOFT_HYPHEN if column == 3 else text)
    args[args.index("--survey") + 1] = str(typed)
    return args


def form_workbook_counts_soft_hyphen(folder: Path) -> list[str]:
    """The example's long assessments as a workbook, every whole number of two digits or more
    typed with a soft hyphen after its first digit (``1<U+00AD>887``)."""
    rows = _rows("assessments_long.csv")

    def typed(column: int, text: str) -> str:
        return text[:1] + SOFT_HYPHEN + text[1:] if column == 3 and text.isdigit() and len(text) > 1 else text

    args = _score(folder)
    args[1] = str(_workbook(folder / "tu-danh-gia.xlsx", rows, typed))
    return args


def form_workbook_codes_soft_hyphen(folder: Path) -> list[str]:
    """The example's long assessments as a workbook, every code typed ``00<U+00AD>001``."""
    rows = _rows("assessments_long.csv")

    def typed(column: int, text: str) -> str:
        return text[:2] + SOFT_HYPHEN + text[2:] if column == 0 else text

    args = _score(folder)
    args[1] = str(_workbook(folder / "tu-danh-gia.xlsx", rows, typed))
    return args


def form_answers_soft_hyphen(folder: Path) -> list[str]:
    """The example's long assessments (CSV UTF-8) with every «có» and «không» typed ``có<U+00AD>``."""
    header, *rows = _rows("assessments_long.csv")
    value = header.index("value")
    for row in rows:
        if row[value] in ("có", "không"):
            row[value] += SOFT_HYPHEN
    args = _score(folder)
    args[1] = str(_write(folder / "tu-danh-gia.csv", [header, *rows]))
    return args


#: Commune 00001's evidence files saved under Vietnamese names, by the name its rows give.
EVIDENCE_NAMES = {
    "1_1_1_KH_72_2025.pdf": "Kế hoạch cải cách hành chính 72.pdf",
    "1_1_2_KH_54_2025.pdf": "Kế hoạch tuyên truyền 54.pdf",
    "1_2_BC_215_2025.pdf": "Báo cáo đúng hạn 215.pdf",
}
#: A whole PDF, as small as one can be for the check of its first and last bytes.
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _evidence_names(font: str) -> Case:
    """Commune 00001's assessments and its evidence folder, whose files EVIDENCE_NAMES saved under
    Vietnamese names in Unicode, the rows naming them typed with a legacy ``font`` (TCVN3 or VNI,
    as a list pasted from an old document: «KÕ ho¹ch c¶i c¸ch hµnh chÝnh 72.pdf»)."""
    from hostile_csv import tcvn3_bytes, vni_bytes

    def typed(name: str) -> str:
        return tcvn3_bytes(name).decode("latin-1") if font == "tcvn3" else vni_bytes(name).decode("cp1252")

    def case(folder: Path) -> list[str]:
        header, *rows = _rows("assessments_long.csv")
        rows = [row for row in rows if row[0] == "00001"]
        file = header.index("evidence_file")
        evidence = folder / "minh-chung"
        evidence.mkdir()
        for row in rows:
            if row[file]:
                (evidence / EVIDENCE_NAMES.get(row[file], row[file])).write_bytes(PDF)
                if row[file] in EVIDENCE_NAMES:
                    row[file] = typed(EVIDENCE_NAMES[row[file]])
        args = _score(folder)
        args[1] = str(_write(folder / "tu-danh-gia.csv", [header, *rows]))
        return [*args, "--evidence-dir", str(evidence)]

    return case


CASES: dict[str, Case] = {
    "evidence-names-tcvn3": _evidence_names("tcvn3"),
    "evidence-names-vni": _evidence_names("vni"),
    "well-survey-workbook-rates-soft-hyphen": survey_workbook_rates_soft_hyphen,
    "well-form-workbook-counts-soft-hyphen": form_workbook_counts_soft_hyphen,
    "form-workbook-codes-soft-hyphen": form_workbook_codes_soft_hyphen,
    "well-form-answers-soft-hyphen": form_answers_soft_hyphen,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "evidence-names-tcvn3": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
    "evidence-names-vni": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
    "well-survey-workbook-rates-soft-hyphen": (0, None, (*_INPUTS, "khao-sat.xlsx")),
    "well-form-workbook-counts-soft-hyphen": (0, None, (*_INPUTS, "tu-danh-gia.xlsx")),
    "form-workbook-codes-soft-hyphen": (1, "control-character", (*_INPUTS, "tu-danh-gia.xlsx")),
    "well-form-answers-soft-hyphen": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {"form-workbook-codes-soft-hyphen": ("out.xlsx",)}

__all__ = ["CASES", "EVIDENCE_NAMES", "EXPECTED", "NOT_WRITTEN", "SOFT_HYPHEN"]
