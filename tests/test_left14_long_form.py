"""A long-form assessments file without its criterion_id column is told that column is missing.

Without ``criterion_id`` a sheet was read as a wide form, so each of its long columns (``value``,
``input``, ``self_score`` …) was an "unknown column" and nothing said what was missing. Now a
sheet with the long form's own columns and no item of the set as a heading gets one
``missing-column`` naming criterion_id by its label and id (intake.forms._no_criterion_column).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_sweep8 import EXAMPLES
from test_hostile_values import _write_rows

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.intake.assessments import read_assessments

REGISTER = str(EXAMPLES / "communes.csv")


def _without_criterion(tmp_path: Path) -> Path:
    """The example long form with its criterion_id column cut out."""
    lines = (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig").splitlines()
    kept = [",".join(cell for i, cell in enumerate(line.split(",")) if i != 1) for line in lines]
    path = tmp_path / "long.csv"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def _score(path: Path, lang: str) -> tuple[int, str]:
    args = ["score", str(path), "--communes", REGISTER, "--no-survey", "-o", str(path.parent / "o.xlsx"), "-q"]
    result = CliRunner().invoke(main, [*args, "--lang", lang])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "long.csv row 1: no column criterion id (criterion_id); found commune_code, input, value, self_score"),
        (
            "vi",
            "long.csv hàng 1: thiếu cột mã tiêu chí (criterion_id); có các cột commune_code, input, value, self_score",
        ),
    ],
)
def test_a_long_csv_without_criterion_id_is_told_that_column_is_missing(tmp_path: Path, lang: str, said: str) -> None:
    code, output = _score(_without_criterion(tmp_path), lang)
    assert code == 1
    assert said in output, output
    assert output.count("[missing-column]") == 1
    hint = {
        "en": "add a column named criterion_id (or tiêu chí) holding each row's criterion",
        "vi": "thêm một cột tên criterion_id (hoặc tiêu chí) ghi tiêu chí của từng dòng",
    }[lang]
    assert hint in output
    assert "[unknown-column]" not in output
    assert not (tmp_path / "o.xlsx").exists()


def test_a_workbook_with_vietnamese_headings_names_them_as_written(tmp_path: Path) -> None:
    path = _write_rows(
        tmp_path / "long.xlsx",
        [["Mã xã", "Giá trị", "Điểm tự đánh giá"], ["00001", "04/06/2025", "1"]],
    )
    code, output = _score(path, "vi")
    assert code == 1
    assert "thiếu cột mã tiêu chí (criterion_id); có các cột Mã xã, Giá trị, Điểm tự đánh giá" in output, output
    assert "[unknown-column]" not in output


def test_the_library_reader_says_the_same(tmp_path: Path) -> None:
    criteria = load_criteria(EXAMPLES.parent / "criteria" / "ha-noi-2025-commune.yaml").criteria
    intake = read_assessments([_without_criterion(tmp_path)], compile_criteria(criteria).leaves)
    assert intake.cells.height == 0
    found = intake.findings.select("severity", "kind", "params").rows()
    assert found == [
        (
            "error",
            "missing-column",
            '{"columns": "criterion_id", "found": "commune_code, input, value, '
            'self_score, evidence_number, evidence_date, evidence_file, explanation, n/a"}',
        )
    ]


def test_a_wide_form_with_a_stray_value_column_stays_wide(tmp_path: Path) -> None:
    """An item of the set as a heading makes the sheet wide, whatever else it holds."""
    path = tmp_path / "wide.csv"
    path.write_text("commune_code,1.1.1,value\n00001,04/06/2025,x\n", encoding="utf-8")
    _code, output = _score(path, "en")
    assert "column «value» is not one pari-index reads; it was ignored [unknown-column]" in output, output
    assert "[missing-column]" not in output
