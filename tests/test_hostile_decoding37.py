"""What the cases of tests/hostile_decoding37.py answer: a code typed with a curly apostrophe
(or another typed for Excel's text mark) is the register's code, in every input and format; and
the function that reads it (intake.sheet.code_text)."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import polars as pl
import pytest
from hostile_decoding37 import CASES, EXPECTED, MARKS, NOT_WRITTEN
from hypothesis import given, settings
from hypothesis import strategies as st
from sweeps import Tables, case_tests, csv_results, kinds, language_tests, ranked

from pari_index.intake.folding import FOLDED, counted, counted_kind, fold_findings
from pari_index.intake.schema import FINDING_SCHEMA
from pari_index.intake.sheet import TEXT_MARKS, code_text
from pari_index.messages import localise_findings
from pari_index.ranking.spellings import one_spelling, spelling_problems

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

_run = partial(csv_results, lang="en")


@pytest.mark.parametrize(
    "case",
    ["well-form-codes-marked-right-quote", "well-register-codes-marked-right-quote", "well-parquet-codes-marked-curly"],
)
def test_codes_typed_with_a_curly_apostrophe_give_the_example_s_results(
    tmp_path: Path, example_tables: Tables, case: str
) -> None:
    # Before: exit 1, every row of the form (or of the other inputs) an unknown-commune.
    folder = tmp_path / "run"
    folder.mkdir()
    tables = _run(CASES[case](folder), folder)
    assert ranked(tables) == ranked(example_tables)
    assert kinds(tables) == kinds(example_tables)
    assert len(tables["rows"]) == len(example_tables["rows"])
    assert "unknown-commune" not in kinds(tables)


@pytest.mark.parametrize("mark", sorted(MARKS.values()))
@pytest.mark.parametrize(("code", "read"), [("00001", "00001"), ("1", "1"), ("X-01", "X-01")])
def test_each_apostrophe_typed_for_the_mark_is_left_out(mark: str, code: str, read: str) -> None:
    assert pl.select(code_text(pl.lit(mark + code))).item() == read


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("\u2019\u201900001", "00001"),  # every mark before the code (session 38)
        ("'\u201900001", "00001"),
        ("\u2019 00001", "00001"),  # a mark and a space (session 38)
        ("\u2019", "\u2019"),
        ("' ", "' "),  # marks and spaces alone: no code to read
        ("00\u20191", "00\u20191"),  # inside a code: unchanged (told where codes are compared)
        ("\u201c00001", "\u201c00001"),  # a double quote is no apostrophe
    ],
)
def test_only_marks_at_the_start_before_text_are_left_out(written: str, read: str) -> None:
    assert pl.select(code_text(pl.lit(written))).item() == read


def test_the_marks_are_the_straight_one_and_the_apostrophes_typed_for_it() -> None:
    assert set(TEXT_MARKS) == {"'", *MARKS.values()}


@given(
    st.sampled_from(sorted(TEXT_MARKS)),
    # Codes beginning with a mark or a space: every mark and space is read away (session 38).
    st.text(min_size=1).filter(lambda t: not t[0].isspace() and t[0] not in TEXT_MARKS and t[0] != "="),
)
def test_a_code_marked_by_any_apostrophe_reads_as_the_code(mark: str, code: str) -> None:
    assert pl.select(code_text(pl.lit(mark + code))).item() == code


def _unknown(rows: list[tuple[str, str, int]]) -> pl.DataFrame:
    """``unknown-commune`` findings of (file, code, row), as the intake makes them."""
    return pl.DataFrame(
        [
            {
                "severity": "error",
                "kind": "unknown-commune",
                "commune_code": code,
                "file": file,
                "row": row,
                "message": f"commune {code} is not in the commune register",
                "hint": "add it to the register, or correct the code (codes keep their leading zeros)",
                "params": json.dumps({"commune": code, "nearest": "", "row_values": ""}),
            }
            for file, code, row in rows
        ],
        schema=FINDING_SCHEMA,
    )


def test_an_unknown_code_of_several_rows_is_one_finding_that_names_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARI_MAX_FINDINGS_OF_A_KIND", raising=False)
    given = [("a.csv", "1", 2), ("a.csv", "1", 3), ("a.csv", "9", 5), ("a.csv", "1", 4), ("a.csv", "1", 7)]
    given += [("b.csv", "1", 2)]  # another file: its own finding
    folded, texts = fold_findings(_unknown(given))
    # Before (session 36): 4 findings, «a.csv row 2» and a findings-folded «3 more findings …».
    assert folded["kind"].to_list() == ["unknown-commune"] * 3
    assert folded.select("file", "commune_code", "row", "size").rows() == [
        ("a.csv", "1", 2, 4.0),
        ("a.csv", "9", 5, None),
        ("b.csv", "1", 2, None),
    ]
    first = folded.row(0, named=True)
    assert (
        first["message"]
        == "commune 1 is not in the commune register; the same code is on 3 more rows of the file: 3–4, 7"
    )
    assert json.loads(first["params"])["also_count"] == 3
    (vi,) = localise_findings(folded.head(1), "vi")["message"].to_list()
    assert vi == "xã 1 không có trong danh sách đơn vị; mã này còn ở 3 dòng khác của tệp: 3–4, 7"
    # Every row still counted: 6 findings' worth, and the first row's own words kept for the rows table.
    assert folded.select(counted().sum()).item() == 6
    assert dict(folded.group_by(counted_kind()).agg(counted().sum()).iter_rows()) == {"unknown-commune": 6}
    assert "commune 1 is not in the commune register" in texts["message"].to_list()


def test_one_more_row_is_said_as_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARI_MAX_FINDINGS_OF_A_KIND", raising=False)
    folded, _ = fold_findings(_unknown([("a.csv", "1", 2), ("a.csv", "1", 9)]))
    (message,) = folded["message"].to_list()
    assert message.endswith("; the same code is on 1 more row of the file: 9")


def test_the_limit_set_lists_every_row_of_an_unknown_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARI_MAX_FINDINGS_OF_A_KIND", "2")
    folded, _ = fold_findings(_unknown([("a.csv", "1", row) for row in range(2, 6)]))
    assert folded["kind"].to_list() == ["unknown-commune", "unknown-commune", FOLDED]


@settings(deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a.csv", "b.csv"]), st.sampled_from(["1", "2", "3"])), max_size=30))
def test_every_unknown_code_is_one_finding_a_file_standing_for_all_its_rows(rows: list[tuple[str, str]]) -> None:
    given = _unknown([(file, code, row) for row, (file, code) in enumerate(rows, start=2)])
    folded, _ = fold_findings(given)
    assert FOLDED not in folded["kind"].to_list()
    keys = folded.select("file", "commune_code").rows()
    assert sorted(keys) == sorted(set(rows))
    assert folded.select(counted().sum()).item() == len(rows)
    for file, code, row in folded.select("file", "commune_code", "row").rows():
        assert row == 2 + rows.index((file, code))


def test_districts_numbered_alike_in_two_provinces_keep_their_own_spellings(tmp_path: Path) -> None:
    tables = _run(CASES["well-register-districts-numbered-alike-in-two-provinces"](tmp_path), tmp_path)
    groups = {(r["province"], r["group"], r["group_key"], r["group_size"]) for r in tables["summary"]}
    # Before: «Quận 1, Tỉnh Bắc Ninh», its key «Tỉnh Bắc Ninh › Quận 1», and a group-spellings warning.
    # (Two names now: neither label needs its province.)
    assert ("Tỉnh Bắc Ninh", "Quận 01", "Tỉnh Bắc Ninh › Quận 01", "12") in groups
    assert ("Thành phố Hà Nội", "Quận 1", "Thành phố Hà Nội › Quận 1", "13") in groups
    assert "group-spellings" not in kinds(tables)


def _totals(rows: list[tuple[str, str]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["province", "district"], orient="row")


def test_a_district_s_spelling_is_chosen_within_its_province() -> None:
    totals = _totals(
        [
            ("Hà Nội", "Quận 1"),
            ("Hà Nội", "quận 1"),
            ("Hà Nội", "Quận 1"),
            ("Bắc Ninh", "Quận 01"),
            ("Bắc Ninh", "Q. 1"),
        ]
    )
    spelt = one_spelling(totals, ["province", "district"])
    # Hà Nội's most common spelling, Bắc Ninh's first seen among equals (one unit each).
    assert spelt["district"].to_list() == ["Quận 1", "Quận 1", "Quận 1", "Quận 01", "Quận 01"]
    told = spelling_problems(totals, ["province", "district"], "r.csv")
    assert sorted(p.params["spellings"] for p in told) == ["«Quận 01» (1), «Q. 1» (1)", "«Quận 1» (2), «quận 1» (1)"]
    # Ranked by district alone (no province level), the whole file is one level: as before.
    assert one_spelling(totals, ["district"])["district"].to_list() == ["Quận 1"] * 5


def test_a_province_written_two_ways_is_one_province_for_its_districts() -> None:
    totals = _totals([("Hà Nội", "Quận 1"), ("HÀ NỘI", "Quận 01"), ("Hà Nội", "Quận 1")])
    spelt = one_spelling(totals, ["province", "district"])
    assert spelt.rows() == [("Hà Nội", "Quận 1")] * 3


def test_a_province_s_code_keys_its_districts() -> None:
    totals = _totals([("Hà Nội", "Quận 1"), ("Hà Nội", "Quận 01")]).with_columns(province_code=pl.Series(["01", "27"]))
    assert one_spelling(totals, ["province", "district"])["district"].to_list() == ["Quận 1", "Quận 01"]


@given(st.lists(st.tuples(st.sampled_from(["A", "B"]), st.sampled_from(["Quận 1", "Quận 01", "quận 1"])), min_size=1))
def test_each_province_s_districts_are_written_in_one_of_its_own_spellings(rows: list[tuple[str, str]]) -> None:
    spelt = one_spelling(_totals(rows), ["province", "district"])
    for province in ("A", "B"):
        own = {d for p, d in rows if p == province}
        shown = {d for p, d in spelt.rows() if p == province}
        assert len(shown) <= 1 and shown <= own
