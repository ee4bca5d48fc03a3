"""What the cases of tests/hostile_limits26.py answer: a set's long words cut where the results
repeat them, and read back."""

from __future__ import annotations

from pathlib import Path

import fastexcel
import pytest
from children import answers_its_case, pari_child
from hostile_limits26 import CASES, COMMUNES, EXPECTED, LONG_LABELS, NOT_WRITTEN
from sweeps import case_tests

from pari_index.errors import cut_mark, in_language
from pari_index.intake.xlsx.package import _style_formats
from pari_index.messages.labels import MAX_REPEATED_TEXT_CHARS


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


# The example run with ``--evidence-dir /``: exit 0, where the walk cut at 250,000 entries and
# walked again found "changed" files it never read (exit 1); the example's long form with 300,000
# cell styles read as without them. The long label's case is run once, by the fixture below.
(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(
    {name: case for name, case in CASES.items() if name != "long-level-label-on-every-row"}, EXPECTED, NOT_WRITTEN
)


@pytest.mark.parametrize(("lang", "said"), [("vi", "văn bản quá dài"), ("en", "at most 200 characters")])
def test_a_class_named_with_99000_characters_is_refused_at_its_line(tmp_path: Path, lang: str, said: str) -> None:
    """Each long name (Vietnamese and English, two classes) at its line, in the command's
    language, before any work: the run went on, each unit's rows repeating the names."""
    done = pari_child([*CASES["long-class-names"](tmp_path), "--lang", lang], tmp_path, timeout=120)
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if "[schema:string_too_long]" in line]
    assert [line.split(": ")[1].rsplit(":", 2)[-2:] for line in lines] == [
        ["74", "12"],
        ["74", "99020"],
        ["75", "12"],
        ["75", "99020"],
    ], done.stderr
    assert all(said in line for line in lines), done.stderr


def test_the_styles_give_the_cell_styles_of_percentages_and_of_zeros_in_one_pass() -> None:
    """The styles' formats as the two whole parses gave them: a percentage outside quotes
    (Excel's 9 and 10 built in), zeros that pad; only the first ``cellXfs`` under the root counts
    (not ``cellStyleXfs``), and a differential format's ``numFmt`` is a format all the same."""
    styles = (
        b'<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="4">'
        b'<x:numFmt numFmtId="164" formatCode="00000"/><x:numFmt numFmtId="165" formatCode="0.0%"/>'
        b'<x:numFmt numFmtId="166" formatCode="0&quot;%&quot;"/><x:numFmt numFmtId="167" formatCode="0\\%"/>'
        b'</x:numFmts><x:cellStyleXfs count="1"><x:xf numFmtId="9"/></x:cellStyleXfs>'
        b'<x:cellXfs count="7"><x:xf numFmtId="0"/><x:xf numFmtId="164"><x:alignment/></x:xf><x:xf numFmtId="165"/>'
        b'<x:xf numFmtId="166"/><x:xf numFmtId="167"/><x:xf numFmtId="10"/><x:xf numFmtId="168"/></x:cellXfs>'
        b'<x:dxfs count="1"><x:dxf><x:numFmt numFmtId="168" formatCode="000"/></x:dxf></x:dxfs>'
        b'<x:cellXfs><x:xf numFmtId="9"/></x:cellXfs></x:styleSheet>'
    )
    assert _style_formats(styles) == ({2, 5}, {1: 5, 6: 3})
    assert _style_formats(b"<styleSheet><cellXfs>") == (set(), {})


@pytest.fixture(scope="module")
def long_label_results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The results of 3,000 communes each choosing the level labelled with 99,000 characters."""
    folder = tmp_path_factory.mktemp("long-label")
    answers_its_case(CASES["long-level-label-on-every-row"](folder), folder, EXPECTED["long-level-label-on-every-row"])
    return folder / "ket-qua.xlsx"


def _cut(lang: str) -> str:
    return in_language(LONG_LABELS[lang][:MAX_REPEATED_TEXT_CHARS] + cut_mark(len(LONG_LABELS[lang])), lang)


def test_each_row_gives_the_long_level_label_cut_with_its_length(long_label_results: Path) -> None:
    """Each commune's rule branch and explanation give the label's first 500 characters and its
    length (twice in the explanation: the branch and the input's answer): they gave it whole, 900 MB
    of text in the criteria sheet (1.27 GB of memory)."""
    sheet = fastexcel.read_excel(long_label_results).load_sheet_by_name("Tiêu chí", dtypes="string").to_polars()
    rows = sheet.filter(sheet["Mã tiêu chí"] == "3.4.1")
    assert rows.height == COMMUNES
    assert set(rows["Nhánh quy tắc"]) == {f"cấp:{_cut('vi')}"}
    explanation = rows["Giải thích"][0]
    assert explanation.startswith(f"Mức “{_cut('vi')}” → 1,5") and "(99.000 ký tự)" in explanation
    assert max(len(text or "") for column in sheet.columns for text in sheet[column]) < 3 * MAX_REPEATED_TEXT_CHARS


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_explain_reads_the_cut_label_back_as_its_level(long_label_results: Path, lang: str) -> None:
    """``pari explain`` names the level a workbook names by its cut label (in either language),
    and its method gives the label whole, once: read back, the cut label was no level's, and the
    branch was shown as the workbook's text."""
    folder = long_label_results.parent
    args = ["explain", "00001", "3.4.1", "--results", str(long_label_results), "--lang", lang]
    done = pari_child([*args, "--criteria", str(folder / "bo-tieu-chi.yaml")], folder, timeout=120)
    assert done.returncode == 0, done.stderr
    # In the workbook's language its explanation is shown as written; in the other, made again
    # from the rule branch, which names the level by its cut label.
    word, points = ("Mức", "1,5 điểm") if lang == "vi" else ("Level", "1.5 points")
    assert f"{word} “{_cut(lang)}” → {points}" in done.stdout, done.stdout[:3_000]
    assert done.stdout.count(LONG_LABELS[lang]) == 1
