"""The library's front door: one function per stage, in the order data flows.

    import pari_index as pari

    criteria = pari.load_criteria("criteria/hai-phong-2022-commune.yaml")
    result = pari.score(["assessments_long.csv"], criteria, communes="communes.csv", survey=["survey.csv"])
    ranked = pari.rank(result)
    pari.write_results("out/results.xlsx", result, ranked)
    pari.write_report("out/report.html", result, ranked)

Each function is a thin composition of the stage modules (loading, scoring, ranking, results,
report), so that an analyst needs one import and the CLI and the library do the same thing. The
stage modules stay importable for finer control (docs/library.md).
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import numbers
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast, get_args

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.loading import LoadedCriteria
from pari_index.criteria.loading import load_criteria as _load
from pari_index.criteria.model import CriteriaSet, Leaf
from pari_index.errors import PariError, PariWarning, Problem
from pari_index.intake.inputs import InputsRead
from pari_index.intake.inputs import read_intake as _read_intake
from pari_index.messages.library_errors import call_reason, errors_lang, refused, set_errors_lang
from pari_index.outputs.files import AnyFrame, told_before_writing
from pari_index.outputs.path_identity import Source, Target
from pari_index.outputs.path_names import PAGE_SUFFIXES
from pari_index.outputs.path_shapes import names_a_folder, spelled_as_folder
from pari_index.outputs.paths import check_paths, sources
from pari_index.outputs.results import Format, result_tables, results_sources, results_target, table_files
from pari_index.outputs.results import read_results as _read_results
from pari_index.outputs.results import write_results as _write_tables
from pari_index.pipeline import run_score as _run_score
from pari_index.scoring.run import ScoreResult
from pari_index.scoring.run import score as _score
from pari_index.system.input_watch import InputFolder, check_unchanged, watching, with_changes
from pari_index.system.limits import YEARS
from pari_index.system.spelling import spelled_on_disk

F = TypeVar("F", bound=Callable[..., Any])

#: Arguments that name one file or folder, and those that take a list of files (one path alone is
#: taken as a list of one: a string is a sequence, and was read letter by letter as file names).
_PATHS = ("path", "communes", "appraisal", "evidence_dir", "previous", "lineage", "output", "report")
_PATH_LISTS = ("assessments", "survey")
#: The path arguments the facade writes.
_WRITTEN = ("output", "report", "path")
_FLAGS = ("no_survey", "strict", "allow_incomplete", "synthetic", "whole")

_CRITERIA = (CriteriaSet, LoadedCriteria)


def _kind(value: object) -> str:
    return type(value).__name__


def _is_path(value: object) -> bool:
    # An os.PathLike whose __fspath__ gives bytes is refused too: pathlib's TypeError, deep in the readers.
    if isinstance(value, os.PathLike):
        try:
            return isinstance(os.fspath(value), str)
        except TypeError:
            return False
    return isinstance(value, str)


def _empty_paths(value: object) -> str | None:
    """The first empty or blank name ``value`` (a path or a list of them) holds, which a Path takes
    for the current folder (an unset variable: ``os.environ.get("FORM", "")``); None if none."""
    values = value if isinstance(value, list | tuple) else [value]
    names = (os.fspath(v) for v in values if _is_path(v))  # type: ignore[arg-type]
    return next((name for name in names if not name.strip()), None)


#: The path arguments the facade reads (``path`` of load_criteria too): a name typed composed is
#: given on as the disk spells it (pari_index.system.spelling), so that the run's checks, its
#: provenance and its messages see the file the readers read.
_READ = ("assessments", "survey", "communes", "appraisal", "evidence_dir", "previous", "lineage", "criteria")


def _on_disk(value: Any) -> Any:
    """``value`` (a path, a list of paths, or anything else, untouched) with each path that exists
    only decomposed on disk given as the disk spells it; a path found as it is stays as it was."""
    if isinstance(value, list | tuple):
        return [_on_disk(v) for v in value]
    if not _is_path(value):
        return value
    found = spelled_on_disk(value)
    return value if found == Path(value) else found


def _check_value(function: str, name: str, value: Any) -> Any:
    """``value`` of the argument ``name`` if it is of the kind the facade takes (a lone path for a
    list of paths becomes a list of one), else a TypeError or ValueError naming the function, the
    argument, what it takes and what it got: not a traceback from deep in pathlib or polars."""
    at = {"function": function, "argument": name}
    if name in ("year", "batch_size") and _whole(value):
        value = int(value)  # numpy's or pandas' int64 (a year read from a frame) was "not int64"
    if name == "assessments" and function == "score" and isinstance(value, InputsRead):
        return value  # read already by pari.read_intake
    empty = _empty_paths(value) if name in _PATHS or name in _PATH_LISTS or name == "criteria" else None
    if empty is not None:
        # As pari's path-empty: "" was read as the current folder ("this is a folder, not a file").
        said = "library-empty-name" if not empty else "library-blank-name"  # (until session 38's review «empty ("")»)
        raise refused(ValueError, said, **at, name=empty)
    if name in _PATH_LISTS:
        if _is_path(value):
            return [value]
        if not isinstance(value, Sequence) or not all(_is_path(v) for v in value):
            raise refused(TypeError, "library-not-path-list", **at, got=_kind(value))
    elif name in _PATHS or (name == "cache" and function == "run_score"):
        # None only where it means something (load_criteria's default set, an option not given):
        # run_score(output=None) was pathlib's TypeError.
        required = name == "output" or (name == "path" and function != "load_criteria")
        if (value is not None or required) and not _is_path(value):
            raise refused(TypeError, "library-not-path", **at, got=_kind(value))
    elif name == "progress" and value is not None and not callable(value):
        # A str was "'str' object is not callable" at the first progress line, deep in the intake.
        raise refused(TypeError, "library-not-progress", **at, got=_kind(value))
    elif name == "criteria" and not (
        value is None or _is_path(value) or isinstance(value, CriteriaSet | LoadedCriteria)
    ):
        raise refused(TypeError, "library-not-criteria", **at, got=_kind(value))
    elif name == "lang" and value not in ("vi", "en"):
        raise refused(ValueError, "library-bad-lang", **at, value=repr(value))
    elif name == "fmt" and value not in (*get_args(Format), *((None,) if function == "run_score" else ())):
        choices = ", ".join(map(repr, get_args(Format)))
        raise refused(ValueError, "library-bad-fmt", **at, choices=choices, value=repr(value))
    elif (
        name in ("year", "batch_size") and value is not None and (isinstance(value, bool) or not isinstance(value, int))
    ):
        raise refused(TypeError, "library-not-whole", **at, got=_kind(value))
    elif name == "batch_size" and value is not None and value < 1:
        raise refused(ValueError, "library-batch-below-one", **at, value=value)
    elif name == "year" and value is not None and not YEARS[0] <= value <= YEARS[1]:
        # As pari score --year: 1800 scored every deadline as missed, -1 failed deep in datetime.
        raise refused(ValueError, "library-year-out-of-range", **at, first=YEARS[0], last=YEARS[1], value=value)
    elif name == "result" and not isinstance(value, ScoreResult):
        raise refused(TypeError, "library-not-result", **at, got=_kind(value))
    elif name == "result":
        _check_totals(at, value.totals)
    elif name == "ranked" and value is not None and not isinstance(value, pl.DataFrame):
        raise refused(TypeError, "library-not-ranked", **at, got=_kind(value))
    elif name == "group_by" and not (value is None or isinstance(value, str) or _all_text(value)):
        raise refused(TypeError, "library-not-group-by", **at, got=_kind(value))
    elif name == "group_by" and value is not None and not (value.strip() if isinstance(value, str) else value):
        # "" and [] ranked within the set's own groups, as None does, without a word.
        raise refused(ValueError, "library-empty-group-by", **at, value=repr(value))
    elif name in ("date",) and value is not None:
        if not isinstance(value, str):
            raise refused(TypeError, "library-not-date", **at, got=_kind(value))
        from pari_index.outputs.provenance import check_date

        check_date(value, "date")  # as pari score --date: the report printed "yesterday" as its date
    elif name in _FLAGS and not isinstance(value, bool):
        raise refused(TypeError, "library-not-flag", **at, got=_kind(value))
    return value


def _check_totals(at: dict[str, str], totals: Any) -> None:
    """A ValueError when ``result.totals`` lacks a score column or holds its points as other than
    whole units: a result edited after scoring (``result.totals = result.totals.drop("index")``)
    failed in pari.rank as polars' ColumnNotFoundError, deep in its engine."""
    from pari_index.ranking.groups import SCORE_COLUMNS

    if not isinstance(totals, pl.DataFrame):
        raise refused(TypeError, "library-totals-not-frame", **at, got=_kind(totals))
    missing = sorted(SCORE_COLUMNS - set(totals.columns))
    if missing:
        raise refused(ValueError, "library-totals-missing", **at, columns=", ".join(map(repr, missing[:3])))
    points = [c for c in sorted(SCORE_COLUMNS) if c.endswith(("_points", "_max")) or c == "index"]
    other = [c for c in points if not totals.schema[c].is_integer()]
    if other:
        columns = ", ".join(map(repr, other[:3]))
        raise refused(ValueError, "library-totals-not-units", **at, columns=columns, dtype=totals.schema[other[0]])


