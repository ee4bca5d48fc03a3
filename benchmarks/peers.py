"""pari against two peers doing the same scoring: a DuckDB SQL script and a pandas script.

    python benchmarks/peers.py [--communes 10600] [--repeat 3] [--input-format csv|parquet] [--keep DIR]

Needs the benchmark extra (``pip install -e '.[bench]'``: duckdb, pandas, pyarrow). Generates the
seeded synthetic national set with :mod:`pari_index.demo` (all data synthetic), then, ``--repeat``
times and in turn, runs each tool in a child process of its own on the same files:

- pari: ``run_score`` as ``pari score`` does it (read, score, verify, rank, write Parquet);
- the DuckDB peer (benchmarks/peers/duckdb_peer.py) and the pandas peer (pandas_peer.py): read,
  type, score, evidence policy, totals, index, classes, ranks, write Parquet;
- the floor (peers/floor_polars.py): plain polars reading the assessments, typing, reshaping and
  writing the per-item detail, with nothing checked or scored: the least a polars-based scorer
  does, so the time no run of pari can go below (it is not compared item by item).

pari and the two peers score the self-assessments and the survey; the appraisal file is left out (the peers do
not apply council corrections). After the first round each peer is compared with pari item by item
(points of every commune and item; totals, index, class and rank of every commune) and the number
of disagreements is printed. The table gives the medians of wall time (the whole child process,
start-up and imports included), time after imports and peak memory (the child's ``VmHWM``), and
each peer's ratio to pari. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

from peers.common import compare  # noqa: E402
from run import CHILD, PEAK, PYTHON, _mb, _s, child_env, pipeline_args  # noqa: E402

from pari_index.criteria.loading import DEFAULT_CRITERIA, bundled_criteria_dir  # noqa: E402
from pari_index.demo import generate  # noqa: E402

# A peer's child process: imports (timed apart), scoring and writing, peak memory.
PEER_CHILD = (
    PEAK
    + r"""
