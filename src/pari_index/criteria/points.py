"""Exact points.

Published points are decimals (0.1, 0.25, 7.5, 43.26) and published totals must come out exactly,
never as 83.20999. Inside pari-index every point value is an integer count of *units* of
1/10,000 point, so sums are exact in both polars (Int64) and Python. Divisions (proportional rules,
indices) are the only place where rounding happens, and the rounding mode is a declared setting of
the criteria set because the decisions do not state one.

Why 1/10,000 and not finer: a level the set leaves unrounded (``rounding: {items: none}``) is still
held in these units, so a computed item point finer than 4 decimals is rounded there, with the set's
mode. A weighted 0-10 sub-score given to 2 decimals on a weight of one decimal (7.37 / 10 x 12.5 =
9.2125) needs at most 4, so it stays exact; a weight of two decimals can need 5 (x 2.25), and the
error per item is then at most 0.00005, so a total of n items rounded to 2 places can differ from
the exact one only when the exact total lies within n x 0.00005 of a half. A finer unit (1e-8) would
keep such items exact too, but the index multiplies a total of up to 1,000,000 points by 100 and by
10**places before dividing, which passes Int64 at 1e-8 (docs/criteria.md §12, "Rounding per level").
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from pari_index.errors import quoted

#: Points are stored as integer multiples of 1/SCALE.
PLACES = 4
SCALE: int = 10**PLACES
#: Numbers read from input files are finer: exact whole counts of 1/10**14 (docs/data-formats.md,
#: "How numbers are read"; the intake reads them, the evaluators compare them).
EXACT_PLACES = 14
EXACT_SCALE: int = 10**EXACT_PLACES
#: Exact counts per unit of 1/10,000: an evaluation frame's rest column holds 0 <= rest < REST_SCALE.
REST_SCALE: int = EXACT_SCALE // SCALE


class RoundingMode(StrEnum):
    half_up = "half_up"
    half_even = "half_even"
    down = "down"

    @property
    def decimal_mode(self) -> str:
        return {
            RoundingMode.half_up: ROUND_HALF_UP,
            RoundingMode.half_even: ROUND_HALF_EVEN,
            RoundingMode.down: ROUND_DOWN,
        }[self]


def to_units(value: Decimal | int | str | float) -> int:
    """Convert a point value to units, refusing anything finer than 1/SCALE."""
    try:
        dec = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"{quoted(value)} is not a number") from exc
    if not dec.is_finite():
        raise ValueError(f"{quoted(value)} is not a finite number")
    scaled = dec * SCALE
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} has more than {PLACES} decimal places")
    return int(scaled)


def from_units(units: int) -> Decimal:
    """Units back to an exact Decimal (e.g. 432600 -> Decimal('43.26'))."""
    quantum: Decimal = Decimal(1).scaleb(-PLACES)
    return (Decimal(units) / SCALE).quantize(quantum)


def format_points(units: int, places: int = 2) -> str:
    """Units as a plain decimal string with ``places`` decimals (no rounding beyond truncation of
    zeros: callers round first)."""
    return f"{from_units(units):.{places}f}"


def div_round(numerator: int, denominator: int, mode: RoundingMode) -> int:
    """``numerator / denominator`` rounded to an integer with ``mode``, exactly (no floats)."""
    if denominator == 0:
        raise ZeroDivisionError("division by zero")
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    q, r = divmod(numerator, denominator)  # floor division; 0 <= r < denominator
    if r == 0:
        return q
    if mode is RoundingMode.down:
        # Towards zero.
        return q if numerator >= 0 else q + 1
    twice = 2 * r
    if twice > denominator:
        return q + 1
    if twice < denominator:
        return q
    # Exactly half.
    if mode is RoundingMode.half_up:  # away from zero
        return q + 1 if numerator >= 0 else q
    return q if q % 2 == 0 else q + 1


def unit_step(places: int | None) -> int:
    """Units in one step of ``places`` decimals; 1 (the finest unit) for a level not rounded."""
    return 1 if places is None else 10 ** (PLACES - places)


def round_units(units: int, places: int, mode: RoundingMode) -> int:
    """Round a units value to ``places`` decimals of a point (places <= PLACES)."""
    step: int = 10 ** (PLACES - places)
    return div_round(units, step, mode) * step
