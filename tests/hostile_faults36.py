"""Faults of the thirty-sixth session's helper faults36: the warning of an output whose path is
too long for Windows told of the wrong files, the library silent where ``pari`` warns, a cache
that could not be written told as entries ignored, and an input deleted mid-run told as never
given. Each was run with the real ``pari`` on 071b56d
(before) and after the fix (the example province, 60 communes; times on the 2-core machine shared
by six agents, so they say little; MEASURED, MEASURED_AFTER):

- ``pari score … -o D/kq --format csv`` where the folder's full path is 246 characters, so that
  its longest table, ``findings.csv``, is at 259 (the most Excel and Explorer open): "-o: the files
  pari writes in it reach a full path of 271 characters" (``output-path-too-long-for-windows``,
  exit 0), of files none of which is over the limit. Every folder output counted
  ``assessments_wide.parquet`` (24 characters, a demo-data set's longest name in Parquet and in
  the wide form), whatever wrote it (outputs.path_lengths.LONGEST_NAME_INSIDE): a results folder's
  longest is 12 characters in CSV, 16 in Parquet. So ``demo-data -o D/demo`` (a CSV set in the
  long form, longest ``assessments_long.csv``, 20) at 238 characters was warned of "263" of files
  at 259, and at 239 of "264" of files at 260.
- ``pari score … -o D/kq.parquet`` (results in Parquet: a folder, by its ending) at 250
  characters: exit 0, not a word, its five tables written at 263 to 267 characters. Whether an
  output was a folder was judged by its ending, and ``.parquet`` is a file's ending; so ``-o
  D/kq.csv/`` (a folder of CSV tables, typed with its ``/``) at 250: its ``findings.csv`` at 263,
  unwarned.

Now the writer says what it puts in the folder (cli_params.names_inside: a results folder's
tables of the run's format, outputs.results.table_files; a demo set's files of its format and
forms, demo.layout.set_names, which demo-data's path rule and its writer use too), and whether
the output is a folder at all (pipeline.results_format, as ``pari score`` decides it): the
warning tells the longest path really written, and only that.

Not cases here (a case is a command line; these are the library's, tests/test_hostile_faults36.py):

- ``pari.write_results("D/kq.xlsx", result, ranked)`` at 263 characters (so ``fmt="parquet"``
  into ``D/kq``, its tables at 280; ``pari.write_report`` of a page at 268; ``pari.run_score(output=
  …)``): written without a word, where ``pari score`` warns (session 35). And
  ``pari.read_results("ket-qua.xlsx")`` while it is open in Excel (``~$ket-qua.xlsx`` beside it):
  read as last saved without a word, where ``pari report`` and ``pari explain`` warn. The library
  had no way to warn. Now each is a ``pari.PariWarning`` (a UserWarning holding the Problem, the
  English as its text, ``problem.render("vi")``), of the caller's line, from the same functions the
  command line uses (outputs.path_lengths.long_for_windows with the writer's names,
  outputs.paths.open_inputs); the files are still written and read.

- ``pari score … --cache c`` while the disk fills as the cache's entries are written (ENOSPC; so a
  quota, EDQUOT; a disk turned read-only, EROFS; a failing one, EIO; fault injected into the
  entry's write, in the test's process) or with ``c`` made read-only since the last run (as an
  ordinary user, one commune changed): exit 0, the results written, and "Cache: ignored
  c/intake/<64 hex digits> (No space left on device); it was computed again, the results are
  unaffected", then the same of ``c/communes/<64 hex digits>``: two lines of entries nobody
  read, "ignored" of what could not be written. Now one line of the folder: "Cache: could not
  write into c (No space left on device); this run's results are complete, the next run
  computes again what was not kept", with the system's hint as before (intake.cache.CacheStore.save;
  an entry written whose oldest siblings cannot be removed is no failure: they go next time).

- ``pari score xa-*.csv …`` (a folder of one file a commune, 48 here) where the fifth file is
  deleted, emptied, cut short or replaced by another program after the run began and before it is
  read (fault injected as the reader reaches it; so ``pari.score`` of the library): deleted, "file
  not found" with the hint "check the path", of a file that was there when the run began; emptied,
  "the file is empty", hint "export the sheet again" (exit 1 both). Cut short or replaced, it was
  ``input-changed`` already: the watch of the inputs (system.input_watch) was asked only before an
  output is put in place, and a reader's error came first. Now any error of a command or library
  call whose inputs changed meanwhile tells ``input-changed`` first, the reader's words after it
  (input_watch.with_changes, in cli_errors.handles_errors and api.checked), exit 1 (the error keeps
  its kind and exit status, and a change after an output was put in place is not told with it:
  review of session 36, tests/test_reviewc36.py).
  Faults of the open itself (EMFILE, ENOMEM, EIO injected into Python's ``open`` of that file) met
  a file then read by the Rust reader: exit 0, every row scored, nothing to tell.

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave. The warnings exit 0 and have code None here: tests/test_hostile_faults36.py
reads their words and figures.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")

#: On 071b56d: exit status, wall seconds, the length told (None: no warning), the longest path written.
MEASURED = {
    "score-csv-folder-within-the-limit": (0, 1.5, 271, 259),
    "score-parquet-folder-over-the-limit": (0, 1.4, None, 267),
    "score-csv-folder-typed-with-a-slash": (0, 1.6, None, 263),
    "demo-data-within-the-limit": (0, 1.0, 263, 259),
    "demo-data-over-the-limit": (0, 0.8, 264, 260),
}
#: After the fix, the same.
MEASURED_AFTER = {
    "score-csv-folder-within-the-limit": (0, 1.6, None, 259),
    "score-parquet-folder-over-the-limit": (0, 1.6, 267, 267),
    "score-csv-folder-typed-with-a-slash": (0, 2.0, 263, 263),
    "demo-data-within-the-limit": (0, 1.4, None, 259),
    "demo-data-over-the-limit": (0, 1.4, 260, 260),
}


def _inputs(folder: Path) -> list[str]:
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    return ["assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q"]


def at_length(folder: Path, length: int, name: str) -> str:
    """``D/name``, relative to ``folder``, with ``D`` made of folders of at most 60 characters so
    that the full path (from the real folder, as the run's current folder is) is ``length``
    characters long."""
    room = length - len(os.path.realpath(folder)) - 2 - len(name)  # D, between two "/"
    parts: list[str] = []
    while room > 60:
        take = 60 if room - 61 >= 1 else room - 2
        parts.append("d" * take)
        room -= take + 1
    assert room >= 1, (length, folder, name)
    parts.append("d" * room)
    deep = "/".join(parts)
    (folder / deep).mkdir(parents=True)
    assert len(os.path.realpath(folder / deep)) + 1 + len(name) == length
    return f"{deep}/{name}"


def _score(length: int, name: str, *extra: str) -> Callable[[Path], list[str]]:
    def case(folder: Path) -> list[str]:
        return ["score", *_inputs(folder), "-o", at_length(folder, length, name), *extra]

    case.__doc__ = f"``pari score … -o D/{name} {' '.join(extra)}`` at {length} characters."
    return case


def _demo(length: int) -> Callable[[Path], list[str]]:
    def case(folder: Path) -> list[str]:
        return ["demo-data", "--communes", "3", "-o", at_length(folder, length, "demo")]

    case.__doc__ = f"``pari demo-data -o D/demo`` at {length} characters (CSV, long form)."
    return case


def _slashed(folder: Path) -> list[str]:
    """``-o D/kq.csv/``: a folder of CSV tables, by the ``/`` typed after its name."""
    return ["score", *_inputs(folder), "-o", at_length(folder, 250, "kq.csv") + "/"]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "score-csv-folder-within-the-limit": _score(246, "kq", "--format", "csv"),
    "score-parquet-folder-over-the-limit": _score(250, "kq.parquet"),
    "score-csv-folder-typed-with-a-slash": _slashed,
    "demo-data-within-the-limit": _demo(238),
    "demo-data-over-the-limit": _demo(239),
}

#: The output each case writes, and the longest path written in it (the length told, when over 259).
WRITTEN = {
    "score-csv-folder-within-the-limit": ("kq", 259),
    "score-parquet-folder-over-the-limit": ("kq.parquet", 267),
    "score-csv-folder-typed-with-a-slash": ("kq.csv", 263),
    "demo-data-within-the-limit": ("demo", 259),
    "demo-data-over-the-limit": ("demo", 260),
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "score-csv-folder-within-the-limit": (0, None, _INPUTS),
    "score-parquet-folder-over-the-limit": (0, None, _INPUTS),
    "score-csv-folder-typed-with-a-slash": (0, None, _INPUTS),
    "demo-data-within-the-limit": (0, None, ()),
    "demo-data-over-the-limit": (0, None, ()),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
