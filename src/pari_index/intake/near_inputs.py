"""The inputs of an item near an input name it does not have: "did you mean" for ``unknown-input``.

Until session 31 ``criterion 1.1.2 has no input named task`` named nothing to write instead, so a
clerk who typed ``task`` for ``tasks`` (or ``1.1.2:task`` as a wide form's heading) had to find
the item's input names in the criteria set. Now the message names the item's input nearest the
name (spelled otherwise, or a letter or two away), else lists the item's inputs (a few of them).
Worked out for the distinct unknown (item, name) pairs only: a file repeats a wrong heading on
every row."""

from __future__ import annotations

import difflib

import polars as pl

from pari_index.intake.model import LeafTable
from pari_index.intake.schema import CRITERION, FIELD, META_FIELDS
from pari_index.messages.labels import PARAM_WORDS

#: At most this many of an item's inputs are listed when none is near.
LISTED = 6
#: The share of letters two names must have in common to be near (difflib's ratio).
NEAR_RATIO = 0.75
#: The parameters' key: (item, name) as one text.
_KEY = pl.col(CRITERION) + "\x1f" + pl.col(FIELD)


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("_", " ").replace("-", " ").split())


def _nearest(name: str, inputs: list[str]) -> tuple[str, str]:
    """("near", the input) for an input near ``name``, else ("list", a few of ``inputs``)."""
    keys = {_key(i): i for i in inputs}
    close = difflib.get_close_matches(_key(name), list(keys), n=1, cutoff=NEAR_RATIO)
    if close:
        return "near", keys[close[0]]
    shown = ", ".join(inputs[:LISTED]) + (", …" if len(inputs) > LISTED else "")
    return "list", shown


def near_inputs(cells: pl.DataFrame, table: LeafTable) -> dict[str, dict[str, str]]:
    """For each (item, name) of ``cells`` the item does not have (``kind`` null, item of the set):
    the key "item\\x1fname" -> {"input_near": "near" or "list", "near_input": the words}."""
    unknown = pl.col("kind").is_null() & pl.col(FIELD).is_not_null() & pl.col("_known_leaf").is_not_null()
    pairs = cells.filter(unknown).select(CRITERION, FIELD).unique()
    if pairs.is_empty():
        return {}
    own = table.fields.filter(~pl.col(FIELD).is_in(META_FIELDS)).group_by(CRITERION).agg(pl.col(FIELD))
    inputs = {str(c): list(f) for c, f in own.iter_rows()}
    found = {}
    for criterion, field in pairs.iter_rows():
        if inputs.get(criterion):
            kind, words = _nearest(str(field), inputs[criterion])
            found[f"{criterion}\x1f{field}"] = {"input_near": kind, "near_input": words}
    return found


def near_param(found: dict[str, dict[str, str]], name: str) -> pl.Expr:
    """The parameter ``name`` of each cell's (item, name) pair (null where nothing was found)."""
    return _KEY.replace_strict({k: v[name] for k, v in found.items()}, default=None, return_dtype=pl.String)


def near_english(found: dict[str, dict[str, str]]) -> pl.Expr:
    """The words of ``input_near`` in English, as the message has them ("" where none)."""
    words = PARAM_WORDS["input_near"]
    texts = {k: words[v["input_near"]].en.replace("{near_input}", v["near_input"]) for k, v in found.items()}
    return _KEY.replace_strict(texts, default="", return_dtype=pl.String)
