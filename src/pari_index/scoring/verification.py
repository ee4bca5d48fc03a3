"""Verification: evidence, self-scores against the rules, and the appraisal council's corrections.

For every commune and scored item the council wants to see four numbers side by side: what the
commune claimed (self_score), what the rules give on the inputs it reported (computed_score), what
they give after the council's corrections (appraised_score), and what counts (final_score), with a
status and the reason. MoHA guidance (CV 383 and 384/BNV-CCHC, 28/01/2021) requires an
explanation for missing evidence and leaves the decision to the appraiser; by default an item
without its evidence scores 0 until an explanation is accepted (the criteria set can say
``missing_evidence: keep``).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import Leaf, MissingEvidence, Part
from pari_index.criteria.points import SCALE, to_units
from pari_index.errors import Problem, broken_link, near_name, shorten_path, visible
from pari_index.input_watch import watch_within
from pari_index.intake.appraisal_columns import corrections_absent, unread_columns
from pari_index.intake.assessments import (
    CELL_SCHEMA,
    COLUMN,
    CRITERION,
    EVIDENCE_PLACE,
    FIELD,
    FINDING_SCHEMA,
    VALUE,
    LeafTable,
    check_and_type,
    empty_findings,
    problems_to_findings,
)
from pari_index.intake.findings import row_findings, shown_text
from pari_index.intake.nearest import Near
from pari_index.intake.tables import FILE, ROW, SHEET, read_with_columns
from pari_index.intake.values import (
    BIDI_CONTROLS,
    CODE_AS_DATE,
    CODE_AS_SCIENTIFIC_HINT,
    parse_boolean,
    parse_points,
    scientific_lost,
    shown,
)
from pari_index.messages.rendering import json_params, params_json
from pari_index.spelling import path_as_windows_reads
from pari_index.textexpr import format_text

APPRAISAL_ALIASES: dict[str, str] = {
    **{k: COMMUNE for k in ("commune_code", "commune", "code", "mã", "mã xã", "mã đơn vị")},
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
    frame, problems = read_with_columns(
        path,
        APPRAISAL_ALIASES,
        (COMMUNE, CRITERION, "reason"),
        "the appraisal file",
        "columns: commune_code, criterion_id, input, value or score, evidence_accepted, reason, appraiser",
    )
    # A filled column the file is not read for is said (not-appraisal-field, unknown-column).
    problems += unread_columns(frame, APPRAISAL_ALIASES.values()) + corrections_absent(frame)
    for col in ("input", VALUE, "score", "evidence_accepted", "appraiser"):
        if col not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(col))
    findings: list[pl.DataFrame] = [problems_to_findings(problems)]
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
    ledger = _appraisal_ledger(source_rows, all_findings)
    return Appraisal(cells=accepted, decisions=decision_frame, findings=all_findings, ledger=ledger)


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
    the messages of its error findings."""
    errors = all_findings.filter(pl.col("row").is_not_null() & (pl.col("severity") == "error")).select(
        pl.col("file").alias(FILE), pl.col("sheet").alias(SHEET), pl.col("row").alias(ROW), "message"
    )
    # A row with one error (nearly every rejected row) has its message as the reasons; only rows
    # with several are grouped (grouping 150,000 rows of one message each took 0.2 s).
    alone = pl.struct(FILE, SHEET, ROW).is_unique()
    reasons = pl.concat(
        [
            errors.filter(alone).rename({"message": "reasons"}),
            errors.filter(~alone)
            .group_by(FILE, SHEET, ROW)
            .agg(pl.col("message").unique().sort().str.join("; ").alias("reasons")),
        ]
    )
    return (
        source_rows.join(reasons, on=[FILE, SHEET, ROW], how="left", nulls_equal=True)
        .sort(FILE, SHEET, ROW, nulls_last=True)
        .select(
            pl.col(FILE).alias("file"),
            pl.col(SHEET).alias("sheet"),
            pl.col(ROW).alias("row"),
            pl.when(pl.col("reasons").is_null()).then(pl.lit("applied")).otherwise(pl.lit("rejected")).alias("status"),
            "reasons",
        )
    )


