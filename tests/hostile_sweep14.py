"""Hostile cases of the fourteenth session's sweep: numbers whose digit groups are out of place
(``18 87``, ``1,8,8,7``, ``18.87.0``: two numbers typed in one cell, or a separator slipped in),
read as 1887 with their separators dropped wherever they stood; dates written with their time
zone (a Parquet column of dates with a zone, an ISO export ``2025-06-04T00:00:00+07:00``),
refused on every row; a workbook cell written twice (calamine keeps the last value, the first
dropped without a word); a library's log line on the console (a workbook with a chart sheet);
lines of a CSV file written with another separator than its header (two exports put together),
each read as one cell with nothing to score; and cases of other classes that already answered well, kept so that they
stay so (numbers in the forms a Vietnamese sheet exports, full-width digits, 1e309, NaN in a
Parquet float column, ISO date cells, a strict-OOXML workbook, the 1904 date system, a very
hidden sheet, codes stored as numbers shown as ``00001``, a column named twice).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep14.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import EXAMPLES, _examples, _rows, _score
from hostile_sweep13 import two_sheet_workbook

Case = Callable[[Path], list[str]]

#: Where the cases change a value: commune 00001's count ``fixed`` of item 1.3.2 (1887, a whole
#: count: row 11 of the example file) and its rate of item 3.4.2 (77.8 %, a percentage: row 32).
COUNT_AT = ("00001", "1.3.2", "fixed")
PERCENT_AT = ("00001", "3.4.2", "")


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def with_values(folder: Path, changes: dict[tuple[str, str, str], str]) -> list[str]:
    """The example assessments with the value of each (commune, item, input) of ``changes``
    replaced, scored."""
    files = _examples(folder)
    rows = _rows("assessments_long.csv")
    for row in rows[1:]:
        row[3] = changes.get((row[0], row[1], row[2]), row[3])
    files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


# ---------------------------------------------------------------------------------------------
# Digit groups out of place (values.clean_number_text, _WRITTEN_NUMBER)


def groups_space(folder: Path) -> list[str]:
    """The count 1887 typed ``18 87`` (two numbers in one cell, or a space slipped in): read as
    1887, silently, exit 0."""
    return with_values(folder, {COUNT_AT: "18 87"})


def groups_commas(folder: Path) -> list[str]:
    """``1,8,8,7``: read as 1887 (every comma a thousands separator), exit 0."""
    return with_values(folder, {COUNT_AT: "1,8,8,7"})


def groups_dots(folder: Path) -> list[str]:
    """``18.87.0``: read as 18870 (every dot a thousands separator), silently, exit 0."""
    return with_values(folder, {COUNT_AT: "18.87.0"})


def groups_nbsp_percent(folder: Path) -> list[str]:
    """The rate 77,8 typed with a non-breaking space for its comma (``77 8``): read as 778 and
    refused as above 100 %, a finding about a number nobody wrote."""
    return with_values(folder, {PERCENT_AT: "77\u00a08"})


# ---------------------------------------------------------------------------------------------
# Dates with their time zone (values._MIDNIGHT)


def _dated_frame() -> object:
    import polars as pl

    frame = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema_length=0)
    return frame.with_columns(pl.col("evidence_date").str.to_date("%d/%m/%Y", strict=False))


def parquet_zoned_dates(folder: Path) -> list[str]:
    """A Parquet file whose evidence dates are a datetime column with a time zone (pandas writes
    one after ``tz_localize("Asia/Ho_Chi_Minh")``), each at local midnight: every date refused as
    "not a date such as 10/01/2024" (``2025-06-04 00:00:00.000000+07:00``), exit 1."""
    import polars as pl

    frame = _dated_frame()
    assert isinstance(frame, pl.DataFrame)
    zoned = pl.col("evidence_date").cast(pl.Datetime("us")).dt.replace_time_zone("Asia/Ho_Chi_Minh")
    path = folder / "assessments.parquet"
    frame.with_columns(zoned).write_parquet(path)
    return _score(folder, assessments=path)


def csv_iso_offset_dates(folder: Path) -> list[str]:
    """The evidence dates written ISO with a zone (``2025-06-04T00:00:00+07:00``, as a JSON or
    database export writes them): every one refused, exit 1."""
    files = _examples(folder)
    rows = _rows("assessments_long.csv")
    for row in rows[1:]:
        if row[6]:
            day = datetime.datetime.strptime(row[6], "%d/%m/%Y").date()
            row[6] = f"{day.isoformat()}T00:00:00+07:00"
    files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


def parquet_utc_afternoon(folder: Path) -> list[str]:
    """Local midnights stored in UTC (``2025-06-03 17:00:00+00:00``): a time, not a date, so
    refused as before, at its row (the zone is not converted: the date is the one written)."""
    import polars as pl

    frame = _dated_frame()
    assert isinstance(frame, pl.DataFrame)
    local = pl.col("evidence_date").cast(pl.Datetime("us")).dt.replace_time_zone("Asia/Ho_Chi_Minh")
    path = folder / "assessments.parquet"
    frame.with_columns(local.dt.convert_time_zone("UTC")).write_parquet(path)
    return _score(folder, assessments=path)


# ---------------------------------------------------------------------------------------------
# A cell written twice in a sheet (intake.xlsx.sheet_scan: _written_once)


def _written_again(path: Path, again: bytes, *, new_row: bool = False) -> None:
    """Commune 00001's rate of item 3.4.2 (cell D32, 77.8) written a second time as ``again``:
    right after the first, or in a second ``<row r="32">`` after row 33 (``new_row``)."""

    def change(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        if new_row:
            return data.replace(b'</row><row r="33"', b'</row><row r="32">' + again + b'</row><row r="33"', 1)
        return re.sub(rb'(<c r="D32"[^>]*>.*?</c>)', lambda m: m[1] + again, data, count=1)

    _rewritten(path, change)


def cell_written_twice(folder: Path) -> list[str]:
    """The cell D32 (77.8) written again right after itself, holding 10: calamine keeps the last,
    so the item was scored on 10 (0.15 points), the 77.8 dropped without a word, exit 0."""
    path = _workbook(folder / "twice.xlsx", {})
    _written_again(path, b'<c r="D32"><v>10</v></c>')
    return _score(folder, assessments=path)


def row_written_twice(folder: Path) -> list[str]:
    """A second ``<row r="32">`` after row 33, its D32 holding 10: the same, exit 0."""
    path = _workbook(folder / "twice.xlsx", {})
    _written_again(path, b'<c r="D32"><v>10</v></c>', new_row=True)
    return _score(folder, assessments=path)


def cell_written_twice_lower_case(folder: Path) -> list[str]:
    """The second D32 written ``d032`` (calamine reads lower-case letters and a leading zero)."""
    path = _workbook(folder / "twice.xlsx", {})
    _written_again(path, b'<c r="d032"><v>10</v></c>')
    return _score(folder, assessments=path)


def cell_written_twice_without_reference(folder: Path) -> list[str]:
    """Row 32 written again with cells that carry no reference (calamine places them from column
    A on): the whole row was replaced, item 3.4.2 shown as not assessed, and the only word was
    "criterion 1 is not a scored item" (exit 1)."""
    path = _workbook(folder / "twice.xlsx", {})
    cells = b"<c><v>1</v></c>" * 3 + b"<c><v>10</v></c>"
    _written_again(path, cells, new_row=True)
    return _score(folder, assessments=path)


# ---------------------------------------------------------------------------------------------
# A library's log lines on the console (console.library_logs_off)


def _chart_workbook(path: Path, *, data: bool) -> Path:
    """A chart sheet first, then the example rows (``data``) or a hidden sheet of the one number
    the chart draws."""
    import xlsxwriter

    with xlsxwriter.Workbook(str(path)) as workbook:
        charts = workbook.add_chartsheet("Biểu đồ")
        sheet = workbook.add_worksheet("data")
        if data:
            for r, row in enumerate(_rows("assessments_long.csv")):
                for c, text in enumerate(row):
                    if text:
                        sheet.write_string(r, c, text)
        else:
            sheet.write_number(0, 0, 1)
            sheet.hide()
        chart = workbook.add_chart({"type": "column"})
        chart.add_series({"values": "=data!$A$1:$A$1"})
        charts.set_chart(chart)
    return path


def chart_sheet_beside_data(folder: Path) -> list[str]:
    """A workbook whose first sheet is a chart: read, exit 0, but calamine's log line
    "'chartsheet' not a valid worksheet" was printed on the console, in English, first thing."""
    return _score(folder, assessments=_chart_workbook(folder / "chart.xlsx", data=True))


def chart_sheet_and_hidden_data(folder: Path) -> list[str]:
    """A chart sheet and the hidden sheet of its numbers: hidden-sheet, and the same log line."""
    return _score(folder, assessments=_chart_workbook(folder / "chart.xlsx", data=False))


# ---------------------------------------------------------------------------------------------
# Lines written with another separator (intake.separators)


def _separated_again(folder: Path, name: str, separator: str, start: int) -> list[str]:
    """The example file ``name`` with its lines from ``start`` on written with ``separator``, as
    a second export saved with other settings and put after the first."""
    files = _examples(folder)
    rows = _rows(name)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows[:start])
    csv.writer(out, delimiter=separator, lineterminator="\n").writerows(rows[start:])
    files[name.split(".")[0]].write_text(out.getvalue(), encoding="utf-8")
    return _score(folder)


def semicolon_lines(folder: Path) -> list[str]:
    """Lines 2001 on written with semicolons (a Vietnamese Windows's CSV put after a comma one):
    each line read as one cell, its whole text the commune code and nothing to score: "1,430
    with nothing to score", the communes after line 2000 shown as having sent nothing, exit 0."""
    return _separated_again(folder, "assessments_long.csv", ";", 2000)


def tab_lines(folder: Path) -> list[str]:
    """The same with tabs (a block pasted from a copy of the sheet): exit 0."""
    return _separated_again(folder, "assessments_long.csv", "\t", 2000)


def register_semicolon_lines(folder: Path) -> list[str]:
    """The register's last 20 units written with semicolons: each read as a unit whose code is
    the whole line (no name: a warning), the 20 real units missing from the register, and every
    row of theirs unknown-commune."""
    return _separated_again(folder, "communes.csv", ";", 41)


def semicolons_in_a_quoted_cell(folder: Path) -> list[str]:
    """An explanation of several lines, one of them "a; b; c; …" with more semicolons than the
    header has columns: text inside a quoted cell, not a row; read, exit 0."""
    files = _examples(folder)
    rows = _rows("assessments_long.csv")
    rows[5][8] = "Giải trình:\n" + "; ".join(f"mục {i}" for i in range(12)) + "\nhết"
    files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


# ---------------------------------------------------------------------------------------------
# Cases of other classes tried this session that already answered well (kept as they are)


def vietnamese_number_forms(folder: Path) -> list[str]:
    """Counts and rates in the forms a Vietnamese sheet exports: ``1.887,0``, ``1 887`` (a
    non-breaking space between thousands), ``77,8%``, ``+186``: all read, exit 0."""
    return with_values(
        folder,
        {
            COUNT_AT: "1.887,0",
            ("00001", "1.3.2", "found"): "1\u00a0887",
            PERCENT_AT: "77,8%",
            ("00001", "1.5", "done_on_time"): "+186",
        },
    )


def fullwidth_digits(folder: Path) -> list[str]:
    """The rate typed in full-width digits (``７７.８``, a Japanese or Chinese input method): read as
    77.8 since session 30, by every check alike (cell_checks.check_and_type makes the cell ASCII
    before any of them); bad-value before, never read in one path and refused in another."""
    return with_values(folder, {PERCENT_AT: "\uff17\uff17.\uff18"})


def number_1e309(folder: Path) -> list[str]:
    """``1e309``, past the largest float: number-out-of-range, never infinity."""
    return with_values(folder, {PERCENT_AT: "1e309"})


def parquet_float_nan(folder: Path) -> list[str]:
    """A Parquet float column of values with NaN for the rates of item 3.4.2: bad-value each."""
    import polars as pl

    frame = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema_length=0)
    value = pl.col("value").cast(pl.Float64, strict=False)
    frame = frame.filter(pl.col("criterion_id") != "1.1.1").with_columns(
        pl.when(pl.col("criterion_id") == "3.4.2").then(float("nan")).otherwise(value).alias("value")
    )
    path = folder / "assessments.parquet"
    frame.write_parquet(path)
    return _score(folder, assessments=path)


