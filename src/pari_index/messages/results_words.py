"""The words of a results workbook (``pari score -o results.xlsx``): its sheet names, its column
headings and its coded values, in Vietnamese and English.

The workbook is what provincial officials open, so it shows words, not the internal ids the
library and the CSV and Parquet results use (``summary``, ``commune_code``, ``appraised``,
``warning``). Every label here is one-to-one with its id within its table, so that a workbook read
back (:func:`pari_index.outputs.results.read_results`) gets its ids again: that is checked by
tests/test_results_words.py. Reused from the other tables of this package where they exist:
statuses and severities (``labels``), unit types (``PARAM_WORDS``), yes and no (``ANSWERS``).
"""

from __future__ import annotations

from pari_index.messages.labels import ANSWERS, PARAM_WORDS, SCORED, SEVERITY, STATUS
from pari_index.messages.words import Words

#: The sheets of the results, by table id, in the order they are written.
SHEETS: dict[str, Words] = {
    "summary": Words("Tổng hợp", "Summary"),
    "criteria": Words("Tiêu chí", "Criteria"),
    "findings": Words("Phát hiện", "Findings"),
    "rows": Words("Dòng đầu vào", "Input rows"),
    "about": Words("Thông tin", "About"),
}

#: A ranking sheet of one group (a district, a province): the group's label follows.
GROUP_SHEET = Words("XH ", "Rank ")

#: Column headings, by column id (one id has one heading, whatever the table).
COLUMNS: dict[str, Words] = {
    # summary
    "notice": Words("Lưu ý", "Notice"),
    "commune_code": Words("Mã đơn vị", "Unit code"),
    "name": Words("Tên đơn vị", "Unit name"),
    "unit_type": Words("Loại đơn vị", "Unit type"),
    "district": Words("Huyện", "District"),
    "province": Words("Tỉnh", "Province"),
    "ranked": Words("Được xếp hạng", "Ranked"),
    "appraised_points": Words("Điểm thẩm định", "Appraised points"),
    "survey_points": Words("Điểm điều tra xã hội học", "Survey points"),
    "appraised_max": Words("Điểm tối đa thẩm định", "Appraised maximum"),
    "survey_max": Words("Điểm tối đa điều tra", "Survey maximum"),
    "survey_given": Words("Có kết quả điều tra", "Survey given"),
    "items_not_assessed": Words("Số tiêu chí chưa tự đánh giá", "Items not assessed"),
    "items_rejected": Words("Số tiêu chí có ô bị loại", "Items with a cell rejected"),
    "adjustment_points": Words("Điểm thưởng, trừ", "Bonus and penalty points"),
    "total_points": Words("Tổng điểm", "Total points"),
    "applicable_max": Words("Điểm tối đa áp dụng", "Applicable maximum"),
    "index": Words("Chỉ số (%)", "Index (%)"),
    "survey_rescaled": Words("Quy đổi không có điều tra", "Re-scaled without survey"),
    "submitted": Words("Đã nộp tự đánh giá", "Submitted"),
    "group_key": Words("Mã nhóm xếp hạng", "Ranking group key"),
    "group": Words("Nhóm xếp hạng", "Ranking group"),
    "group_column": Words("Xếp hạng theo cột", "Ranked by column"),
    "rank": Words("Hạng", "Rank"),
    "group_size": Words("Số đơn vị trong nhóm", "Units in group"),
    "unranked_reason": Words("Lý do không xếp hạng", "Why not ranked"),
    "tied": Words("Đồng hạng", "Tied"),
    "class": Words("Xếp loại", "Class"),
    "class_en": Words("Xếp loại (tiếng Anh)", "Class (English)"),
    "class_colour": Words("Màu xếp loại", "Class colour"),
    "class_order": Words("Thứ tự xếp loại", "Class order"),
    "next_class": Words("Loại kế tiếp", "Next class"),
    "gap_to_next_class": Words("Điểm chỉ số còn thiếu để lên loại", "Index points to next class"),
    "next_class_from": Words("Loại kế tiếp từ", "Next class from"),
    "top_lost": Words("Mất điểm nhiều nhất", "Most points lost"),
    "previous_rank": Words("Hạng năm trước", "Previous rank"),
    "previous_index": Words("Chỉ số năm trước", "Previous index"),
    "rank_change": Words("Thay đổi hạng", "Rank change"),
    "index_change": Words("Chỉ số thay đổi (điểm %)", "Index change (% points)"),
    "previous_total": Words("Tổng điểm năm trước", "Previous total"),
    "total_change": Words("Tổng điểm thay đổi", "Total change"),
    "previous_note": Words("Ghi chú so sánh", "Comparison note"),
    # criteria
    "criterion_id": Words("Mã tiêu chí", "Criterion ID"),
    "area_id": Words("Mã lĩnh vực", "Criterion area"),
    "part": Words("Phần", "Part"),
    "max": Words("Điểm tối đa", "Max points"),
    "self_score": Words("Điểm tự chấm", "Self score"),
    "computed_score": Words("Điểm tính theo quy tắc", "Computed score"),
    "appraised_score": Words("Điểm thẩm định lại", "Appraised score"),
    "final_score": Words("Điểm cuối", "Final score"),
    "counted_max": Words("Điểm tối đa được tính", "Counted maximum"),
    "status": Words("Trạng thái", "Status"),
    "branch": Words("Nhánh quy tắc", "Rule branch"),
    "evidence_status": Words("Tình trạng minh chứng", "Evidence status"),
    "evidence_number": Words("Số văn bản", "Evidence number"),
    "evidence_date": Words("Ngày văn bản", "Evidence date"),
    "evidence_file": Words("Tệp minh chứng", "Evidence file"),
    "explanation": Words("Giải thích", "Explanation"),
    "appraisal_reason": Words("Lý do thẩm định", "Appraisal reason"),
    "appraiser": Words("Người thẩm định", "Appraiser"),
    "inputs": Words("Số liệu đầu vào", "Inputs"),
    # The inputs by the set's names, which pari reads back (a workbook's inputs show their labels).
    "input_names": Words("Mã số liệu đầu vào", "Inputs (codes)"),
    # findings
    "severity": Words("Mức độ", "Severity"),
    "kind": Words("Mã loại phát hiện", "Kind (code)"),
    "title": Words("Loại phát hiện", "Finding"),
    "file": Words("Tệp", "File"),
    "sheet": Words("Trang tính", "Sheet"),
    "row": Words("Dòng", "Row"),
    "column": Words("Cột", "Column"),
    "message": Words("Nội dung", "Message"),
    "hint": Words("Cách xử lý", "What to do"),
    "size": Words("Độ lớn", "Size"),
    "params": Words("Tham số (JSON)", "Parameters (JSON)"),
    "lang": Words("Ngôn ngữ", "Language"),
    # rows
    "reasons": Words("Lý do", "Reasons"),
    "input": Words("Loại đầu vào", "Input"),
    # about
    "key": Words("Mục", "Item"),
    "value": Words("Giá trị", "Value"),
    # a sheet whose table was written to a CSV file beside the workbook
    "note": Words("Ghi chú", "Note"),
}

