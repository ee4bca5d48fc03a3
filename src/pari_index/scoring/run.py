"""Scoring: from criteria and spreadsheets to per-item and per-commune results.

:func:`score` is the library form of ``pari score``. It reads the files, evaluates the compiled
rules on the commune's reported inputs and again on the appraisal council's corrected inputs,
applies the evidence policy, and totals per area, part and commune. Every commune of the register
gets one row per scored item, with a status, even when it sent nothing: nothing is dropped
silently.

Points columns of the result frames are Int64 counts of 1/10,000 point (exact sums); use
:func:`pari_index.outputs.files.display_frame` to get decimals for people.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import polars as pl

from pari_index.criteria.compiling import COMMUNE, CompiledSet, compile_criteria, div_round_expr
from pari_index.criteria.loading import LoadedCriteria, default_criteria_path, load_criteria
from pari_index.criteria.methodology import unreachable_text
from pari_index.criteria.model import CriteriaSet, Leaf, Part, unreachable_points
from pari_index.criteria.points import RoundingMode, to_units, unit_step
from pari_index.criteria.rules import Deadline
from pari_index.criteria.units import UnitNames
from pari_index.errors import IntakeError, Problem, UsageError
from pari_index.intake.assessments import (
    CRITERION,
    EVIDENCE_PLACE,
    FIELD,
    META_SCHEMA,
    Intake,
    empty_findings,
    evaluation_frame,
    problems_to_findings,
    read_assessments,
    wrong_unit_findings,
)
from pari_index.intake.by_batch import BatchedIntake, read_assessments_by_batch
from pari_index.intake.register import Register, read_register, register_from_codes
from pari_index.intake.tables import FILE as FILE_COL
from pari_index.intake.tables import ROW as ROW_COL
from pari_index.intake.tables import SHEET as SHEET_COL
from pari_index.limits import check_run_size
from pari_index.messages import params_json, parse_params, progress_text
from pari_index.scoring.batches import DetailStore, IntakeBatches, batches_of
from pari_index.scoring.explanations import add_explanations, input_texts
from pari_index.scoring.verification import (
    Appraisal,
    evidence_dir_problem,
    evidence_findings,
    evidence_requirements,
    evidence_status,
    leaf_frame,
    missing_evidence_zeroes,
    read_appraisal,
    verification_findings,
)

if TYPE_CHECKING:
    from pari_index.scoring.cache import RunCache

Progress = Callable[[str], None]

DETAIL_COLUMNS = [
    COMMUNE,
    CRITERION,
    "area_id",
    "part",
    "max",
    "self_score",
    "computed_score",
    "appraised_score",
    "final_score",
    "counted_max",
    "status",
    "branch",
    "evidence_status",
    "evidence_number",
    "evidence_date",
    "evidence_file",
    "explanation",
    "appraisal_reason",
    "appraiser",
    "inputs",
]


SurveyState = Literal["given", "optional_missing", "skipped", "no_part"]


@dataclass
class Completeness:
    """What a run could not use, so that an incomplete ranking never looks complete.

    ``unread`` lists the problems of input files of which nothing was used (``pari score`` stops
    before writing unless ``--allow-incomplete``); the counts feed the "incomplete" banner of the
    summary and about sheets and of the report (see :func:`notices`)."""

    survey: SurveyState = "no_part"
    survey_part: str = "0"
    communes_without_survey: int = 0
    rows_rejected: int = 0
    rows_partial: int = 0
    files_with_rejected_rows: int = 0
    unread_files: list[str] = field(default_factory=list)
    unread: list[Problem] = field(default_factory=list)
    not_submitted: int = 0
    allowed_incomplete: bool = False

    @property
    def complete(self) -> bool:
        return not (
            self.rows_rejected
            or self.rows_partial
            or self.unread_files
            or self.survey == "skipped"
            or self.communes_without_survey
            or self.not_submitted
        )

    def facts(self) -> dict[str, str]:
        """The counts as about-sheet entries (read back by the report); counts of 0 are left out."""
        counts = {
            "communes_without_survey": self.communes_without_survey,
            "rows_rejected": self.rows_rejected,
            "rows_partial": self.rows_partial,
            "files_with_rejected_rows": self.files_with_rejected_rows,
            "communes_not_submitted": self.not_submitted,
        }
        return {
            "complete": "yes" if self.complete else "no",
            "survey": self.survey,
            "survey_part": self.survey_part,
            **{key: str(n) for key, n in counts.items() if n},
            **({"files_left_out": "; ".join(self.unread_files)} if self.unread_files else {}),
        }


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def notices(facts: Mapping[str, str], lang: str = "vi") -> list[str]:
    """The completeness banner as sentences in ``lang`` (vi or en), from :meth:`Completeness.facts`
    (or an about sheet read back): empty for a complete run. The units are named by the level in
    ``facts`` (the about sheet's ``level_*`` rows; communes when there are none)."""
    vi = lang != "en"
    names = UnitNames.from_about({k: str(v) for k, v in facts.items() if k.startswith("level")})
    unit = names.vi  # "xã", "tỉnh": also the noun counted ("3 xã", "3 tỉnh")

    def units(n: int) -> str:
        return names.en if n == 1 else names.en_plural

    def num(key: str) -> int:
        text = str(facts.get(key) or "0").strip()
        return int(text) if text.isdigit() else 0

    out: list[str] = []
    rejected, partial, files = num("rows_rejected"), num("rows_partial"), num("files_with_rejected_rows")
    if rejected or partial:
        if vi:
            text = f"CHƯA ĐẦY ĐỦ: {rejected} dòng bị loại trong {files} tệp"
            text += f" ({partial} dòng khác chỉ dùng được một phần)" if partial else ""
            out.append(text + "; xem trang findings và rows.")
        else:
            text = f"INCOMPLETE: {rejected} {_plural(rejected, 'row')} rejected in {files} {_plural(files, 'file')}"
            text += f" ({partial} more {_plural(partial, 'row')} only partly used)" if partial else ""
            out.append(text + "; see the findings and rows sheets.")
    left_out = str(facts.get("files_left_out") or "")
    if left_out:
        out.append(
            f"CHƯA ĐẦY ĐỦ: không đọc được tệp {left_out}; tệp này bị bỏ qua (--allow-incomplete)."
            if vi
            else f"INCOMPLETE: {left_out} could not be read and was left out (--allow-incomplete)."
        )
    survey = str(facts.get("survey") or "")
    part = str(facts.get("survey_part") or "")
    if survey == "skipped":
        out.append(
            f"KHÔNG CÓ KHẢO SÁT (--no-survey): phần khảo sát ({part} điểm) không được chấm, "
            f"mọi {unit} được 0 điểm phần này."
            if vi
            else f"NO SURVEY (--no-survey): the survey part ({part} points) is not scored; every {names.en} has 0 "
            "for it."
        )
    elif survey == "optional_missing":
        out.append(
            "Không có kết quả khảo sát: bộ tiêu chí cho phép, chỉ số tính lại trên phần thẩm định."
            if vi
            else "No survey results: the criteria set allows it; the index is re-scaled on the appraised part."
        )
    without = num("communes_without_survey")
    if without:
        out.append(
            f"CHƯA ĐẦY ĐỦ: {without} {unit} không có kết quả khảo sát."
            if vi
            else f"INCOMPLETE: {without} {units(without)} without survey results."
        )
    silent = num("communes_not_submitted")
    if silent:
        out.append(
            f"{silent} {unit} không nộp tự đánh giá (đánh dấu “không nộp” trong bảng xếp hạng)."
            if vi
            else f"{silent} {units(silent)} sent no self-assessment (marked “sent nothing” in the ranking)."
        )
    return out


@dataclass
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

    @property
    def details(self) -> pl.DataFrame:
        """One row per commune and scored item (in a batched run, read back into memory whole:
        :meth:`scan_details` reads only what is asked for)."""
        return self.detail_store.collect()

    def scan_details(self) -> pl.LazyFrame:
        """The per-item detail as a lazy frame over the batches, sorted by commune, then item.
        A batched run's frame reads temporary files that are removed with this result: collect
        it (or write it) while the result is still referenced."""
        return self.detail_store.lazy()

    def commune_details(self, code: str) -> pl.DataFrame:
        return self.scan_details().filter(pl.col(COMMUNE) == code).collect()


def _as_criteria(criteria: str | Path | CriteriaSet | LoadedCriteria | None) -> CriteriaSet:
    if isinstance(criteria, CriteriaSet):
        return criteria
    if isinstance(criteria, LoadedCriteria):
        return criteria.criteria
    return load_criteria(criteria).criteria


def _criteria_file(criteria: str | Path | CriteriaSet | LoadedCriteria | None) -> str | None:
    """The file a set comes from: the path given, the bundled default, or a loaded set's file."""
    if criteria is None:
        return str(default_criteria_path())
    if isinstance(criteria, str | Path):
        return str(criteria)
    if isinstance(criteria, LoadedCriteria) and Path(criteria.file).is_file():
        return criteria.file
    return None


def _merge_corrections(reported: pl.DataFrame, corrected: pl.DataFrame) -> pl.DataFrame:
    key = [COMMUNE, CRITERION, FIELD]
    if corrected.height == 0:
        return reported
    kept = reported.join(corrected.select(key).unique(), on=key, how="anti")
    return pl.concat([kept, corrected.select(reported.columns)], how="vertical_relaxed")


def score(
    assessments: Sequence[str | Path],
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
    """Score self-assessments against a criteria set (the bundled default when None).

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
    say = progress or (lambda _message: None)
    criteria_set = _as_criteria(criteria)
    compiled = compile_criteria(criteria_set, year)
    leaves = compiled.leaves
    say(progress_text("criteria", lang, id=criteria_set.id, n=len(leaves)))

    register = read_register(communes) if communes is not None else None
    if register is not None:
        check_run_size(register.frame.height, len(leaves), str(communes))
    say(progress_text("reading", lang))
    paths = [*assessments, *survey]
    if cache is not None and appraisal is not None and register is not None:
        cache.read_appraisal_beside(appraisal, leaves, register.codes)
    intake, batched = _read_intake(paths, compiled, register, batch_size, cache)
    if register is None:
        register = register_from_codes(intake.communes)
        check_run_size(register.frame.height, len(leaves), None)
        intake.findings = pl.concat([intake.findings, _no_register_finding(intake.findings.schema)])
    fixed = _fixed_dates_of_another_year(criteria_set, leaves, compiled.year)
    gave = _intake_findings(intake, leaves, register, batched, cache, [] if fixed is None else [fixed])
    given = [str(p) for p in survey]
    survey_state = _survey_state(criteria_set, leaves, intake, no_survey=no_survey, given=given, gave=gave)
    if evidence_dir is not None and (problem := evidence_dir_problem(Path(evidence_dir))) is not None:
        raise IntakeError(problem)

    read = cache.appraisal if cache is not None else read_appraisal
    appraisal_data = read(appraisal, leaves, register.codes) if appraisal is not None else Appraisal.empty()
    say(progress_text("scoring", lang, n=register.frame.height))
    evidence = Path(evidence_dir) if evidence_dir else None
    result = _score_frames(compiled, register, intake, appraisal_data, evidence, lang, batch_size, say, cache, batched)
    result.sources = {
        "criteria": [criteria_set.id],
        "assessments": [str(p) for p in assessments],
        "survey": [str(p) for p in survey],
        "communes": [str(communes)] if communes else [],
        "appraisal": [str(appraisal)] if appraisal else [],
    }
    result.year = compiled.year
    result.criteria_file = _criteria_file(criteria)
    result.completeness = _completeness(result, survey_state, [str(p) for p in [*assessments, *survey]])
    return result


def _read_intake(
    paths: Sequence[str | Path],
    compiled: CompiledSet,
    register: Register | None,
    batch_size: int | None,
    cache: RunCache | None,
) -> tuple[Intake, BatchedIntake | None]:
    """The run's intake. A batched run with a register (the batches are its codes') reads and
    checks it a batch of communes at a time (:mod:`pari_index.intake.by_batch`; also returned).
    Otherwise the whole intake at once: with a cache, the checked intake of an earlier run with
    the same files, criteria and register; without, its ledger made after the batches
    (Intake.finish_ledger)."""
    known = register.codes if register is not None else None
    if cache is not None:
        return cache.intake(paths, compiled, register), None
    batches = batches_of(register.frame["code"], batch_size) if register is not None and batch_size else []
    if register is None or len(batches) <= 1:
        return read_assessments(paths, compiled.leaves, known, defer_ledger=True), None
    units = register.frame.select("code", "unit_type")
    batched = read_assessments_by_batch(paths, compiled.leaves, units, batches)
    return batched.intake, batched


def _intake_findings(
    intake: Intake,
    leaves: Sequence[Leaf],
    register: Register,
    batched: BatchedIntake | None,
    cache: RunCache | None,
    later: list[dict[str, str]],
) -> Callable[[Sequence[str]], object] | None:
    """The intake's findings followed by its not-applicable-to-unit warnings and the findings
    ``later``; and whether the intake gave any of some items, when known without looking at its
    cells (``_survey_state``). An intake read by batch has them once its batches are checked
    (``BatchedIntake.finish``): it can tell the items given by checking batches ahead."""
    tail = [pl.DataFrame(later, schema=intake.findings.schema)] if later else []
    if batched is not None:
        batched.tail = tail
        return batched.gave_any
    wrong_unit, items = _wrong_unit_and_items(intake, leaves, register, cache)
    intake.findings = pl.concat([intake.findings, wrong_unit, *tail])
    return items.intersection if items is not None else None


def _wrong_unit_and_items(
    intake: Intake, leaves: Sequence[Leaf], register: Register, cache: RunCache | None
) -> tuple[pl.DataFrame, set[str] | None]:
    """The not-applicable-to-unit warnings, and the items given when known without looking at
    the intake's cells: those the cache kept with the intake."""
    if cache is not None and (kept := cache.facts()) is not None:
        return kept.wrong_unit, kept.items
    return wrong_unit_findings(intake, leaves, register.frame), None


def _no_register_finding(schema: pl.Schema) -> pl.DataFrame:
    """The warning of a run without a register: unit types unknown, one ranking group."""
    message = (
        "no commune register given (--communes): unit types are unknown, so items that apply only to "
        "some unit types are excluded, and all communes are ranked as one group"
    )
    row = {
        "severity": "warning",
        "kind": "no-register",
        "message": message,
        "hint": "give the register with --communes",
    }
    return pl.DataFrame([row], schema=schema)


def _fixed_dates_of_another_year(
    criteria: CriteriaSet, leaves: Sequence[Leaf], year: int | None
) -> dict[str, str] | None:
    """A warning when the year scored is not the set's and some deadlines are fixed dates: those
    stay as written (they are not moved to the year scored), which the user may not expect."""
    if year is None or criteria.year is None or year == criteria.year:
        return None
    fixed = [
        leaf.id
        for leaf in leaves
        if isinstance(leaf.rule, Deadline) and any(isinstance(d, dt.date) for d in leaf.rule.dates)
    ]
    if not fixed:
        return None
    return {
        "severity": "warning",
        "kind": "year-differs",
        "message": f"scored for {year}, but {criteria.id} is the set of {criteria.year}: the fixed-date deadlines "
        f"of items {', '.join(fixed[:6])}{', …' if len(fixed) > 6 else ''} stay as written",
        "hint": "write those deadlines as days of the year ({month: 1, day: 31}) to move them with --year, "
        "or score without --year",
        "params": params_json(
            {
                "year": str(year),
                "criteria": criteria.id,
                "set_year": str(criteria.year),
                "deadlines": ", ".join(fixed[:6]) + (", …" if len(fixed) > 6 else ""),
            }
        ),
    }


def _survey_state(
    criteria: CriteriaSet,
    leaves: Sequence[Leaf],
    intake: Intake,
    *,
    no_survey: bool,
    given: list[str],
    gave: Callable[[Sequence[str]], object] | None = None,
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
    raise IntakeError([*problems_from_findings(own.head(20)), *problem])


def _completeness(result: ScoreResult, survey: SurveyState, inputs: list[str]) -> Completeness:
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
        whole = mine.filter(pl.col("row").is_null() | (pl.col("kind") == "missing-column"))
        shown = whole if whole.height else mine.head(5)
        unread += problems_from_findings(shown)
        unread.append(
            Problem(
                "file-unread",
                f"nothing of this file could be used ({mine.height} problem(s)); no results were written",
                file=file,
                hint="correct the file (see the problems above), or give --allow-incomplete to score "
                "without it (the results then say they are incomplete)",
                params={"count": mine.height},
            )
        )
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
    )


def _no_rows_finding(file: str, schema: pl.Schema) -> pl.DataFrame:
    finding = {
        "severity": "error",
        "kind": "no-rows",
        "file": file,
        "message": "the file has column names but not one row below them",
        "hint": "export the sheet again with its rows, or leave the file out",
    }
    return pl.DataFrame([finding], schema=schema)


def problems_from_findings(findings: pl.DataFrame) -> list[Problem]:
    """Findings as problems (each located by file, sheet, row and column)."""
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
        )
        for row in findings.iter_rows(named=True)
    ]


