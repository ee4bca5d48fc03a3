"""What the cases of tests/hostile_faults29.py answer: an output in a folder of the system's own is
refused before anything is read, a cache folder or a folder holding results is named as what it
is, every ``PARI_MAX_…`` variable is checked by every command, a stop says what became of the
outputs, and the cache refused by the system says what to do."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from children import ROOT, pari_child, pari_started
from hostile_faults29 import (
    CASES,
    ENV_CASES,
    ENV_EXPECTED,
    ENV_NOT_WRITTEN,
    EXPECTED,
    NOT_WRITTEN,
    SAID,
)
from sweeps import case_tests, language_tests, sweep_child

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

SRC = ROOT / "src" / "pari_index"


@pytest.mark.parametrize("name", sorted(SAID))
def test_each_refusal_says_what_the_path_is(tmp_path: Path, name: str) -> None:
    said = sweep_child([*CASES[name](tmp_path), "--lang", "en"], tmp_path).stderr
    assert SAID[name] in said, said
    assert "no summary table" not in said and "was removed during the write" not in said, said


def test_a_folder_of_the_system_is_refused_before_the_inputs_are_read(tmp_path: Path) -> None:
    """The refusal comes from the path rule, not from the write at the end: with an assessments
    file that is not there, the output is still what is told (the inputs are never reached)."""
    args = CASES["results-in-proc"](tmp_path)
    (tmp_path / "assessments_long.csv").unlink()
    said = sweep_child([*args, "--lang", "en"], tmp_path).stderr
    assert "[output-system-folder]" in said and "file-not-found" not in said, said


def test_a_writable_folder_is_no_folder_of_the_system(tmp_path: Path) -> None:
    """The control: the same run into a folder of the user's writes its results."""
    args = CASES["results-in-proc"](tmp_path)
    args[args.index("-o") + 1] = "out.xlsx"
    done = sweep_child([*args, "--lang", "en"], tmp_path)
    assert done.returncode == 0 and (tmp_path / "out.xlsx").is_file(), done.stderr


