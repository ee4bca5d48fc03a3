"""Cells typed by the kind of their field: numbers exact (Int128 units), booleans, dates, text.
Each distinct text is parsed once (:func:`parsed_once`)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import polars as pl

from pari_index.intake.model import LeafTable
from pari_index.intake.schema import CRITERION, FIELD, VALUE
from pari_index.intake.tones import answer_key_expr, folded_expr
from pari_index.intake.values import (
    parse_boolean,
    parse_date,
    parse_exact,
    parse_points,
    parse_status,
)

NUMERIC_KINDS = ("number", "count", "percent", "meta:self_score")
BOOLEAN_KINDS = ("boolean", "meta:n/a")
DATE_KINDS = ("date", "meta:evidence_date")


#: The meta fields read as numbers (points, in units of 1/10,000) or dates; the others are kept as
#: text. Input numbers are read exactly (values.parse_exact), never through a float.
META_PARSERS: dict[str, Callable[[pl.Expr], pl.Expr]] = {"self_score": parse_points, "evidence_date": parse_date}


#: Each parser's texts parsed so far (``_text`` -> ``_parsed``), kept from batch to batch and run to
#: run: the batches of a national run repeat the same few thousand texts, and a parser's regular
#: expressions cost about 10 ms even on a few hundred of them (the six parsers of the seven
#: batches: about 0.3 CPU s of a national run, measured 7 December 2026). The parsers are pure
#: functions of the text, so what is kept changes no result. A parser's table is no longer
#: grown past :data:`PARSED_KEPT` texts (a run of many distinct texts parses the new ones each
#: batch, as before).
_PARSED: dict[Callable[[pl.Expr], pl.Expr], pl.DataFrame] = {}
_PARSED_LOCK = threading.Lock()
PARSED_KEPT = 100_000
#: And no table past this many bytes of text: a number cell may hold up to 32,767 characters (a
#: pasted paragraph), and what is kept lives as long as the process (a notebook scoring one run
#: after another): 100,000 such texts would have kept some 3 GB after the run that read them
#: (review of session 35).
PARSED_KEPT_BYTES = 16_000_000


def parsed_once(frame: pl.DataFrame, column: str, parser: Callable[[pl.Expr], pl.Expr]) -> pl.Expr:
    """``parser`` applied to ``column``, as an expression that looks each text up in a table of
    its distinct texts parsed once: a national file repeats the same few thousand texts ("có",
    "0,5", "04/06/2025") across millions of cells, and the parsers' regular expressions cost far
    more than one hash lookup per cell. Texts parsed before (:data:`_PARSED`) are not parsed again."""
    distinct = frame.get_column(column).unique().drop_nulls().rename("_text")
    with _PARSED_LOCK:
        known = _PARSED.get(parser)
    new = distinct if known is None else distinct.filter(~distinct.is_in(known.get_column("_text").implode()))
    if known is None or new.len():
        parsed = new.to_frame().select("_text", parser(pl.col("_text")).alias("_parsed"))
        known = parsed if known is None else pl.concat([known, parsed])
        if known.height <= PARSED_KEPT and known.get_column("_text").str.len_bytes().sum() <= PARSED_KEPT_BYTES:
            with _PARSED_LOCK:
                _PARSED[parser] = known
    return pl.col(column).replace_strict(
        known.get_column("_text"), known.get_column("_parsed"), default=None, return_dtype=known.schema["_parsed"]
    )


def typed_cells(cells: pl.DataFrame, table: LeafTable) -> pl.DataFrame:
    """Adds the typed value columns ``num`` (exact Int128, values.parse_exact), ``flag`` (Boolean), ``day`` (Date) and
    ``text`` (status, level or meta text), each parsed only on the cells of its kind."""
    kind = pl.col("kind")
    empty = {
        "num": pl.lit(None, dtype=pl.Int128),
        "flag": pl.lit(None, dtype=pl.Boolean),
        "day": pl.lit(None, dtype=pl.Date),
        "text": pl.lit(None, dtype=pl.String),
    }

    def part(condition: pl.Expr, column: str, parser: Callable[[pl.Expr], pl.Expr] | None) -> pl.DataFrame:
        """The cells matching ``condition`` with ``parser`` applied (None: the text as it is)."""
        these = cells.filter(condition)
        if parser is None:
            return these.with_columns(
                **{name: (pl.col(VALUE) if name == column else expr).alias(name) for name, expr in empty.items()}
            )
        typed = parsed_once(these, VALUE, parser)
        return these.with_columns(
            **{name: (typed if name == column else expr).alias(name) for name, expr in empty.items()}
        )

    levels = pl.DataFrame(
        [
            {"_key": column, "_low": low, "_level": value}
            for column, mapping in table.level_maps.items()
            for low, value in mapping.items()
        ],
        schema={"_key": pl.String, "_low": pl.String, "_level": pl.String},
    )
    folds = pl.DataFrame(
        [
            {"_key": column, "_fold": fold, "_folded": value}
            for column, mapping in table.level_folds.items()
            for fold, value in mapping.items()
        ],
        schema={"_key": pl.String, "_fold": pl.String, "_folded": pl.String},
    )
    level_cells = (
        cells.filter(kind == "level")
        .with_columns(
            (pl.col(CRITERION) + ":" + pl.col(FIELD)).alias("_key"),
            answer_key_expr(pl.col(VALUE)).alias("_low"),
            folded_expr(pl.col(VALUE)).alias("_fold"),
        )
        .join(levels, on=["_key", "_low"], how="left", maintain_order="left")
        # An answer named as written first; else by its letters without marks, where that names
        # one level only (LeafTable.level_folds).
        .join(folds, on=["_key", "_fold"], how="left", maintain_order="left")
        .with_columns(**{name: expr for name, expr in empty.items() if name != "text"})
        .with_columns(pl.coalesce("_level", "_folded").alias("text"))
        .drop("_key", "_low", "_level", "_fold", "_folded")
    )
    parts = [
        part(kind.is_in(NUMERIC_KINDS), "num", parse_exact),
        part(kind.is_in(BOOLEAN_KINDS), "flag", parse_boolean),
        part(kind.is_in(DATE_KINDS), "day", parse_date),
        part(kind == "status", "text", parse_status),
        level_cells.select(*cells.columns, *empty),
        part(
            kind.str.starts_with("meta:") & ~kind.is_in([*NUMERIC_KINDS, *BOOLEAN_KINDS, *DATE_KINDS]),
            "text",
            None,
        ),
    ]
    return pl.concat([p.select(*cells.columns, *empty) for p in parts])
