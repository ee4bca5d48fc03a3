"""The benchmark peers (benchmarks/peers/: a DuckDB SQL script and a pandas script) agree with
pari item by item on a generated set, and on the same set with awkward but realistic cells.

Skipped unless the benchmark extra is installed (duckdb, pandas, pyarrow): CI does not install it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from peers import duckdb_peer, pandas_peer  # noqa: E402
from peers.common import compare, load_plan  # noqa: E402

from pari_index.demo import generate  # noqa: E402
from pari_index.pipeline import run_score  # noqa: E402

CRITERIA = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
PEERS = {"duckdb": duckdb_peer, "pandas": pandas_peer}


def score_all(folder: Path, files: dict[str, Path]) -> None:
    """pari and both peers on the same files (no appraisal), results in folder/<tool>."""
    run_score(
        assessments=[files["assessments_long"]],
        criteria=CRITERIA,
        communes=files["communes"],
        survey=[files["survey"]],
        output=folder / "pari",
        fmt="parquet",
    )
    inputs = [str(files["assessments_long"]), str(files["survey"])]
    for name, peer in PEERS.items():
        peer.run(str(CRITERIA), str(files["communes"]), inputs, folder / name)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("peers")
    files = generate(CRITERIA, folder / "data", communes=60, districts=4, seed=7)
    score_all(folder, files)
    return folder


def _input_rows(code: str, criterion: str, field: str | None) -> pl.Expr:
    """The row of one input of one commune (an item's only input may be written without its name)."""
    where = (pl.col("commune_code") == code) & (pl.col("criterion_id") == criterion)
    if field is not None:
        where = where & ((pl.col("input") == field) | pl.col("input").is_null())
    return where


def _set_values(frame: pl.DataFrame, edits: list[tuple[str, str | None, str | None]], codes: list[str]) -> pl.DataFrame:
    """Each edit on a commune of its own: the next commune not yet edited that has the row."""
    unused = iter(codes)
    for criterion, field, value in edits:
        for code in unused:
            where = _input_rows(code, criterion, field)
            if frame.filter(where).height == 1:
                frame = frame.with_columns(
                    pl.when(where).then(pl.lit(value, dtype=pl.String)).otherwise(pl.col("value")).alias("value")
                )
                break
        else:
            raise AssertionError(f"no commune left with a row for {criterion}:{field}")
    return frame


def awkward(long: pl.DataFrame) -> pl.DataFrame:
    """The generated rows with cells a clerk could type, each on its own commune, and the rows
    the intake has to refuse or count once."""
    codes = long["commune_code"].unique(maintain_order=True).to_list()
    edits: list[tuple[str, str | None, str | None]] = [
        ("1.1.1", "signed_on", "2025-07-31"),  # ISO date, exactly on the deadline
        ("1.1.1", "signed_on", "30/9/2025"),  # single-digit month, exactly on late_until
        ("1.1.1", "signed_on", "01/10/2025"),  # after late_until
        ("1.1.1", "signed_on", "31/7/25"),  # two-digit year: refused, so not done
        ("1.1.2", "tasks", " CÓ "),  # upper case and spaces
        ("1.2", "reports", "Trễ Hạn"),  # status in mixed case
        ("1.3.2", "found", "0"),  # zero denominator: full points
        ("1.5", "assigned", "0"),  # zero denominator of a rate tier: full points
        ("3.2.1", "received", "1.587"),  # a count with a decimal: refused
        ("3.2.3", "online_share", "120"),  # a percent above 100: refused
        ("3.2.3", "online_share", "79,99"),  # just below a tier edge, decimal comma
        ("3.2.1", "settled_on_time", "-3"),  # negative: refused
        ("3.4.1", "desk", "ĐẠT CHUẨN TỐI THIỂU"),  # a level by its label, upper case
        ("3.4.1", "desk", "unheard of"),  # an unknown level: refused
        ("2.3", "not_met", "có"),  # deduction on a boolean, down to the floor
        ("5.4.1", "disciplined", "5"),  # deduction below zero: the floor
        ("9.1", "initiatives", "7"),  # bonus past its cap
        ("9.3", "sanctions", "9"),  # penalty past its cap
        ("6.1", "disbursed", "95"),  # on a tier edge
        ("1.3.1", "inspections", "1.000"),  # thousands dot? One dot is a decimal point: 1
        ("7.2.1", "signed_docs", "1.234,0"),  # Vietnamese thousands and decimal
        ("2.2", "handled", None),  # missing numerator
    ]
    frame = _set_values(long, edits, codes[:30])
    extra = [
        # The same value twice is counted once; two different values are a conflict: neither used.
        frame.filter((pl.col("commune_code") == codes[30]) & (pl.col("criterion_id") == "3.1")),
        frame.filter((pl.col("commune_code") == codes[31]) & (pl.col("criterion_id") == "6.4")).with_columns(
            pl.lit("không").alias("value")
        ),
        # N/A on an item that does not allow it (refused), and on one counted in full.
        frame.filter((pl.col("commune_code") == codes[32]) & (pl.col("criterion_id") == "1.4"))
        .head(1)
        .with_columns(pl.lit("có").alias("n/a")),
        frame.filter((pl.col("commune_code") == codes[33]) & (pl.col("criterion_id") == "2.1.1")).with_columns(
            pl.lit("có").alias("n/a")
        ),
        # A commune missing from the register.
        frame.filter(pl.col("commune_code") == codes[0]).head(3).with_columns(pl.lit("99999").alias("commune_code")),
    ]
    frame = frame.with_columns(
        # Evidence taken away: no number, then a date that is not one.
        pl.when((pl.col("commune_code") == codes[34]) & (pl.col("criterion_id") == "3.1"))
        .then(pl.lit(None, dtype=pl.String))
        .otherwise(pl.col("evidence_number"))
        .alias("evidence_number"),
        pl.when((pl.col("commune_code") == codes[35]) & (pl.col("criterion_id") == "1.4"))
        .then(pl.lit("hôm qua"))
        .otherwise(pl.col("evidence_date"))
        .alias("evidence_date"),
    )
    # One commune sends nothing for area 4 at all.
    frame = frame.filter(~((pl.col("commune_code") == codes[36]) & pl.col("criterion_id").str.starts_with("4.")))
    return pl.concat([frame, *extra])


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("peers-awkward")
    files = generate(CRITERIA, folder / "data", communes=60, districts=4, seed=11)
    long = pl.read_csv(files["assessments_long"], infer_schema=False)
    awkward(long).write_csv(files["assessments_long"])
    score_all(folder, files)
    return folder


@pytest.mark.parametrize("peer", sorted(PEERS))
def test_peer_agrees_with_pari_item_by_item(generated: Path, peer: str) -> None:
    found = compare(generated / "pari", generated / peer)
    assert found["items"] == 60 * 59
    assert found["communes"] == 60
    assert found["disagreements"] == 0, found


@pytest.mark.parametrize("peer", sorted(PEERS))
def test_peer_agrees_on_awkward_cells(edited: Path, peer: str) -> None:
    found = compare(edited / "pari", edited / peer)
    assert found["items"] == 60 * 59
    assert found["disagreements"] == 0, found


def test_awkward_cells_reach_the_branches_they_are_for(edited: Path) -> None:
    """The edits do reach the cases they were written for (in pari's own results)."""
    details = pl.read_parquet(edited / "pari" / "criteria.parquet")
    branches = set(details["branch"].str.replace(r":.*", "").unique().to_list())
    assert {"no_denominator", "after_late_until", "missing", "na_full_points", "na_excluded"} <= branches
    statuses = set(details["status"].unique().to_list())
    assert {"not_assessed", "evidence_missing", "excluded"} <= statuses
    floor = details.filter(pl.col("criterion_id") == "2.3")["final_score"].min()
    assert floor == -0.25


def _changed(path: Path, column: str, value: Any) -> None:
    frame = pl.read_parquet(path)
    first = pl.int_range(pl.len()) == 0
    frame.with_columns(pl.when(first).then(pl.lit(value)).otherwise(pl.col(column)).alias(column)).write_parquet(path)


def test_compare_counts_each_disagreement(generated: Path, tmp_path: Path) -> None:
    """The check can fail: one item's points, one rank and one class changed are three."""
    copy = tmp_path / "peer"
    copy.mkdir()
    for name in ("details.parquet", "totals.parquet"):
        (copy / name).write_bytes((generated / "duckdb" / name).read_bytes())
    _changed(copy / "details.parquet", "points", 123)
    _changed(copy / "totals.parquet", "rank", 999)
    _changed(copy / "totals.parquet", "class", "none of these")
    found = compare(generated / "pari", copy)
    assert (found["item_disagreements"], found["rank_disagreements"], found["class_disagreements"]) == (1, 1, 1)
    assert found["disagreements"] == 3


def test_duckdb_peer_writes_one_case_per_item() -> None:
    """The SQL is generated from the set: one expression per item, none written by hand."""
    plan = load_plan(CRITERIA)
    sql = duckdb_peer._details_sql(plan)
    assert sql.count("'criterion_id': ") == len(plan.leaves) == 59
