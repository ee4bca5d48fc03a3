"""Hostile cases of the thirty-sixth session's helper limits36: the appraisal file's rows bounded
before the parse, a workbook's rows bounded before calamine reads it, and the other commands given
large files.

Found by running the real ``pari`` (main at 071b56d) on files made for it, on this shared 2-core
machine (CPU seconds and peak resident memory from ``/usr/bin/time -v``):

- An appraisal file (``--appraisal``) had no row limit: it was parsed whole and each of its rows
  checked, its findings built and folded (session 35 left the parse, 750 MB of a 19.2-million-cell
  grid, as the peak). The example's appraisal and 2.4 million lines ``0`` (4.8 MB, the case
  ``limits34/appraisal-of-millions-of-tiny-rows``): 4.4 + 3.0 CPU s and 972 MB on main, exit 1,
  2.4 million ``missing-reason`` errors; its headings alone and the same lines 3.8 + 2.0 CPU s and
  828 MB; as Parquet (37 KB) 4.2 + 2.5 CPU s and 1,040 MB; a workbook of its headings and 600,000
  rows of a code alone (2.9 MB, its dimension saying A1:H2) 5.2 + 1.1 CPU s and 446 MB. Now an
  appraisal has a row limit as a register has (``tables.table_rows_limit("appraisal")``:
  ``PARI_MAX_APPRAISAL_ROWS``, 500,000, a row per correction of a unit's item; a province's
  council appraising every item of its 170 communes writes some 30,000), measured before the
  parse (a CSV file from its bytes, a Parquet file by its rows of text) and on the frame read
  (``check_table_rows``): ``too-many-rows`` naming the file, exit 1, nothing written: 1.2 + 0.1
  CPU s and 156 MB, 1.2 + 0.1 and 148 MB, 1.4 + 0.2 and 203 MB, 1.9 + 0.2 and 178 MB. The
  message says what a row of the table is and which variable raises the limit (``rows_per``,
  ``limit_name``; the register's words as before). At the limit, the example's appraisal and
  499,900 lines ``0`` take 3.5 + 1.1 CPU s and 355 MB.

- A register (``--communes``) as a workbook, the example's 60 units then 800,000 rows of a code
  ``0`` alone (3.9 MB): read whole by calamine, then ``too-many-rows`` at row 100,002: 3.0 + 0.4
  CPU s and 377 MB (``pari template --communes``: 344 MB), the same with a ``<dimension>`` lying
  (A1:F61). The rows limit was given to the CSV and Parquet readers only. Now the workbook reader
  takes it too (``xlsx.reading.rows_past_limit``), and tells from the measure of the sheet's XML
  made before calamine opens it (never from its dimension) the rows holding a value at the least:
  its rows ending in a cell with content (``</c></row>``, counted in C:
  ``_SheetCells.content_rows``) and its cells with content over the width of its used range.
  Past the limit and a heading's lines (``HEADING_LINES``), ``too-many-rows`` naming the file and
  the sheet with that least count: 2.2 + 0.2 CPU s and 159 MB (122 MB for ``template``), whatever
  the dimension says; formatted empty cells (``<c r="A9" s="1"/>``) count for nothing, so a
  register of 50 units above 5,000 such rows under a limit of 50 is read whole
  (tests/test_hostile_limits36.py).

- Measured, nothing changed: a lineage table (``--lineage``) where the example's first unit
  takes up 50,000 old codes (1 MB) none of which is in last year's results:
  ``lineage-links-nothing`` (exit 1, the results written), 2.1 + 0.2 CPU s and 190 MB. Last
  year's results (``--previous``) whose summary names 250,000 units (124 MB, past this class's
  few megabytes; not kept as a case): ``results-damaged`` (the scoring run wrote 60 rows), 2.6 +
  0.6 CPU s and 497 MB. A survey of one commune answering 1,000,000 times (18 MB; session 35:
  976 MB, linear at about 0.9 KB an answer, 391 MB at 5 MB) is read by the assessments' reader,
  bounded by its cells (PARI_MAX_CELLS) but not by commune: left as it is. ``pari diff`` of two
  valid sets of 445 items each (5 areas × 8 criteria × 10 sub-criteria, 134 KB, made for it; not
  kept as a case): a third of the titles changed, 1.5 CPU s and 81 MB; every id renumbered (``1``
  to ``91``, each item matched by its likeness), 4.8 CPU s and 81 MB, most of it the bound of
  each pair's likeness (``authoring.diff``, 177,050 pairs of ``Counter &``; ``difflib``'s ratio
  is capped at MAX_COMPARISONS, 20,000): quadratic in the items but bounded by
  PARI_MAX_CRITERIA_ITEMS (500), left as it is.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits36.py checks what each answers.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from hostile_sweep8 import EXAMPLES, _score
from hostile_xlsx import inline, sheet_xml, write_package

Case = Callable[[Path], list[str]]

#: Lines ``0`` below an appraisal's headings or rows (4.8 MB as CSV).
TINY_ROWS = 2_400_000
#: Rows ``0`` below a workbook register's units (a sheet holds at most 1,048,576 rows).
SHEET_ROWS = 800_000
#: Rows ``0`` below an appraisal workbook's headings: its 8 columns by them stay within the
#: cells a sheet may span (PARI_MAX_XLSX_CELLS, 5 million).
APPRAISAL_ROWS = 600_000


def appraisal_of_headings_and_millions_of_tiny_rows(folder: Path) -> list[str]:
    """An appraisal file of its headings alone and 2.4 million lines holding a code alone."""
    appraisal = folder / "appraisal.csv"
    heading = (EXAMPLES / "appraisal.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    appraisal.write_text(heading + "\n" + "0\n" * TINY_ROWS, encoding="utf-8")
    return _score(folder, "--appraisal", str(appraisal))


def appraisal_parquet_of_millions_of_tiny_rows(folder: Path) -> list[str]:
    """The example's appraisal as Parquet, then 2.4 million rows holding a code alone (a few KB)."""
    import polars as pl

    appraisal = pl.read_csv(EXAMPLES / "appraisal.csv", infer_schema=False)
    tiny = pl.DataFrame({"commune_code": ["0"] * TINY_ROWS}).with_columns(
        pl.lit(None, dtype=pl.String).alias(c) for c in appraisal.columns if c != "commune_code"
    )
    pl.concat([appraisal, tiny.select(appraisal.columns)]).write_parquet(folder / "appraisal.parquet")
    return _score(folder, "--appraisal", str(folder / "appraisal.parquet"))


