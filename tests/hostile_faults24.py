"""Faults of the twenty-fourth session's helper faults24: inputs that change while a command reads
them, beyond the files ``pari score`` writes from (tests/hostile_faults23.py).

- An input FOLDER changed while the run reads it: a results folder given to ``pari report`` whose
  tables a synchronisation client replaced by another run's (the report was written, exit 0, from
  tables that were no longer there), the same folder given to ``pari explain`` (commune 00001
  explained from results that no longer hold it), an evidence folder a copy was still filling
  (the ranking published, its evidence counted from a folder that changed under it). Now
  ``input-folder-changed`` (exit 1), naming the folder and the files added, removed or replaced,
  nothing written and nothing printed (pari_index.system.input_watch.folder_view). The lock files and
  thumbnails office programs leave beside the files they open are no change.

- A command that PRINTS from an input that changed while it read it: ``pari explain`` from a
  results workbook replaced meanwhile, ``pari validate`` saying "ok" of a criteria file replaced
  by another set, ``pari diff`` printing the changes of a set replaced meanwhile. They printed
  (exit 0); now ``input-changed`` (exit 1) as ``pari score`` says, and no result printed.

- An OUTPUT written by another program while the run went on: the user's own workbook saved as
  ``out.xlsx`` (Excel's "Save as") after ``pari score -o out.xlsx`` had checked that nothing was
  there, a colleague's page copied in as the report, one's own summary.csv put into the results
  folder: each was replaced by the new output, unseen (exit 0), the user's file lost. The rule
  "only earlier outputs of pari-index are replaced" was judged when the run began, and not
  again. Now ``output-changed`` (exit 4), the file kept, nothing written
  (pari_index.system.input_watch.note_outputs). So too for ``-o latest.xlsx``, a link to last year's
  results, pointed at the office's budget.xlsx meanwhile: the budget was replaced.

Made deterministic as in tests/hostile_faults23.py: another input is a named pipe whose writer
makes the change the moment pari-index opens the pipe, before it writes the pipe's bytes. They
need more than one process, so benchmarks/hostile.py leaves them to tests/test_hostile_faults24.py.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from hostile_faults23 import CRITERIA, EXAMPLES, Fault, _examples

#: The helper beside the run: opening the pipe (argv[1]) for writing waits for pari-index to open
#: it for reading; then each file of the folder argv[2] replaces its namesake in the folder argv[3]
#: (argv[2] a file: it replaces the file argv[3]), and the pipe gets the bytes of argv[4].
CHANGER = (
    "import os, sys\n"
    "pipe_name, new, old, data = sys.argv[1:5]\n"
    "with open(pipe_name, 'wb') as pipe:\n"
    "    if os.path.isdir(new):\n"
    "        for name in sorted(os.listdir(new)):\n"
    "            os.replace(os.path.join(new, name), os.path.join(old, name))\n"
    "    else:\n"
    "        os.replace(new, old)\n"
    "    pipe.write(open(data, 'rb').read())\n"
)

SET = "ha-noi-2025-commune.yaml"


def _changing(pipe: str, new: str, old: str, data: str) -> tuple[str, ...]:
    return (sys.executable, "-c", CHANGER, pipe, new, old, data)


def _scored(folder: Path, assessments: str, out: str, *fmt: str) -> None:
    from children import pari_child

    args = [*_examples(folder)[:-1], "-q", *fmt, "-o", out]
    done = pari_child([args[0], assessments, *args[2:]], folder)
    assert done.returncode == 0, done.stderr


def _two_runs(folder: Path, *fmt: str, suffix: str = "") -> None:
    """The examples scored into ``res{suffix}``, and the examples without unit 00001 (as the
    next copy of the assessments) into ``other{suffix}``; the set in ``set.yaml``, ``set.fifo``
    a named pipe for it."""
    import os

    _examples(folder)
    lines = (EXAMPLES / "assessments_long.csv").read_bytes().splitlines(keepends=True)
    (folder / "without.csv").write_bytes(b"".join(x for x in lines if not x.startswith(b"00001,")))
    _scored(folder, "assessments_long.csv", f"res{suffix}", *fmt)
    _scored(folder, "without.csv", f"other{suffix}", *fmt)
    shutil.copy(CRITERIA / SET, folder / "set.yaml")
    os.mkfifo(folder / "set.fifo")


def results_folder_changed_report(folder: Path) -> list[str]:
    """``pari report res -o res/report.html --criteria <(…)``: the tables of ``res`` replaced by
    another run's while the set was read. It was "Wrote res/report.html.", exit 0."""
    _two_runs(folder, "--format", "csv")
    return ["report", "res", "--criteria", "set.fifo", "-o", "res/report.html"]


