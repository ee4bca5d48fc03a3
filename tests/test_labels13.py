"""Every output names an input, and a field of a row besides its inputs, by its label, in both
languages, as the findings sheet does (session 13, labels):

- the English console said ``criterion 1.1.1 evidence_date is given more than once`` where the
  English findings sheet and the Vietnamese console said the label; the Vietnamese console of a
  ``--strict`` run, and the problems printed when nothing of a file could be used, said the id in
  both languages (pipeline.findings_as_problems, scoring.run.problems_from_findings: one mechanism,
  messages.localise_findings with scoring.explanations.input_labeller);
- a choice's cell naming none of its levels got the generic hint about Excel's error values, not
  the levels it may name (intake.value_checks._level_check, messages.labels PARAM_WORDS["fix"]);
- a missing column was named by its id alone (``thiếu cột value``), an appraisal decision by its
  column id (``evidence_accepted 'hmm' không phải là có/không``), with a Python repr of the cell.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import fastexcel
import pytest
from click.testing import CliRunner
from language_leaks import visible_text
from processes import run_process

from pari_index.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: The first data row of examples/assessments_long.csv: commune 00001, item 1.1.1, whose one input
#: signed_on is labelled "Ngày ký số Kế hoạch CCHC" (English: "Digital-signature date of the plan").
KEEP = 120


def _rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO((EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig"))))[
        : KEEP + 1
    ]


def _write(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _conflicting(folder: Path) -> Path:
    """The examples' first rows with 00001's item 1.1.1 given twice: another signing date and
    another evidence date (rows 2 and 3 of the file)."""
    rows = _rows()
    header = rows[0]
    again = list(rows[1])
    again[header.index("value")] = "05/06/2025"
    again[header.index("evidence_date")] = "05/06/2025"
    rows.insert(2, again)
    return _write(folder / "long.csv", rows)


def _score(folder: Path, assessments: Path, lang: str, *extra: str) -> list[str]:
    return [
        "--lang",
        lang,
        "score",
        str(assessments),
        "--communes",
        str(EXAMPLES / "communes.csv"),
        "--no-survey",
        "-q",
        "-o",
        str(folder / f"out-{lang}.xlsx"),
        *extra,
    ]


CONFLICT = {
    "en": (
        "row 2 column «value»: commune 00001, criterion 1.1.1: Digital-signature date of the plan is given "
        "more than once with different values; none was used [conflicting-values]",
        "row 2 column «evidence_date»: commune 00001, criterion 1.1.1: Evidence date is given more than once "
        "with different values; none was used [conflicting-values]",
    ),
    "vi": (
        "hàng 2 cột «value»: xã 00001, tiêu chí 1.1.1, Ngày ký số Kế hoạch CCHC được ghi nhiều lần với giá trị "
        "khác nhau; không giá trị nào được dùng [conflicting-values]",
        "hàng 2 cột «evidence_date»: xã 00001, tiêu chí 1.1.1, Ngày văn bản được ghi nhiều lần với giá trị khác "
        "nhau; không giá trị nào được dùng [conflicting-values]",
    ),
}


def _findings_messages(path: Path, lang: str) -> list[str]:
    sheet, column = ("Findings", "Message") if lang == "en" else ("Phát hiện", "Nội dung")
    frame = fastexcel.read_excel(str(path)).load_sheet(sheet, dtypes="string").to_polars()
    return [m for m in frame[column].to_list() if m and ("more than once" in m or "nhiều lần" in m)]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_console_names_an_input_and_an_evidence_field_by_its_label(tmp_path: Path, lang: str) -> None:
    """The console says the label, as the findings sheet and the report do; no id of the set's
    input (signed_on) or of the row's field (evidence_date) stands in a sentence."""
    page = tmp_path / f"report-{lang}.html"
    result = CliRunner().invoke(main, _score(tmp_path, _conflicting(tmp_path), lang, "--report", str(page)))
    assert result.exit_code == 1, result.output
    for line in CONFLICT[lang]:
        assert line in result.output
    assert "signed_on" not in result.output
    assert "evidence_date is given" not in result.output and "evidence_date được" not in result.output
    # The same sentence in the findings sheet and on the report's page.
    sentences = [line.split(": ", 1)[1].rsplit(" [", 1)[0] for line in CONFLICT[lang]]
    assert set(_findings_messages(tmp_path / f"out-{lang}.xlsx", lang)) == set(sentences)
    shown = visible_text(page.read_text(encoding="utf-8"))
    assert all(sentence in shown for sentence in sentences)


def test_a_strict_run_names_inputs_by_their_labels_in_vietnamese(tmp_path: Path) -> None:
    """--strict printed its findings without the set's labels: "xã 00001, tiêu chí 1.1.1, signed_on
    được ghi nhiều lần"."""
    result = CliRunner().invoke(main, _score(tmp_path, _conflicting(tmp_path), "vi", "--strict"))
    assert result.exit_code == 3, result.output
    assert CONFLICT["vi"][0] in result.output and CONFLICT["vi"][1] in result.output
    assert "signed_on" not in result.output


