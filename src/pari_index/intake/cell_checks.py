"""The checks of cells: structure (unknown commune, item or input; control characters), conflicts
and repeats, and values (unreadable, out of range). Each rejected cell becomes one finding naming
its place; large inputs are checked a slice of communes at a time (:func:`check_cells`)."""

from __future__ import annotations

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.intake.cell_repeats import (
    CONFLICT_HINT,
    conflict_message,
    conflict_params,
    copies_and_values,
    drop_repeats,
)
from pari_index.intake.cell_types import DATE_KINDS, NUMERIC_KINDS, typed_cells
from pari_index.intake.findings import (
    empty_findings,
)
from pari_index.intake.model import LeafTable
from pari_index.intake.place_checks import structure_checks
from pari_index.intake.rejects import Check, reject
from pari_index.intake.schema import CELL_SCHEMA, CRITERION, FIELD, META_FIELDS, VALUE
from pari_index.intake.sheet import FILE
from pari_index.intake.tones import latin_letters
from pari_index.intake.value_checks import value_checks, warn_survey_fraction, warn_three_zeros
from pari_index.intake.values import (
    SHOWN_OTHERWISE,
    as_shown,
)


def input_name_key(name: pl.Expr) -> pl.Expr:
    """An input name as matched: without case, and ``_``, ``-``, spaces, punctuation and symbols
    alike (as sheet.heading_key reads a heading). Until session 35 only ``_``, ``-`` and spaces
    were: a long form whose inputs were written with a colon after them («tasks:», as a form
    lists them) was 2,603 ``unknown-input`` errors on the example, every such value unread. Nor
    letters of another alphabet drawn as Latin ones (:func:`.tones.latin_letters`): until session 40
    «tаsks» with a Cyrillic «а» (a Russian keyboard layout left on, a pasted list) was
    ``unknown-input`` «item 1.1.2 has no input named tаsks», the clerk seeing «tasks» in the message
    and in the cell. A character nothing shows still parts the name («do<U+200B>ne» is no input of the
    set), to be refused as ``control-character`` as codes holding one are."""
    return latin_letters(name).str.to_lowercase().str.replace_all(r"[\W_]+", " ").str.strip_chars()


def _input_names_as_the_set_writes_them(cells: pl.DataFrame, table: LeafTable) -> pl.DataFrame:
    """Input names that differ from one of the item's only by case or separators (``DEADLINES``,
    ``Tasks``, ``done on time`` for ``done_on_time``) take the set's spelling; until session 26 each
    such cell was ``unknown-input`` (2,603 errors on the example written in capitals), while a
    heading so written was read. A name two inputs of an item would share is left as written, and
    so are the commune's own fields. ``cells`` are joined to the set's fields already: only those
    that matched none are looked at (none, most often: one pass over a column)."""
    unmatched = pl.col("kind").is_null() & pl.col(FIELD).is_not_null() & pl.col(CRITERION).is_not_null()
    if not cells.select(unmatched.any()).item():
        return cells
    pairs = cells.filter(unmatched).select(CRITERION, FIELD).unique()
    ids = table.fields.select(CRITERION, pl.col(FIELD).alias("_spelled"), input_name_key(pl.col(FIELD)).alias("_key"))
    # A name an input's id gives is that input's, whatever label another input has of it.
    labels = input_labels(table).join(ids, on=[CRITERION, "_key"], how="anti")
    spelled = pl.concat([ids, labels]).unique(maintain_order=True)
    # Not the commune's own fields (``self_score`` as an input): those rows are taken apart before
    # (intake.meta), and one reaching here so renamed would be dropped, not told.
    spelled = spelled.filter((pl.len().over(CRITERION, "_key") == 1) & ~pl.col("_spelled").is_in(META_FIELDS))
    pairs = pairs.with_columns(input_name_key(pl.col(FIELD)).alias("_key")).join(spelled, on=[CRITERION, "_key"])
    if pairs.is_empty():
        return cells
    joined = [c for c in table.fields.columns if c not in (CRITERION, FIELD)]
    return (
        cells.drop(joined)
        .join(pairs.drop("_key"), on=[CRITERION, FIELD], how="left", maintain_order="left")
        .with_columns(pl.coalesce("_spelled", FIELD).alias(FIELD))
        .drop("_spelled")
        .join(table.fields, on=[CRITERION, FIELD], how="left", maintain_order="left")
    )


def input_labels(table: LeafTable) -> pl.DataFrame:
    """Each input's labels (Vietnamese and English) as names of it: CRITERION, ``_spelled`` (the
    input's id) and ``_key``. An input written by its label, as pari template, pari explain and the
    report show it («Số nhiệm vụ hoàn thành» for tasks_done), was ``unknown-input`` until session 32,
    whose message listed the very label written among the item's inputs."""
    rows = [
        (leaf.id, name, label)
        for leaf in table.leaves
        for name, spec in leaf.inputs.items()
        for label in (spec.label, spec.label_en)
        if label
    ]
    frame = pl.DataFrame(rows, schema={CRITERION: pl.String, "_spelled": pl.String, "_label": pl.String}, orient="row")
    return frame.select(CRITERION, "_spelled", input_name_key(pl.col("_label")).alias("_key"))


