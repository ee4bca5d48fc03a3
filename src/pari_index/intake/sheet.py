"""A sheet read from an input file (:class:`Sheet`, with each row's file, sheet and row number) and
the limits every reader applies to one."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import polars as pl

from pari_index.errors import Problem, quoted
from pari_index.intake.tones import ALIKE_TABLE, y_for_i_bare
from pari_index.intake.values import TEXT_FORMULA
from pari_index.system.limits import env_limit

if TYPE_CHECKING:
    from pari_index.intake.csv_input import CsvRanges

ROW = "_row"
FILE = "_file"
SHEET = "_sheet"
#: Columns of one sheet, as in Excel (XFD): a wider table is refused.
MAX_COLUMNS = 16_384
#: Characters of one cell, as in Excel: a longer cell is reported and not read.
MAX_CELL_CHARS = 32_767
#: Cells (rows × columns) of one CSV or Parquet file: a national long-form file has about 10
#: million; each cell costs polars at least 16 bytes even when empty, and a blank CSV line is a row
#: of empty cells for one byte. Raise with the environment variable PARI_MAX_CELLS.
MAX_CELLS = 20_000_000
#: Findings per file for cells of one kind (undecodable, too long); then one saying how many more.
MAX_CELL_FINDINGS = 200
#: Sheets never read as data: the instructions sheet of a generated template.
IGNORED_SHEETS = frozenset({"hướng dẫn", "huong dan", "instructions", "readme"})


@dataclass
class Sheet:
    """One table of strings read from a file: header names normalised, a ``_row`` column with the
    row number a person sees in Excel (header = row 1), ``_file`` and ``_sheet``."""

    file: str
    name: str | None
    frame: pl.DataFrame
    original_headers: dict[str, str] = field(default_factory=dict)
    #: A large CSV file read a range of records at a time (``frame`` is then empty): only the
    #: intake of a batched run asks for one (``tables.read_table_file(ranged=True)``).
    ranges: CsvRanges | None = None
    #: The sheet row of the headings, as Excel numbers it: 1, or lower where the table starts
    #: lower or has title rows above it (a problem about a heading names this row).
    header_row: int = 1


@dataclass
class ReadResult:
    sheets: list[Sheet]
    problems: list[Problem]


@dataclass(frozen=True)
class RowLimit:
    """The most rows below its headings a table is read with (a register's, a lineage table's:
    ``tables.table_rows_limit``), and the problem that refuses it: ``refuse(rows, file, sheet,
    row)`` (the row past the limit, or None where it is not known). A CSV file is measured against
    it before polars parses it (``csv_input.rows_upper_bound``), every file once read."""

    limit: int
    refuse: Callable[[int, str, str | None, int | None], Problem]


def too_many_columns(width: int, file: str, sheet: str | None = None) -> Problem:
    return Problem(
        "too-many-columns",
        f"{width:,} columns, more than the {MAX_COLUMNS:,} pari-index reads (as Excel); the table was not read",
        file=file,
        sheet=sheet,
        row=1,
        hint="a commune's answers fit in far fewer columns: check the delimiter, or use the long form",
        params={"columns": width, "limit": MAX_COLUMNS},
    )


def max_cells() -> int:
    """Cells (rows × columns) read from a CSV or Parquet file: PARI_MAX_CELLS, default MAX_CELLS."""
    return env_limit("PARI_MAX_CELLS", MAX_CELLS)


def too_many_cells(rows: int, columns: int, file: str, limit: int | None = None, sheet: str | None = None) -> Problem:
    """``too-many-cells`` over ``limit`` (default: :func:`max_cells`)."""
    limit = max_cells() if limit is None else limit
    return Problem(
        "too-many-cells",
        f"{rows:,} rows × {columns:,} columns is more than the {limit:,} cells pari-index reads from one"
        " file; it was not read",
        file=file,
        sheet=sheet,
        hint="split the file by district (or, if it really is one table, raise PARI_MAX_CELLS)",
        params={"rows": rows, "columns": columns, "limit": limit},
    )


def heading_key(name: str) -> str:
    """A heading as it is matched: without case, marks (``Mã xã`` and ``ma xa``, as a heading typed
    without Vietnamese input is written) nor the difference between ``_``, ``-`` and spaces of any
    kind (``commune code``, ``commune_code``). Until session 26 only the case and a few spellings
    without marks (``ma``, ``loai``) were: ``commune code``, ``ma xa`` and ``unit type`` were headings
    of no column, a file refused as having no code column (its message saying it "found commune
    code"), or a register's types not read and five items excluded for every unit. Nor i or y
    alone after one consonant (``Lí do``, ``Lý do``; ``Số, kí hiệu``: :mod:`.tones`): until session
    29 an appraisal file headed ``Lí do`` was refused, "needs column(s) reason". Nor punctuation
    and symbols of any kind, which are separators too (``Mã xã:``, ``Mã xã*``, ``"Mã xã"``,
    ``Mã xã.``, ``Quận/Huyện`` and ``Quận, Huyện``), nor a number that numbers the heading
    (``1. Mã xã``, ``2) Tiêu chí``, ``(3) Giá trị``): until session 35 each was a heading of no
    column (the register refused, "needs column(s) code; found Mã xã:", or its types unread,
    ``register-without-types``, and every unit scored without the items of its type). A key is
    the heading's words of letters and digits, so two headings of different words never share one
    (tests/test_hostile_decoding35.py checks the headings pari knows)."""
    return _heading_key(name)


class _Kept:
    """``function``'s answer for each text, kept while the texts kept hold at most ``letters``
    letters (all forgotten at once past that). A count of entries (``functools.lru_cache(65_536)``
    on e3107f5) bounds nothing that matters: a heading has any length, and the answers outlive the
    run in a program that uses the library. Keyed, 250 headings of 19,000 letters kept 29 MB
    after the run, and a server reading one such file after another would have kept 65,536 of
    them (3.7 GB) for good."""

    def __init__(self, function: Callable[[str], str], letters: int) -> None:
        self.function, self.most, self.letters = function, letters, 0
        self.kept: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        found = self.kept.get(text)
        if found is None:
            found = self.function(text)
            if self.letters + len(text) > self.most:
                self.kept.clear()
                self.letters = 0
            self.kept[text] = found
            self.letters += len(text)
        return found


#: Letters of headings kept keyed: the longest files of tests/hostile_limits32.py (2,000 headings
#: of 2,400 letters, 4.8 million) fit, each file's headings keyed once.
KEPT_LETTERS = 10_000_000


def _key_of(name: str) -> str:
    # Kept: a sheet's headings are matched again and again (aliases, their unit in brackets, notes,
    # descriptive and the commune's own fields), each time a Python step a character. Until
    # session 32, 2,000 headings of 2,400 letters in a survey file (5 MB) took 5.4 CPU s in here
    # alone (limits32/survey-of-2000-long-headings); now each heading is keyed once, and only
    # its letters past ASCII are looked at for marks.
    # Letters of another alphabet drawn as Latin ones are those letters (``vаlue`` with a Cyrillic
    # «а»: until session 34 an unknown column, every value of the file unread), as characters
    # nothing shows are dropped from a heading (grid.normalise_header).
    name = name if name.isascii() else name.translate(ALIKE_TABLE)
    text = unicodedata.normalize("NFD", name.casefold().replace("đ", "d"))
    bare = text if text.isascii() else _NOT_ASCII.sub(_unmarked, text)
    return y_for_i_bare(" ".join(_NOT_WORD.sub(" ", _NUMBERED.sub("", bare)).split()))


#: A number that numbers a heading, at its start: «1. », «2) », «(3) », a letter «a) », «b. »,
#: «(c) », a Roman numeral «I. », «II) », «(iv) » (a space after it; «1.1.1:» or «1.1» of a wide
#: form's heading is no such number, nor one with nothing after it). Matched on the heading
#: folded to lower case without marks. Until session 36 only digits numbered a heading: «a) Mã
#: xã» was a heading of no column (the register refused, "needs column(s) code").
_NUMBERED = re.compile(r"^\s*(?:(?:\d{1,3}|[a-h]|[ivx]{1,4})[.)]|\((?:\d{1,3}|[a-h]|[ivx]{1,4})\))\s+(?=\S)")
#: What is neither a letter nor a digit: spaces, ``_``, punctuation and symbols, each a separator.
_NOT_WORD = re.compile(r"[\W_]+")
#: Runs of letters past ASCII, where a combining mark may be.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _unmarked(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


_heading_key = _Kept(_key_of, KEPT_LETTERS)


#: Headings that name the district only where another column names the province: «Thành phố»
#: (a city under a province is a district, and a centrally run city is a province, so alone it
#: could be either), English «City» and «Town» (a thị xã), with «Tên» or «name» or not. Until
#: session 36 a register headed «Thành phố» beside «Tỉnh» had no district: ``--group-by
#: district`` ranked its units as one group, told only as ``group-column-absent``, exit 0.
CITY_HEADINGS = frozenset(
    heading_key(h) for h in ("thành phố", "tên thành phố", "city", "town", "city name", "town name", "city town")
)


def named_beside(sheet: Sheet, beside: dict[str, tuple[str, frozenset[str]]]) -> Sheet:
    """``sheet`` with, for each ``field: (partner, keys)`` of ``beside``, its first column whose
    heading_key (or that of the heading without a note in brackets) is one of ``keys`` named
    ``field``, where the sheet has no ``field`` column but has ``partner``'s: «Thành phố» beside
    «Tỉnh» is the district. A sheet that has the field already keeps that column alone for it
    (two headings are never made one)."""
    columns = sheet.frame.columns
    mapping: dict[str, str] = {}
    for name, (partner, keys) in beside.items():
        if name in columns or partner not in columns:
            continue
        found = next((c for c in columns if not c.startswith("_") and heading_in(c, keys)), None)
        if found is not None and found not in mapping:
            mapping[found] = name
    if not mapping:
        return sheet
    originals = {mapping.get(k, k): v for k, v in sheet.original_headers.items()}
    originals.update({name: sheet.original_headers.get(column, column) for column, name in mapping.items()})
    return Sheet(sheet.file, sheet.name, sheet.frame.rename(mapping), originals, header_row=sheet.header_row)


#: Each aliases table by its headings' keys: a key two fields share (none so far) is left out, so
#: that only the exact spelling names either.
_KEYED: dict[int, tuple[dict[str, str], dict[str, str]]] = {}


def _keyed(aliases: dict[str, str]) -> dict[str, str]:
    cached = _KEYED.get(id(aliases))
    if cached is not None and cached[0] is aliases:
        return cached[1]
    keyed: dict[str, str] = {}
    shared: set[str] = set()
    for alias, canonical in aliases.items():
        key = heading_key(alias)
        if keyed.setdefault(key, canonical) != canonical:
            shared.add(key)
    keyed = {key: canonical for key, canonical in keyed.items() if key not in shared}
    _KEYED[id(aliases)] = (aliases, keyed)
    return keyed


def _canonical(column: str, aliases: dict[str, str]) -> str | None:
    if column.startswith("_"):
        return None
    found = aliases.get(column.casefold()) or _keyed(aliases).get(heading_key(column))
    if found is None and (bare := without_unit(column)) and bare != column:
        # A heading with its unit or a note after it («Điểm tự chấm (điểm)», «Giá trị [số liệu]»,
        # «Value (%)»): until session 31 an unknown column, its values not read.
        return aliases.get(bare.casefold()) or _keyed(aliases).get(heading_key(bare))
    return found


def heading_in(column: str, keys: frozenset[str]) -> bool:
    """Whether ``column``'s heading_key, or that of the heading without a unit or note in brackets
    after it («Ghi chú (nếu có)»), is one of ``keys``."""
    return heading_key(column) in keys or heading_key(without_unit(column)) in keys


#: A unit or note in brackets closing a heading: «(điểm)», «[%]», «（đồng）»; as a pattern (tests
#: check :func:`without_unit` against it), ``_UNIT_AFTER.sub("", heading)``.
_UNIT_AFTER = re.compile(r"\s*[(\[（][^()\[\]（）]*[)\]）]\s*$")
_OPENERS, _CLOSERS = "([（", ")]）"


def without_unit(column: str) -> str:
    """``column`` without a unit or note in brackets closing it (``_UNIT_AFTER``), found from its
    end: the pattern, looked for, was tried at each opening bracket and space of a heading, and a
    heading is matched many times. 150 headings of 15,000 «( » took 4 CPU s in it (5 MB, limits32/
    headings-of-many-brackets, session 32); the last bracket before the closing one is the only
    opening bracket that can begin the note, since a note holds no bracket."""
    return _without_unit(column)


def _unit_cut(column: str) -> str:
    end = len(column.rstrip())
    if not end or column[end - 1] not in _CLOSERS:
        return column
    last = max(column.rfind(bracket, 0, end - 1) for bracket in _OPENERS + _CLOSERS)
    if last < 0 or column[last] not in _OPENERS:
        return column
    return column[: len(column[:last].rstrip())]


_without_unit = _Kept(_unit_cut, KEPT_LETTERS)


def canonical_heading(column: str, aliases: dict[str, str]) -> str | None:
    """The field ``column`` names among ``aliases`` (any case, marks or separators), or None."""
    return _canonical(column, aliases)


#: The columns that hold a unit's code, the key that joins every input: the register's ``code``,
#: the forms', survey's and appraisal's ``commune_code``, the lineage table's ``old_code`` and
#: ``new_code``. Each is read through :func:`code_text` by whichever reader renames it.
#: The register's district and province codes too (review c37): «'002» beside «002» keyed two
#: districts, each ranked as a group of its own, with no word.
CODE_FIELDS = frozenset({"code", "commune_code", "old_code", "new_code", "district_code", "province_code"})
#: Excel's text mark: an apostrophe typed before a cell's text («'00001») to keep it as typed
#: (its leading zeros). Excel shows and stores the text without it, but a CSV written by some
#: programs, or cells copied and pasted as text, keep it. The
#: apostrophes that phones, Word's smart quotes and other keyboards type in its place are the same
#: mark (session 37; before, «’00001» was an unknown commune on every row): ’ ‘ (U+2019, U+2018),
#: ʼ (U+02BC), ′ (U+2032), ´ (U+00B4), ` and the full-width ＇ (U+FF07).
TEXT_MARKS = "'\u2019\u2018\u02bc\u2032\u00b4`\uff07"
#: The marks before a code's first character, with any spaces among them: two marks («''00001»,
#: a mark typed in Excel over a cell already marked, or by a program that adds one to a marked
#: text) or a mark and a space («' 00001», «’ 00001»: a phone's keyboard puts a space after an
#: apostrophe) are the mark too, since session 38: before, each was an unknown commune on every
#: row of the file, its values not used.
_TEXT_MARK = rf"^[{TEXT_MARKS}][{TEXT_MARKS}\s]*([^{TEXT_MARKS}\s])"


def code_text(code: pl.Expr) -> pl.Expr:
    """A code cell as every input reads it (session 36): Excel's text mark (or a curly apostrophe
    typed for it, :data:`TEXT_MARKS`) before it left out, so «'00001» and «’00001» are the
    register's 00001 (as are «''00001» and «' 00001»: every mark and space before the code, and
    Excel's text formula «="00001"») in
    the register, the forms, the survey, the appraisal, the lineage table and last year's results
    alike. «'1» and «1» in one register are
    then one code written twice, which ``duplicate-commune`` tells; nothing else of a code is changed
    here (its zeros, spaces and look-alike characters are told where they are compared)."""
    return code.str.replace(TEXT_FORMULA, "$1").str.replace(_TEXT_MARK, "$1")


#: What a code must begin with for :func:`code_text` to change it: Excel's text formula (after
#: any spaces) or a text mark. A code beginning otherwise matches neither of its patterns.
_MARKED_CODE = rf"^\s*=|^[{TEXT_MARKS}]"


def codes_read(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with its CODE_FIELDS columns of text read by :func:`code_text`. Only the columns
    where some code begins as :data:`_MARKED_CODE` says are rewritten: one regex test per code
    instead of code_text's two replacements (the national file's codes: 103 → 9 CPU ms)."""
    columns = [c for c in frame.columns if c in CODE_FIELDS and frame.schema[c] == pl.String]
    if not columns:
        return frame
    marked = frame.select(pl.col(c).str.contains(_MARKED_CODE).any() for c in columns).row(0)
    rewritten = [c for c, any_marked in zip(columns, marked, strict=True) if any_marked]
    return frame.with_columns(code_text(pl.col(c)) for c in rewritten) if rewritten else frame


