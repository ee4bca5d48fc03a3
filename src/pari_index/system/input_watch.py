"""Inputs that change while a command reads them: nothing is written from them.

A command's input files are checked before they are read (pari_index.outputs.paths) and read
later, some of them more than once (sniffed, then read; hashed for the cache's key and the about
table). A file written or replaced meanwhile (a colleague saving the register on a shared folder,
a synchronisation client, a copy still under way) was read as whatever it held at each moment: the
about table of a run recorded the SHA-256 of the assessment file as it was before the run while
the results held the rows of the file that replaced it (3,777 rows scored, 3,849 recorded), and
with ``--cache`` those results were kept under the first file's key: every later run of the
first file, unchanged, published the other file's ranking (a commune "did not submit").

Each command's input files are watched from before they are read (:func:`watching`: their device,
inode, size, modification and change times), and :func:`check_unchanged` refuses
(``input-changed``, exit 1) before any output is put in place (pari_index.outputs.files) when one
of them is no longer as it was; the cache stores nothing then (pari_index.intake.cache). A file
the system cannot tell changed (a pipe, a device) is not watched.

An input folder (a results folder given to ``pari report`` or ``pari explain``, ``--evidence-dir``)
is watched through what it holds (:func:`folder_view`): a file added, removed or replaced in it,
at any depth, is ``input-folder-changed``. A report written from a results folder whose
summary.csv a colleague replaced meanwhile was published (exit 0), and a commune's evidence
counted from a folder a synchronisation client was filling. The command's own outputs and
temporaries in the folder (``pari report res -o res/report.html``) are not looked at, nor the
lock files and thumbnails office programs leave beside the files they open or show. A symbolic
link in the folder is watched by what it names and what it leads to, not walked: a link
``minh-chung/2025`` pointed at another folder meanwhile changed every evidence file under it,
unseen, as both folders' files were. Past :data:`FOLDER_ENTRIES` entries a folder is walked no
further, and a folder that cannot be listed (mode 0311) is not walked into; the files the command
reads from such a folder are watched on their own from when it reads them (:func:`watch_within`:
the evidence files a run checks).

Only a folder the command reads as a folder is walked, and only as far as it reads it
(:class:`InputFolder`): an evidence folder whole, a results folder by its tables. A folder given
where a file is read (``--communes ~``, ``pari report /``) is watched as a folder, not looked
into: it is refused by its reader, and it was walked first, 204,000 entries looked at one by
one before "this is a folder, not a file" (minutes on a shared network drive).

The command's outputs are noted as they were when their paths were checked
(:func:`note_outputs`, from pari_index.outputs.paths.check_paths), and one another program wrote
meanwhile, and that is not an output of pari-index (another run's), is ``output-changed`` (exit
4): it is not replaced, nothing is put in place.

Only the standard library and :mod:`pari_index.errors` are imported (a shared helper).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pari_index.errors import IntakeError, OutputError, PariError, Problem
from pari_index.system.input_content import Contents, same_bytes

#: What tells a regular file apart from a changed one.
Identity = tuple[int, int, int, int, int]

#: A symbolic link in a watched folder: what it names (os.readlink) and the identity of the
#: regular file it leads to (None for anything else, or nothing).
Link = tuple[str, Identity | None]

#: What an input folder holds: each entry below it by its path from the folder ("a/b.pdf"; a
#: sub-folder ends with "/") -> the identity of a regular file, a :data:`Link`, None for anything
#: else.
FolderView = dict[str, Identity | Link | None]

#: Entries looked at in one input folder (a national evidence folder holds some 100,000 files);
#: past them the folder is walked no further (a home folder given by mistake is not walked whole),
#: and the files read from it are watched on their own (:func:`watch_within`).
FOLDER_ENTRIES = 250_000

#: The temporaries pari-index writes beside an output (pari_index.outputs.path_shapes.TEMPORARY): a
#: report written into an input folder is no change of the folder.
_OWN_TEMPORARY = re.compile(r"\.pari-(tmp|old)-\d+")
#: The folders a run in batches spills to in the temporary folder (pari_index.system.temporaries.SPILL_NAME,
#: written again here: this module imports no other of the package's): with TMPDIR inside the
#: evidence folder, a run's own spills made it refuse itself, "changed by another program".
_SPILL = re.compile(r"pari-(?:raw|ahead|detail|intake)-(?:\d+-)?[a-z0-9_]{8}")
#: What the office's programs put into a folder by opening or showing its files, no input of a
#: run: the lock files of Excel and Word (``~$plan.docx``) and LibreOffice (``.~lock.plan.docx#``),
#: the thumbnails and settings of Windows Explorer and the Finder. A clerk opening an evidence file
#: in Word while the run read the folder made it refuse the run.
_CLUTTER = re.compile(r"~\$.*|\.~lock\..*#|\.DS_Store|Thumbs\.db|desktop\.ini", re.IGNORECASE)


def office_clutter(name: str) -> bool:
    """Whether the entry ``name`` is a lock file or a thumbnail an office program left (_CLUTTER)."""
    return _CLUTTER.fullmatch(name) is not None


@dataclass(frozen=True)
class InputFolder:
    """An input the command reads as a folder, and what it reads of it: the files ``names`` at
    its top (a results folder's tables), or every entry at any depth when ``names`` is None (an
    evidence folder). An input given to :func:`watching` as a plain path is read as a file: a
    folder there is watched as a folder, not looked into."""

    path: str | Path
    names: tuple[str, ...] | None = None


@dataclass(frozen=True)
class _Watch:
    given: str  # the name as given
    before: Identity | FolderView  # what it was when the watch began
    besides: frozenset[str]  # absolute paths not looked at in a folder (the command's outputs)
    names: tuple[str, ...] | None = ()  # what of a folder is looked at (InputFolder.names)
    whole: bool = True  # a folder's view holds all of it that may be read (:func:`watch_within`)
    again: bool = True  # a folder is looked at again (not past FOLDER_ENTRIES: :func:`_first_view`)
    contents: Contents | None = None  # a file's first SHA-256 (pari_index.system.input_content)


#: The inputs watched by the commands under way: absolute path -> its watch.
_watched: dict[str, _Watch] = {}
#: The files read from a watched folder not walked whole, each watched on its own: the
#: folder's absolute path -> each file's path -> its identity when it was read (:func:`watch_within`).
_within: dict[str, dict[str, Identity | None]] = {}


def identity(path: str | Path) -> Identity | None:
    """Device, inode, size, modification and change times of a regular file (links followed);
    None for anything else or a file that cannot be looked at."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _is_folder(path: str | Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def folder_view(root: str | Path, besides: frozenset[str] = frozenset()) -> FolderView:
    """What the folder ``root`` holds, at any depth (:data:`FolderView`), in a fixed order (names
    sorted), without pari-index's temporaries and the paths ``besides`` (the command's outputs,
    resolved as ``root`` is: :func:`_real`), up to FOLDER_ENTRIES entries. A sub-folder that
    cannot be listed is an entry with nothing below it; one on the way to an output is walked but
    not itself an entry (the command makes it: ``-o minh-chung/ket-qua/out.xlsx``)."""
    return _walk(root, besides)[0]