#: Column headings made of a prefix and an id of the criteria set (an area): the id follows the
#: words. Longest prefix first, so that ``rank_area_1`` is never read as an ``area_`` column.
COLUMN_PREFIXES: dict[str, Words] = {
    "rank_area_": Words("Hạng lĩnh vực ", "Rank in area "),
    "area_": Words("Lĩnh vực ", "Area "),
    "lost_": Words("Điểm mất ", "Points lost "),
}

#: Columns that hold yes or no (Excel would show its own TRUE and FALSE).
BOOLEAN_COLUMNS = frozenset({"ranked", "survey_given", "survey_rescaled", "submitted", "tied"})
YES_NO = {True: ANSWERS["yes"], False: ANSWERS["no"]}

#: The languages a run writes in (the about row ``lang``, the findings' column ``lang``).
LANGUAGES: dict[str, Words] = {"vi": Words("tiếng Việt", "Vietnamese"), "en": Words("tiếng Anh", "English")}

#: The register columns units are ranked within (the about row ``ranked_within``, a list of them
#: from the top down; the summary's ``group_column``). Another column keeps its name. The register
#: reads "tỉnh", "huyện" and "loại" (or "type") as these ids, so no register column is named like
#: these words. Ranked within the unit type (--group-by type), the about sheet said «unit_type».
GROUP_COLUMNS: dict[str, Words] = {
    "province": Words("tỉnh", "province"),
    "district": Words("huyện", "district"),
    "unit_type": Words("loại", "type"),
}

