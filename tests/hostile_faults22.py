"""Hostile cases of the twenty-second session's helper faults22: paths that reach a user's file
another way than they read, and a user's files in a folder pari-index writes into.

- An output through a folder that does not exist, then ``..`` (``-o nothere/../budget.xlsx``,
  ``--report nope/../index.html``): every check of an output looks at what is there, and the
  system finds nothing through a missing folder, so the output was judged a new file; the folder
  was then made and the user's own workbook or page replaced (and an input hard-linked under that
  name). Outputs are now judged, and written, where the write lands (``outputs.path_identity.as_written``).
- ``pari demo-data`` into a folder of an earlier set (its ``SYNTHETIC-README.md``) replaced any file
  of a set's names: a real register copied in to try the commands on one's own data was replaced
  by a synthetic one, a wide form of one's own under an earlier set's name deleted. The README now
  lists each file's SHA-256, and a file no longer as written is refused (``demo-file-changed``).
- An output file typed as a folder's name (``-o out.xlsx/``, ``--report site/``, ``template -o
  form.xlsx/``): the ending is lost in a Path, and a file was written under the name. Now refused
  (``output-file-named-as-folder``); ``-o results.csv/`` is the folder of CSV tables it names.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_faults22.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, the user's files that must come out byte for byte as they went in; ``NOT_WRITTEN``:
names nothing may be written under).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _score, user_workbook

Case = Callable[[Path], list[str]]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
#: A user's own web page, where the report is asked for.
USER_PAGE = "<!doctype html><title>Trang của phòng</title><p>Bảng tin nội bộ</p>\n"
#: A real register's first lines, copied into a demonstration folder to try the commands on.
USER_REGISTER = "code,name,type,district\n00004,Phúc Xá,phường,Ba Đình\n00008,Trúc Bạch,phường,Ba Đình\n"


def _pari(args: list[str], folder: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "pari_index.cli", *args], cwd=folder, env=env, capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr


def _output(args: list[str], value: str) -> list[str]:
    """``args`` with ``-o`` given ``value`` as typed (a Path would drop a final ``/``)."""
    args = list(args)
    args[args.index("-o") + 1] = value
    return args


def workbook_through_missing_folder(folder: Path) -> list[str]:
    """The user's own ``budget.xlsx``; ``-o nothere/../budget.xlsx``."""
    user_workbook(folder / "budget.xlsx")
    return _output(_score(folder), "nothere/../budget.xlsx")


def page_through_missing_folder(folder: Path) -> list[str]:
    """The office's own ``index.html``; ``--report nope/../index.html``."""
    (folder / "index.html").write_text(USER_PAGE, encoding="utf-8")
    return [*_score(folder), "--report", "nope/../index.html"]


def template_through_missing_folders(folder: Path) -> list[str]:
    """Two missing folders climbed out of: ``template -o a/b/../../budget.xlsx``."""
    user_workbook(folder / "budget.xlsx")
    return ["template", "-o", "a/b/../../budget.xlsx"]


def input_hard_link_through_missing_folder(folder: Path) -> list[str]:
    """The wide form scored as ``wide.xlsx``, and hard-linked as ``copy.xlsx``: ``-o x/../copy.xlsx``
    is the input under another name."""
    shutil.copy(EXAMPLES / "assessments_wide.xlsx", folder / "wide.xlsx")
    os.link(folder / "wide.xlsx", folder / "copy.xlsx")
    return _output(_score(folder, assessments=folder / "wide.xlsx"), "x/../copy.xlsx")


def demo_over_own_register(folder: Path) -> list[str]:
    """A demonstration set in ``demo``, its register replaced by the user's real one (to try the
    commands on it); the set made again."""
    _pari(["demo-data", "-o", "demo", "--communes", "20"], folder)
    (folder / "demo" / "communes.csv").write_text(USER_REGISTER, encoding="utf-8")
    return ["demo-data", "-o", "demo", "--communes", "20", "--seed", "7"]


def demo_over_own_wide_form(folder: Path) -> list[str]:
    """A set of both forms in ``demo``; the user's own wide form put under its name; a set of the
    long form only (which removes an earlier set's wide form)."""
    _pari(["demo-data", "-o", "demo", "--communes", "20", "--form", "long", "--form", "wide"], folder)
    (folder / "demo" / "assessments_wide.csv").write_text(USER_REGISTER, encoding="utf-8")
    return ["demo-data", "-o", "demo", "--communes", "20"]


def demo_over_unchanged_set(folder: Path) -> list[str]:
    """A set of both forms, untouched, made again with the long form only: replaced, its wide form
    removed."""
    _pari(["demo-data", "-o", "demo", "--communes", "20", "--form", "long", "--form", "wide"], folder)
    return ["demo-data", "-o", "demo", "--communes", "30", "--seed", "3"]


