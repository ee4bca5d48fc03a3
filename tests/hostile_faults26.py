"""Faults of the twenty-sixth session's helper faults26: Ctrl-C before the command has begun its
run, while Python imports it and click reads its command line.

The sweeps of Ctrl-C (tests/hostile_interrupt.py) stop a run once it has used some CPU seconds:
reading, scoring, writing. A user who sees a wrong file name just after pressing Enter presses
Ctrl-C in the first half second, and there pari answered otherwise. Measured on ``pari report``
of a 28 MB results workbook, SIGINT sent every 30 ms from the start (a 2-core machine under load):

- from 60 ms to 420 ms, while ``pari_index.cli`` imported click, the console and the words of its
  help (the console script imports it before any of pari's code runs): Python's traceback of the
  cut import (``KeyboardInterrupt``), the process killed by the signal (status -2); sent at the
  import of each module, 23 of 186 modules so;
- from 450 ms to 600 ms, while click read the command line (an option's path is checked there, and
  the modules that check it imported): click's own "Aborted!", in English whatever ``--lang``,
  exit 1, the status of invalid input (6 of 186 modules: pari_index.outputs, input_watch,
  outputs.names, outputs.paths, spelling, heapq).

Now the command starts from pari_index.launch (the console script and ``python -m pari_index``),
which imports only the standard library before importing the command inside a handler, and
click's reading of the command line stops as the run does: "đã dừng (Ctrl-C)" / "interrupted",
exit 130, nothing written. The window left is Python's own start and the import of the package
``pari_index`` itself (which now imports nothing).

And a ``--cache`` folder whose name the system refuses to look up: one in a folder the user may
not search (``--cache /srv/chung/bo-nho/pari`` where ``chung`` is another office's, mode 0700), one
longer than a name or a path may be. Every other fault of the cache folder (a file in its place,
a link loop, a full disk, a read-only folder) is said as "Cache: ignored … (reason)" and the run
goes on without it, as its store promises (intake.cache.CacheStore); these stopped the whole run
before anything was read: "the operating system refused: Permission denied" (``os-error``), exit
1, the status of invalid input, no results. Its existence was asked outside the store's ``try``
(pathlib raises what the system says of a name other than "no such file"). Now the note, the
results written, exit 0.

Last, a results file given to be read (``pari explain --results``, ``pari report``, ``pari score
--previous``) in a folder the user may not search: "the operating system refused: Permission
denied" (``os-error``), where the same file without read permission is ``file-unreadable``
naming the cause (tests/hostile_faults23.py). Now ``file-unreadable`` too.

Made deterministic: the child sends SIGINT to itself the moment the module named by the case is
first looked for (an import hook, :data:`CTRL_C_AT_IMPORT`), then runs the command as the
console script does. Each case is a :class:`Stop`; benchmarks/hostile.py leaves them to
tests/test_hostile_faults26.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hostile_faults23 import Fault, _examples

ROOT = Path(__file__).resolve().parents[1]

#: The child's program: ``python -c CTRL_C_AT_IMPORT MODULE ARGS...`` runs ``pari ARGS`` as the
#: console script does (pari_index.launch.main), and sends itself SIGINT, as Ctrl-C does, the
#: first time ``MODULE`` is looked for by an import.
CTRL_C_AT_IMPORT = """\
import os, signal, sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == MODULE and self in sys.meta_path:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

MODULE = sys.argv.pop(1)
sys.argv[0] = "pari"
sys.meta_path.insert(0, CtrlC())
from pari_index.launch import main
main()
"""


@dataclass(frozen=True)
class Stop:
    """``make`` writes the files into an empty folder and returns the ``pari`` arguments; Ctrl-C
    comes at the first import of ``at_import``. ``expected``: exit status, no code (a stop is no
    finding), the files that must keep their bytes."""

    make: Callable[[Path], list[str]]
    at_import: str
    expected: tuple[int, str | None, tuple[str, ...]] = (130, None, ())


def _score(folder: Path) -> list[str]:
    return [*_examples(folder), "-o", "out.xlsx", "--report", "report.html"]


def _report(folder: Path) -> list[str]:
    """The examples' results workbook (scored here by a run left to finish) and its report."""
    from children import pari_child

    done = pari_child([*_examples(folder), "-o", "results.xlsx"], folder)
    assert done.returncode == 0, done.stdout + done.stderr
    return ["report", "results.xlsx", "-o", "report.html"]


