"""The checks of typed values: readable for their kind (a number, a date, an answer, a level),
within the kind's and the input's range, and the ways a value is written that read as another
one (a count with a percent sign, a percentage as a fraction of 1 or as a mark on a scale, a
count of thousands that looks like a decimal).
"""

from __future__ import annotations

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import NotApplicable
from pari_index.criteria.points import EXACT_SCALE
from pari_index.intake.cell_types import BOOLEAN_KINDS, DATE_KINDS, NUMERIC_KINDS
from pari_index.intake.findings import (
    cell_findings,
    cell_params,
    shown_text,
)
from pari_index.intake.model import LeafTable
from pari_index.intake.rejects import Check, cell_order
from pari_index.intake.schema import CRITERION, FIELD, VALUE
from pari_index.intake.sheet import FILE, SHEET
from pari_index.intake.values import (
    ANSWER_HINT,
    CODE_FORBIDDEN,
    DATE_YEAR_HINT,
    NUMBER_HINTS,
    answer_problems,
    date_problem_params,
    date_problems,
    number_problems,
)
from pari_index.messages.labels import PARAM_WORDS
from pari_index.textexpr import format_text


def _date_checks(notes: dict[str, str]) -> list[Check]:
    """The implausible-date check for date cells whose text is a key of ``notes`` (see
    values.date_problems), or none."""
    if not notes:
        return []
    noted = pl.col(VALUE).is_in(list(notes)) & pl.col("kind").is_in(DATE_KINDS) & pl.col("day").is_null()
    message = pl.col(VALUE).replace_strict(notes, default=None, return_dtype=pl.String)
    return [Check(noted, "implausible-date", message, DATE_YEAR_HINT, date_problem_params(pl.col(VALUE)))]


def _number_checks(notes: dict[str, tuple[str, str]]) -> list[Check]:
    """The number-too-precise and number-out-of-range checks for number cells whose text is a key
    of ``notes`` (see values.number_problems), or none."""
    checks = []
    for kind, hint in NUMBER_HINTS.items():
        texts = [text for text, (found, _) in notes.items() if found == kind]
        if texts:
            noted = pl.col(VALUE).is_in(texts) & pl.col("kind").is_in(NUMERIC_KINDS) & pl.col("num").is_null()
            message = pl.col(VALUE).replace_strict(
                {t: notes[t][1] for t in texts}, default=None, return_dtype=pl.String
            )
            checks.append(Check(noted, kind, message, hint, cell_params(value=pl.col(VALUE))))
    return checks


def _answer_checks(cells: pl.DataFrame) -> list[Check]:
    """The answer-with-words check for the yes/no cells of ``cells`` that were not read and whose
    text is an answer with a note after it (values.answer_problems), or none. Only the texts that
    did not parse are taken, as for dates and numbers."""
    unread = pl.col("kind").is_in(BOOLEAN_KINDS) & pl.col("flag").is_null()
    answers = cells.select(pl.col(VALUE).filter(unread))[VALUE]
    notes = answer_problems(answers) if answers.len() else {}
    if not notes:
        return []
    noted = pl.col(VALUE).is_in(list(notes)) & pl.col("kind").is_in(BOOLEAN_KINDS) & pl.col("flag").is_null()
    answer = pl.col(VALUE).replace_strict(notes, default=None, return_dtype=pl.String)
    message = format_text(
        "{} has words beside its answer {}; the cell was not used: write the answer alone", pl.col(VALUE), answer
    )
    return [Check(noted, "answer-with-words", message, ANSWER_HINT, cell_params(value=pl.col(VALUE), answer=answer))]


UNREADABLE_HINT = "correct the cell; Excel error values such as #N/A or #DIV/0! cannot be scored"
#: The hint of a timeliness answer that is none of the statuses (PARAM_WORDS["fix"]["status"]).
STATUS_HINT = PARAM_WORDS["fix"]["status"].en


