"""Results files: what ``pari score`` writes and ``pari report`` / ``--previous`` read back.

The tables are ``summary`` (one row per commune: totals, index, rank, class), ``criteria`` (one
row per commune and scored item: self, computed, appraised and final score, status, explanation),
``findings``, ``rows`` (every input row and what became of it) and ``about`` (the criteria set, its
decision, the inputs, and where any overflow went). With ``--format csv`` or ``--format parquet``
they are files in a folder, named and headed by these ids (the analysts' formats). A results
workbook (XLSX, what officials open) shows them in the run's language: sheet names, headings and
coded values are words (:mod:`pari_index.outputs.results_labels`), and reading it back gives the
ids again, as it does for a workbook of ids written by an earlier version.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

import polars as pl

from pari_index.criteria.methodology import method_lines
from pari_index.criteria.model import Leaf
from pari_index.criteria.units import unit_names
from pari_index.errors import IntakeError, Problem, broken_link, near_name, quoted, refusal, unreadable_file
from pari_index.intake.cache_folder import ParquetReuse
from pari_index.intake.sheet import RowLimit
from pari_index.intake.tables import table_rows_limit
from pari_index.intake.xlsx.sheet_cells import _SheetCells
from pari_index.messages import format_number, localise_findings
from pari_index.messages.results_words import OVERFLOW_NOTE
from pari_index.outputs.files import (
    PARQUET_ROW_GROUP,
    XLSX_MAX_ROWS,
    AnyFrame,
    atomic_folder,
    atomic_path,
    csv_into,
    display_frame,
    safe_sheet_name,
    through_link,
    write_csv,
    write_parquet,
    write_xlsx,
)
from pari_index.outputs.parquet_patch import GroupsAsScored
from pari_index.outputs.path_identity import Source, Target, is_dir, resolved
from pari_index.outputs.provenance import provenance_about
from pari_index.outputs.results_checks import (
    ABOUT_MOST_ROWS,
    SPARE_LINES,
    TABLES,
    _rows_changed,
    about_facts,
    about_grown,
    check_about_before_parse,
    check_rows_before_parse,
    check_table,
    check_whole,
    not_results,
    parquet_rows_refused,
    rows_past,
    written_rows,
)
from pari_index.outputs.results_digest import (
    DIGESTED,
    NUMBER_TEXT,
    TEXT_COLUMNS,
    changed_file,
    digest_key,
    values_digest,
    with_file_digests,
)
from pari_index.outputs.results_labels import (
    LevelWords,
    group_sheet_prefix,
    inputs_by_label,
    label_frame,
    sheet_name,
    unlabel_frame,
    workbook_lang,
)
from pari_index.scoring.completeness import notices
from pari_index.scoring.explanations import input_labeller, level_words
from pari_index.scoring.run import ScoreResult
from pari_index.system.input_watch import placed

Format = Literal["xlsx", "csv", "parquet"]
#: The summary column holding the "incomplete" banner (only in incomplete runs).
NOTICE = "notice"


@dataclass
class ResultTables:
    """The tables of a results file, with decimals for points (as people read them)."""

    summary: pl.DataFrame
    #: One row per commune and item; lazy when scored in batches (written batch by batch, and
    #: read into memory only for a workbook or a report).
    criteria: pl.DataFrame | pl.LazyFrame
    findings: pl.DataFrame
    rows: pl.DataFrame
    about: pl.DataFrame
    #: What a lazy criteria table reads from (a batched run's spilled detail), kept alive with it.
    detail_source: object = field(default=None, repr=False, compare=False)
    #: The criteria table's Parquet bytes made as its batches were scored (``DetailStore.
    #: as_scored_parquet``), and the criteria frame they are the bytes of.
    as_scored: Callable[[], bytes | None] | None = field(default=None, repr=False, compare=False)
    as_scored_of: object = field(default=None, repr=False, compare=False)
    #: The language a workbook of these tables is written in (None: the about table's ``lang``).
    lang: str | None = None
    #: The choice levels' labels in that language, shown in a workbook's rule branches.
    levels: LevelWords = field(default_factory=dict, repr=False)
    #: The scored items, whose labels a workbook shows the inputs by (none: as the set names them).
    leaves: Sequence[Leaf] = field(default=(), repr=False)

    def language(self) -> str:
        """The run's language: :attr:`lang`, else the about table's ``lang`` row, else Vietnamese."""
        if self.lang is not None:
            return self.lang
        if {"key", "value"} <= set(self.about.columns):
            found = self.about.filter(pl.col("key") == "lang")["value"].to_list()
            if found and found[0] in ("vi", "en"):
                return str(found[0])
        return "vi"

    def as_dict(self) -> dict[str, pl.DataFrame]:
        """The tables in memory (a lazy criteria table is read whole)."""
        tables = self.as_written()
        return {name: frame.collect() if isinstance(frame, pl.LazyFrame) else frame for name, frame in tables.items()}

    def criteria_as_scored(self) -> bytes | None:
        """:attr:`as_scored`'s bytes when the criteria table is still the one they were made for."""
        if self.as_scored is None or self.criteria is not self.as_scored_of:
            return None
        return self.as_scored()

    def as_written(self) -> dict[str, pl.DataFrame | pl.LazyFrame]:
        """The tables as they are, lazy or not (the CSV and Parquet writers stream a lazy one)."""
        return {name: getattr(self, name) for name in TABLES}


