"""Percentages written as fractions of 1 (0,925 for 92,5 %): ``percent-as-fraction``.

A survey tool's ratios, or a column computed as a share, give every commune's satisfaction as a
number up to 1; each was scored as under 1 %, and the survey part (30 points of the Hà Nội set)
was lost without a word. A unit's percentages in one sheet, three or more, none above 1 and one a
fraction, are refused now; one low rate among others, or rates written with a % sign, are not.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from example_runs import EXAMPLES, one_commune_refused, score_survey

from pari_index.outputs.results import read_results

SURVEY = pl.read_csv(EXAMPLES / "survey.csv", infer_schema=False)


def _as_fractions(survey: pl.DataFrame, communes: list[str] | None = None, sign: bool = False) -> pl.DataFrame:
    """``survey``'s values of ``communes`` (all when None) divided by 100, as a survey tool writes
    them (``0.925``), or with a % sign (``0.925 %``: a percentage as written)."""
    mine = pl.lit(True) if communes is None else pl.col("commune_code").is_in(communes)
    fraction = (pl.col("value").str.replace(",", ".").cast(pl.Float64) / 100).round(4).cast(pl.String)
    written = fraction + " %" if sign else fraction
    return survey.with_columns(pl.when(mine).then(written).otherwise(pl.col("value")).alias("value"))


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pl.DataFrame]:
    code, output, out = score_survey(tmp_path_factory.mktemp("clean"), SURVEY)
    assert code == 0, output
    return read_results(out)


def test_a_survey_file_of_fractions_is_refused_not_scored_as_under_one_percent(tmp_path: Path) -> None:
    """Every row refused (1,0 too: 100 % as a fraction), so the run stops as for a survey that
    gives nothing (survey-missing) instead of ranking every commune without its survey part."""
    code, output, out = score_survey(tmp_path, _as_fractions(SURVEY))
    assert code == 1 and not out.exists()
    assert "row 2 column «value»: 1.0 looks like a fraction of 1 (1 for 100 %)" in output
    assert "[percent-as-fraction]" in output and "[survey-missing]" in output


def test_one_commune_of_fractions_is_refused_and_the_others_scored(
    tmp_path: Path, clean: dict[str, pl.DataFrame]
) -> None:
    scored = score_survey(tmp_path, _as_fractions(SURVEY, ["00007"]))
    one_commune_refused(scored, SURVEY, clean, "percent-as-fraction", "00007")


def test_low_rates_that_are_percentages_are_kept(tmp_path: Path, clean: dict[str, pl.DataFrame]) -> None:
    """One rate of 0,5 % among a commune's others, and a commune's rates all written with a %
    sign (0,925 %: as written), are percentages: no finding, scored as given."""
    survey = _as_fractions(SURVEY, ["00010"], sign=True)
    first = SURVEY.with_row_index().filter(pl.col("commune_code") == "00004")["index"][0]
    survey = survey.with_columns(
        pl.when(pl.int_range(pl.len()) == first).then(pl.lit("0,5")).otherwise("value").alias("value")
    )
    code, output, out = score_survey(tmp_path, survey)
    assert code == 0, output
    tables = read_results(out)
    assert "percent-as-fraction" not in tables["findings"]["kind"].to_list()
    points = dict(tables["summary"].select("commune_code", "survey_points").iter_rows())
    before = dict(clean["summary"].select("commune_code", "survey_points").iter_rows())
    assert points["00010"] < before["00010"] / 10  # 0,925 % scored as 0,925 %, as it says
    assert points["00004"] < before["00004"]


def test_commune_batches_refuse_the_same_cells(tmp_path: Path) -> None:
    """Per unit and sheet, so a run a commune at a time finds exactly what one batch finds."""
    survey = _as_fractions(SURVEY, ["00004", "00007", "00031"])
    found = []
    for size in ("1", "7", "1000"):
        folder = tmp_path / size
        folder.mkdir()
        code, output, out = score_survey(folder, survey, "--batch-size", size)
        assert code == 1, output
        findings = read_results(out)["findings"]
        found.append(findings.filter(pl.col("kind") == "percent-as-fraction").select("commune_code", "row").rows())
    assert found[0] == found[1] == found[2] and len(found[0]) == 18
