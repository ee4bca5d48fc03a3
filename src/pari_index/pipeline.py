"""The ``pari score`` job as one library call: score, rank, write results, optionally the report.

The CLI is a thin wrapper over :func:`run_score`; an analyst can call it too, or use the steps
(:func:`pari_index.scoring.run.score`, :func:`pari_index.ranking.ranks.rank`,
:func:`pari_index.outputs.results.write_results`) separately.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from pari_index.criteria.model import CriteriaSet
from pari_index.errors import IntakeError, OutputError, Problem, StrictModeError, UsageError, quoted, shown_path
from pari_index.intake import file_digests
from pari_index.intake.folding import counted, counted_kind
from pari_index.messages import Words, progress_text
from pari_index.scoring.batches import DEFAULT_BATCH_SIZE
from pari_index.system import input_watch
from pari_index.system.limits import check_report_size

if TYPE_CHECKING:
    from pari_index.criteria.loading import LoadedCriteria
    from pari_index.outputs.path_identity import Source
    from pari_index.outputs.results import ResultTables
    from pari_index.scoring.cache import RunCache
    from pari_index.scoring.run import ScoreResult

Progress = Callable[[str], None]


@dataclass
class ScoreRun:
    """What a run produced: the scoring result, the ranked summary and the files written."""

    result: ScoreResult
    summary: pl.DataFrame
    files: list[Path]
    text: str
    #: Error findings: input that was rejected and not scored (the run still wrote its results).
    errors: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return self.text


def _format_for(output: Path, fmt: str | None) -> str:
    from pari_index.outputs.path_identity import Target
    from pari_index.outputs.path_names import not_portable
    from pari_index.outputs.path_shapes import typed_as_folder

    if fmt:
        return fmt
    suffix = output.suffix.lower()
    if suffix in (".xlsx", ""):
        return "xlsx" if suffix == ".xlsx" else "csv"
    if suffix == ".csv" and typed_as_folder(output):
        return "csv"  # -o results.csv/: a folder's name, as --format csv asks for
    if suffix == ".csv":
        raise UsageError(
            Problem(
                "csv-needs-folder",
                "a CSV result is several tables: give a folder name with --format csv",
                file=str(output),
            )
        )
    if suffix == ".parquet":
        return "parquet"
    if suffix in (".html", ".htm"):
        # ``pari score … -o bao-cao.html``: the ranking's report asked of -o, which was "unknown
        # output type «.html»", hint "use results.xlsx", with nothing of --report (session 40).
        raise UsageError(
            Problem(
                "output-is-report-name",
                f"-o names the results (a workbook, or a folder with --format csv or parquet); a {suffix} "
                "report is written with --report",
                file=str(output),
                params={"suffix": suffix, "stem": shown_path(output.with_suffix("")), "name": shown_path(output)},
                hint=f"write the results with -o and the report with --report: -o {shown_path(output.with_suffix(''))}"
                f".xlsx --report {shown_path(output)}",
            )
        )
    unportable = not_portable(Target(output, "-o"))
    if unportable is not None:
        # ``-o "out.xlsx "``: the ending is ``.xlsx `` only because of the space Windows drops; the
        # name is what is wrong, as every other output of such a name is told (exit 4).
        raise OutputError([unportable])
    raise UsageError(
        Problem(
            "output-type-unknown",
            f"unknown output type {quoted(suffix)}",
            file=str(output),
            params={"suffix": suffix or "''"},
            hint="use results.xlsx, or a folder with --format csv or parquet",
        )
    )


def results_format(output: Path, fmt: str | None) -> str | None:
    """The format ``pari score`` writes its results at ``output`` in (``xlsx``, or a folder of
    ``csv`` or ``parquet``), or None for a name it refuses (told by the run, not here)."""
    try:
        return _format_for(output, fmt)
    except (UsageError, OutputError):
        return None


def check_options(
    *, survey: Sequence[str | Path], no_survey: bool, previous: str | Path | None, lineage: str | Path | None
) -> None:
    """Refuse (UsageError, exit 2) options of a score run that contradict each other or do nothing
    without another, before anything is read: ``--survey FILE --no-survey`` scored with the survey
    and said nothing of --no-survey; ``--lineage`` without ``--previous`` was never read (a
    lineage table only links this year's codes to last year's results)."""
    problems = []
    if no_survey and survey:
        problems.append(
            Problem(
                "no-survey-with-survey",
                "--no-survey and --survey say opposite things: score without the survey, or with these results?",
                hint="leave out --no-survey to score with the survey results, or --survey to score without them",
            )
        )
    if lineage is not None and previous is None:
        problems.append(
            Problem(
                "lineage-without-previous",
                "--lineage is used only with --previous: it links this year's codes to last year's results, and "
                "none were given; it would not be read",
                hint="give last year's results with --previous, or leave out --lineage",
            )
        )
    if problems:
        raise UsageError(problems)


#: The files a score run reads, each of which must be a file of its own (paths.check_read_once).
_TABLES = frozenset({"ASSESSMENTS", "--survey", "--communes", "--appraisal", "--lineage", "--previous", "--criteria"})
#: The tables of data a score run reads, none of which may be results of pari score (ownership.check_not_results).
_DATA = frozenset({"ASSESSMENTS", "--survey", "--communes", "--appraisal", "--lineage"})


def check_score_paths(
    out: Path,
    fmt: str,
    report: str | Path | None,
    assessments: Sequence[str | Path],
    survey: Sequence[str | Path],
    communes: str | Path | None,
    appraisal: str | Path | None,
    previous: str | Path | None,
    lineage: str | Path | None,
    criteria: str | Path | None,
    evidence_dir: str | Path | None,
    cache: str | Path | None = None,
) -> None:
    """The path rule (pari_index.outputs.paths) for a score run: no output is, contains or reaches an
    input, the report is not the results, and the cache is apart from both. Checked before
    anything is read."""
    from pari_index.outputs.path_identity import Target
    from pari_index.outputs.path_names import PAGE_SUFFIXES
    from pari_index.outputs.paths import check_cache_folder, check_paths, sources
    from pari_index.outputs.results import results_sources, results_target

    targets = [results_target(out, fmt, "-o")]  # type: ignore[arg-type]
    if report is not None:
        targets.append(Target(Path(report), "--report", suffixes=PAGE_SUFFIXES))
    inputs = sources(
        ("ASSESSMENTS", assessments),  # the argument as `pari score --help` names it, in either language
        ("--survey", survey),
        ("--communes", communes),
        ("--appraisal", appraisal),
        ("--lineage", lineage),
        ("--criteria", criteria),
        ("--evidence-dir", evidence_dir),
    )
    if previous is not None:
        inputs += results_sources(previous, "--previous")
    check_paths(targets, inputs)
    check_score_inputs(inputs)
    if cache is not None:
        check_cache_folder(Path(cache), targets, inputs)


def check_score_inputs(
    inputs: Sequence[Source], tables: Collection[str] = _TABLES, data: Collection[str] = _DATA
) -> None:
    """Each table read once (no file given twice, by name or link, nor a copy of another under
    another name), and none of the data a results file of pari score. ``tables`` and ``data``:
    the options (or, for pari.score, the arguments) naming them. Checked before anything is read."""
    from pari_index.outputs.ownership import check_not_results
    from pari_index.outputs.paths import check_read_once
    from pari_index.same_content import check_same_content

    check_read_once([s for s in inputs if s.option in tables])
    check_same_content([(s.option, s.path) for s in inputs if s.option in data])
    check_not_results([(s.option, s.path) for s in inputs if s.option in data])


def _watched(
    inputs: list[str | Path | None],
    evidence_dir: str | Path | None,
    previous: str | Path | None,
    outputs: tuple[str | Path | None, ...],
) -> contextlib.AbstractContextManager[None]:
    """The run's inputs watched while it reads them (pari_index.system.input_watch), the evidence folder
    whole, last year's results by what is read of them (the tables of a folder, or the workbook
    and the CSV files its long sheets overflowed to); its outputs not looked at in an input
    folder."""
    from pari_index.outputs.paths import watched
    from pari_index.outputs.results import results_sources

    read: list[str | Path | input_watch.InputFolder | None] = [*inputs]
    if evidence_dir is not None:
        read.append(input_watch.InputFolder(evidence_dir))
    if previous is not None:
        read += watched(results_sources(previous, "--previous"))
    return input_watch.watching(read, besides=outputs)


def run_score(
    *,
    assessments: Sequence[str | Path],
    output: str | Path,
    criteria: str | Path | CriteriaSet | LoadedCriteria | None = None,
    communes: str | Path | None = None,
    appraisal: str | Path | None = None,
    survey: Sequence[str | Path] = (),
    evidence_dir: str | Path | None = None,
    fmt: str | None = None,
    group_by: str | Sequence[str] | None = None,
    previous: str | Path | None = None,
    lineage: str | Path | None = None,
    report: str | Path | None = None,
    lang: str = "vi",
    strict: bool = False,
    date: str | None = None,
    progress: Progress | None = None,
    no_survey: bool = False,
    allow_incomplete: bool = False,
    year: int | None = None,
    synthetic: bool = False,
    batch_size: int | None = DEFAULT_BATCH_SIZE,
    cache: str | Path | None = None,
) -> ScoreRun:
    """Score, rank and write. Raises StrictModeError (after writing) under ``strict`` when there are
    error or warning findings; IntakeError (exit 1) before writing anything when nothing of an
    input file could be used (unless ``allow_incomplete``), and UsageError ``survey-missing`` when
    the set needs survey results and none were given (unless ``no_survey``). Whatever was not used
    is announced on the console, in the summary and about sheets and in the report. ``group_by`` is
    a register column or a list from the top down (``["province", "district"]``), as ``pari score
    --group-by``. ``date`` is also the run date the results record; ``synthetic`` marks the data as
    synthetic (the report then carries a banner; docs/report.md, "Method and provenance").
    ``batch_size``: communes scored at a time (``--batch-size``; None: all at once); only the
    totals of all communes stay in memory, and the results are the same to the byte. ``cache``: a
    folder keeping the checked intake and each commune's scored rows for the next run (``pari score
    --cache``): the same results, faster (a cached run is one batch)."""
    from pari_index.outputs.results import result_tables
    from pari_index.scoring.run import score

    say = progress or (lambda _m: None)
    out = Path(output)
    chosen = _format_for(out, fmt)
    check_options(survey=survey, no_survey=no_survey, previous=previous, lineage=lineage)
    # A set given as an object is no file to check or watch (it failed in pathlib as one).
    criteria_file = criteria if isinstance(criteria, str | os.PathLike) else None
    inputs = (assessments, survey, communes, appraisal, previous, lineage, criteria_file, evidence_dir, cache)
    check_score_paths(out, chosen, report, *inputs)
    marks, run_cache = _run_marks(date, synthetic), _run_cache(cache, lang)
    # Inputs hashed once, in a thread (cache key, provenance); no output from one changed mid-run.
    read = [*assessments, *survey, communes, appraisal]
    watched = _watched([*read, criteria_file, lineage], evidence_dir, previous, (out, report, cache))
    with watched, file_digests.inputs_of_run(read), _detail_uses(chosen, report is None and cache is None):
        result = score(
            assessments,
            criteria,
            communes=communes,
            appraisal=appraisal,
            survey=survey,
            evidence_dir=evidence_dir,
            lang=lang,
            progress=say,
            no_survey=no_survey,
            year=year,
            batch_size=batch_size,
            cache=run_cache,
        )
        _check_complete(result, allow_incomplete)
        summary, previous_tables = _ranked(result, group_by, previous, lineage, say, lang, run_cache)
        if report is not None:  # before anything is written: no results without their report
            check_report_size(summary.height, str(report))
        tables = result_tables(result, summary, extra_about=marks, lang=lang)
        files = _write_outputs(out, chosen, report, tables, result, lang, date, say, run_cache)
        text = _console_text(result, previous_tables, files, lang, chosen) + _cache_text(run_cache, lang)
        if strict:
            _check_strict(result, out, lang, chosen)
        return ScoreRun(
            result=result, summary=summary, files=files, text=text, errors=_error_problems(result, lang, chosen)
        )


#: False while the caller of :func:`run_score` reads nothing of the run's per-item detail after
#: it (``pari score``, the benchmarks' ``pari``): a library caller may read
#: ``run_score(...).result.details``, so by default the detail is kept until then.
DETAIL_READ_AFTER: ContextVar[bool] = ContextVar("pari_detail_read_after", default=True)


@contextlib.contextmanager
def _detail_uses(chosen: str, alone: bool) -> Iterator[None]:
    """What a batched run makes from each batch's detail while it is in memory
    (scoring.batches): ranking's facts always; for a results folder of Parquet files, its
    criteria table encoded as the batches are scored (the same bytes, without reading the spilled
    detail back for it). When that is all that reads the detail (``alone``: no report, no cache,
    and no caller reading it after, :data:`DETAIL_READ_AFTER`), none is spilled at all
    (benchmarks/README.md, "Issue 15 after the thirty-seventh session"). Not for CSV or a
    workbook, whose writers read the spill."""
    from pari_index.outputs.results import criteria_as_scored
    from pari_index.ranking.ranks import commune_facts
    from pari_index.scoring.batches import AS_SCORED, FACTS_OF, KEPT

    parquet = chosen == "parquet"
    tokens = (
        AS_SCORED.set(criteria_as_scored if parquet else None),
        FACTS_OF.set(commune_facts),
        KEPT.set(not (parquet and alone and not DETAIL_READ_AFTER.get())),
    )
    try:
        yield
    finally:
        KEPT.reset(tokens[2])
        FACTS_OF.reset(tokens[1])
        AS_SCORED.reset(tokens[0])


def note_before_ranking(
    result: ScoreResult,
    group_by: str | Sequence[str] | None,
    previous: str | Path | None,
    previous_tables: dict[str, pl.DataFrame] | None,
) -> None:
    """What ranking ``result`` must say first, added to its findings, for ``pari score`` and
    ``pari_index.rank`` alike: results of the wrong year given as last year's (raises for a later
    one: ranking.previous_year) or cut down to their summary, a group's name written more than one
    way (ranking.spellings), ranked units without a group value (ranking.empty_groups)."""
    from pari_index.outputs.paths import open_inputs
    from pari_index.outputs.results import results_sources
    from pari_index.outputs.results_checks import about_facts, tables_cut
    from pari_index.ranking.empty_groups import note_empty_groups
    from pari_index.ranking.previous_year import note_previous_cut, note_previous_open, note_previous_year
    from pari_index.ranking.spellings import note_spellings
    from pari_index.ranking.strays import note_strays

    if previous is not None and previous_tables is not None:
        note_previous_year(result, about_facts(previous_tables).get("year"), previous)
        note_previous_cut(result, previous, tables_cut(previous_tables))
        read = results_sources(previous, "--previous")
        note_previous_open(result, [str(s.path / n) for s in read for n in s.reads or ("",)], open_inputs(read))
    note_spellings(result, group_by)
    note_empty_groups(result, group_by)
    note_strays(result, group_by)


def _ranked(
    result: ScoreResult,
    group_by: str | Sequence[str] | None,
    previous: str | Path | None,
    lineage: str | Path | None,
    say: Progress,
    lang: str,
    cache: RunCache | None = None,
) -> tuple[pl.DataFrame, dict[str, pl.DataFrame] | None]:
    """The ranked summary (against last year's results and the lineage of merged communes, when
    given), and last year's results as read; the progress line is said once they are read. With
    a ``cache``, what ranking takes from each commune's own rows, when it kept it."""
    from pari_index.outputs.results import read_results
    from pari_index.ranking.lineage import lineage_of_run
    from pari_index.ranking.previous_year import note_previous_unmatched
    from pari_index.ranking.ranks import CommuneFacts, rank

    previous_tables = read_results(previous, whole=False) if previous is not None else None
    note_before_ranking(result, group_by, previous, previous_tables)
    lineage_frame = lineage_of_run(result, lineage, previous_tables) if lineage is not None else None
    if previous is not None and previous_tables is not None:
        note_previous_unmatched(result, previous, previous_tables, lineage_frame, lineage)
    say(progress_text("ranking", lang))
    kept = cache.known if cache is not None else None
    made = result.detail_store.facts() if kept is None else None  # as the batches were scored
    known = CommuneFacts(kept.areas, kept.lost) if kept is not None else None
    if made is not None:
        known = CommuneFacts(*made)
    summary = rank(
        result.totals,
        result.detail_store.lazy(),
        result.criteria,
        group_by=group_by,
        previous=previous_tables,
        lineage=lineage_frame,
        known=known,
        lang=lang,
    )
    return summary, previous_tables


