"""Whether an existing file is one pari-index wrote, and so may be replaced by a new output.

An output is written beside its target and renamed over it, so whatever the name held before is
gone. That is right for earlier results, reports, forms and drafts (a run is repeated), and wrong
for anything else: ``pari score … -o budget.xlsx`` or ``--report index.html`` used to replace a
user's own workbook or page without a word, and ``pari demo-data -o data`` a real register with a
synthetic one. A file is taken as pari-index's by what every writer of this version and the earlier
ones puts in it (no new mark, so earlier outputs are still recognised), judged from at most the zip
directory and the workbook part of an .xlsx, or the first 64 KiB of a text file:

* a workbook whose sheets are those of results (``summary`` and ``about``, or their names in
  Vietnamese or English: ``Tổng hợp`` and ``Thông tin``, ``Summary`` and ``About``), of a fill-in form not
  saved since by another program (a form someone filled in is theirs), of an annex (``pari
  criteria export``) or of a table of changes (``pari diff``);
* a page carrying the report's ``<meta name="generator" content="pari-index">``;
* a YAML draft starting with the header ``pari criteria import`` writes, while what follows its
  header is as written (the SHA-256 the header records; a draft without one, of an earlier version,
  is taken as written);
* a CSV table of changes (``pari diff -o x.csv``), by its header;
* a CSV table of results (``summary``, ``criteria``, ``findings``, ``rows``), by its columns (their
  ids, or their headings in either language: the CSV file a workbook's too long table is written to).

A form, an annex, a table of changes or a draft that someone has worked on since pari-index wrote
it (saved by Excel or LibreOffice, or the draft's text changed) is theirs: :func:`edited_output`
tells it apart from a file pari-index never wrote, to say so (``output-edited``). Results saved
again by Excel stay replaceable: a run is repeated to remake them, Excel offers to save any
workbook it recalculated, and a results file edited after its run is refused where it is read
(``results-damaged``).

An empty file is nobody's work and may be replaced. A folder written into (``pari demo-data``) is
pari-index's when it holds the marker file its writer leaves (``SYNTHETIC-README.md``).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import zipfile
from pathlib import Path

from pari_index.errors import Problem, UsageError
from pari_index.outputs.names import shown_name
from pari_index.outputs.results_labels import LANGS, column_heading, sheet_name
from pari_index.system.archives import ZIP_READ_ERRORS

#: Bytes read from the start of a text output to recognise it.
HEAD_BYTES = 64 * 1024
#: The longest header line of a CSV table read to recognise it as results. A results summary
#: carries every column of the register, and a register of 250 columns headed by 19,000 letters
#: each (4.75 MB of header line, within the limits of a register) had its results columns cut off
#: by the 64 KiB read: the next run into the same folder refused its own results
#: (output-not-pari, exit 4), and the same summary given as an input was not told as results.
MAX_HEADER_BYTES = 64 * 1024**2
#: The largest workbook part (``xl/workbook.xml``) read to list a workbook's sheets: pari-index
#: writes a few KB; a larger one is not its own.
MAX_WORKBOOK_PART = 1024 * 1024

_GENERATOR = b'<meta name="generator" content="pari-index">'
_SHEET_NAME = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"')
_LAST_MODIFIED_BY = re.compile(rb"<cp:lastModifiedBy>([^<]*)</cp:lastModifiedBy>")
_CORE_TIME = re.compile(rb"<dcterms:(created|modified)\b[^>]*>([^<]*)</dcterms:")
#: What the authoring commands write, which this stage may not import (authoring comes after
#: outputs): tests/test_hostile_sweep8.py checks that these agree with pari_index.authoring.
#: The sheets of an annex (authoring.export.SHEETS), per language.
ANNEX_SHEETS = (["Phụ lục", "Thông tin bộ", "Xếp loại", "Nguồn gốc"], ["Annex", "Set", "Classes", "Provenance"])
#: The one sheet of ``pari diff -o x.xlsx`` (cli.diff), and the header of its CSV (authoring.diff.COLUMNS):
#: a Vietnamese one's fields separated by «;» (outputs.files.SPREADSHEET_SEPARATOR), by «,» until the
#: thirty-eighth session (still pari-index's, to be replaced).
DIFF_SHEETS = ("Thay đổi", "Changes")
DIFF_HEADERS = ("Mục;Thay đổi;Cũ;Mới", "Item,Change,Old,New", "Mục,Thay đổi,Cũ,Mới")
#: How a draft of ``pari criteria import`` starts (authoring.draft_yaml.HEADER, up to the source).
DRAFT_STARTS = (
    "# Bản dự thảo bộ tiêu chí do `pari criteria import` lập từ ",
    "# Draft criteria set written by `pari criteria import` from ",
)
#: The SHA-256 on the third line of a draft's header (authoring.draft_yaml.DIGEST_LINE).
_HEX_DIGEST = re.compile(r"\b[0-9a-f]{64}\b")
#: The largest draft read whole to check that digest: a draft of the largest set is some 100 KB;
#: a larger file under the draft's header is not as pari-index wrote it.
MAX_DRAFT_BYTES = 4 * 1024 * 1024


#: Columns every results table written as CSV holds (a results folder, or a table too long for a
#: workbook's sheet written beside it as ``STEM.TABLE.csv``); tests/test_hostile_sweep9.py checks
#: them against what a run writes. The CSV files beside a workbook were replaced unchecked.
RESULT_TABLE_COLUMNS = (
    frozenset({"commune_code", "total_points", "index"}),  # summary
    frozenset({"commune_code", "criterion_id", "final_score", "status"}),  # criteria
    frozenset({"severity", "kind", "message", "params"}),  # findings
    frozenset({"file", "sheet", "row", "status", "reasons"}),  # rows
)
#: The about table of a results folder (``about.csv``, ``about.parquet``): its columns, and the key
#: of its first row (``key,value`` alone could head anybody's table).
ABOUT_COLUMNS = frozenset({"key", "value"})
ABOUT_FIRST_KEY = "criteria_id"
#: The same, as headed in a workbook's words (its overflow CSV files), in each language.
LABELLED_TABLE_COLUMNS = tuple(
    frozenset(column_heading(column, lang) for column in table) for lang in LANGS for table in RESULT_TABLE_COLUMNS
)


def _unescape(name: bytes) -> str:
    text = name.decode("utf-8", "replace")
    for escaped, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(escaped, char)
    return text


def _part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    info = archive.getinfo(name)
    if info.file_size > MAX_WORKBOOK_PART:
        return None
    with archive.open(info) as part:
        data = part.read(MAX_WORKBOOK_PART + 1)
    return data if len(data) <= MAX_WORKBOOK_PART else None


#: A workbook peeked at that cannot be read: not one that can be read cheaply.
_PEEK_ERRORS: tuple[type[Exception], ...] = (OSError, KeyError, *ZIP_READ_ERRORS)


def _workbook(path: Path) -> tuple[list[str], bool] | None:
    """The sheet names an .xlsx lists, and whether another program saved it since it was written
    (its core properties name who last modified it, or a modification time other than its
    creation: xlsxwriter, which writes every workbook of pari-index, writes neither); None when it
    is not a workbook that can be read cheaply."""
    try:
        with zipfile.ZipFile(path) as archive:
            book = _part(archive, "xl/workbook.xml")
            core = _part(archive, "docProps/core.xml") if "docProps/core.xml" in archive.namelist() else b""
    except _PEEK_ERRORS:
        return None
    if book is None or core is None:
        return None
    by = _LAST_MODIFIED_BY.search(core)
    times = dict(_CORE_TIME.findall(core))
    saved = bool(by and by.group(1).strip()) or times.get(b"created") != times.get(b"modified")
    return [_unescape(m) for m in _SHEET_NAME.findall(book)], saved


def sheet_names(path: Path) -> list[str] | None:
    """The sheet names an .xlsx lists, or None when it is not a workbook that can be read cheaply."""
    found = _workbook(path)
    return None if found is None else found[0]


def _pari_workbook(names: list[str], saved: bool) -> bool:
    if _results_workbook(names):
        return True
    # A form, annex or table of changes saved since by Excel or LibreOffice is one someone worked
    # on (a form filled in, an annex corrected before import): theirs, not pari-index's.
    return _authored_workbook(names) and not saved


def _authored_workbook(names: list[str]) -> bool:
    """Sheets of a workbook pari-index writes for people to fill in or work on (not results)."""
    from pari_index.outputs.template_labels import SHEETS as FORM_SHEETS

    forms = [[FORM_SHEETS["instructions"][lang], FORM_SHEETS["form"][lang]] for lang in ("vi", "en")]
    return names in forms or names in ANNEX_SHEETS or names in ([name] for name in DIFF_SHEETS)


def _draft_as_written(path: Path) -> bool:
    """Whether the draft at ``path`` (its header read) is as ``pari criteria import`` wrote it:
    what follows its digest line has that SHA-256 (line ends as the system wrote them or as an
    editor saved them). A draft without the line (written before it was) is taken as written."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_DRAFT_BYTES + 1)
    except OSError:
        return True  # unreadable: the write itself will say what is wrong
    if len(data) > MAX_DRAFT_BYTES:
        return False
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace").replace("\r\n", "\n")
    lines = text.split("\n", 3)  # the header's two lines, its digest line, what follows
    if len(lines) < 4 or "SHA-256" not in lines[2]:
        return True
    found = _HEX_DIGEST.search(lines[2])
    return found is not None and hashlib.sha256(lines[3].encode("utf-8")).hexdigest() == found.group(0)


