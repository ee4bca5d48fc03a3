"""The council's N/A mark, where it moves a unit's points and maximum, is told among the changes
made at appraisal (review of session 32). Marking item 8.4.2 of commune 00037 (a xã) N/A took its
0.5 points and its 0.5 maximum out of the unit's, and clearing commune 00049's mark with a score of
0.25 counted the item again, each with no finding: «Changed at appraisal 7» as without the rows (the
appraisal-correction filter compared the council's score with a computed score that an excluded item
does not have). Now the first is ``appraisal-marked-not-applicable`` and the second an
``appraisal-correction`` from «—»; both run through the real command, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_decoding32 import CASES
from sweeps import case_results


def _findings(case: str, folder: Path, lang: str) -> list[dict[str, str]]:
    rows = case_results(CASES, case, folder, lang=lang)["findings"]
    return [r for r in rows if r["criterion_id"] == "8.4.2" and r["kind"].startswith("appraisal-")]


@pytest.mark.parametrize(
    ("lang", "marked", "cleared"),
    [
        (
            "en",
            "the council marked the item not applicable: its 0.5 points and its maximum 0.5 are left out of the "
            "unit's (Hội đồng đối chiếu lại hồ sơ)",
            "appraisal changed — to 0.25 (Hội đồng đối chiếu lại hồ sơ)",
        ),
        (
            "vi",
            "hội đồng thẩm định đánh dấu tiêu chí không áp dụng: 0,5 điểm và điểm tối đa 0,5 của tiêu chí được loại "
            "khỏi điểm của đơn vị (Hội đồng đối chiếu lại hồ sơ)",
            "thẩm định sửa — thành 0,25 điểm (Hội đồng đối chiếu lại hồ sơ)",
        ),
    ],
)
def test_the_council_s_n_a_mark_is_told_where_it_changes_the_unit(
    tmp_path: Path, lang: str, marked: str, cleared: str
) -> None:
    found = _findings("well-appraisal-marks-not-applicable", tmp_path / "marks", lang)
    assert [(f["commune_code"], f["kind"], f["severity"], f["message"]) for f in found] == [
        ("00037", "appraisal-marked-not-applicable", "info", marked)
    ]
    found = _findings("well-appraisal-clears-not-applicable", tmp_path / "clears", lang)
    assert [(f["commune_code"], f["kind"], f["message"]) for f in found] == [("00049", "appraisal-correction", cleared)]
