"""What the cases of tests/hostile_decoding35.py answer: headings written with punctuation, a
number or the words of several kinds of unit are read as the headings they are, English lineage
headings name the two codes, and a unit listed twice is told whatever the spelling of its district;
and the functions that match them."""

from __future__ import annotations

import csv
from functools import partial
from pathlib import Path

import polars as pl
import pytest
from hostile_decoding35 import CASES, EXPECTED, NOT_WRITTEN
from hostile_sweep8 import _score
from hypothesis import given
from hypothesis import strategies as st
from sweeps import RANKED, Tables, case_results, case_tests, csv_results, kinds, language_tests, ranked

from pari_index.criteria.group_columns import district_headings, unit_headings
from pari_index.intake.appraisal import APPRAISAL_ALIASES
from pari_index.intake.cell_checks import input_name_key
from pari_index.intake.register import REGISTER_ALIASES, read_register
from pari_index.intake.schema import ASSESSMENT_ALIASES, DESCRIPTIVE_KEYS, NOTES_KEYS
from pari_index.intake.sheet import canonical_heading, heading_key
from pari_index.ranking.lineage import LINEAGE_ALIASES, read_lineage

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

_run = partial(csv_results, lang="en")
_case = partial(case_results, CASES, lang="en")


@pytest.mark.parametrize(
    "case",
    [
        "well-register-headings-punctuated",
        "well-register-type-heading-with-colon",
        "well-register-of-wards-and-communes",
        "well-form-headings-punctuated",
        "well-form-inputs-with-colons",
    ],
)
def test_punctuated_headings_give_the_example_s_results(tmp_path: Path, example_tables: Tables, case: str) -> None:
    tables = _case(case, tmp_path / "run")
    # Before: missing-column or unknown-input (exit 1), or register-without-types and every unit's
    # index changed.
    assert kinds(tables) == kinds(example_tables)
    assert ranked(tables) == ranked(example_tables)


def test_a_district_headed_with_every_kind_of_district_is_ranked_within(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    expected = _run(_score(plain, "--group-by", "district"), plain)
    tables = _case("well-register-district-of-every-kind", tmp_path / "run")
    # Before: group-column-absent (a warning) and the 60 units ranked as one group.
    assert kinds(tables) == kinds(expected)
    grouped = (*RANKED, "group", "group_size")
    assert ranked(tables, grouped) == ranked(expected, grouped)
    assert "60" not in {row["group_size"] for row in tables["summary"]}


def test_an_appraisal_headed_with_punctuation_is_the_example_s_appraisal(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    appraisal = Path(__file__).parent.parent / "examples" / "appraisal.csv"
    expected = _run([*_score(plain), "--appraisal", str(appraisal)], plain)
    tables = _case("well-appraisal-headings-punctuated", tmp_path / "run")
    assert [f["kind"] for f in tables["findings"]] == [f["kind"] for f in expected["findings"]]
    assert ranked(tables) == ranked(expected)
    assert sum(f["kind"] == "appraisal-correction" for f in tables["findings"]) == 7


def test_a_lineage_table_headed_in_english_links_its_codes(tmp_path: Path) -> None:
    tables = _case("well-lineage-headed-in-english", tmp_path / "run")
    assert "missing-column" not in kinds(tables)
    # 00004 is still a unit of this run: the table's merger is read, and so told.
    (told,) = [f for f in tables["findings"] if f["kind"] == "lineage-old-code-still-a-unit"]
    assert told["file"].endswith("noi-ma.csv") and "00004" in told["message"]


@pytest.mark.parametrize(
    ("case", "column"),
    [
        ("well-register-copy-short-name", "P. Hồng Cẩm"),
        ("well-register-copy-short-district", "Phường Hồng Cẩm"),
        ("well-register-copy-cyrillic-district", "Phường Hồng Cẩm"),
    ],
)
def test_a_unit_listed_again_is_told_whatever_its_district_s_spelling(tmp_path: Path, case: str, column: str) -> None:
    tables = _case(case, tmp_path / "run")
    (told,) = [f for f in tables["findings"] if f["kind"] == "register-name-twice"]
    assert (told["severity"], told["row"], told["column"]) == ("warning", "62", "name")
    assert told["message"] == (
        f"«{column}» is listed again under code «99999», in the same district and province as code «00001» (row 2):"
        " the two codes are scored and ranked as two units"
    )
    copy = next(r for r in tables["summary"] if r["commune_code"] == "99999")
    assert (copy["group_size"], copy["rank"]) == ("12", "12")  # one group: the copy is the first unit's


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("1. Mã xã:", "ma xa"),
        ("2) Mã tiêu chí", "ma tieu chi"),
        ("(3) Giá trị", "gia tri"),
        ("Mã xã (*)", "ma xa"),
        ("Mã xã*", "ma xa"),
        ("“Mã xã”", "ma xa"),
        ('"Mã xã."', "ma xa"),
        ("Mã xã, phường", "ma xa phuong"),
        ("Mã xã/phường/thị trấn", "ma xa phuong thi tran"),
        ("Mã ĐVHC trước sắp xếp:", "ma dvhc truoc sap xep"),
        ("N/A", "n a"),
        ("1.1.1:self_score", "1 1 1 self score"),
        ("1.1", "1 1"),
        ("10. ", "10"),
    ],
)
def test_heading_key_leaves_out_punctuation_and_a_heading_s_number(heading: str, key: str) -> None:
    assert heading_key(heading) == key