def _template(folder: Path) -> list[str]:
    return ["template", "-o", "form.xlsx"]


def _validate(folder: Path) -> list[str]:
    shutil.copy(ROOT / "criteria" / "ha-noi-2025-commune.yaml", folder / "set.yaml")
    return ["validate", "set.yaml"]


STOPS: dict[str, Stop] = {
    # While the console script imported the command's module: a traceback, killed by the signal.
    "ctrl-c-importing-click-score": Stop(_score, "click"),
    "ctrl-c-importing-help-words-report": Stop(_report, "pari_index.messages.help_words"),
    "ctrl-c-importing-console-template": Stop(_template, "pari_index.console"),
    # While click read the command line (an option's path checked): "Aborted!", exit 1.
    "ctrl-c-reading-options-score": Stop(_score, "pari_index.outputs.paths"),
    "ctrl-c-reading-options-report": Stop(_report, "pari_index.system.input_watch"),
    "ctrl-c-reading-options-validate": Stop(_validate, "pari_index.system.spelling"),
}


@dataclass(frozen=True)
class Unusable:
    """A ``pari score`` whose ``--cache`` folder cannot be used (``make`` as for :class:`Stop`);
    ``ordinary_user``: without root's power over permissions (tests/children.py)."""

    make: Callable[[Path], list[str]]
    ordinary_user: bool = False
    expected: tuple[int, str | None, tuple[str, ...]] = (0, None, ("communes.csv",))


def _cache_in_unsearchable_folder(folder: Path) -> list[str]:
    (folder / "chung").mkdir(mode=0o700)
    (folder / "chung").chmod(0o600)  # may be listed by its owner, not searched: names in it are refused
    return [*_examples(folder), "-o", "out.xlsx", "--cache", "chung/pari"]


def _cache_name_too_long(folder: Path) -> list[str]:
    return [*_examples(folder), "-o", "out.xlsx", "--cache", "b" * 300]


def _cache_path_too_long(folder: Path) -> list[str]:
    return [*_examples(folder), "-o", "out.xlsx", "--cache", "abcd/" * 900 + "pari"]


#: Faults of the cache folder: the run goes on without it, and says so.
CACHE_CASES: dict[str, Unusable] = {
    "cache-in-unsearchable-folder": Unusable(_cache_in_unsearchable_folder, ordinary_user=True),
    "cache-name-too-long": Unusable(_cache_name_too_long),
    "cache-path-too-long": Unusable(_cache_path_too_long),
}


def _results_in_unsearchable_folder(folder: Path, command: str) -> list[str]:
    """The examples' results moved into a folder the user may list but not search (mode 0600)."""
    from children import pari_child

    done = pari_child([*_examples(folder), "-o", "results.xlsx"], folder)
    assert done.returncode == 0, done.stdout + done.stderr
    (folder / "chung").mkdir()
    (folder / "results.xlsx").rename(folder / "chung" / "results.xlsx")
    (folder / "chung").chmod(0o600)
    if command == "explain":
        return ["explain", "00001", "--results", "chung/results.xlsx"]
    if command == "report":
        return ["report", "chung/results.xlsx", "-o", "report.html"]
    return [*_examples(folder), "-o", "out.xlsx", "--previous", "chung/results.xlsx"]


#: Results to read in a folder the user may not search: ``file-unreadable``, as a file without
#: read permission is, not ``os-error``.
UNSEARCHABLE: dict[str, Fault] = {
    f"results-in-unsearchable-folder-{command}": Fault(
        lambda folder, command=command: _results_in_unsearchable_folder(folder, command),
        (1, "file-unreadable", ("communes.csv",)),
        ordinary_user=True,
    )
    for command in ("explain", "report", "previous")
}

CASES: dict[str, Stop | Unusable | Fault] = {**STOPS, **CACHE_CASES, **UNSEARCHABLE}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {name: case.expected for name, case in CASES.items()}

#: What each command would write: none of it may be there after the stop.
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    name: ("out.xlsx", "report.html", "form.xlsx") for name, case in CASES.items() if isinstance(case, Stop)
}

__all__ = [
    "CACHE_CASES",
    "CASES",
    "CTRL_C_AT_IMPORT",
    "EXPECTED",
    "NOT_WRITTEN",
    "STOPS",
    "UNSEARCHABLE",
    "Stop",
    "Unusable",
]
