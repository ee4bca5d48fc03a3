"""What the cases of tests/hostile_sweep18.py answer, and the classes behind them: a name typed as
Windows shows it is ``input-near-name``, naming the file meant (it was "file not found"); a
criteria set's number written with a decimal comma is ``yaml-decimal-comma`` with the number to
write; a refused value of a criteria set says why in both languages; a date the calendar has not,
or written month first, is ``implausible-date`` saying which part is wrong; a number with words
beside it is ``number-with-words``; a unit missing some survey results gets ``survey-incomplete``;
a read-only output is refused (``output-read-only``); ``="00007"`` is the same code written
otherwise; a row without its code is one finding; both standard streams to one full file exit 4.

The cases run as real child processes with a time-out."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from children import answers_its_case, pari_child
from hostile_sweep18 import CASES, EXPECTED, HA_NOI, NOT_WRITTEN

ROOT = Path(__file__).resolve().parents[1]
HA_NOI_TEXT = HA_NOI.read_text(encoding="utf-8")


def _child(args: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    return pari_child(args, folder, timeout=120)


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))


# ---------------------------------------------------------------------------------------------
# Names typed as Windows shows them


def test_a_name_without_its_hidden_extension_names_the_file_meant_in_both_languages(tmp_path: Path) -> None:
    """It was "file not found: check the path" beside danh-sach.csv."""
    args = CASES["near-name-register-extension-hidden"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 1
    assert (
        f"error: {tmp_path}/danh-sach: not found; its folder holds a near name: «danh-sach.csv» [input-near-name]"
        in en.stderr
    ), en.stderr
    assert "hint: give the name as the folder lists it in full (`dir` or `ls`): Windows Explorer hides" in en.stderr
    vi = _child(args, tmp_path)
    assert f"lỗi: {tmp_path}/danh-sach: không tìm thấy; thư mục của nó có tên gần giống: «danh-sach.csv»" in vi.stderr
    assert "gợi ý: ghi đúng tên đầy đủ như thư mục liệt kê" in vi.stderr
    assert "file-not-found" not in en.stderr + vi.stderr


@pytest.mark.parametrize(
    ("typed", "on_disk", "near"),
    [
        ("a.csv.", ["a.csv", "b.csv"], ["a.csv"]),
        ("a.csv ", ["a.csv"], ["a.csv"]),
        ("A.CSV", ["a.csv", "A.csv"], ["A.csv", "a.csv"]),
        ("a", ["a.csv", "a.xlsx", "ab.csv"], ["a.csv", "a.xlsx"]),
        ("a.csv", ["a.csv.csv", "a.csv.bak.old"], ["a.csv.csv"]),
        ("a.csv", ["a.xlsx", "a.b.xlsx"], ["a.xlsx"]),
        ("Đánh giá.csv", ["đánh giá.CSV"], ["đánh giá.CSV"]),
        ("a.csv", ["b.csv", "a", "a-2.csv"], []),  # nothing Windows would open, nor a hidden extension
        ("x.csv", [], []),
    ],
)
def test_near_names_are_those_windows_would_open_or_that_differ_by_an_extension(
    tmp_path: Path, typed: str, on_disk: list[str], near: list[str]
) -> None:
    from pari_index.errors import near_names

    for name in on_disk:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert near_names(tmp_path / typed) == near


def test_a_near_name_is_never_opened_in_place_of_the_one_given(tmp_path: Path) -> None:
    """The library refuses as the command does (which file was meant is the user's to say)."""
    import pari_index as pari
    from pari_index.errors import PariError

    args = CASES["near-name-assessments-trailing-dot"](tmp_path)
    with pytest.raises(PariError) as raised:
        pari.score([args[1]], communes=str(tmp_path / "communes.csv"), survey=[str(tmp_path / "survey.csv")])
    assert [p.code for p in raised.value.problems] == ["input-near-name"]
    assert raised.value.problems[0].params == {"near": "«danh-gia.csv»"}


def test_a_missing_folder_s_missing_parent_is_plain_not_found(tmp_path: Path) -> None:
    from pari_index.errors import near_name

    assert near_name(tmp_path / "no-such-folder" / "a.csv") is None


# ---------------------------------------------------------------------------------------------
# Numbers with a decimal comma in a criteria set

#: The line of the Hà Nội set's first ``max: 1.5`` (which the cases write with a comma).
MAX_LINE = HA_NOI_TEXT[: HA_NOI_TEXT.index("max: 1.5")].count("\n") + 1


def test_a_decimal_comma_in_a_criteria_set_says_what_to_write(tmp_path: Path) -> None:
    """It was "giá trị không hợp lệ" with a hint to write the value "as the decision prints it"."""
    args = CASES["yaml-decimal-comma-max"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    said = (
        f"error: {tmp_path}/bo-tieu-chi.yaml:{MAX_LINE}:14: «1,5» is a number written with a decimal comma, as "
        "Vietnamese text writes it; YAML takes only a decimal dot: YAML reads it as text, not a number; write 1.5 "
        "[yaml-decimal-comma]"
    )
    assert said in en.stderr, en.stderr
    vi = _child(args, tmp_path)
    assert "«1,5» là một số viết bằng dấu phẩy thập phân như văn bản tiếng Việt" in vi.stderr, vi.stderr
    assert "YAML đọc nó là văn bản, không phải số; hãy viết 1.5 [yaml-decimal-comma]" in vi.stderr


def test_a_decimal_comma_that_split_a_one_line_mapping_is_one_problem_at_the_number(tmp_path: Path) -> None:
    """``{…, points: 0,5}`` reads as ``points: 0`` and a key ``5``: it was "Keys should be strings"."""
    done = _child([*CASES["yaml-decimal-comma-flow-points"](tmp_path), "--lang", "en"], tmp_path)
    assert done.stderr.count("[yaml-decimal-comma]") == 1 and "invalid_key" not in done.stderr, done.stderr
    assert "«0,5» is a number written with a decimal comma" in done.stderr
    assert "so YAML read the digits after it as a new key; write 0.5" in done.stderr


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("max: 1,5", "yaml-decimal-comma"),
        ("max: 1.234,5", "yaml-decimal-comma"),
        ("max: -0,25", "yaml-decimal-comma"),
        ('max: "1,5"', "schema:value_error"),  # quoted: a text the author meant, refused as text
        ("max: 1,5 điểm", "schema:value_error"),
        ("max: 1,2,3", "schema:value_error"),
    ],
)
def test_only_a_plain_number_with_a_decimal_comma_is_taken_for_one(value: str, code: str) -> None:
    from pari_index.criteria.loading import load_criteria_text
    from pari_index.errors import CriteriaError

    text = HA_NOI_TEXT.replace("max: 1.5", value, 1)
    with pytest.raises(CriteriaError) as raised:
        load_criteria_text(text, "set.yaml")
    assert [(p.code, p.line) for p in raised.value.problems] == [(code, MAX_LINE)]


