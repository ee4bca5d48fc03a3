"""Session 12's walkthrough as the three users: a commune clerk filling the form of `pari template`
in Excel as clerks do (numbers and dates typed as text, "Có"/"Không", a percentage typed with %,
a notes column, a merged title above the headings), the province officer reading what comes back
in Vietnamese, and an analyst importing the library."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner
from test_hostile_values import _write_rows

from pari_index.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _register(folder: Path) -> Path:
    """The example register cut to its first unit (Phường Hồng Cẩm, 00001), as a clerk's form is."""
    lines = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig").splitlines()
    path = folder / "communes.csv"
    path.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    return path


def _allowed_first(allowed: str) -> str:
    """The first answer a row's «Giá trị hợp lệ» cell offers."""
    return allowed.split(" / ")[0]


def clerk_form(folder: Path, *, title: bool) -> Path:
    """`pari template` for one unit, filled in as a clerk types it in Excel: every value as text
    (12, 7,5, 85%, 04/06/2025), yes/no as Có/Không, the first answer a choice offers, a self-score
    of 0,75 and the evidence on each item's row, a notes column, and (``title``) a merged title
    row inserted above the headings."""
    form = folder / "form.xlsx"
    made = CliRunner().invoke(main, ["template", "-o", str(form), "--communes", str(_register(folder))])
    assert made.exit_code == 0, made.output
    book = openpyxl.load_workbook(form)
    sheet = book["Tự đánh giá"]
    sheet.protection.sheet = False
    head = {cell.value: cell.column for cell in sheet[1]}
    for r in range(2, sheet.max_row + 1):
        if str(sheet.cell(r, head["Áp dụng cho"]).value).startswith("Không áp dụng"):
            continue
        allowed = str(sheet.cell(r, head["Giá trị hợp lệ"]).value)
        label = str(sheet.cell(r, head["Nội dung đầu vào"]).value)
        if allowed.startswith("ngày"):
            value = "04/06/2025"
        elif allowed == "có / không":
            value = "Có" if r % 2 else "Không"
        elif "%" in label:
            value = "85%"
        elif allowed.startswith("số nguyên"):
            value = "12"
        elif allowed.startswith("số"):
            value = "7,5"
        else:
            value = _allowed_first(allowed)
        sheet.cell(r, head["Giá trị"]).value = value
        if sheet.cell(r, head["Hướng dẫn"]).value:
            sheet.cell(r, head["Điểm tự đánh giá"]).value = "0,75"
            if sheet.cell(r, head["Minh chứng yêu cầu"]).value:
                sheet.cell(r, head["Số văn bản"]).value = "12/KH-UBND"
                sheet.cell(r, head["Ngày văn bản"]).value = "05/06/2025"
                sheet.cell(r, head["Tệp minh chứng"]).value = "kh-cchc.pdf"
    notes = len(head) + 1
    sheet.cell(1, notes).value = "Ghi chú"
    sheet.cell(2, notes).value = "đã kiểm tra lại"
    if title:
        sheet.insert_rows(1)
        sheet.cell(1, 1).value = "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2025 - PHƯỜNG HỒNG CẨM"
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(head))
    filled = folder / "filled.xlsx"
    book.save(filled)
    return filled


def _score(folder: Path, form: Path, *extra: str) -> tuple[int, str, Path]:
    out = folder / "results.xlsx"
    args = ["score", str(form), "--communes", str(folder / "communes.csv"), "--no-survey", "-o", str(out), *extra]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output, out


def _sheet(path: Path, name: str) -> pl.DataFrame:
    import fastexcel

    return fastexcel.read_excel(str(path)).load_sheet(name, dtypes="string").to_polars()


