"""What a finding says, in Vietnamese and English: the message catalogue, and numbers as each
language writes them.

A finding (a :class:`pari_index.errors.Problem`, or a row of the findings table) carries a stable
``kind`` (a machine id such as ``self-score-differs``, kept for filtering) and, where it has any,
its named parameters (``params``: the cell's value, the points, the criterion). Every output
renders the text once, in its own language, from :data:`CATALOGUE`: the kind's title, the message
template filled with the parameters (numbers with :func:`format_number`, inputs by their labels)
and the hint. No output shows the kind itself as the label of a finding.

A finding without parameters (a few file-level problems still build their English sentence
directly) is shown with its English message in English outputs and with the catalogue's generic
sentence in Vietnamese ones, so that a Vietnamese output never falls back to English.

This module is shared by every stage (tests/test_architecture.py): it imports no stage.
"""

from __future__ import annotations

import functools
import json
import math
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import polars as pl

#: The minus sign every output writes before a negative number ("−1,25"), as typeset text does.
MINUS = "\u2212"


def format_number(
    value: Any, lang: str, places: int | None = None, *, trim: bool = False, missing: str = "–", grouping: bool = True
) -> str:
    """``value`` as ``lang`` writes it: "1.234,5" in Vietnamese, "1,234.5" in English, with the
    minus sign U+2212. ``places`` fixes the decimals (``trim`` then drops trailing zeros); without
    it an int or Decimal keeps its own digits and a float its shortest form. ``missing`` stands for
    None, NaN and text that is not a number. The one number formatter of every output."""
    if value is None or isinstance(value, bool):
        return missing
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return missing
        # The float's own rounding (as "%.2f" always printed it), then exact digits from there on.
        number = Decimal(f"{value:.{places}f}") if places is not None else Decimal(repr(value))
    else:
        try:
            number = Decimal(value) if isinstance(value, int | Decimal) else Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            return missing
        if not number.is_finite():
            return missing
        if places is not None:
            number = number.quantize(Decimal(1).scaleb(-places))
    spec = "," if grouping else ""
    text = format(abs(number), f"{spec}.{places}f" if places is not None else f"{spec}f")
    if "." in text and (trim or places is None):
        text = text.rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.translate(str.maketrans(",.", ".,"))
    negative = number < 0 and any(c in "123456789" for c in text)
    return f"{MINUS}{text}" if negative else text


