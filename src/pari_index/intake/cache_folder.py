"""What the cache may touch in its folder: only what it wrote itself.

``pari score --cache DIR`` keeps entries under ``DIR/intake`` and ``DIR/communes`` and removes the
oldest ones. A folder named by mistake (the data folder, a home folder, a folder that already
holds a ``communes`` folder of one file per commune) must never lose a file to that, so:

* the folder is claimed with a ``CACHEDIR.TAG`` (the Cache Directory Tagging Specification's
  file, which backup tools also honour) when it is new or empty; a folder that holds anything
  else and no tag is not used as a cache at all (:func:`claim`);
* only entries are ever removed: folders named by a 64-digit key, never a link or a file
  (:func:`is_entry`), and the temporaries a run killed while writing left behind, once their
  process is gone or they are a day old (:func:`stale_temporaries`);
* an entry's files are read only when they are regular files, opened without following a link
  and without waiting on a pipe (:func:`read_regular`): a link to ``/dev/zero`` or a named pipe
  in an entry is a damaged entry, not a hang.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pari_index.system.temporaries import process_alive

#: The Cache Directory Tagging Specification's file name and signature (bford.info/cachedir).
TAG = "CACHEDIR.TAG"
TAG_SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"
TAG_TEXT = (
    TAG_SIGNATURE.decode() + "\n# This folder is a cache of pari-index (pari score --cache).\n"
    "# Everything in it can be deleted: pari-index computes it again.\n"
)
#: The kinds of entries (sub-folders) the cache writes; a folder holding only these is a cache
#: written before the tag existed.
KINDS = ("intake", "communes", "communes-changes", "outputs")
ENTRY_NAME = re.compile(r"[0-9a-f]{64}")
#: Temporaries of the cache: ``.tmp-PID-…`` while an entry is written, ``.old-KEY-PID`` while one
#: is removed. ``.tmp-`` without a process number was the name before 0.x named them.
TEMPORARY = re.compile(r"\.(?:tmp-(?P<tmp>\d+)-.*|old-[0-9a-f]{64}-(?P<old>\d+)|tmp-[a-z0-9_]+)")
#: A temporary whose process is gone, or older than this, is removed.
STALE_SECONDS = 24 * 3600
#: A temporary that names no process is removed when older than this (no run writes for an hour).
LEGACY_STALE_SECONDS = 3600


class NotACacheFolder(Exception):
    """The folder holds other files and no cache tag of ours: it is not used, and nothing in it
    touched. ``other_tag``: it holds another program's CACHEDIR.TAG (it is that program's cache)."""

    def __init__(self, name: str, other_tag: bool = False) -> None:
        super().__init__(name)
        self.other_tag = other_tag


#: What a tag of ours says after the signature (TAG_TEXT): another program's tag (a build tool's,
#: a browser's cache) has the same signature, and its folder is that program's to empty.
TAG_OWNER = b"pari-index"


def claim(root: Path) -> None:
    """Make ``root`` a cache folder, or check that it is one. Raises OSError when it cannot be
    made or tagged, NotACacheFolder when it holds anything else than a cache."""
    root.mkdir(parents=True, exist_ok=True)
    tag = root / TAG
    head = b""
    with contextlib.suppress(OSError, ValueError):
        head = read_regular(tag, 1024)
    if head.startswith(TAG_SIGNATURE):
        if TAG_OWNER in head:
            return
        # Another program's cache: the signature alone claimed it, and pari's entries and their
        # removal of the oldest went in among that program's files.
        raise NotACacheFolder(TAG, other_tag=True)
    with os.scandir(root) as entries:
        foreign = [e.name for e in entries if not _own_or_system(e)]
    if foreign:
        raise NotACacheFolder(foreign[0])
    # A new file of a name no one could know (O_EXCL, never through a link): the tag was written
    # through ``.CACHEDIR.TAG.PID``, and a link of that name planted in a shared cache folder by
    # another user (the process number is guessable) had the tag's text written into the file it
    # led to, one of the user's own (session 37).
    fd, made = tempfile.mkstemp(prefix=f".{TAG}.", dir=root)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(TAG_TEXT)
        os.replace(made, tag)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(made)
        raise


#: Files the desktop puts into any folder it shows: an empty folder with them is still empty.
SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def _own_or_system(entry: os.DirEntry[str]) -> bool:
    """A cache folder of ours (written before tags), a tag being written, or the desktop's file."""
    if entry.name in KINDS:
        return entry.is_dir(follow_symlinks=False)
    return entry.name in SYSTEM_FILES or entry.name.startswith(f".{TAG}.")


