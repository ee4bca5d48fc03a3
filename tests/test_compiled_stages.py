"""The compiled rules run in stages (criteria.compiling.CompiledSet.evaluate): each numeric input's
exact value is a column of its own (exact_column), then each tier rule's first matching tier
(match_column), then the points and branches that read them. These columns sit beside the
inputs' own columns in the same frame, so their names must never be an input's column, whatever
the inputs are called; and the stages, built once per set, must serve every frame evaluated.

Points are in units of 1/10,000; every expected value is worked out by hand next to it, and
``score`` asserts that the compiled rules and the pure-Python reference agree first.
"""

from __future__ import annotations

import polars as pl
from evaluators import frame_for, score
from test_rule_kinds import PCT, one_leaf

from pari_index.criteria.compiling import RESULT_SCHEMA, compile_criteria, exact_column, match_column

# A rate tier rule whose inputs are named after the stage columns' suffixes: a name clash between
# an input's column and a stage column would overwrite the input with the stage's value.
CLASHING_NAMES = """
    inputs: {match: {type: count}, exact: {type: count}}
    rule:
      kind: tiers
      rate: {numerator: match, denominator: exact}
      when_no_denominator: full_points
      tiers:
        - {from: 50, points: 1.5}
        - {below: 50, points: 0.5}
    """


def test_stage_columns_are_never_an_inputs_column() -> None:
    criteria = one_leaf(CLASHING_NAMES, maximum="1.5")
    leaf = "1.1"
    inputs = {f"{leaf}:match", f"{leaf}:exact"}
    assert match_column(leaf) not in inputs
    assert {exact_column(c) for c in inputs}.isdisjoint(inputs | {match_column(leaf)})
    # 1 of 2 = 50 %: from 50 -> 1.5 points (tier 0); 1 of 3 = 33.3 %: below 50 -> 0.5 (tier 1).
    assert score(criteria, leaf, match=1 * PCT, exact=2 * PCT) == (15_000, "tier:0", 15_000)
    assert score(criteria, leaf, match=1 * PCT, exact=3 * PCT) == (5_000, "tier:1", 15_000)
    # A zero denominator counts in full (when_no_denominator: full_points): 1.5 points.
    assert score(criteria, leaf, match=3 * PCT, exact=0) == (15_000, "no_denominator", 15_000)
    assert score(criteria, leaf, match=None, exact=2 * PCT) == (0, "missing", 15_000)


def test_stages_built_once_serve_every_frame() -> None:
    """One compiled set evaluates several frames (one per batch) with the stages it built for the
    first; each result is what a freshly compiled set gives, with only the result's columns."""
    criteria = one_leaf(CLASHING_NAMES, maximum="1.5")
    compiled = compile_criteria(criteria)
    first = frame_for(criteria, [{"commune_code": "00001", "1.1:match": 1 * PCT, "1.1:exact": 2 * PCT}])
    second = frame_for(
        criteria,
        [
            {"commune_code": "00002", "1.1:match": 1 * PCT, "1.1:exact": 3 * PCT},
            {"commune_code": "00003", "1.1:match": 2 * PCT, "1.1:exact": 0},
        ],
    )
    assert compiled.evaluate(first)["points"].to_list() == [15_000]
    again = compiled.evaluate(second)
    assert again.schema == pl.Schema(RESULT_SCHEMA)
    # 33.3 % -> 0.5 points; a zero denominator -> full points (1.5).
    assert again.select("commune_code", "points", "branch").rows() == [
        ("00002", 5_000, "tier:1"),
        ("00003", 15_000, "no_denominator"),
    ]
    assert again.equals(compile_criteria(criteria).evaluate(second))
