"""Ranking groups keyed by their whole path (issue 16, item 6).

District names repeat across provinces (Huyện Châu Thành is in about ten provinces of the Mekong
delta). A run ranked within districts must rank the communes of each (province, district) apart,
label the groups readably ("Huyện Châu Thành, Tiền Giang"), and keep them apart in the year-over-year
comparison, the workbook's ranking sheets and the report.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import fastexcel
import polars as pl
import pytest
from ranking_helpers import DATA, criteria_with, no_details, totals, write_csv

from pari_index.errors import UsageError
from pari_index.ranking import group_path, rank
from pari_index.results import group_sheets, read_results, result_tables, write_results
from pari_index.scoring import score

CT = "Huyện Châu Thành"
TG, BT = "Tiền Giang", "Bến Tre"

# Two Huyện Châu Thành (Tiền Giang, Bến Tre) and a district whose name is its own (Cái Bè).
NATIONAL = [
    {"code": "001", "index": "70.00", "district": CT, "province": TG, "area_1": "10"},
    {"code": "002", "index": "90.00", "district": CT, "province": BT, "area_1": "30"},
    {"code": "003", "index": "80.00", "district": CT, "province": TG, "area_1": "20"},
    {"code": "004", "index": "60.00", "district": CT, "province": BT, "area_1": "40"},
    {"code": "005", "index": "85.00", "district": "Huyện Cái Bè", "province": TG, "area_1": "5"},
]
EXPECTED = [
    # group label, group key, code, rank, group size, rank in area 1 (groups sorted by label, as text)
    (f"{CT}, {BT}", f"{BT} › {CT}", "002", 1, 2, 2),
    (f"{CT}, {BT}", f"{BT} › {CT}", "004", 2, 2, 1),
    (f"{CT}, {TG}", f"{TG} › {CT}", "003", 1, 2, 1),
    (f"{CT}, {TG}", f"{TG} › {CT}", "001", 2, 2, 2),
    ("Huyện Cái Bè", f"{TG} › Huyện Cái Bè", "005", 1, 1, 1),
]


def _rows(out: pl.DataFrame) -> list[tuple[Any, ...]]:
    return out.select("group", "group_key", "commune_code", "rank", "group_size", "rank_area_1").rows()


@pytest.mark.parametrize(
    "group_by",
    [None, "district", "huyện", "province,district", " province , district ", ["province", "district"]],
    ids=["set-within", "district", "vietnamese", "list-text", "spaces", "list"],
)
def test_repeated_district_names_are_ranked_per_province(group_by: str | list[str] | None) -> None:
    out = rank(totals(NATIONAL), no_details(), criteria_with(within="district"), group_by=group_by)
    assert _rows(out) == EXPECTED
    assert set(out["group_column"]) == {"district"}
    # No group mixes provinces.
    assert out.group_by("group_key").agg(pl.col("province").n_unique())["province"].to_list() == [1, 1, 1]


def test_one_province_keeps_plain_district_labels() -> None:
    """The parent is only added when a name repeats: a provincial run reads as it always did."""
    one = [{**row, "province": TG} for row in NATIONAL if row["province"] == TG]
    out = rank(totals(one), no_details(), criteria_with(within="district"))
    assert out.select("group", "commune_code", "rank").rows() == [
        (CT, "003", 1),
        (CT, "001", 2),
        ("Huyện Cái Bè", "005", 1),
    ]


def test_province_groups_and_empty_districts() -> None:
    """Ranked within the province there is one group per province; an empty district is a group of
    its own in each province, labelled with the province when it is in more than one."""
    by_province = rank(totals(NATIONAL), no_details(), criteria_with(within="province"))
    assert by_province.select("group", "group_key", "commune_code", "rank").rows() == [
        (BT, BT, "002", 1),
        (BT, BT, "004", 2),
        (TG, TG, "005", 1),
        (TG, TG, "003", 2),
        (TG, TG, "001", 3),
    ]
    rows = [
        {"code": "001", "index": "70.00", "district": None, "province": TG},
        {"code": "002", "index": "80.00", "district": None, "province": BT},
        {"code": "003", "index": "75.00", "district": None, "province": TG},
    ]
    out = rank(totals(rows), no_details(), criteria_with(within="district"))
    assert out.select("group", "group_key", "commune_code", "rank").rows() == [
        (f"—, {BT}", f"{BT} › —", "002", 1),
        (f"—, {TG}", f"{TG} › —", "003", 1),
        (f"—, {TG}", f"{TG} › —", "001", 2),
    ]
    single = rank(totals(rows[:1]), no_details(), criteria_with(within="district"))
    assert single["group"].to_list() == [None]  # one empty district: empty, as before


def test_a_custom_column_takes_its_parents_from_the_list() -> None:
    """A column outside province/district is taken as given; listing a parent keys it by both."""
    frame = totals(NATIONAL).with_columns(
        pl.Series("cluster", ["Cụm 1", "Cụm 1", "Cụm 1", "Cụm 2", "Cụm 1"], dtype=pl.String)
    )
    alone = rank(frame, no_details(), criteria_with(), group_by="cluster")
    assert alone.filter(pl.col("group") == "Cụm 1")["rank"].to_list() == [1, 2, 3, 4]
    assert alone.filter(pl.col("group") == "Cụm 1")["commune_code"].to_list() == ["002", "005", "003", "001"]
    nested = rank(frame, no_details(), criteria_with(), group_by="province,cluster")
    assert nested.select("group", "commune_code", "rank", "group_size").rows() == [
        (f"Cụm 1, {BT}", "002", 1, 1),
        (f"Cụm 1, {TG}", "005", 1, 3),
        (f"Cụm 1, {TG}", "003", 2, 3),
        (f"Cụm 1, {TG}", "001", 3, 3),
        ("Cụm 2", "004", 1, 1),
    ]
    assert set(nested["group_column"]) == {"cluster"}


def test_district_codes_key_the_groups_and_tell_equal_names_apart() -> None:
    """With a district_code column the codes are the key: one spelling or another of a name with
    one code is one group; two districts of one name and province with two codes are two groups,
    labelled with their codes."""
    frame = totals(
        [
            {"code": "001", "index": "70.00", "district": "Huyện Châu Thành", "province": TG},
            {"code": "002", "index": "90.00", "district": "H. Châu Thành", "province": TG},
            {"code": "003", "index": "80.00", "district": "Huyện Châu Thành", "province": TG},
        ]
    ).with_columns(pl.Series("district_code", ["820", "820", "821"], dtype=pl.String))
    out = rank(frame, no_details(), criteria_with(within="district"))
    assert out.select("group", "group_key", "commune_code", "rank", "group_size").rows() == [
        (f"{CT}, {TG} (820)", f"{TG} › 820", "002", 1, 2),
        (f"{CT}, {TG} (820)", f"{TG} › 820", "001", 2, 2),
        (f"{CT}, {TG} (821)", f"{TG} › 821", "003", 1, 1),
    ]


@pytest.mark.parametrize(
    ("group_by", "code", "words"),
    [
        ("district,province", "group-columns-order", "district before its province"),
        ("province,province", "repeated-group-column", "province more than once"),
        ("province,,district", "empty-group-column", "empty column name"),
        ("province,ward_cluster", "unknown-group-column", "'ward_cluster'"),
    ],
)
def test_bad_group_lists_are_usage_errors(group_by: str, code: str, words: str) -> None:
    with pytest.raises(UsageError) as info:
        group_path(totals(NATIONAL), group_by)
    assert info.value.problems[0].code == code
    assert words in str(info.value)
    assert "--group-by" in (info.value.problems[0].hint or "")


def test_group_path_brings_the_province_of_a_district() -> None:
    frame = totals(NATIONAL)
    assert group_path(frame, "district") == ("province", "district")
    assert group_path(frame, ["tỉnh", "huyện"]) == ("province", "district")
    assert group_path(frame, "province") == ("province",)
    assert group_path(frame.drop("province"), "district") == ("district",)


# --------------------------------------------------------------------------------------------
# Year over year


def _keyed_previous(rows: list[tuple[str, int, float, str, str]]) -> dict[str, pl.DataFrame]:
    """Last year's summary as a keyed results file holds it: code, rank, index, label, key."""
    frame = pl.DataFrame(
        {
            "commune_code": [r[0] for r in rows],
            "rank": [r[1] for r in rows],
            "index": [r[2] for r in rows],
            "group": [r[3] for r in rows],
            "group_key": [r[4] for r in rows],
            "group_column": ["district"] * len(rows),
        },
        schema={
            "commune_code": pl.String,
            "rank": pl.Int64,
            "index": pl.Float64,
            "group": pl.String,
            "group_key": pl.String,
            "group_column": pl.String,
        },
    )
    return {"summary": frame}


