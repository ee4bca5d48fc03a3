"""The ``pari score`` job as one library call: score, rank, write results, optionally the report.

The CLI is a thin wrapper over :func:`run_score`; an analyst can call it too, or use the steps
(:func:`pari_index.scoring.run.score`, :func:`pari_index.ranking.ranks.rank`,
:func:`pari_index.outputs.results.write_results`) separately.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from pari_index import input_watch
from pari_index.criteria.model import CriteriaSet
from pari_index.errors import IntakeError, Problem, StrictModeError, UsageError, quoted
from pari_index.intake import file_digests
from pari_index.limits import check_report_size
from pari_index.messages import Words, progress_text
from pari_index.scoring.batches import DEFAULT_BATCH_SIZE

if TYPE_CHECKING:
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
    from pari_index.outputs.paths import typed_as_folder

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
    raise UsageError(
        Problem(
            "output-type-unknown",
            f"unknown output type {quoted(suffix)}",
            file=str(output),
            params={"suffix": suffix or "''"},
            hint="use results.xlsx, or a folder with --format csv or parquet",
        )
    )


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
    from pari_index.outputs.ownership import check_not_results
    from pari_index.outputs.paths import (
        PAGE_SUFFIXES,
        Target,
        check_cache_folder,
        check_paths,
        check_read_once,
        sources,
    )
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
    check_read_once([s for s in inputs if s.option in _TABLES])
    check_not_results([(s.option, s.path) for s in inputs if s.option in _DATA])
    if cache is not None:
        check_cache_folder(Path(cache), targets)


def run_score(
    *,
    assessments: Sequence[str | Path],
    output: str | Path,
    criteria: str | Path | None = None,
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
    """Score, rank and write. Raises StrictModeError (after writing) under ``strict`` when there
    are error or warning findings.

    Raises IntakeError (exit 1) before writing anything when nothing of an input file could be used
    (unless ``allow_incomplete``), and UsageError ``survey-missing`` when the set needs survey
    results and none were given (unless ``no_survey``). Whatever was not used is announced on the
    console, in the summary and about sheets and in the report. ``group_by`` is a register column
    or a list from the top down (``["province", "district"]``), as ``pari score --group-by``.
    ``date`` is also the run date the results record; ``synthetic`` marks the data as synthetic
    (the report then carries a banner; docs/report.md, "Method and provenance").
    ``batch_size``: communes scored at a time (``--batch-size``; None: all at once); only the
    totals of all communes stay in memory, and the results are the same to the byte.
    ``cache`` is a folder where the checked intake and each commune's scored rows are kept for the
    next run (``pari score --cache``): the results are the same, only faster to get again (a
    cached run is scored as one batch)."""
    from pari_index.outputs.results import result_tables
    from pari_index.scoring.run import score

    say = progress or (lambda _m: None)
    out = Path(output)
    chosen = _format_for(out, fmt)
    check_options(survey=survey, no_survey=no_survey, previous=previous, lineage=lineage)
    check_score_paths(
        out, chosen, report, assessments, survey, communes, appraisal, previous, lineage, criteria, evidence_dir, cache
    )
    marks = _run_marks(date, synthetic)
    run_cache = _run_cache(cache, lang)
    # The inputs' SHA-256 (the cache's key, the about table's provenance) once, in a thread; no
    # output from an input that changes while the run reads it (pari_index.input_watch).
    read = [*assessments, *survey, communes, appraisal]
    with input_watch.watching([*read, criteria, previous, lineage]), file_digests.inputs_of_run(read):
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


def note_before_ranking(
    result: ScoreResult,
    group_by: str | Sequence[str] | None,
    previous: str | Path | None,
    previous_tables: dict[str, pl.DataFrame] | None,
) -> None:
    """What ranking ``result`` must say first, added to its findings, for ``pari score`` and
    ``pari_index.rank`` alike: results of the wrong year given as last year's (raises for a later
    one: ranking.previous_year), a group's name written more than one way (ranking.spellings), ranked
    units without a group value (ranking.empty_groups)."""
    from pari_index.outputs.results_checks import about_facts
    from pari_index.ranking.empty_groups import note_empty_groups
    from pari_index.ranking.previous_year import note_previous_year
    from pari_index.ranking.spellings import note_spellings
    from pari_index.ranking.strays import note_strays

    if previous is not None and previous_tables is not None:
        note_previous_year(result, about_facts(previous_tables).get("year"), previous)
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
    from pari_index.ranking.previous_year import note_previous_unmatched
    from pari_index.ranking.ranks import CommuneFacts, lineage_of_run, rank

    previous_tables = read_results(previous) if previous is not None else None
    note_before_ranking(result, group_by, previous, previous_tables)
    lineage_frame = lineage_of_run(result, lineage, previous_tables) if lineage is not None else None
    if previous is not None and previous_tables is not None:
        note_previous_unmatched(result, previous, previous_tables, lineage_frame)
    say(progress_text("ranking", lang))
    kept = cache.known if cache is not None else None
    summary = rank(
        result.totals,
        result.scan_details(),
        result.criteria,
        group_by=group_by,
        previous=previous_tables,
        lineage=lineage_frame,
        known=CommuneFacts(kept.areas, kept.lost) if kept is not None else None,
        lang=lang,
    )
    return summary, previous_tables


def causes_first(findings: pl.DataFrame, register: str | None) -> pl.DataFrame:
    """``findings`` in the order a reader follows them: causes before their consequences. The
    register's findings first (a code it lost to a bad byte makes every row of that commune
    ``unknown-commune`` in the assessments: sweep 17 printed the cause after 78 of them, the
    assessments' name sorting first); then each file's in turn, its file-level findings (no row:
    an encoding, a missing column) before its rows; findings of no file last."""
    return findings.sort(
        pl.col("file").is_in([register] if register is not None else []).fill_null(False).not_(),
        pl.col("file").is_null(),
        "file",
        "sheet",
        pl.col("row").is_not_null(),
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
        seal(tables)  # the about table as it is written (its values' digests), for the cache's digests
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
    lines.append(("Đã ghi: " if lang == "vi" else "Written: ") + ", ".join(str(f) for f in files))
    return "\n".join(lines)


def _check_strict(result: ScoreResult, out: Path, lang: str = "en", fmt: str = "xlsx") -> None:
    """Under --strict, any error or warning finding fails the run (after the results are written)."""
    severities = Counter(result.findings["severity"].to_list())
    if severities.get("error", 0) or severities.get("warning", 0):
        shown = causes_first(result.findings.filter(pl.col("severity") != "info"), result.register.source)
        problems = findings_as_problems(shown, lang=lang, criteria=result.criteria, fmt=fmt)
        problems.append(
            Problem(
                "strict",
                f"--strict: {severities.get('error', 0)} errors and "
                f"{severities.get('warning', 0)} warnings (results written to {out})",
                params={
                    "errors": severities.get("error", 0),
                    "warnings": severities.get("warning", 0),
                    "out": str(out),
                },
            )
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
    kinds: Counter[str] = Counter()
    for kind, count in result.findings.group_by("kind").len().iter_rows():
        kinds[title(kind, lang)] += count
    severities = dict(result.findings.group_by("severity").len().iter_rows())
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
    # "1 error", "2 errors" (Vietnamese has one word for both).
    plural = {"error_s": "error" if errors == 1 else "errors", "warning_s": "warning" if warnings == 1 else "warnings"}
    counts = say("counts", errors=errors, warnings=warnings, **plural)
    return [scored, rows, say("findings") + by_count + counts]


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
    from pari_index.messages.results_words import findings_place
    from pari_index.scoring.run import problems_from_findings

    shown = findings.head(limit)
    problems = problems_from_findings(shown, lang, criteria)
    for i, row in enumerate(shown.select("file", "commune_code", "criterion_id").iter_rows(named=True)):
        if where := _where(row, lang):
            problems[i] = dataclasses.replace(problems[i], message=where + problems[i].message)
    if findings.height > limit:
        more = findings.height - limit
        place = findings_place(fmt, lang)
        text = f"… và {more} vấn đề khác (xem {place})" if lang == "vi" else f"… and {more} more (see {place})"
        problems.append(Problem("more", text, severity="note", params={"count": more, "place": place}, lang=lang))
    return problems


def criteria_for_results(
    tables: dict[str, pl.DataFrame], criteria: str | Path | None, warnings: list[Problem] | None = None
) -> CriteriaSet | None:
    """The criteria set a results file was scored with: the given file, or the bundled set whose
    id the results' about sheet names (None when neither is available). A bundled set of that id
    that is not as the results were scored with it (the SHA-256 their about sheet records) is not
    used: a warning (bundled-criteria-differs) is added to ``warnings`` and None returned."""
    from pari_index.criteria.loading import bundled_criteria, load_criteria
    from pari_index.errors import CriteriaError
    from pari_index.outputs.results_checks import about_facts

    facts = about_facts(tables)
    wanted = facts.get("criteria_id") or None
    if criteria is not None:
        given = load_criteria(criteria).criteria
        _check_same_set(given, wanted, criteria)
        _check_same_content(given, facts, criteria)
        return given
    for path in bundled_criteria():
        try:
            loaded = load_criteria(path).criteria
        except CriteriaError:
            continue
        if loaded.id == wanted:
            differs = _bundled_differs(loaded, path, facts)
            if differs is None:
                return loaded
            if warnings is not None:
                warnings.append(differs)
            return None
    return None


def _bundled_differs(bundled: CriteriaSet, path: Path, facts: dict[str, str]) -> Problem | None:
    """The warning that the bundled set ``bundled`` (at ``path``) is not the set of its id as the
    results were scored with it, or None when it is or the results record no SHA-256. A set edited
    since, by a newer pari-index or a copy changed and given with --criteria at scoring, printed its
    own labels, maxima and rules beside scores it did not give, without a word."""
    differs = _other_digest(bundled, path, facts)
    if differs is None:
        return None
    digest, scored, of = differs
    return Problem(
        "bundled-criteria-differs",
        f"the bundled criteria set {quoted(bundled.id)} is not the set the results were scored with: the SHA-256 of "
        f"its {'file' if of == 'file' else 'content'} is {digest}, while the results' about sheet records {scored}; "
        "it was not used, and what is shown comes from the results alone (without the set's rules and labels)",
        severity="warning",
        params={"given": quoted(bundled.id), "of_words": of, "digest": digest, "scored_digest": scored},
    )


def _check_same_set(given: CriteriaSet, wanted: str | None, path: str | Path) -> None:
    """``--criteria`` must be the set the results were scored with (the id their about sheet
    names): another set's rules, maxima and labels would be printed beside these scores."""
    if wanted is None or given.id == wanted.strip():
        return
    raise UsageError(
        Problem(
            "results-other-criteria",
            f"--criteria {path} is the set {quoted(given.id)}, but the results were scored with {quoted(wanted)}",
            hint="give the criteria set the results were scored with, or leave out --criteria",
            params={"criteria": str(path), "given": quoted(given.id), "scored": quoted(wanted)},
        )
    )


