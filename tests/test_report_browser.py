"""The HTML report in a real browser (Debian's Chromium driven by playwright; CI installs it).

Every page is opened from a file:// URL; console errors, page errors and dialogs are collected and
must stay empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pytest
from playwright.sync_api import Browser, Dialog, Page, sync_playwright
from report_data import scored_tables, synthetic_tables
from test_report import HOSTILE

from pari_index.report import write_report

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
    page.fill("#filter", "nam son")  # without diacritics
    assert page.locator("table.ranking tbody tr:visible").count() == 1
    assert visible_names(page, "Kiến An") == ["Phường Nam Sơn"]
    assert page.locator("details.group:visible").count() == 1
    assert page.locator("#filter-status").inner_text() == "Hiển thị 1/3 đơn vị"
    page.fill("#filter", "00002")
    assert page.locator("table.ranking tbody tr:visible th a").all_inner_texts() == ["Xã Mỹ Hiệp"]
    page.fill("#filter", "không có")
    assert page.locator("table.ranking tbody tr:visible").count() == 0
    page.fill("#filter", "")
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
    assert details.get_attribute("open") is not None
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
    assert page.locator("script").count() == 2
    assert page.locator("img").count() == 0
    assert page.locator("table.ranking tbody tr b").count() == 0
    page.fill("#filter", "<script>")
    assert page.locator("table.ranking tbody tr:visible th a").all_inner_texts() == [HOSTILE[0]]
    assert r.dialogs == []


def test_lazy_groups_open_on_demand(tmp_path: Path, open_report: OpenReport) -> None:
    names = [f"Xã Thử {i}" for i in range(200)]
    names[198] = "Xã Đích Đến"  # in Huyện 9, the last group, closed on loading
    tables = synthetic_tables(names, districts=10)
    page = open_report(write_report(tmp_path / "lazy.html", tables, lazy_details=True)).page
    assert page.locator("details.group").count() == 10
    # The first groups are open and parsed; closed ones hold inert text until opened.
    assert 0 < page.locator("details.group[open]").count() < 10
    assert page.locator("table.ranking").count() == page.locator("details.group[open]").count()
    target = page.locator("details.group:has(h2:text-is('Huyện 9'))")
    assert target.get_attribute("open") is None and target.locator("table").count() == 0
    page.fill("#filter", "dich den")
    assert page.locator("table.ranking tbody tr:visible th a").all_inner_texts() == ["Xã Đích Đến"]
    assert page.locator("details.commune:visible").count() == 1
    page.fill("#filter", "")
    closed = page.locator("details.group:has(h2:text-is('Huyện 7'))")
    assert closed.get_attribute("open") is None
    closed.locator("summary").click()
    assert closed.locator("table.ranking tbody tr").count() == 20
    assert closed.locator("svg.bars g.bar").count() == 20
    # A link to a commune in a closed group opens and parses that group.
    page.goto(page.url.split("#")[0] + "#g10-3")
    assert page.locator("#g10-3").get_attribute("open") is not None
