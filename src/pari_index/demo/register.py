"""The synthetic register of units: codes, names, unit types, districts and provinces."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from pari_index.criteria.model import CriteriaSet, Leaf, UnitType, resolve_leaves
from pari_index.demo.layout import DEMO_YEAR, REGISTER_COLUMNS, SYNTHETIC_NOTE
from pari_index.demo.words import ISLAND_WORDS, SYLLABLES, UNIT_TITLES, UNIT_WORDS


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