def _walk(root: str | Path, besides: frozenset[str]) -> tuple[FolderView, bool, bool]:
    """:func:`folder_view`, whether it holds the folder whole (every folder in it listed, and no
    more than FOLDER_ENTRIES entries), and whether the walk was cut at FOLDER_ENTRIES."""
    view: FolderView = {}
    whole = True
    on_the_way = frozenset(str(parent) for output in besides for parent in Path(output).parents)
    stack = [("", os.fspath(root))]
    while stack:
        prefix, folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except (OSError, ValueError):
            whole = False  # a folder whose files are reached by name, not listed (mode 0311)
            continue
        for entry in entries:
            if len(view) >= FOLDER_ENTRIES:
                return view, False, True
            if _OWN_TEMPORARY.search(entry.name) or _CLUTTER.fullmatch(entry.name) or _SPILL.fullmatch(entry.name):
                continue
            if entry.path in besides:
                continue
            try:
                walked = entry.is_dir(follow_symlinks=False)
                link = not walked and entry.is_symlink()
            except OSError:
                walked = link = False
            if walked:
                if entry.path not in on_the_way:
                    view[f"{prefix}{entry.name}/"] = None
                stack.append((f"{prefix}{entry.name}/", entry.path))
            else:
                view[prefix + entry.name] = _link(entry.path) if link else identity(entry.path)
    return view, whole, False


