"""Scoring: from criteria and spreadsheets to per-item and per-commune results.

:func:`score` is the library form of ``pari score``: the intake read by
:func:`pari_index.intake.inputs.read_intake` (by batch of communes when it can), then
:func:`score_inputs` on its frames, which reads no input file and scores batch after batch: each
batch item by item (:mod:`.items`: the compiled rules on the commune's reported inputs and again on
the appraisal council's corrected inputs, the evidence policy) and totalled per area, part and
commune (:mod:`.totals`); what the run could not use is told by :mod:`.completeness`. Every commune
of the register gets one row per scored item, with a status, even when it sent nothing: nothing is
dropped silently.

Points columns of the result frames are Int64 counts of 1/10,000 point (exact sums); use
:func:`pari_index.outputs.files.display_frame` to get decimals for people.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from pari_index.criteria.compiling import COMMUNE, CompiledSet
from pari_index.criteria.loading import LoadedCriteria, load_criteria
from pari_index.criteria.model import CriteriaSet, Leaf, Part
from pari_index.criteria.validation import class_warnings
from pari_index.errors import IntakeError, Problem, UsageError, quoted
from pari_index.intake.appraisal import Appraisal
from pari_index.intake.assessments import (
    CRITERION,
    Intake,
    problems_to_findings,
)
from pari_index.intake.by_batch import BatchedIntake, batches_of
from pari_index.intake.evidence_files import FILE_STATES, EvidenceFolder
from pari_index.intake.folding import counted, fold_findings
from pari_index.intake.inputs import InputsRead, read_intake
from pari_index.intake.ledger import errors_carried, not_data_rows
from pari_index.intake.month_first import month_first_findings
from pari_index.intake.pasted_sets import pasted_sets_findings
from pari_index.intake.register import Register, untyped_unit_problems
from pari_index.messages import localise_findings, parse_params, progress_text
from pari_index.messages.library_errors import refused
from pari_index.scoring.batches import DetailStore, IntakeBatches
from pari_index.scoring.completeness import Completeness, SurveyState, notices, whole_parts
from pari_index.scoring.evidence import unused_evidence_problems
from pari_index.scoring.explanations import input_labeller
from pari_index.scoring.items import order_commune_findings, score_communes, submitted_items
from pari_index.scoring.totals import ITEMS_REJECTED, compute_totals, unreachable_findings

if TYPE_CHECKING:
    from pari_index.scoring.cache import RunCache

Progress = Callable[[str], None]


@dataclass(repr=False)
class ScoreResult:
    """Everything ``pari score`` computes; each frame is a polars DataFrame."""

    criteria: CriteriaSet
    leaves: list[Leaf]
    register: Register
    #: The per-item detail, one row per commune and scored item, batch by batch: see
    #: :attr:`details` (all in memory) and :meth:`scan_details` (read as needed).
    detail_store: DetailStore
    totals: pl.DataFrame  # one row per commune
    findings: pl.DataFrame  # every problem and check result, located
    ledger: pl.DataFrame  # every input row: scored / rejected / applied
    sources: dict[str, list[str]] = field(default_factory=dict)
    #: What the run could not use: see :class:`Completeness`.
    completeness: Completeness = field(default_factory=lambda: Completeness())
    #: The assessment year scored (``year=`` / ``--year``, else the set's); None when neither.
    year: int | None = None
    #: The file the set was read from (None for a set given as an object): its hash is recorded.
    criteria_file: str | None = None
    #: The distinct texts (kind, params, message, hint) of the findings folded away
    #: (:mod:`pari_index.intake.folding`): the rows table still says those rows' reasons.
    folded_texts: pl.DataFrame | None = None
    #: The files the latest ranking of the library was against (``pari.rank``'s ``previous`` and
    #: ``lineage``): their findings go when the result is ranked again, against other files or none.
    ranked_against: tuple[str, ...] = ()
    #: The ranking ``pari.rank`` gave last (None before any): ``pari.write_results`` and
    #: ``pari.write_report`` write the summary from the ``ranked`` they are given, so one whose rank or
    #: class was edited, or an earlier ranking, is refused rather than written beside these findings.
    latest_ranking: pl.DataFrame | None = None
    #: The evidence folder the run read (``evidence_dir=``), None without one: ``pari.write_results``
    #: and ``pari.write_report`` refuse to write into it, as ``pari score`` refuses ``-o`` there
    #: (a file written there is taken for a commune's evidence by the next run).
    evidence_dir: str | None = None

    @property
    def details(self) -> pl.DataFrame:
        """One row per commune and scored item (in a batched run, read back into memory whole:
        :meth:`scan_details` reads only what is asked for)."""
        return self.detail_store.collect()

    def scan_details(self) -> pl.LazyFrame:
        """The per-item detail as a lazy frame over the batches, sorted by commune, then item.
        A batched run's frame reads temporary files; they are kept while this frame, or one made
        from it, lives."""
        return self.detail_store.kept_lazy()

    def __repr__(self) -> str:
        # What a notebook shows of ``result``: the run in one line, not 144 KB of the criteria
        # set's and the frames' reprs (the dataclass's own).
        kinds = self.findings["severity"].value_counts() if self.findings.height else None
        counts = dict(kinds.iter_rows()) if kinds is not None else {}
        incomplete = notices(self.completeness.facts(), "en")
        return (
            f"ScoreResult(criteria='{self.criteria.id}', year={self.year}, units={self.totals.height}, "
            f"items={len(self.leaves)}, detail_rows={self.detail_store.height}, input_rows={self.ledger.height}, "
            f"findings={self.findings.height} (errors={counts.get('error', 0)}, warnings={counts.get('warning', 0)}), "
            f"complete={not incomplete})"
        )

    def commune_details(self, code: str) -> pl.DataFrame:
        return self.detail_store.lazy().filter(pl.col(COMMUNE) == code).collect()


def score(
    assessments: Sequence[str | Path] | InputsRead,
    criteria: str | Path | CriteriaSet | LoadedCriteria | None = None,
    *,
    communes: str | Path | None = None,
    appraisal: str | Path | None = None,
    survey: Sequence[str | Path] = (),
    evidence_dir: str | Path | None = None,
    lang: str = "vi",
    progress: Progress | None = None,
    no_survey: bool = False,
    year: int | None = None,
    batch_size: int | None = None,
    cache: RunCache | None = None,
) -> ScoreResult:
    """Score self-assessments against a criteria set (the bundled default when None), or the
    inputs :func:`pari_index.intake.inputs.read_intake` read (``assessments``; the reading
    arguments were given to it, and ``criteria``, if given, must be the set it read with).

    ``batch_size``: score this many communes at a time (:mod:`pari_index.scoring.batches`), their
    per-item detail spilled to temporary files batch by batch; None scores all at once. The
    results are the same either way, to the byte.

    ``year`` is the assessment year deadlines written as a day of the year resolve in (default:
    the set's ``year``); a set that needs one and gets none raises UsageError ``year-missing``.

    A set with a survey part needs survey results (in ``survey`` or among the assessments):
    without any, this raises UsageError ``survey-missing`` unless the set declares the survey
    optional or ``no_survey`` is given. ``result.completeness`` says what could not be used.

    With a ``cache`` (:class:`pari_index.scoring.cache.RunCache`), the checked intake and each
    commune's scored rows are taken from an earlier run when their inputs are unchanged; the
    results are the same as without it."""
    if isinstance(assessments, InputsRead):
        _read_already(assessments, criteria, communes, appraisal, survey, evidence_dir, year, batch_size)
        return score_inputs(assessments, lang=lang, progress=progress, no_survey=no_survey, cache=cache)
    inputs = read_intake(
        assessments,
        criteria,
        communes=communes,
        appraisal=appraisal,
        survey=survey,
        evidence_dir=evidence_dir,
        lang=lang,
        progress=progress,
        year=year,
        batch_size=batch_size,
        cache=cache,
    )
    return score_inputs(inputs, lang=lang, progress=progress, no_survey=no_survey, cache=cache)


def _read_already(inputs: InputsRead, criteria: object, *reading: object) -> None:
    """A ValueError when an argument of the reading is given with inputs already read: it would
    not be used (they were read with read_intake's), and a set other than theirs would not be
    the one scored."""
    names = ("communes", "appraisal", "survey", "evidence_dir", "year", "batch_size")
    given = [name for name, value in zip(names, reading, strict=True) if value not in (None, (), [])]
    if given:
        raise refused(ValueError, "library-read-already", arguments=", ".join(given))
    if criteria is not None:
        if isinstance(criteria, str | os.PathLike):
            as_set: object = load_criteria(Path(criteria)).criteria
        else:
            as_set = criteria.criteria if isinstance(criteria, LoadedCriteria) else criteria
        if as_set != inputs.criteria:
            raise refused(ValueError, "library-other-criteria", criteria=quoted(inputs.criteria.id))


def score_inputs(
    inputs: InputsRead,
    *,
    lang: str = "vi",
    progress: Progress | None = None,
    no_survey: bool = False,
    cache: RunCache | None = None,
) -> ScoreResult:
    """Score inputs read and checked by the intake (:func:`pari_index.intake.inputs.read_intake`):
    frames only, no file is read here. ``cache``: the one the inputs were read with. Inputs are
    scored once: scoring takes their rows batch by batch (a batched intake is checked as it is
    taken), so a second scoring of the same inputs would not see them whole."""
    if inputs.scored:
        raise refused(ValueError, "library-scored-already")
    inputs.scored = True
    say = progress or (lambda _message: None)
    compiled, register, intake = inputs.compiled, inputs.register, inputs.intake
    if no_survey:
        _refuse_survey_values(inputs)
    survey_state = _survey_state(
        inputs.criteria,
        compiled.leaves,
        intake,
        no_survey=no_survey,
        given=inputs.sources["survey"],
        gave=inputs.gave,
        lang=lang,
    )
    say(progress_text("scoring", lang, n=register.frame.height))
    result = _score_frames(
        compiled,
        register,
        intake,
        inputs.appraisal,
        inputs.evidence,
        lang,
        inputs.batch_size,
        say,
        cache,
        inputs.batched,
    )
    result.sources = inputs.sources
    result.evidence_dir = str(inputs.evidence.path) if inputs.evidence is not None else None
    result.ledger = _survey_rows_named(result.ledger, inputs.sources["survey"])
    result.year = compiled.year
    result.criteria_file = inputs.criteria_file
    files = [*inputs.sources["assessments"], *inputs.sources["survey"]]
    result.completeness = _completeness(result, survey_state, files, lang)
    return result


def _survey_rows_named(ledger: pl.DataFrame, survey: Sequence[str]) -> pl.DataFrame:
    """``ledger`` with the rows of the ``--survey`` files said to be the survey's (``input``
    ``survey``, «điều tra xã hội học»): read with the assessments, they were said to be
    «tự đánh giá» (self assessment) until session 39, though the results' words and
    docs/data-formats.md have had ``survey`` for them."""
    if not survey:
        return ledger
    of_survey = pl.col("file").cast(pl.String).is_in([str(file) for file in survey]) & (pl.col("input") == "assessment")
    return ledger.with_columns(pl.when(of_survey).then(pl.lit("survey")).otherwise(pl.col("input")).alias("input"))


def _limited_items(leaves: Sequence[Leaf]) -> list[str]:
    """The ids of the items the set limits to some unit types (``applies_to``), in its order."""
    return [leaf.id for leaf in leaves if leaf.applies_to is not None]


def _survey_state(
    criteria: CriteriaSet,
    leaves: Sequence[Leaf],
    intake: Intake,
    *,
    no_survey: bool,
    given: list[str],
    gave: Callable[[Sequence[str]], object] | None = None,
    lang: str | None = None,
) -> SurveyState:
    """Whether the survey part is scored. When the set needs survey results and there are none,
    every commune would silently get 0 for the part: UsageError (exit 2) when no survey file was
    given, IntakeError (exit 1, with the survey files' own problems) when the files gave none.
    ``gave``: whether any accepted cell or meta row is of one of the items given it, when the
    intake's are not in ``intake`` (read by batch: ``BatchedIntake.gave_any``, whose intake has
    all its findings when it says no)."""
    survey_items = [leaf.id for leaf in leaves if leaf.part is Part.survey]
    if criteria.parts.survey <= 0 or not survey_items:
        return "no_part"
    if gave is not None:
        found = bool(gave(survey_items))
    else:
        found = (
            intake.cells.select(pl.col(CRITERION).is_in(survey_items).any()).item()
            or intake.meta.select(pl.col(CRITERION).is_in(survey_items).any()).item()
        )
    if no_survey:  # (survey values among the assessments were refused first: _survey_values_given)
        return "optional_missing" if criteria.parts.survey_optional else "skipped"
    if found:
        return "given"
    if criteria.parts.survey_optional:
        return "optional_missing"
    if no_survey:
        return "skipped"
    where = "the files given with --survey have" if given else "no --survey file was given, and the assessments have"
    shown_items = f"{', '.join(survey_items[:6])}{', …' if len(survey_items) > 6 else ''}"
    problem = (
        Problem(
            "survey-missing",
            f"{criteria.id} has a survey part of {criteria.parts.survey} points, but {where} no survey "
            f"results (items {shown_items}); every commune would get 0 for it",
            hint="give the survey results with --survey FILE, or pass --no-survey to score without them "
            "(announced in the results and the report)",
            params={
                "criteria": criteria.id,
                "points": criteria.parts.survey,
                "survey_where": "given" if given else "none",
                "items": shown_items,
            },
        ),
    )
    if not given:
        raise UsageError(list(problem))
    own = intake.findings.filter((pl.col("severity") == "error") & pl.col("file").is_in(given))
    raise IntakeError([*problems_from_findings(own.head(20), lang, criteria), *problem])


def _refuse_survey_values(inputs: InputsRead) -> None:
    """--no-survey given to a run whose assessments hold values of survey items (not a self-score
    alone): which to follow is the user's to say, UsageError (until session 29 the values were
    scored, one commune's 4 points among 59 «without survey results», under the notice that every
    commune had 0 for the part)."""
    survey_items = [leaf.id for leaf in inputs.compiled.leaves if leaf.part is Part.survey]
    if inputs.criteria.parts.survey <= 0 or not survey_items:
        return
    if inputs.batched is not None:
        given = inputs.batched.gave_any(survey_items, values_only=True)
    else:
        cells = inputs.intake.cells
        given = cells.select(pl.col(CRITERION).is_in(survey_items).any()).item()
    if given:
        raise UsageError(_survey_in_assessments(inputs, survey_items))


def _survey_in_assessments(inputs: InputsRead, survey_items: Sequence[str]) -> Problem:
    """The refusal of :func:`_refuse_survey_values`, naming the survey items given (those of a
    batched intake are known by item only)."""
    if inputs.batched is not None:
        survey_items = sorted(inputs.batched.value_items.intersection(survey_items))
    else:
        survey_items = (
            inputs.intake.cells.filter(pl.col(CRITERION).is_in(survey_items))[CRITERION]
            .unique(maintain_order=True)
            .to_list()
        )
    shown_items = f"{', '.join(survey_items[:6])}{', …' if len(survey_items) > 6 else ''}"
    return Problem(
        "no-survey-but-survey-given",
        f"--no-survey was given, but the assessments hold values of survey items ({shown_items})",
        hint="leave out --no-survey to score the survey results the assessments hold, or delete them from the "
        "assessments",
        params={"items": shown_items},
    )


def _completeness(result: ScoreResult, survey: SurveyState, inputs: list[str], lang: str | None = None) -> Completeness:
    """Counts of what was not used, and the input files of which nothing was used."""
    # One pass over the ledger (840,000 rows nationally; three filters took 0.05 s of a re-score).
    counts = result.ledger.group_by("file", "status").len()
    bad = counts.filter(pl.col("status").is_in(["rejected", "partial"]))
    used = counts.filter(pl.col("status").is_in(["scored", "partial"]))
    used_files = set(used["file"].drop_nulls().to_list())
    listed_files = set(counts["file"].drop_nulls().to_list())
    errors = result.findings.filter(pl.col("severity") == "error")
    unread_files: list[str] = []
    unread: list[Problem] = []
    for file in dict.fromkeys(inputs):
        if file in used_files:
            continue
        mine = errors.filter(pl.col("file") == file)
        if mine.height == 0 and file not in listed_files:
            # Not one row, only a header (or headers and blank lines): an export gone wrong, not a
            # commune's blank form, which has its rows.
            mine = _no_rows_finding(file, errors.schema)
        if mine.height == 0:
            # Nothing used and nothing wrong: a file of empty rows (a commune that sent a blank
            # form), shown as "sent nothing" in the ranking.
            continue
        unread_files.append(file)
        # (a folded finding counts the findings it stands for: intake.folding)
        count = int(mine.select(counted().sum()).item())
        whole = mine.filter(pl.col("row").is_null() | (pl.col("kind") == "missing-column"))
        shown = whole if whole.height else mine.head(5)
        unread += problems_from_findings(shown, lang, result.criteria)
        # How many of them are printed above: the whole file's problems explain the rest.
        unread.append(
            Problem(
                "file-unread",
                f"nothing of this file could be used ({count} problem(s), {shown.height} of them "
                "above); no results were written",
                file=file,
                hint="correct the file (see the problems above), or give --allow-incomplete to score "
                "without it (the results then say they are incomplete)",
                params={"count": count, "shown": shown.height},
            )
        )
    parts = _parts_unread(result, unread_files)
    no_survey_communes = 0
    if survey == "given":
        no_survey_communes = result.totals.filter(~pl.col("survey_given").fill_null(False)).height
    return Completeness(
        survey=survey,
        survey_part=str(result.criteria.parts.survey),
        communes_without_survey=no_survey_communes,
        rows_rejected=int(bad.filter(pl.col("status") == "rejected")["len"].sum()),
        rows_partial=int(bad.filter(pl.col("status") == "partial")["len"].sum()),
        files_with_rejected_rows=bad["file"].drop_nulls().n_unique(),
        unread_files=unread_files,
        unread=unread,
        not_submitted=result.totals.filter(~pl.col("submitted")).height,
        parts_unread=parts,
    )


def _parts_unread(result: ScoreResult, unread_files: list[str]) -> int:
    """The errors of the run's input files that no input row carries, in files otherwise used: a
    hidden sheet, a sheet in a legacy font, a column not read, a table refused. Such a part's rows
    were never rows of the ledger, so a workbook whose second sheet was hidden ranked its first
    sheet's communes, and the rest as "sent nothing", under a run that said it was complete."""
    # A name that is not UTF-8 names no finding (polars holds UTF-8 only; such a run is refused
    # before its results are written).
    files = [f for key in ("assessments", "survey", "communes", "appraisal") for f in result.sources[key] if _utf8(f)]
    left_out = [file for file in unread_files if _utf8(file)]
    errors = result.findings.filter(
        (pl.col("severity") == "error") & pl.col("file").is_in(files) & ~pl.col("file").is_in(left_out)
    )
    # The evidence folder's names, nearly none of them its files', are a column of the
    # assessments that could not be used (scoring.evidence._names_unmatched); ranking's whole
    # parts come later (completeness.replace_findings).
    names = whole_parts(result.findings)
    if errors.height == 0:
        return names
    return names + errors_of_no_row(errors, result.ledger)


