"""Names a path may not have: too long for the disk, through a file, not portable to Windows
(device names such as ``CON``, forbidden characters, a final dot or space), ``-`` or an empty
name, bytes that are not UTF-8, and an ending that says another kind of file than the one
written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from pari_index.errors import Problem, UsageError, path_form, quoted
from pari_index.outputs.names import shown_name
from pari_index.outputs.path_identity import Target, exists, is_dir, output_problem, regular

#: The longest file name most disks take (bytes); a temporary name must fit as well.
NAME_MAX = 255
#: The longest path the system takes (bytes, Linux), and what the temporary names and the tables
#: of a results folder add to an output's path.
PATH_MAX = 4096
TEMP_NAME_BYTES = 64


def unreachable(target: Target) -> Problem | None:
    """A name too long for the disk, or a path through a file: refused before any work is done
    (the write would fail at the very end of a long run)."""
    for part in (target.path, *target.path.parents):
        if len(os.fsencode(part.name)) > NAME_MAX:
            return output_problem(
                "output-name-too-long",
                f"{target.option}: a name in the path is longer than {NAME_MAX} bytes",
                target,
                "the name is too long for the disk: choose a shorter name",
                {"option": target.option, "limit": str(NAME_MAX)},
            )
    longest = len(os.fsencode(os.path.abspath(target.path))) + TEMP_NAME_BYTES
    if longest > PATH_MAX:
        return output_problem(
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
        if exists(parent):
            if is_dir(parent):
                return None
            if os.path.islink(parent) and not os.path.exists(parent):
                # A link whose target is missing or that leads back to itself was "a file" here.
                return output_problem(
                    "output-folder-broken-link",
                    f"{target.option}: {parent} is a symbolic link that leads to no folder (its target "
                    "is missing, or the links loop)",
                    target,
                    "point the link at a folder that exists, or choose another folder",
                    {"option": target.option, "path": str(parent)},
                )
            return output_problem(
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
        if part != target.path and (part.name in ("", ".", "..") or exists(part)):
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


def _alike(name: str) -> str:
    """A name as Windows and macOS compare names: without letter case, composed (NFC)."""
    import unicodedata

    return unicodedata.normalize("NFC", name).casefold()


def case_twin(target: Target) -> Problem | None:
    """A new output whose name differs from an entry beside it only in letter case (or in case and
    Unicode form): ``-o Ngan-Sach.xlsx`` beside the user's ``ngan-sach.xlsx`` was written, exit 0,
    a second file Windows and macOS take for the first: copied there (a shared folder, a zip
    opened on Windows), one replaced the other without a word. An entry of the very same name
    is the rule of replacing's (not_ours), a twin in Unicode form alone is found and replaced
    as the same name (system.spelling)."""
    path = target.path
    try:
        if os.path.lexists(path) or not is_dir(path.parent if str(path.parent) else Path()):
            return None
        names = os.listdir(path.parent if str(path.parent) else ".")
    except (OSError, ValueError):
        return None
    twins = sorted(n for n in names if n != path.name and _alike(n) == _alike(path.name))
    if not twins:
        return None
    return output_problem(
        "output-case-twin",
        f"{target.option} {path.name}: {twins[0]} is beside it, a name Windows and macOS take for the same: "
        "copied there, one would replace the other",
        target,
        "to replace that file, give its name as it is written; else choose a name of its own",
        {"option": target.option, "name": path.name, "twin": twins[0]},
    )


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


def dash_named(option: str, value: str) -> Problem:
    """An output typed with a name that begins with a dash (cli_params.refuse_dash_names)."""
    return Problem(
        "output-name-dash",
        f"{option} {value}: a name that begins with «-» is taken for an option by other programs (rm, cp, "
        "libreoffice …): a mistyped option or name?",
        hint=f"give the name without the «-»; for a file really so named, write ./{value}",
        params={"option": option, "name": value},
    )


def input_named_with_dash(value: str, option: str, command: str) -> Problem:
    """A file given as an argument whose name begins with a dash (``pari score -2025.csv``,
    ``pari validate -nhap.yaml``, ``pari report -kq.xlsx``): click reads it as options, and answered
    "No such option: -2" of a file that is there, naming neither the file nor what to type. An
    output so named is :func:`dash_named`; an option's value (``--communes -dv.csv``) is read as
    the file it names."""
    return Problem(
        "input-name-dash",
        f"{value}: a name that begins with «-» is read as an option, not as a file ({command} has no option {option})",
        hint=f"to give this file, write ./{value} (or put -- before the file names); for an option, correct its "
        "name (--help lists them)",
        params={"value": value, "command": command, "option": option},
    )


def input_read_as_options(value: str, options: str, command: str) -> Problem:
    """A file given as an argument whose name click reads as the command's short options with a
    value (``pari score -o.csv``: ``-o`` given ``.csv``; cli_params.refuse_files_read_as_options):
    told as the options it was read as, and how to give the file."""
    return Problem(
        "input-name-options",
        f"{value}: a name that begins with «-» is read as options of {command} ({options}), not as a file",
        hint=f"to give this file, write ./{value} (or put -- before the file names); to give an option its value, "
        "put a space after the option",
        params={"value": value, "command": command, "options": options},
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


def blank_path(option: str, value: str) -> Problem:
    """A name of spaces alone given for a path, that no file here has (cli_params._blank)."""
    return Problem(
        "path-blank",
        f"{option}: the name given is only spaces («{value}»): a variable holding a space, or a name left out?",
        hint="give the file's name",
        params={"option": option, "name": value},
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


def _ending_alone(target: Target) -> Problem | None:
    """An output named by an ending alone (``-o .xlsx``, ``--report .html``; ``-o.xlsx`` typed
    with no space is that too): to Python and to ``ls`` a hidden name without any ending, so
    ``pari score`` wrote a hidden folder ``.xlsx/`` of CSV tables (exit 0) and the other commands
    said "the file must end in .xlsx" of a name that does."""
    shown = shown_name(target.path)
    if target.path.name.lower() not in FILE_SUFFIXES:
        return None
    return Problem(
        "output-name-only-ending",
        f"{target.option} {shown}: the name is only an ending, with no name before it (a file so named is hidden)",
        hint=f"write a name before the ending, e.g. ket-qua{target.path.name}",
        params={"option": target.option, "path": shown, "ending": target.path.name},
    )


def _wrong_suffix(target: Target) -> Problem | None:
    """An output whose name's ending says another kind of file than the one written."""
    alone = _ending_alone(target)
    if alone is not None:
        return alone
    suffix = target.path.suffix.lower()
    if exists(target.path) and not regular(target.path) and not is_dir(target.path):
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
