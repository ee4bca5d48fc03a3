"""What the cases of tests/hostile_language38.py answer, in each language: the report's ranking
download in the report's number format, ``--group-by`` taking the register's type by its heading,
and the columns it offers named as the user types them in the run's language."""

from __future__ import annotations

import base64
import csv
import gzip
import io
import re
from pathlib import Path

import fastexcel
import polars as pl
import pytest
from children import answers_its_case
from hostile_language38 import CASES, EXPECTED, NOT_WRITTEN
from sweeps import case_tests, language_tests

from pari_index.messages.labels import group_columns_text
from pari_index.ranking.changes import compare_previous, previous_summary, unit_type_groups_named

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

LANGS = ("vi", "en")


def _run(tmp_path: Path, case: str, lang: str) -> str:
    """The case in ``lang`` (answers_its_case looks for the code after «lỗi: », in Vietnamese)."""
    status, code, kept = EXPECTED[case]
    said = answers_its_case([*CASES[case](tmp_path), "--lang", lang], tmp_path, (status, None, kept))
    assert code is None or f"[{code}]" in said, said
    return said


def _download(page: Path) -> str:
    packed = re.search(r'id="ranking-csv">([^<]*)</script>', page.read_text(encoding="utf-8"))
    assert packed is not None
    return gzip.decompress(base64.b64decode(packed[1])).decode("utf-8")


@pytest.mark.parametrize(("lang", "separator", "heading"), [("vi", ";", "Chỉ số (%)"), ("en", ",", "Index (%)")])
def test_the_download_writes_numbers_as_the_report_s_language(
    tmp_path: Path, lang: str, separator: str, heading: str
) -> None:
    """A subprocess run's report: every index of the download in the report's number format, the
    same values as the results' summary."""
    _run(tmp_path, "report-with-its-download", lang)
    rows = list(csv.DictReader(io.StringIO(_download(tmp_path / "report.html")), delimiter=separator))
    assert len(rows) == 60
    indices = [r[heading] for r in rows]
    other = "." if lang == "vi" else ","
    assert all(re.fullmatch(r"\d+([.,]\d+)?", i) for i in indices) and not any(other in i for i in indices), indices
    summary = fastexcel.read_excel(tmp_path / "out.xlsx").load_sheet(0).to_polars()
    index_column = next(c for c in summary.columns if c.startswith(("Chỉ số", "Index")))
    expected = sorted(float(v) for v in summary[index_column].to_list())
    assert sorted(float(i.replace(",", ".")) for i in indices) == expected


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", ["group-by-the-register-s-type", "group-by-loai"])
def test_group_by_the_register_s_type_ranks_within_each_type(tmp_path: Path, case: str, lang: str) -> None:
    """Ranked within «Xã», «Phường» and «Đặc khu» (the example register's types), named as a register
    writes them in every output, never by the run's ids (``commune``, ``special_zone``): the
    groups, the ranking sheets and the report's headings."""
    _run(tmp_path, case, lang)
    workbook = fastexcel.read_excel(tmp_path / "out.xlsx")
    summary = workbook.load_sheet(0).to_polars()
    group = "Nhóm xếp hạng" if lang == "vi" else "Ranking group"
    assert set(summary[group].to_list()) == {"Xã", "Phường", "Đặc khu"}
    rank = "XH" if lang == "vi" else "Rank"
    assert workbook.sheet_names[5:] == [f"{rank} Phường", f"{rank} Xã", f"{rank} Đặc khu"]
    for name in workbook.sheet_names[5:]:
        ranks = workbook.load_sheet(name).to_polars()["Hạng" if lang == "vi" else "Rank"].drop_nulls().to_list()
        assert ranks and min(ranks) == 1, (name, ranks)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "(các cột có: tên, loại, huyện, tỉnh, xếp hạng, note) [unknown-group-column]"),
        ("en", "(available: name, type, district, province, ranked, note) [unknown-group-column]"),
    ],
)
def test_the_columns_offered_are_as_the_user_types_them(tmp_path: Path, lang: str, said: str) -> None:
    out = _run(tmp_path, "group-by-a-column-not-there", lang)
    assert said in out, out
    assert "unit_type" not in out


