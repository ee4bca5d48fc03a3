"""Hostile cases of the thirty-eighth session's helper paths38: path names an officer on Windows
types and pastes, given to every command. Each was run with the real ``pari`` on 5bf6759 (before)
and after the fix (the example province, 60 communes):

- A file whose name begins with a short option that takes a value (``-o.csv``, a clerk's
  numbering or a name pasted with a dash): click read it as ``-o`` given ``.csv``. ``pari score
  -o.csv --communes … -o out.xlsx`` was "-o is given 2 times («.csv», «out.xlsx»)", without the
  other ``-o`` "give at least one assessment file"; ``pari report -o.xlsx -o bc.html`` and
  ``criteria import -o.xlsx`` were click's "Missing argument 'RESULTS'"; ``-qo.csv`` (``-q``, then
  ``-o .csv``) the same; a file ``-hq`` printed the help (exit 0); and ``pari score … -q -o.xlsx``
  wrote a hidden folder ``.xlsx/`` of CSV tables, exit 0. Now ``input-name-options`` (exit 2,
  nothing read): "-o.csv: a name that begins with «-» is read as options of pari score (-o .csv),
  not as a file", hint "write ./-o.csv (or put -- before the file names)"
  (cli_params.refuse_files_read_as_options, in PariCommand.parse_args for every command). Told
  where the name is a file's here or the value so read is an ending alone; ``-okq.xlsx``, no
  file's, stays ``-o kq.xlsx``; an option's value (``--communes -o.csv``) is the file it names.

- An output named by an ending alone (``-o .xlsx``, ``--report .html``, ``demo-data -o .csv``):
  ``pari score -o .xlsx`` wrote the hidden folder ``.xlsx/`` (exit 0), the other commands said
  "the file must end in .xlsx" of a name that does. Now ``output-name-only-ending`` (exit 2).

- A path of spaces (or a tab) alone (``--communes " "``, ``-o "  "``, ``--cache " "``, ``explain
  --results " "``): an input was "   : file not found", the name invisible before the colon; an
  output ``output-name-not-portable``. Now ``path-blank`` (exit 2, before anything is read), as
  an empty name is ``path-empty``; a file really so named is read.

- The criteria set given as a table (``pari score bo.yaml``, ``--communes``/``--appraisal``/
  ``--previous bo.yaml``, ``template --communes bo.yaml``, ``pari report bo.yaml``): "row 3: not
  readable as CSV: row 3 has 3 cells but the header (row 1) has 2" or "cannot read the results
  workbook (calamine error: Cannot detect file format)". Now ``table-is-criteria`` (exit 1), hint
  "give a criteria set with --criteria". And a table given as the set (``--criteria communes.csv``,
  ``pari validate danh-gia.csv``): "a criteria set must be a YAML mapping" at line 1, now
  ``criteria-is-table``.

- A folder given to ``pari criteria import`` (``criteria import phu-luc -o bo.yaml``): "an annex
  is read from an Excel workbook (.xlsx)", hint "save it as .xlsx", of a folder. Now
  ``is-a-directory``, as every other reader says.

Tried and already answered on 5bf6759 (no case here): a folder for every file and a file for every
folder of every command (``is-a-directory``, ``output-is-a-folder``, ``output-not-a-folder``,
``evidence-dir-not-a-folder``, ``output-folder-is-file``, a cache so named ignored and said);
output equal to an input through a symbolic link, a hard link, ``..``, a trailing slash
(``output-is-input``) or in letter case (``output-case-twin``); ``~`` quoted
(``path-not-expanded``); CON, NUL, AUX, COM1, ``con.csv``, a trailing dot or space, ``* ? " < > |
:`` (``output-name-not-portable``, a drive letter ``path-windows-form``); 255-byte Vietnamese names
and paths over 4,096 bytes (refused or read, named); an output folder holding an input
(``output-contains-input``) or a user's files (``output-not-pari``); the same file twice and the
assessments as the register or the criteria (``input-given-twice``); an empty path
(``path-empty``).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave (tests/test_hostile_paths38.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import CRITERIA, EXAMPLES, _examples

Case = Callable[[Path], list[str]]


def _score_args(folder: Path, *extra: str, first: str = "assessments_long.csv") -> list[str]:
    files = _examples(folder)
    return ["score", first, "--communes", files["communes"].name, "--survey", files["survey"].name, *extra]


def _copied(folder: Path, name: str, source: Path) -> str:
    shutil.copy(source, folder / name)
    return name


def _results(folder: Path) -> str:
    """Results scored first (in this process) as ``kq.xlsx``."""
    from click.testing import CliRunner

    from pari_index.cli import main

    files = _examples(folder)  # named whole: this process runs in another folder
    args = ["score", str(files["assessments_long"]), "--communes", str(files["communes"])]
    done = CliRunner().invoke(main, [*args, "--survey", str(files["survey"]), "-o", str(folder / "kq.xlsx"), "-q"])
    assert done.exit_code == 0, done.output
    return "kq.xlsx"


def _set(folder: Path) -> str:
    return _copied(folder, "bo.yaml", CRITERIA / "ha-noi-2025-commune.yaml")


def assessments_named_as_the_output_option(folder: Path) -> list[str]:
    """``-o.csv``, then ``-o out.xlsx``: click read the file as the first of two ``-o``."""
    name = _copied(folder, "-o.csv", EXAMPLES / "assessments_long.csv")
    return _score_args(folder, "-o", "out.xlsx", first=name)


def assessments_named_as_the_output_option_alone(folder: Path) -> list[str]:
    """``-o.csv`` and no other ``-o``: "give at least one assessment file" of a file given."""
    name = _copied(folder, "-o.csv", EXAMPLES / "assessments_long.csv")
    return _score_args(folder, first=name)


def assessments_named_as_quiet_and_output(folder: Path) -> list[str]:
    name = _copied(folder, "-qo.csv", EXAMPLES / "assessments_long.csv")
    return _score_args(folder, "-o", "out.xlsx", first=name)


def assessments_named_as_help_and_quiet(folder: Path) -> list[str]:
    """A file named ``-hq`` (no ending): the help was printed, exit 0."""
    name = _copied(folder, "-hq", EXAMPLES / "assessments_long.csv")
    return _score_args(folder, "-o", "out.xlsx", first=name)


def results_named_as_the_output_option_reported(folder: Path) -> list[str]:
    _copied(folder, "-o.xlsx", folder / _results(folder))
    return ["report", "-o.xlsx", "-o", "bc.html"]


def annex_named_as_the_output_option_imported(folder: Path) -> list[str]:
    _copied(folder, "-o.xlsx", EXAMPLES / "annex" / "phu-luc-mau.xlsx")
    return ["criteria", "import", "-o.xlsx", "-o", "nhap.yaml"]


def set_named_as_the_output_option_diffed(folder: Path) -> list[str]:
    _copied(folder, "-o.yaml", CRITERIA / "ha-noi-2025-commune.yaml")
    return ["diff", "-o.yaml", _set(folder)]


def results_to_an_ending_glued_to_the_option(folder: Path) -> list[str]:
    """``-q -o.xlsx`` (no space): a hidden folder ``.xlsx/`` of CSV tables was written, exit 0."""
    return _score_args(folder, "-q", "-o.xlsx")


def register_named_as_the_output_option_is_read(folder: Path) -> list[str]:
    """An option's value is the file it names, whatever its name."""
    args = _score_args(folder, "-o", "out.xlsx", "-q")
    args[args.index("--communes") + 1] = _copied(folder, "-o.csv", EXAMPLES / "communes.csv")
    return args


