"""The ``pari`` command's parameters: its path types and the checks made of what was given before
any command runs.

Every path parameter is of one of these types: an input (looked up as the disk spells it, watched
while it is read), an input folder (the evidence, a results folder), an output (its name kept as
typed, ``out.xlsx/`` naming a folder). Before a command runs, ``-`` or an empty name for any path,
a single-valued option given twice, and a ``PARI_MAX_…`` variable that is no positive whole number
or no limit are refused, one rule for every command.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from pari_index.errors import (
    Problem,
    UsageError,
    quoted,
)

#: ctx.meta key: the parameters given an empty name (``""``), refused by :func:`refuse_dashes`.
_EMPTY_PATHS = "pari_index.empty_paths"
#: ctx.meta key: the parameters given a name of spaces alone, with the name, refused by :func:`refuse_dashes`.
_BLANK_PATHS = "pari_index.blank_paths"
#: ctx.meta key: the outputs typed ending in a separator, a folder's name (outputs.path_shapes.spelled_as_folder).
_FOLDER_NAMED = "pari_index.folder_named"
#: ctx.meta key: the outputs typed with a name that begins with a dash, refused by :func:`refuse_dashes`.
_DASH_NAMED = "pari_index.dash_named"


class _AnyPath(click.Path):
    """A path the command reads or writes. An empty name (``pari score "$FORM"`` with FORM unset)
    is a Path of ``.``, the current folder: it was "``.``: this is a folder" or "not a results file"
    or an output folder refused by the name ``.``. It is noted here, where the text is still seen,
    and refused as ``path-empty`` with the other path rules (:func:`refuse_dashes`)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value == "" and ctx is not None and param is not None:
            ctx.meta.setdefault(_EMPTY_PATHS, []).append(_param_name(ctx, param))
        elif isinstance(value, str) and _blank(value) and ctx is not None and param is not None:
            ctx.meta.setdefault(_BLANK_PATHS, []).append((_param_name(ctx, param), value))
        return super().convert(value, param, ctx)


def _blank(value: str) -> bool:
    """A name of spaces alone (``pari score " "``, ``-o "  "``: a variable holding a space, a
    name lost from a pasted line), that no file here has. It was "   : file not found", the name
    invisible before the colon, or an output refused as a name Windows drops the spaces of."""
    return value.strip() == "" and not os.path.lexists(value)


class _OutputPath(_AnyPath):
    """A file or folder the command writes, named as the disk spells it where the disk has it
    under another composition of its accents (pari_index.system.spelling.spelled_on_disk): the output
    itself (an earlier results workbook unpacked from a Mac's zip, named decomposed, NFD), else
    its folder. ``-o "Kết quả.xlsx"`` typed composed (NFC) beside such a file wrote a second file
    of the same look, and ``-o "Kết quả/x.xlsx"`` a second folder: two names Explorer and ``ls``
    show alike, the earlier one not replaced (on Windows and macOS they are one file)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from pari_index.outputs.path_identity import as_written
        from pari_index.outputs.path_shapes import names_a_folder
        from pari_index.system.spelling import spelled_on_disk

        given = as_written(Path(os.fsdecode(super().convert(value, param, ctx))))
        whole = spelled_on_disk(given)
        if whole == given and given.parent != given:
            folder = spelled_on_disk(given.parent)
            whole = folder / given.name if folder != given.parent else given
        if isinstance(value, str) and names_a_folder(value) and ctx is not None:
            ctx.meta.setdefault(_FOLDER_NAMED, []).append(whole)  # the ending the Path loses
        if isinstance(value, str) and value.startswith("-") and value != "-" and ctx is not None and param is not None:
            # As typed: ``./-kq.xlsx`` (the way to mean such a name) is ``-kq.xlsx`` to the Path.
            ctx.meta.setdefault(_DASH_NAMED, []).append((_param_name(ctx, param), value))
        return whole


OUTPUT = _OutputPath(path_type=Path, readable=False)


class _InputPath(_AnyPath):
    """A file or folder the command reads. A name not found as it is typed is looked for with its
    accents composed (NFC) in each folder of the path: a folder unpacked from a Mac's zip names its
    files decomposed (NFD), and ``pari score "Đánh giá xã.csv"`` was "file not found" beside a file
    of that very name. The lookup is the library's own (pari_index.system.spelling.spelled_on_disk): its
    readers find such a name too, and the evidence files named in cells are looked up so."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from pari_index.system.spelling import spelled_on_disk

        return spelled_on_disk(Path(os.fsdecode(super().convert(value, param, ctx))))