def errors_of_no_row(errors: pl.DataFrame, ledger: pl.DataFrame) -> int:
    """How many of ``errors`` are at a place (file, sheet, row; null as a value) no row of the
    ``ledger`` is at. The ledger's rows at the errors' places are taken first (the errors are few,
    folded): the ledger's own unique places were a copy of a ledger of 2.4 million rows
    (limits35/appraisal-of-millions-of-tiny-rows)."""
    place = ["file", "sheet", "row"]
    rows = ledger.select(place).join(errors.select(place).unique(), on=place, how="semi", nulls_equal=True)
    return errors.join(rows.unique(), on=place, how="anti", nulls_equal=True).height


def _utf8(text: str) -> bool:
    return text.isascii() or not any("\udc80" <= char <= "\udcff" for char in text)


def _no_rows_finding(file: str, schema: pl.Schema) -> pl.DataFrame:
    finding = {
        "severity": "error",
        "kind": "no-rows",
        "file": file,
        "message": "the file has column names but not one row below them",
        "hint": "export the sheet again with its rows, or leave the file out",
    }
    return pl.DataFrame([finding], schema=schema)


def problems_from_findings(
    findings: pl.DataFrame, lang: str | None = None, criteria: CriteriaSet | None = None
) -> list[Problem]:
    """Findings as problems (each located by file, sheet, row and column). With ``lang``, their
    words in ``lang`` as the findings sheet has them (messages.localise_findings: inputs and the
    fields of a row by their labels in ``criteria``), in both languages alike."""
    if lang is not None:
        findings = localise_findings(findings, lang, input_labeller(criteria, lang))
    return [
        Problem(
            row["kind"],
            row["message"],
            file=row["file"],
            sheet=row["sheet"],
            row=row["row"],
            field=row["column"],
            hint=row["hint"],
            severity=row["severity"],
            params=parse_params(row.get("params")),
            lang=lang or "en",
        )
        for row in findings.iter_rows(named=True)
    ]


