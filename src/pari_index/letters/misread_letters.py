"""Text that was read in another code page than its own and saved again ("mojibake").

Excel on Windows opens a CSV file without a byte-order mark in the system's code page: a UTF-8
file's every Vietnamese letter, two or three bytes, shows as two or three letters of Windows-1252
or Windows-1258 (``Phường`` as ``PhÆ°á»ng``, ``có`` as ``cÃ³``); a Windows-1258 file (Excel's
«CSV» on a Vietnamese Windows) opened on an English Windows shows its tone marks, bytes of their
own, as letters of Windows-1252 (``Phường`` as ``PhýõÌng``). Saved again (as CSV UTF-8, or as a
workbook), those letters are what the file holds: valid UTF-8, read without an error. Its names
went into the ranking garbled and its type column named no type, exit 0 (a register), or every
answer such as ``có`` was refused one cell at a time with a hint about Excel's error values (the
assessments). So it is refused (``letters-misread``) with the words that show it, each with the
word it was; fewer such words than its share (rows pasted from a misread file, a few names) are
named in a warning (``letters-misread-some``), and the file is read.

The evidence: words whose letters outside ASCII, written back as the bytes they were read from
(Windows-1252 or Windows-1258; a byte either leaves undefined stays the control character of its
number, as Windows reads it), are valid UTF-8 of a letter; or whose Windows-1252 bytes read as
Windows-1258 compose into Vietnamese letters only, fewer of them. Vietnamese text written as it
should be never is: its letters are not bytes of a code page that make UTF-8 (``ư`` is no byte of
Windows-1252; ``có`` in Windows-1258 is ``c`` and F3, which no UTF-8 byte follows), and its ``ì``
and ``ò`` follow no vowel but the u of qu- and the i of gi- (``quì``, ``giò``). At least
:data:`~pari_index.letters.lost_letters.MIN_WORDS` such words, and more than
:data:`~pari_index.letters.lost_letters.LOST_SHARE` of the words with a letter outside ASCII.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from pari_index.errors import Problem, quoted
from pari_index.letters.legacy_encoding import VIETNAMESE, weigh_legacy_words
from pari_index.letters.lost_letters import LostLetters, enough, letters_lost, sample_of, weigh_lost
from pari_index.messages import render, render_hint


def _bytes_of_letters() -> dict[int, int]:
    """Each character of Windows-1252 and Windows-1258 above ASCII, and each control character
    of a byte they leave undefined, to the byte it is read from (the two never disagree: a
    character both hold is the same byte in both)."""
    table: dict[int, int] = {}
    for code_page in ("cp1252", "cp1258"):
        for byte in range(0x80, 0x100):
            try:
                letter = bytes([byte]).decode(code_page)
            except UnicodeDecodeError:
                letter = chr(byte)
            table.setdefault(ord(letter), byte)
    return table


_BYTES = {letter: chr(byte) for letter, byte in _bytes_of_letters().items()}


def _read_as(low: int, high: int) -> str:
    """The letters the bytes ``low`` to ``high`` are read as, for a character class."""
    return "".join(re.escape(chr(letter)) for letter, byte in _bytes_of_letters().items() if low <= byte <= high)


#: A UTF-8 lead byte (C2 to F4) read as a letter, then a continuation byte (80 to BF) read as one;
#: or a Windows-1258 vowel's byte, then a tone's (CC, D2, DE, EC, F2) read in Windows-1252.
_SIGN = re.compile(f"[{_read_as(0xC2, 0xF4)}][{_read_as(0x80, 0xBF)}]|[aâãeêioôõuýyAÂÃEÊIOÔÕUÝY][ÌÒÞìò]")
#: The vowel of an initial qu- or gi- with a tone mark after it: «quì» (as some write quỳ), «giò»,
#: «giòn» are words, the i or u no syllable's vowel.
_INITIAL_TONED = re.compile("(?:[qQ][uU]|[gG][iI])[\u0300\u0301\u0303\u0309\u0323]")
_COMBINING = re.compile("[\u0300-\u036f]")
_VIETNAMESE_WORD = re.compile(f"[\\x21-\\x7e{''.join(sorted(VIETNAMESE))}]+")
_WORD = re.compile(r"[^ \t\r\n,;|\"'()\[\]]+")
_OUTSIDE_ASCII = re.compile(r"[^\x00-\x7f]+")
#: The evidence is weighed as for letters lost (letters.lost_letters: the same sample, at least
#: MIN_WORDS such words and more than LOST_SHARE of the words with a letter outside ASCII).
MisreadLetters = LostLetters


def _as_utf8(run: str) -> str | None:
    """``run`` (letters outside ASCII) written back as the code page's bytes it was read from and
    read as UTF-8, when they are UTF-8 holding a letter; else None."""
    try:
        text = run.translate(_BYTES).encode("latin_1").decode("utf-8")
    except UnicodeError:
        return None
    return text if any(letter.isalpha() for letter in text) else None


def _from_1258(word: str) -> str | None:
    """``word`` written back as Windows-1252 bytes and read as Windows-1258 (a file Excel saved
    as «CSV» on a Vietnamese Windows, then opened on an English one: ``PhýõÌng`` for ``Phường``),
    when its tone marks then compose with the vowels before them into Vietnamese letters only."""
    if _COMBINING.search(word):
        return None  # decomposed text (NFD, or Windows-1258 read as it should be): already marks
    try:
        marked = word.translate(_BYTES).encode("latin_1").decode("cp1258")
    except UnicodeError:
        return None
    if _INITIAL_TONED.search(marked):
        return None
    text = unicodedata.normalize("NFC", marked)
    # Its tones composed. Ð or ð alone (Windows-1252's eth, Windows-1258's Đ and đ: ``ðúng``) is no
    # sign: people type the eth for Đ, which it looks like, and such a file reads as it should.
    return text if len(text) < len(word) and _VIETNAMESE_WORD.fullmatch(text) else None


def repaired(word: str) -> str | None:
    """The word ``word`` was before its letters were misread, or None when it shows no sign of it."""
    found = False

    def mend(match: re.Match[str]) -> str:
        nonlocal found
        text = _as_utf8(match.group(0))
        found = found or text is not None
        return text if text is not None else match.group(0)

    mended = _OUTSIDE_ASCII.sub(mend, word)
    return mended if found else _from_1258(word)


def has_misread_word(text: str) -> bool:
    """Whether a word of ``text`` holds letters misread in a code page (the place of the evidence)."""
    return any(repaired(word) is not None for word in _WORD.findall(text) if not word.isascii())


def misread_letters(texts: Iterable[str]) -> MisreadLetters | None:
    """Why ``texts`` (a file's text, or a sheet's cells) hold UTF-8 misread as a code page, or
    None when they show no such sign (or too few words to tell)."""
    weighed = weigh_misread(texts)
    return weighed[0] if weighed is not None and weighed[1] else None


def weigh_misread(texts: Iterable[str]) -> tuple[MisreadLetters, bool] | None:
    """The words of ``texts`` (a file's text, or a sheet's cells) that hold UTF-8 misread as a
    code page, and whether they are enough to refuse the text (:func:`enough`; fewer are rows
    pasted from a misread file, named in a warning), or None when there is none. Text without a
    letter that a UTF-8 lead byte is read as, followed by one a continuation byte is read as,
    shows none: one search in C, so that a file written as it should be costs no Python call a
    word."""
    sample = sample_of(texts)
    if _SIGN.search(sample) is None:
        return None
    misread: dict[str, str] = {}
    count = other = 0
    for word in _WORD.findall(sample):
        if word.isascii():
            continue
        mended = repaired(word)
        if mended is None:
            other += 1
            continue
        count += 1
        if len(misread) < 3 and len(word) <= 40:
            misread.setdefault(word, mended)
    if not count:
        return None
    examples = ", ".join(f"{quoted(word)} ({quoted(mended)})" for word, mended in misread.items())
    return MisreadLetters(count, round(100 * count / (count + other)), examples), enough(count, other)


def weigh_legacy(texts: Iterable[str]) -> LostLetters | None:
    """The words of ``texts`` typed with a legacy Vietnamese font (TCVN3, VNI) among text as it
    should be (legacy_encoding.weigh_legacy_words: at least two), as the evidence of a warning
    (legacy-font-some); None when there are fewer. A whole text so typed is refused before
    (legacy-encoding, legacy-font)."""
    found = weigh_legacy_words(sample_of(texts), repaired)
    if found is None:
        return None
    count, other, words = found
    examples = " ".join(quoted(word) for word in words)
    return LostLetters(count, round(100 * count / (count + other)), examples)


def letters_misread(evidence: MisreadLetters, file: str, sheet: str | None = None) -> Problem:
    """The finding of a file (or a workbook's sheet) whose UTF-8 letters were misread and saved."""
    params = {"words": evidence.words, "share": evidence.share, "examples": evidence.examples}
    return Problem(
        "letters-misread",
        render("letters-misread", params, "en"),
        file=file,
        sheet=sheet,
        hint=render_hint("letters-misread", "en", params=params),
        params=params,
    )


def letters_damaged(texts: Sequence[str], file: str, sheet: str | None = None) -> list[Problem]:
    """What the texts of a file or a sheet show
    of letters lost to ``?`` or misread in a code page: the error refusing it (letters-lost,
    letters-misread: one, the text not read), or warnings naming the words when they are too
    few to refuse it (letters-lost-some, letters-misread-some: rows pasted from a damaged file,
    read as written; session 24, they were ranked and published garbled without a word), or
    nothing. Each is weighed once."""
    lost = weigh_lost(texts)
    if lost is not None and lost[1]:
        return [letters_lost(lost[0], file, sheet)]
    misread = weigh_misread(texts)
    if misread is not None and misread[1]:
        return [letters_misread(misread[0], file, sheet)]
    return some_damaged(misread, lost, file, sheet, weigh_legacy(texts))


def some_damaged(
    misread: tuple[MisreadLetters, bool] | None,
    lost: tuple[LostLetters, bool] | None,
    file: str,
    sheet: str | None,
    legacy: LostLetters | None = None,
) -> list[Problem]:
    """The warnings of words misread, lost to ``?`` or typed with a legacy font (``legacy``, session
    25), too few to refuse the text (see :func:`letters_damaged`)."""
    some = [
        ("letters-misread-some", misread[0] if misread is not None else None),
        ("letters-lost-some", lost[0] if lost is not None else None),
        ("legacy-font-some", legacy),
    ]
    return [_damaged(code, found, file, sheet) for code, found in some if found is not None]


def _damaged(code: str, evidence: LostLetters, file: str, sheet: str | None) -> Problem:
    """The warning ``code`` (letters-misread-some, letters-lost-some, legacy-font-some) of ``evidence``."""
    params = {"words": evidence.words, "share": evidence.share, "examples": evidence.examples}
    return Problem(
        code,
        render(code, params, "en"),
        file=file,
        sheet=sheet,
        hint=render_hint(code, "en", params=params),
        params=params,
        severity="warning",
    )


__all__ = [
    "MisreadLetters",
    "has_misread_word",
    "letters_damaged",
    "letters_misread",
    "misread_letters",
    "repaired",
    "some_damaged",
    "weigh_legacy",
    "weigh_misread",
]
