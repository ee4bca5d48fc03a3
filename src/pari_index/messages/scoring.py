"""Findings of verification and scoring. Part of the catalogue (pari_index.messages.catalogue)."""

from __future__ import annotations

from pari_index.messages.words import Entry, entry

_EVIDENCE_HINT = (
    "đính kèm văn bản (số, ngày, tệp) hoặc giải trình cho Hội đồng thẩm định",
    "attach the document (number, date, file) or an explanation for the appraisal council",
)


def _evidence(title_vi: str, title_en: str, hint: tuple[str, str] = _EVIDENCE_HINT) -> Entry:
    return entry(
        title_vi,
        title_en,
        f"{title_vi}: tiêu chí được {{score}} điểm{{file}}{{note}}",
        f"{title_en}: the item scores {{score}}{{file}}{{note}}",
        *hint,
    )


#: Verification and scoring.
SCORING_FINDINGS: dict[str, Entry] = {
    "not-applicable-to-unit": entry(
        "Tiêu chí không áp dụng cho loại đơn vị",
        "Item not applicable to the unit's type",
        "đơn vị {commune} là {unit_type}; tiêu chí {criterion} chỉ áp dụng cho loại đơn vị: {unit_types}, "
        "nên giá trị này không được tính",
        "unit {commune} is a {unit_type}; item {criterion} applies only to these unit types: {unit_types}, "
        "so this value was not scored",
        "để trống (mẫu biểu khoá các dòng này), hoặc sửa loại đơn vị trong danh sách đơn vị",
        "leave it empty (the template locks these rows), or correct the unit's type in the register",
    ),
    "value-marked-not-applicable": entry(
        "Giá trị của tiêu chí đã đánh dấu không áp dụng",
        "A value of an item marked not applicable",
        "đơn vị {commune} đánh dấu tiêu chí {criterion} không áp dụng, nên giá trị này không được tính",
        "unit {commune} marked item {criterion} not applicable, so this value was not scored",
        "xoá giá trị, hoặc bỏ đánh dấu không áp dụng (N/A) nếu tiêu chí có áp dụng cho đơn vị",
        "clear the value, or the N/A mark if the item does apply to the unit",
    ),
    "appraisal-on-marked-item": entry(
        "Thẩm định tiêu chí đã đánh dấu không áp dụng",
        "Appraisal of an item marked not applicable",
        "nội dung thẩm định không được dùng: tiêu chí {criterion} của đơn vị {commune} được đánh dấu không áp dụng"
        " (loại khỏi điểm tối đa)",
        "the council's correction was not used: item {criterion} of unit {commune} is marked not applicable (left"
        " out of its maximum)",
        "để chấm tiêu chí, bỏ cả đánh dấu không áp dụng trong tệp thẩm định (một dòng có đầu vào n/a và giá trị"
        " không); nếu tiêu chí không áp dụng, xoá dòng này",
        "to score the item, clear its N/A mark in the appraisal too (a row with input n/a and value không);"
        " if it does not apply, delete this row",
    ),
    "date-after-assessment": entry(
        "Ngày sau kỳ đánh giá",
        "Date after the assessment period",
        "ngày {day} sau cuối năm {next_year}: một ngày của công việc năm {year} không thể muộn hơn (gõ nhầm"
        " năm?); tiêu chí được chấm với ngày như đã ghi",
        "{day} is after the end of {next_year}: a date of the work of {year} cannot be later (the year"
        " mistyped?); the item was scored with the date as written",
        "sửa năm của ngày trong ô",
        "correct the date's year in the cell",
    ),
    "dates-of-another-year": entry(
        "Ngày tháng của đơn vị thuộc năm khác",
        "The unit's dates are of another year",
        "{count} trong {total} ngày tháng của đơn vị thuộc năm {other_year}, không phải năm được đánh giá ({year}): "
        "gửi lại biểu mẫu của năm khác?",
        "{count} of the unit's {total} dates are of {other_year}, not of the year assessed ({year}): a form of "
        "another year sent again?",
        "kiểm tra biểu mẫu của đơn vị: các ngày phải thuộc năm được đánh giá (kế hoạch ký cuối năm trước vẫn được)",
        "check the unit's form: its dates should be of the year assessed (a plan signed late in the year before "
        "is fine)",
    ),
    "appraisal-on-excluded-item": entry(
        "Điểm thẩm định cho tiêu chí không áp dụng",
        "Appraised score for an item that does not apply",
        "điểm thẩm định {appraised} không được dùng: tiêu chí không tính cho đơn vị này (không áp dụng, loại khỏi "
        "điểm tối đa)",
        "the council's score {appraised} was not used: the item does not count for this unit (not applicable, "
        "left out of its maximum)",
        "nếu tiêu chí áp dụng cho đơn vị, sửa đánh dấu không áp dụng (N/A) hoặc loại đơn vị trong danh sách đơn vị; "
        "nếu không, xoá dòng thẩm định",
        "if the item applies to the unit, correct its N/A mark or its type in the register; if not, delete the "
        "appraisal row",
    ),
    "date-far-from-year": entry(
        "Ngày cách xa năm được đánh giá",
        "Date years from the year assessed",
        "{value} là một ngày của năm {date_year}, cách năm được đánh giá ({year}) {distance} năm: gõ nhầm năm? "
        "Ngày được dùng như đã ghi (một ngày trước hạn là đúng hạn)",
        "{value} is a date of {date_year}, {distance} years from the year assessed ({year}): a slip in the year? "
        "It is used as written (a date before its deadline is on time)",
        "đối chiếu ngày với văn bản, và sửa năm nếu gõ nhầm",
        "check the date against the document, and correct its year if it is a slip",
    ),
    "self-score-differs": entry(
        "Tự chấm khác điểm tính theo quy tắc",
        "Self-score differs from the rules",
        "tự chấm {self_score} điểm nhưng quy tắc cho {computed} điểm với số liệu đã báo cáo",
        "self-score {self_score} but the rules give {computed} on the reported inputs",
        "dùng điểm tính theo quy tắc; kiểm tra lại số liệu hoặc điểm tự chấm",
        "the computed score is used; check the inputs or the self-score",
    ),
    "appraisal-correction": entry(
        "Điểm sửa khi thẩm định",
        "Changed at appraisal",
        "thẩm định sửa {computed} thành {appraised} điểm ({reason})",
        "appraisal changed {computed} to {appraised} ({reason})",
    ),
    "appraisal-marked-not-applicable": entry(
        "Hội đồng đánh dấu không áp dụng",
        "Marked not applicable at appraisal",
        "hội đồng thẩm định đánh dấu tiêu chí không áp dụng: {computed} điểm và điểm tối đa {max} của tiêu chí được "
        "loại khỏi điểm của đơn vị ({reason})",
        "the council marked the item not applicable: its {computed} points and its maximum {max} are left out of "
        "the unit's ({reason})",
    ),
    "not-assessed": entry(
        "Chưa tự đánh giá",
        "Not assessed",
        "{count} tiêu chí chưa có số liệu và được 0 điểm: {items}",
        "{count} item(s) have no input and score 0: {items}",
        "điền các tiêu chí này vào bảng tự đánh giá (xem trang Tiêu chí của tệp kết quả)",
        "fill in these items in the self-assessment (see the Criteria sheet of the results)",
    ),
    "input-left-empty": entry(
        "Số liệu quy tắc cần bị để trống",
        "An input the rule needs is empty",
        "{count} tiêu chí có điểm tự chấm, minh chứng hoặc số liệu khác nhưng thiếu số liệu mà quy tắc cần (để "
        "trống, hoặc bị loại: xem các lỗi), nên được 0 điểm: {items}",
        "{count} item(s) have a self-score, evidence or other inputs but lack an input their rule needs (left "
        "empty, or rejected: see the errors), and score 0: {items}",
        "điền số liệu còn thiếu của các tiêu chí này; nếu để trống nghĩa là 0 hoặc «không», hãy ghi rõ 0 hoặc «không»",
        "fill in the missing inputs of these items; where empty meant 0 or «no», write 0 or «no»",
    ),
    "survey-incomplete": entry(
        "Thiếu kết quả điều tra của một số tiêu chí",
        "Survey results missing for some items",
        "kết quả điều tra không có {count} tiêu chí điều tra, các tiêu chí này được 0 điểm: {items}",
        "the survey gives no result for {count} survey item(s), which score 0: {items}",
        "bổ sung các kết quả còn thiếu vào tệp điều tra: mỗi tiêu chí điều tra của mỗi đơn vị một kết quả",
        "add the missing results to the survey file: one for every survey item of every unit",
    ),
    "printed-max-unreachable": entry(
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
    # The unit's explanation quoted, for the council that decides on it.
    "evidence-explained": entry(
        "Thiếu minh chứng, có giải trình chờ thẩm định",
        "Evidence explained, awaiting",
        "Thiếu minh chứng, có giải trình chờ thẩm định: tiêu chí được {score} điểm{file}{note}; giải trình của đơn vị: "
        "«{explanation}»",
        "Evidence explained, awaiting: the item scores {score}{file}{note}; the unit's explanation: «{explanation}»",
        *_EVIDENCE_HINT,
    ),
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
    "evidence-empty_file": _evidence(
        "Tệp minh chứng rỗng",
        "Evidence file is empty",
        (
            "chép lại văn bản vào thư mục minh chứng: tệp ở đó không có nội dung (0 byte)",
            "copy the document into the evidence folder again: the file there has no content (0 bytes)",
        ),
    ),
    "evidence-damaged_file": _evidence(
        "Tệp minh chứng bị hỏng",
        "Evidence file is damaged",
        (
            "lưu hoặc tải lại văn bản, mở thử để chắc chắn tệp mở được, rồi chép vào thư mục minh chứng",
            "save or download the document again and check that it opens; then copy it into the folder",
        ),
    ),
    # A file of the evidence folder no row names: a clerk's copy «KH 72 (1).pdf» of the «KH 72.pdf»
    # the row names, or a document attached and never written in (decoding30).
    "evidence-file-unused": entry(
        "Tệp minh chứng không được dòng nào ghi tên",
        "Evidence file named by no row",
        "tệp {name} trong thư mục minh chứng không được dòng nào của các tệp tự đánh giá ghi tên, nên không được"
        " xét cho tiêu chí nào{near_named}",
        "{name} in the evidence folder is named by no row of the assessments, so it counts for no item{near_named}",
        "nếu đây là minh chứng của một tiêu chí, ghi đúng tên tệp này vào ô tệp minh chứng của tiêu chí đó (hoặc"
        " đổi tên tệp cho khớp tên đã ghi); nếu không, không cần làm gì",
        "if it is the evidence of an item, write this file's name in that item's evidence_file cell (or rename"
        " the file to the name written); if not, nothing needs doing",
    ),
    # Nearly no name the rows give is the folder's: a wrong folder, or every name written with the
    # folder of the clerk's computer, a web address or quotes (session 32).
    "evidence-names-unmatched": entry(
        "Tên tệp minh chứng gần như không khớp thư mục minh chứng",
        "Evidence file names do not match the evidence folder",
        "{missing} trong {named} tên tệp minh chứng được tìm trong thư mục minh chứng không có trong đó (ví dụ"
        " {example}{near_file}): mỗi tiêu chí cần tệp đó đều bị chấm như không có tệp",
        "{missing} of the {named} evidence file names looked for in the evidence folder are not in it (such as"
        " {example}{near_file}): each item needing its file is scored as without it",
        "kiểm tra thư mục minh chứng đã chỉ ra đúng là thư mục văn bản của các bản tự đánh giá này, và mỗi ô tệp"
        " minh chứng ghi đúng tên tệp như trong thư mục (không kèm thư mục trên máy của người nhập, địa chỉ web hay"
        " dấu ngoặc kép); rồi chấm lại",
        "check that --evidence-dir is the folder of these assessments' documents, and that each evidence_file"
        " cell gives the name of a file as the folder lists it (no folder of the clerk's computer, web address or"
        " quotes); then score again",
    ),
    "evidence-files-unused": entry(
        "Còn tệp minh chứng khác không được dòng nào ghi tên",
        "More evidence files named by no row",
        "còn {count} tệp khác trong thư mục minh chứng không được dòng nào ghi tên (chỉ {shown} tệp đầu được nêu"
        " từng tệp){listing}",
        "{count} more file(s) of the evidence folder are named by no row (only the first {shown} are told one"
        " by one){listing}",
        "kiểm tra đã đưa đúng thư mục minh chứng và tên tệp trong các ô tệp minh chứng",
        "check that the right evidence folder was given (--evidence-dir) and the names in the evidence_file cells",
    ),
    "appraisal-decision-unused": entry(
        "Quyết định không chấp nhận giải trình không có tác dụng",
        "Decision on an explanation changed nothing",
        "xã {commune}, tiêu chí {criterion}: quyết định không chấp nhận giải trình không thay đổi gì: xã đã nộp"
        " minh chứng của tiêu chí, hoặc tiêu chí không cần minh chứng, nên không có giải trình nào chờ quyết định;"
        " tiêu chí giữ {score} điểm",
        "commune {commune}, item {criterion}: the decision not to accept an explanation changed nothing: the commune"
        " gave the item's evidence, or it needs none, so no explanation awaited a decision; the item keeps {score}"
        " points",
        "để trừ điểm, ghi số điểm của tiêu chí ở cột điểm; cột chấp nhận giải trình chỉ quyết định về giải trình"
        " cho minh chứng còn thiếu",
        "to take points away, write the item's points in the score column; evidence_accepted decides on an"
        " explanation given for missing evidence",
    ),
    "date-before-evidence": entry(
        "Ngày ghi sớm hơn ngày của minh chứng",
        "Date earlier than its evidence",
        "{day} sớm hơn ngày của minh chứng của tiêu chí, {evidence_date}: thời hạn được xét theo ngày đã ghi,"
        " mà văn bản không cho thấy",
        "{day} is earlier than the date of the item's evidence, {evidence_date}: the deadline was judged on the"
        " date typed, which the document does not show",
        "kiểm tra văn bản: ghi ngày văn bản được ký hoặc ban hành, hoặc sửa ngày của minh chứng",
        "check the document: type the date it was signed or issued, or correct the evidence date",
    ),
    "date-after-evidence": entry(
        "Ngày ghi muộn hơn nhiều so với ngày của minh chứng",
        "Date well after its evidence",
        "{day} muộn hơn {days} ngày so với ngày của minh chứng của tiêu chí, {evidence_date}: thời hạn được xét"
        " theo ngày đã ghi (gõ nhầm năm hoặc tháng?), mà văn bản không cho thấy",
        "{day} is {days} days after the date of the item's evidence, {evidence_date}: the deadline was judged on"
        " the date typed (a slip in the year or month?), which the document does not show",
        "kiểm tra văn bản: ghi ngày văn bản được ký hoặc ban hành, hoặc sửa ngày của minh chứng",
        "check the document: type the date it was signed or issued, or correct the evidence date",
    ),
    "rate-above-denominator": entry(
        "Tử số của tỷ lệ lớn hơn mẫu số",
        "Rate's count above the whole",
        "{value} lớn hơn {of}, số lượng mà nó là một phần: tỷ lệ không thể trên 100 %; tiêu chí được chấm theo số"
        " đã ghi",
        "{value} is more than {of}, the count it is a share of: a rate cannot be above 100 %; the item was scored"
        " as given",
        "kiểm tra hai số lượng: phần (đã hoàn thành, đã giải quyết) không thể lớn hơn tổng (kế hoạch, tiếp nhận)",
        "check the two counts: the part (done, settled) cannot exceed the whole (planned, received)",
    ),
    "no-register": entry(
        "Không có danh sách đơn vị",
        "No commune register",
        "không có danh sách đơn vị hành chính (--communes): chưa biết loại đơn vị, nên các tiêu chí chỉ áp dụng "
        "cho một số loại đơn vị bị loại ra, và mọi xã được xếp hạng chung một nhóm",
        "no commune register given (--communes): unit types are unknown, so items that apply only to some unit "
        "types are excluded, and all communes are ranked as one group",
        "cung cấp danh sách đơn vị bằng --communes",
        "give the register with --communes",
    ),
    "year-differs": entry(
        "Năm chấm khác năm của bộ tiêu chí",
        "Scoring year differs from the set's",
        "chấm cho năm {year}, nhưng {criteria} là bộ tiêu chí năm {set_year}: các hạn theo ngày cố định "
        "({deadlines}) vẫn là ngày của năm {set_year}",
        "scored for {year}, but {criteria} is the set of {set_year}: the fixed-date deadlines ({deadlines}) "
        "stay days of {set_year}",
        "viết các hạn đó theo ngày trong năm ({{month: 1, day: 31}}) để chúng đổi theo --year",
        "write those deadlines as days of the year ({{month: 1, day: 31}}) to move them with --year",
    ),
    "no-rows": entry(
        "Tệp không có dòng dữ liệu",
        "No rows",
        "tệp có tên cột nhưng không có dòng nào bên dưới",
        "the file has column names but not one row below them",
        "xuất lại trang tính cùng các dòng, hoặc bỏ tệp này ra",
        "export the sheet again with its rows, or leave the file out",
    ),
    "file-unread": entry(
        "Không dùng được tệp",
        "File not used",
        "không dùng được gì trong tệp này ({count} vấn đề, {shown} vấn đề ở trên); không ghi kết quả",
        "nothing of this file could be used ({count} problem(s), {shown} of them above); no results were written",
        "sửa tệp (xem các vấn đề ở trên), hoặc dùng --allow-incomplete để chấm khi thiếu tệp",
        "correct the file (see the problems above), or give --allow-incomplete to score without it",
    ),
}
