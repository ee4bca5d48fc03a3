"""pari-index benchmarks: one command, one table.

    python benchmarks/run.py [--communes 10600] [--items auto] [--quick] [--scaling]
                             [--input-format csv|parquet] [--output-format parquet|csv|xlsx]

Generates a seeded synthetic national set with :mod:`pari_index.demo` (all data synthetic) and
measures, in one run:

1. end-to-end ``run_score`` (read, score, verify, rank, write) in a child process: wall time,
   time inside the process, and peak memory (the child's VmHWM; see ``peak_bytes``); and again
   with the assessments split into one file per commune, as communes send them;
2. the compiled evaluator against the pure-Python reference evaluator on the same evaluation
   frame (the reference is timed on a sample of communes and extrapolated linearly; the two are
   also checked to agree on that sample);
3. the whole pipeline against polars simply reading the same input files (and, for scale, a bare
   polars round trip: read, reshape per commune and back, write, with no checks or scoring);
4. the HTML report of the national results (``pari_index.outputs.report.write_report``), time and size;
5. ``pari validate`` on the largest bundled criteria set and ``pari --help`` start-up (best of 5).

``--scaling`` adds a run at 100, 10,600 and 100,000 communes (time and memory per size).
``--growth`` prints only the growth table of issue 15 (1,000 -> 10,600 -> 100,000 -> 250,000 units:
time, the child's CPU, peak, bytes of peak per input row, load), each size cut or repeated from one
national set (``--growth-base DIR``, or one generated).
Targets are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import polars as pl
import yaml
from peers.floor_polars import round_trip

from pari_index.criteria.loading import bundled_criteria, load_criteria
from pari_index.criteria.model import CriteriaSet, Part
from pari_index.demo import generate

PYTHON = sys.executable
PARI = str(Path(sys.executable).with_name("pari"))

TARGETS = {
    "ratio": "compiled >= 50x reference at 1M rows",
    "pipeline": "pipeline <= 3x read time",
    "memory": "peak memory < 1.5 GB",
    "report": "report < 10 s",
    "help": "--help < 0.3 s",
}

# The child process: run_score, set up as the `pari` command sets itself up.
PEAK = r"""
def peak_bytes():
    # VmHWM: the peak resident set of this process image. ru_maxrss is not used: on Linux it keeps
    # the parent's high-water mark across fork + exec, so a child of a large parent over-reports.
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
"""

CHILD = (
    PEAK
    + r"""
import json, resource, sys, time
from pathlib import Path
args = json.loads(sys.argv[1])
t0 = time.perf_counter()
import pari_index.cli  # noqa: F401  (as `pari score` does: allocator settings before polars loads)
from pari_index.pipeline import run_score
import pari_index.pipeline as _pipeline
if hasattr(_pipeline, "DETAIL_READ_AFTER"):  # as `pari score` runs it: nothing reads the detail after the run
    _pipeline.DETAIL_READ_AFTER.set(False)
import polars, pari_index.scoring.run, pari_index.ranking.ranks, pari_index.outputs.results  # noqa: F401,E401
t1 = time.perf_counter()
# A folder stands for all the files in it (one per commune: too many for one command-line argument).
assessments = [str(p) for a in args["assessments"] for p in (sorted(Path(a).iterdir()) if Path(a).is_dir() else [a])]
run = run_score(assessments=assessments, criteria=args["criteria"], communes=args["communes"],
                appraisal=args["appraisal"], survey=args["survey"], output=args["output"], fmt=args["fmt"],
                **({"batch_size": args["batch_size"]} if "batch_size" in args else {}))
steps = "read, score, verify, rank, write"
rows = run.result.ledger.height
elapsed = time.perf_counter() - t1
peak = peak_bytes()
print(json.dumps({"elapsed": elapsed, "imports": t1 - t0, "peak": peak, "steps": steps, "rows": rows}))
"""
)

REPORT_CHILD = (
    PEAK
    + r"""
