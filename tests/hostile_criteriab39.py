"""Hostile criteria sets of the thirty-ninth session's helper criteriab39 (criteria authoring follow-ups).

Found by running the real ``pari`` (main at 8d75eac) on files made for it:

- ``pari validate`` of a set whose choice has levels labelled «Đạt chuẩn» (a, 8 points) and «Đạt  chuẩn»
  (b, two spaces inside, 0 points) said «hợp lệ», exit 0: a clerk cannot tell the two apart in a dropdown.
  ``pari score`` then gave «Đạt chuẩn» 8 points, «Đạt  chuẩn» 0 points, and refused «Đạt   chuẩn» (three
  spaces) as ``bad-value`` with the hint «“Đạt chuẩn”; “Đạt chuẩn”», exit 1. A level's answers and a
  cell are now both read composed (NFC), in lower case, with each run of spaces one space
  (rules.answer_key, tones.answer_key_expr): validate says ``ambiguous-level``, exit 1, and a set with one
  such label scores every spacing and Unicode form of it as that level.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); tests/test_hostile_criteriab39.py checks what each answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_criteria import small_set

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
}