def test_every_column_offered_is_one_group_by_takes() -> None:
    """Each word offered, in either language, ranks within the column it names (the class: a word
    offered that --group-by refuses)."""
    import polars as pl

    from pari_index.messages.labels import GROUP_COLUMN_WORDS
    from pari_index.ranking.groups import group_column

    totals = pl.DataFrame({column: ["x"] for column in GROUP_COLUMN_WORDS} | {"note": ["y"]})
    offered = ", ".join([*GROUP_COLUMN_WORDS, "note"])
    for lang in LANGS:
        shown = group_columns_text(offered, lang).split(", ")
        assert [group_column(totals, word) for word in shown] == [*GROUP_COLUMN_WORDS, "note"], (lang, shown)


@pytest.mark.parametrize(
    ("lang", "within", "about"),
    [
        ("vi", "Xếp hạng trong\nloại đơn vị", "loại"),
        ("en", "Ranked within\nunit type", "type"),
    ],
)
def test_ranked_within_the_unit_type_says_so_in_words(tmp_path: Path, lang: str, within: str, about: str) -> None:
    """The report's «ranked within», the about sheet's and the place of a group's finding name the
    unit type in words, never the run's ``unit_type`` (the group of one special zone is told)."""
    from language_leaks import visible_text

    _run(tmp_path, "group-by-the-register-s-type", lang)
    page = visible_text((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert within in page, page[:3000]
    assert "communes.csv · type" in page
    assert "unit_type" not in page
    workbook = fastexcel.read_excel(tmp_path / "out.xlsx")
    rows = workbook.load_sheet(workbook.sheet_names[4]).to_polars().rows()
    assert ("Xếp hạng trong" if lang == "vi" else "Ranked within", about) in rows
    assert not [row for row in rows if "unit_type" in str(row)]


def _summary(groups: list[tuple[str, str, str]], column: str) -> pl.DataFrame:
    """A summary of three units (``(unit_type, group_key, group)`` each), ranked within ``column``."""
    return pl.DataFrame(
        {
            "commune_code": ["001", "002", "003"],
            "rank": [1, 1, 2],
            "index": [90.0, 80.0, 70.0],
            "unit_type": [g[0] for g in groups],
            "group_key": [g[1] for g in groups],
            "group": [g[2] for g in groups],
            "group_column": [column] * 3,
        }
    )


def test_last_year_s_groups_of_unit_type_ids_are_this_year_s_names() -> None:
    """Results written before session 38 ranked within the unit type named its groups by the ids
    («commune»): a run ranked so again compared no rank («different peer group: ranked in commune
    last year, in Xã now»); now the ids read back as the names, at any level of the key, and a
    district that is not the unit's own type keeps its name."""
    old = _summary(
        [
            ("special_zone", "special_zone", "special_zone"),
            ("commune", "H1 › commune", "commune, Huyện A"),
            ("ward", "commune", "commune"),
        ],
        "unit_type",
    )
    last_year = previous_summary({"summary": old})
    assert last_year["_p_key"].to_list() == ["Đặc khu", "H1 › Xã", "commune"]
    assert last_year["_p_group"].to_list() == ["Đặc khu", "Xã, Huyện A", "commune"]
    now = _summary(
        [("special_zone", "Đặc khu", "Đặc khu"), ("commune", "Xã", "Xã"), ("commune", "Xã", "Xã")], "unit_type"
    )
    compared = compare_previous(
        now, {"summary": old.head(2).with_columns(pl.col("group_key").str.replace("H1 › ", ""))}, None, 2
    )
    assert compared["rank_change"].to_list() == [0, 0, None]
    assert compared["previous_note"].to_list()[:2] == [None, None]


def test_results_read_back_name_last_year_s_groups_of_unit_type_ids() -> None:
    """``pari report`` / ``explain`` of results written before session 38 ranked within the unit
    type showed «commune», «special_zone» as the groups (outputs.results.read_results names them)."""
    old = _summary(
        [("special_zone", "special_zone", "special_zone"), ("commune", "H1 › commune", "commune, Huyện A")] * 1
        + [("ward", "H1", "Huyện A")],
        "unit_type",
    )
    named = unit_type_groups_named(old)
    assert named["group"].to_list() == ["Đặc khu", "Xã, Huyện A", "Huyện A"]
    assert named["group_key"].to_list() == ["Đặc khu", "H1 › Xã", "H1"]
    assert unit_type_groups_named(named).equals(named)
