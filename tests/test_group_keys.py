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
import hypothesis.strategies as st
import polars as pl
import pytest
from hypothesis import given
from ranking_helpers import DATA, criteria_with, no_details, totals, write_csv

from pari_index.errors import UsageError
from pari_index.outputs.results import group_sheets, read_results, result_tables, write_results
from pari_index.ranking.groups import group_path
from pari_index.ranking.ranks import rank
from pari_index.scoring.run import score

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
        ("province,ward_cluster", "unknown-group-column", "«ward_cluster»"),
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
    out = rank(totals(NATIONAL), no_details(), criteria_with(), previous=previous, lang="en")
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
    assert sheet.select("Mã đơn vị", "Hạng", "Nhóm xếp hạng").rows() == [
        ("00003", "1", f"{CT}, {TG}"),
        ("00001", "2", f"{CT}, {TG}"),
    ]
    again = rank(result.totals, result.details, result.criteria, group_by="district", previous=previous)
    assert again["rank_change"].to_list() == [0, 0, 0, 0]
    assert again["previous_note"].to_list() == [None] * 4
    # The about sheet says what the units were ranked within, as ranked.
    by_province = rank(result.totals, result.details, result.criteria, group_by="province")
    about = dict(result_tables(result, by_province).about.rows())
    assert (about["ranked_within"], dict(result_tables(result, summary).about.rows())["ranked_within"]) == (
        "province",
        "district",
    )


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
    from pari_index.outputs.report import write_report

    register, assessments = _national_files(tmp_path)
    result = score([assessments], DATA / "all_kinds.yaml", communes=register)
    summary = rank(result.totals, result.details, result.criteria, group_by="district")
    page = tmp_path / "r.html"
    for lang, units in (("vi", "2 đơn vị"), ("en", "2 communes")):
        write_report(page, result_tables(result, summary).as_dict(), lang=lang, criteria=result.criteria)
        # The label names the province, so it is not repeated beside it.
        assert _headings(page.read_text(encoding="utf-8")) == [(f"{CT}, {BT}", units), (f"{CT}, {TG}", units)]


# --------------------------------------------------------------------------------------------
# A national demo set through the CLI


ROOT = Path(__file__).resolve().parents[1]
HAI_PHONG = ROOT / "criteria" / "hai-phong-2022-commune.yaml"  # ranked within districts


def test_national_demo_register_repeats_a_district_name(tmp_path: Path) -> None:
    from pari_index.demo import generate

    files = generate(HAI_PHONG, tmp_path, communes=60, districts=8, provinces=3, seed=16, forms=("long", "wide"))
    reg = pl.read_csv(files["communes"], infer_schema=False)
    pairs = reg.select("province", "district").unique()
    assert reg["province"].n_unique() == 3
    assert pairs.height == 8  # every district of every province, none merged
    repeated = pairs.group_by("district").len().filter(pl.col("len") > 1)
    assert repeated.height == 1 and repeated["len"].item() == 3  # one name in each province
    assert repeated["district"].item().startswith("Huyện ")
    # The wide file holds whole (province, district) groups: no commune is in both forms.
    long_codes = set(pl.read_csv(files["assessments_long"], infer_schema=False)["commune_code"])
    wide_codes = set(pl.read_csv(files["assessments_wide"], infer_schema=False)["commune_code"].drop_nulls())
    assert wide_codes and not long_codes & wide_codes


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from pari_index.demo import generate

    return generate(HAI_PHONG, tmp_path_factory.mktemp("national"), communes=60, districts=8, provinces=3, seed=16)


def _score_args(files: dict[str, Path], out: Path, *group_by: str) -> list[str]:
    args = ["score", str(files["assessments_long"]), "--criteria", str(HAI_PHONG), "--communes", str(files["communes"])]
    args += ["--survey", str(files["survey"]), "--appraisal", str(files["appraisal"]), "-o", str(out), "-q"]
    for value in group_by:
        args += ["--group-by", value]
    return args


def _check_national_summary(summary: pl.DataFrame, register: Path) -> None:
    """Groups never mix provinces, ranks restart at 1 in each (province, district), and the
    repeated district name is three groups labelled with their provinces."""
    reg = pl.read_csv(register, infer_schema=False)
    per_group = summary.group_by("group_key").agg(
        pl.col("province").n_unique().alias("provinces"),
        pl.col("group").n_unique().alias("labels"),
        pl.col("rank").min().alias("first"),
        pl.col("group_size").first(),
        pl.col("rank").is_not_null().sum().alias("ranked"),
    )
    assert per_group.height == reg.select("province", "district").unique().height == 8
    assert per_group["provinces"].to_list() == [1] * 8
    assert per_group["labels"].to_list() == [1] * 8
    assert per_group["first"].to_list() == [1] * 8
    assert (per_group["group_size"] == per_group["ranked"]).all()
    name = reg.group_by("district").agg(pl.col("province").n_unique()).filter(pl.col("province") > 1)["district"]
    assert name.len() == 1
    labels = sorted(summary.filter(pl.col("district") == name.item())["group"].unique().to_list())
    provinces = sorted(reg["province"].unique().to_list())
    assert labels == sorted(f"{name.item()}, {p}" for p in provinces)
    assert summary["group"].n_unique() == 8  # labels are unique


