"""A filled form of another version of the criteria set: its «Max points» column disagrees.

``pari template`` writes each row's maximum beside the cells a commune fills («Điểm tối đa»,
«Max points»); intake reads no points from that column (it is descriptive: ``DESCRIPTIVE_COLUMNS``).
A province revises its set from year to year, and a commune that fills last year's form (or a
draft's) answers items whose maximum, and often whose wording, has changed since: its values were
scored by this set's rules without a word. The maximum is the one descriptive cell that can be
compared without doubt (a number; a title may be retyped or shortened), so a row whose maximum
is not its item's in this set is counted, and each sheet with such rows gets one warning naming
its first, so that the council checks the form before the scores are published.

Only sheets that have such a column are looked at (the national CSV has none: nothing is done
for it), and each group of sheets or range of rows is compared in one join.
"""

from __future__ import annotations

import unicodedata

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.intake.findings import empty_findings
from pari_index.intake.model import LeafTable
from pari_index.intake.schema import CRITERION, FINDING_SCHEMA
from pari_index.intake.sheet import FILE, ROW, SHEET
from pari_index.messages.rendering import params_json

#: The headings of the maximum's column, as ``pari template`` writes it (outputs.template_labels)
#: in either language, and as the descriptive column id.
MAX_HEADINGS = frozenset({"max_points", "max points", "điểm tối đa"})
#: Two maxima differ when they differ by more than this (a set's points have at most 4 decimals).
_TOLERANCE = 1e-6
#: The columns of what :func:`other_maxima` finds.
FOUND_SCHEMA = {
    FILE: pl.String,
    SHEET: pl.String,
    ROW: pl.Int64,
    COMMUNE: pl.String,
    CRITERION: pl.String,
    "_column": pl.String,
    "_form_max": pl.Float64,
    "_set_max": pl.Float64,
}


def _heading(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def max_column(columns: list[str]) -> str | None:
    """The column of ``columns`` that holds a form's maximum points, if any."""
    return next((c for c in columns if _heading(c) in MAX_HEADINGS), None)


def _set_maxima(table: LeafTable) -> pl.DataFrame:
    return pl.DataFrame(
        {CRITERION: [leaf.id for leaf in table.leaves], "_set_max": [float(leaf.max) for leaf in table.leaves]},
        schema={CRITERION: pl.String, "_set_max": pl.Float64},
    )


def other_maxima(frame: pl.DataFrame, table: LeafTable) -> pl.DataFrame:
    """The rows of ``frame`` (long-form rows as text) whose maximum points are a number that is
    not their item's maximum in the set: their file, sheet, row, item, the form's and the set's
    maximum. Empty when the frame has no such column."""
    column = max_column(frame.columns)
    if column is None or CRITERION not in frame.columns or frame.height == 0:
        return pl.DataFrame(schema=FOUND_SCHEMA)
    written = pl.col(column).cast(pl.String).str.strip_chars().str.replace(",", ".", literal=True)
    return (
        frame.select(
            pl.col(FILE).cast(pl.String),
            pl.col(SHEET).cast(pl.String),
            pl.col(ROW).cast(pl.Int64),
            pl.col(COMMUNE).cast(pl.String) if COMMUNE in frame.columns else pl.lit(None, dtype=pl.String),
            pl.col(CRITERION).cast(pl.String).str.strip_chars(),
            pl.lit(column, dtype=pl.String).alias("_column"),
            written.cast(pl.Float64, strict=False).alias("_form_max"),
        )
        .drop_nulls("_form_max")
        .join(_set_maxima(table), on=CRITERION, how="inner")
        .filter((pl.col("_form_max") - pl.col("_set_max")).abs() > _TOLERANCE)
        .select(list(FOUND_SCHEMA))
    )


def form_version_findings(found: list[pl.DataFrame]) -> pl.DataFrame:
    """One warning per sheet of the rows :func:`other_maxima` found, at its first such row."""
    frames = [frame for frame in found if frame.height]
    if not frames:
        return empty_findings()
    sheet = (FILE, SHEET)
    # In the order the sheets were read, each at its first such row.
    per_sheet = (
        pl.concat(frames)
        .with_columns(pl.len().over(sheet).alias("_rows"), pl.col(CRITERION).n_unique().over(sheet).alias("_items"))
        .filter(pl.col(ROW) == pl.col(ROW).min().over(sheet))
        .unique(sheet, keep="first", maintain_order=True)
    )
    rows = []
    for row in per_sheet.iter_rows(named=True):
        params = {
            "rows": row["_rows"],
            "items": row["_items"],
            "commune": row[COMMUNE] or "",
            "criterion": row[CRITERION],
            "form_max": row["_form_max"],
            "set_max": row["_set_max"],
        }
        first = f"commune {row[COMMUNE] or ''}, item {row[CRITERION]}"
        message = (
            f"{row['_rows']} rows of this form give a maximum that is not their item's in the criteria set"
            f" ({row['_items']} items): {first} has {row['_form_max']:g} points in the form and"
            f" {row['_set_max']:g} in the set; the form may be of another version of the set, and its values"
            " were scored by this set's rules"
        )
        rows.append(
            {
                "severity": "warning",
                "kind": "form-other-version",
                # A file-wide finding (a file may hold many communes' forms), as the files' problems
                # are: the first row's commune and item are in its message and parameters.
                COMMUNE: None,
                CRITERION: row[CRITERION],
                "file": row[FILE],
                "sheet": row[SHEET],
                "row": row[ROW],
                "column": row["_column"],
                "message": message,
                "hint": "check that the commune filled the form of this criteria set (pari template --criteria …),"
                " and have it fill that form again if not",
                "size": None,
                "params": params_json(params),
            }
        )
    return pl.DataFrame(rows, schema=FINDING_SCHEMA)
