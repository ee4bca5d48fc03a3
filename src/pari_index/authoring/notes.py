"""The `todo:` notes of a draft and the reasons a method was not read, in Vietnamese and English.

A note is a key and its arguments; its text is chosen once, in the language of the output
(``pari criteria import --lang``)."""

from __future__ import annotations

from dataclasses import dataclass, field

#: key -> (Vietnamese, English).
NOTES: dict[str, tuple[str, str]] = {
    "empty": ("ô phương pháp chấm điểm để trống", "the scoring method is empty"),
    "cut-cell": (
        "ô này bị cắt ngắn khi xuất phụ lục vì dài hơn một ô Excel chứa được: chép lại đoạn văn đầy đủ từ bộ tiêu chí",
        "the cell was cut short when the annex was written, longer than an Excel cell holds: copy the whole text"
        " from the set",
    ),
    "no-unit": (
        "không thấy loại đơn vị (xã, phường, thị trấn, đặc khu) trong {line}",
        "no unit type (xã, phường, thị trấn, đặc khu) in {line}",
    ),
    "no-floor": ("không thấy số điểm trong {line}", "no number of points in {line}"),
    "only-policy": (
        "chỉ nói khi nào áp dụng, chưa nói cách chấm",
        "the method says only when the item applies, not how it is scored",
    ),
    "rate-words": (
        "có câu «mẫu số bằng 0» nhưng cách chấm không tính theo tỷ lệ",
        "«mẫu số bằng 0» is said of a method that has no rate",
    ),
    "no-clause": ("không có mức nào kèm số điểm (như «đạt: 1 điểm»)", "no clause with points (such as «đạt: 1 điểm»)"),
    "no-points": (
        "không có số điểm ở {clause} (viết như «từ 80% đến dưới 100%: 1 điểm»)",
        "no points in {clause} (write e.g. «từ 80% đến dưới 100%: 1 điểm»)",
    ),
    "ambiguous": (
        "{clause} không nói mỗi đầu mút thuộc mức nào: viết «từ 70% đến dưới 90%»",
        "{clause} does not say which band holds each edge: write «từ 70% đến dưới 90%»",
    ),
    "policy-in-clause": (
        "{line} có cả một mức có điểm và một câu về trường hợp không phát sinh, đơn vị áp dụng hay điểm thấp "
        "nhất: viết câu ấy thành một dòng riêng",
        "{line} holds a clause with points and a sentence about N/A, units or the floor: put that sentence on a "
        "line of its own",
    ),
    "signed-points": (
        "{clause} trừ hoặc cộng điểm, nhưng không viết theo mẫu «Có …: trừ 1 điểm» hay «Mỗi …: trừ 0,25 điểm» "
        "để biết trừ khi nào",
        "{clause} takes points away or adds them, but not in the form «Có …: trừ 1 điểm» or «Mỗi …: trừ 0,25 "
        "điểm» that says when",
    ),
    "levels?": (
        "nhiều mức không theo thang: nếu chấm theo một mức, viết «Chấm theo một trong các mức:»",
        "several conditions without a ladder: is it a choice of levels («Chấm theo một trong các mức:»)?",
    ),
    "mixed": ("các mức vừa là khoảng vừa là điều kiện khác", "the clauses mix ladder bands with other conditions"),
    "yes-no?": (
        "hai mức có điểm nhưng không mức nào bắt đầu bằng «không …» (danh mục? chọn mức?)",
        "two conditions with points, neither of them a «không …» (is it a checklist? a choice?)",
    ),
    "status?": (
        "{clause} không phải đúng hạn, chậm hay không thực hiện",
        "{clause} is neither on time, late nor not done",
    ),
    "bad-date": ("{clause} có ngày không tồn tại", "{clause} holds a date that does not exist"),
    "which-deadline": ("không rõ {clause} nói về thời hạn nào", "cannot tell which deadline {clause} is about"),
    "no-deadline": (
        "không có ngày hết hạn («đến hết ngày dd/mm/yyyy»)",
        "no deadline date («đến hết ngày dd/mm/yyyy»)",
    ),
    "no-lines": (
        "{what} không liệt kê dòng nào («– nội dung: 0,25 điểm»)",
        "the {what} lists no lines («– nội dung: 0,25 điểm»)",
    ),
    "share-in-checklist": (
        "dòng danh mục phải ghi số điểm, không ghi phần trăm điểm tối đa: {clause}",
        "a checklist line gives points, not a share of the maximum: {clause}",
    ),
    "bonus-outside": (
        "cộng điểm theo lần ngoài phần điểm thưởng (mục này có thuộc phần điểm thưởng không?)",
        "points added per occurrence outside a bonus area (is this item in the bonus area?)",
    ),
    "cap-differs": (
        "mức tối đa {cap} điểm trong cách chấm khác điểm tối đa {max} của mục",
        "the cap of {cap} points in the method differs from the item's maximum of {max}",
    ),
    "method": ("chưa nhận ra cách chấm: {reason}", "method not recognised: {reason}"),
    "number": ("số thứ tự không đọc được", "unreadable number"),
    "number-twice": ("số thứ tự {id} xuất hiện hai lần", "the number {id} appears twice"),
    "no-title": ("thiếu tên tiêu chí", "the title is empty"),
    "no-parent": ("không có mục cha {id}", "no item {id} above it"),
    "bad-max": ("điểm tối đa không đọc được", "unreadable maximum"),
    "points-thousands": (
        "{written} là {thousands} điểm (dấu chấm phân cách hàng nghìn, như văn bản tiếng Việt) hay {decimal} điểm"
        " (dấu chấm thập phân)? ghi {decimal} hoặc {thousands}",
        "is {written} {thousands} points (a thousands point, as Vietnamese text writes it), or {decimal} (a"
        " decimal point)? write {decimal} or {thousands}",
    ),
    "no-max": ("thiếu điểm tối đa", "no maximum"),
    "cell": ("dòng {row}, cột «{column}»: {quote} — {reason}", "row {row}, column «{column}»: {quote} — {reason}"),
    "no-cover": (
        "phụ lục không có trang thông tin bộ: điền title, year, province, issuer, decision.number, "
        "decision.date, ranking.within (district | province); kiểm tra scale và parts (đã cộng từ phụ lục)",
        "the annex has no cover sheet: fill in title, year, province, issuer, decision.number, decision.date, "
        "ranking.within (district | province); check scale and parts (summed from the annex)",
    ),
    "no-classes": (
        "phụ lục không có xếp loại: thêm classes, ví dụ - {{name: Tốt, from: 80, below: 90}}",
        "the annex has no classes (Xếp loại): add them, e.g. - {{name: Tốt, from: 80, below: 90}}",
    ),
}


@dataclass(frozen=True)
class Note:
    """A reason or a todo, written out in one language when it is shown."""

    key: str
    args: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str = "vi") -> str:
        vi, en = NOTES[self.key]
        args = {k: v.text(lang) if isinstance(v, Note) else v for k, v in self.args.items()}
        return (en if lang == "en" else vi).format(**args)


def note(key: str, **args: object) -> Note:
    return Note(key, args)


__all__ = ["NOTES", "Note", "note"]
