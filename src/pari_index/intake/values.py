"""Parsing cell text into typed values, vectorised with polars.

Commune clerks type numbers with a decimal comma (``92,18``), dates day first (``10/01/2024``) or
as Excel serial numbers, and answers in Vietnamese (``có``, ``không``, ``đúng hạn``). Each parser
takes a String expression and returns the typed value, or null where the text cannot be read; the
caller compares with the input to report exactly the cells that failed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from pari_index.criteria.points import EXACT_PLACES, EXACT_SCALE, REST_SCALE
from pari_index.intake.tones import folded_expr, unambiguous_folds
from pari_index.textexpr import format_text

#: Answers accepted for a boolean input (compared after lower-casing).
#: A tick (✓ ✔ ☑) is a yes as an "x" is; an empty box (☐) a no. A crossed mark (✗ ✘ ☒) is left
#: out: in a form it is a tick to some and a "no" to others.
#: Yes and no as a form, a register or an appraisal council writes them: a council's decision on
#: evidence reads «chấp nhận» / «không chấp nhận» (accepted / not accepted), «hợp lệ» (valid), and
#: a form «chưa đạt» (not yet met), «đã có» / «chưa có» (done / not yet).
TRUE_WORDS = (
    *("có", "co", "yes", "y", "true", "đúng", "đạt", "x", "1", "1.0", "đã", "rồi", "có ban hành", "✓", "✔", "☑"),
    *("chấp nhận", "được chấp nhận", "đồng ý", "hợp lệ", "đã có"),
)
FALSE_WORDS = (
    *("không", "khong", "ko", "no", "n", "false", "sai", "không đạt", "0", "0.0", "chưa", "☐"),
    *("chưa đạt", "không chấp nhận", "không được chấp nhận", "không đồng ý", "không hợp lệ", "chưa có"),
)

#: Marks a clerk writes in a cell to leave it blank (a dash, a dot, a slash): the appraisal's score
#: and decision columns read them as empty (intake.appraisal), evidence cells as no document.
PLACEHOLDERS = ("-", "--", "---", "–", "—", ".", "/", "...", "…")

#: What a clerk writes in an evidence number or file column to say there is no document: a "no"
#: of a form, «không có» and its longer forms, a dash or a dot as a placeholder. Read as an empty
#: cell (evidence-none-word): as text they were a document number, and the evidence counted as
#: given. ``x`` and «có» are left as written: in a form they tick that there is one.
NO_DOCUMENT_WORDS = frozenset(
    {
        *FALSE_WORDS,
        *("không có", "k", "kc", "k có", "ko có", "chưa ban hành", "không ban hành", "không áp dụng", "kad"),
        *(f"{no} {what}" for no in ("không có", "chưa có") for what in ("văn bản", "minh chứng", "tài liệu", "tệp")),
        *PLACEHOLDERS,
        *("n/a", "na", "none", "nil", "null"),
    }
)


def no_document(text: pl.Expr) -> pl.Expr:
    """Whether an evidence cell's text is one of NO_DOCUMENT_WORDS (letter case, spaces around and
    between the words, and a closing dot aside)."""
    low = text.str.to_lowercase().str.replace_all(r"\s+", " ").str.strip_chars()
    return low.is_in(list(NO_DOCUMENT_WORDS)) | low.str.strip_chars_end(".").is_in(list(NO_DOCUMENT_WORDS))


#: Answers accepted for a timeliness status.
STATUS_WORDS: dict[str, str] = {
    "on_time": "on_time",
    "on time": "on_time",
    "đúng hạn": "on_time",
    "kịp thời": "on_time",
    "đúng thời hạn": "on_time",
    "late": "late",
    "trễ hạn": "late",
    "chậm": "late",
    "trễ": "late",
    "quá hạn": "late",
    "không kịp thời": "late",
    "chậm trễ": "late",
    "not_done": "not_done",
    "not done": "not_done",
    "không thực hiện": "not_done",
    "chưa thực hiện": "not_done",
    "không ban hành": "not_done",
    "chưa ban hành": "not_done",
    "không": "not_done",
    # As forms and reports write them besides (session 21): before the deadline is on time.
    **dict.fromkeys(
        ("trước hạn", "trước thời hạn", "đúng tiến độ", "hoàn thành đúng hạn", "ban hành đúng hạn"), "on_time"
    ),
    **dict.fromkeys(
        ("muộn", "chậm tiến độ", "quá thời hạn", "hoàn thành chậm", "ban hành chậm", "hoàn thành quá hạn"), "late"
    ),
    **dict.fromkeys(("chưa hoàn thành", "không hoàn thành"), "not_done"),
}
_STATUS_FOLDS = unambiguous_folds(STATUS_WORDS)

#: Years a date may have. A date outside is refused, never reinterpreted: ``15/12/25`` would
#: otherwise read as the year 0025 (and be "on time" for any deadline), ``01/01/0000`` as the
#: year 0. Change both together with docs/data-formats.md.
DATE_MIN_YEAR = 1900
DATE_MAX_YEAR = 2100
_EXCEL_EPOCH = dt.date(1899, 12, 30)
#: Excel serial numbers are read only with five digits: 10000 is 18/05/1927, 73415 is 31/12/2100.
#: A four-digit number is far more often a year typed alone (``2024``) than a date before 1927.
SERIAL_MIN = 10_000
SERIAL_MAX = (dt.date(DATE_MAX_YEAR, 12, 31) - _EXCEL_EPOCH).days

#: Each accepted date spelling: the shape it must have (ASCII digits; the year always in four
#: digits) and its strptime format. The shape is checked first because the formats alone accept
#: ``15/12/25`` (year 25), ``25-12-15`` or ``10/01/+2024``.
_DATE_SPELLINGS = (
    (r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$", "%Y-%m-%d"),
    (r"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$", "%d/%m/%Y"),
    (r"^[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}$", "%d-%m-%Y"),
    (r"^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}$", "%d.%m.%Y"),
    (r"^[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}$", "%Y/%m/%d"),
)
#: A midnight time after a date, as Excel date cells read, optionally with its time zone (``Z``,
#: ``+07:00``: a Parquet column of dates with a time zone, or an ISO export, reads so); the date
#: is the one written, in its own zone. Such dates were refused, every row of the column.
_MIDNIGHT = r"[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?$"
#: Any other time of day after a date, without a time zone (``04/06/2025 08:30``, Excel's date and
#: time cells ``2025-06-04 08:30:00``, ``8:30 SA``/``CH``, Vietnamese for a.m./p.m.): the day is the
#: one written. They were "not a date such as 10/01/2024", the hint about Excel error values. A
#: time with a zone other than at midnight is still refused: its day depends on the zone.
_LOCAL_TIME = r"(?i)[ T](?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:\s*(?:AM|PM|SA|CH))?$"
#: The form of a date in Vietnamese documents, ``ngày 04 tháng 6 năm 2025`` (Decree 30/2020),
#: copied from a decision into its date cell, or ``ngày 04/6/2025``: read as 04/6/2025.
_DAY_WORD = r"(?i)^ngày\s+"
_FORMAL = r"(?i)^([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s*(?:năm\s+|,\s*)([0-9]{4})$"
#: A date among other words (``04/6/2025 (đã ký)``, ``Hà Nội, ngày 04 tháng 6 năm 2025``, the whole
#: reference ``72/KH-UBND ngày 04/6/2025``): the date, between a start or a character that cannot
#: continue it and an end or such a character.
_DATE_AMONG_WORDS = (
    r"(?i)(?:^|[^0-9/.-])([0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"|[0-9]{1,2}\s+tháng\s+[0-9]{1,2}\s*(?:năm\s+|,\s*)[0-9]{4})(?:[^0-9/.-]|$)"
)
#: A date written with slashes and a time of day with an English AM or PM: the form of a computer
#: set to English (US), whose dates are month first (``6/4/2025 12:00:00 AM`` is 4 June), as its
#: Excel writes a date-and-time cell to a CSV. Such a date whose two first numbers could each be the
#: month, and differ, is refused (``month_or_day``): it was read day first (6 April) without a word
#: (session 29). Vietnamese Windows writes SA and CH, day first: read as ever. Groups: the two
#: numbers.
_AM_PM_DATE = (
    r"(?i)^\s*([0-9]{1,2})/([0-9]{1,2})/[0-9]{4}[ T]+(?:[01]?[0-9]|2[0-3]):[0-5][0-9]"
    r"(?::[0-5][0-9](?:\.[0-9]+)?)?\s*[AP]\.?M\.?\s*$"
)
_SERIAL = r"^[0-9]+(?:\.0+)?$"
_SHORT_YEAR = r"^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,3})$"
_FOUR_DIGIT_YEAR = r"^(?:[0-9]{1,2}[/.-][0-9]{1,2}[/.-]([0-9]{4})|([0-9]{4})[/-][0-9]{1,2}[/-][0-9]{1,2})$"

#: The hint of an ``implausible-date`` finding.
DATE_YEAR_HINT = (
    f"write the whole date, day first, with the year in four digits between {DATE_MIN_YEAR} and {DATE_MAX_YEAR} "
    "(15/12/2025 or 2025-12-15)"
)


#: Bidi controls: they make a text display in another order than it is written.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
#: Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt, stable since Unicode
#: 5.0): characters a font draws as nothing, such as the word joiner U+2060, the soft hyphen U+00AD,
#: variation selectors and Hangul fillers. Python's unicodedata does not give this property.
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
#: Characters no code may hold (commune codes, criterion ids, input names), as a polars (Rust)
#: pattern: control and format characters, line and paragraph separators, and every character
#: that is drawn as nothing. Such a code looks like another code (or reverses the text around it)
#: and would match nothing as typed. A class, not a list: the word joiner, the soft hyphen or a
#: Hangul filler hide a character as well as the zero-width space does. Names may hold them; the
#: report isolates every text.
CODE_FORBIDDEN = r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]"
_SHOWN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
#: A commune code or item id that reads as a date: a cell of a column Excel formatted as dates
#: before the codes were typed (00001 stored as the day 1, shown 01/01/1900). A workbook's cell
#: comes as calamine writes a date (``1900-01-01 00:00:00``); a CSV saved from it as Excel shows
#: the day (``01/01/1900``, or ``1900-01-01``). No code of a register or criteria set is so.
CODE_AS_DATE = (
    r"^\s*(?:[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
    r"|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})\s*$"
)
#: A code written in scientific notation, as Excel shows a number of 12 digits or more in a
#: column of numbers (General format) and writes it so to a CSV: ``1.23457E+11``, ``1,2E+04``
#: (groups: the digits before the point, those after it, the exponent). No code of a register or
#: criteria set is so.
CODE_SCIENTIFIC = r"^\s*([0-9]+)(?:[.,]([0-9]*))?[eE]\+?([0-9]{1,4})\s*$"


#: What to do about a code in scientific notation whose digits were lost (code-as-scientific).
CODE_AS_SCIENTIFIC_HINT = "format the column as Text in Excel (Format Cells, Text) and type the codes again"


def scientific_lost(code: pl.Expr) -> pl.Expr:
    """Whether ``code`` is in scientific notation (CODE_SCIENTIFIC) with fewer decimals than its
    exponent: the number has digits the text does not show, rounded away (``1.23457E+11`` is any
    of 123456500000 to 123457499999; ``1.06E+04`` any of 10550 to 10649), so which code was typed
    is lost. ``1.00E+00`` and ``1.2345E+04`` show every digit (1 and 12345): not lost."""
    decimals = code.str.extract(CODE_SCIENTIFIC, 2).fill_null("").str.len_chars().cast(pl.Int64)
    exponent = code.str.extract(CODE_SCIENTIFIC, 3).cast(pl.Int64, strict=False)
    return (exponent > decimals).fill_null(False)


def scientific_number(code: pl.Expr) -> pl.Expr:
    """The whole number a code in scientific notation shows every digit of, as digits without
    leading zeros (``1.00E+00`` is ``1``, ``1,2345E+04`` is ``12345``); null for any other text,
    for a notation whose digits were lost (:func:`scientific_lost`) and for one that is no whole
    number (``1.25E+01``)."""
    whole = code.str.extract(CODE_SCIENTIFIC, 1)
    decimals = code.str.extract(CODE_SCIENTIFIC, 2).fill_null("")
    exponent = code.str.extract(CODE_SCIENTIFIC, 3).cast(pl.Int64, strict=False)
    shown_part = decimals.str.slice(0, exponent)
    rest = decimals.str.slice(exponent)
    digits = pl.concat_str([whole, shown_part]).str.strip_chars_start("0").replace("", "0")
    exact = (exponent <= decimals.str.len_chars().cast(pl.Int64)) & ~rest.str.contains("[1-9]")
    return pl.when(exact).then(digits).otherwise(pl.lit(None, dtype=pl.String))


@functools.lru_cache(maxsize=65_536)
def invisible(c: str) -> bool:
    """Whether the character ``c`` is one CODE_FORBIDDEN matches (the same class, in Python).
    Cached: a file repeats few distinct characters, and shown() asks for each."""
    if unicodedata.category(c) in _SHOWN_CATEGORIES:
        return True
    point = ord(c)
    return any(low <= point <= high for low, high in _IGNORABLE_RANGES)


#: Text of printable ASCII only: nothing to mark (most codes, and it spares a call a character).
_PLAIN = re.compile(r"[ -~]*")


def shown(text: str, limit: int = 80) -> str:
    """``text`` for a message: control, bidi, zero-width and other invisible characters written as
    <U+XXXX> (a terminal would obey them, or show nothing), cut to ``limit`` characters."""
    cut = text[:limit]
    out = cut if _PLAIN.fullmatch(cut) else "".join(f"<U+{ord(c):04X}>" if invisible(c) else c for c in cut)
    return out + ("…" if len(text) > limit else "")


def shown_expr(text: pl.Expr, limit: int = 80) -> pl.Expr:
    """:func:`shown` as an expression, computed once per distinct text (a finding's rows repeat a
    few codes)."""

    def show(series: pl.Series) -> pl.Series:
        distinct = series.unique().drop_nulls().to_list()
        return series.replace_strict(
            distinct, [shown(t, limit) for t in distinct], default=None, return_dtype=pl.String
        )

    return text.map_batches(show, return_dtype=pl.String, is_elementwise=True)


#: How a number may be written, once trimmed of spaces, a final ``%`` and a leading ``+``: plain,
#: with one decimal comma or dot, or with thousands separators (commas, dots or spaces of any width,
#: one kind) between groups of exactly three digits after a first group of one to three. A
#: separator anywhere else is no number: ``18 87`` (two numbers typed in one cell), ``1,8,8,7`` or
#: ``18.87.0`` were read as 1887, their separators dropped wherever they stood.
_WRITTEN_NUMBER = (
    r"^-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+"
    r"|[0-9]{1,3}(?:(?:,[0-9]{3})+(?:\.[0-9]*)?|(?:\.[0-9]{3})+(?:,[0-9]*)?|(?:\s[0-9]{3})+(?:[.,][0-9]*)?))"
    r"(?:[eE][-+]?[0-9]+)?$"
)


#: Full-width digits and signs (U+FF10..FF19, ．，％＋－／ and the ideographic space) and what they
#: are: a number typed with a Chinese or Japanese input method left on, or pasted from a document
#: made with one (``１２``, ``０．５``), is that number to the clerk who sees it; it was refused as
#: bad-value (decoding30). Not NFKC: that would read ``10²`` as 102 and ``½`` as 1⁄2.
_FULL_WIDTH = [chr(0xFF10 + d) for d in range(10)] + ["．", "，", "％", "＋", "－", "／", "\u3000"]
_HALF_WIDTH = [str(d) for d in range(10)] + [".", ",", "%", "+", "-", "/", " "]


#: A text holding any of them.
FULL_WIDTH_CHARS = "[" + "".join(_FULL_WIDTH) + "]"


def half_width(text: pl.Expr) -> pl.Expr:
    """``text`` with its full-width digits and signs written as ASCII (_FULL_WIDTH). Applied to a
    number's or a date's cell before it is checked (cell_checks.check_and_type), so that every
    check sees what the number is: a count typed «９５％» is a percentage in a count, «２．０００»
    a count with three zeros, as typed in ASCII."""
    return text.str.replace_many(_FULL_WIDTH, _HALF_WIDTH)


#: Characters nothing shows (a zero-width space, joiner or non-joiner, a word joiner, a soft hyphen,
#: a byte-order mark, bidi marks: Unicode's format characters and default-ignorable code points)
#: and the minus sign U+2212 (Word's and a web page's minus): in a number or a date typed or
#: pasted so («9<U+200B>5», «<U+FEFF>95», «−0,25») the clerk sees the number, which was refused as
#: bad-value, its message showing the number it refused (session 38). Not control characters
#: (a NUL, a tab inside a number): those stay refused.
_UNSEEN = r"[\p{Cf}\p{Default_Ignorable_Code_Point}]"
#: Excel's text formula around a cell's text, ``="0123"``: a CSV written for Excel (a portal's
#: export, a script's) keeps a code's zeros or a number as text so, and Excel shows ``0123``. It
#: was an unknown commune (its code read so by sheet.code_text), or a value refused as bad-value
#: (session 38). Something must be inside: ``=""`` (Excel shows an empty cell) is read as empty
#: where a sheet's cells are read (grid._cell_text), and elsewhere stays as typed, never a code
#: or a value of nothing (reviewa38: it was «commune  is not in the commune register»).
TEXT_FORMULA = r'^\s*="([^"]*[^"\s][^"]*)"\s*$'
#: A cell holding any of what :func:`as_shown` reads.
SHOWN_OTHERWISE = rf'{FULL_WIDTH_CHARS}|{_UNSEEN}|\u2212|^\s*="'


def as_shown(text: pl.Expr) -> pl.Expr:
    """A number's or a date's cell read as the clerk sees it, before any check: Excel's text
    formula around it (TEXT_FORMULA) left out, characters nothing shows (_UNSEEN) dropped, the
    minus sign U+2212 written ``-``, and full-width digits and signs in ASCII (:func:`half_width`).
    Applied where SHOWN_OTHERWISE matches (cell_checks.check_and_type, meta.check_meta)."""
    unwrapped = text.str.replace(TEXT_FORMULA, "${1}")
    shown = half_width(unwrapped.str.replace_all(_UNSEEN, "").str.replace_all("\u2212", "-", literal=True))
    # A cell of nothing but unseen characters stays as typed: refused, never a value of nothing
    # (reviewa38: «<U+200B>» was bad-value « is not a percentage», its value shown empty).
    return pl.when(shown.str.strip_chars() == "").then(text).otherwise(shown)


def written_number(text: pl.Expr) -> pl.Expr:
    """A number as typed, trimmed of spaces, a final ``%`` and a leading ``+``, its thousands
    spaces taken out; null when it is not written as a number (see _WRITTEN_NUMBER). The first
    step of :func:`clean_number_text`."""
    trimmed = text.str.strip_chars().str.replace(r"\s*%$", "").str.replace(r"^\+", "")
    return pl.when(trimmed.str.contains(_WRITTEN_NUMBER)).then(trimmed.str.replace_all(r"\s", ""))


def clean_number_text(text: pl.Expr) -> pl.Expr:
    """Normalise a number typed with a decimal comma or dot and optional thousands separators to
    a plain ``1234.5``; null when it is not written as a number (see _WRITTEN_NUMBER). As one
    expression, :func:`plain_number` evaluates :func:`written_number` at each of its ten uses:
    where speed matters, make a column of :func:`written_number` first (_significant_frame)."""
    return plain_number(written_number(text))


def plain_number(s: pl.Expr) -> pl.Expr:
    """:func:`clean_number_text` of a :func:`written_number` (its second step)."""
    comma = s.str.find(",", literal=True)
    dot = s.str.find(".", literal=True)
    commas = s.str.count_matches(",", literal=True)
    dots = s.str.count_matches(".", literal=True)
    both = comma.is_not_null() & dot.is_not_null()
    return (
        pl.when(both & (comma < dot))  # 1,234.5
        .then(s.str.replace_all(",", "", literal=True))
        .when(both)  # 1.234,5 (Vietnamese)
        .then(s.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True))
        .when(commas > 1)  # 1,234,567
        .then(s.str.replace_all(",", "", literal=True))
        .when(dots > 1)  # 1.234.567
        .then(s.str.replace_all(".", "", literal=True))
        .otherwise(s.str.replace(",", ".", literal=True))  # 92,18 or 92.18
    )


#: How numbers are read (docs/data-formats.md, "How numbers are read"). A number is first read at
#: Excel's 15 significant digits: Excel holds no more, so any further digit is float noise of a
#: formula (70.000000000000014 is 70). Then it is kept EXACT, as a whole count of 1/10**14:
#: Int128 in intake, and in the evaluation frame the Int64 units of 1/10,000 plus the rest below
#: one unit. A number that does not fit (more than 14 decimals left after the 15 digits, or
#: 10**14 and above) is refused with a finding (number-too-precise, number-out-of-range).
SIGNIFICANT_DIGITS = 15
#: Numbers read must stay below this in absolute value: 10**14 x 10**14 = 10**28 exact units, and
#: the largest product the evaluator forms (an exact value times a point value of at most 10**10
#: units, rules.MAX_POINTS) stays below 10**38, inside Int128 (1.7 x 10**38), which polars wraps
#: around silently. Tier edges and input bounds are at most rules.MAX_BOUND = 10**13.
EXACT_LIMIT_DIGITS = 14
_POWERS = pl.Series([10**k for k in range(2 * EXACT_LIMIT_DIGITS + 1)], dtype=pl.Int128)
_NUMBER_SHAPE = r"^(-?)([0-9]*)\.?([0-9]*)(?:[eE]([-+]?[0-9]+))?$"


def _significant_frame(texts: pl.Series) -> pl.DataFrame:
    """Columns ``sign``, ``digits`` and ``power`` of each text read at SIGNIFICANT_DIGITS: the
    value is sign x digits x 10**power, ``digits`` without leading or trailing zeros ("" for
    zero); all null where the text is not a plain number. Built a step at a time, each step a
    column: as one expression the shared parts were evaluated once per use (200 ms a call)."""
    # In two steps: plain_number uses its text ten times, each evaluated (written_number's regex
    # made the whole three times as slow as one step before it).
    frame = (
        pl.DataFrame({"t": texts.cast(pl.String)})
        .with_columns(written_number(pl.col("t")).alias("n"))
        .with_columns(plain_number(pl.col("n")).alias("n"))
    )
    valid = pl.col("n").str.contains(r"^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$")
    frame = frame.with_columns(pl.when(valid).then(pl.col("n")).str.extract_groups(_NUMBER_SHAPE).alias("g"))
    written = pl.col("g").struct.field("4")
    frame = frame.select(
        pl.when(pl.col("g").struct.field("1") == "-").then(pl.lit(-1)).otherwise(pl.lit(1)).alias("sign"),
        (pl.col("g").struct.field("2") + pl.col("g").struct.field("3")).str.strip_chars_start("0").alias("all"),
        # An exponent of more than 6 digits is out of any range; clipped so that sums cannot overflow.
        (
            pl.when(written.str.len_chars() > 7)
            .then(pl.when(written.str.starts_with("-")).then(pl.lit(-(10**6))).otherwise(pl.lit(10**6)))
            .otherwise(written.cast(pl.Int64, strict=False))
            .fill_null(0)
            - pl.col("g").struct.field("3").str.len_chars().cast(pl.Int64)
        ).alias("last_power"),
    )
    # Half up on the first digit dropped (Excel shows 15 digits rounded this way).
    kept = pl.col("all").str.slice(0, SIGNIFICANT_DIGITS)
    up = pl.col("all").str.slice(SIGNIFICANT_DIGITS, 1).str.contains("^[5-9]$").fill_null(False)
    frame = frame.with_columns(
        (pl.when(kept == "").then(pl.lit(0)).otherwise(kept.cast(pl.Int64, strict=False)) + up.cast(pl.Int64))
        .cast(pl.String)
        .alias("mantissa"),
        (
            pl.col("last_power")
            + (pl.col("all").str.len_chars().cast(pl.Int64) - SIGNIFICANT_DIGITS).clip(lower_bound=0)
        ).alias("power"),
    )
    digits = pl.col("mantissa").str.strip_chars_end("0")
    trailing = pl.col("mantissa").str.len_chars() - digits.str.len_chars()
    return frame.select("sign", digits.alias("digits"), (pl.col("power") + trailing.cast(pl.Int64)).alias("power"))


def _number_problem_series(texts: pl.Series) -> pl.Series:
    f = _significant_frame(texts)
    integer_digits = pl.col("digits").str.len_chars().cast(pl.Int64) + pl.col("power")
    problem = (
        pl.when(pl.col("digits").is_null() | (pl.col("digits") == ""))
        .then(pl.lit(None, dtype=pl.String))
        .when(integer_digits > EXACT_LIMIT_DIGITS)
        .then(pl.lit("range"))
        .when(pl.col("power") < -EXACT_PLACES)
        .then(pl.lit("precision"))
    )
    return f.select(problem.alias(texts.name)).to_series()


def _parse_exact_series(texts: pl.Series) -> pl.Series:
    f = _significant_frame(texts)
    power, digits = pl.col("power"), pl.col("digits")
    shift = power + EXACT_PLACES
    fits = (digits.str.len_chars().cast(pl.Int64) + power <= EXACT_LIMIT_DIGITS) & (shift >= 0)
    f = f.with_columns(fits.alias("fits"), pl.when(fits).then(shift).otherwise(pl.lit(0)).alias("shift"))
    scaled = digits.cast(pl.Int128, strict=False) * pl.lit(_POWERS).gather(pl.col("shift"))
    exact = (
        pl.when(digits == "")
        .then(pl.lit(0, dtype=pl.Int128))
        .when(pl.col("fits"))
        .then(scaled * pl.col("sign").cast(pl.Int128))
        .otherwise(pl.lit(None, dtype=pl.Int128))
    )
    return f.select(exact.alias(texts.name)).to_series()


def number_problem(text: pl.Expr) -> pl.Expr:
    """Why a readable number cannot be held exactly: ``precision`` (more than EXACT_PLACES
    decimals after reading at 15 significant digits), ``range`` (10**14 or more in absolute
    value); null when it can, or when the text is no number at all."""
    return text.map_batches(_number_problem_series, return_dtype=pl.String)


def parse_exact(text: pl.Expr) -> pl.Expr:
    """A number read at 15 significant digits, as an exact Int128 count of 1/10**14; null when
    the text is not a number or the value cannot be held exactly (see :func:`number_problem`)."""
    return text.map_batches(_parse_exact_series, return_dtype=pl.Int128)


def format_exact(units: pl.Expr) -> pl.Expr:
    """An exact Int128 count of 1/10**14 as the plain decimal it is (``69.99999``, ``70``)."""
    magnitude = units.abs()
    whole = (magnitude // EXACT_SCALE).cast(pl.String)
    fraction = (magnitude % EXACT_SCALE).cast(pl.String).str.zfill(EXACT_PLACES).str.strip_chars_end("0")
    sign = pl.when(units < 0).then(pl.lit("-")).otherwise(pl.lit(""))
    return pl.when(fraction == "").then(sign + whole).otherwise(sign + whole + "." + fraction)


def parse_units(text: pl.Expr) -> pl.Expr:
    """A number of points in units of 1/10,000 (Int64), read as :func:`parse_exact`; null when it
    is not a number or has more than 4 decimals (points are never finer)."""
    exact = parse_exact(text)
    return pl.when(exact % REST_SCALE == 0).then(exact // REST_SCALE).cast(pl.Int64)


#: The unit a number of points is written with (``0,5 điểm``, ``1đ``, ``2 points``): in a column of
#: points it says what the column says, so it is read (a unit in an input's cell, ``34 ngày``,
#: could be any, and is refused as number-with-words).
POINTS_WORD = r"(?i)\s*(?:điểm|đ|points?|pts?)\.?\s*$"


def parse_points(text: pl.Expr) -> pl.Expr:
    """:func:`parse_units` of a number of points, with or without its unit (:data:`POINTS_WORD`)."""
    return parse_units(text.str.replace(POINTS_WORD, ""))


#: Yes and no, and the statuses, typed without Vietnamese marks («khong kip thoi», «chua dat»: a
#: keyboard without Telex, a form filled on a phone), each fold that names one meaning only. Until
#: session 28 each such answer was a bad-value error, «co» and «khong» alone excepted.
_BOOLEAN_FOLDS = unambiguous_folds({**dict.fromkeys(TRUE_WORDS, "true"), **dict.fromkeys(FALSE_WORDS, "false")})


def parse_boolean(text: pl.Expr) -> pl.Expr:
    """Yes or no (TRUE_WORDS, FALSE_WORDS), as written, else without marks (_BOOLEAN_FOLDS)."""
    low = text.str.to_lowercase().str.strip_chars()
    bare = folded_expr(text).replace_strict(_BOOLEAN_FOLDS, default=None, return_dtype=pl.String)
    return (
        pl.when(low.is_in(list(TRUE_WORDS)))
        .then(pl.lit(True))
        .when(low.is_in(list(FALSE_WORDS)))
        .then(pl.lit(False))
        .otherwise(bare == "true")
    )


def _date_text(text: pl.Expr) -> pl.Expr:
    """The text of a date cell without surrounding spaces, a midnight time (Excel date cells
    read as ``2024-01-10 00:00:00``) or another time of day without a zone (_LOCAL_TIME), and
    with the Vietnamese form ``ngày 04 tháng 6 năm 2025`` written 04/6/2025 (_FORMAL)."""
    s = text.str.strip_chars().str.replace(_DAY_WORD, "").str.replace(_FORMAL, "${1}/${2}/${3}")
    return s.str.replace(_MIDNIGHT, "").str.replace(_LOCAL_TIME, "")


def _serial(s: pl.Expr) -> pl.Expr:
    """An all-digit text (``45301`` or ``45301.0``) as an integer, null otherwise."""
    digits = pl.when(s.str.contains(_SERIAL)).then(s.str.replace(r"\.0+$", ""))
    return pl.when(digits.str.len_chars() <= 9).then(digits).cast(pl.Int64, strict=False)


def month_or_day(text: pl.Expr) -> pl.Expr:
    """Whether ``text`` is a date with an English AM or PM time (_AM_PM_DATE) whose first two
    numbers are both 1 to 12 and differ: month first or day first cannot be told from the cell."""
    numbers = text.str.extract_groups(_AM_PM_DATE)
    first = numbers.struct.field("1").cast(pl.Int64, strict=False)
    second = numbers.struct.field("2").cast(pl.Int64, strict=False)
    return (first.is_between(1, 12) & second.is_between(1, 12) & (first != second)).fill_null(False)


def parse_date(text: pl.Expr) -> pl.Expr:
    """ISO (``2024-01-10``, ``2024/01/10``), day first (``10/01/2024``, ``10-01-2024``,
    ``10.01.2024``: 10 January), a five-digit Excel serial number (``45301``), or any of these
    followed by a midnight time; null otherwise. The year is written in four digits and lies
    between DATE_MIN_YEAR and DATE_MAX_YEAR: anything else is null (see :func:`date_problem`), and
    so is a date with an AM or PM time that may be month first (:func:`month_or_day`)."""
    s = pl.when(~month_or_day(text)).then(_date_text(text))
    candidates = [
        pl.when(s.str.contains(shape)).then(s).str.to_date(fmt, strict=False) for shape, fmt in _DATE_SPELLINGS
    ]
    serial = _serial(s)
    from_serial = (
        pl.when(serial.is_between(SERIAL_MIN, SERIAL_MAX))
        .then(pl.lit(_EXCEL_EPOCH) + pl.duration(days=serial))
        .cast(pl.Date)
    )
    day = pl.coalesce(*candidates, from_serial)
    return pl.when(day.dt.year().is_between(DATE_MIN_YEAR, DATE_MAX_YEAR)).then(day)


@dataclass(frozen=True)
class _DateReason:
    """One reason a date text is refused: when it holds, the English message, and the parameters
    of the catalogue's words for it (pari_index.messages: PARAM_WORDS["date_problem"])."""

    key: str
    when: pl.Expr
    message: pl.Expr
    params: dict[str, pl.Expr]


