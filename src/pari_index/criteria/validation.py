"""Consistency checks on a typed criteria set: the things pydantic's types cannot see.

Every problem is reported at once, located by the YAML line of the node it concerns. Errors stop a
set from loading; warnings (a printed maximum kept on purpose, a gap between classification bands as
in Bà Rịa–Vũng Tàu 2013) are reported and the set still loads.

This module walks the tree (ids, parts, maxima, the children's sums) and checks what belongs to
the whole set (its origin and year, its scale, its ranking and classes); each scored item is
:mod:`.item_checks`'s, the bands of tiers and classes :mod:`.bands`'s, and what is found is put
where :mod:`.set_problems` says.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from decimal import Decimal

from pari_index.criteria.bands import check_intervals
from pari_index.criteria.group_columns import (
    check_column_list,
    never_a_group,
    requested_columns,
    run_column,
    usual_columns,
)
from pari_index.criteria.item_checks import check_leaf, count_tiers_turn, tiers_turn
from pari_index.criteria.model import CriteriaSet, Node, Part, UnitLevel
from pari_index.criteria.rules import (
    MAX_POINTS,
    CountTiers,
    Deadline,
    Tiers,
)
from pari_index.criteria.set_problems import HUNDRED, ZERO, Collector, Loc, Locator, case_twin
from pari_index.criteria.yaml_reader import quote
from pari_index.errors import Problem, UsageError, quoted
from pari_index.messages import render


def _check_origin_and_year(criteria: CriteriaSet, out: Collector) -> None:
    """A set says where it comes from; a set with deadlines in "the assessment year" says which
    year, or the scorer must (a warning: ``pari score --year`` gives it)."""
    if criteria.decision is None and criteria.source is None:
        out.error(
            ("id",),
            "no-origin",
            f"criteria set {criteria.id} names neither a decision nor a source",
            "add decision: {number: ..., date: ...} for a set a decision issues, or "
            "source: (the published methodology, a URL) for an index no decision issues",
            criteria=criteria.id,
        )
    if criteria.year is not None:
        return
    needing = [(loc, node) for loc, node in _leaves_with_loc(criteria) if isinstance(node.rule, Deadline)]
    for loc, node in needing:
        assert isinstance(node.rule, Deadline)
        if node.rule.needs_year:
            out.warn(
                (*loc, "rule", "deadline"),
                "year-needed",
                f"criteria set {criteria.id}: item {node.id} has a deadline in the assessment year, "
                "and the set has no year",
                "give the year when scoring (pari score --year YYYY), or add year: to the set",
                criteria=criteria.id,
                criterion=node.id,
            )


def _check_fixed_dates(criteria: CriteriaSet, out: Collector) -> None:
    """A warning at a deadline's fixed date two years or more from the set's year: every unit's date
    is judged against it, and such a date is a typing slip (2052 for 2025) or copied from another
    year's set (a criteria campaign, session 27: a 2025 set with one deadline of 2052 loaded and
    scored without a word). The year before is a plan's usual deadline; the year after, a report's."""
    if criteria.year is None:
        return
    for loc, node in _leaves_with_loc(criteria):
        if not isinstance(node.rule, Deadline):
            continue
        for key in ("deadline", "late_until"):
            when = getattr(node.rule, key)
            if isinstance(when, dt.date) and abs(when.year - criteria.year) > 1:
                out.warn(
                    (*loc, "rule", key),
                    "deadline-far-from-year",
                    f"criterion {node.id}: the {key} {when.isoformat()} is {abs(when.year - criteria.year)} years "
                    f"from the set's year {criteria.year}: every unit's date is judged against it",
                    "check the year of the date (a typing slip, or a date copied from another year's set); a date "
                    "in the year before or after the set's is not told (a year's plan is often due the year before)",
                    criterion=node.id,
                    key=key,
                    date=when.isoformat(),
                    years=abs(when.year - criteria.year),
                    year=str(criteria.year),  # a year, not a number to group (2.025)
                )


def _leaves_with_loc(criteria: CriteriaSet) -> list[tuple[Loc, Node]]:
    found: list[tuple[Loc, Node]] = []

    def visit(node: Node, loc: Loc) -> None:
        if node.is_leaf:
            found.append((loc, node))
        for i, child in enumerate(node.children or []):
            visit(child, (*loc, "children", i))

    for i, area in enumerate(criteria.areas):
        visit(area, ("areas", i))
    return found


def class_warnings(criteria: CriteriaSet) -> list[Problem]:
    """The warnings of a set that change what a run gives, without a place: its classes
    (``class-gap``, ``class-unreachable``; until the twentieth session only ``pari validate`` said
    them), tiers whose points turn (``tiers-turn``) and deadlines far from its year
    (``deadline-far-from-year``). ``pari score`` puts them among a run's findings, since the
    points and classes it writes are theirs."""
    out = Collector(lambda loc: ("", None, None))
    _check_classes(criteria, out)
    _check_fixed_dates(criteria, out)
    for loc, node in _leaves_with_loc(criteria):
        if isinstance(node.rule, Tiers):
            tiers_turn(node, node.rule, (*loc, "rule"), out)
        elif isinstance(node.rule, CountTiers):
            count_tiers_turn(node, node.rule, (*loc, "rule"), out)
    return [dataclasses.replace(problem, file=None, severity="warning") for problem in out.warnings]


def validate_criteria(criteria: CriteriaSet, locate: Locator) -> tuple[list[Problem], list[Problem]]:
    """All consistency errors and warnings of a typed criteria set."""
    out = Collector(locate)
    tree = _TreeChecker(locate, out)
    for i, area in enumerate(criteria.areas):
        tree.visit(area, ("areas", i), Part.appraised)
    _check_parts_and_scale(criteria, out)
    _check_origin_and_year(criteria, out)
    _check_fixed_dates(criteria, out)
    _check_ranking(criteria, out)
    _check_classes(criteria, out)
    return out.errors, out.warnings


class _TreeChecker:
    """Walks the tree of areas and items: ids, parts, maxima and the children's sums; each leaf
    goes to :func:`check_leaf`. Remembers where each id was first seen, to report duplicates."""

    def __init__(self, locate: Locator, out: Collector) -> None:
        self.locate = locate
        self.out = out
        self.first_seen: dict[str, Loc] = {}
        #: Each id as first written, by its letters in one case.
        self.first_cased: dict[str, str] = {}

    def visit(self, node: Node, loc: Loc, part: Part) -> None:
        out = self.out
        if node.part is not None and len(loc) > 2:
            # Parts are totalled per area (parts.appraised / parts.survey), so a part set deeper
            # would be scored in one part and counted in another.
            out.error(
                (*loc, "part"),
                "part-below-area",
                f"{node.id}: «part» can only be set on an area",
                "move the items into an area of their own with that part",
                criterion=node.id,
            )
        part = node.part or part
        self._check_id(node, loc)
        if node.max < 0:
            out.error((*loc, "max"), "negative-max", f"{node.id}: a maximum cannot be negative", criterion=node.id)
        if node.is_leaf:
            check_leaf(node, loc, part, node.floor if node.floor is not None else ZERO, out)
            return
        children = node.children or []
        for i, child in enumerate(children):
            if not child.id.startswith(node.id + "."):
                out.warn(
                    (*loc, "children", i, "id"),
                    "id-not-nested",
                    f"{child.id} sits under {node.id} but its id does not start with {node.id}.",
                    child=child.id,
                    parent=node.id,
                )
            self.visit(child, (*loc, "children", i), part)
        if part is Part.adjustment:
            return  # bonus and penalty caps need not add up to the section's cap
        _check_children_sum(node, loc, sum((child.max for child in children), ZERO), out)

    def _check_id(self, node: Node, loc: Loc) -> None:
        """Every node has its own id, in any letter case: a form's headings are read whatever their
        case (``1.1.a`` and ``1.1.A`` would be one column)."""
        twin = self.first_cased.get(node.id.casefold())
        if twin is not None and twin != node.id:
            first_line = self.locate((*self.first_seen[twin], "id"))[1]
            case_twin(self.out, (*loc, "id"), quoted(node.id), quoted(twin), first_line)
        self.first_cased.setdefault(node.id.casefold(), node.id)
        if node.id in self.first_seen:
            first_line = self.locate((*self.first_seen[node.id], "id"))[1]
            self.out.error(
                (*loc, "id"),
                "duplicate-id",
                f"id {quoted(node.id)} is used twice (first on line {first_line})",
                "give every node its own id",
                id=quoted(node.id),
                first_line=str(first_line),  # a line number, not a count: never grouped
            )
        else:
            self.first_seen[node.id] = loc


def _check_children_sum(node: Node, loc: Loc, total: Decimal, out: Collector) -> None:
    """A node's children add up to its maximum, unless a printed maximum above them is kept on purpose."""
    if total == node.max:
        return
    message = f"{node.id}: children add up to {total} but the maximum is {node.max}"
    sums = {"criterion": node.id, "total": total, "max": node.max}
    if node.printed_mismatch and total < node.max:
        out.warn(
            (*loc, "max"),
            "children-sum",
            f"{message} (kept as printed: {node.printed_mismatch}); the printed maximum counts, so "
            f"{node.max - total} points are unreachable for every unit",
            "scores report it as printed-max-unreachable and the report's method notes name it",
            **sums,
        )
    elif node.printed_mismatch:
        out.error(
            (*loc, "max"),
            "printed-below-children",
            f"{message}: a printed maximum below its children cannot count, since their points could pass it",
            "fix the points (printed_mismatch keeps only a maximum above its children's sum)",
            **sums,
        )
    else:
        out.error(
            (*loc, "max"),
            "children-sum",
            message,
            'fix the points, or keep a published misprint with printed_mismatch: "reason"',
            **sums,
        )


