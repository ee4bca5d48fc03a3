"""Issue 15: a large CSV file read a range of records at a time (``csv_input.CsvRanges``, the
intake of a batched run) gives the same sheet, problems and intake as the file read whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hostile_csv import CASES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_batches import messy, same_intake_by_batch  # noqa: F401  (a fixture, and its check)

from pari_index.intake import csv_input
from pari_index.intake.csv_input import FIRST_RANGE_LINES, read_csv_bytes, read_owned_csv_bytes, record_ranges
from pari_index.intake.sheet import MAX_CELL_CHARS, MAX_CELL_FINDINGS, ReadResult

LINE = st.text(alphabet=st.sampled_from(list('ab,"\t xã\u0303\r0')), max_size=10)
QUOTED = st.lists(st.sampled_from(['"a\nb"', '"x,""y"""', "c", '""', '"\r\n"', "é"]), max_size=3).map(",".join)


def ranged(
    raw: bytes, size: int, monkeypatch: pytest.MonkeyPatch, kept: int = 2**30
) -> tuple[pl.DataFrame | None, ReadResult]:
    """``raw`` read as the intake of a batched run reads it, a range of about ``size`` bytes at a
    time: the sheet's rows put together (None when it has none) and the result of the read with
    the problems known once every range is read. The grids of the first ``kept`` bytes are kept
    from the check that polars reads the file, the others parsed again."""
    with monkeypatch.context() as patch:
        patch.setattr(csv_input, "RANGED_BYTES", 0)
        patch.setattr(csv_input, "RANGE_BYTES", size)
        patch.setattr(csv_input, "KEPT_GRID_BYTES", kept)
        read = read_owned_csv_bytes([raw], "f.csv", ranged=True)
        if not read.sheets or read.sheets[0].ranges is None:
            return (read.sheets[0].frame if read.sheets else None), read
        ranges = read.sheets[0].ranges
        first = ranges.first()
        if first is None:
            whole = ranges.whole()
            return (whole.sheets[0].frame if whole.sheets else None), whole
        frame = pl.concat([first.frame, *ranges.rest()])
    return frame, ReadResult([], ranges.found)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=st.sampled_from(["code,name,value", "code,,value", "code,name", "code\tname", ",,", "code,_row"]),
    lines=st.lists(LINE | QUOTED | st.just("1,2,3") | st.just(""), max_size=30),
    size=st.integers(min_value=1, max_value=60),
    long_at=st.none() | st.integers(min_value=0, max_value=30),
    bad_byte_at=st.none() | st.integers(min_value=0, max_value=30),
    kept=st.sampled_from([0, 300, 2**30]),
)
def test_a_csv_read_in_ranges_of_records_reads_as_read_whole(
    header: str,
    lines: list[str],
    size: int,
    long_at: int | None,
    bad_byte_at: int | None,
    kept: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read a range of about ``size`` bytes of whole records at a time, a CSV file gives the same
    sheet (rows, their numbers, cells) and the same problems, in order, as read whole: quoted
    line breaks and quotes, blank lines, a cell too long or a byte that cannot be decoded in a
    later range, cells under a column with no name, a reserved column name, a quote inside a
    cell or a ragged row anywhere (then the file is read whole, as before); the ranges' grids
    kept from the check that polars reads them (``kept`` bytes of them), or parsed again."""
    if long_at is not None and long_at <= len(lines):
        lines.insert(long_at, "x" * (MAX_CELL_CHARS + 1) + ",1")
    raw = (header + "\n" + "\n".join(lines) + "\n").encode("utf-8")
    if bad_byte_at is not None and bad_byte_at <= len(lines):
        at = raw.find(b"\n", len(header) + bad_byte_at) + 1 or len(raw)
        raw = raw[:at] + b"\xff,2\n" + raw[at:]  # undecodable in UTF-8 (a file mostly UTF-8)
    whole = read_csv_bytes(raw, "f.csv")
    frame, read = ranged(raw, size, monkeypatch, kept)
    assert read.problems == whole.problems
    if not whole.sheets:
        assert frame is None
    else:
        assert frame is not None and frame.equals(whole.sheets[0].frame)


def test_reported_cells_are_counted_across_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    """More cells too long than are reported one by one, spread over many ranges: the first
    MAX_CELL_FINDINGS are reported and one finding says how many more, as when read whole."""
    long = "x" * (MAX_CELL_CHARS + 1)
    raw = ("code,value\n" + "".join(f"{i},{long}\n" for i in range(MAX_CELL_FINDINGS + 7))).encode()
    whole = read_csv_bytes(raw, "f.csv")
    frame, read = ranged(raw, 3 * MAX_CELL_CHARS, monkeypatch)
    assert read.problems == whole.problems
    assert len(read.problems) == MAX_CELL_FINDINGS + 1 and read.problems[-1].params == {
        "long_cell": "csv_more",
        "more": 7,
    }
    assert frame is not None and frame.equals(whole.sheets[0].frame) and frame.height == MAX_CELL_FINDINGS + 7


def test_csv_ranges_end_where_records_end() -> None:
    """Ranges are cut after a line break that follows an even number of quotes (not inside a
    quoted cell), and never start with a blank line."""
    head = b"h\n" * FIRST_RANGE_LINES  # the first range holds the lines its headings are told from
    data = head + b'"a\nb"\n\n\nc\nd\n'
    assert [data[s:e] for s, e in record_ranges(data, 1)] == [head, b'"a\nb"\n\n\n', b"c\n", b"d\n"]
    assert list(record_ranges(b"h\n1\n", 1)) == [(0, 4)]


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize(
    ("order", "ranged_bytes"), [((0, 1, 2, 3, 4), 20_000), ((2, 0, 4, 1, 3), 20_000), ((2, 0, 4, 1, 3), 0)]
)
@pytest.mark.parametrize("kept", [0, 5_000, 2**30])
def test_the_intake_by_batch_of_files_read_by_range_is_the_whole_intake(
    messy: tuple[list[Path], Any],  # noqa: F811
    size: int,
    order: tuple[int, ...],
    ranged_bytes: int,
    kept: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The long file read a range of about 700 bytes at a time (some 14 rows), the others whole,
    in an order where it sits between two files of the same columns (one group of sheets); or
    every file read by range (``ranged_bytes`` 0: the wide file is then read whole again): the
    intake checked by batch is the whole intake (findings in order, ledger, each batch's rows)."""
    paths, (leaves, register) = messy
    monkeypatch.setattr(csv_input, "RANGED_BYTES", ranged_bytes)  # 20,000: the long file (about 60 KB) only
    monkeypatch.setattr(csv_input, "RANGE_BYTES", 700)
    monkeypatch.setattr(csv_input, "KEPT_GRID_BYTES", kept)  # the first ranges' grids kept, or none, or all
    chosen = [paths[i] for i in order]
    assert sum(path.stat().st_size > 20_000 for path in chosen) >= 1
    whole = same_intake_by_batch(chosen, leaves, register, size, 150, monkeypatch)
    assert whole.findings.height > 40


CSV_CASES = [name for name in CASES if name.startswith("csv-") and name != "csv-sparse-file"]


@pytest.mark.parametrize("case", CSV_CASES)
def test_hostile_csv_files_read_by_range_give_the_same_problems(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each hostile CSV case's files read a range of about 64 bytes at a time give the same sheet
    and problems, in order, as read whole (or are read whole)."""
    argv = CASES[case](tmp_path)
    files = [Path(arg) for arg in argv if arg.endswith(".csv") and Path(arg).is_file()]
    assert files
    for path in files:
        raw = path.read_bytes()
        whole = read_csv_bytes(raw, "f.csv")
        frame, read = ranged(raw, 64, monkeypatch)
        assert read.problems == whole.problems
        if whole.sheets:
            assert frame is not None and frame.equals(whole.sheets[0].frame)
        else:
            assert frame is None


def test_the_grids_kept_from_the_check_share_one_budget_over_the_files_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KEPT_GRID_BYTES is for all the files of one read, not each: with room for one file's
    ranges, the first file keeps them all and the second none (five national-size files kept
    three times the memory of one); each reads as it would whole."""
    from pari_index.intake import many

    body = "".join(f"{i:05d},1.1.1,x,{i}\n" for i in range(400))
    paths = []
    for name in ("a.csv", "b.csv"):
        path = tmp_path / name
        path.write_text("commune_code,criterion_id,input,value\n" + body, encoding="utf-8")
        paths.append(path)
    size = paths[0].stat().st_size
    monkeypatch.setattr(csv_input, "RANGED_BYTES", 0)
    monkeypatch.setattr(csv_input, "RANGE_BYTES", 1_000)
    monkeypatch.setattr(csv_input, "KEPT_GRID_BYTES", size * csv_input.KEPT_PER_BYTE)
    monkeypatch.setattr(csv_input, "GRID_COLUMN_BYTES", 1)  # (these files' few columns: counted by their bytes)
    read = many.read_many_tables(paths, ranged=True)
    kept = [len(sheet.ranges._kept) for sheet in read.sheets if sheet.ranges is not None]
    assert len(kept) == 2 and kept[0] >= 5 and kept[1] == 0, kept
    whole = many.read_many_tables(paths)
    for ranged_sheet, whole_sheet in zip(read.sheets, whole.sheets, strict=True):
        assert ranged_sheet.ranges is not None
        first = ranged_sheet.ranges.first()
        assert first is not None
        assert pl.concat([first.frame, *ranged_sheet.ranges.rest()]).equals(whole_sheet.frame)
