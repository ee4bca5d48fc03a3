"""Synthetic demonstration data for any criteria set: a commune register, self-assessments, survey
results and an appraisal file, seeded and reproducible.

Everything this module writes is **synthetic** (dữ liệu mô phỏng): made-up communes with made-up
results, for examples, tests, training and benchmarks. Every output says so: the register has a
``note`` column, each workbook has a ``readme`` sheet (never read as data), and a
``SYNTHETIC-README.md`` is written beside the files.

What is generated, following the primer (shared/domain.md):

* a **register** of units (``code,name,type,district,province,note``): 5-digit text codes with
  leading zeros, names built from common Vietnamese syllables (``Xã Yên Phú``, ``Phường Tân
  Thịnh``, ``Đặc khu Hòn Ngọc``), district names ``Huyện/Quận/Thị xã …``; thị trấn only before the
  2025 reform, đặc khu when the set has items for them (or from 2025); all units in one province
  unless ``provinces`` says otherwise, and then one Huyện name repeats in every province, as real
  district names do (Huyện Châu Thành);
* **self-assessments** in the long and/or wide form, with plausible inputs for every input type
  (a latent per-commune quality drives all its answers, so good communes do well throughout),
  decimal commas, day-first dates and Vietnamese answers; self-scores that agree with the rules
  except for a share ``mistakes`` of realistic errors (claiming full points, a wrong tier);
  evidence references (``45/KH-UBND``, a date, a file name), some missing, half of those explained;
  occasional "not applicable" where the item allows it;
* **survey** results for the survey-part leaves (rates in %);
* an **appraisal** file: the council's decisions on explained missing evidence, a few corrected
  inputs and a few score overrides, each with a reason and an appraiser.

Each commune draws from its own :class:`random.Random` seeded with ``"<seed>/<code>"``, so a
commune's data do not depend on how many communes are generated with it; the true points behind
the self-scores come from the compiled rules (:mod:`pari_index.criteria.compiling`), evaluated in batches.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import polars as pl

from pari_index.criteria.compiling import COMMUNE, UNIT_TYPE, CompiledSet, compile_criteria, frame_schema, na_column
from pari_index.criteria.model import CriteriaSet, Leaf, NotApplicable, Part, UnitType, resolve_leaves
from pari_index.criteria.points import SCALE, to_units
from pari_index.criteria.rules import (
    Bonus,
    Checklist,
    Choice,
    CountTiers,
    DaysAfter,
    Deadline,
    Deduction,
    InputSpec,
    InputType,
    Interval,
    Penalty,
    Proportional,
    Tiers,
    Timeliness,
    YearDate,
    YesNo,
)
from pari_index.outputs.files import XLSX_MAX_ROWS

#: The year of made-up data for a criteria set that has no year of its own.
DEMO_YEAR = 2025

Format = Literal["csv", "xlsx", "parquet"]
Form = Literal["long", "wide"]

SYNTHETIC_NOTE = "dữ liệu mô phỏng / synthetic"
README_NAME = "SYNTHETIC-README.md"

LONG_COLUMNS = (
    COMMUNE,
    "criterion_id",
    "input",
    "value",
    "self_score",
    "evidence_number",
    "evidence_date",
    "evidence_file",
    "explanation",
    "n/a",
)
SURVEY_COLUMNS = (COMMUNE, "criterion_id", "input", "value")
APPRAISAL_COLUMNS = (
    COMMUNE,
    "criterion_id",
    "input",
    "value",
    "score",
    "evidence_accepted",
    "reason",
    "appraiser",
)
REGISTER_COLUMNS = ("code", "name", "type", "district", "province", "note")

# Common syllables of Vietnamese place names, NFC, with their diacritics.
SYLLABLES = (
    "An", "Bình", "Hòa", "Phú", "Thịnh", "Đông", "Tây", "Nam", "Bắc", "Trung", "Tân", "Thành",
    "Quang", "Minh", "Đức", "Hưng", "Long", "Phước", "Lộc", "Thọ", "Xuân", "Hạ", "Thượng", "Vĩnh",
    "Yên", "Sơn", "Hải", "Lâm", "Cẩm", "Kim", "Ngọc", "Đại", "Tiến", "Thắng", "Lợi", "Nghĩa",
    "Hiệp", "Mỹ", "Thuận", "Khánh", "Hồng", "Liên", "Phong", "Định", "Trường", "Hà", "Giang",
    "Thái", "Hợp", "Tiên", "Lạc", "Cường", "Thạnh", "Hậu", "Văn", "Quý", "Chính", "Lương", "Điền",
    "Châu", "Dương", "Hoàng", "Phúc", "Tường", "Vân", "Mai", "Đồng", "Quảng", "Hòa Lạc", "Nhân",
)  # fmt: skip
ISLAND_WORDS = ("Hòn", "Cồn", "Cù Lao", "Hòn Đảo")
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Thanh", "Ngọc")
GIVEN = ("An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Quân")

UNIT_WORDS = {"commune": "xã", "ward": "phường", "township": "thị trấn", "special_zone": "đặc khu"}
UNIT_TITLES = {"commune": "Xã", "ward": "Phường", "township": "Thị trấn", "special_zone": "Đặc khu"}
STATUS_TEXT = {"on_time": "đúng hạn", "late": "trễ hạn", "not_done": "không thực hiện"}

# Kinds of document by the words of the evidence label: (code in the number, ASCII for file names).
DOC_KINDS = (
    ("kế hoạch", "KH", "KH"),
    ("báo cáo", "BC", "BC"),
    ("quyết định", "QĐ", "QD"),
    ("quy chế", "QĐ", "QD"),
    ("thông báo", "TB", "TB"),
    ("biên bản", "BB", "BB"),
    ("công văn", "CV", "CV"),
)
EXPLANATIONS = (
    "Văn bản đang trình ký, đơn vị sẽ bổ sung khi thẩm định",
    "Hồ sơ lưu tại bộ phận một cửa, chưa kịp số hoá",
    "Tài liệu lưu tại đơn vị cũ trước khi sắp xếp, đang tìm lại",
    "Hệ thống gặp sự cố khi tải tệp minh chứng lên",
)
NOT_DONE_EXPLANATIONS = (
    "Đơn vị chưa thực hiện nội dung này trong năm",
    "Chưa thực hiện do đang sắp xếp tổ chức bộ máy",
)
#: Reasons for a corrected input, by input type.
CORRECTION_REASONS: dict[InputType, tuple[str, ...]] = {
    InputType.count: (
        "Số liệu tự đánh giá không khớp với báo cáo trên Hệ thống thông tin",
        "Đối chiếu sổ theo dõi, số liệu thực tế thấp hơn",
    ),
    InputType.number: ("Số liệu không khớp với báo cáo quyết toán",),
    InputType.percent: ("Tỷ lệ tính lại theo số liệu trên Hệ thống thông tin giải quyết TTHC",),
    InputType.boolean: (
        "Minh chứng không thể hiện nội dung tự đánh giá",
        "Minh chứng chỉ thể hiện một phần nội dung tự đánh giá",
    ),
    InputType.status: ("Văn bản gửi sau thời hạn quy định (theo ngày trên Hệ thống quản lý văn bản)",),
    InputType.date: ("Ngày ký số trên văn bản muộn hơn ngày đơn vị kê khai",),
    InputType.level: ("Quyết định thành lập ghi người đứng đầu khác với kê khai",),
}
OVERRIDE_REASONS = (
    "Minh chứng ban hành ngoài kỳ đánh giá",
    "Văn bản minh chứng không do cơ quan có thẩm quyền ban hành",
)
ACCEPT_REASONS = ("Giải trình hợp lý, đã bổ sung văn bản khi thẩm định", "Giải trình được Hội đồng chấp nhận")
REJECT_REASONS = ("Giải trình chưa thuyết phục, không có văn bản thay thế", "Không bổ sung minh chứng theo yêu cầu")


# ----------------------------------------------------------------------------------------------
# Register


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    unit_type: str  # commune / ward / township / special_zone
    district: str
    province: str


def _place_name(rng: random.Random) -> str:
    first = rng.choice(SYLLABLES)
    second = rng.choice(SYLLABLES)
    while second == first:
        second = rng.choice(SYLLABLES)
    return f"{first} {second}"


def _unit_types_needed(leaves: Sequence[Leaf], year: int) -> set[str]:
    needed = {t.value for leaf in leaves if leaf.applies_to for t in leaf.applies_to}
    if year >= 2025:
        needed.add(UnitType.special_zone.value)
    return needed


def _district_names(rng: random.Random, kinds: list[str], province_of: list[int]) -> list[str]:
    """A name per district, unique within its province. With several provinces the last district
    of each is the same Huyện name, as Huyện Châu Thành is in about ten provinces of the Mekong
    delta: a national demo ranked within districts then needs groups keyed by province too."""
    last = {p: d for d, p in enumerate(province_of)}
    shared = f"Huyện {_place_name(rng)}" if len(last) > 1 else None
    names: list[str] = []
    used: set[str] = {shared} if shared else set()
    for d, kind in enumerate(kinds):
        if shared is not None and last[province_of[d]] == d:
            kinds[d] = "Huyện"
            names.append(shared)
            continue
        name = f"{kind} {_place_name(rng)}"
        while name in used:
            name = f"{kind} {_place_name(rng)}"
        used.add(name)
        names.append(name)
    return names


def make_register(
    criteria: CriteriaSet,
    *,
    communes: int,
    districts: int,
    seed: int = 2025,
    province: str | None = None,
    provinces: int = 1,
) -> list[Commune]:
    """Synthetic units: codes ``00001``, ``00004``, … (5 digits with leading zeros; more digits
    only past 99,999), grouped in ``districts`` districts of ``provinces`` provinces."""
    if communes < 1 or districts < 1 or provinces < 1:
        raise ValueError("communes, districts and provinces must be at least 1")
    districts = min(districts, communes)
    provinces = min(provinces, districts)
    # One generator for the whole register: the helpers below draw from it in a fixed order
    # (provinces, districts, sizes, units, missing unit types), so the same seed gives the same
    # register.
    rng = random.Random(f"{seed}/register")
    leaves = resolve_leaves(criteria)
    year = criteria.year if criteria.year is not None else DEMO_YEAR
    needed = _unit_types_needed(leaves, year)
    province_names = _province_names(rng, provinces, province or criteria.province)

    # District kinds: urban districts hold wards, rural districts communes (and one township
    # before 2025), district-level towns a mix.
    kinds = ["Quận" if i % 5 == 0 else "Thị xã" if i % 7 == 3 else "Huyện" for i in range(districts)]
    district_names = _district_names(rng, kinds, [d * provinces // districts for d in range(districts)])
    sizes = _district_sizes(rng, communes, districts)

    step = 3 if communes * 3 < 100_000 else 1
    out: list[Commune] = []
    number = 1
    for d, (kind, dname, size) in enumerate(zip(kinds, district_names, sizes, strict=True)):
        prov = province_names[d * provinces // districts]
        names_here: set[str] = set()
        for k in range(size):
            unit = _unit_type(rng, kind, k, len(out), two_level=year >= 2025, needed=needed)
            base = _place_name(rng)
            if unit == "special_zone":
                base = f"{rng.choice(ISLAND_WORDS)} {rng.choice(SYLLABLES)}"
            while base in names_here:
                base = _place_name(rng)
            names_here.add(base)
            out.append(Commune(f"{number:05d}", f"{UNIT_TITLES[unit]} {base}", unit, dname, prov))
            number += step
    _cover_unit_types(rng, out, needed)
    return out


def _province_names(rng: random.Random, provinces: int, default: str) -> list[str]:
    """``default`` alone for one province; otherwise that many distinct invented names."""
    if provinces == 1:
        return [default]
    seen: set[str] = set()
    names: list[str] = []
    while len(names) < provinces:
        name = f"Tỉnh {_place_name(rng)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _district_sizes(rng: random.Random, communes: int, districts: int) -> list[int]:
    """Units per district: uneven (weights 0.6 to 1.4), each at least 1, summing to ``communes``."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(districts)]
    total = sum(weights)
    sizes = [max(1, int(communes * w / total)) for w in weights]
    while sum(sizes) > communes:
        sizes[sizes.index(max(sizes))] -= 1
    i = 0
    while sum(sizes) < communes:
        sizes[i % districts] += 1
        i += 1
    return sizes


