"""Inputs that change while a command reads them: nothing is written from them.

A command's input files are checked before they are read (pari_index.outputs.paths) and read
later, some of them more than once (sniffed, then read; hashed for the cache's key and the about
table). A file written or replaced meanwhile (a colleague saving the register on a shared folder,
a synchronisation client, a copy still under way) was read as whatever it held at each moment: the
about table of a run recorded the SHA-256 of the assessment file as it was before the run while
the results held the rows of the file that replaced it (3,777 rows scored, 3,849 recorded), and
with ``--cache`` those results were kept under the first file's key: every later run of the
first file, unchanged, published the other file's ranking (a commune "did not submit").

Each command's input files are watched from before they are read (:func:`watching`: their device,
inode, size, modification and change times), and :func:`check_unchanged` refuses
(``input-changed``, exit 1) before any output is put in place (pari_index.outputs.files) when one
of them is no longer as it was; the cache stores nothing then (pari_index.intake.cache). A file
the system cannot tell changed (a pipe, a device, a folder) is not watched.

Only the standard library and :mod:`pari_index.errors` are imported (a shared helper).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from pari_index.errors import IntakeError, Problem

#: What tells a regular file apart from a changed one.
Identity = tuple[int, int, int, int, int]

#: The files watched by the commands under way: absolute path -> (the name as given, identity
#: when the watch began).
_watched: dict[str, tuple[str, Identity]] = {}


def identity(path: str | Path) -> Identity | None:
    """Device, inode, size, modification and change times of a regular file (links followed);
    None for anything else or a file that cannot be looked at."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _key(path: str | Path) -> str:
    try:
        return os.path.abspath(path)
    except (OSError, ValueError):
        return str(path)


@contextlib.contextmanager
def watching(paths: Iterable[str | Path | None]) -> Iterator[None]:
    """Watch the regular files among ``paths`` while the block runs. A file already watched (by
    the command that called this) keeps the identity it had when its watch began."""
    added: list[str] = []
    for path in paths:
        if path is None:
            continue
        key = _key(path)
        if key in _watched:
            continue
        found = identity(path)
        if found is not None:
            _watched[key] = (str(path), found)
            added.append(key)
    try:
        yield
    finally:
        for key in added:
            _watched.pop(key, None)


def changed() -> list[str]:
    """The watched files (as given) that are no longer as they were when their watch began:
    written, replaced, deleted."""
    return [given for key, (given, before) in list(_watched.items()) if identity(key) != before]


def check_unchanged() -> None:
    """Raise ``input-changed`` (exit 1) for each watched file that changed since its watch began."""
    moved = changed()
    if moved:
        raise IntakeError([changed_problem(path) for path in moved])


def changed_problem(path: str) -> Problem:
    return Problem(
        "input-changed",
        "the file changed while pari-index read it (written, replaced or deleted by another program "
        "during the run): nothing was written, earlier outputs are left as they were",
        file=path,
        hint="run again once the file is no longer being written: wait for the copy or the "
        "synchronisation to finish, close it in the program that saves it, or copy it to a folder of your own first",
        params={},
    )


#: The SHA-256 of what was read from an input that cannot be read twice (a pipe: ``--criteria
#: <(cat set.yaml)``), by the pipe's device and inode. ``pari report --criteria <(…)`` hashed the
#: set by reading the pipe again: it was empty by then (the SHA-256 of nothing, e3b0c442…, so
#: "results-criteria-edited", exit 2), and a named pipe written once waited for ever.
_read_from_pipes: dict[tuple[int, int], str] = {}


def _pipe(path: str | Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISFIFO(st.st_mode) else None


def remember_piped(path: str | Path, data: bytes) -> None:
    """Keep the SHA-256 of ``data``, read whole from the pipe ``path`` (nothing for a file)."""
    pipe = _pipe(path)
    if pipe is not None:
        _read_from_pipes[pipe] = hashlib.sha256(data).hexdigest()


def piped_sha256(path: str | Path) -> str | None:
    """The SHA-256 of what was read from the pipe ``path`` (:func:`remember_piped`), else None."""
    pipe = _pipe(path)
    return None if pipe is None else _read_from_pipes.get(pipe)


__all__ = [
    "Identity",
    "changed",
    "changed_problem",
    "check_unchanged",
    "identity",
    "piped_sha256",
    "remember_piped",
    "watching",
]