def _other_digest(criteria: CriteriaSet, path: str | Path, facts: dict[str, str]) -> tuple[str, str, str] | None:
    """``(digest, scored, of)`` when ``criteria`` (read from ``path``) is not the set as the results
    were scored with it: its SHA-256 (of the file's bytes or of the content, as ``of`` says) differs
    from the one their about sheet records (``scored``); None when it is, or none is recorded."""
    from pari_index.outputs.provenance import criteria_content_sha256, file_sha256

    scored, of = facts.get("criteria_sha256", "").strip().lower(), facts.get("criteria_sha256_of", "").strip()
    if not scored or of not in ("file", "content"):
        return None
    digest = file_sha256(path) if of == "file" else criteria_content_sha256(criteria)
    return None if digest == scored else (digest, scored, of)


def _check_same_content(given: CriteriaSet, facts: dict[str, str], path: str | Path) -> None:
    """``--criteria`` of the results' set must also be as they were scored with it: the SHA-256
    their about sheet records (of the file's bytes, or of the set's content) must be the given
    set's. A set of the same id edited since (a maximum, a rule, a label) was printed beside
    scores it did not give (sweep 17 compared the ids only). Results without the hash (written
    before it was kept) are not checked."""
    differs = _other_digest(given, path, facts)
    if differs is None:
        return
    digest, scored, of = differs
    of_words = "file's bytes" if of == "file" else "content"
    raise UsageError(
        Problem(
            "results-criteria-edited",
            f"--criteria {path} is the set {quoted(given.id)} of the results, but not as they were scored with it: "
            f"the SHA-256 of its {of_words} is {digest}, while the results' about sheet records {scored}",
            hint="give the criteria file the results were scored with, unchanged, or score again with the edited set",
            params={
                "criteria": str(path),
                "given": quoted(given.id),
                "of_words": of,
                "digest": digest,
                "scored_digest": scored,
            },
        )
    )


