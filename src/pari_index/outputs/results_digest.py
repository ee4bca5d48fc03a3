"""Digests of the values of a results file, written into its about table by ``pari score`` and
checked when the file is read back (``pari report``, ``pari explain``, ``--previous``).

A table's digest is the SHA-256 of its column names and its values, row by row in the order
written, each value in a canonical text that every way pari reads the table back gives again:

* numbers (and text that ``_typed`` reads as a number, outside :data:`TEXT_COLUMNS`) as the
  double rounded to 6 places (``43``, ``43.0`` and ``43.00000000001`` are one value; results hold
  at most 4 places, and a spreadsheet that writes numbers again with 15 or 17 digits keeps them);
* true and false as ``true`` / ``false`` (a workbook shows them as words: read back as ids);
* dates as ``yyyy-mm-dd`` (a workbook cell read back is ``yyyy-mm-dd 00:00:00``);
* text as written, except for what writing it into a cell changes: the apostrophe that keeps a
  formula from running (``'=x`` is ``=x``), carriage returns, characters XML cannot hold (read back
  as U+FFFD) and text longer than an Excel cell (cut with a mark);
* an empty text and an empty cell alike;
* a rule branch of a choice (``level:…``) without its level: a workbook shows the level by its
  label in the set, which reading the workbook back cannot turn into the level's id again.

A workbook's coded values and headings are compared as ids (the tables are digested before they
are labelled, and after they are read back and unlabelled), so a class or a status changed to
another of its words changes the digest. So does any score, total, index, rank or finding text
changed by hand, and a table sorted again (not the criteria table's free texts, worded from its
other columns or copied from the inputs: :data:`LEFT_OUT`). Opening a results workbook and saving it untouched
(Excel, LibreOffice, openpyxl) keeps it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import polars as pl

from pari_index.outputs.row_chunks import numbered as numbered_columns
from pari_index.outputs.row_chunks import row_chunks

#: The tables whose values are digested (the input rows table repeats the inputs).
DIGESTED = ("summary", "criteria", "findings")
#: Columns of a table that its digest leaves out: the criteria table's free texts, worded by pari
#: from the item's other columns (the explanation, the inputs as text) or copied from the inputs
#: (the evidence's number and file, the council's reason and name). They are most of its bytes and
#: none of its scores, statuses or dates: digesting them was 0.8 of the 1.3 CPU seconds the
#: national criteria table's digest took, paid on writing and again on every reading.
LEFT_OUT = {
    "criteria": ("explanation", "inputs", "evidence_number", "evidence_file", "appraisal_reason", "appraiser"),
}
#: Rows put into one text at once (20,000 criteria rows: some 5 MB of text) ...
_CHUNK = 20_000
#: ... and at most this many bytes of their text (outputs.row_chunks). The digest does not depend
#: on where the chunks are cut.
_CHUNK_BYTES = 4 * 2**20

#: Columns that stay text when a results file is read back, even when they look like numbers.
TEXT_COLUMNS = frozenset(
    {
        "commune_code",
        "criterion_id",
        "code",
        "area_id",
        "name",
        "group",
        "group_column",
        "group_key",
        "district",
        "province",
        "unit_type",
        "class",
        "class_en",
        "next_class",
        "key",
        "value",
        "file",
        "sheet",
        "column",
        "inputs",
        "evidence_number",
        "evidence_file",
        "explanation",
        "message",
        "hint",
        "kind",
        "severity",
        "status",
        "branch",
        "previous_note",
        "top_lost",
        "title_vi",
        "title_en",
        "part",
        "appraisal_reason",
        "appraiser",
        "reasons",
        "notice",
    }
)
#: Text read back as a number (outside TEXT_COLUMNS).
NUMBER_TEXT = r"^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$"

#: Excel's cell limit and pari's mark for text cut to it (outputs.workbook).
_CELL_CHARS = 32_767
_CUT_MARK_CHARS = len("… [cut: longer than an Excel cell holds]")
_NOT_XML = r"[\x00-\x08\x0B\x0C\x0E-\x1F\x{FFFE}\x{FFFF}]"
_FORMULA_START = r"^'([=+\-@\t\r])"
_MIDNIGHT = r"^(\d{4}-\d{2}-\d{2})[ T]00:00:00(?:\.0+)?$"


def digest_key(table: str) -> str:
    """The about table's key of ``table``'s digest."""
    return f"values_sha256_{table}"


def _number(value: pl.Expr) -> pl.Expr:
    """A number as canonical text: rounded to 6 places, no negative zero, nothing if not finite."""
    as_float = value.cast(pl.Float64, strict=False)
    return pl.when(as_float.is_finite()).then((as_float.round(6) + 0.0).cast(pl.String))


#: Text that any of the rewriting in _text changes; most columns (codes, statuses, numbers) have
#: none, and looking for it costs a fraction of the rewriting (a third of the digest of a
#: national criteria table).
_REWRITTEN = r"^'[=+\-@\t\r]|\r|" + _NOT_XML + r"|^\d{4}-\d{2}-\d{2}[ T]00:00:00"


def _text(value: pl.Expr, name: str, rewrite: bool = True) -> pl.Expr:
    """Text as canonical text; ``rewrite=False`` when the column holds nothing _REWRITTEN finds
    and nothing too long for a cell."""
    text: pl.Expr = value
    if rewrite:
        kept = _CELL_CHARS - _CUT_MARK_CHARS
        text = (
            value.str.replace(_FORMULA_START, "$1")
            .str.replace_all("\r", "", literal=True)
            .str.replace_all(_NOT_XML, "\ufffd")
            .str.replace(_MIDNIGHT, "$1")
        )
        text = pl.when(text.str.len_chars() > kept).then(text.str.slice(0, kept)).otherwise(text)
    if name == "branch":  # a choice's level, shown by its label in a workbook's language: not read back
        return text.str.replace(r"^level:(?s:.*)$", "level:")
    if name in TEXT_COLUMNS:
        return text
    return pl.when(text.str.contains(NUMBER_TEXT)).then(_number(text)).otherwise(text)


def _canonical(name: str, dtype: pl.DataType, rewrite: bool = True, ref: str | None = None) -> pl.Expr:
    """One column's values as canonical text ("" for a null); ``ref``: the column's name in the
    frame, when it is not ``name``."""
    col = pl.col(name if ref is None else ref)
    shown: pl.Expr
    if dtype == pl.Boolean:
        shown = pl.when(col).then(pl.lit("true")).when(~col).then(pl.lit("false"))
    elif dtype.is_numeric():
        shown = _number(col) if name not in TEXT_COLUMNS or dtype.is_float() else col.cast(pl.String)
    elif dtype == pl.Date:
        shown = col.dt.to_string("%Y-%m-%d")
    elif dtype == pl.Datetime:
        shown = _text(col.dt.to_string("%Y-%m-%d %H:%M:%S"), name)
    else:
        shown = _text(col.cast(pl.String, strict=False), name, rewrite)
    return shown.fill_null("")


def _rewritten(chunk: pl.DataFrame) -> set[str]:
    """The text columns of ``chunk`` with a value that _text rewrites."""
    text = [name for name, dtype in chunk.schema.items() if dtype == pl.String]
    if not text:
        return set()
    kept = _CELL_CHARS - _CUT_MARK_CHARS
    flags = chunk.select(
        (pl.col(name).str.contains(_REWRITTEN) | (pl.col(name).str.len_bytes() > kept)).any() for name in text
    )
    return {name for name, flag in zip(text, flags.row(0), strict=True) if flag}


def _header(name: str) -> str:
    return name[1:] if name[:1] == "'" and name[1:2] in ("=", "+", "-", "@", "\t", "\r") else name


def _chunks(frame: pl.DataFrame | pl.LazyFrame) -> Iterator[pl.DataFrame]:
    if isinstance(frame, pl.LazyFrame):
        yield from frame.collect_batches(chunk_size=_CHUNK, maintain_order=True)
        return
    for start, length in row_chunks(frame, _CHUNK, _CHUNK_BYTES):
        yield frame.slice(start, length)


def values_digest(name: str, frame: pl.DataFrame | pl.LazyFrame) -> str:
    """The digest of results table ``name`` (:func:`table_digest` without its :data:`LEFT_OUT`)."""
    left_out = [c for c in LEFT_OUT.get(name, ()) if c in frame.collect_schema().names()]
    return table_digest(frame.drop(left_out) if left_out else frame)


def table_digest(frame: pl.DataFrame | pl.LazyFrame) -> str:
    """The SHA-256 (hex) of ``frame``'s column names and canonical values (see the module)."""
    schema = frame.collect_schema()
    digest = hashlib.sha256()
    digest.update(("\x1f".join(_header(n) for n in schema.names()) + "\x1e").encode("utf-8"))
    if not schema:
        return digest.hexdigest()
    for chunk in _chunks(frame):
        if not chunk.height:
            continue
        numbered = numbered_columns(chunk)
        rewrite = _rewritten(numbered)
        refs = [f"c{number}" for number in range(len(schema))]
        cells = [
            _canonical(name, dtype, ref in rewrite or dtype != pl.String, ref=ref)
            for ref, (name, dtype) in zip(refs, schema.items(), strict=True)
        ]
        row = pl.concat_str(cells, separator="\x1f") + pl.lit("\x1e")
        digest.update(numbered.select(row.str.join("")).item().encode("utf-8"))
    return digest.hexdigest()


