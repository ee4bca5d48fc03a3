"""A council's decision not to accept an explanation where none awaited one
(``appraisal-decision-unused``).

``evidence_accepted`` decides on an explanation given for missing evidence. Written ``không`` on an
item whose evidence the commune gave (or which needs none: marked n/a), it changed nothing: the
item kept its points and the row counted as applied, without a word, while the council meant to
take them away. Now a warning at the decision's row; the score is unchanged.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from example_runs import EXAMPLES, score_examples

from pari_index.outputs.results import read_results

HEADER = "commune_code,criterion_id,input,value,score,evidence_accepted,reason,appraiser\n"
# 00001's 1.1.1 has its evidence (72/KH-UBND); 00085 marked 3.3 n/a; 00001's 1.1.2 has its evidence.
ROWS = (
    "00001,1.1.1,,,,không,Minh chứng không hợp lệ,Hội đồng\n"
    "00085,3.3,,,,không,Không chấp nhận,Hội đồng\n"
    "00001,1.1.2,,,,có,Chấp nhận,Hội đồng\n"
    "00004,1.1.1,,,0,không,Chấm lại,Hội đồng\n"
)


def _score(folder: Path, appraisal: str, *extra: str) -> tuple[int, str, dict[str, pl.DataFrame]]:
    path = folder / "appraisal.csv"
    path.write_text(appraisal, encoding="utf-8")
    code, output, out = score_examples(folder, *extra, appraisal=path)
    return code, output, read_results(out)


def _score_of(tables: dict[str, pl.DataFrame], commune: str, item: str) -> float:
    criteria = tables["criteria"]
    return criteria.filter((pl.col("commune_code") == commune) & (pl.col("criterion_id") == item))["final_score"].item()


@pytest.mark.parametrize("batch", ["0", "1"])
def test_a_decision_where_no_explanation_awaited_is_told_at_its_row(tmp_path: Path, batch: str) -> None:
    code, output, tables = _score(tmp_path, HEADER + ROWS, "--batch-size", batch)
    assert code == 0, output
    found = tables["findings"].filter(pl.col("kind") == "appraisal-decision-unused")
    file = str(tmp_path / "appraisal.csv")
    assert found.select("severity", "commune_code", "criterion_id", "file", "row", "column").rows() == [
        ("warning", "00001", "1.1.1", file, 2, "evidence_accepted"),
        ("warning", "00085", "3.3", file, 3, "evidence_accepted"),
    ]
    assert found["message"][0] == (
        "commune 00001, item 1.1.1: the decision not to accept an explanation changed nothing: the commune gave the"
        " item's evidence, or it needs none, so no explanation awaited a decision; the item keeps 1 point"
    )
    # Unchanged: the decision is told, not applied. The council's score (00004) is its decision.
    assert _score_of(tables, "00001", "1.1.1") == 1.0
    assert _score_of(tables, "00085", "3.3") == 1.5
    assert _score_of(tables, "00004", "1.1.1") == 0.0


def test_the_example_appraisal_decides_only_on_explanations(tmp_path: Path) -> None:
    code, output, tables = _score(tmp_path, (EXAMPLES / "appraisal.csv").read_text(encoding="utf-8-sig"))
    assert code == 0, output
    assert "appraisal-decision-unused" not in tables["findings"]["kind"].to_list()
    assert "evidence-rejected" in tables["findings"]["kind"].to_list()
