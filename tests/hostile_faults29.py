"""Faults of the twenty-ninth session's helper faults29: outputs in the system's own folders, a
cache or a folder given as results, limits read only by the reader they bound, a stop told as
keeping results there were none of, and the cache refused by the system without what to do.
Each was run with the real ``pari`` on fe8dd57 (before) and after the fix:

- ``pari score … -o /proc/out.xlsx``: the whole run (1.2 s, 145 MB on the example), then exit 4,
  "cannot write the file: No such file or directory", hint "the folder was removed during the
  write"; ``-o /sys/out.xlsx`` (as root): "Permission denied", "… ask its owner"; so too
  ``--report /proc/r.html`` (1.3 s, 168 MB, the results not written either), ``pari template -o
  /proc/f.xlsx`` and ``pari demo-data -o /sys/demo`` ("Operation not permitted"). No folder was
  removed and no owner can give one of these a file. Now ``output-system-folder`` (exit 4) before
  anything is read (1.1 s, 73 MB, the same start-up as any command), for every output, from the
  file system type the system's table of mounts gives the folder (outputs.system_places.system_folder:
  proc, sysfs, cgroup, debugfs, …).
- ``pari score … -o /dev/stdout > kq.xlsx`` (the stream redirected to a file): "-o must be a
  folder for this format, and a file of that name exists" (``stdout`` has no ending), exit 4; to a
  pipe "a device, pipe or socket"; ``pari template -o /proc/self/fd/1``, a link ``bao-cao.html``
  → ``/dev/stdout`` given to ``--report``: the same, never the stream it is. Now
  ``output-standard-stream`` (exit 2, as ``-o -`` is ``path-is-dash``), before anything is read,
  for ``/dev/stdout``, ``/dev/stderr``, ``/dev/stdin``, ``/dev/fd/N``, ``/proc/…/fd/N`` and any
  link leading to one (outputs.system_places.standard_stream).
- ``pari template -o ket-qua.xlsx``, ``pari criteria export SET -o ket-qua.xlsx``, ``pari diff
  OLD NEW -o ket-qua/summary.csv``, where the name holds results of ``pari score`` (last year's
  ranking, a name typed where the results are): the results replaced by a blank form, an annex, a
  table of changes, exit 0 (the rule replaced any earlier output of pari-index). Now
  ``output-over-results`` (exit 4) before anything is written: only results replace results
  (outputs.path_identity.Target.results).
- ``pari report cache`` / ``pari explain … --results cache`` / ``--previous cache``, where
  ``cache`` is the folder of ``pari score --cache``: "no summary table: this is not a pari-index
  results file", naming no cache; ``pari report out`` for ``out/results.xlsx``: the same words,
  not naming the file meant. Now the same code, ``not-results``, says "this is the cache folder of
  pari score --cache" or "this folder is not results, but holds «out/results.xlsx»".
- ``PARI_MAX_XLSX_BYTES=abc pari score`` of CSV files: exit 0 (the variable read only by the XLSX
  reader), while ``PARI_MAX_CELLS=-5`` stopped the same run (exit 2, ``bad-limit``);
  ``PARI_MAX_REPORT_UNITS=-1 pari validate``: exit 0; ``PARI_MAX_CELL=9`` (a typo) and
  ``pari_max_cells=5``: ignored by every run, the user believing a limit raised. Now every
  ``PARI_MAX_…`` variable set is checked before any command works (cli_params.check_every_limit):
  ``bad-limit`` or ``unknown-limit`` (with the nearest names), exit 2.
- SIGTERM during ``pari score -o new.xlsx`` where no ``new.xlsx`` was: "stopped by the system
  (SIGTERM); the previous results are left as they were" (exit 143). Now "nothing was written",
  and "the previous results are left as they were" only where an output was there before
  (input_watch.outputs_at_end); a stop after the outputs were put in place says so.
- ``--cache`` on a folder the user may not write (mode 0555), or on a full disk: "Cache: ignored
  rc (Permission denied); it was computed again" (exit 0): the file and the system's reason, not
  what to do, and every later run scored everything again. Now "Hint: give --cache a folder you
  may write to" / "free space, or give --cache a folder on another disk" (both languages).

:data:`CASES` run with ``pari`` as it is; :data:`ENV_CASES` with environment variables of their
own; the stop and the cache cases are in tests/test_hostile_faults29.py. ``EXPECTED`` is (exit
status, code, the user's files that keep their bytes).
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")


def _score(folder: Path, *extra: str) -> list[str]:
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    return ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q", *extra]


def _cache_folder(folder: Path) -> Path:
    """A folder as ``pari score --cache`` leaves it: its tag and an entry folder."""
    from pari_index.intake.cache_folder import TAG, TAG_TEXT

    cache = folder / "cache"
    (cache / "intake").mkdir(parents=True)
    (cache / TAG).write_text(TAG_TEXT, encoding="ascii")
    return cache


def results_in_proc(folder: Path) -> list[str]:
    return _score(folder, "-o", "/proc/out.xlsx")


def results_in_proc_self(folder: Path) -> list[str]:
    return _score(folder, "-o", "/proc/self/ket-qua.xlsx")


def results_in_sys(folder: Path) -> list[str]:
    return _score(folder, "-o", "/sys/out.xlsx")


def report_in_proc(folder: Path) -> list[str]:
    return _score(folder, "-o", "out.xlsx", "--report", "/proc/bao-cao.html")


def csv_results_in_sys(folder: Path) -> list[str]:
    return _score(folder, "-o", "/sys/kernel/ket-qua", "--format", "csv")


def template_in_proc(folder: Path) -> list[str]:
    return ["template", "-o", "/proc/mau.xlsx"]


def demo_in_sys(folder: Path) -> list[str]:
    return ["demo-data", "-o", "/sys/demo"]


def report_of_cache(folder: Path) -> list[str]:
    _cache_folder(folder)
    return ["report", "cache", "-o", "bao-cao.html"]


def explain_of_cache(folder: Path) -> list[str]:
    _cache_folder(folder)
    return ["explain", "00001", "--results", "cache"]


def previous_is_cache(folder: Path) -> list[str]:
    _cache_folder(folder)
    return _score(folder, "-o", "out.xlsx", "--previous", "cache")


def report_of_folder_holding_results(folder: Path) -> list[str]:
    (folder / "ket-qua").mkdir()
    (folder / "ket-qua" / "results.xlsx").write_bytes(b"a workbook of the user's")
    return ["report", "ket-qua", "-o", "bao-cao.html"]


def results_to_stdout(folder: Path) -> list[str]:
    return _score(folder, "-o", "/dev/stdout")


def report_to_a_link_to_stdout(folder: Path) -> list[str]:
    (folder / "bao-cao.html").symlink_to("/dev/stdout")
    return _score(folder, "-o", "out.xlsx", "--report", "bao-cao.html")


def template_to_descriptor(folder: Path) -> list[str]:
    return ["template", "-o", "/proc/self/fd/1"]


def demo_to_stderr(folder: Path) -> list[str]:
    return ["demo-data", "-o", "/dev/stderr"]


def _results(folder: Path, out: str, *extra: str) -> None:
    """Results of ``pari score`` at ``out``, as a province keeps last year's ranking."""
    from click.testing import CliRunner

    from pari_index.cli import main

    with contextlib.chdir(folder):
        done = CliRunner().invoke(main, [*_score(folder, "-o", out, *extra), "--lang", "en"])
    assert done.exit_code == 0, done.output


ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "criteria"


