"""English findings agree with a count of one (session 36): «its 1 rows correct nothing», «gives 1
points», «none of the 1 units of last year's results» read as slips. The nouns a field counts,
and the verb after them, take their one-item form when the field is 1; Vietnamese is unchanged
(its nouns do not change with the count), and a value of the user's that reads «1 points» is
shown as written."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from pari_index.messages import CATALOGUE, render
from pari_index.messages.rendering import _ONE_OF, _agreeing, template_fields

_PLURAL_AFTER_ONE = re.compile(r"(?<![\d.,])1 (?:[a-z]+ )?(" + "|".join(_ONE_OF) + r")\b")


@pytest.mark.parametrize(
    ("kind", "params", "said"),
    [
        ("appraisal-corrections-absent", {"count": 1}, "its 1 row corrects nothing"),
        ("appraisal-corrections-absent", {"count": 2}, "its 2 rows correct nothing"),
        ("dates-month-first", {"count": 1}, "1 date is written month first"),
        ("dates-month-first", {"count": 3}, "3 dates are written month first"),
        ("letters-lost", {"words": 1}, "1 word holds a"),
        ("points-above-max", {"criterion": "1.1", "outcome": "yes", "points": 1, "max": 0.5}, "gives 1 point,"),
        ("points-above-max", {"criterion": "1.1", "outcome": "yes", "points": 1.5, "max": 1}, "gives 1.5 points,"),
        ("points-above-max", {"criterion": "1.1", "outcome": "yes", "points": Decimal("1.0"), "max": 0}, "1 point,"),
        ("rows-in-one-cell", {"row": 4, "lines": 1, "first": "x"}, "holds 1 line that looks like"),
        ("group-value-empty", {"count": 1}, "1 ranked unit has"),
    ],
)
def test_a_count_of_one_takes_the_one_item_form(kind: str, params: dict[str, object], said: str) -> None:
    others = dict.fromkeys(template_fields(CATALOGUE[kind].message.get("en")), "x")
    assert said in render(kind, {**others, **params}, "en")


def test_none_of_the_one_unit_of_last_year() -> None:
    params = {"total": 1, "taken_up": "codes", "codes": "00001", "previous_hint": "codes"}
    assert render("previous-compares-nothing", params, "en").startswith(
        "none of the 1 unit of last year's results is a unit of this run (00001)"
    )
    # Vietnamese says it the same way for one unit or many.
    one = render("previous-compares-nothing", params, "vi")
    assert one == render("previous-compares-nothing", {**params, "total": 2}, "vi").replace("2 đơn vị", "1 đơn vị")


def test_a_value_reading_one_and_a_plural_is_shown_as_written() -> None:
    # Only the template's own nouns agree: the user's cell «1 points» is theirs.
    said = render("number-with-words", {"value": "1 points"}, "en")
    assert "1 points" in said


@pytest.mark.parametrize("kind", sorted(CATALOGUE))
def test_no_english_template_counts_one_in_the_plural(kind: str) -> None:
    template = CATALOGUE[kind].message.get("en")
    ones = render(kind, dict.fromkeys(template_fields(template), 1), "en")
    assert not [m.group(0) for m in _PLURAL_AFTER_ONE.finditer(ones) if "has words" not in m.group(0)]
    # ... and with two, the template is left as written: only a count of one changes it.
    assert _agreeing(template, dict.fromkeys(template_fields(template), 2)) == template


def test_the_one_item_forms_are_told_apart_from_plain_words() -> None:
    assert _agreeing("{n} rows of this form give", {"n": 1}) == "{n} row of this form gives"
    assert _agreeing("{n} rows of this form give", {"n": "1"}) == "{n} row of this form gives"
    assert _agreeing("{n} rows", {"n": True}) == "{n} rows"  # a yes is no count
    assert _agreeing("{n} rows", {"n": 1.5}) == "{n} rows"
    assert _agreeing("{n} bases", {"n": 1}) == "{n} bases"  # a noun not counted here is left


def _words_templates() -> list[tuple[str, str, str]]:
    from pari_index.messages.rendering import PARAM_WORDS

    return [
        (name, key, words.en)
        for name, table in sorted(PARAM_WORDS.items())
        for key, words in sorted(table.items())
        if isinstance(getattr(words, "en", None), str)
    ]


@pytest.mark.parametrize(
    ("kind", "params", "said"),
    [
        # Words of a finding (PARAM_WORDS) count too: the review of session 36 found these two
        # with the real pari (a CSV whose one byte is not UTF-8; a results table of one row).
        (
            "encoding-fallback",
            {"fallback_encoding": "cp1258", "fallback_evidence": "bad", "bad": 1, "letters": 0},
            "since 1 byte is not UTF-8",
        ),
        (
            "encoding-fallback",
            {"fallback_encoding": "cp1258", "fallback_evidence": "bad", "bad": 2, "letters": 0},
            "since 2 bytes are not UTF-8",
        ),
        (
            "results-damaged",
            {"results_problem": "rows_changed", "table": "summary", "found": 1, "written": 2},
            "the summary table has 1 row, but pari score wrote 2",
        ),
        (
            "results-damaged",
            {"results_problem": "rows_changed", "table": "summary", "found": 3, "written": 2},
            "the summary table has 3 rows, but pari score wrote 2",
        ),
    ],
)
def test_words_of_a_finding_agree_with_one(kind: str, params: dict[str, object], said: str) -> None:
    assert said in render(kind, params, "en")


@pytest.mark.parametrize(("name", "key", "template"), _words_templates())
def test_no_english_words_count_one_in_the_plural(name: str, key: str, template: str) -> None:
    # Every finding's words, filled with 1 through the finding that names them.
    kinds = [kind for kind, entry in sorted(CATALOGUE.items()) if "{" + name + "}" in entry.message.get("en")]
    for kind in kinds[:1]:
        fields = dict.fromkeys(template_fields(template), 1)
        said = render(
            kind, {**dict.fromkeys(template_fields(CATALOGUE[kind].message.get("en")), "x"), **fields, name: key}, "en"
        )
        assert not [m.group(0) for m in _PLURAL_AFTER_ONE.finditer(said) if "has words" not in m.group(0)], said
