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

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
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
    #: The code page of another language the bytes most likely are (other_code_page), when they
    #: are not a Vietnamese font's.
    code_page: str | None = None


#: A letter that cannot follow TCVN3's bare «ư» (its byte 0xAD): in TCVN3 one is an ASCII letter
#: (``ưa``, ``ưng``) or a form of «ơ» (``ườ`` … ``ượ``: bytes 0xEA–0xEE, «ê» to «î» as Windows-1258
#: or Latin-1 shows them; «ơ», 0xAC, is «¬», no letter). Any other letter is Unicode: a soft hyphen
#: (Word's hyphenation, a web page's) typed inside a Unicode syllable after its first consonants
#: («Th<U+00AD>ành», «Ph<U+00AD>ường»), which until session 40 was counted as TCVN3's «ư»
#: (``legacy-font-some`` on a register of Unicode names, note39).
_NOT_AFTER_U = r"[^\W\d_A-Za-z\u00ea-\u00ee]"

#: TCVN3's «ư» is its byte 0xAD, the soft hyphen (U+00AD) read as Windows-1258: only at a syllable's
#: start or after its first consonants, all ASCII (``T­ ph¸p``, ``Tr­êng``, ``ng­êi``; after «®»,
#: TCVN3's «đ», which is no letter: ``®­îc``; at a word's start before a letter: ``­u tiªn``).
#: Group ``u`` is such one; every other soft hyphen (``_soft_hyphens_dropped``) is one typed or
#: pasted (a web page's or Word's) beside a number («95<U+00AD>»: a workbook's whole sheet refused
#: as «typed with a legacy font», its hint to convert the text with Unikey's converter, session
#: 39) or after a word's vowel or last consonant: after «có» (session 39) and, until the review of
#: session 39, after «Không», «Đạt», «Chưa», «Hoàn thành» (an ASCII letter before it), each such
#: answer named as a legacy-font word.
#: Since session 40, not when the letter after it cannot follow TCVN3's bare «ư» (_NOT_AFTER_U).
_TCVN3_U = re.compile(
    rf"(?<![^\W\d_])(?P<u>[BCDGHKLMNPQRSTVXbcdghklmnpqrstvx]{{1,3}}\u00ad(?!{_NOT_AFTER_U})|\u00ad(?=[^\W\d_]))|\u00ad"
)


def _soft_hyphens_dropped(text: str) -> str:
    """``text`` without the soft hyphens that cannot be TCVN3's «ư» (_TCVN3_U)."""
    return _TCVN3_U.sub(lambda found: found["u"] or "", text) if "\u00ad" in text else text


def legacy_evidence(text: str) -> LegacyEvidence | None:
    """Why ``text`` (bytes decoded as Windows-1258) is not Windows-1258 Vietnamese but a legacy
    font encoding, or None when it reads as Vietnamese (or has too few letters to tell)."""
    sample = _soft_hyphens_dropped(text[:SAMPLE_CHARS])
    counts = Counter(unicodedata.normalize("NFC", sample).translate(_ASCII))
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


#: The characters of a code page that a legacy font's letters become and no Vietnamese word holds
#: (Windows-1258's own letters and tones, its punctuation, and ² ³ of m² and m³ set aside).
_LEGACY_LETTERS = "".join(sorted(_CODE_PAGE - VIETNAMESE - PUNCTUATION - set("²³«»‹›\u0300\u0301\u0303\u0309\u0323")))
#: Such a character right after a letter: in a word typed with a TCVN3 font (``H«ng``, ``T©n``,
#: ``Hµ``) or a VNI font (``Hoøa``, ``Caåm``); the quotes « » ‹ › only between letters, as
#: quotes close a word (``«trích»``); the soft hyphen (TCVN3's «ư») only after a word's first
#: consonants (_TCVN3_U). Signs after no letter (``µg``, ``2×3``) are not.
_LEGACY_SIGN = re.compile(
    f"[^\\W\\d_](?:[{re.escape(_LEGACY_LETTERS.replace(chr(0xAD), ''))}]|[«»‹›](?=[^\\W\\d_]))"
    f"|(?<![^\\W\\d_])[BCDGHKLMNPQRSTVXbcdghklmnpqrstvx]{{1,3}}\u00ad(?!{_NOT_AFTER_U})"
)
#: Any of those characters: a search for them alone is seven times faster (3 ms a MiB, 21 with the
#: letter before), and text as it should be holds none.
_LEGACY_CHAR = re.compile(f"[{re.escape(_LEGACY_LETTERS)}«»‹›]")
_WORD_OF = re.compile(r"[^ \t\r\n,;|\"'()\[\]]+")
#: At least this many such words are named (one French or German name, ``François``, is not).
MIN_LEGACY_WORDS = 2


def has_legacy_word(text: str) -> bool:
    """Whether ``text`` holds a word that looks typed with a legacy font (the place of the evidence)."""
    return _LEGACY_CHAR.search(text) is not None and _LEGACY_SIGN.search(text) is not None


