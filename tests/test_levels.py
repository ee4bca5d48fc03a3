"""Sets of any unit level (issue 16, docs/criteria.md "Levels"): the model, validation, and the
words outputs use for the units, through ``pari score`` and ``pari report``.

tests/data/province_index.yaml ranks four provinces on four items. By hand:

=====  ==========  =========  ====  =========  =====  =====
code   1.1 plan    1.2 done   2.1   2.2 sat.   total  rank
=====  ==========  =========  ====  =========  =====  =====
01     yes 20      95 → 20    30    85 → 30    100    1
48     yes 20      90 → 20    30    49.5 → 0   70     2
79     yes 20      70 → 10    0     80 → 30    60     3
31     no 0        69.99 → 0  30    50 → 15    45     4
=====  ==========  =========  ====  =========  =====  =====
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.criteria.loading import load_criteria, load_criteria_text
from pari_index.criteria.model import LevelLabel, UnitLevel
from pari_index.criteria.units import KNOWN, UnitNames, level_labels, unit_names
from pari_index.errors import CriteriaError
from pari_index.outputs.report import LABELS
from pari_index.outputs.results import read_results
from pari_index.scoring.completeness import notices

DATA = Path(__file__).parent / "data"
PROVINCES = DATA / "province_index.yaml"

REGISTER = """\
code,name,region
01,Thành phố Hà Nội,Cả nước
79,Thành phố Hồ Chí Minh,Cả nước
31,Thành phố Hải Phòng,Cả nước
48,Thành phố Đà Nẵng,Cả nước
"""
LONG = """\
commune_code,criterion_id,input,value
01,1.1,,có
01,1.2,,95
01,2.1,,có
01,2.2,,85
79,1.1,,có
79,1.2,,70
79,2.1,,không
79,2.2,,80
31,1.1,,không
31,1.2,,69.99
31,2.1,,có
31,2.2,,50
48,1.1,,có
48,1.2,,90
48,2.1,,có
48,2.2,,49.5
"""


def _inputs(tmp_path: Path) -> tuple[Path, Path]:
    register, long = tmp_path / "provinces.csv", tmp_path / "long.csv"
    register.write_text(REGISTER, encoding="utf-8")
    long.write_text(LONG, encoding="utf-8")
    return register, long


def _set(level_line: str, origin: str = 'source: "a methodology"') -> str:
    return f"""\
id: t
title: T
year: 2024
{level_line}
province: P
issuer: I
{origin}
scale: 1
parts: {{appraised: 1}}
ranking: {{within: district}}
classes: [{{name: A, from: 0}}]
areas:
  - id: "1"
    title: A
    max: 1
    children:
      - {{id: "1.1", title: L, max: 1, inputs: {{x: {{type: boolean}}}}, rule: {{kind: yes_no, input: x}}}}
