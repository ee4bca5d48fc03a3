"""``pari template``: a fill-in self-assessment workbook generated from a criteria set.

One row per unit and input, in the long form that ``pari score`` reads back unchanged, in one
language (``lang``: headings, guidance, answers and messages; the criteria set's own texts in that
language where the set gives them). Each input cell carries Excel data validation for its type
(có/không lists, level lists, whole numbers, percentages from 0 to 100, dates), and the self-score
cell accepts only points between the item's floor and maximum. Each item's first row names the
evidence it requires.

An item that does not apply to a unit's type (its ``applies_to``) keeps its rows, greyed and
locked (the sheet is protected, without a password: it guards against slips, not people), with
"không áp dụng cho phường" in the applicability column. When a unit's type is not known (no
register, or a type the register does not name) each row says which types the item applies to;
intake warns about a value given for an item its unit's type is not scored on
(intake.assessments.wrong_unit_findings). A sheet of instructions explains the form; intake never
reads that sheet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pari_index.criteria.method import input_label, method_text, number
from pari_index.criteria.model import CriteriaSet, Leaf, NotApplicable, Part, UnitType, resolve_leaves
from pari_index.criteria.rules import Choice, InputType
from pari_index.intake.register import Register
from pari_index.outputs.files import xlsx_workbook
from pari_index.outputs.template_labels import (
    ALLOWED,
    APPLIES,
    COLUMNS,
    DECISION_LINE,
    EVIDENCE,
    HOW_SCORED,
    INSTRUCTIONS,
    INVALID,
    SHEETS,
    STATUS,
    UNIT_WORDS,
    YES_NO,
    heading,
)
from pari_index.system.limits import check_template_size

#: The sheets of the Vietnamese form (the default); SHEETS has both languages.
INSTRUCTIONS_SHEET = SHEETS["instructions"]["vi"]
FORM_SHEET = SHEETS["form"]["vi"]

#: Column number of each column of the form, by its key.
_COL = {key: i for i, (key, _, _, _) in enumerate(COLUMNS)}

#: The item's own cells: open on its first input's row only.
_ITEM_CELLS = ("self_score", "evidence_number", "evidence_date", "evidence_file", "explanation", "n/a")


def _level_words(leaf: Leaf, lang: str) -> list[str]:
    """A choice's levels as the form in ``lang`` offers them: the English label in English when
    the set gives one (intake reads it as well as the value and the Vietnamese label), else the
    label, else the value."""
    assert isinstance(leaf.rule, Choice)
    return [(level.label_en if lang == "en" else None) or level.label or level.value for level in leaf.rule.levels]


def allowed_levels(leaf: Leaf, lang: str = "vi") -> str:
    """A choice's levels as the form's «Giá trị hợp lệ» cell says them: " / " between them, as
    between the answers of yes/no and of a deadline ("đúng hạn / trễ hạn / không thực hiện"); a
    level holds commas ("Đạt chuẩn, trang thiết bị hiện đại"), so a comma between them made three
    levels read as five. "; " when a level itself holds " / "."""
    words = _level_words(leaf, lang)
    return ("; " if any(" / " in w for w in words) else " / ").join(words)


def _validation(leaf: Leaf, input_name: str, lang: str) -> dict[str, Any] | None:
    """Excel data validation of one input's value cell, with its message in ``lang``."""
    spec = leaf.inputs[input_name]
    invalid = INVALID[lang]
    rule: dict[str, Any]
    match spec.type:
        case InputType.boolean:
            rule = {"validate": "list", "source": YES_NO[lang], "error_message": invalid["list"]}
        case InputType.status:
            rule = {"validate": "list", "source": STATUS[lang], "error_message": invalid["list"]}
        case InputType.level:
            words = _level_words(leaf, lang)
            if sum(len(w) + 1 for w in words) >= 250:
                return None  # Excel's limit on a list written in the rule itself
            if any("," in w or '"' in w for w in words):
                # Excel splits a list written in the rule at every comma: "Đạt chuẩn, trang thiết bị
                # hiện đại" became two choices, and the level itself was refused when typed.
                return None
            rule = {"validate": "list", "source": words, "error_message": invalid["list"]}
        case InputType.count:
            rule = {"validate": "integer", "criteria": ">=", "value": 0}
        case InputType.percent:
            rule = {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100}
        case InputType.number:
            rule = {"validate": "decimal", "criteria": ">=", "value": 0}
        case InputType.date:
            low, high = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
            rule = {"validate": "date", "criteria": "between", "minimum": low, "maximum": high}
        case _:
            return None
    rule.setdefault("error_message", invalid.get(spec.type, invalid["list"]))
    return rule


def template_rows(criteria: CriteriaSet) -> list[tuple[Leaf, str, bool]]:
    """(leaf, input name, first input of its leaf) for every input a unit fills in."""
    rows: list[tuple[Leaf, str, bool]] = []
    for leaf in resolve_leaves(criteria):
        if leaf.part is Part.survey:
            continue  # survey results come from the survey file, not from the unit
        for i, name in enumerate(leaf.inputs):
            rows.append((leaf, name, i == 0))
    return rows


