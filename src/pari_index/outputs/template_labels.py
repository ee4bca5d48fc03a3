"""Every text of the fill-in template (``pari template``), in Vietnamese and in English.

One language is chosen per form (``lang``). The column headings are names intake reads back:
each Vietnamese and English heading is either an alias of an intake column
(intake.assessments.ASSESSMENT_ALIASES) or a descriptive column intake ignores on purpose
(DESCRIPTIVE_COLUMNS); tests/test_template.py checks both.
"""

from __future__ import annotations

from pari_index.criteria.method import EVIDENCE_FIELDS
from pari_index.criteria.model import MissingEvidence, UnitType
from pari_index.criteria.rules import InputType
from pari_index.messages.labels import FIELD_WORDS

LANGS = ("vi", "en")


def _field_words(field: str) -> dict[str, str]:
    """The heading of a field of a row besides its inputs (messages.labels.FIELD_WORDS: findings
    name the field by these words too)."""
    return {"vi": FIELD_WORDS[field].vi, "en": FIELD_WORDS[field].en}


#: The form's columns: (key, width, heading per language, note on the heading per language). The
#: key is the intake column the heading is read back as (descriptive ones are ignored by intake).
COLUMNS: list[tuple[str, int, dict[str, str], dict[str, str]]] = [
    (
        "commune_code",
        11,
        {"vi": "Mã đơn vị", "en": "Unit code"},
        {"vi": "Mã đơn vị hành chính; giữ nguyên các số 0 ở đầu.", "en": "The unit's code; keep its leading zeros."},
    ),
    ("commune_name", 18, {"vi": "Tên đơn vị", "en": "Unit name"}, {"vi": "Tên đơn vị.", "en": "The unit's name."}),
    (
        "criterion_id",
        8,
        {"vi": "Tiêu chí", "en": "Criterion ID"},
        {"vi": "Số thứ tự của tiêu chí trong bộ tiêu chí.", "en": "The item's number in the criteria set."},
    ),
    (
        "criterion",
        36,
        {"vi": "Tên tiêu chí", "en": "Title"},
        {"vi": "Nội dung tiêu chí.", "en": "What the item assesses."},
    ),
    (
        "max_points",
        8,
        {"vi": "Điểm tối đa", "en": "Max points"},
        {"vi": "Điểm tối đa của tiêu chí.", "en": "The item's maximum points."},
    ),
    (
        "applies_to",
        16,
        {"vi": "Áp dụng cho", "en": "Applies to"},
        {
            "vi": "Loại đơn vị được chấm tiêu chí này. Dòng màu xám, bị khoá: không áp dụng cho đơn vị.",
            "en": "The unit types scored on this item. Grey, locked rows do not apply to the unit.",
        },
    ),
    (
        "input",
        13,
        {"vi": "Đầu vào", "en": "Input"},
        {
            "vi": "Tên đầu vào trong bộ tiêu chí (cột ẩn, không sửa).",
            "en": "The input's name in the criteria set (a hidden column; do not change it).",
        },
    ),
    (
        "input_label",
        30,
        {"vi": "Nội dung đầu vào", "en": "Input label"},
        {"vi": "Số liệu cần điền.", "en": "The figure or answer to enter."},
    ),
    (
        "allowed",
        22,
        {"vi": "Giá trị hợp lệ", "en": "Allowed values"},
        {"vi": "Loại dữ liệu được chấp nhận ở cột «Giá trị».", "en": "What the «Value» column accepts."},
    ),
    (
        "value",
        14,
        {"vi": "Giá trị", "en": "Value"},
        {"vi": "Điền vào ô màu vàng.", "en": "Fill in the yellow cell."},
    ),
    (
        "self_score",
        10,
        _field_words("self_score"),
        {
            "vi": "Điểm đơn vị tự chấm, trong khoảng từ điểm thấp nhất đến điểm tối đa.",
            "en": "The unit's own points, from the item's lowest score to its maximum.",
        },
    ),
    (
        "evidence_required",
        30,
        {"vi": "Minh chứng yêu cầu", "en": "Evidence required"},
        {
            "vi": "Tài liệu kiểm chứng phải nộp và các thông tin cần ghi.",
            "en": "The documents to attach and what to give about each.",
        },
    ),
    (
        "evidence_number",
        15,
        _field_words("evidence_number"),
        {"vi": "Số, ký hiệu văn bản minh chứng.", "en": "The evidence document's number."},
    ),
    (
        "evidence_date",
        12,
        _field_words("evidence_date"),
        {"vi": "Ngày ban hành văn bản (dd/mm/yyyy).", "en": "The document's date (dd/mm/yyyy)."},
    ),
    (
        "evidence_file",
        20,
        _field_words("evidence_file"),
        {"vi": "Tên tệp minh chứng.", "en": "The evidence file's name."},
    ),
    (
        "explanation",
        24,
        _field_words("explanation"),
        {
            "vi": "Lý do thiếu minh chứng; Hội đồng thẩm định quyết định.",
            "en": "Why evidence is missing; the appraisal council decides.",
        },
    ),
    (
        "n/a",
        10,
        _field_words("n/a"),
        {
            "vi": "Chọn «có» khi không phát sinh (chỉ ở tiêu chí cho phép).",
            "en": "Choose «yes» when nothing arose (only where the item allows it).",
        },
    ),
    (
        "guidance",
        50,
        {"vi": "Hướng dẫn", "en": "Guidance"},
        {"vi": "Cách chấm điểm tiêu chí.", "en": "How the item is scored."},
    ),
]

