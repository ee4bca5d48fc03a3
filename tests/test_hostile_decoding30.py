"""What the cases of tests/hostile_decoding30.py answer: every file of the evidence folder is scored
or told (with the near name a row gives), why an evidence file is damaged is said in Vietnamese
too, a count written with a thousands separator is told how to write it, full-width digits are the
numbers they show, and the survey is one word in Vietnamese. The cases run as real child processes
with a time-out, in both languages."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hostile_decoding30 import CASES, CUT_SHORT, DOTTED, EXPECTED, NEAR, NOT_WRITTEN, PDF, STRAY, WEB_PAGE
from sweeps import case_tests, language_tests, sweep_child

import pari_index as pari
from pari_index.intake import evidence_files
from pari_index.intake.evidence_files import FolderIndex, check_evidence_file, name_skeleton
from pari_index.messages.evidence_notes import evidence_note
from pari_index.messages.yaml_words import ENGLISH_MARK
from pari_index.scoring import evidence

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

_ROOT = Path(__file__).resolve().parent.parent


def _findings(folder: Path, sheet: str) -> pl.DataFrame:
    """The findings sheet of ``out.xlsx`` in ``folder``, every cell as text."""
    book = openpyxl.load_workbook(folder / "out.xlsx", read_only=True)
    rows = [tuple(row) for row in book[sheet].iter_rows(values_only=True)]
    book.close()
    return pl.DataFrame([[str(c) for c in row] for row in rows[1:]], schema=[str(c) for c in rows[0]], orient="row")


def _messages(findings: pl.DataFrame, kind: str) -> list[str]:
    kinds = findings.columns[1]  # «Kind (code)» / «Mã loại phát hiện»
    return findings.filter(pl.col(kinds) == kind)[findings.columns[9]].to_list()


def test_files_no_row_names_are_told_with_the_near_name_a_row_gives(tmp_path: Path) -> None:
    done = sweep_child([*CASES["well-evidence-near-names"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    findings = _findings(tmp_path, "Findings")
    unused = sorted(_messages(findings, "evidence-file-unused"))
    (plan, report) = sorted(NEAR)
    assert unused == sorted(
        [
            f"«{NEAR[plan]}» in the evidence folder is named by no row of the assessments, so it counts for no item;"
            f" it is near «{plan}», a name a row gives that is not in the folder",
            f"«{NEAR[report]}» in the evidence folder is named by no row of the assessments, so it counts for no"
            f" item; it is near «{report}», a name a row gives that is not in the folder",
            f"«{STRAY}» in the evidence folder is named by no row of the assessments, so it counts for no item",
        ]
    ), unused
    missing = _messages(findings, "evidence-file_not_found")
    assert sorted(missing) == sorted(
        f"Evidence file not found: the item scores 0 ({name}): the folder has a file of a near name, «{NEAR[name]}»"
        for name in NEAR
    ), missing
    # The files the rows name are not told: each is some item's evidence.
    assert not [m for m in unused if "1_1_2_KH_54_2025.pdf»" in m.split(";")[0]]


def test_why_an_evidence_file_is_damaged_is_said_in_vietnamese(tmp_path: Path) -> None:
    done = sweep_child(CASES["well-evidence-damaged-reasons"](tmp_path), tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    damaged = sorted(_messages(_findings(tmp_path, "Phát hiện"), "evidence-damaged_file"))
    assert damaged == [
        f"Tệp minh chứng bị hỏng: tiêu chí được 0 điểm ({WEB_PAGE}): tệp là một trang web (HTML), không phải"
        " văn bản PDF",
        f"Tệp minh chứng bị hỏng: tiêu chí được 0 điểm ({CUT_SHORT}): tệp PDF dừng trước dấu kết thúc của nó:"
        " tệp bị cắt ngắn khi chép hoặc tải về",
    ], damaged
    unused = _messages(_findings(tmp_path, "Phát hiện"), "evidence-file-unused")
    assert f"tệp «{STRAY}» trong thư mục minh chứng không được dòng nào của các tệp tự đánh giá ghi tên" in " ".join(
        unused
    )


def _notes(tmp_path: Path) -> list[str]:
    """Every kind of note the evidence folder's checks give, made by the checks themselves."""
    notes = [
        evidence_files._name_problem(name) or ""
        for name in ("a\x07.pdf", "a\u202e.pdf", "a_x0007_.pdf", "a" * 300 + ".pdf", "a/" * 2100 + "a.pdf")
    ]
    notes += [evidence_files._os_refusal(OSError(n, "Input/output error"))[1] for n in (40, 36, 13, 5)]
    (tmp_path / "dir.pdf").mkdir()
    (tmp_path / "html.pdf").write_bytes(b"<html><body>404</body></html>")
    (tmp_path / "cut.pdf").write_bytes(PDF[:20])
    (tmp_path / "other.docx").write_bytes(b"plain text")
    (tmp_path / "KH 72 (1).pdf").write_bytes(PDF)
    root = tmp_path.resolve()
    for name in ("dir.pdf", "html.pdf", "cut.pdf", "other.docx", "KH 72.pdf"):
        notes.append(check_evidence_file(root, name, {}, lambda: FolderIndex.of(root))[1])
    assert all(notes), notes
    return notes


