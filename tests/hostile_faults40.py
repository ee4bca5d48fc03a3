"""Faults of the fortieth session's helper faults40, each run with the real ``pari`` on 81e533d
(before) and after the fix, on the example province (60 communes):

- Two runs with the same inputs and ``--date`` wrote ``results.xlsx`` files with different bytes
  (sha256 4528.. and bc70.., two runs 4 s apart): the workbook's members named by text alone were
  stamped with the clock (zipfile's ``writestr``); their contents were the same. Officials compare
  results files by hash. Now every member is stamped 1980-01-01, as xlsxwriter stamps its own
  (pari_index.outputs.workbook._member); the same for ``diff -o changes.xlsx`` and ``criteria
  export``, which write through the same writer. :data:`CLOCK` runs pari with the clock moved on a
  day, so that the test does not depend on two runs falling in different seconds.

- A SIGTERM in the interpreter's shutdown after "Written: ..." (0.2-0.5 s on a loaded 2-core machine
  for the example, some 3 s for a large run) killed a run whose outputs were all written: no word,
  exit 143 (session 39's leftover). Now the process ends at once after the command, with its exit
  handlers run (pari_index.launch.ended_quickly), and a stop asked in that step leaves the run's
  own status. :data:`STOPPED_AT_EXIT` sends the signal from an exit handler, the last moment of
  the run's shutdown, so the case is deterministic.

- A SIGTERM or SIGHUP while ``pari`` imports its command's module (0.2 s idle, about 1 s on a
  loaded machine: a timed sweep of ``pari explain`` killed at 0.4 and 0.8 s) ended the process on
  the system's default: exit 143 or 129 and no word, where a Ctrl-C there is told (session 26).
  Now it is told as the stop it is, "stopped by the system (SIGTERM); nothing was written", in the
  run's language (pari_index.launch). :data:`STOP_AT_IMPORT` sends the signal at the first import
  of a chosen module.

- ``kill`` during ``pari demo-data --communes 3000`` (timed sweep, 0.5-1.6 s): in one run of three
  "interrupted" (Ctrl-C's words) and exit 130: polars, whose queries ask Python for signals,
  raises a KeyboardInterrupt of its own in place of the exception the handler raised. Now the
  signal received is told (pari_index.console.told_interrupted reads SIGNALLED).
  :data:`STOP_TURNED_BY_A_LIBRARY` does what polars does, at a chosen moment.

- The same stop, told as the signal, said "stopped by the system (SIGTERM), after the outputs were
  written" of a set never put in place (81e533d, kill at 4.5-7.5 s: exit 143, no folder ``demo``):
  the folder made for it counted as an output written. Now it is "nothing was written", or "...,
  the previous results are left as they were" over an earlier set (pari_index.system.input_watch:
  ``placed(written=False)``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _examples

from pari_index.criteria.loading import bundled_criteria

#: ``pari ARGS`` with the clock (time.time, which zipfile and the run read) a day ahead when
#: ``PARI_TEST_CLOCK_AHEAD`` is set.
CLOCK = """
import os, sys, time
if os.environ.get("PARI_TEST_CLOCK_AHEAD"):
    real_time = time.time
    time.time = lambda: real_time() + 86400
from pari_index.cli import main
from pari_index.launch import ended_quickly
sys.argv = ["pari", *sys.argv[1:]]
ended_quickly(main)
"""

#: ``pari ARGS`` run as ``python -m pari_index.cli`` runs it, with an exit handler (the last to
#: run) that sends the process the signal named in ``PARI_TEST_SIGNAL``: a stop asked when the
#: run is over and Python ends it.
STOPPED_AT_EXIT = """
import atexit, os, signal, sys
atexit.register(lambda: os.kill(os.getpid(), getattr(signal, os.environ["PARI_TEST_SIGNAL"])))
from pari_index.cli import main
from pari_index.launch import ended_quickly
sys.argv = ["pari", *sys.argv[1:]]
ended_quickly(main)
"""

#: ``python -c STOP_AT_IMPORT SIGNAL MODULE ARGS...``: ``pari ARGS`` run as the console script
#: runs it (pari_index.launch.main), sending itself SIGNAL the first time MODULE is looked for.
STOP_AT_IMPORT = """
import os, signal, sys

class Stop:
    def find_spec(self, name, path=None, target=None):
        if name == MODULE and self in sys.meta_path:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), getattr(signal, SIGNAL))
        return None

SIGNAL, MODULE = sys.argv.pop(1), sys.argv.pop(1)
sys.argv[0] = "pari"
sys.meta_path.insert(0, Stop())
from pari_index.launch import main
main()
"""

#: ``pari demo-data ARGS`` that sends itself the signal named in ``PARI_TEST_SIGNAL`` while the
#: set is made, and with ``PARI_TEST_TURN`` set turns the handler's exception into a
#: KeyboardInterrupt of its own, as polars does for a signal that lands inside a query.
STOP_TURNED_BY_A_LIBRARY = """
import os, signal, sys, time
import pari_index.demo.files as files
real_rows_frame = files._rows_frame
def rows_frame(*args, **kwargs):
    try:
        os.kill(os.getpid(), getattr(signal, os.environ["PARI_TEST_SIGNAL"]))
        time.sleep(30)
    except KeyboardInterrupt:
        if os.environ.get("PARI_TEST_TURN"):
            raise KeyboardInterrupt from None
        raise
    return real_rows_frame(*args, **kwargs)
files._rows_frame = rows_frame
from pari_index.cli import main
sys.argv = ["pari", *sys.argv[1:]]
main()
"""

#: Modules the command's module imports, first and late.
IMPORTED_BY_THE_COMMAND = ("click", "pari_index.console")

#: A case: the command line (run in a folder it prepared) and the files it writes.
Case = Callable[[Path], tuple[list[str], list[str]]]


def _score(folder: Path, *outputs: str) -> list[str]:
    files = _examples(folder)
    return ["score", str(files["assessments_long"]), "--communes", str(files["communes"]), "--no-survey", *outputs]


def score_workbook(folder: Path) -> tuple[list[str], list[str]]:
    args = _score(folder, "-o", "out/results.xlsx", "--report", "out/report.html", "--date", "2025-06-01")
    return args, ["out/results.xlsx", "out/report.html"]


def diff_workbook(folder: Path) -> tuple[list[str], list[str]]:
    old, new = sorted(bundled_criteria())[:2]
    return ["diff", str(old), str(new), "-o", "changes.xlsx"], ["changes.xlsx"]


def criteria_annex(folder: Path) -> tuple[list[str], list[str]]:
    return ["criteria", "export", str(sorted(bundled_criteria())[0]), "-o", "annex.xlsx"], ["annex.xlsx"]


def score_csv(folder: Path) -> tuple[list[str], list[str]]:
    return _score(folder, "--format", "csv", "-o", "kq", "--date", "2025-06-01"), ["kq/summary.csv", "kq/about.csv"]


#: Commands whose workbooks must not depend on the clock.
SAME_BYTES: dict[str, Case] = {
    "score_workbook": score_workbook,
    "diff_workbook": diff_workbook,
    "criteria_annex": criteria_annex,
}

#: Commands stopped in their shutdown.
STOPPED: dict[str, Case] = {"score_workbook": score_workbook, "score_csv": score_csv}
