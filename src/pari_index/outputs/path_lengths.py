"""Outputs whose full path is longer than Windows programs open.

Windows takes a path of at most 259 characters (MAX_PATH, 260 with the closing NUL) unless long
paths are turned on for the system and the program; Excel and Explorer, as most officers run them,
do not open a longer one ("Sorry, we couldn't find …", or nothing happens). On Linux, WSL or a
shared folder such a path is written without a word, and the officer who opens it on Windows
meets a file that "does not exist". Until session 35 every command wrote them so (``pari score -o``
in a folder 300 characters deep: exit 0, 1.9 s). Now a warning before the run, naming the option,
the path's length and what to do (:func:`long_for_windows`); the file is still written.

The length is the one Windows counts: the absolute path's UTF-16 units, as the name is spelled
(a Vietnamese letter typed composed is one; decomposed, as a Mac's zip names it, two or three).
An output that is a folder (the tables of ``--format csv``, ``demo-data``) counts the longest
name pari writes into it as well."""

from __future__ import annotations

import os
from pathlib import Path

from pari_index.errors import Problem, shorten_path
from pari_index.outputs.names import shown_name
from pari_index.outputs.path_names import NAME_MAX, PATH_MAX, TEMP_NAME_BYTES

#: The longest path Windows programs open without long-path support (characters).
WINDOWS_PATH_MAX = 259
#: The longest name pari writes into a folder it makes: ``assessments_wide.parquet`` of demo-data.
LONGEST_NAME_INSIDE = len("assessments_wide.parquet")
#: The endings of the files pari writes (a workbook, a report, a criteria set, a table, a text):
#: an output named with another ending (``kq.2026``, ``ket-qua.v2``) is a folder pari makes.
FILE_ENDINGS = frozenset(
    {".xlsx", ".xlsm", ".html", ".htm", ".yaml", ".yml", ".csv", ".parquet", ".json", ".md", ".txt", ".pdf"}
)


def windows_length(path: Path, folder: bool = False) -> int:
    """The characters Windows counts in ``path`` made absolute (and, for a ``folder``, in the
    longest path pari writes into it)."""
    text = os.path.abspath(path)
    units = len(text.encode("utf-16-le", "surrogatepass")) // 2
    return units + (1 + LONGEST_NAME_INSIDE if folder else 0)


def _refused(path: Path) -> bool:
    """Whether the path rule refuses ``path`` for its length on this system (a name over NAME_MAX
    bytes, a path over PATH_MAX: outputs.path_names.unreachable): that refusal alone is told."""
    absolute = os.fsencode(os.path.abspath(path))
    if len(absolute) + TEMP_NAME_BYTES > PATH_MAX:
        return True
    return any(len(part) > NAME_MAX for part in absolute.split(b"/"))


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; False where the system refuses to say (a name too long, a NUL:
    the path rule tells those, outputs.path_names)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def long_for_windows(option: str, path: Path) -> Problem | None:
    """The warning of an output whose full path Windows programs cannot open, or None."""
    if _refused(path):
        return None
    # By its ending, not by having one: until the review of session 35 a folder not made yet whose
    # name holds a dot (``-o kq.2026``) was counted as a file, the files written in it unwarned.
    folder = path.suffix.lower() not in FILE_ENDINGS or _is_dir(path)
    length = windows_length(path, folder)
    if length <= WINDOWS_PATH_MAX:
        return None
    shown = shorten_path(shown_name(path))
    inside = "the files pari writes in it reach " if folder else ""
    return Problem(
        "output-path-too-long-for-windows",
        f"{option}: {inside}a full path of {length} characters: Excel and Explorer on Windows open at most "
        f"{WINDOWS_PATH_MAX} (without long-path support), so the file cannot be opened there",
        file=shown,
        hint="write it into a folder with a shorter path (such as C:\\kq, or a folder nearer the top of the disk), or "
        "shorten the names of the folders above it",
        severity="warning",
        params={
            "option": option,
            "length": length,
            "limit": WINDOWS_PATH_MAX,
            "long_inside": "folder" if folder else "file",
        },
    )


__all__ = ["LONGEST_NAME_INSIDE", "WINDOWS_PATH_MAX", "long_for_windows", "windows_length"]