def assessments_named_as_the_output_option_given_as_such(folder: Path) -> list[str]:
    name = _copied(folder, "-o.csv", EXAMPLES / "assessments_long.csv")
    return _score_args(folder, "-o", "out.xlsx", "-q", first=f"./{name}")


def output_glued_to_its_option_is_written(folder: Path) -> list[str]:
    """``-okq.xlsx``, no file's name: ``-o kq.xlsx``, as click reads it."""
    return _score_args(folder, "-okq.xlsx", "-q")


def results_to_an_ending_alone(folder: Path) -> list[str]:
    return _score_args(folder, "-o", ".xlsx")


def report_to_an_ending_alone(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "out.xlsx", "--report", ".html")


def demo_data_to_an_ending_alone(folder: Path) -> list[str]:
    return ["demo-data", "--communes", "3", "-o", ".csv"]


def register_named_with_spaces_alone(folder: Path) -> list[str]:
    args = _score_args(folder, "-o", "out.xlsx")
    args[args.index("--communes") + 1] = " "
    return args


def assessments_named_with_spaces_alone(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "out.xlsx", first="   ")


def form_to_a_name_of_spaces_alone(folder: Path) -> list[str]:
    return ["template", "-o", "  "]


def cache_named_with_a_tab_alone(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "out.xlsx", "--cache", "\t")


