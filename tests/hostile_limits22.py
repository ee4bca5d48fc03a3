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


CASES: dict[str, Case] = {
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