def weigh_legacy_words(sample: str, misread: Callable[[str], str | None]) -> tuple[int, int, list[str]] | None:
    """The words of ``sample`` (a file's text, or a sheet's cells) typed with a legacy font, a few
    among text as it should be (rows pasted from an old document: ``Ph\xadêng H«ng CÈm`` among
    Unicode names; a whole text so is refused, legacy-encoding or legacy-font): how many, how many
    other words have letters outside ASCII, and the first three; None when fewer than
    MIN_LEGACY_WORDS. A word misread in another code page (``misread`` gives what it was) is that
    finding's, not this one's. One search in C when there is none."""
    if _LEGACY_CHAR.search(sample) is None or _LEGACY_SIGN.search(sample) is None:
        return None
    found: list[str] = []
    count = other = 0
    for word in _WORD_OF.findall(sample):
        if word.isascii():
            continue
        if _LEGACY_SIGN.search(word) is None or misread(word) is not None:
            other += 1
            continue
        count += 1
        if len(found) < 3 and len(word) <= 40 and word not in found:
            found.append(word)
    return (count, other, found) if count >= MIN_LEGACY_WORDS else None


#: Code pages of other languages a file refused as not Windows-1258 may be in (sweep 17: a register
#: saved by a Chinese Windows in GB18030, one in KOI8-R, were named "TCVN3/ABC or VNI"), each with
#: the scripts of its text; when several fit, the first is named. EUC-KR before GB18030: Korean
#: read as GB18030 is common Chinese characters, Chinese read as EUC-KR is not mostly Hangul. A
#: GB18030 file may hold Vietnamese (the encoding has every letter); its Chinese characters must
#: be GB2312's (Big5 read as GB18030 is GBK's rarer ones). Hebrew before Greek: Hebrew read as
#: Greek is small Greek letters, Greek read as Hebrew fails at its accented vowels.
OTHER_CODE_PAGES: tuple[tuple[str, frozenset[str]], ...] = (
    ("euc_kr", frozenset({"hangul"})),
    ("gb18030", frozenset({"gb2312", "vietnamese"})),
    ("big5", frozenset({"han"})),
    ("shift_jis", frozenset({"han", "kana"})),
    ("koi8_r", frozenset({"cyrillic"})),
    ("cp1251", frozenset({"cyrillic"})),
    ("cp1255", frozenset({"hebrew"})),
    ("cp1253", frozenset({"greek"})),
    ("cp1256", frozenset({"arabic"})),
    ("cp874", frozenset({"thai"})),
    ("cp1252", frozenset({"latin", "vietnamese"})),
)
#: The share of a file's characters outside ASCII (but for PUNCTUATION and spaces) that must be
#: letters of a code page's scripts for the file to be named as in it.
SCRIPT_SHARE = 0.85
_SCRIPT_WORDS = {
    "CJK": "han",
    "HIRAGANA": "kana",
    "KATAKANA": "kana",
    "HANGUL": "hangul",
    "CYRILLIC": "cyrillic",
    "GREEK": "greek",
    "HEBREW": "hebrew",
    "ARABIC": "arabic",
    "THAI": "thai",
    "LATIN": "latin",
}
_VOWELS_OF = {"cyrillic": "аеиоуыэюяёАЕИОУЫЭЮЯЁ", "greek": "αεηιουωάέήίόύώΑΕΗΙΟΥΩΆΈΉΊΌΎΏϊϋΐΰ"}
#: The share of vowels among the letters of Russian or Greek text: 0.4 or more (0.3 for KOI8-R
#: read as Windows-1251); Hebrew or Arabic read as Cyrillic, 0.2.
VOWEL_SHARE = 0.27
_VOWEL_BYTES = frozenset(b"aeiouyAEIOUY")
_LETTER_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _scripts(char: str) -> frozenset[str]:
    if char in VIETNAMESE:
        return frozenset({"vietnamese", "latin"})
    if not unicodedata.category(char).startswith("L"):
        return frozenset()
    script = _SCRIPT_WORDS.get(unicodedata.name(char, "").split(" ", 1)[0])
    if script != "han":
        return frozenset({script} if script else ())
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return frozenset({"han"})
    return frozenset({"han", "gb2312"})


def _fits(text: str, scripts: frozenset[str]) -> bool:
    counts = Counter(unicodedata.normalize("NFC", text).translate(_ASCII))
    wide = sum(n for c, n in counts.items() if not c.isspace() and c not in PUNCTUATION and c != "\ufeff")
    letters = sum(n for c, n in counts.items() if _scripts(c) & scripts)
    vowels = _VOWELS_OF.get(next(iter(scripts)), "") if len(scripts) == 1 else ""
    if vowels and sum(counts[c] for c in vowels) < VOWEL_SHARE * letters:
        # Hebrew or Arabic read as Windows-1251 is Cyrillic letters too, but few vowels (a fifth).
        return False
    return wide >= MIN_FOREIGN and letters >= SCRIPT_SHARE * wide


