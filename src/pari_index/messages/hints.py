"""Hints a raise site writes for its case, in Vietnamese. A problem's English hint may say more than
its kind's (``give --group-by one of the available columns`` for one site where the kind says
``see docs/...``); told in Vietnamese, such a hint is looked up here by its English words, and
only a hint not here falls back to the kind's (pari_index.messages.render_hint).

tests/test_message_details.py walks every raise site that writes a hint of its own and checks that
each such hint is here.
"""

from __future__ import annotations

from pari_index.messages.labels import PARAM_WORDS

#: English hint, exactly as a raise site writes it -> Vietnamese.
HINT_WORDS: dict[str, str] = {
    # criteria sets
    "give the year with --year YYYY (score_run / score: year=), or year: in the set": (
        "ghi năm bằng --year YYYY (score_run / score: year=), hoặc year: trong bộ tiêu chí"
    ),
    "start from docs/criteria.md": "bắt đầu từ docs/criteria.md",
    "give the path of the criteria YAML file": "chỉ ra đường dẫn của tệp YAML bộ tiêu chí",
    "check the path": "kiểm tra đường dẫn",
    # intake.values.DATE_YEAR_HINT (implausible-date): a day the calendar has not, a month first
    "write the whole date, day first, with the year in four digits between 1900 and 2100 (15/12/2025 or 2025-12-15)": (
        "ghi đủ ngày, tháng, năm, ngày trước tháng sau, năm bốn chữ số trong khoảng 1900 đến 2100 "
        "(15/12/2025 hoặc 2025-12-15)"
    ),
    "save the file as UTF-8": "lưu tệp dạng UTF-8",
    "make the input's max and the range's to the same value": (
        "đặt max của đầu vào và «to» của khoảng bằng cùng một giá trị"
    ),
    "write the value that gives no points as from and the one that gives the maximum as to, e.g. "
    "range: {from: 0, to: 10}": (
        "ghi giá trị cho 0 điểm ở from và giá trị cho điểm tối đa ở to, ví dụ range: {from: 0, to: 10}"
    ),
    "add decision: {number: ..., date: ...} for a set a decision issues, or source: (the published "
    "methodology, a URL) for an index no decision issues": (
        "thêm decision: {number: ..., date: ...} cho bộ tiêu chí do một quyết định ban hành, hoặc source: "
        "(phương pháp đã công bố, một URL) cho chỉ số không do quyết định nào ban hành"
    ),
    "scores report it as printed-max-unreachable and the report's method notes name it": (
        "khi chấm, kết quả báo printed-max-unreachable và phần phương pháp của báo cáo nêu điều này"
    ),
    "count from another date input of the item, e.g. the day the request was received": (
        "tính từ một ngày khác của tiêu chí, ví dụ ngày nhận yêu cầu"
    ),
    "give the year when scoring (pari score --year YYYY), or add year: to the set": (
        "ghi năm khi chấm (pari score --year YYYY), hoặc thêm year: vào bộ tiêu chí"
    ),
    "move the items into an area of their own with that part": "chuyển các tiêu chí sang một lĩnh vực riêng có phần đó",
    "give each edge once: 'above'/'from' below, 'to'/'below' above, as the decision prints": (
        "ghi mỗi cận một lần: 'above'/'from' cho cận dưới, 'to'/'below' cho cận trên, như quyết định in"
    ),
    "an index in the gap gets no class": "chỉ số rơi vào khoảng trống không được xếp loại nào",
    "criteria files may not contain tags that construct objects; remove the tag": (
        "tệp bộ tiêu chí không được có thẻ dựng đối tượng; xoá thẻ"
    ),
    "do what the note says, then delete the todo: line (docs/authoring.md)": (
        "làm theo ghi chú, rồi xoá dòng todo: (docs/authoring.md)"
    ),
    # annexes
    "save it as .xlsx": "lưu tệp dạng .xlsx",
    "see docs/authoring.md for the columns an annex needs": "xem docs/authoring.md về các cột một phụ lục cần có",
    # the command line
    "see pari demo-data --help": "xem pari demo-data --help",
    # input files
    "pari score FILE ...": "pari score TỆP ...",
    "export the sheet again": "xuất lại trang tính",
    "name it commune_code (or mã xã)": "đặt tên cột là commune_code (hoặc mã xã)",
    "add a column commune_code (or mã xã) holding the unit's code on every row; a workbook of one sheet per "
    "unit needs it in each sheet, since a code is never read from a sheet's name": (
        "thêm cột commune_code (hoặc mã xã) ghi mã của đơn vị ở mọi dòng; sổ tính mỗi đơn vị một trang tính cần "
        "cột này ở từng trang, vì mã không bao giờ được đọc từ tên trang tính"
    ),
    "add a column named value (or giá trị)": "thêm một cột tên value (hoặc giá trị)",
    "add a column named criterion_id (or tiêu chí) holding each row's criterion": (
        "thêm một cột tên criterion_id (hoặc tiêu chí) ghi tiêu chí của từng dòng"
    ),
    "wide columns are named like 1.1.4:done or 1.1.1 (see docs/data-formats.md)": (
        "các cột dạng rộng được đặt tên như 1.1.4:done hoặc 1.1.1 (xem docs/data-formats.md)"
    ),
    "nothing to do for a column of notes; a column to score is named as in the form of pari template"
    " (docs/data-formats.md)": (
        "cột ghi chú thì không cần làm gì; cột cần chấm phải đặt tên như trong mẫu của pari template"
        " (docs/data-formats.md)"
    ),
    "retype the code (codes keep their leading zeros)": "gõ lại mã (mã giữ các số 0 ở đầu)",
    "write xã, phường, thị trấn or đặc khu (or commune, ward, township, special zone)": (
        "ghi xã, phường, thị trấn hoặc đặc khu"
    ),
    "a commune's answers fit in far fewer columns: check the delimiter, or use the long form": (
        "câu trả lời của một xã chỉ cần ít cột hơn nhiều: kiểm tra ký tự phân cách, hoặc dùng dạng dài"
    ),
    "split the file by district (or, if it really is one table, raise PARI_MAX_CELLS)": (
        "tách tệp theo huyện (hoặc, nếu đúng là một bảng, đặt PARI_MAX_CELLS lớn hơn)"
    ),
    "save it to a file first": "lưu dữ liệu vào một tệp trước",
    "split the workbook, or raise PARI_MAX_XLSX_BYTES if it is genuine": (
        "tách sổ tính, hoặc đặt PARI_MAX_XLSX_BYTES lớn hơn nếu tệp là thật"
    ),
    "split the file, or raise PARI_MAX_PARQUET_TEXT_BYTES if it is genuine": (
        "tách tệp, hoặc đặt PARI_MAX_PARQUET_TEXT_BYTES lớn hơn nếu tệp là thật"
    ),
    "write the file again in fewer row groups (or raise PARI_MAX_PARQUET_FOOTER_BYTES if it is genuine)": (
        "ghi lại tệp với ít nhóm dòng hơn (hoặc đặt PARI_MAX_PARQUET_FOOTER_BYTES lớn hơn nếu tệp là thật)"
    ),
    "split the workbook, or raise PARI_MAX_XLSX_TEXT_BYTES if it is genuine": (
        "tách sổ tính, hoặc đặt PARI_MAX_XLSX_TEXT_BYTES lớn hơn nếu tệp là thật"
    ),
    "split the workbook, or raise PARI_MAX_XLSX_STRINGS if it is genuine": (
        "tách sổ tính, hoặc đặt PARI_MAX_XLSX_STRINGS lớn hơn nếu tệp là thật"
    ),
    "split the sheet, or raise PARI_MAX_XLSX_CELLS if it is genuine": (
        "tách trang tính, hoặc đặt PARI_MAX_XLSX_CELLS lớn hơn nếu tệp là thật"
    ),
    "this is what a zip bomb looks like; if the file is genuine, raise PARI_MAX_XLSX_RATIO": (
        "tệp trông giống một “bom zip”; nếu tệp là thật, đặt PARI_MAX_XLSX_RATIO lớn hơn"
    ),
    "open it in Excel and save it again, or export CSV (UTF-8)": "mở bằng Excel và lưu lại, hoặc xuất CSV (UTF-8)",
    "this file was not written by Excel; open it in Excel and save it again, or export CSV (UTF-8)": (
        "tệp này không do Excel ghi; mở bằng Excel và lưu lại, hoặc xuất CSV (UTF-8)"
    ),
    "this file was not written by Excel; shorten the text or export CSV (UTF-8)": (
        "tệp này không do Excel ghi; rút ngắn văn bản hoặc xuất CSV (UTF-8)"
    ),
    "delete the stray cells far from the table (the last row or column of the range), then save": (
        "xoá các ô lạc xa bảng (hàng hoặc cột cuối của vùng), rồi lưu"
    ),
    "delete the unused columns, or raise PARI_MAX_XLSX_COLUMNS if they are genuine": (
        "xoá các cột không dùng, hoặc đặt PARI_MAX_XLSX_COLUMNS lớn hơn nếu các cột là thật"
    ),
    # limits of a run
    "check that this is the register you meant (a country has some 10,000 communes); to score more at "
    "once, set PARI_MAX_ITEM_ROWS (about 1 KB of memory per item row), or split by province": (
        "kiểm tra đây đúng là danh sách đơn vị cần dùng (cả nước có khoảng 10.000 xã); để chấm nhiều hơn một "
        "lần, đặt PARI_MAX_ITEM_ROWS (khoảng 1 KB bộ nhớ mỗi dòng tiêu chí), hoặc tách theo tỉnh"
    ),
    "give the register of one province or district at a time; to write larger forms, set "
    "PARI_MAX_TEMPLATE_ROWS (about 4 KB of memory a row)": (
        "chỉ ra danh sách đơn vị của từng tỉnh hoặc huyện một; để ghi mẫu lớn hơn, đặt PARI_MAX_TEMPLATE_ROWS "
        "(khoảng 4 KB bộ nhớ mỗi hàng)"
    ),
    # outputs
    "give a folder name (it is created)": "chỉ ra tên một thư mục (thư mục sẽ được tạo)",
    "give a folder name (it is created), or choose --format xlsx for a single workbook": (
        "chỉ ra tên một thư mục (thư mục sẽ được tạo), hoặc chọn --format xlsx để ghi một sổ tính"
    ),
    "the disk is full: free some space or write to another disk": (
        "ổ đĩa đã đầy: giải phóng chỗ trống hoặc ghi sang ổ khác"
    ),
    "the file is larger than this disk or this session allows (ulimit -f): write to another disk": (
        "tệp lớn hơn mức ổ đĩa này hoặc phiên làm việc này cho phép (ulimit -f): ghi sang ổ khác"
    ),
    "the temporary folder is full: free space there, or set TMPDIR to a folder on a disk with room": (
        "thư mục tạm đã đầy: giải phóng chỗ trống ở đó, hoặc đặt TMPDIR là một thư mục trên ổ còn chỗ"
    ),
    "your disk quota is used up: free some space or write elsewhere": (
        "đã dùng hết hạn mức ổ đĩa: giải phóng chỗ trống hoặc ghi sang nơi khác"
    ),
    "no permission to write there (a read-only folder, or a shared folder where the file is another user's): "
    "choose another folder, or ask its owner": (
        "không có quyền ghi vào đó (thư mục chỉ đọc, hoặc thư mục dùng chung mà tệp là của người dùng khác): chọn "
        "thư mục khác, hoặc nhờ người sở hữu tệp"
    ),
    "the disk is read-only: choose another folder": "ổ đĩa chỉ đọc: chọn thư mục khác",
    "the name is too long for the disk: choose a shorter name": "tên quá dài với ổ đĩa: chọn tên ngắn hơn",
    "a folder of that name exists: give a file name": "đã có thư mục cùng tên: chỉ ra tên một tệp",
    "a part of the path is a file, not a folder: choose another folder": (
        "một phần của đường dẫn là tệp, không phải thư mục: chọn thư mục khác"
    ),
    "something of that name is in the way: choose another name": "đã có thứ khác cùng tên: chọn tên khác",
    "a folder of that name is in the way: choose another name": "đã có thư mục cùng tên: chọn tên khác",
    "the folder was removed during the write, or takes no new files: choose another folder": (
        "thư mục đã bị xoá trong lúc ghi, hoặc không nhận tệp mới: chọn thư mục khác"
    ),
    "it is a mount point (a disk, a share or a container's volume) or in use: write into a folder inside it, or "
    "choose another name": (
        "đó là điểm gắn kết (ổ đĩa, thư mục mạng hoặc volume của container) hoặc đang được dùng: ghi vào một thư "
        "mục bên trong nó, hoặc chọn tên khác"
    ),
    "the disk or the network share failed during the write: check that it is connected, or write to another "
    "disk": "ổ đĩa hoặc thư mục mạng bị lỗi trong lúc ghi: kiểm tra kết nối, hoặc ghi sang ổ khác",
    "the disk can take no more files (all its file entries, inodes, are used; df -i shows them), though it has "
    "room: remove files there or write to another disk": (
        "ổ đĩa không nhận thêm tệp nào nữa (đã dùng hết các mục tệp, inode; xem bằng df -i) dù vẫn còn chỗ trống: "
        "xoá bớt tệp ở đó hoặc ghi sang ổ khác"
    ),
    "close it in Excel if it is open, free space, or choose another name": (
        "đóng tệp trong Excel nếu đang mở, giải phóng chỗ trống, hoặc chọn tên khác"
    ),
    "the file is open in another program or read-only: close the file in Excel (or the program that has it "
    "open), then run again, or choose another name": (
        "tệp đang mở trong một chương trình khác hoặc chỉ đọc: đóng tệp trong Excel (hoặc chương trình đang mở "
        "nó) rồi chạy lại, hoặc chọn tên khác"
    ),
    "a file in the folder is open in another program: close the file in Excel (or the program that has it "
    "open), then run again, or choose another folder": (
        "một tệp trong thư mục đang mở trong chương trình khác: đóng tệp trong Excel (hoặc chương trình đang mở "
        "nó) rồi chạy lại, hoặc chọn thư mục khác"
    ),
    # ranking and scoring
    "fill in both codes": "điền cả hai mã",
    "give --group-by one of the available columns, or add the column to the register": (
        "cho --group-by một trong các cột có sẵn, hoặc thêm cột vào danh sách đơn vị"
    ),
    "name each register column once, from the top down: --group-by province,district": (
        "nêu mỗi cột của danh sách đơn vị một lần, từ cấp trên xuống: --group-by province,district"
    ),
    # The same refusals of a set's ranking.within (ranking.groups.GROUP_HINTS)
    "list register columns separated by commas, e.g. within: province,district": (
        "liệt kê các cột cách nhau bằng dấu phẩy, ví dụ within: province,district"
    ),
    "name each register column once, from the top down: within: province,district": (
        "nêu mỗi cột của danh sách đơn vị một lần, từ cấp trên xuống: within: province,district"
    ),
    "list the columns from the top down: within: province,district": (
        "liệt kê các cột từ cấp trên xuống: within: province,district"
    ),
    "give the survey results with --survey FILE, or pass --no-survey to score without them (announced in "
    "the results and the report)": (
        "chỉ ra kết quả điều tra bằng --survey TỆP, hoặc dùng --no-survey để chấm không có điều tra (kết quả và "
        "báo cáo sẽ ghi rõ)"
    ),
    "correct the file (see the problems above), or give --allow-incomplete to score without it (the results "
    "then say they are incomplete)": (
        "sửa tệp (xem các vấn đề ở trên), hoặc dùng --allow-incomplete để chấm không có tệp này (kết quả khi đó "
        "ghi là chưa đầy đủ)"
    ),
    "correct the code (codes keep their leading zeros)": "sửa mã (mã giữ các số 0 ở đầu)",
}

# An unreadable value's hint is its kind's, in the words of ``fix`` (the levels of a choice aside):
# the sites write the general one.
HINT_WORDS[PARAM_WORDS["fix"][""].en] = PARAM_WORDS["fix"][""].vi
HINT_WORDS[PARAM_WORDS["fix"]["status"].en] = PARAM_WORDS["fix"]["status"].vi
