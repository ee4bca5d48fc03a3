"""Reading Excel workbooks (.xlsx and friends) as sheets of strings.

calamine (through fastexcel) reads the values; a scan of the sheet XML adds what calamine does not
tell: where the used range starts, Excel error cells, formulas without a saved result, merged cells
and percent-formatted numbers.

calamine cannot be limited, so the workbook is measured first and refused over a limit
(docs/limits.md). The modules, by concept: ``limits`` (the limits and the refusal), ``budget``
(bytes counted as they are inflated), ``xml_patterns`` (patterns over the XML, parts cut after a
cell), ``sheet_cells`` and ``sheet_scan`` (one sheet's scan), ``package`` (the zip package and its
parts), ``reading`` (calamine's read and the cells' findings). Import from
``pari_index.intake.xlsx``.
"""

from __future__ import annotations

from pari_index.intake.xlsx.limits import (
    BY_TAG_SHARE,
    EXCEL_MAX_COLUMNS,
    EXCEL_MAX_ROWS,
    MAX_CELL_CHARS,
    MAX_CELL_FINDINGS,
    MAX_PART_BYTES,
    MAX_SHARED_STRINGS,
    MAX_SPARSE_RATIO,
    MAX_XLSX_BYTES,
    MAX_XLSX_CELLS,
    MAX_XLSX_COLUMNS,
    MAX_XLSX_MEMBERS,
    MAX_XLSX_RATIO,
    MAX_XLSX_TEXT_BYTES,
    MAX_XML_RUN_BYTES,
    QUOTE_CHARS,
    RATIO_ALLOWANCE_BYTES,
    SPARSE_FLOOR_CELLS,
    XlsxLimits,
)
from pari_index.intake.xlsx.limits import _Refused as _Refused
from pari_index.intake.xlsx.reading import read_excel

# The scan of one sheet held in memory, for the tests of the scan (tests/test_hostile_xlsx.py).
from pari_index.intake.xlsx.sheet_cells import _column_letters as _column_letters
from pari_index.intake.xlsx.sheet_scan import _scan_sheet_xml as _scan_sheet_xml

__all__ = [
    "BY_TAG_SHARE",
    "EXCEL_MAX_COLUMNS",
    "EXCEL_MAX_ROWS",
    "MAX_CELL_CHARS",
    "MAX_CELL_FINDINGS",
    "MAX_PART_BYTES",
    "MAX_SHARED_STRINGS",
    "MAX_SPARSE_RATIO",
    "MAX_XLSX_BYTES",
    "MAX_XLSX_CELLS",
    "MAX_XLSX_COLUMNS",
    "MAX_XLSX_MEMBERS",
    "MAX_XLSX_RATIO",
    "MAX_XLSX_TEXT_BYTES",
    "MAX_XML_RUN_BYTES",
    "QUOTE_CHARS",
    "RATIO_ALLOWANCE_BYTES",
    "SPARSE_FLOOR_CELLS",
    "XlsxLimits",
    "read_excel",
]
