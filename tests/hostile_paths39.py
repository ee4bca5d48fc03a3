"""Hostile cases of the thirty-ninth session's helper paths39: paths as an officer on Windows types
them. Each was run with the real ``pari`` on a6bdad8 (before) and after the fix (the example
province, 60 communes):

- A folder given where a file is read, with an output inside it (``pari score forms -o
  forms/kq.xlsx``: the forms' folder as the assessments, the results beside the forms): "-o
  forms/kq.xlsx lies inside the evidence folder ASSESSMENTS forms: a file written there would be
  taken for a commune's evidence by the next run" (``output-in-evidence-folder``, exit 4), of a
  folder that is no evidence and that pari does not read; ``--communes dv -o dv/kq.xlsx`` and
  ``--cache forms/c`` the same. Every input folder was taken for an evidence folder
  (outputs.paths: a folder source with no names read from it). Now only ``--evidence-dir`` is
  (Source.file, outputs.paths.FOLDER_OPTIONS), and the folder is refused by its reading
  (``is-a-directory``, exit 1, nothing written).

- A path typed in quotes at Windows' cmd with its final backslash (``"D:\\ho so\\"``): cmd reads
  ``\\"`` as a quote inside the name, so pari got ``ho so"``, or with the rest of the line up to the
  next quote in it (``--communes "dv\\" -q`` as one name ``dv" -q``). It was "file not found",
  hint "check the path", for every input of every command. Now ``input-stray-quote`` (exit 1),
  naming the name before the quote (errors.stray_quote, in errors.near_name, which every reader
  asks of a missing file); a file really so named is read.

- A criteria set given to ``pari criteria import`` as the annex (``criteria import bo.yaml``, a
  set saved as ``bo.txt``; paths38's leftover): "an annex is read from an Excel workbook (.xlsx)",
  hint "save it as .xlsx", of a set, already what import drafts. Now ``annex-is-criteria``
  (exit 1): use the set as it is, or ``pari criteria export`` for its annex
  (authoring.workbook_in.read_annex, by errors.criteria_as_table).

- A pattern copied from Windows with backslashes (``pari score "bieu-mau\\*.csv"``): "not found:
  * is a wildcard … and no file here matches it" (``input-wildcard-unmatched``) beside the very
  files. Now ``input-wildcard`` with the files it matches, written with / (errors.wildcard).

Tried and already answered on a6bdad8 (no case here): ``C:\\Users\\…`` and ``"C:\\x\\"``
(``path-windows-form``), ``.\\communes.csv`` (``input-backslash``), a final space or dot
(``input-near-name``), ``*.xlsx`` left to pari by cmd (``input-wildcard``: the matches named, none
read), ``~`` quoted (``path-not-expanded``), CON/NUL.xlsx/AUX and ``"`` in an output
(``output-name-not-portable``), a 254-byte Vietnamese output name (written) and a longer one
(``output-name-too-long``), NFD evidence file names against NFC cells (matched), one file under
two spellings (``input-given-twice``), ``--evidence-dir ev -o ev/kq.xlsx``
(``output-in-evidence-folder``, kept here as a case).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave (tests/test_hostile_paths39.py).
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


def _forms(folder: Path) -> str:
    (folder / "bieu-mau").mkdir()
    shutil.copy(EXAMPLES / "assessments_long.csv", folder / "bieu-mau" / "a.csv")
    return "bieu-mau"


def forms_folder_with_the_results_inside(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "bieu-mau/kq.xlsx", first=_forms(folder))


def forms_folder_with_the_report_inside(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "kq.xlsx", "--report", "bieu-mau/bc.html", first=_forms(folder))


def forms_folder_with_the_cache_inside(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "kq.xlsx", "--cache", "bieu-mau/c", first=_forms(folder))


def register_folder_with_the_results_inside(folder: Path) -> list[str]:
    args = _score_args(folder, "-o", "dv/kq.xlsx")
    (folder / "dv").mkdir()
    shutil.copy(EXAMPLES / "communes.csv", folder / "dv" / "communes.csv")
    args[args.index("--communes") + 1] = "dv"
    return args


def evidence_folder_with_the_results_inside(folder: Path) -> list[str]:
    """The evidence folder is still one no output may be written into."""
    (folder / "ev").mkdir()
    return _score_args(folder, "-o", "ev/kq.xlsx", "--evidence-dir", "ev")


def assessments_folder_typed_with_a_final_backslash(folder: Path) -> list[str]:
    """``pari score "bieu-mau\\"`` at cmd: the name ``bieu-mau"``."""
    return _score_args(folder, "-o", "kq.xlsx", first=f'{_forms(folder)}"')


def register_typed_with_a_final_backslash_before_an_option(folder: Path) -> list[str]:
    """``--communes "communes.csv\\" -q``: one name ``communes.csv" -q``, ``-q`` swallowed."""
    args = _score_args(folder, "-o", "kq.xlsx")
    args[args.index("--communes") + 1] = 'communes.csv" -q'
    return args


def evidence_folder_typed_with_a_final_backslash(folder: Path) -> list[str]:
    (folder / "ho so").mkdir()
    return _score_args(folder, "-o", "kq.xlsx", "--evidence-dir", 'ho so"')


def criteria_typed_with_a_final_backslash(folder: Path) -> list[str]:
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", folder / "bo.yaml")
    return ["template", "--criteria", 'bo.yaml"', "-o", "mau.xlsx"]


def results_typed_with_a_final_backslash(folder: Path) -> list[str]:
    return ["report", 'kq"', "-o", "bc.html"]


def register_really_named_with_a_quote_is_read(folder: Path) -> list[str]:
    args = _score_args(folder, "-o", "kq.xlsx", "-q")
    shutil.copy(EXAMPLES / "communes.csv", folder / 'dv"1.csv')
    args[args.index("--communes") + 1] = 'dv"1.csv'
    return args