def _score_frames(
    compiled: CompiledSet,
    register: Register,
    intake: Intake,
    appraisal: Appraisal,
    evidence: EvidenceFolder | None,
    lang: str,
    batch_size: int | None = None,
    say: Progress | None = None,
    cache: RunCache | None = None,
    frames: BatchedIntake | None = None,
) -> ScoreResult:
    """Score every commune of the register, batch after batch (:mod:`pari_index.scoring.batches`):
    only the totals and the findings of all communes are kept; each batch's per-item detail goes
    to the detail store as soon as it is complete. With a ``cache``, communes whose inputs are as
    in an earlier run keep that run's rows; the cache holds every commune's rows in one entry, so
    a cached run is scored as one batch. ``frames``: the intake read by batch, each batch checked
    as it is taken (``intake`` then has none of its rows, and its findings once it is finished)."""
    criteria = compiled.criteria
    batches = batches_of(register.frame["code"], None if cache is not None else batch_size)
    store = DetailStore(spill=len(batches) > 1)
    totals: list[pl.DataFrame] = []
    found: list[pl.DataFrame] = []
    # The intake's per-commune rows, cut by batch and spilled: only one batch's are held at a time.
    # This empties ``intake``'s frames: fine for the run's own intake; a cached run (whose intake
    # the cache may hold) is one batch and never spilled.
    spilled: IntakeBatches | BatchedIntake | None = frames
    # A cached run's are kept with its intake (one batch: the whole intake).
    submitted = cache.submitted if cache is not None else lambda intake, c: submitted_items(intake, c.leaves)
    if spilled is None and len(batches) > 1 and cache is None:
        spilled = IntakeBatches(intake, batches)
    per_batch = _PerBatch(batches, register, intake, appraisal)
    names = _EvidenceNames() if evidence is not None else None
    for number, codes in enumerate(batches, start=1):
        if len(batches) > 1 and say is not None:
            say(progress_text("batch", lang, number=number, batches=len(batches), n=codes.len()))
        own = spilled.take(number - 1) if spilled is not None else {}
        batch = _BatchInputs.of(number - 1, per_batch, register, intake, appraisal, own)
        del own
        if cache is None:
            scores = score_communes(compiled, batch.register, batch.intake, batch.appraisal, evidence, lang)
            batch_totals = compute_totals(scores.details, criteria, batch.register)
        else:  # the totals of communes whose rows are reused are reused too
            args = (compiled, batch.register, batch.intake, batch.appraisal, evidence, lang)
            scores, batch_totals = cache.commune_scores(*args)
        if names is not None:
            names.note(scores.details)
        totals.append(
            batch_totals.with_columns(
                pl.col(COMMUNE).is_in(submitted(batch.intake, compiled).implode()).alias("submitted")
            )
        )
        found.append(scores.findings)
        details = scores.details
        del scores, batch  # the batch's inputs gone before its detail is stored (and maybe encoded)
        store.add(details, batch_totals)
        del details
    store.finish()  # the last batch's detail written (its error raised here)
    if frames is not None:
        frames.finish()  # the rows of communes in no batch checked; the intake's findings made
    unused = []
    if evidence is not None and names is not None:  # every row's names are known only now
        unused = unused_evidence_problems(evidence, *names.gathered())
    return _run_result(compiled, register, intake, appraisal, store, totals, found, lang, unused)