_TABLES = {
    "assessments": ASSESSMENT_ALIASES,
    "appraisal": APPRAISAL_ALIASES,
    "register": REGISTER_ALIASES,
    "lineage": LINEAGE_ALIASES,
}


@pytest.mark.parametrize("table", sorted(_TABLES))
def test_no_two_fields_share_a_heading_s_key(table: str) -> None:
    fields: dict[str, set[str]] = {}
    for alias, field in _TABLES[table].items():
        fields.setdefault(heading_key(alias), set()).add(field)
    assert {key: named for key, named in fields.items() if len(named) > 1} == {}


def test_the_columns_read_for_people_or_notes_are_no_field_s() -> None:
    keys = {heading_key(alias) for alias in ASSESSMENT_ALIASES}
    assert keys.isdisjoint(DESCRIPTIVE_KEYS) and keys.isdisjoint(NOTES_KEYS)


_DECORATIONS = st.sampled_from(["", ":", ".", "*", " (*)", "\u00a0", ";", "?", "!", "…", "”"])
_NUMBERS = st.sampled_from(["", "1. ", "12) ", "(3) ", " 4. "])


@given(
    table=st.sampled_from(sorted(_TABLES)),
    pick=st.integers(min_value=0),
    number=_NUMBERS,
    before=st.sampled_from(["", "“", '"', "'"]),
    after=_DECORATIONS,
    upper=st.booleans(),
)
def test_a_known_heading_numbered_quoted_or_punctuated_names_its_field(
    table: str, pick: int, number: str, before: str, after: str, upper: bool
) -> None:
    aliases = _TABLES[table]
    alias = sorted(aliases)[pick % len(aliases)]
    written = f"{number}{before}{alias.upper() if upper else alias}{after}"
    assert canonical_heading(written, aliases) == aliases[alias]


def test_district_headings_leave_out_a_city_alone() -> None:
    assert "thành phố" not in district_headings("")
    assert canonical_heading("Huyện, thị xã, thành phố", REGISTER_ALIASES) == "district"
    assert canonical_heading("Mã quận/huyện/thị xã", REGISTER_ALIASES) == "district_code"
    assert canonical_heading("Tỉnh/Thành phố", REGISTER_ALIASES) == "province"
    assert canonical_heading("Thành phố", REGISTER_ALIASES) is None


@pytest.mark.parametrize(
    ("district", "province"),
    [
        ("Tên huyện", "Tên tỉnh"),
        ("Tên quận/huyện", "Tên tỉnh/thành phố"),
        ("Tên quận, huyện, thị xã", "Tỉnh / Thành phố"),
        ("District name", "Province name"),
        ("1. Tên Huyện:", "2. TÊN TỈNH"),
    ],
)
def test_a_register_naming_its_district_and_province_by_name_has_them(
    tmp_path: Path, district: str, province: str
) -> None:
    """«Tên huyện», «Tên tỉnh» (the district's and province's names, beside «Mã huyện», «Mã
    tỉnh»): until session 35's review neither was read, and --group-by district ranked every unit
    in one group, told only as group-column-absent, exit 0."""
    path = tmp_path / "xa.csv"
    path.write_text(
        f'Mã xã,Tên xã,Loại,Mã huyện,"{district}","{province}"\n'
        "00001,Xã A,xã,001,Huyện Một,Tỉnh Hai\n00002,Xã B,xã,002,Huyện Ba,Tỉnh Hai\n",
        encoding="utf-8",
    )
    frame = read_register(path).frame
    assert frame.select("code", "district_code", "district", "province").rows() == [
        ("00001", "001", "Huyện Một", "Tỉnh Hai"),
        ("00002", "002", "Huyện Ba", "Tỉnh Hai"),
    ]


def test_unit_headings_list_every_kind_of_unit_in_order() -> None:
    headings = unit_headings("mã")
    assert len(headings) == 15
    assert headings[:3] == ("mã xã", "mã phường", "mã xã phường")
    assert "mã xã phường thị trấn đặc khu" in headings
    assert canonical_heading("Tên xã, phường, thị trấn", REGISTER_ALIASES) == "name"
    assert canonical_heading("Mã phường/xã", REGISTER_ALIASES) is None  # not in the forms' order


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Former code", "Code after merger"),
        ("previous commune code", "current commune code"),
        ("Code (old)", "Code (new)"),
        ("Original code", "Successor code"),
        ("Code before the arrangement", "Code after the arrangement"),
        ("Mã xã, phường cũ", "Mã xã, phường mới"),
        ("Mã ĐVHC trước sắp xếp:", "Mã ĐVHC sau sắp xếp:"),
    ],
)
def test_lineage_headings_an_analyst_writes(tmp_path: Path, old: str, new: str) -> None:
    path = tmp_path / "lineage.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([[old, new], ["00004", "00001"], ["00007", "00001"]])
    frame = read_lineage(path)
    assert frame.select("old_code", "new_code").rows() == [("00004", "00001"), ("00007", "00001")]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("tasks:", "tasks"),
        ("Tasks_Done.", "tasks done"),
        ("“done”", "done"),
        ("on-time (%)", "on time"),
        ("n/a", "n a"),
    ],
)
def test_an_input_name_is_matched_without_its_punctuation(written: str, key: str) -> None:
    assert pl.select(input_name_key(pl.lit(written))).item() == key
