"""The HTML ranking report: one self-contained file that officials can open, print and trust.

``render_report`` turns the tables of a results file (as :func:`pari_index.outputs.results.read_results`
returns them) into one HTML page with inline CSS, inline SVG charts and a little inline JS; it loads
nothing from anywhere else, so it works offline and from a USB stick.

* Every value from the input is escaped by Jinja2 (``autoescape=True``); the templates never mark
  input data safe. Colours from the input are used only when they are ``#rrggbb``. The labels the
  script needs travel as JSON in a ``<script type="application/json">`` block with ``<``, ``>`` and
  ``&`` written as ``\\u003c`` and so on, so no value can close the block.
* A Content-Security-Policy allows only the report's own script and stylesheet (by their SHA-256
  hashes) and ``data:`` images: even an injected tag could neither run nor load anything.
* The same tables give byte-identical output; the date is printed only when ``date`` is given.
* At national scale (about 10,600 communes in 700 districts) each ranking group is a closed
  ``<details>`` after the first few, packed (JSON, gzip, base64) and unpacked by the script when
  opened; item rows are indices into one string table and are built with ``textContent`` only.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
import os
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import polars as pl
from markupsafe import Markup

from pari_index.criteria.methodology import method_lines
from pari_index.criteria.model import ROUNDING_LEVELS, CriteriaSet, Rounding, resolve_leaves
from pari_index.criteria.points import RoundingMode
from pari_index.criteria.units import UnitNames, level_labels, unit_names
from pari_index.outputs.files import write_text
from pari_index.ranking.ranks import LABEL_SEPARATOR
from pari_index.scoring.run import notices
from pari_index.textexpr import format_text

__all__ = ["LABELS", "render_report", "write_report"]

#: Every label the report shows, in Vietnamese and English (one dict, same keys).
LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "lang": "vi",
        "report": "Báo cáo xếp hạng Chỉ số cải cách hành chính cấp xã",
        "criteria_set": "Bộ chỉ số",
        "decision": "Quyết định",
        "decision_of": "ngày",
        "source": "Nguồn",
        "year": "Năm đánh giá",
        "province": "Tỉnh, thành phố",
        "report_date": "Ngày lập báo cáo",
        "ranked_within": "Xếp hạng trong",
        "within_district": "cấp huyện (quận, thị xã, thành phố)",
        "within_province": "cấp tỉnh",
        "communes": "Số đơn vị cấp xã",
        "groups": "Số nhóm xếp hạng",
        "contents": "Các nhóm xếp hạng",
        "filter": "Lọc theo tên hoặc mã xã, tên huyện",
        "filter_count": "Hiển thị {shown}/{total} đơn vị",
        "filter_none": "Không có đơn vị nào khớp",
        "print_group": "In nhóm này",
        "rank": "Hạng",
        "change": "Thay đổi",
        "commune": "Đơn vị",
        "code": "Mã",
        "type": "Loại",
        "total": "Tổng điểm",
        "index": "Chỉ số (%)",
        "class": "Xếp loại",
        "area": "Lĩnh vực",
        "area_short": "LV",
        "max": "Tối đa",
        "not_ranked": "không xếp hạng",
        "not_submitted": "không nộp",
        "completeness": "Kết quả chưa đầy đủ",
        "method": "Phương pháp tính điểm",
        "item_methods": "Cách chấm từng tiêu chí (như phụ lục của bộ chỉ số)",
        "item": "Tiêu chí",
        "max_points": "Điểm tối đa",
        "tied": "đồng hạng",
        "new": "mới",
        "up": "tăng {n} bậc",
        "down": "giảm {n} bậc",
        "same": "không đổi",
        "previous_rank": "Hạng năm trước",
        "index_change": "Chỉ số thay đổi (điểm %)",
        "previous_note": "Ghi chú so sánh",
        "group_size": "{n} đơn vị",
        "ranking_caption": "Bảng xếp hạng: {group}",
        "area_key": "Các lĩnh vực",
        "chart_totals": "Tổng điểm theo đơn vị: {group}",
        "chart_note": "Biểu đồ: chiều dài thanh là tổng điểm trên thang {scale} điểm; màu theo xếp loại.",
        "heat_legend": "Màu ô điểm lĩnh vực (bản đồ nhiệt) = tỷ lệ điểm đạt so với điểm tối đa của lĩnh vực:",
        "overview": "Tổng quan",
        "overview_heat": "Điểm lĩnh vực bình quân theo nhóm (% điểm tối đa)",
        "mean_index": "Chỉ số bình quân (%)",
        "class_counts": "Số đơn vị theo xếp loại",
        "details": "Chi tiết từng đơn vị",
        "criterion": "Tiêu chí",
        "self": "Tự chấm",
        "appraised": "Thẩm định",
        "final": "Điểm cuối",
        "status": "Trạng thái",
        "explanation": "Giải thích",
        "reason": "Lý do thẩm định",
        "status_note": "Trạng thái để trống: chấm bình thường. Dấu – : không có.",
        "items_caption": "Điểm từng tiêu chí: {name}",
        "appraised_points": "Điểm thẩm định",
        "survey_points": "Điểm điều tra xã hội học",
        "adjustment_points": "Điểm thưởng, trừ",
        "applicable_max": "Điểm tối đa áp dụng",
        "gap": "Cần thêm {gap} điểm chỉ số để đạt loại {cls}",
        "top_lost": "Mất điểm nhiều nhất",
        "area_ranks": "Hạng theo lĩnh vực",
        "findings": "Phát hiện",
        "findings_summary": "Tổng hợp phát hiện toàn bộ dữ liệu, theo loại",
        "findings_general": "Phát hiện không gắn với đơn vị nào",
        "findings_more": "… và {n} phát hiện khác (xem bảng findings của tệp kết quả)",
        "no_findings": "Không có phát hiện nào.",
        "severity": "Mức độ",
        "kind": "Loại phát hiện",
        "message": "Nội dung",
        "hint": "Cách xử lý",
        "where": "Vị trí",
        "count": "Số lượng",
        "communes_affected": "Số đơn vị liên quan",
        "sort_hint": "Bấm tiêu đề cột để sắp xếp",
        "generated_by": "Lập bằng pari-index từ tệp kết quả; số liệu không được sửa tay.",
        "points": "điểm",
        "no_data": "Không có dữ liệu xếp hạng.",
    },
    "en": {
        "lang": "en",
        "report": "Commune PAR Index ranking report",
        "criteria_set": "Criteria set",
        "decision": "Decision",
        "decision_of": "of",
        "source": "Source",
        "year": "Assessment year",
        "province": "Province",
        "report_date": "Report date",
        "ranked_within": "Ranked within",
        "within_district": "district",
        "within_province": "province",
        "communes": "Communes",
        "groups": "Ranking groups",
        "contents": "Ranking groups",
        "filter": "Filter by commune name or code, district",
        "filter_count": "Showing {shown} of {total} communes",
        "filter_none": "No commune matches",
        "print_group": "Print this group",
        "rank": "Rank",
        "change": "Change",
        "commune": "Commune",
        "code": "Code",
        "type": "Type",
        "total": "Total points",
        "index": "Index (%)",
        "class": "Class",
        "area": "Area",
        "area_short": "A",
        "max": "Max",
        "not_ranked": "not ranked",
        "not_submitted": "sent nothing",
        "completeness": "Incomplete results",
        "method": "Scoring method",
        "item_methods": "How each item is scored (as the criteria annex words it)",
        "item": "Item",
        "max_points": "Maximum",
        "tied": "tied",
        "new": "new",
        "up": "up {n}",
        "down": "down {n}",
        "same": "no change",
        "previous_rank": "Previous rank",
        "index_change": "Index change (% points)",
        "previous_note": "Comparison note",
        "group_size": "{n} communes",
        "ranking_caption": "Ranking: {group}",
        "area_key": "Areas",
        "chart_totals": "Total points by commune: {group}",
        "chart_note": "Chart: bar length is the total on a {scale}-point scale; colour by class.",
        "heat_legend": "Area cell colour (heat map) = share of the area's maximum achieved:",
        "overview": "Overview",
        "overview_heat": "Mean area score by group (% of maximum)",
        "mean_index": "Mean index (%)",
        "class_counts": "Communes by class",
        "details": "Details per commune",
        "criterion": "Criterion",
        "self": "Self",
        "appraised": "Appraised",
        "final": "Final",
        "status": "Status",
        "explanation": "Explanation",
        "reason": "Appraisal reason",
        "status_note": "Empty status: scored normally. – : none.",
        "items_caption": "Points per criterion: {name}",
        "appraised_points": "Appraised points",
        "survey_points": "Survey points",
        "adjustment_points": "Bonus and penalty points",
        "applicable_max": "Applicable maximum",
        "gap": "{gap} index points short of {cls}",
        "top_lost": "Most points lost",
        "area_ranks": "Rank per area",
        "findings": "Findings",
        "findings_summary": "Findings across all data, by kind",
        "findings_general": "Findings not tied to a commune",
        "findings_more": "… and {n} more (see the findings table of the results file)",
        "no_findings": "No findings.",
        "severity": "Severity",
        "kind": "Kind",
        "message": "Message",
        "hint": "What to do",
        "where": "Where",
        "count": "Count",
        "communes_affected": "Communes affected",
        "sort_hint": "Click a column heading to sort",
        "generated_by": "Produced by pari-index from a results file; no figure edited by hand.",
        "points": "points",
        "no_data": "No ranking data.",
    },
}

UNIT_TYPES: dict[str, tuple[str, str]] = {
    "commune": ("Xã", "Commune"),
    "ward": ("Phường", "Ward"),
    "township": ("Thị trấn", "Township"),
    "special_zone": ("Đặc khu", "Special zone"),
}

STATUSES: dict[str, tuple[str, str]] = {
    "ok": ("", ""),
    "appraised": ("sửa khi thẩm định", "changed at appraisal"),
    "self_score_differs": ("tự chấm khác", "self-score differs"),
    "not_assessed": ("chưa tự đánh giá", "not assessed"),
    "no_survey": ("chưa có điều tra", "no survey"),
    "evidence_missing": ("thiếu minh chứng", "evidence missing"),
    "excluded": ("không áp dụng", "not applicable"),
}

SEVERITIES: dict[str, tuple[str, str]] = {
    "error": ("Lỗi", "Error"),
    "warning": ("Cảnh báo", "Warning"),
    "info": ("Thông tin", "Info"),
}

#: Heat-map buckets on the share of an area's maximum: (lower bound, CSS class, legend).
HEAT_BUCKETS: tuple[tuple[float, str, str], ...] = (
    (0.9, "h4", "≥ 90 %"),
    (0.8, "h3", "80–<90 %"),
    (0.7, "h2", "70–<80 %"),
    (0.5, "h1", "50–<70 %"),
    (-math.inf, "h0", "< 50 %"),
)

FINDINGS_LISTED = 200  # findings not tied to a commune listed in full; the rest are counted
OPEN_COMMUNES = 150  # groups open on loading until this many communes are shown (at least one)
#: Above this many item rows or communes, a group's body is parsed only when the group is opened.
LAZY_ITEMS = 25_000
LAZY_COMMUNES = 1_000
DEFAULT_COLOUR = "#5b6b7b"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


#: The per-item columns a report shows, in order (missing ones are shown empty).
ITEM_SOURCE_COLUMNS = (
    "commune_code",
    "criterion_id",
    "max",
    "self_score",
    "appraised_score",
    "final_score",
    "status",
    "explanation",
    "appraisal_reason",
)


def _item_columns(criteria_table: pl.DataFrame) -> pl.DataFrame:
    present = set(criteria_table.columns)
    return criteria_table.select(pl.col(c) if c in present else pl.lit(None).alias(c) for c in ITEM_SOURCE_COLUMNS)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pari_index.outputs", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["bdi"] = _bdi
    env.filters["isolate"] = _isolate
    env.filters["balanced"] = _balanced_text
    return env


# --- bidirectional text -----------------------------------------------------------------------
# A name may hold bidi controls: a right-to-left override (U+202E) left open in a commune's name
# turned its code, rank and points round on its line. Every text from the input is shown isolated
# (an HTML <bdi>, an element of its own with dir="auto", or FSI ... PDI where only text may stand:
# attributes, SVG, the page title), and
# its own controls are closed within it, so nothing it holds reaches the text around it.

_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")
_FSI, _PDI, _PDF = "\u2068", "\u2069", "\u202c"


def _balanced(text: str) -> str:
    """``text`` with every embedding, override and isolate it opens closed at its end, and any
    closing control that closes nothing of its own dropped."""
    if not any("\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069" for c in text):
        return text
    out: list[str] = []
    stack: list[str] = []  # the closers still owed, innermost last
    for c in text:
        if c in _OPENERS or c in _ISOLATE_OPENERS:
            stack.append(_PDF if c in _OPENERS else _PDI)
        elif c == _PDF:
            if not stack or stack[-1] != _PDF:
                continue  # closes nothing opened here: it would close what surrounds the text
            stack.pop()
        elif c == _PDI:
            if _PDI not in stack:
                continue
            while stack and stack.pop() != _PDI:  # a PDI also closes embeddings opened inside
                pass
        out.append(c)
    return "".join(out) + "".join(reversed(stack))


def _balanced_text(value: Any) -> str:
    """An input text with its bidi controls closed, for an element isolated with ``dir="auto"``
    (used where the element holds that text alone, so that it can be found by its text)."""
    return _balanced(_text(value))


def _isolate(value: Any) -> str:
    """Plain text isolated with FSI ... PDI (for attributes, SVG text and titles)."""
    text = _text(value)
    return f"{_FSI}{_balanced(text)}{_PDI}" if text else ""


def _bdi(value: Any) -> Markup:
    """An input text as ``<bdi>``: escaped, its direction its own, its controls closed inside."""
    text = _text(value)
    return Markup("<bdi>{}</bdi>").format(_balanced(text)) if text else Markup("")


# --- formatting -------------------------------------------------------------------------------


def _num(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return None if math.isnan(value) else float(value)
    try:
        out = float(str(value).replace(",", "."))
    except ValueError:
        return None
    return None if math.isnan(out) else out


class Formatter:
    def __init__(self, lang: str, places: int, column_places: Callable[[str], int] | None = None) -> None:
        self.comma = lang == "vi"
        self.places = places
        # Places per results column under a rounding policy per level (None: all at ``places``).
        self.column_places = column_places

    def column(self, value: Any, column: str) -> str:
        """A value of a results column at that column's places: the index at the index's places
        even when the items are not rounded."""
        return self.fixed(value, self.column_places(column) if self.column_places else None)

    def fixed(self, value: Any, places: int | None = None) -> str:
        """A decimal with a fixed number of places (totals, indices): 83,21."""
        x = _num(value)
        if x is None:
            return "–"
        text = f"{x:.{self.places if places is None else places}f}"
        if text.startswith("-") and not text.strip("-0.,"):
            text = text[1:]
        return text.replace(".", ",") if self.comma else text

    def short(self, value: Any) -> str:
        """Item points with up to four places, trailing zeros dropped: 0,5 · 3,67 · 1."""
        x = _num(value)
        if x is None:
            return "–"
        text = f"{x:.4f}".rstrip("0").rstrip(".")
        if text == "-0":
            text = "0"
        return text.replace(".", ",") if self.comma else text

    def count(self, n: int) -> str:
        text = f"{n:,}"
        return text.replace(",", ".") if self.comma else text


def _sort_value(value: Any) -> str:
    x = _num(value)
    return "" if x is None else repr(round(x, 6))


def _fold(text: str) -> str:
    """A sort key for Vietnamese names that does not depend on the machine's locale."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _colour(value: Any) -> str | None:
    return value if isinstance(value, str) and _COLOUR.match(value) else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def _basename(path: str) -> str:
    """The file name only: the report names a file, not the folders of the machine that scored."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _heat(points: float | None, maximum: float | None) -> str:
    if points is None or not maximum or maximum <= 0:
        return ""
    share = points / maximum
    for bound, css, _ in HEAT_BUCKETS:
        if share >= bound:
            return css
    return "h0"  # pragma: no cover - the last bound is -inf


def _safe_json(data: Any) -> Markup:
    """JSON for a ``<script type="application/json">`` block: nothing in it can end the block."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# --- the view model -------------------------------------------------------------------------


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
    kind: str
    criterion: str
    where: str
    message: str
    hint: str


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
    #: False for a commune of the register that sent no self-assessment at all.
    submitted: bool = True


