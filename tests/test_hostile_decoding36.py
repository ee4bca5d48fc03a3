"""What the cases of tests/hostile_decoding36.py answer: a district headed «Thành phố», «City» or
«Town» beside the province's column is the district, and headings numbered by letters or Roman
numerals are read as the headings they are; and the functions that read them."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import polars as pl
import pytest
from hostile_decoding36 import CASES, EXPECTED, NOT_WRITTEN
from hostile_sweep8 import _score
from hypothesis import given
from hypothesis import strategies as st
from sweeps import RANKED, Tables, case_tests, csv_results, kinds, language_tests, ranked

from pari_index.intake.register import REGISTER_ALIASES, read_register
from pari_index.intake.sheet import CITY_HEADINGS, Sheet, canonical_heading, heading_key, named_beside
from pari_index.intake.tones import alike_name

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

_SHOWN = (*RANKED, "group", "group_size")
_run = partial(csv_results, lang="en")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Tables:
    """The example ranked within its districts."""
    folder = tmp_path_factory.mktemp("example")
    return _run(_score(folder, "--group-by", "district"), folder)


_HEADED = sorted(c for c in CASES if c.startswith(("well-register-district-", "well-register-headings-")))


@pytest.mark.parametrize("case", _HEADED)
def test_a_register_headed_otherwise_gives_the_example_s_ranking(tmp_path: Path, example: Tables, case: str) -> None:
    folder = tmp_path / "run"
    folder.mkdir()
    tables = _run(CASES[case](folder), folder)
    # Before: group-column-absent (a warning) and the 60 units ranked as one group (the district
    # headed «Thành phố», «City», «Town»), or missing-column, exit 1 (headings numbered «a)», «I.»).
    assert kinds(tables) == kinds(example)
    assert "group-column-absent" not in kinds(tables)
    assert ranked(tables, _SHOWN) == ranked(example, _SHOWN)
    assert "60" not in {row["group_size"] for row in tables["summary"]}


def test_files_with_excel_s_separator_line_give_the_example_s_results(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    expected = _run(_score(plain), plain)
    folder = tmp_path / "run"
    folder.mkdir()
    tables = _run(CASES["well-files-with-excel-separator-line"](folder), folder)
    # Before: csv-separator-line, exit 1, nothing written.
    assert kinds(tables) == kinds(expected)
    assert ranked(tables, _SHOWN) == ranked(expected, _SHOWN)
    # Row numbers a text editor shows: each finding's row one below the plain file's.
    rows = {(f["kind"], f["row"]) for f in tables["findings"] if f["file"].endswith("sep-assessments_long.csv")}
    given = [f for f in expected["findings"] if f["row"] and "assess" in f["file"]]
    plain_rows = {(f["kind"], str(int(f["row"]) + 1)) for f in given}
    assert rows == plain_rows and rows


@pytest.mark.parametrize(
    ("case", "written"),
    [("well-register-copy-numbered-with-zero", "Phường 01"), ("well-register-copy-numbered-with-stop", "Phường 1.")],
)
def test_a_numbered_unit_listed_again_is_told_whatever_its_number_s_spelling(
    tmp_path: Path, case: str, written: str
) -> None:
    folder = tmp_path / "run"
    folder.mkdir()
    tables = _run(CASES[case](folder), folder)
    # Before: no register-name-twice; the copy ranked as a unit that sent nothing.
    (told,) = [f for f in tables["findings"] if f["kind"] == "register-name-twice"]
    assert (told["severity"], told["row"], told["column"]) == ("warning", "62", "name")
    assert told["message"] == (
        f"«{written}» is listed again under code «99999», in the same district and province as code «00001» (row 2):"
        " the two codes are scored and ranked as two units"
    )


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Phường 1", "Phường 01", True),
        ("Phường 1", "Phường 1.", True),
        ("Phường 1", "P.1", True),
        ("Phường 1", "p. 001 ", True),
        ("Quận 3", "Quận 03", True),
        ("Phường 1", "Phường 10", False),
        ("Phường 10", "Phường 1.0", False),
        ("Phường 1", "Phường 11", False),
        ("Xã 2/9", "Xã 2/09", False),  # a date's part, not a word of the name
        ("Phường 0", "Phường 00", True),
    ],
)
def test_alike_name_compares_a_unit_s_number_without_its_zeros_and_stop(one: str, other: str, same: bool) -> None:
    alike = pl.DataFrame({"n": [one, other]}).select(alike_name(pl.col("n"))).to_series().to_list()
    assert (alike[0] == alike[1]) is same


@given(number=st.integers(min_value=0, max_value=999), zeros=st.integers(0, 3), stop=st.booleans())
def test_a_number_s_zeros_and_stop_never_make_two_numbers_one(number: int, zeros: int, stop: bool) -> None:
    written = f"Phường {'0' * zeros}{number}{'.' if stop else ''}"
    names = [written, f"Phường {number}", f"Phường {number + 1}"]
    alike = pl.DataFrame({"n": names}).select(alike_name(pl.col("n"))).to_series().to_list()
    assert alike[0] == alike[1] == f"phường {number}" != alike[2]


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("a) Mã xã", "ma xa"),
        ("đ) Tỉnh", "tinh"),
        ("(c) Giá trị", "gia tri"),
        ("I. Mã xã", "ma xa"),
        ("IV) Huyện", "huyen"),
        ("(iii) Loại", "loai"),
        ("1. Mã xã", "ma xa"),
        # No number: a letter with nothing after it, none without «.» or «)», a longer word.
        ("a)", "a"),
        ("x Mã", "x ma"),
        ("ab) Mã", "ab ma"),
        ("i.e. Mã", "i e ma"),
        ("1.1.2:tasks", "1 1 2 tasks"),
    ],
)
def test_heading_key_leaves_out_a_heading_s_letter_or_roman_number(heading: str, key: str) -> None:
    assert heading_key(heading) == key


_LETTERS = st.sampled_from(["a) ", "b. ", "(c) ", "h) ", "I. ", "II) ", "(iv) ", "XIV. ", "đ) ", "Đ. "])


@given(pick=st.integers(min_value=0), number=_LETTERS, upper=st.booleans())
def test_a_register_heading_numbered_by_a_letter_names_its_field(pick: int, number: str, upper: bool) -> None:
    alias = sorted(REGISTER_ALIASES)[pick % len(REGISTER_ALIASES)]
    assert (
        canonical_heading(f"{number}{alias.upper() if upper else alias}", REGISTER_ALIASES) == REGISTER_ALIASES[alias]
    )


def _sheet(*headings: str) -> Sheet:
    frame = pl.DataFrame({h: ["x"] for h in headings})
    return Sheet("f.csv", None, frame, {h: h for h in headings})


_BESIDE = {"district": ("province", CITY_HEADINGS)}


@pytest.mark.parametrize("city", ["Thành phố", "thanh pho", "THÀNH PHỐ:", "Tên thành phố", "City", "Town", "City/Town"])
def test_a_city_heading_beside_the_province_names_the_district(city: str) -> None:
    sheet = named_beside(_sheet("code", city, "province"), _BESIDE)
    assert sheet.frame.columns == ["code", "district", "province"]
    assert sheet.original_headers["district"] == city


@pytest.mark.parametrize(
    "headings",
    [
        ("code", "Thành phố"),  # no province: a centrally run city's heading as much as a district's
        ("code", "district", "Thành phố", "province"),  # the district has its column already
        ("code", "Thành phố trực thuộc", "province"),  # other words
    ],
)
def test_a_city_heading_is_left_as_it_is_elsewhere(headings: tuple[str, ...]) -> None:
    assert named_beside(_sheet(*headings), _BESIDE).frame.columns == list(headings)


def test_a_register_headed_thanh_pho_beside_tinh_reads_the_district(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("Mã xã,Tên xã,Thành phố,Tỉnh\n001,Xã A,Thành phố Bắc Ninh,Tỉnh Bắc Ninh\n", encoding="utf-8")
    register = read_register(path)
    assert register.absent == ("type",)
    assert register.frame.select("code", "district", "province").row(0) == (
        "001",
        "Thành phố Bắc Ninh",
        "Tỉnh Bắc Ninh",
    )
    alone = tmp_path / "alone.csv"
    alone.write_text("Mã xã,Tên xã,Thành phố\n001,Xã A,Hà Nội\n", encoding="utf-8")
    assert set(read_register(alone).absent) == {"type", "district", "province"}
