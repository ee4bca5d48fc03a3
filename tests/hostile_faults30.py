"""Faults of the thirtieth session's helper faults30: outputs written into the evidence folder, a
name ending in a space told as an unknown type, refusals of the system that said what to do with
another folder than the one at fault, and paths through looping links told as missing. Each was run
with the real ``pari`` on 1db33ae (before) and after the fix (the example province, 60 communes):

- ``pari score … --evidence-dir mc -o mc/ket-qua.xlsx`` (or ``--report mc/bao-cao.html``, ``-o
  kq/ket-qua --format csv`` through a link ``kq`` → ``mc``, ``-o mc/2025/../ket-qua.xlsx``, ``--cache
  mc/.pari-cache``): exit 0 (0.9-1.6 s, 150-170 MB), the results, report, tables or cache written among the
  communes' documents without a word. Only a file already there was refused (``output-is-input``):
  the same command run again stopped with "--report would replace mc/bao-cao.html, a file of the
  input folder". The next run took a file there for the evidence a row names: commune 00001's item
  1.1.1 naming ``bao-cao.html`` as its evidence was "evidence file not found" (final 0.00) on the
  run that wrote the report there, "evidence present" on the next (2,006 files not found, then
  2,005), the document never sent. Now ``output-in-evidence-folder`` (exit 4) before anything is
  read (0.5 s, 71 MB), for every output and for the cache (outputs.paths._in_evidence_folder),
  through ``..``, a link or another spelling of the folder, as the path rule finds a folder.
- ``pari score … -o "ket-qua.xlsx "`` (a space typed after the name, which Windows drops; so
  ``"kq.parquet "``, ``"kq.csv. "``): "unknown output type «.xlsx »" (``output-type-unknown``, exit
  2, 0.5 s), hint "use results.xlsx": the type the user typed, told as unknown. Every other command
  said ``output-name-not-portable`` of the same name. Now ``pari score`` does too (exit 4).
- ``--evidence-dir mc`` where ``mc`` may not be opened (mode 0 or 0444, as an ordinary user): "the
  evidence folder cannot be used: permission denied", hint "give the folder that holds the evidence
  files" (it is that folder). Now the hint follows the reason: give yourself permission (``ls -ld``)
  or ask its owner; a failing disk, links that loop, a path too long
  (tests/test_hostile_faults30.py; these need an ordinary user, not the sweep's root).
- ``--cache`` refused by the system for a path too long, a path through a file or links that loop:
  "Cache: ignored … (File name too long)", hint "check the folder, or give --cache another folder",
  exit 0, every later run scoring everything again; the path printed whole (4,548 characters in one
  line for a 4,389-character ``--cache``). Now the hint says what to do for each reason and the path
  is cut in its middle as every path told is (intake.cache.CacheNote).
- ``pari report a/ket-qua.xlsx``, ``pari explain 00001 --results a/ket-qua``, ``--previous
  a/nam-truoc.xlsx``, where ``a`` is a link in a loop (``a`` → ``b`` → ``a``): "results file not
  found", hint "check the path" (exit 1, 0.5 s), of a path whose folder ``ls -l`` lists;
  ``--evidence-dir a/mc``: "the evidence folder does not exist". ``Path.exists`` says False of a
  path the system refuses with ELOOP as of a missing one; every other input (``--communes a/c.csv``,
  a criteria set, an annex) said "cannot read the file: Too many levels of symbolic links", hint
  "give the file's own path". Now results and the evidence folder are told so too
  (errors.refusal), exit 1 as before.
- ``pari score … -o '$KET_QUA/ket-qua.xlsx'`` (a variable in single quotes, or not set; so
  ``--communes %DU_LIEU%/communes.csv``, cmd.exe's form): ``path-not-expanded`` (exit 2, 0.2 s), "a
  shell replaces it by a folder only outside quotes" (double quotes replace a variable) and hint
  "or leave ~ outside the quotes", of a path holding no ``~``. Now the reason and the hint are
  those of the form's kind (PARAM_WORDS ``unexpanded_why``, ``unexpanded_hint``): a variable not
  set or inside single quotes, "set the variable and quote the path with double quotes"; cmd.exe's
  variable, "on Linux or macOS, write a variable as $NAME"; ``~`` as before.
- An option given no value, so that the shell gave it the next option's name: ``pari score …
  --communes --survey survey.csv`` was "--survey: file not found" (exit 1, 1.6 s, 96 MB) of a
  survey given, survey.csv read as one more assessments file; ``-o --report bao-cao.html`` beside
  last run's report read the report as assessments ("bao-cao.html row 2: not readable as CSV",
  exit 1, 4.3 s, 149 MB; with ``--allow-incomplete`` the results would go to a folder named
  ``--report``); ``--evidence-dir --report bao-cao.html``: "--report: the evidence folder does not
  exist"; ``--report --cache .pari-cache``: "the file must end in .html". Now ``path-is-option``
  (exit 2) before anything is read, for a path of any command that is one of the command's option
  names and no file's (cli_params.refuse_option_names); a file really so named is read.

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from example_runs import example_evidence

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")
#: A commune's document in the evidence folder.
EVIDENCE = "mc/QD-12-2025.pdf"


def _score(folder: Path, *extra: str) -> list[str]:
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    example_evidence(folder / "mc")  # the example's documents: the folder of its names
    (folder / EVIDENCE).write_bytes(b"%PDF-1.4\n%%EOF\n")
    return ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q", *extra]


def results_in_evidence_folder(folder: Path) -> list[str]:
    return _score(folder, "--evidence-dir", "mc", "-o", "mc/ket-qua.xlsx")


def report_in_evidence_folder(folder: Path) -> list[str]:
    return _score(folder, "--evidence-dir", "mc", "-o", "ket-qua.xlsx", "--report", "mc/bao-cao.html")


def tables_in_evidence_folder_through_a_link(folder: Path) -> list[str]:
    args = _score(folder, "--evidence-dir", "mc", "-o", "kq/ket-qua", "--format", "csv")
    (folder / "kq").symlink_to("mc")
    return args


def results_in_evidence_folder_through_dots(folder: Path) -> list[str]:
    return _score(folder, "--evidence-dir", "mc", "-o", "mc/2025/../ket-qua.xlsx")


def cache_in_evidence_folder(folder: Path) -> list[str]:
    return _score(folder, "--evidence-dir", "mc", "-o", "ket-qua.xlsx", "--cache", "mc/.pari-cache")


def results_name_ending_in_a_space(folder: Path) -> list[str]:
    return _score(folder, "-o", "ket-qua.xlsx ")


def parquet_name_ending_in_a_space(folder: Path) -> list[str]:
    return _score(folder, "-o", "kq.parquet ")


def csv_name_ending_in_a_dot_and_space(folder: Path) -> list[str]:
    return _score(folder, "-o", "kq.csv. ")


def _looping_links(folder: Path) -> None:
    """``a`` → ``b`` → ``a``: a path through ``a`` cannot be looked up (ELOOP)."""
    (folder / "a").symlink_to("b")
    (folder / "b").symlink_to("a")


def report_through_looping_links(folder: Path) -> list[str]:
    _looping_links(folder)
    return ["report", "a/ket-qua.xlsx", "-o", "bao-cao.html"]


def explain_through_looping_links(folder: Path) -> list[str]:
    _looping_links(folder)
    return ["explain", "00001", "--results", "a/ket-qua"]


def previous_through_looping_links(folder: Path) -> list[str]:
    _looping_links(folder)
    return _score(folder, "-o", "ket-qua.xlsx", "--previous", "a/nam-truoc.xlsx")


def evidence_through_looping_links(folder: Path) -> list[str]:
    _looping_links(folder)
    return _score(folder, "-o", "ket-qua.xlsx", "--evidence-dir", "a/mc")


def results_under_an_unset_variable(folder: Path) -> list[str]:
    return _score(folder, "-o", "$KET_QUA/ket-qua.xlsx")


def register_under_a_cmd_variable(folder: Path) -> list[str]:
    args = _score(folder, "-o", "ket-qua.xlsx")
    args[args.index("--communes") + 1] = "%DU_LIEU%/communes.csv"
    return args


def register_takes_the_survey_option(folder: Path) -> list[str]:
    """``--communes --survey survey.csv``: the register's name left out."""
    args = _score(folder, "-o", "ket-qua.xlsx")
    at = args.index("--communes")
    return [*args[: at + 1], *args[at + 2 :]]


