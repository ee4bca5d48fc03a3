"""The words of the command line: problems of its options and of the system, what it says when a
run stops, the lines of ``pari validate`` and the progress lines of ``pari score``."""

from __future__ import annotations

import functools

from pari_index.messages.numbers import format_number
from pari_index.messages.words import Entry, Words, entry, plain_entry

#: Problems of the command line and the system (they stop a run).
COMMAND_LINE_PROBLEMS: dict[str, Entry] = {
    # --- the command line and the system ----------------------------------------------------------
    "usage": plain_entry(
        "Tuỳ chọn không dùng được",
        "Options that cannot be used",
        "xem pari LỆNH --help",
        "see pari COMMAND --help",
    ),
    "option-given-twice": entry(
        "Tuỳ chọn được đưa nhiều lần",
        "Option given more than once",
        "{option} được đưa {count} lần ({values}); tuỳ chọn này nhận một giá trị, và chỉ giá trị cuối được dùng",
        "{option} is given {count} times ({values}); it takes one value, and only the last would be used",
        "đưa tuỳ chọn này một lần; với hai tệp thẩm định, gộp các dòng của chúng vào một tệp",
        "give the option once; for two appraisal files, put their rows in one",
    ),
    "no-criteria-given": plain_entry(
        "Chưa chỉ ra bộ tiêu chí",
        "No criteria set given",
        "chỉ ra một hoặc nhiều tệp bộ tiêu chí, hoặc --bundled",
        "give one or more criteria files, or --bundled",
    ),
    "no-assessments-given": plain_entry(
        "Chưa chỉ ra tệp tự đánh giá",
        "No assessment file given",
        "chỉ ra ít nhất một tệp tự đánh giá (pari score TỆP …)",
        "give at least one assessment file (pari score FILE …)",
    ),
    "unit-type-with-register": plain_entry(
        "--unit-type chỉ dùng khi không có --communes",
        "--unit-type only without --communes",
        "bỏ --unit-type: danh sách đơn vị cho biết loại của từng đơn vị",
        "leave out --unit-type: the register gives each unit's type",
    ),
    "argument-is-a-path": entry(
        "Đối số là đường dẫn của một tệp, không phải mã",
        "An argument is a file's path, not a code",
        "{option} {path} là một tệp hoặc thư mục có thật, không phải mã: tệp kết quả được chỉ ra bằng --results",
        "{option} {path} is a file or folder that exists, not a code: the results are given with --results",
        "ghi mã trước, tệp kết quả sau --results: pari explain MÃ_XÃ [TIÊU_CHÍ] --results TỆP_KẾT_QUẢ",
        "give the code first and the results after --results: pari explain COMMUNE [CRITERION] --results RESULTS",
    ),
    "no-survey-with-survey": entry(
        "--no-survey cùng với --survey",
        "--no-survey with --survey",
        "--no-survey và --survey nói hai điều ngược nhau: chấm không có điều tra, hay chấm với các kết quả này?",
        "--no-survey and --survey say opposite things: score without the survey, or with these results?",
        "bỏ --no-survey để chấm cùng kết quả điều tra, hoặc bỏ --survey để chấm không có điều tra",
        "leave out --no-survey to score with the survey results, or --survey to score without them",
    ),
    "previous-later-year": entry(
        "Kết quả --previous là của một năm sau",
        "--previous results of a later year",
        "--previous {path} là kết quả năm {previous_year}, sau năm được chấm ({year}): mọi thay đổi sẽ bị tính ngược",
        "--previous {path} holds the results of {previous_year}, after the year scored ({year}): every change would "
        "be told backwards",
        "chỉ ra kết quả của một năm trước với --previous (hai tệp có bị đổi chỗ cho nhau không?)",
        "give the results of an earlier year with --previous (were the two files swapped?)",
    ),
    "previous-same-year": entry(
        "Kết quả --previous là của chính năm được chấm",
        "--previous results of the year scored",
        "--previous {path} là kết quả năm {previous_year}, chính năm được chấm: thay đổi là so với lần chấm đó, "
        "không phải với năm trước",
        "--previous {path} holds results of {previous_year}, the year scored: the changes are against that run, not "
        "last year's",
        "chỉ ra kết quả năm trước với --previous, trừ khi muốn so sánh với một lần chấm trước đó",
        "give last year's results with --previous, unless this comparison with an earlier run is meant",
    ),
    "previous-summary-alone": entry(
        "Kết quả năm trước chỉ còn bảng Tổng hợp",
        "Last year's results cut down to their summary",
        "--previous {path} thiếu {count} trong các bảng mà lệnh chấm điểm luôn ghi: không kiểm tra được bảng Tổng "
        "hợp còn lại với lần chấm đã ghi nó (số dòng, năm); thay đổi so với năm trước được tính theo bảng đó như "
        "hiện có",
        "--previous {path} lacks {count} of the tables pari score always writes: the summary left could not be "
        "checked against the run that wrote it (its rows, its year); the changes since last year are worked out "
        "from it as it stands",
        "nếu còn tệp kết quả đầy đủ của năm trước, chỉ ra tệp đó; nếu không, kiểm tra bảng Tổng hợp chưa bị sửa "
        "hay cắt bớt",
        "give last year's whole results file if you have it; if not, check that its summary was not edited or cut",
    ),
    "lineage-without-previous": entry(
        "--lineage mà không có --previous",
        "--lineage without --previous",
        "--lineage chỉ dùng cùng --previous: bảng này nối mã năm nay với kết quả năm trước, mà kết quả năm "
        "trước không được đưa vào; bảng sẽ không được đọc",
        "--lineage is used only with --previous: it links this year's codes to last year's results, and none "
        "were given; it would not be read",
        "đưa kết quả năm trước bằng --previous, hoặc bỏ --lineage",
        "give last year's results with --previous, or leave out --lineage",
    ),
    "run-too-large": entry(
        "Lượt chấm quá lớn",
        "Run too large",
        "{units} đơn vị × {items} tiêu chí được chấm = {rows} dòng tiêu chí, vượt quá {limit} dòng một lượt chấm",
        "{units} units × {items} scored items = {rows} item rows, more than the {limit} one run scores",
        "kiểm tra đúng danh sách đơn vị (cả nước có khoảng 10.000 xã); để chấm nhiều hơn, đặt PARI_MAX_ITEM_ROWS, "
        "hoặc chấm từng tỉnh",
        "check that this is the register you meant (a country has some 10,000 communes); to score more at once, "
        "set PARI_MAX_ITEM_ROWS, or split by province",
    ),
    "strict": entry(
        "--strict: lượt chấm có phát hiện",
        "--strict: the run has findings",
        "--strict: {errors} lỗi và {warnings} cảnh báo (kết quả đã ghi vào {out})",
        "--strict: {errors} {error_s} and {warnings} {warning_s} (results written to {out})",
        "giải quyết từng phát hiện, hoặc chạy không có --strict",
        "resolve every finding, or run without --strict",
    ),
    "more": entry(
        "Còn các vấn đề khác",
        "More problems",
        "… và {count} vấn đề khác (xem {place})",
        "… and {count} more (see {place})",
    ),
    "os-error": entry(
        "Hệ điều hành từ chối",
        "Refused by the operating system",
        "hệ điều hành từ chối: {reason}",
        "the operating system refused: {reason}",
        "kiểm tra đường dẫn có tồn tại, đọc được (hoặc ghi được, với kết quả) và không quá dài",
        "check that the path exists, is readable (or writable, for an output) and is not too long",
    ),
    "working-folder-gone": entry(
        "Thư mục hiện hành không còn",
        "The current folder is gone",
        "thư mục hiện hành không còn tồn tại (đã bị xoá hoặc di chuyển khi cửa sổ lệnh vẫn ở trong đó); "
        "không tìm được đường dẫn tương đối nào",
        "the current folder no longer exists (deleted or moved while the terminal was in it); "
        "no relative path can be found",
        "chuyển vào một thư mục có thật (cd) rồi chạy lại, hoặc ghi đường dẫn đầy đủ",
        "change to a folder that exists (cd) and run again, or give full paths",
    ),
    "stdout-unwritable": entry(
        "Không ghi được đầu ra chuẩn",
        "The standard output could not be written",
        "không ghi được đầu ra chuẩn ({reason}): nội dung đã ghi bị thiếu phần cuối",
        "the standard output could not be written ({reason}): what it holds is cut short",
        "{stdout_fix}",
        "{stdout_fix}",
    ),
    "open-files-limit": entry(
        "Giới hạn số tệp mở quá thấp",
        "Limit of open files too low",
        "phiên làm việc này chỉ cho một chương trình mở {limit} tệp cùng lúc (ulimit -n); "
        "một lần chạy cần ít nhất {least}",
        "this session lets a program open only {limit} files at once (ulimit -n); a run needs at least {least}",
        "nâng giới hạn (ulimit -n {wanted}), hoặc nhờ quản trị viên nâng",
        "raise the limit (ulimit -n {wanted}), or ask the administrator to",
    ),
    "memory-limit": entry(
        "Giới hạn bộ nhớ quá thấp",
        "Memory limit too low",
        "phiên làm việc này chỉ cho một chương trình dùng {limit} MB bộ nhớ (ulimit -v); một lần chạy cần ít nhất "
        "{least} MB, và nhiều hơn với đầu vào lớn (một lần chạy toàn quốc khoảng 1.100 MB)",
        "this session lets a program use only {limit} MB of memory (ulimit -v); a run needs at least {least} MB, "
        "and more for large inputs (a national run about 1,100 MB)",
        "nâng giới hạn (ulimit -v unlimited, hoặc ulimit -v 1200000 cho 1,2 GB), hoặc nhờ quản trị viên nâng",
        "raise the limit (ulimit -v unlimited, or ulimit -v 1200000 for 1.2 GB), or ask the administrator to",
    ),
    "error": plain_entry("Lỗi", "Error", "xem docs/errors.md", "see docs/errors.md"),
    "bad-date": entry(
        "Ngày không hợp lệ",
        "Not a date",
        "{option} {value} không phải một ngày trong khoảng 2000–2100 viết dạng YYYY-MM-DD",
        "{option} {value} is not a date of 2000-2100 written YYYY-MM-DD",
        "viết ngày dạng YYYY-MM-DD, ví dụ 2025-03-01",
        "write it as YYYY-MM-DD, e.g. 2025-03-01",
    ),
}


