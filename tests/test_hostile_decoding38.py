"""What the cases of tests/hostile_decoding38.py answer: a code or a number typed with what the
clerk does not see (marks and spaces before a code, Excel's ="…", a zero-width character) is read
as the clerk sees it, in every input; Excel's separator line naming another separator is told;
and the functions that read them (intake.sheet.code_text, intake.values.as_shown)."""

from __future__ import annotations

import csv
from functools import partial
from pathlib import Path

import polars as pl
import pytest
from hostile_decoding38 import CASES, EXPECTED, NOT_WRITTEN
from hostile_sweep8 import _score
from sweeps import Tables, case_tests, csv_results, kinds, language_tests, ranked, sweep_child

from pari_index.intake.csv_input import read_csv_bytes
from pari_index.intake.sheet import code_text
from pari_index.intake.values import as_shown
from pari_index.messages import render, render_hint

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

_run = partial(csv_results, lang="en")


@pytest.mark.parametrize(
    "case",
    [
        "well-form-codes-two-marks",
        "well-form-codes-mark-and-space",
        "well-form-codes-text-formula",
        "well-register-codes-text-formula",
        "well-survey-rates-zero-width-space-inside",
        "well-survey-rates-text-formula",
    ],
)
def test_what_the_clerk_sees_gives_the_example_s_results(tmp_path: Path, example_tables: Tables, case: str) -> None:
    # Before: exit 1, every row of the unit (or of every unit) unknown-commune, or the survey's
    # rates bad-value and its items scored 0.
    folder = tmp_path / "run"
    folder.mkdir()
    tables = _run(CASES[case](folder), folder)
    assert ranked(tables) == ranked(example_tables)
    assert kinds(tables) == kinds(example_tables)
    assert len(tables["rows"]) == len(example_tables["rows"])


def test_a_separator_line_of_another_separator_is_told_and_the_table_read(
    tmp_path: Path, example_tables: Tables
) -> None:
    # Before: exit 0 and not a word, though Excel shows this file as another table.
    folder = tmp_path / "run"
    folder.mkdir()
    tables = _run(CASES["well-separator-line-of-another-separator"](folder), folder)
    assert ranked(tables) == ranked(example_tables)
    [told] = [f for f in tables["findings"] if f["kind"] == "csv-separator-line-differs"]
    assert (told["severity"], Path(told["file"]).name, told["row"]) == ("warning", "tu-danh-gia.csv", "1")
    assert told["message"] == (
        "the first line (sep=,) tells Excel the cells are separated by «,», but the column names are separated "
        "by «;»: the file was read at «;», as its column names are, while Excel splits it at «,» and shows "
        "another table"
    )
    assert told["hint"] == "check the columns read; write the first line as sep=;, or delete it"


def test_the_separator_line_warning_in_vietnamese() -> None:
    body = b"sep=;\ncode,name,type\n00001,X\xc3\xa3 A,x\xc3\xa3\n"
    result = read_csv_bytes(body, "f.csv")
    [told] = result.problems
    assert render(told.code, told.params, "vi") == (
        "dòng đầu (sep=;) báo cho Excel dấu phân cách «;», nhưng tên các cột được phân cách bằng «,»: tệp được đọc "
        "theo «,» như tên các cột, còn Excel tách các ô theo «;» và hiện một bảng khác"
    )
    assert render_hint(told.code, "vi", params=told.params) == (
        "kiểm tra các cột đã đọc; sửa dòng đầu thành sep=, hoặc xoá dòng đó"
    )
    [sheet] = result.sheets
    assert sheet.frame.select("code", "name", "type").rows() == [("00001", "Xã A", "xã")]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("''00001", "00001"),
        ("'\u2019\u201800001", "00001"),
        ("' 00001", "00001"),
        ("\u2019\u00a000001", "00001"),
        ("'\t'00001", "00001"),
        ('="00001"', "00001"),
        (' ="00001" ', "00001"),
        ("='00001'", "='00001'"),  # not Excel's formula: as written
        ('="00001', '="00001'),  # no closing quote: as written
        ("00 001", "00 001"),  # a space inside a code: told where codes are compared
        ("''", "''"),  # marks alone: no code
        ('=""', '=""'),  # Excel's formula of nothing: never a code of nothing (reviewa38)
        ('="  "', '="  "'),
    ],
)
def test_marks_spaces_and_excel_s_formula_around_a_code_are_left_out(written: str, read: str) -> None:
    assert pl.select(code_text(pl.lit(written))).item() == read


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("9\u200b5", "95"),
        ("\ufeff95", "95"),
        ("95\u2060", "95"),
        ("9\u00ad5", "95"),
        ("\u200e95\u200f", "95"),
        ("\u22120,25", "-0,25"),
        ('="95"', "95"),
        ('="1.234,5"', "1.234,5"),
        ("９５\u200b", "95"),
        ("9\x005", "9\x005"),  # a control character stays, refused as before
        ("9\u00a05", "9\u00a05"),  # a space inside a number is no separator of thousands: refused
        ("\u200b", "\u200b"),  # nothing but what nothing shows: as typed, told (reviewa38)
        ("\ufeff\u2060", "\ufeff\u2060"),
        ('=""', '=""'),
    ],
)
def test_a_number_is_read_as_the_clerk_sees_it(written: str, read: str) -> None:
    assert pl.select(as_shown(pl.lit(written))).item() == read