#: The columns of the criteria table that ``pari explain`` prints.
EXPLAIN_COLUMNS = ("max", "self_score", "computed_score", "appraised_score", "final_score", "status", "explanation")


def explain_from_results(
    results: str | Path,
    commune: str,
    criterion: str | None,
    lang: str,
    criteria: str | Path | None = None,
    warnings: list[Problem] | None = None,
) -> str:
    """The explanation of one commune (and optionally one item) from a results file, in ``lang``
    (re-worded from the rule branches when the criteria set is known); a bundled set that differs
    from the one scored with is not used, and said so in ``warnings``."""
    from pari_index.criteria.method import method_text
    from pari_index.criteria.model import resolve_leaves
    from pari_index.messages import status_text
    from pari_index.outputs.results import read_results

    # Typed or pasted with a space around it ("00001 "), as codes in the input files are trimmed.
    commune, criterion = commune.strip(), criterion.strip() if criterion is not None else None
    tables = read_results(results)
    rows = _explained_rows(tables, results, commune, criterion)
    criteria_set = criteria_for_results(tables, criteria, warnings)
    rows, reworded = _reword(rows, criteria_set, lang)
    methods = {leaf.id: method_text(leaf, lang) for leaf in resolve_leaves(criteria_set)} if criteria_set else {}
    summary = tables["summary"].with_columns(pl.col("commune_code").cast(pl.String))
    head = summary.filter(pl.col("commune_code") == commune).to_dicts()
    vi = lang == "vi"
    lines: list[str] = []
    if head:
        lines.append(_commune_line(head[0], commune, vi))
    labels = (
        ("Tự chấm", "Theo quy tắc", "Thẩm định", "Cuối cùng", "Tối đa")
        if vi
        else ("Self-score", "Computed", "Appraised", "Final", "Max")
    )
    for r in rows.iter_rows(named=True):
        lines.append(
            f"{r['criterion_id']} [{labels[4]} {_num(r['max'], vi)}] {labels[0]}: {_num(r['self_score'], vi)} · "
            f"{labels[1]}: {_num(r['computed_score'], vi)} · {labels[2]}: {_num(r['appraised_score'], vi)} · "
            f"{labels[3]}: {_num(r['final_score'], vi)} ({status_text(r['status'], lang, say_ok=True)})"
        )
        lines.append(f"    {r['explanation']}")
        if r["criterion_id"] in methods:  # the rule in the annex's words, as template and report
            lines.append(
                f"    {'Cách chấm' if vi else 'Method'}: " + methods[r["criterion_id"]].replace("\n", "\n      ")
            )
    if not reworded:
        lines.append(
            "(Giải thích giữ nguyên như khi chấm; dùng --criteria để diễn đạt lại.)"
            if vi
            else "(Explanations are shown as written when the results were scored; give --criteria FILE "
            "to have them re-worded in this language.)"
        )
    return "\n".join(lines)