_EVIDENCE: dict[str, Words] = {
    "not_required": Words("không yêu cầu", "not required"),
    "present": Words("có minh chứng", "present"),
    "ok": Words("đủ minh chứng", "complete"),
    "missing": Words("thiếu minh chứng", "missing"),
    "explained": Words("có giải trình, chờ thẩm định", "explained, awaits the council"),
    "accepted": Words("giải trình được chấp nhận", "explanation accepted"),
    "rejected": Words("giải trình không được chấp nhận", "explanation rejected"),
    "file_not_found": Words("không tìm thấy tệp", "file not found"),
    "outside_evidence_dir": Words("tệp ngoài thư mục minh chứng", "file outside the evidence folder"),
    "bad_name": Words("tên tệp không hợp lệ", "file name not usable"),
    "not_a_file": Words("là thư mục, không phải tệp", "a folder, not a file"),
    "unreadable": Words("không đọc được tệp", "file cannot be read"),
    "empty_file": Words("tệp rỗng (0 byte)", "empty file (0 bytes)"),
    "damaged_file": Words("tệp bị hỏng", "damaged file"),
}

#: Coded values, by table and column: id -> words. A value not listed is written as it is.
VALUES: dict[str, dict[str, dict[str, Words]]] = {
    "summary": {
        "unit_type": PARAM_WORDS["unit_type"],
        "unranked_reason": {
            "not_ranked_in_register": Words("danh sách đơn vị ghi không xếp hạng", "not ranked in the register"),
            "no_index": Words("không có chỉ số", "no index"),
        },
        "group_column": GROUP_COLUMNS,
    },
    "criteria": {
        "part": {
            "appraised": Words("thẩm định", "appraised"),
            "survey": Words("điều tra xã hội học", "survey"),
            "adjustment": Words("điểm thưởng, trừ", "bonus and penalty"),
        },
        # "ok" is said (an empty cell would read back as no status at all).
        "status": {**STATUS, "ok": SCORED},
        "evidence_status": _EVIDENCE,
    },
    "findings": {"severity": SEVERITY, "lang": LANGUAGES},
    "rows": {
        "status": {
            "scored": Words("đã chấm", "scored"),
            "applied": Words("đã áp dụng", "applied"),
            "registered": Words("có trong danh sách", "registered"),
            "rejected": Words("bị từ chối", "rejected"),
            "partial": Words("dùng một phần", "partly used"),
            "empty": Words("không có gì để chấm", "nothing to score"),
        },
        "input": {
            "assessment": Words("tự đánh giá", "self assessment"),
            "survey": Words("điều tra xã hội học", "survey"),
            "appraisal": Words("thẩm định", "appraisal"),
            "register": Words("danh sách đơn vị", "register"),
        },
    },
}

#: A rule's branch (``tier:2``, ``checked:1/3``, ``on_time:2025-01-31``): its first word is
#: labelled, what follows the colon is kept.
BRANCH_WORDS: dict[str, Words] = {
    "tier": Words("mức", "tier"),
    "below_tiers": Words("dưới các mức", "below the tiers"),
    "checked": Words("đạt", "met"),
    "level": Words("cấp", "level"),
    "unknown_level": Words("cấp không rõ", "unknown level"),
    "ratio": Words("theo tỷ lệ", "proportional"),
    "ratio_full": Words("đủ tỷ lệ", "full ratio"),
    "below_range": Words("dưới khoảng", "below the range"),
    "above_range": Words("trên khoảng", "above the range"),
    "bonus": Words("cộng điểm", "bonus"),
    "penalty": Words("trừ điểm", "penalty"),
    "deducted": Words("bị trừ", "deducted"),
    "no_deduction": Words("không bị trừ", "no deduction"),
    "none": Words("không có", "none"),
    "missing": Words("không có số liệu", "no input"),
    "after_late_until": Words("quá hạn cuối cùng", "after the final deadline"),
    "no_reference_date": Words("không có ngày làm mốc", "no date to count from"),
    "no_tier": Words("không thuộc mức nào", "in no tier"),
    "no_denominator": Words("mẫu số bằng 0", "denominator is 0"),
    "na_excluded": Words("không áp dụng, loại khỏi tối đa", "not applicable, left out"),
    "na_full_points": Words("không áp dụng, đủ điểm", "not applicable, full points"),
    **{key: ANSWERS[key] for key in ("yes", "no", "on_time", "late", "not_done")},
}

