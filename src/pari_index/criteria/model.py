"""The criteria set: metadata, the tree of areas, criteria and leaves, and ranking settings.

A criteria set is what a provincial People's Committee issues by decision. It is written as YAML
(see docs/criteria.md), parsed by :mod:`pari_index.criteria.loading`, checked for consistency by
:mod:`pari_index.criteria.validation`, and compiled into polars expressions by :mod:`pari_index.criteria.compiling`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PlainValidator, StrictBool, StrictInt, WithJsonSchema, model_validator

from pari_index.criteria.points import PLACES, RoundingMode
from pari_index.criteria.rules import (
    MAX_BRANCHES,
    MAX_LIST_ITEMS,
    Date,
    InputName,
    InputSpec,
    Interval,
    Points,
    Rule,
    Strict,
)
from pari_index.errors import quoted
from pari_index.messages import set_text
from pari_index.system.limits import YEARS

#: The longest criterion id ("1.1.4" has 5 characters).
MAX_ID_CHARS = 40


def _text(value: Any) -> Any:
    # A title may be plain Vietnamese text or {vi: ..., en: ...}.
    if isinstance(value, str):
        return {"vi": value}
    return value


class Text(Strict):
    vi: str = Field(min_length=1)
    en: str | None = None

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.vi

    def shown(self, lang: str) -> str:
        """The text as an output shows it: :meth:`get`, with the Vietnamese marked " (vi)" in
        English when the set gives no English (messages.set_text)."""
        return set_text(self.vi, self.en, lang)


LocalText = Annotated[Text, BeforeValidator(_text, json_schema_input_type=str | Text)]


class UnitType(StrEnum):
    """Grassroots unit types: xã, phường, thị trấn and, since 2025, đặc khu."""

    commune = "commune"
    ward = "ward"
    township = "township"
    special_zone = "special_zone"


class UnitLevel(StrEnum):
    """What a set ranks: the level of government its units belong to (docs/criteria.md, "Levels")."""

    commune = "commune"  # cấp xã: xã, phường, thị trấn, đặc khu
    ward = "ward"
    district = "district"
    department = "department"  # sở, ban, ngành of a province
    province = "province"
    ministry = "ministry"  # bộ, cơ quan ngang bộ


class LevelLabel(Text):
    """A level of one's own, e.g. ``{vi: Ban quản lý, en: management board}``; ``en_plural`` when
    the English plural is not the label with an s."""

    en_plural: str | None = None


def _level(value: Any) -> Any:
    # A word must be one of the known levels: a misspelt "provnce" is not taken as a free label.
    if isinstance(value, str) and value not in UnitLevel.__members__:
        raise ValueError(
            f"unknown level {quoted(value[:40])}: write one of {', '.join(UnitLevel)}, "
            "or a label of your own as {vi: ..., en: ...}"
        )
    return value


Level = Annotated[UnitLevel | LevelLabel, BeforeValidator(_level)]


class Part(StrEnum):
    appraised = "appraised"  # self-scored with evidence, then appraised
    survey = "survey"  # from the sociological survey, no self-score, no evidence
    adjustment = "adjustment"  # bonus and penalty points, outside the scale


class NotApplicable(StrEnum):
    not_allowed = "not_allowed"
    full_points = "full_points"  # e.g. no petitions received: the item counts in full
    exclude = "exclude"  # left out of the maximum; the index is re-scaled (Thanh Hóa 2023)


class MissingEvidence(StrEnum):
    zero = "zero"  # scores 0 unless an explanation is accepted at appraisal
    keep = "keep"  # recorded as a finding, points kept


class Provenance(StrEnum):
    quoted = "quoted"  # text, maximum and ladder as published in the decision
    modelled = "modelled"  # written in the decision's style where its annex was not available


EvidenceField = Literal["number", "date", "file"]


def _number_and_date() -> list[EvidenceField]:
    return ["number", "date"]


class EvidenceSpec(Strict):
    """A document the commune must attach, e.g. the annual reform plan."""

    id: InputName
    label: str
    #: The document's name in English; without it an English output shows ``label`` marked " (vi)".
    label_en: str | None = None
    requires: list[EvidenceField] = Field(default_factory=_number_and_date)

    def shown(self, lang: str) -> str:
        """The document's name as an output in ``lang`` shows it (messages.set_text)."""
        return set_text(self.label, self.label_en, lang)


