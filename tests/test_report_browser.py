"""The HTML report in a real browser (Debian's Chromium driven by playwright; CI installs it).

Every page is opened from a file:// URL; console errors, page errors and dialogs are collected and
must stay empty.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pytest
from playwright.sync_api import Browser, Dialog, Locator, Page, expect, sync_playwright
from report_data import national_tables, scored_tables, synthetic_tables
from test_report import CONTROL_NAME, CONTROL_SHOWN, HOSTILE

from pari_index import __version__
from pari_index.outputs.report import LABELS, write_report

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


OpenReport = Callable[[Path], "Opened"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    page: Page
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def open_report(browser: Browser) -> Iterator[Callable[[Path], Opened]]:
    pages: list[Opened] = []

    def _open(path: Path) -> Opened:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        opened = Opened(page)
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))

        def on_dialog(d: Dialog) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        url = path.resolve().as_uri()
        # The report loads nothing but itself: no script, style, font or image from anywhere else.
        page.on("request", lambda req: opened.errors.append(f"request {req.url}") if req.url != url else None)
        page.goto(url)
        pages.append(opened)
        return opened

    yield _open
    for opened in pages:
        opened.page.close()
        assert opened.errors == [], opened.errors
        assert opened.dialogs == [], opened.dialogs


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pl.DataFrame]:
    return scored_tables(tmp_path_factory.mktemp("scored"))


def filter_to(page: Page, text: str) -> None:
    """Type into the filter box and wait until the filter has run (it waits for typing to pause)."""
    page.fill("#filter", text)
    page.wait_for_function("t => document.getElementById('controls').dataset.filtered === t", arg=text)


def visible_names(page: Page, group: str) -> list[str]:
    rows = page.locator(f"details.group:has(h2:text-is('{group}')) table.ranking tbody tr:visible th a")
    return rows.all_inner_texts()


def test_ranking_rows_and_screenshot(tmp_path: Path, tables: dict[str, pl.DataFrame], open_report: OpenReport) -> None:
    r = open_report(write_report(tmp_path / "report.html", tables, date="2025-03-01"))
    page = r.page
    assert page.locator("table.ranking").count() == 2
    assert page.locator("table.ranking tbody tr").count() == 3
    assert visible_names(page, "Kiến An") == ["Phường Nam Sơn", "Thị trấn A"]
    assert visible_names(page, "Cao Lãnh") == ["Xã Mỹ Hiệp"]
    first = page.locator("details.group").first.locator("table.ranking tbody tr").first
    assert "Xã Mỹ Hiệp" in first.inner_text()
    assert page.locator("table.ranking th[scope=row]").count() == 3
    assert page.locator("table.ranking caption").count() == 2
    assert page.locator("#controls").is_visible()
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_filter_box(tmp_path: Path, tables: dict[str, pl.DataFrame], open_report: OpenReport) -> None:
    page = open_report(write_report(tmp_path / "report.html", tables)).page
    filter_to(page, "nam son")  # without diacritics
    assert page.locator("table.ranking tbody tr:visible").count() == 1
    assert visible_names(page, "Kiến An") == ["Phường Nam Sơn"]
    assert page.locator("details.group:visible").count() == 1
    assert page.locator("#filter-status").inner_text() == "Hiển thị 1/3 đơn vị"
    filter_to(page, "00002")
    assert page.locator("table.ranking tbody tr:visible th a").all_inner_texts() == ["Xã Mỹ Hiệp"]
    filter_to(page, "không có")
    assert page.locator("table.ranking tbody tr:visible").count() == 0
    filter_to(page, "")
    assert page.locator("table.ranking tbody tr:visible").count() == 3


def test_header_click_sorts(tmp_path: Path, tables: dict[str, pl.DataFrame], open_report: OpenReport) -> None:
    page = open_report(write_report(tmp_path / "report.html", tables)).page
    group = page.locator("details.group:has(h2:text-is('Kiến An'))")
    total = group.locator("thead th:has(button:text-is('Tổng điểm'))")
    total.locator("button").click()
    assert total.get_attribute("aria-sort") == "ascending"
    assert visible_names(page, "Kiến An") == ["Thị trấn A", "Phường Nam Sơn"]
    total.locator("button").click()
    assert total.get_attribute("aria-sort") == "descending"
    assert visible_names(page, "Kiến An") == ["Phường Nam Sơn", "Thị trấn A"]
    group.locator("thead th button:text-is('Đơn vị')").click()
    assert visible_names(page, "Kiến An") == ["Phường Nam Sơn", "Thị trấn A"]


def test_charts_and_details(tmp_path: Path, tables: dict[str, pl.DataFrame], open_report: OpenReport) -> None:
    page = open_report(write_report(tmp_path / "report.html", tables)).page
    assert page.locator("svg.bars").count() == 2
    assert page.locator("svg.bars g.bar rect").count() == 3  # one bar per commune
    assert page.locator("svg.bars title").first.inner_html() != ""
    widths = [
        float(w) for w in page.locator("svg.bars rect").evaluate_all("els => els.map(e => e.getAttribute('width'))")
    ]
    assert max(widths) > 0
    # Heat-map cells carry their numbers; a commune's details open from its link.
    assert page.locator("table.ranking td.h0").count() > 0
    page.locator("table.ranking th a:text-is('Phường Nam Sơn')").click()
    details = page.locator("details.commune:has-text('Phường Nam Sơn')")
    expect(details).to_have_attribute("open", "")  # opened by the script on the link's hash change
    assert details.locator("table.items tbody tr").count() == 14
    assert "Trễ hạn" in details.inner_text()


def test_print_hides_controls(tmp_path: Path, tables: dict[str, pl.DataFrame], open_report: OpenReport) -> None:
    page = open_report(write_report(tmp_path / "report.html", tables)).page
    page.emulate_media(media="print")
    assert not page.locator("#controls").is_visible()
    assert not page.locator("button.print-group").first.is_visible()
    assert page.locator("table.ranking").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_hostile_names_display_as_text(tmp_path: Path, open_report: OpenReport) -> None:
    r = open_report(write_report(tmp_path / "hostile.html", synthetic_tables(HOSTILE)))
    page = r.page
    text = page.locator("body").inner_text()
    for name in HOSTILE:
        assert name in text
    assert page.locator("script").count() == 3  # labels, packed CSV, the report's script
    assert page.locator("img").count() == 0
    assert page.locator("table.ranking tbody tr b").count() == 0
    filter_to(page, "<script>")
    assert page.locator("table.ranking tbody tr:visible th a").all_inner_texts() == [HOSTILE[0]]
    assert r.dialogs == []


def test_lazy_groups_open_on_demand(tmp_path: Path, open_report: OpenReport) -> None:
    names = [f"Xã Thử {i}" for i in range(200)]
    names[198] = "Xã Đích Đến"  # in Huyện 9, the last group, closed on loading
    tables = synthetic_tables(names, districts=10)
    page = open_report(write_report(tmp_path / "lazy.html", tables, lazy_details=True)).page
    assert page.locator("details.group").count() == 10
    # The first groups are open and unpacked (asynchronously); closed ones stay packed until opened.
    opened = page.locator("details.group[open]").count()
    assert 0 < opened < 10
    expect(page.locator("table.ranking")).to_have_count(opened)
    target = page.locator("details.group:has(h2:text-is('Huyện 9'))")
    assert target.get_attribute("open") is None and target.locator("table").count() == 0
    filter_to(page, "dich den")
    target.scroll_into_view_if_needed()  # a group the filter opens is unpacked when in view
    expect(page.locator("table.ranking tbody tr:visible th a")).to_have_text(["Xã Đích Đến"])
    expect(page.locator("details.commune:visible")).to_have_count(1)
    filter_to(page, "")
    closed = page.locator("details.group:has(h2:text-is('Huyện 7'))")
    assert closed.get_attribute("open") is None
    closed.locator("summary").click()
    expect(closed.locator("table.ranking tbody tr")).to_have_count(20)
    assert closed.locator("svg.bars g.bar").count() == 20
    # Sorting works once (a group unpacked on loading is wired once, not twice).
    first = page.locator("details.group[open]").first
    total = first.locator("thead th:has(button:text-is('Tổng điểm'))")
    total.locator("button").click()
    assert total.get_attribute("aria-sort") == "ascending"
    # A link to a commune in a closed group opens and unpacks that group.
    page.goto(page.url.split("#")[0] + "#g10-3")
    expect(page.locator("#g10-3")).to_have_attribute("open", "")
    expect(page.locator("#g10-3 table.items tbody tr")).to_have_count(4)


def test_large_report_unpacks_a_group(tmp_path: Path, open_report: OpenReport) -> None:
    """A large (lazy) report: a group and a commune's item rows are unpacked only when opened."""
    names = [f"Xã Thử Nghiệm {i}" for i in range(1200)]
    names[1190] = HOSTILE[0]  # in Huyện 31, the last group (closed on loading)
    names[1150] = HOSTILE[3]  # the same group
    tables = synthetic_tables(names, districts=40, items=50)
    r = open_report(write_report(tmp_path / "large.html", tables, lazy_details=True))
    page = r.page
    assert page.locator("details.group").count() == 40
    group = page.locator("details.group:has(h2:text-is('Huyện 31'))")
    assert group.get_attribute("open") is None and group.locator("table").count() == 0
    group.locator("summary").click()
    expect(group.locator("table.ranking tbody tr")).to_have_count(30)
    assert group.locator("table.ranking th[scope=row]").count() == 30
    # The communes' details are their summaries until opened (facts, profile and items then).
    assert group.locator("details.commune").count() == 30
    assert group.locator("table.items").count() == 0
    # The hostile names are text in the ranking table, the details and the item rows.
    ranking_names = group.locator("table.ranking tbody th a").all_inner_texts()
    assert HOSTILE[0] in ranking_names and HOSTILE[3] in ranking_names
    commune = group.locator("details.commune:has(summary span.code:text-is('01191'))")
    assert commune.count() == 1
    assert commune.locator("summary").inner_text().startswith(f"{HOSTILE[0]} 01191 · Hạng 30/30 · ")
    assert commune.locator("table.items tbody tr").count() == 0  # built when the commune is opened
    commune.locator("summary").click()
    rows = commune.locator("table.items tbody tr")
    expect(rows).to_have_count(50)
    assert group.locator("table.items caption").count() == 1
    expect(commune.locator("table.items caption")).to_have_text(f"Điểm từng tiêu chí: {HOSTILE[0]}")
    first = rows.first
    assert first.locator("th[scope=row]").inner_text() == "1.1"
    cells = first.locator("td").all_inner_texts()
    total = tables["summary"].filter(pl.col("commune_code") == "01191")["total_points"][0]
    # The report's minus sign is U+2212 (pari_index.messages.format_number).
    points = f"{round(total / 50, 2):g}".replace(".", ",").replace("-", "\u2212")
    assert cells[:5] == ["2", "–", "–", points, ""]
    assert cells[5] == f"giải thích cho {HOSTILE[0]}\n{LABELS['vi']['reason']}: {HOSTILE[0]}"
    assert rows.nth(1).locator("td").last.inner_text() == f"giải thích cho {HOSTILE[0]}"
    # Nothing from the data became markup: no image, no bold, no extra script.
    assert page.locator("img").count() == 0
    assert page.locator("table.items b, table.ranking b").count() == 0
    assert page.locator("script:not(.lazy)").count() == 4  # labels, CSV, string table, the report's script
    assert page.locator("script.lazy").count() == page.locator("details.group:not([open])").count()
    assert r.dialogs == []