def _run_result(
    compiled: CompiledSet,
    register: Register,
    intake: Intake,
    appraisal: Appraisal,
    store: DetailStore,
    totals: list[pl.DataFrame],
    found: list[pl.DataFrame],
    lang: str,
    unused: Sequence[Problem] = (),
) -> ScoreResult:
    """The run's result once every batch is scored: the findings of every stage in one order,
    the ledger of every input row, the totals of all batches. ``totals`` and ``found`` (the
    batches') are emptied once put together, before the ledger is made: the findings of every
    batch were otherwise held twice through the run's peak (about 1.5 million commune findings
    at 250,000 units)."""
    criteria = compiled.criteria
    findings = pl.concat(
        [
            problems_to_findings(register.problems, "error"),
            problems_to_findings(register.warnings, "warning"),
            problems_to_findings(untyped_unit_problems(register, _limited_items(compiled.leaves)), "warning"),
            pasted_sets_findings(intake.findings),
            month_first_findings(intake.findings),
            intake.findings,
            appraisal.findings,
            # Each kind of every batch together: the order of an unbatched run.
            order_commune_findings(pl.concat(found), compiled.leaves),
            # Each says its own severity: the folder's names as a whole are an error (evidence.py).
            problems_to_findings(list(unused), "error"),
            unreachable_findings(criteria, lang),
            problems_to_findings(class_warnings(criteria), "warning"),
        ]
    )
    found.clear()
    all_totals = with_items_rejected(pl.concat(totals, how="diagonal_relaxed"), findings)
    totals.clear()
    ledger = pl.concat(
        [
            # Made now (when deferred), once the batches no longer hold the checked intake.
            intake.finish_ledger().with_columns(pl.lit("assessment").alias("input")),
            # A row of theirs at which an error sits is partial, as an assessment's is (session 37).
            errors_carried(appraisal.ledger, findings).with_columns(pl.lit("appraisal").alias("input")),
            *(
                [errors_carried(register.rows, findings).with_columns(pl.lit("register").alias("input"))]
                if register.rows is not None
                else []
            ),
        ],
        how="diagonal_relaxed",
    )
    # Rows that are no data (a total, the headings pasted again) were left out of their tables
    # before any ledger was made: each is put back in its place, so every row of a file is told.
    ledger = not_data_rows(ledger, findings)
    # Folded once the ledger is made: the ledger keeps every row's own reasons. (The appraisal's
    # were folded as they were read: their texts join these.)
    findings, folded_texts = fold_findings(findings)
    if appraisal.folded_texts is not None:
        folded_texts = pl.concat([folded_texts, appraisal.folded_texts]).filter(pl.col("message").is_first_distinct())
    return ScoreResult(
        criteria=criteria,
        leaves=compiled.leaves,
        register=register,
        detail_store=store,
        totals=all_totals,
        findings=findings,
        ledger=ledger,
        folded_texts=folded_texts,
    )


