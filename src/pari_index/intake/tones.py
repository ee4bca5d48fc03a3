"""Vietnamese text compared whatever its spelling of marks: the place of a tone mark, for names
compared as one name (:func:`tone_placed`), and text without any mark, for answers matched
without them (:func:`folded`).

Vietnamese has two spellings of a tone mark on a syllable ending in "oa", "oe" or "uy": on the
first vowel ("Hòa", "Thủy", "Khỏe": the rules of 1980 and most keyboards today) or on the second
("Hoà", "Thuỷ", "Khoẻ": the older spelling, still that of many decisions). Both are one word, and a
register put together from several lists writes "Huyện Thuỷ Nguyên" in some rows and "Huyện Thủy
Nguyên" in others.

A syllable of one consonant (or "qu") and the vowel i has two spellings too: "Kỳ" and "Kì", "Tỷ"
and "Tỉ", "Mỹ" and "Mĩ", "Lý" and "Lí" (the rules of 1984 write i, names and most decisions y). A
register writes "Huyện Kỳ Anh" in some rows and "Huyện Kì Anh" in others, an answer "Tỉ lệ đạt"
for a level labelled "Tỷ lệ đạt". Both are compared as y (:func:`y_for_i`).
"""

from __future__ import annotations

import re
import unicodedata

import polars as pl

#: A tone mark (decomposed: grave, acute, tilde, hook, dot below) written on the first vowel of a
#: syllable ending in "oa", "oe" or "uy" ("Hòa", "Thủy", the spelling of 1980's rules and of most
#: keyboards today) rather than on the second ("Hoà", "Thuỷ", the older spelling, still that of
#: many decisions): one word either way, and the same register writes "Huyện Thuỷ Nguyên" in some
#: rows and "Huyện Thủy Nguyên" in others. Until session 28 they were two ranking groups.
_TONES = r"([\x{0300}\x{0301}\x{0303}\x{0309}\x{0323}])"
_TONE_ON_FIRST = (r"(o)" + _TONES + r"([ae])(\P{L}|$)", r"(u)" + _TONES + r"(y)(\P{L}|$)")


def tone_placed(name: pl.Expr) -> pl.Expr:
    """``name`` (lower case) with a syllable's tone mark placed as the older spelling places it
    (see _TONE_ON_FIRST: ``hòa`` as ``hoà``, ``thủy`` as ``thuỷ``), composed (NFC). Only "oa", "oe"
    and "uy" are moved ("òy" or "ùa" are no such pair: "ùa" of "mùa" keeps its place)."""
    decomposed = name.str.normalize("NFD")
    for pattern in _TONE_ON_FIRST:
        decomposed = decomposed.str.replace_all(pattern, "${1}${3}${2}${4}")
    return decomposed.str.normalize("NFC")


#: The vowel i (a tone mark after it, decomposed) alone after one consonant or "qu", a whole
#: syllable: written y as well ("kì", "kỳ"). Not after a vowel ("tai", "tay" are two words) nor
#: after two consonants ("khi", "thi"). ``\b`` counts marks as part of a word.
_I_ALONE = r"\b(qu|[bdđhklmnstvx])i(\p{M}?)\b"
#: The same in a text without marks (:func:`folded`), for Python's ``re`` and polars alike.
_I_ALONE_BARE = r"\b(qu|[bdhklmnstvx])i\b"
_I_ALONE_BARE_RE = re.compile(_I_ALONE_BARE)


def y_for_i(text: pl.Expr) -> pl.Expr:
    """``text`` (lower case) with the vowel i of a syllable of one consonant (_I_ALONE) written y,
    composed (NFC): "kì" and "kỳ" compare as "kỳ", "tỉ" and "tỷ" as "tỷ"."""
    return text.str.normalize("NFD").str.replace_all(_I_ALONE, "${1}y${2}").str.normalize("NFC")


#: Letters of other alphabets drawn as a Latin letter is, and the Latin letter (both cases; read
#: before a name is put in lower case, as Greek «Ν» lowers to «ν», drawn v). A
#: name typed on a Russian keyboard layout left on, or pasted from a document that had one, reads
#: «Нuyện Minh Hồng» where the other rows read «Huyện Minh Hồng»: the same on screen, two names to
#: a computer. «Ð» (U+00D0, Icelandic eth, which Windows' US-International layout and some fonts'
#: tables give for «Đ») and «Ɖ» (U+0189, African D) are Vietnamese «Đ» (U+0110) drawn the same.
#: Until session 34 each such name was a ranking group of its own, without a word.
LOOK_ALIKE_LETTERS: dict[str, str] = {
    # Cyrillic
    **dict(zip("АВЕЅІЈКМНОРСТХУ", "ABESIJKMHOPCTXY", strict=True)),
    **dict(zip("авеѕіјкмнорстхуһԁ", "abesijkmhopctxyhd", strict=True)),
    # (Session 35 checked the small letters: а е о р с у х ѕ і ј һ ԁ are drawn as the Latin letter in
    # ordinary fonts, в к м н т as its small capital, read as that letter; none was missing. Added:
    # «ԛ» and «ԝ», Kurdish Cyrillic letters drawn as q and w, and their capitals. Not «ӏ» (palochka),
    # drawn as I or l alike, nor «п», «г», «и», «ь», drawn as no Latin letter in upright fonts.)
    **dict(zip("ԛԝԚԜ", "qwQW", strict=True)),
    # Greek
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),
    # (a small letter as it is drawn, not as its capital: «ν» is drawn v, «η» n, «υ» u; «β», «ζ»
    # and «μ» are drawn as no Latin letter. Until the review of session 34 they were read as their
    # capitals, b, z, h, m, n, y: «νinh» (Vinh on screen) was «ninh», ranked with Ninh.)
    **dict(zip("αεηικνορτυχ", "aenikvoptux", strict=True)),
    # D with a stroke drawn as Vietnamese Đ
    "Ð": "Đ",
    "ð": "đ",
    "Ɖ": "Đ",
    "ɖ": "đ",
}

