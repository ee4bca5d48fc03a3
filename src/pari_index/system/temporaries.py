"""The folders a run in batches spills to in the temporary folder (``TMPDIR``, else ``/tmp``).

A national run spills its intake, its batches checked ahead and its per-item detail there
(33 MB; GBs at 250,000 units). Each folder is removed when what owns it goes, when the run fails
or is stopped, and at exit. A run the system kills outright (SIGKILL, the out-of-memory killer, a
power cut) removes nothing: its folders used to stay for ever, and their names said nothing of
whose they were. They are now named ``pari-KIND-PID-…``, and the first spill of a process
removes the spill folders of processes that are gone (:func:`remove_left_spills`).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
import weakref
from collections.abc import Callable
from pathlib import Path

from pari_index.system.interruptions import held

#: A spill folder's name: its kind, then the process that made it (none before this naming).
SPILL_NAME = re.compile(r"^pari-(?:raw|ahead|detail|intake)-(?:(\d+)-)?[a-z0-9_]{8}$")

#: A gone process's spill folder untouched for this long is removed. The wait keeps the folders of
#: a run in another container that shares the temporary folder (its process numbers are not
#: ours to see): a live run touches its folders with every batch.
LEFT_SECONDS = 3600
#: A folder named before the process was in the name is removed after a day.
UNNAMED_SECONDS = 24 * 3600

_swept = False


def spill_folder(owner: object, kind: str, before_removal: Callable[[], None] | None = None) -> Path:
    """A new folder ``pari-KIND-PID-…`` in the temporary folder, removed when ``owner`` is
    collected or at exit (``before_removal`` called first: a writer still writing there). Made
    and recorded for removal as one step (:mod:`pari_index.system.interruptions`)."""
    global _swept
    if not _swept:
        _swept = True
        remove_left_spills()
    with held():
        folder = tempfile.TemporaryDirectory(prefix=f"pari-{kind}-{os.getpid()}-")
        weakref.finalize(owner, _remove, folder, before_removal)
    return Path(folder.name)


def _remove(folder: tempfile.TemporaryDirectory[str], before_removal: Callable[[], None] | None) -> None:
    if before_removal is not None:
        before_removal()
    folder.cleanup()


#: Process numbers are positive C ints (pid_t); Linux's own ceiling is 2**22.
_PID_CEILING = 2**31


def process_alive(pid: int) -> bool:
    """Whether a process numbered ``pid`` exists (signal 0 asks without sending anything). The
    number is read from a name found on disk (a temporary's, a spill folder's), which anyone can
    give: a number past a C int (``.pari-tmp-99999999999999999999-x.tmp`` beside the results) made
    ``os.kill`` raise OverflowError, and every run there stopped as an internal error (exit 70,
    session 38); 0 asked about this process's own group, always "alive". Neither is a process."""
    if not 0 < pid < _PID_CEILING:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def remove_left_spills(now: float | None = None) -> list[Path]:
    """Remove the spill folders in the temporary folder that no running process will remove
    (see the module); returns them. Folders that cannot be removed (another user's) are left."""
    now = time.time() if now is None else now
    parent = Path(tempfile.gettempdir())
    removed: list[Path] = []
    try:
        entries = [entry for entry in os.scandir(parent) if SPILL_NAME.match(entry.name)]
    except OSError:
        return removed
    for entry in entries:
        pid = SPILL_NAME.match(entry.name).group(1)  # type: ignore[union-attr]
        try:
            if not entry.is_dir(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if pid is None:
            left = age > UNNAMED_SECONDS
        else:
            left = int(pid) != os.getpid() and not process_alive(int(pid)) and age > LEFT_SECONDS
        if left:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed
