"""Issue 12, paths and outputs: no output destroys an input (class 1), write failures of the
operating system and damaged results are located errors, never exit 70 (class 3), and formula
injection is neutralised in headers and sheet names (class 2)."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
from children import pari_child
from click.testing import CliRunner
from hostile_paths import (
    CASES,
    EXAMPLES,
    fake_results_folder,
    fake_results_workbook,
    formula_in_register_header,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pari_index.cli import main
from pari_index.errors import EXIT_INTERNAL, EXIT_INVALID_INPUT, EXIT_OUTPUT, OutputError, PariError
from pari_index.outputs import files as outputs
from pari_index.outputs.path_identity import Source, Target
from pari_index.outputs.paths import check_paths
from pari_index.outputs.results import TABLES, read_results, write_results
from pari_index.ranking.changes import previous_summary

runner = CliRunner()


def _pari(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(main, [str(a) for a in args])
    assert result.exit_code != EXIT_INTERNAL, result.output
    return result.exit_code, result.output


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes (links not followed)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _codes(output: str) -> list[str]:
    # Errors are told in the run's language: "lỗi:" by default, "error:" with --lang en.
    errors = [line for line in output.splitlines() if line.startswith(("error:", "lỗi:"))]
    return [line.rsplit("[", 1)[1].rstrip("]") for line in errors]


# ---------------------------------------------------------------------------------------------
# Class 1: inputs are never destroyed, and nothing is read before the refusal

#: Registry case -> the code it must give; every one exits 4 and leaves every file unchanged.
REFUSED = {
    "paths-output-folder-holds-input": "output-contains-input",
    "paths-report-same-as-output": "output-clash",
    "paths-template-over-register": "output-is-input",
    "paths-template-over-criteria": "output-is-input",
    "paths-report-into-results-table": "output-is-input",
    "paths-output-hardlinked-to-input": "output-is-input",
    "paths-output-through-symlinked-folder": "output-is-input",
    "paths-previous-replaced-by-output": "output-is-input",
    "paths-report-over-previous-table": "output-is-input",
    "paths-demo-data-over-criteria": "output-contains-input",
    "paths-output-folder-is-a-file": "output-not-a-folder",
    "paths-output-workbook-is-a-folder": "output-is-a-folder",
    "paths-output-name-too-long": "output-name-too-long",
    "paths-output-folder-name-too-long": "output-name-too-long",
    "paths-output-under-a-file": "output-folder-is-file",
    "paths-output-folder-not-results": "output-folder-not-results",
    "paths-output-is-a-device": "output-special-file",
    "paths-output-is-a-fifo": "output-special-file",
}


@pytest.mark.parametrize(("case", "code"), sorted(REFUSED.items()))
def test_outputs_that_would_destroy_an_input_are_refused(tmp_path: Path, case: str, code: str) -> None:
    argv = CASES[case](tmp_path)
    before = _snapshot(tmp_path)
    exit_code, output = _pari(*argv)
    assert exit_code == EXIT_OUTPUT, output
    assert _codes(output) == [code]
    assert _snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if ".pari-" in p.name) == []


def test_refusal_comes_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pari_index.scoring.run

    def no_reading(*_: Any, **__: Any) -> None:
        raise AssertionError("an input was read before the output was checked")

    monkeypatch.setattr(pari_index.scoring.run, "score", no_reading)
    argv = CASES["paths-output-folder-holds-input"](tmp_path)
    assert _pari(*argv)[0] == EXIT_OUTPUT


def _spellings(folder: Path, name: str) -> st.SearchStrategy[Path]:
    """Other spellings of ``folder/name``: ./, x/.., doubled slashes, a symlinked folder, a hard
    link."""
    part = st.sampled_from([".", "sub/..", "link", "link/sub/..", "sub/../link"])
    return st.builds(
        lambda parts, hard: folder.joinpath(*parts, "hard.csv" if hard else name),
        st.lists(part, max_size=3),
        st.booleans(),
    )


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), fmt=st.sampled_from(["xlsx", "csv", "parquet"]))
def test_any_spelling_of_an_input_is_refused(data: st.DataObject, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "sub").mkdir()
        (folder / "link").symlink_to(folder)
        shutil.copy(EXAMPLES / "assessments_long.csv", folder / "a.csv")
        os.link(folder / "a.csv", folder / "hard.csv")
        spelled = data.draw(_spellings(folder, "a.csv"))
        targets = [Target(spelled, "-o", folder=fmt != "xlsx")]
        with pytest.raises(OutputError) as info:
            check_paths(targets, [Source(folder / "a.csv", "assessment")])
        assert [p.code for p in info.value.problems] == ["output-is-input"]
        # The containing folder, spelled any way, is refused as an output folder.
        holder = data.draw(_spellings(folder, "."))
        with pytest.raises(OutputError) as info:
            check_paths([Target(holder, folder=True)], [Source(folder / "a.csv")])
        assert info.value.problems[0].code in {"output-contains-input", "output-is-input"}


def test_distinct_paths_are_allowed(tmp_path: Path) -> None:
    res = fake_results_folder(tmp_path)
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    # A report beside the inputs, a new report inside the results folder read, a new folder.
    check_paths(
        [Target(tmp_path / "out", folder=True), Target(tmp_path / "r.html", "--report")],
        [Source(tmp_path / "a.csv"), Source(res, "--previous", reads=("summary.csv",))],
    )
    check_paths([Target(res / "report.html")], [Source(res, "RESULTS", reads=("summary.csv", "about.csv"))])
    exit_code, output = _pari("report", res, "-o", res / "report.html")
    assert exit_code == 0, output
    assert _pari("report", res, "-o", res / "report.html")[0] == 0  # and again over its own report


def test_case_spelling_on_a_case_insensitive_disk_is_caught_by_inode(tmp_path: Path) -> None:
    # Linux disks are case-sensitive; a hard link stands in for "A.CSV" on such a disk: same inode.
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    os.link(tmp_path / "a.csv", tmp_path / "A.CSV")
    with pytest.raises(OutputError):
        check_paths([Target(tmp_path / "A.CSV")], [Source(tmp_path / "a.csv")])


def test_real_subprocess_refuses_and_keeps_the_input(tmp_path: Path) -> None:
    argv = CASES["paths-output-folder-holds-input"](tmp_path)
    before = _snapshot(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "pari_index.cli", *argv], capture_output=True, text=True)
    assert proc.returncode == EXIT_OUTPUT
    assert "Traceback" not in proc.stderr and "[output-contains-input]" in proc.stderr
    assert _snapshot(tmp_path) == before


# ---------------------------------------------------------------------------------------------
# Results folders are written as a whole


def _tables(n: int = 3) -> Any:
    from pari_index.outputs.results import ResultTables

    frame = pl.DataFrame({"commune_code": [f"{i:05d}" for i in range(n)], "index": [float(i) for i in range(n)]})
    about = pl.DataFrame({"key": ["criteria_id"], "value": ["x"]})
    items = frame.with_columns(pl.lit("1.1.1").alias("criterion_id"))
    return ResultTables(summary=frame, criteria=items, findings=frame, rows=frame, about=about)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_failed_run_leaves_the_previous_complete_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    res = tmp_path / "res"
    write_results(res, _tables(2), fmt)  # type: ignore[arg-type]
    (res / "notes.txt").write_text("mine", encoding="utf-8")
    before = _snapshot(tmp_path)
    calls = 0
    # What each format's writer calls (Parquet is sunk from a lazy frame, in fixed row groups).
    owner, writer = (pl.DataFrame, "write_csv") if fmt == "csv" else (pl.LazyFrame, "sink_parquet")
    real = getattr(owner, writer)

    def third_fails(self: Any, file: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, file, **kwargs)

    monkeypatch.setattr(owner, writer, third_fails)
    with pytest.raises(OutputError) as info:
        write_results(res, _tables(5), fmt)  # type: ignore[arg-type]
    assert [p.code for p in info.value.problems] == ["output-unwritable"]
    assert "disk is full" in (info.value.problems[0].hint or "")
    assert _snapshot(tmp_path) == before  # all old tables, no new one, no temporary


def test_a_new_set_replaces_the_old_one_and_keeps_other_files(tmp_path: Path) -> None:
    res = tmp_path / "res"
    write_results(res, _tables(2), "parquet")
    (res / "report.html").write_text("kept", encoding="utf-8")
    (res / ".hidden").write_text("kept", encoding="utf-8")
    (res / "notes").mkdir()
    (res / "notes" / "a.txt").write_text("kept too", encoding="utf-8")
    write_results(res, _tables(4), "csv")
    names = sorted(p.name for p in res.iterdir())
    # No stale summary.parquet that read_results would prefer to the new summary.csv.
    assert names == sorted([*(f"{t}.csv" for t in TABLES), "report.html", ".hidden", "notes"])
    assert (res / "notes" / "a.txt").read_text(encoding="utf-8") == "kept too"
    assert read_results(res)["summary"].height == 4
    assert [p.name for p in tmp_path.iterdir()] == ["res"]


def test_a_folder_that_is_not_results_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "thesis.docx").write_bytes(b"work")
    with pytest.raises(OutputError) as info:
        write_results(tmp_path / "home", _tables(), "csv")
    assert [p.code for p in info.value.problems] == ["output-folder-not-results"]
    assert sorted(p.name for p in (tmp_path / "home").iterdir()) == ["thesis.docx"]
    (tmp_path / "empty").mkdir()
    write_results(tmp_path / "empty", _tables(), "csv")  # an empty folder is fine


def test_a_symlinked_results_folder_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    write_results(real, _tables(2), "csv")
    (tmp_path / "res").symlink_to(real)
    write_results(tmp_path / "res", _tables(3), "csv")
    assert (tmp_path / "res").is_symlink()
    assert read_results(real)["summary"].height == 3


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(proc.stdout)


def test_stale_temporaries_of_killed_runs_are_removed(tmp_path: Path) -> None:
    pid = _dead_pid()
    (tmp_path / f".res.pari-tmp-{pid}").mkdir()
    (tmp_path / f".res.pari-tmp-{pid}" / "summary.csv").write_text("half", encoding="utf-8")
    (tmp_path / f".r.html.pari-tmp-{pid}-x1y2.tmp").write_text("half", encoding="utf-8")
    alive = tmp_path / f".other.pari-tmp-{os.getppid()}"
    alive.mkdir()  # another target, and its writer may still be running: left alone
    write_results(tmp_path / "res", _tables(), "csv")
    outputs.write_text(tmp_path / "r.html", "<p>")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["res", "r.html", alive.name])


def test_a_run_killed_during_the_swap_gets_its_previous_set_back(tmp_path: Path) -> None:
    write_results(tmp_path / "res", _tables(2), "csv")
    pid = _dead_pid()
    (tmp_path / "res").rename(tmp_path / f".res.pari-old-{pid}")  # killed between the two renames
    outputs.clean_stale(tmp_path / "res")
    assert read_results(tmp_path / "res")["summary"].height == 2


KILLED_WRITE = """
import os, signal, sys
from pathlib import Path
from pari_index.outputs import files as outputs
target = Path(sys.argv[1])
if sys.argv[2] == "file":
    with outputs.atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)