def results_take_the_report_option(folder: Path) -> list[str]:
    """``-o --report bao-cao.html`` beside last run's report: the results' name left out."""
    args = _score(folder, "-o", "--report", "bao-cao.html")
    (folder / "bao-cao.html").write_text('<!doctype html><meta name="generator" content="pari-index">', "utf-8")
    return args


def evidence_takes_the_report_option(folder: Path) -> list[str]:
    return _score(folder, "-o", "ket-qua.xlsx", "--evidence-dir", "--report", "bao-cao.html")


def report_takes_the_cache_option(folder: Path) -> list[str]:
    return _score(folder, "-o", "ket-qua.xlsx", "--report", "--cache", ".pari-cache")


CASES: dict[str, Callable[[Path], list[str]]] = {
    "results-in-evidence-folder": results_in_evidence_folder,
    "report-in-evidence-folder": report_in_evidence_folder,
    "tables-in-evidence-folder-through-a-link": tables_in_evidence_folder_through_a_link,
    "results-in-evidence-folder-through-dots": results_in_evidence_folder_through_dots,
    "cache-in-evidence-folder": cache_in_evidence_folder,
    "results-name-ending-in-a-space": results_name_ending_in_a_space,
    "parquet-name-ending-in-a-space": parquet_name_ending_in_a_space,
    "csv-name-ending-in-a-dot-and-space": csv_name_ending_in_a_dot_and_space,
    "report-through-looping-links": report_through_looping_links,
    "explain-through-looping-links": explain_through_looping_links,
    "previous-through-looping-links": previous_through_looping_links,
    "evidence-through-looping-links": evidence_through_looping_links,
    "results-under-an-unset-variable": results_under_an_unset_variable,
    "register-under-a-cmd-variable": register_under_a_cmd_variable,
    "register-takes-the-survey-option": register_takes_the_survey_option,
    "results-take-the-report-option": results_take_the_report_option,
    "evidence-takes-the-report-option": evidence_takes_the_report_option,
    "report-takes-the-cache-option": report_takes_the_cache_option,
}