EXPECTED_TEXT = {
    "number": "a number (decimal comma or dot)",
    "count": "a whole number",
    "percent": "a percentage from 0 to 100",
    "meta:self_score": "a number of points",
    "boolean": "yes/no",
    "meta:n/a": "yes/no",
    "date": "a date such as 10/01/2024",
    "meta:evidence_date": "a date such as 10/01/2024",
    "status": "on time / late / not done",
    "level": "one of the levels listed for this criterion",
}


#: A count written with one separator and three zeros ("2.000", "2,000"): read as a decimal it is
#: 2, and it is accepted as a whole number, but Excel exports a count of two thousand formatted
#: with thousands the same way. Neither reading is safe to take silently: the cell is scored as
#: read and named in a warning ("1.587" is refused as not whole, so only the zeros are unsure).
_THREE_ZEROS = r"^\s*\+?[1-9][0-9]{0,2}[.,]000\s*$"


def warn_three_zeros(cells: pl.DataFrame, findings: list[pl.DataFrame]) -> None:
    """A warning for each accepted count written like "2.000" (see _THREE_ZEROS)."""
    # The pattern is tried on the counts' texts alone first: most batches have none to warn of.
    count_texts = pl.col(VALUE).filter(pl.col("kind") == "count")
    if not cells.select(count_texts.str.contains(_THREE_ZEROS).any()).item():
        return
    unsure = cells.filter((pl.col("kind") == "count") & pl.col(VALUE).str.contains(_THREE_ZEROS))
    if unsure.height == 0:
        return
    read = pl.col(VALUE).str.strip_chars().str.strip_prefix("+").str.replace(r"[.,]000$", "")
    message = format_text(
        "{} is read as {} (the separator as a decimal point); if it means {} thousand, write it without the separator",
        pl.col(VALUE),
        read,
        read,
    )
    hint = "write counts without separators (2000); check the number in the source document"
    found = cell_findings(
        unsure, "warning", "count-three-zeros", message, hint, cell_params(value=pl.col(VALUE), read=read)
    )
    findings.append(cell_order(found, unsure, "count-three-zeros"))


#: A satisfaction rate at or below 1 is told as a likely fraction of 1 when at least this many of
#: the unit's other satisfaction rates in the sheet are written out of 100: above
#: FRACTION_AMONG_ABOVE, with a % sign or without.
FRACTION_AMONG_AT_LEAST = 1
FRACTION_AMONG_ABOVE = 10


def warn_survey_fraction(cells: pl.DataFrame, table: LeafTable, findings: list[pl.DataFrame]) -> None:
    """A warning for each accepted satisfaction rate at or below 1 beside one of the unit's others
    written out of 100 in the sheet (0,91 beside 95, 98 and 100, or 92,6%: a cell copied from a
    sheet of ratios, or typed so). It is scored as written, 0,91 % satisfied, and :func:`_percent_as_fraction` says
    nothing, as some of the unit's rates are above 1: a survey file with every other cell written
    so cut 36 units' survey points from 34,6 to 20,67 with exit 0 and no word (session 31). A
    warning, not a refusal: such a rate may be true (the synthetic national survey has 30), and
    a sweep of session 20 kept it on purpose; now it is never silent. Only the survey's items,
    which measure one thing on one scale (a unit's own rates may truly be 0,5 % beside 98 %);
    per unit and sheet, as the checks; a value written with ``%`` is a percentage as written.
    Since session 40 also a rate above 1 and below SURVEY_FAR_BELOW beside one of the unit's
    rates of SURVEY_FAR_BELOW_AMONG or more (:func:`_warn_rates_far_below`)."""
    num = pl.col("num")
    survey = pl.col(CRITERION).is_in(table.survey_items)
    bare = _bare_percent(survey)
    unsure = _small_beside_out_of_100(cells, survey, bare & (num > 0) & (num <= EXACT_SCALE), FRACTION_AMONG_ABOVE)
    if unsure.height > 0:
        message = format_text(
            "{} is scored as {} % satisfied, but this unit's other satisfaction rates in the sheet are written out"
            " of 100: a fraction of 1 (1 for 100 %)?",
            pl.col(VALUE),
            pl.col(VALUE),
        )
        hint = "write the rate out of 100 (0,91 is 91); write it with a % sign (0,91 %) when it truly is this low"
        kind = "percent-fraction-among-percentages"
        found = cell_findings(unsure, "warning", kind, message, hint, cell_params(value=pl.col(VALUE)))
        findings.append(cell_order(found, unsure, kind))
    _warn_rates_far_below(cells, survey, bare, findings)


