"""What the cases of tests/hostile_paths40.py answer; that a name pasted with quotes, a line end or a
tab is told with the name without them, by the command and the library's readers alike, and that a
cache folder is made only when the run stores something in it."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from hostile_paths40 import BARE, CASES, EXPECTED, NOT_WRITTEN, WRITTEN
from hostile_sweep8 import EXAMPLES
from sweeps import case_tests, language_tests, sweep_child

from pari_index.errors import IntakeError, pasted_marks
from pari_index.intake.cache import CacheStore
from pari_index.intake.tables import read_table_file

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
_CRITERIA_CASES = ("criteria-with-a-no-break-space",)
words, test_each_case_says_it_in_its_own_language = language_tests(
    {name: case for name, case in CASES.items() if name not in _CRITERIA_CASES}, EXPECTED
)
_, test_each_criteria_case_says_it_in_its_own_language = language_tests(
    {name: CASES[name] for name in _CRITERIA_CASES}, EXPECTED, "criteria"
)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)
    assert set(NOT_WRITTEN) <= set(CASES) and set(WRITTEN) <= set(CASES)
    assert sorted(BARE) == sorted(name for name, (_, code, _) in EXPECTED.items() if code == "path-pasted-marks")


@pytest.mark.parametrize("case", sorted(WRITTEN))
def test_a_case_that_works_writes_its_output(tmp_path: Path, case: str) -> None:
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    assert (tmp_path / WRITTEN[case]).is_file()


@pytest.mark.parametrize("case", sorted(BARE))
def test_each_pasted_name_is_told_with_the_name_without_its_marks(tmp_path: Path, case: str) -> None:
    said = sweep_child([*CASES[case](tmp_path), "--lang", "en"], tmp_path)
    out = said.stdout + said.stderr
    assert f"without them it is {BARE[case]} [path-pasted-marks]" in out, out
    assert f"hint: give the name without them: {BARE[case]}" in out, out


def test_a_report_s_name_given_to_o_is_told_with_both_options(tmp_path: Path) -> None:
    said = sweep_child([*CASES["results-named-as-the-report"](tmp_path), "--lang", "en"], tmp_path)
    out = said.stdout + said.stderr
    assert "hint: write the results with -o and the report with --report: -o bao-cao.xlsx --report bao-cao.html" in out


def test_the_line_end_and_tab_are_shown_not_printed(tmp_path: Path) -> None:
    said = sweep_child(
        [*CASES["register-pasted-with-a-tab-and-a-windows-line-end"](tmp_path), "--lang", "en"], tmp_path
    )
    out = said.stdout + said.stderr
    assert (
        "error: --communes <U+0009>communes.csv<U+000D><U+000A>: the name begins or ends with "
        "<U+0009> … <U+000D><U+000A>, which came with it" in out
    ), out


@pytest.mark.parametrize(
    ("typed", "bare"),
    [
        ("«kq.xlsx»", "«kq.xlsx»"),
        ("“ho so”", "«ho so»"),
        ("'kq.xlsx'", "«kq.xlsx»"),
        ("kq.xlsx\r\n", "«kq.xlsx»"),
        ("\u200bkq.xlsx", "«kq.xlsx»"),
        ("“'kq.xlsx'”\t", "«kq.xlsx»"),
        ("thu-muc/«kq.xlsx»", "«thu-muc/kq.xlsx»"),
        ("“/home/thu/kq.xlsx”", "«/home/thu/kq.xlsx»"),
        # A name's own quotes kept, its line end taken off (review of session 40: said «dv».csv).
        ("«dv».csv\n", "««dv».csv»"),
    ],
)
def test_the_marks_at_either_end_are_taken_off(typed: str, bare: str) -> None:
    problem = pasted_marks(typed)
    assert problem is not None and problem.code == "path-pasted-marks" and problem.params["path"] == bare


@pytest.mark.parametrize(
    "typed",
    [
        *("kq.xlsx", "kq.xlsx ", "it's.xlsx", "'", "\t", "“”", "a«b».csv"),
        # Review of session 40: a name's own quotes (-o '«Báo cáo» tháng 5.xlsx' was refused, exit 2,
        # 'without them it is «Báo cáo» tháng 5.xlsx»').
        *("«dv».csv", "«ho so»/kq.xlsx", "out/«k».xlsx", "«Báo cáo» tháng 5.xlsx"),
    ],
)
def test_a_name_without_pasted_marks_is_none_of_it(typed: str) -> None:
    assert pasted_marks(typed) is None


def test_a_space_among_the_marks_is_shown_by_its_number() -> None:
    # Review of session 40: «begins or ends with  ,» of a no-break space, nothing to see.
    problem = pasted_marks("appraisal.csv\u00a0")
    assert problem is not None and problem.params["marks"] == "<U+00A0>"
    problem = pasted_marks("\u2003“kq.xlsx”")
    assert problem is not None and problem.params["marks"] == "<U+2003>“ … ”"


def test_a_file_really_so_named_is_none_of_it(tmp_path: Path) -> None:
    (tmp_path / "«dv».csv").write_bytes(b"code\n")
    assert pasted_marks(tmp_path / "«dv».csv") is None
    assert pasted_marks(tmp_path / "«dv».csv\n") is not None


def test_the_library_reader_tells_the_marks(tmp_path: Path) -> None:
    (tmp_path / "dv.csv").write_bytes((EXAMPLES / "communes.csv").read_bytes())
    with pytest.raises(IntakeError) as raised:
        read_table_file(tmp_path / "“dv.csv”")
    assert [p.code for p in raised.value.problems] == ["path-pasted-marks"]
    assert raised.value.problems[0].params["path"] == f"«{tmp_path}/dv.csv»"


def test_a_cache_folder_not_there_is_made_by_the_first_entry_stored(tmp_path: Path) -> None:
    store = CacheStore(tmp_path / "bo-dem" / "moi")
    assert store.usable() and store.load("intake", "0" * 64, ("t",)) is None
    assert not (tmp_path / "bo-dem").exists()
    store.save("intake", "0" * 64, {"t": pl.DataFrame({"a": [1]})})
    assert (tmp_path / "bo-dem" / "moi" / "CACHEDIR.TAG").is_file()
    loaded = store.load("intake", "0" * 64, ("t",))
    assert loaded is not None and loaded["t"]["a"].to_list() == [1] and store.notes == []


def test_a_cache_folder_that_cannot_be_made_is_a_note_when_an_entry_is_stored(tmp_path: Path) -> None:
    (tmp_path / "tep").write_bytes(b"x")  # a file where the cache's parent folder would be
    store = CacheStore(tmp_path / "tep" / "bo-dem")
    assert store.usable() and store.notes == []
    store.save("intake", "0" * 64, {"t": pl.DataFrame({"a": [1]})})
    assert not store.usable() and [note.path for note in store.notes] == [str(tmp_path / "tep" / "bo-dem")]
    assert (tmp_path / "tep").read_bytes() == b"x"
