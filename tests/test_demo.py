"""The synthetic-data generator: deterministic, covers every input type, and what it writes scores
cleanly with every input row accounted for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from pari_index.criteria.loading import load_criteria
from pari_index.criteria.model import CriteriaSet, Part, resolve_leaves
from pari_index.criteria.rules import InputType
from pari_index.demo import README_NAME, SYNTHETIC_NOTE, expected_rows, generate
from pari_index.scoring.run import score

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
ALL_KINDS = ROOT / "tests" / "data" / "all_kinds.yaml"
HA_NOI = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
HAI_PHONG = ROOT / "criteria" / "hai-phong-2022-commune.yaml"


@pytest.fixture(scope="module")
def all_kinds() -> CriteriaSet:
    return load_criteria(ALL_KINDS).criteria


def _bytes(files: dict[str, Path]) -> dict[str, bytes]:
    return {role: path.read_bytes() for role, path in files.items()}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_same_seed_same_files(tmp_path: Path, all_kinds: CriteriaSet, fmt: str) -> None:
    kw = {"communes": 15, "districts": 3, "seed": 7, "forms": ("long", "wide"), "fmt": fmt}
    a = generate(all_kinds, tmp_path / "a", **kw)  # type: ignore[arg-type]
    b = generate(all_kinds, tmp_path / "b", **kw)  # type: ignore[arg-type]
    assert {k: p.name for k, p in a.items()} == {k: p.name for k, p in b.items()}
    assert _bytes(a) == _bytes(b)
    c = generate(all_kinds, tmp_path / "c", **{**kw, "seed": 8})  # type: ignore[arg-type]
    assert _bytes(c)["assessments_long"] != _bytes(a)["assessments_long"]


def test_register_is_realistic_and_says_synthetic(tmp_path: Path) -> None:
    files = generate(HA_NOI, tmp_path, communes=40, districts=4)
    reg = pl.read_csv(files["communes"], infer_schema=False)
    assert reg.columns == ["code", "name", "type", "district", "province", "note"]
    assert reg["code"].str.contains(r"^\d{5}$").all() and reg["code"].str.starts_with("0").all()
    assert reg["code"].is_unique().all()
    assert (reg["note"] == SYNTHETIC_NOTE).all()
    # Ranked within the province: all in one province.
    assert reg["province"].n_unique() == 1
    assert set(reg["type"]) <= {"xã", "phường", "đặc khu"}  # no thị trấn after the 2025 reform
    assert "đặc khu" in set(reg["type"])  # the set has items for special zones
    for name, kind in zip(reg["name"], reg["type"], strict=True):
        assert name.lower().startswith(kind), name
    assert reg["district"].str.contains(r"^(Huyện|Quận|Thị xã) ").all()
    assert "SYNTHETIC" in files["readme"].read_text(encoding="utf-8")
    assert files["readme"].name == README_NAME


def test_district_ranked_set_has_townships(tmp_path: Path) -> None:
    files = generate(HAI_PHONG, tmp_path, communes=30, districts=4)
    reg = pl.read_csv(files["communes"], infer_schema=False)
    assert reg["district"].n_unique() == 4
    assert "thị trấn" in set(reg["type"])


def test_every_input_type_is_generated(tmp_path: Path, all_kinds: CriteriaSet) -> None:
    seen: set[InputType] = set()
    for criteria in (all_kinds, load_criteria(HA_NOI).criteria):
        files = generate(criteria, tmp_path / criteria.id, communes=30, districts=3)
        long = pl.read_csv(files["assessments_long"], infer_schema=False)
        survey = pl.read_csv(files["survey"], infer_schema=False)
        values = pl.concat([long.select("criterion_id", "input", "value"), survey.select(long.columns[1:4])])
        for leaf in resolve_leaves(criteria):
            rows = values.filter(pl.col("criterion_id") == leaf.id)
            for name, spec in leaf.inputs.items():
                named = rows.filter((pl.col("input") == name) | pl.col("input").is_null())
                if named["value"].drop_nulls().len():
                    seen.add(spec.type)
            if leaf.part is Part.survey:
                assert rows.height > 0, leaf.id
    assert seen == set(InputType)


def _ledger_check(files: dict[str, Path], criteria: Path, assessments: list[Path], survey: list[Path]) -> None:
    result = score(assessments, criteria, communes=files["communes"], survey=survey, appraisal=files["appraisal"])
    inputs = [*assessments, *survey, files["appraisal"], files["communes"]]
    rows = expected_rows({k: v for k, v in files.items() if v in inputs})
    assert result.ledger.height == rows
    assert set(result.ledger["status"]) <= {"scored", "applied", "registered"}, result.ledger.filter(
        ~pl.col("status").is_in(["scored", "applied", "registered"])
    )
    assert result.findings.filter(pl.col("severity") == "error").height == 0
    register = pl.read_csv(files["communes"], infer_schema=False)
    assert result.totals.height == register.height
    statuses = set(result.details["status"])
    assert {"ok", "self_score_differs", "appraised"} <= statuses


@pytest.mark.parametrize("criteria", [ALL_KINDS, HA_NOI, HAI_PHONG], ids=lambda p: p.stem)
def test_tiny_set_scores_with_every_row_accounted_for(tmp_path: Path, criteria: Path) -> None:
    files = generate(criteria, tmp_path, communes=12, districts=3, mistakes=0.2)
    assert "assessments_wide" not in files
    _ledger_check(files, criteria, [files["assessments_long"]], [files["survey"]])


def test_long_and_wide_together(tmp_path: Path) -> None:
    files = generate(ALL_KINDS, tmp_path, communes=16, districts=4, forms=("long", "wide"), wide_fmt="xlsx")
    long = pl.read_csv(files["assessments_long"], infer_schema=False)
    wide = pl.read_excel(files["assessments_wide"], sheet_name="data", engine="calamine", infer_schema_length=0)
    assert wide.height > 0
    assert not set(long["commune_code"]) & set(wide["commune_code"])
    _ledger_check(files, ALL_KINDS, [files["assessments_long"], files["assessments_wide"]], [files["survey"]])


def test_benchmark_quick_runs(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--communes", "30"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    for label in ("pipeline (in process)", "compiled / reference speed-up", "pipeline / read", "pari --help"):
        assert label in out.stdout, out.stdout


def test_benchmark_stages_shows_every_batch_and_the_threads_beside_the_run(tmp_path: Path) -> None:
    """benchmarks/stages.py on a small batched run (several batches: batch size 2,000 and more
    communes): one line per stage, each batch's check and scoring, and the steps that run in
    threads of their own named as such."""
    files = generate(BUNDLED, tmp_path / "data", communes=4_100, districts=30, seed=5)
    assert files["communes"].is_file()
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "stages.py"), "--data", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert sum(line.endswith("  score_communes") for line in lines) == 3, out.stdout
    assert sum(line.endswith("  _check_batch") for line in lines) == 4, out.stdout  # and the rows of no batch
    assert any("pari detail" in line and line.endswith("_write_detail") for line in lines), out.stdout
    assert lines[-1].startswith("run_score: ")
