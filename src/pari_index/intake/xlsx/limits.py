"""What a workbook may hold before it is read: the limits (docs/limits.md), from the module's defaults
and the environment, and the refusal a workbook over one gets."""

from __future__ import annotations

from dataclasses import dataclass

from pari_index.errors import Problem, cut_mark
from pari_index.system.limits import env_limit

# --------------------------------------------------------------------------------------------
# Limits. calamine (through fastexcel) cannot be limited: it inflates every part it reads and
# builds a dense grid from the top-left to the bottom-right value of each sheet. So everything it
# will allocate is measured here first, from the zip directory and a streamed scan of the XML,
# and a workbook over a limit is refused before calamine opens it. docs/limits.md lists each.

#: Members in the zip package (a workbook has a few dozen).
MAX_XLSX_MEMBERS = 10_000
#: Bytes of all members once inflated (PARI_MAX_XLSX_BYTES).
MAX_XLSX_BYTES = 512 * 1024**2
#: Inflated / compressed size of one member (PARI_MAX_XLSX_RATIO). Real sheets compress 5-20
#: times; Apache POI refuses above 100 too.
MAX_XLSX_RATIO = 100
#: Bytes that the members inflating more than the ratio may hold together before the workbook is
#: refused. A text repeated down a column (an id of thousands of digits, pari's own results of
#: such ids) compresses far beyond 100 times in a workbook of a few megabytes; what a bomb costs is
#: the bytes it inflates to, and 32 MiB is what a genuine workbook of 1.6 MB shrunk 20 times holds.
RATIO_ALLOWANCE_BYTES = 32 * 1024**2
#: Cells of the dense grid calamine builds for one sheet: rows x columns of its used range
#: (PARI_MAX_XLSX_CELLS). About 60 bytes a cell in calamine and fastexcel.
MAX_XLSX_CELLS = 5_000_000
#: Sheets the workbook lists (PARI_MAX_XLSX_SHEETS). calamine and fastexcel spend about a
#: millisecond on each, and list a sheet part as often as the workbook names it; a province's
#: workbook has one sheet per district at most (about 30).
MAX_XLSX_SHEETS = 1_000
#: A used range of more than this many cells must be at least 1/MAX_SPARSE_RATIO full.
SPARSE_FLOOR_CELLS = 1_000_000
MAX_SPARSE_RATIO = 100
#: Columns of one sheet's used range (PARI_MAX_XLSX_COLUMNS); fastexcel's time grows with them.
MAX_XLSX_COLUMNS = 2_000
#: Strings in sharedStrings.xml (PARI_MAX_XLSX_STRINGS).
MAX_SHARED_STRINGS = 2_000_000
#: Bytes of text held by the workbook's strings: sharedStrings.xml plus long inline texts
#: (PARI_MAX_XLSX_TEXT_BYTES).
MAX_XLSX_TEXT_BYTES = 100 * 1024**2
#: Characters in one cell: Excel's own limit, so no file Excel wrote passes it.
MAX_CELL_CHARS = 32_767
#: Bytes of sheet XML in which no cell ends, and of one part read whole (workbook, styles).
MAX_XML_RUN_BYTES = 8 * 1024**2
MAX_PART_BYTES = 32 * 1024**2
#: Excel's grid.
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
#: Findings of one kind (error cells, formulas, merged ranges) listed per sheet; the rest are counted.
MAX_CELL_FINDINGS = 1_000
#: Characters of a value quoted in a message.
QUOTE_CHARS = 200

#: A sheet whose cells lack the usual references is walked one tag at a time in Python, some
#: twenty times slower: it may hold a twenty-fifth of PARI_MAX_XLSX_CELLS cells (200,000 by default).
BY_TAG_SHARE = 25

_CHUNK = 4 * 1024**2


@dataclass(frozen=True)
class XlsxLimits:
    """The limits in force for one read: module defaults, raised (or lowered) by environment
    variables a user can set for one run."""

    total_bytes: int = MAX_XLSX_BYTES
    ratio: int = MAX_XLSX_RATIO
    cells: int = MAX_XLSX_CELLS
    columns: int = MAX_XLSX_COLUMNS
    sheets: int = MAX_XLSX_SHEETS
    strings: int = MAX_SHARED_STRINGS
    text_bytes: int = MAX_XLSX_TEXT_BYTES

    @classmethod
    def from_env(cls) -> XlsxLimits:
        read = env_limit
        return cls(
            total_bytes=read("PARI_MAX_XLSX_BYTES", MAX_XLSX_BYTES),
            ratio=read("PARI_MAX_XLSX_RATIO", MAX_XLSX_RATIO),
            cells=read("PARI_MAX_XLSX_CELLS", MAX_XLSX_CELLS),
            columns=read("PARI_MAX_XLSX_COLUMNS", MAX_XLSX_COLUMNS),
            sheets=read("PARI_MAX_XLSX_SHEETS", MAX_XLSX_SHEETS),
            strings=read("PARI_MAX_XLSX_STRINGS", MAX_SHARED_STRINGS),
            text_bytes=read("PARI_MAX_XLSX_TEXT_BYTES", MAX_XLSX_TEXT_BYTES),
        )


def _quote(text: str | bytes) -> str:
    """A value for a message, cut to a readable length (a cell can hold megabytes)."""
    if isinstance(text, bytes):
        text = text[: QUOTE_CHARS * 4].decode("utf-8", "replace")
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + cut_mark(len(text))


class _Refused(Exception):
    """A limit was passed: the workbook is refused with this problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


_DAMAGED_HINT = "this file was not written by Excel; open it in Excel and save it again, or export CSV (UTF-8)"
_TOO_LARGE_HINT = "split the sheet, or raise PARI_MAX_XLSX_CELLS if it is genuine"
