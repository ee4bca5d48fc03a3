"""What the cases of tests/hostile_decoding34.py answer: a register's names that differ only by
characters nothing shows or by letters of another alphabet drawn as Latin ones are one name (one
ranking group, told by ``group-spellings``; one unit type), and the functions that compare them."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import polars as pl
import pytest
from hostile_decoding28 import _write
from hostile_decoding34 import CASES, DISTRICT, EXPECTED, NOT_WRITTEN, REWRITTEN
from hostile_sweep8 import _rows, _score
from hypothesis import given, settings
from hypothesis import strategies as st
from sweeps import Tables, case_results, case_tests, csv_results, language_tests, of_kind, sweep_child, unit_row

from pari_index.errors import IntakeError
from pari_index.intake.register import read_register
from pari_index.intake.sheet import heading_key
from pari_index.intake.tones import LOOK_ALIKE_LETTERS, alike_letters, folded, folded_expr, shown_alike
from pari_index.intake.values import parse_boolean, parse_status
from pari_index.outputs.results import read_results
from pari_index.outputs.results_checks import TABLES
from pari_index.ranking.spellings import alike_name, one_spelling, spelling_problems

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Tables:
    folder = tmp_path_factory.mktemp("example")
    return csv_results(_score(folder, "--group-by", "district"), folder)


def _one_group(tables: Tables, example: Tables) -> None:
    """Each rewritten unit ranked as the example ranks it, in one group of its district's twelve."""
    for code in (*REWRITTEN, "00154"):
        unit, same = unit_row(tables, code), unit_row(example, code)
        assert (unit["group"], unit["group_size"], unit["rank"]) == (DISTRICT, "12", same["rank"])


def test_a_district_typed_with_a_cyrillic_letter_is_one_group_and_told(tmp_path: Path, example: Tables) -> None:
    tables = case_results(CASES, "well-district-cyrillic-letter", tmp_path / "en", "--lang", "en")
    _one_group(tables, example)
    (told,) = of_kind(tables, "group-spellings")
    assert (told["severity"], told["column"], told["file"].endswith("danh-sach.csv")) == ("warning", "district", True)
    assert told["message"].endswith(
        ": «Huyện Minh Hồng» (9), «<U+041D>uyện Minh Hồng» (3); they are ranked as one group, «Huyện Minh Hồng»"
    )
    vi = case_results(CASES, "well-district-cyrillic-letter", tmp_path / "vi", "--lang", "vi")
    assert "«<U+041D>uyện Minh Hồng» (3)" in of_kind(vi, "group-spellings")[0]["message"]
    assert "chữ của bảng chữ cái khác" in of_kind(vi, "group-spellings")[0]["message"]


def test_a_district_with_bidi_marks_or_a_zero_width_space_is_one_group(tmp_path: Path, example: Tables) -> None:
    tables = case_results(CASES, "well-district-bidi-marks", tmp_path / "en", "--lang", "en")
    _one_group(tables, example)
    (told,) = of_kind(tables, "group-spellings")
    assert told["message"].endswith(
        ": «Huyện Minh Hồng» (8), «<U+202A>Huyện Minh Hồng<U+202C>» (3), «Huyện <U+200B>Minh Hồng» (1); they are "
        "ranked as one group, «Huyện Minh Hồng»"
    )


def test_a_type_written_with_an_eth_is_the_special_zone(tmp_path: Path, example: Tables) -> None:
    tables = case_results(CASES, "well-type-eth-for-d-stroke", tmp_path / "en", "--lang", "en")
    assert of_kind(tables, "unknown-unit-type") == []
    unit, same = unit_row(tables, "00178"), unit_row(example, "00178")
    # Before: no type, scored without the items of its type (maximum 97.0, index 29.45).
    assert (unit["unit_type"], unit["applicable_max"], unit["index"]) == ("special_zone", "98.25", "29.08")
    assert (unit["applicable_max"], unit["index"]) == (same["applicable_max"], same["index"])


def test_headings_with_look_alike_letters_are_read(tmp_path: Path, example: Tables) -> None:
    tables = case_results(CASES, "well-headings-look-alike", tmp_path / "en", "--lang", "en")
    assert [f["kind"] for f in tables["findings"] if f["severity"] == "error"] == []
    assert of_kind(tables, "unknown-column") == of_kind(tables, "register-without-types") == []
    shown = ("unit_type", "total_points", "applicable_max", "index", "rank")
    assert [[r[k] for k in shown] for r in tables["summary"]] == [[r[k] for k in shown] for r in example["summary"]]


