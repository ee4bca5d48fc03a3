"""Reading Excel workbooks (.xlsx and friends) as sheets of strings.

calamine (through fastexcel) reads the values; a scan of the sheet XML adds what calamine does not
tell: where the used range starts, Excel error cells, formulas without a saved result, merged cells
and percent-formatted numbers.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import html
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import polars as pl

from pari_index.errors import IntakeError, Problem
from pari_index.intake.tables import IGNORED_SHEETS, ReadResult, Sheet, frame_from_grid
from pari_index.intake.values import format_exact, parse_exact
from pari_index.limits import env_limit

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"^([A-Z]+)([0-9]+)$")

# --------------------------------------------------------------------------------------------
# Limits. calamine (through fastexcel) cannot be limited: it inflates every part it reads and
# builds a dense grid from the top-left to the bottom-right value of each sheet. So everything it
# will allocate is measured here first, from the zip directory and a streamed scan of the XML,
# and a workbook over a limit is refused before calamine opens it. docs/limits.md lists each.

#: Members in the zip package (a workbook has a few dozen).
MAX_XLSX_MEMBERS = 10_000
#: Bytes of all members once inflated (PARI_MAX_XLSX_BYTES).
MAX_XLSX_BYTES = 512 * 1024**2
#: Inflated / compressed size of one member above 1 MiB (PARI_MAX_XLSX_RATIO). Real sheets
#: compress 5-20 times; Apache POI refuses above 100 too.
MAX_XLSX_RATIO = 100
RATIO_FLOOR_BYTES = 1024**2
#: Cells of the dense grid calamine builds for one sheet: rows x columns of its used range
#: (PARI_MAX_XLSX_CELLS). About 60 bytes a cell in calamine and fastexcel.
MAX_XLSX_CELLS = 5_000_000
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
#: A cell value (any namespace prefix) that calamine's text would round: more than 9 decimals, or
#: an exponent. Bounded: no backtracking across elements.
_FINE_NUMBER = re.compile(rb"<(?:[A-Za-z0-9_]{1,20}:)?v>\s{0,5}(?:-?[0-9]{0,20}\.[0-9]{10}|[-+.0-9]{0,40}[eE])")


@dataclass(frozen=True)
class XlsxLimits:
    """The limits in force for one read: module defaults, raised (or lowered) by environment
    variables a user can set for one run."""

    total_bytes: int = MAX_XLSX_BYTES
    ratio: int = MAX_XLSX_RATIO
    cells: int = MAX_XLSX_CELLS
    columns: int = MAX_XLSX_COLUMNS
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
            strings=read("PARI_MAX_XLSX_STRINGS", MAX_SHARED_STRINGS),
            text_bytes=read("PARI_MAX_XLSX_TEXT_BYTES", MAX_XLSX_TEXT_BYTES),
        )


def _quote(text: str | bytes) -> str:
    """A value for a message, cut to a readable length (a cell can hold megabytes)."""
    if isinstance(text, bytes):
        text = text[: QUOTE_CHARS * 4].decode("utf-8", "replace")
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + f"… ({len(text):,} characters)"


class _Refused(Exception):
    """A limit was passed: the workbook is refused with this problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class _SheetCells:
    """What the scan of one sheet's XML found (all 1-based rows and columns): the used range
    (cells with content; calamine leaves empty ones out), Excel error cells, formulas without a
    saved result, merged cells and percent-formatted numbers."""

    #: Where calamine's range starts: the first cell with content.
    first_row: int = 1
    first_col: int = 1
    #: The box around every cell, empty ones too (a bound on calamine's range).
    min_row: int = 0
    min_col: int = 0
    last_row: int = 0
    last_col: int = 0
    #: Cells with content, and all cell tags (calamine holds each before it builds the grid).
    filled: int = 0
    cells: int = 0
    dimension: str | None = None
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    formulas: list[tuple[int, int, str]] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    percent_cells: list[tuple[int, int]] = field(default_factory=list)
    #: A number stored with more than 9 decimals or an exponent: calamine's text of it rounds
    #: (see _numbers_as_stored), so the sheet is read once more as floats.
    fine_numbers: bool = False
    #: Findings past MAX_CELL_FINDINGS, by kind: counted, not listed.
    more: dict[str, int] = field(default_factory=dict)

    @property
    def grid_cells(self) -> int:
        if not self.last_row:
            return 0
        return (self.last_row - self.min_row + 1) * (self.last_col - self.min_col + 1)


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


@functools.lru_cache(maxsize=4096)
def _column_bytes(letters: bytes) -> int:
    return _column_number(letters.decode("ascii"))