def applies_text(leaf: Leaf, unit_type: UnitType | None, lang: str) -> str:
    """The applicability cell: "Mọi đơn vị", "Chỉ phường, thị trấn", or "Không áp dụng cho xã"
    when the unit's type is known and the item does not apply to it."""
    words = APPLIES[lang]
    if leaf.applies_to is None:
        return words["all"]
    if unit_type is not None and unit_type not in leaf.applies_to:
        return words["not"].format(unit=UNIT_WORDS[lang][unit_type])
    return words["only"].format(units=", ".join(UNIT_WORDS[lang][u] for u in UnitType if u in leaf.applies_to))


def applies(leaf: Leaf, unit_type: UnitType | None) -> bool:
    """False only when the unit's type is known and the item is not scored for it."""
    return leaf.applies_to is None or unit_type is None or unit_type in leaf.applies_to


def evidence_text(leaf: Leaf, lang: str) -> str:
    """The evidence an item requires, one document a line with the fields to give about it, and
    what happens when it is missing; "Không yêu cầu" when it requires none."""
    words = EVIDENCE[lang]
    if not leaf.evidence:
        return words["none"]
    # A document the set names in Vietnamese only is marked as such in English.
    lines = [f"{e.shown(lang)}: {', '.join(words[f] for f in e.requires)}" for e in leaf.evidence]
    return "\n".join([*lines, words[leaf.missing_evidence]])


def guidance_text(leaf: Leaf, lang: str) -> str:
    """The guidance cell of an item's first row: the method sentence (the same as the annex's,
    pari explain's and the report's). The set's own ``guidance`` note is not shown: it is one
    text in no declared language (English notes in the bundled sets)."""
    return HOW_SCORED[lang] + method_text(leaf, lang)


@dataclass(frozen=True)
class _Formats:
    """The workbook's cell formats (xlsxwriter objects): column heads, given text, yellow cells to
    fill and white cells that may be filled (plain and dates), grey cells not to fill, codes kept
    as text, and the darker grey locked cells of an item that does not apply."""

    head: Any
    given: Any
    fill: Any
    date_fill: Any
    optional: Any
    optional_date: Any
    blocked: Any
    text: Any
    off: Any
    off_text: Any


def _add_formats(wb: Any) -> _Formats:
    head = {"bold": True, "bg_color": "#1f4e79", "font_color": "#ffffff", "text_wrap": True, "valign": "top"}
    given = {"bg_color": "#f2f2f2", "text_wrap": True, "valign": "top"}
    fill = {"bg_color": "#fff2cc", "border": 1, "locked": False, "valign": "top"}
    off = {"bg_color": "#bfbfbf", "font_color": "#595959", "text_wrap": True, "valign": "top"}
    return _Formats(
        head=wb.add_format({**head, "border": 1}),
        given=wb.add_format(given),
        fill=wb.add_format(fill),
        date_fill=wb.add_format({**fill, "num_format": "dd/mm/yyyy"}),
        optional=wb.add_format({**fill, "bg_color": "#ffffff"}),
        optional_date=wb.add_format({**fill, "bg_color": "#ffffff", "num_format": "dd/mm/yyyy"}),
        blocked=wb.add_format({"bg_color": "#d9d9d9"}),
        text=wb.add_format({**given, "num_format": "@"}),
        off=wb.add_format(off),
        off_text=wb.add_format({**off, "num_format": "@"}),
    )


def _write_instructions(wb: Any, criteria: CriteriaSet, lang: str) -> None:
    """The instructions sheet: which set the form is for, and how to fill it in."""
    guide = wb.add_worksheet(SHEETS["instructions"][lang])
    guide.set_column(0, 0, 110)
    decision = criteria.decision
    issuer = criteria.issuer_shown(lang)
    origin = (
        DECISION_LINE[lang].format(number=decision.number, date=f"{decision.date:%d/%m/%Y}", issuer=issuer)
        if decision is not None
        else f"{criteria.source} — {issuer}"
    )
    names = {
        "form": SHEETS["form"][lang],
        **{key: heading(key, lang) for key in ("value", "allowed", "explanation")},
        "evidence": heading("evidence_required", lang),
        "applies": heading("applies_to", lang),
    }
    lines = [criteria.title.shown(lang), origin, "", *(line.format(**names) for line in INSTRUCTIONS[lang])]
    for i, line in enumerate(lines):
        guide.write_string(i, 0, line)


