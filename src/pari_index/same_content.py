"""Two input files with the same bytes under two names: one file given twice, told once.

``pari score forms/*.xlsx`` over a folder where a form was saved twice (``xa-01.xlsx`` and
``xa-01 (1).xlsx``, an e-mail attachment downloaded again) read every row twice: 11,998 "repeated
row" warnings on the example's assessments, exit 0, and nothing said which file was the copy.
A file given twice by name or link is refused before anything is read
(pari_index.outputs.paths.check_read_once, ``input-given-twice``); a copy of it is the same
mistake, so it is refused the same way, once, naming both files (``input-same-content``).

Only files of the same size are compared, and their bytes only then: a run's files rarely share
a size, so a clean run reads nothing more here. Empty files are left to the reading, which tells
each of them as empty.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from pari_index.errors import Problem, UsageError
from pari_index.outputs.names import shown_name

#: Read in blocks: the files compared may be tens of megabytes.
_BLOCK = 1 << 20


def _digest(path: Path) -> str | None:
    """The SHA-256 of the file's bytes, None when it cannot be read (left to the reading)."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _sizes(inputs: Sequence[tuple[str, Path]]) -> dict[int, list[tuple[str, Path]]]:
    """The regular, non-empty files among ``inputs`` by their size (anything else is left to the
    reading, which names it)."""
    by_size: dict[int, list[tuple[str, Path]]] = {}
    for option, path in inputs:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(st.st_mode) and st.st_size > 0:
            by_size.setdefault(st.st_size, []).append((option, path))
    return by_size


def check_same_content(inputs: Sequence[tuple[str, Path]]) -> None:
    """Refuse (UsageError, exit 2) a data file whose bytes are those of another given before it:
    one problem for each copy, naming the first file. ``inputs`` are (option, path) pairs in the
    order given; the same file given twice is checked before (input-given-twice)."""
    problems: list[Problem] = []
    for group in _sizes(inputs).values():
        if len(group) < 2:
            continue
        first: dict[str, tuple[str, Path]] = {}
        for option, path in group:
            digest = _digest(path)
            if digest is None:
                continue
            earlier = first.setdefault(digest, (option, path))
            if earlier[1] != path:
                problems.append(_same_content(option, path, *earlier))
    if problems:
        raise UsageError(problems)


def _same_content(option: str, path: Path, other_option: str, other_path: Path) -> Problem:
    shown, other = shown_name(path), shown_name(other_path)
    return Problem(
        "input-same-content",
        f"{option}: this file holds the same bytes as {other_option} {other}, a copy under another name; its "
        "rows would be read twice",
        file=shown,
        hint="give one of the two files (move the copy out of the folder), then score again",
        params={"option": option, "path": shown, "other_option": other_option, "other": other},
    )


__all__ = ["check_same_content"]
