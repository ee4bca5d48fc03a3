"""A sheet whose dates are written month first (a file saved by a computer set to English, US).

Dates are read day first, as Vietnamese sheets write them. In a sheet written month first, a date
whose second number is above 12 (``08/27/2025``) is refused, each with its own finding
(``implausible-date``, ``month_first``) and the day-first spelling to write; but every date whose
day is 12 or less (``06/04/2025``, meant as 4 June) reads as a real date, day first (6 April), and
was scored so without a word. A clerk who corrected the refused cells as told got exit 0 with the
others still swapped (session 22). Now a sheet with :data:`MIN_DATES` or more dates refused as
month first gets one warning (``dates-month-first``), at the sheet, saying that its other dates
were read day first and what to do: write every date of the sheet day first.
"""

from __future__ import annotations

import polars as pl

from pari_index.intake.schema import FINDING_SCHEMA
from pari_index.messages import params_json

#: Dates refused as month first a sheet must have for the warning: one or two are typing mistakes,
#: each said in its own finding.
MIN_DATES = 3
KIND = "dates-month-first"


def month_first_findings(findings: pl.DataFrame) -> pl.DataFrame:
    """One ``dates-month-first`` warning for each sheet with :data:`MIN_DATES` or more dates
    refused as month first (see the module), at the sheet (no row: printed before its rows)."""
    params = pl.col("params")
    sheets = (
        findings.lazy()
        .filter(
            (pl.col("kind") == "implausible-date")
            & pl.col("file").is_not_null()
            & (params.str.json_path_match("$.date_problem") == "month_first")
        )
        .group_by("file", "sheet", maintain_order=True)
        .agg(pl.len().alias("count"), params.first().str.json_path_match("$.value").alias("example"))
        .filter(pl.col("count") >= MIN_DATES)
        .collect()
    )
    rows = [_finding(row) for row in sheets.iter_rows(named=True)]
    return pl.DataFrame(rows, schema=FINDING_SCHEMA) if rows else pl.DataFrame(schema=FINDING_SCHEMA)


def _finding(sheet: dict[str, object]) -> dict[str, object]:
    params = {"count": sheet["count"], "example": sheet["example"]}
    return {
        "severity": "warning",
        "kind": KIND,
        "file": sheet["file"],
        "sheet": sheet["sheet"],
        "message": f"{sheet['count']:,} dates are written month first (such as {sheet['example']}): the other dates, "
        "whose day is 12 or less, were read day first (those with an AM/PM time were refused), and are wrong if "
        "they are month first too",
        "hint": "write every date of the file day first (dd/mm/yyyy) or as 2025-08-27, for instance by exporting it "
        "again from a computer set to Vietnamese, then score it again",
        "params": params_json(params),
    }
