"""XLSX results against Parquet results: the whole ``pari score`` process, at province and national size.

    python benchmarks/xlsx_output.py [--sizes 600,10600] [--repeat 1] [--src PATH] [--keep DIR]

Generates seeded synthetic sets with :mod:`pari_index.demo` (all data synthetic; the largest
bundled criteria set, CSV inputs, as ``benchmarks/run.py``), then runs ``pari score`` on each as a
fresh child process, once with ``--format xlsx`` and once with ``--format parquet``, and prints the
wall time of the whole process (start-up, read, score, verify, rank, write) and its peak memory.

Peak memory is the child's own ``VmHWM`` read from ``/proc/self/status`` as it exits (``ru_maxrss``
of a child on Linux can carry its parent's high-water mark across fork + exec; see run.py).

``--src PATH`` runs the ``pari`` of another checkout's ``src`` folder (for example ``/work/main/src``
or an old commit's worktree) on the same data, to measure a writer before and after a change.

Target (issue 13): the XLSX run takes at most 3x the Parquet run at every size, and at most 1.5 GB
at national size. Targets are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 3.0
TARGET_PEAK_MB = 1536.0

# The child: `pari` itself (its console entry point), with its peak memory written at exit.
CHILD = r"""
import atexit, os, sys
def _peak():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                with open(os.environ["PARI_BENCH_PEAK"], "w") as out:
                    out.write(str(int(line.split()[1]) * 1024))
atexit.register(_peak)
from pari_index.cli import main
sys.argv[0] = "pari"
main()
"""


@dataclass
class Run:
    size: int
    fmt: str
    seconds: float
    cpu: float
    peak_mb: float
    output_mb: float


def _child_env(src: Path, peak_file: Path) -> dict[str, str]:
    env = os.environ.copy()
    # As in run.py: importing polars sets its allocator default in os.environ; the child must
    # start as a user's `pari` does, choosing its own.
    env.pop("_RJEM_MALLOC_CONF", None)
    env["PYTHONPATH"] = str(src)
    env["PARI_BENCH_PEAK"] = str(peak_file)
    return env


def _size_of(path: Path) -> float:
    """MB written: the results folder, or the workbook and any CSV file it overflowed to."""
    files = list(path.rglob("*")) if path.is_dir() else [path, *path.parent.glob(f"{path.stem}.*.csv")]
    return sum(p.stat().st_size for p in files if p.is_file()) / 1024**2


def score_once(files: dict[str, Path], criteria: Path, out: Path, fmt: str, src: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, all threads) and peak MB of one ``pari score``
    process. On a busy machine the CPU time moves much less than the wall time."""
    peak_file = out.parent / f"peak-{fmt}.txt"
    args = [str(files["assessments_long"]), "--criteria", str(criteria), "--communes", str(files["communes"])]
    args += ["--appraisal", str(files["appraisal"])]
    if "survey" in files:
        args += ["--survey", str(files["survey"])]
    args += ["-o", str(out), "--format", fmt, "-q"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "score", *args],
        capture_output=True,
        text=True,
        check=False,
        env=_child_env(src, peak_file),
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if done.returncode not in (0, 3):
        raise RuntimeError(f"pari score --format {fmt} exited {done.returncode}:\n{done.stderr[-3000:]}")
    return seconds, cpu, int(peak_file.read_text()) / 1024**2


def measure(size: int, work: Path, criteria: Path, src: Path, repeat: int) -> list[Run]:
    from pari_index.demo import generate

    data = work / f"set-{size}"
    files = generate(criteria, data, communes=size, districts=max(1, size // 15), seed=2025, fmt="csv")
    runs = []
    for fmt, name in (("parquet", "results"), ("xlsx", "results.xlsx")):
        out = data / name
        best = min(score_once(files, criteria, out, fmt, src) for _ in range(repeat))
        runs.append(Run(size, fmt, best[0], best[1], best[2], _size_of(out)))
        print(f"  … {size:,} communes, {fmt}: {best[0]:.1f} s, CPU {best[1]:.1f} s, peak {best[2]:,.0f} MB", flush=True)
    shutil.rmtree(data, ignore_errors=True)
    return runs


def print_table(runs: list[Run]) -> None:
    print(f"\n{'communes':>9}  {'output':<8} {'wall':>8} {'CPU':>8} {'peak':>9} {'file(s)':>9}  xlsx/parquet")
    for run in runs:
        ratio = ""
        if run.fmt == "xlsx":
            parquet = next(r for r in runs if r.size == run.size and r.fmt == "parquet")
            factor = run.seconds / parquet.seconds
            met = factor <= TARGET_RATIO and (run.size < 10_000 or run.peak_mb <= TARGET_PEAK_MB)
            ratio = (
                f"wall {factor:.1f}x, CPU {run.cpu / parquet.cpu:.1f}x  "
                f"(target: wall <= {TARGET_RATIO:g}x, <= 1.5 GB nationally: {'met' if met else 'MISSED'})"
            )
        print(
            f"{run.size:>9,}  {run.fmt:<8} {run.seconds:>6.1f} s {run.cpu:>6.1f} s {run.peak_mb:>6,.0f} MB "
            f"{run.output_mb:>6.1f} MB  {ratio}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="600,10600", help="communes per set, comma-separated")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the fastest is shown")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src folder whose `pari` is run")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import largest_bundled

    criteria = largest_bundled()
    work = args.keep or Path(tempfile.mkdtemp(prefix="pari-xlsx-"))
    work.mkdir(parents=True, exist_ok=True)
    print(
        f"pari score, XLSX against Parquet output: {criteria.name}, src {args.src}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start",
        flush=True,
    )
    try:
        sizes = [int(size) for size in args.sizes.split(",")]
        runs = [run for size in sizes for run in measure(size, work, criteria, args.src.resolve(), args.repeat)]
        print_table(runs)
        print(json.dumps([run.__dict__ for run in runs]))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end (a shared machine slows every figure)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
