"""One language per output: every finding kind has Vietnamese and English words, and the outputs
officials read (the report, the findings of the results, ``pari explain``, the console of
``pari score``) show them in their own language only, inputs by their labels, numbers as the
language writes them.
"""

from __future__ import annotations

import ast
import html
import json
import re
import string
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from test_scoring import CRITERIA, write_example

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.criteria.model import resolve_leaves
from pari_index.errors import Problem
from pari_index.intake.values import date_problem_params
from pari_index.messages import (
    CATALOGUE,
    MINUS,
    PARAM_WORDS,
    Entry,
    Words,
    catalogue_markdown,
    format_number,
    localise_findings,
    render,
    render_hint,
)
from pari_index.outputs.report import render_report
from pari_index.outputs.results import read_results
from pari_index.scoring.evidence import EVIDENCE_GAPS

SRC = Path(__file__).resolve().parents[1] / "src" / "pari_index"
#: Strings that look like finding kinds but are not (text encodings, the package's own name).
#: Kind-like strings that are not kinds: encodings, the package, a folder of cache entries.
NOT_KINDS = {
    *("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"),
    *("pari-index", "communes-changes"),
}
#: Words of English that no Vietnamese text of the catalogue may hold.
ENGLISH = {
    "the", "is", "are", "not", "of", "and", "with", "has", "have", "was", "file", "cell", "column", "row", "item",
    "value", "cannot", "more", "than", "found", "given", "evidence", "score", "scores", "points", "missing", "name",
    "check", "give", "write", "correct", "add",
}  # fmt: skip


def emitted_kinds() -> set[str]:
    """Every finding kind the stages that produce findings can emit: the kind-like string constants
    of intake, scoring and ranking (and the limits), and the evidence kinds built from their status."""
    found: set[str] = set()
    kind_like = re.compile(r"^[a-z]+(-[a-z0-9]+)+$")
    files = [*(SRC / "intake").rglob("*.py"), *(SRC / "scoring").rglob("*.py"), *(SRC / "ranking").rglob("*.py")]
    for path in [*files, SRC / "system" / "limits.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and kind_like.match(node.value):
                found.add(node.value)
    return (found - NOT_KINDS) | {f"evidence-{gap}" for gap in EVIDENCE_GAPS}


def test_the_walk_finds_the_kinds_it_must() -> None:
    # Were the walk broken (a moved folder, a changed pattern), the next test would pass on nothing.
    kinds = emitted_kinds()
    assert {"self-score-differs", "bad-value", "evidence-missing", "evidence-file_not_found", "xlsx-damaged"} <= kinds
    assert len(kinds) > 80


def test_every_kind_the_source_emits_has_words_in_both_languages() -> None:
    missing = sorted(emitted_kinds() - set(CATALOGUE))
    assert not missing, f"add these kinds to pari_index.messages.CATALOGUE: {missing}"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("kind", sorted(CATALOGUE))
def test_each_entry_is_written_in_both_languages(kind: str) -> None:
    entry = CATALOGUE[kind]
    texts = [entry.title, entry.message, *([entry.hint] if entry.hint else [])]
    for words in texts:
        assert words.vi.strip() and words.en.strip(), kind
        # A text that is a parameter alone is the same in both: its words are in PARAM_WORDS.
        assert words.vi != words.en or re.fullmatch(r"(\{\w+\})+", words.vi), (kind, words.vi)
        # Neither the parameters' names nor column and command names (evidence_accepted, pari score),
        # nor the library's functions its own errors name (pari.score).
        fixed = re.sub(r"\{[^}]*\}|\w+_\w+|pari[ .]\w+", " ", words.vi)
        english = set(re.findall(r"[a-z]+", fixed.lower())) & ENGLISH
        assert not english, (kind, words.vi, english)
    # The Vietnamese message names no parameter the English one lacks: a finding fills either. (It
    # may leave one out: the system's own note on an evidence file is in English only.)
    assert _fields(entry.message.vi) <= _fields(entry.message.en), kind


@pytest.mark.parametrize("name", sorted(PARAM_WORDS))
def test_the_words_of_parameters_are_written_in_both_languages(name: str) -> None:
    for key, words in PARAM_WORDS[name].items():
        # (Words that are nothing in both languages: a prefix some findings do without.)
        assert (words.vi.strip() and words.en.strip()) or words.vi == words.en == "", (name, key)
        fixed = re.sub(r"\{[^}]*\}|\w+_\w+", " ", words.vi)
        english = set(re.findall(r"[a-z]+", fixed.lower())) & ENGLISH
        assert not english, (name, key, words.vi, english)
        assert _fields(words.vi) <= _fields(words.en), (name, key)


# --- words that name parameters (issue 13: Vietnamese errors that gave only a title) ---------------


def _date_params(text: str) -> dict[str, Any]:
    value = pl.select(date_problem_params(pl.lit(text))).item()
    return dict(json.loads(value))


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        (
            "15/12/25",
            "năm chỉ có hai chữ số; hãy viết năm đủ bốn chữ số, ví dụ 15/12/2025",
            "the year has two digits; write it in four digits, e.g. 15/12/2025",
        ),
        ("1/1/5", "năm không được viết đủ bốn chữ số", "the year is not written in four digits"),
        ("01/01/0000", "năm 0000 nằm ngoài khoảng 1900–2100", "the year 0000 is outside 1900-2100"),
        ("2024", "hãy viết cả ngày, ví dụ 31/12/2024", "write the whole date, e.g. 31/12/2024"),
        (
            "99999999",
            "số chỉ được đọc là ngày kiểu Excel từ 10000 (18/05/1927) đến 73415 (31/12/2100)",
            "numbers are read as Excel serial dates only from 10000 (18/05/1927) to 73415 (31/12/2100)",
        ),
    ],
)
def test_an_implausible_date_says_why_in_either_language(text: str, vi: str, en: str) -> None:
    params = _date_params(text)
    assert render("implausible-date", params, "vi").startswith(f"{text} không phải là một ngày dùng được: ")
    assert vi in render("implausible-date", params, "vi")
    assert en in render("implausible-date", params, "en")
    assert render("implausible-date", params, "en").startswith(f"{text} is not a usable date: ")