#: States of an evidence file given in ``evidence_file`` when there is an evidence folder.
#: file_not_found: no such file; outside_evidence_dir: the name (or a link) leads out of the folder;
#: bad_name: a name no file can have or that hides what it is (NUL, Excel's _x0000_ escape, other
#: control or bidi characters, too long); not_a_file: a folder or device; unreadable: permission
#: denied, a symbolic-link loop or any other refusal of the operating system.
FILE_STATES = ("file_not_found", "outside_evidence_dir", "bad_name", "not_a_file", "unreadable")
#: Evidence statuses that are a gap: each is a finding, and the item scores 0 under
#: ``missing_evidence: zero``.
EVIDENCE_GAPS = ("missing", "explained", "rejected", *FILE_STATES)
#: Column of the details (dropped before they are written): what is wrong with the evidence file.
EVIDENCE_NOTE = "_evidence_note"
#: Column of the details (dropped before they are written): the unit's own explanation of an
#: item whose evidence is "explained", awaiting the council (``explanation`` is then pari's).
UNIT_EXPLANATION = "_unit_explanation"
#: Longest file name part most file systems allow (bytes of UTF-8), and longest path.
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 4096
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
#: Control characters (Unicode category Cc) and bidi controls (values.BIDI_CONTROLS).
_NAME_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


def _name_problem(name: str) -> str | None:
    """What makes ``name`` unusable as an evidence file name, or None."""
    found = _NAME_FORBIDDEN.search(name)  # one scan per name: a national run checks some 100,000
    if found is not None:
        c = found.group(0)
        if c in BIDI_CONTROLS:
            return f"the name contains the bidi control U+{ord(c):04X}, which shows it in another order"
        return f"the name contains the control character U+{ord(c):04X}"
    for match in _EXCEL_ESCAPE.finditer(name):
        code = int(match.group(1), 16)
        if code < 0x20 or 0x7F <= code < 0xA0:
            return f"the name contains {match.group(0)}, Excel's escape for the control character U+{code:04X}"
    if any(len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES for part in re.split(r"[/\\]", name)):
        return f"a part of the name is longer than {MAX_NAME_BYTES} bytes, more than file systems allow"
    if len(name.encode("utf-8", "surrogatepass")) > MAX_PATH_BYTES:
        return f"the name is longer than {MAX_PATH_BYTES} bytes"
    return None


def _os_refusal(error: OSError) -> tuple[str, str]:
    """The state and note for an operating-system error on an evidence path."""
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return "file_not_found", ""
    if error.errno == errno.ELOOP:
        return "unreadable", "a symbolic link in the path leads round in a loop"
    if error.errno == errno.ENAMETOOLONG:
        return "bad_name", "the name is too long for the file system"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "unreadable", "permission denied"
    return "unreadable", f"the system refused it ({error.strerror or type(error).__name__})"


def check_evidence_file(root: Path, name: str, listings: dict[Path, dict[str, str]] | None = None) -> tuple[str, str]:
    """The state of evidence file ``name`` in the folder ``root`` (resolved): "ok" or one of
    FILE_STATES, and a note saying why ("" when the state says it all). Every call on the file
    system is guarded: a name can hold anything a cell can, and no name may stop the run. A name
    not found as it is written is looked for as Windows and macOS would find it: folders parted
    by backslashes too, and letter case and Unicode form not minded (see
    spelling.path_as_windows_reads; ``listings`` keeps the folders listed)."""
    problem = _name_problem(name)
    if problem is not None:
        return "bad_name", problem
    found = _check_path(root, root / name)
    if found[0] == "file_not_found":
        try:
            other = path_as_windows_reads(root, name, {} if listings is None else listings)
        except ValueError:  # a NUL, should one pass the checks above
            other = None
        if other is not None:
            return _check_path(root, other)
    return found


