"""The appraisal council's file read: its corrections (an input's value, a score) and its decisions
on explanations for missing evidence, each row checked, typed and placed (file, sheet, row) as the
assessments' are. Reading is intake's: scoring takes the :class:`Appraisal` it makes (session 27;
it sat in scoring.verification until then, the one file read outside intake)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.group_columns import unit_headings
from pari_index.criteria.model import Leaf, Part
from pari_index.criteria.points import SCALE, to_units
from pari_index.intake.appraisal_columns import corrections_absent, own_field_of, unread_columns
from pari_index.intake.assessments import (
    CELL_SCHEMA,
    COLUMN,
    CRITERION,
    FIELD,
    VALUE,
    LeafTable,
    check_and_type,
    empty_findings,
    problems_to_findings,
)
from pari_index.intake.cell_checks import input_name_key
from pari_index.intake.findings import row_findings, shown_text
from pari_index.intake.folding import fold_findings
from pari_index.intake.nearest import Near
from pari_index.intake.tables import FILE, ROW, SHEET, check_table_rows, read_with_columns, table_rows_limit
from pari_index.intake.values import (
    CODE_AS_DATE,
    CODE_AS_SCIENTIFIC_HINT,
    PLACEHOLDERS,
    SHOWN_OTHERWISE,
    as_shown,
    parse_boolean,
    parse_points,
    scientific_lost,
)
from pari_index.messages.findings_table import json_params
from pari_index.messages.labels import PARAM_WORDS
from pari_index.messages.rendering import params_json
from pari_index.textexpr import format_text

APPRAISAL_ALIASES: dict[str, str] = {
    **{k: COMMUNE for k in ("commune_code", "commune", "code", "mã", "mã xã", "mã đơn vị", *unit_headings("mã"))},
    **{k: CRITERION for k in ("criterion_id", "tiêu chí", "mã tiêu chí", "id")},
    **{k: "input" for k in ("input", "đầu vào")},
    **{k: VALUE for k in ("value", "corrected_value", "giá trị", "giá trị thẩm định")},
    **{k: "score" for k in ("score", "appraised_score", "điểm thẩm định")},
    **{k: "evidence_accepted" for k in ("evidence_accepted", "chấp nhận giải trình", "chấp nhận minh chứng")},
    **{k: "reason" for k in ("reason", "lý do", "ly do")},
    **{k: "appraiser" for k in ("appraiser", "người thẩm định", "thành viên hội đồng")},
}

DECISION_SCHEMA: dict[str, pl.DataType] = {
    COMMUNE: pl.String(),
    CRITERION: pl.String(),
    "score_override": pl.Int64(),
    "evidence_accepted": pl.Boolean(),
    "reason": pl.String(),
    "appraiser": pl.String(),
    # Where the decision on the evidence was written (the last row giving one): its finding's place
    # when it decides nothing (:func:`unused_decisions`).
    "_decided_file": pl.String(),
    "_decided_sheet": pl.String(),
    "_decided_row": pl.Int64(),
}


@dataclass
class Appraisal:
    """The council's corrections: corrected input cells, and per item a score override, an
    evidence decision, the reason and the appraiser."""

    cells: pl.DataFrame
    decisions: pl.DataFrame
    findings: pl.DataFrame
    ledger: pl.DataFrame
    #: The texts of the findings folded as the file was read (folding.fold_findings' second
    #: frame), which the rows table still names: the run's results put them in its language.
    folded_texts: pl.DataFrame | None = None

    @classmethod
    def empty(cls) -> Appraisal:
        return cls(
            cells=pl.DataFrame(schema=CELL_SCHEMA),
            decisions=pl.DataFrame(schema=DECISION_SCHEMA),
            findings=empty_findings(),
            ledger=pl.DataFrame(
                schema={
                    "file": pl.String,
                    "sheet": pl.String,
                    "row": pl.Int64,
                    "status": pl.String,
                    "reasons": pl.String,
                }
            ),
        )


def read_appraisal(
    path: str | Path,
    leaves: Sequence[Leaf],
    known_communes: pl.Series | None,
    unit_names: pl.DataFrame | None = None,
) -> Appraisal:
    """Read an appraisal file: commune_code, criterion_id, [input, value] or score,
    [evidence_accepted], reason, [appraiser]. ``unit_names``: the register's ``code`` and
    ``name``, to tell a unit's name typed as its code."""
    table = LeafTable.build(leaves)
    # The rows of a sheet left out for its columns: rejected in the ledger, the missing column
    # their reason (until session 38 a notes sheet's lines were in no status of the rows table).
    unread: list[pl.DataFrame] = []
    frame, problems = read_with_columns(
        path,
        APPRAISAL_ALIASES,
        (COMMUNE, CRITERION, "reason"),
        "appraisal",
        "columns: commune_code, criterion_id, input, value or score, evidence_accepted, reason, appraiser",
        # A file of more rows than PARI_MAX_APPRAISAL_ROWS is refused, a CSV file before it is
        # parsed: 2.4 million lines «0», each a missing-reason, were parsed, checked and folded,
        # 7.5 CPU s and 970 MB (session 36).
        table_rows_limit("appraisal"),
        unread=unread,
    )
    check_table_rows(frame, path, "appraisal")
    # A filled column the file is not read for is said (not-appraisal-field, unknown-column).
    problems += unread_columns(frame, APPRAISAL_ALIASES.values()) + corrections_absent(frame)
    for col in ("input", VALUE, "score", "evidence_accepted", "appraiser"):
        if col not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(col))
    # A dash or a dot in the score or decision column is a blank a clerk filled: no score, no
    # decision (until session 32 each was bad-score or bad-decision, an error a row: 59 on the
    # example's appraisal with its empty scores written «-»). A score so is told, a warning at its
    # cell: Excel's accounting format shows a zero as a dash (« -   », its spaces gone once read),
    # and a council's 0 read as a blank was lost without a word (reviewb32).
    findings: list[pl.DataFrame] = [problems_to_findings(problems), _score_marks(frame)]
    frame = frame.with_columns(
        pl.when(pl.col(col).str.strip_chars().is_in(PLACEHOLDERS)).then(None).otherwise(pl.col(col)).alias(col)
        for col in ("score", "evidence_accepted")
    )
    # A score typed in full-width digits, with a character nothing shows, a minus sign or inside
    # Excel's ="…" is read as the council sees it (values.as_shown, as the forms' self-scores are;
    # until session 38 each was bad-score, «score ０ is not a number of points»).
    shown_otherwise = pl.col("score").str.contains(SHOWN_OTHERWISE)
    frame = frame.with_columns(pl.when(shown_otherwise).then(as_shown(pl.col("score"))).otherwise(pl.col("score")))
    source_rows = frame.select(FILE, SHEET, ROW)
    # Each kind of row problem is a frame of findings (row_findings), in the order of the checks.
    row_found = [
        row_findings(
            frame,
            pl.col("reason").is_null(),
            "missing-reason",
            pl.lit("an appraisal correction needs a reason"),
            "write why the council changed the score",
        )
    ]
    frame = frame.filter(pl.col("reason").is_not_null())
    # A reason with nothing to change for its item: an appraisal file whose evidence_accepted column
    # was left out read every decision on an explanation so, "applied" (session 25). A reason beside
    # another row's correction of the item adds to that correction's reasons.
    corrects = pl.col(VALUE).is_not_null() | pl.col("score").is_not_null() | pl.col("evidence_accepted").is_not_null()
    # (A row of a code that is no unit's or item's is told so by _appraisal_decisions instead.)
    known = pl.col(CRITERION).is_in([leaf.id for leaf in leaves])
    if known_communes is not None:
        known &= pl.col(COMMUNE).is_in(known_communes.implode())
    no_change = known.fill_null(False) & ~corrects.any().over(COMMUNE, CRITERION)
    row_found.append(
        row_findings(frame, no_change, "appraisal-no-correction", pl.lit(_NO_CORRECTION), _NO_CORRECTION_HINT)
    )
    frame = frame.filter(~no_change)
    frame = _without_survey_items(frame, leaves, row_found)
    frame = _without_own_fields(frame, leaves, row_found)
    # Corrected inputs go through exactly the same checks as the commune's own cells.
    value_rows = frame.filter(pl.col(VALUE).is_not_null()).join(table.default_input, on=CRITERION, how="left")
    cells = value_rows.select(
        COMMUNE,
        CRITERION,
        pl.coalesce("input", "default_field").alias(FIELD),
        VALUE,
        FILE,
        SHEET,
        ROW,
        pl.lit(VALUE).alias(COLUMN),
    ).cast(CELL_SCHEMA)  # type: ignore[arg-type]
    accepted, cell_findings = check_and_type(cells, table, known_communes, unit_names=unit_names)
    findings.append(cell_findings)
    decision_frame = _appraisal_decisions(frame, leaves, known_communes, row_found, unit_names)
    findings.extend(row_found)
    all_findings = pl.concat(findings)
    findings.clear()
    ledger = _appraisal_ledger(source_rows, all_findings)
    if unread:
        left_out = [
            part.select("file", "sheet", "row", pl.lit("rejected").alias("status"), "reasons") for part in unread
        ]
        ledger = pl.concat([ledger, *left_out], how="diagonal_relaxed")
    # Folded as soon as the rows table holds each row's own reasons, as the run folds every
    # finding at its end (the same findings: each fold is of one file's): an appraisal file of
    # 2.4 million lines «0», each a missing-reason, held its 2.4 million findings through the
    # scoring, the run's peak (0.99 GB; session 35, limits35/appraisal-of-millions-of-tiny-rows).
    folded, texts = fold_findings(all_findings)
    del all_findings
    return Appraisal(
        cells=accepted,
        decisions=decision_frame,
        findings=folded,
        ledger=ledger,
        folded_texts=texts if texts.height else None,
    )