def causes_first(findings: pl.DataFrame, register: str | None) -> pl.DataFrame:
    """``findings`` in the order a reader follows them: causes before their consequences. The
    register's findings first (a code it lost to a bad byte makes every row of that commune
    ``unknown-commune`` in the assessments: sweep 17 printed the cause after 78 of them, the
    assessments' name sorting first); then the file-level findings of every file (no row: an
    encoding, a missing column, the file open in Excel), then each file's rows in turn; findings of
    no file last. Until session 35 a file's file-level findings came after the rows of the files
    named before it: the survey open in LibreOffice was told after the 50 findings printed of the
    assessments' rows, hidden in "… and 289 more"."""
    return findings.sort(
        pl.col("file").is_in([register] if register is not None else []).fill_null(False).not_(),
        pl.col("file").is_null(),
        pl.col("row").is_not_null(),
        "file",
        "sheet",
        "row",
        nulls_last=True,
        maintain_order=True,
    )


def _error_problems(result: ScoreResult, lang: str, fmt: str = "xlsx") -> list[Problem]:
    """The run's error findings as problems, causes first (:func:`causes_first`), for the console."""
    from pari_index.intake.pasted_sets import file_of_pasted_sets

    errors = result.findings.filter(pl.col("severity") == "error")
    # A file of two sets' rows is said once (pasted-sets); its conflicts stay in the findings sheet.
    errors = causes_first(errors.filter(~file_of_pasted_sets(errors)), result.register.source)
    # An input is named by its label, as in the findings sheet (not by its id: signed_on).
    return findings_as_problems(errors, lang=lang, criteria=result.criteria, fmt=fmt)


