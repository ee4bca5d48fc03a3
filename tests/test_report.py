"""The HTML ranking report, without a browser: contents, escaping, determinism, options."""

from __future__ import annotations

import base64
import gzip
import hashlib
import html as html_lib
import json
import re
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from report_data import scored_tables, synthetic_tables

from pari_index.criteria.loading import load_criteria
from pari_index.outputs.report import LABELS, _safe_json, render_report, write_report

HOSTILE = [
    "<script>alert(1)</script>",
    "\"quoted\" & 'single'",
    "{{ 7*7 }}",
    "</script><img src=x onerror=alert(1)>",
    "Xã <b>Bình</b> Minh",
]


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pl.DataFrame]:
    return scored_tables(tmp_path_factory.mktemp("scored"))


def test_contents(tables: dict[str, pl.DataFrame]) -> None:
    html = render_report(tables)
    assert html.startswith("<!DOCTYPE html>")
    assert "Bộ chỉ số thử nghiệm (mọi loại quy tắc)" in html
    # Texts from the input are isolated in <bdi> (bidi controls in them cannot reorder the page).
    assert "<bdi>0001/QĐ-UBND</bdi> ngày 15/01/2024" in html
    assert "<dd><bdi>2024</bdi></dd>" in html
    # One ranking table per group (district), a row per commune, a details section per commune.
    assert html.count('<table class="ranking">') == 2
    assert html.count('<details class="commune"') == 3
    assert html.count('<g class="bar"') == 3
    for name in ("Phường Nam Sơn", "Xã Mỹ Hiệp", "Thị trấn A"):
        assert name in html
    # Vietnamese decimals, class text beside its colour, rank change arrow, areas, findings.
    assert "44,16" in html and "11,04" in html
    assert '<span class="sw k' in html and "Kém" in html
    assert "▲" in html
    assert "LV1" in html and "LV3" in html
    assert "Tổng hợp phát hiện" in html and "conflicting-values" in html
    assert "Kế hoạch chỉ hoàn thành 80 nhiệm vụ" in html  # appraisal reason in the details
    assert "Trễ hạn" in html  # the explanation of 1.1.1
    assert '<th scope="col"' in html and "<caption>" in html


def test_self_contained(tables: dict[str, pl.DataFrame]) -> None:
    html = render_report(tables)
    assert not re.search(r"(?:src|href)=\"(?!#|data:)", html), "only fragment and data: links"
    assert "http://" not in html and "https://" not in html
    assert "@import" not in html and "url(" not in html


