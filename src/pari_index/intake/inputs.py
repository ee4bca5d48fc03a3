"""Every input of a scoring run read and checked: the criteria set, the register, the assessments
and survey results (by batch of communes when the run will be batched), the appraisal.

:func:`read_intake` is the intake stage of ``pari score`` as one call: it gives the scoring stage
(:func:`pari_index.scoring.run.score_inputs`) frames, never paths, and the readers are called
from here alone (until session 28 ``scoring.run.score`` read the register, the assessments and
the appraisal itself). ``scoring.run.score`` is this, then ``score_inputs``. The evidence folder
is the one place still looked at while scoring: which files each item needs is known only then.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from pari_index.criteria.compiling import CompiledSet, compile_criteria
from pari_index.criteria.loading import LoadedCriteria, default_criteria_path, load_criteria
from pari_index.criteria.model import CriteriaSet, Leaf
from pari_index.criteria.objects import checked_criteria, file_of
from pari_index.criteria.rules import Deadline
from pari_index.intake.appraisal import Appraisal, read_appraisal
from pari_index.intake.assessments import Intake, read_assessments, wrong_unit_findings
from pari_index.intake.by_batch import BatchedIntake, batches_of, read_assessments_by_batch
from pari_index.intake.evaluation_input import appraisal_wrong_unit_findings
from pari_index.intake.evidence_files import EvidenceFolder
from pari_index.intake.many import FilesAhead
from pari_index.intake.register import Register, read_register, register_from_codes
from pari_index.messages import params_json, progress_text
from pari_index.system.limits import check_run_size
from pari_index.system.spelling import spelled_on_disk

Progress = Callable[[str], None]


class IntakeCache(Protocol):
    """What the intake takes of a run's cache (:class:`pari_index.scoring.cache.RunCache`): the
    checked intake and the appraisal of an earlier run with the same files, and what the run
    derived from that intake (``facts``: its ``wrong_unit`` warnings and ``items`` given)."""

    def intake(
        self,
        paths: Sequence[str | Path],
        compiled: CompiledSet,
        register: Register | None,
        survey: Sequence[str | Path] = (),
    ) -> Intake: ...

    def facts(self) -> Any: ...

    def read_appraisal_beside(
        self, path: str | Path, leaves: Sequence[Leaf], codes: pl.Series, names: pl.DataFrame | None = None
    ) -> None: ...

    def appraisal(
        self, path: str | Path, leaves: Sequence[Leaf], codes: pl.Series | None, names: pl.DataFrame | None = None
    ) -> Appraisal: ...


@dataclass
class InputsRead:
    """A run's inputs read and checked, as the scoring stage takes them."""

    criteria: CriteriaSet
    compiled: CompiledSet
    register: Register
    intake: Intake
    appraisal: Appraisal
    #: The intake read by batch (each batch checked as scoring takes it), or None.
    batched: BatchedIntake | None
    #: Whether the intake gave any of some items, when known without looking at its cells.
    gave: Callable[[Sequence[str]], object] | None
    #: Communes scored at a time; the batched intake was cut by these batches.
    batch_size: int | None
    #: What the run read, by role (the results' about sheet lists them).
    sources: dict[str, list[str]] = field(default_factory=dict)
    #: The file the set was read from (None for a set given as an object).
    criteria_file: str | None = None
    #: The evidence folder (checked usable): the scoring stage asks it for the states of the files
    #: each batch names (which evidence each item needs is known only then).
    evidence: EvidenceFolder | None = None
    #: Set once scored: scoring takes the rows away batch by batch (scoring.run.score_inputs).
    scored: bool = False

    def __repr__(self) -> str:
        # What a notebook shows of ``pari.read_intake(...)``: one line, not the dataclass's repr of
        # every field (227 KB for the 36 communes of the example: the criteria set, its compiled
        # rules and each frame printed whole).
        read = ", ".join(f"{role}={len(names)}" for role, names in self.sources.items())
        return (
            f"InputsRead(criteria='{self.criteria.id}', register_rows={self.register.frame.height}, "
            f"batch_size={self.batch_size}, files=({read}), scored={self.scored})"
        )


