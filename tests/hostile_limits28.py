"""Hostile cases of the twenty-eighth session's helper limits28: a CSV file of millions of tiny
rows (under 5 MB), whose cost is its number of rows and headings, not its bytes. Measured on this
shared 2-core machine (``benchmarks/hostile.py --only limits28 --cpu``, twice each; load average
3 to 10), on main at c58d720, then after.

- 2.4 million lines ``0`` (a code, nothing else) under the four headings of the shortest long
  form (4.8 MB): 3.6-3.9 CPU s and 790-800 MB, exit 0, every row told "nothing to score". A frame of
  sheets read together (the file and the survey: pl.concat, in chunks) was put together again,
  every column of every row, by each eager operation on it: grouping it on the file and sheet
  names for the absent-column check (+190 MB, and a hash of the names' text on each row), then
  filtering its values, n/a marks and meta fields (+190 MB). Now the rows are grouped by runs of
  one sheet, lazily, and only those that give an item or a field
  (``absent_columns._items_and_named``), and filtered lazily (``forms._rows_where``): 2.8 CPU s
  and 420 MB (the rest is the grid polars parses, 16 bytes a cell, and the rows table of 2.4
  million rows). Run alone by hand, with the
  survey read in a thread beside it, the peak still varies from 415 to 565 MB.

- The same lines under eight headings (19.2 million cells, within PARI_MAX_CELLS; 4.8 MB):
  3.6-3.7 CPU s and 744 MB, exit 0. Each heading no line reaches was made again as a column of
  2.4 million nulls, 38 MB apiece. Now a column with no cell at all is taken as polars parsed it
  (``grid._body_frame``): 3.1 CPU s and 484 MB, near the target still (the parsed grid of 19.2
  million cells, nearly all empty, is 300 MB of it).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits28.py checks what each answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _score

Case = Callable[[Path], list[str]]

#: Lines of a code alone: 2 bytes each, 4.8 MB.
TINY_ROWS = 2_400_000
#: The headings of the shortest long form, and of one with self-scores and evidence.
FOUR_HEADINGS = "commune_code,criterion_id,input,value"
EIGHT_HEADINGS = FOUR_HEADINGS + ",self_score,evidence_number,evidence_date,evidence_file"


def tiny_rows(folder: Path, headings: str, rows: int = TINY_ROWS) -> Path:
    """An assessments file of ``headings`` and ``rows`` lines of the code ``0`` alone."""
    path = folder / "tu-danh-gia.csv"
    path.write_text(headings + "\n" + "0\n" * rows, encoding="utf-8")
    return path


def millions_of_tiny_rows(folder: Path) -> list[str]:
    return _score(folder, assessments=tiny_rows(folder, FOUR_HEADINGS))


def millions_of_short_rows_under_eight_headings(folder: Path) -> list[str]:
    return _score(folder, assessments=tiny_rows(folder, EIGHT_HEADINGS))


CASES: dict[str, Case] = {
    "millions-of-tiny-rows": millions_of_tiny_rows,
    "millions-of-short-rows-under-eight-headings": millions_of_short_rows_under_eight_headings,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    # Each line told "nothing to score", exit 0, until session 38: 2.4 million lines repeating one
    # another are past PARI_MAX_REPEATED_ROWS (tests/hostile_repeats38.py), refused as read.
    "millions-of-tiny-rows": (1, "too-many-repeated-rows", ("tu-danh-gia.csv", "communes.csv")),
    "millions-of-short-rows-under-eight-headings": (1, "too-many-repeated-rows", ("tu-danh-gia.csv", "communes.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