def _register_sheet(rows: int, *, dimension: str = "") -> Iterator[bytes]:
    """The example's register as sheet XML (inline strings), then ``rows`` rows of a code ``0``
    alone, streamed."""
    with (EXAMPLES / "communes.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    head, tail = sheet_xml("<!--rows-->", dimension=dimension).split("<!--rows-->")
    yield head.encode()
    letters = "ABCDEF"
    for r, values in enumerate(table, start=1):
        cells = "".join(inline(f"{letters[c]}{r}", v) for c, v in enumerate(values) if v)
        yield f'<row r="{r}">{cells}</row>'.encode()
    first = len(table) + 1
    for start in range(first, first + rows, 10_000):
        yield "".join(
            f'<row r="{r}"><c r="A{r}"><v>0</v></c></row>' for r in range(start, min(start + 10_000, first + rows))
        ).encode()
    yield tail.encode()


def register_xlsx_of_many_tiny_rows(folder: Path) -> list[str]:
    """The example's register as a workbook, then 800,000 rows holding a code alone (2 MB)."""
    args = _score(folder)
    write_package(folder / "communes.xlsx", _register_sheet(SHEET_ROWS))
    args[args.index("--communes") + 1] = str(folder / "communes.xlsx")
    return args


def register_xlsx_of_many_tiny_rows_dimension_lying(folder: Path) -> list[str]:
    """The same workbook, its ``<dimension>`` saying it spans A1:F61 (a lie)."""
    args = _score(folder)
    write_package(folder / "communes.xlsx", _register_sheet(SHEET_ROWS, dimension="A1:F61"))
    args[args.index("--communes") + 1] = str(folder / "communes.xlsx")
    return args


def template_register_xlsx_of_many_tiny_rows(folder: Path) -> list[str]:
    """``pari template`` for that workbook register."""
    write_package(folder / "communes.xlsx", _register_sheet(SHEET_ROWS))
    return ["template", "--communes", str(folder / "communes.xlsx"), "-o", str(folder / "mau.xlsx")]


def appraisal_xlsx_of_many_tiny_rows(folder: Path) -> list[str]:
    """An appraisal workbook of its headings and 600,000 rows holding a code alone (2.9 MB), its
    dimension lying (A1:H2)."""
    heading = (EXAMPLES / "appraisal.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    cells = "".join(inline(f"{'ABCDEFGH'[c]}1", v) for c, v in enumerate(heading))

    def sheet() -> Iterator[bytes]:
        head, tail = sheet_xml("<!--rows-->", dimension="A1:H2").split("<!--rows-->")
        yield (head + f'<row r="1">{cells}</row>').encode()
        for start in range(2, APPRAISAL_ROWS + 2, 10_000):
            yield "".join(
                f'<row r="{r}"><c r="A{r}"><v>0</v></c></row>'
                for r in range(start, min(start + 10_000, APPRAISAL_ROWS + 2))
            ).encode()
        yield tail.encode()

    write_package(folder / "appraisal.xlsx", sheet())
    return _score(folder, "--appraisal", str(folder / "appraisal.xlsx"))


def _previous_results(folder: Path) -> Path:
    """Last year's results: the example's, scored as CSV files into ``ket-qua-nam-truoc``."""
    from click.testing import CliRunner

    from pari_index.cli import main

    shutil.copytree(EXAMPLES, folder / "nam-truoc", ignore=shutil.ignore_patterns("*.xlsx", "*.html", "*.md", "*.py"))
    previous = _score(folder, "--format", "csv", out="ket-qua-nam-truoc")
    previous[1] = str(folder / "nam-truoc" / "assessments_long.csv")
    done = CliRunner().invoke(main, previous)
    assert done.exit_code == 0, done.output
    return folder / "ket-qua-nam-truoc"


def lineage_of_one_code_taking_up_many(folder: Path) -> list[str]:
    """A lineage table where one new code (the example's first unit) takes up 50,000 old codes
    (1.0 MB), the example's last year's results beside it."""
    previous = _previous_results(folder)
    lineage = folder / "lineage.csv"
    lineage.write_text("old_code,new_code\n" + "".join(f"9{i:06d},00001\n" for i in range(50_000)), encoding="utf-8")
    return _score(folder, "--previous", str(previous), "--lineage", str(lineage))


CASES: dict[str, Case] = {
    "appraisal-of-headings-and-millions-of-tiny-rows": appraisal_of_headings_and_millions_of_tiny_rows,
    "appraisal-parquet-of-millions-of-tiny-rows": appraisal_parquet_of_millions_of_tiny_rows,
    "register-xlsx-of-many-tiny-rows": register_xlsx_of_many_tiny_rows,
    "register-xlsx-of-many-tiny-rows-dimension-lying": register_xlsx_of_many_tiny_rows_dimension_lying,
    "template-register-xlsx-of-many-tiny-rows": template_register_xlsx_of_many_tiny_rows,
    "appraisal-xlsx-of-many-tiny-rows": appraisal_xlsx_of_many_tiny_rows,
    "lineage-of-one-code-taking-up-many": lineage_of_one_code_taking_up_many,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "appraisal-of-headings-and-millions-of-tiny-rows": (1, "too-many-rows", ("appraisal.csv", "communes.csv")),
    "appraisal-parquet-of-millions-of-tiny-rows": (1, "too-many-rows", ("appraisal.parquet",)),
    "register-xlsx-of-many-tiny-rows": (1, "too-many-rows", ("communes.xlsx", "assessments_long.csv")),
    "register-xlsx-of-many-tiny-rows-dimension-lying": (1, "too-many-rows", ("communes.xlsx",)),
    "template-register-xlsx-of-many-tiny-rows": (1, "too-many-rows", ("communes.xlsx",)),
    "appraisal-xlsx-of-many-tiny-rows": (1, "too-many-rows", ("appraisal.xlsx",)),
    "lineage-of-one-code-taking-up-many": (
        1,
        "lineage-links-nothing",
        ("lineage.csv", "ket-qua-nam-truoc/summary.csv"),
    ),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "appraisal-of-headings-and-millions-of-tiny-rows": ("out.xlsx",),
    "appraisal-parquet-of-millions-of-tiny-rows": ("out.xlsx",),
    "register-xlsx-of-many-tiny-rows": ("out.xlsx",),
    "register-xlsx-of-many-tiny-rows-dimension-lying": ("out.xlsx",),
    "template-register-xlsx-of-many-tiny-rows": ("mau.xlsx",),
    "appraisal-xlsx-of-many-tiny-rows": ("out.xlsx",),
}
