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
  lies inside a file another output writes, or holds one (``-o kq.xlsx --report
  kq.xlsx/r.html``): ``output-inside-output``;
* needs a folder where a file exists, or a file where a folder exists: ``output-not-a-folder``,
  ``output-is-a-folder``, ``output-folder`` (a parent is a file), ``output-special-file`` (a
  device such as ``/dev/null``, a pipe);
* has a name longer than the disk takes, or is in a folder where the system refuses new files
  (read-only, another user's): ``output-unwritable``;
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
  is an earlier output left read-only by that umask alone, which is replaced (:func:`read_only`);
* would be unreadable once written, the umask taking the owner's read permission (``umask 0777``):
  ``output-umask-unreadable``, whatever the outputs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from pari_index.errors import OutputError, Problem, UsageError
from pari_index.outputs.names import shown_name
from pari_index.outputs.path_identity import (
    SEEN,
    Identity,
    Source,
    Target,
    exists,
    inside,
    is_dir,
    output_problem,
    place_params,
    same_file,
)
from pari_index.outputs.path_names import case_twin, check_names, check_suffixes, not_portable, unreachable
from pari_index.outputs.path_shapes import shape_problem
from pari_index.outputs.replacing import changed_in_marked, not_ours, open_in_office, read_only, unreadable_umask
from pari_index.outputs.system_places import standard_stream, system_folder
from pari_index.system.input_watch import InputFolder, note_outputs
from pari_index.system.office_locks import open_in_office_input


def _read_from(written: Path, source: Source) -> bool:
    """Whether ``written`` is a file the input folder ``source`` supplies: one of the names read
    from it (a results folder), or any file already in it (an evidence folder)."""
    if source.reads:
        return any(same_file(written, source.path / name) for name in source.reads)
    return inside(written, source.path) and exists(written)


def _overwrites(target: Target, source: Source, written: Path) -> Problem:
    what = "" if written == target.path else f" (it writes {written})"
    how = "input" if written == target.path else "input_written"
    return output_problem(
        "output-is-input",
        f"{target.option} would overwrite the input {source.option} {source.path}{what}",
        target,
        "write the output under another name; inputs are never replaced",
        {"overwrite": how, **place_params(target, source), "written": str(written)},
    )


def _against_source(target: Target, source: Source) -> Problem | None:
    """The first way ``target`` would destroy ``source``, or None."""
    if same_file(target.path, source.path):
        return _overwrites(target, source, target.path)
    if is_dir(target.path) and inside(source.path, target.path):
        return output_problem(
            "output-contains-input",
            f"{target.option} is a folder that holds the input {source.option} {source.path}; "
            "writing there could replace it",
            target,
            "write the output into a new folder, outside the folders of the inputs",
            place_params(target, source),
        )
    for written in target.files:
        if same_file(written, source.path):
            return _overwrites(target, source, written)
    if is_dir(source.path) and not source.file:
        for written in (target.path, *target.files):
            if _read_from(written, source):
                return output_problem(
                    "output-is-input",
                    f"{target.option} would replace {written}, a file of the input folder "
                    f"{source.option} {source.path}",
                    target,
                    "write the results outside the input folder, or under a new name",
                    {"overwrite": "folder_file", **place_params(target, source), "written": str(written)},
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
    return output_problem(
        "output-in-evidence-folder",
        f"{target.option} {shown_name(target.path)} lies inside the evidence folder {source.option} "
        f"{shown_name(source.path)}: a file written there would be taken for a commune's evidence by the next run",
        target,
        "write the outputs outside the evidence folder (e.g. beside it)",
        {**place_params(target, source), "path": shown_name(target.path), "source": shown_name(source.path)},
    )


def _against_target(target: Target, other: Target) -> Problem | None:
    mine = (target.path, *target.files)
    theirs = (other.path, *other.files)
    if any(same_file(a, b) for a in mine for b in theirs):
        return output_problem(
            "output-clash",
            f"{target.option} and {other.option} would write the same file ({other.path})",
            target,
            f"give {target.option} and {other.option} different names",
            {**place_params(target), "other": other.option, "path": str(other.path)},
        )
    return _nested(target, other) or _nested(other, target)


def _nested(target: Target, other: Target) -> Problem | None:
    """``other`` written inside a file ``target`` writes, as inside a folder (``-o kq.xlsx
    --report kq.xlsx/bao-cao.html``, ``-o r.html/kq.xlsx --report r.html``): one of the two
    cannot be written. The first written made the folder (or the file), the other failed after
    the whole run (output-unwritable, "Is a directory", exit 4), and a folder named like a
    workbook was left holding a report of a ranking that was never written. A file inside a
    results folder (``-o kq --format csv --report kq/bao-cao.html``) is no such clash: the
    folder keeps the files that are not its tables."""
    files = (*target.files, *(() if target.folder else (target.path,)))
    for path in files:
        for written in (other.path, *other.files):
            if inside(written, path):
                return output_problem(
                    "output-inside-output",
                    f"{other.option} {written} would be written inside {target.option} {path}, "
                    "a file this run writes, as if it were a folder",
                    other,
                    f"give {other.option} a place of its own, beside {path} (not inside it)",
                    {
                        "option": other.option,
                        "written": shown_name(written),
                        "other": target.option,
                        "path": shown_name(path),
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
    there is (``output-in-evidence-folder``, exit 4), and one in a folder of the system's own as an
    output there is (``output-system-folder``: ``--cache /dev/bo-nho`` made a folder in the memory
    that holds the devices' names)."""
    check_names([("--cache", cache)])
    as_output = Target(cache, "--cache", folder=True)
    system = system_folder(as_output)
    if system is not None:
        raise OutputError([system])
    if not exists(cache):
        unportable = not_portable(as_output)
        if unportable is not None:
            raise OutputError([unportable])
    in_evidence = [
        p for s in inputs if not s.file and is_dir(s.path) and (p := _in_evidence_folder(as_output, s)) is not None
    ]
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


def check_paths(targets: Sequence[Target], sources: Sequence[Source]) -> None:
    """Refuse (OutputError, exit 4) outputs that are, contain or reach an input, outputs that
    clash with each other, and outputs of the wrong shape; and (UsageError, exit 2) any name that
    is not UTF-8 or whose ending says another kind of file. Reads no file's content."""
    check_names([*((t.option, t.path) for t in targets), *((s.option, s.path) for s in sources)])
    streams = [stream for target in targets if (stream := standard_stream(target)) is not None]
    if streams:  # a usage error, as ``-o -`` is (path-is-dash)
        raise UsageError(streams)
    unreadable = unreadable_umask(targets)
    if unreadable is not None:
        raise OutputError([unreadable])
    problems: list[Problem] = []
    token = SEEN.set({})
    try:
        for i, target in enumerate(targets):
            found = [_against_source(target, source) for source in sources]
            found += [_against_target(target, other) for other in targets[i + 1 :]]
            found += [system_folder(target), shape_problem(target), not_ours(target), read_only(target)]
            found += [open_in_office(target)]
            found += [unreachable(target) or refused_folder(target)]
            found += [not_portable(target), case_twin(target)]
            problems += [p for p in found if p is not None][:1]
    finally:
        SEEN.reset(token)
    if problems:
        raise OutputError(problems)
    # After the rules that keep inputs safe, which say the graver thing (-o NEW.yaml in pari diff).
    check_suffixes(targets)
    # What the rules judged, which another program may change before the outputs are put in place.
    for target in targets:
        note_outputs((target.path, *target.files), _replaceable(target))


def refused_folder(target: Target) -> Problem | None:
    """The folder an output is put in (its nearest folder that exists, where the missing ones
    would be made) when the system refuses new files there: a read-only folder or disk, another
    user's folder. Told before any work is done, in the system's words as the write would say it
    (output-unwritable): ``-o ro/ket-qua.xlsx`` scored the whole province first, then failed.
    Asked of the system (os.access) first; only where it says no is a file made and removed to be
    sure (a share's access list may allow what the mode bits do not), named as a temporary of
    pari-index's that the next run removes should this one be killed in between."""
    folder = next((p for p in target.path.parents if exists(p)), None)
    if folder is None or not is_dir(folder) or os.access(folder, os.W_OK | os.X_OK):
        return None
    import tempfile  # the rare path: a folder the system says no to

    from pari_index.outputs.files import clean_stale  # polars, imported only for the refusal

    # The probes of runs killed while theirs existed (one beside the output is removed when it is
    # written; one in a folder further up only here, where the next probe is made).
    clean_stale(folder / ".pari-probe")
    try:
        fd, name = tempfile.mkstemp(prefix=f".pari-tmp-{os.getpid()}-", suffix=".tmp", dir=folder)
    except OSError as exc:
        from pari_index.outputs.files import os_problem  # polars, imported only for the refusal

        return os_problem(exc, target.path)
    except ValueError:
        return None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return None


def _replaceable(target: Target) -> Callable[[str], bool]:
    """Whether a file of ``target`` that changed during the run may still be replaced, by the rule
    of :func:`not_ours` (another run's output may: two runs writing the same results at once)."""

    def ours(path: str) -> bool:
        return not_ours(dataclasses.replace(target, path=Path(path), files=(), folder=False)) is None

    def in_marked(path: str) -> bool:  # a file of demo-data's folder: as the folder's marker lists it
        marker = target.path / (target.marker or "")
        if Path(path) == marker:
            return True  # the marker itself, which the rule at the start does not judge either
        if Path(path) == target.path or not exists(marker):
            return ours(path)
        return changed_in_marked(dataclasses.replace(target, files=(Path(path),)), marker) is None

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


def open_inputs(inputs: Sequence[Source]) -> list[Problem]:
    """The warnings of the files among ``inputs`` (a folder's by the tables it reads) that are open
    in Excel or LibreOffice (system.office_locks.open_in_office_input): what is read is the file as
    last saved. ``pari score`` told it of the tables it reads (session 34); until session 35 ``pari
    criteria import`` of an annex open in Excel, ``pari report`` and ``pari explain`` of results open
    there and ``pari score --previous`` said nothing. A file that cannot be looked at gets none
    (the reading says what is wrong with it)."""
    found: list[Problem] = []
    for source in inputs:
        for path in [source.path / name for name in source.reads] if source.reads else [source.path]:
            opened = open_in_office_input(path)
            if opened is not None:
                found.append(opened)
    return found


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


#: The options of the commands that name a folder read from (any file in it): every other path
#: of ``sources`` names a file, and a folder given there is not one pari-index reads.
FOLDER_OPTIONS = frozenset({"--evidence-dir"})


def sources(*groups: tuple[str, str | Path | Sequence[str | Path] | None]) -> list[Source]:
    """Sources from ``(option, path or paths or None)`` pairs, the Nones left out. ``pari score
    forms -o forms/kq.xlsx`` (a folder of forms given as the assessments) was "-o lies inside the
    evidence folder ASSESSMENTS forms: … taken for a commune's evidence", of a folder that is no
    evidence and that pari-index does not read (``is-a-directory``, said by the reading)."""
    found: list[Source] = []
    for option, value in groups:
        if value is None:
            continue
        values = [value] if isinstance(value, str | os.PathLike) else list(value)
        found += [Source(Path(v), option, file=option not in FOLDER_OPTIONS) for v in values]
    return found
