"""Bidi controls in a real browser: a right-to-left override in a commune's name must not move its
code, rank or points (it reversed them before names were isolated). Chromium as in
test_report_browser.py."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from playwright.sync_api import Locator, expect
from report_data import synthetic_tables
from test_report_browser import OpenReport, browser, open_report  # noqa: F401 - fixtures

from pari_index.report import write_report

NAMES = ["Xã \u202eABC", "Phường \u2067Đông", "Xã Bình Minh"]


def _box(locator: Locator) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None
    return box


def _after(first: Locator, second: Locator) -> None:
    """``second`` is laid out wholly to the right of ``first`` (the page is left to right)."""
    a, b = _box(first), _box(second)
    assert b["x"] >= a["x"] + a["width"] - 0.5, (a, b)


@pytest.mark.parametrize("lazy", [False, True], ids=["inline", "packed"])
def test_an_override_in_a_name_moves_nothing_after_it(tmp_path: Path, open_report: OpenReport, lazy: bool) -> None:  # noqa: F811
    tables = synthetic_tables(NAMES, districts=1)
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
