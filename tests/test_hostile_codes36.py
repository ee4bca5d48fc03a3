"""What the cases of tests/hostile_codes36.py answer: a code written with Excel's text mark is the
same code in every input, «'00001» beside 00001 in a register is told as a code twice, and a code
column that lost its zeros is told once per code, every row still accounted for; and the functions
that do it (intake.sheet.code_text, intake.folding.FEWER_OF_KIND)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import polars as pl
import pytest
from hostile_codes36 import CASES, EXPECTED, NOT_WRITTEN, zeros_lost
from hostile_decoding28 import _write
from hostile_sweep8 import _score
from hypothesis import given
from hypothesis import strategies as st
from sweeps import Tables, case_results, case_tests, csv_results, kinds, language_tests, ranked

from pari_index.intake import csv_input
from pari_index.intake.register import read_register
from pari_index.intake.sheet import TEXT_MARKS, code_text
from pari_index.ranking.lineage import read_lineage

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

_run = partial(csv_results, lang="en")
_case = partial(case_results, CASES, lang="en")


def _with_appraisal(folder: Path) -> Tables:
    appraisal = Path(__file__).parent.parent / "examples" / "appraisal.csv"
    return _run([*_score(folder), "--appraisal", str(appraisal)], folder)


@pytest.mark.parametrize("case", ["well-form-codes-marked", "well-register-codes-marked", "well-survey-codes-marked"])
def test_codes_with_excel_s_text_mark_give_the_example_s_results(
    tmp_path: Path, example_tables: Tables, case: str
) -> None:
    # Before: exit 1, every row of the file (or of every input) an unknown-commune.
    tables = _case(case, tmp_path / "run")
    assert ranked(tables) == ranked(example_tables)
    assert kinds(tables) == kinds(example_tables)


def test_an_appraisal_of_marked_codes_is_the_example_s_appraisal(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    expected = _with_appraisal(plain)
    tables = _case("well-appraisal-codes-marked", tmp_path / "run")
    assert kinds(tables) == kinds(expected)
    assert ranked(tables) == ranked(expected)
    assert sum(f["kind"] == "appraisal-correction" for f in tables["findings"]) == 7


def test_a_wide_form_of_marked_codes_is_read_as_its_units(tmp_path: Path) -> None:
    tables = _case("well-wide-codes-marked", tmp_path / "run")
    assert "unknown-commune" not in kinds(tables)
    # The wide form's 12 units (00145 …) are scored from it, beside the long form's.
    assert {row["commune_code"] for row in tables["summary"]} >= {"00145", "00148"}
    assert all(row["status"] != "rejected" for row in tables["rows"])


def test_a_lineage_table_of_marked_codes_links_them(tmp_path: Path) -> None:
    tables = _case("well-lineage-codes-marked", tmp_path / "run")
    # Before: lineage-code-of-no-unit twice (exit 0), the merger not read.
    assert "lineage-code-of-no-unit" not in kinds(tables)
    (told,) = [f for f in tables["findings"] if f["kind"] == "lineage-old-code-still-a-unit"]
    assert "00004" in told["message"]


def test_lineage_and_register_read_the_mark_away(tmp_path: Path) -> None:
    table = _write(tmp_path / "noi-ma.csv", [["old_code", "new_code"], ["'00004", "'00001"], ["''00007", "00001"]])
    frame = read_lineage(table)
    # Two marks are the mark too since session 38 (tests/hostile_decoding38.py).
    assert frame.select("old_code", "new_code").rows() == [("00004", "00001"), ("00007", "00001")]
    register = [["code", "name"], ["'00001", "Phường Một"], ["00002", "Phường Hai"], ["'1", "Xã Một"]]
    read = read_register(_write(tmp_path / "danh-sach.csv", register))
    assert read.codes.to_list() == ["00001", "00002", "1"]


def test_a_marked_code_beside_the_same_code_is_a_code_twice(tmp_path: Path) -> None:
    register = [["code", "name"], ["1", "Xã Một"], ["'1", "Xã Khác"], ["'00002", "Xã Hai"], ["00002", "Xã Hai B"]]
    read = read_register(_write(tmp_path / "danh-sach.csv", register))
    # Before: «'1» and «1» were two units (61 ranked in the example), nothing told.
    assert read.codes.to_list() == ["1", "00002"]
    twice = [p for p in read.problems if p.code == "duplicate-commune"]
    assert [p.row for p in twice] == [3, 5]


def test_a_large_long_form_read_by_ranges_reads_the_mark_in_every_range(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The long form parsed range by range (as a file past csv_input.RANGED_BYTES is): the later
    ranges' codes go through the same reading as the first's."""
    from pari_index import api

    monkeypatch.setattr(csv_input, "RANGED_BYTES", 1_000)
    monkeypatch.setattr(csv_input, "RANGE_BYTES", 4_096)
    args = CASES["well-form-codes-marked"](tmp_path)
    root = Path(__file__).parent.parent
    criteria = api.load_criteria(root / "criteria" / "ha-noi-2025-commune.yaml")
    result = api.score([Path(args[1])], criteria, communes=tmp_path / "communes.csv", survey=[tmp_path / "survey.csv"])
    assert "unknown-commune" not in result.findings["kind"].to_list()
    assert result.totals.height == 60


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("'00001", "00001"),
        ("'1", "1"),
        ("''00001", "00001"),  # every mark and space before the code (session 38)
        ("'", "'"),
        ("' 00001", "00001"),
        ("00001", "00001"),
        ("0'1", "0'1"),
        ("’00001", "00001"),  # a curly apostrophe typed for the mark (session 37)
        ("'X-01", "X-01"),
    ],
)
def test_code_text_drops_the_text_marks_before_a_code(written: str, read: str) -> None:
    assert pl.select(code_text(pl.lit(written))).item() == read