def _run_marks(date: str | None, synthetic: bool) -> dict[str, str]:
    """The about rows the caller sets: the run date given (checked before any work, as is
    SOURCE_DATE_EPOCH), and a synthetic mark."""
    from pari_index.outputs.provenance import check_date, epoch_date

    if date is not None:
        check_date(date)
    else:
        epoch_date()
    marks = {"run_date": date} if date else {}
    if synthetic:
        marks |= {"synthetic": "yes", "synthetic_marker": "--synthetic"}
    return marks


def _run_cache(folder: str | Path | None, lang: str) -> RunCache | None:
    from pari_index.ranking.ranks import commune_facts
    from pari_index.scoring.cache import RunCache

    return RunCache(folder, lang, facts_of=commune_facts) if folder is not None else None


def _cache_text(cache: RunCache | None, lang: str) -> str:
    """The console lines about the cache (what was reused, what could not be used), if any."""
    from pari_index.scoring.cache import cache_notes

    lines = cache_notes(cache, lang) if cache is not None else []
    return "".join("\n" + line for line in lines)


def _check_complete(result: ScoreResult, allow_incomplete: bool) -> None:
    """A whole file that could not be read stops the run before writing (it would rank every commune
    on what is left), unless the caller allows incomplete results: then they say so."""
    completeness = result.completeness
    if completeness.unread:
        if not allow_incomplete:
            raise IntakeError(completeness.unread)
        completeness.allowed_incomplete = True


