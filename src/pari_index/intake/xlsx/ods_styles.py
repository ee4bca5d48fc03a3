"""What an OpenDocument spreadsheet's cells show otherwise than calamine writes them: numbers in a
format padded with zeros (``00000``: 1 shown 00001), percentages (0.943 shown 94,3 %) and dates
(``2025-04-06``, shown 06/04/2025). The .xlsx scan finds them by their number formats
(package._style_formats); an .ods says the type on each cell
(``office:value-type``) and the format on its cell style (``table:style-name``, or its column's
``table:default-cell-style-name``, or its row's), which names a data style (``number:number-style``) of the
automatic styles at the head of content.xml, or of a named style (``Mã đơn vị``) in styles.xml, directly or
through its parent (``style:parent-style-name``). Session 25: an .ods register of codes formatted
00000 read 1, 2, ..., a survey typed with % read 0.943 and was refused as fractions, a date typed
in a note read ``2025-04-06``. Session 26: codes formatted 00000 by their row's default style, or by a named
style (their cell style a child of it, or the named style itself), still read 1, 2, ...: ``unknown-commune``
for every row, or a register whose codes matched nothing."""

from __future__ import annotations

import html
import re

from pari_index.intake.xlsx.sheet_cells import _SheetCells

#: One attribute of a tag, looked for only where a name begins (the lookbehind; after a ``:`` as
#: well, as a name with two prefixes was read by its last two parts). Bounded to 40 and 60 bytes
#: instead, it was tried at each byte of a name up to 100 bytes on: a column tag carrying a name of
#: 8 million letters without ``=`` (an .ods of 17 KB) took 12 CPU s, 1.4 a megabyte (limits31).
_ATTR = re.compile(rb"(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+:)?([A-Za-z0-9_.-]+)\s*=\s*(?:\"([^\"<]*)\"|'([^'<]*)')")
#: The value types of the cells an .ods scan places (the rest are read as calamine writes them).
_KIND = re.compile(rb"(?:^|\s)(?:office:)?value-type\s*=\s*[\"'](float|percentage|date)[\"']")
_STYLE_NAME = re.compile(rb"(?:^|\s)(?:table:)?style-name\s*=\s*(?:\"([^\"<]*)\"|'([^'<]*)')")
#: At most this many columns of one sheet are told apart by their default cell style.
_MAX_COLUMN_RUNS = 1024


def attributes(attrs: bytes) -> dict[bytes, bytes]:
    """A tag's attributes by their local name (``table:style-name`` as ``style-name``)."""
    return {match.group(2): match.group(3) or match.group(4) or b"" for match in _ATTR.finditer(attrs)}


class OdsStyles:
    """The data styles and cell styles of content.xml, and each sheet's column default styles, fed
    tag by tag (ods_scan._OdsScan); what a cell shows is told by :meth:`place`."""

    def __init__(self) -> None:
        #: Data styles (number:number-style) that pad a whole number with zeros, with their width.
        self.padding: dict[bytes, int] = {}
        #: Cell styles and the data style each names.
        self.cell_styles: dict[bytes, bytes] = {}
        #: Cell styles without a data style of their own, and the style they inherit from.
        self.parents: dict[bytes, bytes] = {}
        #: The padding of the current row's default cell style (``table:default-cell-style-name``).
        self.row_width = 0
        self._style: bytes | None = None  # the number-style being read
        self._width = 0
        self._plain = True  # only one number:number without decimals, and no text beside it
        #: The current sheet's columns of a padded default style: (first, last, width), 0-based.
        self.columns: list[tuple[int, int, int]] = []
        self._column = 0

    def tag(self, name: bytes, close: bytes, attrs: bytes) -> None:
        """A styles' or columns' tag of content.xml (``number-style``, ``number``, ``text``,
        ``style``, ``table-column``)."""
        if name == b"number-style":
            if close:
                if self._style is not None and self._plain and self._width >= 2:
                    self.padding[self._style] = self._width
                self._style = None
            else:
                self._style, self._width, self._plain = attributes(attrs).get(b"name"), 0, True
        elif self._style is not None and name in (b"number", b"text") and not close:
            found = attributes(attrs)
            if name == b"text" or self._width or found.get(b"decimal-places", b"0") != b"0" or b"grouping" in found:
                self._plain = False
            digits = found.get(b"min-integer-digits", b"")
            self._width = min(int(digits), 20) if digits.isdigit() else 0
        elif name == b"style" and not close:
            found = attributes(attrs)
            if found.get(b"family") == b"table-cell" and b"data-style-name" in found:
                self.cell_styles[found.get(b"name", b"")] = found[b"data-style-name"]
            elif found.get(b"family") == b"table-cell" and b"parent-style-name" in found:
                self.parents[found.get(b"name", b"")] = found[b"parent-style-name"]
        elif name == b"table-column" and not close:
            self._table_column(attributes(attrs))

    def _table_column(self, found: dict[bytes, bytes]) -> None:
        repeated = found.get(b"number-columns-repeated", b"1")
        count = max(int(repeated), 1) if repeated.isdigit() and len(repeated) < 10 else 1
        width = self.width(found.get(b"default-cell-style-name"))
        if width and len(self.columns) < _MAX_COLUMN_RUNS:
            self.columns.append((self._column, self._column + count - 1, width))
        self._column += count

    def start_sheet(self) -> None:
        self.columns, self._column = [], 0

    def width(self, cell_style: bytes | None) -> int:
        """How many digits the cell style pads a whole number to (0: none): its own data style's, or
        the nearest parent's that names one (a few levels: LibreOffice writes one or two)."""
        for _ in range(8):
            if cell_style is None:
                return 0
            if cell_style in self.cell_styles:
                return self.padding.get(self.cell_styles[cell_style], 0)
            cell_style = self.parents.get(cell_style)
        return 0

    def start_row(self, attrs: bytes) -> None:
        """A row's start tag: its default cell style, for its cells without a style of their own."""
        self.row_width = self.width(attributes(attrs).get(b"default-cell-style-name")) if b"default" in attrs else 0

    def place(self, info: _SheetCells, attrs: bytes, rows: range, columns: range) -> None:
        """Note the cells ``rows`` x ``columns`` (0-based) of a cell whose start tag has ``attrs``
        in ``info`` when they show a percentage, a date or a padded number."""
        kind = _KIND.search(attrs)
        if kind is None or (kind.group(1) == b"float" and not self.padding):
            return  # most cells: text, or numbers where no format pads them
        if kind.group(1) == b"float":
            style = _STYLE_NAME.search(attrs)
            if style is not None:
                width = self.width(style.group(1) or style.group(2))
            elif self.row_width:
                width = self.row_width
            else:
                width = next((w for first, last, w in self.columns if first <= columns.start <= last), 0)
            if not width:
                return
            cells = info.padded_cells.setdefault(width, [])
        else:
            cells = info.percent_cells if kind.group(1) == b"percentage" else info.date_cells
        cells.extend((row + 1, col + 1) for row in rows for col in columns)


def sheet_name(raw: bytes) -> str:
    """A sheet's name as written in its ``table:name`` (XML entities and UTF-8 decoded)."""
    return html.unescape(raw.decode("utf-8", "replace"))
