"""``pari score`` on bad intake files, and ``pari explain`` on a results file.

Exit statuses as the CLI documents them: in the default (lenient) mode everything valid is scored
and the results are written, every rejected row is printed with its file and row, and the exit
status is 1; with ``--strict`` any error or warning finding exits 3, again printing every problem
with its place. A file without a commune code column is read as nothing: the run stops before
writing (exit 1), or with --allow-incomplete its rows are rejected and the run exits 1. Never a
traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from test_scoring import CRITERIA, write_example

from pari_index.cli import main
from pari_index.outputs.results import read_results

REGISTER = "code,name,type,district\n00101,Phường Một,phường,Quận A\n00102,Xã Hai,xã,Huyện B\n"
GOOD_ROW = "00101,1.2.3,,có\n"
HEADER = "commune_code,criterion_id,input,value\n"

# name -> (file text, row the problem is on, kind, words the message must contain)
BAD_FILES: dict[str, tuple[str, int, str, str]] = {
    "missing-column": (
        "criterion_id,input,value\n1.2.3,,có\n",
        1,
        "missing-column",
        "no column commune code (commune_code)",
    ),
    "unknown-criterion": (HEADER + GOOD_ROW + "00101,9.9,,1\n", 3, "unknown-criterion", "criterion 9.9"),
    "text-in-number": (HEADER + GOOD_ROW + "00101,1.2.1,,bốn\n", 3, "bad-value", "bốn is not a whole number"),
    "conflicting-duplicate": (
        HEADER + GOOD_ROW + "00102,1.2.3,,có\n00102,1.2.3,,không\n",
        3,  # and row 4: both rows are rejected
        "conflicting-values",
        "more than once with different values",
    ),
    "unknown-commune": (HEADER + GOOD_ROW + "00109,1.2.3,,có\n", 3, "unknown-commune", "00109"),
}


def invoke(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "communes.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_lenient_exits_1_after_writing_results(tmp_path: Path, register: Path, name: str) -> None:
    text, row, kind, words = BAD_FILES[name]
    bad = tmp_path / f"{name}.csv"
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "results.xlsx"
    args = ["score", str(bad), "--criteria", str(CRITERIA), "--communes", str(register), "-o", str(out)]
    # The toy set's survey item is not what this is about; a file of which nothing can be used
    # stops the run unless --allow-incomplete (tests/test_completeness.py), given here so that the
    # results are written and the rejected rows can be checked in them.
    # In English: the console speaks the run's language (Vietnamese by default, tests/test_messages.py).
    lenient = [*args, "--no-survey", "--lang", "en", *(["--allow-incomplete"] if name == "missing-column" else [])]
    code, output = invoke(lenient)
    assert code == 1, output
    assert "Traceback" not in output
    assert f"{bad} row {row}" in output and f"[{kind}]" in output and words in output
    if name == "conflicting-duplicate":
        assert f"{bad} row 4" in output
    # Lenient: what was valid is scored and written, the problem is in the findings.
    tables = read_results(out)
    findings = tables["findings"].filter(pl.col("kind") == kind)
    assert findings.height >= 1
    assert findings["file"].to_list()[0] == str(bad)
    assert int(findings["row"].to_list()[0]) == row
    rejected = tables["rows"].filter(pl.col("status") == "rejected")
    assert rejected.height >= 1 and rejected["reasons"].null_count() == 0
    if name != "missing-column":
        final = tables["criteria"].filter((pl.col("commune_code") == "00101") & (pl.col("criterion_id") == "1.2.3"))
        assert final["final_score"].to_list() == [1.0]  # the good row still counts


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_strict_exits_3_and_prints_every_problem(tmp_path: Path, register: Path, name: str) -> None:
    text, row, kind, _ = BAD_FILES[name]
    bad = tmp_path / f"{name}.csv"
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "results.xlsx"
    args = ["score", str(bad), "--criteria", str(CRITERIA), "--communes", str(register), "-o", str(out), "--strict"]
    more = ["--lang", "en", *(["--allow-incomplete"] if name == "missing-column" else [])]
    code, output = invoke([*args, "--no-survey", *more])
    assert code == 3, output
    assert "Traceback" not in output
    assert f"{bad} row {row}" in output and f"[{kind}]" in output
    assert "--strict" in output and out.exists()  # the results are still written
    # Counted in English as English counts: «1 errors» until session 34.
    counted = re.search(r"--strict: (\d+) (errors?) and (\d+) (warnings?) ", output)
    assert counted is not None, output
    errors, error_word, warnings, warning_word = counted.groups()
    assert error_word == ("error" if errors == "1" else "errors"), output
    assert warning_word == ("warning" if warnings == "1" else "warnings"), output


def test_all_bad_files_at_once_list_every_problem(tmp_path: Path, register: Path) -> None:
    files = []
    for name, (text, _, _, _) in BAD_FILES.items():
        files.append(tmp_path / f"{name}.csv")
        files[-1].write_text(text, encoding="utf-8")
    out = tmp_path / "results.xlsx"
    base = ["score", *map(str, files), "--criteria", str(CRITERIA), "--communes", str(register), "-o", str(out)]
    base += ["--no-survey", "--allow-incomplete"]  # the missing-column file is left out, but listed
    base += ["--lang", "en"]
    for extra, status in (([], 1), (["--strict"], 3)):
        code, output = invoke([*base, *extra, "-q"])
        assert code == status, output
        for (name, (_, row, kind, _)), path in zip(BAD_FILES.items(), files, strict=True):
            assert f"{path} row {row}" in output and f"[{kind}]" in output, name


def pari_script() -> str:
    script = Path(sys.executable).with_name("pari")
    assert script.exists(), script
    return str(script)


def test_installed_script_reports_bad_rows_without_traceback(tmp_path: Path, register: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + GOOD_ROW + "00101,1.2.1,,bốn\n00109,1.2.3,,có\n", encoding="utf-8")
    out = tmp_path / "results.xlsx"
    env = {k: v for k, v in os.environ.items() if k != "PARI_DEBUG"}
    args = [pari_script(), "score", str(bad), "--criteria", str(CRITERIA), "--communes", str(register), "--no-survey"]
    args += ["--lang", "en"]
    done = subprocess.run([*args, "-o", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert f"{bad} row 3" in done.stderr and "bốn is not a whole number" in done.stderr
    assert f"{bad} row 4" in done.stderr and "commune 00109 is not in the commune register" in done.stderr
    assert "2 rejected" in done.stdout and out.exists()
    strict = subprocess.run([*args, "-o", str(out), "--strict", "-q"], capture_output=True, text=True, env=env)
    assert strict.returncode == 3
    assert "Traceback" not in strict.stdout + strict.stderr
    missing = tmp_path / "no_code.csv"
    missing.write_text("criterion_id,value\n1.2.3,có\n", encoding="utf-8")
    args[2] = str(missing)
    done = subprocess.run([*args, "-o", str(tmp_path / "r2.xlsx"), "-q"], capture_output=True, text=True, env=env)
    assert done.returncode == 1
    assert f"{missing} row 1: no column commune code (commune_code)" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_clean_run_exits_0(tmp_path: Path) -> None:
    paths = write_example(tmp_path)
    out = tmp_path / "results.xlsx"
    code, output = invoke(
        [
            "score",
            str(paths["long"]),
            "--criteria",
            str(CRITERIA),
            "--communes",
            str(paths["communes"]),
            "--appraisal",
            str(paths["appraisal"]),
            "--survey",
            str(paths["survey"]),
            "-o",
            str(out),
            "-q",
        ]
    )
    assert code == 0, output
    # 72 assessment, survey and appraisal rows plus the 5 rows of the register.
    assert "Dòng đầu vào: đọc 77, dùng 77, từ chối 0" in output  # Vietnamese, the default language


# --- pari explain ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("explain")
    paths = write_example(folder)
    out = folder / "results.xlsx"
    args = ["score", str(paths["long"]), "--criteria", str(CRITERIA), "--communes", str(paths["communes"])]
    args += ["--appraisal", str(paths["appraisal"]), "--survey", str(paths["survey"]), "-o", str(out), "-q"]
    code, output = invoke(args)
    assert code == 0, output
    return out


def explain(results: Path, *args: str) -> str:
    code, output = invoke(["explain", *args, "--results", str(results), "--criteria", str(CRITERIA)])
    assert code == 0, output
    assert "Traceback" not in output
    return output


def test_explain_in_vietnamese_by_default(results: Path) -> None:
    text = explain(results, "00103", "1.1.3")
    assert "Thị trấn Ba (00103): tổng 6,98 điểm, chỉ số 31,73 %" in text
    assert "Tỷ lệ từ 70 đến 90 % → 1 điểm" in text  # the rule branch, on the corrected input
    assert "đầu vào: done=15; planned=20" in text
    assert "thẩm định: Biên bản kiểm tra: hoàn thành 15 nhiệm vụ" in text
    assert "Theo quy tắc: 0,00 · Thẩm định: 1,00 · Cuối cùng: 1,00" in text
    text = explain(results, "00104", "1.1.1")
    assert "minh chứng: giải trình được chấp nhận" in text and "thẩm định: Giải trình hợp lý" in text
    text = explain(results, "00101", "1.1.3")
    assert "Tỷ lệ trên 90 % → 2 điểm" in text
    text = explain(results, "00101", "3.1")
    assert "Giá trị từ 90 → 5 điểm" in text and "satisfied=92,5" in text


def test_explain_in_english(results: Path) -> None:
    text = explain(results, "00103", "1.1.3", "--lang", "en")
    assert "total 6.98 points, index 31.73 %" in text
    assert "Rate from 70 to 90 % → 1 point" in text
    assert "inputs: done=15; planned=20" in text
    assert "appraisal: Biên bản kiểm tra" in text
    text = explain(results, "00104", "1.1.1", "--lang", "en")
    assert "On time (deadline 31/01/2024, by signature date)" in text
    assert "evidence: explanation accepted" in text and "appraisal: Giải trình hợp lý" in text
    text = explain(results, "00105", "1.1.1", "--lang", "en")
    assert "evidence: evidence missing: scores 0" in text and "(evidence missing)" in text
    text = explain(results, "00102", "3.1", "--lang", "en")
    assert "Value from 80 to below 90 → 4 points" in text


def test_explain_takes_a_code_pasted_with_spaces_as_the_code(results: Path) -> None:
    """A code copied from a cell with a space or a non-breaking space around it, as codes in the
    input files are trimmed: the same explanation, not "commune '00103 ' is not in the results"."""
    assert explain(results, " 00103\u00a0", "1.1.3 ") == explain(results, "00103", "1.1.3")


def test_explain_whole_commune_and_unknown_codes(results: Path) -> None:
    text = explain(results, "00102")
    lines = text.splitlines()
    # Per scored item: one explanation line, then the rule in the annex's words (criteria.method).
    assert sum(1 for line in lines if line.startswith("    Cách chấm: ")) == 14
    explained = [line for line in lines if line.startswith("    ") and not line.startswith(("    Cách chấm", "      "))]
    assert len(explained) == 14
    assert "Không áp dụng: loại khỏi điểm tối đa" in text  # 2.3 excluded for a commune
    code, output = invoke(["explain", "00999", "--results", str(results), "--criteria", str(CRITERIA)])
    assert code == 2 and "00999" in output and "Traceback" not in output
    code, output = invoke(["explain", "00101", "9.9", "--results", str(results), "--criteria", str(CRITERIA)])
    assert code == 2 and "9.9" in output and "Traceback" not in output


@pytest.mark.parametrize(
    "error",
    [RuntimeError("something unexpected"), pl.exceptions.PanicException("assertion failed: i < self.len()")],
    ids=["python-error", "polars-panic"],
)
def test_a_bug_gets_one_line_and_status_70(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    def broken(**_kwargs: object) -> None:
        raise error

    monkeypatch.setattr("pari_index.pipeline.run_score", broken)
    monkeypatch.delenv("PARI_DEBUG", raising=False)
    data = tmp_path / "a.csv"
    data.write_text("commune_code,criterion_id,value\n00101,1.2.3,có\n", encoding="utf-8")
    code, output = invoke(["score", str(data), "-o", str(tmp_path / "out.xlsx"), "--lang", "en"])
    assert code == 70
    assert "internal error" in output and type(error).__name__ in output and str(error) in output
    assert "Traceback" not in output
    # PARI_DEBUG=1 shows the error itself, for a bug report.
    monkeypatch.setenv("PARI_DEBUG", "1")
    args = ["score", str(data), "-o", str(tmp_path / "out.xlsx")]
    if isinstance(error, Exception):
        assert CliRunner().invoke(main, args).exception is error
    else:  # CliRunner passes BaseExceptions on
        with pytest.raises(type(error)):
            CliRunner().invoke(main, args)