def results_named_with_a_space_explained(folder: Path) -> list[str]:
    return ["explain", "00001", "--results", " "]


def register_named_with_a_space_that_is_a_file(folder: Path) -> list[str]:
    """A file really named `` `` is read."""
    args = _score_args(folder, "-o", "out.xlsx", "-q")
    args[args.index("--communes") + 1] = _copied(folder, " ", EXAMPLES / "communes.csv")
    return args


def criteria_set_given_as_assessments(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "out.xlsx", first=_set(folder))


def criteria_set_given_as_appraisal(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "out.xlsx", "--appraisal", _set(folder))


def criteria_set_given_as_last_year_s_results(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "out.xlsx", "--previous", _set(folder))


def criteria_set_given_as_the_form_s_register(folder: Path) -> list[str]:
    return ["template", "--communes", _set(folder), "-o", "mau.xlsx"]


def criteria_set_given_as_results_reported(folder: Path) -> list[str]:
    return ["report", _set(folder), "-o", "bc.html"]


def register_given_as_the_criteria_set(folder: Path) -> list[str]:
    _examples(folder)
    return ["template", "--criteria", "communes.csv", "-o", "mau.xlsx"]


def assessments_given_as_the_set_validated(folder: Path) -> list[str]:
    _examples(folder)
    return ["validate", "assessments_long.csv"]


def register_given_as_the_set_exported(folder: Path) -> list[str]:
    _examples(folder)
    return ["criteria", "export", "communes.csv", "-o", "phu-luc.xlsx"]


def criteria_set_saved_as_text_given_as_assessments(folder: Path) -> list[str]:
    """A set saved as ``bo.txt`` (reviewb38): "row 3: not readable as CSV", the ending alone told."""
    return _score_args(folder, "-o", "out.xlsx", first=_copied(folder, "bo.txt", CRITERIA / "ha-noi-2025-commune.yaml"))


def criteria_set_with_no_ending_given_as_the_register(folder: Path) -> list[str]:
    args = _score_args(folder, "-o", "out.xlsx")
    args[args.index("--communes") + 1] = _copied(folder, "bo", CRITERIA / "ha-noi-2025-commune.yaml")
    return args


def register_saved_as_text_given_as_the_criteria_set(folder: Path) -> list[str]:
    """A register saved as ``dv.txt`` given as the set (reviewb38): "must be a YAML mapping" at 1:1."""
    _copied(folder, "dv.txt", EXAMPLES / "communes.csv")
    return ["template", "--criteria", "dv.txt", "-o", "mau.xlsx"]


def folder_given_as_the_annex_imported(folder: Path) -> list[str]:
    (folder / "phu-luc").mkdir()
    shutil.copy(EXAMPLES / "annex" / "phu-luc-mau.xlsx", folder / "phu-luc" / "phu-luc-mau.xlsx")
    return ["criteria", "import", "phu-luc", "-o", "nhap.yaml"]


