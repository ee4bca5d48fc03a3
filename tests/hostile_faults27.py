"""Faults of the twenty-seventh session's helper faults27: outputs that are links leading nowhere,
folders or mount points, and results given as a pipe. Each was run with the real ``pari`` on
b4a3bb8 (before) and after the fix:

- ``-o res --format csv`` (or parquet, or ``pari demo-data -o res``) where ``res`` is a symbolic
  link that loops (``res`` → ``l2`` → ``res``) or whose target was deleted: "-o must be a folder
  for this format, and a file of that name exists" (``output-not-a-folder``), exit 4. There is no
  file; ``ls`` shows the link. Now ``output-folder-broken-link``, as a link in the path already
  was: "res is a symbolic link that leads to no folder (its target is missing, or the links loop)".
- ``--previous``, ``pari report`` or ``pari explain --results`` given a named pipe: "a workbook
  cannot be read from a pipe", where results are a workbook or a folder and nothing said the pipe
  held a workbook. Now "results cannot be read from a pipe: pari score writes them as a workbook
  (.xlsx) or a folder".
- An output file whose name is a folder (``--report site.html``, ``pari criteria import … -o
  draft.yaml``, ``pari diff … -o changes.csv``, ``pari template -o form.xlsx``): the hint was "give a
  file name, e.g. FOLDER/results.xlsx" whatever was written, a workbook's name for a page, a YAML
  draft or a CSV table. Now a name of the output's kind inside that folder
  (``site.html/site.html``).
- A results folder that is a mount point (``-o /out --format csv`` with ``/out`` a container's
  volume, a USB disk or a share mounted there): the results are put in place by renaming the
  folder, which the system refuses for a mount point (EBUSY). Every run failed at its very end,
  "cannot write the file: Device or resource busy", hint "close it in Excel if it is open, free
  space, or choose another name"; on the national data (/tmp/peers/data, 10,600 communes) after
  17.9 s wall and 454 MB, on the example after the whole run. Now ``output-mount-point`` before
  anything is read (1.5 s), and a rename refused so elsewhere (EBUSY: a file mounted on its own)
  is told as a mount point or a file in use.
- An output on a disk with room whose file entries (inodes) are all used (a small partition or a
  tmpfs full of tiny files): "No space left on device", hint "the disk is full: free some space or
  write to another disk", where ``df -h`` shows room. Now the hint says the disk takes no more
  files and names ``df -i``.

- A file the system refused to read, whatever the reason, got the one hint "check the path and
  its permissions": an I/O error of a failing disk or a network share gone away (here
  ``/proc/self/mem``, which answers EIO at its first byte) given as the register, the criteria set
  or the results of ``pari report``; a name longer than the disk takes; a path through links that
  loop. Now the hint follows the reason (errors.unreadable_hint: permission, a failing disk or
  share, a name too long, a loop), in both languages; a write's I/O error (EIO) likewise.

The mount points and the file entries need a mount, made in a mount namespace of their own
(``unshare``): :data:`MOUNTED`, run by tests/test_hostile_faults27.py alone.

Each generator in :data:`CASES` writes its files into an empty folder and returns the ``pari``
arguments; ``EXPECTED`` is (exit status, code, the user's files that keep their bytes).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CRITERIA = Path(__file__).resolve().parents[1] / "criteria" / "ha-noi-2025-commune.yaml"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")


def _score(folder: Path, *extra: str) -> list[str]:
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    return ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q", *extra]


def _loop(folder: Path, name: str) -> None:
    """``name`` → ``other`` → ``name``: symbolic links that lead round in a loop."""
    os.symlink("other", folder / name)
    os.symlink(name, folder / "other")


def results_folder_link_loop_csv(folder: Path) -> list[str]:
    _loop(folder, "res")
    return _score(folder, "-o", "res", "--format", "csv")


def results_folder_link_to_deleted_parquet(folder: Path) -> list[str]:
    os.symlink("results-2024", folder / "res")  # the folder it named was deleted
    return _score(folder, "-o", "res", "--format", "parquet")


def demo_folder_link_loop(folder: Path) -> list[str]:
    _loop(folder, "demo")
    return ["demo-data", "-o", "demo"]


def _results_pipe(folder: Path) -> None:
    os.mkfifo(folder / "results.xlsx")


def previous_results_pipe(folder: Path) -> list[str]:
    _results_pipe(folder)
    return _score(folder, "-o", "out.xlsx", "--previous", "results.xlsx")


def explain_results_pipe(folder: Path) -> list[str]:
    _results_pipe(folder)
    return ["explain", "00001", "--results", "results.xlsx"]


def report_page_is_a_folder(folder: Path) -> list[str]:
    (folder / "site.html").mkdir()
    return _score(folder, "-o", "out.xlsx", "--report", "site.html")


def draft_is_a_folder(folder: Path) -> list[str]:
    shutil.copy(EXAMPLES / "annex" / "phu-luc-mau.xlsx", folder / "annex.xlsx")
    (folder / "draft.yaml").mkdir()
    return ["criteria", "import", "annex.xlsx", "-o", "draft.yaml"]


def diff_table_is_a_folder(folder: Path) -> list[str]:
    shutil.copy(CRITERIA, folder / "set.yaml")
    (folder / "changes.csv").mkdir()
    return ["diff", "set.yaml", "set.yaml", "-o", "changes.csv"]


def form_is_a_folder(folder: Path) -> list[str]:
    (folder / "form.xlsx").mkdir()
    return ["template", "-o", "form.xlsx"]


#: A file whose reading the system refuses with an I/O error at its first byte, as a failing disk
#: or a network share gone away does (Linux: a process's own memory read at offset 0).
FAILING_FILE = "/proc/self/mem"


def register_input_output_error(folder: Path) -> list[str]:
    args = _score(folder, "-o", "out.xlsx")
    args[args.index("--communes") + 1] = FAILING_FILE
    return args


def criteria_input_output_error(folder: Path) -> list[str]:
    return _score(folder, "-o", "out.xlsx", "--criteria", FAILING_FILE)


def results_input_output_error(folder: Path) -> list[str]:
    return ["report", FAILING_FILE, "-o", "report.html"]


def assessments_name_too_long(folder: Path) -> list[str]:
    args = _score(folder, "-o", "out.xlsx")
    args[1] = "a" * 300 + ".csv"
    return args


def register_in_looping_folder(folder: Path) -> list[str]:
    """``--communes loop/communes.csv`` where the folder ``loop`` is a link to itself."""
    args = _score(folder, "-o", "out.xlsx")
    os.symlink("loop", folder / "loop")
    args[args.index("--communes") + 1] = "loop/communes.csv"
    return args


CASES: dict[str, Callable[[Path], list[str]]] = {
    "results-folder-link-loop-csv": results_folder_link_loop_csv,
    "results-folder-link-to-deleted-parquet": results_folder_link_to_deleted_parquet,
    "demo-folder-link-loop": demo_folder_link_loop,
    "previous-results-pipe": previous_results_pipe,
    "explain-results-pipe": explain_results_pipe,
    "report-page-is-a-folder": report_page_is_a_folder,
    "draft-is-a-folder": draft_is_a_folder,
    "diff-table-is-a-folder": diff_table_is_a_folder,
    "form-is-a-folder": form_is_a_folder,
    "register-input-output-error": register_input_output_error,
    "criteria-input-output-error": criteria_input_output_error,
    "results-input-output-error": results_input_output_error,
    "assessments-name-too-long": assessments_name_too_long,
    "register-in-looping-folder": register_in_looping_folder,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "results-folder-link-loop-csv": (4, "output-folder-broken-link", _INPUTS),
    "results-folder-link-to-deleted-parquet": (4, "output-folder-broken-link", _INPUTS),
    "demo-folder-link-loop": (4, "output-folder-broken-link", ()),
    "previous-results-pipe": (1, "not-a-file", _INPUTS),
    "explain-results-pipe": (1, "not-a-file", ()),
    "report-page-is-a-folder": (4, "output-is-a-folder", _INPUTS),
    "draft-is-a-folder": (4, "output-is-a-folder", ("annex.xlsx",)),
    "diff-table-is-a-folder": (4, "output-is-a-folder", ("set.yaml",)),
    "form-is-a-folder": (4, "output-is-a-folder", ()),
    "register-input-output-error": (1, "file-unreadable", _INPUTS),
    "criteria-input-output-error": (1, "file-unreadable", _INPUTS),
    "results-input-output-error": (1, "file-unreadable", ()),
    "assessments-name-too-long": (1, "file-unreadable", _INPUTS),
    "register-in-looping-folder": (1, "file-unreadable", _INPUTS),
}

#: The hint each unreadable input's case gives, by the system's reason (errors.unreadable_hint).
UNREADABLE_HINT: dict[str, str] = {
    "register-input-output-error": "failing",
    "criteria-input-output-error": "failing",
    "results-input-output-error": "failing",
    "assessments-name-too-long": "too_long",
    "register-in-looping-folder": "loop",
}

#: What each case must not leave behind: nothing is written (the folders in the way stay empty).
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "previous-results-pipe": ("out.xlsx",),
    "report-page-is-a-folder": ("out.xlsx", "site.html/site.html"),
    "draft-is-a-folder": ("draft.yaml/draft.yaml",),
    "diff-table-is-a-folder": ("changes.csv/changes.csv",),
    "form-is-a-folder": ("form.xlsx/form.xlsx",),
}

#: The file name of the output's kind each folder case's hint offers (in both languages).
FILE_IN_FOLDER: dict[str, str] = {
    "report-page-is-a-folder": "site.html/site.html",
    "draft-is-a-folder": "draft.yaml/draft.yaml",
    "diff-table-is-a-folder": "changes.csv/changes.csv",
    "form-is-a-folder": "form.xlsx/form.xlsx",
}


# ---------------------------------------------------------------------------------------------
# Outputs that are mount points: run with a file system mounted on ``mnt`` (a tmpfs in a mount
# namespace of the test's own).


def results_folder_mount_point_csv(folder: Path) -> list[str]:
    return _score(folder, "-o", "mnt", "--format", "csv")


def results_folder_link_to_mount_point_parquet(folder: Path) -> list[str]:
    os.symlink("mnt", folder / "latest")
    return _score(folder, "-o", "latest", "--format", "parquet")


def results_folder_in_mount_point(folder: Path) -> list[str]:
    """Not refused: a folder inside the mount point is replaced as any other."""
    return _score(folder, "-o", "mnt/res", "--format", "csv")


def demo_into_mount_point(folder: Path) -> list[str]:
    """Not refused: demo-data writes into its folder, file by file, and never replaces it."""
    return ["demo-data", "-o", "mnt"]


def form_on_a_disk_without_file_entries(folder: Path) -> list[str]:
    """``mnt`` has room and no file entry (inode) left: "the disk is full: free some space"."""
    return ["template", "-o", "mnt/form.xlsx"]


def results_on_a_disk_without_file_entries(folder: Path) -> list[str]:
    return _score(folder, "-o", "mnt/res", "--format", "csv")


MOUNTED: dict[str, Callable[[Path], list[str]]] = {
    "results-folder-mount-point-csv": results_folder_mount_point_csv,
    "results-folder-link-to-mount-point-parquet": results_folder_link_to_mount_point_parquet,
    "results-folder-in-mount-point": results_folder_in_mount_point,
    "demo-into-mount-point": demo_into_mount_point,
    "form-on-a-disk-without-file-entries": form_on_a_disk_without_file_entries,
    "results-on-a-disk-without-file-entries": results_on_a_disk_without_file_entries,
}

#: The options of the tmpfs each mounted case runs on (else ``size=64m``): one with its file
#: entries (inodes) used up, only its root (1) or the root, a folder and two files (4).
MOUNT_OPTIONS: dict[str, str] = {
    "form-on-a-disk-without-file-entries": "size=64m,nr_inodes=1",
    "results-on-a-disk-without-file-entries": "size=64m,nr_inodes=4",
}

MOUNTED_EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "results-folder-mount-point-csv": (4, "output-mount-point", _INPUTS),
    "results-folder-link-to-mount-point-parquet": (4, "output-mount-point", _INPUTS),
    "results-folder-in-mount-point": (0, None, _INPUTS),
    "demo-into-mount-point": (0, None, ()),
    "form-on-a-disk-without-file-entries": (4, "output-unwritable", ()),
    "results-on-a-disk-without-file-entries": (4, "output-unwritable", _INPUTS),
}

__all__ = [
    "CASES",
    "EXPECTED",
    "FILE_IN_FOLDER",
    "MOUNTED",
    "MOUNTED_EXPECTED",
    "MOUNT_OPTIONS",
    "NOT_WRITTEN",
    "UNREADABLE_HINT",
]