@dataclass(slots=True)
class Bar:
    y: float
    width: float
    label: str
    full: str
    value: str
    css: str


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


@dataclass(slots=True)
class Area:
    id: str
    short: str
    title: str


def _columns(frame: pl.DataFrame | None) -> set[str]:
    return set(frame.columns) if frame is not None else set()


def _about(tables: Mapping[str, pl.DataFrame]) -> dict[str, str]:
    about = tables.get("about")
    if about is None or not {"key", "value"} <= set(about.columns):
        return {}
    return {_text(k): _text(v) for k, v in about.select("key", "value").iter_rows()}


def _places(about: Mapping[str, str], criteria: CriteriaSet | None) -> int:
    if criteria is not None:
        return criteria.rounding.shown("index")
    match = re.match(r"\s*(\d)", about.get("rounding", ""))
    return int(match.group(1)) if match else 2


def _column_places(about: Mapping[str, str], criteria: CriteriaSet | None) -> Callable[[str], int] | None:
    """Places per column under a rounding policy per level, from the set or from the about sheet's
    "rounding" line ("2 places (index); items none, ..., index 2; half_up"); None for the old form."""
    if criteria is not None:
        return criteria.rounding.column_places if criteria.rounding.per_level else None
    levels = dict(re.findall(r"\b(items|areas|parts|total|index) (none|\d)\b", about.get("rounding", "")))
    if len(levels) < len(ROUNDING_LEVELS):
        return None
    mode = about.get("rounding", "").rsplit(";", 1)[-1].strip()
    try:
        policy = Rounding(
            mode=RoundingMode(mode), **{k: ("none" if v == "none" else int(v)) for k, v in levels.items()}
        )
    except ValueError:
        return None
    return policy.column_places


