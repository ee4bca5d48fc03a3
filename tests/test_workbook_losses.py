"""The summary's "most points lost" text in a results workbook: its points written as the
workbook's language writes numbers, read back as the library keeps them.

A Vietnamese workbook wrote «8.3 (−1.50), 8.1 (−1.00)» beside cells reading «× 0,75 điểm»: the
one text of its sheets with a decimal point. The criterion ids («8.3», «8.4.1») stay as the set
writes them; only the bracketed points change.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pari_index.api import read_results
from pari_index.outputs.results_labels import column_heading, label_frame, sheet_name, unlabel_frame

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def test_vietnamese_losses_take_a_decimal_comma_and_ids_keep_their_dots() -> None:
    frame = pl.DataFrame({"top_lost": ["8.3 (−1.50), 8.1 (−1.00), 8.4.1 (−0.50)", "1.1 (-14.25)", None]})
    shown = label_frame("summary", frame, "vi")[column_heading("top_lost", "vi")].to_list()
    assert shown == ["8.3 (−1,50), 8.1 (−1,00), 8.4.1 (−0,50)", "1.1 (-14,25)", None]
    english = label_frame("summary", frame, "en")[column_heading("top_lost", "en")]
    assert english.to_list() == frame["top_lost"].to_list()


@given(
    st.lists(
        st.tuples(
            st.from_regex(r"[0-9A-Za-z]{1,3}(\.[0-9A-Za-z]{1,3}){0,3}", fullmatch=True),
            st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False),
        ),
        max_size=4,
    )
)
def test_losses_read_back_as_written_in_both_languages(items: list[tuple[str, object]]) -> None:
    text = ", ".join(f"{item} (−{loss})" for item, loss in items)
    frame = pl.DataFrame({"top_lost": [text]})
    for lang in ("vi", "en"):
        shown = label_frame("summary", frame, lang)
        assert unlabel_frame("summary", shown, lang)["top_lost"].to_list() == [text]
        # The ids before each bracket are untouched.
        assert re.sub(r" \([^)]*\)", "", shown.item(0, 0)) == re.sub(r" \([^)]*\)", "", text)


@pytest.fixture(scope="module")
def vietnamese_workbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from click.testing import CliRunner

    from pari_index.cli import main

    folder = tmp_path_factory.mktemp("losses")
    args = [str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--appraisal", str(EXAMPLES / "appraisal.csv"), "--survey", str(EXAMPLES / "survey.csv")]
    for out, extra in ((folder / "r.xlsx", []), (folder / "csv", ["--format", "csv"])):
        result = CliRunner().invoke(main, ["score", *args, "-o", str(out), *extra])
        assert result.exit_code == 0, result.output
    return folder / "r.xlsx", folder / "csv"


def test_the_written_workbook_shows_comma_points_on_every_sheet_with_losses(
    vietnamese_workbook: tuple[Path, Path],
) -> None:
    workbook, csv_folder = vietnamese_workbook
    summary = pl.read_csv(csv_folder / "summary.csv", infer_schema=False)
    by_code = dict(summary.select("commune_code", "top_lost").iter_rows())
    expected = {code: re.sub(r"(\(−\d+)\.(\d+\))", r"\1,\2", text) for code, text in by_code.items() if text}
    book = openpyxl.load_workbook(workbook, read_only=True)
    heading, code_heading = column_heading("top_lost", "vi"), column_heading("commune_code", "vi")
    sheets = [sheet_name("summary", "vi"), *(n for n in book.sheetnames if n.startswith("XH "))]
    checked = 0
    for name in sheets:
        rows = list(book[name].iter_rows(values_only=True))
        header = list(rows[0])
        code_at, loss_at = header.index(code_heading), header.index(heading)
        for row in rows[1:]:
            if row[loss_at] is not None:
                assert row[loss_at] == expected[row[code_at]]
                checked += 1
    assert checked >= 2 * 48  # the summary and the ranking sheet, each commune that lost points
    assert any("," in text for text in expected.values())


def test_the_workbook_reads_back_the_losses_the_csv_holds(vietnamese_workbook: tuple[Path, Path]) -> None:
    workbook, csv_folder = vietnamese_workbook
    from_book = read_results(workbook)["summary"].select("commune_code", "top_lost").sort("commune_code")
    from_csv = read_results(csv_folder)["summary"].select("commune_code", "top_lost").sort("commune_code")
    assert from_book.equals(from_csv)
