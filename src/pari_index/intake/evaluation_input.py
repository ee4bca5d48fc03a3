"""The intake as the scorer takes it: one row per commune with a column per input
(:func:`evaluation_frame`), and warnings for values the rules leave aside: given to items that do
not apply to a unit's type, or that the unit marked not applicable (:func:`wrong_unit_findings`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import polars as pl

from pari_index.criteria.compiling import COMMUNE, REST_SUFFIX, UNIT_TYPE, frame_schema, na_column, rest_column
from pari_index.criteria.model import Leaf, NotApplicable, UnitType
from pari_index.criteria.points import REST_SCALE
from pari_index.intake.findings import cell_findings, cell_params, empty_findings
from pari_index.intake.model import Intake
from pari_index.intake.schema import COLUMN, CRITERION, FIELD
from pari_index.intake.sheet import FILE, ROW, SHEET
from pari_index.textexpr import format_text

if TYPE_CHECKING:  # the appraisal's module reads through this one's neighbours
    from pari_index.intake.appraisal import Appraisal

#: Unit types as findings name them.
_UNIT_WORDS = {
    UnitType.commune: ("commune", "communes"),
    UnitType.ward: ("ward", "wards"),
    UnitType.township: ("township", "townships"),
    UnitType.special_zone: ("special zone", "special zones"),
}


def wrong_unit_findings(intake: Intake, leaves: Sequence[Leaf], units: pl.DataFrame) -> pl.DataFrame:
    """A warning for each value the rules leave aside: a value, self-score or evidence given for an
    item that does not apply to the unit's type (:func:`_wrong_type_findings`), and an input value
    of an item the unit marked not applicable (:func:`_marked_na_findings`)."""
    wrong_type = _wrong_type_findings(intake, leaves, units)
    marked = _marked_na_findings(intake, leaves, wrong_type)
    return pl.concat([wrong_type, marked]) if marked.height else wrong_type


def _marked_na_findings(intake: Intake, leaves: Sequence[Leaf], told: pl.DataFrame) -> pl.DataFrame:
    """A warning at each input value of an item that its unit also marked not applicable, where the
    set lets N/A count in full or exclude the item: the mark decides its score and the value is
    not read. Until the twenty-sixth session such a value vanished without a word: 2.1.2 marked
    N/A and written "không thực hiện" (not done) scored in full. Not where the set refuses N/A
    (the mark is the error ``na-not-allowed`` and the value is scored), nor for a cell already
    told as not applicable to the unit's type (``told``)."""
    allowing = [leaf.id for leaf in leaves if leaf.not_applicable is not NotApplicable.not_allowed]
    key = [COMMUNE, CRITERION]
    cells = intake.cells
    marks = cells.filter((pl.col(FIELD) == "n/a") & pl.col("flag").fill_null(False) & pl.col(CRITERION).is_in(allowing))
    if marks.height == 0:
        return empty_findings()
    # Only the marked items' cells are copied (the semi join keeps no other): filtering every
    # value cell first copied most of the batch.
    marked_items = marks.get_column(CRITERION).unique().implode()
    values = (
        cells.filter(
            pl.col(CRITERION).is_in(marked_items) & (pl.col(FIELD) != "n/a") & ~pl.col("kind").str.starts_with("meta:")
        )
        .join(marks.select(key).unique(), on=key, how="semi")
        .join(told.select(key).unique(), on=key, how="anti")
        .cast({FILE: pl.String})
        .sort(FILE, SHEET, ROW, COLUMN, nulls_last=True)
    )
    message = format_text(
        "unit {} marked item {} not applicable, so this value was not scored", pl.col(COMMUNE), pl.col(CRITERION)
    )
    hint = "clear the value, or the N/A mark if the item does apply to the unit"
    params = cell_params(commune=pl.col(COMMUNE), criterion=pl.col(CRITERION))
    return cell_findings(values, "warning", "value-marked-not-applicable", message, hint, params)


