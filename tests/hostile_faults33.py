"""Faults of the thirty-third session's helper faults33: what the cache reaches through a link, a
results table whose header line is longer than the part read to recognise it, and the probe a
killed run leaves. Each was run with the real ``pari`` on 7055fc4 (before) and after the fix (the
example province, 60 communes, CSV results; times on the machine shared with two other helpers,
load 4; MEASURED):

- ``pari score … --cache c`` where ``c`` is a cache folder (tagged, filled by a run) whose
  ``intake``, ``communes`` or ``outputs`` folder is a link to a folder of someone's own (a copy
  synchronised by hand, a folder linked to save room, a content-addressed store whose folders are
  named by their SHA-256): exit 0 (1.7 to 2.4 s), silently, the run's entry written into that
  folder and 2 of its 3 folders named by 64 hexadecimal digits removed with their files as the
  cache's oldest entries, and its ``.tmp-PID-…`` file of a process that is gone removed as a
  killed run's leftover. The cache
  checked each entry (a real folder, not a link) but not the folder of its kind. Now the kind's
  folder is used only when it is a folder itself; else "Cache: ignored c/communes (a link or a
  file, not a folder the cache made; nothing it leads to was touched; …)", the run scored without
  that part of the cache (exit 0, same results), nothing in the linked folder read, written or
  removed.
- ``pari score … --communes wide.csv -o kq --format csv`` run twice, the register of 250 columns
  headed by 19,000 letters each (4.8 MB): the second run was refused, "-o would replace
  kq/summary.csv, a file that pari-index did not write" (output-not-pari, exit 4), of its own
  results: the summary's header line (4.75 MB, the register's columns first) was judged on its
  first 64 KiB, without the results' columns. The same summary given as ``--survey`` was read as
  survey results, its columns reported unknown (exit 1), where results are refused as input
  (input-is-results), judged on 8 KiB. Now the header record is read to its end (a newline outside
  quotes, at most 64 MiB) and parsed as CSV (a heading in quotes holding a comma is one heading):
  exit 0 (5.0 s), and input-is-results (exit 2, 1.3 s).
- a run killed while its probe of a folder the system says no to (``.pari-tmp-PID-….tmp``,
  pari_index.outputs.paths.refused_folder) existed left it for good: the temporaries of an output
  removed at the next run start with the output's name, the probe with none. Now removed beside
  the output when it is written (files.clean_stale), and in the folder probed before the next
  probe, once its process is gone (a running one's is kept).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from hostile_cache import DEAD_PID, _filled, score_args

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")

#: On 7055fc4: exit status, wall seconds, the code told, what the user lost.
MEASURED = {
    "cache-intake-links-to-a-store": (0, 1.7, None, "2 of 3 folders of the store, and its .tmp- file"),
    "cache-communes-links-to-a-store": (0, 2.4, None, "2 of 3 folders of the store, and its .tmp- file"),
    "cache-outputs-links-to-a-store": (0, 2.3, None, "2 of 3 folders of the store, and its .tmp- file"),
    "results-of-a-wide-register-scored-again": (4, 0.9, "output-not-pari", "nothing (its own results refused)"),
    "wide-results-given-as-survey": (1, 2.0, "unknown-column", "nothing (read as survey results)"),
    "probe-left-by-a-killed-run": (0, 2.6, None, "nothing (the probe stayed)"),
}
#: After the fix, the same: exit status and wall seconds.
MEASURED_AFTER = {
    "cache-intake-links-to-a-store": (0, 2.2),
    "cache-communes-links-to-a-store": (0, 2.4),
    "cache-outputs-links-to-a-store": (0, 2.2),
    "results-of-a-wide-register-scored-again": (0, 5.0),
    "wide-results-given-as-survey": (2, 1.3),
    "probe-left-by-a-killed-run": (0, 2.9),
}

#: The folders of a content-addressed store (named by the SHA-256 of what they hold), old.
STORE_FOLDERS = tuple(hashlib.sha256(f"photo {i}".encode()).hexdigest() for i in range(3))
#: A file of the store named as another program's temporary of a process that is gone.
STORE_TEMPORARY = f".tmp-{DEAD_PID}-upload"
STORE_FILES = (*(f"store/{name}/photo.jpg" for name in STORE_FOLDERS), f"store/{STORE_TEMPORARY}")
#: A probe of refused_folder whose run was killed (its process is gone).
DEAD_PROBE = f".pari-tmp-{DEAD_PID}-k3x9_a1b.tmp"
#: Columns and letters of each heading of the wide register (4.8 MB).
WIDE_COLUMNS, WIDE_LETTERS = 250, 19_000


def _store(folder: Path) -> Path:
    store = folder / "store"
    for i, name in enumerate(STORE_FOLDERS):
        (store / name).mkdir(parents=True)
        (store / name / "photo.jpg").write_bytes(f"the user's photo {i}".encode())
        os.utime(store / name, (1_000_000 + i, 1_000_000 + i))  # older than any entry
    (store / STORE_TEMPORARY).write_text("an upload in progress\n", encoding="utf-8")
    os.utime(store / STORE_TEMPORARY, (1_000_000, 1_000_000))
    return store


def _kind_links_to_a_store(kind: str) -> Callable[[Path], list[str]]:
    def case(folder: Path) -> list[str]:
        cache = _filled(folder)
        shutil.rmtree(cache / kind)
        (cache / kind).symlink_to(_store(folder), target_is_directory=True)
        args = score_args(folder, cache)
        at = args.index("--lang")
        return [*args[:at], *args[at + 2 :]]  # said in the language the sweep gives

    case.__doc__ = f"The {kind} folder of a filled cache replaced by a link to a store of the user's."
    return case


def _inputs(folder: Path, communes: Path | None = None) -> list[str]:
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    register = "communes.csv" if communes is None else communes.name
    return ["score", "assessments_long.csv", "--communes", register, "--survey", "survey.csv", "-q"]


def _wide_register(folder: Path) -> Path:
    """The example register with WIDE_COLUMNS more columns, each headed by WIDE_LETTERS letters."""
    with open(EXAMPLES / "communes.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    extra = [f"c{i}" + "x" * WIDE_LETTERS for i in range(WIDE_COLUMNS)]
    wide = folder / "wide.csv"
    with open(wide, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(rows[0] + extra)
        writer.writerows(row + ["v"] * WIDE_COLUMNS for row in rows[1:])
    return wide


def results_of_a_wide_register_scored_again(folder: Path) -> list[str]:
    """The results folder of a run on the wide register, scored again into the same folder."""
    from pari_index.cli import main

    args = [*_inputs(folder, _wide_register(folder)), "-o", "kq", "--format", "csv"]
    # In this process, whose folder is not the case's: the same names, made whole.
    whole = [str(folder / arg) if os.path.lexists(folder / arg) or arg == "kq" else arg for arg in args[1:]]
    first = CliRunner().invoke(main, ["score", *whole], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    return args


def wide_results_given_as_survey(folder: Path) -> list[str]:
    """A summary of results whose header line is 4.75 MB (the wide register's columns first),
    given as the survey results."""
    columns = ["notice", "commune_code", "name", *(f"c{i}" + "x" * WIDE_LETTERS for i in range(WIDE_COLUMNS))]
    columns += ["total_points", "index", "rank"]
    with open(folder / "summary.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerow(["", "00001", "Phường Hồng Cẩm", *(["v"] * WIDE_COLUMNS), "80", "80", "1"])
    args = _inputs(folder)
    args[args.index("--survey") + 1] = "summary.csv"
    return [*args, "-o", "ket-qua.xlsx"]


def probe_left_by_a_killed_run(folder: Path) -> list[str]:
    """The probe of a run killed while it existed, in the folder of the results."""
    (folder / DEAD_PROBE).write_bytes(b"")
    return [*_inputs(folder), "-o", "ket-qua.xlsx"]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "cache-intake-links-to-a-store": _kind_links_to_a_store("intake"),
    "cache-communes-links-to-a-store": _kind_links_to_a_store("communes"),
    "cache-outputs-links-to-a-store": _kind_links_to_a_store("outputs"),
    "results-of-a-wide-register-scored-again": results_of_a_wide_register_scored_again,
    "wide-results-given-as-survey": wide_results_given_as_survey,
    "probe-left-by-a-killed-run": probe_left_by_a_killed_run,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "cache-intake-links-to-a-store": (0, None, STORE_FILES),
    "cache-communes-links-to-a-store": (0, None, STORE_FILES),
    "cache-outputs-links-to-a-store": (0, None, STORE_FILES),
    "results-of-a-wide-register-scored-again": (0, None, _INPUTS),
    "wide-results-given-as-survey": (2, "input-is-results", ("summary.csv",)),
    "probe-left-by-a-killed-run": (0, None, _INPUTS),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "wide-results-given-as-survey": ("ket-qua.xlsx",),
    "probe-left-by-a-killed-run": (DEAD_PROBE,),
}