def write_template(
    criteria: CriteriaSet,
    path: str | Path,
    register: Register | None = None,
    *,
    lang: str = "vi",
    unit_type: UnitType | None = None,
) -> int:
    """Write the form in ``lang`` ("vi" or "en"); returns the number of input rows written.

    With a register, one block of rows per unit, each for the unit's own type; without one, a
    single block with an empty code, for ``unit_type`` when given (else for any type)."""
    if lang not in SHEETS["form"]:
        raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
    units: list[tuple[str, str, UnitType | None]] = [("", "", unit_type)]
    if register is not None:
        frame = register.frame.select("code", "name", "unit_type")
        units = [(code, name, None if kind is None else UnitType(kind)) for code, name, kind in frame.iter_rows()]
    rows = template_rows(criteria)
    check_template_size(len(units), len(rows), register.source if register is not None else None)
    count = 0
    with xlsx_workbook(Path(path), {"strings_to_formulas": False}) as wb:
        fmt = _add_formats(wb)
        _write_instructions(wb, criteria, lang)
        ws = wb.add_worksheet(SHEETS["form"][lang])
        for c, (key, width, head, note) in enumerate(COLUMNS):
            ws.write_string(0, c, head[lang], fmt.head)
            # The input's name is the key intake reads the row back by; people read its label.
            ws.set_column(c, c, width, None, {"hidden": key == "input"})
            ws.write_comment(0, c, note[lang], {"x_scale": 2})
        ws.freeze_panes(1, 4)
        r = 1
        for unit in units:
            for leaf, input_name, first in rows:
                _write_input_row(ws, r, fmt, unit, (leaf, input_name, first), lang)
                r += 1
                count += 1
        ws.autofilter(0, 0, max(r - 1, 1), len(COLUMNS) - 1)
        # Locked: the given columns and the rows of items that do not apply. No password: the
        # protection prevents slips, and a filled form must stay editable by whoever needs to.
        ws.protect("", {"autofilter": True, "format_columns": True, "format_rows": True})
    return count


def _write_input_row(
    ws: Any,
    r: int,
    fmt: _Formats,
    unit: tuple[str, str, UnitType | None],
    item: tuple[Leaf, str, bool],
    lang: str,
) -> None:
    """Row ``r`` of the form: one input of one item for one unit. The item's own cells
    (self-score, evidence, n/a) are open on its first input's row only; every cell of an item
    that does not apply to the unit's type is grey and locked."""
    code, name, unit_type = unit
    leaf, input_name, first = item
    spec = leaf.inputs[input_name]
    on = applies(leaf, unit_type)
    given, text = (fmt.given, fmt.text) if on else (fmt.off, fmt.off_text)
    ws.write_string(r, _COL["commune_code"], code, text)
    ws.write_string(r, _COL["commune_name"], name, given)
    ws.write_string(r, _COL["criterion_id"], leaf.id, text)
    ws.write_string(r, _COL["criterion"], leaf.title.shown(lang), given)
    ws.write_number(r, _COL["max_points"], float(leaf.max), given)
    ws.write_string(r, _COL["applies_to"], applies_text(leaf, unit_type, lang), given)
    ws.write_string(r, _COL["input"], input_name, text)
    ws.write_string(r, _COL["input_label"], input_label(spec, lang) or input_name, given)
    allowed = allowed_levels(leaf, lang) if spec.type is InputType.level else ALLOWED[lang].get(spec.type, "")
    ws.write_string(r, _COL["allowed"], allowed, given)
    ws.write_string(r, _COL["evidence_required"], evidence_text(leaf, lang) if first else "", given)
    ws.write_string(r, _COL["guidance"], guidance_text(leaf, lang) if first else "", given)
    if not on:
        for key in ("value", *_ITEM_CELLS):
            ws.write_blank(r, _COL[key], None, fmt.off)
        return
    ws.write_blank(r, _COL["value"], None, fmt.date_fill if spec.type is InputType.date else fmt.fill)
    rule = _validation(leaf, input_name, lang)
    if rule:
        ws.data_validation(r, _COL["value"], r, _COL["value"], rule)
    if first:
        _write_item_cells(ws, r, fmt, leaf, lang)
    else:
        for key in _ITEM_CELLS:
            ws.write_blank(r, _COL[key], None, fmt.blocked)


def _write_item_cells(ws: Any, r: int, fmt: _Formats, leaf: Leaf, lang: str) -> None:
    """The item's self-score (validated between its floor and maximum), evidence, explanation and
    n/a cells: yellow where the item requires them, white where they are optional, n/a grey and
    locked when the item does not allow it."""
    col = _COL["self_score"]
    ws.write_blank(r, col, None, fmt.fill)
    message = INVALID[lang]["points"].format(low=number(leaf.floor, lang), high=number(leaf.max, lang))
    rule = {"validate": "decimal", "criteria": "between", "minimum": float(leaf.floor), "maximum": float(leaf.max)}
    ws.data_validation(r, col, r, col, {**rule, "error_message": message})
    required = {field for e in leaf.evidence for field in e.requires}
    for key, field in (("evidence_number", "number"), ("evidence_date", "date"), ("evidence_file", "file")):
        looks = (fmt.date_fill, fmt.optional_date) if field == "date" else (fmt.fill, fmt.optional)
        ws.write_blank(r, _COL[key], None, looks[0] if field in required else looks[1])
    ws.write_blank(r, _COL["explanation"], None, fmt.fill if leaf.evidence else fmt.optional)
    col = _COL["n/a"]
    if leaf.not_applicable is not NotApplicable.not_allowed:
        ws.write_blank(r, col, None, fmt.fill)
        answers = {"validate": "list", "source": YES_NO[lang], "error_message": INVALID[lang]["list"]}
        ws.data_validation(r, col, r, col, answers)
    else:
        ws.write_blank(r, col, None, fmt.blocked)
