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
An output that is a folder (the tables of ``pari score --format csv`` or ``parquet``, a
``demo-data`` set) counts the longest name its writer puts in it, from the writer's own list
(cli_params.names_inside: outputs.results.table_files, demo.layout.set_names). Until session 36
every folder counted ``assessments_wide.parquet`` (24 characters), the longest name of any writer,
and whether an output was a folder was judged by its ending: ``pari score -o D/kq --format csv``
(246 characters, ``findings.csv`` written at 259) was warned of "271 characters", needlessly;
``-o D/kq.parquet`` (250 characters, a folder whose ``findings.parquet`` is at 267) was counted
as a file and not warned of at all; ``demo-data -o D/demo`` told 273 of files at 269.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pari_index.errors import Problem, shorten_path
from pari_index.outputs.names import shown_name
from pari_index.outputs.path_names import NAME_MAX, PATH_MAX, TEMP_NAME_BYTES

#: The longest path Windows programs open without long-path support (characters).
WINDOWS_PATH_MAX = 259


def _units(text: str) -> int:
    """The UTF-16 units of ``text``, as Windows counts a path."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def windows_length(path: Path, inside: Sequence[str] = ()) -> int:
    """The characters Windows counts in ``path`` made absolute (and, for a folder its writer puts
    the names ``inside`` in, in the longest path written there)."""
    folder = 1 + max(_units(name) for name in inside) if inside else 0
    return _units(os.path.abspath(path)) + folder


def _refused(path: Path) -> bool:
    """Whether the path rule refuses ``path`` for its length on this system (a name over NAME_MAX
    bytes, a path over PATH_MAX: outputs.path_names.unreachable): that refusal alone is told."""
    absolute = os.fsencode(os.path.abspath(path))
    if len(absolute) + TEMP_NAME_BYTES > PATH_MAX:
        return True
    return any(len(part) > NAME_MAX for part in absolute.split(b"/"))


def long_for_windows(option: str, path: Path, inside: Sequence[str] = ()) -> Problem | None:
    """The warning of an output whose full path Windows programs cannot open, or None: a file, or
    a folder its writer puts the names ``inside`` in (each counted below it)."""
    if _refused(path):
        return None
    folder = bool(inside)
    length = windows_length(path, inside)
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


__all__ = ["WINDOWS_PATH_MAX", "long_for_windows", "windows_length"]