def _column_letters(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Patterns over sheet XML. Every repeat is bounded by '<' or '>' (which cannot occur inside a tag
# or a text), so each match attempt stops at the next tag: the scan is linear in the size of the
# XML, whatever it holds. Element and attribute names may carry any namespace prefix (<x:c>), as
# calamine matches local names.
_PREFIX = rb"(?:[^\s<>/:=\"']+:)?"
_ATTR_NAME = rb"[^\s<>/=\"']+"
_ATTR_VALUE = rb"(?:\"[^\"<]*\"|'[^'<]*')"
_OTHER_ATTR = rb"\s+(?!r\s*=)" + _ATTR_NAME + rb"\s*=\s*" + _ATTR_VALUE
#: A cell start tag with a well-formed r="B3" attribute: column letters, row, "/" when self-closing.
_CELL_WITH_REF = re.compile(
    rb"<" + _PREFIX + rb"c(?:" + _OTHER_ATTR + rb")*\s+r\s*=\s*([\"'])([A-Za-z]{1,3})([0-9]{1,7})\1"
    rb"(?:" + _OTHER_ATTR + rb")*\s*(/?)>"
)
#: Any cell start tag, to check that every one has such a reference.
_CELL_START = re.compile(rb"<" + _PREFIX + rb"c[\s/>]")
#: A row or cell tag (start, end or empty): "/" for an end tag, the local name, the attributes.
_ROW_OR_CELL_TAG = re.compile(rb"<(/?)" + _PREFIX + rb"(row|c)(?=[\s/>])([^<>]*)>")
_PREFIXED_CELL_START = re.compile(rb"<[^\s<>/:=\"']+:c[\s/>]")
_CELL_END = re.compile(rb"</" + _PREFIX + rb"c\s*>")
_ATTR = re.compile(rb"(" + _ATTR_NAME + rb")\s*=\s*(?:\"([^\"<]*)\"|'([^'<]*)')")
_ERROR_TYPE = re.compile(rb"t=[\"']e[\"']")
_FORMULA_START = re.compile(rb"<" + _PREFIX + rb"f[\s/>]")
_SHARED_ITEM = re.compile(rb"<" + _PREFIX + rb"si[\s>]")
_SHARED_ITEM_END = re.compile(rb"</" + _PREFIX + rb"si\s*>")
_ANY_TAG = re.compile(rb"<[^<>]*>")
_FULL_REF = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,7})")
#: A row or cell tag's r attribute written first, as everyone writes it.
_PLAIN_REF = re.compile(rb" r=\"([^\"<>]*)\"")
_SPACES = (b" ", b"\t", b"\n", b"\r")
_TYPE_ATTR = re.compile(rb"\st\s*=\s*[\"']([^\"'<>]*)[\"']")
_NOT_A_VALUE_TYPES = {b"s", b"str", b"inlineStr", b"e", b"b"}


def _attributes(attrs: bytes) -> dict[bytes, bytes]:
    """Attributes of one tag (entities are not expanded: calamine reads r, s and t raw too)."""
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(attrs)}


def _text_chars(xml: bytes) -> int:
    """Characters of the text in an XML fragment (tags dropped, entities expanded)."""
    return len(html.unescape(_ANY_TAG.sub(b"", xml).decode("utf-8", "replace")))


def _last_end(pattern: re.Pattern[bytes], data: bytes) -> int:
    """End of the last match of ``pattern`` in ``data`` (0 if none), searching back from the end
    in growing windows so a long sheet is not searched from its start."""
    window = 1 << 16
    while True:
        start = max(0, len(data) - window)
        last = 0
        for match in pattern.finditer(data, start):
            last = match.end()
        if last or start == 0:
            return last
        window *= 4


def _last_match(pattern: re.Pattern[bytes], data: bytes) -> re.Match[bytes] | None:
    last = None
    for last in pattern.finditer(data):  # noqa: B007 - the last one is wanted
        pass
    return last