#: The keys of the about sheet (what each row says).
ABOUT_KEYS: dict[str, Words] = {
    "criteria_id": Words("Mã bộ chỉ số", "Criteria set ID"),
    "criteria_title": Words("Tên bộ chỉ số", "Criteria set title"),
    "criteria_title_en": Words("Tên bộ chỉ số (tiếng Anh)", "Criteria set title (English)"),
    "year": Words("Năm đánh giá", "Assessment year"),
    "level": Words("Cấp đơn vị", "Level"),
    "level_vi": Words("Tên cấp (tiếng Việt)", "Level name (Vietnamese)"),
    "level_vi_heading": Words("Tên cấp, tiêu đề (tiếng Việt)", "Level heading (Vietnamese)"),
    "level_en": Words("Tên cấp (tiếng Anh)", "Level name (English)"),
    "level_en_plural": Words("Tên cấp, số nhiều (tiếng Anh)", "Level name, plural (English)"),
    "province": Words("Tỉnh, thành phố", "Province"),
    "issuer": Words("Cơ quan ban hành", "Issuer"),
    "issuer_en": Words("Cơ quan ban hành (tiếng Anh)", "Issuer (English)"),
    "decision": Words("Quyết định", "Decision"),
    "decision_date": Words("Ngày quyết định", "Decision date"),
    "decision_source": Words("Nguồn văn bản", "Decision source"),
    "source": Words("Nguồn", "Source"),
    "scale": Words("Thang điểm", "Scale"),
    "appraised_part": Words("Điểm phần thẩm định", "Appraised part"),
    "survey_part": Words("Điểm phần điều tra", "Survey part"),
    "ranked_within": Words("Xếp hạng trong", "Ranked within"),
    "rounding": Words("Làm tròn", "Rounding"),
    "communes": Words("Số đơn vị", "Units"),
    "scored_items": Words("Số tiêu chí được chấm", "Items scored"),
    "findings_rows": Words("Số dòng của bảng phát hiện", "Rows of the findings table"),
    "input_rows": Words("Số dòng của bảng dòng đầu vào", "Rows of the input rows table"),
    "complete": Words("Đầy đủ", "Complete"),
    "survey": Words("Điều tra xã hội học", "Survey"),
    "rows_rejected": Words("Số dòng bị từ chối", "Rows rejected"),
    "rows_partial": Words("Số dòng dùng một phần", "Rows partly used"),
    "files_with_rejected_rows": Words("Số tệp có dòng bị từ chối", "Files with rejected rows"),
    "files_left_out": Words("Các tệp không dùng được", "Files left out"),
    "communes_without_survey": Words("Số đơn vị không có điều tra", "Units without survey"),
    "communes_not_submitted": Words("Số đơn vị không nộp", "Units that sent nothing"),
    "parts_unread": Words("Số phần tệp đầu vào không đọc được", "Parts of input files not read"),
    "pari_version": Words("Phiên bản pari-index", "pari-index version"),
    "criteria_sha256": Words("SHA-256 của bộ chỉ số", "Criteria SHA-256"),
    "criteria_sha256_of": Words("SHA-256 tính trên", "Criteria SHA-256 of"),
    "run_date": Words("Ngày chấm", "Run date"),
    "synthetic": Words("Dữ liệu mô phỏng", "Synthetic data"),
    "synthetic_marker": Words("Dấu hiệu dữ liệu mô phỏng", "Synthetic marker"),
    "lang": Words("Ngôn ngữ", "Language"),
    "values_sha256_summary": Words("SHA-256 các giá trị của bảng Tổng hợp", "SHA-256 of the Summary table's values"),
    "values_sha256_criteria": Words("SHA-256 các giá trị của bảng Tiêu chí", "SHA-256 of the Criteria table's values"),
    "values_sha256_findings": Words("SHA-256 các giá trị của bảng Phát hiện", "SHA-256 of the Findings table's values"),
    # A Parquet results folder only (results_digest.with_file_digests).
    "file_sha256_summary": Words("SHA-256 của tệp bảng Tổng hợp", "SHA-256 of the Summary table's file"),
    "file_sha256_criteria": Words("SHA-256 của tệp bảng Tiêu chí", "SHA-256 of the Criteria table's file"),
    "file_sha256_findings": Words("SHA-256 của tệp bảng Phát hiện", "SHA-256 of the Findings table's file"),
    "file_sha256_rows": Words("SHA-256 của tệp bảng Dòng đầu vào", "SHA-256 of the Input rows table's file"),
}

