"""Rule kinds: how one leaf criterion turns its inputs into points.

Each kind is a pydantic model chosen by its ``kind`` tag. The models only *describe* a rule; the
two evaluators (:mod:`pari_index.criteria.compiling` for polars, :mod:`pari_index.criteria.reference` in plain Python)
implement the semantics documented in docs/criteria.md independently of each other.

Every kind comes from a real decision quoted in the domain primer: yes/no (Cà Mau 1880), timeliness
and deadline by signature date (Hải Phòng 3793 item 1.1.1), rate tiers (Cà Mau 1.1.4), proportional
(digital-transformation indices), additive checklists (Hải Phòng 3793 item 1.1.2), count tiers
(steering-committee meetings), named levels with fractions (committee led by a deputy: half points),
deductions (commune legal-access scorecard) and bonus/penalty points (Hà Nội 5666/QĐ-UBND).
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictInt,
    Tag,
    WithJsonSchema,
    model_validator,
)

#: The largest number of points any one value of a set may have (a maximum, a tier's points, a
#: scale, a per-violation amount). Real scales are 100; the bound keeps every sum and product of
#: points far inside the Int64 units of 1/10,000 that scoring works in (docs/limits.md).
MAX_POINTS = Decimal(1_000_000)
#: The largest tier edge, class edge or input bound, in absolute value: ten trillion, room for an
#: amount in đồng. In units it stays below 10**17, inside Int64; the intake reads numbers below 10**14
#: (values.EXACT_LIMIT_DIGITS).
MAX_BOUND = Decimal(10**13)
_QUANTUM = Decimal("0.0001")
#: The most tiers or levels in one rule (decisions print up to about 10). Each is a branch of a
#: when/then chain in the compiled expression, and polars' cost for a chain grows with the square of
#: its length: 500 leaves of 100 tiers took 15 s and 1.9 GB for 3 communes, of 20 tiers about 1 s.
MAX_BRANCHES = 20
#: The most checklist items in one rule, inputs or evidence documents of one item, or tie-break
#: keys: these compile to flat sums, not chains.
MAX_LIST_ITEMS = 100


def _exact(value: Any, limit: Decimal, what: str) -> Decimal:
    """A YAML number as an exact Decimal of at most 4 decimals within ±limit, or a ValueError.

    The range is checked before any Decimal arithmetic: quantizing 1e308 raises
    InvalidOperation, and str() of a 5,000-digit int fails."""
    # YAML numbers arrive as int or float (Decimal past 30 digits); bool is an int and must not pass as 1.
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError(f"expected {what} such as 1, 0.25 or 7.5 (not text, not yes/no)")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"{what} must be a finite number")
    too_large = abs(value) > limit if isinstance(value, Decimal) else abs(value) > int(limit)
    if too_large:
        raise ValueError(f"{what} must lie between -{limit:,} and {limit:,}")
    dec = value if isinstance(value, Decimal) else Decimal(str(value))
    if dec != dec.quantize(_QUANTUM):
        raise ValueError(f"{what} may have at most 4 decimal places")
    return dec


def _points(value: Any) -> Decimal:
    return _exact(value, MAX_POINTS, "a number of points")


def _bound(value: Any) -> Decimal:
    return _exact(value, MAX_BOUND, "a number")


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                pass
    raise ValueError("expected a date as YYYY-MM-DD or dd/mm/yyyy")


#: A point value: an exact decimal written as a YAML number.
Points = Annotated[
    Decimal,
    BeforeValidator(_points),
    WithJsonSchema({"type": "number", "minimum": -int(MAX_POINTS), "maximum": int(MAX_POINTS)}),
]
#: A number used as a tier edge (a rate in %, a count, an amount).
Bound = Annotated[
    Decimal,
    BeforeValidator(_bound),
    WithJsonSchema({"type": "number", "minimum": -int(MAX_BOUND), "maximum": int(MAX_BOUND)}),
]
#: A calendar date: an unquoted YAML date, or text as YYYY-MM-DD or dd/mm/yyyy.
Date = Annotated[
    dt.date,
    BeforeValidator(_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": r"^\d{1,2}/\d{1,2}/\d{4}$"},
            ]
        }
    ),
]
InputName = Annotated[str, Field(max_length=64, pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]


class Strict(BaseModel):
    """Base of the criteria models: unknown keys are errors, and booleans and whole numbers are
    strict (lax pydantic would read ``yes`` as true and ``"12"`` as 12). Enumerations stay lax so
    that YAML text such as ``kind: tiers`` selects the member."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class InputType(StrEnum):
    """What a commune reports for one input of a leaf."""

    boolean = "boolean"  # có / không, yes / no
    number = "number"  # any non-negative decimal
    count = "count"  # type: ignore[assignment]  # a whole number >= 0 (shadows str.count)
    percent = "percent"  # 0 to 100
    date = "date"  # a day, e.g. the digital-signature date of a plan
    status = "status"  # on_time / late / not_done
    level = "level"  # one of the rule's named levels