@pytest.mark.parametrize(
    ("heading", "key"),
    [("v\u0430lue", "value"), ("Mã \u0445ã", "ma xa"), ("\u041c\u0410 \u0425\u0410", "ma xa"), ("Ðiểm", "diem")],
)
def test_heading_key_reads_look_alike_letters(heading: str, key: str) -> None:
    assert heading_key(heading) == key


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Нuyện Minh Hồng", "Huyện Minh Hồng"),  # Cyrillic capital en
        ("Huyện Minh Hồng", "Huyện Minh Hồng"),  # Cyrillic small o
        ("ΤΧ. Sơn Tây", "Thị xã Sơn Tây"),  # Greek capitals tau and chi, a shortened type word
        ("Ðông Anh", "Đông Anh"),  # eth for d with a stroke
        ("Ɖông Anh", "Đông Anh"),  # African D
        ("\ufeffBa\u200d Vì\u200e", "Ba Vì"),  # byte-order mark, zero-width joiner, left-to-right mark
        ("Ba\u00ad\u2066 Vì\u2069", "Ba Vì"),  # soft hyphen, isolate marks
    ],
)
def test_alike_name_reads_unseen_characters_and_look_alike_letters(written: str, plain: str) -> None:
    names = pl.Series([written, plain])
    compared = pl.select(alike_name(pl.lit(names))).to_series().to_list()
    assert compared[0] == compared[1]


@pytest.mark.parametrize(
    ("one", "other"), [("Ba Vì", "Ba Vi"), ("Đông Anh", "Dông Anh"), ("Nam Từ Liêm", "Nam Tu Liem")]
)
def test_names_of_other_letters_or_marks_stay_apart(one: str, other: str) -> None:
    compared = pl.select(alike_name(pl.lit(pl.Series([one, other])))).to_series().to_list()
    assert compared[0] != compared[1]


_LATIN = st.text(alphabet="abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXYàáảãạăắđêếôơưĐ ", min_size=1, max_size=30)
_INTO = {latin: other for other, latin in LOOK_ALIKE_LETTERS.items() if len(latin) == 1}


@settings(deadline=None)
@given(_LATIN, st.data())
def test_any_letters_swapped_for_look_alikes_compare_equal(name: str, data: st.DataObject) -> None:
    places = [i for i, c in enumerate(name) if c in _INTO]
    chosen = data.draw(st.sets(st.sampled_from(places)) if places else st.just(set()))
    swapped = "".join(_INTO[c] if i in chosen else c for i, c in enumerate(name))
    unseen = data.draw(st.sampled_from(["", "\u200b", "\u202a", "\ufeff"]))
    compared = pl.select(alike_name(pl.lit(pl.Series([name, unseen + swapped])))).to_series().to_list()
    assert compared[0] == compared[1]


def test_alike_letters_and_shown_alike_exactly() -> None:
    out = pl.select(alike_letters(pl.lit("\u202aНuyện Ðông\u200b"))).item()
    assert out == "Huyện Đông"
    assert shown_alike("Нuyện Ðông") == "<U+041D>uyện <U+00D0>ông"
    assert shown_alike("Huyện Đông") == "Huyện Đông"


def test_a_unit_listed_again_under_a_name_with_a_look_alike_letter_is_told(tmp_path: Path) -> None:
    """register-name-twice compares names as the groups do: one unit under two codes, its copy's
    name typed with a Cyrillic «Н» (until session 34, two units without a word)."""
    header, *rows = _rows("communes.csv")
    copy = list(rows[0])
    copy[0], copy[1] = "99999", copy[1].replace("H", "\u041d", 1)
    register = read_register(_write(tmp_path / "danh-sach.csv", [header, *rows, copy]))
    told = [p for p in register.warnings if p.code == "register-name-twice"]
    assert [(p.row, p.params["first"]) for p in told] == [(len(rows) + 2, "«00001»")]


@pytest.fixture(scope="module")
def results_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's results as CSV tables, saved again by nothing."""
    folder = tmp_path_factory.mktemp("results")
    args = _score(folder)
    args[args.index("-o") + 1 : args.index("-o") + 2] = [str(folder / "ket-qua"), "--format", "csv"]
    done = sweep_child(args, folder)
    assert done.returncode == 0, done.stdout + done.stderr
    return folder / "ket-qua"