def _listed(names: Sequence[str], most: int = 5) -> str:
    """The first ``most`` of ``names`` quoted, as the facade's errors name columns and items."""
    return ", ".join(map(repr, names[:most]))


def _whole(value: object) -> bool:
    """A whole number of any kind (int, numpy's int64 …), not True or False."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _all_text(value: object) -> bool:
    return isinstance(value, Sequence) and all(isinstance(v, str) for v in value)


def _paths_of(value: Any) -> list[Any]:
    return [v for v in (value if isinstance(value, list | tuple) else [value]) if _is_path(v)]


def _watched(function: str, arguments: dict[str, Any]) -> contextlib.AbstractContextManager[None]:
    """The call's inputs watched and its outputs noted from before they are read, as a command's
    (pari_index.system.input_watch): nothing is written from an input that changes meanwhile, nor over
    a file another program writes under an output's name."""
    read = [
        _as_read(k, p)
        for k, v in arguments.items()
        if k in _READ or (k == "path" and function == "load_criteria")
        for p in _paths_of(v)
    ]
    written = [p for k, v in arguments.items() if k in _WRITTEN and function != "load_criteria" for p in _paths_of(v)]
    return watching([p for r in read for p in r], besides=written)


def _as_read(name: str, path: Any) -> list[Any]:
    """What the watch looks at of the argument ``name``'s ``path``: the evidence folder whole,
    last year's results by what is read of them, any other input as a file (a folder there is
    refused by its reader, not walked first: pari_index.system.input_watch.InputFolder)."""
    if name == "evidence_dir":
        return [InputFolder(path)]
    if name == "previous":
        from pari_index.outputs.paths import watched
        from pari_index.outputs.results import results_sources

        return list(watched(results_sources(path, "previous")))
    return [path]


