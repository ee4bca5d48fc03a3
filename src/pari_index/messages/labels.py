"""Words for values that outputs show: a parameter's keys (unit types, expected values), severities,
statuses and typed answers."""

from __future__ import annotations

from pari_index.errors import in_language, shorten
from pari_index.messages.words import Words

#: A column type of a table (polars' name, the ``dtype`` parameter) by the start of its name: what a
#: reader calls it. "List(Int64)" in a Vietnamese message was the library's English.
DTYPE_WORDS: dict[str, Words] = {
    "List": Words("danh sách", "lists"),
    "Array": Words("danh sách", "lists"),
    "Struct": Words("bản ghi lồng nhau", "nested records"),
    "Binary": Words("dữ liệu nhị phân", "binary data"),
    "Object": Words("đối tượng", "objects"),
    "Null": Words("ô trống", "nothing"),
}


def dtype_words(dtype: str, lang: str) -> str:
    """A column type in ``lang`` (:data:`DTYPE_WORDS`); another type keeps polars' name."""
    for start, words in DTYPE_WORDS.items():
        if dtype.startswith(start):
            return words.get(lang)
    return dtype


#: Parameters that are keys of words rather than text to show: the parameter's name -> key -> words.
PARAM_WORDS: dict[str, dict[str, Words]] = {
    # A unit's type (the register's unit_type); ``unit_types`` is a comma-separated list of them.
    "unit_type": {
        "commune": Words("xã", "commune"),
        "ward": Words("phường", "ward"),
        "township": Words("thị trấn", "township"),
        "special_zone": Words("đặc khu", "special zone"),
    },
    # How a criteria set's letters were damaged (criteria-letters-damaged).
    "letters_damage": {
        "misread": Words(
            "có chữ bị đọc theo một bảng mã khác rồi lưu lại như vậy (trong ngoặc là chữ đúng)",
            "hold letters read in another code page and saved so (what they were in brackets)",
        ),
        "lost": Words("có dấu ? thay cho một chữ cái", "hold a ? where a letter was"),
        "legacy": Words(
            "được gõ bằng phông tiếng Việt cũ (TCVN3/ABC hoặc VNI)",
            "were typed with a legacy Vietnamese font (TCVN3/ABC or VNI)",
        ),
    },
    # Where the rows of a folded finding (findings-folded) are told one by one: the input rows table
    # for an input's rows ("": a finding written before session 30 says nothing of it), the file
    # itself for a table the rows table does not cover (the lineage table: ranking/lineage.py).
    "rows_listed": {
        "": Words("bảng dòng đầu vào ghi đủ lý do của từng hàng", "the input rows table gives every row's reasons"),
        "file": Words(
            "bảng dòng đầu vào không có các hàng này: xem chúng trong chính tệp",
            "these rows are not in the input rows table: see them in the file itself",
        ),
    },
    # What an unreadable cell should have held, by the input's type (or meta field).
    "expected": {
        "number": Words("một số (dấu thập phân là dấu phẩy hoặc dấu chấm)", "a number (decimal comma or dot)"),
        "count": Words("một số nguyên", "a whole number"),
        "percent": Words("một tỷ lệ phần trăm từ 0 đến 100", "a percentage from 0 to 100"),
        "meta:self_score": Words("một số điểm", "a number of points"),
        "boolean": Words("có/không", "yes/no"),
        "meta:n/a": Words("có/không", "yes/no"),
        "date": Words("một ngày, ví dụ 10/01/2024", "a date such as 10/01/2024"),
        "meta:evidence_date": Words("một ngày, ví dụ 10/01/2024", "a date such as 10/01/2024"),
        "status": Words("đúng hạn / trễ hạn / không thực hiện", "on time / late / not done"),
        "level": Words("một trong các mức liệt kê cho tiêu chí này", "one of the levels listed for this criterion"),
    },
    # What to do about an unreadable value (the hint of bad-value): a choice's cell lists the
    # item's levels ({levels}: the first few, as intake.model.level_list cuts them, in English by
    # their English labels, the parameter ``levels_en``; {count}: all).
    "fix": {
        "level": Words(
            "ghi một trong {count} mức của tiêu chí (nhãn hoặc giá trị): {levels}",
            "write one of the item's {count} levels (a label or a value): {levels}",
        ),
        # A timeliness answer none of the statuses (session 22): «hoàn thành» says it was done, not when.
        "status": Words(
            "ghi rõ đúng hạn hay không: «đúng hạn» nếu xong trong hạn, «trễ hạn» nếu xong sau hạn, «không thực "
            "hiện» nếu chưa làm; «hoàn thành» chỉ nói việc đã xong, không nói đúng hạn hay trễ hạn",
            "say whether it was on time: on time (đúng hạn) if done by the deadline, late (trễ hạn) if done after "
            "it, not done (không thực hiện) if it was not; done (hoàn thành) alone says it was done, not when",
        ),
        # A value unreadable for an invisible character it holds ({chars}: each as <U+XXXX>).
        "invisible": Words(
            "ô có ký tự ẩn {chars} (như dấu cách độ rộng 0 chép cùng giá trị từ trang web hay văn bản): ký tự này "
            "không hiện trên màn hình nhưng làm giá trị không đọc được; xoá ký tự đó, hoặc gõ lại giá trị",
            "the cell holds the invisible character {chars} (such as a zero-width space copied with the value from "
            "a web page or a document): it shows as nothing but makes the value unreadable; delete it, or type the "
            "value again",
        ),
        "": Words(
            "sửa ô; các giá trị lỗi của Excel như #N/A hay #DIV/0! không chấm được",
            "correct the cell; Excel error values such as #N/A or #DIV/0! cannot be scored",
        ),
    },
    # Which code of a row holds a control character.
    "what": {
        "commune_code": Words("mã xã", "commune code"),
        "criterion_id": Words("mã tiêu chí", "criterion id"),
        "field": Words("tên đầu vào", "input"),
        "input": Words("tên đầu vào", "input"),
        # A text of a criteria set (criteria.loading: titles, labels, ids).
        "criteria_text": Words("văn bản trong bộ tiêu chí", "the criteria text"),
    },
    # The table a row limit refused (intake.tables.check_table_size).
    "rows_table": {
        "register": Words("danh sách đơn vị", "the register"),
        "lineage": Words("bảng nối mã", "the lineage table"),
        "appraisal": Words("tệp thẩm định", "the appraisal file"),
        "summary": Words("bảng Tổng hợp kết quả", "a results summary"),
    },
    # What a row of the table a row limit refused is (intake.tables.table_rows_limit).
    "rows_per": {
        "unit": Words(
            "mỗi đơn vị một dòng: trước năm 2025 cả nước có khoảng 10.600 xã",
            "a row per unit: a country had some 10,600 communes before 2025",
        ),
        "correction": Words(
            "mỗi điều chỉnh một tiêu chí của một đơn vị một dòng: hội đồng thẩm định của một tỉnh ghi vài chục "
            "nghìn dòng",
            "a row per correction of a unit's item: a province's council writes some tens of thousands",
        ),
    },
    # What to do about a standard output that could not be written, by the system's reason (cli).
    "stdout_fix": {
        "space": Words(
            "giải phóng chỗ trên ổ đĩa mà đầu ra được ghi vào, hoặc chuyển đầu ra sang nơi khác",
            "free space on the disk the output goes to, or send it elsewhere",
        ),
        "closed": Words(
            "đầu ra chuẩn đã bị đóng khi pari bắt đầu (>&-): bỏ điều đó, hoặc chuyển đầu ra vào một tệp (> ketqua.txt)",
            "the standard output was closed when pari started (>&-): leave that out, or send it to a file (> out.txt)",
        ),
        "": Words(
            "chuyển đầu ra vào một tệp (> ketqua.txt) rồi chạy lại",
            "send the output to a file (> out.txt) and run again",
        ),
    },
    # What a character of a criteria file passes for (lookalike-character: criteria.lookalikes).
    "lookalike": {
        "space": Words(
            "một dấu cách lạ (như dấu cách không ngắt của Word): trông như dấu cách nhưng YAML không đọc là dấu cách",
            "an unusual space (such as Word's no-break space): it looks like a space, but YAML does not read it as one",
        ),
        "invisible": Words(
            "một ký tự ẩn (như dấu cách độ rộng 0): không hiện trên màn hình nhưng làm khoá hoặc mã thành một khoá, "
            "mã khác",
            "an invisible character (such as a zero-width space): it shows as nothing, but makes the key or code "
            "another one",
        ),
        "colon": Words(
            "dấu hai chấm toàn độ rộng «：»: YAML chỉ đọc dấu hai chấm thường «:»",
            "a full-width colon «：»: YAML reads only the ordinary colon «:»",
        ),
        "dash": Words(
            "một dấu gạch hoặc dấu đầu dòng của Word («–», «—», «•»): mục của danh sách YAML bắt đầu bằng «-» và một "
            "dấu cách",
            "a dash or bullet from Word («–», «—», «•»): an item of a YAML list begins with «-» and a space",
        ),
        "quote": Words(
            'dấu ngoặc kép cong của Word («“», «”»): YAML chỉ hiểu dấu ngoặc kép thẳng «"», nên dấu cong thành một '
            "phần của chữ",
            'a curly quote from Word («“», «”»): YAML reads only the straight quote «"», so the curly one became part '
            "of the text",
        ),
        "fullwidth": Words(
            "một ký tự toàn độ rộng (của bộ gõ tiếng Trung, Nhật hay Hàn): định dạng bộ tiêu chí chỉ đọc chữ và số "
            "thường",
            "a full-width character (from a Chinese, Japanese or Korean input method): the criteria format reads only "
            "ordinary letters and digits",
        ),
        "": Words("một ký tự YAML không đọc như vẻ ngoài của nó", "a character YAML does not read as it looks"),
    },
    # What YAML reads a plain key as that is not text (yaml-key-not-text; criteria.yaml_reader).
    "key_read_as": {
        "bool": Words("giá trị đúng/sai (true/false)", "a boolean (true/false)"),
        "int": Words("một số nguyên", "a whole number"),
        "float": Words("một số thập phân", "a decimal number"),
        "null": Words("giá trị rỗng (null)", "an empty value (null)"),
        "timestamp": Words("một ngày", "a date"),
        "": Words("một giá trị không phải văn bản", "a value that is not text"),
    },
    # What a path names that is no regular file (not-a-regular-file of a criteria set).
    "file_kind": {
        "device": Words("một thiết bị", "a device"),
        "socket": Words("một socket", "a socket"),
        "other": Words("một thứ không phải tệp thông thường", "not a regular file"),
        "": Words("một thứ không phải tệp thông thường", "not a regular file"),
    },
    # How a sheet is hidden (fastexcel's words in English: Excel's Unhide does not show a veryhidden one).
    "sheet_state": {
        "hidden": Words("ẩn", "hidden"),
        "veryhidden": Words(
            "ẩn hẳn (lệnh Unhide của Excel không hiện được)", "very hidden (Excel's Unhide cannot show it)"
        ),
        "": Words("ẩn", "hidden"),
    },
    # What of a workbook is too large (intake/xlsx: budget and package).
    "xlsx_size": {
        "inflating": Words(
            "sổ tính giải nén ra hơn {limit} byte (tại {part})",
            "the workbook inflates to more than {limit} bytes (at {part})",
        ),
        "directory": Words(
            "sổ tính giải nén ra {size} byte (chỉ đọc tối đa {limit} byte)",
            "the workbook inflates to {size} bytes (at most {limit} are read)",
        ),
        "part": Words("phần {part} của sổ tính lớn hơn {limit} byte", "the part {part} is over {limit} bytes"),
        "": Words("sổ tính quá lớn khi giải nén", "the workbook is too large when inflated"),
    },
    # What a file that is not UTF-8 was read as (encoding-fallback: intake/decoding.decode_text); a
    # finding of an earlier run, without it, was read as Windows-1258.
    "fallback_encoding": {
        "utf-16-le": Words("UTF-16 (little-endian)", "UTF-16 (little-endian)"),
        "utf-16-be": Words("UTF-16 (big-endian)", "UTF-16 (big-endian)"),
        "utf-32-le": Words("UTF-32 (little-endian)", "UTF-32 (little-endian)"),
        "utf-32-be": Words("UTF-32 (big-endian)", "UTF-32 (big-endian)"),
        "mixed": Words(
            "UTF-8 và bảng mã Windows-1258 (tiếng Việt), từng dòng theo bảng mã của nó",
            "UTF-8 and Windows-1258 (Vietnamese), each line as what it is",
        ),
        "": Words("bảng mã Windows-1258 (tiếng Việt)", "Windows-1258 (Vietnamese)"),
    },
    # What the SHA-256 of a criteria set was taken of (results-criteria-edited).
    "of_words": {
        "file": Words("tính trên các byte của tệp", "file's bytes"),
        "content": Words("tính trên nội dung", "content"),
    },
    # What a criteria file that is not UTF-8 most likely is (not-utf8: letters/legacy_encoding.likely_encoding),
    # said after the byte, and what to do about it (its hint); "": too few letters to tell.
    "likely_encoding": {
        "cp1258": Words(
            "; nhiều khả năng tệp được lưu bằng bảng mã Windows-1258 (tiếng Việt), như «ANSI» của Notepad",
            "; most likely it was saved as Windows-1258 (Vietnamese), as Notepad's «ANSI» does",
        ),
        "tcvn3": Words(
            "; nhiều khả năng tệp được gõ bằng bảng mã TCVN3 (ABC, phông .VnTime)",
            "; most likely it was typed in TCVN3 (ABC, the .VnTime fonts)",
        ),
        "vni": Words(
            "; nhiều khả năng tệp được gõ bằng bảng mã VNI (phông VNI-Times)",
            "; most likely it was typed in VNI (the VNI-Times fonts)",
        ),
        "other": Words(
            "; nhiều khả năng tệp được lưu bằng bảng mã {code_page}", "; most likely it was saved as {code_page}"
        ),
        "utf8": Words(
            "; tệp là UTF-8 trừ một vài byte lạ ở chỗ này (dán từ một tệp khác?)",
            "; the file is UTF-8 but for a few stray bytes here (pasted from another file?)",
        ),
        "": Words("", ""),
    },
    "encoding_fix": {
        "cp1258": Words(
            "mở tệp bằng Notepad, lưu lại với bảng mã «UTF-8», rồi chạy lại",
            "open it in Notepad and use File › Save As with Encoding «UTF-8», then run again",
        ),
        "tcvn3": Words(
            "chuyển tệp sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, từ TCVN3 (ABC) sang Unicode), "
            "rồi lưu dạng UTF-8",
            "convert it to Unicode (e.g. Unikey's converter, from TCVN3 (ABC) to Unicode), then save it as UTF-8",
        ),
        "vni": Words(
            "chuyển tệp sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, từ VNI Windows sang Unicode), "
            "rồi lưu dạng UTF-8",
            "convert it to Unicode (e.g. Unikey's converter, from VNI Windows to Unicode), then save it as UTF-8",
        ),
        "other": Words(
            "kiểm tra đây có đúng là bộ tiêu chí không; nếu đúng, lưu lại tệp dạng UTF-8",
            "check that this is the criteria set; if it is, save it again as UTF-8",
        ),
        "utf8": Words(
            "xoá hoặc gõ lại ký tự ở dòng và cột này, rồi lưu tệp dạng UTF-8",
            "delete or retype the character at this line and column, then save the file as UTF-8",
        ),
        "": Words("lưu tệp dạng UTF-8", "save it as UTF-8"),
    },
    # The code page of another language a file refused as not Vietnamese most likely is in
    # (other-encoding: letters/legacy_encoding.other_code_page).
    "code_page": {
        "gb18030": Words("GB18030 (tiếng Trung giản thể)", "GB18030 (Simplified Chinese)"),
        "big5": Words("Big5 (tiếng Trung phồn thể)", "Big5 (Traditional Chinese)"),
        "shift_jis": Words("Shift_JIS (tiếng Nhật)", "Shift_JIS (Japanese)"),
        "euc_kr": Words("EUC-KR (tiếng Hàn)", "EUC-KR (Korean)"),
        "koi8_r": Words("KOI8-R (tiếng Nga)", "KOI8-R (Russian)"),
        "cp1251": Words("Windows-1251 (chữ Kirin)", "Windows-1251 (Cyrillic)"),
        "cp1253": Words("Windows-1253 (tiếng Hy Lạp)", "Windows-1253 (Greek)"),
        "cp1255": Words("Windows-1255 (tiếng Do Thái)", "Windows-1255 (Hebrew)"),
        "cp1256": Words("Windows-1256 (tiếng Ả Rập)", "Windows-1256 (Arabic)"),
        "cp874": Words("Windows-874 (tiếng Thái)", "Windows-874 (Thai)"),
        "cp1252": Words("Windows-1252 (Tây Âu)", "Windows-1252 (Western European)"),
    },
    # Why a file was read as it was (encoding-fallback: intake/decoding.decode_text).
    # Where a symbolic link given as an input leads (input-broken-link: errors.broken_link).
    "link_end": {
        "missing": Words("nó trỏ tới {target}, nơi không tồn tại", "it points to {target}, which does not exist"),
        "loop": Words("các liên kết trỏ vòng lại nhau", "the links lead round in a loop"),
        "": Words("nó không dẫn tới tệp nào", "it leads to no file"),
    },
    "fallback_evidence": {
        "utf16": Words("cứ hai byte lại có một byte 0", "every other byte is zero"),
        "utf32": Words("cứ bốn byte lại có ba byte 0", "three bytes of every four are zero"),
        "bad": Words("{bad} byte không phải UTF-8", "{bad} bytes are not UTF-8"),
        "bad_letters": Words(
            "{bad} byte không phải UTF-8 và chỉ {letters} chữ là UTF-8",
            "{bad} bytes are not UTF-8 and only {letters} letters are",
        ),
        "mixed": Words(
            "{utf8_lines} dòng là UTF-8 và {other_lines} dòng (dòng đầu tiên: {first}) thì không (các tệp bị ghép "
            "lại với nhau?)",
            "{utf8_lines} lines are UTF-8 and {other_lines} lines (the first: line {first}) are not (files pasted "
            "together?)",
        ),
        "": Words("có byte không phải UTF-8", "some bytes are not UTF-8"),
    },
    # What is empty (empty-file): a file, a workbook, or a table with no row (``rows_table``: which,
    # in the run's language). ``rows`` is of a findings table written before session 40: its
    # ``what`` was the table's English name, and its Vietnamese named no table.
    "empty": {
        "file": Words("tệp trống", "the file is empty"),
        "workbook": Words("sổ tính không có dữ liệu", "the workbook has no data"),
        "table_rows": Words("{rows_table} không có hàng dữ liệu nào", "{rows_table} has no rows"),
        "rows": Words("không trang tính nào của tệp có hàng dữ liệu", "{what} has no rows"),
        "": Words("tệp trống", "the file is empty"),
    },
    # What to do about an empty file: a table is exported again, a criteria set started from the docs.
    # What to do about a commune code the results do not hold (commune-not-in-results): the code it
    # was likely meant for (leading zeros, letter case), else the results' first codes.
    # What to do about a file the system refused to read, by its reason (errors.unreadable_hint).
    # A path holding what a shell replaces, left as written (errors.path_form: path-not-expanded), by
    # the form's kind (the finding's ``unexpanded``): why it was not replaced, and what else to do.
    "unexpanded_why": {
        "tilde": Words(
            "mà shell chỉ thay bằng thư mục khi nó nằm ngoài dấu ngoặc kép: ở đây nó chưa được thay",
            "which a shell replaces by a folder only outside quotes: here it was not replaced",
        ),
        # (A finding written before the kinds were told apart.)
        "": Words(
            "mà shell chỉ thay khi nó nằm ngoài dấu ngoặc: ở đây nó chưa được thay",
            "which a shell replaces only outside quotes: here it was not replaced",
        ),
        "dollar": Words(
            "một biến mà shell chưa thay: biến chưa được đặt, hoặc nằm trong dấu ngoặc đơn",
            "a variable the shell did not replace: it is not set, or it was inside single quotes",
        ),
        "percent": Words(
            "một biến của cmd.exe, chỉ được thay khi biến đã được đặt: ở đây nó chưa được thay",
            "a variable of cmd.exe, which replaces it only where it is set: here it was not replaced",
        ),
    },
    "unexpanded_hint": {
        "tilde": Words(
            'hoặc để ~ ngoài dấu ngoặc kép (~/"ket qua.xlsx")', 'or leave ~ outside the quotes (~/"ket qua.xlsx")'
        ),
        "dollar": Words(
            'hoặc đặt biến rồi đặt đường dẫn trong dấu ngoặc kép ("$OUT/ket qua.xlsx")',
            'or set the variable and quote the path with double quotes ("$OUT/ket qua.xlsx")',
        ),
        "percent": Words(
            "hoặc, trên Linux hay macOS, viết biến là $TÊN", "or, on Linux or macOS, write a variable as $NAME"
        ),
        "": Words("hoặc để nó ngoài dấu ngoặc", "or leave it outside the quotes"),
    },
    # What to do about an evidence folder the system refused (evidence_files: evidence-dir-unusable).
    "folder_hint": {
        "denied": Words(
            "cho mình quyền mở thư mục và đọc các tệp trong đó (ls -ld cho biết ai được mở), hoặc nhờ người sở hữu",
            "give yourself permission to open the folder and read its files (ls -ld shows who may), or ask its owner",
        ),
        "failing": Words(
            "ổ đĩa hoặc thư mục mạng bị lỗi: kiểm tra kết nối, hoặc chép thư mục sang ổ đĩa của máy",
            "the disk or the network share failed: check that it is connected, or copy the folder to a local disk",
        ),
        "too_long": Words(
            "một tên trong đường dẫn quá dài với hệ thống: chỉ ra đường dẫn ngắn hơn",
            "a name in the path is too long for the system: give a shorter path",
        ),
        "loop": Words(
            "các liên kết tượng trưng trong đường dẫn vòng lại nhau: chỉ ra đường dẫn thật của thư mục",
            "symbolic links in the path lead round in a loop: give the folder's own path",
        ),
        "": Words("chỉ ra thư mục chứa các tệp minh chứng", "give the folder that holds the evidence files"),
    },
    "unreadable_hint": {
        "denied": Words(
            "cho mình quyền đọc tệp (ls -l cho biết ai được đọc), hoặc nhờ người sở hữu tệp",
            "give yourself permission to read it (ls -l shows who may), or ask its owner",
        ),
        "failing": Words(
            "ổ đĩa hoặc thư mục mạng bị lỗi trong lúc đọc: kiểm tra kết nối, hoặc chép tệp sang ổ đĩa của máy rồi "
            "chỉ ra bản chép",
            "the disk or the network share failed while it was read: check that it is connected, or copy the file "
            "to a local disk and give the copy",
        ),
        "too_long": Words(
            "một tên trong đường dẫn quá dài với hệ thống: đổi tên hoặc chuyển tệp",
            "a name in the path is too long for the system: rename or move the file",
        ),
        "loop": Words(
            "các liên kết tượng trưng trong đường dẫn vòng lại nhau: chỉ ra đường dẫn thật của tệp",
            "symbolic links in the path lead round in a loop: give the file's own path",
        ),
        "": Words("kiểm tra đường dẫn và quyền truy cập", "check the path and its permissions"),
    },
    # What to give where a folder is in an output file's way (outputs.paths: output-is-a-folder): a
    # file of the output's kind inside it, named when the raise site knows the output.
    # What to do where an output is a mount point (outputs.paths: output-mount-point): a folder
    # mounted takes a new folder inside it; a file mounted on its own (a container's ``-v
    # ./ket-qua.xlsx:/out/ket-qua.xlsx``) has no inside, and "a new folder inside it" misled.
    "mount_hint": {
        "folder": Words(
            "ghi vào một thư mục mới bên trong nó (ví dụ -o THƯ_MỤC/ketqua)",
            "write into a new folder inside it (e.g. -o FOLDER/results)",
        ),
        "file": Words(
            "ghi dưới tên khác, trong một thư mục không phải là điểm gắn kết (rồi chép tệp vào chỗ gắn kết nếu cần)",
            "write under another name, in a folder that is not mounted so (then copy the file onto the mount if need"
            " be)",
        ),
        "": Words(
            "ghi vào một thư mục mới bên trong nó, hoặc dưới tên khác ở nơi khác",
            "write into a new folder inside it, or under another name elsewhere",
        ),
    },
    # What a text of a criteria set must look like, by the pattern pydantic refused it with
    # (criteria.places._choices: schema:string_pattern_mismatch); pydantic's English showed the
    # regular expression, and Vietnamese only «cấu trúc không đúng định dạng» (session 40: «1.1.»).
    "pattern_of": {
        "node_id": Words(
            "mã tiêu chí là các số hoặc chữ cái không dấu nối nhau bằng một dấu chấm, không có dấu chấm ở đầu hay "
            "cuối, không có dấu cách: «1.1», «2.3.a»",
            "an item's id is digits or letters without marks joined by single dots, with no dot at its start or "
            "end and no spaces: «1.1», «2.3.a»",
        ),
        "set_id": Words(
            "mã bộ tiêu chí gồm chữ thường không dấu, chữ số, - và _, bắt đầu bằng chữ hoặc số: «ha-noi-2025-commune»",
            "a set's id is lower-case letters without marks, digits, - and _, starting with a letter or a digit: "
            "«ha-noi-2025-commune»",
        ),
        "input_name": Words(
            "tên đầu vào gồm chữ cái không dấu, chữ số và _, không bắt đầu bằng chữ số: «so_ho_so»",
            "an input's name is letters without marks, digits and _, not starting with a digit: «files_done»",
        ),
        "colour": Words("màu viết dạng #rrggbb: «#1f77b4»", "a colour is written #rrggbb: «#1f77b4»"),
        "": Words("giá trị không theo dạng định dạng yêu cầu", "the value is not written as the format takes"),
    },
    # An unknown key of a criteria set, and the known one it is nearest (criteria.key_names).
    "key_hint": {
        "near": Words(
            "có phải ý bạn là {near}? sửa chính tả, hoặc xoá khoá (định dạng: docs/criteria.md)",
            "did you mean {near}? correct the spelling, or remove the key (format: docs/criteria.md)",
        ),
        "": Words(
            "xoá khoá, hoặc sửa chính tả theo docs/criteria.md",
            "remove it, or check its spelling against docs/criteria.md",
        ),
    },
    "file_in_folder": {
        "example": Words("chỉ ra tên tệp, ví dụ {example}", "give a file name, e.g. {example}"),
        "": Words("chỉ ra tên một tệp, không phải tên thư mục", "give a file's name, not a folder's"),
    },
    "code_hint": {
        "item": Words(
            "{item} là mã tiêu chí; mã xã đứng trước, rồi đến mã tiêu chí: pari explain {near} {item}",
            "{item} is an item id; the commune code comes first, then the item: pari explain {near} {item}",
        ),
        "near": Words(
            "có phải ý bạn là mã {near} ({near_name})? mã trong kết quả giữ các số 0 ở đầu",
            "did you mean code {near} ({near_name})? codes in the results keep their leading zeros",
        ),
        "name": Words(
            "đó là tên của đơn vị mã {near}; dùng mã: pari explain {code}",
            "that is the name of the unit with code {near}; give the code: pari explain {code}",
        ),
        "list": Words(
            "dùng mã xã như trong kết quả (pari explain MÃ --results …), ví dụ: {known}",
            "use a commune code of the results (pari explain CODE --results …), e.g. {known}",
        ),
        "": Words(
            "dùng mã xã như trong kết quả (pari explain MÃ --results …); mã giữ các số 0 ở đầu",
            "use a commune code of the results (pari explain CODE --results …); codes keep their leading zeros",
        ),
    },
    # What to type when pari explain's item is no id of the results (outputs.explain_codes.item_not_in_results).
    "item_hint": {
        "commune": Words(
            "{criterion} là mã một xã của kết quả ({name}), không phải mã tiêu chí; mỗi lần giải thích một xã:"
            " pari explain {commune} 1.1.1, hoặc pari explain {code} để xem xã đó",
            "{criterion} is a commune code of the results ({name}), not an item id; one commune is explained at a"
            " time: pari explain {commune} 1.1.1, or pari explain {code} for that commune",
        ),
        "near": Words(
            "có phải ý bạn là {near}? pari explain {commune} {near} (mã là văn bản: 1.0, 01 hay 1.10 khác 1 và 1.1)",
            "did you mean {near}? pari explain {commune} {near} (ids are text: 1.0, 01 or 1.10 are not 1 and 1.1)",
        ),
        "list": Words(
            "dùng một mã của bộ tiêu chí: lĩnh vực ({areas}), tiêu chí hay tiêu chí thành phần, ví dụ"
            " pari explain {commune} {example} (mã là văn bản: 1.10 khác 1.1)",
            "use an id of the criteria set: an area ({areas}), a criterion or an item, e.g. pari explain {commune}"
            " {example} (ids are text: 1.10 is not 1.1)",
        ),
        "": Words(
            "dùng một mã của bộ tiêu chí, ví dụ 1.1.1 (mã là văn bản: 1.10 khác 1.1)",
            "use an id of the criteria set, e.g. 1.1.1 (ids are text: 1.10 is not 1.1)",
        ),
    },
    # How a CSV file whose stray quote swallowed rows became a table of another kind (rows-in-one-cell),
    # and how to make that table again once the quotes are mended.
    "saved_as": {
        "workbook": Words("đã được mở rồi lưu thành sổ tính", "was opened and saved as a workbook"),
        "parquet": Words(
            "đã được đọc bằng một công cụ dữ liệu (pandas, polars) rồi lưu thành Parquet",
            "was loaded by a data tool (pandas, polars) and saved as Parquet",
        ),
        "": Words("đã được mở rồi lưu thành sổ tính", "was opened and saved as a workbook"),
    },
    "saved_again": {
        "workbook": Words("mở và lưu lại", "open and save it again"),
        "parquet": Words("đọc và lưu lại thành Parquet", "load it and save it as Parquet again"),
        "": Words("mở và lưu lại", "open and save it again"),
    },
    "empty_hint": {
        "table": Words("xuất lại trang tính", "export the sheet again"),
        "criteria": Words("bắt đầu từ docs/criteria.md", "start from docs/criteria.md"),
        "": Words("xuất lại trang tính", "export the sheet again"),
    },
    # How large a file is against the limit it passed (file-too-large): its size when the system
    # tells it, else what was read; an input table or a criteria set.
    "file_size": {
        "input": Words(
            "{size} byte là nhiều hơn {limit} byte pari-index đọc một lần",
            "{size} bytes is more than the {limit} bytes pari-index reads at once",
        ),
        "input_read": Words(
            "đã đọc hơn {limit} byte, nhiều hơn {limit} byte pari-index đọc một lần",
            "more than {limit} bytes is more than the {limit} bytes pari-index reads at once",
        ),
        "criteria": Words(
            "{size} byte: một bộ tiêu chí chỉ có tối đa {limit} byte (các bộ kèm theo khoảng 50 KB); "
            "có đúng tệp không? (PARI_MAX_CRITERIA_BYTES nâng giới hạn)",
            "{size} bytes: a criteria set may be at most {limit} bytes (the bundled sets are about 50 KB); "
            "is this the right file? (PARI_MAX_CRITERIA_BYTES raises the limit)",
        ),
        "criteria_read": Words(
            "hơn {limit} byte: một bộ tiêu chí chỉ có tối đa {limit} byte (các bộ kèm theo khoảng 50 KB); "
            "có đúng tệp không? (PARI_MAX_CRITERIA_BYTES nâng giới hạn)",
            "more than {limit} bytes: a criteria set may be at most {limit} bytes (the bundled sets are about "
            "50 KB); is this the right file? (PARI_MAX_CRITERIA_BYTES raises the limit)",
        ),
        "": Words("tệp lớn hơn giới hạn pari-index đọc", "the file is larger than pari-index reads"),
    },
    # How an output would overwrite an input (output-is-input: outputs/paths).
    "overwrite": {
        "input": Words(
            "{option} sẽ ghi đè lên tệp đầu vào {source_option} {source}",
            "{option} would overwrite the input {source_option} {source}",
        ),
        "input_written": Words(
            "{option} sẽ ghi đè lên tệp đầu vào {source_option} {source} (khi ghi {written})",
            "{option} would overwrite the input {source_option} {source} (it writes {written})",
        ),
        "folder_file": Words(
            "{option} sẽ thay thế {written}, một tệp của thư mục đầu vào {source_option} {source}",
            "{option} would replace {written}, a file of the input folder {source_option} {source}",
        ),
        "": Words("kết quả sẽ ghi đè lên tệp đầu vào", "the output would overwrite an input"),
    },
    # A reference of a workbook's XML that calamine cannot place (bad-cell-reference).
    "reference": {
        "row": Words("một hàng được đánh số {ref}", "a row is numbered {ref}"),
        "cell": Words("một ô ở địa chỉ {ref}", "a cell is at {ref}"),
        "": Words("địa chỉ ô không hợp lệ", "a bad cell reference"),
    },
    # A text longer than Excel's cell holds (cell-too-long of a workbook).
    "long_cell": {
        "shared": Words(
            "chuỗi dùng chung thứ {index} có {chars} ký tự (giới hạn của Excel là {limit})",
            "shared string {index} holds {chars} characters (Excel's limit is {limit})",
        ),
        "cell": Words(
            "ô {ref} có {chars} ký tự (giới hạn của Excel là {limit})",
            "the cell {ref} holds {chars} characters (Excel's limit is {limit})",
        ),
        "cell_without_ref": Words(
            "một ô không có địa chỉ có {chars} ký tự (giới hạn của Excel là {limit})",
            "the cell (without a reference) holds {chars} characters (Excel's limit is {limit})",
        ),
        # ... and of an .ods file, a run of spaces written by its count (ods_scan).
        "ods_spaces": Words(
            "một ô có {chars} dấu cách ghi bằng số lượng (<text:s text:c=…>), nhiều hơn {limit} ký tự một ô "
            "có thể chứa (giới hạn của Excel)",
            "a cell holds {chars} spaces written by their count (<text:s text:c=…>), more than Excel's {limit} "
            "characters",
        ),
        # ... and of a CSV file, told per cell (grid.TOO_LONG).
        "csv_cell": Words(
            "{chars} ký tự, quá {limit} ký tự một ô có thể chứa (như Excel), bắt đầu bằng {start}; ô không được đọc",
            "{chars} characters, more than the {limit} a cell may hold (as in Excel), starting {start};"
            " the cell was not read",
        ),
        "csv_header": Words(
            "{chars} ký tự, quá {limit} ký tự một ô có thể chứa (như Excel), bắt đầu bằng {start};"
            " tên cột không được đọc",
            "{chars} characters, more than the {limit} a cell may hold (as in Excel), starting {start};"
            " the column name was not read",
        ),
        "csv_more": Words("… và {more} ô như vậy nữa", "… and {more} more cells like these"),
        "": Words("ô dài hơn giới hạn của Excel", "a cell is longer than Excel allows"),
    },
    # Why a results file or folder cannot be read back (outputs.results._not_results).
    # How last year's units are taken up (ranking.previous_year): by this run's codes and the
    # lineage's old codes, or by the codes alone when no lineage was given (until session 34 the
    # message named «--lineage» to a run that had none).
    "taken_up": {
        "lineage": Words(
            "là đơn vị của lượt chấm này hay mã cũ của --lineage", "is a unit of this run or an old code of --lineage"
        ),
        "codes": Words("là đơn vị của lượt chấm này", "is a unit of this run"),
        "": Words(
            "là đơn vị của lượt chấm này hay mã cũ của --lineage", "is a unit of this run or an old code of --lineage"
        ),
    },
    "not_taken_up": {
        "lineage": Words(
            "không phải đơn vị nào của lượt chấm này và không phải mã cũ nào của --lineage",
            "are no unit of this run and no old code of --lineage",
        ),
        "codes": Words("không phải đơn vị nào của lượt chấm này", "are no unit of this run"),
        # One unit: the English verb agrees (session 35; «1 of the 2 units … are» until then).
        "lineage_one": Words(
            "không phải đơn vị nào của lượt chấm này và không phải mã cũ nào của --lineage",
            "is no unit of this run and no old code of --lineage",
        ),
        "codes_one": Words("không phải đơn vị nào của lượt chấm này", "is no unit of this run"),
        "": Words(
            "không phải đơn vị nào của lượt chấm này và không phải mã cũ nào của --lineage",
            "are no unit of this run and no old code of --lineage",
        ),
    },
    # What to do about last year's units taken up by no unit: give a lineage table, or (one was
    # given) check that it links them; until session 35 the hint said to give one to runs that had.
    "previous_hint": {
        "codes": Words(
            "nếu các đơn vị đã sáp nhập hoặc đổi mã, đưa --lineage (mã cũ, mã mới); kiểm tra --previous có đúng là "
            "kết quả năm trước của các đơn vị này, mã viết như mã năm nay",
            "if units were merged or given new codes, give --lineage (old_code,new_code); check that --previous "
            "holds last year's results of these units, their codes written as this year's",
        ),
        "lineage": Words(
            "kiểm tra --lineage có nối mã cũ của các đơn vị này với mã mới của chúng, và --previous có đúng là kết "
            "quả năm trước của các đơn vị này",
            "check that --lineage links these units' old codes to their new codes, and that --previous holds "
            "last year's results of these units",
        ),
        "": Words(
            "nếu các đơn vị đã sáp nhập hoặc đổi mã, đưa --lineage (mã cũ, mã mới); kiểm tra --previous có đúng là "
            "kết quả năm trước của các đơn vị này, mã viết như mã năm nay",
            "if units were merged or given new codes, give --lineage (old_code,new_code); check that --previous "
            "holds last year's results of these units, their codes written as this year's",
        ),
    },
    "results_problem": {
        "unreadable_table": Words(
            "không đọc được bảng này của kết quả (lỗi {error} của thư viện đọc bảng)",
            "cannot read this table of the results ({error})",
        ),
        "unreadable_workbook": Words(
            "không đọc được sổ tính kết quả (lỗi {error} của thư viện đọc bảng tính)",
            "cannot read the results workbook ({error})",
        ),
        "link_outside": Words(
            "bảng này là liên kết tới một tệp ngoài thư mục kết quả; bảng không được đọc",
            "this table is a link to a file outside the results folder; it was not read",
        ),
        "overflow_outside": Words(
            "trang about chỉ bảng {table} tới {target}, không phải tệp CSV nằm cạnh sổ tính; bảng không được đọc",
            "the about sheet points the {table} table at {target}, which is not a CSV file beside the workbook;"
            " it was not read",
        ),
        "overflow_missing": Words(
            "bảng {table} được ghi tràn ra {target}, nhưng không có tệp này",
            "the {table} table overflowed to {target}, which is missing",
        ),
        "table_of_folder": Words(
            "đây là một bảng của thư mục kết quả {folder}, không phải cả kết quả; hãy chỉ ra thư mục {folder}",
            "this is one table of the results folder {folder}, not the results; give the folder {folder}",
        ),
        "table_file": Words(
            "tệp {kind} không phải tệp kết quả: pari-index ghi kết quả thành sổ tính (.xlsx) hoặc thư mục "
            "(--format csv hay parquet)",
            "a {kind} file is no results file: pari score writes its results as a workbook (.xlsx) or a folder "
            "(--format csv or parquet)",
        ),
        "cache_folder": Words(
            "đây là thư mục bộ nhớ đệm (--cache) của lệnh chấm điểm, không chứa kết quả; "
            "hãy chỉ ra kết quả mà -o đã ghi",
            "this is the cache folder of pari score --cache, which holds no results; give the results -o wrote",
        ),
        "folder_holds": Words(
            "thư mục này không phải kết quả, nhưng chứa {names}: hãy chỉ ra chính kết quả",
            "this folder is not results, but holds {names}: give the results themselves",
        ),
        # The tables by the sheets' names (SHEETS), a folder's by its files': «bảng summary», the
        # table's id, until session 40.
        "no_summary": Words(
            "không có bảng Tổng hợp (trang «Tổng hợp» của sổ tính, tệp summary.csv hay summary.parquet của thư "
            "mục): đây không phải tệp kết quả của pari-index",
            "no Summary table (a workbook's «Summary» sheet, a folder's summary.csv or summary.parquet): this is not "
            "a pari-index results file",
        ),
        "no_criteria": Words("tệp kết quả không có bảng Tiêu chí", "the results file has no Criteria table"),
        "missing_columns": Words(
            "bảng {table} thiếu cột {columns}: kết quả bị hỏng",
            "the {table} table has no column {columns}: the results are damaged",
        ),
        "nested_column": Words(
            "bảng {table} có một cột kiểu {dtype}: kết quả bị hỏng",
            "the {table} table has a column of {dtype}: the results are damaged",
        ),
        "not_a_number": Words(
            "bảng {table} có {value} ở chỗ cần một số: kết quả bị hỏng",
            "the {table} table holds {value} where a number belongs: the results are damaged",
        ),
        "unit_without_total": Words(
            "bảng {table} có đơn vị {code} mà không có tổng điểm: kết quả bị hỏng",
            "the {table} table names unit {code} without its total points: the results are damaged",
        ),
        "table_missing": Words(
            "tệp kết quả không có bảng {missing_table}, bảng mà lệnh chấm điểm luôn ghi: kết quả bị hỏng hoặc đã bị"
            " cắt bớt",
            "the results have no {missing_table} table, which pari score always writes: the results are damaged or"
            " were cut",
        ),
        "rows_changed": Words(
            "bảng {table} có {found} dòng, nhưng lệnh chấm điểm đã ghi {written} dòng: "
            "dòng đã bị xóa hoặc thêm sau khi chấm",
            "the {table} table has {found} rows, but pari score wrote {written}: "
            "rows were deleted or added after the run",
        ),
        "about_grown": Words(
            "bảng {table} có {found} dòng, nhiều hơn số dòng lệnh chấm điểm từng ghi vào bảng này ({most}): "
            "dòng đã bị thêm sau khi chấm",
            "the {table} table has {found} rows, more than pari score ever writes in it ({most}): "
            "rows were added after the run",
        ),
        "ranks_out_of_order": Words(
            "bảng {table} xếp đơn vị {code} hạng {rank} với chỉ số {index}, sau đơn vị {other} hạng {other_rank} "
            "với chỉ số {other_index}: thứ hạng không theo chỉ số, kết quả đã bị sửa",
            "the {table} table ranks unit {code} {rank} with an index of {index}, after unit {other} ranked "
            "{other_rank} with {other_index}: the ranks do not follow the index, the results were edited",
        ),
        "units_disagree": Words(
            "bảng {table} có đơn vị {code} mà bảng {other} không có dòng nào ({count} đơn vị như vậy): mã đơn vị "
            "của các bảng không còn khớp nhau (bảng tính như Excel bỏ các số 0 ở đầu mã khi coi mã là số)",
            "the {table} table names unit {code}, of which the {other} table has no row ({count} such units): the "
            "codes of the tables no longer agree (a spreadsheet program such as Excel drops the leading zeros of codes "
            "it takes for numbers)",
        ),
        "file_changed": Words(
            "các byte của bảng này của kết quả không phải là những byte lệnh chấm điểm đã ghi: tệp đã bị hỏng, "
            "hoặc đã được ghi lại, từ sau lượt chấm",
            "the bytes of this table of the results are not those pari score wrote: the file was damaged, or written "
            "again, since the run",
        ),
        "not_parquet": Words(
            "bảng này của kết quả không phải tệp Parquet (tệp không bắt đầu bằng «PAR1» như mọi tệp Parquet): một "
            "tệp khác đang mang tên của bảng",
            "this table of the results is not a Parquet file (it does not begin with «PAR1» as a Parquet file does): "
            "another file has the table's name",
        ),
        "footer_damaged": Words(
            "cấu trúc Parquet của bảng này của kết quả không đọc được: có byte của tệp đã bị thay đổi hoặc bị cắt mất",
            "the Parquet structure of this table of the results cannot be read: bytes of the file were changed or cut",
        ),
        "pages_damaged": Words(
            "không giải mã được các trang dữ liệu của bảng này của kết quả: có byte của tệp đã bị thay đổi hoặc bị "
            "cắt mất",
            "the pages of this table of the results cannot be decoded: bytes of the file were changed or cut",
        ),
        "not_utf8": Words(
            "bảng này của kết quả không phải văn bản UTF-8 như lệnh chấm điểm ghi: nó đã được một chương trình khác "
            "lưu lại",
            "this table of the results is not UTF-8 text as pari score writes it: it was saved again by another "
            "program",
        ),
        "other_separator": Words(
            "bảng này của kết quả được viết với dấu phân cách {separator}, không phải «,» như lệnh chấm điểm ghi: "
            "một chương trình bảng tính đã lưu lại nó (các con số có thể đã đổi theo)",
            "this table of the results is written with the separator {separator}, not «,» as pari score writes it: a "
            "spreadsheet program saved it again (its numbers may have changed with it)",
        ),
        "values_changed": Words(
            "giá trị của bảng {table} không còn là giá trị lệnh chấm điểm đã ghi (điểm, tổng điểm, xếp loại hoặc nội "
            "dung đã bị sửa, hoặc các dòng đã được sắp xếp lại, sau khi chấm): kết quả đã bị sửa",
            "the values of the {table} table are not those pari score wrote (a score, a total, a class or a text was "
            "changed, or the rows sorted again, after the run): the results were edited",
        ),
        "unit_twice": Words(
            "bảng {table} có đơn vị {code} nhiều hơn một lần: kết quả đã bị sửa",
            "the {table} table names unit {code} more than once: the results were edited",
        ),
        "": Words("không đọc lại được tệp kết quả", "the results cannot be read back"),
    },
    # Bytes of a CSV cell that are not text in the file's encoding (undecodable-bytes, grid.UNDECODABLE).
    "undecodable": {
        "csv_one": Words(
            "một byte ở đây không giải mã được (hiện là �): {start}",
            "a byte here could not be decoded (shown as �): {start}",
        ),
        "csv": Words(
            "{count} byte (hoặc chuỗi byte) ở đây không giải mã được (hiện là �): {start}",
            "{count} bytes (or runs of bytes) here could not be decoded (shown as �): {start}",
        ),
        "csv_one_cell": Words(
            "một byte ở đây không giải mã được (hiện là �): {start}; ô không được đọc",
            "a byte here could not be decoded (shown as �): {start}; the cell was not read",
        ),
        "csv_cell": Words(
            "{count} byte (hoặc chuỗi byte) ở đây không giải mã được (hiện là �): {start}; ô không được đọc",
            "{count} bytes (or runs of bytes) here could not be decoded (shown as �): {start}; the cell was not read",
        ),
        "csv_more": Words("… và {more} ô như vậy nữa", "… and {more} more cells like these"),
        "": Words("có byte không giải mã được", "bytes could not be decoded"),
    },
    # Where survey results were looked for (survey-missing).
    "survey_where": {
        "given": Words("các tệp cho bằng --survey không có", "the files given with --survey have"),
        "none": Words(
            "không có tệp --survey nào, và các tệp tự đánh giá không có",
            "no --survey file was given, and the assessments have",
        ),
        "": Words("không có", "there are"),
    },
    # Where a workbook's texts passed their limit (xlsx-too-much-text: intake/xlsx/budget.py). Until
    # session 39 the raise site wrote it in English («sheet Data», «a text cell») and the Vietnamese
    # sentence left it out.
    "text_part": {
        "shared_strings": Words(
            "bảng văn bản dùng chung (sharedStrings.xml)", "the shared strings (sharedStrings.xml)"
        ),
        "content": Words("nội dung của tệp .ods (content.xml)", "the .ods file's content (content.xml)"),
        "sheet": Words("trang tính {part_sheet}", "sheet {part_sheet}"),
        "xls_cell": Words("một ô văn bản của trang tính {part_sheet}", "a text cell of sheet {part_sheet}"),
        "xls_shared_strings": Words("bảng văn bản dùng chung của tệp .xls", "the .xls file's shared strings"),
        "": Words("một phần của sổ tính", "a part of the workbook"),
    },
    # What of a sheet is too large (sheet-too-large: intake/xlsx/sheet_scan).
    "sheet_size": {
        "cells": Words(
            "trang tính chứa {cells} ô (chỉ đọc tối đa {limit})",
            "the sheet holds {cells} cells (at most {limit} are read)",
        ),
        "range": Words(
            "vùng dữ liệu {used} trải trên {grid} ô (chỉ đọc tối đa {limit})",
            "the used range {used} spans {grid} cells (at most {limit} are read)",
        ),
        "untagged": Words(
            "trang tính có hơn {limit} ô được ghi không kèm địa chỉ thông thường",
            "the sheet holds more than {limit} cells written without their usual references",
        ),
        # An .ods whose rows and cells say they are repeated (intake/xlsx/ods_scan.py).
        "repeated": Words(
            "trang tính lặp lại {written} ô thành {cells} ô (chỉ đọc tối đa gấp {limit} lần số ô được ghi)",
            "the sheet repeats {written} cells into {cells} (at most {limit} times the cells written are read)",
        ),
        # An .ods writing its empty cells one by one (intake/xlsx/ods_scan.py).
        "elements": Words(
            "trang tính ghi hơn {limit} ô, kể cả ô trống (tệp .ods ghi một dãy ô giống nhau thành một phần tử lặp lại)",
            "the sheet writes more than {limit} cells, empty ones included (an .ods repeats a run of cells in one "
            "element)",
        ),
        "past_edge": Words(
            "một hàng ghi ô vượt quá cột {limit}, cột cuối cùng của một trang tính (kể cả ô trống)",
            "a row writes cells past column {limit}, the last a sheet has (empty ones included)",
        ),
        "rows_past_edge": Words(
            "trang tính ghi hàng vượt quá hàng {limit}, hàng cuối cùng của một trang tính",
            "the sheet writes rows past row {limit}, the last a sheet has",
        ),
        "": Words("trang tính quá lớn", "the sheet is too large"),
    },
    # What to do about it: split a table; save a stream to a file; give the right criteria file.
    "size_hint": {
        "input": Words("tách tệp theo huyện", "split the file by district"),
        "stream": Words(
            "lưu dữ liệu vào một tệp, hoặc đặt PARI_MAX_STREAM_BYTES lớn hơn",
            "save the data to a file, or raise PARI_MAX_STREAM_BYTES",
        ),
        "criteria": Words(
            "chỉ ra đúng tệp, hoặc đặt PARI_MAX_CRITERIA_BYTES lớn hơn",
            "give the right file, or raise PARI_MAX_CRITERIA_BYTES",
        ),
        "": Words("tách tệp theo huyện", "split the file by district"),
    },
    # What YAML made of a number written with a decimal comma (criteria/places._decimal_comma).
    "comma_reading": {
        "text": Words("YAML đọc nó là văn bản, không phải số", "YAML reads it as text, not a number"),
        "split": Words(
            "trong một ánh xạ viết trên một dòng, dấu phẩy ngăn các mục, nên YAML đọc phần sau dấu phẩy là"
            " một khoá mới",
            "in a mapping written on one line the comma separates entries, so YAML read the digits after it as"
            " a new key",
        ),
        "": Words("YAML không đọc nó là số", "YAML does not read it as a number"),
    },
    # Why a date is implausible (intake/values.date_problem_params). Words may name the finding's
    # other parameters; "" stands for a finding that does not say (a table written before).
    "date_problem": {
        "two_digit_year": Words(
            "năm chỉ có hai chữ số; hãy viết năm đủ bốn chữ số, ví dụ {suggestion}",
            "the year has two digits; write it in four digits, e.g. {suggestion}",
        ),
        "short_year": Words(
            "năm không được viết đủ bốn chữ số; hãy viết năm đủ bốn chữ số",
            "the year is not written in four digits; write it in four digits",
        ),
        "year_out_of_range": Words(
            "năm {year} nằm ngoài khoảng {first_year}–{last_year}",
            "the year {year} is outside {first_year}-{last_year}",
        ),
        "year_alone": Words(
            "đây chỉ là một năm, không phải một ngày; hãy viết cả ngày, ví dụ 31/12/{value}",
            "it is a year alone, not a date; write the whole date, e.g. 31/12/{value}",
        ),
        "serial_out_of_range": Words(
            "số chỉ được đọc là ngày kiểu Excel từ {serial_min} ({first_day}) đến {serial_max} ({last_day})",
            "numbers are read as Excel serial dates only from {serial_min} ({first_day}) to {serial_max} ({last_day})",
        ),
        "month_or_day": Words(
            "AM/PM là dấu của máy đặt tiếng Anh (Mỹ), máy ghi tháng trước: có thể là {day_first} hoặc {month_first};"
            " hãy ghi ngày trước, không kèm giờ",
            "AM/PM marks a computer set to English (US), which writes the month first: it may be {day_first} or"
            " {month_first}; write it day first, without the time",
        ),
        "month_first": Words(
            "không có tháng {month}: ngày được đọc theo thứ tự ngày trước, tháng sau; nếu đây là tháng trước,"
            " hãy viết {suggestion}",
            "there is no month {month}: dates are read day first; if it is month first, write {suggestion}",
        ),
        "no_such_month": Words(
            "không có tháng {month}: tháng là từ 1 đến 12", "there is no month {month}: a month is 1 to 12"
        ),
        "no_such_day": Words(
            "lịch không có ngày này: tháng {month} năm {year} có {days} ngày",
            "the calendar has no such day: month {month} of {year} has {days} days",
        ),
        "words_beside": Words(
            "có chữ bên cạnh ngày {date}; hãy chỉ ghi ngày trong ô (số văn bản hay ghi chú để ở cột của nó)",
            "there are words beside the date {date}; write the date alone in the cell (a document number or a note"
            " belongs in its own column)",
        ),
        "": Words("năm viết tắt hoặc ngoài khoảng", "a short or out-of-range year"),
    },
    # What breaks a CSV file, at which row (intake/tables._locate_csv_error); "other": polars'
    # own words, which are English: the Vietnamese text says what it can without them.
    "csv_problem": {
        "quote_inside": Words(
            "hàng {row} có dấu ngoặc kép bên trong một ô, hoặc có chữ sau dấu ngoặc kép đóng",
            "row {row} has a quote inside a cell, or text after a closing quote",
        ),
        "too_many_cells": Words(
            "hàng {row} có {cells} ô nhưng hàng tiêu đề (hàng {header_row}) có {header_cells}",
            "row {row} has {cells} cells but the header (row {header_row}) has {header_cells}",
        ),
        "quote_in_cell": Words(
            "hàng {row} có dấu ngoặc kép trong một ô: {text}",
            "row {row} has a quote inside a cell: {text}",
        ),
        "unclosed_quote": Words(
            "dấu ngoặc kép mở ở hàng {row} không được đóng",
            "the quote opened in row {row} is never closed",
        ),
        "swallowed_rows": Words(
            "ô trong dấu ngoặc kép mở ở hàng {row} chứa {lines} dòng trông như các hàng của bảng (dòng đầu: "
            "{text}): các hàng đó bị đọc thành chữ của một ô, không được chấm",
            "the quoted cell opened in row {row} holds {lines} lines that look like rows of the table (the first: "
            "{text}): those rows were read as the text of one cell, and not scored",
        ),
        "other": Words("cấu trúc tệp không đúng dạng CSV", "{detail}"),
        "": Words("cấu trúc tệp không đúng dạng CSV", "the file's structure is not CSV"),
    },
    # Why Windows cannot open an output's name (outputs/path_names.windows_reason; {what} is the part).
    "windows_reason": {
        "device": Words("{what} là tên thiết bị trên Windows", "{what} is a device name on Windows"),
        "end": Words(
            "tên kết thúc bằng dấu chấm hoặc dấu cách, Windows sẽ bỏ đi",
            "it ends in a dot or a space, which Windows drops",
        ),
        "character": Words("Windows không cho phép {what} trong tên", "Windows does not allow {what} in a name"),
        "": Words("Windows không dùng được tên này", "Windows cannot use this name"),
    },
    # What to do about it (the hint of csv-syntax).
    "csv_hint": {
        "quote_inside": Words(
            "ô có dấu ngoặc kép hoặc ký tự phân cách phải được đặt trong dấu ngoặc kép, "
            'dấu ngoặc kép của nó viết đôi ("")',
            'a cell with a quote or the delimiter must be put in double quotes, its own quotes doubled ("")',
        ),
        "decimal_comma": Words(
            "số có dấu phẩy thập phân (như 55,5) bị tách thành hai ô trong tệp phân cách bằng dấu phẩy: dùng dấu "
            "chấm thập phân, đặt số trong dấu ngoặc kép, hoặc lưu tệp với dấu chấm phẩy",
            "a number with a decimal comma (like 55,5) splits into two cells in a comma-separated file:"
            " use a decimal point, put the number in quotes, or save the file with semicolons",
        ),
        "extra_cells": Words(
            "ô chứa ký tự phân cách phải được đặt trong dấu ngoặc kép; hoặc xoá các ô thừa",
            "a cell holding the delimiter must be put in double quotes; or delete the extra cells",
        ),
        "title_line": Words(
            "hàng 1 có vẻ là tiêu đề hoặc một dòng khác nằm trên hàng tên cột: nó có ít ô hơn các hàng bên dưới;"
            " xoá các dòng nằm trên hàng tên cột để hàng tên cột là dòng đầu tiên của tệp",
            "row 1 looks like a title or another line above the column names: it has fewer cells than the rows"
            " below; delete the lines above the column names, so that they are the file's first line",
        ),
        "quote_in_cell": Words(
            'đặt cả ô trong dấu ngoặc kép và viết đôi dấu ngoặc kép của nó (""), hoặc xoá dấu ngoặc kép',
            'put the whole cell in double quotes and double its own quotes (""), or delete the quote',
        ),
        "unclosed_quote": Words("đóng dấu ngoặc kép, hoặc xoá nó", "close the quote, or delete it"),
        "swallowed_rows": Words(
            "một dấu ngoặc kép mở ô ở hàng {row} chỉ được đóng nhiều dòng sau: xoá các dấu ngoặc kép thừa, hoặc "
            'viết đôi dấu ngoặc kép bên trong ô ("")',
            "a quote opening the cell in row {row} is closed only lines later: delete the stray quotes, or double "
            'the quotes inside the cell ("")',
        ),
        "": Words(
            "kiểm tra mỗi dòng có cùng số cột và các dấu ngoặc kép đã đóng",
            "check that every row has the same number of columns and quotes are closed",
        ),
    },
    # Bands of a tier ladder or of the classes (criteria.bands.check_intervals): what a band is
    # called, whose bands they are, and what is wrong with them. ``band_kind`` is looked up again
    # inside the words below (NESTED_WORDS); {band} and {next_band} are a band's edges (">= 70 and < 90").
    "band_kind": {
        "tier": Words("mức", "tier"),
        "class": Words("xếp loại", "class"),
        "": Words("khoảng", "band"),
    },
    "band_owner": {
        "criterion": Words("tiêu chí {criterion}: ", "criterion {criterion}: "),
        "classes": Words("", ""),
        "": Words("", ""),
    },
    "band_overlap": {
        "same_start": Words(
            "{band_kind} {band_no} và {next_no} bắt đầu ở cùng một giá trị",
            "{band_kind} {band_no} and {next_no} start at the same value",
        ),
        "overlap": Words(
            "{band_kind} {band_no} ({band}) chồng lên {band_kind} {next_no} ({next_band})",
            "{band_kind} {band_no} ({band}) overlaps {band_kind} {next_no} ({next_band})",
        ),
        "": Words("các khoảng chồng lên nhau", "bands overlap"),
    },
    "band_order": {
        "count": Words(
            "các mức số lần phải liệt kê từ số lớn nhất xuống, mỗi mức nhỏ hơn mức trước",
            "count tiers must be listed from the largest count down, each smaller than the one before",
        ),
        "tier": Words(
            "các mức không theo thứ tự: liệt kê từ giá trị cao nhất xuống (như quyết định in) "
            "hoặc từ thấp nhất lên, không xen lẫn",
            "tiers are out of order: list them from the highest values down (as the decisions "
            "print them) or from the lowest up, not mixed",
        ),
        "class": Words(
            "các xếp loại không theo thứ tự: liệt kê từ giá trị cao nhất xuống (như quyết định in) "
            "hoặc từ thấp nhất lên, không xen lẫn",
            "classes are out of order: list them from the highest values down (as the decisions "
            "print them) or from the lowest up, not mixed",
        ),
        "": Words("các mức không theo thứ tự", "the tiers are out of order"),
    },
    "band_gap": {
        "between": Words(
            "các giá trị giữa {band_kind} {band_no} ({band}) và {band_kind} {next_no} ({next_band}) "
            "không thuộc {band_kind} nào",
            "values between {band_kind} {band_no} ({band}) and {band_kind} {next_no} ({next_band}) "
            "fall in no {band_kind}",
        ),
        "below": Words(
            "các giá trị từ {low} đến {band} không thuộc {band_kind} nào",
            "values from {low} up to {band} fall in no {band_kind}",
        ),
        "above": Words(
            "các giá trị trên {band} (trở lên) không thuộc {band_kind} nào",
            "values above {band} (up) fall in no {band_kind}",
        ),
        "above_to": Words(
            "các giá trị trên {band} (đến {high}) không thuộc {band_kind} nào",
            "values above {band} (up to {high}) fall in no {band_kind}",
        ),
        "": Words("có giá trị không thuộc {band_kind} nào", "some values fall in no {band_kind}"),
    },
    # How aliases of a YAML document expand too far (yaml-alias-bomb).
    "expansion": {
        "self": Words(
            "một bí danh (*tên) được dùng bên trong chính giá trị mà neo của nó (&tên) đặt tên, nên giá trị "
            "sẽ chứa chính nó không có điểm dừng",
            "an alias (*name) is used inside the value its anchor (&name) names, so the value would contain "
            "itself without end",
        ),
        "": Words(
            "tài liệu mở rộng ra hơn {limit} nút qua các bí danh (&neo / *bí danh); bị từ chối thay vì mở rộng",
            "the document expands to more than {limit} nodes through aliases (&anchor / *alias); refused "
            "rather than expanded",
        ),
    },
    # Which copy a repeated cell is (intake.cell_repeats.repeat_label).
    "repeat": {
        "earlier": Words(
            "lặp lại một dòng trước đó có cùng giá trị (chỉ tính một lần)",
            "repeats an earlier row with the same value (counted once)",
        ),
        "again": Words(
            "cho lại cùng giá trị ở một cột, trang tính hoặc tệp khác (chỉ tính một lần)",
            "gives the same value again, in another column, sheet or file (counted once)",
        ),
        "": Words("dòng lặp lại cùng giá trị (chỉ tính một lần)", "the row repeats the same value (counted once)"),
    },
    # How many values a row of an unknown commune carried (intake.findings.one_per_row): one
    # finding per row says how many of its cells were not used; a row of one value says nothing
    # more (and a findings table written before the count was kept has none: "").
    "row_values": {
        "many": Words(
            "; không dùng {cells} giá trị của dòng này",
            "; none of the {cells} values of this row was used",
        ),
        "": Words("", ""),
    },
    # The other rows of one unknown code in one file, told in its first row's finding (session 37;
    # before, a findings-folded of its own: intake.folding.told_in_first). Each row is still in the
    # input rows table with its reason.
    "more_rows": {
        "many": Words(
            "; mã này còn ở {also_count} dòng khác của tệp: {also_rows}",
            "; the same code is on {also_count} more rows of the file: {also_rows}",
        ),
        "": Words("", ""),
    },
    # The rows past the first MAX_TOLD of a table that name no item or input of the set, told in
    # the last finding told one by one (intake.unplaced_rows, session 39 review): before, they
    # stayed «nothing to score» with no word of them.
    "rows_past": {
        "many": Words(
            "; còn {past_count} hàng như vậy sau hàng này trong bảng (đến hàng {past_last}), không báo riêng từng hàng",
            "; {past_count} more rows like it follow in the table (up to row {past_last}), not told one by one",
        ),
        "": Words("", ""),
    },
    # The earlier file that gave every commune, item and input of the file where
    # too-many-repeated-keys stopped the run (intake.repeated_rows.KeyRepeats.same_as, session 39
    # review): a national file given twice, as a CSV and its .xlsx.
    "same_file": {
        "file": Words(
            "; mọi dòng của tệp này đã đọc đều ghi lại xã, tiêu chí và đầu vào của các dòng trong {other}:"
            " cùng một tệp được đưa hai lần (lưu thành loại tệp khác)?",
            "; every row of this file read gives again the commune, item and input of rows of {other}:"
            " the same file given twice (saved as another type)?",
        ),
        "": Words("", ""),
    },
    # A self-assessment's field given in a survey file (intake.cell_checks: not-survey-field).
    "survey_field": {
        "self_score": Words("điểm tự đánh giá", "a self-score"),
        "evidence_number": Words("số văn bản minh chứng", "an evidence number"),
        "evidence_date": Words("ngày văn bản minh chứng", "an evidence date"),
        "evidence_file": Words("tệp minh chứng", "an evidence file"),
        "explanation": Words("giải trình", "an explanation"),
        "": Words("thông tin tự đánh giá", "a self-assessment field"),
    },
    # A commune's own field given in an appraisal file (intake.appraisal_columns: not-appraisal-field).
    "own_field": {
        "self_score": Words("điểm tự đánh giá", "self score"),
        "evidence_number": Words("số văn bản minh chứng", "evidence number"),
        "evidence_date": Words("ngày văn bản minh chứng", "evidence date"),
        "evidence_file": Words("tệp minh chứng", "evidence file"),
        "explanation": Words("giải trình", "explanation"),
        "n/a": Words("đánh dấu không áp dụng", "N/A mark"),
        "": Words("thông tin tự đánh giá", "self-assessment field"),
    },
    # A known code or item id near an unknown one (intake.nearest: unknown-commune,
    # unknown-criterion), with the codes it names ({suggested}); none near: nothing said.
    # The type a unit's name begins with, for a unit of the register without one (missing-unit-type;
    # {type_word}: the register's word, xã, phường, thị trấn or đặc khu).
    "name_says": {
        "yes": Words(
            "; tên đơn vị bắt đầu bằng loại {type_word}: nếu đúng là {type_word}, ghi {type_word} ở cột loại",
            "; its name begins with the type {type_word}: if it is one, write {type_word} in the type column",
        ),
        "": Words("", ""),
    },
    # The inputs of an item near a name it does not have (unknown-input: intake.near_inputs; each
    # shown by its label, as {input} is: the template's rows give the label beside the name).
    "input_near": {
        "near": Words("; có phải ý bạn là «{near_input}»?", "; did you mean «{near_input}»?"),
        "list": Words("; đầu vào của tiêu chí là: {near_input}", "; the item's inputs are: {near_input}"),
        "": Words("", ""),
    },
    "nearest": {
        "same": Words(
            "; danh sách có mã {suggested} (cùng mã nhưng viết khác: chữ hoa/thường, chữ số toàn độ rộng, "
            "dấu cách hoặc dấu nháy)",
            "; the register holds {suggested} (the same code written otherwise: letter case, full-width "
            "digits, spaces or quotes)",
        ),
        "name": Words(
            "; đây là tên đơn vị, danh sách đơn vị ghi tên này cho mã {suggested}: ghi mã đơn vị, không ghi tên",
            "; this is a unit's name, which the register gives to code {suggested}: write the unit's code, not "
            "its name",
        ),
        "float": Words(
            "; danh sách có mã {suggested}: mã bị ghi thành số có phần thập phân (bảng xuất từ cột số, bằng Excel "
            "hay pandas, ghi 00001 thành 1.0 và bỏ các số 0 ở đầu); ghi lại mã dạng văn bản",
            "; the register holds {suggested}: the code is written as a number with decimals (a table exported "
            "from a number column, by Excel or pandas, writes 00001 as 1.0 and drops the leading zeros); write the "
            "code as text",
        ),
        "float_register": Words(
            "; danh sách có mã {suggested}, mã bị ghi thành số có phần thập phân: sửa mã trong danh sách đơn vị "
            "thành mã dạng văn bản, giữ các số 0 ở đầu",
            "; the register holds {suggested}, a code written as a number with decimals: correct the code in the "
            "register to text, with its leading zeros",
        ),
        "scientific": Words(
            "; danh sách có mã {suggested}: mã bị ghi ở dạng số mũ (như Excel hiện cột số); định dạng cột là Văn bản"
            " rồi gõ lại mã",
            "; the register holds {suggested}: the code is in scientific notation (as Excel shows a number column);"
            " format the column as Text and type the code again",
        ),
        "scientific_register": Words(
            "; danh sách có mã {suggested}, mã bị ghi ở dạng số mũ: sửa mã trong danh sách đơn vị thành mã dạng văn"
            " bản, giữ các số 0 ở đầu",
            "; the register holds {suggested}, a code written in scientific notation: correct the code in the"
            " register to text, with its leading zeros",
        ),
        "zeros": Words(
            "; danh sách có mã {suggested}: mã đã mất các số 0 ở đầu (Excel bỏ chúng khi coi mã là số)",
            "; the register holds {suggested}: the code lost its leading zeros (Excel drops them when it "
            "takes a code for a number)",
        ),
        "zeros_register": Words(
            "; danh sách có mã {suggested}, mã đã mất các số 0 ở đầu (Excel bỏ chúng khi coi mã là số): sửa mã "
            "trong danh sách đơn vị thành mã dạng văn bản, giữ các số 0 ở đầu",
            "; the register holds {suggested}, a code that lost its leading zeros (Excel drops them when it takes "
            "a code for a number): correct the code in the register to text, with its leading zeros",
        ),
        "pasted": Words(
            "; ô chứa nhiều hơn mã: danh sách có mã {suggested}; chỉ ghi mã",
            "; the cell holds more than the code: the register holds {suggested}; write the code alone",
        ),
        "typo": Words(
            "; mã trong danh sách chỉ khác một ký tự: {suggested}",
            "; register codes one character away: {suggested}",
        ),
        "item_same": Words(
            "; bộ tiêu chí có tiêu chí {suggested} (cùng mã nhưng viết khác)",
            "; the set has item {suggested} (the same id written otherwise)",
        ),
        "item_pasted": Words(
            "; ô chứa nhiều hơn mã: bộ tiêu chí có tiêu chí {suggested}; chỉ ghi mã",
            "; the cell holds more than the id: the set has item {suggested}; write the id alone",
        ),
        "": Words("", ""),
    },
    # What is damaged in a workbook's package (intake.xlsx: xlsx-damaged). A library's English reason
    # is left out of the Vietnamese; its error type says which.
    "damage": {
        "two_parts": Words("gói có hai phần cùng tên {part}", "the package holds two parts named {part}"),
        "compression": Words(
            "phần {part} được nén bằng {method}, cách nén Excel không bao giờ dùng và không đọc được",
            "the part {part} is compressed with {method}, which Excel never writes and which cannot be read",
        ),
        "cell_twice": Words(
            "ô {ref} được ghi hai lần (giá trị sau sẽ thay giá trị trước mà không báo; "
            "Excel không bao giờ ghi như vậy)",
            "the cell {ref} is written twice (the second value would replace the first without a word; "
            "Excel never writes so)",
        ),
        "rows_back": Words(
            "hàng {row} được ghi sau hàng {after}: các hàng không theo thứ tự (Excel không bao giờ ghi như vậy)",
            "row {row} is written after row {after}: the rows are out of order (Excel never writes so)",
        ),
        "package": Words(
            "không đọc được gói (lỗi {error} của thư viện giải nén)",
            "the package cannot be read ({error}: {reason})",
        ),
        "xml": Words(
            "không đọc được XML của sổ tính (lỗi XML ở dòng {xml_line}, cột {xml_column})",
            "the workbook's XML cannot be read ({xml_error}: line {xml_line}, column {xml_column})",
        ),
        "os": Words("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
        "run": Words(
            "{part}: {size} byte XML mà không có điểm kết thúc của một ô",
            "{part}: {size} bytes of XML without the end of a cell",
        ),
        "run_sheet": Words(
            "trang tính {sheet_name}: {size} byte XML mà không có điểm kết thúc của một ô",
            "sheet {sheet_name}: {size} bytes of XML without the end of a cell",
        ),
        "run_a_sheet": Words(
            "một trang tính: {size} byte XML mà không có điểm kết thúc của một ô",
            "sheet: {size} bytes of XML without the end of a cell",
        ),
        "": Words("sổ tính bị hỏng", "the workbook is damaged"),
    },
    # Why a path cannot be read or used: words of pari-index's own, or the operating system's
    # (``os``, and a finding that gives only its ``reason``: strerror, as os-error quotes it).
    # A file of the evidence folder that no row names, near a name a row gives (evidence-file-unused).
    "near_named": {
        "near": Words(
            "; tên gần giống {named}, tên mà một dòng ghi nhưng không có trong thư mục",
            "; it is near {named}, a name a row gives that is not in the folder",
        ),
        "": Words("", ""),
    },
    # The folder's file near a name a row gives (evidence-names-unmatched).
    "near_file": {
        "near": Words(", trong khi thư mục có {file_name}", ", while the folder has {file_name}"),
        "": Words("", ""),
    },
    # not-whole's hint: a count written with a thousands separator ("1.587") is told how to write it.
    "count_hint": {
        "grouped": Words(
            "nếu {value} là {digits} (dấu chấm hoặc dấu phẩy phân cách hàng nghìn), ghi {digits}, không có dấu"
            " phân cách; số đếm là số nguyên",
            "if {value} is {digits} (a dot or comma separating thousands), write {digits} without the separator;"
            " a count is a whole number",
        ),
        "": Words("số lần đếm là số nguyên", "a count is a whole number"),
    },
    # How far the evidence folder was listed (evidence-files-unused).
    "listing": {
        "part": Words(
            "; thư mục chỉ được liệt kê đến {limit} tệp và {depth} cấp thư mục con",
            "; the folder was listed only as far as {limit} files and {depth} levels of sub-folders",
        ),
        "": Words("", ""),
    },
    "path_refusal": {
        "os": Words("{reason}", "{reason}"),
        "nul": Words("đường dẫn chứa ký tự NUL", "the path holds a NUL character"),
        "loop": Words(
            "một liên kết tượng trưng trong đường dẫn dẫn vòng lại chính nó",
            "a symbolic link in the path leads round in a loop",
        ),
        "too_long": Words("tên quá dài với hệ thống tệp", "the name is too long for the file system"),
        "denied": Words("không có quyền truy cập", "permission denied"),
        "missing": Words("không tìm thấy", "not found"),
        "system": Words("hệ điều hành từ chối ({reason})", "the system refused it ({reason})"),
        "": Words("{reason}", "{reason}"),
    },
    # What a path is instead of a regular file (intake.tables: not-a-file).
    # What a compressed file holds (archives.compressed_file): its names, when they can be told.
    "holding": {
        "listed": Words("; bên trong: {names}", "; inside: {names}"),
        "unlisted": Words("", ""),
    },
    # What --evidence-dir names instead of a folder (intake.evidence_files: evidence-dir-not-a-folder),
    # and what to give instead: one evidence file given for the folder is the usual slip.
    # What of an output is too long for Windows (outputs.path_lengths): the file, or the files in the folder.
    "long_inside": {
        "folder": Words("các tệp pari ghi vào đó có ", "the files pari writes in it reach "),
        "file": Words("", ""),
        "": Words("", ""),
    },
    "not_folder": {
        "file": Words(
            "thư mục minh chứng đã chỉ ra là một tệp, không phải thư mục",
            "the evidence folder given is a file, not a folder",
        ),
        "socket": Words(
            "thư mục minh chứng đã chỉ ra là một socket (điểm kết nối của một chương trình), không phải thư mục",
            "the evidence folder given is a socket (a program's connection point), not a folder",
        ),
        "device": Words(
            "thư mục minh chứng đã chỉ ra là một thiết bị, không phải thư mục",
            "the evidence folder given is a device, not a folder",
        ),
        "pipe": Words(
            "thư mục minh chứng đã chỉ ra là một pipe (FIFO), không phải thư mục",
            "the evidence folder given is a pipe (FIFO), not a folder",
        ),
        "": Words(
            "thư mục minh chứng đã chỉ ra là một tệp, không phải thư mục",
            "the evidence folder given is a file, not a folder",
        ),
    },
    "not_folder_hint": {
        "file": Words(
            "chỉ ra thư mục chứa các tệp minh chứng, không phải một tệp trong đó (tệp nén .zip, .rar của chúng: "
            "giải nén vào một thư mục trước)",
            "give the folder that holds the evidence files, not one file in it (a .zip or .rar of them: extract it "
            "into a folder first)",
        ),
        "other": Words("chỉ ra thư mục chứa các tệp minh chứng", "give the folder that holds the evidence files"),
        "": Words(
            "chỉ ra thư mục chứa các tệp minh chứng, không phải một tệp trong đó (tệp nén .zip, .rar của chúng: "
            "giải nén vào một thư mục trước)",
            "give the folder that holds the evidence files, not one file in it (a .zip or .rar of them: extract it "
            "into a folder first)",
        ),
    },
    "not_file": {
        "device": Words("đây là thiết bị hoặc socket, không phải tệp", "this is a device or a socket, not a file"),
        "pipe_workbook": Words("không đọc được sổ tính từ một pipe", "a workbook cannot be read from a pipe"),
        "pipe_results": Words(
            "không đọc được kết quả từ một pipe: kết quả chấm điểm là một sổ tính (.xlsx) hoặc một thư mục",
            "results cannot be read from a pipe: pari score writes them as a workbook (.xlsx) or a folder",
        ),
        "": Words("không phải tệp thông thường", "not a regular file"),
    },
    # How a table is empty (intake.grid, intake.parquet_input: empty-sheet).
    "empty_sheet": {
        "no_header": Words("không có hàng tiêu đề: bảng trống", "no header row: the table is empty"),
        "no_columns": Words("tệp không có cột nào", "the file has no columns"),
        "": Words("bảng trống", "the table is empty"),
    },
    # Why a file is no annex (authoring.workbook_in: not-an-annex).
    "annex_refusal": {
        "not_xlsx": Words(
            "phụ lục được đọc từ sổ tính Excel (.xlsx)", "an annex is read from an Excel workbook (.xlsx)"
        ),
        "no_table": Words(
            "không trang tính nào có bảng phụ lục: một hàng tiêu đề có «STT» và một cột tên "
            "(«Lĩnh vực/Tiêu chí»), rồi «Điểm tối đa», «Phương pháp chấm điểm», «Tài liệu kiểm chứng»",
            "no sheet has an annex table: a header row with «STT» and a title column "
            "(«Lĩnh vực/Tiêu chí»), then «Điểm tối đa», «Phương pháp chấm điểm», «Tài liệu kiểm chứng»",
        ),
        "": Words("không phải phụ lục bộ tiêu chí", "not an annex of criteria"),
    },
    # Why --group-by names no column of the register (ranking.groups.group_column): none of that
    # name, or one the register may have had but that was left out (its name is the results' own,
    # or pari-index's), said so rather than "no such column" of a file that has one.
    "group_why": {
        "computed": Words(
            "đó là tên một cột của kết quả do lần chấm tính ra; cột cùng tên trong danh sách đơn vị (nếu có) bị bỏ"
            " qua, nên không xếp hạng theo nó được: đổi tên cột đó, ví dụ sang tên tiếng Việt",
            "it is the name of a column of the results, which the run computes; a register column of that name"
            " (if any) is left out (register-column-reserved), so units cannot be grouped by it: rename that"
            " column, for example to its Vietnamese name",
        ),
        "internal": Words(
            "tên bắt đầu bằng _ là tên pari-index dùng cho riêng mình; cột cùng tên trong danh sách đơn vị (nếu có)"
            " không được đọc: đổi tên cột đó",
            "names beginning with _ are pari-index's own; a register column of that name (if any) is not read"
            " (reserved-column): rename that column",
        ),
        "": Words("danh sách đơn vị không có cột này", "the register has no such column"),
    },
}

#: Words of PARAM_WORDS that may name a key of words again (one level): a band's kind inside the
#: sentence about the band, the table an empty-file names. Any other key named inside words is
#: shown as it is (no loop).
NESTED_WORDS = frozenset({"band_kind", "code_page", "rows_table"})

#: What a row of an assessment says of an item besides its inputs, by the heading of the fill-in
#: form (outputs/template_labels.py takes its headings from here): a finding names such a field by
#: these words, never by its id (``evidence_date`` as «Ngày văn bản»).
FIELD_WORDS: dict[str, Words] = {
    "self_score": Words("Điểm tự đánh giá", "Self score"),
    "evidence_number": Words("Số văn bản", "Evidence number"),
    "evidence_date": Words("Ngày văn bản", "Evidence date"),
    "evidence_file": Words("Tệp minh chứng", "Evidence file"),
    "explanation": Words("Giải trình", "Explanation"),
    "n/a": Words("Không áp dụng", "Not applicable"),
}

#: The columns an input file must have, by what they hold: a finding that names a missing column
#: (``columns`` of missing-column) says these words with the heading to write in brackets, which
#: is its id (each reader also takes the Vietnamese headings: docs/data-formats.md).
COLUMN_WORDS: dict[str, Words] = {
    "commune_code": Words("mã xã", "commune code"),
    "criterion_id": Words("mã tiêu chí", "criterion id"),
    "value": Words("giá trị", "value"),
    "reason": Words("lý do", "reason"),
    "code": Words("mã", "code"),
    "name": Words("tên", "name"),
    "old_code": Words("mã cũ", "old code"),
    "new_code": Words("mã mới", "new code"),
}


def columns_text(columns: str, lang: str) -> str:
    """A list of column ids (``commune_code, value``) in words, each with its heading in brackets
    (``mã xã (commune_code), giá trị (value)``); a list naming another column (a register column of
    ``--group-by``, a count) as it is."""
    parts = [part.strip() for part in columns.split(",")]
    if not all(part in COLUMN_WORDS for part in parts):
        return columns
    words = [COLUMN_WORDS[part].get(lang) for part in parts]
    return ", ".join(word if word == part else f"{word} ({part})" for word, part in zip(words, parts, strict=True))


#: The register's own columns, as ``--group-by`` takes them in each language (each a heading the
#: register accepts: intake.register.REGISTER_ALIASES); the run names them ``unit_type``, ….
GROUP_COLUMN_WORDS: dict[str, Words] = {
    "name": Words("tên", "name"),
    "unit_type": Words("loại", "type"),
    "district": Words("huyện", "district"),
    "province": Words("tỉnh", "province"),
    "district_code": Words("mã huyện", "district_code"),
    "province_code": Words("mã tỉnh", "province_code"),
    "ranked": Words("xếp hạng", "ranked"),
}


def group_columns_text(columns: str, lang: str) -> str:
    """The register columns ``--group-by`` may name (``name, unit_type, note``), each as the user
    types it in ``lang`` (``tên, loại, note``): the register's own columns by their words, any other
    column as the file heads it. The run's names (``unit_type``) are no heading the user wrote."""
    parts = [part.strip() for part in columns.split(", ")]
    return ", ".join(GROUP_COLUMN_WORDS[part].get(lang) if part in GROUP_COLUMN_WORDS else part for part in parts)


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


def set_text(vi: str, en: str | None, lang: str) -> str:
    """Words a criteria set gives (an item's or the set's title, an input's label, a document's
    name) in ``lang``: in English its English words, else its Vietnamese marked with
    VIETNAMESE_MARK; in Vietnamese its Vietnamese. Every output shows a set's words through this."""
    if lang == "en" and en:
        return en
    # (No words at all stay none: a results file read back without the set's title.)
    return vi + VIETNAMESE_MARK if lang == "en" and vi else vi


#: Characters of a set's words (a choice level's label, an input's label, a title) where an output
#: repeats them on each unit's row or page: a choice item whose level was labelled with 99,000
#: characters gave that label in the rule branch, the explanation and the inputs of each of 3,000
#: communes choosing it (0.5 MB of input): 7.6 CPU s and 1.27 GB (limits26). The longest label of
#: the shipped sets has 114 characters.
MAX_REPEATED_TEXT_CHARS = 500


def repeated_set_text(vi: str, en: str | None, lang: str) -> str:
    """:func:`set_text` as an output repeats it: each language's words cut to
    MAX_REPEATED_TEXT_CHARS, saying (in ``lang``) how long they were, before the English mark."""
    cut = set_text(shorten(vi, MAX_REPEATED_TEXT_CHARS), en and shorten(en, MAX_REPEATED_TEXT_CHARS), lang)
    return in_language(cut, lang)


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
