"""The descriptions of the criteria format's JSON Schema (``pari schema``) in Vietnamese. The English
ones are the models' docstrings (pari_index.criteria.model, rules): an editor shows either, in the
language asked. Keys, type names and the format's own words (``on_time``, ``per``) stay as they are:
they are what a set is written with. Part of the catalogue's texts (pari_index.messages)."""

from __future__ import annotations

from pari_index.messages.words import Words

#: The schema's own title and description.
SCHEMA_TITLE = Words("Bộ tiêu chí của pari-index", "pari-index criteria set")
SCHEMA_DESCRIPTION = Words(
    "Bộ tiêu chí chỉ số cải cách hành chính cấp xã (docs/criteria.md).",
    "A commune-level PAR index criteria set (docs/criteria.md).",
)

#: The Vietnamese description of each definition of the schema that has one (tests/test_messages.py
#: checks that every described definition is here, and nothing else).
SCHEMA_DESCRIPTIONS_VI: dict[str, str] = {
    "Band": "Một mức xếp loại theo chỉ số (%), ví dụ Tốt từ 90, Khá từ 70 đến dưới 90.",
    "Bonus": "Cộng ``per`` điểm cho mỗi thành tích được đếm (một giá trị có/không tính là một), tối đa bằng "
    "điểm tối đa của tiêu chí. Chỉ dùng trong lĩnh vực ``adjustment``.",
    "Checklist": "Mỗi điều kiện đạt được cộng điểm của nó (Hải Phòng 3793 tiêu chí 1.1.2: ba điều kiện 0,1 điểm).",
    "Choice": "Một trong các mức được đặt tên, mỗi mức có số điểm hoặc một phần của điểm tối đa.",
    "CountTiers": "Điểm theo số lần một việc xảy ra: mức đầu tiên có ``at_least`` mà số lần đạt tới, liệt kê từ "
    "số lớn nhất xuống (4 cuộc họp: 20, 3: 15, 2: 10, 1: 5).",
    "DaysAfter": "Thời hạn tính từ một ngày đơn vị báo cáo: ``{days_after: 15, of: received}`` là 15 ngày sau "
    "ngày ở đầu vào ``received`` (một đầu vào kiểu ngày của cùng tiêu chí).",
    "Deadline": "Ngày ký so với thời hạn. Đúng hoặc trước ``deadline``: ``on_time`` điểm; sau đó (và đúng hoặc "
    "trước ``late_until`` nếu có): ``late`` điểm; không có ngày, hoặc sau ``late_until``: ``not_done`` điểm.\n\n"
    "Mỗi ngày có thể cố định (``2024-01-31``), là một ngày của năm đánh giá (``YearDate``) hoặc một số ngày sau "
    'một ngày đầu vào (``DaysAfter``); docs/criteria.md, mục "Relative deadlines".',
    "Decision": "Quyết định ban hành bộ tiêu chí (không bắt buộc khi bộ ghi nguồn ở ``source``).",
    "Deduction": "``start`` điểm (mặc định là điểm tối đa) trừ ``per`` cho mỗi vi phạm được đếm (một đầu vào "
    "có/không tính là một), không thấp hơn điểm sàn của tiêu chí.",
    "EvidenceSpec": "Một tài liệu xã phải đính kèm, ví dụ kế hoạch cải cách hành chính năm.",
    "InputType": "Loại số liệu xã báo cáo cho một đầu vào của tiêu chí.",
    "LevelLabel": "Một cấp tự đặt, ví dụ ``{vi: Ban quản lý, en: management board}``; ``en_plural`` khi số "
    "nhiều tiếng Anh không phải là tên thêm chữ s.",
    "Node": "Một lĩnh vực, tiêu chí hoặc tiêu chí thành phần. Nút có ``children`` là nhánh; nút có ``rule`` là "
    "tiêu chí được chấm điểm.",
    "Penalty": "Trừ ``per`` điểm cho mỗi vi phạm được đếm, tổng cộng tối đa bằng điểm tối đa của tiêu chí. Chỉ "
    "dùng trong lĩnh vực ``adjustment``.",
    "Proportional": "Tỷ lệ × điểm tối đa (tỷ lệ tối đa là 1), làm tròn như bộ quy định, rồi giữ trong khoảng "
    "[floor, cap]. Tỷ lệ là một tỷ suất, một đầu vào phần trăm / 100, hoặc khi đầu vào có ``range``: "
    "(đầu vào - from) / (to - from).",
    "Rate": "Tỷ lệ phần trăm tính từ hai số đếm được báo cáo: tử số / mẫu số × 100.",
    "Rounding": "Cách làm tròn điểm, theo từng cấp (docs/criteria.md §12).\n\n``places`` riêng là dạng cũ và "
    "giữ nguyên nghĩa: điểm tính ra của tiêu chí (quy tắc tỷ lệ), tổng điểm và chỉ số được làm tròn đến "
    "``places`` chữ số; lĩnh vực và phần là tổng chính xác. Mỗi cấp cũng có thể đặt riêng một số chữ số hoặc "
    "``none``; cấp không được đặt lấy giá trị từ dạng cũ.",
    "Tier": "Một khoảng của thang mức và điểm của nó.",
    "Tiers": "Điểm theo khoảng mà một số hoặc tỷ lệ rơi vào (Cà Mau 1.1.4: >90 %: 2 / 70-90 %: 1 / <70 %: 0).",
    "Timeliness": "Một trạng thái được báo cáo: đúng hạn, trễ hạn hoặc không thực hiện (Cà Mau: 1 / 0,5 / 0).",
    "UnitLevel": 'Cấp mà bộ xếp hạng: cấp chính quyền của các đơn vị (docs/criteria.md, mục "Levels").',
    "UnitType": "Các loại đơn vị cơ sở: xã, phường, thị trấn và, từ năm 2025, đặc khu.",
    "ValueRange": "Khoảng mà một đầu vào tỷ lệ được khai báo, ví dụ chỉ số thành phần chấm ``from: 0, to: 10``: "
    "``from`` không có điểm, ``to`` được điểm tối đa (kiểm tra bảo đảm ``from`` nhỏ hơn ``to``).",
    "YearDate": "Một ngày của năm đánh giá, hoặc của một năm trước hay sau nó: ``{month: 1, day: 31}`` là ngày "
    "31 tháng 1 của năm được chấm, ``{year: -1, month: 12, day: 15}`` là ngày 15 tháng 12 năm trước. Năm lấy "
    "từ ``pari score --year`` hoặc, mặc định, ``year`` của bộ tiêu chí.",
    "YesNo": "Đạt yêu cầu: ``yes`` điểm (mặc định là điểm tối đa), nếu không thì ``no`` điểm.",
}
