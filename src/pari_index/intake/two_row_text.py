"""Headings over two rows in a CSV, as a CSV saved from a form laid out so has them: a group
heading written over the empty headings of the columns it covers (``Minh chứng,,``: Excel writes a
merged cell's text in its first cell) with the columns' own names in the row below, the other
headings over an empty cell. The workbook's are found from its merges
(:mod:`.xlsx.two_row_header`); a CSV keeps none, so the rows alone say it.

Read before, the first row alone was the headings: the group heading an unknown column, the
columns under it without a name (``cell-without-header``, a row up to the cap), the row of names a
row of data, and every evidence number, date and file missing (2,115 ``evidence-missing`` on the
example)."""

from __future__ import annotations

import re

import polars as pl

_LETTER = re.compile(r"[^\W\d_]")


def _filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def _text_groups(names: list[object]) -> list[tuple[int, int]]:
    """The (first, last) columns of each heading written over empty headings to its right: a
    cell merged across columns, as a CSV saved from the sheet writes it (its text in the first
    cell, the others empty)."""
    groups: list[tuple[int, int]] = []
    named = [i for i, value in enumerate(names) if _filled(value)]
    for i, start in enumerate(named):
        end = (named[i + 1] if i + 1 < len(named) else len(names)) - 1
        if end > start:
            groups.append((start, end))
    return groups


def join_two_row_text_header(raw: pl.DataFrame, skip: int) -> pl.DataFrame:
    """``raw`` (a CSV's grid) with headings over two rows made one row, as a workbook's are
    (:func:`.xlsx.two_row_header.join_two_row_header`, from its merges, which a CSV does not keep):
    a heading over empty headings to its right (``Minh chứng,,``) is a group when the row below
    names every column under its empty part, with names (each has a letter), and nothing outside
    the groups (a row of data fills the code, the item, the value beside them). That row is
    blanked, so rows keep their numbers."""
    if raw.height < skip + 2:
        return raw
    names, below = list(raw.row(skip)), list(raw.row(skip + 1))
    groups = _text_groups(names)
    if not groups:
        return raw
    under = [any(first <= col <= last for first, last in groups) for col in range(raw.width)]
    if any(_filled(v) for v, grouped in zip(below, under, strict=True) if not grouped):
        return raw
    if not all(_filled(below[col]) for first, last in groups for col in range(first + 1, last + 1)):
        return raw
    if not all(_LETTER.search(str(v)) for v, grouped in zip(below, under, strict=True) if grouped and _filled(v)):
        return raw  # a number under a group (a code, a score): a row of data, never headings
    joined = [b if grouped and _filled(b) else n for n, b, grouped in zip(names, below, under, strict=True)]
    rows = pl.DataFrame([joined, [None] * raw.width], schema=raw.schema, orient="row")
    return pl.concat([raw.slice(0, skip), rows, raw.slice(skip + 2)], how="vertical")
