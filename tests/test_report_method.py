"""Method and provenance on the report's page: the methodology section, the version stamp, the
synthetic-data banner and the commune profile (issue 13). No browser needed: the HTML is read."""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from importlib import metadata
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from report_data import APPRAISAL, COMMUNES, LONG, SURVEY, scored_tables

from pari_index.cli import main
from pari_index.criteria.loading import load_criteria, load_criteria_text
from pari_index.criteria.model import CriteriaSet
from pari_index.demo import README_NAME
from pari_index.outputs.provenance import SYNTHETIC_README, criteria_content_sha256, synthetic_marker
from pari_index.outputs.report import LABELS, render_report
from pari_index.outputs.report_labels import METHOD_LABELS
from pari_index.outputs.results import read_results, result_tables
from pari_index.pipeline import run_score
from pari_index.ranking.ranks import rank
from pari_index.scoring.run import score

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
ALL_KINDS = DATA / "all_kinds.yaml"
VERSION = metadata.version("pari-index")  # what `pari --version` prints


def section_text(html: str, anchor: str) -> str:
    """The visible text of the section with id ``anchor``, tags dropped and spaces collapsed."""
    start = html.index(f'id="{anchor}"')
    end = html.index("</section>", start)
    text = re.sub(r"<[^>]+>", " ", html[start:end].split(">", 1)[1])
    return re.sub(r"\s+", " ", html_lib.unescape(text)).strip()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pl.DataFrame]:
    return scored_tables(tmp_path_factory.mktemp("scored"))


# --- the method section -----------------------------------------------------------------------


def variant() -> CriteriaSet:
    """all_kinds.yaml with rounding per level, dense ties, two tie-break keys and an exclusive edge."""
    text = ALL_KINDS.read_text(encoding="utf-8")
    text = text.replace(
        "rounding: {places: 2, mode: half_up}", "rounding: {mode: half_even, items: none, areas: 2, total: 2, index: 1}"
    )
    text = text.replace(
        "ranking: {within: district, tie_break: [appraised]}",
        'ranking: {within: district, ties: dense, tie_break: [appraised, "2"]}',
    )
    text = text.replace(
        '  - {name: "Khá", en: "Fair", from: 70, below: 90}', '  - {name: "Khá", en: "Fair", above: 70, below: 90}'
    )
    text = text.replace(
        '  - {name: "Trung bình", en: "Average", from: 50, below: 70}',
        '  - {name: "Trung bình", en: "Average", from: 50, to: 70}',
    )
    criteria = load_criteria_text(text).criteria
    assert criteria.ranking.ties == "dense" and criteria.rounding.per_level
    return criteria


def test_the_method_states_the_sets_classes_rounding_and_tie_break_in_english(
    tables: dict[str, pl.DataFrame],
) -> None:
    criteria = variant()
    text = section_text(render_report(tables, lang="en", criteria=criteria), "method-h")
    # The set gives its titles in Vietnamese only: marked as such in English.
    area_2 = criteria.areas[1].title.vi + " (vi)"
    for sentence in (
        "Set id test-all-kinds",
        "Decision 0001/QĐ-UBND of 15 Jan 2024",
        "Issued by UBND tỉnh Thử Nghiệm",
        "Self-assessed and appraised 20 Sociological survey 5 Bonus and penalty points (outside the scale) 2 Scale 25",
        "Items for some unit types only (1): 2.3 (ward)",
        "The counted maximum is 20 + 5 = 25 points",
        "Weights on the scale: the appraised part 80 %, the survey part 20 %.",
        "Rounding (half to even): item points: not rounded; area points: 2 decimals; part points: not rounded; "
        "the total: 2 decimals; the index: 1 decimals.",
        "Units are ranked by the index as rounded above (the published figure), highest first, within each "
        "ranking group (district).",
        f"Equal indices are separated by, in turn: the appraised points, the points of area 2 ({area_2}) "
        "(higher first).",
        "Units still equal share a rank and the next rank is not skipped (1, 2, 2, 3).",
        "Good 90% or more",
        "Fair above 70% to below 90%",
        "Average from 50% up to 70%",
        "Poor below 50%",
    ):
        assert sentence in text, sentence
    # Every item of this set is modelled (its defaults), none quoted; the per-item table says so too.
    assert "Modelled (14): 1.1.1, 1.1.2" in text and "Quoted" not in text
    items = text[text.index("How each item is scored") :]
    assert items.count(" modelled") == 14 and "Provenance" in items


