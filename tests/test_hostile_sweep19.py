"""What the cases of tests/hostile_sweep19.py answer, and the classes behind them: a web address
given for a path is ``path-is-url``, a quoted ``~``, ``$HOME`` or ``%USERPROFILE%`` is
``path-not-expanded`` (no folder ``~`` is made), before anything is read; ``-o /dev/full`` is a
device; a date with a time of day or in the Vietnamese documents' form is read as the day written,
one with words beside it is ``implausible-date`` naming the date; characters nothing shows are
dropped from column names; a pipe closed by its reader quiets that stream and the command goes on
to its own end and status.

The cases run as real child processes with a time-out."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from children import ROOT, answers_its_case, pari_child
from hostile_sweep19 import CASES, EXPECTED, NOT_WRITTEN, RESOURCE_LIMITS

EXAMPLES = ROOT / "examples"


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(set(CASES) - set(RESOURCE_LIMITS)))
def test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))


@pytest.mark.parametrize("case", sorted(RESOURCE_LIMITS))
def test_each_case_under_its_limits_answers_its_code_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    status, code, kept = EXPECTED[case]
    args = CASES[case](tmp_path)
    before = {name: (tmp_path / name).read_bytes() for name in kept}
    done = pari_child(args, tmp_path, limits=RESOURCE_LIMITS[case], timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == status, said
    assert "Traceback" not in said and "lỗi nội bộ" not in said, said
    assert code is None or f"[{code}]" in said, said
    assert all((tmp_path / name).read_bytes() == data for name, data in before.items())
    assert not any((tmp_path / name).exists() for name in NOT_WRITTEN.get(case, ()))


# ---------------------------------------------------------------------------------------------
# A pipe closed by the program reading it


def _into_closed_pipe(args: list[str], folder: Path, stream: str) -> subprocess.CompletedProcess[str]:
    """``pari ARGS`` with its standard output or error (``stream``) a pipe whose reader is gone
    (as after ``| head -1`` has its line), the other stream captured."""
    read, write = os.pipe()
    os.close(read)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, stream: write}
    try:
        return subprocess.run(
            [sys.executable, "-m", "pari_index.cli", *args],
            cwd=folder,
            env=env,
            text=True,
            timeout=120,
            check=False,
            **streams,  # type: ignore[call-overload]
        )
    finally:
        os.close(write)


def test_validate_into_a_closed_pipe_ends_with_its_own_status_without_a_traceback(tmp_path: Path) -> None:
    """``pari validate *.yaml | head -1`` ended in a traceback, exit 120."""
    sets = [str(p) for p in sorted((ROOT / "criteria").glob("*.yaml"))]
    done = _into_closed_pipe(["validate", *sets], tmp_path, "stdout")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    (tmp_path / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    done = _into_closed_pipe(["validate", str(tmp_path / "bad.yaml")], tmp_path, "stdout")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "[yaml-syntax]" in done.stderr, done.stderr


def test_a_score_whose_console_pipe_is_closed_writes_its_results_and_keeps_its_status(tmp_path: Path) -> None:
    """``pari score … 2>&1 | head -1``: the summary after the results met the closed pipe, an
    ``os-error`` "Broken pipe" and exit 1, the status of a wrong input."""
    from pari_index.outputs.results import read_results

    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--survey", str(EXAMPLES / "survey.csv"), "-o", "out.xlsx"]
    for stream in ("stderr", "stdout"):
        done = _into_closed_pipe(args, tmp_path, stream)
        assert done.returncode == 0, (done.stdout, done.stderr)
        said = (done.stdout or "") + (done.stderr or "")
        assert "Traceback" not in said and "os-error" not in said, said
        assert read_results(tmp_path / "out.xlsx")["summary"].height == 60
    # Its findings' status too: --strict fails on the example's warnings, pipe or not.
    done = _into_closed_pipe([*args, "--strict"], tmp_path, "stderr")
    assert done.returncode == 3


# ---------------------------------------------------------------------------------------------
# Paths that name no file on this computer


def test_a_web_address_is_named_as_typed_in_both_languages(tmp_path: Path) -> None:
    args = CASES["url-assessments-drive-link"](tmp_path)
    en = pari_child([*args, "--lang", "en"], tmp_path, timeout=120)
    assert en.returncode == 2
    assert (
        "error: https://drive.google.com/file/d/1AbC/view?usp=sharing: a web address (URL), not the path of a file "
        "on this computer [path-is-url]" in en.stderr
    ), en.stderr
    assert "hint: download the file first and give the path where it was saved" in en.stderr
    vi = pari_child(args, tmp_path, timeout=120)
    assert "một địa chỉ web (URL), không phải đường dẫn của một tệp trên máy này [path-is-url]" in vi.stderr
    assert "gợi ý: tải tệp về máy trước" in vi.stderr
    assert "file-not-found" not in en.stderr + vi.stderr


def test_a_quoted_tilde_names_its_option_and_makes_no_folder(tmp_path: Path) -> None:
    """``-o "~/ket qua.xlsx"`` scored everything and wrote it into ./~/ket qua.xlsx."""
    args = CASES["unexpanded-output-tilde"](tmp_path)
    en = pari_child([*args, "--lang", "en"], tmp_path, timeout=120)
    assert en.returncode == 2
    assert "error: -o ~/ket qua.xlsx: the name holds ~, which a shell replaces by a folder only outside quotes" in (
        en.stderr
    ), en.stderr
    vi = pari_child(args, tmp_path, timeout=120)
    assert "lỗi: -o ~/ket qua.xlsx: tên có ~, mà shell chỉ thay bằng thư mục khi nó nằm ngoài dấu ngoặc kép" in (
        vi.stderr
    )
    assert not (tmp_path / "~").exists()


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("https://a.vn/x.csv", "path-is-url"),
        ("HTTP://a.vn/x.csv", "path-is-url"),
        ("file:///home/thu/x.csv", "path-is-url"),
        ("smb://server/share/x.csv", "path-is-url"),
        ("~/x.csv", "path-not-expanded"),
        ("~thu/x.csv", "path-not-expanded"),
        ("~", "path-not-expanded"),
        ("$HOME/x.csv", "path-not-expanded"),
        ("${HOME}/x.csv", "path-not-expanded"),
        ("$env:USERPROFILE/x.csv", "path-not-expanded"),
        ("%USERPROFILE%\\Desktop\\x.csv", "path-not-expanded"),
        ("data/%TINH%/x.csv", "path-not-expanded"),
        ("data/~/x.csv", None),  # a ~ further in is a name, as a shell leaves it
        ("~$danh-gia.xlsx", None),  # Excel's lock file
        ("ty-le-50%.csv", None),
        ("gia $5.csv", None),
        ("x.csv", None),
        # No web address (its "C:" is no scheme); a Windows path, which names nothing here (session 37).
        ("C:/Users/thu/x.csv", "path-windows-form"),
    ],
)
def test_path_forms_that_name_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, code: str | None
) -> None:
    from pari_index.errors import path_form

    monkeypatch.chdir(tmp_path)
    problem = path_form(typed)
    assert (problem.code if problem else None) == code


def test_a_folder_or_file_really_so_named_is_read_as_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pari_index.errors import path_form

    monkeypatch.chdir(tmp_path)
    (tmp_path / "~").mkdir()
    (tmp_path / "%TINH%").mkdir()
    assert path_form("~/x.csv") is None
    assert path_form("%TINH%/x.csv") is None
    assert path_form("$HOME/x.csv") is not None


def test_the_library_says_the_same_of_a_web_address(tmp_path: Path) -> None:
    """The facade reads without the command's check: its "not found" is the same words, exit 1."""
    import pari_index as pari
    from pari_index.errors import PariError

    criteria = pari.load_criteria(ROOT / "criteria" / "ha-noi-2025-commune.yaml")
    with pytest.raises(PariError) as caught:
        pari.score("https://a.vn/danh-gia.csv", criteria, communes=EXAMPLES / "communes.csv", no_survey=True)
    assert [p.code for p in caught.value.problems] == ["path-is-url"]
    assert caught.value.exit_code == 1


