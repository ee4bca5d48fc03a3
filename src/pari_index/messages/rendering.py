"""A finding's words in one language: its message filled with its parameters, its hint, and the
findings table rendered in the language of an output."""

from __future__ import annotations

import functools
import json
import string
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import polars as pl

from pari_index.messages.catalogue import entry_of, title
from pari_index.messages.labels import PARAM_WORDS
from pari_index.messages.numbers import format_number

InputLabel = Callable[[str, str], "str | None"]


@functools.cache
@functools.lru_cache(maxsize=1024)
def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _shown(name: str, value: Any, lang: str, params: Mapping[str, Any], label: InputLabel | None) -> str:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return format_number(value, lang)
    if value is None:
        # A key of words that the finding does not give (a table written before it was added):
        # the words under "", when there are any.
        fallback = PARAM_WORDS.get(name, {}).get("")
        return fallback.get(lang) if fallback is not None else "—"
    text = str(value)
    if name == "unit_types":
        return ", ".join(_shown("unit_type", part, lang, params, label) for part in text.split(","))
    if name in PARAM_WORDS:
        words = PARAM_WORDS[name].get(text)
        if words is None:
            return "giá trị hợp lệ" if lang == "vi" else "valid"
        # Words may name other parameters (a CSV row, a date's year): filled like the message.
        return _filled(words.get(lang), lang, params, label, nested=True)
    if name == "input" and label is not None and params.get("criterion") is not None:
        return label(str(params["criterion"]), text) or text
    if name == "items" and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return text


def _filled(
    template: str, lang: str, params: Mapping[str, Any], label: InputLabel | None, *, nested: bool = False
) -> str:
    """``template`` with its fields shown from ``params``. Inside words (``nested``) a key of words
    is not looked up again: words naming words would be a loop."""
    shown = {}
    for name in _fields(template):
        if nested and name in PARAM_WORDS:
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
    if params is not None and all(name in params or name in PARAM_WORDS for name in _fields(template)):
        try:
            return _filled(template, lang, params, label)
        except (ValueError, IndexError):
            pass
    if message and written == lang:
        return message
    return template if not _fields(template) else entry.title.get(lang)


def render_hint(
    kind: str, lang: str, hint: str | None = None, written: str = "en", params: Mapping[str, Any] | None = None
) -> str:
    """The hint of a finding in ``lang``: its own when it is written in ``lang`` (it may say more
    than the kind's), else the catalogue's (filled with ``params`` when it names any: a CSV's
    hint depends on what breaks it), else none."""
    if hint and written == lang:
        return hint
    entry = entry_of(kind)
    if entry is None or entry.hint is None:
        return ""
    template = entry.hint.get(lang)
    if _fields(template):
        return _filled(template, lang, params or {}, None)
    return template.replace("{{", "{").replace("}}", "}")


def params_json(params: Mapping[str, Any]) -> str:
    """The parameters of a message as the findings table keeps them (JSON)."""
    return json.dumps(dict(params), ensure_ascii=False, sort_keys=True, default=str)


#: Column of the findings table: the language its ``message`` and ``hint`` are written in.
WRITTEN_IN = "lang"


def localise_findings(findings: pl.DataFrame, lang: str, label: InputLabel | None = None) -> pl.DataFrame:
    """The findings table with ``title``, ``message`` and ``hint`` in ``lang`` (see :func:`render`),
    and WRITTEN_IN set to ``lang`` (a table read back is rendered again from what it says); ``kind``
    stays, the machine id to filter on. Each distinct finding text is rendered once: a national run
    repeats a few hundred of them over its findings."""
    if "kind" not in findings.columns:
        return findings
    frame = findings
    for column in ("params", "message", "hint", WRITTEN_IN):
        if column not in frame.columns:
            default = "en" if column == WRITTEN_IN else None
            frame = frame.with_columns(pl.lit(default, dtype=pl.String).alias(column))
    keys = ["kind", "params", "message", "hint", WRITTEN_IN]
    frame = frame.with_columns(pl.col(k).cast(pl.String) for k in keys)
    distinct = frame.select(keys).unique()
    rows = []
    titles: dict[str, str] = {}
    hints: dict[tuple[str, str | None, str, str | None], str | None] = {}
    for kind, params, message, hint, written in distinct.iter_rows():
        kind, written = kind or "", written or "en"
        if kind not in titles:
            titles[kind] = title(kind, lang)
        # Most hints are the kind's alone; the few that name parameters are rendered per finding.
        entry = entry_of(kind)
        by_params = params if entry is not None and entry.hint is not None and _fields(entry.hint.get(lang)) else None
        if (kind, hint, written, by_params) not in hints:
            hints[kind, hint, written, by_params] = (
                render_hint(kind, lang, hint, written, parse_params(by_params)) or None
            )
        rows.append(
            {
                "_title": titles[kind],
                "_message": render(kind, parse_params(params), lang, message=message, written=written, label=label),
                "_hint": hints[kind, hint, written, by_params],
            }
        )
    texts = pl.concat(
        [distinct, pl.DataFrame(rows, schema={"_title": pl.String, "_message": pl.String, "_hint": pl.String})],
        how="horizontal",
    )
    out = (
        frame.join(texts, on=keys, how="left", nulls_equal=True, maintain_order="left")
        .with_columns(
            pl.col("_message").alias("message"),
            pl.col("_hint").alias("hint"),
            pl.col("_title").alias("title"),
            pl.lit(lang, dtype=pl.String).alias(WRITTEN_IN),
        )
        .drop("_message", "_hint", "_title")
    )
    # The title beside the kind, every other column where it was (those added at the end).
    order = [c for c in frame.columns if c != "title"]
    at = order.index("kind") + 1
    return out.select([*order[:at], "title", *order[at:]])


def parse_params(params: str | None) -> dict[str, Any] | None:
    """The parameters of a finding from the findings table's JSON (None when it has none)."""
    if not params:
        return None
    try:
        value = json.loads(params)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