SHEETS = {
    "instructions": {"vi": "Hướng dẫn", "en": "Instructions"},
    "form": {"vi": "Tự đánh giá", "en": "Self-assessment"},
}

#: The answers offered in drop-down lists; intake reads both languages (values.TRUE_WORDS,
#: FALSE_WORDS, STATUS_WORDS).
YES_NO = {"vi": ["có", "không"], "en": ["yes", "no"]}
STATUS = {"vi": ["đúng hạn", "trễ hạn", "không thực hiện"], "en": ["on time", "late", "not done"]}

ALLOWED = {
    "vi": {
        InputType.boolean: "có / không",
        InputType.count: "số nguyên ≥ 0",
        InputType.number: "số ≥ 0 (dấu phẩy thập phân)",
        InputType.percent: "0 – 100 (%)",
        InputType.date: "ngày (dd/mm/yyyy)",
        InputType.status: "đúng hạn / trễ hạn / không thực hiện",
    },
    "en": {
        InputType.boolean: "yes / no",
        InputType.count: "whole number ≥ 0",
        InputType.number: "number ≥ 0",
        InputType.percent: "0 – 100 (%)",
        InputType.date: "date (dd/mm/yyyy)",
        InputType.status: "on time / late / not done",
    },
}

#: Messages Excel shows when a typed value breaks the cell's data validation.
INVALID = {
    "vi": {
        InputType.count: "Nhập số nguyên không âm",
        InputType.number: "Nhập số không âm",
        InputType.percent: "Nhập tỷ lệ từ 0 đến 100",
        InputType.date: "Nhập ngày dd/mm/yyyy",
        "list": "Chọn một giá trị trong danh sách",
        "points": "Điểm từ {low} đến {high}",
    },
    "en": {
        InputType.count: "Enter a whole number, 0 or more",
        InputType.number: "Enter a number, 0 or more",
        InputType.percent: "Enter a percentage from 0 to 100",
        InputType.date: "Enter a date as dd/mm/yyyy",
        "list": "Choose a value from the list",
        "points": "Points from {low} to {high}",
    },
}

#: Unit types as the applicability column names them: singular ("phường", "ward") and, for
#: "not applicable to ...", plural in English ("wards").
UNIT_WORDS = {
    "vi": {
        UnitType.commune: "xã",
        UnitType.ward: "phường",
        UnitType.township: "thị trấn",
        UnitType.special_zone: "đặc khu",
    },
    "en": {
        UnitType.commune: "communes",
        UnitType.ward: "wards",
        UnitType.township: "townships",
        UnitType.special_zone: "special zones",
    },
}

APPLIES = {
    "vi": {"all": "Mọi đơn vị", "only": "Chỉ {units}", "not": "Không áp dụng cho {unit}"},
    "en": {"all": "All units", "only": "Only {units}", "not": "Not applicable to {unit}"},
}

