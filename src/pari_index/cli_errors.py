"""How the ``pari`` command ends when something goes wrong: never with a traceback.

A PariError is printed as its located problems, in the command's language, with its exit status;
an OSError no reader placed is told as the file system's refusal (exit 1); a signal, Ctrl-C or a
full memory as such; anything else (a bug, a panic inside polars) as one line and exit 70, the
details only with ``PARI_DEBUG`` set.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TypeVar

import click

from pari_index import console
from pari_index.cli_params import (
    check_every_limit,
    long_outputs,
    outputs_named_as_folders,
    refuse_dashes,
    refuse_repeats,
    watched_inputs,
)
from pari_index.errors import (
    EXIT_INTERNAL,
    EXIT_INVALID_INPUT,
    EXIT_OUTPUT,
    EXIT_USAGE,
    PariError,
    Problem,
    os_error_parts,
)
from pari_index.system.input_watch import with_changes
from pari_index.system.limits import (
    MIN_ADDRESS_SPACE,
    SMALL_COMMANDS,
    address_space_mib,
    memory_room,
    open_files_room,
)

F = TypeVar("F", bound=Callable[..., Any])


def severity_word(severity: str, lang: str) -> str:
    from pari_index.messages import severity_text

    return severity_text(severity, lang).lower() if lang != "en" else severity


def number_text(value: int, lang: str) -> str:
    from pari_index.messages import format_number

    return format_number(value, lang)


def print_problems(error: PariError, lang: str) -> None:
    """The problems, one a line, in the command's language (pari_index.messages has their words)."""
    for problem in error.problems:
        click.echo(f"{severity_word(problem.severity, lang)}: {problem.render(lang)}", err=True)
    count = len(error.problems)
    # A list cut short ends with its own "… and N more" line; the count would then mislead.
    if count > 1 and all(p.code != "more" for p in error.problems):
        click.echo(f"{count} vấn đề." if lang == "vi" else f"{count} problems.", err=True)


def print_warnings(warnings: Sequence[Problem], lang: str) -> None:
    """Warnings of a command that went on (the report written, the commune explained)."""
    for problem in warnings:
        click.echo(f"{severity_word(problem.severity, lang)}: {problem.render(lang)}", err=True)