# --- bidi controls (issue 12): a right-to-left override in a commune's name must not move its
# code, rank or points (it reversed them before every input text was isolated).

BIDI_NAMES = ["Xã \u202eABC", "Phường \u2067Đông", "Xã Bình Minh"]


def _box(locator: Locator) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None
    return box


def _after(first: Locator, second: Locator) -> None:
    """``second`` is laid out wholly to the right of ``first`` (the page is left to right)."""
    a, b = _box(first), _box(second)
    assert b["x"] >= a["x"] + a["width"] - 0.5, (a, b)


@pytest.mark.parametrize("lazy", [False, True], ids=["inline", "packed"])
def test_an_override_in_a_name_moves_nothing_after_it(tmp_path: Path, open_report: OpenReport, lazy: bool) -> None:
    tables = synthetic_tables(BIDI_NAMES, districts=1)
    tables["criteria"] = tables["criteria"].with_columns(
        pl.when(pl.col("criterion_id") == "1.1")
        .then(pl.lit("1.\u202e1"))
        .otherwise(pl.col("criterion_id"))
        .alias("criterion_id")
    )
    path = write_report(tmp_path / "report.html", tables, lazy_details=lazy)
    page = open_report(path).page
    row = page.locator("table.ranking tbody tr", has_text="00001")
    expect(row).to_be_visible()  # a packed group is unpacked by the script first
    expectations = row.locator("th a"), row.locator("th span.code")
    _after(*expectations)
    assert row.locator("th span.code").inner_text() == "00001"
    # The rank cell comes before the name, the total after it, in the order of the columns.
    _after(row.locator("td").first, row.locator("th"))
    commune = page.locator("details.commune", has_text="00001").first
    commune.locator("summary").click()
    summary = commune.locator("summary")
    _after(summary.locator("bdi").first, summary.locator("span.code"))
    # The item rows (built by the script in a packed report): ids isolated; in the last cell the
    # council's reason follows its label, though the explanation before them holds the override.
    header = commune.locator("table.items tbody th", has_text="\u202e").first
    assert header.locator("bdi").count() == 1
    last = commune.locator("table.items tbody tr").first.locator("td").last
    assert "\u202e" in last.locator("bdi").first.inner_text()
    _after(last.locator("i"), last.locator("bdi").nth(1))