def test_the_method_in_vietnamese_says_the_same(tables: dict[str, pl.DataFrame]) -> None:
    criteria = variant()
    html = render_report(tables, lang="vi", criteria=criteria)
    text = section_text(html, "method-h")
    for sentence in (
        "Quyết định 0001/QĐ-UBND ngày 15/01/2024",
        "Làm tròn (làm tròn nửa về số chẵn): điểm từng tiêu chí: không làm tròn; điểm lĩnh vực: 2 chữ số thập phân;",
        "chỉ số: 1 chữ số thập phân.",
        "Đơn vị được xếp hạng theo chỉ số đã làm tròn như trên",
        "Khi chỉ số bằng nhau, xét lần lượt: điểm phần thẩm định, điểm lĩnh vực 2 (",
        "hạng kế tiếp không bị bỏ qua (1, 2, 2, 3)",
        "Tốt từ 90% trở lên",
        "Khá trên 70% đến dưới 90%",
        "Trung bình từ 50% đến 70%",
        "Kém dưới 50%",
        "Mô hình hóa (14)",
    ):
        assert sentence in text, sentence
    # One language per page: no English method word in the Vietnamese section.
    for key, english in METHOD_LABELS["en"].items():
        if "{" not in english and english != METHOD_LABELS["vi"][key]:
            assert english not in text, english


def test_the_default_tie_rule_and_the_bundled_sets_quoted_items(tables: dict[str, pl.DataFrame]) -> None:
    criteria = load_criteria(ROOT / "criteria" / "hai-phong-2022-commune.yaml").criteria
    text = section_text(render_report(tables, lang="en", criteria=criteria), "method-h")
    assert "The set gives no tie-break for equal indices." in text
    assert "Units still equal share a rank and the next rank is skipped (1, 2, 2, 4)." in text
    assert "So two units with the same index share a rank" in text
    # Items marked `provenance: quoted` (on 1.1 and inherited) are listed apart from modelled ones.
    quoted = re.search(r"Quoted from the decision \((\d+)\): ([^.]*(?:\.\d[^.]*)*)\.", text)
    assert quoted and "1.1.1" in quoted.group(2) and "1.1.2" in quoted.group(2)
    assert "Modelled (" in text


def test_what_the_method_says_about_ties_is_what_rank_does() -> None:
    """Equal index: the tie-break key separates them (ranks 1 and 2, same figures shown); equal on
    every key: a shared rank, the next one skipped."""
    criteria = load_criteria(ALL_KINDS).criteria  # tie_break: [appraised], competition
    totals = pl.DataFrame(
        {
            "commune_code": ["00001", "00002", "00003", "00004"],
            "district": ["D"] * 4,
            "index": [800000, 800000, 800000, 700000],
            "total_points": [200000, 200000, 200000, 175000],
            "appraised_points": [160000, 150000, 150000, 140000],
            "survey_points": [40000, 50000, 50000, 35000],
        }
    )
    ranked = rank(totals, pl.DataFrame(), criteria)
    assert dict(zip(ranked["commune_code"], ranked["rank"], strict=True)) == {
        "00001": 1,
        "00002": 2,
        "00003": 2,
        "00004": 4,
    }


# --- the version stamp ------------------------------------------------------------------------


