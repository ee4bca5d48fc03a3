"""What the cases of tests/hostile_decoding23.py answer: a file whose UTF-8 letters were misread as a
Windows code page and saved again is refused (``letters-misread``), showing words with what they
were; text written as it should be, with the symbols such text is made of, is read. The cases run
as real child processes with a time-out."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import polars as pl
import pytest
from hostile_decoding23 import CASES, EXPECTED, NOT_WRITTEN, misread
from hostile_sweep8 import EXAMPLES, cp1258_bytes
from sweeps import case_tests
from sweeps import sweep_child as _child

from pari_index.intake.csv_input import swallowed_rows
from pari_index.letters.misread_letters import misread_letters, repaired

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)


def test_a_misread_register_is_refused_with_its_words_in_english(tmp_path: Path) -> None:
    done = _child([*CASES["letters-misread-register-cp1252"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1, done.stderr
    said = (
        f"error: {tmp_path}/misread-communes.csv: 889 words hold letters read in another code page and saved so "
        "(100 % of the words with letters outside ASCII; e.g. «PhÆ°á»<U+009D>ng» («Phường»), «Há»“ng» («Hồng»), "
        "«Cáº©m» («Cẩm»), what they were in brackets): the file was opened in another code page than its own"
    )
    assert said in done.stderr, done.stderr
    assert "hint: use the file as it was before it was opened and saved again" in done.stderr
    assert "[letters-misread]" in done.stderr and "unknown" not in done.stderr


def test_misread_assessments_are_one_finding_not_a_bad_value_a_cell(tmp_path: Path) -> None:
    done = _child(CASES["letters-misread-assessments-cp1258"](tmp_path), tmp_path)
    assert done.returncode == 1
    assert "«cĂ³» («có»), «khĂ´ng» («không»)" in done.stderr, done.stderr
    assert "[file-unread]" in done.stderr and "bad-value" not in done.stderr


def test_a_misread_workbook_is_not_called_a_legacy_font(tmp_path: Path) -> None:
    done = _child([*CASES["letters-misread-register-workbook"](tmp_path), "--lang", "en"], tmp_path)
    assert f"error: {tmp_path}/misread-communes.xlsx [data]: 889 words hold letters read in another" in done.stderr
    assert "legacy-font" not in done.stderr


def test_a_windows_1258_file_read_as_windows_1252_is_refused_too(tmp_path: Path) -> None:
    done = _child(CASES["letters-misread-register-1258-as-1252"](tmp_path), tmp_path)
    assert done.returncode == 1
    said = (
        "620 từ có chữ bị đọc theo một bảng mã khác rồi lưu lại như vậy (70 % số từ có chữ ngoài ASCII; ví dụ "
        "«PhýõÌng» («Phường»), «HôÌng» («Hồng»), «CâÒm» («Cẩm»), trong ngoặc là chữ đúng)"
    )
    assert said in done.stderr, done.stderr


@pytest.mark.parametrize(
    "word", ["giò", "Giòn", "GIÒ", "quì", "Quình", "Hòa", "chì", "Lò", "HOÀ", "Đình", "Phường", "Ðà", "ðúng"]
)
def test_words_as_people_write_them_are_not_misread(word: str) -> None:
    """A grave or a dot below after the u of qu- or the i of gi-, or the eth typed for Đ (which it
    looks like): words as they are written, not Windows-1258 read as Windows-1252."""
    assert repaired(word) is None


@pytest.mark.parametrize("code_page", ["cp1252", "cp1258"])
def test_every_example_word_misread_is_repaired(code_page: str) -> None:
    for name in ("communes.csv", "assessments_long.csv"):
        text = (EXAMPLES / name).read_text(encoding="utf-8-sig")
        for word in {w for w in text.replace(",", " ").split() if not w.isascii()}:
            assert repaired(misread(word, code_page)) == word


@pytest.mark.parametrize(
    "text",
    [
        # Vietnamese written as it should be, in every form: never a sign.
        (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig"),
        (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig"),
        # Symbols and quotes after accented letters, which are bytes such text is made of.
        "Â° «Ă» «Xá» œ µ ¹ ±2 m² Ðà ™ € … São João\n" * 50,
        # Decomposed (NFD, as macOS writes it), and Windows-1258 read as it should be (its tones
        # combining marks), with a sign elsewhere: their marks are no Windows-1252 letters.
        unicodedata.normalize("NFD", "Phường Hồng Cẩm có không đúng hạn\n" * 50) + "PhýõÌng\n",
        cp1258_bytes("Phường Hồng Cẩm có không đúng hạn\n" * 50).decode("cp1258") + "PhýõÌng\n",
        # The eth typed for Đ throughout.
        "Ðà Nẵng Ðông Ðình ðúng hạn\n" * 50,
        # Two misread words among many: a pasted name, not a file opened so.
        "PhÆ°á»\x9dng Há»“ng " + "Phường Hồng Cẩm Tân Lộc " * 20,
    ],
)
def test_text_written_as_it_should_be_shows_no_sign(text: str) -> None:
    assert misread_letters([text]) is None


def test_a_misread_share_above_a_fifth_is_a_sign() -> None:
    found = misread_letters([misread("Phường Hồng Cẩm ", "cp1252") * 2 + "Phường Hồng Cẩm Tân Lộc " * 4])
    assert found is not None and (found.words, found.share) == (6, 23)
    # 3 of 15 words: a fifth, not more.
    assert misread_letters([misread("Phường Hồng Cẩm ", "cp1252") + "Phường Hồng Cẩm Tân Lộc " * 2 + "Tân Lộc"]) is None


def test_a_quote_that_swallows_rows_names_them(tmp_path: Path) -> None:
    done = _child([*CASES["csv-quote-swallows-rows"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1
    said = (
        f"error: {tmp_path}/tu-danh-gia.csv row 41: not readable as CSV: the quoted cell opened in row 41 holds 7 "
        "lines that look like rows of the table (the first: «00001,5.2,trained,121,2,337/BC-UBND,08/01/2025,"
        "5_2_BC_337_20… (68 characters)»): those rows were read as the text of one cell, and not scored [csv-syntax]"
    )
    assert said in done.stderr, done.stderr
    assert "hint: a quote opening the cell in row 41 is closed only lines later: delete the stray quotes" in done.stderr
    vi = _child(CASES["csv-quote-swallows-rows"](tmp_path), tmp_path)
    assert "ô trong dấu ngoặc kép mở ở hàng 41 chứa 7 dòng trông như các hàng của bảng" in vi.stderr, vi.stderr


def _grid(text: str) -> pl.DataFrame:
    return pl.read_csv(text.encode(), has_header=False, infer_schema=False)


def test_swallowed_rows_are_lines_that_begin_as_rows() -> None:
    header = "code,item,value,note\n"
    # The quote opened in row 3 swallows row 4 and the head of row 5.
    swallowed = header + '1,a,3,ok\n1,b,4,"stray\n2,a,5,x\n2,b,6,end"\n'
    assert swallowed_rows(_grid(swallowed), ",", 6) == (3, 2, "2,a,5,x")
    # Codes of the shape of the first column's (a register's, each written once).
    register = 'code,name,note\n00001,A,x\n00004,B,"stray\n00007,C,\n00010,D,end"\n00013,E,\n'
    assert swallowed_rows(_grid(register), ",", 6) == (3, 2, "00007,C,")
    # Semicolons: the delimiter counts.
    assert swallowed_rows(_grid(swallowed), ";", 6) is None
    # Typed line breaks: a line that begins with a word, or with a code but without a row's cells.
    typed = header + '1,a,3,"Đã họp\nBiên bản 12, ngày 6/6, lưu"\n2,a,5,"2 lần\n2, rồi 3"\n'
    assert swallowed_rows(_grid(typed), ",", 5) is None
    assert swallowed_rows(_grid(header + "1,a,3,x\n"), ",", 2) is None


def test_a_large_file_read_by_range_is_read_whole_and_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from pari_index.intake import csv_input

    monkeypatch.setattr(csv_input, "RANGED_BYTES", 1000)
    monkeypatch.setattr(csv_input, "RANGE_BYTES", 500)
    rows = "".join(f"{n},b,4,x\n" for n in range(300))
    data = ("code,item,value,note\n" + rows + '7,b,4,"stray\n8,a,5,x\n9,b,6,end"\n' + rows).encode()
    read = csv_input.read_owned_csv_bytes([data], "a.csv", ranged=True)
    assert read.sheets == []
    assert [(p.code, p.row, p.params["csv_problem"]) for p in read.problems if p.params] == [
        ("csv-syntax", 302, "swallowed_rows")
    ]