# --- scale (issue 13): a national single-group report and a 700-group report. The timings are
# printed by benchmarks/report_scale.py; here the page's size and the rows it shows are checked.


def elements(page: Page) -> int:
    return int(page.evaluate("document.getElementsByTagName('*').length"))


def row_names(group: Locator) -> list[str]:
    return group.locator("table.ranking tbody tr th a").all_inner_texts()


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tables = national_tables(10_600, districts=700, one_group=True)
    return write_report(tmp_path_factory.mktemp("national") / "national.html", tables)


def test_a_national_group_is_paged(national: Path, open_report: OpenReport) -> None:
    page = open_report(national).page
    group = page.locator("details.group")
    assert group.count() == 1
    expect(page.locator("#controls")).to_be_visible()
    # A big group does not open by itself: the page holds its heading, not its 10,600 rows.
    assert group.get_attribute("open") is None
    assert elements(page) < 1_000
    group.locator("summary").first.click()
    rows = group.locator("table.ranking tbody tr")
    expect(rows).to_have_count(100)
    assert elements(page) < 5_000
    # Ranked nationally: the former district is a column; rank 1 has the highest index (99.99).
    headings = group.locator("table.ranking thead th .print-label").all_text_contents()
    assert "Huyện (cũ)" in headings and "Thay đổi chỉ số" in headings
    first = rows.first.locator("td, th").all_inner_texts()
    assert first[0] == "1/10600" and "99,99" in first
    expect(group.locator(".page-status")).to_have_text("Dòng 1–100 / 10.600")
    # The chart holds the top and bottom 15 and a gap line; the histogram has 20 bins.
    assert group.locator("svg.ends g.bar").count() == 30
    assert group.locator("svg.ends g.gap").text_content() == "… 10.570 đơn vị ở giữa …"
    # The bars are drawn from the packed rows: the first is rank 1's (index 99.99), its name and
    # code isolated in its title; the last is the lowest index's (0).
    top = rows.first.locator("th a").inner_text()
    first_bar = group.locator("svg.ends g.bar").first
    assert first_bar.locator("title").text_content() == f"\u2068{top}\u2069 (\u2068{top[-5:]}\u2069): 1/10600 · 99,99 %"
    assert first_bar.locator("text").first.text_content() == f"\u2068{top}\u2069"
    assert group.locator("svg.ends g.bar").last.locator("text").last.text_content() == "0,00"
    # Sorting by a number column (the index, ascending): the lowest index first.
    by_index = group.locator("thead th:has(.print-label:text-is('Chỉ số (%)')) button")
    by_index.click()
    expect(rows.first.locator("td").first).to_contain_text("10599/10600")  # two share 0.00
    assert "0,00" in rows.first.locator("td").all_inner_texts()
    by_index.click()
    expect(rows.first.locator("td").first).to_have_text("1/10600")
    assert group.locator("svg.histogram rect.bin").count() == 20
    assert group.locator("svg.histogram line.edge").count() == 3  # Tốt, Khá, Trung bình
    # Sort by name, both ways; the next page continues the order.
    by_name = group.locator("thead th:has(.print-label:text-is('Đơn vị')) button")
    by_name.click()
    expect(rows.first.locator("th a")).to_have_text("Xã Thử 00000")
    assert row_names(group)[:3] == ["Xã Thử 00000", "Xã Thử 00001", "Xã Thử 00002"]
    by_name.click()
    expect(rows.first.locator("th a")).to_have_text("Xã Thử 10599")
    group.locator(".page-next").click()
    expect(rows.first.locator("th a")).to_have_text("Xã Thử 10499")
    expect(group.locator(".page-status")).to_have_text("Dòng 101–200 / 10.600")
    assert elements(page) < 5_000


