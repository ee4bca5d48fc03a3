"""A group's name written in several letter cases or spacings is one group (ranking.spellings).

Before (session 19): a register writing "Quận Quý Hậu" in most rows and "QUẬN QUÝ HẬU" in one
ranked that one commune first of a group of one, and its district without it, with no finding."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pari_index as pari
from pari_index.ranking.ranks import rank

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _register(path: Path, respell: dict[str, str]) -> Path:
    """The example's register with the district of the communes in ``respell`` written so."""
    with open(EXAMPLES / "communes.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["district"] = respell.get(row["code"], row["district"])
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _result(register: Path) -> pari.ScoreResult:
    return pari.score(
        [EXAMPLES / "assessments_long.csv"],
        communes=register,
        appraisal=EXAMPLES / "appraisal.csv",
        survey=[EXAMPLES / "survey.csv"],
    )


@pytest.fixture(scope="module")
def clean() -> pari.ScoreResult:
    return _result(EXAMPLES / "communes.csv")


def _ranks(summary: pl.DataFrame) -> dict[str, tuple[str, int | None, int]]:
    return {
        code: (group, r, size)
        for code, group, r, size in summary.select("commune_code", "group", "rank", "group_size").iter_rows()
    }


def test_a_name_in_capitals_a_lower_case_prefix_and_double_spaces_rank_as_their_district(
    tmp_path: Path, clean: pari.ScoreResult
) -> None:
    districts = dict(clean.totals.select("commune_code", "district").iter_rows())
    first = clean.totals.sort("commune_code").unique("district", keep="first", maintain_order=True)["commune_code"]
    a, b, c = first[0], first[1], first[2]  # a commune of each of three districts
    respell = {
        a: districts[a].upper(),
        b: districts[b][0].lower() + districts[b][1:],
        c: districts[c].replace(" ", "  "),
    }
    result = _result(_register(tmp_path / "communes.csv", respell))
    expected = _ranks(pari.rank(clean, group_by="district"))
    assert _ranks(pari.rank(result, group_by="district")) == expected
    found = result.findings.filter(pl.col("kind") == "group-spellings")
    assert found.height == len({districts[code] for code in respell})
    assert found["severity"].unique().to_list() == ["warning"] and found["column"].unique().to_list() == ["district"]
    one = found.filter(pl.col("message").str.contains(districts[a].upper(), literal=True))["message"][0]
    assert f"ranked as one group, «{districts[a]}»" in one and f"«{districts[a].upper()}» (1)" in one


def test_the_warning_reaches_the_results_in_both_languages(tmp_path: Path, clean: pari.ScoreResult) -> None:
    from click.testing import CliRunner

    from pari_index.cli import main

    district = clean.totals.filter(pl.col("commune_code") == "00001")["district"][0]
    register = _register(tmp_path / "communes.csv", {"00001": district.upper()})
    for lang, words in (("vi", "được xếp hạng chung một nhóm"), ("en", "they are ranked as one group")):
        out = tmp_path / f"{lang}.xlsx"
        args = [
            str(EXAMPLES / "assessments_long.csv"),
            "--communes",
            str(register),
            "--survey",
            str(EXAMPLES / "survey.csv"),
        ]
        done = CliRunner().invoke(main, ["score", *args, "--group-by", "district", "-o", str(out), "--lang", lang])
        assert done.exit_code == 0, done.output
        findings = pari.read_results(out)["findings"]
        said = findings.filter(pl.col("kind") == "group-spellings")["message"].to_list()
        assert len(said) == 1 and words in said[0], said


_SHORT = {"Quận ": ("Q. ", "Q.", "q. "), "Huyện ": ("H. ", "H.", "h. "), "Thị xã ": ("TX. ", "TX ", "tx.")}


def test_a_shortened_type_word_ranks_as_its_district(tmp_path: Path, clean: pari.ScoreResult) -> None:
    """Session 21: «TP. Hà Nội» beside «Thành phố Hà Nội» (or «Q. Quý Hậu» beside «Quận Quý Hậu»)
    was a group of its own, its units ranked first to fifth of five, without a word."""
    districts = dict(clean.totals.sort("commune_code").select("commune_code", "district").iter_rows())
    respell: dict[str, str] = {}
    for word, shorts in _SHORT.items():
        codes = [code for code, name in districts.items() if name.startswith(word)][: len(shorts)]
        respell |= {code: short + districts[code][len(word) :] for code, short in zip(codes, shorts, strict=True)}
    assert len(respell) == 9
    result = _result(_register(tmp_path / "communes.csv", respell))
    expected = _ranks(pari.rank(clean, group_by="district"))
    assert _ranks(pari.rank(result, group_by="district")) == expected
    found = result.findings.filter(pl.col("kind") == "group-spellings")["message"].to_list()
    assert len(found) == len({districts[code] for code in respell})
    assert all("a shortened type word (TP., Q., H.)" in said for said in found)


def test_the_province_shortened_ranks_with_the_set_s_province(tmp_path: Path, clean: pari.ScoreResult) -> None:
    with open(EXAMPLES / "communes.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows[:5]:
        row["province"] = row["province"].replace("Thành phố ", "TP. ")
    with open(tmp_path / "communes.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = _result(tmp_path / "communes.csv")
    assert _ranks(pari.rank(result)) == _ranks(pari.rank(clean))
    found = result.findings.filter(pl.col("kind") == "group-spellings")["message"].to_list()
    assert found == [
        "the «province» column writes one name 2 ways, differing only in letter case, spaces, the place of a tone "
        "mark (Hòa/Hoà, Thủy/Thuỷ), i or y (Kỳ/Kì), a shortened type word (TP., Q., H.), characters nothing shows or "
        "letters of another alphabet drawn as Latin ones (<U+...>): «Thành phố Hà Nội» (55), «TP. Hà Nội» (5); they "
        "are ranked as one group, «Thành phố Hà Nội»"
    ]


def test_a_name_without_its_type_word_stays_apart(tmp_path: Path, clean: pari.ScoreResult) -> None:
    """«Thị xã Kỳ Anh» and «Huyện Kỳ Anh» were two units: a type word left out is not guessed."""
    district = clean.totals.filter(pl.col("commune_code") == "00001")["district"][0]
    bare = district.split(" ", 1)[1]
    result = _result(_register(tmp_path / "communes.csv", {"00001": bare}))
    summary = pari.rank(result, group_by="district")
    assert summary.filter(pl.col("commune_code") == "00001")["group_size"][0] == 1
    assert result.findings.filter(pl.col("kind") == "group-spellings").height == 0


def test_names_that_differ_in_letters_or_accents_stay_apart(tmp_path: Path, clean: pari.ScoreResult) -> None:
    district = clean.totals.filter(pl.col("commune_code") == "00001")["district"][0]
    plain = district.replace("ậ", "a").replace("ý", "y")  # "Quan Quy Hau": another place, as written
    assert plain != district
    result = _result(_register(tmp_path / "communes.csv", {"00001": plain}))
    summary = pari.rank(result, group_by="district")
    assert summary.filter(pl.col("commune_code") == "00001")["group_size"][0] == 1
    assert result.findings.filter(pl.col("kind") == "group-spellings").height == 0


def test_a_level_keyed_by_its_code_is_not_respelled(clean: pari.ScoreResult) -> None:
    """With district_code, the code is the key: the spellings' groups are the codes'."""
    totals = clean.totals.with_columns(
        pl.col("district").alias("district_code"),
        pl.when(pl.col("commune_code") == "00001")
        .then(pl.col("district").str.to_uppercase())
        .otherwise(pl.col("district"))
        .alias("district"),
    )
    summary = rank(totals, clean.details, clean.criteria, group_by="district")
    assert summary["group_key"].n_unique() == clean.totals["district"].n_unique()


_CASES = st.sampled_from([str.upper, str.lower, str.title, lambda s: s, lambda s: " " + s.replace(" ", "   ") + " "])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_CASES, min_size=60, max_size=60))
def test_any_letter_case_and_spacing_of_the_districts_ranks_as_the_clean_register(
    clean: pari.ScoreResult, cases: list
) -> None:  # type: ignore[type-arg]
    expected = rank(clean.totals, clean.details, clean.criteria, group_by="district")
    districts = clean.totals["district"].to_list()
    respelled = clean.totals.with_columns(
        pl.Series("district", [case(d) for case, d in zip(cases, districts, strict=True)])
    )
    got = rank(respelled, clean.details, clean.criteria, group_by="district")
    assert dict(got.select("commune_code", "rank").iter_rows()) == dict(
        expected.select("commune_code", "rank").iter_rows()
    )
    assert got["group_size"].sort().to_list() == expected["group_size"].sort().to_list()