class Node(Strict):
    """An area, a criterion or a sub-criterion. A node with ``children`` is a branch; a node with
    a ``rule`` is a leaf that is scored."""

    #: A code such as "1.1.4": ASCII letters and digits only, so no control or bidirectional
    #: character can reorder it, and short enough to quote whole in every message.
    id: str = Field(min_length=1, max_length=MAX_ID_CHARS, pattern=r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")
    title: LocalText
    max: Points
    part: Part | None = None
    children: list[Node] | None = None
    # Leaf fields.
    inputs: dict[InputName, InputSpec] | None = Field(default=None, max_length=MAX_LIST_ITEMS)
    rule: Rule | None = None
    evidence: list[EvidenceSpec] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)
    applies_to: list[UnitType] | None = None
    not_applicable: NotApplicable | None = None
    missing_evidence: MissingEvidence | None = None
    floor: Points | None = None
    guidance: str | None = None
    # Where the item comes from.
    provenance: Provenance | None = None
    source: str | None = None
    # A printed maximum that its children do not add up to, kept as printed on purpose.
    printed_mismatch: str | None = None

    @model_validator(mode="after")
    def _branch_or_leaf(self) -> Node:
        if self.children is not None and self.rule is not None:
            raise ValueError("a node has either «children» or a «rule», not both")
        if self.children is None and self.rule is None:
            raise ValueError("a leaf needs a «rule» (or give it «children»)")
        if self.children is not None and self.inputs:
            raise ValueError("'inputs' belong on leaves (nodes with a rule)")
        return self

    @property
    def is_leaf(self) -> bool:
        return self.rule is not None

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children or []:
            yield from child.walk()


class Decision(Strict):
    """The decision that issues a set (optional when the set names its ``source`` instead)."""

    number: str = Field(min_length=1)
    date: Date
    title: str | None = None
    source: str | None = None


#: Characters of a class's name (in either language): each unit's rows of the results and the
#: report repeat it (its class and the next), and it is data there (compared with a previous
#: year's, mapped to its colour), not words that can be cut. Names of 99,000 characters on two
#: classes of 3,000 communes made the run 11 CPU s against 4.8, a workbook of 18.7 MB against 13
#: (limits26). Decisions name a class in a word or two (Xuất sắc, Trung bình).
MAX_CLASS_NAME_CHARS = 200


class Band(Interval):
    """A classification band on the index in %, e.g. Tốt from 90, Khá from 70 below 90."""

    name: str = Field(min_length=1, max_length=MAX_CLASS_NAME_CHARS)
    en: str | None = Field(default=None, max_length=MAX_CLASS_NAME_CHARS)
    colour: str | None = Field(default=None, pattern=r"^#[0-9a-fA-F]{6}$")


class Parts(Strict):
    appraised: Points
    survey: Points = Decimal(0)
    survey_optional: StrictBool = False


def _level_places(value: Any) -> int | str:
    # One clear message for every wrong value, instead of one per member of a union.
    if value == "none":
        return "none"
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= PLACES:
        return value
    raise ValueError(f"expected a number of decimal places from 0 to {PLACES}, or none (not {quoted(value)})")


#: A level of the rounding policy: a number of decimals 0-4, or ``none`` (not rounded by the set).
LevelPlaces = Annotated[
    int | str,
    PlainValidator(_level_places),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0, "maximum": PLACES}, {"const": "none"}]}),
]

#: Results columns measured on the index (in %), shown at the index's places.
_INDEX_COLUMNS = frozenset({"index", "previous_index", "index_change", "gap_to_next_class", "next_class_from"})
#: The levels a rounding policy sets, from the finest to the published figure.
ROUNDING_LEVELS = ("items", "areas", "parts", "total", "index")


