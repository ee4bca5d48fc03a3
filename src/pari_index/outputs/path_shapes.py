"""An output whose shape is not the one it will be written as: a file output typed as a
folder's name (``-o out.xlsx/``), a folder output that exists as a file, is a link leading
nowhere or a mount point, a file of the output's kind inside the folder in its way.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from pathlib import Path

from pari_index.errors import Problem
from pari_index.outputs.names import shown_name
from pari_index.outputs.path_identity import (
    Target,
    as_written,
    exists,
    is_dir,
    output_problem,
    place_params,
    regular,
)
from pari_index.outputs.system_places import exists_through, mount_point

#: The outputs of the command under way that were typed ending in a separator (``out.xlsx/``),
#: a folder's name: the paths lose that ending when made (``Path("out.xlsx/")`` is
#: ``out.xlsx``), so the command notes them where it still sees the text (cli_params._OutputPath).
_SPELLED_AS_FOLDER: ContextVar[frozenset[Path]] = ContextVar("pari_spelled_as_folder", default=frozenset())


def names_a_folder(text: str | os.PathLike[str]) -> bool:
    """Whether a path as typed ends as only a folder's name does: in a separator (``out.xlsx/``,
    on Windows ``out.xlsx\\`` too) or in ``/.``."""
    typed = os.fspath(text)
    if not isinstance(typed, str) or typed in ("", "/", "."):
        return False
    ends = tuple(sep for sep in (os.sep, os.altsep) if sep)
    return typed.endswith(ends) or typed.endswith(tuple(f"{sep}." for sep in ends))


@contextlib.contextmanager
def spelled_as_folder(paths: Iterable[Path]) -> Iterator[None]:
    """The block's outputs typed as a folder's name (:func:`names_a_folder`): an output that is a
    file is refused under such a name (:func:`shape_problem`)."""
    token = _SPELLED_AS_FOLDER.set(frozenset(as_written(Path(p)) for p in paths))
    try:
        yield
    finally:
        _SPELLED_AS_FOLDER.reset(token)


def typed_as_folder(path: Path) -> bool:
    """Whether ``path`` was typed as a folder's name in the command under way."""
    return as_written(Path(path)) in _SPELLED_AS_FOLDER.get()


def _file_named_as_folder(target: Target) -> Problem | None:
    """A file output typed as a folder's name: ``-o out.xlsx/`` wrote a workbook named out.xlsx,
    ``--report site/`` a page named site; the system itself refuses a file so named (``cp x
    out.xlsx/``: "Not a directory")."""
    if target.folder or not typed_as_folder(target.path):
        return None
    shown = shown_name(target.path)
    return output_problem(
        "output-file-named-as-folder",
        f"{target.option} {shown}/: the name ends in «/», as a folder's does, but this output is a file",
        target,
        "give the file's name without «/» at the end; only results in CSV or Parquet "
        "(--format csv) are written as a folder",
        {"option": target.option, "path": shown},
    )


