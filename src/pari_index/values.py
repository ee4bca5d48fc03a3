"""Parsing cell text into typed values, vectorised with polars.

Commune clerks type numbers with a decimal comma (``92,18``), dates day first (``10/01/2024``) or
as Excel serial numbers, and answers in Vietnamese (``có``, ``không``, ``đúng hạn``). Each parser
takes a String expression and returns the typed value, or null where the text cannot be read; the
caller compares with the input to report exactly the cells that failed.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from .points import SCALE

#: Answers accepted for a boolean input (compared after lower-casing).
TRUE_WORDS = ("có", "co", "yes", "y", "true", "đúng", "đạt", "x", "1", "1.0", "đã", "rồi", "có ban hành")
FALSE_WORDS = ("không", "khong", "ko", "no", "n", "false", "sai", "không đạt", "0", "0.0", "chưa")

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
}

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def clean_number_text(text: pl.Expr) -> pl.Expr:
    """Normalise a number typed with a decimal comma or dot and optional thousands separators to
    a plain ``1234.5``."""
    s = text.str.replace_all(r"[\s\u00a0%]", "").str.replace(r"^\+", "")
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


def parse_units(text: pl.Expr) -> pl.Expr:
    """A number in units of 1/10,000 (Int64), or null."""
    number = clean_number_text(text)
    valid = number.str.contains(r"^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$")
    as_float = pl.when(valid).then(number).cast(pl.Float64, strict=False)
    return (
        pl.when(as_float.is_finite() & (as_float.abs() < 9e13))
        .then((as_float * SCALE).round(0))
        .cast(pl.Int64, strict=False)
    )


def parse_boolean(text: pl.Expr) -> pl.Expr:
    low = text.str.to_lowercase().str.strip_chars()
    return (
        pl.when(low.is_in(list(TRUE_WORDS)))
        .then(pl.lit(True))
        .when(low.is_in(list(FALSE_WORDS)))
        .then(pl.lit(False))
        .otherwise(pl.lit(None, dtype=pl.Boolean))
    )


def parse_date(text: pl.Expr) -> pl.Expr:
    """ISO, day-first (10/01/2024 is 10 January) or an Excel serial number."""
    s = text.str.strip_chars().str.replace(r"[ T]00:00:00(?:\.0+)?$", "")
    candidates = [s.str.to_date(fmt, strict=False) for fmt in _DATE_FORMATS]
    serial = (
        pl.when(s.str.contains(r"^\d{4,5}(?:\.0+)?$")).then(s.str.replace(r"\.0+$", "")).cast(pl.Int64, strict=False)
    )
    from_serial = (
        pl.when(serial.is_between(1, 109_574))  # up to 31/12/2199
        .then(pl.lit(_EXCEL_EPOCH) + pl.duration(days=serial))
        .cast(pl.Date)
    )
    return pl.coalesce(*candidates, from_serial)


def parse_status(text: pl.Expr) -> pl.Expr:
    low = text.str.to_lowercase().str.strip_chars()
    return low.replace_strict(STATUS_WORDS, default=None, return_dtype=pl.String)


def parse_level(text: pl.Expr, levels: dict[str, str]) -> pl.Expr:
    """``levels`` maps lower-cased value or label to the level value."""
    low = text.str.to_lowercase().str.strip_chars()
    return low.replace_strict(levels, default=None, return_dtype=pl.String)