def test_the_findings_of_implausible_dates_say_why_in_vietnamese(tmp_path: Path) -> None:
    """An input cell and an evidence_date (two paths of the intake), read and localised."""
    from pari_index.intake.assessments import read_assessments

    path = tmp_path / "long.csv"
    path.write_text(
        "commune_code,criterion_id,input,value,self_score,evidence_date\n"
        "00001,1.1.1,,15/12/25,,\n00001,1.2.3,,có,,01/01/0000\n",
        encoding="utf-8",
    )
    leaves = compile_criteria(load_criteria(Path(__file__).parent / "data" / "all_kinds.yaml").criteria).leaves
    findings = read_assessments([path], leaves, pl.Series(["00001"])).findings
    dates = findings.filter(pl.col("kind") == "implausible-date").sort("row")
    assert localise_findings(dates, "vi")["message"].to_list() == [
        "15/12/25 không phải là một ngày dùng được: năm chỉ có hai chữ số; hãy viết năm đủ bốn chữ số, "
        "ví dụ 15/12/2025",
        "01/01/0000 không phải là một ngày dùng được: năm 0000 nằm ngoài khoảng 1900–2100",
    ]
    assert localise_findings(dates, "en")["message"].to_list() == [
        "15/12/25 is not a usable date: the year has two digits; write it in four digits, e.g. 15/12/2025",
        "01/01/0000 is not a usable date: the year 0000 is outside 1900-2100",
    ]


def test_a_date_that_is_not_implausible_has_no_reason() -> None:
    assert _date_params("15/12/2025")["date_problem"] is None


def test_a_finding_written_before_its_reason_was_kept_gets_the_general_words() -> None:
    old = {"value": "15/12/25"}  # a findings table of an earlier version: no date_problem
    assert (
        render("implausible-date", old, "vi")
        == "15/12/25 không phải là một ngày dùng được: năm viết tắt hoặc ngoài khoảng"
    )
    assert render("implausible-date", old, "en") == "15/12/25 is not a usable date: a short or out-of-range year"
    assert render_hint("csv-syntax", "vi", params={}) == "kiểm tra mỗi dòng có cùng số cột và các dấu ngoặc kép đã đóng"


def test_the_hint_of_a_csv_problem_follows_its_cause() -> None:
    params = {
        "csv_problem": "too_many_cells",
        "csv_hint": "decimal_comma",
        "row": "3",
        "cells": "4",
        "header_cells": "3",
        "header_row": "1",
    }
    assert (
        render("csv-syntax", params, "vi") == "không đọc được dạng CSV: hàng 3 có 4 ô nhưng hàng tiêu đề (hàng 1) có 3"
    )
    assert render("csv-syntax", params, "en") == "not readable as CSV: row 3 has 4 cells but the header (row 1) has 3"
    assert render_hint("csv-syntax", "vi", params=params).startswith("số có dấu phẩy thập phân (như 55,5)")
    # The finding's own hint, in its own language, wins over the catalogue's.
    assert render_hint("csv-syntax", "en", "own words", "en", params) == "own words"
    # polars' own reason is English: the Vietnamese message says what it can without it.
    other = {"csv_problem": "other", "detail": "found more fields than defined in 'Schema'"}
    assert render("csv-syntax", other, "en") == "not readable as CSV: found more fields than defined in 'Schema'"
    assert render("csv-syntax", other, "vi") == "không đọc được dạng CSV: cấu trúc tệp không đúng dạng CSV"