def _check_path(root: Path, path: Path) -> tuple[str, str]:
    try:
        candidate = path.resolve()
        if not candidate.is_relative_to(root):
            return "outside_evidence_dir", ""
        info = candidate.stat()
        if not stat.S_ISREG(info.st_mode):
            return "not_a_file", "it is a folder" if stat.S_ISDIR(info.st_mode) else "it is not a regular file"
        if not os.access(candidate, os.R_OK):
            return "unreadable", "permission denied"
    except RuntimeError:  # Path.resolve on Python < 3.13 raises it for a symlink loop
        return "unreadable", "a symbolic link in the path leads round in a loop"
    except OSError as error:
        return _os_refusal(error)
    except ValueError as error:  # e.g. "embedded null byte", should a name pass the checks above
        return "bad_name", str(error)
    return "ok", ""


def evidence_dir_problem(evidence_dir: Path) -> Problem | None:
    """Why ``--evidence-dir`` cannot be used (it does not exist, or the system refuses it: a name
    too long, a NUL, a link loop, no permission to reach the files in it), or None. A folder that
    may not be listed but whose files may be reached (mode 0311) is used: each file is named."""
    try:
        if evidence_dir.exists() and not evidence_dir.is_dir():
            # Usually one evidence file given instead of the folder that holds them: "does not
            # exist" would send the user looking for a path that is there.
            return Problem(
                "evidence-dir-not-a-folder",
                "the evidence folder given is a file, not a folder",
                file=shorten_path(visible(str(evidence_dir))),
            )
        if not evidence_dir.is_dir():
            shown = shorten_path(visible(str(evidence_dir)))
            link = broken_link(evidence_dir, shown) or near_name(evidence_dir, shown)
            if link is not None:  # "does not exist" of a link that ls lists
                return link
            return Problem(
                "evidence-dir-missing",
                "the evidence folder does not exist",
                file=shorten_path(visible(str(evidence_dir))),
            )
        evidence_dir.resolve()
        if not os.access(evidence_dir, os.X_OK):  # no file in it can be reached: one refusal, not one a file
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(evidence_dir))
    except (OSError, RuntimeError, ValueError) as error:
        reason = _os_refusal(error)[1] if isinstance(error, OSError) else str(error)
        return Problem(
            "evidence-dir-unusable",
            f"the evidence folder cannot be used: {reason or 'not found'}",
            file=shorten_path(visible(str(evidence_dir))),
            hint="give the folder that holds the evidence files",
            params=_refusal_params(error, reason),
        )
    return None


def _refusal_params(error: Exception, reason: str) -> dict[str, str]:
    """Why a path was refused, as words of either language (messages: PARAM_WORDS["path_refusal"])."""
    if isinstance(error, ValueError):
        return {"path_refusal": "nul"} if "null" in reason else {"path_refusal": "os", "reason": reason}
    if isinstance(error, RuntimeError):
        return {"path_refusal": "loop"}
    number = error.errno if isinstance(error, OSError) else None
    known = {errno.ELOOP: "loop", errno.ENAMETOOLONG: "too_long", errno.EACCES: "denied", errno.EPERM: "denied"}
    if number in (errno.ENOENT, errno.ENOTDIR) or not reason:
        return {"path_refusal": "missing"}
    if number in known:
        return {"path_refusal": known[number]}
    return {
        "path_refusal": "system",
        "reason": (error.strerror if isinstance(error, OSError) else None) or type(error).__name__,
    }


def check_evidence_files(evidence_dir: Path, names: Sequence[str]) -> dict[str, tuple[str, str]]:
    """check_evidence_file for each name; the folder itself was checked to exist before scoring."""
    try:
        root = evidence_dir.resolve()
    except (OSError, RuntimeError, ValueError) as error:
        return {name: ("unreadable", f"the evidence folder cannot be used ({error})") for name in names}
    listings: dict[Path, dict[str, str]] = {}
    return {name: check_evidence_file(root, name, listings) for name in names}


