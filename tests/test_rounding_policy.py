"""Rounding per level, proportional points over a declared range, and printed maxima above their
children (issue 16, items 2, 3 and 7).

The composite index (tests/data/composite_index_10.yaml, SYNTHETIC) has ten sub-indices scored
0-10 and weighted 5, 7.5, 12.5, 10, 15, 7.5, 12.5, 10, 12.5, 7.5 into 100 points. The hand
computations below give each weighted item (score / 10 x weight), their exact sum, the published
figure (the sum rounded once to 2 places, half up), and what rounding each item to 2 places first
would give instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from click.testing import CliRunner
from evaluators import score as leaf_score
from evaluators import totals_both
from ranking_helpers import DATA, write_csv
from test_cli_criteria import run_process

from pari_index.authoring.compare import semantic_differences
from pari_index.cli import main
from pari_index.criteria.loading import load_criteria_text
from pari_index.criteria.method import method_text
from pari_index.criteria.model import Rounding, resolve_leaves
from pari_index.demo import generate
from pari_index.errors import CriteriaError
from pari_index.outputs.explain import explain_text
from pari_index.outputs.report import render_report
from pari_index.outputs.results import read_results, result_tables, write_results
from pari_index.ranking.ranks import rank
from pari_index.scoring.explanations import describe_branch
from pari_index.scoring.run import score

COMPOSITE = DATA / "composite_index_10.yaml"
TEXT = COMPOSITE.read_text(encoding="utf-8")
POLICY_LINE = "rounding: {items: none, areas: none, parts: none, total: 2, index: 2, mode: half_up}"

SCORES = {
    "U01": "9.83 5.61 8.14 6.93 4.05 5.21 4.16 7.25 9.47 4.10",
    "U02": "5.13 9.74 7.36 3.22 7.99 6.11 8.86 6.02 4.26 3.78",
    "U03": "3.23 3.94 6.82 5.93 9.69 9.58 3.99 4.59 3.38 4.90",
    "U04": "7.73 3.82 8.08 3.53 8.25 6.42 8.44 4.75 4.02 6.73",
    "U05": "5.55 6.67 7.79 6.31 8.43 5.87 7.13 5.99 6.47 7.31",
    "U06": "9.03 8.67 9.21 8.45 8.99 9.37 8.13 9.05 8.71 8.89",
}
# Hand-computed, weight by weight (x 0.5, 0.75, 1.25, 1, 1.5, 0.75, 1.25, 1, 1.25, 0.75):
# U01: 4.915 + 4.2075 + 10.175 + 6.93 + 6.075 + 3.9075 + 5.20 + 7.25 + 11.8375 + 3.075 = 63.5725
#      published 63.57; items at 2: 4.92 + 4.21 + 10.18 + 6.93 + 6.08 + 3.91 + 5.20 + 7.25 + 11.84
#      + 3.08 = 63.60 (drift 0.03)
# U02: 2.565 + 7.305 + 9.20 + 3.22 + 11.985 + 4.5825 + 11.075 + 6.02 + 5.325 + 2.835 = 64.1125
#      published 64.11; items at 2: 2.57 + 7.31 + 9.20 + 3.22 + 11.99 + 4.58 + 11.08 + 6.02 + 5.33
#      + 2.84 = 64.14 (drift 0.03)
# U03: 1.615 + 2.955 + 8.525 + 5.93 + 14.535 + 7.185 + 4.9875 + 4.59 + 4.225 + 3.675 = 58.2225
#      published 58.22; items at 2: 1.62 + 2.96 + 8.53 + 5.93 + 14.54 + 7.19 + 4.99 + 4.59 + 4.23
#      + 3.68 = 58.26 (drift 0.04)
# U04: 3.865 + 2.865 + 10.10 + 3.53 + 12.375 + 4.815 + 10.55 + 4.75 + 5.025 + 5.0475 = 62.9225
#      published 62.92; items at 2: 3.87 + 2.87 + 10.10 + 3.53 + 12.38 + 4.82 + 10.55 + 4.75 + 5.03
#      + 5.05 = 62.95 (drift 0.03)
# U05: 2.775 + 5.0025 + 9.7375 + 6.31 + 12.645 + 4.4025 + 8.9125 + 5.99 + 8.0875 + 5.4825 = 69.345
#      published 69.35 half up, 69.34 half to even (an exact half); items at 2: 2.78 + 5.00 + 9.74
#      + 6.31 + 12.65 + 4.40 + 8.91 + 5.99 + 8.09 + 5.48 = 69.35
# U06: 4.515 + 6.5025 + 11.5125 + 8.45 + 13.485 + 7.0275 + 10.1625 + 9.05 + 10.8875 + 6.6675 = 88.26
#      published 88.26; items at 2: 4.52 + 6.50 + 11.51 + 8.45 + 13.49 + 7.03 + 10.16 + 9.05 + 10.89
#      + 6.67 = 88.27 (drift 0.01)
PUBLISHED = {"U01": "63.57", "U02": "64.11", "U03": "58.22", "U04": "62.92", "U05": "69.35", "U06": "88.26"}
ITEMS_AT_TWO = {"U01": "63.60", "U02": "64.14", "U03": "58.26", "U04": "62.95", "U05": "69.35", "U06": "88.27"}
EXACT = {"U01": 635725, "U02": 641125, "U03": 582225, "U04": 629225, "U05": 693450, "U06": 882600}


def units(text: str) -> int:
    whole, _, frac = text.partition(".")
    return int(whole) * 10_000 + int(frac.ljust(4, "0"))


def score_composite(tmp_path: Path, text: str = TEXT) -> tuple[Any, pl.DataFrame]:
    criteria = tmp_path / "composite.yaml"
    criteria.write_text(text, encoding="utf-8")
    communes = write_csv(
        tmp_path / "communes.csv",
        ["code", "name", "region"],
        [(code, f"Tỉnh {code}", "Cả nước") for code in SCORES],
    )
    header = ["commune_code", *(f"{i}.1:score" for i in range(1, 11))]
    assessments = write_csv(tmp_path / "scores.csv", header, [(code, *s.split()) for code, s in SCORES.items()])
    result = score([assessments], criteria, communes=communes)
    assert result.findings.filter(pl.col("severity") == "error").height == 0
    return result, rank(result.totals, result.details, result.criteria)


def by_code(frame: pl.DataFrame, column: str) -> dict[str, int]:
    return dict(zip(frame["commune_code"], frame[column], strict=True))


def test_the_set_is_marked_synthetic_and_uses_the_policy() -> None:
    assert TEXT.startswith("# SYNTHETIC")
    assert POLICY_LINE in TEXT


def test_index_only_rounding_matches_the_hand_figures(tmp_path: Path) -> None:
    result, ranked = score_composite(tmp_path)
    assert by_code(ranked, "index") == {code: units(v) for code, v in PUBLISHED.items()}
    assert by_code(ranked, "total_points") == {code: units(v) for code, v in PUBLISHED.items()}
    # Parts are not rounded: the exact sum of the unrounded items.
    assert by_code(ranked, "appraised_points") == EXACT
    # The items keep their 4 decimals: U01's 5.61 of 10 on a weight of 7.5 is 4.2075 (item 2.1),
    # its 9.83 on a weight of 5 is 4.915 (item 1.1).
    u01 = result.details.filter(pl.col("commune_code") == "U01")
    assert by_code_items(u01) == {"1.1": 49150, "2.1": 42075, "3.1": 101750, "5.1": 60750, "9.1": 118375}
    assert ranked.sort("rank")["commune_code"].to_list() == ["U06", "U05", "U02", "U01", "U04", "U03"]


def by_code_items(rows: pl.DataFrame) -> dict[str, int]:
    wanted = {"1.1", "2.1", "3.1", "5.1", "9.1"}
    return {c: p for c, p in zip(rows["criterion_id"], rows["computed_score"], strict=True) if c in wanted}


def test_items_rounded_at_two_places_drift_from_the_published_figures(tmp_path: Path) -> None:
    early = TEXT.replace(POLICY_LINE, "rounding: {places: 2, mode: half_up}")
    _, ranked = score_composite(tmp_path, early)
    assert by_code(ranked, "index") == {code: units(v) for code, v in ITEMS_AT_TWO.items()}
    drift = {code: units(ITEMS_AT_TWO[code]) - units(PUBLISHED[code]) for code in SCORES}
    assert drift == {"U01": 300, "U02": 300, "U03": 400, "U04": 300, "U05": 0, "U06": 100}


def test_half_to_even_moves_only_the_exact_half(tmp_path: Path) -> None:
    _, ranked = score_composite(tmp_path, TEXT.replace("mode: half_up}", "mode: half_even}"))
    expected = {code: units(v) for code, v in PUBLISHED.items()} | {"U05": units("69.34")}
    assert by_code(ranked, "index") == expected


def test_both_evaluators_give_the_hand_totals() -> None:
    criteria = load_criteria_text(TEXT, "composite.yaml").criteria
    rows = [
        {"commune_code": code, "unit_type": "commune"}
        | {f"{i}.1:score": units(v) for i, v in enumerate(s.split(), start=1)}
        for code, s in SCORES.items()
    ]
    got_c, got_r = totals_both(criteria, rows)
    assert got_c == got_r
    assert {code: r["index"] for code, r in got_r.items()} == {code: units(v) for code, v in PUBLISHED.items()}


def test_the_old_form_keeps_its_meaning() -> None:
    old = Rounding(places=3)
    assert [old.at(level) for level in ("items", "areas", "parts", "total", "index")] == [3, None, None, 3, 3]
    assert old.describe() == "3 places, half_up"
    assert not old.per_level
    assert old.column_places("area_1") == 3  # everything printed at places, as before
    new = Rounding(items="none", index=2)
    assert [new.at(level) for level in ("items", "areas", "parts", "total", "index")] == [None, None, None, 2, 2]
    assert new.column_places("index") == 2
    assert new.column_places("area_1") == 4
    assert new.describe() == "2 places (index); items none, areas none, parts none, total 2, index 2; half_up"


def test_results_and_report_print_the_index_at_its_own_places(tmp_path: Path) -> None:
    result, ranked = score_composite(tmp_path)
    tables = result_tables(result, ranked, lang="en")
    u01 = tables.summary.filter(pl.col("commune_code") == "U01").row(0, named=True)
    assert (u01["index"], u01["total_points"], u01["appraised_points"], u01["area_1"]) == (63.57, 63.57, 63.5725, 4.915)
    about = dict(zip(tables.about["key"], tables.about["value"], strict=True))
    assert about["rounding"].startswith("2 places (index)")
    assert about["method_1"].startswith("Rounding (half up): item points: not rounded;")
    write_results(tmp_path / "results", tables, fmt="parquet")
    html = render_report(read_results(tmp_path / "results"), lang="en")
    # The header shows the index at its places (the method section now follows the groups).
    assert ">63.57<" in html and "63.5725" not in html.split("<main>")[0]
    assert "Scoring method" in html and "the index: 2 decimals" in html
    vi = render_report(read_results(tmp_path / "results"), lang="vi", criteria=result.criteria)
    assert "Phương pháp tính điểm" in vi and "chỉ số: 2 chữ số thập phân" in vi and ">63,57<" in vi


# --- validation ---------------------------------------------------------------------------------


def problems(text: str) -> list[tuple[str, int | None, str]]:
    with pytest.raises(CriteriaError) as caught:
        load_criteria_text(text, "bad.yaml")
    return [(p.code, p.line, p.message) for p in caught.value.problems]


def test_a_range_whose_from_is_not_below_its_to_is_refused_at_its_line() -> None:
    bad = TEXT.replace("range: {from: 0, to: 10}}", "range: {from: 10, to: 10}}", 1)
    ((code, line, message),) = problems(bad)
    assert (code, line) == (
        "range-order",
        TEXT.splitlines().index(next(x for x in TEXT.splitlines() if "range:" in x)) + 1,
    )
    assert "«from» (10) must be below its «to» (10)" in message


def test_a_range_with_a_rate_and_a_range_on_a_date_are_refused() -> None:
    with_rate = TEXT.replace(
        "rule: {kind: proportional, input: score, range: {from: 0, to: 10}}",
        "rule: {kind: proportional, rate: {numerator: score, denominator: score}, range: {from: 0, to: 10}}",
        1,
    )
    ((code, _, message),) = problems(with_rate)
    assert code == "schema:value_error" and "«range» goes with «input»" in message
    on_date = TEXT.replace("score: {type: number, min: 0, max: 10}", "score: {type: date}", 1)
    assert [c for c, _, _ in problems(on_date)] == ["input-type"]


@pytest.mark.parametrize("value", ["5", "-1", "half", "2.5"])
def test_a_bad_rounding_level_is_refused(value: str) -> None:
    bad = TEXT.replace("items: none,", f"items: {value},")
    ((code, line, _),) = problems(bad)
    assert code.startswith("schema:") and line == TEXT.splitlines().index(POLICY_LINE) + 1


def test_pari_validate_names_the_range_mistake(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(TEXT.replace("range: {from: 0, to: 10}}", "range: {from: 10, to: 0}}", 1), encoding="utf-8")
    line = next(i for i, x in enumerate(TEXT.splitlines(), start=1) if "range:" in x)
    in_process = CliRunner().invoke(main, ["validate", str(bad)])
    assert in_process.exit_code == 1
    assert f"bad.yaml:{line}:" in in_process.output and "[range-order]" in in_process.output
    process = run_process("validate", str(bad), "--lang", "en")
    assert process.returncode == 1
    assert f"bad.yaml:{line}:" in process.stdout + process.stderr
    assert "must be below its «to»" in process.stdout + process.stderr


# --- printed maxima ---------------------------------------------------------------------------

PRINTED = """\
id: printed
title: "Printed maximum above its children"
year: 2025
province: "P"
issuer: "I"
decision: {number: "1", date: 2025-01-01}
scale: 12
parts: {appraised: 12}
ranking: {within: province}
classes: [{name: "A", from: 0}]
areas:
  - id: "1"
    title: "Area"
    max: 12
    children:
      - id: "1.1"
        title: "Printed 7.5, visible children 1.5"
        max: 7.5
        printed_mismatch: "printed 7,5; visible sub-criteria add up to 1,5"
        children:
          - {id: "1.1.1", title: "a", max: 1.5, inputs: {ok: {type: boolean}}, rule: {kind: yes_no, input: ok}}
      - {id: "1.2", title: "b", max: 4.5, inputs: {ok: {type: boolean}}, rule: {kind: yes_no, input: ok}}
