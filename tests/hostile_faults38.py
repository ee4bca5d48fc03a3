"""Faults of the thirty-eighth session's helper faults38: what killed runs leave on disk, read back
as process numbers, and a memory limit that left no memory to say so. Each was run with the real
``pari`` on 5bf6759 (before) and after the fix (the example province, 60 communes; the 2-core
machine shared by eight agents):

- A temporary whose name holds a process number past a C int, beside the results or in the cache:
  ``.pari-tmp-99999999999999999999-abc.tmp`` (the probe of whether a folder takes new files) in
  the folder of ``-o out.xlsx``, ``.kq.pari-tmp-99999999999999999999-x`` beside ``-o kq``, a folder
  ``c/intake/.tmp-99999999999999999999-x`` in ``--cache c`` (a name anyone may make, or a disk
  that garbled one): "internal error: … (OverflowError: Python int too large to convert to C
  long)", exit 70, nothing written, in every run there until the file was found and removed by
  hand. The number read from the name went to ``os.kill`` as it was. A number 0 was asked about
  as this process's own group, always "alive", so ``.tmp-0-x`` stayed a day. Now a number that
  can be no process's is a process gone (system.temporaries.process_alive): the leftover is
  removed, the results written, exit 0.

- The cache folder's own probes: ``.keeps.XXXXXXXX``, the empty folder made for a moment to see
  whether the disk keeps permissions, and ``.CACHEDIR.TAG.XXXXXXXX``, the tag being written; a run
  killed in that moment left them, and no later run removed them (``remove_leftovers`` looked
  into the kinds' folders alone), one more each time. Now ``.keeps.PID.…`` names its process and
  both are removed once it is gone (those named before, after an hour); only this user's own,
  never a link (the file it leads to is untouched) and a ``.keeps.…`` folder only while empty.

- ``ulimit -v 200000`` (195 MB), below the 512 MB the ``memory-limit`` refusal asks for: one run
  in three said "error: out of memory; split the input by province or district", exit 1, the
  others ``memory-limit``, exit 2: the refusal ran out of memory importing its own words. Now it
  is ``memory-limit``, exit 2, every time, in shorter words already loaded when its own fail
  (tests/test_hostile_faults38.py runs it as a child under the limit, and each way in this
  process).

Looked at and sound (no change): an input that is a FIFO with no writer, ``/dev/zero``,
``/dev/urandom``, ``/dev/null`` or a folder, given as assessments, ``--communes``, ``--survey``,
``--appraisal``, ``--criteria``, ``--previous``, ``--evidence-dir`` and to ``report``,
``validate``, ``diff``, ``template``, ``criteria import`` and ``explain --results`` (a link named
``.xlsx`` or ``.parquet`` to a device too): each a located refusal, exit 1; one unreadable file
among 48 (as an ordinary user): ``file-unreadable``; an output folder without write permission
(``-o``, ``--report``): ``output-unwritable``, exit 4; a report that fills a 600 KB disk after the
results folder was written: exit 4, the earlier results folder kept byte for byte, no report;
``ulimit -n`` 12: ``open-files-limit``; 16-40 with 48 files and a cache: scored; a Parquet input cut
in half, cut by 10 bytes, overwritten in its middle, or of other columns: ``not-parquet`` /
``missing-column``, exit 1.

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave (here: the leftovers a run must remove).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _examples

from pari_index.intake.cache_folder import TAG, TAG_TEXT

Case = Callable[[Path], list[str]]

#: A process number no system gives (past a C int).
HUGE = "99999999999999999999"
#: A process number past Linux's ceiling (2**22): no process has it, yet it fits a C int.
GONE = "4194305"
#: Older than the hour a leftover that names no process is kept.
TWO_HOURS_AGO = -2 * 3600


def _score_args(folder: Path, *extra: str) -> list[str]:
    files = _examples(folder)
    return ["score", files["assessments_long"].name, "--communes", "communes.csv", "--survey", "survey.csv", *extra]


def _aged(path: Path, seconds: int = TWO_HOURS_AGO) -> None:
    when = path.lstat().st_mtime + seconds
    os.utime(path, (when, when), follow_symlinks=False)


def _cache(folder: Path) -> Path:
    """A cache folder as a first run claims it: its tag, and an empty ``intake`` folder."""
    cache = folder / "c"
    (cache / "intake").mkdir(parents=True, exist_ok=True)
    (cache / TAG).write_text(TAG_TEXT, encoding="ascii")
    return cache


def probe_of_a_huge_process_number_beside_the_results(folder: Path) -> list[str]:
    (folder / f".pari-tmp-{HUGE}-abc.tmp").write_bytes(b"")
    return _score_args(folder, "-o", "out.xlsx")


def temporary_of_a_huge_process_number_beside_the_results_folder(folder: Path) -> list[str]:
    (folder / f".kq.pari-tmp-{HUGE}-x").write_bytes(b"")
    return _score_args(folder, "-o", "kq", "--format", "csv")


def cache_temporary_of_a_huge_process_number(folder: Path) -> list[str]:
    (_cache(folder) / "intake" / f".tmp-{HUGE}-x").mkdir()
    return _score_args(folder, "-o", "out.xlsx", "--cache", "c")


def cache_temporary_of_process_zero(folder: Path) -> list[str]:
    (_cache(folder) / "intake" / ".tmp-0-x").mkdir()
    return _score_args(folder, "-o", "out.xlsx", "--cache", "c")


def cache_probes_a_killed_run_left(folder: Path) -> list[str]:
    cache = _cache(folder)
    (cache / f".keeps.{GONE}.abcd1234").mkdir(mode=0o700)
    (cache / ".keeps.abcd1234").mkdir(mode=0o700)
    _aged(cache / ".keeps.abcd1234")
    (cache / f"{TAG}.tmp").write_bytes(b"")  # a name of the user's own: not the tag's temporary
    (cache / f".{TAG}.abcd1234").write_bytes(b"")
    _aged(cache / f".{TAG}.abcd1234")
    return _score_args(folder, "-o", "out.xlsx", "--cache", "c")


def cache_probe_folder_holding_a_file(folder: Path) -> list[str]:
    """A folder named as a probe that someone put a file in is not a probe: it stays."""
    cache = _cache(folder)
    (cache / ".keeps.abcdefgh").mkdir()
    (cache / ".keeps.abcdefgh" / "ghi-chu.txt").write_text("ghi chú\n", encoding="utf-8")
    _aged(cache / ".keeps.abcdefgh", -3 * 24 * 3600)
    return _score_args(folder, "-o", "out.xlsx", "--cache", "c")


def cache_probe_named_link_to_the_user_s_file(folder: Path) -> list[str]:
    """A link named as the tag's temporary: never followed nor removed."""
    cache = _cache(folder)
    _examples(folder)
    (cache / f".{TAG}.abcdefgh").symlink_to(folder / "communes.csv")
    _aged(cache / f".{TAG}.abcdefgh", -3 * 24 * 3600)
    return _score_args(folder, "-o", "out.xlsx", "--cache", "c")


