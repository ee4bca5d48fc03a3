"""Where a cell belongs: a commune of the register, a scored item of the set, one of the item's
inputs, and the part of the index that gives it (a survey item's value belongs to the survey
files, not to a commune's own file). Codes and ids damaged on the way (a control or invisible
character, a code Excel turned into a date or into scientific notation, a missing code) are
told at their cell.
"""

from __future__ import annotations

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.intake.findings import (
    cell_params,
    row_values_params,
    row_values_text,
    shown_text,
)
from pari_index.intake.model import LeafTable
from pari_index.intake.near_inputs import near_english, near_inputs, near_param
from pari_index.intake.nearest import Near
from pari_index.intake.rejects import Check
from pari_index.intake.schema import CRITERION, FIELD, META_COLUMNS
from pari_index.intake.sheet import FILE
from pari_index.intake.values import (
    CODE_AS_DATE,
    CODE_AS_SCIENTIFIC_HINT,
    CODE_FORBIDDEN,
    scientific_lost,
    shown_expr,
)
from pari_index.messages.labels import PARAM_WORDS
from pari_index.textexpr import format_text


def _distinct_codes(cells: pl.DataFrame) -> dict[str, pl.Series]:
    """The distinct commune codes, criterion ids and input names of ``cells``, found once for the
    checks of their texts (control characters, dates, scientific notation): each check found its
    own before, the commune codes and the criterion ids twice."""
    return {
        column: cells.select(pl.col(column).unique().drop_nulls())[column] for column in (COMMUNE, CRITERION, FIELD)
    }


def _control_character_checks(distinct: dict[str, pl.Series]) -> list[Check]:
    """A commune code, criterion id or input name holding a control, bidi or invisible character
    (values.CODE_FORBIDDEN): it would match nothing as typed, or reverse the text around it. The
    distinct texts of each column are searched (a national file has millions of cells but some
    thousand codes); no check at all when none is found."""
    where = [COMMUNE, CRITERION, FIELD]
    found = {
        column: distinct[column].filter(distinct[column].str.contains(CODE_FORBIDDEN)).to_list() for column in where
    }
    if not any(found.values()):
        return []
    bad = [pl.col(c).is_in(found[c]) for c in where]
    which = pl.coalesce(pl.when(b).then(pl.lit(c)) for b, c in zip(bad, where, strict=True))
    text = pl.coalesce(pl.when(b).then(pl.col(c)) for b, c in zip(bad, where, strict=True))
    check = Check(
        pl.any_horizontal(bad).fill_null(False),
        "control-character",
        format_text(
            "{} {} holds a control, bidi or invisible character (shown as <U+…>)",
            which.replace_strict({COMMUNE: "commune code", CRITERION: "criterion id", FIELD: "input"}),
            shown_expr(text),
        ),
        "retype the code; codes, criterion ids and input names are plain text",
        cell_params(
            what=which,
            text=shown_expr(text),
        ),
        # The column the character is in (the code's, the criterion id's or the input's), never
        # the value's: a wide sheet's criterion and input are its headings, which name no item
        # with such a character, so these cells come from the sheet's own columns.
        column=which.replace_strict({COMMUNE: COMMUNE, CRITERION: CRITERION, FIELD: "input"}),
    )
    return [check]


def _code_as_date_checks(distinct: dict[str, pl.Series]) -> list[Check]:
    """A commune code or criterion id that reads as a date (values.CODE_AS_DATE): typed into a
    column Excel formatted as dates, which keeps the day and not the code. Said as such, at the
    code's column, rather than as an unknown commune "1900-01-01 00:00:00": a commune's row once
    (its every cell carries the code), a criterion id at each cell. The distinct texts are
    searched; no check when none is found."""
    found = {
        column: distinct[column].filter(distinct[column].str.contains(CODE_AS_DATE)) for column in (COMMUNE, CRITERION)
    }
    hint = (
        "format the column as Text in Excel (Format Cells, Text) and type the codes again: the date no longer says"
        " which code was typed"
    )
    checks = []
    if found[COMMUNE].len():
        checks.append(
            Check(
                pl.col(COMMUNE).is_in(found[COMMUNE].implode()),
                "code-as-date",
                format_text(_CODE_AS_DATE_EN, pl.lit("commune code"), shown_expr(pl.col(COMMUNE)), row_values_text()),
                hint,
                row_values_params(what=pl.lit(COMMUNE), text=shown_expr(pl.col(COMMUNE))),
                per_row=True,
                column=pl.lit(COMMUNE),
            )
        )
    if found[CRITERION].len():
        checks.append(
            Check(
                pl.col(CRITERION).is_in(found[CRITERION].implode()),
                "code-as-date",
                format_text(_CODE_AS_DATE_EN, pl.lit("criterion id"), shown_expr(pl.col(CRITERION)), pl.lit("")),
                hint,
                cell_params(what=pl.lit(CRITERION), text=shown_expr(pl.col(CRITERION))),
                column=pl.lit(CRITERION),
            )
        )
    return checks