def about_table(result: ScoreResult, extra: dict[str, str] | None = None, lang: str = "vi") -> pl.DataFrame:
    c = result.criteria
    facts = {**result.completeness.facts(), **unit_names(c).about()}
    # The banner as sentences for people reading the sheet, and the counts for the report.
    banner = {f"notice_{i + 1}": text for i, text in enumerate(notices(facts, lang))}
    items = {
        "criteria_id": c.id,
        "criteria_title": c.title.vi,
        "criteria_title_en": c.title.en or "",
        "year": "" if result.year is None else str(result.year),
        # The level's words in both languages, for pari report (docs/data-formats.md).
        **unit_names(c).about(),
        "province": c.province,
        "issuer": c.issuer,
        "issuer_en": c.issuer_en or "",
        "decision": c.decision.number if c.decision else "",
        "decision_date": c.decision.date.isoformat() if c.decision else "",
        "decision_source": (c.decision.source or "") if c.decision else "",
        **({"source": c.source} if c.source else {}),
        "scale": str(c.scale),
        "appraised_part": str(c.parts.appraised),
        "survey_part": str(c.parts.survey),
        "ranked_within": c.ranking.within,
        "rounding": c.rounding.describe(),
        "communes": str(result.totals.height),
        "scored_items": str(len(result.leaves)),
        # The rows of the findings and input rows tables: read back, a table with other counts was
        # cut or added to after the run (results_checks.check_whole).
        "findings_rows": str(result.findings.height),
        "input_rows": str(result.ledger.height),
        **{f"input_{k}": "; ".join(v) for k, v in result.sources.items() if v},
        **facts,
        **banner,
        # How each level is rounded and which printed maxima hold unreachable points.
        **{f"method_{i + 1}": line for i, line in enumerate(method_lines(c, lang))},
        # Version, criteria and input hashes, run date, synthetic: the report's version stamp.
        **provenance_about(c, result.criteria_file, result.sources),
        # The language the explanations, findings and notes of these results are written in.
        "lang": lang,
        **(extra or {}),
    }
    return pl.DataFrame({"key": list(items), "value": list(items.values())})


def result_tables(
    result: ScoreResult,
    summary: pl.DataFrame | None = None,
    extra_about: dict[str, str] | None = None,
    lang: str = "vi",
) -> ResultTables:
    """Tables for a results file; ``summary`` is the ranked totals when ranking has run. An
    incomplete run (see :func:`pari_index.scoring.run.notices`) gets its banner, in ``lang``, as the
    first column ``notice`` of the summary (every row, so that no reader can miss it, filtered
    or not) and as ``notice_1``, ``notice_2`` … in the about sheet."""
    shown = display_frame(summary if summary is not None else result.totals, result.criteria.rounding.column_places)
    banner = notices({**result.completeness.facts(), **unit_names(result.criteria).about()}, lang)
    if banner:
        shown = shown.select(pl.lit(" ".join(banner), dtype=pl.String).alias(NOTICE), pl.exclude(NOTICE))
    findings = localise_findings(result.findings, lang, input_labeller(result.criteria, lang))
    criteria = criteria_shown(result.detail_store.lazy())
    return ResultTables(
        summary=shown,
        criteria=criteria,
        findings=findings,
        rows=_reasons_in(result.ledger, *_written_and_shown(result, findings, lang)),
        about=about_table(result, {**_grouping_about(summary), **(extra_about or {})}, lang),
        detail_source=result.detail_store,
        as_scored=result.detail_store.as_scored_parquet,
        as_scored_of=criteria,
        lang=lang,
        levels=level_words(result.leaves, lang),
        leaves=result.leaves,
    )


def criteria_shown(detail: AnyFrame) -> AnyFrame:
    """The per-item detail as the criteria table shows it (points as decimals)."""
    return display_frame(detail, 4)


def criteria_as_scored() -> GroupsAsScored:
    """The criteria table's Parquet bytes, made batch by batch as a run's detail is spilled
    (``scoring.batches.AS_SCORED``, set by ``pari score`` writing Parquet)."""
    return GroupsAsScored(criteria_shown, PARQUET_ROW_GROUP)


def _written_and_shown(result: ScoreResult, findings: pl.DataFrame, lang: str) -> tuple[pl.Series, pl.Series]:
    """The messages of the findings as written (English) and as ``findings`` shows them, row for
    row, with those of the findings folded away (intake.folding), which the rows table still names."""
    written, shown = result.findings["message"], findings["message"]
    folded = result.folded_texts
    if folded is None or folded.height == 0:
        return written, shown
    their = localise_findings(folded, lang, input_labeller(result.criteria, lang))
    return pl.concat([written, folded["message"]]), pl.concat([shown, their["message"]])


def _reasons_in(ledger: pl.DataFrame, written: pl.Series, shown: pl.Series) -> pl.DataFrame:
    """The ledger with the reasons of its rows (the messages of their findings, as the findings
    were written) in the words the findings table shows them in (``shown``, row for row)."""
    if "reasons" not in ledger.columns or written.len() == 0:
        return ledger
    pairs = (
        pl.DataFrame({"written": written, "shown": shown})
        .drop_nulls()
        .unique("written")
        .filter(pl.col("written") != pl.col("shown"))
        # The longest first, so that a message inside a longer one never takes its place.
        .sort(pl.col("written").str.len_chars(), descending=True)
    )
    if pairs.height == 0:
        return ledger
    # A row rejected for one reason holds exactly one message: looked up, not searched. Searching
    # every row for every message (replace_many) took 11 s for 56,000 rows of distinct
    # unknown-commune messages. The other rows are searched leftmost-first in the order above
    # (without leftmost=True, polars took the shortest match: a message that begins another was
    # replaced inside it).
    # The reasons column alone is made again, never the ledger: split into the rows looked up and
    # the rest, put together and sorted back, a ledger of 2.4 million rows was copied three times
    # (limits35/appraisal-of-millions-of-tiny-rows).
    reasons = ledger.get_column("reasons")
    shown_reasons = reasons.replace(pairs["written"], pairs["shown"])  # (a text of no pair: as it is)
    rest = (~reasons.is_in(pairs["written"].implode()).fill_null(True) & reasons.is_not_null()).arg_true()
    if rest.len():
        patterns, replacements = pairs["written"].to_list(), pairs["shown"].to_list()
        searched = reasons.gather(rest).str.replace_many(patterns, replacements, leftmost=True)
        shown_reasons = shown_reasons.scatter(rest, searched)
    return ledger.with_columns(shown_reasons.alias("reasons"))