def test_a_workbook_of_uncalculated_formulas_is_told_at_its_first_formula(tmp_path: Path) -> None:
    # Before: exit 0 and no word, the first unit's survey part 0 (its rates stored as 0).
    tables = _run(CASES["survey-formulas-not-calculated"](tmp_path), tmp_path)
    [told] = [f for f in tables["findings"] if f["kind"] == "formula-result-not-calculated"]
    assert (told["severity"], Path(told["file"]).name, told["sheet"], told["row"], told["column"]) == (
        "warning",
        "khao-sat.xlsx",
        "Khảo sát",
        "2",
        "value",
    )
    assert "(=90+5)" in told["message"] and "may not be what Excel shows" in told["message"]


def _book_of_a_formula(path: Path, calc_on_load: bool) -> Path:
    """A workbook of one formula saved with its result (95), with or without the request to be
    calculated on opening (a spreadsheet that calculated it writes none)."""
    import zipfile

    import xlsxwriter

    written = path.with_suffix(".tmp.xlsx")
    book = xlsxwriter.Workbook(str(written))
    sheet = book.add_worksheet("A")
    sheet.write_row(0, 0, ["code", "value"])
    sheet.write_string(1, 0, "00001")
    sheet.write_formula(1, 1, "=90+5", None, 95)
    book.close()
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.xml" and not calc_on_load:
                data = data.replace(b' fullCalcOnLoad="1"', b"")
            target.writestr(info, data)
    return path


@pytest.mark.parametrize(("calc_on_load", "told"), [(True, ["formula-result-not-calculated"]), (False, [])])
def test_only_a_workbook_asking_to_be_calculated_is_told(tmp_path: Path, calc_on_load: bool, told: list[str]) -> None:
    from pari_index.intake.xlsx.reading import read_excel

    path = _book_of_a_formula(tmp_path / "a.xlsx", calc_on_load)
    result = read_excel(path, "a.xlsx")
    assert [p.code for p in result.problems] == told
    [sheet] = result.sheets
    assert sheet.frame.select("code", "value").rows() == [("00001", "95")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # reviewa38: «commune  is not in the commune register», « is not a percentage»: the code
        # or value shown as nothing. Excel shows «=""» as an empty cell: read as one.
        ('="",10.1.1,,100', (1, "missing-commune-code", "rejected")),
        ('00001,10.1.1,,=""', (0, None, "empty")),
        ('00001,10.1.1,, ="" ', (0, None, "empty")),
        # A lone zero-width space: refused, the character named (not a value of nothing).
        ("00001,10.1.1,,\u200b", (1, "bad-value", "rejected")),
    ],
)
def test_a_cell_that_shows_nothing_is_empty_or_told_by_what_it_holds(
    tmp_path: Path, line: str, expected: tuple[int, str | None, str]
) -> None:
    code, kind, status = expected
    survey = tmp_path / "survey.csv"
    lines = (Path(__file__).parents[1] / "examples" / "survey.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[1] == "00001,10.1.1,,100"
    survey.write_text("\n".join([lines[0], line, *lines[2:]]) + "\n", encoding="utf-8")
    args = _score(tmp_path)  # the example, the survey written here
    args[args.index("-o") + 1] = str(tmp_path / "results")
    done = sweep_child([*args, "--format", "csv", "--lang", "en"], tmp_path)
    assert done.returncode == code, done.stdout + done.stderr
    tables = {}
    for name in ("findings", "rows"):
        with (tmp_path / "results" / f"{name}.csv").open(encoding="utf-8-sig") as handle:
            rows = csv.DictReader(handle)
            tables[name] = [r for r in rows if Path(r["file"]).name == "survey.csv" and r["row"] == "2"]
    [row] = tables["rows"]
    assert row["status"] == status
    assert [f["kind"] for f in tables["findings"]] == ([kind] if kind else [])
    for finding in tables["findings"]:
        assert not finding["message"].startswith((" ", "commune  ")), finding["message"]
        if kind == "bad-value":
            assert finding["message"].startswith("\u200b is not a percentage"), finding["message"]  # shown <U+200B>


def test_forms_read_together_read_a_cell_of_nothing_as_empty(tmp_path: Path) -> None:
    """Small forms of one heading are read at once (intake.many), where «=""» was a code or a value
    of nothing too (reviewa38: «commune  is not in the commune register», «="" is not yes/no»)."""
    lines = (Path(__file__).parents[1] / "examples" / "assessments_long.csv").read_text(encoding="utf-8-sig")
    header, *rows = lines.splitlines()
    forms = []
    for code in ("00001", "00004", "00007"):
        mine = [row for row in rows if row.startswith(code + ",")]
        if code == "00001":
            assert mine[1].startswith("00001,1.1.2,tasks,có,") and mine[2].startswith("00001,1.1.2,outputs,")
            mine[1] = mine[1].replace(",có,", ',"=""""",', 1)  # the value «=""»
            mine[2] = '"="""""' + mine[2][len(code) :]  # the code «=""»
        forms.append(tmp_path / f"{code}.csv")
        forms[-1].write_text("\n".join([header, *mine]) + "\n", encoding="utf-8")
    args = _score(tmp_path, assessments=forms[0])
    args[1:2] = [str(form) for form in forms]
    args[args.index("-o") + 1] = str(tmp_path / "results")
    done = sweep_child([*args, "--format", "csv", "--lang", "en"], tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    with (tmp_path / "results" / "findings.csv").open(encoding="utf-8-sig") as handle:
        found = [(f["kind"], f["row"]) for f in csv.DictReader(handle) if Path(f["file"]).name == "00001.csv"]
    assert [kind for kind in found if kind[0] in ("bad-value", "unknown-commune", "missing-commune-code")] == [
        ("missing-commune-code", "4")
    ]
    with (tmp_path / "results" / "rows.csv").open(encoding="utf-8-sig") as handle:
        status = {r["row"]: r["status"] for r in csv.DictReader(handle) if Path(r["file"]).name == "00001.csv"}
    assert (status["3"], status["4"]) == ("scored", "rejected")