#: :data:`LOOK_ALIKE_LETTERS` as a table for ``str.translate``.
ALIKE_TABLE = str.maketrans(LOOK_ALIKE_LETTERS)

#: Characters nothing shows: zero-width spaces and joiners, bidi marks and embeddings, a byte-order
#: mark, a soft hyphen (Unicode's format characters, category Cf).
UNSEEN = r"\p{Cf}"


def alike_letters(text: pl.Expr) -> pl.Expr:
    """``text`` without the characters nothing shows (:data:`UNSEEN`) and with each letter of another
    alphabet drawn as a Latin one written as that Latin letter (:func:`latin_letters`): two names
    that look the same on screen compare equal."""
    return latin_letters(text.str.replace_all(UNSEEN, ""))


def latin_letters(text: pl.Expr) -> pl.Expr:
    """``text`` with each letter of another alphabet drawn as a Latin one written as that Latin
    letter (:data:`LOOK_ALIKE_LETTERS`); characters nothing shows are kept (a code or an input name
    holding one is refused as ``control-character``, «retype it»)."""
    return text.str.replace_many(LOOK_ALIKE_LETTERS)


def shown_alike(text: str) -> str:
    """``text`` with each look-alike letter of another alphabet written ``<U+XXXX>`` (as
    :func:`pari_index.errors.visible` writes a character nothing shows), so that a message listing
    «Нuyện» beside «Huyện» says what tells them apart."""
    return "".join(f"<U+{ord(c):04X}>" if c in LOOK_ALIKE_LETTERS else c for c in text)


def alike_spelling(name: pl.Expr) -> pl.Expr:
    """``name`` in lower case, in one spelling of the two places of a tone mark (:func:`tone_placed`)
    and of i and y (:func:`y_for_i`), without characters nothing shows and with look-alike letters
    of other alphabets as Latin ones (:func:`alike_letters`, read before the name is put in lower
    case): two spellings of one name compare equal."""
    return y_for_i(tone_placed(alike_letters(name).str.to_lowercase()))


#: A type word shortened at the start of a name (in lower case), and the word it stands for (a
#: ranking group's name and a register's district and province are compared so).
SHORT_TYPE_WORDS: tuple[tuple[str, str], ...] = (
    (r"^t\.?p(?:\.\s*|\s+)", "thành phố "),
    (r"^tx(?:\.\s*|\s+)", "thị xã "),
    (r"^tt(?:\.\s*|\s+)", "thị trấn "),
    (r"^q\.\s*", "quận "),
    (r"^h\.\s*", "huyện "),
    (r"^t\.\s*", "tỉnh "),
    (r"^p\.\s*", "phường "),
    (r"^x\.\s*", "xã "),
)


def alike_name(name: pl.Expr) -> pl.Expr:
    """A name as compared: composed (NFC), in lower case, with each run of spaces one space, the
    tone mark of "oa", "oe" or "uy" placed one way and i written y where it may be (:func:`alike_spelling`:
    "Thủy" as "thuỷ", "Kì" as "kỳ"), a shortened type word at its start written out (``tp. hà
    nội`` is ``thành phố hà nội``) and a number without leading zeros nor a full stop after it
    (``phường 01`` and ``phường 1.`` are ``phường 1``). Worked out once per
    distinct name (:func:`_alike_distinct`)."""
    return name.map_batches(_alike_distinct, return_dtype=pl.String, is_elementwise=True)


def _alike_distinct(names: pl.Series) -> pl.Series:
    """:func:`_alike` of each of ``names``, worked out on their distinct values and looked up: a
    register's 10,600 units name some 700 districts and a few provinces, and the dozen regular
    expressions cost about 0.03 CPU s on every row, each of the half dozen times a run compares
    names (measured 7 December 2026, speed35)."""
    distinct = names.unique().drop_nulls()
    alike = distinct.to_frame("_n").select(_alike(pl.col("_n"))).to_series()
    return names.replace_strict(distinct, alike, default=None, return_dtype=pl.String)


