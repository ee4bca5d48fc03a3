"""Numbers as each language writes them: "1.234,5" in Vietnamese, "1,234.5" in English."""

from __future__ import annotations

import math
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