import json, resource, sys, time
from pathlib import Path
args = json.loads(sys.argv[1])
import pari_index.cli  # noqa: F401  (as `pari report` does: allocator settings before polars loads)
from pari_index.outputs.report import write_report
from pari_index.criteria.loading import load_criteria
from pari_index.outputs.results import read_results
tables = read_results(args["results"])
criteria = load_criteria(args["criteria"]).criteria
t0 = time.perf_counter()
write_report(Path(args["output"]), tables, lang="vi", criteria=criteria)
elapsed = time.perf_counter() - t0
peak = peak_bytes()
print(json.dumps({"elapsed": elapsed, "peak": peak, "size": Path(args["output"]).stat().st_size}))
"""
)


@dataclass
class Row:
    measure: str
    value: str
    target: str = ""
    note: str = ""


def _mb(n: float) -> str:
    mb = n / 1024**2
    return f"{mb:,.0f} MB" if mb >= 10 else f"{mb:.2f} MB"


def _s(x: float) -> str:
    return f"{x:.3f} s" if x < 10 else f"{x:.1f} s"


def best_of(n: int, fn: Callable[[], Any]) -> float:
    best = math.inf
    for _ in range(n):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def largest_bundled() -> Path:
    sets = [(sum(1 for _ in load_criteria(p).criteria.leaves()), p) for p in bundled_criteria()]
    return max(sets)[1]


def _plain(value: Any) -> Any:
    """A model dump as plain YAML-safe data (Decimal -> number, enums -> text)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Enum):
        return value.value
    return value


def criteria_with_items(base: CriteriaSet, items: int, path: Path) -> tuple[Path, int]:
    """A criteria set with at least ``items`` scored items: the base set's scored areas repeated
    (ids suffixed R2, R3, ...; scale and parts multiplied, so it still validates)."""
    leaves = sum(1 for _ in base.leaves())
    copies = max(1, math.ceil(items / leaves))
    data = _plain(base.model_dump(mode="python", by_alias=True, exclude_none=True))
    if copies > 1:
        scored = [a for a in data["areas"] if a.get("part", "appraised") != Part.adjustment.value]
        extra = []
        for k in range(2, copies + 1):
            for area in scored:
                text = json.dumps(area, default=str)
                old = area["id"]
                clone = json.loads(text.replace(f'"id": "{old}', f'"id": "{old}R{k}'))
                extra.append(clone)
        data["areas"] = data["areas"] + extra
        data["id"] = f"{data['id']}-x{copies}"
        data["scale"] = data["scale"] * copies
        data["parts"]["appraised"] = data["parts"]["appraised"] * copies
        data["parts"]["survey"] = data["parts"].get("survey", 0) * copies
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = load_criteria(path).criteria
    return path, sum(1 for _ in loaded.leaves())


def child_env() -> dict[str, str]:
    """The environment for a child, with the allocator setting as the user had it (hostile.py's
    child_env: importing polars writes its own default into os.environ), and the scaling runs'
    limits."""
    from hostile import child_env as user_env  # benchmarks/, on the path of a script run from it

    env = user_env()
    # The scaling runs (100,000 and 250,000 units) pass pari's default run-size limit on purpose.
    env.setdefault("PARI_MAX_ITEM_ROWS", "100000000")
    # ... and their long-form file passes the cells read from one file (7 million rows at 100,000).
    env.setdefault("PARI_MAX_CELLS", "1000000000")
    return env


