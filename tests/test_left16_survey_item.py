"""A survey file's row for an item the set scores by self-assessment is ``not-survey-item``.

The survey gives its part to the survey items only (docs/criteria.md; /work/shared/domain.md §2).
Survey files were read as more assessments: a survey row for item 1.1.1 met the commune's own
value of 1.1.1 as ``conflicting-values`` on both rows, and neither was used (the commune lost an
item it had answered for a mistake in another file); with the same value it was a "repeated row",
and for a commune that had not answered 1.1.1 it was scored as the commune's answer. Now the
survey's row is refused with a finding that says the item is not a survey item and lists the
survey items, and the commune's own value is used: unbatched, batched and from a cache alike.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_batches import BUNDLED

from pari_index.cli import main

EXAMPLES = Path(__file__).parents[1] / "examples"
ITEMS = "10.1.1, 10.1.2, 10.1.3, 10.1.4, 10.1.5, 10.2"


def _survey(tmp_path: Path) -> tuple[Path, int]:
    """The bundled survey with two rows of item 1.1.1: one for 00001, one for 00004 with a date
    that is not its own (its own is 18/02/2025). Returns the file and the first added row."""
    text = (EXAMPLES / "survey.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    path = tmp_path / "survey.csv"
    path.write_text(text.rstrip("\n") + "\n00001,1.1.1,,04/06/2025\n00004,1.1.1,,05/06/2025\n", encoding="utf-8")
    return path, len(rows) + 1


def _run(tmp_path: Path, survey: Path, name: str, *more: str) -> tuple[str, str, list[dict[str, str]]]:
    out = tmp_path / name
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--criteria", str(BUNDLED), "--survey", str(survey), "--format", "csv", "-o", str(out), *more]
    result = CliRunner().invoke(main, args)
    # Results written, exit 1: a row was refused (docs/errors.md).
    assert result.exit_code == 1, result.output
    findings = (out / "findings.csv").read_text(encoding="utf-8-sig")
    return result.output, findings, list(csv.DictReader(io.StringIO((out / "rows.csv").read_text("utf-8-sig"))))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_survey_row_of_a_self_assessed_item_is_not_a_survey_item(tmp_path: Path, lang: str) -> None:
    survey, first = _survey(tmp_path)
    output, findings, _ = _run(tmp_path, survey, "out", "--lang", lang)
    assert "conflicting-values" not in findings
    assert "duplicate-row" not in findings
    table = list(csv.DictReader(io.StringIO(findings)))
    keys = ("kind", "commune_code", "criterion_id", "row", "message")
    refused = [tuple(f[k] for k in keys) for f in table if f["file"] == str(survey)]
    if lang == "en":
        message = (
            "criterion 1.1.1 is not a survey item (the commune scores it in its self-assessment): a survey file"
            f" gives values of the survey items only ({ITEMS}); this value was not used"
        )
    else:
        message = (
            "tiêu chí 1.1.1 không phải là tiêu chí điều tra (xã tự chấm tiêu chí này trong bản tự đánh giá): tệp"
            f" điều tra chỉ cho giá trị của các tiêu chí điều tra ({ITEMS}); giá trị này không được dùng"
        )
    assert refused == [
        ("not-survey-item", "00001", "1.1.1", str(first), message),
        ("not-survey-item", "00004", "1.1.1", str(first + 1), message),
    ]
    assert f"{survey} " in output


def _points_of(tmp_path: Path, name: str) -> str:
    out = tmp_path / name
    return (out / "criteria.csv").read_text(encoding="utf-8-sig")


def test_the_communes_own_value_is_used_batched_unbatched_and_cached(tmp_path: Path) -> None:
    survey, _ = _survey(tmp_path)
    plain = _run(tmp_path, survey, "plain", "--lang", "en", "--batch-size", "0")
    batched = _run(tmp_path, survey, "batched", "--lang", "en", "--batch-size", "7")
    assert batched[1] == plain[1]
    assert _points_of(tmp_path, "batched") == _points_of(tmp_path, "plain")
    # The same file first given as assessments (its rows are then the commune's: a conflict),
    # then as the survey from the same cache: the cached intake of the first is not reused.
    cache = tmp_path / "cache"
    out = tmp_path / "as-assessment"
    args = ["score", str(EXAMPLES / "assessments_long.csv"), str(survey), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--criteria", str(BUNDLED), "--format", "csv", "--lang", "en", "--cache", str(cache), "-o", str(out)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 1, first.output
    assert "conflicting-values" in (out / "findings.csv").read_text(encoding="utf-8-sig")
    cached = _run(tmp_path, survey, "cached", "--lang", "en", "--cache", str(cache))
    assert cached[1] == plain[1]
    kept = [r for r in plain[2] if r["file"] == str(EXAMPLES / "assessments_long.csv") and r["row"] == "74"]
    assert [r["status"] for r in kept] == ["scored"]
