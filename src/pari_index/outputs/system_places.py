"""Places that are not a user's files: the system's own folders (``/proc``, ``/sys``, the
mount table's system file systems), mount points, and the standard streams under their many
names (``/dev/stdout``, ``/proc/self/fd/1``, a link to either). No output is written there.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from pari_index.errors import Problem
from pari_index.outputs.path_identity import Target, exists, is_dir, output_problem, resolved


def mount_point(path: Path) -> bool:
    """Whether ``path`` is a mount point (a disk, a share, a container's volume; a file mounted on
    its own where the system tells it so). A link to one is followed, as the write follows it."""
    try:
        if not exists(path):
            return False
        where = resolved(path)
        return os.path.ismount(where) or os.fspath(where) in _mount_points()
    except (OSError, ValueError):
        return False


#: The system's table of this process's mounts (Linux): one line a mount, its mount point the fifth
#: field, with a space, tab, newline or backslash written as an octal escape (``\040``).
MOUNT_TABLE = "/proc/self/mountinfo"


def _mount_points() -> frozenset[str]:
    """Every mount point the system lists (:data:`MOUNT_TABLE`; empty where there is none). A bind
    mount of a folder of the same disk (``mount --bind``, Docker's ``-v ./res:/out`` on one disk)
    has its parent's device number, which ``os.path.ismount`` compares: it said no, and the run
    failed at its very end (EBUSY), after the whole national data had been scored."""
    return frozenset(point for point, _ in _mounts())


def _mounts() -> list[tuple[str, str]]:
    """Each mount's point and file system type, as :data:`MOUNT_TABLE` lists them (the type is the
    first field after `` - ``); empty where there is no such table."""
    try:
        with open(MOUNT_TABLE, encoding="utf-8", errors="surrogateescape") as table:
            lines = table.read(16 * 1024**2).splitlines()
    except (OSError, ValueError):
        return []
    unescape = re.compile(r"\\([0-7]{3})")
    found = []
    for line in lines:
        fields, _, rest = line.partition(" - ")
        parts = fields.split(" ")
        if len(parts) > 4:
            found.append((unescape.sub(lambda m: chr(int(m.group(1), 8)), parts[4]), (rest.split(" ") or [""])[0]))
    return found


#: The file systems of the system's own (the kernel's views of itself: /proc, /sys and what is
#: mounted in them; /dev, the devices' names), which hold no user's files. ``devtmpfs``: root's
#: ``-o /dev/ket-qua.xlsx`` (a typo for ~/dev, or /dev/stdout.xlsx) was written, exit 0, into
#: the memory that holds the devices' names, gone at the next start; an ordinary user was told
#: "Permission denied … ask its owner" after the whole run. (/dev/shm, memory users may write
#: to, is a tmpfs mounted inside it, and stays allowed.)
SYSTEM_FILE_SYSTEMS = frozenset(
    {"proc", "sysfs", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs", "pstore", "bpf", "configfs"}
    | {"efivarfs", "fusectl", "binfmt_misc", "devpts", "mqueue", "autofs", "nsfs", "rpc_pipefs", "selinuxfs"}
    | {"devtmpfs"}
)


def _file_system_of(path: Path) -> tuple[str, str] | None:
    """The mount point and file system type (:data:`MOUNT_TABLE`) the nearest existing folder of
    ``path`` is on, links followed; None where the system has no such table (not Linux)."""
    folder = resolved(path)
    while not is_dir(folder) and folder != folder.parent:
        folder = folder.parent
    here = os.fspath(folder)
    holding = [(p, kind) for p, kind in _mounts() if here == p or here.startswith(p.rstrip("/") + "/")]
    # The innermost; of mounts stacked on one point, the last listed (the one seen there).
    return max(reversed(holding), key=lambda mount: len(mount[0]), default=None)


def system_folder(target: Target) -> Problem | None:
    """An output in a folder of the system's own (``-o /proc/out.xlsx``, ``--report /sys/r.html``):
    the write failed after the whole run, said as "No such file or directory", "the folder was
    removed during the write", or to root as "Permission denied", "ask its owner"; no owner can
    give such a folder a file. Refused before anything is read."""
    found = _file_system_of(target.path)
    # /dev by its place too: a container's is a tmpfs (Docker's, Podman's), the host's a devtmpfs.
    if found is None or (found[1] not in SYSTEM_FILE_SYSTEMS and found[0] != "/dev") or _special(target.path):
        return None
    point, kind = found
    return output_problem(
        "output-system-folder",
        f"{target.option} is in {point}, a folder of the operating system's own ({kind}): it holds no files of users",
        target,
        "choose a folder of your own (your documents, or the folder of the inputs)",
        {"option": target.option, "folder": point, "kind": kind},
    )


def _special(path: Path) -> bool:
    """Whether ``path`` leads to a device, pipe or socket (``-o /dev/null``): told as what it is
    (outputs.path_shapes, ``output-special-file``), not by the folder it is in."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


#: The names of a process's standard streams: ``/dev/stdout`` and its kin, and the descriptors
#: they lead to (``/dev/fd/1``, ``/proc/self/fd/1``, ``/proc/1234/fd/1``).
_STREAM_NAMES = frozenset({"/dev/stdin", "/dev/stdout", "/dev/stderr"})
_DESCRIPTOR = re.compile(r"/(?:dev/fd|proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd)/\d+")


def standard_stream(target: Target) -> Problem | None:
    """An output named by a standard stream, typed or through links (``-o /dev/stdout``, a link
    ``out.xlsx`` → ``/dev/stdout``): a workbook or a folder of tables cannot go to a stream, and
    pari-index writes named files only, as for ``-o -``. Redirected to a file (``-o /dev/stdout >
    kq.xlsx``) it was "-o must be a folder for this format, and a file of that name exists" (the
    name ``stdout`` has no ending), to a pipe "a device, pipe or socket", and with the check of
    the system's folders "in /proc": never the stream it is."""
    path = os.path.abspath(target.path)
    for _ in range(40):  # the links a system follows at most
        if path in _STREAM_NAMES or _DESCRIPTOR.fullmatch(path):
            return output_problem(
                "output-standard-stream",
                f"{target.option} {target.path} is a standard stream of the command (its output, error or "
                "input), not a file: pari-index writes named files only",
                target,
                "give the file's name after the option (-o ket-qua.xlsx), rather than redirecting the output",
                {"option": target.option, "path": str(target.path)},
            )
        try:
            path = os.path.normpath(os.path.join(os.path.dirname(path), os.readlink(path)))
        except (OSError, ValueError):
            return None
    return None


def exists_through(path: Path) -> bool:
    """Whether ``path`` leads to something once its links are followed (False for a link whose
    target is missing or whose links loop, and for a name the system refuses to look up)."""
    try:
        return os.path.exists(path)
    except (OSError, ValueError):
        return False
