"""Hostile cases of the twenty-third session's lead: CSV files of many columns of text.

polars' CSV reader keeps about 27 KB for each column of text longer than 12 bytes, however few
its rows. A 4 MB file of 16,000 such columns in 18 rows took 495 MB for the run (found by the
limits helper of this session and left to the lead); a 40 MB file of 4,096 columns, read a range
of records at a time, 1.1 GB, since the first ranges' grids kept for the rows were counted at 3
bytes a byte of CSV (12 MB a range) when each took 110 MB. Now a CSV file of more than 4,096
columns (``PARI_MAX_CSV_COLUMNS``) is ``csv-too-wide`` before polars parses it, and a kept grid
counts at least 27 KB a column.

And a table of long texts made into one text at once: 155 rows of the example whose item id is
30,000 digits (4.8 MB) give 534 findings quoting it, 48 MB of text; the results' digest and the
workbook's sheet XML each made one text of every 20,000 rows, and polars' copies of it took the
run to 550 MB. Now a chunk of rows also holds at most some megabytes of text (outputs.row_chunks):
267 MB (workbook), 315 MB (CSV folder).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_lead23.py checks what each answers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _examples, _rows, _score

Case = Callable[[Path], list[str]]


def _wide(folder: Path, columns: int, rows: int) -> Path:
    """A long-form heading followed by ``columns`` in all of text cells of 13 letters."""
    _examples(folder)
    extra = [f"cột {i}" for i in range(columns - 4)]
    lines = [",".join(["commune_code", "criterion_id", "input", "value", *extra])]
    words = [f"abcdefghijk{i % 100:02d}" for i in range(columns - 4)]
    lines += [",".join(["00001", "1.1.2", "tasks", "có", *words]) for _ in range(rows)]
    path = folder / "rong.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def csv_16000_text_columns(folder: Path) -> list[str]:
    """16,000 columns of 13-letter words in 18 rows (4 MB): 495 MB before, refused now."""
    return _score(folder, assessments=_wide(folder, 16_000, 18))


def csv_4096_text_columns(folder: Path) -> list[str]:
    """The widest CSV read, 4,096 columns of words in 90 rows (5 MB): each unknown column told."""
    return _score(folder, assessments=_wide(folder, 4_096, 90))


def findings_quoting_long_ids(folder: Path) -> list[str]:
    """The example's first 155 rows with an item id of about 30,000 digits (4.8 MB)."""
    _examples(folder)
    header, *rows = _rows("assessments_long.csv")
    for i, row in enumerate(rows[:155]):
        row[1] = ("1.1." + "9" * 30_000)[: 30_000 - i]
    path = folder / "assessments_long.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return _score(folder, "--format", "csv", assessments=path, out="ket-qua")


CASES: dict[str, Case] = {
    "csv-16000-text-columns": csv_16000_text_columns,
    "csv-4096-text-columns": csv_4096_text_columns,
    "findings-quoting-long-ids": findings_quoting_long_ids,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "csv-16000-text-columns": (1, "csv-too-wide", ("rong.csv", "communes.csv")),
    "csv-4096-text-columns": (1, "unknown-column", ("rong.csv", "communes.csv")),
    "findings-quoting-long-ids": (1, "unknown-criterion", ("assessments_long.csv", "communes.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {"csv-16000-text-columns": ("out.xlsx",)}