_FILE_HINTS = {
    "bad_name": "rename the document without control characters and with a shorter name, and write that name",
    "not_a_file": "name the document itself, not its folder",
    "unreadable": "check the file's permissions and links; the appraisal council must be able to open it",
}
_GAP_HINT = "attach the document (number, date, file) or an explanation for the appraisal council"


def evidence_findings(details: pl.DataFrame, places: pl.DataFrame | None = None) -> pl.DataFrame:
    """One warning per commune and item with an evidence gap (EVIDENCE_GAPS), at the place of its
    evidence: the evidence_file cell where one was given (file, sheet, row, column), otherwise the
    row of the item's self-score or evidence, when there is one. ``details`` are the scored
    details before their columns are chosen (with EVIDENCE_NOTE, and EVIDENCE_PLACE unless
    ``places`` gives them by the item key ``_k``: then they are joined to the gaps alone)."""
    gaps = details.filter(pl.col("evidence_status").is_in(list(EVIDENCE_GAPS)) & (pl.col("status") != "not_assessed"))
    if places is not None:
        gaps = gaps.join(places, on="_k", how="left", maintain_order="left")
    added = (*((c, FINDING_SCHEMA[c[4:]]) for c in EVIDENCE_PLACE), (EVIDENCE_NOTE, pl.String()))
    for column, dtype in (*added, (UNIT_EXPLANATION, pl.String())):
        if column not in gaps.columns:
            gaps = gaps.with_columns(pl.lit(None, dtype=dtype).alias(column))
    status = pl.col("evidence_status")
    is_file_state = status.is_in(list(FILE_STATES))
    names = gaps.filter(is_file_state)["evidence_file"].drop_nulls().unique().to_list()
    shown_names = {name: shown(name) for name in names}
    file_name = pl.col("evidence_file").replace_strict(shown_names, default="", return_dtype=pl.String)
    about_file = pl.when(is_file_state).then(
        format_text(
            " ({}{})",
            file_name,
            pl.when(pl.col(EVIDENCE_NOTE).is_not_null()).then(": " + pl.col(EVIDENCE_NOTE)).otherwise(pl.lit("")),
        )
    )
    message = format_text("evidence {}: the item scores {}", status, (pl.col("final_score") / SCALE).round(4))
    # What the unit wrote to explain the gap, for the council that decides on it: it was read
    # and judged "explained", but shown nowhere until the twenty-sixth session.
    unit_explanation = pl.col(UNIT_EXPLANATION)
    explained = pl.when(unit_explanation.is_not_null()).then(
        format_text("; the unit's explanation: «{}»", unit_explanation)
    )
    return gaps.select(
        pl.lit("warning").alias("severity"),
        format_text("evidence-{}", status).alias("kind"),
        pl.col(COMMUNE),
        pl.col(CRITERION),
        pl.col("_at_file").alias("file"),
        pl.col("_at_sheet").alias("sheet"),
        pl.col("_at_row").alias("row"),
        pl.when(is_file_state).then(pl.col("_at_column")).alias("column"),
        pl.concat_str([message, about_file.fill_null(""), explained.fill_null("")]).alias("message"),
        status.replace_strict(_FILE_HINTS, default=_GAP_HINT, return_dtype=pl.String).alias("hint"),
        pl.lit(None, dtype=pl.Float64).alias("size"),
        # The file's name for both languages; the note on it (the system's words) in English only.
        pl.struct(
            score=(pl.col("final_score") / SCALE).round(4),
            file=pl.when(is_file_state).then(format_text(" ({})", file_name)).otherwise(pl.lit("")),
            note=pl.when(is_file_state & pl.col(EVIDENCE_NOTE).is_not_null())
            .then(": " + pl.col(EVIDENCE_NOTE))
            .otherwise(pl.lit("")),
            explanation=unit_explanation.fill_null(""),
        )
        .struct.json_encode()
        .alias("params"),
    ).cast(FINDING_SCHEMA)  # type: ignore[arg-type]