CASES: dict[str, Case] = {
    "assessments-named-as-the-output-option": assessments_named_as_the_output_option,
    "assessments-named-as-the-output-option-alone": assessments_named_as_the_output_option_alone,
    "assessments-named-as-quiet-and-output": assessments_named_as_quiet_and_output,
    "assessments-named-as-help-and-quiet": assessments_named_as_help_and_quiet,
    "results-named-as-the-output-option-reported": results_named_as_the_output_option_reported,
    "annex-named-as-the-output-option-imported": annex_named_as_the_output_option_imported,
    "diff-of-a-set-named-as-the-output-option": set_named_as_the_output_option_diffed,
    "results-to-an-ending-glued-to-the-option": results_to_an_ending_glued_to_the_option,
    "register-named-as-the-output-option-is-read": register_named_as_the_output_option_is_read,
    "assessments-named-as-the-output-option-given-as-such": assessments_named_as_the_output_option_given_as_such,
    "output-glued-to-its-option-is-written": output_glued_to_its_option_is_written,
    "results-to-an-ending-alone": results_to_an_ending_alone,
    "report-to-an-ending-alone": report_to_an_ending_alone,
    "demo-data-to-an-ending-alone": demo_data_to_an_ending_alone,
    "register-named-with-spaces-alone": register_named_with_spaces_alone,
    "assessments-named-with-spaces-alone": assessments_named_with_spaces_alone,
    "form-to-a-name-of-spaces-alone": form_to_a_name_of_spaces_alone,
    "cache-named-with-a-tab-alone": cache_named_with_a_tab_alone,
    "results-named-with-a-space-explained": results_named_with_a_space_explained,
    "register-named-with-a-space-that-is-a-file": register_named_with_a_space_that_is_a_file,
    "criteria-set-given-as-assessments": criteria_set_given_as_assessments,
    "criteria-set-given-as-appraisal": criteria_set_given_as_appraisal,
    "criteria-set-given-as-last-year-s-results": criteria_set_given_as_last_year_s_results,
    "criteria-set-given-as-the-form-s-register": criteria_set_given_as_the_form_s_register,
    "criteria-set-given-as-results-reported": criteria_set_given_as_results_reported,
    "register-given-as-the-criteria-set": register_given_as_the_criteria_set,
    "assessments-given-as-the-set-validated": assessments_given_as_the_set_validated,
    "export-of-a-register-given-as-the-set": register_given_as_the_set_exported,
    "import-of-a-folder-given-as-the-annex": folder_given_as_the_annex_imported,
    "criteria-set-saved-as-text-given-as-assessments": criteria_set_saved_as_text_given_as_assessments,
    "criteria-set-with-no-ending-given-as-the-register": criteria_set_with_no_ending_given_as_the_register,
    "register-saved-as-text-given-as-the-criteria-set": register_saved_as_text_given_as_the_criteria_set,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "assessments-named-as-the-output-option": (2, "input-name-options", ("-o.csv",)),
    "assessments-named-as-the-output-option-alone": (2, "input-name-options", ("-o.csv",)),
    "assessments-named-as-quiet-and-output": (2, "input-name-options", ("-qo.csv",)),
    "assessments-named-as-help-and-quiet": (2, "input-name-options", ("-hq",)),
    "results-named-as-the-output-option-reported": (2, "input-name-options", ("-o.xlsx", "kq.xlsx")),
    "annex-named-as-the-output-option-imported": (2, "input-name-options", ("-o.xlsx",)),
    "diff-of-a-set-named-as-the-output-option": (2, "input-name-options", ("-o.yaml", "bo.yaml")),
    "results-to-an-ending-glued-to-the-option": (2, "input-name-options", ("assessments_long.csv",)),
    "register-named-as-the-output-option-is-read": (0, None, ("-o.csv",)),
    "assessments-named-as-the-output-option-given-as-such": (0, None, ("-o.csv",)),
    "output-glued-to-its-option-is-written": (0, None, ("assessments_long.csv",)),
    "results-to-an-ending-alone": (2, "output-name-only-ending", ("assessments_long.csv",)),
    "report-to-an-ending-alone": (2, "output-name-only-ending", ("assessments_long.csv",)),
    "demo-data-to-an-ending-alone": (2, "output-name-only-ending", ()),
    "register-named-with-spaces-alone": (2, "path-blank", ("communes.csv",)),
    "assessments-named-with-spaces-alone": (2, "path-blank", ("assessments_long.csv",)),
    "form-to-a-name-of-spaces-alone": (2, "path-blank", ()),
    "cache-named-with-a-tab-alone": (2, "path-blank", ("assessments_long.csv",)),
    "results-named-with-a-space-explained": (2, "path-blank", ()),
    "register-named-with-a-space-that-is-a-file": (0, None, (" ",)),
    "criteria-set-given-as-assessments": (1, "table-is-criteria", ("bo.yaml",)),
    "criteria-set-given-as-appraisal": (1, "table-is-criteria", ("bo.yaml",)),
    "criteria-set-given-as-last-year-s-results": (1, "table-is-criteria", ("bo.yaml",)),
    "criteria-set-given-as-the-form-s-register": (1, "table-is-criteria", ("bo.yaml",)),
    "criteria-set-given-as-results-reported": (1, "table-is-criteria", ("bo.yaml",)),
    "register-given-as-the-criteria-set": (1, "criteria-is-table", ("communes.csv",)),
    "assessments-given-as-the-set-validated": (1, "criteria-is-table", ("assessments_long.csv",)),
    "export-of-a-register-given-as-the-set": (1, "criteria-is-table", ("communes.csv",)),
    "import-of-a-folder-given-as-the-annex": (1, "is-a-directory", ("phu-luc/phu-luc-mau.xlsx",)),
    "criteria-set-saved-as-text-given-as-assessments": (1, "table-is-criteria", ("bo.txt",)),
    "criteria-set-with-no-ending-given-as-the-register": (1, "table-is-criteria", ("bo",)),
    "register-saved-as-text-given-as-the-criteria-set": (1, "criteria-is-table", ("dv.txt",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "assessments-named-as-the-output-option": ("out.xlsx", ".csv"),
    "assessments-named-as-the-output-option-alone": (".csv",),
    "assessments-named-as-quiet-and-output": ("out.xlsx", ".csv"),
    "assessments-named-as-help-and-quiet": ("out.xlsx",),
    "results-named-as-the-output-option-reported": ("bc.html", ".xlsx"),
    "annex-named-as-the-output-option-imported": ("nhap.yaml", ".xlsx"),
    "results-to-an-ending-glued-to-the-option": (".xlsx",),
    "results-to-an-ending-alone": (".xlsx",),
    "report-to-an-ending-alone": ("out.xlsx", ".html"),
    "demo-data-to-an-ending-alone": (".csv",),
    "register-named-with-spaces-alone": ("out.xlsx",),
    "assessments-named-with-spaces-alone": ("out.xlsx",),
    "form-to-a-name-of-spaces-alone": ("  ",),
    "cache-named-with-a-tab-alone": ("out.xlsx", "\t"),
    "criteria-set-given-as-assessments": ("out.xlsx",),
    "criteria-set-given-as-appraisal": ("out.xlsx",),
    "criteria-set-given-as-last-year-s-results": ("out.xlsx",),
    "criteria-set-given-as-the-form-s-register": ("mau.xlsx",),
    "criteria-set-given-as-results-reported": ("bc.html",),
    "register-given-as-the-criteria-set": ("mau.xlsx",),
    "export-of-a-register-given-as-the-set": ("phu-luc.xlsx",),
    "import-of-a-folder-given-as-the-annex": ("nhap.yaml",),
    "criteria-set-saved-as-text-given-as-assessments": ("out.xlsx",),
    "criteria-set-with-no-ending-given-as-the-register": ("out.xlsx",),
    "register-saved-as-text-given-as-the-criteria-set": ("mau.xlsx",),
}
#: The cases of ``pari criteria``, ``pari diff`` and ``pari validate``, whose words are the
#: criteria authors' (tests/language_leaks.py).
CRITERIA_CASES = sorted(
    name for name in CASES if name.startswith(("export", "import", "annex", "diff", "assessments-given-as-the-set"))
)
#: The cases that write what they are given (exit 0): the file each must have written.
WRITTEN: dict[str, str] = {
    "register-named-as-the-output-option-is-read": "out.xlsx",
    "assessments-named-as-the-output-option-given-as-such": "out.xlsx",
    "output-glued-to-its-option-is-written": "kq.xlsx",
    "register-named-with-a-space-that-is-a-file": "out.xlsx",
}
