"""Every page an official opens speaks the run's language: the console and help of every command,
the results workbook, the HTML report (also made from results of the other language), the fill-in
form, ``explain``, ``diff``, ``validate`` and a run with findings of many kinds, scanned in
Vietnamese for ids and English words, and in English for Vietnamese ones (tests/language_leaks.py
says what counts as either and where an id is the user's own or the format's by design).

The words looked for are every bilingual text of the package, not a list of the leaks once found:
a new label left in English, a new id written unlabelled, fails here."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner
from language_leaks import CRITERIA as SETS
from language_leaks import RESULTS_DATA as RESULTS_COLUMNS
from language_leaks import (
    Vocabulary,
    context,
    data_text,
    leaks,
    outputs,
    own_names,
    visible_text,
    vocabulary,
    workbook_text,
)
from test_messages import BAD_APPRAISAL, BAD_ROWS
from test_scoring import CRITERIA, write_example

from pari_index.cli import main
from pari_index.messages import CATALOGUE, PARAM_WORDS, Words

LANGS = ("vi", "en")


def _data(tmp_path_factory: pytest.TempPathFactory) -> str:
    """What the user's files say: the examples, the bundled sets, and the many-findings run's."""
    folder = tmp_path_factory.mktemp("data")
    files = write_example(folder)
    texts = [path.read_text(encoding="utf-8") for path in files.values()]
    return "\n".join([data_text(), CRITERIA.read_text(encoding="utf-8"), *texts, BAD_ROWS, BAD_APPRAISAL])


@pytest.fixture(scope="module")
def words(tmp_path_factory: pytest.TempPathFactory) -> Vocabulary:
    return vocabulary(_data(tmp_path_factory))


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> frozenset[str]:
    """The user's own names (language_leaks.own_names), and the words of the bad cells the
    many-findings run's messages quote (an input named ``nothing``)."""
    quoted = set(re.findall(r"[^\W\d_]+", BAD_ROWS + BAD_APPRAISAL))
    return frozenset(own_names([*sorted(SETS.glob("*.yaml")), CRITERIA], _data(tmp_path_factory)) | quoted)


def _many_findings(folder: Path, lang: str) -> dict[str, str]:
    """A run whose inputs have rows rejected for many reasons (test_messages' bad rows)."""
    folder.mkdir()
    paths = write_example(folder)
    paths["long"].write_text(paths["long"].read_text(encoding="utf-8") + BAD_ROWS, encoding="utf-8")
    paths["appraisal"].write_text(paths["appraisal"].read_text(encoding="utf-8") + BAD_APPRAISAL, encoding="utf-8")
    out, page = folder / "results.xlsx", folder / "report.html"
    args = ["--lang", lang, "score", str(paths["long"]), "--criteria", str(CRITERIA), "--communes"]
    args += [str(paths["communes"]), "--appraisal", str(paths["appraisal"]), "--survey", str(paths["survey"])]
    console = CliRunner().invoke(main, [*args, "-o", str(out), "--report", str(page)]).output
    explained = CliRunner().invoke(main, ["--lang", lang, "explain", "00102", "--results", str(out)]).output
    return {
        "score with findings of many kinds": console,
        "its results": workbook_text(out, lang, RESULTS_COLUMNS),
        "its report": visible_text(page.read_text(encoding="utf-8")),
        "its explain": explained,
    }


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    pages = {}
    for lang in LANGS:
        folder = tmp_path_factory.mktemp(f"pages-{lang}")
        pages[lang] = {**outputs(folder, lang), **_many_findings(folder / "bad", lang)}
    return pages


