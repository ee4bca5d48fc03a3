"""The scan of an OpenDocument spreadsheet's ``content.xml`` before calamine reads it.

A cell or a row of an .ods file may say it is repeated (``table:number-columns-repeated``,
``table:number-rows-repeated``), and calamine writes out every repetition: a 1 KB file of one row
of ten cells "repeated 1,000,000 times" took 40 s and 1.7 GB before it was killed, one of four
cells 19 s and 1.2 GB. So the cells each sheet will hold are counted, repetitions expanded,
against the limits of a workbook's sheets (sheet_scan._check_sheet: used range, width,
sparseness; and all sheets together), and cells with content may be repeated at most
PARI_MAX_XLSX_RATIO times the cells written, beyond a floor (repetition is compression that the
zip's ratio does not see). LibreOffice ends every sheet with empty rows and cells repeated to
the sheet's edge: repeated cells without content are placed but not counted, as calamine does
not hold them.

A run of spaces is written as one element with its count (``<text:s text:c="5"/>``), and calamine
writes them all out: a 2 KB file of ``text:c="2000000000"`` took 50 s and 11.8 GB to be refused as
``cell-too-long``. The counts are added up per cell (over Excel's 32,767 characters:
``cell-too-long``, before calamine reads) and, times the cell's repetitions, against the
workbook's text (``xlsx-too-much-text``)."""

from __future__ import annotations

import html
import itertools
import re
import zipfile

from pari_index.errors import Problem
from pari_index.intake.xlsx.budget import _Budget, _stream
from pari_index.intake.xlsx.limits import (
    _TOO_LARGE_HINT,
    BY_TAG_SHARE,
    EXCEL_MAX_COLUMNS,
    EXCEL_MAX_ROWS,
    MAX_CELL_CHARS,
    MAX_CELL_FINDINGS,
    _quote,
    _Refused,
)
from pari_index.intake.xlsx.ods_styles import OdsStyles, sheet_name
from pari_index.intake.xlsx.sheet_cells import MAX_HIDDEN_RANGES, _column_letters, _SheetCells
from pari_index.intake.xlsx.sheet_scan import _check_sheet
from pari_index.intake.xlsx.xml_patterns import _parts