#: About keys made of a prefix and a name (an input's role, a number, a table): the name follows
#: the words. Longest prefix first (``input_sha256_`` before ``input_``).
ABOUT_PREFIXES: dict[str, Words] = {
    "input_sha256_": Words("SHA-256 tệp ", "SHA-256 of input "),
    "input_": Words("Tệp ", "Input "),
    "notice_": Words("Lưu ý ", "Notice "),
    "method_": Words("Phương pháp ", "Method "),
    "overflow_": Words("Bảng ghi ra tệp CSV: ", "Table written to CSV: "),
}

#: The input roles named after ``input_`` and ``input_sha256_``.
_ROLES: dict[str, Words] = {
    "criteria": Words("bộ chỉ số", "criteria set"),
    "assessments": Words("tự đánh giá", "assessments"),
    "survey": Words("điều tra xã hội học", "survey"),
    "communes": Words("danh sách đơn vị", "register"),
    "appraisal": Words("thẩm định", "appraisal"),
}
#: What follows a prefix of ABOUT_PREFIXES, labelled (anything else, such as a number, is kept).
ABOUT_REST: dict[str, dict[str, Words]] = {"input_sha256_": _ROLES, "input_": _ROLES, "overflow_": SHEETS}

#: The levels of government a set ranks (criteria.model.UnitLevel), and ``label`` for a level of
#: the set's own (its words are the rows level_vi, level_en ... that follow).
_LEVELS: dict[str, Words] = {
    "commune": Words("cấp xã", "commune"),
    "ward": Words("cấp phường", "ward"),
    "district": Words("cấp huyện", "district"),
    "department": Words("sở, ngành", "department"),
    "province": Words("cấp tỉnh", "province"),
    "ministry": Words("bộ, ngành", "ministry"),
    "label": Words("cấp riêng của bộ chỉ số", "the set's own level"),
}

#: The words of the about row ``rounding`` (``2 places, half_up``; per level ``2 places (index);
#: items none, areas none, parts none, total 2, index 2; half_up``): each word of the line is
#: labelled, numbers and punctuation are kept, and the words read back to the line of ids.
ROUNDING_WORDS: dict[str, Words] = {
    "places": Words("chữ số thập phân", "places"),
    "index": Words("chỉ số", "index"),
    "items": Words("tiêu chí", "items"),
    "areas": Words("lĩnh vực", "areas"),
    "parts": Words("phần", "parts"),
    "total": Words("tổng điểm", "total"),
    "none": Words("không làm tròn", "not rounded"),
    "half_up": Words("làm tròn nửa lên", "half up"),
    "half_even": Words("làm tròn nửa về số chẵn", "half to even"),
}

#: Values of some about rows: key -> value -> words.
ABOUT_VALUES: dict[str, dict[str, Words]] = {
    "level": _LEVELS,
    "lang": LANGUAGES,
    "complete": {"yes": ANSWERS["yes"], "no": ANSWERS["no"]},
    "synthetic": {"yes": ANSWERS["yes"], "no": ANSWERS["no"]},
    "survey": {
        "given": Words("có kết quả", "given"),
        "skipped": Words("bỏ qua (--no-survey)", "skipped (--no-survey)"),
        "optional_missing": Words("không bắt buộc, không có", "optional, none given"),
        "no_part": Words("bộ chỉ số không có phần này", "not part of the set"),
    },
    "criteria_sha256_of": {"file": Words("tệp", "file"), "content": Words("nội dung", "content")},
}

#: The summary's ``previous_note`` (``pari score --previous``): why a unit's rank is not compared
#: with last year's, and what it came from. ``{}`` are filled in order: codes, groups, register
#: columns (in GROUP_COLUMNS' words).
PREVIOUS_NOTES: dict[str, Words] = {
    "merged": Words("sáp nhập từ: {}", "merged from: {}"),
    "split": Words("chia tách từ: {}", "split from: {}"),
    "renamed": Words("đổi mã từ {}", "code changed from {}"),
    "new": Words("không có trong kết quả năm trước", "not in last year's results"),
    "not_ranked": Words("năm trước không được xếp hạng", "not ranked last year"),
    "other_column": Words(
        "khác nhóm so sánh: năm trước xếp hạng trong {} ({}), nay trong {}; không so sánh hạng",
        "different peer group: ranked within {} ({}) last year, within {} now; ranks not compared",
    ),
    "other_group": Words(
        "khác nhóm so sánh: năm trước xếp hạng trong {}, nay trong {}; không so sánh hạng",
        "different peer group: ranked in {} last year, in {} now; ranks not compared",
    ),
    # A predecessor in those notes: its code, then its rank in its group, or one of these.
    "predecessor_unranked": Words("không xếp hạng", "not ranked"),
    "predecessor_missing": Words("không có kết quả", "no result"),
}

