"""Properties of ranking, checked against a plain-Python reading of the rules.

Example counts come from the hypothesis profiles in tests/conftest.py, never from the tests.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import hypothesis.strategies as st
import polars as pl
from hypothesis import given
from ranking_helpers import TOTALS_SCHEMA, criteria_with, no_details

from pari_index.criteria.points import from_units
from pari_index.ranking.ranks import rank

# Few distinct values so that ties are frequent; 800000 and 800100 differ by 0.01 %.
INDICES = [None, 650000, 700000, 800000, 800100, 850000, 900000]
APPRAISED = [500000, 550000, 600000]
GROUPS = ["Huyện A", "Huyện B", "Huyện C"]


@st.composite
def communes(draw: st.DrawFn, min_size: int = 1) -> list[dict[str, Any]]:
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(GROUPS),
                st.sampled_from(INDICES),
                st.sampled_from(APPRAISED),
                st.booleans() | st.just(True),
            ),
            min_size=min_size,
            max_size=25,
        )
    )
    return [
        {"commune_code": f"{i:05d}", "district": g, "index": idx, "appraised_points": a, "ranked": ranked}
        for i, (g, idx, a, ranked) in enumerate(rows)
    ]


def frame_of(rows: list[dict[str, Any]]) -> pl.DataFrame:
    full = [
        {
            "name": r["commune_code"],
            "unit_type": "commune",
            "province": "Tỉnh T",
            "survey_points": 0,
            "adjustment_points": 0,
            "total_points": r["appraised_points"],
            "applicable_max": 1_000_000,
            "area_1": 0,
            "area_2": 0,
            "area_3": 0,
            **r,
        }
        for r in rows
    ]
    return pl.DataFrame(full, schema=TOTALS_SCHEMA)


def by_code(frame: pl.DataFrame, *columns: str) -> dict[str, tuple[Any, ...]]:
    return {row["commune_code"]: tuple(row[c] for c in columns) for row in frame.iter_rows(named=True)}


def eligible(row: dict[str, Any]) -> bool:
    return bool(row["ranked"]) and row["index"] is not None


@given(communes(), st.sampled_from(["competition", "dense"]), st.booleans())
def test_ranks_run_from_one_with_ties_exactly_where_keys_tie(
    rows: list[dict[str, Any]], ties: str, use_tie_break: bool
) -> None:
    criteria = criteria_with(ties=ties, tie_break=["appraised"] if use_tie_break else [])
    out = by_code(rank(frame_of(rows), no_details(), criteria), "rank", "tied", "group_size", "group")

    def key(row: dict[str, Any]) -> tuple[int, ...]:
        return (row["index"], row["appraised_points"]) if use_tie_break else (row["index"],)

    for group in GROUPS:
        members = [r for r in rows if r["district"] == group]
        ranked = [r for r in members if eligible(r)]
        keys = [key(r) for r in ranked]
        for r in members:
            got_rank, got_tied, got_size, got_group = out[r["commune_code"]]
            assert got_group == group
            assert got_size == len(ranked)
            if not eligible(r):
                assert got_rank is None
                assert got_tied is False
                continue
            k = key(r)
            better = [other for other in keys if other > k]
            expected = 1 + (len(better) if ties == "competition" else len(set(better)))
            assert got_rank == expected
            assert got_tied == (keys.count(k) > 1)
        got = sorted(out[r["commune_code"]][0] for r in ranked)
        if got:
            assert got[0] == 1
            assert got[-1] <= len(ranked)
            if ties == "dense":
                assert sorted(set(got)) == list(range(1, len(set(keys)) + 1))


@given(communes(), st.randoms(use_true_random=False))
def test_ranking_does_not_depend_on_input_row_order(rows: list[dict[str, Any]], random: Any) -> None:
    criteria = criteria_with(tie_break=["appraised"])
    shuffled = list(rows)
    random.shuffle(shuffled)
    columns = ("group", "rank", "tied", "group_size", "class", "gap_to_next_class")
    first = rank(frame_of(rows), no_details(), criteria)
    second = rank(frame_of(shuffled), no_details(), criteria)
    assert by_code(first, *columns) == by_code(second, *columns)
    # The output order is fixed too: group, rank, then index and code for unranked units.
    assert first["commune_code"].to_list() == second["commune_code"].to_list()


@given(communes(), st.sampled_from(INDICES[1:]), st.sampled_from(APPRAISED))
def test_adding_a_commune_elsewhere_leaves_this_groups_ranks_alone(
    rows: list[dict[str, Any]], index: int, appraised: int
) -> None:
    criteria = criteria_with(tie_break=["appraised"])
    before = by_code(rank(frame_of(rows), no_details(), criteria), "rank", "tied", "group_size", "group")
    newcomer = {
        "commune_code": "99999",
        "district": "Huyện Mới",
        "index": index,
        "appraised_points": appraised,
        "ranked": True,
    }
    after = by_code(rank(frame_of([*rows, newcomer]), no_details(), criteria), "rank", "tied", "group_size", "group")
    assert after.pop("99999") == (1, False, 1, "Huyện Mới")
    assert after == before


@given(communes(), st.data(), st.integers(min_value=1, max_value=200_000))
def test_raising_an_index_never_lowers_the_rank(rows: list[dict[str, Any]], data: st.DataObject, raise_by: int) -> None:
    criteria = criteria_with(tie_break=["appraised"])
    candidates = [r for r in rows if eligible(r)]
    if not candidates:
        return
    chosen = data.draw(st.sampled_from(candidates))
    code = chosen["commune_code"]
    before = by_code(rank(frame_of(rows), no_details(), criteria), "rank")[code][0]
    raised = [{**r, "index": r["index"] + raise_by} if r["commune_code"] == code else r for r in rows]
    after = by_code(rank(frame_of(raised), no_details(), criteria), "rank")[code][0]
    assert after <= before


BANDS = [
    {"name": "Xuất sắc", "from": 90},
    {"name": "Tốt", "above": 80, "below": 90},
    {"name": "Khá", "from": 70, "to": 80},
    {"name": "Trung bình", "from": 50, "below": 65},  # a gap from 65 to 70
    {"name": "Yếu", "below": 50},
]


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=20))
def test_classes_agree_with_band_contains_and_gaps_reach_the_next_band(hundredths: list[int]) -> None:
    criteria = criteria_with(classes=BANDS)
    rows = [
        {"commune_code": f"{i:05d}", "district": "Huyện A", "index": h * 100, "appraised_points": 0, "ranked": True}
        for i, h in enumerate(hundredths)
    ]
    out = rank(frame_of(rows), no_details(), criteria)
    for row in out.iter_rows(named=True):
        value = from_units(row["index"])
        holding = [b.name for b in criteria.classes if b.contains(value)]
        assert holding == ([row["class"]] if row["class"] is not None else [])
        gap = row["gap_to_next_class"]
        if gap is None:  # only in the top band
            assert (row["class"], row["next_class"]) == ("Xuất sắc", None)
            continue
        # The gap is the smallest whole number of 0.01 % steps that reaches the next class.
        reached = value + from_units(gap)
        next_band = next(b for b in criteria.classes if b.name == row["next_class"])
        assert next_band.contains(reached)
        assert not next_band.contains(reached - Decimal("0.01"))