def evidence_requirements(leaves: Sequence[Leaf]) -> pl.DataFrame:
    """Per leaf (criterion_id): which evidence it needs (need_number, need_date, need_file), whether
    any (``evidence_required``, appraised items only) and its missing-evidence ``policy``."""
    return pl.DataFrame(
        [
            {
                CRITERION: leaf.id,
                "need_number": any("number" in e.requires for e in leaf.evidence),
                "need_date": any("date" in e.requires for e in leaf.evidence),
                "need_file": any("file" in e.requires for e in leaf.evidence),
                "evidence_required": bool(leaf.evidence) and leaf.part is Part.appraised,
                "policy": leaf.missing_evidence.value,
            }
            for leaf in leaves
        ],
        schema={
            CRITERION: pl.String,
            "need_number": pl.Boolean,
            "need_date": pl.Boolean,
            "need_file": pl.Boolean,
            "evidence_required": pl.Boolean,
            "policy": pl.String,
        },
    )


def evidence_status(details: pl.DataFrame, leaves: Sequence[Leaf], evidence_dir: Path | None) -> pl.DataFrame:
    """Adds ``evidence_required`` and ``evidence_status``: not_required, present, missing,
    explained (an explanation awaits the council), accepted or rejected (the council decided),
    or a state of the evidence file (see :func:`check_evidence_file`); and EVIDENCE_NOTE, what is
    wrong with the file, in words. ``details`` may have the columns of :func:`evidence_requirements`
    already (joined with the item's other columns): else they are joined here."""
    d = details
    if "need_number" not in details.columns:
        d = details.join(evidence_requirements(leaves), on=CRITERION, how="left", maintain_order="left")
    file_state = pl.lit("ok")
    note = pl.lit(None, dtype=pl.String)
    if evidence_dir is not None:
        files = d.select("evidence_file").drop_nulls().unique()["evidence_file"].to_list()
        checked = check_evidence_files(evidence_dir, files)
        states = {name: state for name, (state, _) in checked.items()}
        # Watched on their own from now, should the folder be too large to be watched whole.
        watch_within(evidence_dir, [name for name, state in states.items() if state == "ok"])
        notes = {name: text for name, (_, text) in checked.items() if text}
        file_state = pl.col("evidence_file").replace_strict(states, default="ok", return_dtype=pl.String)
        note = pl.col("evidence_file").replace_strict(notes, default=None, return_dtype=pl.String)
    complete = (
        (~pl.col("need_number") | pl.col("evidence_number").is_not_null())
        & (~pl.col("need_date") | pl.col("evidence_date").is_not_null())
        & (~pl.col("need_file") | pl.col("evidence_file").is_not_null())
    )
    # An item that does not apply to the commune (excluded, or counted in full) needs no evidence.
    not_applicable = pl.col("computed_branch").str.starts_with("na_").fill_null(False)
    # The status as a number, then its word: a when/then chain of text literals builds a column
    # of text per case. 2 is the file's state (never "ok" there: complete and ok is "present").
    base = (
        pl.when(~pl.col("evidence_required") | not_applicable)
        .then(0)
        .when(complete & (file_state == "ok"))
        .then(1)
        .when(complete)
        .then(2)
        .when(pl.col("explanation").is_not_null())
        .then(3)
        .otherwise(4)
    )
    decided = (
        pl.when(base <= 1)
        .then(base)
        .when(pl.col("evidence_accepted").eq(True))
        .then(5)
        .when(pl.col("evidence_accepted").eq(False))
        .then(6)
        .otherwise(base)
    )
    words = pl.Series(["not_required", "present", "ok", "explained", "missing", "accepted", "rejected"])
    status = pl.lit(words).gather(decided)
    if evidence_dir is not None:
        status = pl.when(decided == 2).then(file_state).otherwise(status)
    explained = pl.when(decided == 3).then(pl.col("explanation").str.replace_all(r"\s+", " ").str.strip_chars())
    return d.with_columns(
        status.alias("evidence_status"), note.alias(EVIDENCE_NOTE), explained.alias(UNIT_EXPLANATION)
    ).drop("need_number", "need_date", "need_file")