def _date_reasons(text: pl.Expr) -> list[_DateReason]:
    """The reasons of :func:`date_problem`, in the order they are tried."""
    s = _date_text(text)
    short = s.str.extract_groups(_SHORT_YEAR)
    year = short.struct.field("5")
    # The completed year offered in the message follows Excel's own rule (00-29: 2000s, 30-99:
    # 1900s); it is only a suggestion, the cell is not read.
    full_year = pl.when(year.cast(pl.Int64, strict=False) < 30).then(pl.lit("20")).otherwise(pl.lit("19")) + year
    suggestion = pl.concat_str(
        [short.struct.field("1"), short.struct.field("2"), short.struct.field("3"), short.struct.field("4"), full_year]
    )
    four = s.str.extract_groups(_FOUR_DIGIT_YEAR)
    written_year = pl.coalesce(four.struct.field("1"), four.struct.field("2"))
    serial = _serial(s)
    span = f"{DATE_MIN_YEAR}-{DATE_MAX_YEAR}"
    first_day = (_EXCEL_EPOCH + dt.timedelta(days=SERIAL_MIN)).strftime("%d/%m/%Y")
    last_day = f"31/12/{DATE_MAX_YEAR}"
    # Numbers as text: the words write them as the message does ("1900", not "1,900").
    return [
        _month_or_day_reason(text),
        _DateReason(
            "two_digit_year",
            year.str.len_chars() == 2,
            format_text("the year of {} has two digits; write it in four digits, e.g. {}", s, suggestion),
            {"suggestion": suggestion},
        ),
        _DateReason(
            "short_year",
            year.is_not_null(),
            format_text("the year of {} is not written in four digits; write it in four digits", s),
            {},
        ),
        _DateReason(
            "year_out_of_range",
            written_year.is_not_null() & ~written_year.cast(pl.Int64).is_between(DATE_MIN_YEAR, DATE_MAX_YEAR),
            format_text("the year {} of {} is outside " + span, written_year, s),
            {"year": written_year, "first_year": pl.lit(str(DATE_MIN_YEAR)), "last_year": pl.lit(str(DATE_MAX_YEAR))},
        ),
        _DateReason(
            "year_alone",
            serial.is_between(DATE_MIN_YEAR, DATE_MAX_YEAR) & (s.str.len_chars() == 4),
            format_text("{} is a year alone, not a date; write the whole date, e.g. 31/12/{}", s, s),
            {},
        ),
        _DateReason(
            "serial_out_of_range",
            s.str.contains(_SERIAL)
            & (s.str.len_chars() <= 20)  # a long run of digits is an ordinary unreadable value
            & ~serial.is_between(SERIAL_MIN, SERIAL_MAX).fill_null(False),
            format_text(
                "{} is not a date: numbers are read as Excel serial dates only from {} ({}) to {} ({})",
                s,
                pl.lit(SERIAL_MIN),
                pl.lit(first_day),
                pl.lit(SERIAL_MAX),
                pl.lit(last_day),
            ),
            {
                "serial_min": pl.lit(str(SERIAL_MIN)),
                "first_day": pl.lit(first_day),
                "serial_max": pl.lit(str(SERIAL_MAX)),
                "last_day": pl.lit(last_day),
            },
        ),
        *_calendar_reasons(s),
        _words_beside(s),
    ]


