"""``pari template``: a fill-in self-assessment workbook generated from a criteria set.

One row per commune and input, in the long form that ``pari score`` reads back unchanged. Each
input cell carries Excel data validation for its type (có/không lists, level lists, whole numbers,
percentages from 0 to 100, dates), and the self-score cell accepts only points between the item's
floor and maximum. A sheet named "Hướng dẫn" explains the form; intake never reads that sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pari_index.criteria.method import method_text
from pari_index.criteria.model import CriteriaSet, Leaf, NotApplicable, Part, resolve_leaves
from pari_index.criteria.rules import Choice, InputType
from pari_index.intake.register import Register
from pari_index.outputs.files import xlsx_workbook

INSTRUCTIONS_SHEET = "Hướng dẫn"
FORM_SHEET = "Tự đánh giá"

COLUMNS = [
    ("commune_code", "Mã đơn vị", 12),
    ("commune_name", "Tên đơn vị", 22),
    ("criterion_id", "Tiêu chí", 9),
    ("criterion", "Nội dung", 48),
    ("max_points", "Điểm tối đa", 9),
    ("input", "Đầu vào", 14),
    ("input_label", "Nội dung đầu vào", 32),
    ("allowed", "Giá trị hợp lệ", 26),
    ("value", "Giá trị", 14),
    ("self_score", "Điểm tự đánh giá", 11),
    ("evidence_number", "Số văn bản", 16),
    ("evidence_date", "Ngày văn bản", 12),
    ("evidence_file", "Tệp minh chứng", 22),
    ("explanation", "Giải trình", 26),
    ("n/a", "Không áp dụng", 10),
    ("guidance", "Hướng dẫn", 40),
]

_ALLOWED = {
    InputType.boolean: "có / không",
    InputType.count: "số nguyên ≥ 0",
    InputType.number: "số ≥ 0 (dấu phẩy thập phân)",
    InputType.percent: "0 – 100 (%)",
    InputType.date: "ngày (dd/mm/yyyy)",
    InputType.status: "đúng hạn / trễ hạn / không thực hiện",
}


def _level_words(leaf: Leaf) -> list[str]:
    assert isinstance(leaf.rule, Choice)
    return [level.label or level.value for level in leaf.rule.levels]


def _validation(leaf: Leaf, input_name: str) -> dict[str, Any] | None:
    spec = leaf.inputs[input_name]
    match spec.type:
        case InputType.boolean:
            return {"validate": "list", "source": ["có", "không"]}
        case InputType.status:
            return {"validate": "list", "source": ["đúng hạn", "trễ hạn", "không thực hiện"]}
        case InputType.level:
            words = _level_words(leaf)
            if sum(len(w) + 1 for w in words) < 250:
                return {"validate": "list", "source": words}
            return None
        case InputType.count:
            return {"validate": "integer", "criteria": ">=", "value": 0, "error_message": "Nhập số nguyên không âm"}
        case InputType.percent:
            return {
                "validate": "decimal",
                "criteria": "between",
                "minimum": 0,
                "maximum": 100,
                "error_message": "Nhập tỷ lệ từ 0 đến 100",
            }
        case InputType.number:
            return {"validate": "decimal", "criteria": ">=", "value": 0, "error_message": "Nhập số không âm"}
        case InputType.date:
            import datetime as dt

            return {
                "validate": "date",
                "criteria": "between",
                "minimum": dt.date(2000, 1, 1),
                "maximum": dt.date(2100, 12, 31),
                "error_message": "Nhập ngày dd/mm/yyyy",
            }
    return None


def template_rows(criteria: CriteriaSet) -> list[tuple[Leaf, str, bool]]:
    """(leaf, input name, first input of its leaf) for every input a commune fills in."""
    rows: list[tuple[Leaf, str, bool]] = []
    for leaf in resolve_leaves(criteria):
        if leaf.part is Part.survey:
            continue  # survey results come from the survey file, not from the commune
        for i, name in enumerate(leaf.inputs):
            rows.append((leaf, name, i == 0))
    return rows


@dataclass(frozen=True)
class _Formats:
    """The workbook's cell formats (xlsxwriter objects): column heads, given text, yellow cells to
    fill (plain and dates), grey cells not to fill, and codes kept as text."""

    head: Any
    given: Any
    fill: Any
    date_fill: Any
    blocked: Any
    text: Any


def _add_formats(wb: Any) -> _Formats:
    head = wb.add_format(
        {
            "bold": True,
            "bg_color": "#1f4e79",
            "font_color": "#ffffff",
            "text_wrap": True,
            "valign": "top",
            "border": 1,
        }
    )
    given = wb.add_format({"bg_color": "#f2f2f2", "text_wrap": True, "valign": "top"})
    fill = wb.add_format({"bg_color": "#fff2cc", "border": 1})
    date_fill = wb.add_format({"bg_color": "#fff2cc", "border": 1, "num_format": "dd/mm/yyyy"})
    blocked = wb.add_format({"bg_color": "#d9d9d9"})
    text = wb.add_format({"num_format": "@", "bg_color": "#f2f2f2"})
    return _Formats(head, given, fill, date_fill, blocked, text)


def _write_instructions(wb: Any, criteria: CriteriaSet) -> None:
    """The "Hướng dẫn" sheet: which set the form is for, and how to fill it in."""
    guide = wb.add_worksheet(INSTRUCTIONS_SHEET)
    guide.set_column(0, 0, 110)
    lines = [
        f"{criteria.title.vi}",
        (
            f"{criteria.decision.number} ngày {criteria.decision.date:%d/%m/%Y} — {criteria.issuer}"
            if criteria.decision is not None
            else f"{criteria.source} — {criteria.issuer}"
        ),
        "",
        "Cách điền: mỗi dòng của trang «Tự đánh giá» là một đầu vào của một tiêu chí.",
        "• Điền cột «Giá trị» (ô màu vàng) theo loại dữ liệu ghi ở cột «Giá trị hợp lệ».",
        "• Điểm tự đánh giá, số/ngày văn bản và tệp minh chứng ghi ở dòng đầu tiên của mỗi tiêu chí.",
        "• Thiếu minh chứng thì ghi «Giải trình»; Hội đồng thẩm định quyết định chấp nhận hay không.",
        "• Số thập phân dùng dấu phẩy (7,5); ngày ghi dd/mm/yyyy; không xoá hay đổi tên cột.",
        "• Mã đơn vị là văn bản: giữ nguyên các số 0 ở đầu.",
        "Nộp tệp này cho cơ quan tổng hợp; kiểm tra bằng: pari score <tệp> --communes <danh sách đơn vị>",
        "",
        "This sheet is never read by pari-index. Fill the yellow cells of the «Tự đánh giá» sheet.",
    ]
    for i, line in enumerate(lines):
        guide.write(i, 0, line)


#: Column number of each column of the form.
_COL = {name: i for i, (name, _, _) in enumerate(COLUMNS)}


def write_template(criteria: CriteriaSet, path: str | Path, register: Register | None = None) -> int:
    """Write the form; returns the number of input rows written."""

    communes: list[tuple[str, str]] = [("", "")]
    if register is not None:
        communes = [(r["code"], r["name"]) for r in register.frame.select("code", "name").iter_rows(named=True)]
    rows = template_rows(criteria)
    count = 0
    with xlsx_workbook(Path(path), {"strings_to_formulas": False}) as wb:
        fmt = _add_formats(wb)
        _write_instructions(wb, criteria)
        ws = wb.add_worksheet(FORM_SHEET)
        for c, (name, label, width) in enumerate(COLUMNS):
            ws.write(0, c, name, fmt.head)
            ws.set_column(c, c, width)
            ws.write_comment(0, c, label)
        ws.freeze_panes(1, 4)
        r = 1
        for code, name in communes:
            for leaf, input_name, first in rows:
                _write_input_row(ws, r, fmt, (code, name), leaf, input_name, first)
                r += 1
                count += 1
        ws.autofilter(0, 0, max(r - 1, 1), len(COLUMNS) - 1)
    return count


def _write_input_row(
    ws: Any, r: int, fmt: _Formats, commune: tuple[str, str], leaf: Leaf, input_name: str, first: bool
) -> None:
    """Row ``r`` of the form: one input of one item for one commune. The item's own cells
    (self-score, evidence, n/a) are open on its first input's row only."""
    code, name = commune
    spec = leaf.inputs[input_name]
    ws.write_string(r, _COL["commune_code"], code, fmt.text)
    ws.write_string(r, _COL["commune_name"], name, fmt.given)
    ws.write_string(r, _COL["criterion_id"], leaf.id, fmt.text)
    ws.write_string(r, _COL["criterion"], leaf.title.vi, fmt.given)
    ws.write_number(r, _COL["max_points"], float(leaf.max), fmt.given)
    ws.write_string(r, _COL["input"], input_name, fmt.text)
    ws.write_string(r, _COL["input_label"], spec.label or input_name, fmt.given)
    allowed = ", ".join(_level_words(leaf)) if spec.type is InputType.level else _ALLOWED.get(spec.type, "")
    ws.write_string(r, _COL["allowed"], allowed, fmt.given)
    ws.write_blank(r, _COL["value"], None, fmt.date_fill if spec.type is InputType.date else fmt.fill)
    rule = _validation(leaf, input_name)
    if rule:
        ws.data_validation(r, _COL["value"], r, _COL["value"], rule)
    if first:
        _write_item_cells(ws, r, fmt, leaf)
    else:
        for meta in ("self_score", "evidence_number", "evidence_date", "evidence_file", "explanation", "n/a"):
            ws.write_blank(r, _COL[meta], None, fmt.blocked)
    ws.write_string(r, _COL["guidance"], _guidance(leaf, first), fmt.given)