def check_and_type(
    cells: pl.DataFrame,
    table: LeafTable,
    known_communes: pl.Series | None,
    register: pl.Series | None = None,
    unit_names: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split cells into accepted (typed) and findings. An unknown commune code's near codes are
    looked for in ``register`` (default: ``known_communes``; a batch knows its own communes only),
    and among ``unit_names`` (the register's ``code`` and ``name``: a name typed as a code).

    Three rounds, each rejecting what it finds before the next looks: where the cell belongs
    (commune, criterion, input), conflicting repeats, then the typed value itself.
    """
    findings: list[pl.DataFrame] = []
    cells = _input_names_as_the_set_writes_them(cells.join(table.fields, on=[CRITERION, FIELD], how="left"), table)
    # A number or a date typed in full-width digits (an input method for Chinese or Japanese left
    # on), with a character nothing shows, a minus sign or inside Excel's ="…" is read as the
    # clerk sees it, by every check from here on (values.as_shown).
    wide = pl.col("kind").is_in([*NUMERIC_KINDS, *DATE_KINDS]) & pl.col(VALUE).str.contains(SHOWN_OTHERWISE)
    cells = cells.with_columns(pl.when(wide).then(as_shown(pl.col(VALUE))).otherwise(pl.col(VALUE)).alias(VALUE))
    # True for an item of the set, null otherwise (as a join on the items' ids gave, for a copy
    # of every cell less).
    leaf_ids = table.default_input.get_column(CRITERION).implode()
    cells = cells.with_columns(pl.when(pl.col(CRITERION).is_in(leaf_ids)).then(True).alias("_known_leaf"))
    near = known_communes if register is None else register
    cells = reject(cells, structure_checks(cells, known_communes, table, near, unit_names), findings)

    # Same commune, criterion and field more than once: different values are a conflict (none is
    # used); the same value again is a repeated row (counted once, through its first row).
    key = [COMMUNE, CRITERION, FIELD]
    cells = cells.with_columns(copies_and_values(cells, key))
    conflict = Check(
        pl.col("_distinct") > 1,
        "conflicting-values",
        conflict_message(),
        CONFLICT_HINT,
        conflict_params(),
    )
    cells = reject(cells, [conflict], findings)

    # Typed parsing, one kind of cell at a time: each parser runs only on its own rows (a single
    # when/then over all cells would run every parser on every row).
    cells = typed_cells(cells.drop("_known_leaf", "_distinct"), table)
    cells = reject(cells, value_checks(cells, table), findings)
    # Repeats are looked for among accepted cells only, so that a repeated unreadable value is an
    # error on each of its rows rather than "counted once". The copies of one key all have the same
    # text (different texts were a conflict above), so the value checks kept all or none of them
    # and the counts taken before them still hold.
    cells = drop_repeats(cells, key, findings)
    warn_three_zeros(cells, findings)
    warn_survey_fraction(cells, table, findings)
    # The source file name repeats on every cell; as a category it costs 4 bytes a cell, not a
    # copy of the path (74 MB of a national run's 280 MB of cells).
    accepted = cells.drop("_min", "_max", "_copies").with_columns(pl.col(FILE).cast(pl.Categorical))
    all_findings = pl.concat(findings) if findings else empty_findings()
    return accepted, all_findings


#: Above this many cells, checks run on slices of communes: the checks join, group and parse,
#: and their working memory grows with the slice rather than with the whole country.
CHUNK_CELLS = 500_000


def check_cells(
    pieces: list[pl.DataFrame],
    table: LeafTable,
    known_communes: pl.Series | None,
    unit_names: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Accepted (typed) cells and findings for the cells of every sheet, checking large inputs a
    slice of communes at a time. Slices are cut by commune, so duplicates (same commune, item and
    field, even from different files) meet in one slice. ``pieces`` is consumed: each sheet's
    cells are released as soon as they are sliced, so the cells exist once, not twice."""
    total = sum(piece.height for piece in pieces)
    if total <= CHUNK_CELLS:
        cells = pl.concat(pieces) if pieces else pl.DataFrame(schema=CELL_SCHEMA)
        pieces.clear()
        return check_and_type(cells, table, known_communes, unit_names=unit_names)
    count = -(-total // CHUNK_CELLS)
    slices: list[list[pl.DataFrame]] = [[] for _ in range(count)]
    while pieces:
        piece = pieces.pop(0)
        parts = piece.with_columns((pl.col(COMMUNE).hash(seed=7) % count).alias("_slice")).partition_by(
            "_slice", include_key=True, maintain_order=True, as_dict=True
        )
        del piece
        for (index,), part in parts.items():
            slices[int(index)].append(part.drop("_slice"))
        del parts
    accepted: list[pl.DataFrame] = []
    findings: list[pl.DataFrame] = []
    while slices:
        group = slices.pop(0)
        if not group:
            continue
        cells = pl.concat(group)
        group.clear()
        ok, found = check_and_type(cells, table, known_communes, unit_names=unit_names)
        del cells
        accepted.append(ok)
        findings.append(found)
    return pl.concat(accepted), pl.concat(findings)