import importlib, json, resource, sys, time
args = json.loads(sys.argv[1])
sys.path.insert(0, args["benchmarks"])
t0 = time.perf_counter()
peer = importlib.import_module(args["module"])
t1 = time.perf_counter()
peer.run(args["criteria"], args["communes"], args["inputs"], args["output"])
elapsed = time.perf_counter() - t1
print(json.dumps({"elapsed": elapsed, "imports": t1 - t0, "peak": peak_bytes()}))
"""
)

TOOLS = ("pari", "duckdb", "pandas", "floor")
PEER_MODULES = {"duckdb": "peers.duckdb_peer", "pandas": "peers.pandas_peer", "floor": "peers.floor_polars"}


def run_child(code: str, args: dict[str, Any], src: str | None = None) -> tuple[dict[str, Any], float, float]:
    """Run a child (with ``src`` first on its path, when given); its JSON answer, its wall time and
    its CPU time (user + system of the child and all its threads). Children run one at a time, so
    the growth of this process's ``RUSAGE_CHILDREN`` is that child's. On a shared machine the CPU
    time is the steadier figure."""
    env = child_env()
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([src, *filter(None, [env.get("PYTHONPATH")])])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = subprocess.run([PYTHON, "-c", code, json.dumps(args)], capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        raise RuntimeError(f"child failed ({out.returncode}):\n{out.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(out.stdout.strip().splitlines()[-1]), wall, cpu


def run_tool(
    tool: str, files: dict[str, Path], criteria: Path, out: Path, baseline_src: str | None = None
) -> dict[str, Any]:
    """One run of one tool in a child process: wall, CPU, elapsed after imports, peak. The tool
    ``pari-base`` is pari imported from ``baseline_src`` (another checkout's src/)."""
    shutil.rmtree(out, ignore_errors=True)
    if tool in ("pari", "pari-base"):
        args = pipeline_args(files, criteria, out, "parquet")
        args["appraisal"] = None
        result, wall, cpu = run_child(CHILD, args, baseline_src if tool == "pari-base" else None)
    else:
        inputs = [str(files["assessments_long"]), *([str(files["survey"])] if "survey" in files else [])]
        args = {
            "benchmarks": str(BENCHMARKS),
            "module": PEER_MODULES[tool],
            "criteria": str(criteria),
            "communes": str(files["communes"]),
            "inputs": inputs,
            "output": str(out),
        }
        result, wall, cpu = run_child(PEER_CHILD, args)
    return {"wall": wall, "cpu": cpu, "elapsed": result["elapsed"], "peak": result["peak"]}


def print_table(runs: dict[str, list[dict[str, Any]]], agreement: dict[str, int], tools: Sequence[str]) -> None:
    keys = ("wall", "cpu", "elapsed", "peak")
    med = {tool: {k: statistics.median(r[k] for r in runs[tool]) for k in keys} for tool in runs}
    head = (
        f"  {'tool':<8}  {'wall':>8}  {'CPU':>8}  {'after imports':>13}  {'peak':>9}  "
        f"{'wall / pari':>11}  {'CPU / pari':>10}  {'peak / pari':>11}  agrees"
    )
    print("\n" + head)
    for tool in tools:
        m, p = med[tool], med["pari"]
        differ = agreement.get(tool, 0)
        agrees = (
            "-" if tool.startswith("pari") or tool == "floor" else ("yes" if differ == 0 else f"NO ({differ:,} differ)")
        )
        print(
            f"  {tool:<8}  {_s(m['wall']):>8}  {_s(m['cpu']):>8}  {_s(m['elapsed']):>13}  {_mb(m['peak']):>9}  "
            f"{m['wall'] / p['wall']:>10.2f}x  {m['cpu'] / p['cpu']:>9.2f}x  {m['peak'] / p['peak']:>10.2f}x  {agrees}"
        )
    print(f"  load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def generated_files(folder: Path, fmt: str) -> dict[str, Path]:
    """The files of an earlier ``demo.generate`` (``--keep``) by role."""
    names = ("communes", "assessments_long", "survey", "appraisal")
    files = {role: folder / f"{role}.{fmt}" for role in names if (folder / f"{role}.{fmt}").is_file()}
    if "communes" not in files or "assessments_long" not in files:
        raise SystemExit(f"{folder}: no communes.{fmt} and assessments_long.{fmt} written by demo.generate")
    return files


def same_bytes(one: Path, other: Path) -> bool:
    """Whether two results folders hold the same files with the same bytes."""

    def files(folder: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}

    return files(one) == files(other)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--communes", type=int, default=10_600, help="communes in the set (default 10,600)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool; medians are shown (default 3)")
    parser.add_argument("--input-format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--keep", type=Path, help="keep the generated data and results in this folder")
    parser.add_argument(
        "--data", type=Path, help="use the files demo.generate wrote into this folder before (not generated again)"
    )
    parser.add_argument(
        "--baseline-src",
        help="also run pari imported from this src/ folder (e.g. another checkout's) in the same rounds, as pari-base",
    )
    args = parser.parse_args(argv)
    tools = TOOLS + (("pari-base",) if args.baseline_src else ())

    criteria = bundled_criteria_dir() / DEFAULT_CRITERIA
    work = args.keep or Path(tempfile.mkdtemp(prefix="pari-peers-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(
            f"pari against its peers: {args.communes:,} synthetic communes, {criteria.name}, seed {args.seed}, "
            f"input {args.input_format}, {args.repeat} runs each, {os.cpu_count()} CPUs",
            flush=True,
        )
        t = time.perf_counter()
        if args.data is not None:
            files = generated_files(args.data, args.input_format)
        else:
            files = generate(
                criteria, work / "data", communes=args.communes, districts=max(1, args.communes // 15),
                seed=args.seed, fmt=args.input_format,
            )  # fmt: skip
            print(f"  generated in {_s(time.perf_counter() - t)}", flush=True)
        runs: dict[str, list[dict[str, Any]]] = {tool: [] for tool in tools}
        agreement: dict[str, int] = {}
        for i in range(args.repeat):
            # Each round starts with a different tool, so that no tool always runs on a warm cache.
            for tool in tools[i % len(tools) :] + tools[: i % len(tools)]:
                result = run_tool(tool, files, criteria, work / f"out-{tool}", args.baseline_src)
                runs[tool].append(result)
                print(
                    f"  run {i + 1} {tool}: wall {_s(result['wall'])}, CPU {_s(result['cpu'])}, "
                    f"peak {_mb(result['peak'])}, load {os.getloadavg()[0]:.2f}",
                    flush=True,
                )
            if i == 0:
                if args.baseline_src:
                    same = same_bytes(work / "out-pari", work / "out-pari-base")
                    print(f"  pari against pari-base: {'same bytes' if same else 'DIFFERENT BYTES'}", flush=True)
                for peer in ("duckdb", "pandas"):
                    found = compare(work / "out-pari", work / f"out-{peer}")
                    agreement[peer] = found["disagreements"]
                    print(
                        f"  {peer} against pari: {found['disagreements']:,} disagreements "
                        f"({found['items']:,} items, {found['communes']:,} communes; "
                        "points, totals, index, class, rank)",
                        flush=True,
                    )
                    if found["disagreements"]:
                        print(
                            "    " + json.dumps({k: v for k, v in found.items() if "examples" in k and v}, default=str)
                        )
        print_table(runs, agreement, tools)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