_TAG = re.compile(
    rb"<(/?)(?:[A-Za-z0-9_.-]{1,40}:)?"
    rb"(table-row|table-cell|covered-table-cell|table-column|table|s|number-style|number|text|style)(?=[\s/>])([^>]*)>"
)
_P = rb"(?:[A-Za-z0-9_.-]{1,40}:)?"
#: An attribute of an empty cell that changes nothing but its look (a style): not a value, a
#: repetition or a span (those cells take the walk of _TAG).
_PLAIN_ATTR = rb'(?:\s+(?![^=\s]*(?:value|repeated|spanned))[A-Za-z0-9_.:-]{1,80}\s*=\s*"[^"<>]{0,200}")'
#: A cell that holds nothing: ``<table:table-cell/>``, ``<table:table-cell></table:table-cell>``,
#: or with an empty paragraph, with plain attributes. calamine holds none of them.
_EMPTY_CELL = (
    rb"<" + _P + rb"(?:covered-)?table-cell" + _PLAIN_ATTR + rb"*\s*"
    rb"(?:/>|>\s*(?:<" + _P + rb"p/>\s*)?</" + _P + rb"(?:covered-)?table-cell\s*>)\s*"
)
#: content.xml's tags as _TAG, and first a run of empty cells: one to four (``cells``) written again
#: and again, byte for byte (``run``). A hostile file wrote 5 million of them (3.6 MB), each walked
#: in Python at 1.5 to 3.5 µs (session 27); the repeats are matched as a back-reference, at about a
#: nanosecond a byte (a pattern of the cells repeated took 15).
_CONTENT_TAG = re.compile(rb"(?P<run>(?P<cells>(?:" + _EMPTY_CELL + rb"){1,4})(?P=cells)+)|" + _TAG.pattern)
#: A cell with a value (``value-type``) that is neither repeated nor spanned, whose content holds no
#: table element and no run of spaces (``<text:s/>``, counted by the walk): its paragraphs and
#: their spans only. A run of two or more, one after another, is counted at once (_OdsScan._plain_run).
_PLAIN_CELL = (
    rb"<" + _P + rb"table-cell(?=[^<>]{0,4000}value-type\s*=)(?![^<>]{0,4000}string-value\s*=\s*(?:\"\"|''))"
    rb"(?:\s+(?![^=\s]*(?:repeated|spanned))[A-Za-z0-9_.:-]{1,80}\s*=\s*\"[^\"<>]{0,400}\")*\s*>"
    rb"[^<]*(?:<(?!/?"
    + _P
    + rb"(?:table-cell|covered-table-cell|table-row|table-column|table|s)[\s/>])[^<>]{0,4000}>[^<]*)*"
    rb"</" + _P + rb"table-cell\s*>\s*"
)
#: _CONTENT_TAG, and first a run of plain cells with content (_PLAIN_CELL), for a part whose cells
#: need no look of their own (no style to place, no fine number, error or merged cell).
_FAST_TAG = re.compile(rb"(?P<plain>(?:" + _PLAIN_CELL + rb"){2,})|" + _CONTENT_TAG.pattern)
#: The start tag of a cell in a run of plain cells.
_CELL_START = re.compile(rb"<" + _P + rb"table-cell[\s>]")
#: The body of an open cell that holds nothing (an empty paragraph at most), after its start tag.
_EMPTY_BODY = re.compile(rb"\s*(?:<" + _P + rb"p\s*/>\s*)?</" + _P + rb"(?:covered-)?table-cell\s*>")
_ROWS_REPEATED = re.compile(rb"number-rows-repeated\s*=\s*[\"']\s*\+?([0-9]{1,15})")
_COLUMNS_REPEATED = re.compile(rb"number-columns-repeated\s*=\s*[\"']\s*\+?([0-9]{1,15})")
_VALUE_TYPE = re.compile(rb"value-type\s*=")
#: A text cell whose text is empty: a formula's result ``=IF(A2="";"";…)`` filled down, as
#: LibreOffice saves it (``office:string-value=""``, an empty paragraph). calamine reads it empty;
#: with no body, it is counted as empty (as the .xlsx and .xls scans count such a formula's cell),
#: not as content (until session 39, 1,500 rows of them under a register of 60 units were «1,560
#: rows, more than the 1,000 read», the register refused).
_EMPTY_TEXT = re.compile(rb"string-value\s*=\s*(?:\"\"|'')")
#: The count of a run of spaces (``<text:s text:c="N"/>``).
_SPACES = re.compile(rb"(?:^|[\s:])c\s*=\s*[\"']\s*\+?([0-9]{1,15})")
#: An error cell's type (LibreOffice's own attribute beside ``office:value-type``), and the text
#: it shows.
_ERROR_CELL = re.compile(rb"value-type\s*=\s*[\"']error[\"']")
#: A number cell's ``office:value`` that calamine's text of it rounds (more than 9 decimals, or an
#: exponent: 69.9999999999999 read "70", 1E-20 "0"), as xml_patterns._FINE_NUMBER is for an .xlsx.
#: Not ``office:date-value`` nor ``office:string-value``: the name is ``value`` after a space or a
#: prefix alone.
_FINE_VALUE = re.compile(rb"\s(?:[A-Za-z0-9_]{1,20}:)?value\s*=\s*[\"'](?:-?[0-9]{0,20}\.[0-9]{10}|-?[0-9.]{1,40}[eE])")
_SHOWN = re.compile(rb"\s*<(?:[A-Za-z0-9_.-]{1,40}:)?p\s*>([^<]{0,200})<")
#: How far after an error cell's start tag its shown text is looked for.
_SHOWN_REACH = 300
_ROWS_SPANNED = re.compile(rb"number-rows-spanned\s*=\s*[\"']\s*\+?([0-9]{1,7})")
_COLUMNS_SPANNED = re.compile(rb"number-columns-spanned\s*=\s*[\"']\s*\+?([0-9]{1,5})")
_NAME = re.compile(rb"\bname\s*=\s*[\"']([^\"']{0,400})")
_TAG_END = re.compile(rb">")
#: content.xml is cut after an element ends (closed, or self-closed but for an empty paragraph),
#: never after a start tag alone: whether an open cell holds anything (_EMPTY_BODY) is then seen in
#: the part of its start tag.
_ELEMENT_END = re.compile(rb"</[^<>]{1,200}>|<(?!" + _P + rb"p[\s/])[^<>]{1,4000}/>")
#: A row or column hidden by hand (collapsed) or by a filter.
_HIDDEN = re.compile(rb"visibility\s*=\s*[\"'](?:collapse|filter)")
#: The tags of styles.xml read (ods_styles.OdsStyles.tag).
_STYLE_TAGS = frozenset({b"number-style", b"number", b"text", b"style"})
_PAST_EDGE_HINT = "this file was not written by Excel; open it in Excel and save it again, or export CSV (UTF-8)"


