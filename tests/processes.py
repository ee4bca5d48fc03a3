"""`pari ...` run as a separate process, as a user runs it (tests of the real command)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_process(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`pari ...` in the repository's folder: the installed entry point when there is one, with
    this checkout's sources first on the path."""
    script = Path(sys.executable).with_name("pari")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pari_index.cli"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=timeout
    )
