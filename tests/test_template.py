"""``pari template`` round trip: generate the form, fill its yellow cells by program, score it.

The values filled in are those of communes 00101 and 00102 of the hand-computed example in
test_scoring.py, so the scores read back from the results workbook are known: 00101 (ward)
21.84 points, index 87.36 %; 00102 (commune) 8.95 points of 22, index 40.68 %. Item 2.3 applies
to wards only: its rows are locked for 00102, and a value typed there anyway is reported.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner
from openpyxl.worksheet.worksheet import Worksheet
from test_intake import typed
from test_scoring import CRITERIA, EXPECTED, LONG

from pari_index.cli import main
from pari_index.criteria.loading import load_criteria
from pari_index.criteria.model import resolve_leaves
from pari_index.intake.assessments import ASSESSMENT_ALIASES, DESCRIPTIVE_COLUMNS
from pari_index.outputs.results import read_results
from pari_index.outputs.template import FORM_SHEET, INSTRUCTIONS_SHEET
from pari_index.outputs.template_labels import COLUMNS, SHEETS, every_text
from pari_index.scoring.explanations import level_words

REGISTER = "code,name,type,district,province\n00101,Phường Một,phường,Quận A,T\n00102,Xã Hai,xã,Huyện B,T\n"
SURVEY = 'commune_code,criterion_id,value\n00101,3.1,"92,5"\n00102,3.1,85\n'
YELLOW = "FFFFF2CC"
LOCKED_GREY = "FFBFBFBF"
#: The answers of the example as they are typed in an English form.
IN_ENGLISH = {"có": "yes", "không": "no", "đúng hạn": "on time", "trễ hạn": "late"}
#: Row of the form (Excel numbering) of 00102's item 2.3: row 1 is the heading, then 17 rows of
#: 00101 and 00102's rows in the set's order (1.1.1 to 2.2 take 14 rows).
ROW_00102_2_3 = 1 + 17 + 14 + 1


def answers(lang: str) -> tuple[dict[tuple[str, str, str], str], dict[tuple[str, str, str], str]]:
    """From the example: (commune, criterion, input or "") -> value, and (commune, criterion,
    meta column) -> value, for communes 00101 and 00102, with the answers in ``lang``."""
    rows = list(csv.DictReader(io.StringIO(LONG)))
    values: dict[tuple[str, str, str], str] = {}
    meta: dict[tuple[str, str, str], str] = {}
    words = IN_ENGLISH if lang == "en" else {}
    for row in rows:
        if row["commune_code"] not in ("00101", "00102"):
            continue
        key = (row["commune_code"], row["criterion_id"])
        if row["value"]:
            values[(*key, row["input"])] = words.get(row["value"], row["value"])
        for column in ("self_score", "evidence_number", "evidence_date", "explanation", "n/a"):
            if row[column]:
                meta[(*key, column)] = words.get(row[column], row[column])
    return values, meta


def columns(ws: Worksheet, lang: str) -> dict[str, int]:
    """Column number (from 1) of each column key, found by its heading in ``lang``."""
    header = [c.value for c in ws[1]]
    return {key: header.index(head[lang]) + 1 for key, _, head, _ in COLUMNS}


def make_form(folder: Path, *args: str) -> tuple[Path, str]:
    out = folder / "form.xlsx"
    result = CliRunner().invoke(main, ["template", "--criteria", str(CRITERIA), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module", params=["vi", "en"])
def form(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    lang: str = request.param
    folder = tmp_path_factory.mktemp(f"template-{lang}")
    register = folder / "communes.csv"
    register.write_text(REGISTER, encoding="utf-8")
    out, output = make_form(folder, "--communes", str(register), "--lang", lang)
    # 2 communes x 17 inputs outside the survey part (1.1.1: 1, 1.1.2: 3, 1.1.3: 2, 1.1.4-1.2.4: 5,
    # 2.1: 2, 2.2: 1, 2.3: 1, 4.1: 1, 4.2: 1).
    assert ("34 dòng đầu vào" if lang == "vi" else "34 input rows") in output
    return out, register, lang


def validations(ws: Worksheet) -> dict[str, object]:
    """Cell -> its data validation."""
    found: dict[str, object] = {}
    for dv in ws.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            for row in openpyxl.utils.rows_from_range(cell_range.coord):
                for coordinate in row:
                    found[coordinate] = dv
    return found


def test_form_layout_and_data_validation(form: tuple[Path, Path, str]) -> None:
    path, _, lang = form
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [SHEETS["instructions"][lang], SHEETS["form"][lang]]
    ws = wb[SHEETS["form"][lang]]
    col = columns(ws, lang)
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 34
    assert {r[0] for r in rows} == {"00101", "00102"}  # codes are text, zeros kept
    assert "3.1" not in {r[col["criterion_id"] - 1] for r in rows}  # survey items come from the survey file
    assert ws.freeze_panes == "E2"
    assert ws.protection.sheet and ws.protection.autoFilter is False  # False: filtering is allowed
    # Every value cell of an item that applies is yellow, open, and validated for its input type.
    validated = validations(ws)
    kinds = {}
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(row=r, column=col["value"])
        if r == ROW_00102_2_3:
            continue
        assert cell.fill.fgColor.rgb == YELLOW, cell.coordinate
        assert cell.protection.locked is False, cell.coordinate
        item, name = ws.cell(row=r, column=col["criterion_id"]).value, ws.cell(row=r, column=col["input"]).value
        kinds[(item, name)] = validated[cell.coordinate].type  # type: ignore[attr-defined]
    assert kinds[("1.1.1", "signed_on")] == "date"
    assert kinds[("1.1.2", "tasks")] == "list"
    assert kinds[("1.1.3", "done")] == "whole"
    assert kinds[("1.1.4", "status")] == "list"
    assert kinds[("1.2.2", "head")] == "list"
    assert kinds[("2.3", "online_rate")] == "decimal"
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert ('"có,không"' if lang == "vi" else '"yes,no"') in lists
    assert ('"đúng hạn,trễ hạn,không thực hiện"' if lang == "vi" else '"on time,late,not done"') in lists
    assert any("Phó Chủ tịch" in (f or "") for f in lists)
    # The self-score of 2.2 accepts points from its floor (-0.5) to its maximum (3), said in the
    # form's language.
    score_cell = validated[ws.cell(row=2 + 13, column=col["self_score"]).coordinate]
    assert (score_cell.formula1, score_cell.formula2) == ("-0.5", "3.0")  # type: ignore[attr-defined]
    assert score_cell.error == ("Điểm từ -0,5 đến 3" if lang == "vi" else "Points from -0.5 to 3")  # type: ignore[attr-defined]
    # The headings are read back by intake: each is an alias of its column or a descriptive one.
    for key, _, _, _ in COLUMNS:
        name = ws.cell(row=1, column=col[key]).value
        assert isinstance(name, str)
        assert ASSESSMENT_ALIASES.get(name.casefold(), "") == key or name.casefold() in DESCRIPTIVE_COLUMNS, name


def test_headings_of_both_languages_are_read_by_intake() -> None:
    intake_columns = set(ASSESSMENT_ALIASES.values())
    for key, _, head, _ in COLUMNS:
        for lang in ("vi", "en"):
            name = head[lang].casefold()
            if key in intake_columns:
                assert ASSESSMENT_ALIASES.get(name) == key, (lang, head[lang])
            else:
                assert name in DESCRIPTIVE_COLUMNS and name not in ASSESSMENT_ALIASES, (lang, head[lang])


def row_of(ws: Worksheet, col: dict[str, int], commune: str, item: str, input_name: str | None = None) -> int:
    for r in range(2, ws.max_row + 1):
        here = (ws.cell(row=r, column=col["commune_code"]).value, ws.cell(row=r, column=col["criterion_id"]).value)
        if here == (commune, item) and input_name in (None, ws.cell(row=r, column=col["input"]).value):
            return r
    raise AssertionError((commune, item, input_name))


def test_items_for_another_unit_type_are_locked(form: tuple[Path, Path, str]) -> None:
    path, _, lang = form
    ws = openpyxl.load_workbook(path)[SHEETS["form"][lang]]
    col = columns(ws, lang)
    locked = row_of(ws, col, "00102", "2.3")
    assert locked == ROW_00102_2_3
    assert ws.cell(row=locked, column=col["applies_to"]).value == (
        "Không áp dụng cho xã" if lang == "vi" else "Not applicable to communes"
    )
    for key in ("value", "self_score", "evidence_number", "evidence_date", "evidence_file", "explanation", "n/a"):
        cell = ws.cell(row=locked, column=col[key])
        assert cell.protection.locked is True and cell.fill.fgColor.rgb == LOCKED_GREY, (key, cell.coordinate)
    assert cell.coordinate not in validations(ws)
    # The same item is open for the ward, and says whom it is for.
    open_row = row_of(ws, col, "00101", "2.3")
    assert ws.cell(row=open_row, column=col["applies_to"]).value == ("Chỉ phường" if lang == "vi" else "Only wards")
    assert ws.cell(row=open_row, column=col["value"]).protection.locked is False
    assert ws.cell(row=row_of(ws, col, "00102", "2.2"), column=col["applies_to"]).value == (
        "Mọi đơn vị" if lang == "vi" else "All units"
    )


def test_each_item_shows_the_evidence_it_requires(form: tuple[Path, Path, str]) -> None:
    path, _, lang = form
    ws = openpyxl.load_workbook(path)[SHEETS["form"][lang]]
    col = columns(ws, lang)
    first = row_of(ws, col, "00101", "1.1.1")
    assert ws.cell(row=first, column=col["evidence_required"]).value == (
        "Kế hoạch CCHC năm: số, ngày\nThiếu minh chứng: 0 điểm, trừ khi Hội đồng thẩm định chấp nhận giải trình."
        if lang == "vi"
        else "Kế hoạch CCHC năm (vi): number, date\n"  # the set names its documents in Vietnamese only
        "Missing evidence: 0 points unless the appraisal council accepts an explanation."
    )
    # Its number and date (the fields the plan requires) are yellow; the file is optional.
    looks = {key: ws.cell(row=first, column=col[key]).fill.fgColor.rgb for key in col}
    assert (looks["evidence_number"], looks["evidence_date"], looks["evidence_file"]) == (YELLOW, YELLOW, "FFFFFFFF")
    nothing = row_of(ws, col, "00101", "2.1", "on_time")
    assert ws.cell(row=nothing, column=col["evidence_required"]).value == (
        "Không yêu cầu" if lang == "vi" else "None required"
    )
    # On an item's further rows the item's cells are not repeated.
    assert ws.cell(row=nothing + 1, column=col["evidence_required"]).value in (None, "")
    assert ws.cell(row=nothing + 1, column=col["guidance"]).value in (None, "")
    guidance = ws.cell(row=nothing, column=col["guidance"]).value
    assert guidance == (
        "Cách chấm: Tỷ lệ = [on_time] / [received] × 100%:\nĐiểm = tỷ lệ (%) × điểm tối đa."
        if lang == "vi"
        else "How it is scored: Rate = [on_time] / [received] × 100%:\nPoints = rate (%) × maximum."
    )


def words(texts: list[str]) -> set[str]:
    """The words of ``texts``, lower case, without the {placeholders} of the module's texts."""
    return {w.casefold() for text in texts for w in re.findall(r"[^\W\d_]+", re.sub(r"\{\w+\}", "", text))}


