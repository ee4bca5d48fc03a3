"""What the cases of tests/hostile_paths38.py answer; how a name that begins as the command's short
options is read (cli_params._read_as_short_options) and told; that a name of spaces, an ending
alone and a file of the other kind (a criteria set for a table, a table for the set) are told as
such by the library's own readers too."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from children import answers_its_case, pari_child
from click.testing import CliRunner
from hostile_paths38 import CASES, CRITERIA_CASES, EXPECTED, NOT_WRITTEN, WRITTEN
from hostile_sweep8 import CRITERIA, EXAMPLES
from sweeps import case_tests, language_tests

from pari_index.cli import main
from pari_index.cli_params import _read_as_short_options
from pari_index.criteria.loading import load_criteria
from pari_index.errors import CriteriaError, IntakeError
from pari_index.intake.tables import read_table_file

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(
    {name: case for name, case in CASES.items() if name not in CRITERIA_CASES}, EXPECTED
)
_, test_each_criteria_case_says_it_in_its_own_language = language_tests(
    {name: CASES[name] for name in CRITERIA_CASES}, EXPECTED, "criteria"
)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)
    assert set(NOT_WRITTEN) <= set(CASES) and set(WRITTEN) <= set(CASES) and len(CRITERIA_CASES) == 5
    assert all(EXPECTED[name][0] == 0 for name in WRITTEN)


@pytest.mark.parametrize("case", sorted(WRITTEN))
def test_a_case_that_works_writes_its_output(tmp_path: Path, case: str) -> None:
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    assert (tmp_path / WRITTEN[case]).is_file()


_SHORT = {
    "-o": click.Option(["-o", "--output"]),
    "-q": click.Option(["-q", "--quiet"], is_flag=True),
    "-h": click.Option(["-h", "--help"], is_flag=True),
}


@pytest.mark.parametrize(
    ("token", "read"),
    [
        ("-o.csv", ["-o .csv"]),
        ("-okq.xlsx", ["-o kq.xlsx"]),
        ("-qo.csv", ["-q", "-o .csv"]),
        ("-hq", ["-h", "-q"]),
        ("-qq", ["-q", "-q"]),
        ("-o", None),  # one option alone: meant as such
        ("-qo", None),  # -o's value is the next argument
        ("-x.csv", None),  # no option -x: click's NoSuchOption, input-name-dash's
        ("-qx.csv", None),
        ("--output=kq.xlsx", None),
        ("kq.xlsx", None),
        ("-", None),
    ],
)
def test_a_name_is_read_as_click_reads_a_cluster_of_short_options(token: str, read: list[str] | None) -> None:
    assert _read_as_short_options(token, _SHORT) == read


@pytest.mark.parametrize(
    ("argv", "options"),
    [
        (["score", "-o.csv", "--communes", "c.csv", "-o", "out.xlsx"], "-o .csv"),
        (["score", "a.csv", "-q", "-o.XLSX"], "-o .XLSX"),
        (["report", "-o.html", "kq.xlsx"], "-o .html"),
        (["template", "-o.xlsx"], "-o .xlsx"),
        (["demo-data", "-o.csv"], "-o .csv"),
    ],
)
def test_an_ending_glued_to_a_short_option_is_told_whether_or_not_a_file_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], options: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*argv, "--lang", "en"], prog_name="pari")
    assert result.exit_code == 2, result.output
    assert f"is read as options of pari {argv[0]} ({options}), not as a file [input-name-options]" in result.output
    assert f"write ./{argv[argv.index(options.replace(' ', ''))]} (or put -- before" in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_file_named_as_options_is_read_after_two_dashes(tmp_path: Path) -> None:
    """As a subprocess: ``--`` ends the options, every name after it is a file's."""
    for name in ("communes.csv", "survey.csv"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    (tmp_path / "-o.csv").write_bytes((EXAMPLES / "assessments_long.csv").read_bytes())
    args = ["score", "--communes", "communes.csv", "--survey", "survey.csv", "-o", "out.xlsx", "-q", "--", "-o.csv"]
    done = pari_child(args, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "out.xlsx").is_file() and not (tmp_path / ".csv").exists()


def test_the_help_is_still_asked_for_by_its_own_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``-h`` alone is the help, even beside a file so named."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-h").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "-h"])
    assert result.exit_code == 0 and "--communes" in result.output, result.output


@pytest.mark.parametrize("name", ["bo.yaml", "bo.YML", "bo.txt", "bo", "bo.csv"])
def test_the_library_reads_no_criteria_set_as_a_table(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes((CRITERIA / "ha-noi-2025-commune.yaml").read_bytes())
    result = read_table_file(tmp_path / name)
    assert result.sheets == [] and [p.code for p in result.problems] == ["table-is-criteria"]
    assert result.problems[0].file == str(tmp_path / name)


@pytest.mark.parametrize("name", ["communes.csv", "dv.TSV", "dv.parquet", "dv.txt", "dv"])
def test_the_library_reads_no_table_as_a_criteria_set(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes((EXAMPLES / "communes.csv").read_bytes())
    with pytest.raises(CriteriaError) as raised:
        load_criteria(tmp_path / name)
    assert [p.code for p in raised.value.problems] == ["criteria-is-table"]


def test_a_criteria_set_with_its_own_ending_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "bo.txt").write_bytes((CRITERIA / "ha-noi-2025-commune.yaml").read_bytes())
    assert load_criteria(tmp_path / "bo.txt").criteria.id == "ha-noi-2025-commune"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("- 1.1, 2\n- 1.2, 3\n", "not-a-mapping"),  # a YAML list: not a table
        ("ma_xa: 1, 2\nten: a, b\n", "schema:missing"),  # a mapping whose values hold commas
        ("# ghi chú, bộ chỉ số\nid: x\n", "schema:missing"),
    ],
)
def test_a_yaml_text_with_commas_is_no_table(tmp_path: Path, text: str, code: str) -> None:
    """A set's text known as a table by its content (dv.txt, reviewb38) only when it has no
    top-level key and its first lines are fields: a YAML list or mapping keeps its own problem."""
    (tmp_path / "bo.txt").write_text(text, encoding="utf-8")
    with pytest.raises(CriteriaError) as raised:
        load_criteria(tmp_path / "bo.txt")
    codes = [p.code for p in raised.value.problems]
    assert "criteria-is-table" not in codes and code in codes, codes


def test_a_table_whose_cells_hold_keys_is_read(tmp_path: Path) -> None:
    """A register whose first cell reads as a key (``id: 1``) but with no set's ``id:`` line is
    still a table."""
    (tmp_path / "dv.txt").write_text("ma_xa,ten\nid: 1,a\n", encoding="utf-8")
    assert read_table_file(tmp_path / "dv.txt").problems == []


def test_a_folder_is_no_annex(tmp_path: Path) -> None:
    from pari_index.authoring.workbook_in import read_annex

    (tmp_path / "phu-luc").mkdir()
    with pytest.raises(IntakeError) as raised:
        read_annex(tmp_path / "phu-luc", "phu-luc")
    assert [(p.code, p.file) for p in raised.value.problems] == [("is-a-directory", "phu-luc")]
