"""The SHA-256 of a run's input files, computed once per run and beside other work.

A run needs the SHA-256 of its input files twice: the cache's key (``pari score --cache``) and the
about table's provenance (``input_sha256_*``). Nationally the assessment file is 45 MB: hashing it
costs about 0.05 s of CPU each time. A file the watch on inputs hashed as the run began
(pari_index.system.input_content) is given that hash and not read again. Else
:func:`inputs_of_run` hashes the inputs in one thread as the run begins (hashlib lets go of
the GIL over large buffers, so it runs beside the criteria's loading and the register's
reading), and :func:`sha256` then gives that digest instead of reading the file again, while
the run lasts and only while the file is still the one that was hashed (device, inode, size,
modification and change times, taken before and after the hash). Any other file, and every file
outside a run, is hashed when asked: nothing is remembered from one run to
the next (a file rewritten in place within one clock tick would have the same identity).

Only the standard library and the shared helpers :mod:`pari_index.system.spelling` and
:mod:`pari_index.system.input_watch` (the file identity it shares with the watch on inputs) are imported
(:mod:`pari_index.outputs.provenance` uses this too).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from pari_index.system.input_watch import Identity as _Identity
from pari_index.system.input_watch import absolute as _absolute
from pari_index.system.input_watch import first_sha256, hashed
from pari_index.system.input_watch import identity as _identity
from pari_index.system.spelling import spelled_on_disk
from pari_index.system.threads import result_of

#: Read in blocks: a national assessment file is tens to hundreds of megabytes.
_BLOCK = 1 << 20

_lock = threading.Lock()
#: The inputs of the run under way (absolute paths), and their digests once computed: the file's
#: identity when hashed and the digest, or the hashing still going on.
_run: dict[str, Future[tuple[_Identity, str] | None]] = {}


def _hash(path: str, stop: threading.Event | None = None) -> tuple[_Identity, str] | None:
    """The file's identity and digest; None when it is not a regular readable file, or changed
    while it was read (then it is not remembered: the caller hashes it again), or when ``stop`` is
    set before the end (the run that wanted it is over)."""
    before = _identity(path)
    if before is None:
        return None
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            if stop is not None and _has_hole(handle.fileno(), before[2]):
                return None  # refused unread by the intake (binary-file): not worth gigabytes of NULs
            while block := handle.read(_BLOCK):
                if stop is not None and stop.is_set():
                    return None
                digest.update(block)
    except OSError:
        return None
    return (before, digest.hexdigest()) if _identity(path) == before else None


def _has_hole(fd: int, size: int) -> bool:
    """Whether the open regular file is sparse (best effort: False where the system cannot tell)."""
    try:
        return os.lseek(fd, 0, os.SEEK_HOLE) < size
    except (OSError, AttributeError):
        return False
    finally:
        os.lseek(fd, 0, os.SEEK_SET)


def sha256(path: str | Path) -> str | None:
    """The SHA-256 (hex) of a regular file's bytes, or None for anything else (a pipe, a device, a
    file that cannot be read). An input of the run under way is hashed once (:func:`inputs_of_run`).
    A name typed composed is found decomposed on disk as every reader finds it (spelled_on_disk):
    a stage-level caller's about table said ``-`` for a file its readers had read."""
    key = _absolute(spelled_on_disk(path))
    watched = first_sha256(key)  # hashed by the watch on inputs as the run began
    if watched is not None:
        return watched
    with _lock:
        known = _run.get(key)
    if known is not None:
        found = result_of(known)
        if found is not None and found[0] == _identity(key):
            return found[1]
    hashed = _hash(key)
    if hashed is not None:
        return hashed[1]
    # Changed while read, or not a file: hashed as it is now, with no identity to keep.
    if _identity(key) is None:
        return None
    try:
        with open(key, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


@contextmanager
def inputs_of_run(paths: Iterable[str | Path | None]) -> Iterator[None]:
    """While the block runs, the regular files among ``paths`` are hashed once, in a thread
    started here; the digests are forgotten when it ends."""
    keys = list(dict.fromkeys(_absolute(spelled_on_disk(p)) for p in paths if p is not None))
    pool = ThreadPoolExecutor(max_workers=1)
    # Set when the run ends: a run refused early (a 1.5 GB sparse file, a file over the size
    # limit) must not go on hashing its inputs, nor keep the process from exiting until it has.
    stop = threading.Event()
    with _lock:
        _run.clear()
        for key in keys:
            if not hashed(key):  # the watch on inputs hashes it already (system.input_content)
                _run[key] = pool.submit(_hash, key, stop)
    # Not ``with pool``, which would wait here for the hashing to end.
    pool.shutdown(wait=False)
    try:
        yield
    finally:
        stop.set()
        with _lock:
            _run.clear()


__all__ = ["inputs_of_run", "sha256"]
