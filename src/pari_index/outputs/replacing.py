"""Files an output would replace: only pari-index's own outputs are replaced. A user's file of
the same name, a read-only file (unless the umask made it so from an earlier output), a
marked folder's file that changed, and outputs nobody could open (a umask taking the owner's
read permission) are refused; so is a file open in an office program (its lock file beside it).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from pari_index.errors import Problem
from pari_index.outputs.path_identity import Target, exists, output_problem
from pari_index.system.office_locks import open_lock


def not_ours(target: Target) -> Problem | None:
    """An existing file the output would replace that pari-index did not write: a user's own
    workbook or page under the output's name, or a file of a folder written into (a real register
    where ``demo-data`` would write a synthetic one, a table of a results folder's name)."""
    from pari_index.outputs.ownership import edited_output, foreign_file, results_of_pari, unreadable_file

    if target.folder:
        # A folder with its writer's marker is pari-index's, each file as the marker lists it
        # (:func:`changed_in_marked`). Any other (a results folder has no marker) is checked file
        # by file: ``score -o FOLDER`` replaced a user's own summary.csv in a folder of theirs.
        if target.marker is not None and exists(target.path / target.marker):
            return changed_in_marked(target, target.path / target.marker)
        candidates: tuple[Path, ...] = target.files
    else:
        # With the CSV files it writes beside it (a workbook's sheet that overflows), which were
        # replaced unchecked: ``-o out.xlsx`` over a user's own out.criteria.csv.
        candidates = (target.path, *target.files)
    for path in candidates:
        if not target.results and results_of_pari(path):
            return output_problem(
                "output-over-results",
                f"{target.option} would replace {path}, results written by pari score, with another kind of file",
                target,
                "choose another name: results are replaced only by results (pari score -o)",
                {"option": target.option, "path": str(path)},
            )
        reason = unreadable_file(path)
        if reason is not None:
            return output_problem(
                "output-unreadable",
                f"{target.option} would replace {path}, which cannot be read ({reason}): whether pari-index "
                "wrote it cannot be told",
                target,
                "give yourself permission to read it (on Windows: Properties › Security), choose another name, or "
                "move that file away first",
                {"option": target.option, "path": str(path), "reason": reason},
            )
        if foreign_file(path) and edited_output(path):
            return output_problem(
                "output-edited",
                f"{target.option} would replace {path}, which pari-index wrote but someone has worked on since "
                "(saved by Excel or LibreOffice, or the draft's text changed)",
                target,
                "choose another name, or move that file away first: what was filled in or corrected would be lost",
                {"option": target.option, "path": str(path)},
            )
        if foreign_file(path):
            return output_problem(
                "output-not-pari",
                f"{target.option} would replace {path}, a file that pari-index did not write",
                target,
                "choose another name, or move that file away first; only earlier outputs of pari-index are replaced",
                {"option": target.option, "path": str(path)},
            )
    return None


def changed_in_marked(target: Target, marker: Path) -> Problem | None:
    """A file of a marked folder (``demo-data``'s) that the new set would replace or remove and
    that is no longer as the marker lists it (pari_index.outputs.ownership.as_marked): edited, or
    another file copied in under its name. An empty file is nobody's work."""
    from pari_index.outputs.ownership import as_marked

    for path in target.files:
        if path == marker:
            continue
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(st.st_mode) and st.st_size > 0 and not as_marked(marker, path):
            return output_problem(
                "demo-file-changed",
                f"{target.option} would replace {path}, which is no longer as pari demo-data wrote it (edited "
                "since, or another file put there under its name)",
                target,
                "move that file away first, or write the demonstration set into a new folder",
                {"option": target.option, "path": str(path)},
            )
    return None