def _explained_rows(
    tables: dict[str, pl.DataFrame], results: str | Path, commune: str, criterion: str | None
) -> pl.DataFrame:
    """The criteria-table rows to explain: the commune's, for one item or every item under an
    area or criterion id. An unknown commune or id is a usage error naming what there is."""
    details = tables.get("criteria")
    if details is None:
        raise IntakeError(
            Problem(
                "not-results",
                "the results file has no criteria sheet",
                file=str(results),
                params={"results_problem": "no_criteria"},
            )
        )
    details = details.with_columns(pl.col("commune_code").cast(pl.String), pl.col("criterion_id").cast(pl.String))
    # A results file from elsewhere may lack a column: shown as "—" rather than failing.
    details = details.with_columns(pl.lit(None).alias(c) for c in EXPLAIN_COLUMNS if c not in details.columns)
    rows = details.filter(pl.col("commune_code") == commune)
    if rows.height == 0:
        raise _not_in_results(tables, details, results, commune, criterion)
    if criterion is None:
        return rows
    # An area or criterion id explains every scored item under it (2.1 -> 2.1.1, 2.1.2, ...).
    rows = rows.filter((pl.col("criterion_id") == criterion) | pl.col("criterion_id").str.starts_with(criterion + "."))
    if rows.height == 0:
        raise _item_not_in_results(tables, details, commune, criterion)
    return rows


