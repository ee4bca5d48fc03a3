"""Checks of a results file read back (pari report, pari explain, --previous): each table has its
key columns and numbers where numbers belong, and the file holds what pari score wrote, whole.
Each refusal is an IntakeError located at the table (sheet), row and column."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

import polars as pl

from pari_index.errors import IntakeError, Problem, quoted
from pari_index.messages.labels import dtype_words
from pari_index.outputs.files import UNIT_COLUMNS, UNIT_PREFIXES
from pari_index.outputs.results_digest import DIGESTED, digest_key, values_digest
from pari_index.outputs.results_labels import column_heading, sheet_name

#: The tables pari score writes into every results file (in this order).
TABLES = ("summary", "criteria", "findings", "rows", "about")


def not_results(
    path: Path,
    message: str,
    code: str = "not-results",
    *,
    words: str,
    params: dict[str, object] | None = None,
    **where: str | int | None,
) -> IntakeError:
    """A results file that cannot be read back. ``words`` (a key of messages' ``results_problem``)
    and ``params`` tell the evidence in the output's language, as ``message`` does in English."""
    shown = {"results_problem": words, **(params or {})}
    return IntakeError(
        Problem(
            code,
            message,
            file=str(path),
            hint=_hint(code),
            params=shown,
            **where,  # type: ignore[arg-type]
        )
    )


#: Columns each table must have for report, explain and --previous to use it.
REQUIRED_COLUMNS = {
    "summary": ("commune_code",),
    "criteria": ("commune_code", "criterion_id"),
    "about": ("key", "value"),
}
#: Columns that hold numbers when present; anything else in them means the file was damaged.
NUMBER_COLUMNS = frozenset(
    {
        *UNIT_COLUMNS,
        "rank",
        "group_size",
        "previous_rank",
        "rank_change",
        "class_order",
        "items_not_assessed",
        "items_rejected",
        "row",
    }
)


def _is_number_column(name: str) -> bool:
    return name in NUMBER_COLUMNS or name.startswith(UNIT_PREFIXES) or name.startswith("rank_area_")


def _first_non_number(values: pl.Series) -> int | None:
    """The index of the first value that is not a finite number (text, inf, nan), or None."""
    if not (values.dtype.is_numeric() or values.dtype in (pl.String, pl.Boolean)):
        return 0
    numbers = values.cast(pl.Float64, strict=False)
    bad = values.is_not_null() & (numbers.is_null() | ~numbers.is_finite().fill_null(False))
    return int(bad.arg_max() or 0) if bad.any() else None


def _check_totals(p: Path, name: str, frame: pl.DataFrame, sheet: str, heading: Callable[[str], str]) -> None:
    """Every unit of a summary has its total points (pari score gives every unit one, those that
    sent nothing too): rows of a code and nothing else are no results. A workbook of 1.2 MB whose
    summary named 90,000 such units kept ``pari report`` busy for 53 s (limits.MAX_REPORT_UNITS)."""
    if name != "summary" or "total_points" not in frame.columns:
        return
    missing = frame.get_column("commune_code").is_not_null() & frame.get_column("total_points").is_null()
    if not missing.any():
        return
    index = int(missing.arg_max() or 0)
    code = str(frame.get_column("commune_code")[index])[:60]
    raise not_results(
        p,
        f"the {sheet} table names unit {quoted(code)} without its total points: the results are damaged",
        "results-damaged",
        words="unit_without_total",
        params={"table": sheet, "code": quoted(code)},
        sheet=sheet,
        row=index + 2,
        field=heading("total_points"),
    )


def check_table(p: Path, name: str, frame: pl.DataFrame, lang: str | None = None) -> None:
    """Refuse a table that lacks its key columns or holds text where numbers belong; a table of a
    workbook of ``lang`` is named by its sheet and headings in that language."""
    sheet = sheet_name(name, lang)

    def heading(column: str) -> str:
        return column if lang is None else column_heading(column, lang)

    missing = [c for c in REQUIRED_COLUMNS.get(name, ()) if c not in frame.columns]
    if missing:
        raise not_results(
            p,
            f"the {sheet} table has no column {', '.join(map(heading, missing))}: the results are damaged",
            words="missing_columns",
            params={"table": sheet, "columns": ", ".join(map(heading, missing))},
            sheet=sheet,
        )
    _check_totals(p, name, frame, sheet, heading)
    for column, dtype in frame.schema.items():
        if dtype.is_nested() or dtype == pl.Object:  # results never hold lists or structs
            raise not_results(
                p,
                f"the {sheet} table has a column of {dtype_words(str(dtype), 'en')}: the results are damaged",
                "results-damaged",
                words="nested_column",
                params={"table": sheet, "dtype": str(dtype)},
                sheet=sheet,
                field=heading(column),
            )
        if not _is_number_column(column) or dtype == pl.Null:
            continue
        bad_row = _first_non_number(frame[column])
        if bad_row is None:
            continue
        raise not_results(
            p,
            f"the {sheet} table holds {quoted(str(frame[column][bad_row])[:60])} where a number belongs: "
            "the results are damaged",
            "results-damaged",
            words="not_a_number",
            params={"table": sheet, "value": quoted(str(frame[column][bad_row])[:60])},
            sheet=sheet,
            field=heading(column),
        )


def _hint(code: str) -> str:
    """The English hint of ``code`` as the catalogue words it (the Vietnamese is the catalogue's
    too): a damaged file is scored again, a file of something else is replaced by results."""
    from pari_index.messages import entry_of

    found = entry_of(code)
    return (
        found.hint.en if found is not None and found.hint is not None else "give a file or folder written by pari score"
    )


def check_whole(p: Path, tables: dict[str, pl.DataFrame], lang: str | None = None, whole: bool = True) -> None:
    """Refuse results that no longer hold what pari score wrote: a table missing, a unit named
    twice, or a table with more or fewer rows than the run recorded in its about table (rows
    deleted, added or cut after the run: a sheet sorted and trimmed in Excel, a district's rows
    kept alone). A ranking report from such a file would rank the units left as if they were
    all. Counts are checked where the about table records them (results of earlier versions
    record no counts of findings and input rows). Without ``whole`` (last year's results, of
    which only the summary is read), a table missing is no damage: see :func:`read_results`."""
    about = about_facts(tables)
    # Results that say which pari wrote them (pari_version, in every results file since the
    # about table had it) hold all five tables, and so do those whose summary is pari's (its
    # maxima, written since the first results, as the about table was): until session 33 a
    # workbook whose About sheet was deleted was read as one made by hand, its other tables, its
    # counts and its digests unchecked, and the report left out that the results were incomplete.
    # A file of the analyst's (a summary of codes, indices and ranks) needs only its summary.
    for name in TABLES if whole and ("pari_version" in about or pari_summary(tables["summary"])) else ():
        if name not in tables:
            # Named in the language of the output, not of the workbook: it has no such sheet.
            raise not_results(
                p,
                f"the results have no {sheet_name(name, 'en')} table, which pari score always writes: the results "
                "are damaged or were cut",
                "results-damaged",
                words="table_missing",
                params={"missing_table": name},
            )
    _check_once(p, tables["summary"], "commune_code", sheet_name("summary", lang))
    _check_rank_order(p, tables["summary"], sheet_name("summary", lang))
    for name, count in written_rows(about).items():
        found = tables[name].height if name in tables else None
        if count is not None and found is not None and found != count:
            raise _rows_changed(p, name, found, count, lang)

    # After the counts: a unit deleted is told as rows deleted, a code re-typed as codes that disagree.
    if "criteria" in tables and tables["criteria"].height:
        _check_same_units(p, tables["summary"], tables["criteria"], lang)
    _check_values(p, tables, about, lang)


def written_rows(about: Mapping[str, str]) -> dict[str, int | None]:
    """The rows pari score wrote in each table, as its about table records them (None: not
    recorded)."""
    units = _count(about.get("communes"))
    items = _count(about.get("scored_items"))
    return {
        "summary": units,
        "criteria": units * items if units is not None and items is not None else None,
        "findings": _count(about.get("findings_rows")),
        "rows": _count(about.get("input_rows")),
    }


def _rows_changed(p: Path, name: str, found: int, count: int, lang: str | None) -> IntakeError:
    sheet = sheet_name(name, lang)
    return not_results(
        p,
        f"the {sheet} table has {found:,} rows, but pari score wrote {count:,}: rows were deleted or added after "
        "the run",
        "results-damaged",
        words="rows_changed",
        params={"table": sheet, "found": found, "written": count},
        sheet=sheet,
    )


#: Line breaks a CSV table may hold past the rows its about table records before they are counted
#: (its heading, a blank line at its end, a line break in a text cell).
SPARE_LINES = 16


def check_rows_before_parse(p: Path, name: str, written: int | None, handle: BinaryIO) -> None:
    """Refuse a CSV table of a results folder holding more rows than pari score wrote in it (its
    about table's count, ``written``) before polars parses it, as ``results-damaged`` (the words
    of :func:`check_whole` once read): its line breaks counted a MiB at a time, and, when they pass
    the count by more than SPARE_LINES, its rows counted from its bytes
    (``csv_input.rows_upper_bound``: a line break in a quoted cell ends no row). A summary of the
    example's 60 units then 2.4 million lines ``0`` (4.8 MB) was parsed whole before it was
    refused: ``pari explain`` 2.5 + 1.6 CPU s and 2.07 GB; its criteria table so, 1.4 + 0.8 CPU s
    and 906 MB (session 37). The about table, whose rows are counted nowhere, is bounded by
    ABOUT_MOST_ROWS (:func:`check_about_before_parse`)."""
    found = None if written is None else rows_past(handle, written)
    if found is not None and written is not None:
        raise _rows_changed(p, name, found, written, None)


#: Rows an about table may hold (pari score writes some 45 of its facts, one row each): a CSV
#: about table of more is refused before it is parsed.
ABOUT_MOST_ROWS = 1_000


def check_about_before_parse(p: Path, handle: BinaryIO) -> None:
    """Refuse a CSV about table of more rows than ABOUT_MOST_ROWS before polars parses it, as
    ``results-damaged``. Its own rows are counted nowhere, so until session 37's review a results
    folder whose about.csv was grown by 2.4 million lines ``0`` (4.8 MB) was parsed whole and
    read as sound: ``pari explain`` 6.5-7.7 s and 191-228 MB, its answer printed."""
    found = rows_past(handle, ABOUT_MOST_ROWS)
    if found is not None:
        raise about_grown(p, found)


def about_grown(p: Path, found: int) -> IntakeError:
    """An about table of ``found`` rows, more than ABOUT_MOST_ROWS: ``results-damaged``."""
    sheet = sheet_name("about", None)
    return not_results(
        p,
        f"the {sheet} table has {found:,} rows, more than pari score ever writes in it ({ABOUT_MOST_ROWS:,}): "
        "rows were added after the run",
        "results-damaged",
        words="about_grown",
        params={"table": sheet, "found": found, "most": ABOUT_MOST_ROWS},
        sheet=sheet,
    )


def parquet_rows_refused(p: Path, name: str, written: int | None) -> Callable[[int], Problem | None]:
    """The refusal of a Parquet table of a results folder whose footer counts more rows than pari
    score wrote in it (its about table's count, ``written``; the about table itself: more than
    ABOUT_MOST_ROWS), with the words of :func:`check_rows_before_parse`, before its pages are
    read: a summary grown by 400,000 rows (58 KB) was read whole, then refused, 307 MB (session
    37); now 110 MB (session 38). Fewer rows are read and told by :func:`check_whole`."""

    def refused(rows: int) -> Problem | None:
        if name == "about" and rows > ABOUT_MOST_ROWS:
            return about_grown(p, rows).problems[0]
        if name != "about" and written is not None and rows > written:
            return _rows_changed(p, name, rows, written, None).problems[0]
        return None

    return refused


def rows_past(handle: BinaryIO, most: int) -> int | None:
    """The rows of the CSV table read by ``handle`` (below its heading) when more than ``most``,
    else None; ``handle`` left at its start."""
    from pari_index.intake.csv_input import rows_upper_bound

    lines = 0
    while chunk := handle.read(1 << 20):
        lines += chunk.count(b"\n")
    handle.seek(0)
    if lines <= most + SPARE_LINES:
        return None
    found = rows_upper_bound(handle.read(), ",")
    handle.seek(0)
    return found if found > most else None


def _check_values(p: Path, tables: Mapping[str, pl.DataFrame], about: Mapping[str, str], lang: str | None) -> None:
    """Refuse a table whose values are not those pari score wrote: its digest (results_digest),
    recorded in the about table, differs. Last, so that what the checks above name is named so.
    A score or a total typed over within the rounding, a class changed, a finding's text edited
    passed every other check. Results written before the digests (none in the about table) are
    read as before."""
    for name in DIGESTED:
        recorded = about.get(digest_key(name), "").strip().lower()
        if not recorded or name not in tables or values_digest(name, tables[name]) == recorded:
            continue
        sheet = sheet_name(name, lang)
        raise not_results(
            p,
            f"the values of the {sheet} table are not those pari score wrote (a score, a total, a class or a text was "
            "changed, or the rows sorted again, after the run): the results were edited",
            "results-damaged",
            words="values_changed",
            params={"table": sheet},
            sheet=sheet,
        )


def _check_once(p: Path, frame: pl.DataFrame, key: str, sheet: str) -> None:
    """Refuse a table that names a unit twice (a row copied, or two results pasted together)."""
    # The later of the two rows: the copy (the first is where the unit was written).
    twice = ~frame.get_column(key).is_first_distinct() & frame.get_column(key).is_not_null()
    if not twice.any():
        return
    index = int(twice.arg_max() or 0)
    code = quoted(str(frame.get_column(key)[index])[:60])
    raise not_results(
        p,
        f"the {sheet} table names unit {code} more than once: the results were edited",
        "results-damaged",
        words="unit_twice",
        params={"table": sheet, "code": code},
        sheet=sheet,
        row=index + 2,
    )


def _check_same_units(p: Path, summary: pl.DataFrame, criteria: pl.DataFrame, lang: str | None) -> None:
    """Refuse a summary and a criteria table that name different units: every unit pari scores has
    its rows in both. Codes re-saved by a spreadsheet program lose their leading zeros (00001 became
    1 in a summary opened and saved in Excel, and the report showed no details for any unit)."""
    tables = {"summary": summary, "criteria": criteria}
    codes = {
        name: frame.select(pl.col("commune_code").cast(pl.String).drop_nulls().unique())
        for name, frame in tables.items()
    }
    for name, other in (("summary", "criteria"), ("criteria", "summary")):
        alone = codes[name].join(codes[other], on="commune_code", how="anti")
        if alone.height == 0:
            continue
        code = str(alone.sort("commune_code")["commune_code"][0])
        row = int(tables[name]["commune_code"].cast(pl.String).eq(code).arg_max() or 0) + 2
        sheet, other_sheet = sheet_name(name, lang), sheet_name(other, lang)
        raise not_results(
            p,
            f"the {sheet} table names unit {quoted(code[:60])}, of which the {other_sheet} table has no row "
            f"({alone.height:,} such units): the codes of the tables no longer agree (a spreadsheet program such as "
            "Excel drops the leading zeros of codes it takes for numbers)",
            "results-damaged",
            words="units_disagree",
            params={"table": sheet, "other": other_sheet, "code": quoted(code[:60]), "count": alone.height},
            sheet=sheet,
            row=row,
        )


def _check_rank_order(p: Path, summary: pl.DataFrame, sheet: str) -> None:
    """Refuse a summary whose ranks do not follow its index: within a group, a unit ranked after
    another never has a higher index (ties are broken only between equal indices). An index or a
    rank typed over in Excel, to lift one unit, breaks this; the report would print both."""
    if not {"rank", "index", "commune_code"} <= set(summary.columns):
        return
    group = next((c for c in ("group_key", "group") if c in summary.columns), None)
    ranked = (
        summary.with_row_index("_row")
        .select(
            "_row",
            "commune_code",
            pl.col("rank").cast(pl.Float64, strict=False),
            pl.col("index").cast(pl.Float64, strict=False),
            (pl.col(group).cast(pl.String) if group else pl.lit("")).alias("_group"),
        )
        .drop_nulls(["rank", "index"])
        .sort("_group", "rank", "index", descending=[False, False, True], maintain_order=True)
    )
    above = pl.col("index").shift(1).over("_group")
    wrong = ranked.with_columns(
        above.alias("_above_index"),
        pl.col("commune_code").shift(1).over("_group").alias("_above"),
        pl.col("rank").shift(1).over("_group").alias("_above_rank"),
    ).filter(pl.col("index") > pl.col("_above_index"))
    if wrong.height == 0:
        return
    first = wrong.row(0, named=True)
    code, other = quoted(str(first["commune_code"])[:60]), quoted(str(first["_above"])[:60])
    rank, index, other_rank, other_index = (_shown(first[k]) for k in ("rank", "index", "_above_rank", "_above_index"))
    raise not_results(
        p,
        f"the {sheet} table ranks unit {code} {rank} with an index of {index}, after unit {other} ranked {other_rank} "
        f"with {other_index}: the ranks do not follow the index, the results were edited",
        "results-damaged",
        words="ranks_out_of_order",
        params={
            "table": sheet,
            "code": code,
            "rank": rank,
            "index": index,
            "other": other,
            "other_rank": other_rank,
            "other_index": other_index,
        },
        sheet=sheet,
        row=int(first["_row"]) + 2,
    )


def _shown(value: float) -> int | float:
    """A rank or an index as the summary shows it: a whole number without its ".0"."""
    return int(value) if float(value).is_integer() else round(value, 4)


#: Columns of every summary pari score has written (the maxima of its parts), never of a table of
#: the analyst's own: a summary with them all is pari's.
PARI_SUMMARY = ("appraised_points", "appraised_max", "survey_max", "applicable_max")


def tables_cut(tables: Mapping[str, pl.DataFrame]) -> int:
    """How many of the tables pari score always writes are missing from results that are pari's
    (their about table names the version, or their summary has pari's own columns): 0 for an
    analyst's table of codes, indices and ranks, which was never more."""
    if "summary" not in tables or ("pari_version" not in about_facts(tables) and not pari_summary(tables["summary"])):
        return 0
    return sum(name not in tables for name in TABLES)


def pari_summary(summary: pl.DataFrame) -> bool:
    """Whether ``summary`` has the columns only pari's summary has (its parts' maxima)."""
    return set(PARI_SUMMARY) <= set(summary.columns)


def about_facts(tables: Mapping[str, pl.DataFrame]) -> dict[str, str]:
    """The about table of results read back, its values by key as text ("" for an empty one;
    empty without the table): what the report, the checks here and ``--criteria`` read of it."""
    about = tables.get("about")
    if about is None or not {"key", "value"} <= set(about.columns):
        return {}
    return {_as_text(k): _as_text(v) for k, v in about.select("key", "value").iter_rows()}


def _as_text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _count(value: str | None) -> int | None:
    """A count the about table records, or None (not recorded, or not a count)."""
    return int(value) if value is not None and value.strip().isdigit() else None