#: A satisfaction rate above 1 and below this (without a % sign) beside one of the unit's rates in
#: the sheet of SURVEY_FAR_BELOW_AMONG or more is told (survey-rate-far-below).
SURVEY_FAR_BELOW = 10
SURVEY_FAR_BELOW_AMONG = 50


def _warn_rates_far_below(cells: pl.DataFrame, survey: pl.Expr, bare: pl.Expr, findings: list[pl.DataFrame]) -> None:
    """A warning for each satisfaction rate above 1 and below SURVEY_FAR_BELOW written without
    ``%`` beside one of the unit's rates of SURVEY_FAR_BELOW_AMONG or more in the sheet: «1,5»
    among a unit's 87, 92 and 100 (a digit lost in typing, a mark of a scale pasted in) was scored
    as 1,5 % satisfied, the item's points nearly all lost, with no word until session 40 (note39:
    no reading of it an official would agree on, 15? 91,5?, so it is told, not changed). Written
    with ``%`` («1,5 %»), it is a rate as low as written, and not told."""
    num = pl.col("num")
    small = bare & (num > EXACT_SCALE) & (num < SURVEY_FAR_BELOW * EXACT_SCALE)
    unsure = _small_beside_out_of_100(cells, survey, small, SURVEY_FAR_BELOW_AMONG, at_or_above=True)
    if unsure.height == 0:
        return
    message = format_text(
        "{} is scored as {} % satisfied, far below this unit's other satisfaction rates in the sheet"
        " (one of {} % or more): a typing slip?",
        pl.col(VALUE),
        pl.col(VALUE),
        pl.lit(str(SURVEY_FAR_BELOW_AMONG)),
    )
    hint = "check the rate against the survey's report; write it with a % sign (1,5 %) when it truly is this low"
    kind = "survey-rate-far-below"
    params = cell_params(value=pl.col(VALUE), among=pl.lit(SURVEY_FAR_BELOW_AMONG))
    found = cell_findings(unsure, "warning", kind, message, hint, params)
    findings.append(cell_order(found, unsure, kind))


def _small_beside_out_of_100(
    cells: pl.DataFrame, survey: pl.Expr, small: pl.Expr, above: int, at_or_above: bool = False
) -> pl.DataFrame:
    """The ``small`` cells of units with one survey percentage or more in the same sheet above
    ``above`` (at or above it with ``at_or_above``), written with ``%`` or without."""
    small_cells = cells.filter(small)
    if small_cells.height == 0:
        return small_cells
    # Rates written «92,6%» count: the clearest sign that the unit writes them out of 100 (a
    # reviewer's find: 0,9 beside four such rates was silent). Counted per unit by a group-by of
    # those rates and joined to the few small ones (a window over every cell: 0.021 against 0.015
    # CPU s a national batch).
    num = pl.col("num")
    rate = (pl.col("kind") == "percent") & survey & num.is_not_null()
    big = num >= above * EXACT_SCALE if at_or_above else num > above * EXACT_SCALE
    unit = [FILE, SHEET, COMMUNE]
    out_of_100 = (
        cells.lazy()
        .filter(rate & big)
        .group_by(unit)
        .len()
        .filter(pl.col("len") >= FRACTION_AMONG_AT_LEAST)
        .select(unit)
        .collect()
    )
    return small_cells.join(out_of_100, on=unit, how="semi", nulls_equal=True, maintain_order="left")