def _link(path: str) -> Link:
    """What the symbolic link ``path`` names, and the identity of the file it leads to."""
    try:
        named = os.readlink(path)
    except (OSError, ValueError):
        named = ""
    return (named, identity(path))


def named_view(root: str | Path, names: tuple[str, ...]) -> FolderView:
    """What the folder ``root`` holds under ``names`` (the files a command reads from it, none
    listed): each one there by its :data:`FolderView` entry, those not there left out."""
    view: FolderView = {}
    for name in names:
        path = os.path.join(root, name)
        try:
            if os.path.islink(path):
                view[name] = _link(path)
            elif os.path.lexists(path):
                view[name] = identity(path)
        except (OSError, ValueError):
            continue
    return view


def _view(root: str, names: tuple[str, ...] | None, besides: frozenset[str]) -> FolderView:
    """What of the folder ``root`` (resolved) is watched: :class:`InputFolder`."""
    return folder_view(root, besides) if names is None else named_view(root, names)


def _first_view(root: str, names: tuple[str, ...] | None, besides: frozenset[str]) -> tuple[FolderView, bool, bool]:
    """:func:`_view` when the watch begins, whether it holds all the folder may be read from, and
    whether it is looked at again: not a folder past FOLDER_ENTRIES (an empty view then). Which
    entries a cut walk reaches shifts with any file added before its cut (``--evidence-dir /``:
    the other programs' files in /tmp made the run "changed by another program", 92 files under
    /root it never read), and walking it again at each check cost about 2 s (5 CPU s and 356 MB
    for the example run, against 1.2 and 167 MB): its files read are watched on their own
    (:func:`watch_within`)."""
    if names is not None:
        return named_view(root, names), True, True
    view, whole, cut = _walk(root, besides)
    return ({}, False, False) if cut else (view, whole, True)


def absolute(path: str | Path) -> str:
    """``path`` made absolute without changing the file it names. os.path.abspath takes ``..``
    away with the name before it, and the system does not: ``link/../communes.csv`` names the
    register in the folder above the link's target, abspath the one beside the link. The watch
    and the run's digests took that other file for the input: every run given such a name was
    refused as changed while read (the two files' identities compared), and with no file beside
    the link too. A path with ``..`` in it has its folders resolved as the system resolves them
    (its last part kept: a link stays the link); any other is made absolute as abspath does."""
    try:
        text = os.fspath(path)
        if os.pardir not in text.replace(os.altsep or os.sep, os.sep).split(os.sep):
            return os.path.abspath(text)
        head, tail = os.path.split(text)
        if tail in ("", os.curdir, os.pardir):
            return os.path.realpath(text)
        return os.path.join(os.path.realpath(head), tail)
    except (OSError, ValueError, TypeError):
        return str(path)


def _key(path: str | Path) -> str:
    return absolute(path)


@contextlib.contextmanager
def watching(
    paths: Iterable[str | Path | InputFolder | None], besides: Iterable[str | Path | None] = ()
) -> Iterator[None]:
    """Watch the regular files and folders among ``paths`` while the block runs, a folder as far
    as the command reads it (:class:`InputFolder`); ``besides`` are the command's outputs, not
    looked at in a watched folder. An input already watched (by the command that called this)
    keeps what it was when its watch began."""
    added: list[str] = []
    if not _depth:
        _at_end[0] = "none"
    _depth.append(None)
    left_out = frozenset(_real(p) for p in besides if p is not None)
    contents = Contents(identity)
    try:
        # Inside the ``try``: a file is hashed here (system.input_content), and a Ctrl-C meanwhile left
        # the watch of a library caller's process half begun.
        for given in paths:
            if given is None:
                continue
            path, names = (given.path, given.names) if isinstance(given, InputFolder) else (given, ())
            key = _key(path)
            if key in _watched:
                continue
            found: Identity | FolderView | None = identity(path)
            whole = again = True
            if found is None and _is_folder(path):
                found, whole, again = _first_view(_real(key), names, left_out)
            if found is not None:
                _watched[key] = _Watch(str(path), found, left_out, names, whole, again, contents)
                added.append(key)
                if not isinstance(found, dict):
                    contents.add(key, found)
        yield
    finally:
        contents.close()
        for key in added:
            _watched.pop(key, None)
            _within.pop(key, None)
        _depth.pop()
        if not _depth:
            _at_end[0] = _outputs_now()
            _outputs.clear()
            _put.clear()
            _made.clear()


