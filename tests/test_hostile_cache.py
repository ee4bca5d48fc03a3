"""What the hostile caches of tests/hostile_cache.py answer: the cache touches only what it wrote,
never hangs or reads without end on a damaged entry, is refused when it overlaps an output, cleans
what killed runs left, and is shared safely by two runs at once. The results are always those of a
run without cache."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_cache import CASES, DEAD_PID, USER_FILES, score_args
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.cli import main
from pari_index.intake.cache import CacheStore
from pari_index.intake.cache_folder import TAG, NotACacheFolder, claim, read_regular, stale_temporaries


def _results(out: Path) -> dict[str, bytes]:
    """The results folder's files, with the folder of the run's inputs (which the results name)
    taken out, so that runs in two folders compare; so are the digests of the tables' values in
    the about table, which hash the findings' file names with their folder."""
    root = str(out.parent).encode()
    return {
        p.name: re.sub(rb"\nvalues_sha256_\w+,[0-9a-f]{64}", b"", p.read_bytes().replace(root, b"ROOT"))
        for p in sorted(out.iterdir())
    }


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The results of the example inputs without any cache."""
    folder = tmp_path_factory.mktemp("plain")
    args = [a for a in score_args(folder, folder / "unused") if a not in ("--cache", str(folder / "unused"))]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return _results(folder / "out")


def _process(args: list[str]) -> subprocess.CompletedProcess[str]:
    # A timeout, so that a cache that makes the run wait (a named pipe) fails the test, not the suite.
    return subprocess.run(
        [sys.executable, "-m", "pari_index.cli", *args], capture_output=True, text=True, timeout=240, check=False
    )


def test_a_cache_named_at_the_data_folder_loses_no_file(tmp_path: Path, plain: dict[str, bytes]) -> None:
    args = CASES["cache-in-data-folder"](tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    mine = sorted((tmp_path / "data" / "communes").iterdir())
    assert [p.name for p in mine] == [f"xa-{i:02d}.csv" for i in range(USER_FILES)]
    assert all(p.read_text(encoding="utf-8") == f"commune {i}\n" for i, p in enumerate(mine))
    assert not (tmp_path / "data" / "intake").exists() and not (tmp_path / "data" / TAG).exists()
    assert "no CACHEDIR.TAG: not a cache folder, nothing in it was touched" in result.output
    assert _results(tmp_path / "out") == plain


@pytest.mark.parametrize("case", ["cache-is-output", "cache-holds-report"])
def test_a_cache_overlapping_an_output_is_refused_before_the_run(tmp_path: Path, case: str) -> None:
    args = CASES[case](tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "[cache-overlaps-output]" in result.output
    assert not (tmp_path / "out").exists() and not (tmp_path / "cache").exists()
    vi = CliRunner().invoke(main, ["vi" if a == "en" else a for a in args])
    assert vi.exit_code == 2 and "[cache-overlaps-output]" in vi.output


@pytest.mark.parametrize("case", ["cache-fifo-manifest", "cache-table-links", "cache-entry-links"])
def test_damaged_entries_are_ignored_in_a_real_process(tmp_path: Path, case: str, plain: dict[str, bytes]) -> None:
    args = CASES[case](tmp_path)
    done = _process(args)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "Cache: ignored" in done.stdout and "the results are unaffected" in done.stdout
    assert _results(tmp_path / "out") == plain
    if case == "cache-table-links":
        assert (tmp_path / "secret.txt").read_text(encoding="utf-8") == "not the cache's\n"
    if case == "cache-entry-links":
        assert sorted(p.name for p in (tmp_path / "elsewhere").iterdir()) == ["keep.txt", "manifest.json"]
    # The damage is mended: a third run reuses every commune and notes nothing.
    again = _process(args)
    assert again.returncode == 0 and "Cache: ignored" not in again.stdout
    assert "60 units reused" in again.stdout


def test_what_killed_runs_left_is_removed_and_nothing_else(tmp_path: Path, plain: dict[str, bytes]) -> None:
    args = CASES["cache-killed-leftovers"](tmp_path)
    cache = tmp_path / "cache"
    running = cache / "communes" / f".tmp-{os.getppid()}-busy"  # a run still writing
    running.mkdir()
    recent = cache / "intake" / ".tmp-recent99"  # named before process numbers, but young
    recent.mkdir()
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    left = sorted(p.name for p in cache.glob("*/.*"))
    assert left == [running.name, recent.name]
    # The entries are kept: the intake, the communes' rows, a record of each results folder written.
    assert len(list(cache.glob("intake/[0-9a-f]*"))) == len(list(cache.glob("communes/[0-9a-f]*"))) == 1
    assert len(list(cache.glob("outputs/[0-9a-f]*"))) == 2  # "first" (the filling run's) and "out"
    assert "Cache: ignored" not in result.output and "60 units reused" in result.output
    assert _results(tmp_path / "out") == plain


def test_two_runs_sharing_a_cache_at_once(tmp_path: Path, plain: dict[str, bytes]) -> None:
    cache = tmp_path / "cache"
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "pari_index.cli", *score_args(tmp_path, cache, f"out{i}")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in out + err
    for i in range(2):
        assert _results(tmp_path / f"out{i}") == plain
    assert not list(cache.glob("*/.tmp-*"))


# --------------------------------------------------------------------------------------------
# The folder rules, one by one


def test_claim_tags_a_new_or_empty_folder_and_refuses_a_folder_of_other_files(tmp_path: Path) -> None:
    claim(tmp_path / "new")
    assert (tmp_path / "new" / TAG).read_bytes().startswith(b"Signature: 8a477f597d28d172789f06886806bc55")
    legacy = tmp_path / "legacy"
    (legacy / "communes").mkdir(parents=True)
    claim(legacy)  # a cache written before tags: only the cache's own folders
    assert (legacy / TAG).is_file()
    shown = tmp_path / "shown"  # an empty folder a desktop has shown, and a tag a killed run was writing
    shown.mkdir()
    (shown / ".DS_Store").write_bytes(b"\0")
    (shown / f".{TAG}.123").write_text("Signature", encoding="ascii")
    claim(shown)
    assert (shown / TAG).is_file()
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.docx").write_bytes(b"x")
    with pytest.raises(NotACacheFolder):
        claim(home)
    assert sorted(p.name for p in home.iterdir()) == ["thesis.docx"]
    (home / "communes").symlink_to(tmp_path)  # a link named as the cache's folder is not the cache's
    (home / "thesis.docx").unlink()
    with pytest.raises(NotACacheFolder):
        claim(home)


def test_read_regular_refuses_pipes_links_devices_and_folders(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"abc")
    assert read_regular(tmp_path / "file") == b"abc" and read_regular(tmp_path / "file", 2) == b"ab"
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link").symlink_to(tmp_path / "file")
    (tmp_path / "zero").symlink_to("/dev/zero")
    (tmp_path / "dir").mkdir()
    for name in ("pipe", "link", "zero", "dir"):
        with pytest.raises((ValueError, OSError)):
            read_regular(tmp_path / name)
    with pytest.raises(ValueError):
        read_regular(Path("/dev/zero"))


def test_stale_temporaries_by_process_and_age(tmp_path: Path) -> None:
    names = [f".tmp-{DEAD_PID}-a", f".tmp-{os.getppid()}-b", ".tmp-legacy1", f".old-{'a' * 64}-{DEAD_PID}", "x.tmp-1-"]
    for name in names:
        (tmp_path / name).mkdir()
    assert sorted(p.name for p in stale_temporaries(tmp_path)) == sorted([names[0], names[3]])
    later = time.time() + 2 * 24 * 3600
    assert sorted(p.name for p in stale_temporaries(tmp_path, now=later)) == sorted(names[:4])


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(alphabet="abcdef0123456789.-_ xyzĐ", min_size=1, max_size=70), max_size=8, unique=True))
def test_pruning_removes_entries_only(names: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "communes"
        folder.mkdir()
        others = [n for n in names if n not in (".", "..") and not re.fullmatch("[0-9a-f]{64}", n)]
        for name in others:
            (folder / name).write_text("user's", encoding="utf-8")
        keys = [f"{i:064x}" for i in range(5)]
        for key in keys:
            (folder / key).mkdir()
        CacheStore(Path(tmp))._prune(folder, keep=folder / keys[-1])
        left = {p.name for p in folder.iterdir()}
        assert set(others) <= left  # nothing the cache did not write is removed
        assert len(left & set(keys)) == 2  # the entry kept and the newest other one


def test_a_foreign_file_name_is_shown_without_its_control_characters(tmp_path: Path) -> None:
    (tmp_path / "\x1b[2Jwiped").write_text("x", encoding="utf-8")
    store = CacheStore(tmp_path)
    assert not store.usable() and not store.usable()  # decided once, noted once
    assert len(store.notes) == 1
    text = store.notes[0].text("en")
    assert "\x1b" not in text and "?[2Jwiped" in text
    assert "không phải thư mục bộ nhớ đệm" in store.notes[0].text("vi")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["\x1b[2Jwiped"]