def template_over_results(folder: Path) -> list[str]:
    _results(folder, "ket-qua.xlsx")
    return ["template", "-o", "ket-qua.xlsx"]


def annex_over_results(folder: Path) -> list[str]:
    _results(folder, "ket-qua.xlsx")
    return ["criteria", "export", str(SETS / "ha-noi-2025-commune.yaml"), "-o", "ket-qua.xlsx"]


def changes_over_a_results_table(folder: Path) -> list[str]:
    _results(folder, "ket-qua", "--format", "csv")
    return [
        "diff",
        str(SETS / "hai-phong-2022-commune.yaml"),
        str(SETS / "ha-noi-2025-commune.yaml"),
        "-o",
        "ket-qua/summary.csv",
    ]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "template-over-results": template_over_results,
    "annex-over-results": annex_over_results,
    "changes-over-a-results-table": changes_over_a_results_table,
    "results-to-stdout": results_to_stdout,
    "report-to-a-link-to-stdout": report_to_a_link_to_stdout,
    "template-to-descriptor": template_to_descriptor,
    "demo-to-stderr": demo_to_stderr,
    "results-in-proc": results_in_proc,
    "results-in-proc-self": results_in_proc_self,
    "results-in-sys": results_in_sys,
    "report-in-proc": report_in_proc,
    "csv-results-in-sys": csv_results_in_sys,
    "template-in-proc": template_in_proc,
    "demo-in-sys": demo_in_sys,
    "report-of-cache": report_of_cache,
    "explain-of-cache": explain_of_cache,
    "previous-is-cache": previous_is_cache,
    "report-of-folder-holding-results": report_of_folder_holding_results,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "template-over-results": (4, "output-over-results", ("ket-qua.xlsx",)),
    "annex-over-results": (4, "output-over-results", ("ket-qua.xlsx",)),
    "changes-over-a-results-table": (4, "output-over-results", ("ket-qua/summary.csv",)),
    "results-to-stdout": (2, "output-standard-stream", _INPUTS),
    "report-to-a-link-to-stdout": (2, "output-standard-stream", _INPUTS),
    "template-to-descriptor": (2, "output-standard-stream", ()),
    "demo-to-stderr": (2, "output-standard-stream", ()),
    "results-in-proc": (4, "output-system-folder", _INPUTS),
    "results-in-proc-self": (4, "output-system-folder", _INPUTS),
    "results-in-sys": (4, "output-system-folder", _INPUTS),
    "report-in-proc": (4, "output-system-folder", _INPUTS),
    "csv-results-in-sys": (4, "output-system-folder", _INPUTS),
    "template-in-proc": (4, "output-system-folder", ()),
    "demo-in-sys": (4, "output-system-folder", ()),
    "report-of-cache": (1, "not-results", ("cache/CACHEDIR.TAG",)),
    "explain-of-cache": (1, "not-results", ("cache/CACHEDIR.TAG",)),
    "previous-is-cache": (1, "not-results", ("cache/CACHEDIR.TAG", *_INPUTS)),
    "report-of-folder-holding-results": (1, "not-results", ("ket-qua/results.xlsx",)),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "report-to-a-link-to-stdout": ("out.xlsx",),
    "report-in-proc": ("out.xlsx",),
    "report-of-cache": ("bao-cao.html",),
    "previous-is-cache": ("out.xlsx",),
    "report-of-folder-holding-results": ("bao-cao.html",),
}

