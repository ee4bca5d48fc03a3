"""Percentages written as marks on a scale (4,2 of 5, 8,5 of 10): ``percent-on-a-scale``.

A survey tool's mean marks (1 to 5, or 0 to 10) typed where the share satisfied belongs were each
scored as a rate of a few percent: every commune's survey part (30 points of the Hà Nội set) was
lost with exit 0 and no finding. A unit's percentages in one sheet, three or more, none above 10
and one above 1, are refused now; a unit with one rate above 10, or rates written with a % sign,
is scored as given.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from example_runs import EXAMPLES, one_commune_refused, score_survey

from pari_index.outputs.results import read_results

SURVEY = pl.read_csv(EXAMPLES / "survey.csv", infer_schema=False)


def _as_marks(
    survey: pl.DataFrame, communes: list[str] | None = None, top: int = 5, sign: bool = False
) -> pl.DataFrame:
    """``survey``'s values of ``communes`` (all when None) as marks of 1 to 5 (``top`` 5: a share
    of p % is 1 + 4p/100) or of 0 to 10 (``top`` 10: p/10), written with one decimal, or with a %
    sign (a percentage as written)."""
    mine = pl.lit(True) if communes is None else pl.col("commune_code").is_in(communes)
    share = pl.col("value").str.replace(",", ".").cast(pl.Float64) / 100
    mark = (1 + 4 * share) if top == 5 else 10 * share
    written = mark.round(1).cast(pl.String)
    written = written + " %" if sign else written
    return survey.with_columns(pl.when(mine).then(written).otherwise(pl.col("value")).alias("value"))


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pl.DataFrame]:
    code, output, out = score_survey(tmp_path_factory.mktemp("clean"), SURVEY)
    assert code == 0, output
    return read_results(out)


@pytest.mark.parametrize("top", [5, 10])
def test_a_survey_file_of_marks_is_refused_not_scored_as_a_few_percent(tmp_path: Path, top: int) -> None:
    """Every row refused, so the run stops as for a survey that gives nothing (survey-missing)
    instead of ranking every commune without its survey part."""
    code, output, out = score_survey(tmp_path, _as_marks(SURVEY, top=top))
    assert code == 1 and not out.exists()
    first = "5.0" if top == 5 else "10.0"
    assert f"row 2 column «value»: {first} looks like a mark on a scale (1 to 5, 0 to 10)" in output
    assert "[percent-on-a-scale]" in output and "[survey-missing]" in output
    assert "[percent-as-fraction]" not in output


def test_one_commune_of_marks_is_refused_and_the_others_scored(tmp_path: Path, clean: dict[str, pl.DataFrame]) -> None:
    scored = score_survey(tmp_path, _as_marks(SURVEY, ["00007"]))
    one_commune_refused(scored, SURVEY, clean, "percent-on-a-scale", "00007")


def test_low_rates_that_are_percentages_are_kept(tmp_path: Path, clean: dict[str, pl.DataFrame]) -> None:
    """A commune's rates all written with a % sign (4,7 %: as written), and a commune's marks
    beside one rate above 10 (its other rates may be low), are percentages: no finding, scored as
    given."""
    survey = _as_marks(SURVEY, ["00010"], sign=True)
    survey = _as_marks(survey, ["00004"])
    first = SURVEY.with_row_index().filter(pl.col("commune_code") == "00004")["index"][0]
    survey = survey.with_columns(
        pl.when(pl.int_range(pl.len()) == first).then(pl.lit("10,5")).otherwise("value").alias("value")
    )
    code, output, out = score_survey(tmp_path, survey)
    assert code == 0, output
    tables = read_results(out)
    assert "percent-on-a-scale" not in tables["findings"]["kind"].to_list()
    points = dict(tables["summary"].select("commune_code", "survey_points").iter_rows())
    before = dict(clean["summary"].select("commune_code", "survey_points").iter_rows())
    assert points["00010"] < before["00010"] / 5  # 4,7 % scored as 4,7 %, as it says
    assert points["00004"] < before["00004"] / 5


def test_commune_batches_refuse_the_same_cells(tmp_path: Path) -> None:
    """Per unit and sheet, so a run a commune at a time finds exactly what one batch finds."""
    survey = _as_marks(SURVEY, ["00004", "00007", "00031"], top=10)
    found = []
    for size in ("1", "7", "1000"):
        folder = tmp_path / size
        folder.mkdir()
        code, output, out = score_survey(folder, survey, "--batch-size", size)
        assert code == 1, output
        findings = read_results(out)["findings"]
        found.append(findings.filter(pl.col("kind") == "percent-on-a-scale").select("commune_code", "row").rows())
    assert found[0] == found[1] == found[2] and len(found[0]) == 18
