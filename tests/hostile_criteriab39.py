"""Hostile criteria sets of the thirty-ninth session's helper criteriab39 (criteria authoring follow-ups).

Found by running the real ``pari`` (main at 8d75eac) on files made for it:

- ``pari validate`` of a set whose choice has levels labelled «Đạt chuẩn» (a, 8 points) and «Đạt  chuẩn»
  (b, two spaces inside, 0 points) said «hợp lệ», exit 0: a clerk cannot tell the two apart in a dropdown.
  ``pari score`` then gave «Đạt chuẩn» 8 points, «Đạt  chuẩn» 0 points, and refused «Đạt   chuẩn» (three
  spaces) as ``bad-value`` with the hint «“Đạt chuẩn”; “Đạt chuẩn”», exit 1. A level's answers and a
  cell are now both read composed (NFC), in lower case, with each run of spaces one space
  (rules.answer_key, tones.answer_key_expr): validate says ``ambiguous-level``, exit 1, and a set with one
  such label scores every spacing and Unicode form of it as that level.

- ``pari validate`` of the set saved as Windows-1258 (Notepad's «ANSI» on a Vietnamese Windows), typed
  in TCVN3 or in VNI, or of a UTF-8 set with one stray byte, said the same for each: «bo.yaml:2:10: không
  phải văn bản UTF-8 (byte 21) [not-utf8]», hint «lưu tệp dạng UTF-8», exit 1. Now the message names
  the likely encoding and the hint how to convert from it (letters.legacy_encoding.likely_encoding,
  criteria.file_text._not_utf8), in both languages.

- ``pari criteria import`` of the example annex with its text typed in TCVN3 was refused as ``legacy-font``,
  «trang tính không được đọc để tránh chấm trên chữ bị lỗi phông» (a scoring run's words, of an import that
  scores nothing), exit 1. Now ``annex-legacy-font``: no draft is written, rather than draft garbled titles.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); tests/test_hostile_criteriab39.py checks what each answers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from hostile_criteria import small_set
from hostile_csv import tcvn3_bytes, vni_bytes

Case = Callable[[Path], list[str]]

#: The yes/no leaf of tests/hostile_criteria.small_set.
_YES_NO = "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}"


def choice_set(first: str, second: str) -> str:
    """small_set with leaf 1.2 a choice of the levels a (``first``, 8 points) and b (``second``, 0 points)."""
    levels = (
        "inputs: {head: {type: level}}\n        rule:\n          kind: choice\n          input: head\n"
        "          levels:\n"
        f'            - {{value: a, label: "{first}", points: 8}}\n'
        f'            - {{value: b, label: "{second}", points: 0}}'
    )
    return small_set().replace(_YES_NO, levels)


def _validate(folder: Path, text: str) -> list[str]:
    (folder / "bo.yaml").write_text(text, encoding="utf-8")
    return ["validate", str(folder / "bo.yaml")]


def labels_an_inner_space_apart(folder: Path) -> list[str]:
    return _validate(folder, choice_set("Đạt chuẩn", "Đạt  chuẩn"))


def labels_a_tab_apart(folder: Path) -> list[str]:
    return _validate(folder, choice_set("Đạt chuẩn", "Đạt\\tchuẩn"))


def labels_nfd_and_case_apart(folder: Path) -> list[str]:
    return _validate(folder, choice_set("Đạt chuẩn", "ĐA\u0323T  CHUÂ\u0309N"))


#: Three communes, each answering 1.2 with one spelling of «Đạt chuẩn».
SPELLINGS = ["Đạt chuẩn", "Đạt  chuẩn", " đạt   CHUẨN ", "Đa\u0323t chuâ\u0309n", "Đạt\u00a0chuẩn"]


def scored_spellings(folder: Path) -> list[str]:
    """A valid set (levels «Đạt chuẩn» and «Chưa đạt») and one commune per spelling in SPELLINGS."""
    (folder / "bo.yaml").write_text(choice_set("Đạt chuẩn", "Chưa đạt"), encoding="utf-8")
    register = ["code,name,type,district,province"]
    rows = ["commune_code,criterion_id,input,value"]
    for n, spelling in enumerate(SPELLINGS, start=1):
        register.append(f"{n:05d},Xã {n},xã,Huyện B,Tỉnh C")
        rows += [f"{n:05d},1.1,done,9", f"{n:05d},1.1,planned,10", f'{n:05d},1.2,head,"{spelling}"']
    (folder / "communes.csv").write_text("\n".join(register) + "\n", encoding="utf-8")
    (folder / "long.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return ["score", "--criteria", "bo.yaml", "--communes", "communes.csv", "-o", "out", "--format", "csv", "long.csv"]


def annex_in_tcvn3(folder: Path) -> list[str]:
    """The example annex with every text cell as a TCVN3 font's bytes (read as Latin-1 characters)."""
    import openpyxl

    book = openpyxl.load_workbook(Path(__file__).resolve().parents[1] / "examples" / "annex" / "phu-luc-mau.xlsx")
    for row in book.active.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = tcvn3_bytes(cell.value).decode("latin-1")
    book.save(folder / "phu-luc.xlsx")
    return ["criteria", "import", str(folder / "phu-luc.xlsx"), "-o", str(folder / "bo.yaml")]


