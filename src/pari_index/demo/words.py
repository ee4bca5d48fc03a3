"""Vietnamese words the synthetic data are made of: syllables of place names, people's names, unit
words, answers, kinds of documents, explanations and the council's reasons."""

from __future__ import annotations

from pari_index.criteria.rules import (
    InputType,
)

# Common syllables of Vietnamese place names, NFC, with their diacritics.
SYLLABLES = (
    "An", "Bình", "Hòa", "Phú", "Thịnh", "Đông", "Tây", "Nam", "Bắc", "Trung", "Tân", "Thành",
    "Quang", "Minh", "Đức", "Hưng", "Long", "Phước", "Lộc", "Thọ", "Xuân", "Hạ", "Thượng", "Vĩnh",
    "Yên", "Sơn", "Hải", "Lâm", "Cẩm", "Kim", "Ngọc", "Đại", "Tiến", "Thắng", "Lợi", "Nghĩa",
    "Hiệp", "Mỹ", "Thuận", "Khánh", "Hồng", "Liên", "Phong", "Định", "Trường", "Hà", "Giang",
    "Thái", "Hợp", "Tiên", "Lạc", "Cường", "Thạnh", "Hậu", "Văn", "Quý", "Chính", "Lương", "Điền",
    "Châu", "Dương", "Hoàng", "Phúc", "Tường", "Vân", "Mai", "Đồng", "Quảng", "Hòa Lạc", "Nhân",
)  # fmt: skip
ISLAND_WORDS = ("Hòn", "Cồn", "Cù Lao", "Hòn Đảo")
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Thanh", "Ngọc")
GIVEN = ("An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Quân")

UNIT_WORDS = {"commune": "xã", "ward": "phường", "township": "thị trấn", "special_zone": "đặc khu"}
UNIT_TITLES = {"commune": "Xã", "ward": "Phường", "township": "Thị trấn", "special_zone": "Đặc khu"}
STATUS_TEXT = {"on_time": "đúng hạn", "late": "trễ hạn", "not_done": "không thực hiện"}

# Kinds of document by the words of the evidence label: (code in the number, ASCII for file names).
DOC_KINDS = (
    ("kế hoạch", "KH", "KH"),
    ("báo cáo", "BC", "BC"),
    ("quyết định", "QĐ", "QD"),
    ("quy chế", "QĐ", "QD"),
    ("thông báo", "TB", "TB"),
    ("biên bản", "BB", "BB"),
    ("công văn", "CV", "CV"),
)
EXPLANATIONS = (
    "Văn bản đang trình ký, đơn vị sẽ bổ sung khi thẩm định",
    "Hồ sơ lưu tại bộ phận một cửa, chưa kịp số hoá",
    "Tài liệu lưu tại đơn vị cũ trước khi sắp xếp, đang tìm lại",
    "Hệ thống gặp sự cố khi tải tệp minh chứng lên",
)
NOT_DONE_EXPLANATIONS = (
    "Đơn vị chưa thực hiện nội dung này trong năm",
    "Chưa thực hiện do đang sắp xếp tổ chức bộ máy",
)
#: Reasons for a corrected input, by input type.
CORRECTION_REASONS: dict[InputType, tuple[str, ...]] = {
    InputType.count: (
        "Số liệu tự đánh giá không khớp với báo cáo trên Hệ thống thông tin",
        "Đối chiếu sổ theo dõi, số liệu thực tế thấp hơn",
    ),
    InputType.number: ("Số liệu không khớp với báo cáo quyết toán",),
    InputType.percent: ("Tỷ lệ tính lại theo số liệu trên Hệ thống thông tin giải quyết TTHC",),
    InputType.boolean: (
        "Minh chứng không thể hiện nội dung tự đánh giá",
        "Minh chứng chỉ thể hiện một phần nội dung tự đánh giá",
    ),
    InputType.status: ("Văn bản gửi sau thời hạn quy định (theo ngày trên Hệ thống quản lý văn bản)",),
    InputType.date: ("Ngày ký số trên văn bản muộn hơn ngày đơn vị kê khai",),
    InputType.level: ("Quyết định thành lập ghi người đứng đầu khác với kê khai",),
}
OVERRIDE_REASONS = (
    "Minh chứng ban hành ngoài kỳ đánh giá",
    "Văn bản minh chứng không do cơ quan có thẩm quyền ban hành",
)
ACCEPT_REASONS = ("Giải trình hợp lý, đã bổ sung văn bản khi thẩm định", "Giải trình được Hội đồng chấp nhận")
REJECT_REASONS = ("Giải trình chưa thuyết phục, không có văn bản thay thế", "Không bổ sung minh chứng theo yêu cầu")