#: pari.score's arguments that name tables it reads, and those that name data (not the criteria).
_SCORE_TABLES = ("assessments", "survey", "communes", "appraisal", "criteria")
_SCORE_DATA = frozenset(_SCORE_TABLES[:-1])


def _check_score_inputs(arguments: dict[str, Any]) -> None:
    """pari.score's files checked as pari score checks them before reading (pipeline.
    check_score_inputs): the same file given twice (by name, link or a copy under another name)
    was read twice (11,998 repeated-row warnings on the example, no error), and a results file
    given as data was read as a form."""
    from pari_index.outputs.paths import sources
    from pari_index.pipeline import check_score_inputs

    named = [(key, arguments[key]) for key in _SCORE_TABLES if key in arguments]
    check_score_inputs(
        sources(*((key, value) for key, value in named if key != "criteria" or _is_path(value))),
        _SCORE_TABLES,
        _SCORE_DATA,
    )


def _warn(problems: Sequence[Problem]) -> None:
    """Each of ``problems`` (warnings ``pari`` prints) as a :class:`PariWarning` of the caller's line."""
    for problem in problems:
        warnings.warn(PariWarning(problem), stacklevel=3)


def _warn_at(problems: Sequence[Problem], caller: Any) -> None:
    """Each of ``problems`` as a :class:`PariWarning` of the ``caller`` frame's line, told when the
    call's first output begins to be written (outputs.files.told_before_writing), after its own
    checks: a caller's warnings-as-errors raised the warning in place of the call's own error."""
    for problem in problems:
        warnings.warn_explicit(
            PariWarning(problem),
            PariWarning,
            caller.f_code.co_filename,
            caller.f_lineno,
            module=caller.f_globals.get("__name__"),
            registry=caller.f_globals.setdefault("__warningregistry__", {}),
            module_globals=caller.f_globals,
        )