def write_inputs(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {"long": LONG, "communes": COMMUNES, "appraisal": APPRAISAL, "survey": SURVEY}
    paths = {}
    for name, text in files.items():
        paths[name] = folder / f"{name}.csv"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def run(folder: Path, out: Path, fmt: str, **kw: object) -> dict[str, str]:
    inputs = write_inputs(folder)
    run_score(
        assessments=[inputs["long"]],
        criteria=ALL_KINDS,
        communes=inputs["communes"],
        appraisal=inputs["appraisal"],
        survey=[inputs["survey"]],
        output=out,
        fmt=fmt,
        **kw,  # type: ignore[arg-type]
    )
    about = read_results(out)["about"]
    return dict(about.select(pl.all().cast(pl.String)).iter_rows())


@pytest.mark.parametrize(("fmt", "name"), [("xlsx", "results.xlsx"), ("csv", "csv"), ("parquet", "parquet")])
def test_the_results_record_version_hashes_and_date_in_every_format(tmp_path: Path, fmt: str, name: str) -> None:
    about = run(tmp_path / "in", tmp_path / name, fmt, date="2025-03-01")
    inputs = tmp_path / "in"
    assert about["pari_version"] == VERSION
    assert about["criteria_id"] == "test-all-kinds"
    assert about["criteria_sha256"] == sha256(ALL_KINDS)  # what `sha256sum all_kinds.yaml` prints
    assert about["criteria_sha256_of"] == "file"
    assert about["input_sha256_assessments"] == sha256(inputs / "long.csv")
    assert about["input_sha256_communes"] == sha256(inputs / "communes.csv")
    assert about["input_sha256_survey"] == sha256(inputs / "survey.csv")
    assert about["input_sha256_appraisal"] == sha256(inputs / "appraisal.csv")
    assert about["run_date"] == "2025-03-01"
    assert "synthetic" not in about


def test_the_stamp_shows_them_also_when_the_report_is_made_later(tmp_path: Path) -> None:
    run(tmp_path / "in", tmp_path / "results", "parquet", date="2025-03-01")
    report = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(tmp_path / "results"), "-o", str(report), "--lang", "en"])
    assert result.exit_code == 0, result.output
    stamp = section_text(report.read_text(encoding="utf-8"), "stamp-h")
    assert f"pari-index version {VERSION}" in stamp
    assert "Set id test-all-kinds" in stamp and "Run date 1 Mar 2025" in stamp
    assert f"SHA-256 of the criteria file: {sha256(ALL_KINDS)}" in stamp
    for role, file in (("Self-assessments", "long.csv"), ("Register", "communes.csv"), ("Survey", "survey.csv")):
        assert f"{role} {file} {sha256(tmp_path / 'in' / file)}" in stamp
    assert "made with" not in stamp  # the same version made the results and the report


def test_the_run_date_defaults_to_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01T00:00:00Z
    assert run(tmp_path / "in", tmp_path / "results", "parquet")["run_date"] == "2025-01-01"