def run_child(code: str, args: dict[str, Any]) -> tuple[dict[str, Any], float]:
    t = time.perf_counter()
    out = subprocess.run(
        [PYTHON, "-c", code, json.dumps(args)], capture_output=True, text=True, check=False, env=child_env()
    )
    wall = time.perf_counter() - t
    if out.returncode != 0:
        raise RuntimeError(f"child failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1]), wall


def pipeline_args(files: dict[str, Path], criteria: Path, output: Path, fmt: str) -> dict[str, Any]:
    return {
        "assessments": [str(files["assessments_long"])],
        "criteria": str(criteria),
        "communes": str(files["communes"]),
        "appraisal": str(files["appraisal"]),
        "survey": [str(files["survey"])] if "survey" in files else [],
        "output": str(output),
        "fmt": fmt,
    }


def read_inputs(files: dict[str, Path]) -> None:
    for role in ("communes", "assessments_long", "survey", "appraisal"):
        path = files.get(role)
        if path is None:
            continue
        if path.suffix == ".parquet":
            pl.read_parquet(path)
        else:
            pl.read_csv(path, infer_schema=False)


def split_per_commune(path: Path, folder: Path) -> int:
    """The assessment file as one file per commune (as communes send them); returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    frame = pl.read_parquet(path) if path.suffix == ".parquet" else pl.read_csv(path, infer_schema=False)
    parts = frame.partition_by("commune_code", as_dict=True, maintain_order=True)
    for (code,), part in parts.items():
        target = folder / f"{code}{path.suffix}"
        if path.suffix == ".parquet":
            part.write_parquet(target)
        else:
            part.write_csv(target)
    return len(parts)


def bare_round_trip(files: dict[str, Path], out: Path) -> None:
    """The least any scorer of this file does, in plain polars with no checks (peers.floor_polars)."""
    round_trip(files["assessments_long"], out)


def evaluator_rows(files: dict[str, Path], criteria: CriteriaSet, sample: int, repeat: int) -> list[Row]:
    from pari_index.criteria.compiling import compile_criteria
    from pari_index.criteria.reference import evaluate_reference
    from pari_index.intake.assessments import evaluation_frame, read_assessments
    from pari_index.intake.register import read_register

    compiled = compile_criteria(criteria)
    register = read_register(files["communes"])
    inputs = [files["assessments_long"], *([files["survey"]] if "survey" in files else [])]
    intake = read_assessments(inputs, compiled.leaves, register.codes)
    frame = evaluation_frame(intake.cells, compiled.leaves, register.frame.select("code", "unit_type"))
    input_columns = [c for c in frame.columns if ":" in c and not c.endswith(":n/a")]
    cells = int(frame.select(pl.sum_horizontal(pl.col(c).is_not_null() for c in input_columns)).to_series().sum())
    compiled_time = best_of(repeat, lambda: compiled.evaluate(frame))
    n = min(sample, frame.height)
    part = frame.head(n)
    dicts = part.to_dicts()
    t = time.perf_counter()
    ref = evaluate_reference(criteria, dicts)
    ref_sample = time.perf_counter() - t
    ref_time = ref_sample * frame.height / n
    got = compiled.evaluate(part).sort("commune_code", "criterion_id")
    want = pl.DataFrame(ref, schema=got.schema).sort("commune_code", "criterion_id")
    agree = got.select("points", "branch").equals(want.select("points", "branch"))
    ratio = ref_time / compiled_time
    return [
        Row(
            "compiled evaluator",
            _s(compiled_time),
            "",
            f"{frame.height:,} communes x {len(compiled.leaves)} items, {cells:,} input cells; best of {repeat}",
        ),
        Row(
            "reference evaluator",
            _s(ref_time),
            "",
            f"timed on {n:,} communes ({_s(ref_sample)}), extrapolated linearly; agrees on sample: {agree}",
        ),
        Row("compiled / reference speed-up", f"{ratio:,.0f}x", TARGETS["ratio"], "met" if ratio >= 50 else "MISSED"),
    ]


def print_table(title: str, rows: Sequence[Row]) -> None:
    widths = [max(len(getattr(r, f)) for r in [Row("measure", "value", "target", "note"), *rows]) for f in
              ("measure", "value", "target")]  # fmt: skip
    print(f"\n{title}")
    head = Row("measure", "value", "target", "note")
    for r in [head, *rows]:
        print(f"  {r.measure:<{widths[0]}}  {r.value:>{widths[1]}}  {r.target:<{widths[2]}}  {r.note}")


def batch_rows(files: dict[str, Path], criteria: Path, work: Path, fmt: str, sizes: Sequence[int | None]) -> list[Row]:
    """Issue 15: the national run scored at once (batch size None) and in commune batches, each in
    a fresh child process: time and peak memory per batch size, and whether every results file
    is the same to the byte as the unbatched run's."""
    rows: list[Row] = []
    first: dict[str, bytes] | None = None
    for size in sizes:
        out = work / f"results-batch-{size or 'all'}"
        result, _ = run_child(CHILD, {**pipeline_args(files, criteria, out, fmt), "batch_size": size})
        written = {p.name: p.read_bytes() for p in sorted(out.iterdir())} if out.is_dir() else {}
        first = written if first is None else first
        same = "same bytes as unbatched" if written == first else "DIFFERENT from unbatched"
        label = "all at once" if size is None else f"{size:,} communes"
        rows.append(
            Row(f"batches: {label}", _s(result["elapsed"]), "peak <= 500 MB", f"peak {_mb(result['peak'])}; {same}")
        )
        print(f"  … batch size {label}: {_s(result['elapsed'])}, peak {_mb(result['peak'])}", flush=True)
        shutil.rmtree(out, ignore_errors=True)
    return rows


def scaling(sizes: Sequence[int], criteria: Path, work: Path, input_fmt: str, output_fmt: str) -> list[Row]:
    rows = []
    for size in sizes:
        data = work / f"scale-{size}"
        t = time.perf_counter()
        files = generate(criteria, data, communes=size, districts=max(1, size // 15), fmt=input_fmt)  # type: ignore[arg-type]
        gen = time.perf_counter() - t
        result, wall = run_child(CHILD, pipeline_args(files, criteria, data / "out", output_fmt))
        rows.append(
            Row(
                f"{size:,} communes",
                _s(result["elapsed"]),
                "",
                f"peak {_mb(result['peak'])}; wall {_s(wall)}; {result['rows']:,} input rows; generated in {_s(gen)}",
            )
        )
        print(f"  … {size:,} communes: {_s(result['elapsed'])}, peak {_mb(result['peak'])}", flush=True)
        shutil.rmtree(data, ignore_errors=True)
    return rows


GROWTH_SIZES = (1_000, 10_600, 100_000, 250_000)


#: The files of a national set and the column naming each row's unit.
GROWTH_FILES = {
    "communes": "code",
    "assessments_long": "commune_code",
    "survey": "commune_code",
    "appraisal": "commune_code",
}


def scaled_copy(base: dict[str, Path], units: int, folder: Path) -> dict[str, Path]:
    """The base set (CSV) cut or repeated to ``units`` units: copy k of a unit gets the code
    ``{k:02d}{code}`` and its district the suffix `` k``, so that every copy is a distinct unit of
    a district of the usual size, with the same rows as the original. The demo generator writes
    about 25 ms of Python per unit; 250,000 units would take hours to generate afresh."""
    folder.mkdir(parents=True, exist_ok=True)
    register = pl.read_csv(base["communes"], infer_schema=False)
    copies = -(-units // register.height)
    mapping = pl.concat(
        [
            register.select(
                pl.col("code").alias("_old"),
                pl.lit(k, dtype=pl.Int32).alias("_copy"),
                (pl.lit(f"{k:02d}") + pl.col("code") if copies > 1 else pl.col("code")).alias("_new"),
            )
            for k in range(copies)
        ]
    ).head(units)
    files: dict[str, Path] = {}
    for role, column in GROWTH_FILES.items():
        frame = pl.read_csv(base[role], infer_schema=False)
        grown = frame.join(mapping, left_on=column, right_on="_old", how="inner", maintain_order="right")
        if role == "communes" and copies > 1:
            grown = grown.with_columns(pl.col("district") + pl.lit(" ") + pl.col("_copy").cast(pl.String))
        files[role] = folder / base[role].name
        grown.with_columns(pl.col("_new").alias(column)).drop("_copy", "_new").write_csv(files[role])
    return files


def growth(sizes: Sequence[int], criteria: Path, work: Path, output_fmt: str, base: dict[str, Path]) -> list[Row]:
    """Issue 15: the growth table. Each size is the national ``base`` set cut or repeated
    (:func:`scaled_copy`), scored with the default batch size in a fresh child: time inside the
    child, its CPU time (user + system: the figure to trust on a shared machine), its peak memory
    (VmHWM) and that peak per input row, with the load average at the end of the run. Each row is
    printed as soon as it is measured (the largest sizes take long)."""
    rows = []
    for size in sizes:
        data = work / f"growth-{size}"
        t = time.perf_counter()
        files = scaled_copy(base, size, data)
        gen = time.perf_counter() - t
        before = os.times()
        result, wall = run_child(CHILD, pipeline_args(files, criteria, data / "out", output_fmt))
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        load = os.getloadavg()[0]
        per_row = result["peak"] / max(result["rows"], 1)
        rows.append(
            Row(
                f"{size:,} units",
                _s(result["elapsed"]),
                "peak <= 4 GB at 250,000" if size >= 250_000 else "",
                f"CPU {_s(cpu)} ({cpu / size * 1000:.2f} ms per unit); peak {_mb(result['peak'])}; "
                f"{per_row:,.0f} B of peak per input row; {result['rows']:,} input rows; wall {_s(wall)}; "
                f"load {load:.1f}; data made in {_s(gen)}",
            )
        )
        print(f"  … {rows[-1].measure}: {rows[-1].value}; {rows[-1].note}", flush=True)
        shutil.rmtree(data, ignore_errors=True)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--communes", type=int, default=None, help="communes in the national set (default 10600)")
    parser.add_argument("--items", default="auto", help="'auto' (the largest bundled set) or a number of items")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition: a smoke test")
    parser.add_argument("--scaling", action="store_true", help="also run at 100, 10,600 and 100,000 communes")
    parser.add_argument("--input-format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--output-format", choices=["parquet", "csv", "xlsx"], default="parquet")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--keep", type=Path, help="keep the generated data and results in this folder")
    parser.add_argument(
        "--batches", action="store_true", help="only the batch-size table (issue 15): all at once, 500, 2000, 5000"
    )
    parser.add_argument(
        "--growth",
        action="store_true",
        help="only the growth table (issue 15): 1,000 -> 10,600 -> 100,000 -> 250,000 units, default batches",
    )
    parser.add_argument("--growth-sizes", help="units for --growth, comma-separated (default 1000,10600,100000,250000)")
    parser.add_argument(
        "--growth-base", type=Path, help="for --growth: a national CSV set to cut or repeat instead of generating one"
    )
    args = parser.parse_args(argv)

    communes = args.communes or (200 if args.quick else 10_600)
    repeat = 1 if args.quick else 3
    sample = 50 if args.quick else 300
    work = args.keep or Path(tempfile.mkdtemp(prefix="pari-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        base_path = largest_bundled()
        base = load_criteria(base_path).criteria
        if args.items == "auto":
            criteria_path = base_path
            items = sum(1 for _ in base.leaves())
        else:
            criteria_path, items = criteria_with_items(base, int(args.items), work / "criteria.yaml")
        criteria = load_criteria(criteria_path).criteria
        print(
            f"pari-index benchmark: {communes:,} synthetic communes, {items} items ({criteria.id}), "
            f"seed {args.seed}, input {args.input_format}, output {args.output_format}, "
            f"Python {sys.version.split()[0]}, polars {pl.__version__}, {os.cpu_count()} CPUs",
            flush=True,
        )
        data = work / "national"
        if args.growth:  # issue 15: the growth table alone, from one national set cut or repeated
            sizes = [int(n) for n in args.growth_sizes.split(",")] if args.growth_sizes else GROWTH_SIZES
            if args.quick and not args.growth_sizes:
                sizes = [100, 300]
            if args.growth_base:
                base = {role: args.growth_base / f"{role}.csv" for role in GROWTH_FILES}
            else:
                base = generate(criteria, data, communes=communes, districts=max(1, communes // 15), seed=args.seed)
            print(f"Growth, CPUs {os.cpu_count()}, load at start {os.getloadavg()[0]:.1f}:", flush=True)
            print_table("Growth", growth(sizes, criteria_path, work, args.output_format, base))
            return 0

        t = time.perf_counter()
        files = generate(
            criteria,
            data,
            communes=communes,
            districts=max(1, communes // 15),
            seed=args.seed,
            fmt=args.input_format,
        )
        generated = time.perf_counter() - t
        input_bytes = sum(p.stat().st_size for k, p in files.items() if k != "readme")
        rows: list[Row] = [
            Row("generate national set", _s(generated), "", f"{_mb(input_bytes)} of {args.input_format} (synthetic)")
        ]

        if args.batches:  # issue 15: the batch-size table alone
            rows += batch_rows(files, criteria_path, work, args.output_format, [None, 500, 2_000, 5_000])
            print_table("Batches", rows)
            return 0

        # (1) end-to-end pipeline in a child process.
        out = work / "results"
        result, wall = run_child(CHILD, pipeline_args(files, criteria_path, out, args.output_format))
        memory_ok = result["peak"] < 1.5 * 1024**3
        rows += [
            Row(
                "pipeline (in process)",
                _s(result["elapsed"]),
                "",
                f"{result['steps']}; {result['rows']:,} input rows; output {args.output_format}; "
                "one run in a fresh process, after imports (the reads below: best of several, warm)",
            ),
            Row("pipeline (wall, incl. start-up)", _s(wall), "", f"imports {_s(result['imports'])}"),
            Row("pipeline peak memory", _mb(result["peak"]), TARGETS["memory"], "met" if memory_ok else "MISSED"),
        ]

        # (1b) the same assessments as one file per commune, as communes send them.
        per_commune = work / "per-commune"
        files_written = split_per_commune(files["assessments_long"], per_commune)
        split_args = {**pipeline_args(files, criteria_path, work / "results-per-commune", args.output_format)}
        split_args["assessments"] = [str(per_commune)]
        split_result, _ = run_child(CHILD, split_args)
        rows.append(
            Row(
                "pipeline, one file per commune",
                _s(split_result["elapsed"]),
                "",
                f"the same rows in {files_written:,} {args.input_format} files; peak {_mb(split_result['peak'])}",
            )
        )
        shutil.rmtree(per_commune, ignore_errors=True)

        # (3) the same files, just read by polars.
        read = best_of(repeat, lambda: read_inputs(files))
        ratio = result["elapsed"] / read
        rows += [
            Row("polars read of the inputs", _s(read), "", f"pl.read_{args.input_format}, all input files"),
            Row("pipeline / read", f"{ratio:,.1f}x", TARGETS["pipeline"], "met" if ratio <= 3 else "MISSED"),
        ]
        # For scale: plain polars reshaping the assessment file and writing it back, no checks.
        bare = best_of(repeat, lambda: bare_round_trip(files, work / "bare.parquet"))
        read_one = best_of(repeat, lambda: read_inputs({"assessments_long": files["assessments_long"]}))
        rows += [
            Row(
                "bare polars round trip",
                _s(bare),
                "",
                "assessment file: read, cast, pivot per commune, unpivot, write Parquet; no checks, no scoring",
            ),
            Row(
                "bare round trip / read",
                f"{bare / read_one:,.1f}x",
                "",
                f"against reading the assessment file alone ({_s(read_one)})",
            ),
        ]

        # (2) compiled against reference.
        rows += evaluator_rows(files, criteria, sample, repeat)

        # (4) the HTML report of the national results.
        results_path = out
        report = work / "report.html"
        rep, _ = run_child(
            REPORT_CHILD, {"results": str(results_path), "output": str(report), "criteria": str(criteria_path)}
        )
        rows.append(
            Row(
                "HTML report",
                _s(rep["elapsed"]),
                TARGETS["report"],
                f"{'met' if rep['elapsed'] < 10 else 'MISSED'}; {_mb(rep['size'])}; peak {_mb(rep['peak'])}",
            )
        )

        # (5) start-up.
        largest = largest_bundled()
        validate = best_of(5, lambda: subprocess.run([PARI, "validate", str(largest)], capture_output=True, check=True))
        help_time = best_of(5, lambda: subprocess.run([PARI, "--help"], capture_output=True, check=True))
        rows += [
            Row("pari validate (largest bundled set)", _s(validate), "", f"{largest.name}; best of 5"),
            Row("pari --help", _s(help_time), TARGETS["help"], f"{'met' if help_time < 0.3 else 'MISSED'}; best of 5"),
        ]
        print_table(f"Results ({communes:,} communes, {items} items)", rows)

        if args.scaling:
            sizes = (20, 60, 200) if args.quick else (100, 10_600, 100_000)
            print("\nScaling run (end-to-end pipeline in a child process):", flush=True)
            scale_rows = scaling(sizes, criteria_path, work, args.input_format, args.output_format)
            print_table("Scaling", scale_rows)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
