"""The process around a ``pari`` command: its console streams and the signals that stop it.

Set up by the command group (``cli._Group.main``) before any command runs, and independent of
what the command does:

* the standard output and error written in UTF-8 where their encoding cannot write Vietnamese,
  opened on the null device when the process was started with them closed, and written whole or
  refused (:class:`StdoutUnwritable`), a pipe closed by its reader quieting the stream;
* SIGTERM and SIGHUP raised where the run is, as Ctrl-C is (:class:`Terminated`), so that a run
  stopped by ``kill`` or a closed terminal unwinds and removes its temporaries;
* the libraries' log records kept off the console;
* the sentences said when a run is stopped (:func:`stopped`).
"""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import os
import signal
import sys
from collections.abc import Iterator
from typing import Any, NoReturn

import click

from pari_index.system.interruptions import deliver


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a scheduler's time limit, a shutdown) or SIGHUP (the terminal closed),
    raised where the run is, as Ctrl-C is: the run unwinds, so the temporaries it writes beside its
    outputs and the spills of a large run in TMPDIR (hundreds of MB nationally) are removed, and
    the previous results stay. Left to the system's default, the process died on the spot and
    its spill folders stayed in TMPDIR for ever."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number
        self.name = signal.Signals(number).name


#: The signals received while a command runs (SIGINT, SIGTERM, SIGHUP): a library that turns the
#: exception raised for one into its own error (pydantic-core building a validator: "SchemaError:
#: Error building ... validator") still stopped on the signal, not on a bug.
SIGNALLED: list[int] = []


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into :class:`Terminated` while the command runs (unless they are
    ignored, as SIGHUP is under ``nohup``); the handlers before are put back after."""

    def raise_terminated(number: int, _frame: object) -> None:
        SIGNALLED.append(number)
        # Raised now, or where a step that must not be cut in two ends (pari_index.system.interruptions).
        deliver(KeyboardInterrupt() if number == signal.SIGINT else Terminated(number))

    SIGNALLED.clear()
    before: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        number = getattr(signal, name, None)
        if number is None or signal.getsignal(number) in (signal.SIG_IGN, None):
            continue
        if number == signal.SIGINT and signal.getsignal(number) is not signal.default_int_handler:
            continue
        with contextlib.suppress(ValueError, OSError):  # not the main thread (a library caller)
            before[number] = signal.signal(number, raise_terminated)
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def library_logs_off() -> None:
    """The log records of the libraries a command calls are not written on the console: calamine
    logs through Python's logging ("'chartsheet' not a valid worksheet" for a workbook that holds
    a chart sheet), and with no handler configured Python wrote them to the standard error as they
    are, English words in a Vietnamese run, before the command's own output. PARI_DEBUG keeps
    them, as it keeps tracebacks."""
    root = logging.getLogger()
    if not os.environ.get("PARI_DEBUG") and not root.handlers:
        root.addHandler(logging.NullHandler())


def console_streams() -> None:
    """The standard output and error in UTF-8 where their encoding cannot write Vietnamese, as
    click already does for ASCII: ``PYTHONIOENCODING=latin-1``, or on Windows output redirected to
    a file or a pipe (``pari schema > schema.json``), which is in the ANSI code page (cp1252, or
    cp1258, which has no precomposed "ộ"). Every message failed with UnicodeEncodeError, reported
    as an internal error (exit 70) in place of the problem itself. A stream that can write them
    is left as it is."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "ộệ−“".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            with contextlib.suppress(AttributeError, ValueError, OSError):
                stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]


