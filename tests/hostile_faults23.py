"""Faults of the twenty-third session's helper faults23: paths and errors of the operating system
as a provincial office meets them on a shared server or a synchronised folder.

- An input replaced while the run reads it (a colleague saving the assessments on a shared
  folder, a synchronisation client putting a new copy in place): the run went on, and its about
  table recorded the SHA-256 of the file that replaced it beside the rows of the one it had read
  (3,849 rows, the other file has 3,777); with ``--cache`` the rows of one file were kept under
  the key of the other, and every later run of the first file, unchanged, published the other's
  ranking (commune 00001 "sent nothing"). Now ``input-changed`` (exit 1), nothing written, the
  earlier results kept, the cache left without the entry (pari_index.system.input_watch). Made
  deterministic here: the survey is a named pipe whose writer replaces the assessments the moment
  pari-index opens the pipe, before it writes the survey's rows.

- A file without read permission (mode 000) given to any command, and an existing output
  without read permission (mode 0200): the command-line library refused both before pari-index
  looked ("Path '…' is not readable", exit 2, no hint, an output called "not readable"). Behind that
  check an unreadable file was taken as pari-index's own and replaced (``-o budget.xlsx`` of the
  user's write-only workbook: the library's API did). Now an input is ``file-unreadable`` (exit
  1), an output ``output-unreadable`` (exit 4, the file kept), an evidence folder that cannot be
  searched ``evidence-dir-unusable`` (one refusal, not 2,006 warnings) and one that may be
  searched but not listed (mode 0311) is used.

Each case is a :class:`Fault`: ``make`` writes its files into an empty folder (changing modes
last) and returns the ``pari`` argv; ``beside`` (if any) is the argv of a Python helper started in
the folder before pari and stopped after it; ``ordinary_user`` runs pari without root's power over
file permissions (tests/children.py). ``expected`` is as in the other sweeps: exit status, the
code that must be printed, and the files that must keep their bytes. They need more than one
process and file modes, so benchmarks/hostile.py leaves them to tests/test_hostile_faults23.py.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from example_runs import example_evidence

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CRITERIA = Path(__file__).resolve().parents[1] / "criteria"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")


@dataclass(frozen=True)
class Fault:
    make: Callable[[Path], list[str]]
    expected: tuple[int, str | None, tuple[str, ...]]
    beside: tuple[str, ...] = ()
    ordinary_user: bool = False
    #: Also without root's power over files of other users (CAP_FOWNER: a folder's sticky bit).
    not_owner: bool = False


def _examples(folder: Path) -> list[str]:
    """The example inputs copied in, as ``pari score`` arguments (the results to ``out.xlsx``)."""
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    return ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q"]


# ---------------------------------------------------------------------------------------------
# An input replaced while the run reads it

#: The helper beside the run: opening the pipe for writing waits for pari-index to open it for
#: reading; then the file named first is replaced by the second (a rename, as a copy or a
#: synchronisation client puts a file in place) and the survey's rows are written.
SWAPPER = (
    "import os, sys\n"
    "with open('survey.fifo', 'wb') as pipe:\n"
    "    os.replace(sys.argv[2], sys.argv[1])\n"
    "    pipe.write(open('survey.csv', 'rb').read())\n"
)


def _replaced_while_read(folder: Path, other: bytes, *extra: str) -> list[str]:
    """The examples with their survey through a pipe, and ``other`` (``new.csv``) ready to replace
    an input (named to the helper beside: :func:`_swapping`); the earlier results in ``res`` (a
    CSV folder), which must be left as they are."""
    args = _examples(folder)
    from children import pari_child

    done = pari_child([*args, "--format", "csv", "-o", "res"], folder)
    assert done.returncode == 0, done.stderr
    (folder / "new.csv").write_bytes(other)
    os.mkfifo(folder / "survey.fifo")
    return [*args[:-3], "--survey", "survey.fifo", "-q", "--format", "csv", "-o", "res", *extra]


def _without_first_unit(name: str) -> bytes:
    """The example file ``name`` without the rows of unit 00001."""
    lines = (EXAMPLES / name).read_bytes().splitlines(keepends=True)
    return b"".join(line for line in lines if not line.startswith(b"00001,"))


def assessments_replaced_while_read(folder: Path) -> list[str]:
    """The assessments replaced by a copy without unit 00001 while the run reads the survey: the
    results held the first file's 3,849 rows, the about table the SHA-256 of the second."""
    return _replaced_while_read(folder, _without_first_unit("assessments_long.csv"))