def test_every_page_was_made(shown: dict[str, dict[str, str]]) -> None:
    """The scan below reads real pages: each one has text, in its language."""
    for lang, marker in (("vi", "Tổng điểm"), ("en", "Total points")):
        pages = shown[lang]
        assert len(pages) == 28
        assert all(len(text) > 40 for text in pages.values()), [w for w, t in pages.items() if len(t) <= 40]
        assert marker in pages["results"] and marker in pages["report"] and marker in pages["its results"]
    # The comparison notes of the lineage (tests/language_leaks.py) are on the pages scanned.
    assert "đổi mã từ 99999" in shown["vi"]["results"] and "sáp nhập từ: 00001" in shown["vi"]["report"]
    assert "code changed from 99999" in shown["en"]["results"] and "merged from: 00001" in shown["en"]["report"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_holds_ids_or_the_other_language(
    shown: dict[str, dict[str, str]], words: Vocabulary, own: frozenset[str], lang: str
) -> None:
    found = [
        f"{where}: {leak} in {context(text, leak)}"
        for where, text in shown[lang].items()
        for leak in leaks(text, lang, words, where, own)
    ]
    assert not found, "\n".join(found)


def test_the_scan_sees_what_it_looks_for(words: Vocabulary) -> None:
    """A leak of each class is found (were the vocabulary empty, the test above would pass on
    anything): an id, an English word of pari's in Vietnamese, a Vietnamese text of pari's in
    English; the user's own words and paths are not leaks."""
    assert leaks("Làm tròn\t2 places, half_up", "vi", words) == ["id half_up", "English half", "English places"]
    assert leaks("Mức độ áp dụng=full", "vi", words) == ["English full"]
    assert "Vietnamese 'năm trước không được xếp hạng'" in leaks("note: năm trước không được xếp hạng", "en", words)
    assert leaks("Rank change\tPhường Hồng Cẩm\t/tmp/x_y/assessments_long.csv\tevidence_file_x.pdf", "en", words) == []
    assert leaks("Xếp loại\tTốt\tThành phố Hà Nội", "vi", words) == []
    # Options and choices are what a user types; the long form's own heading is the user's word.
    assert leaks("  --batch-size SỐ  [long|wide]\n", "vi", words, "score --help") == []
    assert leaks("dòng 2 · 2.3:self_score · self_score", "vi", words) == []


# --- both languages of every catalogue text fill in the same parameters --------------------------

#: Parameters one language leaves out, each with why: a library's or a site's own English words
#: (which would put English into the Vietnamese) and English plural endings. Only the English may
#: have more; anything else, or a Vietnamese parameter the English lacks, fails below.
ENGLISH_ONLY_FIELDS: dict[tuple[str, ...], set[str]] = {
    # The spreadsheet, Parquet and zip libraries' own English reason; the Vietnamese names the error type.
    ("not-a-spreadsheet", "message"): {"reason"},
    ("not-parquet", "message"): {"reason"},
    ("sheet-unreadable", "message"): {"reason"},
    ("damage", "package"): {"reason"},
    ("damage", "xml"): {"xml_error"},
    # «error»/«errors», «warning»/«warnings»: Vietnamese nouns have no plural.
    ("strict", "message"): {"error_s", "warning_s"},
    # The table's English name (empty-file of a table none of whose sheets has rows).
    ("empty", "rows"): {"what"},
    # polars' own English description of what breaks a CSV.
    ("csv_problem", "other"): {"detail"},
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def catalogue_texts() -> dict[tuple[str, ...], Words]:
    """Every text of the catalogue in both languages: each kind's title, message and hint, and each
    parameter's words (messages.PARAM_WORDS), by (kind, part) and (parameter, key)."""
    texts: dict[tuple[str, ...], Words] = {}
    for kind, entry in CATALOGUE.items():
        for part, words in (("title", entry.title), ("message", entry.message), ("hint", entry.hint)):
            if words is not None:
                texts[(kind, part)] = words
    for name, words_of in PARAM_WORDS.items():
        for key, words in words_of.items():
            texts[(name, key)] = words
    return texts


def test_every_catalogue_text_fills_the_same_parameters_in_both_languages() -> None:
    """A Vietnamese text that names fewer parameters than its English tells an official less (the
    place of a workbook's too long text was in the English only); one that names a parameter the
    English has not shows «—» or a hole. (A site's own English hint against its kind's words:
    tests/test_message_details.py, test_a_sites_hint_built_from_values_is_its_kinds.)"""
    differ = {
        where: (sorted(_fields(words.vi)), sorted(_fields(words.en)))
        for where, words in catalogue_texts().items()
        if _fields(words.en) - ENGLISH_ONLY_FIELDS.get(where, set()) != _fields(words.vi)
    }
    assert not differ, "\n".join(f"{where}: vi {vi} en {en}" for where, (vi, en) in sorted(differ.items()))
    # Each exception is still one: a text that now agrees is taken off the list.
    texts = catalogue_texts()
    stale = [
        where
        for where, fields in ENGLISH_ONLY_FIELDS.items()
        if not fields <= _fields(texts[where].en) - _fields(texts[where].vi)
    ]
    assert not stale, stale


def test_the_parameter_check_sees_a_disagreement() -> None:
    assert _fields("đặt một số nguyên dương") != _fields("set it to a number such as {default}")
    assert _fields("ghi ./{name}") == _fields("write ./{name}")