@pytest.mark.parametrize(
    ("kind", "params", "vi", "en"),
    [
        (
            "too-many-columns",
            {"columns": 20_000, "limit": 16_384},
            "20.000 cột, nhiều hơn 16.384 cột pari-index đọc (như Excel); bảng không được đọc",
            "20,000 columns, more than the 16,384 pari-index reads (as Excel); the table was not read",
        ),
        (
            "too-many-cells",
            {"rows": 3_000_000, "columns": 10, "limit": 20_000_000},
            "3.000.000 hàng × 10 cột là nhiều hơn 20.000.000 ô pari-index đọc từ một tệp; tệp không được đọc",
            "3,000,000 rows × 10 columns is more than the 20,000,000 cells pari-index reads from one file; "
            "it was not read",
        ),
        (
            "hidden-sheet",
            {"sheet_state": "hidden"},
            "trang tính bị ẩn nên không được đọc",
            "the sheet is hidden and was not read",
        ),
        (
            "xlsx-too-large",
            {"xlsx_size": "part", "part": "«xl/workbook.xml»", "limit": 33_554_432},
            "phần «xl/workbook.xml» của sổ tính lớn hơn 33.554.432 byte",
            "the part «xl/workbook.xml» is over 33,554,432 bytes",
        ),
        (
            "xlsx-too-large",
            {"xlsx_size": "inflating", "part": "xl/worksheets/sheet1.xml", "limit": 536_870_912},
            "sổ tính giải nén ra hơn 536.870.912 byte (tại xl/worksheets/sheet1.xml)",
            "the workbook inflates to more than 536,870,912 bytes (at xl/worksheets/sheet1.xml)",
        ),
        (
            "too-many-strings",
            {"limit": 2_000_000},
            "sharedStrings.xml có hơn 2.000.000 chuỗi",
            "sharedStrings.xml holds more than 2,000,000 strings",
        ),
    ],
)
def test_file_level_problems_give_their_figures_in_either_language(
    kind: str, params: dict[str, Any], vi: str, en: str
) -> None:
    # The English is the problem's own sentence, word for word: a findings table reads as before.
    assert (render(kind, params, "vi"), render(kind, params, "en")) == (vi, en)


def test_a_hidden_sheet_is_reported_in_vietnamese_with_how_it_is_hidden(tmp_path: Path) -> None:
    import xlsxwriter

    from pari_index.intake.tables import read_table_file

    path = tmp_path / "hidden.xlsx"
    with xlsxwriter.Workbook(path) as wb:
        wb.add_worksheet("data").write_row(0, 0, ["commune_code", "criterion_id", "value"])
        for name, how in (("an", 1), ("an_han", 2)):
            sheet = wb.add_worksheet(name)
            sheet.write_row(0, 0, ["commune_code", "criterion_id", "value"])
            sheet.write_row(1, 0, ["00001", "1.1", "3"])
            sheet.hide() if how == 1 else sheet.very_hidden()
    problems = [p for p in read_table_file(path).problems if p.code == "hidden-sheet"]
    assert [(p.sheet, p.render("vi").split(": ", 1)[1]) for p in problems] == [
        (
            "an",
            "trang tính bị ẩn nên không được đọc [hidden-sheet]\n"
            "    gợi ý: hiện trang tính trong Excel nếu có dữ liệu cần chấm",
        ),
        (
            "an_han",
            "trang tính bị ẩn hẳn (lệnh Unhide của Excel không hiện được) nên không được đọc "
            "[hidden-sheet]\n    gợi ý: hiện trang tính trong Excel nếu có dữ liệu cần chấm",
        ),
    ]
    assert [p.render("en").split(": ", 1)[1].split(" [")[0] for p in problems] == [
        "the sheet is hidden and was not read",
        "the sheet is very hidden (Excel's Unhide cannot show it) and was not read",
    ]


@pytest.mark.parametrize(
    ("variable", "value", "vi"),
    [
        ("PARI_MAX_XLSX_BYTES", "1000", "sổ tính giải nén ra "),
        ("PARI_MAX_XLSX_TEXT_BYTES", "10", "văn bản của sổ tính vượt quá 10 byte"),
    ],
)
def test_a_workbook_over_a_limit_is_told_with_its_figures_in_either_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, vi: str
) -> None:
    import xlsxwriter

    from pari_index.errors import IntakeError
    from pari_index.intake.tables import read_table_file

    path = tmp_path / "big.xlsx"
    with xlsxwriter.Workbook(path) as wb:
        sheet = wb.add_worksheet("data")
        sheet.write_row(0, 0, ["commune_code", "criterion_id", "value"])
        for row in range(1, 200):
            sheet.write_row(row, 0, [f"{row:05d}", "1.1", f"một câu trả lời khá dài số {row}"])
    monkeypatch.setenv(variable, value)
    with pytest.raises(IntakeError) as caught:
        read_table_file(path)
    (problem,) = caught.value.problems
    assert problem.params is not None
    # English: the catalogue's words are the problem's own sentence; Vietnamese: its figures.
    assert render(problem.code, problem.params, "en") == problem.message
    assert vi in render(problem.code, problem.params, "vi")
    assert format_number(int(value), "vi") in render(problem.code, problem.params, "vi")


