"""Findings about the cells of the assessments. Part of the catalogue (pari_index.messages.catalogue)."""

from __future__ import annotations

from pari_index.messages.words import Entry, entry

#: Cells of the assessments.
CELL_FINDINGS: dict[str, Entry] = {
    "missing-commune-code": entry(
        "Thiếu mã xã",
        "Commune code missing",
        "dòng không có mã xã{row_values}",
        "the row has no commune code{row_values}",
        "điền mã xã",
        "fill in the commune code",
    ),
    "missing-criterion": entry(
        "Thiếu mã tiêu chí",
        "Criterion id missing",
        "dòng không có mã tiêu chí{row_values}",
        "the row has no criterion id{row_values}",
        "điền mã tiêu chí, ví dụ 1.1.1",
        "fill in the criterion id, e.g. 1.1.1",
    ),
    "unknown-criterion": entry(
        "Tiêu chí không có trong bộ tiêu chí",
        "Unknown criterion",
        "tiêu chí {criterion} không phải là tiêu chí được chấm của bộ tiêu chí này{nearest}",
        "criterion {criterion} is not a scored item of this criteria set{nearest}",
        "đối chiếu mã với bộ tiêu chí (pari template liệt kê các mã); mã là văn bản: 1.10 khác 1.1",
        "check the id against the criteria set (pari template lists them); ids are text: 1.10 is not 1.1",
    ),
    "not-survey-item": entry(
        "Không phải tiêu chí điều tra",
        "Not a survey item",
        "tiêu chí {criterion} không phải là tiêu chí điều tra (xã tự chấm tiêu chí này trong bản tự đánh giá):"
        " tệp điều tra chỉ cho giá trị của các tiêu chí điều tra ({items}); giá trị này không được dùng",
        "criterion {criterion} is not a survey item (the commune scores it in its self-assessment): a survey"
        " file gives values of the survey items only ({items}); this value was not used",
        "sửa mã tiêu chí, hoặc chuyển dòng sang tệp tự đánh giá",
        "correct the criterion id, or move the row to the self-assessment file",
    ),
    "not-survey-field": entry(
        "Không phải cột của tệp điều tra",
        "Not a survey column",
        "{survey_field} trong tệp điều tra: tiêu chí điều tra {criterion} chỉ lấy điểm từ kết quả điều tra, không"
        " từ điểm tự đánh giá hay minh chứng; giá trị này không được dùng",
        "{survey_field} in a survey file: the survey item {criterion} gets its points from the survey's results"
        " alone, never from a self-score or evidence; this value was not used",
        "xoá cột này khỏi tệp điều tra; điểm tự đánh giá và minh chứng của xã ghi trong bản tự đánh giá",
        "delete the column from the survey file; a commune's self-score and evidence go in its self-assessment",
    ),
    "survey-item-in-assessment": entry(
        "Tiêu chí điều tra trong tệp của xã",
        "A survey item in a commune's file",
        "tiêu chí {criterion} là tiêu chí điều tra, và các tệp điều tra cho bằng --survey không có kết quả của tiêu"
        " chí này cho xã {commune}: kết quả điều tra không bao giờ lấy từ tệp của chính xã; giá trị này không được"
        " dùng",
        "criterion {criterion} is a survey item, and the survey files given with --survey have no result of it for"
        " commune {commune}: a survey result is never taken from the commune's own file; this value was not used",
        "ghi kết quả vào tệp điều tra, hoặc xoá dòng này khỏi tệp của xã",
        "give the result in the survey file, or delete the row from the commune's file",
    ),
    "input-required": entry(
        "Cần ghi tên đầu vào",
        "Input name needed",
        "tiêu chí {criterion} có nhiều đầu vào: ghi rõ đầu vào ở cột đầu vào (input)",
        "criterion {criterion} has several inputs: say which one in the input column",
        "điền cột đầu vào (input); mẫu nhập liệu liệt kê tên các đầu vào",
        "fill the input column (the template lists the input names)",
    ),
    "unknown-input": entry(
        "Đầu vào không có trong tiêu chí",
        "Unknown input",
        "tiêu chí {criterion} không có đầu vào tên {input}{input_near}",
        "criterion {criterion} has no input named {input}{input_near}",
        "dùng tên đầu vào của bộ tiêu chí (pari template liệt kê)",
        "use the input names of the criteria set (pari template lists them)",
    ),
    "unknown-commune": entry(
        "Xã không có trong danh sách",
        "Unknown commune",
        "xã {commune} không có trong danh sách đơn vị{nearest}{row_values}{more_rows}",
        "commune {commune} is not in the commune register{nearest}{row_values}{more_rows}",
        "bổ sung vào danh sách, hoặc sửa mã (mã giữ các số 0 ở đầu)",
        "add it to the register, or correct the code (codes keep their leading zeros)",
    ),
    "control-character": entry(
        "Ký tự điều khiển trong mã",
        "Control character in a code",
        "{what} {text} chứa ký tự điều khiển, ký tự hướng chữ hoặc ký tự ẩn (hiện là <U+…>)",
        "{what} {text} holds a control, bidi or invisible character (shown as <U+…>)",
        "gõ lại mã; mã xã, mã tiêu chí và tên đầu vào là văn bản thường",
        "retype the code; codes, criterion ids and input names are plain text",
    ),
    "code-as-date": entry(
        "Mã bị Excel đổi thành ngày",
        "Code turned into a date by Excel",
        "{what} {text} là một ngày: cột được định dạng ngày tháng trong Excel, nên mã gõ vào bị đổi thành ngày"
        " (00001 thành 01/01/1900){row_values}",
        "{what} {text} is a date: the column is formatted as a date in Excel, which turns a code typed into it"
        " into a date (00001 into 01/01/1900){row_values}",
        "định dạng cột là Văn bản trong Excel (Format Cells, Text) rồi gõ lại các mã: ngày không còn cho biết mã đã"
        " gõ là gì",
        "format the column as Text in Excel (Format Cells, Text) and type the codes again: the date no longer says"
        " which code was typed",
    ),
    "code-as-scientific": entry(
        "Mã bị Excel ghi thành số mũ",
        "Code written in scientific notation by Excel",
        "{what} {text} ở dạng số mũ (Excel làm tròn mã dài trong cột số): không còn biết mã đã gõ{row_values}",
        "{what} {text} is in scientific notation (Excel rounds a long code in a number column): the code typed is"
        " lost{row_values}",
        "định dạng cột là Văn bản trong Excel (Format Cells, Text) rồi gõ lại các mã",
        "format the column as Text in Excel (Format Cells, Text) and type the codes again",
    ),
    "bad-value": entry(
        "Giá trị không đọc được",
        "Unreadable value",
        "{value} không phải là {expected}",
        "{value} is not {expected}",
        # The words of ``fix`` (messages.labels): a choice's cell lists the item's levels.
        "{fix}",
        "{fix}",
    ),
    "negative-value": entry(
        "Giá trị âm",
        "Negative value",
        "{value} là số âm; số lượng và số tiền không thể nhỏ hơn 0",
        "{value} is negative; counts and amounts cannot be below 0",
        "sửa ô",
        "correct the cell",
    ),
    "percent-above-100": entry(
        "Tỷ lệ trên 100 %",
        "Percentage above 100 %",
        "{value} % lớn hơn 100 %",
        "{value} % is above 100 %",
        "tỷ lệ phần trăm nằm trong khoảng 0 đến 100",
        "a percentage lies between 0 and 100",
    ),
    "percent-as-fraction": entry(
        "Tỷ lệ phần trăm ghi dạng phân số",
        "Percentage written as a fraction",
        "{value} có vẻ là phân số của 1 (1 là 100 %), như mọi tỷ lệ của đơn vị trong trang này (không tỷ lệ nào"
        " lớn hơn 1); ô không được dùng",
        "{value} looks like a fraction of 1 (1 for 100 %), as all this unit's percentages in the sheet do (none is"
        " above 1); the cell was not used",
        "ghi tỷ lệ trên thang 100 (0,925 là 92,5), hoặc kèm dấu %",
        "write percentages out of 100 (0,925 is 92,5), or with a % sign",
    ),
    "percent-fraction-among-percentages": entry(
        "Tỷ lệ hài lòng có thể ghi dạng phân số",
        "Satisfaction rate maybe written as a fraction",
        "{value} được chấm là {value} % hài lòng, nhưng các tỷ lệ hài lòng khác của đơn vị trong trang này ghi trên"
        " thang 100: có phải là phân số của 1 (1 là 100 %)?",
        "{value} is scored as {value} % satisfied, but this unit's other satisfaction rates in the sheet are written"
        " out of 100: a fraction of 1 (1 for 100 %)?",
        "ghi tỷ lệ trên thang 100 (0,91 là 91); ghi kèm dấu % (0,91 %) khi tỷ lệ thật sự thấp như vậy",
        "write the rate out of 100 (0,91 is 91); write it with a % sign (0,91 %) when it truly is this low",
    ),
    "survey-rate-far-below": entry(
        "Tỷ lệ hài lòng thấp bất thường so với các tỷ lệ khác",
        "Satisfaction rate far below the unit's others",
        "{value} được chấm là {value} % hài lòng, thấp hơn nhiều so với các tỷ lệ hài lòng khác của đơn vị trong"
        " trang này (có tỷ lệ từ {among} % trở lên): có phải gõ nhầm?",
        "{value} is scored as {value} % satisfied, far below this unit's other satisfaction rates in the sheet"
        " (one of {among} % or more): a typing slip?",
        "đối chiếu tỷ lệ với báo cáo kết quả điều tra; ghi kèm dấu % (1,5 %) khi tỷ lệ thật sự thấp như vậy",
        "check the rate against the survey's report; write it with a % sign (1,5 %) when it truly is this low",
    ),
    "percent-on-a-scale": entry(
        "Tỷ lệ phần trăm ghi dạng điểm thang đo",
        "Percentage written as a mark on a scale",
        "{value} có vẻ là điểm trên một thang đo (1 đến 5, 0 đến 10), như mọi tỷ lệ của đơn vị trong trang này"
        " (không tỷ lệ nào lớn hơn 10); ô không được dùng",
        "{value} looks like a mark on a scale (1 to 5, 0 to 10), as all this unit's percentages in the sheet do"
        " (none is above 10); the cell was not used",
        "ghi tỷ lệ trên thang 100 (tỷ lệ hài lòng, không phải điểm trung bình), hoặc kèm dấu % khi tỷ lệ thật sự"
        " thấp như vậy",
        "write percentages out of 100 (the share satisfied, not the mean mark), or with a % sign when one"
        " truly is this low",
    ),
    "percent-in-count": entry(
        "Tỷ lệ phần trăm ở ô số lượng",
        "Percentage in a count",
        "{value} là tỷ lệ phần trăm, nhưng đầu vào này là số lượng (bao nhiêu); ô không được dùng",
        "{value} is a percentage, but the input is a count (how many); the cell was not used",
        "ghi chính số lượng (bao nhiêu nhiệm vụ, hồ sơ, lần); tỷ lệ được tính từ hai số lượng của nó",
        "write the count itself (how many tasks, files or times); a rate is computed from its two counts",
    ),
    "not-whole": entry(
        "Không phải số nguyên",
        "Not a whole number",
        "{value} không phải là số nguyên",
        "{value} is not a whole number",
        "{count_hint}",
        "{count_hint}",
    ),
    "count-three-zeros": entry(
        "Số đếm có dấu phân cách và ba số 0",
        "Count with a separator and three zeros",
        "{value} được đọc là {read} (dấu phân cách là dấu thập phân); nếu là {read} nghìn, hãy ghi không có "
        "dấu phân cách",
        "{value} is read as {read} (the separator as a decimal point); if it means {read} thousand, write it "
        "without the separator",
        "ghi số đếm không có dấu phân cách (2000); kiểm tra lại con số trong tài liệu gốc",
        "write counts without separators (2000); check the number in the source document",
    ),
    "below-minimum": entry(
        "Dưới mức tối thiểu",
        "Below the minimum",
        "{value} nhỏ hơn mức tối thiểu {limit}",
        "{value} is below the minimum {limit}",
        "sửa ô",
        "correct the cell",
    ),
    "above-maximum": entry(
        "Trên mức tối đa",
        "Above the maximum",
        "{value} lớn hơn mức tối đa {limit}",
        "{value} is above the maximum {limit}",
        "sửa ô",
        "correct the cell",
    ),
    "na-not-allowed": entry(
        "Không được ghi không áp dụng",
        "Not applicable not allowed",
        "tiêu chí {criterion} không được ghi là không áp dụng",
        "criterion {criterion} cannot be marked not applicable",
        "chấm tiêu chí này, hoặc giải trình với Hội đồng thẩm định",
        "score it, or give an explanation for the appraisal council",
    ),
    "implausible-date": entry(
        "Ngày không hợp lý",
        "Implausible date",
        "{value} không phải là một ngày dùng được: {date_problem}",
        "{value} is not a usable date: {date_problem}",
        "ghi ngày đủ năm bốn chữ số, ví dụ 15/01/2025",
        "write the date with a four-digit year, e.g. 15/01/2025",
    ),
    "number-too-precise": entry(
        "Số quá nhiều chữ số thập phân",
        "Number too precise",
        "{value} có nhiều chữ số thập phân hơn mức pari-index giữ chính xác",
        "{value} has more decimals than pari-index holds exactly",
        "làm tròn số trong bảng tính (ví dụ bằng ROUND) đến số chữ số thập phân cần thiết",
        "round the number in the sheet (e.g. with ROUND) to the decimals that count",
    ),
    "number-out-of-range": entry(
        "Số quá lớn",
        "Number out of range",
        "{value} vượt quá số lớn nhất pari-index đọc được",
        "{value} is beyond the largest number pari-index reads",
        "kiểm tra số; pari-index đọc các số nhỏ hơn 100.000.000.000.000 (10^14)",
        "check the number; pari-index reads numbers below 100,000,000,000,000 (10^14)",
    ),
    "pasted-sets": entry(
        "Tệp có các hàng của hai bộ tiêu chí (hoặc hai năm)",
        "Rows of two criteria sets (or two years) in one file",
        "từ hàng {split} trở đi, tệp ghi lại {items} cặp (xã, tiêu chí) của các hàng đến hàng {end} "
        "với giá trị khác ({cells} giá trị mâu thuẫn, không giá trị nào được dùng): tệp có các hàng của hai bộ "
        "tiêu chí hoặc hai năm, bảng này dán dưới bảng kia",
        "from row {split} on, the file repeats {items} (commune, item) pairs of the rows up to row {end} "
        "with other values ({cells} values in conflict, none used): it holds rows of two criteria sets or two "
        "years, one below the other",
        "chỉ giữ trong tệp các hàng của bộ tiêu chí và năm đang chấm; chấm các hàng kia với bộ tiêu chí của chúng",
        "keep in this file only the rows of the set and year being scored, and score the others with their own "
        "criteria set",
    ),
    "number-with-words": entry(
        "Số kèm chữ trong ô",
        "Number with words in its cell",
        "{value} có chữ bên cạnh số; ô không được dùng: chỉ ghi số",
        "{value} has words beside its number; the cell was not used: write the number alone",
        "chỉ ghi số trong ô (34, không ghi 34 ngày); đơn vị hay ghi chú ghi ở cột giải trình",
        "write the number alone in the cell (34, not 34 ngày); a unit or a note belongs in the explanation column",
    ),
    "answer-with-words": entry(
        "Câu trả lời có/không kèm chữ trong ô",
        "Yes/no answer with words in its cell",
        "{value} có chữ bên cạnh câu trả lời {answer}; ô không được dùng: chỉ ghi câu trả lời",
        "{value} has words beside its answer {answer}; the cell was not used: write the answer alone",
        "chỉ ghi có hoặc không trong ô; ghi chú (số quyết định, lý do) ghi ở cột giải trình",
        "write có or không alone in the cell; a note (a decision's number, a reason) belongs in the explanation column",
    ),
    "conflicting-values": entry(
        "Giá trị mâu thuẫn",
        "Conflicting values",
        "xã {commune}, tiêu chí {criterion}, {input} được ghi nhiều lần với giá trị khác nhau; không giá trị nào "
        "được dùng",
        "commune {commune}, criterion {criterion}: {input} is given more than once with different values; none "
        "was used",
        "giữ một dòng cho mỗi xã, tiêu chí và đầu vào",
        "keep one row per commune, criterion and input",
    ),
    # Findings of one kind for one unit past PARI_MAX_FINDINGS_OF_A_KIND in one file (intake/folding.py).
    "findings-folded": entry(
        "Phát hiện gộp lại",
        "Findings folded",
        "còn {count} phát hiện «{folded_kind}» không liệt kê ra, ở các hàng {rows} (cột {columns_folded}): mỗi tệp "
        "chỉ liệt kê {keep} phát hiện đầu của một loại cho một đơn vị; {rows_listed}",
        "{count} more findings «{folded_kind}» not listed, in rows {rows} (columns {columns_folded}): only a "
        "unit's first {keep} of a kind in a file are; {rows_listed}",
        "sửa như các phát hiện cùng loại đã liệt kê; để liệt kê tất cả, đặt PARI_MAX_FINDINGS_OF_A_KIND",
        "correct them as the listed findings of that kind; to list them all, set PARI_MAX_FINDINGS_OF_A_KIND",
    ),
    "duplicate-row": entry(
        "Dòng lặp lại",
        "Repeated row",
        "{repeat}",
        "{repeat}",
        "xoá dòng lặp",
        "delete the repeat",
    ),
    # A sheet of dates written month first (intake/month_first.py).
    "dates-month-first": entry(
        "Ngày ghi tháng trước ngày",
        "Dates written month first",
        "{count} ngày được ghi tháng trước, ngày sau (như {example}): các ngày khác, có ngày từ 12 trở xuống, đã "
        "được đọc ngày trước, tháng sau (trừ ngày kèm giờ AM/PM: bị từ chối), và bị đọc sai nếu chúng cũng được ghi "
        "tháng trước",
        "{count} dates are written month first (such as {example}): the other dates, whose day is 12 or less, were "
        "read day first (those with an AM/PM time were refused), and are wrong if they are month first too",
        "ghi mọi ngày của tệp theo thứ tự ngày trước, tháng sau (dd/mm/yyyy) hoặc dạng 2025-08-27, ví dụ xuất lại "
        "tệp từ máy tính đặt ngôn ngữ tiếng Việt, rồi chấm lại",
        "write every date of the file day first (dd/mm/yyyy) or as 2025-08-27, for instance by exporting it again "
        "from a computer set to Vietnamese, then score it again",
    ),
    "missing-column": entry(
        "Thiếu cột",
        "Missing column",
        "thiếu cột {columns}; có các cột {found}",
        "no column {columns}; found {found}",
        "thêm các cột còn thiếu ở hàng tiêu đề (tên cột: xem docs/data-formats.md)",
        "add the missing columns to the header row (column names: see docs/data-formats.md)",
    ),
    # A sheet without a column the set needs (intake/absent_columns.py).
    "evidence-column-absent": entry(
        "Thiếu cột minh chứng mà bộ tiêu chí cần",
        "An evidence column the criteria set needs is missing",
        "không có cột {columns}: các tiêu chí của trang này cần thông tin đó làm minh chứng ({count}: {items}) "
        "được chấm là không có minh chứng",
        "no column {columns}: the items of this sheet that need it as evidence ({count}: {items}) were scored as "
        "without evidence",
        "thêm cột vào hàng tiêu đề như mẫu của pari template (docs/data-formats.md), hoặc ghi minh chứng của mỗi "
        "tiêu chí trên một hàng có cột đầu vào ghi tên cột đó; rồi chấm lại",
        "add the column to the header row, as in the form of pari template (docs/data-formats.md), or give each "
        "item's evidence in a row whose input column names it; then score again",
    ),
    "self-score-column-absent": entry(
        "Thiếu cột điểm tự chấm",
        "No self-score column",
        "không có cột {columns}: điểm tự chấm của xã không được so với điểm tính theo quy tắc",
        "no column {columns}: the commune's own scores were not compared with the scores the rules give",
        "thêm cột self_score (hoặc điểm tự chấm) vào hàng tiêu đề, như mẫu của pari template",
        "add the column self_score (or điểm tự chấm) to the header row, as in the form of pari template",
    ),
    # A score cell holding only «-»: a blank a clerk filled, or a zero of Excel's accounting format.
    "appraisal-score-mark": entry(
        "Ô điểm thẩm định chỉ có dấu gạch",
        "Appraisal score written as a dash",
        "ô điểm chỉ có {mark}: được đọc là không có điểm; định dạng kế toán của Excel cũng hiện số 0 như vậy",
        "the score cell holds only {mark}: read as no score; Excel's accounting format shows a zero so too",
        "nếu Hội đồng cho 0 điểm, ghi 0; nếu không cho điểm, để trống ô",
        "if the council gave 0 points, write 0; if it gave no score, leave the cell empty",
    ),
    "appraisal-no-correction": entry(
        "Dòng thẩm định không sửa gì",
        "Appraisal row that corrects nothing",
        "dòng có lý do nhưng không có giá trị sửa, điểm sửa hay quyết định về giải trình (evidence_accepted); "
        "không phần nào của dòng được dùng",
        "the row gives a reason but no corrected value, score or decision on the explanation (evidence_accepted); "
        "nothing of it was used",
        "ghi giá trị hoặc điểm đã sửa, hoặc evidence_accepted (có hoặc không) cho một giải trình; hoặc xoá dòng",
        "fill the corrected value or score, or evidence_accepted (yes or no) for an explanation; or delete the row",
    ),
    "appraisal-corrections-absent": entry(
        "Tệp thẩm định không có cột sửa nào",
        "Appraisal file without a column of corrections",
        "không có cột nào ghi nội dung sửa (giá trị, điểm thẩm định hay chấp nhận giải trình): {count} dòng của "
        "tệp không sửa gì",
        "no column of corrections (value, score or evidence_accepted): its {count} rows correct nothing",
        "thêm cột điểm thẩm định, giá trị thẩm định hoặc chấp nhận giải trình (evidence_accepted: có hoặc không), "
        "đặt tên như docs/data-formats.md; rồi chấm lại",
        "add a column score (the council's points), value (a corrected input) or evidence_accepted (yes or no on "
        "an explanation), named as in docs/data-formats.md; then score again",
    ),
    "not-appraisal-field": entry(
        "Cột của xã trong tệp thẩm định",
        "The commune's own column in an appraisal file",
        "cột {column} ghi {own_field} của chính xã, điều tệp thẩm định không sửa; {cells} ô có giá trị "
        "(ô đầu ở hàng {first}) không được dùng",
        "column {column} holds the commune's own {own_field}, which an appraisal file does not change; its "
        "{cells} filled cells (the first in row {first}) were not used",
        "ghi điểm của hội đồng vào cột «điểm thẩm định» và quyết định về giải trình vào cột evidence_accepted; "
        "sửa giá trị của xã trong tệp tự đánh giá của xã",
        "write the council's points in the score column and its decision on an explanation in evidence_accepted; "
        "correct the commune's own value in its assessment file",
    ),
    "appraisal-input-own-field": entry(
        "Dòng thẩm định sửa thông tin của xã",
        "An appraisal row correcting the commune's own field",
        "đầu vào {input} là {own_field} của chính xã, điều tệp thẩm định không sửa; dòng này không được dùng",
        "input {input} is the commune's own {own_field}, which an appraisal file does not change; the row was not used",
        "ghi điểm của hội đồng vào cột «điểm thẩm định» và quyết định về giải trình vào cột evidence_accepted; "
        "sửa giá trị của xã trong tệp tự đánh giá của xã",
        "write the council's points in the score column and its decision on an explanation in evidence_accepted; "
        "correct the commune's own value in its assessment file",
    ),
    "form-other-version": entry(
        "Mẫu nhập liệu của phiên bản bộ tiêu chí khác",
        "Form of another version of the criteria set",
        "{rows} dòng của mẫu ghi điểm tối đa khác với bộ tiêu chí ({items} tiêu chí): xã {commune}, tiêu chí"
        " {criterion} có {form_max} điểm trong mẫu nhưng {set_max} điểm trong bộ; mẫu có thể của phiên bản khác"
        " của bộ, và giá trị đã được chấm theo quy tắc của bộ này",
        "{rows} rows of this form give a maximum that is not their item's in the criteria set ({items} items):"
        " commune {commune}, item {criterion} has {form_max} points in the form and {set_max} in the set; the"
        " form may be of another version of the set, and its values were scored by this set's rules",
        "kiểm tra xã đã điền đúng mẫu của bộ tiêu chí này (pari template --criteria …); nếu không, đề nghị xã"
        " điền lại mẫu đó",
        "check that the commune filled the form of this criteria set (pari template --criteria …), and have it"
        " fill that form again if not",
    ),
    "notes-column": entry(
        "Cột ghi chú",
        "Notes column",
        "cột {column} là cột ghi chú: không quy tắc nào đọc cột này, và không ô nào của nó được chấm",
        "column {column} holds notes: no rule reads them, and nothing in it was scored",
        "ghi chú thì không cần làm gì; tiêu chí không phát sinh thì đánh dấu ở cột n/a, còn giá trị cần chấm thì "
        "ghi ở cột riêng của nó (pari template)",
        "nothing to do for remarks; an item that did not arise is marked in the n/a column, and a value to score "
        "goes in its own column (pari template)",
    ),
    "unknown-column": entry(
        "Cột không dùng đến",
        "Unknown column",
        "cột {column} không phải là cột pari-index đọc; cột này bị bỏ qua",
        "column {column} is not one pari-index reads; it was ignored",
        "đổi tên cột theo mẫu nhập liệu, hoặc xoá cột",
        "rename the column as in the template, or delete it",
    ),
    # Raised by intake.assessments when the list of files is empty (an API caller's; pari score
    # says no-assessments-given first).
    "no-input": entry(
        "Không có số liệu",
        "No input",
        "chưa chỉ ra tệp tự đánh giá nào",
        "no assessment file was given",
        "chỉ ra ít nhất một tệp tự đánh giá (pari score TỆP …)",
        "give at least one assessment file (pari score FILE …)",
    ),
    "duplicate-column": entry(
        "Cột trùng tên",
        "Column appears twice",
        "cột {name} xuất hiện hai lần (cột {first} và {second})",
        "column {name} appears twice (columns {first} and {second})",
        "đổi tên hoặc xoá một cột",
        "rename or delete one of them",
    ),
    "same-field-columns": entry(
        "Hai cột cùng một nghĩa",
        "Two columns of one meaning",
        "các cột {first} và {second} là hai tên của cùng một cột {name}: pari-index không biết nên đọc"
        " cột nào; bảng không được đọc",
        "the columns {first} and {second} are two names of the same column {name}: pari-index cannot"
        " tell which one to read; the table was not read",
        "xoá một trong hai cột (nếu hai cột khác nhau, giữ cột đúng)",
        "delete one of the two columns (where they differ, keep the right one)",
    ),
    "evidence-none-word": entry(
        "Cột minh chứng ghi «không có»: đọc là không có văn bản",
        "An evidence column says «none»: read as no document",
        "{value} nghĩa là không có văn bản: ô được đọc là trống",
        "{value} says there is no document: the cell was read as empty",
        "để trống ô khi không có văn bản; khi có, ghi số hoặc tên tệp của văn bản",
        "leave the cell empty when there is no document; when there is one, write its number or file name",
    ),
    "excel-error-cell": entry(
        "Ô chứa lỗi Excel; không được đọc",
        "Cell holds an Excel error; not read",
        "ô chứa lỗi Excel {code}; ô không được đọc",
        "the cell holds the Excel error {code}; it was not read",
        "sửa công thức hoặc gõ giá trị; giá trị lỗi không chấm được",
        "correct the formula or type the value; error values cannot be scored",
    ),
    "formula-without-value": entry(
        "Công thức chưa lưu kết quả; đọc là ô trống",
        "Formula without a saved result; read as empty",
        "ô chứa công thức (={formula}) chưa lưu kết quả; ô được đọc là trống",
        "the cell holds a formula (={formula}) with no saved result; it was read as empty",
        "mở tệp bằng Excel và lưu lại (kết quả được lưu khi lưu tệp), hoặc gõ giá trị",
        "open the file in Excel and save it (results are stored on saving), or type the value",
    ),
    "formula-result-not-calculated": entry(
        "Kết quả công thức chưa được tính",
        "Formula results not calculated",
        "tệp do một chương trình ghi, không phải Excel: tệp yêu cầu tính lại mọi công thức khi mở, nên kết quả "
        "lưu cho công thức (={formula}) ở ô này và các công thức khác của trang (thường là 0) có thể không phải "
        "giá trị Excel hiện; các kết quả được đọc như đã lưu",
        "the file was written by a program, not Excel: it asks for every formula to be calculated when opened, so "
        "the result stored for the formula (={formula}) in this cell and the sheet's other formulas (often 0) may "
        "not be what Excel shows; the results were read as stored",
        "mở tệp bằng Excel (hoặc LibreOffice), lưu lại rồi chấm lại; hoặc gõ giá trị thay cho công thức",
        "open the file in Excel (or LibreOffice), save it and score it again; or type the values instead of the "
        "formulas",
    ),
    "merged-cells": entry(
        "Ô bị gộp: chỉ ô đầu có giá trị",
        "Merged cells: only the first holds the value",
        "các ô {cells} bị gộp: chỉ ô đầu có giá trị, các ô khác được đọc là trống",
        "cells {cells} are merged: only the first holds the value, the others read as empty",
        "bỏ gộp ô và điền giá trị vào từng dòng",
        "unmerge the cells and fill the value into each row",
    ),
    # Rows and columns hidden in Excel that hold data (intake/xlsx/hidden_parts.py).
    "hidden-rows": entry(
        "Dòng bị ẩn vẫn được chấm",
        "Hidden rows scored",
        "{count} dòng bị ẩn vẫn được đọc và chấm như các dòng khác: các dòng {rows}",
        "{count} hidden rows were read and scored as the others: rows {rows}",
        "hiện mọi dòng (chọn tất cả rồi Unhide, hoặc bỏ bộ lọc) và xoá các dòng không được chấm; rồi chấm lại",
        "show every row (select all, then Unhide, or clear the filter) and delete the rows that are not to be "
        "scored; then score again",
    ),
    "hidden-columns": entry(
        "Cột bị ẩn vẫn được chấm",
        "Hidden columns scored",
        "các cột bị ẩn vẫn được đọc và chấm như các cột khác: {columns}",
        "hidden columns were read and scored as the others: {columns}",
        "hiện mọi cột (chọn tất cả rồi Unhide) và xoá các cột không được chấm; rồi chấm lại",
        "show every column (select all, then Unhide) and delete the columns that are not to be scored; then "
        "score again",
    ),
    "title-row": entry(
        "Dòng tiêu đề phía trên dòng tên cột",
        "Title row above the headings",
        "dòng phía trên dòng tên cột được đọc là tiêu đề, không phải số liệu: {text}",
        "above the headings: read as a title, not as data: {text}",
        "không cần làm gì nếu đó là tiêu đề; nếu dòng có số liệu, đưa dòng tên cột lên dòng đầu tiên",
        "nothing to do if it is a title; if it holds data, put the headings in the first row",
    ),
}
