"""Hostile criteria sets of the thirty-ninth session's helper criteria39.

Found by running the real ``pari`` (main at 58397e2) on files made for it:

- ``pari criteria import`` of the example annex with cells merged down two rows (``C8:C9``, the
  maximum of two items typed once), a row hidden in Excel (row 9, an item), or a column hidden
  (E, the evidence): each was drafted, and told with the scoring run's finding kinds. In
  Vietnamese a merge was the bare title «Ô bị gộp: chỉ ô đầu có giá trị» with no cells (the
  import rebuilt the problem without its parameters) and the hint «bỏ gộp ô và điền giá trị vào
  từng dòng»; hidden rows were «1 dòng bị ẩn vẫn được đọc và chấm như các dòng khác … rồi chấm
  lại» (rows scored, run again) of an import that scores nothing, exit 0. Now ``annex-merged-cells``,
  ``annex-hidden-rows`` and ``annex-hidden-columns``, warnings naming the cells, rows or columns
  in both languages and saying the draft holds them (authoring.workbook_in._DRAFTED_AS).

- ``pari validate`` of a set with a plain key YAML reads as something other than text: an input
  named ``true:`` (``inputs: {true: {type: boolean}}``) was «1.2 › inputs.1: Input should be a valid
  string (got a YAML boolean: true/false)» (pydantic's key True, equal to 1), a ``~:`` key «1.2 ›
  None: Keys should be strings», each with the hint «quote the value, e.g. id: "1.10"»; and the
  input's use in the rule was «1.2 › rule.yes_no» (the rule's kind, pydantic's union tag, shown as
  a key). Now ``yaml-key-not-text`` at the key, said as written with what YAML read it as
  (yaml_reader._keys_not_text), then the key read as its text; the place is «1.2 › rule.input»
  (places.readable_place). Exit 1 before and after.

- ``pari validate`` of a set whose choice has two levels labelled «Đạt» and «Đạt » (a space typed
  after the second label, 0 points) said «hợp lệ», exit 0; ``pari score`` then read every answer
  «Đạt » (the form's list offers it) as «Đạt», trimmed as every cell is, and gave the 8 points of
  the first level, with no finding. A level's answers are now its texts without the spaces around
  them (rules.Level.answers): ``ambiguous-level`` at the second level, exit 1.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); tests/test_hostile_criteria39.py checks what each answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
ANNEX = ROOT / "examples" / "annex" / "phu-luc-mau.xlsx"

Case = Callable[[Path], list[str]]


def _import(folder: Path, change: Callable[[openpyxl.worksheet.worksheet.Worksheet], None]) -> list[str]:
    """The example annex changed by ``change``, saved as ``phu-luc.xlsx``, and the import of it."""
    book = openpyxl.load_workbook(ANNEX)
    change(book.active)
    book.save(folder / "phu-luc.xlsx")
    return ["criteria", "import", str(folder / "phu-luc.xlsx"), "-o", str(folder / "bo.yaml")]


def annex_maximum_merged_down(folder: Path) -> list[str]:
    """The maximum of items 1.1.1 and 1.1.2 typed once, merged down over both rows (C8:C9)."""
    return _import(folder, lambda sheet: sheet.merge_cells("C8:C9"))


def annex_row_hidden(folder: Path) -> list[str]:
    """Item 1.1.2's row (9) hidden in Excel."""

    def hide(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
        sheet.row_dimensions[9].hidden = True

    return _import(folder, hide)


def annex_column_hidden(folder: Path) -> list[str]:
    """The evidence column (E) hidden in Excel."""

    def hide(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
        sheet.column_dimensions["E"].hidden = True

    return _import(folder, hide)


def _validate(folder: Path, old: str, new: str) -> list[str]:
    """tests/hostile_criteria.small_set with ``old`` written as ``new``, and pari validate of it."""
    from hostile_criteria import small_set

    text = small_set()
    assert old in text
    (folder / "bo.yaml").write_text(text.replace(old, new), encoding="utf-8")
    return ["validate", str(folder / "bo.yaml")]


#: The yes/no leaf's input and rule, written with a key YAML reads as something other than text.
_YES_NO = "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}"


def key_true(folder: Path) -> list[str]:
    return _validate(folder, _YES_NO, _YES_NO.replace("{ok:", "{true:").replace("input: ok", "input: true"))


def key_null(folder: Path) -> list[str]:
    return _validate(folder, 'title: "Có quy chế"', 'title: "Có quy chế"\n        ~: 1')


def key_date_and_number(folder: Path) -> list[str]:
    return _validate(folder, 'title: "Có quy chế"', 'title: "Có quy chế"\n        2025-01-01: a\n        1.5: b')


def level_label_with_a_space(folder: Path) -> list[str]:
    """The yes/no leaf as a choice of «Đạt» (8 points) and «Đạt » (0 points)."""
    levels = (
        "inputs: {head: {type: level}}\n        rule:\n          kind: choice\n          input: head\n"
        "          levels:\n"
        '            - {value: a, label: "Đạt", points: 8}\n'
        '            - {value: b, label: "Đạt ", points: 0}'
    )
    return _validate(folder, _YES_NO, levels)


CASES: dict[str, Case] = {
    "annex-maximum-merged-down": annex_maximum_merged_down,
    "annex-row-hidden": annex_row_hidden,
    "annex-column-hidden": annex_column_hidden,
    "key-true": key_true,
    "key-null": key_null,
    "key-date-and-number": key_date_and_number,
    "level-label-with-a-space": level_label_with_a_space,
}

#: Each validate case's problems as pari validate prints them (its file's folder left out), Vietnamese then English.
PROBLEMS: dict[str, tuple[list[str], list[str]]] = {
    "level-label-with-a-space": (
        ["lỗi: bo.yaml:39:15: tiêu chí 1.2: câu trả lời «đạt» chỉ hai mức, «a» và «b» [ambiguous-level]"],
        ["error: bo.yaml:39:15: criterion 1.2: the answer «đạt» names two levels, «a» and «b» [ambiguous-level]"],
    ),
    "key-true": (
        [
            "lỗi: bo.yaml:33:18: YAML đọc khoá «true» là giá trị đúng/sai (true/false), không phải một tên; mọi khoá "
            "của bộ tiêu chí là một tên [yaml-key-not-text]",
            "lỗi: bo.yaml:34:37: 1.2 › rule.input: giá trị phải là văn bản [schema:string_type]",
        ],
        [
            "error: bo.yaml:33:18: YAML reads the key «true» as a boolean (true/false), not as a name; every key of a "
            "criteria set is a name [yaml-key-not-text]",
            "error: bo.yaml:34:37: 1.2 › rule.input: Input should be a valid string (got a YAML boolean: true/false) "
            "[schema:string_type]",
        ],
    ),
    "key-null": (
        [
            "lỗi: bo.yaml:32:9: YAML đọc khoá «~» là giá trị rỗng (null), không phải một tên; mọi khoá của bộ tiêu chí "
            "là một tên [yaml-key-not-text]",
            "lỗi: bo.yaml:32:9: 1.2 › ~: khoá «~» không có trong định dạng bộ tiêu chí [schema:extra_forbidden]",
        ],
        [
            "error: bo.yaml:32:9: YAML reads the key «~» as an empty value (null), not as a name; every key of a "
            "criteria set is a name [yaml-key-not-text]",
            "error: bo.yaml:32:9: 1.2 › ~: unknown key «~» [schema:extra_forbidden]",
        ],
    ),
    "key-date-and-number": (
        [
            "lỗi: bo.yaml:32:9: YAML đọc khoá «2025-01-01» là một ngày, không phải một tên; mọi khoá của bộ tiêu chí "
            "là một tên [yaml-key-not-text]",
            "lỗi: bo.yaml:33:9: YAML đọc khoá «1.5» là một số thập phân, không phải một tên; mọi khoá của bộ tiêu chí "
            "là một tên [yaml-key-not-text]",
            "lỗi: bo.yaml:32:9: 1.2 › 2025-01-01: khoá «2025-01-01» không có trong định dạng bộ tiêu chí "
            "[schema:extra_forbidden]",
            "lỗi: bo.yaml:33:9: 1.2 › 1.5: khoá «1.5» không có trong định dạng bộ tiêu chí [schema:extra_forbidden]",
        ],
        [
            "error: bo.yaml:32:9: YAML reads the key «2025-01-01» as a date, not as a name; every key of a criteria "
            "set is a name [yaml-key-not-text]",
            "error: bo.yaml:33:9: YAML reads the key «1.5» as a decimal number, not as a name; every key of a criteria "
            "set is a name [yaml-key-not-text]",
            "error: bo.yaml:32:9: 1.2 › 2025-01-01: unknown key «2025-01-01» [schema:extra_forbidden]",
            "error: bo.yaml:33:9: 1.2 › 1.5: unknown key «1.5» [schema:extra_forbidden]",
        ],
    ),
}

#: Each import case's warning as ``pari criteria import`` prints it, in Vietnamese then in English (the
#: example's own merge of E17:E18 is told by every case besides).
WARNINGS: dict[str, tuple[str, str]] = {
    "annex-maximum-merged-down": (
        "[Phụ lục I] hàng 8: các ô C8:C9 bị gộp: chỉ ô đầu có giá trị, các dòng bên dưới không có giá trị này "
        "trong bản dự thảo [annex-merged-cells]\n    gợi ý: kiểm tra các dòng đó trong bản dự thảo (hoặc bỏ gộp ô, "
        "điền từng dòng, rồi nhập lại)",
        "[Phụ lục I] row 8: cells C8:C9 are merged: only the first holds the value, the rows below it got no value "
        "in the draft [annex-merged-cells]\n    hint: check those rows in the draft (or unmerge the cells and fill "
        "each row, then import again)",
    ),
    "annex-row-hidden": (
        "[Phụ lục I] hàng 9: 1 dòng bị ẩn vẫn được đưa vào bản dự thảo như các dòng khác: các dòng 9 "
        "[annex-hidden-rows]\n    gợi ý: hiện mọi dòng (chọn tất cả rồi Unhide, hoặc bỏ bộ lọc), đối chiếu các "
        "dòng đó với quyết định và xoá những dòng không thuộc bộ tiêu chí; rồi nhập lại",
        "[Phụ lục I] row 9: 1 hidden row was drafted as the others: rows 9 [annex-hidden-rows]\n    hint: show every "
        "row (select all, then Unhide, or clear the filter), check those rows against the decision and delete those "
        "that are not part of the set; then import again",
    ),
    "annex-column-hidden": (
        "[Phụ lục I] hàng 5: các cột bị ẩn vẫn được đọc vào bản dự thảo như các cột khác: «Tài liệu kiểm chứng» "
        "[annex-hidden-columns]\n    gợi ý: hiện mọi cột (chọn tất cả rồi Unhide) và kiểm tra nội dung của chúng; "
        "rồi nhập lại",
        "[Phụ lục I] row 5: hidden columns were read into the draft as the others: «Tài liệu kiểm chứng» "
        "[annex-hidden-columns]\n    hint: show every column (select all, then Unhide) and check what they hold; "
        "then import again",
    ),
}
