"""The commune register: which units exist, their type and the groups they are ranked within.

Codes are text (leading zeros kept) and are what everything joins on: names are not unique, even
within one province over time. Columns are read under English or Vietnamese headings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from .errors import IntakeError, Problem
from .tables import FILE, ROW, SHEET, read_tables, rename_columns

REGISTER_ALIASES: dict[str, str] = {
    **{k: "code" for k in ("code", "commune_code", "mã", "mã xã", "mã đơn vị", "mã đvhc", "ma")},
    **{k: "name" for k in ("name", "commune", "tên", "tên đơn vị", "tên xã", "đơn vị", "ten")},
    **{k: "type" for k in ("type", "unit_type", "loại", "loại đơn vị", "loai")},
    **{k: "district" for k in ("district", "huyện", "quận/huyện", "quận, huyện", "huyen")},
    **{k: "province" for k in ("province", "tỉnh", "tỉnh/thành phố", "tinh")},
    **{k: "ranked" for k in ("ranked", "xếp hạng", "có xếp hạng")},
}

#: Unit-type words (lower case) to the criteria format's unit types.
UNIT_TYPES: dict[str, str] = {
    "xã": "commune",
    "xa": "commune",
    "commune": "commune",
    "phường": "ward",
    "phuong": "ward",
    "ward": "ward",
    "thị trấn": "township",
    "thi tran": "township",
    "township": "township",
    "đặc khu": "special_zone",
    "dac khu": "special_zone",
    "special_zone": "special_zone",
    "special zone": "special_zone",
}

REGISTER_COLUMNS = ("code", "name", "type", "district", "province")


@dataclass
class Register:
    """One row per unit: code, name, unit_type, district, province, ranked, plus any other columns
    of the file (usable with ``--group-by``)."""

    frame: pl.DataFrame
    problems: list[Problem]
    source: str | None = None

    @property
    def codes(self) -> pl.Series:
        return self.frame["code"]


def read_register(path: str | Path) -> Register:
    """Read and check a commune register. Bad rows are reported and left out; a file without the
    required columns is an error."""
    result = read_tables([path])
    problems = list(result.problems)
    frames: list[pl.DataFrame] = []
    for sheet in result.sheets:
        sheet = rename_columns(sheet, REGISTER_ALIASES)
        missing = [c for c in ("code", "name") if c not in sheet.frame.columns]
        if missing:
            problems.append(
                Problem(
                    "missing-column",
                    f"the register needs column(s) {', '.join(missing)}; found "
                    f"{', '.join(c for c in sheet.frame.columns if not c.startswith('_'))}",
                    file=sheet.file,
                    sheet=sheet.name,
                    row=1,
                    hint="name the columns code, name, type, district, province (or mã, tên, loại, huyện, tỉnh)",
                )
            )
            continue
        frames.append(sheet.frame)
    if not frames:
        raise IntakeError(problems or [Problem("empty-register", "the register has no rows", file=str(path))])
    frame = pl.concat(frames, how="diagonal_relaxed")
    for column in REGISTER_COLUMNS:
        if column not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(column))
    type_text = pl.col("type").str.to_lowercase().str.strip_chars()
    frame = frame.with_columns(
        unit_type=type_text.replace_strict(UNIT_TYPES, default=None, return_dtype=pl.String),
        ranked=pl.col("ranked").str.to_lowercase().is_in(["no", "không", "false", "0", "n"]).not_()
        if "ranked" in frame.columns
        else pl.lit(True),
    )
    bad: list[tuple[pl.Expr, str, str, str]] = [
        (pl.col("code").is_null(), "missing-code", "the row has no commune code", "fill in the code"),
        (pl.col("name").is_null(), "missing-name", "the row has no name", "fill in the name"),
        (
            pl.col("type").is_not_null() & pl.col("unit_type").is_null(),
            "unknown-unit-type",
            "the type is not one of xã, phường, thị trấn, đặc khu",
            "write xã, phường, thị trấn or đặc khu (or commune, ward, township, special_zone)",
        ),
    ]
    rejected = pl.lit(False)
    for condition, code, message, hint in bad:
        for row in frame.filter(condition).select(FILE, SHEET, ROW, "code", "type").iter_rows(named=True):
            extra = f" ({row['type']!r})" if code == "unknown-unit-type" else ""
            problems.append(Problem(code, message + extra, file=row[FILE], sheet=row[SHEET], row=row[ROW], hint=hint))
        rejected = rejected | condition
    dup = frame.filter(pl.col("code").is_not_null() & pl.col("code").is_duplicated())
    for row in dup.select(FILE, SHEET, ROW, "code").iter_rows(named=True):
        problems.append(
            Problem(
                "duplicate-commune",
                f"commune code {row['code']!r} is listed more than once",
                file=row[FILE],
                sheet=row[SHEET],
                row=row[ROW],
                hint="each unit appears once; merged units get a new code",
            )
        )
    frame = frame.filter(~rejected & ~(pl.col("code").is_not_null() & pl.col("code").is_duplicated()))
    front = ["code", "name", "unit_type", "district", "province", "ranked"]
    rest = [c for c in frame.columns if c not in front and c != "type" and not c.startswith("_")]
    return Register(frame=frame.select(*front, *rest, FILE, SHEET, ROW), problems=problems, source=str(path))


def register_from_codes(codes: list[str]) -> Register:
    """A minimal register when none is given: codes only, no type, one group."""
    frame = pl.DataFrame(
        {
            "code": sorted(set(codes)),
        },
        schema={"code": pl.String},
    ).with_columns(
        name=pl.col("code"),
        unit_type=pl.lit(None, dtype=pl.String),
        district=pl.lit(None, dtype=pl.String),
        province=pl.lit(None, dtype=pl.String),
        ranked=pl.lit(True),
        **{
            FILE: pl.lit(None, dtype=pl.String),
            SHEET: pl.lit(None, dtype=pl.String),
            ROW: pl.lit(None, dtype=pl.Int64),
        },
    )
    return Register(frame=frame, problems=[], source=None)