else:
    with outputs.atomic_folder(target) as tmp:
        (tmp / "summary.csv").write_text("half", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_sigkill_leftovers_are_cleaned_by_the_next_run(tmp_path: Path, kind: str) -> None:
    target = tmp_path / ("r.html" if kind == "file" else "res")
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITE, str(target), kind], capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    assert [p.name for p in tmp_path.iterdir() if ".pari-tmp-" in p.name] != []  # what a kill leaves
    if kind == "file":
        outputs.write_text(target, "<p>")
    else:
        write_results(target, _tables(), "csv")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


# ---------------------------------------------------------------------------------------------
# Class 3: every operating-system failure on writing is exit 4 with the path and a hint


def _fail_mkstemp(number: int) -> Callable[..., Any]:
    def fail(*_: Any, **__: Any) -> Any:
        raise OSError(number, os.strerror(number))

    return fail


@pytest.mark.parametrize(
    ("number", "hint"),
    [
        (errno.EACCES, "read-only"),
        (errno.EROFS, "read-only"),
        (errno.ENOSPC, "disk is full"),
        (errno.ENAMETOOLONG, "too long"),
        (errno.EIO, "the disk or the network share failed during the write"),
    ],
)
def test_os_failures_become_output_errors_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, hint: str
) -> None:
    monkeypatch.setattr(outputs.tempfile, "mkstemp", _fail_mkstemp(number))
    (tmp_path / "a.csv").write_bytes((EXAMPLES / "assessments_long.csv").read_bytes())
    args = ("--no-survey", tmp_path / "a.csv", "-o", tmp_path / "out.xlsx", "-q", "--lang", "en")
    exit_code, output = _pari("score", *args)
    assert exit_code == EXIT_OUTPUT
    assert f"{tmp_path / 'out.xlsx'}: cannot write the file: {os.strerror(number)} [output-unwritable]" in output
    assert hint in output


