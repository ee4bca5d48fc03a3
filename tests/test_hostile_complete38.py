"""What the cases of tests/hostile_complete38.py answer: every row a merge covers carries it in the
input rows table; a run of rows only partly used says so first; every row of every input is in
the input rows table, a total or the headings pasted again as ``empty`` with its reason."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hostile_complete38 import CASES, EXPECTED, NOT_WRITTEN, ROWS, xls_register_above_formulas
from sweeps import case_tests, language_tests, register_above_empty_formulas_is_read, sweep_child

from pari_index.intake.ledger import merges_spread, not_data_rows
from pari_index.intake.schema import FINDING_SCHEMA
from pari_index.scoring.completeness import notices

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
#: Cases whose console quotes the user's own words in the other language (the notes sheet's name
#: and heading «Ghi chú» in an English run): tests/test_language_leaks.py judges them on data of its own.
QUOTING = {"register-with-notes-sheet", "appraisal-with-notes-sheet"}
words, test_each_case_says_it_in_its_own_language = language_tests(
    {name: case for name, case in CASES.items() if name not in QUOTING}, EXPECTED
)


def _rows_table(folder: Path, case: str) -> tuple[str, pl.DataFrame]:
    from pari_index.outputs.results import read_results

    done = sweep_child([*CASES[case](folder), "--lang", "en"], folder)
    assert done.returncode == EXPECTED[case][0], done.stdout + done.stderr
    return done.stdout, read_results(folder / "out.xlsx")["rows"]


def test_every_row_of_a_merge_down_the_register_is_partial(tmp_path: Path) -> None:
    """Rows 2–6 (the four read with no district too) partial, the merge their reason; the rest registered."""
    said, rows = _rows_table(tmp_path, "register-district-merged-down")
    assert "INCOMPLETE: 5 rows only partly used in 1 file; see the Findings and Input rows sheets." in said, said
    register = rows.filter(pl.col("input") == "register")
    partial = register.filter(pl.col("status") == "partial")
    assert partial["row"].to_list() == [2, 3, 4, 5, 6]
    assert set(partial["reasons"]) == {
        "cells D2:D6 are merged: only the first holds the value, the others read as empty"
    }
    assert register.height == 60 and register.filter(pl.col("status") == "registered").height == 55


@pytest.mark.parametrize("case", ["xls-register-merged-and-hidden", "xlsb-register-merged-and-hidden"])
def test_a_legacy_workbook_s_merges_and_hidden_rows_and_columns_are_told(tmp_path: Path, case: str) -> None:
    """As an .xlsx's: the merge an error (rows 2–6 partial), the hidden rows and column warnings."""
    from pari_index.outputs.results import read_results

    said, rows = _rows_table(tmp_path, case)
    assert "INCOMPLETE: 5 rows only partly used in 1 file" in said, said
    register = rows.filter(pl.col("input") == "register")
    assert register.filter(pl.col("status") == "partial")["row"].to_list() == [2, 3, 4, 5, 6]
    findings = read_results(tmp_path / "out.xlsx")["findings"].filter(pl.col("kind").str.starts_with("hidden-"))
    assert findings.select("kind", "row").sort("kind").rows() == [("hidden-columns", 1), ("hidden-rows", 8)]
    assert "rows 8–9" in findings.filter(pl.col("kind") == "hidden-rows")["message"][0]


@pytest.mark.parametrize(
    ("case", "kind", "used", "reason"),
    [
        ("register-with-notes-sheet", "register", ("registered", 60), "no column code, name"),
        (
            "appraisal-with-notes-sheet",
            "appraisal",
            ("applied", 59),
            "no column commune code (commune_code), criterion id (criterion_id), reason",
        ),
    ],
)
def test_a_sheet_not_read_has_its_rows_rejected(
    tmp_path: Path, case: str, kind: str, used: tuple[str, int], reason: str
) -> None:
    said, rows = _rows_table(tmp_path, case)
    assert "INCOMPLETE: 1 row rejected in 1 file;" in said and "INCOMPLETE: 1 part of the input files" in said, said
    mine = rows.filter(pl.col("input") == kind)
    assert mine.group_by("sheet", "status").len().sort("sheet").rows() == [
        ("Danh sách", *used),
        ("Ghi chú", "rejected", 1),
    ]
    assert mine.filter(pl.col("sheet") == "Ghi chú").select("row", "reasons").rows() == [
        (2, f"{reason}; found Ghi chú")
    ]