def test_a_file_of_which_nothing_is_used_names_the_input_by_its_label(tmp_path: Path) -> None:
    """The problems printed above file-unread (scoring.run) were the sites' English sentences in
    English and the catalogue's without labels in Vietnamese: both said signed_on. A real process."""
    long = tmp_path / "only.csv"
    long.write_text(
        "commune_code,criterion_id,input,value,self_score,evidence_number,evidence_date,evidence_file\n"
        "00001,1.1.1,,04/06/2025,,,,\n00001,1.1.1,,05/06/2025,,,,\n",
        encoding="utf-8",
    )
    done = run_process(*_score(tmp_path, long, "en"))
    assert done.returncode == 1, done.stderr
    assert (
        f"error: {long} row 2 column «value»: commune 00001, criterion 1.1.1: Digital-signature date of the plan "
        "is given more than once with different values; none was used [conflicting-values]"
    ) in done.stderr
    assert f"error: {long}: nothing of this file could be used (2 problem(s), 2 of them above)" in done.stderr
    assert "signed_on" not in done.stderr
    vi = CliRunner().invoke(main, _score(tmp_path, long, "vi"))
    assert vi.exit_code == 1
    assert (
        f"lỗi: {long} hàng 3 cột «value»: xã 00001, tiêu chí 1.1.1, Ngày ký số Kế hoạch CCHC được ghi nhiều lần "
        "với giá trị khác nhau; không giá trị nào được dùng [conflicting-values]"
    ) in vi.output
    assert "signed_on" not in vi.output


def _bad_level(folder: Path) -> Path:
    """Commune 00001's item 3.4.1 (a choice of three levels) answered "Tốt lắm" (row 31)."""
    rows = _rows()
    header = rows[0]
    for row in rows:
        if row[0] == "00001" and row[1] == "3.4.1":
            row[header.index("value")] = "Tốt lắm"
    return _write(folder / "level.csv", rows)


