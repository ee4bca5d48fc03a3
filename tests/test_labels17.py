"""Every text of the bundled criteria sets exists in English (sweep 17).

Before, the bundled sets gave English for their titles and classes but for 2 of 146 (Hà Nội) and 3
of 116 (Hải Phòng) labels, and a document (``evidence``) could not have English at all: an English
output showed "Số cuộc kiểm tra (vi)=5". Now every input, document, checklist condition and choice
level has a ``label_en``; a set without one (a user's) is still shown in Vietnamese marked " (vi)".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from pari_index.authoring.export import evidence_text as annex_evidence_text
from pari_index.cli import main
from pari_index.criteria.loading import bundled_criteria_dir, load_criteria, load_criteria_text
from pari_index.criteria.method import method_text
from pari_index.criteria.model import Band, LevelLabel, Text, resolve_leaves
from pari_index.criteria.rules import Choice
from pari_index.errors import CriteriaError
from pari_index.outputs.template import evidence_text as form_evidence_text
from pari_index.scoring.explanations import describe_branch, input_labels, level_words

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SETS = sorted(bundled_criteria_dir().glob("*.yaml"))
MARK = " (vi)"


def _untranslated(value: Any, where: str = "") -> list[str]:
    """Every text in ``value`` (a criteria set, walked field by field) that has no English: a
    ``label`` without ``label_en``, a title without ``en``, a class without ``en``. Walked
    generically, so that a field added later is checked as soon as it is a label or a Text."""
    found: list[str] = []
    if isinstance(value, BaseModel):
        if isinstance(value, Text | LevelLabel) and not value.en:
            found.append(f"{where}: {value.vi!r} has no en")
        if isinstance(value, Band) and not value.en:
            found.append(f"{where}: class {value.name!r} has no en")
        label = getattr(value, "label", None)
        if isinstance(label, str) and label and not getattr(value, "label_en", None):
            found.append(f"{where}: label {label!r} has no label_en")
        for name in type(value).model_fields:
            found += _untranslated(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            found += _untranslated(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            found += _untranslated(item, f"{where}[{i}]")
    return found


def test_both_bundled_sets_are_checked() -> None:
    assert [p.name for p in SETS] == ["ha-noi-2025-commune.yaml", "hai-phong-2022-commune.yaml"]


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_every_text_of_a_bundled_set_has_english(path: Path) -> None:
    criteria = load_criteria(path).criteria
    assert _untranslated(criteria, criteria.id) == []
    # Every input and choice level has a label at all (one without would be shown by its id).
    leaves = resolve_leaves(criteria)
    assert all(spec.label and spec.label_en for leaf in leaves for spec in leaf.inputs.values())
    levels = [level for leaf in leaves if isinstance(leaf.rule, Choice) for level in leaf.rule.levels]
    assert levels and all(level.label and level.label_en for level in levels)
    assert sum(len(leaf.evidence) for leaf in leaves) > 30
    # The English is not the Vietnamese copied over.
    assert not [spec.label for leaf in leaves for spec in leaf.inputs.values() if spec.label == spec.label_en]
    assert not [e.label for leaf in leaves for e in leaf.evidence if e.label == e.label_en]
    # Said once in the file's header: the English labels are ours, not the decision's.
    header = " ".join(line.lstrip("# ") for line in path.read_text(encoding="utf-8").split("\nid:")[0].splitlines())
    assert "are the project's translations, not the decision's text" in header


def test_the_check_sees_a_label_without_english() -> None:
    """The walk above is not blind: a document, a level and a condition without English show."""
    text = (bundled_criteria_dir() / "hai-phong-2022-commune.yaml").read_text(encoding="utf-8")
    text = text.replace(', label_en: "Annual reform plan"}', "}", 1)
    text = text.replace(', label_en: "None"', "", 1)
    text = text.replace(', label_en: "Condition 2 (wording not verified)"', "", 1)
    found = _untranslated(load_criteria_text(text, "x.yaml").criteria)
    assert [line.split(": ", 1)[1] for line in found] == [
        "label 'Điều kiện 2 (nội dung chưa xác minh)' has no label_en",
        "label 'Kế hoạch CCHC năm' has no label_en",
        "label 'Không có' has no label_en",
    ]


def _without_english_labels(name: str) -> str:
    """A bundled set as a user might write it: every ``label_en`` taken out."""
    text = (bundled_criteria_dir() / name).read_text(encoding="utf-8")
    return re.sub(r', label_en: "[^"]*"', "", text)


def test_a_set_without_english_labels_is_still_marked_vi() -> None:
    """The " (vi)" mark is kept for a set that gives no English (a user's): an input, a level, a
    checklist condition and a document, in every place that shows them."""
    criteria = load_criteria_text(_without_english_labels("hai-phong-2022-commune.yaml"), "mine.yaml").criteria
    leaves = {leaf.id: leaf for leaf in resolve_leaves(criteria)}
    plan, initiative = leaves["1.1.2"], leaves["1.2.2"]
    assert plan.evidence[0].shown("en") == "Kế hoạch CCHC năm (vi)"
    assert plan.evidence[0].shown("vi") == "Kế hoạch CCHC năm"
    assert form_evidence_text(plan, "en").startswith("Kế hoạch CCHC năm (vi): ")
    assert annex_evidence_text(plan.evidence, "en") == "– Kế hoạch CCHC năm (vi)"
    assert "– Điều kiện 1 (nội dung chưa xác minh) (vi): 0.1 points" in method_text(plan, "en")
    assert "– Không có (vi): 0 points" in method_text(initiative, "en")
    assert input_labels([plan], "en")["1.1.2:condition_1"] == "Đáp ứng điều kiện thứ nhất (vi)"
    assert level_words([initiative], "en")["1.2.2"]["none"] == "Không có (vi)"
    assert describe_branch(initiative, "level:none", "en") == "Level “Không có (vi)” → 0 points"


def test_the_bundled_set_shows_its_english_labels() -> None:
    """The same places with the bundled set: its English, unmarked; Vietnamese unchanged."""
    leaves = {leaf.id: leaf for leaf in resolve_leaves(load_criteria(SETS[1]).criteria)}
    plan, initiative = leaves["1.1.2"], leaves["1.2.2"]
    assert plan.evidence[0].shown("en") == "Annual reform plan"
    assert form_evidence_text(plan, "en").startswith("Annual reform plan: ")
    assert form_evidence_text(plan, "vi").startswith("Kế hoạch CCHC năm: ")
    assert annex_evidence_text(plan.evidence, "en") == "– Annual reform plan"
    assert "– Condition 1 (wording not verified): 0.1 points" in method_text(plan, "en")
    assert "– Không có: 0 điểm" in method_text(initiative, "vi")
    assert input_labels([plan], "en")["1.1.2:condition_1"] == "First condition met"
    assert level_words([initiative], "en")["1.2.2"]["none"] == "None"
    assert describe_branch(initiative, "level:none", "vi") == "Mức “Không có” → 0 điểm"


def test_an_english_label_that_names_another_level_is_refused() -> None:
    """A clerk may answer with a level's English label: one that is another level's value or
    label would score as either, so the set is refused (ambiguous-level)."""
    text = (bundled_criteria_dir() / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
    text = text.replace('label_en: "Deputy chairman"', 'label_en: "Không thành lập"', 1)
    with pytest.raises(CriteriaError) as caught:
        load_criteria_text(text, "x.yaml")
    assert [p.code for p in caught.value.problems] == ["ambiguous-level"]
    assert "7.1.1" in caught.value.problems[0].message


def _pari(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.fixture(scope="module")
def english_results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's example command, in English (the report beside the results)."""
    out = tmp_path_factory.mktemp("labels17") / "results.xlsx"
    args = ["--lang", "en", "score", str(EXAMPLES / "assessments_long.csv"), str(EXAMPLES / "assessments_wide.xlsx")]
    args += ["--communes", str(EXAMPLES / "communes.csv"), "--survey", str(EXAMPLES / "survey.csv")]
    args += ["--appraisal", str(EXAMPLES / "appraisal.csv"), "-o", str(out), "--date", "2026-01-15"]
    _pari(*args, "--report", str(out.with_name("report.html")))
    return out


def test_english_explain_of_the_example_shows_no_vietnamese_label(english_results: Path) -> None:
    # A ward, a commune and the special zone: between them every item of the set.
    units = pl.read_csv(EXAMPLES / "communes.csv", schema_overrides={"code": pl.String})
    codes = [units.filter(pl.col("type") == kind)["code"][0] for kind in ("phường", "xã", "đặc khu")]
    assert codes[0] == "00001"
    for code in codes:
        text = _pari("--lang", "en", "explain", code, "--results", str(english_results))
        assert "Method:" in text and "inputs: " in text
        assert MARK not in text, [line for line in text.splitlines() if MARK in line][:5]
    text = _pari("--lang", "en", "explain", "00001", "--results", str(english_results))
    assert "inputs: Inspections=5 |" in text
    assert "Head of the steering committee=" in text


def test_english_report_shows_no_vietnamese_label(english_results: Path) -> None:
    page = english_results.with_name("report.html").read_text(encoding="utf-8")
    assert "Total points" in page and "Inspections" in page
    assert MARK not in page


def test_english_results_show_no_vietnamese_label(english_results: Path) -> None:
    book = openpyxl.load_workbook(english_results, read_only=True)
    marked = [
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str) and MARK in cell
    ]
    assert marked == []
    criteria = pl.read_excel(english_results, sheet_name="Criteria")
    branches = set(criteria["Rule branch"].drop_nulls())
    assert {"level:Deputy chairman", "level:Maintained and improved in full"} & branches


