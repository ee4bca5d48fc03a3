"""Writing results workbooks (.xlsx) fast: sheet XML composed by polars expressions and streamed.

xlsxwriter (and polars' ``write_excel``, which drives it) turns every cell into a Python object and
a method call: 200,000 findings rows of 8 columns took about a minute on this project's 2-core
machines, even in xlsxwriter's ``constant_memory`` mode, against a third of a second for Parquet. A
national run's per-item sheet has 625,000 rows. Here each column becomes the text of its cells in
one vectorised polars expression (``<c r="B7"><v>1.5</v></c>``), a row is their concatenation, and
the rows are written chunk by chunk into the zip member, so memory stays bounded by two chunks (the
next one is composed while this one is compressed).

The package holds only what Excel needs: content types, relationships, a workbook, one worksheet
per sheet (header row bold, frozen and with filter buttons, column widths set) and a small style
sheet (bold, four decimals, date, date and time). Text is written as inline strings, escaped for
XML; characters XML cannot hold (control characters) become U+FFFD, and text that looks like
Excel's own escape (``_x0041_``) is escaped so that it reads back as typed. Excel's cell limit is
32,767 characters; longer text is cut with a visible mark. Templates with data validation still use
xlsxwriter (``template.py``): they are small.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import polars as pl

from pari_index.messages.results_words import CUT_MARK as CUT_WORDS
from pari_index.outputs.row_chunks import numbered, row_chunks
from pari_index.system.threads import result_of

#: Rows composed and written at once: bounds the memory of a sheet to one chunk of its XML (two
#: are held). 50,000 rows of findings held 180 MB at once; 20,000 hold 100 MB less, and writing
#: the national criteria sheet (625,400 rows) costs the same CPU (5.0-5.5 s either way).
CHUNK_ROWS = 20_000
#: ... and at most this many bytes of their text (outputs.row_chunks): some 8 MB of XML.
CHUNK_BYTES = 8 * 2**20
#: Excel shows at most this many characters in a cell (and warns about longer ones).
MAX_CELL_CHARS = 32_767
#: The mark ending a cut text, in each language (the English by default: a caller's own file).
CUT_MARKS = {lang: CUT_WORDS.get(lang) for lang in ("vi", "en")}
CUT_MARK = CUT_MARKS["en"]
#: Rows sampled to size the columns.
WIDTH_SAMPLE = 2_000
MIN_WIDTH, MAX_WIDTH = 6, 60

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Cell styles (indexes into cellXfs below).
_BOLD, _DECIMAL, _DATE, _DATETIME = 1, 2, 3, 4
_STYLES = (
    _XML_HEAD + f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0000"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
#: Characters an XML 1.0 document cannot contain, even escaped.
_NOT_XML = r"[\x00-\x08\x0B\x0C\x0E-\x1F\x{FFFE}\x{FFFF}]"
#: Days from Excel's epoch (1899-12-30, with its 1900 leap-year quirk) to 1970-01-01.
_EPOCH_DAYS = 25_569


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (Excel's column names)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


#: Text that needs any of the rewriting below; most columns (codes, statuses) have none, and a
#: check of the column costs a fraction of the five replacements.
_NEEDS_ESCAPE = r"[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\x{FFFE}\x{FFFF}]|_x[0-9A-Fa-f]{4}_"


def _needs_escaping(frame: pl.DataFrame) -> set[str]:
    """The text columns with a value that must be escaped or cut."""
    text = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    if not text or frame.height == 0:
        return set(text)
    flags = frame.select(
        (pl.col(name).str.contains(_NEEDS_ESCAPE) | (pl.col(name).str.len_bytes() > MAX_CELL_CHARS)).any()
        for name in text
    )
    return {name for name, flag in zip(text, flags.row(0), strict=True) if flag}


def _escaped_text(value: pl.Expr, mark: str = CUT_MARK) -> pl.Expr:
    long = value.str.len_chars() > MAX_CELL_CHARS
    cut = pl.when(long).then(value.str.slice(0, MAX_CELL_CHARS - len(mark)) + pl.lit(mark)).otherwise(value)
    return (
        cut.str.replace_all("&", "&amp;", literal=True)
        .str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True)
        # A parser turns a bare carriage return into a line feed; the reference keeps it.
        .str.replace_all("\r", "&#13;", literal=True)
        .str.replace_all(_NOT_XML, "\ufffd")
        # Excel reads _xHHHH_ in text as the character HHHH; its own escape for the underscore
        # keeps such text as typed.
        .str.replace_all(r"_(x[0-9A-Fa-f]{4}_)", "_x005F_$1")
    )


def _cell(
    name: str, dtype: pl.DataType, letters: str, row: pl.Expr, escape: bool = True, mark: str = CUT_MARK
) -> pl.Expr:
    """The XML of one column's cells (empty text for a null, which Excel needs no element for)."""
    col = pl.col(name)
    ref = pl.concat_str([pl.lit(f'<c r="{letters}'), row])
    if dtype == pl.Boolean:
        parts = [ref, pl.lit('" t="b"><v>'), col.cast(pl.Int8).cast(pl.String), pl.lit("</v></c>")]
    elif dtype.is_integer():
        parts = [ref, pl.lit('"><v>'), col.cast(pl.String), pl.lit("</v></c>")]
    elif dtype.is_float():
        finite = pl.when(col.is_finite()).then(col.cast(pl.Float64))
        parts = [ref, pl.lit(f'" s="{_DECIMAL}"><v>'), finite.cast(pl.String), pl.lit("</v></c>")]
    elif dtype == pl.Date:
        serial = col.cast(pl.Int32) + _EPOCH_DAYS
        parts = [ref, pl.lit(f'" s="{_DATE}"><v>'), serial.cast(pl.String), pl.lit("</v></c>")]
    elif dtype == pl.Datetime:
        days = col.cast(pl.Datetime("ms")).cast(pl.Int64) / 86_400_000 + _EPOCH_DAYS
        parts = [ref, pl.lit(f'" s="{_DATETIME}"><v>'), days.cast(pl.String), pl.lit("</v></c>")]
    else:
        text = col if dtype == pl.String else col.cast(pl.String, strict=False)
        # An empty text is an empty cell, as xlsxwriter writes it (a reader cannot tell them apart).
        text = pl.when(text.str.len_bytes() > 0).then(text)
        content = _escaped_text(text, mark) if escape or dtype != pl.String else text
        parts = [ref, pl.lit('" t="inlineStr"><is><t xml:space="preserve">'), content, pl.lit("</t></is></c>")]
    return pl.concat_str(parts).fill_null("")