def _results_ids(details: pl.DataFrame) -> list[str]:
    """The ids pari explain takes as its item: each scored item's and those of the areas and
    criteria above it (``1``, ``1.1``, ``1.1.1``), in the set's order."""
    ids: dict[str, None] = {}
    for item in details["criterion_id"].drop_nulls().unique(maintain_order=True).to_list():
        parts = item.split(".")
        ids.update(dict.fromkeys(".".join(parts[: n + 1]) for n in range(len(parts))))
    return list(ids)


def _item_not_in_results(
    tables: dict[str, pl.DataFrame], details: pl.DataFrame, commune: str, criterion: str
) -> UsageError:
    """An item id the results hold nothing under, with what to type: a commune code of the results
    given as the item (``pari explain 00001 00004``: one commune at a time, the item after it); the
    id it likely means (an area written as a number, ``1.0``; ``01``; ``1.1.1.``: intake.nearest);
    else the areas' ids and an item's."""
    from pari_index.intake.nearest import SUGGESTED, nearest_codes

    ids = _results_ids(details)
    params: dict[str, object] = {"criterion": quoted(criterion), "commune": commune}
    message = f"{quoted(criterion)} is neither a scored item nor an area or criterion with scored items"
    codes = details["commune_code"].drop_nulls().unique()
    typed = criterion.strip()
    # An area's number as a number column writes it (1.0, 2,0) or with a leading zero (01).
    as_area = typed.replace(",", ".").split(".")[0].lstrip("0") if re.fullmatch(r"[0-9]+(?:[.,]0+)?", typed) else None
    near = nearest_codes(pl.Series([typed]), pl.Series(ids), items=True)[SUGGESTED].to_list()
    if typed in codes.to_list():
        params |= {"item_hint": "commune", "name": _unit_name(tables, typed), "code": typed}
    elif as_area in ids or near:
        params |= {"item_hint": "near", "near": as_area if as_area in ids else near[0]}
    else:
        areas = [i for i in ids if "." not in i]
        example = next((i for i in ids if i.count(".") >= 2), ids[-1] if ids else "1.1.1")
        params |= {"item_hint": "list", "areas": ", ".join(areas[:12]), "example": example}
    return UsageError(Problem("criterion-not-in-results", message, params=params))


def _unit_name(tables: dict[str, pl.DataFrame], code: str) -> str:
    """The name the results' summary gives the unit ``code`` ("—" when none)."""
    summary = tables.get("summary")
    if summary is None or "name" not in summary.columns:
        return "—"
    names = summary.filter(pl.col("commune_code").cast(pl.String) == code)["name"].cast(pl.String).to_list()
    return (names or [None])[0] or "—"


def _units_named(tables: dict[str, pl.DataFrame], codes: pl.Series, typed: str) -> str | None:
    """The codes of the results' units named ``typed`` (intake.nearest's ``name``: a name typed
    as the code, in any case, with or without its unit type), ", " between; None when none."""
    from pari_index.intake.nearest import NEAREST, SUGGESTED, nearest_codes

    summary = tables.get("summary")
    if summary is None or "name" not in summary.columns or not re.search(r"[^\W\d_]", typed):
        return None
    names = summary.select(pl.col("commune_code").cast(pl.String).alias("code"), pl.col("name").cast(pl.String))
    found = nearest_codes(pl.Series([typed]), codes, names=names).filter(pl.col(NEAREST) == "name")
    return found[SUGGESTED].item() if found.height else None


