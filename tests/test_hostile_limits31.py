"""What the cases of tests/hostile_limits31.py answer, and that the patterns made to begin only
where a word or a name begins find what they found when tried at every character."""

from __future__ import annotations

import re

from hostile_limits31 import CASES, EXPECTED, NOT_WRITTEN
from hypothesis import given
from hypothesis import strategies as st
from sweeps import case_tests, language_tests

from pari_index.intake.xlsx import xml_patterns
from pari_index.letters import lost_letters

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

#: The patterns as they were before session 31: tried at each character (quadratic on a long run).
_ATTR_AT_EACH = re.compile(xml_patterns._ATTR.pattern.replace(rb"(?<![^\s<>/=\"'])", b"", 1))
_WORD_AT_EACH = re.compile(lost_letters._WORD_WITH_MARK.pattern.replace(r"(?<![^\s,;|\"'()\[\]])", "", 1))


def test_the_patterns_begin_where_a_name_or_a_word_begins() -> None:
    """The lookbehind is what keeps each attempt to one per run: it is there, and without it the
    patterns are the ones tried at every character."""
    assert _ATTR_AT_EACH.pattern != xml_patterns._ATTR.pattern
    assert _WORD_AT_EACH.pattern != lost_letters._WORD_WITH_MARK.pattern
    assert xml_patterns._ATTR.search(b"abc") is None and xml_patterns._ATTR.findall(b'xr="1"') == [(b"xr", b"1", b"")]
    assert lost_letters._WORD_WITH_MARK.findall("ab?c d x?") == ["ab?c", "x?"]


_TAGS = [
    b' r="A2" t="inlineStr"',
    b'r="A2"t="s"s=\'3\'',
    b' x:r = "B7"  xmlns:x="urn"',
    b" aaaa r='C3'",
    b' a/b="1" c<d="2" e>f="3" =g="4"',
    b' "h"="5" i\'j=\'6\' k="7',
    b' l="<" m="8"',
    b"",
]


def test_a_tag_s_attributes_are_what_every_start_found() -> None:
    for tag in _TAGS:
        assert xml_patterns._ATTR.findall(tag) == _ATTR_AT_EACH.findall(tag), tag


@given(st.text(alphabet=" \tab=\"'/<>:r1", max_size=40))
def test_any_attributes_are_what_every_start_found(text: str) -> None:
    tag = text.encode()
    assert xml_patterns._ATTR.findall(tag) == _ATTR_AT_EACH.findall(tag)


@given(st.text(alphabet=" \n,;|\"'()[]a?ơ=/", max_size=40))
def test_the_words_with_a_mark_are_what_every_start_found(text: str) -> None:
    assert lost_letters._WORD_WITH_MARK.findall(text) == _WORD_AT_EACH.findall(text)
