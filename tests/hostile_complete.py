"""Hostile cases for class 5 of issue 12: incomplete runs that must not look complete.

Each generator writes its files into an empty folder and returns the argv of ``pari`` (after the
program name). The lead's benchmarks/hostile.py runs them as subprocesses; tests/test_completeness.py
runs them too and checks the exact outcome (``EXPECTED``: exit status and the problem code that
must be printed).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
HEADER = "commune_code,criterion_id,input,value,self_score\n"


def _lines(name: str) -> list[str]:
    return (EXAMPLES / name).read_text(encoding="utf-8-sig").splitlines(keepends=True)


def _base(folder: Path) -> tuple[Path, Path, Path]:
    """Five communes of the example register with their survey results, and the first 120 rows of
    the example's long assessments (two of the communes; the other three sent nothing), written
    into ``folder`` once. Small, so that each case runs in well under a second of work."""
    communes, long, survey = folder / "communes.csv", folder / "assessments_long.csv", folder / "survey.csv"
    if not long.exists():
        register = _lines("communes.csv")[:6]
        codes = {line.split(",")[0] for line in register[1:]}
        communes.write_text("".join(register), encoding="utf-8")
        results = _lines("survey.csv")
        survey.write_text("".join(results[:1] + [r for r in results[1:] if r.split(",")[0] in codes]), "utf-8")
        long.write_text("".join(_lines("assessments_long.csv")[:121]), encoding="utf-8")
    return communes, long, survey


def _score(folder: Path, *files: Path, survey: bool = True, extra: tuple[str, ...] = ()) -> list[str]:
    communes, long, survey_file = _base(folder)
    argv = ["score", str(long), *map(str, files), "--communes", str(communes)]
    if survey:
        argv += ["--survey", str(survey_file)]
    return [*argv, "-o", str(folder / "out.xlsx"), "--report", str(folder / "report.html"), "-q", *extra]


def no_survey_given(folder: Path) -> list[str]:
    """The bundled set has a 30-point survey part; no --survey: survey-missing, exit 2."""
    return _score(folder, survey=False)


def decimal_comma_csv(folder: Path) -> list[str]:
    """A comma-separated file with an unquoted decimal comma: the rows do not parse."""
    bad = folder / "decimal_comma.csv"
    bad.write_text(HEADER + "00001,1.1.1,,1,5\n00001,1.2.1,,2,0,1\n", encoding="utf-8")
    return _score(folder, bad)


def fake_spreadsheet(folder: Path) -> list[str]:
    bad = folder / "assessments.xlsx"
    bad.write_bytes(b"this is not a workbook\n" * 50)
    return _score(folder, bad)


def empty_file(folder: Path) -> list[str]:
    bad = folder / "empty.csv"
    bad.write_bytes(b"")
    return _score(folder, bad)


def no_commune_column(folder: Path) -> list[str]:
    bad = folder / "no_code.csv"
    bad.write_text("criterion_id,value\n1.1.1,1\n1.2.1,2\n", encoding="utf-8")
    return _score(folder, bad)


def every_row_rejected(folder: Path) -> list[str]:
    """A readable file whose every row names a commune that is not in the register."""
    bad = folder / "strangers.csv"
    bad.write_text(HEADER + "99991,1.1.1,,04/06/2025,1\n99992,1.2.1,,3,\n", encoding="utf-8")
    return _score(folder, bad)


def unreadable_survey(folder: Path) -> list[str]:
    """The survey file itself is a binary file: the survey part would silently be 0."""
    argv = _score(folder)
    (folder / "survey.csv").write_bytes(b"\x00\x01\x02 binary \x00" * 100)
    return argv


def allowed_incomplete(folder: Path) -> list[str]:
    """--allow-incomplete: results written (exit 1: a file was rejected), with the banner."""
    bad = folder / "decimal_comma.csv"
    bad.write_text(HEADER + "00001,1.1.1,,1,5,0\n", encoding="utf-8")
    return _score(folder, bad, extra=("--allow-incomplete",))


def one_row_rejected(folder: Path) -> list[str]:
    """One bad row among good ones: results written (exit 1) with an "incomplete" banner."""
    _, long, _ = _base(folder)
    with long.open("a", encoding="utf-8") as out:
        out.write("00001,9.9.9,,1,,,,,,\n")
    return _score(folder)


CASES: dict[str, Callable[[Path], list[str]]] = {
    "complete-no-survey-given": no_survey_given,
    "complete-decimal-comma-csv": decimal_comma_csv,
    "complete-fake-spreadsheet": fake_spreadsheet,
    "complete-empty-file": empty_file,
    "complete-no-commune-column": no_commune_column,
    "complete-every-row-rejected": every_row_rejected,
    "complete-unreadable-survey": unreadable_survey,
    "complete-allowed-incomplete": allowed_incomplete,
    "complete-one-row-rejected": one_row_rejected,
}

#: What each case must give: exit status, a code printed, and whether results are written.
EXPECTED: dict[str, tuple[int, str, bool]] = {
    "complete-no-survey-given": (2, "survey-missing", False),
    "complete-decimal-comma-csv": (1, "file-unread", False),
    "complete-fake-spreadsheet": (1, "file-unread", False),
    "complete-empty-file": (1, "file-unread", False),
    "complete-no-commune-column": (1, "file-unread", False),
    "complete-every-row-rejected": (1, "file-unread", False),
    "complete-unreadable-survey": (1, "survey-missing", False),
    "complete-allowed-incomplete": (1, "csv-syntax", True),
    "complete-one-row-rejected": (1, "unknown-criterion", True),
}