def _write_item_cells(ws: Any, r: int, fmt: _Formats, leaf: Leaf) -> None:
    """The item's self-score (validated between its floor and maximum), evidence, explanation and
    n/a cells; n/a is grey when the item does not allow it."""
    ws.write_blank(r, _COL["self_score"], None, fmt.fill)
    ws.data_validation(
        r,
        _COL["self_score"],
        r,
        _COL["self_score"],
        {
            "validate": "decimal",
            "criteria": "between",
            "minimum": float(leaf.floor),
            "maximum": float(leaf.max),
            "error_message": f"Điểm từ {leaf.floor} đến {leaf.max}",
        },
    )
    for meta in ("evidence_number", "evidence_file", "explanation"):
        ws.write_blank(r, _COL[meta], None, fmt.fill if leaf.evidence or meta == "explanation" else fmt.given)
    ws.write_blank(r, _COL["evidence_date"], None, fmt.date_fill)
    if leaf.not_applicable is not NotApplicable.not_allowed:
        ws.write_blank(r, _COL["n/a"], None, fmt.fill)
        ws.data_validation(r, _COL["n/a"], r, _COL["n/a"], {"validate": "list", "source": ["có", "không"]})
    else:
        ws.write_blank(r, _COL["n/a"], None, fmt.blocked)


def _guidance(leaf: Leaf, first: bool) -> str:
    """The guidance cell: on an item's first row the method sentence (the same as the annex's,
    pari explain's and the report's) and the evidence documents, around the item's own guidance."""
    guidance = leaf.guidance or ""
    if first:
        guidance = f"Cách chấm: {method_text(leaf, 'vi')}" + (f"\n{guidance}" if guidance else "")
    if first and leaf.evidence:
        docs = "; ".join(e.label for e in leaf.evidence)
        guidance = (guidance + " " if guidance else "") + f"Minh chứng: {docs}."
    return guidance