def shape_problem(target: Target) -> Problem | None:
    """A folder output that exists as a file, is a link leading nowhere or a mount point, or a
    file output that exists as a folder; a file output typed as a folder's name."""
    named = _file_named_as_folder(target)
    if named is not None:
        return named
    if exists(target.path) and not is_dir(target.path) and not regular(target.path):
        # Renaming a result over /dev/null (as root) would replace the device itself. Said first:
        # ``-o /dev/full`` (a name without a workbook's ending, so a folder of tables) was "a file
        # of that name exists".
        return output_problem(
            "output-special-file",
            f"{target.option} is a device, pipe or socket, not a file",
            target,
            "give the name of an ordinary file",
            place_params(target),
        )
    if target.folder and os.path.islink(target.path) and not is_dir(target.path) and not exists_through(target.path):
        # A results or demonstration folder named by a link that leads nowhere (a loop, a target
        # deleted) was "a file of that name exists": there is no file, and ``ls`` shows the link.
        return output_problem(
            "output-folder-broken-link",
            f"{target.option}: {target.path} is a symbolic link that leads to no folder (its target is missing, "
            "or the links loop)",
            target,
            "point the link at a folder that exists, or choose another folder",
            {"option": target.option, "path": shown_name(target.path)},
        )
    if target.folder and exists(target.path) and not is_dir(target.path):
        # A folder of demonstration files (its marker) has no single-workbook format to choose.
        return output_problem(
            "output-not-a-folder",
            f"{target.option} must be a folder for this format, and a file of that name exists"
            if target.marker is None
            else f"{target.option} must be a folder, and a file of that name exists",
            target,
            "give a folder name (it is created), or choose --format xlsx for a single workbook"
            if target.marker is None
            else "give a folder name (it is created)",
        )
    if target.marker is None and mount_point(target.path):
        mount_hint = "folder" if is_dir(target.path) else "file"
        # A results folder is put in place by renaming (files.atomic_folder), which the system
        # refuses for a mount point (EBUSY): a container's volume (``-v ./res:/out``), a USB
        # disk's or a share's folder failed every run at its very end, hint "close it in Excel".
        return output_problem(
            "output-mount-point",
            f"{target.option} {shown_name(target.path)} is where a disk, a network share or a container's volume "
            "is mounted: the system does not let it be replaced, and this output is replaced as a whole",
            target,
            "write into a new folder inside it (e.g. -o FOLDER/results)"
            if is_dir(target.path)
            else "write under another name, in a folder that is not mounted so (then copy the file onto the mount "
            "if need be)",
            {**place_params(target), "path": shown_name(target.path), "mount_hint": mount_hint},
        )
    if (
        target.folder
        and target.files
        and target.marker is None
        and not_results_folder(target.path, [f.name for f in target.files])
    ):
        return output_problem(
            "output-folder-not-results",
            f"{target.option} is a folder that holds other files and no results; a results folder is "
            "replaced as a whole",
            target,
            "give a new or empty folder, or the folder of earlier results",
        )
    if not target.folder and is_dir(target.path):
        return output_problem(
            "output-is-a-folder",
            f"{target.option} must be a file, and a folder of that name exists",
            target,
            f"give a file name, e.g. {_file_in(target)}",
            {**place_params(target), "file_in_folder": "example", "example": _file_in(target)},
        )
    return None


def _file_in(target: Target) -> str:
    """A file name of the output's kind inside the folder that is in its way: ``--report
    site.html`` (a folder) gives ``site.html/site.html``. The hint named ``FOLDER/results.xlsx``
    whatever was written: a workbook for a report page, a YAML draft or a CSV table."""
    path = target.path
    suffix = path.suffix if path.suffix.lower() in target.suffixes or not target.suffixes else target.suffixes[0]
    return f"{shown_name(path)}/{path.stem if path.suffix else path.name}{suffix}"


def not_results_folder(folder: Path, tables: Sequence[str]) -> bool:
    """Whether ``folder`` exists with entries in it but none of the result ``tables``: replacing
    it as a whole (``-o ~ --format csv``) would move a folder that is not pari-index's."""
    try:
        if not is_dir(folder) or any(os.path.lexists(folder / name) for name in tables):
            return False
        with os.scandir(folder) as entries:
            return any(not TEMPORARY.search(e.name) for e in entries)
    except OSError:
        return False


#: Names of pari-index's own temporaries (``.NAME.pari-tmp-PID…``, ``.NAME.pari-old-PID``).
TEMPORARY = re.compile(r"\.pari-(tmp|old)-(\d+)(?:-[^/]*)?$")
#: The file :func:`pari_index.outputs.paths.refused_folder` makes to see whether a folder takes
#: new files (``.pari-tmp-PID-RANDOM.tmp``), named after no output: the temporaries of an output
#: start with its name, and a run killed while its probe existed left it for good.
PROBE = re.compile(r"\.pari-tmp-(\d+)-[a-z0-9_]+\.tmp")
