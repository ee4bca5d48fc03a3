"""The scan of one sheet's XML: its used range, error cells, formulas without a saved result, merged
cells and percent-formatted numbers, checked against the limits as it goes."""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from pari_index.errors import Problem
from pari_index.intake.xlsx.budget import _Budget, _stream
from pari_index.intake.xlsx.limits import (
    _CHUNK,
    _DAMAGED_HINT,
    _TOO_LARGE_HINT,
    BY_TAG_SHARE,
    MAX_CELL_CHARS,
    MAX_CELL_FINDINGS,
    MAX_SPARSE_RATIO,
    SPARSE_FLOOR_CELLS,
    XlsxLimits,
    _quote,
    _Refused,
)
from pari_index.intake.xlsx.sheet_cells import (
    _column_bytes,
    _column_letters,
    _column_number,
    _SheetCells,
)
from pari_index.intake.xlsx.xml_patterns import (
    _CELL_END,
    _CELL_START,
    _DIGITS,
    _ERROR_MARKERS,
    _ERROR_TYPE,
    _FINE_NUMBER,
    _FORMULA_START,
    _FORMULA_TEXT,
    _FULL_REF,
    _LETTERS,
    _LONG_SEGMENT,
    _NOT_A_VALUE_TYPES,
    _PLAIN_REF,
    _ROOT,
    _ROW_OR_CELL_TAG,
    _ROW_OR_COLUMN_START,
    _SHEET_PIECE_END,
    _SPACES,
    _TYPE_ATTR,
    _VALUE_IN,
    _attributes,
    _far_apart,
    _has_value,
    _other_prefix_cells,
    _parts,
    _Patterns,
    _text_chars,
    _text_result,
)