def register_replaced_while_read(folder: Path) -> list[str]:
    """The register replaced by a copy without unit 00001 while the run reads the survey."""
    return _replaced_while_read(folder, _without_first_unit("communes.csv"))


def cached_assessments_replaced_while_read(folder: Path) -> list[str]:
    """As above with ``--cache``: the cache must not keep what was read under either file's key."""
    (folder / "cache").mkdir()
    return _replaced_while_read(folder, _without_first_unit("assessments_long.csv"), "--cache", "cache")


def _swapping(name: str) -> tuple[str, ...]:
    return (sys.executable, "-c", SWAPPER, name, "new.csv")


#: A helper that writes the criteria set once into the named pipe ``set.fifo`` (as ``<(cat …)``).
SET_WRITER = (
    sys.executable,
    "-c",
    f"open('set.fifo', 'wb').write(open({str(CRITERIA / 'ha-noi-2025-commune.yaml')!r}, 'rb').read())",
)


def criteria_through_pipe_report(folder: Path) -> list[str]:
    """``pari report out.xlsx --criteria <(cat set.yaml)``, the set the results were scored with:
    its SHA-256 was taken by reading the pipe again, empty by then: e3b0c442… (the digest of
    nothing), "results-criteria-edited", exit 2; a named pipe written once waited for ever."""
    _results(folder)
    os.mkfifo(folder / "set.fifo")
    return ["report", "out.xlsx", "--criteria", "set.fifo", "-o", "report.html"]


def criteria_through_pipe_explain(folder: Path) -> list[str]:
    """``pari explain 00001 --results out.xlsx --criteria <(cat set.yaml)``: as above."""
    _results(folder)
    os.mkfifo(folder / "set.fifo")
    return ["explain", "00001", "--results", "out.xlsx", "--criteria", "set.fifo"]


# ---------------------------------------------------------------------------------------------
# Files without read permission (as a user who is not root)


def _unreadable(folder: Path, *names: str) -> None:
    for name in names:
        os.chmod(folder / name, 0)


def assessments_unreadable(folder: Path) -> list[str]:
    args = _examples(folder)
    _unreadable(folder, "assessments_long.csv")
    return [*args, "-o", "out.xlsx"]


def register_unreadable(folder: Path) -> list[str]:
    args = _examples(folder)
    _unreadable(folder, "communes.csv")
    return [*args, "-o", "out.xlsx"]


def criteria_unreadable_validate(folder: Path) -> list[str]:
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", folder / "set.yaml")
    _unreadable(folder, "set.yaml")
    return ["validate", "set.yaml"]


def criteria_unreadable_diff(folder: Path) -> list[str]:
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", folder / "old.yaml")
    shutil.copy(CRITERIA / "hai-phong-2022-commune.yaml", folder / "new.yaml")
    _unreadable(folder, "new.yaml")
    return ["diff", "old.yaml", "new.yaml"]


def annex_unreadable_import(folder: Path) -> list[str]:
    shutil.copy(EXAMPLES / "annex" / "phu-luc-mau.xlsx", folder / "phu-luc.xlsx")
    _unreadable(folder, "phu-luc.xlsx")
    return ["criteria", "import", "phu-luc.xlsx", "-o", "draft.yaml"]


def _results(folder: Path) -> list[str]:
    """The examples scored into ``out.xlsx`` (as root: the modes are changed after)."""
    from children import pari_child

    args = [*_examples(folder), "-o", "out.xlsx"]
    done = pari_child(args, folder)
    assert done.returncode == 0, done.stderr
    return args


def results_unreadable_report(folder: Path) -> list[str]:
    _results(folder)
    _unreadable(folder, "out.xlsx")
    return ["report", "out.xlsx", "-o", "report.html"]


def previous_unreadable(folder: Path) -> list[str]:
    args = _results(folder)
    _unreadable(folder, "out.xlsx")
    return [*args[:-2], "-o", "new.xlsx", "--previous", "out.xlsx"]


def _results_folder(folder: Path) -> None:
    """The examples scored into the CSV folder ``res`` (as root: the modes are changed after)."""
    from children import pari_child

    done = pari_child([*_examples(folder), "--format", "csv", "-o", "res"], folder)
    assert done.returncode == 0, done.stderr


def results_table_unreadable_report(folder: Path) -> list[str]:
    """A results folder whose summary.csv may not be read: "cannot read this table of the results
    (cannot open …)" with the hint "give a results file written by pari score" (it is one)."""
    _results_folder(folder)
    _unreadable(folder, "res/summary.csv")
    return ["report", "res", "-o", "report.html"]


