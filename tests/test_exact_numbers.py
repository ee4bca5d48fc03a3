"""Numbers are read exactly (issue 16, item 1): at Excel's 15 significant digits, then compared
exactly with every edge. 69.99999 is below 70 and 90.00005 above 90; float noise from a formula
(70.000000000000014) is 70; a number that cannot be held exactly is a finding, never a silent
change. See docs/data-formats.md, "How numbers are read"."""

from __future__ import annotations

import re
import zipfile
from decimal import ROUND_HALF_UP, Context, Decimal
from pathlib import Path

import hypothesis.strategies as st
import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner
from hypothesis import given

from pari_index.cli import main
from pari_index.criteria.loading import load_criteria
from pari_index.criteria.model import resolve_leaves
from pari_index.intake.assessments import read_assessments
from pari_index.intake.tables import read_tables
from pari_index.intake.values import number_problem, parse_exact
from pari_index.outputs.results import read_results

CRITERIA = """\
id: exact-edges
title: {vi: "Bộ thử cạnh chính xác", en: "Exact edges test set"}
year: 2025
province: "Tỉnh Thử"
issuer: "UBND tỉnh Thử"
decision: {number: "1/QĐ-UBND", date: 2025-01-10}
scale: 10
parts: {appraised: 10, survey: 0}
rounding: {places: 2, mode: half_up}
ranking: {within: district}
classes:
  - {name: "Tốt", en: "Good", from: 50}
  - {name: "Kém", en: "Poor", below: 50}
areas:
  - id: "1"
    title: "Cải cách hành chính"
    max: 10
    children:
      - id: "1.1"
        title: "Tỷ lệ hồ sơ đúng hạn"
        max: 2
        inputs: {rate: {type: percent}}
        rule:
          kind: tiers
          input: rate
          tiers:
            - {above: 90, points: 2}
            - {from: 70, to: 90, points: 1}
            - {below: 70, points: 0}
      - id: "1.2"
        title: "Tỷ lệ nhiệm vụ hoàn thành"
        max: 8
        inputs: {done: {type: number}, planned: {type: number}}
        rule: {kind: proportional, rate: {numerator: done, denominator: planned}}
"""
REGISTER = "code,name,type,district\n00101,Xã Một,xã,Huyện A\n00102,Xã Hai,xã,Huyện A\n00103,Xã Ba,xã,Huyện A\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "set.yaml").write_text(CRITERIA, encoding="utf-8")
    (tmp_path / "communes.csv").write_text(REGISTER, encoding="utf-8")
    return {"criteria": tmp_path / "set.yaml", "communes": tmp_path / "communes.csv", "dir": tmp_path}


