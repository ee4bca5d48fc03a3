"""Ranking, classification, the citizen survey and year-over-year change, computed by hand.

Indices and points are written as the decimals people read ("85.25") and compared in units of
1/10,000 (85.25 % = 852500), as pari-index keeps them.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from ranking_helpers import (
    DATA,
    DETAILS_SCHEMA,
    criteria_with,
    no_details,
    ranks_of,
    totals,
    u,
    write_csv,
)

from pari_index.errors import IntakeError, UsageError
from pari_index.outputs.results import read_results, result_tables, write_results
from pari_index.ranking.lineage import read_lineage
from pari_index.ranking.ranks import rank
from pari_index.scoring.run import score

# --------------------------------------------------------------------------------------------
# Ranks and ties


def test_competition_ranks_share_the_lowest_rank_and_skip() -> None:
    frame = totals(
        [
            {"code": "001", "index": "90.00"},
            {"code": "002", "index": "85.00"},
            {"code": "003", "index": "85.00"},
            {"code": "004", "index": "80.00"},
        ]
    )
    out = rank(frame, no_details(), criteria_with())
    assert out["commune_code"].to_list() == ["001", "002", "003", "004"]
    assert out["rank"].to_list() == [1, 2, 2, 4]
    assert out["tied"].to_list() == [False, True, True, False]
    assert out["group_size"].to_list() == [4, 4, 4, 4]
    assert out["group"].to_list() == ["Huyện A"] * 4
    assert out["group_column"].to_list() == ["district"] * 4
    assert out.schema["rank"] == pl.Int64


def test_dense_ranks_do_not_skip() -> None:
    frame = totals(
        [
            {"code": "001", "index": "90.00"},
            {"code": "002", "index": "85.00"},
            {"code": "003", "index": "85.00"},
            {"code": "004", "index": "80.00"},
        ]
    )
    out = rank(frame, no_details(), criteria_with(ties="dense"))
    assert out["rank"].to_list() == [1, 2, 2, 3]
    assert out["tied"].to_list() == [False, True, True, False]


def test_ties_need_equal_rounded_index_not_close_floats() -> None:
    # 85.00 and 85.01 differ by one unit of the set's precision: no tie.
    frame = totals([{"code": "001", "index": "85.00"}, {"code": "002", "index": "85.01"}])
    out = rank(frame, no_details(), criteria_with())
    assert ranks_of(out) == {"002": 1, "001": 2}
    assert not any(out["tied"].to_list())


def test_tie_break_by_appraised_part_before_declaring_ties() -> None:
    # Equal index 85.00; the appraised part decides (higher first); 002 and 004 stay tied.
    frame = totals(
        [
            {"code": "001", "index": "85.00", "appraised": "58.00", "survey": "27.00"},
            {"code": "002", "index": "85.00", "appraised": "60.00", "survey": "25.00"},
            {"code": "003", "index": "86.00", "appraised": "50.00", "survey": "36.00"},
            {"code": "004", "index": "85.00", "appraised": "60.00", "survey": "25.00"},
        ]
    )
    out = rank(frame, no_details(), criteria_with(tie_break=["appraised"]))
    assert ranks_of(out) == {"003": 1, "002": 2, "004": 2, "001": 4}
    assert dict(zip(out["commune_code"], out["tied"], strict=True)) == {
        "003": False,
        "002": True,
        "004": True,
        "001": False,
    }
    # Without the tie-break the three at 85.00 share rank 2.
    plain = rank(frame, no_details(), criteria_with())
    assert ranks_of(plain) == {"003": 1, "001": 2, "002": 2, "004": 2}


def test_tie_break_keys_apply_in_order_area_then_survey() -> None:
    frame = totals(
        [
            {"code": "001", "index": "80.00", "area_3": "4.00", "survey": "4.00", "appraised": "16.00"},
            {"code": "002", "index": "80.00", "area_3": "5.00", "survey": "5.00", "appraised": "15.00"},
            {"code": "003", "index": "80.00", "area_3": "4.00", "survey": "4.50", "appraised": "15.50"},
        ]
    )
    out = rank(frame, no_details(), criteria_with(tie_break=["3", "survey"]))
    # Area 3 first: 002 (5.00); then 001 and 003 both 4.00 in area 3, survey 4.50 beats 4.00.
    assert ranks_of(out) == {"002": 1, "003": 2, "001": 3}


def test_unranked_units_are_reported_apart() -> None:
    frame = totals(
        [
            {"code": "001", "index": "70.00"},
            {"code": "002", "index": "95.00", "ranked": False},  # e.g. a special unit
            {"code": "003", "index": None},  # no applicable maximum: no index
            {"code": "004", "index": "80.00"},
        ]
    )
    out = rank(frame, no_details(), criteria_with())
    assert out["commune_code"].to_list() == ["004", "001", "002", "003"]
    assert out["rank"].to_list() == [1, 2, None, None]
    assert out["group_size"].to_list() == [2, 2, 2, 2]
    assert out["tied"].to_list() == [False, False, False, False]
    assert out["unranked_reason"].to_list() == [None, None, "not_ranked_in_register", "no_index"]
    # A unit that is not ranked still gets its class.
    assert out["class"].to_list() == ["Khá", "Khá", "Tốt", None]


def test_groups_are_ranked_separately_and_sorted() -> None:
    frame = totals(
        [
            {"code": "001", "index": "70.00", "district": "Kiến An"},
            {"code": "002", "index": "75.00", "district": "Dương Kinh"},
            {"code": "003", "index": "80.00", "district": "Kiến An"},
            {"code": "004", "index": "60.00", "district": "Dương Kinh"},
            {"code": "005", "index": "65.00", "district": "Dương Kinh"},
        ]
    )
    out = rank(frame, no_details(), criteria_with())
    assert out.select("group", "commune_code", "rank", "group_size").rows() == [
        ("Dương Kinh", "002", 1, 3),
        ("Dương Kinh", "005", 2, 3),
        ("Dương Kinh", "004", 3, 3),
        ("Kiến An", "003", 1, 2),
        ("Kiến An", "001", 2, 2),
    ]
    # group_by overrides the set's ranking.within; Vietnamese headings are accepted.
    for name in ("province", "tỉnh"):
        by_province = rank(frame, no_details(), criteria_with(), group_by=name)
        assert by_province["rank"].to_list() == [1, 2, 3, 4, 5]
        assert set(by_province["group_column"]) == {"province"}


def test_unknown_group_column_names_the_register_columns() -> None:
    frame = totals([{"code": "001", "index": "70.00"}])
    with pytest.raises(UsageError) as info:
        rank(frame, no_details(), criteria_with(), group_by="ward_cluster")
    message = str(info.value)
    assert "ward_cluster" in message
    # The register's columns as --group-by takes them (the register's «type», not the run's unit_type).
    for column in ("district", "province", "type", "ranked"):
        assert column in message
    assert "unit_type" not in message
    assert "appraised_points" not in message


# --------------------------------------------------------------------------------------------
# Classes and the gap to the next class

BANDS = [
    {"name": "A", "en": "Excellent", "colour": "#1a9850", "from": 90},
    {"name": "B", "en": "Good", "above": 80, "below": 90},
    {"name": "C", "en": "Fair", "from": 70, "to": 80},
    {"name": "D", "en": "Weak", "below": 70},
]


@pytest.mark.parametrize(
    ("index", "klass", "order", "next_class", "gap"),
    [
        ("95.00", "A", 0, None, None),
        ("90.00", "A", 0, None, None),  # "from 90": inclusive
        ("89.99", "B", 1, "A", "0.01"),
        ("85.50", "B", 1, "A", "4.50"),
        ("80.01", "B", 1, "A", "9.99"),
        ("80.00", "C", 2, "B", "0.01"),  # "above 80" excludes 80; "to 80" includes it
        ("70.00", "C", 2, "B", "10.01"),
        ("69.99", "D", 3, "C", "0.01"),  # "below 70": exclusive
        ("0.00", "D", 3, "C", "70.00"),
    ],
)
def test_class_edges_inclusive_and_exclusive(
    index: str, klass: str, order: int, next_class: str | None, gap: str | None
) -> None:
    out = rank(totals([{"code": "001", "index": index}]), no_details(), criteria_with(classes=BANDS))
    row = out.row(0, named=True)
    assert row["class"] == klass
    assert row["class_order"] == order
    assert row["next_class"] == next_class
    assert row["gap_to_next_class"] == u(gap)
    assert row["class_en"] == {"A": "Excellent", "B": "Good", "C": "Fair", "D": "Weak"}[klass]
    assert row["class_colour"] == ("#1a9850" if klass == "A" else None)


def test_class_order_follows_edges_not_declaration_order() -> None:
    shuffled = [BANDS[2], BANDS[0], BANDS[3], BANDS[1]]
    frame = totals([{"code": "001", "index": "95.00"}, {"code": "002", "index": "75.00"}])
    out = rank(frame, no_details(), criteria_with(classes=shuffled))
    assert out.select("class", "class_order").rows() == [("A", 0), ("C", 2)]


def test_index_in_a_gap_between_bands_has_no_class_but_a_next_class() -> None:
    # Bà Rịa–Vũng Tàu (2013): Khá 65–80, Trung bình 50–64; 64.50 falls between them.
    bands = [
        {"name": "Tốt", "above": 80},
        {"name": "Khá", "from": 65, "to": 80},
        {"name": "Trung bình", "from": 50, "to": 64},
        {"name": "Yếu", "below": 50},
    ]
    out = rank(totals([{"code": "001", "index": "64.50"}]), no_details(), criteria_with(classes=bands))
    row = out.row(0, named=True)
    assert row["class"] is None
    assert row["class_order"] is None
    assert row["next_class"] == "Khá"
    assert row["gap_to_next_class"] == 5000  # 0.50 points of index


def test_gap_to_an_exclusive_lower_edge_uses_the_sets_precision() -> None:
    bands = [{"name": "Tốt", "above": 80}, {"name": "Khá", "to": 80}]
    two = rank(totals([{"code": "001", "index": "80.00"}]), no_details(), criteria_with(classes=bands))
    assert two["gap_to_next_class"].item() == 100  # 80.01 is the lowest "Tốt" at 2 places
    one = rank(totals([{"code": "001", "index": "80.0"}]), no_details(), criteria_with(classes=bands, places=1))
    assert one["gap_to_next_class"].item() == 1000  # 80.1 at 1 place


# --------------------------------------------------------------------------------------------
# Items with the largest losses, and area ranks


def _details(rows: list[tuple[str, str, str, str, str, str | None, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "commune_code": code,
                "criterion_id": item,
                "area_id": area,
                "part": part,
                "max": u(maximum),
                "final_score": u(final),
                "counted_max": 0 if status == "excluded" else u(maximum),
                "status": status,
            }
            for code, item, area, part, maximum, final, status in rows
        ],
        schema=DETAILS_SCHEMA,
    )


def test_top_lost_lists_three_largest_losses_in_set_order_on_ties() -> None:
    details = _details(
        [
            ("001", "1.1.1", "1", "appraised", "1", "1", "ok"),  # lost nothing
            ("001", "1.1.4", "1", "appraised", "1.7", "0.7", "ok"),  # −1.00
            ("001", "1.2.1", "1", "appraised", "2", "1", "ok"),  # −1.00, after 1.1.4 in the set
            ("001", "2.1", "2", "appraised", "4", "2.75", "ok"),  # −1.25
            ("001", "2.2", "2", "appraised", "3", "2.5", "ok"),  # −0.50: fourth, left out
            ("001", "2.3", "2", "appraised", "3", None, "excluded"),  # not applicable: no loss
            ("001", "3.1", "3", "survey", "5", "4.5", "ok"),  # −0.50
            ("001", "4.1", "4", "adjustment", "2", "0", "ok"),  # bonus not won: not a loss
            ("002", "1.1.1", "1", "appraised", "1", "0.6667", "ok"),
        ]
    )
    frame = totals([{"code": "001", "index": "80.00"}, {"code": "002", "index": "70.00"}, {"code": "003"}])
    out = rank(frame, details, criteria_with())
    lost = dict(zip(out["commune_code"], out["top_lost"], strict=True))
    assert lost["001"] == "2.1 (−1.25), 1.1.4 (−1.00), 1.2.1 (−1.00)"
    assert lost["002"] == "1.1.1 (−0.3333)"
    assert lost["003"] is None


def test_area_ranks_within_group_and_not_for_excluded_areas() -> None:
    frame = totals(
        [
            {"code": "001", "index": "80.00", "area_1": "8.00", "area_2": "9.00"},
            {"code": "002", "index": "85.00", "area_1": "9.00", "area_2": "7.00"},
            {"code": "003", "index": "75.00", "area_1": "9.00", "area_2": "0"},
        ]
    )
    details = _details(
        [
            ("001", "1.1.1", "1", "appraised", "10", "8", "ok"),
            ("001", "2.3", "2", "appraised", "10", "9", "ok"),
            ("002", "1.1.1", "1", "appraised", "10", "9", "ok"),
            ("002", "2.3", "2", "appraised", "10", "7", "ok"),
            ("003", "1.1.1", "1", "appraised", "10", "9", "ok"),
            ("003", "2.3", "2", "appraised", "10", None, "excluded"),  # the whole area 2 is N/A
        ]
    )
    out = rank(frame, details, criteria_with())
    assert ranks_of(out, "rank_area_1") == {"001": 3, "002": 1, "003": 1}
    assert ranks_of(out, "rank_area_2") == {"001": 1, "002": 2, "003": None}
    assert "rank_area_4" not in out.columns  # bonus and penalty points are not ranked


# --------------------------------------------------------------------------------------------
# Through scoring: not-applicable re-scaling and the optional survey


def test_not_applicable_exclusion_rescales_68_32_of_84_to_81_33(tmp_path: Path) -> None:
    """Thanh Hóa 2023 (domain primer §6): 68.32 points of an applicable 84 is 81.33 %.

    tests/data/na_rescale.yaml: 30 (1.1 yes) + 20 × 216/1000 = 4.32 (1.2) + 20 (2.1 yes)
    + 14 × 14/14 = 14 (2.2) = 68.32; area 3 (16 points) is excluded: 3.1 declared not
    applicable, 3.2 only for wards. 68.32 / 84 × 100 = 81.3333… → 81.33. The ward with area 3
    applicable and met scores 84.32 / 100 = 84.32 %."""
    communes = write_csv(
        tmp_path / "communes.csv",
        ["code", "name", "type", "district", "province"],
        [("001", "Xã Một", "xã", "Huyện A", "Tỉnh T"), ("002", "Phường Hai", "phường", "Huyện A", "Tỉnh T")],
    )
    header = ["commune_code", "1.1", "1.2:done", "1.2:planned", "2.1", "2.2:on_time", "2.2:received"]
    assessments = write_csv(
        tmp_path / "assessment.csv",
        [*header, "3.1", "3.1:n/a", "3.2"],
        [
            ("001", "có", 216, 1000, "có", 14, 14, None, "có", None),
            ("002", "có", 216, 1000, "có", 14, 14, "có", None, "có"),
        ],
    )
    result = score([assessments], DATA / "na_rescale.yaml", communes=communes)
    out = rank(result.totals, result.details, result.criteria)
    row = out.filter(pl.col("commune_code") == "001").row(0, named=True)
    assert row["appraised_points"] == 683200
    assert row["applicable_max"] == 840000
    assert row["index"] == 813300
    assert row["class"] == "Khá"
    assert row["rank"] == 2
    assert row["gap_to_next_class"] == u("8.67")  # 90.00 − 81.33
    assert row["rank_area_3"] is None  # area 3 does not apply to this commune
    ward = out.filter(pl.col("commune_code") == "002").row(0, named=True)
    assert (ward["index"], ward["rank"], ward["applicable_max"]) == (843200, 1, 1_000_000)
    assert ward["rank_area_3"] == 1


def test_optional_survey_rescales_a_commune_without_survey_to_the_appraised_part(tmp_path: Path) -> None:
    """tests/data/survey_optional.yaml: appraised 70 + survey 30, survey optional.

    001: 80 % of 70 = 56.00 appraised, 50 % of 30 = 15.00 survey: 71.00 / 100 = 71.00 %.
    002: 56.00 appraised, no survey results: 56.00 / 70 = 80.00 % (re-scaled).
    003: 90 % of 70 = 63.00 and 100 % of 30 = 30.00: 93.00 %."""
    communes = write_csv(
        tmp_path / "communes.csv",
        ["code", "name", "type", "district"],
        [("001", "Xã Một", "xã", "Huyện A"), ("002", "Xã Hai", "xã", "Huyện A"), ("003", "Xã Ba", "xã", "Huyện A")],
    )
    assessments = write_csv(
        tmp_path / "assessment.csv", ["commune_code", "1.1"], [("001", 80), ("002", 80), ("003", 90)]
    )
    # Wide like the assessment: a long survey file beside a wide assessment currently fails in
    # read_assessments (cells of the two forms have their columns in different orders).
    survey = write_csv(tmp_path / "survey.csv", ["commune_code", "2.1"], [("001", 50), ("003", 100)])
    result = score([assessments], DATA / "survey_optional.yaml", communes=communes, survey=[survey])
    out = rank(result.totals, result.details, result.criteria)
    got = {r["commune_code"]: r for r in out.iter_rows(named=True)}
    assert (got["001"]["total_points"], got["001"]["index"], got["001"]["survey_rescaled"]) == (710000, 710000, False)
    assert (got["002"]["total_points"], got["002"]["applicable_max"]) == (560000, 700000)
    assert (got["002"]["index"], got["002"]["survey_rescaled"]) == (800000, True)
    assert got["003"]["index"] == 930000
    assert out["commune_code"].to_list() == ["003", "002", "001"]
    assert out["rank"].to_list() == [1, 2, 3]
    assert (got["002"]["class"], got["002"]["gap_to_next_class"]) == ("Tốt", None)
    assert (got["001"]["class"], got["001"]["next_class"], got["001"]["gap_to_next_class"]) == ("Khá", "Tốt", 90000)
    # The survey item a commune did not take part in is not one of its "lost" items.
    assert got["002"]["top_lost"] == "1.1 (−14.00)"


# --------------------------------------------------------------------------------------------
# Year over year


def _previous(
    rows: list[tuple[str, int | None, float | None, str]], district_kind: bool = True
) -> dict[str, pl.DataFrame]:
    """Last year's summary as read_results returns it: decimals, not units."""
    frame = pl.DataFrame(
        {
            "commune_code": [r[0] for r in rows],
            "rank": [r[1] for r in rows],
            "index": [r[2] for r in rows],
            "group": [r[3] for r in rows],
            "district": [r[3] if district_kind else "?" for r in rows],
            "province": ["Tỉnh T"] * len(rows),
        },
        schema={
            "commune_code": pl.String,
            "rank": pl.Int64,
            "index": pl.Float64,
            "group": pl.String,
            "district": pl.String,
            "province": pl.String,
        },
    )
    return {"summary": frame}


