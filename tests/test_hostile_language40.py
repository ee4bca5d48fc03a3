"""What the cases of tests/hostile_language40.py say, in each language: an empty table named as
the run's language names it, a results table that is not pari's told without Python's words or a
table's id, a median written as the language writes a number; and ``--mistakes 1,000`` read as an
English reader writes a thousand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import fastexcel
import polars as pl
import pytest
from children import answers_its_case
from hostile_language40 import CASES, EXPECTED, NOT_WRITTEN
from sweeps import case_tests, language_tests

from pari_index.messages import render, title

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

#: What each refusing case says after its file's name, in each language.
SAID = {
    ("register-of-a-heading-line-alone", "vi"): "dm.csv: danh sách đơn vị không có hàng dữ liệu nào [empty-file]",
    ("register-of-a-heading-line-alone", "en"): "dm.csv: the register has no rows [empty-file]",
    ("results-table-another-file", "vi"): "about.parquet: bảng này của kết quả không phải tệp Parquet (tệp không "
    "bắt đầu bằng «PAR1» như mọi tệp Parquet): một tệp khác đang mang tên của bảng [not-results]",
    ("results-table-another-file", "en"): "about.parquet: this table of the results is not a Parquet file (it does "
    "not begin with «PAR1» as a Parquet file does): another file has the table's name [not-results]",
    ("results-table-cut-short", "vi"): "about.parquet: cấu trúc Parquet của bảng này của kết quả không đọc được: có "
    "byte của tệp đã bị thay đổi hoặc bị cắt mất [results-damaged]",
    ("results-table-cut-short", "en"): "about.parquet: the Parquet structure of this table of the results cannot be "
    "read: bytes of the file were changed or cut [results-damaged]",
    ("results-without-a-summary", "vi"): "assessments_wide.xlsx: không có bảng Tổng hợp (trang «Tổng hợp» của sổ "
    "tính, tệp summary.csv hay summary.parquet của thư mục): đây không phải tệp kết quả của pari-index [not-results]",
    ("results-without-a-summary", "en"): "assessments_wide.xlsx: no Summary table (a workbook's «Summary» sheet, a "
    "folder's summary.csv or summary.parquet): this is not a pari-index results file [not-results]",
}


@pytest.mark.parametrize(("case", "lang"), sorted(SAID))
def test_each_refusal_is_said_in_the_run_s_language(tmp_path: Path, case: str, lang: str) -> None:
    status, code, kept = EXPECTED[case]
    # (answers_its_case looks for the code after «lỗi: »: here the sentence names it, in each language.)
    said = answers_its_case([*CASES[case](tmp_path), "--lang", lang], tmp_path, (status, None, kept), NOT_WRITTEN[case])
    assert f"[{code}]" in said, said
    assert SAID[(case, lang)] in " ".join(said.split()), said
    assert "ValueError" not in said and "bảng summary" not in said, said


@pytest.mark.parametrize(
    ("table", "vi", "en"),
    [
        ("register", "danh sách đơn vị không có hàng dữ liệu nào", "the register has no rows"),
        ("lineage", "bảng nối mã không có hàng dữ liệu nào", "the lineage table has no rows"),
        ("appraisal", "tệp thẩm định không có hàng dữ liệu nào", "the appraisal file has no rows"),
    ],
)
def test_every_table_without_rows_is_named_in_each_language(table: str, vi: str, en: str) -> None:
    """Each table read_with_columns reads (its ``table``): its empty-file names it, the English
    sentence the site writes being the catalogue's."""
    from pari_index.intake.tables import table_without_rows

    problem = table_without_rows(table, "t.csv")
    assert problem.code == "empty-file" and problem.message == en
    assert (render("empty-file", problem.params, "vi"), render("empty-file", problem.params, "en")) == (vi, en)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "trong khi các nhóm của lượt chấm có khoảng 11,5 đơn vị (trung vị)"),
        ("en", "where the run's groups hold 11.5 in the middle"),
    ],
)
def test_the_median_of_the_groups_is_written_as_the_language_writes_a_number(
    tmp_path: Path, lang: str, said: str
) -> None:
    answers_its_case(
        [*CASES["district-of-one-commune"](tmp_path), "--lang", lang], tmp_path, EXPECTED["district-of-one-commune"]
    )
    findings = fastexcel.read_excel(tmp_path / "out.xlsx").load_sheet(2).to_polars()
    kind, message = findings.columns[1], findings.columns[9]
    [told] = findings.filter(pl.col(kind) == "group-few-units")[message].to_list()
    assert said in told, told
    assert told.startswith({"vi": "nhóm «Huyện Một Xã» có 1 đơn vị", "en": "the group «Huyện Một Xã» holds 1 "}[lang])