def _header_row(columns: Sequence[str]) -> str:
    frame = pl.DataFrame({"text": list(columns)}, schema={"text": pl.String})
    escaped = frame.select(_escaped_text(pl.col("text")))["text"].to_list()
    cells = "".join(
        f'<c r="{column_letters(i)}1" s="{_BOLD}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
        for i, text in enumerate(escaped)
    )
    return f'<row r="1">{cells}</row>'


def _widths(frame: pl.DataFrame) -> str:
    if frame.width == 0:
        return ""
    sample = numbered(frame.head(WIDTH_SAMPLE)).select(pl.all().cast(pl.String, strict=False).str.len_chars().max())
    cols = []
    for i, (name, longest) in enumerate(zip(frame.columns, sample.row(0), strict=True)):
        width = min(MAX_WIDTH, max(MIN_WIDTH, len(name) + 2, (longest or 0) + 2))
        cols.append(f'<col min="{i + 1}" max="{i + 1}" width="{width}" customWidth="1"/>')
    return "<cols>" + "".join(cols) + "</cols>"


def _sheet_head(frame: pl.DataFrame, selected: bool) -> str:
    last = f"{column_letters(max(frame.width, 1) - 1)}{frame.height + 1}"
    view = ' tabSelected="1"' if selected else ""
    return (
        _XML_HEAD + f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><dimension ref="A1:{last}"/>'
        f'<sheetViews><sheetView workbookViewId="0"{view}>'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>' + _widths(frame) + "<sheetData>"
    )


def _filter_corner(frame: pl.DataFrame) -> tuple[str, int] | None:
    """The column letters and row of the last cell under the header's filter buttons (all
    columns, header to last row), or None for a sheet without columns."""
    if frame.width == 0:
        return None
    return column_letters(frame.width - 1), frame.height + 1


def _autofilter(frame: pl.DataFrame) -> str:
    corner = _filter_corner(frame)
    return "" if corner is None else f'<autoFilter ref="A1:{corner[0]}{corner[1]}"/>'


def _sheet_rows(frame: pl.DataFrame, mark: str = CUT_MARK) -> Iterator[bytes]:
    """The rows' XML as UTF-8, one chunk of rows at a time, in order. The next chunk is composed
    (polars, outside the GIL) while the caller compresses this one (zlib, outside the GIL too):
    the two overlap on a machine with two cores. At most two chunks are held at once."""
    row = pl.col("__excel_row")
    frame = numbered(frame)  # the header row is written already; a name in each cell's plan is costly
    escape = _needs_escaping(frame)
    cells = [
        _cell(name, dtype, column_letters(i), row, name in escape, mark)
        for i, (name, dtype) in enumerate(frame.schema.items())
    ]
    # Binary: the joined text comes out as bytes, without a Python str to encode again.
    rows_xml = (
        pl.concat_str([pl.lit('<row r="'), row, pl.lit('">'), *cells, pl.lit("</row>")]).str.join("").cast(pl.Binary)
    )

    def compose(start: int, length: int) -> bytes:
        chunk = frame.slice(start, length).with_row_index("__excel_row", offset=start + 2)
        # The row number as text once, not once per cell.
        return bytes(chunk.with_columns(row.cast(pl.String)).select(rows_xml).item())

    with ThreadPoolExecutor(max_workers=1) as ahead:
        pending: Future[bytes] | None = None
        for start, length in row_chunks(frame, CHUNK_ROWS, CHUNK_BYTES):
            following = ahead.submit(compose, start, length)
            if pending is not None:
                yield result_of(pending)
            pending = following
        if pending is not None:
            yield result_of(pending)