def test_the_rows_a_merge_emptied_on_a_form_name_the_merge(tmp_path: Path) -> None:
    """Rows 3–6 lost their commune code to the merge: rejected, the merge named before the missing code."""
    said, rows = _rows_table(tmp_path, "form-code-merged-down")
    assert "INCOMPLETE: 4 rows rejected and 1 row only partly used in 1 file;" in said, said
    form = rows.filter(pl.col("input") == "assessment", pl.col("file").str.ends_with("assessments.xlsx"))
    head = form.filter(pl.col("row") <= 7).sort("row")
    assert head["status"].to_list() == ["partial", "rejected", "rejected", "rejected", "rejected", "scored"]
    merge = "cells A2:A6 are merged: only the first holds the value, the others read as empty"
    assert head["reasons"][0] == merge
    assert all(reason.startswith(merge + "; the row has no commune code") for reason in head["reasons"][1:5])
    assert form.height == 3429


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_run_of_rows_only_partly_used_says_so_first(tmp_path: Path, lang: str) -> None:
    done = sweep_child([*CASES["form-row-repeated-otherwise"](tmp_path), "--lang", lang], tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    banner = (
        "CHƯA ĐẦY ĐỦ: 2 dòng chỉ dùng được một phần trong 1 tệp; xem trang Phát hiện và Dòng đầu vào."
        if lang == "vi"
        else "INCOMPLETE: 2 rows only partly used in 1 file; see the Findings and Input rows sheets."
    )
    assert banner in done.stdout.splitlines(), done.stdout
    assert "0 rows" not in done.stdout and "0 dòng" not in done.stdout


@pytest.mark.parametrize(
    ("facts", "vi", "en"),
    [
        (
            {"rows_rejected": "3", "files_with_rejected_rows": "2"},
            "CHƯA ĐẦY ĐỦ: 3 dòng bị loại trong 2 tệp",
            "INCOMPLETE: 3 rows rejected in 2 files",
        ),
        (
            {"rows_partial": "1", "files_with_rejected_rows": "1"},
            "CHƯA ĐẦY ĐỦ: 1 dòng chỉ dùng được một phần trong 1 tệp",
            "INCOMPLETE: 1 row only partly used in 1 file",
        ),
        (
            {"rows_rejected": "1", "rows_partial": "1200", "files_with_rejected_rows": "1"},
            "CHƯA ĐẦY ĐỦ: 1 dòng bị loại và 1.200 dòng chỉ dùng được một phần trong 1 tệp",
            "INCOMPLETE: 1 row rejected and 1,200 rows only partly used in 1 file",
        ),
    ],
)
def test_the_rows_banner_says_what_was_left_out_and_nothing_of_none(facts: dict[str, str], vi: str, en: str) -> None:
    assert notices(facts, "vi") == [vi + "; xem trang Phát hiện và Dòng đầu vào."]
    assert notices(facts, "en") == [en + "; see the Findings and Input rows sheets."]


@pytest.mark.parametrize("case", sorted(ROWS))
def test_every_row_of_the_input_is_in_the_rows_table(tmp_path: Path, case: str) -> None:
    """Rows 2 to the last, once each, in order; the total and the headings again ``empty`` with
    the warnings' reasons; the run complete (no banner)."""
    name, kind, count = ROWS[case]
    said, rows = _rows_table(tmp_path, case)
    assert "INCOMPLETE" not in said, said
    mine = rows.filter(pl.col("file").str.ends_with(name))
    assert mine["row"].to_list() == list(range(2, count + 2))
    assert set(mine["input"]) == {kind}
    empty = mine.filter(pl.col("status") == "empty")
    assert empty.select("row", "reasons").rows() == [
        (32, "this row is a total (Tổng cộng), not a unit's data: it was not read"),
        (33, "this row repeats the column names (files pasted together?); it was taken as a header, not as data"),
    ]


def _findings(*rows: tuple[str, str | None, int, str, str | None]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "severity": "error",
                "kind": kind,
                "file": file,
                "sheet": sheet,
                "row": row,
                "message": kind,
                "params": params,
            }
            for file, sheet, row, kind, params in rows
        ]
    ).cast({"sheet": pl.String, "row": FINDING_SCHEMA["row"], "params": pl.String})


