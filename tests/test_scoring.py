"""End to end at library level: five communes on tests/data/all_kinds.yaml, every number by hand.

Points are Int64 units of 1/10,000 point (``pts("3.67") == 36_700``) and the index is in units of
1/10,000 % (``pts("87.36")`` is 87.36 %). The register has a ward, a commune, a township, a
special zone and a second ward; item 2.3 applies to wards only (``not_applicable: exclude``), so
the three non-ward units are scored out of 22 instead of 25.

Worked example, per commune (leaf: inputs -> points, branch):

00101 Phường Một (ward), max 20 + 5 = 25
  1.1.1 signed 2024-01-31 (the deadline day) -> 1 on_time, evidence number and date present
  1.1.2 có/có/có -> 0.3 checked:3/3 (self-score 0.3 agrees)
  1.1.3 19/20 = 95 % > 90 -> 2 tier:0
  1.1.4 đúng hạn -> 1.7 on_time
  1.2.1 4 meetings -> 2 tier:0
  1.2.2 label "Chủ tịch hoặc Bí thư" -> fraction 1 -> 1 level:chairman
  1.2.3 có -> 1 yes
  1.2.4 flagged N/A, policy full_points -> 1 na_full_points
  2.1   241/263 x 4 = 3.6654... -> 3.67 ratio
  2.2   0 violations -> start 0.5 no_deduction
  2.3   55,5 % x 3 = 1.665 -> 1.67 (half up) ratio
  3.1   92,5 % -> 5 tier:0
  4.1   3 initiatives x 1, capped at 2 -> +2 bonus; 4.2 1 breach -> -1 penalty
  area 1 = 1 + 0.3 + 2 + 1.7 + 2 + 1 + 1 + 1 = 10; area 2 = 3.67 + 0.5 + 1.67 = 5.84
  appraised 15.84, survey 5, adjustment +1, total 21.84, index 21.84 / 25 = 87.36 %

00102 Xã Hai (commune), max 17 + 5 = 22 (2.3 excluded)
  1.1.1 15/02/2024: after 31/01, before late_until 31/03 -> 0.5 late; self-score 1 -> finding
        self-score-differs with size +0.5
  1.1.2 có/không/(empty) -> 0.1 checked:1/3
  1.1.3 18/20 = exactly 90 %, not "above 90" -> 1 tier:1
  1.1.4 trễ hạn -> 0.85 late
  1.2.1 3 meetings -> 1.5 tier:1
  1.2.2 deputy -> half of 1 -> 0.5 level:deputy
  1.2.3 không -> 0 no
  1.2.4 có -> 1 yes
  2.1   50/100 x 4 -> 2 ratio
  2.2   6 violations: 0.5 - 6 x 0.25 = -1, floor -0.5 -> -0.5 deducted
  3.1   85 % -> 4 tier:1
  4.1   0 -> 0 none; 4.2 3 breaches x 1 capped at 2 -> -2 penalty
  area 1 = 0.5 + 0.1 + 1 + 0.85 + 1.5 + 0.5 + 0 + 1 = 5.45; area 2 = 2 - 0.5 = 1.5
  appraised 6.95, survey 4, adjustment -2, total 8.95, index 8.95 / 22 = 40.6818... -> 40.68 %

00103 Thị trấn Ba (township), max 22
  1.1.1 01/04/2024: after late_until -> 0 after_late_until
  1.1.2 không x 3 -> 0 checked:0/3
  1.1.3 13/20 = 65 % -> 0 tier:2; the council corrects done to 15: 75 % -> 1 tier:1 (appraised)
  1.1.4 không thực hiện -> 0 not_done
  1.2.1 0 meetings -> 0 below_tiers
  1.2.2 "Không thành lập" -> 0 level:none
  1.2.3 có -> 1 yes (self-score 1 agrees); the council overrides the score to 0 (appraised)
  1.2.4 không -> 0 no
  2.1   263/264 x 4 = 3.9848... -> 3.98 ratio
  2.2   2 violations: 0.5 - 0.5 -> 0 deducted
  3.1   60 % -> 2 tier:2
  4.x   nothing reported -> 0 none
  area 1 = 1 (1.1.3 as appraised), area 2 = 3.98
  appraised 4.98, survey 2, adjustment 0, total 6.98, index 6.98 / 22 = 31.727... -> 31.73 %

00104 Đặc khu Bốn (special zone), max 22
  1.1.1 Excel serial 45311 = 20/01/2024 -> 1 on_time, but no evidence number or date, only an
        explanation -> "explained" scores 0; the council accepts it -> "accepted", 1 point
  1.1.2 có/có/không -> 0.2 checked:2/3
  1.1.3 0/0 -> 0 no_denominator
  1.1.4 late -> 0.85 late
  1.2.1 6 meetings -> 2 tier:0
  1.2.2 label "Phó Chủ tịch" -> 0.5 level:deputy
  1.2.3 x -> 1 yes
  1.2.4 flagged N/A -> 1 na_full_points
  2.1   120/100, clamped to 1 -> 4 ratio_full
  2.2   1 violation -> 0.25 deducted
  3.1   49,9 % -> 0 tier:3
  4.1   1 -> +1 bonus; 4.2 0 -> 0 none
  area 1 = 1 + 0.2 + 0 + 0.85 + 2 + 0.5 + 1 + 1 = 6.55; area 2 = 4 + 0.25 = 4.25
  appraised 10.8, survey 0, adjustment +1, total 11.8, index 11.8 / 22 = 53.636... -> 53.64 %

00105 Phường Năm (ward), max 25, almost nothing sent, no survey result
  1.1.1 10/01/2024 -> 1 on_time, no evidence and no explanation -> missing -> 0 evidence_missing
  1.2.3 có -> 1; 2.3 100 % -> 3 ratio_full; 3.1 no survey -> 0 no_survey
  8 appraised items with no input at all -> 0 not_assessed
  appraised 4, survey 0, total 4, index 4 / 25 = 16 %
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from pari_index.criteria.loading import load_criteria_text
from pari_index.scoring.run import ScoreResult, score

DATA = Path(__file__).parent / "data"
CRITERIA = DATA / "all_kinds.yaml"


def pts(text: str) -> int:
    """Points (or %) written as a decimal, in units of 1/10,000."""
    return int(Decimal(text) * 10_000)


REGISTER = """\
code,name,type,district,province
00101,Phường Một,phường,Quận A,Tỉnh Thử Nghiệm
00102,Xã Hai,xã,Huyện B,Tỉnh Thử Nghiệm
00103,Thị trấn Ba,thị trấn,Huyện B,Tỉnh Thử Nghiệm
00104,Đặc khu Bốn,đặc khu,Đặc khu Bốn,Tỉnh Thử Nghiệm
00105,Phường Năm,phường,Quận A,Tỉnh Thử Nghiệm
"""

LONG = """\
commune_code,criterion_id,input,value,self_score,evidence_number,evidence_date,explanation,n/a
00101,1.1.1,,2024-01-31,1,01/KH-UBND,31/01/2024,,
00101,1.1.2,tasks,có,,,,,
00101,1.1.2,budget,có,,,,,
00101,1.1.2,outputs,có,"0,3",,,,
00101,1.1.3,done,19,,,,,
00101,1.1.3,planned,20,,,,,
00101,1.1.4,,đúng hạn,,,,,
00101,1.2.1,,4,,,,,
00101,1.2.2,,Chủ tịch hoặc Bí thư,,,,,
00101,1.2.3,,có,,,,,
00101,1.2.4,,,,,,,có
00101,2.1,on_time,241,,,,,
00101,2.1,received,263,,,,,
00101,2.2,,0,,,,,
00101,2.3,,"55,5",,,,,
00101,4.1,,3,,,,,
00101,4.2,,1,,,,,
00102,1.1.1,,15/02/2024,1,05/KH-UBND,15/02/2024,,
00102,1.1.2,tasks,có,,,,,
00102,1.1.2,budget,không,,,,,
00102,1.1.3,done,18,,,,,
00102,1.1.3,planned,20,,,,,
00102,1.1.4,,trễ hạn,,,,,
00102,1.2.1,,3,,,,,
00102,1.2.2,,deputy,,,,,
00102,1.2.3,,không,,,,,
00102,1.2.4,,có,,,,,
00102,2.1,on_time,50,,,,,
00102,2.1,received,100,,,,,
00102,2.2,,6,,,,,
00102,4.1,,0,,,,,
00102,4.2,,3,,,,,
00103,1.1.1,,01/04/2024,,07/KH-UBND,01/04/2024,,
00103,1.1.2,tasks,không,,,,,
00103,1.1.2,budget,không,,,,,
00103,1.1.2,outputs,không,,,,,
00103,1.1.3,done,13,,,,,
00103,1.1.3,planned,20,,,,,
00103,1.1.4,,không thực hiện,,,,,
00103,1.2.1,,0,,,,,
00103,1.2.2,,Không thành lập,,,,,
00103,1.2.3,,có,1,,,,
00103,1.2.4,,không,,,,,
00103,2.1,on_time,263,,,,,
00103,2.1,received,264,,,,,
00103,2.2,,2,,,,,
00104,1.1.1,,45311,,,,Bản ký số bị lỗi - đã nộp bản giấy,
00104,1.1.2,tasks,có,,,,,
00104,1.1.2,budget,có,,,,,
00104,1.1.2,outputs,không,,,,,
00104,1.1.3,done,0,,,,,
00104,1.1.3,planned,0,,,,,
00104,1.1.4,,late,,,,,
00104,1.2.1,,6,,,,,
00104,1.2.2,,Phó Chủ tịch,,,,,
00104,1.2.3,,x,,,,,
00104,1.2.4,,,,,,,có
00104,2.1,on_time,120,,,,,
00104,2.1,received,100,,,,,
00104,2.2,,1,,,,,
00104,4.1,,1,,,,,
00104,4.2,,0,,,,,
00105,1.1.1,,10/01/2024,,,,,
00105,1.2.3,,có,1,,,,
00105,2.3,,100,,,,,
"""

SURVEY = """\
commune_code,criterion_id,value
00101,3.1,"92,5"
00102,3.1,85
00103,3.1,60
00104,3.1,"49,9"
"""

APPRAISAL = """\
commune_code,criterion_id,input,value,score,evidence_accepted,reason,appraiser
00103,1.1.3,done,15,,,Biên bản kiểm tra: hoàn thành 15 nhiệm vụ,Nguyễn Văn A
00103,1.2.3,,,0,,Quy chế chưa được ban hành,Trần Thị B
00104,1.1.1,,,,có,Giải trình hợp lý,Nguyễn Văn A
"""

# commune -> criterion -> (computed, appraised or None, final or None, status, branch, evidence)
Expected = tuple[int | None, int | None, int | None, str, str, str]
OK, NR = "ok", "not_required"
EXPECTED: dict[str, dict[str, Expected]] = {
    "00101": {
        "1.1.1": (pts("1"), None, pts("1"), OK, "on_time", "present"),
        "1.1.2": (pts("0.3"), None, pts("0.3"), OK, "checked:3/3", NR),
        "1.1.3": (pts("2"), None, pts("2"), OK, "tier:0", NR),
        "1.1.4": (pts("1.7"), None, pts("1.7"), OK, "on_time", NR),
        "1.2.1": (pts("2"), None, pts("2"), OK, "tier:0", NR),
        "1.2.2": (pts("1"), None, pts("1"), OK, "level:chairman", NR),
        "1.2.3": (pts("1"), None, pts("1"), OK, "yes", NR),
        "1.2.4": (pts("1"), None, pts("1"), OK, "na_full_points", NR),
        "2.1": (pts("3.67"), None, pts("3.67"), OK, "ratio", NR),
        "2.2": (pts("0.5"), None, pts("0.5"), OK, "no_deduction", NR),
        "2.3": (pts("1.67"), None, pts("1.67"), OK, "ratio", NR),
        "3.1": (pts("5"), None, pts("5"), OK, "tier:0", NR),
        "4.1": (pts("2"), None, pts("2"), OK, "bonus", NR),
        "4.2": (pts("-1"), None, pts("-1"), OK, "penalty", NR),
    },
    "00102": {
        "1.1.1": (pts("0.5"), None, pts("0.5"), "self_score_differs", "late", "present"),
        "1.1.2": (pts("0.1"), None, pts("0.1"), OK, "checked:1/3", NR),
        "1.1.3": (pts("1"), None, pts("1"), OK, "tier:1", NR),
        "1.1.4": (pts("0.85"), None, pts("0.85"), OK, "late", NR),
        "1.2.1": (pts("1.5"), None, pts("1.5"), OK, "tier:1", NR),
        "1.2.2": (pts("0.5"), None, pts("0.5"), OK, "level:deputy", NR),
        "1.2.3": (pts("0"), None, pts("0"), OK, "no", NR),
        "1.2.4": (pts("1"), None, pts("1"), OK, "yes", NR),
        "2.1": (pts("2"), None, pts("2"), OK, "ratio", NR),
        "2.2": (pts("-0.5"), None, pts("-0.5"), OK, "deducted", NR),
        "2.3": (None, None, None, "excluded", "na_excluded", NR),
        "3.1": (pts("4"), None, pts("4"), OK, "tier:1", NR),
        "4.1": (pts("0"), None, pts("0"), OK, "none", NR),
        "4.2": (pts("-2"), None, pts("-2"), OK, "penalty", NR),
    },
    "00103": {
        "1.1.1": (pts("0"), None, pts("0"), OK, "after_late_until", "present"),
        "1.1.2": (pts("0"), None, pts("0"), OK, "checked:0/3", NR),
        "1.1.3": (pts("0"), pts("1"), pts("1"), "appraised", "tier:1", NR),
        "1.1.4": (pts("0"), None, pts("0"), OK, "not_done", NR),
        "1.2.1": (pts("0"), None, pts("0"), OK, "below_tiers", NR),
        "1.2.2": (pts("0"), None, pts("0"), OK, "level:none", NR),
        "1.2.3": (pts("1"), pts("0"), pts("0"), "appraised", "yes", NR),
        "1.2.4": (pts("0"), None, pts("0"), OK, "no", NR),
        "2.1": (pts("3.98"), None, pts("3.98"), OK, "ratio", NR),
        "2.2": (pts("0"), None, pts("0"), OK, "deducted", NR),
        "2.3": (None, None, None, "excluded", "na_excluded", NR),
        "3.1": (pts("2"), None, pts("2"), OK, "tier:2", NR),
        "4.1": (pts("0"), None, pts("0"), OK, "none", NR),
        "4.2": (pts("0"), None, pts("0"), OK, "none", NR),
    },
    "00104": {
        "1.1.1": (pts("1"), None, pts("1"), OK, "on_time", "accepted"),
        "1.1.2": (pts("0.2"), None, pts("0.2"), OK, "checked:2/3", NR),
        "1.1.3": (pts("0"), None, pts("0"), OK, "no_denominator", NR),
        "1.1.4": (pts("0.85"), None, pts("0.85"), OK, "late", NR),
        "1.2.1": (pts("2"), None, pts("2"), OK, "tier:0", NR),
        "1.2.2": (pts("0.5"), None, pts("0.5"), OK, "level:deputy", NR),
        "1.2.3": (pts("1"), None, pts("1"), OK, "yes", NR),
        "1.2.4": (pts("1"), None, pts("1"), OK, "na_full_points", NR),
        "2.1": (pts("4"), None, pts("4"), OK, "ratio_full", NR),
        "2.2": (pts("0.25"), None, pts("0.25"), OK, "deducted", NR),
        "2.3": (None, None, None, "excluded", "na_excluded", NR),
        "3.1": (pts("0"), None, pts("0"), OK, "tier:3", NR),
        "4.1": (pts("1"), None, pts("1"), OK, "bonus", NR),
        "4.2": (pts("0"), None, pts("0"), OK, "none", NR),
    },
    "00105": {
        "1.1.1": (pts("1"), None, pts("0"), "evidence_missing", "on_time", "missing"),
        "1.1.2": (pts("0"), None, pts("0"), "not_assessed", "checked:0/3", NR),
        "1.1.3": (pts("0"), None, pts("0"), "not_assessed", "missing", NR),
        "1.1.4": (pts("0"), None, pts("0"), "not_assessed", "missing", NR),
        "1.2.1": (pts("0"), None, pts("0"), "not_assessed", "missing", NR),
        "1.2.2": (pts("0"), None, pts("0"), "not_assessed", "missing", NR),
        "1.2.3": (pts("1"), None, pts("1"), OK, "yes", NR),
        "1.2.4": (pts("0"), None, pts("0"), "not_assessed", "missing", NR),
        "2.1": (pts("0"), None, pts("0"), "not_assessed", "missing", NR),
        "2.2": (pts("0"), None, pts("0"), "not_assessed", "missing", NR),
        "2.3": (pts("3"), None, pts("3"), OK, "ratio_full", NR),
        "3.1": (pts("0"), None, pts("0"), "no_survey", "missing", NR),
        "4.1": (pts("0"), None, pts("0"), OK, "none", NR),
        "4.2": (pts("0"), None, pts("0"), OK, "none", NR),
    },
}

SELF_SCORES = {("00101", "1.1.1"): pts("1"), ("00101", "1.1.2"): pts("0.3"), ("00102", "1.1.1"): pts("1")}
SELF_SCORES |= {("00103", "1.2.3"): pts("1"), ("00105", "1.2.3"): pts("1")}

# commune -> appraised, survey, adjustment, total, applicable max, index, area 1, area 2, area 3
EXPECTED_TOTALS: dict[str, tuple[str, ...]] = {
    "00101": ("15.84", "5", "1", "21.84", "25", "87.36", "10", "5.84", "5"),
    "00102": ("6.95", "4", "-2", "8.95", "22", "40.68", "5.45", "1.5", "4"),
    "00103": ("4.98", "2", "0", "6.98", "22", "31.73", "1", "3.98", "2"),
    "00104": ("10.8", "0", "1", "11.8", "22", "53.64", "6.55", "4.25", "0"),
    "00105": ("4", "0", "0", "4", "25", "16", "1", "3", "0"),
}
TOTAL_COLUMNS = (
    "appraised_points",
    "survey_points",
    "adjustment_points",
    "total_points",
    "applicable_max",
    "index",
    "area_1",
    "area_2",
    "area_3",
)


def write_example(folder: Path) -> dict[str, Path]:
    files = {"communes": REGISTER, "long": LONG, "survey": SURVEY, "appraisal": APPRAISAL}
    paths: dict[str, Path] = {}
    for name, text in files.items():
        paths[name] = folder / f"{name}.csv"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def score_example(paths: dict[str, Path], *, appraisal: bool = True) -> ScoreResult:
    return score(
        [paths["long"]],
        CRITERIA,
        communes=paths["communes"],
        appraisal=paths["appraisal"] if appraisal else None,
        survey=[paths["survey"]],
    )


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], ScoreResult]:
    paths = write_example(tmp_path_factory.mktemp("example"))
    return paths, score_example(paths)


def test_every_item_by_hand(example: tuple[dict[str, Path], ScoreResult]) -> None:
    _, result = example
    got = {
        (r["commune_code"], r["criterion_id"]): r
        for r in result.details.iter_rows(named=True)  # one row per commune and leaf
    }
    for commune, items in EXPECTED.items():
        for item, (computed, appraised, final, status, branch, evidence) in items.items():
            row = got[(commune, item)]
            where = f"{commune} {item}"
            assert row["computed_score"] == computed, where
            assert row["appraised_score"] == appraised, where
            assert row["final_score"] == final, where
            assert row["status"] == status, where
            assert row["branch"] == branch, where
            assert row["evidence_status"] == evidence, where
            assert row["self_score"] == SELF_SCORES.get((commune, item)), where


def test_counted_maximum_leaves_out_excluded_items(example: tuple[dict[str, Path], ScoreResult]) -> None:
    _, result = example
    counted = result.details.group_by("commune_code").agg(
        pl.col("counted_max").filter(pl.col("part") != "adjustment").sum()
    )
    assert dict(counted.iter_rows()) == {
        "00101": pts("25"),
        "00102": pts("22"),
        "00103": pts("22"),
        "00104": pts("22"),
        "00105": pts("25"),
    }


def test_totals_and_index_by_hand(example: tuple[dict[str, Path], ScoreResult]) -> None:
    _, result = example
    totals = {r["commune_code"]: r for r in result.totals.iter_rows(named=True)}
    assert sorted(totals) == sorted(EXPECTED_TOTALS)
    for commune, expected in EXPECTED_TOTALS.items():
        for column, value in zip(TOTAL_COLUMNS, expected, strict=True):
            assert totals[commune][column] == pts(value), f"{commune} {column}"
    assert totals["00105"]["items_not_assessed"] == 8
    assert totals["00105"]["survey_given"] is False
    assert [totals[c]["unit_type"] for c in sorted(totals)] == ["ward", "commune", "township", "special_zone", "ward"]


def test_findings_self_score_appraisal_and_evidence(example: tuple[dict[str, Path], ScoreResult]) -> None:
    _, result = example
    f = result.findings
    differs = f.filter(pl.col("kind") == "self-score-differs")
    assert differs.select("commune_code", "criterion_id", "severity", "size").rows() == [
        ("00102", "1.1.1", "warning", 0.5)
    ]
    assert "self-score 1.0" in differs["message"][0] and "0.5" in differs["message"][0]
    corrections = f.filter(pl.col("kind") == "appraisal-correction").sort("criterion_id")
    assert corrections.select("commune_code", "criterion_id", "size").rows() == [
        ("00103", "1.1.3", 1.0),
        ("00103", "1.2.3", -1.0),
    ]
    assert "Quy chế chưa được ban hành" in corrections["message"][1]
    evidence = f.filter(pl.col("kind").str.starts_with("evidence-"))
    assert evidence.select("kind", "commune_code", "criterion_id").rows() == [("evidence-missing", "00105", "1.1.1")]
    not_assessed = f.filter(pl.col("kind") == "not-assessed")
    assert not_assessed["commune_code"].to_list() == ["00105"]
    assert not_assessed["message"][0].startswith("8 item(s)")
    # Nothing in the example is rejected.
    assert f.filter(pl.col("severity") == "error").height == 0


def test_explanations_name_input_branch_evidence_and_reason(example: tuple[dict[str, Path], ScoreResult]) -> None:
    _, result = example
    text = {(r["commune_code"], r["criterion_id"]): r["explanation"] for r in result.details.iter_rows(named=True)}
    assert "Tỷ lệ" in text[("00102", "1.1.3")] and "done=18" in text[("00102", "1.1.3")]
    assert "Tỷ lệ từ 70 đến 90 %" in text[("00103", "1.1.3")]
    assert "done=15" in text[("00103", "1.1.3")]  # the corrected input
    assert "Biên bản kiểm tra" in text[("00103", "1.1.3")]
    assert "giải trình được chấp nhận" in text[("00104", "1.1.1")]
    assert "Giải trình hợp lý" in text[("00104", "1.1.1")]
    assert "thiếu minh chứng" in text[("00105", "1.1.1")]
    assert "Phó Chủ tịch" in text[("00104", "1.2.2")]


def test_accepted_explanation_turns_zero_into_points(tmp_path: Path) -> None:
    """Without the council's decision the explained item scores 0; with it, its points."""
    paths = write_example(tmp_path)
    before = score_example(paths, appraisal=False)
    row = before.details.filter((pl.col("commune_code") == "00104") & (pl.col("criterion_id") == "1.1.1")).row(
        0, named=True
    )
    assert (row["computed_score"], row["final_score"]) == (pts("1"), 0)
    assert (row["status"], row["evidence_status"]) == ("evidence_missing", "explained")
    assert row["explanation"] is not None and "chờ Hội đồng" in row["explanation"]
    totals = before.totals.filter(pl.col("commune_code") == "00104").row(0, named=True)
    # 11.8 - 1 = 10.8; 10.8 / 22 = 49.0909... -> 49.09 %
    assert (totals["total_points"], totals["index"]) == (pts("10.8"), pts("49.09"))
    # Without the corrections, 00103 keeps 1.1.3 at 0 and 1.2.3 at 1: 4.98 - 1 + 1 = 4.98.
    t3 = before.totals.filter(pl.col("commune_code") == "00103").row(0, named=True)
    assert t3["appraised_points"] == pts("4.98")