def _check_parts_and_scale(criteria: CriteriaSet, out: Collector) -> None:
    """The areas of each part add up to the part's points, and the parts to the scale."""
    by_part: dict[Part, Decimal] = {p: ZERO for p in Part}
    for area in criteria.areas:
        by_part[area.part or Part.appraised] += area.max
    if by_part[Part.appraised] != criteria.parts.appraised:
        out.error(
            ("parts", "appraised"),
            "part-sum",
            f"areas of the appraised part add up to {by_part[Part.appraised]}, not {criteria.parts.appraised}",
            total=by_part[Part.appraised],
            declared=criteria.parts.appraised,
        )
    if by_part[Part.survey] != criteria.parts.survey:
        out.error(
            ("parts", "survey"),
            "part-sum",
            f"areas of the survey part add up to {by_part[Part.survey]}, not {criteria.parts.survey}",
            total=by_part[Part.survey],
            declared=criteria.parts.survey,
        )
    everything = sum(by_part.values(), ZERO)
    if everything > MAX_POINTS:
        # Each maximum is within MAX_POINTS; their sum, bonus areas included, must be too, so that
        # totals and the index stay far inside Int64 units.
        out.error(
            ("areas",),
            "points-out-of-range",
            f"the areas' maxima add up to {everything}, more than the {MAX_POINTS:,} points a set may hold",
            total=everything,
            limit=MAX_POINTS,
        )
    scored = by_part[Part.appraised] + by_part[Part.survey]
    if scored != criteria.scale:
        out.error(
            ("scale",),
            "scale-sum",
            f"the areas add up to {scored}, not the declared scale {criteria.scale}",
            "areas with part: adjustment (bonus/penalty) are outside the scale",
            total=scored,
            declared=criteria.scale,
        )
    if criteria.parts.appraised + criteria.parts.survey != criteria.scale:
        out.error(
            ("parts",),
            "part-sum",
            f"appraised {criteria.parts.appraised} + survey {criteria.parts.survey} is not the scale {criteria.scale}",
            total=criteria.parts.appraised + criteria.parts.survey,
            declared=criteria.scale,
        )


