"""The scoring semantics of a set, for comparing two sets item by item.

Two sets score alike when they have the same leaves (by id and place), maxima, parts, rules,
evidence, unit types, N/A and evidence policies and classes. Names a writer chooses freely are left
out: input names (an annex does not print them; inputs are compared by position and type), level
values, evidence ids and labels of inputs. The round trip export -> import is checked with this.
"""

from __future__ import annotations

from typing import Any

from pari_index.criteria.model import CriteriaSet, Leaf, resolve_leaves
from pari_index.criteria.rules import rule_inputs


def _rule(leaf: Leaf) -> dict[str, Any]:
    """The rule as data, input names replaced by their position and type."""
    names = {name: f"#{i}:{leaf.inputs[name].type.value}" for i, name in enumerate(rule_inputs(leaf.rule))}
    data = leaf.rule.model_dump(mode="json", by_alias=True)

    def rename(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: rename(v) for k, v in value.items() if k not in ("value", "label", "label_en")}
        if isinstance(value, list):
            return [rename(v) for v in value]
        if isinstance(value, str) and value in names:
            return names[value]
        return value

    renamed: dict[str, Any] = rename(data)
    # "The maximum" written out or left to its default scores the same.
    for key in ("yes", "on_time", "start"):
        if key in renamed and renamed[key] is None:
            renamed[key] = str(leaf.max)
    return renamed


def leaf_semantics(leaf: Leaf) -> dict[str, Any]:
    return {
        "path": leaf.path,
        "max": str(leaf.max),
        "floor": str(leaf.floor),
        "part": leaf.part.value,
        "rule": _rule(leaf),
        "evidence": [(e.label, tuple(e.requires)) for e in leaf.evidence],
        "applies_to": sorted(u.value for u in leaf.applies_to or ()),
        "not_applicable": leaf.not_applicable.value,
        "missing_evidence": leaf.missing_evidence.value,
    }


def set_semantics(criteria: CriteriaSet) -> dict[str, Any]:
    """Everything that decides a score, a class or a rank, keyed for comparison."""
    return {
        "scale": str(criteria.scale),
        "parts": criteria.parts.model_dump(mode="json"),
        "rounding": criteria.rounding.resolved(),
        "ranking": criteria.ranking.model_dump(mode="json"),
        "classes": [band.model_dump(mode="json", by_alias=True) for band in criteria.classes],
        "branches": [(n.id, str(n.max), n.part) for n in criteria.nodes() if not n.is_leaf],
        "leaves": {leaf.id: leaf_semantics(leaf) for leaf in resolve_leaves(criteria)},
    }


def semantic_differences(old: CriteriaSet, new: CriteriaSet) -> list[str]:
    """Where two sets would score differently, one line each (empty: they score alike)."""
    a, b = set_semantics(old), set_semantics(new)
    lines = [f"{key}: {a[key]!r} != {b[key]!r}" for key in a if key != "leaves" and a[key] != b[key]]
    for leaf_id in sorted(set(a["leaves"]) | set(b["leaves"])):
        left, right = a["leaves"].get(leaf_id), b["leaves"].get(leaf_id)
        if left is None or right is None:
            lines.append(f"{leaf_id}: only in the {'new' if left is None else 'old'} set")
            continue
        lines += [f"{leaf_id}.{k}: {left[k]!r} != {right[k]!r}" for k in left if left[k] != right[k]]
    return lines


__all__ = ["leaf_semantics", "semantic_differences", "set_semantics"]
