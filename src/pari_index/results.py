"""Results files: what ``pari score`` writes and ``pari report`` / ``--previous`` read back.

A results workbook (XLSX) has the sheets ``summary`` (one row per commune: totals, index, rank,
class), ``criteria`` (one row per commune and scored item: self, computed, appraised and final
score, status, explanation), ``findings``, ``rows`` (every input row and what became of it) and
``about`` (the criteria set, its decision, the inputs, and where any overflow went). With
``--format csv`` or ``--format parquet`` the same tables are files in a folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polars as pl

from .errors import IntakeError, Problem
from .outputs import XLSX_MAX_ROWS, display_frame, write_csv, write_parquet, write_xlsx
from .scoring import ScoreResult, notices

Format = Literal["xlsx", "csv", "parquet"]
TABLES = ("summary", "criteria", "findings", "rows", "about")
#: The summary column holding the "incomplete" banner (only in incomplete runs).
NOTICE = "notice"


@dataclass
class ResultTables:
    """The tables of a results file, with decimals for points (as people read them)."""

    summary: pl.DataFrame
    criteria: pl.DataFrame
    findings: pl.DataFrame
    rows: pl.DataFrame
    about: pl.DataFrame

    def as_dict(self) -> dict[str, pl.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}


def about_table(result: ScoreResult, extra: dict[str, str] | None = None, lang: str = "vi") -> pl.DataFrame:
    c = result.criteria
    facts = result.completeness.facts()
    # The banner as sentences for people reading the sheet, and the counts for the report.
    banner = {f"notice_{i + 1}": text for i, text in enumerate(notices(facts, lang))}
    items = {
        "criteria_id": c.id,
        "criteria_title": c.title.vi,
        "criteria_title_en": c.title.en or "",
        "year": str(c.year),
        "province": c.province,
        "issuer": c.issuer,
        "decision": c.decision.number,
        "decision_date": c.decision.date.isoformat(),
        "decision_source": c.decision.source or "",
        "scale": str(c.scale),
        "appraised_part": str(c.parts.appraised),
        "survey_part": str(c.parts.survey),
        "ranked_within": c.ranking.within,
        "rounding": f"{c.rounding.places} places, {c.rounding.mode.value}",
        "communes": str(result.totals.height),
        "scored_items": str(len(result.leaves)),
        **{f"input_{k}": "; ".join(v) for k, v in result.sources.items() if v},
        **facts,
        **banner,
        **(extra or {}),
    }
    return pl.DataFrame({"key": list(items), "value": list(items.values())})


def result_tables(
    result: ScoreResult,
    summary: pl.DataFrame | None = None,
    extra_about: dict[str, str] | None = None,
    lang: str = "vi",
) -> ResultTables:
    """Tables for a results file; ``summary`` is the ranked totals when ranking has run. An
    incomplete run (see :func:`pari_index.scoring.notices`) gets its banner, in ``lang``, as the
    first column ``notice`` of the summary (every row, so that no reader can miss it, filtered
    or not) and as ``notice_1``, ``notice_2`` … in the about sheet."""
    places = result.criteria.rounding.places
    shown = display_frame(summary if summary is not None else result.totals, places)
    banner = notices(result.completeness.facts(), lang)
    if banner:
        shown = shown.select(pl.lit(" ".join(banner), dtype=pl.String).alias(NOTICE), pl.exclude(NOTICE))
    return ResultTables(
        summary=shown,
        criteria=display_frame(result.details, 4),
        findings=result.findings,
        rows=result.ledger,
        about=about_table(result, extra_about, lang),
    )


#: Above this many ranking groups a workbook gets no sheet per group (a national run has ~700
#: districts); the summary sheet, sorted by group and rank, serves instead.
MAX_GROUP_SHEETS = 60
GROUP_SHEET_COLUMNS = (
    "rank",
    "commune_code",
    "name",
    "unit_type",
    "total_points",
    "index",
    "class",
    "rank_change",
    "previous_rank",
    "gap_to_next_class",
    "next_class",
    "top_lost",
)


def group_sheets(summary: pl.DataFrame, limit: int = MAX_GROUP_SHEETS) -> dict[str, pl.DataFrame]:
    """One ranking sheet per group (district or province), sorted by rank, named after the group
    as Excel allows (31 characters, no []:*?/\\); empty when there are more than ``limit`` groups."""
    if "group" not in summary.columns:
        return {}
    groups = summary["group"].unique(maintain_order=True).to_list()
    if len(groups) > limit:
        return {}
    sheets: dict[str, pl.DataFrame] = {}
    columns = [c for c in GROUP_SHEET_COLUMNS if c in summary.columns]
    for group in groups:
        label = re.sub(r"[\[\]:*?/\\]", " ", str(group if group is not None else "—"))
        base = "XH " + " ".join(label.split())
        name = base[:31]
        n = 2
        while name.casefold() in {k.casefold() for k in sheets} or name in TABLES:
            suffix = f" ({n})"
            name = base[: 31 - len(suffix)] + suffix
            n += 1
        part = summary.filter(pl.col("group").eq_missing(group))
        if "rank" in part.columns:
            part = part.sort("rank", nulls_last=True)
        sheets[name] = part.select(columns)
    return sheets


def write_results(path: str | Path, tables: ResultTables, fmt: Format = "xlsx") -> list[Path]:
    """Write the tables; returns the files written."""
    target = Path(path)
    written: list[Path] = []
    if fmt == "xlsx":
        sheets = tables.as_dict()
        about = tables.about
        oversized = [name for name, frame in sheets.items() if frame.height > XLSX_MAX_ROWS]
        for name in oversized:
            side = target.with_name(f"{target.stem}.{name}.csv")
            write_csv(side, sheets[name])
            written.append(side)
            sheets[name] = pl.DataFrame(
                {
                    "note": [
                        f"{sheets[name].height:,} rows are more than an XLSX sheet holds; "
                        f"the full table is in {side.name}"
                    ]
                }
            )
            about = pl.concat([about, pl.DataFrame({"key": [f"overflow_{name}"], "value": [side.name]})])
        sheets["about"] = about
        per_group = group_sheets(tables.summary)
        write_xlsx(target, {**sheets, **per_group})
        written.insert(0, target)
        return written
    target.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.as_dict().items():
        file = target / f"{name}.{fmt}"
        if fmt == "csv":
            write_csv(file, frame)
        else:
            write_parquet(file, frame)
        written.append(file)
    return written


#: Columns that stay text when a results file is read back, even when they look like numbers.
TEXT_COLUMNS = frozenset(
    {
        "commune_code",
        "criterion_id",
        "code",
        "area_id",
        "name",
        "group",
        "group_column",
        "district",
        "province",
        "unit_type",
        "class",
        "class_en",
        "next_class",
        "key",
        "value",
        "file",
        "sheet",
        "column",
        "inputs",
        "evidence_number",
        "evidence_file",
        "explanation",
        "message",
        "hint",
        "kind",
        "severity",
        "status",
        "branch",
        "previous_note",
        "top_lost",
        "title_vi",
        "title_en",
        "part",
        "appraisal_reason",
        "appraiser",
        "reasons",
        NOTICE,
    }
)
_NUMBER = r"^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$"


def _typed(frame: pl.DataFrame) -> pl.DataFrame:
    """Give text columns read back from XLSX or CSV their types: numbers, whole numbers, booleans.
    Reading everything as text first keeps codes such as 00123 intact."""
    exprs = []
    for name, dtype in frame.schema.items():
        if dtype != pl.String or name in TEXT_COLUMNS:
            continue
        values = frame[name].drop_nulls()
        if values.len() == 0:
            continue
        if values.is_in(["true", "false"]).all():
            exprs.append((pl.col(name) == "true").alias(name))
        elif values.str.contains(_NUMBER).all():
            as_float = values.cast(pl.Float64)
            whole = (as_float == as_float.round(0)).all() and not values.str.contains(r"\.").any()
            exprs.append(pl.col(name).cast(pl.Int64 if whole else pl.Float64).alias(name))
    return frame.with_columns(exprs) if exprs else frame


def read_results(path: str | Path) -> dict[str, pl.DataFrame]:
    """Read a results workbook or folder back (for reports and year-over-year comparison)."""
    p = Path(path)
    if not p.exists():
        raise IntakeError(Problem("file-not-found", "results file not found", file=str(p)))
    tables: dict[str, pl.DataFrame] = {}
    if p.is_dir():
        for name in TABLES:
            for ext in ("parquet", "csv"):
                f = p / f"{name}.{ext}"
                if f.exists():
                    tables[name] = (
                        pl.read_parquet(f) if ext == "parquet" else _typed(pl.read_csv(f, infer_schema=False))
                    )
                    break
    else:
        import fastexcel

        try:
            reader = fastexcel.read_excel(str(p))
            for name in reader.sheet_names:
                if name in TABLES:
                    tables[name] = _typed(reader.load_sheet(name, dtypes="string").to_polars())
        except Exception as exc:  # fastexcel raises its own error types
            raise IntakeError(
                Problem(
                    "not-results",
                    f"cannot read the results workbook ({str(exc).splitlines()[0]})",
                    file=str(p),
                    hint="give a file written by pari score",
                )
            ) from None
        about = tables.get("about")
        if about is not None:
            for key, value in about.iter_rows():
                if str(key).startswith("overflow_"):
                    name = str(key).removeprefix("overflow_")
                    tables[name] = _typed(pl.read_csv(p.with_name(str(value)), infer_schema=False))
    if "summary" not in tables:
        raise IntakeError(
            Problem(
                "not-results",
                "no summary table: this is not a pari-index results file",
                file=str(p),
                hint="give a file written by pari score",
            )
        )
    return tables
