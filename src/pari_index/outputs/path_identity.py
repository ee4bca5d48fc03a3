"""What a path is, for the rule of :mod:`.paths`: an output (:class:`Target`) or an input
(:class:`Source`), where a write lands (:func:`as_written`), and whether two spellings name one
file or one lies in another folder (resolved paths, or device and inode: a hard link, another
letter case on a case-insensitive disk).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from pari_index.errors import Problem

Identity = tuple[int, int]


@dataclass(frozen=True)
class Target:
    """Something a command writes: a file, or a folder it replaces as a whole."""

    path: Path
    option: str = "-o"
    folder: bool = False
    #: Other paths it writes: the tables inside a results folder, the CSV files beside a
    #: workbook whose sheet overflows.
    files: tuple[Path, ...] = ()
    #: A folder written into rather than replaced (``demo-data``): the file that marks it as
    #: pari-index's own. In a folder without it, none of ``files`` that exists is replaced.
    marker: str | None = None
    #: The endings its name may have (``.xlsx``; a page ``.html`` or ``.htm``): a file whose name
    #: says another kind is refused (``-o form.txt`` wrote a workbook under a name no program opens
    #: as one). A folder's name may end in its own format (``results.parquet``) and in no other
    #: file's ending (``-o out.xlsx --format csv`` made a folder Excel users try to open).
    suffixes: tuple[str, ...] = ()
    #: Whether it writes results (``pari score``'s): only results replace earlier results. A form,
    #: an annex or a table of changes written over them (``pari template -o ket-qua.xlsx``, a name
    #: typed where the results are) replaced the published ranking, exit 0.
    results: bool = False

    def __post_init__(self) -> None:
        # Judged where the write will land (:func:`as_written`): ``-o nothere/../budget.xlsx``.
        object.__setattr__(self, "path", as_written(self.path))
        object.__setattr__(self, "files", tuple(as_written(f) for f in self.files))


def as_written(path: Path) -> Path:
    """``path`` without the ``..`` that follow a folder that does not exist yet: the file a write
    lands on once the missing folders are made (``mkdir -p``). Every check of an output looks at
    what is there (``os.stat``), and the system finds nothing through a missing folder: ``-o
    nothere/../budget.xlsx`` was judged a new file, and the user's own budget.xlsx (or
    ``--report nope/../index.html``, a page of theirs; an input hard-linked under that name) was
    replaced once ``nothere`` was made. A ``..`` after a folder or link that exists is left for
    the system to follow (a link's ``..`` is its target's parent, not the link's)."""
    parts = Path(path).parts
    if ".." not in parts:
        return Path(path)
    kept: list[str] = []
    for part in parts:
        if part == ".." and kept and kept[-1] != ".." and kept[-1] != Path(path).anchor and not exists(Path(*kept)):
            kept.pop()
            continue
        kept.append(part)
    return Path(*kept) if kept else Path(".")


@dataclass(frozen=True)
class Source:
    """Something a command reads: a file, or a folder it reads ``reads`` (or any file) from."""

    path: Path
    option: str = "input"
    #: Names read from inside a folder (the tables of a results folder); when empty, any file
    #: already in the folder counts as an input (an evidence folder).
    reads: tuple[str, ...] = ()
    #: Given where a file is read (the assessments, ``--communes``, ``--criteria``): a folder so
    #: given is no folder pari-index reads from (its reader refuses it, ``is-a-directory``), so an
    #: output inside it is judged as any output is, not as one in the evidence folder.
    file: bool = False


#: Within one check_paths call, each path is resolved and looked up once: every output is
#: compared with every input, and 10,600 one-commune files made that 20 realpath calls per input.
SEEN: ContextVar[dict[tuple[str, str], object] | None] = ContextVar("pari_paths_seen", default=None)


def resolved(path: Path) -> Path:
    """The absolute path with symlinks and ``..`` resolved as far as it exists; never raises."""
    seen = SEEN.get()
    if seen is not None and ("resolved", str(path)) in seen:
        return seen["resolved", str(path)]  # type: ignore[return-value]
    try:
        found = Path(os.path.realpath(path))
    except (OSError, ValueError, RuntimeError):
        found = Path(os.path.abspath(path))
    if seen is not None:
        seen["resolved", str(path)] = found
    return found


def identity(path: Path) -> Identity | None:
    """``(st_dev, st_ino)`` of an existing file or folder (links followed), else None."""
    seen = SEEN.get()
    if seen is not None and ("identity", str(path)) in seen:
        return seen["identity", str(path)]  # type: ignore[return-value]
    try:
        st = os.stat(path)
        found: Identity | None = (st.st_dev, st.st_ino)
    except (OSError, ValueError):
        found = None
    if seen is not None:
        seen["identity", str(path)] = found
    return found


def is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def exists(path: Path) -> bool:
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False


def regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return True  # a dangling link or an unreadable entry: the write will say what is wrong


def same_file(a: Path, b: Path) -> bool:
    """Whether two spellings name the same file (resolved paths, or device and inode)."""
    if resolved(a) == resolved(b):
        return True
    ia = identity(a)
    return ia is not None and ia == identity(b)


def _ancestors(path: Path) -> Iterator[Path]:
    """The folders above a resolved path, nearest first."""
    yield from resolved(path).parents


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` lies in ``folder`` (at any depth), by resolved path or by the folder's
    identity (a hard-linked or differently spelled folder)."""
    root = resolved(folder)
    if root in _ancestors(path):
        return True
    folder_id = identity(folder)
    return folder_id is not None and any(identity(p) == folder_id for p in _ancestors(path))


def output_problem(code: str, message: str, target: Target, hint: str, params: dict[str, str] | None = None) -> Problem:
    return Problem(code, message, file=str(target.path), hint=hint, params=params or {})


def place_params(target: Target, source: Source | None = None) -> dict[str, str]:
    """The parameters naming an output (its option) and the input it would harm."""
    places = {"option": target.option}
    return places if source is None else {**places, "source_option": source.option, "source": str(source.path)}
