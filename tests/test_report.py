"""The HTML ranking report, without a browser: contents, escaping, determinism, options."""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import html as html_lib
import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup
from report_data import national_tables, scored_tables, synthetic_tables

from pari_index.criteria.loading import load_criteria
from pari_index.outputs.report import LABELS, _safe_json, render_report, write_report
from pari_index.outputs.report_format import finalize_controls, visible_controls
from pari_index.outputs.report_packing import CSV_DELIMITER, csv_number

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
    bodies = re.findall(
        r'<script type="application/octet-stream" class="lazy" data-g="g[0-9]+">([A-Za-z0-9+/=]*)</script>', html
    )
    return unpack(strings.group(1)), [unpack(b) for b in bodies]


def item_rows(table: dict[str, Any], rows: list[list[int]]) -> list[list[str]]:
    return [[table["s"][k] for k in row] for row in rows]


def test_lazy_groups(tables: dict[str, pl.DataFrame]) -> None:
    criteria = load_criteria(Path(__file__).parent / "data" / "all_kinds.yaml").criteria
    html = render_report(tables, lazy_details=True, criteria=criteria)
    table, groups = packed_groups(html)
    assert len(groups) == 2 and all('<table class="ranking">' in g["b"] for g in groups)
    assert '<table class="items">' not in html  # nothing but the packed blocks
    # What the filter matches, folded once here (the script folds only the query).
    assert 'data-names="xa my hiep 00002 cao lanh"' in html
    # The packs follow everything shown, each naming its group; the groups hold only their headings.
    assert html.index('<div id="packs" hidden>') > html.index("</main>")
    assert re.findall(r'class="lazy" data-g="(g[0-9]+)"', html) == ["g1", "g2"]
    assert re.search(r'<details class="group"[^>]*>\n<summary>.*</summary></details>', html)
    assert table["c"] == ["criterion", "title", "max", "self", "appraised", "final", "status", "explanation", "reason"]
    # The packed item rows hold exactly what the server-rendered report shows.
    # The server-rendered rows isolate their texts in <bdi>; the script does the same with elements.
    small = re.sub(r"</?bdi>", "", render_report(tables, criteria=criteria))
    pattern = r'<tr><th scope="row">([^<]*)(?: <span class="t">([^<]*)</span>)?</th><td>(.*?)(?=<tr>|</tbody>|\n)'
    cells = re.findall(pattern, small)
    shown = [[html_lib.unescape(c) for c in (cid, title, *rest.split("<td>"))] for cid, title, rest in cells]
    unpacked = []
    for g in groups:
        # The body holds each commune's summary; what is below it (facts, profile, the item table
        # without its rows, findings) is packed apart, one per commune, put in place when opened.
        assert g["b"].count('<details class="commune"') == len(g["e"]) == len(g["i"])
        assert '<table class="items">' not in g["b"]
        for k, rows in enumerate(g["i"]):
            assert f'data-c="{k}"' in g["b"]
            assert g["e"][k].count('<table class="items">') == 1
            assert f'<tbody data-i="{k}"></tbody>' in g["e"][k]
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


# --- presentation (issue 13)


def test_ranked_within_follows_the_grouping(tables: dict[str, pl.DataFrame]) -> None:
    """The heading says what the communes were ranked within as they were grouped (the summary's
    group_column, from pari score --group-by), even when the about sheet says otherwise."""
    about = tables["about"].with_columns(
        pl.when(pl.col("key") == "ranked_within").then(pl.lit("province")).otherwise(pl.col("value")).alias("value")
    )
    summary = tables["summary"].with_columns(pl.lit("district").alias("group_column"))
    html = render_report({**tables, "about": about, "summary": summary}, lang="en")
    assert "<dt>Ranked within</dt><dd><bdi>district</bdi></dd>" in html
    html = render_report({**tables, "about": about, "summary": summary})
    assert f"<dd><bdi>{LABELS['vi']['within_district']}</bdi></dd>" in html


def test_the_chart_plots_the_index_in_rank_order() -> None:
    tables = synthetic_tables([f"Xã {i}" for i in range(6)], districts=1)
    # Total points disagree with the index (the ranking's measure): the bars follow the index.
    tables["summary"] = tables["summary"].with_columns((100 - pl.col("total_points")).alias("total_points"))
    html = render_report(tables)
    widths = [float(w) for w in re.findall(r'<rect class="k\d+" x="192" y="3" width="([\d.]+)"', html)]
    indices = sorted(tables["summary"]["index"].to_list(), reverse=True)
    assert widths == [round(x / 100 * 360, 2) for x in indices]
    assert '<p class="legend class-legend">' in html


