"""What the cases of tests/hostile_limits27.py answer: a set's inputs and checklist entries held
in all, and an .ods's empty cells scanned as empty, a run of them at once."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest
from criteria_text import BASE, problems
from hostile_limits27 import CASES, EXPECTED, NOT_WRITTEN, checklist_set
from hostile_sweep9 import ods_cell, ods_row, write_ods
from sweeps import case_tests, language_tests

from pari_index.criteria.loading import MAX_CHECKS, MAX_INPUTS, load_criteria_text
from pari_index.intake.xlsx.budget import _Budget
from pari_index.intake.xlsx.limits import EXCEL_MAX_COLUMNS, XlsxLimits, _Refused
from pari_index.intake.xlsx.ods_scan import _scan_ods
from pari_index.intake.xlsx.sheet_cells import _SheetCells

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

_SET_CASES = {name: case for name, case in CASES.items() if name.startswith("checklists-of-100-inputs-validate")}
words, test_each_case_says_it_in_its_own_language = language_tests(_SET_CASES, EXPECTED, command="validate")


# ---------------------------------------------------------------------------------------------
# A set's inputs and checklist entries, in all


def test_the_inputs_are_held_in_all_at_the_item_that_passes_the_limit() -> None:
    """20 items of 100 inputs are the limit, and load; one more input (an item of 101 would be
    the item's own limit: a 21st item of one input) is too-many-inputs at that item's line."""
    text = checklist_set(20, 100)
    assert MAX_INPUTS == 2_000
    assert len(load_criteria_text(text).criteria.areas) == 10
    one_more = text + (
        '      - {id: "10.3", title: "T", max: 1, inputs: {x: {type: boolean}}, rule: {kind: yes_no, input: x}}\n'
    )
    found = problems(
        one_more.replace(
            '    max: 2\n    children:\n      - {id: "10.1"', '    max: 3\n    children:\n      - {id: "10.1"'
        )
    )
    assert [(p.code, p.line) for p in found] == [("too-many-inputs", one_more.count("\n"))]
    assert found[0].params == {"limit": 2_000}


def test_the_checklist_entries_are_held_in_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """21 checklists of 100 entries on one input pass the 2,000 entries; raised by the variable,
    the same set loads."""
    text = checklist_set(30, 100, one_input=True)
    assert MAX_CHECKS == 2_000
    assert [p.code for p in problems(text)] == ["too-many-checks"]
    monkeypatch.setenv("PARI_MAX_CRITERIA_CHECKS", "3000")
    assert len(load_criteria_text(text).criteria.areas) == 10


def test_a_bundled_size_set_is_far_below_the_limits() -> None:
    loaded = load_criteria_text(BASE)
    assert loaded.criteria.id == "test-base"


# ---------------------------------------------------------------------------------------------
# An .ods's empty cells


def _scan(tmp_path: Path, rows: str, cells: int | None = None) -> dict[str, _SheetCells]:
    """The scan of an .ods of one sheet ``data`` holding ``rows`` (the cells limit ``cells``)."""
    limits = XlsxLimits.from_env()
    if cells is not None:
        limits = dataclasses.replace(limits, cells=cells)
    with zipfile.ZipFile(write_ods(tmp_path / "t.ods", rows)) as package:
        return _scan_ods(package, package.getinfo("content.xml"), _Budget("t.ods", limits))


_FORMS = [
    "<table:table-cell/>",
    "<table:table-cell />",
    '<table:table-cell table:style-name="ce1"/>',
    "<table:table-cell></table:table-cell>",
    "<table:table-cell><text:p/></table:table-cell>",
    '<table:covered-table-cell table:style-name="ce2"></table:covered-table-cell>',
]


@pytest.mark.parametrize("form", _FORMS)
@pytest.mark.parametrize("count", [1, 2, 7, 3_001])
def test_empty_cells_take_their_places_and_hold_nothing(tmp_path: Path, form: str, count: int) -> None:
    """``count`` empty cells of a form, then a value: the value is at column count + 1, the only
    cell held (the scan took an open and closed empty cell for one with content, and walked each
    run cell by cell)."""
    found = _scan(tmp_path, ods_row([form * count + ods_cell("có")]))["data"]
    assert (found.first_col, found.last_col, found.filled) == (count + 1, count + 1, 1)


def test_forms_mixed_in_a_run_are_each_placed(tmp_path: Path) -> None:
    run = "".join(_FORMS[i % len(_FORMS)] for i in range(1_000)) + "<table:table-cell/>" * 5
    found = _scan(tmp_path, ods_row([run + ods_cell("1")]))["data"]
    assert (found.first_col, found.filled) == (1_006, 1)


def test_a_cell_with_a_value_or_a_repeat_in_a_run_is_not_taken_for_empty(tmp_path: Path) -> None:
    """A value type, text, or a repetition ends a run: each is placed as the walk places it."""
    row = (
        "<table:table-cell/>" * 3
        + '<table:table-cell office:value-type="float" office:value="1"/>' * 2
        + '<table:table-cell table:number-columns-repeated="4"/>' * 2
        + "<table:table-cell><text:p>x</text:p></table:table-cell>"
    )
    found = _scan(tmp_path, ods_row([row]))["data"]
    assert (found.first_col, found.last_col, found.filled) == (4, 14, 3)


def test_a_run_of_empty_cells_past_the_last_column_is_refused_at_its_row(tmp_path: Path) -> None:
    with pytest.raises(_Refused) as refused:
        _scan(
            tmp_path,
            ods_row([ods_cell("a")]) + ods_row(["<table:table-cell></table:table-cell>" * (EXCEL_MAX_COLUMNS + 1)]),
        )
    assert refused.value.problem.code == "sheet-too-large"
    assert refused.value.problem.params["sheet_size"] == "past_edge"
    assert "row 2" in str(refused.value) or refused.value.problem.row == 2


def test_a_run_of_empty_cells_past_the_cells_limit_is_refused(tmp_path: Path) -> None:
    """The cells a sheet writes, empty ones included, counted in a run as one by one: 1 + 600 +
    600, and the one of the sheet's last rows (write_ods)."""
    rows = ods_row([ods_cell("a")], tail=False) + ods_row(["<table:table-cell/>" * 600], tail=False) * 2
    assert _scan(tmp_path, rows, cells=1_202)["data"].filled == 1
    with pytest.raises(_Refused) as refused:
        _scan(tmp_path, rows, cells=1_100)
    assert (refused.value.problem.params["sheet_size"], refused.value.problem.row) == ("elements", 3)
