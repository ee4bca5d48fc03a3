"""What the cases of tests/hostile_complete39.py answer: a long-form row with no value whose item
or input is not the set's is told at its row, its warning the row's reason in the input rows
table; a form's heading rows (groups of the set) and a unit's blank item are not."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hostile_complete39 import CASES, EXPECTED, NOT_WRITTEN, ROWS, ods_register_above_formulas
from sweeps import case_tests, language_tests, register_above_empty_formulas_is_read, run_in_process, sweep_child

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def _results(folder: Path, case: str, lang: str) -> dict[str, pl.DataFrame]:
    from pari_index.outputs.results import read_results

    done = sweep_child([*CASES[case](folder), "--lang", lang], folder)
    assert done.returncode == EXPECTED[case][0], done.stdout + done.stderr
    return read_results(folder / "out.xlsx")


@pytest.mark.parametrize("case", sorted(ROWS))
def test_each_row_is_in_the_table_with_its_warning_as_reason(tmp_path: Path, case: str) -> None:
    results = _results(tmp_path, case, "en")
    name = EXPECTED[case][2][0]
    rows = results["rows"].filter(pl.col("file").str.ends_with(name))
    findings = results["findings"].filter(pl.col("file").str.ends_with(name), pl.col("kind").str.starts_with("unread-"))
    told = dict(zip(findings["row"].to_list(), findings["kind"].to_list(), strict=True))
    for row, status, kind in ROWS[case]:
        (got,) = rows.filter(pl.col("row") == row).select("status", "reasons").rows()
        assert got[0] == status, (row, got)
        assert told.get(row) == kind, (row, told)
        if kind is not None:
            (message,) = findings.filter(pl.col("row") == row)["message"].to_list()
            assert got[1] == message
    # No other row of the file is told.
    assert sorted(told) == sorted(row for row, _, kind in ROWS[case] if kind is not None)


def test_the_answer_in_the_input_column_is_named_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "vi").mkdir()
    (tmp_path / "en").mkdir()
    vi = _results(tmp_path / "vi", "form-answer-in-input-column", "vi")["findings"]
    en = _results(tmp_path / "en", "form-answer-in-input-column", "en")["findings"]
    pick = pl.col("kind") == "unread-row-input"
    assert vi.filter(pick)["message"].to_list() == [
        "hàng này không có giá trị, và tiêu chí 1.1.1 không có đầu vào tên «04/06/2025» "
        "(câu trả lời ghi vào cột đầu vào?): chữ đó không được đọc"
    ]
    assert en.filter(pick)["message"].to_list() == [
        "the row gives no value, and criterion 1.1.1 has no input named «04/06/2025» "
        "(the answer written in the input column?): that text was not read"
    ]


def test_a_second_table_s_rows_name_their_text(tmp_path: Path) -> None:
    findings = _results(tmp_path, "form-second-table-below", "vi")["findings"]
    assert findings.filter(pl.col("kind") == "unread-row-item")["message"].to_list() == [
        f"hàng này không có giá trị nào để chấm và «{item}» không phải tiêu chí của bộ tiêu chí: "
        "không đọc được gì từ hàng (một bảng thứ hai hay ghi chú dưới dữ liệu?)"
        for item in ("người lập", "Nguyễn Văn A")
    ]


@pytest.mark.parametrize("text", [False, True])
def test_an_ods_register_above_empty_formulas_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: bool
) -> None:
    """Formulas whose result is the empty text are no rows (60 units registered, exit 0); the
    same rows of text are (refused past the limit as too-many-rows, exit 1)."""
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "1000")
    register_above_empty_formulas_is_read(ods_register_above_formulas(tmp_path, text), tmp_path, text)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_rows_past_those_told_one_by_one_are_counted_not_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Review of session 39: a frame of more such rows than MAX_TOLD told MAX_TOLD and left the
    rest «nothing to score» with no word (the example's form with 1,500 rows of notes under it:
    1,000 unread-row-item, 500 rows silent); a large CSV file read a range at a time (a batched
    run) told MAX_TOLD of each range (all 1,500). The last row told of a file's sheet now counts
    the rest and names the last of them, in both languages, whether the file is read whole
    (--batch-size 0) or by range."""
    from hostile_complete39 import _form

    import pari_index.intake.unplaced_rows as unplaced
    from pari_index.intake import csv_input
    from pari_index.outputs.results import read_results

    monkeypatch.setattr(unplaced, "MAX_TOLD", 2)
    monkeypatch.setattr(csv_input, "RANGED_BYTES", 100_000)
    monkeypatch.setattr(csv_input, "RANGE_BYTES", 4_000)
    notes = [",,,,,,,,,"] * 2 + [f"ghi chú {n},người lập,ngày,,,,,,," for n in range(300)]
    args = _form(tmp_path, "notes.csv", lambda lines: lines + notes)
    told = []
    for batch in ("0", "7"):
        out = tmp_path / f"out{batch}.xlsx"
        args[args.index("-o") + 1] = str(out)
        status, said = run_in_process(*args, "--lang", lang, "--batch-size", batch)
        assert status == 0, said
        results = read_results(out)
        findings = results["findings"].filter(pl.col("kind") == "unread-row-item")
        told.append(findings.select("row", "message").rows())
        rows = results["rows"].filter(pl.col("file").str.ends_with("notes.csv"), pl.col("row") >= 3433)
        assert rows.height == 300 and set(rows["status"]) == {"empty"}
    assert told[0] == told[1]
    assert [row for row, _ in told[0]] == [3433, 3434]
    more = {
        "vi": "; còn 298 hàng như vậy sau hàng này trong bảng (đến hàng 3.732), không báo riêng từng hàng",
        "en": "; 298 more rows like it follow in the table (up to row 3,732), not told one by one",
    }[lang]
    assert not told[0][0][1].endswith(more) and told[0][1][1].endswith(more), told
