"""What the cases of tests/hostile_sweep17.py answer, and the classes behind them: a text file or
a workbook's sheet whose Vietnamese letters were replaced by ``?`` when saved is refused as
``letters-lost`` (its garbled names were ranked, exit 0); a CSV file of UTF-8 lines and
Windows-1258 lines is read line by line with a warning (it was refused as a TCVN3/VNI file);
``pari explain`` and ``pari report`` refuse ``--criteria`` of another set than the results'
(``results-other-criteria``; the other set's methods were printed beside these scores).

The cases run as real child processes with a time-out."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hostile_sweep8 import EXAMPLES, cp1258_bytes
from hostile_sweep17 import CASES, EXPECTED, NOT_WRITTEN
from sweeps import case_tests
from sweeps import sweep_child as _child

from pari_index.intake.decoding import decode_text
from pari_index.intake.tables import read_csv_bytes
from pari_index.letters.lost_letters import lost_letters
from pari_index.messages.rendering import render

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)


# ---------------------------------------------------------------------------------------------
# Letters lost to "?"


def test_a_register_saved_without_its_letters_is_refused_with_the_words_in_both_languages(tmp_path: Path) -> None:
    """It was read: 60 units named ``Ph??ng H?ng C?m`` in the ranking, exit 0."""
    args = CASES["letters-lost-register-shift-jis"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 1, en.stderr
    said = (
        f"error: {tmp_path}/communes.csv: 500 words hold a ? where a letter was (100 % of the words with letters "
        "outside ASCII; e.g. «Ph??ng» «H?ng» «C?m» «ph??ng»): the file was saved in a code page without "
        "Vietnamese letters, and they cannot be recovered from it; the file was not read, rather than score and "
        "publish garbled names [letters-lost]"
    )
    assert said in en.stderr, en.stderr
    assert "hint: open the original and save it again as «CSV UTF-8 (Comma delimited)»" in en.stderr
    vi = _child(args, tmp_path)
    assert "500 từ có dấu ? thay cho một chữ cái (100 % số từ có chữ ngoài ASCII" in vi.stderr, vi.stderr
    assert "gợi ý: mở tệp gốc và lưu lại dạng «CSV UTF-8 (Comma delimited)»" in vi.stderr
    assert not (tmp_path / "out.xlsx").exists()


def test_a_workbook_that_lost_its_letters_is_refused_by_sheet(tmp_path: Path) -> None:
    done = _child([*CASES["letters-lost-register-workbook"](tmp_path), "--lang", "en"], tmp_path)
    assert f"error: {tmp_path}/communes.xlsx [data]: 500 words hold a ? where a letter was" in done.stderr


def test_windows_1252_keeps_some_letters_and_is_still_refused(tmp_path: Path) -> None:
    """Windows-1252 keeps â, á, ô (``Ph??ng Tân L?c``): about half the words show the loss."""
    done = _child([*CASES["letters-lost-assessments-cp1252"](tmp_path), "--lang", "en"], tmp_path)
    assert "1,373 words hold a ? where a letter was (54 % of the words" in done.stderr, done.stderr
    assert "[file-unread]" in done.stderr and "bad-value" not in done.stderr


@pytest.mark.parametrize(
    "text",
    [
        "Có đúng không? Có.\nhttps://x.gov.vn/a.php?id=3&b=4\nTại sao?Vì chưa có\nWhy?Because\n",
        "Ph??ng Hồng Cẩm, Xã Tân Hoà, Thị trấn Đông Anh, Phường Lộc Hạ\n" * 3,  # a few lost among many kept
        "?" * 1000,
        "a?b c?d",  # two words: too few to tell
    ],
)
def test_genuine_question_marks_are_no_evidence(text: str) -> None:
    assert lost_letters([text]) is None


def test_the_evidence_counts_words_and_names_a_few() -> None:
    evidence = lost_letters(["Ph??ng H?ng C?m, X? ?ông Anh, Th? tr?n"])  # "X?" and "Th?": a ? may end a word
    assert evidence is not None
    assert (evidence.words, evidence.share, evidence.examples) == (5, 100, "«Ph??ng» «H?ng» «C?m» «?ông»")


# ---------------------------------------------------------------------------------------------
# UTF-8 and Windows-1258 lines in one file


def _mixed() -> tuple[bytes, list[str]]:
    text = (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig")
    lines = text.encode().split(b"\n")
    raw = b"\n".join(lines[:1700]) + b"\n" + cp1258_bytes(b"\n".join(lines[1700:]).decode())
    return raw, text.split("\n")


def test_each_line_is_read_as_what_it_is() -> None:
    raw, lines = _mixed()
    decoded = decode_text(raw)
    assert decoded.encoding == "mixed" and decoded.bad_bytes == 0 and decoded.legacy is None
    assert unicodedata.normalize("NFC", decoded.text).split("\n") == lines  # (Windows-1258 writes tones apart)


def test_the_warning_says_how_many_lines_of_each_in_both_languages() -> None:
    raw, _ = _mixed()
    read = read_csv_bytes(raw, "mixed.csv")
    [warning] = read.problems
    assert (warning.code, warning.severity) == ("encoding-fallback", "warning")
    params = warning.params
    assert render(warning.code, params, "en") == (
        "not UTF-8: read as UTF-8 and Windows-1258 (Vietnamese), each line as what it is, since "
        f"{params['utf8_lines']} lines are UTF-8 and {params['other_lines']} lines (the first: line 1,703) are not "
        "(files pasted together?)"
    )
    assert "từng dòng theo bảng mã của nó" in render(warning.code, params, "vi")


def test_tcvn3_lines_after_utf8_lines_are_still_a_legacy_encoding() -> None:
    from hostile_csv import tcvn3_bytes

    text = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig")
    half = len(text) // 2
    half = text.index("\n", half) + 1
    decoded = decode_text(text[:half].encode() + tcvn3_bytes(text[half:]))
    assert decoded.encoding == "mixed" and decoded.legacy is not None


def test_a_few_stray_bytes_in_utf8_stay_stray_bytes() -> None:
    """Nine lines with a byte that is not UTF-8 are not a second encoding: each is reported."""
    lines = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig").encode().split(b"\n")
    for number in range(1, 10):
        lines[number] += b"\xff"
    decoded = decode_text(b"\n".join(lines))
    assert (decoded.encoding, decoded.bad_bytes, decoded.fallback) == ("utf-8", 9, None)


def test_a_mixed_file_scores_as_the_example(tmp_path: Path) -> None:
    """Same findings as the example's own run (129, 109, 87, 12) and one warning more."""
    done = _child([*CASES["mixed-utf8-1258-lines"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert (
        "Findings: Self-score differs from the rules 129, Evidence missing 109, Evidence explained, awaiting 87, "
        "Not assessed 12, Not UTF-8 1 (0 errors, 338 warnings)." in done.stdout
    ), done.stdout


# ---------------------------------------------------------------------------------------------
# Results read with another criteria set


def test_explain_refuses_another_set_in_both_languages(tmp_path: Path) -> None:
    """It printed Hà Nội 2025's method (``Done by the end of 31/07/2025: 1 point``) for an item of
    Hải Phòng 2022 worth 0.2 points, exit 0."""
    args = CASES["results-other-criteria-explain"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 2 and en.stdout == ""
    assert en.stderr.startswith(
        f"error: --criteria {args[-1]} is the set «ha-noi-2025-commune», but the results were scored with "
        "«hai-phong-2022-commune» [results-other-criteria]\n    hint: give the criteria set the results were scored "
        "with, or leave out --criteria"
    ), en.stderr
    vi = _child(args, tmp_path)
    assert "nhưng kết quả được chấm theo bộ «hai-phong-2022-commune»" in vi.stderr


def test_explain_with_the_set_of_the_results_still_explains(tmp_path: Path) -> None:
    args = CASES["results-other-criteria-explain"](tmp_path)
    args[-1] = args[-1].replace("ha-noi-2025-commune", "hai-phong-2022-commune")
    done = _child([*args, "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Method: Done by the end of 31/01/2022: 0.2 points" in done.stdout


# ---------------------------------------------------------------------------------------------
# An empty name for a path


def test_every_empty_path_is_named_by_its_option_in_both_languages(tmp_path: Path) -> None:
    """``.`` (the current folder) was what the messages named: "``.``: this is a folder"."""
    args = CASES["path-empty-register"](tmp_path)
    args[1] = ""
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 2 and en.stdout == ""
    assert en.stderr == (
        'error: ASSESSMENTS: the name given is empty (""): an unset variable in a script? [path-empty]\n'
        "    hint: give the file's name\n"
        'error: --communes: the name given is empty (""): an unset variable in a script? [path-empty]\n'
        "    hint: give the file's name\n"
        "2 problems.\n"
    ), en.stderr
    vi = _child(args, tmp_path)
    assert 'lỗi: --communes: tên được đưa vào để trống (""): một biến chưa được gán trong kịch bản?' in vi.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["template", "-o", ""],
        ["validate", ""],
        ["explain", "00001", "--results", ""],
        ["demo-data", "-o", ""],
        ["criteria", "import", "", "-o", "set.yaml"],
        ["diff", "", "new.yaml"],
    ],
)
def test_every_command_refuses_an_empty_path(tmp_path: Path, args: list[str]) -> None:
    done = _child([*args, "--lang", "en"], tmp_path)
    assert done.returncode == 2 and "[path-empty]" in done.stderr and ".: " not in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_folder_named_dot_is_still_a_folder(tmp_path: Path) -> None:
    """``.`` typed is the current folder, as before: only the empty name is refused."""
    done = _child(["report", ".", "-o", "page.html", "--lang", "en"], tmp_path)
    assert done.returncode == 1 and "[not-results]" in done.stderr, done.stderr


# ---------------------------------------------------------------------------------------------
# A finding placed in the code's column: once a row


def test_an_invisible_character_in_a_code_is_one_line_a_row(tmp_path: Path) -> None:
    """Each row of commune 00001 gave one finding per value (248 for 72 rows), the same line
    ``row 2 column «commune_code»: …`` printed up to five times."""
    done = _child([*CASES["code-mark-once-a-row"](tmp_path), "--lang", "en"], tmp_path)
    assert "Control character in a code 72," in done.stdout, done.stdout
    lines = [line for line in done.stderr.splitlines() if "[control-character]" in line]
    assert len(lines) == len(set(lines)) == 50, done.stderr
    assert lines[0] == (
        f"error: {tmp_path}/assessments_long.csv row 2 column «commune_code»: commune code <U+FEFF>00001 holds a "
        "control, bidi or invisible character (shown as <U+…>) [control-character]"
    )


# ---------------------------------------------------------------------------------------------
# An input that is a symbolic link to nowhere


def test_a_link_to_a_deleted_register_says_where_it_points_in_both_languages(tmp_path: Path) -> None:
    """It was "file not found", of a name ``ls`` lists."""
    args = CASES["link-nowhere-register"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.stderr.startswith(
        f"error: {tmp_path}/linked.csv: a symbolic link that leads nowhere: it points to {tmp_path}/deleted.csv, "
        "which does not exist [input-broken-link]\n    hint: point the link at the file or folder, or give its own path"
    ), en.stderr
    vi = _child(args, tmp_path)
    assert f"liên kết tượng trưng không dẫn tới đâu: nó trỏ tới {tmp_path}/deleted.csv, nơi không tồn tại" in vi.stderr


@pytest.mark.parametrize("case", ["link-loop-assessments", "link-loop-report-results"])
def test_a_link_loop_is_said_as_one(tmp_path: Path, case: str) -> None:
    """``pari report`` said "results file not found", the others "Too many levels of symbolic links"."""
    done = _child([*CASES[case](tmp_path), "--lang", "en"], tmp_path)
    assert "linked.csv: a symbolic link that leads nowhere: the links lead round in a loop" in done.stderr
    assert "not found" not in done.stderr and "Too many levels" not in done.stderr, done.stderr


def test_a_code_in_full_width_digits_names_the_register_s_code_in_both_languages(tmp_path: Path) -> None:
    """``commune ００００１ is not in the commune register`` of a code that looks like 00001: still
    refused (the register keeps such codes apart too), now naming the code it would be (the "did you
    mean" of intake.nearest, which the sweep's own full-width words joined at the merge)."""
    args = CASES["code-full-width-digits"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert (
        f"error: {tmp_path}/assessments_long.csv row 2: commune ００００１ is not in the commune register; the "
        "register holds 00001 (the same code written otherwise: letter case, full-width digits, spaces or quotes); "
        "none of the 5 values of this row was used; the same code is on 71 more rows of the file: 3–73 "
        "[unknown-commune]"
    ) in en.stderr, en.stderr
    vi = _child(args, tmp_path)
    assert "; danh sách có mã 00001 (cùng mã nhưng viết khác: chữ hoa/thường, chữ số toàn độ rộng" in vi.stderr


def test_an_item_id_in_full_width_characters_names_the_item(tmp_path: Path) -> None:
    done = _child([*CASES["code-full-width-item-ids"](tmp_path), "--lang", "en"], tmp_path)
    assert (
        f"error: {tmp_path}/assessments_long.csv row 2 column «value»: criterion １．１．１ is not a scored item of "
        "this criteria set; the set has item 1.1.1 (the same id written otherwise) [unknown-criterion]"
    ) in done.stderr, done.stderr


def test_an_unknown_code_of_no_register_code_says_nothing_of_width(tmp_path: Path) -> None:
    done = _child([*CASES["well-overlong-utf8-code"](tmp_path), "--lang", "en"], tmp_path)
    assert (
        "commune 00004 is not in the commune register; register codes one character away: 00001, 00007" in done.stderr
        and "written otherwise" not in done.stderr
    )