def test_the_standard_output_redirected_to_a_file_is_still_a_stream(tmp_path: Path) -> None:
    """``-o /dev/stdout > kq.xlsx``: the stream leads to a file (the shell made it, empty), which
    was judged by its name ``stdout`` as a folder's ("-o must be a folder for this format")."""
    args = CASES["results-to-stdout"](tmp_path)
    with open(tmp_path / "kq.xlsx", "wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "pari_index.cli", *args, "--lang", "en"],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 2 and "[output-standard-stream]" in done.stderr, done.stderr
    assert (tmp_path / "kq.xlsx").read_bytes() == b""


def test_the_mount_table_gives_proc_and_sys_their_file_systems() -> None:
    """The case is what it says: the system lists /proc and /sys as the kernel's own."""
    from pari_index.outputs.system_places import SYSTEM_FILE_SYSTEMS, _file_system_of

    assert _file_system_of(Path("/proc/self/x.xlsx")) == ("/proc", "proc")
    assert _file_system_of(Path("/sys/nothere/x.xlsx")) == ("/sys", "sysfs")
    found = _file_system_of(Path.cwd() / "x.xlsx")
    assert found is not None and found[1] not in SYSTEM_FILE_SYSTEMS


# ---------------------------------------------------------------------------------------------
# PARI_MAX_… variables


def _with_env(args: list[str], folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pari_index.cli", *args],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", sorted(ENV_CASES))
def test_every_limit_variable_is_checked_by_every_command(tmp_path: Path, name: str, lang: str) -> None:
    env, case = ENV_CASES[name]
    done = _with_env([*case(tmp_path), "--lang", lang], tmp_path, env)
    said = done.stdout + done.stderr
    status, codes = ENV_EXPECTED[name]
    assert done.returncode == status, said
    assert all(f"[{code}]" in said for code in codes) and "Traceback" not in said, said
    assert ("lỗi: " if lang == "vi" else "error: ") in said, said
    assert name not in ENV_NOT_WRITTEN or not (tmp_path / ENV_NOT_WRITTEN[name]).exists()


def test_a_misspelt_limit_is_told_with_the_names_nearest_it(tmp_path: Path) -> None:
    env, case = ENV_CASES["limit-misspelt"]
    said = _with_env([*case(tmp_path), "--lang", "en"], tmp_path, env).stderr
    assert "PARI_MAX_CELL is no limit of pari-index" in said and "(the nearest names: PARI_MAX_CELLS," in said, said


def test_a_good_limit_is_taken(tmp_path: Path) -> None:
    """The control: a positive whole number (with ``_`` grouping digits) lets the run go on."""
    done = _with_env(["validate", "--bundled", "--lang", "en"], tmp_path, {"PARI_MAX_XLSX_BYTES": "600_000_000"})
    assert done.returncode == 0, done.stderr


def test_every_limit_read_in_the_code_is_one_the_commands_check() -> None:
    """A limit added to a reader without its line in LIMIT_VARIABLES would be checked only by the
    runs that reach that reader (and a user's spelling of it told as no limit)."""
    import importlib

    from pari_index.cli_params import LIMIT_VARIABLES

    read = {m for path in SRC.rglob("*.py") for m in re.findall(r'"(PARI_MAX_[A-Z_]+)"', path.read_text("utf-8"))}
    assert read == set(LIMIT_VARIABLES)
    for module, constant in LIMIT_VARIABLES.values():
        assert isinstance(getattr(importlib.import_module(module), constant), int)


# ---------------------------------------------------------------------------------------------
# A stop signal: what it says of the outputs


def _stopped_while_reading(folder: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """``pari ARGS`` sent SIGTERM while it waits for the survey, a FIFO whose writer (this test)
    writes nothing: it is stopped while it reads its inputs, before any output is written."""
    os.mkfifo(folder / "survey.fifo")
    writer = os.open(folder / "survey.fifo", os.O_RDWR)  # opened both ways: no wait for a reader
    try:
        child = pari_started(args, folder)
        _wait_reading(child, folder / "survey.fifo")
        child.send_signal(signal.SIGTERM)
        out, err = child.communicate(timeout=60)
    finally:
        os.close(writer)
    return subprocess.CompletedProcess(args, child.returncode, out, err)


def _wait_reading(child: subprocess.Popen[str], fifo: Path) -> None:
    """Until the child holds the FIFO open (its file descriptors list it), at most 60 s."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert child.poll() is None, child.communicate()
        try:
            fds = os.listdir(f"/proc/{child.pid}/fd")
            if any(os.readlink(f"/proc/{child.pid}/fd/{fd}") == str(fifo) for fd in fds):
                time.sleep(0.2)
                return
        except OSError:
            pass
        time.sleep(0.05)
    child.kill()
    pytest.fail("the child never opened the survey")


def _fifo_run(folder: Path, out: str, lang: str) -> list[str]:
    args = CASES["results-in-proc"](folder)
    args[args.index("--survey") + 1] = "survey.fifo"
    args[args.index("-o") + 1] = out
    return [*args, "--lang", lang]


STOPPED = {
    "en": ("stopped by the system (SIGTERM); nothing was written", "the previous results are left as they were"),
    "vi": ("đã dừng theo yêu cầu của hệ thống (SIGTERM); không ghi tệp nào", "kết quả cũ được giữ nguyên"),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_stop_with_no_earlier_results_says_nothing_was_written(tmp_path: Path, lang: str) -> None:
    done = _stopped_while_reading(tmp_path, _fifo_run(tmp_path, "new.xlsx", lang))
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    nothing, kept = STOPPED[lang]
    assert nothing in done.stderr and kept not in done.stderr, done.stderr
    assert not (tmp_path / "new.xlsx").exists()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_stop_with_earlier_results_says_they_are_kept(tmp_path: Path, lang: str) -> None:
    args = CASES["results-in-proc"](tmp_path)
    args[args.index("-o") + 1] = "old.xlsx"
    first = sweep_child(args, tmp_path)  # the earlier results, of the survey file
    assert first.returncode == 0, first.stderr
    before = (tmp_path / "old.xlsx").read_bytes()
    done = _stopped_while_reading(tmp_path, _fifo_run(tmp_path, "old.xlsx", lang))
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    nothing, kept = STOPPED[lang]
    assert nothing in done.stderr and kept in done.stderr, done.stderr
    assert (tmp_path / "old.xlsx").read_bytes() == before


def test_what_became_of_the_outputs_is_as_they_are(tmp_path: Path) -> None:
    """The three answers, from the command's own watch: none there, one kept, one put in place."""
    from pari_index.system.input_watch import note_outputs, outputs_at_end, placed, watching

    new, old = tmp_path / "new.xlsx", tmp_path / "old.xlsx"
    old.write_bytes(b"earlier results")
    with watching([]):
        note_outputs([new])
    assert outputs_at_end() == "none"
    with watching([]):
        note_outputs([new, old])
    assert outputs_at_end() == "kept"
    with watching([]):
        note_outputs([new])
        new.write_bytes(b"new results")
        placed(new)
    assert outputs_at_end() == "written"
    with watching([]):
        pass
    assert outputs_at_end() == "none"  # a later command starts afresh


# ---------------------------------------------------------------------------------------------
# The cache refused by the system


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_cache_folder_the_user_may_not_write_says_what_to_do(tmp_path: Path, lang: str) -> None:
    args = CASES["results-in-proc"](tmp_path)
    args[args.index("-o") + 1] = "out.xlsx"
    (tmp_path / "rc").mkdir(mode=0o555)
    done = pari_child([*args, "--cache", "rc", "--lang", lang], tmp_path, timeout=120, ordinary_user=True)
    assert done.returncode == 0, done.stderr
    hint = "Hint: give --cache a folder you may write to." if lang == "en" else "Gợi ý: cho --cache một thư mục"
    assert hint in done.stdout, done.stdout


def test_the_hint_follows_the_system_s_reason() -> None:
    from pari_index.intake.cache import CacheNote

    full = CacheNote("cache/communes/ab", os.strerror(28)).text("en")
    assert full.endswith("Hint: free space, or give --cache a folder on another disk."), full
    assert "Hint" not in CacheNote("x.csv", "not a folder").text("en")  # pari-index's own reason says it
    assert (
        CacheNote("c", os.strerror(22))  # EINVAL: a refusal with no hint of its own (EIO has one since session 30)
        .text("vi")
        .endswith("Gợi ý: kiểm tra thư mục, hoặc cho --cache một thư mục khác.")
    )