def rename_columns(sheet: Sheet, aliases: dict[str, str]) -> Sheet:
    """Rename known header spellings (Vietnamese or English, any case) to canonical names. Two
    columns of one meaning (see :func:`same_field_columns`, which callers check first) keep the
    first: never two columns of one name. The code columns' cells are read by :func:`code_text`."""
    mapping: dict[str, str] = {}
    taken = set(sheet.frame.columns)
    for col in sheet.frame.columns:
        canonical = _canonical(col, aliases)
        if canonical and canonical != col and canonical not in taken:
            mapping[col] = canonical
            taken.add(canonical)
    originals = {mapping.get(k, k): v for k, v in sheet.original_headers.items()}
    frame = codes_read(sheet.frame.rename(mapping) if mapping else sheet.frame)
    return Sheet(sheet.file, sheet.name, frame, originals, header_row=sheet.header_row)


def same_field_columns(sheet: Sheet, aliases: dict[str, str]) -> list[Problem]:
    """One error per column read as the same field as an earlier column of the sheet, under any of
    the accepted spellings (``type`` and ``unit_type``, ``value`` and ``giá trị``, ``loại`` and
    ``loai``): one of the two would be used and the other dropped without a word, and they may
    disagree. The caller does not read the sheet (as a column written twice, duplicate-column)."""
    first: dict[str, str] = {}
    problems: list[Problem] = []
    for col in sheet.frame.columns:
        canonical = _canonical(col, aliases)
        if canonical is None:
            continue
        if canonical not in first:
            first[canonical] = col
            continue
        one, other = (quoted(sheet.original_headers.get(c, c)) for c in (first[canonical], col))
        problems.append(
            Problem(
                "same-field-columns",
                f"the columns {one} and {other} are two names of the same column {quoted(canonical)}:"
                " pari-index cannot tell which one to read; the table was not read",
                file=sheet.file,
                sheet=sheet.name,
                row=sheet.header_row,
                field=sheet.original_headers.get(col, col),
                hint="delete one of the two columns (where they differ, keep the right one)",
                params={"first": one, "second": other, "name": quoted(canonical)},
            )
        )
    return problems