LAST_YEAR = [
    ("012", 1, 90.00, "Huyện A"),
    ("001", 2, 88.00, "Huyện A"),
    ("013", 3, 85.20, "Huyện A"),
    ("099", 4, 80.00, "Huyện A"),
    ("014", 5, 78.00, "Huyện A"),
    ("005", None, 70.00, "Huyện A"),
]

THIS_YEAR = [
    {"code": "001", "index": "86.00"},
    {"code": "002", "index": "91.00"},  # was 012
    {"code": "003", "index": "89.00"},  # merged from 013 and 014
    {"code": "004", "index": "70.00"},  # new
    {"code": "005", "index": "75.00"},  # not ranked last year
]


def test_year_over_year_with_renamed_and_merged_communes(tmp_path: Path) -> None:
    lineage_file = tmp_path / "lineage.csv"
    lineage_file.write_text(
        "Mã cũ,Mã mới,Ghi chú\n012,002,đổi mã\n013,003,sáp nhập\n014,003,sáp nhập\n", encoding="utf-8"
    )
    lineage = read_lineage(lineage_file)
    assert lineage.select("old_code", "new_code").rows() == [("012", "002"), ("013", "003"), ("014", "003")]

    out = rank(
        totals(THIS_YEAR), no_details(), criteria_with(), previous=_previous(LAST_YEAR), lineage=lineage, lang="en"
    )
    got = {r["commune_code"]: r for r in out.iter_rows(named=True)}
    assert ranks_of(out) == {"002": 1, "003": 2, "001": 3, "005": 4, "004": 5}

    same = got["001"]  # 2nd last year at 88.00, 3rd now at 86.00
    assert (same["previous_rank"], same["previous_index"]) == (2, 880000)
    assert (same["rank_change"], same["index_change"], same["previous_note"]) == (-1, -20000, None)

    renamed = got["002"]  # 012 was 1st at 90.00; 1st now at 91.00
    assert (renamed["previous_rank"], renamed["previous_index"]) == (1, 900000)
    assert (renamed["rank_change"], renamed["index_change"]) == (0, 10000)
    assert renamed["previous_note"] == "code changed from 012"

    merged = got["003"]  # no invented previous score
    assert merged["previous_rank"] is None
    assert merged["previous_index"] is None
    assert merged["rank_change"] is None
    assert merged["index_change"] is None
    assert merged["previous_note"] == "merged from: 013 (3/5, 85.20 %), 014 (5/5, 78.00 %)"

    new = got["004"]
    assert (new["previous_rank"], new["previous_index"], new["rank_change"]) == (None, None, None)
    assert new["previous_note"] == "not in last year's results"

    unranked = got["005"]
    assert (unranked["previous_rank"], unranked["previous_index"]) == (None, 700000)
    assert (unranked["rank_change"], unranked["index_change"]) == (None, 50000)
    assert unranked["previous_note"] == "not ranked last year"


