"""Exact rounding in points.py against Python's Decimal.quantize."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext

import hypothesis.strategies as st
import pytest
from hypothesis import example, given

from pari_index.criteria.points import (
    RoundingMode,
    div_round,
    format_points,
    from_units,
    round_units,
    to_units,
)

MODES = {
    RoundingMode.half_up: ROUND_HALF_UP,
    RoundingMode.half_even: ROUND_HALF_EVEN,
    RoundingMode.down: ROUND_DOWN,
}
modes = st.sampled_from(list(RoundingMode))
big = st.integers(-(10**30), 10**30)


def quantized(numerator: int, denominator: int, mode: RoundingMode) -> int:
    with localcontext() as ctx:
        ctx.prec = 200  # exact for these sizes
        return int((Decimal(numerator) / Decimal(denominator)).quantize(Decimal(1), MODES[mode]))


@given(
    st.one_of(big, st.integers(-1000, 1000)),
    st.one_of(big, st.integers(-20, 20)).filter(bool),
    modes,
)
@example(1, 2, RoundingMode.half_up)
@example(-1, 2, RoundingMode.half_up)
@example(3, 2, RoundingMode.half_even)
@example(-5, 2, RoundingMode.half_even)
@example(-7, 3, RoundingMode.down)
@example(7, -3, RoundingMode.down)
def test_div_round_matches_decimal(numerator: int, denominator: int, mode: RoundingMode) -> None:
    assert div_round(numerator, denominator, mode) == quantized(numerator, denominator, mode)


@given(big, st.integers(0, 4), modes)
@example(12_345, 2, RoundingMode.half_up)
@example(12_350, 2, RoundingMode.half_even)
@example(-12_350, 2, RoundingMode.half_up)
def test_round_units_matches_decimal(units: int, places: int, mode: RoundingMode) -> None:
    with localcontext() as ctx:
        ctx.prec = 200
        expected = (Decimal(units) / 10_000).quantize(Decimal(1).scaleb(-places), MODES[mode])
        expected_units = int(expected * 10_000)
    assert round_units(units, places, mode) == expected_units


@pytest.mark.parametrize(
    ("units", "places", "mode", "expected"),
    [
        (36_654, 2, RoundingMode.half_up, 36_700),  # 3.6654 → 3.67
        (36_654, 2, RoundingMode.down, 36_600),  # 3.66
        (1_250, 2, RoundingMode.half_up, 1_300),  # 0.125 → 0.13
        (1_250, 2, RoundingMode.half_even, 1_200),  # 0.125 → 0.12
        (1_350, 2, RoundingMode.half_even, 1_400),  # 0.135 → 0.14
        (-1_250, 2, RoundingMode.half_up, -1_300),  # half away from zero
        (-1_259, 2, RoundingMode.down, -1_200),  # towards zero
        (5_000, 0, RoundingMode.half_even, 0),  # 0.5 → 0
        (15_000, 0, RoundingMode.half_even, 20_000),  # 1.5 → 2
        (432_649, 4, RoundingMode.down, 432_649),  # 4 places: unchanged
    ],
)
def test_round_units_by_hand(units: int, places: int, mode: RoundingMode, expected: int) -> None:
    assert round_units(units, places, mode) == expected


def test_div_round_by_zero() -> None:
    with pytest.raises(ZeroDivisionError):
        div_round(1, 0, RoundingMode.half_up)


@given(st.integers(-(10**12), 10**12))
def test_units_round_trip(units: int) -> None:
    assert to_units(from_units(units)) == units
    assert to_units(str(from_units(units))) == units


def test_to_units_and_format() -> None:
    assert to_units("43.26") == 432_600
    assert to_units(0.25) == 2_500
    assert to_units(Decimal("7.5")) == 75_000
    assert from_units(832_100) == Decimal("83.21")
    assert format_points(832_100) == "83.21"
    assert format_points(5_000, 1) == "0.5"
    for bad in ("0.00001", "abc", "NaN", float("inf")):
        with pytest.raises(ValueError):
            to_units(bad)