def test_score_group_by_list_in_process(national: dict[str, Path], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pari_index.cli import main

    summaries = []
    for n, group_by in enumerate([(), ("district",), ("province,district",), ("province", "district")]):
        out = tmp_path / f"r{n}.xlsx"
        result = CliRunner().invoke(main, _score_args(national, out, *group_by))
        assert result.exit_code == 0, result.output
        summaries.append(read_results(out)["summary"].select("commune_code", "group", "group_key", "rank"))
    _check_national_summary(read_results(tmp_path / "r0.xlsx")["summary"], national["communes"])
    for other in summaries[1:]:
        assert other.equals(summaries[0])
    bad = CliRunner().invoke(main, _score_args(national, tmp_path / "bad.xlsx", "district,province"))
    assert bad.exit_code == 2
    assert "group-columns-order" in bad.output and "province,district" in bad.output
    assert "Traceback" not in bad.output
    assert not (tmp_path / "bad.xlsx").exists()


def test_score_and_report_group_by_list_as_a_process(national: dict[str, Path], tmp_path: Path) -> None:
    import subprocess
    import sys

    script = Path(sys.executable).with_name("pari")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pari_index.cli"]
    out = tmp_path / "results.xlsx"
    done = subprocess.run(
        [*command, *_score_args(national, out, "province", "district")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    summary = read_results(out)["summary"]
    _check_national_summary(summary, national["communes"])
    sheets = [n for n in fastexcel.read_excel(str(out)).sheet_names if n.startswith("XH ")]
    assert len(sheets) == 8
    page = tmp_path / "report.html"
    done = subprocess.run(
        [*command, "report", str(out), "-o", str(page), "--criteria", str(HAI_PHONG), "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    headings = [h for h, _ in _headings(page.read_text(encoding="utf-8"))]
    assert sorted(headings) == sorted(summary["group"].unique().to_list())
    assert len(headings) == 8


# --------------------------------------------------------------------------------------------
# Property: ranking a nation is ranking each province


@st.composite
def _national_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["Tỉnh A", "Tỉnh B", "Tỉnh C"]),
                st.sampled_from([CT, "Huyện Cái Bè", None]),  # the same names in every province
                st.sampled_from([None, "60.00", "70.00", "70.01", "85.00"]),
                st.sampled_from(["10", "20", "30"]),
                st.booleans() | st.just(True),
            ),
            min_size=1,
            max_size=30,
        )
    )
    return [
        {"code": f"{i:05d}", "province": p, "district": d, "index": x, "appraised": a, "area_1": a, "ranked": r}
        for i, (p, d, x, a, r) in enumerate(rows)
    ]


RANKED = ("group_key", "rank", "group_size", "tied", "rank_area_1")


@given(_national_rows(), st.sampled_from(["competition", "dense"]))
def test_ranking_repeated_names_equals_ranking_each_province_alone(rows: list[dict[str, Any]], ties: str) -> None:
    criteria = criteria_with(within="district", ties=ties, tie_break=["appraised"])
    together = rank(totals(rows), no_details(), criteria)
    assert together.group_by("group_key").agg(pl.col("province").n_unique())["province"].max() == 1
    assert together.select("group").unique().height == together.select("group_key").unique().height
    got = {r["commune_code"]: tuple(r[c] for c in RANKED) for r in together.iter_rows(named=True)}
    for province in {r["province"] for r in rows}:
        alone = rank(totals([r for r in rows if r["province"] == province]), no_details(), criteria)
        for r in alone.iter_rows(named=True):
            assert got[r["commune_code"]] == tuple(r[c] for c in RANKED)


def test_register_reads_level_codes_and_warns_of_two_names_for_one_code(tmp_path: Path) -> None:
    from pari_index.intake.register import read_register

    path = tmp_path / "communes.csv"
    path.write_text(
        "mã,tên,huyện,tỉnh,mã huyện,mã tỉnh\n"
        "001,Xã Một,Huyện Châu Thành,Tiền Giang,820,82\n"
        "002,Xã Hai,H. Châu Thành,Tiền Giang,820,82\n"
        "003,Xã Ba,Huyện Châu Thành,Bến Tre,831,83\n",
        encoding="utf-8",
    )
    register = read_register(path)
    assert register.frame.select("code", "district_code", "province_code").rows() == [
        ("001", "820", "82"),
        ("002", "820", "82"),
        ("003", "831", "83"),
    ]
    # The column as the register heads it («huyện»), not its id (district).
    assert [(w.code, w.row, w.field) for w in register.warnings] == [("level-code-names", 3, "huyện")]
    assert register.warnings[0].message == (
        "district_code «820» is named «H. Châu Thành» here and «Huyện Châu Thành» in row 2; "
        "the units are ranked together, as the code says"
    )
