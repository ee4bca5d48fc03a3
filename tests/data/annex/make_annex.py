"""Write quyet-dinh-mau.xlsx: a hand-written annex in the shapes real decisions use.

Title rows above the header, a header with line breaks, Roman numerals for areas whose title and
empty method cells are merged across the row, "a)", "b)" under a numbered criterion, points with
decimal commas and with "điểm" in the cell, methods with line breaks and bullets, a vertically
merged evidence cell, a total row, and methods that cannot be read. The expected reading of every
row is in tests/test_annex_import.py. Run: python tests/data/annex/make_annex.py (needs openpyxl).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).parent
HEADER = [
    "STT",
    "Lĩnh vực/Tiêu chí/\nTiêu chí thành phần",
    "Điểm\ntối đa",
    "Phương pháp chấm điểm",
    "Tài liệu kiểm chứng",
]

# (STT, title, points, method, evidence); an area row has no method and is merged D:E.
ROWS: list[tuple[str, str, str | float | None, str | None, str | None]] = [
    ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 6, None, None),
    ("1", "Kế hoạch cải cách hành chính năm", 3, None, None),
    (
        "1.1",
        "Ban hành Kế hoạch CCHC năm",
        "1 điểm",
        "- Ban hành đúng thời hạn: 1 điểm;\n- Ban hành chậm: 0,5 điểm;\n- Không ban hành: 0 điểm.",
        "- Kế hoạch CCHC năm của UBND xã (số, ngày, tệp)",
    ),
    (
        "1.2",
        "Mức độ hoàn thành Kế hoạch CCHC năm",
        2,
        "Tỷ lệ nhiệm vụ hoàn thành:\n- Từ 100% trở lên: 2 điểm;\n- Từ 80% đến dưới 100%: 1 điểm;\n- Dưới 80%: 0 điểm.",
        "- Báo cáo kết quả thực hiện Kế hoạch CCHC",
    ),
    (
        "2",
        "Báo cáo cải cách hành chính định kỳ",
        "1,0",
        "Đúng thời hạn: 1 điểm; chậm: 0,5 điểm; không báo cáo: 0 điểm",
        "- Báo cáo quý, 6 tháng, năm",
    ),
    ("3", "Công tác kiểm tra cải cách hành chính", 2, None, None),
    ("a)", "Ban hành kế hoạch kiểm tra", "0,5", "Có kế hoạch: 0,5 điểm; không có: 0 điểm", "- Kế hoạch kiểm tra"),
    (
        "b)",
        "Số cuộc kiểm tra trong năm",
        "1,5 điểm",
        "- Từ 3 cuộc trở lên: 1,5 điểm\n- 2 cuộc: 1 điểm\n- 1 cuộc: 0,5 điểm",
        "- Biên bản kiểm tra",
    ),
    ("II", "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT", 8, None, None),
    (
        "1",
        "Ban hành văn bản theo thẩm quyền",
        2,
        "Ban hành đúng thời hạn: 2 điểm; chậm: 1 điểm",
        "- Các văn bản đã ban hành",
    ),
    (
        "2",
        "Rà soát văn bản quy phạm pháp luật",
        2,
        "Tỷ lệ văn bản được rà soát:\n≥ 90%: 2 điểm\n70% - dưới 90%: 1 điểm\n< 70%: 0 điểm",
        "- Báo cáo rà soát",
    ),
    (
        "3",
        "Xây dựng xã đạt chuẩn tiếp cận pháp luật",
        2,
        "Đạt chuẩn tiếp cận pháp luật: 2 điểm; không đạt: 0 điểm",
        "- Quyết định công nhận",
    ),
    ("4", "Xử lý văn bản trái pháp luật", 2, "Mỗi văn bản trái pháp luật bị phát hiện trừ 0,5 điểm.", None),
    ("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 10, None, None),
    (
        "1",
        "Công khai thủ tục hành chính",
        2,
        "Công khai đầy đủ, đúng quy định các TTHC: 2 điểm;\nCó TTHC không được công khai: 0 điểm",
        None,
    ),
    (
        "2",
        "Tỷ lệ hồ sơ giải quyết đúng hạn",
        3,
        "- Từ 98% trở lên: 3 điểm\n- Từ 95% đến dưới 98%: 2 điểm\n- Từ 90% đến dưới 95%: 1 điểm\n- Dưới 90%: 0 điểm",
        "- Số liệu trên Hệ thống thông tin giải quyết TTHC",
    ),
    (
        "3",
        "Tỷ lệ hồ sơ trực tuyến toàn trình",
        2,
        "Trên 80%: 2 điểm; trên 50% đến 80%: 1 điểm; từ 50% trở xuống: 0 điểm",
        None,
    ),
    (
        "4",
        "Xin lỗi người dân khi giải quyết hồ sơ trễ hạn",
        1,
        "Không có hồ sơ trễ hạn hoặc có văn bản xin lỗi đầy đủ: 1 điểm; Không thực hiện xin lỗi: 0 điểm",
        None,
    ),
    (
        "5",
        "Xử lý phản ánh, kiến nghị",
        2,
        "Tỷ lệ = [Số phản ánh đã xử lý] / [Số phản ánh tiếp nhận] × 100%:\n- Đạt 100%: 2 điểm\n"
        "- Từ 80% đến dưới 100%: 1 điểm\n- Dưới 80%: 0 điểm\nTrường hợp không phát sinh: tính điểm tối đa.",
        "- Sổ theo dõi phản ánh, kiến nghị",
    ),
    ("IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", 4, None, None),
    (
        "1",
        "Người đứng đầu chỉ đạo công tác CCHC",
        2,
        "Chấm theo một trong các mức:\n- Chủ tịch UBND trực tiếp chỉ đạo: 100% điểm tối đa\n"
        "- Phó Chủ tịch UBND chỉ đạo: 50% điểm tối đa\n- Không phân công: 0 điểm",
        "- Quyết định phân công",
    ),
    (
        "2",
        "Sử dụng công chức",
        2,
        "Cộng điểm cho mỗi nội dung đạt được:\n- Bố trí đúng vị trí việc làm: 1 điểm\n"
        "- Đánh giá, xếp loại đúng quy định: 1 điểm",
        "- Quyết định bố trí\n- Kết quả đánh giá, xếp loại",
    ),
    ("V", "HIỆN ĐẠI HOÁ HÀNH CHÍNH", 8, None, None),
    ("1", "Văn bản điện tử có ký số", 2, "Điểm đạt được = tỷ lệ % văn bản đi được ký số x điểm tối đa", None),
    (
        "2",
        "Áp dụng hệ thống quản lý chất lượng ISO 9001",
        2,
        "Áp dụng, duy trì đúng quy định: 2 điểm; không áp dụng: 0 điểm",
        "- Quyết định công bố ISO",
    ),
    (
        "3",
        "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ",
        2,
        "Trên 50%: 2 điểm; từ 30% đến 50%: 1 điểm; dưới 30%: 0 điểm",
        "- Số liệu Cổng dịch vụ công",
    ),
    ("4", "Thanh toán trực tuyến", 2, "Trên 90%: 2 điểm; 70 - 90%: 1 điểm; dưới 70%: 0 điểm", None),
    ("VI", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", None, None, None),
    (
        "1",
        "Sáng kiến cải cách hành chính được công nhận",
        2,
        "Mỗi sáng kiến được công nhận cộng 0,5 điểm, tối đa 2 điểm",
        "- Quyết định công nhận sáng kiến",
    ),
    ("2", "Vi phạm kỷ luật hành chính", 2, "Mỗi trường hợp vi phạm trừ 1 điểm, trừ tối đa 2 điểm", None),
    ("3", "Bị phê bình trong công tác CCHC", 1, "Có văn bản phê bình của UBND tỉnh: trừ 1 điểm", None),
    ("4", "Hoàn thành xuất sắc nhiệm vụ", "1-2", "Được khen thưởng: cộng điểm theo mức khen", None),
    ("", "TỔNG CỘNG", 36, None, None),
]


def main() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Phụ lục I"
    sheet["A1"] = "ỦY BAN NHÂN DÂN TỈNH MẪU"
    sheet["A2"] = "PHỤ LỤC I\nBỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CẤP XÃ"
    sheet["A3"] = "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/01/2025 của UBND tỉnh Mẫu)"
    for row in (1, 2, 3):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
    first = 5
    for col, text in enumerate(HEADER, start=1):
        cell = sheet.cell(row=first, column=col, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
    for offset, (number, title, points, method, evidence) in enumerate(ROWS, start=1):
        row = first + offset
        sheet.cell(row=row, column=1, value=number or None)
        sheet.cell(row=row, column=2, value=title)
        sheet.cell(row=row, column=3, value=points)
        sheet.cell(row=row, column=4, value=method)
        sheet.cell(row=row, column=5, value=evidence)
        if method is None and evidence is None:
            sheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=5)
        for col in range(1, 6):
            sheet.cell(row=row, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    # One evidence cell shared by two rows (II.3 and II.4): only the first holds the text.
    shared = first + [r[1] for r in ROWS].index("Xây dựng xã đạt chuẩn tiếp cận pháp luật") + 1
    sheet.merge_cells(start_row=shared, start_column=5, end_row=shared + 1, end_column=5)
    book.save(HERE / "quyet-dinh-mau.xlsx")


if __name__ == "__main__":
    main()
