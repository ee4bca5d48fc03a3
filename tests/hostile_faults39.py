"""Faults of the thirty-ninth session's helper faults39: an output that the system refuses to
replace at the last step, as Windows refuses a file open in Excel (PermissionError, WinError 5 or
32, from the rename over it; a folder holding an open file cannot be moved aside either). Each was
run with the real ``pari`` on a6bdad8 (before) and after the fix, on the example province (60
communes), the refusal made by a child that wraps ``os.replace`` and ``os.rename`` (:data:`LOCKED`;
chmod cannot make it: pari checks a read-only mark before it writes, and root renames over one):

- ``score -o out/results.xlsx --report out/report.html`` with ``results.xlsx`` held: exit 4,
  "hint: no permission to write there (a read-only folder, or a shared folder where the file is
  another user's)": nothing said to close the file, and ``report.html`` was already the new one
  (the group put the report in place first) beside the previous results, after a run that said it
  failed. The same with ``--format csv -o kq`` and the folder held. Now the hint says to close the
  file in Excel, and the outputs already placed are taken back: every previous file keeps its
  bytes (pari_index.outputs.files: Placed, place_all).

- ``demo-data -o demo --seed 2`` over the set of seed 1, ``assessments_long.csv`` held: exit 4,
  the same "no permission" hint, and ``communes.csv`` already seed 2's register beside seed 1's
  assessments (a set whose files do not belong together). Now the set is put in place all or none
  (pari_index.demo.files._put_in_place), the hint to close the file.

``CASES`` write their files into a folder and return (argv, the name held, the files that keep
their bytes).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _examples

#: The script a case's child runs: ``os.replace`` and ``os.rename`` refuse, as Windows does for a
#: file open in Excel, any rename from or to the name in ``PARI_TEST_HELD``; then ``pari ARGS``.
LOCKED = """
import errno, os, sys
held = os.environ["PARI_TEST_HELD"]
real_replace, real_rename = os.replace, os.rename
def refuse(src, dst):
    if held in (os.path.basename(str(src)), os.path.basename(str(dst))):
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))
def replace(src, dst, *args, **kwargs):
    refuse(src, dst)
    return real_replace(src, dst, *args, **kwargs)
def rename(src, dst, *args, **kwargs):
    refuse(src, dst)
    return real_rename(src, dst, *args, **kwargs)
os.replace, os.rename = replace, rename
from pari_index.cli import main
sys.argv = ["pari", *sys.argv[1:]]
main()
"""

#: A case: (the run that writes the previous outputs, the run that meets one held, the name held,
#: the files that must keep the previous bytes); the two runs write different bytes.
Held = tuple[list[str], list[str], str, list[str]]
Case = Callable[[Path], Held]


def _score(folder: Path, *outputs: str) -> tuple[list[str], list[str]]:
    files = _examples(folder)
    args = ["score", str(files["assessments_long"]), "--communes", str(files["communes"]), "--no-survey", *outputs]
    return [*args, "--date", "2024-01-01"], [*args, "--date", "2025-06-01"]


def workbook_held(folder: Path) -> Held:
    first, then = _score(folder, "-o", "out/results.xlsx", "--report", "out/report.html")
    return first, then, "results.xlsx", ["out/results.xlsx", "out/report.html"]


def report_held(folder: Path) -> Held:
    first, then = _score(folder, "-o", "out/results.xlsx", "--report", "out/report.html")
    return first, then, "report.html", ["out/results.xlsx", "out/report.html"]


def csv_folder_held(folder: Path) -> Held:
    first, then = _score(folder, "--format", "csv", "-o", "kq", "--report", "report.html")
    return first, then, "kq", ["kq/summary.csv", "kq/about.csv", "report.html"]


def form_held(folder: Path) -> Held:
    return ["template", "-o", "form.xlsx", "--lang", "en"], ["template", "-o", "form.xlsx"], "form.xlsx", ["form.xlsx"]


def demo_assessments_held(folder: Path) -> Held:
    first, then = (["demo-data", "-o", "demo", "--seed", seed] for seed in ("1", "2"))
    kept = ["communes.csv", "assessments_long.csv", "appraisal.csv", "survey.csv", "SYNTHETIC-README.md"]
    return first, then, "assessments_long.csv", [f"demo/{name}" for name in kept]


CASES: dict[str, Case] = {
    "workbook-held": workbook_held,
    "report-held": report_held,
    "csv-folder-held": csv_folder_held,
    "form-held": form_held,
    "demo-assessments-held": demo_assessments_held,
}
#: The cases whose held output is a folder (a file in it open).
HELD_FOLDER = {"csv-folder-held"}