def _level_check(condition: pl.Expr, table: LeafTable) -> Check:
    """bad-value of a choice's cell that names none of its levels: the hint lists the levels it
    may name (LeafTable.level_lists, a few of them and how many there are), not the generic hint
    about Excel's error values."""
    key = pl.col(CRITERION) + ":" + pl.col(FIELD)
    lists = table.level_lists
    levels = key.replace_strict({k: text for k, (text, _) in lists.items()}, default="", return_dtype=pl.String)
    levels_en = key.replace_strict(table.level_lists_en, default="", return_dtype=pl.String)
    count = key.replace_strict({k: n for k, (_, n) in lists.items()}, default=0, return_dtype=pl.Int64)
    return Check(
        condition,
        "bad-value",
        format_text("{} is not {}", pl.col(VALUE), pl.lit(EXPECTED_TEXT["level"])),
        format_text("write one of the item's {} levels (a label or a value): {}", count.cast(pl.String), levels_en),
        cell_params(
            value=pl.col(VALUE),
            expected=pl.lit("level"),
            fix=pl.lit("level"),
            count=count,
            levels=levels,
            levels_en=levels_en,
        ),
    )


#: The hint of a value unreadable for an invisible character it holds ({} the characters).
INVISIBLE_HINT = PARAM_WORDS["fix"]["invisible"].en.replace("{chars}", "{}")


def _invisible_chars() -> pl.Expr:
    """The invisible characters (values.CODE_FORBIDDEN: a zero-width space, a word joiner, a bidi
    mark) a cell's text holds, each as <U+XXXX>; null for a text with none."""
    found = pl.col(VALUE).str.extract_all(CODE_FORBIDDEN).list.unique(maintain_order=True).list.join("")
    return pl.when(found != "").then(shown_text(found))


def _unreadable_hint(kind: pl.Expr) -> pl.Expr:
    """bad-value's hint: a text unreadable for an invisible character names it (session 31: the
    general hint about Excel's error values left «3<U+200B>4» a puzzle), a timeliness answer's
    says what to write, the others' is the general one."""
    chars = _invisible_chars()
    return (
        pl.when(chars.is_not_null())
        .then(format_text(INVISIBLE_HINT, chars))
        .when(kind == "status")
        .then(pl.lit(STATUS_HINT))
        .otherwise(pl.lit(UNREADABLE_HINT))
    )


def _unreadable_params(kind: pl.Expr) -> pl.Expr:
    """The parameters of bad-value of a cell its kind cannot read: a text holding an invisible
    character names it (the fix ``invisible``), a timeliness answer's hint says what to write (the
    fix ``status``: «hoàn thành» says it was done, not when); the others' is the general one (no fix)."""
    general = cell_params(value=pl.col(VALUE), expected=kind)
    chars = _invisible_chars()
    return (
        pl.when(chars.is_not_null())
        .then(cell_params(value=pl.col(VALUE), expected=kind, fix=pl.lit("invisible"), chars=chars))
        .when(kind == "status")
        .then(cell_params(value=pl.col(VALUE), expected=kind, fix=pl.lit("status")))
        .otherwise(general)
    )