#: Every how many units a rural district gets a special zone (when the set scores special zones).
SPECIAL_EVERY = 120


def _unit_type(rng: random.Random, kind: str, k: int, made: int, *, two_level: bool, needed: set[str]) -> str:
    """The type of the ``k``-th unit of a district of ``kind``, ``made`` units having been made."""
    if kind == "Quận":
        unit = "ward"
    elif kind == "Thị xã":
        unit = "ward" if rng.random() < 0.6 else "commune"
    elif k == 0 and not two_level:
        unit = "township"
    else:
        unit = "commune"
    if "special_zone" in needed and kind == "Huyện" and (made % SPECIAL_EVERY) == SPECIAL_EVERY // 2:
        unit = "special_zone"
    return unit


def _cover_unit_types(rng: random.Random, out: list[Commune], needed: set[str]) -> None:
    """Make sure every unit type the set has items for occurs at least once (small sets): the
    last units, every other one from the end, are changed in place."""
    present = {c.unit_type for c in out}
    for j, unit in enumerate(sorted(needed - present)):
        if len(out) <= 2 * (j + 1):
            break
        idx = len(out) - 1 - 2 * j
        c = out[idx]
        base = c.name.split(" ", 1)[1] if unit != "special_zone" else f"Hòn {rng.choice(SYLLABLES)}"
        out[idx] = Commune(c.code, f"{UNIT_TITLES[unit]} {base}", unit, c.district, c.province)


