"""Faults of the thirty-fifth session's helper faults35: an Office file open in Excel read by a
command other than ``pari score``'s tables without a word, a named pipe nobody writes to told as an
empty file, a socket given as the evidence folder told as a file, the warning of an input open in
Excel hidden after the first 50 findings printed, and outputs Windows cannot open for the length of
their path written without a word. Each was run with the real ``pari`` on 858180c (before) and after
the fix (the example province, 60 communes; times on the 2-core machine shared by five agents, load
7 to 12, so they say little; MEASURED, MEASURED_AFTER):

- ``pari criteria import phu-luc.xlsx`` while the annex is open in Excel (its lock file
  ``~$phu-luc.xlsx`` beside it), ``pari report ket-qua.xlsx`` and ``pari explain 00001 --results
  ket-qua.xlsx`` while the results are open there (so a results folder whose ``summary.csv`` is open
  in LibreOffice, ``.~lock.summary.csv#``), ``pari score … --previous nam-truoc.xlsx`` while last
  year's results are open: exit 0 (even with ``--strict``), not a word: what was read was the file as
  last saved, without the changes on the clerk's screen. Session 34 warned of it for the tables
  ``pari score`` reads (``input-open-in-office``, intake.tables.read_table_file), and ``pari template
  --communes`` through the same reader; every other reader of a user's Office file said nothing. Now
  one shared check over the files a command reads (outputs.paths.open_inputs, the list every
  command already builds for its path rule): the annex's and the results' warning printed (and in
  the report page, as every warning of its run), last year's counted in the findings (exit 3 under
  ``--strict``).
- a named pipe (FIFO) that no program writes to, given as a table (``--communes``, ``--survey``,
  ``--appraisal``, ``--lineage``, the assessments, ``template --communes``) or as a criteria set
  (``pari validate``, ``--criteria``): "the file is empty" (``empty-file``, exit 1, 0.6 to 1.5 s),
  hint "export the sheet again" (of a set: "start from docs/criteria.md"). Every reader opens a pipe
  without waiting for a writer, and a pipe with no writer reads as nothing. Now ``pipe-no-writer``
  (exit 1): "this is a pipe (FIFO), not a file, and no program writes into it", hint "give the file
  itself; or start the program that writes into the pipe, then run again" (system.pipes: Linux's
  ``poll`` says POLLHUP once a writer came and went, nothing when none came; a writer that wrote
  nothing is still ``empty-file``; a pipe given by ``<(…)`` is read as before).
- ``--evidence-dir`` given a socket (a program's, left in a shared folder), a pipe or a device
  (``/dev/null`` through a link): "the evidence folder given is a file, not a folder" with the hint
  of one evidence file given for its folder ("a .zip or .rar of them: extract it into a folder
  first"), exit 1. Now each is told as what it is ("… is a socket (a program's connection point),
  not a folder", "a pipe (FIFO)", "a device"), with the hint to give the folder; a file keeps the
  .zip hint (intake.evidence_files.not_a_folder).
- ``pari score … --strict`` with the survey open in LibreOffice (``.~lock.survey.csv#``): its
  warning was the 290th finding printed, after the first 50 (the assessments' rows, whose file's
  name sorts first) and so hidden in "… and 289 more"; only the count said it. The run's findings
  were printed by file, each file's file-level findings before its own rows. Now the file-level
  findings of every file (an encoding, a missing column, the file open in Excel) come before any
  row's (pipeline.causes_first), the register's still first.

- ``pari score … -o D/ket-qua.xlsx --report D/bao-cao.html`` (so ``template -o``, ``criteria export
  -o``, ``demo-data -o``) where ``D`` is a folder four levels deep on a shared drive, the full path
  over 259 characters (305 to 330 here): exit 0, not a word; Excel and Explorer on Windows open no
  path longer than 259 characters without long-path support (MAX_PATH), so the officer who opens
  the ranking from the share (or WSL's view of a Windows disk) meets a file that "cannot be
  found". Now ``output-path-too-long-for-windows``, a warning printed before the run for every
  output of every command (cli_params.long_outputs, one rule over every parameter of the output
  path type but ``--cache``), naming the option, the length and what to do; a folder output counts
  the longest name pari writes in it (``assessments_wide.parquet``); the files are still written
  (outputs.path_lengths). A path refused for its length on this system too (a name over 255 bytes,
  a path over 4,096) is told by that refusal alone.

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave. The warnings that exit 0 (import, report, explain, the long paths) have
code None here: tests/test_hostile_faults35.py reads their words.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SET = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
ANNEX = EXAMPLES / "annex" / "phu-luc-mau.xlsx"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")
#: As Excel writes its lock file: the user's name, padded.
EXCEL_LOCK = b"\x0bclerk\x00" + bytes(40)

#: On 858180c: exit status, wall seconds, the code told (the warnings of rows aside). Measured while
#: the machine's load was 7 to 12 (five agents, tests running): the seconds say little.
MEASURED = {
    "score-output-too-long-for-windows": (0, 17.4, None),
    "template-too-long-for-windows": (0, 5.0, None),
    "export-too-long-for-windows": (0, 6.7, None),
    "demo-data-folder-too-long-for-windows": (0, 5.9, None),
    "import-annex-open-in-excel": (0, 3.1, None),
    "report-results-open-in-excel": (0, 3.8, None),
    "explain-results-open-in-excel": (0, 2.2, None),
    "report-folder-open-in-libreoffice": (0, 3.9, None),
    "previous-open-in-excel": (3, 2.8, None),  # exit 3 for the rows' 338 warnings; none of the lock
    "communes-an-idle-pipe": (1, 3.1, "empty-file"),
    "survey-an-idle-pipe": (1, 3.4, "empty-file"),
    "appraisal-an-idle-pipe": (1, 3.1, "empty-file"),
    "lineage-an-idle-pipe": (1, 3.9, "empty-file"),
    "validate-an-idle-pipe": (1, 2.6, "empty-file"),
    "score-criteria-an-idle-pipe": (1, 2.2, "empty-file"),
    "template-communes-an-idle-pipe": (1, 2.8, "empty-file"),
    "evidence-dir-a-socket": (1, 1.6, "evidence-dir-not-a-folder"),  # "… is a file, not a folder"
    "evidence-dir-a-pipe": (1, 1.6, "evidence-dir-not-a-folder"),  # the same
    "evidence-dir-a-device": (1, 2.7, "evidence-dir-not-a-folder"),  # the same
}
#: After the fix, the same (load 12).
MEASURED_AFTER = {
    "score-output-too-long-for-windows": (0, 14.1, "output-path-too-long-for-windows"),
    "template-too-long-for-windows": (0, 5.0, "output-path-too-long-for-windows"),
    "export-too-long-for-windows": (0, 3.8, "output-path-too-long-for-windows"),
    "demo-data-folder-too-long-for-windows": (0, 4.0, "output-path-too-long-for-windows"),
    "import-annex-open-in-excel": (0, 4.5, "input-open-in-office"),
    "report-results-open-in-excel": (0, 6.1, "input-open-in-office"),
    "explain-results-open-in-excel": (0, 4.8, "input-open-in-office"),
    "report-folder-open-in-libreoffice": (0, 7.4, "input-open-in-office"),
    "previous-open-in-excel": (3, 7.6, "input-open-in-office"),
    "communes-an-idle-pipe": (1, 3.8, "pipe-no-writer"),
    "survey-an-idle-pipe": (1, 5.5, "pipe-no-writer"),
    "appraisal-an-idle-pipe": (1, 8.5, "pipe-no-writer"),
    "lineage-an-idle-pipe": (1, 8.8, "pipe-no-writer"),
    "validate-an-idle-pipe": (1, 4.1, "pipe-no-writer"),
    "score-criteria-an-idle-pipe": (1, 5.9, "pipe-no-writer"),
    "template-communes-an-idle-pipe": (1, 4.1, "pipe-no-writer"),
    "evidence-dir-a-socket": (1, 8.4, "evidence-dir-not-a-folder"),  # "… is a socket (…), not a folder"
    "evidence-dir-a-pipe": (1, 6.2, "evidence-dir-not-a-folder"),  # "… is a pipe (FIFO), not a folder"
    "evidence-dir-a-device": (1, 3.8, "evidence-dir-not-a-folder"),  # "… is a device, not a folder"
}


def make_socket(path: Path) -> Path:
    """A socket's name in the folder, as a server leaves it."""
    os.mknod(path, stat.S_IFSOCK | 0o600)
    return path