def _long_outputs(function: str, arguments: dict[str, Any]) -> list[Problem]:
    """The outputs of the facade's call whose full path Windows programs cannot open, as ``pari``
    warns of them (outputs.path_lengths: a folder by the names its writer puts in it). Until
    session 36 the library wrote them without a word."""
    from pari_index.outputs.path_lengths import long_for_windows
    from pari_index.pipeline import results_format

    outputs: list[tuple[str, Any, Sequence[str]]] = []
    if function in ("write_results", "write_report"):
        fmt = arguments.get("fmt", "xlsx") if function == "write_results" else None
        outputs.append(("path", arguments.get("path"), table_files(fmt) if fmt in ("csv", "parquet") else ()))
    elif function == "run_score":
        output: Any = arguments.get("output")
        fmt = results_format(Path(output), arguments.get("fmt")) if _is_path(output) else None
        outputs.append(("output", output, table_files(fmt) if fmt in ("csv", "parquet") else ()))
        outputs.append(("report", arguments.get("report"), ()))
    told = [long_for_windows(option, Path(p), inside) for option, p, inside in outputs if _is_path(p)]
    return [problem for problem in told if problem is not None]


def _bound(signature: inspect.Signature, name: str, args: Any, kwargs: Any) -> inspect.BoundArguments:
    """The arguments of a call of the facade's ``name``; a call that does not fit its arguments is
    ``library-call``, naming the function and Python's reason in the errors' language."""
    try:
        return signature.bind(*args, **kwargs)
    except TypeError as error:  # "too many positional arguments": which function's?
        raise refused(TypeError, "library-call", function=name, reason=call_reason(error)) from None


