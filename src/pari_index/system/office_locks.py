"""The lock files an office program keeps beside a file while it is open in it: one rule for the
outputs that would replace such a file (outputs.replacing.open_in_office) and the inputs read
from one (:func:`open_in_office_input`: the tables ``pari score`` reads, intake.tables.read_table_file;
and every other Office file a command reads, outputs.paths.open_inputs)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pari_index.errors import Problem
from pari_index.system.spelling import spelled_on_disk


def lock_files(path: Path) -> tuple[Path, ...]:
    """The lock files an office program keeps beside ``path`` while it is open: Microsoft Office's
    ``~$NAME``, whose first letter or two give way to ``~$`` when the name before its ending has
    seven letters or more (``~$sessments.xlsx`` of ``assessments.xlsx``), and LibreOffice's
    ``.~lock.NAME#``."""
    name = path.name
    locks = [f"~${name}", f".~lock.{name}#"]
    if len(path.stem) > 6:
        locks += [f"~${name[1:]}", f"~${name[2:]}"]
    return tuple(path.with_name(lock) for lock in locks)


def open_lock(path: Path) -> Path | None:
    """The lock file beside ``path`` (a regular file) that says it is open in Excel or LibreOffice,
    or None: none is there, or ``path`` is no regular file (a pipe has no lock)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
    except (OSError, ValueError):
        return None
    return next((lock for lock in lock_files(path) if os.path.lexists(lock) and not _of_another(path, lock)), None)


def _of_another(path: Path, lock: Path) -> bool:
    """``lock`` is a shortened name (``~$`` for the first letter or two of ``path``'s name) that is the
    whole lock name of another file beside it: ``~$communes.csv`` beside ``1-communes.csv`` and
    ``communes.csv`` is the lock of ``communes.csv`` open in Excel, which writes the whole name. Until
    the review of session 34 ``1-communes.csv`` was told as open too (its output refused)."""
    whole = f"~${path.name}"
    return lock.name != whole and lock.name.startswith("~$") and os.path.lexists(path.with_name(lock.name[2:]))


def open_in_office_input(path: str | Path) -> Problem | None:
    """The warning of an input open in Excel or LibreOffice (its lock file beside it): what is read
    is the file as last saved, without the changes on the clerk's screen not yet saved. ``pari
    score --communes communes.xlsx`` beside ``~$communes.xlsx`` scored the saved register without
    a word (exit 0, even with --strict). A crash leaves a lock behind: deleting it is the way."""
    p = spelled_on_disk(Path(path))
    lock = open_lock(p)
    if lock is None:
        return None
    return Problem(
        "input-open-in-office",
        f"this file is open in Excel or LibreOffice (its lock file {lock.name} is beside it): what was read is "
        "the file as last saved, without changes not yet saved there",
        file=str(path),
        hint="save and close the file there, then run again; if it is closed, a crash left the lock file: delete "
        "that lock file",
        severity="warning",
        params={"lock": lock.name},
    )