def visible_texts(wb: openpyxl.Workbook) -> list[str]:
    """Every text a person sees in a workbook: the cells of visible sheets, rows and columns, the
    notes on cells, and data validation messages and lists."""
    texts: list[str] = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        hidden_columns = {k for k, d in ws.column_dimensions.items() if d.hidden}
        for row in ws.iter_rows():
            for cell in row:
                if ws.row_dimensions[cell.row].hidden or cell.column_letter in hidden_columns:
                    continue
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                if cell.comment is not None:
                    texts.append(cell.comment.text)
        for dv in ws.data_validations.dataValidation:
            texts += [t for t in (dv.error, dv.errorTitle, dv.prompt, dv.formula1) if t]
    texts += wb.sheetnames
    return texts


@pytest.mark.parametrize("form", ["vi"], indirect=True)
def test_vietnamese_form_has_no_english_text(form: tuple[Path, Path, str]) -> None:
    path, _, lang = form
    assert lang == "vi"
    english = words(every_text("en")) - words(every_text("vi"))
    assert {"yes", "guidance", "applicable", "evidence", "scored", "units"} <= english  # the list is real
    # This set gives some inputs no label: their names (on_time, done) stand in, in the method too.
    names = words([name for leaf in resolve_leaves(load_criteria(CRITERIA).criteria) for name in leaf.inputs])
    assert {"on", "time", "done"} <= names
    seen = words(visible_texts(openpyxl.load_workbook(path)))
    assert seen & english - names == set()
    # Phrases too (headings, answers, messages), and the criteria set's English titles.
    shown = "\n".join(visible_texts(openpyxl.load_workbook(path)))
    assert [t for t in every_text("en") if " " in t and t in shown and t not in every_text("vi")] == []
    assert "Test set (every rule kind)" not in shown