LEVEL_HINTS = {
    "en": (
        "row 31 column «value»: Tốt lắm is not one of the levels listed for this criterion [bad-value]\n"
        # The levels by their English labels (tests/test_labels17.py: a set without them).
        "    hint: write one of the item's 3 levels (a label or a value): “Up to standard, modern equipment”; "
        "“Minimum standard”; “Below standard”\n"
    ),
    "vi": (
        "hàng 31 cột «value»: Tốt lắm không phải là một trong các mức liệt kê cho tiêu chí này [bad-value]\n"
        "    gợi ý: ghi một trong 3 mức của tiêu chí (nhãn hoặc giá trị): “Đạt chuẩn, trang thiết bị hiện đại”; "
        "“Đạt chuẩn tối thiểu”; “Chưa đạt chuẩn”\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_wrong_level_gets_the_levels_it_may_name(tmp_path: Path, lang: str) -> None:
    result = CliRunner().invoke(main, _score(tmp_path, _bad_level(tmp_path), lang))
    assert result.exit_code == 1, result.output
    assert LEVEL_HINTS[lang] in result.output
    assert "#N/A" not in result.output  # the generic hint, of cells Excel could not compute
    sheet, column = ("Findings", "What to do") if lang == "en" else ("Phát hiện", "Cách xử lý")
    frame = fastexcel.read_excel(str(tmp_path / f"out-{lang}.xlsx")).load_sheet(sheet, dtypes="string").to_polars()
    hint = LEVEL_HINTS[lang].split(": ", 2)[2].rstrip("\n")
    assert hint in frame[column].to_list()


def test_a_wrong_level_in_a_real_process(tmp_path: Path) -> None:
    """The installed command, in Vietnamese (its default): the hint lists the levels."""
    args = _score(tmp_path, _bad_level(tmp_path), "vi")
    done = run_process(*args[2:])
    assert done.returncode == 1, done.stderr
    assert LEVEL_HINTS["vi"] in done.stderr


def test_a_choice_of_many_levels_lists_a_few_of_them() -> None:
    """A choice of 30 levels lists 8 of them, each cut to 60 characters, and says how many there are."""
    from pari_index.intake.model import level_list

    levels = [f"Mức {i}" for i in range(1, 31)]
    levels[1] = "x" * 100
    text, count = level_list(levels)
    assert count == 30
    assert text == ("“Mức 1”; “" + "x" * 59 + "…”; “Mức 3”; “Mức 4”; “Mức 5”; “Mức 6”; “Mức 7”; “Mức 8”; …")
    assert level_list(["A", "B"]) == ("“A”; “B”", 2)


def _appraisal(folder: Path) -> Path:
    """The examples' appraisal with a decision that is no yes/no ("hmm", row 61)."""
    text = (EXAMPLES / "appraisal.csv").read_text(encoding="utf-8-sig")
    path = folder / "appraisal.csv"
    path.write_text(text + "00001,1.2,,,,hmm,lý do,A\n", encoding="utf-8")
    return path


APPRAISAL = {
    "en": "column «evidence_accepted»: evidence accepted: hmm is not yes/no [bad-decision]\n"
    "    hint: write yes (the explanation is accepted) or no\n",
    "vi": "cột «evidence_accepted»: chấp nhận giải trình: hmm không phải là có/không [bad-decision]\n"
    "    gợi ý: ghi có (chấp nhận giải trình) hoặc không\n",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_appraisal_decision_is_named_in_words_without_a_repr(tmp_path: Path, lang: str) -> None:
    """It said "evidence_accepted 'hmm' không phải là có/không" (the column's id, the cell's Python
    repr), and its English hint "write có ... or không"."""
    args = _score(tmp_path, _write(tmp_path / "long.csv", _rows()), lang, "--appraisal", str(_appraisal(tmp_path)))
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert APPRAISAL[lang] in result.output
    assert "'hmm'" not in result.output


def test_english_counts_and_points_are_singular_for_one(tmp_path: Path) -> None:
    """ "(1 errors, 3 warnings)", "→ 1 points" and a bonus item's "None" (read as a Python None)."""
    args = _score(tmp_path, _bad_level(tmp_path), "en")
    args.remove("-q")
    result = CliRunner().invoke(main, args)
    assert " (1 error, " in result.output and "1 errors" not in result.output
    out = str(tmp_path / "out-en.xlsx")
    explained = CliRunner().invoke(main, ["--lang", "en", "explain", "00001", "--results", out]).output
    assert (
        "9.2 [Max 1.00] Self-score: 0.00 · Computed: 0.00 · Appraised: — · Final: 0.00 (scored)\n"
        "    Nothing added or taken off | inputs: Commended by the city for reform=no\n"
    ) in explained
    assert "→ 1 point |" in explained and "→ 1 points" not in explained
    assert "None" not in explained


def test_the_input_rows_sheet_gives_a_register_rows_reason_in_the_runs_language(tmp_path: Path) -> None:
    """A register row left out had its own English reason in the Vietnamese Input rows sheet
    ("the commune code is listed again"); it is now its finding's message, as every other row's."""
    register = tmp_path / "communes.csv"
    text = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig")
    register.write_text(text + "00001,Trùng,xã,Q,T,\n", encoding="utf-8")
    args = _score(tmp_path, _write(tmp_path / "long.csv", _rows()), "vi")
    args[args.index("--communes") + 1] = str(register)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    frame = fastexcel.read_excel(str(tmp_path / "out-vi.xlsx")).load_sheet("Dòng đầu vào", dtypes="string").to_polars()
    left_out = frame.filter(frame["Lý do"].is_not_null() & frame["Tệp"].str.ends_with("communes.csv"))
    assert left_out["Lý do"].to_list() == ["mã xã «00001» được ghi lại (lần đầu ở hàng 2); dòng này bị bỏ qua"]


def _bad_set(folder: Path) -> Path:
    """The bundled set with item 3.4.1's rule kind misspelt (line 328) and 3.4.2's input type."""
    text = (Path(__file__).resolve().parents[1] / "criteria" / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
    text = text.replace("kind: choice", "kind: choise", 1).replace(
        '{type: percent, label: "Tỷ lệ số hoá', '{type: percnt, label: "Tỷ lệ số hoá', 1
    )
    path = folder / "set.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, text: str) -> int:
    """The line of ``path`` where ``text`` first is (328 for the misspelt kind)."""
    written = path.read_text(encoding="utf-8")
    return written[: written.index(text)].count("\n") + 1


def test_a_wrong_rule_kind_or_input_type_is_named_with_the_values_the_format_takes(tmp_path: Path) -> None:
    """In Vietnamese it said only "kind không phải là một loại quy tắc" and "cấu trúc không đúng
    định dạng bộ tiêu chí" (the English said what was written and the kinds); in English the input
    type had no hint."""
    path = _bad_set(tmp_path)
    vi = CliRunner().invoke(main, ["--lang", "vi", "validate", str(path)]).output
    assert (
        f"lỗi: {path}:{_line_of(path, 'kind: choise')}:15: "
        "3.4.1 › rule: kind «choise» không phải là một loại quy tắc; "
        "các loại là «yes_no», «timeliness», «deadline», «tiers», «proportional», «checklist», «count_tiers», "
        "«choice», «deduction», «bonus», «penalty» [schema:union_tag_invalid]\n"
    ) in vi
    assert (
        "3.4.2 › inputs.digitised.type: «percnt» không phải là một trong các giá trị "
        "«boolean», «number», «count», «percent», «date», «status», «level» [schema:enum]\n"
        "    gợi ý: ghi một trong các giá trị đó (định dạng: docs/criteria.md)\n"
    ) in vi
    en = CliRunner().invoke(main, ["--lang", "en", "validate", str(path)]).output
    assert (
        "3.4.2 › inputs.digitised.type: «percnt» is not one of «boolean», «number», «count», «percent», «date», "
        "«status», «level» [schema:enum]\n"
        "    hint: write one of those values (see docs/criteria.md for the format)\n"
    ) in en
