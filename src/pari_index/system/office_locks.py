"""The lock files an office program keeps beside a file while it is open in it: one rule for the
outputs that would replace such a file (outputs.replacing.open_in_office) and the inputs read
from one (intake.tables.open_in_office_input)."""

from __future__ import annotations

import os
import stat
from pathlib import Path


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
