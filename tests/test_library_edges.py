"""The library as an analyst uses it: what `import pari_index as pari` took without a word.

Found by a campaign of analyst's calls on the facade (session 28), each measured on the code before:

- a CriteriaSet built in Python (``CriteriaSet.model_validate``), or changed with ``model_copy``,
  was scored without the checks of a criteria file: class bands that overlap ranked every
  commune of the example in one class; a year of 1900 was scored;
- ``write_results`` and ``write_report`` wrote a ranking of another run, or one cut to 3 of the 60
  units, or any frame at all, as the summary beside this run's items and findings;
- ``pari.score`` read the same file given twice, or a copy of it, twice (11,998 repeated-row
  warnings, no error), which ``pari score`` refuses;
- ``year=1800`` scored every deadline as missed and ``year=-1`` failed in datetime ("year 0 is out of
  range"); ``write_report(date="yesterday")`` printed that as the report's date;
- ``explain_text`` of a mistyped code returned an empty text; an area's id explained nothing;
- ``scan_details()`` of a result not kept (``pari.score(...).scan_details().filter(...)``) failed
  on collect with polars' "No such file or directory" of a temporary file;
- ``display_frame("x")`` failed with AttributeError, a call with a positional argument too many
  with "too many positional arguments", naming no function.
"""

from __future__ import annotations

import dataclasses
import gc
import shutil
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from test_differential import criteria_data, load

import pari_index as pari
from pari_index.criteria.model import CriteriaSet
from pari_index.criteria.objects import checked_criteria
from pari_index.errors import CriteriaError, UsageError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "examples" / "hai-phong-2022"
CRITERIA = ROOT / "criteria" / "hai-phong-2022-commune.yaml"
FILES: dict[str, Any] = {"communes": DATA / "communes.csv", "survey": [DATA / "survey.csv"]}


@pytest.fixture(scope="module")
def scored() -> tuple[pari.ScoreResult, pl.DataFrame]:
    result = pari.score([DATA / "assessments_long.csv"], pari.load_criteria(CRITERIA), **FILES)
    return result, pari.rank(result)