#: The first cell of a merged range's reference ("F301" of "F301:G301").
_MERGE_START = re.compile(rb"\s*\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


def _twice_words(ref: str) -> str:
    return (
        f"the cell {ref} is written twice (the second value would replace the first without a word; "
        "Excel never writes so)"
    )


def _repeats(listed: list[bytes], carried: set[bytes]) -> Iterator[bytes]:
    """The references of ``listed`` already seen in it or in ``carried``, in order."""
    seen = set(carried)
    for ref in listed:
        if ref in seen:
            yield ref
        seen.add(ref)


class _NeedsPositions(Exception):
    """A cell without a plain r="B3" reference: the sheet is scanned again tag by tag."""


class _Styled:
    """The cells of a sheet in some cell styles (a number format shown otherwise than calamine
    writes it: a percentage, or a number padded with zeros), found as the scan goes into
    ``cells`` (row, column)."""

    def __init__(self, styles: set[int], cells: list[tuple[int, int]]) -> None:
        self.ids = rb"(?:" + b"|".join(str(i).encode() for i in sorted(styles)) + rb")"
        self.cells = cells
        self.style = re.compile(rb"s=[\"']" + self.ids + rb"[\"']")
        self.cell: re.Pattern[bytes] | None = None

    def with_prefix(self, prefix: bytes) -> None:
        self.cell = re.compile(
            rb"<"
            + re.escape(prefix)
            + rb"c r=\"([A-Za-z]{1,3})([0-9]{1,7})\" s=\""
            + self.ids
            + rb"\"(?: t=\"([^\"<>]*)\")?"
        )


class _SheetScan:
    """A linear scan of one sheet's XML, fed in parts that each end just after a ``</c>``.

    Normally every cell start tag is ``<c r="B3" ...>`` (Excel, openpyxl and xlsxwriter all write
    it so), and the used range comes from one pattern run in C over the part. A sheet with any
    other cell start (no reference, attributes in another order, another namespace prefix) is
    scanned again ``by_tag``, following calamine's rules: a cell without a reference takes the
    next column of the current row; a ``<row>`` without one follows the previous row. Both
    count a self-closing (empty) cell in the range, as a bound: calamine leaves it out.
    """

    def __init__(
        self,
        sheet: str,
        budget: _Budget,
        percent_styles: set[int],
        *,
        by_tag: bool,
        padded_styles: dict[int, int] | None = None,
    ) -> None:
        self.sheet = sheet
        self.budget = budget
        self.limits = budget.limits
        self.by_tag = by_tag
        self.info = _SheetCells()
        self.row_index = 0  # 0-based, as in calamine
        self.col_index = 0
        self.cell_tags = 0
        self.first_found = False
        self.patterns: _Patterns | None = None
        #: Percent-formatted cells, and those of a format padding numbers with zeros (00000), by width.
        self.styled = [_Styled(percent_styles, self.info.percent_cells)] if percent_styles else []
        for width in sorted(set((padded_styles or {}).values())):
            styles = {style for style, digits in (padded_styles or {}).items() if digits == width}
            self.styled.append(_Styled(styles, self.info.padded_cells.setdefault(width, [])))
        self.positions: dict[int, tuple[int, int]] = {}
        self.closes = 0
        #: The sheet's cells have all been seen (``</sheetData>``): merged ranges come after them.
        self.cells_done = False
        #: The highest row of the parts scanned so far, and the references of its cells (_written_once).
        self.row_reached = 0
        self.row_cells: set[bytes] = set()
        #: Cells placed by the walk tag by tag (a cell written twice is refused there too).
        self.placed: set[tuple[int, int]] = set()

    def refuse(
        self, code: str, message: str, hint: str, row: int | None = None, params: dict[str, Any] | None = None
    ) -> _Refused:
        problem = Problem(code, message, file=self.budget.file, sheet=self.sheet, row=row, hint=hint, params=params)
        return _Refused(problem)

    # -- positions ------------------------------------------------------------------------------
    def _extend(self, low_row: int, high_row: int, low_col: int, high_col: int) -> None:
        info = self.info
        if info.last_row:
            low_row, low_col = min(low_row, info.min_row), min(low_col, info.min_col)
            high_row, high_col = max(high_row, info.last_row), max(high_col, info.last_col)
        info.min_row, info.last_row, info.min_col, info.last_col = low_row, high_row, low_col, high_col

    def _positions_by_pattern(self, part: bytes, pt: _Patterns) -> None:
        refs = pt.ref.findall(part)
        if b"" in refs or pt.odd_cell_start.search(part):
            raise _NeedsPositions
        if b":c" in part and _other_prefix_cells(part, pt):
            raise _NeedsPositions
        self.closes = part.count(pt.cell_close)
        self.info.filled += self.closes
        self.info.content_rows += part.count(pt.content_row_end)
        self.info.cells += len(refs)
        if not refs:
            return
        # Rows and column letters of every reference, split apart in C: "A8 B8" -> "8 8", "A B".
        joined = b" ".join(refs)
        row_digits = joined.translate(None, _LETTERS)
        rows = list(map(int, set(row_digits.split())))
        columns = [_column_number(col.decode()) for col in set(joined.translate(None, _DIGITS).split())]
        self._extend(min(rows), max(rows), min(columns), max(columns))
        # Written otherwise than Excel writes them ("d32", "D032": the cell D32), references are
        # compared once normalised.
        odd = joined.upper() != joined or row_digits.startswith(b"0") or b" 0" in row_digits
        self._written_once(refs, joined, min(rows), max(rows), odd=odd)

    def _written_once(self, refs: list[bytes], joined: bytes, low: int, high: int, *, odd: bool) -> None:
        """No cell written twice. calamine keeps the last value written for a cell, so the first
        was dropped without a word (a value of 77.8 replaced by a second ``<c r="D32">`` holding
        10 was scored as 10, exit 0); Excel never writes a cell twice. The references of a part
        are compared whole (in C); across parts, rows may not go back (in a sheet Excel wrote
        they never do), and the cells of the row a part ends in are carried to the next."""
        cells, listed = joined, refs
        if odd:
            cells = b" ".join(m.group(1) + str(int(m.group(2))).encode() for m in _FULL_REF.finditer(joined.upper()))
            listed = cells.split()
        if low < self.row_reached:
            params = {"damage": "rows_back", "row": low, "after": self.row_reached}
            message = (
                f"row {low} is written after row {self.row_reached}: the rows are out of order (Excel never writes so)"
            )
            raise self.refuse("xlsx-damaged", message, _DAMAGED_HINT, low, params)
        distinct = set(listed)
        carried = self.row_cells if low == self.row_reached else set()
        if len(distinct) != len(listed) or not carried.isdisjoint(distinct):
            twice = next(c for c in _repeats(listed, carried))
            row = int(twice.translate(None, _LETTERS))
            params = {"damage": "cell_twice", "ref": twice.decode()}
            raise self.refuse("xlsx-damaged", _twice_words(twice.decode()), _DAMAGED_HINT, row, params)
        last = set(re.findall(rb" ([A-Z]{1,3}" + str(high).encode() + rb")\b", b" " + cells))
        self.row_cells = carried | last if high == self.row_reached else last
        self.row_reached = high

    def _positions_by_tag(self, part: bytes) -> None:
        self.positions = {}
        for match in _ROW_OR_CELL_TAG.finditer(part):
            end, name, attrs = match.groups()
            if name == b"row":
                self._row_tag(end, attrs)
            elif name == b"c" and not end:
                row, col = self._cell_tag(attrs)
                if (row, col) in self.placed:
                    ref = f"{_column_letters(col)}{row}"
                    params = {"damage": "cell_twice", "ref": ref}
                    raise self.refuse("xlsx-damaged", _twice_words(ref), _DAMAGED_HINT, row, params)
                self.placed.add((row, col))
                self.positions[match.start()] = (row, col)
                self._extend(row, row, col, col)
                if self.cell_tags % 4096 == 0:  # a row far too wide is refused before its end
                    _check_sheet(self.info, self.sheet, self.budget.file, self.limits, final=False)
                if not attrs.endswith(b"/"):
                    self.info.filled += 1
                    if not self.first_found:
                        self.first_found = True
                        self.info.first_row, self.info.first_col = row, col
                    elif col < self.info.first_col:
                        self.info.first_col = col
        self.closes = part.count(self.patterns.cell_close) if self.patterns else 0

    def _row_tag(self, end: bytes, attrs: bytes) -> None:
        if not end:
            plain = _PLAIN_REF.match(attrs)  # r first, as everyone writes it; else every attribute
            ref = plain.group(1) if plain else _attributes(attrs).get(b"r")
            if ref is not None:
                if not ref.isdigit() or not 0 < int(ref) <= 9_999_999:
                    params = {"reference": "row", "ref": _quote(ref)}
                    raise self.refuse(
                        "bad-cell-reference", f"a row is numbered {_quote(ref)}", _DAMAGED_HINT, None, params
                    )
                self.row_index = int(ref) - 1
        if end or attrs.endswith(b"/"):  # calamine expands <row/> to a start and an end
            self.row_index, self.col_index = self.row_index + 1, 0

    def _cell_tag(self, attrs: bytes) -> tuple[int, int]:
        """1-based (row, column) of a cell start tag, by calamine's rules."""
        self.cell_tags += 1
        self.info.cells += 1
        if self.cell_tags > self.limits.cells // BY_TAG_SHARE:
            raise self.refuse(
                "sheet-too-large",
                f"the sheet holds more than {self.limits.cells // BY_TAG_SHARE:,} cells "
                "written without their usual references",
                _TOO_LARGE_HINT,
                params={"sheet_size": "untagged", "limit": self.limits.cells // BY_TAG_SHARE},
            )
        plain = _PLAIN_REF.match(attrs)
        ref = plain.group(1) if plain else _attributes(attrs).get(b"r")
        if ref is None:
            row, col = self.row_index, self.col_index
        else:
            parsed = _FULL_REF.fullmatch(ref)
            if parsed is None:
                params = {"reference": "cell", "ref": _quote(ref)}
                raise self.refuse("bad-cell-reference", f"a cell is at {_quote(ref)}", _DAMAGED_HINT, None, params)
            row, col = int(parsed.group(2)) - 1, _column_number(parsed.group(1).decode()) - 1
            self.col_index = col
        self.col_index += 1
        return row + 1, col + 1

    def _position(self, part: bytes, tag_start: int, tag_end: int) -> tuple[int, int] | None:
        if self.by_tag:
            return self.positions.get(tag_start)
        assert self.patterns is not None
        parsed = self.patterns.ref_at.match(part, tag_start, tag_end)  # every cell is so, or by_tag is set
        return (int(parsed.group(2)), _column_number(parsed.group(1).decode())) if parsed else None

    def _first_cell(self, part: bytes, pt: _Patterns) -> None:
        """Where calamine's range starts, for lining up findings with the grid: the row of the
        first cell with content (rows come in order), and the leftmost column with content
        (looked for only while no cell with content in column A has been seen)."""
        if self.by_tag:
            return  # found during the walk
        if not self.first_found:
            first = pt.content_cell.search(part)
            if first is None:
                return
            self.first_found = True
            self.info.first_row, self.info.first_col = int(first.group(2)), _column_bytes(first.group(1))
        if self.info.first_col > 1:  # the usual case, column A, needs no search of the whole part
            letters = {col for col, _ in pt.content_cell.findall(part)}
            self.info.first_col = min([self.info.first_col, *map(_column_bytes, letters)])

    # -- one part -------------------------------------------------------------------------------
    def feed(self, part: bytes) -> None:
        if self.patterns is None:
            root = _ROOT.search(part)
            self.patterns = _Patterns(root.group(1) or b"" if root else b"")
            for styled in self.styled:
                styled.with_prefix(self.patterns.prefix)
        pt = self.patterns
        if self.by_tag:
            self._positions_by_tag(part)
        else:
            self._positions_by_pattern(part, pt)
        if not self.first_found or self.info.first_col > 1:
            self._first_cell(part, pt)
        self._texts(part, pt, self.closes)
        if self.info.dimension is None and (dim := pt.dimension.search(part)) is not None:
            self.info.dimension = dim.group(1).decode("ascii", "replace")
        for styled in self.styled:
            self._styled_cells(part, styled)
        if not self.info.fine_numbers and _FINE_NUMBER.search(part):
            self.info.fine_numbers = True
        if any(marker in part for marker in _ERROR_MARKERS):
            self._error_cells(part)
        if b"<" + pt.prefix + b"f" in part:
            self._formulas(part, pt)
            self._empty_results(part, pt)
        if not self.cells_done and b"</" + pt.prefix + b"sheetData" in part:
            self.cells_done = True
        if b"mergeCell" in part:
            for ref in pt.merge.findall(part):
                if not self._beyond_cells(ref):
                    self._note(self.info.merged, "merged-cells", ref.decode("ascii", "replace"))
        if b"hidden" in part:
            self._hidden(part)

    def _hidden(self, part: bytes) -> None:
        """Rows and columns hidden in Excel: a clerk hides rows to mean "not this", a filter hides
        the rows it does not show; either way they are read, and the sheet says so. A tag
        without its number (r, min) is left out: calamine places it, the scan need not."""
        for match in _ROW_OR_COLUMN_START.finditer(part):
            attrs = _attributes(match.group(2))
            if attrs.get(b"hidden", b"").strip() not in (b"1", b"true"):
                continue
            if match.group(1) == b"row":
                row = attrs.get(b"r", b"").strip()
                if not row.isdigit():
                    continue
                self.info.hide_row(int(row))
            else:
                low, high = attrs.get(b"min", b"").strip(), attrs.get(b"max", b"").strip()
                if low.isdigit() and high.isdigit():
                    self.info.hidden_columns.append((int(low), int(high)))

    def _beyond_cells(self, ref: bytes) -> bool:
        """Whether a merged range starts below or right of every cell of the sheet, once all cells
        are known (ranges are listed after them): it hides no value, and a form's 200,000 merged
        rows below its table gave 1,000 error findings although every row was read."""
        first = _MERGE_START.match(ref)
        if not self.cells_done or first is None or not self.info.last_row:
            return False
        return int(first.group(2)) > self.info.last_row or _column_bytes(first.group(1)) > self.info.last_col

    def _note(self, found: list[Any], kind: str, item: Any) -> None:
        if len(found) < MAX_CELL_FINDINGS:
            found.append(item)
        else:
            self.info.more[kind] = self.info.more.get(kind, 0) + 1

    def _texts(self, part: bytes, pt: _Patterns, closes: int) -> None:
        """Cell text: no cell over Excel's length, and long texts counted against the budget.
        Both look only where they can find something: texts are counted in a part whose cells
        average over _LONG_SEGMENT bytes, and cells are measured where two cell ends lie far
        apart (probed every few kilobytes, which costs almost nothing)."""
        if len(part) > _LONG_SEGMENT * (closes + 1):
            lengths = map(len, part.split(pt.cell_close))
            self.budget.spend_text(sum(n for n in lengths if n > _LONG_SEGMENT), "sheet", self.sheet)
        if _far_apart(part, pt.cell_close):
            for segment in part.split(pt.cell_close):
                if len(segment) > MAX_CELL_CHARS:
                    self._check_long_cells(segment)

    def _check_long_cells(self, segment: bytes) -> None:
        starts = [m.start() for m in _CELL_START.finditer(segment)]
        if not starts:
            return  # no cell: the sheet's tail (data validations, merged ranges) or empty rows
        for start, end in zip(starts, [*starts[1:], len(segment)], strict=True):
            if end - start <= MAX_CELL_CHARS:
                continue
            chars = _text_chars(segment[start:end])
            if chars <= MAX_CELL_CHARS:
                continue
            ref = _attributes(segment[start : segment.find(b">", start)]).get(b"r", b"")
            raise self.refuse(
                "cell-too-long",
                f"the cell {_quote(ref) or '(without a reference)'} holds {chars:,} characters "
                f"(Excel's limit is {MAX_CELL_CHARS:,})",
                "this file was not written by Excel; shorten the text or export CSV (UTF-8)",
                params={
                    "long_cell": "cell" if _quote(ref) else "cell_without_ref",
                    "ref": _quote(ref),
                    "chars": chars,
                    "limit": MAX_CELL_CHARS,
                },
            )

    def _cell_around(self, part: bytes, pos: int) -> tuple[int, int, int] | None:
        """(start, end) of the cell start tag holding ``pos``, and where the cell's content may
        run to (the next cell's start), or None when ``pos`` is not inside a cell start tag."""
        start = part.rfind(b"<", 0, pos)
        if start < 0 or not _CELL_START.match(part, start):
            return None
        end = part.find(b">", pos)
        if end < 0 or part[end - 1 : end] == b"/" or part.find(b"<", pos, end) >= 0:
            return None
        following = _CELL_START.search(part, end)
        return start, end + 1, following.start() if following else len(part)

    def _error_cells(self, part: bytes) -> None:
        for tried, match in enumerate(_ERROR_TYPE.finditer(part)):
            if len(self.info.errors) >= MAX_CELL_FINDINGS or tried >= 4 * MAX_CELL_FINDINGS:
                self.info.more["excel-error-cell"] = self.info.more.get("excel-error-cell", 0) + len(
                    _ERROR_TYPE.findall(part, match.start())
                )
                return
            cell = self._cell_around(part, match.start())
            if cell is None or part[match.start() - 1 : match.start()] not in _SPACES:
                continue
            tag_start, tag_end, limit = cell
            position = self._position(part, tag_start, tag_end)
            if position is None:
                continue
            value = _VALUE_IN.search(part, tag_end, limit)
            code = html.unescape(value.group(1).decode("utf-8", "replace")).strip() if value else ""
            self.info.errors.append((position[0], position[1], _quote(code[:40]) or "#ERROR"))

    def _formulas(self, part: bytes, pt: _Patterns) -> None:
        for tried, match in enumerate(pt.formula.finditer(part)):
            if len(self.info.formulas) >= MAX_CELL_FINDINGS or tried >= 100 * MAX_CELL_FINDINGS:
                return self._count_more_formulas(part, match.start())
            tag_start = part.rfind(b"<", 0, match.start())
            cell = self._cell_around(part, tag_start + 1) if tag_start >= 0 else None
            if cell is None or (cell[1] != match.start() and part[cell[1] : match.start()].strip()):
                continue
            _, tag_end, limit = cell
            end = _CELL_END.search(part, match.start(), limit)
            if end is None:
                continue
            value = _VALUE_IN.search(part, match.start(), end.start())
            saved = value is not None and (value.group(1).strip() or _text_result(part, tag_start, match.start()))
            if saved and self.info.stored_formula is not None:
                continue  # saved with its result (an empty text is one)
            position = self._position(part, tag_start, tag_end - 1)
            if position is None:
                continue
            text = _FORMULA_TEXT.match(part, match.start())
            formula = html.unescape(text.group(1).decode("utf-8", "replace")) if text else ""
            if saved:
                self.info.stored_formula = (position[0], position[1], _quote(formula))
                continue
            self.info.formulas.append((position[0], position[1], _quote(formula)))
        return None

    def _empty_results(self, part: bytes, pt: _Patterns) -> None:
        """Count the cells of ``part`` closed with no value, and the rows ending in one (a least
        count of rows must not count them: the example's register above 120,000 rows of
        ``=IF(A2="","",…)`` was refused as too-many-rows in session 36, read by main before)."""
        row_end = b"</" + pt.prefix + b"row>"
        for end in pt.empty_cell_ends:
            self.info.empty_cells += part.count(end)
            self.info.empty_rows += part.count(end + row_end)

    def _count_more_formulas(self, part: bytes, pos: int) -> None:
        # Past the listed ones, only counted: formulas in cells whose <v> is empty or missing.
        cells = _CELL_END.split(part[pos:])
        unsaved = sum(1 for c in cells if _FORMULA_START.search(c) and not _has_value(c))
        self.info.more["formula-without-value"] = self.info.more.get("formula-without-value", 0) + unsaved

    def _styled_cells(self, part: bytes, styled: _Styled) -> None:
        assert styled.cell is not None
        if not self.by_tag:
            # Cells written as Excel writes them (r, s, t in that order) in one pass.
            found = styled.cell.findall(part)
            if len(found) == len(styled.style.findall(part)):
                styled.cells += [
                    (int(row), _column_bytes(col)) for col, row, kind in found if kind not in _NOT_A_VALUE_TYPES
                ]
                return
        for match in styled.style.finditer(part):
            if part[match.start() - 1 : match.start()] not in _SPACES:
                continue  # another attribute ending in s
            start = part.rfind(b"<", 0, match.start())
            end = part.find(b">", match.start())
            if start < 0 or end < 0 or not _CELL_START.match(part, start):
                continue
            kind = _TYPE_ATTR.search(part, start, end)
            if kind is not None and kind.group(1) in _NOT_A_VALUE_TYPES:
                continue
            position = self._position(part, start, end)
            if position is not None:
                styled.cells.append(position)


def _scan_sheet_member(
    package: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    sheet: str,
    budget: _Budget,
    percent_styles: set[int],
    padded_styles: dict[int, int] | None = None,
) -> _SheetCells:
    scan = _SheetScan(sheet, budget, percent_styles, by_tag=False, padded_styles=padded_styles)
    try:
        for part in _parts(_stream(package, info, budget), _SHEET_PIECE_END, budget.file, f"sheet {sheet}"):
            scan.feed(part)
            _check_sheet(scan.info, sheet, budget.file, budget.limits, final=False)
    except _NeedsPositions:
        # Read again without counting: the bytes were counted on the first pass.
        uncounted = _Budget(budget.file, XlsxLimits(total_bytes=2**62, text_bytes=2**62))
        scan = _SheetScan(sheet, budget, percent_styles, by_tag=True, padded_styles=padded_styles)
        for part in _parts(_stream(package, info, uncounted), _SHEET_PIECE_END, budget.file, f"sheet {sheet}"):
            scan.feed(part)
            _check_sheet(scan.info, sheet, budget.file, budget.limits, final=False)
    _check_sheet(scan.info, sheet, budget.file, budget.limits)
    return scan.info


def _check_sheet(info: _SheetCells, sheet: str, file: str, limits: XlsxLimits, *, final: bool = True) -> None:
    """The dense grid calamine will build for the sheet, against the limits. Checked after each
    part too (``final`` False), so a sheet far over a limit is not read to its end; the range
    only grows, so a sheet refused then would be refused at the end."""
    if not info.last_row:
        return
    grid = info.grid_cells
    width = info.last_col - info.first_col + 1
    if not final and grid <= limits.cells and width <= limits.columns and info.cells <= limits.cells:
        return
    used = f"{_column_letters(info.min_col)}{info.min_row}:{_column_letters(info.last_col)}{info.last_row}"

    def refuse(code: str, message: str, hint: str, **params: Any) -> _Refused:
        return _Refused(Problem(code, message, file=file, sheet=sheet, row=info.last_row, hint=hint, params=params))

    if grid > SPARSE_FLOOR_CELLS and grid > MAX_SPARSE_RATIO * info.filled:
        raise refuse(
            "sheet-too-sparse",
            f"the used range {used} spans {grid:,} cells for {info.filled:,} with content",
            "delete the stray cells far from the table (the last row or column of the range), then save",
            used=used,
            grid=grid,
            filled=info.filled,
        )
    if width > limits.columns:
        raise refuse(
            "sheet-too-wide",
            f"the used range {used} is {width:,} columns wide (at most {limits.columns:,} are read)",
            "delete the unused columns, or raise PARI_MAX_XLSX_COLUMNS if they are genuine",
            used=used,
            width=width,
            limit=limits.columns,
        )
    if info.cells > limits.cells:  # the same cell written over and over: a small grid, a long list
        raise refuse(
            "sheet-too-large",
            f"the sheet holds {info.cells:,} cells (at most {limits.cells:,} are read)",
            _TOO_LARGE_HINT,
            sheet_size="cells",
            cells=info.cells,
            limit=limits.cells,
        )
    if grid > limits.cells:
        raise refuse(
            "sheet-too-large",
            f"the used range {used} spans {grid:,} cells (at most {limits.cells:,} are read)",
            _TOO_LARGE_HINT,
            sheet_size="range",
            used=used,
            grid=grid,
            limit=limits.cells,
        )


def _scan_sheet_xml(
    data: bytes, percent_styles: set[int] | None = None, padded_styles: dict[int, int] | None = None
) -> _SheetCells:
    """Scan one sheet's XML held in memory (for tests): the same scan as a workbook's sheets,
    without limits."""
    budget = _Budget("sheet.xml", XlsxLimits(total_bytes=2**62, text_bytes=2**62, cells=2**62, columns=2**62))
    chunks = [data[i : i + _CHUNK] for i in range(0, len(data), _CHUNK)]
    try:
        scan = _SheetScan("sheet", budget, percent_styles or set(), by_tag=False, padded_styles=padded_styles)
        for part in _parts(iter(chunks), _SHEET_PIECE_END, budget.file, "sheet"):
            scan.feed(part)
    except _NeedsPositions:
        scan = _SheetScan("sheet", budget, percent_styles or set(), by_tag=True, padded_styles=padded_styles)
        for part in _parts(iter(chunks), _SHEET_PIECE_END, budget.file, "sheet"):
            scan.feed(part)
    return scan.info