def with_items_rejected(totals: pl.DataFrame, findings: pl.DataFrame) -> pl.DataFrame:
    """``totals`` with ``items_rejected`` beside ``items_not_assessed``: per unit, the items at which
    an error of the run sits (something the unit wrote for the item was refused). Until session 40
    a unit whose every value was refused ranked on its survey alone, its items «ok» at 0 points and
    two «not assessed», with no word at its own row: the run's banner counted rows, not units.
    Counted from the run's findings before they are folded, once every batch is scored: the same
    whatever the batches or the cache."""
    errors = findings.filter(
        (pl.col("severity") == "error") & pl.col(COMMUNE).is_not_null() & pl.col(CRITERION).is_not_null()
    )
    counts = errors.group_by(COMMUNE).agg(pl.col(CRITERION).n_unique().cast(pl.UInt32).alias(ITEMS_REJECTED))
    joined = totals.join(counts, on=COMMUNE, how="left", maintain_order="left").with_columns(
        pl.col(ITEMS_REJECTED).fill_null(0)
    )
    if "items_not_assessed" not in totals.columns:  # no unit at all
        return joined
    order = list(totals.columns)
    order.insert(order.index("items_not_assessed") + 1, ITEMS_REJECTED)
    return joined.select(order)


class _EvidenceNames:
    """The evidence names of every batch's rows (a cached commune's too) and each name looked for
    in the folder with its status, gathered from each batch's detail while it is in memory: the
    unused-evidence check needs the whole run's, and reading them back from the spilled detail
    read every batch again."""

    def __init__(self) -> None:
        self._names: list[pl.DataFrame] = []
        self._checked: list[pl.DataFrame] = []

    def note(self, details: pl.DataFrame) -> None:
        self._names.append(details.select(pl.col("evidence_file").drop_nulls().unique()))
        looked_for = pl.col("evidence_status").is_in(["present", *FILE_STATES]) & pl.col("evidence_file").is_not_null()
        checked = details.lazy().filter(looked_for).select("evidence_file", "evidence_status")
        self._checked.append(checked.unique().collect())

    def gathered(self) -> tuple[list[str], pl.DataFrame]:
        """The names (each once) and the names looked for with their status (each pair once)."""
        # Relaxed: a batch whose every name is empty may have the column typed otherwise.
        names = pl.concat(self._names, how="vertical_relaxed").unique().get_column("evidence_file")
        return names.to_list(), pl.concat(self._checked, how="vertical_relaxed").unique()


