"""What the cases of tests/hostile_limits40.py answer; that a sheet the workbook lists as hidden
is told from that list, neither loaded nor held to a table's row limit, in an .xlsx and an .xls
alike, while a visible sheet past the limit is still refused; and that a Parquet file's cells, as
its footer counts them, are held to PARI_MAX_PARQUET_CELLS or 12 a byte before a grid is made of them."""

from __future__ import annotations

import struct
from pathlib import Path

import polars as pl
import pytest
from biff_writers import write_xls, xls_sheet, xls_stream
from hostile_limits40 import CASES, EXPECTED, NOT_WRITTEN, register_beside_hidden_sheet, register_rows
from hostile_sweep8 import EXAMPLES, _score
from sweeps import case_tests, language_tests, run_in_process

from pari_index.intake.parquet_input import read_parquet
from pari_index.intake.parquet_measure import CELLS_RATIO

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

#: The register's row limit in these tests, and the codes of the hidden sheet past it.
LIMIT, HIDDEN = 100, 500


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


def _score_with_register(folder: Path, register: Path, *extra: str) -> tuple[int, str]:
    argv = _score(folder, *extra)
    argv[argv.index("--communes") + 1] = str(register)
    return run_in_process(*argv)


@pytest.mark.parametrize(("state", "words_vi"), [("hidden", "bị ẩn"), ("veryHidden", "bị ẩn hẳn")])
def test_a_hidden_sheet_past_the_row_limit_is_told_and_the_register_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: str, words_vi: str
) -> None:
    """The example register beside a hidden sheet of HIDDEN codes, under a limit of LIMIT rows:
    the register's 60 units are read and ranked, the hidden sheet told (not the rows limit);
    before session 40 the whole workbook was refused as ``too-many-rows`` naming the sheet ``cu``."""
    register = register_beside_hidden_sheet(tmp_path / "communes.xlsx", HIDDEN, state)
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", str(LIMIT))
    status, said = _score_with_register(tmp_path, register)
    assert status == 1 and "too-many-rows" not in said, said
    assert f"lỗi: {register} [cu]: trang tính {words_vi}" in said and "nên không được đọc [hidden-sheet]" in said
    # The example's run: its 60 units ranked, the 12 without assessments among them.
    assert (tmp_path / "out.xlsx").exists() and "12 xã không nộp tự đánh giá" in said, said