def test_a_national_group_filters_names_districts_and_the_chart(national: Path, open_report: OpenReport) -> None:
    page = open_report(national).page
    group = page.locator("details.group")
    group.locator("summary").first.click()
    rows = group.locator("table.ranking tbody tr")
    expect(rows).to_have_count(100)
    filter_to(page, "thu 01234")
    assert row_names(group) == ["Xã Thử 01234"]
    assert group.locator("svg.ends g.bar").count() == 1
    # A district's name finds its communes (Huyện 123: numbers 123, 823, ... 10623 > 10599).
    filter_to(page, "huyen 123")
    expected = sorted(f"Xã Thử {k:05d}" for k in range(123, 10_600, 700))
    assert sorted(row_names(group)) == expected
    assert group.locator("svg.ends g.bar").count() == len(expected)
    assert page.locator("#filter-status").inner_text() == f"Hiển thị {len(expected)}/10.600 đơn vị"
    filter_to(page, "")
    expect(rows).to_have_count(100)
    # A link to a commune on another page shows that page, and its details with their items.
    page.goto(page.url.split("#")[0] + "#g1-1")
    expect(page.locator("#g1-1")).to_have_attribute("open", "")
    assert page.locator("#g1-1 summary bdi").first.inner_text() == row_names(group)[0]
    page.evaluate("location.hash = '#g1-9000'")
    expect(page.locator("#g1-9000")).to_have_attribute("open", "")
    expect(page.locator("#g1-9000 table.items tbody tr")).to_have_count(2)
    assert page.locator("#g1-9000 summary").inner_text().startswith("Xã Thử ")
    expect(group.locator(".page-status")).to_have_text("Dòng 8.901–9.000 / 10.600")