#: A number's leading zeros, where the number is a word of a name («Phường 01»).
_ZEROS_BEFORE = r"(^|\s)0+(\d)"
#: A full stop closing a name after a number («Phường 1.», as a printed list ends an item).
_STOP_AFTER_NUMBER = r"(\d)\s*\.$"


def _alike(name: pl.Expr) -> pl.Expr:
    # Numbered units (the wards of a city district, «Phường 1» … «Phường 15»): their number is
    # compared without leading zeros nor a full stop after it, and «P.1» is «phường 1» as «P. Hồng
    # Cẩm» is «phường hồng cẩm». Until session 36 «Phường 01» and «Phường 1.» were names of other
    # units than «Phường 1»: a unit listed again so was not register-name-twice.
    alike = alike_spelling(name).str.replace_all(r"\s+", " ").str.strip_chars()
    for short, word in SHORT_TYPE_WORDS:
        alike = alike.str.replace(short, word)
    return alike.str.replace_all(_ZEROS_BEFORE, "${1}${2}").str.replace(_STOP_AFTER_NUMBER, "${1}")


def y_for_i_bare(text: str) -> str:
    """``text`` without marks (lower case) with the i of a syllable of one consonant written y, as
    :func:`y_for_i` writes it: "ki" and "ky" are one ("ly do", "li do")."""
    return _I_ALONE_BARE_RE.sub(r"\1y", text)


#: The combining marks of the Latin letters (U+0300 to U+036F, Vietnamese's among them), taken off
#: a decomposed text at once: past them a character's category is looked up (see :func:`folded`).
_LATIN_MARKS = dict.fromkeys(range(0x300, 0x370))
#: What :func:`folded` drops past U+0370 a character at a time: marks, and characters nothing shows.
_DROPPED = frozenset({"Mn", "Mc", "Me", "Cf"})
#: :data:`ALIKE_TABLE` and the one character nothing shows below U+0370, the soft hyphen.
_ALIKE_UNSEEN = {**ALIKE_TABLE, 0xAD: None}
#: Whether a text holds one of :data:`_ALIKE_UNSEEN`'s characters: looked for before translating, as
#: few texts hold one (150,000 evidence names folded: 2.2 CPU s, 3.4 translating each, 2.4 so).
_ALIKE_FOUND = re.compile("[" + re.escape("".join(map(chr, _ALIKE_UNSEEN))) + "]").search


def folded(text: str) -> str:
    """``text`` in lower case without Vietnamese marks (``đ`` as ``d``) and with its spaces made one,
    without characters nothing shows and with look-alike letters as Latin ones (:func:`alike_letters`:
    an answer «Ðạt» with U+00D0 was a bad value beside the level «Đạt» until the review of session
    34): as :func:`folded_expr` folds a cell."""
    if not text.isascii() and _ALIKE_FOUND(text):  # look-alike letters as Latin ones, before lower case
        text = text.translate(_ALIKE_UNSEEN)
    decomposed = unicodedata.normalize("NFD", text.lower()) if not text.isascii() else text.lower()
    bare = decomposed.translate(_LATIN_MARKS)
    if bare and max(bare) >= "\u0370":  # other scripts' marks, unseen characters: a category at a time
        bare = "".join(char for char in bare if unicodedata.category(char) not in _DROPPED)
    # The marks were taken off a character at a time, its category looked up: an evidence folder's
    # 150,000 names are folded for a near name, in about two thirds of the time so (session 33).
    return y_for_i_bare(" ".join(bare.replace("đ", "d").split()))


def folded_expr(text: pl.Expr) -> pl.Expr:
    """:func:`folded` as a polars expression."""
    bare = alike_letters(text).str.to_lowercase().str.normalize("NFD").str.replace_all(r"\p{M}", "")
    bare = bare.str.replace_all("đ", "d", literal=True).str.replace_all(r"\s+", " ").str.strip_chars()
    return bare.str.replace_all(_I_ALONE_BARE, "${1}y")


def answer_key_expr(text: pl.Expr) -> pl.Expr:
    """criteria.rules.answer_key as a polars expression: a cell's answer composed (NFC), in lower
    case, its runs of spaces one space and none around it."""
    return text.str.normalize("NFC").str.to_lowercase().str.replace_all(r"\s+", " ").str.strip_chars()


def unambiguous_folds(mapping: dict[str, str]) -> dict[str, str]:
    """``mapping``'s answers folded (:func:`folded`), each to its meaning, leaving out a fold that two
    meanings share ("Có" and "Co" of two levels): such a cell is not guessed, it stays a bad value."""
    levels: dict[str, set[str]] = {}
    for answer, value in mapping.items():
        levels.setdefault(folded(answer), set()).add(value)
    return {fold: next(iter(values)) for fold, values in levels.items() if len(values) == 1}


__all__ = [
    "ALIKE_TABLE",
    "LOOK_ALIKE_LETTERS",
    "UNSEEN",
    "alike_letters",
    "alike_spelling",
    "answer_key_expr",
    "folded",
    "folded_expr",
    "shown_alike",
    "tone_placed",
    "unambiguous_folds",
    "y_for_i",
    "y_for_i_bare",
]