def results_folder_changed_explain(folder: Path) -> list[str]:
    """``pari explain 00001 --results res --criteria <(…)``: commune 00001 explained (exit 0) from
    results now without it."""
    _two_runs(folder, "--format", "csv")
    return ["explain", "00001", "--results", "res", "--criteria", "set.fifo"]


def results_workbook_changed_explain(folder: Path) -> list[str]:
    """``pari explain 00001 --results res.xlsx --criteria <(…)``: the workbook replaced."""
    _two_runs(folder, suffix=".xlsx")
    return ["explain", "00001", "--results", "res.xlsx", "--criteria", "set.fifo"]


def evidence_added_while_read(folder: Path) -> list[str]:
    """``--evidence-dir minh-chung`` filled by a copy under way: the evidence file of item 1.1.1 of
    commune 00001 arrives while the survey is read (through a pipe). The results were written."""
    import os

    import polars as pl

    args = _examples(folder)
    evidence = folder / "minh-chung"
    evidence.mkdir()
    names = pl.read_csv(folder / "assessments_long.csv", infer_schema_length=0)["evidence_file"]
    for name in names.drop_nulls().unique():
        if "/" not in name and name != "1_1_1_KH_72_2025.pdf":
            (evidence / name).touch()
    (folder / "arriving.pdf").write_bytes(b"%PDF-1.4\n\n%%EOF\n")
    os.mkfifo(folder / "survey.fifo")
    return [*args[:-3], "--survey", "survey.fifo", "-q", "--evidence-dir", "minh-chung", "-o", "out.xlsx"]


#: The helper beside the run: once pari-index opens the survey's pipe, a clerk opens two evidence
#: files (Word's and LibreOffice's lock files appear beside them) and Explorer shows the folder.
OPENER = (
    sys.executable,
    "-c",
    "with open('survey.fifo', 'wb') as pipe:\n"
    "    for name in ('~$1_1_KH_72_2025.pdf', '.~lock.1_1_2_KH_54_2025.pdf#', 'Thumbs.db'):\n"
    "        open('minh-chung/' + name, 'wb').write(b'clerk')\n"
    "    pipe.write(open('survey.csv', 'rb').read())\n",
)


def evidence_opened_while_read(folder: Path) -> list[str]:
    """The evidence folder complete, and files of it opened in Word and LibreOffice while the run
    reads it: no change of the evidence (the lock files are no input); it made the run refuse."""
    args = evidence_added_while_read(folder)
    (folder / "arriving.pdf").rename(folder / "minh-chung" / "1_1_1_KH_72_2025.pdf")
    return args


def outputs_into_new_folders_of_evidence_folder(folder: Path) -> list[str]:
    """The results, report and cache written into new sub-folders of the evidence folder, named
    through a link to it (``mc`` → ``minh-chung``): the folders the run made for them, and the
    cache it filled, were a change of the folder (input-folder-changed) as the watch first read
    them. Since session 30 no output may be written there at all (output-in-evidence-folder:
    the next run took a file there for a commune's evidence; tests/hostile_faults30.py)."""
    import os

    args = evidence_added_while_read(folder)[:-7]
    (folder / "arriving.pdf").rename(folder / "minh-chung" / "1_1_1_KH_72_2025.pdf")
    os.remove(folder / "survey.fifo")
    os.symlink("minh-chung", folder / "mc")
    return [
        *args,
        "--survey",
        "survey.csv",
        "-q",
        "--evidence-dir",
        "minh-chung",
        "-o",
        "mc/ket-qua/out.xlsx",
        "--report",
        "minh-chung/bao-cao/page.html",
        "--cache",
        "mc/bo-nho-dem",
    ]


def _two_sets(folder: Path) -> None:
    import os

    shutil.copy(CRITERIA / SET, folder / "a.yaml")
    shutil.copy(CRITERIA / SET, folder / "set.yaml")
    shutil.copy(CRITERIA / "hai-phong-2022-commune.yaml", folder / "other.yaml")
    os.mkfifo(folder / "set.fifo")


