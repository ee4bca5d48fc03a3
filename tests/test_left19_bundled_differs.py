"""pari report and pari explain without --criteria take the bundled set of the results' id only
when it is the set as the results were scored with it (the SHA-256 their about sheet records):
another one is not used, and a warning (bundled-criteria-differs) says so in both languages
(from_results._bundled_differs). Before, the ids alone were compared: results scored with an edited
copy of the Hà Nội set were reported with the bundled set's labels, exit 0, without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BUNDLED = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
INPUTS = [str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv"), "--no-survey"]
WARNED = {
    "en": "warning: the bundled criteria set «ha-noi-2025-commune» is not the set the results were scored with",
    "vi": "cảnh báo: bộ tiêu chí có sẵn «ha-noi-2025-commune» không phải bộ đã dùng để chấm kết quả",
}

PAGE = {
    "en": (
        "The bundled criteria set differs from the one the results were scored with",
        "the bundled criteria set «ha-noi-2025-commune» is not the set the results were scored with: the SHA-256 of"
        " its file&#39;s bytes is ",
        "give --criteria with the criteria file the results were scored with to have its rules and labels shown",
    ),
    "vi": (
        "Bộ tiêu chí có sẵn khác bộ đã chấm kết quả",
        "bộ tiêu chí có sẵn «ha-noi-2025-commune» không phải bộ đã dùng để chấm kết quả: SHA-256 của nó (tính trên"
        " các byte của tệp) là ",
        "dùng --criteria với tệp bộ tiêu chí đã chấm kết quả để in quy tắc và nhãn của bộ",
    ),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bundled")
    edited = folder / "hn-edited.yaml"
    text = BUNDLED.read_text(encoding="utf-8")
    assert text.count('label_en: "Tasks completed"') == 1
    edited.write_text(text.replace('label_en: "Tasks completed"', 'label_en: "Tasks finished"'), encoding="utf-8")
    made = {"edited_set": edited}
    for name, criteria in (("edited", str(edited)), ("bundled", str(BUNDLED))):
        out = folder / name
        args = ["score", *INPUTS, "--criteria", criteria, "-o", str(out), "--format", "csv", "-q"]
        done = CliRunner().invoke(main, args)
        assert done.exit_code == 0, done.output
        made[name] = out
    return made


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_report_of_results_scored_with_another_copy_of_the_set_says_so(
    results: dict[str, Path], tmp_path: Path, lang: str
) -> None:
    page = tmp_path / "r.html"
    done = CliRunner().invoke(main, ["report", str(results["edited"]), "-o", str(page), "--lang", lang])
    assert done.exit_code == 0, done.output
    assert WARNED[lang] in done.stderr and "[bundled-criteria-differs]" in done.stderr
    # The bundled set's labels are not printed beside the edited set's scores (its English label
    # is what a report of the bundled set's results shows: see the last test).
    html = page.read_text(encoding="utf-8")
    assert "Tasks completed" not in html
    # The page kept says it too (session 20; it was printed to the console alone): among the
    # findings, in the report's language, with its title and hint.
    assert PAGE[lang][0] in html and PAGE[lang][1] in html and PAGE[lang][2] in html


def test_explain_says_so_and_shows_the_results_alone(results: dict[str, Path]) -> None:
    args = ["explain", "--results", str(results["edited"]), "00001", "1.1.3", "--lang", "en"]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    assert WARNED["en"] in done.stderr
    assert "Explanations are shown as written when the results were scored" in done.stdout
    assert "Method:" not in done.stdout  # the bundled set's rule is not printed


def test_the_set_the_results_were_scored_with_is_used_without_a_word(results: dict[str, Path], tmp_path: Path) -> None:
    pages = {name: tmp_path / f"{name}.html" for name in ("bundled", "edited")}
    for args in (
        ["report", str(results["bundled"]), "-o", str(pages["bundled"])],
        ["report", str(results["edited"]), "-o", str(pages["edited"]), "--criteria", str(results["edited_set"])],
    ):
        done = CliRunner().invoke(main, [*args, "--lang", "en"])
        assert done.exit_code == 0, done.output
        assert "bundled-criteria-differs" not in done.output
    assert "Tasks completed" in pages["bundled"].read_text(encoding="utf-8")
    for page in pages.values():
        assert PAGE["en"][0] not in page.read_text(encoding="utf-8")
    assert "Tasks finished" in pages["edited"].read_text(encoding="utf-8")
    done = CliRunner().invoke(main, ["explain", "--results", str(results["bundled"]), "00001", "1.1.3", "--lang", "en"])
    assert done.exit_code == 0 and "Method:" in done.stdout and "warning" not in done.output
