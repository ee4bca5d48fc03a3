"""What the hostile inputs of tests/hostile_misc.py answer (benchmarks/hostile.py times them at
5 MB; here they are smaller, since what they answer does not depend on their size)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
from click.testing import CliRunner
from hostile_misc import alias_bomb, conflicting_repeats, unknown_communes

from pari_index.cli import main
from pari_index.results import read_results


def _data_rows(path: Path) -> int:
    return sum(1 for _ in path.open(encoding="utf-8")) - 1


def test_every_row_of_unknown_communes_is_a_located_finding(tmp_path: Path) -> None:
    args = unknown_communes(tmp_path, size=40_000)
    rows = _data_rows(tmp_path / "unknown.csv")
    # Not one row of the file can be used: the run stops before writing anything ...
    stopped = CliRunner().invoke(main, args)
    assert stopped.exit_code == 1 and "[file-unread]" in stopped.output
    assert not (tmp_path / "out").exists()
    # ... unless told to go on, and then every row is reported.
    result = CliRunner().invoke(main, [*args, "--allow-incomplete"])
    assert result.exit_code == 1, result.output
    findings = read_results(tmp_path / "out" / "results.xlsx")["findings"]
    unknown = findings.filter(pl.col("kind") == "unknown-commune")
    assert unknown.height == rows
    assert sorted(unknown["row"].to_list()) == list(range(2, rows + 2))
    ledger = read_results(tmp_path / "out" / "results.xlsx")["rows"]
    assert ledger.filter(pl.col("file").str.ends_with("unknown.csv"))["status"].unique().to_list() == ["rejected"]


def test_conflicting_repeats_are_never_used(tmp_path: Path) -> None:
    args = conflicting_repeats(tmp_path, size=20_000)
    rows = _data_rows(tmp_path / "conflicts.csv")
    result = CliRunner().invoke(main, [*args, "--allow-incomplete"])
    assert result.exit_code == 1, result.output
    tables = read_results(tmp_path / "out" / "results.xlsx")
    conflicts = tables["findings"].filter(pl.col("kind") == "conflicting-values")
    assert conflicts.height == rows
    item = tables["criteria"].filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "1.1.2"))
    assert item["computed_score"].to_list() == [0.0]


def test_alias_bomb_is_refused_in_a_real_process(tmp_path: Path) -> None:
    args = alias_bomb(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pari_index.cli", *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 1
    assert "[yaml-alias-bomb]" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