def _pari_text(head: bytes, path: Path) -> bool:
    if _GENERATOR in head:
        return True
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    if text.startswith(DRAFT_STARTS):
        return _draft_as_written(path)
    header = text.split("\n", 1)[0].rstrip("\r")
    if header in DIFF_HEADERS:
        return True
    if set(header.split(",")) == ABOUT_COLUMNS:
        # "key,value" alone is anybody's table: the about table's first key says it is ours.
        lines = text.split("\n", 2)
        return len(lines) > 1 and lines[1].startswith(f"{ABOUT_FIRST_KEY},")
    return _results_header(_header_record(path, head))


def _header_record(path: Path, head: bytes) -> str:
    """The first record of the CSV file ``path`` whose first bytes are ``head``, read on to its
    end (a newline outside quotes) when ``head`` holds only its start, up to MAX_HEADER_BYTES."""
    data = bytearray(head)
    scanned, quotes = 0, 0
    try:
        with open(path, "rb") as handle:
            handle.seek(len(head))
            while True:
                end, scanned, quotes = _record_end(data, scanned, quotes)
                if end is not None:
                    del data[end:]
                    break
                block = handle.read(min(1 << 20, MAX_HEADER_BYTES - len(data)))
                if not block:
                    break  # the end of the file, or the bound: the record as far as read
                data += block
    except OSError:
        pass  # judged on what was read
    return bytes(data).removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")


