"""Bands: the intervals of a tier ladder or of the classification, checked for order, overlaps
and gaps, and the points each rule can give (for the checks of an item's bounds).

A gap is returned apart from the errors: between tiers it is an error, between classes a
warning (Bà Rịa–Vũng Tàu's 2013 classes left one on purpose).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise
from typing import Any

from pari_index.criteria.rules import (
    Checklist,
    Choice,
    CountTiers,
    Deadline,
    Deduction,
    Interval,
    Rule,
    Tiers,
    Timeliness,
    YesNo,
)
from pari_index.criteria.set_problems import ZERO


def rule_outcomes(rule: Rule, maximum: Decimal) -> list[tuple[str, Decimal]]:
    """Every distinct number of points a rule can give, labelled, for bound checks."""
    match rule:
        case YesNo():
            return [("yes", maximum if rule.yes is None else rule.yes), ("no", rule.no)]
        case Timeliness():
            on_time = maximum if rule.on_time is None else rule.on_time
            return [("on_time", on_time), ("late", rule.late), ("not_done", rule.not_done)]
        case Deadline():
            on_time = maximum if rule.on_time is None else rule.on_time
            return [("on_time", on_time), ("late", rule.late), ("not_done", rule.not_done)]
        case Tiers():
            return [(f"tiers[{i}]", t.points) for i, t in enumerate(rule.tiers)]
        case CountTiers():
            return [(f"tiers[{i}]", t.points) for i, t in enumerate(rule.tiers)]
        case Choice():
            return [
                (f"levels[{i}]", lvl.points if lvl.points is not None else (lvl.fraction or ZERO) * maximum)
                for i, lvl in enumerate(rule.levels)
            ]
        case Checklist():
            return [(f"items[{i}]", item.points) for i, item in enumerate(rule.items)]
        case Deduction():
            return [("start", maximum if rule.start is None else rule.start)]
        case _:
            return []


def edge_key(edge: tuple[Decimal, bool] | None, lower: bool) -> tuple[Decimal, int]:
    # Sort key: an unbounded lower edge is -inf, an unbounded upper edge +inf; an exclusive lower
    # edge starts just after its value.
    if edge is None:
        return (Decimal("-Infinity") if lower else Decimal("Infinity"), 0)
    value, inclusive = edge
    if lower:
        return (value, 0 if inclusive else 1)
    return (value, 1 if inclusive else 0)


#: A finding about bands (check_intervals): the band's index, its kind, the English sentence and
#: the parameters that tell it in either language (labels.PARAM_WORDS: band_kind, band_overlap, ...).
BandFinding = tuple[int, str, str, dict[str, Any]]


def check_intervals(
    bands: Sequence[Interval],
    domain: tuple[Decimal, Decimal | None],
    what: str,
) -> tuple[list[BandFinding], list[BandFinding]]:
    """Order, overlaps and gaps of tier-like intervals. Returns (errors, gaps) as
    (index, code, message, params); the caller decides whether a gap is an error or a warning."""
    errors: list[BandFinding] = []
    gaps: list[BandFinding] = []

    def told(i: int, j: int | None = None, **more: Any) -> dict[str, Any]:
        params: dict[str, Any] = {"band_kind": what, "band_no": i + 1, "band": bands[i].describe(), **more}
        if j is not None:
            params |= {"next_no": j + 1, "next_band": bands[j].describe()}
        return params

    for i, band in enumerate(bands):
        low, high = band.lower, band.upper
        if low and high and (low[0] > high[0] or (low[0] == high[0] and not (low[1] and high[1]))):
            errors.append((i, "tier-empty", f"{what} {i + 1} ({band.describe()}) contains no value", told(i)))
    if errors:
        return errors, gaps
    keys = [edge_key(b.lower, True) for b in bands]
    ascending = all(keys[i] < keys[i + 1] for i in range(len(keys) - 1))
    descending = all(keys[i] > keys[i + 1] for i in range(len(keys) - 1))
    if not (ascending or descending):
        for i in range(len(keys) - 1):
            if keys[i] == keys[i + 1]:
                message = f"{what} {i + 1} and {i + 2} start at the same value"
                errors.append((i + 1, "tier-overlap", message, told(i, i + 1, band_overlap="same_start")))
                return errors, gaps
        plural = "classes" if what == "class" else f"{what}s"
        message = (
            f"{plural} are out of order: list them from the highest values down (as the "
            "decisions print them) or from the lowest up, not mixed"
        )
        errors.append((0, "tier-order", message, {"band_kind": what, "band_order": what}))
        return errors, gaps
    order = sorted(range(len(bands)), key=lambda i: keys[i])
    for a, b in pairwise(order):
        upper = bands[a].upper
        lower = bands[b].lower
        overlap = f"{what} {a + 1} ({bands[a].describe()}) overlaps {what} {b + 1} ({bands[b].describe()})"
        if upper is None or lower is None:
            errors.append((b, "tier-overlap", overlap, told(a, b, band_overlap="overlap")))
            continue
        if upper[0] > lower[0] or (upper[0] == lower[0] and upper[1] and lower[1]):
            errors.append((b, "tier-overlap", overlap, told(a, b, band_overlap="overlap")))
        elif upper[0] < lower[0] or (not upper[1] and not lower[1]):
            message = (
                f"values between {what} {a + 1} ({bands[a].describe()}) and "
                f"{what} {b + 1} ({bands[b].describe()}) fall in no {what}"
            )
            gaps.append((b, "tier-gap", message, told(a, b, band_gap="between")))
    domain_low, domain_high = domain
    first, last = bands[order[0]], bands[order[-1]]
    if first.lower is not None and (
        first.lower[0] > domain_low or (first.lower[0] == domain_low and not first.lower[1])
    ):
        message = f"values from {domain_low} up to {first.describe()} fall in no {what}"
        gaps.append((order[0], "tier-gap", message, told(order[0], band_gap="below", low=domain_low)))
    if last.upper is not None and (
        domain_high is None or last.upper[0] < domain_high or (last.upper[0] == domain_high and not last.upper[1])
    ):
        top = "up" if domain_high is None else f"up to {domain_high}"
        above = told(order[-1], band_gap="above" if domain_high is None else "above_to", high=domain_high)
        gaps.append((order[-1], "tier-gap", f"values above {last.describe()} ({top}) fall in no {what}", above))
    return errors, gaps