def _wrong_type_findings(intake: Intake, leaves: Sequence[Leaf], units: pl.DataFrame) -> pl.DataFrame:
    """A warning for each value, self-score or evidence given for an item that does not apply to
    the unit's type (the leaf's ``applies_to``): the rules leave the item out of that unit's
    maximum whatever it holds, so the value would otherwise vanish without a word. ``units`` has
    the register's ``code`` and ``unit_type``. An n/a mark there agrees with the rules and is not
    reported; units of unknown type have the register's own warning."""
    limited = {leaf.id: leaf.applies_to for leaf in leaves if leaf.applies_to is not None}
    if not limited:
        return empty_findings()
    where = [COMMUNE, CRITERION, FILE, SHEET, ROW, COLUMN]
    place_columns = {"file": FILE, "sheet": SHEET, "row": ROW, "column": COLUMN}
    # Only the limited items' rows are gathered: all cells and places together, with their file
    # names as text, briefly doubled the intake's memory.
    mine = pl.col(CRITERION).is_in(list(limited))
    given = pl.concat(
        [
            intake.cells.filter(mine & (pl.col(FIELD) != "n/a")).select(where).cast({FILE: pl.String}),
            intake.places.filter(mine).rename(place_columns).select(where),
        ]
    )
    return _of_wrong_type(given, leaves, units)


def appraisal_wrong_unit_findings(
    cells: pl.DataFrame, decisions: pl.DataFrame, leaves: Sequence[Leaf], units: pl.DataFrame
) -> pl.DataFrame:
    """:func:`_wrong_type_findings` of an appraisal: a warning at each corrected input (``cells``,
    the appraisal's checked cells) and each decision on an explanation (``decisions``, where no
    score was given: a score is told by scoring, appraisal-on-excluded-item) of an item that does
    not apply to the unit's type. Until session 32 such a correction was "applied", exit 0, with
    not a word: the rules leave the item out of the unit's maximum whatever the council wrote."""
    given = appraisal_given(cells, decisions)
    return _of_wrong_type(given, leaves, units)


def appraisal_given(cells: pl.DataFrame, decisions: pl.DataFrame) -> pl.DataFrame:
    """Each corrected input of an appraisal (``cells``, its checked cells; not its N/A marks) and
    each decision on an explanation where no score was given (``decisions``), at its place:
    COMMUNE, CRITERION, FILE, SHEET, ROW, COLUMN."""
    where = [COMMUNE, CRITERION, FILE, SHEET, ROW, COLUMN]
    decided = decisions.filter(pl.col("evidence_accepted").is_not_null() & pl.col("score_override").is_null())
    return pl.concat(
        [
            cells.filter(pl.col(FIELD) != "n/a").select(where).cast({FILE: pl.String}),
            decided.select(
                COMMUNE,
                CRITERION,
                pl.col("_decided_file").alias(FILE),
                pl.col("_decided_sheet").alias(SHEET),
                pl.col("_decided_row").alias(ROW),
                pl.lit("evidence_accepted").alias(COLUMN),
            ),
        ],
        how="vertical_relaxed",
    )


def appraisal_on_marked_findings(
    excluded: pl.DataFrame, appraisal: Appraisal, leaves: Sequence[Leaf], units: pl.DataFrame
) -> pl.DataFrame:
    """A warning at each corrected input and decision of ``appraisal`` (:func:`appraisal_given`)
    on an item left out by an N/A mark (``excluded``: its COMMUNE and CRITERION) that the council
    did not clear; not where the item does not apply to the unit's type (``units``: code,
    unit_type), told at intake (:func:`appraisal_wrong_unit_findings`). Until session 33 such a
    row was "applied", exit 0, with not a word: commune 00049 marked 8.4.2 N/A, the council wrote
    its level «Nông thôn mới» (0.25 of 0.5), and the item stayed out of the unit's maximum. A
    council's score there is told by scoring (appraisal-on-excluded-item)."""
    if excluded.height == 0 or (appraisal.cells.height == 0 and appraisal.decisions.height == 0):
        return empty_findings()
    given = appraisal_given(appraisal.cells, appraisal.decisions).join(
        excluded.select(COMMUNE, CRITERION).unique(), on=[COMMUNE, CRITERION], how="semi"
    )
    where = [COMMUNE, CRITERION, FILE, SHEET, ROW, COLUMN]
    given = given.join(_wrong_type(given, leaves, units).select(where), on=where, how="anti", nulls_equal=True)
    given = given.sort(FILE, SHEET, ROW, COLUMN, nulls_last=True)
    message = format_text(
        "the council's correction was not used: item {} of unit {} is marked not applicable (left out of its maximum)",
        pl.col(CRITERION),
        pl.col(COMMUNE),
    )
    hint = (
        "to score the item, clear its N/A mark in the appraisal too (a row with input n/a and value không);"
        " if it does not apply, delete this row"
    )
    params = cell_params(commune=pl.col(COMMUNE), criterion=pl.col(CRITERION))
    return cell_findings(given, "warning", "appraisal-on-marked-item", message, hint, params)