#: The end of a text cut to what an Excel cell holds (outputs.workbook), in the workbook's language:
#: no longer than the English, which results_digest counts on (session 31: English in Vietnamese
#: results).
CUT_MARK = Words("… [bị cắt: dài quá một ô Excel]", "… [cut: longer than an Excel cell holds]")

#: What a sheet too long for Excel holds instead of its rows.
OVERFLOW_NOTE = Words(
    "{rows} dòng, nhiều hơn một trang tính XLSX chứa được; toàn bộ bảng nằm trong {file}",
    "{rows} rows are more than an XLSX sheet holds; the full table is in {file}",
)


#: Where the findings of a run are, as the console names them: a workbook's sheet by its name in
#: the run's language, a results folder's file by its name.
_FINDINGS_PLACE = {
    "xlsx": Words("trang {sheet}", "the {sheet} sheet"),
    "folder": Words("tệp {file}", "{file}"),
}


def findings_place(fmt: str, lang: str) -> str:
    """Where the findings are in results written as ``fmt`` (xlsx, csv, parquet), in ``lang``."""
    if fmt == "xlsx":
        return _FINDINGS_PLACE["xlsx"].get(lang).format(sheet=SHEETS["findings"].get(lang))
    return _FINDINGS_PLACE["folder"].get(lang).format(file=f"findings.{fmt}")


def results_words_markdown() -> str:
    """The tables of docs/data-formats.md, "The workbook's words" (tests/test_results_words.py
    checks that the document holds them as generated here)."""

    def table(title: str, rows: list[tuple[str, Words]]) -> list[str]:
        out = [f"| {title} | Tiếng Việt (`--lang vi`) | English (`--lang en`) |", "|---|---|---|"]
        return out + [f"| `{key}` | {words.vi} | {words.en} |" for key, words in rows]

    def prefixed(prefixes: dict[str, Words]) -> list[tuple[str, Words]]:
        return [(f"{p}…", Words(w.vi + "…", w.en + "…")) for p, w in prefixes.items()]

    lines = ["Sheets:", "", *table("table", [*SHEETS.items(), ("XH …", Words("XH …", "Rank …"))]), ""]
    lines += ["Column headings (every table):", "", *table("column", [*COLUMNS.items(), *prefixed(COLUMN_PREFIXES)])]
    for name, columns in VALUES.items():
        for column, codes in columns.items():
            lines += ["", f"Values of `{column}` in `{name}`:", "", *table("value", list(codes.items()))]
    lines += ["", "Values of every yes/no column (" + ", ".join(f"`{c}`" for c in sorted(BOOLEAN_COLUMNS)) + "):"]
    lines += ["", *table("value", [("true", YES_NO[True]), ("false", YES_NO[False])])]
    branches = list(BRANCH_WORDS.items())
    lines += [
        "",
        "The first word of `branch` in `criteria` (what follows a colon is kept, but for `level:`, whose "
        "value is shown by the level's label in the item's set: `cấp:Phó Chủ tịch UBND`; read back, "
        "`pari explain` knows a level by its value, its label or its `label_en`):",
        "",
        *table("word", branches),
    ]
    about = [*ABOUT_KEYS.items(), *prefixed(ABOUT_PREFIXES)]
    lines += ["", "Keys of `about` (after a prefix, a table or an input's role is named as below):", ""]
    lines += [*table("key", about), "", *table("role", list(_ROLES.items()))]
    for key, codes in ABOUT_VALUES.items():
        lines += ["", f"Values of the `about` row `{key}`:", "", *table("value", list(codes.items()))]
    lines += ["", "The `about` row `ranked_within` names its columns as `group_column` above (`tỉnh, huyện`)."]
    lines += ["", "Words of the `about` row `rounding` (numbers and punctuation are kept):", ""]
    lines += table("word", list(ROUNDING_WORDS.items()))
    lines += ["", "The sentences of `previous_note` in `summary` (`{}` filled in order):", ""]
    lines += table("note", list(PREVIOUS_NOTES.items()))
    return "\n".join(lines) + "\n"
