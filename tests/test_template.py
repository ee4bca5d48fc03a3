"""``pari template`` round trip: generate the form, fill its yellow cells by program, score it.

The values filled in are those of communes 00101 and 00102 of the hand-computed example in
test_scoring.py, so the scores read back from the results workbook are known: 00101 (ward)
21.84 points, index 87.36 %; 00102 (commune) 8.95 points of 22, index 40.68 %.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner
from test_intake import typed
from test_scoring import CRITERIA, EXPECTED, LONG

from pari_index.cli import main
from pari_index.outputs.results import read_results
from pari_index.outputs.template import FORM_SHEET, INSTRUCTIONS_SHEET

REGISTER = "code,name,type,district,province\n00101,Phường Một,phường,Quận A,T\n00102,Xã Hai,xã,Huyện B,T\n"
SURVEY = 'commune_code,criterion_id,value\n00101,3.1,"92,5"\n00102,3.1,85\n'
YELLOW = "FFFFF2CC"


def answers() -> tuple[dict[tuple[str, str, str], str], dict[tuple[str, str, str], str]]:
    """From the example: (commune, criterion, input or "") -> value, and (commune, criterion,
    meta column) -> value, for communes 00101 and 00102."""
    rows = list(csv.DictReader(io.StringIO(LONG)))
    values: dict[tuple[str, str, str], str] = {}
    meta: dict[tuple[str, str, str], str] = {}
    for row in rows:
        if row["commune_code"] not in ("00101", "00102"):
            continue
        key = (row["commune_code"], row["criterion_id"])
        if row["value"]:
            values[(*key, row["input"])] = row["value"]
        for column in ("self_score", "evidence_number", "evidence_date", "explanation", "n/a"):
            if row[column]:
                meta[(*key, column)] = row[column]
    return values, meta


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("template")
    register = folder / "communes.csv"
    register.write_text(REGISTER, encoding="utf-8")
    out = folder / "form.xlsx"
    result = CliRunner().invoke(
        main, ["template", "--criteria", str(CRITERIA), "--communes", str(register), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    # 2 communes x 17 inputs outside the survey part (1.1.1: 1, 1.1.2: 3, 1.1.3: 2, 1.1.4-1.2.4: 5,
    # 2.1: 2, 2.2: 1, 2.3: 1, 4.1: 1, 4.2: 1).
    assert "34 input rows" in result.output
    return out, register


def test_form_layout_and_data_validation(form: tuple[Path, Path]) -> None:
    path, _ = form
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [INSTRUCTIONS_SHEET, FORM_SHEET]
    ws = wb[FORM_SHEET]
    header = [c.value for c in ws[1]]
    value_col = header.index("value") + 1
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 34
    assert {r[0] for r in rows} == {"00101", "00102"}  # codes are text, zeros kept
    assert "3.1" not in {r[2] for r in rows}  # survey items come from the survey file
    # Every value cell is yellow and carries data validation of its input type.
    validated: dict[str, str] = {}
    for dv in ws.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            validated[cell_range.coord] = dv.type
    letter = openpyxl.utils.get_column_letter(value_col)
    kinds = {}
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(row=r, column=value_col)
        assert cell.fill.fgColor.rgb == YELLOW, cell.coordinate
        assert f"{letter}{r}" in validated, cell.coordinate
        kinds[(ws.cell(row=r, column=3).value, ws.cell(row=r, column=6).value)] = validated[f"{letter}{r}"]
    assert kinds[("1.1.1", "signed_on")] == "date"
    assert kinds[("1.1.2", "tasks")] == "list"
    assert kinds[("1.1.3", "done")] == "whole"
    assert kinds[("1.1.4", "status")] == "list"
    assert kinds[("1.2.2", "head")] == "list"
    assert kinds[("2.3", "online_rate")] == "decimal"
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert '"có,không"' in lists
    assert any("Phó Chủ tịch" in (f or "") for f in lists)


def fill(path: Path, target: Path) -> int:
    """Fill the yellow cells of the form from the example; returns the number of cells filled."""
    values, meta = answers()
    wb = openpyxl.load_workbook(path)
    ws = wb[FORM_SHEET]
    header = [c.value for c in ws[1]]
    col = {name: header.index(name) + 1 for name in header if isinstance(name, str)}
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


def test_filled_form_scores_as_computed_by_hand(form: tuple[Path, Path], tmp_path: Path) -> None:
    path, register = form
    filled = tmp_path / "filled.xlsx"
    # 00101: 16 values + self-scores, evidence number/date, N/A (5); 00102: 15 values + 3.
    assert fill(path, filled) == 16 + 5 + 15 + 3
    survey = tmp_path / "survey.csv"
    survey.write_text(SURVEY, encoding="utf-8")
    out = tmp_path / "results.xlsx"
    args = ["score", str(filled), "--criteria", str(CRITERIA), "--communes", str(register)]
    result = CliRunner().invoke(main, [*args, "--survey", str(survey), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output

    tables = read_results(out)
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
    for commune in ("00101", "00102"):
        for item, (computed, _appraised, final, status, branch, evidence) in EXPECTED[commune].items():
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
    assert findings.filter(pl.col("kind") == "self-score-differs")["commune_code"].to_list() == ["00102"]


def test_empty_form_scores_nothing_and_reports_every_commune(form: tuple[Path, Path], tmp_path: Path) -> None:
    path, register = form
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
