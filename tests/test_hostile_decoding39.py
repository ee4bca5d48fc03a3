"""What the cases of tests/hostile_decoding39.py answer: a soft hyphen beside a number, or after a
Vietnamese letter, is no mark of a legacy font (the workbook is read, the example's results, no
``legacy-font-some``), while TCVN3 text keeps being told; and the function that weighs it
(letters.legacy_encoding)."""

from __future__ import annotations

import csv
from functools import partial
from pathlib import Path

import pytest
from hostile_decoding39 import CASES, EXPECTED, NOT_WRITTEN, SOFT_HYPHEN
from sweeps import Tables, case_tests, csv_results, kinds, language_tests, ranked, sweep_child

from pari_index.letters.legacy_encoding import has_legacy_word, legacy_evidence, typed_in_legacy_font

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

_results = partial(csv_results, lang="en")


@pytest.mark.parametrize(
    "case",
    [
        "well-survey-workbook-rates-soft-hyphen",
        "well-form-workbook-counts-soft-hyphen",
        "well-form-answers-soft-hyphen",
    ],
)
def test_a_soft_hyphen_beside_a_number_or_after_a_vietnamese_letter_gives_the_example_s_results(
    tmp_path: Path, example_tables: Tables, case: str
) -> None:
    # Before: the workbooks refused as typed with a legacy font (exit 1), the CSV's 697 answers
    # named in a legacy-font-some warning.
    folder = tmp_path / "run"
    folder.mkdir()
    tables = _results(CASES[case](folder), folder)
    assert ranked(tables) == ranked(example_tables)
    assert kinds(tables) == kinds(example_tables)


def test_codes_with_a_soft_hyphen_are_told_as_codes_not_as_a_legacy_font(tmp_path: Path) -> None:
    done = sweep_child([*CASES["form-workbook-codes-soft-hyphen"](tmp_path), "--lang", "en"], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert "[legacy-font]" not in said and "TCVN3" not in said, said
    assert "commune code 00<U+00AD>001 holds a control, bidi or invisible character" in said, said


#: TCVN3 text decoded as Windows-1258 (Phường Hồng Cẩm, Tư pháp, ưu tiên): its «ư» is the byte
#: of the soft hyphen, after a consonant or at a word's start.
TCVN3_NAMES = "Ph\u00adêng Hång CÈm, T\u00ad ph¸p, \u00adu tiªn\n"


@pytest.mark.parametrize(
    "text",
    [
        "95\u00ad\n" * 50,  # after a number
        "9\u00ad5\n" * 50,  # inside it
        "00\u00ad001,Xã A\n" * 50,  # inside a code
        "có\u00ad\n" * 50,  # after a Vietnamese letter (Word's hyphenation point)
        "Không\u00ad\n" * 50,  # after a word's last consonant, ASCII (until the review of session 39)
        "Đạt\u00ad\n" * 50,
        "Chưa\u00ad\n" * 50,  # after a vowel
        "Hoàn thành\u00ad\n" * 50,
        "Phư\u00adờng Hồng Cẩm\n" * 50,  # inside a Unicode word, after «ư»
        "- \u00ad -\n" * 50,  # between spaces and signs
    ],
)
def test_a_soft_hyphen_that_cannot_be_tcvn3_s_u_is_no_evidence(text: str) -> None:
    assert legacy_evidence(text) is None
    assert typed_in_legacy_font(text.splitlines()) is None
    assert not any(has_legacy_word(word) for word in text.split())


def test_tcvn3_s_u_is_still_evidence() -> None:
    evidence = legacy_evidence(TCVN3_NAMES * 20)
    assert evidence is not None and SOFT_HYPHEN in evidence.letters.split()
    assert typed_in_legacy_font([TCVN3_NAMES] * 20) is not None
    assert has_legacy_word("Ph\u00adêng") and has_legacy_word("T\u00ad")
    # Only the soft hyphen: «Tr­êng» (Trường) among Unicode text, the ư alone telling it.
    assert legacy_evidence("Tr\u00adêng Tr\u00adêng Tr\u00adêng\n" * 5) is not None
    # After a word's first consonants, whatever their case: người, nước sạch.
    assert has_legacy_word("ng\u00adêi") and has_legacy_word("N\u00adíc s¹ch")
    assert legacy_evidence("ng\u00adêi N\u00adíc\n" * 20) is not None


@pytest.mark.parametrize(("font", "first"), [("tcvn3", "KÕ ho¹ch"), ("vni", "Keâù hoaïch")])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_evidence_name_typed_in_a_legacy_font_is_told_at_its_row(
    tmp_path: Path, font: str, first: str, lang: str
) -> None:
    # Before: «Evidence file not found: the item scores 0 (KÕ ho¹ch … 72.pdf)», no word of why.
    args = CASES[f"evidence-names-{font}"](tmp_path)
    args[args.index("-o") + 1] = str(tmp_path / "results")
    done = sweep_child([*args, "--format", "csv", "--lang", lang], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    with (tmp_path / "results" / "findings.csv").open(encoding="utf-8-sig") as handle:
        found = [f for f in csv.DictReader(handle) if f["kind"] == "evidence-file_not_found"]
    assert [f["row"] for f in found] == ["2", "3", "9"]
    assert found[0]["message"].startswith(
        {"en": "Evidence file not found: the item scores 0 (", "vi": "Không tìm thấy tệp minh chứng"}[lang]
    )
    assert first in found[0]["message"]
    told = {
        "en": "the name looks typed with a legacy Vietnamese font (TCVN3/ABC or VNI): convert it to Unicode"
        " (e.g. Unikey's converter) to match the file's name",
        "vi": "tên tệp có vẻ được gõ bằng phông tiếng Việt cũ (TCVN3/ABC hoặc VNI): hãy chuyển tên sang Unicode"
        " (ví dụ bằng công cụ chuyển mã của Unikey) cho khớp với tên tệp",
    }[lang]
    assert all(f["message"].endswith(": " + told) for f in found), found