def workbook_named_as_folder(folder: Path) -> list[str]:
    return _output(_score(folder), "out.xlsx/")


def report_named_as_folder(folder: Path) -> list[str]:
    return [*_score(folder), "--report", "bao-cao.html/"]


def template_named_as_folder(folder: Path) -> list[str]:
    return ["template", "-o", "bieu-mau.xlsx/."]


def csv_results_named_as_folder(folder: Path) -> list[str]:
    """``-o ket-qua.csv/``: a folder's name, so the folder of CSV tables (was ``csv-needs-folder``)."""
    return _output(_score(folder), "ket-qua.csv/")


CASES: dict[str, Case] = {
    "output-through-missing-folder-user-workbook": workbook_through_missing_folder,
    "report-through-missing-folder-user-page": page_through_missing_folder,
    "template-through-missing-folders-user-workbook": template_through_missing_folders,
    "output-through-missing-folder-input-hard-link": input_hard_link_through_missing_folder,
    "demo-over-own-register-in-demo-folder": demo_over_own_register,
    "demo-over-own-wide-form-in-demo-folder": demo_over_own_wide_form,
    "demo-over-unchanged-set": demo_over_unchanged_set,
    "output-workbook-named-as-folder": workbook_named_as_folder,
    "report-named-as-folder": report_named_as_folder,
    "template-named-as-folder": template_named_as_folder,
    "results-csv-named-as-folder": csv_results_named_as_folder,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "output-through-missing-folder-user-workbook": (4, "output-not-pari", ("budget.xlsx",)),
    "report-through-missing-folder-user-page": (4, "output-not-pari", ("index.html",)),
    "template-through-missing-folders-user-workbook": (4, "output-not-pari", ("budget.xlsx",)),
    "output-through-missing-folder-input-hard-link": (4, "output-is-input", ("wide.xlsx", "copy.xlsx")),
    "demo-over-own-register-in-demo-folder": (4, "demo-file-changed", ("demo/communes.csv",)),
    "demo-over-own-wide-form-in-demo-folder": (4, "demo-file-changed", ("demo/assessments_wide.csv",)),
    "demo-over-unchanged-set": (0, None, ()),
    "output-workbook-named-as-folder": (4, "output-file-named-as-folder", ()),
    "report-named-as-folder": (4, "output-file-named-as-folder", ()),
    "template-named-as-folder": (4, "output-file-named-as-folder", ()),
    "results-csv-named-as-folder": (0, None, ()),
}

#: Names nothing may be written under: no folder made to climb out of, no file under a folder's name.
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "output-through-missing-folder-user-workbook": ("nothere",),
    "report-through-missing-folder-user-page": ("nope", "out.xlsx"),
    "template-through-missing-folders-user-workbook": ("a",),
    "output-through-missing-folder-input-hard-link": ("x",),
    "output-workbook-named-as-folder": ("out.xlsx",),
    "report-named-as-folder": ("out.xlsx", "bao-cao.html"),
    "template-named-as-folder": ("bieu-mau.xlsx",),
}


# ---------------------------------------------------------------------------------------------
# Paths copied from Windows: backslashes between folders


def _in_subfolder(folder: Path) -> None:
    (folder / "du-lieu").mkdir()
    for name in ("communes.csv", "assessments_long.csv", "survey.csv"):
        shutil.copy(EXAMPLES / name, folder / "du-lieu" / name)


def register_with_backslashes(folder: Path) -> list[str]:
    """``--communes du-lieu\\communes.csv``: "file not found", hint "check the path", beside it."""
    _in_subfolder(folder)
    return [
        "score",
        "du-lieu/assessments_long.csv",
        "--communes",
        "du-lieu\\communes.csv",
        "--no-survey",
        "-o",
        "o.xlsx",
    ]


def criteria_with_backslashes(folder: Path) -> list[str]:
    (folder / "bo").mkdir()
    shutil.copy(ROOT / "criteria" / "ha-noi-2025-commune.yaml", folder / "bo" / "tieu-chi.yaml")
    return ["validate", "bo\\tieu-chi.yaml"]


CASES |= {
    "register-with-backslashes": register_with_backslashes,
    "criteria-with-backslashes": criteria_with_backslashes,
}
EXPECTED |= {
    "register-with-backslashes": (1, "input-backslash", ("du-lieu/communes.csv",)),
    "criteria-with-backslashes": (1, "input-backslash", ("bo/tieu-chi.yaml",)),
}
NOT_WRITTEN |= {"register-with-backslashes": ("o.xlsx",)}
