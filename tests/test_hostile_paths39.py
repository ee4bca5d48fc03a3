"""What the cases of tests/hostile_paths39.py answer; that only the evidence folder is a folder no
output may be written into, and that a name holding a quote cmd left in it is told as such by the
library's readers too."""

from __future__ import annotations

from pathlib import Path

import pytest
from children import answers_its_case
from hostile_paths39 import CASES, CRITERIA_CASES, EXPECTED, NOT_WRITTEN, WRITTEN
from hostile_sweep8 import EXAMPLES
from sweeps import case_tests, language_tests

from pari_index.errors import IntakeError, OutputError, stray_quote, wildcard
from pari_index.intake.tables import read_table_file
from pari_index.outputs.path_identity import Source, Target
from pari_index.outputs.paths import check_paths, sources

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(
    {name: case for name, case in CASES.items() if name not in CRITERIA_CASES}, EXPECTED
)
_, test_each_criteria_case_says_it_in_its_own_language = language_tests(
    {name: CASES[name] for name in CRITERIA_CASES}, EXPECTED, "criteria"
)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)
    assert set(NOT_WRITTEN) <= set(CASES) and set(WRITTEN) <= set(CASES) and len(CRITERIA_CASES) == 3
    assert all(EXPECTED[name][0] == 0 for name in WRITTEN)


@pytest.mark.parametrize("case", sorted(WRITTEN))
def test_a_case_that_works_writes_its_output(tmp_path: Path, case: str) -> None:
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    assert (tmp_path / WRITTEN[case]).is_file()


def test_the_output_beside_the_forms_folder_says_the_folder_is_not_read(tmp_path: Path) -> None:
    """The words, in English: the folder given as the assessments, not "the evidence folder"."""
    from sweeps import sweep_child

    said = sweep_child([*CASES["forms-folder-with-the-results-inside"](tmp_path), "--lang", "en"], tmp_path)
    out = said.stdout + said.stderr
    assert "error: bieu-mau: this is a folder, not a file [is-a-directory]" in out, out
    assert "evidence" not in out, out


@pytest.mark.parametrize("option", ["ASSESSMENTS", "--communes", "--survey", "--criteria", "--previous-file"])
def test_only_the_evidence_folder_keeps_outputs_out(tmp_path: Path, option: str) -> None:
    (tmp_path / "d").mkdir()
    target = Target(tmp_path / "d" / "kq.xlsx", "-o", suffixes=(".xlsx",))
    check_paths([target], sources((option, tmp_path / "d")))  # nothing refused: the reading refuses the folder
    with pytest.raises(OutputError) as raised:
        check_paths([target], sources(("--evidence-dir", tmp_path / "d")))
    assert [p.code for p in raised.value.problems] == ["output-in-evidence-folder"]
    with pytest.raises(OutputError) as raised:  # a Source made by hand is a folder read as before
        check_paths([target], [Source(tmp_path / "d", option)])
    assert [p.code for p in raised.value.problems] == ["output-in-evidence-folder"]


@pytest.mark.parametrize(
    ("typed", "before"),
    [('forms"', "«forms»"), ('dv.csv" -q', "«dv.csv»"), ('D:\\kq" --report x.html', "«D:\\kq»"), ('a"b"', "«a»")],
)
def test_a_quote_after_the_first_letter_is_told_with_the_name_before_it(typed: str, before: str) -> None:
    problem = stray_quote(typed)
    assert problem is not None and problem.code == "input-stray-quote"
    assert problem.params["path"] == before and problem.file == typed


@pytest.mark.parametrize("typed", ['"forms', "forms", "kq.xlsx", ""])
def test_a_name_without_a_quote_after_its_first_letter_is_none_of_it(typed: str) -> None:
    assert stray_quote(typed) is None


def test_the_library_reader_tells_the_quote(tmp_path: Path) -> None:
    (tmp_path / "dv.csv").write_bytes((EXAMPLES / "communes.csv").read_bytes())
    with pytest.raises(IntakeError) as raised:
        read_table_file(tmp_path / 'dv.csv" -q')
    assert [p.code for p in raised.value.problems] == ["input-stray-quote"]
    assert raised.value.problems[0].params["path"] == f"«{tmp_path / 'dv.csv'}»"


def test_the_library_reads_no_criteria_set_as_an_annex(tmp_path: Path) -> None:
    from hostile_sweep8 import CRITERIA

    from pari_index.authoring.workbook_in import read_annex

    (tmp_path / "bo.yml").write_bytes((CRITERIA / "ha-noi-2025-commune.yaml").read_bytes())
    with pytest.raises(IntakeError) as raised:
        read_annex(tmp_path / "bo.yml", "bo.yml")
    assert [(p.code, p.file) for p in raised.value.problems] == [("annex-is-criteria", "bo.yml")]


# ---------------------------------------------------------------------------------------------
# Windows' cmd leaves wildcards to the program, and click's glob read ``[1]`` as a set of letters.


def _on_windows(args: list[str], folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from pari_index.cli import main, windows_arguments

    monkeypatch.chdir(folder)
    return windows_arguments(main, args)


def test_on_windows_a_name_with_brackets_is_the_file_it_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """a6bdad8 gave ``danh gia 1.xlsx``, ``dv 0.csv`` and ``kq 2.xlsx`` in their places."""
    for name in ("danh gia [1].xlsx", "danh gia 1.xlsx", "dv [2025].csv", "dv 0.csv", "kq 2.xlsx"):
        (tmp_path / name).write_text("x")
    args = ["score", "danh gia [1].xlsx", "--communes", "dv [2025].csv", "-o", "kq [2025].xlsx", "-q"]
    assert _on_windows(args, tmp_path, monkeypatch) == args


def test_on_windows_a_pattern_takes_brackets_as_letters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("danh gia [1] a.xlsx", "danh gia [1] b.xlsx", "danh gia 1 c.xlsx"):
        (tmp_path / name).write_text("x")
    assert _on_windows(["score", "danh gia [1]*.xlsx", "-o", "kq.xlsx"], tmp_path, monkeypatch) == [
        "score",
        "danh gia [1] a.xlsx",
        "danh gia [1] b.xlsx",
        "-o",
        "kq.xlsx",
    ]


def test_on_windows_a_name_that_is_there_is_not_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file really named ``~`` or ``%TEMP%`` is the file it names; a name not there is expanded
    (here by posixpath's expandvars, which reads ``$TEMP`` where Windows' reads ``%TEMP%``)."""
    for name in ("~", "%TEMP%", "a*.csv", "ab.csv"):
        (tmp_path / name).write_text("x")
    monkeypatch.setenv("TEMP", "tam")
    args = ["score", "~", "%TEMP%", "a*.csv", "--cache", "$TEMP/c"]
    assert _on_windows(args, tmp_path, monkeypatch) == ["score", "~", "%TEMP%", "a*.csv", "--cache", "tam/c"]


def test_a_pattern_with_backslashes_names_the_files_it_matches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bieu-mau [1]").mkdir()
    for name in ("a.csv", "b.csv", "c.xlsx"):
        (tmp_path / "bieu-mau [1]" / name).write_text("x")
    problem = wildcard("bieu-mau [1]\\*.csv")
    assert problem is not None and problem.code == "input-wildcard"
    assert problem.params["matched"] == "«bieu-mau [1]/a.csv», «bieu-mau [1]/b.csv»"
    assert wildcard("bieu-mau [1]\\*.pdf").code == "input-wildcard-unmatched"  # type: ignore[union-attr]
