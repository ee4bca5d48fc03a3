"""What the cases of tests/hostile_decoding29.py answer: a date with an English AM/PM time that may be
month first is refused, naming both readings; a name or an answer is one whatever its i or y
(``Kỳ``/``Kì``). The cases run as real child processes with a time-out, in both languages."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from hostile_decoding29 import CASES, EXPECTED, LEVEL_I, NOT_WRITTEN, QUI_ROWS, us_date
from sweeps import case_tests, language_tests, sweep_child
from test_hostile_decoding24 import _findings
from test_hostile_decoding27 import _kinds
from test_hostile_decoding28 import one_group

from pari_index.intake.sheet import heading_key
from pari_index.intake.tones import folded, folded_expr, unambiguous_folds
from pari_index.intake.values import date_problems, parse_date
from pari_index.ranking.spellings import alike_name

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def test_an_am_pm_date_is_read_only_where_its_order_shows() -> None:
    texts = [
        "6/4/2025 12:00:00 AM",  # 6 April or 4 June
        "6/4/2025 8:30 pm",
        "13/4/2025 12:00:00 AM",  # day first: no month 13
        "5/5/2025 12:00:00 AM",  # either way the same day
        "6/4/2025 8:30 SA",  # Vietnamese a.m.: day first
        "6/4/2025 08:30",
        "2025-06-04 12:00:00 AM",
        "06/04/2025",
    ]
    days = pl.DataFrame({"t": texts}).select(parse_date(pl.col("t")))["t"].to_list()
    assert [d and d.isoformat() for d in days] == [
        None,
        None,
        "2025-04-13",
        "2025-05-05",
        "2025-04-06",
        "2025-04-06",
        "2025-06-04",
        "2025-04-06",
    ]
    told = date_problems(pl.Series(texts))
    assert sorted(told) == ["6/4/2025 12:00:00 AM", "6/4/2025 8:30 pm"]
    assert "it may be 06/04/2025 or 04/06/2025;" in told["6/4/2025 8:30 pm"]
    assert us_date("27/06/2025") == "6/3/2025 12:00:00 AM"


def test_us_dates_are_refused_each_naming_both_readings(tmp_path: Path) -> None:
    done = sweep_child([*CASES["implausible-date-am-pm"](tmp_path), "--lang", "en"], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert "row 2 column «value»: 6/4/2025 12:00:00 AM is not a usable date: AM/PM marks a computer set" in said, said
    assert "it may be 06/04/2025 or 04/06/2025;" in said
    # Every date whose two numbers differ, none of those that are one day either way.
    assert "Implausible date 41," in said, said


def test_i_and_y_are_one_spelling() -> None:
    names = ["Huyện Kỳ Anh", "huyện  Kì Anh", "Qui Nhơn", "Quy Nhơn", "tỉ lệ", "Tỷ lệ", "khi", "tai", "tay", "kìa"]
    alike = pl.DataFrame({"n": names}).select(alike_name(pl.col("n")))["n"].to_list()
    assert alike[0] == alike[1] == "huyện kỳ anh"
    assert alike[2] == alike[3] == "quy nhơn"
    assert alike[4] == alike[5] == "tỷ lệ"
    assert alike[6:] == ["khi", "tai", "tay", "kìa"]  # two consonants, a vowel before, a longer syllable
    folds = pl.DataFrame({"n": names}).select(folded_expr(pl.col("n")))["n"].to_list()
    assert folds == [folded(n) for n in names]
    assert folds[:6] == ["huyen ky anh", "huyen ky anh", "quy nhon", "quy nhon", "ty le", "ty le"]
    assert unambiguous_folds({"Kì": "a", "Kỳ": "b", "Tỉ": "c", "Tỷ": "c"}) == {"ty": "c"}


def test_a_district_written_with_i_and_y_is_one_group(tmp_path: Path) -> None:
    spellings = f"«Thị xã Vĩnh Quý» ({10 - QUI_ROWS}), «Thị xã Vĩnh Quí» ({QUI_ROWS})"
    one_group(CASES["well-district-i-and-y"](tmp_path), tmp_path, spellings)


def test_answers_with_i_for_y_are_read_as_the_example(tmp_path: Path) -> None:
    args = CASES["well-level-i-and-y"](tmp_path)
    assert LEVEL_I in (tmp_path / "tu-danh-gia.csv").read_text(encoding="utf-8")
    done = sweep_child([*args, "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    # The example's own findings, and no more (measured on the example: 337 warnings).
    assert "(0 errors, 337 warnings)" in done.stdout + done.stderr, done.stdout + done.stderr


def test_headings_with_i_for_y_are_read(tmp_path: Path) -> None:
    assert heading_key("Lí do") == heading_key("LÝ DO") == "ly do"
    assert heading_key("Số, kí hiệu") == heading_key("so, ky_hieu")
    assert heading_key("commune_id") == "commune id"
    done = sweep_child([*CASES["well-headings-i-and-y"](tmp_path), "--lang", "en"], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    # The example with its appraisal (measured: 0 errors, 315 warnings), none about a column.
    assert "(0 errors, 315 warnings)" in said, said
    cells = _kinds(_findings(tmp_path))
    assert not {"unknown-column", "missing-column", "evidence-column-absent"} & set(cells), cells


def test_a_sheet_of_us_dates_is_told_once_and_none_of_its_dates_is_read(tmp_path: Path) -> None:
    done = sweep_child([*CASES["dates-month-first-am-pm"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    found = _findings(tmp_path)
    cells = _kinds(found)
    assert cells.count("dates-month-first") == 1, cells
    told = " ".join(cells)
    assert "were read day first (those with an AM/PM time were refused)" in told, told
    _, *rows = (tmp_path / "tu-danh-gia (US).csv").read_text(encoding="utf-8").splitlines()
    dates = [cell for row in rows for cell in row.split(",") if cell.endswith(" AM")]
    one_day = [d for d in dates if d.split("/")[0] == d.split("/")[1]]  # the same day either way
    assert cells.count("implausible-date") == len(dates) - len(one_day), (len(dates), cells.count("implausible-date"))