def _item_methods(criteria: CriteriaSet | None, lang: str) -> list[dict[str, str]]:
    """Each scored item's rule in the words of the annex (criteria.method): the sentence the
    template and ``pari explain`` print too. Empty when the set is not known."""
    if criteria is None:
        return []
    from pari_index.criteria.method import method_text, number

    return [
        {"id": leaf.id, "title": leaf.title.get(lang), "max": number(leaf.max, lang), "method": method_text(leaf, lang)}
        for leaf in resolve_leaves(criteria)
    ]


def _method_lines(about: Mapping[str, str], criteria: CriteriaSet | None, lang: str) -> list[str]:
    """The report's method notes: from the set in the report's language, else from the about sheet."""
    if criteria is not None:
        return method_lines(criteria, lang)
    keys = sorted((k for k in about if re.fullmatch(r"method_\d+", k)), key=lambda k: int(k.split("_")[1]))
    return [about[k] for k in keys if about[k]]


def _area_ids(summary: pl.DataFrame) -> list[str]:
    return [c.removeprefix("area_") for c in summary.columns if c.startswith("area_")]


def _area_maxima(
    criteria_table: pl.DataFrame | None, criteria: CriteriaSet | None, area_ids: list[str]
) -> tuple[dict[tuple[str, str], float], dict[str, float]]:
    """Each commune's maximum per area (N/A items left out) and the set's maximum per area."""
    per_commune: dict[tuple[str, str], float] = {}
    overall: dict[str, float] = {}
    cols = _columns(criteria_table)
    if criteria_table is not None and {"commune_code", "area_id"} <= cols and ({"counted_max", "max"} & cols):
        maximum = "counted_max" if "counted_max" in cols else "max"
        frame = criteria_table
        if "part" in cols:
            frame = frame.filter(pl.col("part").cast(pl.String) != "adjustment")
        sums = frame.group_by("commune_code", "area_id").agg(pl.col(maximum).cast(pl.Float64).sum())
        for code, area, total in sums.iter_rows():
            per_commune[(_text(code), _text(area))] = float(total or 0)
        widest = (
            frame.group_by("commune_code", "area_id").agg(pl.col("max").cast(pl.Float64).sum())
            if ("max" in cols)
            else sums
        )
        for area, total in widest.group_by("area_id").agg(pl.col(widest.columns[-1]).max()).iter_rows():
            overall[_text(area)] = float(total or 0)
    if criteria is not None:
        for node in criteria.areas:
            if node.part is None or node.part.value != "adjustment":
                overall[node.id] = float(node.max)
    return per_commune, {a: v for a, v in overall.items() if a in area_ids}


