"""A control character in a commune code, criterion id or input name is found in the column it is
in, as the sheet heads it.

The ``control-character`` finding named the cell's value column («value», «Giá trị», or a wide
sheet's item column) for a character in the commune code: the place a clerk looks for it was
wrong. Now it names the code's column («Mã xã»), the criterion id's («Tiêu chí») or the input's
(«Đầu vào») as the sheet writes it; the same read by batch.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from test_batches import BUNDLED

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.intake.assessments import read_assessments

EXAMPLES = Path(__file__).parents[1] / "examples"
ZW = "\u200b"

LONG = (
    "Mã xã,Tiêu chí,Đầu vào,Giá trị\n"
    f"00001{ZW},1.1.1,,04/06/2025\n"
    f"00004,1.1.1{ZW},,04/06/2025\n"
    f"00007,1.1.2,tasks{ZW},có\n"
    "00010,1.1.1,,04/06/2025\n"
)
WIDE = f"Mã xã,1.1.1\n00001{ZW},04/06/2025\n00004,04/06/2025\n"


def _found(path: Path) -> list[tuple[int, str, str]]:
    leaves = compile_criteria(load_criteria(BUNDLED).criteria, None).leaves
    findings = read_assessments([path], leaves, None).findings
    wrong = findings.filter(pl.col("kind") == "control-character")
    return wrong.select("row", "column", "message").rows()


def test_long_form_names_the_column_of_the_character(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(LONG, encoding="utf-8")
    assert _found(path) == [
        (2, "Mã xã", "commune code 00001<U+200B> holds a control, bidi or invisible character (shown as <U+…>)"),
        (3, "Tiêu chí", "criterion id 1.1.1<U+200B> holds a control, bidi or invisible character (shown as <U+…>)"),
    ]
    # An input name is matched as headings are since session 35 (decoding35's input_name_key:
    # what is not a letter or digit separates), so «tasks<U+200B>» is the input «tasks» it shows,
    # as an answer «có<U+200B>» is «có» (sweep 19): its row is read, not refused.
    leaves = compile_criteria(load_criteria(BUNDLED).criteria, None).leaves
    cells = read_assessments([path], leaves, None).cells
    assert cells.filter(pl.col("commune_code") == "00007").select("field").to_series().to_list() == ["tasks"]


@pytest.mark.parametrize("heading", ["Mã xã", "commune_code"])
def test_wide_form_names_the_code_column(tmp_path: Path, heading: str) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(WIDE.replace("Mã xã", heading), encoding="utf-8")
    assert [(row, column) for row, column, _ in _found(path)] == [(2, heading)]


def test_batched_and_unbatched_runs_name_the_same_column(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(LONG, encoding="utf-8")
    columns = {}
    for size in ("0", "2"):
        out = tmp_path / f"out{size}"
        args = ["score", str(path), "--communes", str(EXAMPLES / "communes.csv"), "--criteria", str(BUNDLED)]
        args += ["--no-survey", "--allow-incomplete", "--format", "csv", "--batch-size", size, "-o", str(out)]
        done = CliRunner().invoke(main, [*args, "--lang", "en"])
        assert done.exit_code == 1, done.output
        findings = pl.read_csv(out / "findings.csv", infer_schema=False)
        columns[size] = findings.filter(pl.col("kind") == "control-character").select("row", "column").rows()
    assert columns["0"] == columns["2"] == [("2", "Mã xã"), ("3", "Tiêu chí")]
