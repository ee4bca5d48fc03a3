"""Last year's units that no unit of this run takes up are said (ranking/previous_year,
``previous-units-unmatched``).

Before (session 21): results of the province before the merger given as ``--previous`` without
``--lineage`` matched no unit; every unit's note was "not in last year's results", exit 0, and no
finding said that last year's rows were compared with nothing."""

from __future__ import annotations

from pathlib import Path

import polars as pl

import pari_index as pari
from pari_index.messages.rendering import render, render_hint
from pari_index.ranking.previous_year import unmatched_problems

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _previous(*codes: str) -> dict[str, pl.DataFrame]:
    ranks = [str(i + 1) for i in range(len(codes))]
    return {"summary": pl.DataFrame({"commune_code": list(codes), "rank": ranks, "index": ["80"] * len(codes)})}


#: How the units are said to be taken up: by this run's codes alone, without a lineage table (the
#: message named «--lineage» to a run that had none until session 34), or with its old codes too.
WITHOUT_LINEAGE = {"taken_up": "codes", "not_taken_up": "codes", "previous_hint": "codes"}
THROUGH_LINEAGE = {"taken_up": "lineage", "not_taken_up": "lineage", "previous_hint": "lineage"}


def _lineage(*rows: tuple[str, str]) -> pl.DataFrame:
    return pl.DataFrame({"old_code": [r[0] for r in rows], "new_code": [r[1] for r in rows]})


def test_units_of_last_year_no_unit_takes_up_are_counted_and_named() -> None:
    codes = pl.Series(["00001", "00004", "00007"])
    found = unmatched_problems(codes, _previous("00001", " 00002", "00003", "00004"), None, "last.xlsx")
    assert [(p.code, p.severity, p.file) for p in found] == [("previous-units-unmatched", "warning", "last.xlsx")]
    assert found[0].params == {"count": 2, "total": 4, "codes": "00002, 00003", **WITHOUT_LINEAGE}


def test_the_lineage_s_old_codes_are_taken_up_and_a_linked_unit_s_own_code_is_not() -> None:
    codes = pl.Series(["00001", "00004", "00007"])
    lineage = _lineage(("00002", "00001"), ("00003", "00001"), ("00005", "00099"))
    # 00001 is compared with 00002 and 00003 (not with its own last year's code); 00005 links to no unit.
    found = unmatched_problems(codes, _previous("00001", "00002", "00003", "00004", "00005"), lineage, "last")
    assert found[0].params == {"count": 2, "total": 5, "codes": "00001, 00005", **THROUGH_LINEAGE}
    lineage = _lineage(("00002", "00001"), ("00001", "00001"), ("00003", "00007"), ("00005", "00007"))
    assert unmatched_problems(codes, _previous("00001", "00002", "00003", "00004", "00005"), lineage, "x") == []


def test_only_the_first_codes_are_named() -> None:
    last = [f"{i:05d}" for i in range(100, 120)]
    found = unmatched_problems(pl.Series(["00001"]), _previous(*last), None, "last")
    assert found[0].params == {
        "count": 20,
        "total": 20,
        "codes": "00100, 00101, 00102, 00103, 00104, …",
        **WITHOUT_LINEAGE,
    }


def test_the_library_says_it_as_the_command_does(tmp_path: Path) -> None:
    result = pari.score(
        [EXAMPLES / "assessments_long.csv"], communes=EXAMPLES / "communes.csv", survey=[EXAMPLES / "survey.csv"]
    )
    folder = tmp_path / "last"
    folder.mkdir()
    pl.DataFrame({"commune_code": ["00001", "99999"], "rank": ["1", "2"], "index": ["90", "80"]}).write_csv(
        folder / "summary.csv"
    )
    pl.DataFrame({"key": ["criteria_id"], "value": ["x"]}).write_csv(folder / "about.csv")
    pari.rank(result, previous=folder)
    found = pari.findings(result, lang="en").filter(pl.col("kind") == "previous-units-unmatched")
    assert found["message"].to_list() == [
        "1 of the 2 units of last year's results is no unit of this run (99999): not compared with any unit of "
        "this year"
    ]
    # pari.findings names the library's argument (since session 39; the results written keep --lineage).
    assert found["hint"].str.starts_with("if units were merged or given new codes, give lineage=").all()


def test_one_unit_left_agrees_in_english_and_the_hint_follows_the_lineage_given() -> None:
    """Until session 35 «1 of the 2 units … are no unit», and a run given --lineage was told to give
    --lineage."""
    codes = pl.Series(["00001", "00004"])
    lineage = _lineage(("00002", "00001"))
    found = unmatched_problems(codes, _previous("00002", "00003", "00004"), lineage, "last")
    assert found[0].params == {
        "count": 1,
        "total": 3,
        "codes": "00003",
        **THROUGH_LINEAGE,
        "not_taken_up": "lineage_one",
    }
    assert render("previous-units-unmatched", found[0].params, "en") == (
        "1 of the 3 units of last year's results is no unit of this run and no old code of --lineage (00003): "
        "not compared with any unit of this year"
    )
    for lang, start in (("en", "check that --lineage links"), ("vi", "kiểm tra --lineage có nối")):
        assert render_hint("previous-units-unmatched", lang, params=found[0].params).startswith(start)
    assert found[0].hint == render_hint("previous-units-unmatched", "en", params=found[0].params)
    two = unmatched_problems(codes, _previous("00001", "00003", "00005"), None, "last")[0]
    assert render("previous-units-unmatched", two.params, "en").startswith(
        "2 of the 3 units of last year's results are no unit of this run (00003, 00005)"
    )
    assert render_hint("previous-units-unmatched", "en", params=two.params).startswith("if units were merged")