def test_without_lineage_codes_match_directly_and_predecessors_are_unknown() -> None:
    out = rank(totals(THIS_YEAR), no_details(), criteria_with(), previous=_previous(LAST_YEAR), lang="en")
    got = {r["commune_code"]: r for r in out.iter_rows(named=True)}
    assert got["001"]["rank_change"] == -1
    assert got["002"]["previous_note"] == "not in last year's results"
    assert got["003"]["previous_rank"] is None


def test_split_commune_lists_its_predecessor_without_a_previous_score() -> None:
    lineage = pl.DataFrame({"old_code": ["012", "012"], "new_code": ["002", "006"]})
    frame = totals([{"code": "002", "index": "91.00"}, {"code": "006", "index": "80.00"}])
    out = rank(frame, no_details(), criteria_with(), previous=_previous(LAST_YEAR), lineage=lineage, lang="en")
    assert out["previous_rank"].to_list() == [None, None]
    assert out["previous_note"].to_list() == ["split from: 012 (1/5, 90.00 %)"] * 2


def test_ranks_are_not_compared_across_kinds_of_peer_group() -> None:
    # Last year ranked within the district (Huyện A); after the 2025 reform within the province.
    frame = totals([{"code": "001", "index": "86.00"}, {"code": "005", "index": "75.00"}])
    out = rank(frame, no_details(), criteria_with(within="province"), previous=_previous(LAST_YEAR), lang="en")
    row = out.filter(pl.col("commune_code") == "001").row(0, named=True)
    assert row["rank"] == 1
    assert row["previous_rank"] == 2  # shown, but not compared
    assert row["rank_change"] is None
    assert row["index_change"] == -20000
    assert row["previous_note"] == (
        "different peer group: ranked within district (Huyện A) last year, within province now; ranks not compared"
    )