def test_english_form_and_annex_of_the_bundled_sets_show_no_vietnamese_label(tmp_path: Path) -> None:
    for path in SETS:
        form, annex = tmp_path / f"{path.stem}-form.xlsx", tmp_path / f"{path.stem}-annex.xlsx"
        _pari("--lang", "en", "template", "--criteria", str(path), "-o", str(form))
        _pari("--lang", "en", "criteria", "export", str(path), "-o", str(annex))
        for book in (form, annex):
            cells = [
                cell
                for sheet in openpyxl.load_workbook(book, read_only=True).worksheets
                for row in sheet.iter_rows(values_only=True)
                for cell in row
                if isinstance(cell, str)
            ]
            assert cells and [c for c in cells if MARK in c] == [], book.name


def test_an_english_level_label_is_read_as_the_level(tmp_path: Path) -> None:
    """The English form offers the levels' English labels: intake reads them, in any case, as
    it reads the value and the Vietnamese label."""
    register = tmp_path / "communes.csv"
    register.write_text(
        "code,name,type,district,province\n"
        "00001,Phường A,phường,Quận X,Thành phố Hà Nội\n"
        "00002,Phường B,phường,Quận X,Thành phố Hà Nội\n"
        "00003,Phường C,phường,Quận X,Thành phố Hà Nội\n",
        encoding="utf-8",
    )
    rows = tmp_path / "long.csv"
    rows.write_text(
        "commune_code,criterion_id,input,value\n"
        "00001,7.1.1,committee_head,Deputy chairman\n"
        "00002,7.1.1,committee_head,PHÓ CHỦ TỊCH UBND\n"
        "00003,7.1.1,committee_head,deputy\n",
        encoding="utf-8",
    )
    out = tmp_path / "results.parquet.d"
    _pari("score", str(rows), "--communes", str(register), "--no-survey", "-o", str(out), "--format", "parquet")
    criteria = pl.read_parquet(out / "criteria.parquet").filter(pl.col("criterion_id") == "7.1.1")
    assert criteria.sort("commune_code")["branch"].to_list() == ["level:deputy"] * 3
    assert criteria["computed_score"].to_list() == [0.5] * 3