@dataclass
class CommuneScores:
    """The part of scoring done for each commune on its own: one row per commune and item
    (DETAIL_COLUMNS, sorted by commune code and item) and the findings located at them
    (self-scores, appraisal corrections, items left empty, evidence gaps; see
    :func:`order_commune_findings`). A commune's rows depend only on its own inputs, so that
    they can be computed for some communes and kept for the others (scoring.cache)."""

    details: pl.DataFrame
    findings: pl.DataFrame
    #: Their totals (:func:`compute_totals`), where the caller computed them (scoring.cache).
    totals: pl.DataFrame = field(default_factory=pl.DataFrame)


def score_communes(
    compiled: CompiledSet,
    register: Register,
    intake: Intake,
    appraisal: Appraisal,
    evidence_dir: Path | None,
    lang: str,
) -> CommuneScores:
    """Evaluate, verify and explain every item of every commune of ``register``."""
    leaves = compiled.leaves
    communes = register.frame.select("code", "unit_type")

    # Input cells only (not self-scores, evidence or explanations): what the rules read and what
    # appraisal corrections replace. A third of all cells nationally, so copies stay small.
    typed = [COMMUNE, CRITERION, FIELD, "value", "kind", "num", "flag", "day", "text"]
    input_cells = intake.cells.select(typed).filter(~pl.col("kind").str.starts_with("meta:") | (pl.col(FIELD) == "n/a"))
    reported = compiled.evaluate(evaluation_frame(input_cells, leaves, communes)).rename(
        {"points": "computed_score", "branch": "computed_branch"}
    )
    merged_cells, corrected, touched = _appraisal_evaluation(compiled, communes, input_cells, appraisal)
    # Each commune and item as one integer: the commune's place in code order times the number of
    # items, plus the item's place in the set. Joining millions of rows on two text columns, and
    # sorting them, grew worse than linearly with the country's size; on one integer it does not.
    item_key = _item_keys(communes, leaves)
    meta = item_key(intake.meta)
    details = _join_item_details(
        reported, merged_cells, corrected, touched, item_key, meta, leaves, intake, appraisal, lang
    )
    del reported, merged_cells, input_cells
    details = evidence_status(details, leaves, evidence_dir)
    details = _with_final_scores(details)
    # The explanation is worded here, one batch at a time, and leaves memory with the batch.
    details = add_explanations(details, leaves, lang)  # in item key order (_join_item_details)
    # Located at the evidence cells (the places of the meta rows, joined to the gaps alone).
    evidence_found = evidence_findings(details, meta.select("_k", *EVIDENCE_PLACE))
    details = details.select(*DETAIL_COLUMNS)
    # Evidence findings come located at the evidence cell; those with no evidence cell at all
    # (nothing given) and self-score findings are located here.
    located = _locate(pl.concat([*verification_findings(details), evidence_found]), intake)
    return CommuneScores(details=details, findings=order_commune_findings(located, leaves))


