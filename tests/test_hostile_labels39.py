"""Tests of tests/hostile_labels39.py: a results workbook shows a criterion's inputs by their
labels, keeps them by the set's names in a column of their own, and every reader still works."""

from __future__ import annotations

import base64
import csv
import gzip
import re
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from children import ROOT, pari_child
from example_runs import README_INPUTS
from hostile_labels39 import DIFF_ITEM_LINES, DIFF_LINES, DOWNLOAD_FIRST_ROW, DOWNLOAD_TEXTS, HEADINGS, INPUT_CELLS

from pari_index.outputs.report_packing import _csv_text
from pari_index.outputs.results import read_results
from pari_index.outputs.results_labels import unlabel_frame

SCORE = ["score", *README_INPUTS]


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example scored by the real CLI into a workbook in each language."""
    folder = tmp_path_factory.mktemp("labels39")
    made = {}
    for lang in HEADINGS:
        target = folder / f"results-{lang}.xlsx"
        done = pari_child([*SCORE, "-o", str(target), "--lang", lang], folder)
        assert done.returncode == 0, done.stderr
        made[lang] = target
    return made


def _criteria_sheet(path: Path) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in book[book.sheetnames[1]].iter_rows(values_only=True)]
    finally:
        book.close()


@pytest.mark.parametrize(("lang", "criterion", "shown", "named"), INPUT_CELLS)
def test_the_criteria_sheet_shows_inputs_by_their_labels(
    workbooks: dict[str, Path], lang: str, criterion: str, shown: str, named: str
) -> None:
    header, *rows = _criteria_sheet(workbooks[lang])
    shown_at, named_at = (header.index(heading) for heading in HEADINGS[lang])
    assert named_at == len(header) - 1
    row = next(r for r in rows if r[0] == "00001" and r[1] == criterion)
    assert (row[shown_at], row[named_at]) == (shown, named)


@pytest.mark.parametrize("lang", list(HEADINGS))
def test_no_input_name_stands_for_a_label_in_the_inputs_column(workbooks: dict[str, Path], lang: str) -> None:
    header, *rows = _criteria_sheet(workbooks[lang])
    shown_at = header.index(HEADINGS[lang][0])
    shown = "\n".join(str(r[shown_at]) for r in rows if r[shown_at] is not None)
    for name in ("signed_on=", "deadlines=", "tasks=", "responsibility="):
        assert name not in shown


@pytest.mark.parametrize("lang", list(HEADINGS))
def test_reading_the_workbook_back_gives_the_inputs_by_the_sets_names(workbooks: dict[str, Path], lang: str) -> None:
    criteria = read_results(workbooks[lang])["criteria"]
    assert "input_names" not in criteria.columns
    assert criteria.columns[-1] == "inputs"
    first = criteria.filter(pl.col("commune_code") == "00001", pl.col("criterion_id") == "1.1.1")
    assert first["inputs"].to_list() == ["signed_on=04/06/2025"]


@pytest.mark.parametrize(("written", "asked"), [("vi", "en"), ("en", "vi")])
def test_explain_words_the_inputs_in_the_other_language(
    workbooks: dict[str, Path], written: str, asked: str, tmp_path: Path
) -> None:
    done = pari_child(["explain", "00001", "1.1.1", "--results", str(workbooks[written]), "--lang", asked], tmp_path)
    assert done.returncode == 0, done.stderr
    label = "Digital-signature date of the plan" if asked == "en" else "Ngày ký số Kế hoạch CCHC"
    assert f"{label}=04/06/2025" in done.stdout
    assert "signed_on" not in done.stdout


def test_a_workbook_written_before_keeps_its_inputs_column() -> None:
    # Written before session 39: one inputs column, by the set's names, and no codes column.
    old = pl.DataFrame({"Mã tiêu chí": ["1.1.1"], "Số liệu đầu vào": ["signed_on=04/06/2025"]})
    assert unlabel_frame("criteria", old, "vi").to_dicts() == [
        {"criterion_id": "1.1.1", "inputs": "signed_on=04/06/2025"}
    ]


def test_the_codes_column_is_what_reads_back_in_place_of_the_labels() -> None:
    new = pl.DataFrame(
        {
            "Criterion ID": ["1.1.1"],
            "Inputs": ["Digital-signature date of the plan=04/06/2025"],
            "Inputs (codes)": ["signed_on=04/06/2025"],
        }
    )
    assert unlabel_frame("criteria", new, "en").to_dicts() == [
        {"criterion_id": "1.1.1", "inputs": "signed_on=04/06/2025"}
    ]


def _download_rows(page: Path) -> list[str]:
    packed = re.search(r'id="ranking-csv">([^<]*)</script>', page.read_text(encoding="utf-8"))
    assert packed
    return gzip.decompress(base64.b64decode(packed.group(1))).decode("utf-8").split("\r\n")


@pytest.mark.parametrize("lang", list(DOWNLOAD_FIRST_ROW))
def test_the_download_keeps_the_codes_zeros_for_excel(workbooks: dict[str, Path], lang: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    done = pari_child(["report", str(workbooks[lang]), "-o", str(page), "--lang", lang], tmp_path)
    assert done.returncode == 0, done.stderr
    _header, first, *rest = _download_rows(page)
    assert first == DOWNLOAD_FIRST_ROW[lang]
    # Every unit's code, read as a CSV, is the text formula of its five digits.
    separator = ";" if lang == "vi" else ","
    codes = [row[2] for row in csv.reader([first, *rest], delimiter=separator) if row]
    assert len(codes) == 60
    assert all(re.fullmatch(r'="\d{5}"', code) for code in codes), codes


@pytest.mark.parametrize(("text", "written"), DOWNLOAD_TEXTS)
def test_a_download_text_a_spreadsheet_would_change(text: str, written: str) -> None:
    assert _csv_text(text) == written


def test_the_diff_csv_keeps_items_as_typed_for_excel(tmp_path: Path) -> None:
    table = tmp_path / "changes.csv"
    sets = ROOT / "criteria"
    args = ["diff", str(sets / "ha-noi-2025-commune.yaml"), str(sets / "hai-phong-2022-commune.yaml"), "-o", str(table)]
    done = pari_child(args, tmp_path)
    assert done.returncode == 0, done.stderr
    lines = table.read_text(encoding="utf-8").split("\n")
    assert tuple(lines[:2]) == DIFF_LINES
    assert all(line in lines for line in DIFF_ITEM_LINES)
    items = [row[0] for row in csv.reader(lines[1:], delimiter=";") if row]
    assert not [item for item in items if re.fullmatch(r"[0-9.]+", item)], items