#: What the CLI says when a run stops on something that is not a problem of an input.
STOPPED: dict[str, Words] = {
    "interrupted": Words("đã dừng (Ctrl-C)", "interrupted"),
    # What became of the outputs (input_watch.outputs_at_end): none was there, one was kept, or the
    # outputs were put in place before the signal came.
    "terminated": Words(
        "đã dừng theo yêu cầu của hệ thống ({signal}); không ghi tệp nào",
        "stopped by the system ({signal}); nothing was written",
    ),
    "terminated_kept": Words(
        "đã dừng theo yêu cầu của hệ thống ({signal}); không ghi tệp nào, kết quả cũ được giữ nguyên",
        "stopped by the system ({signal}); nothing was written, the previous results are left as they were",
    ),
    "terminated_written": Words(
        "đã dừng theo yêu cầu của hệ thống ({signal}), sau khi đã ghi xong kết quả",
        "stopped by the system ({signal}), after the outputs were written",
    ),
    "memory": Words(
        "lỗi: hết bộ nhớ; tách dữ liệu theo tỉnh hoặc huyện",
        "error: out of memory; split the input by province or district",
    ),
    # Out of memory under a ``ulimit -v``: the limit is the first thing to raise.
    "memory_within_limit": Words(
        "lỗi: hết bộ nhớ trong giới hạn {limit} MB mà phiên làm việc này cho một chương trình (ulimit -v)",
        "error: out of memory within the {limit} MB this session lets a program use (ulimit -v)",
    ),
    "memory_within_limit_hint": Words(
        "    gợi ý: nâng giới hạn (ulimit -v unlimited), hoặc tách dữ liệu theo tỉnh hoặc huyện",
        "    hint: raise the limit (ulimit -v unlimited), or split the input by province or district",
    ),
    # The memory-limit refusal when even its own words could not be loaded (below the limit, the
    # catalogue's import can fail for want of memory): its code and the way out, in few bytes.
    "memory_limit_short": Words(
        "lỗi: phiên làm việc này chỉ cho một chương trình dùng {limit} MB bộ nhớ (ulimit -v); một lần chạy cần ít "
        "nhất {least} MB [memory-limit]",
        "error: this session lets a program use only {limit} MB of memory (ulimit -v); a run needs at least "
        "{least} MB [memory-limit]",
    ),
    "memory_limit_short_hint": Words(
        "    gợi ý: nâng giới hạn (ulimit -v unlimited, hoặc ulimit -v 1200000 cho 1,2 GB)",
        "    hint: raise the limit (ulimit -v unlimited, or ulimit -v 1200000 for 1.2 GB)",
    ),
    "exported": Words(
        "Đã ghi {output}: {rows} tiêu chí của {id} ({origin}).", "Wrote {output}: {rows} items of {id} ({origin})."
    ),
    # A cell of the annex longer than an Excel cell holds, cut when written (criteria export).
    "export_cut": Words(
        "cảnh báo: {sheet}, hàng {row}, cột {column}: {length} ký tự, nhiều hơn một ô Excel chứa được ({limit}),"
        " nên bị cắt ngắn (cuối ô có dấu «… [bị cắt: …]»; nhập lại tiêu đề như vậy sẽ có một todo:). Rút gọn đoạn"
        " văn trong bộ tiêu chí, hoặc dùng chính tệp YAML.",
        "warning: {sheet}, row {row}, column {column}: {length} characters, more than an Excel cell holds"
        " ({limit}), so it was cut short (the cell ends with «… [cut: …]»; such a title imported back has a todo)."
        " Shorten the text in the set, or use the YAML file itself.",
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


#: The files ``pari demo-data`` wrote, by their role (the keys of pari_index.demo.generate's result).
DEMO_FILES: dict[str, Words] = {
    "communes": Words("danh sách đơn vị", "register of units"),
    "assessments_long": Words("tự đánh giá, dạng dọc", "self-assessments, long form"),
    "assessments_wide": Words("tự đánh giá, dạng ngang", "self-assessments, wide form"),
    "survey": Words("kết quả điều tra", "survey results"),
    "appraisal": Words("kết quả thẩm định", "appraisal"),
    "readme": Words("ghi chú về dữ liệu mô phỏng", "note on the synthetic data"),
}


#: The lines of ``pari validate``.
VALIDATED: dict[str, Words] = {
    "invalid": Words("{name}: KHÔNG HỢP LỆ ({n} vấn đề)", "{name}: INVALID ({n} problems)"),
    "invalid_one": Words("{name}: KHÔNG HỢP LỆ (1 vấn đề)", "{name}: INVALID (1 problem)"),
    "ok": Words(
        "{name}: hợp lệ — {id}, {origin}{issued}, {areas} lĩnh vực, {leaves} tiêu chí được chấm, thang điểm "
        "{scale}, xếp hạng {units}",
        "{name}: ok — {id}, {origin}{issued}, {areas} areas, {leaves} scored items, scale {scale}, ranks {units}",
    ),
    "warning": Words("cảnh báo", "warning"),
}


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
    """A progress line of :data:`PROGRESS` in ``lang``, numbers written as the language writes them,
    a path's control characters shown (errors.shown_path: ``writing kq\x1b[2J/kq.xlsx`` cleared the
    terminal)."""
    from pari_index.errors import shown_path

    shown = {k: format_number(v, lang) if isinstance(v, int) else shown_path(v) for k, v in params.items()}
    return PROGRESS[key].get(lang).format(**shown)


#: Why the cache could not use an entry, in pari-index's own words (intake.cache: a ValueError's
#: text, ``{name}`` a file of the entry) -> Vietnamese. The system's own texts stay as it gives them.
CACHE_REASONS: dict[str, str] = {
    "not a folder the cache wrote": "không phải thư mục do bộ nhớ đệm ghi",
    "manifest.json is cut short or damaged": "manifest.json bị cắt cụt hoặc hỏng",
    "written by another user, or open to others' writing: not used, whatever it holds": "do một người dùng khác "
    "ghi, hoặc người khác ghi vào được: không dùng, dù trong đó có gì",
    "its disk keeps no permissions (a FAT or exFAT drive, or a network share, shows every file open to every "
    "user's writing), so no entry in it could be trusted and the cache is not used; give --cache a folder on this "
    "computer's own disk": "ổ đĩa của nó không giữ quyền truy cập (ổ FAT hoặc exFAT, hay thư mục chia sẻ trên "
    "mạng, cho thấy mọi tệp đều ai cũng ghi vào được), nên không mục nào trong đó đáng tin và bộ nhớ đệm không "
    "được dùng; hãy chỉ ra cho --cache một thư mục trên ổ đĩa của chính máy này",
    "written by another version or for other inputs": "được ghi bởi phiên bản khác hoặc cho đầu vào khác",
    "{name}.parquet does not match its manifest": "{name}.parquet không khớp với bảng kê của nó",
    "{name} is a link, not a file the cache wrote": "{name} là một liên kết, không phải tệp do bộ nhớ đệm ghi",
    "{name} is not a regular file": "{name} không phải tệp thông thường",
    "a link or a file, not a folder the cache made; nothing it leads to was touched; delete it, and the next run "
    "makes the folder again": "là một liên kết hoặc một tệp, không phải thư mục do bộ nhớ đệm tạo; không gì nó trỏ "
    "tới bị động đến; hãy xoá nó, lần chạy sau sẽ tạo lại thư mục",
}


def cache_reason_vi(reason: str) -> str | None:
    """A reason of :data:`CACHE_REASONS` in Vietnamese (None for any other: the system's words)."""
    import re

    for english, vietnamese in CACHE_REASONS.items():
        head, _, tail = english.partition("{name}")
        pattern = re.escape(head) + ("(?P<name>.+)" + re.escape(tail) if _ else "")
        found = re.fullmatch(pattern, reason, flags=re.DOTALL)
        if found is not None:
            return vietnamese.format(name=found["name"]) if _ else vietnamese
    return None


#: What to do when the system refused the cache (a strerror of these error numbers): the note named
#: the folder and the system's reason only ("Cache: ignored rc (Permission denied)"), and every run
#: after it scored everything again, unseen as long as the run went on (exit 0).
CACHE_OS_HINTS: dict[tuple[str, ...], Words] = {
    ("EACCES", "EPERM", "EROFS"): Words(
        "cho --cache một thư mục mình được ghi vào", "give --cache a folder you may write to"
    ),
    ("ENOSPC", "EDQUOT", "EFBIG"): Words(
        "giải phóng chỗ trống, hoặc cho --cache một thư mục trên ổ đĩa khác",
        "free space, or give --cache a folder on another disk",
    ),
    # "Check the folder" was said of these, of a path that no check of a folder could mend.
    ("ENAMETOOLONG",): Words(
        "một tên trong đường dẫn quá dài với hệ thống: cho --cache một đường dẫn ngắn hơn",
        "a name in the path is too long for the system: give --cache a shorter path",
    ),
    ("ENOTDIR",): Words(
        "một phần của đường dẫn là tệp, không phải thư mục: cho --cache đường dẫn của một thư mục",
        "a part of the path is a file, not a folder: give --cache the path of a folder",
    ),
    ("ELOOP",): Words(
        "các liên kết tượng trưng trong đường dẫn vòng lại nhau: cho --cache đường dẫn thật của thư mục",
        "symbolic links in the path lead round in a loop: give --cache the folder's own path",
    ),
    ("EIO", "ESTALE", "ETIMEDOUT", "ENOTCONN", "EHOSTDOWN", "EREMOTEIO"): Words(
        "ổ đĩa hoặc thư mục mạng bị lỗi: kiểm tra kết nối, hoặc cho --cache một thư mục trên ổ đĩa của máy",
        "the disk or the network share failed: check that it is connected, or give --cache a folder on a local disk",
    ),
}
#: The hint for any other refusal of the system.
CACHE_OS_HINT_OTHER = Words(
    "kiểm tra thư mục, hoặc cho --cache một thư mục khác", "check the folder, or give --cache another folder"
)


def cache_os_hint(reason: str, lang: str) -> str | None:
    """What to do about the cache refused for the system's ``reason`` (a strerror); None for a
    reason of pari-index's own (CACHE_REASONS: the note says it)."""
    import errno
    import os

    for names, words in CACHE_OS_HINTS.items():
        if reason in {os.strerror(getattr(errno, n)) for n in names if hasattr(errno, n)}:
            return words.get(lang)
    return CACHE_OS_HINT_OTHER.get(lang) if reason in _os_reasons_vi() else None


#: The operating system's reasons (its strerror, in English on every system pari-index runs on) for
#: the refusals a user meets, by error number -> Vietnamese. Shown with the system's own words after
#: them, in brackets: what to search for, and what a technician reads.
OS_REASONS: dict[str, str] = {
    "EACCES": "không có quyền truy cập",
    "EPERM": "thao tác không được phép",
    "ENOENT": "không có tệp hoặc thư mục này",
    "ENOTDIR": "một phần của đường dẫn không phải thư mục",
    "EISDIR": "đây là thư mục",
    "ELOOP": "liên kết tượng trưng dẫn vòng quá nhiều cấp",
    "ENAMETOOLONG": "tên tệp quá dài",
    "ENOSPC": "ổ đĩa hết chỗ trống",
    "EDQUOT": "đã dùng hết hạn mức ổ đĩa",
    "EROFS": "hệ thống tệp chỉ đọc",
    "EIO": "lỗi đọc/ghi của thiết bị",
    "EEXIST": "tệp đã tồn tại",
    "ENOTEMPTY": "thư mục không trống",
    "EBUSY": "thiết bị hoặc tài nguyên đang bận",
    "EMFILE": "mở quá nhiều tệp",
    "ENXIO": "không có thiết bị hoặc địa chỉ này",
    "ETXTBSY": "tệp đang được dùng",
    "EINVAL": "tham số không hợp lệ",
    "EXDEV": "không chuyển được tệp sang ổ đĩa khác",
    # Less common ones a run can still meet on a file (a file-size limit, ulimit -f: EFBIG).
    "EFBIG": "tệp vượt quá kích thước hệ thống cho phép",
    "ENFILE": "hệ thống đang mở quá nhiều tệp",
    "ENOMEM": "không đủ bộ nhớ",
    "EAGAIN": "tài nguyên tạm thời không dùng được, hãy thử lại",
    "EINTR": "thao tác bị ngắt giữa chừng",
    "EBADF": "tệp không còn mở",
    "ESPIPE": "không thể di chuyển trong tệp này (một đường ống?)",
    "ESTALE": "tệp trên ổ mạng không còn hợp lệ",
    "ETIMEDOUT": "hết thời gian chờ",
    "ENODEV": "không có thiết bị này",
    "EOVERFLOW": "giá trị quá lớn so với kiểu dữ liệu",
    "EMLINK": "quá nhiều liên kết",
    "ENOLCK": "không khóa được tệp",
    "ENOTSUP": "thao tác không được hỗ trợ",
    "EOPNOTSUPP": "thao tác không được hỗ trợ",
    "EILSEQ": "chuỗi byte không hợp lệ",
    "ECONNRESET": "kết nối bị đóng",
    "ENOTCONN": "chưa kết nối",
    "EHOSTDOWN": "máy chủ không hoạt động",
    "EHOSTUNREACH": "không tới được máy chủ",
    "ENETDOWN": "mạng không hoạt động",
    "ENETUNREACH": "không tới được mạng",
    "ECANCELED": "thao tác đã bị hủy",
    "ENOSYS": "hệ thống không hỗ trợ chức năng này",
    "EFAULT": "địa chỉ không hợp lệ",
    "EDEADLK": "tránh được bế tắc khi khóa tài nguyên",
    "ENOBUFS": "hết bộ đệm",
    "EPIPE": "đường ống bị đóng ở đầu kia",
    "ENOTTY": "không phải thiết bị đầu cuối",
    "ECHILD": "không có tiến trình con",
    "ESRCH": "không có tiến trình này",
    "E2BIG": "danh sách tham số quá dài",
    "ENOEXEC": "tệp không chạy được",
    "EREMOTEIO": "lỗi đọc/ghi ở máy từ xa",
    "ENOMEDIUM": "không có phương tiện lưu trữ trong ổ",
    "EMEDIUMTYPE": "sai loại phương tiện lưu trữ",
    "EUCLEAN": "cấu trúc hệ thống tệp cần sửa",
    "ENOKEY": "thiếu khóa cần thiết",
    "EKEYEXPIRED": "khóa đã hết hạn",
    "ENOTBLK": "cần một thiết bị khối",
    "ENOLINK": "liên kết đã bị cắt",
    "ECOMM": "lỗi liên lạc khi gửi",
    "EPROTO": "lỗi giao thức",
    "EBADMSG": "thông điệp không hợp lệ",
    "ETIME": "hết giờ",
    "ENODATA": "không có dữ liệu",
    "ENOSTR": "không phải luồng",
    "ENOSR": "hết tài nguyên luồng",
    "ERANGE": "kết quả vượt ngoài phạm vi",
    "EDOM": "đối số ngoài miền xác định",
    "EWOULDBLOCK": "tài nguyên tạm thời không dùng được, hãy thử lại",
}

#: Any other error number the system has: "the operating system refused (number N)".
OS_REASON_OTHER = "hệ điều hành từ chối (lỗi số {number})"


def os_reason_vi(reason: str) -> str | None:
    """The operating system's ``reason`` (a strerror) in Vietnamese, its own words in brackets;
    None for any other text (every error number the system has gets words)."""
    vietnamese = _os_reasons_vi().get(reason)
    return None if vietnamese is None else f"{vietnamese} ({reason})"


@functools.cache
def _os_reasons_vi() -> dict[str, str]:
    """Every strerror of the system and its Vietnamese words: those of OS_REASONS first, then any
    other error number's, by its number. Made once: a run's findings may carry a reason each
    (942 nationally), and looking each up by calling strerror for every number took 0.1 s."""
    import errno
    import os

    words: dict[str, str] = {}
    for name, vietnamese in OS_REASONS.items():
        number = getattr(errno, name, None)
        if number is not None:
            words.setdefault(os.strerror(number), vietnamese)
    for number in sorted(errno.errorcode):
        words.setdefault(os.strerror(number), OS_REASON_OTHER.format(number=number))
    return words


#: The name an argument is shown by (the usage line, the help), by ``"<command path> <name>"``:
#: click's decorations (``[…]`` when optional, ``...`` when repeated) included.
ARGUMENT_WORDS: dict[str, Words] = {
    "validate files": Words("[TỆP]...", "[FILES]..."),
    "score assessments": Words("[TỆP_TỰ_ĐÁNH_GIÁ]...", "[ASSESSMENTS]..."),
    "explain commune": Words("MÃ_XÃ", "COMMUNE"),
    "explain criterion": Words("[TIÊU_CHÍ]", "[CRITERION]"),
    "report results": Words("KẾT_QUẢ", "RESULTS"),
    "criteria export criteria_file": Words("BỘ_TIÊU_CHÍ.yaml", "SET.yaml"),
    "criteria import annex": Words("PHỤ_LỤC.xlsx", "ANNEX.xlsx"),
    "diff old": Words("CŨ.yaml", "OLD.yaml"),
    "diff new": Words("MỚI.yaml", "NEW.yaml"),
}


def bare_argument(metavar: str) -> str:
    """An argument's name without click's decorations: ``[TỆP_TỰ_ĐÁNH_GIÁ]...`` -> ``TỆP_TỰ_ĐÁNH_GIÁ``,
    ``SET.yaml`` -> ``SET``."""
    return metavar.strip("[].").split(".")[0]


#: Each argument's bare English name -> its names in both languages (as findings name it).
_ARGUMENT_NAMES = {
    bare_argument(words.en): Words(bare_argument(words.vi), bare_argument(words.en))
    for words in ARGUMENT_WORDS.values()
}


def argument_name(name: str, lang: str) -> str:
    """How a finding names the option or argument ``name`` in ``lang``: an argument by its name on
    the help page of that language (``ASSESSMENTS`` is ``TỆP_TỰ_ĐÁNH_GIÁ`` in Vietnamese); an
    option (``--survey``, ``-o``) as it is typed."""
    words = _ARGUMENT_NAMES.get(name)
    return words.get(lang) if words is not None else name
