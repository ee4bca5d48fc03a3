"""The report counts units as each language says them (session 36): the histogram's caption said
«over 1,200 communes communes» (its {n} was given the group's size, words and all: «của 1.200 đơn
vị đơn vị» in Vietnamese), a district of one commune read «1 communes», and a histogram bin of
one commune «0–5 %: 1 communes»."""

from __future__ import annotations

import re

import polars as pl
import pytest
from report_data import national_tables, synthetic_tables
from test_report import packed_groups

from pari_index.outputs.report import render_report


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("en", "Distribution of the index (%) over 1,200 communes; dashed lines: class edges"),
        ("vi", "Phân bố chỉ số (%) của 1.200 đơn vị; vạch đứt: ngưỡng xếp loại"),
    ],
)
def test_the_histogram_names_its_units_once(lang: str, caption: str) -> None:
    _, groups = packed_groups(render_report(national_tables(1_200, 1, True), lang=lang))
    body = groups[0]["b"]
    assert re.findall(r"(?:Distribution|Phân bố)[^<]*", body) == [caption, caption]  # the title and the caption


def test_a_group_of_one_commune_is_one_commune() -> None:
    # Three communes over two districts: «Huyện 2» holds one.
    english = render_report(synthetic_tables(["Xã A", "Xã B", "Xã C"]), lang="en")
    assert "· 1 commune</span>" in english and "· 2 communes</span>" in english
    assert "1 communes" not in english
    vietnamese = render_report(synthetic_tables(["Xã A", "Xã B", "Xã C"]), lang="vi")
    assert "· 1 đơn vị</span>" in vietnamese and "· 2 đơn vị</span>" in vietnamese


def test_a_histogram_bin_of_one_commune() -> None:
    tables = national_tables(300, 1, True)
    # One commune below 5 %, none other: the first bin holds one.
    index = pl.when(pl.col("commune_code") == "00000").then(1.0).otherwise(pl.col("index").clip(5.0, 100.0))
    tables["summary"] = tables["summary"].with_columns(index.alias("index"))
    _, groups = packed_groups(render_report(tables, lang="en"))
    titles = re.findall(r"<title>[^<]*%: [^<]*</title>", groups[0]["b"])
    assert titles[0] == "<title>0–5 %: 1 commune</title>"
    assert all(t.endswith(" communes</title>") for t in titles[1:])