def _record_end(data: bytearray, start: int, quotes: int) -> tuple[int | None, int, int]:
    """Where the first record of ``data`` ends (its first newline with an even number of quote
    characters before it), scanning on from ``start`` with ``quotes`` counted before it; else None
    and where to go on from."""
    while (newline := data.find(b"\n", start)) >= 0:
        quotes += data.count(b'"', start, newline)
        if quotes % 2 == 0:
            return newline, newline, quotes
        start = newline + 1
    return None, len(data), quotes + data.count(b'"', start)


def _results_header(header: str) -> bool:
    """A CSV header record of a results table (summary, criteria, findings, rows), by its ids or
    its headings in either language; a heading in quotes (a register's column with a comma or a
    line break in its name) is read as one."""
    import csv
    import io

    try:
        columns = set(next(csv.reader(io.StringIO(header.rstrip("\r\n"))), []))
    except csv.Error:
        columns = set(header.split(","))
    return any(table <= columns for table in (*RESULT_TABLE_COLUMNS, *LABELLED_TABLE_COLUMNS))


def _pari_parquet(path: Path) -> bool:
    """A Parquet table of results, by the column names its footer lists (the data is not read)."""
    import polars as pl

    try:
        columns = set(pl.read_parquet_schema(path))
    except (OSError, ValueError, pl.exceptions.PolarsError, pl.exceptions.PanicException):  # not ours unless it reads
        return False
    return columns == ABOUT_COLUMNS or any(table <= columns for table in RESULT_TABLE_COLUMNS)


def _head(path: Path, size: int) -> bytes | None:
    """The first ``size`` bytes of ``path``; None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError:
        return None


def written_by_pari(path: Path) -> bool:
    """Whether the existing regular file ``path`` is an output of pari-index (see the module)."""
    head = _head(path, HEAD_BYTES)
    if head is None:
        return True  # unreadable: the write itself will say what is wrong
    if head.startswith(b"PK\x03\x04"):
        found = _workbook(path)
        return found is not None and _pari_workbook(*found)
    if head.startswith(b"PAR1"):
        return _pari_parquet(path)
    return _pari_text(head, path)


def edited_output(path: Path) -> bool:
    """Whether the existing file ``path`` is one pari-index wrote for people to work on (a form,
    an annex, a table of changes, a draft set) that someone has since: saved by another program,
    or the draft's text changed. Such a file is not :func:`written_by_pari`; this tells it from a
    file pari-index never wrote, to say which it is."""
    head = _head(path, HEAD_BYTES)
    if head is None:
        return False
    if head.startswith(b"PK\x03\x04"):
        found = _workbook(path)
        return found is not None and _authored_workbook(found[0]) and found[1]
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    return text.startswith(DRAFT_STARTS) and not _draft_as_written(path)


#: How a folder's marker (``SYNTHETIC-README.md`` of ``pari demo-data``) lists a file it wrote:
#: its name in backquotes, then, in brackets after its role, the SHA-256 of its bytes as written.
#: A marker of an earlier version lists the names without it.
MARKED_FILE = re.compile(r"^- `([^`]+)` \([^;)]*(?:; SHA-256 ([0-9a-f]{64}))?\)$", re.MULTILINE)
#: Seconds a file of an earlier version's marked folder may be younger than its marker: the files
#: were written before the marker, which was put in place last.
MARKER_SLACK_SECONDS = 2.0


def marked_line(name: str, role: str, digest: str) -> str:
    """The marker's line for a file written into a marked folder (:data:`MARKED_FILE`)."""
    return f"- `{name}` ({role}; SHA-256 {digest})"


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a MiB at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def as_marked(marker: Path, path: Path) -> bool:
    """Whether the existing file ``path`` of a marked folder is as its writer left it, so that a
    new set may replace or remove it: its SHA-256 is the one the marker lists for its name; with
    a marker of an earlier version (no digests), it is listed there and is no younger than the
    marker. Until the twenty-second session any file of the marker's names was replaced: a real
    register copied into a demonstration folder (to try the commands on one's own data) was
    replaced by a synthetic one on the next ``pari demo-data``, and a wide form of one's own
    under an earlier set's name was deleted. A file that cannot be read is not."""
    try:
        text = marker.read_text(encoding="utf-8", errors="replace")
        listed = {m.group(1): m.group(2) for m in MARKED_FILE.finditer(text)}
        if path.name not in listed:
            return False
        recorded = listed[path.name]
        if recorded is not None:
            return file_digest(path) == recorded
        return os.stat(path).st_mtime <= os.stat(marker).st_mtime + MARKER_SLACK_SECONDS
    except (OSError, ValueError):
        return False


