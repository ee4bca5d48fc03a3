"""Re-scoring with ``pari score --cache`` and many small files, as ratios from one run.

    python benchmarks/rescore.py [--communes 10600] [--changed 50] [--keep DIR] [--skip-files | --skip-cache]
                                 [--src PATH]

On a seeded synthetic national set (:mod:`pari_index.demo`, all data synthetic), each case is one
``pari score`` process (wall time including start-up, and CPU time user + system, which a machine
shared with other work inflates less), measured in the same run:

1. cold: no cache (the reference);
2. cold, filling the cache (what the first run with ``--cache`` costs);
3. warm: the same inputs again with the cache;
4. re-score after the appraisal council corrects ``--changed`` communes (their rows of the
   appraisal file rewritten), with the cache; then again after ``--changed`` other communes (the
   cache then holds changes over changes);
5. those communes alone, without cache (a register and assessments of only them): the least a
   re-score could cost;
6. the assessments as one file per commune (10,600 files) against the one file, no cache.

Each is printed with its ratio to the cold run (6: to the one file). The outputs of 3 and 4 are
checked to be byte-identical to a run without cache on the same inputs. Targets are printed,
never asserted: re-score <= 1.5 s nationally; many files <= 2x one file.

``--src PATH`` runs the ``pari`` of another checkout's ``src`` folder (``/work/main/src``: the
code before a change), on the same data when ``--keep`` names the same folder. The package's
bytecode is compiled before the first case, as an installed package has it: the machines of this
project set PYTHONDONTWRITEBYTECODE, which would otherwise make every process compile the
package again (about 0.5 s of CPU). The load average is printed before and after.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pari_index.demo import generate

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
#: The src folder whose ``pari`` the cases run (``--src``).
SOURCE = {"src": ROOT / "src"}


@dataclass(frozen=True)
class Timing:
    """One process: wall time, and CPU time (user + system), which a busy machine inflates less."""

    wall: float
    cpu: float


def pari(args: Sequence[str]) -> Timing:
    """One ``pari score`` process (exit 0 or 1: rejected rows still write results)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(SOURCE["src"])
    command = [sys.executable, "-m", "pari_index.cli", "score", *args, "-q"]
    proc = subprocess.run(command, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"pari score failed ({proc.returncode}):\n{proc.stderr.decode()[-2000:]}")
    return Timing(wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def inputs(files: dict[str, Path], assessments: Sequence[str] | None = None) -> list[str]:
    return [
        *(assessments or [str(files["assessments_long"])]),
        "--survey",
        str(files["survey"]),
        "--communes",
        str(files["communes"]),
        "--appraisal",
        str(files["appraisal"]),
        "--criteria",
        str(CRITERIA),
        "--format",
        "parquet",
    ]


def correct_communes(appraisal: Path, count: int, skip: int = 0) -> list[str]:
    """The council's decisions about ``count`` communes (after the first ``skip``) rewritten (a
    new reason); their codes."""
    frame = pl.read_csv(appraisal, infer_schema=False)
    codes = frame["commune_code"].unique(maintain_order=True).slice(skip, count).to_list()
    frame = frame.with_columns(
        pl.when(pl.col("commune_code").is_in(codes))
        .then(pl.lit(f"Hội đồng thẩm định lại sau giải trình ({skip})"))
        .otherwise(pl.col("reason"))
        .alias("reason")
    )
    frame.write_csv(appraisal, include_bom=True)
    return codes


def only_communes(files: dict[str, Path], codes: list[str], folder: Path) -> dict[str, Path]:
    """The register, assessments, survey and appraisal of ``codes`` only."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for role in ("communes", "assessments_long", "survey", "appraisal"):
        frame = pl.read_csv(files[role], infer_schema=False)
        column = "code" if role == "communes" else "commune_code"
        out[role] = folder / files[role].name
        frame.filter(pl.col(column).is_in(codes)).write_csv(out[role], include_bom=True)
    return out


def split_per_commune(path: Path, folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    frame = pl.read_csv(path, infer_schema=False)
    names = []
    for (code,), part in frame.partition_by("commune_code", as_dict=True, maintain_order=True).items():
        target = folder / f"{code}.csv"
        part.write_csv(target, include_bom=True)
        names.append(str(target))
    return names


def same_files(a: Path, b: Path) -> bool:
    return all((a / n.name).read_bytes() == n.read_bytes() for n in b.iterdir()) and len(list(a.iterdir())) == len(
        list(b.iterdir())
    )


def row(name: str, timing: Timing, base: Timing, note: str = "") -> None:
    print(
        f"| {name} | {timing.wall:.2f} s | {timing.wall / base.wall:.2f}x | {timing.cpu:.2f} s | "
        f"{timing.cpu / base.cpu:.2f}x | {note} |",
        flush=True,
    )


def cache_cases(files: dict[str, Path], work: Path, changed: int) -> None:
    """The cached runs all write to one results folder, as a user re-scoring into the results of
    the first run does (tables whose bytes would not change are then kept, not written again)."""
    cache, results = work / "cache", work / "results"
    cold = pari([*inputs(files), "-o", str(work / "cold")])
    row("cold, no cache (reference)", cold, cold)
    row("cold, filling the cache", pari([*inputs(files), "-o", str(results), "--cache", str(cache)]), cold)
    warm = pari([*inputs(files), "-o", str(results), "--cache", str(cache)])
    row(
        "warm, nothing changed",
        warm,
        cold,
        "same bytes as cold" if same_files(work / "cold", results) else "DIFFERENT",
    )
    for step, what in enumerate(("", f", then {changed} others")):
        codes = correct_communes(files["appraisal"], changed, skip=step * changed)
        rescore = pari([*inputs(files), "-o", str(results), "--cache", str(cache)])
        pari([*inputs(files), "-o", str(work / "rescore-plain")])
        same = same_files(work / "rescore-plain", results)
        row(
            f"re-score after {len(codes)} communes' appraisal corrections{what}",
            rescore,
            cold,
            ("same bytes as without cache" if same else "DIFFERENT") + "; target <= 1.5 s",
        )
    alone = only_communes(files, codes, work / "alone")
    row(f"those {len(codes)} communes alone, no cache", pari([*inputs(alone), "-o", str(work / "alone-out")]), cold)


def file_cases(files: dict[str, Path], work: Path) -> None:
    names = split_per_commune(files["assessments_long"], work / "per-commune")
    one = pari([*inputs(files), "-o", str(work / "one-file")])
    row("one assessment file, no cache (reference)", one, one)
    many = pari([*inputs(files, names), "-o", str(work / "many-files")])
    row(f"{len(names):,} one-commune files, no cache", many, one, "target <= 2x")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--communes", type=int, default=10_600)
    parser.add_argument("--changed", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="keep the generated data and results here")
    parser.add_argument("--skip-files", action="store_true", help="leave out the one-file-per-commune case")
    parser.add_argument("--skip-cache", action="store_true", help="only the one-file-per-commune case")
    parser.add_argument("--src", type=Path, default=SOURCE["src"], help="the src folder whose `pari` is run")
    args = parser.parse_args(argv)
    SOURCE["src"] = args.src.resolve()
    compileall.compile_dir(SOURCE["src"] / "pari_index", quiet=1)
    work = args.keep or Path(tempfile.mkdtemp(prefix="pari-rescore-"))
    try:
        files = generate(CRITERIA, work / "data", communes=args.communes, districts=max(1, args.communes // 15))
        print(f"pari score --cache: {args.communes:,} synthetic communes, src {SOURCE['src']}, one process each")
        print(f"load average before: {os.getloadavg()[0]:.1f}\n")
        print("| case | wall | ratio | CPU | ratio | note |\n|---|---|---|---|---|---|")
        if not args.skip_cache:
            cache_cases(files, work, args.changed)
        if not args.skip_files:
            file_cases(files, work)
        print(f"\nload average after: {os.getloadavg()[0]:.1f}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
