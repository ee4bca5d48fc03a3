"""Characters in a criteria file that look like YAML's own and are not.

A set is often drafted in Word, a web page or a chat and pasted into an editor. What comes along
looks right on screen and is not what YAML reads: a no-break space where a space indents a line,
a zero-width space inside a key, a full-width colon, Word's "–" or "•" for a list's "-", curly
quotes for straight ones. PyYAML then answers with a reason about indentation or a missing ":"
next to a colon the author can see, and pydantic says a key ``max`` is missing where ``max:`` is
written. These functions find such a character, so that the answer names it, its code point and
its place (:mod:`pari_index.criteria.yaml_reader`).

Only places where YAML reads structure are looked at: the text of a title or a guidance may hold
an en dash, a curly quote or a no-break space on purpose.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Word's list dashes and bullets, and the minus sign, where a list's "-" belongs.
_DASHES = "\u2013\u2014\u2012\u2010\u2011\u2212\u2022\u2023\u2043\u00b7\u25cf\u25aa\uff0d"
#: Curly and low quotes from a word processor, where YAML's straight quotes belong.
_QUOTES = "\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b"
_COLONS = "\uff1a\ufe55\ufe13"
#: The first character of a line's content (after its indentation), when it is a dash or bullet
#: followed by a space: a list item marked with a look-alike of "-".
_LIST_MARK = re.compile(rf"^[ \t]*([{_DASHES}])[ \t\u00a0]")


@dataclass(frozen=True)
class Lookalike:
    """A look-alike character near a YAML error: what it passes for (a key of
    messages.PARAM_WORDS["lookalike"]), the character and its place (line and column from 1)."""

    kind: str
    char: str
    line: int
    column: int


def kind_of(char: str) -> str | None:
    """What ``char`` passes for in a structural place, or None when it is an ordinary character
    (tabs and control characters have their own answers: PyYAML's, and control-character)."""
    if char == " " or char == "\t":
        return None
    if char in _COLONS:
        return "colon"
    if char in _QUOTES:
        return "quote"
    category = unicodedata.category(char)
    if category == "Zs":
        return "space"
    if category == "Cf" or char == "\u00ad":
        return "invisible"
    if "\uff01" <= char <= "\uff5e":
        return "fullwidth"
    return None


#: A code-like value once its look-alikes are taken out: an id, a kind, a number, a date.
_CODE = re.compile(r"[A-Za-z0-9_.:/+\-]*")


def in_key(text: str) -> int | None:
    """Where the first look-alike of a mapping key is (keys of the format are plain words), or None."""
    if text.isascii():
        return None
    return next((at for at, char in enumerate(text) if kind_of(char) is not None), None)


def in_value(text: str, plain: bool) -> int | None:
    """Where the first look-alike of a value is, or None: in a code-like value (an id, a kind, a
    number, a date), and a curly quote opening a value written without YAML quotes (the text
    would keep it: ``“Tốt"``). A value of words is free text and is left alone."""
    if plain and text and text[0] in _QUOTES:
        return 0
    if " " in text or text.isascii():
        return None  # words (a title, a guidance), or nothing to find: most values, found at once
    found = [at for at, char in enumerate(text) if kind_of(char) is not None]
    if not found or not _CODE.fullmatch("".join(c for c in text if kind_of(c) is None)):
        return None
    return found[0]


def near_error(text: str, first_line: int, last_line: int) -> Lookalike | None:
    """The first look-alike in lines ``first_line``..``last_line`` (0-based) of ``text``, outside
    comments, where PyYAML reads structure: indentation, keys, colons, list marks, the start of
    a value. ``None`` when those lines hold none: the error is then a plain YAML mistake."""
    lines = text.split("\n")
    for number in range(max(first_line, 0), min(last_line, len(lines) - 1) + 1):
        found = _in_line(lines[number])
        if found is not None:
            column, kind = found
            return Lookalike(kind, lines[number][column], number + 1, column + 1)
    return None


def _in_line(line: str) -> tuple[int, str] | None:
    if line.lstrip(" \t\u00a0\u3000\ufeff\u200b").startswith("#"):
        return None
    mark = _LIST_MARK.match(line)
    if mark is not None:
        return mark.start(1), "dash"
    quoted = False
    for column, char in enumerate(line):
        if char in "\"'":
            quoted = not quoted  # inside a straight-quoted text, anything may stand
            continue
        if quoted:
            continue
        if char == "#" and (column == 0 or line[column - 1] == " "):
            return None  # a comment to the line's end
        kind = kind_of(char)
        if kind is not None and _structural(line, column, kind):
            return column, kind
    return None


def _structural(line: str, column: int, kind: str) -> bool:
    """Whether a look-alike at ``column`` stands where YAML reads structure: in the indentation,
    in a key (before the line's ":"), right after a ":", "-", "," or bracket; a curly quote where
    a value opens. A no-break space between the words of a text is the text's own."""
    before = line[:column]
    if kind == "quote":
        stripped = before.rstrip(" ")
        return stripped == "" or stripped.endswith((":", "-", "[", "{", ","))
    if kind == "colon" or not before.strip(" \t\u00a0\u3000\ufeff\u200b"):
        return True
    if before.endswith((":", "-", ",", "[", "{")):
        return True
    return ":" in line[column:] and ": " not in before and not before.rstrip().endswith(":")