def register_frame(units: Sequence[Commune]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "code": [c.code for c in units],
            "name": [c.name for c in units],
            "type": [UNIT_WORDS[c.unit_type] for c in units],
            "district": [c.district for c in units],
            "province": [c.province for c in units],
            "note": [SYNTHETIC_NOTE] * len(units),
        },
        schema=dict.fromkeys(REGISTER_COLUMNS, pl.String),
    )


# ----------------------------------------------------------------------------------------------
# Per-leaf plans


@dataclass
class _Plan:
    leaf: Leaf
    names: list[str]
    ladder: list[int]  # the point values (units) a self-score can plausibly take
    doc: tuple[str, str]  # (number code, ASCII code)
    na_allowed: bool
    scale: int  # 0, 1 or 2: small, medium or large counts behind a rate
    applies: frozenset[str] | None
    survey: bool
    adjustment: bool
    typed_columns: list[str] = field(default_factory=list)


def _ladder(leaf: Leaf) -> list[int]:
    m = to_units(leaf.max)
    rule = leaf.rule

    def u(value: Decimal | None, default: int) -> int:
        return default if value is None else to_units(value)

    values: set[int] = {m}
    match rule:
        case YesNo():
            values |= {u(rule.yes, m), u(rule.no, 0)}
        case Timeliness() | Deadline():
            values |= {u(rule.on_time, m), u(rule.late, 0), u(rule.not_done, 0)}
        case Tiers():
            values |= {to_units(t.points) for t in rule.tiers}
        case Proportional():
            values |= {0, m // 2, m * 3 // 4}
        case Checklist():
            running = 0
            values.add(0)
            for item in rule.items:
                running += to_units(item.points)
                values.add(min(running, m))
        case CountTiers():
            values |= {0} | {to_units(t.points) for t in rule.tiers}
        case Choice():
            values |= {to_units(level.points_for(leaf.max)) for level in rule.levels}
        case Deduction():
            start = u(rule.start, m)
            per = to_units(rule.per)
            floor = to_units(leaf.floor)
            values = {max(start - k * per, floor) for k in range(3)}
        case Bonus():
            per = to_units(rule.per)
            values = {min(k * per, m) for k in range(3)}
        case Penalty():
            per = to_units(rule.per)
            values = {-min(k * per, m) for k in range(3)}
    return sorted(values)


def _doc_kind(leaf: Leaf) -> tuple[str, str]:
    text = " ".join(e.label for e in leaf.evidence).lower()
    for words, code, ascii_code in DOC_KINDS:
        if words in text:
            return code, ascii_code
    return "BC", "BC"


def _plans(leaves: Sequence[Leaf]) -> list[_Plan]:
    plans = []
    for leaf in leaves:
        plans.append(
            _Plan(
                leaf=leaf,
                names=list(leaf.inputs),
                ladder=_ladder(leaf),
                doc=_doc_kind(leaf),
                na_allowed=leaf.not_applicable is not NotApplicable.not_allowed,
                scale=zlib.crc32(leaf.id.encode()) % 3,
                applies=frozenset(t.value for t in leaf.applies_to) if leaf.applies_to else None,
                survey=leaf.part is Part.survey,
                adjustment=leaf.part is Part.adjustment,
            )
        )
    return plans


# ----------------------------------------------------------------------------------------------
# Values

Value = int | bool | dt.date | str | None  # numbers in units of 1/10,000


def _domain(spec: InputSpec, edges: Sequence[Decimal]) -> tuple[int, int, int]:
    """(low, high, step) in units for a numeric input."""
    top_edge = max((to_units(e) for e in edges), default=0)
    if spec.type is InputType.percent:
        low, high, step = 0, 100 * SCALE, SCALE // 10
    elif spec.type is InputType.count:
        low, high, step = 0, max(top_edge * 3 // 2, 3 * SCALE) // SCALE * SCALE + 3 * SCALE, SCALE
    else:
        low, high, step = 0, max(top_edge * 13 // 10, 10 * SCALE) + 10 * SCALE, SCALE // 10
    if spec.min is not None:
        low = max(low, to_units(spec.min))
    if spec.max is not None:
        high = min(high, to_units(spec.max))
    return low, max(low, high), step


def _in_interval(rng: random.Random, interval: Interval, low: int, high: int, step: int) -> int | None:
    lo, hi = low, high
    if interval.lower is not None:
        edge, inclusive = interval.lower
        lo = max(lo, to_units(edge) if inclusive else to_units(edge) + step)
    if interval.upper is not None:
        edge, inclusive = interval.upper
        hi = min(hi, to_units(edge) if inclusive else to_units(edge) - step)
    lo = -(-lo // step) * step
    hi = hi // step * step
    if lo > hi:
        return None
    return lo + step * rng.randint(0, (hi - lo) // step)


def _pick(rng: random.Random, q: float, ordered: Sequence[Any]) -> Any:
    """The best option with probability q, else any option."""
    return ordered[0] if rng.random() < q else rng.choice(ordered)


def _rate(rng: random.Random, q: float) -> int:
    """A rate in units of %, one decimal, better for better communes."""
    r = min(1.0, max(0.0, rng.gauss(0.62 + 0.37 * q, 0.08)))
    if rng.random() < q * 0.5:
        r = 1.0
    return round(r * 1000) * (SCALE // 10)


def _denominator(rng: random.Random, scale: int) -> int:
    low, high = ((4, 30), (20, 240), (150, 2600))[scale]
    return rng.randint(low, high) * SCALE


def _generic(rng: random.Random, q: float, spec: InputSpec, year: int) -> Value:
    match spec.type:
        case InputType.boolean:
            return rng.random() < 0.5 + 0.45 * q
        case InputType.status:
            return str(_pick(rng, q, ("on_time", "late", "not_done")))
        case InputType.date:
            return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 330))
        case InputType.percent:
            return _rate(rng, q)
        case InputType.level:
            return None
        case _:
            low, high, step = _domain(spec, [])
            return low + step * rng.randint(0, (high - low) // step)


def _leaf_inputs(rng: random.Random, q: float, plan: _Plan, year: int) -> dict[str, Value]:
    """Values for every input of one item, of a unit of quality ``q`` (0 to 1): the rule's own
    inputs drawn so that better units tend to score better, any other input by its type. The
    draws from ``rng`` are in a fixed order, so the same seed gives the same values."""
    leaf = plan.leaf
    rule = leaf.rule
    values: dict[str, Value] = {}
    match rule:
        case YesNo():
            values[rule.input] = _generic(rng, q, leaf.inputs[rule.input], year)
        case Timeliness():
            values[rule.input] = _pick(rng, q, ("on_time", "late", "not_done"))
        case Deadline():
            values.update(_deadline_inputs(rng, q, rule, year))
        case Tiers() | Proportional() if rule.rate is not None:
            values.update(_rate_inputs(rng, q, plan, rule))
        case Tiers():
            assert rule.input is not None
            spec = leaf.inputs[rule.input]
            low, high, step = _domain(spec, [e for t in rule.tiers for e in (t.from_, t.above, t.to, t.below) if e])
            ordered = sorted(rule.tiers, key=lambda t: -t.points)
            value = _in_interval(rng, _pick(rng, q, ordered), low, high, step)
            values[rule.input] = value if value is not None else low + step * rng.randint(0, (high - low) // step)
        case Proportional() if rule.range is not None:
            assert rule.input is not None
            # A score on the declared range (a 0-10 sub-index) at 2 decimals, better for better units.
            low, high = to_units(rule.range.from_), to_units(rule.range.to)
            step = 1 if high - low < 100 else 100
            values[rule.input] = low + (high - low) * _rate(rng, q) // (100 * SCALE) // step * step
        case Proportional():
            assert rule.input is not None
            spec = leaf.inputs[rule.input]
            value = _rate(rng, q)
            if spec.type is not InputType.percent:
                low, high, _ = _domain(spec, [])
                value = min(max(value, low), high)
            values[rule.input] = value
        case Checklist():
            for item in rule.items:
                values[item.input] = rng.random() < 0.55 + 0.43 * q
        case CountTiers():
            values[rule.input] = _count_tier_input(rng, q, rule)
        case Choice():
            ordered_levels = sorted(rule.levels, key=lambda lv: -lv.points_for(leaf.max))
            values[rule.input] = _pick(rng, q, ordered_levels).value
        case Deduction() | Bonus() | Penalty():
            spec = leaf.inputs[rule.input]
            chance = {"deduction": 0.2 - 0.15 * q, "bonus": 0.05 + 0.15 * q, "penalty": 0.08 - 0.06 * q}[rule.kind]
            happened = rng.random() < chance
            if spec.type is InputType.boolean:
                values[rule.input] = happened
            else:
                values[rule.input] = (rng.choice((1, 1, 1, 2, 3)) if happened else 0) * SCALE
    for name, spec in leaf.inputs.items():
        if name not in values:
            values[name] = _generic(rng, q, spec, leaf_year(leaf, year))
    return values


def _deadline_inputs(rng: random.Random, q: float, rule: Deadline, year: int) -> dict[str, Value]:
    """The reference dates of a deadline item, then its completion date: within the deadline,
    late (up to the late limit, or 60 days), or none (not done)."""
    outcome = _pick(rng, q, ("on_time", "late", "not_done"))
    deadline, late_until, references = _demo_deadline(rule, year)
    values: dict[str, Value] = dict(references)
    start = min([dt.date(deadline.year, 1, 2), *references.values()])
    if outcome == "on_time":
        span = max(0, (deadline - start).days)
        values[rule.input] = start + dt.timedelta(days=rng.randint(0, span))
    elif outcome == "late":
        until = late_until or deadline + dt.timedelta(days=60)
        span = max(1, (until - deadline).days)
        values[rule.input] = deadline + dt.timedelta(days=rng.randint(1, span))
    else:
        values[rule.input] = None
    return values


def _rate_inputs(rng: random.Random, q: float, plan: _Plan, rule: Tiers | Proportional) -> dict[str, Value]:
    """Denominator and numerator of an item scored on a rate: a rate drawn for the unit's quality
    (within a tier, for tiers), applied to a denominator of the item's scale."""
    assert rule.rate is not None
    if isinstance(rule, Tiers):
        ordered = sorted(rule.tiers, key=lambda t: -t.points)
        rate = _in_interval(rng, _pick(rng, q, ordered), 0, 100 * SCALE, SCALE // 10)
        rate = _rate(rng, q) if rate is None else rate
    else:
        rate = _rate(rng, q)
    den = _denominator(rng, plan.scale)
    if plan.leaf.inputs[rule.rate.denominator].type is InputType.count:
        num = round(den // SCALE * rate / (100 * SCALE)) * SCALE
    else:
        num = den * rate // (100 * SCALE) // (SCALE // 10) * (SCALE // 10)
    return {rule.rate.denominator: den, rule.rate.numerator: min(num, den)}


def _count_tier_input(rng: random.Random, q: float, rule: CountTiers) -> int:
    """A count (in units) inside one of the tiers, or below the lowest, picked for the quality."""
    by_count = sorted(rule.tiers, key=lambda t: -t.at_least)
    bottom = min(t.at_least for t in rule.tiers)
    options: list[tuple[int, int]] = []
    upper = by_count[0].at_least + 3
    for tier in by_count:
        options.append((tier.at_least, max(tier.at_least, upper - 1)))
        upper = tier.at_least
    if bottom > 0:
        options.append((0, bottom - 1))
    low, high = _pick(rng, q, options)
    return rng.randint(low, high) * SCALE


def leaf_year(leaf: Leaf, year: int) -> int:
    rule = leaf.rule
    return rule.deadline.year if isinstance(rule, Deadline) and isinstance(rule.deadline, dt.date) else year


def _demo_deadline(rule: Deadline, year: int) -> tuple[dt.date, dt.date | None, dict[str, dt.date]]:
    """A deadline's dates for made-up data: relative ones resolved in ``year``, the input dates
    they count from set to 2 January of it."""
    references = {name: dt.date(year, 1, 2) for name in rule.counted_from}

    def fixed(when: dt.date | YearDate | DaysAfter) -> dt.date:
        if isinstance(when, YearDate):
            return dt.date(year + when.year, when.month, when.day)
        if isinstance(when, DaysAfter):
            return references[when.of] + dt.timedelta(days=when.days_after)
        return when

    return fixed(rule.deadline), fixed(rule.late_until) if rule.late_until is not None else None, references


def _number_text(units: int, comma: bool) -> str:
    text = format((Decimal(units) / SCALE).normalize(), "f")
    return text.replace(".", ",") if comma else text


def _text(value: Value, spec: InputSpec, leaf: Leaf, comma: bool, by_label: bool) -> str | None:
    if value is None:
        return None
    match spec.type:
        case InputType.boolean:
            return "có" if value else "không"
        case InputType.date:
            assert isinstance(value, dt.date)
            return value.strftime("%d/%m/%Y")
        case InputType.status:
            assert isinstance(value, str)
            return STATUS_TEXT[value]
        case InputType.level:
            assert isinstance(leaf.rule, Choice)
            for level in leaf.rule.levels:
                if level.value == value:
                    return level.label if by_label and level.label else level.value
            return str(value)
        case _:
            assert isinstance(value, int) and not isinstance(value, bool)
            return _number_text(value, comma)


# ----------------------------------------------------------------------------------------------
# Generation, batch by batch


@dataclass
class _Answer:
    """One commune's answers to one leaf."""

    values: dict[str, Value]
    na: bool


@dataclass
class _Batch:
    long: dict[str, list[str | None]] = field(default_factory=lambda: {c: [] for c in LONG_COLUMNS})
    wide: list[dict[str, str | None]] = field(default_factory=list)
    survey: dict[str, list[str | None]] = field(default_factory=lambda: {c: [] for c in SURVEY_COLUMNS})
    appraisal: dict[str, list[str | None]] = field(default_factory=lambda: {c: [] for c in APPRAISAL_COLUMNS})


def _applies(plan: _Plan, unit: str) -> bool:
    return plan.applies is None or unit in plan.applies


def _answers(rng: random.Random, q: float, unit: str, plans: Sequence[_Plan], year: int) -> list[_Answer | None]:
    out: list[_Answer | None] = []
    for plan in plans:
        if not _applies(plan, unit):
            out.append(None)
            continue
        na = plan.na_allowed and not plan.survey and rng.random() < 0.04
        values = {} if na else _leaf_inputs(rng, q, plan, year)
        out.append(_Answer(values, na))
    return out


def _evaluate(
    compiled: CompiledSet, units: Sequence[Commune], plans: Sequence[_Plan], answers: Sequence[Sequence[_Answer | None]]
) -> list[list[int | None]]:
    """True points (units; None when excluded) per commune and leaf, by the compiled rules."""
    schema = frame_schema([p.leaf for p in plans])
    columns: dict[str, list[Any]] = {name: [None] * len(units) for name in schema}
    columns[COMMUNE] = [c.code for c in units]
    columns[UNIT_TYPE] = [c.unit_type for c in units]
    for i, row in enumerate(answers):
        for plan, answer in zip(plans, row, strict=True):
            if answer is None:
                continue
            if answer.na:
                columns[na_column(plan.leaf.id)][i] = True
            for name, value in answer.values.items():
                columns[plan.leaf.column(name)][i] = value
    frame = pl.DataFrame(columns, schema=schema)
    result = compiled.evaluate(frame)
    points = result["points"].to_list()
    n = len(plans)
    # evaluate() returns, per commune, the leaves in order (unpivot of one row per commune).
    by_code: dict[str, list[int | None]] = {}
    codes = result[COMMUNE].to_list()
    leaf_ids = result["criterion_id"].to_list()
    order = {p.leaf.id: j for j, p in enumerate(plans)}
    for code, leaf_id, pts in zip(codes, leaf_ids, points, strict=True):
        by_code.setdefault(code, [None] * n)[order[leaf_id]] = pts
    return [by_code[c.code] for c in units]


def _self_score(rng: random.Random, plan: _Plan, true: int, mistakes: float) -> int:
    if rng.random() >= mistakes or plan.adjustment:
        return true
    m = to_units(plan.leaf.max)
    if true < m and rng.random() < 0.6:
        return m  # claiming full points
    others = [v for v in plan.ladder if v != true]
    if isinstance(plan.leaf.rule, Proportional):
        step = max(1, m // 10)
        others = [min(m, max(0, true + step)), min(m, max(0, true - step))]
        others = [v for v in others if v != true] or others
    return rng.choice(others) if others else true


def _evidence(
    rng: random.Random, plan: _Plan, answer: _Answer, true: int | None, q: float, year: int
) -> tuple[str | None, str | None, str | None, str | None, bool]:
    """(number, date, file, explanation, explained-missing) for an appraised leaf."""
    leaf = plan.leaf
    if not leaf.evidence or plan.survey or answer.na:
        return None, None, None, None, False
    rule = leaf.rule
    if plan.adjustment:
        if not true:
            return None, None, None, None, False
    elif true == 0 and isinstance(rule, YesNo | Timeliness | Deadline):
        note = rng.choice(NOT_DONE_EXPLANATIONS) if rng.random() < 0.5 else None
        return None, None, None, note, False
    if rng.random() < 0.03 + 0.06 * (1 - q):
        if rng.random() < 0.5:
            return None, None, None, rng.choice(EXPLANATIONS), True
        return None, None, None, None, False
    code, ascii_code = plan.doc
    number = rng.randint(1, 360)
    signed = next((v for v in answer.values.values() if isinstance(v, dt.date)), None)
    day = signed or dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(5, 320))
    return (
        f"{number}/{code}-UBND",
        day.strftime("%d/%m/%Y"),
        f"{leaf.id.replace('.', '_')}_{ascii_code}_{number}_{day.year}.pdf",
        None,
        False,
    )


def _lowered(rng: random.Random, plan: _Plan, values: dict[str, Value]) -> tuple[str, Value] | None:
    """A corrected input for the appraisal council: lower than reported, never unreadable."""
    leaf = plan.leaf
    rule = leaf.rule
    names = list(values)
    if isinstance(rule, Tiers | Proportional) and rule.rate is not None:
        names = [rule.rate.numerator]
    rng.shuffle(names)
    for name in names:
        value = values.get(name)
        spec = leaf.inputs[name]
        if value is None:
            continue
        if spec.type is InputType.boolean and value is True and not isinstance(rule, Deduction | Penalty):
            return name, False
        if spec.type is InputType.status and value == "on_time":
            return name, "late"
        if spec.type is InputType.level and isinstance(rule, Choice):
            ordered = sorted(rule.levels, key=lambda lv: -lv.points_for(leaf.max))
            idx = [lv.value for lv in ordered].index(str(value))
            if idx + 1 < len(ordered):
                return name, ordered[idx + 1].value
        if (
            spec.type is InputType.date
            and isinstance(value, dt.date)
            and isinstance(rule, Deadline)
            and isinstance(rule.deadline, dt.date)
            and value <= rule.deadline
        ):
            return name, rule.deadline + dt.timedelta(days=rng.randint(3, 25))
        if spec.type in (InputType.count, InputType.number, InputType.percent) and isinstance(value, int):
            if isinstance(rule, Deduction | Penalty | Bonus):
                continue
            step = SCALE if spec.type is InputType.count else SCALE // 10
            cut = value * rng.randint(8, 25) // 100 // step * step
            low = to_units(spec.min) if spec.min is not None else 0
            if cut > 0 and value - cut >= low:
                return name, value - cut
    return None


@dataclass
class _Settings:
    plans: list[_Plan]
    compiled: CompiledSet
    year: int
    mistakes: float
    appraisers: list[str]
    wide_codes: frozenset[str]
    seed: int
    appraisal_share: float


def _commune_rows(
    s: _Settings, c: Commune, rng: random.Random, q: float, answers: list[_Answer | None], true: list[int | None]
) -> tuple[list[tuple[str | None, ...]], dict[str, str | None], list[tuple[str | None, ...]], list[tuple[Any, ...]]]:
    """One unit's rows: long-form rows (or its wide-form row, for units in ``s.wide_codes``),
    survey rows and appraisal rows. The draws from ``rng`` are in a fixed order (habits, then item
    by item, then the corrections), so the same seed gives the same files."""
    comma = rng.random() < 0.85  # most clerks type a decimal comma
    by_label = rng.random() < 0.7
    fill_input = rng.random() < 0.5  # some leave the input column empty for single-input items
    long_rows: list[tuple[str | None, ...]] = []
    survey_rows: list[tuple[str | None, ...]] = []
    wide: dict[str, str | None] = {COMMUNE: c.code}
    appraisal: list[tuple[Any, ...]] = []
    correct_one = rng.random() < s.appraisal_share
    override_one = rng.random() < s.appraisal_share / 3
    candidates: list[int] = []
    evidence_ok: list[int] = []
    for j, (plan, answer) in enumerate(zip(s.plans, answers, strict=True)):
        if answer is None:
            continue
        leaf = plan.leaf
        texts = {name: _text(answer.values.get(name), leaf.inputs[name], leaf, comma, by_label) for name in plan.names}
        if plan.survey:
            for name in plan.names:
                text = texts[name]
                if text is not None:
                    single = len(plan.names) == 1
                    survey_rows.append((c.code, leaf.id, None if single else name, text))
            continue
        pts = true[j]
        self_score: str | None = None
        if pts is not None:
            self_score = _number_text(_self_score(rng, plan, pts, s.mistakes), comma)
        number, date, file, explanation, explained = _evidence(rng, plan, answer, pts, q, s.year)
        na = "có" if answer.na else None
        if explained:
            appraisal += _explanation_decisions(rng, s, c, leaf)
        elif number and not answer.na:
            evidence_ok.append(j)
        if not answer.na and answer.values and not plan.adjustment:
            candidates.append(j)
        metas = (self_score, number, date, file, explanation, na)
        if c.code in s.wide_codes:
            wide.update(_wide_item(plan, texts, metas))
        else:
            long_rows += _long_item_rows(c, plan, texts, metas, fill_input)
    if correct_one and candidates:
        appraisal += _input_correction(rng, s, c, candidates, answers)
    if override_one and evidence_ok:
        appraisal += _score_override(rng, s, c, evidence_ok, true)
    return long_rows, wide, survey_rows, appraisal


#: The wide form's meta columns of an item, in the order of ``metas`` in _commune_rows.
WIDE_META = ("self_score", "evidence_number", "evidence_date", "evidence_file", "explanation", "n/a")


def _wide_item(plan: _Plan, texts: dict[str, str | None], metas: tuple[str | None, ...]) -> dict[str, str | None]:
    """One item's cells of a wide-form row: each input (``id`` alone for a single input, else
    ``id:input``), then each meta field given (``id:self_score`` …)."""
    leaf = plan.leaf
    single = len(plan.names) == 1
    cells: dict[str, str | None] = {}
    for name in plan.names:
        cells[leaf.id if single else f"{leaf.id}:{name}"] = texts[name]
    for meta, text in zip(WIDE_META, metas, strict=True):
        if text is not None:
            cells[f"{leaf.id}:{meta}"] = text
    return cells


def _long_item_rows(
    c: Commune, plan: _Plan, texts: dict[str, str | None], metas: tuple[str | None, ...], fill_input: bool
) -> list[tuple[str | None, ...]]:
    """One item's long-form rows: one per input given (the first always, even empty), the meta
    fields on the first only; the input column is left empty for a single input unless
    ``fill_input``."""
    rows: list[tuple[str | None, ...]] = []
    single = len(plan.names) == 1
    first = True
    for name in plan.names:
        text = texts[name]
        if text is None and not first:
            continue
        input_name = name if (not single or fill_input) else None
        if first:
            rows.append((c.code, plan.leaf.id, input_name, text, *metas))
            first = False
        else:
            rows.append((c.code, plan.leaf.id, input_name, text, None, None, None, None, None, None))
    return rows


def _explanation_decisions(rng: random.Random, s: _Settings, c: Commune, leaf: Leaf) -> list[tuple[Any, ...]]:
    """Most explanations get the council's decision (accepted or not, with a reason)."""
    decided = rng.random() < 0.7
    if not decided:
        return []
    accepted = rng.random() < 0.6
    reason = rng.choice(ACCEPT_REASONS if accepted else REJECT_REASONS)
    return [(c.code, leaf.id, None, None, None, "có" if accepted else "không", reason, rng.choice(s.appraisers))]


def _input_correction(
    rng: random.Random, s: _Settings, c: Commune, candidates: list[int], answers: list[_Answer | None]
) -> list[tuple[Any, ...]]:
    """At most one corrected input, lowered by the council, among up to 3 sampled items."""
    for j in rng.sample(candidates, min(3, len(candidates))):
        plan = s.plans[j]
        answer = answers[j]
        assert answer is not None
        lowered = _lowered(rng, plan, answer.values)
        if lowered is None:
            continue
        name, value = lowered
        text = _text(value, plan.leaf.inputs[name], plan.leaf, True, True)
        single = len(plan.names) == 1
        return [
            (
                c.code,
                plan.leaf.id,
                None if single else name,
                text,
                None,
                None,
                rng.choice(CORRECTION_REASONS[plan.leaf.inputs[name].type]),
                rng.choice(s.appraisers),
            )
        ]
    return []


def _score_override(
    rng: random.Random, s: _Settings, c: Commune, evidence_ok: list[int], true: list[int | None]
) -> list[tuple[Any, ...]]:
    """A score override below the true score, on one item whose evidence is in order."""
    j = rng.choice(evidence_ok)
    pts = true[j] or 0
    lower = [v for v in s.plans[j].ladder if v < pts and v >= 0]
    if not lower:
        return []
    return [
        (
            c.code,
            s.plans[j].leaf.id,
            None,
            None,
            _number_text(rng.choice(lower), True),
            None,
            rng.choice(OVERRIDE_REASONS),
            rng.choice(s.appraisers),
        )
    ]


def _batches(
    s: _Settings, units: Sequence[Commune], batch_size: int
) -> Iterator[tuple[list[tuple[str | None, ...]], list[dict[str, str | None]], list[Any], list[Any]]]:
    for start in range(0, len(units), batch_size):
        chunk = units[start : start + batch_size]
        rngs = [random.Random(f"{s.seed}/{c.code}") for c in chunk]
        quality = [rng.betavariate(4, 2) for rng in rngs]
        answers = [
            _answers(rng, q, c.unit_type, s.plans, s.year) for rng, q, c in zip(rngs, quality, chunk, strict=True)
        ]
        true = _evaluate(s.compiled, chunk, s.plans, answers)
        long_rows: list[tuple[str | None, ...]] = []
        wide_rows: list[dict[str, str | None]] = []
        survey_rows: list[Any] = []
        appraisal_rows: list[Any] = []
        for c, rng, q, a, t in zip(chunk, rngs, quality, answers, true, strict=True):
            lr, w, sr, ar = _commune_rows(s, c, rng, q, a, t)
            long_rows += lr
            if c.code in s.wide_codes:
                wide_rows.append(w)
            survey_rows += sr
            appraisal_rows += ar
        yield long_rows, wide_rows, survey_rows, appraisal_rows


# ----------------------------------------------------------------------------------------------
# Writing


class _Sink:
    """Writes one table batch by batch: CSV appended, Parquet parts streamed into one file, XLSX
    collected (an XLSX sheet holds at most 1,048,576 rows)."""

    def __init__(self, path: Path, fmt: Format, columns: Sequence[str] | None, tmp: Path) -> None:
        self.path = path
        self.fmt = fmt
        self.columns = list(columns) if columns is not None else None
        self.tmp = tmp
        self.parts: list[pl.DataFrame] = []
        self.part_files: list[Path] = []
        self.rows = 0
        self.handle = open(path, "wb") if fmt == "csv" else None  # noqa: SIM115
        if self.handle is not None:
            self.handle.write(b"\xef\xbb\xbf")  # BOM: Excel on Windows shows Vietnamese correctly

    def add(self, frame: pl.DataFrame) -> None:
        if self.columns is not None:
            frame = frame.select(self.columns)
        if self.handle is not None:
            frame.write_csv(self.handle, include_header=self.rows == 0)
        elif self.fmt == "parquet":
            part = self.tmp / f"{self.path.stem}.{len(self.part_files)}.parquet"
            frame.write_parquet(part)
            self.part_files.append(part)
        else:
            self.parts.append(frame)
        self.rows += frame.height

    def close(self, empty_schema: dict[str, pl.DataType]) -> Path:
        if self.handle is not None:
            if self.rows == 0:
                pl.DataFrame(schema=empty_schema).write_csv(self.handle)
            self.handle.close()
        elif self.fmt == "parquet":
            if self.part_files:
                pl.scan_parquet(self.part_files).sink_parquet(self.path)
            else:
                pl.DataFrame(schema=empty_schema).write_parquet(self.path)
        else:
            frame = pl.concat(self.parts, how="diagonal") if self.parts else pl.DataFrame(schema=empty_schema)
            write_xlsx_synthetic(self.path, frame)
        return self.path


def write_xlsx_synthetic(path: Path, frame: pl.DataFrame, sheet: str = "data") -> None:
    """A workbook with the table (all cells text) and a ``readme`` sheet saying it is synthetic
    (intake never reads a sheet named readme). Reproducible: fixed creation date."""
    import xlsxwriter

    if frame.height > XLSX_MAX_ROWS:
        raise ValueError(f"{frame.height:,} rows do not fit in an XLSX sheet; use CSV or Parquet")
    with xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False}) as wb:
        wb.set_properties({"title": "pari-index synthetic data", "created": dt.datetime(2025, 1, 1)})
        frame.write_excel(workbook=wb, worksheet=sheet, autofit=frame.height < 5000, table_style=None)
        ws = wb.add_worksheet("readme")
        ws.set_column(0, 0, 100)
        for i, line in enumerate(
            (
                f"DỮ LIỆU MÔ PHỎNG / SYNTHETIC DATA ({SYNTHETIC_NOTE})",
                "Generated by pari_index.demo: made-up communes and results, not real data.",
                "Tệp do pari_index.demo tạo ra: đơn vị và kết quả đều là giả định, không phải số liệu thật.",
            )
        ):
            ws.write_string(i, 0, line)


def _rows_frame(rows: Sequence[tuple[Any, ...]], columns: Sequence[str]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=dict.fromkeys(columns, pl.String), orient="row")


def _wide_columns(plans: Sequence[_Plan]) -> list[str]:
    cols = [COMMUNE]
    for plan in plans:
        if plan.survey:
            continue
        leaf = plan.leaf
        if len(plan.names) == 1:
            cols.append(leaf.id)
        else:
            cols += [f"{leaf.id}:{name}" for name in plan.names]
        cols.append(f"{leaf.id}:self_score")
        if leaf.evidence:
            cols += [f"{leaf.id}:{m}" for m in ("evidence_number", "evidence_date", "evidence_file", "explanation")]
        else:
            cols.append(f"{leaf.id}:explanation")
        if plan.na_allowed:
            cols.append(f"{leaf.id}:n/a")
    return cols


def _readme(criteria: CriteriaSet, files: dict[str, Path], settings: dict[str, Any]) -> str:
    lines = [
        "# SYNTHETIC DATA — dữ liệu mô phỏng",
        "",
        "Every file in this folder was generated by `pari_index.demo` for the criteria set "
        f"`{criteria.id}` ({criteria.origin}). The communes, districts, inputs, self-scores, "
        "evidence references, survey results and appraisal decisions are made up. They are not the "
        "results of any real commune and must not be cited as such.",
        "",
        "Tất cả các tệp trong thư mục này do `pari_index.demo` tạo ra: đơn vị hành chính, số liệu, "
        "điểm tự đánh giá, minh chứng, kết quả điều tra và thẩm định đều là giả định.",
        "",
        "Settings: " + ", ".join(f"{k}={v}" for k, v in settings.items()),
        "",
        "Files:",
        *(f"- `{p.name}` ({k})" for k, p in files.items()),
        "",
    ]
    return "\n".join(lines)


def generate(
    criteria: CriteriaSet | str | Path,
    out_dir: str | Path,
    *,
    communes: int,
    districts: int,
    seed: int = 2025,
    province: str | None = None,
    provinces: int = 1,
    forms: Sequence[Form] = ("long",),
    fmt: Format = "csv",
    wide_fmt: Format | None = None,
    wide_share: float = 0.25,
    mistakes: float = 0.05,
    batch_size: int = 4000,
) -> dict[str, Path]:
    """Write a synthetic register, self-assessments, survey results and an appraisal file for
    ``criteria`` into ``out_dir``; returns the files by role (``communes``, ``assessments_long``,
    ``assessments_wide``, ``survey``, ``appraisal``, ``readme``).

    With ``forms=("long", "wide")`` the communes are split: those of the last districts (about
    ``wide_share`` of them) are written in the wide form only, the others in the long form only,
    so no commune and item appears twice. ``province`` defaults to the set's province; with
    ``provinces`` > 1 the districts are spread over that many made-up provinces. The same
    arguments always give the same files."""
    if isinstance(criteria, str | Path):
        from pari_index.criteria.loading import load_criteria

        criteria = load_criteria(criteria).criteria
    if not forms or any(f not in ("long", "wide") for f in forms):
        raise ValueError("forms must be a non-empty subset of ('long', 'wide')")
    for f in (fmt, wide_fmt):
        if f is not None and f not in ("csv", "xlsx", "parquet"):
            raise ValueError(f"unknown format {f!r}: use csv, xlsx or parquet")
    if not 0 <= mistakes <= 1:
        raise ValueError("mistakes is a share between 0 and 1")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    units = make_register(
        criteria, communes=communes, districts=districts, seed=seed, province=province, provinces=provinces
    )
    # A set without a year (its deadlines relative) gets made-up data of a fixed year.
    year = criteria.year if criteria.year is not None else DEMO_YEAR
    compiled = compile_criteria(criteria, year)
    plans = _plans(compiled.leaves)
    wide_codes = _wide_codes(units, forms, wide_share)
    rng = random.Random(f"{seed}/council")
    appraisers = [f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for _ in range(6)]
    # Small sets get a higher share of corrections so that the appraisal file shows every kind.
    share = min(0.5, max(0.15, 6 / len(units)))
    settings = _Settings(plans, compiled, year, mistakes, appraisers, wide_codes, seed, share)

    files: dict[str, Path] = {"communes": _write_register(out, units, fmt)}
    files.update(_write_assessments(out, settings, units, fmt, wide_fmt, batch_size))
    readme = out / README_NAME
    readme.write_text(
        _readme(
            criteria,
            files,
            {
                "communes": communes,
                "districts": districts,
                "seed": seed,
                "forms": "+".join(forms),
                "format": fmt if wide_fmt is None else f"{fmt} (wide: {wide_fmt})",
                "mistakes": mistakes,
            },
        ),
        encoding="utf-8",
    )
    files["readme"] = readme
    return files


def _wide_codes(units: Sequence[Commune], forms: Sequence[Form], wide_share: float) -> frozenset[str]:
    """The units written in the wide form: all (wide only), none (long only), or with both forms
    those of the last districts, about ``wide_share`` of them (the last quarter of the units when
    that leaves none, e.g. with a single district)."""
    if "wide" in forms and "long" in forms:
        # A district is its province and its name: names repeat across provinces.
        district_names = list(dict.fromkeys((c.province, c.district) for c in units))
        n_wide = min(len(district_names) - 1, max(1, round(len(district_names) * wide_share)))
        wide_districts = set(district_names[len(district_names) - n_wide :]) if n_wide > 0 else set()
        wide_codes = frozenset(c.code for c in units if (c.province, c.district) in wide_districts)
        if not wide_codes and len(units) > 1:
            wide_codes = frozenset(c.code for c in units[-max(1, len(units) // 4) :])
        return wide_codes
    if "wide" in forms:
        return frozenset(c.code for c in units)
    return frozenset()


def _write_register(out: Path, units: Sequence[Commune], fmt: Format) -> Path:
    """The commune register as ``communes.<fmt>`` (a CSV with a BOM, as Excel writes it)."""
    register_path = out / f"communes.{fmt}"
    reg = register_frame(units)
    if fmt == "csv":
        register_path.write_bytes(b"\xef\xbb\xbf" + reg.write_csv().encode())
    elif fmt == "parquet":
        reg.write_parquet(register_path)
    else:
        write_xlsx_synthetic(register_path, reg)
    return register_path


def _write_assessments(
    out: Path, s: _Settings, units: Sequence[Commune], fmt: Format, wide_fmt: Format | None, batch_size: int
) -> dict[str, Path]:
    """The long and wide self-assessments, survey and appraisal files (those that have rows),
    written batch by batch so that memory stays bounded; returns them by role."""
    strings = pl.String()
    wide_cols = _wide_columns(s.plans)
    has_survey = any(p.survey for p in s.plans)
    files: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(dir=out, prefix=".demo-") as tmp_name:
        tmp = Path(tmp_name)
        sinks: dict[str, tuple[_Sink, Sequence[str]]] = {}
        if len(s.wide_codes) < len(units):
            sinks["assessments_long"] = (_Sink(out / f"assessments_long.{fmt}", fmt, None, tmp), LONG_COLUMNS)
        if s.wide_codes:
            wf = wide_fmt or fmt
            sinks["assessments_wide"] = (_Sink(out / f"assessments_wide.{wf}", wf, wide_cols, tmp), wide_cols)
        if has_survey:
            sinks["survey"] = (_Sink(out / f"survey.{fmt}", fmt, None, tmp), SURVEY_COLUMNS)
        sinks["appraisal"] = (_Sink(out / f"appraisal.{fmt}", fmt, None, tmp), APPRAISAL_COLUMNS)
        for long_rows, wide_rows, survey_rows, appraisal_rows in _batches(s, units, batch_size):
            if "assessments_long" in sinks and long_rows:
                sinks["assessments_long"][0].add(_rows_frame(long_rows, LONG_COLUMNS))
            if "assessments_wide" in sinks and wide_rows:
                frame = pl.DataFrame(wide_rows, schema=dict.fromkeys(wide_cols, strings))
                sinks["assessments_wide"][0].add(frame)
            if "survey" in sinks and survey_rows:
                sinks["survey"][0].add(_rows_frame(survey_rows, SURVEY_COLUMNS))
            if appraisal_rows:
                sinks["appraisal"][0].add(_rows_frame(appraisal_rows, APPRAISAL_COLUMNS))
        for role, (sink, columns) in sinks.items():
            files[role] = sink.close(dict.fromkeys(columns, strings))
    return files


def expected_rows(files: dict[str, Path]) -> int:
    """Data rows in the generated register, assessment, survey and appraisal files (for ledger
    checks: the ledger accounts for every row of every input)."""
    total = 0
    for role in ("communes", "assessments_long", "assessments_wide", "survey", "appraisal"):
        path = files.get(role)
        if path is None:
            continue
        if path.suffix == ".xlsx":
            total += pl.read_excel(path, sheet_name="data", engine="calamine").height
        elif path.suffix == ".parquet":
            total += pl.scan_parquet(path).select(pl.len()).collect().item()
        else:
            total += pl.scan_csv(path, infer_schema=False).select(pl.len()).collect().item()
    return total


def remove(files: dict[str, Path]) -> None:
    """Delete generated files (benchmarks clean up after themselves)."""
    for path in files.values():
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


__all__ = [
    "README_NAME",
    "SYNTHETIC_NOTE",
    "Commune",
    "expected_rows",
    "generate",
    "make_register",
    "register_frame",
    "remove",
    "write_xlsx_synthetic",
]
