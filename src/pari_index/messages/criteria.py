"""Problems of a criteria set (reading its YAML, its structure, its consistency): they stop a run
before anything is written. Part of the catalogue (pari_index.messages.catalogue)."""

from __future__ import annotations

from pari_index.messages.words import Entry, entry, plain_entry

_CRITERIA_HINT = ("xem docs/criteria.md, mục 14", "see docs/criteria.md, section 14")

#: Reading a criteria set, its structure and its consistency (docs/criteria.md §14).
CRITERIA_PROBLEMS: dict[str, Entry] = {
    # --- reading a criteria set ------------------------------------------------------------------
    # PyYAML's reasons are English: yaml-syntax and yaml-tag-refused translate them (yaml_words);
    # the Vietnamese of yaml-value (Python's own reason) is the title, with the line and column.
    "not-utf8": entry(
        "Tệp không phải văn bản UTF-8",
        "Not UTF-8 text",
        "không phải văn bản UTF-8 (byte {byte}){likely_encoding}",
        "not UTF-8 text (byte {byte}){likely_encoding}",
        "{encoding_fix}",
        "{encoding_fix}",
    ),
    "not-a-regular-file": entry(
        "Không phải tệp thông thường (thiết bị hoặc socket)",
        "Not a regular file (a device or socket)",
        "đây là {file_kind}, không phải tệp; bộ tiêu chí được đọc từ một tệp",
        "this is {file_kind}, not a file; a criteria set is read from a file",
        "chỉ ra đường dẫn của tệp YAML",
        "give the path of the YAML file",
    ),
    "yaml-syntax": entry(
        "YAML không hợp lệ",
        "Not valid YAML",
        "YAML không hợp lệ: {yaml_reason}",
        "not valid YAML: {yaml_reason}",
        "kiểm tra thụt lề (chỉ dùng dấu cách) và dấu ngoặc kép ở dòng này và dòng trước",
        "check indentation (spaces only) and quoting on this line and the one before",
    ),
    "criteria-is-table": entry(
        "Một bảng thay cho bộ tiêu chí",
        "A table for the criteria set",
        "đây là một bảng (CSV, TSV hoặc Parquet), không phải bộ tiêu chí viết bằng YAML",
        "this is a table (CSV, TSV or Parquet), not a criteria set written in YAML",
        "đưa bộ tiêu chí (.yaml) vào chỗ này; một bảng được đưa làm tệp tự đánh giá hoặc bằng --communes, --survey "
        "hay --appraisal",
        "give the criteria set (.yaml) here; a table is given as the assessments or with --communes, --survey or "
        "--appraisal",
    ),
    "criteria-is-document": entry(
        "Bộ tiêu chí là một tài liệu văn phòng, không phải YAML",
        "The criteria set is an office document, not YAML",
        "đây là một sổ tính, một văn bản Word hoặc một tệp PDF, không phải bộ tiêu chí viết bằng YAML",
        "this is a workbook, a Word document or a PDF, not a criteria set written in YAML",
        "bộ tiêu chí là một tệp YAML (docs/criteria.md); phụ lục của quyết định bằng Excel được chuyển thành bộ "
        "tiêu chí bằng lệnh pari criteria import PHU-LUC.xlsx -o BO-TIEU-CHI.yaml",
        "a criteria set is a YAML file (docs/criteria.md); a decision's annex in Excel becomes one with pari criteria "
        "import ANNEX.xlsx -o SET.yaml",
    ),
    "lookalike-character": entry(
        "Ký tự trông như dấu của YAML nhưng không phải",
        "A character that looks like one of YAML's signs but is not",
        "ký tự {codepoint} ở đây là {lookalike}",
        "the character {codepoint} here is {lookalike}",
        "xoá ký tự này rồi gõ lại bằng bàn phím; ký tự như vậy thường theo vào khi chép từ Word, trang web hoặc "
        "tin nhắn",
        "delete it and type it again on the keyboard; such characters come in with text copied from Word, a web page "
        "or a chat",
    ),
    "yaml-documents": entry(
        "Nhiều tài liệu YAML trong một tệp",
        "More than one YAML document in one file",
        "một tài liệu YAML thứ hai bắt đầu ở đây (sau một dòng ---): mỗi tệp chứa một bộ tiêu chí",
        "a second YAML document begins here (after a line ---): a file holds one criteria set",
        "mỗi tệp chỉ giữ một bộ tiêu chí: tách tệp tại dòng này",
        "keep one criteria set in each file: split the file at this line",
    ),
    "yaml-too-deep": entry(
        "Danh sách và ánh xạ lồng nhau quá sâu",
        "Lists and mappings nested too deep",
        "danh sách và ánh xạ lồng nhau sâu hơn {limit} cấp (một bộ tiêu chí cần khoảng 12)",
        "lists and mappings are nested more than {limit} levels deep (a criteria set needs about 12)",
        "kiểm tra dấu ngoặc và thụt lề phía trước vị trí này",
        "check the brackets and indentation before this place",
    ),
    "yaml-too-large": entry(
        "Tệp YAML có quá nhiều giá trị",
        "Too many YAML values",
        "tài liệu có hơn {limit} giá trị (một bộ tiêu chí có vài nghìn)",
        "the document holds more than {limit} values (a criteria set has a few thousand)",
        "kiểm tra đây đúng là tệp bộ tiêu chí; tách bộ tiêu chí",
        "check that this is a criteria file; split the set",
    ),
    "yaml-alias-bomb": entry(
        "Neo và bí danh YAML mở rộng quá lớn hoặc tự chứa chính mình",
        "YAML aliases expand too far, or contain themselves",
        "{expansion}",
        "{expansion}",
        "viết đầy đủ các mục thay cho bí danh",
        "write the items out instead of aliases",
    ),
    "yaml-structure": entry(
        "Cấu trúc YAML không dựng được",
        "YAML structure cannot be built",
        "không dựng được: {yaml_reason}",
        "cannot be built: {yaml_reason}",
        "viết mỗi khoá là văn bản thường, và chỉ gộp (<<) các ánh xạ",
        "write each key as plain text, and merge (<<) only mappings",
    ),
    "yaml-tag-refused": entry(
        "Thẻ YAML bị từ chối (không bao giờ được chạy)",
        "YAML tag refused (never run)",
        "bị từ chối: {yaml_reason}",
        "refused: {yaml_reason}",
        "xoá thẻ (!!…)",
        "remove the tag (!!…)",
    ),
    "yaml-text-too-long": entry(
        "Văn bản trong YAML quá dài",
        "Text too long",
        "một văn bản dài {chars} ký tự, nhiều hơn {limit} ký tự cho phép: {text}",
        "a text of {chars} characters, more than the {limit} allowed: {text}",
        "rút ngắn; hướng dẫn dài nên để trong một văn bản liên kết",
        "shorten it; long guidance belongs in a linked document",
    ),
    "yaml-value": plain_entry(
        "Giá trị YAML không dựng được",
        "YAML value cannot be built",
        "sửa giá trị, ví dụ một ngày không tồn tại như 2024-02-30",
        "correct the value, e.g. an impossible date such as 2024-02-30",
    ),
    "yaml-decimal-comma": entry(
        "Số viết bằng dấu phẩy thập phân trong YAML",
        "Number written with a decimal comma in YAML",
        "{value} là một số viết bằng dấu phẩy thập phân như văn bản tiếng Việt; YAML chỉ hiểu dấu chấm thập"
        " phân: {comma_reading}; hãy viết {suggestion}",
        "{value} is a number written with a decimal comma, as Vietnamese text writes it; YAML takes only a"
        " decimal dot: {comma_reading}; write {suggestion}",
        "viết số với dấu chấm thập phân, không có dấu phân cách hàng nghìn (1.5 thay cho 1,5)",
        "write numbers with a decimal dot and no thousands separator (1.5 for 1,5)",
    ),
    "yaml-key-not-text": entry(
        "Khoá YAML không phải văn bản",
        "YAML key that is not text",
        "YAML đọc khoá {key} là {key_read_as}, không phải một tên; mọi khoá của bộ tiêu chí là một tên",
        "YAML reads the key {key} as {key_read_as}, not as a name; every key of a criteria set is a name",
        'đặt khoá trong dấu ngoặc kép (ví dụ "true": hoặc "1":), hoặc đổi sang một tên bằng chữ',
        'put the key in double quotes (e.g. "true": or "1":), or rename it with letters',
    ),
    "duplicate-key": entry(
        "Khoá lặp lại trong cùng một ánh xạ",
        "Key repeated in one mapping",
        "khoá {key} xuất hiện hai lần trong ánh xạ này (lần đầu ở dòng {first_line}); YAML chỉ giữ khoá cuối",
        "key {key} appears twice in this mapping (first on line {first_line}); YAML would keep only the last one",
        "xoá hoặc đổi tên một trong hai khoá",
        "remove or rename one of the two",
    ),
    "not-a-mapping": plain_entry(
        "Bộ tiêu chí phải là một ánh xạ YAML",
        "A criteria set must be a YAML mapping",
        "bắt đầu bằng id:, title:, areas: (xem docs/criteria.md)",
        "start with id:, title:, areas: (see docs/criteria.md)",
    ),
    "criteria-letters-damaged": entry(
        "Chữ tiếng Việt của bộ tiêu chí bị hỏng (bảng mã hoặc phông cũ)",
        "The set's Vietnamese letters damaged (a code page or a legacy font)",
        "{words} từ trong văn bản của bộ tiêu chí {letters_damage} (ví dụ {examples}); đây là chỗ đầu tiên: tên, "
        "nhãn mức và tên xếp loại sẽ hiện sai trong kết quả và báo cáo, và câu trả lời ghi đúng nhãn của quyết định "
        "sẽ không khớp; bộ tiêu chí không được dùng",
        "{words} words of the set's text {letters_damage} (e.g. {examples}); this is the first place: titles, level "
        "labels and class names would show garbled in the results and the report, and answers written as the "
        "decision's labels would not match; the set was not used",
        "chép lại văn bản từ bản Unicode của quyết định, hoặc chuyển mã bằng công cụ của Unikey (từ TCVN3 hoặc VNI "
        "sang Unicode); mở và lưu tệp YAML dưới dạng UTF-8",
        "copy the text again from a Unicode copy of the decision, or convert it with Unikey's converter (from "
        "TCVN3 or VNI to Unicode); open and save the YAML file as UTF-8",
    ),
    "too-many-items": entry(
        "Bộ tiêu chí có quá nhiều mục",
        "Too many items in the set",
        "bộ tiêu chí có hơn {limit} lĩnh vực, tiêu chí và tiêu chí thành phần (bộ thật có 60 đến 200); đây là "
        "mục đầu tiên vượt giới hạn",
        "the set has more than {limit} areas, criteria and sub-criteria (real sets have 60 to 200); this is the "
        "first one past the limit",
        "tách bộ tiêu chí, hoặc nâng giới hạn PARI_MAX_CRITERIA_ITEMS (docs/limits.md)",
        "split the set, or raise the limit with PARI_MAX_CRITERIA_ITEMS (docs/limits.md)",
    ),
    "annex-too-large": entry(
        "Phụ lục quá lớn",
        "Annex too large",
        "bảng phụ lục có hơn {limit} byte chữ tính đến dòng này, nhiều hơn một tệp bộ tiêu chí được phép có (phụ "
        "lục thật có khoảng 50 KB); không lập bản dự thảo",
        "the annex's table holds more than {limit} bytes of text by this row, more than a criteria file may hold "
        "(real annexes hold about 50 KB); no draft was written",
        "kiểm tra đây đúng là bảng phụ lục của quyết định (xoá các ghi chú hoặc các dòng bên dưới bảng), hoặc nâng "
        "giới hạn PARI_MAX_CRITERIA_BYTES (docs/limits.md)",
        "check that this is the decision's annex table (delete notes or rows below it), or raise the limit with "
        "PARI_MAX_CRITERIA_BYTES (docs/limits.md)",
    ),
    "too-many-inputs": entry(
        "Bộ tiêu chí có quá nhiều đầu vào",
        "Too many inputs in the set",
        "bộ tiêu chí có hơn {limit} đầu vào ở các mục (bộ thật có 60 đến 150); mục này làm vượt giới hạn",
        "the set has more than {limit} inputs across its items (real sets have 60 to 150); this item takes it "
        "past the limit",
        "tách bộ tiêu chí, hoặc nâng giới hạn PARI_MAX_CRITERIA_INPUTS (docs/limits.md)",
        "split the set, or raise the limit with PARI_MAX_CRITERIA_INPUTS (docs/limits.md)",
    ),
    "too-many-checks": entry(
        "Các danh sách kiểm của bộ tiêu chí có quá nhiều điều kiện",
        "Too many checklist entries in the set",
        "các danh sách kiểm của bộ tiêu chí có hơn {limit} điều kiện (bộ thật có khoảng một chục); mục này "
        "làm vượt giới hạn",
        "the set has more than {limit} checklist entries across its rules (real sets have about a dozen); this "
        "item takes it past the limit",
        "tách bộ tiêu chí, hoặc nâng giới hạn PARI_MAX_CRITERIA_CHECKS (docs/limits.md)",
        "split the set, or raise the limit with PARI_MAX_CRITERIA_CHECKS (docs/limits.md)",
    ),
    "todo": entry(
        "Ghi chú todo chưa giải quyết",
        "Unresolved todo",
        "ghi chú todo chưa giải quyết: {text}",
        "unresolved todo: {text}",
        "làm theo ghi chú, rồi xoá dòng todo: (docs/authoring.md)",
        "do what the note says, then delete the todo: line (docs/authoring.md)",
    ),
    # Why (labels.PARAM_WORDS["annex_refusal"]).
    "not-an-annex": entry(
        "Không phải phụ lục bộ tiêu chí",
        "Not an annex of criteria",
        "{annex_refusal}",
        "{annex_refusal}",
        "dùng sổ tính .xlsx có bảng phụ lục: STT, Lĩnh vực/Tiêu chí, Điểm tối đa, Phương pháp chấm điểm "
        "(docs/authoring.md)",
        "give an .xlsx workbook with the annex table: STT, Lĩnh vực/Tiêu chí, Điểm tối đa, Phương pháp chấm "
        "điểm (docs/authoring.md)",
    ),
    "annex-is-criteria": entry(
        "Bộ tiêu chí thay cho phụ lục",
        "A criteria set for an annex",
        "đây đã là một bộ tiêu chí (YAML), không phải bảng phụ lục để lập bộ tiêu chí từ đó",
        "this is a criteria set (YAML) already, not an annex table to draft one from",
        "dùng bộ tiêu chí như nó là (pari validate, --criteria); để có bảng phụ lục của nó, ghi bảng đó bằng "
        "pari criteria export",
        "use the set as it is (pari validate, --criteria); to get its annex table, write it with pari criteria export",
    ),
    "annex-sheet-not-read": entry(
        "Trang phụ lục không được đọc",
        "Annex sheet not read",
        "trang «{sheet}» cũng có bảng phụ lục ({rows} dòng có số thứ tự); chỉ trang đầu «{drafted}» được lập "
        "bản dự thảo",
        "sheet «{sheet}» holds an annex table too ({rows} numbered rows); only «{drafted}», the first, was drafted",
        "nhập mỗi phụ lục từ một sổ tính riêng (chuyển trang sang sổ tính mới), hoặc xoá trang nếu không thuộc "
        "bộ tiêu chí",
        "import each annex from a workbook of its own (move the sheet into a new workbook), or delete the sheet "
        "if it is not part of the set",
    ),
    # The reader's cell problems of an annex, said as the import's (authoring/workbook_in._DRAFTED_AS).
    "annex-merged-cells": entry(
        "Ô bị gộp trong phụ lục: các dòng dưới không có giá trị",
        "Merged cells in the annex: the rows below got no value",
        "các ô {cells} bị gộp: chỉ ô đầu có giá trị, các dòng bên dưới không có giá trị này trong bản dự thảo",
        "cells {cells} are merged: only the first holds the value, the rows below it got no value in the draft",
        "kiểm tra các dòng đó trong bản dự thảo (hoặc bỏ gộp ô, điền từng dòng, rồi nhập lại)",
        "check those rows in the draft (or unmerge the cells and fill each row, then import again)",
    ),
    "annex-hidden-rows": entry(
        "Dòng bị ẩn của phụ lục vẫn được đưa vào bản dự thảo",
        "Hidden rows of the annex drafted",
        "{count} dòng bị ẩn vẫn được đưa vào bản dự thảo như các dòng khác: các dòng {rows}",
        "{count} hidden rows were drafted as the others: rows {rows}",
        "hiện mọi dòng (chọn tất cả rồi Unhide, hoặc bỏ bộ lọc), đối chiếu các dòng đó với quyết định và xoá những "
        "dòng không thuộc bộ tiêu chí; rồi nhập lại",
        "show every row (select all, then Unhide, or clear the filter), check those rows against the decision and "
        "delete those that are not part of the set; then import again",
    ),
    "annex-legacy-font": entry(
        "Bảng phụ lục gõ bằng phông tiếng Việt cũ (TCVN3/VNI); không soạn bản nháp",
        "Annex typed with a legacy Vietnamese font (TCVN3/VNI); no draft",
        "chữ của bảng phụ lục được gõ bằng phông tiếng Việt cũ (TCVN3/ABC hoặc VNI): {share} % chữ ngoài ASCII "
        "({letters}) không phải chữ tiếng Việt; không soạn bản nháp để tránh tên tiêu chí bị lỗi phông",
        "the annex was typed with a legacy Vietnamese font (TCVN3/ABC or VNI): {share} % of its letters outside "
        "ASCII ({letters}) are no Vietnamese letters; no draft was written, rather than draft garbled titles",
        "chuyển sổ tính sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey, từ TCVN3 hoặc VNI), lưu lại rồi "
        "nhập lại",
        "convert the workbook to Unicode (e.g. Unikey's converter, from TCVN3 or VNI), save it, then import again",
    ),
    "annex-hidden-columns": entry(
        "Cột bị ẩn của phụ lục vẫn được đọc",
        "Hidden columns of the annex read",
        "các cột bị ẩn vẫn được đọc vào bản dự thảo như các cột khác: {columns}",
        "hidden columns were read into the draft as the others: {columns}",
        "hiện mọi cột (chọn tất cả rồi Unhide) và kiểm tra nội dung của chúng; rồi nhập lại",
        "show every column (select all, then Unhide) and check what they hold; then import again",
    ),
    "annex-english-copy": entry(
        "Bản đọc tiếng Anh của phụ lục",
        "English reading copy of an annex",
        "đây là bản đọc tiếng Anh do «pari criteria export --lang en» ghi: phương pháp chấm viết bằng tiếng "
        "Anh, mà lệnh nhập chỉ đọc phương pháp chấm viết bằng tiếng Việt như quyết định in",
        "this is the English reading copy «pari criteria export --lang en» writes: its scoring methods are in "
        "English, and the importer reads them only in Vietnamese, as decisions print them",
        "nhập phụ lục tiếng Việt (pari criteria export không có --lang en ghi phụ lục ấy), hoặc nhập chính "
        "bộ tiêu chí YAML",
        "import the Vietnamese annex (pari criteria export without --lang en writes it), or use the criteria "
        "set's YAML itself",
    ),
    "year-missing": entry(
        "Thiếu năm đánh giá",
        "Assessment year missing",
        "bộ tiêu chí {criteria}: tiêu chí {criterion} có hạn tính theo năm đánh giá nhưng chưa có năm",
        "criteria set {criteria}: item {criterion} has a deadline relative to the assessment year, but no year "
        "is given",
        "ghi năm bằng --year YYYY, hoặc year: trong bộ tiêu chí",
        "give the year with --year YYYY, or year: in the set",
    ),
    # --- the structure of a criteria set (pydantic's error types; "schema" for any other) ---------
    "schema": entry(
        "Cấu trúc bộ tiêu chí không đúng",
        "Wrong structure",
        "{where}: cấu trúc không đúng định dạng bộ tiêu chí",
        "{where}: the structure does not fit the criteria format",
        "sửa theo định dạng trong docs/criteria.md",
        "follow the format of docs/criteria.md",
    ),
    "schema:extra_forbidden": entry(
        "Khoá không có trong định dạng",
        "Unknown key",
        "{where}: khoá {key} không có trong định dạng bộ tiêu chí",
        "{where}: unknown key {key}",
        "{key_hint}",
        "{key_hint}",
    ),
    "schema:missing": entry(
        "Thiếu khoá bắt buộc",
        "Required key missing",
        "{where}: thiếu khoá bắt buộc {key}",
        "{where}: missing required key {key}",
        "thêm khoá (định dạng: docs/criteria.md)",
        "add it (see docs/criteria.md for the format)",
    ),
    "schema:string_type": entry(
        "Cần một chuỗi văn bản",
        "Text expected",
        "{where}: giá trị phải là văn bản",
        "{where}: the value must be text",
        'đặt giá trị trong dấu ngoặc kép, ví dụ id: "1.10" (1.10 không có ngoặc là số 1,1)',
        'quote the value, e.g. id: "1.10" (unquoted 1.10 would be the number 1.1)',
    ),
    "schema:bool_type": entry(
        "Cần true hoặc false",
        "true or false expected",
        "{where}: giá trị phải là true hoặc false",
        "{where}: the value must be true or false",
        "ghi true hoặc false (yes/no được đọc là văn bản)",
        "write true or false (yes/no are read as text)",
    ),
    "schema:int_type": entry(
        "Cần một số nguyên",
        "Whole number expected",
        "{where}: giá trị phải là số nguyên",
        "{where}: the value must be a whole number",
        "ghi một số nguyên",
        "write a whole number",
    ),
    "schema:union_tag_invalid": entry(
        "Loại quy tắc không xác định",
        "Unknown rule kind",
        "{where}: kind {value} không phải là một loại quy tắc; các loại là {allowed}",
        "{where}: kind {value} is not a rule kind; the kinds are {allowed}",
        "kind phải là một trong các loại quy tắc liệt kê trong docs/criteria.md",
        "kind must be one of the rule kinds listed in docs/criteria.md",
    ),
    "schema:enum": entry(
        "Giá trị không có trong danh sách",
        "Value not in the list",
        "{where}: {value} không phải là một trong các giá trị {allowed}",
        "{where}: {value} is not one of {allowed}",
        "ghi một trong các giá trị đó (định dạng: docs/criteria.md)",
        "write one of those values (see docs/criteria.md for the format)",
    ),
    "schema:value_error": entry(
        "Giá trị không hợp lệ",
        "Invalid value",
        "{where}: giá trị không dùng được: {value_reason}",
        "{where}: the value cannot be used: {value_reason}",
        "sửa giá trị như lý do nêu (định dạng: docs/criteria.md); số viết dấu chấm thập phân (7.5), ngày viết"
        " YYYY-MM-DD",
        "correct the value as the reason says (format: docs/criteria.md); numbers take a decimal dot (7.5), dates"
        " are written YYYY-MM-DD",
    ),
    "schema:string_pattern_mismatch": entry(
        "Giá trị viết sai dạng",
        "Value not written as the format takes",
        "{where}: {value} viết sai dạng: {pattern_of}",
        "{where}: {value} is not written as the format takes: {pattern_of}",
        "viết lại giá trị theo dạng đó (định dạng: docs/criteria.md)",
        "write the value that way (format: docs/criteria.md)",
    ),
    "schema:too_short": entry(
        "Danh sách trống hoặc quá ngắn",
        "List empty or too short",
        "{where}: danh sách quá ngắn (có {actual_length}, cần ít nhất {min_length})",
        "{where}: the list is too short (it has {actual_length}, and needs at least {min_length})",
        "thêm các phần tử (định dạng: docs/criteria.md); một bộ tiêu chí cần ít nhất một lĩnh vực có tiêu chí",
        "add the elements (format: docs/criteria.md); a set needs at least one area with items",
    ),
    "schema:too_long": entry(
        "Danh sách quá dài",
        "List too long",
        "{where}: danh sách có quá nhiều phần tử",
        "{where}: the list has too many elements",
        "kiểm tra danh sách (xem docs/limits.md)",
        "check the list (see docs/limits.md)",
    ),
    "schema:string_too_long": entry(
        "Mã hoặc tên quá dài",
        "Id or name too long",
        "{where}: văn bản quá dài",
        "{where}: the text is too long",
        "viết ngắn lại: mã, giá trị của mức và tên xếp loại là vài từ (giới hạn: docs/limits.md)",
        "shorten it: ids, level values and class names are a few words (limits: docs/limits.md)",
    ),
    # --- consistency of a criteria set (docs/criteria.md §14) ---------------------------------------
    "duplicate-id": entry(
        "Mã được dùng hai lần",
        "Id used twice",
        "mã {id} được dùng hai lần (lần đầu ở dòng {first_line})",
        "id {id} is used twice (first on line {first_line})",
        "đặt cho mỗi mục một mã riêng",
        "give every node its own id",
    ),
    "case-twin": entry(
        "Hai tên chỉ khác nhau ở chữ hoa, chữ thường",
        "Two names differing only in letter case",
        "{name} chỉ khác {twin} (dòng {first_line}) ở chữ hoa, chữ thường: tiêu đề cột của biểu mẫu và người đọc coi "
        "hai tên là một",
        "{name} differs from {twin} (line {first_line}) only in letter case: a form's headings and a reader take "
        "them for one",
        "đặt cho mỗi mục một tên riêng, không chỉ khác chữ hoa, chữ thường",
        "give each its own name, not only another letter case",
    ),
    "children-sum": entry(
        "Tổng điểm các mục con khác điểm tối đa",
        "Children's maxima differ from the maximum",
        "{criterion}: các mục con cộng được {total} nhưng điểm tối đa là {max}",
        "{criterion}: children add up to {total} but the maximum is {max}",
        'sửa số điểm, hoặc giữ lỗi in của quyết định bằng printed_mismatch: "lý do"',
        'fix the points, or keep a published misprint with printed_mismatch: "reason"',
    ),
    "printed-below-children": entry(
        "Điểm tối đa in thấp hơn tổng các mục con",
        "Printed maximum below the children's sum",
        "{criterion}: các mục con cộng được {total}, cao hơn điểm tối đa in {max}",
        "{criterion}: children add up to {total}, above the printed maximum {max}",
        "sửa số điểm (printed_mismatch chỉ giữ điểm tối đa cao hơn tổng các mục con)",
        "fix the points (printed_mismatch keeps only a maximum above its children's sum)",
    ),
    "part-sum": entry(
        "Tổng điểm các phần không khớp",
        "The parts do not add up",
        "cộng được {total}, không phải {declared} như đã khai báo",
        "they add up to {total}, not the declared {declared}",
        *_CRITERIA_HINT,
    ),
    "scale-sum": entry(
        "Tổng điểm các lĩnh vực khác thang điểm",
        "The areas do not add up to the scale",
        "các lĩnh vực cộng được {total}, không phải thang điểm {declared} đã khai báo",
        "the areas add up to {total}, not the declared scale {declared}",
        "lĩnh vực có part: adjustment (cộng/trừ điểm) nằm ngoài thang điểm",
        "areas with part: adjustment (bonus/penalty) are outside the scale",
    ),
    "undeclared-input": entry(
        "Quy tắc đọc một đầu vào chưa khai báo",
        "Rule reads an undeclared input",
        "tiêu chí {criterion}: quy tắc đọc đầu vào {input}, chưa được khai báo",
        "criterion {criterion}: the rule reads input {input}, which is not declared",
        "khai báo đầu vào dưới inputs:",
        "declare it under inputs:",
    ),
    "input-type": entry(
        "Loại đầu vào không hợp với quy tắc",
        "Input type does not fit the rule",
        "tiêu chí {criterion}: đầu vào {input} có loại {type}, nhưng quy tắc {rule} cần {accepted}",
        "criterion {criterion}: input {input} is {type}, but a {rule} rule needs {accepted}",
        *_CRITERIA_HINT,
    ),
    "reserved-input": entry(
        "Tên đầu vào trùng tên cột dành riêng",
        "Input name is a reserved column name",
        "tiêu chí {criterion}: {input} là tên cột dành riêng của tệp tự đánh giá",
        "criterion {criterion}: {input} is a reserved column name of assessment files",
        "đổi tên đầu vào",
        "rename the input",
    ),
    "unused-input": entry(
        "Đầu vào không được quy tắc dùng đến",
        "Input not used by its rule",
        "tiêu chí {criterion}: quy tắc không dùng đầu vào {input}",
        "criterion {criterion}: input {input} is not used by its rule",
        *_CRITERIA_HINT,
    ),
    "floor-above-max": entry(
        "Điểm sàn cao hơn điểm tối đa",
        "Floor above the maximum",
        "tiêu chí {criterion}: điểm sàn {floor} cao hơn điểm tối đa {max}",
        "criterion {criterion}: floor {floor} is above its maximum {max}",
        *_CRITERIA_HINT,
    ),
    "points-above-max": entry(
        "Số điểm cao hơn điểm tối đa",
        "Points above the maximum",
        "tiêu chí {criterion}: {outcome} cho {points} điểm, cao hơn điểm tối đa {max}",
        "criterion {criterion}: {outcome} gives {points} points, above the maximum {max}",
        *_CRITERIA_HINT,
    ),
    "points-below-floor": entry(
        "Số điểm thấp hơn điểm sàn",
        "Points below the floor",
        "tiêu chí {criterion}: {outcome} cho {points} điểm, thấp hơn điểm sàn {floor}",
        "criterion {criterion}: {outcome} gives {points} points, below the floor {floor}",
        "đặt floor: cho tiêu chí nếu cố ý cho điểm âm (trừ điểm)",
        "set floor: on the criterion if negative points are intended (deductions)",
    ),
    # Consistency findings with the item and the figures they name (session 8).
    "range-unreachable": entry(
        "Đầu vào không đạt tới đầu trên của khoảng",
        "Input cannot reach the range's top",
        "tiêu chí {criterion}: đầu vào {input} tối đa là {max}, thấp hơn «to» của khoảng ({to}), nên tiêu chí "
        "không bao giờ đạt điểm tối đa",
        "criterion {criterion}: input {input} may be at most {max}, below the range's «to» ({to}), so the item "
        "can never reach its maximum",
        *_CRITERIA_HINT,
    ),
    "checklist-short": entry(
        "Các mục của danh sách kiểm không đạt điểm tối đa",
        "Checklist cannot reach its maximum",
        "tiêu chí {criterion}: các điều kiện cộng được {total}, nên không bao giờ đạt điểm tối đa {max}",
        "criterion {criterion}: its items add up to {total}, so it can never reach its maximum {max}",
        *_CRITERIA_HINT,
    ),
    "outcomes-short": entry(
        "Quy tắc không cho tới điểm tối đa",
        "Rule cannot reach its maximum",
        "tiêu chí {criterion}: quy tắc cho nhiều nhất {points} điểm ({outcome}), thấp hơn điểm tối đa {max}: không "
        "đơn vị nào đạt được điểm tối đa",
        "criterion {criterion}: the most its rule gives is {points} points ({outcome}), below its maximum {max}: no "
        "unit can reach the maximum",
        "sửa điểm của bậc hoặc mức cao nhất, hoặc điểm tối đa, theo quyết định",
        "correct the points of the highest tier or level, or the maximum, as the decision prints them",
    ),
    "tier-edges-fractions": entry(
        "Các ngưỡng của tỷ lệ viết như phân số",
        "A rate's tier edges written as fractions",
        "tiêu chí {criterion}: mọi ngưỡng của các bậc ({edges}) đều không quá 1, nhưng giá trị là tỷ lệ phần trăm "
        "trên 100: 0.5 là nửa phần trăm, không phải 50 %",
        "criterion {criterion}: every tier edge ({edges}) is 1 or less, but the value is a percent out of 100: 0.5 "
        "is half of one percent, not 50 %",
        "ghi ngưỡng theo phần trăm trên 100 (50 cho 50 %); giữ nguyên nếu quyết định in đúng ngưỡng dưới 1 %",
        "write the edges as percents out of 100 (50 for 50 %); keep them if the decision prints edges under 1 %",
    ),
    "per-not-positive": entry(
        "per phải lớn hơn 0",
        "per must be above 0",
        "tiêu chí {criterion}: «per» phải lớn hơn 0",
        "criterion {criterion}: «per» must be more than 0",
        *_CRITERIA_HINT,
    ),
    "deadline-order": entry(
        "late_until phải sau hạn",
        "late_until must come after the deadline",
        "tiêu chí {criterion}: late_until phải sau hạn",
        "criterion {criterion}: late_until must come after the deadline",
        *_CRITERIA_HINT,
    ),
    "deadline-far-from-year": entry(
        "Hạn cách xa năm của bộ tiêu chí",
        "A deadline far from the set's year",
        "tiêu chí {criterion}: {key} {date} cách năm của bộ tiêu chí ({year}) {years} năm: ngày của mọi đơn vị đều "
        "được so với ngày này",
        "criterion {criterion}: the {key} {date} is {years} years from the set's year {year}: every unit's date is "
        "judged against it",
        "kiểm tra năm của ngày (gõ nhầm, hoặc chép từ bộ tiêu chí của năm khác); ngày trong năm trước hoặc năm sau "
        "năm của bộ không bị cảnh báo (kế hoạch năm thường có hạn trong năm trước)",
        "check the year of the date (a typing slip, or a date copied from another year's set); a date in the year "
        "before or after the set's is not told (a year's plan is often due the year before)",
    ),
    "tiers-turn": entry(
        "Điểm các mức đổi chiều",
        "Tier points change direction",
        "tiêu chí {criterion}: mức {band_no} ({band}) làm điểm đổi chiều: theo giá trị tăng dần, điểm tăng rồi giảm "
        "(hoặc giảm rồi tăng) quanh mức này, nên có chỗ giá trị cao hơn được ít điểm hơn, có chỗ được nhiều hơn",
        "criterion {criterion}: tier {band_no} ({band}) turns the points round: along rising values they rise and "
        "then fall (or fall and then rise) about it, so a higher value gives fewer points in one place and more in "
        "another",
        "đối chiếu điểm từng mức với quyết định (điểm của một dòng bị chép sang dòng khác?); nếu quy tắc đúng là như "
        "vậy thì giữ nguyên: đây là cảnh báo",
        "check each tier's points against the decision (one row's points copied to another?); if the rule is meant "
        "so, keep it: this is a warning",
    ),
    "deadline-of-itself": entry(
        "Hạn tính từ chính ngày nó chấm",
        "Deadline counts from the date it judges",
        "tiêu chí {criterion}: {key} tính từ {of}, chính là ngày nó chấm",
        "criterion {criterion}: the {key} counts from {of}, the very date it judges",
        *_CRITERIA_HINT,
    ),
    "no-origin": entry(
        "Bộ tiêu chí không nêu quyết định hay nguồn",
        "The set names no decision or source",
        "bộ tiêu chí {criteria} không nêu quyết định hay nguồn",
        "criteria set {criteria} names neither a decision nor a source",
        *_CRITERIA_HINT,
    ),
    "year-needed": entry(
        "Hạn theo năm đánh giá cần có năm",
        "Deadline in the assessment year needs a year",
        "bộ tiêu chí {criteria}: tiêu chí {criterion} có hạn trong năm đánh giá, và bộ không có năm",
        "criteria set {criteria}: item {criterion} has a deadline in the assessment year, and the set has no year",
        *_CRITERIA_HINT,
    ),
    "part-below-area": entry(
        "part chỉ được ghi ở lĩnh vực",
        "part set below an area",
        "{criterion}: chỉ được ghi «part» ở lĩnh vực",
        "{criterion}: «part» can only be set on an area",
        *_CRITERIA_HINT,
    ),
    "negative-max": entry(
        "Điểm tối đa âm",
        "Negative maximum",
        "{criterion}: điểm tối đa không được âm",
        "{criterion}: a maximum cannot be negative",
        *_CRITERIA_HINT,
    ),
    "id-not-nested": entry(
        "Mã của mục con không bắt đầu bằng mã mục cha",
        "A child's id does not extend its parent's",
        "{child} nằm dưới {parent} nhưng mã không bắt đầu bằng {parent}.",
        "{child} sits under {parent} but its id does not start with {parent}.",
        *_CRITERIA_HINT,
    ),
    "points-out-of-range": entry(
        "Tổng điểm tối đa quá lớn",
        "Maxima too large",
        "điểm tối đa của các lĩnh vực cộng được {total}, nhiều hơn {limit} điểm một bộ tiêu chí được có",
        "the areas' maxima add up to {total}, more than the {limit} points a set may hold",
        *_CRITERIA_HINT,
    ),
    # ranking.within (validation._check_ranking): a column no register gives, or one only some have.
    "within-never-a-column": entry(
        "ranking.within không phải cột của danh sách đơn vị",
        "ranking.within is no register column",
        "ranking.within {column} không dùng để xếp hạng được: {group_why}",
        "ranking.within {column} cannot group a ranking: {group_why}",
        "ghi một cột của danh sách đơn vị: within: province, within: district",
        "name a register column: within: province, within: district",
    ),
    "within-not-usual": entry(
        "ranking.within là cột không phải danh sách đơn vị nào cũng có",
        "ranking.within names a column not every register has",
        "ranking.within {column} không phải cột danh sách đơn vị nào cũng có ({usual}): pari score chỉ xếp hạng "
        "được khi danh sách đơn vị (--communes) có cột {column}, nếu không sẽ dừng và báo danh sách thiếu cột đó",
        "ranking.within {column} is not a column every register has ({usual}): pari score ranks only with a "
        "register (--communes) that has a column {column}, and otherwise stops, saying the register lacks it",
        "kiểm tra tên cột (within: province hoặc within: district), hoặc thêm cột {column} vào danh sách đơn vị",
        "check the column's name (within: province or within: district), or add a column {column} to the register",
    ),
    "tie-break-unknown": entry(
        "Khoá tie_break không xác định",
        "Unknown tie_break key",
        "tie_break {key} không phải «appraised», «survey» hay mã một lĩnh vực",
        "tie_break {key} is neither «appraised», «survey» nor an area id",
        *_CRITERIA_HINT,
    ),
    "duplicate-level": entry(
        "Mức được liệt kê hai lần",
        "Level listed twice",
        "tiêu chí {criterion}: mức {level} được liệt kê hai lần",
        "criterion {criterion}: level {level} is listed twice",
        *_CRITERIA_HINT,
    ),
    "ambiguous-level": entry(
        "Một câu trả lời chỉ hai mức",
        "One answer names two levels",
        "tiêu chí {criterion}: câu trả lời {answer} chỉ hai mức, {first} và {level}",
        "criterion {criterion}: the answer {answer} names two levels, {first} and {level}",
        "đặt cho mỗi mức một giá trị và một nhãn riêng, không trùng với mức khác",
        "give each level a value and a label of its own, shared with no other level",
    ),
    "fraction-range": entry(
        "Tỷ lệ phải nằm trong khoảng 0 đến 1",
        "A fraction lies between 0 and 1",
        "tiêu chí {criterion}: phân số phải nằm trong khoảng 0 đến 1",
        "criterion {criterion}: a fraction lies between 0 and 1",
        *_CRITERIA_HINT,
    ),
    "range-order": entry(
        "Khoảng có from không nhỏ hơn to",
        "Range's from not below its to",
        "tiêu chí {criterion}: «from» của khoảng ({low}) phải nhỏ hơn «to» ({high})",
        "criterion {criterion}: the range's «from» ({low}) must be below its «to» ({high})",
        *_CRITERIA_HINT,
    ),
    "floor-above-cap": entry(
        "Điểm sàn cao hơn mức trần",
        "Floor above the cap",
        "tiêu chí {criterion}: điểm sàn {floor} cao hơn mức trần {cap}",
        "criterion {criterion}: floor {floor} is above the cap {cap}",
        *_CRITERIA_HINT,
    ),
    "survey-evidence": entry(
        "Tiêu chí điều tra không có minh chứng",
        "Survey items have no evidence",
        "tiêu chí {criterion}: tiêu chí điều tra không có tài liệu minh chứng",
        "criterion {criterion}: survey items have no evidence documents",
        *_CRITERIA_HINT,
    ),
    "adjustment-rule": entry(
        "Quy tắc cộng/trừ điểm đặt sai lĩnh vực",
        "Bonus or penalty rule in the wrong area",
        "tiêu chí {criterion}: quy tắc cộng/trừ điểm chỉ đặt trong lĩnh vực part: adjustment, và lĩnh vực đó "
        "chỉ có quy tắc bonus, penalty",
        "criterion {criterion}: bonus and penalty rules belong in an area with part: adjustment, and only they",
        *_CRITERIA_HINT,
    ),
    # The bands of a tier ladder or of the classes (labels.PARAM_WORDS: band_owner, band_kind,
    # band_overlap, band_gap); each told with its number and its edges.
    "tier-empty": entry(
        "Mức không chứa giá trị nào",
        "A tier holds no value",
        "{band_owner}{band_kind} {band_no} ({band}) không chứa giá trị nào",
        "{band_owner}{band_kind} {band_no} ({band}) contains no value",
        *_CRITERIA_HINT,
    ),
    "tier-overlap": entry(
        "Các mức chồng lên nhau",
        "Tiers overlap",
        "{band_owner}{band_overlap}",
        "{band_owner}{band_overlap}",
        *_CRITERIA_HINT,
    ),
    "tier-order": entry(
        "Các mức không theo thứ tự",
        "Tiers out of order",
        "{band_owner}{band_order}",
        "{band_owner}{band_order}",
        *_CRITERIA_HINT,
    ),
    "tier-gap": entry(
        "Có khoảng giá trị không thuộc mức nào",
        "Values fall in no tier",
        "{band_owner}{band_gap}",
        "{band_owner}{band_gap}",
        *_CRITERIA_HINT,
    ),
    "class-unreachable": entry(
        "Xếp loại không đạt được",
        "Class out of reach",
        "xếp loại {band} bắt đầu từ {low}, trên chỉ số cao nhất một đơn vị đạt được ({top}: mọi điểm của thang"
        " điểm và mọi điểm thưởng), nên không đơn vị nào được xếp loại này",
        "class {band} starts at {low}, above the highest index a unit reaches ({top}: every point of the scale and"
        " every bonus), so no unit can be given it",
        "ghi các mốc xếp loại theo chỉ số trên thang 100 (90 là 90 %)",
        "write the class's bounds as an index out of 100 (90 for 90 %)",
    ),
    "duplicate-class": entry(
        "Hai xếp loại cùng tên",
        "Two classes of one name",
        "xếp loại thứ {first} và thứ {second} cùng tên {band}: người đọc không phân biệt được",
        "classes {first} and {second} are both named {band}: a reader cannot tell them apart",
        "đặt cho mỗi xếp loại một tên riêng",
        "give each class its own name",
    ),
    "class-gap": entry(
        "Có khoảng chỉ số không thuộc xếp loại nào",
        "Index values fall in no class",
        "{band_gap}",
        "{band_gap}",
        "chỉ số rơi vào khoảng trống không được xếp loại nào",
        "an index in the gap gets no class",
    ),
}