def test_details_cover_register_times_leaves(example: tuple[dict[str, Path], ScoreResult]) -> None:
    _, result = example
    leaves = [leaf.id for leaf in result.leaves]
    assert len(leaves) == 14
    assert result.details.height == 5 * 14
    assert result.details.select("commune_code", "criterion_id").n_unique() == 5 * 14
    assert result.details["status"].null_count() == 0
    assert set(result.details["commune_code"]) == set(result.register.codes)


def count_data_rows(path: Path) -> int:
    """Data rows of a CSV written by these tests: non-blank lines after the header."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines[1:] if line.strip(", "))


def test_every_input_row_is_accounted_for(example: tuple[dict[str, Path], ScoreResult]) -> None:
    paths, result = example
    expected = sum(count_data_rows(paths[name]) for name in ("long", "survey", "appraisal", "communes"))
    assert expected == 65 + 4 + 3 + 5
    assert result.ledger.height == expected
    assert set(result.ledger["status"]) == {"scored", "applied", "registered"}
    per_file = dict(result.ledger.group_by("file").len().iter_rows())
    assert per_file == {
        str(paths["long"]): 65,
        str(paths["survey"]): 4,
        str(paths["appraisal"]): 3,
        str(paths["communes"]): 5,
    }


BAD_LONG = """\
commune_code,criterion_id,input,value,self_score
00101,1.2.3,,có,
00101,1.1.3,done,abc,
00101,9.9,,1,
00999,1.2.3,,có,
00102,1.2.3,,có,
00102,1.2.3,,không,
00103,1.2.3,,có,
00103,1.2.3,,có,
00104,,,,
00104,1.1.2,colour,có,
00105,1.1.3,,12,
00105,1.2.1,,-3,
00105,1.2.2,,Trưởng thôn,
"""

BAD_APPRAISAL = """\
commune_code,criterion_id,input,value,score,evidence_accepted,reason
00101,1.2.3,,,0,,Không có quy chế
00101,1.2.3,,,,,
00101,7.7,,,1,,Sai mã
00101,1.1.3,done,nhiều,,,Đếm lại
00101,2.1,,,hai,,Sai điểm
00999,1.2.3,,,0,,Mã xã sai
00101,1.1.1,,,,có lẽ,Xem lại
"""


def test_rejected_rows_are_in_the_ledger_with_reasons(tmp_path: Path) -> None:
    paths = write_example(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_LONG, encoding="utf-8")
    appraisal = tmp_path / "bad_appraisal.csv"
    appraisal.write_text(BAD_APPRAISAL, encoding="utf-8")
    result = score([bad], CRITERIA, communes=paths["communes"], appraisal=appraisal, no_survey=True)
    ledger = result.ledger.filter(pl.col("input") != "register")  # the register rows are counted elsewhere
    assert ledger.height == count_data_rows(bad) + count_data_rows(appraisal) == 13 + 7
    assert set(ledger["status"]) <= {"scored", "rejected", "empty", "applied"}
    assert ledger.select("file", "row").n_unique() == ledger.height  # each source row once
    status = {(Path(r["file"]).name, r["row"]): r["status"] for r in ledger.iter_rows(named=True)}
    assert status == {
        ("bad.csv", 2): "scored",
        ("bad.csv", 3): "rejected",  # abc is not a whole number
        ("bad.csv", 4): "rejected",  # unknown criterion
        ("bad.csv", 5): "rejected",  # commune not in the register
        ("bad.csv", 6): "rejected",  # conflicting duplicate
        ("bad.csv", 7): "rejected",
        ("bad.csv", 8): "scored",  # identical duplicate: counted once
        ("bad.csv", 9): "scored",
        ("bad.csv", 10): "empty",  # only a commune code
        ("bad.csv", 11): "rejected",  # unknown input
        ("bad.csv", 12): "rejected",  # no input name on a two-input criterion
        ("bad.csv", 13): "rejected",  # negative count
        ("bad.csv", 14): "rejected",  # unknown level
        ("bad_appraisal.csv", 2): "applied",
        ("bad_appraisal.csv", 3): "rejected",  # no reason
        ("bad_appraisal.csv", 4): "rejected",  # unknown criterion
        ("bad_appraisal.csv", 5): "rejected",  # corrected value not a number
        ("bad_appraisal.csv", 6): "rejected",  # score not a number
        ("bad_appraisal.csv", 7): "rejected",  # decision on a commune not in the register
        ("bad_appraisal.csv", 8): "rejected",  # evidence_accepted neither có nor không
    }
    rejected = ledger.filter(pl.col("status") == "rejected")
    assert rejected["reasons"].null_count() == 0, rejected
    reasons = {(Path(r["file"]).name, r["row"]): r["reasons"] for r in rejected.iter_rows(named=True)}
    assert "abc" in reasons[("bad.csv", 3)]
    assert "9.9" in reasons[("bad.csv", 4)]
    assert "00999" in reasons[("bad.csv", 5)]
    assert "different values" in reasons[("bad.csv", 6)]
    assert "colour" in reasons[("bad.csv", 11)]
    assert "several inputs" in reasons[("bad.csv", 12)]
    assert "negative" in reasons[("bad.csv", 13)]
    assert "Trưởng thôn" in reasons[("bad.csv", 14)]
    assert "reason" in reasons[("bad_appraisal.csv", 3)]
    assert "7.7" in reasons[("bad_appraisal.csv", 4)]
    assert "nhiều" in reasons[("bad_appraisal.csv", 5)]
    assert "hai" in reasons[("bad_appraisal.csv", 6)]
    assert "00999" in reasons[("bad_appraisal.csv", 7)]
    assert "có lẽ" in reasons[("bad_appraisal.csv", 8)]
    # Every error finding names its file and row.
    errors = result.findings.filter(pl.col("severity") == "error")
    assert errors.height >= 12
    assert errors["file"].null_count() == 0 and errors["row"].null_count() == 0
    # The duplicate that agrees is only a warning and the value is used once.
    assert result.findings.filter(pl.col("kind") == "duplicate-row")["row"].to_list() == [9]
    d = {(r["commune_code"], r["criterion_id"]): r for r in result.details.iter_rows(named=True)}
    assert d[("00103", "1.2.3")]["computed_score"] == pts("1")
    assert d[("00102", "1.2.3")]["status"] == "not_assessed"  # neither conflicting value used
    assert d[("00101", "1.2.3")]["final_score"] == 0  # the valid override applied
    assert result.details.height == 5 * 14


WARD_ONLY_AREA = """\
id: ward-only-area
title: "Thử: lĩnh vực chỉ cho phường"
year: 2024
province: "Tỉnh Thử"
issuer: "UBND tỉnh Thử"
decision: {number: "1/QĐ-UBND", date: 2024-01-01}
scale: 10
parts: {appraised: 10}
ranking: {within: district}
classes: [{name: "Tốt", from: 50}, {name: "Kém", below: 50}]
areas:
  - id: "1"
    title: "Chung"
    max: 6
    children:
      - {id: "1.1", title: "Có kế hoạch", max: 6, inputs: {plan: {type: boolean}}, rule: {kind: yes_no, input: plan}}
  - id: "2"
    title: "Chỉ phường"
    max: 4
    applies_to: [ward]
    not_applicable: exclude
    children:
      - {id: "2.1", title: "Một cửa phường", max: 4, inputs: {ok: {type: boolean}}, rule: {kind: yes_no, input: ok}}
