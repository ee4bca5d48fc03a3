"""Hostile caches for ``pari score --cache`` (benchmarks/hostile.py times them; tests/test_hostile_cache.py
checks what they answer).

Each generator writes its files into an empty folder and returns the ``pari`` arguments. A cache
to damage is filled first by a real run in this process (not timed by the benchmark). Everything
here is generated and synthetic.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from pari_index.intake.cache_folder import KINDS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: The user's own files in a ``communes`` folder beside the data: none may be lost.
USER_FILES = 30
#: A process number no process has (above the largest Linux gives).
DEAD_PID = 4_194_999


def _data(folder: Path) -> Path:
    data = folder / "data"
    data.mkdir()
    for name in ("assessments_long.csv", "communes.csv", "survey.csv", "appraisal.csv"):
        shutil.copy(EXAMPLES / name, data / name)
    return data


def score_args(folder: Path, cache: Path, out: str = "out") -> list[str]:
    data = folder / "data" if (folder / "data").is_dir() else _data(folder)
    return [
        "score",
        str(data / "assessments_long.csv"),
        "--communes",
        str(data / "communes.csv"),
        "--survey",
        str(data / "survey.csv"),
        "--appraisal",
        str(data / "appraisal.csv"),
        "-o",
        str(folder / out),
        "--format",
        "csv",
        "--cache",
        str(cache),
        "--lang",
        "en",
        "-q",
    ]


def _filled(folder: Path) -> Path:
    """A cache filled by one run (in this process)."""
    from pari_index.cli import main

    cache = folder / "cache"
    result = CliRunner().invoke(main, score_args(folder, cache, "first"))
    assert result.exit_code == 0, result.output
    shutil.rmtree(folder / "first")
    return cache


def cache_in_data_folder(folder: Path) -> list[str]:
    """``--cache`` names the folder of the data, which already has a ``communes`` folder of one
    file per commune (the cache's own sub-folder name): not one of those files may go."""
    data = _data(folder)
    mine = data / "communes"
    mine.mkdir()
    for i in range(USER_FILES):
        (mine / f"xa-{i:02d}.csv").write_text(f"commune {i}\n", encoding="utf-8")
    return score_args(folder, data)


def cache_is_output(folder: Path) -> list[str]:
    """``--cache`` and ``-o`` the same folder: the results would be blocked by the cache, or the
    cache lost with the results folder's swap."""
    return score_args(folder, folder / "out")


def cache_holds_report(folder: Path) -> list[str]:
    """The report written inside the cache folder, where old entries are removed."""
    return [*score_args(folder, folder / "cache"), "--report", str(folder / "cache" / "communes" / "report.html")]


def cache_fifo_manifest(folder: Path) -> list[str]:
    """Every entry's manifest replaced by a named pipe with no writer (reading it would wait
    forever)."""
    cache = _filled(folder)
    for manifest in cache.glob("*/*/manifest.json"):
        manifest.unlink()
        os.mkfifo(manifest)
    return score_args(folder, cache)


def cache_table_links(folder: Path) -> list[str]:
    """Every entry's tables replaced by links to /dev/zero (endless) and to a file outside."""
    cache = _filled(folder)
    outside = folder / "secret.txt"
    outside.write_text("not the cache's\n", encoding="utf-8")
    for i, table in enumerate(sorted(cache.glob("*/*/*.parquet"))):
        table.unlink()
        table.symlink_to("/dev/zero" if i % 2 == 0 else outside)
    return score_args(folder, cache)


def cache_entry_links(folder: Path) -> list[str]:
    """Every entry replaced by a link to a folder of someone else's files."""
    cache = _filled(folder)
    elsewhere = folder / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "manifest.json").write_text("{}", encoding="utf-8")
    (elsewhere / "keep.txt").write_text("keep me\n", encoding="utf-8")
    for entry in cache.glob("*/*"):
        shutil.rmtree(entry)
        entry.symlink_to(elsewhere, target_is_directory=True)
    return score_args(folder, cache)


def cache_killed_leftovers(folder: Path) -> list[str]:
    """What runs killed while writing entries leave: ``.tmp-PID-…`` folders of a process that is
    gone (2 MB each), an old one named before process numbers, and ``.old-KEY-PID`` folders."""
    cache = _filled(folder)
    for kind in KINDS:  # every kind of entry, the re-score's changes too
        (cache / kind).mkdir(exist_ok=True)
        for i in range(3):
            leftover = cache / kind / f".tmp-{DEAD_PID}-x{i}"
            leftover.mkdir()
            (leftover / "cells.parquet").write_bytes(b"\0" * (2 << 20))
        legacy = cache / kind / ".tmp-ab12cd34"
        legacy.mkdir()
        two_hours_ago = time.time() - 7200
        os.utime(legacy, (two_hours_ago, two_hours_ago))
        (cache / kind / f".old-{'0' * 64}-{DEAD_PID}").mkdir()
    return score_args(folder, cache)


CASES: dict[str, Callable[[Path], list[str]]] = {
    "cache-in-data-folder": cache_in_data_folder,
    "cache-is-output": cache_is_output,
    "cache-holds-report": cache_holds_report,
    "cache-fifo-manifest": cache_fifo_manifest,
    "cache-table-links": cache_table_links,
    "cache-entry-links": cache_entry_links,
    "cache-killed-leftovers": cache_killed_leftovers,
}