def test_a_commune_that_moved_to_another_group_is_flagged() -> None:
    frame = totals([{"code": "001", "index": "86.00", "district": "Huyện B"}])
    out = rank(frame, no_details(), criteria_with(), previous=_previous(LAST_YEAR), lang="en")
    row = out.row(0, named=True)
    assert row["rank_change"] is None
    assert (
        row["previous_note"] == "different peer group: ranked in Huyện A last year, in Huyện B now; ranks not compared"
    )


def test_the_comparison_notes_are_in_the_run_s_language() -> None:
    """previous_note in Vietnamese by default (the summary and the report show it as it is), with
    the Vietnamese decimal mark and the register columns named in words."""
    lineage = pl.DataFrame({"old_code": ["013", "014", "012"], "new_code": ["003", "003", "002"]})
    out = rank(totals(THIS_YEAR), no_details(), criteria_with(), previous=_previous(LAST_YEAR), lineage=lineage)
    notes = dict(out.select("commune_code", "previous_note").rows())
    assert notes == {
        "001": None,
        "002": "đổi mã từ 012",
        "003": "sáp nhập từ: 013 (3/5, 85,20 %), 014 (5/5, 78,00 %)",
        "004": "không có trong kết quả năm trước",
        "005": "năm trước không được xếp hạng",
    }
    split = pl.DataFrame({"old_code": ["012", "777"], "new_code": ["002", "002"]})
    frame = totals([{"code": "002", "index": "91.00"}])
    out = rank(frame, no_details(), criteria_with(), previous=_previous(LAST_YEAR), lineage=split)
    assert out["previous_note"].to_list() == ["sáp nhập từ: 012 (1/5, 90,00 %), 777 (không có kết quả)"]
    frame = totals([{"code": "001", "index": "86.00"}])
    out = rank(frame, no_details(), criteria_with(within="province"), previous=_previous(LAST_YEAR))
    assert out["previous_note"].to_list() == [
        "khác nhóm so sánh: năm trước xếp hạng trong huyện (Huyện A), nay trong tỉnh; không so sánh hạng"
    ]
    frame = totals([{"code": "001", "index": "86.00", "district": "Huyện B"}])
    out = rank(frame, no_details(), criteria_with(), previous=_previous(LAST_YEAR))
    assert out["previous_note"].to_list() == [
        "khác nhóm so sánh: năm trước xếp hạng trong Huyện A, nay trong Huyện B; không so sánh hạng"
    ]


