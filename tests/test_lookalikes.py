"""Look-alike characters in a criteria file (criteria.lookalikes): each is named at its own line
and column, with its code point and what it passes for; the same characters in free text (a
title's words, a guidance) are the text's own and load."""

from __future__ import annotations

import pytest
from criteria_text import BASE, load_ok, problems, replace_line

from pari_index.criteria import lookalikes

# BASE's item 1.1 (tests/criteria_text.py): line 19 ``- id: "1.1"``, 20 its title, 21 ``max: 2``.


def _only(text: str) -> tuple[str, int | None, int | None, str, str]:
    found = problems(text)
    assert found[0].code == "lookalike-character", found
    first = found[0]
    assert first.params is not None
    return first.code, first.line, first.column, first.params["codepoint"], first.params["lookalike"]


@pytest.mark.parametrize(
    ("line", "edited", "column", "codepoint", "kind"),
    [
        (21, "\u00a0\u00a0      max: 2", 1, "U+00A0", "space"),  # indented with Word's no-break spaces
        (21, "        max:\u00a02", 13, "U+00A0", "space"),  # a no-break space after the colon
        (21, "        max\uff1a 2", 12, "U+FF1A", "colon"),  # a full-width colon
        (21, "        max:\u30002", 13, "U+3000", "space"),  # an ideographic space
        (21, "        ma\u200bx: 2", 11, "U+200B", "invisible"),  # a zero-width space in a key
        (21, "        \ufeffmax: 2", 9, "U+FEFF", "invisible"),  # a byte-order mark starting a key
        (21, "        ｍａｘ: 2", 9, "U+FF4D", "fullwidth"),  # a key typed with a CJK input method
        (19, '      \u2013 id: "1.1"', 7, "U+2013", "dash"),  # Word's en dash as a list's "-"
        (19, '      \u2022 id: "1.1"', 7, "U+2022", "dash"),  # Word's bullet
        (19, '      - id: "1.1\u200b"', 17, "U+200B", "invisible"),  # inside a quoted id
        (20, "        title: \u201cTỷ lệ hoàn thành\u201d", 16, "U+201C", "quote"),  # curly-quoted title
    ],
)
def test_each_look_alike_is_named_at_its_place(line: int, edited: str, column: int, codepoint: str, kind: str) -> None:
    assert _only(replace_line(BASE, line, edited)) == ("lookalike-character", line, column, codepoint, kind)


@pytest.mark.parametrize(
    "edited",
    [
        '        title: "Tỷ lệ\u00a0hoàn thành"',  # a no-break space between words, quoted
        "        title: Tỷ lệ\u00a0hoàn thành",  # and plain
        '        title: "Tỷ lệ hoàn thành – “đúng hạn”"',  # an en dash and curly quotes inside
        "        title: Tỷ lệ hoàn thành – “đúng hạn”",  # the same, plain
        "        title: «Tỷ lệ» hoàn thành",  # guillemets open a title
        "        title: Tỷ lệ hoàn thành\u200b",  # a zero-width space at the end of words
    ],
)
def test_the_same_characters_in_free_text_load(edited: str) -> None:
    loaded = load_ok(replace_line(BASE, 20, edited))
    assert loaded.criteria.areas[0].children[0].title  # the text kept as written


def test_a_plain_yaml_mistake_beside_free_text_stays_yaml_syntax() -> None:
    # A no-break space between the title's words, and a bracket left open on the next line: the
    # error is the bracket's, not the space's.
    text = replace_line(replace_line(BASE, 20, "        title: Tỷ lệ\u00a0hoàn thành"), 21, "        max: [2")
    (problem,) = problems(text)
    assert problem.code == "yaml-syntax"


def test_kinds_and_structural_places() -> None:
    assert [lookalikes.kind_of(c) for c in " \t\u00a0\u200b\uff1a\u201c\uff41a-"] == [
        None,
        None,
        "space",
        "invisible",
        "colon",
        "quote",
        "fullwidth",
        None,
        None,
    ]
    assert lookalikes.in_key("max") is None and lookalikes.in_key("ma\u200bx") == 2
    assert lookalikes.in_value("1.1\u200b.1", plain=False) == 3  # an id
    assert lookalikes.in_value("Tỷ\u00a0lệ", plain=True) is None  # words
    assert (
        lookalikes.in_value("\u201cTốt\u201d", plain=True) == 0
        and lookalikes.in_value("\u201cTốt\u201d", plain=False) is None
    )
    assert lookalikes.in_value("", plain=True) is None
    found = lookalikes.near_error("a: 1\n  # \u00a0 a comment\nb:\u00a01\n", 0, 2)
    assert found is not None and (found.line, found.column, found.kind) == (3, 3, "space")