def test_a_merged_title_above_the_headings_is_read_as_a_title(tmp_path: Path) -> None:
    """A clerk's merged title row above the form's headings: the rows below are read as without
    it (the same scores, the same row numbers one lower), and the title is said, not dropped."""
    plain, titled = tmp_path / "plain", tmp_path / "titled"
    plain.mkdir()
    titled.mkdir()
    code, plain_output, without = _score(plain, clerk_form(plain, title=False))
    code_titled, output, with_title = _score(titled, clerk_form(titled, title=True))
    # Exit 0 for both: the notes column is told as notes (notes-column, a warning; until session 30
    # an unknown-column error, exit 1, that marked the run incomplete); no row is refused.
    assert code == code_titled == 0, output
    assert "đọc 76, dùng 73, từ chối 0" in plain_output and "đọc 76, dùng 73, từ chối 0" in output
    columns = ["Mã đơn vị", "Mã tiêu chí", "Điểm tự chấm", "Điểm tính theo quy tắc", "Điểm cuối"]
    assert _sheet(with_title, "Tiêu chí").select(columns).equals(_sheet(without, "Tiêu chí").select(columns))
    findings = _sheet(with_title, "Phát hiện")
    title = findings.filter(pl.col("Mã loại phát hiện") == "title-row")
    assert title.select("Mức độ", "Dòng", "Nội dung").rows() == [
        (
            "Cảnh báo",
            "1",
            "dòng phía trên dòng tên cột được đọc là tiêu đề, không phải số liệu: "
            "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2025 - PHƯỜNG HỒNG CẨM",
        )
    ]
    # The notes column is named on the headings' row, 2 below the title (1 without it).
    for path, row in ((with_title, "2"), (without, "1")):
        notes = _sheet(path, "Phát hiện").filter(pl.col("Mã loại phát hiện") == "notes-column")
        assert notes.select("Mức độ", "Dòng", "Cột").rows() == [("Cảnh báo", row, "Ghi chú")]
        # What the clerk does about it: nothing, for remarks.
        assert notes["Cách xử lý"].to_list() == [
            "ghi chú thì không cần làm gì; tiêu chí không phát sinh thì đánh dấu ở cột n/a, còn giá trị cần chấm"
            " thì ghi ở cột riêng của nó (pari template)"
        ]
    # The merged title is that finding, not also a merged-cells error.
    assert findings.filter(pl.col("Mã loại phát hiện") == "merged-cells").height == 0
    rows = _sheet(with_title, "Dòng đầu vào")
    assert rows.height == _sheet(without, "Dòng đầu vào").height > 60


def _workbook(path: Path, rows: list[list[str | None]]) -> Path:
    return _write_rows(path, rows)


@pytest.mark.parametrize(
    ("rows", "titles", "columns"),
    [
        # The first row is the headings: nothing skipped.
        ([["commune_code", "note"], ["00001", "x"]], [], ["commune_code", "note"]),
        # A table of one column has no row of two cells: nothing is a title.
        ([["commune_code"], ["00001"]], [], ["commune_code"]),
        # A title in the second column, and a blank row, above the headings.
        (
            [[None, "Biểu 01"], [None, None], ["commune_code", "note"], ["00001", "x"]],
            [(1, "Biểu 01")],
            ["commune_code", "note"],
        ),
    ],
)
def test_only_rows_of_one_cell_above_a_row_of_two_are_titles(
    tmp_path: Path, rows: list[list[str | None]], titles: list[tuple[int, str]], columns: list[str]
) -> None:
    from pari_index.intake.xlsx import read_excel

    path = _workbook(tmp_path / "t.xlsx", rows)
    result = read_excel(path, str(path))
    assert [(p.code, p.row, p.params and p.params["text"]) for p in result.problems] == [
        ("title-row", row, text) for row, text in titles
    ]
    (sheet,) = result.sheets
    assert [c for c in sheet.frame.columns if not c.startswith("_")] == columns
    assert sheet.frame["_row"].to_list() == [len(rows)]


def test_the_form_says_a_choice_s_levels_apart(tmp_path: Path) -> None:
    """A choice's levels hold commas ("Đạt chuẩn, trang thiết bị hiện đại"): the «Giá trị hợp lệ»
    cell puts " / " between them, as between yes/no and a deadline's answers (a comma between
    them made three levels read as five, and a clerk copying one wrote them all)."""
    form = tmp_path / "form.xlsx"
    assert CliRunner().invoke(main, ["template", "-o", str(form), "--unit-type", "xã"]).exit_code == 0
    sheet = _sheet(form, "Tự đánh giá")
    chosen = sheet.filter(pl.col("Tiêu chí").is_in(["3.4.1", "7.5", "1.2"]))
    allowed = dict(chosen.select("Tiêu chí", "Giá trị hợp lệ").rows())
    assert allowed == {
        "1.2": "đúng hạn / trễ hạn / không thực hiện",
        "3.4.1": "Đạt chuẩn, trang thiết bị hiện đại / Đạt chuẩn tối thiểu / Chưa đạt chuẩn",
        "7.5": "Duy trì, cải tiến đầy đủ / Áp dụng chưa đầy đủ / Không áp dụng",
    }


# ---------------------------------------------------------------------------------------------
# The province officer: what the Vietnamese pages say


def test_the_bundled_sets_labels_speak_the_form_s_answers() -> None:
    """An input's Vietnamese label is what the clerk reads beside the value cell, whose answers are
    có/không: a label saying "(true = bị trừ)" spoke of an answer the form does not offer."""
    import re

    from pari_index.criteria.loading import load_criteria

    english = re.compile(r"\b(?:true|false|yes|no)\b", re.IGNORECASE)
    found = [
        (path.name, leaf.id, spec.label)
        for path in sorted((ROOT / "criteria").glob("*.yaml"))
        for leaf in load_criteria(path).criteria.leaves()
        for spec in leaf.inputs.values()
        if spec.label and english.search(spec.label)
    ]
    assert found == []


