"""An appraisal file's columns that it is not read for are said, not dropped: the commune's own
self-score, evidence, explanation or N/A as ``not-appraisal-field``, any other filled column as
``unknown-column``; one finding per column, its rows applied as before."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_sweep8 import EXAMPLES, _score

from pari_index.cli import main
from pari_index.outputs.results import read_results

APPRAISAL = (EXAMPLES / "appraisal.csv").read_text(encoding="utf-8-sig")


def _with_columns(folder: Path, extra: dict[str, str]) -> Path:
    """The example appraisal file with ``extra`` columns, each filled in its first two rows."""
    rows = list(csv.reader(io.StringIO(APPRAISAL)))
    rows[0] += list(extra)
    for number, row in enumerate(rows[1:]):
        row += [value if number < 2 else "" for value in extra.values()]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path = folder / "appraisal.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _run(folder: Path, extra: dict[str, str], lang: str = "en") -> tuple[int, str, dict[str, list[object]]]:
    path = _with_columns(folder, extra)
    result = CliRunner().invoke(main, [*_score(folder, "--appraisal", str(path)), "--lang", lang])
    tables = read_results(folder / "out.xlsx")
    findings = tables["findings"].filter(tables["findings"]["file"] == str(path))
    return result.exit_code, result.output, {"kind": findings["kind"].to_list(), "column": findings["column"].to_list()}


def test_the_communes_own_fields_are_said_not_used(tmp_path: Path) -> None:
    code, output, found = _run(tmp_path, {"self_score": "9", "tệp minh chứng": "new.pdf", "tên đơn vị": "Xã A"})
    assert found["kind"].count("not-appraisal-field") == 2
    assert sorted(c for k, c in zip(found["kind"], found["column"], strict=True) if k == "not-appraisal-field") == [
        "self_score",
        "tệp minh chứng",
    ]
    assert "unknown-column" not in found["kind"]  # a commune's name is a column for people to read
    assert "[not-appraisal-field]" in output and "holds the commune's own self score" in output
    assert "2 filled cells (the first in row 2)" in output
    assert code == 1  # the values were not used: an error, as a survey file's own fields are


def test_any_other_filled_column_is_said_and_an_empty_one_is_not(tmp_path: Path) -> None:
    # (A «Ghi chú» column is a notes-column warning since session 31, as in the assessments.)
    _, output, found = _run(tmp_path, {"người kiểm tra": "Nguyễn Văn A", "trống": ""})
    assert list(zip(found["kind"], found["column"], strict=True)) == [("unknown-column", "người kiểm tra")]
    assert "column «người kiểm tra» is not one pari-index reads" in output


def test_the_rows_are_still_applied(tmp_path: Path) -> None:
    path = _with_columns(tmp_path, {"self_score": "9"})
    CliRunner().invoke(main, _score(tmp_path, "--appraisal", str(path)))
    rows = read_results(tmp_path / "out.xlsx")["rows"]
    mine = rows.filter(rows["file"] == str(path))
    assert mine.height == len(APPRAISAL.strip().splitlines()) - 1
    assert set(mine["status"].to_list()) == {"applied"}


@pytest.mark.parametrize("heading", ["self_score", "điểm tự chấm"])
def test_vietnamese_words(tmp_path: Path, heading: str) -> None:
    _, output, _ = _run(tmp_path, {heading: "9"}, lang="vi")
    assert f"cột «{heading}» ghi điểm tự đánh giá của chính xã" in output
