"""One rule for the paths a command writes: no output may be, contain or reach an input.

Every command that writes (``score`` with ``-o`` and ``--report``, ``template``, ``report``,
``demo-data``) calls :func:`check_paths` with what it will write and what it will read, **before
reading anything**, so that a mistyped command line can never replace an input with results.

Each output is judged where the write lands (:func:`as_written`: ``nothere/../x.xlsx`` is
``x.xlsx``). Two paths are the same file when they resolve to the same place (``./x/../x.csv``, a symlink, a
symlinked folder) or, for files that exist, when they have the same ``(st_dev, st_ino)`` (a hard
link, another spelling on a case-insensitive disk). An output is refused (exit 4) when it

* is an input, or one of the files it writes (a sheet that overflows to CSV, a table of a results
  folder) is an input: ``output-is-input``;
* is a folder holding an input (``pari score res/summary.csv -o res --format csv``), since a
  results folder is replaced as a whole: ``output-contains-input``;
* lies in an input folder and is a file pari-index reads from it (``pari report res -o
  res/summary.csv``), or, in ``--evidence-dir``, any file there: ``output-is-input``;
* lies anywhere inside ``--evidence-dir``, a new file too (the next run would take it for a
  commune's evidence): ``output-in-evidence-folder``; so does the ``--cache`` folder;
* is another output of the same run (``-o same.xlsx --report same.xlsx``): ``output-clash``;
* needs a folder where a file exists, or a file where a folder exists: ``output-not-a-folder``,
  ``output-is-a-folder``, ``output-folder`` (a parent is a file), ``output-special-file`` (a
  device such as ``/dev/null``, a pipe);
* has a name longer than the disk takes: ``output-unwritable``;
* is a folder to be replaced as a whole (``--format csv``) that exists, is not empty and holds
  no results (``-o ~``): ``output-folder-not-results``;
* is an existing file that pari-index did not write (``-o budget.xlsx``, ``--report index.html``),
  or, in a folder written into (``demo-data``) that lacks its marker, one of the files it writes
  (pari_index.outputs.ownership): ``output-not-pari``; in a folder that has it, one of those files
  that is no longer as the marker lists it (its SHA-256): ``demo-file-changed``;
* is an existing file that cannot be read (mode 0200), so that whose it is cannot be told:
  ``output-unreadable``;
* is a file typed as a folder's name (``-o out.xlsx/``): ``output-file-named-as-folder``;
* is an existing file marked read-only (no write permission for anyone): ``output-read-only``,
  or ``output-read-only-umask`` under a umask that makes every new file read-only, unless the file
  is an earlier output left read-only by that umask alone, which is replaced (:func:`_read_only`);
* would be unreadable once written, the umask taking the owner's read permission (``umask 0777``):
  ``output-umask-unreadable``, whatever the outputs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from pari_index.errors import OutputError, Problem, UsageError, path_form, quoted
from pari_index.outputs.names import shown_name
from pari_index.system.input_watch import InputFolder, note_outputs

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
        if part == ".." and kept and kept[-1] != ".." and kept[-1] != Path(path).anchor and not _exists(Path(*kept)):
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


#: Within one check_paths call, each path is resolved and looked up once: every output is
#: compared with every input, and 10,600 one-commune files made that 20 realpath calls per input.
_SEEN: ContextVar[dict[tuple[str, str], object] | None] = ContextVar("pari_paths_seen", default=None)


def resolved(path: Path) -> Path:
    """The absolute path with symlinks and ``..`` resolved as far as it exists; never raises."""
    seen = _SEEN.get()
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
    seen = _SEEN.get()
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


def _exists(path: Path) -> bool:
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False


def _regular(path: Path) -> bool:
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


def _problem(code: str, message: str, target: Target, hint: str, params: dict[str, str] | None = None) -> Problem:
    return Problem(code, message, file=str(target.path), hint=hint, params=params or {})


def _read_from(written: Path, source: Source) -> bool:
    """Whether ``written`` is a file the input folder ``source`` supplies: one of the names read
    from it (a results folder), or any file already in it (an evidence folder)."""
    if source.reads:
        return any(same_file(written, source.path / name) for name in source.reads)
    return inside(written, source.path) and _exists(written)


def _overwrites(target: Target, source: Source, written: Path) -> Problem:
    what = "" if written == target.path else f" (it writes {written})"
    how = "input" if written == target.path else "input_written"
    return _problem(
        "output-is-input",
        f"{target.option} would overwrite the input {source.option} {source.path}{what}",
        target,
        "write the output under another name; inputs are never replaced",
        {"overwrite": how, **_place_params(target, source), "written": str(written)},
    )


def _place_params(target: Target, source: Source | None = None) -> dict[str, str]:
    """The parameters naming an output (its option) and the input it would harm."""
    places = {"option": target.option}
    return places if source is None else {**places, "source_option": source.option, "source": str(source.path)}


def _against_source(target: Target, source: Source) -> Problem | None:
    """The first way ``target`` would destroy ``source``, or None."""
    if same_file(target.path, source.path):
        return _overwrites(target, source, target.path)
    if is_dir(target.path) and inside(source.path, target.path):
        return _problem(
            "output-contains-input",
            f"{target.option} is a folder that holds the input {source.option} {source.path}; "
            "writing there could replace it",
            target,
            "write the output into a new folder, outside the folders of the inputs",
            _place_params(target, source),
        )
    for written in target.files:
        if same_file(written, source.path):
            return _overwrites(target, source, written)
    if is_dir(source.path):
        for written in (target.path, *target.files):
            if _read_from(written, source):
                return _problem(
                    "output-is-input",
                    f"{target.option} would replace {written}, a file of the input folder "
                    f"{source.option} {source.path}",
                    target,
                    "write the results outside the input folder, or under a new name",
                    {"overwrite": "folder_file", **_place_params(target, source), "written": str(written)},
                )
        return _in_evidence_folder(target, source)
    return None


def _in_evidence_folder(target: Target, source: Source) -> Problem | None:
    """An output (or the cache) inside the evidence folder (the one input folder any file of which
    is read: ``reads`` empty). A new file there was written without a word (``-o ev/ket-qua.xlsx
    --evidence-dir ev``), and the next run took it for the evidence a commune's row names: a
    missing document counted as sent. The folder is the communes' record; pari-index adds nothing
    to it."""
    if source.reads or not inside(target.path, source.path):
        return None
    return _problem(
        "output-in-evidence-folder",
        f"{target.option} {shown_name(target.path)} lies inside the evidence folder {source.option} "
        f"{shown_name(source.path)}: a file written there would be taken for a commune's evidence by the next run",
        target,
        "write the outputs outside the evidence folder (e.g. beside it)",
        {**_place_params(target, source), "path": shown_name(target.path), "source": shown_name(source.path)},
    )


def _against_target(target: Target, other: Target) -> Problem | None:
    mine = (target.path, *target.files)
    theirs = (other.path, *other.files)
    if any(same_file(a, b) for a in mine for b in theirs):
        return _problem(
            "output-clash",
            f"{target.option} and {other.option} would write the same file ({other.path})",
            target,
            f"give {target.option} and {other.option} different names",
            {**_place_params(target), "other": other.option, "path": str(other.path)},
        )
    return None


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
    file is refused under such a name (:func:`_shape`)."""
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
    return _problem(
        "output-file-named-as-folder",
        f"{target.option} {shown}/: the name ends in «/», as a folder's does, but this output is a file",
        target,
        "give the file's name without «/» at the end; only results in CSV or Parquet "
        "(--format csv) are written as a folder",
        {"option": target.option, "path": shown},
    )