#: What each refusal of a folder given as results says of it, in English.
SAID: dict[str, str] = {
    "report-of-cache": "cache: this is the cache folder of pari score --cache, which holds no results",
    "explain-of-cache": "cache: this is the cache folder of pari score --cache, which holds no results",
    "previous-is-cache": "cache: this is the cache folder of pari score --cache, which holds no results",
    "report-of-folder-holding-results": "this folder is not results, but holds «ket-qua/results.xlsx»",
    "results-in-proc": "-o is in /proc, a folder of the operating system's own (proc)",
    "results-in-sys": "-o is in /sys, a folder of the operating system's own (sysfs)",
    "report-in-proc": "--report is in /proc, a folder of the operating system's own (proc)",
    "results-to-stdout": "-o /dev/stdout is a standard stream of the command",
    "report-to-a-link-to-stdout": "--report bao-cao.html is a standard stream of the command",
}


# ---------------------------------------------------------------------------------------------
# Limits set in the environment: each case's variables, then its command.


def _validate(folder: Path) -> list[str]:
    return ["validate", "--bundled"]


def _template(folder: Path) -> list[str]:
    return ["template", "-o", "mau.xlsx"]


ENV_CASES: dict[str, tuple[dict[str, str], Callable[[Path], list[str]]]] = {
    "xlsx-limit-bad-on-csv-run": ({"PARI_MAX_XLSX_BYTES": "abc"}, lambda f: _score(f, "-o", "out.xlsx")),
    "report-limit-bad-on-validate": ({"PARI_MAX_REPORT_UNITS": "-1"}, _validate),
    "criteria-limit-bad-on-explain": (
        {"PARI_MAX_CRITERIA_BYTES": "1e6"},
        lambda f: ["explain", "00001", "--results", "ket-qua.xlsx"],
    ),
    "limit-misspelt": ({"PARI_MAX_CELL": "9"}, lambda f: _score(f, "-o", "out.xlsx")),
    "limit-in-lower-case": ({"pari_max_cells": "5"}, _template),
    "limits-bad-and-misspelt": ({"PARI_MAX_CELLS": "0", "PARI_MAX_REPORT_UNIT": "9"}, _validate),
}

ENV_EXPECTED: dict[str, tuple[int, tuple[str, ...]]] = {
    "xlsx-limit-bad-on-csv-run": (2, ("bad-limit",)),
    "report-limit-bad-on-validate": (2, ("bad-limit",)),
    "criteria-limit-bad-on-explain": (2, ("bad-limit",)),
    "limit-misspelt": (2, ("unknown-limit",)),
    "limit-in-lower-case": (2, ("unknown-limit",)),
    "limits-bad-and-misspelt": (2, ("bad-limit", "unknown-limit")),
}

ENV_NOT_WRITTEN: dict[str, str] = {
    "xlsx-limit-bad-on-csv-run": "out.xlsx",
    "limit-misspelt": "out.xlsx",
    "limit-in-lower-case": "mau.xlsx",
}