def _stream(package: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> Iterator[bytes]:
    """A member's bytes in chunks, counted against the budget as they are inflated, so a member
    whose header understates its size cannot get past the limits."""
    budget.streamed.add(info.filename)
    with package.open(info) as member:
        while chunk := member.read(_CHUNK):
            budget.spend(len(chunk), info.filename)
            yield chunk


def _inflate_the_rest(package: zipfile.ZipFile, budget: _Budget) -> None:
    """Inflate every part not yet read, counting its bytes and checking its checksum: a part
    whose zip header understates its size (which calamine's zip reader may not notice) is
    caught here, whichever part calamine reads."""
    for info in package.infolist():
        if info.filename not in budget.streamed and not info.is_dir():
            for _ in _stream(package, info, budget):
                pass


@dataclass
class _Budget:
    """Inflated bytes and string text spent so far, against the limits."""

    file: str
    limits: XlsxLimits
    inflated: int = 0
    text: int = 0
    streamed: set[str] = field(default_factory=set)

    def spend(self, size: int, member: str) -> None:
        self.inflated += size
        if self.inflated > self.limits.total_bytes:
            raise _Refused(
                Problem(
                    "xlsx-too-large",
                    f"the workbook inflates to more than {self.limits.total_bytes:,} bytes (at {member})",
                    file=self.file,
                    hint="split the workbook, or raise PARI_MAX_XLSX_BYTES if it is genuine",
                )
            )

    def spend_text(self, size: int, where: str, sheet: str | None = None) -> None:
        self.text += size
        if self.text > self.limits.text_bytes:
            raise _Refused(
                Problem(
                    "xlsx-too-much-text",
                    f"the workbook's texts pass {self.limits.text_bytes:,} bytes (at {where})",
                    file=self.file,
                    sheet=sheet,
                    hint="split the workbook, or raise PARI_MAX_XLSX_TEXT_BYTES if it is genuine",
                )
            )


def _check_package(package: zipfile.ZipFile, file: str, limits: XlsxLimits) -> None:
    """Limits read from the zip directory, before anything is inflated."""
    infos = package.infolist()

    def refuse(code: str, message: str, hint: str) -> _Refused:
        return _Refused(Problem(code, message, file=file, hint=hint))

    if len(infos) > MAX_XLSX_MEMBERS:
        raise refuse(
            "xlsx-too-many-parts",
            f"the package holds {len(infos):,} parts (at most {MAX_XLSX_MEMBERS:,} are read)",
            "open it in Excel and save it again, or export CSV (UTF-8)",
        )
    counts = collections.Counter(info.filename for info in infos)
    if len(counts) != len(infos):
        duplicated = next(name for name, count in counts.items() if count > 1)
        raise refuse(
            "xlsx-damaged",
            f"the package holds two parts named {_quote(duplicated)}",
            "open it in Excel and save it again, or export CSV (UTF-8)",
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise refuse(
                "xlsx-compression-ratio",
                f"the part {_quote(info.filename)} inflates {info.file_size // max(info.compress_size, 1):,} times "
                f"(from {info.compress_size:,} to {info.file_size:,} bytes; at most {limits.ratio} times is read)",
                "this is what a zip bomb looks like; if the file is genuine, raise PARI_MAX_XLSX_RATIO",
            )
    if total > limits.total_bytes:
        raise refuse(
            "xlsx-too-large",
            f"the workbook inflates to {total:,} bytes (at most {limits.total_bytes:,} are read)",
            "split the workbook, or raise PARI_MAX_XLSX_BYTES if it is genuine",
        )


def _member(package: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    """The part calamine opens for ``name``: matched without regard to case, as it does."""
    wanted = name.lower()
    for info in package.infolist():
        if info.filename.lower() == wanted:
            return info
    return None


def _read_part(package: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> bytes:
    """A small part (workbook, relationships, styles) read whole, within MAX_PART_BYTES."""
    parts: list[bytes] = []
    size = 0
    for chunk in _stream(package, info, budget):
        size += len(chunk)
        if size > MAX_PART_BYTES:
            raise _Refused(
                Problem(
                    "xlsx-too-large",
                    f"the part {_quote(info.filename)} is over {MAX_PART_BYTES:,} bytes",
                    file=budget.file,
                    hint="open it in Excel and save it again, or export CSV (UTF-8)",
                )
            )
        parts.append(chunk)
    return b"".join(parts)


def _sheet_members(package: zipfile.ZipFile, budget: _Budget) -> list[tuple[str, zipfile.ZipInfo]]:
    """(sheet name, part) for each sheet of the workbook, found as calamine finds them."""
    workbook_info = _member(package, "xl/workbook.xml")
    rels_info = _member(package, "xl/_rels/workbook.xml.rels")
    if workbook_info is None or rels_info is None:
        return []
    workbook = ElementTree.fromstring(_read_part(package, workbook_info, budget))
    rels = ElementTree.fromstring(_read_part(package, rels_info, budget))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter() if r.tag.endswith("Relationship")}
    found: list[tuple[str, zipfile.ZipInfo]] = []
    for sheet in workbook.iter():
        if not sheet.tag.endswith("}sheet") and sheet.tag != "sheet":
            continue
        # r:id in the transitional or the strict relationships namespace (calamine reads either)
        rel_id = next((value for key, value in sheet.attrib.items() if key.endswith("}id")), None)
        target = targets.get(rel_id, "")
        # calamine: "/xl/..." and "xl/..." are taken as they are, anything else is under xl/.
        member = target[1:] if target.startswith("/xl/") else target if target.startswith("xl/") else "xl/" + target
        info = _member(package, member) or _member(package, posixpath.normpath(member))
        if info is not None:
            found.append((sheet.get("name", ""), info))
    return found


def _percent_styles(styles_xml: bytes) -> set[int]:
    """Indexes of the cell styles (cellXfs) whose number format shows a percentage."""
    try:
        root = ElementTree.fromstring(styles_xml)
    except ElementTree.ParseError:
        return set()
    percent_ids = set(_BUILTIN_PERCENT_FORMATS)
    for fmt in root.iter(f"{_NS_MAIN}numFmt"):
        code = re.sub(r'"[^"]*"|\\.', "", fmt.get("formatCode", ""))  # % inside quotes is text
        if "%" in code:
            with contextlib.suppress(ValueError):
                percent_ids.add(int(fmt.get("numFmtId", "-1")))
    xfs = root.find(f"{_NS_MAIN}cellXfs")
    if xfs is None:
        return set()
    styles: set[int] = set()
    for i, xf in enumerate(xfs.findall(f"{_NS_MAIN}xf")):
        with contextlib.suppress(ValueError):
            if int(xf.get("numFmtId", "0")) in percent_ids:
                styles.add(i)
    return styles


#: Excel's built-in percent number formats (0% and 0.00%).
_BUILTIN_PERCENT_FORMATS = {9, 10}


class _NeedsPositions(Exception):
    """A cell without a plain r="B3" reference: the sheet is scanned again tag by tag."""


_VALUE_IN = re.compile(rb"<" + _PREFIX + rb"v(?:\s[^<>]*)?>([^<]*)<")
_FORMULA_TEXT = re.compile(rb"<" + _PREFIX + rb"f(?:\s[^<>]*)?>([^<]*)<")
_LONG_SEGMENT = 256


class _Patterns:
    """Patterns for one sheet's namespace prefix (b"" or b"x:"). Each begins with a literal, so
    Python's regex engine jumps between candidates instead of trying every byte."""

    def __init__(self, prefix: bytes) -> None:
        p = re.escape(prefix)
        self.prefix = prefix
        self.cell_close = b"</" + prefix + b"c>"
        #: A cell start tag written otherwise: no attributes, or whitespace other than one space.
        self.odd_cell_start = re.compile(rb"<" + p + rb"c[>/\t\n\r]")
        #: Every "<c " start, with its reference when written as Excel writes it (r first), else b"".
        self.ref = re.compile(rb"<" + p + rb"c (?:r=\"([A-Za-z]{1,3}[0-9]{1,7})\")?")
        self.ref_at = re.compile(rb"<" + p + rb"c r=\"([A-Za-z]{1,3})([0-9]{1,7})\"")
        #: The first cell with content (not self-closing): column, row.
        self.content_cell = re.compile(rb"<" + p + rb"c r=\"([A-Za-z]{1,3})([0-9]{1,7})\"[^<>/]*>")
        self.formula = re.compile(rb"<" + p + rb"f[\s/>]")
        self.merge = re.compile(rb"<" + p + rb"mergeCell\s[^<>]*?\bref\s*=\s*[\"']([^\"'<>]{1,40})[\"']")
        self.dimension = re.compile(rb"<" + p + rb"dimension\s[^<>]*?\bref\s*=\s*[\"']([^\"'<>]{1,40})[\"']")


_ROOT = re.compile(rb"<([^\s<>/:=\"'!?]+:)?(?:worksheet|chartsheet|dialogsheet)[\s/>]")
_DIGITS = b"0123456789"
_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ERROR_MARKERS = (b't="e"', b"t='e'")


class _SheetScan:
    """A linear scan of one sheet's XML, fed in parts that each end just after a ``</c>``.

    Normally every cell start tag is ``<c r="B3" ...>`` (Excel, openpyxl and xlsxwriter all write
    it so), and the used range comes from one pattern run in C over the part. A sheet with any
    other cell start (no reference, attributes in another order, another namespace prefix) is
    scanned again ``by_tag``, following calamine's rules: a cell without a reference takes the
    next column of the current row; a ``<row>`` without one follows the previous row. Both
    count a self-closing (empty) cell in the range, as a bound: calamine leaves it out.
    """

    def __init__(self, sheet: str, budget: _Budget, percent_styles: set[int], *, by_tag: bool) -> None:
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
        self.percent_ids = b"|".join(str(i).encode() for i in sorted(percent_styles))
        self.percent: re.Pattern[bytes] | None = None
        self.percent_cell: re.Pattern[bytes] | None = None
        self.positions: dict[int, tuple[int, int]] = {}
        self.closes = 0

    def refuse(self, code: str, message: str, hint: str, row: int | None = None) -> _Refused:
        return _Refused(Problem(code, message, file=self.budget.file, sheet=self.sheet, row=row, hint=hint))

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
        self.info.cells += len(refs)
        if not refs:
            return
        # Rows and column letters of every reference, split apart in C: "A8 B8" -> "8 8", "A B".
        joined = b" ".join(refs)
        rows = list(map(int, set(joined.translate(None, _LETTERS).split())))
        columns = [_column_number(col.decode()) for col in set(joined.translate(None, _DIGITS).split())]
        self._extend(min(rows), max(rows), min(columns), max(columns))

    def _positions_by_tag(self, part: bytes) -> None:
        self.positions = {}
        for match in _ROW_OR_CELL_TAG.finditer(part):
            end, name, attrs = match.groups()
            if name == b"row":
                self._row_tag(end, attrs)
            elif name == b"c" and not end:
                row, col = self._cell_tag(attrs)
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
                    raise self.refuse("bad-cell-reference", f"a row is numbered {_quote(ref)}", _DAMAGED_HINT)
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
            )
        plain = _PLAIN_REF.match(attrs)
        ref = plain.group(1) if plain else _attributes(attrs).get(b"r")
        if ref is None:
            row, col = self.row_index, self.col_index
        else:
            parsed = _FULL_REF.fullmatch(ref)
            if parsed is None:
                raise self.refuse("bad-cell-reference", f"a cell is at {_quote(ref)}", _DAMAGED_HINT)
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
            if self.percent_ids:
                ids = rb"(?:" + self.percent_ids + rb")"
                self.percent = re.compile(rb"s=[\"']" + ids + rb"[\"']")
                self.percent_cell = re.compile(
                    rb"<"
                    + re.escape(self.patterns.prefix)
                    + rb"c r=\"([A-Za-z]{1,3})([0-9]{1,7})\" s=\""
                    + ids
                    + rb"\"(?: t=\"([^\"<>]*)\")?"
                )
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
        if self.percent is not None:
            self._percent_cells(part, pt)
        if not self.info.fine_numbers and _FINE_NUMBER.search(part):
            self.info.fine_numbers = True
        if any(marker in part for marker in _ERROR_MARKERS):
            self._error_cells(part)
        if b"<" + pt.prefix + b"f" in part:
            self._formulas(part, pt)
        if b"mergeCell" in part:
            for ref in pt.merge.findall(part):
                self._note(self.info.merged, "merged-cells", ref.decode("ascii", "replace"))

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
            self.budget.spend_text(sum(n for n in lengths if n > _LONG_SEGMENT), f"sheet {self.sheet}", self.sheet)
        if _far_apart(part, pt.cell_close):
            for segment in part.split(pt.cell_close):
                if len(segment) > MAX_CELL_CHARS:
                    self._check_long_cells(segment)

    def _check_long_cells(self, segment: bytes) -> None:
        starts = [m.start() for m in _CELL_START.finditer(segment)]
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
            if value is not None and value.group(1).strip():
                continue  # saved with its result
            position = self._position(part, tag_start, tag_end - 1)
            if position is None:
                continue
            text = _FORMULA_TEXT.match(part, match.start())
            formula = html.unescape(text.group(1).decode("utf-8", "replace")) if text else ""
            self.info.formulas.append((position[0], position[1], _quote(formula)))
        return None

    def _count_more_formulas(self, part: bytes, pos: int) -> None:
        # Past the listed ones, only counted: formulas in cells whose <v> is empty or missing.
        cells = _CELL_END.split(part[pos:])
        unsaved = sum(1 for c in cells if _FORMULA_START.search(c) and not _has_value(c))
        self.info.more["formula-without-value"] = self.info.more.get("formula-without-value", 0) + unsaved

    def _percent_cells(self, part: bytes, pt: _Patterns) -> None:
        assert self.percent is not None and self.percent_cell is not None
        if not self.by_tag:
            # Cells written as Excel writes them (r, s, t in that order) in one pass.
            found = self.percent_cell.findall(part)
            if len(found) == len(self.percent.findall(part)):
                self.info.percent_cells += [
                    (int(row), _column_bytes(col)) for col, row, kind in found if kind not in _NOT_A_VALUE_TYPES
                ]
                return
        for match in self.percent.finditer(part):
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
                self.info.percent_cells.append(position)


def _far_apart(part: bytes, close: bytes, window: int = 16_384) -> bool:
    """Whether two consecutive ``close`` lie 1.5 windows (24 KB) or more apart somewhere in the
    part: one find per half window, each stopping at the first close it meets."""
    for start in range(0, max(1, len(part) - window + 1), window // 2):
        if part.find(close, start, start + window) < 0:
            return True
    return False


def _other_prefix_cells(part: bytes, pt: _Patterns) -> bool:
    """Whether the part may hold a cell start tag with a namespace prefix other than the sheet's
    own (calamine reads <y:c> as a cell whatever y is). Counting ":c" is fast; the pattern runs
    only when the count does not add up (a ":c" in a text, or another prefix)."""
    own = part.count(b"<" + pt.prefix + b"c") + part.count(b"</" + pt.prefix + b"c") if pt.prefix.endswith(b":") else 0
    if part.count(b":c") == own:
        return False
    return (
        any(not m.group(0).startswith(b"<" + pt.prefix) for m in _CELL_START.finditer(part))
        if pt.prefix
        else (_PREFIXED_CELL_START.search(part) is not None)
    )


def _has_value(cell: bytes) -> bool:
    value = _VALUE_IN.search(cell)
    return value is not None and bool(value.group(1).strip())


_DAMAGED_HINT = "this file was not written by Excel; open it in Excel and save it again, or export CSV (UTF-8)"
_TOO_LARGE_HINT = "split the sheet, or raise PARI_MAX_XLSX_CELLS if it is genuine"


def _parts(chunks: Iterator[bytes], end: re.Pattern[bytes], file: str, where: str) -> Iterator[bytes]:
    """Re-cut a stream of XML chunks into parts that each end just after ``end`` (a cell or
    string end), so no cell is split between two parts."""
    carry = b""
    for chunk in chunks:
        data = carry + chunk if carry else chunk
        cut = _last_end(end, data)
        if cut:
            yield data[:cut]
        carry = data[cut:]
        if len(carry) > MAX_XML_RUN_BYTES:
            raise _Refused(
                Problem(
                    "xlsx-damaged",
                    f"{where}: {len(carry):,} bytes of XML without the end of a cell",
                    file=file,
                    hint=_DAMAGED_HINT,
                )
            )
    if carry:
        yield carry


def _scan_sheet_member(
    package: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: str, budget: _Budget, percent_styles: set[int]
) -> _SheetCells:
    scan = _SheetScan(sheet, budget, percent_styles, by_tag=False)
    try:
        for part in _parts(_stream(package, info, budget), _CELL_END, budget.file, f"sheet {sheet}"):
            scan.feed(part)
            _check_sheet(scan.info, sheet, budget.file, budget.limits, final=False)
    except _NeedsPositions:
        # Read again without counting: the bytes were counted on the first pass.
        uncounted = _Budget(budget.file, XlsxLimits(total_bytes=2**62, text_bytes=2**62))
        scan = _SheetScan(sheet, budget, percent_styles, by_tag=True)
        for part in _parts(_stream(package, info, uncounted), _CELL_END, budget.file, f"sheet {sheet}"):
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

    def refuse(code: str, message: str, hint: str) -> _Refused:
        return _Refused(Problem(code, message, file=file, sheet=sheet, row=info.last_row, hint=hint))

    if grid > SPARSE_FLOOR_CELLS and grid > MAX_SPARSE_RATIO * info.filled:
        raise refuse(
            "sheet-too-sparse",
            f"the used range {used} spans {grid:,} cells for {info.filled:,} with content",
            "delete the stray cells far from the table (the last row or column of the range), then save",
        )
    if width > limits.columns:
        raise refuse(
            "sheet-too-wide",
            f"the used range {used} is {width:,} columns wide (at most {limits.columns:,} are read)",
            "delete the unused columns, or raise PARI_MAX_XLSX_COLUMNS if they are genuine",
        )
    if info.cells > limits.cells:  # the same cell written over and over: a small grid, a long list
        raise refuse(
            "sheet-too-large",
            f"the sheet holds {info.cells:,} cells (at most {limits.cells:,} are read)",
            _TOO_LARGE_HINT,
        )
    if grid > limits.cells:
        raise refuse(
            "sheet-too-large",
            f"the used range {used} spans {grid:,} cells (at most {limits.cells:,} are read)",
            _TOO_LARGE_HINT,
        )


def _scan_shared_strings(package: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> None:
    """The shared strings calamine loads whole: their number, each one's length, their bytes."""
    count = 0
    for part in _parts(_stream(package, info, budget), _SHARED_ITEM_END, budget.file, "sharedStrings.xml"):
        budget.spend_text(len(part), "sharedStrings.xml")
        segments = _SHARED_ITEM_END.split(part)
        if max(map(len, segments)) > MAX_CELL_CHARS:
            for index, segment in enumerate(segments):
                item = _last_match(_SHARED_ITEM, segment)
                if item is not None and len(segment) > MAX_CELL_CHARS:
                    chars = _text_chars(segment[item.start() :])
                    if chars > MAX_CELL_CHARS:
                        raise _Refused(
                            Problem(
                                "cell-too-long",
                                f"shared string {count + index + 1:,} holds {chars:,} characters "
                                f"(Excel's limit is {MAX_CELL_CHARS:,})",
                                file=budget.file,
                                hint="this file was not written by Excel; shorten the text or export CSV (UTF-8)",
                            )
                        )
        count += len(_SHARED_ITEM.findall(part))
        if count > budget.limits.strings:
            raise _Refused(
                Problem(
                    "too-many-strings",
                    f"sharedStrings.xml holds more than {budget.limits.strings:,} strings",
                    file=budget.file,
                    hint="split the workbook, or raise PARI_MAX_XLSX_STRINGS if it is genuine",
                )
            )


def _scan_workbook(package: zipfile.ZipFile, budget: _Budget) -> dict[str, _SheetCells]:
    """Every part calamine will read, measured: sheets, shared strings, styles."""
    sheets = _sheet_members(package, budget)
    styles = _member(package, "xl/styles.xml")
    percent_styles = _percent_styles(_read_part(package, styles, budget)) if styles is not None else set()
    for shared in package.infolist():  # calamine matches the name without regard to case
        if shared.filename.lower() == "xl/sharedstrings.xml":
            _scan_shared_strings(package, shared, budget)
    found: dict[str, _SheetCells] = {}
    scanned: dict[str, _SheetCells] = {}
    for name, info in sheets:
        if info.filename not in scanned:
            scanned[info.filename] = _scan_sheet_member(package, info, name, budget, percent_styles)
        found[name] = scanned[info.filename]
    # Sheet parts the workbook does not list are measured too, in case calamine finds one that
    # this scan did not resolve.
    for info in package.infolist():
        lower = info.filename.lower()
        if lower.startswith("xl/worksheets/") and lower.endswith(".xml") and info.filename not in scanned:
            scanned[info.filename] = _scan_sheet_member(package, info, info.filename, budget, percent_styles)
    return found


def _prescan(path: Path, file: str, limits: XlsxLimits) -> dict[str, _SheetCells]:
    """Measure a workbook before calamine opens it; raises _Refused over a limit. A file that is
    not a zip package (.xls) is left to calamine."""
    try:
        package = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        return {}
    except OSError as exc:
        raise _Refused(Problem("file-unreadable", f"cannot read the file: {exc.strerror}", file=file)) from None
    with package:
        try:
            _check_package(package, file, limits)
            budget = _Budget(file, limits)
            found = _scan_workbook(package, budget) if _member(package, "xl/workbook.xml") else {}
            _inflate_the_rest(package, budget)  # for .ods and .xlsb, only the package limits apply
            return found
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
            message = f"the package cannot be read ({type(exc).__name__}: {_quote(str(exc))})"
        except ElementTree.ParseError as exc:
            message = f"the workbook's XML cannot be read ({_quote(str(exc))})"
        except OSError as exc:
            message = f"cannot read the file: {exc.strerror}"
    raise _Refused(Problem("xlsx-damaged", message, file=file, hint=_DAMAGED_HINT))


def _scan_sheet_xml(data: bytes, percent_styles: set[int] | None = None) -> _SheetCells:
    """Scan one sheet's XML held in memory (for tests): the same scan as a workbook's sheets,
    without limits."""
    budget = _Budget("sheet.xml", XlsxLimits(total_bytes=2**62, text_bytes=2**62, cells=2**62, columns=2**62))
    chunks = [data[i : i + _CHUNK] for i in range(0, len(data), _CHUNK)]
    try:
        scan = _SheetScan("sheet", budget, percent_styles or set(), by_tag=False)
        for part in _parts(iter(chunks), _CELL_END, budget.file, "sheet"):
            scan.feed(part)
    except _NeedsPositions:
        scan = _SheetScan("sheet", budget, percent_styles or set(), by_tag=True)
        for part in _parts(iter(chunks), _CELL_END, budget.file, "sheet"):
            scan.feed(part)
    return scan.info


def _ref_row(ref: str) -> int | None:
    match = _CELL_REF.match(ref.split(":")[0])
    return int(match.group(2)) if match else None


def _cell_problems(info: _SheetCells, sheet: Sheet | None, file: str, name: str) -> list[Problem]:
    """Problems for error cells, unsaved formulas and merged cells of one sheet."""
    headers = list(sheet.original_headers) if sheet is not None else []

    def header(col: int) -> str | None:
        index = col - info.first_col
        return headers[index] if 0 <= index < len(headers) else None

    problems: list[Problem] = []
    for row, col, code in info.errors:
        problems.append(
            Problem(
                "excel-error-cell",
                f"the cell holds the Excel error {code}; it was not read",
                file=file,
                sheet=name,
                row=row,
                field=header(col),
                hint="correct the formula or type the value; error values cannot be scored",
                params={"code": code},
            )
        )
    for row, col, formula in info.formulas:
        problems.append(
            Problem(
                "formula-without-value",
                f"the cell holds a formula (={formula}) with no saved result; it was read as empty",
                file=file,
                sheet=name,
                row=row,
                field=header(col),
                hint="open the file in Excel and save it (results are stored on saving), or type the value",
                params={"formula": formula},
            )
        )
    for kind, count in info.more.items():
        problems.append(
            Problem(
                kind,
                f"{count:,} more cells like the ones above (only the first {MAX_CELL_FINDINGS:,} are listed)",
                file=file,
                sheet=name,
            )
        )
    for ref in info.merged:
        problems.append(
            Problem(
                "merged-cells",
                f"cells {ref} are merged: only the first holds the value, the others read as empty",
                file=file,
                sheet=name,
                row=_ref_row(ref),
                hint="unmerge the cells and fill the value into each row",
                params={"cells": ref},
            )
        )
    return problems


def _percent_as_shown(grid: pl.DataFrame, info: _SheetCells) -> pl.DataFrame:
    """Percent-formatted numbers times 100, as the sheet shows them (0.943 shown as 94,3 % -> 94.3)."""
    if not info.percent_cells:
        return grid
    by_column: dict[int, list[int]] = {}
    for row, col in info.percent_cells:
        index = col - info.first_col
        if 0 <= index < grid.width and row - info.first_row >= 0:
            by_column.setdefault(index, []).append(row - info.first_row)
    exprs = []
    for index, rows in by_column.items():
        name = grid.columns[index]
        value = pl.col(name).cast(pl.String)
        # x 100 exactly, by moving the decimal point (values.parse_exact reads "0.943e2" as
        # 94.3, at 15 significant digits); a float product would round (0.699999999999 x 100
        # rounded to 8 decimals was 70). A value that cannot be held exactly stays visibly x 100,
        # and is refused with a finding.
        is_number = value.cast(pl.Float64, strict=False).is_not_null()
        exact = parse_exact(value + "e2")
        text = pl.when(exact.is_not_null()).then(format_exact(exact)).otherwise(value + " × 100")
        exprs.append(pl.when(pl.int_range(pl.len()).is_in(rows) & is_number).then(text).otherwise(value).alias(name))
    return grid.with_columns(exprs)


def _numbers_as_stored(texts: pl.DataFrame, numbers: pl.DataFrame) -> pl.DataFrame:
    """The sheet's texts, with each numeric cell that calamine wrote rounded put back as stored.

    calamine writes a number cell as text with at most 9 decimals: 0.123456789012345 becomes
    "0.123456789", 69.9999999999999 "70" and 1e-20 "0", a silent change. ``numbers`` is the
    same sheet read as floats: where a cell's text reads as a number other than its float,
    the float's shortest exact text replaces it (then read at 15 significant digits, see
    values.parse_exact). Text cells are untouched: "007" and "1.10" read as the float they
    show, so they keep their text."""
    if numbers.shape != texts.shape:  # pragma: no cover - both are the same sheet
        return texts
    exprs = []
    for text_name, number_name in zip(texts.columns, numbers.columns, strict=True):
        text = pl.col(text_name).cast(pl.String)
        number = numbers[number_name].cast(pl.Float64)
        as_text = text.cast(pl.Float64, strict=False)
        rounded = as_text.is_not_null() & pl.lit(number).is_not_null() & (as_text != pl.lit(number))
        exprs.append(pl.when(rounded).then(pl.lit(number).cast(pl.String)).otherwise(text).alias(text_name))
    return texts.with_columns(exprs)


def read_excel(path: Path, file: str, header_row: Callable[[pl.DataFrame], int] | None = None) -> ReadResult:
    """Read a workbook's visible sheets as strings. The package and its XML are measured first;
    a workbook over a limit (docs/limits.md) is refused with an IntakeError and never reaches
    calamine, which cannot be limited. ``header_row``: for tables with title rows above the header
    (a decision's annex), the index in the sheet's grid of the header row (0: the first row)."""
    import fastexcel

    limits = XlsxLimits.from_env()
    try:
        cells = _prescan(path, file, limits)
    except _Refused as refused:
        raise IntakeError(refused.problem) from None
    try:
        reader = fastexcel.read_excel(str(path))
    except Exception as exc:  # fastexcel raises its own exception types for unreadable files
        return ReadResult(
            [],
            [
                Problem(
                    "not-a-spreadsheet",
                    f"cannot be opened as a spreadsheet ({type(exc).__name__}: {_quote(str(exc).split(chr(10))[0])})",
                    file=file,
                    hint="save it from Excel as .xlsx, or export CSV (UTF-8)",
                )
            ],
        )
    sheets: list[Sheet] = []
    problems: list[Problem] = []
    for name in reader.sheet_names:
        if name.casefold() in IGNORED_SHEETS:
            continue
        try:
            loaded = reader.load_sheet(name, header_row=None, dtypes="string")
            visible = loaded.visible
            raw = loaded.to_polars()
            if visible == "visible" and raw.height and cells.get(name, _SheetCells()).fine_numbers:
                numbers = reader.load_sheet(name, header_row=None, dtypes="float").to_polars()
                raw = _numbers_as_stored(raw, numbers)
        except Exception as exc:
            problems.append(
                Problem(
                    "sheet-unreadable",
                    f"the sheet cannot be read ({_quote((str(exc) or type(exc).__name__).splitlines()[0])})",
                    file=file,
                    sheet=name,
                )
            )
            continue
        if visible != "visible":
            if raw.height:
                problems.append(
                    Problem(
                        "hidden-sheet",
                        f"the sheet is {visible} and was not read",
                        file=file,
                        sheet=name,
                        hint="unhide it in Excel if it holds data to score",
                    )
                )
            continue
        if raw.height == 0:
            continue
        info = cells.get(name, _SheetCells())
        raw = _percent_as_shown(raw, info)
        skip = header_row(raw) if header_row is not None else 0
        sheet, sheet_problems = frame_from_grid(raw.slice(skip), file, name, info.first_row + skip)
        problems += sheet_problems
        problems += _cell_problems(info, sheet, file, name)
        if sheet is not None:
            sheets.append(sheet)
    if not sheets and not problems:
        problems.append(Problem("empty-file", "the workbook has no data", file=file))
    return ReadResult(sheets, problems)