def test_the_title_of_a_small_group_is_written_words() -> None:
    """The summary line follows a title with its count: the title ends in no number word."""
    assert (title("group-few-units", "vi"), title("group-few-units", "en")) == (
        "Nhóm xếp hạng quá ít đơn vị",
        "A ranking group of too few units",
    )


@pytest.mark.parametrize(
    ("lang", "status", "said"),
    [
        ("en", 2, "Invalid value for '--mistakes': 1,000 is not in the range 0<=x<=1."),
        ("vi", 0, "ghi chú về dữ liệu mô phỏng: demo/SYNTHETIC-README.md"),
    ],
)
def test_a_share_written_1_000_is_a_thousand_in_english_and_one_in_vietnamese(
    tmp_path: Path, lang: str, status: int, said: str
) -> None:
    """English groups thousands with the comma: «1,000» was read 1.0 (every row a mistake) in an
    English run until session 40; Vietnamese writes one so, and one is in the range."""
    args = ["--lang", lang, "demo-data", "-o", "demo", "--communes", "20", "--mistakes", "1,000"]
    told = answers_its_case(args, tmp_path, (status, None, ()))
    assert said in " ".join(told.split()), told
    assert (tmp_path / "demo").exists() == (lang == "vi")


@pytest.mark.parametrize(("typed", "share"), [("0,100", 0.1), ("0,1", 0.1), ("1,0", 1.0)])
def test_a_decimal_comma_is_still_read_in_english(tmp_path: Path, typed: str, share: float) -> None:
    """Only a comma grouping a whole number's thousands is a thousand: «0,100», «0,1», «1,0» are no
    English thousands and stay the share they were (the files of ``--mistakes`` with a point)."""
    for name, value in (("comma", typed), ("point", str(share))):
        args = ["--lang", "en", "demo-data", "-o", name, "--communes", "5", "--mistakes", value]
        answers_its_case(args, tmp_path, (0, None, ()))
    comma, point = ((tmp_path / name / "assessments_long.csv").read_bytes() for name in ("comma", "point"))
    assert comma == point


@pytest.fixture
def errors_in_vietnamese() -> Iterator[None]:
    import pari_index as pari

    pari.set_errors_lang("vi")
    yield
    pari.set_errors_lang("en")


@pytest.mark.parametrize(
    ("call", "vi", "en"),
    [
        ("score", "thiếu đối số bắt buộc 'assessments'", "missing a required argument: 'assessments'"),
        ("rank", "quá nhiều đối số theo vị trí", "too many positional arguments"),
        ("read_results", "hàm không có đối số tên 'lang'", "got an unexpected keyword argument 'lang'"),
        ("explain_text", "đối số 'details' được cho hai lần", "multiple values for argument 'details'"),
        ("display_frame", "thiếu đối số bắt buộc 'frame'", "missing a required argument: 'frame'"),
    ],
)
def test_a_call_that_does_not_fit_is_told_in_the_errors_language(
    errors_in_vietnamese: None, call: str, vi: str, en: str
) -> None:
    """Python's reason inside the Vietnamese sentence was English («lời gọi không khớp các đối số
    của hàm (missing a required argument: 'assessments')»); read_results, explain_text and
    display_frame raised Python's own «read_results() got an unexpected keyword argument 'lang'»."""
    import pari_index as pari

    calls = {
        "score": lambda: pari.score(),
        "rank": lambda: pari.rank(1, 2, 3),
        "read_results": lambda: pari.read_results("kq.xlsx", lang="vi"),
        "explain_text": lambda: pari.explain_text(1, details=2),
        "display_frame": lambda: pari.display_frame(),
    }
    with pytest.raises(TypeError) as caught:
        calls[call]()
    assert str(caught.value) == f"pari.{call}: lời gọi không khớp các đối số của hàm ({vi}); xem help(pari.{call})"
    assert caught.value.words.en == f"pari.{call}: {en} (see help(pari.{call}))"  # type: ignore[attr-defined]
