"""Words for values that outputs show: a parameter's keys (unit types, expected values), severities,
statuses and typed answers."""

from __future__ import annotations

from pari_index.messages.words import Words

#: Parameters that are keys of words rather than text to show: the parameter's name -> key -> words.
PARAM_WORDS: dict[str, dict[str, Words]] = {
    # A unit's type (the register's unit_type); ``unit_types`` is a comma-separated list of them.
    "unit_type": {
        "commune": Words("xã", "commune"),
        "ward": Words("phường", "ward"),
        "township": Words("thị trấn", "township"),
        "special_zone": Words("đặc khu", "special zone"),
    },
    # What an unreadable cell should have held, by the input's type (or meta field).
    "expected": {
        "number": Words("một số (dấu thập phân là dấu phẩy hoặc dấu chấm)", "a number (decimal comma or dot)"),
        "count": Words("một số nguyên", "a whole number"),
        "percent": Words("một tỷ lệ phần trăm từ 0 đến 100", "a percentage from 0 to 100"),
        "meta:self_score": Words("một số điểm", "a number of points"),
        "boolean": Words("có/không", "có/không (yes/no)"),
        "meta:n/a": Words("có/không", "có/không (yes/no)"),
        "date": Words("một ngày, ví dụ 10/01/2024", "a date such as 10/01/2024"),
        "meta:evidence_date": Words("một ngày, ví dụ 10/01/2024", "a date such as 10/01/2024"),
        "status": Words(
            "đúng hạn / trễ hạn / không thực hiện", "đúng hạn / trễ hạn / không thực hiện (on_time / late / not_done)"
        ),
        "level": Words("một trong các mức liệt kê cho tiêu chí này", "one of the levels listed for this criterion"),
    },
    # Which code of a row holds a control character.
    "what": {
        "commune_code": Words("mã xã", "commune code"),
        "criterion_id": Words("mã tiêu chí", "criterion id"),
        "field": Words("tên đầu vào", "input"),
        "input": Words("tên đầu vào", "input"),
    },
}

#: Words for the severity of a finding.
SEVERITY: dict[str, Words] = {
    "error": Words("Lỗi", "Error"),
    "warning": Words("Cảnh báo", "Warning"),
    "info": Words("Thông tin", "Info"),
    "note": Words("Ghi chú", "Note"),
}

#: Words for the status of a scored item (the ``status`` column of the criteria table).
STATUS: dict[str, Words] = {
    "ok": Words("", ""),
    "appraised": Words("sửa khi thẩm định", "changed at appraisal"),
    "self_score_differs": Words("tự chấm khác", "self-score differs"),
    "not_assessed": Words("chưa tự đánh giá", "not assessed"),
    "no_survey": Words("chưa có điều tra", "no survey"),
    "evidence_missing": Words("thiếu minh chứng", "evidence missing"),
    "excluded": Words("không áp dụng", "not applicable"),
}


#: A typed answer (a boolean or a timeliness status, as intake reads it) as each language writes it:
#: an explanation shows "có" in Vietnamese and "yes" in English, whichever word the cell held.
ANSWERS: dict[str, Words] = {
    "yes": Words("có", "yes"),
    "no": Words("không", "no"),
    "on_time": Words("đúng hạn", "on time"),
    "late": Words("trễ hạn", "late"),
    "not_done": Words("không thực hiện", "not done"),
}

#: Follows an input's Vietnamese label in an English output when the criteria set gives it no
#: English one (``label_en``): the reader sees that the words are the set's, not a slip.
VIETNAMESE_MARK = " (vi)"


#: The "ok" status where it must be said (pari explain), not left blank (the report).
SCORED = Words("đã chấm", "scored")


def status_text(status: str | None, lang: str, *, say_ok: bool = False) -> str:
    """The status of a scored item in words ("" for ok unless ``say_ok``; an unknown status as it is)."""
    if status == "ok" and say_ok:
        return SCORED.get(lang)
    if status is None:
        return ""
    words = STATUS.get(status)
    return words.get(lang) if words else status


def severity_text(severity: str | None, lang: str) -> str:
    words = SEVERITY.get(severity or "")
    return words.get(lang) if words else (severity or "")
