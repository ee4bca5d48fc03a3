"""Text whose Vietnamese letters were replaced by ``?`` when it was saved.

A program that saves text in a code page without Vietnamese letters (Excel's plain "CSV" on an
English, Japanese or Chinese Windows; Notepad's "ANSI"; a database export in Latin-1) writes ``?``
for every letter it cannot encode: ``Phường Tân Lộc`` becomes ``Ph??ng T?n L?c`` in Shift-JIS,
``Ph??ng Tân L?c`` in Windows-1252 (which keeps ``â``, ``á``, ``ô`` and a few others). The file
is then valid ASCII or Windows-1258: read, its names went into the ranking garbled, exit 0, and
the letters cannot be recovered from it. So it is refused (``letters-lost``) with the words
that show it; fewer such words than its share (rows pasted from such a file) are named in a
warning (``letters-lost-some``), and the file is read.

The evidence: words with a ``?`` before a letter (``Ph??ng``, ``?úng``, ``H?ng``), which
Vietnamese or English text never writes (a question mark ends a word; a web address's ``?id=``
is not counted), at least :data:`MIN_WORDS` of them and more than :data:`LOST_SHARE` of the words
with a letter outside ASCII or a lost one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pari_index.errors import Problem, quoted

#: A word: what lies between spaces, separators and quotes. A word with a mark is looked for only
#: where a word begins (the lookbehind): tried at each of its letters, a word of 200,000 letters
#: and a ``?`` after a space took some 160 CPU s (quadratic), in a CSV of 200 KB (limits31).
_WORD_WITH_MARK = re.compile(r"(?<![^\s,;|\"'()\[\]])[^\s,;|\"'()\[\]]*\?[^\s,;|\"'()\[\]]*")
_WORD = re.compile(r"[^\s,;|\"'()\[\]]+")
_MARK_BEFORE_LETTER = re.compile(r"\?[^\W\d_]")
#: At least this many words with a lost letter (one typo is not evidence) ...
MIN_WORDS = 3
#: ... and more than this share of the words with a letter outside ASCII or a lost one (a file
#: saved in Shift-JIS: all of them; in Windows-1252, which keeps a few letters: over half).
LOST_SHARE = 0.2
#: Characters weighed: the start of the file is evidence enough, and bounds the work.
SAMPLE_CHARS = 1 << 20


@dataclass(frozen=True)
class LostLetters:
    """Why a text lost its letters (or had them misread: letters.misread_letters): how many words
    of the sample show it, their share (in %) of the words with letters outside ASCII, and a few
    of them as they are written."""

    words: int
    share: int
    examples: str


def _lost(word: str) -> bool:
    return "=" not in word and "/" not in word and _MARK_BEFORE_LETTER.search(word) is not None


def has_lost_letter(text: str) -> bool:
    """Whether a word of ``text`` holds a ``?`` where a letter was (the place of the evidence)."""
    return "?" in text and any(_lost(word) for word in _WORD_WITH_MARK.findall(text))


def sample_of(texts: Iterable[str]) -> str:
    """The first SAMPLE_CHARS of ``texts`` (a file's text, or a sheet's cells), one per line."""
    taken: list[str] = []
    size = 0
    for text in texts:
        taken.append(text[: SAMPLE_CHARS - size])
        size += len(taken[-1]) + 1
        if size >= SAMPLE_CHARS:
            break
    return "\n".join(taken)


def enough(signs: int, others: int) -> bool:
    """Whether ``signs`` words of a sample, against ``others`` with letters outside ASCII, tell
    that its letters were damaged: at least MIN_WORDS, and more than LOST_SHARE of them all."""
    return signs >= MIN_WORDS and signs > LOST_SHARE * (signs + others)


def lost_letters(texts: Iterable[str]) -> LostLetters | None:
    """Why ``texts`` (a file's text, or a sheet's cells) had their Vietnamese letters replaced by
    ``?``, or None when they show no such sign (or too few words to tell)."""
    weighed = weigh_lost(texts)
    return weighed[0] if weighed is not None and weighed[1] else None


def weigh_lost(texts: Iterable[str]) -> tuple[LostLetters, bool] | None:
    """The words of ``texts`` that lost letters to ``?``, when they are at least MIN_WORDS, and
    whether they are share enough to refuse the text (:func:`enough`; fewer are rows pasted from
    such a file, named in a warning); None otherwise."""
    sample = sample_of(texts)
    if "?" not in sample:
        return None
    lost = [word for word in _WORD_WITH_MARK.findall(sample) if _lost(word)]
    if len(lost) < MIN_WORDS:
        return None
    kept = sum(1 for word in _WORD.findall(sample) if "?" not in word and not word.isascii())
    examples = " ".join(quoted(word) for word in [w for w in dict.fromkeys(lost) if len(w) <= 40][:4])
    share = round(100 * len(lost) / (len(lost) + kept))
    return LostLetters(len(lost), share, examples), enough(len(lost), kept)


def letters_lost(evidence: LostLetters, file: str, sheet: str | None = None) -> Problem:
    """The finding of a file (or a workbook's sheet) whose letters were replaced by ``?``."""
    return Problem(
        "letters-lost",
        f"{evidence.words:,} words hold a ? where a letter was ({evidence.share} % of the words with letters "
        f"outside ASCII; e.g. {evidence.examples}): the file was saved in a code page without Vietnamese "
        "letters, and they cannot be recovered from it; the file was not read, rather than score and publish "
        "garbled names",
        file=file,
        sheet=sheet,
        hint="open the original and save it again as «CSV UTF-8 (Comma delimited)» (or give the .xlsx); plain "
        "«CSV» on a Windows that is not Vietnamese loses the letters",
        params={"words": evidence.words, "share": evidence.share, "examples": evidence.examples},
    )


__all__ = ["LostLetters", "enough", "has_lost_letter", "letters_lost", "lost_letters", "sample_of", "weigh_lost"]