def current_umask() -> int:
    """The process's umask (read by setting it and setting it back, the only way)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


#: The most nanoseconds between an output's last write and its last change of mode or name: an
#: output is written, given its mode and renamed into place at once (files.atomic_path), so its
#: change time (ctime) is its modification time; a ``chmod`` made later, by a person or a tool,
#: moves the change time alone.
UMASK_WINDOW_NS = 2_000_000_000


def _left_so_by_umask(path: Path, st: os.stat_result, umask: int) -> bool:
    """Whether the read-only file ``path`` is an earlier output of pari-index that the umask made
    read-only, and nobody marked since: its owner is this user, its mode is the one every new file
    gets under this umask (0666 less it), its mode and name were last changed when it was written
    (no ``chmod`` since: see :data:`UMASK_WINDOW_NS`) and it is recognised as pari-index's. On
    POSIX only: Windows keeps no change time, and its read-only mark comes from no umask."""
    from pari_index.outputs.ownership import written_by_pari

    if os.name != "posix" or st.st_uid != os.geteuid():
        return False
    if stat.S_IMODE(st.st_mode) != 0o666 & ~umask or not st.st_mode & stat.S_IRUSR:
        return False
    if abs(st.st_ctime_ns - st.st_mtime_ns) > UMASK_WINDOW_NS:
        return False
    return written_by_pari(path)


def read_only(target: Target) -> Problem | None:
    """An existing file the output would replace that is marked read-only (no write permission for
    anyone: ``chmod a-w``, or Windows' read-only attribute kept by a copy). Results are written
    beside and renamed over the old file, which the system allows whatever the file's own mode:
    published results a clerk had marked read-only were replaced without a word (and left
    writable), where Windows, ``cp`` and every editor refuse.

    Under a umask that takes the write permission from every new file (``umask 0222``, as some
    synced or locked-down folders have), every output of pari-index is read-only as written, and
    a second run refused its own first results. Such a file is replaced when it is plainly as the
    umask left it (:func:`_left_so_by_umask`); any other is refused, saying what the umask does
    (``output-read-only-umask``)."""
    candidates = target.files if target.folder else (target.path, *target.files)
    umask = current_umask()
    for path in candidates:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            continue
        if not stat.S_ISREG(st.st_mode) or st.st_mode & 0o222:
            continue
        if umask & stat.S_IWUSR and _left_so_by_umask(path, st, umask):
            continue
        if umask & stat.S_IWUSR:
            return output_problem(
                "output-read-only-umask",
                f"{target.option} would replace {path}, a file marked read-only; the umask {umask:04o} makes every "
                "new file read-only, and pari-index replaces its own outputs left so, but this file was marked "
                "(chmod) since it was written, is another user's, or is not an output of pari-index",
                target,
                "if it is to be replaced, remove the read-only mark first (chmod u+w); or choose another name",
                {"option": target.option, "path": str(path), "umask": f"{umask:04o}"},
            )
        return output_problem(
            "output-read-only",
            f"{target.option} would replace {path}, a file marked read-only",
            target,
            "remove the read-only mark first (chmod u+w, or the file's Properties on Windows) if it is to be "
            "replaced, or choose another name",
            {"option": target.option, "path": str(path)},
        )
    return None


def unreadable_umask(targets: Sequence[Target]) -> Problem | None:
    """Outputs nobody could open: a umask that takes the owner's read permission (``umask 0777``,
    ``0477``) gives every file written mode 000 or write-only, so the results, report or form just
    written could not be opened, nor replaced by the next run, even by the user who wrote them.
    Refused before anything is read."""
    umask = current_umask()
    if not targets or not umask & stat.S_IRUSR or os.name != "posix":
        return None
    return Problem(
        "output-umask-unreadable",
        f"the umask {umask:04o} takes the read permission from every file written: {targets[0].path} could not be "
        "opened once written, not even by you",
        file=str(targets[0].path),
        hint="set an ordinary umask first (umask 022, or umask 077 for files only you can read) and run again",
        params={"umask": f"{umask:04o}", "path": str(targets[0].path)},
    )


def open_in_office(target: Target) -> Problem | None:
    """An existing file the output would replace that is open in Excel or LibreOffice (its lock
    file beside it): it was replaced without a word, exit 0, while the clerk still had the old
    results on screen; a save there put the old ranking back over the new one (on a shared
    folder, or WSL's view of a Windows disk, nothing stops the replacing). Refused before
    anything is read, naming the lock file (a crash leaves one behind: deleting it is the way)."""
    candidates = target.files if target.folder else (target.path, *target.files)
    for path in candidates:
        lock = open_lock(path)
        if lock is not None:
            return output_problem(
                "output-open-in-office",
                f"{target.option} would replace {path}, which is open in Excel or LibreOffice (its lock file "
                f"{lock.name} is beside it): a save there would put the old content back over the new",
                target,
                "close the file there, then run again; if it is closed, a crash left the lock file: delete that "
                "lock file",
                {"option": target.option, "path": str(path), "lock": lock.name},
            )
    return None