def _contrast(colour: str) -> float:
    def channel(c: int) -> float:
        x = c / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_every_class_colour_stands_out_on_white() -> None:
    """Light class colours of a set (#9ccc65, #ffb300 here) are darkened to 3:1 against white;
    the heat-map bands differ from each other and keep dark text legible."""
    html = render_report(synthetic_tables([f"Xã {i}" for i in range(8)], districts=1))
    css = re.search(r"<style>(.*?)</style>", html, re.S)
    assert css
    colours = re.findall(r"\.k\d+\{background:(#[0-9a-f]{6});fill:", css.group(1))
    assert len(colours) == 4 and "#2e7d32" in colours
    assert all(_contrast(c) >= 3.0 for c in colours), colours
    bands = re.findall(r"\.h(\d)\{background:(#[0-9a-f]{6})\}", css.group(1))
    assert len(bands) == 5
    contrasts = sorted(_contrast(c) for _, c in bands)
    assert all(b - a > 0.05 for a, b in itertools.pairwise(contrasts))  # no two bands alike
    # The page's ink (#1b1f24, luminance ~0.0137) on every band: at least 7:1.
    assert all(1.05 / c / (0.0137 + 0.05) >= 7 for c in contrasts)


def test_english_report_marks_vietnamese_names_and_shows_the_index_change(tables: dict[str, pl.DataFrame]) -> None:
    summary = tables["summary"].with_columns(pl.lit(-1.25).alias("index_change"))
    html = render_report({**tables, "summary": summary}, lang="en")
    assert 'dir="auto" lang="vi">Phường Nam Sơn</a>' in html
    assert '<h2 dir="auto"><span lang="vi">Kiến An</span></h2>' in html
    assert '<td class="num" data-sort="-1.25">\u22121.25</td>' in html  # a true minus (messages.MINUS)
    assert 'role="search"' in html and "scroll-padding-top" in html
    vi = render_report({**tables, "summary": summary})
    assert 'lang="vi">' not in vi.split("<body>")[1]


def test_the_footer_text_cannot_leave_the_stylesheet(tables: dict[str, pl.DataFrame]) -> None:
    about = pl.concat(
        [
            tables["about"].filter(pl.col("key") != "criteria_title"),
            pl.DataFrame({"key": ["criteria_title"], "value": ['x"}</style><script>alert(1)</script>']}),
        ]
    )
    html = render_report({**tables, "about": about}, date="2025-03-01")
    css = re.search(r"<style>(.*?)</style>", html, re.S)
    assert css and "<" not in css.group(1) and "alert(1)" not in css.group(1).replace(" ", "")
    assert '@bottom-left{content:"x\\000022 \\00007d \\00003c \\00002f style' in css.group(1)


def test_ranking_csv(tables: dict[str, pl.DataFrame]) -> None:
    html = render_report(tables)
    packed = re.search(r'<script type="application/octet-stream" id="ranking-csv">([^<]*)</script>', html)
    assert packed
    text = gzip.decompress(base64.b64decode(packed.group(1))).decode("utf-8")
    rows = text.splitlines()
    # A Vietnamese report's download separates fields with «;» (its numbers have a decimal comma).
    assert rows[0].split(";")[:4] == ["Xếp hạng trong", "Hạng", "Mã", "Đơn vị"]
    # Codes as text formulas, which Excel shows with their zeros (tests/hostile_labels39.py).
    assert [r.split(";")[2] for r in rows[1:]] == ['"=""00002"""', '"=""00001"""', '"=""00003"""']
    # Unit types in the report's words, never the results' ids.
    records = list(csv.reader(io.StringIO(text), delimiter=";"))
    heading = records[0]
    if "Loại" in heading:
        types = {r[heading.index("Loại")] for r in records[1:]}
        assert types and types <= {"Xã", "Phường", "Thị trấn", "Đặc khu"}, types


def test_ranking_csv_unit_types_in_each_language(tables: dict[str, pl.DataFrame]) -> None:
    summary = tables["summary"].with_columns(
        pl.Series("unit_type", ["township", "ward", "commune"][: tables["summary"].height])
    )
    for lang, expected in (("vi", {"Thị trấn", "Phường", "Xã"}), ("en", {"Township", "Ward", "Commune"})):
        html = render_report({**tables, "summary": summary}, lang=lang)
        packed = re.search(r'id="ranking-csv">([^<]*)</script>', html)
        assert packed
        text = gzip.decompress(base64.b64decode(packed.group(1))).decode("utf-8")
        rows = list(csv.reader(io.StringIO(text), delimiter=CSV_DELIMITER[lang]))
        column = [h for h in rows[0]].index("Loại" if lang == "vi" else "Type")
        assert {r[column] for r in rows[1:]} == expected


def _download(tables: dict[str, pl.DataFrame], lang: str) -> list[dict[str, str]]:
    """The report's CSV download in ``lang``, read with that language's separator, by heading."""
    packed = re.search(r'id="ranking-csv">([^<]*)</script>', render_report(tables, lang=lang))
    assert packed
    text = gzip.decompress(base64.b64decode(packed.group(1))).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter=CSV_DELIMITER[lang]))