def _grouping_about(summary: pl.DataFrame | None) -> dict[str, str]:
    """What the units were ranked within, as ranked (``--group-by`` may differ from the set)."""
    if summary is None or "group_column" not in summary.columns:
        return {}
    columns = summary["group_column"].drop_nulls().unique().to_list()
    return {"ranked_within": str(columns[0])} if len(columns) == 1 else {}


#: Above this many ranking groups a workbook gets no sheet per group (a national run has ~700
#: districts); the summary sheet, sorted by group and rank, serves instead.
MAX_GROUP_SHEETS = 60
GROUP_SHEET_COLUMNS = (
    "rank",
    "commune_code",
    "name",
    "unit_type",
    "total_points",
    "index",
    "class",
    "rank_change",
    "previous_rank",
    "gap_to_next_class",
    "next_class",
    "top_lost",
    "group",  # the group's whole label, which a sheet name (31 characters) may cut short
)


def group_sheets(
    summary: pl.DataFrame, limit: int = MAX_GROUP_SHEETS, lang: str | None = None
) -> dict[str, pl.DataFrame]:
    """One ranking sheet per group (district or province), sorted by rank, named after the group's
    label as Excel allows (31 characters, no []:*?/\\, unique); empty when there are more than
    ``limit`` groups. Groups are told apart by ``group_key`` (two Huyện Châu Thành of different
    provinces are two sheets), or by ``group`` in results written before groups had keys. With
    ``lang`` the sheets are named (``XH …`` / ``Rank …``) and headed in that language, beside the
    tables' sheets of that language; without, as ids."""
    if "group" not in summary.columns:
        return {}
    key = "group_key" if "group_key" in summary.columns else "group"
    groups = summary.select(key, pl.col("group").alias("_label")).unique(subset=[key], maintain_order=True).rows()
    if len(groups) > limit:
        return {}
    sheets: dict[str, pl.DataFrame] = {}
    columns = [c for c in GROUP_SHEET_COLUMNS if c in summary.columns]
    tables = {sheet_name(table, lang) for table in TABLES}
    for group, label in groups:
        name = safe_sheet_name(group_sheet_prefix(lang) + str(label if label is not None else "—"), {*sheets, *tables})
        part = summary.filter(pl.col(key).eq_missing(group))
        if "rank" in part.columns:
            part = part.sort("rank", nulls_last=True)
        part = part.select(columns)
        sheets[name] = part if lang is None else label_frame("summary", part, lang)
    return sheets


def write_results(
    path: str | Path,
    tables: ResultTables,
    fmt: Format = "xlsx",
    keep: frozenset[str] = frozenset(),
    reuse: Mapping[str, ParquetReuse] | None = None,
) -> list[Path]:
    """Write the tables; returns the files written. ``keep``: tables of a results folder whose
    file there already holds the bytes this run would write (``pari score --cache`` checks it):
    carried over into the new folder instead of written again. ``reuse``: Parquet tables of
    which only some row groups changed (:class:`~pari_index.intake.cache_folder.ParquetReuse`)."""
    target = Path(path)
    seal(tables, fmt)
    if fmt == "xlsx":
        return _write_workbook(target, tables)
    # A results folder is replaced as a whole: a failed run leaves the previous complete set.
    with atomic_folder(target, frozenset(table_files())) as folder:
        for name, frame in tables.as_written().items():  # about last: it records the others' files
            file = folder / f"{name}.{fmt}"
            if name in keep and not (fmt == "parquet" and name == "about"):
                _link_or_copy(target / file.name, file)  # the old folder's file, hard-linked or copied
                placed(target / file.name)  # a new link changes its change time: still the run's own
                continue
            if fmt == "csv":
                write_csv(file, frame)
            elif name == "about":
                write_parquet(file, with_file_digests(tables.about, folder))
            else:
                reused = (reuse or {}).get(name)
                made = tables.criteria_as_scored() if name == "criteria" and reused is None else None
                write_parquet(file, frame, reused, made)
    return [target / f"{name}.{fmt}" for name in TABLES]


def seal(tables: ResultTables, fmt: str) -> None:
    """Record in the about table the digest of the values of each of :data:`DIGESTED` as written
    (results_digest), once: read back, a table whose values were edited is refused. A lazy
    criteria table (a batched run's) is read batch by batch for it.

    Not for a Parquet folder: its about table records each file's SHA-256 (``with_file_digests``),
    which any value changed changes too (a Parquet file read again gives the values it was written
    with, not a spreadsheet's rewriting of them). The values digests cost 0.5 CPU s on writing the
    national folder and as much on every reading of it (session 25)."""
    if fmt == "parquet":
        return
    keys = [digest_key(name) for name in DIGESTED]
    if {"key", "value"} <= set(tables.about.columns) and tables.about["key"].is_in(keys).any():
        return
    digests = [values_digest(name, getattr(tables, name)) for name in DIGESTED]
    tables.about = pl.concat([tables.about, pl.DataFrame({"key": keys, "value": digests})], how="vertical_relaxed")