def _month_or_day_reason(text: pl.Expr) -> _DateReason:
    """A date with an AM or PM time that may be month first (:func:`month_or_day`): both readings
    are named, each written day first, for the user to choose."""
    numbers = text.str.extract_groups(_AM_PM_DATE)
    year = text.str.strip_chars().str.extract(r"^[0-9]{1,2}/[0-9]{1,2}/([0-9]{4})", 1)

    def day_first(day: str, month: str) -> pl.Expr:
        fields = numbers.struct.field
        return pl.concat_str([fields(day).str.zfill(2), fields(month).str.zfill(2), year], separator="/")

    as_read, swapped = day_first("1", "2"), day_first("2", "1")
    return _DateReason(
        "month_or_day",
        month_or_day(text),
        format_text(
            "{}: AM/PM marks a computer set to English (US), which writes the month first: it may be {} or {}; "
            "write it day first, without the time",
            text.str.strip_chars(),
            as_read,
            swapped,
        ),
        {"day_first": as_read, "month_first": swapped},
    )


def _words_beside(s: pl.Expr) -> _DateReason:
    """A date with words beside it, and no other date (_DATE_AMONG_WORDS): the date is named, to be
    written alone. Such cells were "not a date such as 10/01/2024", the hint about Excel errors."""
    date = s.str.extract(_DATE_AMONG_WORDS, 1)
    return _DateReason(
        "words_beside",
        date.is_not_null()
        & (s.str.count_matches(_DATE_AMONG_WORDS) == 1)
        & s.str.contains(r"\p{L}{2}")  # words, not a time and its zone (``T17:00:00Z``)
        & (s.str.len_chars() <= 200),
        format_text("{} has words beside its date {}; write the date alone in the cell", s, date),
        {"date": date},
    )