def test_a_text_written_with_a_decimal_comma_stays_text() -> None:
    from pari_index.criteria.loading import load_criteria_text

    old = 'source: "5666/QĐ-UBND, nội dung (1) (tên nội dung; điểm tối đa là mô hình hoá)"'
    assert old in HA_NOI_TEXT
    loaded = load_criteria_text(HA_NOI_TEXT.replace(old, "source: 1,5", 1), "set.yaml")
    assert loaded.criteria.areas[0].source == "1,5"


def test_a_one_line_title_cut_by_a_decimal_comma_is_one_problem() -> None:
    """``title: {vi: 1,5, en: …}``: the text 1 and a key 5; told once, as the number it was."""
    from pari_index.criteria.loading import load_criteria_text
    from pari_index.errors import CriteriaError

    text = HA_NOI_TEXT.replace('title: {vi: "Kế hoạch cải cách hành chính năm"', "title: {vi: 1,5", 1)
    with pytest.raises(CriteriaError) as raised:
        load_criteria_text(text, "set.yaml")
    assert [(p.code, p.params["value"]) for p in raised.value.problems] == [("yaml-decimal-comma", "«1,5»")]


# ---------------------------------------------------------------------------------------------
# Values of a criteria set refused with their reason


def test_a_refused_value_says_why_in_vietnamese_and_no_longer_speaks_of_points_for_a_date(tmp_path: Path) -> None:
    args = CASES["schema-reason-impossible-deadline"](tmp_path)
    vi = _child(args, tmp_path)
    assert (
        "1.1.1 › rule.deadline: giá trị không dùng được: cần một ngày có thật, viết YYYY-MM-DD hoặc dd/mm/yyyy "
        "[schema:value_error]" in vi.stderr
    ), vi.stderr
    assert "số điểm trong khoảng" not in vi.stderr
    en = _child([*args, "--lang", "en"], tmp_path)
    assert "1.1.1 › rule.deadline: expected a date as YYYY-MM-DD or dd/mm/yyyy [schema:value_error]" in en.stderr, (
        en.stderr
    )
    assert "Value error," not in en.stderr and "points within" not in en.stderr


