"""What the cases of tests/hostile_paths37.py answer; that every line pari prints shows a name's
control characters as a finding does (no escape sequence reaches the console, no line begins with
what followed a line feed inside a name); that a file named with a leading dash is told as one,
a mistyped option still as click tells it; and that a Windows path is told where this system is not
Windows, a name really so spelled here read as it is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from children import answers_its_case
from click.testing import CliRunner
from hostile_paths37 import CASES, CRITERIA_CASES, EXPECTED, FORGED, NOT_WRITTEN, SHOWN
from hypothesis import given
from hypothesis import strategies as st
from sweeps import case_tests, language_tests

from pari_index.cli import main
from pari_index.errors import path_form, shown_path, windows_form
from pari_index.scoring.completeness import notices

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
#: Cases whose console quotes the user's own words in the other language (the annex's cells in
#: an English import, the heading «mã xã» a register may use): tests/test_language_leaks.py
#: judges those commands on data of their own.
QUOTING = {
    "left-out-file-named-with-a-line-feed",
    "import-into-a-folder-named-with-controls",
    "template-register-named-with-a-line-feed",
}
words, test_each_case_says_it_in_its_own_language = language_tests(
    {name: case for name, case in CASES.items() if name not in {*CRITERIA_CASES, *QUOTING}}, EXPECTED
)
_, test_each_criteria_case_says_it_in_its_own_language = language_tests(
    {name: CASES[name] for name in CRITERIA_CASES if name not in QUOTING}, EXPECTED, "criteria"
)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)
    assert set(NOT_WRITTEN) <= set(CASES) and len(SHOWN) == 9 and len(CRITERIA_CASES) == 4


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", SHOWN)
def test_a_name_s_control_characters_are_shown_on_every_line(tmp_path: Path, case: str, lang: str) -> None:
    """No ESC nor BEL reaches the console; the line feed inside a name is ``<U+000A>``, so no
    line begins with what followed it; the name is printed (shown) at least once."""
    status, code, kept = EXPECTED[case]
    said = answers_its_case([*CASES[case](tmp_path), "--lang", lang], tmp_path, (status, None, kept))
    assert code is None or f"[{code}]" in said, said
    assert "\x1b" not in said and "\x07" not in said, said
    assert not [line for line in said.splitlines() if line.startswith(FORGED)], said
    assert "<U+000A>ZZ" in said, said


def test_the_banner_of_a_file_left_out_is_one_line() -> None:
    facts = {"files_left_out": "dg\nZZ.csv; kq\x1b[2J.csv"}
    assert notices(facts, "en") == [
        "INCOMPLETE: dg<U+000A>ZZ.csv; kq<U+001B>[2J.csv could not be read and was left out (--allow-incomplete)."
    ]
    (vi,) = notices(facts, "vi")
    assert "\n" not in vi and "dg<U+000A>ZZ.csv; kq<U+001B>[2J.csv" in vi


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_a_shown_path_holds_no_control_nor_line_break(name: str) -> None:
    shown = shown_path(Path("kq") / name) if name not in ("", ".", "..") and "/" not in name else shown_path(name)
    assert not any(c < " " or "\x7f" <= c < "\xa0" or c in "\u2028\u2029" for c in shown), shown
    assert shown_path("Kết quả 2025/kq.xlsx") == "Kết quả 2025/kq.xlsx"  # letters stay


@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (["score", "-2025.csv"], "-2025.csv"),
        (["score", "a.csv", "--2025.csv"], "--2025.csv"),
        (["validate", "-nhap.YAML"], "-nhap.YAML"),
        (["report", "-kq.xlsx", "-o", "bc.html"], "-kq.xlsx"),
        (["explain", "00001", "--results", "kq.xlsx", "-x.parquet"], "-x.parquet"),
        (["criteria", "export", "-bo.yml", "-o", "p.xlsx"], "-bo.yml"),
        # Review 37: names beginning with a known short flag (-q), click stopping at the next letter
        # ("No such option '-u'" until this review).
        (["score", "-quy2.csv"], "-quy2.csv"),
        (["score", "-q2.csv", "--communes", "c.csv"], "-q2.csv"),
        (["validate", "-qua.yaml"], "-qua.yaml"),
    ],
)
def test_a_file_named_with_a_leading_dash_is_told_as_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], shown: str
) -> None:
    """Told whether or not the file is there (its ending says it is a file's name), with the
    ``./`` spelling that gives it."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*argv, "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "[input-name-dash]" in result.output and f"write ./{shown} " in result.output, result.output
    assert "No such option" not in result.output


@pytest.mark.parametrize(
    ("argv", "click_says"),
    [
        (["score", "--comunes", "c.csv"], "No such option '--comunes'. Did you mean '--communes'?"),
        (["score", "-z"], "No such option '-z'"),
        (["score", "--lang=en", "--kq=x.csv"], "No such option '--kq'"),
        (["validate", "-x"], "No such option '-x'"),
        (["score", "a.csv", "-qz"], "No such option '-z'"),
    ],
)
def test_a_mistyped_option_keeps_click_s_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], click_says: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*argv, "--lang", "en"])
    assert result.exit_code == 2 and click_says in result.output, result.output
    assert "input-name-dash" not in result.output


def test_a_file_named_with_a_dash_is_read_after_dot_slash_or_two_dashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    set_text = (Path(__file__).parents[1] / "criteria" / "ha-noi-2025-commune.yaml").read_bytes()
    (tmp_path / "-nhap.yaml").write_bytes(set_text)
    for argv in (["validate", "--lang", "en", "./-nhap.yaml"], ["validate", "--lang", "en", "--", "-nhap.yaml"]):
        result = CliRunner().invoke(main, argv)
        assert result.exit_code == 0 and "-nhap.yaml: ok" in result.output, result.output


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("C:\\Users\\thu\\communes.csv", "C:"),
        ("c:/data/communes.csv", "c:"),
        ("D:communes.csv", "D:"),
        ("\\\\may-chu\\chung\\danh-gia.csv", "\\\\may-chu\\chung"),
        ("\\\\may-chu\\chung/danh-gia.csv", "\\\\may-chu\\chung"),
    ],
)
def test_a_windows_path_is_told_by_its_drive_or_share(tmp_path: Path, text: str, form: str) -> None:
    os.chdir(tmp_path)
    assert windows_form(text) == form
    problem = path_form(text)
    assert problem is not None and problem.code == "path-windows-form"
    assert problem.params == {"form": form} and problem.file == text


@pytest.mark.parametrize(
    "text", ["communes.csv", "data/C:x.csv", "\\\\may-chu", "\\x.csv", "//may-chu/chung/x.csv", "https://x.vn/a.csv"]
)
def test_other_names_are_no_windows_path(text: str) -> None:
    assert windows_form(text) is None


def test_a_name_really_spelled_as_a_windows_path_is_read_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("C:communes.csv", "C:\\Users\\thu\\communes.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
        assert windows_form(name) is None and path_form(name) is None
    (tmp_path / "C:").mkdir()
    assert windows_form("C:/data/communes.csv") is None  # a folder named C: here: a name


def test_the_library_refuses_a_windows_path_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pari_index as pari
    from pari_index.errors import PariError

    monkeypatch.chdir(tmp_path)
    with pytest.raises(PariError) as caught:
        pari.score(["C:\\Users\\thu\\danh-gia.csv"], no_survey=True)
    assert [p.code for p in caught.value.problems] == ["path-windows-form"]
