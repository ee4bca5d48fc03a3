"""Words added by the tenth session's sweep (kept apart from the other message modules, which
another session edited at the same time).

The operating system's reasons (its strerror, in English) that a run can meet on a file and that
:data:`pari_index.messages.command_line.OS_REASONS` did not hold: a file-size limit (``ulimit
-f``) gave "File too large" in a Vietnamese run. Every other error number gets
:data:`OS_REASON_OTHER`, the system's own words still after it in brackets.
"""

from __future__ import annotations

import errno
import os

#: Error numbers -> Vietnamese, beyond command_line.OS_REASONS.
MORE_OS_REASONS: dict[str, str] = {
    "EFBIG": "tệp vượt quá kích thước hệ thống cho phép",
    "ENFILE": "hệ thống đang mở quá nhiều tệp",
    "ENOMEM": "không đủ bộ nhớ",
    "EAGAIN": "tài nguyên tạm thời không dùng được, hãy thử lại",
    "EINTR": "thao tác bị ngắt giữa chừng",
    "EBADF": "tệp không còn mở",
    "ESPIPE": "không thể di chuyển trong tệp này (một đường ống?)",
    "ESTALE": "tệp trên ổ mạng không còn hợp lệ",
    "ETIMEDOUT": "hết thời gian chờ",
    "ENODEV": "không có thiết bị này",
    "EOVERFLOW": "giá trị quá lớn so với kiểu dữ liệu",
    "EMLINK": "quá nhiều liên kết",
    "ENOLCK": "không khóa được tệp",
    "ENOTSUP": "thao tác không được hỗ trợ",
    "EOPNOTSUPP": "thao tác không được hỗ trợ",
    "EILSEQ": "chuỗi byte không hợp lệ",
    "ECONNRESET": "kết nối bị đóng",
    "ENOTCONN": "chưa kết nối",
    "EHOSTDOWN": "máy chủ không hoạt động",
    "EHOSTUNREACH": "không tới được máy chủ",
    "ENETDOWN": "mạng không hoạt động",
    "ENETUNREACH": "không tới được mạng",
    "ECANCELED": "thao tác đã bị hủy",
    "ENOSYS": "hệ thống không hỗ trợ chức năng này",
    "EFAULT": "địa chỉ không hợp lệ",
    "EDEADLK": "tránh được bế tắc khi khóa tài nguyên",
    "ENOBUFS": "hết bộ đệm",
    "EPIPE": "đường ống bị đóng ở đầu kia",
    "ENOTTY": "không phải thiết bị đầu cuối",
    "ECHILD": "không có tiến trình con",
    "ESRCH": "không có tiến trình này",
    "E2BIG": "danh sách tham số quá dài",
    "ENOEXEC": "tệp không chạy được",
    "EREMOTEIO": "lỗi đọc/ghi ở máy từ xa",
    "ENOMEDIUM": "không có phương tiện lưu trữ trong ổ",
    "EMEDIUMTYPE": "sai loại phương tiện lưu trữ",
    "EUCLEAN": "cấu trúc hệ thống tệp cần sửa",
    "ENOKEY": "thiếu khóa cần thiết",
    "EKEYEXPIRED": "khóa đã hết hạn",
    "ENOTBLK": "cần một thiết bị khối",
    "ENOLINK": "liên kết đã bị cắt",
    "ECOMM": "lỗi liên lạc khi gửi",
    "EPROTO": "lỗi giao thức",
    "EBADMSG": "thông điệp không hợp lệ",
    "ETIME": "hết giờ",
    "ENODATA": "không có dữ liệu",
    "ENOSTR": "không phải luồng",
    "ENOSR": "hết tài nguyên luồng",
    "ERANGE": "kết quả vượt ngoài phạm vi",
    "EDOM": "đối số ngoài miền xác định",
    "EWOULDBLOCK": "tài nguyên tạm thời không dùng được, hãy thử lại",
}

#: Any other error number: "the operating system refused (number N)".
OS_REASON_OTHER = "hệ điều hành từ chối (lỗi số {number})"


def os_reason_vi_any(reason: str) -> str | None:
    """``reason`` in Vietnamese, its own words in brackets, when it is the strerror of any error
    number the system has (a table above, or OS_REASON_OTHER with the number); None for any other
    text. command_line.os_reason_vi's own table is consulted first."""
    for name, vietnamese in MORE_OS_REASONS.items():
        number = getattr(errno, name, None)
        if number is not None and os.strerror(number) == reason:
            return f"{vietnamese} ({reason})"
    for number in sorted(errno.errorcode):
        if os.strerror(number) == reason:
            return f"{OS_REASON_OTHER.format(number=number)} ({reason})"
    return None
