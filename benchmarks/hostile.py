"""Hostile inputs against their target: each answered in <= 5 s and <= 500 MB, never exit 70.

    python benchmarks/hostile.py [--only SUBSTRING] [--keep DIR] [--cpu]

The cases are the generators in ``tests/hostile_*.py`` (each module has a ``CASES`` dict: a name and
a function that writes its files into an empty folder and returns the ``pari`` arguments). The tests
check what each case answers (codes, rows, exit status); this script measures what answering it
costs, since timings are never asserted in tests. Every file is generated here and deleted after
(unless ``--keep``); none is committed.

Each case runs as a child ``python -m pari_index.cli ...``. Its peak memory is the child's own
``VmHWM``, polled from ``/proc`` every 20 ms (``ru_maxrss`` of a child on Linux can carry its
parent's high-water mark across fork + exec). A child that passes 4 GB or 60 s is killed, so a
regression cannot take the machine down with it; it is reported as failing. A case named in its
module's ``INTERRUPT_AFTER_CPU`` is sent SIGINT (Ctrl-C) once the child has used that many CPU
seconds; it must then exit 130 (or 0, had it finished), never click's "Aborted!", and leave no
``pari-tmp`` temporary.

Each row gives the child's wall seconds and its CPU seconds (user + system, from ``wait4``), and
the load average is printed: on a shared machine read the CPU seconds, and ``--cpu`` judges the
time target on them.

Targets are reported, never asserted; the exit status is 1 when any case misses one, so the script
can gate a release.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 5.0
TARGET_MB = 500.0
KILL_SECONDS = 60.0
KILL_MB = 4096.0
#: Judge the time target on CPU seconds instead of wall seconds (``--cpu``: on a shared machine).
JUDGE_CPU = False

Case = Callable[[Path], list[str]]


@dataclass
class Outcome:
    area: str
    name: str
    input_mb: float
    exit_code: int
    seconds: float
    #: User + system CPU seconds of the child: the figure to read when the machine is shared.
    cpu_seconds: float
    peak_mb: float
    traceback: bool
    first_line: str
    #: Sent SIGINT (Ctrl-C) during the run.
    interrupted: bool = False
    #: Ctrl-C answered wrongly: click's "Aborted!", another status than 130 or 0, or a temporary left.
    bad_interrupt: bool = False

    @property
    def ok(self) -> bool:
        return (
            self.exit_code not in (70, -9, -6)
            and not self.traceback
            and not self.bad_interrupt
            and (self.cpu_seconds if JUDGE_CPU else self.seconds) <= TARGET_SECONDS
            and self.peak_mb <= TARGET_MB
        )


#: CPU seconds after which a case is sent SIGINT, by "area/name" (modules' INTERRUPT_AFTER_CPU).
INTERRUPTS: dict[str, float] = {}
#: Process limits (resource.setrlimit) set in a case's child, by "area/name" (modules' RESOURCE_LIMITS).
RLIMITS: dict[str, dict[int, int]] = {}


def discover() -> dict[str, dict[str, Case]]:
    """Every ``tests/hostile_*.py`` module's CASES, by area (the module name's suffix)."""
    sys.path.insert(0, str(ROOT / "tests"))
    areas: dict[str, dict[str, Case]] = {}
    for module_file in sorted((ROOT / "tests").glob("hostile_*.py")):
        module = importlib.import_module(module_file.stem)
        area = module_file.stem.removeprefix("hostile_")
        if not all(callable(case) for case in module.CASES.values()):
            # Faults of the machine (a disk mounted and filled, a console's encoding) are cases of
            # another shape, run by their own test (tests/test_hostile_faults12.py).
            print(f"{area}: not run here; see tests/test_{module_file.stem}.py", file=sys.stderr)
            continue
        areas[area] = dict(module.CASES)
        for name, seconds in getattr(module, "INTERRUPT_AFTER_CPU", {}).items():
            INTERRUPTS[f"{area}/{name}"] = seconds
        for name, limits in getattr(module, "RESOURCE_LIMITS", {}).items():
            RLIMITS[f"{area}/{name}"] = limits
    return areas


def _set_limits(limits: dict[int, int]) -> None:
    """In the child, before exec: the case's process limits (soft and hard)."""
    import resource

    for kind, value in limits.items():
        resource.setrlimit(kind, (value, value))


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a running process, from /proc (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def _folder_mb(folder: Path) -> float:
    total = 0
    for path in folder.rglob("*"):
        try:
            if path.is_file() and not path.is_symlink():
                total += path.stat().st_size
        except OSError:
            continue
    return total / 1024**2


def child_env() -> dict[str, str]:
    """The environment for a case's child, with the allocator setting as the user had it: importing
    polars (the cases' modules do) writes its own default into os.environ, which the child would
    otherwise inherit as if the user had chosen it, and `pari` would then not apply its own
    (benchmarks/run.py uses this one). Measured so, the wide form of bad cells peaked at 900 MB
    against 655 MB for `pari` itself (limits24, session 24)."""
    env = os.environ.copy()
    env.pop("_RJEM_MALLOC_CONF", None)
    try:
        with open("/proc/self/environ", "rb") as f:  # the environment this process started with
            for entry in f.read().split(b"\0"):
                if entry.startswith(b"_RJEM_MALLOC_CONF="):
                    env["_RJEM_MALLOC_CONF"] = entry.split(b"=", 1)[1].decode()
    except OSError:
        pass
    return env


def run_case(area: str, name: str, case: Case, folder: Path) -> Outcome:
    args = case(folder)
    input_mb = _folder_mb(folder)
    command = [sys.executable, "-m", "pari_index.cli", *args]
    out_path, err_path = folder.parent / f"{folder.name}.out", folder.parent / f"{folder.name}.err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        limits = RLIMITS.get(f"{area}/{name}", {})
        child = subprocess.Popen(
            command,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            cwd=folder,
            env=child_env(),
            preexec_fn=(lambda: _set_limits(limits)) if limits else None,
        )
        peak = 0.0
        interrupt_at = INTERRUPTS.get(f"{area}/{name}")
        interrupted = False
        while True:
            # wait4 reaps the child with its own resource usage (CPU seconds), unlike poll().
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                child.returncode = os.waitstatus_to_exitcode(status)
                break
            peak = max(peak, _vm_hwm_mb(child.pid) or 0.0)
            if interrupt_at is not None and not interrupted and _cpu_seconds(child.pid) >= interrupt_at:
                child.send_signal(signal.SIGINT)
                interrupted = True
            if time.perf_counter() - start > KILL_SECONDS or peak > KILL_MB:
                child.send_signal(signal.SIGKILL)
            time.sleep(0.02)
        seconds = time.perf_counter() - start
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    lines = [line for line in stderr.splitlines() if line.strip() and not line.startswith("·")]
    left = any("pari-tmp" in p.name for p in folder.rglob("*"))
    bad_interrupt = interrupted and ("Aborted!" in stderr or child.returncode not in (0, 130, -signal.SIGINT) or left)
    return Outcome(
        area=area,
        name=name,
        input_mb=input_mb,
        exit_code=child.returncode,
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_mb=peak,
        traceback="Traceback (most recent call last)" in stderr,
        first_line=(lines[0] if lines else "")[:110],
        interrupted=interrupted,
        bad_interrupt=bad_interrupt,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run the cases whose area/name contains this text")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--cpu", action="store_true", help="judge the time target on CPU seconds (shared machine)")
    options = parser.parse_args()
    global JUDGE_CPU
    JUDGE_CPU = options.cpu
    print(f"load average {os.getloadavg()[0]:.1f}; time target on {'CPU' if JUDGE_CPU else 'wall'} seconds")
    base = options.keep or Path(tempfile.mkdtemp(prefix="pari-hostile-"))
    base.mkdir(parents=True, exist_ok=True)
    outcomes: list[Outcome] = []
    try:
        for area, cases in discover().items():
            for name, case in cases.items():
                if options.only and options.only not in f"{area}/{name}":
                    continue
                folder = base / f"{area}-{name}"
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
                outcome = run_case(area, name, case, folder)
                outcomes.append(outcome)
                print(_row(outcome), flush=True)
    finally:
        if options.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    failed = [o for o in outcomes if not o.ok]
    print(
        f"\nload average {os.getloadavg()[0]:.1f}. "
        f"{len(outcomes) - len(failed)} of {len(outcomes)} cases within {TARGET_SECONDS:.0f} s and "
        f"{TARGET_MB:.0f} MB with no exit 70 and no traceback."
    )
    for outcome in failed:
        print(f"MISSED: {outcome.area}/{outcome.name}")
    return 1 if failed else 0


def _row(o: Outcome) -> str:
    mark = "ok  " if o.ok else "MISS"
    return (
        f"{mark} {o.area + '/' + o.name:<42} in {o.input_mb:7.2f} MB  exit {o.exit_code:>3}  "
        f"{o.seconds:6.2f} s  {o.cpu_seconds:6.2f} s CPU  {o.peak_mb:7.1f} MB  {o.first_line}"
    )


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.exit(main())