def leaf_frame(leaves: Sequence[Leaf]) -> pl.DataFrame:
    """criterion_id, area_id, part, max (units), title_vi, title_en, provenance: one row per leaf."""
    from pari_index.criteria.points import to_units

    return pl.DataFrame(
        [
            {
                CRITERION: leaf.id,
                "area_id": leaf.area,
                "part": leaf.part.value,
                "max": to_units(leaf.max),
                "title_vi": leaf.title.vi,
                "title_en": leaf.title.en or leaf.title.vi,
                "provenance": leaf.provenance.value,
                "order": i,
            }
            for i, leaf in enumerate(leaves)
        ],
        schema={
            CRITERION: pl.String,
            "area_id": pl.String,
            "part": pl.String,
            "max": pl.Int64,
            "title_vi": pl.String,
            "title_en": pl.String,
            "provenance": pl.String,
            "order": pl.Int64,
        },
    )


def missing_evidence_zeroes(policy: pl.Expr, status: pl.Expr) -> pl.Expr:
    """True where the evidence status makes the item score 0 under its policy."""
    return (policy == MissingEvidence.zero.value) & status.is_in(list(EVIDENCE_GAPS))


def _finding_frame(
    df: pl.DataFrame, severity: str, kind: str, message: pl.Expr, hint: str, size: pl.Expr, params: pl.Expr
) -> pl.DataFrame:
    """Findings of one kind, one per row of ``df``, in the columns of FINDING_SCHEMA (not yet cast)."""
    return df.select(
        pl.lit(severity).alias("severity"),
        pl.lit(kind).alias("kind"),
        pl.col(COMMUNE),
        pl.col(CRITERION),
        pl.lit(None, dtype=pl.String).alias("file"),
        pl.lit(None, dtype=pl.String).alias("sheet"),
        pl.lit(None, dtype=pl.Int64).alias("row"),
        pl.lit(None, dtype=pl.String).alias("column"),
        message.alias("message"),
        pl.lit(hint).alias("hint"),
        size.alias("size"),
        params.struct.json_encode().alias("params"),
    )


def unused_decisions(details: pl.DataFrame) -> pl.DataFrame:
    """A warning at each council's decision not to accept an explanation (``evidence_accepted``
    no) on an item whose evidence is given, or which needs none (n/a, the survey, no evidence
    asked): no explanation awaited a decision, so it changed nothing, and the item kept its
    points. Until the twentieth session the row counted as applied without a word, while the
    council had meant to take the points away. A score the council gives is its decision, so an
    item it scored is not told. ``details``: the scored items with ``evidence_accepted``, the
    decision's place, and ``evidence_status``."""
    unused = details.filter(
        pl.col("evidence_accepted").eq(False)
        & pl.col("evidence_status").is_in(["not_required", "present"])
        & pl.col("appraised_score").is_null()
    )
    points = (pl.col("final_score") / SCALE).round(4)
    return unused.select(
        pl.lit("warning").alias("severity"),
        pl.lit("appraisal-decision-unused").alias("kind"),
        pl.col(COMMUNE),
        pl.col(CRITERION),
        pl.col("_decided_file").alias("file"),
        pl.col("_decided_sheet").alias("sheet"),
        pl.col("_decided_row").alias("row"),
        pl.lit("evidence_accepted").alias("column"),
        format_text(
            "commune {}, item {}: the decision not to accept an explanation changed nothing: the commune gave the"
            " item's evidence, or it needs none, so no explanation awaited a decision; the item keeps {} points",
            pl.col(COMMUNE),
            pl.col(CRITERION),
            points,
        ).alias("message"),
        pl.lit(UNUSED_DECISION_HINT).alias("hint"),
        pl.lit(None, dtype=pl.Float64).alias("size"),
        pl.struct(commune=pl.col(COMMUNE), criterion=pl.col(CRITERION), score=points)
        .struct.json_encode()
        .alias("params"),
    ).cast(FINDING_SCHEMA)  # type: ignore[arg-type]


