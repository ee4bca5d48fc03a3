"""The register codes (or item ids) near a code that is not in it: "did you mean" for
``unknown-commune`` and ``unknown-criterion``.

A code is compared with the known ones through keys, joined in polars, never by an edit distance
over every pair: 150,000 unknown codes against 11,000 communes would be 1.6 billion pairs. Each
unknown code costs a handful of rows, whatever the register, and the answer for a code depends
on that code and the known ones alone (a batched run gives the unbatched run's words). The kinds
of nearness, tried in this order (the first that finds anything is said):

``same``
    the same code written otherwise: letter case, full-width digits, spaces or quotes inside it;
``name`` (commune codes only, with the register's names)
    a unit's name typed where its code belongs (``Phường Tân Lộc`` or ``tân lộc`` for the
    ``00004`` the register names so): equal to a register name compared as codes are (case,
    spaces), with or without its unit type (xã, phường, thị trấn, thị xã, đặc khu). A name
    without letters once its type is taken away (``Phường 4``) is matched whole only;
``float``
    a code written as a number with a decimal part of zeros, as a table exported from a number
    column writes it (``1.0``, ``00001.0``, ``1,0`` for ``00001``): equal as a number to a known
    code of digits;
``float_register``
    the other way round: a code of digits equal as a number to a register code written so
    (``00001`` against the register's ``1.0``): the register's code is the one to correct;
``scientific``
    a code written in scientific notation that shows every digit of its number, as Excel writes a
    number column's long values to a CSV (``1.00E+00``, ``1,2345E+04``): equal as a number to a
    known code of digits. One whose digits were rounded away (``1.23457E+11``) is never here: it
    is refused before (values.scientific_lost, ``code-as-scientific``);
``scientific_register``
    the other way round, as ``float_register``;
``zeros``
    a code of digits that lost leading zeros, as Excel drops them from a number (``123`` for
    ``00123``): equal once the zeros are stripped, and shorter than the known code;
``zeros_register``
    the other way round: a code of digits whose register code lost its leading zeros (``00123``
    against the register's ``123``, a register saved from Excel with its codes as numbers): the
    register's code is the one to correct (until session 30 each row of every file was "not in
    the register", with nothing near);
``pasted``
    a code with its name pasted beside it (``00123 Xã An Bình``): the cell holds letters, and a
    run of digits that is a known code as it is;
``typo`` (commune codes only)
    one character changed, two neighbours swapped, one missing or one extra (``00132`` for
    ``00123``), for codes of 3 to :data:`MAX_TYPO_LENGTH` characters. A register dense in codes
    has several codes one character away from most codes: up to :data:`MAX_SHOWN` are named,
    with "…" when there are more.

Item ids get ``same``, ``zeros`` and ``pasted`` only (``1.0`` is an id, no float): the ids of a
set are so close (1.1.1, 1.1.2 …) that any id is one character from several.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from pari_index.intake.values import scientific_number
from pari_index.messages.labels import PARAM_WORDS

#: The longest code (in characters, once normalised) for which codes one character away are
#: looked for: each costs about two rows per character.
MAX_TYPO_LENGTH = 12
#: The most codes named in one suggestion.
MAX_SHOWN = 3
#: The most known codes a key of a join keeps (the first in code order): enough for the codes
#: named and the "…" after them, even were one of them the given text itself. A register of
#: 3,000 codes one character apart (``90一``, ``90丁`` …) against 10,000 unknown codes of that
#: shape joined every unknown code with every known one: 30 million pairs, 31 CPU s and 6.9 GB
#: (session 23). Each key now brings at most this many, so a code costs a few rows whatever the
#: register.
PER_KEY = MAX_SHOWN + 2

GIVEN = "_given"
NEAREST = "nearest"
SUGGESTED = "suggested"
#: The kinds of nearness, best first (see the module's text); item ids' are prefixed ``item_``.
KINDS = (
    "same",
    "name",
    "float",
    "float_register",
    "scientific",
    "scientific_register",
    "zeros",
    "zeros_register",
    "pasted",
    "typo",
)
ITEM_KINDS = ("same", "zeros", "pasted")
#: A code written as a number with decimals (all zeros): ``1.0``, ``00001.00``, ``1,0``.
FLOAT_CODE = r"^[0-9]+[.,]0+$"
#: A unit type written before a unit's name (lower case, NFC): ``Xã An Bình`` is also ``An Bình``.
UNIT_TYPE_PREFIX = r"^(?:xã|phường|thị\s*trấn|thị\s*xã|đặc\s*khu)\s+"


def _normal(text: pl.Expr, items: bool) -> pl.Expr:
    """A code as compared: composed and folded (NFKC: full-width digits), in lower case, without
    spaces or quotes, nor the ``=`` of Excel's text formula (``="00007"``, which exports write to
    keep leading zeros: it was "one character away"); an item id also without a final full stop,
    with commas read as full stops."""
    plain = text.str.normalize("NFKC").str.to_lowercase().str.replace_all(r"[\s'\"`‘’“”]", "")
    plain = plain.str.replace(r"^=", "")
    if items:
        plain = plain.str.replace_all(",", ".", literal=True).str.strip_chars_end(".")
    return plain


def _named(given: pl.DataFrame, names: pl.DataFrame | None) -> pl.DataFrame:
    """Given texts equal (as codes are compared, :func:`_normal`) to a register unit's ``name``,
    whole or without its unit type when letters remain: the pairs of the text and that unit's
    ``code``."""
    if names is None or names.height == 0:
        return pl.DataFrame(schema={GIVEN: pl.String, "code": pl.String})
    name = pl.col("name").cast(pl.String).str.normalize("NFC").str.to_lowercase().str.strip_chars()
    bare = name.str.replace(UNIT_TYPE_PREFIX, "")
    keyed = names.select(pl.col("code").cast(pl.String), name.alias("_whole"), bare.alias("_bare")).drop_nulls("code")
    whole = keyed.select("code", _normal(pl.col("_whole"), False).alias("_n"))
    without_type = keyed.filter((pl.col("_bare") != pl.col("_whole")) & pl.col("_bare").str.contains(r"\p{L}"))
    keys = pl.concat([whole, without_type.select("code", _normal(pl.col("_bare"), False).alias("_n"))])
    keys = _first_per_key(keys.unique(), "_n")
    return given.filter(pl.col("_n").str.contains(r"\p{L}")).join(keys, on="_n").select(GIVEN, "code")


def _first_per_key(frame: pl.DataFrame, key: str, order: str = "code") -> pl.DataFrame:
    """The rows of ``frame`` (known codes, with their ``code``) keeping at most :data:`PER_KEY`
    of each ``key``, the first in ``order`` (code order): the first :data:`MAX_SHOWN` codes near a
    given text, and whether there are more, are those of the whole frame (each key's codes are all
    near the texts that match it, so a code among the first of the union is among the first of its
    key)."""
    ordered = frame.sort(*dict.fromkeys((order, "code", key)))
    return ordered.filter(pl.int_range(pl.len()).over(key) < PER_KEY)


def _zeroless(text: pl.Expr) -> pl.Expr:
    return text.str.strip_chars_start("0")


def _known_frame(known: pl.Series, items: bool) -> pl.DataFrame:
    codes = known.cast(pl.String).drop_nulls().unique().sort()
    return pl.DataFrame({"code": codes}).with_columns(_normal(pl.col("code"), items).alias("_n"))


def _same(given: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    return given.join(_first_per_key(known, "_n"), on="_n").select(GIVEN, "code")


def _zeros(given: pl.DataFrame, known: pl.DataFrame, register: bool = False) -> pl.DataFrame:
    """Codes of digits equal to a known code once leading zeros are stripped, and shorter (or,
    ``register``, longer, the known code without a leading zero: it lost them all)."""
    digits = r"^[0-9]+$"
    ours = given.filter(pl.col("_n").str.contains(digits)).with_columns(_zeroless(pl.col("_n")).alias("_z"))
    theirs = known.filter(pl.col("_n").str.contains(digits)).with_columns(
        _zeroless(pl.col("_n")).alias("_z"), pl.col("_n").str.len_chars().alias("_length")
    )
    # Longest first (more leading zeros sort first): those kept are the ones longer than any given;
    # shortest first for the register's lost zeros.
    joined = ours.join(_first_per_key(theirs, "_z", order="_length" if register else "_n"), on="_z", suffix="_k")
    given_length, known_length = pl.col("_n").str.len_chars(), pl.col("_n_k").str.len_chars()
    if register:
        # Excel drops every leading zero: a register code that still has one lost none.
        lost = (given_length > known_length) & ~pl.col("_n_k").str.starts_with("0")
        return joined.filter(lost).select(GIVEN, "code")
    return joined.filter(given_length < known_length).select(GIVEN, "code")


def _number(text: pl.Expr) -> pl.Expr:
    """A code of digits, or of digits with a decimal part of zeros, as the number it is: without
    the decimal part and the leading zeros (``00001.0`` and ``1`` are ``1``)."""
    return text.str.replace(r"[.,]0+$", "").str.strip_chars_start("0")


def _floats(given: pl.DataFrame, known: pl.DataFrame, register_side: bool) -> pl.DataFrame:
    """Given codes written as numbers with decimals equal to a known code of digits as a number
    (``register_side``: given codes of digits equal to a known code written so)."""
    digits = r"^[0-9]+$"
    ours_pattern, theirs_pattern = (digits, FLOAT_CODE) if register_side else (FLOAT_CODE, digits)
    ours = given.filter(pl.col("_n").str.contains(ours_pattern)).with_columns(_number(pl.col("_n")).alias("_z"))
    theirs = known.filter(pl.col("_n").str.contains(theirs_pattern)).with_columns(_number(pl.col("_n")).alias("_z"))
    return ours.join(_first_per_key(theirs, "_z"), on="_z").select(GIVEN, "code")


def _scientific(given: pl.DataFrame, known: pl.DataFrame, register_side: bool) -> pl.DataFrame:
    """Given codes in scientific notation that show every digit (values.scientific_number) equal
    as a number to a known code of digits (``register_side``: given codes of digits equal to a
    known code written so)."""
    digits = pl.col("_n").str.contains(r"^[0-9]+$")
    as_digits = digits, _number(pl.col("_n"))
    as_scientific = scientific_number(pl.col("_n")).is_not_null(), scientific_number(pl.col("_n"))
    (ours_kept, ours_key), (theirs_kept, theirs_key) = (
        (as_digits, as_scientific) if register_side else (as_scientific, as_digits)
    )
    ours = given.filter(ours_kept).with_columns(ours_key.alias("_z"))
    theirs = known.filter(theirs_kept).with_columns(theirs_key.alias("_z"))
    return ours.join(_first_per_key(theirs, "_z"), on="_z").select(GIVEN, "code")


def _pasted(given: pl.DataFrame, known: pl.DataFrame, items: bool) -> pl.DataFrame:
    """Texts with letters and a run of digits (an id with its dots, for items) that is a known
    code as it is: a ward's number in its name ("Phường 4") is not taken for 00004."""
    run = r"[0-9]+(?:\.[0-9]+)*" if items else r"[0-9]+"
    named = given.filter(pl.col("_n").str.contains(r"\p{L}.*\p{L}"))
    if named.height == 0:
        return pl.DataFrame(schema={GIVEN: pl.String, "code": pl.String})
    # Each run names its text by its row, not by the text: a code cell of 30,000 characters
    # ``1a1a…`` holds 15,000 runs, and the text repeated for each took 450 MB (session 23).
    texts = named.with_row_index("_id")
    found = texts.select("_id", pl.col("_n").str.extract_all(run).list.unique().alias("_r"))
    runs = found.explode("_r").drop_nulls("_r")
    pairs = runs.join(_first_per_key(known, "_n"), left_on="_r", right_on="_n").select("_id", "code").unique()
    return pairs.join(texts.select("_id", GIVEN), on="_id").select(GIVEN, "code")


