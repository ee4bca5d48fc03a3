"""What the cases of tests/hostile_faults27.py answer: an output folder that is a link leading
nowhere is said to be one, results given as a pipe are told as results, the hint for a folder in
an output file's way names a file of that output's kind, and a results folder that is a mount
point is refused before anything is read (mounted in a namespace of the test's own)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from children import answers_its_case, in_mount_namespace
from hostile_faults27 import (
    CASES,
    EXPECTED,
    FILE_IN_FOLDER,
    MOUNT_OPTIONS,
    MOUNTED,
    MOUNTED_EXPECTED,
    NOT_WRITTEN,
    UNREADABLE_HINT,
)
from language_leaks import Vocabulary, leaks
from sweeps import case_tests, language_tests, sweep_child
from test_hostile_faults23 import SYSTEM_WORDS

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
# The unreadable inputs' messages quote the system's own reason, in English: checked without it below.
words, test_each_case_says_it_in_its_own_language = language_tests(
    {name: make for name, make in CASES.items() if name not in UNREADABLE_HINT}, EXPECTED
)

LOOPED = ["results-folder-link-loop-csv", "results-folder-link-to-deleted-parquet", "demo-folder-link-loop"]


@pytest.mark.parametrize("name", LOOPED)
def test_an_output_folder_that_is_a_broken_link_is_not_called_a_file(tmp_path: Path, name: str) -> None:
    done = sweep_child([*CASES[name](tmp_path), "--lang", "en"], tmp_path)
    assert "is a symbolic link that leads to no folder" in done.stderr, done.stderr
    assert "a file of that name exists" not in done.stderr, done.stderr
    link = "demo" if name.startswith("demo") else "res"
    assert os.path.islink(tmp_path / link), "the link was replaced"


@pytest.mark.parametrize("name", ["previous-results-pipe", "explain-results-pipe"])
def test_results_given_as_a_pipe_are_told_as_results(tmp_path: Path, name: str) -> None:
    said = {}
    for lang in ("vi", "en"):
        (tmp_path / lang).mkdir()
        said[lang] = sweep_child([*CASES[name](tmp_path / lang), "--lang", lang], tmp_path / lang).stderr
    assert "results cannot be read from a pipe: pari score writes them as a workbook (.xlsx) or a folder" in said["en"]
    assert "không đọc được kết quả từ một pipe" in said["vi"], said["vi"]
    assert "a workbook cannot be read from a pipe" not in said["en"], said["en"]


@pytest.fixture(params=["vi", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize("name", sorted(FILE_IN_FOLDER))
def test_the_hint_for_a_folder_in_the_way_names_a_file_of_the_output_s_kind(
    tmp_path: Path, name: str, lang: str
) -> None:
    done = sweep_child([*CASES[name](tmp_path), "--lang", lang], tmp_path)
    hint = {"vi": "gợi ý: chỉ ra tên tệp, ví dụ ", "en": "hint: give a file name, e.g. "}[lang]
    assert f"{hint}{FILE_IN_FOLDER[name]}\n" in done.stderr, done.stderr
    assert "results.xlsx" not in done.stderr, done.stderr


@pytest.mark.parametrize("name", sorted(UNREADABLE_HINT))
def test_a_file_the_system_will_not_read_gets_the_hint_of_its_reason(
    tmp_path: Path, name: str, lang: str, words: Vocabulary
) -> None:
    from pari_index.messages.labels import PARAM_WORDS

    said = sweep_child([*CASES[name](tmp_path), "--lang", lang], tmp_path).stderr
    hints = PARAM_WORDS["unreadable_hint"]
    assert ("gợi ý: " if lang == "vi" else "hint: ") + hints[UNREADABLE_HINT[name]].get(lang) in said, said
    assert hints[""].get(lang) not in said, said
    assert leaks(SYSTEM_WORDS.sub(" ", said), lang, words, "score") == [], said


# ---------------------------------------------------------------------------------------------
# Mount points

#: Runs ``python -m pari_index.cli ARGS`` with a tmpfs mounted on ``mnt`` in a mount namespace of
#: its own (unprivileged where user namespaces are allowed: ``--map-root-user``); the mount goes
#: with the namespace.
MOUNTING = 'mount -t tmpfs -o "$1" pari-test mnt && shift && exec "$@"'


def _mounted_pari(args: list[str], folder: Path, options: str = "size=64m") -> subprocess.CompletedProcess[str]:
    (folder / "mnt").mkdir()
    return in_mount_namespace(MOUNTING, [options], args, folder)


@pytest.mark.parametrize("name", sorted(MOUNTED))
def test_each_mounted_case_answers_its_code(tmp_path: Path, name: str, lang: str) -> None:
    args = MOUNTED[name](tmp_path)
    status, code, kept = MOUNTED_EXPECTED[name]
    before = {n: (tmp_path / n).read_bytes() for n in kept}
    done = _mounted_pari([*args, "--lang", lang], tmp_path, MOUNT_OPTIONS.get(name, "size=64m"))
    said = done.stdout + done.stderr
    assert done.returncode == status, said
    assert "Traceback" not in said and len(said) < 20_000, said
    assert code is None or (f"[{code}]" in said and ("lỗi: " if lang == "vi" else "error: ") in said), said
    if code == "output-unwritable":  # file entries used up: the hint says so, not "free some space"
        hint = "đã dùng hết các mục tệp, inode; xem bằng df -i" if lang == "vi" else "inodes, are used; df -i"
        assert hint in said and "free some space" not in said and "giải phóng" not in said, said
    elif code is not None:
        # Refused before reading: nothing of the run was said, and the hint speaks of the mount.
        assert "Device or resource busy" not in said and "Excel" not in said, said
        assert ("ghi vào một thư mục mới bên trong nó" if lang == "vi" else "write into a new folder inside it") in said
    assert all((tmp_path / n).read_bytes() == data for n, data in before.items())
    assert not [n for n in os.listdir(tmp_path) if ".pari-" in n], os.listdir(tmp_path)


def test_the_mount_itself_is_what_refuses_the_rename(tmp_path: Path) -> None:
    """Without the check, the run fails at its very end (the case is real, not the check's own):
    renaming the mount point itself is refused by the system."""
    (tmp_path / "mnt").mkdir()
    code = "import os; os.rename('mnt', 'moved')"
    done = subprocess.run(
        ["unshare", "--mount", "--map-root-user", "sh", "-c", MOUNTING, "sh", "size=1m", sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0 and "Device or resource busy" in done.stderr, done.stderr


def test_without_the_mount_the_same_case_is_written(tmp_path: Path) -> None:
    """The control: the same command on an ordinary folder ``mnt`` writes the results (the
    refusal is the mount's doing, not the name's)."""
    (tmp_path / "mnt").mkdir()
    answers_its_case(MOUNTED["results-folder-mount-point-csv"](tmp_path), tmp_path, (0, None, ("communes.csv",)))
