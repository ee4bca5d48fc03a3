"""What the cases of tests/hostile_lead26.py answer, as real child processes, and the items a
commune assessed but left an input of empty, told by scoring.verification (``input-left-empty``)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from hostile_lead26 import CASES, EXPECTED

from pari_index.scoring.verification import verification_findings


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


def _told(tmp_path: Path, case: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    out = tmp_path / "ket-qua"
    findings = pl.read_csv(out / "findings.csv", infer_schema=False)
    criteria = pl.read_csv(out / "criteria.csv", infer_schema=False)
    return findings.filter(pl.col("kind") == "input-left-empty"), criteria.filter(pl.col("commune_code") == "00007")


def test_items_assessed_with_their_values_left_empty_are_told(tmp_path: Path) -> None:
    told, criteria = _told(tmp_path, "score-with-values-left-empty-and-no-self-scores")
    ((severity, commune, message, params),) = told.select("severity", "commune_code", "message", "params").rows()
    assert (severity, commune) == ("warning", "00007")
    assert message.startswith("3 tiêu chí có điểm tự chấm, minh chứng hoặc số liệu khác nhưng thiếu số liệu")
    assert message.endswith("nên được 0 điểm: 2.3, 3.2.1, 5.4.1")
    assert params == '{"count":3,"items":"2.3, 3.2.1, 5.4.1"}'
    # What went unsaid: each scored 0 by its rule's branch "missing", its evidence given or explained.
    emptied = criteria.filter(pl.col("criterion_id").is_in(["2.3", "3.2.1", "5.4.1"])).sort("criterion_id")
    assert emptied.select("final_score", "branch").unique().rows() == [("0.0", "missing")]
    assert emptied["evidence_status"].to_list() == ["present", "present", "explained"]


def test_one_of_two_inputs_left_empty_is_told(tmp_path: Path) -> None:
    told, criteria = _told(tmp_path, "score-with-one-of-two-inputs-left-empty")
    assert told.select("commune_code", "params").rows() == [("00007", '{"count":1,"items":"3.2.1"}')]
    item = criteria.filter(pl.col("criterion_id") == "3.2.1")
    assert item.select("final_score", "branch", "inputs").rows() == [("0.0", "missing", "settled_on_time=1230")]


def test_a_value_of_an_item_marked_not_applicable_is_told_at_its_cell(tmp_path: Path) -> None:
    answers_its_case(
        CASES["score-with-a-value-and-an-na-mark"](tmp_path), tmp_path, EXPECTED["score-with-a-value-and-an-na-mark"]
    )
    findings = pl.read_csv(tmp_path / "ket-qua" / "findings.csv", infer_schema=False)
    told = findings.filter(pl.col("kind") == "value-marked-not-applicable")
    assert told.select("severity", "commune_code", "criterion_id", "row", "column").rows() == [
        ("warning", "00001", "2.1.2", "18", "value")
    ]
    assert (
        told["message"].item() == "đơn vị 00001 đánh dấu tiêu chí 2.1.2 không áp dụng, nên giá trị này không được tính"
    )
    criteria = pl.read_csv(tmp_path / "ket-qua" / "criteria.csv", infer_schema=False)
    item = criteria.filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "2.1.2"))
    assert item.select("final_score", "branch").rows() == [("1.0", "na_full_points")]  # the mark decides


def test_values_of_a_wide_form_s_items_marked_not_applicable_are_told(tmp_path: Path) -> None:
    case = "score-of-wide-form-with-values-and-na-marks"
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    findings = pl.read_csv(tmp_path / "ket-qua" / "findings.csv", infer_schema=False)
    told = findings.filter(pl.col("kind") == "value-marked-not-applicable")
    # Every item of 00148 (a xã) that allows N/A and has a value in the form, at the value's cell.
    assert told.select("criterion_id", "column").rows() == [
        (item, item) for item in ("2.1.1", "2.1.2", "3.3", "3.5.1", "5.1.1", "8.4.2")
    ]
    assert set(told["commune_code"]) == {"00148"} and set(told["sheet"]) == {"data"} and set(told["row"]) == {"3"}


def _details(**columns: list[object]) -> pl.DataFrame:
    n = len(columns["criterion_id"])
    base: dict[str, list[object]] = {
        "commune_code": ["00001"] * n,
        "self_score": [None] * n,
        "computed_score": [0] * n,
        "appraised_score": [None] * n,
        "max": [10_000] * n,
        "status": ["ok"] * n,
        "part": ["appraised"] * n,
        "appraisal_reason": [None] * n,
    }
    return pl.DataFrame(base | columns)


@pytest.mark.parametrize(
    ("status", "appraised", "told"),
    [
        ("ok", None, True),
        ("evidence_missing", None, True),
        # Said otherwise already, or decided by the council: not told again.
        ("not_assessed", None, False),
        ("excluded", None, False),
        ("no_survey", None, False),
        ("appraised", 10_000, False),
    ],
)
def test_only_an_assessed_item_scored_without_its_input_and_not_scored_by_the_council_is_told(
    status: str, appraised: int | None, told: bool
) -> None:
    details = _details(
        criterion_id=["1.1", "1.2"], branch=["missing", "yes"], status=[status, "ok"], appraised_score=[appraised, None]
    )
    kinds = [kind for frame in verification_findings(details) for kind in frame["kind"].to_list()]
    assert kinds.count("input-left-empty") == int(told)
    assert "not-assessed" not in kinds or status == "not_assessed"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "vi",
            "tiêu chí được 0 điểm; giải trình của đơn vị: «Tài liệu lưu tại đơn vị cũ trước khi sắp xếp, đang tìm lại»",
        ),
        (
            "en",
            "the item scores 0; the unit's explanation: «Tài liệu lưu tại đơn vị cũ trước khi sắp xếp, đang tìm lại»",
        ),
    ],
)
def test_an_explanation_awaiting_the_council_is_quoted_where_it_is_told(tmp_path: Path, lang: str, said: str) -> None:
    """The unit's explanation of missing evidence decided the item's status ("explained, awaiting
    the council") but was shown nowhere, not in any table, workbook or report: the council that
    decides on it is now shown it in the finding, in both languages and read back."""
    from click.testing import CliRunner

    from pari_index.cli import main
    from pari_index.outputs.results import read_results

    examples = Path(__file__).resolve().parents[1] / "examples"
    args = ["score", str(examples / "assessments_long.csv"), "--communes", str(examples / "communes.csv")]
    args += ["--survey", str(examples / "survey.csv"), "-o", str(tmp_path / "ket-qua.xlsx"), "-q", "--lang", lang]
    assert CliRunner().invoke(main, args).exit_code == 0
    findings = read_results(tmp_path / "ket-qua.xlsx")["findings"]
    explained = findings.filter(pl.col("kind") == "evidence-explained")
    item = explained.filter((pl.col("commune_code") == "00007") & (pl.col("criterion_id") == "5.4.1"))
    assert item["message"].item().endswith(said)
    # Every such finding (no appraisal given: none decided) quotes a text, none empty.
    assert explained.height == 87 and explained["message"].str.contains("«[^»]+»$").all()
