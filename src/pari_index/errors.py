"""One exception family for everything a user can cause.

Every problem is a :class:`Problem`: a typed record naming the file, the place in it (YAML line and
column, or spreadsheet sheet and row), what is wrong and what to do. A :class:`PariError` carries one
or more problems, so a loader can report every mistake in a file at once instead of stopping at the
first. The CLI prints problems as a table and exits with the error's ``exit_code``; it never shows a
traceback for a ``PariError``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

#: Exit statuses of the ``pari`` command (documented in docs/errors.md).
EXIT_OK = 0
EXIT_INVALID_INPUT = 1
EXIT_USAGE = 2
EXIT_STRICT_FINDINGS = 3
EXIT_OUTPUT = 4
EXIT_INTERNAL = 70  # a bug in pari-index (or a library it uses), not a problem with the input

#: Longest message or hint a Problem keeps (docs/limits.md, "Messages"): a cell of 10 MB quoted in a
#: message must not travel on to the console, the findings sheet and the report.
MAX_MESSAGE_CHARS = 500
#: Longest column name (``field``) a Problem keeps: it is repeated in every location.
MAX_FIELD_CHARS = 200
#: Longest file name (``file``, with its folders) a problem's location shows, cut in its middle.
#: The problem keeps the whole name (the findings table's ``file`` column names the input).
MAX_FILE_CHARS = 200


def shorten(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` cut to at most about ``limit`` characters, saying how long it was: for messages built
    from what a user typed (cell values, names, paths). The length is said in English
    (:func:`cut_mark`); :func:`in_language` says it in the output's language where it is shown."""
    if len(text) <= limit:
        return text
    return text[:limit] + cut_mark(len(text))


def cut_mark(length: int) -> str:
    """What ends a text cut short: its whole length, in English (the one way every cutter writes it)."""
    return f"… ({length:,} characters)"


_CUT_MARK = re.compile(r"… \((\d{1,3}(?:,\d{3})*) characters\)")


def in_language(text: str, lang: str) -> str:
    """``text`` with the length of each cut value (:func:`cut_mark`) said in ``lang``: a message in
    Vietnamese quoting a 1 MB cell read "… (1,000,000 characters)" in English."""
    if lang != "vi" or "characters)" not in text:
        return text
    return _CUT_MARK.sub(lambda m: f"… ({m.group(1).replace(',', '.')} ký tự)", text)


def shorten_path(text: str, limit: int = MAX_FILE_CHARS) -> str:
    """A path cut to ``limit`` characters in its middle: its start (the drive, the first folders)
    and its end (the file's own name, the part a user looks for) are kept. Cut at its end, as a
    value is, a long Windows path lost the name of the file in question."""
    if len(text) <= limit:
        return text
    head = limit // 2
    return f"{text[:head]}…{text[-(limit - head - 1) :]}"


#: Text that is only printable ASCII: nothing to show otherwise.
_PRINTABLE = re.compile(r"[ -~]*")
#: Control, format (bidi, zero-width), line and paragraph separator characters.
_UNSEEN = frozenset({"Cc", "Cf", "Zl", "Zp"})


def quoted(text: object) -> str:
    """A user's text quoted in a message as officials read it, «like this» (never Python's repr:
    'x', ["a", "b"]), its control and invisible characters shown (:func:`visible`)."""
    return f"«{visible(str(text))}»"


def visible(text: str) -> str:
    """``text`` (a file, sheet or column name in a place, a message) with each control, format (bidi,
    zero-width) or separator character written as ``<U+XXXX>``: a name may hold a line feed, a
    carriage return or a terminal's escape sequence (``x\\x1b]0;…\\x07.csv``), which printed as they
    are forge lines of the console, retitle the terminal or hide the name."""
    if _PRINTABLE.fullmatch(text):
        return text
    # Only the runs past printable ASCII are looked at a character at a time: a heading of a few
    # thousand letters, one of them Vietnamese, is quoted twice in each of its findings (1,900
    # such headings of an .xlsx of 39 KB: 5 CPU s here until session 32).
    return _NOT_PLAIN.sub(_shown, text)


def shown_path(path: object) -> str:
    """A path as a line pari prints names it (``Written: …``, ``writing …``, the banner of files
    left out, the files of a demo set, a cache note): its control characters shown as
    :func:`visible` shows them. A name from a zip or a Linux share may hold a line feed or a
    terminal's escape sequence (``kq\x1b[2J``): printed as it is, it broke the line in two
    (``INCOMPLETE: bad`` / ``name.csv could not be read``) or cleared the user's terminal, where
    every finding already showed it as ``<U+000A>``."""
    return visible(str(path))


#: Runs of characters other than printable ASCII, where a control or invisible character may be.
_NOT_PLAIN = re.compile(r"[^ -~]+")