def test_previous_ranks_compare_within_the_same_keyed_group() -> None:
    previous = _keyed_previous(
        [
            ("001", 1, 75.0, CT, f"{TG} › {CT}"),  # was 1st, now 2nd in the same group
            ("003", 2, 72.0, CT, f"{TG} › {CT}"),
            ("002", 2, 80.0, CT, f"{BT} › {CT}"),
            ("004", 1, 81.0, CT, f"{TG} › {CT}"),  # was in Tiền Giang's Châu Thành: not compared
        ]
    )
    out = rank(totals(NATIONAL), no_details(), criteria_with(), previous=previous)
    got = {r["commune_code"]: r for r in out.iter_rows(named=True)}
    assert (got["001"]["previous_rank"], got["001"]["rank_change"], got["001"]["previous_note"]) == (1, -1, None)
    assert (got["003"]["rank_change"], got["002"]["rank_change"]) == (1, 1)
    assert got["004"]["rank_change"] is None
    assert got["004"]["previous_note"] == (
        f"different peer group: ranked in {TG} › {CT} last year, in {BT} › {CT} now; ranks not compared"
    )


def _national_files(tmp_path: Path) -> tuple[Path, Path]:
    register = write_csv(
        tmp_path / "communes.csv",
        ["code", "name", "type", "district", "province"],
        [
            ("00001", "Xã Một", "xã", CT, TG),
            ("00002", "Xã Hai", "xã", CT, BT),
            ("00003", "Xã Ba", "xã", CT, TG),
            ("00004", "Xã Bốn", "xã", CT, BT),
        ],
    )
    assessments = write_csv(
        tmp_path / "a.csv",
        ["commune_code", "1.2.3", "2.1:on_time", "2.1:received", "3.1"],
        [
            ("00001", "có", 241, 263, 85),
            ("00002", "không", 200, 263, 92),
            ("00003", "có", 263, 263, 95),
            ("00004", "có", 100, 263, 50),
        ],
    )
    return register, assessments


