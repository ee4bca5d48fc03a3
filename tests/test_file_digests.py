"""The run's background hashing of its inputs (intake.file_digests) is bounded by the run: a file
the intake refuses unread (a sparse file, gigabytes of NULs) is not hashed, and hashing stops
when the run ends. The ninth session's hostile run found a refused 1.5 GB sparse file costing
5.3 s of CPU in the hashing thread alone."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from pari_index.intake import file_digests


def _sparse(path: Path) -> Path:
    path.write_bytes(b"commune_code,criterion_id,value\n")
    os.truncate(path, 64 * 1024**2)
    with open(path, "rb") as handle:
        if os.lseek(handle.fileno(), 0, os.SEEK_HOLE) >= os.fstat(handle.fileno()).st_size:
            pytest.skip("this file system does not keep holes")
    return path


def test_a_sparse_input_is_not_hashed_for_the_run_but_is_when_asked(tmp_path: Path) -> None:
    path = _sparse(tmp_path / "sparse.csv")
    assert file_digests._hash(str(path), threading.Event()) is None
    asked = file_digests._hash(str(path))
    assert asked is not None and asked[1] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_hashing_stops_once_the_run_is_over(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"x" * (3 * file_digests._BLOCK))
    over = threading.Event()
    over.set()
    assert file_digests._hash(str(path), over) is None
    assert file_digests._hash(str(path), threading.Event()) is not None


def test_the_run_tells_its_hashing_when_it_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"commune_code\n00001\n")
    events: list[threading.Event] = []

    def recorded(key: str, stop: threading.Event) -> None:
        events.append(stop)

    monkeypatch.setattr(file_digests, "_hash", recorded)
    with file_digests.inputs_of_run([path]):
        file_digests._run[os.path.abspath(path)].result()  # the thread has started hashing
        assert len(events) == 1 and not events[0].is_set()
    assert events[0].is_set()
