"""A finding's words in one language: its message filled with its parameters, its hint, and the
findings table rendered in the language of an output."""

from __future__ import annotations

import functools
import json
import re
import string
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from pari_index.errors import in_language
from pari_index.messages.catalogue import entry_of, title
from pari_index.messages.command_line import argument_name, os_reason_vi
from pari_index.messages.evidence_notes import evidence_note
from pari_index.messages.hints import HINT_WORDS
from pari_index.messages.labels import NESTED_WORDS, PARAM_WORDS, columns_text, dtype_words, group_columns_text
from pari_index.messages.numbers import format_number
from pari_index.messages.results_words import SHEETS
from pari_index.messages.value_reasons import value_reason
from pari_index.messages.yaml_words import yaml_reason

InputLabel = Callable[[str, str], "str | None"]

#: Column of the findings table: the language its ``message`` and ``hint`` are written in.
WRITTEN_IN = "lang"


#: Parameters that hold a band's edges in English words (criteria.rules.Interval.describe).
BAND_PARAMS = frozenset({"band", "next_band"})


#: The counted nouns of the English templates, and their one-item forms: «1 rows», «1 points»,
#: «none of the 1 units» read as slips to an English reader (session 36). Vietnamese nouns do not
#: change with the count.
_ONE_OF = {
    noun + "s": noun
    for noun in (
        "row", "point", "byte", "day", "year", "date", "word", "pair", "unit", "value", "file", "time",
        "way", "item", "column", "cell", "line", "input", "area", "string", "sheet", "part", "character",
        "level", "finding",
    )
} | {"entries": "entry"}  # fmt: skip
#: The verbs that agree with such a noun, in their one-item forms.
_VERB_OF_ONE = {"are": "is", "were": "was", "have": "has", "hold": "holds", "look": "looks", "give": "gives",
                "correct": "corrects"}  # fmt: skip
#: A field followed by a counted noun, a short «of …» after it, and its verb if one follows.
_COUNTED = re.compile(
    r"\{(?P<field>\w+)\} (?P<adjective>(?:numbered|more|ranked|hidden|filled|scored|item|checklist|such) )?"
    r"(?P<noun>[a-z]+s)\b(?P<after>(?: of (?:the|this|its) [a-z']+| that)?)"
    r"(?: (?P<verb>are|were|have|hold|look|give|correct)\b)?"
)


def _is_one(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float | Decimal):
        return value == 1
    return isinstance(value, str) and value.strip() == "1"


def _agreeing(template: str, params: Mapping[str, Any]) -> str:
    """An English ``template`` whose nouns counted by a field that is 1 are in their one-item form
    (and the verb after them): «{count} rows correct nothing» with 1 reads «1 row corrects nothing»."""

    def agree(found: re.Match[str]) -> str:
        noun = found["noun"]
        if noun not in _ONE_OF or not _is_one(params.get(found["field"])):
            return found[0]
        verb = f" {_VERB_OF_ONE[found['verb']]}" if found["verb"] else ""
        adjective = found["adjective"] or ""
        return f"{{{found['field']}}} {adjective}{_ONE_OF[noun]}{found['after']}{verb}"

    return _COUNTED.sub(agree, template)


def counted(template: str, lang: str, **params: Any) -> str:
    """``template`` (a text of pari's own, not of the catalogue) filled with ``params``, its English
    nouns agreeing with a count of one as a finding's do: «1 item only last year»."""
    return (_agreeing(template, params) if lang == "en" else template).format(**params)


