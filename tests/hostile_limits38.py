"""Hostile cases of the thirty-eighth session's helper limits38.

Found by running the real ``pari`` (main at 5bf6759) on files made for it, on this shared 2-core
machine (CPU seconds user + system and peak resident memory from ``/usr/bin/time -v``):

- Last year's summary given alone (``--previous summary.csv``, read since session 35) was bounded
  by nothing: the example's summary then 2.4 million lines ``0`` (4.8 MB) was parsed whole and
  taken as last year's results, 1.9 + 3.4 CPU s and 2.12 GB, exit 0. As Parquet, the summary
  then 400,000 such rows (57 KB): 0.7 + 0.3 CPU s and 483 MB, then ``results-damaged``. A summary
  holds a row per unit, as a register does, so it is now held to PARI_MAX_REGISTER_ROWS (100,000)
  before it is parsed: ``too-many-rows`` naming the file and the variable, the CSV's rows counted
  from its bytes (``results_checks.rows_past``), the Parquet file's from its footer
  (``parquet_measure.read_measured(rows_refused=…)``): 0.8 CPU s and 158 MB, 0.7 and 145 MB.

- A results folder of Parquet tables (``pari score --format parquet``) read back was bounded by
  the cells of a results workbook (25 million) only: its summary grown by 400,000 rows (58 KB)
  was read whole, then ``results-damaged`` (``pari explain`` 0.6 CPU s and 310 MB,
  ``--previous`` 0.8 and 357 MB); its about table grown by 400,000 rows (4 KB) was read as sound
  and the unit explained, exit 0 (a CSV about table is refused past ABOUT_MOST_ROWS since session
  37's review). Each Parquet table's footer rows are now held to what the about table records, and
  the about table's to ABOUT_MOST_ROWS, before its pages are read
  (``results_checks.parquet_rows_refused``): the same words as for a CSV table, 96 and 90 MB.

- ``pari diff`` of two sets of 445 items, every id renumbered (tests/hostile_limits37.py), their
  titles 150 words each (470 KB each; a title is compared on its first 300 characters): each
  pair whose bound (quick_ratio, the characters in common) reached TITLE_SIMILARITY had difflib's
  ratio computed, some 15,000 of them (most pairs, since long titles of the same words share
  nearly every character): 6.2 CPU s at 5bf6759 (64 s of wall time at load 8). The bound is
  now also the longest common subsequence of the two titles (difflib's matching blocks are a
  common subsequence, so it is never below the ratio), some 50 µs a pair bit-parallel
  (``authoring.diff._common_subsequence``): 3.0 CPU s, the same listing.

- A results workbook read back was bounded by its cells (25 million) only: calamine builds each
  sheet's grid whole, some 60 bytes a cell, so the example's results workbook, its summary grown
  by 400,000 rows of a code alone (2.5 MB; 57 columns), took 2.6 CPU s and 1.16-1.26 GB in
  ``pari explain`` and 1.32 GB as ``--previous``, then ``results-damaged``. Its about sheet is now read first, and each
  table's sheet held to the rows the about sheet records (and SPARE_LINES) by its measure before
  calamine reads it (``results._check_sheet_rows``, the least rows of
  ``xlsx.reading.least_rows``): the same words, 1.1 CPU s and 109 MB, 175 MB. A workbook of the
  summary sheet alone (no about sheet records its rows) is held to PARI_MAX_REGISTER_ROWS as a
  summary given alone as CSV is: 300,000 rows ``0`` below it took 1.03 GB at 5bf6759 and were
  taken as last year's results, exit 0; now ``too-many-rows``, 172 MB.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits38.py checks what each answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_limits36 import TINY_ROWS, _previous_results
from hostile_limits37 import renumbered_sets
from hostile_sweep8 import _score

Case = Callable[[Path], list[str]]

#: Rows ``0`` added to a Parquet table of results: past PARI_MAX_REGISTER_ROWS, within PARI_MAX_CELLS.
PARQUET_ROWS = 400_000


def _summary_alone(folder: Path) -> Path:
    """Last year's summary alone in a folder of its own (``nam-truoc-tong-hop/summary.csv``)."""
    results = _previous_results(folder)
    alone = folder / "nam-truoc-tong-hop"
    alone.mkdir()
    (alone / "summary.csv").write_bytes((results / "summary.csv").read_bytes())
    return alone / "summary.csv"


