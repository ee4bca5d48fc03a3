"""What the cases of tests/hostile_limits31.py answer, and that the patterns made to begin only
where a word or a name begins (and the unit after an annex's points, looked for alone) find what
they found when tried at every character."""

from __future__ import annotations

import re

import pytest
from hostile_limits31 import CASES, EXPECTED, NOT_WRITTEN
from hypothesis import given
from hypothesis import strategies as st
from sweeps import case_tests, language_tests

from pari_index.authoring import importing
from pari_index.intake.xlsx import ods_styles, xml_patterns
from pari_index.letters import lost_letters

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
# The annex case's output quotes the example annex's own cells (Vietnamese in an English run) and
# its Vietnamese note on missing classes names the YAML key: its language is checked elsewhere.
words, test_each_case_says_it_in_its_own_language = language_tests(
    {name: case for name, case in CASES.items() if not name.startswith("annex-")}, EXPECTED
)

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


def _without_unit_before(text: str) -> str:
    """An annex's points without their unit, as before session 31 (quadratic on runs of spaces)."""
    return re.sub(r"(?i)\s*(điểm|đ|points?)\.?\s*$", "", text.strip())


@pytest.mark.parametrize(
    "text", ["1 điểm", "2đ", " 1,5  ĐIỂM. ", "3 points", "3point.", "điểm", "x đ đ", "a\u00a0điểm", "4 điểm x", "5", ""]
)
def test_an_annex_s_points_lose_their_unit_as_before(text: str) -> None:
    assert importing._without_unit(text) == _without_unit_before(text)


@given(
    st.lists(st.sampled_from([" ", "\n", "\t", "đ", "Đ", "điểm", "ĐIỂM", ".", "1", "points", "point", "x"]), max_size=8)
)
def test_any_points_lose_their_unit_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert importing._without_unit(text) == _without_unit_before(text)


#: An .ods tag's attributes as read before session 31: names bounded, tried at each byte.
_ODS_ATTR_BOUNDED = re.compile(rb"([A-Za-z0-9_.-]{1,40}:)?([A-Za-z0-9_.-]{1,60})\s*=\s*(?:\"([^\"<]*)\"|'([^'<]*)')")


def _ods_attributes_before(attrs: bytes) -> dict[bytes, bytes]:
    return {m.group(2): m.group(3) or m.group(4) or b"" for m in _ODS_ATTR_BOUNDED.finditer(attrs)}


@pytest.mark.parametrize(
    "tag",
    [
        b' style:name="ce1" style:family="table-cell" style:data-style-name="N1"',
        b" table:number-columns-repeated='3' table:default-cell-style-name=\"ce2\"",
        b' number:min-integer-digits = "5" number:grouping="true"',
        b' a:b:c="1" d.e-f="2"x="3"',
        b"",
    ],
)
def test_an_ods_tag_s_attributes_are_what_they_were(tag: bytes) -> None:
    assert ods_styles.attributes(tag) == _ods_attributes_before(tag)
    assert ods_styles._ATTR.pattern.startswith(rb"(?<!")


@given(st.lists(st.sampled_from([b" ", b"a", b"style", b":", b"=", b'"', b"'", b"x1", b"\n", b"-", b"."]), max_size=10))
def test_any_ods_attributes_are_what_they_were(pieces: list[bytes]) -> None:
    tag = b"".join(pieces)
    assert ods_styles.attributes(tag) == _ods_attributes_before(tag)


def test_a_name_past_the_old_bounds_is_read_whole() -> None:
    """A name of 70 letters was read as its last 60 (or less), as if it were another attribute;
    calamine reads it whole, and so does the scan now."""
    name = b"x" * 10 + b"data-style-name"
    assert ods_styles.attributes(b" " + b"y" * 50 + name + b'="N1"') == {b"y" * 50 + name: b"N1"}