def call_fitted(function: F) -> F:
    """``function`` (one not :func:`checked`: it reads or writes nothing to watch) with a call that
    does not fit its arguments told as the facade's ``library-call``: until session 40
    ``pari.read_results("kq.xlsx", lang="vi")`` was Python's own «read_results() got an unexpected
    keyword argument 'lang'», in English whatever :func:`set_errors_lang` said."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        bound = _bound(signature, function.__name__, args, kwargs)
        return function(*bound.args, **bound.kwargs)

    return cast(F, run)


def checked(function: F) -> F:
    """``function`` with its arguments checked first (:func:`_check_value`); its signature, name and
    docstring stay those of ``function`` (help(pari.score) shows them)."""
    signature = inspect.signature(function)
    name = function.__name__

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            bound = _bound(signature, name, args, kwargs)
            for key, value in bound.arguments.items():
                checked_value = _check_value(name, key, value)
                read = key in _READ or (key == "path" and name == "load_criteria")
                bound.arguments[key] = _on_disk(checked_value) if read else checked_value
            # An output typed as a folder's name (``output="out.xlsx/"``): its ending is lost in a Path.
            if name == "read_intake" or (
                name == "score" and not isinstance(bound.arguments["assessments"], InputsRead)
            ):
                _check_score_inputs(bound.arguments)
            folders = [
                Path(v) for k, v in bound.arguments.items() if k in _WRITTEN and _is_path(v) and names_a_folder(v)
            ]
            caller = sys._getframe(1)
            tell = functools.partial(_warn_at, _long_outputs(name, bound.arguments), caller)  # written all the same
            with spelled_as_folder(folders), _watched(name, bound.arguments), told_before_writing(tell) as told:
                try:
                    answer = function(*bound.args, **bound.kwargs)
                except PariError as error:  # an input deleted or cut short mid-call: that first
                    with contextlib.suppress(PariWarning):  # the call's own error, not a caller's warning-as-error
                        told()
                    raise with_changes(error) from None
                except (ValueError, TypeError):
                    with contextlib.suppress(PariWarning):
                        told()
                    raise
                told()
                check_unchanged()  # no result from an input that changed while it was read
                return answer
        except PariError as error:  # its hints name the arguments, not pari's options (errors.library_words)
            error.for_library = tuple(signature.parameters)
            raise

    return cast(F, run)


score = checked(_score)
read_intake = checked(_read_intake)
run_score = checked(_run_score)


@call_fitted
def read_results(path: str | Path, *, whole: bool = True) -> dict[str, pl.DataFrame]:
    """A results workbook or folder read back (pari_index.outputs.results.read_results: the ids of
    its tables, columns and coded values whatever language it is written in; a damaged one is a
    located IntakeError). A file of it open in Excel or LibreOffice is a :class:`PariWarning`
    (``input-open-in-office``): what was read is the file as last saved, as ``pari report`` and
    ``pari explain`` say (outputs.paths.open_inputs; until session 36 the library said nothing)."""
    from pari_index.outputs.paths import open_inputs

    # Not @checked (it watches nothing it reads): its two arguments checked here, as the others'
    # are; bytes, a number or None failed in pathlib, and whole="no" read the whole file.
    _check_value("read_results", "path", path)
    _check_value("read_results", "whole", whole)
    tables = _read_results(_on_disk(path), whole=whole)
    _warn(open_inputs(results_sources(path, "path")))
    return tables


@checked
def load_criteria(path: str | Path | None = None) -> CriteriaSet:
    """A criteria set from YAML, checked line by line (the bundled default when ``path`` is None).

    Raises :class:`pari_index.errors.CriteriaError` listing every problem with its line; use
    :func:`pari_index.criteria.loading.load_criteria` to get the warnings as well."""
    if isinstance(path, str) and ("\n" in path or path.lstrip().startswith("{")):  # was "file not found" of it
        raise refused(ValueError, "library-yaml-text")
    return _load(path).criteria


@checked
def rank(
    result: ScoreResult,
    *,
    group_by: str | Sequence[str] | None = None,
    previous: str | Path | None = None,
    lineage: str | Path | None = None,
) -> pl.DataFrame:
    """The ranked summary of a scored run: group, rank, class, gap to the next class and, with
    ``previous`` (an earlier results file), the change since then. ``group_by`` overrides the
    set's ``ranking.within`` with a register column or a list from the top down. The warnings of
    reading ``lineage`` (a row of a code of no unit, an old code not in ``previous``) and of a group's
    name written more than one way (``group-spellings``) are added to ``result.findings``, as
    ``pari score`` adds them (so the results and the report carry them). ``lineage`` is used only
    with ``previous`` (UsageError ``lineage-without-previous`` without it, as ``pari score``). The
    ranking returned is the one ``pari.write_results`` and ``pari.write_report`` take for this
    result: each ranking replaces the last, and an earlier one is refused there."""
    from pari_index.pipeline import check_options, note_before_ranking
    from pari_index.ranking.lineage import lineage_of_run
    from pari_index.ranking.previous_year import forget_ranked_against, note_previous_unmatched
    from pari_index.ranking.ranks import rank as rank_totals

    # As pari score --lineage without --previous (exit 2): the table links this year's codes to last
    # year's results, so without them it was read (its warnings added to the findings) and never used.
    check_options(survey=(), no_survey=False, previous=previous, lineage=lineage)
    tables = _read_results(previous, whole=False) if previous is not None else None
    # The findings describe the ranking written: an earlier ranking's against other files go.
    forget_ranked_against(result, tuple(str(p) for p in (previous, lineage) if p is not None))
    note_before_ranking(result, group_by, previous, tables)
    lineage_frame = lineage_of_run(result, lineage, tables) if lineage is not None else None
    if previous is not None and tables is not None:
        note_previous_unmatched(result, previous, tables, lineage_frame, lineage)
    ranked = rank_totals(
        result.totals,
        result.detail_store.lazy(),  # only the columns ranking needs are read, not the whole detail
        result.criteria,
        group_by=group_by,
        previous=tables,
        lineage=lineage_frame,
    )
    result.latest_ranking = ranked
    return ranked


@checked
def findings(result: ScoreResult, *, lang: str = "vi") -> pl.DataFrame:
    """``result.findings`` with its ``title``, ``message`` and ``hint`` in ``lang``, as the findings
    sheet, the report and the console give them: inputs and a row's fields by their labels
    (``Ngày văn bản`` for ``evidence_date``), numbers as the language writes them. ``kind`` and the
    places stay as they are, to filter on; ``result.findings`` itself keeps the code's English.
    The arguments of pari.score and pari.rank are named as such (``previous=``), not as ``pari``'s
    options (``--previous``), which the results files keep."""
    from pari_index.messages import localise_findings
    from pari_index.scoring.explanations import input_labeller

    told = localise_findings(result.findings, lang, input_labeller(result.criteria, lang))
    return _in_library_words(told, ("message", "hint"), _FINDINGS_ARGUMENTS)


#: The arguments of pari.score and pari.rank, which the findings of a result name as pari's options.
_FINDINGS_ARGUMENTS = tuple(dict.fromkeys((*inspect.signature(_score).parameters, "group_by", "previous", "lineage")))


def _in_library_words(frame: pl.DataFrame, columns: tuple[str, ...], arguments: tuple[str, ...]) -> pl.DataFrame:
    """``frame`` with each of its text ``columns`` naming the arguments of a library call where
    ``pari`` names its options (``give the survey results with survey=, or no_survey=``, not
    ``--survey``, ``--no-survey``): until session 39 pari.findings told a library caller the options.
    Each distinct text is reworded once (a run's findings repeat a few hundred texts)."""
    from pari_index.errors import library_options

    def reworded(column: str) -> pl.Expr:
        texts = frame[column].drop_nulls().unique().to_list()
        changed = {text: new for text in texts if (new := library_options(text, arguments)) != text}
        return pl.col(column).replace(changed) if changed else pl.col(column)

    present = [column for column in columns if frame.schema.get(column) == pl.String]
    return frame.with_columns(reworded(column) for column in present) if present else frame


def _check_ranked(function: str, result: ScoreResult, ranked: pl.DataFrame | None) -> pl.DataFrame | None:
    """A ValueError unless ``ranked`` is the ranking of ``result``: every column pari.rank gives,
    and the totals of the same units, the same. The file is written from both (the summary from
    ``ranked``, the rest from ``result``): a ranking of another run, or one cut to a district,
    was written without a word beside this run's items and findings. Returns ``ranked`` with the
    columns of the latest ranking in the types pari.rank gave them (_check_latest_ranking)."""
    from pari_index.ranking.groups import RANK_COLUMNS

    if ranked is None:
        return None
    at = {"function": function}
    missing = [c for c in (*result.totals.columns, *RANK_COLUMNS) if c not in ranked.columns]
    if missing:
        more = ", …" if len(missing) > 5 else ""
        raise refused(ValueError, "library-ranked-missing-columns", **at, columns=_listed(missing) + more)
    theirs = ranked.select(result.totals.columns).sort(COMMUNE)
    ours = result.totals.sort(COMMUNE)
    if ranked.schema[COMMUNE] != ours.schema[COMMUNE] and not isinstance(ranked.schema[COMMUNE], pl.Categorical):
        # Codes cast to numbers (00001 as 1) were told as "it ranks 36 units, this result scored 36".
        dtype = ranked.schema[COMMUNE]
        raise refused(ValueError, "library-ranked-codes-not-text", **at, column=COMMUNE, dtype=dtype)
    if theirs.height != ours.height:
        raise refused(ValueError, "library-ranked-other-count", **at, ranked=theirs.height, scored=ours.height)
    if not theirs[COMMUNE].cast(pl.String).equals(ours[COMMUNE]):
        # As many units, not the same: another run's ranking (it was told as "ranks 36, scored 36").
        stray = sorted(set(theirs[COMMUNE].cast(pl.String)) - set(ours[COMMUNE]))
        codes = ", ".join(stray[:3])
        raise refused(ValueError, "library-ranked-other-units", **at, column=COMMUNE, codes=codes)
    differ = [c for c in ours.columns if not theirs[c].equals(ours[c])]
    if differ:
        raise refused(ValueError, "library-ranked-differs", **at, columns=_listed(differ))
    return _check_latest_ranking(at, result, ranked)


def _check_latest_ranking(at: dict[str, str], result: ScoreResult, ranked: pl.DataFrame) -> pl.DataFrame:
    """A ValueError unless ``ranked`` gives what pari.rank(result) gave last for every column it
    gave (columns of the caller's own may be added): a rank or class edited by hand, or an earlier
    ranking (against another year's results, in other groups), was written as given, beside the
    findings of the latest one. A result never ranked by pari.rank (the stage function's ranking)
    has nothing to compare with. A number column of the same values in another number type (a
    ranking through pandas, ``pl.from_pandas(ranked.to_pandas())``: whole numbers with a gap
    become floats) is the same ranking, given back in pari.rank's types: until the review of
    session 39 it was refused as edited, and on a6bdad8 written as «1200.0»."""
    latest = result.latest_ranking
    if latest is None:
        return ranked
    missing = [c for c in latest.columns if c not in ranked.columns]
    if missing:
        raise refused(ValueError, "library-ranked-missing-columns", **at, columns=_listed(missing))
    for column in latest.columns:
        given, gave = ranked.schema[column], latest.schema[column]
        if given != gave and given.is_numeric() and gave.is_numeric():
            back = ranked[column].cast(gave, strict=False)
            if back.cast(given).equals(ranked[column]):  # no value changed: 1.5 stays, and is told as edited
                ranked = ranked.with_columns(back)
    theirs = ranked.select(latest.columns).sort(COMMUNE)
    ours = latest.sort(COMMUNE)
    edited = [c for c in ours.columns if theirs.schema[c] != ours.schema[c] or not theirs[c].equals(ours[c])]
    if edited:
        raise refused(ValueError, "library-ranked-edited", **at, columns=_listed(edited))
    return ranked


def _refuse_inputs(target: Target, result: ScoreResult) -> None:
    # The same rule as `pari score`: an output may never be, contain or reach a file it read, nor lie
    # in the evidence folder it read (until session 39 the library wrote kq.xlsx into it).
    read = {role: names for role, names in result.sources.items() if role != "criteria"}
    evidence = [Source(Path(result.evidence_dir), "evidence_dir")] if result.evidence_dir is not None else []
    check_paths([target], [*sources(*read.items()), *evidence])


@checked
def write_results(
    path: str | Path,
    result: ScoreResult,
    ranked: pl.DataFrame | None = None,
    *,
    fmt: Format = "xlsx",
    lang: str = "vi",
) -> list[Path]:
    """Write the results workbook (``fmt="xlsx"``) or a folder of CSV or Parquet files; returns
    the files written. The previous results at ``path`` are replaced as a whole or not at all.
    ``ranked`` is the latest ``pari.rank(result)``, as it gave it (rows in any order, columns of
    your own added); another ranking, or one whose rank or class was edited, is a ValueError."""
    ranked = _check_ranked("write_results", result, ranked)
    _refuse_inputs(results_target(path, fmt), result)
    return _write_tables(path, result_tables(result, ranked, lang=lang), fmt)


@checked
def write_report(
    path: str | Path,
    result: ScoreResult,
    ranked: pl.DataFrame | None = None,
    *,
    lang: str = "vi",
    date: str | None = None,
) -> Path:
    """Write the self-contained HTML ranking report of a scored (and ranked) run: ``ranked`` is the
    latest ``pari.rank(result)``, as it gave it (see :func:`write_results`)."""
    from pari_index.outputs.report import write_report as render

    ranked = _check_ranked("write_report", result, ranked)
    _refuse_inputs(Target(Path(path), "report", suffixes=PAGE_SUFFIXES), result)
    tables = result_tables(result, ranked, lang=lang)
    return render(Path(path), tables.as_dict(), lang=lang, date=date, criteria=result.criteria)


@call_fitted
def explain_text(
    details: pl.DataFrame | pl.LazyFrame,
    leaves: Sequence[Leaf],
    commune: str,
    criterion: str | None = None,
    lang: str = "vi",
) -> str:
    """The plain-text explanation of one commune's scores (every item, or those under the area,
    criterion or item ``criterion``), in ``lang``: ``pari.explain_text(result.details,
    result.leaves, "00001")``. A commune or item the details do not hold is UsageError
    ``commune-not-in-results`` or ``criterion-not-in-results`` with the code likely meant, as
    ``pari explain`` says it (an empty text was returned for a mistyped code)."""
    from pari_index.outputs.explain import explain_text as words

    if not isinstance(details, pl.DataFrame | pl.LazyFrame):
        raise refused(TypeError, "library-explain-not-details", got=_kind(details))
    # result.totals or a ranking given for the details failed deep in polars (ColumnNotFoundError).
    missing = [c for c in _EXPLAINED_COLUMNS if c not in details.collect_schema().names()]
    if missing:
        raise refused(ValueError, "library-explain-details-columns", columns=_listed(missing, 3))
    # None or a string was an AttributeError of explain.py ('str' object has no attribute 'id').
    if isinstance(leaves, str) or not isinstance(leaves, Sequence) or not all(isinstance(v, Leaf) for v in leaves):
        raise refused(TypeError, "library-explain-not-leaves", got=_kind(leaves))
    if not isinstance(commune, str) or not (criterion is None or isinstance(criterion, str)):
        raise refused(TypeError, "library-explain-codes-not-text")
    _check_value("explain_text", "lang", lang)
    _check_leaves_fit(details, leaves)
    try:
        return words(details, leaves, commune, criterion, lang)
    except PariError as error:  # its hints name the call, not «pari explain 00001 1.1.1» (errors.library_words)
        error.for_library = ("explain_text", "details", "leaves", "commune", "criterion", "lang")
        raise


def _check_leaves_fit(details: pl.DataFrame | pl.LazyFrame, leaves: Sequence[Leaf]) -> None:
    """A ValueError when an item of ``details`` has, in ``leaves``, another maximum, area or part
    than it was scored with: the leaves of another set (or version) with the same ids explained the
    scores with that set's titles and methods. Only the items' ids, maxima, areas and parts are
    compared (the details hold no titles); an item the leaves lack is told by the explanation."""
    from pari_index.criteria.points import SCALE

    by_id = {leaf.id: leaf for leaf in leaves}
    schema = details.collect_schema()
    if not schema["max"].is_integer():
        return  # not pari's units (a table read back and converted): nothing to compare with
    columns = ["criterion_id", "max", *(c for c in ("area_id", "part") if c in schema)]
    items = details.select(columns).unique()
    items = items.collect() if isinstance(items, pl.LazyFrame) else items
    differ = sorted(
        {
            row["criterion_id"]
            for row in items.iter_rows(named=True)
            if (leaf := by_id.get(str(row["criterion_id"]))) is not None
            and (
                row["max"] != int(leaf.max * SCALE)
                or row.get("area_id", leaf.area) != leaf.area
                or row.get("part", leaf.part.value) != leaf.part.value
            )
        }
    )
    if differ:
        raise refused(ValueError, "library-explain-leaves-differ", items=_listed(differ, 3))


#: The columns of result.details that an explanation prints.
_EXPLAINED_COLUMNS = (
    COMMUNE,
    "criterion_id",
    "max",
    "self_score",
    "computed_score",
    "appraised_score",
    "final_score",
    "status",
    "explanation",
    "branch",
    "inputs",
    "evidence_status",
)


@call_fitted
def display_frame(frame: AnyFrame, places: int | Callable[[str], int] = 4) -> AnyFrame:
    """``frame`` (pari's results: details, totals, a ranking) with its point and index columns, kept
    as whole counts of 1/10,000 for exact sums, as decimals rounded to ``places`` (a lazy frame
    stays lazy)."""
    from pari_index.outputs.files import display_frame as shown

    if not isinstance(frame, pl.DataFrame | pl.LazyFrame):
        raise refused(TypeError, "library-display-not-frame", got=_kind(frame))
    # "2" or 2.5 failed deep in polars' round, -1 as an OverflowError; True rounded to 1 place.
    if _whole(places):
        places = int(places)  # type: ignore[arg-type]  # numpy's int64 too
    if not callable(places) and (isinstance(places, bool) or not isinstance(places, int)):
        raise refused(TypeError, "library-display-not-places", got=_kind(places))
    if isinstance(places, int) and places < 0:
        raise refused(ValueError, "library-display-places-below-zero", value=places)
    return shown(frame, places)


__all__ = [
    "checked",
    "display_frame",
    "errors_lang",
    "explain_text",
    "findings",
    "load_criteria",
    "rank",
    "read_intake",
    "read_results",
    "run_score",
    "score",
    "set_errors_lang",
    "write_report",
    "write_results",
]