def _now(key: str, watch: _Watch) -> Identity | FolderView | None:
    if isinstance(watch.before, dict):
        if not watch.again:
            return {} if _is_folder(key) else None
        return _view(_real(key), watch.names, watch.besides) if _is_folder(key) else None
    return identity(key)


def _changed_entries(key: str, before: FolderView, now: FolderView | Identity | None) -> list[str]:
    """The entries of the watched folder ``key`` added, removed or replaced since its watch
    began, and the files read from it since changed (:func:`watch_within`), sorted (every entry
    when the folder itself is gone or replaced by a file)."""
    if not isinstance(now, dict):
        return sorted(before) or ["."]
    found = {k for k in before.keys() | now.keys() if before.get(k, 0) != now.get(k, 0)}
    read = _within.get(key, {})
    found |= {os.path.relpath(path, key) for path, was in read.items() if identity(path) != was}
    return sorted(found)


def watch_within(folder: str | Path, files: Iterable[str | Path]) -> None:
    """``files``, read from the watched folder ``folder`` now, watched on their own until its
    watch ends, when that folder could not be walked whole: too large (:data:`FOLDER_ENTRIES`), or
    a folder in it whose files are reached by name but that cannot be listed (mode 0311, a shared
    drop folder). A file past the entries looked at, or in such a folder, replaced during the run
    would go unseen. A file read before keeps what it was when first read."""
    key = _key(folder)
    watch = _watched.get(key)
    if watch is None or watch.whole:
        return
    read = _within.setdefault(key, {})
    for file in files:
        path = os.path.join(key, file)
        if path not in read:
            read[path] = identity(path)


def changed() -> list[str]:
    """The watched inputs (as given) that are no longer as they were when their watch began:
    files written, replaced, deleted; folders with a file added, removed or replaced."""
    return [problem.file or "" for problem in changed_problems()]


def changed_problems() -> list[Problem]:
    """``input-changed`` for each watched file, ``input-folder-changed`` for each watched folder,
    that changed since its watch began; a file by its bytes when its first hash was taken
    (:func:`_file_changed`)."""
    problems = []
    for key, watch in list(_watched.items()):
        if isinstance(watch.before, dict):
            entries = _changed_entries(key, watch.before, _now(key, watch))
            if entries:
                problems.append(folder_changed_problem(watch.given, entries))
        elif _file_changed(key, watch):
            problems.append(changed_problem(watch.given))
    return problems


def _file_changed(key: str, watch: _Watch) -> bool:
    """Whether the watched file ``key`` changed: gone or no longer a file; else, when its bytes
    were hashed as its watch began (pari_index.system.input_content), whether they differ now
    (session 37: a file saved again with the same bytes was "changed", exit 1; one rewritten with
    other bytes within its disk's time resolution, unchanged); else whether its identity differs."""
    now = identity(key)
    if now is None:
        return True
    first = watch.contents.first(key) if watch.contents is not None else None
    same = same_bytes(key, first)
    return now != watch.before if same is None else not same


def first_sha256(path: str | Path) -> str | None:
    """The SHA-256 of the watched file ``path`` taken as its watch began, while it is still the
    file it was (its identity unchanged): the run's digests (pari_index.intake.file_digests) use it
    rather than read the file once more. None for any other path."""
    key = _key(path)
    watch = _watched.get(key)
    if watch is None or watch.contents is None or isinstance(watch.before, dict):
        return None
    first = watch.contents.first(key)
    return first if first is not None and identity(key) == watch.before else None


def hashed(path: str | Path) -> bool:
    """Whether the file ``path`` is watched and hashed as its watch began (:func:`first_sha256`)."""
    watch = _watched.get(_key(path))
    return watch is not None and watch.contents is not None and not isinstance(watch.before, dict)


