"""What the cases of tests/hostile_sweep16.py answer, and the classes behind them: a workbook's sheet
whose text was typed with a legacy Vietnamese font (TCVN3/ABC, VNI) is refused as ``legacy-font``
(a register's garbled names were published, exit 0); text files and criteria sets in UTF-32 are
read (they were "a binary file"); a formula whose saved result is the empty text is a blank cell,
not ``formula-without-value``; an output folder that is a broken symbolic link is said to be one
(it was "a file"); a run whose current folder was deleted says so, naming the folder (it was an
"os-error" naming no file); a command started with its standard output closed says it cannot
write it (``pari schema >&-`` printed nothing and exited 0).

The cases run as real child processes with a time-out."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest
from children import ROOT
from hostile_sweep8 import _examples, _score
from hostile_sweep16 import CASES, EXPECTED, NOT_WRITTEN
from sweeps import case_tests
from sweeps import sweep_child as _child

from pari_index.intake.decoding import decode_text, is_binary
from pari_index.intake.tables import read_csv_bytes
from pari_index.letters.legacy_encoding import typed_in_legacy_font
from pari_index.messages.rendering import render

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)


# ---------------------------------------------------------------------------------------------
# Legacy fonts in a workbook


def test_a_register_typed_in_tcvn3_is_refused_by_sheet_in_both_languages(tmp_path: Path) -> None:
    """It was read: 60 units named ``Ph\xadêng Hång CÈm`` in the ranking, exit 0."""
    args = CASES["legacy-tcvn3-register-workbook"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 1, en.stderr
    said = (
        f"error: {tmp_path}/communes.xlsx [data]: the text was typed with a legacy Vietnamese font "
        "(TCVN3/ABC or VNI): 84 % of its letters outside ASCII (µ å Ö · ç ÷ ¬ Ë) are no Vietnamese letters; "
        "the sheet was not read, rather than score garbled text [legacy-font]"
    )
    assert said in en.stderr, en.stderr
    assert (
        "hint: convert the workbook to Unicode (e.g. Unikey's converter, from TCVN3 or VNI), then save it" in en.stderr
    )
    assert not (tmp_path / "out.xlsx").exists()
    vi = _child(args, tmp_path)
    assert "chữ trong trang tính được gõ bằng phông tiếng Việt cũ (TCVN3/ABC hoặc VNI): 84 %" in vi.stderr, vi.stderr


def test_an_assessments_form_in_tcvn3_is_one_finding_not_one_a_cell(tmp_path: Path) -> None:
    """Its answers were refused one cell at a time (``cã không phải là có/không``), 100 lines."""
    args = CASES["legacy-tcvn3-assessments-workbook"](tmp_path)
    done = _child([*args, "--lang", "en"], tmp_path)
    assert done.stderr.count("[legacy-font]") == 1, done.stderr
    assert "bad-value" not in done.stderr and "[file-unread]" in done.stderr


@pytest.mark.parametrize(
    "cells",
    [
        ["Phường Hồng Cẩm", "Xã Tân Hoà", "Thị trấn Đông Anh"],
        ["≥ 90 %", "± 5", "Tỷ lệ ≥ 70 %", "日本語", "Ελληνικά"],
        ["Dự toán © 2025", "São Tomé"],
    ],
)
def test_genuine_unicode_text_is_no_legacy_font(cells: list[str]) -> None:
    """Vietnamese in Unicode, signs and other scripts: not the evidence of a font's bytes."""
    assert typed_in_legacy_font(cells) is None


# ---------------------------------------------------------------------------------------------
# UTF-32


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-16-le", "utf-16-be"])
def test_wide_unicode_text_decodes_and_is_not_binary(codec: str) -> None:
    text = "commune_code,value\n00001,Có đúng hạn\n" * 20
    raw = text.encode(codec)
    assert not is_binary(raw)
    assert decode_text(raw).text == text


@pytest.mark.parametrize("order", ["little", "big"])
def test_a_utf32_file_without_its_mark_is_read_with_a_warning_saying_so(order: str) -> None:
    result = read_csv_bytes("code,name\n00001,Mỹ Hiệp\n".encode(f"utf-32-{order[0]}e"), "u.csv")
    assert [(p.code, p.severity) for p in result.problems] == [("encoding-fallback", "warning")]
    said = result.problems[0]
    assert f"UTF-32 ({order}-endian), since 3 bytes of 4 are zero" in said.message
    assert "cứ bốn byte lại có ba byte 0" in render(said.code, said.params, "vi")
    assert result.sheets[0].frame["name"].to_list() == ["Mỹ Hiệp"]


# ---------------------------------------------------------------------------------------------
# Formulas whose saved result is the empty text


def test_formulas_saved_empty_are_blank_but_formulas_never_calculated_are_still_named(tmp_path: Path) -> None:
    """500 rows of ``=IF(1,"","")`` saved by Excel as ``t="str"`` and ``<v></v>``: 5,000
    formula-without-value errors, exit 1; sweep 13's formulas of numbers without a result
    (xlsxwriter's ``<v></v>`` without a type) are still each named."""
    done = _child(CASES["xlsx-formulas-of-nothing"](tmp_path), tmp_path)
    assert done.returncode == 0 and "formula-without-value" not in done.stderr, done.stderr
    from hostile_sweep13 import formulas_without_results

    other = tmp_path / "other"
    other.mkdir()
    unsaved = _child(formulas_without_results(other), other)
    assert unsaved.returncode == 1 and "[formula-without-value]" in unsaved.stderr, unsaved.stderr


