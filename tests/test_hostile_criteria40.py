"""The hostile criteria cases of criteria40 (tests/hostile_criteria40.py), run as ``pari`` children."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from children import pari_child
from hostile_criteria40 import CASES, REFUSED, TOLD, round_trip_sets

from pari_index.authoring.compare import semantic_differences
from pari_index.authoring.draft_yaml import draft_yaml
from pari_index.authoring.export import export_annex
from pari_index.authoring.importing import import_annex
from pari_index.criteria.group_columns import never_a_group, usual_columns
from pari_index.criteria.loading import load_criteria_text


def _said(argv: list[str], folder: Path, lang: str) -> tuple[int, list[str]]:
    done = pari_child([*argv, "--lang", lang], folder, timeout=120)
    return done.returncode, (done.stdout + done.stderr).splitlines()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_ranking_no_register_can_give_is_refused_at_its_line(tmp_path: Path, case: str, lang: str) -> None:
    status, lines = _said(CASES[case](tmp_path), tmp_path, lang)
    assert status == 1, lines
    problems = [line for line in lines if line.startswith(("lỗi: ", "error: "))]
    assert problems == [REFUSED[case][0 if lang == "vi" else 1]], lines


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(TOLD))
def test_a_set_that_scores_against_its_own_words_is_told(tmp_path: Path, case: str, lang: str) -> None:
    status, lines = _said(CASES[case](tmp_path), tmp_path, lang)
    assert status == 0, lines
    warnings = [line.strip() for line in lines if line.strip().startswith(("cảnh báo: ", "warning: "))]
    assert warnings == [TOLD[case][0 if lang == "vi" else 1]], lines


def test_score_refuses_the_ranking_when_it_reads_the_set_not_after_scoring(tmp_path: Path) -> None:
    """On 81e533d: «đọc tệp tự đánh giá», «chấm điểm 1 đơn vị», then unknown-group-column, exit 2."""
    status, lines = _said(CASES["scored-within-commune-code"](tmp_path), tmp_path, "vi")
    assert status == 1, lines
    assert [line for line in lines if line.startswith("lỗi: ")] == [REFUSED["within-commune-code"][0]], lines
    assert not any("chấm điểm" in line or "đọc tệp tự đánh giá" in line for line in lines), lines
    assert not (tmp_path / "out").exists()


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_scores_are_exact_at_the_edges(tmp_path: Path) -> None:
    status, lines = _said(CASES["scored-exactly"](tmp_path), tmp_path, "en")
    assert status == 0, lines
    items = [
        (r["commune_code"], r["criterion_id"], r["branch"], r["final_score"])
        for r in _read(tmp_path / "out" / "criteria.csv")
    ]
    assert items == [
        ("00001", "1.1", "tier:1", "1.0"),
        ("00001", "1.2", "yes", "8.0"),
        ("00002", "1.1", "no_denominator", "0.0"),
        ("00002", "1.2", "no", "0.0"),
    ]
    totals = [
        (r["commune_code"], r["total_points"], r["index"], r["rank"], r["class"])
        for r in _read(tmp_path / "out" / "summary.csv")
    ]
    assert totals == [("00001", "9.0", "90.0", "1", "Tốt"), ("00002", "0.0", "0.0", "2", "Kém")]


def test_fraction_tiers_score_as_written_and_are_told(tmp_path: Path) -> None:
    """1 of 100 is 1 %: at or above 0.5, the top tier; scored as the set says, with validate's warning."""
    status, lines = _said(CASES["scored-fraction-tiers"](tmp_path), tmp_path, "en")
    assert status == 0, lines
    rows = [r for r in _read(tmp_path / "out" / "criteria.csv") if r["criterion_id"] == "1.1"]
    assert [(r["branch"], r["final_score"]) for r in rows] == [("tier:0", "2.0")]


def test_the_columns_every_register_has_are_usual_and_none_is_refused() -> None:
    assert usual_columns() == ("name", "type", "district", "province")
    assert [never_a_group(c) for c in ("commune_code", "code", "Mã xã", "_x", "index", "area_1", "region")] == [
        "computed",
        "computed",
        "computed",
        "internal",
        "computed",
        "computed",
        "",
    ]


def test_every_case_is_checked() -> None:
    checked = {*REFUSED, *TOLD, "scored-within-commune-code", "scored-exactly", "scored-fraction-tiers"}
    assert sorted(CASES) == sorted(checked)


@pytest.mark.parametrize("name", sorted(round_trip_sets()))
def test_a_set_comes_back_from_its_annex(tmp_path: Path, name: str) -> None:
    original = load_criteria_text(round_trip_sets()[name], "bo.yaml").criteria
    annex = tmp_path / "phu-luc.xlsx"
    export_annex(original, annex)
    draft = import_annex(annex)
    assert (draft.todos, draft.problems) == ([], [])
    again = load_criteria_text(draft_yaml(draft.document, annex.name), "draft.yaml").criteria
    assert semantic_differences(original, again) == []
    assert [n.id for n in again.nodes()] == [n.id for n in original.nodes()]
