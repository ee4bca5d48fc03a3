"""Helpers for the ranking tests: totals frames written by hand, and small input files."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl

from pari_index.criteria.loading import load_criteria
from pari_index.criteria.model import Band, CriteriaSet, Ranking
from pari_index.criteria.points import to_units

DATA = Path(__file__).parent / "data"
ALL_KINDS = DATA / "all_kinds.yaml"

TOTALS_SCHEMA: dict[str, pl.DataType] = {
    "commune_code": pl.String(),
    "name": pl.String(),
    "unit_type": pl.String(),
    "district": pl.String(),
    "province": pl.String(),
    "ranked": pl.Boolean(),
    "appraised_points": pl.Int64(),
    "survey_points": pl.Int64(),
    "adjustment_points": pl.Int64(),
    "total_points": pl.Int64(),
    "applicable_max": pl.Int64(),
    "index": pl.Int64(),
    "area_1": pl.Int64(),
    "area_2": pl.Int64(),
    "area_3": pl.Int64(),
}

DETAILS_SCHEMA: dict[str, pl.DataType] = {
    "commune_code": pl.String(),
    "criterion_id": pl.String(),
    "area_id": pl.String(),
    "part": pl.String(),
    "max": pl.Int64(),
    "final_score": pl.Int64(),
    "counted_max": pl.Int64(),
    "status": pl.String(),
}


def u(value: str | int | Decimal | None) -> int | None:
    """Points or % as text ("85.25") to units; None stays None."""
    return None if value is None else to_units(Decimal(str(value)))


def totals(rows: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    """A totals frame like compute_totals returns. Each row gives code, and optionally district,
    province, ranked, index, appraised, survey, area_1..3 as decimal text (points or %)."""
    out = []
    for row in rows:
        appraised = u(row.get("appraised", "0"))
        survey = u(row.get("survey", "0"))
        out.append(
            {
                "commune_code": row["code"],
                "name": row.get("name", f"Xã {row['code']}"),
                "unit_type": row.get("unit_type", "commune"),
                "district": row.get("district", "Huyện A"),
                "province": row.get("province", "Tỉnh T"),
                "ranked": row.get("ranked", True),
                "appraised_points": appraised,
                "survey_points": survey,
                "adjustment_points": 0,
                "total_points": (appraised or 0) + (survey or 0),
                "applicable_max": 250000,
                "index": u(row.get("index")),
                "area_1": u(row.get("area_1", "0")),
                "area_2": u(row.get("area_2", "0")),
                "area_3": u(row.get("area_3", "0")),
            }
        )
    return pl.DataFrame(out, schema=TOTALS_SCHEMA)


def no_details() -> pl.DataFrame:
    return pl.DataFrame(schema=DETAILS_SCHEMA)


def base_criteria() -> CriteriaSet:
    return load_criteria(ALL_KINDS).criteria


def criteria_with(
    *,
    within: str = "district",
    ties: str = "competition",
    tie_break: Sequence[str] = (),
    classes: Sequence[Mapping[str, Any]] | None = None,
    places: int | None = None,
) -> CriteriaSet:
    """The all-kinds test set with other ranking settings or classes."""
    base = base_criteria()
    update: dict[str, Any] = {
        "ranking": Ranking.model_validate({"within": within, "ties": ties, "tie_break": list(tie_break)})
    }
    if classes is not None:
        update["classes"] = [Band.model_validate(dict(c)) for c in classes]
    if places is not None:
        update["rounding"] = base.rounding.model_copy(update={"places": places})
    return base.model_copy(update=update)


def ranks_of(frame: pl.DataFrame, column: str = "rank") -> dict[str, int | None]:
    return dict(zip(frame["commune_code"].to_list(), frame[column].to_list(), strict=True))


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """A UTF-8 CSV file (cells with commas quoted; None as an empty cell)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(["" if v is None else str(v) for v in row] for row in rows)
    return path
