"""A commune code or criterion id typed into a column Excel formatted as dates is ``code-as-date``.

Excel keeps the day and not the code (00001 stored as the day 1, shown 01/01/1900); the row was
reported as an unknown commune "1900-01-01 00:00:00", which says nothing of the cause. Now it is
said as such, at the file, sheet, row and the code's column, in both languages, with the fix
(format the column as Text and type the codes again): in the assessments (and survey), the
register and the appraisal, for a workbook's date cell or a CSV's date text alike.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import xlsxwriter
from hostile_sweep16 import codes_as_dates

from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.errors import IntakeError
from pari_index.intake.appraisal import read_appraisal
from pari_index.intake.assessments import read_assessments
from pari_index.intake.register import read_register
from pari_index.messages import localise_findings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BUNDLED = Path(__file__).resolve().parent.parent / "criteria" / "ha-noi-2025-commune.yaml"
HINT_EN = (
    "format the column as Text in Excel (Format Cells, Text) and type the codes again: the date no longer says"
    " which code was typed"
)
HINT_VI = (
    "định dạng cột là Văn bản trong Excel (Format Cells, Text) rồi gõ lại các mã: ngày không còn cho biết mã đã gõ"
    " là gì"
)


def _leaves():  # type: ignore[no-untyped-def]
    return compile_criteria(load_criteria(BUNDLED).criteria, None).leaves


def _known() -> pl.Series:
    return pl.read_csv(EXAMPLES / "communes.csv", infer_schema=False)["code"]


@pytest.mark.parametrize("register", [True, False])
def test_a_workbooks_date_formatted_code_column_is_code_as_date(tmp_path: Path, register: bool) -> None:
    codes_as_dates(tmp_path)
    path = tmp_path / "form.xlsx"
    intake = read_assessments([path], _leaves(), _known() if register else None)
    found = intake.findings
    assert set(found["kind"]) == {"code-as-date"}  # never unknown-commune, with or without a register
    rows = pl.read_csv(EXAMPLES / "assessments_long.csv").height
    assert found.height == rows  # every row once (the row's cells carry one code)
    first = found.sort("row").row(0, named=True)
    assert (first["file"], first["sheet"], first["row"], first["column"]) == (str(path), "data", 2, "commune_code")
    assert first["message"] == (
        "commune code 01/01/1900 is a date: the column is formatted as a date in Excel, which turns a code"
        " typed into it into a date (00001 into 01/01/1900); none of the 5 values of this row was used"
    )
    assert first["hint"] == HINT_EN
    vi = localise_findings(found.sort("row").head(1), "vi").row(0, named=True)
    assert vi["message"].startswith(
        "mã xã 01/01/1900 là một ngày: cột được định dạng ngày tháng trong Excel, nên mã gõ vào bị đổi"
        " thành ngày (00001 thành 01/01/1900)"
    )
    assert vi["hint"] == HINT_VI
    assert intake.cells.height == 0 and intake.meta.height == 0  # nothing of them used as a commune's


def test_a_csvs_date_texts_as_codes_and_item_ids(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "Mã xã,criterion_id,value\n01/01/1900,1.1.1,04/06/2025\n00001,1900-01-01,04/06/2025\n00004,1.1.1,04/06/2025\n",
        encoding="utf-8",
    )
    found = read_assessments([path], _leaves(), _known()).findings.sort("row")
    assert found.select("kind", "row", "column").rows() == [
        ("code-as-date", 2, "Mã xã"),
        ("code-as-date", 3, "criterion_id"),
    ]
    assert found["message"][1] == (
        "criterion id 1900-01-01 is a date: the column is formatted as a date in Excel, which turns a code typed into"
        " it into a date (00001 into 01/01/1900)"
    )
    assert localise_findings(found, "vi")["message"][1].startswith("mã tiêu chí 1900-01-01 là một ngày")


def test_the_registers_date_codes_are_left_out_as_code_as_date(tmp_path: Path) -> None:
    path = tmp_path / "communes.xlsx"
    lines = [line.split(",") for line in (EXAMPLES / "communes.csv").read_text("utf-8-sig").splitlines()]
    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("units")
        day = workbook.add_format({"num_format": "dd/mm/yyyy"})
        for r, row in enumerate(lines):
            for c, text in enumerate(row):
                if r in (1, 2) and c == 0:
                    sheet.write_number(r, c, int(text), day)
                else:
                    sheet.write_string(r, c, text)
    register = read_register(path)
    assert [(p.code, p.row, p.field) for p in register.problems] == [
        ("code-as-date", 2, "code"),
        ("code-as-date", 3, "code"),
    ]
    assert register.problems[0].message.startswith("commune code «01/01/1900» is a date")
    assert register.frame.height == len(lines) - 3
    assert register.rows.filter(pl.col("status") == "rejected")["row"].to_list() == [2, 3]


def test_a_register_of_date_codes_alone_stops_naming_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "communes.csv"
    path.write_text("code,name\n01/01/1900,Xã A\n02/01/1900,Xã B\n", encoding="utf-8")
    with pytest.raises(IntakeError) as raised:
        read_register(path)
    assert [(p.code, p.row) for p in raised.value.problems] == [("code-as-date", 2), ("code-as-date", 3)]


def test_an_appraisals_date_codes_are_code_as_date(tmp_path: Path) -> None:
    path = tmp_path / "appraisal.csv"
    path.write_text(
        "commune_code,criterion_id,score,reason\n1900-01-01 00:00:00,1.1.1,0.5,x\n00001,1900-01-01,0.5,y\n",
        encoding="utf-8",
    )
    found = read_appraisal(path, _leaves(), _known()).findings.sort("row")
    assert found.select("kind", "row", "column").rows() == [
        ("code-as-date", 2, "commune_code"),
        ("code-as-date", 3, "criterion_id"),
    ]
    vi = localise_findings(found, "vi")
    assert vi["message"][0].startswith("mã xã 1900-01-01 00:00:00 là một ngày")
    assert vi["hint"].to_list() == [HINT_VI, HINT_VI]
