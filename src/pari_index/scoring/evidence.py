"""Evidence: which documents each item needs, whether the unit gave them (number, date, file, or an
explanation awaiting the council), and, with an evidence folder, whether each file named is there,
readable and inside it. MoHA guidance (CV 383 and 384/BNV-CCHC, 28/01/2021) requires an explanation
for missing evidence and leaves the decision to the appraiser; by default an item without its
evidence scores 0 until an explanation is accepted (the criteria set can say
``missing_evidence: keep``)."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import Leaf, Part
from pari_index.criteria.points import SCALE
from pari_index.errors import Problem, shorten_path, visible
from pari_index.intake.assessments import (
    CRITERION,
    EVIDENCE_PLACE,
    FINDING_SCHEMA,
)
from pari_index.intake.evidence_files import FILE_STATES, MAX_DEPTH, MAX_LISTED, EvidenceFolder
from pari_index.intake.values import (
    shown,
)
from pari_index.textexpr import format_text

#: Evidence statuses that are a gap: each is a finding, and the item scores 0 under
#: ``missing_evidence: zero``.
EVIDENCE_GAPS = ("missing", "explained", "rejected", *FILE_STATES)
#: Column of the details (dropped before they are written): what is wrong with the evidence file.
EVIDENCE_NOTE = "_evidence_note"
#: Column of the details (dropped before they are written): the unit's own explanation of an
#: item whose evidence is "explained", awaiting the council (``explanation`` is then pari's).
UNIT_EXPLANATION = "_unit_explanation"


_FILE_HINTS = {
    "bad_name": "rename the document without control characters and with a shorter name, and write that name",
    "not_a_file": "name the document itself, not its folder",
    "unreadable": "check the file's permissions and links; the appraisal council must be able to open it",
    "empty_file": "copy the document into the evidence folder again: the file there has no content",
    "damaged_file": "save or download the document again and check that it opens; then copy it into the folder",
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


#: At most this many files of the evidence folder that no row names are told one by one; the
#: others in one finding (a wrong folder given holds thousands).
UNUSED_SHOWN = 100


def unused_evidence_problems(
    folder: EvidenceFolder, names: Sequence[str], checked: pl.DataFrame | None = None
) -> list[Problem]:
    """A warning for each file of the evidence folder that none of ``names`` (every evidence name
    of the run's rows) names, saying which name a row gives that is near it: a file the council
    never sees was attached for nothing, and the item whose row names it under another spelling
    (its copy «KH 72 (1).pdf», «.docx» for «.pdf») scores 0 (decoding30). First, when nearly no
    name of ``checked`` (each name looked for in the folder, with its ``evidence_status``) is
    the folder's, the error :func:`_names_unmatched` says so once."""
    unused, cut_short = folder.unused(names)
    problems = [] if checked is None else _names_unmatched(folder, checked, unused)
    problems += [_unused_file(folder, relative, near) for relative, near in unused[:UNUSED_SHOWN]]
    if len(unused) > UNUSED_SHOWN or cut_short:
        more = len(unused) - min(len(unused), UNUSED_SHOWN)
        listed = f"; the folder was listed only as far as {MAX_LISTED} files and {MAX_DEPTH} levels of sub-folders"
        problems.append(
            Problem(
                "evidence-files-unused",
                f"{more} more file(s) of the evidence folder are named by no row (only the first {UNUSED_SHOWN} are"
                " told one by one)" + (listed if cut_short else ""),
                file=shorten_path(visible(str(folder.path))),
                hint="check that the right evidence folder was given (--evidence-dir) and the names in the"
                " evidence_file cells",
                params={"count": more, "shown": UNUSED_SHOWN, "listing": "part" if cut_short else ""}
                | {"limit": MAX_LISTED, "depth": MAX_DEPTH},
                severity="warning",
            )
        )
    return problems


#: States of a name the folder has no file for (the other FILE_STATES are of a file it has): a
#: name of a folder is none (a clerk naming each item's or commune's folder, not its document).
_NOT_THERE = ("file_not_found", "outside_evidence_dir", "bad_name", "not_a_file")
#: The names are told as not the folder's, as a whole, when at least this many were looked for
#: and at most this share of them found: a wrong folder, or names written another way.
UNMATCHED_AT_LEAST = 10
UNMATCHED_SHARE = 0.1


def _names_unmatched(
    folder: EvidenceFolder, checked: pl.DataFrame, unused: Sequence[tuple[str, str | None]]
) -> list[Problem]:
    """evidence-names-unmatched, an error, when nearly none of the names looked for in the folder
    (``checked``: evidence_file, evidence_status) is there. Each such item was told alone, a
    warning among thousands, and scored 0: a clerk's form giving every name with the folder of
    her computer («C:\\Users\\…\\KH 72.pdf»), a web address or quotes, or the folder of another
    district given, cut 567 scores of the example's 60 units with exit 0 (session 32). It is an
    error of an input no row carries, so the run says it is incomplete (run._parts_unread)."""
    states = checked.select("evidence_file", "evidence_status").unique("evidence_file")
    missing = states.filter(pl.col("evidence_status").is_in(_NOT_THERE)).sort("evidence_file")
    if states.height < UNMATCHED_AT_LEAST or states.height - missing.height > UNMATCHED_SHARE * states.height:
        return []
    # A name given beside the folder's file near it shows best how the two differ (one of the
    # names counted: ``unused`` is near any name of the rows, one of an item lacking its date too).
    counted = set(missing["evidence_file"].to_list())
    near = next(((name, file) for file, name in unused if name is not None and name in counted), None)
    example, file = near if near is not None else (missing["evidence_file"][0], None)
    return [
        Problem(
            "evidence-names-unmatched",
            f"{missing.height} of the {states.height} evidence file names looked for in the evidence folder are"
            f" not in it (such as «{visible(example)}»"
            + (f", while the folder has «{visible(file)}»" if file else "")
            + "): each item needing its file is scored as without it",
            file=shorten_path(visible(str(folder.path))),
            hint="check that --evidence-dir is the folder of these assessments' documents, and that each"
            " evidence_file cell gives the name of a file as the folder lists it (no folder of the clerk's"
            " computer, web address or quotes); then score again",
            params={
                "missing": missing.height,
                "named": states.height,
                "example": f"«{visible(example)}»",
                "near_file": "near" if file else "",
                "file_name": f"«{visible(file)}»" if file else "",
            },
            severity="error",
        )
    ]


def _unused_file(folder: EvidenceFolder, relative: str, near: str | None) -> Problem:
    """evidence-file-unused for the file ``relative`` of the folder, ``near`` a row's name."""
    near_text = f"; it is near «{visible(near)}», a name a row gives that is not in the folder" if near else ""
    return Problem(
        "evidence-file-unused",
        f"«{visible(relative)}» in the evidence folder is named by no row of the assessments, so it counts for no"
        f" item{near_text}",
        file=shorten_path(visible(str(folder.path / relative))),
        hint="if it is the evidence of an item, write this file's name in that item's evidence_file cell (or"
        " rename the file to the name written); if not, nothing needs doing",
        params={
            "name": f"«{visible(relative)}»",
            "near_named": "near" if near else "",
            "named": f"«{visible(near)}»" if near else "",
        },
        severity="warning",
    )


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


def effective_branch() -> pl.Expr:
    """The branch that counts for an item: the corrected evaluation's where the council corrected
    an input or the N/A mark of the item (``_corrected``), else the commune's own."""
    corrected = pl.col("_corrected").fill_null(False)
    return pl.coalesce(pl.when(corrected).then(pl.col("corrected_branch")), pl.col("computed_branch"))


def evidence_status(details: pl.DataFrame, leaves: Sequence[Leaf], folder: EvidenceFolder | None) -> pl.DataFrame:
    """Adds ``evidence_required`` and ``evidence_status``: not_required, present, missing,
    explained (an explanation awaits the council), accepted or rejected (the council decided),
    or a state of the evidence file in ``folder`` (see :mod:`pari_index.intake.evidence_files`); and
    EVIDENCE_NOTE, what is
    wrong with the file, in words. ``details`` may have the columns of :func:`evidence_requirements`
    already (joined with the item's other columns): else they are joined here."""
    d = details
    if "need_number" not in details.columns:
        d = details.join(evidence_requirements(leaves), on=CRITERION, how="left", maintain_order="left")
    file_state = pl.lit("ok")
    note = pl.lit(None, dtype=pl.String)
    if folder is not None:
        checked = folder.states(d.select("evidence_file").drop_nulls().unique()["evidence_file"].to_list())
        states = {name: state for name, (state, _) in checked.items()}
        notes = {name: text for name, (_, text) in checked.items() if text}
        file_state = pl.col("evidence_file").replace_strict(states, default="ok", return_dtype=pl.String)
        note = pl.col("evidence_file").replace_strict(notes, default=None, return_dtype=pl.String)
    complete = (
        (~pl.col("need_number") | pl.col("evidence_number").is_not_null())
        & (~pl.col("need_date") | pl.col("evidence_date").is_not_null())
        & (~pl.col("need_file") | pl.col("evidence_file").is_not_null())
    )
    # An item that does not apply to the commune (excluded, or counted in full) needs no evidence.
    # After the council's corrections: an item it marked N/A needs none, one it cleared needs its own.
    not_applicable = effective_branch().str.starts_with("na_").fill_null(False)
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
    if folder is not None:
        status = pl.when(decided == 2).then(file_state).otherwise(status)
    explained = pl.when(decided == 3).then(pl.col("explanation").str.replace_all(r"\s+", " ").str.strip_chars())
    return d.with_columns(
        status.alias("evidence_status"), note.alias(EVIDENCE_NOTE), explained.alias(UNIT_EXPLANATION)
    ).drop("need_number", "need_date", "need_file")