@pytest.mark.parametrize("form", ["en"], indirect=True)
def test_english_form_has_no_vietnamese_text_of_its_own(form: tuple[Path, Path, str]) -> None:
    """The English form's own texts are English: everything but the criteria set's texts that
    have no English (input labels, level and evidence names of this set are Vietnamese only)."""
    path, _, lang = form
    assert lang == "en"
    wb = openpyxl.load_workbook(path)
    vietnamese = words(every_text("vi")) - words(every_text("en"))
    assert {"không", "áp", "dụng", "minh", "chứng"} <= vietnamese
    ws = wb[SHEETS["form"][lang]]
    col = columns(ws, lang)
    own = [c.value for c in ws[1]]
    own += [c.comment.text for c in ws[1] if c.comment is not None]
    for r in range(2, ws.max_row + 1):
        own.append(ws.cell(row=r, column=col["applies_to"]).value)
        evidence = ws.cell(row=r, column=col["evidence_required"]).value
        if evidence:
            own.append(evidence.split("\n")[-1])  # the policy line; the document names are the set's
        if ws.cell(row=r, column=col["criterion_id"]).value != "1.2.2":  # its levels are the set's
            own.append(ws.cell(row=r, column=col["allowed"]).value)
            own.append(ws.cell(row=r, column=col["guidance"]).value)
    own += [dv.error for dv in ws.data_validations.dataValidation]
    own += [dv.formula1 for dv in ws.data_validations.dataValidation if "Phó" not in (dv.formula1 or "")]
    own += [c.value for c in wb[SHEETS["instructions"][lang]]["A"]]
    own += wb.sheetnames
    assert words([t for t in own if isinstance(t, str)]) & vietnamese == set()
    assert "Test set (every rule kind)" in own  # the set's English title heads the instructions