def test_a_merge_spreads_over_the_sheet_s_rows_only() -> None:
    """A merge down to Excel's last row spreads to the sheet's last row; one over a single row, and
    a finding of another kind, are as they were."""
    found = _findings(
        ("a.xlsx", "S", 2, "merged-cells", '{"cells": "$D$2:$D$1048576"}'),
        ("a.xlsx", "S", 7, "merged-cells", '{"cells": "A7:C7"}'),
        ("a.xlsx", "S", 3, "excel-error-cell", None),
    )
    rows = pl.DataFrame({"file": ["a.xlsx"] * 9, "sheet": ["S"] * 9, "row": list(range(2, 11))})
    spread = merges_spread(found, rows)
    merged = spread.filter(pl.col("kind") == "merged-cells")
    assert sorted(merged["row"].to_list()) == [2, 3, 4, 5, 6, 7, 7, 8, 9, 10]
    assert spread.filter(pl.col("kind") == "excel-error-cell")["row"].to_list() == [3]


def test_rows_that_are_no_data_go_back_in_their_place() -> None:
    ledger = pl.DataFrame(
        {
            "file": ["r.csv", "r.csv", "f.xlsx", "f.xlsx"],
            "sheet": [None, None, "S", "S"],
            "row": [2, 5, 2, 3],
            "status": ["registered", "registered", "scored", "scored"],
            "reasons": [None, None, None, None],
            "input": ["register", "register", "assessment", "assessment"],
        },
        schema_overrides={"sheet": pl.String, "reasons": pl.String},
    )
    found = pl.concat(
        [
            _findings(("r.csv", None, 3, "total-row", None), ("r.csv", None, 4, "header-repeated", None)),
            _findings(("f.xlsx", "S", 4, "total-row", None), ("f.xlsx", "S", 2, "bad-value", None)),
            _findings(("g.xlsx", "T", 2, "total-row", None)),
        ]
    )
    placed = not_data_rows(ledger, found)
    assert placed.select("file", "row", "status", "reasons", "input").rows() == [
        ("r.csv", 2, "registered", None, "register"),
        ("r.csv", 3, "empty", "total-row", "register"),
        ("r.csv", 4, "empty", "header-repeated", "register"),
        ("r.csv", 5, "registered", None, "register"),
        ("f.xlsx", 2, "scored", None, "assessment"),
        ("f.xlsx", 3, "scored", None, "assessment"),
        ("f.xlsx", 4, "empty", "total-row", "assessment"),
        ("g.xlsx", 2, "empty", "total-row", "assessment"),
    ]
    assert not_data_rows(ledger, found.filter(pl.col("kind") == "bad-value")) is ledger


@pytest.mark.parametrize("text", [False, True])
def test_an_xls_register_above_empty_formulas_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: bool
) -> None:
    """Formulas whose result is the empty text are no rows (60 units registered, exit 0); the
    same rows of text are (refused past the limit as too-many-rows, exit 1)."""
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "1000")
    register_above_empty_formulas_is_read(xls_register_above_formulas(tmp_path, text), tmp_path, text)