def _link_or_copy(old: Path, new: Path) -> None:
    try:
        os.link(old, new)
    except OSError:  # a file system without hard links
        shutil.copyfile(old, new)


def _write_workbook(target: Path, tables: ResultTables) -> list[Path]:
    """The workbook in the run's language, and a CSV file beside it (in the same words) for each
    table too long for a sheet. All are written to temporaries first and renamed in only when
    every one is complete."""
    lang = tables.language()
    sheets = tables.as_dict()
    sheets["criteria"] = inputs_by_label(sheets["criteria"], tables.leaves, lang)
    about = tables.about
    written = [target]
    beside = through_link(target)  # the overflow files go beside the workbook a link leads to
    with contextlib.ExitStack() as stack:
        # The about sheet stays in the workbook whatever its length: it names the overflow files.
        for name in [name for name, frame in sheets.items() if frame.height > XLSX_MAX_ROWS and name != "about"]:
            side = beside.with_name(f"{beside.stem}.{name}.csv")
            csv_into(stack.enter_context(atomic_path(side)), label_frame(name, sheets[name], lang, tables.levels), side)
            written.append(side)
            rows = format_number(sheets[name].height, lang)
            sheets[name] = pl.DataFrame({"note": [OVERFLOW_NOTE.get(lang).format(rows=rows, file=side.name)]})
            about = pl.concat([about, pl.DataFrame({"key": [f"overflow_{name}"], "value": [side.name]})])
        sheets["about"] = about
        labelled = {
            sheet_name(name, lang): label_frame(name, frame, lang, tables.levels) for name, frame in sheets.items()
        }
        write_xlsx(target, {**labelled, **group_sheets(tables.summary, lang=lang)}, lang)
    return written


def table_files(fmt: str | None = None) -> list[str]:
    """The file names of a results folder of ``fmt`` (``csv`` or ``parquet``), or of either."""
    return [f"{name}.{ext}" for name in TABLES for ext in ((fmt,) if fmt else ("csv", "parquet"))]


def results_target(path: str | Path, fmt: Format, option: str = "-o") -> Target:
    """What ``write_results(path, …, fmt)`` writes, for the path rule (pari_index.outputs.paths)."""
    p = Path(path)
    if fmt == "xlsx":
        overflow = tuple(p.with_name(f"{p.stem}.{t}.csv") for t in TABLES)
        return Target(p, option, files=overflow, suffixes=(".xlsx",), results=True)
    return Target(
        p, option, folder=True, files=tuple(p / n for n in table_files()), suffixes=(f".{fmt}",), results=True
    )


def results_sources(path: str | Path, option: str) -> list[Source]:
    """What ``read_results(path)`` may read: the folder's tables, or the workbook and the CSV
    files its sheets may have overflowed to."""
    p = Path(path)
    if is_dir(p):
        return [Source(p, option, reads=tuple(table_files()))]
    return [Source(p, option), *(Source(p.with_name(f"{p.stem}.{t}.csv"), option) for t in TABLES)]


def _typed(frame: pl.DataFrame) -> pl.DataFrame:
    """Give text columns read back from XLSX or CSV their types: numbers, whole numbers, booleans.
    Reading everything as text first keeps codes such as 00123 intact."""
    exprs = []
    for name, dtype in frame.schema.items():
        if dtype != pl.String or name in TEXT_COLUMNS:
            continue
        values = frame[name].drop_nulls()
        if values.len() == 0:
            continue
        if values.is_in(["true", "false"]).all():
            exprs.append((pl.col(name) == "true").alias(name))
        elif values.str.contains(NUMBER_TEXT).all():
            as_float = values.cast(pl.Float64)
            whole = (as_float == as_float.round(0)).all() and not values.str.contains(r"\.").any()
            exprs.append(pl.col(name).cast(pl.Int64 if whole else pl.Float64).alias(name))
    return frame.with_columns(exprs) if exprs else frame