#: The order of the per-commune findings: by kind in this order, then by commune and item.
_FINDING_SECTIONS = {"self-score-differs": 0, "appraisal-correction": 1, "not-assessed": 2}


def order_commune_findings(findings: pl.DataFrame, leaves: Sequence[Leaf]) -> pl.DataFrame:
    """Per-commune findings in one order whatever communes were scored together (a batch, or the
    communes a cache did not hold): self-score differences, appraisal corrections, items left
    empty, then evidence gaps, each by commune code and the item's place in the set."""
    items = {leaf.id: i for i, leaf in enumerate(leaves)}
    section = pl.col("kind").replace_strict(_FINDING_SECTIONS, default=len(_FINDING_SECTIONS), return_dtype=pl.UInt8)
    item = pl.col(CRITERION).replace_strict(items, default=None, return_dtype=pl.UInt32)
    return findings.sort(section, pl.col(COMMUNE), item, nulls_last=False, maintain_order=True)


def _score_frames(
    compiled: CompiledSet,
    register: Register,
    intake: Intake,
    appraisal: Appraisal,
    evidence_dir: Path | None,
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
    submitted = cache.submitted if cache is not None else lambda intake, c: _submitted(intake, c.leaves)
    if spilled is None and len(batches) > 1 and cache is None:
        spilled = IntakeBatches(intake, batches)
    for number, codes in enumerate(batches, start=1):
        if len(batches) > 1 and say is not None:
            say(progress_text("batch", lang, number=number, batches=len(batches), n=codes.len()))
        own = spilled.take(number - 1) if spilled is not None else {}
        batch = _BatchInputs.of(codes, register, intake, appraisal, own)
        del own
        if cache is None:
            scores = score_communes(compiled, batch.register, batch.intake, batch.appraisal, evidence_dir, lang)
            batch_totals = compute_totals(scores.details, criteria, batch.register)
        else:  # the totals of communes whose rows are reused are reused too
            args = (compiled, batch.register, batch.intake, batch.appraisal, evidence_dir, lang)
            scores, batch_totals = cache.commune_scores(*args)
        store.add(scores.details)
        totals.append(
            batch_totals.with_columns(
                pl.col(COMMUNE).is_in(submitted(batch.intake, compiled).implode()).alias("submitted")
            )
        )
        found.append(scores.findings)
        del scores, batch
    if frames is not None:
        frames.finish()  # the rows of communes in no batch checked; the intake's findings made
    findings = pl.concat(
        [
            problems_to_findings(register.problems, "error"),
            problems_to_findings(register.warnings, "warning"),
            intake.findings,
            appraisal.findings,
            # Each kind of every batch together: the order of an unbatched run.
            order_commune_findings(pl.concat(found), compiled.leaves),
            _unreachable_findings(criteria, lang),
        ]
    )
    ledger = pl.concat(
        [
            # Made now (when deferred), once the batches no longer hold the checked intake.
            intake.finish_ledger().with_columns(pl.lit("assessment").alias("input")),
            appraisal.ledger.with_columns(pl.lit("appraisal").alias("input")),
            *([register.rows.with_columns(pl.lit("register").alias("input"))] if register.rows is not None else []),
        ],
        how="diagonal_relaxed",
    )
    return ScoreResult(
        criteria=criteria,
        leaves=compiled.leaves,
        register=register,
        detail_store=store,
        totals=pl.concat(totals, how="diagonal_relaxed"),
        findings=findings,
        ledger=ledger,
    )


@dataclass
class _BatchInputs:
    """The register, intake and appraisal rows of one batch of communes."""

    register: Register
    intake: Intake
    appraisal: Appraisal

    @classmethod
    def of(
        cls, codes: pl.Series, register: Register, intake: Intake, appraisal: Appraisal, own: dict[str, pl.DataFrame]
    ) -> _BatchInputs:
        """The batch of ``codes``; ``own`` holds the batch's cells, meta rows and places
        (:class:`pari_index.scoring.batches.IntakeBatches`), and its findings when the intake was
        checked by batch (``BatchedIntake.take``: ``intake`` has none yet)."""
        if codes.len() == register.frame["code"].n_unique():  # one batch: the whole run
            return cls(register, intake, appraisal)
        wanted = codes.implode()

        def mine(frame: pl.DataFrame, column: str = COMMUNE) -> pl.DataFrame:
            return frame.filter(pl.col(column).is_in(wanted))

        return cls(
            dataclasses.replace(register, frame=mine(register.frame, "code")),
            Intake(
                cells=own["cells"],
                meta=own["meta"],
                findings=own["findings"] if "findings" in own else mine(intake.findings),
                ledger=intake.ledger.clear(),
                places=own["places"],
            ),
            Appraisal(
                cells=mine(appraisal.cells),
                decisions=mine(appraisal.decisions),
                findings=appraisal.findings.clear(),
                ledger=appraisal.ledger.clear(),
            ),
        )


def _appraisal_evaluation(
    compiled: CompiledSet, communes: pl.DataFrame, input_cells: pl.DataFrame, appraisal: Appraisal
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The input cells with the council's corrections merged in, the scores the rules give the
    corrected items (``corrected_score``, ``corrected_branch``) and which items were corrected
    (``_corrected``); empty frames of the same schemas when there is no appraisal."""
    if not appraisal.cells.height:
        corrected = pl.DataFrame(
            schema={
                COMMUNE: pl.String,
                CRITERION: pl.String,
                "corrected_score": pl.Int64,
                "corrected_branch": pl.String,
            }
        )
        touched = pl.DataFrame(schema={COMMUNE: pl.String, CRITERION: pl.String, "_corrected": pl.Boolean})
        return input_cells, corrected, touched
    # Only the communes whose inputs the council corrected are evaluated again (a national
    # appraisal touches about one commune in seven).
    touched_communes = appraisal.cells.select(COMMUNE).unique()
    merged_touched = _merge_corrections(input_cells.join(touched_communes, on=COMMUNE, how="semi"), appraisal.cells)
    merged_cells = pl.concat(
        [input_cells.join(touched_communes, on=COMMUNE, how="anti"), merged_touched], how="vertical_relaxed"
    )
    touched_register = communes.join(touched_communes, left_on="code", right_on=COMMUNE, how="semi")
    corrected = compiled.evaluate(evaluation_frame(merged_touched, compiled.leaves, touched_register)).select(
        COMMUNE, CRITERION, pl.col("points").alias("corrected_score"), pl.col("branch").alias("corrected_branch")
    )
    touched = appraisal.cells.select(COMMUNE, CRITERION).unique().with_columns(pl.lit(True).alias("_corrected"))
    return merged_cells, corrected, touched


def _join_item_details(
    reported: pl.DataFrame,
    merged_cells: pl.DataFrame,
    corrected: pl.DataFrame,
    touched: pl.DataFrame,
    item_key: Callable[[pl.DataFrame], pl.DataFrame],
    meta: pl.DataFrame,
    leaves: Sequence[Leaf],
    intake: Intake,
    appraisal: Appraisal,
    lang: str,
) -> pl.DataFrame:
    """One row per commune and item: the computed score joined with the item's definition, what
    the commune wrote for it (``meta``, its self-scores and evidence with ``_k``; its inputs as
    text, by id and by label in ``lang``), the appraisal's corrections and decisions, and ``_k``
    (the item key, see :func:`_item_keys`)."""
    key = [COMMUNE, CRITERION]
    # Anything the commune wrote for an item (an input, a self-score, an explanation) counts as
    # having assessed it; an item with nothing at all is "not_assessed".
    assessed = pl.concat([item_key(intake.cells.select(key))["_k"], meta["_k"]])
    # Where the meta rows were read is only needed for the few evidence gaps (evidence_findings).
    written = meta.select("_k", *(c for c in META_SCHEMA if c not in (*key, *EVIDENCE_PLACE)))
    # Sorted by the key while the frame is narrow; every join below keeps that order.
    joined = (
        item_key(reported)
        .sort("_k")
        .with_columns(pl.col("_k").is_in(assessed.implode()).alias("_has_input"))
        # The item's definition and the evidence it needs (for evidence_status): one join.
        .join(
            leaf_frame(leaves).hstack(evidence_requirements(leaves).drop(CRITERION)),
            on=CRITERION,
            how="left",
            maintain_order="left",
        )
        .join(written, on="_k", how="left", maintain_order="left")
        .join(input_texts(merged_cells, leaves, lang, item_key), on="_k", how="left", maintain_order="left")
    )
    # Without an appraisal (or none for this batch) the columns are added empty, without joins.
    for right in (corrected, touched, appraisal.decisions):
        if right.height:
            joined = joined.join(right, on=key, how="left", maintain_order="left")
        else:
            joined = joined.with_columns(
                pl.lit(None, dtype=t).alias(c) for c, t in right.schema.items() if c not in key
            )
    return joined


def _first_word(cases: Sequence[tuple[pl.Expr, str]], otherwise: str) -> pl.Expr:
    """The word of the first case whose condition holds, else ``otherwise``: what a when/then
    chain of text literals gives, but chosen as a number and then looked up (such a chain builds
    a column of text per case: three times the cost on a batch's rows)."""
    index = pl.coalesce([pl.when(condition).then(pl.lit(i, pl.UInt32)) for i, (condition, _) in enumerate(cases)])
    words = pl.Series([word for _, word in cases] + [otherwise], dtype=pl.String)
    return pl.lit(words).gather(index.fill_null(len(cases)))


def _with_final_scores(details: pl.DataFrame) -> pl.DataFrame:
    """Adds the appraised and final scores, the item's status and the branch taken.

    The order of precedence is the decree's: an excluded item has no score; a council's explicit
    override wins over everything; missing evidence zeroes the item under its policy; otherwise
    the corrected score (if the council corrected inputs) or the computed one.
    """
    corrected_flag = pl.col("_corrected").fill_null(False)
    override = pl.col("score_override")
    appraised = (
        pl.when(override.is_not_null())
        .then(override)
        .when(corrected_flag)
        .then(pl.col("corrected_score"))
        .otherwise(pl.lit(None, dtype=pl.Int64))
    )
    excluded = pl.col("computed_branch") == "na_excluded"
    zeroed = missing_evidence_zeroes(pl.col("policy"), pl.col("evidence_status"))
    base = pl.coalesce(appraised, pl.col("computed_score"))
    final = (
        pl.when(excluded)
        .then(pl.lit(None, dtype=pl.Int64))
        .when(override.is_not_null())
        .then(override)
        .when(zeroed)
        .then(pl.lit(0, dtype=pl.Int64))
        .otherwise(base)
    )
    not_assessed = ~pl.col("_has_input").fill_null(False) & (pl.col("part") != Part.adjustment.value)
    status = _first_word(
        [
            (excluded, "excluded"),
            (appraised.is_not_null() & (appraised != pl.col("computed_score")), "appraised"),
            (not_assessed & (pl.col("part") == Part.survey.value), "no_survey"),
            (not_assessed & ~pl.col("computed_branch").str.starts_with("na_"), "not_assessed"),
            (zeroed, "evidence_missing"),
            (
                pl.col("self_score").is_not_null() & (pl.col("self_score") != pl.col("computed_score")),
                "self_score_differs",
            ),
        ],
        "ok",
    )
    return details.with_columns(
        appraised.alias("appraised_score"),
        final.alias("final_score"),
        status.alias("status"),
        pl.coalesce(pl.when(corrected_flag).then(pl.col("corrected_branch")), pl.col("computed_branch")).alias(
            "branch"
        ),
        pl.col("reason").alias("appraisal_reason"),
    )


def _submitted(intake: Intake, leaves: Sequence[Leaf]) -> pl.Series:
    """Communes that sent anything for their self-assessment: a value, a self-score, evidence,
    or a row that was rejected. Survey results come from the survey, not the commune."""
    survey_items = [leaf.id for leaf in leaves if leaf.part is Part.survey]
    own = ~pl.col(CRITERION).is_in(survey_items).fill_null(False)
    return pl.concat(
        [
            intake.cells.filter(own).select(pl.col(COMMUNE).unique())[COMMUNE],
            intake.meta.filter(own).select(pl.col(COMMUNE).unique())[COMMUNE],
            intake.findings.filter(own & pl.col("file").is_not_null())[COMMUNE].drop_nulls(),
        ]
    ).unique()


def _locate(findings: pl.DataFrame, intake: Intake) -> pl.DataFrame:
    """Findings about self-scores and evidence, located where the commune wrote them: the row and
    column of the self-score or evidence, or (for evidence not given at all) the item's row."""
    key = [COMMUNE, CRITERION]
    place = pl.when(pl.col("kind") == "self-score-differs").then(pl.lit("self_score")).otherwise(pl.lit("evidence"))
    wanted = findings.filter(
        (pl.col("kind") == "self-score-differs") | pl.col("kind").str.starts_with("evidence-")
    ).select(key)
    if wanted.height == 0:
        return findings
    # Any input row of the item will do (an item with several inputs may have several rows).
    item_rows = (
        intake.cells.select(*key, FILE_COL, SHEET_COL, ROW_COL)
        .join(wanted.unique(), on=key, how="semi")
        .unique(subset=key, keep="any")
        .select(
            *key,
            pl.col(FILE_COL).cast(pl.String).alias("_file"),
            pl.col(SHEET_COL).alias("_sheet"),
            pl.col(ROW_COL).alias("_row"),
        )
    )
    places = intake.places.join(wanted.unique(), on=key, how="semi").rename(
        {"file": "_pfile", "sheet": "_psheet", "row": "_prow", "column": "_pcolumn"}
    )
    located = (
        findings.with_columns(place.alias("place"))
        .join(places, on=[*key, "place"], how="left", maintain_order="left")
        .join(item_rows, on=key, how="left", maintain_order="left")
    )
    is_ours = ((pl.col("kind") == "self-score-differs") | pl.col("kind").str.starts_with("evidence-")) & pl.col(
        "file"
    ).is_null()
    from_place = pl.col("_prow").is_not_null()
    return located.with_columns(
        pl.when(is_ours).then(pl.coalesce("_pfile", "_file")).otherwise(pl.col("file")).alias("file"),
        pl.when(is_ours)
        .then(pl.coalesce("_psheet", pl.when(~from_place).then("_sheet")))
        .otherwise(pl.col("sheet"))
        .alias("sheet"),
        pl.when(is_ours).then(pl.coalesce("_prow", "_row")).otherwise(pl.col("row")).alias("row"),
        pl.when(is_ours).then(pl.col("_pcolumn")).otherwise(pl.col("column")).alias("column"),
    ).select(findings.columns)


def _item_keys(communes: pl.DataFrame, leaves: Sequence[Leaf]) -> Callable[[pl.DataFrame], pl.DataFrame]:
    """A function adding ``_k`` (UInt64) to a frame with commune_code and criterion_id: the
    commune's place among the register's codes in sorted order times the number of items, plus
    the item's place in the criteria set. Sorting by ``_k`` sorts by commune code, then item."""
    places = communes.select(pl.col("code").alias(COMMUNE)).sort(COMMUNE).with_row_index("_commune")
    items = {leaf.id: i for i, leaf in enumerate(leaves)}
    count = len(items)
    codes = places[COMMUNE]
    if not codes.null_count() and codes.n_unique() == codes.len() and count == len(leaves):
        # Both places are an enum's codes (null where not one of them): four joins per batch on
        # the commune's code and a lookup of the item cost three times as much.
        def place(column: str, values: pl.Series | list[str]) -> pl.Expr:
            return pl.col(column).cast(pl.Enum(values), strict=False).to_physical().cast(pl.UInt64)

        key = (place(COMMUNE, codes) * count + place(CRITERION, list(items))).alias("_k")
        return lambda frame: frame.with_columns(key)

    def add(frame: pl.DataFrame) -> pl.DataFrame:
        with_place = frame.join(places, on=COMMUNE, how="left")
        item = pl.col(CRITERION).replace_strict(items, default=None, return_dtype=pl.UInt64)
        return with_place.with_columns((pl.col("_commune").cast(pl.UInt64) * count + item).alias("_k")).drop("_commune")

    return add


def _unreachable_findings(criteria: CriteriaSet, lang: str) -> pl.DataFrame:
    """One finding per printed maximum kept above its children's sum: its unreachable points count
    in every unit's maximum, which lowers every index, so the results say so on the item."""
    hint = (
        "điểm tối đa in trong quyết định được tính (docs/criteria.md §14)"
        if lang == "vi"
        else "the printed maximum counts (docs/criteria.md §14)"
    )
    rows = [
        {
            "severity": "info",
            "kind": "printed-max-unreachable",
            CRITERION: item.node,
            "message": unreachable_text(item, lang),
            "hint": hint,
            "size": float(item.points),
            "params": params_json(
                {
                    "criterion": item.node,
                    "printed": float(item.printed),
                    "children": float(item.children),
                    "points": float(item.points),
                    "reason": item.reason,
                }
            ),
        }
        for item in unreachable_points(criteria)
    ]
    return pl.DataFrame(rows, schema=empty_findings().schema) if rows else empty_findings()


def _div_round(a: pl.Expr, b: pl.Expr, mode: RoundingMode) -> pl.Expr:
    """a / b (b > 0) rounded for either sign of a, as the reference evaluator rounds: ``down``
    towards zero (a penalty can take a total below 0), a half upwards or to the even neighbour."""
    if mode is RoundingMode.down:
        return pl.when(a < 0).then(-((-a) // b)).otherwise(a // b)
    return div_round_expr(a, b, mode)


def _rounded(expr: pl.Expr, places: int | None, mode: RoundingMode) -> pl.Expr:
    """A units column rounded to ``places`` decimals of a point; unchanged when not rounded."""
    if places is None:
        return expr
    step = unit_step(places)
    return _div_round(expr, pl.lit(step), mode) * step


def _area_points(details: pl.DataFrame, criteria: CriteriaSet) -> pl.DataFrame:
    """Points per commune, area and part, each area rounded to the policy's area places.

    An area whose items are all excluded for the commune has no score (null), not 0, so that it is
    not ranked last on that area. Bonus and penalty: each adjustment area's net points stay within
    +/- the area's maximum (its cap), whatever its items add up to."""
    caps = pl.DataFrame(
        {
            "area_id": [a.id for a in criteria.areas if a.part is Part.adjustment],
            "_cap": [to_units(a.max) for a in criteria.areas if a.part is Part.adjustment],
        },
        schema={"area_id": pl.String, "_cap": pl.Int64},
    )
    summed = (
        details.group_by(COMMUNE, "area_id", "part")
        .agg(pl.when(pl.col("final_score").is_not_null().any()).then(pl.col("final_score").sum()).alias("_points"))
        .join(caps, on="area_id", how="left")
        .with_columns(
            pl.when(pl.col("_cap").is_not_null())
            .then(pl.col("_points").fill_null(0).clip(-pl.col("_cap"), pl.col("_cap")))
            .otherwise(pl.col("_points"))
            .alias("_points")
        )
    )
    return summed.with_columns(
        _rounded(pl.col("_points"), criteria.rounding.at("areas"), criteria.rounding.mode).alias("_points")
    )


def _unreachable_max(details: pl.DataFrame, criteria: CriteriaSet) -> pl.DataFrame:
    """Per commune, the unreachable points of printed maxima (``printed_mismatch``) that count in
    its appraised and survey maximum: those of every node with a leaf that counts for the commune."""
    rows = [(u.node, u.part.value, to_units(u.points), leaf) for u in unreachable_points(criteria) for leaf in u.leaves]
    table = pl.DataFrame(
        rows, schema={"_node": pl.String, "_part": pl.String, "_units": pl.Int64, CRITERION: pl.String}, orient="row"
    )
    counted = (
        details.select(COMMUNE, CRITERION, "counted_max")
        .join(table, on=CRITERION, how="inner")
        .group_by(COMMUNE, "_node", "_part")
        .agg((pl.col("counted_max") > 0).any().alias("_counts"), pl.col("_units").first())
        .filter(pl.col("_counts"))
        .group_by(COMMUNE)
        .agg(
            pl.col("_units").filter(pl.col("_part") == "appraised").sum().alias("_unreachable_appraised"),
            pl.col("_units").filter(pl.col("_part") == "survey").sum().alias("_unreachable_survey"),
        )
    )
    return counted


_PART_COLUMNS = (
    "appraised_points",
    "survey_points",
    "appraised_max",
    "survey_max",
    "survey_given",
    "items_not_assessed",
    "adjustment_points",
)


def compute_totals(details: pl.DataFrame, criteria: CriteriaSet, register: Register) -> pl.DataFrame:
    """Per commune: points per part and area, the applicable maximum and the index in %.

    The index is achieved / applicable maximum x 100 (1149/QĐ-BNV), where items excluded as not
    applicable leave the maximum (Thanh Hóa 2023: 68.32 of 84 = 81.33 %). A set whose survey is
    optional re-scales the appraised part to the full scale for communes without survey results.
    Each level is rounded as the set's rounding policy says (docs/criteria.md §12): areas from the
    items, parts from the areas, the total and the index from the parts, the last two before anyone
    ranks on them. Unreachable points of a printed maximum count in the maximum (§14)."""
    policy, mode = criteria.rounding, criteria.rounding.mode
    part = pl.col("part")
    per_commune = details.group_by(COMMUNE).agg(
        pl.col("counted_max").filter(part == "appraised").sum().alias("appraised_max"),
        pl.col("counted_max").filter(part == "survey").sum().alias("survey_max"),
        (pl.col("status") != "no_survey").filter(part == "survey").any().alias("survey_given"),
        (pl.col("status") == "not_assessed").sum().alias("items_not_assessed"),
    )
    by_area = _area_points(details, criteria)
    points = pl.col("_points").fill_null(0)
    parts = by_area.group_by(COMMUNE).agg(
        _rounded(points.filter(pl.col("part") == name).sum(), policy.at("parts"), mode).alias(f"{name}_points")
        for name in ("appraised", "survey", "adjustment")
    )
    per_commune = (
        per_commune.join(parts, on=COMMUNE, how="left")
        .join(_unreachable_max(details, criteria), on=COMMUNE, how="left")
        .with_columns(
            (pl.col("appraised_max") + pl.col("_unreachable_appraised").fill_null(0)).alias("appraised_max"),
            (pl.col("survey_max") + pl.col("_unreachable_survey").fill_null(0)).alias("survey_max"),
        )
        # The columns in the order they always had (results sheets keep their layout).
        .select(COMMUNE, *_PART_COLUMNS)
    )
    area_ids = [a.id for a in criteria.areas if (a.part or Part.appraised) is not Part.adjustment]
    areas = (
        by_area.filter(pl.col("part") != "adjustment")
        .group_by(COMMUNE, "area_id")
        .agg(pl.when(pl.col("_points").is_not_null().any()).then(pl.col("_points").sum()).alias("_points"))
        .pivot(on="area_id", index=COMMUNE, values="_points", aggregate_function="first")
    )
    areas = areas.rename({a: f"area_{a}" for a in area_ids if a in areas.columns})
    # Area columns in the criteria set's order, whatever order the groups came in.
    areas = areas.select(COMMUNE, *[f"area_{a}" for a in area_ids if f"area_{a}" in areas.columns])
    rescale = pl.lit(criteria.parts.survey_optional and criteria.parts.survey > 0) & ~pl.col("survey_given").fill_null(
        False
    )
    total = pl.col("appraised_points") + pl.col("survey_points") + pl.col("adjustment_points")
    maximum = pl.when(rescale).then(pl.col("appraised_max")).otherwise(pl.col("appraised_max") + pl.col("survey_max"))
    achieved = pl.when(rescale).then(pl.col("appraised_points") + pl.col("adjustment_points")).otherwise(total)
    # index in units of 1/10,000 %, rounded to the index's places of a percent (4 when not rounded).
    index_places = policy.shown("index")
    index = _div_round(achieved * (100 * 10**index_places), maximum, mode) * unit_step(index_places)
    totals = (
        per_commune.with_columns(
            total.alias("total_points"),
            maximum.alias("applicable_max"),
            pl.when(maximum > 0).then(index).otherwise(pl.lit(None, dtype=pl.Int64)).alias("index"),
            rescale.alias("survey_rescaled"),
        )
        .with_columns(_rounded(pl.col("total_points"), policy.at("total"), mode).alias("total_points"))
        .join(areas, on=COMMUNE, how="left")
    )
    reg = register.frame.rename({"code": COMMUNE})
    keep = [c for c in reg.columns if not c.startswith("_")]
    return reg.select(keep).join(totals, on=COMMUNE, how="left").sort(COMMUNE)


__all__ = ["CommuneScores", "Completeness", "ScoreResult", "compute_totals", "empty_findings", "notices", "score"]
