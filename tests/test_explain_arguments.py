"""``pari explain`` given a results file where a code belongs says so (argument-is-a-path, exit 2).

Before session 27, ``pari explain out/x.xlsx 00001`` looked for the default ``out/results.xlsx``
and said "file not found" of a file the user never gave (exit 1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main


@pytest.fixture
def results(tmp_path: Path) -> Path:
    # Any existing file: the arguments are refused before anything is read.
    path = tmp_path / "kết quả.xlsx"
    path.write_bytes(b"not read")
    return path


@pytest.mark.parametrize(
    ("order", "argument_vi", "argument_en"),
    [("code-second", "MÃ_XÃ", "COMMUNE"), ("criterion-slot", "TIÊU_CHÍ", "CRITERION")],
)
def test_a_results_file_given_as_a_code_is_named_as_such(
    results: Path, order: str, argument_vi: str, argument_en: str
) -> None:
    args = [str(results), "00001"] if order == "code-second" else ["00001", str(results)]
    vi = CliRunner().invoke(main, ["explain", *args])
    assert vi.exit_code == 2, vi.output
    assert f"{argument_vi} «{results}» là một tệp hoặc thư mục có thật, không phải mã" in vi.output
    assert "pari explain MÃ_XÃ [TIÊU_CHÍ] --results TỆP_KẾT_QUẢ" in vi.output
    assert "[argument-is-a-path]" in vi.output and "out/results.xlsx" not in vi.output
    en = CliRunner().invoke(main, ["explain", *args, "--lang", "en"])
    assert en.exit_code == 2, en.output
    assert f"{argument_en} «{results}» is a file or folder that exists, not a code" in en.output


def test_a_code_that_is_also_a_file_name_is_still_a_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file named like a code (no separator, no table's extension) is not taken for a path."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "00001").write_text("x", encoding="utf-8")
    done = CliRunner().invoke(main, ["explain", "00001", "--results", str(tmp_path / "missing.xlsx")])
    assert done.exit_code == 1 and "[argument-is-a-path]" not in done.output, done.output


def test_in_a_real_process(results: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pari_index", "explain", str(results), "00001"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "[argument-is-a-path]" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