# ---------------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("04/06/2025 08:30", dt.date(2025, 6, 4)),
        ("2025-06-04 23:59:59", dt.date(2025, 6, 4)),
        ("2025-06-04T14:05:00.250", dt.date(2025, 6, 4)),
        ("04/06/2025 8:30 SA", dt.date(2025, 6, 4)),
        ("04.06.2025 2:15 pm", dt.date(2025, 6, 4)),
        ("ngày 04 tháng 6 năm 2025", dt.date(2025, 6, 4)),
        ("NGÀY 4 THÁNG 06 NĂM 2025", dt.date(2025, 6, 4)),
        ("4 tháng 6, 2025", dt.date(2025, 6, 4)),
        ("ngày 04/6/2025", dt.date(2025, 6, 4)),
        ("2025-06-04T00:00:00+07:00", dt.date(2025, 6, 4)),  # midnight in its zone, as before
        ("2025-06-03T17:00:00Z", None),  # a time with a zone: its day depends on the zone
        ("2025-06-03 17:00:00+00:00", None),
        ("04/06/2025 25:00", None),
        ("04/6/2025 (đã ký)", None),
        ("ngày 31 tháng 6 năm 2025", None),
        ("tháng 6 năm 2025", None),
    ],
)
def test_dates_with_a_time_or_in_the_vietnamese_form_read_the_day_written(text: str, day: dt.date | None) -> None:
    from pari_index.intake.values import parse_date

    read = pl.select(parse_date(pl.lit(text, dtype=pl.String))).item()
    assert read == day


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("04/6/2025 (đã ký)", "04/6/2025"),
        ("72/KH-UBND ngày 26/6/2025", "26/6/2025"),
        ("Hà Nội, ngày 04 tháng 6 năm 2025", "04 tháng 6 năm 2025"),
        ("ký 2025-06-04", "2025-06-04"),
        ("04/06/2025 - 05/06/2025", None),  # two dates: which is meant is not said
        ("2025-06-03T17:00:00Z", None),  # a time and its zone are no words
        ("hôm qua", None),
    ],
)
def test_a_date_with_words_beside_it_names_the_date(text: str, date: str | None) -> None:
    import json

    from pari_index.intake.values import date_problem_params

    params = json.loads(pl.select(date_problem_params(pl.lit(text, dtype=pl.String))).item())
    if date is None:
        assert params["date_problem"] != "words_beside"
    else:
        assert params["date_problem"] == "words_beside"
        assert params["date"] == date


