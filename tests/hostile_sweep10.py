"""Hostile cases of the tenth session's sweep: legacy workbooks (.xls and .xlsb, read by calamine
with no scan of their contents until now), a spreadsheet library's panic on a crafted file, the
operating system's refusals in a Vietnamese run, and resource limits set on the process.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep10.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
``RESOURCE_LIMITS`` gives a case's process limits (``resource.setrlimit``), set in the child.
"""

from __future__ import annotations

import resource
from collections.abc import Callable
from pathlib import Path

from biff_writers import write_xls, write_xls_mini, write_xls_table, write_xlsb, xls_sheet, xls_stream, xlsb_sheet
from hostile_sweep8 import XLSX_ROWS, _example_csv, _rows, _score


def _table_cells(count: int = XLSX_ROWS) -> tuple[list[tuple[int, int, int]], list[str]]:
    """The example rows as .xls cells of shared strings, and the strings."""
    strings: dict[str, int] = {}
    cells = []
    for r, row in enumerate(_rows("assessments_long.csv")[:count]):
        for c, text in enumerate(row):
            if text:
                cells.append((r, c, strings.setdefault(text, len(strings))))
    return cells, list(strings)


def xls_declared_dimension(folder: Path) -> list[str]:
    """A 20 KB .xls whose sheet's DIMENSIONS record says rows 0 to 4,000,000,000: calamine reserves
    room for every cell of that range first (an abort asking 1.6 TB). Excel declares the range it
    used, so a declared range over the limits is a sheet over them."""
    cells, strings = _table_cells()
    sheet = xls_sheet(cells, dimension=(0, 4_000_000_000, 0, 10))
    path = write_xls(folder / "dimension.xls", xls_stream([("data", sheet)], strings))
    _example_csv(folder)
    return _score(folder, assessments=path)


def xls_small_declared_dimension(folder: Path) -> list[str]:
    """A 2.5 KB .xls of two rows (its workbook stream under 4,096 bytes, kept in the compound
    file's mini stream) declaring four billion rows: the same abort."""
    rows = [row[:4] for row in _rows("assessments_long.csv")[:3]]
    strings = list(dict.fromkeys(text for row in rows for text in row if text))
    cells = [(r, c, strings.index(text)) for r, row in enumerate(rows) for c, text in enumerate(row) if text]
    sheet = xls_sheet(cells, dimension=(0, 4_000_000_000, 0, 4))
    path = write_xls_mini(folder / "small.xls", xls_stream([("data", sheet)], strings))
    return _score(folder, assessments=path)


def xls_far_cell(folder: Path) -> list[str]:
    """The example rows and one cell at row 65,536, column 65,536 (both within BIFF8's 16-bit
    fields): calamine builds the dense grid between them, 4.3 billion cells."""
    path = write_xls_table(folder / "far.xls", _rows("assessments_long.csv")[:XLSX_ROWS], [(65535, 65535, "x")])
    return _score(folder, assessments=path)


def xls_sheet_listed_3000_times(folder: Path) -> list[str]:
    """One sheet of 20,000 cells, listed by 3,000 BOUNDSHEET records: calamine reads every sheet
    at opening, each as often as it is listed (60 million cells)."""
    cells, strings = _table_cells(2_000)
    sheet = xls_sheet(cells)
    path = write_xls(folder / "sheets.xls", xls_stream([(f"s{i}", sheet) for i in range(3000)], strings))
    return _score(folder, assessments=path)


def xls_example_rows(folder: Path) -> list[str]:
    """An honest .xls of the example rows: read as the CSV of the same rows is."""
    path = write_xls_table(folder / "form.xls", _rows("assessments_long.csv")[:XLSX_ROWS])
    _example_csv(folder)
    return _score(folder, assessments=path)


def _xlsb_table(count: int = XLSX_ROWS) -> list[tuple[int, int, str]]:
    rows = _rows("assessments_long.csv")[:count]
    return [(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row) if text]


def xlsb_far_cell(folder: Path) -> list[str]:
    """An .xlsb of the example rows and one cell at XFD1048576: calamine's dense grid of 17
    billion cells (an abort)."""
    sheet = xlsb_sheet([*_xlsb_table(), (1_048_575, 16_383, "x")])
    path = write_xlsb(folder / "far.xlsb", [("data", "worksheets/sheet1.bin")], {"worksheets/sheet1.bin": sheet})
    return _score(folder, assessments=path)


def xlsb_sheet_listed_3000_times(folder: Path) -> list[str]:
    """One .xlsb sheet part of 20,000 cells named by 3,000 sheets of the workbook."""
    sheet = xlsb_sheet(_xlsb_table(2_000))
    listed = [(f"s{i}", "worksheets/sheet1.bin") for i in range(3000)]
    path = write_xlsb(folder / "sheets.xlsb", listed, {"worksheets/sheet1.bin": sheet})
    return _score(folder, assessments=path)


def xlsb_unknown_relationship(folder: Path) -> list[str]:
    """An .xlsb whose workbook names a sheet by a relationship id its rels do not hold: calamine
    panics (a Rust panic is no Python Exception), and the run ended as an internal error."""
    sheet = xlsb_sheet(_xlsb_table())
    path = write_xlsb(folder / "rel.xlsb", [("data", "worksheets/sheet1.bin")], {"worksheets/sheet1.bin": sheet})
    import zipfile

    broken = folder / "broken.xlsb"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/_rels/workbook.bin.rels":
                data = data.replace(b'Id="rId1"', b'Id="rId9"')
            target.writestr(info.filename, data)
    path.unlink()
    return _score(folder, assessments=broken)


def output_over_file_size_limit(folder: Path) -> list[str]:
    """The run's file-size limit (``ulimit -f``) below the size of its results: the system refuses
    the write with EFBIG, whose English words ("File too large") reached a Vietnamese run."""
    return _score(folder)


Case = Callable[[Path], list[str]]

CASES: dict[str, Case] = {
    "xls-declared-dimension": xls_declared_dimension,
    "xls-small-declared-dimension": xls_small_declared_dimension,
    "xls-far-cell": xls_far_cell,
    "xls-sheet-listed-3000-times": xls_sheet_listed_3000_times,
    "xls-example-rows": xls_example_rows,
    "xlsb-far-cell": xlsb_far_cell,
    "xlsb-sheet-listed-3000-times": xlsb_sheet_listed_3000_times,
    "xlsb-unknown-relationship": xlsb_unknown_relationship,
    "os-file-size-limit": output_over_file_size_limit,
}

#: Process limits set in a case's child (resource.setrlimit), by case.
RESOURCE_LIMITS: dict[str, dict[int, int]] = {
    "os-file-size-limit": {resource.RLIMIT_FSIZE: 64 * 1024},
}

#: What each case answers: exit status, a code that must be printed (or None), and the names (in
#: the case's folder) of user files that must be left exactly as they were.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "xls-declared-dimension": (1, "sheet-too-large", ()),
    "xls-small-declared-dimension": (1, "sheet-too-large", ()),
    "xls-far-cell": (1, "sheet-too-sparse", ()),
    "xls-sheet-listed-3000-times": (1, "xlsx-too-many-sheets", ()),
    "xls-example-rows": (0, None, ()),
    "xlsb-far-cell": (1, "sheet-too-sparse", ()),
    "xlsb-sheet-listed-3000-times": (1, "xlsx-too-many-sheets", ()),
    "xlsb-unknown-relationship": (1, "not-a-spreadsheet", ()),
    "os-file-size-limit": (4, "output-unwritable", ()),
}