def _score_marks(frame: pl.DataFrame) -> pl.DataFrame:
    """A warning at each score cell holding only a dash, dot or slash (values.PLACEHOLDERS),
    which is read as no score: a zero in Excel's accounting format is shown, and saved to CSV, as
    a dash, so the council's 0 may be what it stands for."""
    mark = pl.col("score").str.strip_chars()
    shown = pl.lit("«") + mark + pl.lit("»")
    message = format_text(
        "the score cell holds only {}: read as no score; Excel's accounting format shows a zero so too", shown
    )
    hint = "if the council gave 0 points, write 0; if it gave no score, leave the cell empty"
    marked = mark.is_in(PLACEHOLDERS).fill_null(False)
    found = row_findings(frame, marked, "appraisal-score-mark", message, hint, "score", {"mark": shown})
    return found.with_columns(pl.lit("warning").alias("severity"))


def _without_survey_items(frame: pl.DataFrame, leaves: Sequence[Leaf], row_found: list[pl.DataFrame]) -> pl.DataFrame:
    """``frame`` less its rows of survey items, each refused (``appraisal-survey-item``) at its
    criterion id: a survey item's points are the sociological survey's, which the council does
    not appraise (the parts are kept apart: domain primer, "Keep self, appraised and survey scores
    separate"). Such a row was applied as any correction, «appraisal changed 4 to 0», and moved
    six communes' ranks of the example."""
    survey = [leaf.id for leaf in leaves if leaf.part is Part.survey]
    if not survey:
        return frame
    is_survey = pl.col(CRITERION).is_in(survey).fill_null(False)
    criterion = shown_text(pl.col(CRITERION))
    message = format_text(
        "criterion {} is a survey item: its points come from the sociological survey, which the appraisal does "
        "not correct; the row was not used",
        criterion,
    )
    hint = "correct the result in the survey file (--survey), or delete the row"
    row_found.append(
        row_findings(frame, is_survey, "appraisal-survey-item", message, hint, CRITERION, {"criterion": criterion})
    )
    return frame.filter(~is_survey)


