"""What the cases of tests/hostile_faults38.py answer; that a process number read from a name on
disk is never asked of the system when no process can have it; that a probe of a live run stays;
and that a memory limit below what a run needs is told as ``memory-limit`` (exit 2) every way the
refusal can go, an out-of-memory under a higher limit naming the limit."""

from __future__ import annotations

import os
import resource
from pathlib import Path
from typing import Any

import pytest
from children import pari_child
from click.testing import CliRunner
from hostile_faults38 import CASES, EXPECTED, NOT_WRITTEN, _cache, _score_args
from sweeps import case_tests, language_tests

import pari_index.cli_errors as cli_errors
from pari_index.cli import main
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
        (cache / name).write_bytes(b"") if name.startswith(f".{TAG}.") else (cache / name).mkdir()
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


# ---------------------------------------------------------------------------------------------
# A memory limit that leaves no memory to tell it


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_limit_below_what_a_run_needs_is_told_as_such_under_it(tmp_path: Path, lang: str) -> None:
    """Under 195 MB the refusal ran out of memory one run in three and said "out of memory; split
    the input", exit 1."""
    args = [*_score_args(tmp_path, "-o", "out.xlsx"), "--lang", lang]
    done = pari_child(args, tmp_path, limits={resource.RLIMIT_AS: 195 << 20}, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == 2, said
    assert "[memory-limit]" in said and "195 MB" in said, said
    assert "Traceback" not in said and "tách dữ liệu" not in said and "split the input" not in said, said
    assert not (tmp_path / "out.xlsx").exists()


def _limited(monkeypatch: pytest.MonkeyPatch, mib: int | None) -> None:
    """This process's ``ulimit -v`` as ``mib`` MiB (None: unlimited), as the commands read it."""
    real = resource.getrlimit

    def getrlimit(kind: int) -> tuple[int, int]:
        if kind != resource.RLIMIT_AS:
            return real(kind)
        return (resource.RLIM_INFINITY if mib is None else mib << 20, resource.RLIM_INFINITY)

    monkeypatch.setattr(resource, "getrlimit", getrlimit)


def _out_of_memory_at(monkeypatch: pytest.MonkeyPatch, times: int) -> None:
    """The memory check itself runs out of memory its first ``times`` calls (as loading the
    refusal's words did), then checks as it does."""
    real = cli_errors.memory_room
    calls: list[str] = []

    def memory_room(command: str) -> None:
        calls.append(command)
        if len(calls) <= times:
            raise MemoryError
        real(command)

    monkeypatch.setattr(cli_errors, "memory_room", memory_room)


def _score(tmp_path: Path, lang: str) -> Any:
    args = _score_args(tmp_path, "-o", str(tmp_path / "out.xlsx"))
    args[1:6:2] = [str(tmp_path / name) for name in ("assessments_long.csv", "communes.csv", "survey.csv")]
    return CliRunner().invoke(main, [*args, "--lang", lang])


REFUSAL = {
    "vi": "lỗi: phiên làm việc này chỉ cho một chương trình dùng 195 MB bộ nhớ (ulimit -v); một lần chạy cần ít nhất",
    "en": "error: this session lets a program use only 195 MB of memory (ulimit -v); a run needs at least 512 MB",
}
HINT = {"vi": "gợi ý: nâng giới hạn (ulimit -v unlimited", "en": "hint: raise the limit (ulimit -v unlimited"}


@pytest.mark.parametrize("times", [1, 2], ids=["told-again", "short-words"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_refusal_that_ran_out_of_memory_is_still_the_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, times: int
) -> None:
    _limited(monkeypatch, 195)
    _out_of_memory_at(monkeypatch, times)
    done = _score(tmp_path, lang)
    assert done.exit_code == 2, done.output
    assert REFUSAL[lang] in done.output and "[memory-limit]" in done.output, done.output
    assert HINT[lang] in done.output and not (tmp_path / "out.xlsx").exists()


MEMORY = {
    800: {
        "vi": "lỗi: hết bộ nhớ trong giới hạn 800 MB mà phiên làm việc này cho một chương trình (ulimit -v)\n"
        "    gợi ý: nâng giới hạn (ulimit -v unlimited), hoặc tách dữ liệu theo tỉnh hoặc huyện\n",
        "en": "error: out of memory within the 800 MB this session lets a program use (ulimit -v)\n"
        "    hint: raise the limit (ulimit -v unlimited), or split the input by province or district\n",
    },
    None: {
        "vi": "lỗi: hết bộ nhớ; tách dữ liệu theo tỉnh hoặc huyện\n",
        "en": "error: out of memory; split the input by province or district\n",
    },
}


@pytest.mark.parametrize("mib", [800, None], ids=["under-a-limit", "without-one"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_out_of_memory_names_the_limit_when_there_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, mib: int | None
) -> None:
    _limited(monkeypatch, mib)
    _out_of_memory_at(monkeypatch, 1)
    done = _score(tmp_path, lang)
    assert done.exit_code == 1, done.output
    assert done.output == MEMORY[mib][lang]


def test_a_user_s_file_named_near_a_probe_stays(tmp_path: Path) -> None:
    """A backup of the tag (``.CACHEDIR.TAG.old``), a file named as the permissions probe's folder,
    a tag probe that is a folder: none is what a run made, and none is removed however old
    (reviewb38: the first two were deleted an hour after they were made)."""
    cache = _cache(tmp_path)
    (cache / f".{TAG}.old").write_text("ghi chú", encoding="utf-8")
    (cache / ".keeps.abcd1234").write_text("ghi chú", encoding="utf-8")
    (cache / f".{TAG}.abcd1234").mkdir()
    (cache / ".keeps.4194305.abcd1234").write_text("ghi chú", encoding="utf-8")
    assert _stale_probes(cache, now=os.stat(cache).st_mtime + 3 * 86400) == []