def _check_ranking(criteria: CriteriaSet, out: Collector) -> None:
    """Ranking settings: the columns ranked within, and each tie-break key is a part or an area."""
    _check_within(criteria.ranking.within, criteria.level, out)
    area_ids = {a.id for a in criteria.areas}
    for i, key in enumerate(criteria.ranking.tie_break):
        if key not in ("appraised", "survey") and key not in area_ids:
            out.error(
                ("ranking", "tie_break", i),
                "tie-break-unknown",
                f"tie_break {quote(key)} is neither «appraised», «survey» nor an area id",
                key=quote(key),
            )


def _check_classes(criteria: CriteriaSet, out: Collector) -> None:
    """Classification bands: overlaps are errors (a commune would have two classes), gaps warnings."""
    errors, gaps = check_intervals(criteria.classes, (ZERO, HUNDRED), "class")
    for i, code, message, params in errors:
        out.error(("classes", i), code, message, band_owner="classes", **params)
    for i, _code, message, params in gaps:
        out.warn(("classes", i), "class-gap", message, "an index in the gap gets no class", **params)
    _check_class_reach(criteria, out)
    _check_class_names(criteria, out)


def _alike(text: str) -> str:
    """A name as a reader tells it from another: composed, in one case, its spaces one space."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _check_class_names(criteria: CriteriaSet, out: Collector) -> None:
    """Each class has a name of its own (``name``, and ``en`` when given): two bands named «Tốt»
    gave a unit of 70 the class «Tốt» and «Tốt» as its next class, 9.65 points away, and the
    report counted the two bands as one."""
    for key in ("name", "en"):
        seen: dict[str, int] = {}
        for i, band in enumerate(criteria.classes):
            text = getattr(band, key)
            if text is None:
                continue
            first = seen.setdefault(_alike(text), i)
            if first == i:
                continue
            out.error(
                ("classes", i, key),
                "duplicate-class",
                f"classes {first + 1} and {i + 1} are both named {quote(text)}: a reader cannot tell them apart",
                "give each class its own name",
                band=quote(text),
                first=str(first + 1),
                second=str(i + 1),
            )


def _check_class_reach(criteria: CriteriaSet, out: Collector) -> None:
    """A class whose lower edge lies above the index of a unit with every point of the scale and
    every bonus (100 % plus the adjustment areas' caps over the scale): no unit can be given it
    (``from: 900`` typed for 90), and every unit was classed below it without a word. A warning:
    a unit with items excluded has a smaller maximum, so its bonus weighs more."""
    if criteria.scale <= 0:
        return
    bonus = sum((area.max for area in criteria.areas if area.part is Part.adjustment), Decimal(0))
    top = HUNDRED * (criteria.scale + bonus) / criteria.scale
    shown = f"{top.normalize():f}"
    for i, band in enumerate(criteria.classes):
        low = band.from_ if band.from_ is not None else band.above
        if low is None or low < top or (low == top and band.above is None):
            continue
        out.warn(
            ("classes", i),
            "class-unreachable",
            f"class {quote(band.name)} starts at {low}, above the highest index a unit reaches ({shown}: every point"
            " of the scale and every bonus), so no unit can be given it",
            "write the class's bounds as an index out of 100 (90 for 90 %)",
            band=quote(band.name),
            low=low,
            top=shown,
        )


def _check_within(within: str, level: object, out: Collector) -> None:
    """``ranking.within`` as ``pari score`` reads it (criteria.group_columns): the refusals no
    register can lift are errors here, at the set's line, as they were a refusal of every score run
    after every file was read and scored; a column only some registers have is a warning, since
    ``pari score`` stops unless its register has it (``within: no`` passed validate, session 39)."""
    loc = ("ranking", "within")
    try:
        names = requested_columns(within, "ranking.within")
        check_column_list([run_column(name) for name in names], "ranking.within")
    except UsageError as refused:
        problem = refused.problems[0]
        out.error(loc, problem.code, problem.message, problem.hint, **(problem.params or {}))
        return
    # Provinces are grouped by region (docs/criteria.md, "Levels": ``within: region``, a column
    # every register of provinces has): no warning on every validation of such a set.
    usual = (*usual_columns(), "region") if level == UnitLevel.province else usual_columns()
    for name in names:
        params = {"column": quote(name), "usual": ", ".join(usual), "group_why": never_a_group(name)}
        if params["group_why"]:
            out.error(loc, "within-never-a-column", render("within-never-a-column", params, "en"), **params)
        elif run_column(name) not in {run_column(c) for c in usual}:
            out.warn(loc, "within-not-usual", render("within-not-usual", params, "en"), **params)