def _code_as_scientific_checks(distinct: dict[str, pl.Series]) -> list[Check]:
    """A commune code in scientific notation whose digits were rounded away (values.scientific_lost:
    ``1.23457E+11``, as Excel shows a long code of a column of numbers and saves it to a CSV):
    refused, with or without a register, a row once, at the code's column. It is never matched to
    a commune (a register saved the same way shows the same text for several codes), nor taken
    for a commune of its own (two communes would share it). One that shows every digit
    (``1.00E+00``) is an unknown commune, told the register's code equal to it (intake.nearest,
    ``scientific``). The distinct codes are searched; no check when none is found."""
    codes = distinct[COMMUNE].to_frame()
    found = codes.filter(pl.col(COMMUNE).str.contains("[eE]")).filter(scientific_lost(pl.col(COMMUNE)))
    if found.height == 0:
        return []
    return [
        Check(
            pl.col(COMMUNE).is_in(found[COMMUNE].implode()),
            "code-as-scientific",
            format_text(_CODE_AS_SCIENTIFIC_EN, pl.lit("commune code"), shown_expr(pl.col(COMMUNE)), row_values_text()),
            CODE_AS_SCIENTIFIC_HINT,
            row_values_params(what=pl.lit(COMMUNE), text=shown_expr(pl.col(COMMUNE))),
            per_row=True,
            column=pl.lit(COMMUNE),
        )
    ]


_CODE_AS_SCIENTIFIC_EN = (
    "{} {} is in scientific notation (Excel rounds a long code in a number column): the code typed is lost{}"
)


_CODE_AS_DATE_EN = (
    "{} {} is a date: the column is formatted as a date in Excel, which turns a code typed into it into a date"
    " (00001 into 01/01/1900){}"
)


#: The English words of a meta field given in a survey file (messages.labels: survey_field).
_SURVEY_FIELD_EN = {field: words.en for field, words in PARAM_WORDS["survey_field"].items() if field}


def _not_survey_item(table: LeafTable) -> list[Check]:
    """A value of a survey file (``table.survey_files``) for an item the set does not score by the
    survey: the survey gives its part to the survey items only. It met the commune's own value of
    the item as conflicting-values (neither used), or was counted as the commune's when it had none."""
    if not table.survey_files:
        return []
    items = table.survey_items
    listed = ", ".join(items) if items else "none"
    in_survey = pl.col(FILE).cast(pl.String).is_in(sorted(table.survey_files))
    return [
        Check(
            in_survey & ~pl.col(CRITERION).is_in(items),
            "not-survey-item",
            format_text(
                "criterion {} is not a survey item (the commune scores it in its self-assessment): a survey"
                " file gives values of the survey items only ({}); this value was not used",
                pl.col(CRITERION),
                pl.lit(listed),
            ),
            "correct the criterion id, or move the row to the self-assessment file",
            cell_params(criterion=pl.col(CRITERION), items=pl.lit(listed)),
        ),
        # A self-score, evidence or explanation of a survey item given in a survey file: its
        # points come from the survey's results alone (its meta rows are made cells for this:
        # meta.split_meta_rows). It was used as the commune's own, or met it as a repeat.
        Check(
            in_survey & pl.col(FIELD).is_in(list(META_COLUMNS)),
            "not-survey-field",
            format_text(
                "{} in a survey file: the survey item {} gets its points from the survey's results alone, never"
                " from a self-score or evidence; this value was not used",
                pl.col(FIELD).replace_strict(_SURVEY_FIELD_EN, default="a self-assessment field"),
                pl.col(CRITERION),
            ),
            "delete the column from the survey file; a commune's self-score and evidence go in its self-assessment",
            cell_params(survey_field=pl.col(FIELD), criterion=pl.col(CRITERION)),
        ),
    ]


def _survey_item_in_assessment(table: LeafTable, cells: pl.DataFrame, known_communes: pl.Series | None) -> list[Check]:
    """A survey item's value in a commune's own file, where the survey files give no usable value
    of that commune's item: the commune's own figure became its survey result (10.1.1 written
    100% by the commune: 4 points, exit 0, no word). A survey file's row refused by the checks
    before (an unknown input, a self-score only) gives nothing. Where the survey gives the item,
    the two meet as a repeat or a conflict, as before. Only where a commune's own file gives a
    survey item at all (most runs: none) is the window over communes and items worked out."""
    if not table.survey_files:
        return []
    in_survey = pl.col(FILE).cast(pl.String).is_in(sorted(table.survey_files))
    meta = pl.col(FIELD).is_in(list(META_COLUMNS)).fill_null(False)
    own_values = (~in_survey & pl.col(CRITERION).is_in(table.survey_items) & ~meta).fill_null(False)
    if not cells.select(own_values.any()).item():
        return []
    usable = in_survey & ~meta & pl.col("kind").is_not_null() & pl.col("_known_leaf").is_not_null()
    if known_communes is not None:
        usable &= pl.col(COMMUNE).is_in(known_communes.implode())
    return [
        Check(
            own_values & ~usable.fill_null(False).any().over(COMMUNE, CRITERION),
            "survey-item-in-assessment",
            format_text(
                "criterion {} is a survey item, and the survey files given with --survey have no result of it"
                " for commune {}: a survey result is never taken from the commune's own file; this value was"
                " not used",
                pl.col(CRITERION),
                pl.col(COMMUNE),
            ),
            "give the result in the survey file, or delete the row from the commune's file",
            cell_params(criterion=pl.col(CRITERION), commune=pl.col(COMMUNE)),
        )
    ]


