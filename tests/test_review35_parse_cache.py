"""Review of session 35: the parse cache (intake.cell_types._PARSED) kept across runs in one process.

The cache is keyed by the parser function alone: it is only right while every parser's result
depends on the text and nothing else (not the year, the criteria set, a level map, the language).
These runs score two different criteria sets, years and languages one after the other in one
process, each with the cache warmed by the other, and compare every table with the same run made
with the cache empty (as a fresh process makes it); then once with a fresh ``pari`` process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from pari_index import score
from pari_index.intake import cell_types

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
HAI_PHONG = EXAMPLES / "hai-phong-2022"


def _run(folder: Path, criteria: str, year: int, lang: str) -> dict[str, object]:
    """The arguments of ``score`` for an example folder's files."""
    return {
        "assessments": [folder / "assessments_long.csv"],
        "criteria": ROOT / "criteria" / criteria,
        "communes": folder / "communes.csv",
        "appraisal": folder / "appraisal.csv",
        "survey": [folder / "survey.csv"],
        "year": year,
        "lang": lang,
    }


RUNS = {
    "ha-noi-2025": _run(EXAMPLES, "ha-noi-2025-commune.yaml", 2025, "vi"),
    "hai-phong-2022": _run(HAI_PHONG, "hai-phong-2022-commune.yaml", 2022, "en"),
    # The Ha Noi files scored as another year (the deadlines, the dates against them), without
    # the appraisal.
    "ha-noi-as-2024": {**_run(EXAMPLES, "ha-noi-2025-commune.yaml", 2024, "en"), "appraisal": None},
}


def _tables(name: str) -> dict[str, pl.DataFrame]:
    result = score(**RUNS[name])  # type: ignore[arg-type]
    return {
        "totals": result.totals,
        "details": result.details,
        "findings": result.findings,
        "ledger": result.ledger,
    }


def _fresh(name: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, pl.DataFrame]:
    monkeypatch.setattr(cell_types, "_PARSED", {})
    return _tables(name)


@pytest.mark.parametrize(("first", "then"), [("hai-phong-2022", "ha-noi-2025"), ("ha-noi-2025", "ha-noi-as-2024")])
def test_a_run_after_another_in_one_process_is_the_run_made_fresh(
    first: str, then: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cell_types, "_PARSED", {})
    _tables(first)
    assert cell_types._PARSED, "the first run must have filled the cache for this test to mean anything"
    warm = _tables(then)
    fresh = _fresh(then, monkeypatch)
    for table, frame in warm.items():
        assert_frame_equal(frame, fresh[table], check_row_order=True)


def test_a_run_after_another_gives_the_totals_a_fresh_pari_process_gives(tmp_path: Path) -> None:
    _tables("hai-phong-2022")  # the cache warmed by another province, another year
    warm = _tables("ha-noi-as-2024")["totals"]
    run = RUNS["ha-noi-as-2024"]
    out = tmp_path / "fresh"
    argv = [sys.executable, "-m", "pari_index", "--lang", "en", "score", str(EXAMPLES / "assessments_long.csv")]
    argv += ["--criteria", str(run["criteria"]), "--communes", str(run["communes"])]
    argv += ["--survey", str(EXAMPLES / "survey.csv"), "--year", "2024", "--format", "csv", "-o", str(out)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    fresh = pl.read_csv(out / "summary.csv", schema_overrides={"commune_code": pl.String})
    points = ("total_points", "appraised_points", "survey_points")  # in memory in units of 1/10,000
    got = warm.select(pl.col("commune_code").cast(pl.String), *(pl.col(c).cast(pl.Float64) / 10_000 for c in points))
    want = fresh.select("commune_code", *(pl.col(c).cast(pl.Float64) for c in points))
    got, want = got.sort("commune_code"), want.sort("commune_code")
    assert got.height == 60
    assert_frame_equal(got, want)


def test_long_texts_are_not_kept_past_the_bytes_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """A few long texts in number cells (a pasted paragraph) are parsed and not kept after the run."""
    from pari_index.intake.cell_types import parsed_once
    from pari_index.intake.values import parse_exact

    monkeypatch.setattr(cell_types, "_PARSED", {})
    monkeypatch.setattr(cell_types, "PARSED_KEPT_BYTES", 10)
    short = pl.DataFrame({"v": ["1", "22"]})
    assert short.select(parsed_once(short, "v", parse_exact)).to_series().to_list() == [10**14, 22 * 10**14]
    assert sorted(cell_types._PARSED[parse_exact].get_column("_text").to_list()) == ["1", "22"]
    long = pl.DataFrame({"v": ["x" * 40, "1"]})
    assert long.select(parsed_once(long, "v", parse_exact)).to_series().to_list() == [None, 10**14]
    assert sorted(cell_types._PARSED[parse_exact].get_column("_text").to_list()) == ["1", "22"]
