"""`pari score --previous` says when last year's results came from a set with other items, and
which year-over-year figures still compare."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl

from pari_index.authoring.previous import previous_set_notes
from pari_index.criteria.loading import load_criteria
from pari_index.criteria.model import resolve_leaves
from pari_index.outputs.results import read_results, result_tables, write_results
from pari_index.pipeline import run_score

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = load_criteria(ROOT / "criteria" / "ha-noi-2025-commune.yaml").criteria


def previous_from(items: dict[str, str], criteria_id: str = "ha-noi-2025-commune") -> dict[str, pl.DataFrame]:
    """A minimal results file: one commune scored on ``items`` (id -> maximum)."""
    return {
        "summary": pl.DataFrame({"commune_code": ["00001"]}),
        "criteria": pl.DataFrame(
            {"commune_code": ["00001"] * len(items), "criterion_id": list(items), "max": list(items.values())}
        ),
        "about": pl.DataFrame({"key": ["criteria_id", "decision"], "value": [criteria_id, "1/QĐ-UBND"]}),
    }


SAME = {leaf.id: str(leaf.max) for leaf in resolve_leaves(CRITERIA)}


def test_same_items_say_nothing() -> None:
    assert previous_set_notes(previous_from(SAME), CRITERIA) == []


def test_same_items_from_another_set_are_named() -> None:
    assert previous_set_notes(previous_from(SAME, "other-2024"), CRITERIA, "en") == [
        "The previous results (--previous) were scored on other-2024 (1/QĐ-UBND); this year on "
        "ha-noi-2025-commune (5666/QĐ-UBND), same items and maxima."
    ]


def test_other_items_and_maxima_name_what_compares() -> None:
    items = dict(SAME)
    items.pop("1.1.1")
    items["1.1.9"] = "1"
    items["2.1.1"] = str(Decimal(SAME["2.1.1"]) + 1)
    notes = previous_set_notes(previous_from(items, "ha-noi-2024-commune"), CRITERIA, "en")
    assert notes[0] == (
        "The previous results (--previous) were scored on ha-noi-2024-commune (1/QĐ-UBND), with other items than "
        "ha-noi-2025-commune (5666/QĐ-UBND): 1 item only last year (1.1.9); 1 item only this year (1.1.1); "
        "1 item with a new maximum (2.1.1)."
    )
    assert (
        notes[1]
        == "Comparable: the index (%) and the overall rank; area points only for areas 3, 4, 5, 6, 7, 8, 9, 10."
    )
    vi = previous_set_notes(previous_from(items, "ha-noi-2024-commune"), CRITERIA, "vi")
    assert vi[1].startswith(
        "So sánh được: chỉ số (%) và thứ hạng chung; điểm lĩnh vực chỉ so sánh được ở lĩnh vực 3, 4,"
    )


def test_score_with_previous_from_other_items(tmp_path: Path) -> None:
    inputs = {
        "assessments": [ROOT / "examples" / "assessments_long.csv", ROOT / "examples" / "assessments_wide.xlsx"],
        "communes": ROOT / "examples" / "communes.csv",
        "survey": [ROOT / "examples" / "survey.csv"],
        "appraisal": ROOT / "examples" / "appraisal.csv",
    }
    first = run_score(output=tmp_path / "2024.xlsx", **inputs)  # type: ignore[arg-type]
    same = run_score(output=tmp_path / "same.xlsx", previous=tmp_path / "2024.xlsx", **inputs)  # type: ignore[arg-type]
    # The same items: no note on items of one year only. (The file is this year's results: since
    # session 19 that is said, previous-same-year, among the findings.)
    assert "chỉ có năm trước" not in same.text and "chỉ có năm nay" not in same.text
    assert "Kết quả --previous là của chính năm được chấm 1" in same.text
    # Last year's file as if item 1.1.1 had been numbered 1.1.9.
    tables = result_tables(first.result, first.summary)
    tables.criteria = tables.criteria.with_columns(pl.col("criterion_id").replace("1.1.1", "1.1.9"))
    write_results(tmp_path / "renumbered", tables, "csv")
    assert "1.1.9" in read_results(tmp_path / "renumbered")["criteria"]["criterion_id"].to_list()
    run = run_score(output=tmp_path / "2025.xlsx", previous=tmp_path / "renumbered", **inputs)  # type: ignore[arg-type]
    assert "1 mục chỉ có năm trước (1.1.9); 1 mục chỉ có năm nay (1.1.1)." in run.text
    assert "điểm lĩnh vực chỉ so sánh được ở lĩnh vực 2, 3," in run.text


def test_one_area_left_comparable_is_one_area() -> None:
    # A changed maximum in every area but the last: «area 10», not «areas 10» (session 36).
    items = dict(SAME)
    for area in [a.id for a in CRITERIA.areas][:-1]:
        first = next(i for i in SAME if i.split(".")[0] == area)
        items[first] = str(Decimal(SAME[first]) + 1)
    last = CRITERIA.areas[-1].id
    notes = previous_set_notes(previous_from(items, "ha-noi-2024-commune"), CRITERIA, "en")
    assert notes[1] == f"Comparable: the index (%) and the overall rank; area points only for area {last}."