def with_changes(error: PariError) -> PariError:
    """``error`` of a command or a library call whose inputs changed while they were read, with
    those changes told first (``input-changed``, exit 1): until session 36 a file deleted mid-run
    by another program (a synchronised folder, a colleague tidying the share) was "file not found
    … check the path" of a file that was there when the run began, one emptied or cut short "the file
    is empty … export the sheet again": the reader's words of what it met, not what happened.
    The reader's problems follow, as they were, and the error keeps its kind and exit status (a
    library caller's ``except OutputError`` still catches it). Not once an output is in place: the
    results were written from inputs checked unchanged (:func:`check_unchanged`), and a change
    after it has nothing to do with the error. In the review of session 36 ``pari score --strict``
    with an input saved after its results were written was "the file changed …: nothing was
    written" (exit 1) of results written, "--strict: … (results written to kq.xlsx)" below it,
    where it was exit 3; a disk full (exit 4) or a refused option (exit 2) were exit 1."""
    if _put or any(p.code in ("input-changed", "input-folder-changed") for p in error.problems):
        return error
    changes = changed_problems()
    return type(error)([*changes, *error.problems], exit_code=error.exit_code) if changes else error


def check_unchanged() -> None:
    """Raise ``input-changed`` or ``input-folder-changed`` (exit 1) for each watched input that
    changed since its watch began, else ``output-changed`` (exit 4) for each output that another
    program wrote since its path was checked: called before an output is put in place or a result
    printed."""
    problems = changed_problems()
    if problems:
        raise IntakeError(problems)
    taken = [
        output_changed_problem(given)
        for key, (given, before, ours) in list(_outputs.items())
        if _state(key) != before and not ours(given)
    ]
    if taken:
        raise OutputError(taken)


# ---------------------------------------------------------------------------------------------
# Outputs another program writes while the command runs

#: Each output of the commands under way (its absolute path) -> (the name as given, what was
#: there when its path was checked (:data:`OutputState`), and the judge of whether what is there now may be
#: replaced: :func:`note_outputs`). pari-index replaces only its own earlier outputs
#: (pari_index.outputs.paths), judged when the command starts; a file saved under the output's
#: name while the run went on (Excel's "Save as" results.xlsx of one's own budget, a colleague's
#: page copied in as report.html) was replaced by the new output a minute later, unseen: the
#: user's file was lost (exit 0).
_outputs: dict[str, tuple[str, OutputState, Callable[[str], bool]]] = {}
#: The noted outputs the command put in place (:func:`placed`).
_put: set[str] = set()
#: The outputs' folders the command made (:func:`placed`, not ``written``): no earlier output.
_made: set[str] = set()
#: What became of the outputs of the last command, when its watch ended (:func:`outputs_at_end`).
_at_end: list[str] = ["none"]
#: One element per :func:`watching` block under way: outputs are noted only inside one (a command),
#: and forgotten when the outermost ends.
_depth: list[None] = []


def _real(path: str | Path) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return str(path)


#: What is at an output's path: the file its links lead to (``latest.xlsx`` → ``2025/results.xlsx``:
#: a link pointed elsewhere meanwhile, at the user's budget.xlsx, made the run replace that file),
#: whether anything is there (a dangling link is something), and a regular file's identity.
OutputState = tuple[str, bool, Identity | None]


def _state(key: str) -> OutputState:
    try:
        there = os.path.lexists(key)
    except (OSError, ValueError):
        there = False
    return (_real(key), there, identity(key))


def _never(_path: str) -> bool:
    return False


def note_outputs(paths: Iterable[str | Path], ours: Callable[[str], bool] = _never) -> None:
    """Note what is at each output path when it is checked (pari_index.outputs.paths.check_paths),
    inside a command's watch; a path noted before keeps its first state. ``ours(path)`` tells
    whether what is there now, if it changed, may still be replaced: an output of pari-index
    (another run's writing the same results at the same time) may, a user's file may not."""
    if not _depth:
        return
    for path in paths:
        key = _key(path)
        if key not in _outputs:
            _outputs[key] = (str(path), _state(key), ours)


