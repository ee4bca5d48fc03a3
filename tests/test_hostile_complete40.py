"""What the cases of tests/hostile_complete40.py answer: a unit whose values were refused says so
at its own summary row (``items_rejected``) and in the report's unit details; a clerk's table in
a sheet named as the instructions is told, not skipped; the instructions' own text is not."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from hostile_complete40 import CASES, EXPECTED, NOT_WRITTEN, REFUSED_UNIT
from sweeps import case_tests, language_tests, sweep_child

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
#: The sheet's own name «Hướng dẫn» is the user's (shown as named in either language): its case's
#: console is checked for leaks with that name as its own, below.
_SAID_ALIKE = {name: case for name, case in CASES.items() if name != "wide-rows-in-instructions-sheet"}
words, test_each_case_says_it_in_its_own_language = language_tests(_SAID_ALIKE, EXPECTED)


def _results(
    folder: Path, case: str, lang: str, *extra: str, own: frozenset[str] | None = None
) -> dict[str, pl.DataFrame]:
    """The results of ``case`` run in ``lang``; with ``own`` (the user's names), its console
    checked for words of the other language and ids."""
    from language_leaks import data_text, leaks, vocabulary

    from pari_index.outputs.results import read_results

    done = sweep_child([*CASES[case](folder), "--lang", lang, *extra], folder)
    said = done.stdout + done.stderr
    assert done.returncode == EXPECTED[case][0], said
    if own is not None:
        assert leaks(said, lang, vocabulary(data_text()), "score", own) == [], said
    return read_results(folder / "out.xlsx")


def test_the_unit_whose_values_were_refused_counts_them_at_its_row(tmp_path: Path) -> None:
    results = _results(tmp_path, "form-every-value-refused", "en", "--report", str(tmp_path / "report.html"))
    summary = results["summary"]
    refused = dict(zip(summary["commune_code"].to_list(), summary["items_rejected"].to_list(), strict=True))
    # Every item of 00001 with an input or a self-score (50 of its 59), at which a bad-value sits.
    errors = results["findings"].filter(pl.col("severity") == "error", pl.col("commune_code") == REFUSED_UNIT)
    assert refused[REFUSED_UNIT] == errors["criterion_id"].n_unique() == 50
    assert {code: n for code, n in refused.items() if n} == {REFUSED_UNIT: 50}
    # Still ranked, on what was left (its survey): the count is what says why.
    (row,) = summary.filter(pl.col("commune_code") == REFUSED_UNIT).select("appraised_points", "rank").rows()
    assert row == (0.0, 56)
    columns = summary.columns
    assert columns[columns.index("items_not_assessed") + 1] == "items_rejected"
    assert "Items with a cell rejected" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_the_count_is_headed_in_vietnamese(tmp_path: Path) -> None:
    import openpyxl

    _results(tmp_path, "form-every-value-refused", "vi")
    book = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    sheet = book.worksheets[0]
    headings = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    book.close()
    assert "Số tiêu chí có ô bị loại" in headings
    assert "items_rejected" not in headings


def test_a_table_in_the_instructions_sheet_is_told_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "vi").mkdir()
    (tmp_path / "en").mkdir()
    said = {}
    for lang in ("vi", "en"):
        results = _results(tmp_path / lang, "wide-rows-in-instructions-sheet", lang, own=frozenset({"Hướng dẫn"}))
        (found,) = results["findings"].filter(pl.col("kind") == "instructions-sheet-has-data").iter_rows(named=True)
        assert (found["severity"], found["sheet"], found["row"]) == ("error", "Hướng dẫn", None)
        said[lang] = found["message"]
        about = dict(results["about"].iter_rows())
        assert about["parts_unread"] == "1"
        # The six units of the sheet not read still sent nothing: told by the sheet's error.
        assert results["summary"].filter(~pl.col("submitted")).height == 54
    assert said["en"] == (
        "the sheet is named as a form's instructions, which are never read, but it holds a table of assessments "
        "(headings «commune_code», «1.1.1», «1.1.1:self_score», at least 6 rows below them): none of its rows was read"
    )
    assert said["vi"] == (
        "trang tính mang tên trang hướng dẫn của biểu mẫu, vốn không bao giờ được đọc, nhưng chứa một bảng tự "
        "đánh giá (tiêu đề cột «commune_code», «1.1.1», «1.1.1:self_score», ít nhất 6 dòng bên dưới): "
        "không dòng nào của trang được đọc"
    )


def test_a_table_in_a_hidden_instructions_sheet_is_told(tmp_path: Path) -> None:
    from hostile_complete40 import wide_rows_in_hidden_instructions_sheet

    done = sweep_child([*wide_rows_in_hidden_instructions_sheet(tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    from pari_index.outputs.results import read_results

    results = read_results(tmp_path / "out.xlsx")
    (found,) = results["findings"].filter(pl.col("kind") == "instructions-sheet-has-data").iter_rows(named=True)
    assert (found["severity"], found["sheet"]) == ("error", "Huong dan")
    assert "unhide it" in found["hint"]
    assert dict(results["about"].iter_rows())["parts_unread"] == "1"


def test_instructions_of_text_are_not_told(tmp_path: Path) -> None:
    results = _results(tmp_path, "wide-instructions-of-text", "en")
    assert results["findings"].filter(pl.col("sheet") == "Hướng dẫn").height == 0
    assert "parts_unread" not in dict(results["about"].iter_rows())
    assert results["summary"].filter(~pl.col("submitted")).height == 48
