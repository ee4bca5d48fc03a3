"""Faults of the twenty-fifth session's helper faults25: input folders watched while a command runs
(pari_index.system.input_watch), as far as the command reads them and no further.

- A symbolic link in the evidence folder pointed at another folder while the run read the
  survey (``minh-chung/d`` → ``a``, then → ``b``, as ``ln -sfn`` does): every evidence file
  under ``d`` changed (2,006 of them "not found"), and the run wrote its results (exit 0). The
  watch saw no change: a link to a folder was "anything else" to it, before as after. Now a link
  is watched by what it names and what it leads to: ``input-folder-changed`` (exit 1), nothing
  written.

- A folder given where a file is read (``--communes``, the assessments, ``pari report RESULTS``,
  ``pari explain --results``, ``--previous``: a home folder, a folder of evidence picked by
  mistake) was walked whole by the watch before its reader refused it ("this is a folder, not a
  file", "not a results file"): 204,000 entries of a folder of 200,000 files looked at one by one
  (strace: 204,127 ``newfstatat`` calls; about 1 s on a local disk, minutes on a shared network
  drive), 60 MB more. Now a folder is walked only where the command reads it as a folder (the
  evidence folder), a results folder is watched by its tables alone (3,934 calls, those of
  starting Python), and the refusal comes at once.

- A results folder watched whole: a note saved into it by a colleague (``res/ghi-chu.docx``)
  while ``pari report res`` read it made the report refuse (input-folder-changed), though no
  table the report reads had changed. Now the report is written.

- An input named through a link and ``..`` (``--communes link/../communes.csv``, ``link`` → ``d/sub``:
  the system opens ``d/communes.csv``): the watch and the run's digests made the name absolute
  as os.path.abspath does, which takes ``link/..`` away, and so looked at ``./communes.csv``, another
  file or none. Every such run was refused, "the file changed while pari-index read it" (exit 1),
  though nothing had changed; and an output named so (``-o link/../out.xlsx``) was watched at the
  wrong place: the user's own workbook saved as ``d/out.xlsx`` meanwhile was replaced (exit 0).
  Now such a name is made absolute with its folders resolved as the system resolves them
  (pari_index.system.input_watch.absolute).

- ``--cache CON``, ``--cache cache.``: the run made a folder of a name Windows cannot hold (a device
  name; a final dot Windows strips), which the rule for outputs refuses for every folder the run
  creates (``output-name-not-portable``): the cache folder was not judged by it. Now it is, when
  the run would create it (exit 4, nothing written).

They need more than one process, so benchmarks/hostile.py leaves them to
tests/test_hostile_faults25.py.
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

from hostile_faults23 import EXAMPLES, Fault, _examples
from hostile_faults24 import SAVER, USERS_OWN, _changing, _two_runs


def _relinking(target: str) -> tuple[str, ...]:
    """The helper beside the run: once pari-index opens the survey's pipe, the link ``mc/d`` is
    pointed at the folder ``target`` (a new link put in place of the old one, as ``ln -sfn``
    does), then the survey's rows are written."""
    return (
        sys.executable,
        "-c",
        "import os, sys\n"
        "with open('survey.fifo', 'wb') as pipe:\n"
        "    os.symlink(sys.argv[1], 'mc/new-link')\n"
        "    os.replace('mc/new-link', 'mc/d')\n"
        "    pipe.write(open('survey.csv', 'rb').read())\n",
        target,
    )


