"""Spill folders in TMPDIR: named by their process, and removed by a later run once that process
is gone (a run killed outright removes nothing of its own)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from pari_index.scoring.batches import DetailStore
from pari_index.system import temporaries

HOUR = 3600


def _dead_pid() -> int:
    """The number of a process that has ended (and was this test's child)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _folder(parent: Path, name: str, age: float) -> Path:
    folder = parent / name
    folder.mkdir()
    (folder / "cells-000001-0000.arrow").write_bytes(b"x" * 10)
    then = time.time() - age
    os.utime(folder, (then, then))
    return folder


@pytest.fixture
def tmpdir_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_a_spill_folder_is_named_by_kind_and_process_and_removed_with_its_owner(tmpdir_here: Path) -> None:
    store = DetailStore(spill=True)
    (folder,) = tmpdir_here.iterdir()
    assert folder.name.startswith(f"pari-detail-{os.getpid()}-")
    assert temporaries.SPILL_NAME.match(folder.name)
    del store
    gc.collect()
    assert list(tmpdir_here.iterdir()) == []


def test_the_spills_of_gone_processes_are_removed_and_no_others(tmpdir_here: Path) -> None:
    dead = _dead_pid()
    gone = _folder(tmpdir_here, f"pari-raw-{dead}-abcd_123", 2 * HOUR)
    unnamed_old = _folder(tmpdir_here, "pari-detail-x1y2z3w4", 25 * HOUR)
    kept = [
        _folder(tmpdir_here, f"pari-raw-{dead}-recent00", 60),  # gone a minute ago: maybe another container's
        _folder(tmpdir_here, f"pari-intake-{os.getpid()}-mine0000", 2 * HOUR),  # this process's own
        _folder(tmpdir_here, f"pari-ahead-{os.getppid()}-alive000", 2 * HOUR),  # a live process's
        _folder(tmpdir_here, "pari-detail-unnamed0", 2 * HOUR),  # unnamed, under a day old
        _folder(tmpdir_here, f"pari-raw-{dead}-abcd_123-notes", 2 * HOUR),  # not a spill's name
        _folder(tmpdir_here, f"pari-tmp-{dead}-abcd_123", 2 * HOUR),  # an output's temporary
    ]
    target = _folder(tmpdir_here, "kept-by-link", 2 * HOUR)
    (tmpdir_here / f"pari-raw-{dead}-link0000").symlink_to(target)  # a link is never followed
    removed = temporaries.remove_left_spills()
    assert sorted(removed) == sorted([gone, unnamed_old])
    assert not gone.exists() and not unnamed_old.exists()
    assert all(folder.is_dir() for folder in [*kept, target])
    assert (target / "cells-000001-0000.arrow").exists()


def test_the_first_spill_of_a_process_removes_the_left_ones(tmpdir_here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    left = _folder(tmpdir_here, f"pari-detail-{_dead_pid()}-left0000", 2 * HOUR)
    monkeypatch.setattr(temporaries, "_swept", False)
    store = DetailStore(spill=True)
    assert not left.exists()
    assert len(list(tmpdir_here.iterdir())) == 1
    del store