def closed_streams() -> None:
    """A process started with its standard error closed (``pari score ... 2>&-``, a service
    manager): Python gives ``sys.stderr = None`` and every message was dropped, so that a failed
    run said nothing (its exit status still said it). Now:

    * each closed descriptor of 0, 1 and 2 is opened on the null device first, so that no file
      pari opens later (an output workbook) takes the number 2 and receives what a library writes
      to the standard error;
    * the messages go to the standard output when that is a terminal (the user typing the command
      reads them there), else nowhere: a standard output sent to a file or a pipe holds the
      command's data (``pari schema > schema.json``), which errors would corrupt. The exit status
      says a failure either way (docs/errors.md)."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                taken = os.open(os.devnull, os.O_RDWR)
                if taken != fd:  # another descriptor below was free first: put it where it belongs
                    os.dup2(taken, fd)
                    os.close(taken)
    if sys.stderr is not None:
        return
    out = sys.stdout
    to_terminal = False
    with contextlib.suppress(AttributeError, OSError, ValueError):
        to_terminal = out is not None and out.isatty()
    sys.stderr = out if to_terminal else open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def say_signalled(number: int, lang: str) -> NoReturn:
    if number == signal.SIGINT:
        say_interrupted(lang)
    from pari_index.system.input_watch import outputs_at_end

    # What became of the outputs, as they are: "the previous results are left as they were" was
    # said of a run that had none, and of one stopped after writing them.
    key = {"written": "terminated_written", "kept": "terminated_kept"}.get(outputs_at_end(), "terminated")
    click.echo(stopped(key, lang, signal=signal.Signals(number).name), err=True)
    sys.exit(128 + number)


def say_interrupted(lang: str) -> NoReturn:
    """Say the run was stopped, and exit 130 (128 + SIGINT, as a shell does).

    One Ctrl-C can arrive twice: polars raises KeyboardInterrupt from inside a query while Python's
    own handler still holds the signal, and Python raises it again at its next check, on entering
    this function. Its caller catches that second one and calls it again: before, it escaped to
    click, which printed its English "Aborted!" and exited 1, the status of invalid input."""
    click.echo(stopped("interrupted", lang), err=True)
    sys.exit(130)


def told_interrupted(lang: str) -> NoReturn:
    """:func:`say_interrupted`, also when the same Ctrl-C is raised a second time on entering it.

    A KeyboardInterrupt after SIGTERM or SIGHUP is that signal's stop: polars, whose queries ask
    Python for signals, raises a KeyboardInterrupt of its own in place of whatever the handler
    raised (:class:`Terminated`), so that ``kill`` during ``pari demo-data`` said "interrupted"
    (Ctrl-C) and exited 130 in one run of three (session 40)."""
    try:
        if SIGNALLED and SIGNALLED[-1] != signal.SIGINT:
            say_signalled(SIGNALLED[-1], lang)
        say_interrupted(lang)
    except KeyboardInterrupt:
        if SIGNALLED and SIGNALLED[-1] != signal.SIGINT:
            say_signalled(SIGNALLED[-1], lang)
        say_interrupted(lang)


def stopped(key: str, lang: str, **params: str) -> str:
    # Imported here: pari_index.messages imports polars, which `pari --help` must not wait for.
    from pari_index.messages import STOPPED

    return STOPPED[key].get(lang).format(**params)


class StdoutUnwritable(OSError):
    """The standard output refused what was written to it (a full disk, a file-size limit, an
    I/O error), other than a closed pipe (``| head``: see _WholeWrites)."""


class _WholeWrites(io.RawIOBase):
    """A console stream's descriptor, each write made whole or failed. Python's buffered writer
    dropped the rest of a write the system took only in part: on a full disk or under a file-size
    limit, ``pari schema > schema.json`` wrote its first 4,096 bytes, lost the rest and exited 0.
    Here the rest is written again, and the error the system then gives is raised as ``refused``.

    A pipe closed by the program reading it (``pari validate *.yaml | head -1``; EPIPE) is that
    program's choice to read no more, not a failure of the run: what is written after it is
    dropped, on this stream alone, and the command goes on to its own end and status. It used to
    end ``pari validate`` in a traceback (exit 120), and ``pari score ... 2>&1 | head -1`` with an
    ``os-error`` "Broken pipe" and exit 1 (a wrong input's status) after its results were written.
    """

    def __init__(self, fd: int, refused: type[OSError] = StdoutUnwritable) -> None:
        super().__init__()
        self._fd = fd
        self._refused = refused
        #: The reader closed the pipe: nothing more is written.
        self.reader_gone = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view) and not self.reader_gone:
            try:
                done += os.write(self._fd, view[done:])
            except BrokenPipeError:
                self.reader_gone = True
            except OSError as exc:
                raise self._refused(exc.errno, exc.strerror) from None
        return len(view)


class _Closed(io.RawIOBase):
    """The standard output of a process started with it closed: every write refused."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise StdoutUnwritable(errno.EBADF, os.strerror(errno.EBADF))


def checked_stdout() -> None:
    """Write the standard output and error through _WholeWrites, when they are descriptors (not a
    test runner's buffers): a write cut short is written again, a closed pipe quiets the stream."""
    stream = sys.stdout
    if stream is None:
        # Started with the standard output closed (``pari schema >&-``): Python gives None, and
        # click wrote nothing, exit 0. What is written now fails as a full disk's writes do.
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_Closed()), encoding="utf-8")
    else:
        sys.stdout = _whole(stream, StdoutUnwritable, line_buffering=False)
    # The standard error keeps its own failures (a log on a full disk) as the OSError they were,
    # unbuffered: nothing refused is left to fail again when the interpreter exits.
    sys.stderr = _whole(sys.stderr, OSError, line_buffering=True)


class _Unbuffered(io.BufferedIOBase):
    """A raw writer as the buffer of a text stream, each write passed on at once."""

    def __init__(self, raw: _WholeWrites) -> None:
        super().__init__()
        self.raw = raw

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.raw.fileno()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def write(self, data: Any) -> int:
        return self.raw.write(data)


#: The console streams written through _WholeWrites in their place.
_REPLACED: list[Any] = []


def _whole(stream: Any, refused: type[OSError], *, line_buffering: bool) -> Any:
    """``stream`` written through _WholeWrites on its descriptor (buffered for the standard
    output, whose failure ends the run, unbuffered for the standard error), or ``stream`` itself
    when it has none (a test runner's buffer, None)."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return stream
    stream.flush()
    _REPLACED.append(stream)  # kept: a stream opened here (closed_streams) closes its descriptor when freed
    raw = _WholeWrites(fd, refused)
    buffered = refused is StdoutUnwritable
    return io.TextIOWrapper(
        io.BufferedWriter(raw) if buffered else _Unbuffered(raw),
        encoding=getattr(stream, "encoding", None) or "utf-8",
        errors=getattr(stream, "errors", None),
        line_buffering=line_buffering or bool(getattr(stream, "line_buffering", False)),
        write_through=not buffered,
    )


#: What to do about a standard output that could not be written, by the system's reason
#: (messages.labels.PARAM_WORDS["stdout_fix"]): a full disk or file size limit is not a closed output.
STDOUT_FIX = {errno.ENOSPC: "space", errno.EFBIG: "space", errno.EDQUOT: "space", errno.EBADF: "closed"}