#: A day, month and four-digit year, day first (``31/04/2025``, ``31-04-2025``, ``31.04.2025``) or
#: ISO (``2025-04-31``, ``2025/04/31``): the shapes of _DATE_SPELLINGS, for :func:`_calendar_reasons`.
_DAY_FIRST = r"^([0-9]{1,2})([/.-])([0-9]{1,2})[/.-]([0-9]{4})$"
_YEAR_FIRST = r"^([0-9]{4})[/-]([0-9]{1,2})[/-]([0-9]{1,2})$"


def _calendar_reasons(s: pl.Expr) -> list[_DateReason]:
    """A date of a shape that is read, with a four-digit year in range, that the calendar does not
    have: written month first (``12/31/2025``, as an English Windows or a US form writes it), a
    month that is none (``15/13/2025``), or a day its month has not (``29/02/2025``,
    ``31/04/2025``, ``00/05/2025``). All were "not a date such as 10/01/2024", the hint about
    Excel error values: nothing said which part was wrong."""
    first, second = s.str.extract_groups(_DAY_FIRST), s.str.extract_groups(_YEAR_FIRST)
    day = pl.coalesce(first.struct.field("1"), second.struct.field("3")).cast(pl.Int64, strict=False)
    month = pl.coalesce(first.struct.field("3"), second.struct.field("2")).cast(pl.Int64, strict=False)
    year = pl.coalesce(first.struct.field("4"), second.struct.field("1")).cast(pl.Int64, strict=False)
    in_range = year.is_between(DATE_MIN_YEAR, DATE_MAX_YEAR)
    real_month = month.is_between(1, 12)
    days = pl.date(year, pl.when(real_month).then(month).otherwise(1), 1).dt.month_end().dt.day().cast(pl.Int64)
    # Month first: the first number a month, the second one of its days.
    swapped_days = (
        pl.date(year, pl.when(day.is_between(1, 12)).then(day).otherwise(1), 1).dt.month_end().dt.day().cast(pl.Int64)
    )
    month_first = first.struct.field("1").is_not_null() & day.is_between(1, 12) & month.is_between(13, swapped_days)
    separator = first.struct.field("2")
    swapped = pl.concat_str(
        [
            month.cast(pl.String).str.zfill(2),
            separator,
            day.cast(pl.String).str.zfill(2),
            separator,
            year.cast(pl.String),
        ]
    )
    text = {"month": month.cast(pl.String), "year": year.cast(pl.String), "days": days.cast(pl.String)}
    return [
        _DateReason(
            "month_first",
            in_range & month_first,
            format_text(
                "{} has no month {}: dates are read day first; if it is month first, write {}", s, month, swapped
            ),
            {"month": text["month"], "suggestion": swapped},
        ),
        _DateReason(
            "no_such_month",
            in_range & ~real_month,
            format_text("{} has no month {}: a month is 1 to 12", s, month),
            {"month": text["month"]},
        ),
        _DateReason(
            "no_such_day",
            in_range & real_month & ~day.is_between(1, days),
            format_text("{} is no day of the calendar: month {} of {} has {} days", s, month, year, days),
            {"month": text["month"], "year": text["year"], "days": text["days"]},
        ),
    ]


