"""Ctrl-C during a run: the message in the command's language, exit 130, and the previous results
whole (tests/hostile_interrupt.py has the cases benchmarks/hostile.py interrupts).

One Ctrl-C can arrive twice. polars raises KeyboardInterrupt from inside a query while Python's
own handler still holds the signal, so Python raises it again at its next check: in the handler
that reports the first. That second one used to escape to click, which printed its English
"Aborted!" and exited 1 (the status of invalid input).
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_options import _score as example_score

from pari_index import console, pipeline
from pari_index.cli import main
from pari_index.messages import STOPPED

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("deliveries", [1, 2])
def test_ctrl_c_says_so_in_the_language_and_exits_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, deliveries: int
) -> None:
    """``deliveries`` = 2: the second KeyboardInterrupt is raised while the first is reported, as
    Python raises the signal polars has already turned into one."""
    pending = [deliveries - 1]

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    real_stopped = console.stopped

    def stopped(key: str, lang: str, **params: str) -> str:
        if pending[0]:
            pending[0] -= 1
            raise KeyboardInterrupt
        return real_stopped(key, lang, **params)

    monkeypatch.setattr(pipeline, "run_score", interrupted)
    monkeypatch.setattr(console, "stopped", stopped)
    args = [*example_score(tmp_path), "--lang", lang]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 130, result.output
    assert STOPPED["interrupted"].get(lang) in result.output
    assert "Aborted" not in result.output
    assert pending == [0]


def _contents(folder: Path) -> dict[str, str]:
    """Each file's digest; a workbook's by its parts (their zip dates change with every write)."""

    def digest(path: Path) -> str:
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                data = b"".join(book.read(name) for name in sorted(book.namelist()))
        else:
            data = path.read_bytes()
        return hashlib.sha256(data).hexdigest()

    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_ctrl_c_at_any_moment_keeps_the_old_results_or_writes_the_new(tmp_path: Path) -> None:
    """A real process, interrupted once it has used some CPU: whenever the signal lands (reading,
    scoring, writing, after), the results folder holds the old set or the new one, never a mix
    nor a temporary, and the exit status is 130 (or 0 when the run had finished)."""
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pari_index.cli", *example_score(tmp_path, output="out/results.xlsx")]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run(command, check=True, capture_output=True, env=env)
    new = _contents(out)
    old_args = [a for a in command if a not in ("--survey", str(tmp_path / "survey.csv"))] + ["--no-survey"]
    subprocess.run(old_args, check=True, capture_output=True, env=env)
    old = _contents(out)
    assert old != new
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    _wait_for_cpu(child.pid, seconds=1.5)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=300)
    assert "Traceback" not in stderr and "Aborted" not in stderr, stderr
    assert child.returncode in (0, 130, -signal.SIGINT), (child.returncode, stderr)
    assert _contents(out) in (old, new)
    assert [p.name for p in tmp_path.rglob("*") if "pari-tmp" in p.name] == []


def _wait_for_cpu(pid: int, seconds: float) -> None:
    """Until the process has used ``seconds`` of CPU (past start-up, into the run) or has ended."""
    ticks = os.sysconf("SC_CLK_TCK")
    while True:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return
        if fields[0] == "Z" or (int(fields[11]) + int(fields[12])) / ticks >= seconds:
            return
        time.sleep(0.01)
