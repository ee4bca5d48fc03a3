"""The rows of the files for each commune (long or wide form, survey, appraisal), batch by batch."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from typing import Any

from pari_index.criteria.compiling import COMMUNE
from pari_index.demo.answers import _Answer, _answers, _evaluate, _evidence, _self_score
from pari_index.demo.appraisal import _explanation_decisions, _input_correction, _score_override
from pari_index.demo.layout import WIDE_META
from pari_index.demo.plans import _Plan, _Settings
from pari_index.demo.register import Commune
from pari_index.demo.values import _number_text, _text


def _commune_rows(
    s: _Settings, c: Commune, rng: random.Random, q: float, answers: list[_Answer | None], true: list[int | None]
) -> tuple[list[tuple[str | None, ...]], dict[str, str | None], list[tuple[str | None, ...]], list[tuple[Any, ...]]]:
    """One unit's rows: long-form rows (or its wide-form row, for units in ``s.wide_codes``),
    survey rows and appraisal rows. The draws from ``rng`` are in a fixed order (habits, then item
    by item, then the corrections), so the same seed gives the same files."""
    comma = rng.random() < 0.85  # most clerks type a decimal comma
    by_label = rng.random() < 0.7
    fill_input = rng.random() < 0.5  # some leave the input column empty for single-input items
    long_rows: list[tuple[str | None, ...]] = []
    survey_rows: list[tuple[str | None, ...]] = []
    wide: dict[str, str | None] = {COMMUNE: c.code}
    appraisal: list[tuple[Any, ...]] = []
    correct_one = rng.random() < s.appraisal_share
    override_one = rng.random() < s.appraisal_share / 3
    candidates: list[int] = []
    evidence_ok: list[int] = []
    for j, (plan, answer) in enumerate(zip(s.plans, answers, strict=True)):
        if answer is None:
            continue
        leaf = plan.leaf
        texts = {name: _text(answer.values.get(name), leaf.inputs[name], leaf, comma, by_label) for name in plan.names}
        if plan.survey:
            for name in plan.names:
                text = texts[name]
                if text is not None:
                    single = len(plan.names) == 1
                    survey_rows.append((c.code, leaf.id, None if single else name, text))
            continue
        pts = true[j]
        self_score: str | None = None
        if pts is not None:
            self_score = _number_text(_self_score(rng, plan, pts, s.mistakes), comma)
        number, date, file, explanation, explained = _evidence(rng, plan, answer, pts, q, s.year)
        na = "có" if answer.na else None
        if explained:
            appraisal += _explanation_decisions(rng, s, c, leaf)
        elif number and not answer.na:
            evidence_ok.append(j)
        if not answer.na and answer.values and not plan.adjustment:
            candidates.append(j)
        metas = (self_score, number, date, file, explanation, na)
        if c.code in s.wide_codes:
            wide.update(_wide_item(plan, texts, metas))
        else:
            long_rows += _long_item_rows(c, plan, texts, metas, fill_input)
    if correct_one and candidates:
        appraisal += _input_correction(rng, s, c, candidates, answers)
    if override_one and evidence_ok:
        appraisal += _score_override(rng, s, c, evidence_ok, true)
    return long_rows, wide, survey_rows, appraisal


def _wide_item(plan: _Plan, texts: dict[str, str | None], metas: tuple[str | None, ...]) -> dict[str, str | None]:
    """One item's cells of a wide-form row: each input (``id`` alone for a single input, else
    ``id:input``), then each meta field given (``id:self_score`` …)."""
    leaf = plan.leaf
    single = len(plan.names) == 1
    cells: dict[str, str | None] = {}
    for name in plan.names:
        cells[leaf.id if single else f"{leaf.id}:{name}"] = texts[name]
    for meta, text in zip(WIDE_META, metas, strict=True):
        if text is not None:
            cells[f"{leaf.id}:{meta}"] = text
    return cells


def _long_item_rows(
    c: Commune, plan: _Plan, texts: dict[str, str | None], metas: tuple[str | None, ...], fill_input: bool
) -> list[tuple[str | None, ...]]:
    """One item's long-form rows: one per input given (the first always, even empty), the meta
    fields on the first only; the input column is left empty for a single input unless
    ``fill_input``."""
    rows: list[tuple[str | None, ...]] = []
    single = len(plan.names) == 1
    first = True
    for name in plan.names:
        text = texts[name]
        if text is None and not first:
            continue
        input_name = name if (not single or fill_input) else None
        if first:
            rows.append((c.code, plan.leaf.id, input_name, text, *metas))
            first = False
        else:
            rows.append((c.code, plan.leaf.id, input_name, text, None, None, None, None, None, None))
    return rows


def _batches(
    s: _Settings, units: Sequence[Commune], batch_size: int
) -> Iterator[tuple[list[tuple[str | None, ...]], list[dict[str, str | None]], list[Any], list[Any]]]:
    for start in range(0, len(units), batch_size):
        chunk = units[start : start + batch_size]
        rngs = [random.Random(f"{s.seed}/{c.code}") for c in chunk]
        quality = [rng.betavariate(4, 2) for rng in rngs]
        answers = [
            _answers(rng, q, c.unit_type, s.plans, s.year) for rng, q, c in zip(rngs, quality, chunk, strict=True)
        ]
        true = _evaluate(s.compiled, chunk, s.plans, answers)
        long_rows: list[tuple[str | None, ...]] = []
        wide_rows: list[dict[str, str | None]] = []
        survey_rows: list[Any] = []
        appraisal_rows: list[Any] = []
        for c, rng, q, a, t in zip(chunk, rngs, quality, answers, true, strict=True):
            lr, w, sr, ar = _commune_rows(s, c, rng, q, a, t)
            long_rows += lr
            if c.code in s.wide_codes:
                wide_rows.append(w)
            survey_rows += sr
            appraisal_rows += ar
        yield long_rows, wide_rows, survey_rows, appraisal_rows
