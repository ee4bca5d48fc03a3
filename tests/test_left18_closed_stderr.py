"""``pari`` started with its standard error closed (``2>&-``): the exit status says failure, the
errors go to the standard output when that is a terminal and nowhere when it holds data (a file,
a pipe), and no file pari opens takes descriptor 2. Before, the errors were dropped in both."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from children import ROOT

PYTHON = [sys.executable, "-c", "import sys; from pari_index.cli import main; sys.argv[0] = 'pari'; main()"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PARI_LANG": "en"}


def _closed_stderr(args: list[str], folder: Path, stdout: int) -> int:
    """Run pari with descriptor 2 closed (as a shell's ``2>&-``), its output on ``stdout``."""
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" 2>&-', "sh", *PYTHON, *args],
        cwd=folder,
        env=_env(),
        stdout=stdout,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    return done.returncode


def test_errors_go_to_a_terminal_on_the_standard_output(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    try:
        code = _closed_stderr(["score", "missing.csv", "-o", "out.xlsx", "--lang", "en"], tmp_path, follower)
        os.close(follower)
        said = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            said += chunk
    finally:
        os.close(leader)
    assert code == 1
    text = said.decode("utf-8", errors="replace")
    assert "missing.csv" in text and "not found" in text, text


def test_errors_stay_out_of_a_standard_output_that_holds_data(tmp_path: Path) -> None:
    out = tmp_path / "stdout.txt"
    with out.open("wb") as handle:
        code = _closed_stderr(["score", "missing.csv", "-o", "out.xlsx", "--lang", "en"], tmp_path, handle.fileno())
    assert code == 1
    assert out.read_bytes() == b""


def test_a_run_with_the_standard_error_closed_writes_its_results_whole(tmp_path: Path) -> None:
    examples = ROOT / "examples"
    args = ["score", str(examples / "assessments_long.csv"), "--communes", str(examples / "communes.csv")]
    args += ["--survey", str(examples / "survey.csv"), "-o", "out.xlsx", "-q"]
    with (tmp_path / "stdout.txt").open("wb") as handle:
        code = _closed_stderr(args, tmp_path, handle.fileno())
    assert code == 0
    check = subprocess.run(
        [sys.executable, "-c", "import zipfile, sys; sys.exit(zipfile.ZipFile('out.xlsx').testzip() is not None)"],
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert check.returncode == 0