def criteria_changed_validate(folder: Path) -> list[str]:
    """``pari validate a.yaml <(…)``: a.yaml replaced by another set after it was read; it was
    "a.yaml: ok — ha-noi-2025-commune …", exit 0."""
    _two_sets(folder)
    return ["validate", "a.yaml", "set.fifo"]


def criteria_changed_diff(folder: Path) -> list[str]:
    """``pari diff a.yaml <(…)``: a.yaml replaced after it was read; the changes were printed."""
    _two_sets(folder)
    return ["diff", "a.yaml", "set.fifo"]


#: The helper beside the run: once pari-index opens the pipe argv[1], the file argv[2] is written
#: with the bytes argv[3] (another program saving a file of its own), then the pipe gets argv[4]'s.
SAVER = (
    "import sys\n"
    "pipe_name, path, data = sys.argv[1], sys.argv[2], sys.argv[4]\n"
    "with open(pipe_name, 'wb') as pipe:\n"
    "    open(path, 'wb').write(sys.argv[3].encode())\n"
    "    pipe.write(open(data, 'rb').read())\n"
)

#: What the user saves: bytes no output of pari-index starts with.
USERS_OWN = "PK\x03\x04 the office's own budget"


def _saving(pipe: str, path: str, data: str) -> tuple[str, ...]:
    return (sys.executable, "-c", SAVER, pipe, path, USERS_OWN, data)


def _survey_through_pipe(folder: Path) -> list[str]:
    """The examples with their survey through the pipe ``survey.fifo``, as ``pari score``'s
    arguments."""
    import os

    args = _examples(folder)
    os.mkfifo(folder / "survey.fifo")
    return [*args[:-3], "--survey", "survey.fifo", "-q"]


def workbook_saved_over_output(folder: Path) -> list[str]:
    """``pari score … -o out.xlsx`` (no out.xlsx yet); the user saves a workbook of their own as
    out.xlsx while the survey is read. It was replaced by the results (exit 0)."""
    return [*_survey_through_pipe(folder), "-o", "out.xlsx"]


def page_saved_over_report(folder: Path) -> list[str]:
    """``pari score … --report page.html``; a page of the office's own copied in meanwhile."""
    return [*_survey_through_pipe(folder), "-o", "out.xlsx", "--report", "page.html"]


def table_saved_into_results_folder(folder: Path) -> list[str]:
    """``pari score … --format csv -o res`` over earlier results; a summary.csv of one's own put
    into the folder meanwhile (the earlier results replaced by hand)."""
    args = _survey_through_pipe(folder)
    from children import pari_child

    done = pari_child([*args[:-3], "--survey", "survey.csv", "-q", "--format", "csv", "-o", "res"], folder)
    assert done.returncode == 0, done.stderr
    return [*args, "--format", "csv", "-o", "res"]


def page_saved_over_report_command(folder: Path) -> list[str]:
    """``pari report out.xlsx --criteria <(…) -o page.html``; a page of one's own copied in."""
    _two_runs(folder, suffix=".xlsx")
    return ["report", "res.xlsx", "--criteria", "set.fifo", "-o", "page.html"]


#: The helper beside the run: once pari-index opens the survey's pipe, the link ``latest.xlsx``
#: is pointed at the office's budget.xlsx (``ln -sf``), then the survey's rows are written.
RELINKER = (
    sys.executable,
    "-c",
    "import os\n"
    "with open('survey.fifo', 'wb') as pipe:\n"
    "    os.symlink('budget.xlsx', 'new-link')\n"
    "    os.replace('new-link', 'latest.xlsx')\n"
    "    pipe.write(open('survey.csv', 'rb').read())\n",
)


def output_link_pointed_elsewhere(folder: Path) -> list[str]:
    """``-o latest.xlsx``, a link to last run's ``2025/results.xlsx``, pointed at the office's own
    budget.xlsx while the survey is read: the budget was replaced by the results (exit 0)."""
    import os

    args = _survey_through_pipe(folder)
    (folder / "2025").mkdir()
    _scored(folder, "assessments_long.csv", "2025/results.xlsx")
    os.symlink("2025/results.xlsx", folder / "latest.xlsx")
    (folder / "budget.xlsx").write_bytes(USERS_OWN.encode())
    return [*args, "-o", "latest.xlsx"]


