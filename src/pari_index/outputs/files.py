"""Writing results: decimals for people, safe cells, atomic files.

* Points and indices are Int64 units inside pari-index; here they become decimals with the set's
  places (43.26, not 43.2599999).
* Text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
  carriage return) is prefixed with an apostrophe in CSV and XLSX output (OWASP's advice against
  CSV/formula injection): a commune name can never become a formula.
* Every file is written to a temporary name in the same folder and renamed into place, so an
  interrupted run never leaves half a workbook; a results folder is written as a whole beside the
  old one and swapped in (:func:`atomic_folder`). Temporaries carry the writer's process id, and
  those of runs that were killed are removed by the next run (:func:`clean_stale`).
* Every operating-system failure on writing (disk full, read-only folder, name too long …) becomes
  an :class:`~pari_index.errors.OutputError` (exit 4) naming the path, with a hint.
* Column and sheet names are neutralised like cells. Which outputs may be written at all (never
  an input) is decided by :mod:`pari_index.outputs.paths`.
* An XLSX sheet holds at most 1,048,576 rows. When the per-item detail is larger (a national run),
  the workbook keeps the summaries and rankings and the detail goes to a CSV beside it, said so in
  the workbook's ``about`` sheet, instead of failing or truncating.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import gc
import hashlib
import io
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import polars as pl

from pari_index.criteria.points import SCALE
from pari_index.errors import OutputError, Problem, os_error_parts
from pari_index.intake.cache_folder import ParquetReuse, read_regular
from pari_index.outputs.path_identity import Source, Target, as_written, is_dir, resolved
from pari_index.outputs.path_shapes import PROBE, TEMPORARY, not_results_folder
from pari_index.outputs.paths import check_paths
from pari_index.system.input_watch import check_unchanged, placed
from pari_index.system.interruptions import held
from pari_index.system.temporaries import process_alive

XLSX_MAX_ROWS = 1_048_575  # one row for the header

#: Columns holding points or indices in units of 1/10,000.
UNIT_COLUMNS = frozenset(
    {
        "max",
        "self_score",
        "computed_score",
        "appraised_score",
        "final_score",
        "counted_max",
        "appraised_points",
        "survey_points",
        "adjustment_points",
        "total_points",
        "appraised_max",
        "survey_max",
        "applicable_max",
        "index",
        "previous_index",
        "index_change",
        "previous_total",
        "total_change",
        "gap_to_next_class",
        "lost_points",
        "next_class_from",
    }
)
UNIT_PREFIXES = ("area_", "lost_")

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")

#: A table in memory, or one read as it is written (the per-item detail of a batched run).
AnyFrame = TypeVar("AnyFrame", pl.DataFrame, pl.LazyFrame)


def _is_unit_column(name: str, dtype: pl.DataType) -> bool:
    return dtype.is_integer() and (name in UNIT_COLUMNS or name.startswith(UNIT_PREFIXES))


def display_frame(frame: AnyFrame, places: int | Callable[[str], int] = 4) -> AnyFrame:
    """Unit columns as Float64 decimals rounded to ``places``, or to ``places(column)`` when each
    column has its own (a rounding policy per level); exact for values already rounded. A lazy
    frame stays lazy (a batched run's detail is converted as it is written)."""
    places_of = places if callable(places) else (lambda _name: places)
    return frame.with_columns(
        (pl.col(name) / SCALE).round(places_of(name)).alias(name)
        for name, dtype in frame.collect_schema().items()
        if _is_unit_column(name, dtype)
    )


def _dangerous(col: pl.Expr) -> pl.Expr:
    test = col.str.starts_with(_DANGEROUS[0])
    for prefix in _DANGEROUS[1:]:
        test = test | col.str.starts_with(prefix)
    return test


def _neutralised(series: pl.Series) -> pl.Series:
    """A text series with an apostrophe before each cell a spreadsheet would run as a formula."""
    if series.dtype != pl.String:
        return series
    dangerous = series.str.starts_with(_DANGEROUS[0])
    for prefix in _DANGEROUS[1:]:
        dangerous = dangerous | series.str.starts_with(prefix)
    if not dangerous.any():
        return series
    return pl.select(pl.when(dangerous).then("'" + series).otherwise(series)).to_series().alias(series.name)


def safe_header(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A column or sheet name that a spreadsheet would run as a formula, with an apostrophe in
    front (more than one when that name is taken already)."""
    if not name.startswith(_DANGEROUS):
        return name
    safe = "'" + name
    while safe in taken:
        safe = "'" + safe
    return safe


def neutralise_formulas(frame: AnyFrame) -> AnyFrame:
    """Prefix text cells **and column names** that a spreadsheet would evaluate with an apostrophe
    (a register column named ``=HYPERLINK(…)`` reaches the summary as ``'=HYPERLINK(…)``)."""
    schema = frame.collect_schema()
    taken = set(schema.names())
    if isinstance(frame, pl.DataFrame) and frame.width:
        # Column by column: one polars plan of an expression per text column copied every column
        # name for each (a register's headings go into the summary, and may be 5 MB: 250 of
        # 19,000 letters took 850 MB here until session 32; limits32/register-of-long-headings).
        return pl.DataFrame([_neutralised(series).alias(safe_header(series.name, taken)) for series in frame])
    exprs = [
        pl.when(_dangerous(pl.col(name))).then(pl.lit("'") + pl.col(name)).otherwise(pl.col(name)).alias(name)
        for name, dtype in schema.items()
        if dtype == pl.String
    ]
    safe = frame.with_columns(exprs) if exprs else frame
    renames = {name: safe_header(name, taken) for name in schema.names() if name.startswith(_DANGEROUS)}
    return safe.rename(renames) if renames else safe


def safe_sheet_name(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A worksheet name Excel accepts: no ``[]:*?/\\``, no apostrophe at either end, not empty,
    at most 31 characters, not a formula, unique (case-insensitively) among ``taken``."""
    text = " ".join(re.sub(r"[\[\]:*?/\\\x00-\x1f]", " ", name).split()).strip("'") or "—"
    if text.startswith(_DANGEROUS):
        text = "_" + text
    base, candidate, n = text[:31].strip("'"), text[:31].strip("'"), 2
    folded = {t.casefold() for t in taken}
    while candidate.casefold() in folded or candidate.casefold() == "history":
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)].rstrip("'") + suffix
        n += 1
    return candidate


def check_not_input(output: Path, inputs: Sequence[str | Path]) -> None:
    """Refuse an output that is, contains or reaches one of ``inputs`` (see pari_index.outputs.paths)."""
    check_paths([Target(Path(output))], [Source(Path(p)) for p in inputs])


# ---------------------------------------------------------------------------------------------
# Operating-system failures on writing

_NO_PERMISSION = (
    "no permission to write there (a read-only folder, or a shared folder where the file is another user's): "
    "choose another folder, or ask its owner"
)
_HINTS = {
    errno.ENOSPC: "the disk is full: free some space or write to another disk",
    errno.EFBIG: "the file is larger than this disk or this session allows (ulimit -f): write to another disk",
    errno.EDQUOT: "your disk quota is used up: free some space or write elsewhere",
    # (EPERM: a file of another user in a folder with the sticky bit, as a shared folder has.)
    errno.EACCES: _NO_PERMISSION,
    errno.EPERM: _NO_PERMISSION,
    errno.EROFS: "the disk is read-only: choose another folder",
    errno.ENAMETOOLONG: "the name is too long for the disk: choose a shorter name",
    errno.EISDIR: "a folder of that name exists: give a file name",
    errno.ENOTDIR: "a part of the path is a file, not a folder: choose another folder",
    errno.EEXIST: "something of that name is in the way: choose another name",
    errno.ENOTEMPTY: "a folder of that name is in the way: choose another name",
    errno.EIO: "the disk or the network share failed during the write: check that it is connected, or write to "
    "another disk",
    # Renaming over a mount point (a file or folder a container or share mounts) or a file in use.
    errno.EBUSY: "it is a mount point (a disk, a share or a container's volume) or in use: write into a folder "
    "inside it, or choose another name",
    # The folder was deleted or moved while the file was written into it, or takes no new files
    # (/proc): the general hint spoke of Excel and free space.
    errno.ENOENT: "the folder was removed during the write, or takes no new files: choose another folder",
}


def os_problem(exc: BaseException, path: Path, what: str = "cannot write the file") -> Problem:
    """A located ``output-unwritable`` problem for an OSError (or an error wrapping one, or a
    polars error that names one only in its text: "… (os error 28)"). A write that failed without
    saying why on a disk with no room left (polars' Parquet writer: "Invalid thrift: transport
    error") is told as the full disk it is, or, under a file-size limit (``ulimit -f``), as the
    file too large it is."""
    number, reason = os_error_parts(exc)
    if number is None:
        number = errno.ENOSPC if _disk_full(path) else errno.EFBIG if _size_limited() else None
        reason = None if number is None else os.strerror(number)
    reason = reason or (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
    hint = _HINTS.get(number or 0, "close it in Excel if it is open, free space, or choose another name")
    if number == errno.ENOSPC and _no_file_entries(path):
        hint = _NO_FILE_ENTRIES
    return Problem("output-unwritable", f"{what}: {reason}", file=str(path), hint=hint, params={"reason": reason})


#: ENOSPC on a disk with room left: every file entry (inode) is used, and "the disk is full: free
#: some space" sent the user to a disk that ``df -h`` shows with room (a tmpfs or a small
#: partition full of tiny files, a container's overlay).
_NO_FILE_ENTRIES = (
    "the disk can take no more files (all its file entries, inodes, are used; df -i shows them), though it has "
    "room: remove files there or write to another disk"
)


def _no_file_entries(path: Path) -> bool:
    """Whether the disk ``path`` is written to has no file entry (inode) left, and room."""
    disk = _disk_of(path)
    if disk is None:
        return False
    # Disks that make entries as needed (btrfs, some network file systems) say 0 of 0.
    return disk.f_files > 0 and disk.f_ffree == 0 and not _disk_full(path)


# ---------------------------------------------------------------------------------------------
# Temporary files and folders, and what killed runs left behind

#: A temporary file or folder whose process is gone, or that is older than this, is removed.
STALE_SECONDS = 24 * 3600
#: Temporary files named as pari-index before 0.x named them (``.NAME.<8 random>.tmp``), removed
#: when older than this.
LEGACY_STALE_SECONDS = 3600


def _disk_of(path: Path) -> os.statvfs_result | None:
    """What the system says of the disk ``path`` is written to (its nearest folder that exists);
    None where it cannot be asked (Windows)."""
    folder = Path(path).parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    try:
        return os.statvfs(folder)  # not on Windows: AttributeError
    except (OSError, AttributeError):
        return None


def _disk_full(path: Path) -> bool:
    """Whether the disk ``path`` is written to has no room left (for this user)."""
    disk = _disk_of(path)
    if disk is None:
        return False
    free = disk.f_bfree if getattr(os, "geteuid", lambda: -1)() == 0 else disk.f_bavail
    return free * disk.f_frsize < 1024**2


def _size_limited() -> bool:
    """Whether this process may write files only up to a size (``ulimit -f``)."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    return resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY


def _temp_stem(name: str) -> str:
    """The start of the temporary names for ``name``: short enough that the temporary name fits
    where the final name fits (255 bytes on most disks)."""
    if len(name.encode()) <= 120:
        return f".{name}"
    digest = hashlib.sha1(name.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return f".{name[:40]}~{digest}"


def _alive(pid: int) -> bool:
    # Our own number on a temporary is an earlier process that had it: this one has not started
    # writing yet.
    return pid != os.getpid() and process_alive(pid)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()


def _probe(entry: os.DirEntry[str]) -> bool:
    """A file :func:`pari_index.outputs.paths.refused_folder` made (never a link or a folder)."""
    return PROBE.fullmatch(entry.name) is not None and entry.is_file(follow_symlinks=False)


def clean_stale(target: Path) -> None:
    """Remove the temporaries that killed runs left beside ``target`` (and the probes of
    :func:`pari_index.outputs.paths.refused_folder` in its folder); put back a previous results
    folder that a run killed in the middle of its swap had moved aside."""
    stem = _temp_stem(target.name) + ".pari-"
    legacy = re.compile(re.escape(f".{target.name}.") + r"[a-z0-9_]{8}\.tmp$")
    now = time.time()
    try:
        entries = [e for e in os.scandir(target.parent) if e.name.startswith(stem) or legacy.match(e.name) or _probe(e)]
    except OSError:
        return
    for entry in entries:
        match = TEMPORARY.search(entry.name)
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if match is None:
            if age > LEGACY_STALE_SECONDS:
                _remove(Path(entry.path))
            continue
        if _alive(int(match.group(2))) and age < STALE_SECONDS:
            continue
        if match.group(1) == "old" and not os.path.lexists(target):
            with contextlib.suppress(OSError):
                os.rename(entry.path, target)  # the previous complete set, back in place
            continue
        _remove(Path(entry.path))


def _enterable(folder: Path) -> None:
    """Give a folder pari-index has just made its owner's write and search permission, as ``mkdir
    -p`` gives the folders it makes ((0777 less the umask) | 0300): under ``umask 0222`` (every new
    file read-only) a folder made for an output was mode 0555, and the output could not be written
    into it by anyone but root."""
    mode = stat.S_IMODE(os.stat(folder).st_mode)
    if mode & 0o300 != 0o300:
        os.chmod(folder, mode | 0o300)


#: The folders this process made for outputs not yet in place (:func:`_make_folder`), outermost
#: first: removed again when their outputs are not written (:func:`_unmake_folders`).
_made_folders: list[Path] = []


def _unmake_folders(written: bool) -> None:
    """Forget the folders made for outputs now in place (``written``), or remove those of outputs
    that were not, innermost first, each only while empty (another run may have written into it
    meanwhile). ``-o 2025/dot-1/results.xlsx`` on a full disk, or stopped, left ``2025/dot-1``
    behind, empty, for a run that said nothing was written."""
    while _made_folders:
        folder = _made_folders.pop()
        if not written:
            with contextlib.suppress(OSError):
                folder.rmdir()  # refused (ENOTEMPTY) when something is in it: it stays


@contextlib.contextmanager
def folder_for_the_block(folder: Path) -> Iterator[None]:
    """``folder`` and its missing parents, made for the block (the run's own:
    pari_index.system.input_watch) and removed again, each while empty, when the block fails or is
    stopped: ``pari demo-data -o 2025/thu/demo`` on a full disk left ``2025/thu/demo``. The
    system's refusal to make them is raised as it comes (OSError)."""
    missing = [part for part in (folder, *folder.parents) if not os.path.lexists(part)]
    folder.mkdir(parents=True, exist_ok=True)
    for part in missing:
        placed(part, below=False, written=False)
    try:
        yield
    except BaseException:
        for part in missing:  # innermost first
            with contextlib.suppress(OSError):
                part.rmdir()
        raise


def _make_folder(folder: Path) -> None:
    """Make ``folder`` and its missing parents, each one its owner can write into
    (:func:`_enterable`)."""
    missing = [part for part in (folder, *folder.parents) if not os.path.lexists(part)]
    try:
        for part in reversed(missing):
            try:
                part.mkdir()
            except FileExistsError:
                continue  # made meanwhile, or a file: is_dir below says which
            _made_folders.append(part)
            placed(
                part, below=False, written=False
            )  # the command's own (pari_index.system.input_watch: output-changed)
            _enterable(part)
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)  # raises what a path through a file raises
    except OSError as exc:
        problem = os_problem(exc, folder, "cannot create the folder")
        raise OutputError(
            Problem("output-folder", problem.message, file=str(folder), hint=problem.hint, params=problem.params)
        ) from None


def _default_mode() -> int:
    # mkstemp creates the file readable by its owner only; results get the permissions an
    # ordinary new file would have (0666 less the umask), as Excel and browsers expect.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


#: The outputs of one command put in place together (:func:`placed_together`), innermost group
#: last: each a list of (place, discard) steps; None while a folder of outputs is being written,
#: whose files go straight into it (the folder is what is put in place).
_groups: list[list[tuple[Callable[[], Placed], Callable[[], None]]] | None] = []


@dataclasses.dataclass(frozen=True)
class Placed:
    """An output just put in place at ``path``, the previous one kept at ``aside`` (None: there was
    none) until its group is done: when a later output of the group cannot be put in place (on
    Windows, the results workbook open in Excel), the ones already placed are taken back. The
    report used to stay new beside the previous results, after a run that said it failed."""

    path: Path
    aside: Path | None

    def take_back(self) -> None:
        """The previous output back in place (or the new one removed, where there was none)."""
        with contextlib.suppress(OSError):
            if self.aside is None:
                _remove(self.path)
            else:
                if os.path.isdir(self.aside) and not os.path.islink(self.aside):
                    _remove(self.path)  # a folder is not renamed over a folder
                os.replace(self.aside, self.path)

    def finish(self) -> None:
        if self.aside is not None:
            _remove(self.aside)


@contextlib.contextmanager
def placed_together() -> Iterator[None]:
    """The outputs written in the block (:func:`atomic_path`, :func:`atomic_folder`) are put in
    place together when it ends, in one step that a stop signal waits for
    (pari_index.system.interruptions), the last written first (a report written into the results folder
    goes into the old folder, whose files the new one takes over); if the block fails or is
    stopped, none is, and their temporaries are removed. ``pari score -o results --report
    report.html`` stopped or failing while it wrote the report used to leave the new results
    beside the previous report, and say "the previous results are left as they were". A group
    inside a group is part of it. None is put in place when an input of the command changed while
    it was read (pari_index.system.input_watch: ``input-changed``)."""
    if _groups and _groups[-1] is not None:
        yield
        return
    steps: list[tuple[Callable[[], Placed], Callable[[], None]]] = []
    _groups.append(steps)
    written = False
    try:
        try:
            yield
        finally:
            _groups.pop()
        check_unchanged()  # no output from an input that changed while it was read
        with held():
            place_all([place for place, _ in reversed(steps)])
        written = True
    finally:
        for _, discard in steps:
            discard()
        _unmake_folders(written)


def place_all(places: list[Callable[[], Placed]]) -> None:
    """Put a group's outputs in place, all or none: one refused takes back those placed before."""
    done: list[Placed] = []
    try:
        for place in places:
            done.append(place())
    except BaseException:
        for placed_output in reversed(done):
            placed_output.take_back()
        raise
    for placed_output in done:
        placed_output.finish()


def _placed(place: Callable[[], Placed], discard: Callable[[], None]) -> bool:
    """Put an output in place now (True), or at the end of its group (False: recorded)."""
    if _groups and _groups[-1] is not None:
        _groups[-1].append((place, discard))
        return False
    if not _groups:  # (a file into a folder being written is checked with the folder)
        check_unchanged()  # no output from an input that changed while it was read (pari_index.system.input_watch)
    with held():  # a stop signal waits until the previous output kept aside is removed
        place().finish()
    return True


def on_disk(path: Path) -> None:
    """Have the system put the file ``path``'s bytes on the disk now (``fsync``), before it is
    renamed into place. Without it a rename can reach the disk before the bytes do (ext4 without
    ``auto_da_alloc``, XFS, btrfs, a network share): a power cut or a crash of the machine just
    after a run left the results under their final name cut short or full of zeros, the previous
    ones gone. A failure to store them (EIO; ENOSPC or EDQUOT that a network share reports only
    now) is raised: the output is not put in place. A disk that cannot be asked (EINVAL, ENOTSUP,
    ENOSYS: some network and FUSE file systems) is written as before, on the system's schedule."""
    fd = os.open(path, os.O_RDWR if os.name == "nt" else os.O_RDONLY)  # Windows syncs writable handles only
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _CANNOT_SYNC:
            raise
    finally:
        os.close(fd)


#: What ``fsync`` answers on a file system that does not do it (the write itself went through).
_CANNOT_SYNC = frozenset({errno.EINVAL, errno.ENOTSUP, errno.ENOSYS, errno.EOPNOTSUPP})


def folder_on_disk(folder: Path) -> None:
    """Have the system put a folder's entries (a file renamed into it) on the disk (``fsync`` of
    the folder). Not on Windows, which cannot open a folder so, nor where the disk does not take it
    (EINVAL): the entry is then where the system's own schedule puts it, as before."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


#: A rename over an existing output refused although its folder took the temporary beside it: on
#: Windows the file is open in Excel (or another program holds it), which no lock file beside it
#: told before the write (pari_index.system.office_locks), or it was marked read-only meanwhile.
#: The general hint ("a read-only folder, or a shared folder ...") sent the user to the folder's
#: rights, and never said to close the file.
HELD_OPEN_HINT = (
    "the file is open in another program or read-only: close the file in Excel (or the program that has it "
    "open), then run again, or choose another name"
)
#: The same for a results folder that cannot be moved aside: a file in it is open.
HELD_OPEN_FOLDER_HINT = (
    "a file in the folder is open in another program: close the file in Excel (or the program that has it "
    "open), then run again, or choose another folder"
)


def _refused_over(exc: OSError, named: Path, hint: str) -> OutputError:
    """The OutputError of a rename over an existing output that the system refused with EACCES (on
    Windows, WinError 5 or 32: the output is held open), or its own words for any other failure:
    EPERM is a POSIX folder with the sticky bit where the previous file is another user's, whose
    hint says so (tests/hostile_faults23.py)."""
    problem = os_problem(exc, named)
    if exc.errno == errno.EACCES:
        problem = dataclasses.replace(problem, hint=hint)
    return OutputError(problem)


def place_file(tmp: Path, path: Path, named: Path) -> Placed:
    """``tmp`` renamed to ``path``; the previous file kept aside (:class:`Placed`) by a hard link,
    so that ``path`` is never missing, or, where the disk has none (FAT, exFAT, some shares), by a
    rename that a stop signal waits for."""
    aside = _aside(path) if os.path.lexists(path) else None
    try:
        with held():
            if aside is not None:
                _keep_aside(path, aside)
            try:
                os.replace(tmp, path)
            except OSError:
                if aside is not None and os.path.lexists(path):
                    _remove(aside)  # (kept by a hard link: the previous file is still in place)
                elif aside is not None:
                    os.replace(aside, path)  # (kept by a rename: put back)
                raise
    except OSError as exc:
        if aside is not None:
            raise _refused_over(exc, named, HELD_OPEN_HINT) from None
        raise OutputError(os_problem(exc, named)) from None
    placed(path)  # now the command's own (pari_index.system.input_watch: output-changed)
    folder_on_disk(path.parent)
    return Placed(path, aside)


def _aside(path: Path) -> Path:
    """Where the previous output at ``path`` is kept while its group is put in place; a run
    killed meanwhile leaves it for :func:`clean_stale` (put back, or removed)."""
    aside = path.with_name(f"{_temp_stem(path.name)}.pari-old-{os.getpid()}")
    _remove(aside)
    return aside


def _keep_aside(path: Path, aside: Path) -> None:
    try:
        os.link(path, aside)  # (a link leading nowhere: refused, renamed aside)
    except OSError:
        os.rename(path, aside)


def through_link(path: Path) -> Path:
    """The file a symbolic link ``path`` leads to, when it leads to one (``latest.xlsx`` →
    ``2025/results.xlsx``, ``report.html`` → the published page): that file is replaced and the
    link stays, as a symlinked results folder does (:func:`_folder_target`). The path rule
    (pari_index.outputs.paths) already judged that file, not the link: its owner, its read-only
    mark, whether it is an input. Until the twenty-first session the link itself was replaced by
    the new file, its target left as it was. A link that leads nowhere is replaced (nothing else
    is there to keep)."""
    try:
        if os.path.islink(path):
            target = resolved(path)
            if target.is_file():
                return target
    except (OSError, ValueError):
        pass
    return path


#: What a library call tells as its outputs begin to be written (pari_index.api.checked: the
#: PariWarning of an output path too long for Windows): after the call's own checks of its
#: arguments and inputs, before any byte of an output. Told at the call's start, a caller's
#: warnings-as-errors (``python -W error``, pytest's ``filterwarnings = error``) raised that warning
#: in place of the call's own error (session 37: ``pari.run_score`` of a missing input, or
#: ``pari.write_results`` over the user's own workbook, said "path too long").
_before_writing: list[Callable[[], None]] = []


@contextlib.contextmanager
def told_before_writing(tell: Callable[[], None]) -> Iterator[Callable[[], None]]:
    """Call ``tell`` once, when the block's first output begins to be written (:func:`atomic_path`,
    :func:`atomic_folder`), or when the caller calls what is yielded (the block wrote nothing)."""
    once = [tell]

    def now() -> None:
        if once:
            once.pop()()

    _before_writing.append(now)
    try:
        yield now
    finally:
        _before_writing.remove(now)


def _writing_begins() -> None:
    for tell in list(_before_writing):
        tell()


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``path`` (or to the file it links to: :func:`through_link`);
    rename it into place when the block succeeds (or when its group does: :func:`placed_together`).
    Any OSError becomes OutputError (exit 4) naming ``path``; nothing temporary is left."""
    _writing_begins()
    named = as_written(Path(path))  # not through a folder made for it: ``nothere/../x.xlsx``
    path = through_link(named)
    _make_folder(path.parent)
    clean_stale(path)
    tmp: Path | None = None
    try:
        with held():  # made and recorded for removal as one step (pari_index.system.interruptions)
            tmp = _temporary_file(path)
        yield tmp
        on_disk(tmp)
        os.chmod(tmp, _default_mode())
        made = tmp
        if not _placed(lambda: place_file(made, path, named), lambda: _remove(made)):
            tmp = None  # removed by its group
        elif not _groups:
            _unmake_folders(written=True)
    except OSError as exc:
        raise OutputError(os_problem(exc, named)) from None
    finally:
        if tmp is not None:
            _remove(tmp)
        if not _groups:  # not written (a group or a folder being written removes its own)
            _unmake_folders(written=False)


def _temporary_file(path: Path) -> Path:
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f"{_temp_stem(path.name)}.pari-tmp-{os.getpid()}-", suffix=".tmp", dir=path.parent
        )
        os.close(fd)
    except (OSError, ValueError) as exc:
        raise OutputError(os_problem(exc, path)) from None
    return Path(tmp_name)


def _carry_over(old: Path, new: Path, replaced: frozenset[str]) -> None:
    """Hard-link (or copy) into ``new`` what the user keeps in the old results folder besides the
    results (a report written there, notes): replacing the folder must not lose them. The old
    folder is left untouched until the swap."""
    for entry in os.scandir(old):
        if entry.name in replaced or TEMPORARY.search(entry.name) or os.path.lexists(new / entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.copytree(entry.path, new / entry.name, symlinks=True, copy_function=_link_or_copy)
        elif entry.is_symlink():
            os.symlink(os.readlink(entry.path), new / entry.name)
        else:
            _link_or_copy(entry.path, new / entry.name)


def _link_or_copy(src: str, dst: str | Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _swap(tmp: Path, target: Path, named: Path) -> Placed:
    """Put the complete new folder in place of the old one: old aside, new in, old removed. A
    stop signal waits for the new folder to be in place: between the two renames the results
    folder is missing, and the run's unwinding would remove the new one."""
    folder_on_disk(tmp)  # the entries of the files renamed into it
    if not os.path.lexists(target):
        os.rename(tmp, target)
        placed(target)
        folder_on_disk(target.parent)
        return Placed(target, None)
    aside = _aside(target)
    with held():
        try:
            os.rename(target, aside)
        except OSError as exc:  # (Windows: a file in it is open; the new set is removed)
            raise _refused_over(exc, named, HELD_OPEN_FOLDER_HINT) from None
        try:
            os.rename(tmp, target)
        except OSError:
            os.rename(aside, target)  # the previous set back in place
            raise
        placed(target)
        folder_on_disk(target.parent)
    return Placed(target, aside)  # removed when its group is done (Placed.finish)


def _folder_target(path: Path, replaced: frozenset[str]) -> Path:
    """The folder to replace (what a symlinked results folder points at), checked to be one."""
    target = resolved(Path(path))
    _make_folder(target.parent)
    clean_stale(target)
    if os.path.lexists(target) and not is_dir(target):
        raise OutputError(
            Problem(
                "output-not-a-folder",
                "a folder is needed here, and a file of that name exists",
                file=str(path),
                hint="give a folder name (it is created), or choose --format xlsx for a single workbook",
            )
        )
    if replaced and not_results_folder(target, sorted(replaced)):
        raise OutputError(
            Problem(
                "output-folder-not-results",
                "the folder holds other files and no results; a results folder is replaced as a whole",
                file=str(path),
                hint="give a new or empty folder, or the folder of earlier results",
            )
        )
    if is_dir(target) and not os.access(target, os.W_OK):
        # The system's words, which have Vietnamese ones ("the folder is read-only" stayed English
        # in a Vietnamese run), for the folder as the user named it (not its resolved path); a
        # read-only disk said so (it was "a read-only folder?").
        number = errno.EROFS if _read_only_disk(target) else errno.EACCES
        raise OutputError(os_problem(PermissionError(number, os.strerror(number)), Path(path)))
    return target


def _read_only_disk(folder: Path) -> bool:
    """Whether ``folder`` is on a file system mounted read-only (not on Windows)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


@contextlib.contextmanager
def atomic_folder(path: Path, replaced: frozenset[str] = frozenset()) -> Iterator[Path]:
    """Yield a new temporary folder beside ``path``; when the block succeeds (or its group:
    :func:`placed_together`) it replaces ``path`` as a whole, so the folder holds either the
    complete new set or the previous one. Entries of the old folder not named in ``replaced`` are
    kept (hard-linked into the new one)."""
    _writing_begins()
    target = _folder_target(path, replaced)
    made = target.with_name(f"{_temp_stem(target.name)}.pari-tmp-{os.getpid()}")
    tmp: Path | None = made
    try:
        _remove(made)
        made.mkdir()
        _enterable(made)
        _groups.append(None)  # the files written into it go straight in
        try:
            yield made
        finally:
            _groups.pop()
        if not _placed(lambda: _place_folder(made, target, replaced, Path(path)), lambda: _remove(made)):
            tmp = None  # removed by its group
        elif not _groups:
            _unmake_folders(written=True)
    except OSError as exc:
        raise OutputError(os_problem(exc, Path(path))) from None
    except OutputError as exc:
        raise _named_as_given(exc, made, Path(path)) from None
    finally:
        if tmp is not None:
            _remove(tmp)
        if not _groups:  # not written (see atomic_path)
            _unmake_folders(written=False)


def _place_folder(tmp: Path, target: Path, replaced: frozenset[str], path: Path) -> Placed:
    """The complete folder ``tmp`` in place of ``target`` (:func:`_swap`), with what the user
    keeps in the old one (:func:`_carry_over`)."""
    try:
        if is_dir(target):
            os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))
            _carry_over(target, tmp, replaced)
        return _swap(tmp, target, path)
    except OSError as exc:
        raise OutputError(os_problem(exc, path)) from None


def _named_as_given(exc: OutputError, tmp: Path, path: Path) -> OutputError:
    """``exc`` with its files named as the user will know them, not by the temporary folder."""
    inner = str(tmp)
    return OutputError(
        [dataclasses.replace(p, file=(p.file or "").replace(inner, str(path), 1) or None) for p in exc.problems]
    )


def write_text(path: Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


#: The field separator of a CSV written for people to open in a spreadsheet, by the language of its
#: words. A spreadsheet opens a CSV with the list separator of the machine's regional settings: a
#: Vietnamese one writes decimals with a comma and so separates fields with «;» (Excel's list
#: separator for vi-VN), an English one «,». The results' CSV tables (the analysts' format, ids and
#: decimal points) keep «,».
SPREADSHEET_SEPARATOR = {"vi": ";", "en": ","}


#: A text a spreadsheet opening a CSV would read as a number or a date, and so change: a commune
#: code ``00178`` becomes the number 178 (its zeros gone), an item ``1.10`` the number 1.1.
READ_AS_NUMBER = re.compile(r"[0-9][0-9.,:/ -]*")


def kept_as_text(column: pl.Expr) -> pl.Expr:
    """A text column for a CSV people open in Excel: a text :data:`READ_AS_NUMBER` matches written
    as the text formula ``="00178"``, which Excel shows as the text 00178 (json2csv's
    ``excelStrings``); other texts as they are. For text columns only: numbers stay numbers."""
    looks_like_number = column.str.contains(f"^(?:{READ_AS_NUMBER.pattern})$")
    return pl.when(looks_like_number).then(pl.lit('="') + column + pl.lit('"')).otherwise(column)


def write_csv(path: Path, frame: pl.DataFrame | pl.LazyFrame, separator: str = ",", texts: Sequence[str] = ()) -> None:
    """CSV in UTF-8 with a BOM, so that Excel on Windows shows Vietnamese correctly. A lazy frame
    (a batched run's per-item detail) is streamed out batch by batch: the same bytes. ``texts``:
    columns of a table for people (``pari diff``'s items) whose number-looking texts Excel must
    keep as typed (:func:`kept_as_text`), applied after formulas are neutralised."""
    if texts:
        table = neutralise_formulas(frame.collect() if isinstance(frame, pl.LazyFrame) else frame)
        table = table.with_columns(kept_as_text(pl.col(name)).alias(name) for name in texts)
        with atomic_path(path) as tmp:
            try:
                table.write_csv(tmp, include_bom=True, separator=separator)
            except pl.exceptions.PolarsError as exc:
                raise OutputError(os_problem(exc, path)) from None
        return
    with atomic_path(path) as tmp:
        csv_into(tmp, frame, path, separator)


def csv_into(tmp: Path, frame: pl.DataFrame | pl.LazyFrame, path: Path, separator: str = ",") -> None:
    """Write ``frame`` as CSV to the temporary ``tmp`` of ``path`` (see :func:`write_csv`)."""
    try:
        if isinstance(frame, pl.LazyFrame):
            neutralise_formulas(frame).sink_csv(tmp, include_bom=True, separator=separator)
        else:
            neutralise_formulas(frame).write_csv(tmp, include_bom=True, separator=separator)
    except pl.exceptions.PolarsError as exc:  # an IO failure inside polars (our own frame)
        raise OutputError(os_problem(exc, path)) from None


#: Rows per Parquet row group. Fixed, so that the file does not depend on how the rows were cut
#: into batches or chunks in memory: the same rows give the same bytes. (Left to itself, polars
#: cuts row groups by the in-memory size of the chunks, so a table of the same rows taken from a
#: cache and computed afresh came out in 7 and 8 row groups.) A table of at most this many rows
#: is one row group either way.
PARQUET_ROW_GROUP = 65_536


def write_parquet(
    path: Path, frame: pl.DataFrame | pl.LazyFrame, reuse: ParquetReuse | None = None, made: bytes | None = None
) -> None:
    """A Parquet file in row groups of PARQUET_ROW_GROUP rows; a lazy frame (a batched run's
    per-item detail) is streamed out batch by batch. With ``reuse``, the row groups that did not
    change are copied from the earlier file and only the others encoded (the same bytes:
    :mod:`pari_index.outputs.parquet_patch`); when that cannot be done, the whole table is written.
    ``made``: the bytes of ``frame`` as written, made already (a batched run's criteria table,
    encoded as it was scored: parquet_patch.GroupsAsScored), placed as the others are."""
    with atomic_path(path) as tmp:
        try:
            patched = made if made is not None else _patched(frame, reuse) if reuse is not None else None
            if patched is not None:
                tmp.write_bytes(patched)
            else:
                frame.lazy().sink_parquet(tmp, row_group_size=PARQUET_ROW_GROUP)
        except pl.exceptions.PolarsError as exc:  # "underlying IO error: No space left on device"
            raise OutputError(os_problem(exc, path)) from None


def _patched(frame: pl.DataFrame | pl.LazyFrame, reuse: ParquetReuse) -> bytes | None:
    """``frame`` as Parquet bytes made from the earlier file's unchanged row groups; None when the
    earlier file is not the one recorded (read once, so that what is checked is what is used) or
    cannot be patched."""
    from pari_index.intake.cache import MAX_TABLE_BYTES
    from pari_index.intake.parquet_measure import MAX_FOOTER_BYTES, footer_length
    from pari_index.outputs.parquet_patch import patched_parquet
    from pari_index.system.limits import env_limit

    if not isinstance(frame, pl.DataFrame):
        return None
    try:
        # Within a cache table's bytes, and its footer (parsed in Python) within an input's: the
        # file and the SHA-256 the cache records for it may both have been put there by another.
        old = read_regular(reuse.file, most=MAX_TABLE_BYTES)
        if footer_length(io.BytesIO(old)) > env_limit("PARI_MAX_PARQUET_FOOTER_BYTES", MAX_FOOTER_BYTES):
            return None
    except (OSError, ValueError):
        return None
    if hashlib.sha256(old).hexdigest() != reuse.sha256:
        return None
    return patched_parquet(old, frame, set(reuse.unchanged), PARQUET_ROW_GROUP)


@contextlib.contextmanager
def _quiet_unraisable() -> Iterator[None]:
    """When xlsxwriter fails to save, its zip file object still holds an open file whose close
    fails again when the object is freed, and Python prints that as a traceback ("Exception
    ignored in ZipFile.__del__") on stderr. Silence such messages while a workbook is saved."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        yield
    finally:
        sys.unraisablehook = hook


@contextlib.contextmanager
def xlsx_workbook(path: Path, options: dict[str, Any]) -> Iterator[Any]:
    """An xlsxwriter workbook saved atomically to ``path``; a failure to save it (xlsxwriter's
    FileCreateError at close: disk full, folder gone) is an OutputError and the previous file stays."""
    import xlsxwriter
    from xlsxwriter.exceptions import XlsxFileError

    with atomic_path(path) as tmp, _quiet_unraisable():
        failed: Problem | None = None
        try:
            with xlsxwriter.Workbook(str(tmp), options) as workbook:
                yield workbook
        except XlsxFileError as exc:
            failed = os_problem(exc, path)
        if failed is not None:
            gc.collect()  # the broken zip file goes now, while its second failure is silenced
            raise OutputError(failed)  # inside the block, so the temporary is never renamed in


def write_xlsx(path: Path, sheets: dict[str, pl.DataFrame], lang: str = "en") -> None:
    """Several sheets in one workbook, header row frozen, columns sized (see workbook.py); names
    made valid and unique for Excel, cells and headers safe from formula injection; a text cut to
    a cell ends with the mark in ``lang``."""
    from pari_index.outputs.workbook import write_workbook

    safe: dict[str, pl.DataFrame] = {}
    for name, frame in sheets.items():
        safe[safe_sheet_name(name, set(safe))] = neutralise_formulas(frame)
    with atomic_path(path) as tmp:
        write_workbook(tmp, safe, lang)