def _validator_sentences() -> list[str]:
    """Each ValueError sentence the criteria model's validators raise, its formatted parts filled
    as a user's value would fill them (a quoted value «1», a number 1)."""
    import ast

    sentences = []
    for path in sorted((ROOT / "src/pari_index/criteria").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            if getattr(node.exc.func, "id", None) != "ValueError" or not node.exc.args:
                continue
            parts = []
            for part in getattr(node.exc.args[0], "values", [node.exc.args[0]]):
                if isinstance(part, ast.Constant):
                    parts.append(str(part.value))
                else:
                    parts.append("«1»" if "quoted" in ast.unparse(part) else "1")
            sentences.append("".join(parts))
    return sentences


def test_every_reason_a_validator_gives_has_its_vietnamese_words() -> None:
    from pari_index.messages.value_reasons import value_reason
    from pari_index.messages.yaml_words import ENGLISH_MARK

    sentences = _validator_sentences()
    assert len(sentences) >= 18
    for sentence in sentences:
        told = value_reason("Value error, " + sentence, "vi")
        assert not told.endswith(ENGLISH_MARK) and "{" not in told.replace("{month", "").replace("{vi", ""), sentence
        assert value_reason("Value error, " + sentence, "en") == sentence


def test_a_reason_not_in_the_table_is_shown_in_english_marked_so() -> None:
    from pari_index.messages.value_reasons import value_reason

    assert value_reason("Value error, something new", "vi") == "something new (tiếng Anh)"


# ---------------------------------------------------------------------------------------------
# Dates the calendar has not


@pytest.mark.parametrize(
    ("text", "reason", "en"),
    [
        ("29/02/2025", "no_such_day", "the calendar has no such day: month 2 of 2025 has 28 days"),
        ("31/04/2025", "no_such_day", "the calendar has no such day: month 4 of 2025 has 30 days"),
        ("2025-06-31", "no_such_day", "the calendar has no such day: month 6 of 2025 has 30 days"),
        ("0.5.2025", "no_such_day", "the calendar has no such day: month 5 of 2025 has 31 days"),
        (
            "12/31/2025",
            "month_first",
            "there is no month 31: dates are read day first; if it is month first, write 31/12/2025",
        ),
        (
            "7-15-2025",
            "month_first",
            "there is no month 15: dates are read day first; if it is month first, write 15-07-2025",
        ),
        ("15/13/2025", "no_such_month", "there is no month 13: a month is 1 to 12"),
        ("02/30/2025", "no_such_month", "there is no month 30: a month is 1 to 12"),  # 30 February either way
        ("2025-13-01", "no_such_month", "there is no month 13: a month is 1 to 12"),
    ],
)
def test_a_date_the_calendar_has_not_says_which_part_is_wrong(text: str, reason: str, en: str) -> None:
    import json

    import polars as pl

    from pari_index.intake.values import date_problem_params, date_problems, parse_date
    from pari_index.messages.rendering import render

    assert pl.select(parse_date(pl.lit(text))).item() is None
    assert text in date_problems(pl.Series([text]))
    params = json.loads(pl.select(date_problem_params(pl.lit(text))).item())
    assert params["date_problem"] == reason
    assert render("implausible-date", params, "en") == f"{text} is not a usable date: {en}"
    assert "—" not in render("implausible-date", params, "vi")


@pytest.mark.parametrize("text", ["29/02/2024", "31/12/2025", "2025-04-30", "1/1/2025", "31.01.2025", "45301"])
def test_real_dates_are_read_and_have_no_problem(text: str) -> None:
    import polars as pl

    from pari_index.intake.values import date_problems, parse_date

    assert pl.select(parse_date(pl.lit(text))).item() is not None
    assert date_problems(pl.Series([text])) == {}


def test_an_impossible_day_in_a_workbook_is_named_in_both_languages(tmp_path: Path) -> None:
    args = CASES["dates-no-such-day-workbook"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert (
        f"error: {tmp_path}/form.xlsx [data] row 2 column «evidence_date»: 31/09/2025 is not a usable date: the "
        "calendar has no such day: month 9 of 2025 has 30 days [implausible-date]"
    ) in en.stderr, en.stderr
    vi = _child(args, tmp_path)
    assert (
        "31/09/2025 không phải là một ngày dùng được: lịch không có ngày này: tháng 9 năm 2025 có 30 ngày" in vi.stderr
    )
    assert "gợi ý: ghi đủ ngày, tháng, năm, ngày trước tháng sau" in vi.stderr
    assert "#N/A" not in en.stderr + vi.stderr


# ---------------------------------------------------------------------------------------------
# A number with a unit or a note in its cell


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("34 ngày", "number-with-words"),
        ("34ngày", "number-with-words"),
        ("1.887 hồ sơ", "number-with-words"),
        ("7,5 điểm", "number-with-words"),
        ("80% (đạt)", "number-with-words"),
        ("khoảng 34", "number-with-words"),
        ("tổng: 179", "number-with-words"),
        ("3 of 5", None),  # two numbers: which one is meant is not guessed
        ("N/A", None),
        ("không có", None),
        ("12/05/2025", None),
        ("18 87", None),  # two numbers typed in one cell: a bad value as before
    ],
)
def test_a_number_with_words_beside_it_is_told_apart_from_other_unreadable_numbers(text: str, kind: str | None) -> None:
    import polars as pl

    from pari_index.intake.values import number_problems

    found = number_problems(pl.Series([text]))
    assert (found[text][0] if text in found else None) == kind


