"""Hostile cases of the thirty-second session's helper limits32: tables of many long headings.

A heading is a cell, and a cell may hold 32,767 characters: a table's first row may carry 5 MB of
headings. Each heading becomes the name of a polars column, and a polars plan (``with_columns``,
``select``, ``filter``: every eager call turns the frame lazy) copies every column name of the frame
for each expression it holds; work done column by column over the whole frame is the square of
the columns. Found by giving each kind of table pari reads (assessments, survey, appraisal,
register) 150 to 2,000 more columns whose headings are 2,400 to 30,000 characters long, then
profiling the slow ones. Measured on this shared 2-core machine (load average 3 to 11) on main at
36dae70 (CPU seconds, peak resident memory), then after.

- An appraisal file (the example's 59 rows) with 2,000 more columns, each headed with 2,400
  letters (5 MB): each column not read was looked for filled cells by filtering the whole stacked
  frame (``appraisal_columns.unread_columns``), its 4,000 columns (each heading's column beside it)
  copied and their 10 MB of names put in a plan, 2,000 times: 42.9 CPU s (59 s wall), 320 MB, exit
  0. Now each column is filtered with its heading and the row's place alone, the headings are
  added as series (``tables.read_with_columns``): 2.9 CPU s, 290 MB. 2,000 columns of short
  headings took 6.7 CPU s, now 2.0.

- A survey file (the example's) with 2,000 more columns headed with 2,400 letters (5.5 MB): each
  heading was keyed (case, marks and separators taken off, ``sheet.heading_key``: a Python step a
  character) about six times, 5.4 CPU s. Now each heading is keyed once, and only the letters
  past ASCII are looked at for marks: 2.5 CPU s, the same findings.

- A long form (the example's first 200 rows) with 150 more columns headed with «a0 » and 15,000
  «( » (4.5 MB): the unit or note in brackets after a heading (``sheet._UNIT_AFTER``, «Điểm tự chấm
  (điểm)») was looked for with a pattern tried at each bracket and space, twice for each heading
  matched: 7.0 CPU s. Now it is found from the heading's end (``sheet.without_unit``, once a
  heading): 2.4 CPU s.

- A register (the example's 60 units) with 250 more columns headed with 19,000 letters (4.8 MB,
  under the 256 columns a register may have): its columns go into the summary, where the formulas
  were neutralised (``files.neutralise_formulas``), the text measured (``row_chunks.text_bytes``),
  the values digested (``results_digest.table_digest``) and a workbook's rows written
  (``workbook._sheet_rows``), each by a plan of an expression a column: 850 MB, 3.5 CPU s, exit 0
  (150 columns of 30,000: 780 MB); with a workbook and a report, 858 MB. Now the summary is
  neutralised and measured series by series, digested and written under the names c0, c1, ...
  (``row_chunks.numbered``): 250 MB, 2.0 CPU s; with a workbook and a report 260 MB, its sheets the
  same bytes as before.

- A workbook (the example's long form, its first 299 rows) whose header row has 1,900 more
  headings of «cột», a number and 2,500 letters (4.8 MB of headings in an .xlsx of 39 KB): each
  unknown column's finding quotes its heading twice, and the quote showed each character of a
  text past printable ASCII (``errors.visible``, «ộ» alone here) after looking at its category: 6.2
  CPU s. Now only the runs past printable ASCII are looked at: 2.7 CPU s, the same quotes.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits32.py checks what each answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _csv_text, _rows, _score

Case = Callable[[Path], list[str]]


def long_headings(count: int, letters: int, start: str = "cột") -> list[str]:
    """``count`` distinct headings of ``start``, a number and ``letters`` letters."""
    return [f"{start} {number} " + "b" * letters for number in range(count)]


def _widened(name: str, headings: list[str], rows: int | None = None, filled: int = 0) -> list[list[str]]:
    """The example file ``name`` (its first ``rows`` rows) with ``headings`` as more columns, empty
    but for the first ``filled`` of them in the first row."""
    head, *body = _rows(name)
    body = body[:rows]
    extra = [
        [("x" if row == 0 and column < filled else "") for column in range(len(headings))] for row in range(len(body))
    ]
    return [head + headings, *(line + more for line, more in zip(body, extra, strict=True))]


def appraisal_of_2000_long_headings(folder: Path) -> list[str]:
    """The example appraisal with 2,000 more columns headed with 2,400 letters, the first three
    filled in its first row (three columns not read, told)."""
    path = folder / "tham-dinh.csv"
    path.write_text(_csv_text(_widened("appraisal.csv", long_headings(2_000, 2_400), filled=3), ","), encoding="utf-8")
    return _score(folder, "--format", "csv", "--appraisal", str(path), out="ket-qua")


def survey_of_2000_long_headings(folder: Path) -> list[str]:
    """The example survey with 2,000 more columns headed with 2,400 letters (each an unknown
    column, told)."""
    path = folder / "dieu-tra.csv"
    path.write_text(_csv_text(_widened("survey.csv", long_headings(2_000, 2_400)), ","), encoding="utf-8")
    args = _score(folder, "--format", "csv", out="ket-qua")
    args[args.index("--survey") + 1] = str(path)
    return args


def headings_of_many_brackets(folder: Path) -> list[str]:
    """The example's long form (its first 200 rows) with 150 more columns headed «a0 ( ( ( …» (15,000
    brackets, none closed)."""
    headings = [f"a{number} " + "( " * 15_000 for number in range(150)]
    path = folder / "tu-danh-gia.csv"
    path.write_text(_csv_text(_widened("assessments_long.csv", headings, rows=200), ","), encoding="utf-8")
    return _score(folder, "--format", "csv", assessments=path, out="ket-qua")


def register_of_long_headings(folder: Path) -> list[str]:
    """The example register with 250 more columns headed with 19,000 letters (they go into the
    summary)."""
    args = _score(folder, "--format", "csv", out="ket-qua")
    path = folder / "communes.csv"
    path.write_text(_csv_text(_widened("communes.csv", long_headings(250, 19_000)), ","), encoding="utf-8")
    return args


def workbook_of_1900_long_headings(folder: Path) -> list[str]:
    """The example's long form (its first 299 rows) as an .xlsx with 1,900 more headings of «cột»,
    a number and 2,500 letters."""
    import xlsxwriter

    head, *body = _rows("assessments_long.csv")
    path = folder / "tu-danh-gia.xlsx"
    with xlsxwriter.Workbook(str(path), {"constant_memory": True}) as workbook:
        sheet = workbook.add_worksheet("data")
        sheet.write_row(0, 0, head + long_headings(1_900, 2_500))
        for number, row in enumerate(body[:299], start=1):
            sheet.write_row(number, 0, row)
    return _score(folder, "--format", "csv", assessments=path, out="ket-qua")


CASES: dict[str, Case] = {
    "appraisal-of-2000-long-headings": appraisal_of_2000_long_headings,
    "survey-of-2000-long-headings": survey_of_2000_long_headings,
    "headings-of-many-brackets": headings_of_many_brackets,
    "register-of-long-headings": register_of_long_headings,
    "workbook-of-1900-long-headings": workbook_of_1900_long_headings,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "appraisal-of-2000-long-headings": (1, "unknown-column", ("tham-dinh.csv", "communes.csv")),
    "survey-of-2000-long-headings": (1, "unknown-column", ("dieu-tra.csv", "communes.csv")),
    "headings-of-many-brackets": (1, "unknown-column", ("tu-danh-gia.csv", "communes.csv")),
    "register-of-long-headings": (0, None, ("communes.csv", "survey.csv")),
    "workbook-of-1900-long-headings": (1, "unknown-column", ("tu-danh-gia.xlsx", "communes.csv")),
}
#: Cases whose console says more than the 20,000 characters sweeps allow: 50 findings (the most
#: printed), each quoting a heading cut to some 220 characters twice. Checked by their own test.
LONG_SAYING = ("survey-of-2000-long-headings", "headings-of-many-brackets", "workbook-of-1900-long-headings")
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