def _not_in_results(
    tables: dict[str, pl.DataFrame],
    details: pl.DataFrame,
    results: str | Path,
    commune: str,
    criterion: str | None = None,
) -> UsageError:
    """A commune code that the results do not hold, with the code it was likely meant for: the
    same digits with the results' leading zeros (``1`` for ``00001``), or the same code in another
    letter case or with spaces around it; an item id of the results given first (``pari explain
    1.1.1 00001``: the commune comes first); else the first codes of the results."""
    codes = details.select(pl.col("commune_code").drop_nulls().unique().sort())["commune_code"]
    typed = unicodedata.normalize("NFC", commune).strip()
    if "." in typed and typed in _results_ids(details):
        listed = codes.to_list()
        code = criterion if criterion in listed else (listed[0] if listed else "00001")
        swapped = {"commune": quoted(commune), "results": str(results), "code_hint": "item", "item": typed}
        swapped["near"] = code or "00001"
        return UsageError(
            Problem("commune-not-in-results", f"commune {quoted(commune)} is not in {results}", params=swapped)
        )
    same = pl.col("commune_code").str.to_lowercase() == typed.lower()
    if typed.isascii() and typed.isdigit():
        digits = pl.col("commune_code").str.contains(r"^[0-9]+$")
        same = same | (digits & (pl.col("commune_code").str.strip_chars_start("0") == typed.lstrip("0")))
    near = codes.to_frame().filter(same)["commune_code"].to_list()
    message = f"commune {quoted(commune)} is not in {results}"
    params: dict[str, object] = {"commune": quoted(commune), "results": str(results)}
    named = _units_named(tables, codes, typed)
    if len(near) == 1:
        params |= {"code_hint": "near", "near": near[0], "near_name": _unit_name(tables, near[0])}
    elif named:
        params |= {"code_hint": "name", "near": named, "code": named.split(",")[0]}
    else:
        params |= {"code_hint": "list", "known": ", ".join(codes.head(10).to_list())}
    return UsageError(Problem("commune-not-in-results", message, params=params))


def _reword(rows: pl.DataFrame, criteria_set: CriteriaSet | None, lang: str) -> tuple[pl.DataFrame, bool]:
    """The rows with their explanations written again in ``lang`` from the rule branches, when the
    criteria set is known and holds every item; else as they are. Says whether they were."""
    from pari_index.criteria.model import resolve_leaves
    from pari_index.scoring.explanations import add_explanations

    if criteria_set is None or not {"branch", "evidence_status"} <= set(rows.columns):
        return rows, False
    leaves = resolve_leaves(criteria_set)
    known_ids = {leaf.id for leaf in leaves}
    if not set(rows["criterion_id"].to_list()) <= known_ids:
        return rows, False
    extra = {c: pl.lit(None, dtype=pl.String) for c in ("inputs", "appraisal_reason") if c not in rows.columns}
    rows = rows.with_columns(**extra).with_columns(
        pl.col("inputs").cast(pl.String),
        pl.col("appraisal_reason").cast(pl.String).alias("reason"),
        pl.col("branch").cast(pl.String),
        pl.col("evidence_status").cast(pl.String),
    )
    return add_explanations(rows.drop("explanation", strict=False), leaves, lang).drop("reason"), True


def _num(value: object, vi: bool) -> str:
    """A number as pari explain prints it: 2 decimals, a decimal comma in Vietnamese, "—" when missing."""
    from pari_index.messages import format_number

    if value is None:
        return "—"
    if isinstance(value, int | float):
        return format_number(float(value), "vi" if vi else "en", 2, missing="—")
    return str(value)


def _commune_line(h: dict[str, Any], commune: str, vi: bool) -> str:
    """The first line: the commune's total, index, rank in its group and class."""
    rank_text = f"{h.get('rank')}/{h.get('group_size')}" if h.get("rank") is not None else "—"
    total, index = _num(h.get("total_points"), vi), _num(h.get("index"), vi)
    if vi:
        return (
            f"{h.get('name')} ({commune}): tổng {total} điểm, chỉ số {index} %, "
            f"xếp thứ {rank_text} trong {h.get('group')}, xếp loại {h.get('class') or '—'}"
        )
    return (
        f"{h.get('name')} ({commune}): total {total} points, index {index} %, "
        f"rank {rank_text} in {h.get('group')}, class {h.get('class_en') or h.get('class') or '—'}"
    )