def value_checks(cells: pl.DataFrame, table: LeafTable) -> list[Check]:
    """The checks on typed values: readable for their kind, within the kind's and the input's
    bounds, and "not applicable" only where the item allows it. ``cells`` are typed already
    (``num``, ``flag``, ``day``, ``text``): the date and number notes are taken from them."""
    kind = pl.col("kind")
    num = pl.col("num")
    unreadable = (
        (kind.is_in(NUMERIC_KINDS) & num.is_null())
        | (kind.is_in(BOOLEAN_KINDS) & pl.col("flag").is_null())
        | (kind.is_in(DATE_KINDS) & pl.col("day").is_null())
        | (kind.is_in(["status", "level"]) & pl.col("text").is_null())
    )
    not_allowed = [leaf.id for leaf in table.leaves if leaf.not_applicable is NotApplicable.not_allowed]
    # A date refused for its year (15/12/25, 01/01/0000) or size gets its own finding and hint.
    # Only the texts that did not parse are taken (not a copy of those cells), and a clean batch
    # (none) asks nothing: the notes' own passes cost about 20 ms a batch even on no text.
    dates = cells.select(pl.col(VALUE).filter(kind.is_in(DATE_KINDS) & pl.col("day").is_null()))[VALUE]
    numbers = cells.select(pl.col(VALUE).filter(kind.is_in(NUMERIC_KINDS) & num.is_null()))[VALUE]
    date_notes = date_problems(dates) if dates.len() else {}
    number_notes = number_problems(numbers) if numbers.len() else {}
    return [
        *_date_checks(date_notes),
        *_number_checks(number_notes),
        *_answer_checks(cells),
        Check(
            unreadable & (kind != "level"),
            "bad-value",
            format_text("{} is not {}", pl.col(VALUE), kind.replace_strict(EXPECTED_TEXT, default="valid")),
            _unreadable_hint(kind),
            _unreadable_params(kind),
        ),
        _level_check(unreadable & (kind == "level"), table),
        *_percent_in_count(cells),
        *_range_checks(cells, table),
        Check(
            (pl.col(FIELD) == "n/a") & pl.col("flag") & pl.col(CRITERION).is_in(not_allowed),
            "na-not-allowed",
            format_text("criterion {} cannot be marked not applicable", pl.col(CRITERION)),
            "score it, or give an explanation for the appraisal council",
            cell_params(criterion=pl.col(CRITERION)),
        ),
    ]


def _range_checks(cells: pl.DataFrame, table: LeafTable) -> list[Check]:
    """The checks of a number's range: its kind's (no negative amount, no percentage above 100
    nor percentages written as fractions of 1, a whole count) and its input's declared bounds,
    joined onto each cell with its kind (``_min``, ``_max``: see LeafTable.fields)."""
    kind = pl.col("kind")
    num = pl.col("num")
    input_key = pl.col(CRITERION) + ":" + pl.col(FIELD)
    return [
        Check(
            kind.is_in(["number", "count", "percent"]) & (num < 0),
            "negative-value",
            format_text("{} is negative; counts and amounts cannot be below 0", pl.col(VALUE)),
            "correct the cell",
            cell_params(value=pl.col(VALUE)),
        ),
        Check(
            (kind == "percent") & (num > 100 * EXACT_SCALE),
            "percent-above-100",
            format_text("{} % is above 100 %", _without_percent_sign(pl.col(VALUE))),
            "a percentage lies between 0 and 100",
            cell_params(value=_without_percent_sign(pl.col(VALUE))),
        ),
        *_percent_as_fraction(cells),
        *_percent_on_a_scale(cells, table),
        Check(
            (kind == "count") & (num % EXACT_SCALE != 0),
            "not-whole",
            format_text("{} is not a whole number", pl.col(VALUE)),
            _not_whole_hint(),
            cell_params(
                value=pl.col(VALUE),
                count_hint=pl.when(_grouped().is_not_null()).then(pl.lit("grouped")).otherwise(pl.lit("")),
                digits=_grouped(),
            ),
        ),
        Check(
            num < pl.col("_min"),
            "below-minimum",
            format_text(
                "{} is below the minimum {}", pl.col(VALUE), input_key.replace_strict(table.min_texts, default="")
            ),
            "correct the cell",
            cell_params(value=pl.col(VALUE), limit=input_key.replace_strict(table.min_texts, default="")),
        ),
        Check(
            num > pl.col("_max"),
            "above-maximum",
            format_text(
                "{} is above the maximum {}", pl.col(VALUE), input_key.replace_strict(table.max_texts, default="")
            ),
            "correct the cell",
            cell_params(value=pl.col(VALUE), limit=input_key.replace_strict(table.max_texts, default="")),
        ),
    ]