INPUT = _InputPath(path_type=Path, readable=False)


class _InputFolder(_InputPath):
    """An input the command may read as a folder (pari_index.system.input_watch.InputFolder): watched
    whole while the command runs (``--evidence-dir``), or by the tables a results folder holds
    (``results``). Every other input is read as a file: a folder given there is refused by its
    reader, not walked first."""

    def __init__(self, reads: str) -> None:
        super().__init__(path_type=Path, readable=False)
        self.reads = reads


#: An evidence folder, and a results workbook or folder.
EVIDENCE_FOLDER = _InputFolder("whole")
RESULTS = _InputFolder("results")


class _ShareOfOne(click.FloatRange):
    """A share from 0 to 1, written with a decimal point or, as Vietnamese writes numbers, a
    decimal comma: ``--mistakes 0,1`` was refused as «'0,1' không phải số thực hợp lệ» until
    session 39, beside a help page whose default read «0.05» (VietnameseHelpFormatter now writes
    it «0,05»). The comma is taken only between digits, once. In an English run a comma before
    three digits after a whole number groups thousands, as English writes numbers: «1,000» is a
    thousand there, out of the range (it was read 1.0, every row a mistake, until session 40)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not (isinstance(value, str) and re.fullmatch(r"\s*\d+,\d+\s*", value)):
            return super().convert(value, param, ctx)
        english = ctx is not None and getattr(ctx.find_root().command, "lang", "vi") == "en"
        grouped = english and re.fullmatch(r"\s*[1-9]\d{0,2},\d{3}\s*", value) is not None
        pointed: Any = value.replace(",", "" if grouped else ".")
        try:
            return super().convert(pointed, param, ctx)
        except click.BadParameter as exc:
            # Out of the range: said of the number as typed («1,5 không nằm trong khoảng»), not as
            # converted («1.5»), a decimal point on a Vietnamese page (review of session 39).
            said = exc.message.replace(str(float(pointed)), value.strip(), 1)
            raise click.BadParameter(said, ctx=exc.ctx, param=exc.param) from None


SHARE = _ShareOfOne(0, 1)


def outputs_named_as_folders() -> contextlib.AbstractContextManager[None]:
    """The outputs of the command under way typed as a folder's name (``-o out.xlsx/``), for the
    path rule (outputs.path_shapes.spelled_as_folder)."""
    from pari_index.outputs.path_shapes import spelled_as_folder

    ctx = click.get_current_context(silent=True)
    return spelled_as_folder(ctx.meta.get(_FOLDER_NAMED, ()) if ctx is not None else ())


def watched_inputs() -> contextlib.AbstractContextManager[None]:
    """The files and folders the command under way reads (every parameter of the input path
    type), watched from before they are read: no output is put in place, and no result printed,
    when one changes while it is read (pari_index.system.input_watch). The command's outputs (every
    parameter of the output path type) are not looked at in an input folder."""
    from pari_index.system.input_watch import InputFolder, watching

    ctx = click.get_current_context(silent=True)
    read: list[Path | InputFolder] = []
    written: list[Path] = []
    for param in ctx.command.params if ctx is not None else ():
        if isinstance(param.type, (_InputPath, _OutputPath)) and param.name is not None:
            value = ctx.params.get(param.name) if ctx is not None else None
            values = [v for v in (value if isinstance(value, tuple) else (value,)) if isinstance(v, Path)]
            if isinstance(param.type, _OutputPath):
                written += values
            elif isinstance(param.type, _InputFolder):
                read += [_input_folder(v, param.type.reads) for v in values]
            else:
                read += values
    return watching(read, besides=written)


def _input_folder(path: Path, reads: str) -> Any:
    """What of the folder ``path`` the command reads (pari_index.system.input_watch.InputFolder)."""
    from pari_index.system.input_watch import InputFolder

    if reads == "results":
        from pari_index.outputs.results import table_files

        return InputFolder(path, tuple(table_files()))
    return InputFolder(path)


def long_outputs() -> list[Problem]:
    """The warnings of the outputs of the command under way (every parameter of the output path
    type but the cache, which no one opens in Excel) whose full path Windows programs cannot open
    (outputs.path_lengths), before the command looks at anything."""
    from pari_index.outputs.path_lengths import long_for_windows

    ctx = click.get_current_context(silent=True)
    found: list[Problem] = []
    for param in ctx.command.params if ctx is not None else ():
        if isinstance(param.type, _OutputPath) and param.name is not None and param.name != "cache_dir":
            value = ctx.params.get(param.name) if ctx is not None else None
            for path in [v for v in (value if isinstance(value, tuple) else (value,)) if isinstance(v, Path)]:
                inside = names_inside(ctx.command.name, param.name, path, ctx.params) if ctx is not None else ()
                told = long_for_windows(_param_name(ctx, param), path, inside) if ctx is not None else None
                found += [told] if told is not None else []
    return found


def names_inside(command: str | None, param: str, path: Path, params: dict[str, Any]) -> tuple[str, ...]:
    """The names the command writes into the output ``path`` of its parameter ``param`` when it
    writes a folder there, from the writer's own list; () for a file. ``pari score``'s results
    are a folder of CSV or Parquet tables (pipeline.results_format, by --format or the name),
    ``demo-data``'s a set of its format and forms; every other output is a file."""
    if command == "score" and param == "output":
        from pari_index.outputs.results import table_files
        from pari_index.pipeline import results_format

        fmt = results_format(path, params.get("fmt"))
        return tuple(table_files(fmt)) if fmt in ("csv", "parquet") else ()
    if command == "demo-data" and param == "output":
        from pari_index.demo.layout import set_names

        return set_names(str(params.get("fmt") or "csv"), params.get("forms") or ("long",))
    return ()