def _shape(target: Target) -> Problem | None:
    """A folder output that exists as a file, is a link leading nowhere or a mount point, or a
    file output that exists as a folder; a file output typed as a folder's name."""
    named = _file_named_as_folder(target)
    if named is not None:
        return named
    if _exists(target.path) and not is_dir(target.path) and not _regular(target.path):
        # Renaming a result over /dev/null (as root) would replace the device itself. Said first:
        # ``-o /dev/full`` (a name without a workbook's ending, so a folder of tables) was "a file
        # of that name exists".
        return _problem(
            "output-special-file",
            f"{target.option} is a device, pipe or socket, not a file",
            target,
            "give the name of an ordinary file",
            _place_params(target),
        )
    if target.folder and os.path.islink(target.path) and not is_dir(target.path) and not _exists_through(target.path):
        # A results or demonstration folder named by a link that leads nowhere (a loop, a target
        # deleted) was "a file of that name exists": there is no file, and ``ls`` shows the link.
        return _problem(
            "output-folder-broken-link",
            f"{target.option}: {target.path} is a symbolic link that leads to no folder (its target is missing, "
            "or the links loop)",
            target,
            "point the link at a folder that exists, or choose another folder",
            {"option": target.option, "path": shown_name(target.path)},
        )
    if target.folder and _exists(target.path) and not is_dir(target.path):
        # A folder of demonstration files (its marker) has no single-workbook format to choose.
        return _problem(
            "output-not-a-folder",
            f"{target.option} must be a folder for this format, and a file of that name exists"
            if target.marker is None
            else f"{target.option} must be a folder, and a file of that name exists",
            target,
            "give a folder name (it is created), or choose --format xlsx for a single workbook"
            if target.marker is None
            else "give a folder name (it is created)",
        )
    if target.marker is None and _mount_point(target.path):
        mount_hint = "folder" if is_dir(target.path) else "file"
        # A results folder is put in place by renaming (files.atomic_folder), which the system
        # refuses for a mount point (EBUSY): a container's volume (``-v ./res:/out``), a USB
        # disk's or a share's folder failed every run at its very end, hint "close it in Excel".
        return _problem(
            "output-mount-point",
            f"{target.option} {shown_name(target.path)} is where a disk, a network share or a container's volume "
            "is mounted: the system does not let it be replaced, and this output is replaced as a whole",
            target,
            "write into a new folder inside it (e.g. -o FOLDER/results)"
            if is_dir(target.path)
            else "write under another name, in a folder that is not mounted so (then copy the file onto the mount "
            "if need be)",
            {**_place_params(target), "path": shown_name(target.path), "mount_hint": mount_hint},
        )
    if (
        target.folder
        and target.files
        and target.marker is None
        and not_results_folder(target.path, [f.name for f in target.files])
    ):
        return _problem(
            "output-folder-not-results",
            f"{target.option} is a folder that holds other files and no results; a results folder is "
            "replaced as a whole",
            target,
            "give a new or empty folder, or the folder of earlier results",
        )
    if not target.folder and is_dir(target.path):
        return _problem(
            "output-is-a-folder",
            f"{target.option} must be a file, and a folder of that name exists",
            target,
            f"give a file name, e.g. {_file_in(target)}",
            {**_place_params(target), "file_in_folder": "example", "example": _file_in(target)},
        )
    return None