"""


# --- model and validation -----------------------------------------------------------------------


def test_known_levels_and_a_label_of_ones_own() -> None:
    assert load_criteria(PROVINCES).criteria.level is UnitLevel.province
    for level in UnitLevel:
        assert load_criteria_text(_set(f"level: {level.value}")).criteria.level is level
    own = load_criteria_text(_set("level: {vi: ban quản lý, en: management board}")).criteria
    assert own.level == LevelLabel(vi="ban quản lý", en="management board")
    names = unit_names(own)
    assert (names.heading("vi"), names.heading("en"), names.plural("en")) == (
        "Ban quản lý",
        "Management board",
        "management boards",
    )
    # The default stays commune: today's sets need no change.
    assert load_criteria_text(_set("")).criteria.level is UnitLevel.commune


def test_a_misspelt_level_is_refused_with_its_line() -> None:
    with pytest.raises(CriteriaError) as caught:
        load_criteria_text(_set("level: provnce"), "set.yaml")
    [problem] = caught.value.problems
    assert problem.line == 4
    assert "unknown level «provnce»" in problem.message and "{vi: ..., en: ...}" in problem.message


def test_neither_decision_nor_source_is_an_error_with_the_line() -> None:
    with pytest.raises(CriteriaError) as caught:
        load_criteria_text(_set("level: province", origin=""), "set.yaml")
    [problem] = caught.value.problems
    assert problem.code == "no-origin" and problem.line == 1
    assert "names neither a decision nor a source" in problem.message
    decided = load_criteria_text(_set("", origin='decision: {number: "1/QĐ", date: 2024-01-02}')).criteria
    assert decided.source is None and decided.origin == "1/QĐ"


# --- words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_commune_words_are_todays_labels(lang: str) -> None:
    assert level_labels(LABELS[lang], KNOWN[UnitLevel.commune], lang) == LABELS[lang]


def test_province_words() -> None:
    names = KNOWN[UnitLevel.province]
    vi, en = level_labels(LABELS["vi"], names, "vi"), level_labels(LABELS["en"], names, "en")
    assert vi["commune"] == "Tỉnh" and en["commune"] == "Province"
    assert vi["report"] == "Báo cáo xếp hạng Chỉ số cải cách hành chính cấp tỉnh"
    assert en["report"] == "Province PAR Index ranking report"
    assert vi["communes"] == "Số đơn vị cấp tỉnh" and en["communes"] == "Provinces"
    assert en["group_size"] == "{n} provinces" and en["filter_count"] == "Showing {shown} of {total} provinces"
    # The charts name the level too (they said «communes» for any level until session 36), and
    # one unit is one province.
    assert en["group_size_one"] == "{n} province" and en["chart_index"].startswith("Index (%) per province,")
    assert en["hist_bin"] == "{lo}–{hi} %: {n} provinces" and en["hist_bin_one"] == "{lo}–{hi} %: {n} province"
    assert en["chart_gap"] == "… {n} provinces in between …" and en["chart_gap_one"] == "… {n} province in between …"
    assert en["histogram"].startswith("Distribution of the index (%) over {n} provinces;")
    assert en["chart_ends"] == "Top {n} and bottom {n} provinces (as filtered)"
    assert en["paged_note"].endswith("filter first to print the provinces you need.")
    assert not [key for key, text in en.items() if "commune" in text.lower()]
    assert UnitNames.from_about(names.about()) == names
    own = unit_names(load_criteria_text(_set("level: {vi: ban quản lý, en: board, en_plural: boards}")).criteria)
    assert own.about()["level_en_plural"] == "boards" and UnitNames.from_about(own.about()) == own
    assert UnitNames.from_about({}) == KNOWN[UnitLevel.commune]  # results written before levels


# --- pari score and pari report ------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_score_and_report_name_provinces(tmp_path: Path, lang: str) -> None:
    register, long = _inputs(tmp_path)
    out, report = tmp_path / "results.xlsx", tmp_path / "report.html"
    args = ["score", str(long), "--criteria", str(PROVINCES), "--communes", str(register), "-o", str(out)]
    done = CliRunner().invoke(main, [*args, "--report", str(report), "--lang", lang, "-q"])
    assert done.exit_code == 0, done.output
    said = {
        "vi": "Đã chấm 4 đơn vị cấp tỉnh theo 4 tiêu chí của test-province-index (modelled for tests/test_levels.py",
        "en": "Scored 4 provinces on 4 items of test-province-index (modelled for tests/test_levels.py",
    }
    assert said[lang] in done.output  # the console summary is in the run's language

    tables = read_results(out)
    ranked = tables["summary"].sort("rank").select("commune_code", "total_points", "rank")
    assert ranked.rows() == [("01", 100.0, 1), ("48", 70.0, 2), ("79", 60.0, 3), ("31", 45.0, 4)]
    about = dict(tables["about"].iter_rows())
    assert about["level"] == "province" and "level_vi" not in about  # the words of a known level are built in
    assert not about["decision"] and about["source"].startswith("modelled for tests")

    html = report.read_text(encoding="utf-8")
    heading = "Tỉnh" if lang == "vi" else "Province"
    title = "cấp tỉnh" if lang == "vi" else "Province PAR Index ranking report"
    count = "Số đơn vị cấp tỉnh" if lang == "vi" else "Provinces"
    assert f'class="sort">{heading}</button>' in html and title in html and count in html
    assert "cấp xã" not in html and "Commune" not in html
    source = "Nguồn" if lang == "vi" else "Source"
    assert f"<dt>{source}</dt><dd><bdi>modelled for tests/test_levels.py; not a published index</bdi></dd>" in html

    # pari report from the results file alone (no criteria set) says the same.
    again = tmp_path / "again.html"
    rerun = CliRunner().invoke(main, ["report", str(out), "-o", str(again), "--lang", lang])
    assert rerun.exit_code == 0, rerun.output
    text = again.read_text(encoding="utf-8")
    assert f'class="sort">{heading}</button>' in text and title in text
    assert "cấp xã" not in text and "Commune" not in text
    assert "Thành phố Đà Nẵng" in text


def test_validate_names_the_level_and_the_source() -> None:
    done = CliRunner().invoke(main, ["validate", str(PROVINCES), "--lang", "en"])
    assert done.exit_code == 0, done.output
    assert "modelled for tests/test_levels.py; not a published index" in done.output
    assert "ranks provinces" in done.output
    assert "xếp hạng tỉnh" in CliRunner().invoke(main, ["validate", str(PROVINCES)]).output  # Vietnamese, the default


def test_the_completeness_banner_names_the_units() -> None:
    facts = {"survey": "skipped", "survey_part": "10", "communes_not_submitted": "1", "communes_without_survey": "2"}
    province = {**facts, **KNOWN[UnitLevel.province].about()}
    assert notices(province, "vi") == [
        "KHÔNG CÓ ĐIỀU TRA (--no-survey): phần điều tra (10 điểm) không được chấm, mọi tỉnh được 0 điểm phần này.",
        "CHƯA ĐẦY ĐỦ: 2 tỉnh không có kết quả điều tra.",
        "1 tỉnh không nộp tự đánh giá (đánh dấu “không nộp” trong bảng xếp hạng).",
    ]
    assert notices(province, "en") == [
        "NO SURVEY (--no-survey): the survey part (10 points) is not scored; every province has 0 for it.",
        "INCOMPLETE: 2 provinces without survey results.",
        "1 province sent no self-assessment (marked “sent nothing” in the ranking).",
    ]
    # Without level rows (a results file written before levels): communes, as before.
    assert notices(facts, "en")[1] == "INCOMPLETE: 2 communes without survey results."
    assert notices(facts, "vi")[2].startswith("1 xã không nộp")


def test_template_of_a_set_without_a_decision(tmp_path: Path) -> None:
    out = tmp_path / "form.xlsx"
    done = CliRunner().invoke(main, ["template", "--criteria", str(PROVINCES), "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert "4 dòng đầu vào của bộ tiêu chí test-province-index (modelled for tests/test_levels.py" in done.output
    guide = pl.read_excel(out, sheet_name="Hướng dẫn", has_header=False)
    lines = guide.to_series(0).to_list()
    assert "modelled for tests/test_levels.py; not a published index — Bộ Nội vụ (mô phỏng)" in lines
