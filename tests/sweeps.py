"""The preamble the hostile sweeps' tests (tests/test_hostile_sweep8..17.py) share, written once:
``pari`` run in this process (:func:`run_in_process`) or as a child (:func:`sweep_child`), and the
two tests every sweep of cases has (:func:`case_tests`): each case has its expectation, and each
case answers it (:func:`children.answers_its_case`); and the CSV results of a child run read back
by table (:func:`csv_results`), with the columns a ranking is judged by (:func:`ranked`) and the
kinds of its findings (:func:`kinds`)."""

from __future__ import annotations

import csv
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
#: The CSV results of a run by table id (``summary``, ``criteria``, ``findings``, ``rows``...).
Tables = dict[str, list[dict[str, str]]]
#: The summary columns a commune's place in the ranking is judged by.
RANKED = ("commune_code", "unit_type", "total_points", "applicable_max", "index", "rank")


def run_in_process(*args: str | Path) -> tuple[int, str]:
    """``pari ARGS`` in this process: its exit status and output, never an internal error nor a
    traceback."""
    result = _RUNNER.invoke(main, [str(a) for a in args])
    assert result.exit_code != EXIT_INTERNAL, result.output
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def register_above_empty_formulas_is_read(args: Sequence[str | Path], folder: Path, text: bool) -> None:
    """A register above rows of formulas whose result is the empty text (``args``: its run, with
    PARI_MAX_REGISTER_ROWS=1000 set by the caller) is read, 60 units registered, exit 0; the same
    rows of ``text`` are refused as too-many-rows (1,560 rows, exit 1). The .xls (complete38) and
    .ods (complete39) cases."""
    import polars as pl

    from pari_index.outputs.results import read_results

    status, said = run_in_process(*args, "--lang", "en")
    if text:
        assert status == 1 and "[too-many-rows]" in said and "1,560 rows" in said, said
        return
    assert status == 0 and "too-many-rows" not in said, said
    rows = read_results(folder / "out.xlsx")["rows"].filter(pl.col("input") == "register")
    assert rows.height == 60 and set(rows["status"]) == {"registered"}


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


def csv_results(args: list[str], folder: Path, *extra: str, lang: str | None = None, status: int = 0) -> Tables:
    """Every table of ``pari ARGS --format csv EXTRA`` (``--lang LANG`` if given), written to
    ``FOLDER/results`` (ARGS' ``-o`` is pointed there), by table id; the run must exit ``status``."""
    args[args.index("-o") + 1] = str(folder / "results")
    language = ["--lang", lang] if lang is not None else []
    done = sweep_child([*args, "--format", "csv", *language, *extra], folder)
    assert done.returncode == status, done.stdout + done.stderr
    tables = {}
    for table in sorted((folder / "results").glob("*.csv")):
        with table.open(encoding="utf-8-sig") as handle:
            tables[table.stem] = list(csv.DictReader(handle))
    return tables


def case_results(
    cases: Mapping[str, Case], case: str, folder: Path, *extra: str, lang: str | None = None, status: int = 0
) -> Tables:
    """:func:`csv_results` of the sweep's case ``case``, its files written into the new ``folder``."""
    folder.mkdir()
    return csv_results(cases[case](folder), folder, *extra, lang=lang, status=status)


def ranked(tables: Tables, columns: Sequence[str] = RANKED) -> list[list[str]]:
    """Each commune's ``columns`` of the summary, in the summary's order."""
    return [[row[k] for k in columns] for row in tables["summary"]]


def kinds(tables: Tables) -> list[str]:
    """The kinds of the run's findings, sorted, one for each finding."""
    return sorted(f["kind"] for f in tables["findings"])


def of_kind(tables: Tables, kind: str) -> list[dict[str, str]]:
    """The run's findings of ``kind``, in the findings table's order."""
    return [f for f in tables["findings"] if f["kind"] == kind]


def unit_row(tables: Tables, code: str) -> dict[str, str]:
    """The summary row of the unit ``code``."""
    return next(r for r in tables["summary"] if r["commune_code"] == code)


def item_row(tables: Tables, code: str, item: str) -> dict[str, str]:
    """The criteria row of the unit ``code``'s item ``item``."""
    return next(r for r in tables["criteria"] if r["commune_code"] == code and r["criterion_id"] == item)