def _set_data() -> dict[str, Any]:
    data = yaml.safe_load(CRITERIA.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


# --- a criteria set given as an object -------------------------------------------------------------


def test_a_set_built_in_python_scores_as_its_file(scored: tuple[pari.ScoreResult, pl.DataFrame]) -> None:
    built = CriteriaSet.model_validate(_set_data())
    result = pari.score([DATA / "assessments_long.csv"], built, **FILES)
    assert result.totals.equals(scored[0].totals)


def test_a_set_built_in_python_with_overlapping_classes_is_refused() -> None:
    data = _set_data()
    # Xuất sắc from 90, then Tốt from 80 below 95: a commune at 92 would be in both.
    data["classes"][1]["below"] = 95
    built = CriteriaSet.model_validate(data)  # pydantic alone lets it through
    with pytest.raises(CriteriaError) as caught:
        pari.score([DATA / "assessments_long.csv"], built, **FILES)
    problem = caught.value.problems[0]
    assert problem.file == "CriteriaSet «hai-phong-2022-commune» (given as an object)"
    assert problem.line is None  # the lines of YAML the analyst never saw are not shown
    assert (problem.code, problem.message) == ("tier-overlap", "class 2 (>= 80 and < 95) overlaps class 1 (>= 90)")


def test_a_loaded_set_changed_with_model_copy_is_checked_again() -> None:
    changed = pari.load_criteria(CRITERIA).model_copy(update={"year": 1900})
    with pytest.raises(CriteriaError) as caught:
        pari.score([DATA / "assessments_long.csv"], changed, **FILES)
    assert caught.value.problems[0].code == "schema:greater_than_equal"
    assert caught.value.problems[0].render().startswith("CriteriaSet «hai-phong-2022-commune» (given as an object)")


def test_a_set_made_without_validation_is_refused_not_a_traceback() -> None:
    loaded = pari.load_criteria(CRITERIA)
    bare = CriteriaSet.model_construct(**{**dict(loaded), "areas": []})
    with pytest.raises(CriteriaError, match="areas"):
        pari.score([DATA / "assessments_long.csv"], bare, **FILES)


# --- the ranking written is the result's -----------------------------------------------------------


def test_write_results_refuses_a_ranking_cut_to_some_units(
    scored: tuple[pari.ScoreResult, pl.DataFrame], tmp_path: Path
) -> None:
    result, ranked = scored
    with pytest.raises(ValueError, match=r"it ranks 3 units, this result scored 36"):
        pari.write_results(tmp_path / "r.xlsx", result, ranked.head(3))
    assert not (tmp_path / "r.xlsx").exists()


def test_write_report_refuses_the_ranking_of_another_run(
    scored: tuple[pari.ScoreResult, pl.DataFrame], tmp_path: Path
) -> None:
    result, _ = scored
    other = pari.score(
        [DATA / "assessments_long.csv"], pari.load_criteria(CRITERIA), communes=DATA / "communes.csv", no_survey=True
    )
    with pytest.raises(ValueError, match=r"its 'survey_points', .* differ from this result's"):
        pari.write_report(tmp_path / "r.html", result, pari.rank(other))
    assert not (tmp_path / "r.html").exists()


def test_write_results_refuses_a_frame_that_is_no_ranking(
    scored: tuple[pari.ScoreResult, pl.DataFrame], tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=r"it has no column 'commune_code'"):
        pari.write_results(tmp_path / "r.xlsx", scored[0], pl.DataFrame({"a": [1]}))


def test_write_results_takes_the_ranking_in_any_order_and_with_columns_added(
    scored: tuple[pari.ScoreResult, pl.DataFrame], tmp_path: Path
) -> None:
    result, ranked = scored
    shuffled = ranked.sort("name", descending=True).with_columns(pl.lit("x").alias("analyst_note"))
    written = pari.write_results(tmp_path / "r", result, shuffled, fmt="parquet")
    summary = pl.read_parquet(next(p for p in written if p.name == "summary.parquet"))
    assert summary.height == result.totals.height


# --- pari.score's files are checked as pari score checks them --------------------------------------


def test_pari_score_refuses_a_file_given_twice() -> None:
    with pytest.raises(UsageError) as caught:
        pari.score([DATA / "assessments_long.csv"] * 2, CRITERIA, **FILES)
    assert [p.code for p in caught.value.problems] == ["input-given-twice"]


def test_pari_score_refuses_a_copy_under_another_name(tmp_path: Path) -> None:
    copy = shutil.copy(DATA / "assessments_long.csv", tmp_path / "copy.csv")
    with pytest.raises(UsageError) as caught:
        pari.score([DATA / "assessments_long.csv", copy], CRITERIA, **FILES)
    assert [p.code for p in caught.value.problems] == ["input-same-content"]
    assert caught.value.problems[0].params is not None
    assert caught.value.problems[0].params["option"] == "assessments"


# --- arguments a command would refuse -------------------------------------------------------------


@pytest.mark.parametrize("year", [1800, -1, 2101])
def test_a_year_out_of_the_span_is_refused(year: int) -> None:
    with pytest.raises(ValueError, match=rf"pari.score: year is an assessment year of 2000-2100, not {year}"):
        pari.score([DATA / "assessments_long.csv"], CRITERIA, year=year, **FILES)


@pytest.mark.parametrize("batch_size", [0, -3])
def test_a_batch_size_below_one_names_the_function(batch_size: int) -> None:
    with pytest.raises(ValueError, match=r"^pari.score: batch_size is a number of communes of at least 1"):
        pari.score([DATA / "assessments_long.csv"], CRITERIA, batch_size=batch_size, **FILES)


@pytest.mark.parametrize("date", ["yesterday", "2025-13-45", "0025-03-01"])
def test_write_report_refuses_a_date_that_is_not_one(
    scored: tuple[pari.ScoreResult, pl.DataFrame], tmp_path: Path, date: str
) -> None:
    result, ranked = scored
    with pytest.raises(UsageError) as caught:
        pari.write_report(tmp_path / "r.html", result, ranked, date=date)
    assert caught.value.problems[0].code == "bad-date"
    assert not (tmp_path / "r.html").exists()


def test_a_wrong_call_names_the_function() -> None:
    with pytest.raises(TypeError, match=r"^pari.run_score: too many positional arguments"):
        pari.run_score([DATA / "assessments_long.csv"], CRITERIA)
    with pytest.raises(TypeError, match=r"^pari.display_frame: frame takes a polars DataFrame or LazyFrame, not str"):
        pari.display_frame("x")  # type: ignore[type-var]


# --- explanations --------------------------------------------------------------------------------


def test_explain_text_of_a_mistyped_code_says_which_was_meant(scored: tuple[pari.ScoreResult, pl.DataFrame]) -> None:
    result, _ = scored
    code = result.totals["commune_code"][0]
    with pytest.raises(UsageError) as caught:
        pari.explain_text(result.details, result.leaves, code.lstrip("0"))
    problem = caught.value.problems[0]
    assert problem.code == "commune-not-in-results"
    assert problem.params is not None and problem.params["near"] == code
    with pytest.raises(UsageError) as unknown_item:
        pari.explain_text(result.details, result.leaves, code, "9.9.9")
    assert unknown_item.value.problems[0].code == "criterion-not-in-results"


def test_the_explain_stage_refuses_a_mistyped_code_as_the_facade_does(
    scored: tuple[pari.ScoreResult, pl.DataFrame],
) -> None:
    """The check sits in the stage (outputs.explain), not only in the facade: a caller of the
    stage got an empty text for a code the details do not hold."""
    from pari_index.outputs.explain import explain_text as stage_explain_text

    result, _ = scored
    code = result.totals["commune_code"][0]
    for details in (result.details, result.details.lazy()):
        with pytest.raises(UsageError) as caught:
            stage_explain_text(details, result.leaves, code.lstrip("0"), source="these details")
        assert caught.value.problems[0].code == "commune-not-in-results"
        assert "these details" in caught.value.problems[0].message
        with pytest.raises(UsageError) as unknown_item:
            stage_explain_text(details, result.leaves, code, "9.9.9")
        assert unknown_item.value.problems[0].code == "criterion-not-in-results"
    assert stage_explain_text(result.details.lazy(), result.leaves, code, "1.1") == pari.explain_text(
        result.details, result.leaves, code, "1.1"
    )


def test_explain_text_of_an_area_explains_each_item_under_it(scored: tuple[pari.ScoreResult, pl.DataFrame]) -> None:
    result, _ = scored
    code = result.totals["commune_code"][0]
    text = pari.explain_text(result.details, result.leaves, f" {code} ", "1.1", lang="en")
    under = [leaf.id for leaf in result.leaves if leaf.id.startswith("1.1.")]
    assert len(under) >= 2
    assert [line.split(" ")[0] for line in text.splitlines() if not line.startswith(" ")] == under


# --- a batched run's detail, read lazily -------------------------------------------------------------


def test_scan_details_outlives_the_result_it_came_from() -> None:
    whole = pari.score([DATA / "assessments_long.csv"], CRITERIA, batch_size=7, **FILES)
    expected = whole.details.filter(pl.col("status") != "scored").select("commune_code", "criterion_id")
    del whole
    lazy = (
        pari.score([DATA / "assessments_long.csv"], CRITERIA, batch_size=7, **FILES)
        .scan_details()
        .filter(pl.col("status") != "scored")
        .select("commune_code", "criterion_id")
    )
    gc.collect()
    assert lazy.collect().equals(expected)
    assert lazy.head(4).collect().equals(expected.head(4))


def test_scan_details_files_go_with_the_last_frame(
    scored: tuple[pari.ScoreResult, pl.DataFrame], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # TMPDIR read again
    lazy = pari.score([DATA / "assessments_long.csv"], CRITERIA, batch_size=7, **FILES).scan_details()
    gc.collect()
    assert list(tmp_path.glob("pari-detail-*/batch-*.parquet"))
    assert lazy.select(pl.len()).collect().item() == scored[0].details.height
    del lazy
    gc.collect()
    assert not list(tmp_path.glob("pari-detail-*"))


def test_explain_text_takes_the_lazy_detail_of_a_batched_run() -> None:
    result = pari.score([DATA / "assessments_long.csv"], CRITERIA, batch_size=7, **FILES)
    code = result.totals["commune_code"][5]
    assert pari.explain_text(result.scan_details(), result.leaves, code, "1.1") == pari.explain_text(
        result.details, result.leaves, code, "1.1"
    )


def test_paths_of_any_pathlike_kind_are_taken(scored: tuple[pari.ScoreResult, pl.DataFrame]) -> None:
    class Named:  # os.PathLike without being a str or a pathlib.Path (a path object of another library)
        def __init__(self, path: Path) -> None:
            self.path = path

        def __fspath__(self) -> str:
            return str(self.path)

    result = pari.score(
        Named(DATA / "assessments_long.csv"),  # type: ignore[arg-type]
        CRITERIA,
        communes=Named(DATA / "communes.csv"),  # type: ignore[arg-type]
        survey=[Named(DATA / "survey.csv")],  # type: ignore[list-item]
    )
    assert result.totals.equals(scored[0].totals)


def test_yaml_text_given_for_a_path_is_told_as_such() -> None:
    with pytest.raises(ValueError, match=r"this is YAML text: load it with .*load_criteria_text"):
        pari.load_criteria(CRITERIA.read_text(encoding="utf-8"))


# --- the YAML a set built in Python is written as loads back to the same set ------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=criteria_data())
def test_a_set_built_from_any_valid_data_is_checked_back_to_itself(data: dict[str, Any]) -> None:
    """Every rule kind, rounding policy, ladder and deadline the generator of the differential
    tests makes: checked_criteria writes the built set as YAML and loads it again, and must give
    the same set (a Decimal in exponent form or an enum written as its name would not load)."""
    loaded = load(data)
    built = CriteriaSet.model_validate(loaded.model_dump(by_alias=True, exclude_unset=True))
    assert built is not loaded
    assert checked_criteria(built) == loaded


def test_a_set_the_loader_made_is_not_checked_again() -> None:
    loaded = pari.load_criteria(CRITERIA)
    assert checked_criteria(loaded) is loaded


def test_a_result_shows_itself_in_one_line(scored: tuple[pari.ScoreResult, pl.DataFrame]) -> None:
    """A notebook printed 144 KB for ``result`` (the dataclass's repr of the set and the frames)."""
    result = scored[0]
    errors = result.findings.filter(pl.col("severity") == "error").height
    warnings = result.findings.filter(pl.col("severity") == "warning").height
    assert repr(result) == (
        f"ScoreResult(criteria='hai-phong-2022-commune', year=2022, units={result.totals.height}, "
        f"items={len(result.leaves)}, detail_rows={result.details.height}, input_rows={result.ledger.height}, "
        f"findings={result.findings.height} (errors={errors}, warnings={warnings}), complete=True)"
    )


def test_a_loaded_set_edited_in_place_is_checked_again() -> None:
    """The model is frozen but its lists are not: a loaded set with one class band replaced in
    place was trusted as loaded and ranked (review of session 28)."""
    loaded = pari.load_criteria(CRITERIA)
    loaded.classes[1] = loaded.classes[1].model_copy(update={"below": 95})
    with pytest.raises(CriteriaError) as caught:
        pari.score([DATA / "assessments_long.csv"], loaded, **FILES)
    assert caught.value.problems[0].code == "tier-overlap"


def test_a_loaded_criteria_whose_set_was_replaced_is_checked() -> None:
    from pari_index.criteria.loading import load_criteria

    loaded = load_criteria(CRITERIA)
    edited = dataclasses.replace(loaded, criteria=loaded.criteria.model_copy(update={"year": 1900}))
    with pytest.raises(CriteriaError, match="greater than or equal to 2000"):
        pari.score([DATA / "assessments_long.csv"], edited, **FILES)


def test_texts_that_read_as_numbers_stay_texts() -> None:
    """PyYAML writes ``1.5e3`` and ``-.5`` plain, and the strict reader takes them for numbers: a
    class of that name was refused as "not a string", with a hint to quote a file never seen."""
    data = _set_data()
    data["classes"][1]["name"], data["classes"][2]["name"] = "1.5e3", "-.5"
    built = CriteriaSet.model_validate(data)
    assert checked_criteria(built) == built


def test_yaml_text_of_one_line_given_for_a_path_is_told_as_such() -> None:
    with pytest.raises(ValueError, match=r"this is YAML text"):
        pari.load_criteria("{id: x, title: y}")


def test_run_score_takes_a_loaded_set_and_checks_a_built_one(tmp_path: Path) -> None:
    """pari.run_score(criteria=pari.load_criteria(...)) failed in pathlib ("expected str, bytes or
    os.PathLike object, not tuple"): the set was given to the path checks as a file."""
    files = {"assessments": [DATA / "assessments_long.csv"], **FILES}
    run = pari.run_score(**files, criteria=pari.load_criteria(CRITERIA), output=tmp_path / "r.xlsx")
    assert run.files[0] == tmp_path / "r.xlsx"
    data = _set_data()
    data["classes"][1]["below"] = 95
    with pytest.raises(CriteriaError) as caught:
        pari.run_score(**files, criteria=CriteriaSet.model_validate(data), output=tmp_path / "s.xlsx")
    assert caught.value.problems[0].code == "tier-overlap"
    assert not (tmp_path / "s.xlsx").exists()


def test_an_error_of_the_library_can_be_shown_in_vietnamese(tmp_path: Path) -> None:
    """An application built on the library shows officials pari's errors as `pari` prints them."""
    copy = shutil.copy(DATA / "assessments_long.csv", tmp_path / "copy.csv")
    with pytest.raises(UsageError) as caught:
        pari.score([DATA / "assessments_long.csv", copy], CRITERIA, **FILES)
    vietnamese = caught.value.render("vi")
    assert "là một bản sao mang tên khác" in vietnamese and "gợi ý:" in vietnamese
    assert caught.value.render() == str(caught.value)  # English by default, as before


# --- the intake read on its own, then scored -------------------------------------------------------


def test_read_intake_then_score_gives_the_run_of_score(scored: tuple[pari.ScoreResult, pl.DataFrame]) -> None:
    criteria = pari.load_criteria(CRITERIA)
    intake = pari.read_intake([DATA / "assessments_long.csv"], criteria, **FILES)
    assert isinstance(intake, pari.InputsRead) and intake.register.frame.height == scored[0].totals.height
    result = pari.score(intake, criteria)
    assert result.totals.equals(scored[0].totals)
    assert result.details.equals(scored[0].details)
    assert result.findings.equals(scored[0].findings)
    assert result.ledger.equals(scored[0].ledger)


def test_read_intake_by_batch_then_score_gives_the_same_files(tmp_path: Path) -> None:
    intake = pari.read_intake([DATA / "assessments_long.csv"], CRITERIA, batch_size=7, **FILES)
    assert intake.batched is not None  # read and checked a batch of communes at a time
    by_batch = pari.score(intake)
    whole = pari.score([DATA / "assessments_long.csv"], CRITERIA, **FILES)
    pari.write_results(tmp_path / "batch", by_batch, pari.rank(by_batch), fmt="csv")
    pari.write_results(tmp_path / "whole", whole, pari.rank(whole), fmt="csv")
    for name in ("summary", "criteria", "findings", "rows"):
        assert (tmp_path / "batch" / f"{name}.csv").read_bytes() == (tmp_path / "whole" / f"{name}.csv").read_bytes()


def test_inputs_read_are_scored_once_and_with_their_own_set() -> None:
    intake = pari.read_intake([DATA / "assessments_long.csv"], CRITERIA, **FILES)
    with pytest.raises(ValueError, match=r"communes belong to pari.read_intake"):
        pari.score(intake, communes=DATA / "communes.csv")
    with pytest.raises(ValueError, match=r"criteria is not the set these inputs were read with"):
        pari.score(intake, pari.load_criteria())
    pari.score(intake, CRITERIA)  # the same set, named by its file
    with pytest.raises(ValueError, match=r"scored already"):
        pari.score(intake)


def test_read_intake_refuses_what_pari_score_refuses() -> None:
    with pytest.raises(UsageError) as caught:
        pari.read_intake([DATA / "assessments_long.csv"] * 2, CRITERIA, **FILES)
    assert [p.code for p in caught.value.problems] == ["input-given-twice"]


def test_a_set_made_without_validation_is_scored_as_loaded_every_time() -> None:
    """The second scoring of one ``model_construct`` set (plain dicts inside) was given the set
    itself, remembered as checked, and failed in the compiler ("'dict' object has no attribute
    'not_applicable'"); the first was given the set its YAML loaded as."""
    bare = CriteriaSet.model_construct(**_set_data())
    first = pari.score([DATA / "assessments_long.csv"], bare, **FILES)
    second = pari.score([DATA / "assessments_long.csv"], bare, **FILES)
    assert second.totals.equals(first.totals)