def placed(path: str | Path, below: bool = True, written: bool = True) -> None:
    """The command put its own output at ``path`` (a file, or a folder and, ``below``, what is in
    it; a folder it made for an output, without, and not ``written``): what is there now is the
    command's, not another program's. A folder made for an output is no output written: counted
    as one, ``kill`` during ``pari demo-data`` said "after the outputs were written" (exit 143)
    of a set never put in place, its folder removed again (session 40)."""
    key = _real(path)
    for noted, (given, _, ours) in list(_outputs.items()):
        real = _real(noted)  # the output written through its links
        if real == key or (below and real.startswith(key.rstrip(os.sep) + os.sep)):
            _outputs[noted] = (given, _state(noted), ours)
            (_put if written else _made).add(noted)


def _outputs_now() -> str:
    """``written`` when the command put an output in place, else ``kept`` when one was there
    before it (left as it was), else ``none``."""
    if _put:
        return "written"
    return "kept" if any(state[1] for key, (_, state, _) in _outputs.items() if key not in _made) else "none"


def outputs_at_end() -> str:
    """What became of the outputs of the last command when it ended (a stop signal is told after
    its watch ended): ``written`` (one was put in place), ``kept`` (none was, and one was there
    before: the earlier outputs are as they were) or ``none`` (none was, and none was there: a
    stopped run with no earlier results said "the previous results are left as they were")."""
    return _at_end[0]


def output_changed_problem(path: str) -> Problem:
    return Problem(
        "output-changed",
        "another program wrote this file while pari-index ran (it was not there, or not as it is now, when the "
        "run began): it was not replaced, and nothing was written",
        file=path,
        hint="see whose file it is: keep it under another name or move it away, or choose another name for "
        "the output, then run again",
        params={},
    )


#: Entries a folder's refusal names (the count says how many there are in all).
NAMED_ENTRIES = 3


def folder_changed_problem(folder: str, entries: list[str]) -> Problem:
    names = ", ".join(entries[:NAMED_ENTRIES]) + (", …" if len(entries) > NAMED_ENTRIES else "")
    return Problem(
        "input-folder-changed",
        f"the folder changed while pari-index read it ({len(entries)} file(s) in it added, removed or replaced "
        f"by another program during the run: {names}): nothing was written, earlier outputs are left as they were",
        file=folder,
        hint="run again once nothing is being written into the folder: wait for the copy or the "
        "synchronisation to finish, or copy the folder to a place of your own first",
        params={"count": len(entries), "names": names},
    )


def changed_problem(path: str) -> Problem:
    return Problem(
        "input-changed",
        "the file changed while pari-index read it (written, replaced or deleted by another program "
        "during the run): nothing was written, earlier outputs are left as they were",
        file=path,
        hint="run again once the file is no longer being written: wait for the copy or the "
        "synchronisation to finish, close it in the program that saves it, or copy it to a folder of your own first",
        params={},
    )


#: The SHA-256 of what was read from an input that cannot be read twice (a pipe: ``--criteria
#: <(cat set.yaml)``), by the pipe's device and inode. ``pari report --criteria <(…)`` hashed the
#: set by reading the pipe again: it was empty by then (the SHA-256 of nothing, e3b0c442…, so
#: "results-criteria-edited", exit 2), and a named pipe written once waited for ever.
_read_from_pipes: dict[tuple[int, int], str] = {}


def _pipe(path: str | Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISFIFO(st.st_mode) else None


def remember_piped(path: str | Path, data: bytes) -> None:
    """Keep the SHA-256 of ``data``, read whole from the pipe ``path`` (nothing for a file)."""
    pipe = _pipe(path)
    if pipe is not None:
        _read_from_pipes[pipe] = hashlib.sha256(data).hexdigest()


def piped_sha256(path: str | Path) -> str | None:
    """The SHA-256 of what was read from the pipe ``path`` (:func:`remember_piped`), else None."""
    pipe = _pipe(path)
    return None if pipe is None else _read_from_pipes.get(pipe)


__all__ = [
    "FOLDER_ENTRIES",
    "FolderView",
    "Identity",
    "InputFolder",
    "Link",
    "absolute",
    "changed",
    "changed_problem",
    "changed_problems",
    "check_unchanged",
    "first_sha256",
    "folder_changed_problem",
    "folder_view",
    "hashed",
    "identity",
    "named_view",
    "note_outputs",
    "output_changed_problem",
    "outputs_at_end",
    "piped_sha256",
    "placed",
    "remember_piped",
    "watch_within",
    "watching",
]