def _first_reason(reasons: list[_DateReason], value: Callable[[_DateReason], pl.Expr]) -> pl.Expr:
    """``value`` of the first reason that holds; null when none does."""
    result = pl.lit(None, dtype=pl.String)
    for reason in reversed(reasons):  # built from the last, so the first that holds wins
        result = pl.when(reason.when).then(value(reason)).otherwise(result)
    return result


def date_problem(text: pl.Expr) -> pl.Expr:
    """Why a date text that :func:`parse_date` refuses is refused, when the reason is its year or
    its size: a year in fewer than four digits (``15/12/25``), a year outside DATE_MIN_YEAR to
    DATE_MAX_YEAR (``01/01/0000``), a number that is not an Excel serial of that span (``2024``,
    ``1``, ``99999999``). Null for any other text (those are ordinary unreadable values)."""
    return _first_reason(_date_reasons(text), lambda reason: reason.message)


def date_problem_params(text: pl.Expr) -> pl.Expr:
    """The parameters of an implausible-date finding as the findings table keeps them (JSON): the
    cell's ``value``, the ``date_problem`` (which reason of :func:`date_problem`) and that reason's
    own parameters, so that its message is worded in either language."""
    reasons = _date_reasons(text)
    names = dict.fromkeys(name for reason in reasons for name in reason.params)

    def param(name: str) -> Callable[[_DateReason], pl.Expr]:
        return lambda reason: reason.params.get(name, pl.lit(None, dtype=pl.String))

    fields = [
        text.alias("value"),
        _first_reason(reasons, lambda reason: pl.lit(reason.key)).alias("date_problem"),
        *(_first_reason(reasons, param(name)).alias(name) for name in names),
    ]
    return pl.struct(fields).struct.json_encode()