def _shown(run: re.Match[str]) -> str:
    return "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c) in _UNSEEN else c for c in run.group())


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located as precisely as the input allows."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    row: int | None = None
    field: str | None = None
    hint: str | None = None
    #: "error" (the input was not used) or "warning" (used, but check it); warnings only fail a
    #: run under --strict.
    severity: str = "error"
    #: The named parameters of the message (pari_index.messages.CATALOGUE): outputs render the
    #: message from them in their own language; ``message`` is the English sentence for the console.
    params: Mapping[str, Any] | None = dataclass_field(default=None, compare=False, hash=False)
    #: The language ``message`` and ``hint`` are written in.
    lang: str = "en"

    def __post_init__(self) -> None:
        # Cut in one place, so that every problem is bounded whoever built it.
        if len(self.message) > MAX_MESSAGE_CHARS:
            object.__setattr__(self, "message", shorten(self.message))
        if self.hint is not None and len(self.hint) > MAX_MESSAGE_CHARS:
            object.__setattr__(self, "hint", shorten(self.hint))
        if self.field is not None and len(self.field) > MAX_FIELD_CHARS:
            object.__setattr__(self, "field", shorten(self.field, MAX_FIELD_CHARS))

    @property
    def location(self) -> str:
        """``file:line:column`` for YAML, ``file [sheet] row N`` for spreadsheets."""
        return self.located("en")

    def located(self, lang: str) -> str:
        """:attr:`location` in ``lang`` ("hàng", "cột" in Vietnamese)."""
        row_word, column_word, line_word = ("hàng", "cột", "dòng") if lang == "vi" else ("row", "column", "line")
        parts: list[str] = []
        if self.file:
            parts.append(shorten_path(visible(self.file)))
        if self.line is not None:
            where = f"{self.line}"
            if self.column is not None:
                where += f":{self.column}"
            parts[-1:] = [f"{parts[-1]}:{where}" if parts else f"{line_word} {where}"]
        if self.sheet:
            parts.append(f"[{visible(self.sheet)}]")
        if self.row is not None:
            parts.append(f"{row_word} {self.row}")
        if self.field:
            parts.append(f"{column_word} {quoted(self.field)}")
        return in_language(" ".join(parts), lang) if parts else "-"

    @property
    def _placed(self) -> bool:
        return bool(self.file or self.line is not None or self.sheet or self.row is not None or self.field)

    def render(self, lang: str = "en") -> str:
        """The problem for the console. In English its own message and hint; in Vietnamese the
        message catalogue's (pari_index.messages), filled with its parameters. The code in
        brackets is the stable id to look up in docs/errors.md."""
        from pari_index.messages import render, render_hint

        location = self.located(lang) if self._placed else ""
        message, hint = self.message, self.hint
        if lang != self.lang:
            message = render(self.code, self.params, lang, message=self.message, written=self.lang)
            hint = render_hint(self.code, lang, self.hint, self.lang, self.params) or None
        elif hint is None:
            # A site without a hint of its own: its kind's, as the other language gets it.
            hint = render_hint(self.code, lang, None, self.lang, self.params) or None
        # Whether there is a place, not whether it reads "-": a file named "-" is a place. The
        # message and hint may quote a name or a cell: their control characters are shown too.
        message = in_language(visible(message), lang)
        text = f"{location}: {message} [{self.code}]" if location else f"{message} [{self.code}]"
        if hint:
            text += f"\n    {'gợi ý' if lang == 'vi' else 'hint'}: {in_language(visible(hint), lang)}"
        return text