@pytest.mark.parametrize("form", ["en"], indirect=True)
def test_the_english_form_marks_the_words_the_set_gives_in_vietnamese_only(form: tuple[Path, Path, str]) -> None:
    """An input label without label_en is the set's Vietnamese label marked "(vi)", as pari explain
    and the method text mark it; an English label is shown as it is; no label: the input's name."""
    path, _, lang = form
    ws = openpyxl.load_workbook(path)[SHEETS["form"][lang]]
    col = columns(ws, lang)
    leaves = {leaf.id: leaf for leaf in resolve_leaves(load_criteria(CRITERIA).criteria)}
    shown: dict[str, int] = {"en": 0, "vi": 0, "name": 0}
    for r in range(2, ws.max_row + 1):
        name = ws.cell(row=r, column=col["input"]).value
        spec = leaves[ws.cell(row=r, column=col["criterion_id"]).value].inputs[name]
        label = ws.cell(row=r, column=col["input_label"]).value
        kind = "en" if spec.label_en else "vi" if spec.label else "name"
        assert label == {"en": spec.label_en, "vi": f"{spec.label} (vi)", "name": name}[kind]
        shown[kind] += 1
    assert shown["vi"] and shown["name"]  # the set has both (shown["en"] may be 0)


def fill(path: Path, target: Path, lang: str) -> int:
    """Fill the yellow cells of the form from the example; returns the number of cells filled."""
    values, meta = answers(lang)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEETS["form"][lang]]
    col = columns(ws, lang)
    seen: set[tuple[str, str]] = set()
    filled = 0
    for r in range(2, ws.max_row + 1):
        commune = ws.cell(row=r, column=col["commune_code"]).value
        criterion = ws.cell(row=r, column=col["criterion_id"]).value
        input_name = ws.cell(row=r, column=col["input"]).value
        assert isinstance(commune, str) and isinstance(criterion, str) and isinstance(input_name, str)
        value = values.get((commune, criterion, input_name), values.get((commune, criterion, "")))
        if value is not None:
            ws.cell(row=r, column=col["value"]).value = typed("value", value)  # type: ignore[assignment]
            filled += 1
        if (commune, criterion) in seen:
            continue
        seen.add((commune, criterion))  # per-item columns are on the item's first row
        for column in ("self_score", "evidence_number", "evidence_date", "explanation", "n/a"):
            text = meta.get((commune, criterion, column))
            if text is not None:
                ws.cell(row=r, column=col[column]).value = typed(column, text)  # type: ignore[assignment]
                filled += 1
    wb.save(target)
    return filled