def test_every_note_on_an_evidence_file_has_its_vietnamese(tmp_path: Path) -> None:
    for note in _notes(tmp_path):
        vietnamese = evidence_note(": " + note, "vi")
        assert vietnamese.startswith(": ") and not vietnamese.endswith(ENGLISH_MARK), note
        assert evidence_note(": " + note, "en") == ": " + note
    assert evidence_note(": the system refused it (Input/output error)", "vi").startswith(": hệ điều hành từ chối (")
    assert evidence_note(": a note added later", "vi") == ": a note added later" + ENGLISH_MARK
    assert evidence_note("", "vi") == ""
    assert errno.ELOOP == 40  # the numbers _notes gives the system's refusals


def test_near_names_are_a_clerk_s_copies_not_other_documents() -> None:
    same = ["KH 72.pdf", "kh_72.PDF", "KH 72 (1).pdf", "KH-72 - Copy.pdf", "Copy of KH 72.docx", "KH 72 - Bản sao.pdf"]
    assert {name_skeleton(n) for n in same} == {"kh72"}
    assert name_skeleton("Kế hoạch 72.pdf") == name_skeleton("ke hoach 72.PDF.pdf") == "kehoach72"
    assert name_skeleton("KH 27.pdf") != name_skeleton("KH 72.pdf")
    assert name_skeleton("minh chứng/KH 72.pdf") == "kh72"
    assert name_skeleton("__.pdf") == name_skeleton("-.docx") == ""


def test_a_folder_too_large_to_list_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ev"
    folder.mkdir()
    for n in range(8):
        (folder / f"scan {n}.pdf").write_bytes(PDF)
    monkeypatch.setattr(evidence_files, "MAX_LISTED", 5)
    monkeypatch.setattr(evidence, "UNUSED_SHOWN", 3)
    examples = _ROOT / "examples"
    result = pari.score(
        [examples / "assessments_long.csv"],
        communes=examples / "communes.csv",
        survey=[examples / "survey.csv"],
        evidence_dir=folder,
    )
    told = pari.findings(result, lang="en")
    kinds = told["kind"].to_list()
    assert kinds.count("evidence-file-unused") == 3
    (more,) = told.filter(pl.col("kind") == "evidence-files-unused")["message"].to_list()
    assert re.fullmatch(r"2 more file\(s\) .* one by one\); the folder was listed only as far as .*", more), more


