"""What the cases of tests/hostile_sweep10.py answer, and the classes behind them: a legacy
workbook (.xls, .xlsb) is measured before calamine reads it, as an .xlsx or .ods is; a panic of
the spreadsheet library is the file's finding, never exit 70; and every error number the system
gives has Vietnamese words.

The cases run as real child processes (an abort of calamine would end the test process)."""

from __future__ import annotations

import errno
import os
import resource
import struct
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from biff_writers import write_xls, write_xls_mini, write_xls_table, write_xlsb, xls_sheet, xls_stream, xlsb_sheet
from children import pari_child
from click.testing import CliRunner
from hostile_sweep8 import XLSX_ROWS, _example_csv, _rows, _score
from hostile_sweep10 import CASES, EXPECTED, RESOURCE_LIMITS

from pari_index.cli import main
from pari_index.errors import EXIT_INTERNAL, IntakeError
from pari_index.intake.xlsx import read_excel
from pari_index.messages.command_line import os_reason_vi
from pari_index.outputs.results import read_results

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _child(args: list[str], folder: Path, limits: dict[int, int] | None = None) -> subprocess.CompletedProcess[str]:
    return pari_child(args, folder, limits)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {os.fsdecode(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    args = CASES[case](tmp_path)
    status, code, kept = EXPECTED[case]
    before = {name: (tmp_path / name).read_bytes() for name in kept}
    done = _child(args, tmp_path, RESOURCE_LIMITS.get(case))
    said = done.stdout + done.stderr
    assert done.returncode == status, said
    assert "Traceback" not in said and "panicked at" not in said and "stack backtrace" not in said
    if code is not None:
        assert f"[{code}]" in said
    # The system's English words appear only in brackets, after Vietnamese ones.
    english = [os.strerror(n) for n in errno.errorcode if os.strerror(n) in said]
    assert all(f"({reason})" in said and f": {reason}" not in said for reason in english), said
    assert all((tmp_path / name).read_bytes() == data for name, data in before.items())
    assert not any(".pari-" in name for name in os.listdir(tmp_path))


def test_an_honest_xls_reads_as_the_same_rows_in_csv(tmp_path: Path) -> None:
    """The measure reads an .xls that Excel could have written as calamine does: every row scored,
    located on its own row of the sheet, the same summary as the CSV of the same rows."""
    done = _child(CASES["xls-example-rows"](tmp_path), tmp_path)
    assert done.returncode == 0, done.stderr
    rows = read_results(tmp_path / "out.xlsx")["rows"]
    workbook = rows.filter(pl.col("file").str.ends_with(".xls"))
    assert workbook.height == XLSX_ROWS - 1 and workbook["status"].unique().to_list() == ["scored"]
    same = tmp_path / "same"
    same.mkdir()
    assert _child(_score(same, assessments=_example_csv(same)), same).returncode == 0
    assert read_results(tmp_path / "out.xlsx")["summary"].equals(read_results(same / "out.xlsx")["summary"])


def test_a_table_lower_in_an_xls_sheet_is_located_on_its_own_rows(tmp_path: Path) -> None:
    """calamine's grid starts at the first cell with content: a finding names the sheet's row."""
    rows = [["commune_code", "criterion_id", "input", "value"], ["99999", "1.1.1", "", "có"]]
    path = write_xls(tmp_path / "low.xls", xls_stream([("data", xls_sheet(_cells(rows, first_row=4)))], _strings(rows)))
    read = read_excel(path, "low.xls")
    assert read.problems == [] and read.sheets[0].frame["_row"].to_list() == [6]


def _strings(rows: list[list[str]]) -> list[str]:
    return list(dict.fromkeys(text for row in rows for text in row if text))


def _cells(rows: list[list[str]], first_row: int = 0) -> list[tuple[int, int, int]]:
    strings = _strings(rows)
    return [(first_row + r, c, strings.index(t)) for r, row in enumerate(rows) for c, t in enumerate(row) if t]


@pytest.mark.parametrize(
    ("dimension", "refused"),
    [
        ((0, 300, 0, 10), False),  # the range Excel declares for the table
        ((0, 600_000, 0, 10), True),  # six million cells reserved
        ((5, 3, 0, 1), True),  # a last row before the first: calamine's arithmetic wraps to 4e9
        ((0, 65_536, 0, 256), True),  # a whole BIFF8 sheet declared
    ],
)
def test_a_declared_xls_range_is_a_used_range(tmp_path: Path, dimension: tuple[int, ...], refused: bool) -> None:
    rows = _rows("assessments_long.csv")[:XLSX_ROWS]
    sheet = xls_sheet(_cells(rows), dimension=dimension)  # type: ignore[arg-type]
    path = write_xls(tmp_path / "d.xls", xls_stream([("data", sheet)], _strings(rows)))
    if refused:
        with pytest.raises(IntakeError) as raised:
            read_excel(path, "d.xls")
        assert raised.value.problems[0].code == "sheet-too-large"
    else:
        assert read_excel(path, "d.xls").sheets[0].frame.height == XLSX_ROWS - 1


@pytest.mark.parametrize("listed", [1, 300])
def test_an_xls_sheet_listed_many_times_counts_each_time(tmp_path: Path, listed: int) -> None:
    """300 listings of a sheet of 20,000 cells build six million cells: over the workbook's limit."""
    rows = _rows("assessments_long.csv")[:2000]
    sheet = xls_sheet(_cells(rows))
    path = write_xls(tmp_path / "s.xls", xls_stream([(f"s{i}", sheet) for i in range(listed)], _strings(rows)))
    if listed == 1:
        assert read_excel(path, "s.xls").sheets[0].frame.height == 1999
    else:
        with pytest.raises(IntakeError) as raised:
            read_excel(path, "s.xls")
        assert raised.value.problems[0].code == "xlsx-too-many-cells"


def test_a_small_xls_in_the_mini_stream_is_read_and_measured(tmp_path: Path) -> None:
    rows = [row[:4] for row in _rows("assessments_long.csv")[:3]]
    path = write_xls_mini(tmp_path / "small.xls", xls_stream([("data", xls_sheet(_cells(rows)))], _strings(rows)))
    assert read_excel(path, "small.xls").sheets[0].frame.height == 2
    far = xls_sheet([*_cells(rows), (65535, 200, 0)])
    path = write_xls_mini(tmp_path / "far.xls", xls_stream([("data", far)], _strings(rows)))
    with pytest.raises(IntakeError) as raised:
        read_excel(path, "far.xls")
    assert raised.value.problems[0].code == "sheet-too-sparse"


def test_an_xls_whose_sector_chain_loops_is_damaged(tmp_path: Path) -> None:
    path = write_xls_table(tmp_path / "loop.xls", _rows("assessments_long.csv")[:20])
    data = bytearray(path.read_bytes())
    fat_sector = struct.unpack_from("<I", data, 76)[0]
    struct.pack_into("<I", data, 512 + fat_sector * 512, 0)  # sector 0 continues into itself
    path.write_bytes(bytes(data))
    with pytest.raises(IntakeError) as raised:
        read_excel(path, "loop.xls")
    assert raised.value.problems[0].code == "xlsx-damaged"


def test_an_honest_xlsb_reads_its_rows_and_a_far_cell_is_refused(tmp_path: Path) -> None:
    rows = _rows("assessments_long.csv")[:XLSX_ROWS]
    cells = [(r, c, t) for r, row in enumerate(rows) for c, t in enumerate(row) if t]
    part = {"worksheets/sheet1.bin": xlsb_sheet(cells)}
    path = write_xlsb(tmp_path / "ok.xlsb", [("data", "worksheets/sheet1.bin")], part)
    assert read_excel(path, "ok.xlsb").sheets[0].frame.height == XLSX_ROWS - 1
    part = {"worksheets/sheet1.bin": xlsb_sheet([*cells, (2_000_000, 3, "x")])}
    path = write_xlsb(tmp_path / "far.xlsb", [("data", "worksheets/sheet1.bin")], part)
    with pytest.raises(IntakeError) as raised:
        read_excel(path, "far.xlsb")
    assert raised.value.problems[0].code == "sheet-too-sparse"


def test_a_panic_of_the_library_is_a_finding_not_an_internal_error(tmp_path: Path) -> None:
    """In process too (CliRunner): the panic is caught as the file's finding, never exit 70."""
    args = CASES["xlsb-unknown-relationship"](tmp_path)
    result = runner.invoke(main, [*args, "--lang", "en"])
    assert result.exit_code == 1 and result.exit_code != EXIT_INTERNAL, result.output
    assert "[not-a-spreadsheet]" in result.output and "PanicException" in result.output


@pytest.mark.parametrize("number", sorted(errno.errorcode))
def test_every_error_number_of_the_system_has_vietnamese_words(number: int) -> None:
    reason = os.strerror(number)
    said = os_reason_vi(reason)
    assert said is not None and said.endswith(f"({reason})") and said != f"({reason})"


def test_a_file_size_limit_is_said_in_vietnamese_and_leaves_no_partial_file(tmp_path: Path) -> None:
    done = _child(_score(tmp_path), tmp_path, {resource.RLIMIT_FSIZE: 64 * 1024})
    assert done.returncode == 4, done.stderr
    assert "tệp vượt quá kích thước hệ thống cho phép (File too large)" in done.stderr
    assert not (tmp_path / "out.xlsx").exists()
    assert sorted(os.listdir(tmp_path)) == ["assessments_long.csv", "communes.csv", "survey.csv"]


def _score_with_stderr(folder: Path, stderr: int) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    args = [sys.executable, "-m", "pari_index.cli", *_score(folder)]
    args.remove("-q")  # progress lines on
    return subprocess.run(args, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=stderr, timeout=300).returncode


def test_a_console_on_a_full_disk_does_not_stop_the_run(tmp_path: Path) -> None:
    """Progress lines to a standard error on a full disk (a cron job's log): the run stopped
    with exit 1 before its results were written; they are written, and the run succeeds."""
    with open("/dev/full", "w") as full:
        assert _score_with_stderr(tmp_path, full.fileno()) == 0
    assert read_results(tmp_path / "out.xlsx")["summary"].height == 60


def test_a_closed_console_pipe_still_gets_the_results_written(tmp_path: Path) -> None:
    """``pari score ... 2>| head -c 5``: a standard error whose reader is gone (EPIPE; Python
    ignores SIGPIPE) stopped the run at its first progress line, exit 1, no results."""
    read, write = os.pipe()
    os.close(read)
    try:
        assert _score_with_stderr(tmp_path, write) == 0
    finally:
        os.close(write)
    assert read_results(tmp_path / "out.xlsx")["summary"].height == 60


def test_the_standard_error_is_put_back_after_readers_in_two_threads(tmp_path: Path) -> None:
    """The appraisal may be read beside the assessments: the standard error is held while either
    reads and put back once both are done (a panic's words held off it, nothing else lost)."""
    from concurrent.futures import ThreadPoolExecutor

    before = os.fstat(2)
    broken = Path(CASES["xlsb-unknown-relationship"](tmp_path)[1])
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: read_excel(broken, "broken.xlsb"), range(6)))
    assert all(r.problems[0].code == "not-a-spreadsheet" for r in results)
    after = os.fstat(2)
    assert (after.st_dev, after.st_ino) == (before.st_dev, before.st_ino)


@pytest.mark.parametrize("command", ["report", "explain"])
def test_a_results_workbook_the_library_panics_on_is_not_results_not_an_internal_error(
    tmp_path: Path, command: str
) -> None:
    """The same panic when a crafted workbook is given as results (pari report, pari explain
    --results): the reader of results caught only Exception, so the run ended as exit 70."""
    from hostile_sweep10 import xlsb_unknown_relationship

    xlsb_unknown_relationship(tmp_path)
    results = str(tmp_path / "broken.xlsb")
    argv = (
        ["report", results, "-o", str(tmp_path / "r.html")]
        if command == "report"
        else ["explain", "00001", "--results", results]
    )
    out = runner.invoke(main, argv)
    assert out.exit_code == 1, out.output
    assert "[not-results]" in out.output
    assert "PanicException" in out.output  # the library's error named, in the run's words
    assert not (tmp_path / "r.html").exists()
