"""The ``pari`` command: a thin layer over the library.

Each command parses options, calls one library function and prints its result. The help of every
command, option and argument is in pari_index.messages.help_words, in Vietnamese and English: it is
set on the commands in the command line's language (``--lang``) before click parses it. Library modules
(and polars, pydantic, jinja2) are imported inside the commands so that ``pari --help`` starts fast.
Every :class:`~pari_index.errors.PariError` is printed as a list of located problems, without a
traceback, and the process exits with the error's documented status (docs/errors.md;
:mod:`pari_index.cli_errors`); the path types and the checks of what was given before a command
runs are in :mod:`pari_index.cli_params`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import click

# polars allocates through jemalloc, which by default keeps freed pages for ten seconds before
# giving them back. A `pari score` run frees and allocates large frames step after step, so the
# retained pages add up: on a national run (10,600 communes) the peak was 1.6 GB with the default
# and 1.39 GB when freed pages are returned after 100 ms, for about 10 % more time. One
# arena instead of four per core shares freed pages between polars' threads: on the national run
# (6 alternating pairs) 25 MB less peak and 6 % less CPU (fewer pages faulted in again). This must
# be set before polars is first imported (the commands import it lazily; every command enters
# through this module, before cli_errors and cli_params); a value the user sets wins.
os.environ.setdefault("_RJEM_MALLOC_CONF", "narenas:1,dirty_decay_ms:100,muzzy_decay_ms:0")

from pari_index import console
from pari_index.cli_errors import (
    Told,
    handles_errors,
    number_text,
    print_problems,
    print_warnings,
    severity_word,
    stdout_refused,
)
from pari_index.cli_params import EVIDENCE_FOLDER, INPUT, OUTPUT, RESULTS, SHARE, PariCommand
from pari_index.errors import (
    EXIT_INVALID_INPUT,
    EXIT_USAGE,
    PariError,
    Problem,
    UsageError,
    quoted,
    shown_path,
)
from pari_index.launch import command_lang
from pari_index.messages.help_words import lang_defaults, localise_help
from pari_index.system.library_panics import STEP_MARK
from pari_index.system.limits import YEARS


def _one_malloc_arena() -> None:
    """Under an address-space limit (``ulimit -v``), have the C library keep one malloc arena.

    By default it reserves 64 MB of address space for each thread that allocates (the threads of
    polars, DuckDB and the writers): the 60 example communes took 1.3 GB of address space for
    150 MB in memory, the national set 2.0 GB for 420 MB, so a limit of 1 GB killed even the
    example run (an abort of the allocator, which nothing can catch). With one arena: 0.36 GB and
    1.1 GB. Done only under a limit (a lock shared by the threads costs time), and before any
    thread starts."""
    try:
        import resource

        if resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY:
            return
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(-8, 1)  # M_ARENA_MAX (glibc's malloc.h)
    except (ImportError, OSError, AttributeError, ValueError):  # not glibc, not POSIX
        return


_one_malloc_arena()


def windows_arguments(group: click.Group, args: Sequence[str]) -> list[str]:
    """``args`` as Windows' ``cmd`` passed them, expanded as click would (``~``, ``%VAR%``, a
    wildcard matching files) except a wildcard in an option's value: click's own expansion turned
    ``--communes commun*.csv``, matching ``communes.csv`` and ``communes-2024.csv``, into
    ``--communes communes-2024.csv communes.csv``, and the register was then scored as an
    assessments file. Such a value is left as typed, which the reader tells as a pattern with the
    files it matches (errors.wildcard). Each argument is expanded by :func:`_windows_expanded`."""
    command: click.Command = group
    for arg in args:  # the (sub)command named, through ``pari --lang en criteria import``
        if isinstance(command, click.Group) and arg in command.commands:
            command = command.commands[arg]
    valued = {
        name
        for param in [*group.params, *command.params]
        if isinstance(param, click.Option) and not param.is_flag and not param.count
        for name in param.opts
    }
    out: list[str] = []
    for i, arg in enumerate(args):
        after_option = i > 0 and args[i - 1] in valued and "--" not in args[:i]
        out += [arg] if after_option and ("*" in arg or "?" in arg) else _windows_expanded(arg)
    return out


def _windows_expanded(arg: str) -> list[str]:
    """One argument as click expands it on Windows (``~``, ``%VAR%``, a wildcard matching files),
    except that a name that is there is kept as typed and ``[`` is a letter of a name, as cmd and
    Explorer take it (errors.wildcard does the same). click's glob read ``[1]`` as a set of
    letters: ``pari score "danh gia [1].xlsx"`` scored ``danh gia 1.xlsx`` in its place, ``--communes
    "dv [2025].csv"`` read ``dv 0.csv``, ``-o "kq [2025].xlsx"`` wrote over ``kq 2.xlsx``."""
    import glob

    if os.path.lexists(arg):
        return [arg]
    arg = os.path.expandvars(os.path.expanduser(arg))
    if "*" not in arg and "?" not in arg:
        return [arg]
    try:
        matches = sorted(glob.glob(arg.replace("[", "[[]"), recursive=True))
    except (OSError, ValueError):  # click: an invalid pattern expands to nothing
        matches = []
    return matches or [arg]


class _Group(click.Group):
    """The ``pari`` group: click's own errors speak the command's language (command_lang); its
    commands refuse an option given twice (PariCommand)."""

    lang = "vi"
    command_class = PariCommand

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        self.lang = command_lang(list(sys.argv[1:] if args is None else args))
        if os.name == "nt" and args is None and kwargs.get("windows_expand_args", True):
            args, kwargs["windows_expand_args"] = windows_arguments(self, sys.argv[1:]), False
        try:
            console.closed_streams()
            console.console_streams()
            console.library_logs_off()
            localise_help(self, self.lang)
            console.checked_stdout()
        except KeyboardInterrupt:  # before click's main, which would say "Aborted!" (see _told)
            console.told_interrupted(self.lang)
        # Usage errors exit with 2 (click's default); keep the documented code in one place.
        try:
            with console.terminate_as_interrupt():
                try:
                    return super().main(args, *rest, **kwargs)
                finally:
                    if sys.stdout is not None:  # None: started with the standard output closed
                        sys.stdout.flush()  # what is left in the buffer: its failure is told too
        except click.UsageError as exc:  # pragma: no cover - click handles these itself
            exc.show()
            sys.exit(EXIT_USAGE)
        except console.StdoutUnwritable as exc:
            stdout_refused(exc, self.lang)

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with self._told():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with self._told():
            return super().invoke(ctx)

    @contextlib.contextmanager
    def _told(self) -> Iterator[None]:
        try:
            yield
        except KeyboardInterrupt:
            # A Ctrl-C while the command line is read (an option's path checked, the command's
            # modules imported) reached click's main, which said "Aborted!" in English and exited
            # 1, the status of invalid input: it is the run's stop, as during the run.
            console.told_interrupted(self.lang)
        except PariError as exc:
            # A refusal while the command line is parsed (PariCommand.parse_args: an option left
            # without its path, which click would have told by what that took away).
            print_problems(exc, self.lang)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            # A bare `pari` shows the help (NoArgsIsHelpError): that is no error to translate.
            if self.lang != "vi" or isinstance(exc, Told) or type(exc).__name__ == "NoArgsIsHelpError":
                raise
            raise Told(exc) from exc


#: The criteria set a command works on: a YAML file, or the bundled default.
criteria_option = click.option(
    "--criteria",
    "criteria_file",
    type=INPUT,
)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pari-index", prog_name="pari", message="%(prog)s %(version)s")  # no words
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None)
@click.pass_context
def main(ctx: click.Context, lang: str | None) -> None:
    # `pari --lang en COMMAND`: the language of the help (command_lang) and of the command, unless
    # it gives its own --lang.
    if lang is not None:
        ctx.default_map = lang_defaults(ctx.command, lang)
    if os.environ.get("PARI_DEBUG"):
        sys.tracebacklimit = 1000


@main.command()
@click.argument("files", nargs=-1, type=INPUT)
@click.option("--bundled", is_flag=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@handles_errors
def validate(files: tuple[Path, ...], bundled: bool, lang: str) -> None:
    from pari_index.criteria.loading import bundled_criteria, validate_files
    from pari_index.criteria.units import unit_names
    from pari_index.errors import visible
    from pari_index.messages import VALIDATED, format_number
    from pari_index.system.input_watch import check_unchanged

    paths: list[Path] = list(files)
    if bundled:
        paths += bundled_criteria()
    if not paths:
        raise UsageError(Problem("no-criteria-given", "give one or more criteria files, or --bundled"))
    failed = 0
    checked = validate_files(paths)
    check_unchanged()  # no verdict on a set that changed while it was read, as no output from it
    for path, result in checked:
        name = visible(path)  # a name's control characters as <U+XXXX>, as in every place
        if isinstance(result, PariError):
            failed += 1
            said = VALIDATED["invalid_one" if len(result.problems) == 1 else "invalid"].get(lang)
            click.echo(said.format(name=name, n=format_number(len(result.problems), lang)))
            print_problems(result, lang)
            continue
        criteria = result.criteria
        units = unit_names(criteria)
        click.echo(
            VALIDATED["ok"]
            .get(lang)
            .format(
                name=name,
                id=criteria.id,
                origin=criteria.origin,
                issued=f" ({criteria.decision.date:%d/%m/%Y})" if criteria.decision is not None else "",
                areas=format_number(len(criteria.areas), lang),
                leaves=format_number(sum(1 for _ in criteria.leaves()), lang),
                scale=format_number(criteria.scale, lang),
                units=units.vi if lang == "vi" else units.en_plural,
            )
        )
        for warning in result.warnings:
            click.echo(f"  {VALIDATED['warning'].get(lang)}: {warning.render(lang)}")
    if failed:
        sys.exit(EXIT_INVALID_INPUT)


@main.command()
@click.option("--indent", type=click.IntRange(0, 16), default=2, show_default=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
def schema(indent: int, lang: str) -> None:
    from pari_index.criteria.schema import criteria_json_schema

    click.echo(json.dumps(criteria_json_schema(lang), indent=indent, ensure_ascii=False))


def _progress(quiet: bool) -> Callable[[str], None]:
    """Progress lines on the standard error. A console that cannot take them (a pipe closed by
    ``| head``, a log on a full disk: EPIPE, ENOSPC, EIO) no longer stops the run before its
    results are written; the lines are dropped, and what follows the run still fails loudly."""
    lost = False

    def say(message: str) -> None:
        nonlocal lost
        if quiet or lost:
            return
        try:
            click.echo(f"{STEP_MARK.decode()}{message}", err=True)
        except OSError:
            lost = True

    return say


@main.command()
@click.argument("assessments", nargs=-1, type=INPUT)
@criteria_option
@click.option("--communes", type=INPUT)
@click.option("--appraisal", type=INPUT)
@click.option("--survey", multiple=True, type=INPUT)
@click.option("--evidence-dir", type=EVIDENCE_FOLDER)
@click.option(
    "-o",
    "--output",
    type=OUTPUT,
    required=True,
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "csv", "parquet"]),
    default=None,
)
@click.option(
    "--group-by",
    multiple=True,
    metavar="COLUMNS",
)
@click.option("--previous", type=RESULTS)
@click.option(
    "--lineage",
    type=INPUT,
)
@click.option("--report", type=OUTPUT)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option("--strict", is_flag=True)
@click.option(
    "--no-survey",
    is_flag=True,
)
@click.option(
    "--allow-incomplete",
    is_flag=True,
)
@click.option(
    "--year",
    type=click.IntRange(*YEARS),
    default=None,
)
@click.option(
    "--date",
    "date",
)
@click.option("--synthetic", is_flag=True)
@click.option(
    "--batch-size",
    type=click.IntRange(min=0),
    default=None,
)
@click.option(
    "--cache",
    "cache_dir",
    type=OUTPUT,
)
@click.option("-q", "--quiet", is_flag=True)
@handles_errors
def score(
    assessments: tuple[Path, ...],
    criteria_file: Path | None,
    communes: Path | None,
    appraisal: Path | None,
    survey: tuple[Path, ...],
    evidence_dir: Path | None,
    output: Path,
    fmt: str | None,
    group_by: tuple[str, ...],
    previous: Path | None,
    lineage: Path | None,
    report: Path | None,
    lang: str,
    strict: bool,
    no_survey: bool,
    allow_incomplete: bool,
    year: int | None,
    date: str | None,
    synthetic: bool,
    batch_size: int | None,
    cache_dir: Path | None,
    quiet: bool,
) -> None:
    from pari_index.pipeline import DETAIL_READ_AFTER, run_score
    from pari_index.scoring.batches import DEFAULT_BATCH_SIZE

    if not assessments:
        raise UsageError(Problem("no-assessments-given", "give at least one assessment file"))
    say = _progress(quiet)
    unread = DETAIL_READ_AFTER.set(False)  # the command reads nothing of the run's detail after it
    try:
        summary = run_score(
            assessments=list(assessments),
            criteria=criteria_file,
            communes=communes,
            appraisal=appraisal,
            survey=list(survey),
            evidence_dir=evidence_dir,
            output=output,
            fmt=fmt,
            group_by=list(group_by) or None,
            previous=previous,
            lineage=lineage,
            report=report,
            lang=lang,
            strict=strict,
            progress=say,
            no_survey=no_survey,
            allow_incomplete=allow_incomplete,
            year=year,
            date=date,
            synthetic=synthetic,
            batch_size=DEFAULT_BATCH_SIZE if batch_size is None else (batch_size or None),
            cache=cache_dir,
        )
    finally:
        DETAIL_READ_AFTER.reset(unread)
    click.echo(summary)
    if summary.errors:
        # Lenient mode: everything valid was scored and written, but input was rejected; say
        # where, and exit 1 so that scripts notice.
        print_problems(PariError(summary.errors), lang)
        sys.exit(EXIT_INVALID_INPUT)


@main.command()
@click.argument("commune")
@click.argument("criterion", required=False)
@click.option(
    "--results",
    type=RESULTS,
    default=Path("out/results.xlsx"),
    show_default=True,
)
@click.option(
    "--criteria",
    "criteria_file",
    type=INPUT,
)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@handles_errors
def explain(commune: str, criterion: str | None, results: Path, criteria_file: Path | None, lang: str) -> None:
    from pari_index.from_results import explain_from_results
    from pari_index.outputs.path_names import check_names
    from pari_index.outputs.paths import check_read_once, open_inputs, sources, watched
    from pari_index.outputs.results import results_sources
    from pari_index.system.input_watch import check_unchanged, watching

    _no_path_for_a_code([("COMMUNE", commune), ("CRITERION", criterion)])
    check_names([("--results", results)])
    read = [*results_sources(results, "--results"), *sources(("--criteria", criteria_file))]
    check_read_once(read)
    warnings: list[Problem] = open_inputs(read)  # the results open in Excel: as last saved
    with watching(watched(read)):  # the CSV files a workbook's long sheets overflowed to
        text = explain_from_results(results, commune, criterion, lang, criteria_file, warnings)
        check_unchanged()  # nothing printed from results that changed while they were read
    print_warnings(warnings, lang)
    click.echo(text)


def _no_path_for_a_code(arguments: Sequence[tuple[str, str | None]]) -> None:
    """Refuse a results file given where a code belongs (``pari explain out/results.xlsx 00001``):
    the default --results was then looked for and "not found" named a file the user never gave.
    A value is a path when it names something that exists and is written as a path (a folder, a
    separator or an extension): a code is digits or a criterion id, which no such name is."""
    for argument, value in arguments:
        if value is None or not (os.sep in value or "/" in value or os.path.splitext(value)[1].lower() in _TABLES):
            continue
        if os.path.lexists(value):
            raise UsageError(
                Problem(
                    "argument-is-a-path",
                    f"{argument} {quoted(value)} is a file or folder that exists, not a code: the results are given "
                    "with --results",
                    hint="give the code first and the results after --results: pari explain COMMUNE [CRITERION] "
                    "--results RESULTS",
                    params={"option": argument, "path": quoted(value)},
                )
            )


#: Extensions of the tables a results path may name.
_TABLES = frozenset({".xlsx", ".xls", ".xlsm", ".ods", ".csv", ".parquet", ".html", ".yaml"})


@main.command()
@criteria_option
@click.option(
    "--communes",
    type=INPUT,
)
@click.option("-o", "--output", type=OUTPUT, required=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option(
    "--unit-type",
    type=click.Choice(["xã", "phường", "thị trấn", "đặc khu", "commune", "ward", "township", "special_zone"]),
)
@handles_errors
def template(criteria_file: Path | None, communes: Path | None, output: Path, lang: str, unit_type: str | None) -> None:
    from pari_index.criteria.loading import load_criteria
    from pari_index.criteria.model import UnitType
    from pari_index.intake.register import UNIT_TYPES, read_register
    from pari_index.outputs.ownership import check_not_results
    from pari_index.outputs.path_identity import Target
    from pari_index.outputs.paths import check_paths, check_read_once, sources
    from pari_index.outputs.template import write_template
    from pari_index.outputs.template_labels import WRITTEN

    if unit_type is not None and communes is not None:
        raise UsageError(
            Problem(
                "unit-type-with-register",
                "give --unit-type only without --communes: the register gives each unit's type",
            )
        )
    read = sources(("--criteria", criteria_file), ("--communes", communes))
    check_paths([Target(output, suffixes=(".xlsx",))], read)
    check_read_once(read)
    check_not_results([(s.option, s.path) for s in read if s.option == "--communes"])
    criteria = load_criteria(criteria_file).criteria
    register = read_register(communes) if communes is not None else None
    kind = UnitType(UNIT_TYPES[unit_type]) if unit_type is not None else None
    rows = write_template(criteria, output, register, lang=lang, unit_type=kind)
    click.echo(
        WRITTEN[lang].format(
            path=shown_path(output), rows=number_text(rows, lang), set=criteria.id, origin=criteria.origin
        )
    )
    if register is not None:
        _tell_register(register.problems, register.warnings, str(communes), lang)


#: The register's problems printed by ``pari template`` at most (the rest counted).
REGISTER_PROBLEMS_SHOWN = 50


def _tell_register(left_out: list[Problem], warnings: list[Problem], source: str, lang: str) -> None:
    """The register's rows left out of the form (no code, a code repeated or refused) and its
    warnings, after the form is written; rows left out exit 1, as ``pari score`` does. Until
    session 34 ``pari template --communes`` dropped them: a unit without its code had no form, a
    code typed twice one form, exit 0 and not a word."""
    from pari_index.messages import format_number

    told = [*left_out, *warnings]
    shown = told[:REGISTER_PROBLEMS_SHOWN]
    if len(told) > len(shown):
        more = len(told) - len(shown)
        source = shown_path(source)  # the register's name as every line shows it
        text = (
            f"… và {format_number(more, lang)} vấn đề khác (xem {source})"
            if lang == "vi"
            else f"… and {format_number(more, lang)} more (see {source})"
        )
        shown.append(Problem("more", text, severity="note", params={"count": more, "place": source}, lang=lang))
    print_warnings(shown, lang)
    if any(problem.severity == "error" for problem in left_out):
        sys.exit(EXIT_INVALID_INPUT)


@main.command()
@click.argument("results", type=RESULTS)
@click.option("-o", "--output", type=OUTPUT, required=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option("--date", "date")
@click.option(
    "--criteria",
    "criteria_file",
    type=INPUT,
)
@handles_errors
def report(results: Path, output: Path, lang: str, date: str | None, criteria_file: Path | None) -> None:
    from pari_index.from_results import criteria_for_results
    from pari_index.outputs.path_identity import Target
    from pari_index.outputs.path_names import PAGE_SUFFIXES
    from pari_index.outputs.paths import check_paths, check_read_once, open_inputs, sources, watched
    from pari_index.outputs.provenance import check_date
    from pari_index.outputs.report import with_run_warnings, write_report
    from pari_index.outputs.results import read_results, results_sources
    from pari_index.system.input_watch import watching

    if date is not None:
        check_date(date)
    page = Target(output, suffixes=PAGE_SUFFIXES)
    read = [*results_sources(results, "RESULTS"), *sources(("--criteria", criteria_file))]
    check_paths([page], read)
    check_read_once(read)
    with watching(watched(read)):  # the CSV files a workbook's long sheets overflowed to
        tables = read_results(results)
        warnings: list[Problem] = open_inputs(read)  # the results open in Excel: as last saved
        criteria = criteria_for_results(tables, criteria_file, warnings)
        tables = with_run_warnings(tables, warnings)  # in the page too, not the console alone
        # The renderer refuses a report of too many units, naming the results, before rendering any.
        write_report(output, tables, lang=lang, date=date, criteria=criteria, source=str(results))
    print_warnings(warnings, lang)
    click.echo(f"Đã ghi {shown_path(output)}." if lang == "vi" else f"Wrote {shown_path(output)}.")


@contextlib.contextmanager
def demo_write_errors(output: Path) -> Iterator[None]:
    """demo-data writes its set into a scratch folder inside its folder and renames it into place
    at the end (pari_index.demo.files): an OS failure (disk full, read-only) is exit 4 with the
    folder named, and the previous set is left as it was; options the generator refuses (more rows
    than an XLSX sheet holds) are a usage error, not a crash. (Until the twenty-first session the
    files were written in place and removed on a failure, the previous set with them.)"""
    import polars as pl
    from xlsxwriter.exceptions import XlsxFileError

    from pari_index.errors import OutputError, Problem, UsageError
    from pari_index.outputs.files import os_problem

    try:
        yield
    except (OSError, XlsxFileError) as exc:
        raise OutputError(os_problem(exc, output, "cannot write the demonstration files")) from None
    except pl.exceptions.ComputeError as exc:
        if "io error" not in str(exc).lower() and "os error" not in str(exc).lower():
            raise
        raise OutputError(os_problem(exc, output, "cannot write the demonstration files")) from None
    except ValueError as exc:
        raise UsageError(Problem("usage", str(exc), hint="see pari demo-data --help")) from None


@main.command("demo-data")
@criteria_option
@click.option(
    "--communes",
    "n_communes",
    type=click.IntRange(1, 200_000),
    default=60,
    show_default=True,
)
@click.option(
    "--districts",
    type=click.IntRange(1, 20_000),
    default=None,
)
@click.option(
    "--provinces",
    type=click.IntRange(1, 100),
    default=1,
    show_default=True,
)
@click.option("--seed", type=int, default=2025, show_default=True)
@click.option(
    "--form",
    "forms",
    type=click.Choice(["long", "wide"]),
    multiple=True,
)
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "parquet"]), default="csv", show_default=True)
@click.option(
    "--mistakes",
    type=SHARE,
    default=0.05,
    show_default=True,
)
@click.option("-o", "--output", type=OUTPUT, required=True)
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
)
@handles_errors
def demo_data(
    criteria_file: Path | None,
    n_communes: int,
    districts: int | None,
    provinces: int,
    seed: int,
    forms: tuple[str, ...],
    fmt: str,
    mistakes: float,
    output: Path,
    lang: str,
) -> None:
    from pari_index.criteria.loading import load_criteria
    from pari_index.demo import generate
    from pari_index.demo.layout import README_NAME, SET_STEMS
    from pari_index.messages import DEMO_FILES
    from pari_index.outputs.path_identity import Target
    from pari_index.outputs.paths import check_paths, sources

    # The folder is written into, not replaced; it may not hold the criteria file it is made from,
    # and the files it writes replace only those of an earlier demo (the folder holds its README).
    written = (*(output / f"{stem}.{fmt}" for stem in SET_STEMS), output / README_NAME)
    target = Target(output, folder=True, files=written, marker=README_NAME, suffixes=(f".{fmt}",))
    check_paths([target], sources(("--criteria", criteria_file)))
    criteria = load_criteria(criteria_file).criteria
    with demo_write_errors(output):
        files = generate(
            criteria,
            output,
            communes=n_communes,
            districts=districts or max(1, n_communes // 15),
            provinces=provinces,
            seed=seed,
            forms=forms or ("long",),  # type: ignore[arg-type]
            fmt=fmt,  # type: ignore[arg-type]
            mistakes=mistakes,
        )
    for role, path in files.items():
        words = DEMO_FILES.get(role)
        click.echo(f"{words.get(lang) if words else role}: {shown_path(path)}")


@main.group("criteria")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None)
@click.pass_context
def criteria_group(ctx: click.Context, lang: str | None) -> None:
    # `pari criteria --lang en import …` means what `pari --lang en criteria import …` means: the
    # default of its commands' --lang (it was "No such option '--lang'", in English). Its help, as
    # every command's, is in pari_index.messages.help_words.
    if lang is not None:
        ctx.default_map = {**(ctx.default_map or {}), **lang_defaults(ctx.command, lang)}


criteria_group.command_class = PariCommand


@criteria_group.command("export")
@click.argument("criteria_file", metavar="SET.yaml", type=INPUT)
@click.option("-o", "--output", type=OUTPUT, required=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@handles_errors
def criteria_export(criteria_file: Path, output: Path, lang: str) -> None:
    from pari_index.authoring.export import export_annex
    from pari_index.criteria.loading import load_criteria
    from pari_index.outputs.path_identity import Target
    from pari_index.outputs.paths import check_paths, sources

    check_paths([Target(output, suffixes=(".xlsx",))], sources(("SET", criteria_file)))
    from pari_index.outputs.workbook import MAX_CELL_CHARS

    criteria = load_criteria(criteria_file).criteria
    cut: list[tuple[str, int, str, int]] = []
    rows = export_annex(criteria, output, lang, cut)
    for sheet, row, column, length in cut:
        click.echo(
            console.stopped(
                "export_cut",
                lang,
                sheet=sheet,
                row=number_text(row, lang),
                column=column,
                length=number_text(length, lang),
                limit=number_text(MAX_CELL_CHARS, lang),
            ),
            err=True,
        )
    click.echo(
        console.stopped(
            "exported",
            lang,
            output=shown_path(output),
            rows=number_text(rows, lang),
            id=criteria.id,
            origin=criteria.origin,
        )
    )


@criteria_group.command("import")
@click.argument("annex", metavar="ANNEX.xlsx", type=INPUT)
@click.option("-o", "--output", type=OUTPUT, required=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@handles_errors
def criteria_import(annex: Path, output: Path, lang: str) -> None:
    from pari_index.authoring.draft_yaml import draft_yaml
    from pari_index.authoring.importing import import_annex, import_summary
    from pari_index.outputs.files import write_text
    from pari_index.outputs.path_identity import Target
    from pari_index.outputs.paths import check_paths, open_inputs, sources

    read = sources(("ANNEX", annex))
    check_paths([Target(output, suffixes=(".yaml", ".yml"))], read)
    draft = import_annex(annex, lang=lang)
    write_text(output, draft_yaml(draft.document, annex.name, lang))
    for problem in [*open_inputs(read), *draft.problems]:  # the annex open in Excel: as last saved
        click.echo(f"{severity_word(problem.severity, lang)}: {problem.render(lang)}", err=True)
    click.echo(import_summary(draft, output, lang))


@main.command("diff")
@click.argument("old", metavar="OLD.yaml", type=INPUT)
@click.argument("new", metavar="NEW.yaml", type=INPUT)
@click.option("--format", "fmt", type=click.Choice(["text", "table"]), default="text", show_default=True)
@click.option("-o", "--output", type=OUTPUT)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@handles_errors
def diff(old: Path, new: Path, fmt: str, output: Path | None, lang: str) -> None:
    from pari_index.authoring.diff import diff_frame, diff_sets, diff_table_text, diff_text
    from pari_index.criteria.loading import load_criteria
    from pari_index.outputs.files import SPREADSHEET_SEPARATOR, write_csv, write_xlsx
    from pari_index.outputs.path_identity import Target
    from pari_index.outputs.paths import check_paths, sources
    from pari_index.system.input_watch import check_unchanged

    if output is not None:
        check_paths([Target(output, suffixes=(".csv", ".xlsx"))], sources(("OLD", old), ("NEW", new)))
    changes = diff_sets(load_criteria(old).criteria, load_criteria(new).criteria, lang)
    frame = diff_frame(changes, lang)
    check_unchanged()  # nothing printed from a set that changed while it was read
    click.echo(diff_table_text(frame) if fmt == "table" else diff_text(changes, lang))
    if output is not None and output.suffix.lower() == ".csv":
        # A table for people: «;» in Vietnamese, and items (1.10) Excel keeps as typed, not as numbers.
        write_csv(output, frame, SPREADSHEET_SEPARATOR[lang], texts=frame.columns[:1])
    elif output is not None:
        write_xlsx(output, {"Thay đổi" if lang == "vi" else "Changes": frame}, lang)


localise_help(main, "vi")  # until a command line says otherwise (_Group.main)


if __name__ == "__main__":  # pragma: no cover
    from pari_index.launch import ended_quickly, names_in_utf8

    names_in_utf8()  # ``python -m pari_index.cli`` reads file names as ``pari`` does
    ended_quickly(main)  # and ends as it does
