"""Hostile cases of the twentieth session: commune codes in scientific notation, as Excel shows a
code of 12 digits or more in a column of numbers and saves it so to a CSV (``1.23457E+11``,
``1,2E+04``), were an ``unknown-commune`` that said nothing of the cause, and with no register a
commune of their own: one whose digits were rounded away is now ``code-as-scientific`` (the
assessments, the register), one that shows every digit an ``unknown-commune`` naming the
register's code. A CSV saved from a form whose headings sit over two rows (``Minh chứng,,`` over
the evidence columns, their names below) lost every evidence field: now read as one row of
headings, as the workbook is since sweep 19.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_left20.py checks what each answers (``EXPECTED``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _examples, _rows, _score
from hostile_sweep14 import _csv

Case = Callable[[Path], list[str]]


def _codes_written(name: str, code: str, written: str) -> Case:
    """The example ``name`` (assessments_long or communes) with commune ``code`` written as
    ``written`` wherever it stands in the first column."""

    def case(folder: Path) -> list[str]:
        _examples(folder)
        rows = _rows(f"{name}.csv")
        (folder / f"{name}.csv").write_text(
            _csv(
                [
                    [written if c == 0 and r > 0 and text == code else text for c, text in enumerate(row)]
                    for r, row in enumerate(rows)
                ]
            ),
            encoding="utf-8",
        )
        return _score(folder)

    return case


def _two_row_headings(name: str, first: int, last: int, group: str) -> Case:
    """The example ``name`` as a CSV whose columns ``first`` to ``last`` sit under ``group`` (written
    over empty headings, as Excel saves a merged cell), their names in the row below."""

    def case(folder: Path) -> list[str]:
        _examples(folder)
        rows = _rows(f"{name}.csv")
        top = [group if c == first else "" if first < c <= last else text for c, text in enumerate(rows[0])]
        below = [text if first <= c <= last else "" for c, text in enumerate(rows[0])]
        (folder / f"{name}.csv").write_text(_csv([top, below, *rows[1:]]), encoding="utf-8")
        return _score(folder)

    return case


CASES: dict[str, Case] = {
    "scientific-code-lost-assessments": _codes_written("assessments_long", "00004", "1.23457E+11"),
    "scientific-code-lost-decimal-comma": _codes_written("assessments_long", "00004", "1,2E+04"),
    "scientific-code-lost-register": _codes_written("communes", "00004", "1.23457E+11"),
    "scientific-code-exact-assessments": _codes_written("assessments_long", "00001", "1.00E+00"),
    "scientific-code-exact-register": _codes_written("communes", "00001", "1.00E+00"),
    "headings-two-rows-csv": _two_row_headings("assessments_long", 5, 7, "Minh chứng"),
    "headings-two-rows-csv-register": _two_row_headings("communes", 3, 4, "Địa bàn"),
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")

#: What each case answers: the exit status, the code that must be printed (None: none), and the
#: user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "scientific-code-lost-assessments": (1, "code-as-scientific", _INPUTS),
    "scientific-code-lost-decimal-comma": (1, "code-as-scientific", _INPUTS),
    "scientific-code-lost-register": (1, "code-as-scientific", _INPUTS),
    "scientific-code-exact-assessments": (1, "unknown-commune", _INPUTS),
    "scientific-code-exact-register": (1, "unknown-commune", _INPUTS),
    "headings-two-rows-csv": (0, None, _INPUTS),
    "headings-two-rows-csv-register": (0, None, _INPUTS),
}
