"""The ``pari`` command's entry point (``pari = "pari_index.launch:main"``; ``python -m pari_index``):
a Ctrl-C from the moment the command starts is told as the run's stop, in its language.

The command's module (:mod:`pari_index.cli`) imports click, the console and the words of its help
before any of its code runs: 0.2 s on an idle machine, more on a loaded server or a shared network
installation. A Ctrl-C in that time (the user sees a wrong file name just after pressing Enter)
printed Python's traceback of the import it cut, and the process died of the signal. So the
command's module is imported here, inside a handler, by a module that imports only the standard
library: the window left is Python's own start and the few lines of the script pip writes.

Only the standard library and pari_index.messages.command_line (the words, which import no
library) are imported here.
"""

from __future__ import annotations

import os
import sys

# Nothing more is imported before the command's module is (the fewer, the shorter the window a
# Ctrl-C meets Python's own traceback in); the names below are for type checkers alone.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, NoReturn

#: The exit status of a run stopped by Ctrl-C (128 + SIGINT, as a shell says it).
EXIT_INTERRUPTED = 130


def command_lang(args: Sequence[str]) -> str:
    """The language a command line asks for: its last ``--lang`` (as click reads it), else
    Vietnamese, every command's default. Read from the words themselves: click's own errors come
    before (or instead of) the command's parsed options, and a Ctrl-C may come before click."""
    lang = "vi"
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value in ("vi", "en"):
            lang = value
    return lang


def main() -> None:
    """Run the ``pari`` command; a Ctrl-C while its module is imported stops it as one during
    the run does (:func:`interrupted`)."""
    names_in_utf8()
    try:
        before = _stops_raised()
        from pari_index.cli import main as command
    except KeyboardInterrupt as stop:
        interrupted(command_lang(sys.argv[1:]), getattr(stop, "number", None))
    _put_back(before)  # the command's own handlers take the stops from here
    if _own_program():
        ended_quickly(command)
    else:  # a program of the user's that calls main() ends its own way
        command()


