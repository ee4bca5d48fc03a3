"""Limits that keep any one file from taking the machine, and how a user raises them.

Each reader keeps its own limits beside the code they protect (docs/limits.md lists them all);
this module holds what they share: reading a limit from its environment variable, the same way
everywhere, and the limit on the size of a whole run.
"""

from __future__ import annotations

import contextlib
import os

from pari_index.errors import Problem, UsageError, quoted

#: The years pari takes: a set's ``year``, ``pari score --year`` (pari.score's ``year=``) and a run
#: date's. A year outside them is a typo (``0025``, ``9999``): 1800 scored every deadline as missed.
YEARS = (2000, 2100)
#: The most item rows one run scores (units × scored items): the per-item results table, which is
#: what a run's time and memory grow with. A national run of the pre-2025 three-level system is
#: 10,600 communes × 59 items = 625,400 rows; a 5 MB register or assessment file can name over
#: 100,000 units, which would take minutes and gigabytes. Raise with PARI_MAX_ITEM_ROWS.
MAX_ITEM_ROWS = 2_000_000
#: The most input rows one fill-in form (``pari template``) holds: units × input rows of the set.
#: The form is written cell by cell with a validation rule on each (about 0.35 ms and 4 KB a row:
#: 75,000 rows took 25 CPU s and 320 MB), so 100,000 rows (some 1,300 units of the largest set,
#: more than any province) stay within a minute and 500 MB. Raise with PARI_MAX_TEMPLATE_ROWS.
MAX_TEMPLATE_ROWS = 100_000
#: The most units one HTML report shows. The page holds each unit's profile, rendered in
#: Python at about 0.4 ms a unit (a national report of 10,600 communes took 4-8 s on a quiet
#: 2-core machine, benchmarks/report_scale.py); a results workbook of 1.2 MB naming 90,000 units
#: (a code on each summary row and nothing else) took 53 s and 660 MB. Raise with
#: PARI_MAX_REPORT_UNITS.
MAX_REPORT_UNITS = 15_000
#: Rows below the heading that one Excel sheet holds: a form never goes past them (xlsxwriter
#: would drop the rest without a word).
EXCEL_DATA_ROWS = 1_048_575


def env_limit(name: str, default: int) -> int:
    """The limit set in the environment variable ``name`` (a positive whole number), else
    ``default``. A value that is not a positive whole number is a usage error (exit 2), never
    silently replaced by the default."""
    text = os.environ.get(name)
    if text is None or not text.strip():
        return default
    cleaned = text.strip().replace("_", "")
    if not cleaned.isdecimal() or len(cleaned) > 18 or int(cleaned) <= 0:
        # The default as typed into a variable (digits only: «20.000.000» is no value to set).
        params = {"name": name, "value": quoted(text[:40]), "default": str(default)}
        raise UsageError(
            Problem(
                "bad-limit",
                f"the environment variable {name}={quoted(text[:40])} is not a positive whole number",
                hint=_catalogue_hint("bad-limit", params),
                params=params,
            )
        )
    return int(cleaned)


def check_run_size(units: int, items: int, source: str | None) -> None:
    """Refuse a run of more than PARI_MAX_ITEM_ROWS item rows before any scoring work."""
    limit = env_limit("PARI_MAX_ITEM_ROWS", MAX_ITEM_ROWS)
    rows = units * items
    if rows <= limit:
        return
    where = "in the register" if source else "in the assessments (no register given)"
    raise UsageError(
        Problem(
            "run-too-large",
            f"{units:,} units {where} × {items} scored items = {rows:,} item rows, more than the "
            f"{limit:,} one run scores",
            file=source,
            params={"units": units, "items": items, "rows": rows, "limit": limit},
            hint="check that this is the register you meant (a country has some 10,000 communes); to score "
            "more at once, set PARI_MAX_ITEM_ROWS (about 1 KB of memory per item row), or split by province",
        )
    )


def check_template_size(units: int, rows_per_unit: int, source: str | None) -> None:
    """Refuse a fill-in form of more rows than PARI_MAX_TEMPLATE_ROWS, or than an Excel sheet
    holds, before anything is written."""
    limit = min(env_limit("PARI_MAX_TEMPLATE_ROWS", MAX_TEMPLATE_ROWS), EXCEL_DATA_ROWS)
    rows = units * rows_per_unit
    if rows <= limit:
        return
    sheet = " (an Excel sheet holds 1,048,575 below its heading)" if limit == EXCEL_DATA_ROWS else ""
    raise UsageError(
        Problem(
            "template-too-large",
            f"{units:,} units × {rows_per_unit} input rows = {rows:,} rows, more than the {limit:,} one form "
            f"holds{sheet}",
            file=source,
            hint="give the register of one province or district at a time; to write larger forms, set "
            "PARI_MAX_TEMPLATE_ROWS (about 4 KB of memory a row)",
            params={"units": units, "rows": rows, "limit": limit},
        )
    )