def _inputs(folder: Path) -> list[str]:
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    return ["assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q"]


def _results(folder: Path, out: str = "ket-qua.xlsx", *extra: str) -> str:
    """Results of the example province written into ``folder`` by a run of pari (as last year's)."""
    _pari(folder, "score", *_inputs(folder), "-o", out, *extra)
    return out


def _pari(folder: Path, *args: str) -> None:
    """A run of pari in ``folder`` that makes a case's files, and succeeds."""
    done = subprocess.run(
        [sys.executable, "-m", "pari_index.cli", *args],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def import_annex_open_in_excel(folder: Path) -> list[str]:
    """The annex of a set (as ``pari criteria export`` writes it, which imports without a note) open
    in Excel."""
    shutil.copy(SET, folder / "bo.yaml")
    _pari(folder, "criteria", "export", "bo.yaml", "-o", "phu-luc.xlsx")
    (folder / "~$phu-luc.xlsx").write_bytes(EXCEL_LOCK)
    return ["criteria", "import", "phu-luc.xlsx", "-o", "bo-tieu-chi.yaml"]


def report_results_open_in_excel(folder: Path) -> list[str]:
    (folder / f"~${_results(folder)}").write_bytes(EXCEL_LOCK)
    return ["report", "ket-qua.xlsx", "-o", "bao-cao.html"]


def explain_results_open_in_excel(folder: Path) -> list[str]:
    (folder / f"~${_results(folder)}").write_bytes(EXCEL_LOCK)
    return ["explain", "00001", "1.1.1", "--results", "ket-qua.xlsx"]


def report_folder_open_in_libreoffice(folder: Path) -> list[str]:
    """A results folder whose summary.csv is open in LibreOffice."""
    _results(folder, "kq", "--format", "csv")
    (folder / "kq" / ".~lock.summary.csv#").write_bytes(b"")
    return ["report", "kq", "-o", "bao-cao.html"]


def previous_open_in_excel(folder: Path) -> list[str]:
    _results(folder, "nam-truoc.xlsx")
    (folder / "~$nam-truoc.xlsx").write_bytes(EXCEL_LOCK)
    return ["score", *_inputs(folder), "--previous", "nam-truoc.xlsx", "-o", "ket-qua.xlsx", "--strict"]


def _idle_pipe(folder: Path, name: str) -> str:
    os.mkfifo(folder / name)
    return name


def communes_an_idle_pipe(folder: Path) -> list[str]:
    args = _inputs(folder)
    args[args.index("communes.csv")] = _idle_pipe(folder, "ds-xa.csv")
    return ["score", *args, "-o", "ket-qua.xlsx"]


def survey_an_idle_pipe(folder: Path) -> list[str]:
    args = _inputs(folder)
    args[args.index("survey.csv")] = _idle_pipe(folder, "dieu-tra.csv")
    return ["score", *args, "-o", "ket-qua.xlsx"]


def appraisal_an_idle_pipe(folder: Path) -> list[str]:
    return ["score", *_inputs(folder), "--appraisal", _idle_pipe(folder, "tham-dinh.csv"), "-o", "ket-qua.xlsx"]


def lineage_an_idle_pipe(folder: Path) -> list[str]:
    previous = _results(folder, "nam-truoc.xlsx")
    pipe = _idle_pipe(folder, "sap-nhap.csv")
    return ["score", *_inputs(folder), "--previous", previous, "--lineage", pipe, "-o", "ket-qua.xlsx"]


def validate_an_idle_pipe(folder: Path) -> list[str]:
    return ["validate", _idle_pipe(folder, "bo-tieu-chi.yaml")]


def score_criteria_an_idle_pipe(folder: Path) -> list[str]:
    return ["score", *_inputs(folder), "--criteria", _idle_pipe(folder, "bo.yaml"), "-o", "ket-qua.xlsx"]


def template_communes_an_idle_pipe(folder: Path) -> list[str]:
    return ["template", "--communes", _idle_pipe(folder, "ds-xa.csv"), "-o", "mau.xlsx"]


def _evidence(make: Callable[[Path], object], name: str) -> Callable[[Path], list[str]]:
    def case(folder: Path) -> list[str]:
        make(folder / name)
        return ["score", *_inputs(folder), "--evidence-dir", name, "-o", "ket-qua.xlsx"]

    case.__doc__ = f"``--evidence-dir {name}``, which is no folder."
    return case


#: A folder four levels deep, 239 characters (a department's shared drive grows so: "Phong CCHC/Chi
#: so CCHC cap xa/Nam 2025/..."): any output in it, below the test's folder, is over 259.
DEEP = "/".join(["so-noi-vu-phong-cai-cach-hanh-chinh-chi-so-cchc-cap-xa-2025"] * 4)


def _deep(folder: Path) -> str:
    (folder / DEEP).mkdir(parents=True)
    return DEEP


def score_output_too_long_for_windows(folder: Path) -> list[str]:
    deep = _deep(folder)
    return ["score", *_inputs(folder), "-o", f"{deep}/ket-qua.xlsx", "--report", f"{deep}/bao-cao.html"]


def template_too_long_for_windows(folder: Path) -> list[str]:
    return ["template", "-o", f"{_deep(folder)}/mau.xlsx"]


def export_too_long_for_windows(folder: Path) -> list[str]:
    shutil.copy(SET, folder / "bo.yaml")
    return ["criteria", "export", "bo.yaml", "-o", f"{_deep(folder)}/phu-luc.xlsx"]


def demo_data_folder_too_long_for_windows(folder: Path) -> list[str]:
    """A folder of demonstration files, each named below it."""
    return ["demo-data", "--communes", "3", "-o", f"{_deep(folder)}/demo"]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "score-output-too-long-for-windows": score_output_too_long_for_windows,
    "template-too-long-for-windows": template_too_long_for_windows,
    "export-too-long-for-windows": export_too_long_for_windows,
    "demo-data-folder-too-long-for-windows": demo_data_folder_too_long_for_windows,
    "import-annex-open-in-excel": import_annex_open_in_excel,
    "report-results-open-in-excel": report_results_open_in_excel,
    "explain-results-open-in-excel": explain_results_open_in_excel,
    "report-folder-open-in-libreoffice": report_folder_open_in_libreoffice,
    "previous-open-in-excel": previous_open_in_excel,
    "communes-an-idle-pipe": communes_an_idle_pipe,
    "survey-an-idle-pipe": survey_an_idle_pipe,
    "appraisal-an-idle-pipe": appraisal_an_idle_pipe,
    "lineage-an-idle-pipe": lineage_an_idle_pipe,
    "validate-an-idle-pipe": validate_an_idle_pipe,
    "score-criteria-an-idle-pipe": score_criteria_an_idle_pipe,
    "template-communes-an-idle-pipe": template_communes_an_idle_pipe,
    "evidence-dir-a-socket": _evidence(make_socket, "minh-chung"),
    "evidence-dir-a-pipe": _evidence(os.mkfifo, "minh-chung"),
    "evidence-dir-a-device": _evidence(lambda p: p.symlink_to("/dev/null"), "minh-chung"),
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "score-output-too-long-for-windows": (0, None, _INPUTS),
    "template-too-long-for-windows": (0, None, ()),
    "export-too-long-for-windows": (0, None, ("bo.yaml",)),
    "demo-data-folder-too-long-for-windows": (0, None, ()),
    "import-annex-open-in-excel": (0, None, ("bo.yaml", "phu-luc.xlsx", "~$phu-luc.xlsx")),
    "report-results-open-in-excel": (0, None, ("ket-qua.xlsx", "~$ket-qua.xlsx")),
    "explain-results-open-in-excel": (0, None, ("ket-qua.xlsx", "~$ket-qua.xlsx")),
    "report-folder-open-in-libreoffice": (0, None, ("kq/summary.csv", "kq/.~lock.summary.csv#")),
    "previous-open-in-excel": (3, "input-open-in-office", (*_INPUTS, "nam-truoc.xlsx", "~$nam-truoc.xlsx")),
    "communes-an-idle-pipe": (1, "pipe-no-writer", _INPUTS[::2]),
    "survey-an-idle-pipe": (1, "pipe-no-writer", _INPUTS[:2]),
    "appraisal-an-idle-pipe": (1, "pipe-no-writer", _INPUTS),
    "lineage-an-idle-pipe": (1, "pipe-no-writer", (*_INPUTS, "nam-truoc.xlsx")),
    "validate-an-idle-pipe": (1, "pipe-no-writer", ()),
    "score-criteria-an-idle-pipe": (1, "pipe-no-writer", _INPUTS),
    "template-communes-an-idle-pipe": (1, "pipe-no-writer", ()),
    "evidence-dir-a-socket": (1, "evidence-dir-not-a-folder", _INPUTS),
    "evidence-dir-a-pipe": (1, "evidence-dir-not-a-folder", _INPUTS),
    "evidence-dir-a-device": (1, "evidence-dir-not-a-folder", _INPUTS),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    **{
        name: ("ket-qua.xlsx",)
        for name in (
            "communes-an-idle-pipe",
            "survey-an-idle-pipe",
            "appraisal-an-idle-pipe",
            "lineage-an-idle-pipe",
            "score-criteria-an-idle-pipe",
            "evidence-dir-a-socket",
            "evidence-dir-a-pipe",
            "evidence-dir-a-device",
        )
    },
    "template-communes-an-idle-pipe": ("mau.xlsx",),
}
