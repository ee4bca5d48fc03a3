"""The results workbook in the run's language (sheet names, headings, coded values), read back to
the ids the library uses, whatever its language and also as earlier versions wrote it (ids)."""

from __future__ import annotations

import shutil
from pathlib import Path

import fastexcel
import polars as pl
import pytest
from click.testing import CliRunner
from example_runs import README_INPUTS
from processes import run_process

from pari_index.cli import main
from pari_index.messages.results_words import (
    ABOUT_KEYS,
    ABOUT_PREFIXES,
    ABOUT_VALUES,
    BRANCH_WORDS,
    COLUMN_PREFIXES,
    COLUMNS,
    SHEETS,
    VALUES,
)
from pari_index.outputs.files import safe_sheet_name, write_xlsx
from pari_index.outputs.ownership import written_by_pari
from pari_index.outputs.results import group_sheets, read_results
from pari_index.outputs.results_labels import column_heading, column_id, label_frame, unlabel_frame

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
INPUTS = [*README_INPUTS, "--date", "2025-12-01"]
#: Columns whose text is written in the run's language (not codes): they differ between languages.
WORDED = {
    "criteria": ["explanation"],
    "findings": ["title", "message", "hint", "lang"],
    "rows": ["reasons"],
    "about": ["value"],  # the method's sentences, the language
}


