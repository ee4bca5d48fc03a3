"""Hostile-case registry for values, evidence files and the report (issue 12, classes 2 and 3).

Each case writes its files into an empty folder and returns the argv of ``pari`` (after the
program name). The lead's benchmarks/hostile.py runs each as a subprocess: none may exit 70.
Cases use the bundled criteria and the examples' register and assessments.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from pathlib import Path

import xlsxwriter

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: The first data row of examples/assessments_long.csv is commune 00001, item 1.1.1 (a date input,
#: with evidence number, date and file).
EVIDENCE_COLUMN = "evidence_file"


#: Rows of the example assessments kept in each case (the first communes'): enough for every
#: item kind, small enough that a case measures the defence, not the scoring of 60 communes.
KEEP_ROWS = 180


def _long_rows() -> list[list[str]]:
    text = (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))[: KEEP_ROWS + 1]


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("data")
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)  # control characters are stored as Excel's _xHHHH_ escapes
    book.close()


def _with_first_row(changes: dict[str, str]) -> list[list[str]]:
    rows = _long_rows()
    header = rows[0]
    for column, value in changes.items():
        rows[1][header.index(column)] = value
    return rows


def _score(folder: Path, assessments: Path, *extra: str) -> list[str]:
    return [
        "score",
        "--no-survey",
        str(assessments),
        "--communes",
        str(EXAMPLES / "communes.csv"),
        "-o",
        str(folder / "out.xlsx"),
        *extra,
    ]


def _dates(values: tuple[str, str]) -> Callable[[Path], list[str]]:
    def case(folder: Path) -> list[str]:
        path = folder / "long.csv"
        _write_csv(path, _with_first_row({"value": values[0], "evidence_date": values[1]}))
        return _score(folder, path)

    return case


def _evidence_folder(folder: Path) -> Path:
    evidence = folder / "evidence"
    (evidence / "folder.pdf").mkdir(parents=True)
    (evidence / "locked").mkdir()
    os.chmod(evidence / "locked", 0)
    os.symlink("loop2", evidence / "loop1")
    os.symlink("loop1", evidence / "loop2")
    os.symlink(".", evidence / "self")
    return evidence


def _evidence(name: str, xlsx: bool = False) -> Callable[[Path], list[str]]:
    def case(folder: Path) -> list[str]:
        rows = _with_first_row({EVIDENCE_COLUMN: name})
        path = folder / ("long.xlsx" if xlsx else "long.csv")
        (_write_xlsx if xlsx else _write_csv)(path, rows)
        return _score(folder, path, "--evidence-dir", str(_evidence_folder(folder)))

    return case


def _bidi_register(code: str, name: str) -> Callable[[Path], list[str]]:
    def case(folder: Path) -> list[str]:
        text = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig").splitlines()
        fields = text[1].split(",")
        fields[0], fields[1] = code, name
        text[1] = ",".join(fields)
        register = folder / "communes.csv"
        register.write_text("\n".join(text) + "\n", encoding="utf-8")
        assessments = folder / "long.csv"
        _write_csv(assessments, _long_rows())
        return [
            "score",
            "--no-survey",
            str(assessments),
            "--communes",
            str(register),
            "-o",
            str(folder / "out.xlsx"),
            "--report",
            str(folder / "report.html"),
        ]

    return case


def _bidi_assessment_codes(folder: Path) -> list[str]:
    rows = _long_rows()
    rows[1][0] = "0000\u202e1"
    rows[2][1] = "1.1\u202e.2"
    rows[3][2] = "out\u200bputs"
    path = folder / "long.csv"
    _write_csv(path, rows)
    return _score(folder, path)


def _invisible_assessment_codes(folder: Path) -> list[str]:
    """Codes that look like known ones, made different by characters drawn as nothing (a word
    joiner, a soft hyphen, a Hangul filler: not zero-width spaces, which were already refused)."""
    rows = _long_rows()
    rows[1][0] = "00001\u2060"
    rows[2][1] = "1.1\u00ad.2"
    rows[3][2] = "outputs\u3164"
    path = folder / "long.csv"
    _write_csv(path, rows)
    return _score(folder, path)


def _invisible_appraisal_codes(folder: Path) -> list[str]:
    """The council's appraisal file with a word joiner after a commune code and a soft hyphen in a
    criterion id: each row reported with the character shown, the rest applied."""
    lines = (EXAMPLES / "appraisal.csv").read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace(",", "\u2060,", 1)
    first, second, rest = lines[2].split(",", 2)
    lines[2] = ",".join([first, second.replace(".", "\u00ad.", 1), rest])
    appraisal = folder / "appraisal.csv"
    appraisal.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assessments = folder / "long.csv"
    _write_csv(assessments, _long_rows())
    return [*_score(folder, assessments), "--appraisal", str(appraisal)]


def _conflicting_appraisal(folder: Path, repeats: int = 20_000) -> list[str]:
    """An appraisal file giving one item 20,000 alternating scores (0.5 MB): every row reported,
    none used (the last used to win silently)."""
    header = (EXAMPLES / "appraisal.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    rows = [f"00001,1.1.1,,,{'0.5' if i % 2 else '0.25'},,lần {i}," for i in range(repeats)]
    appraisal = folder / "appraisal.csv"
    appraisal.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    assessments = folder / "long.csv"
    _write_csv(assessments, _long_rows())
    return [*_score(folder, assessments), "--appraisal", str(appraisal)]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "date-two-digit-year": _dates(("15/12/25", "15.12.25")),
    "date-year-zero": _dates(("01/01/0000", "0000-01-01")),
    "date-year-25-iso": _dates(("0025-12-15", "25-12-15")),
    "date-year-alone-and-serials": _dates(("2024", "99999999")),
    "date-serial-one": _dates(("1", "99999")),
    "date-long-digits": _dates(("9" * 5000, "0" * 5000)),
    "evidence-nul-xlsx": _evidence("a\x00b.pdf", xlsx=True),
    "evidence-x0000-literal": _evidence("a_x0000_b.pdf"),
    "evidence-control-characters": _evidence("a\x07b\x1b[31m.pdf", xlsx=True),
    "evidence-300-characters": _evidence("x" * 300 + ".pdf"),
    "evidence-path-5000-bytes": _evidence("a/" * 2500 + "b.pdf"),
    "evidence-symlink-loop": _evidence("loop1/x.pdf"),
    "evidence-symlink-self": _evidence("self/self/self/x.pdf"),
    "evidence-folder": _evidence("folder.pdf"),
    "evidence-permission-denied": _evidence("locked/x.pdf"),
    "evidence-bidi-name": _evidence("bao-cao\u202efdp.exe"),
    "evidence-dotdot": _evidence("../../../../etc/passwd"),
    "report-rlo-name": _bidi_register("00001", "Phường \u202eHồng Cẩm"),
    "report-unclosed-isolates": _bidi_register("00001", "\u2067\u2067\u2069\u2069\u2069\u202c Xã"),
    "register-rlo-code": _bidi_register("0000\u202e1", "Phường Hồng Cẩm"),
    "register-nul-code": _bidi_register("000\x0001", "Phường Hồng Cẩm"),
    "assessment-bidi-codes": _bidi_assessment_codes,
    "register-word-joiner-code": _bidi_register("00001\u2060", "Phường Hồng Cẩm"),
    "assessment-invisible-codes": _invisible_assessment_codes,
    "appraisal-invisible-codes": _invisible_appraisal_codes,
    "appraisal-conflicting-decisions": _conflicting_appraisal,
}