STATUS_VALUES = ("on_time", "late", "not_done")


class InputSpec(Strict):
    type: InputType
    label: str | None = None
    label_en: str | None = None
    min: Bound | None = None
    max: Bound | None = None


class YesNo(Strict):
    """Requirement met: ``yes`` points (the maximum by default), otherwise ``no`` points."""

    kind: Literal["yes_no"]
    input: InputName
    yes: Points | None = None
    no: Points = Decimal(0)


class Timeliness(Strict):
    """A reported status: on time, late, or not done (Cà Mau: 1 / 0.5 / 0)."""

    kind: Literal["timeliness"]
    input: InputName
    on_time: Points | None = None
    late: Points = Decimal(0)
    not_done: Points = Decimal(0)


#: The most years a relative deadline may lie before or after the assessment year.
MAX_YEAR_OFFSET = 5
#: The most days a deadline may lie after the input date it counts from (ten years).
MAX_DAYS_AFTER = 3660


class YearDate(Strict):
    """A day of the assessment year, or of a year before or after it: ``{month: 1, day: 31}`` is
    31 January of the year scored, ``{year: -1, month: 12, day: 15}`` 15 December of the year
    before. The year comes from ``pari score --year`` or, by default, the set's ``year``."""

    year: StrictInt = Field(default=0, ge=-MAX_YEAR_OFFSET, le=MAX_YEAR_OFFSET)
    month: StrictInt = Field(ge=1, le=12)
    day: StrictInt = Field(ge=1, le=31)

    @model_validator(mode="after")
    def _a_day_of_every_year(self) -> YearDate:
        if (self.month, self.day) == (2, 29):
            # Not a day of three years in four: the same set must score every year.
            raise ValueError("29 February is not a day of every year: write {month: 2, day: 28} or {month: 3, day: 1}")
        try:
            dt.date(2001, self.month, self.day)
        except ValueError:
            raise ValueError(f"day {self.day} does not exist in month {self.month}") from None
        return self


class DaysAfter(Strict):
    """A deadline counted from a date the unit reports: ``{days_after: 15, of: received}`` is 15
    days after the date in input ``received`` (a date input of the same item)."""

    days_after: StrictInt = Field(ge=0, le=MAX_DAYS_AFTER)
    of: InputName


def _deadline_form(value: Any) -> str:
    # A mapping with days_after counts from an input; any other mapping is a day of the year;
    # everything else must be a calendar date. Chosen here so that a mistake is reported against
    # the one form the writer meant, not against all three.
    if isinstance(value, dict | YearDate | DaysAfter):
        if isinstance(value, DaysAfter) or (isinstance(value, dict) and ("days_after" in value or "of" in value)):
            return "after_input"
        return "in_year"
    return "fixed"


#: A deadline: a calendar date, a day of the assessment year, or a number of days after an input.
DeadlineDate = Annotated[
    Annotated[Date, Tag("fixed")] | Annotated[YearDate, Tag("in_year")] | Annotated[DaysAfter, Tag("after_input")],
    Discriminator(_deadline_form),
]


class Deadline(Strict):
    """A signature date compared with a deadline. On or before ``deadline``: ``on_time`` points;
    after it (and on or before ``late_until`` when given): ``late`` points; no date, or after
    ``late_until``: ``not_done`` points.

    Either date may be fixed (``2024-01-31``), a day of the assessment year (:class:`YearDate`)
    or a number of days after an input date (:class:`DaysAfter`); docs/criteria.md, "Relative
    deadlines"."""

    kind: Literal["deadline"]
    input: InputName
    deadline: DeadlineDate
    late_until: DeadlineDate | None = None
    on_time: Points | None = None
    late: Points = Decimal(0)
    not_done: Points = Decimal(0)

    @property
    def dates(self) -> list[dt.date | YearDate | DaysAfter]:
        return [self.deadline] if self.late_until is None else [self.deadline, self.late_until]

    @property
    def is_relative(self) -> bool:
        """Whether a date of this rule is resolved at score time (then its branches name it)."""
        return any(not isinstance(d, dt.date) for d in self.dates)

    @property
    def needs_year(self) -> bool:
        return any(isinstance(d, YearDate) for d in self.dates)

    @property
    def counted_from(self) -> list[str]:
        """The input dates the deadlines count from, in order, without repeats."""
        return list(dict.fromkeys(d.of for d in self.dates if isinstance(d, DaysAfter)))