def test_a_date_that_is_not_one_is_refused_before_any_work(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in")
    out = tmp_path / "results.xlsx"
    args = ["score", str(inputs["long"]), "-o", str(out), "--date", "hôm qua"]
    result = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "is not a date" in result.output and "YYYY-MM-DD" in result.output
    vietnamese = CliRunner().invoke(main, args).output  # the default language
    assert "--date hôm qua không phải một ngày trong khoảng 2000–2100 viết dạng YYYY-MM-DD [bad-date]" in vietnamese
    assert "Traceback" not in result.output and not out.exists()


def test_a_set_given_as_an_object_is_hashed_by_its_content(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in")
    # A set read from no file (load_criteria of a path records that file's hash while the set and
    # the file are unchanged: tests/test_hostile_api38.py).
    criteria = load_criteria_text(ALL_KINDS.read_text(encoding="utf-8")).criteria
    result = score([inputs["long"]], criteria, communes=inputs["communes"], survey=[inputs["survey"]])
    about = dict(result_tables(result).about.iter_rows())
    assert about["criteria_sha256_of"] == "content"
    # The content hash ignores layout and comments: the same set written otherwise hashes alike.
    text = ALL_KINDS.read_text(encoding="utf-8")
    other = "# another layout\n" + text.replace("\nareas:\n", "\n\n# the areas\nareas:   \n").replace(
        "scale: 25", "scale:   25.0"
    )
    assert other != text
    assert criteria_content_sha256(load_criteria_text(other).criteria) == about["criteria_sha256"]
    renamed = ALL_KINDS.read_text(encoding="utf-8").replace("id: test-all-kinds", "id: test-all-kinds-2")
    assert criteria_content_sha256(load_criteria_text(renamed).criteria) != about["criteria_sha256"]


# --- the synthetic banner ---------------------------------------------------------------------


def test_the_banner_shows_for_data_marked_synthetic_in_both_languages(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in")
    (tmp_path / "in" / SYNTHETIC_README).write_text("# SYNTHETIC DATA\n", encoding="utf-8")
    about = run(tmp_path / "in", tmp_path / "results", "parquet")
    assert about["synthetic"] == "yes" and about["synthetic_marker"] == SYNTHETIC_README
    tables = read_results(tmp_path / "results")
    for lang in ("vi", "en"):
        html = render_report(tables, lang=lang)
        banner = section_text(html, "synthetic-h")
        assert banner.startswith(LABELS[lang]["synthetic_title"])
        assert LABELS[lang]["synthetic_text"] in banner
        assert SYNTHETIC_README in banner
        other = "en" if lang == "vi" else "vi"
        assert LABELS[other]["synthetic_text"] not in html
    assert inputs["long"].exists()


def test_no_banner_for_data_not_marked_synthetic(tables: dict[str, pl.DataFrame]) -> None:
    for lang in ("vi", "en"):
        html = render_report(tables, lang=lang)
        assert 'class="synthetic"' not in html and LABELS[lang]["synthetic_text"] not in html


def test_the_synthetic_flag_marks_any_data(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in")
    report = tmp_path / "report.html"
    args = ["score", str(inputs["long"]), "--criteria", str(ALL_KINDS), "--communes", str(inputs["communes"])]
    args += ["--survey", str(inputs["survey"]), "-o", str(tmp_path / "r.xlsx"), "--report", str(report)]
    result = CliRunner().invoke(main, [*args, "--synthetic", "--lang", "en"])
    assert result.exit_code == 1, result.output  # lenient: rows of long.csv are rejected, results written
    banner = section_text(report.read_text(encoding="utf-8"), "synthetic-h")
    assert "Synthetic data" in banner and "Marked by: --synthetic" in banner


def test_the_examples_and_the_demo_carry_the_marker() -> None:
    assert README_NAME == SYNTHETIC_README  # what pari_index.demo writes is what the run looks for
    examples = ROOT / "examples"
    for inputs in (
        [examples / "assessments_long.csv", examples / "communes.csv"],
        [examples / "hai-phong-2022" / "assessments_long.csv"],
    ):
        assert synthetic_marker(inputs) == inputs[0].parent / SYNTHETIC_README


# --- the commune profile ----------------------------------------------------------------------


def profile_tables() -> dict[str, pl.DataFrame]:
    """Four communes in group A, one in group B. Area 2 does not apply to 00004 (its items are
    excluded), so the median of area 2 in A is over three communes."""
    summary = pl.DataFrame(
        {
            "commune_code": ["00001", "00002", "00003", "00004", "00005"],
            "name": ["Xã Một", "Xã Hai", "Xã Ba", "Phường Bốn", "Xã Năm"],
            "unit_type": ["commune", "commune", "commune", "ward", "commune"],
            "group": ["A", "A", "A", "A", "B"],
            "rank": [1, 2, 3, 4, 1],
            "group_size": [4, 4, 4, 4, 1],
            "previous_rank": [3, 2, None, 1, 1],
            "rank_change": [2, 0, None, -3, 0],
            "index": [90.0, 80.0, 70.0, 60.0, 50.0],
            "total_points": [9.0, 8.0, 7.0, 6.0, 5.0],
            "area_1": [5.0, 4.0, 2.5, 6.0, 1.0],
            "area_2": [4.0, 4.0, 4.5, 0.0, 4.0],
        }
    )
    rows = [
        # commune, item, area, part, max, final, status
        ("00001", "1.1", "1", "appraised", 3.0, 3.0, "ok"),
        ("00001", "1.2", "1", "appraised", 3.0, 2.0, "ok"),
        ("00001", "2.1", "2", "appraised", 4.0, 4.0, "ok"),
        ("00001", "9.1", "9", "adjustment", 2.0, 0.0, "ok"),  # a bonus not won is no loss
        ("00002", "1.1", "1", "appraised", 3.0, 1.0, "ok"),  # lost 2
        ("00002", "1.2", "1", "appraised", 3.0, 3.0, "ok"),
        ("00002", "2.1", "2", "appraised", 4.0, 3.0, "ok"),  # lost 1
        ("00002", "2.2", "2", "survey", 2.0, 1.0, "ok"),  # lost 1, after 2.1 in the set
        ("00002", "2.3", "2", "survey", 1.0, 0.75, "ok"),  # lost 0.25: fourth, left out
        ("00003", "1.1", "1", "appraised", 3.0, 0.5, "ok"),
        ("00003", "2.1", "2", "appraised", 4.0, 4.5, "ok"),
        ("00004", "1.1", "1", "appraised", 3.0, 3.0, "ok"),
        ("00004", "2.1", "2", "appraised", 4.0, 0.0, "excluded"),  # not applicable: no loss, no median
        ("00005", "1.1", "1", "appraised", 3.0, 1.0, "ok"),
    ]
    columns = ["commune_code", "criterion_id", "area_id", "part", "max", "final_score", "status"]
    criteria = pl.DataFrame(rows, schema=columns, orient="row").with_columns(
        pl.when(pl.col("status") == "excluded").then(0.0).otherwise(pl.col("max")).alias("counted_max")
    )
    about = pl.DataFrame({"key": ["ranked_within"], "value": ["district"]})
    return {"summary": summary, "criteria": criteria, "about": about}


def profile_text(html: str, code: str) -> str:
    start = html.index(f'<span class="code" dir="auto">{code}</span> ·')
    start = html.index('<div class="profile">', start)
    end = html.index("</details>", start)
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html[start:end]))).strip()


def test_the_profile_compares_areas_with_the_group_median() -> None:
    html = render_report(profile_tables(), lang="en")
    # Group A, area 1: median of 5, 4, 2.5, 6 = 4.5; area 2: median of 4, 4, 4.5 = 4 (00004 left out).
    one = profile_text(html, "00001")
    assert "A1 5.00 4.50 +0.50" in one and "A2 4.00 4.00 0.00" in one
    assert "Rank change from the previous year: up 2. Previous rank: 3" in one
    three = profile_text(html, "00003")
    assert "A1 2.50 4.50 −2.00" in three and "A2 4.50 4.00 +0.50" in three
    four = profile_text(html, "00004")
    assert "A1 6.00 4.50 +1.50" in four and "A2 0.00 4.00 −4.00" in four
    # A group of its own: the commune is its own median.
    assert "A1 1.00 1.00 0.00" in profile_text(html, "00005")
    vi = profile_text(render_report(profile_tables(), lang="vi"), "00003")
    assert "LV1 2,50 4,50 −2,00" in vi


def test_the_profile_lists_the_largest_losses_in_the_sets_order() -> None:
    html = render_report(profile_tables(), lang="en")
    two = profile_text(html, "00002")
    losses = two[two.index("Items where most points were lost") :]
    assert re.findall(r"(\d\.\d) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) −(\d+(?:\.\d+)?)", losses) == [
        ("1.1", "3", "1", "2"),
        ("2.1", "4", "3", "1"),
        ("2.2", "2", "1", "1"),
    ]
    one = profile_text(html, "00001")
    assert re.findall(r"(\d\.\d) \d+ \S+ −(\S+)", one[one.index("Items where") :]) == [("1.2", "1")]
    # Nothing lost that counts: an excluded item is no loss (00004), and no table is shown.
    assert "Items where most points were lost" not in profile_text(html, "00004")


def test_the_profile_is_in_a_packed_group_too() -> None:
    html = render_report(profile_tables(), lang="en", lazy_details=True)
    assert '<div class="profile">' not in html  # the bodies travel packed
    import base64
    import gzip
    import json

    pattern = r'<script type="application/octet-stream" class="lazy" data-g="g[0-9]+">([A-Za-z0-9+/=]*)</script>'
    bodies = re.findall(pattern, html)
    packs = [json.loads(gzip.decompress(base64.b64decode(b))) for b in bodies]
    markup = "".join(p["b"] + "".join(p["e"]) for p in packs)
    assert markup.count('<div class="profile">') == 5


def test_results_written_before_the_stamp_say_what_is_not_recorded(tables: dict[str, pl.DataFrame]) -> None:
    keys = ("pari_version", "criteria_sha256", "criteria_sha256_of", "run_date")
    old = dict(tables)
    old["about"] = tables["about"].filter(~pl.col("key").is_in(keys) & ~pl.col("key").str.starts_with("input_sha256_"))
    stamp = section_text(render_report(old, lang="vi"), "stamp-h")
    unknown = LABELS["vi"]["stamp_unknown"]
    assert f"Phiên bản pari-index {unknown}" in stamp and f"Ngày chạy {unknown}" in stamp
    assert "SHA-256" not in stamp.replace("(SHA-256)", "")
    # With the set at hand, its content hash stands in, and the page says it is of the content.
    criteria = load_criteria(ALL_KINDS).criteria
    stamp = section_text(render_report(old, lang="en", criteria=criteria), "stamp-h")
    assert f"SHA-256 of the set's canonical content (JSON): {criteria_content_sha256(criteria)}" in stamp
    assert f"report made with {VERSION}" in stamp


def test_a_class_without_an_english_name_is_marked_and_keeps_its_colour(tables: dict[str, pl.DataFrame]) -> None:
    """The class's name in the results is the key of its colour and order; its label is the
    English name, else the Vietnamese marked "(vi)" (it once lost both: the key was the label)."""
    text = ALL_KINDS.read_text(encoding="utf-8").replace(', en: "Poor"', "")
    criteria = load_criteria_text(text).criteria
    summary = tables["summary"].with_columns(
        pl.when(pl.col("class") == "Kém").then(None).otherwise(pl.col("class_en")).alias("class_en")
    )
    assert summary["class"].to_list().count("Kém") == 3
    shown = {**tables, "summary": summary}
    english = render_report(shown, lang="en", criteria=criteria)
    vietnamese = render_report(shown, lang="vi", criteria=criteria)

    def swatches(html: str, label: str) -> list[str]:
        return re.findall(
            rf'<span class="sw (k\d+)" aria-hidden="true"></span> (?:<bdi[^>]*>)?{re.escape(label)}[<\s]', html
        )

    marked = swatches(english, "Kém (vi)")
    # In the rows, the legend and the method; with the colour the Vietnamese report gives it.
    assert len(marked) >= 3 and set(marked) == set(swatches(vietnamese, "Kém")) and "" not in marked
    method = section_text(english, "method-h")
    assert "Kém (vi) below 50%" in method and "Good 90% or more" in method