_KEPT = (*_INPUTS, EVIDENCE)

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "results-in-evidence-folder": (4, "output-in-evidence-folder", _KEPT),
    "report-in-evidence-folder": (4, "output-in-evidence-folder", _KEPT),
    "tables-in-evidence-folder-through-a-link": (4, "output-in-evidence-folder", _KEPT),
    "results-in-evidence-folder-through-dots": (4, "output-in-evidence-folder", _KEPT),
    "cache-in-evidence-folder": (4, "output-in-evidence-folder", _KEPT),
    "results-name-ending-in-a-space": (4, "output-name-not-portable", _KEPT),
    "parquet-name-ending-in-a-space": (4, "output-name-not-portable", _KEPT),
    "csv-name-ending-in-a-dot-and-space": (4, "output-name-not-portable", _KEPT),
    "report-through-looping-links": (1, "file-unreadable", ()),
    "explain-through-looping-links": (1, "file-unreadable", ()),
    "previous-through-looping-links": (1, "file-unreadable", _KEPT),
    "evidence-through-looping-links": (1, "evidence-dir-unusable", _KEPT),
    "results-under-an-unset-variable": (2, "path-not-expanded", _KEPT),
    "register-under-a-cmd-variable": (2, "path-not-expanded", _KEPT),
    "register-takes-the-survey-option": (2, "path-is-option", _KEPT),
    "results-take-the-report-option": (2, "path-is-option", (*_KEPT, "bao-cao.html")),
    "evidence-takes-the-report-option": (2, "path-is-option", _KEPT),
    "report-takes-the-cache-option": (2, "path-is-option", _KEPT),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "results-in-evidence-folder": ("mc/ket-qua.xlsx",),
    "report-in-evidence-folder": ("ket-qua.xlsx", "mc/bao-cao.html"),
    "tables-in-evidence-folder-through-a-link": ("mc/ket-qua",),
    "results-in-evidence-folder-through-dots": ("mc/ket-qua.xlsx", "mc/2025"),
    "cache-in-evidence-folder": ("ket-qua.xlsx", "mc/.pari-cache"),
    "results-name-ending-in-a-space": ("ket-qua.xlsx ", "ket-qua.xlsx"),
    "parquet-name-ending-in-a-space": ("kq.parquet ", "kq.parquet"),
    "csv-name-ending-in-a-dot-and-space": ("kq.csv. ", "kq.csv"),
    "report-through-looping-links": ("bao-cao.html",),
    "previous-through-looping-links": ("ket-qua.xlsx",),
    "evidence-through-looping-links": ("ket-qua.xlsx",),
    "results-under-an-unset-variable": ("$KET_QUA",),
    "register-under-a-cmd-variable": ("ket-qua.xlsx",),
    "register-takes-the-survey-option": ("ket-qua.xlsx",),
    "results-take-the-report-option": ("--report",),
    "evidence-takes-the-report-option": ("ket-qua.xlsx", "bao-cao.html"),
    "report-takes-the-cache-option": ("ket-qua.xlsx", "--cache", ".pari-cache"),
}