def _change(row: Mapping[str, Any], labels: Mapping[str, str]) -> tuple[str, str, str, str]:
    """(text, arrow, sort value, title) for the rank change; positive is up."""
    change = _num(row.get("rank_change"))
    previous = _num(row.get("previous_rank"))
    note = _text(row.get("previous_note"))
    if change is None:
        if "previous_rank" in row and previous is None and _num(row.get("rank")) is not None:
            return labels["new"], "", "", note
        return "", "", "", note
    n = int(change)
    title = f"{labels['previous_rank']}: {int(previous)}" if previous is not None else ""
    title = "; ".join(t for t in (title, note) if t)
    if n > 0:
        return str(n), "▲", str(n), f"{labels['up'].format(n=n)}. {title}".strip(". ")
    if n < 0:
        return str(-n), "▼", str(n), f"{labels['down'].format(n=-n)}. {title}".strip(". ")
    return "0", "=", "0", f"{labels['same']}. {title}".strip(". ")


def _group_key(summary: pl.DataFrame, about: Mapping[str, str]) -> str | None:
    if "group" in summary.columns:
        return "group"
    within = about.get("ranked_within", "")
    if within and within in summary.columns:
        return within
    return "district" if "district" in summary.columns else None


def _group_province(recs: Sequence[Mapping[str, Any]], label: str) -> str:
    """The province to show beside a group's heading: the one all its units share, unless the
    label already names it (``Huyện Châu Thành, Tiền Giang``)."""
    provinces = {_text(r.get("province")) for r in recs}
    if len(provinces) != 1:
        return ""
    province = provinces.pop()
    return "" if label.endswith(LABEL_SEPARATOR + province) else province


