"""Findings about the files the intake reads: the commune register, the appraisal file, and reading
any file (encodings, columns, sheets). Part of the catalogue (pari_index.messages.catalogue)."""

from __future__ import annotations

from pari_index.messages.words import Entry, entry

#: The commune register and the appraisal file.
REGISTER_FINDINGS: dict[str, Entry] = {
    "missing-code": entry(
        "Thiếu mã đơn vị",
        "Code missing",
        "dòng không có mã xã; dòng này bị bỏ qua",
        "the row has no commune code; it was left out",
        "điền mã",
        "fill in the code",
    ),
    "too-many-rows": entry(
        "Bảng quá nhiều dòng",
        "Table with too many rows",
        "{rows} dòng, nhiều hơn {limit} dòng được đọc từ {rows_table} ({rows_per}); bảng không được đọc",
        "{rows} rows, more than the {limit} read from {rows_table} ({rows_per}); the table was not read",
        "kiểm tra đúng tệp cần dùng; nếu đúng, đặt {limit_name} lớn hơn",
        "check that this is the file meant; if it is, set {limit_name} higher",
    ),
    "too-many-repeated-rows": entry(
        "Bảng quá nhiều dòng lặp lại",
        "Table with too many repeated rows",
        "{repeats} dòng lặp lại y hệt một dòng trước đó, nhiều hơn {limit} dòng được đọc từ một bảng; bảng không"
        " được đọc",
        "{repeats} rows repeat an earlier row exactly, more than the {limit} read from one table; the table was"
        " not read",
        "xoá các dòng lặp lại; nếu cố ý, đặt PARI_MAX_REPEATED_ROWS lớn hơn",
        "delete the repeated rows; if they are meant, set PARI_MAX_REPEATED_ROWS higher",
    ),
    "too-many-repeated-keys": entry(
        "Quá nhiều ô ghi lại cho cùng xã, tiêu chí và đầu vào",
        "Too many cells given again for one commune, item and input",
        "{repeats} ô ghi lại giá trị cho xã, tiêu chí và đầu vào của một dòng trước đó (trong tệp này hoặc một tệp"
        " đọc trước nó), nhiều hơn {limit} ô được đọc; các tệp tự đánh giá và điều tra xã hội học không được"
        " đọc{same_file}",
        "{repeats} cells give again a value for the commune, item and input of an earlier row (in this file or one"
        " read before it), more than the {limit} read; the assessment and survey files were not read{same_file}",
        "xoá các dòng lặp lại (hoặc tệp được đưa hai lần); nếu cố ý, đặt PARI_MAX_REPEATED_CELLS lớn hơn",
        "delete the repeated rows (or the file given twice); if they are meant, set PARI_MAX_REPEATED_CELLS higher",
    ),
    "table-too-wide": entry(
        "Bảng quá nhiều cột",
        "Table with too many columns",
        "{columns} cột, nhiều hơn {limit} cột được đọc từ {rows_table} (danh sách đơn vị có khoảng mười cột, "
        "và mỗi cột được đưa vào kết quả); bảng không được đọc",
        "{columns} columns, more than the {limit} read from {rows_table} (a register has about ten, and each goes "
        "into the results); the table was not read",
        "xoá các cột không cần (giữ các cột dùng cho --group-by); nếu cần hết, đặt PARI_MAX_REGISTER_COLUMNS lớn hơn",
        "delete the columns not needed (keep those given to --group-by); if all are, set PARI_MAX_REGISTER_COLUMNS "
        "higher",
    ),
    "lineage-unknown-code": entry(
        "Mã mới của bảng nối mã không có năm nay",
        "Lineage code of no unit",
        "mã mới {code} không phải đơn vị nào của lượt chấm này{nearest}; dòng không nối được gì và không được dùng",
        "the new code {code} is no unit of this run{nearest}; the row links nothing and was not used",
        "đối chiếu mã với danh sách đơn vị (gõ nhầm?), hoặc xoá dòng",
        "check the code against the register (a typing slip?), or delete the row",
    ),
    "lineage-old-code-missing": entry(
        "Mã cũ của bảng nối mã không có trong kết quả năm trước",
        "Lineage code not in last year's results",
        "mã cũ {code} không có trong kết quả năm trước; dòng này không nối được kết quả nào của năm trước "
        "với {new_code}",
        "the old code {code} is not in last year's results; the row links nothing of last year to {new_code}",
        "đối chiếu mã cũ với kết quả năm trước (gõ nhầm?), hoặc xoá dòng nếu năm trước đơn vị không có kết quả",
        "check the old code against last year's results (a typing slip?), or delete the row if the unit had no "
        "result last year",
    ),
    "lineage-code-missing": entry(
        "Bảng nối mã thiếu mã",
        "Lineage code missing",
        "dòng của bảng nối mã cần cả mã cũ và mã mới; chưa ghi kết quả nào",
        "a lineage row needs both the old and the new code; nothing was written",
        "điền cả hai mã trên mọi dòng: ô gộp chỉ giữ mã ở dòng đầu của nó, nên ghi mã mới trên từng dòng mã cũ của "
        "nó, hoặc ghi các mã cũ trong một ô (10004, 20004)",
        "fill in both codes on every row: a merged cell holds its code in its first row only, so write the new code "
        "on each row of its old codes, or list the old codes in one cell (10004, 20004)",
    ),
    "lineage-links-nothing": entry(
        "Bảng nối mã gần như không nối được gì",
        "Lineage table that links (nearly) nothing",
        "{linked} trong {pairs} cặp mã của bảng nối mã nối được một đơn vị của lượt chấm này với kết quả năm trước "
        "({unknown} cặp có mã mới không phải đơn vị nào của lượt chấm này, {missing} cặp có mã cũ không có trong kết "
        "quả năm trước): thay đổi so với năm trước được tính mà không có các cặp này",
        "{linked} of the {pairs} pairs of codes of the lineage table link a unit of this run to last year's results "
        "({unknown} name a new code of no unit of this run, {missing} an old code not in last year's results): the "
        "changes since last year were worked out without them",
        "đối chiếu mã với danh sách đơn vị và kết quả năm trước: mã giữ các số 0 ở đầu (00001), Excel bỏ các số 0 này "
        "khi coi mã là số; tên đơn vị không phải là mã",
        "check the codes against the register and last year's results: codes keep their leading zeros (00001), "
        "which Excel drops when it takes them for numbers, and a unit's name is not its code",
    ),
    "lineage-own-results-passed-over": entry(
        "Kết quả năm trước của mã mới bị bỏ qua",
        "Last year's results of the new code passed over",
        "mã mới {code} có kết quả riêng của năm trước nhưng không được dùng: đơn vị được so sánh với {old_code} "
        "là đơn vị tiền thân",
        "the new code {code} has results of its own last year, which are not used: the unit is compared with "
        "{old_code} as its predecessor",
        "nếu các đơn vị sáp nhập, thêm một dòng ghi mã mới cũng là mã cũ của chính nó; nếu gõ nhầm mã, sửa lại",
        "if the units merged, add a row with the new code as an old code of itself; if the codes are mistyped, "
        "correct them",
    ),
    "previous-compares-nothing": entry(
        "Kết quả năm trước không so sánh được với đơn vị nào",
        "Last year's results compare with no unit",
        "không đơn vị nào trong {total} đơn vị của kết quả năm trước {taken_up} ({codes}): không tính được thay đổi "
        "so với năm trước của đơn vị nào",
        "none of the {total} units of last year's results {taken_up} ({codes}): no unit's change since last year "
        "could be worked out",
        "{previous_hint}",
        "{previous_hint}",
    ),
    "previous-units-unmatched": entry(
        "Đơn vị của kết quả năm trước không được so sánh",
        "Last year's units compared with nothing",
        "{count} trong {total} đơn vị của kết quả năm trước {not_taken_up} ({codes}): kết quả của các đơn vị này "
        "không được so sánh với đơn vị nào",
        "{count} of the {total} units of last year's results {not_taken_up} ({codes}): not compared with any "
        "unit of this year",
        "{previous_hint}",
        "{previous_hint}",
    ),
    "lineage-old-code-still-a-unit": entry(
        "Mã cũ vẫn là một đơn vị năm nay",
        "Old code still a unit",
        "mã cũ {code} vẫn là một đơn vị của lượt chấm này: kết quả năm trước của nó được so sánh cả với chính nó "
        "và với {new_code}",
        "the old code {code} is still a unit of this run: its last year's results are compared with its own and "
        "with {new_code}'s",
        "kiểm tra các mã (gõ nhầm?); nếu đơn vị được chia tách và giữ mã cũ, thêm một dòng ghi mã cũ cũng là mã "
        "mới của chính nó",
        "check the codes (a typing slip?); if the unit was split and kept its code, add a row with the old code "
        "as a new code of itself",
    ),
    "duplicate-commune": entry(
        "Mã xã lặp lại",
        "Commune listed twice",
        "mã xã {code} được ghi lại (lần đầu ở hàng {first}); dòng này bị bỏ qua",
        "commune code {code} is listed again (first in row {first}); this row was left out",
        "mỗi đơn vị chỉ có một dòng; đơn vị sáp nhập có mã mới",
        "each unit appears once; merged units get a new code",
    ),
    "conflicting-appraisal": entry(
        "Quyết định thẩm định mâu thuẫn",
        "Conflicting appraisal decisions",
        "xã {commune}, tiêu chí {criterion} có các quyết định thẩm định khác nhau (điểm hoặc chấp nhận giải "
        "trình) ở nhiều dòng; không quyết định nào được dùng",
        "commune {commune}, criterion {criterion}: different appraisal decisions (score or evidence accepted) "
        "are given in more than one row; none was used",
        "giữ một dòng cho mỗi xã và tiêu chí, hoặc sửa cho các dòng thống nhất",
        "keep one row per commune and criterion, or make the rows agree",
    ),
    "file-cut-short": entry(
        "Tệp bị cắt cụt",
        "File cut short",
        "tệp dừng giữa hàng này: tệp bị cắt cụt, phần sau đó bị mất",
        "the file stops in the middle of this row: it was cut short, and what followed is missing",
        "chép hoặc xuất lại toàn bộ tệp (tệp có thể bị cắt khi chép, tải về hoặc khi ổ đĩa đầy)",
        "copy or export the whole file again (a copy, a download or a full disk can cut a file short)",
    ),
    "csv-mixed-separators": entry(
        "Các dòng dùng dấu phân cách khác",
        "Lines with another separator",
        "từ dòng này, {count} dòng được ghi với dấu phân cách {other}, không phải {delimiter} như dòng tiêu đề; "
        "mỗi dòng như vậy sẽ bị đọc thành một ô, không có gì để chấm",
        "from this line on, {count} line(s) are written with the separator {other}, not {delimiter} as the "
        "header is; each would be read as one cell, with nothing to score",
        "ghi lại các dòng đó với dấu phân cách của dòng tiêu đề, hoặc mở tệp bằng Excel và lưu lại dạng CSV UTF-8",
        "write those lines with the header's separator, or open the file in Excel and save it again as CSV UTF-8",
    ),
    "csv-separator-line": entry(
        "Dòng chỉ định dấu phân cách của Excel",
        "Excel's separator line",
        "dòng đầu ({line}) là dòng chỉ định dấu phân cách cho Excel, không phải dòng tiêu đề của bảng",
        "the first line ({line}) is a hint for Excel, not the table's header",
        "xoá dòng đầu (pari-index tự nhận ra dấu phân cách), hoặc lưu lại tệp từ Excel dạng CSV UTF-8",
        "delete the first line (pari-index finds the separator itself), or save the file again from Excel as CSV UTF-8",
    ),
    "csv-separator-line-differs": entry(
        "Dòng chỉ định dấu phân cách của Excel khác dấu của bảng",
        "Excel's separator line names another separator",
        "dòng đầu ({line}) báo cho Excel dấu phân cách {declared}, nhưng tên các cột được phân cách bằng "
        "{delimiter}: tệp được đọc theo {delimiter} như tên các cột, còn Excel tách các ô theo {declared} và "
        "hiện một bảng khác",
        "the first line ({line}) tells Excel the cells are separated by {declared}, but the column names are "
        "separated by {delimiter}: the file was read at {delimiter}, as its column names are, while Excel splits "
        "it at {declared} and shows another table",
        "kiểm tra các cột đã đọc; sửa dòng đầu thành sep={delimiter_char} hoặc xoá dòng đó",
        "check the columns read; write the first line as sep={delimiter_char}, or delete it",
    ),
    "missing-name": entry(
        "Thiếu tên đơn vị",
        "Name missing",
        "dòng không có tên; dùng mã làm tên",
        "the row has no name; the code is used as its name",
        "điền tên",
        "fill in the name",
    ),
    "look-alike-code": entry(
        "Mã đơn vị gần trùng",
        "Look-alike unit code",
        "mã {code} chỉ khác mã {first} (hàng {first_row}) ở các số 0 đứng đầu hoặc chữ số toàn độ rộng; "
        "hai mã được giữ là hai đơn vị",
        "commune code {code} differs from {first} (row {first_row}) only by leading zeros or full-width "
        "digits; both are kept as two units",
        "kiểm tra mã: mã giữ các số 0 đứng đầu (00001), còn số do Excel gõ lại thì mất chúng",
        "check the code: codes keep their leading zeros (00001), and a number Excel retyped loses them",
    ),
    "register-name-twice": entry(
        "Một đơn vị được ghi dưới hai mã",
        "One unit under two codes",
        "{unit} được ghi lại với mã {code}, cùng huyện và tỉnh với mã {first} (hàng {first_row}): hai mã được "
        "chấm điểm và xếp hạng như hai đơn vị",
        "{unit} is listed again under code {code}, in the same district and province as code {first} (row "
        "{first_row}): the two codes are scored and ranked as two units",
        "giữ một dòng cho mỗi đơn vị: xoá dòng lặp, hoặc sửa tên hay mã của nó",
        "keep one row per unit: delete the repeat, or correct its name or code",
    ),
    "register-code-as-number": entry(
        "Mã đơn vị ghi thành số",
        "Unit code written as a number",
        "mã {code} bị ghi thành số có phần thập phân (bảng xuất từ cột số, bằng Excel hay pandas, ghi 00001 "
        "thành 1.0); mã được giữ nguyên như đã ghi và chỉ khớp với mã ghi giống hệt",
        "commune code {code} is written as a number with decimals (a table exported from a number column, by "
        "Excel or pandas, writes 00001 as 1.0); it is kept as written, and matches only a code written the same "
        "way",
        "định dạng cột mã là văn bản và ghi mã như danh mục chính thức, giữ các số 0 ở đầu (00001)",
        "format the code column as text and write the codes as the official list does, with their leading zeros "
        "(00001)",
    ),
    "register-code-scientific": entry(
        "Mã đơn vị ghi ở dạng số mũ",
        "Unit code in scientific notation",
        "mã {code} bị ghi ở dạng số mũ (Excel hiện mã dài trong cột số như vậy); mã được giữ nguyên như đã ghi và"
        " chỉ khớp với mã ghi giống hệt",
        "commune code {code} is written in scientific notation (Excel shows a long code of a column of numbers so);"
        " it is kept as written, and matches only a code written the same way",
        "định dạng cột mã là Văn bản trong Excel và ghi mã như danh mục chính thức, giữ các số 0 ở đầu (00001)",
        "format the code column as Text in Excel and write the codes as the official list does, with their leading"
        " zeros (00001)",
    ),
    "missing-unit-type": entry(
        "Đơn vị không có loại",
        "Unit without a type",
        "đơn vị không ghi loại: các tiêu chí {items} chỉ áp dụng cho một số loại đơn vị và bị loại ra với đơn vị"
        " này{name_says}",
        "the unit has no type: items {items} apply only to some unit types and are excluded for it{name_says}",
        "ghi loại của mỗi đơn vị ở cột loại của danh sách: xã, phường, thị trấn hoặc đặc khu",
        "write each unit's type in the register's type column: xã, phường, thị trấn or đặc khu",
    ),
    "register-without-types": entry(
        "Danh sách đơn vị không ghi loại đơn vị",
        "Register without unit types",
        "danh sách đơn vị không ghi loại của đơn vị nào (không có cột loại, hoặc cột trống): các tiêu chí {items}"
        " chỉ áp dụng cho một số loại đơn vị và bị loại ra với mọi đơn vị",
        "the register gives no unit's type (its type column is missing or empty): items {items} apply only to"
        " some unit types and are excluded for every unit",
        "ghi loại của mỗi đơn vị ở cột loại của danh sách: xã, phường, thị trấn hoặc đặc khu",
        "write each unit's type in the register's type column: xã, phường, thị trấn or đặc khu",
    ),
    "unit-type-differs-from-name": entry(
        "Loại đơn vị khác với tên",
        "Unit type differs from the name",
        "đơn vị có tên {name}, nhưng loại là {type}: các tiêu chí chỉ áp dụng cho một số loại đơn vị được chọn"
        " theo loại",
        "the unit is named {name}, but its type is {type}: the items limited to some unit types are chosen by the type",
        "sửa loại, hoặc tên: Phường là phường, Xã là xã",
        "correct the type, or the name: a Phường is a ward (phường), a Xã a commune (xã)",
    ),
    "unknown-unit-type": entry(
        "Loại đơn vị không xác định",
        "Unknown unit type",
        "loại {type} không phải là xã, phường, thị trấn hay đặc khu; các tiêu chí chỉ áp dụng cho một số loại "
        "đơn vị bị loại ra với đơn vị này",
        "type {type} is not one of xã, phường, thị trấn, đặc khu; items limited to some unit types are excluded "
        "for this unit",
        "ghi một trong: xã, phường, thị trấn, đặc khu",
        "write one of: xã, phường, thị trấn, đặc khu",
    ),
    "level-code-names": entry(
        "Một mã có nhiều tên",
        "One code, several names",
        "mã {code} có tên {name} ở đây nhưng tên {first_name} ở hàng {first_row}; các đơn vị được xếp hạng "
        "chung theo mã",
        "code {code} is named {name} here and {first_name} in row {first_row}; the units are ranked together, as "
        "the code says",
        "ghi một tên cho mỗi mã, hoặc sửa mã",
        "write one name for each code, or correct the code",
    ),
    "register-column-reserved": entry(
        "Cột của danh sách đơn vị trùng tên cột kết quả",
        "A register column named as a results column",
        "cột {column} của danh sách đơn vị trùng tên với một cột của kết quả; cột này bị bỏ qua",
        "the register's column {column} has the name of a column of the results; it was left out",
        "đổi tên cột (ví dụ sang tên tiếng Việt) để giữ cột trong kết quả hoặc xếp hạng theo nó",
        "rename the column (for example to its Vietnamese name) to keep it in the results or group by it",
    ),
    "missing-reason": entry(
        "Thiếu lý do thẩm định",
        "Reason missing",
        "mỗi điều chỉnh khi thẩm định cần có lý do",
        "an appraisal correction needs a reason",
        "ghi lý do Hội đồng thay đổi điểm",
        "write why the council changed the score",
    ),
    "appraisal-score-out-of-range": entry(
        "Điểm thẩm định ngoài khoảng điểm của tiêu chí",
        "Appraised score outside the item's points",
        "điểm {value} nằm ngoài khoảng điểm tiêu chí {criterion} có thể đạt ({low} đến {high}); điểm này không"
        " được dùng",
        "score {value} is outside the points item {criterion} can get ({low} to {high}); the score was not used",
        "ghi số điểm tiêu chí có thể đạt (điểm tối đa ghi trong bộ tiêu chí và mẫu nhập liệu)",
        "write points the item can get (its maximum is in the criteria set and the form)",
    ),
    "appraisal-survey-item": entry(
        "Thẩm định sửa tiêu chí điều tra",
        "Appraisal of a survey item",
        "tiêu chí {criterion} là tiêu chí điều tra: điểm lấy từ kết quả điều tra xã hội học, Hội đồng thẩm định không"
        " sửa; dòng này không được dùng",
        "criterion {criterion} is a survey item: its points come from the sociological survey, which the appraisal"
        " does not correct; the row was not used",
        "sửa kết quả trong tệp điều tra (--survey), hoặc xoá dòng này",
        "correct the result in the survey file (--survey), or delete the row",
    ),
    "bad-score": entry(
        "Điểm không đọc được",
        "Unreadable score",
        "điểm {value} không phải là số điểm (tối đa 4 chữ số thập phân)",
        "score {value} is not a number of points (at most 4 decimals)",
        "ghi số điểm thẩm định, ví dụ 0,75",
        "write the appraised points, e.g. 0,75",
    ),
    "bad-decision": entry(
        "Quyết định minh chứng không đọc được",
        "Unreadable evidence decision",
        "chấp nhận giải trình: {value} không phải là có/không",
        "evidence accepted: {value} is not yes/no",
        "ghi có (chấp nhận giải trình) hoặc không",
        "write yes (the explanation is accepted) or no",
    ),
}