_CHANGED_FOLDER = (1, "input-folder-changed", ("set.yaml",))

CASES: dict[str, Fault] = {
    "results-folder-changed-while-read-report": Fault(
        results_folder_changed_report, _CHANGED_FOLDER, _changing("set.fifo", "other", "res", "set.yaml")
    ),
    "results-folder-changed-while-read-explain": Fault(
        results_folder_changed_explain, _CHANGED_FOLDER, _changing("set.fifo", "other", "res", "set.yaml")
    ),
    "results-workbook-changed-while-read-explain": Fault(
        results_workbook_changed_explain,
        (1, "input-changed", ("set.yaml",)),
        _changing("set.fifo", "other.xlsx", "res.xlsx", "set.yaml"),
    ),
    "evidence-folder-filled-while-read": Fault(
        evidence_added_while_read,
        (1, "input-folder-changed", ("assessments_long.csv", "communes.csv")),
        _changing("survey.fifo", "arriving.pdf", "minh-chung/1_1_1_KH_72_2025.pdf", "survey.csv"),
    ),
    "evidence-folder-opened-while-read": Fault(
        evidence_opened_while_read, (0, None, ("assessments_long.csv", "communes.csv")), OPENER
    ),
    "outputs-into-new-folders-of-evidence-folder": Fault(
        outputs_into_new_folders_of_evidence_folder,
        (4, "output-in-evidence-folder", ("assessments_long.csv", "communes.csv")),
    ),
    "criteria-changed-while-read-validate": Fault(
        criteria_changed_validate,
        (1, "input-changed", ("set.yaml",)),
        _changing("set.fifo", "other.yaml", "a.yaml", "set.yaml"),
    ),
    "criteria-changed-while-read-diff": Fault(
        criteria_changed_diff,
        (1, "input-changed", ("set.yaml",)),
        _changing("set.fifo", "other.yaml", "a.yaml", "set.yaml"),
    ),
    "output-saved-by-another-program-workbook": Fault(
        workbook_saved_over_output,
        (4, "output-changed", ("communes.csv",)),
        _saving("survey.fifo", "out.xlsx", "survey.csv"),
    ),
    "output-saved-by-another-program-report": Fault(
        page_saved_over_report,
        (4, "output-changed", ("communes.csv",)),
        _saving("survey.fifo", "page.html", "survey.csv"),
    ),
    "output-saved-by-another-program-results-table": Fault(
        table_saved_into_results_folder,
        (4, "output-changed", ("res/criteria.csv", "res/about.csv")),
        _saving("survey.fifo", "res/summary.csv", "survey.csv"),
    ),
    "output-saved-by-another-program-report-command": Fault(
        page_saved_over_report_command,
        (4, "output-changed", ("res.xlsx",)),
        _saving("set.fifo", "page.html", "set.yaml"),
    ),
    "output-link-pointed-elsewhere-during-run": Fault(
        output_link_pointed_elsewhere, (4, "output-changed", ("2025/results.xlsx",)), RELINKER
    ),
}

#: The file another program saved, which the case must leave as it was saved.
SAVED: dict[str, str] = {
    "output-saved-by-another-program-workbook": "out.xlsx",
    "output-saved-by-another-program-report": "page.html",
    "output-saved-by-another-program-results-table": "res/summary.csv",
    "output-saved-by-another-program-report-command": "page.html",
    "output-link-pointed-elsewhere-during-run": "budget.xlsx",
}

#: Files no case may leave written.
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "results-folder-changed-while-read-report": ("res/report.html",),
    "evidence-folder-filled-while-read": ("out.xlsx",),
    "output-saved-by-another-program-report": ("out.xlsx",),
    "outputs-into-new-folders-of-evidence-folder": (
        "minh-chung/ket-qua",
        "minh-chung/bao-cao",
        "minh-chung/bo-nho-dem",
    ),
}

#: What a refused case must not print (in either language): the result it printed from the
#: changed input.
NOT_PRINTED: dict[str, tuple[str, ...]] = {
    "results-folder-changed-while-read-explain": ("(00001)",),
    "results-workbook-changed-while-read-explain": ("(00001)",),
    "criteria-changed-while-read-validate": ("ha-noi-2025-commune, 5666",),
    "criteria-changed-while-read-diff": ("score alike", "như nhau"),
}