@pytest.mark.parametrize(("delimiter", "shown"), [(";", "«;»"), ("\t", "Tab")])
@pytest.mark.parametrize("table", TABLES)
def test_each_results_table_saved_with_another_separator_is_damaged(
    tmp_path: Path, results_folder: Path, table: str, delimiter: str, shown: str
) -> None:
    folder = tmp_path / "ket-qua"
    shutil.copytree(results_folder, folder)
    path = folder / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    with pytest.raises(IntakeError) as caught:
        read_results(folder)
    (problem,) = caught.value.problems
    assert (problem.code, problem.file, problem.params["separator"]) == ("results-damaged", str(path), shown)
    assert problem.params["results_problem"] == "other_separator"


def test_a_results_table_with_semicolons_in_its_cells_is_read(tmp_path: Path, results_folder: Path) -> None:
    """Only the heading line is looked at: the findings table's messages hold semicolons (216 here)."""
    folder = tmp_path / "ket-qua"
    shutil.copytree(results_folder, folder)
    assert ";" in (folder / "findings.csv").read_text(encoding="utf-8-sig")
    read = read_results(folder)
    assert read["summary"].height == 60 and "commune_code" in read["summary"].columns


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Huyện \u03bdinh Hồng", "Huyện Ninh Hồng"),  # Greek small nu, drawn v
        ("Xã \u03b7am Hà", "Xã Ham Hà"),  # Greek small eta, drawn n
        ("Xã Ph\u03c5 Yên", "Xã Phy Yên"),  # Greek small upsilon, drawn u
        ("Xã \u03bcinh", "Xã Minh"),  # Greek small mu, drawn µ: no Latin letter
    ],
)
def test_greek_small_letters_are_not_read_as_their_capitals(one: str, other: str) -> None:
    """Review of session 34: a small Greek letter is compared as the Latin letter it is drawn as,
    not as its capital is: «νinh» (Vinh on screen) was «ninh», its units ranked with Ninh's."""
    compared = pl.select(alike_name(pl.lit(pl.Series([one, other])))).to_series().to_list()
    assert compared[0] != compared[1]


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Huyện \u03bdinh Hồng", "Huyện Vinh Hồng"),
        ("Huyện \u039dinh Hồng", "Huyện Ninh Hồng"),  # Greek capital nu, drawn N, lowers to nu
        ("\u0397uyện \u03b7am", "Huyện Nam"),  # Greek capital eta (H) and small eta (n)
        ("Ph\u03c5 \u03a5ên", "Phu Yên"),  # small upsilon (u), capital upsilon (Y)
    ],
)
def test_greek_letters_read_as_drawn_in_either_case(written: str, plain: str) -> None:
    compared = pl.select(alike_name(pl.lit(pl.Series([written, plain])))).to_series().to_list()
    assert compared[0] == compared[1]


def test_a_greek_nu_name_is_its_own_group_not_ninh() -> None:
    """One group of «Huyện νinh Hồng» (v on screen) beside «Huyện Ninh Hồng»: two groups, no
    group-spellings (one group of six with the warning in the merge of session 34)."""
    totals = pl.DataFrame({"district": ["Huyện Ninh Hồng"] * 3 + ["Huyện \u03bdinh Hồng"] * 3})
    assert spelling_problems(totals, ["district"], "danh-sach.csv") == []
    assert one_spelling(totals, ["district"])["district"].unique().len() == 2


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Ðạt chuẩn", "Đạt chuẩn"),  # eth for d with a stroke (a level's label)
        ("C\u043e\u0301", "Có"),  # Cyrillic o and a combining acute
        ("\u200bKhông\u00ad", "Không"),  # zero-width space, soft hyphen
        ("\u0397oàn thành", "Hoàn thành"),  # Greek capital eta
    ],
)
def test_answers_with_look_alike_letters_fold_as_the_plain_answer(written: str, plain: str) -> None:
    """Review of session 34: an answer is compared by its fold as names are (alike_letters): «Ðạt
    chuẩn» with U+00D0 was a bad-value error, «… is not one of the levels: “Đạt chuẩn …”»."""
    assert folded(written) == folded(plain)
    assert pl.select(folded_expr(pl.lit(written))).item() == folded(plain)


def test_yes_no_and_status_answers_with_look_alike_letters_are_read() -> None:
    cells = pl.Series("v", ["C\u043e\u0301", "Kh\u043eng", "\u00d0úng hạn", "Có"])
    out = pl.DataFrame(cells).select(yes=parse_boolean(pl.col("v")), status=parse_status(pl.col("v")))
    assert out["yes"].to_list() == [True, False, None, True]
    assert out["status"].to_list() == [None, "not_done", "on_time", None]
