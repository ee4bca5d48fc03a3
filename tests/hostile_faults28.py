"""Faults of the twenty-eighth session's helper faults28: wildcards no shell replaced, a missing
annex, folders left by a failed write, and outputs that are bind mounts. Each was run with the
real ``pari`` on c58d720 (before) and after the fix:

- ``pari score "examples/assessments_*.csv"`` (a pattern in quotes, or typed at Windows' ``cmd``,
  which leaves wildcards to the program), ``--communes "commun*.csv"``, ``--criteria "*.yaml"``,
  ``pari explain … --results "kq-*.xlsx"``: "file not found, check the path", which said nothing of
  the pattern, whether it matched nothing or the very file meant. Now ``input-wildcard-unmatched``
  ("* is a wildcard … no file here matches it") or ``input-wildcard`` (the files it matches,
  none read in its place), exit 1, from every reader that finds no file (errors.near_name).
- On Windows, click expanded every argument's wildcard, an option's value too: ``--communes
  commun*.csv`` matching ``communes.csv`` and ``communes-2024.csv`` became ``--communes
  communes-2024.csv communes.csv``, the register then scored as an assessments file (shown by
  calling click's ``_expand_args``; not run on Windows). Now an option's value is left as typed
  (cli.windows_arguments), and told as a pattern; a positional file pattern is expanded as before.
- ``pari criteria import phu-luc.xlsx`` where the file is missing, is ``Phu-luc.XLSX`` or is a
  pattern: "cannot read the file: No such file or directory", hint "check the path and its
  permissions" (``file-unreadable``): the annex is opened without a look first, and the system's
  ENOENT was told as a refusal. Now every reader's ENOENT (errors.unreadable_file) is
  ``file-not-found``, or the near name, the pattern or the link leading nowhere it is.
- A write that fails (a full disk, here ``ulimit -f 20``; a stop) into folders it made: ``-o
  2025/dot-1/results.xlsx``, ``-o res/csv --format csv --report pages/report.html``, ``pari
  demo-data -o a/b/demo``, ``pari template -o forms/2025/form.xlsx``: exit 4, "nothing written",
  and the new folders were left, empty (``find`` listed them). Now they are removed again, each
  while empty (outputs.files._unmake_folders, folder_for_the_block); a folder that was there
  before stays.
- A results folder or a results workbook that is a bind mount of the same disk (``mount --bind``,
  Docker's ``-v ./res:/out`` on one disk): ``os.path.ismount`` compares device numbers, equal
  here, so the check of faults27 said no and the run failed at its very end, "cannot write the
  file: Device or resource busy" (the example: 2.0 s; the national data, /tmp/peers/data: see
  the report). Now ``output-mount-point`` before anything is read, from the system's table of
  mounts (/proc/self/mountinfo); for a file the hint no longer says "a new folder inside it".

:data:`CASES` run with ``pari`` as it is; :data:`LIMITED` under RLIMIT_FSIZE; :data:`MOUNTED` with a
bind mount in a mount namespace of the test's own (``unshare``). ``EXPECTED`` is (exit status,
code, the user's files that keep their bytes).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ANNEX = EXAMPLES / "annex" / "phu-luc-mau.xlsx"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")


def _score(folder: Path, *extra: str) -> list[str]:
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    return ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q", *extra]


def assessments_wildcard_matching(folder: Path) -> list[str]:
    args = _score(folder, "-o", "out.xlsx")
    args[1] = "assessments_*.csv"
    return args


def assessments_wildcard_unmatched(folder: Path) -> list[str]:
    args = _score(folder, "-o", "out.xlsx")
    args[1] = "danh-gia_*.csv"
    return args


def register_wildcard_two_files(folder: Path) -> list[str]:
    args = _score(folder, "-o", "out.xlsx")
    shutil.copy(EXAMPLES / "communes.csv", folder / "communes-2024.csv")
    args[args.index("--communes") + 1] = "commun*.csv"
    return args


def criteria_wildcard_unmatched(folder: Path) -> list[str]:
    return _score(folder, "-o", "out.xlsx", "--criteria", "bo-tieu-chi-?.yaml")


def results_wildcard_unmatched(folder: Path) -> list[str]:
    return ["explain", "00001", "--results", "kq-*.xlsx"]


def annex_missing(folder: Path) -> list[str]:
    return ["criteria", "import", "phu-luc.xlsx", "-o", "draft.yaml"]


def annex_near_name(folder: Path) -> list[str]:
    shutil.copy(ANNEX, folder / "Phu-luc.XLSX")
    return ["criteria", "import", "phu-luc.xlsx", "-o", "draft.yaml"]


def annex_wildcard(folder: Path) -> list[str]:
    shutil.copy(ANNEX, folder / "phu-luc-2025.xlsx")
    return ["criteria", "import", "phu-luc-*.xlsx", "-o", "draft.yaml"]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "assessments-wildcard-matching": assessments_wildcard_matching,
    "assessments-wildcard-unmatched": assessments_wildcard_unmatched,
    "register-wildcard-two-files": register_wildcard_two_files,
    "criteria-wildcard-unmatched": criteria_wildcard_unmatched,
    "results-wildcard-unmatched": results_wildcard_unmatched,
    "annex-missing": annex_missing,
    "annex-near-name": annex_near_name,
    "annex-wildcard": annex_wildcard,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "assessments-wildcard-matching": (1, "input-wildcard", _INPUTS),
    "assessments-wildcard-unmatched": (1, "input-wildcard-unmatched", _INPUTS),
    "register-wildcard-two-files": (1, "input-wildcard", (*_INPUTS, "communes-2024.csv")),
    "criteria-wildcard-unmatched": (1, "input-wildcard-unmatched", _INPUTS),
    "results-wildcard-unmatched": (1, "input-wildcard-unmatched", ()),
    "annex-missing": (1, "file-not-found", ()),
    "annex-near-name": (1, "input-near-name", ("Phu-luc.XLSX",)),
    "annex-wildcard": (1, "input-wildcard", ("phu-luc-2025.xlsx",)),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    name: ("draft.yaml",) if name.startswith("annex") else ("out.xlsx",) for name in CASES
}

#: The files each matching pattern's message names (and no other: none is read in its place).
MATCHED: dict[str, tuple[str, ...]] = {
    "assessments-wildcard-matching": ("«assessments_long.csv»",),
    "register-wildcard-two-files": ("«communes-2024.csv»", "«communes.csv»"),
    "annex-wildcard": ("«phu-luc-2025.xlsx»",),
}


# ---------------------------------------------------------------------------------------------
# Writes that fail into folders they made: run with RLIMIT_FSIZE of LIMIT_BYTES (as a full disk).

LIMIT_BYTES = 20 * 1024


def results_in_new_folders(folder: Path) -> list[str]:
    return _score(folder, "-o", "2025/dot-1/results.xlsx")


def csv_results_and_report_in_new_folders(folder: Path) -> list[str]:
    return _score(folder, "-o", "res/csv", "--format", "csv", "--report", "pages/2025/report.html")


def demo_in_new_folders(folder: Path) -> list[str]:
    return ["demo-data", "-o", "a/b/demo"]


def form_in_new_folders(folder: Path) -> list[str]:
    return ["template", "-o", "forms/2025/form.xlsx"]


def results_in_a_folder_that_was_there(folder: Path) -> list[str]:
    """``2025`` was there (and empty): it stays; ``dot-1``, made for the run, goes."""
    (folder / "2025").mkdir()
    return _score(folder, "-o", "2025/dot-1/results.xlsx")


LIMITED: dict[str, Callable[[Path], list[str]]] = {
    "results-in-new-folders": results_in_new_folders,
    "csv-results-and-report-in-new-folders": csv_results_and_report_in_new_folders,
    "demo-in-new-folders": demo_in_new_folders,
    "form-in-new-folders": form_in_new_folders,
    "results-in-a-folder-that-was-there": results_in_a_folder_that_was_there,
}

#: What each limited case leaves in its folder beside the inputs: the folders that were there.
LEFT: dict[str, tuple[str, ...]] = {name: () for name in LIMITED} | {"results-in-a-folder-that-was-there": ("2025",)}


# ---------------------------------------------------------------------------------------------
# Bind mounts of the same disk: ``src`` (a folder) on ``mnt``, or ``shared.xlsx`` on ``prev.xlsx``.


def results_folder_bind_mount(folder: Path) -> list[str]:
    return _score(folder, "-o", "mnt", "--format", "csv")


def results_workbook_bind_mount(folder: Path) -> list[str]:
    return _score(folder, "-o", "prev.xlsx")


MOUNTED: dict[str, Callable[[Path], list[str]]] = {
    "results-folder-bind-mount": results_folder_bind_mount,
    "results-workbook-bind-mount": results_workbook_bind_mount,
}

#: The hint of each mounted case (outputs.paths: mount_hint), by language.
MOUNT_HINT: dict[str, dict[str, str]] = {
    "results-folder-bind-mount": {
        "en": "write into a new folder inside it",
        "vi": "ghi vào một thư mục mới bên trong nó",
    },
    "results-workbook-bind-mount": {"en": "write under another name", "vi": "ghi dưới tên khác"},
}

__all__ = ["CASES", "EXPECTED", "LEFT", "LIMITED", "LIMIT_BYTES", "MATCHED", "MOUNTED", "MOUNT_HINT", "NOT_WRITTEN"]
