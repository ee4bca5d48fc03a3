"""Hostile cases of the fortieth session's helper paths40: paths as an officer types or pastes them.
Each was run with the real ``pari`` on 81e533d (before) and after the fix (the example province,
60 communes):

- A path that begins or ends with what came with it when it was copied: the quotes of a
  Vietnamese keyboard or a document (``«assessments_long.csv»``, ``-o “kq.xlsx”``), single quotes
  cmd leaves in (``-o 'kq.xlsx'``), the line end or tab of an Excel cell (``--communes
  "communes.csv⏎"``), a no-break space from a web page. An input was "file not found, check the
  path" (exit 1; a final line end ``input-near-name``, whose hint speaks of Windows' letter
  case); ``-o “kq.xlsx”`` "unknown output type «.xlsx”»" (exit 2), ``-o 'kq' --format csv`` (cmd
  keeps single quotes) wrote a folder ``'kq'`` (exit 0), ``-o "kq.xlsx⏎"``
  ``output-name-not-portable``. Now ``path-pasted-marks`` (exit 2, before anything is read),
  naming the name without them (errors.pasted_marks, in errors.path_form, which every path of
  every command and every reader of a missing file asks).
  A file really so named is read.

- ``pari score … -o bao-cao.html``: "unknown output type «.html»", hint "use results.xlsx", with
  nothing of ``--report``. Now ``output-is-report-name`` (exit 2), hint ``-o bao-cao.xlsx --report
  bao-cao.html`` (pipeline._format_for).

- ``--cache`` of a run refused for its inputs (paths39's leftover): ``pari score thieu.csv …
  --cache c`` said "file not found" and left a new folder ``c`` (with its ``CACHEDIR.TAG``)
  behind. The folder is now made when the first entry is stored (intake.cache.CacheStore).

Tried and already answered on 81e533d (no case here): a symlink loop and a dangling link as an
input (``input-broken-link``) or as ``-o`` (``output-folder-broken-link``), ``../../..`` past the
root (read: the root's ``..`` is the root), ``\\\\server\\share\\x.xlsx`` (``path-windows-form``),
``file:///…`` and ``https://…`` (``path-is-url``), ``-o kq.csv --format xlsx`` (``output-suffix``),
``-o kq.xlsx --format csv`` (``output-folder-suffix``), ``--report r.xlsx`` (``output-suffix``),
``-o x.xlsx --report x.xlsx`` (``output-clash``), ``--cache x.xlsx -o x.xlsx``
(``cache-overlaps-output``), ``--report``/``--cache`` in the evidence folder
(``output-in-evidence-folder``), ``-o kq.xlsx --previous kq.xlsx`` and ``pari report kq.xlsx -o
kq.xlsx`` (``output-is-input``), an input differing by case or NFD (``input-near-name``), ``-o
KQ.xlsx`` beside ``kq.xlsx`` (``output-case-twin``).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave (tests/test_hostile_paths40.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import CRITERIA, _examples

Case = Callable[[Path], list[str]]


def _score_args(folder: Path, *extra: str, first: str = "assessments_long.csv") -> list[str]:
    files = _examples(folder)
    return ["score", first, "--communes", files["communes"].name, "--survey", files["survey"].name, *extra]


def _with_register(folder: Path, register: str, *extra: str) -> list[str]:
    args = _score_args(folder, *extra)
    args[args.index("--communes") + 1] = register
    return args


def assessments_in_vietnamese_keyboard_quotes(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "kq.xlsx", first="«assessments_long.csv»")


def register_pasted_with_an_excel_line_end(folder: Path) -> list[str]:
    return _with_register(folder, "communes.csv\n", "-o", "kq.xlsx")


def register_pasted_with_a_tab_and_a_windows_line_end(folder: Path) -> list[str]:
    return _with_register(folder, "\tcommunes.csv\r\n", "-o", "kq.xlsx")


def results_in_curly_quotes(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "“kq.xlsx”")


def results_in_single_quotes_left_by_cmd(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "'kq.xlsx'")


def results_with_an_excel_line_end(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "kq.xlsx\n")


def csv_results_folder_in_single_quotes_left_by_cmd(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "'kq'", "--format", "csv")


def evidence_folder_in_quotes(folder: Path) -> list[str]:
    (folder / "ho so").mkdir()
    return _score_args(folder, "-o", "kq.xlsx", "--evidence-dir", "“ho so”")


def criteria_with_a_no_break_space(folder: Path) -> list[str]:
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", folder / "bo.yaml")
    return ["validate", "bo.yaml\xa0"]


def results_reported_in_single_curly_quotes(folder: Path) -> list[str]:
    return ["report", "‘kq.xlsx’", "-o", "bc.html"]


def register_really_named_in_quotes_is_read(folder: Path) -> list[str]:
    shutil.copy(folder / _examples(folder)["communes"].name, folder / "«dv».csv")
    return _with_register(folder, "«dv».csv", "-o", "kq.xlsx", "-q")


def results_named_as_the_report(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "bao-cao.html")


def cache_of_a_run_refused_for_its_inputs(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "kq.xlsx", "--cache", "bo-dem/moi", first="thieu.csv")


CASES: dict[str, Case] = {
    "assessments-in-vietnamese-keyboard-quotes": assessments_in_vietnamese_keyboard_quotes,
    "register-pasted-with-an-excel-line-end": register_pasted_with_an_excel_line_end,
    "register-pasted-with-a-tab-and-a-windows-line-end": register_pasted_with_a_tab_and_a_windows_line_end,
    "results-in-curly-quotes": results_in_curly_quotes,
    "results-in-single-quotes-left-by-cmd": results_in_single_quotes_left_by_cmd,
    "results-with-an-excel-line-end": results_with_an_excel_line_end,
    "csv-results-folder-in-single-quotes-left-by-cmd": csv_results_folder_in_single_quotes_left_by_cmd,
    "evidence-folder-in-quotes": evidence_folder_in_quotes,
    "criteria-with-a-no-break-space": criteria_with_a_no_break_space,
    "results-reported-in-single-curly-quotes": results_reported_in_single_curly_quotes,
    "register-really-named-in-quotes-is-read": register_really_named_in_quotes_is_read,
    "results-named-as-the-report": results_named_as_the_report,
    "cache-of-a-run-refused-for-its-inputs": cache_of_a_run_refused_for_its_inputs,
}
_KEPT = ("assessments_long.csv", "communes.csv")
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "assessments-in-vietnamese-keyboard-quotes": (2, "path-pasted-marks", _KEPT),
    "register-pasted-with-an-excel-line-end": (2, "path-pasted-marks", _KEPT),
    "register-pasted-with-a-tab-and-a-windows-line-end": (2, "path-pasted-marks", _KEPT),
    "results-in-curly-quotes": (2, "path-pasted-marks", _KEPT),
    "results-in-single-quotes-left-by-cmd": (2, "path-pasted-marks", _KEPT),
    "results-with-an-excel-line-end": (2, "path-pasted-marks", _KEPT),
    "csv-results-folder-in-single-quotes-left-by-cmd": (2, "path-pasted-marks", _KEPT),
    "evidence-folder-in-quotes": (2, "path-pasted-marks", _KEPT),
    "criteria-with-a-no-break-space": (2, "path-pasted-marks", ("bo.yaml",)),
    "results-reported-in-single-curly-quotes": (2, "path-pasted-marks", ()),
    "register-really-named-in-quotes-is-read": (0, None, ("«dv».csv",)),
    "results-named-as-the-report": (2, "output-is-report-name", _KEPT),
    "cache-of-a-run-refused-for-its-inputs": (1, "file-not-found", _KEPT),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "assessments-in-vietnamese-keyboard-quotes": ("kq.xlsx",),
    "register-pasted-with-an-excel-line-end": ("kq.xlsx",),
    "register-pasted-with-a-tab-and-a-windows-line-end": ("kq.xlsx",),
    "results-in-curly-quotes": ("“kq.xlsx”", "kq.xlsx"),
    "results-in-single-quotes-left-by-cmd": ("'kq.xlsx'", "kq.xlsx"),
    "results-with-an-excel-line-end": ("kq.xlsx\n", "kq.xlsx"),
    "csv-results-folder-in-single-quotes-left-by-cmd": ("'kq'", "kq"),
    "evidence-folder-in-quotes": ("kq.xlsx",),
    "results-reported-in-single-curly-quotes": ("bc.html",),
    "results-named-as-the-report": ("bao-cao.html", "bao-cao.xlsx"),
    "cache-of-a-run-refused-for-its-inputs": ("kq.xlsx", "bo-dem"),
}
#: The cases that write what they are given (exit 0): the file each must have written.
WRITTEN: dict[str, str] = {"register-really-named-in-quotes-is-read": "kq.xlsx"}
#: What each refused case's message names as the name without the marks (English words).
BARE: dict[str, str] = {
    "assessments-in-vietnamese-keyboard-quotes": "«assessments_long.csv»",
    "register-pasted-with-an-excel-line-end": "«communes.csv»",
    "register-pasted-with-a-tab-and-a-windows-line-end": "«communes.csv»",
    "results-in-curly-quotes": "«kq.xlsx»",
    "results-in-single-quotes-left-by-cmd": "«kq.xlsx»",
    "results-with-an-excel-line-end": "«kq.xlsx»",
    "csv-results-folder-in-single-quotes-left-by-cmd": "«kq»",
    "evidence-folder-in-quotes": "«ho so»",
    "criteria-with-a-no-break-space": "«bo.yaml»",
    "results-reported-in-single-curly-quotes": "«kq.xlsx»",
}
