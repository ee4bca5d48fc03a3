"""Reading an annex workbook: the annex table and, when the export wrote them, its cover sheets.

The workbook goes through the project's own reader (:func:`pari_index.intake.xlsx.read_excel`), with its
limits on hostile files. A decision's annex usually has title rows ("PHỤ LỤC …") above the header;
the header is the first row that has an STT column. Merged cells (an area's title across the row)
are expected in an annex and read as their first cell, which is where the value is.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pari_index.authoring.export import ANNEX_COLUMNS
from pari_index.errors import IntakeError, Problem, criteria_as_table, unreadable_file
from pari_index.intake.tables import EXCEL_SUFFIXES, FILE, ROW, SHEET, Sheet
from pari_index.messages import render, render_hint

#: Header texts of the number column (compared in lower case).
NUMBER_HEADERS = {"stt", "tt", "số tt", "số thứ tự", "no.", "no", "number"}


def _as_annex_refusal(problem: Problem) -> Problem:
    """A sheet the reader refused, told as the import's: a legacy font's sheet was «not read, rather
    than score garbled text» (a scoring run's words) of an import that scores nothing, until session 39."""
    if problem.code != "legacy-font" or problem.params is None:
        return problem
    kind = "annex-legacy-font"
    return dataclasses.replace(
        problem, code=kind, message=render(kind, problem.params, "en"), hint=render_hint(kind, "en")
    )


#: How far down a header row is looked for.
HEADER_SEARCH_ROWS = 30
_MERGED = re.compile(r"cells [A-Z]+(\d+):[A-Z]+(\d+) are merged")


def _expected(problem: Problem) -> bool:
    """A merge within one row (an area's title across the columns) is how annexes look; a merge
    down several rows leaves the rows below it empty, and is passed on."""
    found = _MERGED.match(problem.message) if problem.code == "merged-cells" else None
    return found is not None and found.group(1) == found.group(2)


@dataclass
class AnnexRow:
    row: int
    number: str | None
    title: str | None
    points: str | None
    method: str | None
    evidence: str | None


@dataclass
class AnnexBook:
    file: str
    sheet: str
    rows: list[AnnexRow]
    columns: dict[str, str]  # role -> header as written
    title: str | None = None  # a title row above the header, if any
    particulars: dict[str, str] | None = None  # cover sheet: key -> value
    classes: list[dict[str, str]] | None = None
    items: dict[str, dict[str, str]] | None = None  # STT -> column -> value
    problems: list[Problem] = field(default_factory=list)


#: The reader's words for a merge, hidden rows and hidden columns are a scoring run's ("read and
#: scored as the others ... then score again"); the import drafts them, and says so in both
#: languages. Until session 39 the Vietnamese of a merge down several rows was the bare title
#: «Ô bị gộp: chỉ ô đầu có giá trị» (its cells dropped with its parameters), and hidden rows of
#: an annex were «vẫn được chấm ... rồi chấm lại»: rows scored, a run to redo.
_DRAFTED_AS = {
    "merged-cells": "annex-merged-cells",
    "hidden-rows": "annex-hidden-rows",
    "hidden-columns": "annex-hidden-columns",
}


def _as_warning(problem: Problem) -> Problem:
    """A cell problem of the annex is a warning of the import: the draft is still written, and
    every item it affects is checked by pari validate. (Until session 30 only a merged cell was:
    a formula without a saved result was printed as an «error» of an import that wrote its draft
    and ended with exit 0.)"""
    drafted = _DRAFTED_AS.get(problem.code)
    if drafted is None or problem.params is None:
        return dataclasses.replace(problem, severity="warning")
    # The catalogue's words in English too, so that a count agrees («1 hidden row»).
    message = render(drafted, problem.params, "en")
    return dataclasses.replace(
        problem, code=drafted, message=message, hint=render_hint(drafted, "en"), severity="warning"
    )


def _is_number_header(cell: object) -> bool:
    return isinstance(cell, str) and re.sub(r"\s+", " ", cell).strip().casefold() in NUMBER_HEADERS


def header_row(grid: pl.DataFrame) -> int:
    """The grid index of the first row with an STT cell among its first cells (0 if none)."""
    for index, row in enumerate(grid.head(HEADER_SEARCH_ROWS).iter_rows()):
        if any(_is_number_header(cell) for cell in row[:3]):
            return index
    return 0


def _role(header: str) -> str | None:
    low = header.casefold()
    if low in NUMBER_HEADERS:
        return "number"
    if any(w in low for w in ("phương pháp", "cách chấm", "hướng dẫn chấm", "scoring method")):
        return "method"
    if any(w in low for w in ("kiểm chứng", "tài liệu", "evidence")):
        return "evidence"
    if any(w in low for w in ("điểm", "maximum", "points")):
        return "points"
    if any(w in low for w in ("tiêu chí", "lĩnh vực", "nội dung", "area", "title")):
        return "title"
    return None


def _roles(sheet: Sheet) -> dict[str, str]:
    roles: dict[str, str] = {}
    for column in sheet.frame.columns:
        role = _role(column)
        if role is not None and role not in roles:
            roles[role] = column
    return roles


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value)
    # The writer puts an apostrophe before text a spreadsheet would take for a formula.
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        text = text[1:]
    return text.strip() or None