class _StoppedBySystem(KeyboardInterrupt):
    """SIGTERM or SIGHUP while the command's module is imported."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def _stops_raised() -> dict[int, Any]:
    """SIGTERM and SIGHUP raised as :class:`_StoppedBySystem` (unless ignored, as ``nohup``
    ignores SIGHUP); the handlers before, to put back. The import of the command's module takes
    0.2 s on an idle machine and about a second on a loaded one: a ``kill`` (a scheduler's time
    limit) or a terminal closed in that time ended the process on the system's default, exit 143
    or 129 and no word (session 40), where a Ctrl-C was told."""
    import signal

    def raise_stopped(number: int, _frame: object) -> None:
        raise _StoppedBySystem(number)

    before: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None or signal.getsignal(number) in (signal.SIG_IGN, None):
            continue
        try:
            before[number] = signal.signal(number, raise_stopped)
        except (ValueError, OSError):  # not the main thread: a program of the user's
            break
    return before


def _put_back(before: dict[int, Any]) -> None:
    import signal

    for number, handler in before.items():
        signal.signal(number, handler)


def ended_quickly(command: Callable[[], object]) -> NoReturn:
    """Run ``command`` (the ``pari`` command, which ends by raising SystemExit), then end the
    process at once with its status, its exit handlers run and its streams flushed.

    Python's own shutdown frees every module and object one by one: 0.2-0.5 s after a run of the
    example province on a loaded 2-core machine, some 3 s after a large one (session 39). The run's
    signal handlers are gone by then, so a SIGTERM, SIGHUP or Ctrl-C in that time killed a run
    whose outputs were all written, with no word and the status of a stopped run (143). Here the
    stop asked after the end is recorded and has nothing left to stop: the exit handlers (the
    spill folders' removal) run to their end and the process ends with the run's own status.

    Python's shutdown is kept where a thread other than the main one is still alive (its work is
    joined there) and for an exit status that is not a number (Python prints it)."""
    try:
        command()
        status: object = 0
    except SystemExit as done:
        status = 0 if done.code is None else done.code
        threading = sys.modules.get("threading")
        if not isinstance(status, int) or (threading is not None and threading.active_count() > 1):
            raise
    _signals_after_the_end()
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a stream that refuses: the run has said what it could
            pass
    os._exit(status if isinstance(status, int) else 1)


def _signals_after_the_end() -> None:
    """SIGTERM, SIGHUP and SIGINT recorded and otherwise let be, unless ignored (``nohup``)."""
    import contextlib
    import signal

    def after_the_end(_number: int, _frame: object) -> None:
        """The run has ended: nothing is stopped."""

    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        number = getattr(signal, name, None)
        if number is None or signal.getsignal(number) is signal.SIG_IGN:
            continue
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            signal.signal(number, after_the_end)


def names_in_utf8() -> None:
    """Run the command again in Python's UTF-8 mode where the system's file names are read in
    another encoding (``LC_ALL=C`` with ``PYTHONUTF8=0``: ASCII; a Latin-1 locale). Names on
    disk are UTF-8 (every system pari-index runs on writes them so); read as ASCII, a name
    «đánh-giá.csv» was refused as "bytes that are not UTF-8" (name-not-utf8, exit 2); read as
    Latin-1 (by reasoning: no such locale on the machines it was tried on) each byte of a letter
    would be a letter of its own in the results. The encoding of file names is
    fixed when Python starts, so the process is started again with ``-X utf8`` (and
    ``PYTHONUTF8=1`` for any Python it starts): a name that is truly not UTF-8 is still refused.
    Nothing is done where Python already reads names as UTF-8 (Windows, macOS, a UTF-8 locale),
    or where the process cannot be replaced (then the run goes on as before)."""
    encoding = sys.getfilesystemencoding().lower().replace("_", "-")
    if sys.flags.utf8_mode or encoding in ("utf-8", "utf8") or os.name != "posix" or not sys.orig_argv:
        return
    args = sys.argv[1:]
    if not sys.executable or getattr(sys, "frozen", False) or (args and sys.orig_argv[-len(args) :] != args):
        # A caller that set sys.argv itself keeps its process; a frozen program (PyInstaller) is
        # no interpreter that takes -X.
        return
    if not _own_program():
        return
    try:
        os.execve(
            sys.executable,
            [sys.executable, "-X", "utf8", *sys.orig_argv[1:]],
            {**os.environ, "PYTHONUTF8": "1"},
        )
    except (OSError, ValueError):  # no interpreter to start again: names read as the locale says
        return


def _own_program() -> bool:
    """Whether the program Python runs is pari's own: the ``pari`` script pip writes, ``python -m
    pari_index`` or ``python -m pari_index.cli``. Started again, it does only what it did. Another
    program that calls :func:`main` keeps its process: started again, a script of the user's did
    its own work twice (a line it printed before ``main()`` was printed twice), one read from the
    standard input (``python - < run.py``, a pipe) found that input spent, did nothing and exited
    0, and the interactive interpreter was replaced by a new one, its session lost."""
    program = sys.modules.get("__main__")
    spec = getattr(program, "__spec__", None)
    if spec is not None:
        return spec.name in ("pari_index.__main__", "pari_index.cli")
    path = getattr(program, "__file__", None)
    # pip's script (or pipx's, uv's): named after the command, and run as the program itself.
    return isinstance(path, str) and os.path.basename(path) == "pari" and sys.argv[:1] == [path]


def interrupted(lang: str, number: int | None = None) -> NoReturn:
    """Say the command stopped (Ctrl-C, or the system's signal ``number``), in ``lang``, and exit
    130 (128 + the signal): what pari_index.console says, without click (its import may be what
    was cut). Nothing was written yet."""
    text = ""
    for _ in range(2):  # a second stop while the words are read is the same stop
        try:
            import signal

            from pari_index.messages.command_line import STOPPED

            key, name = ("interrupted", "") if number is None else ("terminated", signal.Signals(number).name)
            text = STOPPED[key].get(lang).format(signal=name)
            break
        except KeyboardInterrupt:
            continue
    _say(text)
    sys.exit(EXIT_INTERRUPTED if number is None else 128 + number)


def _say(text: str) -> None:
    """``text`` on the standard error, in UTF-8 where its encoding cannot write Vietnamese (as
    pari_index.console.console_streams makes it); nothing when it is closed or refuses."""
    stream = sys.stderr
    if stream is None or not text:
        return
    try:
        try:
            text.encode(getattr(stream, "encoding", None) or "utf-8")
        except (UnicodeEncodeError, LookupError):
            stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        stream.write(text + "\n")
        stream.flush()
    except (AttributeError, ValueError, OSError):  # a stream that cannot be changed or written
        pass


__all__ = ["EXIT_INTERRUPTED", "command_lang", "ended_quickly", "interrupted", "main", "names_in_utf8"]