def _write_outputs(
    out: Path,
    chosen: str,
    report: str | Path | None,
    tables: ResultTables,
    result: ScoreResult,
    lang: str,
    date: str | None,
    say: Progress,
    cache: RunCache | None = None,
) -> list[Path]:
    """Write the results (and the report when asked); returns the files written. With a cache,
    a results table whose file already holds the bytes it would be written as is kept as it is."""
    from pari_index.outputs.files import PARQUET_ROW_GROUP, placed_together
    from pari_index.outputs.results import seal, write_results

    say(progress_text("writing", lang, path=out))
    keep: frozenset[str] = frozenset()
    if cache is not None:
        if isinstance(tables.criteria, pl.LazyFrame):  # a cached run is one batch, held in memory
            tables.criteria = tables.criteria.collect()
        seal(tables, chosen)  # the about table as it is written (its values' digests), for the cache's digests
        keep = cache.unchanged_outputs(out, chosen, tables.as_written(), PARQUET_ROW_GROUP)
    reuse = cache.reusable if cache is not None else None
    # The results and the report are put in place together, once both are written: a run stopped
    # or failing while it writes the report leaves the previous pair (outputs.files).
    with placed_together():
        files = write_results(out, tables, chosen, keep, reuse)  # type: ignore[arg-type]
        if report is not None:
            from pari_index.outputs.report import write_report

            say(progress_text("writing_report", lang, path=report))
            write_report(Path(report), tables.as_dict(), lang=lang, date=date, criteria=result.criteria)
            files.append(Path(report))
    if cache is not None:
        cache.remember_outputs(out, chosen)
    return files