class _PerBatch:
    """The rows of the register, the appraisal and (when not read by batch) the intake's findings,
    cut once by batch of communes (each batch's in the frame's order, as a filter by its codes
    gives them); :meth:`take` gives a batch's, once. Filtering every frame for every batch took a
    time that grew with the units times the batches (5 s of 280 at 250,000 units); so did telling
    whether a batch is the whole run by counting the register's codes each time."""

    def __init__(self, batches: Sequence[pl.Series], register: Register, intake: Intake, appraisal: Appraisal) -> None:
        self.whole = len(batches) <= 1
        self._batches = batches
        self._frames: dict[str, dict[int, pl.DataFrame]] = {}
        if self.whole:
            return
        numbers = pl.DataFrame(
            {
                "_code": pl.concat(batches),
                "_batch": pl.concat([pl.repeat(i, b.len(), dtype=pl.Int64, eager=True) for i, b in enumerate(batches)]),
            }
        )
        self._cut("register", register.frame, "code", numbers)
        self._cut("cells", appraisal.cells, COMMUNE, numbers)
        self._cut("decisions", appraisal.decisions, COMMUNE, numbers)
        self._findings = intake.findings

    def _cut(self, name: str, frame: pl.DataFrame, column: str, numbers: pl.DataFrame) -> None:
        keyed = frame.with_columns(
            frame.select(pl.col(column).alias("_code"))
            .join(numbers, on="_code", how="left", maintain_order="left")
            .get_column("_batch")
        )
        parts = keyed.partition_by("_batch", as_dict=True, maintain_order=True)
        self._frames[name] = {key[0]: part.drop("_batch") for key, part in parts.items() if key[0] is not None}
        self._frames[name][-1] = frame.clear()

    def take(self, name: str, number: int) -> pl.DataFrame:
        frames = self._frames[name]
        return frames.pop(number, frames[-1])

    def findings(self, number: int) -> pl.DataFrame:
        """The intake's findings of batch ``number``'s communes (wanted only when the intake was
        not checked by batch, whose batches come with their own)."""
        return self._findings.filter(pl.col(COMMUNE).is_in(self._batches[number].implode()))