def _file_in(target: Target) -> str:
    """A file name of the output's kind inside the folder that is in its way: ``--report
    site.html`` (a folder) gives ``site.html/site.html``. The hint named ``FOLDER/results.xlsx``
    whatever was written: a workbook for a report page, a YAML draft or a CSV table."""
    path = target.path
    suffix = path.suffix if path.suffix.lower() in target.suffixes or not target.suffixes else target.suffixes[0]
    return f"{shown_name(path)}/{path.stem if path.suffix else path.name}{suffix}"


def _mount_point(path: Path) -> bool:
    """Whether ``path`` is a mount point (a disk, a share, a container's volume; a file mounted on
    its own where the system tells it so). A link to one is followed, as the write follows it."""
    try:
        if not _exists(path):
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
#: mounted in them), which hold no user's files.
SYSTEM_FILE_SYSTEMS = frozenset(
    {"proc", "sysfs", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs", "pstore", "bpf", "configfs"}
    | {"efivarfs", "fusectl", "binfmt_misc", "devpts", "mqueue", "autofs", "nsfs", "rpc_pipefs", "selinuxfs"}
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


def _system_folder(target: Target) -> Problem | None:
    """An output in a folder of the system's own (``-o /proc/out.xlsx``, ``--report /sys/r.html``):
    the write failed after the whole run, said as "No such file or directory", "the folder was
    removed during the write", or to root as "Permission denied", "ask its owner"; no owner can
    give such a folder a file. Refused before anything is read."""
    found = _file_system_of(target.path)
    if found is None or found[1] not in SYSTEM_FILE_SYSTEMS:
        return None
    point, kind = found
    return _problem(
        "output-system-folder",
        f"{target.option} is in {point}, a folder of the operating system's own ({kind}): it holds no files of users",
        target,
        "choose a folder of your own (your documents, or the folder of the inputs)",
        {"option": target.option, "folder": point, "kind": kind},
    )


#: The names of a process's standard streams: ``/dev/stdout`` and its kin, and the descriptors
#: they lead to (``/dev/fd/1``, ``/proc/self/fd/1``, ``/proc/1234/fd/1``).
_STREAM_NAMES = frozenset({"/dev/stdin", "/dev/stdout", "/dev/stderr"})
_DESCRIPTOR = re.compile(r"/(?:dev/fd|proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd)/\d+")


def _standard_stream(target: Target) -> Problem | None:
    """An output named by a standard stream, typed or through links (``-o /dev/stdout``, a link
    ``out.xlsx`` → ``/dev/stdout``): a workbook or a folder of tables cannot go to a stream, and
    pari-index writes named files only, as for ``-o -``. Redirected to a file (``-o /dev/stdout >
    kq.xlsx``) it was "-o must be a folder for this format, and a file of that name exists" (the
    name ``stdout`` has no ending), to a pipe "a device, pipe or socket", and with the check of
    the system's folders "in /proc": never the stream it is."""
    path = os.path.abspath(target.path)
    for _ in range(40):  # the links a system follows at most
        if path in _STREAM_NAMES or _DESCRIPTOR.fullmatch(path):
            return _problem(
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


def _exists_through(path: Path) -> bool:
    """Whether ``path`` leads to something once its links are followed (False for a link whose
    target is missing or whose links loop, and for a name the system refuses to look up)."""
    try:
        return os.path.exists(path)
    except (OSError, ValueError):
        return False


def _not_ours(target: Target) -> Problem | None:
    """An existing file the output would replace that pari-index did not write: a user's own
    workbook or page under the output's name, or a file of a folder written into (a real register
    where ``demo-data`` would write a synthetic one, a table of a results folder's name)."""
    from pari_index.outputs.ownership import edited_output, foreign_file, results_of_pari, unreadable_file

    if target.folder:
        # A folder with its writer's marker is pari-index's, each file as the marker lists it
        # (:func:`_changed_in_marked`). Any other (a results folder has no marker) is checked file
        # by file: ``score -o FOLDER`` replaced a user's own summary.csv in a folder of theirs.
        if target.marker is not None and _exists(target.path / target.marker):
            return _changed_in_marked(target, target.path / target.marker)
        candidates: tuple[Path, ...] = target.files
    else:
        # With the CSV files it writes beside it (a workbook's sheet that overflows), which were
        # replaced unchecked: ``-o out.xlsx`` over a user's own out.criteria.csv.
        candidates = (target.path, *target.files)
    for path in candidates:
        if not target.results and results_of_pari(path):
            return _problem(
                "output-over-results",
                f"{target.option} would replace {path}, results written by pari score, with another kind of file",
                target,
                "choose another name: results are replaced only by results (pari score -o)",
                {"option": target.option, "path": str(path)},
            )
        reason = unreadable_file(path)
        if reason is not None:
            return _problem(
                "output-unreadable",
                f"{target.option} would replace {path}, which cannot be read ({reason}): whether pari-index "
                "wrote it cannot be told",
                target,
                "give yourself permission to read it (on Windows: Properties › Security), choose another name, or "
                "move that file away first",
                {"option": target.option, "path": str(path), "reason": reason},
            )
        if foreign_file(path) and edited_output(path):
            return _problem(
                "output-edited",
                f"{target.option} would replace {path}, which pari-index wrote but someone has worked on since "
                "(saved by Excel or LibreOffice, or the draft's text changed)",
                target,
                "choose another name, or move that file away first: what was filled in or corrected would be lost",
                {"option": target.option, "path": str(path)},
            )
        if foreign_file(path):
            return _problem(
                "output-not-pari",
                f"{target.option} would replace {path}, a file that pari-index did not write",
                target,
                "choose another name, or move that file away first; only earlier outputs of pari-index are replaced",
                {"option": target.option, "path": str(path)},
            )
    return None


def _changed_in_marked(target: Target, marker: Path) -> Problem | None:
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
            return _problem(
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


def _read_only(target: Target) -> Problem | None:
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
            return _problem(
                "output-read-only-umask",
                f"{target.option} would replace {path}, a file marked read-only; the umask {umask:04o} makes every "
                "new file read-only, and pari-index replaces its own outputs left so, but this file was marked "
                "(chmod) since it was written, is another user's, or is not an output of pari-index",
                target,
                "if it is to be replaced, remove the read-only mark first (chmod u+w); or choose another name",
                {"option": target.option, "path": str(path), "umask": f"{umask:04o}"},
            )
        return _problem(
            "output-read-only",
            f"{target.option} would replace {path}, a file marked read-only",
            target,
            "remove the read-only mark first (chmod u+w, or the file's Properties on Windows) if it is to be "
            "replaced, or choose another name",
            {"option": target.option, "path": str(path)},
        )
    return None


def _unreadable_umask(targets: Sequence[Target]) -> Problem | None:
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


#: The longest file name most disks take (bytes); a temporary name must fit as well.
NAME_MAX = 255
#: The longest path the system takes (bytes, Linux), and what the temporary names and the tables
#: of a results folder add to an output's path.
PATH_MAX = 4096
TEMP_NAME_BYTES = 64


def _unreachable(target: Target) -> Problem | None:
    """A name too long for the disk, or a path through a file: refused before any work is done
    (the write would fail at the very end of a long run)."""
    for part in (target.path, *target.path.parents):
        if len(os.fsencode(part.name)) > NAME_MAX:
            return _problem(
                "output-name-too-long",
                f"{target.option}: a name in the path is longer than {NAME_MAX} bytes",
                target,
                "the name is too long for the disk: choose a shorter name",
                {"option": target.option, "limit": str(NAME_MAX)},
            )
    longest = len(os.fsencode(os.path.abspath(target.path))) + TEMP_NAME_BYTES
    if longest > PATH_MAX:
        return _problem(
            "output-path-too-long",
            f"{target.option}: the path is {longest - TEMP_NAME_BYTES:,} bytes long, more than the "
            f"{PATH_MAX - TEMP_NAME_BYTES:,} the system takes for a file to be written there",
            target,
            "the name is too long for the disk: choose a shorter name",
            {
                "option": target.option,
                "bytes": str(longest - TEMP_NAME_BYTES),
                "limit": str(PATH_MAX - TEMP_NAME_BYTES),
            },
        )
    for parent in target.path.parents:
        if _exists(parent):
            if is_dir(parent):
                return None
            if os.path.islink(parent) and not os.path.exists(parent):
                # A link whose target is missing or that leads back to itself was "a file" here.
                return _problem(
                    "output-folder-broken-link",
                    f"{target.option}: {parent} is a symbolic link that leads to no folder (its target "
                    "is missing, or the links loop)",
                    target,
                    "point the link at a folder that exists, or choose another folder",
                    {"option": target.option, "path": str(parent)},
                )
            return _problem(
                "output-folder-is-file",
                f"{target.option}: {parent} is a file, so no folder can be made there",
                target,
                "a part of the path is a file, not a folder: choose another folder",
                {"option": target.option, "path": str(parent)},
            )
    return None


#: Names Windows cannot hold (officials share results with colleagues on Windows): its device
#: names, with or without an extension (and with spaces before it: Windows drops them), the console's
#: CONIN$ and CONOUT$ among them, and a name ending in a dot or a space.
_WINDOWS_DEVICE = re.compile(r"(?i)CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³]")
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*\\\x00-\x1f]')


def windows_reason(name: str) -> tuple[str, str] | None:
    """Why Windows cannot hold a file or folder named ``name``: a key of the words
    ``PARAM_WORDS["windows_reason"]`` (``device``, ``end``, ``character``) and the part of the name
    it is about; or None."""
    device = name.split(".")[0].rstrip(" ")
    if _WINDOWS_DEVICE.fullmatch(device):
        return "device", device
    if name.endswith((".", " ")) and name not in (".", ".."):
        return "end", name[-1]
    bad = _WINDOWS_FORBIDDEN.search(name)
    if bad:
        return "character", bad.group()
    return None


_WINDOWS_REASONS = {
    "device": "{what} is a device name on Windows",
    "end": "it ends in a dot or a space, which Windows drops",
    "character": "Windows does not allow {what} in a name",
}


def windows_unsafe(name: str) -> str | None:
    """Why Windows cannot hold a file or folder named ``name`` (in English), or None."""
    found = windows_reason(name)
    return None if found is None else _WINDOWS_REASONS[found[0]].format(what=quoted(found[1]))


def not_portable(target: Target) -> Problem | None:
    """An output name Windows cannot open or copy: the output's own name, or a folder it creates."""
    for part in (target.path, *target.path.parents):
        if part != target.path and (part.name in ("", ".", "..") or _exists(part)):
            break  # folders that exist already are the user's own
        found = windows_reason(part.name)
        if found is not None:
            # The reason goes into the message as a key of words (PARAM_WORDS["windows_reason"]):
            # an English sentence inside the Vietnamese message used to be shown as it was.
            key, what = found
            reason = _WINDOWS_REASONS[key].format(what=quoted(what))
            return Problem(
                "output-name-not-portable",
                f"{target.option}: {quoted(part.name)} cannot be opened on Windows ({reason})",
                file=str(target.path),
                hint="choose another name: no CON, CONIN$, CONOUT$, PRN, AUX, NUL, COM1-9 or LPT1-9, no dot or "
                'space at the end, none of < > : " | ? * \\',
                params={
                    "option": target.option,
                    "name": quoted(part.name),
                    "reason": reason,
                    "windows_reason": key,
                    "what": quoted(what),
                },
            )
    return None


def check_cache_folder(cache: Path, targets: Sequence[Target], inputs: Sequence[Source] = ()) -> None:
    """Refuse (UsageError, exit 2) a ``--cache`` folder that is an output, lies inside one or holds
    one: a results folder is replaced as a whole (the cache would be lost with it, or block it),
    and the cache removes its old entries (an output among them could be lost). ``-`` is refused
    as every path is (check_names: ``--cache -`` made a folder named ``-``). A cache folder the run
    would create is named as an output's folders are (``output-name-not-portable``, exit 4):
    ``--cache CON`` or ``--cache "bộ nhớ."`` made a folder no colleague on Windows can open, copy
    or delete. A cache inside the evidence folder (one of ``inputs``) is refused as an output
    there is (``output-in-evidence-folder``, exit 4)."""
    check_names([("--cache", cache)])
    as_output = Target(cache, "--cache", folder=True)
    if not _exists(cache):
        unportable = not_portable(as_output)
        if unportable is not None:
            raise OutputError([unportable])
    in_evidence = [p for s in inputs if is_dir(s.path) and (p := _in_evidence_folder(as_output, s)) is not None]
    if in_evidence:
        raise OutputError(in_evidence[:1])
    for target in targets:
        paths = (target.path, *target.files)
        if same_file(cache, target.path) or inside(cache, target.path) or any(inside(p, cache) for p in paths):
            raise UsageError(
                Problem(
                    "cache-overlaps-output",
                    f"--cache {cache} and {target.option} {target.path} overlap: one is or holds the other",
                    file=str(cache),
                    hint="keep the cache in a folder of its own, beside the results (e.g. .pari-cache)",
                    params={"cache": str(cache), "option": target.option, "path": str(target.path)},
                )
            )


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


def _dash(option: str) -> Problem:
    """``-`` given as a path: many programs read the standard input or write the standard output
    for it, pari-index only named files. Taken as a name, ``-o -`` wrote a folder named ``-`` of CSV
    tables (no ending: a folder), ``pari report -`` read it back, and ``score -`` said "file not
    found" without a name (a place of ``-`` was no place)."""
    return Problem(
        "path-is-dash",
        f"{option} -: «-» (the standard input or output, to other programs) is not a file name here; "
        "pari-index reads and writes named files only",
        hint="give the file's name; for a file that is really named -, give its whole path (e.g. /home/thu/data/-)",
        params={"option": option},
    )


def option_for_path(option: str, value: str) -> Problem:
    """An option's name where a path was to be: the path was left out, and the shell gave the
    option its neighbour (``--communes --survey survey.csv``, ``-o --report r.html``). The name
    was taken as the file's: "--survey: file not found" of a survey given, and the file after it
    read as one more assessments file (a report read as a form), or ``-o --lang`` told that the
    file must end in .xlsx."""
    return Problem(
        "path-is-option",
        f"{option} {value}: «{value}» is the name of an option, not of a file: the path for {option} is missing",
        hint="give that option its path; for a file or folder really named as an option, give its whole path "
        "(e.g. /home/thu/data/--report)",
        params={"option": option, "value": value},
    )


def dash_problems(named: Iterable[tuple[str, Path | str]]) -> list[Problem]:
    """The one rule for ``-`` as a path: a ``path-is-dash`` problem (:func:`_dash`) for every ``-``
    among ``(option, path)`` pairs, each named by its option, in their order; then every path that
    names no file on this computer (:func:`_form`: ``path-is-url``, ``path-not-expanded``). Both checks raise
    these: :func:`check_dashes` (the command, for every path parameter) and :func:`check_names`
    (library callers, check_paths, check_cache_folder). A name is taken as a path takes it:
    ``./-`` is ``-`` (the command's paths are Path objects already; a library caller's text was
    let through by one check and refused by the other)."""
    named = list(named)
    dashes = [_dash(option) for option, path in named if str(Path(path)) == "-"]
    return dashes + [form for option, path in named if (form := _form(option, path)) is not None]


def _form(option: str, path: Path | str) -> Problem | None:
    """A path that names no file on this computer (errors.path_form: a web address, a ``~`` the
    shell left as written), named by its option: refused before anything is read or written."""
    if isinstance(path, str | os.PathLike) and str(path) not in ("", "-"):
        return path_form(path, option=option)
    return None


def empty_path(option: str) -> Problem:
    """An empty name given for a path (an unset variable in a script: ``pari score "$FORM"``),
    which a Path takes for the current folder."""
    return Problem(
        "path-empty",
        f'{option}: the name given is empty (""): an unset variable in a script?',
        hint="give the file's name",
        params={"option": option},
    )


def check_dashes(named: Iterable[tuple[str, Path | str]]) -> None:
    """Refuse (UsageError, exit 2) every ``-`` among ``(option, path)`` pairs (:func:`dash_problems`).
    The ``pari`` command calls this for every path of every command before the command starts
    (cli_errors.handles_errors): ``pari validate -`` and ``pari diff - new.yaml`` said "-: file not found"
    where the other commands said ``path-is-dash``."""
    problems = dash_problems(named)
    if problems:
        raise UsageError(problems)


def check_names(named: Iterable[tuple[str, Path]]) -> None:
    """Refuse (UsageError, exit 2) a path whose name holds bytes that are not UTF-8 (a file named
    on a system in another encoding, copied as it was). Python keeps such bytes as lone
    surrogates, which no table, workbook, report or console line can hold: the run used to stop
    with exit 70 when it wrote the name into its results, after all the work. Also refuse ``-``
    (any option, :func:`dash_problems`); the names of NAMES_NOT_SHOWN options are read as they are."""
    named = list(named)
    problems = dash_problems(named)
    seen: set[tuple[str, str]] = set()
    for option, path in named:
        if str(Path(path)) == "-" or option in NAMES_NOT_SHOWN:
            continue
        try:
            str(path).encode("utf-8")
        except UnicodeEncodeError:
            name = shown_name(path)
            # Once per file given: not again for the tables beside it (results.summary.csv …).
            stem = (option, shown_name(Path(path).parent / Path(path).name.split(".")[0]))
            if stem in seen:
                continue
            seen.add(stem)
            problems.append(
                Problem(
                    "name-not-utf8",
                    f"{option}: the name holds bytes that are not UTF-8 text",
                    file=name,
                    hint="rename the file or folder with plain letters (e.g. in a file manager), then run again",
                    params={"option": option, "name": name},
                )
            )
    if problems:
        raise UsageError(problems)


#: Inputs whose names no output holds (a criteria set is named by its id, in every command that
#: reads one; evidence files are looked up in the folder, not named by it): a name of these that
#: is not UTF-8 does no harm, and is read as it was.
NAMES_NOT_SHOWN = frozenset({"--criteria", "--evidence-dir", "--cache", "SET", "OLD", "NEW"})


#: The endings of an HTML page (the report).
PAGE_SUFFIXES = (".html", ".htm")

#: Endings of the files people open by double-click (and pari-index reads or writes): a folder
#: named with one of them (other than its own format's) looks like such a file.
FILE_SUFFIXES = frozenset(
    {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".tsv", ".txt", ".html", ".htm", ".yaml", ".yml"}
    | {".json", ".parquet", ".pdf", ".zip", ".docx", ".doc"}
)

#: The endings a folder of tables may carry as its own format's (``results.parquet``).
FOLDER_SUFFIXES = frozenset({".csv", ".parquet"})


def _wrong_suffix(target: Target) -> Problem | None:
    """An output whose name's ending says another kind of file than the one written."""
    suffix = target.path.suffix.lower()
    if _exists(target.path) and not _regular(target.path) and not is_dir(target.path):
        return None  # a device or a pipe: output-special-file says what it is
    if not target.suffixes or (suffix in target.suffixes and not (target.folder and suffix not in FOLDER_SUFFIXES)):
        return None
    shown = shown_name(target.path)
    if not target.folder:
        allowed = " / ".join(target.suffixes)
        return Problem(
            "output-suffix",
            f"{target.option} {shown}: the file must end in {' or '.join(target.suffixes)}",
            hint="change the file name's ending",
            params={"option": target.option, "path": shown, "allowed": allowed},
        )
    if suffix not in FILE_SUFFIXES:
        return None  # a folder named "data.2026"
    return Problem(
        "output-folder-suffix",
        f"{target.option} {shown}: this is a folder (of {target.suffixes[0]} files), but its name ends in "
        f"{suffix} as a file's does",
        hint="drop the file's ending from the folder's name",
        params={"option": target.option, "path": shown, "suffix": suffix, "kind": target.suffixes[0]},
    )


def check_suffixes(targets: Sequence[Target]) -> None:
    """Refuse (UsageError, exit 2) outputs whose names say another kind of file (see
    :attr:`Target.suffixes`): every command that writes calls this through check_paths."""
    problems = [p for p in map(_wrong_suffix, targets) if p is not None]
    if problems:
        raise UsageError(problems)


def check_paths(targets: Sequence[Target], sources: Sequence[Source]) -> None:
    """Refuse (OutputError, exit 4) outputs that are, contain or reach an input, outputs that
    clash with each other, and outputs of the wrong shape; and (UsageError, exit 2) any name that
    is not UTF-8 or whose ending says another kind of file. Reads no file's content."""
    check_names([*((t.option, t.path) for t in targets), *((s.option, s.path) for s in sources)])
    streams = [stream for target in targets if (stream := _standard_stream(target)) is not None]
    if streams:  # a usage error, as ``-o -`` is (path-is-dash)
        raise UsageError(streams)
    unreadable = _unreadable_umask(targets)
    if unreadable is not None:
        raise OutputError([unreadable])
    problems: list[Problem] = []
    token = _SEEN.set({})
    try:
        for i, target in enumerate(targets):
            found = [_against_source(target, source) for source in sources]
            found += [_against_target(target, other) for other in targets[i + 1 :]]
            found += [_system_folder(target), _shape(target), _not_ours(target), _read_only(target)]
            found += [_unreachable(target)]
            found += [not_portable(target)]
            problems += [p for p in found if p is not None][:1]
    finally:
        _SEEN.reset(token)
    if problems:
        raise OutputError(problems)
    # After the rules that keep inputs safe, which say the graver thing (-o NEW.yaml in pari diff).
    check_suffixes(targets)
    # What the rules judged, which another program may change before the outputs are put in place.
    for target in targets:
        note_outputs((target.path, *target.files), _replaceable(target))


def _replaceable(target: Target) -> Callable[[str], bool]:
    """Whether a file of ``target`` that changed during the run may still be replaced, by the rule
    of :func:`_not_ours` (another run's output may: two runs writing the same results at once)."""

    def ours(path: str) -> bool:
        return _not_ours(dataclasses.replace(target, path=Path(path), files=(), folder=False)) is None

    def in_marked(path: str) -> bool:  # a file of demo-data's folder: as the folder's marker lists it
        marker = target.path / (target.marker or "")
        if Path(path) == marker:
            return True  # the marker itself, which the rule at the start does not judge either
        if Path(path) == target.path or not _exists(marker):
            return ours(path)
        return _changed_in_marked(dataclasses.replace(target, files=(Path(path),)), marker) is None

    return in_marked if target.folder and target.marker is not None else ours


def check_read_once(inputs: Sequence[Source]) -> None:
    """Refuse (UsageError, exit 2) a file given twice among the tables a run reads, by name, link
    or hard link: ``pari score data/* --communes data/communes.csv`` read the register as
    assessments too (every column unknown: no results), the same form twice was 12,000 repeated
    rows and exit 0, an assessments file given as --survey was "no survey results". The criteria
    and last year's results count as well (a folder of results by each table it reads): the
    assessments given as ``--previous`` were "cannot read the results workbook" (not-results), the
    criteria given as assessments "not readable as CSV" (csv-syntax), neither saying why. Files
    that cannot be looked at (missing, unreadable) are left to the reading, which names them; the
    files of one folder are not compared with each other."""
    first: dict[Identity, tuple[int, Source]] = {}
    problems: list[Problem] = []
    for given, source in enumerate(inputs):
        for path in [source.path / name for name in source.reads] if source.reads else [source.path]:
            try:
                st = os.stat(path)
            except (OSError, ValueError):
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            one = Source(path, source.option)
            earlier = first.setdefault((st.st_dev, st.st_ino), (given, one))
            if earlier[0] != given:
                problems.append(_given_twice(one, earlier[1]))
    if problems:
        raise UsageError(problems)


def _given_twice(source: Source, earlier: Source) -> Problem:
    path, other = shown_name(source.path), shown_name(earlier.path)
    return Problem(
        "input-given-twice",
        f"{source.option}: this is the same file as {earlier.option} {other}; it was given twice",
        file=path,
        hint="give each file once; leave the register, survey and appraisal out of the assessments "
        "(name the forms rather than data/*)",
        params={"option": source.option, "path": path, "other_option": earlier.option, "other": other},
    )


def watched(inputs: Iterable[Source]) -> list[Path | InputFolder]:
    """What a command's watch looks at of each input (pari_index.system.input_watch.watching): a folder
    by the names read from it (a results folder's tables), any other input as a file."""
    return [InputFolder(s.path, s.reads) if s.reads else s.path for s in inputs]


def sources(*groups: tuple[str, str | Path | Sequence[str | Path] | None]) -> list[Source]:
    """Sources from ``(option, path or paths or None)`` pairs, the Nones left out."""
    found: list[Source] = []
    for option, value in groups:
        if value is None:
            continue
        values = [value] if isinstance(value, str | os.PathLike) else list(value)
        found += [Source(Path(v), option) for v in values]
    return found