def _date(text: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.strptime(text, "%d/%m/%Y")
    except ValueError:
        return None


def _workbook(path: Path, options: dict[str, object], *, dates: bool = False, codes: bool = False) -> Path:
    """The example rows in one sheet: dates as date cells (``dates``), codes as numbers shown
    ``00000`` (``codes``), everything else as text."""
    import xlsxwriter

    rows = _rows("assessments_long.csv")
    with xlsxwriter.Workbook(str(path), options) as workbook:
        sheet = workbook.add_worksheet("data")
        day = workbook.add_format({"num_format": "dd/mm/yyyy"})
        zeros = workbook.add_format({"num_format": "00000"})
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                when = _date(text) if dates and r else None
                if when is not None:
                    sheet.write_datetime(r, c, when, day)
                elif codes and r and c == 0:
                    sheet.write_number(r, c, int(text), zeros)
                elif text:
                    sheet.write_string(r, c, text)
    return path


def _rewritten(path: Path, change: Callable[[str, bytes], bytes]) -> None:
    """The package at ``path`` written again with each part passed through ``change``."""
    parts: list[tuple[str, bytes]] = []
    with zipfile.ZipFile(path) as package:
        parts = [(name, change(name, package.read(name))) for name in package.namelist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            package.writestr(name, data)


def xlsx_iso_date_cells(folder: Path) -> list[str]:
    """Date cells of type ``d`` (an ISO text, as LibreOffice and strict OOXML write them) instead
    of serial numbers: read as the dates they are, exit 0."""
    path = _workbook(folder / "dates.xlsx", {}, dates=True)
    epoch = datetime.datetime(1899, 12, 30)

    def iso(match: re.Match[bytes]) -> bytes:
        day = epoch + datetime.timedelta(days=float(match[3]))
        return b'<c r="%s"%s t="d"><v>%s</v></c>' % (match[1], match[2], day.isoformat().encode())

    def change(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        return re.sub(rb'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")><v>([0-9.]+)</v></c>', iso, data)

    _rewritten(path, change)
    return _score(folder, assessments=path)


def xlsx_strict_ooxml(folder: Path) -> list[str]:
    """A workbook in strict Office Open XML (Excel's "Strict Open XML Spreadsheet": other
    namespaces for the sheet and its relationships): read, exit 0."""
    path = _workbook(folder / "strict.xlsx", {})
    spaces = {
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            b"http://purl.oclc.org/ooxml/officeDocument/relationships"
        ),
    }

    def change(name: str, data: bytes) -> bytes:
        for transitional, strict in spaces.items():
            data = data.replace(transitional, strict)
        return data

    _rewritten(path, change)
    return _score(folder, assessments=path)


def xlsx_dates_1904(folder: Path) -> list[str]:
    """A workbook in the 1904 date system (a Mac's Excel): its date cells, serials four years
    smaller, read as the same dates, exit 0."""
    return _score(folder, assessments=_workbook(folder / "mac.xlsx", {"date_1904": True}, dates=True))


def xlsx_very_hidden_sheet(folder: Path) -> list[str]:
    """Half the rows in a sheet hidden so that Excel's Unhide cannot show it: named as not read."""
    return _score(folder, assessments=two_sheet_workbook(folder / "hidden.xlsx", hide_second=True))


def xlsx_codes_as_numbers(folder: Path) -> list[str]:
    """Commune codes stored as numbers with the format ``00000`` (Excel shows 00001, the file
    holds 1): read as the sheet shows them since session 24 (tests/hostile_decoding24.py), as
    Excel's own CSV of the sheet writes them; they were unknown-commune, every row, with a hint
    about leading zeros the user could see on screen."""
    return _score(folder, assessments=_workbook(folder / "codes.xlsx", {}, codes=True))


def csv_column_twice(folder: Path) -> list[str]:
    """A second ``value`` column (a column copied beside the data): duplicate-column, never one
    of the two read silently."""
    files = _examples(folder)
    rows = [[*row, row[3]] for row in _rows("assessments_long.csv")]
    files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


CASES: dict[str, Case] = {
    "numbers-groups-space": groups_space,
    "numbers-groups-commas": groups_commas,
    "numbers-groups-dots": groups_dots,
    "numbers-groups-nbsp-percent": groups_nbsp_percent,
    "dates-parquet-time-zone": parquet_zoned_dates,
    "dates-csv-iso-offset": csv_iso_offset_dates,
    "dates-parquet-utc-afternoon": parquet_utc_afternoon,
    "xlsx-cell-written-twice": cell_written_twice,
    "xlsx-row-written-twice": row_written_twice,
    "xlsx-cell-written-twice-lower-case": cell_written_twice_lower_case,
    "xlsx-cell-written-twice-without-reference": cell_written_twice_without_reference,
    "logs-chart-sheet-beside-data": chart_sheet_beside_data,
    "logs-chart-sheet-and-hidden-data": chart_sheet_and_hidden_data,
    "separators-semicolon-lines": semicolon_lines,
    "separators-tab-lines": tab_lines,
    "separators-register-semicolon-lines": register_semicolon_lines,
    "well-vietnamese-number-forms": vietnamese_number_forms,
    "well-semicolons-in-a-quoted-cell": semicolons_in_a_quoted_cell,
    "well-fullwidth-digits": fullwidth_digits,
    "well-number-1e309": number_1e309,
    "well-parquet-float-nan": parquet_float_nan,
    "well-xlsx-iso-date-cells": xlsx_iso_date_cells,
    "well-xlsx-strict-ooxml": xlsx_strict_ooxml,
    "well-xlsx-dates-1904": xlsx_dates_1904,
    "well-xlsx-very-hidden-sheet": xlsx_very_hidden_sheet,
    "well-xlsx-codes-as-numbers": xlsx_codes_as_numbers,
    "well-csv-column-twice": csv_column_twice,
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
_OTHERS = ("communes.csv", "survey.csv")

#: What each case answers: exit status, a code that must be printed (or None), and the names (in
#: the case's folder) of user files that must be left exactly as they were.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "numbers-groups-space": (1, "bad-value", _INPUTS),
    "numbers-groups-commas": (1, "bad-value", _INPUTS),
    "numbers-groups-dots": (1, "bad-value", _INPUTS),
    "numbers-groups-nbsp-percent": (1, "bad-value", _INPUTS),
    "dates-parquet-time-zone": (0, None, ("assessments.parquet", *_OTHERS)),
    "dates-csv-iso-offset": (0, None, _INPUTS),
    "dates-parquet-utc-afternoon": (1, "bad-value", ("assessments.parquet", *_OTHERS)),
    "xlsx-cell-written-twice": (1, "xlsx-damaged", ("twice.xlsx", *_OTHERS)),
    "xlsx-row-written-twice": (1, "xlsx-damaged", ("twice.xlsx", *_OTHERS)),
    "xlsx-cell-written-twice-lower-case": (1, "xlsx-damaged", ("twice.xlsx", *_OTHERS)),
    "xlsx-cell-written-twice-without-reference": (1, "xlsx-damaged", ("twice.xlsx", *_OTHERS)),
    "logs-chart-sheet-beside-data": (0, None, ("chart.xlsx", *_OTHERS)),
    "logs-chart-sheet-and-hidden-data": (1, "hidden-sheet", ("chart.xlsx", *_OTHERS)),
    "separators-semicolon-lines": (1, "csv-mixed-separators", _INPUTS),
    "separators-tab-lines": (1, "csv-mixed-separators", _INPUTS),
    "separators-register-semicolon-lines": (1, "csv-mixed-separators", _INPUTS),
    "well-vietnamese-number-forms": (0, None, _INPUTS),
    "well-semicolons-in-a-quoted-cell": (0, None, _INPUTS),
    "well-fullwidth-digits": (0, None, _INPUTS),
    "well-number-1e309": (1, "number-out-of-range", _INPUTS),
    "well-parquet-float-nan": (1, "bad-value", ("assessments.parquet", *_OTHERS)),
    "well-xlsx-iso-date-cells": (0, None, ("dates.xlsx", *_OTHERS)),
    "well-xlsx-strict-ooxml": (0, None, ("strict.xlsx", *_OTHERS)),
    "well-xlsx-dates-1904": (0, None, ("mac.xlsx", *_OTHERS)),
    "well-xlsx-very-hidden-sheet": (1, "hidden-sheet", ("hidden.xlsx", *_OTHERS)),
    "well-xlsx-codes-as-numbers": (0, None, ("codes.xlsx", *_OTHERS)),
    "well-csv-column-twice": (1, "duplicate-column", _INPUTS),
}

#: Outputs each case must not have written (the case's folder).
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    **{case: ("out.xlsx",) for case in CASES if case.startswith("separators-")},
    **{case: ("out.xlsx",) for case in CASES if case.startswith("xlsx-")},
    "well-csv-column-twice": ("out.xlsx",),
}
