"""What the cases of tests/hostile_faults28.py answer: a wildcard no shell replaced is told as a
pattern (with the files it matches, none read), a missing annex as not found, a failed write
removes the folders it made, and a bind mount of the same disk is refused before anything is read."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from children import in_mount_namespace, pari_child
from hostile_faults28 import (
    CASES,
    EXPECTED,
    LEFT,
    LIMIT_BYTES,
    LIMITED,
    MATCHED,
    MOUNT_HINT,
    MOUNTED,
    NOT_WRITTEN,
)
from sweeps import case_tests, language_tests, sweep_child

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


@pytest.fixture(params=["vi", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize("name", sorted(MATCHED))
def test_a_pattern_that_matches_names_its_files_and_reads_none(tmp_path: Path, name: str) -> None:
    said = sweep_child([*CASES[name](tmp_path), "--lang", "en"], tmp_path).stderr
    assert f"it matches {len(MATCHED[name])}: {', '.join(MATCHED[name])}" in said, said
    assert "file not found" not in said and "Scored" not in said, said


def test_a_pattern_that_matches_nothing_says_so(tmp_path: Path) -> None:
    said = sweep_child([*CASES["assessments-wildcard-unmatched"](tmp_path), "--lang", "en"], tmp_path).stderr
    assert "danh-gia_*.csv: not found: * is a wildcard" in said and "no file here matches it" in said, said


def test_a_name_with_a_bracket_is_no_pattern(tmp_path: Path) -> None:
    """``[`` may be a letter of a name (Windows allows it): a missing ``bao-cao [2025].csv`` is not
    found, as before, not a pattern."""
    args = CASES["assessments-wildcard-unmatched"](tmp_path)
    args[1] = "bao-cao [2025].csv"
    said = sweep_child([*args, "--lang", "en"], tmp_path).stderr
    assert "[file-not-found]" in said and "wildcard" not in said, said


def test_a_file_named_with_a_wildcard_is_read(tmp_path: Path) -> None:
    """A file really named ``a*.csv`` (a name Linux allows) is read as any other: the pattern is
    told only for a name that is not there."""
    args = CASES["assessments-wildcard-matching"](tmp_path)
    shutil.copy(tmp_path / "assessments_long.csv", tmp_path / "assessments_*.csv")
    done = sweep_child([*args, "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.xlsx").is_file()


# ---------------------------------------------------------------------------------------------
# Failed writes into folders they made


def _listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("name", sorted(LIMITED))
def test_a_failed_write_removes_the_folders_it_made(tmp_path: Path, name: str) -> None:
    args = LIMITED[name](tmp_path)
    before = _listing(tmp_path)
    done = pari_child([*args, "--lang", "en"], tmp_path, limits={resource.RLIMIT_FSIZE: LIMIT_BYTES}, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == 4 and "[output-unwritable]" in said and "File too large" in said, said
    assert "Traceback" not in said, said
    assert _listing(tmp_path) == before, sorted(_listing(tmp_path) - before)
    assert all((tmp_path / kept).is_dir() for kept in LEFT[name])


@pytest.mark.parametrize("name", sorted(LIMITED))
def test_the_same_write_without_the_limit_makes_its_folders(tmp_path: Path, name: str) -> None:
    """The control: without the limit the same command writes (the folders are the write's)."""
    args = LIMITED[name](tmp_path)
    before = _listing(tmp_path)
    done = pari_child([*args, "--lang", "en"], tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _listing(tmp_path) > before


# ---------------------------------------------------------------------------------------------
# Bind mounts of the same disk

#: ``src`` bound on ``mnt`` and ``shared.xlsx`` on ``prev.xlsx`` in a mount namespace of the
#: child's own (unprivileged where user namespaces are allowed: ``--map-root-user``).
BINDING = 'mount --bind src mnt && mount --bind shared.xlsx prev.xlsx && exec "$@"'


def _bound_pari(args: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    (folder / "mnt").mkdir()
    (folder / "src").mkdir()
    (folder / "shared.xlsx").write_bytes(b"the shared workbook")
    (folder / "prev.xlsx").write_bytes(b"")
    return in_mount_namespace(BINDING, [], args, folder)


@pytest.mark.parametrize("name", sorted(MOUNTED))
def test_a_bind_mount_of_the_same_disk_is_refused_before_reading(tmp_path: Path, name: str, lang: str) -> None:
    done = _bound_pari([*MOUNTED[name](tmp_path), "--lang", lang], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 4 and "[output-mount-point]" in said, said
    assert "Traceback" not in said and "Device or resource busy" not in said, said
    assert MOUNT_HINT[name][lang] in said, said
    assert (tmp_path / "shared.xlsx").read_bytes() == b"the shared workbook"
    assert not [n for n in os.listdir(tmp_path) if ".pari-" in n], os.listdir(tmp_path)


def test_the_bind_mount_shares_the_disk_s_device_number(tmp_path: Path) -> None:
    """The case is what it says: ``os.path.ismount`` (device numbers) does not see these mounts,
    and renaming them is refused (EBUSY), as the run did at its end before."""
    code = (
        "import os\nprint(os.path.ismount('mnt'), os.path.ismount('prev.xlsx'))\n"
        "try:\n    os.rename('mnt', 'moved')\nexcept OSError as e:\n    print(e.strerror)\n"
    )
    (tmp_path / "mnt").mkdir()
    (tmp_path / "src").mkdir()
    (tmp_path / "shared.xlsx").write_bytes(b"x")
    (tmp_path / "prev.xlsx").write_bytes(b"")
    done = subprocess.run(
        ["unshare", "--mount", "--map-root-user", "sh", "-c", BINDING, "sh", sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.splitlines() == ["False False", "Device or resource busy"], done.stdout + done.stderr


# ---------------------------------------------------------------------------------------------
# Windows' cmd leaves wildcards to the program: click expanded every argument, option values too.


def _windows(args: list[str], folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from pari_index.cli import main, windows_arguments

    monkeypatch.chdir(folder)
    return windows_arguments(main, args)


def test_click_s_expansion_moves_a_register_pattern_into_the_assessments(tmp_path: Path) -> None:
    """The defect as it was: click's own expansion (on Windows) of ``--communes commun*.csv``
    gives the register option one file and the other a place among the assessments."""
    from click.utils import _expand_args

    for name in ("communes.csv", "communes-2024.csv"):
        (tmp_path / name).write_text("x")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        expanded = _expand_args(["score", "a.csv", "--communes", "commun*.csv"])
    finally:
        os.chdir(cwd)
    assert expanded == ["score", "a.csv", "--communes", "communes-2024.csv", "communes.csv"]


def test_on_windows_an_option_s_pattern_is_left_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("communes.csv", "communes-2024.csv", "assessments_long.csv", "assessments_wide.csv"):
        (tmp_path / name).write_text("x")
    args = ["--lang", "en", "score", "assessments_*.csv", "--communes", "commun*.csv", "-o", "kq-*.xlsx", "-q"]
    assert _windows(args, tmp_path, monkeypatch) == [
        "--lang",
        "en",
        "score",
        "assessments_long.csv",
        "assessments_wide.csv",
        "--communes",
        "commun*.csv",
        "-o",
        "kq-*.xlsx",
        "-q",
    ]


def test_on_windows_positional_patterns_of_a_subcommand_s_subcommand_are_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "Phu-luc.xlsx").write_text("x")
    args = ["criteria", "import", "Phu*.xlsx", "-o", "d*.yaml"]
    assert _windows(args, tmp_path, monkeypatch) == ["criteria", "import", "Phu-luc.xlsx", "-o", "d*.yaml"]
    # After ``--`` every argument is positional, as click reads it.
    (tmp_path / "communes.csv").write_text("x")
    assert _windows(["score", "--", "commun*.csv"], tmp_path, monkeypatch) == ["score", "--", "communes.csv"]
