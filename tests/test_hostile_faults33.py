"""What the cases of tests/hostile_faults33.py answer: a cache whose folder of a kind is a link to
a folder of the user's (nothing reached through it), a results table whose header line is longer
than 64 KiB (still pari-index's own, and still results when given as input), and the probe a
killed run leaves (removed at the next run once its process is gone)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_faults33 import CASES, DEAD_PROBE, EXPECTED, NOT_WRITTEN, STORE_FOLDERS, probe_left_by_a_killed_run
from sweeps import case_tests, language_tests, sweep_child

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

LINKED = {
    "en": "Cache: ignored cache/communes (a link or a file, not a folder the cache made; nothing it leads to was "
    "touched; delete it, and the next run makes the folder again); it was computed again, the results are "
    "unaffected.",
    "vi": "Bộ nhớ đệm: bỏ qua cache/communes (là một liên kết hoặc một tệp, không phải thư mục do bộ nhớ đệm tạo; "
    "không gì nó trỏ tới bị động đến; hãy xoá nó, lần chạy sau sẽ tạo lại thư mục); phần này được tính lại, kết "
    "quả không đổi.",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_kind_linked_elsewhere_is_told_and_nothing_is_written_through_it(tmp_path: Path, lang: str) -> None:
    """The store keeps exactly its own folders and files (none removed, no entry written into
    it), the results are a run's without that part of the cache, and the note says why."""
    args = CASES["cache-communes-links-to-a-store"](tmp_path)
    before = sorted(os.listdir(tmp_path / "store"))
    args = [arg.replace(f"{tmp_path}{os.sep}", "") for arg in args if arg != "-q"]
    done = sweep_child([*args, "--lang", lang], tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(tmp_path / "store")) == before and set(STORE_FOLDERS) <= set(before)
    assert LINKED[lang] in done.stdout + done.stderr, done.stdout + done.stderr
    at = args.index("--cache")
    cold_args = [*args[:at], *args[at + 2 :]]
    cold_args[cold_args.index("-o") + 1] = "cold"
    cold = sweep_child([*cold_args, "--lang", lang], tmp_path)
    assert cold.returncode == 0, cold.stderr
    for table in ("summary", "criteria", "findings", "rows"):
        assert (tmp_path / "out" / f"{table}.csv").read_bytes() == (tmp_path / "cold" / f"{table}.csv").read_bytes()


def test_the_probe_of_a_running_process_is_kept(tmp_path: Path) -> None:
    """The control: a probe whose process still runs (this test's) may be in use, and stays."""
    args = probe_left_by_a_killed_run(tmp_path)
    live = DEAD_PROBE.replace(DEAD_PROBE.split("-")[2], str(os.getpid()))
    (tmp_path / live).write_bytes(b"")
    done = sweep_child(args, tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / live).exists() and not (tmp_path / DEAD_PROBE).exists()


def test_a_user_file_named_like_a_probe_but_not_one_is_kept(tmp_path: Path) -> None:
    """Only the probe's own shape is removed: no process number, another ending, or a folder."""
    args = probe_left_by_a_killed_run(tmp_path)
    kept = (".pari-tmp-notes.tmp", DEAD_PROBE.replace(".tmp", ".txt"))
    for name in kept:
        (tmp_path / name).write_text("mine\n", encoding="utf-8")
    folder = tmp_path / DEAD_PROBE.replace("k3x9", "dir0")
    folder.mkdir()
    done = sweep_child(args, tmp_path)
    assert done.returncode == 0, done.stderr
    assert all((tmp_path / name).read_text(encoding="utf-8") == "mine\n" for name in kept) and folder.is_dir()


def test_a_windows_junction_in_a_kind_s_place_is_not_the_cache_s_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows ``os.lstat`` reports a junction (``mklink /J``, made without the right a symbolic
    link needs) as a folder; only its reparse tag tells it leads elsewhere. A placeholder folder of a
    synchronised drive (another tag) is a folder of the cache's."""
    from types import SimpleNamespace

    from pari_index.intake import cache_folder
    from pari_index.intake.cache import KIND_NOT_OURS, CacheStore

    folder = tmp_path / "cache" / "communes"
    folder.mkdir(parents=True)
    real = os.lstat(folder)
    tags = {"junction": cache_folder.JUNCTION_TAGS[0], "placeholder": 0x9000601A}
    tag = {"now": tags["junction"]}

    def lstat(path: object) -> object:
        info = os.stat(path)  # type: ignore[call-overload]
        return SimpleNamespace(st_mode=info.st_mode, st_reparse_tag=tag["now"]) if path == folder else info

    monkeypatch.setattr(cache_folder.os, "lstat", lstat)
    assert not cache_folder.plain_folder(lstat(folder))  # type: ignore[arg-type]
    store = CacheStore(tmp_path / "cache")
    assert store._kind("communes") is None
    assert [n.reason for n in store.notes] == [KIND_NOT_OURS]
    tag["now"] = tags["placeholder"]
    assert CacheStore(tmp_path / "cache")._kind("communes") == folder
    assert cache_folder.plain_folder(real)
