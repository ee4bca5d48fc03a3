"""Hostile cases of the twenty-second session's helper limits22: small files that cost a lot.

- A cache entry (``pari score --cache``) whose tables are Parquet files another hand wrote, with
  a manifest naming their SHA-256 (anyone who can write in a shared cache folder can write both):
  the tables were read without any of the limits an input's Parquet file is read within. A
  communes entry's item rows replaced by 30 million equal rows (400 KB) took 115 s and 17.6 GB,
  exit 0; the intake's ledger holding one string of 150 million letters 760 MB; written a row
  group a row (a footer of 31 MB) 6.8 s and 880 MB; an intake table made a sparse file of 3 GB
  was read whole. Now each table is measured as an input's Parquet file is (its bytes, its
  footer, its cells, its pages, its text) and an entry over a limit is ignored with a note and
  computed again: the results are those of a run without cache.

- An .ods writing its empty cells one by one (``<table:table-cell/>``, 19 bytes each; a comment of
  random letters keeps the zip's ratio under 100): empty cells were placed but never counted, so
  a 3.4 MB file of 13 million in one row took 59 CPU s (calamine logs each cell past column
  16,384) and was read, exit 0; in rows of 16,000, 10 s and 810 MB; a million rows of an empty
  cell past the sheet's last row (0.7 MB), 7.4 s in calamine. Now a sheet may write at most the
  cells limit, empty cells included, and no cell or row that begins past column 16,384 or row
  1,048,576: ``sheet-too-large``.

- ``pari diff`` of two 190 KB criteria sets, every item renumbered and titled with 1,600
  characters: every old item's title was compared with every new one's in full (difflib, about
  the product of the lengths each): 29 CPU s. Now titles are compared on their first 300
  characters, a pair whose bound rules it out is not compared, none twice, and at most 20,000
  comparisons in a diff (then said): 2 CPU s, the same diff.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits22.py checks what each answers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import polars as pl
from hostile_cache import _filled, score_args

Case = Callable[[Path], list[str]]


def _tampered(folder: Path, kind: str, table: str, write: Callable[[pl.DataFrame, Path], None]) -> list[str]:
    """A cache filled by a real run, then the table ``table`` of its ``kind`` entry written again
    by ``write`` (from the table as it was) and the entry's manifest made to name its SHA-256."""
    cache = _filled(folder)
    for entry in (cache / kind).iterdir():
        path = entry / f"{table}.parquet"
        write(pl.read_parquet(path), path)
        manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
        manifest["tables"][table] = hashlib.sha256(path.read_bytes()).hexdigest()
        (entry / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return score_args(folder, cache)


def _repeated(frame: pl.DataFrame, rows: int, **values: str) -> pl.DataFrame:
    """The first row of ``frame`` (with ``values`` in place of its own) ``rows`` times."""
    first = frame.head(1).with_columns(pl.lit(v).alias(k) for k, v in values.items())
    return pl.select(pl.repeat(first[n][0], rows, dtype=first.schema[n]).alias(n) for n in first.columns)


def cache_rows_of_30_million_equal_rows(folder: Path) -> list[str]:
    return _tampered(folder, "communes", "details", lambda f, p: _repeated(f, 30_000_000).write_parquet(p))


def cache_ledger_of_one_long_string(folder: Path) -> list[str]:
    def write(frame: pl.DataFrame, path: Path) -> None:
        text = next(name for name, kind in frame.schema.items() if kind == pl.String)
        first = pl.int_range(pl.len()) == 0
        long = pl.when(first).then(pl.lit("a" * 150_000_000)).otherwise(pl.col(text))
        frame.with_columns(long.alias(text)).write_parquet(path, compression="zstd")

    return _tampered(folder, "intake", "ledger", write)


def cache_cells_of_a_dictionary_string(folder: Path) -> list[str]:
    """The intake's cells (decoded only for the communes scored again) naming one string of
    30,000 digits 1.8 million times through the dictionary, under the cells limit, in rows of the
    one commune the appraisal changed since."""
    rows = 24_000_000 // 13
    args = _tampered(folder, "intake", "cells", lambda f, p: _repeated(f, rows, value="0" * 30_000).write_parquet(p))
    # The council's reason for the first commune (whose rows these are) changed since: it is scored again.
    appraisal = folder / "data" / "appraisal.csv"
    text = appraisal.read_text(encoding="utf-8-sig")
    appraisal.write_text(text.replace("theo yêu cầu", "theo yêu cầu của Hội đồng", 1), encoding="utf-8")
    return args


def cache_rows_a_row_group_a_row(folder: Path) -> list[str]:
    def write(frame: pl.DataFrame, path: Path) -> None:
        pl.concat([frame] * 9).write_parquet(path, row_group_size=1, statistics=False)

    return _tampered(folder, "communes", "details", write)


def cache_sparse_table(folder: Path) -> list[str]:
    def write(_frame: pl.DataFrame, path: Path) -> None:
        with path.open("r+b") as handle:
            handle.truncate(3 << 30)

    return _tampered(folder, "intake", "cells", write)


def _ods_of_empty_cells(folder: Path, cells: int, per_row: int | None, past_rows: int = 0) -> list[str]:
    import base64
    import random

    from hostile_sweep8 import _score
    from hostile_sweep9 import ods_example_rows, write_ods

    empty = "<table:table-cell/>"
    if per_row is None:
        filler = f"<table:table-row>{empty * cells}</table:table-row>"
    else:
        filler = f"<table:table-row>{empty * per_row}</table:table-row>" * (cells // per_row)
    if past_rows:  # empty rows to the sheet's last row, then rows of one empty cell past it
        filler = '<table:table-row table:number-rows-repeated="1048526"><table:table-cell/></table:table-row>'
        filler += "<table:table-row><table:table-cell/></table:table-row>" * past_rows
    noise = base64.b64encode(random.Random(22).randbytes(2_800_000 if cells else 600_000)).decode()
    path = write_ods(folder / "tu-danh-gia.ods", ods_example_rows(50) + filler + f"<!--{noise}-->")
    return _score(folder, assessments=path)


def ods_13_million_empty_cells_in_a_row(folder: Path) -> list[str]:
    return _ods_of_empty_cells(folder, 13_000_000, None)


def ods_13_million_empty_cells_in_rows(folder: Path) -> list[str]:
    return _ods_of_empty_cells(folder, 13_000_000, 16_000)


def ods_million_rows_past_the_last(folder: Path) -> list[str]:
    return _ods_of_empty_cells(folder, 0, 1, past_rows=1_000_000)


def diff_renumbered_long_titles(folder: Path) -> list[str]:
    import random
    import re

    bundled = (Path(__file__).resolve().parents[1] / "criteria" / "ha-noi-2025-commune.yaml").read_text("utf-8")
    words = [
        "một",
        "hai",
        "ba",
        "bốn",
        "năm",
        "sáu",
        "bảy",
        "tám",
        "chín",
        "mười",
        "cải",
        "cách",
        "hành",
        "chính",
        "xã",
        "phường",
        "kế",
        "hoạch",
        "báo",
        "cáo",
    ]
    chance = random.Random(22)

    def title(_match: re.Match[str]) -> str:
        return f'title: {{vi: "{" ".join(chance.choice(words) for _ in range(400))}", en:'

    old = re.sub(r'title: \{vi: "[^"]*", en:', title, bundled)
    new = re.sub(r'(\bid: ")(\d)', r"\g<1>9\2", re.sub(r'title: \{vi: "[^"]*", en:', title, bundled))
    (folder / "cu.yaml").write_text(old, encoding="utf-8")
    (folder / "moi.yaml").write_text(new, encoding="utf-8")
    return ["diff", str(folder / "cu.yaml"), str(folder / "moi.yaml")]


CASES: dict[str, Case] = {
    "diff-renumbered-long-titles": diff_renumbered_long_titles,
    "ods-million-rows-past-the-last": ods_million_rows_past_the_last,
    "ods-13-million-empty-cells-in-a-row": ods_13_million_empty_cells_in_a_row,
    "ods-13-million-empty-cells-in-rows": ods_13_million_empty_cells_in_rows,
    "cache-rows-of-30-million-equal-rows": cache_rows_of_30_million_equal_rows,
    "cache-ledger-of-one-long-string": cache_ledger_of_one_long_string,
    "cache-cells-of-a-dictionary-string": cache_cells_of_a_dictionary_string,
    "cache-rows-a-row-group-a-row": cache_rows_a_row_group_a_row,
    "cache-sparse-table": cache_sparse_table,
}
#: What each case's cache note names (the table, and the limit's words).
NOTED: dict[str, str] = {
    "cache-rows-of-30-million-equal-rows": "details.parquet: 30,000,000 rows × 20 columns is more than the 25,000,000",
    "cache-ledger-of-one-long-string": "ledger.parquet: the Parquet file reads as 150,0",
    "cache-cells-of-a-dictionary-string": "cells.parquet: the Parquet file reads as 55,",
    "cache-rows-a-row-group-a-row": "details.parquet: the Parquet file's footer takes",
    "cache-sparse-table": "cells.parquet takes 3,221,225,472 bytes, more than the 268,435,456 the cache reads",
}
#: The other cases: exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "ods-13-million-empty-cells-in-a-row": (1, "sheet-too-large", ("tu-danh-gia.ods", "communes.csv")),
    "ods-13-million-empty-cells-in-rows": (1, "sheet-too-large", ("tu-danh-gia.ods", "communes.csv")),
    "ods-million-rows-past-the-last": (1, "sheet-too-large", ("tu-danh-gia.ods", "communes.csv")),
}
#: Cases whose output is a long listing (tests/test_hostile_limits22.py checks it).
LISTINGS = ("diff-renumbered-long-titles",)
NOT_WRITTEN: dict[str, tuple[str, ...]] = dict.fromkeys([c for c in EXPECTED if c.startswith("ods")], ("out.xlsx",))
