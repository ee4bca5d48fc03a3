"""Commune codes in scientific notation (``1.23457E+11``, ``1,2E+04``, ``1.00E+00``), as Excel
shows a long code of a column of numbers and saves it so to a CSV.

Before, every such code was an ``unknown-commune`` that said nothing of the cause, and with no
register ``1.23457E+11`` was a commune of its own: two communes whose codes Excel rounded to the
same text were one. Now a code whose digits were rounded away (more exponent than decimals) is
refused as ``code-as-scientific`` at its file, row and column, with or without a register, in the
assessments, the register and the appraisal, in both languages, with the fix (format the column
as Text). One that shows every digit is treated as the float codes are: never matched, the
register's code equal to it as a number named (``scientific``; ``scientific_register`` the other
way round), and a register code so written warned (``register-code-scientific``).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.intake.appraisal import read_appraisal
from pari_index.intake.assessments import read_assessments
from pari_index.intake.nearest import GIVEN, NEAREST, SUGGESTED, nearest_codes
from pari_index.intake.register import read_register
from pari_index.intake.values import scientific_lost, scientific_number
from pari_index.messages import localise_findings, render

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BUNDLED = Path(__file__).resolve().parent.parent / "criteria" / "ha-noi-2025-commune.yaml"

LOST_EN = (
    "commune code 1.23457E+11 is in scientific notation (Excel rounds a long code in a number column): the code"
    " typed is lost"
)
LOST_VI = "mã xã 1.23457E+11 ở dạng số mũ (Excel làm tròn mã dài trong cột số): không còn biết mã đã gõ"
HINT_EN = "format the column as Text in Excel (Format Cells, Text) and type the codes again"
HINT_VI = "định dạng cột là Văn bản trong Excel (Format Cells, Text) rồi gõ lại các mã"
EXACT_EN = (
    "the code is in scientific notation (as Excel shows a number column); format the column as Text and type the"
    " code again"
)
EXACT_VI = "mã bị ghi ở dạng số mũ (như Excel hiện cột số); định dạng cột là Văn bản rồi gõ lại mã"


@pytest.mark.parametrize(
    ("text", "lost", "number"),
    [
        ("1.23457E+11", True, None),  # Excel's General format of 123456789012
        ("1,2E+04", True, None),  # decimal comma: 11500 to 12499
        ("1.06E+04", True, None),  # 10600 or 10612, rounded: lost
        ("1.00E+00", False, "1"),
        ("4E+00", False, "4"),
        ("1,2345E+04", False, "12345"),
        ("1.2e+1", False, "12"),
        ("1.25E+01", False, None),  # 12.5: no whole number, no code
        ("00001", False, None),
        ("1.0", False, None),
        ("1E+99999", False, None),  # no number pari reads as a code
    ],
)
def test_scientific_notation_lost_or_exact(text: str, lost: bool, number: str | None) -> None:
    frame = pl.DataFrame({"c": [text]}).select(
        scientific_lost(pl.col("c")).alias("lost"), scientific_number(pl.col("c")).alias("number")
    )
    assert frame.row(0) == (lost, number)


def _near(codes: list[str], known: list[str]) -> dict[str, tuple[str, str]]:
    found = nearest_codes(pl.Series(codes, dtype=pl.String), pl.Series(known))
    return {given: (kind, suggested) for given, kind, suggested in found.select(GIVEN, NEAREST, SUGGESTED).rows()}


def test_an_exact_scientific_code_names_the_code_equal_to_it() -> None:
    known = ["00001", "00010", "12345"]
    assert _near(["1.00E+00", "1,0E+01", "1.2345E+04", "2E+00", "1.25E+01"], known) == {
        "1.00E+00": ("scientific", "00001"),
        "1,0E+01": ("scientific", "00010"),
        "1.2345E+04": ("scientific", "12345"),
    }
    assert _near(["00004", "4"], ["4E+00"]) == {
        "00004": ("scientific_register", "4E+00"),
        "4": ("scientific_register", "4E+00"),
    }


def _leaves():  # type: ignore[no-untyped-def]
    return compile_criteria(load_criteria(BUNDLED).criteria, None).leaves


def _known() -> pl.Series:
    return pl.read_csv(EXAMPLES / "communes.csv", infer_schema=False)["code"]


@pytest.mark.parametrize("register", [True, False])
def test_assessments_codes_in_scientific_notation(tmp_path: Path, register: bool) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "Mã xã,criterion_id,value\n1.23457E+11,1.1.1,04/06/2025\n1.23457E+11,1.1.2,có\n"
        '"1,0E+01",1.1.1,04/06/2025\n00004,1.1.1,04/06/2025\n',
        encoding="utf-8",
    )
    intake = read_assessments([path], _leaves(), _known() if register else None)
    # (a form of three columns lacks the evidence and self-score columns: told, not asserted here)
    found = intake.findings.sort("row").filter(~pl.col("kind").str.ends_with("-column-absent"))
    expected = [("code-as-scientific", 2, "Mã xã"), ("code-as-scientific", 3, "Mã xã")]
    if register:
        expected.append(("unknown-commune", 4, None))
    assert found.select("kind", "row", "column").rows() == expected
    assert found["message"][0] == LOST_EN and found["hint"][0] == HINT_EN
    vi = localise_findings(found, "vi")
    assert (vi["message"][0], vi["hint"][0]) == (LOST_VI, HINT_VI)
    communes = set(intake.cells["commune_code"]) | set(intake.meta["commune_code"])
    assert "1.23457E+11" not in communes  # never a commune of its own
    if register:
        assert (
            found["message"][2]
            == f"commune 1,0E+01 is not in the commune register; the register holds 00010: {EXACT_EN}"
        )
        assert vi["message"][2] == f"xã 1,0E+01 không có trong danh sách đơn vị; danh sách có mã 00010: {EXACT_VI}"
    else:
        assert "1,0E+01" in communes  # as a float code is with no register: kept as written


def test_the_registers_scientific_codes(tmp_path: Path) -> None:
    path = tmp_path / "communes.csv"
    path.write_text("code,name\n1.00E+00,Xã A\n1.23457E+11,Xã B\n1.23457E+11,Xã C\n00002,Xã D\n", encoding="utf-8")
    register = read_register(path)
    assert register.frame["code"].to_list() == ["1.00E+00", "00002"]
    assert [(p.code, p.row, p.field) for p in register.problems] == [
        ("code-as-scientific", 3, "code"),
        ("code-as-scientific", 4, "code"),  # never a duplicate-commune of row 3: both codes are lost
    ]
    problem = register.problems[0]
    assert problem.message == LOST_EN.replace("1.23457E+11", "«1.23457E+11»") and problem.hint == HINT_EN
    assert render(problem.code, problem.params, "vi", message=problem.message) == LOST_VI.replace(
        "1.23457E+11", "«1.23457E+11»"
    )
    assert [(w.code, w.row, w.params) for w in register.warnings] == [
        ("register-code-scientific", 2, {"code": "«1.00E+00»"})
    ]
    warning = register.warnings[0]
    assert render(warning.code, warning.params, "vi", message=warning.message) == (
        "mã «1.00E+00» bị ghi ở dạng số mũ (Excel hiện mã dài trong cột số như vậy); mã được giữ nguyên như đã ghi"
        " và chỉ khớp với mã ghi giống hệt"
    )
    assert register.rows.filter(pl.col("status") == "rejected")["row"].to_list() == [3, 4]


def test_an_appraisals_lost_code(tmp_path: Path) -> None:
    path = tmp_path / "appraisal.csv"
    path.write_text(
        "commune_code,criterion_id,score,reason\n1.23457E+11,1.1.1,0.5,x\n1.00E+00,1.1.1,0.5,y\n", encoding="utf-8"
    )
    found = read_appraisal(path, _leaves(), _known()).findings.sort("row")
    assert found.select("kind", "row", "column").rows() == [
        ("code-as-scientific", 2, "commune_code"),
        ("unknown-commune", 3, None),
    ]
    vi = localise_findings(found, "vi")
    assert (vi["message"][0], vi["hint"][0]) == (LOST_VI, HINT_VI)
    assert vi["message"][1].endswith(f"; danh sách có mã 00001: {EXACT_VI}")


def test_the_cli_refuses_the_lost_code(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("commune_code,criterion_id,value\n1.23457E+11,1.1.1,04/06/2025\n", encoding="utf-8")
    args = ["score", str(path), "--communes", str(EXAMPLES / "communes.csv"), "--no-survey"]
    result = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "r.xlsx"), "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert f"a.csv row 2 column «commune_code»: {LOST_EN} [code-as-scientific]" in result.output
    assert f"hint: {HINT_EN}" in result.output
