"""``pari`` run as a real child process by the hostile sweeps' tests: in a folder, with the
package from this checkout, under optional resource limits, without root's power over file
permissions if asked, and never left running."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Root reads and writes files whatever their permissions (the capabilities CAP_DAC_OVERRIDE and
#: CAP_DAC_READ_SEARCH), and CI runs the tests as root. A child started through setpriv without
#: them meets a file's permissions as its owner would: a file of mode 0 cannot be read, a folder of
#: mode 0o500 cannot be written. (util-linux's setpriv is in every Debian system.)
WITHOUT_ROOT_POWERS = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def as_ordinary_user(argv: list[str]) -> list[str]:
    """``argv`` run so that file permissions hold for it, as for a user who is not root."""
    if os.name != "posix" or os.geteuid() != 0:
        return argv
    if shutil.which("setpriv") is None:  # not a silent skip: CI must install util-linux
        pytest.fail("the tests run as root and need setpriv (util-linux) to meet file permissions")
    return [*WITHOUT_ROOT_POWERS, *argv]


def refused_by(module: str, function: str, path: str, folder: Path) -> tuple[int, list[str]]:
    """``module.function(path)`` called in a child in ``folder`` for which file permissions hold
    (:func:`as_ordinary_user`): the exit code and problem codes of the PariError it raises
    ((0, []) when it raises none)."""
    code = (
        "import json\n"
        "from pari_index.errors import PariError\n"
        f"from {module} import {function}\n"
        f"try:\n    {function}({path!r})\n    print(json.dumps([0, []]))\n"
        "except PariError as error:\n"
        "    print(json.dumps([error.exit_code, [p.code for p in error.problems]]))\n"
    )
    done = _python(["-c", code], folder, timeout=120, ordinary_user=True)
    assert done.returncode == 0, done.stderr
    exit_code, codes = json.loads(done.stdout)
    return exit_code, codes


def pari_child(
    args: list[str],
    folder: Path,
    limits: dict[int, int] | None = None,
    timeout: float = 300,
    ordinary_user: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``python -m pari_index.cli ARGS`` in ``folder``; ``limits``: setrlimit kinds and values for
    the child alone; ``ordinary_user``: file permissions hold for it (:func:`as_ordinary_user`).
    A child still running after ``timeout`` seconds fails the test (a hang is what several hostile
    cases would show), and is killed."""
    return _python(["-m", "pari_index.cli", *args], folder, limits, timeout, ordinary_user)


def pari_started(args: list[str], folder: Path, **env: str) -> subprocess.Popen[str]:
    """``python -m pari_index.cli ARGS`` started in ``folder`` and left running (its output and
    errors piped, ``env`` added to the environment), for a test that stops it, waits for it or
    runs two at once; the test must end it (``communicate``)."""
    return subprocess.Popen(
        [sys.executable, "-m", "pari_index.cli", *args],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def python_child(args: list[str], folder: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` with this checkout's package, in ``folder`` (a script of a test's own that
    runs the command its way: tests/hostile_faults26.py's Ctrl-C at an import)."""
    return _python(args, folder, timeout=timeout)


def _python(
    args: list[str],
    folder: Path,
    limits: dict[int, int] | None = None,
    timeout: float = 300,
    ordinary_user: bool = False,
) -> subprocess.CompletedProcess[str]:
    """This Python with this checkout's package, in ``folder``, as :func:`pari_child` says."""

    def set_limits() -> None:
        for kind, value in (limits or {}).items():
            resource.setrlimit(kind, (value, value))

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    argv = [sys.executable, *args]
    try:
        return subprocess.run(
            as_ordinary_user(argv) if ordinary_user else argv,
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=set_limits if limits else None,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"python {' '.join(args)} was still running after {timeout:g} s")


def answers_its_case(
    args: list[str], folder: Path, expected: tuple[int, str | None, Sequence[str]], not_written: Sequence[str] = ()
) -> str:
    """Run a hostile case (``pari ARGS`` in ``folder``) and check what every sweep checks: the exit
    status and the finding's code (``expected``: status, code or None, the user's files that must
    keep their bytes), no traceback nor internal error, a bounded output, the files kept, and
    nothing written under the names ``not_written``. Returns what the run said."""
    status, code, kept = expected
    before = {name: (folder / name).read_bytes() for name in kept}
    done = pari_child(args, folder, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == status, said
    assert "Traceback" not in said and "lỗi nội bộ" not in said and len(said) < 20_000, said
    assert code is None or (f"[{code}]" in said and "lỗi: " in said), said
    assert all((folder / name).read_bytes() == data for name, data in before.items())
    assert not any(os.path.lexists(folder / name) for name in not_written), os.listdir(folder)
    return said


def in_mount_namespace(
    script: str, script_args: Sequence[str], args: list[str], folder: Path
) -> subprocess.CompletedProcess[str]:
    """``python -m pari_index.cli ARGS`` in ``folder`` after the shell ``script`` (given
    ``script_args``, then the command as ``$@``) made its mounts, in a mount namespace of its own
    (unprivileged where user namespaces are allowed: ``--map-root-user``); the mounts go with the
    namespace. A child still running after 120 s fails the test."""
    if shutil.which("unshare") is None:  # not a silent skip: CI must install util-linux
        pytest.fail("the mount cases need unshare (util-linux)")
    argv = ["unshare", "--mount", "--map-root-user", "sh", "-c", script, "sh", *script_args, sys.executable, "-m"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    try:
        return subprocess.run(
            [*argv, "pari_index.cli", *args],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"pari {' '.join(args)} was still running after 120 s")
