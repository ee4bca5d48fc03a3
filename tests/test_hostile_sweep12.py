"""What the cases of tests/hostile_sweep12.py answer, and the classes behind them: a row that
repeats the header is the header again, never data (every reader of a grid: CSV, workbook, a CSV
read by range, a wide table); a workbook with a password to open it, a text or a web page under a
workbook's name, and the lock file of an open file are each named as what they are, in both
languages, wherever a workbook is read (inputs, register, annex, results); ``pari schema``'s one
number has a bound.

The cases run as real child processes with a time-out."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_sweep12 import CASES, EXPECTED, NOT_WRITTEN, NUL_AT, NUL_COUNT, PASTED_AT, encrypted_xlsx
from sweeps import case_tests
from sweeps import sweep_child as _child

from pari_index.cli import main
from pari_index.intake.grid import GridRanges, frame_from_grid
from pari_index.intake.tables import read_table_file

runner = CliRunner()


(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)


# ---------------------------------------------------------------------------------------------
# A header row pasted among the data


def _findings(path: Path) -> pl.DataFrame:
    from pari_index.outputs.results import read_results

    return read_results(path)["findings"]


@pytest.mark.parametrize(
    ("case", "file", "row"),
    [
        ("header-pasted-assessments", "assessments_long.csv", PASTED_AT),
        ("header-pasted-two-files-with-bom", "assessments_long.csv", 1501),
        ("header-pasted-register", "communes.csv", 32),
        ("header-pasted-survey-other-case", "survey.csv", 51),
        ("header-pasted-xlsx", "pasted.xlsx", PASTED_AT),
    ],
)
def test_a_pasted_header_is_one_warning_at_its_row_and_no_row_is_rejected(
    tmp_path: Path, case: str, file: str, row: int
) -> None:
    done = _child([*CASES[case](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert ", 0 rejected" in done.stdout and "INCOMPLETE" not in done.stdout
    found = _findings(tmp_path / "out.xlsx").filter(pl.col("kind") == "header-repeated")
    assert found.select("severity", "file", "row").rows() == [("warning", str(tmp_path / file), row)]
    assert found["message"].to_list() == [
        "this row repeats the column names (files pasted together?); it was taken as a header, not as data"
    ]
    kinds = set(_findings(tmp_path / "out.xlsx")["kind"].to_list())
    assert not kinds & {"unknown-criterion", "control-character", "unknown-unit-type", "bad-value"}


def test_a_pasted_register_header_is_not_ranked_as_a_unit(tmp_path: Path) -> None:
    from pari_index.outputs.results import read_results

    assert _child(CASES["header-pasted-register"](tmp_path), tmp_path).returncode == 0
    codes = read_results(tmp_path / "out.xlsx")["summary"]["commune_code"].to_list()
    assert len(codes) == 60 and "code" not in codes
    found = _findings(tmp_path / "out.xlsx").filter(pl.col("kind") == "header-repeated")
    assert found["message"].to_list() == [
        "hàng này lặp lại tên các cột (các tệp bị ghép nối?); đã coi là hàng tiêu đề, không phải dữ liệu"
    ]


def _grid(rows: list[list[str | None]]) -> pl.DataFrame:
    return pl.DataFrame([list(column) for column in zip(*rows, strict=True)], schema=["a", "b", "c"], orient="col")


HEADER: list[str | None] = ["commune_code", "criterion_id", "value"]
ROWS: list[list[str | None]] = [
    HEADER,
    ["00001", "1.1", "có"],
    ["\ufeffCOMMUNE_CODE", "  Criterion_ID ", None],  # the header again: case, spaces, BOM, a blank
    ["commune_code", "1.2", "không"],  # a code that reads as the name: data
    ["commune_code", None, None],  # one cell alone: data (reported downstream)
    ["00004", "criterion_id", "value"],  # the names elsewhere than the first column: data
]


def test_only_rows_whose_every_cell_is_its_column_s_name_are_taken_as_the_header() -> None:
    sheet, problems = frame_from_grid(_grid(ROWS), "f.csv", None, is_nfc=True)
    assert sheet is not None
    assert sheet.frame["_row"].to_list() == [2, 4, 5, 6]
    assert [(p.code, p.row, p.severity) for p in problems] == [("header-repeated", 3, "warning")]


def test_a_csv_read_by_range_finds_the_header_in_a_later_range() -> None:
    ranges = GridRanges("f.csv", is_nfc=True, undecodable=False, longest=20)
    first = ranges.first(_grid(ROWS[:2]))
    assert first is not None
    later = ranges.rows(_grid(ROWS[2:]))
    assert [*first.frame["_row"].to_list(), *later["_row"].to_list()] == [2, 4, 5, 6]
    assert [(p.code, p.row) for p in ranges.problems()] == [("header-repeated", 3)]


def test_a_wide_table_finds_the_header_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import pari_index.intake.grid as grid

    monkeypatch.setattr(grid, "WIDE_COLUMNS", 2)
    sheet, problems = frame_from_grid(_grid(ROWS), "f.csv", None, is_nfc=True)
    assert sheet is not None and sheet.frame["_row"].to_list() == [2, 4, 5, 6]
    assert [(p.code, p.row) for p in problems] == [("header-repeated", 3)]


def test_a_header_with_regex_characters_is_matched_as_text() -> None:
    rows: list[list[str | None]] = [
        ["n/a (+)", "x.y", "[z]"],
        ["1", "2", "3"],
        ["N/A (+)", "x.y", "[z]"],
        ["nxa (+)", "x.y", "[z]"],
    ]
    sheet, problems = frame_from_grid(_grid(rows), "f.csv", None, is_nfc=True)
    assert sheet is not None and sheet.frame["_row"].to_list() == [2, 4]
    assert [p.row for p in problems] == [3]


# ---------------------------------------------------------------------------------------------
# Workbooks that are not what their name says


@pytest.mark.parametrize(
    ("case", "english"),
    [
        (
            "encrypted-xlsx-assessments",
            "form.xlsx: the workbook is protected by a password to open it, so its cells cannot be read "
            "[workbook-encrypted]",
        ),
        ("encrypted-xls-filepass", "form.xls: the workbook is protected by a password to open it"),
        ("encrypted-annex-import", "annex.xlsx: the workbook is protected by a password to open it"),
        (
            "renamed-csv-as-xlsx",
            "assessments.xlsx: this is a text file (such as CSV) saved under a workbook's name, not a workbook "
            "[workbook-is-text]",
        ),
        (
            "renamed-html-as-xls",
            "export.xls: this is a web page or XML saved under a workbook's name, not a workbook [workbook-is-markup]",
        ),
        ("renamed-utf16-text-register-as-xls", "register.xls: this is a text file (such as CSV)"),
        ("renamed-csv-as-results-report", "results.xlsx: this is a text file (such as CSV)"),
        (
            "lock-file-among-inputs",
            "~$sessments.xlsx: this is the lock file Excel or LibreOffice keeps while a file is open in it, "
            "not a table of data [office-lock-file]",
        ),
        ("lock-file-report", "~$results.xlsx: this is the lock file Excel or LibreOffice keeps"),
        ("lock-file-libreoffice-among-inputs", ".~lock.form.xlsx#: this is the lock file"),
        ("lock-file-annex-import", "~$annex.xlsx: this is the lock file"),
    ],
)
def test_each_is_named_as_what_it_is_in_english(tmp_path: Path, case: str, english: str) -> None:
    done = _child([*CASES[case](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1 and english in done.stderr, done.stderr
    assert "not-a-spreadsheet" not in done.stderr and "CalamineError" not in done.stderr


def test_the_vietnamese_words_and_hints(tmp_path: Path) -> None:
    expected = {
        "encrypted-register": "gợi ý: mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ Sổ làm việc",
        "renamed-xml-2003-as-xls": "gợi ý: mở bằng Excel và lưu dạng Sổ làm việc Excel (.xlsx), rồi đưa tệp đó vào",
        "renamed-csv-as-xlsx": "gợi ý: đổi đuôi tên tệp thành .csv rồi đưa lại, hoặc mở bằng Excel và lưu dạng .xlsx",
        "lock-file-report": "tệp khoá mà Excel hoặc LibreOffice giữ khi một tệp đang mở, không phải bảng dữ liệu",
    }
    for case, words in expected.items():
        folder = tmp_path / case
        folder.mkdir()
        done = _child(CASES[case](folder), folder)
        assert done.returncode == 1 and words in done.stderr, done.stderr


def test_garbage_under_a_workbook_name_is_still_not_a_spreadsheet(tmp_path: Path) -> None:
    """Bytes of no kind named above keep the library's refusal (and its reason)."""
    from pari_index.intake.xlsx.reading import not_a_workbook

    path = tmp_path / "noise.xlsx"
    path.write_bytes(bytes(range(256)) * 16)
    assert not_a_workbook(path, "noise.xlsx") is None
    [problem] = read_table_file(path).problems
    assert problem.code == "not-a-spreadsheet"


