"""What the cases of tests/hostile_faults31.py answer: an option left without its path told as
``path-is-option`` even where click stops on the line first, and another program's cache folder
left untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_faults31 import (
    CASES,
    EXPECTED,
    NOT_WRITTEN,
    OTHER_FILE,
    OTHER_TAG,
    cache_of_another_program,
    report_takes_the_output_option,
)
from sweeps import case_tests, language_tests, sweep_child

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

OPTION_LEFT_OUT = {
    "en": "error: --report -o: «-o» is the name of an option, not of a file: the path for --report is missing",
    "vi": "lỗi: --report -o: «-o» là tên một tuỳ chọn, không phải tên tệp: thiếu đường dẫn cho --report",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_option_that_took_the_output_option_is_told_not_click_s_missing_option(tmp_path: Path, lang: str) -> None:
    done = sweep_child([*report_takes_the_output_option(tmp_path), "--lang", lang], tmp_path)
    assert done.returncode == 2 and OPTION_LEFT_OUT[lang] in done.stderr, done.stderr
    assert "Missing option" not in done.stderr and "Thiếu tuỳ chọn" not in done.stderr, done.stderr
    assert "Usage:" not in done.stderr and "Cách dùng:" not in done.stderr, done.stderr


def test_click_s_own_refusal_stays_when_no_option_took_another_s_name(tmp_path: Path) -> None:
    """The control: a line click refuses for another reason (a word too many) is told by click,
    in the command's language, as before."""
    done = sweep_child(["template", "-o", "mau.xlsx", "thua", "--lang", "en"], tmp_path)
    assert done.returncode == 2 and "unexpected extra argument (thua)" in done.stderr, done.stderr
    assert "[path-is-option]" not in done.stderr and not (tmp_path / "mau.xlsx").exists()


CACHE_NOTE = {
    "en": "Cache: ignored khac (its CACHEDIR.TAG is another program's: that program's cache, not pari-index's; "
    "nothing in it was touched; give a new or empty folder)",
    "vi": "Bộ nhớ đệm: bỏ qua khac (tệp đánh dấu bộ nhớ đệm trong thư mục là của một chương trình khác: bộ nhớ đệm của "
    "chương trình đó, không phải của pari-index; không tệp nào trong đó bị động đến; hãy chỉ ra một thư mục mới "
    "hoặc trống)",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_another_program_s_cache_is_told_and_left_as_it_was(tmp_path: Path, lang: str) -> None:
    done = sweep_child([*cache_of_another_program(tmp_path), "--lang", lang], tmp_path)
    assert done.returncode == 0, done.stderr
    said = " ".join((done.stdout + done.stderr).split())
    assert CACHE_NOTE[lang] in said, said
    assert sorted(os.listdir(tmp_path / "khac")) == sorted(Path(p).name for p in (OTHER_TAG, OTHER_FILE))
    assert (tmp_path / "ket-qua.xlsx").exists()


def test_a_cache_of_pari_is_still_claimed_and_reused(tmp_path: Path) -> None:
    """The control: a new folder gets pari's tag, and the next run reuses its entries."""
    args = cache_of_another_program(tmp_path)
    args[args.index("--cache") + 1] = ".pari-cache"
    first = sweep_child([*args, "--lang", "en"], tmp_path)
    assert first.returncode == 0 and b"pari-index" in (tmp_path / ".pari-cache" / "CACHEDIR.TAG").read_bytes()
    again = sweep_child([*args, "--lang", "en"], tmp_path)
    assert again.returncode == 0 and "60 units reused from an earlier run" in again.stdout + again.stderr, again


def test_the_library_refuses_another_program_s_tag(tmp_path: Path) -> None:
    """cache_folder.claim: a tag with the signature and another owner is not pari's."""
    from pari_index.intake.cache_folder import TAG, NotACacheFolder, claim

    (tmp_path / TAG).write_bytes(b"Signature: 8a477f597d28d172789f06886806bc55\n")
    with pytest.raises(NotACacheFolder) as info:
        claim(tmp_path)
    assert info.value.other_tag and sorted(os.listdir(tmp_path)) == [TAG]
