"""Text built from polars expressions.

polars 2.1's ``pl.format`` can panic (``assertion failed: i < self.len()``) on a string column
made of several chunks, as frames are after ``concat`` and ``filter``: a review's fuzzing hit it on
two of ~1,500 inputs (pola-rs/polars#25339 and #25525 report the same panic, the latter fixed by
using ``concat_str``). ``pl.concat_str`` on the same frames does not panic, so every message and
label in pari-index is built with :func:`format_text`, which has ``pl.format``'s meaning.
"""

from __future__ import annotations

import polars as pl


def format_text(template: str, *args: pl.Expr | str) -> pl.Expr:
    """Like ``pl.format(template, *args)``: each ``{}`` is replaced by the next argument (a column
    name or an expression, cast to text); the result is null where any argument is null."""
    pieces = template.split("{}")
    if len(pieces) - 1 != len(args):
        raise ValueError(f"{template!r} has {len(pieces) - 1} placeholders for {len(args)} arguments")
    exprs: list[pl.Expr] = []
    for index, piece in enumerate(pieces):
        if piece:
            exprs.append(pl.lit(piece))
        if index < len(args):
            arg = args[index]
            exprs.append((pl.col(arg) if isinstance(arg, str) else arg).cast(pl.String))
    return pl.concat_str(exprs) if exprs else pl.lit("")