def test_words_that_name_a_key_of_words_show_the_key_not_a_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(PARAM_WORDS, "loop", {"a": Words("vòng {loop} {n}", "loop {loop} {n}")})
    monkeypatch.setitem(CATALOGUE, "test-loop", Entry(Words("Vòng", "Loop"), Words("{loop}!", "{loop}.")))
    assert render("test-loop", {"loop": "a", "n": 2}, "vi") == "vòng a 2!"
    assert render("test-loop", {"loop": "a", "n": 1234}, "en") == "loop a 1,234."


def test_localised_findings_render_each_hint_from_its_own_parameters() -> None:
    rows = [
        {
            "kind": "csv-syntax",
            "params": json.dumps({"csv_problem": "unclosed_quote", "csv_hint": h, "row": "2"}),
            "message": "m",
            "hint": "h",
            "lang": "en",
        }
        for h in ("unclosed_quote", "quote_in_cell")
    ]
    vi = localise_findings(pl.DataFrame(rows), "vi")
    assert vi["hint"].to_list() == [
        "đóng dấu ngoặc kép, hoặc xoá nó",
        'đặt cả ô trong dấu ngoặc kép và viết đôi dấu ngoặc kép của nó (""), hoặc xoá dấu ngoặc kép',
    ]
    assert vi["message"].to_list() == ["không đọc được dạng CSV: dấu ngoặc kép mở ở hàng 2 không được đóng"] * 2


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "vi", "en"),
    [
        (1234.5, 1, "1.234,5", "1,234.5"),
        (Decimal("1234567.25"), None, "1.234.567,25", "1,234,567.25"),
        (-1.0, 2, f"{MINUS}1,00", f"{MINUS}1.00"),
        (-0.001, 2, "0,00", "0.00"),  # no sign on a number that shows as zero
        (7.7, None, "7,7", "7.7"),
        (0.25, 4, "0,2500", "0.2500"),
        (10600, None, "10.600", "10,600"),
        (None, 2, "–", "–"),
        (float("nan"), 2, "–", "–"),
    ],
)
def test_numbers_as_each_language_writes_them(value: Any, places: int | None, vi: str, en: str) -> None:
    assert format_number(value, "vi", places) == vi
    assert format_number(value, "en", places) == en


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_a_formatted_number_reads_back(value: Decimal) -> None:
    vi = format_number(value, "vi").replace(MINUS, "-").replace(".", "").replace(",", ".")
    en = format_number(value, "en").replace(MINUS, "-").replace(",", "")
    assert Decimal(vi) == value and Decimal(en) == value


# --- rendering ------------------------------------------------------------------------------------


def test_a_finding_is_rendered_from_its_parameters_in_either_language() -> None:
    params = {"self_score": 1.5, "computed": 0.75}
    assert render("self-score-differs", params, "vi") == (
        "tự chấm 1,5 điểm nhưng quy tắc cho 0,75 điểm với số liệu đã báo cáo"
    )
    assert render("self-score-differs", params, "en") == "self-score 1.5 but the rules give 0.75 on the reported inputs"


def test_an_input_is_shown_by_its_label() -> None:
    labels = {("1.1.3", "done"): "Số nhiệm vụ hoàn thành"}
    params = {"commune": "00101", "criterion": "1.1.3", "input": "done"}
    text = render("conflicting-values", params, "vi", label=lambda c, i: labels.get((c, i)))
    assert "Số nhiệm vụ hoàn thành" in text and "done" not in text


def test_a_finding_without_parameters_never_falls_back_to_the_other_language() -> None:
    english = "column «x» appears twice (columns 3 and 5)"
    assert render("duplicate-column", None, "vi", message=english) == "Cột trùng tên"
    assert render("duplicate-column", None, "en", message=english) == english
    # Written in Vietnamese (a results file read back), shown in English: the catalogue's words.
    assert render("duplicate-column", None, "en", message="Cột trùng tên", written="vi") == "Column appears twice"


