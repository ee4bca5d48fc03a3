"""Review of session 37: a cache folder on a disk that keeps no permissions.

faults37 refused a cache entry another user owns or others may write into (intake.cache_folder.
not_ours). A FAT or exFAT drive, or an SMB share, mounted on Linux shows every file as 0777 and
keeps no mode a chmod or mkdtemp sets. Found by running the real ``pari score --cache`` on such a
folder (its modes shown as 0777, as such a mount shows them): every run told two notes, "Cache:
ignored …/communes/<key> (written by another user, or open to others' writing …)" and the same of
…/intake/<key>, wrote both entries again, and never used one: a user read "another user" of a
USB drive only they use, and nothing said what to do. Now the folder is tested once a run (a
folder made closed to others, does it show so?) and, where it does not, one note tells why the
cache is not used and what to give instead; nothing is written into it.

These tests show the disk's modes as such a mount does (os.lstat and os.stat report 0777 below the
cache folder), since a FAT image cannot be mounted here."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from test_hostile_faults37 import _score_with_cache

from pari_index.intake.cache_folder import keeps_permissions


class _Shown:
    """A stat result whose mode shows every permission, as a FAT mount shows each file."""

    def __init__(self, real: os.stat_result) -> None:
        self._real = real
        self.st_mode = stat.S_IFMT(real.st_mode) | 0o777

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _as_fat(monkeypatch: pytest.MonkeyPatch, below: Path) -> None:
    real_lstat, real_stat = os.lstat, os.stat
    top = str(below)

    def lstat(path: Any, *args: Any, **kwargs: Any) -> Any:
        found = real_lstat(path, *args, **kwargs)
        return _Shown(found) if isinstance(path, (str, os.PathLike)) and str(path).startswith(top) else found

    def stat_(path: Any, *args: Any, **kwargs: Any) -> Any:
        found = real_stat(path, *args, **kwargs)
        return _Shown(found) if isinstance(path, (str, os.PathLike)) and str(path).startswith(top) else found

    monkeypatch.setattr(os, "lstat", lstat)
    monkeypatch.setattr(os, "stat", stat_)


def test_a_folder_made_here_keeps_its_permissions(tmp_path: Path) -> None:
    assert keeps_permissions(tmp_path)
    assert list(tmp_path.iterdir()) == []  # the folder it made to look is gone


@pytest.mark.skipif(os.name != "posix", reason="modes are judged on POSIX systems only")
def test_a_folder_shown_open_to_all_keeps_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _as_fat(monkeypatch, tmp_path)
    assert not keeps_permissions(tmp_path)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="modes are judged on POSIX systems only")
@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "its disk keeps no permissions"), ("vi", "ổ đĩa của nó không giữ quyền truy cập")],
)
def test_a_cache_on_a_disk_without_permissions_is_told_once_and_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    """Until this review: two notes a run, "written by another user", and both entries written
    again each run, never used."""
    _as_fat(monkeypatch, tmp_path / "c")
    for _ in range(2):
        status, said = _score_with_cache(tmp_path, lang)
        assert status == 0, said
        assert said.count(words) == 1, said
        assert "another user" not in said and "người dùng khác" not in said, said
        assert ("--cache" in said) and (str(tmp_path / "c") in said), said
    assert not (tmp_path / "c" / "communes").exists()
    assert not (tmp_path / "c" / "intake").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_cache_folder_is_still_read(tmp_path: Path) -> None:
    """The look made for this review must not stop a cache this user may only read."""
    status, said = _score_with_cache(tmp_path)
    assert status == 0, said
    (tmp_path / "c").chmod(0o555)
    try:
        status, said = _score_with_cache(tmp_path)
    finally:
        (tmp_path / "c").chmod(0o755)
    assert status == 0 and "units reused" in said and "keeps no permissions" not in said, said


def test_a_folder_where_nothing_can_be_made_is_not_judged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refused(*_args: Any, **_kwargs: Any) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refused)
    assert keeps_permissions(tmp_path)