def test_csp_pins_the_inline_script_and_style(tables: dict[str, pl.DataFrame]) -> None:
    html = render_report(tables)
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert script and style

    def digest(text: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert csp
    assert digest(script.group(1)) in csp.group(1)
    assert digest(style.group(1)) in csp.group(1)
    assert "default-src &#39;none&#39;" in csp.group(1)


def test_deterministic(tmp_path: Path, tables: dict[str, pl.DataFrame]) -> None:
    first = render_report(tables, date="2025-03-01")
    assert render_report(tables, date="2025-03-01") == first
    # Scoring again from the same inputs gives the same bytes too.
    again = scored_tables(tmp_path)
    assert render_report(again, date="2025-03-01") == first


def test_date_only_when_given(tables: dict[str, pl.DataFrame]) -> None:
    without = render_report(tables)
    assert "report-date" not in without
    assert LABELS["vi"]["report_date"] not in without
    dated = render_report(tables, date="2025-03-01")
    assert '<dd class="report-date">01/03/2025</dd>' in dated
    assert '<dd class="report-date">1 Mar 2025</dd>' in render_report(tables, lang="en", date="2025-03-01")


def test_english(tables: dict[str, pl.DataFrame]) -> None:
    html = render_report(tables, lang="en")
    assert '<html lang="en">' in html
    assert LABELS["en"]["report"] in html and LABELS["vi"]["report"] not in html
    assert "Test set (every rule kind)" in html
    assert "Poor" in html  # class_en
    assert "44.16" in html
    assert "Ward" in html and "Township" in html


def test_labels_have_the_same_keys() -> None:
    assert set(LABELS["vi"]) == set(LABELS["en"])


def test_criteria_set_gives_titles(tables: dict[str, pl.DataFrame]) -> None:
    criteria = load_criteria(Path(__file__).parent / "data" / "all_kinds.yaml").criteria
    html = render_report(tables, criteria=criteria)
    assert "Công tác chỉ đạo, điều hành CCHC" in html  # area 1 title
    assert html.count('<span class="t">') == 3 * 14  # a title for every item of every commune


def test_missing_optional_columns(tables: dict[str, pl.DataFrame]) -> None:
    """No previous year, no ranking yet, no findings or criteria tables: still a report."""
    bare = tables["summary"].drop(
        [
            c
            for c in tables["summary"].columns
            if c
            in {
                "group",
                "rank",
                "group_size",
                "tied",
                "class",
                "class_en",
                "class_colour",
                "class_order",
                "previous_rank",
                "rank_change",
            }
            or c.startswith("rank_area_")
        ]
    )
    html = render_report({"summary": bare})
    assert html.count('<table class="ranking">') == 2  # grouped by district
    assert LABELS["vi"]["change"] not in html
    assert "Phường Nam Sơn" in html
    no_previous = tables["summary"].drop("previous_rank", "rank_change")
    html = render_report({**tables, "summary": no_previous})
    assert 'class="arrow' not in html


def test_hostile_names_are_escaped() -> None:
    tables = synthetic_tables(HOSTILE)
    tables["summary"] = tables["summary"].with_columns(
        pl.lit("red;background:url(http://evil.example/x)").alias("class_colour")
    )
    html = render_report(tables)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&#34;quoted&#34; &amp; &#39;single&#39;" in html
    assert "{{ 7*7 }}" in html
    assert "<script>alert" not in html and "<img" not in html and "<b>" not in html
    assert html.count("<script") == 3  # the labels (JSON), the packed CSV and the report's own script
    assert "evil.example" not in html  # a colour that is not #rrggbb is dropped


def test_json_for_the_script_cannot_end_the_block() -> None:
    text = str(_safe_json({"a": "</script><!-- & >"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\\u003c/script\\u003e" in text


def unpack(text: str) -> Any:
    """A packed block of a large report: base64 of gzip of JSON."""
    return json.loads(gzip.decompress(base64.b64decode(text)))


def packed_groups(html: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    strings = re.search(r'<script type="application/octet-stream" id="strings">([A-Za-z0-9+/=]*)</script>', html)
    assert strings
    bodies = re.findall(r'<script type="application/octet-stream" class="lazy">([A-Za-z0-9+/=]*)</script>', html)
    return unpack(strings.group(1)), [unpack(b) for b in bodies]


def item_rows(table: dict[str, Any], rows: list[list[int]]) -> list[list[str]]:
    return [[table["s"][k] for k in row] for row in rows]


def test_lazy_groups(tables: dict[str, pl.DataFrame]) -> None:
    criteria = load_criteria(Path(__file__).parent / "data" / "all_kinds.yaml").criteria
    html = render_report(tables, lazy_details=True, criteria=criteria)
    table, groups = packed_groups(html)
    assert len(groups) == 2 and all('<table class="ranking">' in g["b"] for g in groups)
    assert '<table class="items">' not in html  # nothing but the packed blocks
    assert 'data-names="Xã Mỹ Hiệp 00002 Cao Lãnh"' in html
    assert table["c"] == ["criterion", "title", "max", "self", "appraised", "final", "status", "explanation", "reason"]
    # The packed item rows hold exactly what the server-rendered report shows.
    # The server-rendered rows isolate their texts in <bdi>; the script does the same with elements.
    small = re.sub(r"</?bdi>", "", render_report(tables, criteria=criteria))
    pattern = r'<tr><th scope="row">([^<]*)(?: <span class="t">([^<]*)</span>)?</th><td>(.*?)(?=<tr>|</tbody>|\n)'
    cells = re.findall(pattern, small)
    shown = [[html_lib.unescape(c) for c in (cid, title, *rest.split("<td>"))] for cid, title, rest in cells]
    unpacked = []
    for g in groups:
        assert g["b"].count('<table class="items">') == len(g["i"])
        for k, rows in enumerate(g["i"]):
            assert f'<tbody data-i="{k}"></tbody>' in g["b"]
            for row in item_rows(table, rows):
                last = row[7] + (f"<br><i>{LABELS['vi']['reason']}:</i> {row[8]}" if row[8] else "")
                unpacked.append([*row[:7], last])
    assert len(unpacked) == 3 * 14
    assert sorted(unpacked) == sorted(shown)
    assert ["1", "1", "–", "0,5", "tự chấm khác"] in [r[2:7] for r in unpacked]


def test_lazy_is_deterministic_and_escaped() -> None:
    names = [*HOSTILE, *[f"Xã {i}" for i in range(20)]]
    html = render_report(synthetic_tables(names, districts=3), lazy_details=True)
    assert render_report(synthetic_tables(names, districts=3), lazy_details=True) == html
    assert "<script>alert" not in html and "<img" not in html and "<b>" not in html
    table, groups = packed_groups(html)
    bodies = "".join(g["b"] for g in groups)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in bodies and "<script>alert" not in bodies
    # Item values travel as plain strings: the page's script puts them in with textContent only.
    assert HOSTILE[0] in table["s"] and f"giải thích cho {HOSTILE[3]}" in table["s"]
    assert len(table["s"]) == len(set(table["s"]))  # each distinct string once


def test_write_report(tmp_path: Path, tables: dict[str, pl.DataFrame]) -> None:
    out = write_report(tmp_path / "sub" / "report.html", tables, lang="en", date="2025-03-01")
    assert out.read_text(encoding="utf-8") == render_report(tables, lang="en", date="2025-03-01")
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]  # no temporary file left


def test_unknown_language(tables: dict[str, pl.DataFrame]) -> None:
    with pytest.raises(ValueError, match="unknown language"):
        render_report(tables, lang="fr")