# ---------------------------------------------------------------------------------------------
# An output folder that is a broken link


def test_an_output_folder_link_to_a_deleted_folder_is_named_as_a_broken_link(tmp_path: Path) -> None:
    args = CASES["os-output-folder-dangling-link"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 4, en.stderr
    said = (
        f"-o: {tmp_path}/results is a symbolic link that leads to no folder (its target is missing, "
        "or the links loop) [output-folder-broken-link]"
    )
    assert said in en.stderr and "is a file" not in en.stderr, en.stderr
    assert not (tmp_path / "old-results").exists()


# ---------------------------------------------------------------------------------------------
# The current folder deleted under the terminal


def _in_a_deleted_folder(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``pari ARGS`` started by a shell in ``tmp_path/gone``, deleted after the shell entered it."""
    script = 'mkdir gone && cd gone && rmdir ../gone && exec "$@"'
    argv = ["sh", "-c", script, "sh", sys.executable, "-m", "pari_index.cli", *args]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(
    "args",
    [
        ("score", "assessments_long.csv", "--communes", "communes.csv", "-o", "out.xlsx"),
        ("template", "-o", "form.xlsx"),
        ("report", "results.xlsx", "-o", "report.html"),
    ],
)
def test_a_deleted_current_folder_is_named_with_what_to_do(tmp_path: Path, args: tuple[str, ...]) -> None:
    """It was "the operating system refused: No such file or directory [os-error]", naming no file."""
    en = _in_a_deleted_folder(tmp_path, *args, "--lang", "en")
    assert en.returncode == 1, en.stderr
    said = (
        f"error: {tmp_path}/gone: the current folder no longer exists (deleted or moved while the terminal "
        "was in it); no relative path can be found [working-folder-gone]"
    )
    assert said in en.stderr and "Traceback" not in en.stderr, en.stderr
    assert "hint: change to a folder that exists (cd) and run again, or give full paths" in en.stderr
    vi = _in_a_deleted_folder(tmp_path, *args)
    assert "thư mục hiện hành không còn tồn tại" in vi.stderr and "[working-folder-gone]" in vi.stderr, vi.stderr


def test_a_deleted_current_folder_does_not_stop_a_run_of_full_paths(tmp_path: Path) -> None:
    files = _examples(tmp_path)
    args = _score(tmp_path, assessments=files["assessments_long"])
    done = _in_a_deleted_folder(tmp_path, *args)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.xlsx").is_file()


def test_utf32_mark_is_checked_before_utf16_s() -> None:
    """FF FE 00 00 begins as UTF-16's mark FF FE: read as UTF-16, every letter had a NUL after it."""
    raw = codecs.BOM_UTF32_LE + "a,b\n1,2\n".encode("utf-32-le")
    assert decode_text(raw).text == "a,b\n1,2\n"


# ---------------------------------------------------------------------------------------------
# The standard output closed


def _stdout_closed(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``pari ARGS >&-``: started with its standard output closed."""
    argv = ["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "pari_index.cli", *args]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(argv, cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True, timeout=120, check=False)


def test_a_closed_standard_output_is_told_as_one_that_cannot_be_written(tmp_path: Path) -> None:
    """``pari schema >&-`` wrote nothing anywhere and exited 0, as if the schema had been printed."""
    en = _stdout_closed(tmp_path, "schema", "--lang", "en")
    assert en.returncode == 4, en.stderr
    said = "error: the standard output could not be written (Bad file descriptor): what it holds is cut short"
    assert said in en.stderr and "[stdout-unwritable]" in en.stderr, en.stderr
    # Its hint is about the closed output, not a full disk (session 19: it said "free space").
    assert "hint: the standard output was closed when pari started (>&-)" in en.stderr, en.stderr
    vi = _stdout_closed(tmp_path, "schema")
    assert vi.returncode == 4 and "lỗi: không ghi được đầu ra chuẩn" in vi.stderr, vi.stderr
    assert "gợi ý: đầu ra chuẩn đã bị đóng khi pari bắt đầu" in vi.stderr and "ổ đĩa" not in vi.stderr, vi.stderr


def test_a_run_with_its_output_closed_still_writes_its_results_and_says_the_summary_was_lost(tmp_path: Path) -> None:
    done = _stdout_closed(tmp_path, *_score(tmp_path))
    assert done.returncode == 4 and "[stdout-unwritable]" in done.stderr, done.stderr
    assert (tmp_path / "out.xlsx").is_file()


# ---------------------------------------------------------------------------------------------
# Parquet strings in a binary column


def test_a_parquet_file_of_binary_columns_scores_as_its_csv(tmp_path: Path) -> None:
    """Every column binary (Hive's strings): the code column was "missing" (missing-column), the
    other columns each "not one value per cell"; now the same results as the CSV, exit 0."""
    import polars as pl

    frame = pl.read_csv(_examples(tmp_path)["assessments_long"], infer_schema=False)
    path = tmp_path / "form.parquet"
    frame.select(pl.all().cast(pl.Binary)).write_parquet(path)
    done = _child([*_score(tmp_path, assessments=path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Input rows: 3,849 read, 3,849 used, 0 rejected" in done.stdout, done.stdout


def test_a_binary_code_that_is_not_utf8_is_named_at_its_row(tmp_path: Path) -> None:
    done = _child([*CASES["parquet-binary-codes"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1, done.stderr
    said = f"error: {tmp_path}/form.parquet row 7: commune \ufffd\ufffd0001 is not in the commune register"
    assert said in done.stderr and "missing-column" not in done.stderr, done.stderr