#: The evidence fields a document requires (EvidenceSpec.requires), and the evidence policy.
EVIDENCE = {
    "vi": {
        **EVIDENCE_FIELDS["vi"],
        "none": "Không yêu cầu",
        MissingEvidence.zero: "Thiếu minh chứng: 0 điểm, trừ khi Hội đồng thẩm định chấp nhận giải trình.",
        MissingEvidence.keep: "Thiếu minh chứng: giữ điểm, ghi nhận để thẩm định.",
    },
    "en": {
        **EVIDENCE_FIELDS["en"],
        "none": "None required",
        MissingEvidence.zero: "Missing evidence: 0 points unless the appraisal council accepts an explanation.",
        MissingEvidence.keep: "Missing evidence: points kept, noted for appraisal.",
    },
}

#: The guidance cell's lead-in before the method sentence.
HOW_SCORED = {"vi": "Cách chấm: ", "en": "How it is scored: "}

#: The instructions sheet, after the set's title and decision ("{decision} ngày {date} — ...").
DECISION_LINE = {"vi": "{number} ngày {date} — {issuer}", "en": "{number} of {date} — {issuer}"}
INSTRUCTIONS = {
    "vi": [
        "Cách điền: mỗi dòng của trang «{form}» là một đầu vào của một tiêu chí.",
        "• Điền cột «{value}» (ô màu vàng) theo loại dữ liệu ghi ở cột «{allowed}».",
        "• Điểm tự đánh giá, số/ngày văn bản và tệp minh chứng ghi ở dòng đầu tiên của mỗi tiêu chí.",
        "• Cột «{evidence}» ghi tài liệu kiểm chứng mỗi tiêu chí yêu cầu.",
        "• Thiếu minh chứng thì ghi «{explanation}»; Hội đồng thẩm định quyết định chấp nhận hay không.",
        "• Dòng màu xám bị khoá: tiêu chí không áp dụng cho loại đơn vị (xem cột «{applies}»); để trống.",
        "• Số thập phân dùng dấu phẩy (7,5); ngày ghi dd/mm/yyyy; không xoá hay đổi tên cột.",
        "• Mã đơn vị là văn bản: giữ nguyên các số 0 ở đầu.",
        "Nộp tệp này cho cơ quan tổng hợp; kiểm tra bằng: pari score <tệp> --communes <danh sách đơn vị>",
        "",
        "Trang này không được đọc khi chấm điểm. Chỉ điền các ô màu vàng của trang «{form}».",
    ],
    "en": [
        "How to fill it in: each row of the «{form}» sheet is one input of one item.",
        "• Fill in the «{value}» column (yellow cells) with the kind of value the «{allowed}» column names.",
        "• Give the self score, document number and date and the evidence file on each item's first row.",
        "• The «{evidence}» column names the documents each item requires.",
        "• Missing evidence: write an «{explanation}»; the appraisal council decides whether to accept it.",
        "• Grey, locked rows: the item does not apply to the unit's type (see «{applies}»); leave them empty.",
        "• Dates as dd/mm/yyyy; do not delete or rename columns.",
        "• Unit codes are text: keep their leading zeros.",
        "Send this file to the office that compiles the index; check it with: pari score <file> --communes <register>",
        "",
        "This sheet is not read when scoring. Fill in only the yellow cells of the «{form}» sheet.",
    ],
}


#: What ``pari template`` prints once the form is written.
WRITTEN = {
    "vi": "Đã ghi {path}: {rows} dòng đầu vào của bộ tiêu chí {set} ({origin}).",
    "en": "Wrote {path}: {rows} input rows for {set} ({origin}).",
}


def heading(key: str, lang: str) -> str:
    """The heading of column ``key`` in ``lang``."""
    return next(head[lang] for name, _, head, _ in COLUMNS if name == key)


def every_text(lang: str) -> list[str]:
    """Every fixed text of the template in ``lang`` (not the criteria set's own texts): what a
    test searches the other language's form for."""
    texts: list[str] = []
    for _, _, head, note in COLUMNS:
        texts += [head[lang], note[lang]]
    texts += [names[lang] for names in SHEETS.values()]
    texts += [*YES_NO[lang], *STATUS[lang], *ALLOWED[lang].values(), *INVALID[lang].values()]
    texts += [*UNIT_WORDS[lang].values(), *APPLIES[lang].values(), *EVIDENCE[lang].values()]
    texts += [HOW_SCORED[lang], DECISION_LINE[lang], *INSTRUCTIONS[lang], WRITTEN[lang]]
    return [t for t in texts if t]