def _annex_rows(sheet: Sheet, roles: dict[str, str]) -> list[AnnexRow]:
    rows = []
    for record in sheet.frame.iter_rows(named=True):

        def get(role: str, record: dict[str, object] = record) -> str | None:
            return _text(record.get(roles[role])) if role in roles else None

        rows.append(
            AnnexRow(int(str(record[ROW])), get("number"), get("title"), get("points"), get("method"), get("evidence"))
        )
    return rows


def _cover(sheets: list[Sheet], book: AnnexBook) -> None:
    for sheet in sheets:
        names = [c for c in sheet.frame.columns if c not in (ROW, FILE, SHEET)]
        columns = [c.casefold() for c in names]
        records = [{k: _text(v) or "" for k, v in r.items()} for r in sheet.frame.select(names).iter_rows(named=True)]
        if len(names) >= 3 and columns[:2] in (["khoá", "mục"], ["khóa", "mục"], ["key", "item"]):
            key, value = names[0], names[2]
            book.particulars = {r[key]: r[value] for r in records if r[key]}
        elif columns and columns[0] in ("xếp loại", "class"):
            book.classes = [list_values(r, names) for r in records]
        elif columns and columns[0] in NUMBER_HEADERS and ("nguồn gốc" in columns or "provenance" in columns):
            book.items = {r[names[0]]: list_values(r, names) for r in records if r[names[0]]}


def list_values(record: dict[str, str], columns: list[str]) -> dict[str, str]:
    """A cover-sheet row keyed by column position (0, 1, …), so both languages read alike."""
    return {str(i): record.get(name, "") for i, name in enumerate(columns)}


def _refuse_english_copy(sheet: Sheet, file: str) -> None:
    """The English reading copy of an exported annex is refused at once: its scoring methods are
    English sentences, which the importer does not read (it reads methods as decisions print them,
    in Vietnamese). Before, each of its items was drafted with a todo «method not recognised»
    (59 of the Hà Nội set's, «0 rules recognised»), told as if the annex were badly written."""
    headers = [column for column in sheet.frame.columns if column not in (ROW, FILE, SHEET)]
    english = ANNEX_COLUMNS["en"]  # the headings of the English reading copy
    methods = sheet.frame.get_column(english[3]).cast(pl.String) if english[3] in headers else None
    # (English headings over Vietnamese methods, typed by a user, are an annex to read)
    vietnamese = methods is not None and bool(methods.str.contains("(?i)điểm").any())
    if headers[: len(english)] == english and not vietnamese:
        raise IntakeError(
            Problem(
                "annex-english-copy",
                "this is the English reading copy «pari criteria export --lang en» writes: its scoring methods "
                "are in English, and the importer reads them only in Vietnamese, as decisions print them",
                file=file,
                sheet=sheet.name,
                hint="import the Vietnamese annex (pari criteria export without --lang en writes it), or use the "
                "criteria set's YAML itself",
            )
        )


