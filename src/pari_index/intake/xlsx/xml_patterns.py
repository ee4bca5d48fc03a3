"""Patterns over the XML of a workbook's parts, and the cutting of a streamed part into pieces that
each end after a cell (or a shared string), so that no cell is split between two pieces."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from pari_index.errors import Problem
from pari_index.intake.xlsx.limits import _DAMAGED_HINT, MAX_XML_RUN_BYTES, _Refused

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"^([A-Z]+)([0-9]+)$")
#: A cell value (any namespace prefix) that calamine's text would round: more than 9 decimals, or
#: an exponent. Bounded: no backtracking across elements.
_FINE_NUMBER = re.compile(rb"<(?:[A-Za-z0-9_]{1,20}:)?v>\s{0,5}(?:-?[0-9]{0,20}\.[0-9]{10}|[-+.0-9]{0,40}[eE])")


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
#: Elements of a sheet outside its cells that a sheet may hold by the hundred thousand after its
#: cells: a rule checking or colouring a cell, a link, an ignored error, a page break, a protected
#: range, a sparkline (the x14 forms in an extLst too). pari's own fill-in form writes a
#: validation rule on each cell to fill, 31.8 MB of them after the cells for 1,200 communes.
_AFTER_CELLS = (
    rb"(?:dataValidations?|conditionalFormatting|cfRule|hyperlinks?|ignoredErrors?|brk|protectedRanges?|sparkline)"
)
#: Where a sheet's XML may be cut into pieces: after a cell, a row (a sheet of a million empty
#: ``<row r="…"/>`` elements, as some generators write, has no cell end for megabytes), a merged
#: range or one of the elements above. None of these can lie inside a cell, so no cell is ever
#: split; a sheet whose validation rules ran past MAX_XML_RUN_BYTES without one was refused as
#: damaged (pari's own form for 400 communes, limits29).
_SHEET_PIECE_END = re.compile(
    rb"</" + _PREFIX + rb"(?:c|row|sheetData|" + _AFTER_CELLS + rb")\s*>"
    rb"|<" + _PREFIX + rb"(?:row|mergeCell|" + _AFTER_CELLS + rb")(?:\s[^<>]*)?/>"
)
#: A row or column start tag (``<row r="5" hidden="1">``, ``<col min="3" max="4" hidden="1"/>``):
#: the local name and the attributes (looked at only where a part says ``hidden``).
_ROW_OR_COLUMN_START = re.compile(rb"<" + _PREFIX + rb"(row|col)(?=[\s/>])([^<>]*)>")
#: One attribute of a tag, looked for only where a name begins (the lookbehind: a match begun
#: inside a name would have been found from its first letter). Tried at each letter, a tag with a
#: name of 40,000 letters and no ``=`` took 17 CPU s (quadratic) in a workbook of 2 KB (limits31).
_ATTR = re.compile(rb"(?<![^\s<>/=\"'])(" + _ATTR_NAME + rb")\s*=\s*(?:\"([^\"<]*)\"|'([^'<]*)')")
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
        #: A row's end right after a cell with content.
        self.content_row_end = self.cell_close + b"</" + prefix + b"row>"
        #: The ends of a cell closed with no value in it: an empty ``<v></v>`` (what Excel saves for
        #: a formula whose result is the empty text, ``=IF(A2="","",…)`` filled down below a
        #: table), a last child closed on itself (``<v/>``, a shared formula's ``<f … />``), a
        #: formula without a saved result (``</f></c>``). Counted in C where a part has formulas.
        self.empty_cell_ends = (
            b"<" + prefix + b"v></" + prefix + b"v>" + self.cell_close,
            b"/>" + self.cell_close,
            b"</" + prefix + b"f>" + self.cell_close,
        )
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
    """Whether a formula cell (its bytes from its start tag) holds a saved result."""
    value = _VALUE_IN.search(cell)
    if value is None:
        return False
    formula = _FORMULA_START.search(cell)
    return bool(value.group(1).strip()) or _text_result(cell, 0, formula.start() if formula else len(cell))


def _text_result(part: bytes, start: int, end: int) -> bool:
    """Whether the cell start tag in ``part[start:end]`` says its formula's result is text
    (``t="str"``): then an empty ``<v></v>`` is a saved result, the empty text (what Excel saves
    for ``=IF(A2="","",…)`` filled down below a table), not a formula never calculated."""
    kind = _TYPE_ATTR.search(part, start, end)
    return kind is not None and kind.group(1) == b"str"


def _run_params(where: str, size: int) -> dict[str, object]:
    """The parameters of a run of XML without a cell's end in ``where`` ("sheet NAME", "sheet" or a
    part's name), for its words in either language (messages: PARAM_WORDS["damage"])."""
    if where == "sheet":
        return {"damage": "run_a_sheet", "size": size}
    if where.startswith("sheet "):
        return {"damage": "run_sheet", "sheet_name": where.removeprefix("sheet "), "size": size}
    return {"damage": "run", "part": where, "size": size}


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
                    params=_run_params(where, len(carry)),
                )
            )
    if carry:
        yield carry