def _wrong_type(given: pl.DataFrame, leaves: Sequence[Leaf], units: pl.DataFrame) -> pl.DataFrame:
    """The rows of ``given`` (COMMUNE, CRITERION, ...) whose item does not apply to their unit's
    type (``units``: code, unit_type), with the type as ``_type``."""
    limited = {leaf.id: leaf.applies_to for leaf in leaves if leaf.applies_to is not None}
    if not limited:
        return given.clear().with_columns(pl.lit(None, dtype=pl.String).alias("_type"))
    pairs = [{CRITERION: item, "_type": kind.value} for item, kinds in limited.items() for kind in kinds]
    allowed = pl.DataFrame(pairs, schema={CRITERION: pl.String, "_type": pl.String})
    typed = units.select(pl.col("code").alias(COMMUNE), pl.col("unit_type").alias("_type")).drop_nulls()
    return (
        given.filter(pl.col(CRITERION).is_in(list(limited)))
        .join(typed, on=COMMUNE)
        .join(allowed, on=[CRITERION, "_type"], how="anti")
    )


def _of_wrong_type(given: pl.DataFrame, leaves: Sequence[Leaf], units: pl.DataFrame) -> pl.DataFrame:
    """The not-applicable-to-unit warnings of the values ``given`` (COMMUNE, CRITERION and their
    place) whose item does not apply to their unit's type (``units``: code, unit_type)."""
    limited = {leaf.id: leaf.applies_to for leaf in leaves if leaf.applies_to is not None}
    wrong = _wrong_type(given, leaves, units).sort(FILE, SHEET, ROW, COLUMN, nulls_last=True)
    if wrong.height == 0:
        return empty_findings()
    only = {item: ", ".join(_UNIT_WORDS[t][1] for t in UnitType if t in kinds) for item, kinds in limited.items()}
    message = format_text(
        "unit {} is a {}; item {} applies only to {}, so this value was not scored",
        pl.col(COMMUNE),
        pl.col("_type").replace_strict({t.value: words[0] for t, words in _UNIT_WORDS.items()}),
        pl.col(CRITERION),
        pl.col(CRITERION).replace_strict(only, default=None),
    )
    hint = "leave it empty (the template locks these rows), or correct the unit's type in the register"
    codes = {item: ",".join(t.value for t in UnitType if t in kinds) for item, kinds in limited.items()}
    params = cell_params(
        commune=pl.col(COMMUNE),
        criterion=pl.col(CRITERION),
        unit_type=pl.col("_type"),
        unit_types=pl.col(CRITERION).replace_strict(codes, default=None),
    )
    return cell_findings(wrong, "warning", "not-applicable-to-unit", message, hint, params)


#: Where each kind of cell keeps its value, in the order the kinds claim a column: a column is
#: filled from the first of these with a cell for it (as when each was pivoted and joined in this
#: order, a later one's column dropped as a duplicate name). The last: the rest below one unit of
#: a numeric input, in columns of its own (compiling.rest_column).
_VALUES = (
    ("_units", ("number", "count", "percent")),
    ("flag", ("boolean", "meta:n/a")),
    ("day", ("date",)),
    ("text", ("status", "level")),
    ("_rest", ()),
)
_NONE = len(_VALUES)  # no group: a cell that fills no column


