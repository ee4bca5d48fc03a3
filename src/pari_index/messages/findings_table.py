"""The findings table in one language: each distinct finding rendered once
(:func:`localise_findings`), and the text parameters of findings built as polars expressions
(:func:`json_params`, :func:`per_distinct`).

Apart from :mod:`pari_index.messages.rendering` (one finding's text), which imports no polars: a
refusal under a small ``ulimit -v`` (the memory-limit finding) must render its words without it.
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable

import polars as pl

from pari_index.errors import in_language
from pari_index.messages.catalogue import entry_of, title
from pari_index.messages.labels import NESTED_WORDS, PARAM_WORDS
from pari_index.messages.rendering import (
    BAND_PARAMS,
    WRITTEN_IN,
    InputLabel,
    parse_params,
    render,
    render_hint,
    template_fields,
)


def per_distinct(text: pl.Expr, function: Callable[[str], str]) -> pl.Expr:
    """``function`` of each value of ``text`` (null stays null), called once per distinct value."""

    def apply(series: pl.Series) -> pl.Series:
        distinct = series.unique().drop_nulls()
        return series.replace_strict(
            distinct, [function(v) for v in distinct.to_list()], default=None, return_dtype=pl.String
        )

    return text.map_batches(apply, return_dtype=pl.String, is_elementwise=True)


#: Characters json.dumps writes escaped in a string (ensure_ascii=False): the quote, the backslash
#: and the control characters below U+0020.
_JSON_ESCAPED = r'["\\\x00-\x1f]'


def json_params(**values: pl.Expr) -> pl.Expr:
    """Text parameters as :func:`pari_index.messages.params_json` writes them (sorted keys,
    ``{"a": "x", "b": "y"}``), null where any value is null. Values with nothing to escape (nearly
    all) are quoted as they are; the others go through json.dumps once per distinct value."""
    pieces: list[pl.Expr] = []
    for index, (name, value) in enumerate(sorted(values.items())):
        plain = ~value.str.contains(_JSON_ESCAPED)
        escaped = per_distinct(pl.when(~plain).then(value), lambda v: json.dumps(v, ensure_ascii=False))
        quoted = pl.when(plain).then(pl.lit('"') + value + pl.lit('"')).otherwise(escaped)
        pieces += [pl.lit(("{" if index == 0 else ", ") + json.dumps(name, ensure_ascii=False) + ": "), quoted]
    return pl.concat_str([*pieces, pl.lit("}")]) if pieces else pl.lit("{}")


def localise_findings(findings: pl.DataFrame, lang: str, label: InputLabel | None = None) -> pl.DataFrame:
    """The findings table with ``title``, ``message`` and ``hint`` in ``lang`` (see :func:`render`),
    and WRITTEN_IN set to ``lang`` (a table read back is rendered again from what it says); ``kind``
    stays, the machine id to filter on. Each distinct finding text is rendered once: a national run
    repeats a few hundred of them over its findings; findings whose sentence only places text
    parameters (150,000 distinct unknown communes) are rendered as columns (:func:`_messages`)."""
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
    kinds = [k or "" for k in distinct["kind"].unique().to_list()]
    titles = {kind: title(kind, lang) for kind in kinds}
    # Most hints are the kind's alone; the few that name parameters are rendered per finding.
    hint_params = [kind for kind in kinds if _hint_has_fields(kind, lang)]
    by_params = pl.when(pl.col("kind").is_in(hint_params)).then(pl.col("params")).alias("_by_params")
    texts = pl.concat(
        [
            _messages(distinct.filter(pl.col("kind").fill_null("").is_in(kinds_)), lang, label, plan)
            for kinds_, plan in _plans(kinds, lang)
        ]
    ).with_columns(by_params)
    hints = texts.select("kind", "hint", WRITTEN_IN, "_by_params").unique()
    hints = hints.with_columns(
        pl.Series(
            "_hint",
            [
                render_hint(kind or "", lang, hint, written or "en", parse_params(params)) or None
                for kind, hint, written, params in hints.iter_rows()
            ],
            dtype=pl.String,
        )
    )
    texts = texts.join(hints, on=["kind", "hint", WRITTEN_IN, "_by_params"], how="left", nulls_equal=True).drop(
        "_by_params"
    )
    out = (
        frame.join(texts, on=keys, how="left", nulls_equal=True, maintain_order="left")
        .with_columns(
            _cut_in_language(pl.col("_message"), lang).alias("message"),
            _cut_in_language(pl.col("_hint"), lang).alias("hint"),
            pl.col("kind").fill_null("").replace_strict(titles, return_dtype=pl.String).alias("title"),
            pl.lit(lang, dtype=pl.String).alias(WRITTEN_IN),
        )
        .drop("_message", "_hint")
    )
    # The title beside the kind, every other column where it was (those added at the end).
    order = [c for c in frame.columns if c != "title"]
    at = order.index("kind") + 1
    return out.select([*order[:at], "title", *order[at:]])


def _cut_in_language(text: pl.Expr, lang: str) -> pl.Expr:
    """``text`` with the length of each value cut short said in ``lang`` (errors.in_language):
    a sentence rendered as columns (:func:`_messages`) places its values as they are."""
    if lang != "vi":
        return text
    cut = text.str.contains(" characters)", literal=True)
    return pl.when(cut).then(per_distinct(text, lambda t: in_language(t, lang))).otherwise(text)


def _hint_has_fields(kind: str, lang: str) -> bool:
    entry = entry_of(kind)
    return entry is not None and entry.hint is not None and bool(template_fields(entry.hint.get(lang)))


#: Parameters that _shown does more with than place their text (words looked up, labels, lists).
_SPECIAL = frozenset(
    {
        "option",
        "other_option",
        "unit_types",
        "folded_kind",
        "input",
        "items",
        "yaml_reason",
        "value_reason",
        "note",  # an evidence file's note, in Vietnamese from messages.evidence_notes
        "reason",
        "columns",
        "group_column",
        "dtype",
        *BAND_PARAMS,
    }
) | frozenset(PARAM_WORDS)
#: A plain text parameter's place in a sentence rendered once for many findings (_by_shape).
_MARK = "\ue000{}\ue001"  # private-use characters about a name: no text of a form has them
#: Fewer findings of a kind than this are rendered one by one (a shape costs a few queries).
_SHAPED_FROM = 200

#: A sentence as pieces: text, and the name of the parameter after it (None after the last).
Plan = tuple[tuple[str, str | None], ...]


def _plans(kinds: list[str], lang: str) -> list[tuple[list[str], Plan | None]]:
    """The kinds whose sentence in ``lang`` only places text parameters, each with its pieces
    (:func:`_plan`), and all other kinds together (perhaps none), without a plan."""
    plans = {kind: _plan(kind, lang) for kind in kinds}
    others = [kind for kind, plan in plans.items() if plan is None]
    # The others always, even none: a run without findings still gets its (empty) table.
    return [([kind], plan) for kind, plan in plans.items() if plan is not None] + [(others, None)]


def _plan(kind: str, lang: str) -> Plan | None:
    """The pieces of ``kind``'s sentence when :func:`_filled` would show each of its parameters
    as the text it is (plain ``{name}`` fields, no words looked up, no input labels); else None."""
    entry = entry_of(kind)
    if entry is None:
        return None
    pieces = list(string.Formatter().parse(entry.message.get(lang)))
    names = [name for _, name, _, _ in pieces if name is not None]
    if not names or any(not n.isidentifier() or n in _SPECIAL for n in names):
        return None
    if any(spec or conversion for _, name, spec, conversion in pieces if name is not None):
        return None
    return tuple((text, name) for text, name, _, _ in pieces)


def _messages(distinct: pl.DataFrame, lang: str, label: InputLabel | None, plan: Plan | None) -> pl.DataFrame:
    """``distinct`` with ``_message`` (see :func:`render`). With a ``plan``, a finding whose params
    are exactly its text parameters (JSON written back from them gives the same text, so none is a
    number, a null or missing) is rendered as columns; the others one by one."""
    fast = pl.lit(None, dtype=pl.String)
    if plan is not None:
        values = {name: pl.col("params").str.json_path_match(f"$.{name}") for _, name in plan if name is not None}
        exact = (json_params(**values) == pl.col("params")).fill_null(False)
        text = pl.concat_str(
            [piece for text, name in plan for piece in (pl.lit(text), values.get(name or "")) if piece is not None]
        )
        fast = pl.when(exact).then(text)
    distinct = distinct.with_columns(fast.alias("_message"))
    rest = distinct.filter(pl.col("_message").is_null())
    if rest.height == 0:
        return distinct
    if plan is None and rest.height >= _SHAPED_FROM:
        rest = _by_shape(rest, lang, label)
    done, left = rest.filter(pl.col("_message").is_not_null()), rest.filter(pl.col("_message").is_null())
    rendered = [
        render(kind or "", parse_params(params), lang, message=message, written=written or "en", label=label)
        for kind, params, message, written in left.select("kind", "params", "message", WRITTEN_IN).iter_rows()
    ]
    return pl.concat(
        [
            distinct.filter(pl.col("_message").is_not_null()),
            done,
            left.with_columns(pl.Series("_message", rendered, dtype=pl.String)),
        ]
    )


def _plain_fields(kind: str, lang: str) -> list[str]:
    """The parameters of ``kind``'s sentence in ``lang`` that are shown as the text they are."""
    entry = entry_of(kind)
    if entry is None:
        return []
    # Each once, in order: a sentence naming a parameter twice (path-is-option's {value}) made two
    # columns of one name, and the report of such a finding stopped (polars: "duplicate").
    fields = template_fields(entry.message.get(lang))
    return list(dict.fromkeys(name for name in fields if name.isidentifier() and name not in _SPECIAL))