def test_the_console_renders_a_problem_in_the_language_asked() -> None:
    problem = Problem("unknown-commune", "commune 009 is not in the commune register", file="a.csv", row=4,
                      hint="add it to the register", params={"commune": "009"})  # fmt: skip
    assert problem.render() == (
        "a.csv row 4: commune 009 is not in the commune register [unknown-commune]\n    hint: add it to the register"
    )
    assert problem.render("vi") == (
        "a.csv hàng 4: xã 009 không có trong danh sách đơn vị [unknown-commune]\n"
        "    gợi ý: bổ sung vào danh sách, hoặc sửa mã (mã giữ các số 0 ở đầu)"
    )


# --- the outputs of a run with findings of many kinds ------------------------------------------------

BAD_ROWS = (
    "00101,9.9,,1,,,,,\n"  # unknown-criterion
    "00105,2.2,,-3,,,,,\n"  # negative-value
    "00105,1.1.4,,bốn,,,,,\n"  # bad-value
    "00109,1.2.3,,có,,,,,\n"  # unknown-commune
    "00103,1.1.3,nothing,4,,,,,\n"  # unknown-input
    "00104,2.1,on_time,5,,,,,\n00104,2.1,on_time,6,,,,,\n"  # conflicting-values
    "00105,1.2.1,,4,,,,,\n00105,1.2.1,,4,,,,,\n"  # duplicate-row
)
BAD_APPRAISAL = "00101,1.1.3,,,nhiều,,Chấm lại,Lê C\n00102,1.1.3,,,1,,,Lê C\n"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("languages")
    paths = write_example(folder)
    long = paths["long"].read_text(encoding="utf-8")
    paths["long"].write_text(long + BAD_ROWS, encoding="utf-8")
    paths["appraisal"].write_text(paths["appraisal"].read_text(encoding="utf-8") + BAD_APPRAISAL, encoding="utf-8")
    register = paths["communes"].read_text(encoding="utf-8")
    paths["communes"].write_text(register + "00106,,huyện,Quận A,Tỉnh Thử Nghiệm\n", encoding="utf-8")
    done: dict[str, Any] = {}
    for lang in ("vi", "en"):
        out, report = folder / f"results-{lang}.xlsx", folder / f"report-{lang}.html"
        args = ["score", str(paths["long"]), "--criteria", str(CRITERIA), "--communes", str(paths["communes"])]
        args += ["--appraisal", str(paths["appraisal"]), "--survey", str(paths["survey"]), "-o", str(out)]
        result = CliRunner().invoke(main, [*args, "--report", str(report), "--lang", lang, "-q"])
        assert result.exit_code == 1, result.output  # rows were rejected
        explained = CliRunner().invoke(
            main, ["explain", "00102", "--results", str(out), "--criteria", str(CRITERIA), "--lang", lang]
        )
        assert explained.exit_code == 0, explained.output
        done[lang] = {
            "console": result.output,
            "report": report.read_text(encoding="utf-8"),
            "results": read_results(out),
            "explain": explained.output,
        }
    return done