def _write_sheet(member: IO[bytes], frame: pl.DataFrame, selected: bool, mark: str = CUT_MARK) -> None:
    member.write(_sheet_head(frame, selected).encode("utf-8"))
    if frame.width:
        member.write(_header_row(frame.columns).encode("utf-8"))
    for xml in _sheet_rows(frame, mark):
        member.write(xml)
    member.write(f"</sheetData>{_autofilter(frame)}</worksheet>".encode())


def _filter_names(names: Sequence[str], frames: Sequence[pl.DataFrame]) -> str:
    """Each sheet's filter range as the hidden name Excel keeps it under (``_xlnm._FilterDatabase``),
    written as Excel and xlsxwriter write it."""
    defined = []
    for index, (name, frame) in enumerate(zip(names, frames, strict=True)):
        corner = _filter_corner(frame)
        if corner is None:
            continue
        quoted = "'" + name.replace("'", "''") + "'"
        defined.append(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
            f"{xml_escape(quoted)}!$A$1:${corner[0]}${corner[1]}</definedName>"
        )
    return "<definedNames>" + "".join(defined) + "</definedNames>" if defined else ""


def _package_parts(names: Sequence[str], frames: Sequence[pl.DataFrame]) -> dict[str, str]:
    sheets = range(1, len(names) + 1)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in sheets
    )
    content_types = (
        _XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + overrides
        + "</Types>"
    )
    root_rels = (
        _XML_HEAD + f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    workbook = (
        _XML_HEAD
        + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews><sheets>'
        + "".join(
            f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(names, start=1)
        )
        + "</sheets>"
        + _filter_names(names, frames)
        + "</workbook>"
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in sheets
    )
    styles_rel = f'<Relationship Id="rId{len(names) + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
    return {
        "[Content_Types].xml": content_types,
        "_rels/.rels": root_rels,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": (
            _XML_HEAD + f'<Relationships xmlns="{_PKG_REL}">{rels}{styles_rel}</Relationships>'
        ),
        "xl/styles.xml": _STYLES,
    }


def write_workbook(path: str | Path, sheets: dict[str, pl.DataFrame], lang: str = "en") -> None:
    """Write ``sheets`` (name -> frame, in order; names already valid for Excel: at most 31
    characters, none of ``[]:*?/\\``, unique ignoring case) as one .xlsx file at ``path``; a text
    cut to a cell ends with the mark in ``lang``."""
    names = list(sheets)
    parts = _package_parts(names, list(sheets.values()))
    # Deflate level 1: the sheet XML is repetitive and still shrinks about tenfold, at a fraction
    # of the default level's time.
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            package.writestr(_member(name), parts[name])
        for number, frame in enumerate(sheets.values(), start=1):
            with package.open(_member(f"xl/worksheets/sheet{number}.xml"), "w", force_zip64=True) as member:
                _write_sheet(member, frame, selected=number == 1, mark=CUT_MARKS.get(lang, CUT_MARK))
        package.writestr(_member("xl/styles.xml"), parts["xl/styles.xml"])


#: The time stamped on every member of a workbook: the zip format's earliest (1980-01-01), as
#: xlsxwriter stamps its own. A member named by text alone is stamped with the clock, so two runs
#: with the same inputs and ``--date`` wrote workbooks with different bytes, and officials who
#: compare results files by hash (or the sha256 a results file records of itself) saw a change
#: where there was none. The run date is in the about sheet, where it belongs.
_MEMBER_TIME = (1980, 1, 1, 0, 0, 0)


def _member(name: str) -> zipfile.ZipInfo:
    """A workbook member named ``name``: fixed time stamp, deflated at level 1 (the sheet XML is
    repetitive and still shrinks about tenfold, at a fraction of the default level's time), read
    and write for its owner only when unzipped (what ``writestr`` gives a member named by text)."""
    member = zipfile.ZipInfo(name, date_time=_MEMBER_TIME)
    member.compress_type = zipfile.ZIP_DEFLATED
    member._compresslevel = 1  # type: ignore[attr-defined]  # what ZipFile(compresslevel=1) sets
    member.external_attr = 0o600 << 16
    return member