def _console_text(
    result: ScoreResult,
    previous_tables: dict[str, pl.DataFrame] | None,
    files: list[Path],
    lang: str,
    fmt: str = "xlsx",
) -> str:
    """The run's console summary: what was scored, the notices, what still compares with last
    year's results, and the files written."""
    from pari_index.criteria.units import unit_names
    from pari_index.scoring.completeness import notices

    facts = {**result.completeness.facts(), **unit_names(result.criteria).about()}
    lines = [*_run_summary(result, lang, fmt), *notices(facts, lang)]
    if previous_tables is not None:  # last year's items may differ: say what still compares
        from pari_index.authoring.previous import previous_set_notes

        lines += previous_set_notes(previous_tables, result.criteria, lang)
    lines.append(("Đã ghi: " if lang == "vi" else "Written: ") + ", ".join(shown_path(f) for f in files))
    return "\n".join(lines)


def _check_strict(result: ScoreResult, out: Path, lang: str = "en", fmt: str = "xlsx") -> None:
    """Under --strict, any error or warning finding fails the run (after the results are written)."""
    severities = Counter(dict(result.findings.group_by("severity").agg(counted().sum()).iter_rows()))
    if severities.get("error", 0) or severities.get("warning", 0):
        shown = causes_first(result.findings.filter(pl.col("severity") != "info"), result.register.source)
        problems = findings_as_problems(shown, lang=lang, criteria=result.criteria, fmt=fmt)
        errors, warnings = severities.get("error", 0), severities.get("warning", 0)
        plural = _plural_words(errors, warnings)
        said = f"--strict: {errors} {plural['error_s']} and {warnings} {plural['warning_s']} (results written to {out})"
        problems.append(
            Problem("strict", said, params={"errors": errors, "warnings": warnings, "out": str(out), **plural})
        )
        raise StrictModeError(problems)


