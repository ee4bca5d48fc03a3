"""pari against two peers doing the same scoring: a DuckDB SQL script and a pandas script.

    python benchmarks/peers.py [--communes 10600] [--repeat 3] [--input-format csv|parquet] [--keep DIR]

Needs the benchmark extra (``pip install -e '.[bench]'``: duckdb, pandas, pyarrow). Generates the
seeded synthetic national set with :mod:`pari_index.demo` (all data synthetic), then, ``--repeat``
times and in turn, runs each tool in a child process of its own on the same files:

- pari: ``run_score`` as ``pari score`` does it (read, score, verify, rank, write Parquet);
- the DuckDB peer (benchmarks/peers/duckdb_peer.py) and the pandas peer (pandas_peer.py): read,
  type, score, evidence policy, totals, index, classes, ranks, write Parquet.

All three score the self-assessments and the survey; the appraisal file is left out (the peers do
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
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

from peers.common import compare  # noqa: E402
from run import CHILD, PEAK, _mb, _s, pipeline_args, run_child  # noqa: E402

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

TOOLS = ("pari", "duckdb", "pandas")
PEER_MODULES = {"duckdb": "peers.duckdb_peer", "pandas": "peers.pandas_peer"}


def run_tool(tool: str, files: dict[str, Path], criteria: Path, out: Path) -> dict[str, Any]:
    """One run of one tool in a child process: wall, elapsed after imports, peak."""
    shutil.rmtree(out, ignore_errors=True)
    if tool == "pari":
        args = pipeline_args(files, criteria, out, "parquet")
        args["appraisal"] = None
        result, wall = run_child(CHILD, args)
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
        result, wall = run_child(PEER_CHILD, args)
    return {"wall": wall, "elapsed": result["elapsed"], "peak": result["peak"]}


def print_table(runs: dict[str, list[dict[str, Any]]], agreement: dict[str, int]) -> None:
    med = {tool: {k: statistics.median(r[k] for r in runs[tool]) for k in ("wall", "elapsed", "peak")} for tool in runs}
    head = f"  {'tool':<8}  {'wall':>8}  {'after imports':>13}  {'peak':>9}  {'wall / pari':>11}  {'peak / pari':>11}"
    head += "  agrees"
    print("\n" + head)
    for tool in TOOLS:
        m = med[tool]
        ratio = m["wall"] / med["pari"]["wall"]
        peak_ratio = m["peak"] / med["pari"]["peak"]
        agrees = "-" if tool == "pari" else ("yes" if agreement[tool] == 0 else f"NO ({agreement[tool]:,} differ)")
        print(
            f"  {tool:<8}  {_s(m['wall']):>8}  {_s(m['elapsed']):>13}  {_mb(m['peak']):>9}  "
            f"{ratio:>10.2f}x  {peak_ratio:>10.2f}x  {agrees}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--communes", type=int, default=10_600, help="communes in the set (default 10,600)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool; medians are shown (default 3)")
    parser.add_argument("--input-format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--keep", type=Path, help="keep the generated data and results in this folder")
    args = parser.parse_args(argv)

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
        files = generate(
            criteria, work / "data", communes=args.communes, districts=max(1, args.communes // 15),
            seed=args.seed, fmt=args.input_format,
        )  # fmt: skip
        print(f"  generated in {_s(time.perf_counter() - t)}", flush=True)
        runs: dict[str, list[dict[str, Any]]] = {tool: [] for tool in TOOLS}
        agreement: dict[str, int] = {}
        for i in range(args.repeat):
            # Each round starts with a different tool, so that no tool always runs on a warm cache.
            for tool in TOOLS[i % 3 :] + TOOLS[: i % 3]:
                result = run_tool(tool, files, criteria, work / f"out-{tool}")
                runs[tool].append(result)
                print(f"  run {i + 1} {tool}: wall {_s(result['wall'])}, peak {_mb(result['peak'])}", flush=True)
            if i == 0:
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
        print_table(runs, agreement)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
