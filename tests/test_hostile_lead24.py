"""What the cases of tests/hostile_lead24.py answer, as real child processes with a time-out."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from children import answers_its_case, pari_child
from hostile_lead24 import CASES, EXPECTED

from pari_index.intake.xlsx import MAX_XLSX_RATIO


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


def test_a_damaged_page_is_told_as_damage(tmp_path: Path) -> None:
    said = answers_its_case(
        CASES["report-of-damaged-results-page"](tmp_path), tmp_path, EXPECTED["report-of-damaged-results-page"]
    )
    assert "findings.parquet: không giải mã được các trang dữ liệu của bảng này của kết quả" in said
    assert "panicked" not in said and not (tmp_path / "bao-cao.html").exists()


def test_a_damaged_parquet_input_keeps_the_panic_off_the_console(tmp_path: Path) -> None:
    args = CASES["score-of-damaged-parquet-input"](tmp_path)
    said = answers_its_case(args, tmp_path, EXPECTED["score-of-damaged-parquet-input"])
    assert "tu-danh-gia.parquet: không đọc được dạng Parquet" in said
    assert "panicked" not in said and "stack backtrace" not in said


def test_a_swapped_explanation_is_refused(tmp_path: Path) -> None:
    said = answers_its_case(
        CASES["explain-of-swapped-explanation"](tmp_path), tmp_path, EXPECTED["explain-of-swapped-explanation"]
    )
    assert "criteria.parquet: các byte của bảng này của kết quả không phải là những byte lệnh chấm điểm đã ghi" in said


OWN = sorted(case for case in CASES if "own-long-id" in case)


@pytest.mark.parametrize("case", OWN)
def test_each_case_answers_its_code(tmp_path: Path, case: str) -> None:
    args = CASES[case](tmp_path)
    with zipfile.ZipFile(tmp_path / "ket-qua.xlsx") as package:
        ratios = [info.file_size / info.compress_size for info in package.infolist() if info.file_size > 1024**2]
    assert max(ratios) > MAX_XLSX_RATIO  # what was refused as a zip bomb before
    before = (tmp_path / "ket-qua.xlsx").read_bytes()
    # Run as the sweeps run a case, but for the bound on what it says: the --previous run prints
    # its 50 problems, each naming the test's (long) folder.
    done = pari_child(args, tmp_path, timeout=120)
    said = done.stdout + done.stderr
    status, code, _ = EXPECTED[case]
    assert done.returncode == status and (code is None or f"[{code}]" in said), said[-3000:]
    assert "Traceback" not in said and "lỗi nội bộ" not in said and len(said) < 50 * 800
    assert "xlsx-compression-ratio" not in said and (tmp_path / "ket-qua.xlsx").read_bytes() == before
    written = "bao-cao.html" if case.startswith("report") else "nam-nay.xlsx"
    assert (tmp_path / written).stat().st_size > 0
