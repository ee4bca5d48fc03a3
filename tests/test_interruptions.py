"""A stop signal that lands between a temporary being made and its removal being recorded.

The CI run of session 12 failed once on test_hostile_faults12's SIGHUP test: the signal, sent
the moment a spill folder appeared in TMPDIR, was raised inside ``tempfile.mkdtemp`` after the
folder was made and before ``TemporaryDirectory`` recorded its removal, and the folder stayed.
These tests put the signal exactly there (the system call that makes the temporary raises the
signal as it returns), under the ``pari`` command's own handlers, for every place a run makes a
temporary: nothing may stay, and the stop is still raised."""

from __future__ import annotations

import gc
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from pari_index import console
from pari_index.intake.by_batch import BatchFrames, _Spill
from pari_index.intake.cache import CacheStore
from pari_index.outputs.files import atomic_folder, atomic_path
from pari_index.scoring.batches import DetailStore
from pari_index.system import interruptions


@pytest.fixture
def handlers() -> Iterator[None]:
    """The ``pari`` command's signal handlers (SIGTERM raises console.Terminated)."""
    with console.terminate_as_interrupt():
        yield


def _signal_after(monkeypatch: pytest.MonkeyPatch, name: str, calls: int = 1) -> list[Any]:
    """Make ``os.<name>`` send SIGTERM to this process as its ``calls``-th call returns; the
    handler then runs at once, in the caller of the system call. Returns the calls' results."""
    real = getattr(os, name)
    results: list[Any] = []

    def then_signal(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        results.append(args[0])
        if len(results) == calls:
            signal.raise_signal(signal.SIGTERM)
        return result

    monkeypatch.setattr(os, name, then_signal)
    return results


def _pari_entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


SPILLS: dict[str, Callable[[], object]] = {
    "intake spill": lambda: _Spill("raw"),
    "batches checked ahead": lambda: BatchFrames({}),
    "per-item detail": lambda: DetailStore(spill=True),
}


@pytest.mark.parametrize("name", list(SPILLS))
def test_a_signal_as_a_spill_folder_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handlers: None, name: str
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    made = _signal_after(monkeypatch, "mkdir")
    with pytest.raises(console.Terminated):
        SPILLS[name]()
    gc.collect()
    assert made, "no folder was made"
    assert _pari_entries(tmp_path) == []


def test_a_signal_as_an_output_temporary_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handlers: None
) -> None:
    (tmp_path / "results.csv").write_text("old", encoding="utf-8")
    made = _signal_after(monkeypatch, "open")
    with pytest.raises(console.Terminated), atomic_path(tmp_path / "results.csv") as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert made, "no temporary was made"
    assert _pari_entries(tmp_path) == ["results.csv"]
    assert (tmp_path / "results.csv").read_text(encoding="utf-8") == "old"


def test_a_signal_between_the_renames_of_a_results_folder_lets_the_new_one_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handlers: None
) -> None:
    """Old aside, then new in: a stop between the two used to leave no results folder (the old
    one aside under a temporary name, the new one removed by the unwinding)."""
    results = tmp_path / "results"
    results.mkdir()
    (results / "scores.csv").write_text("old", encoding="utf-8")
    renamed = _signal_after(monkeypatch, "rename")
    with pytest.raises(console.Terminated), atomic_folder(results, frozenset({"scores.csv"})) as folder:
        (folder / "scores.csv").write_text("new", encoding="utf-8")
    assert len(renamed) == 2, renamed
    assert _pari_entries(tmp_path) == ["results"]
    assert (results / "scores.csv").read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("name", ["link", "replace"])