def results_folder_unsearchable_explain(folder: Path) -> list[str]:
    """A results folder of mode 000: the refusal named ``res/summary.parquet``, a file that is not
    there (the first name looked for), not the folder."""
    _results_folder(folder)
    _unreadable(folder, "res")
    return ["explain", "00001", "--results", "res"]


def results_folder_read_only(folder: Path) -> list[str]:
    """Earlier results in the CSV folder ``res``, made read-only (mode 0555): refused, in a
    Vietnamese run with English words ("the folder is read-only") and the folder's resolved path."""
    _results_folder(folder)
    os.chmod(folder / "res", 0o555)
    return [*_examples(folder), "--format", "csv", "-o", "res"]


def shared_folder_of_another_user(folder: Path) -> list[str]:
    """A shared folder (mode 1777, the sticky bit, as /srv/chung on an office server) holding
    the earlier results of a colleague (another user's file): refused by the system (EPERM), with
    the hint "a read-only folder?" (it is not one)."""
    args = [*_examples(folder), "-o", "chung/out.xlsx"]
    shared = folder / "chung"
    shared.mkdir()
    from children import pari_child

    done = pari_child(args, folder)
    assert done.returncode == 0, done.stderr
    os.chmod(shared, 0o1777)
    os.chown(shared, 1001, 1001)
    os.chown(shared / "out.xlsx", 1000, 1000)
    return args


def evidence_folder_unsearchable(folder: Path) -> list[str]:
    """``--evidence-dir`` of mode 000: every file of 2,006 was "cannot be read", one by one."""
    args = _examples(folder)
    (folder / "minh-chung").mkdir()
    os.chmod(folder / "minh-chung", 0)
    return [*args, "-o", "out.xlsx", "--evidence-dir", "minh-chung"]


def evidence_folder_unlistable(folder: Path) -> list[str]:
    """``--evidence-dir`` of mode 0311 (its files reached by name, the folder not listed, as a
    share's drop folder): used, its files found; it was refused as "not readable"."""
    args = _examples(folder)
    evidence = example_evidence(folder / "minh-chung")  # every name the example's rows give
    os.chmod(evidence, 0o311)
    return [*args, "-o", "out.xlsx", "--evidence-dir", "minh-chung"]


# ---------------------------------------------------------------------------------------------
# Existing outputs that cannot be read (mode 0200): whose they are cannot be told


def _write_only(folder: Path, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)
    os.chmod(folder / name, 0o200)


def user_workbook_write_only(folder: Path) -> list[str]:
    args = _examples(folder)
    _write_only(folder, "budget.xlsx", b"PK\x03\x04 the user's own budget")
    return [*args, "-o", "budget.xlsx"]


def user_page_write_only_report(folder: Path) -> list[str]:
    _results(folder)
    _write_only(folder, "index.html", b"<html>the office's own page</html>")
    return ["report", "out.xlsx", "-o", "index.html"]


def user_page_write_only_score_report(folder: Path) -> list[str]:
    args = _examples(folder)
    _write_only(folder, "index.html", b"<html>the office's own page</html>")
    return [*args, "-o", "out.xlsx", "--report", "index.html"]


def user_table_write_only_in_results_folder(folder: Path) -> list[str]:
    args = _examples(folder)
    (folder / "res").mkdir()
    _write_only(folder, "res/summary.csv", b"ma,ten\n1,the user's own table\n")
    return [*args, "--format", "csv", "-o", "res"]


def user_yaml_write_only_import(folder: Path) -> list[str]:
    shutil.copy(EXAMPLES / "annex" / "phu-luc-mau.xlsx", folder / "phu-luc.xlsx")
    _write_only(folder, "bo-tieu-chi.yaml", b"id: the office's own set\n")
    return ["criteria", "import", "phu-luc.xlsx", "-o", "bo-tieu-chi.yaml"]


def user_workbook_write_only_template(folder: Path) -> list[str]:
    _write_only(folder, "bieu-mau.xlsx", b"PK\x03\x04 the office's own form")
    return ["template", "-o", "bieu-mau.xlsx"]


def user_csv_write_only_diff(folder: Path) -> list[str]:
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", folder / "old.yaml")
    shutil.copy(CRITERIA / "hai-phong-2022-commune.yaml", folder / "new.yaml")
    _write_only(folder, "thay-doi.csv", b"Muc,Ghi chu\n1,the office's own notes\n")
    return ["diff", "old.yaml", "new.yaml", "-o", "thay-doi.csv"]


#: The earlier results, which a refused run leaves as they are.
_EARLIER = ("res/summary.csv", "res/criteria.csv", "res/about.csv")
_ASSESSMENTS_CHANGED = (1, "input-changed", ("communes.csv", "survey.csv", *_EARLIER))