def test_an_honest_workbook_named_like_nothing_special_still_reads(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "lockless.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        workbook.add_worksheet("data").write_row(0, 0, ["commune_code", "criterion_id"])
        workbook.worksheets()[0].write_row(1, 0, ["00001", "1.1"])
    result = read_table_file(path)
    assert result.problems == [] and result.sheets[0].frame["commune_code"].to_list() == ["00001"]


def test_an_encrypted_results_workbook_is_named_by_report(tmp_path: Path) -> None:
    encrypted_xlsx(tmp_path / "results.xlsx")
    result = runner.invoke(
        main, ["report", str(tmp_path / "results.xlsx"), "-o", str(tmp_path / "r.html"), "--lang", "en"]
    )
    assert result.exit_code == 1
    assert "results.xlsx: the workbook is protected by a password to open it" in result.output


# ---------------------------------------------------------------------------------------------
# NUL bytes in a text file


def test_nul_bytes_in_text_are_named_at_their_line_in_both_languages(tmp_path: Path) -> None:
    from hostile_sweep8 import EXAMPLES

    line = (EXAMPLES / "assessments_long.csv").read_bytes()[:NUL_AT].count(b"\n") + 1
    args = CASES["nul-block-mid-csv"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 1
    assert (
        f"assessments_long.csv row {line}: the text holds {NUL_COUNT} NUL byte(s), the first on this line "
        "(a copy cut short and padded, or a crash while saving?); the file was not read [nul-bytes]"
    ) in en.stderr, en.stderr
    assert "hint: delete the NUL characters on that line in a text editor, or export the file again" in en.stderr
    assert "binary" not in en.stderr
    vi = _child(args, tmp_path)
    assert f"assessments_long.csv hàng {line}: văn bản có {NUL_COUNT} byte NUL, byte đầu tiên ở dòng này" in vi.stderr


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"code,name\n00001,X\x00a\n" + b"00002,Xa B\n" * 20, "nul-bytes"),
        (b"code,name\n00001,X\x00\x00\x00a\n", "binary-file"),  # over one byte in a hundred
        (bytes(range(256)) * 64, "binary-file"),  # every byte, NUL among them: no text
        (b"code,name\n" + "Xâ ".encode("cp1258") * 200 + b"\x00\n", "binary-file"),  # not UTF-8 around it
    ],
)
def test_only_utf8_text_with_a_few_nul_bytes_is_told_so(tmp_path: Path, raw: bytes, code: str) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(raw)
    [problem] = read_table_file(path).problems
    assert problem.code == code