def check_report_size(units: int, source: str | None) -> None:
    """Refuse a report of more units than PARI_MAX_REPORT_UNITS, before any of it is rendered."""
    limit = env_limit("PARI_MAX_REPORT_UNITS", MAX_REPORT_UNITS)
    if units <= limit:
        return
    raise UsageError(
        Problem(
            "report-too-large",
            f"the results name {units:,} units, more than the {limit:,} one report shows",
            file=source,
            hint="write the report of one province or district at a time; for a larger report set "
            "PARI_MAX_REPORT_UNITS (about 0.5 ms and 60 KB a unit)",
            params={"units": units, "limit": limit},
        )
    )


#: Files a run needs open at once, at the least: the standard streams, polars' thread pool and
#: its runtime (with fewer than 6, polars panicked as it started, a Rust backtrace reported as a
#: CSV syntax error), the inputs read ahead and the outputs' temporaries. The README's run needs
#: 8 (with 6 and 7, an input was "unreadable: too many open files"); this is twice that.
MIN_OPEN_FILES = 16
#: The number of open files a command asks for (within the hard limit), as Go's runtime does at
#: start: a soft limit of 256 (macOS) or 1024 is low for a run over thousands of files.
OPEN_FILES = 4096


def open_files_room() -> None:
    """Raise this process's soft limit of open files towards OPEN_FILES (within the hard limit,
    which any process may do); refuse the command (usage error, exit 2) when even the hard limit
    is below MIN_OPEN_FILES (``ulimit -n 5`` lowers both). Nothing on Windows (no such limit)."""
    try:
        import resource
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= OPEN_FILES:
        return
    wanted = OPEN_FILES if hard == resource.RLIM_INFINITY else min(hard, OPEN_FILES)
    if wanted > soft:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
    if soft < MIN_OPEN_FILES:
        params = {"limit": str(soft), "least": str(MIN_OPEN_FILES), "wanted": str(OPEN_FILES)}
        raise UsageError(
            Problem(
                "open-files-limit",
                f"this session lets a program open only {soft} files at once (ulimit -n); "
                f"a run needs at least {MIN_OPEN_FILES}",
                hint=_catalogue_hint("open-files-limit", params),
                params=params,
            )
        )


def _catalogue_hint(kind: str, params: dict[str, str]) -> str:
    """The English hint of ``kind`` from the catalogue, filled with ``params``: a hint written here as
    an f-string said more than its Vietnamese (bad-limit's default). Imported here: the catalogue
    loads polars, which a command's start does not wait for."""
    from pari_index.messages import render_hint

    return render_hint(kind, "en", params=params)


#: The address space (``ulimit -v``) below which a command that reads tables is refused: under it
#: the example run (60 communes) failed in ways nothing in the run can catch or tell apart from a
#: wrong file: at 150-200 MB polars or pydantic could not load its library ("Polars binary is
#: missing", an internal error, exit 70), at 250-330 MB the Rust allocator aborted the process
#: ("memory allocation of 8388608 bytes failed", signal 6) or polars' failure was reported as a
#: ``csv-syntax`` error of the register. The example run needs about 400 MB; a national run about
#: 1.1 GB (docs/limits.md).
MIN_ADDRESS_SPACE = 512 * 1024**2
#: Commands that read no table (a criteria set alone): they run in less.
SMALL_COMMANDS = frozenset({"validate", "schema", "diff"})


def address_space_mib() -> int | None:
    """This session's soft address-space limit (``ulimit -v``) in MiB, or None where there is none
    (unlimited, or Windows)."""
    try:
        import resource
    except ImportError:
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    return None if soft == resource.RLIM_INFINITY else soft // 1024**2


def memory_room(command: str) -> None:
    """Refuse the command (usage error, exit 2) when the session's address-space limit (``ulimit
    -v``, the soft one: a limit set on purpose is not raised) is below MIN_ADDRESS_SPACE, before
    anything is read. Nothing where there is no such limit (Windows), or for SMALL_COMMANDS."""
    try:
        import resource
    except ImportError:
        return
    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft >= MIN_ADDRESS_SPACE or command in SMALL_COMMANDS:
        return
    mib, least = soft // 1024**2, MIN_ADDRESS_SPACE // 1024**2
    raise UsageError(
        Problem(
            "memory-limit",
            f"this session lets a program use only {mib} MB of memory (ulimit -v); a run needs at least {least} MB, "
            "and more for large inputs (a national run about 1,100 MB)",
            hint="raise the limit (ulimit -v unlimited, or ulimit -v 1200000 for 1.2 GB), or ask the administrator to",
            params={"limit": str(mib), "least": str(least)},
        )
    )