def _without_own_fields(frame: pl.DataFrame, leaves: Sequence[Leaf], row_found: list[pl.DataFrame]) -> pl.DataFrame:
    """``frame`` with the N/A mark named as a heading names it («N/A», «Không áp dụng») as
    ``n/a``, less its rows whose input names the commune's own self-score, evidence or explanation
    (``self_score``, «Điểm tự chấm», appraisal_columns.own_field_of), each refused
    (``appraisal-input-own-field``) at its input. Until session 32 such a row was "applied", exit
    0, with no word: the council's «self_score 0,5» changed nothing (an appraisal corrects inputs,
    the N/A mark, the score and the decision on an explanation, never what the commune claimed).
    A name that is one of the item's inputs, by its id or its label (a set's input labelled «Giải
    trình»), is that input, as in the assessments (intake.cell_checks)."""
    inputs = frame.select(pl.col("input").unique().drop_nulls())["input"].to_list()
    named_own = {name: kind for name in inputs if (kind := own_field_of(name)) is not None}
    if not named_own:
        return frame
    its_input = _its_input(leaves)
    # The N/A mark named as the assessments' heading of it may be («N/A», «Không áp dụng»): until
    # session 33 each such row was unknown-input, the council's mark not read.
    marks = [name for name, kind in named_own.items() if kind == "n/a" and name != "n/a"]
    if marks:
        mark = (pl.col("input").is_in(marks) & ~its_input).fill_null(False)
        frame = frame.with_columns(pl.when(mark).then(pl.lit("n/a")).otherwise(pl.col("input")).alias("input"))
    own = {name: kind for name, kind in named_own.items() if kind != "n/a"}
    if not own:
        return frame
    named = (pl.col("input").is_in(list(own)) & ~its_input).fill_null(False)
    written = shown_text(pl.col("input"))
    field = pl.col("input").replace_strict(own, default=None, return_dtype=pl.String)
    message = format_text(
        "input {} is the commune's own {}, which an appraisal file does not change; the row was not used",
        written,
        field.replace_strict({k: PARAM_WORDS["own_field"][k].en for k in set(own.values())}, default=None),
    )
    hint = (
        "write the council's points in the score column and its decision on an explanation in evidence_accepted; "
        "correct the commune's own value in its assessment file"
    )
    params = {"input": written, "own_field": field}
    row_found.append(row_findings(frame, named, "appraisal-input-own-field", message, hint, "input", params))
    return frame.filter(~named)