def refuse_dashes() -> None:
    """``-`` given for any path of the command under way (every parameter of a click.Path type,
    read or written) is ``path-is-dash`` (outputs.path_names.check_dashes), one rule for all commands,
    before the command looks at anything."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return
    from pari_index.outputs.path_names import blank_path, check_dashes, empty_path

    empty = set(ctx.meta.get(_EMPTY_PATHS, ()))
    blank = dict(ctx.meta.get(_BLANK_PATHS, ()))
    if empty or blank:  # in the order of the command's help, as the dashes
        options = [_param_name(ctx, param) for param in ctx.command.params]
        told = [option for option in options if option in empty or option in blank]
        raise UsageError([empty_path(o) if o in empty else blank_path(o, blank[o]) for o in told])
    named: list[tuple[str, Any]] = []
    for param in ctx.command.params:
        if isinstance(param.type, click.Path) and param.name is not None:
            value = ctx.params.get(param.name)
            values = value if isinstance(value, tuple) else (value,)
            named += [(_param_name(ctx, param), v) for v in values if v is not None]
    check_dashes(named)
    refuse_option_names(ctx, named)
    refuse_dash_names(ctx)


def refuse_dash_names(ctx: click.Context) -> None:
    """Refuse (UsageError, exit 2) an output typed with a name that begins with a dash (``-o
    -kq.xlsx``): written, exit 0, a file every other program takes for an option (``rm
    -kq.xlsx`` is "invalid option -- 'k'", ``libreoffice -kq.xlsx`` opens nothing), most often an
    option or a name mistyped. Typed ``./-kq.xlsx``, the name is meant, and written."""
    from pari_index.outputs.path_names import dash_named

    options = {name for param in ctx.command.params for name in (*param.opts, *param.secondary_opts)}
    found = [
        dash_named(option, value)
        for option, value in ctx.meta.get(_DASH_NAMED, ())
        if value not in options | {"-h", "--help"}  # an option's name: path-is-option's
    ]
    if found:
        raise UsageError(found)


def refuse_option_names(ctx: click.Context, named: Sequence[tuple[str, Any]]) -> None:
    """Refuse (UsageError, exit 2) a path that is one of the command's option names and no file's
    (outputs.paths.option_for_path): the option before it was given no value."""
    from pari_index.outputs.path_names import option_for_path

    options = {name for param in ctx.command.params for name in (*param.opts, *param.secondary_opts)}
    found = [
        option_for_path(option, str(value))
        for option, value in named
        if str(value) in options | {"-h", "--help"} and not os.path.lexists(value)
    ]
    if found:
        raise UsageError(found)


#: The endings of the files a command reads or writes: a token so ending that click took for an
#: unknown option is a file's name (``-2025.csv``), not a mistyped option.
_FILE_ENDINGS = frozenset(
    {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods", ".parquet", ".yaml", ".yml", ".html"}
)


def refuse_files_as_options(ctx: click.Context, args: Sequence[str], unknown: str) -> None:
    """Refuse (UsageError, exit 2, ``input-name-dash``) an argument click took for an unknown
    option (``unknown``: ``-2`` of ``-2025.csv``, a cluster of short options) where that argument
    is a file's name: one that is there, or one ending as the files pari reads and writes. A
    mistyped option (``--comunes``, ``--lang=en``) is left to click's own words."""
    from pari_index.outputs.path_names import input_named_with_dash

    for token in args:
        if token == "--":
            return
        if not _failed_on(token, unknown) or "=" in token:
            continue
        if os.path.lexists(token) or Path(token).suffix.lower() in _FILE_ENDINGS:
            raise UsageError([input_named_with_dash(token, token, ctx.command_path)])
        return