def test_a_signal_as_an_output_replaces_the_previous_one_leaves_it_kept_aside_nowhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handlers: None, name: str
) -> None:
    """The previous file is kept aside (a hard link) until the new one is in place
    (outputs.files.Placed): a stop in between waits until the link is removed again."""
    (tmp_path / "results.csv").write_text("old", encoding="utf-8")
    called = _signal_after(monkeypatch, name)
    with pytest.raises(console.Terminated), atomic_path(tmp_path / "results.csv") as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert called, f"no os.{name}"
    assert _pari_entries(tmp_path) == ["results.csv"]
    assert (tmp_path / "results.csv").read_text(encoding="utf-8") == "new"


def test_a_signal_as_a_cache_entry_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handlers: None
) -> None:
    # A cache folder made by an earlier run (a new one is made at the first save, session 40).
    earlier = CacheStore(tmp_path / "cache")
    assert earlier.usable()
    earlier.save("other", "o" * 16, {"cells": pl.DataFrame({"a": [1]})})
    store = CacheStore(tmp_path / "cache")
    assert store.usable()
    made = _signal_after(monkeypatch, "mkdir", calls=2)  # the kind's folder, then the entry's
    with pytest.raises(console.Terminated):
        store.save("intake", "k" * 16, {"cells": pl.DataFrame({"a": [1]})})
    assert len(made) == 2, made
    assert [p.name for p in (tmp_path / "cache" / "intake").iterdir()] == []


def test_a_signal_outside_a_held_step_is_raised_at_once() -> None:
    with pytest.raises(KeyboardInterrupt):
        interruptions.deliver(KeyboardInterrupt())


def test_a_held_step_raises_the_first_signal_when_it_ends() -> None:
    steps: list[str] = []
    with pytest.raises(KeyboardInterrupt) as raised, interruptions.held():
        interruptions.deliver(KeyboardInterrupt("first"))
        steps.append("went on")
        with interruptions.held():
            interruptions.deliver(KeyboardInterrupt("second"))
        steps.append("inner step ended without raising")
    assert steps == ["went on", "inner step ended without raising"]
    assert raised.value.args == ("first",)
    with interruptions.held():  # nothing left over from the last step
        pass


def test_a_held_step_in_another_thread_holds_nothing() -> None:
    """Signal handlers run in the main thread: a step another thread holds must not keep the
    main thread's stop."""
    inside = threading.Event()
    leave = threading.Event()

    def step() -> None:
        with interruptions.held():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=step)
    worker.start()
    inside.wait(5)
    try:
        with pytest.raises(KeyboardInterrupt):
            interruptions.deliver(KeyboardInterrupt())
    finally:
        leave.set()
        worker.join()


def _interrupt_after(monkeypatch: pytest.MonkeyPatch, name: str) -> list[Any]:
    """As :func:`_signal_after`, with SIGINT (Ctrl-C) under Python's own handler."""
    real = getattr(os, name)
    results: list[Any] = []

    def then_interrupt(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        results.append(args[0])
        if len(results) == 1:
            signal.raise_signal(signal.SIGINT)
        return result

    monkeypatch.setattr(os, name, then_interrupt)
    return results


@pytest.mark.parametrize("name", list(SPILLS))
def test_a_library_callers_ctrl_c_as_a_spill_folder_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """An analyst's Ctrl-C (Python's own handler, no ``pari`` command) at the same moment: the
    KeyboardInterrupt still comes, after the folder's removal is recorded; the handler is
    Python's again after the step."""
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    made = _interrupt_after(monkeypatch, "mkdir")
    with pytest.raises(KeyboardInterrupt):
        SPILLS[name]()
    gc.collect()
    assert made, "no folder was made"
    assert _pari_entries(tmp_path) == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_handler_the_caller_set_is_left_alone() -> None:
    """A caller's own Ctrl-C handler is theirs: a held step neither replaces it nor delays it."""
    heard: list[int] = []
    before = signal.signal(signal.SIGINT, lambda number, frame: heard.append(number))
    try:
        with interruptions.held():
            signal.raise_signal(signal.SIGINT)
            assert heard == [signal.SIGINT]
    finally:
        signal.signal(signal.SIGINT, before)
