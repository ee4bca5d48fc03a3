"""What a watched input file held when its watch began: its SHA-256, so that the watch
(pari_index.system.input_watch) tells a change by the bytes, not by the file's times alone.

The watch tells a file changed by its identity (device, inode, size, modification and change
times). Both ways that misleads (session 37, tests/hostile_faults37.py):

- a file saved again with the same bytes during a run (Excel's «Save» with nothing edited, a
  synchronisation client putting the same copy back, ``touch``) was ``input-changed`` (exit 1,
  nothing written), of a file whose rows were exactly those read;
- a file rewritten in place with other bytes of the same size within the file system's time
  resolution (FAT and exFAT keep the modification time in 2 s steps, a share may keep whole
  seconds, and a network client caches a file's times for a second or more; a copy tool that
  puts the old times back, ``rsync -t``, ``robocopy``, does the same on any disk) kept its identity:
  the run wrote results from rows the file no longer held, unseen.

So each regular file watched is hashed as its watch begins, before its readers read it
(:class:`Contents`; the run's digests, pari_index.intake.file_digests, take that hash rather than
read the file once more), and when the watch is asked, the file is hashed again: a file whose
bytes are those hashed at first is unchanged whatever its times say, and one whose bytes differ
is changed whatever its times say. A file whose first hash could not be taken (it changed while
hashed, could not be read, or is over :data:`MAX_HASHED`) is judged by its identity alone, as before.

Left open: what the readers read is not hashed by them. A file rewritten in place with the same
bytes while a reader was in the middle of it could have been read cut short, and is not told as
changed (its bytes are the same again). Only the
standard library is imported.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import threading
from collections.abc import Callable

#: Read in blocks.
_BLOCK = 1 << 20

#: A file's identity as pari_index.system.input_watch takes it.
Identity = tuple[int, int, int, int, int]


def sha256_of(path: str, stop: threading.Event | None = None) -> str | None:
    """The SHA-256 (hex) of a regular file's bytes; None when it cannot be read, is sparse (a file
    refused unread by the intake: not worth gigabytes of NULs), or ``stop`` is set first."""
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            if stop is not None and _sparse(handle.fileno()):
                return None
            while block := handle.read(_BLOCK):
                if stop is not None and stop.is_set():
                    return None
                digest.update(block)
        return digest.hexdigest()
    except (OSError, ValueError):
        return None


def _sparse(fd: int) -> bool:
    try:
        size = os.fstat(fd).st_size
        return stat.S_ISREG(os.fstat(fd).st_mode) and os.lseek(fd, 0, os.SEEK_HOLE) < size
    except (OSError, AttributeError):
        return False
    finally:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)


#: Bytes of a file hashed as its watch begins; a larger one is judged by its identity alone (a
#: national assessment file is some 45 MB; a file of gigabytes is refused by its reader's limits,
#: and must not be read whole first).
MAX_HASHED = 512 * 1024**2


class Contents:
    """The first SHA-256 of each file of one watch, taken as the watch begins, before any reader
    reads it: a hash taken beside the readers (in a thread, as the run's digests were) could come
    after the change it was to see, and a rewrite the identity cannot tell went unseen."""

    def __init__(self, identity: Callable[[str], Identity | None]) -> None:
        self._identity = identity
        self._first: dict[str, str | None] = {}

    def add(self, key: str, before: Identity) -> None:
        """Hash the file ``key`` whose identity was ``before`` when its watch began; its hash
        counts only if it still had that identity once hashed."""
        digest = sha256_of(key, threading.Event()) if before[2] <= MAX_HASHED else None
        self._first[key] = digest if self._identity(key) == before else None

    def first(self, key: str) -> str | None:
        """The file's first hash, if it was taken."""
        return self._first.get(key)

    def close(self) -> None:
        self._first.clear()


def same_bytes(key: str, first: str | None) -> bool | None:
    """Whether the file ``key`` holds now the bytes hashed first (``first``); None when that cannot
    be told (no first hash, or the file cannot be read now)."""
    if first is None:
        return None
    now = sha256_of(key)
    return None if now is None else now == first


__all__ = ["Contents", "same_bytes", "sha256_of"]