def visible_text(page: str) -> str:
    """What a reader sees: the page without its scripts, styles and tags."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(page)


def fragments(lang: str) -> set[str]:
    """The fixed parts of the catalogue's texts in ``lang`` (between parameters), long enough to be
    telling and not shared with the other language (a column name such as evidence_accepted): none
    may appear in an output in the other language."""
    found: set[str] = set()
    other: list[str] = []
    for entry in CATALOGUE.values():
        for words in (entry.title, entry.message, entry.hint):
            if words is None:
                continue
            other.append(words.get("en" if lang == "vi" else "vi"))
            for part in re.split(r"\{[^}]*\}", words.get(lang)):
                if len(part.strip()) >= 16:
                    found.add(part.strip(" :;,.()"))
    return {part for part in found if not any(part in text for text in other)}


def codes_in(text: str) -> set[str]:
    # A kind of one word (more, todo, strict, error) is an ordinary word of a text, not its code.
    return {kind for kind in CATALOGUE if "-" in kind and re.search(rf"(?<![\w-]){re.escape(kind)}(?![\w-])", text)}


def test_the_run_has_findings_of_many_kinds(run: dict[str, Any]) -> None:
    kinds = set(run["vi"]["results"]["findings"]["kind"].to_list())
    wanted = {
        "unknown-criterion", "negative-value", "bad-value", "unknown-commune", "unknown-input", "conflicting-values",
        "duplicate-row", "self-score-differs", "appraisal-correction", "bad-score", "missing-reason",
        "unknown-unit-type", "missing-name", "evidence-missing",
    }  # fmt: skip
    assert wanted <= kinds, wanted - kinds


def test_the_vietnamese_report_shows_no_codes_and_no_english_messages(run: dict[str, Any]) -> None:
    text = visible_text(run["vi"]["report"])
    assert not codes_in(text)
    assert not [f for f in fragments("en") if f in text]
    # The findings are there, in Vietnamese: titles and messages of the catalogue.
    assert "Tự chấm khác điểm tính theo quy tắc" in text and "tiêu chí 9.9 không phải là tiêu chí được chấm" in text
    # The points lost, written with a point in the results, with a comma on the page.
    assert re.search(r"\(\u2212\d+,\d\d\)", text) and not re.search(r"\(\u2212\d+\.\d", text)


def test_the_english_report_shows_no_codes_and_no_vietnamese_messages(run: dict[str, Any]) -> None:
    text = visible_text(run["en"]["report"])
    assert not codes_in(text)
    assert not [f for f in fragments("vi") if f in text]
    assert "Self-score differs from the rules" in text and "criterion 9.9 is not a scored item" in text
    assert re.search(r"\(\u2212\d+\.\d\d\)", text) and not re.search(r"\(\u2212\d+,\d", text)


@pytest.mark.parametrize(("lang", "other"), [("vi", "en"), ("en", "vi")])
def test_the_findings_of_the_results_are_in_their_language(run: dict[str, Any], lang: str, other: str) -> None:
    findings = run[lang]["results"]["findings"]
    shown = findings.select("title", "message", "hint")
    assert shown["title"].null_count() == 0 and shown["message"].null_count() == 0
    text = "\n".join(str(v) for row in shown.iter_rows() for v in row if v is not None)
    assert not codes_in(text)
    assert not [f for f in fragments(other) if f in text]
    assert set(findings["lang"].to_list()) == {lang}
    # The kind stays a column, the machine id to filter on.
    assert "self-score-differs" in findings["kind"].to_list()
    # The reasons the rows table gives for rejected rows are the findings' messages, in the same words.
    reasons = "\n".join(run[lang]["results"]["rows"]["reasons"].drop_nulls().to_list())
    assert reasons and not [f for f in fragments(other) if f in reasons]
    assert ("không phải là tiêu chí được chấm" if lang == "vi" else "is not a scored item") in reasons


@pytest.mark.parametrize(("lang", "other"), [("vi", "en"), ("en", "vi")])
def test_explain_and_the_console_speak_one_language(run: dict[str, Any], lang: str, other: str) -> None:
    for text in (run[lang]["explain"], run[lang]["console"]):
        assert not [f for f in fragments(other) if f in text]
    explained = run[lang]["explain"]
    if lang == "vi":
        assert "Trạng thái" not in explained or "self_score_differs" not in explained
        assert "tổng" in explained and "Cách chấm" in explained and "Method" not in explained
    else:
        assert "total" in explained and "Method" in explained and "Cách chấm" not in explained
        # No Vietnamese word of pari's own: the branch, evidence and status words are English.
        assert not re.search(r"đầu vào|minh chứng|thẩm định:|Tự chấm|điểm\b", explained)
    # Typed answers in the output's words, whichever the cell held (the example types Vietnamese).
    assert not re.search(VI_ANSWER if lang == "en" else EN_ANSWER, explained), explained
    assert re.search(EN_ANSWER if lang == "en" else VI_ANSWER, explained), explained


#: A boolean or status answer shown in Vietnamese, and in English, after an input's "=".
VI_ANSWER = r"=(có|không|đúng hạn|trễ hạn|không thực hiện)(;|\s|$)"
EN_ANSWER = r"=(yes|no|on time|late|not done)(;|\s|$)"


def test_a_report_of_every_kind_shows_each_in_its_language(run: dict[str, Any]) -> None:
    """A findings table holding one finding of every kind of the catalogue, with and without
    parameters, rendered into both reports."""
    tables = dict(run["vi"]["results"])
    rows = []
    for kind, entry in CATALOGUE.items():
        names = sorted(_fields(entry.message.en))
        params = '{"' + '": "x", "'.join(names) + '": "x"}' if names else "{}"
        for with_params in (params, None):
            rows.append({"severity": "warning", "kind": kind, "message": "English words",
                         "hint": "English hint", "params": with_params})  # fmt: skip
    every = pl.DataFrame(rows, schema={c: pl.String for c in ("severity", "kind", "message", "hint", "params")})
    tables["findings"] = every
    criteria = load_criteria(CRITERIA).criteria
    vi = visible_text(render_report(tables, lang="vi", criteria=criteria))
    en = visible_text(render_report(tables, lang="en", criteria=criteria))
    assert not codes_in(vi) and not codes_in(en)
    assert "English words" not in vi and "English hint" not in vi
    assert not [f for f in fragments("en") if f in vi]
    assert not [f for f in fragments("vi") if f in en]
    for entry in CATALOGUE.values():
        assert entry.title.vi in vi and entry.title.en in en


def test_results_written_in_one_language_are_reported_in_the_other(run: dict[str, Any]) -> None:
    findings = run["vi"]["results"]["findings"]
    english = localise_findings(findings, "en")
    text = "\n".join(v for v in english["message"].to_list() + english["hint"].drop_nulls().to_list() if v)
    assert not [f for f in fragments("vi") if f in text]
    assert set(english["lang"].to_list()) == {"en"}


def test_the_documented_catalogue_is_the_catalogue() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "findings.md"
    command = (
        "python -c 'from pari_index.messages import catalogue_markdown as m; print(m(), end=\"\")' > docs/findings.md"
    )
    assert docs.read_text(encoding="utf-8") == catalogue_markdown(), f"write it again: {command}"


def _words(lang: str) -> set[str]:
    """pari's own words for branches and evidence in ``lang`` (scoring.explanations)."""
    from pari_index.scoring import explanations

    i = 0 if lang == "vi" else 1
    return {pair[i] for table in (explanations._T, explanations._EVIDENCE) for pair in table.values() if pair[i]}


