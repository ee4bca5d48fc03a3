"""Review of session 36 (limits36): a workbook's rows, told from the measure of its XML before
calamine reads it, counted cells closed with no value as rows holding one. The example's register
above 120,000 rows of a check formula filled down, ``=IF(A2="","",LEN(A2))`` (Excel saves its
result, the empty text, as ``<c t="str"><f>…</f><v></v></c>``): main at 071b56d read it (exit 0,
the results; 2.9 CPU s, 210 MB), 28348be refused it as ``too-many-rows`` «119,999 rows» (exit 1,
nothing written). The family: every cell a formula leaves without a value (an empty ``<v></v>``,
a last child closed on itself as ``<v/>`` or a shared formula's ``<f … />``, a formula without a
saved result ``</f></c>``), in the last column (the rows ending in a value) or in every column
(the cells with content over the width). Now they count for nothing: the same file is read as
main read it (2.7 CPU s, 210 MB); a formula holding a value still counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_xlsx import inline, sheet_xml, write_package

from pari_index.errors import IntakeError
from pari_index.intake.register import read_register

HEADING = ("code", "name", "type")
#: The cell XML of a formula left without a value, by how a program writes it ({ref}: the cell).
EMPTY_RESULTS = {
    "empty-text": '<c r="{ref}" t="str"><f>IF(A2="","",A2)</f><v></v></c>',
    "value-closed": '<c r="{ref}" t="str"><f>IF(A2="","",A2)</f><v/></c>',
    "shared": '<c r="{ref}"><f t="shared" si="0"/></c>',
    "unsaved": '<c r="{ref}"><f>IF(A2="","",A2)</f></c>',
}


def _register(path: Path, units: int, below: int, cell: str, columns: str) -> Path:
    """A register of ``units`` units (a heading of three columns), then ``below`` rows whose
    ``columns`` each hold ``cell`` (a template with {ref})."""
    rows = ['<row r="1">' + "".join(inline(f"{c}1", h) for c, h in zip("ABC", HEADING, strict=True)) + "</row>"]
    for r in range(2, units + 2):
        values = (f"{r:05d}", f"Xã {r}", "xã")
        rows.append(f'<row r="{r}">' + "".join(inline(f"{c}{r}", v) for c, v in zip("ABC", values, strict=True)))
        rows[-1] += "".join(cell.format(ref=f"{c}{r}") for c in columns if c not in "ABC") + "</row>"
    for r in range(units + 2, units + 2 + below):
        rows.append(f'<row r="{r}">' + "".join(cell.format(ref=f"{c}{r}") for c in columns) + "</row>")
    return write_package(path, sheet_xml("".join(rows)), sheet_name="Danh sách")


@pytest.mark.parametrize("kind", sorted(EMPTY_RESULTS))
@pytest.mark.parametrize("columns", ["D", "ABCD"])
def test_formulas_without_a_value_below_a_register_are_not_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, columns: str
) -> None:
    """PARI_MAX_REGISTER_ROWS=50: 50 units, then 1,000 rows of a formula left without a value in
    a fourth column (the rows end in it) or in every column (1,050 such cells over a width of 4
    were 262 rows at the least). The measure lets the file through: never ``too-many-rows``."""
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "50")
    path = _register(tmp_path / "dm.xlsx", 50, 1_000, EMPTY_RESULTS[kind], columns)
    try:
        problems = read_register(path).problems
    except IntakeError as refused:
        problems = refused.problems
    assert "too-many-rows" not in [p.code for p in problems]
    if kind == "empty-text":  # a saved result, the empty text: the register read whole, no error
        register = read_register(path)
        assert register.frame.height == 50
        assert [p.code for p in register.problems if p.severity == "error"] == []


@pytest.mark.parametrize("columns", ["D", "ABCD"])
def test_formulas_holding_a_value_are_still_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    """The same 1,000 rows, each formula saved with a value (``<v>0</v>``): refused from the
    measure, before calamine (no row: none is read), with the least count of rows below the
    heading: 1,050 (the rows ending in a value)."""
    monkeypatch.setenv("PARI_MAX_REGISTER_ROWS", "50")
    holding = '<c r="{ref}"><f>LEN(A2)</f><v>0</v></c>'
    path = _register(tmp_path / "dm.xlsx", 50, 1_000, holding, columns)
    with pytest.raises(IntakeError) as caught:
        read_register(path)
    assert [(p.code, p.sheet, p.row, (p.params or {})["rows"]) for p in caught.value.problems] == [
        ("too-many-rows", "Danh sách", None, 1_050)
    ]
