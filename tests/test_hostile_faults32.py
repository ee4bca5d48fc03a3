"""What the cases of tests/hostile_faults32.py answer: an output inside a file another output of
the run writes (``output-inside-output``), an output typed with a name that begins with a dash
(``output-name-dash``), and file names in UTF-8 read as such where Python's locale says ASCII."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from children import ROOT, pari_child, pari_started
from hostile_faults32 import CASES, EXAMPLES, EXPECTED, NOT_WRITTEN, _score
from sweeps import case_tests, language_tests, sweep_child

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

INSIDE = {
    "en": "error: ket-qua.xlsx/bao-cao.html: --report ket-qua.xlsx/bao-cao.html would be written inside -o "
    "ket-qua.xlsx, a file this run writes, as if it were a folder [output-inside-output]\n"
    "    hint: give --report a place of its own, beside ket-qua.xlsx (not inside it)",
    "vi": "lỗi: ket-qua.xlsx/bao-cao.html: --report ket-qua.xlsx/bao-cao.html sẽ được ghi vào bên trong -o "
    "ket-qua.xlsx, một tệp mà lượt chạy này ghi, như thể đó là một thư mục [output-inside-output]\n"
    "    gợi ý: cho --report một chỗ riêng, bên cạnh ket-qua.xlsx (không phải bên trong)",
}


def test_the_results_inside_the_report_name_the_results(tmp_path: Path) -> None:
    """The other way round, the output written inside is the one named (here the results)."""
    done = sweep_child([*CASES["results-inside-the-report"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 4, done.stderr
    assert (
        "error: bao-cao.html/ket-qua.xlsx: -o bao-cao.html/ket-qua.xlsx would be written inside --report "
        "bao-cao.html" in done.stderr
    ), done.stderr


def test_a_report_inside_a_results_folder_is_still_written(tmp_path: Path) -> None:
    """The control: a results folder keeps the files that are not its tables, a report among them."""
    done = sweep_child(_score(tmp_path, "-o", "kq", "--format", "csv", "--report", "kq/bao-cao.html"), tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "kq" / "summary.csv").is_file() and (tmp_path / "kq" / "bao-cao.html").is_file()


def test_a_report_beside_the_results_workbook_is_still_written(tmp_path: Path) -> None:
    """The control: names that share a beginning are no nesting (``ket-qua.xlsx`` and ``ket-qua.xlsx.html``)."""
    done = sweep_child(_score(tmp_path, "-o", "ket-qua.xlsx", "--report", "ket-qua.xlsx.html"), tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "ket-qua.xlsx").is_file() and (tmp_path / "ket-qua.xlsx.html").is_file()


DASH = {
    "en": "error: -o -kq.xlsx: a name that begins with «-» is taken for an option by other programs (rm, cp, "
    "libreoffice …): a mistyped option or name? [output-name-dash]\n"
    "    hint: give the name without the «-»; for a file really so named, write ./-kq.xlsx",
    "vi": "lỗi: -o -kq.xlsx: tên bắt đầu bằng «-» bị các chương trình khác (rm, cp, libreoffice …) hiểu là một "
    "tuỳ chọn: gõ nhầm tuỳ chọn hoặc tên? [output-name-dash]\n"
    "    gợi ý: ghi tên không có «-»; nếu thật sự muốn đặt tên như vậy, hãy ghi ./-kq.xlsx",
}


#: What each refusal says, as the user reads it.
SAID = {"report-inside-the-results-workbook": INSIDE, "results-named-with-a-dash": DASH}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(SAID))
def test_each_refusal_is_said_whole_in_its_language(tmp_path: Path, case: str, lang: str) -> None:
    """Told before the run: not the write's failure at its end ("Is a directory")."""
    done = sweep_child([*CASES[case](tmp_path), "--lang", lang], tmp_path)
    assert done.returncode == EXPECTED[case][0] and SAID[case][lang] in done.stderr, done.stderr
    assert "[output-unwritable]" not in done.stderr and "Is a directory" not in done.stderr, done.stderr


def test_an_output_named_with_a_dash_and_a_folder_is_written(tmp_path: Path) -> None:
    """The control: ``./-mau.xlsx`` says the name is meant."""
    done = sweep_child(["template", "-o", "./-mau.xlsx", "--lang", "en"], tmp_path)
    assert done.returncode == 0 and (tmp_path / "-mau.xlsx").is_file(), done.stderr


def test_an_option_s_name_is_still_path_is_option(tmp_path: Path) -> None:
    """``-o --report`` is an option left without its path (path-is-option), not a name with a dash."""
    done = sweep_child(_score(tmp_path, "-o", "--report"), tmp_path)
    assert done.returncode == 2 and "[path-is-option]" in done.stderr, done.stderr
    assert "[output-name-dash]" not in done.stderr, done.stderr


#: Python reads file names as ASCII: the C locale with its UTF-8 mode turned off.
ASCII_NAMES = {"PYTHONUTF8": "0", "LC_ALL": "C", "LANG": "C"}


