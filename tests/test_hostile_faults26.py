"""What the cases of tests/hostile_faults26.py answer: a Ctrl-C while ``pari`` imports its command
or click reads the command line stops the command as one during its run does, in its language
(exit 130, no traceback, no "Aborted!", nothing written); and the entry points start from
pari_index.launch."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import pytest
from children import pari_child, python_child
from hostile_faults26 import CACHE_CASES, CTRL_C_AT_IMPORT, NOT_WRITTEN, STOPS, UNSEARCHABLE
from language_leaks import Vocabulary, data_text, vocabulary
from test_hostile_faults23 import answers_in_its_language

from pari_index.launch import command_lang

ROOT = Path(__file__).resolve().parents[1]
#: What a stopped command says, in each language (pari_index.messages.command_line.STOPPED).
SAID = {"vi": "đã dừng (Ctrl-C)", "en": "interrupted"}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", sorted(STOPS))
def test_each_case_stops_as_a_run_does_in_its_language(tmp_path: Path, name: str, lang: str) -> None:
    case = STOPS[name]
    args = case.make(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    done = python_child(["-c", CTRL_C_AT_IMPORT, case.at_import, *args, "--lang", lang], tmp_path, timeout=120)
    said = done.stdout + done.stderr
    status, _, _ = case.expected
    assert done.returncode == status, said
    assert said.strip().splitlines()[-1] == SAID[lang], said
    assert SAID["en" if lang == "vi" else "vi"] not in said, said
    assert "Traceback" not in said and "Aborted!" not in said, said
    assert not any(os.path.lexists(tmp_path / n) for n in NOT_WRITTEN[name]), os.listdir(tmp_path)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before, "a file changed or appeared"


def test_without_the_ctrl_c_a_case_runs_to_its_end(tmp_path: Path) -> None:
    """The hook alone changes nothing: given a module no import asks for, it sends no signal, and
    the command runs as the console script runs it (so a case's 130 is the Ctrl-C's doing)."""
    case = STOPS["ctrl-c-reading-options-score"]
    done = python_child(["-c", CTRL_C_AT_IMPORT, "no.such.module", *case.make(tmp_path)], tmp_path, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "out.xlsx").exists() and (tmp_path / "report.html").exists()


#: How the run says a cache it could not use, in each language (messages.command_line).
IGNORED = {"vi": "Bộ nhớ đệm: bỏ qua ", "en": "Cache: ignored "}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", sorted(CACHE_CASES))
def test_a_cache_folder_the_system_will_not_look_up_is_ignored_and_said(tmp_path: Path, name: str, lang: str) -> None:
    case = CACHE_CASES[name]
    args = case.make(tmp_path)
    kept = {n: (tmp_path / n).read_bytes() for n in case.expected[2]}
    done = pari_child([*args, "--lang", lang], tmp_path, timeout=120, ordinary_user=case.ordinary_user)
    said = done.stdout + done.stderr
    assert done.returncode == case.expected[0], said
    assert IGNORED[lang] in said and IGNORED["en" if lang == "vi" else "vi"] not in said, said
    assert "[os-error]" not in said and "Traceback" not in said, said
    assert (tmp_path / "out.xlsx").is_file(), "the results were not written"
    assert all((tmp_path / n).read_bytes() == data for n, data in kept.items())


@pytest.fixture(scope="module")
def words() -> Vocabulary:
    return vocabulary(data_text())


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", sorted(UNSEARCHABLE))
def test_results_in_a_folder_that_cannot_be_searched_are_unreadable(
    tmp_path: Path, name: str, lang: str, words: Vocabulary
) -> None:
    said = answers_in_its_language(UNSEARCHABLE[name], tmp_path, lang, words, ("report.html", "out.xlsx"))
    assert "chung/results.xlsx" in said and "[os-error]" not in said, said


def test_the_console_script_and_python_m_start_from_the_launcher(tmp_path: Path) -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"pari": "pari_index.launch:main"}
    done = python_child(["-m", "pari_index", "--version"], tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("pari "), done.stdout + done.stderr


def test_the_launcher_imports_no_library_before_the_command() -> None:
    """Its import (and the package's) must not widen the window a Ctrl-C meets a traceback in."""
    code = "import sys; before = set(sys.modules); import pari_index.launch; print(*sorted(set(sys.modules) - before))"
    done = python_child(["-c", code], ROOT)
    assert done.returncode == 0, done.stderr
    assert set(done.stdout.split()) <= {"__future__", "pari_index", "pari_index.launch"}, done.stdout


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        ([], "vi"),
        (["score", "--lang", "en"], "en"),
        (["--lang=en", "x", "--lang", "vi"], "vi"),
        (["--", "--lang", "en"], "vi"),
    ],
)
def test_the_language_of_a_stop_before_click_is_read_from_the_words(args: list[str], lang: str) -> None:
    assert command_lang(args) == lang


if sys.platform == "win32":  # pragma: no cover - signals to oneself are POSIX here
    pytestmark = pytest.mark.skip(reason="SIGINT sent with os.kill is POSIX")