def _read_table(
    file: Path,
    ext: str,
    table: str = "",
    lang: str | None = None,
    written: tuple[str, int | None] = ("", None),
    bound: RowLimit | None = None,
) -> pl.DataFrame:
    """One table file of a results folder (or a CSV file a workbook of ``lang`` overflowed to:
    in that workbook's words); anything polars or the OS cannot read is located. ``written``: the
    table's name in a results folder and the rows its about table says pari score wrote in it,
    which a table may not pass (:func:`.results_checks.check_rows_before_parse`,
    :func:`.results_checks.parquet_rows_refused`). ``bound``: the rows a summary given alone
    (``--previous summary.csv``) may hold, refused as ``too-many-rows`` before it is parsed."""
    from pari_index.intake.sheet import open_regular
    from pari_index.system.archives import file_head

    # Opened here, checked to be a file: a pipe or a device under a table's name waited for ever
    # or read without end.
    handle = open_regular(file, pipe="")
    if handle is None:
        # The system's own refusal (permission denied), told as file-unreadable by read_results:
        # it was "cannot read this table of the results (cannot open …)", hint "give a results file".
        with open(file, "rb"):
            pass
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(file))
    if ext == "csv":
        _check_separator(file, handle)
        if written[0] == "about":
            check_about_before_parse(file.parent, handle)
        else:
            check_rows_before_parse(file.parent, *written, handle)
        found = None if bound is None else rows_past(handle, bound.limit)
        if bound is not None and found is not None:
            handle.close()
            raise IntakeError(bound.refuse(found, str(file), None, None))
    try:
        with handle:
            if ext == "parquet":
                return _parquet_table(handle, file, table, _parquet_rows_refused(file, written, bound))
            return _typed(unlabel_frame(table, pl.read_csv(handle, infer_schema=False), lang))
    except (OSError, pl.exceptions.PolarsError, ValueError) as exc:
        if ext == "parquet" and not isinstance(exc, OSError) and _parquet_framed(file):
            # Written as Parquet (its magic at both ends) but not readable as such: a table of
            # pari's whose bytes changed, not another kind of file. 2,184 of 2,839 four-byte
            # damages of a findings table's footer were told "not results (File out of
            # specification …)" while a damaged page was "results-damaged" (session 26).
            raise not_results(
                file,
                "the Parquet structure of this table of the results cannot be read: bytes of the file were changed "
                "or cut",
                "results-damaged",
                words="footer_damaged",
            ) from None
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        if ext == "csv" and "utf-8" in reason.lower() and b"\x00" not in file_head(file, 4096):
            # pari writes UTF-8; a table saved again by a spreadsheet program is in the computer's
            # code page (Windows-1258 on a Vietnamese Windows), and its codes and numbers may have
            # changed with it. (A file with NUL bytes is no text at all: not results.)
            raise not_results(
                file,
                "this table of the results is not UTF-8 text as pari score writes it: it was saved again by another "
                "program",
                "results-damaged",
                words="not_utf8",
            ) from None
        raise not_results(
            file,
            f"cannot read this table of the results ({reason})",
            words="unreadable_table",
            params={"error": type(exc).__name__},
        ) from None


def _check_separator(file: Path, handle: BinaryIO) -> None:
    """Refuse a CSV table whose heading line has no comma but a semicolon or a tab: pari writes
    commas, and a spreadsheet program set to Vietnamese saves a table again with its own list
    separator («;», and a decimal comma in every number). Until session 34 such a table was
    "cannot read this table of the results (found more fields than defined in 'Schema')", the
    library's words (in Vietnamese, "lỗi ComputeError"), with the hint to give pari's results,
    as if it were another file; a table without a comma in its cells was read as one column."""
    from pari_index.intake.separators import separator_name

    heading = handle.read(4096).split(b"\n", 1)[0]
    handle.seek(0)
    found = next((s for s in (b";", b"\t") if s in heading), None)
    if b"," in heading or found is None or not _text_line(heading):
        return
    handle.close()
    shown = separator_name(found.decode())
    raise not_results(
        file,
        f"this table of the results is written with the separator {shown}, not «,» as pari score writes it: a "
        "spreadsheet program saved it again (its numbers may have changed with it)",
        "results-damaged",
        words="other_separator",
        params={"separator": shown},
    )