class PariError(Exception):
    """Base of every error a user's input or command line can cause."""

    default_exit_code = EXIT_INVALID_INPUT

    def __init__(
        self,
        problems: Problem | Sequence[Problem] | str,
        *,
        exit_code: int | None = None,
    ) -> None:
        if isinstance(problems, str):
            problems = [Problem(code="error", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        self.exit_code: int = type(self).default_exit_code if exit_code is None else exit_code
        super().__init__(self.render())

    #: Raised by a library function (pari_index.api) of these arguments: its hints name them
    #: (``group_by=``), not the options of ``pari`` (``--group-by``) (:func:`library_words`).
    for_library: tuple[str, ...] = ()

    def render(self, lang: str = "en") -> str:
        """Every problem as the console shows it, in ``lang`` (``"vi"``: the catalogue's Vietnamese,
        as ``pari`` prints it; an application built on the library shows officials that)."""
        text = "\n".join(p.render(lang) for p in self.problems)
        return library_words(text, self.for_library) if self.for_library else text

    def __str__(self) -> str:
        return self.render()


_OPTION = re.compile(
    # An option (``-o`` too), then a list of columns (group 2) or a path (group 3) given to it, if any.
    r"(?<![\w-])(?:--([a-z][a-z-]*)|-(o)(?![\w-]))"
    r"(?: ([\w.-]+(?:,[\w.-]+)+)| (\S*/\S*|\S+\.(?:xlsx|xlsm|xls|ods|csv|parquet|yaml|yml)\b))?"
)
_HINT_LINE = re.compile(r"^(    (?:hint|gợi ý): )(.*)$", re.MULTILINE)


def library_words(text: str, arguments: tuple[str, ...]) -> str:
    """``text`` (a rendered error) in the library's words: each option of ``pari``
    that is one of ``arguments`` (a facade function's) named as that argument (``--group-by
    province,district``: ``group_by=["province", "district"]``), ``pari score FILE ...`` as
    ``pari.score([FILE, …], …)``. Until session 38's review a library caller was told to «give
    --group-by one of the available columns» or «pari score FILE ...»."""

    def hint(line: re.Match[str]) -> str:
        said = re.sub(r"pari score (FILE|TỆP) (\.\.\.|…)", r"pari.score([\1, …], …)", line[2])
        if "explain_text" in arguments:  # pari.explain_text's: told «pari explain 00001 1.1.1» until session 39
            said = _EXPLAIN_RESULTS.sub(r"pari.explain_text(details, leaves, \1)", said)
            said = _EXPLAIN.sub(lambda found: _explain_call(found[1], found[2]), said)
        return line[1] + said

    return _HINT_LINE.sub(hint, library_options(text, arguments))


#: How pari explain is told in a hint: with its results file (a placeholder code), or with a
#: commune code and, after it, an item's id.
_EXPLAIN_RESULTS = re.compile(r"pari explain (CODE|MÃ) --results …")
_EXPLAIN = re.compile(r"pari explain ([\w.-]+)(?: ([\d.]+\d))?")


def _explain_call(commune: str, item: str | None) -> str:
    codes = [commune, *([item] if item else [])]
    return f"pari.explain_text(details, leaves, {', '.join(chr(34) + code + chr(34) for code in codes)})"


#: A results format given to --format, once it is named as fmt.
_FORMAT = re.compile(r"\bfmt= (xlsx|csv|parquet)\b")
#: pari's options whose argument in the facade has another name, by the first the call takes.
_ARGUMENT_NAMES = {"o": ("output", "path"), "output": ("output", "path"), "format": ("fmt",)}


def library_options(text: str, arguments: tuple[str, ...]) -> str:
    """``text`` with each option of ``pari`` that is one of ``arguments`` named as that argument
    (``--survey``: ``survey=``; ``--group-by province,district``: ``group_by=["province", "district"]``);
    other options stay as they are."""

    def argument(found: re.Match[str]) -> str:
        option = found[1] or found[2]
        # The facade's names of pari's -o and --format: pari.run_score's output and fmt,
        # pari.write_results' path and fmt (until session 39 told «-o», «--format csv»).
        names = _ARGUMENT_NAMES.get(option, (option.replace("-", "_"),))
        name = next((n for n in names if n in arguments), None)
        if name is None:
            return found[0]
        listed = found[3]
        if listed is None:  # a path given to it, or nothing
            return f"{name}={found[4] or ''}"
        return f"{name}=[{', '.join(chr(34) + part + chr(34) for part in listed.split(','))}]"

    return _FORMAT.sub(r'fmt="\1"', _OPTION.sub(argument, text))


class PariWarning(UserWarning):
    """A warning of the library (``pari_index.api``) about a file it reads or writes, the one ``pari``
    prints before or after a command: an output whose path Windows programs cannot open, a file
    read while it is open in Excel. ``problem`` holds it (``problem.code``; ``problem.render("vi")``
    in Vietnamese); the warning's text is the English."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.render("en"))


class CriteriaError(PariError):
    """A criteria set could not be loaded: bad YAML, bad structure or inconsistent points."""


class IntakeError(PariError):
    """An assessment, register, survey or appraisal spreadsheet could not be read."""


class UsageError(PariError):
    """The command line or API was called with options that do not fit together."""

    default_exit_code = EXIT_USAGE


class OutputError(PariError):
    """An output could not be written (or would overwrite an input)."""

    default_exit_code = EXIT_OUTPUT


class StrictModeError(PariError):
    """``--strict`` was given and the run produced findings."""

    default_exit_code = EXIT_STRICT_FINDINGS


def file_label(path: str | Path | None) -> str | None:
    return None if path is None else str(path)


def raise_if_any(problems: Iterable[Problem], error: type[PariError]) -> None:
    collected = list(problems)
    if collected:
        raise error(collected)


#: How polars and other Rust libraries write an operating-system error they raise as an OSError
#: (or a PolarsError) without its number: "No space left on device (os error 28)".
_RUST_OS_ERROR = re.compile(r"\(os error (\d{1,4})\)|Os \{ code: (\d{1,4}),")


#: What to do about a file the system refused to read, by its error number: a key of
#: messages.PARAM_WORDS["unreadable_hint"] and its English. "Check the path and its permissions"
#: was said for every refusal: a failing disk or network share (EIO, a share gone: ESTALE,
#: ETIMEDOUT), a name too long, links that loop.
_UNREADABLE_HINTS: dict[str, tuple[frozenset[str], str]] = {
    "denied": (
        frozenset({"EACCES", "EPERM"}),
        "give yourself permission to read it (ls -l shows who may), or ask its owner",
    ),
    "failing": (
        frozenset({"EIO", "ESTALE", "ETIMEDOUT", "ENXIO", "EREMOTEIO", "ENOTCONN", "EHOSTDOWN", "ECONNRESET"}),
        "the disk or the network share failed while it was read: check that it is connected, or copy the file to a "
        "local disk and give the copy",
    ),
    "too_long": (frozenset({"ENAMETOOLONG"}), "a name in the path is too long for the system: rename or move the file"),
    "loop": (frozenset({"ELOOP"}), "symbolic links in the path lead round in a loop: give the file's own path"),
}
_UNREADABLE_DEFAULT = "check the path and its permissions"


def unreadable_hint(exc: BaseException) -> tuple[str, str]:
    """What to do about a file the system refused to read (``exc``, an OSError): the key of its
    words (messages.PARAM_WORDS["unreadable_hint"], "" for the general hint) and their English."""
    number, _ = os_error_parts(exc)
    name = errno_name(number)
    for key, (names, english) in _UNREADABLE_HINTS.items():
        if name in names:
            return key, english
    return "", _UNREADABLE_DEFAULT


def unreadable_file(exc: BaseException, file: str) -> Problem:
    """``file-unreadable`` for an OSError met while ``file`` was opened or read: the system's reason
    and the hint of that reason (:func:`unreadable_hint`). Every reader's refusal is this one. A
    file that is not there (ENOENT, where a reader opens without looking first: ``pari criteria
    import``) is told as not found, with a link leading nowhere, a pattern or a near name
    (:func:`near_name`), not as "cannot read the file … check its permissions"."""
    number, reason = os_error_parts(exc)
    where = getattr(exc, "filename", None) or file
    if number == errno.ENOENT:
        missing = Problem("file-not-found", "file not found", file=file, hint="check the path")
        return broken_link(where, file) or near_name(where, file) or missing
    not_a_file = _not_a_file(number, where, file)
    if not_a_file is not None:
        return not_a_file
    reason = reason or (os.strerror(number) if number else type(exc).__name__)
    key, hint = unreadable_hint(exc)
    return Problem(
        "file-unreadable",
        f"cannot read the file: {reason}",
        file=file,
        hint=hint,
        params={"reason": reason, "unreadable_hint": key},
    )


def _not_a_file(number: int | None, where: str | Path, file: str) -> Problem | None:
    """The refusal of a reader that opens a name without looking first, when the name is not a
    file: a folder (EISDIR) is ``is-a-directory``, a socket (ENXIO: the system opens no socket by
    name) ``not-a-file``, as every reader that looks first says. ``pari criteria import phu-luc.xlsx``
    of a folder was "cannot read the file: Is a directory … check the path and its permissions",
    of a socket "No such device or address … the disk or the network share failed"."""
    if number == errno.EISDIR:
        return Problem("is-a-directory", "this is a folder, not a file", file=file, hint="give the file itself")
    if number != errno.ENXIO:
        return None
    try:
        socket = stat.S_ISSOCK(os.stat(where).st_mode)
    except (OSError, ValueError, TypeError):
        return None
    if not socket:
        return None  # a device whose hardware is gone: the failing disk's hint
    return Problem(
        "not-a-file",
        "this is a device or a socket, not a file",
        file=file,
        hint="give the file itself",
        params={"not_file": "device"},
    )


def errno_name(number: int | None) -> str:
    """The symbolic name of an error number (``EIO``), or "" when it has none."""
    return errno.errorcode.get(number, "") if number is not None else ""


def os_error_parts(exc: BaseException) -> tuple[int | None, str | None]:
    """The error number and the system's words (its strerror) of ``exc``, an OSError or an error
    of a library that wraps one: Python's own OSError carries both; polars raises OSError and
    ComputeError with neither, only "… (os error 28)" in its text. (None, None) when there is
    none."""
    inner = exc.args[0] if not isinstance(exc, OSError) and exc.args and isinstance(exc.args[0], OSError) else exc
    if isinstance(inner, OSError) and inner.errno is not None:
        return inner.errno, inner.strerror or os.strerror(inner.errno)
    found = _RUST_OS_ERROR.search(str(inner))
    if found is None:
        return None, None
    number = int(found.group(1) or found.group(2))
    return number, os.strerror(number)


def refusal(path: str | Path) -> OSError | None:
    """What the system says of ``path`` when it is neither there nor plainly missing: links that
    loop in a folder above it (ELOOP), a failing disk. ``Path.exists`` and ``is_dir`` say False for
    these as for a missing name, and ``pari report a/r.xlsx`` through a looping link ``a`` was
    "results file not found", ``--evidence-dir a/mc`` "the evidence folder does not exist", of a
    path that is there to see (``ls -l a``)."""
    try:
        os.stat(path)
    except OSError as error:
        return None if error.errno in (errno.ENOENT, errno.ENOTDIR) else error
    except ValueError:  # a NUL in the name: said by the callers' own checks
        return None
    return None


#: The endings of a criteria set's file (docs/criteria.md).
CRITERIA_SUFFIXES = frozenset({".yaml", ".yml"})


def criteria_as_table(file: str, disk: str | Path | None = None) -> Problem | None:
    """A criteria set (named ``.yaml``/``.yml``) given where a table is read: the assessments, the
    register, the survey, the appraisal, the lineage, a results file (``pari score bo.yaml``,
    ``--communes bo.yaml``, ``pari report bo.yaml``). It was read as the table it is not: "row 3:
    not readable as CSV: row 3 has 3 cells but the header has 2", or "cannot read the results
    workbook (calamine error: Cannot detect file format)", neither saying what the file is."""
    # ``disk``: the file as the disk spells its name, when that differs from ``file`` as typed.
    if Path(file).suffix.lower() not in CRITERIA_SUFFIXES and not _criteria_text_head(disk or file):
        return None
    return Problem(
        "table-is-criteria",
        "this is a criteria set (YAML), not a table",
        file=file,
        hint="give a criteria set with --criteria; here give the table this place asks for (CSV, XLSX or Parquet)",
    )


#: The keys every criteria set has at its top level (docs/criteria.md), a line of their own.
_CRITERIA_KEY = re.compile(r"^(?:id|areas):(?:[ \t]|$)", re.MULTILINE)
#: A YAML mapping's first key at the start of a line (``id: x``, ``todo:``).
_TOP_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*:(?:[ \t]|$)")
#: How much of a file is looked at for the criteria set it may be.
_HEAD_BYTES = 65536


def _criteria_text_head(file: str | Path) -> bool:
    """Whether the regular file ``file`` begins as a criteria set's YAML does, whatever its name
    (``bo.txt``, ``bo`` with no ending, a set saved as ``.csv``): its first line that is not blank
    or a comment is a top-level key, and ``id:`` or ``areas:`` begins a line of its first 64 KB. A
    set so named was read as a CSV: "row 3: not readable as CSV" (session 38). Never a pipe (its
    bytes would be taken) nor anything not UTF-8 text."""
    try:
        if not stat.S_ISREG(os.stat(file).st_mode):
            return False
        with open(file, "rb") as handle:
            text = handle.read(_HEAD_BYTES).removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="strict")
    except (OSError, ValueError):  # ValueError: UnicodeDecodeError, or a NUL in the name
        return False
    first = next((line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")), "")
    return _TOP_KEY.match(first) is not None and _CRITERIA_KEY.search(text) is not None


def broken_link(path: str | Path, file: str | None = None) -> Problem | None:
    """``path`` as a symbolic link that leads nowhere (its target is missing, or the links lead
    round in a loop), or None. ``ls`` lists such a link where the file is looked for, and "file not
    found" (or "results file not found" for a loop) sent the user looking at a name that is there;
    the output folder's own case is output-folder-broken-link."""
    try:
        if not os.path.islink(path) or os.path.exists(path):
            return None
        target = os.readlink(path)
        os.stat(path)
    except FileNotFoundError:
        end = "missing"
    except OSError:  # ELOOP
        end = "loop"
    except ValueError:  # a NUL in the name: said by the callers' own checks
        return None
    else:
        return None
    shown = visible(os.fsdecode(target))
    words = f"it points to {shown}, which does not exist" if end == "missing" else "the links lead round in a loop"
    return Problem(
        "input-broken-link",
        f"a symbolic link that leads nowhere: {words}",
        file=file if file is not None else str(path),
        hint="point the link at the file or folder, or give its own path",
        params={"link_end": end, "target": shown},
    )


#: A web address given as a path (a link copied from a browser, Zalo, Google Drive, OneDrive or
#: SharePoint), as a path keeps it: ``https://a/b`` is ``https:/a/b`` once its ``//`` is folded.
_URL = re.compile(r"^(?:https?|ftp|ftps|sftp|smb|file):/", re.IGNORECASE)
#: What a shell replaces in a path when it is not quoted, left as written: a leading ``~`` (or
#: ``~thu``), a ``$HOME`` or ``${HOME}`` (sh, PowerShell's ``$env:…`` begins so), a ``%USERPROFILE%``
#: (cmd.exe). Excel's lock file ``~$budget.xlsx`` is none of these.
_UNEXPANDED = re.compile(r"^~[\w.-]*$|(?<!~)\$\{?[A-Za-z_][\w:]*\}?|%[A-Za-z_][\w()]*%")


#: How a Windows path begins: a drive (``C:\\data``, ``C:/data``, ``C:data.csv``, relative to that
#: drive's current folder) or a network share (``\\\\server\\share``).
_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:|\\\\[^\\/]+\\[^\\/]+)")


def windows_form(text: str) -> str | None:
    """The drive (``C:``) or share (``\\\\server\\share``) a Windows path begins with, where
    this system is not Windows and nothing is named so here; else None. On Linux and macOS each
    is a name like another: ``C:\\Users\\thu\\danh-gia.csv`` was "file not found, check the
    path", ``-o C:\\kq\\kq.xlsx`` "Windows does not allow «:» in a name" (it was a Windows
    path), ``\\\\may-chu\\chung\\communes.csv`` "file not found". A file or folder that is
    really so named (``C:data.csv`` copied from a Windows disk) is read as the name it is."""
    found = _WINDOWS_PATH.match(text)
    if found is None or os.sep == "\\":
        return None
    with contextlib.suppress(OSError, ValueError):
        if os.path.lexists(Path(text).parts[0]):
            return None
    return found.group()


def path_form(path: str | Path, file: str | None = None, option: str | None = None) -> Problem | None:
    """``path`` written in a form that names no file on this computer, or None: a web address
    (``https://…``, ``file:///…``), or a name holding what a shell replaces (``~``, ``$HOME``,
    ``%USERPROFILE%``) that was not replaced (it was inside quotes, or given where no shell
    replaces it), up to a part that does not exist (a folder really named ``~`` is a name). A web
    address was "file not found" with its ``//`` folded (``https:/drive.google.com/…``), and
    ``-o "~/ket qua.xlsx"`` wrote its results into a new folder named ``~`` of the current one.
    Called before a command reads anything (outputs.path_names.check_dashes, for every path of every
    command) and where a file is not found (:func:`near_name`)."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        return None
    # Named as typed (a web address with its ``//``, ``file:///``), after its option (``-o``; an
    # argument's name is not, being worded in each language) when the command line's.
    # (A web address's alone: ``C:/data/x.csv``, a Windows path, was shown as ``C://data/x.csv``.)
    typed = (
        re.sub(r"^(\w+):/(?!/)", lambda m: m.group(1) + (":///" if m.group(1).lower() == "file" else "://"), text)
        if _URL.match(text)
        else text
    )
    shown = file if file is not None else visible(typed)
    shown = f"{option} {shown}" if option and option.startswith("-") else shown
    pasted = pasted_marks(text, shown)
    if pasted is not None:
        return pasted
    if _URL.match(text) and not os.path.lexists(text):
        return Problem(
            "path-is-url",
            "a web address (URL), not the path of a file on this computer",
            file=shown,
            hint="download the file first and give the path where it was saved; for a file:// address, give the "
            "path it names (e.g. /home/thu/data/danh-gia.csv)",
        )
    windows = windows_form(text)
    if windows is not None:
        return Problem(
            "path-windows-form",
            f"a Windows path (it begins with {windows}), which names no file on this system",
            file=shown,
            hint="give the path as this system names it: under WSL drive C: is the folder /mnt/c (e.g. "
            "/mnt/c/Users/thu/danh-gia.csv); a network share is read from the folder it is mounted on; or copy "
            "the file here first",
            params={"form": windows},
        )
    parts = Path(text).parts
    for i, part in enumerate(parts):
        found = _UNEXPANDED.search(part)
        if found is None or (i > 0 and found.group().startswith("~")):
            continue
        if os.path.lexists(Path(*parts[: i + 1])):
            return None
        kind = "tilde" if found.group().startswith("~") else "percent" if found.group().startswith("%") else "dollar"
        why, hint = _NOT_EXPANDED[kind]
        return Problem(
            "path-not-expanded",
            f"the name holds {found.group()}, {why}, and nothing is named so",
            file=shown,
            hint=f"write the path in full (e.g. /home/thu/ket-qua.xlsx or C:\\Users\\thu\\ket-qua.xlsx), {hint}",
            params={"form": found.group(), "unexpanded_why": kind, "unexpanded_hint": kind},
        )
    return None


#: Quotes a name never begins or ends with by intent: a Vietnamese keyboard's or a word processor's
#: (« » “ ” ‘ ’ „), a path copied from a document or a message in them.
_PASTED_QUOTES = "«»“”‘’„‟‚‹›"
#: Characters a name never begins or ends with by intent, which come with a path pasted from an Excel
#: cell (its line end, a tab between cells) or a web page (a no-break or zero-width space, a BOM). A
#: plain space is not among them: a final space is Windows' (input-near-name, output-name-not-portable).
_PASTED_SPACES = (
    "\t\n\r\v\f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200C))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)


def _pasted_bare(text: str, marks: str = _PASTED_QUOTES + _PASTED_SPACES) -> str:
    """``text`` without the pasted ``marks`` at its ends (_PASTED_QUOTES, _PASTED_SPACES, and
    ASCII single quotes around it all, which cmd leaves in: ``'kq.xlsx'``), however they are mixed."""
    bare = text
    while True:
        stripped = bare.strip(marks)
        if len(stripped) > 1 and stripped[0] == stripped[-1] == "'":
            stripped = stripped[1:-1]
        if stripped == bare:
            return bare
        bare = stripped


def _pasted_parts(text: str, marks: str) -> tuple[str, str, str, str]:
    """The whole path without ``marks`` at its ends (“D:\\ho so\\kq.xlsx”), its last name, that name
    without them (ho-so/«kq.xlsx»), and the path so bared."""
    whole = _pasted_bare(text, marks)
    head, name = os.path.split(whole)
    bare_name = _pasted_bare(name, marks)
    return whole, name, bare_name, os.path.join(head, bare_name) if head else bare_name


def _spaces_shown(text: str) -> str:
    """``text`` with each of _PASTED_SPACES written as ``<U+XXXX>`` (visible() leaves a no-break
    or an em space as it is: in a file's name it is seen beside the letters, alone it is not)."""
    return "".join(f"<U+{ord(c):04X}>" if c in _PASTED_SPACES else c for c in text)


def pasted_marks(path: str | Path, file: str | None = None) -> Problem | None:
    """A ``path`` that begins or ends with what came with it when it was copied, not there under
    that name: quotes of a Vietnamese keyboard or a document (``«kq.xlsx»``, ``“danh-gia.csv”``),
    the line end or tab of an Excel cell (``danh-gia.csv\\n``). An input was "file not found,
    check the path" (or a near name, with a hint of Windows' letter case); ``-o «kq.xlsx»``
    "unknown output type «.xlsx»»", ``-o 'kq.xlsx'`` (cmd keeps single quotes) the same, and
    ``-o 'kq' --format csv`` wrote a folder ``'kq'``. The name without them is said, never read or
    written in its place. None when there are none, or the name is there as given (a file really
    so named)."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        return None
    whole, name, bare_name, bare = _pasted_parts(text, _PASTED_QUOTES + _PASTED_SPACES)
    if any(mark in bare for mark in _PASTED_QUOTES) and not os.path.lexists(bare):
        # A quote of the name's own left inside it («dv».csv, «ho so»/kq.xlsx) was not pasted around
        # it: taken off at one end, the name said was «dv».csv», and of «dv».csv\n, dv».csv
        # (review of session 40). Only the spaces and line ends are then taken off.
        whole, name, bare_name, bare = _pasted_parts(text, _PASTED_SPACES)
    if bare == text or not bare_name or os.path.lexists(text):
        return None
    pieces = [text[: text.index(whole)], name[: name.index(bare_name)]]
    pieces += [name[name.index(bare_name) + len(bare_name) :], text[text.index(whole) + len(whole) :]]
    # Shown without «»: the marks are quotes themselves often (« … », “ … ”). A space among them is
    # shown by its number as a line end is: a no-break space was said as «begins or ends with  ,»,
    # nothing to see (review of session 40).
    marks = " … ".join(_spaces_shown(piece) for piece in pieces if piece)
    return Problem(
        "path-pasted-marks",
        f"the name begins or ends with {visible(marks)}, which came with it when it was copied (quotes of a "
        f"keyboard or a document, the line end or tab of an Excel cell) and which no file name here has; "
        f"without them it is {quoted(bare)}",
        file=file if file is not None else visible(text),
        hint=f"give the name without them: {quoted(bare)}",
        params={"marks": visible(marks), "path": quoted(bare)},
    )


#: Why a form was not replaced, and what else to do, by its kind (the words of
#: messages.PARAM_WORDS "unexpanded_why" and "unexpanded_hint"). ``-o '$OUT/kq.xlsx'`` was told to "leave ~ outside the
#: quotes", and that a shell replaces it "only outside quotes" (double quotes replace a variable).
_NOT_EXPANDED = {
    "tilde": (
        "which a shell replaces by a folder only outside quotes: here it was not replaced",
        'or leave ~ outside the quotes (~/"ket qua.xlsx")',
    ),
    "dollar": (
        "a variable the shell did not replace: it is not set, or it was inside single quotes",
        'or set the variable and quote the path with double quotes ("$OUT/ket qua.xlsx")',
    ),
    "percent": (
        "a variable of cmd.exe, which replaces it only where it is set: here it was not replaced",
        "or, on Linux or macOS, write a variable as $NAME",
    ),
}


#: Entries of a folder looked at for a name near a missing one: a folder of more is not searched.
NEAR_NAMES_SCANNED = 20_000
#: Near names a "not found" names, at most.
NEAR_NAMES_SHOWN = 3


def _as_windows_names(name: str) -> str:
    """A file name as Windows compares it: composed, without letter case, without a final dot or
    space (which Windows drops when it saves, and ignores when it opens)."""
    return unicodedata.normalize("NFC", name).casefold().rstrip(" .")


def _stem(name: str) -> str:
    dot = name.rfind(".")
    return name[:dot] if dot > 0 else name


def _is_near(typed: str, entry: str) -> bool:
    """Whether ``entry`` is what a Windows user most likely meant by ``typed``: the same name
    as Windows reads it (letter case, accents composed or not, a final dot or space), the name with
    an extension Explorer hid (``communes`` for ``communes.csv``, ``communes.csv`` for
    ``communes.csv.csv``), or the same name with another extension (``communes.csv`` for
    ``communes.xlsx``)."""
    a, b = _as_windows_names(typed), _as_windows_names(entry)
    if not a or not b:
        return False
    if a == b or (b.startswith(a + ".") and "." not in b[len(a) + 1 :] and len(b) - len(a) <= 6):
        return True
    return "." in a[1:] and "." in b[1:] and _stem(a) == _stem(b)


def near_names(path: str | Path) -> list[str]:
    """The names in ``path``'s folder that Windows would open for it, or that differ from it by an
    extension (see :func:`_is_near`), sorted, at most NEAR_NAMES_SHOWN; [] when there are none or
    the folder cannot be listed."""
    p = Path(path)
    folder = p.parent
    typed = p.name
    if not typed:
        return []
    found: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= NEAR_NAMES_SCANNED:
                    break
                if entry.name != typed and _is_near(typed, entry.name):
                    found.append(entry.name)
    except (OSError, ValueError):
        return []
    return sorted(found)[:NEAR_NAMES_SHOWN]


def windows_separators(path: str | Path) -> str | None:
    """The missing ``path`` with its backslashes as folder separators, when that names a file or
    folder (a path copied from Windows: ``data\\communes.csv``, where this system reads one name
    with a backslash in it); None on Windows, or when it names nothing either."""
    typed = str(path)
    if os.sep == "\\" or "\\" not in typed:
        return None
    slashed = typed.replace("\\", "/")
    try:
        return slashed if os.path.lexists(slashed) else None
    except (OSError, ValueError):
        return None


#: The wildcards a shell replaces by the names they match, which no Windows name may hold (``[``
#: may be a letter of a name: ``bao-cao [2025].csv``).
_WILDCARD = re.compile(r"[*?]")


def wildcard(path: str | Path, file: str | None = None) -> Problem | None:
    """A missing ``path`` holding a wildcard (``*``, ``?``) that no shell replaced: written inside
    quotes, or typed at Windows' ``cmd``, which leaves it to the program (``pari score
    "examples/assessments_*.csv"``). It was "file not found, check the path", which said nothing
    of the pattern nor of the files it matches. Those files are listed, and none is read in its
    place (which of them were meant, and in what roles, is the user's to say). None when the name
    holds no wildcard."""
    text = os.fspath(path)
    if isinstance(text, bytes) or not _WILDCARD.search(text):
        return None
    import glob

    try:  # ``[`` as a letter (see _WILDCARD); a folder of many entries is listed once, as ls would
        matched = sorted(glob.glob(text.replace("[", "[[]")))
        if not matched and os.sep == "/" and "\\" in text:
            # A pattern copied from Windows (``bieu-mau\\*.xlsx``) was "no file here matches it"
            # beside the files it names: matched with / between its folders, and listed so.
            matched = sorted(glob.glob(text.replace("\\", "/").replace("[", "[[]")))
    except (OSError, ValueError):
        matched = []
    shown = file if file is not None else str(path)
    mark = _WILDCARD.search(text).group()  # type: ignore[union-attr]
    if not matched:
        return Problem(
            "input-wildcard-unmatched",
            f"not found: {mark} is a wildcard, which a shell replaces by the names that match the pattern, "
            "and no file here matches it",
            file=shown,
            hint="check the folder and the pattern (`dir` or `ls`), or give each file by its name",
            params={"wildcard": mark},
        )
    listed = ", ".join(quoted(name) for name in matched[:NEAR_NAMES_SHOWN])
    listed += ", …" if len(matched) > NEAR_NAMES_SHOWN else ""
    return Problem(
        "input-wildcard",
        f"a pattern with the wildcard {mark}, which no shell replaced by the names it matches (it was in "
        f"quotes, or typed at Windows' cmd); it matches {len(matched)}: {listed}",
        file=shown,
        hint="give each file by its name (pari does not read a pattern), or leave the pattern outside quotes "
        "where a shell replaces it",
        params={"wildcard": mark, "count": len(matched), "matched": listed},
    )


def stray_quote(path: str | Path, file: str | None = None) -> Problem | None:
    """A missing ``path`` with a double quote after its first letter, which no Windows name may
    hold: Windows' ``cmd`` (and every Windows program's reading of its command line) takes ``\\"``
    as a quote that belongs to the name, so a folder typed in quotes with its final backslash
    (``"ho so\\"``) came as ``ho so"``, with the rest of the line up to the next quote in it too
    (``"D:\\kq\\" -q`` as one name ``D:\\kq" -q``). It was "file not found, check the path",
    the quote unseen at the end of the name. The name before the quote is said, never read in its
    place. None when there is no such quote."""
    text = os.fspath(path)
    if isinstance(text, bytes) or '"' not in text[1:]:
        return None
    before = text[: text.index('"', 1)]
    return Problem(
        "input-stray-quote",
        f'not found: the name holds «"», which no Windows name holds: a path typed in quotes that ends in \\ '
        "comes so from Windows' cmd, which reads \\\" as a quote inside the name (with the rest of the line up "
        f"to the next quote); the name before it is {quoted(before)}",
        file=file if file is not None else visible(text),
        hint='leave out the \\ before the closing quote ("D:\\ho so" rather than "D:\\ho so\\"), or double it '
        '("D:\\ho so\\\\")',
        params={"path": quoted(before)},
    )


def near_name(path: str | Path, file: str | None = None) -> Problem | None:
    """A missing ``path`` with names near it in its folder (:func:`near_names`): a clerk on
    Windows types the name Explorer shows, which hides the extension, and Windows opens a name
    whatever its letter case or a final dot or space. "file not found" said nothing of the file
    beside it; no near name is ever opened in its place (which one was meant is the user's to
    say). A name that names no file in any folder (a web address, a ``~`` left as written:
    :func:`path_form`) is said as that first. None when there is none."""
    form = path_form(path, file)
    if form is not None:
        return form
    quote = stray_quote(path, file)
    if quote is not None:
        return quote
    slashed = windows_separators(path)
    if slashed is not None:
        return Problem(
            "input-backslash",
            f"not found; with / between its folders, as this system separates them, it is {quoted(slashed)}",
            file=file if file is not None else str(path),
            hint="write / between folders: here \\ is a letter of a name (Windows writes it between folders)",
            params={"path": quoted(slashed)},
        )
    pattern = wildcard(path, file)
    if pattern is not None:
        return pattern
    names = near_names(path)
    if not names:
        return None
    listed = ", ".join(quoted(name) for name in names)
    return Problem(
        "input-near-name",
        f"not found; its folder holds a near name: {listed}",
        file=file if file is not None else str(path),
        hint="give the name as the folder lists it in full (`dir` or `ls`): Windows Explorer hides extensions "
        "such as .csv, and Windows ignores letter case and a final dot or space, which this system does not",
        params={"near": listed},
    )