CASES: dict[str, Case] = {
    "probe-of-a-huge-process-number-beside-the-results": probe_of_a_huge_process_number_beside_the_results,
    "temporary-of-a-huge-process-number-beside-the-results-folder": (
        temporary_of_a_huge_process_number_beside_the_results_folder
    ),
    "cache-temporary-of-a-huge-process-number": cache_temporary_of_a_huge_process_number,
    "cache-temporary-of-process-zero": cache_temporary_of_process_zero,
    "cache-probes-a-killed-run-left": cache_probes_a_killed_run_left,
    "cache-probe-folder-holding-a-file": cache_probe_folder_holding_a_file,
    "cache-probe-named-link-to-the-user-s-file": cache_probe_named_link_to_the_user_s_file,
}

_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "probe-of-a-huge-process-number-beside-the-results": (0, None, _INPUTS),
    "temporary-of-a-huge-process-number-beside-the-results-folder": (0, None, _INPUTS),
    "cache-temporary-of-a-huge-process-number": (0, None, _INPUTS),
    "cache-temporary-of-process-zero": (0, None, _INPUTS),
    "cache-probes-a-killed-run-left": (0, None, (*_INPUTS, f"c/{TAG}.tmp")),
    "cache-probe-folder-holding-a-file": (0, None, (*_INPUTS, "c/.keeps.abcdefgh/ghi-chu.txt")),
    "cache-probe-named-link-to-the-user-s-file": (0, None, _INPUTS),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "probe-of-a-huge-process-number-beside-the-results": (f".pari-tmp-{HUGE}-abc.tmp",),
    "temporary-of-a-huge-process-number-beside-the-results-folder": (f".kq.pari-tmp-{HUGE}-x",),
    "cache-temporary-of-a-huge-process-number": (f"c/intake/.tmp-{HUGE}-x",),
    "cache-temporary-of-process-zero": ("c/intake/.tmp-0-x",),
    "cache-probes-a-killed-run-left": (f"c/.keeps.{GONE}.abcd1234", "c/.keeps.abcd1234", f"c/.{TAG}.abcd1234"),
}
