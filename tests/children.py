"""``pari`` run as a real child process by the hostile sweeps' tests: in a folder, with the
package from this checkout, under optional resource limits, and never left running."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pari_child(
    args: list[str], folder: Path, limits: dict[int, int] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """``python -m pari_index.cli ARGS`` in ``folder``; ``limits``: setrlimit kinds and values for
    the child alone. A child still running after ``timeout`` seconds fails the test (a hang is
    what several hostile cases would show), and is killed."""

    def set_limits() -> None:
        for kind, value in (limits or {}).items():
            resource.setrlimit(kind, (value, value))

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    try:
        return subprocess.run(
            [sys.executable, "-m", "pari_index.cli", *args],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=set_limits if limits else None,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"pari {' '.join(args)} was still running after {timeout:g} s")