#: A code that begins with no mark, space nor Excel's formula (session 38 reads every mark and
#: space before a code, and «="…"», away: test_code_text_drops_the_text_marks_before_a_code).
_PLAIN_START = st.text(min_size=1).filter(lambda t: not t[0].isspace() and t[0] not in TEXT_MARKS and t[0] != "=")


@given(_PLAIN_START)
def test_a_marked_code_reads_as_the_code_and_a_plain_one_unchanged(code: str) -> None:
    frame = pl.DataFrame({"c": [f"'{code}", code]})
    marked, plain = frame.select(code_text(pl.col("c")))["c"].to_list()
    assert marked == code
    assert plain == code


@pytest.fixture(scope="module")
def zeros(tmp_path_factory: pytest.TempPathFactory) -> Tables:
    folder = tmp_path_factory.mktemp("zeros")
    return _run(zeros_lost(folder, None), folder, status=1)


def test_a_code_that_lost_its_zeros_is_told_once_a_code(zeros: Tables) -> None:
    unknown = [f for f in zeros["findings"] if f["kind"] == "unknown-commune"]
    folded = [f for f in zeros["findings"] if f["kind"] == "findings-folded"]
    codes = [f["commune_code"] for f in unknown]
    # Before: 3,429 unknown-commune findings, one a row.
    assert len(codes) == len(set(codes)) == 48
    assert "the register holds 00001: the code lost its leading zeros" in unknown[0]["message"]
    # Each code of more than one row: its one finding counts and names the others (session 37;
    # session 36 told them in a findings-folded of their own, two findings for one code).
    assert folded == []
    assert sum(int(float(f["size"])) for f in unknown) == 3429
    assert "; the same code is on 71 more rows of the file: 3–73" in unknown[0]["message"]


def test_every_row_of_a_code_that_lost_its_zeros_is_still_accounted_for(zeros: Tables) -> None:
    statuses = [row["status"] for row in zeros["rows"]]
    assert statuses.count("rejected") == 3429
    rejected = [row for row in zeros["rows"] if row["status"] == "rejected"]
    assert all("is not in the commune register" in row["reasons"] for row in rejected)


def test_the_limit_set_lists_each_row_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARI_MAX_FINDINGS_OF_A_KIND", "1000")
    tables = _run(zeros_lost(tmp_path, None), tmp_path, status=1)
    assert sum(f["kind"] == "unknown-commune" for f in tables["findings"]) == 3429
    assert not any(f["kind"] == "findings-folded" for f in tables["findings"])


def test_last_year_s_results_read_the_mark_away() -> None:
    """A results file whose codes an officer pasted back as text, with the mark: last year's
    unit 00001 is this year's 00001 (ranking.changes.previous_summary)."""
    from pari_index.ranking.changes import previous_summary

    summary = pl.DataFrame({"commune_code": ["'00001", "00004", "''00007"], "rank": ["1", "2", "3"]})
    summary = summary.with_columns(index=pl.lit("90.5"))
    read = previous_summary({"summary": summary})
    assert read["_p_code"].to_list() == ["00001", "00004", "00007"]  # «''»: the mark (session 38)