@pytest.fixture(scope="module")
def districts700(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tables = national_tables(2_800, districts=700, one_group=False)
    return write_report(tmp_path_factory.mktemp("districts") / "districts.html", tables)


def test_700_groups_stay_small_and_filter(districts700: Path, open_report: OpenReport) -> None:
    page = open_report(districts700).page
    assert page.locator("details.group").count() == 700
    expect(page.locator("#controls")).to_be_visible()
    # 700 headings, the contents and the overview's 700 rows, and the first groups (150 communes)
    # open: about 23,500 elements, and some 7,000 more for the open communes' profiles (areas
    # against the median, top losses): a closed group holds one packed script, not its rows.
    assert elements(page) < 33_000
    # A query matching every commune opens nothing; one matching a few opens their groups.
    filter_to(page, "xã")
    assert page.locator("details.group[open]").count() < 40  # only those open on loading
    opened_before = page.locator("details.group[open]").count()
    filter_to(page, "thu 02345")
    group = page.locator("details.group:visible")
    expect(group).to_have_count(1)
    group.scroll_into_view_if_needed()  # it is unpacked when it comes into view
    expect(group.locator("table.ranking tbody tr:visible th a")).to_have_text(["Xã Thử 02345"])
    expect(group.locator("svg.bars g.bar:not([hidden])")).to_have_count(1)
    assert page.locator("details.group[open]").count() <= opened_before + 1
    # Ten communes in ten groups: a packed report's filter opens three of them, not ten, and
    # unpacks each as it comes into view.
    opened_before = page.locator("details.group[open]").count()
    filter_to(page, "thu 0000")
    expect(page.locator("details.group:visible")).to_have_count(10)
    assert page.locator("details.group[open]").count() == opened_before + 3
    for _ in range(3):
        waiting = page.locator("details.group[data-waiting]")
        if not waiting.count():
            break
        name = waiting.first.get_attribute("id")
        waiting.first.scroll_into_view_if_needed()
        expect(page.locator(f"#{name} .group-body")).to_have_count(1)
    expect(page.locator("details.group[data-waiting]")).to_have_count(0)
    shown_open = page.locator("details.group[open]:visible").count()
    assert shown_open >= 3
    expect(page.locator("details.group[open]:visible .group-body")).to_have_count(shown_open)
    # The overview's heat map and the contents list the groups shown.
    expect(page.locator(".heat-overview tbody tr:visible")).to_have_count(10)
    expect(page.locator("nav.toc li:visible")).to_have_count(10)
    filter_to(page, "")
    expect(page.locator("nav.toc li:visible")).to_have_count(700)
    # Sorting an opened district by name.
    last = page.locator("details.group").last
    last.locator("summary").click()
    expect(last.locator("table.ranking tbody tr")).to_have_count(4)
    last.locator("thead th:has(.print-label:text-is('Đơn vị')) button").click()
    names = row_names(last)
    assert names == sorted(names) and len(names) == 4
    assert elements(page) < 35_000  # the groups opened since add their communes and profiles


def test_a_filter_unpacks_the_groups_it_opens_as_they_come_into_view(
    districts700: Path, open_report: OpenReport
) -> None:
    """The groups a filter opens wait, decoded, until they are scrolled to (an IntersectionObserver)
    or printed (beforeprint puts every waiting group in place at once, synchronously)."""
    page = open_report(districts700).page
    expect(page.locator("#controls")).to_be_visible()
    # A short window at the top of the page: the overview fills it, no group is in view.
    page.set_viewport_size({"width": 1280, "height": 240})
    page.evaluate("window.scrollTo(0, 0)")
    filter_to(page, "thu 0000")
    waiting = page.locator("details.group[open][data-waiting]")
    expect(waiting).to_have_count(3)
    expect(page.locator("details.group[data-waiting=decoded]")).to_have_count(3)
    assert page.locator("details.group[data-waiting] .group-body").count() == 0
    first = waiting.first
    name = first.get_attribute("id")
    first.scroll_into_view_if_needed()
    expect(page.locator(f"#{name} .group-body")).to_have_count(1)
    expect(page.locator(f"#{name} table.ranking tbody tr:visible th a")).to_have_count(1)
    assert page.locator(f"#{name}").get_attribute("data-waiting") is None
    # The rest still wait (their group is out of view), until the page is printed.
    page.evaluate("window.scrollTo(0, 0)")
    left = page.locator("details.group[open][data-waiting]").count()
    assert 0 < left <= 2
    put = page.evaluate("""() => {
      window.dispatchEvent(new Event("beforeprint"));
      return document.querySelectorAll("details.group[open]:not([hidden]) .group-body").length;
    }""")
    assert put == page.locator("details.group[open]:visible").count()
    expect(page.locator("details.group[data-waiting]")).to_have_count(0)
    # Each shows only its matching commune, as if it had been unpacked when opened.
    for g in page.locator("details.group[open]:visible").all():
        names = g.locator("table.ranking tbody tr:not([hidden]) th a").all_text_contents()
        assert len(names) == 1 and names[0].startswith("Xã Thử 0000"), names


# --- print (issue 13): Chromium's own PDF of the page, read back with pypdf.


def pdf_pages(page: Page) -> list[str]:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [p.extract_text() for p in reader.pages]


def test_print_repeats_headings_numbers_pages_and_prints_what_is_shown(tmp_path: Path, open_report: OpenReport) -> None:
    tables = national_tables(600, districts=20, one_group=True)
    page = open_report(write_report(tmp_path / "print.html", tables, date="2025-03-01")).page
    page.locator("details.group > summary").click()
    expect(page.locator("table.ranking tbody tr")).to_have_count(100)
    pages = pdf_pages(page)
    n = len(pages)
    assert n >= 3
    for k, text in enumerate(pages, 1):
        # The footer of every page: the set, the date, the version, and "page k of n".
        assert f"Trang {k}/{n}" in text
        assert f"Bộ thử toàn quốc · 01/03/2025 · pari-index {__version__}" in text
    # Page 1 holds the heading, the overview and the first ranks (not a page left blank).
    assert "Báo cáo xếp hạng" in pages[0] and re.search(r"(^|\s)1/600\s", pages[0])
    # A page that continues the table repeats its headings, as text (not blank form controls).
    continued = [text for text in pages[1:] if "/600" in text]
    assert continued
    for text in continued:
        assert "Hạng" in text and "Đơn vị" in text and "(cũ)" in text
    # Only what is shown prints: a filtered subset prints alone.
    filter_to(page, "thu 00123")
    printed = "\n".join(pdf_pages(page))
    assert "Xã Thử 00123" in printed and "Xã Thử 00124" not in printed and "/600" in printed
    assert printed.count("/600") == 1


# --- accessibility, download (issue 13)


def axe_source() -> str:
    axe = pytest.importorskip("axe_playwright_python")
    return (Path(axe.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_axe_finds_no_violation(
    tmp_path: Path, tables: dict[str, pl.DataFrame], open_report: OpenReport, lang: str
) -> None:
    """axe-core, served from the test environment and run inside the page (evaluated, so the
    report's CSP, which allows only its own script, stays as it is): no violation of any kind."""
    source = axe_source()
    page = open_report(write_report(tmp_path / "report.html", tables, lang=lang, date="2025-03-01")).page
    page.locator("details.commune").first.locator("summary").click()
    page.evaluate(source)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    assert len(result["passes"]) > 20  # axe did run its rules on the page


def test_axe_on_a_paged_group(tmp_path: Path, open_report: OpenReport) -> None:
    source = axe_source()
    tables = national_tables(600, districts=20, one_group=True)
    page = open_report(write_report(tmp_path / "paged.html", tables, lang="en")).page
    page.locator("details.group > summary").click()
    expect(page.locator("table.ranking tbody tr")).to_have_count(100)
    # Vietnamese names in the English report say so.
    assert page.locator("table.ranking tbody th a").first.get_attribute("lang") == "vi"
    page.evaluate(source)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []


def test_the_ranking_downloads_as_csv(tmp_path: Path, tables: dict[str, pl.DataFrame], open_report: OpenReport) -> None:
    """The download is a blob: link made by the report's script: the CSP lets it through."""
    page = open_report(write_report(tmp_path / "report.html", tables)).page
    with page.expect_download() as info:
        page.locator("#download-csv").click()
    download = info.value
    assert download.suggested_filename == "pari-ranking.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Xếp hạng trong;Hạng;Mã;Đơn vị;")
    assert len(lines) == 4  # the heading and three communes, in the report's order
    shown = page.locator("table.ranking tbody tr th a").all_inner_texts()
    assert [line.split(";")[3] for line in lines[1:]] == shown


def test_hostile_names_in_a_paged_group_stay_text(tmp_path: Path, open_report: OpenReport) -> None:
    """A big group's rows are built by the script from packed values: with textContent only."""
    tables = national_tables(300, districts=5, one_group=True)
    tables["summary"] = tables["summary"].with_columns(
        pl.when(pl.col("commune_code") == "00007")
        .then(pl.lit(HOSTILE[3]))
        .when(pl.col("commune_code") == "00008")
        .then(pl.lit(HOSTILE[0]))
        .otherwise(pl.col("name"))
        .alias("name")
    )
    r = open_report(write_report(tmp_path / "hostile.html", tables))
    page = r.page
    page.locator("details.group > summary").click()
    filter_to(page, "0000")  # codes 00000 ... 00009
    names = page.locator("table.ranking tbody tr th a").all_inner_texts()
    assert HOSTILE[3] in names and HOSTILE[0] in names
    assert page.locator("img").count() == 0
    assert page.locator("svg.ends g.bar").count() == 10
    assert r.dialogs == []


def test_control_characters_in_names_are_shown(tmp_path: Path, open_report: OpenReport) -> None:
    """A U+0007 in a name shows as <U+0007> in the ranking row, the commune's details and its item
    rows (server-rendered, packed, and built by the script in a big group)."""
    names = [CONTROL_NAME, *[f"Xã {i}" for i in range(5)]]
    page = open_report(write_report(tmp_path / "inline.html", synthetic_tables(names, districts=1))).page
    expect(page.locator("table.ranking tbody th a").first).to_have_text(CONTROL_SHOWN)
    packed = open_report(write_report(tmp_path / "packed.html", synthetic_tables(names), lazy_details=True)).page
    commune = packed.locator("details.commune", has_text="Chuông").first
    commune.locator("summary").click()
    expect(commune.locator("table.items tbody td bdi").first).to_have_text(f"giải thích cho {CONTROL_SHOWN}")
    tables = national_tables(300, districts=5, one_group=True)
    tables["summary"] = tables["summary"].with_columns(
        pl.when(pl.col("commune_code") == "00007").then(pl.lit(CONTROL_NAME)).otherwise(pl.col("name")).alias("name")
    )
    big = open_report(write_report(tmp_path / "paged.html", tables)).page
    big.locator("details.group > summary").click()
    filter_to(big, "00007")
    expect(big.locator("table.ranking tbody tr th a")).to_have_text([CONTROL_SHOWN])


#: A name of 400 letters without a space, and one piled with 600 combining marks (Zalgo).
LONG_NAME = "Phường" + "A" * 400
ZALGO_NAME = "Xã Z" + "\u0336\u0337\u0338\u0301\u0302\u0303\u0304\u0305\u0306\u0307" * 60 + "lgo"


def test_a_long_or_piled_name_keeps_the_ranking_on_the_screen(tmp_path: Path, open_report: OpenReport) -> None:
    """A name without a space pushed the ranking table to 5,400 px: the points, index and class of
    every unit lay off the screen. It breaks inside its column now, and a name piled with marks
    keeps to its row's height; both are shown whole, and their details open."""
    names = [ZALGO_NAME, LONG_NAME, "Xã Bình Minh", "Xã An Khánh", "Xã Tân Lập"]
    page = open_report(write_report(tmp_path / "names.html", synthetic_tables(names, districts=1))).page
    table = page.locator("table.ranking").first
    wrap_width = table.evaluate("t => t.parentElement.clientWidth")
    box = table.bounding_box()
    assert box is not None and box["width"] <= wrap_width <= 1280
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    rows = table.locator("tbody tr")
    heights = [rows.nth(i).bounding_box()["height"] for i in range(rows.count())]  # type: ignore[index]
    plain = heights[-1]
    assert heights[0] <= 1.5 * plain  # the marks do not make the row taller
    assert heights[1] > 3 * plain  # the long name wraps onto several lines of its column
    shown = rows.locator("th a").all_inner_texts()
    assert shown[:2] == [ZALGO_NAME, LONG_NAME]
    # The index column (after the name) is on the screen for the long name's row.
    index_cell = rows.nth(1).locator("td").nth(3).bounding_box()
    assert index_cell is not None and index_cell["x"] + index_cell["width"] <= 1280
    commune = page.locator("details.commune", has_text="00002").first
    commune.locator("summary").click()
    summary_box = commune.locator("summary").bounding_box()
    assert summary_box is not None and summary_box["width"] <= 1280