CASES: dict[str, Fault] = {
    "input-replaced-while-read-assessments": Fault(
        assessments_replaced_while_read, _ASSESSMENTS_CHANGED, _swapping("assessments_long.csv")
    ),
    "input-replaced-while-read-register": Fault(
        register_replaced_while_read,
        (1, "input-changed", ("assessments_long.csv", "survey.csv", *_EARLIER)),
        _swapping("communes.csv"),
    ),
    "input-replaced-while-read-cached": Fault(
        cached_assessments_replaced_while_read, _ASSESSMENTS_CHANGED, _swapping("assessments_long.csv")
    ),
    "criteria-through-pipe-report": Fault(criteria_through_pipe_report, (0, None, ("out.xlsx",)), SET_WRITER),
    "criteria-through-pipe-explain": Fault(criteria_through_pipe_explain, (0, None, ("out.xlsx",)), SET_WRITER),
    "unreadable-assessments": Fault(
        assessments_unreadable, (1, "file-unreadable", ("communes.csv",)), ordinary_user=True
    ),
    "unreadable-register": Fault(register_unreadable, (1, "file-unreadable", ("survey.csv",)), ordinary_user=True),
    "unreadable-criteria-validate": Fault(criteria_unreadable_validate, (1, "file-unreadable", ()), ordinary_user=True),
    "unreadable-criteria-diff": Fault(
        criteria_unreadable_diff, (1, "file-unreadable", ("old.yaml",)), ordinary_user=True
    ),
    "unreadable-annex-import": Fault(annex_unreadable_import, (1, "file-unreadable", ()), ordinary_user=True),
    "unreadable-results-report": Fault(results_unreadable_report, (1, "file-unreadable", ()), ordinary_user=True),
    "unreadable-previous": Fault(previous_unreadable, (1, "file-unreadable", ("communes.csv",)), ordinary_user=True),
    "unreadable-results-table-report": Fault(
        results_table_unreadable_report, (1, "file-unreadable", ("res/about.csv",)), ordinary_user=True
    ),
    "unsearchable-results-folder-explain": Fault(
        results_folder_unsearchable_explain, (1, "file-unreadable", ()), ordinary_user=True
    ),
    "read-only-results-folder": Fault(results_folder_read_only, (4, "output-unwritable", _EARLIER), ordinary_user=True),
    "shared-folder-results-of-another-user": Fault(
        shared_folder_of_another_user,
        (4, "output-unwritable", ("chung/out.xlsx",)),
        ordinary_user=True,
        not_owner=True,
    ),
    "evidence-folder-unsearchable": Fault(
        evidence_folder_unsearchable, (1, "evidence-dir-unusable", _INPUTS), ordinary_user=True
    ),
    "evidence-folder-unlistable": Fault(evidence_folder_unlistable, (0, None, _INPUTS), ordinary_user=True),
    "write-only-user-workbook": Fault(
        user_workbook_write_only, (4, "output-unreadable", ("budget.xlsx",)), ordinary_user=True
    ),
    "write-only-user-page-report": Fault(
        user_page_write_only_report, (4, "output-unreadable", ("index.html", "out.xlsx")), ordinary_user=True
    ),
    "write-only-user-page-score-report": Fault(
        user_page_write_only_score_report, (4, "output-unreadable", ("index.html",)), ordinary_user=True
    ),
    "write-only-user-table-in-results-folder": Fault(
        user_table_write_only_in_results_folder, (4, "output-unreadable", ("res/summary.csv",)), ordinary_user=True
    ),
    "write-only-user-set-import": Fault(
        user_yaml_write_only_import, (4, "output-unreadable", ("bo-tieu-chi.yaml",)), ordinary_user=True
    ),
    "write-only-user-form-template": Fault(
        user_workbook_write_only_template, (4, "output-unreadable", ("bieu-mau.xlsx",)), ordinary_user=True
    ),
    "write-only-user-table-diff": Fault(
        user_csv_write_only_diff, (4, "output-unreadable", ("thay-doi.csv",)), ordinary_user=True
    ),
}

#: Files no case may leave written (as well as its ``kept`` files being kept).
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "unreadable-assessments": ("out.xlsx",),
    "unreadable-register": ("out.xlsx",),
    "unreadable-annex-import": ("draft.yaml",),
    "unreadable-results-report": ("report.html",),
    "unreadable-previous": ("new.xlsx",),
    "unreadable-results-table-report": ("report.html",),
    "evidence-folder-unsearchable": ("out.xlsx",),
    "write-only-user-page-score-report": ("out.xlsx",),
}
