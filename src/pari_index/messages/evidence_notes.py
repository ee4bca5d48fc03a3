"""Why an evidence file cannot be used (a note of pari_index.intake.evidence_files), in Vietnamese.
The notes are English sentences made where the file is looked at (a name's control character, a
PDF cut short, a web page saved as a document, a near name in the folder); the Vietnamese findings
left them out, so a commune told "Tệp minh chứng bị hỏng" was not told why, and the parameters kept
the English only. A note not in this table (one added later) is shown in English, marked as such.

tests/test_hostile_decoding30.py walks the notes in the source and checks that each is here.
"""

from __future__ import annotations

import re

from pari_index.messages.command_line import os_reason_vi
from pari_index.messages.yaml_words import ENGLISH_MARK

#: The kinds of document a note names (evidence_files._NAMED), in Vietnamese.
_KINDS = {"Word (.docx)": "Word (.docx)", "Excel (.xlsx)": "Excel (.xlsx)", "PowerPoint (.pptx)": "PowerPoint (.pptx)"}

#: English note (a regular expression over it, its named groups the file's words) -> Vietnamese.
EVIDENCE_NOTES: tuple[tuple[str, str], ...] = (
    (
        r"the name contains the bidi control (?P<code>U\+[0-9A-F]+), which shows it in another order",
        "tên chứa ký tự điều khiển hướng chữ {code}, khiến tên hiện ra theo thứ tự khác",
    ),
    (r"the name contains the control character (?P<code>U\+[0-9A-F]+)", "tên chứa ký tự điều khiển {code}"),
    (
        r"the name contains (?P<escape>\S+), Excel's escape for the control character (?P<code>U\+[0-9A-F]+)",
        "tên chứa {escape}, cách Excel ghi ký tự điều khiển {code}",
    ),
    (
        r"a part of the name is longer than (?P<limit>\d+) bytes, more than file systems allow",
        "một phần của tên dài hơn {limit} byte, quá mức các hệ thống tệp cho phép",
    ),
    (r"the name is longer than (?P<limit>\d+) bytes", "tên dài hơn {limit} byte"),
    (
        r"a symbolic link in the path leads round in a loop",
        "một liên kết tượng trưng trong đường dẫn dẫn vòng lại chính nó",
    ),
    (r"the name is too long for the file system", "tên quá dài với hệ thống tệp"),
    (r"permission denied", "không có quyền truy cập"),
    (r"the system refused it \((?P<reason>.*)\)", "hệ điều hành từ chối ({reason})"),
    (r"it is a folder", "đây là một thư mục"),
    (r"it is not a regular file", "đây không phải tệp thông thường"),
    (
        r"the (?P<kind>.+) file ends before its end mark: it was cut short when it was copied or downloaded",
        "tệp {kind} dừng trước dấu kết thúc của nó: tệp bị cắt ngắn khi chép hoặc tải về",
    ),
    (
        r"the file is a web page \(HTML\), not a (?P<kind>.+) document",
        "tệp là một trang web (HTML), không phải văn bản {kind}",
    ),
    (r"the file's content is not that of a (?P<kind>.+) document", "nội dung tệp không phải của một văn bản {kind}"),
    (r"the evidence folder cannot be used \((?P<reason>.*)\)", "không dùng được thư mục minh chứng ({reason})"),
    (
        r"the name looks typed with a legacy Vietnamese font \(TCVN3/ABC or VNI\): convert it to Unicode"
        r" \(e\.g\. Unikey's converter\) to match the file's name",
        "tên tệp có vẻ được gõ bằng phông tiếng Việt cũ (TCVN3/ABC hoặc VNI): hãy chuyển tên sang Unicode"
        " (ví dụ bằng công cụ chuyển mã của Unikey) cho khớp với tên tệp",
    ),
    (
        r"the folder has a file of a near name, (?P<name>«.*»)",
        "thư mục có một tệp tên gần giống: {name} (tệp chép thêm, đổi đuôi hoặc gõ khác tên?)",
    ),
)
_COMPILED = tuple((re.compile(english, re.DOTALL), vietnamese) for english, vietnamese in EVIDENCE_NOTES)


def evidence_note(text: str, lang: str) -> str:
    """An evidence file's note as the findings keep it (``": <note>"``, or "") in ``lang``: in
    Vietnamese from :data:`EVIDENCE_NOTES`, else in English marked with ENGLISH_MARK."""
    if lang != "vi" or not text:
        return text
    lead, note = (": ", text[2:]) if text.startswith(": ") else ("", text)
    for english, vietnamese in _COMPILED:
        found = english.fullmatch(note)
        if found is not None:
            words = {name: _KINDS.get(value, value) for name, value in found.groupdict().items()}
            if "reason" in words:
                words["reason"] = os_reason_vi(words["reason"]) or words["reason"]
            return lead + vietnamese.format(**words)
    return lead + note + ENGLISH_MARK


__all__ = ["EVIDENCE_NOTES", "evidence_note"]
