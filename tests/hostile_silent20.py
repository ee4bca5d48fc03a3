"""Hostile cases of the twentieth session's helper silent20: inputs that were scored as if nothing
were wrong.

- A survey of mean marks (4,7 of 5 for 92,5 % satisfied, as a survey tool's averages come) was
  scored as rates of a few percent: every commune's survey part lost, exit 0. Now
  ``percent-on-a-scale`` at each cell, and a survey that gives nothing stops the run
  (``survey-missing``) before anything is written.
- A register without its type column: the Hà Nội set's items for wards, communes or special zones
  were excluded for every unit, their values not scored and the ranking changed, exit 0 with
  nothing said. Now the warning ``register-without-types`` (the run goes on, exit 0).
- An appraisal rejecting the explanation of an item whose evidence was given changed nothing,
  said nothing: now ``appraisal-decision-unused`` (a warning, exit 0).
- A plan typed as signed before its evidence's date scored on time, said nothing: now
  ``date-before-evidence`` (a warning, exit 0).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_silent20.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _rows, _score

Case = Callable[[Path], list[str]]


def _mark(text: str) -> str:
    """A share of p % as a mark of 1 to 5, with a decimal comma (``4,7``)."""
    return f"{1 + 4 * float(text.replace(',', '.')) / 100:.1f}".replace(".", ",")


def survey_of_marks(folder: Path) -> list[str]:
    header, *rows = _rows("survey.csv")
    at = header.index("value")
    with (folder / "marks.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *([*r[:at], _mark(r[at]), *r[at + 1 :]] for r in rows)])
    args = _score(folder)
    args[args.index("--survey") + 1] = str(folder / "marks.csv")
    return args


def register_without_types(folder: Path) -> list[str]:
    header, *rows = _rows("communes.csv")
    at = header.index("type")
    with (folder / "don-vi.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([r[:at] + r[at + 1 :] for r in [header, *rows]])
    args = _score(folder)
    args[args.index("--communes") + 1] = str(folder / "don-vi.csv")
    return args


def appraisal_rejecting_given_evidence(folder: Path) -> list[str]:
    header, *_rows_of = _rows("appraisal.csv")
    with (folder / "tham-dinh.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, ["00001", "1.1.1", "", "", "", "không", "Minh chứng không hợp lệ", "HĐ"]])
    return [*_score(folder), "--appraisal", str(folder / "tham-dinh.csv")]


def plan_signed_before_its_evidence(folder: Path) -> list[str]:
    header, *rows = _rows("assessments_long.csv")
    at = header.index("evidence_date")
    first = [*rows[0][:at], "04/10/2025", *rows[0][at + 1 :]]
    with (folder / "tu-danh-gia.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, first, *rows[1:]])
    return _score(folder, assessments=folder / "tu-danh-gia.csv")


CASES: dict[str, Case] = {
    "survey-of-marks": survey_of_marks,
    "register-without-types": register_without_types,
    "appraisal-rejecting-given-evidence": appraisal_rejecting_given_evidence,
    "plan-signed-before-its-evidence": plan_signed_before_its_evidence,
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "survey-of-marks": (1, "survey-missing", (*_INPUTS, "marks.csv")),
    "register-without-types": (0, None, (*_INPUTS, "don-vi.csv")),
    "appraisal-rejecting-given-evidence": (0, None, (*_INPUTS, "tham-dinh.csv")),
    "plan-signed-before-its-evidence": (0, None, (*_INPUTS, "tu-danh-gia.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "survey-of-marks": ("out.xlsx",),
}