def is_entry(path: Path) -> bool:
    """Whether ``path`` is an entry the cache wrote: a real folder named by a key, this user's
    and closed to others (:func:`not_ours`)."""
    return ENTRY_NAME.fullmatch(path.name) is not None and _real_folder(path) and not_ours(path) is None


#: Why an entry of another user's is not used (CACHE_REASONS).
OTHER_USERS = "written by another user, or open to others' writing: not used, whatever it holds"


def not_ours(path: Path) -> str | None:
    """Why the entry ``path`` may not be trusted, or None. An entry is written in a folder only its
    writer may enter (tempfile.mkdtemp, mode 0700) and renamed into place: one another user owns,
    or that others may write into, is not this user's writing. In a cache folder shared by several
    users (a team's drive, /srv/chung), another user planted an entry under the key a run would
    look for (every part of the key is computed from inputs that user may read) with tables of
    their making and a manifest of their SHA-256: the run published a ranking it had never
    computed (session 37). Windows keeps no owner here (st_uid is 0): not judged there."""
    if os.name != "posix":
        return None
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if info.st_uid != os.geteuid() or info.st_mode & 0o022:
        return OTHER_USERS
    return None


#: Why a cache folder on a disk that keeps no permissions is not used (CACHE_REASONS).
NO_PERMISSIONS = (
    "its disk keeps no permissions (a FAT or exFAT drive, or a network share, shows every file open to "
    "every user's writing), so no entry in it could be trusted and the cache is not used; give --cache a "
    "folder on this computer's own disk"
)


def keeps_permissions(root: Path) -> bool:
    """Whether a folder made in ``root`` closed to others (tempfile.mkdtemp, mode 0700) shows so.
    On a FAT or exFAT drive or a share mounted on Linux every file shows 0777: each entry was
    :func:`not_ours`, told "written by another user" once an entry and a run, written again and
    never used (session 37's review). Windows keeps no such modes here: not judged there."""
    if os.name != "posix":
        return True
    try:
        # Named by this process: a run killed before the folder is removed again leaves it, and the
        # next run removes it once this process is gone (:func:`_stale_probes`).
        made = tempfile.mkdtemp(prefix=f".keeps.{os.getpid()}.", dir=root)
    except OSError:  # a folder this user may only read: its entries are judged one by one (not_ours)
        return True
    try:
        return not os.lstat(made).st_mode & 0o022
    finally:
        with contextlib.suppress(OSError):
            os.rmdir(made)


def _real_folder(path: Path) -> bool:
    """Whether ``path`` is a folder itself, not a link to one."""
    try:
        return plain_folder(os.lstat(path))
    except OSError:
        return False


#: Reparse points that lead elsewhere on Windows: a junction (``mklink /J``, made without the
#: administrator's right a symbolic link needs) and a symbolic link (IO_REPARSE_TAG_MOUNT_POINT,
#: IO_REPARSE_TAG_SYMLINK: the stat module names them on Windows alone).
JUNCTION_TAGS = (0xA0000003, 0xA000000C)


def plain_folder(info: os.stat_result) -> bool:
    """Whether ``info`` (of :func:`os.lstat`) is of a folder itself: not a link, nor a Windows
    junction, which ``os.lstat`` reports as a folder (its ``st_reparse_tag`` alone tells it; a
    folder of a synchronised drive's placeholders has another tag and is a folder)."""
    return stat.S_ISDIR(info.st_mode) and getattr(info, "st_reparse_tag", 0) not in JUNCTION_TAGS


def _alive(pid: int) -> bool:
    # This run's own temporaries are in use.
    return pid == os.getpid() or process_alive(pid)


def stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """The temporaries in a kind's folder that no running process will finish: their process is
    gone, or they are older than STALE_SECONDS (LEGACY_STALE_SECONDS when they name no process)."""
    now = time.time() if now is None else now
    stale: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return stale
    for entry in entries:
        match = TEMPORARY.fullmatch(entry.name)
        if match is None:
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        pid = match.group("tmp") or match.group("old")
        if pid is None:
            if age > LEGACY_STALE_SECONDS:
                stale.append(Path(entry.path))
        elif age > STALE_SECONDS or not _alive(int(pid)):
            stale.append(Path(entry.path))
    return stale


