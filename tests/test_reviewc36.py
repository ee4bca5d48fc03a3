"""Review of session 36's faults36 changes (reviewc36): what the review found by running the real
``pari`` on 3b3a66a, with faults injected in the test's process where a real run cannot time them.

- ``input_watch.with_changes`` made every error of a run whose input changed an ``IntakeError``
  (exit 1) whose first line is "the file changed …: nothing was written, earlier outputs are left as
  they were". ``pari score --strict`` whose communes file was saved again (its bytes the same, as
  Excel's Save does) after the results were written: "error: communes.csv: the file changed while
  pari-index read it …: nothing was written" above "--strict: 3 errors … (results written to
  kq.xlsx)", exit 1 of results written (exit 3 on 071b56d). An output that could not be written
  (exit 4) or an option refused mid-run (exit 2) with an input touched meanwhile: exit 1, and a
  library caller's ``except OutputError`` no longer caught it. Now the error keeps its kind and
  exit status, and a change after an output was put in place (the results were written from
  inputs checked unchanged) is not told as the cause of another error.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import pari_index as pari
from pari_index.errors import (
    EXIT_OUTPUT,
    EXIT_STRICT_FINDINGS,
    EXIT_USAGE,
    CriteriaError,
    IntakeError,
    OutputError,
    PariError,
    Problem,
    StrictModeError,
    UsageError,
)
from pari_index.system import input_watch


def _touch(path: Path) -> None:
    """Saved again with the same bytes: a new modification time (a second later than it was)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_strict_of_an_input_saved_after_the_results_were_written_stays_exit_3_and_says_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hostile_faults36 import _inputs
    from sweeps import run_in_process

    import pari_index.pipeline as pipeline

    monkeypatch.chdir(tmp_path)
    args = _inputs(tmp_path)
    real = pipeline._check_strict

    def saved_then_strict(*a: object, **k: object) -> None:
        _touch(tmp_path / "communes.csv")
        real(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_check_strict", saved_then_strict)
    status, said = run_in_process("score", *args, "-o", "kq.xlsx", "--strict", "--lang", "en")
    assert status == EXIT_STRICT_FINDINGS, said
    assert "[input-changed]" not in said and "nothing was written" not in said, said
    assert "results written to kq.xlsx" in said
    assert (tmp_path / "kq.xlsx").is_file()


@pytest.mark.parametrize(
    ("kind", "status"),
    [(OutputError, EXIT_OUTPUT), (UsageError, EXIT_USAGE), (CriteriaError, 1), (StrictModeError, 3), (IntakeError, 1)],
)
def test_an_error_of_a_run_whose_input_changed_keeps_its_kind_and_status(
    tmp_path: Path, kind: type[PariError], status: int
) -> None:
    """Each kind of error, raised while an input it did not come from changed: ``input-changed``
    first, then the error's own problem, of the error's kind and exit status."""
    watched = tmp_path / "communes.csv"
    watched.write_text("ma_xa\n1\n", encoding="utf-8")
    own = Problem("own", "what went wrong", file="other.txt")
    with input_watch.watching([watched]):
        _touch(watched)
        told = input_watch.with_changes(kind([own]))
    assert type(told) is kind
    assert told.exit_code == status
    assert [p.code for p in told.problems] == ["input-changed", "own"]
    assert told.problems[0].file == str(watched)


def test_an_error_of_a_run_whose_inputs_did_not_change_is_the_same_error(tmp_path: Path) -> None:
    watched = tmp_path / "communes.csv"
    watched.write_text("ma_xa\n1\n", encoding="utf-8")
    error = OutputError(Problem("own", "what went wrong"))
    with input_watch.watching([watched]):
        assert input_watch.with_changes(error) is error


def test_the_library_s_output_error_with_an_input_changed_is_still_an_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``pari.score`` of one file a commune, the first saved again (same bytes) as an output error
    is raised while the fifth is read: the caller's ``except OutputError`` catches it (it was an
    IntakeError), ``input-changed`` first, exit status 4."""
    from test_hostile_faults36 import _one_file_a_commune

    import pari_index.intake.many as many

    monkeypatch.chdir(tmp_path)
    files = _one_file_a_commune(tmp_path)
    real = many._small

    def reading(index: int, path: str | Path) -> object:
        if index == 4:
            _touch(tmp_path / files[0])
            raise OutputError(Problem("own", "a disk full"))
        return real(index, path)

    monkeypatch.setattr(many, "_small", reading)
    with pytest.raises(OutputError) as raised:
        pari.score(files)
    assert [p.code for p in raised.value.problems] == ["input-changed", "own"]
    assert raised.value.problems[0].file == files[0]
    assert raised.value.exit_code == EXIT_OUTPUT
