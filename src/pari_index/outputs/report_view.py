"""The view model of the HTML ranking report: what the templates show, already formatted.

:func:`pari_index.outputs.report._build` fills these from the results tables; every text in them is
plain (the templates escape it), every number already written in the report's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pari_index.outputs.report_format import Formatter


@dataclass(slots=True)
class Item:
    id: str
    title: str
    max: str
    self: str
    appraised: str
    final: str
    status: str
    explanation: str
    reason: str


@dataclass(slots=True)
class Finding:
    severity: str
    severity_label: str
    kind: str  # the machine id (kept as data-kind for filtering; never shown as the label)
    criterion: str
    where: str
    message: str
    hint: str
    title: str = ""  # the kind's title in the report's language (pari_index.messages)


@dataclass(slots=True)
class AreaCell:
    text: str
    heat: str
    sort: str
    rank: str


@dataclass(slots=True)
class Commune:
    anchor: str
    code: str
    name: str
    type: str
    query: str
    ranked: bool
    rank: str
    rank_sort: str
    tied: bool
    change: str
    change_arrow: str
    change_sort: str
    change_title: str
    total: str
    total_value: float
    total_sort: str
    index: str
    index_sort: str
    class_name: str
    class_sort: str
    class_css: str
    areas: list[AreaCell]
    facts: list[tuple[str, str]]
    n_items: int = 0
    items: list[Item] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: "… and N more" after the findings listed, when the commune has more (else empty).
    findings_more: str = ""
    #: False for a commune of the register that sent no self-assessment at all.
    submitted: bool = True
    #: The (former) district, shown as a column when the ranking groups are not districts.
    district: str = ""
    index_change: str = ""
    index_change_sort: str = ""
    index_value: float | None = None


@dataclass(slots=True)
class Bar:
    y: float
    width: float
    label: str
    full: str
    value: str
    css: str
    query: str = ""


@dataclass(slots=True)
class HistogramBin:
    """One bar of a big group's index histogram (x and width in the chart's units)."""

    x: float
    y: float
    width: float
    height: float
    title: str


@dataclass(slots=True)
class ClassEdge:
    """A class's lower edge on the histogram's axis."""

    x: float
    label: str


@dataclass(slots=True)
class Group:
    anchor: str
    name: str
    province: str
    size: str
    open: bool
    communes: list[Commune]
    bars: list[Bar]
    chart_height: float
    heat: list[tuple[str, str]]
    mean_index: str
    names: str
    codes: list[str] = field(default_factory=list)
    packed: str = ""
    #: A big group: its table is shown a page at a time and its chart holds the top and bottom
    #: communes (drawn by the script) and a histogram, never every commune.
    paged: bool = False
    #: A big group's details, packed per page of communes (see report._paged_rows).
    parts: list[str] = field(default_factory=list)
    #: A big group's rows and sort values, packed apart from what opening it shows (report._paged_rows).
    rest: str = ""
    histogram: list[HistogramBin] = field(default_factory=list)
    edges: list[ClassEdge] = field(default_factory=list)
    #: How many communes, as the language writes the number («1,200»): the histogram's caption
    #: names the units itself (``size`` holds them already: «over 1,200 communes communes» until
    #: session 36).
    count: str = ""


@dataclass(slots=True)
class Area:
    id: str
    short: str
    title: str


# --- what every group and row needs, read once ------------------------------------------------


@dataclass(slots=True)
class ClassStyles:
    """The result classes found in the summary: order and colour per class (keyed by the name the
    results keep, in either language), for the CSS classes (``k0``, ``k1``, ... in class order),
    the legend and sorting by class; ``labels`` shows each in the report's language."""

    column: str
    order: dict[str, tuple[int, str | None]]
    listed: list[tuple[str, tuple[int, str | None]]]
    css: dict[str, str]
    colours: list[tuple[str, str]]
    #: Each class (its key: the name the results keep) as the report's language shows it.
    labels: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class FindingLists:
    """The findings table as the report shows it: per commune (in the details), those tied to no
    commune (listed up to :data:`~pari_index.outputs.report_items.FINDINGS_LISTED`, the rest counted)
    and a count per kind."""

    by_commune: dict[str, list[Finding]] = field(default_factory=dict)
    #: Each commune's findings not in its list (which holds the first
    #: :data:`~pari_index.outputs.report_items.FINDINGS_PER_UNIT`), counted as the findings they stand
    #: for: a folded finding (intake.folding) as those it folded, not as one.
    unit_more: dict[str, int] = field(default_factory=dict)
    general: list[Finding] = field(default_factory=list)
    #: The general findings not listed, counted so.
    general_more: int = 0
    kinds: list[dict[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Context:
    """What every group and commune row needs, read once from the tables by
    :func:`pari_index.outputs.report._context`."""

    labels: dict[str, str]
    li: int  # 0 for Vietnamese, 1 for English: the index into the two-language tables
    fmt: Formatter
    area_ids: list[str]
    areas: list[Area]
    leaf_titles: dict[str, str]
    per_commune_max: dict[tuple[str, str], float]
    area_max: dict[str, float]
    classes: ClassStyles
    items: dict[str, list[Item]]
    item_counts: dict[str, int]
    lazy: bool
    findings: FindingLists
    group_col: str | None
    scale: float
    #: The lowest index of each class (from the set, else the lowest seen), for the histogram.
    class_edges: list[tuple[str, float]] = field(default_factory=list)
    #: True when the groups are not districts and the summary names each unit's district.
    show_district: bool = False
    #: A class's name as the results keep it (Vietnamese) -> as the report's language shows it.
    class_names: dict[str, str] = field(default_factory=dict)