def test_previous_results_round_trip_through_a_results_workbook(tmp_path: Path) -> None:
    """Rank, write a results workbook, read it back as last year's: nothing changes."""
    communes = write_csv(
        tmp_path / "communes.csv",
        ["code", "name", "type", "district", "province"],
        [
            ("00001", "Phường Nam Sơn", "phường", "Kiến An", "Hải Phòng"),
            ("00002", "Xã Hai", "xã", "Kiến An", "Hải Phòng"),
            ("00003", "Phường Ba", "phường", "Kiến An", "Hải Phòng"),
        ],
    )
    assessments = write_csv(
        tmp_path / "a.csv",
        ["commune_code", "1.2.3", "2.1:on_time", "2.1:received", "3.1"],
        [("00001", "có", 241, 263, 85), ("00002", "không", 200, 263, 92), ("00003", "có", 241, 263, 85)],
    )
    result = score([assessments], DATA / "all_kinds.yaml", communes=communes)
    summary = rank(result.totals, result.details, result.criteria)
    files = write_results(tmp_path / "results.xlsx", result_tables(result, summary))
    previous = read_results(files[0])
    again = rank(result.totals, result.details, result.criteria, previous=previous)
    assert again["previous_rank"].to_list() == summary["rank"].to_list()
    assert again["previous_index"].to_list() == summary["index"].to_list()
    assert again["rank_change"].to_list() == [0, 0, 0]
    assert again["index_change"].to_list() == [0, 0, 0]
    assert again["previous_note"].to_list() == [None, None, None]
    assert summary["commune_code"].to_list() == ["00002", "00001", "00003"]
    assert summary["tied"].to_list() == [False, True, True]  # 00001 and 00003 scored alike


def test_read_lineage_xlsx_and_errors(tmp_path: Path) -> None:
    book = tmp_path / "lineage.xlsx"
    pl.DataFrame({"old_code": ["00123", "00124"], "new_code": ["00999", "00999"]}).write_excel(book)
    assert read_lineage(book).select("old_code", "new_code").rows() == [("00123", "00999"), ("00124", "00999")]
    bad = tmp_path / "bad.csv"
    bad.write_text("old,mã\n1,2\n", encoding="utf-8")
    with pytest.raises(IntakeError, match="new_code"):
        read_lineage(bad)
    blank = tmp_path / "blank.csv"
    blank.write_text("old_code,new_code\n00123,\n", encoding="utf-8")
    with pytest.raises(IntakeError, match="both the old and the new code"):
        read_lineage(blank)