def previous_summary_alone_of_millions_of_tiny_rows(folder: Path) -> list[str]:
    """``--previous`` of last year's summary alone, then TINY_ROWS lines ``0`` (4.8 MB)."""
    summary = _summary_alone(folder)
    with summary.open("a", encoding="utf-8") as handle:
        handle.write("0\n" * TINY_ROWS)
    return _score(folder, "--previous", str(summary))


def _grown_parquet(table: Path, rows: int) -> None:
    """The Parquet table ``table`` (or a CSV one, written beside as Parquet and removed), then
    ``rows`` rows of ``0`` in its first column and nothing else."""
    import polars as pl

    frame = pl.read_parquet(table) if table.suffix == ".parquet" else pl.read_csv(table, infer_schema=False)
    first = frame.columns[0]
    grown = pl.DataFrame({first: ["0"] * rows}).with_columns(
        pl.lit(None, dtype=kind).alias(name) for name, kind in frame.schema.items() if name != first
    )
    pl.concat([frame, grown.select(frame.columns)]).write_parquet(table.with_suffix(".parquet"))
    if table.suffix != ".parquet":
        table.unlink()


def previous_summary_alone_parquet_of_many_rows(folder: Path) -> list[str]:
    """``--previous`` of last year's summary alone as Parquet, then PARQUET_ROWS rows ``0``."""
    summary = _summary_alone(folder)
    _grown_parquet(summary, PARQUET_ROWS)
    return _score(folder, "--previous", str(summary.with_suffix(".parquet")))


def _parquet_results(folder: Path) -> Path:
    """The example's results as a folder of Parquet tables (``ket-qua-parquet``)."""
    from click.testing import CliRunner

    from pari_index.cli import main

    argv = _score(folder, "--format", "parquet", out="ket-qua-parquet")
    done = CliRunner().invoke(main, argv)
    assert done.exit_code == 0, done.output
    return folder / "ket-qua-parquet"


def explain_of_parquet_results_summary_of_many_rows(folder: Path) -> list[str]:
    """``pari explain`` of the example's first unit, its Parquet results' summary grown."""
    results = _parquet_results(folder)
    _grown_parquet(results / "summary.parquet", PARQUET_ROWS)
    return ["explain", "00001", "--results", str(results)]


def explain_of_parquet_results_about_of_many_rows(folder: Path) -> list[str]:
    """``pari explain`` of the example's first unit, its Parquet results' about table grown (read
    as sound and the unit explained, exit 0, on main)."""
    results = _parquet_results(folder)
    _grown_parquet(results / "about.parquet", PARQUET_ROWS)
    return ["explain", "00001", "--results", str(results)]


def previous_parquet_results_summary_of_many_rows(folder: Path) -> list[str]:
    """``pari score --previous`` of last year's Parquet results, their summary grown."""
    results = _parquet_results(folder)
    _grown_parquet(results / "summary.parquet", PARQUET_ROWS)
    return _score(folder, "--previous", str(results))


#: Words of each title of the sets ``pari diff`` compares.
LONG_TITLE_WORDS = 150


def diff_of_two_renumbered_sets_of_long_titles(folder: Path) -> list[str]:
    """``pari diff`` of :func:`hostile_limits37.renumbered_sets`, each title LONG_TITLE_WORDS words."""
    old, new = renumbered_sets(folder, words_a_title=(LONG_TITLE_WORDS, LONG_TITLE_WORDS))
    return ["diff", str(old), str(new)]