def foreign_file(path: Path) -> bool:
    """Whether ``path`` holds a file that a write would destroy and that pari-index did not write:
    a regular, non-empty file not recognised by :func:`written_by_pari`."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
        return False
    return not written_by_pari(path)


def unreadable_file(path: Path) -> str | None:
    """The system's reason why the existing regular, non-empty file ``path`` cannot be read (so
    that nobody can tell whether pari-index wrote it), or None when it can or is no such file. A
    file its owner may write but not read (mode 0200, a share's access list that grants writing
    alone) was taken as pari-index's own and replaced: the write goes through, a rename over it
    needing no permission on the file itself."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
        return None
    try:
        with open(path, "rb"):
            return None
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    except ValueError:
        return None


#: Bytes read from the start of a text input to see whether it is a results table (its header).
RESULTS_HEAD_BYTES = 8192


def _results_workbook(names: list[str]) -> bool:
    return any({sheet_name("summary", lang), sheet_name("about", lang)} <= set(names) for lang in (None, *LANGS))


def results_of_pari(path: Path) -> bool:
    """Whether the regular file ``path`` holds results written by ``pari score``: a workbook with
    the sheets ``summary`` and ``about`` (in any of their names), a CSV table of results by its
    header, or a Parquet one by the columns its footer lists (see the module). Reads the first line
    of a text file, the zip directory and the workbook part of an .xlsx, or the footer of a Parquet
    file; False when it cannot be read (the reading then says why)."""
    try:
        # A FIFO, a device or a folder is no results file, and opening a FIFO to read it waits for
        # a writer forever (`-o` over a named pipe hung pari template).
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
    except (OSError, ValueError):
        return False
    head = _head(path, RESULTS_HEAD_BYTES)
    if head is None:
        return False
    if head.startswith(b"PK\x03\x04"):
        names = sheet_names(path)
        return names is not None and _results_workbook(names)
    if head.startswith(b"PAR1"):
        # A results table written with --format parquet: the one test the ownership of outputs uses.
        return _pari_parquet(path)
    return _results_header(_header_record(path, head))


def check_not_results(inputs: list[tuple[str, Path]]) -> None:
    """Refuse (UsageError, exit 2) results of ``pari score`` given as a table to score, by
    ``(option, path)``: ``pari score *.xlsx -o results-2.xlsx`` in the folder of an earlier run
    read its results.xlsx as an assessment form (5,626 errors, 4,233 rows rejected, results
    written with exit 1), and a results table given as --survey or --communes said only which
    columns were missing. A file that is not a regular one is left to the reading."""
    problems: list[Problem] = []
    for option, path in inputs:
        try:
            regular = stat.S_ISREG(os.stat(path).st_mode)
        except (OSError, ValueError):
            continue
        if regular and results_of_pari(path):
            shown = shown_name(path)
            problems.append(
                Problem(
                    "input-is-results",
                    f"{option}: this file holds results written by pari score, not data to score",
                    file=shown,
                    hint="leave it out of the inputs (a pattern such as *.xlsx takes in an earlier run's results "
                    "too); give last year's results with --previous",
                    params={"option": option},
                )
            )
    if problems:
        raise UsageError(problems)