def test_a_number_with_a_unit_is_refused_at_its_cell_with_the_words_to_write_it(tmp_path: Path) -> None:
    """It was "34 ngày is not a whole number", with the hint about Excel error values."""
    args = CASES["number-with-words-units"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert (
        f"error: {tmp_path}/assessments_long.csv row 7 column «value»: 34 ngày has words beside its number; the cell "
        "was not used: write the number alone [number-with-words]"
    ) in en.stderr, en.stderr
    assert "hint: write the number alone in the cell (34, not 34 ngày); a unit or a note belongs in the" in en.stderr
    assert "Input rows: 3,849 read, 3,845 used, 4 partly used" in en.stdout
    vi = _child(args, tmp_path)
    assert (
        "hàng 7 cột «value»: 34 ngày có chữ bên cạnh số; ô không được dùng: chỉ ghi số [number-with-words]" in vi.stderr
    )
    assert "#N/A" not in en.stderr + vi.stderr


# ---------------------------------------------------------------------------------------------
# A survey without a result for some items of a unit


def _findings_of(folder: Path, kind: str) -> list[tuple[str, str]]:
    from pari_index.outputs.results import read_results

    table = read_results(folder / "out.xlsx")["findings"]
    rows = table.filter(table["kind"] == kind)
    return list(zip(rows["commune_code"].to_list(), rows["params"].to_list(), strict=True))


def test_a_unit_missing_one_survey_result_is_told_which_item_scores_0(tmp_path: Path) -> None:
    """The item scored 0 ("no survey") and nothing said so."""
    args = CASES["survey-incomplete-row-lost"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 0 and "Survey results missing for some items 1" in en.stdout, en.stdout
    assert _findings_of(tmp_path, "survey-incomplete") == [("00007", '{"count":1,"items":"10.1.2"}')]
    vi = _child(args, tmp_path)
    assert "Thiếu kết quả điều tra của một số tiêu chí 1" in vi.stdout


def test_units_with_no_survey_result_at_all_are_counted_as_before_not_listed(tmp_path: Path) -> None:
    files = CASES["survey-incomplete-row-lost"](tmp_path)
    survey = tmp_path / "survey.csv"
    lines = survey.read_text(encoding="utf-8").splitlines()
    survey.write_text("\n".join(line for line in lines if not line.startswith("00001,")) + "\n", encoding="utf-8")
    done = _child([*files, "--lang", "en"], tmp_path)
    assert "INCOMPLETE: 1 commune without survey results." in done.stdout, done.stdout
    assert [code for code, _ in _findings_of(tmp_path, "survey-incomplete")] == ["00007"]


def test_a_wide_survey_s_empty_cells_are_named_per_unit(tmp_path: Path) -> None:
    done = _child([*CASES["survey-incomplete-wide-cells-empty"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    found = _findings_of(tmp_path, "survey-incomplete")
    assert [params for _, params in found] == ['{"count":1,"items":"10.1.2"}', '{"count":1,"items":"10.1.4"}']


# ---------------------------------------------------------------------------------------------
# Outputs marked read-only


def test_results_marked_read_only_are_not_replaced_and_the_run_says_so(tmp_path: Path) -> None:
    """They were replaced without a word, and left writable."""
    args = CASES["output-read-only-results-workbook"](tmp_path)
    before = (tmp_path / "results.xlsx").read_bytes()
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 4
    said = f"-o would replace {tmp_path}/results.xlsx, a file marked read-only [output-read-only]"
    assert said in en.stderr, en.stderr
    vi = _child(args, tmp_path)
    assert f"-o sẽ thay thế {tmp_path}/results.xlsx, một tệp được đánh dấu chỉ đọc [output-read-only]" in vi.stderr
    assert (tmp_path / "results.xlsx").read_bytes() == before
    assert (tmp_path / "results.xlsx").stat().st_mode & 0o777 == 0o444
    assert "Scored" not in en.stdout  # refused before reading anything


def test_writable_earlier_results_are_replaced_as_before(tmp_path: Path) -> None:
    args = CASES["well-output-writable-earlier-results"](tmp_path)
    before = (tmp_path / "results.xlsx").read_bytes()
    assert _child(args, tmp_path).returncode == 0
    assert (tmp_path / "results.xlsx").read_bytes() != before


def test_the_library_refuses_a_read_only_output_too(tmp_path: Path) -> None:
    import pari_index as pari
    from pari_index.errors import PariError

    CASES["output-read-only-results-workbook"](tmp_path)
    result = pari.score(
        [str(tmp_path / "assessments_long.csv")],
        communes=str(tmp_path / "communes.csv"),
        survey=[str(tmp_path / "survey.csv")],
    )
    with pytest.raises(PariError) as raised:
        pari.write_results(tmp_path / "results.xlsx", result)
    assert [(p.code, raised.value.exit_code) for p in raised.value.problems] == [("output-read-only", 4)]


def test_a_code_written_as_excel_s_text_formula_is_the_same_code_written_otherwise(tmp_path: Path) -> None:
    """It was "register codes one character away: 00007" (three characters were added), then
    ``unknown-commune`` («the same code written otherwise»); since session 38 the code is read as
    Excel shows it and commune 00007 is scored from those rows like any other."""
    done = _child([*CASES["code-excel-text-formula"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "unknown-commune" not in done.stderr and "one character away" not in done.stderr
    said = done.stdout + done.stderr
    assert "Input rows: 3,849 read, 3,849 used, 0 rejected" in said, said  # the example's long file, whole


# ---------------------------------------------------------------------------------------------
# Both standard streams to one size-limited file


def test_standard_output_and_error_to_one_full_file_exit_4_not_1(tmp_path: Path) -> None:
    """``pari diff A B > log 2>&1`` under a file-size limit: the standard output failed, and the
    words saying so failed too, to the same file; the run exited 1, as for a wrong input."""
    import resource
    import sys

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    sets = [str(ROOT / "criteria" / name) for name in ("ha-noi-2025-commune.yaml", "hai-phong-2022-commune.yaml")]
    with open(tmp_path / "log.txt", "wb") as log:
        done = subprocess.run(
            [sys.executable, "-m", "pari_index.cli", "diff", *sets, "--lang", "en"],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=limit,
            timeout=120,
            check=False,
        )
    assert done.returncode == 4
    assert (tmp_path / "log.txt").stat().st_size == 4096


def test_a_row_without_its_code_is_one_finding_not_one_a_value(tmp_path: Path) -> None:
    """A long form whose code is merged down each commune's block: 11,798 findings for 3,381
    rows, one for each value of a row; now one a row, at the code's column."""
    done = _child([*CASES["rows-without-code-merged-blocks"](tmp_path), "--lang", "en"], tmp_path)
    assert "3,381 rejected" in done.stdout and "Commune code missing 3,381," in done.stdout, done.stdout
    said = (
        f"error: {tmp_path}/form.xlsx [data] row 3 column «commune_code»: the row has no commune code; none of "
        "the 5 values of this row was used [missing-commune-code]"
    )
    assert said in done.stderr, done.stderr
    assert "cells A2:A73 are merged: only the first holds the value" in done.stderr


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("a number of points must lie between -1,000,000 and 1,000,000", "−1.000.000 đến 1.000.000"),
        ("a number must lie between -10,000,000,000,000 and 10,000,000,000,000", "−10.000.000.000.000 đến 10.000"),
        ("points must lie between 0 and 7.5", "0 đến 7,5"),
    ],
)
def test_a_range_s_bounds_are_written_as_vietnamese_writes_numbers(english: str, vietnamese: str) -> None:
    # The validators write "-1,000,000" (English grouping); the Vietnamese message wrote it as it
    # was, which a Vietnamese reader takes for one point something (found by a sweep of every
    # hostile case's --lang vi output, session 31).
    from pari_index.messages.value_reasons import value_reason

    told = value_reason("Value error, " + english, "vi")
    assert vietnamese in told
    assert "," not in told.split("khoảng")[1] or "7,5" in told
    assert value_reason("Value error, " + english, "en") == english
