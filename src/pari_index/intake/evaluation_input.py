"""The intake as the scorer takes it: one row per commune with a column per input
(:func:`evaluation_frame`), and warnings for values given to items that do not apply to a unit's
type (:func:`wrong_unit_findings`)."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from pari_index.criteria.compiling import COMMUNE, REST_SUFFIX, UNIT_TYPE, frame_schema
from pari_index.criteria.model import Leaf, UnitType
from pari_index.criteria.points import REST_SCALE
from pari_index.intake.findings import cell_findings, cell_params, empty_findings
from pari_index.intake.model import Intake
from pari_index.intake.schema import COLUMN, CRITERION, FIELD
from pari_index.intake.sheet import FILE, ROW, SHEET
from pari_index.textexpr import format_text

#: Unit types as findings name them.
_UNIT_WORDS = {
    UnitType.commune: ("commune", "communes"),
    UnitType.ward: ("ward", "wards"),
    UnitType.township: ("township", "townships"),
    UnitType.special_zone: ("special zone", "special zones"),
}


def wrong_unit_findings(intake: Intake, leaves: Sequence[Leaf], units: pl.DataFrame) -> pl.DataFrame:
    """A warning for each value, self-score or evidence given for an item that does not apply to
    the unit's type (the leaf's ``applies_to``): the rules leave the item out of that unit's
    maximum whatever it holds, so the value would otherwise vanish without a word. ``units`` has
    the register's ``code`` and ``unit_type``. An n/a mark there agrees with the rules and is not
    reported; units of unknown type have the register's own warning."""
    limited = {leaf.id: leaf.applies_to for leaf in leaves if leaf.applies_to is not None}
    if not limited:
        return empty_findings()
    pairs = [{CRITERION: item, "_type": kind.value} for item, kinds in limited.items() for kind in kinds]
    allowed = pl.DataFrame(pairs, schema={CRITERION: pl.String, "_type": pl.String})
    only = {item: ", ".join(_UNIT_WORDS[t][1] for t in UnitType if t in kinds) for item, kinds in limited.items()}
    where = [COMMUNE, CRITERION, FILE, SHEET, ROW, COLUMN]
    place_columns = {"file": FILE, "sheet": SHEET, "row": ROW, "column": COLUMN}
    # Only the limited items' rows are gathered: all cells and places together, with their file
    # names as text, briefly doubled the intake's memory.
    mine = pl.col(CRITERION).is_in(list(limited))
    given = pl.concat(
        [
            intake.cells.filter(mine & (pl.col(FIELD) != "n/a")).select(where).cast({FILE: pl.String}),
            intake.places.filter(mine).rename(place_columns).select(where),
        ]
    )
    typed = units.select(pl.col("code").alias(COMMUNE), pl.col("unit_type").alias("_type")).drop_nulls()
    wrong = (
        given.join(typed, on=COMMUNE)
        .join(allowed, on=[CRITERION, "_type"], how="anti")
        .sort(FILE, SHEET, ROW, COLUMN, nulls_last=True)
    )
    if wrong.height == 0:
        return empty_findings()
    message = format_text(
        "unit {} is a {}; item {} applies only to {}, so this value was not scored",
        pl.col(COMMUNE),
        pl.col("_type").replace_strict({t.value: words[0] for t, words in _UNIT_WORDS.items()}),
        pl.col(CRITERION),
        pl.col(CRITERION).replace_strict(only, default=None),
    )
    hint = "leave it empty (the template locks these rows), or correct the unit's type in the register"
    codes = {item: ",".join(t.value for t in UnitType if t in kinds) for item, kinds in limited.items()}
    params = cell_params(
        commune=pl.col(COMMUNE),
        criterion=pl.col(CRITERION),
        unit_type=pl.col("_type"),
        unit_types=pl.col(CRITERION).replace_strict(codes, default=None),
    )
    return cell_findings(wrong, "warning", "not-applicable-to-unit", message, hint, params)


def evaluation_frame(intake_cells: pl.DataFrame, leaves: Sequence[Leaf], communes: pl.DataFrame) -> pl.DataFrame:
    """The wide frame the compiled rules evaluate: one row per commune of ``communes``
    (columns code, unit_type), one typed column per input, N/A flags."""
    schema = frame_schema(leaves)
    inputs = intake_cells.filter(~pl.col("kind").str.starts_with("meta:") | (pl.col(FIELD) == "n/a"))
    inputs = inputs.with_columns(
        (pl.col(CRITERION) + ":" + pl.col(FIELD)).alias("_key"),
    )
    base = communes.select(pl.col("code").alias(COMMUNE), pl.col("unit_type").alias(UNIT_TYPE))
    frame = base
    # An exact number (Int128 counts of 1/10**14) as its units of 1/10,000 and the rest below one
    # unit (compiling.rest_column). Only non-zero rests are spread: most inputs have none.
    exact = pl.col("num")
    inputs = inputs.with_columns((exact // REST_SCALE).cast(pl.Int64).alias("_units"))
    rests = inputs.filter(pl.col("kind").is_in(["number", "count", "percent"]) & (exact % REST_SCALE != 0))
    if rests.height:
        rests = rests.select(
            COMMUNE,
            (pl.col("_key") + ":" + REST_SUFFIX).alias("_key"),  # compiling.rest_column
            (exact % REST_SCALE).cast(pl.Int64).alias("_rest"),
        )
        frame = frame.join(
            rests.pivot(on="_key", index=COMMUNE, values="_rest", aggregate_function="first"), on=COMMUNE, how="left"
        )
    for value_col, kinds in (
        ("_units", ["number", "count", "percent"]),
        ("flag", ["boolean", "meta:n/a"]),
        ("day", ["date"]),
        ("text", ["status", "level"]),
    ):
        part = inputs.filter(pl.col("kind").is_in(kinds))
        if part.height == 0:
            continue
        part = part.with_columns(
            pl.when(pl.col(FIELD) == "n/a").then(pl.col(CRITERION) + ":n/a").otherwise(pl.col("_key")).alias("_key")
        )
        wide = part.pivot(on="_key", index=COMMUNE, values=value_col, aggregate_function="first")
        frame = frame.join(wide, on=COMMUNE, how="left")
    missing = {c: t for c, t in schema.items() if c not in frame.columns}
    frame = frame.with_columns(pl.lit(None, dtype=t).alias(c) for c, t in missing.items())
    return frame.select(list(schema)).cast(schema)  # type: ignore[arg-type]
