"""A pipe (FIFO) given by name where a file is read, that no program writes to.

Every reader opens a pipe without waiting for a writer (a pipe nobody writes to would otherwise
wait for ever), and a pipe with no writer then reads as nothing at all. Until session 35 that was
"the file is empty" (``empty-file``, hint "export the sheet again"; of a criteria set, "start from
docs/criteria.md"): a clerk who had given a named pipe left by another program, or started
``pari`` before the program meant to write into it, was sent to export a file that is none.

Linux tells the two apart on the open pipe itself: once a writer has opened it and closed it again,
``poll`` says so (POLLHUP); a pipe that no writer opened since it was opened for reading says
nothing. :func:`nobody_wrote` asks, after the pipe read as nothing."""

from __future__ import annotations

import select

from pari_index.errors import Problem


def nobody_wrote(fd: int) -> bool:
    """Whether the pipe open on ``fd``, which read as nothing, had no writer at all since it was
    opened (no POLLHUP): a writer that wrote nothing and closed it leaves POLLHUP. False where the
    system cannot tell (no ``poll``): the pipe is then told as empty, as before."""
    poll = getattr(select, "poll", None)
    if poll is None:  # pragma: no cover - Windows has no named pipes of this kind
        return False
    try:
        watch = poll()
        watch.register(fd, select.POLLIN)
        return not watch.poll(0)
    except (OSError, ValueError):
        return False


def idle_pipe(file: str) -> Problem:
    """The problem of a pipe given by name that no program writes to (``pipe-no-writer``)."""
    return Problem(
        "pipe-no-writer",
        "this is a pipe (FIFO), not a file, and no program writes into it: there was nothing to read",
        file=file,
        hint="give the file itself; or start the program that writes into the pipe, then run again",
    )