def test_a_visible_sheet_past_the_row_limit_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same workbook with its second sheet visible: refused, naming it, as before."""
    import xlsxwriter

    register = tmp_path / "communes.xlsx"
    with xlsxwriter.Workbook(str(register)) as workbook:
        units = workbook.add_worksheet("communes")
        for number, row in enumerate(register_rows()):
            units.write_row(number, 0, row)
        old = workbook.add_worksheet("cu")
        for number in range(HIDDEN + 1):
            old.write_string(number, 0, f"{number:07d}")
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", str(LIMIT))
    status, said = _score_with_register(tmp_path, register)
    assert status == 1 and f"lỗi: {register} [cu]: " in said and "[too-many-rows]" in said, said
    assert not (tmp_path / "out.xlsx").exists()


def _xls_register(path: Path, hidden_state: int) -> Path:
    """The example register as an .xls sheet ``communes`` and a sheet ``cu`` of HIDDEN codes, whose
    BoundSheet8 gives ``hidden_state`` (hsState: 0 visible, 1 hidden, 2 very hidden)."""
    strings: dict[str, int] = {}
    cells = [
        (r, c, strings.setdefault(text, len(strings)))
        for r, row in enumerate(register_rows())
        for c, text in enumerate(row)
        if text
    ]
    codes = [(r, 0, strings.setdefault(f"{r:07d}", len(strings))) for r in range(HIDDEN + 1)]
    stream = xls_stream([("communes", xls_sheet(cells)), ("cu", xls_sheet(codes))], list(strings))
    # The second BoundSheet8 (type 0x0085): its hsState is the byte after the sheet's offset.
    name = struct.pack("<BB", 2, 1) + "cu".encode("utf-16-le")
    at = stream.index(name) - 2
    return write_xls(path, stream[:at] + bytes([hidden_state]) + stream[at + 1 :])


@pytest.mark.parametrize(("hidden_state", "told"), [(1, "hidden-sheet"), (2, "hidden-sheet"), (0, "too-many-rows")])
def test_an_xls_sheet_is_held_to_the_limit_as_its_state_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hidden_state: int, told: str
) -> None:
    """An .xls register beside a sheet of HIDDEN codes: told hidden and the register read when
    its BoundSheet8 hides it (hidden or very hidden), refused past the limit when visible."""
    register = _xls_register(tmp_path / "communes.xls", hidden_state)
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", str(LIMIT))
    status, said = _score_with_register(tmp_path, register, "--lang", "en")
    assert status == 1 and f"error: {register} [cu]: " in said and f"[{told}]" in said, said
    assert (tmp_path / "out.xlsx").exists() == (told == "hidden-sheet"), said


def test_a_parquet_file_is_read_up_to_its_cells_limit_and_refused_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """100,000 rows of two columns, one value given again (200,000 cells in some 1 KB, far more
    than 12 a byte): read at PARI_MAX_PARQUET_CELLS=200000, refused at 199999 naming the rows,
    columns, cells, bytes and the limit, and nothing read."""
    path = tmp_path / "x.parquet"
    pl.DataFrame({"commune_code": ["00001"] * 100_000, "value": ["1"] * 100_000}).write_parquet(path)
    size = path.stat().st_size
    assert CELLS_RATIO * size < 199_999
    monkeypatch.setenv("PARI_MAX_PARQUET_CELLS", "200000")
    read = read_parquet(path, "x.parquet")
    assert [p.code for p in read.problems] == [] and read.sheets[0].frame.height == 100_000
    monkeypatch.setenv("PARI_MAX_PARQUET_CELLS", "199999")
    read = read_parquet(path, "x.parquet")
    assert read.sheets == [] and [p.code for p in read.problems] == ["parquet-too-many-cells"]
    assert read.problems[0].message == (
        f"100,000 rows × 2 columns is 200,000 cells in {size:,} bytes, more than the 199,999 cells pari-index "
        "reads from a Parquet file of this size (past 199,999 cells, at most 12 cells a byte); it was not read"
    )


def test_a_parquet_file_may_hold_twelve_cells_a_byte_past_the_floor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose cells are within 12 a byte of its size is read whatever the floor says."""
    path = tmp_path / "x.parquet"
    pl.DataFrame({"commune_code": [f"{i:07d}" for i in range(20_000)]}).write_parquet(path, compression="uncompressed")
    assert CELLS_RATIO * path.stat().st_size >= 20_000
    monkeypatch.setenv("PARI_MAX_PARQUET_CELLS", "1")
    read = read_parquet(path, "x.parquet")
    assert [p.code for p in read.problems] == [] and read.sheets[0].frame.height == 20_000


def test_a_genuine_long_form_with_its_evidence_columns_empty_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review of session 40: at 4 cells a byte, demo-data's national long form with its evidence
    columns left empty (5.2 to 6.9 cells a byte as polars writes it) was parquet-too-many-cells.
    Here the example's answers given by eight times its units, evidence empty: some 10 a byte,
    read whatever the floor says."""
    long = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema_length=0)
    units = [
        long.with_columns((pl.col("commune_code").cast(pl.Int64) + 1000 * k).cast(pl.String).str.zfill(5))
        for k in range(8)
    ]
    empty = [pl.lit(None, pl.String).alias(name) for name in ("evidence_number", "evidence_date", "evidence_file")]
    frame = pl.concat(units).with_columns(empty)
    path = tmp_path / "long.parquet"
    frame.write_parquet(path)
    cells = frame.height * frame.width
    assert 4 * path.stat().st_size < cells <= CELLS_RATIO * path.stat().st_size
    monkeypatch.setenv("PARI_MAX_PARQUET_CELLS", "1")
    read = read_parquet(path, "long.parquet")
    assert [p.code for p in read.problems] == [] and read.sheets[0].frame.height == frame.height