def test_explain_text_speaks_the_language_asked(tmp_path: Path) -> None:
    from test_scoring import score_example

    from pari_index.outputs.explain import explain_text

    result = score_example(write_example(tmp_path))  # scored in Vietnamese, the default
    for commune in ("00102", "00103", "00104", "00105"):
        english = explain_text(result.details, result.leaves, commune, lang="en")
        vietnamese = explain_text(result.details, result.leaves, commune, lang="vi")
        assert "Self-score" in english and "Tự chấm" not in english
        assert "Tự chấm" in vietnamese and "Self-score" not in vietnamese
        assert not [w for w in _words("vi") if w in english], commune
        assert not [w for w in _words("en") if len(w) > 8 and w in vietnamese], commune
    english = explain_text(result.details, result.leaves, "00102", "2.2", lang="en")
    assert f"Final: {MINUS}0.50" in english and "Status: scored" in english
    vietnamese = explain_text(result.details, result.leaves, "00102", "2.2", lang="vi")
    assert f"Điểm cuối cùng: {MINUS}0,50" in vietnamese and "Trạng thái: đã chấm" in vietnamese
    # An input with a label in the criteria set appears by it, in the language asked.
    assert "Ngày ký số kế hoạch=15/02/2024" in explain_text(result.details, result.leaves, "00102", "1.1.1")
    # In English, a label the set gives only in Vietnamese is marked as such, never replaced by the id.
    english = explain_text(result.details, result.leaves, "00102", "1.1.1", lang="en")
    assert "Ngày ký số kế hoạch (vi)=15/02/2024" in english and "signed_on" not in english
    answers = [explain_text(result.details, result.leaves, c, lang="en") for c in ("00102", "00103", "00104", "00105")]
    assert not [t for t in answers if re.search(VI_ANSWER, t)]
    assert re.search(EN_ANSWER, "\n".join(answers))


# --- progress lines -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_progress_lines_of_pari_score_are_in_the_runs_language(lang: str, tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    args = ["score", str(examples / "assessments_long.csv"), "--communes", str(examples / "communes.csv")]
    args += ["--survey", str(examples / "survey.csv"), "--batch-size", "25", "--lang", lang]
    result = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "out.parquet"), "--format", "parquet"])
    assert result.exit_code == 0, result.output
    expected = {
        "vi": ["đọc tệp tự đánh giá", "chấm điểm 60 đơn vị", "chấm đợt 1/3 (25 đơn vị)", "xếp hạng"],
        "en": ["reading assessments", "scoring 60 communes", "scoring batch 1 of 3 (25 communes)", "ranking"],
    }
    other = "en" if lang == "vi" else "vi"
    assert all(line in result.output for line in expected[lang]), result.output
    assert not any(line in result.output for line in expected[other])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_finding_missing_a_parameter_its_sentence_names_is_told_by_its_title_never_a_dash(lang: str) -> None:
    """A raise site that gave no parameters (or not all) once showed 'không tạo được thư mục: —'."""
    for kind, entry in CATALOGUE.items():
        needed = sorted(n for n in _fields(entry.message.get(lang)) if n not in PARAM_WORDS)
        if not needed:
            continue
        for params in ({}, {n: "x" for n in needed[1:]}):
            shown = render(kind, params, lang, message="an English sentence", written="xx")
            assert shown == entry.title.get(lang), (kind, params, shown)
        # And as the console prints it, from a raise site that gave no parameters.
        printed = Problem(kind, "the finding's own words", file="a.csv", params={}).render("vi")
        assert "—" not in printed.replace(entry.title.vi, ""), (kind, printed)


# --- a set's own words in English outputs (session 8) ------------------------------------------------