#: The console summary's words (``pari score``), one language per run.
_SUMMARY: dict[str, Words] = {
    "scored": Words(
        "Đã chấm {n} {units} theo {items} tiêu chí của {set} ({origin}{year}).",
        "Scored {n} {units} on {items} items of {set} ({origin}{year}).",
    ),
    "year": Words(", năm {year}", ", year {year}"),
    "rows": Words("Dòng đầu vào: đọc {total}, dùng {used}, ", "Input rows: {total} read, {used} used, "),
    "partial": Words("dùng một phần {n} (có giá trị bị từ chối), ", "{n} partly used (a value in them was rejected), "),
    "rejected": Words("từ chối {n} (xem {findings})", "{n} rejected (see {findings})"),
    "empty": Words(", {n} dòng không có gì để chấm.", ", {n} with nothing to score."),
    "findings": Words("Phát hiện: ", "Findings: "),
    "counts": Words(" ({errors} lỗi, {warnings} cảnh báo).", " ({errors} {error_s}, {warnings} {warning_s})."),
    "none": Words("Không có phát hiện nào.", "No findings."),
}


def _run_summary(result: ScoreResult, lang: str = "en", fmt: str = "xlsx") -> list[str]:
    """What was scored, what became of the input rows (the rejected ones in the findings, named as
    the output of ``fmt`` holds them), and the findings by kind (console text)."""
    from pari_index.criteria.units import unit_names
    from pari_index.messages import format_number, title
    from pari_index.messages.results_words import findings_place

    def say(key: str, **params: object) -> str:
        # Counts as the language writes them (3.920 / 3,920); a year stays as it is.
        shown = {k: format_number(v, lang) if isinstance(v, int) and k != "year" else v for k, v in params.items()}
        return _SUMMARY[key].get(lang).format(**shown)

    # Counted per kind by polars, then titled (a national run has some 60,000 findings).
    # A folded finding counts as the findings of its kind it stands for (intake.folding).
    kinds: Counter[str] = Counter()
    by_kind = result.findings.group_by(counted_kind().alias("kind")).agg(counted().sum())
    for kind, count in by_kind.iter_rows():
        kinds[title(kind, lang)] += count
    severities = dict(result.findings.group_by("severity").agg(counted().sum()).iter_rows())
    ledger = result.ledger
    total = ledger.height
    # One pass over the ledger's 840,000 rows (three filters took 0.03 s of every national run).
    by_status: dict[str | None, int] = dict(ledger.group_by("status").len().iter_rows())
    rejected = by_status.get("rejected", 0)
    partial = by_status.get("partial", 0)
    used = sum(by_status.get(status, 0) for status in ("scored", "applied", "registered"))
    empty = total - used - rejected - partial
    c = result.criteria
    year = say("year", year=result.year) if result.year is not None else ""
    units = unit_names(c).plural(lang)
    scored = say(
        "scored", n=result.totals.height, units=units, items=len(result.leaves), set=c.id, origin=c.origin, year=year
    )
    rows = (
        say("rows", total=total, used=used)
        + (say("partial", n=partial) if partial else "")
        + say("rejected", n=rejected, findings=findings_place(fmt, lang))
        + (say("empty", n=empty) if empty else ".")
    )
    if not kinds:
        return [scored, rows, say("none")]
    ranked = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    by_count = ", ".join(f"{kind} {format_number(count, lang)}" for kind, count in ranked)
    errors, warnings = severities.get("error", 0), severities.get("warning", 0)
    counts = say("counts", errors=errors, warnings=warnings, **_plural_words(errors, warnings))
    return [scored, rows, say("findings") + by_count + counts]


