"""What the cases of tests/hostile_sweep13.py answer, and the classes behind them: ``-`` is never
taken for a file or folder name, by any command or option (it said "file not found" of nothing,
and ``-o -`` wrote a folder named ``-``); a control, format or separator character in a file,
sheet or column name is shown as ``<U+XXXX>`` wherever a place is printed, so that no name forges a
console line or drives the terminal; a file given twice to a score run (by name, link or hard
link, in any two of its table options) is refused before anything is read; so are options that
contradict each other (--no-survey with --survey) or do nothing alone (--lineage without
--previous); a lineage row whose new code is no unit is a warning at its row.

The cases run as real child processes with a time-out."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_sweep13 import CASES, EXPECTED, FORGED, NOT_WRITTEN
from sweeps import case_tests
from sweeps import sweep_child as _child

from pari_index.errors import Problem
from pari_index.messages.command_line import argument_name

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)


# ---------------------------------------------------------------------------------------------
# "-" as a path


@pytest.mark.parametrize(
    ("case", "option"),
    [
        ("dash-assessments", "ASSESSMENTS"),
        ("dash-output", "-o"),
        ("dash-register", "--communes"),
        ("dash-criteria", "--criteria"),
        ("dash-cache", "--cache"),
        ("dash-report-results", "RESULTS"),
        ("dash-template-output", "-o"),
        ("dash-explain-results", "--results"),
    ],
)
def test_a_dash_is_named_with_its_option_in_both_languages(tmp_path: Path, case: str, option: str) -> None:
    args = CASES[case](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 2, en.stderr
    assert en.stderr.startswith(
        f"error: {option} -: «-» (the standard input or output, to other programs) is not a file name here; "
        "pari-index reads and writes named files only [path-is-dash]\n"
        "    hint: give the file's name; for a file that is really named -, give its whole path "
        "(e.g. /home/thu/data/-)\n"
    ), en.stderr
    vi = _child(args, tmp_path)
    assert vi.stderr.startswith(
        f"lỗi: {argument_name(option, 'vi')} -: «-» (đầu vào hoặc đầu ra chuẩn, với các chương trình khác) "
        "không phải tên tệp ở đây; "
        "pari-index chỉ đọc và ghi các tệp có tên [path-is-dash]\n"
        "    gợi ý: ghi tên của tệp; với một tệp thật sự tên là -, ghi cả đường dẫn (ví dụ /home/thu/data/-)\n"
    ), vi.stderr


def test_a_file_really_named_dash_is_read_by_its_whole_path(tmp_path: Path) -> None:
    from hostile_sweep8 import EXAMPLES, _score

    args = _score(tmp_path)
    (tmp_path / "-").write_bytes((EXAMPLES / "assessments_long.csv").read_bytes())
    done = _child([args[0], str(tmp_path / "-"), *args[2:]], tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.xlsx").is_file()


def test_a_place_that_is_a_file_named_dash_is_printed() -> None:
    """The place ``-`` meant no place: a file named ``-`` lost its name in every message."""
    shown = Problem("file-not-found", "file not found", file="-").render()
    assert shown == "-: file not found [file-not-found]\n    hint: check the path"
    assert Problem("x", "no place").render() == "no place [x]"


def test_validate_of_dash_names_it() -> None:
    """``pari validate -`` is refused as every command's ``-`` is (session 14: it said "-: file not
    found"; tests/test_left14_dash.py covers every path of every command)."""
    from click.testing import CliRunner

    from pari_index.cli import main

    result = CliRunner().invoke(main, ["validate", "-", "--lang", "en"])
    assert result.exit_code == 2
    assert "error: FILES -: «-» (the standard input or output, to other programs)" in result.output
    assert "[path-is-dash]" in result.output


# ---------------------------------------------------------------------------------------------
# Control characters in names


