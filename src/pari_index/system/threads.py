"""Waiting for the run's other threads in a way Ctrl-C interrupts.

A run does some steps in threads beside its own (docs/scaling.md, "Steps that run beside one
another") and waits for them where it needs their results. Once polars is loaded, a wait with no
time limit (``Thread.join()``, ``Future.result()``, ``Queue.get()``) is not interrupted by SIGINT:
measured, a Ctrl-C during such a wait was heard only when the wait ended (the whole read of the
files, seconds later). Waiting a short while at a time lets Python run the signal's handler
between the waits, so Ctrl-C stops the run at once (exit 130), as it did when the run did the
step itself.
"""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Future
from typing import TypeVar

T = TypeVar("T")

#: Seconds of one wait: Ctrl-C is heard within this.
POLL = 0.05


def joined(thread: threading.Thread) -> None:
    """``thread.join()``, heard by Ctrl-C."""
    while thread.is_alive():
        thread.join(POLL)


def result_of(future: Future[T]) -> T:
    """``future.result()``, heard by Ctrl-C."""
    while True:
        try:
            return future.result(timeout=POLL)
        except TimeoutError:
            continue


def taken(handoff: queue.Queue[T]) -> T:
    """``handoff.get()``, heard by Ctrl-C."""
    while True:
        try:
            return handoff.get(timeout=POLL)
        except queue.Empty:
            continue