def date_problems(texts: pl.Series) -> dict[str, str]:
    """:func:`date_problem` of each distinct text of ``texts`` that has one: checks call it on the
    few date cells that failed to parse, not on every cell."""
    frame = pl.DataFrame({"t": texts.cast(pl.String).unique().drop_nulls()})
    frame = frame.with_columns(date_problem(pl.col("t")).alias("p")).drop_nulls("p")
    return dict(zip(frame["t"].to_list(), frame["p"].to_list(), strict=True))


def parse_status(text: pl.Expr) -> pl.Expr:
    """A timeliness status (STATUS_WORDS), as written, else without marks (_STATUS_FOLDS)."""
    low = text.str.to_lowercase().str.strip_chars()
    bare = folded_expr(text).replace_strict(_STATUS_FOLDS, default=None, return_dtype=pl.String)
    return low.replace_strict(STATUS_WORDS, default=None, return_dtype=pl.String).fill_null(bare)


def parse_level(text: pl.Expr, levels: dict[str, str]) -> pl.Expr:
    """``levels`` maps lower-cased value or label to the level value."""
    low = text.str.to_lowercase().str.strip_chars()
    return low.replace_strict(levels, default=None, return_dtype=pl.String)


#: The hint of each finding about a number that cannot be held exactly.
NUMBER_HINTS = {
    "number-too-precise": "round the number in the sheet (e.g. with ROUND) to the decimals that count",
    "number-out-of-range": "check the number; pari-index reads numbers below 100,000,000,000,000 (10^14)",
    "number-with-words": "write the number alone in the cell (34, not 34 ngày); a unit or a note belongs in the "
    "explanation column",
}
#: A number with words after it (``34 ngày``, ``5 văn bản``, ``1.887 hồ sơ``, ``80% (đạt)``) or before
#: it (``khoảng 34``, ``tổng: 179``), and no other digit: the words of a unit or a note typed into a
#: number cell. They were "34 ngày is not a whole number" with the hint about Excel error values.
_WORDS_AFTER = re.compile(r"^\s*([+-]?[0-9][0-9.,\s]*?%?)\s*([(\[]?[^\W\d_][^\d]*)$")
_WORDS_BEFORE = re.compile(r"^\s*([^\W\d_][^\d]*?)[\s:=]+([+-]?[0-9][0-9.,\s]*%?)\s*$")


