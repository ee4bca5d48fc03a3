"""What an official reads, gathered from every command in one language, and the words and ids of
the other language (or of the code) that must not be in it (tests/test_language_leaks.py).

The words are not listed by hand: they are every text pari-index has in both languages (each
:class:`~pari_index.messages.words.Words` and :class:`~pari_index.messages.words.Entry` of the
package, the report's and the template's label tables, and the pairs of the explanations), so a
text added later is checked as soon as it exists. The ids are every ``snake_case`` word of the
outputs: a reader never writes one, so one that reaches a page is an id left unlabelled.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import fastexcel
from click.testing import CliRunner
from example_runs import README_INPUTS

import pari_index
from pari_index.cli import main
from pari_index.messages.words import Entry, Words

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CRITERIA = ROOT / "criteria"
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+")
#: An id: a snake_case word (not a part of a path, nor a wide file's column 2.3:self_score, which is
#: the user's own heading).
ID = re.compile(r"(?<![\w./\\-])(?<!\d:)[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w./\\-])")
#: What a user types on the command line, as help shows it: options, choices, the commands.
SYNTAX = re.compile(r"--?[\w-]+|\[[^\]\n]*\|[^\]\n]*\]|^ *(?:Usage|Cách dùng):.*$|^  [a-z-]+(?=  )", re.MULTILINE)
#: Paths and file names an output names (the user's files, hashes): not words of the page.
PATH = re.compile(r"\S*[/\\]\S*|\S+\.(?:csv|xlsx|xls|parquet|yaml|yml|html|md|pdf|docx?|json)\b|[0-9a-f]{64}")


# ---------------------------------------------------------------------------------------------
# The words pari-index has in both languages


def _pairs(value: Any, depth: int = 0) -> Iterator[tuple[str, str]]:
    """(Vietnamese, English) texts held in ``value``: Words, Entries, {"vi": ..., "en": ...}
    tables, and (Vietnamese, English) tuples; looked for inside dicts, lists and tuples."""
    if depth > 4:
        return
    if isinstance(value, Words):
        yield value.vi, value.en
    elif isinstance(value, Entry):
        for words in (value.title, value.message, value.hint):
            if words is not None:
                yield words.vi, words.en
    elif isinstance(value, Mapping):
        if set(value) == {"vi", "en"}:
            yield from _zipped(value["vi"], value["en"])
        for item in value.values():
            yield from _pairs(item, depth + 1)
    elif isinstance(value, list | tuple):
        if len(value) == 2 and all(isinstance(v, str) for v in value):
            vi, en = value
            if VIETNAMESE.search(vi) and not VIETNAMESE.search(en):
                yield vi, en
            return
        for item in value:
            yield from _pairs(item, depth + 1)


def _zipped(vi: Any, en: Any) -> Iterator[tuple[str, str]]:
    if isinstance(vi, str) and isinstance(en, str):
        yield vi, en
    elif isinstance(vi, Mapping) and isinstance(en, Mapping):
        for key in vi.keys() & en.keys():
            yield from _zipped(vi[key], en[key])
    elif isinstance(vi, list | tuple) and isinstance(en, list | tuple) and len(vi) == len(en):
        for a, b in zip(vi, en, strict=True):
            yield from _zipped(a, b)


def bilingual_texts() -> list[tuple[str, str]]:
    """Every (Vietnamese, English) pair of texts in the package's modules, at module level."""
    found: dict[tuple[str, str], None] = {}
    for info in pkgutil.walk_packages(pari_index.__path__, "pari_index."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if not name.startswith("__"):
                found.update(dict.fromkeys(_pairs(value)))
    return [pair for pair in found if pair[0] != pair[1]]


def _library_messages() -> set[tuple[str, str]]:
    """The messages of the library's own errors (pari_index.messages.library_errors): they name a
    caller's Python (``places``, ``result.details``) in either language and are on no page the scan
    reads, so their words tell no language apart (with them «places», «commune», «result» counted as
    Vietnamese words, and an English «places» on a Vietnamese page was no leak)."""
    from pari_index.messages.library_errors import LIBRARY_ERRORS

    return {(entry.message.vi, entry.message.en) for entry in LIBRARY_ERRORS.values()}


@dataclass(frozen=True)
class Vocabulary:
    #: English words of pari's English texts that no Vietnamese text of pari's has.
    english: frozenset[str]
    #: Fixed parts of pari's Vietnamese texts (between placeholders), of two words or more, that
    #: no English text of pari's holds.
    vietnamese: frozenset[str]


def vocabulary(data_text: str) -> Vocabulary:
    """The words that tell a language apart, less what the user's own files say (a unit's name, a
    criterion's title: they are in the set's language whatever the run's)."""
    pairs = [pair for pair in bilingual_texts() if pair not in _library_messages()]
    vi_words = {w.casefold() for vi, _ in pairs for w in WORD.findall(vi)}
    # Only the user's Vietnamese texts (a cell, a YAML value with Vietnamese letters): the English
    # ones (label_en, the YAML's keys, a level's value such as full) are what a Vietnamese page
    # must not show.
    segments = re.split(r"[,\t\n]|: ", data_text)
    data_words = {w.casefold() for part in segments if VIETNAMESE.search(part) for w in WORD.findall(part)}
    english = {
        w.casefold()
        for _, en in pairs
        for w in WORD.findall(re.sub(r"\{[^}]*\}", " ", en))
        if len(w) >= 3 and not VIETNAMESE.search(w)
    }
    english -= vi_words | data_words
    en_texts = [en for _, en in pairs]
    fixed: set[str] = set()
    for vi, _ in pairs:
        for part in re.split(r"\{[^}]*\}|[:;()\[\]\n|“”\"«»–—]", vi):
            part = part.strip(" ,.·→-/")
            if len(part.split()) >= 2 and VIETNAMESE.search(part) and part not in data_text:
                fixed.add(part)
    vietnamese = {part for part in fixed if not any(part in en for en in en_texts)}
    return Vocabulary(frozenset(english), frozenset(vietnamese))


def headings(lang: str) -> set[str]:
    """Column headings a user's file has (the examples' own: ``self_score`` names a column of the
    long form, and a finding's place names it); in English also the English headings a reader
    takes where it takes Vietnamese ones too (a Vietnamese page names the Vietnamese one)."""
    from pari_index.ranking.lineage import LINEAGE_ALIASES

    found = {h for path in EXAMPLES.glob("*.csv") for h in ID.findall(path.read_text(encoding="utf-8").split("\n")[0])}
    found |= {
        h for row in list(_cells(EXAMPLES / "assessments_wide.xlsx"))[1:2] for cell in row for h in ID.findall(cell)
    }
    # The lineage file's own headings: a finding at one of its rows names the column so (99999 is
    # an old code not in last year's results: lineage-old-code-missing), in either language.
    found |= set(LINEAGE_HEADINGS.split(","))
    return found | ({k for k in LINEAGE_ALIASES if ID.fullmatch(k)} if lang == "en" else set())


#: The headings of the lineage file of the runs below, as a user in Vietnam writes them.
LINEAGE_HEADINGS = "mã cũ,mã mới"


def data_text() -> str:
    """What the user's files of the runs below say: the criteria sets and the example inputs."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(CRITERIA.glob("*.yaml"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.csv"))]
    texts += ["\n".join("\t".join(row) for row in _cells(EXAMPLES / "assessments_wide.xlsx"))]
    return "\n".join(texts)


# ---------------------------------------------------------------------------------------------
# What a user reads


def _cells(path: Path) -> Iterator[list[str]]:
    """Every row of every sheet of a workbook, as text (the sheet's name first)."""
    book = fastexcel.read_excel(str(path))
    for name in book.sheet_names:
        sheet = book.load_sheet(name, header_row=None, dtypes="string").to_polars()
        yield [name]
        for row in sheet.iter_rows():
            yield ["" if cell is None else str(cell) for cell in row]


class _Visible(HTMLParser):
    """The text of a page a reader sees: its text outside scripts and styles, and the attributes
    shown as text (title, placeholder, alt, aria-label)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        self.parts += [v for k, v in attrs if k in ("title", "placeholder", "alt", "aria-label") and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.parts)


def _pari(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    return result.output


#: Workbook columns that hold ids or the user's words by design (docs/data-formats.md): the finding
#: kind's code beside its title, the findings' parameters (JSON), a criterion's inputs by the set's
#: names (their codes, beside the inputs by their labels, which are checked), the set's English class, the input file's
#: column and sheet names; in the fill-in form, the hidden column of the inputs' names.
RESULTS_DATA = {
    "vi": {"Mã loại phát hiện", "Tham số (JSON)", "Mã số liệu đầu vào", "Xếp loại (tiếng Anh)", "Cột", "Trang tính"},
    "en": {"Kind (code)", "Parameters (JSON)", "Inputs (codes)", "Class (English)", "Column", "Sheet"},
}
FORM_DATA = {"vi": {"Đầu vào"}, "en": {"Input"}}
#: About rows that hold the user's own words or ids by design (the set's id and titles).
DATA_ROWS = {
    "vi": {"Mã bộ chỉ số", "Tên bộ chỉ số (tiếng Anh)", "Tệp bộ chỉ số"},
    "en": {"Criteria set ID", "Criteria set title", "Input criteria set"},
}


def workbook_text(path: Path, lang: str, data: Mapping[str, set[str]]) -> str:
    """The cells a reader reads, less the columns ``data`` names (by the heading in a sheet's
    first row) and DATA_ROWS."""
    lines: list[str] = []
    book = fastexcel.read_excel(str(path))
    for name in book.sheet_names:
        lines.append(name)
        rows = book.load_sheet(name, header_row=None, dtypes="string").to_polars().rows()
        head = ["" if cell is None else str(cell) for cell in rows[0]] if rows else []
        skip = {i for i, cell in enumerate(head) if cell in data[lang]}
        for row in rows:
            cells = ["" if cell is None else str(cell) for cell in row]
            if cells and cells[0] in DATA_ROWS[lang]:
                continue
            lines.append("\t".join(cell for i, cell in enumerate(cells) if i not in skip))
    return "\n".join(lines)


def outputs(folder: Path, lang: str) -> dict[str, str]:
    """What every command shows in ``lang``, by where it is shown."""
    other = "en" if lang == "vi" else "vi"
    inputs = [*README_INPUTS, "--date", "2025-12-01"]
    shown: dict[str, str] = {}
    shown["help"] = _pari("--lang", lang, "--help")
    for command in ("criteria", "criteria export", "criteria import", "demo-data", "diff", "explain"):
        shown[f"{command} --help"] = _pari("--lang", lang, *command.split(), "--help")
    for command in ("report", "schema", "score", "template", "validate"):
        shown[f"{command} --help"] = _pari("--lang", lang, command, "--help")
    last = folder / f"last-{lang}.xlsx"
    _pari("--lang", other, "score", *inputs, "-o", str(last))
    results, page = folder / f"results-{lang}.xlsx", folder / f"report-{lang}.html"
    # A unit whose code changed and one merged (previous_note on the summary and the report).
    lineage = folder / f"lineage-{lang}.csv"
    lineage.write_text(f"{LINEAGE_HEADINGS}\n99999,00004\n00001,00007\n00004,00007\n", encoding="utf-8")
    shown["score"] = _pari(
        "--lang",
        lang,
        "score",
        *inputs,
        "-o",
        str(results),
        "--report",
        str(page),
        "--previous",
        str(last),
        "--lineage",
        str(lineage),
    )
    shown["results"] = workbook_text(results, lang, RESULTS_DATA)
    shown["report"] = visible_text(page.read_text(encoding="utf-8"))
    again = folder / f"again-{lang}.html"
    shown["report from the other language's results"] = _pari("--lang", lang, "report", str(last), "-o", str(again))
    shown["report page from the other language's results"] = visible_text(again.read_text(encoding="utf-8"))
    shown["explain"] = _pari("--lang", lang, "explain", "00004", "--results", str(results))
    shown["explain of the other language's results"] = _pari(
        "--lang", lang, "explain", "00004", "7", "--results", str(last)
    )
    form = folder / f"form-{lang}.xlsx"
    shown["template"] = _pari("--lang", lang, "template", "-o", str(form), "--communes", str(EXAMPLES / "communes.csv"))
    shown["template workbook"] = workbook_text(form, lang, FORM_DATA)
    shown["validate"] = _pari("--lang", lang, "validate", *map(str, sorted(CRITERIA.glob("*.yaml"))))
    sets = sorted(CRITERIA.glob("*.yaml"))
    shown["diff"] = _pari("--lang", lang, "diff", str(sets[1]), str(sets[0]))
    shown["demo-data"] = _pari("--lang", lang, "demo-data", "--communes", "20", "-o", str(folder / f"demo-{lang}"))
    return shown


def _level_words() -> list[str]:
    from pari_index.messages.results_words import BRANCH_WORDS

    return [BRANCH_WORDS["level"].vi, BRANCH_WORDS["level"].en]


def criteria_keywords() -> set[str]:
    """The criteria format's keywords that ``pari diff`` and ``pari criteria`` quote beside their
    words (messages/criteria_words.py: "it is what the YAML says")."""
    from pari_index.messages.criteria_words import POLICY_KEYS, POLICY_VALUES, RULE_KINDS

    return {*RULE_KINDS, *POLICY_KEYS, *(v for values in POLICY_VALUES.values() for v in values)}


def own_names(sets: list[Path], data: str) -> set[str]:
    """Names the user gave, which a page quotes as they are: the inputs of the criteria sets
    (an input without a label is shown by its name), and the data's ids such as a set's id
    (``ha-noi-2025-commune``). A choice's level values are not among them: a page says a level by
    its label."""
    from pari_index.criteria.loading import load_criteria

    names = {name for path in sets for leaf in load_criteria(path).criteria.leaves() for name in leaf.inputs}
    return names | set(re.findall(r"\b[\w]+(?:-[\w]+)+\b", data))


def leaks(
    text: str, lang: str, words: Vocabulary, where: str = "", own: set[str] | frozenset[str] = frozenset()
) -> list[str]:
    """The ids, and the words of the other language, in ``text`` (a page in ``lang``, shown by
    ``where``: a command's help, the criteria authors' commands), the user's ``own`` names aside."""
    text = PATH.sub(" ", text)
    if where.endswith("--help"):
        text = SYNTAX.sub(" ", text)
    # A finding's code after its sentence (the console's "... [bad-value]"): looked up in docs/findings.md.
    text = re.sub(r"\[[a-z0-9]+(?:-[a-z0-9_]+)+\]", " ", text)
    if where.split(" ")[0] in ("diff", "validate", "criteria"):
        keywords = "|".join(map(re.escape, sorted(criteria_keywords(), key=len, reverse=True)))
        text = re.sub(rf"\((?:{keywords})\)", " ", text)
    # A level's branch keeps the set's own value after its word (cấp:full; docs/data-formats.md):
    # the explanation beside it says the level's label.
    text = re.sub(rf"(?<![\w])(?:{'|'.join(map(re.escape, _level_words()))}):\S+", " ", text)
    names = sorted({*own, *headings(lang)}, key=len, reverse=True)
    if names:
        text = re.sub(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w-])", " ", text)
    found = [f"id {token}" for token in sorted(set(ID.findall(text)))]
    if lang == "vi":
        found += [f"English {w}" for w in sorted({w for w in WORD.findall(text) if w.casefold() in words.english})]
    else:
        found += [f"Vietnamese {part!r}" for part in sorted(words.vietnamese) if part in text]
    return found


def context(text: str, leak: str, width: int = 70) -> str:
    """Where ``leak`` (as :func:`leaks` names it) first stands in ``text``."""
    needle = leak.split(" ", 1)[1].strip("'")
    at = PATH.sub(lambda m: " " * len(m[0]), text).find(needle)
    return json.dumps(text[max(0, at - width) : at + len(needle) + width], ensure_ascii=False)