def refuse_files_read_as_options(ctx: click.Context, command: click.Command, args: Sequence[str]) -> None:
    """Refuse (UsageError, exit 2, ``input-name-options``) an argument whose name click reads
    whole as the command's short options, the last of which takes the rest as its value: ``pari
    score -o.csv …`` was ``-o`` given ``.csv`` ("-o is given 2 times («.csv», «out.xlsx»)", or "give
    at least one assessment file"; ``pari report -o.xlsx -o bc.html`` was "Missing argument
    'RESULTS'"), ``-hq.csv`` help. Refused where the name is a file's or folder's here, or the value
    so read is a file's ending alone (``.csv``: a name no one means); ``-okq.xlsx``, no file's,
    is ``-o kq.xlsx`` as click reads it. An option's value (``--communes -o.csv``) is read as the
    file it names; after ``--`` every name is a file's."""
    from pari_index.outputs.path_names import input_read_as_options

    params = [p for p in command.get_params(ctx) if isinstance(p, click.Option)]
    short = {name: p for p in params for name in (*p.opts, *p.secondary_opts) if len(name) == 2 and name[1] != "-"}
    valued = {name for p in params if not (p.is_flag or p.count) for name in p.opts}
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            return
        if token in valued:
            next(tokens, None)  # the option's value, whatever its name
            continue
        read = _read_as_short_options(token, short)
        if read is None:
            continue
        value = read[-1].partition(" ")[2]
        if os.path.lexists(token) or value.lower() in _FILE_ENDINGS:
            raise UsageError([input_read_as_options(token, ", ".join(read), ctx.command_path)])


def _read_as_short_options(token: str, short: dict[str, click.Option]) -> list[str] | None:
    """How click reads ``token`` when it is a cluster of the short options ``short`` (``-qo.csv``:
    ``-q``, ``-o .csv``): each option, the one that takes a value with it; None when the token is
    no such cluster (one option alone, a long option, an unknown letter, a value left for the next
    argument)."""
    if len(token) <= 2 or not token.startswith("-") or token.startswith("--"):
        return None
    read: list[str] = []
    for at in range(1, len(token)):
        option = short.get(f"-{token[at]}")
        if option is None:
            return None
        if not (option.is_flag or option.count):
            rest = token[at + 1 :]
            return [*read, f"-{token[at]} {rest}"] if rest else None
        read.append(f"-{token[at]}")
    return read


def _failed_on(token: str, unknown: str) -> bool:
    """Whether click's parser could have stopped on ``unknown`` reading ``token``: the token
    itself, or a cluster of short options holding it after known ones (``-quy2.csv``: ``-q``,
    then no option ``-u``; a file so named was told click's "No such option '-u'")."""
    if token.startswith(unknown):
        return True
    short = len(unknown) == 2 and not unknown.startswith("--")
    return short and token.startswith(unknown[0]) and not token.startswith("--") and unknown[1] in token[1:]


#: ``ctx.meta`` key: the single-valued options given more than once, with their values.
_REPEATED = "pari_index.repeated_options"