def test_readme_s_command_table_names_every_command() -> None:
    """README's table of `pari` commands names each command `pari --help` lists (criteria export
    and import, and diff, were missing), subcommands included."""
    import re

    from pari_index.cli import main as group

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## The `pari` command", 1)[1].split("\n\n", 2)[1]
    named = set(re.findall(r"`pari ([a-z-]+(?: [a-z]+)?)", table))
    commands = set()
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        commands |= {f"{name} {sub}" for sub in subcommands} if subcommands else {name}
    missing = {c for c in commands if not any(n == c or n.startswith(c + " ") for n in named)}
    assert missing == set(), missing
    assert len(commands) == 10


def test_a_missing_column_lists_the_headings_as_the_file_writes_them(tmp_path: Path) -> None:
    """ "thiếu cột value; có các cột Mã, Tiêu chí": the headings found are the clerk's own, not the
    ids they were read as (it said "có các cột commune_code, criterion_id" of a sheet headed Mã,
    Tiêu chí)."""
    path = _workbook(tmp_path / "bad.xlsx", [["Mã", "Tiêu chí"], ["00001", "1.1.1"]])
    register = _register(tmp_path)
    args = ["score", str(path), "--communes", str(register), "--no-survey", "-o", str(tmp_path / "r.xlsx")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "hàng 1: thiếu cột giá trị (value); có các cột Mã, Tiêu chí [missing-column]" in result.output
    # The register's too (intake.tables.read_with_columns).
    book = _workbook(tmp_path / "communes.xlsx", [["Mã đơn vị", "Ghi chú"], ["00001", "x"]])
    args = ["score", str(path), "--communes", str(book), "--no-survey", "-o", str(tmp_path / "r.xlsx")]
    assert "có các cột Mã đơn vị, Ghi chú" in CliRunner().invoke(main, args).output


def test_findings_name_a_form_s_columns_as_the_form_writes_them(tmp_path: Path) -> None:
    """A clerk's mistakes are placed at the form's headings («Giá trị», «Điểm tự đánh giá», «Ngày
    văn bản»), on the console and in the findings sheet, not at the columns' ids (value,
    self_score, evidence_date), and an evidence field is named by its heading in the sentence."""
    form = clerk_form(tmp_path, title=False)
    book = openpyxl.load_workbook(form)
    sheet = book["Tự đánh giá"]
    head = {cell.value: cell.column for cell in sheet[1]}
    whole = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, head["Giá trị"]).value == "12")
    sheet.cell(whole, head["Giá trị"]).value = "mười"
    sheet.cell(3, head["Điểm tự đánh giá"]).value = "abc"
    sheet.cell(4, head["Ngày văn bản"]).value = "31/01/2025"  # the item's other row says 05/06/2025
    book.save(form)
    code, output, out = _score(tmp_path, form)
    assert code == 1, output
    assert f"hàng {whole} cột «Giá trị»: mười không phải là một số nguyên [bad-value]" in output
    assert "hàng 3 cột «Điểm tự đánh giá»: abc không phải là một số điểm [bad-value]" in output
    assert "cột «Ngày văn bản»: xã 00001, tiêu chí 1.1.2, Ngày văn bản được ghi nhiều lần" in output
    found = _sheet(out, "Phát hiện")
    assert set(found["Cột"].drop_nulls()) == {"Giá trị", "Điểm tự đánh giá", "Ngày văn bản", "Ghi chú"}
    assert not any("evidence_date" in m or "self_score" in m for m in found["Nội dung"].to_list())


@pytest.mark.parametrize(
    ("lines", "titles", "columns", "first"),
    [
        (["commune_code,note", "00001,x"], [], ["commune_code", "note"], 2),
        (["commune_code", "00001"], [], ["commune_code"], 2),
        # A form saved as CSV from Excel: its title line (the other cells empty), a blank line.
        (["BẢNG TỰ ĐÁNH GIÁ,,", ",,", "commune_code,note,x", "00001,a,b"], [(1, "BẢNG TỰ ĐÁNH GIÁ")], None, 4),
    ],
)
def test_a_csv_s_title_lines_are_titles_as_in_a_workbook(
    tmp_path: Path, lines: list[str], titles: list[tuple[int, str]], columns: list[str] | None, first: int
) -> None:
    from pari_index.intake.tables import read_table_file

    path = tmp_path / "t.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_table_file(path)
    assert [(p.code, p.row, p.params and p.params["text"]) for p in result.problems] == [
        ("title-row", row, text) for row, text in titles
    ]
    (sheet,) = result.sheets
    assert [c for c in sheet.frame.columns if not c.startswith("_")] == (columns or ["commune_code", "note", "x"])
    assert sheet.frame["_row"].to_list() == [first]
