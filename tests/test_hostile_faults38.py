"""What the cases of tests/hostile_faults38.py answer; that a process number read from a name on
disk is never asked of the system when no process can have it; and that a probe of a live run stays."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from children import pari_child
from hostile_faults38 import CASES, EXPECTED, NOT_WRITTEN, _cache
from sweeps import case_tests, language_tests

from pari_index.intake.cache_folder import TAG, _stale_probes
from pari_index.system.temporaries import process_alive

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)
    assert set(NOT_WRITTEN) <= set(CASES)


@pytest.mark.parametrize("number", [0, 2**31, 2**63, 10**20])
def test_a_number_no_process_can_have_is_no_process(number: int) -> None:
    assert process_alive(number) is False


def test_a_live_process_is_alive() -> None:
    assert process_alive(os.getpid()) is True


def test_the_probes_of_live_runs_and_young_ones_stay_and_links_are_never_taken(tmp_path: Path) -> None:
    """Only what a gone process left, or an hour-old probe that names none, is stale; a link or a
    name of another shape never."""
    cache = _cache(tmp_path)
    names = {
        f".keeps.{os.getpid()}.abcd1234": False,  # this run's own
        ".keeps.young123": False,  # names no process, minutes old
        ".keeps.4194305.abcd1234": True,  # its process is gone
        f".{TAG}.young123": False,
        ".keeps.": False,  # not a probe's name
        ".keeps.ABCDEFGH": False,  # mkdtemp's names are lower case
    }
    for name in names:
        (cache / name).mkdir()
    (cache / ".CACHEDIR.TAG.linked12").symlink_to(tmp_path / "elsewhere")
    os.utime(cache / ".CACHEDIR.TAG.linked12", (1, 1), follow_symlinks=False)
    stale = {path.name for path in _stale_probes(cache)}
    assert stale == {name for name, old in names.items() if old}
    later = {path.name for path in _stale_probes(cache, now=os.stat(cache).st_mtime + 2 * 3600)}
    assert later == {".keeps.young123", f".{TAG}.young123", ".keeps.4194305.abcd1234"}


def test_a_link_named_as_a_probe_stays_and_its_file_keeps_its_bytes(tmp_path: Path) -> None:
    status, _code, _kept = EXPECTED["cache-probe-named-link-to-the-user-s-file"]
    args = CASES["cache-probe-named-link-to-the-user-s-file"](tmp_path)
    before = (tmp_path / "communes.csv").read_bytes()
    done = pari_child([*args, "-q"], tmp_path, timeout=120)
    assert done.returncode == status, done.stdout + done.stderr
    assert (tmp_path / "c" / f".{TAG}.abcdefgh").is_symlink()
    assert (tmp_path / "communes.csv").read_bytes() == before
