"""Review of session 34 (reviewa34): the percentage gate of value_checks (speed34) against the
per-cell windows it skips, over units of mixed sheets, files, % signs and scales."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.criteria.points import EXACT_SCALE
from pari_index.intake import value_checks
from pari_index.intake.schema import COMMUNE
from pari_index.intake.sheet import FILE, SHEET

#: Values in whole percent (times EXACT_SCALE below): fractions, marks on a scale, rates.
_VALUES = st.sampled_from([0, 1, 5, 10, 50, 95, 100, 420, 950, 10_000])
_CELL = st.tuples(
    st.sampled_from(["a.csv", "b.xlsx"]),
    st.sampled_from([None, "S1", "S2"]),
    st.sampled_from(["00001", "00002", None]),
    _VALUES,
    st.booleans(),  # written with %
    st.sampled_from(["percent", "percent", "number"]),
)


def _cells(rows: list[tuple[str, str | None, str | None, int, bool, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            FILE: [r[0] for r in rows],
            SHEET: [r[1] for r in rows],
            COMMUNE: [r[2] for r in rows],
            "kind": [r[5] for r in rows],
            "value": [f"{r[3] / 100}{'%' if r[4] else ''}" for r in rows],
            "num": pl.Series([r[3] * EXACT_SCALE // 100 for r in rows], dtype=pl.Int128),
        },
        schema_overrides={SHEET: pl.String, COMMUNE: pl.String},
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(_CELL, min_size=1, max_size=25), st.sampled_from([EXACT_SCALE, 10 * EXACT_SCALE]))
def test_the_gate_flags_what_the_windows_flag(
    rows: list[tuple[str, str | None, str | None, int, bool, str]], top: int
) -> None:
    cells = _cells(rows)
    num = pl.col("num")
    bare = value_checks._bare_percent(pl.lit(True))
    low = 0 if top == EXACT_SCALE else EXACT_SCALE
    telling = bare & (num > low) & (num < top if top == EXACT_SCALE else num <= top)
    unit = [FILE, SHEET, COMMUNE]
    within = ~(bare & (num > top)).any().over(unit)
    windows = (bare.sum().over(unit) >= value_checks.PERCENTAGES_AT_LEAST) & telling.any().over(unit) & within
    expected = cells.select(windows.fill_null(False)).to_series().to_list()
    looks = value_checks._unit_percentages_within(cells, bare, top, telling)
    got = [False] * cells.height if looks is None else cells.select(looks.fill_null(False)).to_series().to_list()
    assert got == expected