def test_keyed_results_round_trip_and_separate_sheets(tmp_path: Path) -> None:
    """A national run written to a workbook and read back as last year's compares every unit
    with itself; the workbook has one ranking sheet per (province, district)."""
    register, assessments = _national_files(tmp_path)
    result = score([assessments], DATA / "all_kinds.yaml", communes=register)
    summary = rank(result.totals, result.details, result.criteria, group_by="district")
    assert summary.select("group", "commune_code", "rank", "group_size").rows() == [
        (f"{CT}, {BT}", "00002", 1, 2),
        (f"{CT}, {BT}", "00004", 2, 2),
        (f"{CT}, {TG}", "00003", 1, 2),
        (f"{CT}, {TG}", "00001", 2, 2),
    ]
    files = write_results(tmp_path / "results.xlsx", result_tables(result, summary))
    previous = read_results(files[0])
    assert previous["summary"]["group_key"].to_list() == [f"{BT} › {CT}"] * 2 + [f"{TG} › {CT}"] * 2
    book = fastexcel.read_excel(str(files[0]))
    assert [n for n in book.sheet_names if n.startswith("XH ")] == [f"XH {CT}, {BT}", f"XH {CT}, {TG}"]
    sheet = pl.read_excel(files[0], sheet_name=f"XH {CT}, {TG}", infer_schema_length=0)
    assert sheet.select("commune_code", "rank", "group").rows() == [
        ("00003", "1", f"{CT}, {TG}"),
        ("00001", "2", f"{CT}, {TG}"),
    ]
    again = rank(result.totals, result.details, result.criteria, group_by="district", previous=previous)
    assert again["rank_change"].to_list() == [0, 0, 0, 0]
    assert again["previous_note"].to_list() == [None] * 4


def test_group_sheets_of_equal_names_are_two_sheets() -> None:
    summary = pl.DataFrame(
        {
            "commune_code": ["1", "2", "3"],
            "rank": [1, 1, 2],
            "group": [f"{CT}, {BT}", f"{CT}, {TG}", f"{CT}, {TG}"],
            "group_key": [f"{BT} › {CT}", f"{TG} › {CT}", f"{TG} › {CT}"],
        }
    )
    sheets = group_sheets(summary)
    assert list(sheets) == [f"XH {CT}, {BT}", f"XH {CT}, {TG}"]
    assert sheets[f"XH {CT}, {TG}"]["commune_code"].to_list() == ["2", "3"]
    # Labels longer than a sheet name allows are cut, and stay unique.
    long = summary.with_columns(pl.col("group") + " (Tỉnh mô phỏng rất dài)")
    assert list(group_sheets(long)) == ["XH Huyện Châu Thành, Bến Tre (T", "XH Huyện Châu Thành, Tiền Giang"]


# --------------------------------------------------------------------------------------------
# The report


def _headings(page: str) -> list[tuple[str, str]]:
    """Each group's heading and the muted text beside it."""
    found = re.findall(r'<h2 dir="auto">(.*?)</h2> <span class="muted">(.*?)</span></summary>', page)
    return [(re.sub(r"<[^>]+>", "", html.unescape(h)), re.sub(r"<[^>]+>", "", html.unescape(m))) for h, m in found]


def test_report_shows_one_group_per_province_and_district(tmp_path: Path) -> None:
    from pari_index.report import write_report

    register, assessments = _national_files(tmp_path)
    result = score([assessments], DATA / "all_kinds.yaml", communes=register)
    summary = rank(result.totals, result.details, result.criteria, group_by="district")
    page = tmp_path / "r.html"
    for lang, units in (("vi", "2 đơn vị"), ("en", "2 communes")):
        write_report(page, result_tables(result, summary).as_dict(), lang=lang, criteria=result.criteria)
        # The label names the province, so it is not repeated beside it.
        assert _headings(page.read_text(encoding="utf-8")) == [(f"{CT}, {BT}", units), (f"{CT}, {TG}", units)]
