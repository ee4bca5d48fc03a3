"""Findings rendered by shape (messages.findings_table._by_shape) read exactly as rendered one by one.

A sentence whose parameters are not all plain text (unknown-commune's ``row_values`` looks up
words, with a count nested in them) was rendered by a call per finding: 150,000 unknown communes
of a 5 MB appraisal file took 2.4 s there, the hostile case over its 5 s. Each shape (the params
with their plain text put as marks) is now rendered once and the marks replaced by each finding's
own text. The texts must not change: codes with quotes, backslashes, marks of their own, numbers
where a text is expected and params that leave the sentence's parameter out are all compared.
"""

from __future__ import annotations

import json

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pari_index.messages.findings_table import localise_findings
from pari_index.messages.rendering import WRITTEN_IN, parse_params, render

CODES = st.text(alphabet=st.sampled_from('aX0"\\ commune_ }{$1\u00e1\u1ea1'), min_size=0, max_size=12)


def _findings(params: list[dict[str, object] | None], kind: str = "unknown-commune") -> pl.DataFrame:
    return pl.DataFrame(
        {
            "severity": ["error"] * len(params),
            "kind": [kind] * len(params),
            "message": [f"English message {i}" for i in range(len(params))],
            "hint": [None] * len(params),
            "params": [None if p is None else json.dumps(p, ensure_ascii=False) for p in params],
            WRITTEN_IN: ["en"] * len(params),
        },
        schema_overrides={"hint": pl.String},
    )


def _one_by_one(frame: pl.DataFrame, lang: str) -> list[str]:
    return [
        render(kind, parse_params(params), lang, message=message, written=written)
        for kind, params, message, written in frame.select("kind", "params", "message", WRITTEN_IN).iter_rows()
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
@given(codes=st.lists(CODES, min_size=1, max_size=40), cells=st.lists(st.integers(1, 2_000), max_size=5))
def test_shapes_give_the_texts_of_one_by_one(lang: str, codes: list[str], cells: list[int]) -> None:
    params: list[dict[str, object] | None] = []
    for i in range(300):  # over _SHAPED_FROM, so that shapes are used
        code = codes[i % len(codes)] + str(i)
        many = cells[i % len(cells)] if cells and i % 3 else 1
        params.append({"commune": code, "row_values": "many" if many > 1 else "", "cells": many})
    params += [{"commune": 7}, {"row_values": "many", "cells": 2}, None, {"commune": "a", "extra": "b"}]
    frame = _findings(params)
    assert localise_findings(frame, lang)["message"].to_list() == _one_by_one(frame, lang)


def test_a_kind_of_plain_sentences_with_an_argument_name_is_named_in_the_runs_language() -> None:
    # {option} is an argument's name (TỆP_TỰ_ĐÁNH_GIÁ in Vietnamese), never placed as its text.
    params = [
        {"option": "ASSESSMENTS", "path": f"a{i}.csv", "other_option": "--survey", "other": "b.csv"} for i in range(250)
    ]
    frame = _findings(params, "input-given-twice")  # type: ignore[arg-type]
    rendered = localise_findings(frame, "vi")["message"].to_list()
    assert rendered == _one_by_one(frame, "vi")
    assert rendered[0].startswith("TỆP_TỰ_ĐÁNH_GIÁ")


def _plain_kinds() -> list[str]:
    from pari_index.messages.catalogue import CATALOGUE
    from pari_index.messages.findings_table import _plain_fields

    return sorted(kind for kind in CATALOGUE if _plain_fields(kind, "vi") or _plain_fields(kind, "en"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_kind_with_plain_parameters_reads_the_same_by_shape(lang: str) -> None:
    """Each kind's findings with its sentence's parameters given as texts, numbers, or left out,
    read as one by one. (A kind whose one plain parameter was a number in every finding stopped a
    run on polars' "value cannot be null" while this was written: tests/test_hostile_sweep14's
    afternoon time caught it; the marks are now filled with nothing where a finding has no text.)"""
    from pari_index.messages.catalogue import CATALOGUE
    from pari_index.messages.rendering import template_fields

    for kind in _plain_kinds():
        names = sorted(set(template_fields(CATALOGUE[kind].message.get(lang))))
        params: list[dict[str, object] | None] = []
        for i in range(240):
            given = {name: f"{name} «{i % 7}»" for name in names}
            if i % 5 == 1:
                given.pop(names[i % len(names)])
            if i % 11 == 2:
                given[names[0]] = i
            params.append(given)
        # And the first parameter left out of every finding (polars refused an all-null fill).
        without = [{k: v for k, v in p.items() if k != names[0]} for p in params if p is not None]
        for frame in (_findings(params, kind), _findings(without, kind)):  # type: ignore[arg-type]
            assert localise_findings(frame, lang)["message"].to_list() == _one_by_one(frame, lang), kind