@pytest.mark.parametrize(
    ("english", "levels"),
    [
        (True, "“Up to standard, modern equipment”; “Minimum standard”; “Below standard”"),
        (False, "“Đạt chuẩn, trang thiết bị hiện đại (vi)”; “Đạt chuẩn tối thiểu (vi)”; “Chưa đạt chuẩn (vi)”"),
    ],
)
def test_an_english_hint_names_the_levels_in_english(tmp_path: Path, english: bool, levels: str) -> None:
    """A cell that names no level: the English hint lists the levels by their English labels (it
    listed the Vietnamese ones, unmarked), a set without them by the Vietnamese marked " (vi)";
    the Vietnamese hint is unchanged."""
    criteria = tmp_path / "set.yaml"
    text = (bundled_criteria_dir() / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
    criteria.write_text(text if english else _without_english_labels("ha-noi-2025-commune.yaml"), encoding="utf-8")
    rows = tmp_path / "long.csv"
    rows.write_text("commune_code,criterion_id,input,value\n00001,3.4.1,desk,Tốt lắm\n", encoding="utf-8")
    args = ["score", str(rows), "--criteria", str(criteria), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--no-survey", "-q", "-o", str(tmp_path / "out.xlsx")]
    en = CliRunner().invoke(main, ["--lang", "en", *args]).output
    assert f"    hint: write one of the item's 3 levels (a label or a value): {levels}\n" in en
    vi = CliRunner().invoke(main, ["--lang", "vi", *args]).output
    assert (
        "    gợi ý: ghi một trong 3 mức của tiêu chí (nhãn hoặc giá trị): “Đạt chuẩn, trang thiết bị hiện đại”; "
        "“Đạt chuẩn tối thiểu”; “Chưa đạt chuẩn”\n"
    ) in vi


def test_a_level_hint_written_before_the_english_list_is_still_rendered() -> None:
    """A finding of an earlier run has no ``levels_en``: its English hint lists ``levels``."""
    from pari_index.messages import render_hint

    params = {"value": "x", "expected": "level", "fix": "level", "count": 2, "levels": "“A”; “B”"}
    assert (
        render_hint("bad-value", "en", params=params)
        == "write one of the item's 2 levels (a label or a value): “A”; “B”"
    )
    english = {**params, "levels_en": "“A en”; “B en”"}
    assert render_hint("bad-value", "en", params=english).endswith(": “A en”; “B en”")
    assert render_hint("bad-value", "vi", params=english).endswith(": “A”; “B”")