def _results_workbook_grown(folder: Path, rows: int) -> Path:
    """The example's results workbook (``ket-qua.xlsx``), its first sheet (the summary) then
    ``rows`` rows of a code ``0`` alone, written into its XML (its ``<dimension>`` left as it was)."""
    import zipfile

    from click.testing import CliRunner

    from pari_index.cli import main

    done = CliRunner().invoke(main, _score(folder, out="ket-qua.xlsx"))
    assert done.exit_code == 0, done.output
    workbook = folder / "ket-qua.xlsx"
    with zipfile.ZipFile(workbook) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    first = sheet.count("<row ") + 1
    grown = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>0</t></is></c></row>' for r in range(first, first + rows)
    )
    parts["xl/worksheets/sheet1.xml"] = sheet.replace("</sheetData>", grown + "</sheetData>").encode("utf-8")
    with zipfile.ZipFile(workbook, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return workbook


def explain_of_results_workbook_summary_of_many_rows(folder: Path) -> list[str]:
    """``pari explain`` of the example's first unit, its results workbook's summary grown by
    PARQUET_ROWS rows (within the 25 million cells of a results workbook)."""
    return ["explain", "00001", "--results", str(_results_workbook_grown(folder, PARQUET_ROWS))]


def previous_results_workbook_summary_of_many_rows(folder: Path) -> list[str]:
    """``pari score --previous`` of last year's results workbook, its summary grown so."""
    return _score(folder, "--previous", str(_results_workbook_grown(folder, PARQUET_ROWS)), out="moi.xlsx")


def previous_results_workbook_summary_sheet_alone_of_many_rows(folder: Path) -> list[str]:
    """``pari score --previous`` of last year's summary sheet alone in a workbook (a ranking passed
    on by e-mail, read since session 34; its cells written again as text), then PARQUET_ROWS rows
    of a code ``0`` alone: at 5bf6759, 300,000 such rows took 1.03 GB and were taken as last
    year's results, exit 0."""
    import fastexcel
    import xlsxwriter

    source = _results_workbook_grown(folder, 0)
    reader = fastexcel.read_excel(str(source))
    name = reader.sheet_names[0]
    rows = reader.load_sheet(name, header_row=None, dtypes="string").to_polars().rows()
    alone = folder / "tong-hop.xlsx"
    workbook = xlsxwriter.Workbook(str(alone), {"constant_memory": True})
    sheet = workbook.add_worksheet(name)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write_string(r, c, value)
    for r in range(len(rows), len(rows) + PARQUET_ROWS):
        sheet.write_string(r, 0, "0")
    workbook.close()
    return _score(folder, "--previous", str(alone), out="moi.xlsx")


CASES: dict[str, Case] = {
    "previous-results-workbook-summary-sheet-alone-of-many-rows": (
        previous_results_workbook_summary_sheet_alone_of_many_rows
    ),
    "explain-of-results-workbook-summary-of-many-rows": explain_of_results_workbook_summary_of_many_rows,
    "previous-results-workbook-summary-of-many-rows": previous_results_workbook_summary_of_many_rows,
    "diff-of-two-renumbered-sets-of-long-titles": diff_of_two_renumbered_sets_of_long_titles,
    "previous-summary-alone-of-millions-of-tiny-rows": previous_summary_alone_of_millions_of_tiny_rows,
    "previous-summary-alone-parquet-of-many-rows": previous_summary_alone_parquet_of_many_rows,
    "explain-of-parquet-results-summary-of-many-rows": explain_of_parquet_results_summary_of_many_rows,
    "explain-of-parquet-results-about-of-many-rows": explain_of_parquet_results_about_of_many_rows,
    "previous-parquet-results-summary-of-many-rows": previous_parquet_results_summary_of_many_rows,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "previous-results-workbook-summary-sheet-alone-of-many-rows": (1, "too-many-rows", ("tong-hop.xlsx",)),
    "explain-of-results-workbook-summary-of-many-rows": (1, "results-damaged", ("ket-qua.xlsx",)),
    "previous-results-workbook-summary-of-many-rows": (1, "results-damaged", ("ket-qua.xlsx", "communes.csv")),
    "diff-of-two-renumbered-sets-of-long-titles": (0, None, ("cu.yaml", "moi.yaml")),
    "previous-summary-alone-of-millions-of-tiny-rows": (
        1,
        "too-many-rows",
        ("nam-truoc-tong-hop/summary.csv", "communes.csv"),
    ),
    "previous-summary-alone-parquet-of-many-rows": (1, "too-many-rows", ("nam-truoc-tong-hop/summary.parquet",)),
    "explain-of-parquet-results-summary-of-many-rows": (1, "results-damaged", ("ket-qua-parquet/summary.parquet",)),
    "explain-of-parquet-results-about-of-many-rows": (1, "results-damaged", ("ket-qua-parquet/about.parquet",)),
    "previous-parquet-results-summary-of-many-rows": (
        1,
        "results-damaged",
        ("ket-qua-parquet/summary.parquet", "communes.csv"),
    ),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "previous-results-workbook-summary-sheet-alone-of-many-rows": ("moi.xlsx",),
    "previous-results-workbook-summary-of-many-rows": ("moi.xlsx",),
    "previous-summary-alone-of-millions-of-tiny-rows": ("out.xlsx",),
    "previous-summary-alone-parquet-of-many-rows": ("out.xlsx",),
    "previous-parquet-results-summary-of-many-rows": ("out.xlsx",),
}
#: Cases whose output is a long listing (checked by tests/test_hostile_limits38.py, not by a sweep's
#: bound on what a run says).
LISTINGS = ("diff-of-two-renumbered-sets-of-long-titles",)
