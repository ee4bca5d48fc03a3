"""Faults of the thirty-first session's helper faults31: an option left without its path that
click told by what it took away, and a cache folder of another program taken as pari's because it
holds a CACHEDIR.TAG. Each was run with the real ``pari`` on 6c4cca8 (before) and after the fix
(the example province, 60 communes):

- ``pari score … --report -o ket-qua.xlsx`` (the report's name left out, so that ``--report``
  took ``-o`` as its path): exit 2 with click's "Lỗi: Thiếu tuỳ chọn '-o' / '--output'" /
  "Error: Missing option '-o' / '--output'" under click's usage lines (0.3 s), of an ``-o`` the
  user gave; so ``pari template --communes -o mau.xlsx``. ``pari template -o --lang en`` (and
  ``pari criteria export SET -o --lang en``, ``pari report RESULTS -o --lang en``): "Got
  unexpected extra argument (en)", in English whatever the language (``-o --lang vi``: "Lỗi: Có
  một đối số thừa không dùng đến (vi)", of a value the user gave to ``--lang``). The rule that tells an
  option's name taken as a path (``path-is-option``, session 30) ran only once click had parsed
  the line, and click stopped first on what the missing path took away. Now PariCommand.parse_args
  applies that rule when click refuses the line, and the refusal is told as every refusal is
  (exit 2, ``path-is-option``, in the command's language).
- ``pari score … --cache khac`` where ``khac`` is another program's cache (its own
  ``CACHEDIR.TAG``, which starts with the same signature, and its files): exit 0 (1.3 s), pari's
  ``intake`` and ``communes`` folders written among that program's files, and the oldest entries
  of those folders removed on later runs, in a folder the cache was to leave alone. The tag's
  signature alone claimed the folder. Now only a tag that names pari-index claims it; another
  program's is "Cache: ignored khac (its CACHEDIR.TAG is another program's …)", nothing in it
  touched, the run scored as without a cache (exit 0, as every cache note).
- ``pari score … -o /dev/ket-qua.xlsx`` (``~/dev`` mistyped, or ``/dev/stdout.xlsx``), ``pari
  template -o /dev/mau.xlsx``, ``--cache /dev/bo-nho``: as root, exit 0 (2.6 s, 166 MB; the form
  1.4 s), the results, form or cache folder written into ``/dev``, the memory that holds the
  devices' names (devtmpfs), gone at the next start; an ordinary user met "Permission denied … ask
  its owner" after the whole run. ``/proc`` and ``/sys`` were refused as the system's own folders
  (session 29), ``/dev`` not. Now ``output-system-folder`` (exit 4, before anything is read: 72 MB)
  for every output and for ``--cache`` (which in ``/proc`` or ``/sys`` was a cache note, exit 0);
  ``-o /dev/null`` is still told as a device (``output-special-file``), ``/dev/shm`` (a tmpfs
  inside ``/dev``) still written.
- ``pari score … -o ket-qua.xlsx`` while last run's ``ket-qua.xlsx`` is open in Excel (its lock
  file ``~$ket-qua.xlsx`` beside it), so ``pari template -o mau.xlsx`` (LibreOffice's
  ``.~lock.mau.xlsx#``), ``-o kq --format csv`` with ``kq/summary.csv`` open (``~$summary.csv``):
  exit 0 (8.1 s on the loaded machine, 166 MB; the form 5.3 s, 72 MB), the file replaced under
  the program that shows it; a save there put the old ranking back over the new one (on a shared
  folder, or WSL's view of a Windows disk, nothing stops the replacing), a form being filled in
  lost to the next save or the run. Now ``output-open-in-office`` (exit 4, 72 MB) before anything
  is read, naming the lock file (a crash leaves one behind: delete it), for every output that
  replaces a file (outputs.replacing.open_in_office), with Office's shortened lock names
  (``~$sessments.xlsx``).
- ``pari template -o Ngan-Sach.xlsx`` beside the user's ``ngan-sach.xlsx`` (so ``pari score … -o
  KQ --format csv`` beside a folder ``kq``, ``-o Kết-quả.xlsx`` typed decomposed beside
  ``kết-quả.xlsx``): exit 0 (4.3 s on the loaded machine, 72 MB), a second file that Windows and
  macOS take for the first, so that a copy to a shared folder or a zip opened on Windows replaced
  one by the other without a word. A twin in Unicode form alone was already the same name
  (system.spelling, session 21). Now ``output-case-twin`` (exit 4) before anything is read,
  naming the file beside it (outputs.path_names.case_twin).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CRITERIA = Path(__file__).resolve().parents[1] / "criteria" / "ha-noi-2025-commune.yaml"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")
#: Another program's cache: its tag (the specification's signature, then its own words) and a file.
OTHER_TAG = "khac/CACHEDIR.TAG"
OTHER_FILE = "khac/du-lieu.bin"


def _score(folder: Path, *extra: str) -> list[str]:
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    return ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q", *extra]


def report_takes_the_output_option(folder: Path) -> list[str]:
    """``--report -o ket-qua.xlsx``: the report's name left out."""
    return _score(folder, "--report", "-o", "ket-qua.xlsx")