# ---------------------------------------------------------------------------------------------
# YAML that parses but cannot be built


@pytest.mark.parametrize(
    ("case", "place", "en", "vi"),
    [
        (
            "yaml-list-as-key",
            "3:3",
            "cannot be built: found unhashable key",
            "không dựng được: gặp khoá không dùng được làm khoá (danh sách hoặc ánh xạ)",
        ),
        ("yaml-mapping-as-key", "3:1", "cannot be built: found unhashable key", "không dựng được: gặp khoá"),
        (
            "yaml-merge-of-a-scalar",
            "3:7",
            "cannot be built: expected a mapping or list of mappings for merging, but found scalar",
            "không dựng được: cần một ánh xạ hoặc danh sách ánh xạ để gộp (<<), nhưng gặp scalar",
        ),
    ],
)
def test_a_structure_that_cannot_be_built_is_no_refused_tag(
    tmp_path: Path, case: str, place: str, en: str, vi: str
) -> None:
    args = CASES[case](tmp_path)
    english = runner.invoke(main, [*args, "--lang", "en"])
    assert english.exit_code == 1
    assert f"set.yaml:{place}: {en} [yaml-structure]" in english.output, english.output
    assert "hint: write each key as plain text, and merge (<<) only mappings" in english.output
    vietnamese = runner.invoke(main, args)
    assert f"set.yaml:{place}: {vi}" in vietnamese.output, vietnamese.output
    assert "gợi ý: viết mỗi khoá là văn bản thường, và chỉ gộp (<<) các ánh xạ" in vietnamese.output
    assert "thẻ" not in vietnamese.output and "tag" not in english.output


# ---------------------------------------------------------------------------------------------
# pari schema --indent


@pytest.mark.parametrize("indent", ["99999999999999999999", "100000", "17", "-1"])
def test_schema_indent_is_bounded(indent: str) -> None:
    result = runner.invoke(main, ["schema", "--indent", indent, "--lang", "en"])
    assert result.exit_code == 2 and len(result.output) < 1000
    assert f"Invalid value for '--indent': {indent} is not in the range 0<=x<=16." in result.output


def test_schema_indent_within_the_bound_prints_the_schema() -> None:
    import json

    result = runner.invoke(main, ["schema", "--indent", "16"])
    assert result.exit_code == 0
    assert json.loads(result.output)["type"] == "object"
    assert '\n                "' in result.output