#: A file up to this size is read into memory once, and the reader is given the very bytes that
#: were measured. Read twice by name, a file saved again in between (Excel writes a new file and
#: renames it over the old) was read unmeasured, and could differ from what was checked.
SNAPSHOT_BYTES = 256 * 1024**2


@contextlib.contextmanager
def pinned(path: Path) -> Iterator[bytes | Path]:
    """The file's bytes (see :func:`snapshot`), or, for a larger file, a name of the very file
    opened here (``/proc/self/fd/N``, while the block runs): measured and then read by name, a file
    over SNAPSHOT_BYTES saved again in between was read unmeasured. Where the system has no such
    name, or the file cannot be opened, the path itself (the reader says what is wrong)."""
    data = snapshot(path)
    if data is not None:
        yield data
        return
    handle = open_regular(path)
    if handle is None:
        yield path
        return
    with handle:
        by_handle = Path(f"/proc/self/fd/{handle.fileno()}")
        yield by_handle if by_handle.exists() else path


def snapshot(path: Path) -> bytes | None:
    """The file's bytes, or None when it is larger than SNAPSHOT_BYTES or cannot be opened (the
    caller then reads it by name, and says what is wrong)."""
    handle = open_regular(path)
    if handle is None:
        return None
    try:
        with handle:
            if os.fstat(handle.fileno()).st_size > SNAPSHOT_BYTES:
                return None
            data = handle.read(SNAPSHOT_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= SNAPSHOT_BYTES else None


def not_a_file(file: str, mode: int, pipe: str = "pipe_workbook") -> Problem:
    """A device, socket or pipe where a file is read (not-a-file); ``pipe``: the words for a pipe
    (a key of messages' ``not_file``)."""
    kind = pipe if stat.S_ISFIFO(mode) else "device"
    return Problem("not-a-file", _NOT_FILE[kind], file=file, hint="give the file itself", params={"not_file": kind})


#: The English words of messages' ``not_file`` (a Problem's own message).
_NOT_FILE = {
    "device": "this is a device or a socket, not a file",
    "pipe_workbook": "a workbook cannot be read from a pipe",
    "pipe_results": "results cannot be read from a pipe: pari score writes them as a workbook (.xlsx) or a folder",
    "": "not a regular file",
}


def office_lock_file(file: str) -> Problem | None:
    """The problem of a file named as the lock file Excel (``~$…``, for a workbook or a CSV file)
    or LibreOffice (``.~lock.…#``) keeps beside a file that is open (else None): given with the
    files of a folder (``data/*``), it was "not a spreadsheet", or a CSV without the columns."""
    name = Path(file).name
    if not (name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#"))):
        return None
    return Problem(
        "office-lock-file",
        "this is the lock file Excel or LibreOffice keeps while a file is open in it, not a table of data",
        file=file,
        hint="save and close the file, then leave this lock file out (it goes once the file is closed)",
    )


def open_regular(path: Path, file: str | None = None, pipe: str = "pipe_workbook") -> BinaryIO | None:
    """``path`` opened for reading when it is a regular file; None when it cannot be opened at all
    (the reader then says what is wrong). A device, a socket or a pipe is an IntakeError (not-a-file):
    opened as a file, a pipe nobody writes to waits for ever, and a device such as /dev/zero reads
    without end (a results file or an annex linked to it took 17-24 GB before the system killed
    the run). Opened without waiting, then checked on the open file itself."""
    from pari_index.errors import IntakeError

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            return None  # the reader says it is a folder
        raise IntakeError(not_a_file(str(path) if file is None else file, mode, pipe))
    os.set_blocking(fd, True)
    return open(fd, "rb")  # the caller closes it