#: The Parquet tables of a results folder whose file's SHA-256 the about table records.
FILE_DIGESTED = ("summary", "criteria", "findings", "rows")


def file_digest_key(table: str) -> str:
    """The about table's key of the SHA-256 of ``table``'s Parquet file."""
    return f"file_sha256_{table}"


def with_file_digests(about: pl.DataFrame, folder: Path) -> pl.DataFrame:
    """``about`` with the SHA-256 of each of :data:`FILE_DIGESTED`'s Parquet files in ``folder``,
    written just before it. The values digests leave the criteria table's free texts out (see
    LEFT_OUT), and a Parquet page carries no checksum of its own as polars writes it: a byte
    changed in the criteria table of a results folder showed another item's explanation in
    ``pari explain``, exit 0 (the twenty-fourth session's byte-damage campaign). Hashing the files
    costs 20 ms nationally, where digesting the free texts' values cost 0.7 CPU s. Parquet only: a
    CSV table opened and saved untouched by a spreadsheet program keeps its values, not its bytes."""
    from pari_index.outputs.ownership import file_digest

    keys = [file_digest_key(name) for name in FILE_DIGESTED]
    kept = about.filter(~pl.col("key").is_in(keys)) if "key" in about.columns else about
    found = [(key, file_digest(folder / f"{name}.parquet")) for key, name in zip(keys, FILE_DIGESTED, strict=True)]
    rows = pl.DataFrame({"key": [k for k, _ in found], "value": [v for _, v in found]})
    return pl.concat([kept, rows], how="vertical_relaxed")


def changed_file(folder: Path, about: dict[str, str]) -> str | None:
    """The first of :data:`FILE_DIGESTED` whose Parquet file in ``folder`` is not the one the about
    table's SHA-256 records; None when all are (or none is recorded: results of earlier versions)."""
    from pari_index.outputs.ownership import file_digest

    for name in FILE_DIGESTED:
        recorded = about.get(file_digest_key(name), "").strip().lower()
        file = folder / f"{name}.parquet"
        if recorded and file.is_file() and file_digest(file) != recorded:
            return name
    return None
