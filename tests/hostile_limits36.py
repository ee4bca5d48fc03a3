"""Hostile cases of the thirty-sixth session's helper limits36: the appraisal file's rows bounded
before the parse, a workbook's rows bounded before calamine reads it, and the other commands given
large files.

Found by running the real ``pari`` (main at 071b56d) on files made for it, on this shared 2-core
machine (CPU seconds and peak resident memory from ``/usr/bin/time -v``):

- (filled in below as measured)

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits36.py checks what each answers.
"""

from __future__ import annotations

import csv
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


CASES: dict[str, Case] = {
    "appraisal-of-headings-and-millions-of-tiny-rows": appraisal_of_headings_and_millions_of_tiny_rows,
    "appraisal-parquet-of-millions-of-tiny-rows": appraisal_parquet_of_millions_of_tiny_rows,
    "register-xlsx-of-many-tiny-rows": register_xlsx_of_many_tiny_rows,
    "register-xlsx-of-many-tiny-rows-dimension-lying": register_xlsx_of_many_tiny_rows_dimension_lying,
    "template-register-xlsx-of-many-tiny-rows": template_register_xlsx_of_many_tiny_rows,
    "appraisal-xlsx-of-many-tiny-rows": appraisal_xlsx_of_many_tiny_rows,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "appraisal-of-headings-and-millions-of-tiny-rows": (1, "too-many-rows", ("appraisal.csv", "communes.csv")),
    "appraisal-parquet-of-millions-of-tiny-rows": (1, "too-many-rows", ("appraisal.parquet",)),
    "register-xlsx-of-many-tiny-rows": (1, "too-many-rows", ("communes.xlsx", "assessments_long.csv")),
    "register-xlsx-of-many-tiny-rows-dimension-lying": (1, "too-many-rows", ("communes.xlsx",)),
    "template-register-xlsx-of-many-tiny-rows": (1, "too-many-rows", ("communes.xlsx",)),
    "appraisal-xlsx-of-many-tiny-rows": (1, "too-many-rows", ("appraisal.xlsx",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "appraisal-of-headings-and-millions-of-tiny-rows": ("out.xlsx",),
    "appraisal-parquet-of-millions-of-tiny-rows": ("out.xlsx",),
    "register-xlsx-of-many-tiny-rows": ("out.xlsx",),
    "register-xlsx-of-many-tiny-rows-dimension-lying": ("out.xlsx",),
    "template-register-xlsx-of-many-tiny-rows": ("mau.xlsx",),
    "appraisal-xlsx-of-many-tiny-rows": ("out.xlsx",),
}