def test_ranking_csv_numbers_in_the_reports_language(tables: dict[str, pl.DataFrame]) -> None:
    """Every number of the download is written as the report's language writes it in a spreadsheet:
    a Vietnamese report's with a decimal comma (fields separated by «;», as Excel opens a CSV under
    Vietnamese regional settings), an English one's with a point; a negative change is a number
    («-1»), never a text quoted as a formula («'-1»), and no number carries a thousands mark."""
    vi, en = _download(tables, "vi"), _download(tables, "en")
    assert [(r["Tổng điểm"], r["Chỉ số (%)"], r["Hạng"]) for r in vi] == [
        ("5", "22,73", "1"),
        ("11,04", "44,16", "1"),
        ("0", "0", "2"),
    ]
    assert [(r["Total points"], r["Index (%)"], r["Rank"]) for r in en] == [
        ("5", "22.73", "1"),
        ("11.04", "44.16", "1"),
        ("0", "0", "2"),
    ]
    change_vi, change_en = LABELS["vi"]["change"], LABELS["en"]["change"]
    assert sorted(r[change_vi] for r in vi) == sorted(r[change_en] for r in en) == ["-1", "1", "1"]
    # The class: every number-looking cell of a Vietnamese download has no decimal point.
    cells = [v for r in vi for v in r.values()]
    assert not [v for v in cells if re.fullmatch(r"-?\d+\.\d+", v)], cells


def test_csv_number_by_hand() -> None:
    assert [csv_number(v, "vi") for v in (1234.5, -0.25, 7, 2.0, None, float("nan"), True)] == [
        "1234,5",
        "-0,25",
        "7",
        "2",
        "",
        "",
        "",
    ]
    assert [csv_number(v, "en") for v in (1234.5, -0.25, 95.98)] == ["1234.5", "-0.25", "95.98"]


# --- control characters in names (issue 13): shown as <U+XXXX>, never raw in the page

CONTROL_NAME = "Xã Chuông\x07 Một\x00\x1b[2J\x9b"
CONTROL_SHOWN = "Xã Chuông<U+0007> Một<U+0000><U+001B>[2J<U+009B>"
#: Control characters HTML has no business holding (tab and line feed are whitespace).
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_visible_controls_by_hand() -> None:
    assert visible_controls(CONTROL_NAME) == CONTROL_SHOWN
    assert visible_controls("Xã\tA\nB\rC\x7f") == "Xã\tA\nB<U+000D>C<U+007F>"
    assert visible_controls("Xã Bình Minh") == "Xã Bình Minh"
    # In markup (Jinja's finalize), the brackets are escaped; a plain text is escaped later.
    assert finalize_controls(Markup("<bdi>a\x07</bdi>")) == Markup("<bdi>a&lt;U+0007&gt;</bdi>")
    assert finalize_controls("a\x07") == "a<U+0007>" and finalize_controls(7) == 7


@given(st.text())
def test_visible_controls_leaves_no_control_and_keeps_the_rest(text: str) -> None:
    shown = visible_controls(text)
    assert not RAW_CONTROL.search(shown)
    # Every other character stays, in order; each control becomes exactly one <U+XXXX>.
    assert re.sub(r"<U\+00[0-9A-F]{2}>", "", shown) == re.sub(r"<U\+00[0-9A-F]{2}>", "", RAW_CONTROL.sub("", text))
    assert shown.count("<U+") - text.count("<U+") == len(RAW_CONTROL.findall(text))


@pytest.mark.parametrize("lazy", [False, True], ids=["inline", "packed"])
def test_control_characters_in_names_are_shown(lazy: bool) -> None:
    names = [CONTROL_NAME, *[f"Xã {i}" for i in range(5)]]
    html = render_report(synthetic_tables(names, districts=2), lazy_details=lazy)
    assert not RAW_CONTROL.search(html)
    assert html_lib.escape(CONTROL_SHOWN, quote=False) in html
    if lazy:
        table, groups = packed_groups(html)
        bodies = "".join(g["b"] + "".join(g["e"]) for g in groups)
        assert not RAW_CONTROL.search(bodies) and not RAW_CONTROL.search("".join(table["s"]))
        assert f"giải thích cho {CONTROL_SHOWN}" in table["s"]  # item texts, for textContent


def test_control_characters_in_a_paged_group_are_shown() -> None:
    tables = national_tables(300, districts=5, one_group=True)
    tables["summary"] = tables["summary"].with_columns(
        pl.when(pl.col("commune_code") == "00007").then(pl.lit(CONTROL_NAME)).otherwise(pl.col("name")).alias("name")
    )
    html = render_report(tables)
    assert not RAW_CONTROL.search(html)
    _, groups = packed_groups(html)
    rest = re.search(r'class="rest" data-g="g1">([A-Za-z0-9+/=]*)</script>', html)
    assert rest
    texts = unpack(rest.group(1))["r"]
    rows = [json.loads(r) for r in texts]
    assert [r[7] for r in rows if r[8] == "00007"] == [CONTROL_SHOWN]
    assert not any(RAW_CONTROL.search(r) for r in texts)
    # The rows opening the group shows (its first page, the chart's last bars) travel in its pack.
    head = groups[0]["h"]
    assert sorted(int(i) for i in head) == [*range(100), *range(285, 300)]
    assert all(texts[int(i)] == text for i, text in head.items())