def template_register_takes_the_output_option(folder: Path) -> list[str]:
    shutil.copy(EXAMPLES / "communes.csv", folder / "communes.csv")
    return ["template", "--communes", "-o", "mau.xlsx"]


def template_output_takes_the_lang_option(folder: Path) -> list[str]:
    """``-o --lang vi``: the form's name left out, ``vi`` left over."""
    return ["template", "-o", "--lang", "vi"]


def annex_output_takes_the_lang_option(folder: Path) -> list[str]:
    shutil.copy(CRITERIA, folder / "bo.yaml")
    return ["criteria", "export", "bo.yaml", "-o", "--lang", "vi"]


def cache_of_another_program(folder: Path) -> list[str]:
    (folder / "khac").mkdir()
    (folder / OTHER_TAG).write_text(
        "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by cargo.\n",
        "ascii",
    )
    (folder / OTHER_FILE).write_bytes(b"\x00" * 64)
    return _score(folder, "-o", "ket-qua.xlsx", "--cache", "khac")


def _in_dev(folder: Path, ending: str) -> str:
    """A name in /dev of this case alone (the process and the test's folder's name, which pytest
    cuts to 30 letters): a run that writes it leaves no file another case would meet."""
    return f"/dev/pari-{os.getpid()}-{folder.name}{ending}"


def results_in_dev(folder: Path) -> list[str]:
    return _score(folder, "-o", _in_dev(folder, ".xlsx"))


def form_in_dev(folder: Path) -> list[str]:
    return ["template", "-o", _in_dev(folder, ".xlsx")]


def cache_in_dev(folder: Path) -> list[str]:
    return _score(folder, "-o", "ket-qua.xlsx", "--cache", _in_dev(folder, "-cache"))


def _written(folder: Path, args: list[str]) -> list[str]:
    """``pari ARGS`` run once in ``folder``: the earlier output the case's run would replace."""
    from children import pari_child

    done = pari_child(args, folder)
    assert done.returncode == 0, done.stderr
    return args


def results_open_in_excel(folder: Path) -> list[str]:
    args = _written(folder, _score(folder, "-o", "ket-qua.xlsx"))
    (folder / "~$ket-qua.xlsx").write_bytes(b"\x04thu" + b" " * 50)
    return args


def form_open_in_libreoffice(folder: Path) -> list[str]:
    args = _written(folder, ["template", "-o", "mau.xlsx"])
    (folder / ".~lock.mau.xlsx#").write_text("thu,may-tinh,/home/thu,06.12.2026 15:45,file:///home/thu;\n", "utf-8")
    return args


def table_open_in_excel(folder: Path) -> list[str]:
    args = _written(folder, _score(folder, "-o", "kq", "--format", "csv"))
    (folder / "kq" / "~$summary.csv").write_bytes(b"\x04thu" + b" " * 50)
    return args