def _evidence_under_link(folder: Path, target: str) -> list[str]:
    """The examples with each evidence file named ``d/<name>``; the evidence folder ``mc`` holds
    every file in ``mc/a`` and none in ``mc/b``, and ``mc/d`` is a link to ``target``; the survey
    through the pipe ``survey.fifo``."""
    args = _examples(folder)
    with (folder / "assessments_long.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    column = rows[0].index("evidence_file")
    for row in rows[1:]:
        if row[column]:
            (folder / "mc" / "a").mkdir(parents=True, exist_ok=True)
            (folder / "mc" / "a" / row[column]).write_bytes(b"%PDF-1.4\n\n%%EOF\n")
            row[column] = "d/" + row[column]
    with (folder / "assessments_long.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    (folder / "mc" / "b").mkdir()
    os.symlink(target, folder / "mc" / "d")
    os.mkfifo(folder / "survey.fifo")
    return [*args[:-3], "--survey", "survey.fifo", "-q", "--evidence-dir", "mc", "-o", "out.xlsx"]


def evidence_link_pointed_elsewhere(folder: Path) -> list[str]:
    """``mc/d`` → ``a`` (every evidence file) pointed at ``b`` (none) while the survey is read:
    the results were written (exit 0), every file of ``d`` "not found"."""
    return _evidence_under_link(folder, "a")


def evidence_link_pointed_at_the_files(folder: Path) -> list[str]:
    """``mc/d`` → ``missing`` (nothing there yet: a folder still to be copied) pointed at ``a``
    (every evidence file) while the survey is read."""
    return _evidence_under_link(folder, "missing")


def _large_folder(folder: Path, entries: int = 3000) -> Path:
    """A folder of ``entries`` empty evidence files in sub-folders of 500 (``ho-so``), beside the
    examples: a folder given by mistake where a file is read."""
    big = folder / "ho-so"
    for i in range(entries):
        sub = big / f"{i // 500:03d}"
        if i % 500 == 0:
            sub.mkdir(parents=True)
        (sub / f"{i}.pdf").touch()
    return big


def register_given_a_folder(folder: Path) -> list[str]:
    """``--communes ho-so``: "this is a folder, not a file", once the watch had walked it whole."""
    args = _examples(folder)
    _large_folder(folder)
    return [*args[:3], "ho-so", *args[4:], "-o", "out.xlsx"]


def assessments_given_a_folder(folder: Path) -> list[str]:
    """``pari score ho-so --communes …``: the folder as the assessments."""
    args = _examples(folder)
    _large_folder(folder)
    return ["score", "ho-so", *args[2:], "-o", "out.xlsx"]


def report_of_a_folder(folder: Path) -> list[str]:
    """``pari report ho-so``: "not a results file", once walked whole."""
    _large_folder(folder)
    return ["report", "ho-so", "-o", "page.html"]


def explain_of_a_folder(folder: Path) -> list[str]:
    """``pari explain 00001 --results ho-so``."""
    _large_folder(folder)
    return ["explain", "00001", "--results", "ho-so"]


def previous_given_a_folder(folder: Path) -> list[str]:
    """``pari score … --previous ho-so``."""
    args = _examples(folder)
    _large_folder(folder)
    return [*args, "--previous", "ho-so", "-o", "out.xlsx"]


def note_saved_into_results_folder(folder: Path) -> list[str]:
    """``pari report res --criteria <(…) -o res/report.html``; a colleague saves a note of their
    own into ``res`` meanwhile, no table of it: the report refused (input-folder-changed)."""
    _two_runs(folder, "--format", "csv")
    return ["report", "res", "--criteria", "set.fifo", "-o", "res/report.html"]


def _saving_note(pipe: str, path: str, data: str) -> tuple[str, ...]:
    return (sys.executable, "-c", SAVER, pipe, path, "the colleague's notes", data)


def _through_link_and_dotdot(folder: Path) -> list[str]:
    """The examples, the register in ``d`` and named ``link/../communes.csv`` (``link`` → ``d/sub``);
    another register (the survey's bytes) as ``./communes.csv``, beside the link; the survey
    through the pipe ``survey.fifo``."""
    args = _examples(folder)
    (folder / "d" / "sub").mkdir(parents=True)
    os.replace(folder / "communes.csv", folder / "d" / "communes.csv")
    (folder / "communes.csv").write_bytes((folder / "survey.csv").read_bytes())
    os.symlink("d/sub", folder / "link")
    os.mkfifo(folder / "survey.fifo")
    return [*args[:3], "link/../communes.csv", "--survey", "survey.fifo", "-q"]


def register_through_link_and_dotdot(folder: Path) -> list[str]:
    """``--communes link/../communes.csv``, nothing changed: refused as changed while read."""
    args = _through_link_and_dotdot(folder)
    return [*args[:5], "survey.csv", "-q", "-o", "out.xlsx"]


def register_through_link_and_dotdot_replaced(folder: Path) -> list[str]:
    """As above, ``d/communes.csv`` (the register read) replaced by one without unit 00001 while the
    survey is read."""
    args = [*_through_link_and_dotdot(folder), "-o", "out.xlsx"]
    lines = (folder / "d" / "communes.csv").read_bytes().splitlines(keepends=True)
    (folder / "new.csv").write_bytes(b"".join(x for x in lines if not x.startswith(b"00001,")))
    return args


def output_through_link_and_dotdot_saved(folder: Path) -> list[str]:
    """``-o link/../out.xlsx`` (written as ``d/out.xlsx``); the user saves a workbook of their own
    as ``d/out.xlsx`` while the survey is read: it was replaced by the results (exit 0)."""
    args = _through_link_and_dotdot(folder)
    return [*args[:3], "d/communes.csv", *args[4:], "-o", "link/../out.xlsx"]


def cache_named_as_device(folder: Path) -> list[str]:
    """``--cache CON``: a folder named as a Windows device was made and filled."""
    return [*_examples(folder), "-o", "out.xlsx", "--cache", "CON"]


def cache_name_ending_in_dot(folder: Path) -> list[str]:
    """``--cache bo-nho-dem/2025.``: a folder whose final dot Windows strips."""
    return [*_examples(folder), "-o", "out.xlsx", "--cache", "bo-nho-dem/2025."]


_KEPT = ("communes.csv", "survey.csv")

CASES: dict[str, Fault] = {
    "evidence-link-pointed-elsewhere-during-run": Fault(
        evidence_link_pointed_elsewhere, (1, "input-folder-changed", _KEPT), _relinking("b")
    ),
    "evidence-link-pointed-at-the-files-during-run": Fault(
        evidence_link_pointed_at_the_files, (1, "input-folder-changed", _KEPT), _relinking("a")
    ),
    "register-given-a-large-folder": Fault(register_given_a_folder, (1, "is-a-directory", _KEPT)),
    "assessments-given-a-large-folder": Fault(assessments_given_a_folder, (1, "is-a-directory", _KEPT)),
    "report-of-a-large-folder": Fault(report_of_a_folder, (1, "not-results", ())),
    "explain-of-a-large-folder": Fault(explain_of_a_folder, (1, "not-results", ())),
    "previous-given-a-large-folder": Fault(previous_given_a_folder, (1, "not-results", _KEPT)),
    "note-saved-into-results-folder-report": Fault(
        note_saved_into_results_folder,
        (0, None, ("res/summary.csv", "set.yaml")),
        _saving_note("set.fifo", "res/ghi-chu.docx", "set.yaml"),
    ),
    "register-through-link-and-dotdot": Fault(register_through_link_and_dotdot, (0, None, ("d/communes.csv",))),
    "register-through-link-and-dotdot-replaced-during-run": Fault(
        register_through_link_and_dotdot_replaced,
        (1, "input-changed", ("communes.csv", "survey.csv")),
        _changing("survey.fifo", "new.csv", "d/communes.csv", "survey.csv"),
    ),
    "output-through-link-and-dotdot-saved-by-another-program": Fault(
        output_through_link_and_dotdot_saved,
        (4, "output-changed", ("communes.csv", "d/communes.csv")),
        (sys.executable, "-c", SAVER, "survey.fifo", "d/out.xlsx", USERS_OWN, "survey.csv"),
    ),
    "cache-named-as-windows-device": Fault(cache_named_as_device, (4, "output-name-not-portable", _KEPT)),
    "cache-name-ending-in-dot": Fault(cache_name_ending_in_dot, (4, "output-name-not-portable", _KEPT)),
}

#: The file another program saved, which the case must leave as it was saved.
SAVED: dict[str, str] = {"output-through-link-and-dotdot-saved-by-another-program": "d/out.xlsx"}

#: Files no case may leave written.
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "evidence-link-pointed-elsewhere-during-run": ("out.xlsx",),
    "evidence-link-pointed-at-the-files-during-run": ("out.xlsx",),
    "register-given-a-large-folder": ("out.xlsx",),
    "assessments-given-a-large-folder": ("out.xlsx",),
    "report-of-a-large-folder": ("page.html",),
    "previous-given-a-large-folder": ("out.xlsx",),
    "register-through-link-and-dotdot-replaced-during-run": ("out.xlsx", "d/out.xlsx"),
    "output-through-link-and-dotdot-saved-by-another-program": ("out.xlsx",),
    "cache-named-as-windows-device": ("CON", "out.xlsx"),
    "cache-name-ending-in-dot": ("bo-nho-dem", "out.xlsx"),
}

__all__ = ["CASES", "EXAMPLES", "NOT_WRITTEN", "SAVED", "USERS_OWN"]