def _its_input(leaves: Sequence[Leaf]) -> pl.Expr:
    """Whether a row's ``input`` names one of its item's inputs, by id or label (either language)."""
    names = pl.DataFrame(
        [
            (leaf.id, name)
            for leaf in leaves
            for input_id, spec in leaf.inputs.items()
            for name in (input_id, spec.label, spec.label_en)
            if name
        ],
        schema=[CRITERION, "_name"],
        orient="row",
    )
    keyed = pl.concat_str(pl.col(CRITERION), pl.lit("\x00"), input_name_key(pl.col("_name")))
    item_inputs = names.select(keyed.alias("_key"))["_key"].implode()
    return pl.concat_str(pl.col(CRITERION), pl.lit("\x00"), input_name_key(pl.col("input"))).is_in(item_inputs)


_DECISION_HINT = "write yes (the explanation is accepted) or no"
_NO_CORRECTION = (
    "the row gives a reason but no corrected value, score or decision on the explanation (evidence_accepted); "
    "nothing of it was used"
)
_NO_CORRECTION_HINT = (
    "fill the corrected value or score, or evidence_accepted (yes or no) for an explanation; or delete the row"
)
#: An appraisal row without a commune code or criterion id: the column, the kind, its message, its hint.
_MISSING_CODES = (
    (COMMUNE, "missing-commune-code", "the row has no commune code", "fill in the commune code"),
    (CRITERION, "missing-criterion", "the row has no criterion id", "fill in the criterion id, e.g. 1.1.1"),
)


