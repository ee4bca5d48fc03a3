"""Commune codes written as numbers with decimals (``1.0``, ``00001.0``, ``1,0``), as a table
exported by pandas or Excel from a number column writes them.

Each such code is still ``unknown-commune`` (never rewritten into the code it likely is: a
published ranking must not come from a guessed code), but its finding names the register's code
equal to it as a number, in both languages, in any table pari reads against the register
(assessments, survey, appraisal); a register whose own codes are so written gets a warning on
each, and an assessment's ``00001`` against it names the register's ``1.0`` to correct.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.intake.appraisal import read_appraisal
from pari_index.intake.assessments import read_assessments
from pari_index.intake.nearest import GIVEN, NEAREST, SUGGESTED, nearest_codes
from pari_index.intake.register import read_register
from pari_index.messages import localise_findings, render

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BUNDLED = Path(__file__).resolve().parent.parent / "criteria" / "ha-noi-2025-commune.yaml"

FLOAT_EN = (
    "the code is written as a number with decimals (a table exported from a number column, by Excel or"
    " pandas, writes 00001 as 1.0 and drops the leading zeros); write the code as text"
)
FLOAT_VI = (
    "mã bị ghi thành số có phần thập phân (bảng xuất từ cột số, bằng Excel hay pandas, ghi 00001 thành 1.0 và"
    " bỏ các số 0 ở đầu); ghi lại mã dạng văn bản"
)


def _near(codes: list[str], known: list[str], items: bool = False) -> dict[str, tuple[str, str]]:
    found = nearest_codes(pl.Series(codes, dtype=pl.String), pl.Series(known), items=items)
    return {given: (kind, suggested) for given, kind, suggested in found.select(GIVEN, NEAREST, SUGGESTED).rows()}


def test_a_code_written_as_a_float_names_the_code_equal_to_it_as_a_number() -> None:
    known = ["00001", "00004", "00123", "10001", "10"]
    assert _near(["1.0", "00001.0", "1,0", "4.00", "123.0", "10001.0", "10.0", "2.0", "1.5", "1.0.0"], known) == {
        "1.0": ("float", "00001"),
        "00001.0": ("float", "00001"),
        "1,0": ("float", "00001"),
        "4.00": ("float", "00004"),
        "123.0": ("float", "00123"),
        "10001.0": ("float", "10001"),
        "10.0": ("float", "10"),
        # 2 is no code, 1.5 is no whole number, 1.0.0 no number: nothing said of them
    }
    # Not "one character away" from 10000, another unit, as 1000.0 was told (the dot left out).
    assert _near(["1000.0"], ["01000", "10000"]) == {"1000.0": ("float", "01000")}
    # Two register codes equal to it as a number: both are named, the user chooses.
    assert _near(["1.0"], ["1", "00001"]) == {"1.0": ("float", "00001, 1")}


def test_a_register_code_written_as_a_float_is_named_for_a_plain_code() -> None:
    assert _near(["00001", "1", "00002"], ["1.0", "00004.0"]) == {
        "00001": ("float_register", "1.0"),
        "1": ("float_register", "1.0"),
    }


def test_item_ids_are_never_floats() -> None:
    assert _near(["1.0"], ["1", "1.1"], items=True) == {}


def _leaves():  # type: ignore[no-untyped-def]
    return compile_criteria(load_criteria(BUNDLED).criteria, None).leaves


def test_an_assessment_and_an_appraisal_name_the_code_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("commune_code,criterion_id,value\n1.0,1.1.1,04/06/2025\n00004.0,1.1.1,04/06/2025\n")
    known = pl.read_csv(EXAMPLES / "communes.csv", infer_schema=False)["code"]
    # (a form of three columns lacks the evidence and self-score columns: told, not asserted here)
    findings = (
        read_assessments([path], _leaves(), known)
        .findings.sort("row")
        .filter(~pl.col("kind").str.ends_with("-column-absent"))
    )
    assert findings.select("kind", "row").rows() == [("unknown-commune", 2), ("unknown-commune", 3)]
    assert findings["message"].to_list() == [
        f"commune 1.0 is not in the commune register; the register holds 00001: {FLOAT_EN}",
        f"commune 00004.0 is not in the commune register; the register holds 00004: {FLOAT_EN}",
    ]
    assert json.loads(findings["params"][0]) == {
        "commune": "1.0",
        "row_values": None,
        "cells": 1,
        "nearest": "float",
        "suggested": "00001",
    }
    assert localise_findings(findings, "vi")["message"][0] == (
        f"xã 1.0 không có trong danh sách đơn vị; danh sách có mã 00001: {FLOAT_VI}"
    )
    appraisal = tmp_path / "appraisal.csv"
    appraisal.write_text('commune_code,criterion_id,score,reason\n"1,0",1.1.1,0.5,x\n', encoding="utf-8")
    found = read_appraisal(appraisal, _leaves(), known).findings
    assert found.select("kind", "row").rows() == [("unknown-commune", 2)]
    assert localise_findings(found, "vi")["message"][0].endswith(f"; danh sách có mã 00001: {FLOAT_VI}")


def test_a_register_of_float_codes_is_warned_row_by_row(tmp_path: Path) -> None:
    path = tmp_path / "communes.csv"
    path.write_text("code,name\n1.0,Xã A\n00002,Xã B\n3,0,Xã C\n".replace("3,0", '"3,0"'), encoding="utf-8")
    register = read_register(path)
    assert register.frame["code"].to_list() == ["1.0", "00002", "3,0"]  # kept as written
    found = [(w.code, w.row, w.params) for w in register.warnings]
    assert found == [
        ("register-code-as-number", 2, {"code": "«1.0»"}),
        ("register-code-as-number", 4, {"code": "«3,0»"}),
    ]
    problem = register.warnings[0]
    assert render(problem.code, problem.params, "vi", message=problem.message) == (
        "mã «1.0» bị ghi thành số có phần thập phân (bảng xuất từ cột số, bằng Excel hay pandas, ghi 00001 thành"
        " 1.0); mã được giữ nguyên như đã ghi và chỉ khớp với mã ghi giống hệt"
    )


def _float_copy(source: Path, column: str, target: Path) -> None:
    frame = pl.read_csv(source, infer_schema=False)
    number = pl.col(column).cast(pl.Int64).cast(pl.Float64).cast(pl.String)
    frame.with_columns(pl.when(pl.col(column).is_not_null()).then(number).alias(column)).write_csv(target)


def test_the_cli_on_the_examples_with_float_codes(tmp_path: Path) -> None:
    """The examples' long assessments rewritten as pandas writes a float column: every row is
    refused, each naming its register code; the same with the survey; a float register names
    the register's code to correct."""
    _float_copy(EXAMPLES / "assessments_long.csv", "commune_code", tmp_path / "long.csv")
    _float_copy(EXAMPLES / "survey.csv", "commune_code", tmp_path / "survey.csv")
    _float_copy(EXAMPLES / "communes.csv", "code", tmp_path / "communes.csv")
    common = ["--appraisal", str(EXAMPLES / "appraisal.csv"), "-o", str(tmp_path / "r.xlsx"), "--lang", "en"]
    runner = CliRunner()
    given = [str(tmp_path / "long.csv"), str(EXAMPLES / "assessments_wide.xlsx")]
    result = runner.invoke(
        main,
        [
            "score",
            *given,
            "--communes",
            str(EXAMPLES / "communes.csv"),
            "--survey",
            str(EXAMPLES / "survey.csv"),
            *common,
        ],
    )
    assert result.exit_code == 1, result.output
    assert (
        "long.csv row 2: commune 1.0 is not in the commune register; the register holds 00001: "
        f"{FLOAT_EN}; none of the 5 values of this row was used; the same code is on 71 more rows of the file: "
        "3–73 [unknown-commune]"
    ) in result.output
    given = [str(EXAMPLES / "assessments_long.csv"), str(EXAMPLES / "assessments_wide.xlsx")]
    result = runner.invoke(
        main,
        [
            "score",
            *given,
            "--communes",
            str(tmp_path / "communes.csv"),
            "--survey",
            str(EXAMPLES / "survey.csv"),
            *common,
        ],
    )
    assert result.exit_code == 1, result.output
    assert (
        "survey.csv row 2: commune 00001 is not in the commune register; the register holds 1.0, a code written as"
        " a number with decimals: correct the code in the register to text, with its leading zeros [unknown-commune]"
    ) in result.output