UNUSED_DECISION_HINT = (
    "to take points away, write the item's points in the score column; evidence_accepted decides on an explanation"
    " given for missing evidence"
)


def _not_assessed_per_commune(details: pl.DataFrame) -> pl.DataFrame:
    """One row per commune with items it left without input (one finding per commune, not one per
    item): their number ``_n`` and the first twelve as ``_list``, by commune code."""
    return _items_per_commune(details.filter(pl.col("status") == "not_assessed"))


def _inputs_empty_per_commune(details: pl.DataFrame) -> pl.DataFrame:
    """As :func:`_not_assessed_per_commune`, the items a commune did assess (a self-score, evidence,
    an explanation or another input) but whose rule found an input it needs empty (branch
    ``missing``: 0 points), unless the council scored them. Until the twenty-sixth session such an
    item scored 0 with the status "ok" and no finding at all when no self-score differed: a value
    cell left empty (a blank meaning "none" to the clerk) cost its points without a word."""
    empty = (
        (pl.col("branch") == "missing")
        & pl.col("appraised_score").is_null()
        & ~pl.col("status").is_in(["not_assessed", "excluded", "no_survey"])
    )
    return _items_per_commune(details.filter(empty))


def _items_per_commune(items: pl.DataFrame) -> pl.DataFrame:
    """One row per commune of ``items`` (one finding per commune, not one per item): their number
    ``_n`` and the first twelve as ``_list``, by commune code."""
    return (
        items.group_by(COMMUNE)
        .agg(pl.col(CRITERION).alias("_items"))
        .with_columns(
            pl.lit(None, dtype=pl.String).alias(CRITERION),
            pl.col("_items").list.len().alias("_n"),
            pl.col("_items").list.head(12).list.join(", ").alias("_list"),
        )
        .sort(COMMUNE)
    )


def _survey_gaps_per_commune(details: pl.DataFrame) -> pl.DataFrame:
    """One row per commune the survey gives results for, but not for every survey item: the items
    without a result (status ``no_survey``: they score 0) as :func:`_not_assessed_per_commune`
    gives them. A commune with no survey result at all is counted in the run's completeness
    (``communes_without_survey``) instead. Such a gap (a row of the survey's file lost, a wide
    form's column left empty) was said nowhere: the item scored 0 with no finding."""
    survey = details.filter(pl.col("part") == Part.survey.value)
    return (
        survey.group_by(COMMUNE)
        .agg(
            pl.col(CRITERION).filter(pl.col("status") == "no_survey").alias("_items"),
            (pl.col("status") != "no_survey").any().alias("_given"),
        )
        .filter(pl.col("_given") & (pl.col("_items").list.len() > 0))
        .with_columns(
            pl.lit(None, dtype=pl.String).alias(CRITERION),
            pl.col("_items").list.len().alias("_n"),
            pl.col("_items").list.head(12).list.join(", ").alias("_list"),
        )
        .sort(COMMUNE)
    )