def test_read_only_output_folder(tmp_path: Path) -> None:
    """Run as a child for which permissions hold (the tests run as root on CI)."""
    argv = CASES["paths-read-only-output-folder"](tmp_path)
    try:
        done = pari_child(argv, tmp_path, ordinary_user=True)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert done.returncode == EXIT_OUTPUT, done.stdout + done.stderr
    assert _codes(done.stdout + done.stderr) == ["output-unwritable"]
    assert list((tmp_path / "locked").iterdir()) == []


def test_read_only_results_folder_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_results(tmp_path / "res", _tables(2), "csv")
    monkeypatch.setattr(outputs.os, "access", lambda *_a, **_k: False)  # as a non-root user sees 0o555
    with pytest.raises(OutputError) as info:
        write_results(tmp_path / "res", _tables(4), "csv")
    assert [p.code for p in info.value.problems] == ["output-unwritable"]
    monkeypatch.undo()  # (reading needs the folder searchable, which the patch denies too)
    assert read_results(tmp_path / "res")["summary"].height == 2


# The disk fills up as the workbook's zip package is closed (its central directory written), for
# the results writer and for xlsxwriter (templates) alike.
FULL_DISK = """
import errno, sys, zipfile
real_close = zipfile.ZipFile.close
def full(self):
    was_open = self.fp is not None and self.mode != "r"  # only a write meets the full disk
    real_close(self)  # as a real failure does, the file is closed: a later close() is a no-op
    if was_open:
        raise OSError(errno.ENOSPC, "No space left on device")
zipfile.ZipFile.close = full
from pari_index.cli import main
sys.argv = ["pari", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("command", ["score", "--no-survey", "template"])
def test_full_disk_at_workbook_close_is_exit_4_without_traceback(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out.xlsx"
    # The previous output, which a failed write must leave whole (only pari-index's own output
    # may be replaced at all: output-not-pari).
    assert runner.invoke(main, ["template", "-o", str(out)]).exit_code == 0
    previous = out.read_bytes()
    argv = ["template", "-o", str(out), "--lang", "en"]
    if command == "score":
        shutil.copy(EXAMPLES / "assessments_long.csv", tmp_path / "a.csv")
        argv = ["score", "--no-survey", str(tmp_path / "a.csv"), "-o", str(out), "-q", "--lang", "en"]
    proc = subprocess.run([sys.executable, "-c", FULL_DISK, *argv], capture_output=True, text=True)
    assert proc.returncode == EXIT_OUTPUT, proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert f"{out}: cannot write the file: No space left on device [output-unwritable]" in proc.stderr
    assert out.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_full_disk_in_parquet_is_exit_4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: pl.LazyFrame, *_: Any, **__: Any) -> None:
        raise pl.exceptions.ComputeError("parquet: underlying IO error: No space left on device (os error 28)")

    monkeypatch.setattr(pl.LazyFrame, "sink_parquet", full)
    with pytest.raises(OutputError) as info:
        write_results(tmp_path / "res", _tables(), "parquet")
    assert "No space left on device" in info.value.problems[0].message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("raised", "exit_code", "code"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), EXIT_OUTPUT, "output-unwritable"),
        (pl.exceptions.ComputeError("parquet: underlying IO error: No space left on device (os error 28)"), 4, None),
        (ValueError("1,000,000 rows do not fit in an XLSX sheet; use CSV or Parquet"), 2, "usage"),
    ],
)
def test_demo_data_write_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raised: Exception, exit_code: int, code: str | None
) -> None:
    import pari_index.demo

    def fail(*_: Any, **__: Any) -> None:
        raise raised

    monkeypatch.setattr(pari_index.demo, "generate", fail)
    got, output = _pari("demo-data", "-o", tmp_path / "demo")
    assert got == exit_code, output
    assert _codes(output) == [code or "output-unwritable"]


# ---------------------------------------------------------------------------------------------
# Class 3: damaged or crafted results are located input errors (exit 1)

DAMAGED = {
    "paths-overflow-to-etc-passwd": "results-overflow-outside",
    "paths-overflow-to-parent": "results-overflow-outside",
    "paths-overflow-link-out": "results-overflow-outside",
    "paths-garbage-summary-report": "results-damaged",
    "paths-summary-without-codes-previous": "not-results",
    # Parquet's mark at both ends and garbage between: a pari table cut or damaged, not another file (language40)
    "paths-summary-not-parquet-explain": "results-damaged",
    "paths-summary-binary-report": "not-results",
    "paths-summary-link-out-report": "results-link-outside",
    "paths-summary-list-column-previous": "results-damaged",
}


@pytest.mark.parametrize(("case", "code"), sorted(DAMAGED.items()))
def test_damaged_results_are_refused_with_their_place(tmp_path: Path, case: str, code: str) -> None:
    argv = CASES[case](tmp_path)
    exit_code, output = _pari(*argv)
    assert exit_code == EXIT_INVALID_INPUT, output
    assert _codes(output) == [code]
    assert "root:" not in output  # nothing of /etc/passwd is shown


@pytest.mark.parametrize(("case", "code"), sorted(DAMAGED.items()))
def test_damaged_results_say_why_in_vietnamese_too(tmp_path: Path, case: str, code: str) -> None:
    """Each refusal tells its evidence in the command's language (Vietnamese by default): it was
    the kind's title alone ("Tệp kết quả bị hỏng hoặc đã bị sửa"), while the English said which
    table, column or value was wrong."""
    from pari_index.messages import title

    argv = [a for a in CASES[case](tmp_path) if a not in ("--lang", "en")]
    _, output = _pari(*argv)
    line = next(line for line in output.splitlines() if line.endswith(f"[{code}]"))
    detail = line.removesuffix(f" [{code}]").rsplit(": ", 1)[-1]
    assert detail != title(code, "vi"), line
    assert any(word in line for word in ("bảng", "sổ tính")), line
    for english in ("table", "results", "cannot", "which"):
        assert f" {english} " not in line, line


@pytest.mark.parametrize(
    "value",
    ["/etc/passwd", "..", "../x.csv", "sub/x.csv", "C:\\x.csv", "", ".", "x.txt", "a\x00.csv"],
)
def test_overflow_names_outside_the_results_folder(tmp_path: Path, value: str) -> None:
    path = fake_results_workbook(tmp_path, {"overflow_rows": value})
    with pytest.raises(PariError) as info:
        read_results(path)
    assert [p.code for p in info.value.problems] == ["results-overflow-outside"]
    assert info.value.problems[0].sheet == "about"


def test_overflow_file_beside_the_workbook_is_read(tmp_path: Path) -> None:
    pl.DataFrame({"commune_code": ["00001"], "row": ["2"]}).write_csv(tmp_path / "results.rows.csv")
    path = fake_results_workbook(tmp_path, {"overflow_rows": "results.rows.csv"})
    assert read_results(path)["rows"]["row"].to_list() == [2]


_CELLS = st.one_of(
    st.sampled_from(["garbage", "", "1e308", "-1", "nan", "inf", "-inf", "=1+1", "0x10", "1,5", "true", "٣"]),
    st.text(max_size=8),
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    column=st.sampled_from(["commune_code", "name", "group", "total_points", "index", "rank", "group_size"]),
    value=_CELLS,
    drop=st.booleans(),
    command=st.sampled_from(["report", "explain", "previous"]),
)
def test_mutated_summary_never_crashes(column: str, value: str, drop: bool, command: str) -> None:
    from hostile_paths import _summary_frame

    summary = _summary_frame()
    summary = summary.drop(column) if drop else summary.with_columns(pl.lit(value).alias(column))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        res = fake_results_folder(folder, summary)
        if command == "previous":
            # What `pari score --previous` does with last year's results (a whole run per
            # example would be slow; the registry runs it as a command).
            with contextlib.suppress(PariError):
                previous_summary(read_results(res))
            return
        if command == "report":
            argv: list[str | Path] = ["report", res, "-o", folder / "r.html"]
        else:
            argv = ["explain", "00001", "--results", res]
        exit_code, output = _pari(*argv)
        assert exit_code in (0, 1, 2), output


# ---------------------------------------------------------------------------------------------
# Class 2: formula injection in headers and sheet names

HEADER = '=HYPERLINK("http://evil","click")'


def test_formula_header_from_the_register_is_neutralised_in_csv(tmp_path: Path) -> None:
    argv = formula_in_register_header(tmp_path)
    exit_code, output = _pari(*argv)
    assert exit_code == 0, output
    text = (tmp_path / "res" / "summary.csv").read_text(encoding="utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert "'" + HEADER in header and HEADER not in header
    assert not any(h.startswith(("=", "+", "-", "@", "\t", "\r")) for h in header)


def test_formula_header_is_neutralised_in_xlsx(tmp_path: Path) -> None:
    argv = formula_in_register_header(tmp_path)
    argv[argv.index("--format") : argv.index("--format") + 2] = []
    argv[argv.index("-o") + 1] = str(tmp_path / "out.xlsx")
    assert _pari(*argv)[0] == 0
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["Tổng hợp"]
    header = [c.value for c in sheet[1]]
    assert "'" + HEADER in header and HEADER not in header


@given(st.text(max_size=40), st.sets(st.text(max_size=31), max_size=4))
def test_safe_sheet_names_are_valid_excel_names(name: str, taken: set[str]) -> None:
    safe = outputs.safe_sheet_name(name, taken)
    assert 1 <= len(safe) <= 31
    assert not any(c in safe for c in "[]:*?/\\") and not any(ord(c) < 32 for c in safe)
    assert not safe.startswith("'") and not safe.endswith("'")
    assert not safe.startswith(("=", "+", "-", "@"))
    assert safe.casefold() not in {t.casefold() for t in taken} and safe.casefold() != "history"


def test_group_names_xlsxwriter_refused_now_make_a_workbook(tmp_path: Path) -> None:
    from pari_index.outputs.results import ResultTables

    groups = ["Huyện A'", "'", "=1+1", "History", "x" * 40, "x" * 40 + "y", "[]:*?/\\"]
    summary = pl.DataFrame(
        {"commune_code": [f"{i:05d}" for i in range(len(groups))], "group": groups, "rank": [1] * len(groups)}
    )
    about = pl.DataFrame({"key": ["criteria_id"], "value": ["x"]})
    tables = ResultTables(summary=summary, criteria=summary, findings=summary, rows=summary, about=about)
    write_results(tmp_path / "out.xlsx", tables)
    names = openpyxl.load_workbook(tmp_path / "out.xlsx").sheetnames
    assert len(names) == len(TABLES) + len(groups)


def test_workbook_and_its_overflow_files_are_written_together(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pari_index.outputs import results

    monkeypatch.setattr(results, "XLSX_MAX_ROWS", 3)
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"previous")

    def full(*_: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    from pari_index.outputs import workbook

    monkeypatch.setattr(workbook, "write_workbook", full)
    with pytest.raises(OutputError):
        write_results(out, _tables(5))
    # No overflow CSV of the failed run beside the previous workbook.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]
    assert out.read_bytes() == b"previous"
    monkeypatch.undo()
    monkeypatch.setattr(results, "XLSX_MAX_ROWS", 3)
    files = write_results(out, _tables(5))
    assert sorted(p.name for p in files) == sorted(["out.xlsx", *(f"out.{t}.csv" for t in TABLES if t != "about")])
    assert read_results(out)["criteria"].height == 5