def test_words_beside_a_date_are_said_in_both_languages(tmp_path: Path) -> None:
    args = CASES["dates-words-beside-evidence"](tmp_path)
    en = pari_child([*args, "--lang", "en"], tmp_path, timeout=120)
    assert (
        "72/KH-UBND ngày 26/6/2025 is not a usable date: there are words beside the date 26/6/2025; write the date "
        "alone in the cell" in en.stderr
    ), en.stderr
    vi = pari_child(args, tmp_path, timeout=120)
    assert "04/6/2025 (đã ký) không phải là một ngày dùng được: có chữ bên cạnh ngày 04/6/2025" in vi.stderr
    assert "bad-value" not in en.stderr + vi.stderr


# ---------------------------------------------------------------------------------------------
# Column names


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("criterion\u200b_id", "criterion_id"),
        ("val\u00adue", "value"),
        ("\u2060code\ufeff", "code"),
        ("\u200emã xã\u200f", "mã xã"),
        ("tiêu\u200dchí", "tiêuchí"),
        ("commune_code\u00a0", "commune_code"),
    ],
)
def test_characters_nothing_shows_are_dropped_from_column_names(typed: str, name: str) -> None:
    from pari_index.intake.grid import normalise_header

    assert normalise_header(typed) == name


# ---------------------------------------------------------------------------------------------
# Headings over two rows


def _findings_line(said: str) -> str:
    return next(line for line in said.splitlines() if line.startswith("Findings:"))


def test_headings_over_two_rows_read_the_form_as_its_csv_is_read(tmp_path: Path) -> None:
    """Every evidence number, date and file was missing (2,115 evidence-missing findings), the
    ranking written from that; now the same findings as the example's CSV."""
    args = CASES["headings-two-rows-vietnamese"](tmp_path)
    form = pari_child([*args, "--lang", "en"], tmp_path, timeout=120)
    assert form.returncode == 0, form.stderr
    csv_args = [str(EXAMPLES / "assessments_long.csv"), *args[2:]]
    plain = pari_child(["score", *csv_args, "--lang", "en"], tmp_path, timeout=120)
    assert _findings_line(form.stdout) == _findings_line(plain.stdout)
    assert "Evidence missing 109," in form.stdout


def test_rows_under_headings_over_two_rows_keep_their_numbers(tmp_path: Path) -> None:
    args = CASES["headings-two-rows-row-numbers"](tmp_path)
    done = pari_child([*args, "--lang", "en"], tmp_path, timeout=120)
    assert "form.xlsx [Biểu tự đánh giá] row 4 column «value»: nhiều is not yes/no [bad-value]" in done.stderr, (
        done.stderr
    )
    assert "merged-cells" not in done.stderr and "cell-without-header" not in done.stderr


# ---------------------------------------------------------------------------------------------
# Yes/no answers with a note


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("có (QĐ 123/QĐ-UBND)", "có"),
        ("Có.", "Có"),
        ("  Không, vì chưa ban hành", "Không"),
        ("không đạt - thiếu hồ sơ", "không đạt"),
        ("Đạt (100%)", "Đạt"),
        ("✓ đã ký", "✓"),
        ("có", None),  # read as yes, never a finding
        ("cóc", None),  # a word of its own
        ("x2", None),
        ("1 văn bản", None),
        ("có\u200b", None),  # read as the «có» it shows (session 34's review): no words beside it
    ],
)
def test_an_answer_with_a_note_names_the_answer(text: str, answer: str | None) -> None:
    from pari_index.intake.values import answer_problems

    assert answer_problems(pl.Series([text])).get(text) == answer


def test_an_answer_with_a_note_is_said_in_both_languages(tmp_path: Path) -> None:
    args = CASES["answer-with-words-notes"](tmp_path)
    en = pari_child([*args, "--lang", "en"], tmp_path, timeout=120)
    assert (
        "column «value»: có (QĐ 123/QĐ-UBND) has words beside its answer có; the cell was not used: write the answer "
        "alone [answer-with-words]" in en.stderr
    ), en.stderr
    assert "hint: write có or không alone in the cell" in en.stderr
    vi = pari_child(args, tmp_path, timeout=120)
    assert "Không, vì chưa ban hành có chữ bên cạnh câu trả lời Không; ô không được dùng" in vi.stderr
    assert "is not yes/no" not in en.stderr