#: Reading files.
READING_FINDINGS: dict[str, Entry] = {
    **{
        code: entry(vi, en, vi, en, hint_vi, hint_en)
        for code, (vi, en, hint_vi, hint_en) in {
            "cell-without-header": (
                "Ô trong cột không có tên bị bỏ qua",
                "Cells in a column without a name were ignored",
                "đặt tên cho cột ở hàng 1 hoặc xoá các ô",
                "give the column a name in row 1 or clear it",
            ),
            "file-not-found": ("Không tìm thấy tệp", "File not found", "kiểm tra đường dẫn", "check the path"),
            "is-a-directory": (
                "Đây là thư mục, không phải tệp",
                "A folder, not a file",
                "chỉ ra chính tệp",
                "give the file itself",
            ),
            "evidence-dir-missing": (
                "Không có thư mục minh chứng",
                "The evidence folder does not exist",
                "chỉ ra thư mục chứa các tệp minh chứng",
                "give the folder that holds the evidence files",
            ),
        }.items()
    },
    # What the path is instead of a folder, and what to give (labels.PARAM_WORDS["not_folder"]).
    "evidence-dir-not-a-folder": entry(
        "Thư mục minh chứng đã chỉ ra không phải thư mục",
        "The evidence folder given is not a folder",
        "{not_folder}",
        "{not_folder}",
        "{not_folder_hint}",
        "{not_folder_hint}",
    ),
    "nul-bytes": entry(
        "Văn bản có byte NUL",
        "NUL bytes in the text",
        "văn bản có {count} byte NUL, byte đầu tiên ở dòng này (bản sao bị cắt và chèn số 0, "
        "hay máy bị treo khi lưu?); tệp không được đọc",
        "the text holds {count} NUL byte(s), the first on this line (a copy cut short and padded, "
        "or a crash while saving?); the file was not read",
        "xoá các ký tự NUL ở dòng đó bằng một trình soạn thảo văn bản, hoặc xuất lại tệp",
        "delete the NUL characters on that line in a text editor, or export the file again",
    ),
    "compressed-file": entry(
        "Tệp nén, không phải chính tệp",
        "A compressed file, not the file itself",
        "đây là tệp nén ({archive}), không phải chính tệp cần đọc{holding}",
        "this is a compressed file ({archive}), not the file itself{holding}",
        "giải nén tệp (trên Windows: nhấp chuột phải, chọn Extract All / Giải nén tất cả; "
        "tệp .7z và .rar: dùng 7-Zip) rồi đưa các tệp bên trong",
        "extract it (on Windows: right-click, Extract All; 7-Zip for .7z and .rar) and give the files inside",
    ),
    "binary-file": entry(
        "Tệp nhị phân, không phải CSV",
        "A binary file, not CSV",
        "tệp này có vẻ là tệp nhị phân, không phải CSV",
        "this looks like a binary file, not CSV",
        "xuất trang tính dạng CSV (UTF-8) hoặc dùng tệp .xlsx",
        "export the sheet as CSV (UTF-8) or give the .xlsx",
    ),
    # What it is instead (labels.PARAM_WORDS["not_file"]).
    "not-a-file": entry(
        "Không phải tệp thông thường",
        "Not a regular file",
        "{not_file}",
        "{not_file}",
        "chỉ ra chính tệp",
        "give the file itself",
    ),
    # Which table is empty, and how (labels.PARAM_WORDS["empty_sheet"]).
    "empty-sheet": entry(
        "Trang tính trống",
        "The table is empty",
        "{empty_sheet}",
        "{empty_sheet}",
        "ghi tên cột ở hàng 1",
        "put the column names in row 1",
    ),
    # What is damaged (labels.PARAM_WORDS["damage"]).
    "xlsx-damaged": entry(
        "Sổ tính bị hỏng",
        "Workbook damaged",
        "{damage}",
        "{damage}",
        "mở bằng Excel và lưu lại, hoặc xuất CSV (UTF-8)",
        "open it in Excel and save it again, or export CSV (UTF-8)",
    ),
    # Why (labels.PARAM_WORDS["path_refusal"]).
    "evidence-dir-unusable": entry(
        "Không dùng được thư mục minh chứng",
        "The evidence folder cannot be used",
        "không dùng được thư mục minh chứng: {path_refusal}",
        "the evidence folder cannot be used: {path_refusal}",
        "{folder_hint}",
        "{folder_hint}",
    ),
    "not-results": entry(
        "Không phải tệp kết quả của pari score",
        "Not a results file of pari score",
        "{results_problem}",
        "{results_problem}",
        "chỉ ra tệp kết quả do pari score ghi",
        "give a results file written by pari score",
    ),
    "legacy-font": entry(
        "Trang tính gõ bằng phông tiếng Việt cũ (TCVN3/VNI); không được đọc",
        "Typed with a legacy Vietnamese font (TCVN3/VNI); not read",
        "chữ trong trang tính được gõ bằng phông tiếng Việt cũ (TCVN3/ABC hoặc VNI): {share} % chữ ngoài ASCII "
        "({letters}) không phải chữ tiếng Việt; trang tính không được đọc để tránh chấm trên chữ bị lỗi phông",
        "the text was typed with a legacy Vietnamese font (TCVN3/ABC or VNI): {share} % of its letters outside "
        "ASCII ({letters}) are no Vietnamese letters; the sheet was not read, rather than score garbled text",
        "chuyển sổ tính sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey, từ TCVN3 hoặc VNI) rồi lưu lại",
        "convert the workbook to Unicode (e.g. Unikey's converter, from TCVN3 or VNI), then save it",
    ),
    "input-near-name": entry(
        "Không tìm thấy tên này, nhưng có một tên gần giống",
        "Not found, but a near name is there",
        "không tìm thấy; thư mục của nó có tên gần giống: {near}",
        "not found; its folder holds a near name: {near}",
        "ghi đúng tên đầy đủ như thư mục liệt kê (lệnh dir hoặc ls): Windows Explorer ẩn phần mở rộng như"
        " .csv, và Windows không phân biệt chữ hoa chữ thường, bỏ qua dấu chấm hay dấu cách ở cuối tên; hệ"
        " thống này thì không",
        "give the name as the folder lists it in full (`dir` or `ls`): Windows Explorer hides extensions such as"
        " .csv, and Windows ignores letter case and a final dot or space, which this system does not",
    ),
    "input-wildcard-unmatched": entry(
        "Không tệp nào khớp mẫu tên có ký tự đại diện",
        "No file matches the name pattern",
        "không tìm thấy: {wildcard} là ký tự đại diện, được shell thay bằng các tên khớp mẫu, và ở đây không"
        " tệp nào khớp",
        "not found: {wildcard} is a wildcard, which a shell replaces by the names that match the pattern, and no"
        " file here matches it",
        "kiểm tra thư mục và mẫu tên (lệnh dir hoặc ls), hoặc chỉ ra từng tệp bằng tên của nó",
        "check the folder and the pattern (`dir` or `ls`), or give each file by its name",
    ),
    "input-wildcard": entry(
        "Mẫu tên có ký tự đại diện chưa được thay bằng các tên tệp",
        "A name pattern not replaced by the files it matches",
        "mẫu tên có ký tự đại diện {wildcard}, không được shell nào thay bằng các tên khớp với nó (nó nằm trong"
        " dấu nháy, hoặc được gõ ở cmd của Windows); có {count} tên khớp: {matched}",
        "a pattern with the wildcard {wildcard}, which no shell replaced by the names it matches (it was in"
        " quotes, or typed at Windows' cmd); it matches {count}: {matched}",
        "chỉ ra từng tệp bằng tên của nó (pari không đọc mẫu tên), hoặc để mẫu tên ngoài dấu nháy ở nơi shell"
        " thay thế nó",
        "give each file by its name (pari does not read a pattern), or leave the pattern outside quotes where a"
        " shell replaces it",
    ),
    "input-stray-quote": entry(
        "Không tìm thấy: tên có dấu ngoặc kép do cmd để lại",
        "Not found: a quote cmd left in the name",
        'không tìm thấy: tên chứa «"», điều mà không tên nào trên Windows có: một đường dẫn gõ trong ngoặc kép mà'
        ' kết thúc bằng \\ thì cmd của Windows đưa tới như vậy, vì nó đọc \\" là dấu ngoặc nằm trong tên (cùng'
        " phần còn lại của dòng tới dấu ngoặc sau); phần tên trước dấu đó là {path}",
        'not found: the name holds «"», which no Windows name holds: a path typed in quotes that ends in \\ comes'
        " so from Windows' cmd, which reads \\\" as a quote inside the name (with the rest of the line up to the"
        " next quote); the name before it is {path}",
        'bỏ dấu \\ trước dấu ngoặc kép đóng ("D:\\ho so" thay vì "D:\\ho so\\"), hoặc ghi nó hai lần ("D:\\ho so\\\\")',
        'leave out the \\ before the closing quote ("D:\\ho so" rather than "D:\\ho so\\"), or double it'
        ' ("D:\\ho so\\\\")',
    ),
    "input-backslash": entry(
        "Không tìm thấy: tên dùng dấu \\ giữa các thư mục",
        "Not found: the name has \\ between folders",
        "không tìm thấy; với dấu / giữa các thư mục, như hệ thống này phân cách chúng, thì đó là {path}",
        "not found; with / between its folders, as this system separates them, it is {path}",
        "ghi dấu / giữa các thư mục: ở đây dấu \\ là một ký tự của tên (Windows mới dùng nó giữa các thư mục)",
        "write / between folders: here \\ is a letter of a name (Windows writes it between folders)",
    ),
    "input-broken-link": entry(
        "Liên kết tượng trưng không dẫn tới đâu",
        "A symbolic link that leads nowhere",
        "liên kết tượng trưng không dẫn tới đâu: {link_end}",
        "a symbolic link that leads nowhere: {link_end}",
        "cho liên kết trỏ tới tệp hoặc thư mục, hoặc chỉ ra đường dẫn của chính nó",
        "point the link at the file or folder, or give its own path",
    ),
    "legacy-encoding": entry(
        "Tệp dùng bảng mã tiếng Việt cũ (TCVN3/VNI); tệp không được đọc",
        "Legacy Vietnamese encoding (TCVN3/VNI); not read",
        "tệp dùng bảng mã tiếng Việt cũ (TCVN3/ABC hoặc VNI), không phải UTF-8 hay Windows-1258: "
        "{share} % chữ ngoài ASCII ({letters}) không phải chữ tiếng Việt trong Windows-1258; "
        "tệp không được đọc để tránh chấm trên chữ bị lỗi phông",
        "a legacy Vietnamese font encoding (TCVN3/ABC or VNI), not UTF-8 or Windows-1258: "
        "{share} % of its letters outside ASCII ({letters}) are no Vietnamese letters in Windows-1258; "
        "the file was not read, rather than score garbled text",
        "chuyển tệp sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã), rồi lưu dạng CSV UTF-8",
        "convert it to Unicode (e.g. Unikey's converter), then save it as CSV UTF-8",
    ),
    "other-encoding": entry(
        "Tệp không dùng bảng mã tiếng Việt; tệp không được đọc",
        "Not a Vietnamese encoding; not read",
        "tệp không phải UTF-8 và không dùng bảng mã tiếng Việt: nhiều khả năng là bảng mã {code_page}: các byte "
        "đọc theo bảng mã này không lỗi, thành chữ của nó; {share} % chữ ngoài ASCII ({letters}) "
        "không phải chữ tiếng Việt trong Windows-1258; tệp không được đọc để tránh chấm trên chữ bị lỗi",
        "not UTF-8 and not a Vietnamese encoding: most likely {code_page}: its bytes read as that without "
        "error, as letters of it; {share} % of its letters outside ASCII ({letters}) are no Vietnamese "
        "letters in Windows-1258; the file was not read, rather than score garbled text",
        "kiểm tra đây có đúng là tệp cần chấm không; nếu đúng, mở tệp bằng chương trình đã tạo ra nó và lưu "
        "lại dạng «CSV UTF-8 (Comma delimited)»",
        "check that this is the right file; if it is, open it in the program that wrote it and save it again "
        "as «CSV UTF-8 (Comma delimited)»",
    ),
    "letters-lost": entry(
        "Chữ tiếng Việt đã bị thay bằng dấu ?; tệp không được đọc",
        "Vietnamese letters replaced by ?; not read",
        "{words} từ có dấu ? thay cho một chữ cái ({share} % số từ có chữ ngoài ASCII; ví dụ {examples}): "
        "tệp đã được lưu bằng một bảng mã không có chữ tiếng Việt, và chữ không lấy lại được từ tệp này; "
        "tệp không được đọc để tránh chấm và công bố tên bị lỗi",
        "{words} words hold a ? where a letter was ({share} % of the words with letters outside ASCII; "
        "e.g. {examples}): the file was saved in a code page without Vietnamese letters, and they cannot be "
        "recovered from it; the file was not read, rather than score and publish garbled names",
        "mở tệp gốc và lưu lại dạng «CSV UTF-8 (Comma delimited)» (hoặc gửi tệp .xlsx); đừng lưu bằng «CSV» "
        "thường trên Windows không phải tiếng Việt",
        "open the original and save it again as «CSV UTF-8 (Comma delimited)» (or give the .xlsx); plain "
        "«CSV» on a Windows that is not Vietnamese loses the letters",
    ),
    "letters-misread": entry(
        "Chữ tiếng Việt bị đọc sai bảng mã rồi lưu lại; tệp không được đọc",
        "Vietnamese letters misread in another code page and saved; not read",
        "{words} từ có chữ bị đọc theo một bảng mã khác rồi lưu lại như vậy ({share} % số từ có chữ ngoài ASCII; "
        "ví dụ {examples}, trong ngoặc là chữ đúng): tệp đã được mở bằng bảng mã khác với bảng mã của nó (như khi "
        "Excel mở tệp CSV bằng cách nhấp đúp) rồi lưu lại; tệp không được đọc để tránh chấm và công bố tên bị lỗi",
        "{words} words hold letters read in another code page and saved so ({share} % of the words with letters "
        "outside ASCII; e.g. {examples}, what they were in brackets): the file was opened in another code page "
        "than its own (as Excel opens a CSV file by a double click) and saved again; the file was not read, rather "
        "than score and publish garbled names",
        "dùng tệp trước khi được mở và lưu lại (tệp gốc của đơn vị); trong Excel, mở tệp CSV bằng Dữ liệu › Từ "
        "Văn bản/CSV, chọn nguồn tệp là bảng mã của nó («65001: Unicode (UTF-8)» hoặc «1258: Vietnamese "
        "(Windows)»)",
        "use the file as it was before it was opened and saved again (the unit's original); in Excel, open a CSV "
        "file with Data › From Text/CSV, choosing its own file origin («65001: Unicode (UTF-8)» or «1258: "
        "Vietnamese (Windows)»)",
    ),
    "legacy-font-some": entry(
        "Một số từ gõ bằng phông tiếng Việt cũ (TCVN3/VNI)",
        "Some words typed with a legacy Vietnamese font (TCVN3/VNI)",
        "{words} từ có vẻ được gõ bằng phông tiếng Việt cũ (TCVN3/ABC hoặc VNI) ({share} % số từ có chữ ngoài "
        "ASCII; ví dụ {examples}): quá ít để từ chối tệp (như các hàng được dán từ một văn bản cũ); tệp vẫn được "
        "đọc, các từ đó được dùng như đã ghi, kể cả trong tên được xếp hạng",
        "{words} words look typed with a legacy Vietnamese font (TCVN3/ABC or VNI) ({share} % of the words with "
        "letters outside ASCII; e.g. {examples}): too few to refuse the file (as rows pasted from an old "
        "document); the file was read, those words as they are written, names that are ranked included",
        "chuyển các từ đó sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey, từ TCVN3 hoặc VNI) hoặc gõ lại, "
        "rồi chấm lại",
        "convert those words to Unicode (e.g. Unikey's converter, from TCVN3 or VNI) or type them again, then "
        "score again",
    ),
    "letters-misread-some": entry(
        "Một số từ bị đọc sai bảng mã rồi lưu lại",
        "Some words misread in another code page and saved",
        "{words} từ có chữ bị đọc theo một bảng mã khác rồi lưu lại như vậy ({share} % số từ có chữ ngoài ASCII; "
        "ví dụ {examples}, trong ngoặc là chữ đúng): quá ít để từ chối tệp (như các hàng được dán từ một tệp đã "
        "bị mở bằng bảng mã khác); tệp vẫn được đọc, các từ đó được dùng như đã ghi, kể cả trong tên được xếp hạng",
        "{words} words hold letters read in another code page and saved so ({share} % of the words with letters "
        "outside ASCII; e.g. {examples}, what they were in brackets): too few to refuse the file (as rows pasted "
        "from a file opened in another code page); the file was read, those words as they are written, names "
        "that are ranked included",
        "tìm các từ đó trong tệp và gõ lại cho đúng (hoặc dán lại các hàng đó từ tệp gốc), rồi chấm lại",
        "find those words in the file and type them again as they should be (or paste those rows again from the "
        "original file), then score again",
    ),
    "letters-lost-some": entry(
        "Một số từ có dấu ? thay cho chữ cái",
        "Some words hold a ? where a letter was",
        "{words} từ có dấu ? thay cho một chữ cái ({share} % số từ có chữ ngoài ASCII; ví dụ {examples}): quá ít "
        "để từ chối tệp (như các hàng được dán từ một tệp đã lưu bằng bảng mã không có chữ tiếng Việt); tệp vẫn "
        "được đọc, các từ đó được dùng như đã ghi, kể cả trong tên được xếp hạng",
        "{words} words hold a ? where a letter was ({share} % of the words with letters outside ASCII; e.g. "
        "{examples}): too few to refuse the file (as rows pasted from a file saved in a code page without "
        "Vietnamese letters); the file was read, those words as they are written, names that are ranked included",
        "tìm các từ đó trong tệp và gõ lại chữ bị mất (hoặc dán lại các hàng đó từ tệp gốc), rồi chấm lại",
        "find those words in the file and type the lost letters again (or paste those rows again from the "
        "original file), then score again",
    ),
    "rows-in-one-cell": entry(
        "Các hàng của bảng nằm trong một ô; bảng không được đọc",
        "Rows of the table inside one cell; the table was not read",
        "ô ở hàng {row} chứa {lines} dòng trông như các hàng của bảng (dòng đầu: {text}): một tệp CSV có dấu "
        "ngoặc kép thừa {saved_as}, và các hàng đó thành chữ của một ô; bảng không được đọc để các hàng đó không "
        "bị bỏ sót mà không báo",
        "the cell in row {row} holds {lines} lines that look like rows of the table (the first: {text}): a CSV "
        "file with a stray quote {saved_as}, and those rows became the text of one cell; the table was not read, "
        "rather than leave those rows out without a word",
        "mở tệp CSV gốc bằng trình soạn thảo văn bản, xoá các dấu ngoặc kép thừa (hoặc viết đôi dấu ngoặc kép bên "
        'trong ô: ""), rồi {saved_again}; hoặc tách các dòng của ô thành các hàng của bảng',
        "open the original CSV file in a text editor, delete the stray quotes (or double the quotes inside the "
        'cell: ""), then {saved_again}; or split the cell\'s lines into rows of the table',
    ),
    # File-level problems with their figures (issue 13: the Vietnamese gave the title alone). The
    # English words are the problem's own sentence, so a findings table reads the same as before.
    "too-many-columns": entry(
        "Quá nhiều cột; bảng không được đọc",
        "Too many columns; the table was not read",
        "{columns} cột, nhiều hơn {limit} cột pari-index đọc (như Excel); bảng không được đọc",
        "{columns} columns, more than the {limit} pari-index reads (as Excel); the table was not read",
        "kiểm tra ký tự phân cách, hoặc dùng dạng dọc",
        "check the delimiter, or use the long form",
    ),
    "csv-too-wide": entry(
        "Tệp CSV quá nhiều cột; bảng không được đọc",
        "CSV file with too many columns; the table was not read",
        "{columns} cột, nhiều hơn {limit} cột pari-index đọc từ một tệp CSV (mỗi cột chữ tốn khoảng 27 KB bộ nhớ "
        "khi đọc, dù ít hàng); bảng không được đọc",
        "{columns} columns, more than the {limit} pari-index reads from a CSV file (each column of text takes "
        "about 27 KB of memory to read, however few its rows); the table was not read",
        "kiểm tra ký tự phân cách, hoặc dùng dạng dọc (mỗi tiêu chí một hàng); nếu bảng thật sự rộng như vậy, "
        "đặt PARI_MAX_CSV_COLUMNS lớn hơn",
        "check the delimiter, or use the long form (a row per item); if the table really is that wide, set "
        "PARI_MAX_CSV_COLUMNS higher",
    ),
    "too-many-cells": entry(
        "Quá nhiều ô; tệp không được đọc",
        "Too many cells; not read",
        "{rows} hàng × {columns} cột là nhiều hơn {limit} ô pari-index đọc từ một tệp; tệp không được đọc",
        "{rows} rows × {columns} columns is more than the {limit} cells pari-index reads from one file; "
        "it was not read",
        "tách tệp theo huyện",
        "split the file by district",
    ),
    # File-level problems with their evidence (session 8: the Vietnamese gave the title alone). The
    # English words are the problem's own sentence, as before.
    "encoding-fallback": entry(
        "Tệp không phải UTF-8",
        "Not UTF-8",
        "tệp không phải UTF-8: đã đọc theo {fallback_encoding}, vì {fallback_evidence}",
        "not UTF-8: read as {fallback_encoding}, since {fallback_evidence}",
        "kiểm tra tên hiển thị đúng; để chắc chắn, lưu tệp dạng CSV UTF-8",
        "check that the names read correctly; to be sure, save the file as CSV UTF-8",
    ),
    "reserved-column": entry(
        "Tên cột dành riêng cho pari-index; cột không được đọc",
        "Column name reserved by pari-index; not read",
        "cột {column} có tên pari-index dùng cho chính nó; giá trị của cột không được đọc",
        "column {column} has a name pari-index uses for itself; its values were not read",
        "đổi tên cột",
        "rename the column",
    ),
    "no-headers": entry(
        "Hàng tiêu đề không có tên cột",
        "The header row has no column names",
        "hàng {row} không có tên cột",
        "row {row} has no column names",
        "ghi tên cột ở hàng 1",
        "put the column names in row 1",
    ),
    # The words say what is empty (labels.PARAM_WORDS["empty"]); the hint, what to do for a table
    # or for a criteria set.
    "empty-file": entry("Tệp trống", "The file is empty", "{empty}", "{empty}", "{empty_hint}", "{empty_hint}"),
    # The size and the limit (labels.PARAM_WORDS["file_size"]), for an input or a criteria set.
    "file-too-large": entry(
        "Tệp quá lớn", "File too large", "{file_size}", "{file_size}", "{size_hint}", "{size_hint}"
    ),
    # The reason is the operating system's own words (as os-error quotes them).
    "file-unreadable": entry(
        "Không đọc được tệp",
        "Cannot read the file",
        "không đọc được tệp: {path_refusal}",
        "cannot read the file: {path_refusal}",
        "{unreadable_hint}",
        "{unreadable_hint}",
    ),
    "input-changed": entry(
        "Tệp thay đổi trong lúc đọc",
        "The file changed while it was read",
        "tệp đã thay đổi trong lúc pari-index đọc (bị một chương trình khác ghi, thay thế hoặc xoá trong lượt chạy): "
        "không ghi gì, các kết quả đã có được giữ nguyên",
        "the file changed while pari-index read it (written, replaced or deleted by another program during the run): "
        "nothing was written, earlier outputs are left as they were",
        "chạy lại khi tệp không còn đang được ghi: chờ việc sao chép hoặc đồng bộ xong, đóng tệp trong chương trình "
        "đang lưu nó, hoặc chép tệp vào một thư mục riêng trước",
        "run again once the file is no longer being written: wait for the copy or the synchronisation to finish, "
        "close it in the program that saves it, or copy it to a folder of your own first",
    ),
    "input-folder-changed": entry(
        "Thư mục thay đổi trong lúc đọc",
        "The folder changed while it was read",
        "thư mục đã thay đổi trong lúc pari-index đọc ({count} tệp trong đó bị một chương trình khác thêm, xoá hoặc "
        "thay thế trong lượt chạy: {names}): không ghi gì, các kết quả đã có được giữ nguyên",
        "the folder changed while pari-index read it ({count} file(s) in it added, removed or replaced by another "
        "program during the run: {names}): nothing was written, earlier outputs are left as they were",
        "chạy lại khi không còn gì đang được ghi vào thư mục: chờ việc sao chép hoặc đồng bộ xong, hoặc chép thư mục "
        "sang một chỗ riêng trước",
        "run again once nothing is being written into the folder: wait for the copy or the synchronisation to "
        "finish, or copy the folder to a place of your own first",
    ),
    "output-changed": entry(
        "Tệp đầu ra bị chương trình khác ghi trong lúc chạy",
        "The output was written by another program during the run",
        "một chương trình khác đã ghi tệp này trong lúc pari-index chạy (lúc bắt đầu tệp chưa có, hoặc chưa như "
        "bây giờ): tệp không bị thay thế, và không ghi gì",
        "another program wrote this file while pari-index ran (it was not there, or not as it is now, when the run "
        "began): it was not replaced, and nothing was written",
        "xem đó là tệp của ai: giữ lại dưới tên khác hoặc chuyển đi chỗ khác, hoặc đặt tên khác cho đầu ra, rồi "
        "chạy lại",
        "see whose file it is: keep it under another name or move it away, or choose another name for the output, "
        "then run again",
    ),
    "unsupported-column-type": entry(
        "Cột không phải một giá trị mỗi ô; cột không được đọc",
        "Column not one value per cell; not read",
        "cột {column} chứa kiểu {dtype}, không phải một giá trị mỗi ô; cột không được đọc",
        "column {column} holds {dtype}, not one value per cell; it was not read",
        "ghi cột dưới dạng văn bản hoặc số",
        "write the column as text or numbers",
    ),
    # The reason is the Parquet library's own English words: the Vietnamese names its error type.
    "not-parquet": entry(
        "Không đọc được tệp Parquet",
        "Cannot be read as Parquet",
        "không đọc được dạng Parquet (lỗi {error} của thư viện Parquet)",
        "cannot be read as Parquet ({error}: {reason})",
        "xuất lại tệp",
        "export the file again",
    ),
    "bad-limit": entry(
        "Giới hạn trong biến môi trường không hợp lệ",
        "Bad limit in an environment variable",
        "biến môi trường {name}={value} không phải một số nguyên dương",
        "the environment variable {name}={value} is not a positive whole number",
        # {default}: the limit's own default, as typed (digits only, not «20.000.000»).
        "đặt một số nguyên dương, ví dụ {default} (xem docs/limits.md), hoặc bỏ biến",
        "set it to a number such as {default} (see docs/limits.md), or unset it",
    ),
    # A PARI_MAX_… name that no limit has (limits.check_every_limit): {names} are the nearest.
    "unknown-limit": entry(
        "Biến môi trường giới hạn không có",
        "No such limit variable",
        "biến môi trường {name} không phải giới hạn nào của pari-index: đặt nó không thay đổi gì "
        "(tên gần nhất: {names})",
        "the environment variable {name} is no limit of pari-index: it would change nothing "
        "(the nearest names: {names})",
        "viết tên như docs/limits.md liệt kê, hoặc bỏ biến",
        "spell it as docs/limits.md lists it, or unset it",
    ),
    # A sheet's used range against the limits (intake/xlsx/sheet_scan): {used} is the range, as A1:Z99.
    "sheet-too-sparse": entry(
        "Vùng dữ liệu quá thưa",
        "Used range too sparse",
        "vùng dữ liệu {used} trải trên {grid} ô cho {filled} ô có nội dung",
        "the used range {used} spans {grid} cells for {filled} with content",
        "xoá các ô lạc xa bảng, rồi lưu",
        "delete the stray cells far from the table, then save",
    ),
    "sheet-too-wide": entry(
        "Trang tính quá rộng",
        "Sheet too wide",
        "vùng dữ liệu {used} rộng {width} cột (chỉ đọc tối đa {limit})",
        "the used range {used} is {width} columns wide (at most {limit} are read)",
        "xoá các cột thừa",
        "delete the stray columns",
    ),
    "sheet-too-large": entry(
        "Trang tính quá lớn", "Sheet too large", "{sheet_size}", "{sheet_size}", "tách trang tính", "split the sheet"
    ),
    "survey-missing": entry(
        "Thiếu kết quả điều tra",
        "Survey results missing",
        "{criteria} có phần điều tra {points} điểm, nhưng {survey_where} kết quả điều tra nào (các tiêu chí "
        "{items}); mọi xã sẽ được 0 điểm phần này",
        "{criteria} has a survey part of {points} points, but {survey_where} no survey results (items {items}); "
        "every commune would get 0 for it",
        "cung cấp kết quả điều tra bằng --survey, hoặc dùng --no-survey",
        "give the survey results with --survey, or --no-survey",
    ),
    "no-survey-but-survey-given": entry(
        "Có --no-survey nhưng có kết quả điều tra",
        "--no-survey, but survey results given",
        "đã dùng --no-survey, nhưng các tệp tự đánh giá có giá trị của tiêu chí điều tra ({items})",
        "--no-survey was given, but the assessments hold values of survey items ({items})",
        "bỏ --no-survey để chấm các kết quả điều tra này, hoặc xoá chúng khỏi các tệp tự đánh giá",
        "leave out --no-survey to score the survey results the assessments hold, or delete them from the assessments",
    ),
    # --group-by (ranking/groups.py), with the columns named.
    "unknown-group-column": entry(
        "Danh sách đơn vị không có cột để xếp hạng theo nhóm",
        "No such column to rank within",
        "không xếp hạng theo {column} được: {group_why} (các cột có: {available})",
        "cannot rank within {column}: {group_why} (available: {available})",
        "chọn một cột có trong danh sách đơn vị cho --group-by",
        "give --group-by one of the register's columns",
    ),
    "register-ranked-unread": entry(
        "Cột xếp hạng không đọc được",
        "Ranked column not read",
        "xếp hạng {value} không phải có hay không; đơn vị vẫn được xếp hạng, như khi ô để trống",
        "ranked {value} is neither yes nor no (có / không); the unit is ranked, as when the cell is empty",
        "ghi có (được xếp hạng) hoặc không (không xếp hạng)",
        "write có (ranked) or không (not ranked)",
    ),
    # A group's name written in more than one way (ranking/spellings.py).
    "group-spellings": entry(
        "Một tên nhóm được viết nhiều cách",
        "A group's name written more than one way",
        "cột {column} viết một tên theo {count} cách, chỉ khác nhau ở chữ hoa, chữ thường, dấu cách, vị trí dấu "
        "thanh (Hòa/Hoà, Thủy/Thuỷ), i hay y (Kỳ/Kì), chữ chỉ loại viết tắt (TP., Q., H.), ký tự không hiển thị "
        "hoặc chữ của bảng chữ cái khác trông như chữ Latinh (<U+...>): {spellings}; các đơn vị được xếp hạng chung "
        "một nhóm, {chosen}",
        "the {column} column writes one name {count} ways, differing only in letter case, spaces, the place of a "
        "tone mark (Hòa/Hoà, Thủy/Thuỷ), i or y (Kỳ/Kì), a shortened type word (TP., Q., H.), characters nothing "
        "shows or letters of another alphabet drawn as Latin ones (<U+...>): {spellings}; they are ranked as one "
        "group, {chosen}",
        "viết tên giống nhau ở mọi dòng của danh sách đơn vị",
        "write the name the same way in every row of the register",
    ),
    # A group split by a type word, units of another province (ranking/strays.py).
    "group-type-word": entry(
        "Tên nhóm viết thiếu chữ chỉ loại",
        "A group's name without its type word",
        "cột {column} ghi {bare} ({units} đơn vị) không có chữ chỉ loại, bên cạnh {beside}: các đơn vị được xếp "
        "hạng thành các nhóm khác nhau",
        "the {column} column writes {bare} ({units} units) without a type word, beside {beside}: they are ranked "
        "as different groups",
        "nếu là một nơi, viết tên giống nhau, có chữ chỉ loại, ở mọi dòng của danh sách đơn vị; nếu là các nơi "
        "khác nhau, không cần làm gì",
        "if they are one place, write its name the same way, with its type word, in every row of the register; "
        "if they are different places, nothing to do",
    ),
    # Not «Nhóm chỉ có một hai đơn vị» (spoken Vietnamese; and a title the summary line follows
    # with its count read «… một hai đơn vị 1», «… one or two units 1»: session 40).
    "group-few-units": entry(
        "Nhóm xếp hạng quá ít đơn vị",
        "A ranking group of too few units",
        "nhóm {group} có {count} đơn vị được xếp hạng ({codes}), trong khi các nhóm của lượt chấm có khoảng "
        "{middle} đơn vị (trung vị): các đơn vị này chỉ được xếp hạng với nhau (đơn vị của huyện hay tỉnh khác bị "
        "chép vào danh sách?)",
        "the group {group} holds {count} ranked units ({codes}), where the run's groups hold {middle} in the "
        "middle: they are ranked among themselves alone (units of another district or province copied into the "
        "register?)",
        "kiểm tra huyện và tỉnh của các đơn vị này trong danh sách đơn vị: sửa lại, bỏ các đơn vị của nơi khác ra, "
        "hoặc ghi ranked: không (không xếp hạng)",
        "check the district and province of these units in the register: correct them, take out the units of "
        "another place, or mark them ranked: no",
    ),
    "province-not-the-set-s": entry(
        "Đơn vị của tỉnh khác",
        "Units of another province",
        "{count} đơn vị của danh sách thuộc {province}, không thuộc {set_province}, tỉnh của bộ tiêu chí "
        "({codes}): các đơn vị này được chấm theo tiêu chí của bộ này",
        "{count} units of the register are in {province}, not in {set_province}, the province of the criteria "
        "set ({codes}): they are scored with its criteria",
        "bỏ các đơn vị của tỉnh khác ra khỏi danh sách đơn vị, hoặc sửa tên tỉnh của chúng; chấm tỉnh khác theo "
        "bộ tiêu chí của tỉnh đó",
        "take the units of another province out of the register, or correct their province; score another "
        "province with its own criteria set",
    ),
    "group-value-empty": entry(
        "Đơn vị không có tên nhóm để xếp hạng",
        "Units without a group to rank within",
        "{count} đơn vị được xếp hạng không có {column} trong danh sách đơn vị ({codes}): các đơn vị này được xếp "
        "hạng chung thành một nhóm riêng",
        "{count} ranked units have no {column} in the register ({codes}): they are ranked together as one group "
        "of their own",
        "điền cột này cho các đơn vị đó trong danh sách đơn vị, hoặc ghi ranked: no (không xếp hạng)",
        "fill in the column for these units in the register, or mark them ranked: no",
    ),
    # A register without the column a ranking is within (ranking/empty_groups.py).
    "group-column-absent": entry(
        "Danh sách đơn vị thiếu cột nhóm xếp hạng",
        "Register without the column ranked within",
        "danh sách đơn vị không có cột {group_column}, là cột xếp hạng theo nhóm: cả {count} đơn vị được xếp hạng "
        "chung thành một nhóm",
        "the register has no column {group_column}, which the ranking is within: all {count} ranked units were "
        "ranked as one group",
        "thêm cột này vào danh sách đơn vị, ghi giá trị của từng đơn vị, hoặc chọn nhóm bằng --group-by "
        "(--group-by province: cả tỉnh là một nhóm)",
        "add the column to the register with each unit's value, or choose the groups with --group-by "
        "(--group-by province: the province as one group)",
    ),
    "empty-group-column": entry(
        "Tên cột trống trong --group-by hoặc ranking.within",
        "Empty column name in --group-by or ranking.within",
        "{option} {value} có một tên cột trống",
        "{option} {value} has an empty column name",
        "liệt kê các cột cách nhau bằng dấu phẩy, ví dụ --group-by province,district",
        "list register columns separated by commas, e.g. --group-by province,district",
    ),
    "repeated-group-column": entry(
        "Cột được nêu hai lần trong --group-by hoặc ranking.within",
        "Column named twice in --group-by or ranking.within",
        "{option} nêu {columns} hơn một lần",
        "{option} names {columns} more than once",
        "nêu mỗi cột một lần, từ cấp trên xuống",
        "name each register column once, from the top down",
    ),
    "group-columns-order": entry(
        "Cấp huyện đứng trước cấp tỉnh trong --group-by hoặc ranking.within",
        "District before province in --group-by or ranking.within",
        "{option} {columns} liệt kê cấp huyện trước cấp tỉnh",
        "{option} {columns} lists a district before its province",
        "liệt kê các cột từ cấp trên xuống: --group-by province,district",
        "list the columns from the top down: --group-by province,district",
    ),
    "xlsx-too-many-parts": entry(
        "Sổ tính có quá nhiều thành phần",
        "Workbook has too many parts",
        "gói sổ tính có {parts} thành phần (chỉ đọc tối đa {limit})",
        "the package holds {parts} parts (at most {limit} are read)",
        "mở bằng Excel và lưu lại, hoặc xuất CSV (UTF-8)",
        "open it in Excel and save it again, or export CSV (UTF-8)",
    ),
    "xlsx-compression-ratio": entry(
        "Sổ tính nén bất thường",
        "Workbook compressed abnormally",
        "phần {part} giải nén ra gấp {times} lần (từ {compressed} lên {size} byte; quá {allowance} byte thì chỉ đọc "
        "tối đa gấp {limit} lần)",
        "the part {part} inflates {times} times (from {compressed} to {size} bytes; at most {limit} times is read "
        "beyond {allowance} bytes)",
        "đây là dấu hiệu của một «bom zip»; nếu tệp là thật, hãy nâng PARI_MAX_XLSX_RATIO",
        "this is what a zip bomb looks like; if the file is genuine, raise PARI_MAX_XLSX_RATIO",
    ),
    # What a workbook's XML holds (intake/xlsx: sheet_scan, package), in words of labels.PARAM_WORDS.
    "bad-cell-reference": entry(
        "Địa chỉ ô không hợp lệ",
        "Bad cell reference",
        "{reference}",
        "{reference}",
        "mở bằng Excel và lưu lại",
        "open it in Excel and save it again",
    ),
    "undecodable-bytes": entry(
        "Có byte không giải mã được",
        "Undecodable bytes",
        "{undecodable}",
        "{undecodable}",
        "lưu tệp dạng CSV UTF-8",
        "save the file as CSV UTF-8",
    ),
    "cell-too-long": entry(
        "Ô quá dài",
        "Cell too long",
        "{long_cell}",
        "{long_cell}",
        "rút ngắn nội dung ô hoặc xuất CSV (UTF-8)",
        "shorten the text or export CSV (UTF-8)",
    ),
    "sheet-unreadable": entry(
        "Không đọc được trang tính",
        "The sheet cannot be read",
        "không đọc được trang tính (lỗi {error} của thư viện đọc bảng tính)",
        "the sheet cannot be read ({error}: {reason})",
        "mở bằng Excel và lưu lại",
        "open it in Excel and save it again",
    ),
    # The reason is the spreadsheet library's own English words: the Vietnamese names the library's
    # error (its type, as a code) without them.
    "workbook-encrypted": entry(
        "Sổ tính có mật khẩu mở",
        "A workbook protected by a password",
        "sổ tính được bảo vệ bằng mật khẩu mở tệp, nên không đọc được các ô",
        "the workbook is protected by a password to open it, so its cells cannot be read",
        "mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu: xoá trống) "
        "rồi lưu lại, sau đó đưa tệp đó vào",
        "open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password: "
        "clear it) and save it, then give that file",
    ),
    "input-open-in-office": entry(
        "Tệp đầu vào đang mở trong Excel hoặc LibreOffice",
        "An input file is open in Excel or LibreOffice",
        "tệp này đang mở trong Excel hoặc LibreOffice (có tệp khoá {lock} bên cạnh): nội dung được đọc là bản đã "
        "lưu gần nhất, không gồm những thay đổi chưa lưu ở đó",
        "this file is open in Excel or LibreOffice (its lock file {lock} is beside it): what was read is the file "
        "as last saved, without changes not yet saved there",
        "lưu và đóng tệp ở đó rồi chạy lại; nếu tệp đã đóng, tệp khoá còn sót lại sau một lần chương trình bị tắt "
        "đột ngột: xoá tệp khoá đó",
        "save and close the file there, then run again; if it is closed, a crash left the lock file: delete that "
        "lock file",
    ),
    "pipe-no-writer": entry(
        "Một pipe không có chương trình nào ghi vào",
        "A pipe no program writes to",
        "đây là một pipe (FIFO), không phải tệp, và không có chương trình nào ghi vào nó: không có gì để đọc",
        "this is a pipe (FIFO), not a file, and no program writes into it: there was nothing to read",
        "chỉ ra chính tệp; hoặc chạy chương trình ghi vào pipe đó trước, rồi chạy lại",
        "give the file itself; or start the program that writes into the pipe, then run again",
    ),
    "office-lock-file": entry(
        "Tệp khoá của một tệp đang mở",
        "The lock file of an open file",
        "đây là tệp khoá mà Excel hoặc LibreOffice giữ khi một tệp đang mở, không phải bảng dữ liệu",
        "this is the lock file Excel or LibreOffice keeps while a file is open in it, not a table of data",
        "lưu và đóng tệp đang mở, rồi bỏ tệp khoá này ra (tệp khoá tự mất khi tệp được đóng)",
        "save and close the file, then leave this lock file out (it goes once the file is closed)",
    ),
    "workbook-is-markup": entry(
        "Trang web hoặc XML mang tên sổ tính",
        "A web page or XML named as a workbook",
        "đây là một trang web hoặc tệp XML được lưu dưới tên của sổ tính, không phải sổ tính",
        "this is a web page or XML saved under a workbook's name, not a workbook",
        "mở bằng Excel và lưu dạng Sổ làm việc Excel (.xlsx), rồi đưa tệp đó vào",
        "open it in Excel and save it as an Excel Workbook (.xlsx), then give that file",
    ),
    "table-is-criteria": entry(
        "Bộ tiêu chí thay cho một bảng",
        "A criteria set for a table",
        "đây là một bộ tiêu chí (YAML), không phải một bảng",
        "this is a criteria set (YAML), not a table",
        "đưa bộ tiêu chí bằng --criteria; ở chỗ này, đưa bảng mà chỗ này cần (CSV, XLSX hoặc Parquet)",
        "give a criteria set with --criteria; here give the table this place asks for (CSV, XLSX or Parquet)",
    ),
    "workbook-is-text": entry(
        "Tệp văn bản mang tên sổ tính",
        "A text file named as a workbook",
        "đây là một tệp văn bản (như CSV) được lưu dưới tên của sổ tính, không phải sổ tính",
        "this is a text file (such as CSV) saved under a workbook's name, not a workbook",
        "đổi đuôi tên tệp thành .csv rồi đưa lại, hoặc mở bằng Excel và lưu dạng .xlsx",
        "rename it to end in .csv and give it again, or open it in Excel and save it as .xlsx",
    ),
    "total-row": entry(
        "Hàng tổng cộng giữa dữ liệu",
        "A total row among the data",
        "hàng này là hàng tổng cộng, không phải dữ liệu của một đơn vị: không đọc",
        "this row is a total (Tổng cộng), not a unit's data: it was not read",
        "không cần làm gì: pari tự tính tổng; xoá hàng này để không còn cảnh báo",
        "nothing to do: totals are computed by pari; delete the row to silence this",
    ),
    "header-repeated": entry(
        "Hàng tên cột lặp lại giữa dữ liệu",
        "The column names repeated among the data",
        "hàng này lặp lại tên các cột (các tệp bị ghép nối?); đã coi là hàng tiêu đề, không phải dữ liệu",
        "this row repeats the column names (files pasted together?); it was taken as a header, not as data",
        "xoá hàng này, hoặc đưa từng tệp riêng",
        "delete the row, or give each file on its own",
    ),
    "unread-row-item": entry(
        "Hàng không có gì để chấm, mã tiêu chí lạ",
        "A row with nothing to score and an unknown item",
        "hàng này không có giá trị nào để chấm và {criterion} không phải tiêu chí của bộ tiêu chí: "
        "không đọc được gì từ hàng (một bảng thứ hai hay ghi chú dưới dữ liệu?){rows_past}",
        "the row has nothing to score and {criterion} is not an item of this criteria set: "
        "nothing of it was read (a second table or notes under the data?){rows_past}",
        "xoá hàng này, hoặc chuyển bảng thứ hai sang trang tính hay tệp riêng; mã tiêu chí theo bộ tiêu chí "
        "(pari template)",
        "delete the row, or move a second table to its own sheet or file; items are the set's ids (pari template)",
    ),
    "unread-row-input": entry(
        "Hàng không có giá trị, tên đầu vào lạ",
        "A row with no value and an unknown input",
        "hàng này không có giá trị, và tiêu chí {criterion} không có đầu vào tên {input} "
        "(câu trả lời ghi vào cột đầu vào?): chữ đó không được đọc{rows_past}",
        "the row gives no value, and criterion {criterion} has no input named {input} "
        "(the answer written in the input column?): that text was not read{rows_past}",
        "ghi câu trả lời vào cột giá trị, và tên đầu vào (hoặc để trống) vào cột đầu vào (pari template)",
        "write the answer in the value column and the input's name (or nothing) in the input column (pari template)",
    ),
    "not-a-spreadsheet": entry(
        "Không mở được dưới dạng bảng tính",
        "Cannot be opened as a spreadsheet",
        "không mở được dưới dạng bảng tính (lỗi {error} của thư viện đọc bảng tính)",
        "cannot be opened as a spreadsheet ({error}: {reason})",
        "lưu từ Excel dạng .xlsx, hoặc xuất CSV (UTF-8)",
        "save it from Excel as .xlsx, or export CSV (UTF-8)",
    ),
    "hidden-sheet": entry(
        "Trang tính bị ẩn nên không được đọc",
        "Hidden sheet, not read",
        "trang tính bị {sheet_state} nên không được đọc",
        "the sheet is {sheet_state} and was not read",
        "hiện trang tính trong Excel nếu có dữ liệu cần chấm",
        "unhide it in Excel if it holds data to score",
    ),
    "instructions-sheet-has-data": entry(
        "Trang hướng dẫn chứa dữ liệu tự đánh giá",
        "An instructions sheet holds assessments",
        "trang tính mang tên trang hướng dẫn của biểu mẫu, vốn không bao giờ được đọc, nhưng chứa một bảng tự "
        "đánh giá (tiêu đề cột {headings}, ít nhất {rows} dòng bên dưới): không dòng nào của trang được đọc",
        "the sheet is named as a form's instructions, which are never read, but it holds a table of "
        "assessments (headings {headings}, at least {rows} rows below them): none of its rows was read",
        "đổi tên trang tính (ví dụ «Tự đánh giá», và bỏ ẩn nếu trang đang bị ẩn) để chấm các dòng của nó, "
        "hoặc chuyển chúng sang trang biểu mẫu",
        "rename the sheet (for example «Self-assessment», and unhide it if it is hidden) to score its rows, "
        "or move them to the form's sheet",
    ),
    "too-many-strings": entry(
        "Sổ tính có quá nhiều chuỗi",
        "Too many strings",
        "sharedStrings.xml có hơn {limit} chuỗi",
        "sharedStrings.xml holds more than {limit} strings",
        "tách sổ tính",
        "split the workbook",
    ),
    "xlsx-too-large": entry(
        "Sổ tính quá lớn khi giải nén",
        "Workbook too large when inflated",
        "{xlsx_size}",
        "{xlsx_size}",
        "tách sổ tính",
        "split the workbook",
    ),
    "parquet-too-much-text": entry(
        "Tệp Parquet có quá nhiều văn bản",
        "Parquet file holds too much text",
        "tệp Parquet khi đọc ra là {found} byte, nhiều hơn {limit} byte pari-index đọc từ một tệp cỡ này; tệp "
        "không được đọc",
        "the Parquet file reads as {found} bytes, more than the {limit} pari-index reads from a file of this "
        "size; it was not read",
        "tách tệp",
        "split the file",
    ),
    "parquet-too-many-cells": entry(
        "Tệp Parquet nén quá nhiều ô",
        "Parquet file packs too many cells",
        "{rows} hàng × {columns} cột là {cells} ô trong {size} byte, nhiều hơn {limit} ô pari-index đọc từ một tệp "
        "Parquet cỡ này (quá {floor} ô thì nhiều nhất {ratio} ô mỗi byte); tệp không được đọc",
        "{rows} rows × {columns} columns is {cells} cells in {size} bytes, more than the {limit} cells pari-index "
        "reads from a Parquet file of this size (past {floor} cells, at most {ratio} cells a byte); it was not read",
        "tách tệp theo huyện, hoặc lưu lại dưới dạng CSV; nếu tệp là thật, đặt PARI_MAX_PARQUET_CELLS lớn hơn",
        "split the file by district, or save it as CSV; if it is genuine, raise PARI_MAX_PARQUET_CELLS",
    ),
    "parquet-footer-too-large": entry(
        "Tệp Parquet chia thành quá nhiều phần",
        "Parquet file in too many pieces",
        "phần cuối (footer) của tệp Parquet dài {found} byte, quá {limit} byte pari-index đọc; tệp không được đọc",
        "the Parquet file's footer takes {found} bytes, more than the {limit} pari-index reads; it was not read",
        "ghi lại tệp với ít nhóm dòng hơn",
        "write the file again in fewer row groups",
    ),
    "parquet-checksum": entry(
        "Tệp Parquet bị hỏng",
        "Parquet file damaged",
        "trang {page} của cột {column} không khớp với mã kiểm tra (checksum) mà chương trình ghi tệp đã ghi lại: có "
        "byte của tệp đã bị thay đổi hoặc bị cắt mất từ khi ghi; tệp không được đọc",
        "page {page} of the column {column} does not match the checksum its writer recorded: bytes of the file "
        "were changed or cut since it was written; the file was not read",
        "ghi lại tệp từ nguồn của nó, hoặc sao chép lại",
        "write the file again from its source, or copy it again",
    ),
    "xlsx-too-much-text": entry(
        "Sổ tính có quá nhiều văn bản",
        "Workbook holds too much text",
        "văn bản của sổ tính vượt quá {limit} byte (tại {text_part})",
        "the workbook's texts pass {limit} bytes (at {text_part})",
        "tách sổ tính",
        "split the workbook",
    ),
    # The detail names the row and what breaks there, the hint what to do about it
    # (labels.PARAM_WORDS["csv_problem"] and ["csv_hint"]).
    "csv-syntax": entry(
        "Không đọc được tệp CSV",
        "Not readable as CSV",
        "không đọc được dạng CSV: {csv_problem}",
        "not readable as CSV: {csv_problem}",
        "{csv_hint}",
        "{csv_hint}",
    ),
    "xlsx-too-many-sheets": entry(
        "Sổ tính có quá nhiều trang tính",
        "Workbook has too many sheets",
        "sổ tính có {count} trang tính (chỉ đọc tối đa {limit})",
        "the workbook lists {count} sheets (at most {limit} are read)",
        "tách sổ tính, hoặc đặt PARI_MAX_XLSX_SHEETS lớn hơn nếu tệp là thật",
        "split the workbook, or raise PARI_MAX_XLSX_SHEETS if it is genuine",
    ),
    "xlsx-too-many-cells": entry(
        "Các trang tính có quá nhiều ô",
        "Sheets hold too many cells in all",
        "đọc mọi trang tính của sổ sẽ tạo hơn {limit} ô (một trang được tính mỗi lần sổ tính liệt kê nó)",
        "reading the workbook's sheets would build more than {limit} cells in all (a sheet counts each time "
        "the workbook lists it)",
        "tách sổ tính, hoặc đặt PARI_MAX_XLSX_CELLS lớn hơn nếu tệp là thật",
        "split the workbook, or raise PARI_MAX_XLSX_CELLS if it is genuine",
    ),
}
