"""Findings are printed causes first: the register's before the assessments' (a code the register
lost to a bad byte makes every row of that commune ``unknown-commune``; sweep 17 printed the cause
after 78 of them), and a file's file-level findings before its rows'."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_sweep8 import EXAMPLES

from pari_index.cli import main
from pari_index.pipeline import causes_first


def _codes(output: str) -> list[tuple[str, str]]:
    """(file name, code) of each printed finding, in order."""
    return [(Path(m[1]).name, m[2]) for m in re.finditer(r"^\w+: (\S+?\.csv)\b.*\[([a-z-]+)\]$", output, re.M)]


@pytest.mark.parametrize("relative", [False, True])
def test_the_registers_bad_byte_is_printed_before_what_it_caused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: bool
) -> None:
    for name in ("assessments_long.csv", "survey.csv"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    raw = (EXAMPLES / "communes.csv").read_bytes()
    (tmp_path / "communes.csv").write_bytes(raw.replace(b"00004,", b"0000\xc0\xb4,", 1))
    monkeypatch.chdir(tmp_path)
    where = "" if relative else f"{tmp_path}/"
    args = ["score", f"{where}assessments_long.csv", "--communes", f"{where}communes.csv"]
    result = CliRunner().invoke(main, [*args, "--survey", f"{where}survey.csv", "-o", "out.xlsx", "-q", "--lang", "en"])
    assert result.exit_code == 1, result.output
    printed = _codes(result.output)
    assert printed[:2] == [("communes.csv", "undecodable-bytes"), ("communes.csv", "missing-code")]
    assert printed[2] == ("assessments_long.csv", "unknown-commune")
    assert ("assessments_long.csv", "unknown-commune") not in printed[:2]


def _finding(file: str | None, row: int | None, kind: str) -> dict[str, object]:
    return {"file": file, "sheet": None, "row": row, "kind": kind}


def test_causes_first_orders_register_then_each_file_its_file_level_first() -> None:
    findings = pl.DataFrame(
        [
            _finding("a.csv", 5, "unknown-commune"),
            _finding(None, None, "not-assessed"),
            _finding("a.csv", None, "encoding-fallback"),
            _finding("reg.csv", 3, "undecodable-bytes"),
            _finding("b.csv", 2, "bad-value"),
            _finding("a.csv", 2, "unknown-commune"),
            _finding("reg.csv", None, "encoding-fallback"),
        ],
        schema={"file": pl.String, "sheet": pl.String, "row": pl.Int64, "kind": pl.String},
    )
    ordered = causes_first(findings, "reg.csv")
    assert list(zip(ordered["file"], ordered["row"], strict=True)) == [
        ("reg.csv", None),
        ("reg.csv", 3),
        ("a.csv", None),
        ("a.csv", 2),
        ("a.csv", 5),
        ("b.csv", 2),
        (None, None),
    ]
    # Without a register, every file's file-level findings first (session 35), then the rows by file.
    assert causes_first(findings, None)["file"].to_list()[:5] == ["a.csv", "reg.csv", "a.csv", "a.csv", "b.csv"]
