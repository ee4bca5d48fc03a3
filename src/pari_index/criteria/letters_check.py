"""A criteria set whose Vietnamese letters were damaged on their way into the YAML: a decision's
text pasted from a Word file typed with a TCVN3 or VNI font (``§¹t chuÈn``), a file opened in
another code page and saved (``Chá»‰ sá»‘``), or saved in one without Vietnamese letters
(``??t chu?n``). Such a set loaded without a word: its level labels matched no answer, so every
answer written as the decision writes it was refused in the *assessments* (``bad-value`` by the
hundred, blaming the unit's file), and the results and the report showed the garbled titles.
It is refused at the first damaged text, with the words that show it (session 27). The evidence
is the intake's (pari_index.letters): text written as it should be shows none of it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import yaml

from pari_index.errors import Problem
from pari_index.letters.legacy_encoding import has_legacy_word
from pari_index.letters.lost_letters import LostLetters, has_lost_letter, weigh_lost
from pari_index.letters.misread_letters import has_misread_word, weigh_legacy, weigh_misread
from pari_index.messages import render, render_hint

#: Each damage, the weighing of a set's texts that finds it, and the test of one text that places it.
_DAMAGES: tuple[tuple[str, Callable[[list[str]], LostLetters | None], Callable[[str], bool]], ...] = (
    ("misread", lambda texts: _evidence(weigh_misread(texts)), has_misread_word),
    ("lost", lambda texts: _evidence(weigh_lost(texts)), has_lost_letter),
    ("legacy", weigh_legacy, has_legacy_word),
)


def _evidence(weighed: tuple[LostLetters, bool] | None) -> LostLetters | None:
    # A set's every label counts: a few damaged words are refused too, not only a file's share.
    return weighed[0] if weighed is not None else None


def damaged_letters(root: yaml.Node | None, file: str) -> list[Problem]:
    """The refusal of a set whose text shows damaged letters, placed at the first such text; or
    nothing. Keys are the format's own words and are not weighed."""
    scalars = [node for node in _values(root) if not node.value.isascii()]
    texts = [node.value for node in scalars]
    # The damage the most words show: a text typed with TCVN3 also holds a few words that read as
    # misread Windows-1258 («truyÒn»), and is told as the font it is.
    weighed = [(evidence, damage, shows) for damage, weigh, shows in _DAMAGES if (evidence := weigh(texts))]
    if not weighed:
        return []
    evidence, damage, shows = max(weighed, key=lambda found: found[0].words)
    first = next((node for node in scalars if shows(node.value)), scalars[0])
    params = {"words": evidence.words, "letters_damage": damage, "examples": evidence.examples}
    return [
        Problem(
            "criteria-letters-damaged",
            render("criteria-letters-damaged", params, "en"),
            file=file,
            line=first.start_mark.line + 1,
            column=first.start_mark.column + 1,
            hint=render_hint("criteria-letters-damaged", "en", params=params),
            params=params,
        )
    ]


def _values(root: yaml.Node | None) -> Iterator[yaml.ScalarNode]:
    """The scalar values of the document, in the order written."""
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            yield node
        elif isinstance(node, yaml.MappingNode):
            stack.extend(value for _, value in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