def _text_line(line: bytes) -> bool:
    """Whether ``line`` is a line of text (UTF-8, no control character but a tab or a carriage
    return): bytes of anything else holding a tab are no table saved with tabs, and are told by
    the reader as what they are (a review of session 34: 256 bytes 0-255 were «separator Tab»)."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(ord(char) < 32 and char not in "\t\r" for char in text)


def _parquet_rows_refused(
    file: Path, written: tuple[str, int | None], bound: RowLimit | None
) -> Callable[[int], Problem | None]:
    """What refuses a Parquet table of results by its footer's rows: a table of a results folder
    past the rows its about table records, a summary given alone past ``bound``."""
    if bound is None:
        return parquet_rows_refused(file.parent, *written)

    def past_bound(rows: int) -> Problem | None:
        return bound.refuse(rows, str(file), None, None) if rows > bound.limit else None

    return past_bound


def _parquet_table(
    handle: BinaryIO, file: Path, table: str, rows_refused: Callable[[int], Problem | None] | None = None
) -> pl.DataFrame:
    """A table of a results folder in Parquet, measured as an input's Parquet file is
    (intake.parquet_measure), with the cells and bytes a results workbook is allowed: a 400 KB
    ``rows.parquet`` of 30 million equal rows took 2.9 GB before it was found damaged, and a
    table of one string repeated by its dictionary can take far more. Its footer's rows are held
    to ``rows_refused`` before its pages are read."""
    from pari_index.intake.parquet_measure import Damaged, OverLimit, Unreadable, read_measured
    from pari_index.intake.sheet import max_cells

    try:
        frame = read_measured(
            handle, str(file), max(max_cells(), RESULTS_CELLS), table or None, rows_refused=rows_refused
        )
    except Damaged:
        raise not_results(
            file,
            "the pages of this table of the results cannot be decoded: bytes of the file were changed or cut",
            "results-damaged",
            words="pages_damaged",
        ) from None
    except Unreadable:
        raise _not_parquet(file) from None
    except OverLimit as over:
        raise IntakeError(over.problem) from None
    assert frame is not None
    return frame


def _not_parquet(file: Path) -> IntakeError:
    """A table named ``.parquet`` whose footer or a page header is not Parquet's: damaged when it
    begins as Parquet does (a table of pari's cut short or changed), else another file under the
    table's name. Until session 40 both were «cannot read this table of the results (not Parquet:
    no Parquet footer)», Python's error in English, and in Vietnamese «lỗi ValueError của thư viện
    đọc bảng», the error's class named as the table library's."""
    from pari_index.system.archives import file_head

    if file_head(file, 4) == b"PAR1":
        return not_results(
            file,
            "the Parquet structure of this table of the results cannot be read: bytes of the file were changed or cut",
            "results-damaged",
            words="footer_damaged",
        )
    return not_results(
        file,
        "this table of the results is not a Parquet file (it does not begin with «PAR1» as a Parquet file does): "
        "another file has the table's name",
        words="not_parquet",
    )


def _parquet_framed(file: Path) -> bool:
    """Whether the file begins and ends with Parquet's magic ``PAR1``, the footer's length before
    the last one fitting in the file (read once more: a regular file, opened before)."""
    from pari_index.intake.parquet_measure import Unreadable, footer_length

    try:
        with open(file, "rb") as handle:
            return handle.read(4) == b"PAR1" and footer_length(handle) > 0
    except (OSError, ValueError, Unreadable):
        return False


def _read_folder(p: Path) -> dict[str, pl.DataFrame]:
    tables: dict[str, pl.DataFrame] = {}
    if not os.access(p, os.X_OK):
        # No table in it can be reached: said of the folder, not of the first table looked for
        # (``summary.parquet`` of a folder of CSV tables).
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(p))
    folder = resolved(p)
    written: dict[str, int | None] = {}
    # The about table first: the rows it says each other table holds bound what is parsed of it.
    for name in ("about", *(t for t in TABLES if t != "about")):
        for ext in ("parquet", "csv"):
            f = p / f"{name}.{ext}"
            if f.exists():
                if resolved(f).parent != folder:  # a link leading out of the results folder
                    raise not_results(
                        f,
                        "this table is a link to a file outside the results folder; it was not read",
                        "results-link-outside",
                        words="link_outside",
                    )
                tables[name] = _read_table(f, ext, written=(name, written.get(name)))
                break
        if name == "about":
            written = written_rows(about_facts(tables))
    return {name: tables[name] for name in TABLES if name in tables}


def _overflow_file(p: Path, name: str, value: object, lang: str | None = None) -> Path:
    """The CSV file a workbook's ``about`` sheet names for an overflowing sheet: only a plain file
    name in the workbook's own folder (never ``/etc/passwd``, ``..`` or a link leading out)."""
    text = "" if value is None else str(value)
    folder = resolved(p).parent
    candidate = folder / text
    plain = text not in ("", ".", "..") and "/" not in text and "\\" not in text and "\x00" not in text
    if not plain or not text.lower().endswith(".csv") or resolved(candidate).parent != folder:
        raise not_results(
            p,
            f"the about sheet points the {name} table at {quoted(text[:200])}, which is not a CSV file beside "
            "the workbook; it was not read",
            "results-overflow-outside",
            words="overflow_outside",
            params={"table": sheet_name(name, lang), "target": quoted(text[:200])},
            sheet=sheet_name("about", lang),
        )
    if not candidate.is_file():
        raise not_results(
            p,
            f"the {name} table overflowed to {text}, which is missing",
            words="overflow_missing",
            params={"table": sheet_name(name, lang), "target": text},
            sheet=sheet_name("about", lang),
        )
    return candidate


#: Reading a results workbook back, its package is measured as an input workbook is
#: (intake.xlsx): a crafted one (a cell at XFD1048576 under a sheet named summary, a deflate
#: bomb) made calamine abort (signal 6, a Rust backtrace) or take 2 GB. A national run's criteria
#: sheet holds 12.5 million cells (625,400 rows × 20), so the cells and bytes allowed are at least
#: these (the PARI_MAX_XLSX_* variables raise them further); the other limits are the intake's.
RESULTS_CELLS = 25_000_000
RESULTS_BYTES = 2 * 1024**3


def _measure_workbook(p: Path, data: bytes | Path) -> dict[str, _SheetCells]:
    """Measure the workbook's package (its bytes, or the one open file of a large one: see
    intake.sheet.pinned); a workbook over a limit is an IntakeError naming the limit. The measure
    of each sheet, by its name."""
    import dataclasses
    import io

    from pari_index.intake.xlsx.limits import XlsxLimits, _Refused
    from pari_index.intake.xlsx.package import _prescan

    limits = XlsxLimits.from_env()
    limits = dataclasses.replace(
        limits, cells=max(limits.cells, RESULTS_CELLS), total_bytes=max(limits.total_bytes, RESULTS_BYTES)
    )
    try:
        return _prescan(data if isinstance(data, Path) else io.BytesIO(data), str(p), limits)
    except _Refused as refused:
        raise IntakeError(refused.problem) from None


def _read_workbook(p: Path) -> tuple[dict[str, pl.DataFrame], str | None]:
    """The tables of a results workbook, with ids, and the language it is written in (None:
    ids, as earlier versions wrote it)."""
    from pari_index.intake.sheet import pinned

    with pinned(p) as data:
        cells = _measure_workbook(p, data)
        tables, lang = _workbook_tables(p, data, cells)
    about = tables.get("about")
    if about is not None and {"key", "value"} <= set(about.columns):
        for key, value in about.select(pl.col("key").cast(pl.String), pl.col("value")).iter_rows():
            if key is not None and key.startswith("overflow_") and key.removeprefix("overflow_") in TABLES:
                name = key.removeprefix("overflow_")
                tables[name] = _read_table(_overflow_file(p, name, value, lang), "csv", name, lang)
    return tables, lang


