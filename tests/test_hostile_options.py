"""What the hostile command lines of tests/hostile_options.py answer, and the legacy encodings and
line endings of tests/hostile_csv.py: a clear refusal before any work, or a correct reading, never
a traceback, never a name Windows cannot open, never mojibake scored."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner
from hostile_csv import CASES as CSV_CASES
from hostile_csv import EXAMPLES, tcvn3_bytes, vni_bytes
from hostile_options import CASES, HOSTILE_NAMES
from hypothesis import assume, given
from hypothesis import strategies as st

from pari_index.cli import main
from pari_index.errors import UsageError
from pari_index.intake.tables import read_csv_bytes, read_table_file
from pari_index.letters.legacy_encoding import legacy_evidence
from pari_index.outputs.path_names import windows_unsafe
from pari_index.outputs.provenance import check_date, run_date
from pari_index.outputs.results import read_results

# --------------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize("case", ["date-iso-week", "date-far-future"])
def test_a_date_that_is_no_run_date_is_refused_before_the_run(tmp_path: Path, case: str) -> None:
    result = CliRunner().invoke(main, CASES[case](tmp_path))
    assert result.exit_code == 2, result.output
    assert "[bad-date]" in result.output and "YYYY-MM-DD" in result.output
    assert not (tmp_path / "out.xlsx").exists()


def test_source_date_epoch_out_of_range_is_a_usage_error_in_a_real_process(tmp_path: Path) -> None:
    args = CASES["date-iso-week"](tmp_path)[:-2]  # the same run without --date
    env = {"SOURCE_DATE_EPOCH": "99999999999999999999", "PYTHONPATH": ":".join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-m", "pari_index.cli", *args], capture_output=True, text=True, env=env, timeout=240
    )
    assert done.returncode == 2, done.stderr  # was 70: OverflowError
    assert "[bad-date]" in done.stderr and "SOURCE_DATE_EPOCH" in done.stderr
    assert "Traceback" not in done.stderr
    result = CliRunner().invoke(main, args, env={"SOURCE_DATE_EPOCH": "abc"})
    assert result.exit_code == 2 and "[bad-date]" in result.output


def test_pari_report_checks_its_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["report", str(tmp_path / "missing.xlsx"), "-o", str(tmp_path / "r.html"), "--date", "</script>"]
    )
    assert result.exit_code == 2 and "[bad-date]" in result.output
    assert not (tmp_path / "r.html").exists()


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_date_of_the_span_is_taken(day: dt.date) -> None:
    assert check_date(day.isoformat()) == day.isoformat()


@given(st.text(max_size=12))
def test_any_other_text_is_refused(text: str) -> None:
    valid = re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) is not None
    if valid:
        try:
            valid = 2000 <= dt.date.fromisoformat(text).year <= 2100
        except ValueError:
            valid = False
    if valid:
        assert check_date(text) == text
    else:
        with pytest.raises(UsageError) as error:
            check_date(text)
        assert error.value.problems[0].code == "bad-date"


def test_source_date_epoch_gives_the_run_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    assert run_date() == "2025-01-01"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # 1970: outside the span
    with pytest.raises(UsageError):
        run_date()


# --------------------------------------------------------------------------------------------
# Output names shared with Windows


@pytest.mark.parametrize("case", ["output-windows-device", "output-trailing-dot", "output-reserved-character"])
def test_an_output_name_windows_cannot_open_is_refused(tmp_path: Path, case: str) -> None:
    before = set(tmp_path.iterdir())
    args = CASES[case](tmp_path)
    before = {p for p in tmp_path.iterdir()}
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 4, result.output
    assert "[output-name-not-portable]" in result.output and "Windows" in result.output
    assert set(tmp_path.iterdir()) == before  # nothing written


def test_a_path_too_long_for_the_system_is_refused_before_reading(tmp_path: Path) -> None:
    args = [a for a in CASES["output-path-too-long"](tmp_path) if a != "-q"]  # progress would show a read
    result = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert result.exit_code == 4 and "[output-path-too-long]" in result.output
    assert "more than the" in result.output and "·" not in result.output  # no progress: nothing read
    vietnamese = CliRunner().invoke(main, args).output  # the default language, with the figures
    assert "byte hệ thống cho phép" in vietnamese and "[output-path-too-long]" in vietnamese
    assert not (tmp_path / ("d" * 200)).exists()


def test_template_to_a_device_name_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["template", "-o", str(tmp_path / "nul.xlsx")])
    assert result.exit_code == 4 and "[output-name-not-portable]" in result.output
    assert not (tmp_path / "nul.xlsx").exists()


@pytest.mark.parametrize(
    "name",
    ["CON", "con.xlsx", "Nul.tar.gz", "COM1.csv", "lpt9", "AUX .txt", "COM¹", "res.", "res ", "a:b", "a?b", "a|b"],
)
def test_windows_unsafe_names(name: str) -> None:
    assert windows_unsafe(name) is not None


@pytest.mark.parametrize(
    "name", ["results.xlsx", "CONSOLE.xlsx", "COM10", "Hà Nội 2025.xlsx", ".pari-cache", "kết-quả", "nul_2.xlsx"]
)
def test_windows_safe_names(name: str) -> None:
    assert windows_unsafe(name) is None


# --------------------------------------------------------------------------------------------
# Synthetic marker, template and report with hostile names


def test_a_synthetic_marker_that_is_a_folder_marks_nothing(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, CASES["synthetic-marker-folder"](tmp_path))
    assert result.exit_code == 0, result.output
    about = dict(read_results(tmp_path / "out.xlsx")["about"].iter_rows())
    assert "synthetic" not in about


def test_template_writes_hostile_names_as_text(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, CASES["template-hostile-register"](tmp_path))
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(tmp_path / "form.xlsx").worksheets[1]
    names = {c.value: c.data_type for row in sheet.iter_rows(min_row=2, min_col=2, max_col=2) for c in row}
    for hostile in HOSTILE_NAMES:
        found = [n for n in names if isinstance(n, str) and n == unicodedata.normalize("NFC", hostile).strip()]
        assert found, hostile[:40]
        assert names[found[0]] == "s"  # a string, never a formula


def test_a_form_too_large_is_refused_before_writing(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, [*CASES["template-huge-register"](tmp_path), "--lang", "en"])
    assert result.exit_code == 2 and "[template-too-large]" in result.output
    assert "1,500,000 rows" in result.output and not (tmp_path / "form.xlsx").exists()
    vietnamese = CliRunner().invoke(main, CASES["template-huge-register"](tmp_path)).output
    assert "1.500.000 dòng" in vietnamese and "[template-too-large]" in vietnamese
    # Raised past Excel's sheet, the sheet's own limit still holds.
    args = CASES["template-huge-register"](tmp_path)
    raised = CliRunner().invoke(main, [*args, "--lang", "en"], env={"PARI_MAX_TEMPLATE_ROWS": "9000000"})
    assert raised.exit_code == 2 and "1,048,575" in raised.output


def test_the_form_limit_is_exact(tmp_path: Path) -> None:
    from hostile_options import template_huge_register

    args = template_huge_register(tmp_path, units=2)
    rows_per_unit = 75  # the default set's input rows
    at = CliRunner().invoke(main, args, env={"PARI_MAX_TEMPLATE_ROWS": str(2 * rows_per_unit)})
    assert at.exit_code == 0, at.output
    assert openpyxl.load_workbook(tmp_path / "form.xlsx").worksheets[1].max_row == 2 * rows_per_unit + 1
    over = CliRunner().invoke(main, args, env={"PARI_MAX_TEMPLATE_ROWS": str(2 * rows_per_unit - 1)})
    assert over.exit_code == 2 and "[template-too-large]" in over.output


def test_report_and_its_csv_keep_hostile_names_inert(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, CASES["report-hostile-names"](tmp_path))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    for raw in ("alert(1)</script>", "<img src=x", "<script>alert"):
        assert raw not in html
    packed = re.search(r'id="ranking-csv">([^<]*)</script>', html)
    assert packed is not None
    table = gzip.decompress(base64.b64decode(packed[1])).decode("utf-8")
    frame = pl.read_csv(table.encode(), infer_schema=False, separator=";")  # a Vietnamese report's
    names = frame[frame.columns[3]].to_list()
    for formula in HOSTILE_NAMES[1:4]:
        assert "'" + formula in names  # a spreadsheet shows it as text
    assert not any(n.startswith(("=", "+", "@")) for n in names)


# --------------------------------------------------------------------------------------------
# Legacy Vietnamese encodings and line endings


@pytest.mark.parametrize("case", ["csv-tcvn3-assessments", "csv-vni-register"])
def test_legacy_font_encodings_are_refused_not_scored(tmp_path: Path, case: str) -> None:
    result = CliRunner().invoke(main, CSV_CASES[case](tmp_path))
    assert result.exit_code == 1, result.output
    assert "[legacy-encoding]" in result.output
    assert not (tmp_path / "out.xlsx").exists()


def test_legacy_encoding_speaks_the_runs_language(tmp_path: Path) -> None:
    """The figures of the refusal are parameters, so the Vietnamese message has no English in it."""
    args = CSV_CASES["csv-tcvn3-assessments"](tmp_path)
    vi = CliRunner().invoke(main, args)
    en = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert "chữ ngoài ASCII" in vi.output and "% chữ ngoài ASCII (" in vi.output
    assert "letters outside ASCII" not in vi.output and "Windows-1258; the file" not in vi.output
    assert "of its letters outside ASCII (" in en.output and "chữ ngoài" not in en.output


def test_legacy_encoding_in_a_real_process(tmp_path: Path) -> None:
    args = CSV_CASES["csv-tcvn3-assessments"](tmp_path)
    done = subprocess.run([sys.executable, "-m", "pari_index.cli", *args], capture_output=True, text=True, timeout=240)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "[legacy-encoding]" in done.stderr and "TCVN3" in done.stderr


def cp1258_bytes(text: str) -> bytes:
    """``text`` as Excel saves it in Windows-1258: a letter the code page lacks is written as a
    letter it has followed by a combining tone mark (ấ as â + U+0301)."""
    out = bytearray()
    for c in unicodedata.normalize("NFC", text):
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", c)
            for mark in marks:  # the letter with one mark that the code page has (â of ậ)
                letter = unicodedata.normalize("NFC", base + mark)
                if len(letter) == 1 and letter.encode("cp1258", errors="ignore"):
                    base, marks = letter, [m for m in marks if m != mark]
                    break
            out += base.encode("cp1258") + "".join(marks).encode("cp1258")
    return bytes(out)


def test_genuine_windows_1258_still_reads(tmp_path: Path) -> None:
    """The example register saved by Excel as Windows-1258 (tone marks as combining bytes): read,
    announced, and the same names as the UTF-8 file."""
    text = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig")
    raw = cp1258_bytes(text)
    result = read_csv_bytes(raw, "communes.csv")
    assert [p.code for p in result.problems] == ["encoding-fallback"]
    expected = read_table_file(EXAMPLES / "communes.csv").sheets[0].frame
    assert result.sheets[0].frame.drop("_file").equals(expected.drop("_file"))


@given(st.text(alphabet="aăâeêioôơuưyđ àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ,XTHN0123456789", min_size=20, max_size=200))
def test_genuine_windows_1258_is_never_refused(text: str) -> None:
    assert legacy_evidence(cp1258_bytes(text).decode("cp1258")) is None


#: Words of Vietnamese text: the example register's names and the answers a form holds.
_NAMES = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig").replace(",", " ").split()
_WORDS = sorted(
    {word for word in [*_NAMES, "có", "không", "đúng", "hạn", "trễ", "chưa", "ban", "hành"] if not word.isascii()}
)


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40).map(" ".join))
def test_vietnamese_words_in_windows_1258_are_never_refused(text: str) -> None:
    assert legacy_evidence(cp1258_bytes(text).decode("cp1258")) is None


@given(st.integers(0, len(_NAMES) - 1), st.integers(3, 40))
def test_running_vietnamese_text_in_legacy_fonts_is_told_apart(start: int, length: int) -> None:
    """Running text (a stretch of the example register's names, as a file holds them) in TCVN3 is
    told apart once it has 10 letters outside ASCII. Words drawn at random are not always: a
    soup such as "aèààééíýơỏỏ" decodes to letters Windows-1258 also has ("àµµĐĐƯưéáá"), and so do
    a few words repeated ("Bắc Bắc Dương Dương Dương Dương" is "B¾c B¾c Dôéng …", two letters of
    evidence: a hypothesis example of session 19); of the 31,700 stretches of 3 to 40 names with 10
    such letters, none is missed (measured in session 19)."""
    text = " ".join(_NAMES[start : start + length])
    assume(sum(1 for c in text if c > "\x7f") >= 10)
    assert legacy_evidence(tcvn3_bytes(text).decode("cp1258", errors="replace")) is not None


def test_vni_of_the_example_names_is_told_apart() -> None:
    text = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig")
    assert legacy_evidence(vni_bytes(text).decode("cp1258", errors="replace")) is not None


@pytest.mark.parametrize("case", ["csv-lone-carriage-returns", "csv-mixed-line-endings"])
def test_lone_carriage_returns_end_lines(tmp_path: Path, case: str) -> None:
    args = CSV_CASES[case](tmp_path)
    plain_args = [*args[:1], str(EXAMPLES / "assessments_long.csv"), *args[2:-3], "-o", str(tmp_path / "plain.xlsx")]
    plain = CliRunner().invoke(main, [*plain_args, "-q"])
    assert plain.exit_code == 0, plain.output
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    got = read_results(tmp_path / "out.xlsx")["summary"]
    expected = read_results(tmp_path / "plain.xlsx")["summary"]
    assert got.equals(expected)
