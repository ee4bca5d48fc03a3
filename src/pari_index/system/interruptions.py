"""Steps that a stop signal must not cut in two.

Under the ``pari`` command, Ctrl-C, SIGTERM and SIGHUP raise an exception where the run is, so
that it unwinds and removes what it made (its temporaries, its spills in TMPDIR). A step that
makes a temporary and then records it for removal has a moment between the two: a signal that
lands there raises before the record exists, and the temporary stays. It happened: a SIGHUP sent
the moment a spill folder appeared in TMPDIR was raised inside ``tempfile.mkdtemp`` (after the
folder was made, before ``TemporaryDirectory`` registered its removal), and the folder stayed in
TMPDIR for ever. So did a results folder moved aside, a moment before the new one took its place.

Such a step runs :func:`held`: the signal's exception is kept until the step ends, then raised,
with everything the step made already recorded for removal. The command's signal handler hands
its exception to :func:`deliver`. Only the main thread is held (Python runs signal handlers
there); a held step in another thread holds nothing.

A library caller's process has Python's own Ctrl-C handler, which raises at once: for the length
of a held step it is replaced by one that hands its KeyboardInterrupt to :func:`deliver`, and put
back after (a handler the caller set is theirs, and left alone).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

#: How many :func:`held` steps the main thread is inside.
_depth = 0
#: The exception of a signal received inside a held step, raised when the outermost one ends.
_pending: list[BaseException] = []


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Keep a stop signal's exception (see :func:`deliver`) until the block ends; then raise it,
    in place of whatever the block raised (the user asked to stop)."""
    global _depth
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    python_handler = not _depth and _python_sigint_handler()
    if python_handler:
        signal.signal(signal.SIGINT, _interrupt_held)
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if python_handler:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        if not _depth and _pending:
            exception = _pending[0]
            _pending.clear()
            raise exception


def _python_sigint_handler() -> bool:
    """Whether Ctrl-C has Python's own handler (raise KeyboardInterrupt at once): a library
    caller's process, not the ``pari`` command's (its handler calls :func:`deliver`)."""
    try:
        return signal.getsignal(signal.SIGINT) is signal.default_int_handler
    except (ValueError, AttributeError):  # no signals here (an embedded interpreter)
        return False


def _interrupt_held(number: int, frame: object) -> None:
    """Python's Ctrl-C while a held step runs: its KeyboardInterrupt, raised when the step ends."""
    deliver(KeyboardInterrupt())


def deliver(exception: BaseException) -> None:
    """Raise ``exception`` (a signal handler's) now, or when the held step it arrived in ends. A
    second signal inside the same step is the same stop: the first one's exception is raised."""
    if _depth:
        if not _pending:
            _pending.append(exception)
        return
    _pending.clear()
    raise exception
