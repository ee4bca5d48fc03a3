"""Faults of the thirty-second session's helper faults32: one output of a run written inside a
file another output of the same run writes, and an output typed with a name that begins with a
dash. Each was run with the real ``pari`` on 36dae70 (before) and after the fix (the example
province, 60 communes; times on the machine shared with two other helpers):

- ``pari score … -o ket-qua.xlsx --report ket-qua.xlsx/bao-cao.html`` (a ``/`` typed for a
  ``.``, or the report meant beside the results): exit 4 after the whole run (MEASURED_INSIDE),
  "ket-qua.xlsx: cannot write the file: Is a directory" (output-unwritable), and a folder named
  ``ket-qua.xlsx`` left behind holding the report of a ranking that was never written (the report
  was put in place first). So ``-o bao-cao.html/ket-qua.xlsx --report bao-cao.html``: exit 4 after
  the whole run, "bao-cao.html: … Is a directory" (the folder made for the results removed). The
  rule that outputs of a run do not clash (``output-clash``) looked for the same file only. Now
  ``output-inside-output`` (exit 4, 1.5 to 2.2 s) before any table is read, nothing written; a
  report inside a results *folder* (``-o kq --format csv --report kq/bao-cao.html``) is still
  written, the folder keeping what is not its tables.
- ``pari score … -o -kq.xlsx`` (so ``template -o -mau.xlsx``, ``--report -bc.html``, ``--cache
  -c``): exit 0 (MEASURED_DASH), a file ``-kq.xlsx`` that every other program takes for an option
  (``rm -kq.xlsx``: "invalid option -- 'k'"; ``libreoffice -kq.xlsx`` opens nothing), most often
  an option or a name mistyped. Now ``output-name-dash`` (exit 2, 0.8 s) before anything is
  read; typed ``./-kq.xlsx``, the name is meant, and written.

Not cases here (a case is a command line run as root, not an environment nor another user):

- ``pari score … -o ro/ket-qua.xlsx`` (so ``--report ro/bao-cao.html``, ``-o ro/kq --format csv``,
  ``-o ro/2026/dot-1/ket-qua.xlsx``, ``template -o ro/mau.xlsx``) where ``ro`` is a folder the user
  may not write in (another user's, a read-only share or disk): the whole run first, then
  "cannot write the file: Permission denied" (output-unwritable, exit 4): 6.6 s for the example
  province on the loaded machine, 42.4 s and 619 MB for the national data (/tmp/peers/data). Now
  told before any table is read (3.0 s, 71 MB on the national data; paths.refused_folder), in the
  same words; a drop folder (mode 0333) is still written. tests/test_hostile_faults32.py runs it
  as an ordinary user.
- with ``PYTHONUTF8=0 LC_ALL=C`` Python reads file names as ASCII, and ``pari score đánh-giá.csv
  …`` was refused as "the name holds bytes that are not UTF-8 text" (name-not-utf8, exit 2, 1.7 s),
  of a name in UTF-8. Now the command starts itself again in Python's UTF-8 mode
  (pari_index.launch.names_in_utf8; 0.07 s more, on such a system alone) and scores it (exit 0,
  3.5 s, 167 MB); a name truly not UTF-8 is still refused. tests/test_hostile_faults32.py runs it.

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")

#: On 36dae70: exit status, wall seconds, the code told (the example province, the loaded machine).
MEASURED_INSIDE = {
    "report-inside-the-results-workbook": (4, 3.9, "output-unwritable"),
    "results-inside-the-report": (4, 3.5, "output-unwritable"),
    "report-deep-inside-the-results-through-a-link": (4, 4.4, "output-unwritable"),
}
MEASURED_DASH = {
    "results-named-with-a-dash": (0, 3.5, None),
    "form-named-with-a-dash": (0, 1.7, None),
    "report-named-with-a-dash": (0, 3.7, None),
    "cache-named-with-a-dash": (0, 3.3, None),
}


def _score(folder: Path, *extra: str) -> list[str]:
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    return ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q", *extra]


def report_inside_the_results_workbook(folder: Path) -> list[str]:
    return _score(folder, "-o", "ket-qua.xlsx", "--report", "ket-qua.xlsx/bao-cao.html")


def results_inside_the_report(folder: Path) -> list[str]:
    return _score(folder, "-o", "bao-cao.html/ket-qua.xlsx", "--report", "bao-cao.html")


def report_deep_inside_the_results_through_a_link(folder: Path) -> list[str]:
    """The report two folders down a results workbook named through a link to the folder."""
    (folder / "day").symlink_to(".")
    return _score(folder, "-o", "ket-qua.xlsx", "--report", "day/ket-qua.xlsx/a/bao-cao.html")


def results_named_with_a_dash(folder: Path) -> list[str]:
    return _score(folder, "-o", "-kq.xlsx")


def form_named_with_a_dash(folder: Path) -> list[str]:
    return ["template", "-o", "-mau.xlsx"]


def report_named_with_a_dash(folder: Path) -> list[str]:
    return _score(folder, "-o", "ket-qua.xlsx", "--report", "-bc.html")


def cache_named_with_a_dash(folder: Path) -> list[str]:
    return _score(folder, "-o", "ket-qua.xlsx", "--cache", "-c")


CASES: dict[str, Callable[[Path], list[str]]] = {
    "report-inside-the-results-workbook": report_inside_the_results_workbook,
    "results-inside-the-report": results_inside_the_report,
    "report-deep-inside-the-results-through-a-link": report_deep_inside_the_results_through_a_link,
    "results-named-with-a-dash": results_named_with_a_dash,
    "form-named-with-a-dash": form_named_with_a_dash,
    "report-named-with-a-dash": report_named_with_a_dash,
    "cache-named-with-a-dash": cache_named_with_a_dash,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "report-inside-the-results-workbook": (4, "output-inside-output", _INPUTS),
    "results-inside-the-report": (4, "output-inside-output", _INPUTS),
    "report-deep-inside-the-results-through-a-link": (4, "output-inside-output", _INPUTS),
    "results-named-with-a-dash": (2, "output-name-dash", _INPUTS),
    "form-named-with-a-dash": (2, "output-name-dash", ()),
    "report-named-with-a-dash": (2, "output-name-dash", _INPUTS),
    "cache-named-with-a-dash": (2, "output-name-dash", _INPUTS),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "report-inside-the-results-workbook": ("ket-qua.xlsx",),
    "results-inside-the-report": ("bao-cao.html",),
    "report-deep-inside-the-results-through-a-link": ("ket-qua.xlsx",),
    "results-named-with-a-dash": ("-kq.xlsx",),
    "form-named-with-a-dash": ("-mau.xlsx",),
    "report-named-with-a-dash": ("-bc.html", "ket-qua.xlsx"),
    "cache-named-with-a-dash": ("-c", "ket-qua.xlsx"),
}
