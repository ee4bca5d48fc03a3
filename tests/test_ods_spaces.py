"""intake.xlsx.ods_scan: spaces an .ods cell writes by their count (``<text:s text:c="N"/>``), which
calamine writes out, are counted before it reads: over Excel's 32,767 characters in a cell,
``cell-too-long`` at its sheet and row; times the cell's repetitions, against the workbook's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_sweep9 import ods_cell, ods_row, write_ods

from pari_index.intake.xlsx import read_excel
from pari_index.intake.xlsx.limits import XlsxLimits, _Refused
from pari_index.intake.xlsx.package import _prescan


def _spaces(*counts: int) -> str:
    runs = "".join(f'x<text:s text:c="{count}"/>' for count in counts)
    return f'<table:table-cell office:value-type="string"><text:p>{runs}</text:p></table:table-cell>'


def _ods(tmp_path: Path, rows: str) -> Path:
    header = ods_row([ods_cell("commune_code"), ods_cell("note")])
    return write_ods(tmp_path / "a.ods", header + rows)


@pytest.mark.parametrize("counts", [(40_000,), (20_000, 20_000), (2_000_000_000,)])
def test_a_cell_of_more_spaces_than_excel_holds_is_refused_at_its_row(tmp_path: Path, counts: tuple[int, ...]) -> None:
    path = _ods(
        tmp_path,
        ods_row([ods_cell("00001")]) + f"<table:table-row>{ods_cell('00002')}{_spaces(*counts)}</table:table-row>",
    )
    with pytest.raises(_Refused) as refused:
        _prescan(path, "a.ods", XlsxLimits.from_env())
    problem = refused.value.problem
    assert (problem.code, problem.sheet, problem.row, problem.params["chars"]) == (
        "cell-too-long",
        "data",
        3,
        sum(counts),
    )


def test_repeated_cells_of_spaces_count_against_the_workbook_s_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARI_MAX_XLSX_TEXT_BYTES", "1_000_000")
    row = f'<table:table-row table:number-rows-repeated="40">{_spaces(30_000)}</table:table-row>'
    with pytest.raises(_Refused) as refused:
        _prescan(_ods(tmp_path, row), "a.ods", XlsxLimits.from_env())
    assert refused.value.problem.code == "xlsx-too-much-text"


def test_a_few_spaces_by_count_are_read_as_spaces(tmp_path: Path) -> None:
    path = _ods(tmp_path, f"<table:table-row>{ods_cell('00001')}{_spaces(3, 1)}</table:table-row>")
    result = read_excel(path, "a.ods")
    assert result.problems == []
    assert result.sheets[0].frame["note"].to_list() == ["x   x"]