def _check_sheet_rows(p: Path, name: str, info: _SheetCells | None, written: int | None, lang: str | None) -> None:
    """Refuse a results workbook's sheet of table ``name`` whose measure (before calamine reads
    it) holds more rows than pari score wrote in it (``written``, as its about sheet records; the
    about sheet itself: ABOUT_MOST_ROWS) and SPARE_LINES more, as ``results-damaged`` with the
    words of the check once read. calamine builds a sheet's grid whole (some 60 bytes a cell):
    the example's results workbook, its summary grown by 400,000 rows of a code alone (2.5 MB,
    within the 25 million cells of a results workbook), took 1.26 GB in ``pari explain`` and 1.32
    GB as ``--previous`` before it was refused (session 38)."""
    from pari_index.intake.xlsx.reading import least_rows

    least = 0 if info is None else least_rows(info)
    if name == "about" and least > ABOUT_MOST_ROWS + SPARE_LINES:
        raise about_grown(p, least)
    if name != "about" and written is not None and least > written + SPARE_LINES:
        raise _rows_changed(p, name, least, written, lang)
    bound = table_rows_limit("summary")
    if name == "summary" and written is None and least > bound.limit + SPARE_LINES:
        # No about sheet records its rows (a ranking passed on as its summary sheet alone): a row
        # per unit, as a summary given alone as CSV (_lone_summary_table).
        raise IntakeError(bound.refuse(least, str(p), sheet_name(name, lang), None))


def _workbook_tables(
    p: Path, data: bytes | Path, cells: Mapping[str, _SheetCells]
) -> tuple[dict[str, pl.DataFrame], str | None]:
    """The tables of a results workbook, the about sheet read first: the rows it records for
    each other table bound what calamine is given of it (:func:`_check_sheet_rows`)."""
    import fastexcel

    from pari_index.intake.xlsx.reading import not_a_workbook
    from pari_index.system.library_panics import library_failure, panic_words_held

    tables: dict[str, pl.DataFrame] = {}
    lang: str | None = None
    try:
        with panic_words_held():
            reader = fastexcel.read_excel(str(data) if isinstance(data, Path) else data)
            lang = workbook_lang(reader.sheet_names)
            written: dict[str, int | None] = {}
            for name in ("about", *(t for t in TABLES if t != "about")):
                shown = sheet_name(name, lang)
                if shown in reader.sheet_names:
                    _check_sheet_rows(p, name, cells.get(shown), written.get(name), lang)
                    sheet = reader.load_sheet(shown, dtypes="string").to_polars()
                    tables[name] = _typed(unlabel_frame(name, sheet, lang))
                if name == "about":
                    written = written_rows(about_facts(tables))
    except IntakeError:  # a sheet refused by its measure (_check_sheet_rows), told as it is
        raise
    except BaseException as exc:  # fastexcel's own error types, or a panic of its Rust code
        if not library_failure(exc):
            raise
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        reason = (reason.replace(str(data), str(p)) if isinstance(data, Path) else reason)[:200]
        instead = not_a_workbook(data, str(p))
        if instead is not None:
            raise IntakeError(instead) from None
        raise not_results(
            p,
            f"cannot read the results workbook ({reason})",
            words="unreadable_workbook",
            params={"error": type(exc).__name__},
        ) from None
    return {name: tables[name] for name in TABLES if name in tables}, lang


def _unreadable_results(exc: OSError, p: Path) -> Problem:
    """``file-unreadable`` for a system error met while a results file or folder was read, naming
    the file the system names (a table of the folder), else the results. It used to reach the
    command as an ``os-error`` that named no file ("the operating system refused: Input/output
    error"), for ``pari report``, ``pari explain`` and ``--previous`` alike."""
    return unreadable_file(exc, str(exc.filename) if isinstance(exc.filename, str) and exc.filename else str(p))


#: Files of one table, which pari score writes only as the tables of a results folder.
_TABLE_SUFFIXES = {".csv": "CSV", ".tsv": "CSV", ".txt": "CSV", ".parquet": "Parquet"}


def _not_a_results_path(p: Path) -> None:
    """A pipe, device or socket given as results (``--previous <(cat results.xlsx)``): it was "a
    workbook cannot be read from a pipe", where results are a workbook or a folder and the user
    gave neither. Said as what results are."""
    from pari_index.intake.sheet import not_a_file

    try:
        mode = os.stat(p).st_mode
    except (OSError, ValueError):
        return  # told by the reader, naming the system's reason
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise IntakeError(not_a_file(str(p), mode, "pipe_results"))


def _not_a_table_file(p: Path) -> None:
    """A CSV or Parquet file given as results: one table of a results folder (its ``summary.csv``:
    the folder is the results), or a table of another kind. Either was told "cannot read the results
    workbook (calamine error …)", naming a library, and a summary.csv of pari's own was told to
    "give a results file written by pari score" (session 26)."""
    kind = _TABLE_SUFFIXES.get(p.suffix.lower())
    if kind is None or not p.is_file():  # a folder, a device or a pipe: told by their own checks
        return
    if (p.parent / f"about{p.suffix}").is_file() and p.stem in TABLES:
        folder = str(p.parent)
        message = f"this is one table of the results folder {folder}, not the results; give the folder {folder}"
        raise not_results(p, message, words="table_of_folder", params={"folder": folder})
    message = (
        f"a {kind} file is no results file: pari score writes its results as a workbook (.xlsx) or a folder "
        "(--format csv or parquet)"
    )
    raise not_results(p, message, words="table_file", params={"kind": kind})


def _lone_summary(p: Path) -> str | None:
    """``csv`` or ``parquet`` when ``p`` is one such file outside a results folder, read as the
    summary of last year's results (``--previous summary.csv``): a folder holding that file alone
    was read so, while the file itself was refused as "no results file" until session 35. A table
    of a results folder (its ``about`` beside it) is still told to give the folder."""
    ext = {".csv": "csv", ".parquet": "parquet"}.get(p.suffix.lower())
    if ext is None or not p.is_file() or (p.parent / f"about{p.suffix}").is_file():
        return None
    return ext