def test_survey_is_one_word_in_vietnamese() -> None:
    """domain.md's «điều tra xã hội học»: the messages said «khảo sát» in some places."""
    found = [
        f"{path.relative_to(_ROOT)}:{number}"
        for path in sorted((_ROOT / "src" / "pari_index").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search("khảo sát", line, re.IGNORECASE)
    ]
    assert not found, found


def test_full_width_digits_score_as_the_plain_ones(tmp_path: Path) -> None:
    wide, plain = tmp_path / "wide", tmp_path / "plain"
    wide.mkdir()
    plain.mkdir()
    args = CASES["well-full-width-digits"](wide)
    done = sweep_child([*args, "--lang", "en"], wide)
    assert done.returncode == 0, done.stdout + done.stderr
    header_args = CASES["well-evidence-near-names"](plain)[:-2]  # the same commune's rows, no folder
    assert sweep_child([*header_args, "--lang", "en"], plain).returncode == 0

    def commune(folder: Path) -> list[str]:
        book = openpyxl.load_workbook(folder / "out.xlsx", read_only=True)
        rows = [tuple(map(str, r)) for r in book["Criteria"].iter_rows(values_only=True) if r[0] == "00001"]
        book.close()
        return [" ".join(r[:12]) for r in rows]

    assert commune(wide) == commune(plain)


def test_a_thousands_separator_is_named_in_the_hint_of_either_language(tmp_path: Path) -> None:
    args = CASES["not-whole-thousands-dot"](tmp_path)
    vietnamese = sweep_child(args, tmp_path)
    english = sweep_child([*args, "--lang", "en"], tmp_path)
    assert "gợi ý: nếu 1.887 là 1887 (dấu chấm hoặc dấu phẩy phân cách hàng nghìn), ghi 1887" in vietnamese.stderr
    assert "hint: if 1.587 is 1587 (a dot or comma separating thousands), write 1587 without" in english.stderr


def test_a_cell_too_long_for_excel_is_told_at_export_and_a_todo_at_import(tmp_path: Path) -> None:
    args = CASES["well-export-long-title"](tmp_path)
    done = sweep_child(args, tmp_path)  # in Vietnamese: the annex's titles are the set's Vietnamese ones
    assert done.returncode == 0, done.stderr
    told = [line for line in done.stderr.splitlines() if line.startswith("cảnh báo: ")]
    assert len(told) == 3, done.stderr  # the annex, the set's sheet and the provenance
    assert told[0].startswith("cảnh báo: Phụ lục, hàng 76, cột ") and "40.047 ký tự, nhiều hơn" in told[0], told
    english = sweep_child([*args[:-1], str(tmp_path / "annex-en.xlsx"), "--lang", "en"], tmp_path)
    assert "warning: Provenance, row 76, column Title: 40,047 characters, more than" in english.stderr
    back = sweep_child(["criteria", "import", str(tmp_path / "phu-luc.xlsx"), "-o", str(tmp_path / "d.yaml")], tmp_path)
    assert back.returncode == 0, back.stderr
    draft = (tmp_path / "d.yaml").read_text(encoding="utf-8")
    assert "ô này bị cắt ngắn khi xuất phụ lục vì dài hơn một ô Excel chứa được" in draft


@pytest.mark.parametrize("case", ["well-csv-blank-lines-above", "well-csv-blank-row-above"])
def test_blank_lines_above_a_csv_s_headings_are_skipped_and_rows_keep_their_numbers(tmp_path: Path, case: str) -> None:
    done = sweep_child([*CASES[case](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = (tmp_path / "tu-danh-gia.csv").read_text(encoding="utf-8").splitlines()
    differs = _findings(tmp_path, "Findings").filter(pl.col("Kind (code)") == "self-score-differs")
    for row, item in zip(differs["Row"].to_list(), differs["Criterion ID"].to_list(), strict=True):
        assert lines[int(row) - 1].startswith(f"00001,{item},"), (row, item)
    assert differs.height == 2


def test_blank_rows_above_a_row_of_values_are_still_a_table_without_headings() -> None:
    from pari_index.intake.grid import title_rows

    values = pl.DataFrame({"a": [None, "1", "2"], "b": [None, "2", "3"]})
    assert title_rows(values, "f.csv", None) == (0, [])
    names = pl.DataFrame({"a": [None, "commune_code", "00001"], "b": [None, "criterion_id", "1.1.1"]})
    assert title_rows(names, "f.csv", None) == (1, [])


def test_a_name_with_a_final_dot_is_found_as_windows_finds_it(tmp_path: Path) -> None:
    done = sweep_child([*CASES["well-evidence-final-dot"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    findings = _findings(tmp_path, "Findings")
    assert _messages(findings, "evidence-file_not_found") == []
    unused = _messages(findings, "evidence-file-unused")
    stray = f"«{STRAY}» in the evidence folder is named by no row of the assessments, so it counts for no item"
    assert unused == [stray]
    text = (tmp_path / "tu-danh-gia.csv").read_text(encoding="utf-8")
    assert f"{DOTTED[0]}. ." in text and f"{DOTTED[1]}." in text


def test_full_width_digits_meet_every_check_an_ascii_number_meets(tmp_path: Path) -> None:
    """Read once in ASCII before any check: a full-width count with a percent sign is still a
    percentage in a count, a full-width «２．０００» still a count with three zeros."""
    header = "commune_code,criterion_id,input,value\n"
    rows = header + "00001,1.1.3,tasks_done,３４％\n00001,1.1.3,tasks_planned,２．０００\n"
    (tmp_path / "a.csv").write_text(rows, encoding="utf-8")
    examples = _ROOT / "examples"
    result = pari.score(
        [tmp_path / "a.csv"], communes=examples / "communes.csv", survey=[examples / "survey.csv"], evidence_dir=None
    )
    told = pari.findings(result, lang="en").filter(pl.col("row").is_in([2, 3]) & (pl.col("column") == "value"))
    assert sorted(told["kind"].to_list()) == ["count-three-zeros", "percent-in-count"], told