@pytest.mark.parametrize("kind", ["xls", "xlsb"])
def test_a_legacy_sheet_of_cells_out_of_order_keeps_its_merges_and_hidden_rows(tmp_path: Path, kind: str) -> None:
    """A sheet whose cells are not in order is read twice (the second pass keeping each cell's
    place); until reviewa38 the second pass gave the sheet without the first's merges and hidden
    rows and columns: an .xls register so written had its district merged down read with not a word."""
    import zipfile

    from biff_writers import XlsLayout, write_xls_table, write_xlsb, xlsb_sheet

    from pari_index.intake.xlsx.budget import _Budget
    from pari_index.intake.xlsx.legacy_scan import scan_xls, scan_xlsb
    from pari_index.intake.xlsx.limits import XlsxLimits

    layout = XlsLayout(hidden_rows=(3,), hidden_columns=((5, 5),), merged=((1, 4, 3, 3),))
    rows = [["code", "name", "district"], *([f"0000{i}", f"Xã {i}", "H" if i == 1 else ""] for i in range(1, 5))]
    found = []
    for order in ("in order", "out of order"):
        note = [(0, 6, "ghi chú")] if order == "out of order" else []  # a cell of row 1 after the rest
        path = tmp_path / f"{order}.{kind}"
        if kind == "xls":
            write_xls_table(path, rows, extra=note, layout=layout)
            with path.open("rb") as source:
                [info] = scan_xls(source, _Budget(path.name, XlsxLimits.from_env())).values()
        else:
            cells = [(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row) if text] + note
            part = xlsb_sheet(cells, (0, 4, 0, 6), layout)
            write_xlsb(path, [("data", "worksheets/sheet1.bin")], {"worksheets/sheet1.bin": part})
            with zipfile.ZipFile(path) as package:
                [info] = scan_xlsb(package, _Budget(path.name, XlsxLimits.from_env())).values()
        found.append((info.merged, info.hidden_rows, info.hidden_columns))
    assert found[0] == found[1] == (["D2:D5"], [[4, 4]], [(6, 6)])


def test_merges_over_one_another_spread_a_few_to_a_row() -> None:
    """A thousand merges down one column (a workbook may list them so; Excel never writes them)
    told at each row below their first rows at most MERGES_A_ROW times, the first ones: spread
    whole they made a finding a merge a row (1.75 GB for a form of 3,430 rows, reviewa38). Merges
    side by side (D2:D6, E2:E6) still each reach every row they cover."""
    from pari_index.intake.ledger import MERGES_A_ROW

    last = 3_000
    found = _findings(
        *(("a.xlsx", "S", row, "merged-cells", f'{{"cells": "D{row}:D{last}"}}') for row in range(2, 1_002))
    )
    rows = pl.DataFrame({"file": ["a.xlsx"], "sheet": ["S"], "row": [last]})
    spread = merges_spread(found, rows)
    per_row = spread.group_by("row").len()
    assert per_row["len"].max() == MERGES_A_ROW + 1  # the merge that begins there, and five above
    assert per_row.height == last - 1 and spread.height < 7 * last
    # Each row is told of the merges nearest its top: row 3 of D2's alone, row 2,000 of the first five.
    assert spread.filter(pl.col("row") == 3)["params"].to_list() == ['{"cells": "D3:D3000"}', '{"cells": "D2:D3000"}']
    side = _findings(
        ("a.xlsx", "S", 2, "merged-cells", '{"cells": "D2:D6"}'),
        ("a.xlsx", "S", 2, "merged-cells", '{"cells": "E2:E6"}'),
    )
    spread = merges_spread(side, pl.DataFrame({"file": ["a.xlsx"], "sheet": ["S"], "row": [9]}))
    assert spread.group_by("row").len().sort("row").rows() == [(r, 2) for r in range(2, 7)]