@pytest.mark.parametrize(
    ("args", "vi"),
    [
        (["schema", "--indent", "x"], "'--indent': 'x' không phải số nguyên hợp lệ."),
        (["score", "a.csv", "-o", "o.xlsx", "--batch-size", "x"], "'--batch-size': 'x' không phải số nguyên hợp lệ."),
        (["score", "a.csv", "-o", "o.xlsx", "--year", "x"], "'--year': 'x' không phải số nguyên hợp lệ."),
        (["demo-data", "-o", "d", "--communes", "x"], "'--communes': 'x' không phải số nguyên hợp lệ."),
        (["demo-data", "-o", "d", "--mistakes", "x"], "'--mistakes': 'x' không phải số thực hợp lệ."),
    ],
)
def test_a_ranged_number_s_type_is_named_in_vietnamese(args: list[str], vi: str) -> None:
    """click names IntRange and FloatRange "integer range" and "float range": the Vietnamese
    said "'x' không phải integer range hợp lệ" for every ranged option."""
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert f"Lỗi: Giá trị không hợp lệ cho {vi}" in result.output, result.output
    assert "range" not in result.output


# ---------------------------------------------------------------------------------------------
# A standard output that refuses part of what is written (a full disk, a file-size limit)


def _to_file(args: list[str], folder: Path, limit: int | None = None) -> tuple[int, bytes, str]:
    """``pari ARGS > out.txt`` under a file-size limit of ``limit`` bytes (ulimit -f): the exit
    status, what out.txt holds, and the standard error."""
    import resource
    import sys

    from children import ROOT

    def set_limit() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with open(folder / "out.txt", "wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "pari_index.cli", *args],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            preexec_fn=set_limit,
            check=False,
        )
    return done.returncode, (folder / "out.txt").read_bytes(), done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["schema"],
        ["diff", "criteria/ha-noi-2025-commune.yaml", "criteria/hai-phong-2022-commune.yaml"],
    ],
)
def test_a_standard_output_cut_short_by_a_size_limit_is_told_not_exit_0(tmp_path: Path, args: list[str]) -> None:
    """``pari schema > schema.json`` on a disk that takes 2,048 bytes: Python's buffered writer
    dropped the rest of the write without a word and the run exited 0, leaving a cut file."""
    from children import ROOT

    args = [str(ROOT / a) if a.startswith("criteria/") else a for a in args]
    status, written, said = _to_file([*args, "--lang", "en"], tmp_path, limit=2048)
    whole = _to_file([*args, "--lang", "en"], tmp_path)[1]
    assert len(whole) > 2048 and written == whole[:2048]
    assert status == 4, said
    assert (
        "error: the standard output could not be written (File too large): what it holds is cut short "
        "[stdout-unwritable]"
    ) in said
    assert "hint: free space on the disk the output goes to, or send it elsewhere" in said
    assert "Traceback" not in said


def test_a_standard_output_on_a_full_disk_is_told_in_vietnamese(tmp_path: Path) -> None:
    """/dev/full (every write: ENOSPC): ``pari schema`` ended in a traceback."""
    import sys

    from children import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "pari_index.cli", "schema"],
            env=env,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 4, done.stderr
    assert (
        "lỗi: không ghi được đầu ra chuẩn (ổ đĩa hết chỗ trống (No space left on device)): "
        "nội dung đã ghi bị thiếu phần cuối [stdout-unwritable]"
    ) in done.stderr
    assert "Traceback" not in done.stderr


def test_a_standard_output_that_takes_everything_is_unchanged(tmp_path: Path) -> None:
    import json

    status, written, said = _to_file(["schema", "--lang", "en"], tmp_path)
    assert status == 0 and said == ""
    assert json.loads(written)["type"] == "object"


def test_a_pasted_header_of_pattern_headings_is_found_and_the_headings_kept() -> None:
    """Headings polars would read as patterns (tests/test_regex_headings.py): the check reads
    columns by place, so they select nothing else and raise nothing."""
    rows: list[list[str | None]] = [["^a$", "(b", "{c}"], ["1", "2", "3"], ["^A$", "(b", "{c}"], ["x", "(b", "{c}"]]
    sheet, problems = frame_from_grid(_grid(rows), "f.csv", None, is_nfc=True)
    assert sheet is not None and sheet.frame.columns[1:4] == ["^a$", "(b", "{c}"]
    assert sheet.frame["_row"].to_list() == [2, 4]
    assert [p.row for p in problems] == [3]


@pytest.mark.parametrize("in_python", [0, 5000])
def test_a_large_sheet_is_checked_as_a_small_one(monkeypatch: pytest.MonkeyPatch, in_python: int) -> None:
    """The cells of a sheet over grid._IN_PYTHON rows are matched by polars, of a smaller one in
    Python: the same rows either way."""
    import pari_index.intake.grid as grid

    monkeypatch.setattr(grid, "_IN_PYTHON", in_python)
    rows = [*ROWS, ["COMMUNE_CODE", "criterion_ID", None], ["^a$", "criterion_id", None]]
    sheet, problems = frame_from_grid(_grid(rows), "f.csv", None, is_nfc=True)
    assert sheet is not None and sheet.frame["_row"].to_list() == [2, 4, 5, 6, 8]
    assert [p.row for p in problems] == [3, 7]
