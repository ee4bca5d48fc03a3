"""Numbers and dates as each language writes them: "1.234,5" and 15/01/2024 in Vietnamese, "1,234.5"
and 15 Jan 2024 in English."""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any

#: The minus sign every output writes before a negative number ("−1,25"), as typeset text does.
MINUS = "\u2212"


def format_number(
    value: Any, lang: str, places: int | None = None, *, trim: bool = False, missing: str = "–", grouping: bool = True
) -> str:
    """``value`` as ``lang`` writes it: "1.234,5" in Vietnamese, "1,234.5" in English, with the
    minus sign U+2212. ``places`` fixes the decimals (``trim`` then drops trailing zeros); without
    it an int or Decimal keeps its own digits and a float its shortest form. ``missing`` stands for
    None, NaN and text that is not a number. The one number formatter of every output."""
    if value is None or isinstance(value, bool):
        return missing
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return missing
        # The float's own rounding (as "%.2f" always printed it), then exact digits from there on.
        number = Decimal(f"{value:.{places}f}") if places is not None else Decimal(repr(value))
    else:
        try:
            number = Decimal(value) if isinstance(value, int | Decimal) else Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            return missing
        if not number.is_finite():
            return missing
        if places is not None:
            number = number.quantize(Decimal(1).scaleb(-places))
    spec = "," if grouping else ""
    text = format(abs(number), f"{spec}.{places}f" if places is not None else f"{spec}f")
    if "." in text and (trim or places is None):
        text = text.rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.translate(str.maketrans(",.", ".,"))
    negative = number < 0 and any(c in "123456789" for c in text)
    return f"{MINUS}{text}" if negative else text


#: English month abbreviations, as format_date writes them ("15 Jan 2024").
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(value: str | None, lang: str) -> str:
    """An ISO date as people write it: 15/01/2024 in Vietnamese, 15 Jan 2024 in English; any
    other text as it is. The one date formatter of every output."""
    if not value:
        return ""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not match:
        return value
    y, m, d = match.groups()
    if lang == "en":
        return f"{int(d)} {_MONTHS[int(m) - 1]} {y}" if 1 <= int(m) <= 12 else value
    return f"{d}/{m}/{y}"


def iso_date(text: str, lang: str) -> str:
    """A date :func:`format_date` wrote in ``lang``, as the ISO date it was; any other text as it
    is (a results file of an earlier version holds ISO dates)."""
    if lang == "en":
        match = re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})", text.strip())
        if match and match.group(2) in _MONTHS:
            return f"{match.group(3)}-{_MONTHS.index(match.group(2)) + 1:02d}-{int(match.group(1)):02d}"
        return text
    match = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", text.strip())
    return f"{match.group(3)}-{match.group(2)}-{match.group(1)}" if match else text
