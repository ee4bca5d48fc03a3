"""Text encodings of input files: UTF-8 (checked a slice at a time), UTF-16 and UTF-32 by their
byte-order mark or their zero bytes, Windows-1258 and other legacy encodings only as a reported
fallback, NFC-normalised."""

from __future__ import annotations

import codecs
import dataclasses
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pari_index.errors import Problem
from pari_index.letters.legacy_encoding import LegacyEvidence, legacy_evidence, other_code_page
from pari_index.messages.labels import PARAM_WORDS


@dataclass(frozen=True)
class Decoded:
    """The text of a CSV file and how it was decoded. Bytes that could not be decoded are U+FFFD in
    ``text`` (``bad_bytes`` of them); ``fallback`` says what was assumed when the file is neither
    UTF-8 nor marked by a byte-order mark, and is announced as a warning."""

    text: str
    encoding: str
    bad_bytes: int = 0
    fallback: str | None = None
    #: Why the bytes are a legacy font encoding (TCVN3, VNI) rather than Windows-1258: not read.
    legacy: LegacyEvidence | None = None
    #: The evidence of ``fallback`` as the parameters of its finding (encoding-fallback).
    fallback_params: dict[str, Any] | None = None


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _utf8_with_evidence(raw: bytes) -> tuple[str, int, int]:
    """(text with U+FFFD for each run of bytes that is not UTF-8, such runs, valid multi-byte
    letters). Linear and in C: every byte below 0x80 is one character, so the multi-byte letters
    are what is left of the characters once the ASCII bytes and the U+FFFD are taken away."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    ascii_bytes = len(raw.translate(None, _HIGH_BYTES))
    return text, bad, len(text) - ascii_bytes - bad


#: Byte-order marks of the wide Unicode encodings, UTF-32's first: its little-endian mark begins
#: with UTF-16's (FF FE), so a UTF-32 file read as UTF-16 had a NUL after every letter and was
#: refused as binary (sweep 16).
_WIDE_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def wide_mark(raw: bytes) -> str | None:
    """The codec of a file that begins with the byte-order mark of UTF-32 or UTF-16 (the codec
    reads the mark and the byte order from it), else None."""
    return next((codec for mark, codec in _WIDE_MARKS if raw.startswith(mark)), None)


def _mostly_zero(lane: bytes) -> bool:
    return lane.count(0) > len(lane) // 2


def _rarely_zero(lane: bytes) -> bool:
    return lane.count(0) < len(lane) // 10


def _wide_order(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark: in text that is mostly ASCII, every other byte
    (UTF-16) or three bytes of every four (UTF-32) are NUL, the character's own byte rarely."""
    sample = raw[:2000]
    if len(sample) < 4:
        return None
    lanes = [sample[i::4] for i in range(4)]
    if len(sample) >= 8 and all(map(_mostly_zero, lanes[1:])) and _rarely_zero(lanes[0]):
        return "utf-32-le"
    if len(sample) >= 8 and all(map(_mostly_zero, lanes[:3])) and _rarely_zero(lanes[3]):
        return "utf-32-be"
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if _mostly_zero(zeros) and _rarely_zero(other):
            return encoding
    return None


def _wide_without_bom(raw: bytes) -> Decoded | None:
    encoding = _wide_order(raw)
    if encoding is None:
        return None
    text = raw.decode(encoding, errors="replace")
    order = "little" if encoding.endswith("le") else "big"
    width, zeros = ("UTF-16", "every other byte is zero") if "16" in encoding else ("UTF-32", "3 bytes of 4 are zero")
    params = {"fallback_encoding": encoding, "fallback_evidence": width.lower().replace("-", "")}
    return Decoded(text, encoding, text.count("\ufffd"), f"{width} ({order}-endian), since {zeros}", None, params)


def is_binary(raw: bytes) -> bool:
    """NUL bytes in a file that is not UTF-16 or UTF-32: not text (checked before any decoding)."""
    return b"\x00" in raw and wide_mark(raw) is None and _wide_order(raw) is None