def read_intake(
    assessments: Sequence[str | Path],
    criteria: str | Path | CriteriaSet | LoadedCriteria | None = None,
    *,
    communes: str | Path | None = None,
    appraisal: str | Path | None = None,
    survey: Sequence[str | Path] = (),
    evidence_dir: str | Path | None = None,
    lang: str = "vi",
    progress: Progress | None = None,
    year: int | None = None,
    batch_size: int | None = None,
    cache: IntakeCache | None = None,
) -> InputsRead:
    """Read and check every input of a run (the arguments of :func:`pari_index.scoring.run.score`)."""
    say = progress or (lambda _message: None)
    # A folder that cannot be used stops the run before any file is read.
    evidence = EvidenceFolder.checked(evidence_dir) if evidence_dir is not None else None
    paths = [*assessments, *survey]
    # The files are read while the criteria set and register load (a thread), by range when the
    # run will most likely be batched (a register and a batch size); a run that fails stops it.
    files = FilesAhead(paths, ranged=communes is not None and bool(batch_size)) if cache is None and paths else None
    with files or contextlib.nullcontext():
        criteria_set = _as_criteria(criteria)
        compiled = compile_criteria(criteria_set, year)
        leaves = compiled.leaves
        say(progress_text("criteria", lang, id=criteria_set.id, n=len(leaves)))

        register = read_register(communes) if communes is not None else None
        if register is not None:
            check_run_size(register.frame.height, len(leaves), str(communes))
        say(progress_text("reading", lang))
        if cache is not None and appraisal is not None and register is not None:
            cache.read_appraisal_beside(appraisal, leaves, register.codes, register.frame.select("code", "name"))
        intake, batched = _read_intake(paths, compiled, register, batch_size, cache, files, survey=survey)
        if register is None:
            register = register_from_codes(intake.communes)
            check_run_size(register.frame.height, len(leaves), None)
            intake.findings = pl.concat([intake.findings, _no_register_finding(intake.findings.schema)])
        fixed = _fixed_dates_of_another_year(criteria_set, leaves, compiled.year)
        gave = _intake_findings(intake, leaves, register, batched, cache, [] if fixed is None else [fixed])
        read = cache.appraisal if cache is not None else read_appraisal
        names = register.frame.select("code", "name")
        appraisal_data = read(appraisal, leaves, register.codes, names) if appraisal is not None else Appraisal.empty()
        # A correction of an item that does not apply to the unit's type is said where it was written.
        wrong_type = appraisal_wrong_unit_findings(
            appraisal_data.cells, appraisal_data.decisions, leaves, register.frame
        )
        if wrong_type.height:
            appraisal_data.findings = pl.concat([appraisal_data.findings, wrong_type], how="vertical_relaxed")
    return InputsRead(
        criteria=criteria_set,
        compiled=compiled,
        register=register,
        intake=intake,
        appraisal=appraisal_data,
        batched=batched,
        gave=gave,
        batch_size=batch_size,
        sources=_sources(criteria_set, assessments, survey, communes, appraisal),
        criteria_file=_criteria_file(criteria),
        evidence=evidence,
    )


def _as_criteria(criteria: str | Path | CriteriaSet | LoadedCriteria | None) -> CriteriaSet:
    if isinstance(criteria, CriteriaSet):
        return checked_criteria(criteria)  # one built or changed in Python meets the file's checks
    if isinstance(criteria, LoadedCriteria):  # its set may have been replaced or edited since
        return checked_criteria(criteria.criteria)
    return load_criteria(criteria).criteria


def _criteria_file(criteria: str | Path | CriteriaSet | LoadedCriteria | None) -> str | None:
    """The file a set comes from: the path given, the bundled default, or a loaded set's file."""
    if criteria is None:
        return str(default_criteria_path())
    if isinstance(criteria, str | Path):
        return str(criteria)
    if isinstance(criteria, LoadedCriteria) and spelled_on_disk(criteria.file).is_file():  # as it was read
        return criteria.file
    if isinstance(criteria, CriteriaSet):  # pari.load_criteria(path): that file, while set and file are unchanged
        return file_of(criteria)
    return None


def _sources(
    criteria_set: CriteriaSet,
    assessments: Sequence[str | Path],
    survey: Sequence[str | Path],
    communes: str | Path | None,
    appraisal: str | Path | None,
) -> dict[str, list[str]]:
    """What a run read, by role (the results' about sheet lists them): the set's id and the files."""
    return {
        "criteria": [criteria_set.id],
        "assessments": [str(p) for p in assessments],
        "survey": [str(p) for p in survey],
        "communes": [str(communes)] if communes else [],
        "appraisal": [str(appraisal)] if appraisal else [],
    }


def _read_intake(
    paths: Sequence[str | Path],
    compiled: CompiledSet,
    register: Register | None,
    batch_size: int | None,
    cache: IntakeCache | None,
    files: FilesAhead | None = None,
    *,
    survey: Sequence[str | Path] = (),
) -> tuple[Intake, BatchedIntake | None]:
    """The run's intake. A batched run with a register (the batches are its codes') reads and
    checks it a batch of communes at a time (:mod:`pari_index.intake.by_batch`; also returned).
    Otherwise the whole intake at once: with a cache, the checked intake of an earlier run with
    the same files, criteria and register; without, its ledger made after the batches
    (Intake.finish_ledger). ``files``: the files being read ahead (not with a cache); ``survey``:
    those of ``paths`` given as survey results."""
    known = register.codes if register is not None else None
    if cache is not None:
        return cache.intake(paths, compiled, register, survey=survey), None
    batches = batches_of(register.frame["code"], batch_size) if register is not None and batch_size else []
    if register is None or len(batches) <= 1:
        names = register.frame.select("code", "name") if register is not None else None
        intake = read_assessments(
            paths, compiled.leaves, known, defer_ledger=True, ahead=files, survey=survey, unit_names=names
        )
        return intake, None
    units = register.frame.select("code", "name", "unit_type")
    batched = read_assessments_by_batch(paths, compiled.leaves, units, batches, files, survey)
    return batched.intake, batched


def _intake_findings(
    intake: Intake,
    leaves: Sequence[Leaf],
    register: Register,
    batched: BatchedIntake | None,
    cache: IntakeCache | None,
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
    intake: Intake, leaves: Sequence[Leaf], register: Register, cache: IntakeCache | None
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