def _in_c_locale(folder: Path, args: list[str]) -> tuple[int, str]:
    child = pari_started([*args, "--lang", "en"], folder, **ASCII_NAMES)
    out, err = child.communicate(timeout=300)
    return child.returncode, out + err


def test_a_name_in_utf8_is_read_where_python_reads_names_as_ascii(tmp_path: Path) -> None:
    args = _score(tmp_path, "-o", "kết-quả.xlsx")
    shutil.move(tmp_path / "assessments_long.csv", tmp_path / "đánh-giá.csv")
    args[1] = "đánh-giá.csv"
    status, said = _in_c_locale(tmp_path, args)
    assert status == 0 and "Written: kết-quả.xlsx" in said, said
    assert "[name-not-utf8]" not in said and (tmp_path / "kết-quả.xlsx").is_file()


def test_a_name_not_in_utf8_is_still_refused_there(tmp_path: Path) -> None:
    """The control: a name of Latin-1 bytes is no UTF-8, whatever the locale."""
    args = _score(tmp_path, "-o", "ket-qua.xlsx")
    latin = os.fsdecode(b"d\xe9.csv")
    shutil.copy(EXAMPLES / "assessments_long.csv", tmp_path / latin)
    args[1] = latin
    status, said = _in_c_locale(tmp_path, args)
    assert status == 2 and "d\\xe9.csv: ASSESSMENTS: the name holds bytes that are not UTF-8 text" in said, said
    assert not (tmp_path / "ket-qua.xlsx").exists()


#: A program of the user's that runs the command by calling pari_index.launch.main.
CALLER = "print('before pari')\nfrom pari_index.launch import main\nmain()\n"


def _caller(folder: Path, args: list[str], script: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in ``folder`` where Python reads names as ASCII, ``CALLER`` its program
    (the file ``args`` names, or its standard input)."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=folder,
        input=script,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **ASCII_NAMES},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_program_read_from_the_standard_input_is_not_started_again(tmp_path: Path) -> None:
    """Started again, ``python - < run.py`` found its input spent: nothing run, nothing said, exit
    0 (was so on e3107f5); the command runs, names read as the locale says."""
    done = _caller(tmp_path, ["-", "--version"], CALLER)
    assert done.returncode == 0 and done.stdout.startswith("before pari\npari "), (done.stdout, done.stderr)
    assert done.stdout.count("before pari") == 1, done.stdout


def test_a_program_of_the_user_s_that_runs_the_command_runs_once(tmp_path: Path) -> None:
    """Started again, a script of the user's did its own work twice (its line printed twice on
    e3107f5)."""
    (tmp_path / "run.py").write_text(CALLER, encoding="utf-8")
    done = _caller(tmp_path, ["run.py", "--version"])
    assert done.returncode == 0 and done.stdout.startswith("before pari\npari "), (done.stdout, done.stderr)
    assert done.stdout.count("before pari") == 1, done.stdout


READ_ONLY_OUTPUTS = {
    "results": ["-o", "ro/ket-qua.xlsx"],
    "report": ["-o", "ket-qua.xlsx", "--report", "ro/bao-cao.html"],
    "tables": ["-o", "ro/kq", "--format", "csv"],
    "new-folders": ["-o", "ro/2026/dot-1/ket-qua.xlsx"],
}


@pytest.mark.parametrize("kind", sorted(READ_ONLY_OUTPUTS))
def test_an_output_in_a_read_only_folder_is_told_before_the_scoring(tmp_path: Path, kind: str) -> None:
    """The whole run (42 s and 619 MB for the national data on 36dae70) was scored first, then the
    write failed: now told before any table is read, in the same words."""
    args = [*_score(tmp_path, *READ_ONLY_OUTPUTS[kind]), "--lang", "en"]
    args.remove("-q")  # the steps of the run are shown: none may come before the refusal
    (tmp_path / "ro").mkdir(mode=0o555)
    try:
        done = pari_child(args, tmp_path, timeout=120, ordinary_user=True)
    finally:
        (tmp_path / "ro").chmod(0o755)
    said = done.stdout + done.stderr
    assert done.returncode == 4 and ": cannot write the file: Permission denied [output-unwritable]" in said, said
    assert "reading assessments" not in said and "scoring 60" not in said, said
    assert os.listdir(tmp_path / "ro") == [] and not (tmp_path / "ket-qua.xlsx").exists()


def test_a_folder_that_may_be_written_but_not_listed_is_written(tmp_path: Path) -> None:
    """The control: a drop folder (mode 0333: files may be put in, not listed) takes the results."""
    args = _score(tmp_path, "-o", "hop-thu/ket-qua.xlsx")
    (tmp_path / "hop-thu").mkdir(mode=0o333)
    try:
        done = pari_child(args, tmp_path, timeout=120, ordinary_user=True)
    finally:
        (tmp_path / "hop-thu").chmod(0o755)
    assert done.returncode == 0 and (tmp_path / "hop-thu" / "ket-qua.xlsx").is_file(), done.stderr
    assert [n for n in os.listdir(tmp_path / "hop-thu") if n != "ket-qua.xlsx"] == []