def _given(command: click.Command, args: Sequence[str]) -> dict[click.Option, list[str]]:
    """Each value-taking option of ``command`` with the values ``args`` give it, in their order
    (``--x v``, ``--x=v``, ``-xv``), up to ``--``."""
    spelled = {name: p for p in command.params if isinstance(p, click.Option) for name in p.opts}
    given: dict[click.Option, list[str]] = {}
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            break
        name, _, value = token.partition("=") if token.startswith("--") else (token[:2], "", token[2:])
        option = spelled.get(token) or spelled.get(name)
        if option is None or option.is_flag or option.count:
            continue
        if option is spelled.get(token):
            value = next(tokens, "")
        given.setdefault(option, []).append(value)
    return given


class PariCommand(click.Command):
    """A command that notes the options taking one value given more than once with different
    values: click keeps the last one without a word (``--appraisal a.csv --appraisal b.csv`` read
    b.csv alone, exit 0)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = _given(self, args)
        # The same value again drops nothing (a script adding --lang en to a line that has it).
        ctx.meta[_REPEATED] = [(o.opts[0], v) for o, v in given.items() if len(set(v)) > 1 and not o.multiple]
        typed = list(args)  # click's parser takes the tokens off ``args`` as it reads them
        refuse_files_read_as_options(ctx, self, typed)
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as unknown:
            refuse_files_as_options(ctx, typed, unknown.option_name)
            raise
        except click.UsageError:
            # An option left without its path took the next option's name as its value, and click
            # stopped on what that took away ("--report -o out.xlsx": "missing option -o"; "-o --lang
            # en": "unexpected extra argument en") before refuse_option_names could tell the cause.
            named = [(o.opts[0], v) for o, values in given.items() if isinstance(o.type, click.Path) for v in values]
            refuse_option_names(ctx, named)
            raise


def refuse_repeats() -> None:
    """An option that takes one value given twice or more is ``option-given-twice`` (exit 2),
    before the command looks at anything."""
    ctx = click.get_current_context(silent=True)
    repeated = ctx.meta.get(_REPEATED, []) if ctx is not None else []
    if repeated:
        raise UsageError([_given_twice(option, values) for option, values in repeated])


def _given_twice(option: str, values: list[str]) -> Problem:
    shown = ", ".join(quoted(v) for v in values)
    return Problem(
        "option-given-twice",
        f"{option} is given {len(values)} times ({shown}); it takes one value, and only the last would be used",
        hint="give the option once; for two appraisal files, put their rows in one",
        params={"option": option, "count": len(values), "values": shown},
    )


def _param_name(ctx: click.Context, param: click.Parameter) -> str:
    """How a problem names a parameter: an option by its first spelling (``-o``, ``--criteria``),
    an argument by its English name without click's decorations (``ASSESSMENTS``, ``SET``)."""
    if isinstance(param, click.Option):
        return param.opts[0]
    from pari_index.messages.command_line import ARGUMENT_WORDS, bare_argument

    names = []  # the command's path below `pari` ("criteria export"), however pari was started
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    words = ARGUMENT_WORDS.get(" ".join([*reversed(names), str(param.name)]))
    # The English name: a finding shows it in its language (messages.help_words.argument_name).
    return bare_argument(words.en) if words is not None else str(param.name).upper()