#: Windows-1258's tone marks: a letter it has no byte for is its base letter and one of these.
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258_bytes(text: str) -> bytes:
    """``text`` as Windows-1258 holds it: a letter with a tone as its letter and the tone's byte."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append((base + "".join(c for c in parts if c in _TONES)).encode("cp1258"))
    return b"".join(out)


def _encoded(folder: Path, raw: bytes) -> list[str]:
    (folder / "bo.yaml").write_bytes(raw)
    return ["validate", str(folder / "bo.yaml")]


def set_in_windows_1258(folder: Path) -> list[str]:
    return _encoded(folder, cp1258_bytes(small_set()))


def set_in_tcvn3(folder: Path) -> list[str]:
    return _encoded(folder, tcvn3_bytes(small_set()))


def set_in_vni(folder: Path) -> list[str]:
    return _encoded(folder, vni_bytes(small_set()))


def set_with_a_stray_byte(folder: Path) -> list[str]:
    return _encoded(folder, small_set().encode("utf-8").replace(b"max: 8", b"max: 8\xff"))


#: Each encoding case's problem and hint, Vietnamese then English.
ENCODINGS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "set-in-windows-1258": (
        (
            "lỗi: bo.yaml:2:10: không phải văn bản UTF-8 (byte 21); nhiều khả năng tệp được lưu bằng bảng mã "
            "Windows-1258 (tiếng Việt), như «ANSI» của Notepad [not-utf8]",
            "    gợi ý: mở tệp bằng Notepad, lưu lại với bảng mã «UTF-8», rồi chạy lại",
        ),
        (
            "error: bo.yaml:2:10: not UTF-8 text (byte 21); most likely it was saved as Windows-1258 (Vietnamese), "
            "as Notepad's «ANSI» does [not-utf8]",
            "    hint: open it in Notepad and use File › Save As with Encoding «UTF-8», then run again",
        ),
    ),
    "set-in-tcvn3": (
        (
            "lỗi: bo.yaml:2:10: không phải văn bản UTF-8 (byte 21); nhiều khả năng tệp được gõ bằng bảng mã TCVN3 "
            "(ABC, phông .VnTime) [not-utf8]",
            "    gợi ý: chuyển tệp sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, từ TCVN3 (ABC) sang Unicode), "
            "rồi lưu dạng UTF-8",
        ),
        (
            "error: bo.yaml:2:10: not UTF-8 text (byte 21); most likely it was typed in TCVN3 (ABC, the .VnTime "
            "fonts) [not-utf8]",
            "    hint: convert it to Unicode (e.g. Unikey's converter, from TCVN3 (ABC) to Unicode), then save it as "
            "UTF-8",
        ),
    ),
    "set-in-vni": (
        (
            "lỗi: bo.yaml:2:11: không phải văn bản UTF-8 (byte 22); nhiều khả năng tệp được gõ bằng bảng mã VNI "
            "(phông VNI-Times) [not-utf8]",
            "    gợi ý: chuyển tệp sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, từ VNI Windows sang Unicode), "
            "rồi lưu dạng UTF-8",
        ),
        (
            "error: bo.yaml:2:11: not UTF-8 text (byte 22); most likely it was typed in VNI (the VNI-Times fonts) "
            "[not-utf8]",
            "    hint: convert it to Unicode (e.g. Unikey's converter, from VNI Windows to Unicode), then save it as "
            "UTF-8",
        ),
    ),
    "set-with-a-stray-byte": (
        (
            "lỗi: bo.yaml:32:15: không phải văn bản UTF-8 (byte 825); tệp là UTF-8 trừ một vài byte lạ ở chỗ này "
            "(dán từ một tệp khác?) [not-utf8]",
            "    gợi ý: xoá hoặc gõ lại ký tự ở dòng và cột này, rồi lưu tệp dạng UTF-8",
        ),
        (
            "error: bo.yaml:32:15: not UTF-8 text (byte 825); the file is UTF-8 but for a few stray bytes here "
            "(pasted from another file?) [not-utf8]",
            "    hint: delete or retype the character at this line and column, then save the file as UTF-8",
        ),
    ),
}

#: Each validate case's problem (its file's folder left out), Vietnamese then English.
PROBLEMS: dict[str, tuple[str, str]] = {
    "labels-an-inner-space-apart": (
        "lỗi: bo.yaml:39:15: tiêu chí 1.2: câu trả lời «đạt chuẩn» chỉ hai mức, «a» và «b» [ambiguous-level]",
        "error: bo.yaml:39:15: criterion 1.2: the answer «đạt chuẩn» names two levels, «a» and «b» [ambiguous-level]",
    ),
    "labels-a-tab-apart": (
        "lỗi: bo.yaml:39:15: tiêu chí 1.2: câu trả lời «đạt chuẩn» chỉ hai mức, «a» và «b» [ambiguous-level]",
        "error: bo.yaml:39:15: criterion 1.2: the answer «đạt chuẩn» names two levels, «a» and «b» [ambiguous-level]",
    ),
    "labels-nfd-and-case-apart": (
        "lỗi: bo.yaml:39:15: tiêu chí 1.2: câu trả lời «đạt chuẩn» chỉ hai mức, «a» và «b» [ambiguous-level]",
        "error: bo.yaml:39:15: criterion 1.2: the answer «đạt chuẩn» names two levels, «a» and «b» [ambiguous-level]",
    ),
}

CASES: dict[str, Case] = {
    "labels-an-inner-space-apart": labels_an_inner_space_apart,
    "labels-a-tab-apart": labels_a_tab_apart,
    "labels-nfd-and-case-apart": labels_nfd_and_case_apart,
    "scored-spellings": scored_spellings,
    "set-in-windows-1258": set_in_windows_1258,
    "set-in-tcvn3": set_in_tcvn3,
    "set-in-vni": set_in_vni,
    "set-with-a-stray-byte": set_with_a_stray_byte,
    "annex-in-tcvn3": annex_in_tcvn3,
}
