"""Lines of a CSV file written with another separator than its header's: two exports put together,
one saved where the list separator is a comma and one where it is a semicolon (a Vietnamese
Windows), or a block pasted from a tab-separated copy. Such a line holds no separator of the
header's kind, so it was read as a row of one cell, its commune code the whole line and nothing to
score: its rows were counted "with nothing to score", the communes shown as having sent nothing,
and the run ended with exit 0."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pari_index.errors import Problem

#: The separators a CSV file may use (csv_input.sniff chooses among them).
SEPARATORS = (",", "\t", ";")
#: Columns a header must have for a line to be judged: with two, one separator of another kind
#: in a cell of text is ordinary.
MIN_HEADER_CELLS = 3


def separator_name(separator: str) -> str:
    """A separator as a message shows it: ``';'``, ``','``, ``Tab``."""
    return "Tab" if separator == "\t" else f"«{separator}»"


def other_separator(data: bytes, delimiter: str, header_cells: int) -> tuple[int, str, int] | None:
    """(line number, separator, how many lines) of the first line that holds at least as many of
    another separator as the header has separators, and fewer of the header's own (so it cannot
    be a row of the header's cells), outside quoted cells; or None. A line written with another
    separator may still hold a few of the header's (a decimal comma in a line of semicolons):
    read, it was a row of two or three cells with nothing to score. The pattern begins at a
    line's start and never backtracks (possessive repeats), so a scan is linear; a separator the
    file does not hold at all costs one search of its bytes."""
    if header_cells < MIN_HEADER_CELLS:
        return None
    wanted, own = header_cells - 1, delimiter.encode()
    for other in SEPARATORS:
        if other == delimiter or other.encode() not in data:
            continue
        o = re.escape(other.encode())
        line = re.compile(rb"^(?:[^\n" + o + rb"]*+" + o + rb"){%d}+[^\n]*+" % wanted, re.MULTILINE)
        short = (found.start() for found in line.finditer(data) if found.group().count(own) < wanted)
        starts = _outside_quotes(data, short)
        first = next(starts, None)
        if first is not None:
            return data.count(b"\n", 0, first) + 1, other, 1 + sum(1 for _ in starts)
    return None


def _outside_quotes(data: bytes, starts: Iterator[int]) -> Iterator[int]:
    """The positions of ``starts`` that lie outside every quoted cell (an even number of quotes
    before them): a line inside a quoted cell of several lines is text, not a row."""
    quotes, counted = 0, 0
    for start in starts:
        quotes += data.count(b'"', counted, start)
        counted = start
        if quotes % 2 == 0:
            yield start


def mixed_separators_problem(line: int, other: str, count: int, delimiter: str, file: str) -> Problem:
    """The file's refusal: the first such line, how many there are, and both separators."""
    shown, header = separator_name(other), separator_name(delimiter)
    return Problem(
        "csv-mixed-separators",
        f"from this line on, {count:,} line(s) are written with the separator {shown}, not {header} as the "
        "header is; each would be read as one cell, with nothing to score",
        file=file,
        row=line,
        params={"count": count, "other": shown, "delimiter": header},
        hint="write those lines with the header's separator, or open the file in Excel and save it again as CSV UTF-8",
    )
