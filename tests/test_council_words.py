"""Yes and no in an appraisal council's words: «chấp nhận» / «không chấp nhận» (accepted / not
accepted) in the appraisal's evidence_accepted column, «chưa đạt», «hợp lệ» … in a form.

Before session 21 each such decision was ``bad-decision`` (20 rows of the example's appraisal
rejected, the run incomplete, exit 1) although the council had said exactly what it decided.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from example_runs import EXAMPLES, score_beside_examples

from pari_index.intake.values import parse_boolean, parse_status
from pari_index.outputs.results import read_results


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("chấp nhận", True),
        ("Được chấp nhận", True),
        ("đồng ý", True),
        ("hợp lệ", True),
        ("đã có", True),
        ("không chấp nhận", False),
        ("Không được chấp nhận", False),
        ("không đồng ý", False),
        ("không hợp lệ", False),
        ("chưa đạt", False),
        ("chưa có", False),
        ("chấp nhận một phần", None),  # partly: neither, so refused
    ],
)
def test_a_council_s_words_are_yes_or_no(word: str, read: bool | None) -> None:
    assert pl.select(parse_boolean(pl.lit(word))).item() is read


def test_an_appraisal_in_the_council_s_words_scores_as_yes_and_no(tmp_path: Path) -> None:
    text = (EXAMPLES / "appraisal.csv").read_text(encoding="utf-8-sig")
    worded = text.replace(",không,", ",không chấp nhận,").replace(",có,", ",chấp nhận,")
    assert worded.count(",không chấp nhận,") == 24 and worded.count(",chấp nhận,") == 27  # (one a corrected value)
    (tmp_path / "appraisal.csv").write_text(worded, encoding="utf-8")
    code, said, plain, out = score_beside_examples(tmp_path, appraisal=tmp_path / "appraisal.csv")
    assert code == 0, said
    ours, theirs = read_results(out), read_results(plain)
    assert (
        ours["summary"]
        .select("commune_code", "total_points")
        .equals(theirs["summary"].select("commune_code", "total_points"))
    )
    assert "bad-decision" not in set(ours["findings"]["kind"])


@pytest.mark.parametrize(
    ("words", "status"),
    [
        ("Trước hạn", "on_time"),
        ("hoàn thành đúng hạn", "on_time"),
        ("đúng tiến độ", "on_time"),
        ("muộn", "late"),
        ("chậm tiến độ", "late"),
        ("hoàn thành chậm", "late"),
        ("chưa hoàn thành", "not_done"),
        ("hoàn thành", None),  # on time or late: it does not say, so it is refused
    ],
)
def test_a_report_s_words_for_a_deadline_are_a_status(words: str, status: str | None) -> None:
    assert pl.select(parse_status(pl.lit(words))).item() == status