def forms_pattern_with_backslashes(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "kq.xlsx", first=f"{_forms(folder)}\\*.csv")


def criteria_set_given_as_the_annex_imported(folder: Path) -> list[str]:
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", folder / "bo.yaml")
    return ["criteria", "import", "bo.yaml", "-o", "nhap.yaml"]


def criteria_set_saved_as_text_given_as_the_annex_imported(folder: Path) -> list[str]:
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", folder / "bo.txt")
    return ["criteria", "import", "bo.txt", "-o", "nhap.yaml"]


def criteria_set_s_name_mistyped_as_the_annex_imported(folder: Path) -> list[str]:
    """bo.yml for bo.yaml: on 2f34604 any name ending .yaml, there or not, was «this is a criteria
    set (YAML) already» (review of session 39); a name not there is told as such, with its near name."""
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", folder / "bo.yaml")
    return ["criteria", "import", "bo.yml", "-o", "nhap.yaml"]


CASES: dict[str, Case] = {
    "forms-folder-with-the-results-inside": forms_folder_with_the_results_inside,
    "forms-folder-with-the-report-inside": forms_folder_with_the_report_inside,
    "forms-folder-with-the-cache-inside": forms_folder_with_the_cache_inside,
    "register-folder-with-the-results-inside": register_folder_with_the_results_inside,
    "evidence-folder-with-the-results-inside": evidence_folder_with_the_results_inside,
    "assessments-folder-typed-with-a-final-backslash": assessments_folder_typed_with_a_final_backslash,
    "register-typed-with-a-final-backslash-before-an-option": register_typed_with_a_final_backslash_before_an_option,
    "evidence-folder-typed-with-a-final-backslash": evidence_folder_typed_with_a_final_backslash,
    "criteria-typed-with-a-final-backslash": criteria_typed_with_a_final_backslash,
    "results-typed-with-a-final-backslash": results_typed_with_a_final_backslash,
    "register-really-named-with-a-quote-is-read": register_really_named_with_a_quote_is_read,
    "forms-pattern-with-backslashes": forms_pattern_with_backslashes,
    "import-of-a-criteria-set-given-as-the-annex": criteria_set_given_as_the_annex_imported,
    "import-of-a-set-saved-as-text-given-as-the-annex": criteria_set_saved_as_text_given_as_the_annex_imported,
    "import-of-a-set-s-name-mistyped": criteria_set_s_name_mistyped_as_the_annex_imported,
}
_KEPT = ("assessments_long.csv", "communes.csv")
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "forms-folder-with-the-results-inside": (1, "is-a-directory", ("bieu-mau/a.csv",)),
    "forms-folder-with-the-report-inside": (1, "is-a-directory", ("bieu-mau/a.csv",)),
    "forms-folder-with-the-cache-inside": (1, "is-a-directory", ("bieu-mau/a.csv",)),
    "register-folder-with-the-results-inside": (1, "is-a-directory", ("dv/communes.csv",)),
    "evidence-folder-with-the-results-inside": (4, "output-in-evidence-folder", _KEPT),
    "assessments-folder-typed-with-a-final-backslash": (1, "input-stray-quote", ("bieu-mau/a.csv",)),
    "register-typed-with-a-final-backslash-before-an-option": (1, "input-stray-quote", _KEPT),
    "evidence-folder-typed-with-a-final-backslash": (1, "input-stray-quote", _KEPT),
    "criteria-typed-with-a-final-backslash": (1, "input-stray-quote", ("bo.yaml",)),
    "results-typed-with-a-final-backslash": (1, "input-stray-quote", ()),
    "register-really-named-with-a-quote-is-read": (0, None, ('dv"1.csv',)),
    "forms-pattern-with-backslashes": (1, "input-wildcard", ("bieu-mau/a.csv",)),
    "import-of-a-criteria-set-given-as-the-annex": (1, "annex-is-criteria", ("bo.yaml",)),
    "import-of-a-set-saved-as-text-given-as-the-annex": (1, "annex-is-criteria", ("bo.txt",)),
    "import-of-a-set-s-name-mistyped": (1, "input-near-name", ("bo.yaml",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "forms-folder-with-the-results-inside": ("bieu-mau/kq.xlsx",),
    "forms-folder-with-the-report-inside": ("kq.xlsx", "bieu-mau/bc.html"),
    "forms-folder-with-the-cache-inside": ("kq.xlsx",),
    "register-folder-with-the-results-inside": ("dv/kq.xlsx",),
    "evidence-folder-with-the-results-inside": ("ev/kq.xlsx",),
    "assessments-folder-typed-with-a-final-backslash": ("kq.xlsx",),
    "register-typed-with-a-final-backslash-before-an-option": ("kq.xlsx",),
    "evidence-folder-typed-with-a-final-backslash": ("kq.xlsx",),
    "criteria-typed-with-a-final-backslash": ("mau.xlsx",),
    "results-typed-with-a-final-backslash": ("bc.html",),
    "forms-pattern-with-backslashes": ("kq.xlsx",),
    "import-of-a-criteria-set-given-as-the-annex": ("nhap.yaml",),
    "import-of-a-set-saved-as-text-given-as-the-annex": ("nhap.yaml",),
    "import-of-a-set-s-name-mistyped": ("nhap.yaml",),
}
#: The cases of ``pari criteria``, whose words are the criteria authors' (tests/language_leaks.py).
CRITERIA_CASES = sorted(name for name in CASES if name.startswith("import"))
#: The cases that write what they are given (exit 0): the file each must have written.
WRITTEN: dict[str, str] = {"register-really-named-with-a-quote-is-read": "kq.xlsx"}