def test_a_name_cannot_forge_a_console_line(tmp_path: Path) -> None:
    done = _child([*CASES["name-forged-line"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1
    shown = "x<U+001B>[31mđỏ<U+001B>[0m<U+000D><U+000A>error: fake.csv.csv"
    said = f"error: {tmp_path}/{shown} row 1: no column value; found commune_code, criterion_id [missing-column]"
    assert said in done.stderr, done.stderr
    assert not any(line.startswith("error: fake.csv") for line in done.stderr.splitlines()), done.stderr
    assert "\x1b" not in done.stderr and "\r" not in done.stderr


def test_an_escape_sequence_in_a_missing_name_is_not_sent_to_the_terminal(tmp_path: Path) -> None:
    done = _child(CASES["name-retitling-missing"](tmp_path), tmp_path)
    assert done.returncode == 1
    assert "nope<U+001B>]0;pwned<U+0007>.csv: Không tìm thấy tệp [file-not-found]" in done.stderr, done.stderr
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr


def test_validate_shows_the_escapes_of_each_name(tmp_path: Path) -> None:
    done = _child([*CASES["name-retitling-validate"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1
    said = done.stdout + done.stderr
    assert "\x1b" not in said and "\x07" not in said
    assert f"{tmp_path}/nope<U+001B>]0;pwned<U+0007>.yaml: ok — ha-noi-2025-commune" in done.stdout
    assert f"{tmp_path}/bnope<U+001B>]0;pwned<U+0007>.yaml: INVALID (1 problem)" in done.stdout
    assert f"{tmp_path}/bnope<U+001B>]0;pwned<U+0007>.yaml:2:1: not valid YAML" in done.stderr


@pytest.mark.parametrize(
    ("case", "place"),
    [
        (
            "name-escape-in-heading",
            "wide.csv row 1 column «ghi chú<U+001B>[2J thêm»: column «ghi chú<U+001B>[2J thêm» is",
        ),
        ("name-escape-in-sheet", "form.xlsx [x<U+202E>rorre<U+200B>] row 1"),
    ],
)
def test_a_sheet_or_column_name_s_escapes_are_shown(tmp_path: Path, case: str, place: str) -> None:
    done = _child([*CASES[case](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1
    assert f"error: {tmp_path}/{place}" in done.stderr, done.stderr
    assert not any(c in done.stderr for c in "\x1b\x07\r\u202e\u200b")


def test_the_findings_table_keeps_the_name_as_it_is(tmp_path: Path) -> None:
    """Only the console's place is shown escaped: the findings keep the file's real name."""
    from hostile_sweep8 import _score

    from pari_index.outputs.results import read_results

    path = tmp_path / f"{FORGED}.csv"
    form = "commune_code,criterion_id,value,self_score,evidence_number,evidence_date,evidence_file\n"
    path.write_text(form + "00001,1.1.1,04/06/2025,,,,\n", encoding="utf-8")
    done = _child(_score(tmp_path, assessments=path), tmp_path)
    assert done.returncode == 0, done.stderr
    files = read_results(tmp_path / "out.xlsx")["rows"]["file"].to_list()
    # The workbook holds no escape character (XML cannot: U+FFFD, outputs.workbook); the rest as it is.
    assert any(f.endswith("[0m\r\nerror: fake.csv.csv") for f in files), files


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Đánh giá xã.csv", "Đánh giá xã.csv"),  # letters and marks, composed or not
        ("Đa\u0301nh gia\u0301.csv", "Đa\u0301nh gia\u0301.csv"),
        ("a\tb", "a<U+0009>b"),
        ("a\u202eb", "a<U+202E>b"),  # a bidi override
        ("a\u200bb\u2028c", "a<U+200B>b<U+2028>c"),  # zero-width space, line separator
        ("a\x85b\x9bc", "a<U+0085>b<U+009B>c"),  # C1 controls: NEL and the 8-bit CSI
        ("a\\xffb", "a\\xffb"),  # a name's bytes escaped already (outputs.paths.shown_name)
    ],
)
def test_visible_marks_every_control_format_and_separator_character(text: str, shown: str) -> None:
    from pari_index.errors import visible

    assert visible(text) == shown


# ---------------------------------------------------------------------------------------------
# One file given twice


@pytest.mark.parametrize(
    ("case", "lines"),
    [
        (
            "twice-glob-register-survey",
            [
                "error: {d}/communes.csv: --communes: this is the same file as ASSESSMENTS {d}/communes.csv; "
                "it was given twice [input-given-twice]",
                "error: {d}/survey.csv: --survey: this is the same file as ASSESSMENTS {d}/survey.csv; "
                "it was given twice [input-given-twice]",
            ],
        ),
        (
            "twice-same-form",
            [
                "error: {d}/assessments_long.csv: ASSESSMENTS: this is the same file as ASSESSMENTS "
                "{d}/assessments_long.csv; it was given twice [input-given-twice]"
            ],
        ),
        (
            "twice-symbolic-link",
            [
                "error: {d}/latest.csv: ASSESSMENTS: this is the same file as ASSESSMENTS {d}/assessments_long.csv; "
                "it was given twice [input-given-twice]"
            ],
        ),
        (
            "twice-hard-link-survey",
            [
                "error: {d}/khao-sat.csv: --survey: this is the same file as --survey {d}/survey.csv; "
                "it was given twice [input-given-twice]"
            ],
        ),
        (
            "twice-assessments-as-survey",
            [
                "error: {d}/assessments_long.csv: --survey: this is the same file as ASSESSMENTS "
                "{d}/assessments_long.csv; it was given twice [input-given-twice]"
            ],
        ),
    ],
)
def test_each_repeat_is_named_with_what_it_repeats(tmp_path: Path, case: str, lines: list[str]) -> None:
    done = _child([*CASES[case](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert sorted(errors) == sorted(line.format(d=tmp_path) for line in lines)
    assert (
        "    hint: give each file once; leave the register, survey and appraisal out of the assessments "
        "(name the forms rather than data/*)"
    ) in done.stderr


def test_a_repeat_in_vietnamese(tmp_path: Path) -> None:
    done = _child(CASES["twice-symbolic-link"](tmp_path), tmp_path)
    assert done.returncode == 2
    assert (
        f"lỗi: {tmp_path}/latest.csv: TỆP_TỰ_ĐÁNH_GIÁ: đây là cùng một tệp với TỆP_TỰ_ĐÁNH_GIÁ "
        f"{tmp_path}/assessments_long.csv; tệp được đưa hai lần [input-given-twice]\n"
        "    gợi ý: đưa mỗi tệp một lần; không đưa danh sách đơn vị, điều tra và thẩm định vào cùng các tệp "
        "tự đánh giá (ghi tên các biểu mẫu thay vì data/*)"
    ) in done.stderr, done.stderr


def test_a_copy_is_told_as_a_copy_not_as_the_file_given_twice(tmp_path: Path) -> None:
    """A copy of a form is not the form given twice (input-given-twice): until session 27 it was
    read, its 11,998 rows repeats (duplicate-row, exit 0); now it is refused once as a copy
    (input-same-content, tests/test_hostile_decoding27.py)."""
    import shutil

    from hostile_sweep8 import _score

    args = _score(tmp_path)
    shutil.copy(tmp_path / "assessments_long.csv", tmp_path / "copy.csv")
    done = _child([args[0], args[1], str(tmp_path / "copy.csv"), *args[2:], "--lang", "en"], tmp_path)
    assert done.returncode == 2, done.stderr
    assert "input-given-twice" not in done.stderr
    assert done.stderr.count("[input-same-content]") == 1, done.stderr


def test_the_library_refuses_a_file_given_twice_too(tmp_path: Path) -> None:
    from hostile_sweep8 import _examples

    import pari_index as pari
    from pari_index.errors import UsageError

    files = _examples(tmp_path)
    with pytest.raises(UsageError) as info:
        pari.run_score(
            assessments=[files["assessments_long"]],
            communes=files["communes"],
            survey=[files["assessments_long"]],
            output=tmp_path / "out.xlsx",
        )
    assert [p.code for p in info.value.problems] == ["input-given-twice"]


# ---------------------------------------------------------------------------------------------
# Options that contradict each other or do nothing alone; lineage rows that link nothing


def test_contradicting_options_are_each_named_before_anything_is_read(tmp_path: Path) -> None:
    from hostile_sweep8 import _score

    (tmp_path / "lineage.csv").write_text("old_code,new_code\n00001,00004\n", encoding="utf-8")
    args = _score(tmp_path, "--no-survey", "--lineage", str(tmp_path / "lineage.csv"))
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 2
    assert en.stderr == (
        "error: --no-survey and --survey say opposite things: score without the survey, or with these results? "
        "[no-survey-with-survey]\n"
        "    hint: leave out --no-survey to score with the survey results, or --survey to score without them\n"
        "error: --lineage is used only with --previous: it links this year's codes to last year's results, and "
        "none were given; it would not be read [lineage-without-previous]\n"
        "    hint: give last year's results with --previous, or leave out --lineage\n"
        "2 problems.\n"
    )
    vi = _child(args, tmp_path)
    assert (
        "lỗi: --no-survey và --survey nói hai điều ngược nhau: chấm không có điều tra, hay chấm với các kết quả này?"
        in vi.stderr
    )
    assert "gợi ý: đưa kết quả năm trước bằng --previous, hoặc bỏ --lineage" in vi.stderr
    assert not (tmp_path / "out.xlsx").exists()


def test_no_survey_alone_and_lineage_with_previous_still_run(tmp_path: Path) -> None:
    from hostile_sweep8 import _score

    args = [a for a in _score(tmp_path) if a not in ("--survey", str(tmp_path / "survey.csv"))]
    assert _child([*args, "--no-survey"], tmp_path).returncode == 0


def test_each_lineage_row_that_links_nothing_is_a_warning_at_its_row(tmp_path: Path) -> None:
    import polars as pl
    from hostile_sweep13 import LINEAGE_ROWS

    from pari_index.outputs.results import read_results

    done = _child([*CASES["lineage-codes-of-no-unit"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Lineage code of no unit 3" in done.stdout, done.stdout
    found = read_results(tmp_path / "out.xlsx")["findings"].filter(pl.col("kind") == "lineage-unknown-code")
    lineage = str(tmp_path / "lineage.csv")
    near = "; the register holds 00004: the code lost its leading zeros (Excel drops them when it takes a code for a "
    near += "number)"
    assert found.select("severity", "file", "row", "message").rows() == [
        (
            "warning",
            lineage,
            row,
            f"the new code {code} is no unit of this run{said}; the row links nothing and was not used",
        )
        for row, code, said in (
            (3, "0004", near),
            (4, "99998", ""),
            (6, "00014", "; register codes one character away: 00004, 00010, 00013 …"),
        )
    ]
    assert [line.split(",")[1] for line in LINEAGE_ROWS[1:]] == ["00004", "0004", "99998", "00013", "00014"]
    summary = read_results(tmp_path / "out.xlsx")["summary"].filter(pl.col("commune_code") == "00004")
    assert summary["previous_note"].to_list()[0].startswith("code changed from 00002; ")


def test_a_lineage_row_that_links_nothing_in_vietnamese(tmp_path: Path) -> None:
    import polars as pl

    from pari_index.outputs.results import read_results

    assert _child(CASES["lineage-codes-of-no-unit"](tmp_path), tmp_path).returncode == 0
    found = read_results(tmp_path / "out.xlsx")["findings"].filter(pl.col("kind") == "lineage-unknown-code")
    assert found["message"].to_list()[0] == (
        "mã mới 0004 không phải đơn vị nào của lượt chấm này; danh sách có mã 00004: mã đã mất các số 0 ở đầu "
        "(Excel bỏ chúng khi coi mã là số); dòng không nối được gì và không được dùng"
    )
    assert found["hint"].to_list()[0] == "đối chiếu mã với danh sách đơn vị (gõ nhầm?), hoặc xoá dòng"


def test_the_lineage_check_uses_no_deprecated_polars_call(tmp_path: Path) -> None:
    """The check's ``is_in`` took a Series of the column's own type, which polars deprecates (a
    warning at the end of CI's run, and a change of meaning in a later polars). In process, so
    that the warning is seen; polars raises it from Rust, so an error filter would not stop it."""
    import warnings

    from click.testing import CliRunner

    from pari_index.cli import main

    args = CASES["lineage-codes-of-no-unit"](tmp_path)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert [str(w.message) for w in seen if issubclass(w.category, DeprecationWarning)] == []


# ---------------------------------------------------------------------------------------------
# Names typed composed of files named decomposed on disk


def test_decomposed_files_typed_composed_are_read_under_their_own_names(tmp_path: Path) -> None:
    import unicodedata

    import polars as pl

    from pari_index.outputs.results import read_results

    done = _child([*CASES["spelling-decomposed-inputs"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Input rows: 3,849 read, 3,849 used, 0 rejected" in done.stdout
    rows = read_results(tmp_path / "out.xlsx")["rows"]
    files = rows.group_by("file").len().sort("file").rows()
    nfd = unicodedata.normalize("NFD", "Đánh giá xã.csv")
    register = unicodedata.normalize("NFD", "Dữ liệu/Danh sách.csv")
    assert files == sorted([(register, 60), (str(tmp_path / nfd), 3429), (str(tmp_path / "survey.csv"), 360)])
    assert rows.filter(pl.col("status") != "scored").height == 60  # the register's rows: registered


def test_a_decomposed_set_and_results_folder_typed_composed(tmp_path: Path) -> None:
    set_folder, results_folder = tmp_path / "set", tmp_path / "results"
    set_folder.mkdir()
    results_folder.mkdir()
    done = _child([*CASES["spelling-decomposed-criteria-validate"](set_folder), "--lang", "en"], set_folder)
    assert done.returncode == 0 and ": ok — ha-noi-2025-commune" in done.stdout, done.stdout + done.stderr
    done = _child(CASES["spelling-decomposed-results-report"](results_folder), results_folder)
    assert done.returncode == 0, done.stderr
    assert (results_folder / "report.html").is_file()


def test_a_name_of_no_file_in_either_form_is_still_not_found(tmp_path: Path) -> None:
    """Only the accents' encoding is looked past: another letter case is another name."""
    import unicodedata

    from hostile_sweep8 import _score

    args = _score(tmp_path)
    (tmp_path / unicodedata.normalize("NFD", "Đánh giá xã.csv")).write_bytes((tmp_path / args[1]).read_bytes())
    done = _child([args[0], "đánh giá xã.csv", *args[2:], "--lang", "en"], tmp_path)
    assert done.returncode == 1
    # Not read under the other case; since the eighteenth sweep the refusal names it (input-near-name).
    said = "error: đánh giá xã.csv: not found; its folder holds a near name: «Đánh giá xã.csv» [input-near-name]"
    assert said in unicodedata.normalize("NFC", done.stderr), done.stderr  # named as the disk has it (NFD)


# ---------------------------------------------------------------------------------------------
# Already well answered


def test_a_source_date_epoch_that_is_no_number_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hostile_sweep8 import _score

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "abc")
    done = _child([*_score(tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 2 and "[bad-date]" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out.xlsx").exists()