def handles_errors(func: F) -> F:
    """Turn PariError into located messages and its exit status, and anything else (a bug, a
    panic inside polars) into one line and status 70: never a traceback unless PARI_DEBUG is set."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        # Errors speak the command's --lang; a command without one speaks Vietnamese, the default.
        lang = kwargs.get("lang") or "vi"
        try:
            open_files_room()
            check_every_limit()  # every PARI_MAX_… variable, whichever reader the run reaches
            memory_room(func.__name__)
            refuse_repeats()
            refuse_dashes()
            with outputs_named_as_folders(), watched_inputs():
                # Inside: ``-o kq.csv/`` is a folder of CSV tables by the name as typed.
                print_warnings(long_outputs(), lang)  # written all the same: Windows cannot open them
                try:
                    return func(*args, **kwargs)
                except PariError as exc:  # an input deleted or cut short mid-run: that first
                    raise with_changes(exc) from None
        except PariError as exc:
            print_problems(exc, lang)
            sys.exit(exc.exit_code)
        except console.Terminated as exc:
            console.say_signalled(exc.number, lang)
        except KeyboardInterrupt:
            console.told_interrupted(lang)
        except MemoryError:
            _told_out_of_memory(func.__name__, lang)
        except (click.ClickException, click.exceptions.Exit, click.Abort, console.StdoutUnwritable):
            raise
        except OSError as exc:
            # The operating system refused something on a path the user gave (a permission, a
            # name too long, a link loop, a full disk) where no reader turned it into a located
            # problem: still the user's file system, not a bug, so no exit 70.
            print_problems(PariError(_os_problem(exc)), lang)
            sys.exit(EXIT_INVALID_INPUT)
        except Exception as exc:  # the last resort: a bug, which still gets a message
            if console.SIGNALLED:  # the exception raised for a signal, turned into another by a library
                console.say_signalled(console.SIGNALLED[-1], lang)
            _internal_error(exc, lang)
        except BaseException as exc:
            # A panic inside polars (pyo3's PanicException) derives from BaseException.
            if type(exc).__name__ == "PanicException":
                if console.SIGNALLED:  # a panic of a thread the signal's exception went through
                    console.say_signalled(console.SIGNALLED[-1], lang)
                _internal_error(exc, lang)
            raise

    return wrapper  # type: ignore[return-value]


def _told_out_of_memory(command: str, lang: str) -> NoReturn:
    """Out of memory, told with what to do. Under a ``ulimit -v`` below what a run needs,
    :func:`memory_room`'s refusal could itself run out of memory loading its words (at 195 MB
    one run in three said "out of memory; split the input by province or district", exit 1,
    where the others said ``memory-limit``, exit 2): it is the refusal still, told again, or in
    the short words already loaded when it fails again. Under a higher limit, the limit is named
    first (raising it is the way out); without one, splitting the input is."""
    limit = address_space_mib()
    if limit is not None and limit * 1024**2 < MIN_ADDRESS_SPACE and command not in SMALL_COMMANDS:
        try:
            memory_room(command)
        except PariError as exc:
            print_problems(exc, lang)
            sys.exit(exc.exit_code)
        except MemoryError:
            least = str(MIN_ADDRESS_SPACE // 1024**2)
            click.echo(console.stopped("memory_limit_short", lang, limit=str(limit), least=least), err=True)
            click.echo(console.stopped("memory_limit_short_hint", lang), err=True)
            sys.exit(EXIT_USAGE)
    if limit is not None:
        click.echo(console.stopped("memory_within_limit", lang, limit=str(limit)), err=True)
        click.echo(console.stopped("memory_within_limit_hint", lang), err=True)
    else:
        click.echo(console.stopped("memory", lang), err=True)
    sys.exit(EXIT_INVALID_INPUT)


#: Refusals of a write that names no file: every output is named where it is written (OutputError),
#: so these are the temporary files a large run spills to (TMPDIR) running out of room.
_NO_ROOM = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _os_problem(exc: OSError) -> Problem:
    # The system's own text (strerror) stays as the OS gives it, in either language; polars'
    # OSError has none, only "No space left on device (os error 28)" (pari_index.errors).
    number, reason = os_error_parts(exc)
    reason = reason or type(exc).__name__
    name = exc.filename
    if name is None and number == errno.ENOENT and _working_folder_gone():
        return Problem(
            "working-folder-gone",
            "the current folder no longer exists (deleted or moved while the terminal was in it); "
            "no relative path can be found",
            file=os.environ.get("PWD") or None,
            hint="change to a folder that exists (cd) and run again, or give full paths",
        )
    hint = "check that the path exists, is readable (or writable, for an output) and is not too long"
    if name is None and number in _NO_ROOM:
        import tempfile

        name = tempfile.gettempdir()
        hint = "the temporary folder is full: free space there, or set TMPDIR to a folder on a disk with room"
    return Problem(
        "os-error",
        f"the operating system refused: {reason}",
        file=None if name is None else str(name)[:300],
        hint=hint,
        params={"reason": reason},
    )


def _working_folder_gone() -> bool:
    """Whether the process's current folder was deleted (or moved) under it: a relative path is
    then refused by the system with no file name, the place the user looks for."""
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    return False


def _internal_error(exc: BaseException, lang: str) -> NoReturn:
    if os.environ.get("PARI_DEBUG"):
        raise exc
    first_line = (str(exc).strip().splitlines() or [""])[0][:300]
    click.echo(console.stopped("internal", lang, error=f"{type(exc).__name__}: {first_line}"), err=True)
    sys.exit(EXIT_INTERNAL)


class Told(click.UsageError):
    """One of click's own errors (an unknown option, a missing argument), told in Vietnamese: its
    sentence, the usage line and the pointer to --help (pari_index.messages.click_words). A
    UsageError, as nearly all of them are, for a caller that catches click's."""

    def __init__(self, original: click.ClickException) -> None:
        super().__init__(original.format_message(), getattr(original, "ctx", None))
        self.original = original
        self.exit_code = original.exit_code  # type: ignore[misc]

    def show(self, file: Any = None) -> None:
        from pari_index.messages.click_words import CLICK_WORDS, click_message, usage_line

        ctx = getattr(self.original, "ctx", None)
        if ctx is not None:
            click.echo(usage_line(ctx.get_usage(), "vi"), err=True, color=ctx.color)
            if ctx.command.get_help_option(ctx) is not None:
                helps = max(ctx.command.get_help_option_names(ctx), key=len)
                pointer = CLICK_WORDS["Try '{command} {option}' for help."]
                click.echo(pointer.format(command=ctx.command_path, option=helps), err=True)
            click.echo(err=True)
        error = CLICK_WORDS["Error: {message}"]
        click.echo(error.format(message=click_message(self.original.format_message(), "vi")), err=True)


def stdout_refused(exc: OSError, lang: str) -> NoReturn:
    from pari_index.messages.labels import PARAM_WORDS

    reason = exc.strerror or type(exc).__name__
    fix = console.STDOUT_FIX.get(exc.errno or 0, "")
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - what is left to flush at exit goes nowhere
    problem = Problem(
        "stdout-unwritable",
        f"the standard output could not be written ({reason}): what it holds is cut short",
        hint=PARAM_WORDS["stdout_fix"][fix].en,
        params={"reason": reason, "stdout_fix": fix},
    )
    try:
        print_problems(PariError(problem), lang)
        sys.stderr.flush()
    except (OSError, ValueError):
        # The standard error goes to the same full disk or size-limited file (``> log 2>&1``):
        # the run exited 1 as if its input were wrong; the status is what is left to say it.
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - as above
    sys.exit(EXIT_OUTPUT)
