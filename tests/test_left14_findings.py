"""A library caller gets the findings in the run's language, as every output renders them.

``result.findings`` keeps the code's English sentence with internal ids (``evidence_date``); the
findings sheet, the report and the console render them again, with labels, in the chosen
language. ``pari.findings(result, lang=...)`` gives that same rendering to a library caller.
"""

from __future__ import annotations

import polars as pl
import pytest
from hostile_sweep8 import EXAMPLES

import pari_index as pari
from pari_index.outputs.results import result_tables

BAD = (
    "commune_code,criterion_id,input,value\n"
    "00001,1.1.2,tasks,maybe\n"
    "00001,1.1.1,,04/06/2025\n"
    "00001,1.1.1,evidence_date,04/06/2025\n"
    "00001,1.1.1,evidence_date,05/06/2025\n"
)


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> pari.ScoreResult:
    path = tmp_path_factory.mktemp("findings") / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    return pari.score([path], communes=EXAMPLES / "communes.csv", no_survey=True)


def _conflict(frame: pl.DataFrame) -> str:
    return frame.filter(pl.col("kind") == "conflicting-values")["message"][0]


def test_the_raw_findings_keep_the_code_s_english(result: pari.ScoreResult) -> None:
    said = "commune 00001, criterion 1.1.1: evidence_date is given more than once with different values; none was used"
    assert _conflict(result.findings) == said


@pytest.mark.parametrize(
    ("lang", "said", "hint"),
    [
        (
            "vi",
            "xã 00001, tiêu chí 1.1.1, Ngày văn bản được ghi nhiều lần với giá trị khác nhau; "
            "không giá trị nào được dùng",
            "giữ một dòng cho mỗi xã, tiêu chí và đầu vào",
        ),
        (
            "en",
            "commune 00001, criterion 1.1.1: Evidence date is given more than once with different values; "
            "none was used",
            "keep one row per commune, criterion and input",
        ),
    ],
)
def test_pari_findings_renders_them_with_labels_in_the_language(
    result: pari.ScoreResult, lang: str, said: str, hint: str
) -> None:
    shown = pari.findings(result, lang=lang)
    assert _conflict(shown) == said
    assert shown.filter(pl.col("kind") == "conflicting-values")["hint"][0] == hint
    # The machine columns stay, row for row, to filter on.
    assert shown.select("kind", "commune_code", "criterion_id", "file", "row").equals(
        result.findings.select("kind", "commune_code", "criterion_id", "file", "row")
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pari_findings_is_the_findings_sheet_s_text(result: pari.ScoreResult, lang: str) -> None:
    sheet = result_tables(result, None, lang=lang).findings
    shown = pari.findings(result, lang=lang)
    assert shown.select("title", "message", "hint").equals(sheet.select("title", "message", "hint"))


def test_pari_findings_checks_its_arguments(result: pari.ScoreResult) -> None:
    with pytest.raises(ValueError, match=r"pari\.findings: lang is 'vi' or 'en', not 'fr'"):
        pari.findings(result, lang="fr")
    with pytest.raises(TypeError, match=r"pari\.findings: result takes the ScoreResult"):
        pari.findings(result.findings)  # type: ignore[arg-type]
