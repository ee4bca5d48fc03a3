"""Writing results: decimals for people, safe cells, atomic files.

* Points and indices are Int64 units inside pari-index; here they become decimals with the set's
  places (43.26, not 43.2599999).
* Text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
  carriage return) is prefixed with an apostrophe in CSV and XLSX output (OWASP's advice against
  CSV/formula injection): a commune name can never become a formula.
* Every file is written to a temporary name in the same folder and renamed into place, so an
  interrupted run never leaves half a workbook; an output path that is one of the inputs is refused.
* An XLSX sheet holds at most 1,048,576 rows. When the per-item detail is larger (a national run),
  the workbook keeps the summaries and rankings and the detail goes to a CSV beside it, said so in
  the workbook's ``about`` sheet, instead of failing or truncating.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import polars as pl

from .errors import OutputError, Problem
from .points import SCALE

XLSX_MAX_ROWS = 1_048_575  # one row for the header

#: Columns holding points or indices in units of 1/10,000.
UNIT_COLUMNS = frozenset(
    {
        "max",
        "self_score",
        "computed_score",
        "appraised_score",
        "final_score",
        "counted_max",
        "appraised_points",
        "survey_points",
        "adjustment_points",
        "total_points",
        "appraised_max",
        "survey_max",
        "applicable_max",
        "index",
        "previous_index",
        "index_change",
        "previous_total",
        "total_change",
        "gap_to_next_class",
        "lost_points",
        "next_class_from",
    }
)
UNIT_PREFIXES = ("area_", "lost_")

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _is_unit_column(name: str, dtype: pl.DataType) -> bool:
    return dtype.is_integer() and (name in UNIT_COLUMNS or name.startswith(UNIT_PREFIXES))


def display_frame(frame: pl.DataFrame, places: int = 4) -> pl.DataFrame:
    """Unit columns as Float64 decimals rounded to ``places`` (exact for values already rounded)."""
    return frame.with_columns(
        (pl.col(name) / SCALE).round(places).alias(name)
        for name, dtype in frame.schema.items()
        if _is_unit_column(name, dtype)
    )


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix text cells that a spreadsheet would evaluate with an apostrophe."""
    exprs = []
    for name, dtype in frame.schema.items():
        if dtype == pl.String:
            col = pl.col(name)
            exprs.append(
                pl.when(
                    col.str.starts_with("=")
                    | col.str.starts_with("+")
                    | col.str.starts_with("-")
                    | col.str.starts_with("@")
                    | col.str.starts_with("\t")
                    | col.str.starts_with("\r")
                )
                .then(pl.lit("'") + col)
                .otherwise(col)
                .alias(name)
            )
    return frame.with_columns(exprs) if exprs else frame


def check_not_input(output: Path, inputs: Sequence[str | Path]) -> None:
    target = output.resolve()
    for path in inputs:
        with contextlib.suppress(OSError):
            if Path(path).resolve() == target:
                raise OutputError(
                    Problem(
                        "output-is-input",
                        "the output would overwrite an input file",
                        file=str(output),
                        hint="choose another output name",
                    )
                )


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; rename it into place when the block succeeds."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            Problem("output-folder", f"cannot create the folder: {exc.strerror}", file=str(path.parent))
        ) from None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        # mkstemp creates the file readable by its owner only; give the result the permissions
        # an ordinary new file would have (0666 less the umask), as Excel and browsers expect.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(
            Problem(
                "output-unwritable",
                f"cannot write the file: {exc.strerror or exc}",
                file=str(path),
                hint="close it in Excel if it is open, or choose another name",
            )
        ) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def write_text(path: Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_csv(path: Path, frame: pl.DataFrame) -> None:
    """CSV in UTF-8 with a BOM, so that Excel on Windows shows Vietnamese correctly."""
    safe = neutralise_formulas(frame)
    with atomic_path(path) as tmp:
        safe.write_csv(tmp, include_bom=True)


def write_parquet(path: Path, frame: pl.DataFrame) -> None:
    with atomic_path(path) as tmp:
        frame.write_parquet(tmp)


def write_xlsx(path: Path, sheets: dict[str, pl.DataFrame]) -> None:
    """Several sheets in one workbook, header row frozen, columns sized (see workbook.py)."""
    from .workbook import write_workbook

    with atomic_path(path) as tmp:
        write_workbook(tmp, {name[:31]: neutralise_formulas(frame) for name, frame in sheets.items()})