@dataclass(frozen=True)
class Words:
    """One text in both languages."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class Entry:
    """A finding kind: its title, its message (a template with named parameters) and its hint."""

    title: Words
    message: Words
    hint: Words | None = None


def _e(title_vi: str, title_en: str, msg_vi: str, msg_en: str, hint_vi: str = "", hint_en: str = "") -> Entry:
    return Entry(Words(title_vi, title_en), Words(msg_vi, msg_en), Words(hint_vi, hint_en) if hint_vi else None)


_EVIDENCE_HINT = (
    "đính kèm văn bản (số, ngày, tệp) hoặc giải trình cho Hội đồng thẩm định",
    "attach the document (number, date, file) or an explanation for the appraisal council",
)


def _evidence(title_vi: str, title_en: str, hint: tuple[str, str] = _EVIDENCE_HINT) -> Entry:
    return _e(
        title_vi,
        title_en,
        f"{title_vi}: tiêu chí được {{score}} điểm{{file}}",
        f"{title_en}: the item scores {{score}}{{file}}{{note}}",
        *hint,
    )


def _plain(title_vi: str, title_en: str, hint_vi: str, hint_en: str) -> Entry:
    """A kind whose message is its title (the place and the hint say the rest)."""
    return _e(title_vi, title_en, title_vi, title_en, hint_vi, hint_en)


_CRITERIA_HINT = ("xem docs/criteria.md, mục 14", "see docs/criteria.md, section 14")
_OUTPUT_HINT = ("chọn tên hoặc thư mục khác cho kết quả", "choose another name or folder for the output")

#: Errors that stop a run before anything is written (criteria YAML, outputs, the command line) and
#: the findings of criteria validation. Their English message is the problem's own (it says more);
#: the Vietnamese one is the catalogue's, filled with the problem's parameters where it has them,
#: else its title, with the place and the hint: the console speaks the run's language.
STOPPING: dict[str, Entry] = {
    # --- reading a criteria set ------------------------------------------------------------------
    "not-utf8": _plain("Tệp không phải văn bản UTF-8", "Not UTF-8 text", "lưu tệp dạng UTF-8", "save it as UTF-8"),
    "not-a-regular-file": _plain(
        "Không phải tệp thông thường (thiết bị hoặc socket)",
        "Not a regular file (a device or socket)",
        "chỉ ra đường dẫn của tệp YAML",
        "give the path of the YAML file",
    ),
    "yaml-syntax": _plain(
        "YAML không hợp lệ",
        "Not valid YAML",
        "kiểm tra thụt lề (chỉ dùng dấu cách) và dấu ngoặc kép ở dòng này và dòng trước",
        "check indentation (spaces only) and quoting on this line and the one before",
    ),
    "yaml-too-deep": _plain(
        "Danh sách và ánh xạ lồng nhau quá sâu",
        "Lists and mappings nested too deep",
        "kiểm tra dấu ngoặc và thụt lề phía trước vị trí này",
        "check the brackets and indentation before this place",
    ),
    "yaml-too-large": _plain(
        "Tệp YAML có quá nhiều giá trị",
        "Too many YAML values",
        "kiểm tra đây đúng là tệp bộ tiêu chí; tách bộ tiêu chí",
        "check that this is a criteria file; split the set",
    ),
    "yaml-alias-bomb": _plain(
        "Neo và bí danh YAML mở rộng quá lớn hoặc tự chứa chính mình",
        "YAML aliases expand too far, or contain themselves",
        "viết đầy đủ các mục thay cho bí danh",
        "write the items out instead of aliases",
    ),
    "yaml-tag-refused": _plain(
        "Thẻ YAML bị từ chối (không bao giờ được chạy)",
        "YAML tag refused (never run)",
        "xoá thẻ (!!…)",
        "remove the tag (!!…)",
    ),
    "yaml-text-too-long": _plain(
        "Văn bản trong YAML quá dài",
        "Text too long",
        "rút ngắn; hướng dẫn dài nên để trong một văn bản liên kết",
        "shorten it; long guidance belongs in a linked document",
    ),
    "yaml-value": _plain(
        "Giá trị YAML không dựng được",
        "YAML value cannot be built",
        "sửa giá trị, ví dụ một ngày không tồn tại như 2024-02-30",
        "correct the value, e.g. an impossible date such as 2024-02-30",
    ),
    "duplicate-key": _e(
        "Khoá lặp lại trong cùng một ánh xạ",
        "Key repeated in one mapping",
        "khoá {key} xuất hiện hai lần trong ánh xạ này (lần đầu ở dòng {first_line}); YAML chỉ giữ khoá cuối",
        "key {key} appears twice in this mapping (first on line {first_line}); YAML would keep only the last one",
        "xoá hoặc đổi tên một trong hai khoá",
        "remove or rename one of the two",
    ),
    "not-a-mapping": _plain(
        "Bộ tiêu chí phải là một ánh xạ YAML",
        "A criteria set must be a YAML mapping",
        "bắt đầu bằng id:, title:, areas: (xem docs/criteria.md)",
        "start with id:, title:, areas: (see docs/criteria.md)",
    ),
    "too-many-items": _plain(
        "Bộ tiêu chí có quá nhiều mục",
        "Too many items in the set",
        "tách bộ tiêu chí, hoặc nâng giới hạn PARI_MAX_CRITERIA_ITEMS (docs/limits.md)",
        "split the set, or raise the limit with PARI_MAX_CRITERIA_ITEMS (docs/limits.md)",
    ),
    "todo": _e(
        "Ghi chú todo chưa giải quyết",
        "Unresolved todo",
        "ghi chú todo chưa giải quyết: {text}",
        "unresolved todo: {text}",
        "làm theo ghi chú, rồi xoá dòng todo: (docs/authoring.md)",
        "do what the note says, then delete the todo: line (docs/authoring.md)",
    ),
    "not-an-annex": _plain(
        "Không phải phụ lục bộ tiêu chí",
        "Not an annex of criteria",
        "dùng sổ tính .xlsx có bảng phụ lục: STT, Lĩnh vực/Tiêu chí, Điểm tối đa, Phương pháp chấm điểm "
        "(docs/authoring.md)",
        "give an .xlsx workbook with the annex table: STT, Lĩnh vực/Tiêu chí, Điểm tối đa, Phương pháp chấm "
        "điểm (docs/authoring.md)",
    ),
    "year-missing": _e(
        "Thiếu năm đánh giá",
        "Assessment year missing",
        "bộ tiêu chí {criteria}: tiêu chí {criterion} có hạn tính theo năm đánh giá nhưng chưa có năm",
        "criteria set {criteria}: item {criterion} has a deadline relative to the assessment year, but no year "
        "is given",
        "ghi năm bằng --year YYYY, hoặc year: trong bộ tiêu chí",
        "give the year with --year YYYY, or year: in the set",
    ),
    # --- the structure of a criteria set (pydantic's error types; "schema" for any other) ---------
    "schema": _e(
        "Cấu trúc bộ tiêu chí không đúng",
        "Wrong structure",
        "{where}: cấu trúc không đúng định dạng bộ tiêu chí",
        "{where}: the structure does not fit the criteria format",
        "sửa theo định dạng trong docs/criteria.md",
        "follow the format of docs/criteria.md",
    ),
    "schema:extra_forbidden": _e(
        "Khoá không có trong định dạng",
        "Unknown key",
        "{where}: khoá {key} không có trong định dạng bộ tiêu chí",
        "{where}: unknown key {key}",
        "xoá khoá, hoặc sửa chính tả theo docs/criteria.md",
        "remove it, or check its spelling against docs/criteria.md",
    ),
    "schema:missing": _e(
        "Thiếu khoá bắt buộc",
        "Required key missing",
        "{where}: thiếu khoá bắt buộc {key}",
        "{where}: missing required key {key}",
        "thêm khoá (định dạng: docs/criteria.md)",
        "add it (see docs/criteria.md for the format)",
    ),
    "schema:string_type": _e(
        "Cần một chuỗi văn bản",
        "Text expected",
        "{where}: giá trị phải là văn bản",
        "{where}: the value must be text",
        'đặt giá trị trong dấu ngoặc kép, ví dụ id: "1.10" (1.10 không có ngoặc là số 1,1)',
        'quote the value, e.g. id: "1.10" (unquoted 1.10 would be the number 1.1)',
    ),
    "schema:bool_type": _e(
        "Cần true hoặc false",
        "true or false expected",
        "{where}: giá trị phải là true hoặc false",
        "{where}: the value must be true or false",
        "ghi true hoặc false (yes/no được đọc là văn bản)",
        "write true or false (yes/no are read as text)",
    ),
    "schema:int_type": _e(
        "Cần một số nguyên",
        "Whole number expected",
        "{where}: giá trị phải là số nguyên",
        "{where}: the value must be a whole number",
        "ghi một số nguyên",
        "write a whole number",
    ),
    "schema:union_tag_invalid": _e(
        "Loại quy tắc không xác định",
        "Unknown rule kind",
        "{where}: kind không phải là một loại quy tắc",
        "{where}: kind is not a rule kind",
        "kind phải là một trong các loại quy tắc liệt kê trong docs/criteria.md",
        "kind must be one of the rule kinds listed in docs/criteria.md",
    ),
    "schema:value_error": _e(
        "Giá trị không hợp lệ",
        "Invalid value",
        "{where}: giá trị không hợp lệ",
        "{where}: the value is not valid",
        "ghi giá trị như quyết định in; số điểm trong khoảng ±1.000.000, tối đa 4 chữ số thập phân",
        "write the value as the decision prints it; points within ±1,000,000, at most 4 decimals",
    ),
    "schema:too_long": _e(
        "Danh sách quá dài",
        "List too long",
        "{where}: danh sách có quá nhiều phần tử",
        "{where}: the list has too many elements",
        "kiểm tra danh sách (xem docs/limits.md)",
        "check the list (see docs/limits.md)",
    ),
    "schema:string_too_long": _e(
        "Mã hoặc tên quá dài",
        "Id or name too long",
        "{where}: văn bản quá dài",
        "{where}: the text is too long",
        "dùng một mã ngắn",
        "use a short code",
    ),
    # --- consistency of a criteria set (docs/criteria.md §14) ---------------------------------------
    "duplicate-id": _e(
        "Mã được dùng hai lần",
        "Id used twice",
        "mã {id} được dùng hai lần (lần đầu ở dòng {first_line})",
        "id {id} is used twice (first on line {first_line})",
        "đặt cho mỗi mục một mã riêng",
        "give every node its own id",
    ),
    "children-sum": _e(
        "Tổng điểm các mục con khác điểm tối đa",
        "Children's maxima differ from the maximum",
        "{criterion}: các mục con cộng được {total} nhưng điểm tối đa là {max}",
        "{criterion}: children add up to {total} but the maximum is {max}",
        'sửa số điểm, hoặc giữ lỗi in của quyết định bằng printed_mismatch: "lý do"',
        'fix the points, or keep a published misprint with printed_mismatch: "reason"',
    ),
    "printed-below-children": _e(
        "Điểm tối đa in thấp hơn tổng các mục con",
        "Printed maximum below the children's sum",
        "{criterion}: các mục con cộng được {total}, cao hơn điểm tối đa in {max}",
        "{criterion}: children add up to {total}, above the printed maximum {max}",
        "sửa số điểm (printed_mismatch chỉ giữ điểm tối đa cao hơn tổng các mục con)",
        "fix the points (printed_mismatch keeps only a maximum above its children's sum)",
    ),
    "part-sum": _e(
        "Tổng điểm các phần không khớp",
        "The parts do not add up",
        "cộng được {total}, không phải {declared} như đã khai báo",
        "they add up to {total}, not the declared {declared}",
        *_CRITERIA_HINT,
    ),
    "scale-sum": _e(
        "Tổng điểm các lĩnh vực khác thang điểm",
        "The areas do not add up to the scale",
        "các lĩnh vực cộng được {total}, không phải thang điểm {declared} đã khai báo",
        "the areas add up to {total}, not the declared scale {declared}",
        "lĩnh vực có part: adjustment (cộng/trừ điểm) nằm ngoài thang điểm",
        "areas with part: adjustment (bonus/penalty) are outside the scale",
    ),
    "undeclared-input": _e(
        "Quy tắc đọc một đầu vào chưa khai báo",
        "Rule reads an undeclared input",
        "tiêu chí {criterion}: quy tắc đọc đầu vào {input}, chưa được khai báo",
        "criterion {criterion}: the rule reads input {input}, which is not declared",
        "khai báo đầu vào dưới inputs:",
        "declare it under inputs:",
    ),
    "input-type": _e(
        "Loại đầu vào không hợp với quy tắc",
        "Input type does not fit the rule",
        "tiêu chí {criterion}: đầu vào {input} có loại {type}, nhưng quy tắc {rule} cần {accepted}",
        "criterion {criterion}: input {input} is {type}, but a {rule} rule needs {accepted}",
        *_CRITERIA_HINT,
    ),
    "reserved-input": _e(
        "Tên đầu vào trùng tên cột dành riêng",
        "Input name is a reserved column name",
        "tiêu chí {criterion}: {input} là tên cột dành riêng của tệp tự đánh giá",
        "criterion {criterion}: {input} is a reserved column name of assessment files",
        "đổi tên đầu vào",
        "rename the input",
    ),
    "unused-input": _e(
        "Đầu vào không được quy tắc dùng đến",
        "Input not used by its rule",
        "tiêu chí {criterion}: quy tắc không dùng đầu vào {input}",
        "criterion {criterion}: input {input} is not used by its rule",
        *_CRITERIA_HINT,
    ),
    "floor-above-max": _e(
        "Điểm sàn cao hơn điểm tối đa",
        "Floor above the maximum",
        "tiêu chí {criterion}: điểm sàn {floor} cao hơn điểm tối đa {max}",
        "criterion {criterion}: floor {floor} is above its maximum {max}",
        *_CRITERIA_HINT,
    ),
    "points-above-max": _e(
        "Số điểm cao hơn điểm tối đa",
        "Points above the maximum",
        "tiêu chí {criterion}: {outcome} cho {points} điểm, cao hơn điểm tối đa {max}",
        "criterion {criterion}: {outcome} gives {points} points, above the maximum {max}",
        *_CRITERIA_HINT,
    ),
    "points-below-floor": _e(
        "Số điểm thấp hơn điểm sàn",
        "Points below the floor",
        "tiêu chí {criterion}: {outcome} cho {points} điểm, thấp hơn điểm sàn {floor}",
        "criterion {criterion}: {outcome} gives {points} points, below the floor {floor}",
        "đặt floor: cho tiêu chí nếu cố ý cho điểm âm (trừ điểm)",
        "set floor: on the criterion if negative points are intended (deductions)",
    ),
    **{
        code: _e(vi, en, vi, en, *_CRITERIA_HINT)
        for code, (vi, en) in {
            "id-not-nested": (
                "Mã của mục con không bắt đầu bằng mã mục cha",
                "A child's id does not extend its parent's",
            ),
            "negative-max": ("Điểm tối đa âm", "Negative maximum"),
            "part-below-area": ("part chỉ được ghi ở lĩnh vực", "part set below an area"),
            "points-out-of-range": ("Tổng điểm tối đa quá lớn", "Maxima too large"),
            "adjustment-rule": ("Quy tắc cộng/trừ điểm đặt sai lĩnh vực", "Bonus or penalty rule in the wrong area"),
            "survey-evidence": ("Tiêu chí khảo sát không có minh chứng", "Survey items have no evidence"),
            "floor-above-cap": ("Điểm sàn cao hơn mức trần", "Floor above the cap"),
            "checklist-short": (
                "Các mục của danh sách kiểm không đạt điểm tối đa",
                "Checklist cannot reach its maximum",
            ),
            "per-not-positive": ("per phải lớn hơn 0", "per must be above 0"),
            "tier-empty": ("Mức không chứa giá trị nào", "A tier holds no value"),
            "tier-order": ("Các mức không theo thứ tự", "Tiers out of order"),
            "tier-overlap": ("Các mức chồng lên nhau", "Tiers overlap"),
            "tier-gap": ("Có khoảng giá trị không thuộc mức nào", "Values fall in no tier"),
            "class-gap": ("Có khoảng chỉ số không thuộc xếp loại nào", "Index values fall in no class"),
            "duplicate-level": ("Mức được liệt kê hai lần", "Level listed twice"),
            "fraction-range": ("Tỷ lệ phải nằm trong khoảng 0 đến 1", "A fraction lies between 0 and 1"),
            "range-order": ("Khoảng có from không nhỏ hơn to", "Range's from not below its to"),
            "range-unreachable": ("Đầu vào không đạt tới đầu trên của khoảng", "Input cannot reach the range's top"),
            "deadline-order": ("late_until phải sau hạn", "late_until must come after the deadline"),
            "deadline-of-itself": ("Hạn tính từ chính ngày nó chấm", "Deadline counts from the date it judges"),
            "year-needed": ("Hạn theo năm đánh giá cần có năm", "Deadline in the assessment year needs a year"),
            "no-origin": ("Bộ tiêu chí không nêu quyết định hay nguồn", "The set names no decision or source"),
            "tie-break-unknown": ("Khoá tie_break không xác định", "Unknown tie_break key"),
        }.items()
    },
    # --- outputs --------------------------------------------------------------------------------------
    "output-is-input": _plain(
        "Kết quả sẽ ghi đè lên tệp đầu vào",
        "The output would overwrite an input",
        "ghi kết quả dưới tên khác; tệp đầu vào không bao giờ bị thay thế",
        "write the results under another name; inputs are never replaced",
    ),
    "output-contains-input": _plain(
        "Thư mục kết quả chứa tệp đầu vào",
        "The output folder holds an input",
        "ghi kết quả vào một thư mục mới, ngoài các thư mục đầu vào",
        "write the results into a new folder, outside the folders of the inputs",
    ),
    "output-clash": _plain(
        "Hai kết quả sẽ ghi cùng một tệp",
        "Two outputs would write the same file",
        "đặt tên khác nhau",
        "give them different names",
    ),
    "output-not-a-folder": _plain(
        "Kết quả phải là thư mục nhưng đã có tệp cùng tên",
        "The output must be a folder, and a file of that name exists",
        "chỉ ra tên thư mục (sẽ được tạo), hoặc chọn --format xlsx",
        "give a folder name (it is created), or choose --format xlsx",
    ),
    "output-special-file": _plain(
        "Kết quả là thiết bị, pipe hoặc socket, không phải tệp",
        "The output is a device, pipe or socket, not a file",
        "chỉ ra tên một tệp thông thường",
        "give the name of an ordinary file",
    ),
    "output-folder-not-results": _plain(
        "Thư mục kết quả chứa tệp khác, không phải kết quả",
        "The output folder holds other files, not results",
        "chỉ ra thư mục mới hoặc trống, hoặc thư mục kết quả trước",
        "give a new or empty folder, or the folder of earlier results",
    ),
    "output-is-a-folder": _plain(
        "Kết quả phải là tệp nhưng đã có thư mục cùng tên",
        "The output must be a file, and a folder of that name exists",
        "chỉ ra tên tệp, ví dụ THƯ_MỤC/results.xlsx",
        "give a file name, e.g. FOLDER/results.xlsx",
    ),
    "output-unwritable": _e(
        "Không ghi được kết quả",
        "The output cannot be written",
        "không ghi được: {reason}",
        "cannot write: {reason}",
        "đóng tệp nếu đang mở trong Excel, giải phóng dung lượng, hoặc chọn tên khác",
        "close it in Excel if it is open, free space, or choose another name",
    ),
    "output-folder": _e(
        "Không tạo được thư mục kết quả",
        "The output folder cannot be made",
        "không tạo được thư mục: {reason}",
        "cannot make the folder: {reason}",
        *_OUTPUT_HINT,
    ),
    "output-suffix": _e(
        "Đuôi tên tệp không đúng",
        "Wrong file name ending",
        "{option} {path}: tên tệp phải kết thúc bằng {allowed}",
        "{option} {path}: the file must end in {allowed}",
        "đổi đuôi tên tệp",
        "change the file name's ending",
    ),
    "output-type-unknown": _e(
        "Không biết loại tệp kết quả",
        "Unknown output type",
        "không biết loại kết quả {suffix}",
        "unknown output type {suffix}",
        "dùng results.xlsx, hoặc một thư mục với --format csv hay parquet",
        "use results.xlsx, or a folder with --format csv or parquet",
    ),
    "csv-needs-folder": _plain(
        "Kết quả CSV gồm nhiều bảng: cần một thư mục",
        "A CSV result is several tables: a folder is needed",
        "chỉ ra tên thư mục cùng --format csv",
        "give a folder name with --format csv",
    ),
    # --- results read back (pari report, pari explain, --previous) ---------------------------------
    "results-damaged": _plain(
        "Tệp kết quả bị hỏng hoặc đã bị sửa",
        "The results file is damaged or was edited",
        "chấm lại bằng pari score để có tệp kết quả mới",
        "score again with pari score for a fresh results file",
    ),
    "results-link-outside": _plain(
        "Tệp kết quả trỏ ra ngoài thư mục của nó",
        "The results folder links outside itself",
        "dùng thư mục kết quả do pari score ghi",
        "give a results folder written by pari score",
    ),
    "results-overflow-outside": _plain(
        "Bảng tràn của tệp kết quả nằm ngoài thư mục của nó",
        "The results' overflow table lies outside its folder",
        "dùng tệp kết quả do pari score ghi",
        "give a results file written by pari score",
    ),
    "commune-not-in-results": _e(
        "Xã không có trong tệp kết quả",
        "Commune not in the results",
        "xã {commune} không có trong {results}",
        "commune {commune} is not in {results}",
        "dùng mã xã như trong kết quả (pari explain MÃ --results …); mã giữ các số 0 ở đầu",
        "use a commune code of the results (pari explain CODE --results …); codes keep their leading zeros",
    ),
    "criterion-not-in-results": _e(
        "Không có tiêu chí được chấm với mã này",
        "No scored item under this id",
        "{criterion} không phải là tiêu chí được chấm, lĩnh vực hay tiêu chí có tiêu chí con được chấm",
        "{criterion} is neither a scored item nor an area or criterion with scored items",
        "dùng một mã của bộ tiêu chí, ví dụ 1.1.1 (mã là văn bản: 1.10 khác 1.1)",
        "use an id of the criteria set, e.g. 1.1.1 (ids are text: 1.10 is not 1.1)",
    ),
    # --- the command line and the system ----------------------------------------------------------
    "usage": _plain(
        "Tuỳ chọn không dùng được",
        "Options that cannot be used",
        "xem pari LỆNH --help",
        "see pari COMMAND --help",
    ),
    "no-criteria-given": _plain(
        "Chưa chỉ ra bộ tiêu chí",
        "No criteria set given",
        "chỉ ra một hoặc nhiều tệp bộ tiêu chí, hoặc --bundled",
        "give one or more criteria files, or --bundled",
    ),
    "no-assessments-given": _plain(
        "Chưa chỉ ra tệp tự đánh giá",
        "No assessment file given",
        "chỉ ra ít nhất một tệp tự đánh giá (pari score TỆP …)",
        "give at least one assessment file (pari score FILE …)",
    ),
    "unit-type-with-register": _plain(
        "--unit-type chỉ dùng khi không có --communes",
        "--unit-type only without --communes",
        "bỏ --unit-type: danh sách đơn vị cho biết loại của từng đơn vị",
        "leave out --unit-type: the register gives each unit's type",
    ),
    "run-too-large": _e(
        "Lượt chấm quá lớn",
        "Run too large",
        "{units} đơn vị × {items} tiêu chí được chấm = {rows} dòng tiêu chí, vượt quá {limit} dòng một lượt chấm",
        "{units} units × {items} scored items = {rows} item rows, more than the {limit} one run scores",
        "kiểm tra đúng danh sách đơn vị (cả nước có khoảng 10.000 xã); để chấm nhiều hơn, đặt PARI_MAX_ITEM_ROWS, "
        "hoặc chấm từng tỉnh",
        "check that this is the register you meant (a country has some 10,000 communes); to score more at once, "
        "set PARI_MAX_ITEM_ROWS, or split by province",
    ),
    "strict": _e(
        "--strict: lượt chấm có phát hiện",
        "--strict: the run has findings",
        "--strict: {errors} lỗi và {warnings} cảnh báo (kết quả đã ghi vào {out})",
        "--strict: {errors} errors and {warnings} warnings (results written to {out})",
        "giải quyết từng phát hiện, hoặc chạy không có --strict",
        "resolve every finding, or run without --strict",
    ),
    "more": _e(
        "Còn các vấn đề khác",
        "More problems",
        "… và {count} vấn đề khác (xem trang findings)",
        "… and {count} more (see the findings sheet)",
    ),
    "os-error": _e(
        "Hệ điều hành từ chối",
        "Refused by the operating system",
        "hệ điều hành từ chối: {reason}",
        "the operating system refused: {reason}",
        "kiểm tra đường dẫn có tồn tại, đọc được (hoặc ghi được, với kết quả) và không quá dài",
        "check that the path exists, is readable (or writable, for an output) and is not too long",
    ),
    "error": _plain("Lỗi", "Error", "xem docs/errors.md", "see docs/errors.md"),
}

#: What the CLI says when a run stops on something that is not a problem of an input.
STOPPED: dict[str, Words] = {
    "interrupted": Words("đã dừng (Ctrl-C)", "interrupted"),
    "memory": Words(
        "lỗi: hết bộ nhớ; tách dữ liệu theo tỉnh hoặc huyện",
        "error: out of memory; split the input by province or district",
    ),
    "exported": Words(
        "Đã ghi {output}: {rows} tiêu chí của {id} ({origin}).", "Wrote {output}: {rows} items of {id} ({origin})."
    ),
    "internal": Words(
        "lỗi nội bộ: pari-index dừng vì một lỗi của chính nó, theo những gì nó biết thì không phải do tệp của bạn "
        "({error}). Không có gì được ghi trừ khi đã thông báo. Xin báo lỗi kèm lệnh đã chạy; chạy lại với "
        "PARI_DEBUG=1 để xem chi tiết.",
        "internal error: pari-index stopped on a bug, not on something wrong in your files as far as it can tell "
        "({error}). Nothing was written unless it said so. Please report it with the command you ran; run again "
        "with PARI_DEBUG=1 to see the details.",
    ),
}


#: The lines of ``pari validate``.
VALIDATED: dict[str, Words] = {
    "invalid": Words("{name}: KHÔNG HỢP LỆ ({n} vấn đề)", "{name}: INVALID ({n} problems)"),
    "ok": Words(
        "{name}: hợp lệ — {id}, {origin}{issued}, {areas} lĩnh vực, {leaves} tiêu chí được chấm, thang điểm "
        "{scale}, xếp hạng {units}",
        "{name}: ok — {id}, {origin}{issued}, {areas} areas, {leaves} scored items, scale {scale}, ranks {units}",
    ),
    "warning": Words("cảnh báo", "warning"),
}


#: Every finding kind that can reach an output (the findings table, the report, ``pari explain``,
#: the console summary of ``pari score``). tests/test_messages.py checks that every kind the source
#: emits is here, in both languages.
CATALOGUE: dict[str, Entry] = {
    # --- verification and scoring --------------------------------------------------------------
    "not-applicable-to-unit": _e(
        "Tiêu chí không áp dụng cho loại đơn vị",
        "Item not applicable to the unit's type",
        "đơn vị {commune} là {unit_type}; tiêu chí {criterion} chỉ áp dụng cho loại đơn vị: {unit_types}, "
        "nên giá trị này không được tính",
        "unit {commune} is a {unit_type}; item {criterion} applies only to these unit types: {unit_types}, "
        "so this value was not scored",
        "để trống (mẫu biểu khoá các dòng này), hoặc sửa loại đơn vị trong danh sách đơn vị",
        "leave it empty (the template locks these rows), or correct the unit's type in the register",
    ),
    "self-score-differs": _e(
        "Tự chấm khác điểm tính theo quy tắc",
        "Self-score differs from the rules",
        "tự chấm {self_score} điểm nhưng quy tắc cho {computed} điểm với số liệu đã báo cáo",
        "self-score {self_score} but the rules give {computed} on the reported inputs",
        "dùng điểm tính theo quy tắc; kiểm tra lại số liệu hoặc điểm tự chấm",
        "the computed score is used; check the inputs or the self-score",
    ),
    "appraisal-correction": _e(
        "Điểm sửa khi thẩm định",
        "Changed at appraisal",
        "thẩm định sửa {computed} thành {appraised} điểm ({reason})",
        "appraisal changed {computed} to {appraised} ({reason})",
    ),
    "not-assessed": _e(
        "Chưa tự đánh giá",
        "Not assessed",
        "{count} tiêu chí chưa có số liệu và được 0 điểm: {items}",
        "{count} item(s) have no input and score 0: {items}",
        "điền các tiêu chí này vào bảng tự đánh giá (xem trang criteria)",
        "fill in these items in the self-assessment (see the criteria sheet)",
    ),
    "printed-max-unreachable": _e(
        "Điểm tối đa in không đạt được",
        "Printed maximum unreachable",
        "Tiêu chí {criterion}: điểm tối đa in trong quyết định là {printed} nhưng các tiêu chí thành phần chỉ cộng "
        "được {children}; điểm tối đa in được giữ nguyên, nên {points} điểm không đơn vị nào đạt được "
        "(ghi chú: {reason}).",
        "Item {criterion}: the decision prints a maximum of {printed} but its sub-items add up to {children}; the "
        "printed maximum counts, so {points} points are unreachable for every unit (note: {reason}).",
        "điểm tối đa in trong quyết định được tính (docs/criteria.md §14)",
        "the printed maximum counts (docs/criteria.md §14)",
    ),
    "evidence-missing": _evidence("Thiếu minh chứng", "Evidence missing"),
    "evidence-explained": _evidence("Thiếu minh chứng, có giải trình chờ thẩm định", "Evidence explained, awaiting"),
    "evidence-rejected": _evidence("Giải trình không được chấp nhận", "Explanation rejected"),
    "evidence-file_not_found": _evidence("Không tìm thấy tệp minh chứng", "Evidence file not found"),
    "evidence-outside_evidence_dir": _evidence(
        "Tệp minh chứng nằm ngoài thư mục minh chứng", "Evidence file outside the evidence folder"
    ),
    "evidence-bad_name": _evidence(
        "Tên tệp minh chứng không dùng được",
        "Evidence file name not usable",
        (
            "đặt lại tên văn bản, không có ký tự điều khiển và ngắn hơn, rồi ghi tên đó",
            "rename the document without control characters and with a shorter name, and write that name",
        ),
    ),
    "evidence-not_a_file": _evidence(
        "Minh chứng là một thư mục, không phải tệp",
        "Evidence names a folder, not a file",
        ("ghi tên của chính văn bản, không phải thư mục chứa nó", "name the document itself, not its folder"),
    ),
    "evidence-unreadable": _evidence(
        "Không đọc được tệp minh chứng",
        "Evidence file cannot be read",
        (
            "kiểm tra quyền truy cập và liên kết của tệp; Hội đồng thẩm định phải mở được tệp",
            "check the file's permissions and links; the appraisal council must be able to open it",
        ),
    ),
    "no-register": _e(
        "Không có danh sách đơn vị",
        "No commune register",
        "không có danh sách đơn vị hành chính (--communes): chưa biết loại đơn vị, nên các tiêu chí chỉ áp dụng "
        "cho một số loại đơn vị bị loại ra, và mọi xã được xếp hạng chung một nhóm",
        "no commune register given (--communes): unit types are unknown, so items that apply only to some unit "
        "types are excluded, and all communes are ranked as one group",
        "cung cấp danh sách đơn vị bằng --communes",
        "give the register with --communes",
    ),
    "year-differs": _e(
        "Năm chấm khác năm của bộ tiêu chí",
        "Scoring year differs from the set's",
        "chấm cho năm {year}, nhưng {criteria} là bộ tiêu chí năm {set_year}: các hạn theo ngày cố định "
        "({deadlines}) vẫn là ngày của năm {set_year}",
        "scored for {year}, but {criteria} is the set of {set_year}: the fixed-date deadlines ({deadlines}) "
        "stay days of {set_year}",
        "viết các hạn đó theo ngày trong năm ({{month: 1, day: 31}}) để chúng đổi theo --year",
        "write those deadlines as days of the year ({{month: 1, day: 31}}) to move them with --year",
    ),
    "no-rows": _e(
        "Tệp không có dòng dữ liệu",
        "No rows",
        "tệp có tên cột nhưng không có dòng nào bên dưới",
        "the file has column names but not one row below them",
        "xuất lại trang tính cùng các dòng, hoặc bỏ tệp này ra",
        "export the sheet again with its rows, or leave the file out",
    ),
    "file-unread": _e(
        "Không dùng được tệp",
        "File not used",
        "không dùng được gì trong tệp này ({count} vấn đề); không ghi kết quả",
        "nothing of this file could be used ({count} problem(s)); no results were written",
        "sửa tệp (xem các vấn đề ở trên), hoặc dùng --allow-incomplete để chấm khi thiếu tệp",
        "correct the file (see the problems above), or give --allow-incomplete to score without it",
    ),
    # --- cells of the assessments ----------------------------------------------------------------
    "missing-commune-code": _e(
        "Thiếu mã xã",
        "Commune code missing",
        "dòng không có mã xã",
        "the row has no commune code",
        "điền mã xã",
        "fill in the commune code",
    ),
    "missing-criterion": _e(
        "Thiếu mã tiêu chí",
        "Criterion id missing",
        "dòng không có mã tiêu chí",
        "the row has no criterion id",
        "điền mã tiêu chí, ví dụ 1.1.1",
        "fill in the criterion id, e.g. 1.1.1",
    ),
    "unknown-criterion": _e(
        "Tiêu chí không có trong bộ tiêu chí",
        "Unknown criterion",
        "tiêu chí {criterion} không phải là tiêu chí được chấm của bộ tiêu chí này",
        "criterion {criterion} is not a scored item of this criteria set",
        "đối chiếu mã với bộ tiêu chí (pari template liệt kê các mã); mã là văn bản: 1.10 khác 1.1",
        "check the id against the criteria set (pari template lists them); ids are text: 1.10 is not 1.1",
    ),
    "input-required": _e(
        "Cần ghi tên đầu vào",
        "Input name needed",
        "tiêu chí {criterion} có nhiều đầu vào: ghi rõ đầu vào ở cột input",
        "criterion {criterion} has several inputs: say which one in the input column",
        "điền cột input (mẫu nhập liệu liệt kê tên các đầu vào)",
        "fill the input column (the template lists the input names)",
    ),
    "unknown-input": _e(
        "Đầu vào không có trong tiêu chí",
        "Unknown input",
        "tiêu chí {criterion} không có đầu vào tên {input}",
        "criterion {criterion} has no input named {input}",
        "dùng tên đầu vào của bộ tiêu chí (pari template liệt kê)",
        "use the input names of the criteria set (pari template lists them)",
    ),
    "unknown-commune": _e(
        "Xã không có trong danh sách",
        "Unknown commune",
        "xã {commune} không có trong danh sách đơn vị",
        "commune {commune} is not in the commune register",
        "bổ sung vào danh sách, hoặc sửa mã (mã giữ các số 0 ở đầu)",
        "add it to the register, or correct the code (codes keep their leading zeros)",
    ),
    "control-character": _e(
        "Ký tự điều khiển trong mã",
        "Control character in a code",
        "{what} {text} chứa ký tự điều khiển, ký tự hướng chữ hoặc ký tự ẩn (hiện là <U+…>)",
        "{what} {text} holds a control, bidi or invisible character (shown as <U+…>)",
        "gõ lại mã; mã xã, mã tiêu chí và tên đầu vào là văn bản thường",
        "retype the code; codes, criterion ids and input names are plain text",
    ),
    "bad-value": _e(
        "Giá trị không đọc được",
        "Unreadable value",
        "{value} không phải là {expected}",
        "{value} is not {expected}",
        "sửa ô; các giá trị lỗi của Excel như #N/A hay #DIV/0! không chấm được",
        "correct the cell; Excel error values such as #N/A or #DIV/0! cannot be scored",
    ),
    "negative-value": _e(
        "Giá trị âm",
        "Negative value",
        "{value} là số âm; số lượng và số tiền không thể nhỏ hơn 0",
        "{value} is negative; counts and amounts cannot be below 0",
        "sửa ô",
        "correct the cell",
    ),
    "percent-above-100": _e(
        "Tỷ lệ trên 100 %",
        "Percentage above 100 %",
        "{value} % lớn hơn 100 %",
        "{value} % is above 100 %",
        "tỷ lệ phần trăm nằm trong khoảng 0 đến 100",
        "a percentage lies between 0 and 100",
    ),
    "not-whole": _e(
        "Không phải số nguyên",
        "Not a whole number",
        "{value} không phải là số nguyên",
        "{value} is not a whole number",
        "số lần đếm là số nguyên",
        "a count is a whole number",
    ),
    "below-minimum": _e(
        "Dưới mức tối thiểu",
        "Below the minimum",
        "{value} nhỏ hơn mức tối thiểu {limit}",
        "{value} is below the minimum {limit}",
        "sửa ô",
        "correct the cell",
    ),
    "above-maximum": _e(
        "Trên mức tối đa",
        "Above the maximum",
        "{value} lớn hơn mức tối đa {limit}",
        "{value} is above the maximum {limit}",
        "sửa ô",
        "correct the cell",
    ),
    "na-not-allowed": _e(
        "Không được ghi không áp dụng",
        "Not applicable not allowed",
        "tiêu chí {criterion} không được ghi là không áp dụng",
        "criterion {criterion} cannot be marked not applicable",
        "chấm tiêu chí này, hoặc giải trình với Hội đồng thẩm định",
        "score it, or give an explanation for the appraisal council",
    ),
    "implausible-date": _e(
        "Ngày không hợp lý",
        "Implausible date",
        "{value} không phải là một ngày dùng được (năm viết tắt hoặc ngoài khoảng)",
        "{value} is not a usable date (a short or out-of-range year)",
        "ghi ngày đủ năm bốn chữ số, ví dụ 15/01/2025",
        "write the date with a four-digit year, e.g. 15/01/2025",
    ),
    "number-too-precise": _e(
        "Số quá nhiều chữ số thập phân",
        "Number too precise",
        "{value} có nhiều chữ số thập phân hơn mức pari-index giữ chính xác",
        "{value} has more decimals than pari-index holds exactly",
        "làm tròn số trong bảng tính (ví dụ bằng ROUND) đến số chữ số thập phân cần thiết",
        "round the number in the sheet (e.g. with ROUND) to the decimals that count",
    ),
    "number-out-of-range": _e(
        "Số quá lớn",
        "Number out of range",
        "{value} vượt quá số lớn nhất pari-index đọc được",
        "{value} is beyond the largest number pari-index reads",
        "kiểm tra số; pari-index đọc các số nhỏ hơn 100.000.000.000.000 (10^14)",
        "check the number; pari-index reads numbers below 100,000,000,000,000 (10^14)",
    ),
    "conflicting-values": _e(
        "Giá trị mâu thuẫn",
        "Conflicting values",
        "xã {commune}, tiêu chí {criterion}, {input} được ghi nhiều lần với giá trị khác nhau; không giá trị nào "
        "được dùng",
        "commune {commune} criterion {criterion} {input} is given more than once with different values; none was used",
        "giữ một dòng cho mỗi xã, tiêu chí và đầu vào",
        "keep one row per commune, criterion and input",
    ),
    "duplicate-row": _e(
        "Dòng lặp lại",
        "Repeated row",
        "dòng lặp lại cùng giá trị (chỉ tính một lần)",
        "the row repeats the same value (counted once)",
        "xoá dòng lặp",
        "delete the repeat",
    ),
    "missing-column": _e(
        "Thiếu cột",
        "Missing column",
        "thiếu cột {columns}; có các cột {found}",
        "no {columns} column; found {found}",
        "thêm các cột còn thiếu ở hàng tiêu đề (tên cột: xem docs/data-formats.md)",
        "add the missing columns to the header row (column names: see docs/data-formats.md)",
    ),
    "unknown-column": _e(
        "Cột không dùng đến",
        "Unknown column",
        "cột {column} không phải là cột pari-index đọc; cột này bị bỏ qua",
        "column {column} is not one pari-index reads; it was ignored",
        "đổi tên cột theo mẫu nhập liệu, hoặc xoá cột",
        "rename the column as in the template, or delete it",
    ),
    "no-input": _e(
        "Không có số liệu",
        "No input",
        "tệp không có số liệu nào để chấm",
        "the file holds no input to score",
        "điền số liệu theo mẫu nhập liệu (pari template)",
        "fill in the inputs as in the template (pari template)",
    ),
    "duplicate-column": _e(
        "Cột trùng tên",
        "Column appears twice",
        "cột {name} xuất hiện hai lần (cột {first} và {second})",
        "column {name} appears twice (columns {first} and {second})",
        "đổi tên hoặc xoá một cột",
        "rename or delete one of them",
    ),
    "excel-error-cell": _e(
        "Ô chứa lỗi Excel; không được đọc",
        "Cell holds an Excel error; not read",
        "ô chứa lỗi Excel {code}; ô không được đọc",
        "the cell holds the Excel error {code}; it was not read",
        "sửa công thức hoặc gõ giá trị; giá trị lỗi không chấm được",
        "correct the formula or type the value; error values cannot be scored",
    ),
    "formula-without-value": _e(
        "Công thức chưa lưu kết quả; đọc là ô trống",
        "Formula without a saved result; read as empty",
        "ô chứa công thức (={formula}) chưa lưu kết quả; ô được đọc là trống",
        "the cell holds a formula (={formula}) with no saved result; it was read as empty",
        "mở tệp bằng Excel và lưu lại (kết quả được lưu khi lưu tệp), hoặc gõ giá trị",
        "open the file in Excel and save it (results are stored on saving), or type the value",
    ),
    "merged-cells": _e(
        "Ô bị gộp: chỉ ô đầu có giá trị",
        "Merged cells: only the first holds the value",
        "các ô {cells} bị gộp: chỉ ô đầu có giá trị, các ô khác được đọc là trống",
        "cells {cells} are merged: only the first holds the value, the others read as empty",
        "bỏ gộp ô và điền giá trị vào từng dòng",
        "unmerge the cells and fill the value into each row",
    ),
    # --- the commune register and the appraisal file ---------------------------------------------
    "missing-code": _e(
        "Thiếu mã đơn vị",
        "Code missing",
        "dòng không có mã xã; dòng này bị bỏ qua",
        "the row has no commune code; it was left out",
        "điền mã",
        "fill in the code",
    ),
    "duplicate-commune": _e(
        "Mã xã lặp lại",
        "Commune listed twice",
        "mã xã {code} được ghi lại (lần đầu ở dòng {first}); dòng này bị bỏ qua",
        "commune code {code} is listed again (first in row {first}); this row was left out",
        "mỗi đơn vị chỉ có một dòng; đơn vị sáp nhập có mã mới",
        "each unit appears once; merged units get a new code",
    ),
    "missing-name": _e(
        "Thiếu tên đơn vị",
        "Name missing",
        "dòng không có tên; dùng mã làm tên",
        "the row has no name; the code is used as its name",
        "điền tên",
        "fill in the name",
    ),
    "unknown-unit-type": _e(
        "Loại đơn vị không xác định",
        "Unknown unit type",
        "loại {type} không phải là xã, phường, thị trấn hay đặc khu; các tiêu chí chỉ áp dụng cho một số loại "
        "đơn vị bị loại ra với đơn vị này",
        "type {type} is not one of xã, phường, thị trấn, đặc khu; items limited to some unit types are excluded "
        "for this unit",
        "ghi một trong: xã, phường, thị trấn, đặc khu",
        "write one of: xã, phường, thị trấn, đặc khu",
    ),
    "level-code-names": _e(
        "Một mã có nhiều tên",
        "One code, several names",
        "mã {code} có tên {name} ở đây nhưng tên {first_name} ở dòng {first_row}; các đơn vị được xếp hạng "
        "chung theo mã",
        "code {code} is named {name} here and {first_name} in row {first_row}; the units are ranked together, as "
        "the code says",
        "ghi một tên cho mỗi mã, hoặc sửa mã",
        "write one name for each code, or correct the code",
    ),
    "missing-reason": _e(
        "Thiếu lý do thẩm định",
        "Reason missing",
        "mỗi điều chỉnh khi thẩm định cần có lý do",
        "an appraisal correction needs a reason",
        "ghi lý do Hội đồng thay đổi điểm",
        "write why the council changed the score",
    ),
    "bad-score": _e(
        "Điểm không đọc được",
        "Unreadable score",
        "điểm {value} không phải là số điểm (tối đa 4 chữ số thập phân)",
        "score {value} is not a number of points (at most 4 decimals)",
        "ghi số điểm thẩm định, ví dụ 0,75",
        "write the appraised points, e.g. 0,75",
    ),
    "bad-decision": _e(
        "Quyết định minh chứng không đọc được",
        "Unreadable evidence decision",
        "evidence_accepted {value} không phải là có/không",
        "evidence_accepted {value} is not có/không (yes/no)",
        "ghi có (chấp nhận giải trình) hoặc không",
        "write có (the explanation is accepted) or không",
    ),
    # --- reading files ----------------------------------------------------------------------------
    **{
        code: _e(vi, en, vi, en, hint_vi, hint_en)
        for code, (vi, en, hint_vi, hint_en) in {
            "reserved-column": (
                "Tên cột dành riêng cho pari-index; cột không được đọc",
                "Column name reserved by pari-index; not read",
                "đổi tên cột",
                "rename the column",
            ),
            "no-headers": (
                "Hàng tiêu đề không có tên cột",
                "The header row has no column names",
                "ghi tên cột ở hàng 1",
                "put the column names in row 1",
            ),
            "cell-without-header": (
                "Ô trong cột không có tên bị bỏ qua",
                "Cells in a column without a name were ignored",
                "đặt tên cho cột ở hàng 1 hoặc xoá các ô",
                "give the column a name in row 1 or clear it",
            ),
            "empty-sheet": (
                "Trang tính trống",
                "The table is empty",
                "ghi tên cột ở hàng 1",
                "put the column names in row 1",
            ),
            "too-many-columns": (
                "Quá nhiều cột; bảng không được đọc",
                "Too many columns; the table was not read",
                "kiểm tra ký tự phân cách, hoặc dùng dạng dọc",
                "check the delimiter, or use the long form",
            ),
            "csv-syntax": (
                "Không đọc được tệp CSV",
                "Not readable as CSV",
                "kiểm tra mỗi dòng có cùng số cột và các dấu ngoặc kép đã đóng",
                "check that every row has the same number of columns and quotes are closed",
            ),
            "empty-file": ("Tệp trống", "The file is empty", "xuất lại trang tính", "export the sheet again"),
            "encoding-fallback": (
                "Tệp không phải UTF-8",
                "Not UTF-8",
                "kiểm tra tên hiển thị đúng; để chắc chắn, lưu tệp dạng CSV UTF-8",
                "check that the names read correctly; to be sure, save the file as CSV UTF-8",
            ),
            "undecodable-bytes": (
                "Có byte không giải mã được",
                "Undecodable bytes",
                "lưu tệp dạng CSV UTF-8",
                "save the file as CSV UTF-8",
            ),
            "file-not-found": ("Không tìm thấy tệp", "File not found", "kiểm tra đường dẫn", "check the path"),
            "file-unreadable": (
                "Không đọc được tệp",
                "Cannot read the file",
                "kiểm tra đường dẫn và quyền truy cập",
                "check the path and its permissions",
            ),
            "file-too-large": ("Tệp quá lớn", "File too large", "tách tệp theo huyện", "split the file by district"),
            "binary-file": (
                "Tệp nhị phân, không phải CSV",
                "A binary file, not CSV",
                "xuất trang tính dạng CSV (UTF-8) hoặc dùng tệp .xlsx",
                "export the sheet as CSV (UTF-8) or give the .xlsx",
            ),
            "is-a-directory": (
                "Đây là thư mục, không phải tệp",
                "A folder, not a file",
                "chỉ ra chính tệp",
                "give the file itself",
            ),
            "not-a-file": (
                "Không phải tệp thông thường",
                "Not a regular file",
                "chỉ ra chính tệp",
                "give the file itself",
            ),
            "unsupported-column-type": (
                "Cột không phải một giá trị mỗi ô; cột không được đọc",
                "Column not one value per cell; not read",
                "ghi cột dưới dạng văn bản hoặc số",
                "write the column as text or numbers",
            ),
            "not-parquet": (
                "Không đọc được tệp Parquet",
                "Cannot be read as Parquet",
                "xuất lại tệp",
                "export the file again",
            ),
            "too-many-cells": (
                "Quá nhiều ô; tệp không được đọc",
                "Too many cells; not read",
                "tách tệp theo huyện",
                "split the file by district",
            ),
            "cell-too-long": (
                "Ô quá dài",
                "Cell too long",
                "rút ngắn nội dung ô hoặc xuất CSV (UTF-8)",
                "shorten the text or export CSV (UTF-8)",
            ),
            "xlsx-too-large": (
                "Sổ tính quá lớn khi giải nén",
                "Workbook too large when inflated",
                "tách sổ tính",
                "split the workbook",
            ),
            "xlsx-too-much-text": (
                "Sổ tính có quá nhiều văn bản",
                "Workbook holds too much text",
                "tách sổ tính",
                "split the workbook",
            ),
            "xlsx-too-many-parts": (
                "Sổ tính có quá nhiều thành phần",
                "Workbook has too many parts",
                "mở bằng Excel và lưu lại, hoặc xuất CSV (UTF-8)",
                "open it in Excel and save it again, or export CSV (UTF-8)",
            ),
            "xlsx-compression-ratio": (
                "Sổ tính nén bất thường",
                "Workbook compressed abnormally",
                "mở bằng Excel và lưu lại, hoặc xuất CSV (UTF-8)",
                "open it in Excel and save it again, or export CSV (UTF-8)",
            ),
            "xlsx-damaged": (
                "Sổ tính bị hỏng",
                "Workbook damaged",
                "mở bằng Excel và lưu lại, hoặc xuất CSV (UTF-8)",
                "open it in Excel and save it again, or export CSV (UTF-8)",
            ),
            "bad-cell-reference": (
                "Địa chỉ ô không hợp lệ",
                "Bad cell reference",
                "mở bằng Excel và lưu lại",
                "open it in Excel and save it again",
            ),
            "sheet-too-large": ("Trang tính quá lớn", "Sheet too large", "tách trang tính", "split the sheet"),
            "sheet-too-wide": ("Trang tính quá rộng", "Sheet too wide", "xoá các cột thừa", "delete the stray columns"),
            "sheet-too-sparse": (
                "Vùng dữ liệu quá thưa",
                "Used range too sparse",
                "xoá các ô lạc xa bảng, rồi lưu",
                "delete the stray cells far from the table, then save",
            ),
            "sheet-unreadable": (
                "Không đọc được trang tính",
                "The sheet cannot be read",
                "mở bằng Excel và lưu lại",
                "open it in Excel and save it again",
            ),
            "too-many-strings": (
                "Sổ tính có quá nhiều chuỗi",
                "Too many strings",
                "tách sổ tính",
                "split the workbook",
            ),
            "not-a-spreadsheet": (
                "Không mở được dưới dạng bảng tính",
                "Cannot be opened as a spreadsheet",
                "lưu từ Excel dạng .xlsx, hoặc xuất CSV (UTF-8)",
                "save it from Excel as .xlsx, or export CSV (UTF-8)",
            ),
            "hidden-sheet": (
                "Trang tính bị ẩn nên không được đọc",
                "Hidden sheet, not read",
                "hiện trang tính trong Excel nếu có dữ liệu cần chấm",
                "unhide it in Excel if it holds data to score",
            ),
            "evidence-dir-missing": (
                "Không có thư mục minh chứng",
                "The evidence folder does not exist",
                "chỉ ra thư mục chứa các tệp minh chứng",
                "give the folder that holds the evidence files",
            ),
            "evidence-dir-unusable": (
                "Không dùng được thư mục minh chứng",
                "The evidence folder cannot be used",
                "chỉ ra thư mục chứa các tệp minh chứng",
                "give the folder that holds the evidence files",
            ),
            "survey-missing": (
                "Thiếu kết quả khảo sát",
                "Survey results missing",
                "cung cấp kết quả khảo sát bằng --survey, hoặc dùng --no-survey",
                "give the survey results with --survey, or --no-survey",
            ),
            "unknown-group-column": (
                "Danh sách đơn vị không có cột để xếp hạng theo nhóm",
                "No such column to rank within",
                "chọn một cột có trong danh sách đơn vị cho --group-by",
                "give --group-by one of the register's columns",
            ),
            "empty-group-column": (
                "Tên cột trống trong --group-by",
                "Empty column name in --group-by",
                "liệt kê các cột cách nhau bằng dấu phẩy, ví dụ --group-by province,district",
                "list register columns separated by commas, e.g. --group-by province,district",
            ),
            "repeated-group-column": (
                "Cột được nêu hai lần trong --group-by",
                "Column named twice in --group-by",
                "nêu mỗi cột một lần, từ cấp trên xuống",
                "name each register column once, from the top down",
            ),
            "group-columns-order": (
                "Cấp huyện đứng trước cấp tỉnh trong --group-by",
                "District before province in --group-by",
                "liệt kê các cột từ cấp trên xuống: --group-by province,district",
                "list the columns from the top down: --group-by province,district",
            ),
            "not-results": (
                "Không phải tệp kết quả của pari score",
                "Not a results file of pari score",
                "chỉ ra tệp kết quả do pari score ghi",
                "give a results file written by pari score",
            ),
            "bad-limit": (
                "Giới hạn trong biến môi trường không hợp lệ",
                "Bad limit in an environment variable",
                "đặt một số nguyên dương (xem docs/limits.md), hoặc bỏ biến",
                "set a positive whole number (see docs/limits.md), or unset it",
            ),
        }.items()
    },
    **STOPPING,
    # --- hostile sweep, session 6 (command line, paths, cache, encodings) ----------------------
    "bad-date": _e(
        "Ngày không hợp lệ",
        "Not a date",
        "{option} {value} không phải một ngày trong khoảng 2000–2100 viết dạng YYYY-MM-DD",
        "{option} {value} is not a date of 2000-2100 written YYYY-MM-DD",
        "viết ngày dạng YYYY-MM-DD, ví dụ 2025-03-01",
        "write it as YYYY-MM-DD, e.g. 2025-03-01",
    ),
    "cache-overlaps-output": _e(
        "Bộ nhớ đệm trùng với thư mục kết quả",
        "Cache and output overlap",
        "--cache {cache} và {option} {path} chồng lên nhau: thư mục này là hoặc chứa thư mục kia",
        "--cache {cache} and {option} {path} overlap: one is or holds the other",
        "để bộ nhớ đệm trong một thư mục riêng, bên cạnh kết quả (ví dụ .pari-cache)",
        "keep the cache in a folder of its own, beside the results (e.g. .pari-cache)",
    ),
    "output-name-not-portable": _e(
        "Tên tệp không mở được trên Windows",
        "Name Windows cannot open",
        "{option}: không mở được {name} trên Windows ({reason})",
        "{option}: {name} cannot be opened on Windows ({reason})",
        "chọn tên khác: không dùng CON, PRN, AUX, NUL, COM1-9, LPT1-9, không kết thúc bằng dấu chấm hay "
        'dấu cách, không có < > : " | ? * \\',
        "choose another name: no CON, PRN, AUX, NUL, COM1-9 or LPT1-9, no dot or space at the end, "
        'none of < > : " | ? * \\',
    ),
    "template-too-large": _e(
        "Mẫu biểu quá lớn",
        "Form too large",
        "{units} đơn vị × số dòng nhập của bộ tiêu chí = {rows} dòng, nhiều hơn {limit} dòng một mẫu biểu chứa",
        "{units} units × the set's input rows = {rows} rows, more than the {limit} one form holds",
        "dùng danh sách đơn vị của từng tỉnh hoặc huyện; để ghi mẫu lớn hơn, đặt PARI_MAX_TEMPLATE_ROWS",
        "give the register of one province or district at a time; for larger forms set PARI_MAX_TEMPLATE_ROWS",
    ),
    "output-name-too-long": _e(
        "Tên tệp quá dài",
        "Name too long",
        "{option}: một tên trong đường dẫn dài hơn {limit} byte",
        "{option}: a name in the path is longer than {limit} bytes",
        "tên quá dài đối với ổ đĩa: chọn tên ngắn hơn",
        "the name is too long for the disk: choose a shorter name",
    ),
    "output-path-too-long": _e(
        "Đường dẫn quá dài",
        "Path too long",
        "{option}: đường dẫn dài {bytes} byte, nhiều hơn {limit} byte hệ thống cho phép để ghi tệp ở đó",
        "{option}: the path is {bytes} bytes long, more than the {limit} the system takes "
        "for a file to be written there",
        "tên quá dài đối với ổ đĩa: chọn tên ngắn hơn",
        "the name is too long for the disk: choose a shorter name",
    ),
    "legacy-encoding": _e(
        "Tệp dùng bảng mã tiếng Việt cũ (TCVN3/VNI); tệp không được đọc",
        "Legacy Vietnamese encoding (TCVN3/VNI); not read",
        "tệp dùng bảng mã tiếng Việt cũ (TCVN3/ABC hoặc VNI), không phải UTF-8 hay Windows-1258: {evidence}; "
        "tệp không được đọc để tránh chấm trên chữ bị lỗi phông",
        "a legacy Vietnamese font encoding (TCVN3/ABC or VNI), not UTF-8 or Windows-1258: {evidence}; "
        "the file was not read, rather than score garbled text",
        "chuyển tệp sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã), rồi lưu dạng CSV UTF-8",
        "convert it to Unicode (e.g. Unikey's converter), then save it as CSV UTF-8",
    ),
}

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


def entry_of(kind: str) -> Entry | None:
    """The catalogue's words for ``kind``; a ``schema:<type>`` of pydantic's that has none of its own
    gets the words of ``schema``."""
    entry = CATALOGUE.get(kind)
    if entry is None and kind.startswith("schema:"):
        return CATALOGUE["schema"]
    return entry


def title(kind: str, lang: str) -> str:
    """The title of a finding kind in ``lang`` (a kind outside the catalogue: a generic title)."""
    entry = entry_of(kind)
    if entry is None:
        return "Vấn đề khác" if lang == "vi" else "Other problem"
    return entry.title.get(lang)


#: Shows an input by its label: (criterion id, input id) -> label, or None when unknown.
InputLabel = Callable[[str, str], "str | None"]


@functools.cache
def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _shown(name: str, value: Any, lang: str, params: Mapping[str, Any], label: InputLabel | None) -> str:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return format_number(value, lang)
    if value is None:
        return "—"
    text = str(value)
    if name == "unit_types":
        return ", ".join(_shown("unit_type", part, lang, params, label) for part in text.split(","))
    if name in PARAM_WORDS:
        words = PARAM_WORDS[name].get(text)
        return words.get(lang) if words else ("giá trị hợp lệ" if lang == "vi" else "valid")
    if name == "input" and label is not None and params.get("criterion") is not None:
        return label(str(params["criterion"]), text) or text
    if name == "items" and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return text


def render(
    kind: str,
    params: Mapping[str, Any] | None,
    lang: str,
    *,
    message: str | None = None,
    written: str = "en",
    label: InputLabel | None = None,
) -> str:
    """The message of a finding in ``lang``: the catalogue's template filled with ``params``.
    Without parameters, the finding's own ``message`` when it is written in ``lang`` (``written``),
    else the catalogue's sentence, or the kind's title when that sentence needs parameters: never
    a message in the other language."""
    entry = entry_of(kind)
    if entry is None:
        return message if message and written == lang else title(kind, lang)
    template = entry.message.get(lang)
    if params is not None:
        try:
            return template.format_map({k: _shown(k, params.get(k), lang, params, label) for k in _fields(template)})
        except (ValueError, IndexError):
            pass
    if message and written == lang:
        return message
    return template if not _fields(template) else entry.title.get(lang)


def render_hint(kind: str, lang: str, hint: str | None = None, written: str = "en") -> str:
    """The hint of a finding in ``lang``: its own when it is written in ``lang`` (it may say more
    than the kind's), else the catalogue's, else none."""
    if hint and written == lang:
        return hint
    entry = entry_of(kind)
    if entry is not None and entry.hint is not None:
        return entry.hint.get(lang).replace("{{", "{").replace("}}", "}")
    return ""


def params_json(params: Mapping[str, Any]) -> str:
    """The parameters of a message as the findings table keeps them (JSON)."""
    return json.dumps(dict(params), ensure_ascii=False, sort_keys=True, default=str)


#: Column of the findings table: the language its ``message`` and ``hint`` are written in.
WRITTEN_IN = "lang"


def localise_findings(findings: pl.DataFrame, lang: str, label: InputLabel | None = None) -> pl.DataFrame:
    """The findings table with ``title``, ``message`` and ``hint`` in ``lang`` (see :func:`render`),
    and WRITTEN_IN set to ``lang`` (a table read back is rendered again from what it says); ``kind``
    stays, the machine id to filter on. Each distinct finding text is rendered once: a national run
    repeats a few hundred of them over its findings."""
    if "kind" not in findings.columns:
        return findings
    frame = findings
    for column in ("params", "message", "hint", WRITTEN_IN):
        if column not in frame.columns:
            default = "en" if column == WRITTEN_IN else None
            frame = frame.with_columns(pl.lit(default, dtype=pl.String).alias(column))
    keys = ["kind", "params", "message", "hint", WRITTEN_IN]
    frame = frame.with_columns(pl.col(k).cast(pl.String) for k in keys)
    distinct = frame.select(keys).unique()
    rows = []
    titles: dict[str, str] = {}
    hints: dict[tuple[str, str | None, str], str | None] = {}
    for kind, params, message, hint, written in distinct.iter_rows():
        kind, written = kind or "", written or "en"
        if kind not in titles:
            titles[kind] = title(kind, lang)
        if (kind, hint, written) not in hints:
            hints[kind, hint, written] = render_hint(kind, lang, hint, written) or None
        rows.append(
            {
                "_title": titles[kind],
                "_message": render(kind, parse_params(params), lang, message=message, written=written, label=label),
                "_hint": hints[kind, hint, written],
            }
        )
    texts = pl.concat(
        [distinct, pl.DataFrame(rows, schema={"_title": pl.String, "_message": pl.String, "_hint": pl.String})],
        how="horizontal",
    )
    out = (
        frame.join(texts, on=keys, how="left", nulls_equal=True, maintain_order="left")
        .with_columns(
            pl.col("_message").alias("message"),
            pl.col("_hint").alias("hint"),
            pl.col("_title").alias("title"),
            pl.lit(lang, dtype=pl.String).alias(WRITTEN_IN),
        )
        .drop("_message", "_hint", "_title")
    )
    # The title beside the kind, every other column where it was (those added at the end).
    order = [c for c in frame.columns if c != "title"]
    at = order.index("kind") + 1
    return out.select([*order[:at], "title", *order[at:]])


def catalogue_markdown() -> str:
    """docs/findings.md: every finding kind with its words in both languages (tests/test_messages.py
    checks that the file is this text)."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("{{", "{").replace("}}", "}")

    lines = [
        "# Finding kinds in Vietnamese and English",
        "",
        "Generated from `pari_index.messages.CATALOGUE` by `catalogue_markdown()`; tests/test_messages.py",
        "fails when the two differ (it prints the command that writes this file again).",
        "The kind is the stable id of the `kind` column, for filtering; outputs show the title, message",
        "and hint in their language, the message filled with the finding's parameters (`{name}`).",
        "",
        "| kind | title (vi / en) | message (vi / en) | hint (vi / en) |",
        "|---|---|---|---|",
    ]
    for kind, entry in sorted(CATALOGUE.items()):
        hint = f"{cell(entry.hint.vi)}<br>{cell(entry.hint.en)}" if entry.hint else "—"
        lines.append(
            f"| `{kind}` | {cell(entry.title.vi)}<br>{cell(entry.title.en)} | "
            f"{cell(entry.message.vi)}<br>{cell(entry.message.en)} | {hint} |"
        )
    return "\n".join(lines) + "\n"


def parse_params(params: str | None) -> dict[str, Any] | None:
    """The parameters of a finding from the findings table's JSON (None when it has none)."""
    if not params:
        return None
    try:
        value = json.loads(params)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


#: The progress lines of ``pari score`` (docs/cli.md): one language per run, like its summary.
PROGRESS: dict[str, Words] = {
    "criteria": Words("bộ chỉ số: {id} ({n} tiêu chí được chấm)", "criteria: {id} ({n} scored items)"),
    "reading": Words("đọc tệp tự đánh giá", "reading assessments"),
    "scoring": Words("chấm điểm {n} đơn vị", "scoring {n} communes"),
    "batch": Words("chấm đợt {number}/{batches} ({n} đơn vị)", "scoring batch {number} of {batches} ({n} communes)"),
    "ranking": Words("xếp hạng", "ranking"),
    "writing": Words("ghi {path}", "writing {path}"),
    "writing_report": Words("ghi báo cáo {path}", "writing report {path}"),
}


def progress_text(key: str, lang: str, **params: object) -> str:
    """A progress line of :data:`PROGRESS` in ``lang``, numbers written as the language writes them."""
    shown = {k: format_number(v, lang) if isinstance(v, int) else str(v) for k, v in params.items()}
    return PROGRESS[key].get(lang).format(**shown)


__all__ = [
    "CATALOGUE",
    "MINUS",
    "PROGRESS",
    "Entry",
    "Words",
    "format_number",
    "localise_findings",
    "params_json",
    "parse_params",
    "progress_text",
    "render",
    "render_hint",
    "severity_text",
    "status_text",
    "title",
]