def run_score(files: dict[str, Path], assessment: Path, lang: str = "en") -> tuple[int, str, dict[str, pl.DataFrame]]:
    out = files["dir"] / "results.xlsx"
    args = ["score", str(assessment), "--criteria", str(files["criteria"]), "--communes", str(files["communes"])]
    result = CliRunner().invoke(main, [*args, "-o", str(out), "--lang", lang, "-q"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output, read_results(out)


def item(tables: dict[str, pl.DataFrame], commune: str, criterion: str) -> dict[str, object]:
    details = tables["criteria"].filter((pl.col("commune_code") == commune) & (pl.col("criterion_id") == criterion))
    assert details.height == 1
    return details.row(0, named=True)


# --- the two examples of the issue, end to end --------------------------------------------------

ROWS = (
    "commune_code,criterion_id,input,value\n"
    "00101,1.1,,69.99999\n00101,1.2,done,1\n00101,1.2,planned,3\n"
    '00102,1.1,,"90,00005"\n00102,1.2,done,2\n00102,1.2,planned,3\n'
    "00103,1.1,,70\n00103,1.2,done,0.99999999999999\n00103,1.2,planned,1\n"
)


def test_the_examples_of_the_issue_get_their_own_band(files: dict[str, Path]) -> None:
    path = files["dir"] / "scores.csv"
    path.write_text(ROWS, encoding="utf-8")
    code, output, tables = run_score(files, path)
    assert code == 0, output
    below = item(tables, "00101", "1.1")
    assert below["computed_score"] == 0 and below["branch"] == "tier:2"
    assert below["explanation"].startswith("Value below 70 → 0 points | inputs: rate=69.99999")
    above = item(tables, "00102", "1.1")
    assert above["computed_score"] == 2 and above["branch"] == "tier:0"
    # Typed "90,00005"; an English explanation writes its decimal point (docs/errors.md, "One language").
    assert above["explanation"].startswith("Value above 90 → 2 points | inputs: rate=90.00005")
    on_edge = item(tables, "00103", "1.1")
    assert on_edge["computed_score"] == 1 and on_edge["explanation"].startswith("Value from 70 to 90 → 1 point")
    # Proportional points from the exact ratio: 8 x 1/3 = 2.666… -> 2.67; 8 x 2/3 -> 5.33;
    # 8 x 0.99999999999999 = 7.99999999999992 -> 8.00 (rounded as today, from the exact value).
    assert [item(tables, c, "1.2")["computed_score"] for c in ("00101", "00102", "00103")] == [2.67, 5.33, 8.0]
    assert item(tables, "00103", "1.2")["branch"] == "ratio"  # not 100 %: the exact value is below 1


def test_vietnamese_explanation_keeps_the_band_and_the_input(files: dict[str, Path]) -> None:
    path = files["dir"] / "scores.csv"
    path.write_text(ROWS, encoding="utf-8")
    code, output, tables = run_score(files, path, lang="vi")
    assert code == 0, output
    # Typed "69.99999"; a Vietnamese explanation writes its decimal comma.
    assert item(tables, "00101", "1.1")["explanation"].startswith("Giá trị dưới 70 → 0 điểm | đầu vào: rate=69,99999")
    assert item(tables, "00102", "1.1")["explanation"].startswith("Giá trị trên 90 → 2 điểm | đầu vào: rate=90,00005")


# --- float noise from an XLSX numeric cell ---------------------------------------------------------


def xlsx_with_stored_numbers(path: Path, values: dict[str, str]) -> Path:
    """A workbook whose numeric cells hold exactly the stored text given (``<v>`` of the sheet XML),
    as Excel stores a formula's result: openpyxl would write the shortest repr of a float."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["commune_code", "criterion_id", "input", "value"])
    for i, commune in enumerate(values):
        ws.append([commune, "1.1", None, 1000 + i])  # placeholders, replaced below
    wb.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for i, stored in enumerate(values.values()):
        sheet, n = re.subn(rf"<v>{1000 + i}</v>", f"<v>{stored}</v>", sheet)
        assert n == 1
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def test_float_noise_from_an_xlsx_formula_reads_as_70(files: dict[str, Path]) -> None:
    path = xlsx_with_stored_numbers(
        files["dir"] / "scores.xlsx",
        {"00101": "70.000000000000014", "00102": "69.999999999999986", "00103": "69.9999999999999"},
    )
    leaves = resolve_leaves(load_criteria(files["criteria"]).criteria)
    intake = read_assessments([path], leaves)
    assert intake.findings.filter(pl.col("severity") == "error").height == 0
    nums = dict(intake.cells.select("commune_code", "num").iter_rows())
    # 15 significant digits: noise beyond them is dropped; 69.9999999999999 has 15 and is kept.
    assert nums == {"00101": 70 * 10**14, "00102": 70 * 10**14, "00103": 6999999999999990}
    code, _, tables = run_score(files, path)
    assert code == 0  # item 1.2 has no inputs: scored 0, not an error
    for commune in ("00101", "00102"):
        row = item(tables, commune, "1.1")
        assert row["branch"] == "tier:1"
        assert row["explanation"].startswith("Value from 70 to 90 → 1 point | inputs: rate=70")
        assert "rate=70.0" not in row["explanation"]  # shown as read, not as stored
    assert item(tables, "00103", "1.1")["branch"] == "tier:2"


# --- no input is changed without a finding -------------------------------------------------------

READ = Context(prec=15, rounding=ROUND_HALF_UP)


def reading_rule(text: str) -> Decimal:
    """The documented rule, with Python's decimal module as the oracle: 15 significant digits,
    half up."""
    return READ.plus(Decimal(text.replace(",", ".")))


number_texts = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**16), max_value=10**16, places=None),
    st.integers(0, 10**20).map(lambda n: Decimal(n).scaleb(-st_places(n))),
).map(lambda d: format(d, "f"))


def st_places(n: int) -> int:
    return n % 23


@given(number_texts)
def test_a_number_is_read_exactly_or_refused_with_a_reason(text: str) -> None:
    frame = pl.DataFrame({"t": [text]}).select(
        parse_exact(pl.col("t")).alias("exact"), number_problem(pl.col("t")).alias("problem")
    )
    exact, problem = frame.row(0)
    value = reading_rule(text)
    fits = abs(value) < 10**14 and value == value.quantize(Decimal("1e-14"), context=Context(prec=60))
    if fits:
        assert problem is None and exact == int(value.scaleb(14)), text
    else:
        assert exact is None and problem == ("range" if abs(value) >= 10**14 else "precision"), text
    if len(text.lstrip("-0").replace(".", "").strip("0")) <= 15 and fits:
        assert Decimal(exact).scaleb(-14) == Decimal(text), text  # nothing changed at all


def test_no_input_is_changed_without_a_finding(files: dict[str, Path]) -> None:
    """Every number cell is either used with the value as written (or as read at 15 significant
    digits) or refused with a finding naming its file, row and column."""
    texts = ["69.99999", "0.333333333333333", "100000000000000", "1e-15", "1,5e2", "12.000000000000001", "bốn"]
    path = files["dir"] / "cells.csv"
    # One cell per commune and input (repeats would be findings of their own), on rows 2 to 8.
    places = [(c, f) for f in ("done", "planned") for c in ("00101", "00102", "00103")] + [("00104", "done")]
    lines = ["commune_code,criterion_id,input,value"]
    lines += [f'{code},1.2,{field},"{text}"' for text, (code, field) in zip(texts, places[: len(texts)], strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    leaves = resolve_leaves(load_criteria(files["criteria"]).criteria)
    intake = read_assessments([path], leaves)
    used = {row: value for row, value in intake.cells.select("_row", "num").iter_rows()}
    found = {row: (kind, column) for row, kind, column in intake.findings.select("row", "kind", "column").iter_rows()}
    assert used == {2: 6999999 * 10**9, 6: 150 * 10**14, 7: 12 * 10**14}
    assert found == {
        3: ("number-too-precise", "value"),
        4: ("number-out-of-range", "value"),
        5: ("number-too-precise", "value"),
        8: ("bad-value", "value"),
    }
    assert set(used) | set(found) == set(range(2, 2 + len(texts)))
    assert set(intake.findings["file"].to_list()) == {str(path)}
    messages = dict(intake.findings.select("row", "message").iter_rows())
    assert messages[3] == (
        "0.333333333333333 has more than 14 decimals after reading it at 15 significant digits;"
        " it cannot be compared exactly and was not used"
    )
    assert messages[4] == "100000000000000 is too large: numbers are read below 10^14"


def test_a_self_score_finer_than_points_is_refused_not_rounded(files: dict[str, Path]) -> None:
    path = files["dir"] / "self.csv"
    path.write_text(
        'commune_code,criterion_id,input,value,self_score\n00101,1.1,,80,1.00005\n00102,1.1,,80,"1,5"\n',
        encoding="utf-8",
    )
    leaves = resolve_leaves(load_criteria(files["criteria"]).criteria)
    intake = read_assessments([path], leaves)
    assert dict(intake.meta.select("commune_code", "self_score").iter_rows()) == {"00102": 15000}
    (finding,) = intake.findings.iter_rows(named=True)
    assert (finding["kind"], finding["row"], finding["column"]) == ("number-too-precise", 2, "self_score")
    assert finding["message"] == "1.00005 has more than 4 decimals; points have at most 4"


def test_xlsx_numbers_are_read_as_stored_not_as_calamine_writes_them(tmp_path: Path) -> None:
    """calamine gives a number cell as text with at most 9 decimals; percent cells are x 100."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["value"])
    for value in (0.123456789012345, 69.99999, "007", "1.10", 1e-20, 45):
        ws.append([value])
    ws.append([0.699999999999])
    ws["A8"].number_format = "0.00%"
    ws.append([0.943])
    ws["A9"].number_format = "0.0%"
    wb.save(tmp_path / "n.xlsx")
    (sheet,) = read_tables([tmp_path / "n.xlsx"]).sheets
    assert sheet.frame["value"].to_list() == [
        "0.123456789012345",  # not 0.123456789
        "69.99999",
        "007",  # text cells keep their text
        "1.10",
        "1e-20",  # not 0: refused later as number-too-precise, never read as 0
        "45",
        "69.9999999999",  # 0.699999999999 shown as a percent; not 70
        "94.3",
    ]
