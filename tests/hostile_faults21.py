"""Hostile cases of the twenty-first session's helper faults21: the operating system failing a
command part-way, in the commands other than ``pari score``'s own results.

- An I/O error while a file is read (``/proc/self/mem`` gives EIO from its first byte, as a failing
  disk or a dropped network share does): an annex (``pari criteria import``) or a results workbook
  (``pari report``, ``pari explain --results``, ``pari score --previous``) stopped the command with
  "the operating system refused: Input/output error" (``os-error``), naming no file. Now
  ``file-unreadable`` naming it, exit 1.
- ``pari score -o out.xlsx --report R`` whose report could not be written (a folder the system
  refuses, a full disk) replaced the results, then failed with exit 4: the new results beside the
  previous report, and nothing said of them. The results and the report are now put in place
  together once both are written (``outputs.files.placed_together``): the previous pair stays.
- An output whose folder takes no new file (``/proc/self``; a folder deleted while the run wrote
  into it): "No such file or directory" with the hint to close the file in Excel or free space.
  Now a hint for that reason.
- An output typed with its accents composed (NFC) where the disk names it, or its folder,
  decomposed (NFD: a folder unpacked from a Mac's zip): a second file or folder of the same look
  was written beside the first, which was not replaced. Outputs are now named as the disk spells
  them, as inputs were (a user's own workbook so named is then refused as ``output-not-pari``).
- An output that is a symbolic link to an earlier output (``latest.xlsx`` → ``2025/results.xlsx``)
  was replaced by the new file, the link gone and its target left as it was, although the path
  rule had judged the target. The file the link leads to is now replaced, and the link stays, as
  a symlinked results folder did.
- ``pari demo-data`` over an earlier set stopped by a file-size limit (as by a full disk) removed
  the earlier set's files; stopped by a signal it left them cut to a byte-order mark; two runs at
  once wrote their rows into the same files (scored as ``pasted-sets``). The set is now written
  into a scratch folder inside the output folder and renamed into place as a whole.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes (under ``RESOURCE_LIMITS``)
and tests/test_hostile_faults21.py checks what each answers (``EXPECTED``: exit status, the code
that must be printed, the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _score, user_workbook

Case = Callable[[Path], list[str]]

ROOT = Path(__file__).resolve().parents[1]
#: A file every read of which fails with EIO (Linux), from its first byte.
IO_ERROR = "/proc/self/mem"
#: A folder the system refuses to create files in, even for root (sysfs: EACCES).
REFUSED_FOLDER = "/sys/kernel"
#: The earlier demonstration set of the demo-data cases.
DEMO_FILES = ("communes.csv", "assessments_long.csv", "survey.csv", "appraisal.csv", "SYNTHETIC-README.md")


def _linked_to_io_error(folder: Path, name: str) -> str:
    os.symlink(IO_ERROR, folder / name)
    return name


def annex_io_error(folder: Path) -> list[str]:
    return ["criteria", "import", _linked_to_io_error(folder, "phu-luc.xlsx"), "-o", "bo-tieu-chi.yaml"]


def results_io_error_report(folder: Path) -> list[str]:
    return ["report", _linked_to_io_error(folder, "ket-qua.xlsx"), "-o", "bao-cao.html"]


def results_io_error_explain(folder: Path) -> list[str]:
    return ["explain", "00001", "--results", _linked_to_io_error(folder, "ket-qua.xlsx")]


def results_io_error_previous(folder: Path) -> list[str]:
    return [*_score(folder), "--previous", _linked_to_io_error(folder, "nam-truoc.xlsx")]


def _pari(args: list[str], folder: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "pari_index.cli", *args], cwd=folder, env=env, capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr


def report_refused_keeps_results(folder: Path) -> list[str]:
    """The example run written once (``out.xlsx``); the same run again with its report where the
    system refuses it."""
    args = _score(folder)
    _pari(args, folder)
    return [*args, "--report", f"{REFUSED_FOLDER}/pari-bao-cao.html"]


def template_into_proc(folder: Path) -> list[str]:
    """A folder that takes no new files (ENOENT on creating one, as a folder deleted while the
    run wrote into it): the hint spoke of Excel and free space."""
    return ["template", "-o", "/proc/self/bieu-mau.xlsx"]


def _decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def results_named_decomposed(folder: Path) -> list[str]:
    """Earlier results ``Kết quả.xlsx`` named decomposed (NFD: unpacked from a Mac's zip) and a
    folder ``Biểu mẫu`` so named; the run typed composed (NFC), with its report in that folder."""
    args = _score(folder, out=_decomposed("Kết quả.xlsx"))
    _pari(args, folder)
    (folder / _decomposed("Biểu mẫu")).mkdir()
    args[args.index("-o") + 1] = str(folder / "Kết quả.xlsx")
    return [*args, "--report", str(folder / "Biểu mẫu" / "báo cáo.html")]


def user_workbook_named_decomposed(folder: Path) -> list[str]:
    """The user's own ``Ngân sách.xlsx`` named decomposed; ``-o`` it, typed composed."""
    user_workbook(folder / _decomposed("Ngân sách.xlsx"))
    return _score(folder, out="Ngân sách.xlsx")


def output_links_to_earlier_results(folder: Path) -> list[str]:
    """``latest.xlsx`` and ``latest.html``, links to last run's results and report in ``2025``
    (as an office keeps the latest published)."""
    args = _score(folder, out="2025/results.xlsx")
    _pari([*args, "--report", str(folder / "2025" / "report.html"), "--date", "2025-01-01"], folder)
    (folder / "latest.xlsx").symlink_to("2025/results.xlsx")
    (folder / "latest.html").symlink_to("2025/report.html")
    args[args.index("-o") + 1] = str(folder / "latest.xlsx")
    return [*args, "--report", str(folder / "latest.html"), "--date", "2025-06-01"]


def demo_over_earlier_set(folder: Path) -> list[str]:
    """An earlier set of 20 units in ``demo``; a set of 300 of another seed over it."""
    _pari(["demo-data", "-o", "demo", "--communes", "20"], folder)
    return ["demo-data", "-o", "demo", "--communes", "300", "--seed", "9"]


CASES: dict[str, Case] = {
    "annex-io-error-import": annex_io_error,
    "results-io-error-report": results_io_error_report,
    "results-io-error-explain": results_io_error_explain,
    "results-io-error-previous": results_io_error_previous,
    "report-refused-keeps-results": report_refused_keeps_results,
    "template-into-proc": template_into_proc,
    "output-composed-over-decomposed-results": results_named_decomposed,
    "output-composed-over-decomposed-user-workbook": user_workbook_named_decomposed,
    "output-links-to-earlier-results": output_links_to_earlier_results,
    "demo-size-limit-keeps-earlier-set": demo_over_earlier_set,
}

#: Process limits of a case's child: a file-size limit that stops the 300 units' assessments
#: (1.3 MB) part-way, as a full disk would.
RESOURCE_LIMITS: dict[str, dict[int, int]] = {
    "demo-size-limit-keeps-earlier-set": {resource.RLIMIT_FSIZE: 200_000},
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "annex-io-error-import": (1, "file-unreadable", ()),
    "results-io-error-report": (1, "file-unreadable", ()),
    "results-io-error-explain": (1, "file-unreadable", ()),
    "results-io-error-previous": (1, "file-unreadable", ()),
    # Since session 29 refused before anything is read (output-system-folder): the results kept still.
    "report-refused-keeps-results": (4, "output-system-folder", ("out.xlsx",)),
    # Since session 29 refused before writing, as a folder of the system's (output-system-folder).
    "template-into-proc": (4, "output-system-folder", ()),
    "output-composed-over-decomposed-results": (0, None, ()),
    "output-composed-over-decomposed-user-workbook": (4, "output-not-pari", (_decomposed("Ngân sách.xlsx"),)),
    "output-links-to-earlier-results": (0, None, ()),
    "demo-size-limit-keeps-earlier-set": (4, "output-unwritable", tuple(f"demo/{n}" for n in DEMO_FILES)),
}

#: Files a case must not write.
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "output-composed-over-decomposed-results": ("Kết quả.xlsx", "Biểu mẫu"),
    "output-composed-over-decomposed-user-workbook": ("Ngân sách.xlsx",),
    "annex-io-error-import": ("bo-tieu-chi.yaml",),
    "results-io-error-report": ("bao-cao.html",),
    "results-io-error-previous": ("out.xlsx",),
}