class Rounding(Strict):
    """How points are rounded, level by level (docs/criteria.md §12).

    ``places`` alone is the old form and keeps its meaning: computed item points (proportional
    rules), the total and the index are rounded to ``places``; areas and parts are exact sums. Each
    level may instead be set on its own to a number of places or ``none``; a level not given takes
    its value from the old form."""

    places: StrictInt = Field(default=2, ge=0, le=4)
    mode: RoundingMode = RoundingMode.half_up
    items: LevelPlaces | None = None
    areas: LevelPlaces | None = None
    parts: LevelPlaces | None = None
    total: LevelPlaces | None = None
    index: LevelPlaces | None = None

    def at(self, level: str) -> int | None:
        """Decimals the ``level`` is rounded to, or None when it is not rounded (kept exact, or for
        computed item points at the finest unit of 1/10,000 point)."""
        value = getattr(self, level)
        if value is None:
            return self.places if level in ("items", "total", "index") else None
        return None if value == "none" else int(value)

    def shown(self, level: str) -> int:
        """Decimals a level is printed with: its own places, or 4 when it is not rounded."""
        places = self.at(level)
        return PLACES if places is None else places

    def column_places(self, column: str) -> int:
        """Decimals a results column is shown with: each level at its own places in the new form,
        everything at ``places`` in the old form (as before per-level rounding existed)."""
        if not self.per_level:
            return self.places
        if column in _INDEX_COLUMNS:
            return self.shown("index")
        if column in ("total_points", "previous_total", "total_change"):
            return self.shown("total")
        if column in ("appraised_points", "survey_points", "adjustment_points"):
            return self.shown("parts")
        if column.startswith("area_"):
            return self.shown("areas")
        return PLACES

    def resolved(self) -> dict[str, int | str | None]:
        """What the policy does, level by level: equal for two forms that round alike (the old
        form ``places: 2`` and ``items: 2, total: 2, index: 2``)."""
        return {"mode": self.mode.value, **{level: self.at(level) for level in ROUNDING_LEVELS}}

    @property
    def per_level(self) -> bool:
        """True when any level is set on its own (the new form)."""
        return any(getattr(self, level) is not None for level in ROUNDING_LEVELS)

    def describe(self) -> str:
        """One line for the about sheet: the old form as before ("2 places, half_up"), the new one
        led by the index's places (the report reads that first digit)."""
        if not self.per_level:
            return f"{self.places} places, {self.mode.value}"
        named = {level: self.at(level) for level in ROUNDING_LEVELS}
        levels = ", ".join(f"{level} {'none' if places is None else places}" for level, places in named.items())
        return f"{self.shown('index')} places (index); {levels}; {self.mode.value}"


class Ranking(Strict):
    #: Register column communes are ranked within: district (three-level era) or province (2025-).
    within: str = Field(min_length=1)
    ties: Literal["competition", "dense"] = "competition"
    #: Tie-break order after equal index: "appraised", "survey", or an area id.
    tie_break: list[str] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)


class Defaults(Strict):
    not_applicable: NotApplicable = NotApplicable.not_allowed
    missing_evidence: MissingEvidence = MissingEvidence.zero
    provenance: Provenance = Provenance.quoted