def _build(
    tables: Mapping[str, pl.DataFrame], lang: str, date: str | None, criteria: CriteriaSet | None, lazy: bool
) -> dict[str, Any]:
    about = _about(tables)
    # Headings that name the units say the set's level: "Tỉnh" / "Province" for a provincial index.
    names = unit_names(criteria) if criteria is not None else UnitNames.from_about(about)
    labels = level_labels(LABELS[lang], names, lang)
    li = 1 if lang == "en" else 0
    summary = tables["summary"]
    fmt = Formatter(lang, _places(about, criteria), _column_places(about, criteria))
    area_ids = _area_ids(summary)
    titles: dict[str, str] = {}
    leaf_titles: dict[str, str] = {}
    if criteria is not None:
        for node in criteria.areas:
            titles[node.id] = node.title.get(lang)
        for leaf in criteria.leaves():
            leaf_titles[leaf.id] = leaf.title.get(lang)
    areas = [Area(a, f"{labels['area_short']}{a}", titles.get(a, f"{labels['area']} {a}")) for a in area_ids]
    criteria_table = tables.get("criteria")
    per_commune_max, area_max = _area_maxima(criteria_table, criteria, area_ids)

    # Classes: colour and order per class name, for CSS classes and the legend.
    class_col = "class_en" if lang == "en" and "class_en" in summary.columns else "class"
    classes: dict[str, tuple[int, str | None]] = {}
    if "class" in summary.columns:
        cols = [c for c in ("class", "class_en", "class_colour", "class_order") if c in summary.columns]
        for rec in summary.select(cols).unique().iter_rows(named=True):
            name = _text(rec.get(class_col)) or _text(rec.get("class"))
            if not name:
                continue
            order = _num(rec.get("class_order"))
            colour = _colour(rec.get("class_colour"))
            known = classes.get(name)
            if known is None or (order is not None and order < known[0]):
                classes[name] = (int(order) if order is not None else 999, colour or (known[1] if known else None))
    class_list = sorted(classes.items(), key=lambda kv: (kv[1][0], _fold(kv[0]), kv[0]))
    class_css = {name: f"k{i}" for i, (name, _) in enumerate(class_list)}
    class_colours = [(class_css[name], colour or DEFAULT_COLOUR) for name, (_, colour) in class_list]

    # Items and findings per commune, read once. A lazy report packs the items later (_pack_items).
    items: dict[str, list[Item]] = {}
    item_counts: dict[str, int] = {}
    has_items = criteria_table is not None and {"commune_code", "criterion_id"} <= set(criteria_table.columns)
    if lazy and criteria_table is not None and has_items:
        counts_frame = criteria_table.group_by(pl.col("commune_code").cast(pl.String)).len()
        item_counts = {_text(code): int(n) for code, n in counts_frame.iter_rows()}
    elif criteria_table is not None and has_items:
        frame = _item_columns(criteria_table)
        statuses = {k: v[li] for k, v in STATUSES.items()}
        short = fmt.short
        for code, cid, mx, self_s, appr, final, status, expl, reason in frame.iter_rows():
            cid_text = _text(cid)
            status_text = _text(status)
            items.setdefault(_text(code), []).append(
                Item(
                    cid_text,
                    leaf_titles.get(cid_text, ""),
                    short(mx),
                    short(self_s),
                    short(appr),
                    short(final),
                    statuses.get(status_text, status_text),
                    _text(expl),
                    _text(reason),
                )
            )
    findings_by_commune: dict[str, list[Finding]] = {}
    general: list[Finding] = []
    general_total = 0
    kinds: list[dict[str, str]] = []
    findings_table = tables.get("findings")
    if findings_table is not None and findings_table.height:
        fcols = set(findings_table.columns)
        wanted = [
            "severity",
            "kind",
            "commune_code",
            "criterion_id",
            "file",
            "sheet",
            "row",
            "column",
            "message",
            "hint",
        ]
        frame = findings_table.select(pl.col(c) if c in fcols else pl.lit(None).alias(c) for c in wanted)
        for sev, kind, code, cid, file, sheet, row, column, message, hint in frame.iter_rows():
            where = " · ".join(
                t
                for t in (
                    _basename(_text(file)),
                    _text(sheet),
                    f"{_text(row)}" if row is not None else "",
                    _text(column),
                )
                if t
            )
            sev_text = _text(sev)
            finding = Finding(
                sev_text,
                SEVERITIES.get(sev_text, (sev_text, sev_text))[li],
                _text(kind),
                _text(cid),
                where,
                _text(message),
                _text(hint),
            )
            if code is not None and _text(code):
                findings_by_commune.setdefault(_text(code), []).append(finding)
            else:
                general_total += 1
                if len(general) < FINDINGS_LISTED:
                    general.append(finding)
        by_kind = (
            frame.with_columns(
                pl.col("severity").cast(pl.String).fill_null(""), pl.col("kind").cast(pl.String).fill_null("")
            )
            .group_by("severity", "kind")
            .agg(pl.len().alias("n"), pl.col("commune_code").drop_nulls().n_unique().alias("communes"))
        )
        sev_order = {"error": 0, "warning": 1, "info": 2}
        kind_rows = sorted(by_kind.iter_rows(), key=lambda r: (sev_order.get(r[0], 3), -r[2], r[1], r[0]))
        for sev, kind, n, n_communes in kind_rows:
            kinds.append(
                {
                    "severity": sev,
                    "severity_label": SEVERITIES.get(sev, (sev, sev))[li],
                    "kind": kind,
                    "count": fmt.count(int(n)),
                    "communes": fmt.count(int(n_communes)),
                }
            )

    # Groups and their communes.
    group_col = _group_key(summary, about)
    has_rank = "rank" in summary.columns
    records = summary.to_dicts()
    # Groups are told apart by their key (two Huyện Châu Thành of different provinces are two
    # groups); results written before groups had keys are told apart by province and name.
    keyed = "group_key" in summary.columns
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for rec in records:
        gname = _text(rec.get(group_col)) if group_col else ""
        group_at = ("", _text(rec.get("group_key"))) if keyed else (_text(rec.get("province")), gname)
        grouped.setdefault(group_at, []).append(rec)

    def commune_order(rec: Mapping[str, Any]) -> tuple[Any, ...]:
        ranked = rec.get("ranked") is not False
        rank = _num(rec.get("rank")) if has_rank else None
        index = _num(rec.get("index"))
        return (
            not ranked,
            rank is None,
            rank or 0.0,
            -(index or 0.0),
            _fold(_text(rec.get("name"))),
            _text(rec.get("commune_code")),
        )

    scale = float(criteria.scale) if criteria is not None else _num(about.get("scale")) or 0.0
    groups: list[Group] = []
    shown_open = 0
    heat_rows: list[dict[str, Any]] = []
    for gi, (_, recs) in enumerate(sorted(grouped.items(), key=lambda kv: (_fold(kv[0][0]), _fold(kv[0][1]), kv[0]))):
        recs.sort(key=commune_order)
        gname = _text(recs[0].get(group_col)) if group_col else ""
        province = _group_province(recs, gname)
        widest = max([_num(r.get("total_points")) or 0.0 for r in recs] + [scale, 1e-9])
        communes: list[Commune] = []
        bars: list[Bar] = []
        area_share: dict[str, list[float]] = {a: [] for a in area_ids}
        for rec in recs:
            code = _text(rec.get("commune_code"))
            name = _text(rec.get("name"))
            ranked = rec.get("ranked") is not False
            rank = _num(rec.get("rank"))
            size = _num(rec.get("group_size"))
            tied = bool(rec.get("tied"))
            if ranked and rank is not None:
                rank_text = f"{int(rank)}" + (f"/{int(size)}" if size is not None else "")
            else:
                rank_text = "–"
            change, arrow, change_sort, change_title = _change(rec, labels)
            cname = _text(rec.get(class_col)) or _text(rec.get("class"))
            total = _num(rec.get("total_points"))
            cells: list[AreaCell] = []
            for a in area_ids:
                pts = _num(rec.get(f"area_{a}"))
                mx = per_commune_max.get((code, a), area_max.get(a))
                heat = _heat(pts, mx)
                if pts is not None and mx:
                    area_share[a].append(pts / mx)
                arank = _num(rec.get(f"rank_area_{a}"))
                cells.append(
                    AreaCell(fmt.column(pts, f"area_{a}"), heat, _sort_value(pts), str(int(arank)) if arank else "")
                )
            facts: list[tuple[str, str]] = []
            for key in ("appraised_points", "survey_points", "adjustment_points", "total_points", "applicable_max"):
                if key in rec and _num(rec.get(key)) is not None:
                    facts.append((labels["total" if key == "total_points" else key], fmt.column(rec.get(key), key)))
            if _num(rec.get("index")) is not None:
                facts.append((labels["index"], fmt.column(rec.get("index"), "index")))
            if rank is not None and ranked:
                facts.append((labels["rank"], rank_text + (f" ({labels['tied']})" if tied else "")))
            elif not ranked:
                facts.append((labels["rank"], labels["not_ranked"]))
            submitted = rec.get("submitted") is not False
            if not submitted:
                facts.append(("", labels["not_submitted"]))
            if _num(rec.get("previous_rank")) is not None:
                facts.append((labels["previous_rank"], str(int(_num(rec.get("previous_rank")) or 0))))
            if _num(rec.get("index_change")) is not None:
                facts.append((labels["index_change"], fmt.column(rec.get("index_change"), "index_change")))
            if _text(rec.get("previous_note")):
                facts.append((labels["previous_note"], _text(rec.get("previous_note"))))
            gap = _num(rec.get("gap_to_next_class"))
            nxt = _text(rec.get("next_class"))
            if gap is not None and nxt:
                facts.append(("", labels["gap"].format(gap=fmt.column(gap, "gap_to_next_class"), cls=nxt)))
            if _text(rec.get("top_lost")):
                facts.append((labels["top_lost"], _text(rec.get("top_lost"))))
            area_ranks = [f"{ar.short} {c.rank}" for ar, c in zip(areas, cells, strict=True) if c.rank]
            if area_ranks:
                facts.append((labels["area_ranks"], " · ".join(area_ranks)))
            utype = _text(rec.get("unit_type"))
            css = class_css.get(cname, "")
            commune = Commune(
                anchor=f"g{gi + 1}-{len(communes) + 1}",
                code=code,
                name=name,
                type=UNIT_TYPES.get(utype, (utype, utype))[li],
                query=f"{name} {code} {gname}",
                ranked=ranked,
                rank=rank_text,
                rank_sort=_sort_value(rank if ranked else None),
                tied=tied,
                change=change,
                change_arrow=arrow,
                change_sort=change_sort,
                change_title=change_title,
                total=fmt.column(total, "total_points"),
                total_value=total or 0.0,
                total_sort=_sort_value(total),
                index=fmt.column(rec.get("index"), "index"),
                index_sort=_sort_value(rec.get("index")),
                class_name=cname,
                class_sort=str(classes.get(cname, (999, None))[0]) if cname else "",
                class_css=css,
                areas=cells,
                facts=facts,
                n_items=item_counts.get(code, 0) if lazy else len(items.get(code, [])),
                items=items.get(code, []),
                findings=findings_by_commune.get(code, []),
                submitted=submitted,
            )
            communes.append(commune)
            bar_label = _isolate(name if len(name) <= 26 else name[:25] + "…")
            bars.append(
                Bar(
                    y=len(bars) * 22.0,
                    width=round(max(total or 0.0, 0.0) / widest * 360.0, 2),
                    label=bar_label,
                    full=f"{_isolate(name)} ({_isolate(code)}): {fmt.column(total, 'total_points')}",
                    value=fmt.column(total, "total_points"),
                    css=css or "k-none",
                )
            )
        indices = [x for x in (_num(r.get("index")) for r in recs) if x is not None]
        mean_index = fmt.column(sum(indices) / len(indices), "index") if indices else "–"
        heat_cells: list[tuple[str, str]] = []
        for a in area_ids:
            shares = area_share[a]
            if shares:
                mean = sum(shares) / len(shares)
                heat_cells.append((fmt.fixed(mean * 100, 1), _heat(mean, 1.0)))
            else:
                heat_cells.append(("–", ""))
        is_open = not groups or shown_open + len(recs) <= OPEN_COMMUNES
        if is_open:
            shown_open += len(recs)
        group = Group(
            anchor=f"g{gi + 1}",
            name=gname or province or labels["communes"],
            province=province,
            size=labels["group_size"].format(n=fmt.count(len(recs))),
            open=is_open,
            communes=communes,
            bars=bars,
            chart_height=len(bars) * 22.0 + 4,
            heat=heat_cells,
            mean_index=mean_index,
            names="\n".join(c.query for c in communes),
            codes=[c.code for c in communes],
        )
        groups.append(group)
        heat_rows.append({"group": group, "cells": heat_cells})

    class_counts: list[tuple[str, str, str]] = []
    if "class" in summary.columns:
        counts: dict[str, int] = {}
        for rec in records:
            cname = _text(rec.get(class_col)) or _text(rec.get("class"))
            if cname:
                counts[cname] = counts.get(cname, 0) + 1
        class_counts = [
            (name, class_css[name], fmt.count(counts.get(name, 0))) for name, _ in class_list if name in counts
        ]

    within = about.get("ranked_within", "")
    within_label = labels.get(f"within_{within}", within)
    title = (
        about.get("criteria_title_en")
        if lang == "en" and about.get("criteria_title_en")
        else about.get("criteria_title", "")
    )
    if criteria is not None:
        title = criteria.title.get(lang)
    decision, decision_date = about.get("decision", ""), about.get("decision_date", "")
    if criteria is not None:
        decision = criteria.decision.number if criteria.decision is not None else ""
        decision_date = criteria.decision.date.isoformat() if criteria.decision is not None else ""
    source = (criteria.source or "") if criteria is not None else about.get("source", "")
    # The year scored (pari score --year) is the about sheet's; the set's own year is its default.
    year = about.get("year", "") or (str(criteria.year) if criteria is not None and criteria.year else "")
    province = criteria.province if criteria is not None else about.get("province", "")
    return {
        "L": labels,
        "lang": lang,
        # The completeness banner (rows rejected, files left out, no survey, communes that sent
        # nothing), from the about sheet's counts, in the report's language.
        "notices": notices(about, lang),
        "method": _method_lines(about, criteria, lang),
        "item_methods": _item_methods(criteria, lang),
        "title": title,
        "decision": decision,
        "decision_date": _display_date(decision_date, lang),
        "source": source,
        "year": year,
        "province": province,
        "date": _display_date(date, lang) if date else "",
        "within": within_label,
        "total_communes": fmt.count(len(records)),
        "group_count": fmt.count(len(groups)),
        "groups": groups,
        "areas": areas,
        "heat_buckets": [(css, text) for _, css, text in HEAT_BUCKETS],
        "heat_rows": heat_rows,
        "class_counts": class_counts,
        "class_colours": class_colours,
        "kinds": kinds,
        "general": general,
        "general_more": labels["findings_more"].format(n=fmt.count(general_total - len(general)))
        if general_total > len(general)
        else "",
        "scale": fmt.short(scale) if scale else "",
        "has_change": any(c.change for g in groups for c in g.communes),
        "has_class": bool(class_list),
        "leaf_titles": leaf_titles,
        "places": fmt.places,
    }


