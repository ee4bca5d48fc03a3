"""What the cases of tests/hostile_faults36.py answer: the warning of an output too long for
Windows tells the longest path its writer really puts there (a results folder's tables of the run's
format, a demo set's files of its format and forms), of a folder by what writes it and not by its
ending; and the shared functions, tested directly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_faults36 import CASES, EXPECTED, NOT_WRITTEN, WRITTEN
from hypothesis import given
from hypothesis import strategies as st
from sweeps import case_tests, language_tests, sweep_child

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
_DEMO = {name: case for name, case in CASES.items() if name.startswith("demo-")}
words, test_each_case_says_it_in_its_own_language = language_tests(
    {name: case for name, case in CASES.items() if name not in _DEMO}, EXPECTED
)
_, test_the_demo_cases_say_it_in_their_own_language = language_tests(_DEMO, EXPECTED, "demo-data")

LONG = {
    "en": "-o: the files pari writes in it reach a full path of {length} characters: Excel and Explorer on "
    "Windows open at most 259",
    "vi": "-o: các tệp pari ghi vào đó có đường dẫn đầy đủ dài {length} ký tự: Excel và Explorer trên Windows chỉ "
    "mở được đường dẫn dài tối đa 259 ký tự",
}


def _longest_written(folder: Path) -> int:
    return max(len(os.path.realpath(Path(r) / f)) for r, _, fs in os.walk(folder) for f in fs)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_the_warning_tells_the_longest_path_written_and_only_a_path_over_the_limit(
    tmp_path: Path, case: str, lang: str
) -> None:
    done = sweep_child([*CASES[case](tmp_path), "--lang", lang], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    name, longest = WRITTEN[case]
    (output,) = [Path(r) / d for r, ds, _ in os.walk(tmp_path) for d in ds if d == name]
    assert _longest_written(output) == longest  # the case is what it says
    warned = said.count("[output-path-too-long-for-windows]")
    assert warned == (longest > 259), said
    if longest > 259:
        assert LONG[lang].format(length=longest) in said, said


def test_each_writer_names_what_it_writes_in_its_folder() -> None:
    from pari_index.cli_params import names_inside

    csv = ("summary.csv", "criteria.csv", "findings.csv", "rows.csv", "about.csv")
    assert names_inside("score", "output", Path("kq"), {"fmt": "csv"}) == csv
    assert names_inside("score", "output", Path("kq"), {"fmt": None}) == csv  # a name without ending: CSV
    assert names_inside("score", "output", Path("kq.parquet"), {"fmt": None}) == tuple(
        n.replace(".csv", ".parquet") for n in csv
    )
    assert names_inside("score", "output", Path("kq.xlsx"), {"fmt": None}) == ()  # a workbook: a file
    assert names_inside("score", "output", Path("kq.2026"), {"fmt": None}) == ()  # refused by the run itself
    assert names_inside("score", "report", Path("bc"), {"fmt": "csv"}) == ()
    assert names_inside("template", "output", Path("mau"), {}) == ()
    long_csv = ("communes.csv", "assessments_long.csv", "survey.csv", "appraisal.csv", "SYNTHETIC-README.md")
    assert names_inside("demo-data", "output", Path("d"), {"fmt": "csv", "forms": ()}) == long_csv
    both = names_inside("demo-data", "output", Path("d"), {"fmt": "xlsx", "forms": ("long", "wide")})
    assert "assessments_wide.xlsx" in both and "assessments_long.xlsx" in both


def test_demo_data_s_path_rule_and_its_length_share_the_writer_s_names() -> None:
    """One list of the set's files (demo.layout.SET_STEMS): what the writer puts in place and
    removes of an earlier set (demo.files), what the path rule judges (cli demo_data) and what the
    length counts."""
    from pari_index.demo import files
    from pari_index.demo.layout import README_NAME, SET_STEMS, set_names

    assert files.SET_STEMS is SET_STEMS
    every = set(set_names("parquet", ("long", "wide")))
    assert every == {f"{stem}.parquet" for stem in SET_STEMS} | {README_NAME}
    assert set_names("csv", ("wide",)) == (
        "communes.csv",
        "assessments_wide.csv",
        "survey.csv",
        "appraisal.csv",
        README_NAME,
    )


@given(
    first=st.integers(min_value=1, max_value=150),
    second=st.integers(min_value=1, max_value=150),
    names=st.lists(st.text(alphabet="abcđếệ\U0001f4c1_.", min_size=1, max_size=30), min_size=1, max_size=6),
)
def test_a_folder_counts_its_longest_name_in_utf16_units(first: int, second: int, names: list[str]) -> None:
    from pari_index.outputs.path_lengths import long_for_windows, windows_length

    path = Path("/" + "x" * first + "/" + "y" * second)  # no name over 255 bytes: none refused
    depth = first + 1 + second
    longest = max(len(n.encode("utf-16-le")) // 2 for n in names)
    assert windows_length(path, names) == 1 + depth + 1 + longest
    assert windows_length(path) == 1 + depth
    told = long_for_windows("-o", path, names)
    assert (told is not None) == (1 + depth + 1 + longest > 259)
    assert long_for_windows("-o", path) is None or 1 + depth > 259
