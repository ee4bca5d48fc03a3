"""The appraisal council's rows: decisions on explanations, corrected inputs, score overrides."""

from __future__ import annotations

import random
from typing import Any

from pari_index.criteria.model import Leaf
from pari_index.demo.answers import _Answer, _lowered
from pari_index.demo.plans import _Settings
from pari_index.demo.register import Commune
from pari_index.demo.values import _number_text, _text
from pari_index.demo.words import ACCEPT_REASONS, CORRECTION_REASONS, OVERRIDE_REASONS, REJECT_REASONS


def _explanation_decisions(rng: random.Random, s: _Settings, c: Commune, leaf: Leaf) -> list[tuple[Any, ...]]:
    """Most explanations get the council's decision (accepted or not, with a reason)."""
    decided = rng.random() < 0.7
    if not decided:
        return []
    accepted = rng.random() < 0.6
    reason = rng.choice(ACCEPT_REASONS if accepted else REJECT_REASONS)
    return [(c.code, leaf.id, None, None, None, "có" if accepted else "không", reason, rng.choice(s.appraisers))]


def _input_correction(
    rng: random.Random, s: _Settings, c: Commune, candidates: list[int], answers: list[_Answer | None]
) -> list[tuple[Any, ...]]:
    """At most one corrected input, lowered by the council, among up to 3 sampled items."""
    for j in rng.sample(candidates, min(3, len(candidates))):
        plan = s.plans[j]
        answer = answers[j]
        assert answer is not None
        lowered = _lowered(rng, plan, answer.values)
        if lowered is None:
            continue
        name, value = lowered
        text = _text(value, plan.leaf.inputs[name], plan.leaf, True, True)
        single = len(plan.names) == 1
        return [
            (
                c.code,
                plan.leaf.id,
                None if single else name,
                text,
                None,
                None,
                rng.choice(CORRECTION_REASONS[plan.leaf.inputs[name].type]),
                rng.choice(s.appraisers),
            )
        ]
    return []


def _score_override(
    rng: random.Random, s: _Settings, c: Commune, evidence_ok: list[int], true: list[int | None]
) -> list[tuple[Any, ...]]:
    """A score override below the true score, on one item whose evidence is in order."""
    j = rng.choice(evidence_ok)
    pts = true[j] or 0
    lower = [v for v in s.plans[j].ladder if v < pts and v >= 0]
    if not lower:
        return []
    return [
        (
            c.code,
            s.plans[j].leaf.id,
            None,
            None,
            _number_text(rng.choice(lower), True),
            None,
            rng.choice(OVERRIDE_REASONS),
            rng.choice(s.appraisers),
        )
    ]
