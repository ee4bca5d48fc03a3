"""The preamble the hostile sweeps' tests (tests/test_hostile_sweep8..17.py) share, written once:
``pari`` run in this process (:func:`run_in_process`) or as a child (:func:`sweep_child`), and the
two tests every sweep of cases has (:func:`case_tests`): each case has its expectation, and each
case answers it (:func:`children.answers_its_case`)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest
from children import answers_its_case, pari_child
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.errors import EXIT_INTERNAL

_RUNNER = CliRunner()
#: A sweep's case: it writes its files into an empty folder and returns pari's argv.
Case = Callable[[Path], list[str]]


def run_in_process(*args: str | Path) -> tuple[int, str]:
    """``pari ARGS`` in this process: its exit status and output, never an internal error nor a
    traceback."""
    result = _RUNNER.invoke(main, [str(a) for a in args])
    assert result.exit_code != EXIT_INTERNAL, result.output
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def sweep_child(args: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    """``pari ARGS`` as a child process in ``folder``, failing the test after 120 s."""
    return pari_child(args, folder, timeout=120)


def case_tests(
    cases: Mapping[str, Case],
    expected: Mapping[str, tuple[int, str | None, Sequence[str]]],
    not_written: Mapping[str, Sequence[str]],
    *,
    listed: bool = False,
) -> tuple[Callable[..., None], ...]:
    """The tests of a sweep's ``cases``: each answers its ``expected`` (status, code, the user's
    files kept), writing none of ``not_written``; with ``listed``, also that every case has an
    expectation and every expectation a case. A test module takes them as its own names::

        (test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(...)
    """

    @pytest.mark.parametrize("case", sorted(cases))
    def test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
        answers_its_case(cases[case](tmp_path), tmp_path, expected[case], not_written.get(case, ()))

    def test_every_case_has_its_expectation() -> None:
        assert sorted(cases) == sorted(expected)

    if listed:
        return (
            test_every_case_has_its_expectation,
            test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
        )
    return (test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,)


def language_tests(
    cases: Mapping[str, Case], expected: Mapping[str, tuple[int, str | None, Sequence[str]]], command: str = "score"
) -> tuple[Callable[..., object], Callable[..., None]]:
    """The fixture ``words`` (the data's vocabulary) and the test that each case, run with ``--lang vi``
    and ``--lang en``, answers its status in that language alone (tests/language_leaks.py). A test
    module takes them as its own names::

        words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)
    """
    from language_leaks import Vocabulary, data_text, leaks, vocabulary

    @pytest.fixture(scope="module")
    def words() -> Vocabulary:
        return vocabulary(data_text())

    @pytest.mark.parametrize("lang", ["vi", "en"])
    @pytest.mark.parametrize("name", sorted(cases))
    def test_each_case_says_it_in_its_own_language(tmp_path: Path, name: str, lang: str, words: Vocabulary) -> None:
        done = sweep_child([*cases[name](tmp_path), "--lang", lang], tmp_path)
        said = done.stdout + done.stderr
        assert done.returncode == expected[name][0], said
        assert leaks(said, lang, words, command) == [], said

    return words, test_each_case_says_it_in_its_own_language