def _other_tables(others: list[Sheet], drafted: Sheet, file: str) -> list[Problem]:
    """A warning for each other sheet that holds an annex table too («Phụ lục II» beside «Phụ lục
    I»: a set for wards beside the one for communes, or the survey's part): only the first is
    drafted. Until session 30 the others were passed over without a word (their merged cells were
    even reported), and their items were in no draft."""
    found = []
    for sheet in others:
        roles = _roles(sheet)
        columns = [column.casefold() for column in sheet.frame.columns]
        # An annex to draft has scoring methods: a summary, a self-scoring form or a sheet of general
        # rules beside the annex (STT, a title, points, no method) is no second annex.
        if not {"number", "title", "method"} <= roles.keys() or "nguồn gốc" in columns or "provenance" in columns:
            continue
        numbered = sum(1 for value in sheet.frame.get_column(roles["number"]).to_list() if _text(value))
        found.append(
            Problem(
                "annex-sheet-not-read",
                f"sheet «{sheet.name}» holds an annex table too ({numbered} numbered rows); only «{drafted.name}», "
                "the first, was drafted",
                file=file,
                sheet=sheet.name,
                hint="import each annex from a workbook of its own (move the sheet into a new workbook), or "
                "delete the sheet if it is not part of the set",
                severity="warning",
                params={"sheet": sheet.name or "", "rows": numbered, "drafted": drafted.name or ""},
            )
        )
    return found


def read_annex(path: Path, file: str) -> AnnexBook:
    """The annex table of a workbook, and its cover sheets when present; IntakeError when no
    sheet has an STT column and a title column."""
    from pari_index.intake.xlsx import read_excel

    if path.is_dir():  # a folder of annexes: not "save it as .xlsx", which a folder cannot be
        folder = Problem("is-a-directory", "this is a folder, not a file", file=file, hint="give the file itself")
        raise IntakeError(folder)
    try:  # a set's name mistyped (bo.yml for bo.yaml) is not found, near name told, not "a criteria set already"
        path.stat()
    except OSError as exc:
        raise IntakeError(unreadable_file(exc, file)) from None
    except ValueError:  # a NUL in the name: as read_excel tells it
        pass
    if criteria_as_table(file, path) is not None:
        # A set given as its own annex (``pari criteria import bo.yaml``) was "an annex is read
        # from an Excel workbook (.xlsx)", hint "save it as .xlsx": of a set, already what import makes.
        raise IntakeError(
            Problem(
                "annex-is-criteria",
                "this is a criteria set (YAML) already, not an annex table to draft one from",
                file=file,
                hint="use the set as it is (pari validate, --criteria); to get its annex table, write it with "
                "pari criteria export",
            )
        )
    if path.suffix.lower() not in EXCEL_SUFFIXES:
        raise IntakeError(
            Problem(
                "not-an-annex",
                "an annex is read from an Excel workbook (.xlsx)",
                file=file,
                hint="save it as .xlsx",
                params={"annex_refusal": "not_xlsx"},
            )
        )
    result = read_excel(path, file, header_row=header_row)
    for sheet in result.sheets:
        roles = _roles(sheet)
        if "number" in roles and "title" in roles:
            _refuse_english_copy(sheet, file)
            book = AnnexBook(file, sheet.name or "", _annex_rows(sheet, roles), roles)
            book.problems = [_as_warning(p) for p in result.problems if not _expected(p)]
            book.problems += _other_tables([s for s in result.sheets if s is not sheet], sheet, file)
            _cover([s for s in result.sheets if s is not sheet], book)
            return book
    problems = [p for p in result.problems if not _expected(p)]
    if not result.sheets and problems:
        raise IntakeError([_as_annex_refusal(p) for p in problems])
    raise IntakeError(
        [
            Problem(
                "not-an-annex",
                "no sheet has an annex table: a header row with «STT» and a title column "
                "(«Lĩnh vực/Tiêu chí»), then «Điểm tối đa», «Phương pháp chấm điểm», «Tài liệu kiểm chứng»",
                file=file,
                hint="see docs/authoring.md for the columns an annex needs",
                params={"annex_refusal": "no_table"},
            ),
            *problems,
        ]
    )


__all__ = ["AnnexBook", "AnnexRow", "header_row", "read_annex"]
