"""What the cases of tests/hostile_lead24.py answer, as real child processes with a time-out."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from children import answers_its_case
from hostile_lead24 import CASES, EXPECTED

from pari_index.intake.xlsx import MAX_XLSX_RATIO


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code(tmp_path: Path, case: str) -> None:
    args = CASES[case](tmp_path)
    with zipfile.ZipFile(tmp_path / "ket-qua.xlsx") as package:
        ratios = [info.file_size / info.compress_size for info in package.infolist() if info.file_size > 1024**2]
    assert max(ratios) > MAX_XLSX_RATIO  # what was refused as a zip bomb before
    said = answers_its_case(args, tmp_path, EXPECTED[case])
    assert "xlsx-compression-ratio" not in said
    written = "bao-cao.html" if case.startswith("report") else "nam-nay.xlsx"
    assert (tmp_path / written).stat().st_size > 0
