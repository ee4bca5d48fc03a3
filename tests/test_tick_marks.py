"""A yes/no answer ticked rather than written: ✓ ✔ ☑ are a yes as "x" and "có" are, ☐ a no as
"không" is (intake.values.TRUE_WORDS). Before, a form ticked in Word or Excel had every such cell
refused as bad-value and its items scored 0. A crossed mark (✗) stays unread: it means yes to
some and no to others."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _score(assessments: Path, out: Path) -> pl.DataFrame:
    args = ["score", str(assessments), "--communes", str(EXAMPLES / "communes.csv"), "--survey"]
    args += [str(EXAMPLES / "survey.csv"), "-o", str(out), "--format", "parquet", "-q", "--lang", "en"]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    return pl.read_parquet(out / "summary.parquet").select("commune_code", "total_points", "rank")


@pytest.mark.parametrize(("yes", "no"), [("✓", "☐"), ("✔", "☐"), ("☑", "☐"), (" ✓ ", "không")])
def test_ticks_score_as_the_words_they_stand_for(tmp_path: Path, yes: str, no: str) -> None:
    rows = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False)
    ticked = rows.with_columns(
        pl.when(pl.col("value") == "có")
        .then(pl.lit(yes))
        .when(pl.col("value") == "không")
        .then(pl.lit(no))
        .otherwise(pl.col("value"))
        .alias("value")
    )
    assert (ticked["value"] == "có").sum() == 0 and (ticked["value"] == yes).sum() == 697
    ticked.write_csv(tmp_path / "ticked.csv")
    assert _score(tmp_path / "ticked.csv", tmp_path / "t").equals(
        _score(EXAMPLES / "assessments_long.csv", tmp_path / "w")
    )


def test_a_crossed_mark_is_not_read(tmp_path: Path) -> None:
    rows = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False)
    rows.with_columns(pl.col("value").replace({"có": "✗"})).write_csv(tmp_path / "crossed.csv")
    args = ["score", str(tmp_path / "crossed.csv"), "--communes", str(EXAMPLES / "communes.csv"), "--survey"]
    args += [str(EXAMPLES / "survey.csv"), "-o", str(tmp_path / "c"), "--format", "parquet", "--lang", "en"]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 1, done.output  # results written; the crossed cells are errors, not used
    findings = pl.read_parquet(tmp_path / "c" / "findings.parquet")
    crossed = findings.filter((pl.col("kind") == "bad-value") & pl.col("message").str.contains("✗"))
    assert crossed.height == 697, findings["kind"].value_counts()
