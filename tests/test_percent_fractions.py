"""Percentages written as fractions of 1 (0,925 for 92,5 %): ``percent-as-fraction``.

A survey tool's ratios, or a column computed as a share, give every commune's satisfaction as a
number up to 1; each was scored as under 1 %, and the survey part (30 points of the Hà Nội set)
was lost without a word. A unit's percentages in one sheet, three or more, none above 1 and one a
fraction, are refused now; rates written with a % sign are not. Since session 31 a satisfaction
rate at or below 1 among the unit's others written out of 100 is told, scored as written
(``percent-fraction-among-percentages``, a warning); a unit's own rates (files late) may truly be so low.
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


def test_rates_written_with_a_percent_sign_are_kept_as_written(tmp_path: Path, clean: dict[str, pl.DataFrame]) -> None:
    """A commune's rates all written with a % sign (0,925 %) are percentages as written: no
    finding, scored as given."""
    code, output, out = score_survey(tmp_path, _as_fractions(SURVEY, ["00010"], sign=True))
    assert code == 0, output
    tables = read_results(out)
    assert not tables["findings"]["kind"].str.starts_with("percent-").any()
    points = dict(tables["summary"].select("commune_code", "survey_points").iter_rows())
    before = dict(clean["summary"].select("commune_code", "survey_points").iter_rows())
    assert points["00010"] < before["00010"] / 10  # 0,925 % scored as 0,925 %, as it says


def _every_other_cell_a_fraction(survey: pl.DataFrame) -> pl.DataFrame:
    fraction = (pl.col("value").str.replace(",", ".").cast(pl.Float64) / 100).round(4).cast(pl.String)
    odd = pl.int_range(pl.len()) % 2 == 1
    return survey.with_columns(pl.when(odd).then(fraction).otherwise(pl.col("value")).alias("value"))


def test_a_fraction_among_a_unit_s_satisfaction_rates_out_of_100_is_told(
    tmp_path: Path, clean: dict[str, pl.DataFrame]
) -> None:
    """Session 31: every other cell of the survey written as a fraction (0.91 beside 95 and 100)
    was scored as under 1 % satisfied, every commune's survey points cut by up to 60 %, exit 0 and
    no finding (percent-as-fraction asks that none of the unit's rates be above 1). Now each such
    cell is told at its row (a warning: it is scored as written, which may be true)."""
    survey = _every_other_cell_a_fraction(SURVEY)
    code, output, out = score_survey(tmp_path, survey)
    assert code == 0, output
    tables = read_results(out)
    found = tables["findings"].filter(pl.col("kind") == "percent-fraction-among-percentages")
    odd_rows = list(range(3, survey.height + 2, 2))
    low = survey.with_row_index("row", offset=2).filter(pl.col("row").is_in(odd_rows))
    small = low.filter(pl.col("value").str.replace(",", ".").cast(pl.Float64) > 0)["row"].to_list()
    assert sorted(found["row"].to_list()) == small
    assert found["severity"].unique().to_list() == ["warning"]
    assert "Satisfaction rate maybe written as a fraction" in output


def test_one_fraction_among_the_rates_is_told_and_a_low_rate_with_its_sign_is_not(tmp_path: Path) -> None:
    """One rate written 0,5 among a commune's others out of 100 is scored as 0,5 % and told (was
    silent until session 31); written 0,5 % it is a percentage as written, and not told."""
    first = SURVEY.with_row_index().filter(pl.col("commune_code") == "00004")["index"][0]
    at_first = pl.int_range(pl.len()) == first
    bare = SURVEY.with_columns(pl.when(at_first).then(pl.lit("0,5")).otherwise("value").alias("value"))
    signed = SURVEY.with_columns(pl.when(at_first).then(pl.lit("0,5 %")).otherwise("value").alias("value"))
    (tmp_path / "bare").mkdir()
    (tmp_path / "signed").mkdir()
    code, output, out = score_survey(tmp_path / "bare", bare)
    assert code == 0, output
    told = read_results(out)["findings"].filter(pl.col("kind") == "percent-fraction-among-percentages")
    assert told.select("commune_code", "row", "message").rows() == [
        (
            "00004",
            first + 2,
            "0,5 is scored as 0,5 % satisfied, but this unit's other satisfaction rates in the sheet"
            " are written out of 100: a fraction of 1 (1 for 100 %)?",
        )
    ]
    code, output, out = score_survey(tmp_path / "signed", signed)
    assert code == 0, output
    assert not read_results(out)["findings"]["kind"].str.starts_with("percent-").any()


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


def test_fractions_beside_one_rate_out_of_100_or_rates_written_with_a_sign_are_told(tmp_path: Path) -> None:
    """A reviewer's finds (session 31): four fractions beside one rate of 90,6, and one fraction
    beside rates written «92,6%», were silent (two bare rates above 10 were asked for)."""
    units = SURVEY["commune_code"].unique(maintain_order=True).to_list()
    first, second = units[0], units[1]
    items = pl.col("criterion_id")
    last = items == SURVEY.filter(pl.col("commune_code") == first)["criterion_id"].max()
    earliest = items == SURVEY.filter(pl.col("commune_code") == second)["criterion_id"].min()
    mine, theirs = pl.col("commune_code") == first, pl.col("commune_code") == second
    survey = SURVEY.with_columns(
        pl.when(mine & ~last)
        .then(pl.lit("0,9"))
        .when(theirs & earliest)
        .then(pl.lit("0,9"))
        .when(theirs)
        .then(pl.col("value") + "%")
        .otherwise("value")
        .alias("value")
    )
    code, output, out = score_survey(tmp_path, survey)
    assert code == 0, output
    told = read_results(out)["findings"].filter(pl.col("kind") == "percent-fraction-among-percentages")
    per_unit = dict(told.group_by("commune_code").len().iter_rows())
    assert per_unit == {first: SURVEY.filter(mine).height - 1, second: 1}