def _pari(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The examples scored with --lang vi and --lang en (workbooks), and as Parquet (ids)."""
    folder = tmp_path_factory.mktemp("words")
    out = {"vi": folder / "vi.xlsx", "en": folder / "en.xlsx", "parquet": folder / "parquet"}
    for lang in ("vi", "en"):
        code, text = _pari("score", *INPUTS, "-o", str(out[lang]), "--lang", lang)
        assert code == 0, text
    code, text = _pari("score", *INPUTS, "-o", str(out["parquet"]), "--format", "parquet")
    assert code == 0, text
    return out


def _level_words(lang: str) -> dict[str, dict[str, str]]:
    """The choice levels' labels of the examples' criteria set, as a workbook shows them."""
    from pari_index.criteria.loading import default_criteria_path, load_criteria
    from pari_index.criteria.model import resolve_leaves
    from pari_index.scoring.explanations import level_words

    return level_words(resolve_leaves(load_criteria(default_criteria_path()).criteria), lang)


def _sheet(path: Path, name: str) -> pl.DataFrame:
    return fastexcel.read_excel(str(path)).load_sheet(name, dtypes="string").to_polars()


# ---------------------------------------------------------------------------------------------
# The words themselves


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_label_reads_back_as_one_id(lang: str) -> None:
    sheets = [w.get(lang) for w in SHEETS.values()]
    assert len({s.casefold() for s in sheets}) == len(sheets)
    assert all(safe_sheet_name(s) == s for s in sheets)
    headings = [w.get(lang) for w in COLUMNS.values()]
    assert len(set(headings)) == len(headings)
    for words in VALUES.values():
        for codes in words.values():
            labels = [w.get(lang) for w in codes.values()]
            assert len(set(labels)) == len(labels) and "" not in labels
    branches = [w.get(lang) for w in BRANCH_WORDS.values()]
    assert len(set(branches)) == len(branches) and not any(":" in b for b in branches)
    keys = [w.get(lang) for w in ABOUT_KEYS.values()]
    assert len(set(keys)) == len(keys)
    assert not any(k.startswith(p.get(lang)) for k in keys for p in ABOUT_PREFIXES.values())
    assert not any(h.startswith(p.get(lang)) for h in headings for p in COLUMN_PREFIXES.values())
    for codes in ABOUT_VALUES.values():
        labels = [w.get(lang) for w in codes.values()]
        assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "column", ["rank", "area_1", "rank_area_10", "area_id", "Hạng", "Rank", "_x", "Lĩnh vực 2", "Area 3", "note"]
)
def test_a_heading_reads_back_as_its_column_whatever_the_column_is_called(lang: str, column: str) -> None:
    assert column_id(column_heading(column, lang), lang) == column


def test_a_register_column_named_like_a_heading_is_written_apart() -> None:
    assert column_heading("rank", "vi") == "Hạng"
    assert column_heading("Hạng", "vi") == "_Hạng"
    assert column_heading("Hạng", "en") == "Hạng"
    assert column_heading("area_1", "en") == "Area 1"


# ---------------------------------------------------------------------------------------------
# A workbook as written


def test_vietnamese_workbook_names_heads_and_labels(runs: dict[str, Path]) -> None:
    path = runs["vi"]
    names = fastexcel.read_excel(str(path)).sheet_names
    assert names == ["Tổng hợp", "Tiêu chí", "Phát hiện", "Dòng đầu vào", "Thông tin", "XH Thành phố Hà Nội"]
    summary = _sheet(path, "Tổng hợp")
    assert summary.columns[:6] == ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Huyện", "Tỉnh", "Được xếp hạng"]
    assert {"Tổng điểm", "Chỉ số (%)", "Hạng", "Xếp loại", "Lĩnh vực 1", "Hạng lĩnh vực 1"} <= set(summary.columns)
    assert set(summary["Loại đơn vị"]) == {"xã", "phường", "đặc khu"}
    assert set(summary["Được xếp hạng"]) == {"có"}
    criteria = _sheet(path, "Tiêu chí")
    assert criteria.columns[:4] == ["Mã đơn vị", "Mã tiêu chí", "Mã lĩnh vực", "Phần"]
    assert set(criteria["Phần"]) == {"thẩm định", "điều tra xã hội học", "điểm thưởng, trừ"}
    assert set(criteria["Trạng thái"]) == {
        "đã chấm",
        "sửa khi thẩm định",
        "tự chấm khác",
        "thiếu minh chứng",
        "không áp dụng",
    }
    assert {"có minh chứng", "thiếu minh chứng", "không yêu cầu"} <= set(criteria["Tình trạng minh chứng"])
    assert {"đúng hạn", "có", "mức:0", "đạt:0/2"} <= set(criteria["Nhánh quy tắc"])
    findings = _sheet(path, "Phát hiện")
    assert findings.columns[:3] == ["Mức độ", "Mã loại phát hiện", "Loại phát hiện"]
    assert set(findings["Mức độ"]) == {"Cảnh báo", "Thông tin"}
    rows = _sheet(path, "Dòng đầu vào")
    assert rows.columns == ["Tệp", "Trang tính", "Dòng", "Trạng thái", "Lý do", "Loại đầu vào"]
    assert set(rows["Trạng thái"]) == {"đã chấm", "đã áp dụng", "có trong danh sách"}
    assert set(rows["Loại đầu vào"]) == {"tự đánh giá", "điều tra xã hội học", "thẩm định", "danh sách đơn vị"}
    about = dict(_sheet(path, "Thông tin").rows())
    assert about["Mã bộ chỉ số"] == "ha-noi-2025-commune"
    assert about["Đầy đủ"] == "có" and about["Điều tra xã hội học"] == "có kết quả"
    assert about["Tệp danh sách đơn vị"].endswith("communes.csv")
    # Every value in words: the level, the grouping column, the rounding, the language.
    assert about["Cấp đơn vị"] == "cấp xã" and about["Xếp hạng trong"] == "tỉnh"
    assert about["Làm tròn"] == "2 chữ số thập phân, làm tròn nửa lên" and about["Ngôn ngữ"] == "tiếng Việt"
    assert set(summary["Xếp hạng theo cột"]) == {"tỉnh"}
    assert set(findings["Ngôn ngữ"]) == {"tiếng Việt"}
    group = _sheet(path, "XH Thành phố Hà Nội")
    assert group.columns[:3] == ["Hạng", "Mã đơn vị", "Tên đơn vị"]


def test_english_workbook_names_heads_and_labels(runs: dict[str, Path]) -> None:
    path = runs["en"]
    names = fastexcel.read_excel(str(path)).sheet_names
    assert names == ["Summary", "Criteria", "Findings", "Input rows", "About", "Rank Thành phố Hà Nội"]
    summary = _sheet(path, "Summary")
    assert summary.columns[:6] == ["Unit code", "Unit name", "Unit type", "District", "Province", "Ranked"]
    assert set(summary["Unit type"]) == {"commune", "ward", "special zone"}
    assert set(summary["Ranked"]) == {"yes"}
    criteria = _sheet(path, "Criteria")
    assert set(criteria["Part"]) == {"appraised", "survey", "bonus and penalty"}
    assert set(criteria["Status"]) == {
        "scored",
        "changed at appraisal",
        "self-score differs",
        "evidence missing",
        "not applicable",
    }
    assert {"on time", "yes", "tier:0", "met:0/2"} <= set(criteria["Rule branch"])
    assert set(_sheet(path, "Findings")["Severity"]) == {"Warning", "Info"}
    rows = _sheet(path, "Input rows")
    assert set(rows["Status"]) == {"scored", "applied", "registered"}
    assert set(rows["Input"]) == {"self assessment", "survey", "appraisal", "register"}
    about = dict(_sheet(path, "About").rows())
    assert about["Complete"] == "yes" and about["Survey"] == "given"
    assert about["Level"] == "commune" and about["Ranked within"] == "province"
    assert about["Rounding"] == "2 places, half up" and about["Language"] == "English"
    assert set(_sheet(path, "Findings")["Language"]) == {"English"}


def test_both_languages_read_back_as_the_same_ids(runs: dict[str, Path]) -> None:
    vi, en = read_results(runs["vi"]), read_results(runs["en"])
    ids = {name: pl.read_parquet(runs["parquet"] / f"{name}.parquet") for name in vi}
    assert set(vi) == set(en) == {"summary", "criteria", "findings", "rows", "about"}
    for name in vi:
        assert vi[name].columns == en[name].columns == ids[name].columns, name
        # A choice's level is read back by its label in the workbook's language (below).
        words = [*WORDED.get(name, []), *(["branch"] if name == "criteria" else [])]
        assert vi[name].drop(words).equals(en[name].drop(words)), name
    # The coded values are the ids of the analysts' formats; a choice's level is read back by
    # its label, Vietnamese or English (the workbook shows the label, and pari explain knows a
    # level by its value or either label).
    for lang, results in (("vi", vi), ("en", en)):
        words_of = _level_words(lang)
        level_label = {(c, f"level:{v}"): f"level:{w}" for c, levels in words_of.items() for v, w in levels.items()}
        shown_branches = [
            level_label.get(pair, pair[1]) for pair in ids["criteria"].select("criterion_id", "branch").rows()
        ]
        assert any(b.startswith("level:") for b in shown_branches)
        assert not any(b.endswith(" (vi)") for b in shown_branches)
        assert results["criteria"]["branch"].to_list() == shown_branches, lang
    assert vi["criteria"]["branch"].to_list() != en["criteria"]["branch"].to_list()
    for name, column in [
        ("summary", "unit_type"),
        ("summary", "ranked"),
        ("criteria", "status"),
        ("criteria", "part"),
        ("criteria", "evidence_status"),
        ("findings", "severity"),
        ("rows", "status"),
        ("rows", "input"),
    ]:
        assert vi[name][column].to_list() == ids[name][column].to_list(), (name, column)
    assert vi["summary"]["total_points"].to_list() == ids["summary"]["total_points"].to_list()
    keys = ids["about"]["key"].to_list()
    # A Parquet folder records its table files' SHA-256 too (results_digest.with_file_digests).
    files = [key for key in keys if key.startswith("file_sha256_")]
    assert len(files) == 4 and keys[-4:] == files
    # A workbook records its tables' values digests instead (results_digest; since session 25 a Parquet
    # folder records its files' alone).
    digests = ["values_sha256_summary", "values_sha256_criteria", "values_sha256_findings"]
    assert vi["about"]["key"].to_list() == [*keys[:-4], *digests] == en["about"]["key"].to_list()
    about = dict(vi["about"].rows())
    assert about["complete"] == "yes" and about["survey"] == "given" and about["input_communes"].endswith(".csv")
    for lang, tables in (("vi", vi), ("en", en)):
        about = dict(tables["about"].rows())
        assert (about["level"], about["ranked_within"], about["rounding"]) == (
            "commune",
            "province",
            "2 places, half_up",
        )
        assert about["lang"] == lang and set(tables["findings"]["lang"]) == {lang}
        assert set(tables["summary"]["group_column"]) == {"province"}


def test_a_workbook_of_ids_as_earlier_versions_wrote_it_still_reads(runs: dict[str, Path], tmp_path: Path) -> None:
    tables = {name: pl.read_parquet(runs["parquet"] / f"{name}.parquet") for name in ("summary", "criteria")}
    vi = read_results(runs["vi"])
    old = tmp_path / "old.xlsx"
    # The writer of earlier versions: the tables under their ids, and "XH" ranking sheets.
    write_xlsx(old, {**{name: vi[name] for name in vi}, **group_sheets(vi["summary"])})
    assert fastexcel.read_excel(str(old)).sheet_names[:2] == ["summary", "criteria"]
    back = read_results(old)
    for name in vi:
        assert back[name].equals(vi[name]), name
    assert back["criteria"]["status"].to_list() == tables["criteria"]["status"].to_list()
    assert written_by_pari(old) and written_by_pari(runs["vi"]) and written_by_pari(runs["en"])


def test_the_console_names_the_findings_sheet_by_its_label(tmp_path: Path) -> None:
    for lang, words in [("vi", "(xem trang Phát hiện)"), ("en", "(see the Findings sheet)")]:
        code, text = _pari("score", *INPUTS, "-o", str(tmp_path / f"{lang}.xlsx"), "--lang", lang)
        assert code == 0 and words in text, text
    code, text = _pari("score", *INPUTS, "-o", str(tmp_path / "csv"), "--format", "csv", "--lang", "en")
    assert code == 0 and "(see findings.csv)" in text, text


# ---------------------------------------------------------------------------------------------
# What reads a workbook back


def test_report_explain_and_previous_from_a_vietnamese_workbook(runs: dict[str, Path], tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    code, text = _pari("report", str(runs["vi"]), "-o", str(page), "--lang", "en")
    assert code == 0, text
    html = page.read_text(encoding="utf-8")
    first = read_results(runs["vi"])["summary"].sort("rank")["name"][0]
    assert first in html and "Tổng hợp" not in html
    code, text = _pari("explain", "--results", str(runs["vi"]), "--lang", "en", "00001", "1.1.1")
    assert code == 0 and "1.1.1" in text, text
    again = tmp_path / "again.xlsx"
    code, text = _pari("score", *INPUTS, "-o", str(again), "--previous", str(runs["vi"]), "--lang", "en")
    assert code == 0, text
    summary = read_results(again)["summary"]
    assert summary["rank_change"].to_list() == [0] * summary.height
    assert summary["previous_rank"].to_list() == summary["rank"].to_list()
    assert "Previous rank" in _sheet(again, "Summary").columns


def test_report_of_a_vietnamese_workbook_in_a_real_process(runs: dict[str, Path], tmp_path: Path) -> None:
    copy = tmp_path / "kết quả.xlsx"
    shutil.copyfile(runs["vi"], copy)
    page = tmp_path / "report.html"
    done = run_process("report", str(copy), "-o", str(page))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    html = page.read_text(encoding="utf-8")
    assert read_results(copy)["summary"]["name"][0] in html


def test_a_register_column_named_like_a_heading_survives_the_round_trip(tmp_path: Path) -> None:
    register = tmp_path / "communes.csv"
    text = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig").splitlines()
    register.write_text(
        "\n".join([text[0] + ",Hạng"] + [line + ",hạng riêng" for line in text[1:]]) + "\n", encoding="utf-8"
    )
    out = tmp_path / "r.xlsx"
    argv = [*INPUTS]
    argv[argv.index("--communes") + 1] = str(register)
    code, output = _pari("score", *argv, "-o", str(out))
    assert code == 0, output
    assert {"Hạng", "_Hạng"} <= set(_sheet(out, "Tổng hợp").columns)
    summary = read_results(out)["summary"]
    assert set(summary["Hạng"]) == {"hạng riêng"}
    assert summary["rank"].dtype == pl.Int64 and summary["rank"].min() == 1


def test_docs_hold_the_words_as_the_code_has_them() -> None:
    from pari_index.messages.results_words import results_words_markdown

    text = (ROOT / "docs" / "data-formats.md").read_text(encoding="utf-8")
    start, end = "<!-- results-words:start -->\n\n", "\n<!-- results-words:end -->"
    assert text[text.index(start) + len(start) : text.index(end)] == results_words_markdown()


def test_a_labelled_workbook_and_its_overflow_file_are_pari_s_to_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run again onto its own workbook (and the CSV file its too long table went to, headed in
    the workbook's words), a run replaces them: they are recognised as pari-index's."""
    from pari_index.outputs import results

    monkeypatch.setattr(results, "XLSX_MAX_ROWS", 1_000)  # the criteria table (3,540 rows) overflows
    out = tmp_path / "r.xlsx"
    for lang in ("vi", "en", "vi"):
        code, text = _pari("score", *INPUTS, "-o", str(out), "--lang", lang)
        assert code == 0, text
    side = tmp_path / "r.criteria.csv"
    assert pl.read_csv(side, infer_schema=False).columns[:2] == ["Mã đơn vị", "Mã tiêu chí"]
    assert written_by_pari(side) and written_by_pari(out)
    back = read_results(out)
    assert back["criteria"].height == 3_540 and back["criteria"]["status"].to_list()[:1] == ["ok"]


def test_branches_statuses_and_yes_no_are_labelled_and_read_back() -> None:
    from pari_index.outputs.results_labels import label_frame, unlabel_frame

    criteria = pl.DataFrame(
        {
            "branch": ["on_time:2025-01-31", "tier:2", "checked:1/3", "level:deputy", None, "odd:1", "ratio_full"],
            "status": ["ok", "appraised", "excluded", "no_survey", "not_assessed", None, "new_status"],
        }
    )
    vi = label_frame("criteria", criteria, "vi")
    assert vi.columns == ["Nhánh quy tắc", "Trạng thái"]
    assert vi["Nhánh quy tắc"].to_list() == [
        "đúng hạn:2025-01-31",
        "mức:2",
        "đạt:1/3",
        "cấp:deputy",
        None,
        "odd:1",
        "đủ tỷ lệ",
    ]
    assert vi["Trạng thái"].to_list() == [
        "đã chấm",
        "sửa khi thẩm định",
        "không áp dụng",
        "chưa có điều tra",
        "chưa tự đánh giá",
        None,
        "new_status",
    ]
    assert unlabel_frame("criteria", vi, "vi").equals(criteria)
    en = label_frame("criteria", criteria, "en")
    assert en["Rule branch"].to_list()[:3] == ["on time:2025-01-31", "tier:2", "met:1/3"]
    assert unlabel_frame("criteria", en, "en").equals(criteria)
    summary = pl.DataFrame({"commune_code": ["1", "2", "3"], "ranked": [True, False, None]})
    shown = label_frame("summary", summary, "vi")
    assert shown.rows() == [("1", "có"), ("2", "không"), ("3", None)]
    assert unlabel_frame("summary", shown, "vi")["ranked"].to_list() == ["true", "false", None]


def test_a_level_branch_shows_the_label_of_its_own_item_and_reads_back_by_it() -> None:
    from pari_index.outputs.results_labels import label_frame, unlabel_frame

    criteria = pl.DataFrame(
        {
            "criterion_id": ["7.1.1", "7.5", "7.5", "1.1"],
            "branch": ["level:none", "level:none", "level:full", "tier:1"],
        }
    )
    levels = {"7.1.1": {"none": "Không thành lập"}, "7.5": {"none": "Không áp dụng", "full": "Đầy đủ"}}
    vi = label_frame("criteria", criteria, "vi", levels)
    assert vi["Nhánh quy tắc"].to_list() == ["cấp:Không thành lập", "cấp:Không áp dụng", "cấp:Đầy đủ", "mức:1"]
    en_levels = {c: {v: f"{label} (vi)" for v, label in ls.items()} for c, ls in levels.items()}
    en = label_frame("criteria", criteria, "en", en_levels)
    assert en["Rule branch"].to_list()[:2] == ["level:Không thành lập (vi)", "level:Không áp dụng (vi)"]
    back = ["level:Không thành lập", "level:Không áp dụng", "level:Đầy đủ", "tier:1"]
    assert unlabel_frame("criteria", vi, "vi")["branch"].to_list() == back
    assert unlabel_frame("criteria", en, "en")["branch"].to_list() == back
    # Without the levels (a table of no set), the value is kept, as before.
    assert label_frame("criteria", criteria, "vi")["Nhánh quy tắc"].to_list()[0] == "cấp:none"


def test_explain_knows_a_level_read_back_by_its_label() -> None:
    from pari_index.criteria.loading import default_criteria_path, load_criteria
    from pari_index.criteria.model import resolve_leaves
    from pari_index.scoring.explanations import describe_branch

    leaf = next(x for x in resolve_leaves(load_criteria(default_criteria_path()).criteria) if x.id == "7.1.1")
    by_value = describe_branch(leaf, "level:deputy", "vi")
    assert by_value.startswith("Mức “Phó Chủ tịch UBND” →")
    assert describe_branch(leaf, "level:Phó Chủ tịch UBND", "vi") == by_value
    by_value_en = describe_branch(leaf, "level:deputy", "en")
    assert by_value_en == "Level “Deputy chairman” → 0.5 points"
    # An English workbook names the level by its English label; one written before the set gave
    # English labels named it by the Vietnamese, marked " (vi)": both are known.
    assert describe_branch(leaf, "level:Deputy chairman", "en") == by_value_en
    assert describe_branch(leaf, "level:Phó Chủ tịch UBND (vi)", "en") == by_value_en
    assert describe_branch(leaf, "level:Deputy chairman", "vi") == by_value


@pytest.mark.parametrize(
    ("lang", "fmt", "place"),
    [
        ("vi", "xlsx", "(xem trang Phát hiện)"),
        ("en", "xlsx", "(see the Findings sheet)"),
        ("vi", "csv", "(xem tệp findings.csv)"),
        ("en", "parquet", "(see findings.parquet)"),
    ],
)
def test_the_console_points_past_its_first_findings_to_where_the_results_hold_them(
    lang: str, fmt: str, place: str
) -> None:
    """Over 50 findings, the console's last line names the findings sheet by its label (or the
    folder's file), never by the table's id ("xem trang findings")."""
    from pari_index.pipeline import findings_as_problems

    findings = pl.DataFrame(
        {
            "severity": ["error"] * 53,
            "kind": ["bad-number"] * 53,
            "title": ["Số không hợp lệ"] * 53,
            "commune_code": ["00001"] * 53,
            "criterion_id": ["1.1"] * 53,
            "file": ["a.csv"] * 53,
            "sheet": [None] * 53,
            "row": list(range(2, 55)),
            "column": ["self_score"] * 53,
            "message": ["not a number: x"] * 53,
            "hint": ["write a number"] * 53,
            "size": [None] * 53,
            "params": [None] * 53,
            "lang": ["en"] * 53,
        },
        schema_overrides={"sheet": pl.String, "size": pl.Float64, "params": pl.String},
    )
    problems = findings_as_problems(findings, lang=lang, fmt=fmt)
    assert len(problems) == 51
    assert problems[-1].code == "more"
    assert problems[-1].message.endswith(place)
    assert "3" in problems[-1].message


@pytest.mark.parametrize(
    ("key", "value", "vi", "en"),
    [
        ("rounding", "2 places, half_up", "2 chữ số thập phân, làm tròn nửa lên", "2 places, half up"),
        ("rounding", "0 places, half_even", "0 chữ số thập phân, làm tròn nửa về số chẵn", "0 places, half to even"),
        (
            "rounding",
            "2 places (index); items none, areas none, parts none, total 2, index 2; half_up",
            "2 chữ số thập phân (chỉ số); tiêu chí không làm tròn, lĩnh vực không làm tròn, phần không làm tròn, "
            "tổng điểm 2, chỉ số 2; làm tròn nửa lên",
            "2 places (index); items not rounded, areas not rounded, parts not rounded, total 2, index 2; half up",
        ),
        ("ranked_within", "province,district", "tỉnh, huyện", "province, district"),
        ("ranked_within", "province,cluster", "tỉnh, cluster", "province, cluster"),
        ("ranked_within", "cụm, xã", "cụm, xã", "cụm, xã"),
        ("level", "ministry", "bộ, ngành", "ministry"),
        ("level", "label", "cấp riêng của bộ chỉ số", "the set's own level"),
        ("lang", "en", "tiếng Anh", "English"),
        ("rounding", "anything else", "anything else", "anything else"),
    ],
)
def test_about_values_are_written_in_words_and_read_back(key: str, value: str, vi: str, en: str) -> None:
    """The about rows people read as words (not ids) and pari reads back as ids (the report takes
    the places and the mode from ``rounding``, the groups from ``ranked_within``)."""
    about = pl.DataFrame({"key": [key], "value": [value]})
    for lang, words in (("vi", vi), ("en", en)):
        shown = label_frame("about", about, lang)
        assert shown.row(0)[1] == words
        back = unlabel_frame("about", shown, lang)
        assert back.row(0) == (key, value)


def test_every_branch_a_rule_can_give_has_words() -> None:
    """A branch's first word is labelled in the workbook: every branch scoring describes
    (scoring.explanations._T, which explain and the report use) and every word before a colon
    that the compiled rules give has its words, so none is written as its id (after_late_until,
    no_denominator and missing were)."""
    import ast

    from pari_index.scoring.explanations import _T

    source = (ROOT / "src" / "pari_index" / "criteria" / "compiling.py").read_text(encoding="utf-8")
    given = {
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") in ("_text", "named")
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert {"after_late_until", "no_denominator", "missing", "deducted"} <= given
    assert given | set(_T) <= set(BRANCH_WORDS) | {"tier", "checked", "level"}
    labels = [words.get(lang) for lang in ("vi", "en") for words in BRANCH_WORDS.values()]
    frame = pl.DataFrame({"branch": sorted(given | set(_T))})
    for lang in ("vi", "en"):
        shown = label_frame("criteria", frame, lang)
        assert unlabel_frame("criteria", shown, lang)["branch"].to_list() == frame["branch"].to_list()
    assert len(set(labels)) == len(labels) - sum(w.vi == w.en for w in BRANCH_WORDS.values())