def _titles() -> list[str]:
    """The titles of the test set (all_kinds gives them in Vietnamese only), the set's own first."""
    criteria = load_criteria(CRITERIA).criteria
    assert criteria.title.en and not any(node.title.en for node in criteria.nodes())
    return [node.title.vi for node in criteria.nodes()]


def _unmarked(text: str, titles: list[str]) -> list[str]:
    return [t for t in titles if re.search(re.escape(t) + r"(?! \(vi\))", text)]


def _workbook_text(path: Path, sheets: tuple[str, ...] = ()) -> str:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    shown = [book[name] for name in sheets] if sheets else list(book)
    return "\n".join(str(v) for sheet in shown for row in sheet.iter_rows(values_only=True) for v in row if v)


def test_english_outputs_mark_the_titles_the_set_gives_in_vietnamese_only(run: dict[str, Any]) -> None:
    titles = _titles()
    english = {
        "report": visible_text(run["en"]["report"]),
        "explain": run["en"]["explain"],
    }
    for name, text in english.items():
        assert not _unmarked(text, titles), (name, _unmarked(text, titles))
    # The report names every area and scored item (pari explain names items by their ids).
    criteria = load_criteria(CRITERIA).criteria
    named = [a.title.vi for a in criteria.areas] + [leaf.title.vi for leaf in resolve_leaves(criteria)]
    assert [t for t in named if f"{t} (vi)" not in english["report"]] == []
    for name in ("report", "explain"):
        vietnamese = visible_text(run["vi"][name]) if name == "report" else run["vi"][name]
        assert " (vi)" not in vietnamese, name


def test_the_english_template_and_annex_mark_the_sets_vietnamese_words(tmp_path: Path) -> None:
    from pari_index.authoring.export import export_annex

    titles = _titles()
    criteria = load_criteria(CRITERIA).criteria
    documents = sorted({e.label for leaf in resolve_leaves(criteria) for e in leaf.evidence})
    assert documents
    form, annex = tmp_path / "form-en.xlsx", tmp_path / "annex-en.xlsx"
    result = CliRunner().invoke(main, ["template", "--criteria", str(CRITERIA), "-o", str(form), "--lang", "en"])
    assert result.exit_code == 0, result.output
    export_annex(criteria, annex, "en")
    # (The annex's items sheet gives title_vi and title_en side by side, for the importer: data, not labels.)
    for path, sheets in ((form, ()), (annex, ("Annex",))):
        text = _workbook_text(path, sheets)
        assert not _unmarked(text, titles + documents), (path.name, _unmarked(text, titles + documents))
        assert f"{titles[1]} (vi)" in text and f"{documents[0]} (vi)" in text, path.name
    export_annex(criteria, annex, "vi")
    assert " (vi)" not in _workbook_text(annex, ("Phụ lục",))


def test_the_english_report_names_the_next_class_in_english(run: dict[str, Any]) -> None:
    """The results keep the next class's Vietnamese name (next_class): the report shows the set's
    English name for it, as it does for the class itself."""
    english, vietnamese = visible_text(run["en"]["report"]), visible_text(run["vi"]["report"])
    shown = set(re.findall(r"index points short of (\w+)", english))
    assert shown and shown <= {"Good", "Fair", "Average", "Poor"}, shown
    assert set(re.findall(r"để đạt loại (\w+(?: \w+)?)", vietnamese)) <= {"Tốt", "Khá", "Trung bình", "Kém"}


@pytest.mark.parametrize(
    ("lang", "parts", "ranking"),
    [
        (
            "vi",
            "thẩm định 65, điều tra xã hội học 35",
            "xếp hạng trong từng tỉnh; đồng hạng thì bỏ qua hạng kế tiếp (1, 2, 2, 4); "
            "phân định khi chỉ số bằng nhau: thẩm định",
        ),
        (
            "en",
            "appraised 65, survey 35",
            "ranked within each province; ties skip the next rank (1, 2, 2, 4); equal indices separated by: appraised",
        ),
    ],
)
def test_pari_diff_tells_the_sets_particulars_in_words(lang: str, parts: str, ranking: str) -> None:
    """Not the YAML's keys and Python's values ("appraised: 65, survey_optional: False")."""
    root = Path(__file__).resolve().parents[1] / "criteria"
    args = ["diff", str(root / "hai-phong-2022-commune.yaml"), str(root / "ha-noi-2025-commune.yaml"), "--lang", lang]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert f"    {'cũ' if lang == 'vi' else 'old'}: {parts}\n" in result.output
    assert f"    {'mới' if lang == 'vi' else 'new'}: {ranking}\n" in result.output
    for raw in ("survey_optional", "False", "within:", "tie_break", "ties:", "[]"):
        assert raw not in result.output, raw