"""


def test_a_printed_maximum_counts_and_its_unreachable_points_are_reported(tmp_path: Path) -> None:
    loaded = load_criteria_text(PRINTED, "printed.yaml")
    (warning,) = loaded.warnings
    assert (warning.code, warning.line) == ("children-sum", 18)
    assert "6.0 points are unreachable" in warning.message
    communes = write_csv(tmp_path / "c.csv", ["mã", "tên", "loại", "tỉnh"], [("00001", "Xã A", "xã", "P")])
    inputs = write_csv(tmp_path / "a.csv", ["commune_code", "1.1.1:ok", "1.2:ok"], [("00001", "có", "có")])
    for lang, text in (("en", "the printed maximum counts, so 6 points are unreachable"), ("vi", "6 điểm không")):
        result = score([inputs], loaded, communes=communes, lang=lang)
        row = result.totals.row(0, named=True)
        # Full marks on every item: 6 of 12, not 6 of 6 = 100 %.
        assert (row["total_points"], row["applicable_max"], row["index"]) == (60000, 120000, 500000)
        found = result.findings.filter(pl.col("kind") == "printed-max-unreachable")
        assert found["criterion_id"].to_list() == ["1.1"] and text in found["message"][0]
        assert found["severity"].to_list() == ["info"]


def test_a_printed_maximum_below_its_children_is_refused() -> None:
    below = PRINTED.replace("max: 7.5", "max: 1").replace("scale: 12", "scale: 5.5")
    below = below.replace("appraised: 12", "appraised: 5.5").replace("    max: 12", "    max: 5.5")
    ((code, line, _),) = problems(below)
    assert (code, line) == ("printed-below-children", 18)


def test_without_printed_mismatch_nothing_changes(tmp_path: Path) -> None:
    # The bundled sets keep no printed mismatch: their maxima are the children's sums.
    for path in sorted((DATA.parent.parent / "criteria").glob("*.yaml")):
        assert "\nprinted_mismatch" not in path.read_text(encoding="utf-8")


# --- explanations, report notes and demo data for the new rules ----------------------------------


def test_values_outside_the_range_are_clipped_visibly() -> None:
    criteria = load_criteria_text(TEXT.replace("{type: number, min: 0, max: 10}", "{type: number}"), "c.yaml").criteria
    leaf = resolve_leaves(criteria)[2]  # 3.1, weight 12.5
    # 11 (above 10) scores as 10, full points; both evaluators agree.
    assert leaf_score(criteria, "3.1", score=110_000) == (125_000, "above_range", 125_000)
    assert leaf_score(criteria, "3.1", score=100_000) == (125_000, "ratio_full", 125_000)
    assert leaf_score(criteria, "3.1", score=73_700) == (92_125, "ratio", 125_000)
    assert describe_branch(leaf, "above_range", "en") == (
        "Value above the declared range: counted as its upper end, on the range 0–10"
    )
    assert describe_branch(leaf, "ratio", "vi") == "Điểm theo tỷ lệ (× 12,5 điểm), thang 0–10"


def test_the_report_notes_an_unreachable_printed_maximum(tmp_path: Path) -> None:
    loaded = load_criteria_text(PRINTED, "printed.yaml")
    communes = write_csv(tmp_path / "c.csv", ["mã", "tên", "loại", "tỉnh"], [("00001", "Xã A", "xã", "P")])
    inputs = write_csv(tmp_path / "a.csv", ["commune_code", "1.1.1:ok", "1.2:ok"], [("00001", "có", "không")])
    result = score([inputs], loaded, communes=communes, lang="vi")
    write_results(tmp_path / "results", result_tables(result, rank(result.totals, result.details, result.criteria)))
    tables = read_results(tmp_path / "results")
    about = dict(zip(tables["about"]["key"], tables["about"]["value"], strict=True))
    # The old form of rounding adds no note; the printed maximum does.
    assert about["method_1"].startswith("Tiêu chí 1.1: điểm tối đa in trong quyết định là 7,5")
    assert "method_2" not in about
    html = render_report(tables, lang="vi")
    assert "các tiêu chí thành phần chỉ cộng được 1,5" in html and "6 điểm không đơn vị nào đạt được" in html
    english = render_report(tables, lang="en", criteria=loaded.criteria)
    assert "Item 1.1: the decision prints a maximum of 7.5 but its sub-items add up to 1.5" in english


def test_demo_data_scores_a_range_at_two_decimals_within_it(tmp_path: Path) -> None:
    files = generate(COMPOSITE, tmp_path / "demo", communes=30, districts=2)
    values = pl.read_csv(files["assessments_long"], infer_schema=False)["value"].drop_nulls()
    numbers = [float(v.replace(",", ".")) for v in values]
    assert all(0 <= x <= 10 and round(x, 2) == x for x in numbers)
    assert len(set(numbers)) > 10  # spread over the range, not all at one end


def test_an_explanation_shows_unrounded_item_points_in_full(tmp_path: Path) -> None:
    result, _ = score_composite(tmp_path)
    text = explain_text(result.details, result.leaves, "U01", "2.1", lang="en")
    assert "Computed: 4.2075" in text and "(Max 7.50)" in text
    assert "Tính theo quy tắc: 4,2075" in explain_text(result.details, result.leaves, "U01", "2.1", lang="vi")


def test_the_totals_keep_their_column_order(tmp_path: Path) -> None:
    result, _ = score_composite(tmp_path)
    first = result.totals.columns.index("appraised_points")
    assert result.totals.columns[first : first + 13] == [
        "appraised_points",
        "survey_points",
        "appraised_max",
        "survey_max",
        "survey_given",
        "items_not_assessed",
        "items_rejected",
        "adjustment_points",
        "total_points",
        "applicable_max",
        "index",
        "survey_rescaled",
        "area_1",
    ]


def test_a_range_above_the_inputs_maximum_is_a_warning_at_its_line() -> None:
    text = TEXT.replace("score: {type: number, min: 0, max: 10}", "score: {type: number, min: 0, max: 8}", 1)
    (warning,) = load_criteria_text(text, "c.yaml").warnings
    first_range = next(i for i, x in enumerate(TEXT.splitlines(), start=1) if "range:" in x)
    assert (warning.code, warning.line) == ("range-unreachable", first_range)
    assert "may be at most 8, below the range's «to» (10)" in warning.message
    assert load_criteria_text(TEXT, "c.yaml").warnings == []


def test_the_annex_method_text_states_the_range() -> None:
    leaf = resolve_leaves(load_criteria_text(TEXT, "c.yaml").criteria)[2]
    assert "Points = (value − 0) / (10 − 0) × maximum" in method_text(leaf, "en")
    assert "Điểm = (giá trị − 0) / (10 − 0) × điểm tối đa" in method_text(leaf, "vi")


def test_two_forms_that_round_alike_compare_as_the_same_semantics() -> None:
    old = load_criteria_text(TEXT.replace(POLICY_LINE, "rounding: {places: 2, mode: half_up}"), "a.yaml").criteria
    same = load_criteria_text(TEXT.replace(POLICY_LINE, "rounding: {items: 2, total: 2, mode: half_up}"), "b.yaml")
    assert semantic_differences(old, same.criteria) == []
    (line,) = semantic_differences(old, load_criteria_text(TEXT, "c.yaml").criteria)
    assert line.startswith("rounding: ") and "'items': 2" in line and "'items': None" in line


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_composite_ranks_provinces_and_prints_the_index_at_two_places(tmp_path: Path, lang: str) -> None:
    import pari_index as pari

    result, ranked = score_composite(tmp_path)
    report = pari.write_report(tmp_path / "report.html", result, ranked, lang=lang).read_text(encoding="utf-8")
    assert ("Số đơn vị cấp tỉnh" if lang == "vi" else "Provinces") in report
    shown = pari.display_frame(ranked, result.criteria.rounding.column_places)
    assert dict(zip(shown["commune_code"], shown["index"].cast(pl.String), strict=True))["U05"] == "69.35"
    assert "69,35" in report if lang == "vi" else "69.35" in report