#: Every limit a user may set, by its environment variable: the module and constant of its default.
#: Each reader reads its own when it runs (:func:`env_limit`), so a bad value was told only by a run
#: that reached that reader: ``PARI_MAX_XLSX_BYTES=abc`` went unseen by a run of CSV files (exit 0)
#: while ``PARI_MAX_CELLS=-5`` stopped the same run (exit 2), and ``PARI_MAX_CELL=9`` (a typo) by
#: every run. :func:`check_every_limit` checks them all, the same way, before any command works.
LIMIT_VARIABLES: dict[str, tuple[str, str]] = {
    "PARI_MAX_ITEM_ROWS": ("pari_index.system.limits", "MAX_ITEM_ROWS"),
    "PARI_MAX_TEMPLATE_ROWS": ("pari_index.system.limits", "MAX_TEMPLATE_ROWS"),
    "PARI_MAX_REPORT_UNITS": ("pari_index.system.limits", "MAX_REPORT_UNITS"),
    "PARI_MAX_CRITERIA_BYTES": ("pari_index.criteria.file_text", "MAX_FILE_BYTES"),
    "PARI_MAX_CRITERIA_ITEMS": ("pari_index.criteria.loading", "MAX_ITEMS"),
    "PARI_MAX_CRITERIA_INPUTS": ("pari_index.criteria.loading", "MAX_INPUTS"),
    "PARI_MAX_CRITERIA_CHECKS": ("pari_index.criteria.loading", "MAX_CHECKS"),
    "PARI_MAX_PARQUET_FOOTER_BYTES": ("pari_index.intake.parquet_measure", "MAX_FOOTER_BYTES"),
    "PARI_MAX_PARQUET_TEXT_BYTES": ("pari_index.intake.parquet_measure", "MAX_PARQUET_TEXT_BYTES"),
    "PARI_MAX_PARQUET_CELLS": ("pari_index.intake.parquet_measure", "MAX_PARQUET_CELLS"),
    "PARI_MAX_STREAM_BYTES": ("pari_index.intake.tables", "MAX_STREAM_BYTES"),
    "PARI_MAX_REGISTER_COLUMNS": ("pari_index.intake.tables", "MAX_TABLE_COLUMNS"),
    "PARI_MAX_REGISTER_ROWS": ("pari_index.intake.tables", "MAX_TABLE_ROWS"),
    "PARI_MAX_APPRAISAL_ROWS": ("pari_index.intake.tables", "MAX_APPRAISAL_ROWS"),
    "PARI_MAX_CELLS": ("pari_index.intake.sheet", "MAX_CELLS"),
    "PARI_MAX_REPEATED_ROWS": ("pari_index.intake.repeated_rows", "MAX_REPEATED_ROWS"),
    "PARI_MAX_REPEATED_CELLS": ("pari_index.intake.repeated_rows", "MAX_REPEATED_CELLS"),
    "PARI_MAX_FINDINGS_OF_A_KIND": ("pari_index.intake.folding", "MAX_FINDINGS_OF_A_KIND"),
    "PARI_MAX_CSV_COLUMNS": ("pari_index.intake.csv_input", "MAX_CSV_COLUMNS"),
    "PARI_MAX_XLSX_BYTES": ("pari_index.intake.xlsx.limits", "MAX_XLSX_BYTES"),
    "PARI_MAX_XLSX_RATIO": ("pari_index.intake.xlsx.limits", "MAX_XLSX_RATIO"),
    "PARI_MAX_XLSX_CELLS": ("pari_index.intake.xlsx.limits", "MAX_XLSX_CELLS"),
    "PARI_MAX_XLSX_COLUMNS": ("pari_index.intake.xlsx.limits", "MAX_XLSX_COLUMNS"),
    "PARI_MAX_XLSX_SHEETS": ("pari_index.intake.xlsx.limits", "MAX_XLSX_SHEETS"),
    "PARI_MAX_XLSX_STRINGS": ("pari_index.intake.xlsx.limits", "MAX_SHARED_STRINGS"),
    "PARI_MAX_XLSX_TEXT_BYTES": ("pari_index.intake.xlsx.limits", "MAX_XLSX_TEXT_BYTES"),
}
#: What every limit's variable begins with: a name so spelled and not among them is a typo.
LIMIT_PREFIX = "PARI_MAX_"


def check_every_limit() -> None:
    """Every ``PARI_MAX_…`` variable set: a positive whole number (``bad-limit``) of a limit that
    exists (``unknown-limit``, with the names nearest it), whatever the command and its files; a
    usage error (exit 2) listing them all. A default's module is imported only for a variable set."""
    import difflib
    import importlib

    from pari_index.system.limits import env_limit

    problems: list[Problem] = []
    for name in sorted(n for n in os.environ if n.upper().startswith(LIMIT_PREFIX)):
        where = LIMIT_VARIABLES.get(name)
        if where is None:
            near = difflib.get_close_matches(name.upper(), LIMIT_VARIABLES, n=3, cutoff=0.6)
            problems.append(_unknown_limit(name, near))
            continue
        try:
            env_limit(name, getattr(importlib.import_module(where[0]), where[1]))
        except UsageError as exc:
            problems += exc.problems
    if problems:
        raise UsageError(problems)


def _unknown_limit(name: str, near: list[str]) -> Problem:
    names = ", ".join(near) if near else ", ".join(sorted(LIMIT_VARIABLES))
    return Problem(
        "unknown-limit",
        f"the environment variable {name} is no limit of pari-index: it would change nothing (the nearest names: "
        f"{names})",
        hint="spell it as docs/limits.md lists it, or unset it",
        params={"name": name, "names": names},
    )
