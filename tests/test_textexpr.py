"""format_text: pl.format's meaning without its panic (see pari_index/textexpr.py)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pari_index.scoring import score
from pari_index.textexpr import format_text

DATA = Path(__file__).parent / "data"

texts = st.lists(st.one_of(st.none(), st.text(max_size=8)), min_size=1, max_size=20)


@given(
    a=texts,
    b=st.lists(st.one_of(st.none(), st.integers(-(10**6), 10**6)), min_size=1, max_size=20),
    template=st.sampled_from(["{} is not {}", "{}{}", "x{}y{}z", "commune {} item {}", "{} – {} ({})"]),
)
def test_same_text_as_pl_format(a: list[str | None], b: list[int | None], template: str) -> None:
    n = min(len(a), len(b))
    frame = pl.DataFrame({"a": a[:n], "b": b[:n]}, schema={"a": pl.String, "b": pl.Int64})
    args: list[pl.Expr | str] = ["a", pl.col("b")]
    if template.count("{}") == 3:
        args.append(pl.col("a").str.to_uppercase())
    want = frame.select(pl.format(template, *args).alias("t"))["t"].to_list()
    got = frame.select(format_text(template, *args).alias("t"))["t"].to_list()
    assert got == want


def test_no_placeholder_and_wrong_count() -> None:
    assert pl.select(format_text("counted once").alias("t")).item() == "counted once"
    with pytest.raises(ValueError, match="2 placeholders for 1"):
        format_text("{} {}", "a")


def test_inputs_that_once_made_polars_panic() -> None:
    """Found by a differential review: with pl.format, the message for these rejected cells made
    polars 2.1 panic ('assertion failed: i < self.len()') instead of reporting them."""
    case = DATA / "panic_r360"
    result = score(
        [case / "f0.csv", case / "f1.csv", case / "f2.csv"], DATA / "all_kinds.yaml", communes=case / "reg.csv"
    )
    found = {(r["kind"], Path(r["file"]).name, r["row"]) for r in result.findings.iter_rows(named=True) if r["file"]}
    assert ("bad-value", "f0.csv", 2) in found  # 'có' is not a whole number
    assert ("bad-value", "f1.csv", 3) in found  # '1.234,5' is not có/không
