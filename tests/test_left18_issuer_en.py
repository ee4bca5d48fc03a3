"""A criteria set's issuer in English (``issuer_en``, optional): English outputs show it (the
report's method, the form's instructions, explain-free pari report from the results' about
sheet); Vietnamese ones show ``issuer``; without it English shows the issuer marked Vietnamese.
The bundled sets have it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hostile_sweep8 import CRITERIA, _score

from pari_index.cli import main
from pari_index.criteria.loading import load_criteria
from pari_index.messages.labels import VIETNAMESE_MARK
from pari_index.outputs.results import read_results

BUNDLED = sorted(CRITERIA.glob("*.yaml"))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_the_bundled_sets_name_their_issuer_in_english(path: Path) -> None:
    criteria = load_criteria(path).criteria
    assert criteria.issuer_en and criteria.issuer_en.endswith("People's Committee")
    assert criteria.issuer_shown("en") == criteria.issuer_en
    assert criteria.issuer_shown("vi") == criteria.issuer


def test_without_it_english_marks_the_vietnamese(tmp_path: Path) -> None:
    data = yaml.safe_load((CRITERIA / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8"))
    del data["issuer_en"]
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    criteria = load_criteria(path).criteria
    assert criteria.issuer_shown("en") == "UBND thành phố Hà Nội" + VIETNAMESE_MARK


@pytest.fixture(scope="module")
def english_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("run")
    result = CliRunner().invoke(main, [*_score(folder, "--report", str(folder / "page.html")), "--lang", "en"])
    assert result.exit_code == 0, result.output
    return folder


def test_the_english_report_and_about_sheet(english_run: Path) -> None:
    page = (english_run / "page.html").read_text(encoding="utf-8")
    assert "Hà Nội People&#39;s Committee" in page or "Hà Nội People's Committee" in page
    about = dict(read_results(english_run / "out.xlsx")["about"].select("key", "value").iter_rows())
    assert about["issuer"] == "UBND thành phố Hà Nội"
    assert about["issuer_en"] == "Hà Nội People's Committee"


def test_a_report_made_later_from_the_results(english_run: Path, tmp_path: Path) -> None:
    """From the about sheet alone (the results copied without the set beside them)."""
    shutil.copy(english_run / "out.xlsx", tmp_path / "out.xlsx")
    for lang, issuer in (("en", "People&#39;s Committee"), ("vi", "UBND thành phố Hà Nội")):
        page = tmp_path / f"{lang}.html"
        result = CliRunner().invoke(main, ["report", str(tmp_path / "out.xlsx"), "-o", str(page), "--lang", lang])
        assert result.exit_code == 0, result.output
        text = page.read_text(encoding="utf-8")
        assert issuer in text or issuer.replace("&#39;", "'") in text


def test_the_english_form_instructions(tmp_path: Path) -> None:
    out = tmp_path / "form.xlsx"
    result = CliRunner().invoke(main, ["template", "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    import openpyxl

    book = openpyxl.load_workbook(out, read_only=True)
    cells = [str(c) for sheet in book.worksheets[:3] for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert any("Hà Nội People's Committee" in c for c in cells)
    assert not any("UBND thành phố Hà Nội" in c for c in cells)


def test_the_annex_round_trip_keeps_it(tmp_path: Path) -> None:
    annex, draft = tmp_path / "annex.xlsx", tmp_path / "draft.yaml"
    path = CRITERIA / "ha-noi-2025-commune.yaml"
    assert CliRunner().invoke(main, ["criteria", "export", str(path), "-o", str(annex)]).exit_code == 0
    assert CliRunner().invoke(main, ["criteria", "import", str(annex), "-o", str(draft)]).exit_code == 0
    assert yaml.safe_load(draft.read_text(encoding="utf-8"))["issuer_en"] == "Hà Nội People's Committee"