def _lone_summary_table(p: Path, ext: str) -> pl.DataFrame:
    """The summary given alone (``--previous summary.csv``), of a row per unit as a register, so
    held to PARI_MAX_REGISTER_ROWS: before it is parsed (a CSV file's rows counted from its
    bytes, a Parquet file's from its footer), and exactly once read. Bounded by nothing until
    session 38: 2.4 million lines ``0`` after a summary (4.8 MB) took 2.1 GB, exit 0."""
    bound = table_rows_limit("summary")
    summary = _read_table(p, ext, bound=bound)
    if summary.height > bound.limit:  # (a CSV file within SPARE_LINES of it)
        raise IntakeError(bound.refuse(summary.height, str(p), None, None))
    columns = set(summary.columns)
    if "commune_code" not in columns or not columns & {"total_points", "index", "rank"}:
        # Another table given by mistake (the assessments, the survey, a register: no result
        # of a unit in it) is refused as before session 35, not called damaged or edited.
        _not_a_table_file(p)
    return summary


#: Entries of a folder given as results that are looked at for the results it may hold.
_FOLDER_LOOKS = 2_000


def _not_a_results_folder(p: Path) -> None:
    """A folder with no results table, said as what it is: the cache of ``pari score --cache``
    (its CACHEDIR.TAG), or a folder that holds results (``pari report out`` for ``out/results.xlsx``,
    or a results folder inside it), named. Both were told only "no summary table: this is not a
    pari-index results file", which named neither the cache nor the file meant."""
    import itertools

    from pari_index.intake.cache_folder import TAG, TAG_SIGNATURE, read_regular

    with contextlib.suppress(OSError, ValueError):
        if read_regular(p / TAG, len(TAG_SIGNATURE)).startswith(TAG_SIGNATURE):
            message = (
                "this is the cache folder of pari score --cache, which holds no results; give the results -o wrote"
            )
            raise not_results(p, message, words="cache_folder")
    held: list[str] = []
    with contextlib.suppress(OSError, ValueError), os.scandir(p) as entries:
        for entry in itertools.islice(entries, _FOLDER_LOOKS):
            is_table_folder = entry.is_dir() and any(
                (Path(entry.path) / f"about.{e}").is_file() for e in ("csv", "parquet")
            )
            if is_table_folder or (entry.name.lower().endswith(".xlsx") and entry.is_file()):
                held.append(str(Path(p) / entry.name))
    if held:
        names = ", ".join(quoted(n) for n in sorted(held)[:3]) + (" …" if len(held) > 3 else "")
        message = f"this folder is not results, but holds {names}: give the results themselves"
        raise not_results(p, message, words="folder_holds", params={"names": names})


def read_results(path: str | Path, *, whole: bool = True) -> dict[str, pl.DataFrame]:
    """Read a results workbook or folder back (for reports and year-over-year comparison), with
    the ids of its tables, columns and coded values whatever language a workbook is written in.
    A damaged or crafted one gives a located IntakeError (exit 1), never a crash.

    ``whole=False`` reads last year's results for comparison (``--previous``), of which only the
    summary (and the about table's year and grouping, when there) is used: a workbook cut down to
    its summary sheet, as a ranking is passed on by e-mail, is read as an analyst's table of codes,
    indices and ranks is. The tables it still holds are checked as ever. Until session 34 it was
    refused as damaged, "score again", which last year's data seldom allows."""
    from pari_index.system.spelling import spelled_on_disk

    p = spelled_on_disk(path)  # typed composed, named decomposed on disk (a Mac's zip)
    try:
        # Path.exists raises what the system says of a name other than "no such file": a file in
        # a folder the user may not search was an os-error naming no cause of its own.
        found = p.exists()
    except OSError as exc:
        raise IntakeError(_unreadable_results(exc, p)) from None
    if not found:
        refused = None if broken_link(p) else refusal(p)  # links that loop above it: not "not found"
        if refused is not None:
            raise IntakeError(_unreadable_results(refused, p))
        missing = Problem("file-not-found", "results file not found", file=str(p))
        raise IntakeError(broken_link(p) or near_name(p) or missing)
    lone = None if whole else _lone_summary(p)
    if lone is None:
        _not_a_table_file(p)
    _not_a_results_path(p)
    try:
        if lone is not None:
            tables, lang = {"summary": _lone_summary_table(p, lone)}, None
        else:
            tables, lang = (_read_folder(p), None) if p.is_dir() else _read_workbook(p)
    except OSError as exc:  # refused while read (an I/O error of a failing disk or share)
        raise IntakeError(_unreadable_results(exc, p)) from None
    if "summary" not in tables:
        if p.is_dir():
            _not_a_results_folder(p)
        raise not_results(
            p,
            "no Summary table (a workbook's «Summary» sheet, a folder's summary.csv or summary.parquet): this is not "
            "a pari-index results file",
            words="no_summary",
        )
    for name, frame in tables.items():
        check_table(p, name, frame, lang)
    check_whole(p, tables, lang, whole)
    if p.is_dir():  # last, so that what the checks above name (rows deleted, values edited) is named so
        changed = changed_file(p, about_facts(tables))
        if changed is not None:
            raise not_results(
                p / f"{changed}.parquet",
                "the bytes of this table of the results are not those pari score wrote: the file was damaged, or "
                "written again, since the run",
                "results-damaged",
                words="file_changed",
            )
    from pari_index.ranking.changes import unit_type_groups_named

    tables["summary"] = unit_type_groups_named(tables["summary"])  # groups of ids, written before session 38
    return tables