def evaluation_frame(intake_cells: pl.DataFrame, leaves: Sequence[Leaf], communes: pl.DataFrame) -> pl.DataFrame:
    """The wide frame the compiled rules evaluate: one row per commune of ``communes``
    (columns code, unit_type), one typed column per input, N/A flags.

    Each cell's row (its commune's place) and column (its item and input's place in the schema)
    are small integers read through enums, and each column gathers its cells' values by index: a
    pivot and a join on text keys per kind of value cost twice as much. Of several cells for one
    commune and column, the first is taken, as the pivots' ``first`` did."""
    schema = frame_schema(leaves)
    base = communes.select(pl.col("code").alias(COMMUNE), pl.col("unit_type").alias(UNIT_TYPE))
    codes = base[COMMUNE]
    if codes.null_count() or codes.n_unique() != codes.len():
        return _pivoted_frame(intake_cells, schema, base)
    names = list(schema)
    ids = list(dict.fromkeys(leaf.id for leaf in leaves))
    fields = list(dict.fromkeys(["n/a", *(name for leaf in leaves for name in leaf.inputs)]))
    kinds = [kind for _, group in _VALUES for kind in group]
    exact = pl.col("num")
    rest = pl.when(pl.col("kind").is_in(_VALUES[0][1]) & (exact % REST_SCALE != 0)).then(exact % REST_SCALE)
    # meta:n/a fills a column only under the input "n/a" (the item's N/A flag).
    groups = [g for g, (_, group) in enumerate(_VALUES) for _ in group] + [_NONE]
    group = pl.lit(pl.Series(groups, dtype=pl.Int64)).gather(pl.col("kind"))
    meta_na = (pl.col("kind") == kinds.index("meta:n/a")) & (pl.col(FIELD) != 0)
    cells = (
        intake_cells.select(
            *(
                pl.col(column).cast(pl.Enum(values), strict=False).to_physical().cast(pl.Int64).fill_null(len(values))
                for column, values in ((COMMUNE, codes), (CRITERION, ids), (FIELD, fields), ("kind", kinds))
            ),
            (exact // REST_SCALE).cast(pl.Int64).alias("_units"),
            "flag",
            "day",
            "text",
            rest.cast(pl.Int64).alias("_rest"),
        )
        .with_columns(pl.when(meta_na).then(_NONE).otherwise(group).alias("kind"))
        .with_row_index("_cell")
    )
    n = base.height
    columns = _cell_columns(tuple(names), tuple(ids), tuple(fields))
    group_of, place = _places(cells, columns, len(fields) + 1, (len(names), n))
    filled = [c for c in range(2, len(names)) if c in group_of]
    frame = base.with_columns(
        *(pl.lit(cells[_VALUES[group_of[c]][0]]).gather(pl.lit(place).slice(c * n, n)).alias(names[c]) for c in filled),
        *(pl.lit(None, dtype=schema[names[c]]).alias(names[c]) for c in range(2, len(names)) if c not in group_of),
    )
    return frame.select(names).cast(schema)  # type: ignore[arg-type]


@lru_cache(maxsize=4)
def _cell_columns(names: tuple[str, ...], ids: tuple[str, ...], fields: tuple[str, ...]) -> tuple[pl.Series, pl.Series]:
    """Per item and field (at item x (len(fields) + 1) + field): the place in ``names`` of the
    column a cell fills (a field "n/a" is the item's N/A flag) and of its rest's column
    (compiling.rest_column); -1 for none, also for the item or field len(ids), len(fields) (not
    of the set). Made once per criteria set, not per batch (40 ms each, nationally: the same
    every time)."""
    at = {name: i for i, name in enumerate(names)}
    main: list[int] = []
    rests: list[int] = []
    for leaf_id in ids:
        for field in fields:
            column = f"{leaf_id}:{field}"
            main.append(at.get(na_column(leaf_id) if field == "n/a" else column, -1))
            rests.append(at.get(rest_column(column), -1))
        main.append(-1)
        rests.append(-1)
    main += [-1] * (len(fields) + 1)
    rests += [-1] * (len(fields) + 1)
    return pl.Series(main, dtype=pl.Int64), pl.Series(rests, dtype=pl.Int64)


def _places(
    cells: pl.DataFrame, columns: tuple[pl.Series, pl.Series], width: int, size: tuple[int, int]
) -> tuple[dict[int, int], pl.Series]:
    """Which group of _VALUES fills each column (by its place; absent: none) and, at column x
    rows + row (``size``: columns, rows), the index of the first cell of that group for that row
    and column (null: none). ``cells`` has the commune's row, the item, the field and the kind's
    group as integers (an item at item x ``width`` + field in ``columns``), _rest and _cell."""
    main, rests = columns
    at = pl.col(CRITERION) * width + pl.col(FIELD)
    row, cell = pl.col(COMMUNE).alias("_row"), pl.col("_cell")
    targets = pl.concat(
        [
            cells.select(pl.lit(main).gather(at).alias("_col"), pl.col("kind").alias("_group"), row, cell),
            cells.filter(pl.col("_rest").is_not_null()).select(
                pl.lit(rests).gather(at).alias("_col"), pl.lit(len(_VALUES) - 1, pl.Int64).alias("_group"), row, cell
            ),
        ]
    ).filter((pl.col("_col") >= 0) & (pl.col("_row") < size[1]) & (pl.col("_group") < _NONE))
    groups = targets.group_by("_col").agg(pl.col("_group").min().alias("_first"), pl.col("_group").max())
    if (groups["_first"] != groups["_group"]).any():  # a column with cells of several kinds
        targets = targets.filter(pl.col("_group") == pl.col("_group").min().over("_col"))
    flat = targets.select((pl.col("_col") * size[1] + pl.col("_row")).alias("_at"), cell)
    place = pl.repeat(None, size[0] * size[1], dtype=pl.Int64, eager=True).scatter(flat["_at"], flat["_cell"])
    if place.len() - place.null_count() != flat.height:  # several cells for one place: the first
        flat = flat.unique("_at", keep="first", maintain_order=True)
        place = pl.repeat(None, size[0] * size[1], dtype=pl.Int64, eager=True).scatter(flat["_at"], flat["_cell"])
    return dict(zip(groups["_col"].to_list(), groups["_first"].to_list(), strict=True)), place


def _pivoted_frame(intake_cells: pl.DataFrame, schema: dict[str, pl.DataType], base: pl.DataFrame) -> pl.DataFrame:
    """:func:`evaluation_frame` by a pivot per kind of value, joined on the commune code: for a
    register whose codes are not unique (it reports them), where the codes cannot be an enum."""
    inputs = intake_cells.filter(~pl.col("kind").str.starts_with("meta:") | (pl.col(FIELD) == "n/a"))
    inputs = inputs.with_columns(
        (pl.col(CRITERION) + ":" + pl.col(FIELD)).alias("_key"),
    )
    frame = base
    # An exact number (Int128 counts of 1/10**14) as its units of 1/10,000 and the rest below one
    # unit (compiling.rest_column). Only non-zero rests are spread: most inputs have none.
    exact = pl.col("num")
    inputs = inputs.with_columns((exact // REST_SCALE).cast(pl.Int64).alias("_units"))
    rests = inputs.filter(pl.col("kind").is_in(["number", "count", "percent"]) & (exact % REST_SCALE != 0))
    if rests.height:
        rests = rests.select(
            COMMUNE,
            (pl.col("_key") + ":" + REST_SUFFIX).alias("_key"),  # compiling.rest_column
            (exact % REST_SCALE).cast(pl.Int64).alias("_rest"),
        )
        frame = frame.join(
            rests.pivot(on="_key", index=COMMUNE, values="_rest", aggregate_function="first"), on=COMMUNE, how="left"
        )
    for value_col, kinds in (
        ("_units", ["number", "count", "percent"]),
        ("flag", ["boolean", "meta:n/a"]),
        ("day", ["date"]),
        ("text", ["status", "level"]),
    ):
        part = inputs.filter(pl.col("kind").is_in(kinds))
        if part.height == 0:
            continue
        part = part.with_columns(
            pl.when(pl.col(FIELD) == "n/a").then(pl.col(CRITERION) + ":n/a").otherwise(pl.col("_key")).alias("_key")
        )
        wide = part.pivot(on="_key", index=COMMUNE, values=value_col, aggregate_function="first")
        frame = frame.join(wide, on=COMMUNE, how="left")
    missing = {c: t for c, t in schema.items() if c not in frame.columns}
    frame = frame.with_columns(pl.lit(None, dtype=t).alias(c) for c, t in missing.items())
    return frame.select(list(schema)).cast(schema)  # type: ignore[arg-type]