def _number_among_words(texts: list[str]) -> dict[str, str]:
    """The number of each text of ``texts`` that is a written number with words beside it (see
    _WORDS_AFTER), by text."""
    found: dict[str, str] = {}
    for text in texts:
        if len(text) > 200:
            continue
        after, before = _WORDS_AFTER.match(text), _WORDS_BEFORE.match(text)
        part = after.group(1) if after else before.group(2) if before else None
        if part is not None:
            found[text] = part.strip()
    if not found:
        return found
    numbers = pl.Series(list(found.values()), dtype=pl.String)
    written = pl.select(written_number(pl.lit(numbers))).to_series()
    return {text: number for (text, number), ok in zip(found.items(), written.is_not_null(), strict=True) if ok}


def number_problems(texts: pl.Series, places: int = EXACT_PLACES) -> dict[str, tuple[str, str]]:
    """For each distinct text of ``texts`` that is a number but cannot be held exactly with
    ``places`` decimals: (finding kind, message). ``places`` is EXACT_PLACES for inputs and 4 for
    points (self-scores, appraised scores). Called on the few cells that failed to parse."""
    distinct = texts.cast(pl.String).unique().drop_nulls()
    read = _significant_frame(distinct)
    frame = pl.DataFrame(
        {
            "t": distinct,
            "p": _number_problem_series(distinct),
            "fine": (read["power"] < -places).fill_null(False),
            "d": read["digits"],
        }
    ).filter(pl.col("p").is_not_null() | (pl.col("fine") & (pl.col("d") != "")))
    out: dict[str, tuple[str, str]] = {}
    for text, problem in zip(frame["t"].to_list(), frame["p"].to_list(), strict=True):
        if problem == "range":
            out[text] = ("number-out-of-range", f"{shown(text)} is too large: numbers are read below 10^14")
        elif places < EXACT_PLACES:
            out[text] = (
                "number-too-precise",
                f"{shown(text)} has more than {places} decimals; points have at most {places}",
            )
        else:
            out[text] = (
                "number-too-precise",
                f"{shown(text)} has more than {places} decimals after reading it at {SIGNIFICANT_DIGITS} significant"
                " digits; it cannot be compared exactly and was not used",
            )
    for text in _number_among_words([t for t in distinct.to_list() if t not in out]):
        out[text] = (
            "number-with-words",
            f"{shown(text)} has words beside its number; the cell was not used: write the number alone",
        )
    return out