#: What a run makes in the cache folder itself for a moment: the folder that tells whether the
#: disk keeps permissions (:func:`keeps_permissions`: ``.keeps.PID.…``, ``.keeps.…`` before
#: session 38 named its process) and the tag being written (:func:`claim`: ``.CACHEDIR.TAG.…``).
#: The random part is tempfile's own, eight of ``a-z0-9_``: a name of the user's (``.CACHEDIR.TAG.old``,
#: a backup of the tag) is not a probe (reviewb38).
PROBE = re.compile(r"\.keeps\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{8}|(?P<tag>\.CACHEDIR\.TAG\.)[a-z0-9_]{8}")


def _stale_probes(root: Path, now: float | None = None) -> list[Path]:
    """The probes (:data:`PROBE`) a killed run left in the cache folder: their process is gone or
    they are a day old; those that name no process, an hour old (a probe lives for microseconds).
    Only this user's own empty folders and files, never a link. A run killed in that moment left
    a ``.keeps.…`` folder that no later run removed, one more each time (session 38)."""
    now = time.time() if now is None else now
    stale: list[Path] = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return stale
    for entry in entries:
        match = PROBE.fullmatch(entry.name)
        if match is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISLNK(info.st_mode) or (hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
            continue
        # Of the kind a probe is: mkdtemp's folder, mkstemp's file; a file named .keeps.… is not.
        if not (stat.S_ISREG(info.st_mode) if match.group("tag") else stat.S_ISDIR(info.st_mode)):
            continue
        age, pid = now - info.st_mtime, match.group("pid")
        if age > STALE_SECONDS or (pid is None and age > LEGACY_STALE_SECONDS) or (pid and not _alive(int(pid))):
            stale.append(Path(entry.path))
    return stale


def remove_leftovers(root: Path) -> None:
    """Remove what killed runs left in the cache's folders (best effort, once a run); never
    through a link in a kind's place (another folder's ``.tmp-…`` files are not ours)."""
    for probe in _stale_probes(root):
        with contextlib.suppress(OSError):
            # rmdir: a probe folder is empty; one someone put files in is not a probe, and stays.
            probe.rmdir() if probe.is_dir() else probe.unlink()
    for kind in KINDS:
        if not _real_folder(root / kind):
            continue
        for leftover in stale_temporaries(root / kind):
            with contextlib.suppress(OSError):
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover, ignore_errors=True)
                else:
                    leftover.unlink()


class TooLarge(ValueError):
    """A file of the cache larger than it may be, left unread: its size and the limit."""

    def __init__(self, name: str, size: int, most: int) -> None:
        super().__init__(f"{name} takes {size:,} bytes, more than the {most:,} the cache reads")
        self.name, self.size, self.most = name, size, most


def read_regular(path: Path, limit: int | None = None, most: int | None = None) -> bytes:
    """The bytes of a regular file (at most ``limit``), never following a link and never waiting
    on a pipe or a device: anything else raises ValueError. A file of more than ``most`` bytes is
    TooLarge, unread (a sparse file of gigabytes costs nothing to make)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if os.path.islink(path):
            raise ValueError(f"{path.name} is a link, not a file the cache wrote") from exc
        raise
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise ValueError(f"{path.name} is not a regular file")
        if most is not None:
            if status.st_size > most:
                raise TooLarge(path.name, status.st_size, most)
            data = handle.read(most + 1)  # grown since: the same
            if len(data) > most:
                raise TooLarge(path.name, len(data), most)
            return data
        return handle.read() if limit is None else handle.read(limit)


@dataclass(frozen=True)
class ParquetReuse:
    """An earlier results file of a Parquet table that the cache vouches for (``pari score
    --cache``; written by :func:`pari_index.outputs.files.write_parquet`): the SHA-256 it was
    written with, and its row groups that hold the rows the table now has at the same place."""

    file: Path
    sha256: str
    unchanged: frozenset[int]


__all__ = [
    "KINDS",
    "TAG",
    "NotACacheFolder",
    "ParquetReuse",
    "TooLarge",
    "claim",
    "is_entry",
    "keeps_permissions",
    "not_ours",
    "plain_folder",
    "read_regular",
    "remove_leftovers",
    "stale_temporaries",
]
