"""The names and schemas of the intake's frames: cells, meta rows, accepted meta, places and findings,
and the headings an assessment sheet may use for each column."""

from __future__ import annotations

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.group_columns import unit_headings
from pari_index.intake.sheet import FILE, ROW, SHEET, canonical_heading, heading_key

CRITERION = "criterion_id"
FIELD = "field"
VALUE = "value"
COLUMN = "_column"
UNREAD = "_unread"  # ledger: why a whole sheet was not read

#: What a commune says about an item besides its inputs. ``n/a`` is read as a cell like an input
#: (the appraisal council may correct it); the others stay columns of the row they came from.
META_COLUMNS = ("self_score", "evidence_number", "evidence_date", "evidence_file", "explanation")
META_FIELDS = (*META_COLUMNS, "n/a")

ASSESSMENT_ALIASES: dict[str, str] = {
    **{k: COMMUNE for k in ("commune_code", "commune", "code", "mã", "mã xã", "mã đơn vị", "ma", *unit_headings("mã"))},
    **{k: CRITERION for k in ("criterion_id", "criterion id", "tiêu chí", "mã tiêu chí", "id")},
    **{k: "input" for k in ("input", "đầu vào", "chỉ số đầu vào")},
    **{k: VALUE for k in ("value", "giá trị", "số liệu", "kết quả")},
    **{k: "self_score" for k in ("self_score", "self score", "điểm tự đánh giá", "tự chấm", "điểm tự chấm")},
    **{
        k: "evidence_number"
        for k in ("evidence_number", "số văn bản", "số hiệu văn bản", "số, ký hiệu", "số, ký hiệu văn bản")
    },
    **{k: "evidence_date" for k in ("evidence_date", "ngày văn bản", "ngày ban hành")},
    **{k: "evidence_file" for k in ("evidence_file", "tệp minh chứng", "file minh chứng", "tài liệu kiểm chứng")},
    **{k: "explanation" for k in ("explanation", "giải trình")},
    **{k: "n/a" for k in ("n/a", "na", "not_applicable", "không áp dụng")},
    # The English headings of a template written with pari template --lang en.
    "unit code": COMMUNE,
    "evidence number": "evidence_number",
    "evidence date": "evidence_date",
    "evidence file": "evidence_file",
    "not applicable": "n/a",
}

#: Columns a generated template carries for people to read; intake ignores them on purpose.
DESCRIPTIVE_COLUMNS = frozenset(
    {
        "criterion",
        "title",
        "max_points",
        "guidance",
        "input_label",
        "input_type",
        "allowed",
        "name",
        "commune_name",
        "area",
        "evidence_required",
        "tên tiêu chí",
        "điểm tối đa",
        "hướng dẫn",
        "tên đơn vị",
        # Further headings of a generated template (outputs.template_labels), in both languages.
        "unit name",
        "max points",
        "applies to",
        "input label",
        "allowed values",
        "evidence required",
        "áp dụng cho",
        "nội dung đầu vào",
        "giá trị hợp lệ",
        "minh chứng yêu cầu",
    }
)


def meta_field_of(name: str) -> str | None:
    """The commune's own field (META_FIELDS) ``name`` names as a heading of it may (``self score``,
    ``Điểm tự chấm``, ``Evidence Number``: any case or marks), or None: a wide form's column
    ``1.1.1:self score`` is item 1.1.1's self-score, as the heading «self score» of a long form is."""
    field = canonical_heading(name, ASSESSMENT_ALIASES)
    return field if field in META_FIELDS else None


#: The descriptive columns' headings as matched (sheet.heading_key: ``ten tieu chi``, ``max points``).
DESCRIPTIVE_KEYS = frozenset(heading_key(name) for name in DESCRIPTIVE_COLUMNS)
#: Headings of a column of notes a commune adds to its form («Ghi chú»): no rule reads it, and it is
#: told as notes (``notes-column``, a warning), not as a column that could not be read, which marks
#: the run incomplete (until session 30 every ranking of forms with a notes column said so).
NOTES_KEYS = frozenset(
    heading_key(name)
    for name in ("ghi chú", "ghi chu", "chú thích", "nhận xét", "note", "notes", "remarks", "comments")
)

CELL_SCHEMA: dict[str, pl.DataType] = {
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    FIELD: pl.String(),
    VALUE: pl.String(),
    FILE: pl.String(),
    SHEET: pl.String(),
    ROW: pl.Int64(),
    COLUMN: pl.String(),
}

#: A source row's self-score and evidence, as text, and where it came from. ``_source`` says which
#: columns held them: null for a long sheet's own columns (``self_score``), "value" for a long row
#: whose input names the field (input ``self_score`` in the value column), "wide" for a wide
#: sheet's ``1.1.1:self_score`` columns ("wide:1", ... for further columns naming the same field).
META_ROW_SCHEMA: dict[str, pl.DataType] = {
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    FILE: pl.String(),
    SHEET: pl.String(),
    ROW: pl.Int64(),
    "_source": pl.String(),
    **{name: pl.String() for name in META_COLUMNS},
}

#: Where an item's evidence was written: the file, sheet and row of its evidence_file cell (or of
#: its first meta row when it names no file) and the column of that cell, for evidence findings.
EVIDENCE_PLACE = ("_at_file", "_at_sheet", "_at_row", "_at_column")

#: Accepted self-scores and evidence: one row per commune and item that has any.
META_SCHEMA: dict[str, pl.DataType] = {
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    "self_score": pl.Int64(),
    "evidence_number": pl.String(),
    "evidence_date": pl.Date(),
    "evidence_file": pl.String(),
    "explanation": pl.String(),
    "_at_file": pl.String(),
    "_at_sheet": pl.String(),
    "_at_row": pl.Int64(),
    "_at_column": pl.String(),
}

#: Where an item's self-score ("self_score") or evidence ("evidence") was read: one row per
#: commune, item and place.
PLACE_SCHEMA: dict[str, pl.DataType] = {
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    "place": pl.String(),
    "file": pl.String(),
    "sheet": pl.String(),
    "row": pl.Int64(),
    "column": pl.String(),
}

EVIDENCE_COLUMNS = ("evidence_file", "evidence_number", "evidence_date", "explanation")

FINDING_SCHEMA: dict[str, pl.DataType] = {
    "severity": pl.String(),  # error: the value was not used; warning: used, but check it
    "kind": pl.String(),
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    "file": pl.String(),
    "sheet": pl.String(),
    "row": pl.Int64(),
    "column": pl.String(),
    "message": pl.String(),
    "hint": pl.String(),
    "size": pl.Float64(),
    # The message's named parameters as JSON (pari_index.messages): outputs render the message and
    # hint from ``kind`` and these in their own language; ``message`` and ``hint`` are English.
    "params": pl.String(),
}