def decode_text(raw: bytes) -> Decoded:
    """Decode CSV bytes on the evidence of the whole file: a byte-order mark decides; else UTF-8
    when it is valid or when its valid multi-byte letters outnumber the bytes that are not UTF-8
    (a UTF-8 file with a stray byte stays UTF-8, the byte reported); UTF-16 when every other byte
    is zero, UTF-32 when three of four are; Windows-1258 only when the bytes look like it (many
    invalid, no valid UTF-8 letter)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return Decoded(raw[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            text, bad, _ = _utf8_with_evidence(raw[3:])
            return Decoded(text, "utf-8-sig", bad)
    codec = wide_mark(raw)
    if codec is not None:
        text = raw.decode(codec, errors="replace")
        return Decoded(text, codec, text.count("\ufffd"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid UTF-8 with NUL bytes may be UTF-16 of plain ASCII text.
        return (_wide_without_bom(raw) if "\x00" in text else None) or Decoded(text, "utf-8")
    wide = _wide_without_bom(raw)
    if wide is not None:
        return wide
    text, bad, letters = _utf8_with_evidence(raw)
    mixed = _line_by_line(raw) if letters and bad >= MIXED_MIN_LINES else None
    if mixed is not None:
        return mixed
    if letters and letters >= bad:
        return Decoded(text, "utf-8", bad)
    # Windows-1258 leaves a few byte values undefined: those are reported like bad UTF-8 bytes.
    text = raw.decode("cp1258", errors="replace")
    evidence = f"{bad:,} bytes are not UTF-8" + (f" and only {letters:,} letters are" if letters else "")
    fallback = f"Windows-1258 (Vietnamese), since {evidence}"
    params = {"fallback_evidence": "bad_letters" if letters else "bad", "bad": bad, "letters": letters}
    return Decoded(text, "cp1258", text.count("\ufffd"), fallback, _legacy(text, raw), params)


def _legacy(text: str, raw: bytes) -> LegacyEvidence | None:
    """Why ``text`` (``raw`` read as Windows-1258) is not Vietnamese in Windows-1258, with the code
    page of another language that ``raw`` most likely is in (None: a Vietnamese font's)."""
    evidence = legacy_evidence(text)
    if evidence is None:
        return None
    return dataclasses.replace(evidence, code_page=other_code_page(raw))


#: Lines that are not UTF-8 in a file that has UTF-8 letters, from which it is read line by line
#: (fewer are stray bytes in a UTF-8 file, each reported in its cell as undecodable-bytes).
MIXED_MIN_LINES = 10


def _line_by_line(raw: bytes) -> Decoded | None:
    """A file of lines in UTF-8 and lines in Windows-1258 (two exports pasted together, or rows
    added by another program), each line decoded as what it is; None unless some lines have a
    UTF-8 letter and at least MIXED_MIN_LINES are not UTF-8. Read whole as Windows-1258, its UTF-8
    lines were garbled letters and the file was refused as a legacy font encoding; read whole as
    UTF-8, every cell of the other lines with a letter outside ASCII was undecodable-bytes (sweep
    17). The lines that are not UTF-8 alone are weighed for a legacy font encoding."""
    pieces: list[str] = []
    legacy: list[str] = []
    legacy_raw: list[bytes] = []
    utf8 = first = 0
    for number, line in enumerate(raw.splitlines(keepends=True), 1):
        try:
            pieces.append(line.decode("utf-8"))
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            legacy.append(line.decode("cp1258", errors="replace"))
            legacy_raw.append(line)
            pieces.append(legacy[-1])
            first = first or number
    if not utf8 or len(legacy) < MIXED_MIN_LINES:
        return None
    text = "".join(pieces)
    fallback = f"UTF-8 and Windows-1258 line by line, since {utf8:,} lines are UTF-8 and {len(legacy):,} lines "
    fallback += f"(the first: line {first:,}) are not (files pasted together?)"
    params = {
        "fallback_encoding": "mixed",
        "fallback_evidence": "mixed",
        "utf8_lines": utf8,
        "other_lines": len(legacy),
        "first": first,
    }
    return Decoded(
        text, "mixed", text.count("\ufffd"), fallback, _legacy("".join(legacy), b"".join(legacy_raw)), params
    )


def decode_csv_bytes(raw: bytes) -> tuple[str, str]:
    """Decode CSV bytes; returns (text, encoding name). See :func:`decode_text`."""
    decoded = decode_text(raw)
    return decoded.text, decoded.encoding


SNIFF_LINES = 20
SNIFF_CHARS = 1024 * 1024


#: Bytes of a UTF-8 file decoded at a time to check it: the whole text is never one string.
CHECK_CHUNK = 4 * 1024**2
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class CsvText:
    """What reading a CSV file needs of its text: the UTF-8 bytes for polars, the start of the
    text (for the delimiter), whether it is blank or in NFC, its length in characters, and the
    whole text only when it is asked for (to locate a syntax error)."""

    data: bytes
    sample: str
    blank: bool
    nfc: bool
    chars: int
    bad_bytes: int
    whole: Callable[[], str]
    fallback: str | None = None
    legacy: LegacyEvidence | None = None
    fallback_params: dict[str, Any] | None = None


def scan_utf8(raw: bytes) -> CsvText | None:
    """A valid UTF-8 file (with or without a byte-order mark) checked a chunk at a time, each
    chunk cut after a line break: a line break is never inside a letter's bytes, and NFC never
    composes across it, so the chunks answer for the whole text. None when the file has NUL
    bytes, a UTF-16 mark or bytes that are not UTF-8: :func:`decode_text` then weighs the
    evidence of the whole text, as before."""
    if b"\x00" in raw or wide_mark(raw) is not None:
        return None
    skip = len(_UTF8_BOM) if raw.startswith(_UTF8_BOM) else 0
    view = memoryview(raw)
    sample: list[str] = []
    sampled = chars = 0
    blank = nfc = True
    start = skip
    while start < len(raw):
        end = len(raw)
        if start + CHECK_CHUNK < len(raw):
            cut = raw.rfind(b"\n", start, start + CHECK_CHUNK)
            end = cut + 1 if cut >= 0 else (raw.find(b"\n", start + CHECK_CHUNK) + 1 or len(raw))
        try:
            piece = str(view[start:end], "utf-8")
        except UnicodeDecodeError:
            return None
        blank = blank and piece.isspace()
        nfc = nfc and unicodedata.is_normalized("NFC", piece)
        chars += len(piece)
        if sampled <= SNIFF_CHARS:
            sample.append(piece[: SNIFF_CHARS + 1 - sampled])
            sampled += len(sample[-1])
        start = end
    data = raw[skip:] if skip else raw
    return CsvText(data, "".join(sample), blank, nfc, chars, 0, lambda: data.decode("utf-8"))


def decoded_text(raw: bytes) -> CsvText | None:
    """The text of a file that is not plain UTF-8, decoded whole on the evidence (a fallback or a
    file with bad bytes must be decoded anyway, to give polars UTF-8); None when it holds NUL."""
    decoded = decode_text(raw)
    text = decoded.text
    if "\x00" in text:
        return None
    return CsvText(
        text.encode("utf-8"),
        text[: SNIFF_CHARS + 1],
        not text or text.isspace(),  # (strip() would copy the whole text)
        unicodedata.is_normalized("NFC", text),
        len(text),
        decoded.bad_bytes,
        lambda: text,
        decoded.fallback,
        decoded.legacy,
        decoded.fallback_params,
    )


def legacy_encoding(evidence: LegacyEvidence, file: str) -> Problem:
    """The file is not Windows-1258 Vietnamese: in a Vietnamese font's bytes (legacy-encoding),
    or most likely in another language's code page (other-encoding, named: sweep 17's GB18030 and
    KOI8-R files were named TCVN3/VNI)."""
    if evidence.code_page is not None:
        named = PARAM_WORDS["code_page"][evidence.code_page].en
        return Problem(
            "other-encoding",
            f"not UTF-8 and not a Vietnamese encoding: most likely {named}: its bytes read as that "
            f"without error, as letters of it; {evidence.share} % of its letters outside ASCII "
            f"({evidence.letters}) are no Vietnamese letters in Windows-1258; the file was not read, rather than "
            "score garbled text",
            file=file,
            hint="check that this is the right file; if it is, open it in the program that wrote it and save it "
            "again as «CSV UTF-8 (Comma delimited)»",
            params={"share": evidence.share, "letters": evidence.letters, "code_page": evidence.code_page},
        )
    return Problem(
        "legacy-encoding",
        "a legacy Vietnamese font encoding (TCVN3/ABC or VNI), not UTF-8 or Windows-1258: "
        f"{evidence.share} % of its letters outside ASCII ({evidence.letters}) are no Vietnamese letters "
        "in Windows-1258; the file was not read, rather than score garbled text",
        file=file,
        hint="convert it to Unicode (e.g. Unikey's converter), then save it as CSV UTF-8",
        params={"share": evidence.share, "letters": evidence.letters},
    )


def binary_file(file: str, raw: bytes | None = None) -> Problem:
    """A file that is not text; ``raw``, its bytes when they are at hand: text with a few NUL
    bytes in it (a copy cut short and padded with zeros, a crash while saving) is told so, with
    the line of the first, rather than "this looks like a binary file"."""
    nul = _nul_bytes_in_text(raw) if raw is not None else None
    if nul is not None:
        count, line = nul
        return Problem(
            "nul-bytes",
            f"the text holds {count:,} NUL byte(s), the first on this line (a copy cut short and padded, "
            "or a crash while saving?); the file was not read",
            file=file,
            line=line,
            hint="delete the NUL characters on that line in a text editor, or export the file again",
            params={"count": count},
        )
    return Problem(
        "binary-file",
        "this looks like a binary file, not CSV",
        file=file,
        hint="export the sheet as CSV (UTF-8) or give the .xlsx",
    )


def _nul_bytes_in_text(raw: bytes) -> tuple[int, int] | None:
    """(NUL bytes, line of the first) when ``raw`` is text but for its NUL bytes: they are at most
    one byte in a hundred and the rest is UTF-8 (compressed or random bytes are neither)."""
    count = raw.count(b"\x00")
    if not count or count * 100 > len(raw):
        return None
    try:
        raw.replace(b"\x00", b"").decode("utf-8")
    except UnicodeDecodeError:
        return None
    return count, raw.count(b"\n", 0, raw.index(b"\x00")) + 1