#: A count written with one thousands separator, which reads as a decimal (``1.587``, ``1,587``):
#: an export of Excel set to show thousands, or a number copied from a report. It is refused as not
#: whole (1.587 may be a slip for 1,5 as well as 1587), and the hint says how to write it.
_GROUPED = r"^\s*\+?([1-9][0-9]{0,2})[.,]([0-9]{3})\s*$"


def _grouped() -> pl.Expr:
    """The digits of a count written with one thousands separator (_GROUPED), else null."""
    parts = pl.col(VALUE).str.extract_groups(_GROUPED)
    return parts.struct.field("1") + parts.struct.field("2")


def _not_whole_hint() -> pl.Expr:
    """not-whole's hint: for a count written with a thousands separator, how to write it."""
    return (
        pl.when(_grouped().is_not_null())
        .then(
            format_text(
                "if {} is {} (a dot or comma separating thousands), write {} without the separator;"
                " a count is a whole number",
                pl.col(VALUE),
                _grouped(),
                _grouped(),
            )
        )
        .otherwise(pl.lit("a count is a whole number"))
    )


def _without_percent_sign(text: pl.Expr) -> pl.Expr:
    """A percentage's text without the ``%`` it was written with, for the message that writes
    its own (``150 %``, not ``150% %``)."""
    return text.str.strip_chars_end().str.strip_suffix("%").str.strip_chars_end()


def _percent_in_count(cells: pl.DataFrame) -> list[Check]:
    """A count written with a percent sign (``95 %``) is a rate typed where its count belongs:
    numbers are read without a final ``%`` (a percentage input's ``92,18 %``), and ``95 %`` of
    tasks done was read as 95 tasks, its rate computed against the tasks planned. The cell is not
    used. Percentage and number inputs keep reading it (a number input may be a percentage that
    exceeds 100: revenue against the estimate). Asked only when a count's text holds a ``%``."""
    count_texts = pl.col(VALUE).filter(pl.col("kind") == "count")
    if not cells.select(count_texts.str.contains("%", literal=True).any()).item():
        return []
    return [
        Check(
            (pl.col("kind") == "count") & pl.col("num").is_not_null() & pl.col(VALUE).str.contains("%", literal=True),
            "percent-in-count",
            format_text(
                "{} is a percentage, but the input is a count (how many); the cell was not used", pl.col(VALUE)
            ),
            "write the count itself (how many tasks, files or times); a rate is computed from its two counts",
            cell_params(value=pl.col(VALUE)),
        )
    ]


#: A unit's percentages in one sheet are taken for fractions of 1 when there are at least this
#: many, none is above 1 and one at least lies strictly between 0 and 1 (:func:`_percent_as_fraction`).
PERCENTAGES_AT_LEAST = 3


def _bare_percent(among: pl.Expr) -> pl.Expr:
    """A percentage cell ``among`` those asked, read as a number and written without ``%`` (a
    value written with it is a percentage as written)."""
    written_with_sign = pl.col(VALUE).str.contains("%", literal=True)
    return (pl.col("kind") == "percent") & among & pl.col("num").is_not_null() & ~written_with_sign


def _unit_percentages_within(cells: pl.DataFrame, bare: pl.Expr, top: int, telling: pl.Expr) -> pl.Expr | None:
    """Where a unit's ``bare`` percentages in one sheet are :data:`PERCENTAGES_AT_LEAST` or more,
    none is above ``top`` (in exact units) and one at least is ``telling``: percentages written
    on another scale. Per unit and sheet, so a batch (which holds all of a unit's cells) finds
    what the whole intake finds. None, and no window asked of the cells, when no unit is such."""
    unit = [FILE, SHEET, COMMUNE]
    # Whether any unit is such is first asked in one query of the bare percentages alone (a
    # third of a batch's cells, and no unit such in a clean batch): the windows below over every
    # cell cost about 0.1 CPU s a national batch, and all their answers were false.
    flagged = (
        cells.lazy()
        .filter(bare)
        .select(*unit, "num", telling.alias("_telling"))
        .group_by(unit)
        .agg(
            ((pl.len() >= PERCENTAGES_AT_LEAST) & pl.col("_telling").any() & ~(pl.col("num") > top).any()).alias(
                "_flagged"
            )
        )
        .select(pl.col("_flagged").any())
        .collect()
        .item()
    )
    if not flagged:
        return None
    within = ~(bare & (pl.col("num") > top)).any().over(unit)
    return (bare.sum().over(unit) >= PERCENTAGES_AT_LEAST) & telling.any().over(unit) & within


