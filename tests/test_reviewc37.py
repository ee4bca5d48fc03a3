"""Review c37 of session 37's decoding37 (Excel's text mark in every code column).

Found by running the real ``pari`` (main at 27c0232 and at f7922a5): the Hải Phòng example's
register given a ``district_code`` column (001–004, one code a district), every other row's code
typed with Excel's text mark («'002», or «’002» as a phone types it): ``pari score`` exit 0, no
finding, and each district ranked as two groups («002» of 5 units and «'002» of 5), the register's
district codes being read as written while its unit codes left the mark out (``CODE_FIELDS`` held
the unit's code columns only). Now the register's ``district_code`` and ``province_code`` are code
columns too: the mark (any of :data:`TEXT_MARKS`) is left out, each district one group of 10.
"""

from __future__ import annotations

import contextlib
import csv
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.intake.sheet import CODE_FIELDS, TEXT_MARKS, codes_read

ROOT = Path(__file__).resolve().parents[1]
HAI_PHONG = ROOT / "examples" / "hai-phong-2022"


def test_every_level_code_is_a_code_column() -> None:
    assert {"district_code", "province_code"} <= CODE_FIELDS
    frame = pl.DataFrame({"district_code": ["'002", "’002", "002"], "province_code": ["＇31", "31", "`31"]})
    assert codes_read(frame).rows() == [("002", "31"), ("002", "31"), ("002", "31")]


@pytest.mark.parametrize("mark", ["'", "\u2019", "\uff07"])
def test_a_district_code_typed_with_the_text_mark_is_one_group(tmp_path: Path, mark: str) -> None:
    assert mark in TEXT_MARKS
    with (HAI_PHONG / "communes.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    codes: dict[str, str] = {}
    written = [[*rows[0], "district_code"]]
    for at, row in enumerate(rows[1:]):
        code = codes.setdefault(row[3], f"{len(codes) + 1:03d}")
        written.append([*row, (mark if at % 2 else "") + code])
    with (tmp_path / "communes.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(written)
    argv = [
        *("score", str(HAI_PHONG / "assessments_long.csv"), "--communes", str(tmp_path / "communes.csv")),
        *("--survey", str(HAI_PHONG / "survey.csv")),
        *("--criteria", str(ROOT / "criteria" / "hai-phong-2022-commune.yaml")),
        *("-o", str(tmp_path / "out.parquet"), "--format", "parquet", "-q", "--lang", "en"),
    ]
    with contextlib.chdir(tmp_path):
        done = CliRunner().invoke(main, argv)
    assert done.exit_code == 0, done.output
    summary = pl.read_parquet(tmp_path / "out.parquet" / "summary.parquet")
    groups = summary.group_by("district_code").agg(pl.len(), pl.col("group_size").first()).sort("district_code")
    # Before: 8 groups ('001' of 4 beside '001 of 4, …).
    assert groups.rows() == [("001", 8, 8), ("002", 10, 10), ("003", 8, 8), ("004", 10, 10)]