def _like_vni(raw: bytes) -> bool:
    """A third of the bytes outside ASCII follow an ASCII vowel: the marks of VNI (``Hoøa``), which
    other code pages read as letters of their own (Cyrillic, Greek). In other languages' text
    they follow a consonant or another such byte."""
    high = [i for i, b in enumerate(raw) if b >= 0x80]
    after_vowel = sum(1 for i in high if i and raw[i - 1] in _VOWEL_BYTES)
    return after_vowel * 3 > len(high)


_WORDS = re.compile(r"[^\W\d_]+")


def _odd_words(text: str) -> tuple[int, int]:
    """Words a reading makes odd: of mixed case (``зПТПД``: KOI8-R read as Windows-1251, whose
    small letters are the other's capitals), or of ASCII letters and another script's (``NoлlО``:
    French read as Windows-1251); then words in capitals (Hebrew read as KOI8-R). Real text has
    few; the reading with fewest is the likeliest."""
    odd = capitals = 0
    for word, count in Counter(_WORDS.findall(text)).items():
        if word.isascii():
            continue
        cased = word in (word.lower(), word.upper()) or word.istitle()  # (or a script without case)
        mixed = any(c.isascii() for c in word) and any(c > "\x7f" and "latin" not in _scripts(c) for c in word)
        odd += count * (not cased or mixed)
        capitals += count * (len(word) > 1 and word.isupper())
    return odd, capitals


def other_code_page(raw: bytes) -> str | None:
    """The code page of another language that the start of ``raw`` (a file that is neither UTF-8
    nor Windows-1258 Vietnamese) most likely is in: one it decodes under without error into letters
    of its scripts (OTHER_CODE_PAGES), with the fewest odd words; None when none fits (a TCVN3 or
    VNI file: Vietnamese in an old font's bytes)."""
    sample = raw[:SAMPLE_CHARS]
    if len(raw) > SAMPLE_CHARS:  # cut at a line break: never inside a letter's bytes
        sample = sample[: sample.rfind(b"\n") + 1] or sample
    if _like_vni(sample):
        return None
    best: tuple[tuple[int, int], str] | None = None
    for codec, scripts in OTHER_CODE_PAGES:
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        odd = _odd_words(text) if _fits(text, scripts) else None
        if odd is not None and (best is None or odd < best[0]):
            best = (odd, codec)
    return None if best is None else best[1]


#: Bytes of UTF-8's multi-byte letters (a lead byte and its continuation bytes).
_UTF8_LETTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def likely_encoding(raw: bytes) -> str | None:
    """What a text file that is not UTF-8 (a criteria set's YAML) most likely is, for the finding
    that refuses it to name it: ``utf8`` (UTF-8 letters outnumber the bytes that are not: a stray
    byte), ``cp1258`` (Vietnamese in Windows-1258, Notepad's "ANSI" on a Vietnamese Windows),
    ``tcvn3`` or ``vni`` (an old font's bytes), a code page of other_code_page, or None when too
    few letters tell. Only the start is weighed (SAMPLE_CHARS), as for a CSV file."""
    sample = raw[:SAMPLE_CHARS]
    high = len(sample.translate(None, bytes(range(128))))  # the bytes above ASCII
    letter_bytes = sum(map(len, _UTF8_LETTER.findall(sample)))
    if high and 2 * letter_bytes >= high:  # most bytes above ASCII are UTF-8 letters'
        return "utf8"
    text = sample.decode("cp1258", errors="replace")
    if legacy_evidence(text) is None:
        vietnamese = sum(c in VIETNAMESE for c in unicodedata.normalize("NFC", text))
        return "cp1258" if vietnamese >= MIN_FOREIGN else None
    code_page = other_code_page(sample)
    if code_page is not None and not _words_of_two_scripts(sample.decode(code_page, errors="replace")):
        return code_page
    return "vni" if _like_vni(sample) else "tcvn3"


def _words_of_two_scripts(text: str) -> bool:
    """Whether most words outside ASCII mix ASCII letters with another script's (``chΨ``, ``sθ``):
    TCVN3's Vietnamese read as Greek or Cyrillic (``chØ sè`` of «chỉ số»), whose consonants are
    ASCII; Greek or Russian text is words of its own letters. (A short criteria set in TCVN3 was
    named Windows-1253, Greek.)"""
    words = [w for w in _WORDS.findall(text) if not w.isascii()]
    mixed = sum(1 for w in words if any(c.isascii() for c in w) and any("latin" not in _scripts(c) for c in w))
    return 2 * mixed > len(words)


__all__ = [
    "VIETNAMESE",
    "has_legacy_word",
    "legacy_evidence",
    "likely_encoding",
    "other_code_page",
    "typed_in_legacy_font",
    "weigh_legacy_words",
]