def _percent_as_fraction(cells: pl.DataFrame) -> list[Check]:
    """Percentages written as fractions of 1 (0,925 for 92,5 %: a survey tool's ratios, or a
    column computed as a share): each was scored as under 1 %, a unit's whole survey part lost
    without a word. One rate below 1 % can be true (0,5 % of files late); three or more of a
    unit's rates in one sheet, none above 1 and one of them a fraction (1, 1, 0,96 …), are not,
    so every percentage of that unit and sheet is then refused. Per unit and sheet: a batch
    holds all of a unit's cells, so the batches find what the whole intake finds. A value
    written with ``%`` is a percentage as written and is not counted. Asked only when some
    percentage lies between 0 and 1."""
    num = pl.col("num")
    bare = _bare_percent(pl.lit(True))
    looks = _unit_percentages_within(cells, bare, EXACT_SCALE, bare & (num > 0) & (num < EXACT_SCALE))
    if looks is None:
        return []
    return [
        Check(
            bare & (num <= EXACT_SCALE) & looks,
            "percent-as-fraction",
            format_text(
                "{} looks like a fraction of 1 (1 for 100 %), as all this unit's percentages in the sheet do"
                " (none is above 1); the cell was not used",
                pl.col(VALUE),
            ),
            "write percentages out of 100 (0,925 is 92,5), or with a % sign",
            cell_params(value=pl.col(VALUE)),
        )
    ]


#: A unit's survey percentages in one sheet are taken for marks on a scale (1 to 5, 0 to 10) when
#: there are at least PERCENTAGES_AT_LEAST of them, none is above this and one at least is above 1.
SCALE_TOP = 10


def _percent_on_a_scale(cells: pl.DataFrame, table: LeafTable) -> list[Check]:
    """Survey percentages written as marks on a scale (4,2 of 5, or 8,5 of 10, for 84 % or 85 %
    satisfied: a survey tool's mean score): each was scored as a rate of a few percent, a unit's
    whole survey part lost without a word. Three or more of a unit's satisfaction rates in one
    sheet, none above 10 and one of them above 1, are no rates, so every survey percentage of
    that unit and sheet is then refused. Only the survey's items are looked at: a unit's own
    rates (files online, data digitised) may all truly be a few percent, and are no marks. The
    fractions of 1 are :func:`_percent_as_fraction`'s (none above 1). Per unit and sheet, as that
    check; a value written with ``%`` is a percentage as written and is not counted. Asked only
    when some survey percentage lies above 1 and at most 10."""
    num = pl.col("num")
    bare = _bare_percent(pl.col(CRITERION).is_in(table.survey_items))
    top = SCALE_TOP * EXACT_SCALE
    looks = _unit_percentages_within(cells, bare, top, bare & (num > EXACT_SCALE) & (num <= top))
    if looks is None:
        return []
    return [
        Check(
            bare & looks,
            "percent-on-a-scale",
            format_text(
                "{} looks like a mark on a scale (1 to 5, 0 to 10), as all this unit's percentages in the sheet do"
                " (none is above 10); the cell was not used",
                pl.col(VALUE),
            ),
            "write percentages out of 100 (the share satisfied, not the mean mark), or with a % sign when one"
            " truly is this low",
            cell_params(value=pl.col(VALUE)),
        )
    ]
