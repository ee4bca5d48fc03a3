"""What the cases of tests/hostile_decoding40.py answer: a table's heading row in the other
language is a ``header-repeated`` warning at its row, not a unit or an item (the example's results
otherwise); and the grid's look at its rows (intake.grid._repeated_headers) on small and large
tables; a soft hyphen inside a Unicode syllable is no TCVN3 «ư» (letters.legacy_encoding); input
names are matched without look-alike letters (intake.cell_checks.input_name_key); a rate «1,5» among
rates in the hundreds is told (survey-rate-far-below)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import polars as pl
import pytest
from hostile_decoding40 import CASES, EXPECTED, NOT_WRITTEN, SOFT_HYPHEN
from sweeps import Tables, case_results, case_tests, csv_results, kinds, language_tests, ranked

from pari_index.errors import Problem
from pari_index.intake.cell_checks import input_name_key
from pari_index.intake.grid import Place, _repeated_headers
from pari_index.intake.sheet import ROW
from pari_index.letters.legacy_encoding import has_legacy_word, legacy_evidence, weigh_legacy_words

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

_results = partial(csv_results, lang="en")


@pytest.mark.parametrize("case", sorted(c for c in CASES if "headed" in c))
def test_a_heading_row_in_the_other_language_is_a_repeated_header(
    tmp_path: Path, example_tables: Tables, case: str
) -> None:
    # Before: the register's second heading row ranked as a unit «code» (61 units, exit 0), the
    # form's and the survey's an unknown criterion (exit 1).
    folder = tmp_path / "run"
    folder.mkdir()
    tables = _results(CASES[case](folder), folder)
    assert ranked(tables) == ranked(example_tables)
    assert kinds(tables) == sorted([*kinds(example_tables), "header-repeated"])
    (told,) = [f for f in tables["findings"] if f["kind"] == "header-repeated"]
    assert (Path(told["file"]).name.startswith("hai-dong-tieu-de-"), told["row"], told["severity"]) == (
        True,
        "2",
        "warning",
    )


def _frame(names: list[str], rows: list[list[str | None]]) -> pl.DataFrame:
    columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    return pl.DataFrame({ROW: list(range(2, len(rows) + 2)), **columns}, schema_overrides={n: pl.String for n in names})


_PLACE = Place(file="t.csv", sheet=None)


@pytest.mark.parametrize("copies", [1, 3000])  # 3,000 copies of two rows: past the 5,000 looked at in Python
def test_heading_rows_of_the_same_fields_are_taken_out_and_data_kept(copies: int) -> None:
    names = ["Mã", "Tên", "Ghi chú"]
    rows: list[list[str | None]] = [["code", "name", "note"], ["00001", "Phường Hồng Cẩm", "Mã"]] * copies
    found: list[Problem] = []
    kept = _repeated_headers(_frame(names, rows), names, _PLACE, found)
    assert kept["Mã"].to_list() == ["00001"] * copies
    assert [(p.code, p.row) for p in found] == [("header-repeated", 2 + 2 * i) for i in range(copies)]


def test_a_row_of_headings_of_other_columns_or_of_one_column_is_data() -> None:
    names = ["commune_code", "criterion_id", "value"]
    rows: list[list[str | None]] = [
        ["Tên", "Mã tiêu chí", "Giá trị"],  # «Tên» heads a register's name, not a code
        ["Mã xã", "00001", None],  # one heading of its column only
        ["Mã xã", "Mã tiêu chí", "x"],  # a cell under a known column that is no heading of it
    ]
    found: list[Problem] = []
    kept = _repeated_headers(_frame(names, rows), names, _PLACE, found)
    assert kept.height == 3 and found == []


def test_a_register_of_names_with_a_soft_hyphen_in_a_syllable_gives_the_example_s_results(
    tmp_path: Path, example_tables: Tables
) -> None:
    # Before: exit 0 with a legacy-font-some warning naming «Ph<U+00AD>ường» as TCVN3.
    folder = tmp_path / "run"
    folder.mkdir()
    tables = _results(CASES["well-register-names-soft-hyphen-in-syllable"](folder), folder)
    assert ranked(tables) == ranked(example_tables)
    assert kinds(tables) == kinds(example_tables)


#: Unicode words with a soft hyphen after their first consonants, a letter TCVN3 cannot put after
#: its bare «ư» following it.
UNICODE_HYPHENATED = [
    "Th" + SOFT_HYPHEN + "ành",
    "Ph" + SOFT_HYPHEN + "ường",
    "Tr" + SOFT_HYPHEN + "ạm",
    "Ng" + SOFT_HYPHEN + "ọc",
]
#: TCVN3 words read as Windows-1258, their «ư» before an ASCII letter or a form of «ơ».
TCVN3_WORDS = [
    "Tr" + SOFT_HYPHEN + "êng",
    "ng" + SOFT_HYPHEN + "êi",
    "Ph" + SOFT_HYPHEN + "êng",
    "n" + SOFT_HYPHEN + "íc",
    "T" + SOFT_HYPHEN + " ph¸p",
]


def test_input_names_with_cyrillic_letters_give_the_example_s_results(tmp_path: Path, example_tables: Tables) -> None:
    # Before: exit 1, 2,272 unknown-input errors, 981 rows rejected.
    folder = tmp_path / "run"
    folder.mkdir()
    tables = _results(CASES["well-form-input-names-cyrillic"](folder), folder)
    assert ranked(tables) == ranked(example_tables)
    assert kinds(tables) == kinds(example_tables)


def test_an_input_name_is_matched_without_look_alike_letters() -> None:
    # A character nothing shows still parts the name: such a name is refused as control-character
    # («retype it»), as a code holding one is (tests/test_hostile_values.py).
    names = pl.DataFrame({"name": ["t\u0430sks", "\u043eutputs", "dead\u00adlines", "Tasks:", "tacks"]})
    keys = names.select(input_name_key(pl.col("name"))).to_series().to_list()
    assert keys == ["tasks", "outputs", "dead lines", "tasks", "tacks"]


def test_a_rate_of_one_comma_five_among_rates_in_the_hundreds_is_told_at_its_cell(
    tmp_path: Path, example_tables: Tables
) -> None:
    # Before: scored as 1,5 % satisfied, no word (note39).
    tables = case_results(CASES, "well-survey-rate-one-comma-five", tmp_path / "run", lang="en")
    assert kinds(tables) == sorted([*kinds(example_tables), "survey-rate-far-below"])
    (told,) = [f for f in tables["findings"] if f["kind"] == "survey-rate-far-below"]
    assert (told["commune_code"], told["criterion_id"], told["row"], told["severity"]) == (
        "00001",
        "10.1.1",
        "2",
        "warning",
    )
    assert told["message"] == (
        "1,5 is scored as 1,5 % satisfied, far below this unit's other satisfaction rates in the sheet"
        " (one of 50 % or more): a typing slip?"
    )
    vietnamese = case_results(CASES, "well-survey-rate-one-comma-five", tmp_path / "vi", lang="vi")
    (told,) = [f for f in vietnamese["findings"] if f["kind"] == "survey-rate-far-below"]
    assert told["message"].startswith("1,5 được chấm là 1,5 % hài lòng, thấp hơn nhiều")
    # Written with a % sign it is a rate as low as written: the example's findings, the unit's
    # survey points lower.
    marked = case_results(CASES, "well-survey-rate-one-comma-five-percent", tmp_path / "marked", lang="en")
    assert kinds(marked) == kinds(example_tables)
    assert [r["survey_points"] for r in tables["summary"]] == [r["survey_points"] for r in marked["summary"]]


@pytest.mark.parametrize("word", UNICODE_HYPHENATED)
def test_a_soft_hyphen_before_a_letter_tcvn3_cannot_put_after_u_is_no_legacy_word(word: str) -> None:
    assert not has_legacy_word(word)
    assert weigh_legacy_words(" ".join([word] * 5), lambda _: None) is None


@pytest.mark.parametrize("word", TCVN3_WORDS)
def test_tcvn3_u_before_an_ascii_letter_or_a_form_of_o_with_horn_is_still_a_legacy_word(word: str) -> None:
    assert has_legacy_word(word)


def test_a_register_of_tcvn3_names_is_still_told_and_one_of_hyphenated_unicode_names_is_not() -> None:
    assert legacy_evidence(" ".join(TCVN3_WORDS * 20)) is not None
    assert legacy_evidence(" ".join(UNICODE_HYPHENATED * 20)) is None
