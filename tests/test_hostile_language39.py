"""What the cases of tests/hostile_language39.py answer, in each language: the findings of a
ranking name a register's column by the file's own heading; and a workbook refused for its text
names where, in both languages (the catalogue's words ``text_part``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import fastexcel
import polars as pl
import pytest
from children import ROOT, answers_its_case
from hostile_language39 import CASES, EXPECTED, NOT_WRITTEN
from sweeps import case_tests, language_tests

from pari_index.messages import PARAM_WORDS, render

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

LANGS = ("vi", "en")
#: The ranking's findings on a register column (intake.register.register_heading).
REGISTER_KINDS = {"group-value-empty", "group-spellings"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_ranking_s_findings_name_the_register_s_own_heading(tmp_path: Path, lang: str) -> None:
    """A register headed «Huyện»: the empty district and the district spelled two ways are told at
    the column «Huyện», and their sentences say «Huyện», never the run's ``district``."""
    answers_its_case(
        [*CASES["register-headed-in-vietnamese"](tmp_path), "--lang", lang],
        tmp_path,
        EXPECTED["register-headed-in-vietnamese"],
    )
    findings = fastexcel.read_excel(tmp_path / "out.xlsx").load_sheet(2).to_polars()
    kind, column, message = findings.columns[1], findings.columns[8], findings.columns[9]
    told = findings.filter(pl.col(kind).is_in(REGISTER_KINDS)).select(kind, column, message)
    assert set(told[kind].to_list()) == REGISTER_KINDS, told
    assert told[column].to_list() == ["Huyện", "Huyện"], told
    assert all("«Huyện»" in text and "district" not in text for text in told[message].to_list()), told


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "danh sách đơn vị không có cột «huyện», là cột xếp hạng theo nhóm: cả 60 đơn vị"),
        ("en", "the register has no column «district», which the ranking is within: all 60 ranked units"),
    ],
)
def test_a_register_column_missing_is_named_in_the_run_s_language(tmp_path: Path, lang: str, said: str) -> None:
    answers_its_case(
        [*CASES["register-without-the-district"](tmp_path), "--lang", lang],
        tmp_path,
        EXPECTED["register-without-the-district"],
    )
    findings = fastexcel.read_excel(tmp_path / "out.xlsx").load_sheet(2).to_polars()
    kind, message = findings.columns[1], findings.columns[9]
    told = findings.filter(pl.col(kind) == "group-column-absent")[message].to_list()
    assert len(told) == 1 and told[0].startswith(said), told


def _refused_for_its_text(folder: Path, lang: str) -> str:
    """``pari score`` of the example's wide workbook under a text limit of 1,000 bytes, as a child."""
    shutil.copy(ROOT / "examples" / "assessments_wide.xlsx", folder / "wide.xlsx")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PARI_MAX_XLSX_TEXT_BYTES": "1000"}
    args = [sys.executable, "-m", "pari_index.cli", "--lang", lang, "score", "wide.xlsx", "-o", "out.xlsx"]
    done = subprocess.run(args, cwd=folder, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1 and "[xlsx-too-much-text]" in done.stderr, done.stderr
    assert not (folder / "out.xlsx").exists()
    return done.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "văn bản của sổ tính vượt quá 1.000 byte (tại bảng văn bản dùng chung (sharedStrings.xml))"),
        ("en", "the workbook's texts pass 1,000 bytes (at the shared strings (sharedStrings.xml))"),
    ],
)
def test_a_workbook_refused_for_its_text_names_the_part_in_the_run_s_language(
    tmp_path: Path, lang: str, said: str
) -> None:
    assert said in _refused_for_its_text(tmp_path, lang)


@pytest.mark.parametrize("part", sorted(PARAM_WORDS["text_part"]))
def test_every_part_of_a_workbook_is_named_in_each_language(part: str) -> None:
    """Each place the reader may stop at (intake/xlsx: the shared strings, an .ods's content, a
    sheet, an .xls's text cell), with its sheet where it names one; a finding written before
    session 39 (``where`` in the site's English) reads «a part of the workbook»."""
    params = {"limit": 1000, "text_part": part, "part_sheet": "Dữ liệu"} if part else {"limit": 1000, "where": "x"}
    vi, en = (render("xlsx-too-much-text", params, lang) for lang in LANGS)
    assert vi.startswith("văn bản của sổ tính vượt quá 1.000 byte (tại ") and en.startswith("the workbook's texts")
    assert ("Dữ liệu" in vi) == ("Dữ liệu" in en) == ("{part_sheet}" in PARAM_WORDS["text_part"][part].en)
    assert "sheet" not in vi and "shared strings" not in vi and "—" not in vi + en, (vi, en)


def test_a_share_with_a_decimal_comma_is_the_share_with_a_point(tmp_path: Path) -> None:
    """``--mistakes 0,1`` writes the very files ``--mistakes 0.1`` writes (and not those of the
    default 0.05): the comma is read as the decimal point it is."""
    answers_its_case([*CASES["demo-with-a-decimal-comma"](tmp_path), "--lang", "vi"], tmp_path, (0, None, ()))
    for name, share in (("point", "0.1"), ("default", "0.05")):
        args = ["demo-data", "-o", name, "--communes", "20", "--mistakes", share]
        answers_its_case(args, tmp_path, (0, None, ()))
    comma, point, default = (
        (tmp_path / folder / "assessments_long.csv").read_bytes() for folder in ("demo", "point", "default")
    )
    assert comma == point != default


@pytest.mark.parametrize(("lang", "note"), [("vi", "[mặc định: 0,05; 0<=x<=1]"), ("en", "[default: 0.05; 0<=x<=1]")])
def test_the_help_page_writes_a_default_share_as_its_language_does(tmp_path: Path, lang: str, note: str) -> None:
    page = answers_its_case(["--lang", lang, "demo-data", "--help"], tmp_path, (0, None, ()))
    assert note in " ".join(page.split()), page


@pytest.mark.parametrize(("typed", "told"), [("1,5", "1,5 "), ("2,50", "2,50 "), ("1.5", "1.5 ")])
def test_a_share_out_of_its_range_is_told_as_typed(typed: str, told: str) -> None:
    """``--mistakes 1,5`` was told «1.5 không nằm trong khoảng 0<=x<=1» (review of session 39):
    the number converted, a decimal point on a Vietnamese page; now as typed. A comma taken in
    English too («0,1» is no thousands): the range says what it refuses."""
    import click

    from pari_index.cli_params import SHARE

    with pytest.raises(click.BadParameter) as caught:
        SHARE.convert(typed, None, None)
    assert caught.value.message.startswith(told), caught.value.message
    assert SHARE.convert("0,1", None, None) == pytest.approx(0.1)