def _variants(frame: pl.DataFrame, column: str, longest: int, how: str) -> pl.DataFrame:
    """``frame`` with ``_v``: each text of ``column`` (of 3 to ``longest`` characters) once per
    position, that character replaced by a mark (``sub``), removed (``del``) or swapped with the
    next (``swap``)."""
    length = pl.col(column).str.len_chars()
    kept = frame.filter(length.is_between(3, longest)).with_columns(
        pl.int_ranges(0, pl.col(column).str.len_chars() - (1 if how == "swap" else 0)).alias("_i")
    )
    at = kept.explode("_i").with_columns(pl.col("_i").cast(pl.Int64))
    text, i = pl.col(column), pl.col("_i")
    head, tail = text.str.slice(0, i), text.str.slice(i + 1)
    if how == "sub":
        variant = pl.concat_str([head, pl.lit("\x00"), tail])
    elif how == "del":
        variant = pl.concat_str([head, tail])
    else:
        variant = pl.concat_str([head, text.str.slice(i + 1, 1), text.str.slice(i, 1), text.str.slice(i + 2)])
    return at.with_columns(variant.alias("_v")).drop("_i")


def _typos(given: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    """Given codes one character from a known one: changed, swapped with a neighbour, missing or
    extra. Only codes whose length is within one of a known code's are expanded."""
    lengths = known["_n"].str.len_chars().unique()
    near = pl.col("_n").str.len_chars().is_in(pl.concat([lengths - 1, lengths, lengths + 1]).implode())
    given = given.filter(near)
    if given.height == 0:
        return pl.DataFrame(schema={GIVEN: pl.String, "code": pl.String})
    given = given.filter(pl.col("_n").str.len_chars() <= MAX_TYPO_LENGTH)
    longest = MAX_TYPO_LENGTH + 1

    def variants(how: str) -> pl.DataFrame:
        return _first_per_key(_variants(known, "_n", longest, how), "_v")

    changed = _variants(given, "_n", longest, "sub").join(variants("sub"), on="_v")
    swapped = given.join(variants("swap"), left_on="_n", right_on="_v")
    missing = given.join(variants("del"), left_on="_n", right_on="_v")
    extra = _variants(given, "_n", longest, "del").join(_first_per_key(known, "_n"), left_on="_v", right_on="_n")
    return pl.concat([f.select(GIVEN, "code") for f in (changed, swapped, missing, extra)])


def nearest_codes(
    unknown: pl.Series, known: pl.Series, *, items: bool = False, names: pl.DataFrame | None = None
) -> pl.DataFrame:
    """For each distinct text of ``unknown`` that has a near code in ``known``: ``_given`` (the
    text), NEAREST (the kind of nearness, see the module; ``item_…`` for ``items``) and SUGGESTED
    (up to MAX_SHOWN codes in code order, ", " between, "…" after when there are more).
    ``names``: the register's ``code`` and ``name`` of each unit, for the ``name`` kind."""
    schema = {GIVEN: pl.String, NEAREST: pl.String, SUGGESTED: pl.String}
    given = pl.DataFrame({GIVEN: unknown.cast(pl.String).drop_nulls().unique()})
    if given.height == 0 or known.len() == 0:
        return pl.DataFrame(schema=schema)
    given = given.with_columns(_normal(pl.col(GIVEN), items).alias("_n"))
    known_frame = _known_frame(known, items)
    found: list[pl.DataFrame] = []
    kinds = KINDS if not items else ITEM_KINDS
    for kind in kinds:
        if given.height == 0:
            break
        if kind == "same":
            pairs = _same(given, known_frame)
        elif kind == "name":
            pairs = _named(given, names)
        elif kind in ("float", "float_register"):
            pairs = _floats(given, known_frame, kind == "float_register")
        elif kind in ("scientific", "scientific_register"):
            pairs = _scientific(given, known_frame, kind == "scientific_register")
        elif kind in ("zeros", "zeros_register"):
            pairs = _zeros(given, known_frame, kind == "zeros_register")
        elif kind == "pasted":
            pairs = _pasted(given, known_frame, items)
        else:
            pairs = _typos(given, known_frame)
        pairs = pairs.filter(pl.col(GIVEN) != pl.col("code")).unique()
        if pairs.height:
            found.append(pairs.with_columns(pl.lit(f"item_{kind}" if items else kind).alias(NEAREST)))
            given = given.filter(~pl.col(GIVEN).is_in(pairs[GIVEN].implode()))
    if not found:
        return pl.DataFrame(schema=schema)
    return (
        pl.concat(found)
        .sort(GIVEN, "code")
        .group_by(GIVEN, maintain_order=True)
        .agg(pl.col(NEAREST).first(), pl.col("code").head(MAX_SHOWN).str.join(", "), pl.len().alias("_count"))
        .select(
            GIVEN,
            NEAREST,
            pl.when(pl.col("_count") > MAX_SHOWN)
            .then(pl.col("code") + pl.lit(" …"))
            .otherwise(pl.col("code"))
            .alias(SUGGESTED),
        )
    )


class Near:
    """The near codes of some unknown ones (:func:`nearest_codes`) as expressions on the column
    that holds them: the words of the message in English and the parameters it is written in
    other languages from (``nearest``, ``suggested``; null where nothing is near)."""

    def __init__(
        self, unknown: pl.Series, known: pl.Series | None, *, items: bool = False, names: pl.DataFrame | None = None
    ) -> None:
        self.found = (
            nearest_codes(unknown, known, items=items, names=names)
            if known is not None
            else pl.DataFrame(schema={GIVEN: pl.String, NEAREST: pl.String, SUGGESTED: pl.String})
        )

    def _looked_up(self, column: pl.Expr, name: str) -> pl.Expr:
        if self.found.height == 0:
            return pl.lit(None, dtype=pl.String)
        return column.cast(pl.String).replace_strict(
            self.found[GIVEN], self.found[name], default=None, return_dtype=pl.String
        )

    def params(self, column: pl.Expr, encode: Callable[..., pl.Expr], **values: pl.Expr) -> pl.Expr:
        """The parameters ``values`` as ``encode`` writes them (cell_params, json_params), with
        ``nearest`` and ``suggested`` where the code of ``column`` has near ones: a finding
        without keeps the parameters it had before."""
        if self.found.height == 0:
            return encode(**values)
        near = {NEAREST: self._looked_up(column, NEAREST), SUGGESTED: self._looked_up(column, SUGGESTED)}
        return pl.when(near[NEAREST].is_null()).then(encode(**values)).otherwise(encode(**values, **near))

    def english(self, column: pl.Expr) -> pl.Expr:
        """The words of ``nearest`` in English ("" where nothing is near), as the message has them."""
        if self.found.height == 0:
            return pl.lit("")
        words = {kind: words.en for kind, words in PARAM_WORDS[NEAREST].items() if kind}
        template = self._looked_up(column, NEAREST).replace_strict(words, default="", return_dtype=pl.String)
        codes = self._looked_up(column, SUGGESTED).fill_null("")
        return template.fill_null("").str.replace("{suggested}", codes, literal=True)
