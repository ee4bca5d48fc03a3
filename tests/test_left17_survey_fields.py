"""A self-score, evidence or explanation given in a survey file is ``not-survey-field``.

A survey item gets its points from the survey's results alone (docs/criteria.md); a survey file's
self-score or evidence means nothing. They were used as the commune's own: a self-score in the
survey file was compared with the rules (self-score-differs), an evidence number shown as the
item's evidence; for an item of the commune's own, they met the commune's self-assessment as a
"repeated row" or a conflict. Now each filled field is refused at its file, row and column, in
both languages, and the commune's own self-assessment is used as it is: unbatched and batched
alike.
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


def _survey(tmp_path: Path) -> tuple[Path, int]:
    """The bundled survey with three columns of a self-assessment, filled on three added rows:
    two of a survey item (10.1.1 of 00001 and 00004, replacing theirs), one of item 1.1.1 (the
    commune's own self-score and evidence number). Returns the file and the first added row."""
    text = (EXAMPLES / "survey.csv").read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if not (r[0] in ("00001", "00004") and r[1] == "10.1.1")]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*header, "self_score", "evidence_number", "Ngày văn bản"])
    writer.writerows([*r, "", "", ""] for r in rows)
    writer.writerow(["00001", "10.1.1", "", "100", "2", "12/QĐ-UBND", ""])
    writer.writerow(["00004", "10.1.1", "", "90", "", "", "04/06/2025"])
    writer.writerow(["00001", "1.1.1", "", "", "1", "72/KH-UBND", ""])
    path = tmp_path / "survey.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path, len(rows) + 2


def _run(tmp_path: Path, survey: Path, name: str, *more: str) -> tuple[list[dict[str, str]], str, str]:
    out = tmp_path / name
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--criteria", str(BUNDLED), "--survey", str(survey), "--format", "csv", "-o", str(out), *more]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # written; fields refused
    findings = (out / "findings.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(findings))), findings, (out / "criteria.csv").read_text("utf-8-sig")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_each_self_assessment_field_of_a_survey_file_is_refused_at_its_place(tmp_path: Path, lang: str) -> None:
    survey, first = _survey(tmp_path)
    table, findings, _ = _run(tmp_path, survey, "out", "--lang", lang)
    assert "duplicate-row" not in findings and "conflicting-values" not in findings
    assert "self-score-differs" not in [f["kind"] for f in table if f["file"] == str(survey)]
    keys = ("kind", "commune_code", "criterion_id", "row", "column")
    refused = [tuple(f[k] for k in keys) for f in table if f["file"] == str(survey)]
    # (in the order of the checks: an item that is not the survey's first; columns as headed)
    assert refused == [
        ("not-survey-item", "00001", "1.1.1", str(first + 2), "self_score"),
        ("not-survey-item", "00001", "1.1.1", str(first + 2), "evidence_number"),
        ("not-survey-field", "00001", "10.1.1", str(first), "self_score"),
        ("not-survey-field", "00001", "10.1.1", str(first), "evidence_number"),
        ("not-survey-field", "00004", "10.1.1", str(first + 1), "Ngày văn bản"),
    ]
    messages = {f["column"]: f["message"] for f in table if f["kind"] == "not-survey-field"}
    if lang == "en":
        assert messages["self_score"] == (
            "a self-score in a survey file: the survey item 10.1.1 gets its points from the survey's results alone,"
            " never from a self-score or evidence; this value was not used"
        )
        assert messages["Ngày văn bản"].startswith("an evidence date in a survey file: the survey item 10.1.1")
    else:
        assert messages["self_score"] == (
            "điểm tự đánh giá trong tệp điều tra: tiêu chí điều tra 10.1.1 chỉ lấy điểm từ kết quả điều tra, không"
            " từ điểm tự đánh giá hay minh chứng; giá trị này không được dùng"
        )
        assert messages["evidence_number"].startswith("số văn bản minh chứng trong tệp điều tra")
        hints = {f["hint"] for f in table if f["kind"] == "not-survey-field"}
        hint = "xoá cột này khỏi tệp điều tra; điểm tự đánh giá và minh chứng của xã ghi trong bản tự đánh giá"
        assert hints == {hint}


def test_the_values_are_scored_the_fields_are_not_batched_or_not(tmp_path: Path) -> None:
    survey, first = _survey(tmp_path)
    plain = _run(tmp_path, survey, "plain", "--lang", "en", "--batch-size", "0")
    batched = _run(tmp_path, survey, "batched", "--lang", "en", "--batch-size", "7")
    assert batched[1] == plain[1] and batched[2] == plain[2]
    items = {(r["commune_code"], r["criterion_id"]): r for r in csv.DictReader(io.StringIO(plain[2]))}
    # The survey's value scored; no self-score or evidence number taken from the survey file.
    assert items[("00001", "10.1.1")]["computed_score"] != ""
    survey_item, own_item = items[("00001", "10.1.1")], items[("00001", "1.1.1")]
    assert (survey_item["self_score"], survey_item["evidence_number"]) == ("", "")
    # The commune's own 1.1.1, from its self-assessment (72/KH-UBND, self-score 1), untouched.
    assert (own_item["self_score"], own_item["evidence_number"]) == ("1.0", "72/KH-UBND")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "plain" / "rows.csv").read_text("utf-8-sig"))))
    status = {r["row"]: r["status"] for r in rows if r["file"] == str(survey)}
    assert (status[str(first)], status[str(first + 1)], status[str(first + 2)]) == ("partial", "partial", "rejected")
