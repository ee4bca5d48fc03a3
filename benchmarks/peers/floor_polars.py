"""The floor: the least any scorer of the national file does, in plain polars, with no checks, no
scoring, no findings and no explanations. It reads the long-form file, types the values,
reshapes them to one row per commune (what the rules evaluate) and back to one row per commune
and item, and writes that detail as Parquet.

pari is built on polars (the design card), so no run of pari can be faster than this; a target
below it is below the floor of the work. ``peers.py`` times it as a fourth tool in the same rounds
as pari and its two peers (it scores nothing, so it is not compared item by item), and
``run.py`` times it in the warm parent as "bare polars round trip".
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl


def round_trip(path: Path, out: Path) -> None:
    """Read ``path`` (CSV or Parquet), type, pivot, unpivot, write ``out`` as Parquet."""
    long = pl.read_parquet(path) if path.suffix == ".parquet" else pl.read_csv(path, infer_schema=False)
    typed = long.with_columns(
        pl.col("value").cast(pl.String).str.replace(",", ".", literal=True).cast(pl.Float64, strict=False),
        pl.concat_str(pl.col("criterion_id"), pl.col("input").fill_null(""), separator=":").alias("_key"),
    )
    wide = typed.pivot(on="_key", index="commune_code", values="value", aggregate_function="first")
    detail = wide.unpivot(index="commune_code", variable_name="_key", value_name="value")
    detail.write_parquet(out)


def run(criteria: str, communes: str, inputs: Sequence[str], output: str) -> None:
    """The peers' signature (peers.py): the assessments file (the first input) round-tripped into
    ``output``/details.parquet; the criteria, the register and the survey are not read."""
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    round_trip(Path(inputs[0]), folder / "details.parquet")