def verification_findings(details: pl.DataFrame) -> list[pl.DataFrame]:
    """The findings of the checks on scored items, one frame per kind: self-scores the rules do
    not give, the council's corrections, and per commune the items it left without input. By kind,
    so that a batched run can put each kind of all its batches together, in the unbatched order."""

    def pts(column: str) -> pl.Expr:
        return (pl.col(column) / SCALE).round(4)

    diff = details.filter(pl.col("self_score").is_not_null() & (pl.col("self_score") != pl.col("computed_score")))
    appraised = details.filter(
        pl.col("appraised_score").is_not_null() & (pl.col("appraised_score") != pl.col("computed_score"))
    )
    # A council's score for an item that does not count for the unit (excluded: not applicable to
    # its type, or marked N/A where N/A excludes) is not used: said, never dropped without a word.
    unused = details.filter(pl.col("appraised_score").is_not_null() & (pl.col("status") == "excluded"))
    parts = [
        _finding_frame(
            diff,
            "warning",
            "self-score-differs",
            format_text(
                "self-score {} but the rules give {} on the reported inputs", pts("self_score"), pts("computed_score")
            ),
            "the computed score is used; check the inputs or the self-score",
            pts("self_score") - pts("computed_score"),
            pl.struct(self_score=pts("self_score"), computed=pts("computed_score")),
        ),
        _finding_frame(
            appraised,
            "info",
            "appraisal-correction",
            format_text(
                "appraisal changed {} to {} ({})",
                pts("computed_score"),
                pts("appraised_score"),
                pl.col("appraisal_reason"),
            ),
            "",
            pts("appraised_score") - pts("computed_score").fill_null(0),
            pl.struct(
                computed=pts("computed_score"), appraised=pts("appraised_score"), reason=pl.col("appraisal_reason")
            ),
        ),
        _finding_frame(
            unused,
            "warning",
            "appraisal-on-excluded-item",
            format_text(
                "the council's score {} was not used: the item does not count for this unit (not applicable, left "
                "out of its maximum)",
                pts("appraised_score"),
            ),
            "if the item applies to the unit, correct its N/A mark or its type in the register; if not, delete the "
            "appraisal row",
            pl.lit(None, dtype=pl.Float64),
            pl.struct(appraised=pts("appraised_score")),
        ),
        *_per_commune_findings(details),
    ]
    return [part.cast(FINDING_SCHEMA) for part in parts]  # type: ignore[arg-type]


def _per_commune_findings(details: pl.DataFrame) -> list[pl.DataFrame]:
    """The findings of :func:`verification_findings` made once per commune, each listing its items:
    items with no input, items lacking an input their rule needs, survey items without a result."""
    missing = _not_assessed_per_commune(details)
    empty = _inputs_empty_per_commune(details)
    survey_gaps = _survey_gaps_per_commune(details)
    items = pl.col("_list") + pl.when(pl.col("_n") > 12).then(pl.lit(", …")).otherwise(pl.lit(""))
    return [
        _finding_frame(
            missing,
            "warning",
            "not-assessed",
            format_text("{} item(s) have no input and score 0: {}", pl.col("_n"), items),
            "fill in these items in the self-assessment (see the Criteria sheet of the results)",
            pl.lit(None, dtype=pl.Float64),
            pl.struct(count=pl.col("_n"), items=items),
        ),
        _finding_frame(
            empty,
            "warning",
            "input-left-empty",
            format_text(
                "{} item(s) have a self-score, evidence or other inputs but lack an input their rule needs (left "
                "empty, or rejected: see the errors), and score 0: {}",
                pl.col("_n"),
                items,
            ),
            "fill in the missing inputs of these items; where empty meant 0 or «no», write 0 or «no»",
            pl.lit(None, dtype=pl.Float64),
            pl.struct(count=pl.col("_n"), items=items),
        ),
        _finding_frame(
            survey_gaps,
            "warning",
            "survey-incomplete",
            format_text("the survey gives no result for {} survey item(s), which score 0: {}", pl.col("_n"), items),
            "add the missing results to the survey file: one for every survey item of every unit",
            pl.lit(None, dtype=pl.Float64),
            pl.struct(count=pl.col("_n"), items=items),
        ),
    ]