class CriteriaSet(Strict):
    id: str = Field(min_length=1, max_length=100, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: LocalText
    #: The assessment year; optional for a set whose deadlines are relative (give --year then).
    year: StrictInt | None = Field(default=None, ge=YEARS[0], le=YEARS[1])
    level: Level = UnitLevel.commune
    province: str = Field(min_length=1)
    issuer: str = Field(min_length=1)
    #: The issuer in English ("Hà Nội People's Committee"), for English outputs; optional.
    issuer_en: str | None = Field(default=None, min_length=1)
    decision: Decision | None = None
    #: Where the set comes from when no decision issues it (a published methodology, a URL).
    source: str | None = Field(default=None, min_length=1)
    notes: str | None = None
    scale: Points
    parts: Parts
    rounding: Rounding = Rounding()
    ranking: Ranking
    classes: list[Band] = Field(min_length=1, max_length=MAX_BRANCHES)
    defaults: Defaults = Defaults()
    areas: list[Node] = Field(min_length=1)

    @property
    def origin(self) -> str:
        """The decision number, else the source: what a summary line names the set by."""
        if self.decision is not None:
            return self.decision.number
        return self.source or ""

    def issuer_shown(self, lang: str) -> str:
        """The issuer in ``lang``: in English its English words (``issuer_en``) when given."""
        return set_text(self.issuer, self.issuer_en, lang)

    def nodes(self) -> Iterator[Node]:
        for area in self.areas:
            yield from area.walk()

    def __repr__(self) -> str:
        # What a notebook shows of ``pari.load_criteria(...)``: the set in one line, not the 50 KB
        # of every node's fields that pydantic's repr gives (an InputsRead's repr held it too).
        level = self.level.value if isinstance(self.level, UnitLevel) else self.level.en
        return (
            f"CriteriaSet(id='{self.id}', year={self.year}, level='{level}', province='{self.province}', "
            f"areas={len(self.areas)}, items={sum(1 for _ in self.leaves())})"
        )

    def __str__(self) -> str:  # print(criteria) too: pydantic's str is its repr without the class name
        return self.__repr__()

    def leaves(self) -> Iterator[Node]:
        return (node for node in self.nodes() if node.is_leaf)


Node.model_rebuild()


@dataclass(frozen=True)
class Leaf:
    """A leaf with everything inherited from its ancestors and the set's defaults filled in: what
    the evaluators and the intake work from."""

    id: str
    area: str
    path: tuple[str, ...]
    title: Text
    max: Points
    floor: Points
    part: Part
    inputs: dict[str, InputSpec]
    rule: Rule
    evidence: list[EvidenceSpec]
    applies_to: frozenset[UnitType] | None
    not_applicable: NotApplicable
    missing_evidence: MissingEvidence
    provenance: Provenance
    guidance: str | None
    source: str | None

    def column(self, input_name: str) -> str:
        """The column of a wide assessment (and of the evaluation frame) holding one input."""
        return f"{self.id}:{input_name}"


def resolve_leaves(criteria: CriteriaSet) -> list[Leaf]:
    """Leaves in document order with part, N/A policy, evidence policy and provenance inherited."""
    out: list[Leaf] = []

    def visit(node: Node, path: tuple[str, ...], inherited: dict[str, Any]) -> None:
        here = dict(inherited)
        for key in ("part", "not_applicable", "missing_evidence", "provenance", "applies_to"):
            value = getattr(node, key)
            if value is not None:
                here[key] = value
        if node.rule is not None:
            part = here["part"]
            default_floor = Decimal(0)
            out.append(
                Leaf(
                    id=node.id,
                    area=path[0] if path else node.id,
                    path=(*path, node.id),
                    title=node.title,
                    max=node.max,
                    floor=node.floor if node.floor is not None else default_floor,
                    part=part,
                    inputs=dict(node.inputs or {}),
                    rule=node.rule,
                    evidence=list(node.evidence),
                    applies_to=frozenset(here["applies_to"]) if here.get("applies_to") else None,
                    # Bonus and penalty items are never "counted in full": an N/A flag on them
                    # means nothing happened, so they are excluded (0), whatever the default.
                    not_applicable=NotApplicable.exclude if part is Part.adjustment else here["not_applicable"],
                    missing_evidence=here["missing_evidence"],
                    provenance=here["provenance"],
                    guidance=node.guidance,
                    source=node.source,
                )
            )
        for child in node.children or []:
            visit(child, (*path, node.id), here)

    base = {
        "part": Part.appraised,
        "not_applicable": criteria.defaults.not_applicable,
        "missing_evidence": criteria.defaults.missing_evidence,
        "provenance": criteria.defaults.provenance,
        "applies_to": None,
    }
    for area in criteria.areas:
        visit(area, (), base)
    return out


@dataclass(frozen=True)
class Unreachable:
    """Points a printed maximum holds that its children cannot give (``printed_mismatch``): they
    count in the maximum of every unit for which some leaf under the node counts."""

    node: str
    title: Text
    part: Part
    printed: Decimal
    children: Decimal
    reason: str
    leaves: tuple[str, ...]

    @property
    def points(self) -> Decimal:
        return self.printed - self.children


def unreachable_points(criteria: CriteriaSet) -> list[Unreachable]:
    """Every node kept with ``printed_mismatch`` whose printed maximum exceeds its children's sum,
    in document order (adjustment areas have no such sum: their maximum is a cap)."""
    out: list[Unreachable] = []

    def visit(node: Node, part: Part) -> None:
        part = node.part or part
        children = node.children or []
        if node.printed_mismatch and children and part is not Part.adjustment:
            total = sum((child.max for child in children), Decimal(0))
            if node.max > total:
                leaves = tuple(n.id for n in node.walk() if n.is_leaf)
                out.append(Unreachable(node.id, node.title, part, node.max, total, node.printed_mismatch, leaves))
        for child in children:
            visit(child, part)

    for area in criteria.areas:
        visit(area, Part.appraised)
    return out


__all__ = [
    "ROUNDING_LEVELS",
    "Band",
    "CriteriaSet",
    "Decision",
    "EvidenceSpec",
    "InputName",
    "Leaf",
    "LevelLabel",
    "MissingEvidence",
    "Node",
    "NotApplicable",
    "Part",
    "Parts",
    "Provenance",
    "Ranking",
    "Rounding",
    "Text",
    "UnitLevel",
    "UnitType",
    "Unreachable",
    "resolve_leaves",
    "unreachable_points",
]
