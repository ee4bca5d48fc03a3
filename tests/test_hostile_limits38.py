"""What the cases of tests/hostile_limits38.py answer; where the rows of a results table read back
are held (a summary given alone to PARI_MAX_REGISTER_ROWS, a Parquet table of a results folder
and a results workbook's sheet to the rows its about table records, before each is parsed); and
that ``pari diff`` matches items as when every pair's ratio was computed, its bound now the
titles' longest common subsequence."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest
from children import pari_child
from hostile_limits38 import CASES, EXPECTED, LISTINGS, NOT_WRITTEN, _grown_parquet, _parquet_results
from hypothesis import given, settings
from hypothesis import strategies as st
from sweeps import case_tests, language_tests
from test_hostile_limits37 import _every_pair, _titled

from pari_index.authoring import diff
from pari_index.errors import IntakeError
from pari_index.outputs.results import read_results
from pari_index.outputs.results_checks import ABOUT_MOST_ROWS, parquet_rows_refused

SWEPT = {name: case for name, case in CASES.items() if name not in LISTINGS}
(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(SWEPT, EXPECTED, NOT_WRITTEN)
# The results workbook cases name the sheet as the workbook names it («Tổng hợp», the file's own
# text, whatever --lang), as at 5bf6759: their words are checked in Vietnamese by the sweep alone.
WORDED = {name: case for name, case in SWEPT.items() if "results-workbook" not in name}
EXPLAIN = {name: case for name, case in WORDED.items() if name.startswith("explain")}
SCORE = {name: case for name, case in WORDED.items() if not name.startswith("explain")}
words, test_each_explain_case_says_it_in_its_own_language = language_tests(EXPLAIN, EXPECTED, "explain")
_words, test_each_score_case_says_it_in_its_own_language = language_tests(SCORE, EXPECTED)


@pytest.fixture(scope="module")
def parquet_results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _parquet_results(tmp_path_factory.mktemp("parquet-results"))


def test_a_parquet_table_is_refused_by_its_footer_rows_past_those_written() -> None:
    """60 rows written: 60 or fewer pass (fewer are told once read, by check_whole); 61 are
    refused with the CSV table's words; a table not recorded passes; the about table past
    ABOUT_MOST_ROWS is refused."""
    summary = parquet_rows_refused(Path("kq"), "summary", 60)
    assert summary(60) is None and summary(0) is None
    refused = summary(61)
    assert refused is not None and refused.code == "results-damaged" and refused.sheet == "summary"
    assert refused.params == {"results_problem": "rows_changed", "table": "summary", "found": 61, "written": 60}
    assert parquet_rows_refused(Path("kq"), "findings", None)(10**9) is None
    about = parquet_rows_refused(Path("kq"), "about", None)
    assert about(ABOUT_MOST_ROWS) is None
    over = about(ABOUT_MOST_ROWS + 1)
    assert over is not None and over.params["found"] == ABOUT_MOST_ROWS + 1


@pytest.mark.parametrize("ext", ["csv", "parquet"])
def test_a_summary_alone_is_read_up_to_the_register_rows_limit_and_refused_past_it(
    parquet_results: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ext: str
) -> None:
    """The example's 60 units alone: read at PARI_MAX_REGISTER_ROWS=60, refused at 59 before it
    is parsed, naming the file, its rows and the variable."""
    summary = tmp_path / f"summary.{ext}"
    frame = pl.read_parquet(parquet_results / "summary.parquet")
    frame.write_csv(summary) if ext == "csv" else frame.write_parquet(summary)
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "60")
    assert read_results(summary, whole=False)["summary"].height == 60
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "59")
    with pytest.raises(IntakeError) as refused:
        read_results(summary, whole=False)
    (problem,) = refused.value.problems
    assert (problem.code, problem.file, problem.params["rows"], problem.params["limit"]) == (
        "too-many-rows",
        str(summary),
        60,
        59,
    )
    assert problem.params["rows_table"] == "summary" and problem.params["limit_name"] == "PARI_MAX_REGISTER_ROWS"


def test_a_parquet_results_folder_as_written_is_read_and_one_row_more_is_refused(
    parquet_results: Path, tmp_path: Path
) -> None:
    results = tmp_path / "kq"
    shutil.copytree(parquet_results, results)
    assert read_results(results)["summary"].height == 60
    _grown_parquet(results / "criteria.parquet", 1)
    with pytest.raises(IntakeError) as refused:
        read_results(results)
    (problem,) = refused.value.problems
    assert problem.code == "results-damaged" and problem.params["table"] == "criteria"
    assert problem.params["found"] == problem.params["written"] + 1


def test_a_diff_of_two_renumbered_sets_of_long_titles_lists_every_item_moved(tmp_path: Path) -> None:
    """The listing of ``pari diff`` (a real child), as at 5bf6759: 444 items moved, no word of
    comparisons cut, the sets kept; area 1.3, whose changed word falls in the first 300
    characters of its title (difflib's ratio 0.32: the word shifts the rest), removed and 6.3 added."""
    case = "diff-of-two-renumbered-sets-of-long-titles"
    args = CASES[case](tmp_path)
    status, _code, kept = EXPECTED[case]
    before = {name: (tmp_path / name).read_bytes() for name in kept}
    done = pari_child(args, tmp_path, timeout=240)
    assert done.returncode == status and "Traceback" not in done.stderr, done.stderr
    assert done.stdout.count(": chuyển chỗ / đổi số\n") == 444, done.stdout[-2000:]
    assert done.stdout.count(": bỏ\n") == 1 and "\n1.3: bỏ\n" in done.stdout
    assert done.stdout.count(": thêm mới\n") == 1 and "\n6.3: thêm mới\n" in done.stdout
    assert "ghép mục theo tên" not in done.stdout
    assert all((tmp_path / name).read_bytes() == data for name, data in before.items())


def _longest_common(x: str, y: str) -> int:
    """The longest common subsequence's length, by the textbook table."""
    above = [0] * (len(y) + 1)
    for char in x:
        row = [0]
        for j, other in enumerate(y):
            row.append(above[j] + 1 if char == other else max(above[j + 1], row[j]))
        above = row
    return above[-1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abạ ", max_size=60), st.text(alphabet="abạ ", max_size=60))
def test_the_common_subsequence_is_the_longest_and_bounds_difflib_s_ratio(x: str, y: str) -> None:
    import difflib

    found = diff._common_subsequence(x, diff._char_masks(y), len(y))
    assert found == _longest_common(x, y)
    if x or y:
        assert difflib.SequenceMatcher(None, x, y).ratio() <= 2 * found / (len(x) + len(y))


def _edited(title: str, places: list[int]) -> str:
    """``title`` with the characters at ``places`` (taken modulo its length) replaced or dropped."""
    letters = list(title)
    for place in places:
        if letters:
            k = place % len(letters)
            letters[k : k + 1] = [] if place % 2 else ["x"]
    return "".join(letters)


LONG_TITLES = st.lists(
    st.tuples(st.text(alphabet="abcạ ", min_size=150, max_size=300), st.lists(st.integers(0, 600), max_size=80)),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40, deadline=None)
@given(LONG_TITLES)
def test_long_titles_edited_are_matched_as_when_every_pair_was_compared(titles: list[tuple[str, list[int]]]) -> None:
    """Long titles of few letters share nearly every character (quick_ratio near 1), so the
    longest common subsequence decides which pairs difflib compares; each new title is an old one
    with up to 80 characters replaced or dropped (so that ratios lie on both sides of
    TITLE_SIMILARITY): the same matching as when every pair's ratio is computed."""
    old = _titled([title for title, _ in titles], 0)
    new = _titled([_edited(title, places) for title, places in reversed(titles)], 100)
    assert diff._match(old, new, diff._Similarity()) == _every_pair(old, new)


@pytest.mark.parametrize("command", ["report", "explain"])
def test_a_summary_sheet_alone_past_the_rows_limit_is_named_as_what_each_command_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """A results workbook of its summary sheet alone, past PARI_MAX_REGISTER_ROWS, is refused by
    ``pari report`` and ``pari explain`` too: each says «a results summary» in its language, never
    «earlier results» (review of session 38: «summary of earlier results» for pari report)."""
    import fastexcel
    import xlsxwriter
    from hostile_limits38 import _results_workbook_grown

    source = _results_workbook_grown(tmp_path, 0)
    name = fastexcel.read_excel(str(source)).sheet_names[0]
    rows = fastexcel.read_excel(str(source)).load_sheet(name, header_row=None, dtypes="string").to_polars().rows()
    alone = tmp_path / "tong-hop.xlsx"
    workbook = xlsxwriter.Workbook(str(alone))
    sheet = workbook.add_worksheet(name)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write_string(r, c, value)
    workbook.close()
    args = {
        "report": ["report", str(alone), "-o", "bao-cao.html"],
        "explain": ["explain", "00001", "--results", str(alone)],
    }[command]
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "10")
    said = {lang: pari_child([*args, "--lang", lang], tmp_path) for lang in ("vi", "en")}
    for lang, words, earlier in (("vi", "bảng Tổng hợp kết quả", "năm trước"), ("en", "a results summary", "earlier")):
        done = said[lang]
        assert done.returncode == 1 and "[too-many-rows]" in done.stderr, done.stderr
        assert f"{len(rows) - 1}" in done.stderr and "PARI_MAX_REGISTER_ROWS" in done.stderr
        assert words in done.stderr and earlier not in done.stderr, done.stderr
    assert not (tmp_path / "bao-cao.html").exists()
