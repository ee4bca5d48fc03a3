"""Panics of the Rust libraries pari reads files with (polars, fastexcel and calamine), told as
damage of the file being read rather than as pari's own error.

pyo3's PanicException derives from BaseException, so ``except Exception`` lets a crafted or
damaged file end the run as an internal error (exit 70, "not your file"); and the panic's English
words and backtrace are written to the standard error before any located finding."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import threading
from collections.abc import Iterator
from typing import IO


def library_failure(exc: BaseException) -> bool:
    """An error of the spreadsheet library on the file: any Exception, or a panic of its Rust code
    (pyo3's PanicException derives from BaseException, so ``except Exception`` let a crafted file
    end the run as an internal error, exit 70). Ctrl-C and exits are not."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


class _HeldStderr:
    """The standard error (descriptor 2) sent to a temporary file while any thread reads with the
    library (the appraisal may be read beside the assessments): the first reader in redirects it,
    the last one out puts it back and passes on what was written, unless it is a Rust panic's."""

    lock = threading.Lock()
    readers = 0
    saved: int | None = None
    held: IO[bytes] | None = None

    @classmethod
    def enter(cls) -> None:
        with cls.lock:
            if cls.readers == 0:
                try:
                    sys.stderr.flush()
                    cls.saved = os.dup(2)
                    cls.held = tempfile.TemporaryFile()  # noqa: SIM115 - closed in leave()
                    os.dup2(cls.held.fileno(), 2)
                except (OSError, ValueError):  # no standard error to hold (a closed descriptor)
                    cls.saved = None
            cls.readers += 1

    @classmethod
    def leave(cls) -> None:
        with cls.lock:
            cls.readers -= 1
            if cls.readers or cls.saved is None or cls.held is None:
                return
            os.dup2(cls.saved, 2)
            os.close(cls.saved)
            cls.saved = None
            with cls.held as held:
                held.seek(0)
                said = held.read(64 * 1024)
            cls.held = None
            said = without_panics(said)
            if said:
                with contextlib.suppress(OSError):
                    os.write(2, said)


#: How the command's progress lines begin (cli: ``· reading assessments``): one written by
#: another thread while the library panicked lands among the panic's lines, and is kept.
STEP_MARK = "· ".encode()
#: The first line of a Rust panic's words, and the last: a note on RUST_BACKTRACE.
_PANIC = re.compile(rb"^thread '[^\n]*' (?:\(\d+\) )?panicked at ")
_PANIC_END = re.compile(rb"^note: .*RUST_BACKTRACE")


def without_panics(said: bytes) -> bytes:
    """What was written to the standard error without the Rust panics' words: the lines before
    and after them, and pari's own progress lines written among them by another thread, are kept.
    Dropping everything that held a panic lost the run's «· reading assessments» line."""
    kept: list[bytes] = []
    in_panic = False
    for line in said.splitlines(keepends=True):
        if _PANIC.match(line):
            in_panic = True
        elif in_panic and _PANIC_END.match(line):
            in_panic = False
            continue
        if (not in_panic or line.startswith(STEP_MARK)) and line.strip():  # blank: the panic's own
            kept.append(line)
    return b"".join(kept)


@contextlib.contextmanager
def panic_words_held() -> Iterator[None]:
    """The library's own writes to the standard error held while it runs, and passed on after
    unless they are a Rust panic's: its English words and backtrace reached the user's console (a
    Vietnamese run) before the located finding that says the same."""
    _HeldStderr.enter()
    try:
        yield
    finally:
        _HeldStderr.leave()