def score_form(filled: Path, register: Path, folder: Path) -> dict[str, pl.DataFrame]:
    survey = folder / "survey.csv"
    survey.write_text(SURVEY, encoding="utf-8")
    out = folder / "results.xlsx"
    args = ["score", str(filled), "--criteria", str(CRITERIA), "--communes", str(register)]
    result = CliRunner().invoke(main, [*args, "--survey", str(survey), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return read_results(out)


def test_filled_form_scores_as_computed_by_hand(form: tuple[Path, Path, str], tmp_path: Path) -> None:
    path, register, lang = form
    filled = tmp_path / "filled.xlsx"
    # 00101: 16 values + self-scores, evidence number/date, N/A (5); 00102: 15 values + 3.
    assert fill(path, filled, lang) == 16 + 5 + 15 + 3
    tables = score_form(filled, register, tmp_path)
    summary = {r["commune_code"]: r for r in tables["summary"].iter_rows(named=True)}
    assert summary["00101"]["total_points"] == pytest.approx(21.84)
    assert summary["00101"]["index"] == pytest.approx(87.36)
    assert summary["00101"]["applicable_max"] == pytest.approx(25)
    assert summary["00102"]["total_points"] == pytest.approx(8.95)
    assert summary["00102"]["index"] == pytest.approx(40.68)
    assert summary["00102"]["applicable_max"] == pytest.approx(22)

    details = tables["criteria"]
    got = {(r["commune_code"], r["criterion_id"]): r for r in details.iter_rows(named=True)}
    assert len(got) == 2 * 14
    # The workbook names a choice's level by its label (read back as level:<label>).
    levels = level_words(resolve_leaves(load_criteria(CRITERIA).criteria), "vi")
    for commune in ("00101", "00102"):
        for item, (computed, _appraised, final, status, branch, evidence) in EXPECTED[commune].items():
            if branch is not None and branch.startswith("level:"):
                branch = "level:" + levels[item][branch.removeprefix("level:")]
            row = got[(commune, item)]
            expected_final = None if final is None else final / 10_000
            expected_computed = None if computed is None else computed / 10_000
            assert row["final_score"] == pytest.approx(expected_final), (commune, item)
            assert row["computed_score"] == pytest.approx(expected_computed), (commune, item)
            assert (row["status"], row["branch"], row["evidence_status"]) == (status, branch, evidence), (
                commune,
                item,
            )
    # The form's instructions sheet and descriptive columns are not read as data.
    rows = tables["rows"].filter(pl.col("input") != "register").with_columns(pl.col("row").cast(pl.Int64))
    assert rows.height == 34 + 2  # every form row and every survey row
    assert set(rows["status"]) == {"scored", "empty"}
    # Rows left empty on purpose: 00101 1.1.2 has all three filled; 00102 leaves 1.1.2 outputs
    # and 2.3 (not a ward item) blank.
    assert rows.filter(pl.col("status") == "empty").height == 2
    findings = tables["findings"]
    assert findings.filter(pl.col("severity") == "error").height == 0
    assert findings.filter(pl.col("kind") == "unknown-column").height == 0
    assert findings.filter(pl.col("kind") == "self-score-differs")["commune_code"].to_list() == ["00102"]
    assert findings.filter(pl.col("kind") == "not-applicable-to-unit").height == 0


def test_value_typed_into_a_locked_row_is_reported(form: tuple[Path, Path, str], tmp_path: Path) -> None:
    """The sheet's protection has no password: a clerk can lift it and type into 00102's 2.3.
    The rules leave the item out of a commune's maximum, so the value does not count, and a
    warning names the row rather than the value vanishing."""
    path, register, lang = form
    filled = tmp_path / "filled.xlsx"
    fill(path, filled, lang)
    wb = openpyxl.load_workbook(filled)
    ws = wb[SHEETS["form"][lang]]
    col = columns(ws, lang)
    ws.cell(row=ROW_00102_2_3, column=col["value"]).value = 60
    ws.cell(row=ROW_00102_2_3, column=col["self_score"]).value = 1.8
    # An N/A mark there agrees with the rules: not reported.
    ws.cell(row=ROW_00102_2_3, column=col["n/a"]).value = "có" if lang == "vi" else "yes"
    wb.save(filled)
    tables = score_form(filled, register, tmp_path)
    summary = {r["commune_code"]: r for r in tables["summary"].iter_rows(named=True)}
    assert (summary["00102"]["total_points"], summary["00102"]["applicable_max"]) == pytest.approx((8.95, 22))
    assert tables["findings"].filter(pl.col("severity") == "error").height == 0
    found = tables["findings"].filter(pl.col("kind") == "not-applicable-to-unit").sort("row", "column")
    # Each cell is named by its column's heading, as the form writes it.
    headings = {key: head[lang] for key, _, head, _ in COLUMNS}
    assert found.select("severity", "commune_code", "criterion_id", "sheet", "row", "column").rows() == sorted(
        ("warning", "00102", "2.3", SHEETS["form"][lang], ROW_00102_2_3, headings[key])
        for key in ("self_score", "value")
    )
    # The message is in the run's language (`pari score` writes Vietnamese by default, whatever the
    # form's language), the unit types by their words (pari_index.messages).
    assert found["message"][0] == (
        "đơn vị 00102 là xã; tiêu chí 2.3 chỉ áp dụng cho loại đơn vị: phường, nên giá trị này không được tính"
    )
    assert found["file"].to_list() == [str(filled)] * 2


def test_form_without_register_marks_applicability_per_row(tmp_path: Path) -> None:
    path, _ = make_form(tmp_path)
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    col = columns(ws, "vi")
    assert openpyxl.load_workbook(path).sheetnames == [INSTRUCTIONS_SHEET, FORM_SHEET]
    row = row_of(ws, col, "", "2.3")
    assert ws.cell(row=row, column=col["applies_to"]).value == "Chỉ phường"
    assert ws.cell(row=row, column=col["value"]).protection.locked is False
    assert ws.max_row == 1 + 17


@pytest.mark.parametrize(
    ("unit_type", "lang", "note"),
    [("xã", "vi", "Không áp dụng cho xã"), ("township", "en", "Not applicable to townships")],
)
def test_form_for_one_unit_type_locks_the_items_of_others(tmp_path: Path, unit_type: str, lang: str, note: str) -> None:
    path, _ = make_form(tmp_path, "--unit-type", unit_type, "--lang", lang)
    ws = openpyxl.load_workbook(path)[SHEETS["form"][lang]]
    col = columns(ws, lang)
    row = row_of(ws, col, "", "2.3")
    assert ws.cell(row=row, column=col["applies_to"]).value == note
    assert ws.cell(row=row, column=col["value"]).protection.locked is True
    locked_rows = [r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=col["value"]).protection.locked]
    assert locked_rows == [row]


def test_unit_type_and_register_together_are_refused(tmp_path: Path) -> None:
    register = tmp_path / "communes.csv"
    register.write_text(REGISTER, encoding="utf-8")
    out = tmp_path / "form.xlsx"
    args = ["template", "-o", str(out), "--communes", str(register), "--unit-type", "xã", "--lang", "en"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "--unit-type only without --communes" in result.output
    assert not out.exists()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bundled_set_form_from_the_command_line(tmp_path: Path, lang: str) -> None:
    """The command in a separate process, with the bundled Hà Nội set: its items' English
    ``guidance`` notes ("Ratio = files settled on time ...") used to show in the Vietnamese form."""
    out = tmp_path / "form.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "pari_index.cli", "template", "--lang", lang, "-o", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [SHEETS["instructions"][lang], SHEETS["form"][lang]]
    ws = wb[SHEETS["form"][lang]]
    col = columns(ws, lang)
    shown = visible_texts(wb)
    assert not [t for t in shown if "Ratio = files settled" in t or "full_points" in t]
    guidance = [ws.cell(row=r, column=col["guidance"]).value for r in range(2, ws.max_row + 1)]
    lead = "Cách chấm: " if lang == "vi" else "How it is scored: "
    assert len([g for g in guidance if g]) == len(
        {ws.cell(row=r, column=col["criterion_id"]).value for r in range(2, ws.max_row + 1)}
    )
    assert all(g.startswith(lead) for g in guidance if g)
    if lang == "vi":
        assert words(shown) & (words(every_text("en")) - words(every_text("vi"))) == set()
    else:
        # 8.4.1-8.4.3 each apply to one unit type; the blank form says which, in English.
        applies = {
            ws.cell(row=r, column=col["criterion_id"]).value: ws.cell(row=r, column=col["applies_to"]).value
            for r in range(2, ws.max_row + 1)
        }
        assert [applies["8.4.1"], applies["8.4.2"], applies["8.4.3"], applies["1.1.1"]] == [
            "Only wards",
            "Only communes",
            "Only special zones",
            "All units",
        ]


def test_empty_form_scores_nothing_and_reports_every_commune(form: tuple[Path, Path, str], tmp_path: Path) -> None:
    path, register, _ = form
    out = tmp_path / "results.xlsx"
    args = ["score", str(path), "--criteria", str(CRITERIA), "--communes", str(register), "-o", str(out), "-q"]
    result = CliRunner().invoke(main, [*args, "--no-survey"])  # an empty form has no survey results either
    assert result.exit_code == 0, result.output
    tables = read_results(out)
    assert tables["summary"]["total_points"].to_list() == pytest.approx([0, 0])
    assert set(tables["rows"].filter(pl.col("input") != "register")["status"]) == {"empty"}
    assert tables["rows"].height == 34 + 2  # the form rows and the two register rows
    assert tables["findings"].filter(pl.col("kind") == "not-assessed").height == 2
    # Nothing was sent: both communes are marked so in the ranking, not silently ranked on 0.
    assert tables["summary"]["submitted"].to_list() == [False, False]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_drop_down_offers_the_levels_whole(tmp_path: Path, lang: str) -> None:
    """Excel splits a list written in the rule at each comma: the bundled set's level "Đạt chuẩn,
    trang thiết bị hiện đại" (3.4.1, 7.5) became two choices, and typing the level was refused. A
    list's choices are the input's levels exactly, or the cell has no list at all."""
    out = tmp_path / "form.xlsx"
    assert CliRunner().invoke(main, ["template", "--lang", lang, "-o", str(out)]).exit_code == 0
    ws = openpyxl.load_workbook(out)[SHEETS["form"][lang]]
    col = columns(ws, lang)
    lists = {
        cell: dv.formula1.strip('"').split(",")
        for dv in ws.data_validations.dataValidation
        if dv.type == "list" and dv.formula1
        for cell in str(dv.sqref).split()
    }
    criteria = load_criteria(None).criteria
    leaves = {leaf.id: leaf for leaf in resolve_leaves(criteria)}
    checked = 0
    for r in range(2, ws.max_row + 1):
        leaf = leaves.get(str(ws.cell(row=r, column=col["criterion_id"]).value))
        name = ws.cell(row=r, column=col["input"]).value
        if leaf is None or name not in leaf.inputs or leaf.inputs[name].type.value != "level":
            continue
        levels = leaf.rule.levels  # type: ignore[union-attr]
        # The English form offers the English labels (intake reads them as well).
        words = [(level.label_en if lang == "en" else None) or level.label or level.value for level in levels]
        shown = lists.get(f"{ws.cell(row=r, column=col['value']).column_letter}{r}")
        assert shown is None or shown == words, (leaf.id, shown, words)
        checked += 1
    assert checked >= 3


def _maxima_written(filled: Path, lang: str, written: dict[int, object]) -> list[tuple[str, str, float]]:
    """The form's «Max points» of rows ``written`` changed; each row's commune, item and max in the set."""
    wb = openpyxl.load_workbook(filled)
    ws = wb[SHEETS["form"][lang]]
    col = columns(ws, lang)
    maxima = {leaf.id: float(leaf.max) for leaf in resolve_leaves(load_criteria(CRITERIA).criteria)}
    rows = []
    for r, value in written.items():
        ws.cell(row=r, column=col["max_points"]).value = value  # type: ignore[assignment]
        item = ws.cell(row=r, column=col["criterion_id"]).value
        rows.append((ws.cell(row=r, column=col["commune_code"]).value, item, maxima[item]))
    wb.save(filled)
    return rows  # type: ignore[return-value]


def test_a_form_of_another_version_of_the_set_is_told_at_its_first_row(
    form: tuple[Path, Path, str], tmp_path: Path
) -> None:
    """A commune that fills last year's form answers items whose maximum (and wording) changed since:
    its values were scored by this set's rules without a word. The form's «Max points» is read now:
    one warning per sheet, at the first row whose maximum is not the set's, with the number of such
    rows and items; the scores are those of the same values in this set's form."""
    path, register, lang = form
    filled = tmp_path / "filled.xlsx"
    fill(path, filled, lang)
    (tmp_path / "clean").mkdir()
    (tmp_path / "edited").mkdir()
    clean = score_form(filled, register, tmp_path / "clean")
    assert "form-other-version" not in clean["findings"]["kind"].to_list()
    # Row 3 keeps the set's maximum, written as text with a decimal comma (as a clerk types it):
    # no difference. Rows 4 and 20 give other maxima, a number and a text.
    rows = _maxima_written(filled, lang, {20: "9,5", 4: 7, 3: None})
    same = rows[2][2]
    _maxima_written(filled, lang, {3: f"{same:g}".replace(".", ",")})
    tables = score_form(filled, register, tmp_path / "edited")
    found = tables["findings"].filter(pl.col("kind") == "form-other-version")
    commune, item, set_max = rows[1]
    assert found.select("severity", "commune_code", "criterion_id", "sheet", "row", "column").rows() == [
        ("warning", None, item, SHEETS["form"][lang], 4, {"vi": "Điểm tối đa", "en": "Max points"}[lang])
    ]
    params = json.loads(found["params"][0])
    items = len({rows[0][1], rows[1][1]})
    expected = {"rows": 2, "items": items, "commune": commune, "criterion": item, "form_max": 7.0, "set_max": set_max}
    assert params == expected
    assert found["message"][0].startswith(f"2 dòng của mẫu ghi điểm tối đa khác với bộ tiêu chí ({items} tiêu chí)")
    assert tables["summary"].equals(clean["summary"])  # told, not scored otherwise
    # Read a batch of communes at a time (its own path through intake): the same finding.
    out = tmp_path / "batched.xlsx"
    args = ["score", str(filled), "--criteria", str(CRITERIA), "--communes", str(register), "--no-survey"]
    result = CliRunner().invoke(main, [*args, "--batch-size", "1", "-o", str(out), "-q", "--lang", "en"])
    assert result.exit_code == 0, result.output
    batched = read_results(out)["findings"].filter(pl.col("kind") == "form-other-version")
    assert (
        batched.select("commune_code", "criterion_id", "row", "params").rows()
        == found.select("commune_code", "criterion_id", "row", "params").rows()
    )
    assert batched["message"][0].startswith("2 rows of this form give a maximum that is not their item's")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", ["hàng 3: dòng không có mã xã; dòng này bị bỏ qua [missing-code]", "[duplicate-commune]"]),
        ("en", ["row 3: the row has no commune code; it was left out [missing-code]", "[duplicate-commune]"]),
    ],
)
def test_register_rows_left_out_of_the_form_are_told_and_exit_1(tmp_path: Path, lang: str, said: list[str]) -> None:
    """A register row without its code, and a code typed twice, are left out of the form: told, in
    the form's language, and exit 1 once the form is written (session 34: exit 0, not a word)."""
    register = tmp_path / "communes.csv"
    lines = REGISTER.strip().split("\n")
    register.write_text(
        "\n".join([lines[0], lines[1], ",Xã Không Mã,xã,Huyện B", *lines[2:], lines[1]]) + "\n", encoding="utf-8"
    )
    out = tmp_path / "form.xlsx"
    done = CliRunner().invoke(
        main, ["template", "--criteria", str(CRITERIA), "--communes", str(register), "-o", str(out), "--lang", lang]
    )
    assert done.exit_code == 1, done.output
    for words in said:
        assert words in done.output, done.output
    assert "Traceback" not in done.output
    # The form is still written, for the units kept (2 units x 17 inputs).
    assert ("34 dòng đầu vào" if lang == "vi" else "34 input rows") in done.output and out.exists()
