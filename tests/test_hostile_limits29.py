"""What the cases of tests/hostile_limits29.py answer, and the scans and checks they exercise."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_limits29 import CASES, EXPECTED, NOT_WRITTEN, annex_of
from sweeps import case_tests, language_tests

from pari_index.authoring.importing import import_annex
from pari_index.errors import CriteriaError
from pari_index.intake.xlsx import MAX_XML_RUN_BYTES
from pari_index.intake.xlsx.limits import _Refused
from pari_index.intake.xlsx.sheet_cells import _SheetCells
from pari_index.intake.xlsx.sheet_scan import _scan_sheet_xml

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
_ANNEX = {name: case for name, case in CASES.items() if name.startswith("annex-")}
words, test_each_scoring_case_says_it_in_its_own_language = language_tests(
    {name: case for name, case in CASES.items() if name not in _ANNEX}, EXPECTED
)
# (The same vocabulary: the fixture above is the one the test below takes.)
_, test_each_import_case_says_it_in_its_own_language = language_tests(_ANNEX, EXPECTED, command="criteria import")

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#: Three rows of two cells (six with content: A1 to B3).
_ROWS = "".join(
    f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c><c r="B{r}"><v>{r}</v></c></row>' for r in (1, 2, 3)
)

#: What a sheet may hold after its cells, one element a cell of a column, as generators write it.
AFTER_CELLS = {
    "validation rules": (
        "<dataValidations>{}</dataValidations>",
        '<dataValidation type="list" allowBlank="1" showErrorMessage="1" error="Chọn một giá trị trong danh sách" '
        'sqref="J{r}"><formula1>"có,không"</formula1></dataValidation>',
    ),
    "conditional formats": (
        "{}",
        '<conditionalFormatting sqref="D{r}"><cfRule type="cellIs" dxfId="0" priority="{r}" '
        'operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>',
    ),
    "links": ("<hyperlinks>{}</hyperlinks>", '<hyperlink ref="A{r}" location="\'Hướng dẫn\'!A1" display="xem"/>'),
    "ignored errors": ("<ignoredErrors>{}</ignoredErrors>", '<ignoredError sqref="A{r}" numberStoredAsText="1"/>'),
    "sparklines": (
        '<extLst><ext uri="{{05C60535-1F16-4fd2-B633-F4F36F0B64E0}}" '
        'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups>'
        '<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:sparklines>{}</x14:sparklines></x14:sparklineGroup>'
        "</x14:sparklineGroups></ext></extLst>",
        "<x14:sparkline><xm:f>data!A{r}:D{r}</xm:f><xm:sqref>E{r}</xm:sqref></x14:sparkline>",
    ),
}


def _sheet(after: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">'
        f"<sheetData>{_ROWS}</sheetData>{after}</worksheet>"
    ).encode()


def _over_the_run_limit(wrapper: str, element: str) -> str:
    """``element`` for row after row inside ``wrapper``, past MAX_XML_RUN_BYTES in all."""
    count = MAX_XML_RUN_BYTES // len(element.format(r=1_000)) + 1_000
    return wrapper.format("".join(element.format(r=r) for r in range(4, count)))


@pytest.mark.parametrize("kind", sorted(AFTER_CELLS))
def test_a_sheet_with_megabytes_of_rules_or_links_after_its_cells_is_scanned_whole(kind: str) -> None:
    """Past MAX_XML_RUN_BYTES of one kind of element after the cells: the sheet is scanned (it was
    refused as damaged, no cell's end in the run), its cells counted as without them."""
    after = _over_the_run_limit(*AFTER_CELLS[kind])
    assert len(after) > MAX_XML_RUN_BYTES
    info = _scan_sheet_xml(_sheet(after))
    bare = _scan_sheet_xml(_sheet(""))

    def shape(scan: _SheetCells) -> tuple[int, int, int, int]:
        return scan.filled, scan.cells, scan.last_row, scan.last_col

    assert shape(info) == shape(bare) == (6, 6, 3, 2)


def test_a_run_of_other_xml_without_an_end_is_still_refused_as_damaged() -> None:
    """The same bytes of an element that is none of those (a comment-like tag of a generator's own)
    with no cell, row or rule ending in them: still ``xlsx-damaged``."""
    after = _over_the_run_limit("<x:extra>{}</x:extra>", "<x:note>r{r} ")
    assert len(after) > MAX_XML_RUN_BYTES
    with pytest.raises(_Refused) as refused:
        _scan_sheet_xml(_sheet(after))
    assert refused.value.problem.code == "xlsx-damaged"


def _short_item(number: str) -> list[object]:
    return [number, f"Tiêu chí {number}", "1", "- Có: 1 điểm; - Không: 0 điểm", "- Báo cáo (số, ngày, tệp)"]


def test_an_annex_is_refused_at_the_row_its_text_passes_the_criteria_file_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With PARI_MAX_CRITERIA_BYTES lowered to the text of the first rows, the annex is refused
    at the row that passes it (``annex-too-large``, nothing drafted); raised to its whole text,
    the same annex is drafted, every item in it."""
    path = annex_of(tmp_path / "phu-luc.xlsx", 3, _short_item)
    rows = [
        ["1", "Lĩnh vực 1", 20],
        *[_short_item(f"1.{i}") for i in (1, 2, 3)],
        ["2", "Lĩnh vực 2", 20],
    ]
    first = sum(len(str(cell).encode()) for row in rows for cell in row)
    monkeypatch.setenv("PARI_MAX_CRITERIA_BYTES", str(first - 1))
    with pytest.raises(CriteriaError) as refused:
        import_annex(path, "phu-luc.xlsx")
    (problem,) = refused.value.problems
    assert (problem.code, problem.sheet, problem.row) == ("annex-too-large", "Phu luc I", 6)
    monkeypatch.setenv("PARI_MAX_CRITERIA_BYTES", str(first * 5))
    draft = import_annex(path, "phu-luc.xlsx")
    assert [area["id"] for area in draft.document["areas"]] == ["1", "2", "3", "4", "5"]