#: The hint of an ``answer-with-words`` finding.
ANSWER_HINT = (
    "write có or không alone in the cell; a note (a decision's number, a reason) belongs in the explanation column"
)
#: The yes/no words an answer may begin with before words of a note, longest first (``không
#: đạt`` before ``không``); a letter or digit alone (``x``, ``y``, ``1``, ``0``) is left out: ``1
#: văn bản`` or ``x`` in a longer word is no answer with a note.
_ANSWER_WORDS = sorted((w for w in (*TRUE_WORDS, *FALSE_WORDS) if len(w) > 1 or not w.isalnum()), key=len, reverse=True)


def answer_problems(texts: pl.Series) -> dict[str, str]:
    """The yes/no word of each distinct text of ``texts`` that begins with one and goes on with
    words or punctuation (``có (QĐ 123/QĐ-UBND)``, ``Có.``, ``không, vì chưa ban hành``): a note
    typed into the answer's cell. They were "is not yes/no" with the hint about Excel error values;
    the cell is still not used (the note may change the answer), but the message says which answer
    to write alone. Called on the few yes/no cells that failed to parse."""
    found: dict[str, str] = {}
    for text in texts.cast(pl.String).unique().drop_nulls().to_list():
        low = text.strip().lower()
        if len(low) > 200:
            continue
        for word in _ANSWER_WORDS:
            rest = low[len(word) :]
            seen = "".join(c for c in rest if not invisible(c)).strip()  # (an invisible one is shown as such)
            if low.startswith(word) and seen and not rest[0].isalnum():
                found[text] = text.strip()[: len(word)]
                break
    return found


def number_as_read(text: pl.Expr, exact: pl.Expr) -> pl.Expr:
    """A number for an explanation: the cell as typed (``92,5``) when reading it kept every digit,
    the value as read (:func:`format_exact`) when reading at 15 significant digits changed it
    (``70.000000000000014`` from a formula is shown as ``70``, the value the rules compared)."""
    digits = text.str.replace_all(r"[^0-9]", "").str.strip_chars_start("0").str.strip_chars_end("0")
    return pl.when(digits.str.len_chars() > SIGNIFICANT_DIGITS).then(format_exact(exact)).otherwise(text)