class Interval(Strict):
    """A range of values with every edge explicit. The lower edge is ``from`` (>=) or ``above``
    (>), the upper edge ``to`` (<=) or ``below`` (<); a missing edge is unbounded. Decisions
    print overlapping ladders (">90 %: 2 / 70-90 %: 1"), so the format makes the writer say which
    side each edge value belongs to."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: Bound | None = Field(default=None, alias="from")
    above: Bound | None = None
    to: Bound | None = None
    below: Bound | None = None

    @model_validator(mode="after")
    def _one_edge_each_side(self) -> Interval:
        if self.from_ is not None and self.above is not None:
            raise ValueError("give either «from» (inclusive) or «above» (exclusive), not both")
        if self.to is not None and self.below is not None:
            raise ValueError("give either «to» (inclusive) or «below» (exclusive), not both")
        return self

    @property
    def lower(self) -> tuple[Decimal, bool] | None:
        """(edge, inclusive) or None when unbounded below."""
        if self.from_ is not None:
            return (self.from_, True)
        if self.above is not None:
            return (self.above, False)
        return None

    @property
    def upper(self) -> tuple[Decimal, bool] | None:
        if self.to is not None:
            return (self.to, True)
        if self.below is not None:
            return (self.below, False)
        return None

    def contains(self, value: Decimal) -> bool:
        if self.from_ is not None and value < self.from_:
            return False
        if self.above is not None and value <= self.above:
            return False
        if self.to is not None and value > self.to:
            return False
        return not (self.below is not None and value >= self.below)

    def describe(self) -> str:
        parts = []
        if self.from_ is not None:
            parts.append(f">= {self.from_}")
        if self.above is not None:
            parts.append(f"> {self.above}")
        if self.to is not None:
            parts.append(f"<= {self.to}")
        if self.below is not None:
            parts.append(f"< {self.below}")
        return " and ".join(parts) or "any value"


class Tier(Interval):
    """One band of a tier ladder and its points."""

    points: Points


class Rate(Strict):
    """A percentage computed from two reported counts: numerator / denominator x 100."""

    numerator: InputName
    denominator: InputName


ZeroDenominator = Literal["zero", "full_points"]


class Tiers(Strict):
    """Points by the band a number or rate falls in (Cà Mau 1.1.4: >90 %: 2 / 70-90 %: 1 / <70 %: 0)."""

    kind: Literal["tiers"]
    input: InputName | None = None
    rate: Rate | None = None
    tiers: list[Tier] = Field(min_length=1, max_length=MAX_BRANCHES)
    when_no_denominator: ZeroDenominator = "zero"

    @model_validator(mode="after")
    def _one_source(self) -> Tiers:
        if (self.input is None) == (self.rate is None):
            raise ValueError("give exactly one of «input» or «rate»")
        return self


class ValueRange(Strict):
    """The range a proportional input is declared on, e.g. a sub-index scored ``from: 0, to: 10``:
    ``from`` gives no points, ``to`` the maximum (validation checks that ``from`` is below ``to``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: Bound = Field(alias="from")
    to: Bound


class Proportional(Strict):
    """Ratio x maximum (capped at a ratio of 1), rounded as the set declares, then kept within
    [floor, cap]. The ratio is a rate, a percent input / 100, or where the input has a declared
    ``range`` (input - from) / (to - from)."""

    kind: Literal["proportional"]
    input: InputName | None = None  # a percent input, or a number on the declared range
    rate: Rate | None = None
    range: ValueRange | None = None
    floor: Points = Decimal(0)
    cap: Points | None = None
    when_no_denominator: ZeroDenominator = "zero"

    @model_validator(mode="after")
    def _one_source(self) -> Proportional:
        if (self.input is None) == (self.rate is None):
            raise ValueError("give exactly one of «input» or «rate»")
        if self.range is not None and self.rate is not None:
            raise ValueError("«range» goes with «input» (a value on that range), not with «rate»")
        return self


class ChecklistItem(Strict):
    input: InputName
    points: Points
    label: str | None = None
    label_en: str | None = None


class Checklist(Strict):
    """Each condition met adds its points (Hải Phòng 3793 item 1.1.2: three conditions of 0.1)."""

    kind: Literal["checklist"]
    items: list[ChecklistItem] = Field(min_length=1, max_length=MAX_LIST_ITEMS)


class CountTier(Strict):
    at_least: StrictInt = Field(ge=0, le=int(MAX_BOUND))
    points: Points


class CountTiers(Strict):
    """Points by how many times something happened: the first tier whose ``at_least`` the count
    reaches, listed from the largest count down (4 meetings: 20, 3: 15, 2: 10, 1: 5)."""

    kind: Literal["count_tiers"]
    input: InputName
    tiers: list[CountTier] = Field(min_length=1, max_length=MAX_BRANCHES)


def answer_key(text: str) -> str:
    """A typed answer as it is compared to a level: composed (NFC), in lower case, its runs of
    spaces one space and none around it, so that «Đạt  chuẩn» typed with two spaces or in
    decomposed Unicode is the level «Đạt chuẩn». intake.tones.answer_key_expr is the same for a
    column of cells: validate's ``ambiguous-level`` and scoring must read a cell alike."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


class Level(Strict):
    value: str = Field(min_length=1, max_length=200)
    label: str | None = None
    #: The level's label in English (an English output and the English fill-in form show it; an
    #: answer may give it as well as the value or the Vietnamese label).
    label_en: str | None = None
    points: Points | None = None
    fraction: Points | None = None  # of the leaf's maximum, e.g. 0.5 when a deputy leads

    @model_validator(mode="after")
    def _points_or_fraction(self) -> Level:
        if (self.points is None) == (self.fraction is None):
            raise ValueError("give exactly one of «points» or «fraction»")
        return self

    def answers(self) -> list[str]:
        """What a clerk may write for this level, once each as :func:`answer_key` reads it: the
        value, the label and the English label. (Until session 39 a label «Đạt » beside a level
        «Đạt» was valid, and every answer «Đạt » from the form's list was read as «Đạt» and scored
        as that other level, without a word; so were «Đạt chuẩn» and «Đạt  chuẩn», which a clerk
        cannot tell apart in a dropdown.)"""
        texts = (self.value, self.label, self.label_en)
        return list(dict.fromkeys(answer_key(text) for text in texts if text and text.strip()))

    def points_for(self, maximum: Decimal) -> Decimal:
        """Points of this level for a leaf worth ``maximum`` (a fraction is rounded half up to
        4 decimals, the finest unit pari-index keeps)."""
        if self.points is not None:
            return self.points
        assert self.fraction is not None
        return (self.fraction * maximum).quantize(Decimal("0.0001"), rounding="ROUND_HALF_UP")


class Choice(Strict):
    """One of several named levels, each worth points or a fraction of the maximum."""

    kind: Literal["choice"]
    input: InputName
    levels: list[Level] = Field(min_length=1, max_length=MAX_BRANCHES)


class Deduction(Strict):
    """``start`` points (the maximum by default) less ``per`` for each violation counted (a
    boolean input counts as one), never below the leaf's floor."""

    kind: Literal["deduction"]
    input: InputName
    per: Points
    start: Points | None = None


class Bonus(Strict):
    """Adds ``per`` points for each counted achievement (a boolean counts as one), at most the
    leaf's maximum. Only in an ``adjustment`` area."""

    kind: Literal["bonus"]
    input: InputName
    per: Points


class Penalty(Strict):
    """Subtracts ``per`` points for each counted violation, at most the leaf's maximum in total.
    Only in an ``adjustment`` area."""

    kind: Literal["penalty"]
    input: InputName
    per: Points


Rule = Annotated[
    YesNo
    | Timeliness
    | Deadline
    | Tiers
    | Proportional
    | Checklist
    | CountTiers
    | Choice
    | Deduction
    | Bonus
    | Penalty,
    Field(discriminator="kind"),
]

RULE_KINDS = (
    "yes_no",
    "timeliness",
    "deadline",
    "tiers",
    "proportional",
    "checklist",
    "count_tiers",
    "choice",
    "deduction",
    "bonus",
    "penalty",
)


def rule_inputs(rule: Rule) -> list[str]:
    """The input names a rule reads, in order."""
    match rule:
        case Checklist():
            return [item.input for item in rule.items]
        case Tiers() | Proportional() if rule.rate is not None:
            return [rule.rate.numerator, rule.rate.denominator]
        case Deadline():
            return list(dict.fromkeys([rule.input, *rule.counted_from]))
        case _:
            name = getattr(rule, "input", None)
            return [name] if name else []