def _display_date(value: str | None, lang: str) -> str:
    """ISO dates as people write them: 15/01/2024 in Vietnamese, 15 Jan 2024 in English."""
    if not value:
        return ""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not match:
        return value
    y, m, d = match.groups()
    if lang == "en":
        months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
        return f"{int(d)} {months[int(m) - 1]} {y}" if 1 <= int(m) <= 12 else value
    return f"{d}/{m}/{y}"


# --- rendering --------------------------------------------------------------------------------


# --- large reports: packed groups -------------------------------------------------------------

#: The columns of a packed item row, in order; each value is an index into the string table.
ITEM_COLUMNS = ("criterion", "title", "max", "self", "appraised", "final", "status", "explanation", "reason")


def _pack(text: str) -> Markup:
    """gzip (no timestamp: same bytes every time) and base64: only ``A-Za-z0-9+/=`` in the page."""
    return Markup(base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)).decode("ascii"))


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _pack_items(
    criteria_table: pl.DataFrame | None, view: Mapping[str, Any]
) -> tuple[list[str], dict[tuple[int, int], str]]:
    """The report's string table, and per (group, commune position) its item rows as JSON arrays.

    Every item value (criterion, title, the formatted points, status, explanation, reason) becomes
    an index into one table of distinct strings, so a repeated explanation is stored once. The
    values are formatted per distinct value (not per row) and the rows are written by polars.
    """
    strings: dict[str, int] = {"": 0}
    if criteria_table is None or not {"commune_code", "criterion_id"} <= set(criteria_table.columns):
        return list(strings), {}
    lang = view["lang"]
    li = 1 if lang == "en" else 0
    fmt = Formatter(lang, view["places"])
    statuses = {k: v[li] for k, v in STATUSES.items()}
    leaf_titles: Mapping[str, str] = view["leaf_titles"]
    frame = _item_columns(criteria_table)

    def encode(column: str, text_of: Callable[[Any], str]) -> pl.Series:
        series = frame[column]
        if series.dtype.is_float():
            series = series.fill_nan(None)
        distinct = series.drop_nulls().unique(maintain_order=True)
        missing = strings.setdefault(text_of(None), len(strings))
        if distinct.len() == 0:
            return pl.repeat(missing, frame.height, dtype=pl.UInt32, eager=True)
        index = [strings.setdefault(text_of(v), len(strings)) for v in distinct.to_list()]
        return series.replace_strict(distinct, pl.Series(index, dtype=pl.UInt32), default=missing).fill_null(missing)

    def status_text(value: Any) -> str:
        text = _text(value)
        return statuses.get(text, text)

    encoded = [
        encode("criterion_id", _text),
        encode("criterion_id", lambda v: leaf_titles.get(_text(v), "")),
        encode("max", fmt.short),
        encode("self_score", fmt.short),
        encode("appraised_score", fmt.short),
        encode("final_score", fmt.short),
        encode("status", status_text),
        encode("explanation", _text),
        encode("appraisal_reason", _text),
    ]
    cells = pl.DataFrame([s.alias(f"c{k}") for k, s in enumerate(encoded)]).with_columns(
        frame["commune_code"].cast(pl.String).fill_null("").alias("code"), pl.int_range(pl.len()).alias("row")
    )
    groups: list[Group] = view["groups"]
    where = pl.DataFrame(
        {
            "code": [code for g in groups for code in g.codes],
            "g": [gi for gi, g in enumerate(groups) for _ in g.codes],
            "p": [p for g in groups for p in range(len(g.codes))],
        },
        schema={"code": pl.String, "g": pl.Int64, "p": pl.Int64},
    )
    pattern = "[" + ",".join("{}" for _ in ITEM_COLUMNS) + "]"
    rows = (
        where.join(cells, on="code", how="inner")
        .sort("g", "p", "row")
        .select("g", "p", format_text(pattern, *[f"c{k}" for k in range(len(ITEM_COLUMNS))]).alias("r"))
        .group_by("g", "p", maintain_order=True)
        .agg(pl.col("r").str.join(","))
    )
    return list(strings), {(g, p): r for g, p, r in rows.iter_rows()}


