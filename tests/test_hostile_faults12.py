"""The faults of tests/hostile_faults12.py, each run as a real ``pari`` child, and the faults that
need more than one command: a signal in the middle of a run, two runs writing the same results at
once, a read-only folder, a pipe closed by ``| head``."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
import test_hostile_interrupt as interrupt
from children import pari_child, pari_started
from hostile_faults12 import CASES, Fault, _examples, _previous


def _digest(path: Path) -> dict[str, str]:
    """Each file under ``path`` (or ``path`` itself) by its bytes."""
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return {str(p.relative_to(path.parent)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _mount_tmpfs(where: Path, size: int) -> None:
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small disk here (mount -t tmpfs: {done.stderr.decode().strip()})")


def _fill(disk: Path, room: int) -> None:
    """Fill ``disk`` until ``room`` bytes are left (as near as its blocks allow)."""
    stats = os.statvfs(disk)
    left = stats.f_bfree * stats.f_frsize - room
    with (disk / "filler").open("wb") as out:
        while left > 0:
            try:
                out.write(b"\0" * min(left, 1 << 20))
                out.flush()
            except OSError:
                break
            left -= 1 << 20


def _temporaries(folder: Path) -> list[str]:
    return [str(p) for p in folder.rglob("*") if "pari-tmp" in p.name or "pari-old" in p.name]


@pytest.mark.parametrize("name", list(CASES))
def test_fault(tmp_path: Path, name: str) -> None:
    case: Fault = CASES[name]
    folder = tmp_path / "case"
    folder.mkdir()
    disk = folder / "disk"
    if case.disk is not None:
        _mount_tmpfs(disk, case.disk)
    try:
        args = case.make(folder)
        kept = {path: _digest(folder / path) for path in case.kept}
        if case.disk is not None:
            _fill(disk, case.room)
        env = {key: value.replace("{folder}", str(folder)) for key, value in case.env.items()}
        done = _child(args, folder, case, env)
        said = done.stdout + done.stderr
        assert done.returncode == case.status, said
        assert "Traceback" not in said and "lỗi nội bộ" not in said, said
        for fragment in case.says:
            assert fragment in said, said
        for path, digest in kept.items():
            assert _digest(folder / path) == digest, f"{path} changed"
        assert _temporaries(folder) == []
        if case.disk is not None:
            assert sorted(p.name for p in disk.iterdir() if p.name.startswith("pari-")) == []
    finally:
        if case.disk is not None:
            subprocess.run(["umount", str(disk)], check=False)


def _child(args: list[str], folder: Path, case: Fault, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    if not env:
        return pari_child(args, folder, case.limits or None, timeout=60)
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        return pari_child(args, folder, case.limits or None, timeout=60)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_mid_run_removes_its_spills_and_keeps_the_old_results(tmp_path: Path, number: int) -> None:
    """``kill`` (SIGTERM) or a closed terminal (SIGHUP) once a run in batches has spilled to
    TMPDIR: the run used to die on the spot, leaving its spill folders in TMPDIR for ever
    (33 MB each nationally, GBs at 250,000 units). Now it unwinds as for Ctrl-C: the previous
    results whole, nothing temporary anywhere, a message in its language, exit 128 + the signal;
    the run after it writes the same results."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    args = _previous(tmp_path, "-o", "out/results.xlsx", "--report", "out/report.html", "--batch-size", "10")
    old = interrupt._contents(tmp_path / "out")
    child = pari_started(args, tmp_path, TMPDIR=str(temp))
    while child.poll() is None and not any(p.name.startswith("pari-") for p in temp.iterdir()):
        time.sleep(0.005)
    assert child.poll() is None, "the run ended before it spilled anything"
    child.send_signal(number)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode in (0, 128 + number), (child.returncode, stderr)
    if child.returncode:
        assert f"đã dừng theo yêu cầu của hệ thống ({signal.Signals(number).name})" in stderr, stderr
        assert interrupt._contents(tmp_path / "out") == old
    assert "Traceback" not in stderr
    assert list(temp.iterdir()) == []
    assert _temporaries(tmp_path) == []
    rerun = pari_child(args, tmp_path, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert interrupt._contents(tmp_path / "out") == old


def test_two_runs_at_once_write_one_complete_set(tmp_path: Path) -> None:
    """Two runs writing the same results, report and cache at the same time: each finishes, and
    what is left is one complete set (as a third run writes it), with nothing temporary."""
    args = [*_examples(tmp_path), "--format", "csv", "-o", "res", "--report", "report.html", "--cache", "cache"]
    runs = [pari_started(args, tmp_path) for _ in range(2)]
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr
    both = _digest(tmp_path / "res")
    assert _temporaries(tmp_path) == []
    again = pari_child(args, tmp_path, timeout=120)
    assert again.returncode == 0, again.stderr
    assert _digest(tmp_path / "res").keys() == both.keys()


def test_a_read_only_folder_is_said_and_the_previous_results_stay(tmp_path: Path) -> None:
    """The results' folder made immutable (chattr +i, which root cannot write through either)."""
    args = _previous(tmp_path, "-o", "out/results.xlsx")
    before = _digest(tmp_path / "out")
    if subprocess.run(["chattr", "+i", str(tmp_path / "out")], capture_output=True, check=False).returncode:
        pytest.skip("chattr +i is not available on this disk")
    try:
        done = pari_child(args, tmp_path, timeout=120)
    finally:
        subprocess.run(["chattr", "-i", str(tmp_path / "out")], check=False)
    assert done.returncode == 4, done.stderr
    assert "thao tác không được phép (Operation not permitted) [output-unwritable]" in done.stderr
    assert _digest(tmp_path / "out") == before


def test_a_pipe_closed_by_head_is_no_error(tmp_path: Path) -> None:
    """``pari schema | head -1``: the reader goes after one line."""
    child = pari_started(["schema"], tmp_path)
    assert child.stdout is not None
    child.stdout.readline()
    child.stdout.close()
    stderr = child.stderr.read() if child.stderr is not None else ""
    child.wait(timeout=60)
    assert child.returncode in (0, 1, 141), (child.returncode, stderr)
    assert "Traceback" not in stderr