def _appraisal_decisions(
    frame: pl.DataFrame,
    leaves: Sequence[Leaf],
    known_communes: pl.Series | None,
    row_found: list[pl.DataFrame],
    unit_names: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """The council's decisions per commune and item (DECISION_SCHEMA): score override, evidence
    accepted, reasons and appraisers, the last given winning. Unreadable scores or evidence
    decisions, and rows of unknown items or communes, are appended to ``row_found`` (findings)."""
    decisions = _scores_within_bounds(_parsed_decisions(frame, row_found), leaves, row_found)
    # A decision without its commune or item applies to nothing: reported (rows with a corrected
    # value are reported by the cells' checks), never dropped without a word.
    for column, kind, words, hint in _MISSING_CODES:
        missing = pl.col(VALUE).is_null() & pl.col(column).is_null()
        row_found.append(row_findings(decisions, missing, kind, pl.lit(words), hint, column))
    dated = _dated_codes(decisions, row_found)
    unknown_leaf, unknown_commune = _unknown_codes(decisions, leaves, known_communes, dated, row_found, unit_names)
    decisions = _without_conflicts(decisions.filter(~unknown_leaf & ~unknown_commune & ~dated), row_found)
    return (
        decisions.group_by(COMMUNE, CRITERION)
        .agg(
            pl.col("score_override").drop_nulls().last(),
            pl.col("evidence_accepted_flag").drop_nulls().last().alias("evidence_accepted"),
            pl.col("reason").unique(maintain_order=True).str.join("; "),
            pl.col("appraiser").drop_nulls().unique(maintain_order=True).str.join(", "),
            *(
                pl.col(column).filter(pl.col("evidence_accepted_flag").is_not_null()).last().cast(dtype).alias(name)
                for column, name, dtype in (
                    (FILE, "_decided_file", pl.String),
                    (SHEET, "_decided_sheet", pl.String),
                    (ROW, "_decided_row", pl.Int64),
                )
            ),
        )
        .cast(pl.Schema(DECISION_SCHEMA))
    )


def _parsed_decisions(frame: pl.DataFrame, row_found: list[pl.DataFrame]) -> pl.DataFrame:
    """``frame`` with its score (``score_override``) and evidence decision
    (``evidence_accepted_flag``) read; the unreadable ones appended to ``row_found``."""
    # Parsed once per distinct text and joined back: a council writes a few distinct scores over
    # many rows, and parsing a number is dear (0.3 s for 150,000 rows).
    # A score with a percent sign (50 %) is no number of points: it was read as 50 points.
    points = pl.when(~pl.col("score").str.contains("%", literal=True)).then(parse_points(pl.col("score")))
    scores = frame.select(pl.col("score").unique()).with_columns(points.alias("score_override"))
    decisions = frame.join(scores, on="score", how="left", nulls_equal=True, maintain_order="left").with_columns(
        parse_boolean(pl.col("evidence_accepted")).alias("evidence_accepted_flag"),
    )
    unreadable = (
        ("score", "score_override", "bad-score", "score {} is not a number of points (at most 4 decimals)"),
        ("evidence_accepted", "evidence_accepted_flag", "bad-decision", "evidence accepted: {} is not yes/no"),
    )
    hints = {"score": "write the appraised points, e.g. 0,75", "evidence_accepted": _DECISION_HINT}
    for column, parsed, kind, words in unreadable:
        written = shown_text(pl.col(column))  # as a cell's value is shown, never a Python repr
        unread = pl.col(column).is_not_null() & pl.col(parsed).is_null()
        message = format_text(words, written)
        row_found.append(row_findings(decisions, unread, kind, message, hints[column], column, {"value": written}))
    return decisions


def _unknown_codes(
    decisions: pl.DataFrame,
    leaves: Sequence[Leaf],
    known_communes: pl.Series | None,
    dated: pl.Expr,
    row_found: list[pl.DataFrame],
    unit_names: pl.DataFrame | None,
) -> tuple[pl.Expr, pl.Expr]:
    """Whether a decision's item, and its commune, are unknown; the rows without a corrected value
    reported (those with one were checked with the commune's own cells), each naming the known
    codes near it (intake.nearest), found for the distinct unknown ones."""
    known_leaves = {leaf.id for leaf in leaves}
    unknown_leaf = ~pl.col(CRITERION).is_in(list(known_leaves)) & ~dated
    unknown_commune = ~dated & (
        ~pl.col(COMMUNE).is_in(known_communes.implode()) if known_communes is not None else pl.lit(False)
    )
    criterion = shown_text(pl.col(CRITERION))
    leaf_rows = pl.col(VALUE).is_null() & unknown_leaf
    items = Near(decisions.filter(leaf_rows)[CRITERION], pl.Series(sorted(known_leaves)), items=True)
    row_found.append(
        row_findings(
            decisions,
            leaf_rows,
            "unknown-criterion",
            format_text("criterion {} is not a scored item of this set{}", criterion, items.english(pl.col(CRITERION))),
            params=items.params(pl.col(CRITERION), json_params, criterion=criterion),
        )
    )
    # shown(): a code that differs from a registered one by an invisible character is written
    # with <U+XXXX>, or the message would name a code the register holds.
    commune = shown_text(pl.col(COMMUNE))
    commune_rows = pl.col(VALUE).is_null() & ~unknown_leaf & unknown_commune
    near = Near(decisions.filter(commune_rows)[COMMUNE], known_communes, names=unit_names)
    row_found.append(
        row_findings(
            decisions,
            commune_rows,
            "unknown-commune",
            format_text("commune {} is not in the commune register{}", commune, near.english(pl.col(COMMUNE))),
            "correct the code (codes keep their leading zeros)",
            params=near.params(pl.col(COMMUNE), json_params, commune=commune),
        )
    )
    return unknown_leaf, unknown_commune


def _score_bounds(leaves: Sequence[Leaf]) -> pl.DataFrame:
    """Each item's lowest and highest score in units (criteria.points.SCALE): a penalty's from
    minus its maximum to 0, a bonus's from 0, any other's from its floor (or 0) to its maximum."""
    rows = []
    for leaf in leaves:
        high, low = to_units(leaf.max), min(to_units(leaf.floor), 0)
        if leaf.rule.kind == "penalty":
            low, high = -high, 0
        elif leaf.rule.kind == "bonus":
            low = 0
        rows.append({CRITERION: leaf.id, "_low": low, "_high": high})
    return pl.DataFrame(rows, schema={CRITERION: pl.String, "_low": pl.Int64, "_high": pl.Int64})


def _scores_within_bounds(
    decisions: pl.DataFrame, leaves: Sequence[Leaf], row_found: list[pl.DataFrame]
) -> pl.DataFrame:
    """A council's score outside what its item can get (5 for an item of 1 point) is refused
    (``appraisal-score-out-of-range``) and not used, as an unreadable one is: it was applied as
    given, a commune's total raised by 4 points with nothing but the usual appraisal-correction."""
    decisions = decisions.join(_score_bounds(leaves), on=CRITERION, how="left", maintain_order="left")
    score = pl.col("score_override")
    outside = (score.is_not_null() & ((score < pl.col("_low")) | (score > pl.col("_high")))).fill_null(False)
    written = shown_text(pl.col("score"))
    criterion = shown_text(pl.col(CRITERION))
    low, high = (pl.col(bound).cast(pl.Float64) / SCALE for bound in ("_low", "_high"))
    low_text, high_text = (bound.cast(pl.String).str.strip_suffix(".0") for bound in (low, high))
    message = format_text(
        "score {} is outside the points item {} can get ({} to {}); the score was not used",
        written,
        criterion,
        low_text,
        high_text,
    )
    hint = "write points the item can get (its maximum is in the criteria set and the form)"
    params = {"value": written, "criterion": criterion, "low": low_text, "high": high_text}
    found = row_findings(decisions, outside, "appraisal-score-out-of-range", message, hint, "score", params)
    if found.height:
        # The bounds again as numbers, which each output writes in its language (0,5; −3): such
        # rows are few.
        bounds = decisions.filter(outside).select(written, criterion, low.alias("low"), high.alias("high"))
        names = ("value", "criterion", "low", "high")
        numbers = [params_json(dict(zip(names, row, strict=True))) for row in bounds.rows()]
        found = found.with_columns(pl.Series("params", numbers, dtype=pl.String))
    row_found.append(found)
    return decisions.with_columns(pl.when(outside).then(None).otherwise(score).alias("score_override")).drop(
        "_low", "_high"
    )


def _dated_codes(decisions: pl.DataFrame, row_found: list[pl.DataFrame]) -> pl.Expr:
    """Where a decision's commune code or criterion id reads as a date (values.CODE_AS_DATE: typed
    into a column Excel formatted as dates); each such row without a corrected value (those are
    the cells' code-as-date) is reported at the code's column, the commune's first."""
    dated = [pl.col(column).str.contains(CODE_AS_DATE).fill_null(False) for column in (COMMUNE, CRITERION)]
    for column, is_date, what in zip((COMMUNE, CRITERION), dated, ("commune code", "criterion id"), strict=True):
        text = shown_text(pl.col(column))
        rows = pl.col(VALUE).is_null() & is_date & (~dated[0] if column == CRITERION else pl.lit(True))
        message = format_text(
            "{} {} is a date: the column is formatted as a date in Excel, which turns a code typed into it into a"
            " date (00001 into 01/01/1900)",
            pl.lit(what),
            text,
        )
        hint = (
            "format the column as Text in Excel (Format Cells, Text) and type the codes again: the date no longer"
            " says which code was typed"
        )
        params = {"what": pl.lit(column), "text": text}
        row_found.append(row_findings(decisions, rows, "code-as-date", message, hint, column, params))
    # A commune code in scientific notation with digits rounded away (1.23457E+11): as a date.
    codes = decisions.select(pl.col(COMMUNE).unique().drop_nulls())
    lost = pl.col(COMMUNE).is_in(codes.filter(scientific_lost(pl.col(COMMUNE)))[COMMUNE].implode()).fill_null(False)
    text = shown_text(pl.col(COMMUNE))
    message = format_text(
        "commune code {} is in scientific notation (Excel rounds a long code in a number column): the code typed"
        " is lost",
        text,
    )
    params = {"what": pl.lit(COMMUNE), "text": text}
    rows = pl.col(VALUE).is_null() & lost & ~dated[1]
    row_found.append(
        row_findings(decisions, rows, "code-as-scientific", message, CODE_AS_SCIENTIFIC_HINT, COMMUNE, params)
    )
    return dated[0] | dated[1] | lost


def _without_conflicts(decisions: pl.DataFrame, row_found: list[pl.DataFrame]) -> pl.DataFrame:
    """The decisions less those of an item given two different scores, or two different evidence
    decisions, in two rows: each such row is reported (conflicting-appraisal) and none is used, as
    for conflicting input cells. Taking the last row would drop the council's other decision
    without a word, and the order of rows in a file says nothing about which is right."""
    item = (COMMUNE, CRITERION)
    differs = [
        (pl.col(c).min().over(item) != pl.col(c).max().over(item)) & pl.col(c).is_not_null()
        for c in ("score_override", "evidence_accepted_flag")
    ]
    conflicting = (differs[0] | differs[1]).fill_null(False)
    commune, criterion = shown_text(pl.col(COMMUNE)), shown_text(pl.col(CRITERION))
    message = format_text(
        "commune {}, criterion {}: different appraisal decisions (score or evidence accepted) are given in more "
        "than one row; none was used",
        commune,
        criterion,
    )
    row_found.append(
        row_findings(
            decisions,
            conflicting,
            "conflicting-appraisal",
            message,
            "keep one row per commune and criterion, or make the rows agree",
            params={"commune": commune, "criterion": criterion},
        )
    )
    return decisions.filter(~conflicting)


def _appraisal_ledger(source_rows: pl.DataFrame, all_findings: pl.DataFrame) -> pl.DataFrame:
    """One ledger row per source row (rows without a reason included): applied, or rejected with
    the messages of its error findings, in the order of file, sheet and row.

    Rows and findings are matched by one number, their part's (a file's sheet) and their row's
    together, looked up in the findings sorted by it: joining, sorting and counting 2.4 million
    rows on the texts of their file and sheet names (an appraisal file of 4.8 MB, a code on each
    line and no reason) took 2.6 CPU s and 560 MB more than the rows until session 34
    (limits34/appraisal-of-millions-of-tiny-rows)."""
    # The parts in the order the ledger is sorted in; a part no source row is in has no row to
    # hold its findings' reasons (a sheet left out for its columns: told by its own finding).
    parts = (
        source_rows.select(FILE, SHEET)
        .unique()
        .sort(FILE, SHEET, nulls_last=True)
        .with_row_index("_part")
        .with_columns(pl.col("_part").cast(pl.Int64))
    )
    errors = all_findings.filter(pl.col("row").is_not_null() & (pl.col("severity") == "error")).select(
        pl.col("file").alias(FILE), pl.col("sheet").alias(SHEET), pl.col("row").alias(ROW), "message"
    )
    rows = _keyed(source_rows, parts).sort("_part", ROW, nulls_last=True, maintain_order=True)
    keys = _keyed(errors, parts).filter(pl.col(_KEY).is_not_null()).sort(_KEY, maintain_order=True)
    # A row with one error (nearly every rejected row) has its message as the reasons; only rows
    # with several are grouped (grouping 150,000 rows of one message each took 0.2 s).
    shared = (pl.col(_KEY) == pl.col(_KEY).shift(1)) | (pl.col(_KEY) == pl.col(_KEY).shift(-1))
    keys = keys.with_columns(shared.fill_null(False).alias("_shared"))
    reasons = pl.concat(
        [
            keys.filter(~pl.col("_shared")).select(_KEY, pl.col("message").alias("reasons")),
            keys.filter(pl.col("_shared"))
            .group_by(_KEY)
            .agg(pl.col("message").unique().sort().str.join("; ").alias("reasons")),
        ]
    ).sort(_KEY)
    return rows.with_columns(_looked_up(rows.get_column(_KEY), reasons)).select(
        pl.col(FILE).alias("file"),
        pl.col(SHEET).alias("sheet"),
        pl.col(ROW).alias("row"),
        pl.when(pl.col("reasons").is_null()).then(pl.lit("applied")).otherwise(pl.lit("rejected")).alias("status"),
        "reasons",
    )


#: A row's part and row number as one number: the part times 2**32 plus the row (no sheet or CSV
#: file read has 4 billion rows).
_KEY = "_key"


def _keyed(frame: pl.DataFrame, parts: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with its row's part (``parts``: FILE, SHEET, _part) and :data:`_KEY`; both null for
    a part not in ``parts`` or a row without a number. A file of one sheet, as nearly every
    appraisal file is, is numbered without a join."""
    if parts.height == 1:
        file, sheet = parts[FILE][0], parts[SHEET][0]
        same = (pl.col(FILE) == file) if file is not None else pl.col(FILE).is_null()
        same &= (pl.col(SHEET) == sheet) if sheet is not None else pl.col(SHEET).is_null()
        frame = frame.with_columns(pl.when(same).then(pl.lit(0, dtype=pl.Int64)).alias("_part"))
    else:
        frame = frame.join(parts, on=[FILE, SHEET], how="left", nulls_equal=True, maintain_order="left")
    return frame.with_columns((pl.col("_part") * (1 << 32) + pl.col(ROW).cast(pl.Int64)).alias(_KEY))


def _looked_up(keys: pl.Series, reasons: pl.DataFrame) -> pl.Series:
    """The reasons of each key (``reasons``: _KEY, distinct and sorted, and reasons), null for a key
    that has none."""
    if reasons.height == 0:
        return pl.Series("reasons", [None] * keys.len(), dtype=pl.String)
    known = reasons.get_column(_KEY)
    at = known.search_sorted(keys.fill_null(-1), side="left").clip(0, reasons.height - 1)
    hit = keys.is_not_null() & (known.gather(at) == keys.fill_null(-1))
    found = reasons.get_column("reasons").gather(at)
    return pl.select(pl.when(hit).then(found).alias("reasons")).to_series()