def _pack_groups(env: jinja2.Environment, view: dict[str, Any], criteria_table: pl.DataFrame | None) -> Markup:
    """Render each group's body without its item rows and pack it with those rows (JSON, gzip,
    base64) into ``group.packed``; returns the packed string table."""
    strings, rows = _pack_items(criteria_table, view)
    body = env.get_template("_group_body.html.j2")
    groups: list[Group] = view["groups"]
    # zlib lets go of the GIL while compressing: groups are packed while the next ones are rendered.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        futures = []
        for gi, group in enumerate(groups):
            markup = body.render(view, group=group)
            items = ",".join("[" + rows.get((gi, p), "") + "]" for p in range(len(group.codes)))
            futures.append(pool.submit(_pack, '{"b":' + _json(markup) + ',"i":[' + items + "]}"))
        for group, future in zip(groups, futures, strict=True):
            group.packed = future.result()
    return _pack(_json({"c": ITEM_COLUMNS, "s": strings}))


def render_report(
    tables: Mapping[str, pl.DataFrame],
    *,
    lang: str = "vi",
    date: str | None = None,
    criteria: CriteriaSet | None = None,
    lazy_details: bool | None = None,
) -> str:
    """The report as one HTML document (a string); ``date`` is printed when given (no clock).

    ``lazy_details``: pack each group's body (ranking, chart, details) and item rows, to be unpacked
    when the group is opened (needs the script). ``None`` decides by size (:data:`LAZY_ITEMS`,
    :data:`LAZY_COMMUNES`).
    """
    if lang not in LABELS:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(sorted(LABELS))}")
    if "summary" not in tables:
        raise ValueError("the tables have no summary")
    env = _environment()
    if lazy_details is None:
        criteria_table = tables.get("criteria")
        items = criteria_table.height if criteria_table is not None else 0
        lazy_details = items > LAZY_ITEMS or tables["summary"].height > LAZY_COMMUNES
    view = _build(tables, lang, date, criteria, lazy_details)
    view["lazy"] = lazy_details
    if lazy_details:
        view["strings_packed"] = _pack_groups(env, view, tables.get("criteria"))
    # The stylesheet and the script are ours (class colours are checked to be #rrggbb); they are
    # marked safe so that CSS selectors such as ">" survive, and pinned by hash in the CSP.
    css = env.get_template("report.css.j2").render(colours=view["class_colours"], banner=bool(view["notices"]))
    js = env.get_template("report.js.j2").render()
    view["css"] = Markup(css)
    view["js"] = Markup(js)
    view["labels_json"] = _safe_json({k: v for k, v in view["L"].items() if k.startswith("filter") or k == "reason"})
    view["csp"] = (
        f"default-src 'none'; script-src '{_csp_hash(js)}'; style-src '{_csp_hash(css)}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return env.get_template("report.html.j2").render(**view)


def write_report(path: str | Path, tables: Mapping[str, pl.DataFrame], **kw: Any) -> Path:
    """Render the report and write it atomically; returns the path written."""
    target = Path(path)
    write_text(target, render_report(tables, **kw))
    return target