def _plural_words(errors: int, warnings: int) -> dict[str, str]:
    """ "1 error", "2 errors" in English (Vietnamese has one word for both): «--strict: 1 errors»
    until session 34."""
    return {"error_s": "error" if errors == 1 else "errors", "warning_s": "warning" if warnings == 1 else "warnings"}


def _where(row: dict[str, object], lang: str = "en") -> str:
    """ "commune X, item Y: " for findings that have no file place of their own."""
    if row["file"] or not row["commune_code"]:
        return ""
    commune_word, item_word = ("xã", "tiêu chí") if lang == "vi" else ("commune", "item")
    item = f", {item_word} {row['criterion_id']}" if row["criterion_id"] else ""
    return f"{commune_word} {row['commune_code']}{item}: "


def findings_as_problems(
    findings: pl.DataFrame,
    limit: int = 50,
    lang: str = "en",
    criteria: CriteriaSet | None = None,
    fmt: str = "xlsx",
) -> list[Problem]:
    """Findings as located problems (the first ``limit``) for printing, their words in ``lang`` as
    the findings sheet and the report have them (inputs and the fields of a row by their labels in
    ``criteria``, when given); a finding with no file place of its own names its commune and item.
    The rest are pointed to where results written as ``fmt`` hold them (the workbook's findings
    sheet by its name in ``lang``, or the folder's file)."""
    from pari_index.messages import format_number
    from pari_index.messages.results_words import findings_place
    from pari_index.scoring.run import problems_from_findings

    shown = findings.head(limit)
    problems = problems_from_findings(shown, lang, criteria)
    for i, row in enumerate(shown.select("file", "commune_code", "criterion_id").iter_rows(named=True)):
        if where := _where(row, lang):
            problems[i] = dataclasses.replace(problems[i], message=where + problems[i].message)
    if findings.height > limit:
        # As many as the findings not shown stand for: a folded one is those it folded, not one.
        more = int(findings.slice(limit).select(counted().sum()).item())
        place = findings_place(fmt, lang)
        text = (
            f"… và {format_number(more, lang)} vấn đề khác (xem {place})"
            if lang == "vi"
            else f"… and {format_number(more, lang)} more (see {place})"
        )
        problems.append(Problem("more", text, severity="note", params={"count": more, "place": place}, lang=lang))
    return problems
