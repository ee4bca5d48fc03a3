"""Where a run's time goes: its stages in time order, with the thread each ran in.

    python benchmarks/stages.py --data DIR [--criteria FILE] [--src PATH] [--no-background]

Runs ``run_score`` once on the files of an earlier ``demo.generate`` (``peers.py --keep`` or
``run.py --keep``: ``DIR`` holds communes.csv, assessments_long.csv and survey.csv; the appraisal
is left out, as the peers leave it out) in a child process, CSV in and Parquet out, and prints one
line per stage: when it began (seconds after the imports), its wall time, the process's CPU time
over it (every thread's: the stages that run beside one another share it) and the thread it ran
in. Read it for the critical path: the run's own thread (``MainThread``) from the first stage to
the last; what runs in another thread overlaps it (docs/scaling.md, "Steps that run beside one
another"). ``--no-background`` checks the next batch in the run's own thread instead, so that
each stage's CPU is its own. Nothing is asserted; the figures are for reading beside the profile
in benchmarks/README.md. ``--src`` runs another checkout's ``src`` (the code before a change).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The stages timed: (module, attribute path), each wrapped where the run looks it up.
STAGES = (
    ("pari_index.scoring.run", "_read_intake"),
    ("pari_index.intake.by_batch", "_spill_groups"),
    ("pari_index.intake.by_batch", "_check_batch"),
    ("pari_index.scoring.run", "_score_frames"),
    ("pari_index.scoring.run", "score_communes"),
    ("pari_index.scoring.batches", "_write_detail"),
    ("pari_index.scoring.run", "_run_result"),
    ("pari_index.pipeline", "_ranked"),
    ("pari_index.outputs.results", "result_tables"),
    ("pari_index.pipeline", "_write_outputs"),
)

CHILD = r"""
import functools, importlib, json, sys, threading, time
args = json.loads(sys.argv[1])
import pari_index.cli  # noqa: F401  (the allocator's settings, as `pari score`)
from pari_index.pipeline import run_score
log = []
start = time.perf_counter()

def wrap(module_name, path):
    owner = importlib.import_module(module_name)
    *parents, name = path.split(".")
    for parent in [*parents, name][:-1]:
        owner = getattr(owner, parent, None)
    if owner is None or not hasattr(owner, name):
        return  # another checkout (--src) without this stage
    inner = getattr(owner, name)

    @functools.wraps(inner)
    def timed(*a, **k):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return inner(*a, **k)
        finally:
            log.append([wall - start, time.perf_counter() - wall, time.process_time() - cpu,
                        threading.current_thread().name, path])
    setattr(owner, name, timed)

for module_name, path in args["stages"]:
    wrap(module_name, path)
if args["no_background"]:
    from pari_index.intake import by_batch
    by_batch.BatchedIntake._check_next = lambda self, number: None
data = args["data"]
start, cpu0 = time.perf_counter(), time.process_time()
run_score(assessments=[data + "/assessments_long.csv"], survey=[data + "/survey.csv"],
          communes=data + "/communes.csv", criteria=args["criteria"], output=args["output"], fmt="parquet")
total = [time.perf_counter() - start, time.process_time() - cpu0]
print(json.dumps({"log": sorted(log), "total": total}))
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, required=True, help="a folder written by demo.generate")
    parser.add_argument("--criteria", type=Path, default=ROOT / "criteria" / "ha-noi-2025-commune.yaml")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src folder whose pari is run")
    parser.add_argument("--output", type=Path, default=Path("/tmp/pari-stages-results"))
    parser.add_argument("--no-background", action="store_true", help="check every batch in the run's thread")
    args = parser.parse_args(argv)
    child = {
        "stages": STAGES,
        "data": str(args.data),
        "criteria": str(args.criteria),
        "output": str(args.output),
        "no_background": args.no_background,
    }
    env = {**os.environ, "PYTHONPATH": str(args.src)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(child)], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        return 1
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{'began':>7}  {'wall':>6}  {'CPU':>6}  {'thread':<22}  stage")
    for began, wall, cpu, thread, stage in answer["log"]:
        print(f"{began:7.2f}  {wall:6.2f}  {cpu:6.2f}  {thread[:22]:<22}  {stage}")
    wall, cpu = answer["total"]
    print(f"run_score: {wall:.2f} s wall, {cpu:.2f} s CPU (after the imports); load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