def _nested_plain_fields(kind: str, lang: str) -> list[str]:
    """The plain text parameters named inside the words of ``kind``'s sentence (``suggested`` in
    the words of ``nearest``): shown as they are where the words name them, and nowhere else."""
    entry = entry_of(kind)
    if entry is None:
        return []
    outer = template_fields(entry.message.get(lang))
    nested = {
        name
        for word_key in outer
        if word_key in PARAM_WORDS and word_key not in NESTED_WORDS
        for words in PARAM_WORDS[word_key].values()
        for name in template_fields(words.get(lang))
        if name.isidentifier() and name not in _SPECIAL and name not in outer
    }
    return sorted(nested)


def _by_shape(rest: pl.DataFrame, lang: str, label: InputLabel | None) -> pl.DataFrame:
    """``rest`` with ``_message`` rendered once per shape: a finding's params with each plain text
    parameter (a code, a file name) put as a mark, the sentence of each shape filled with the
    marks, then each mark replaced by the finding's own text. 150,000 unknown communes of one
    sentence with words looked up (unknown-commune's ``row_values``) were 150,000 calls of
    :func:`render` (2.4 s); they are one. Findings whose sentence does not keep the marks (a
    parameter left out: their own message is used) stay null, for the caller to render."""
    parts = []
    for (kind,), rows in rest.partition_by("kind", as_dict=True, maintain_order=True).items():
        fields = _plain_fields(str(kind or ""), lang)
        if not fields:
            parts.append(rows)
            continue
        # A nested one is marked where given; words that do not name it, or a finding without it
        # (the words' "—"), render the same either way, so it does not decide what is kept.
        nested = _nested_plain_fields(str(kind or ""), lang)
        shape, swapped = pl.col("params"), []
        for name in [*fields, *nested]:
            pattern = rf'("{name}"\s*:\s*)"(?:[^"\\]|\\.)*"'
            swapped.append(pl.col("params").str.contains(pattern).fill_null(False).alias(f"_s_{name}"))
            shape = shape.str.replace(pattern, "${1}" + json.dumps(_MARK.format(name), ensure_ascii=False))
        rows = rows.with_columns(
            shape.alias("_shape"),
            *swapped,
            *(pl.col("params").str.json_path_match(f"$.{name}").alias(f"_v_{name}") for name in [*fields, *nested]),
        )
        shapes = rows.select("_shape", WRITTEN_IN).unique(maintain_order=True)
        texts = [
            render(str(kind or ""), parse_params(shape), lang, written=written or "en", label=label)
            for shape, written in shapes.iter_rows()
        ]
        rows = rows.join(
            shapes.with_columns(pl.Series("_text", texts, dtype=pl.String)),
            on=["_shape", WRITTEN_IN],
            how="left",
            nulls_equal=True,
            maintain_order="left",
        )
        # Only findings that give every plain parameter as text, and whose sentence kept every mark
        # (a finding without one is told by its own message, which the shape does not know).
        kept = pl.all_horizontal(
            pl.col(f"_s_{name}") & pl.col("_text").str.contains(_MARK.format(name), literal=True) for name in fields
        )
        text = pl.col("_text")
        for name in [*fields, *nested]:
            # (a finding not kept has no text for it: filled, as polars takes no null here)
            text = text.str.replace_all(_MARK.format(name), pl.col(f"_v_{name}").fill_null(""), literal=True)
        rows = rows.with_columns(pl.when(kept).then(text).alias("_message"))
        parts.append(rows.select(rest.columns))
    return pl.concat(parts)