def _repeated(pattern: re.Pattern[bytes], attrs: bytes) -> int:
    found = pattern.search(attrs)
    return max(int(found.group(1)), 1) if found else 1


class _OdsScan:
    """Positions of the cells of content.xml, fed in parts that each end after a tag."""

    def __init__(self, budget: _Budget) -> None:
        self.budget = budget
        self.limits = budget.limits
        self.sheet = "?"
        self.sheets = 0
        self.info = _SheetCells()
        self.row = 0  # rows before the current one (0-based)
        self.col = 0
        self.rows_repeated = 1
        self.written = 0  # cells with content as written
        self.expanded = 0  # and as calamine holds them
        self.built = 0
        self.spaces = 0  # spaces written by count in the current cell
        self.times = 1  # how many cells the current one stands for (its repetitions)
        self.elements = 0  # cells written in the sheet, empty ones included, each as written once
        self.columns = 0  # columns the sheet's table-column elements declared so far
        self.styles = OdsStyles()
        #: Each sheet's cells, by the sheet's name (as calamine names it).
        self.found: dict[str, _SheetCells] = {}
        #: Error cells whose shown text did not come in their part (the part was cut after the
        #: cell's start tag): the rest of that part, the sheet's cells, and where their entries begin.
        self.unshown: tuple[bytes, _SheetCells, int, int] | None = None

    def feed(self, part: bytes) -> None:
        if self.unshown is not None:
            self._shown_late(part)
        # Whether a cell of the part may show otherwise than calamine writes it (ods_styles): told
        # once a part, in C, as most parts hold none (0.3 CPU s of 750,000 cells, told a cell).
        styled = b"percentage" in part or b"date-value" in part or bool(self.styles.padding)
        errors = b"error" in part
        # told a part first, in C, as for the others (a part without "value" first: the search
        # takes 11 ns a byte, 2 CPU s of 185 MB of empty cells)
        fine = b"value" in part and _FINE_VALUE.search(part) is not None
        spanned = b"spanned" in part
        flags = (styled, errors, fine, spanned)
        # A part with none of these has its runs of plain cells with content matched in C (_FAST_TAG).
        pattern = _CONTENT_TAG if any(flags) else _FAST_TAG
        for match in pattern.finditer(part):
            if match.lastgroup == "plain":
                self._plain_run(part, match, flags)
            else:
                self._tag(part, match, flags)

    def _tag(self, part: bytes, match: re.Match[bytes], flags: tuple[bool, bool, bool, bool]) -> None:
        """A tag of content.xml (or a run of empty cells) matched by _CONTENT_TAG in ``part``."""
        styled, errors, fine, spanned = flags
        # The groups of _TAG follow the run's (their numbers differ in _CONTENT_TAG and _FAST_TAG).
        after = match.re.groupindex["cells"]
        run, cells, close, name, attrs = match.group("run", "cells", after + 1, after + 2, after + 3)
        if run is not None:
            # Each cell writes one start tag, and at most a closing tag and an empty paragraph
            # (``p/>``); no value holds a ``<`` or a ``>``.
            each = cells.count(b"<") - cells.count(b"</") - cells.count(b"p/>")
            self._empty_run(each * (len(run) // len(cells)))
        elif name == b"table-cell" or name == b"covered-table-cell":  # the most tags, first
            if close:
                return
            if self.col >= EXCEL_MAX_COLUMNS:  # a run repeated past the edge is cut there, once
                self._too_many_elements(past=True)
            columns = _repeated(_COLUMNS_REPEATED, attrs)
            self.spaces, self.times = 0, columns * self.rows_repeated
            # A cell with a value, or any content, is held; an empty one only takes its place.
            held = not attrs.endswith(b"/") and _EMPTY_BODY.match(part, match.end()) is None
            if held or (_VALUE_TYPE.search(attrs) and not _EMPTY_TEXT.search(attrs)):
                self._content(columns)
                if styled:
                    rows = range(self.row, self.row + self.rows_repeated)
                    self.styles.place(self.info, attrs, rows, range(self.col, self.col + columns))
                if fine and not self.info.fine_numbers and _FINE_VALUE.search(attrs):  # read again as floats
                    self.info.fine_numbers = True  # (reading._numbers_as_stored)
                if errors and _ERROR_CELL.search(attrs):
                    self._error(part, match.end(), columns)
                if spanned:
                    self._merged(attrs)
            self.col += columns
            self.elements += 1
            if self.elements > self.limits.cells:
                self._too_many_elements()
        elif name == b"table-row":
            if close:
                self.row += self.rows_repeated
            else:
                if self.row >= EXCEL_MAX_ROWS:
                    self._too_many_elements(rows=True)
                self.col, self.rows_repeated = 0, _repeated(_ROWS_REPEATED, attrs)
                self.styles.start_row(attrs)
                if b"visibility" in attrs and _HIDDEN.search(attrs):
                    self._hidden_row()
                if attrs.endswith(b"/"):
                    self.row += self.rows_repeated
        elif name == b"s":
            if not close:
                self._spaces(_repeated(_SPACES, attrs) if _SPACES.search(attrs) else 1)
        elif name == b"table" and close:
            self._end_sheet()
        elif name == b"table":
            self._start_sheet(attrs)
        else:
            if name == b"table-column" and not close:
                self._column(attrs)
            self.styles.tag(name, close, attrs)

    def _plain_run(self, part: bytes, match: re.Match[bytes], flags: tuple[bool, bool, bool, bool]) -> None:
        """A run of cells with a value, neither repeated nor spanned, without a run of spaces
        (_PLAIN_CELL), in a part where no cell may be styled, fine, an error or merged: counted
        and placed at once, as the walk does cell by cell (a 2.8 MB .ods of a million such cells
        was 5.1 CPU s of walk). When a limit or a check of the walk may fall inside the run (a
        repeated row, the last column, the cells limit, the check every 4,096 cells), the run is
        walked cell by cell as any other, so that what is refused, and where, is the walk's."""
        count = len(_CELL_START.findall(match.group("plain")))
        info = self.info
        allowed = max(self.limits.ratio * self.written, self.limits.cells // BY_TAG_SHARE)
        if (
            self.rows_repeated != 1
            or self.col + count > EXCEL_MAX_COLUMNS
            or self.elements + count > self.limits.cells
            or info.filled % 4096 + count >= 4096
            or (self.expanded > allowed and self.expanded + count > self.limits.cells // BY_TAG_SHARE)
        ):
            for each in _CONTENT_TAG.finditer(part, match.start(), match.end()):
                self._tag(part, each, flags)
            return
        first_row, first_col, last_col = self.row + 1, self.col + 1, self.col + count
        if info.last_row:
            info.first_col = min(info.first_col, first_col)  # calamine's range begins at the leftmost cell
            info.min_row, info.last_row = min(first_row, info.min_row), max(first_row, info.last_row)
            info.min_col, info.last_col = min(first_col, info.min_col), max(last_col, info.last_col)
        else:
            info.first_row, info.first_col = first_row, first_col
            info.min_row, info.last_row, info.min_col, info.last_col = first_row, first_row, first_col, last_col
        info.filled += count
        info.cells += count
        self.written += count
        self.expanded += count
        self.col += count
        self.elements += count
        self.spaces, self.times = 0, 1

    def _empty_run(self, count: int) -> None:
        """``count`` empty cells one after another, placed and counted at once as the walk does
        one by one: the first that begins past the last column, or that takes the sheet past the
        cells limit, is refused (whichever comes first)."""
        first_past = max(0, EXCEL_MAX_COLUMNS - self.col)
        first_over = self.limits.cells - self.elements
        if min(first_past, first_over) < count:
            self._too_many_elements(past=first_past <= first_over)
        self.col += count
        self.elements += count
        self.spaces, self.times = 0, self.rows_repeated

    def _hidden_row(self) -> None:
        """Rows hidden in LibreOffice (``table:visibility="collapsed"`` or ``"filter"``), noted as an
        .xlsx's hidden rows (hidden_parts tells those that hold data)."""
        low, high, rows = self.row + 1, self.row + self.rows_repeated, self.info.hidden_rows
        if rows and rows[-1][1] == low - 1:
            rows[-1][1] = high
        elif len(rows) < MAX_HIDDEN_RANGES:
            rows.append([low, high])
        else:
            self.info.hidden_rows_more += self.rows_repeated

    def _column(self, attrs: bytes) -> None:
        """A column declaration of the sheet (they come in order, before its rows), hidden ones
        noted as an .xlsx's (``<col min max hidden>``)."""
        count = _repeated(_COLUMNS_REPEATED, attrs)
        if b"visibility" in attrs and _HIDDEN.search(attrs):
            self.info.hidden_columns.append((self.columns + 1, self.columns + count))
        self.columns = min(self.columns + count, EXCEL_MAX_COLUMNS)

    def _merged(self, attrs: bytes) -> None:
        """A cell with content merged over others (``table:number-rows-spanned``,
        ``number-columns-spanned``), noted as an .xlsx's merged range (``A2:A60``): the cells it
        covers read as empty, and a form's code typed once for a commune's rows gave 3,381
        missing-commune-code errors that named no cause (session 25). Headings merged over two
        rows are joined by it, as an .xlsx's are (two_row_header)."""
        rows, columns = _repeated(_ROWS_SPANNED, attrs), _repeated(_COLUMNS_SPANNED, attrs)
        if rows == 1 and columns == 1:
            return
        first = f"{_column_letters(self.col + 1)}{self.row + 1}"
        ref = f"{first}:{_column_letters(self.col + columns)}{self.row + rows}"
        if len(self.info.merged) < MAX_CELL_FINDINGS:
            self.info.merged.append(ref)
        else:
            self.info.more["merged-cells"] = self.info.more.get("merged-cells", 0) + 1

    def _error(self, part: bytes, end: int, columns: int) -> None:
        """An error cell (``calcext:value-type="error"``) whose start tag ends at ``end`` of ``part``:
        calamine reads it as its value, empty or 0 (a survey rate whose formula failed was scored 0
        without a word, session 25); it is an Excel error cell (excel-error-cell, not read), its
        code the text it shows (``#DIV/0!``, ``Err:502``) when that follows in the part."""
        shown = _SHOWN.match(part, end)
        code = _shown_code(shown)
        room = max(MAX_CELL_FINDINGS - len(self.info.errors), 0)
        rows, cols = range(self.row + 1, self.row + self.rows_repeated + 1), range(self.col + 1, self.col + columns + 1)
        cells = ((row, col, code or "#ERROR") for row in rows for col in cols)
        if shown is None and len(part) - end < _SHOWN_REACH:  # its text may begin the next part
            self.unshown = (part[end:], self.info, len(self.info.errors), min(room, len(rows) * len(cols)))
        self.info.errors.extend(itertools.islice(cells, room))
        if room < len(rows) * len(cols):  # a run repeated: listed up to the cap, the rest counted
            more = len(rows) * len(cols) - room
            self.info.more["excel-error-cell"] = self.info.more.get("excel-error-cell", 0) + more

    def _shown_late(self, part: bytes) -> None:
        """The code of the error cells whose part ended before their shown text (``#ERROR`` until
        told): a part ends after any tag, and an error cell cut after its start tag, or after its
        ``<text:p>``, named no code (session 26: ``#ERROR`` where LibreOffice shows ``#DIV/0!``)."""
        assert self.unshown is not None
        before, info, first, count = self.unshown
        self.unshown = None
        code = _shown_code(_SHOWN.match(before + part[:_SHOWN_REACH]))
        if code:
            for index in range(first, first + count):
                row, col, _ = info.errors[index]
                info.errors[index] = (row, col, code)

    def _spaces(self, count: int) -> None:
        """A run of ``count`` spaces in the current cell (and each of its repetitions)."""
        self.spaces += count
        if self.spaces > MAX_CELL_CHARS:
            raise self._refused(
                "cell-too-long",
                f"a cell holds {self.spaces:,} spaces written by their count (<text:s text:c=…>), more than "
                f"Excel's {MAX_CELL_CHARS:,} characters",
                self.row + 1,
                "this file was not written by Excel; shorten the text or export CSV (UTF-8)",
                {"long_cell": "ods_spaces", "chars": self.spaces, "limit": MAX_CELL_CHARS},
            )
        self.budget.spend_text(count * self.times, "content", self.sheet)

    def _start_sheet(self, attrs: bytes) -> None:
        from pari_index.intake.xlsx.package import _check_sheet_count

        found = _NAME.search(attrs)
        self.sheet = _quote(found.group(1)) if found else "?"
        self.sheets += 1
        _check_sheet_count(self.sheets, self.budget)
        self.info, self.row, self.col, self.rows_repeated = _SheetCells(), 0, 0, 1
        self.columns = 0
        self.elements = 0
        self.styles.start_sheet()
        if found:
            self.found.setdefault(sheet_name(found.group(1)), self.info)

    def _end_sheet(self) -> None:
        from pari_index.intake.xlsx.package import _cells_built, _check_workbook_cells

        _check_sheet(self.info, self.sheet, self.budget.file, self.limits)
        self.built += _cells_built(self.info)
        _check_workbook_cells(self.built, self.sheet, self.budget)

    def _refused(self, code: str, message: str, row: int, hint: str, params: dict[str, object]) -> _Refused:
        """The refusal of the file at ``row`` of the current sheet."""
        problem = Problem(code, message, file=self.budget.file, sheet=self.sheet, row=row, hint=hint, params=params)
        return _Refused(problem)

    def _too_many_elements(self, rows: bool = False, past: bool = False) -> None:
        """Empty cells are not held, but each one written is walked, here in Python and by calamine
        (which logs each cell past a sheet's last column, 16,384, and each row past its last row,
        1,048,576): a 3.4 MB file of 13 million ``<table:table-cell/>`` in a row took 59 CPU s and
        was read; a million rows past the last, 7.4 s in calamine. A sheet may write at most the
        cells limit (empty ones included; LibreOffice writes a run of empty cells as one, repeated),
        and no cell or row that begins past its last column or row (LibreOffice repeats the last
        ones up to it, never beyond; a run repeated past the edge is cut there by calamine, once)."""
        past = past or rows
        limit = (EXCEL_MAX_ROWS if rows else EXCEL_MAX_COLUMNS) if past else self.limits.cells
        if rows:
            size, message = "rows_past_edge", f"the sheet writes rows past row {limit:,}, the last a sheet has"
        elif past:
            size = "past_edge"
            message = f"a row writes cells past column {limit:,}, the last a sheet has (empty ones included)"
        else:
            size = "elements"
            message = (
                f"the sheet writes more than {limit:,} cells, empty ones included (an .ods repeats a run of cells "
                "in one element)"
            )
        row = min(self.row, EXCEL_MAX_ROWS) if rows else self.row + 1
        hint = _PAST_EDGE_HINT if past else _TOO_LARGE_HINT
        raise self._refused("sheet-too-large", message, row, hint, {"sheet_size": size, "limit": limit})

    def _content(self, columns: int) -> None:
        info, cells = self.info, columns * self.rows_repeated
        first_row, last_row = self.row + 1, self.row + self.rows_repeated
        first_col, last_col = self.col + 1, self.col + columns
        if info.last_row:
            first_row, first_col = min(first_row, info.min_row), min(first_col, info.min_col)
            last_row, last_col = max(last_row, info.last_row), max(last_col, info.last_col)
            if first_col < info.first_col:  # calamine's range begins at the leftmost cell
                info.first_col = first_col
        else:
            info.first_row, info.first_col = first_row, first_col
        info.min_row, info.last_row, info.min_col, info.last_col = first_row, last_row, first_col, last_col
        info.filled += cells
        info.cells += cells
        self.written += 1
        self.expanded += cells
        allowed = max(self.limits.ratio * self.written, self.limits.cells // BY_TAG_SHARE)
        if self.expanded > allowed:
            raise self._refused(
                "sheet-too-large",
                f"the sheet repeats {self.written:,} cells into {self.expanded:,} "
                f"(at most {self.limits.ratio:,} times the cells written are read)",
                self.row + 1,
                _TOO_LARGE_HINT,
                {"sheet_size": "repeated", "written": self.written, "cells": self.expanded, "limit": self.limits.ratio},
            )
        if cells > 1 or info.filled % 4096 == 0:
            _check_sheet(info, self.sheet, self.budget.file, self.limits, final=False)


def _shown_code(shown: re.Match[bytes] | None) -> str:
    """The error code an error cell shows (``#DIV/0!``), quoted; "" when not found."""
    return _quote(html.unescape(shown.group(1).decode("utf-8", "replace")).strip()[:40]) if shown else ""


def _scan_ods(package: zipfile.ZipFile, content: zipfile.ZipInfo, budget: _Budget) -> dict[str, _SheetCells]:
    """Measure the sheets of an .ods package's content.xml; raises _Refused over a limit. What each
    sheet's cells show otherwise than calamine writes them, by the sheet's name (ods_styles)."""
    scan = _OdsScan(budget)
    named = next((info for info in package.infolist() if info.filename == "styles.xml"), None)
    if named is not None:  # the named styles (and their data styles) that content.xml's styles inherit
        for part in _parts(_stream(package, named, budget), _TAG_END, budget.file, "styles.xml"):
            for match in _TAG.finditer(part):
                close, name, attrs = match.groups()
                if name in _STYLE_TAGS:
                    scan.styles.tag(name, close, attrs)
    for part in _parts(_stream(package, content, budget), _ELEMENT_END, budget.file, "content.xml"):
        scan.feed(part)
    return scan.found