@dataclass
class _BatchInputs:
    """The register, intake and appraisal rows of one batch of communes."""

    register: Register
    intake: Intake
    appraisal: Appraisal

    @classmethod
    def of(
        cls,
        number: int,
        per_batch: _PerBatch,
        register: Register,
        intake: Intake,
        appraisal: Appraisal,
        own: dict[str, pl.DataFrame],
    ) -> _BatchInputs:
        """Batch ``number`` (from 0) of ``per_batch``; ``own`` holds the batch's cells, meta rows
        and places (:class:`pari_index.scoring.batches.IntakeBatches`), and its findings when the
        intake was checked by batch (``BatchedIntake.take``: ``intake`` has none yet)."""
        if per_batch.whole:  # one batch: the whole run
            return cls(register, intake, appraisal)
        frame = per_batch.take("register", number)
        return cls(
            dataclasses.replace(register, frame=frame),
            Intake(
                cells=own["cells"],
                meta=own["meta"],
                findings=own["findings"] if "findings" in own else per_batch.findings(number),
                ledger=intake.ledger.clear(),
                places=own["places"],
            ),
            Appraisal(
                cells=per_batch.take("cells", number),
                decisions=per_batch.take("decisions", number),
                findings=appraisal.findings.clear(),
                ledger=appraisal.ledger.clear(),
            ),
        )


__all__ = ["ScoreResult", "problems_from_findings", "score"]