def structure_checks(
    cells: pl.DataFrame,
    known_communes: pl.Series | None,
    table: LeafTable,
    register: pl.Series | None,
    unit_names: pl.DataFrame | None = None,
) -> list[Check]:
    """Where each cell belongs: a commune (in the register, when there is one), a scored item of
    the set (of the survey, for a survey file) and one of its inputs. ``cells`` carry the joined
    ``kind`` and ``_known_leaf``. An unknown commune code or item id names the known ones near it
    (intake.nearest), found for the distinct unknown ones only."""
    criterion = pl.col(CRITERION)
    unknown_items = cells.select(criterion.filter(pl.col("_known_leaf").is_null()).unique())[CRITERION]
    items = Near(unknown_items, table.default_input.get_column(CRITERION), items=True)
    distinct = _distinct_codes(cells)
    inputs = near_inputs(cells, table)
    structure = [
        *_control_character_checks(distinct),
        *_code_as_date_checks(distinct),
        *_code_as_scientific_checks(distinct),
        *_missing_code_checks(),
        Check(
            pl.col("_known_leaf").is_null(),
            "unknown-criterion",
            format_text(
                "criterion {} is not a scored item of this criteria set{}",
                shown_text(criterion),
                items.english(criterion),
            ),
            "check the id against the criteria set (pari template lists them); ids are text: 1.10 is not 1.1",
            items.params(criterion, cell_params, criterion=shown_text(criterion)),
        ),
        *_not_survey_item(table),
        Check(
            pl.col(FIELD).is_null(),
            "input-required",
            format_text("criterion {} has several inputs: say which one in the input column", pl.col(CRITERION)),
            "fill the input column (the template lists the input names)",
            cell_params(criterion=pl.col(CRITERION)),
        ),
        Check(
            pl.col("kind").is_null(),
            "unknown-input",
            format_text(
                "criterion {} has no input named {}{}",
                pl.col(CRITERION),
                shown_text(pl.col(FIELD)),
                near_english(inputs),
            ),
            "use the input names of the criteria set (pari template lists them)",
            cell_params(
                criterion=pl.col(CRITERION),
                input=shown_text(pl.col(FIELD)),
                input_near=near_param(inputs, "input_near"),
                near_input=near_param(inputs, "near_input"),
            ),
        ),
    ]
    if known_communes is not None:
        structure.append(_unknown_commune_check(cells, known_communes, register, unit_names))
    return [*structure, *_survey_item_in_assessment(table, cells, known_communes)]


def _missing_code_checks() -> list[Check]:
    """A row without its commune code, or without its criterion id."""
    # One a row, as unknown-commune (sixteenth sweep): a row of a long form without its code
    # (cells merged down a commune's block read as empty but the first) gave one finding for
    # each of its values, 11,798 for 3,381 rows.
    return [
        Check(
            pl.col(COMMUNE).is_null(),
            "missing-commune-code",
            format_text("the row has no commune code{}", row_values_text()),
            "fill in the commune code",
            row_values_params(),
            per_row=True,
            column=pl.lit(COMMUNE),
        ),
        Check(
            pl.col(CRITERION).is_null(),
            "missing-criterion",
            format_text("the row has no criterion id{}", row_values_text()),
            "fill in the criterion id, e.g. 1.1.1",
            row_values_params(),
            per_row=True,
            column=pl.lit(CRITERION),
        ),
    ]


def _unknown_commune_check(
    cells: pl.DataFrame, known_communes: pl.Series, register: pl.Series | None, unit_names: pl.DataFrame | None
) -> Check:
    """A row whose commune code is not in the register, naming the registered codes (or the unit
    whose name it is) near it, found for the distinct unknown codes only."""
    unknown = ~pl.col(COMMUNE).is_in(known_communes.implode())
    code = pl.col(COMMUNE)
    shown = shown_text(code)  # (a code of 30,000 letters quoted whole in each finding: 10 times the input)
    near = Near(cells.select(code.filter(unknown).unique())[COMMUNE], register, names=unit_names)
    return Check(
        unknown,
        "unknown-commune",
        format_text("commune {} is not in the commune register{}{}", shown, near.english(code), row_values_text()),
        "add it to the register, or correct the code (codes keep their leading zeros)",
        near.params(code, row_values_params, commune=shown),
        per_row=True,
    )