"""


def test_an_area_excluded_for_a_commune_has_no_area_score(tmp_path: Path) -> None:
    criteria = load_criteria_text(WARD_ONLY_AREA, "ward_only.yaml").criteria
    (tmp_path / "communes.csv").write_text(
        "code,name,type,district\n00001,Phường A,phường,H\n00002,Xã B,xã,H\n", encoding="utf-8"
    )
    (tmp_path / "long.csv").write_text(
        "commune_code,criterion_id,value\n00001,1.1,có\n00001,2.1,không\n00002,1.1,có\n", encoding="utf-8"
    )
    result = score([tmp_path / "long.csv"], criteria, communes=tmp_path / "communes.csv")
    totals = {r["commune_code"]: r for r in result.totals.iter_rows(named=True)}
    assert (totals["00001"]["area_1"], totals["00001"]["area_2"]) == (60000, 0)  # a ward scores 0 on area 2
    assert (totals["00002"]["area_1"], totals["00002"]["area_2"]) == (60000, None)  # a commune has none
    assert totals["00002"]["applicable_max"] == 60000 and totals["00002"]["index"] == 100 * 10_000
    assert list(result.totals.columns).index("area_1") < list(result.totals.columns).index("area_2")


def test_a_row_with_a_rejected_value_and_a_used_self_score_is_partial(tmp_path: Path) -> None:
    (tmp_path / "communes.csv").write_text("code,name,type,district\n00001,Phường A,phường,H\n", encoding="utf-8")
    (tmp_path / "long.csv").write_text(
        "commune_code,criterion_id,input,value,self_score\n00001,3.1,,120,5\n00001,1.2.3,,có,1\n", encoding="utf-8"
    )
    result = score([tmp_path / "long.csv"], CRITERIA, communes=tmp_path / "communes.csv")
    rows = {r["row"]: r for r in result.ledger.filter(pl.col("input") == "assessment").iter_rows(named=True)}
    assert rows[2]["status"] == "partial" and "above 100" in rows[2]["reasons"]
    assert rows[3]["status"] == "scored"
    item = result.details.filter(pl.col("criterion_id") == "3.1").row(0, named=True)
    assert (item["self_score"], item["computed_score"]) == (50000, 0)  # the refused 120 % is not scored
