"""Telling Windows-1258 from the font encodings of older Vietnamese software (TCVN3/ABC, VNI).

A CSV file that is not UTF-8 is read as Windows-1258 (Excel's "CSV" in a Vietnamese Windows).
Files typed with TCVN3 (".VnTime" fonts) or VNI fonts are also 8-bit, and Windows-1258 decodes
every one of their bytes to *something*: ``Hµ Néi`` for Hà Nội, ``Hoøa`` for Hòa. Scored, such
text would put garbled names in the ranking and fail every answer such as ``có`` or ``đúng hạn``
one cell at a time. No codec for these encodings ships with Python, and guessing one is worse than
saying so; so the file is refused (``legacy-encoding``) with the evidence.

The evidence: in Vietnamese text decoded as Windows-1258 and composed (NFC), almost every
character outside ASCII is a Vietnamese letter (its tone marks, bytes of their own in Windows-1258,
compose with the vowel before them). In TCVN3 or VNI decoded the same way most are symbols or
letters of other languages (``µ ¸ ¶ · ¹ ¨ « ¬ ø ï``).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
#: Every Vietnamese letter outside ASCII, composed.
VIETNAMESE = frozenset({unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES} | set("đĐ")) - {
    chr(c) for c in range(128)
}
#: Characters outside ASCII that Vietnamese text in Windows-1258 commonly holds besides letters.
PUNCTUATION = frozenset("\u00a0–—‘’“”…•°₫€")
#: A file whose characters outside ASCII are more than this share something else is not
#: Windows-1258 (genuine text: 0-2 %; TCVN3: over 60 %; VNI: about 40 %).
FOREIGN_SHARE = 0.2
#: ... and at least this many of them (a stray © in an English file is not evidence).
MIN_FOREIGN = 3
#: Characters weighed: the start of the file is evidence enough, and bounds the work.
SAMPLE_CHARS = 1 << 20
_ASCII = dict.fromkeys(range(128))


@dataclass(frozen=True)
class LegacyEvidence:
    """Why a text is a legacy font encoding: the share (in %) of its letters outside ASCII that are
    no Vietnamese letters in Windows-1258, and the commonest of them (kept apart, not as a sentence,
    so that the finding says it in the run's language)."""

    share: int
    letters: str


def legacy_evidence(text: str) -> LegacyEvidence | None:
    """Why ``text`` (bytes decoded as Windows-1258) is not Windows-1258 Vietnamese but a legacy
    font encoding, or None when it reads as Vietnamese (or has too few letters to tell)."""
    counts = Counter(unicodedata.normalize("NFC", text[:SAMPLE_CHARS]).translate(_ASCII))
    counts.pop("\ufffd", None)
    wide = counts.total()
    foreign = {c: n for c, n in counts.items() if c not in VIETNAMESE and c not in PUNCTUATION}
    found = sum(foreign.values())
    if found < MIN_FOREIGN or found <= FOREIGN_SHARE * wide:
        return None
    examples = " ".join(sorted(foreign, key=foreign.__getitem__, reverse=True)[:8])
    return LegacyEvidence(round(100 * found / wide), examples)


#: Characters a legacy font's bytes become when typed into a Unicode program (a workbook): the
#: upper half of Windows' code pages (Latin-1 and Windows-1252's additions, Windows-1258's
#: combining tones). Text in other scripts or with mathematical signs (≥, ±) is not this evidence.
_CODE_PAGE = frozenset(chr(c) for c in range(0x80, 0x100)) | frozenset(
    bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore") + "\u0300\u0301\u0303\u0309\u0323"
)
#: Rows of a sheet weighed: the evidence of the start, as for a file (SAMPLE_CHARS bounds it too).
SAMPLE_ROWS = 5_000


def typed_in_legacy_font(cells: Iterable[str]) -> LegacyEvidence | None:
    """Why the text of a workbook's cells was typed with a TCVN3 or VNI font (the font's bytes
    kept as the code page's characters: ``Ph\xadêng Hång CÈm``, ``Xaõ Taân Hoøa``), or None. As
    :func:`legacy_evidence`, and only when every character it names is a code page's character."""
    taken: list[str] = []
    size = 0
    for text in cells:  # the start is evidence enough (SAMPLE_CHARS), as for a file
        taken.append(text)
        size += len(text) + 1
        if size > SAMPLE_CHARS:
            break
    text = "\n".join(taken)
    evidence = legacy_evidence(text)
    if evidence is None or not all(c in _CODE_PAGE for c in evidence.letters.split()):
        return None
    return evidence


__all__ = ["VIETNAMESE", "legacy_evidence", "typed_in_legacy_font"]