@functools.cache
def template_fields(template: str) -> tuple[str, ...]:
    """The names of the fields of a ``str.format`` template, in order."""
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _shown(name: str, value: Any, lang: str, params: Mapping[str, Any], label: InputLabel | None) -> str:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return format_number(value, lang)
    if name == "levels" and lang == "en" and params.get("levels_en"):
        # A choice's levels (bad-value's hint) by their English labels, kept beside the Vietnamese
        # ones since sweep 17 (a finding written before has only ``levels``).
        return str(params["levels_en"])
    if value is None:
        # A key of words that the finding does not give (a table written before it was added):
        # the words under "", when there are any.
        fallback = PARAM_WORDS.get(name, {}).get("")
        if fallback is None:
            return "—"
        # Such words may name the finding's other parameters (the operating system's reason).
        return _filled(fallback.get(lang), lang, params, label, nested=True)
    text = str(value)
    if name == "where" and text == "(document)":  # a criteria set's structure as a whole
        return "(cả tệp)" if lang == "vi" else text
    if name in ("option", "other_option", "source_option"):
        return argument_name(text, lang)
    if name == "missing_table" and text in SHEETS:  # a table of the results by its id (results_checks)
        return SHEETS[text].get(lang)
    if name == "folded_kind":
        return title(text, lang)
    if name == "unit_types":
        return ", ".join(_shown("unit_type", part, lang, params, label) for part in text.split(","))
    if name in PARAM_WORDS:
        words = PARAM_WORDS[name].get(text)
        if words is None:
            return "giá trị hợp lệ" if lang == "vi" else "valid"
        # Words may name other parameters (a CSV row, a date's year): filled like the message.
        return _filled(words.get(lang), lang, params, label, nested=True)
    if name == "columns":
        return columns_text(text, lang)
    if name == "available":  # the register columns --group-by may name (unknown-group-column)
        return group_columns_text(text, lang)
    if name == "group_column":  # a register column by the run's name, as --group-by takes it in lang
        return f"«{group_columns_text(text, lang)}»"
    if name == "dtype":
        return dtype_words(text, lang)
    if name == "input" and label is not None and params.get("criterion") is not None:
        return label(str(params["criterion"]), text) or text
    if name == "near_input" and label is not None and params.get("criterion") is not None:
        # The inputs near an unknown name (intake.near_inputs), each by its label as {input} is.
        item = str(params["criterion"])
        return ", ".join(part if part == "…" else label(item, part) or part for part in text.split(", "))
    if name == "yaml_reason":
        return yaml_reason(text, lang)
    if name == "value_reason":
        return value_reason(text, lang)
    if name == "note":  # why an evidence file cannot be used, in the system's and pari's English
        return evidence_note(text, lang)
    if name == "reason" and lang == "vi":
        return os_reason_vi(text) or text  # the system's words, when they are its strerror
    if name in BAND_PARAMS and lang == "vi":
        # A band's edges as criteria.rules.Interval.describe writes them (">= 70 and < 90").
        return text.replace(" and ", " và ").replace("any value", "mọi giá trị")
    if name == "items" and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return in_language(text, lang)  # a value cut short says its length in the message's language


def _filled(
    template: str, lang: str, params: Mapping[str, Any], label: InputLabel | None, *, nested: bool = False
) -> str:
    """``template`` with its fields shown from ``params``. Inside words (``nested``) a key of words
    is not looked up again: words naming words would be a loop. English nouns agree with a count
    of one in words too (they name the finding's parameters: «since 1 bytes are not UTF-8», «the
    summary table has 1 rows» until session 36's review)."""
    if lang == "en":
        template = _agreeing(template, params)
    shown = {}
    for name in template_fields(template):
        if nested and name in PARAM_WORDS and name not in NESTED_WORDS:
            shown[name] = "—" if params.get(name) is None else str(params[name])
        else:
            shown[name] = _shown(name, params.get(name), lang, params, label)
    return template.format_map(shown)


def render(
    kind: str,
    params: Mapping[str, Any] | None,
    lang: str,
    *,
    message: str | None = None,
    written: str = "en",
    label: InputLabel | None = None,
) -> str:
    """The message of a finding in ``lang``: the catalogue's template filled with ``params``.
    Without parameters, the finding's own ``message`` when it is written in ``lang`` (``written``),
    else the catalogue's sentence, or the kind's title when that sentence needs parameters: never
    a message in the other language."""
    entry = entry_of(kind)
    if entry is None:
        return message if message and written == lang else title(kind, lang)
    template = entry.message.get(lang)
    # A raise site that left out a parameter the sentence names would show "—" in its place
    # ("không tạo được thư mục: —"): such a finding is told by its own words or its title instead.
    # (Words of PARAM_WORDS have general words of their own for a table written before they were kept.)
    if params is not None and all(name in params or name in PARAM_WORDS for name in template_fields(template)):
        try:
            return _filled(template, lang, params, label)
        except (ValueError, IndexError):
            pass
    if message and written == lang:
        return message
    return template if not template_fields(template) else entry.title.get(lang)


def render_hint(
    kind: str, lang: str, hint: str | None = None, written: str = "en", params: Mapping[str, Any] | None = None
) -> str:
    """The hint of a finding in ``lang``: its own when it is written in ``lang`` (it may say more
    than the kind's) or its words in ``lang`` are known (messages.hints), else the catalogue's
    (filled with ``params`` when it names any: a CSV's hint depends on what breaks it), else none."""
    if hint and written == lang:
        return hint
    if hint and lang == "vi" and hint in HINT_WORDS:
        return HINT_WORDS[hint]  # a site's own hint, which may say more than the kind's
    entry = entry_of(kind)
    if entry is None or entry.hint is None:
        return ""
    template = entry.hint.get(lang)
    if template_fields(template):
        given = params or {}
        # A hint naming a path or option the raise site did not give would show "—" in its
        # place: no hint is better than a hint with holes (the message says what happened).
        if any(given.get(name) is None for name in template_fields(template) if name not in PARAM_WORDS):
            return ""
        return _filled(template, lang, given, None)
    return template.replace("{{", "{").replace("}}", "}")


def params_json(params: Mapping[str, Any]) -> str:
    """The parameters of a message as the findings table keeps them (JSON)."""
    return json.dumps(dict(params), ensure_ascii=False, sort_keys=True, default=str)


def parse_params(params: str | None) -> dict[str, Any] | None:
    """The parameters of a finding from the findings table's JSON (None when it has none)."""
    if not params:
        return None
    try:
        value = json.loads(params)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