def form_case_twin_of_a_workbook(folder: Path) -> list[str]:
    (folder / "ngan-sach.xlsx").write_bytes(b"PK\x03\x04 the user's budget")
    return ["template", "-o", "Ngan-Sach.xlsx"]


def results_folder_case_twin(folder: Path) -> list[str]:
    (folder / "kq").mkdir()
    (folder / "kq" / "ghi-chu.txt").write_text("notes", "utf-8")
    return _score(folder, "-o", "KQ", "--format", "csv")


def results_case_and_form_twin(folder: Path) -> list[str]:
    (folder / "kết-quả.xlsx").write_bytes(b"PK\x03\x04 the user's workbook")
    return _score(folder, "-o", unicodedata.normalize("NFD", "Kết-quả.xlsx"))


CASES: dict[str, Callable[[Path], list[str]]] = {
    "report-takes-the-output-option": report_takes_the_output_option,
    "template-register-takes-the-output-option": template_register_takes_the_output_option,
    "template-output-takes-the-lang-option": template_output_takes_the_lang_option,
    "annex-output-takes-the-lang-option": annex_output_takes_the_lang_option,
    "cache-of-another-program": cache_of_another_program,
    "results-in-dev": results_in_dev,
    "form-in-dev": form_in_dev,
    "cache-in-dev": cache_in_dev,
    "results-open-in-excel": results_open_in_excel,
    "form-open-in-libreoffice": form_open_in_libreoffice,
    "table-open-in-excel": table_open_in_excel,
    "form-case-twin-of-a-workbook": form_case_twin_of_a_workbook,
    "results-folder-case-twin": results_folder_case_twin,
    "results-case-and-form-twin": results_case_and_form_twin,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "report-takes-the-output-option": (2, "path-is-option", _INPUTS),
    "template-register-takes-the-output-option": (2, "path-is-option", ("communes.csv",)),
    "template-output-takes-the-lang-option": (2, "path-is-option", ()),
    "annex-output-takes-the-lang-option": (2, "path-is-option", ("bo.yaml",)),
    "cache-of-another-program": (0, None, (*_INPUTS, OTHER_TAG, OTHER_FILE)),
    "results-in-dev": (4, "output-system-folder", _INPUTS),
    "form-in-dev": (4, "output-system-folder", ()),
    "cache-in-dev": (4, "output-system-folder", _INPUTS),
    "results-open-in-excel": (4, "output-open-in-office", (*_INPUTS, "ket-qua.xlsx", "~$ket-qua.xlsx")),
    "form-open-in-libreoffice": (4, "output-open-in-office", ("mau.xlsx", ".~lock.mau.xlsx#")),
    "table-open-in-excel": (4, "output-open-in-office", (*_INPUTS, "kq/summary.csv", "kq/~$summary.csv")),
    "form-case-twin-of-a-workbook": (4, "output-case-twin", ("ngan-sach.xlsx",)),
    "results-folder-case-twin": (4, "output-case-twin", (*_INPUTS, "kq/ghi-chu.txt")),
    "results-case-and-form-twin": (4, "output-case-twin", (*_INPUTS, "kết-quả.xlsx")),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "report-takes-the-output-option": ("ket-qua.xlsx", "-o"),
    "template-register-takes-the-output-option": ("mau.xlsx", "-o"),
    "template-output-takes-the-lang-option": ("--lang", "vi"),
    "annex-output-takes-the-lang-option": ("--lang", "vi"),
    "cache-of-another-program": ("khac/intake", "khac/communes", "khac/communes-changes", "khac/outputs"),
    "cache-in-dev": ("ket-qua.xlsx",),
    "form-case-twin-of-a-workbook": ("Ngan-Sach.xlsx",),
    "results-folder-case-twin": ("KQ",),
    "results-case-and-form-twin": (unicodedata.normalize("NFD", "Kết-quả.xlsx"), "Kết-quả.xlsx"),
}
