"""Faults of the thirty-fourth session's helper faults34: a name that is no file given where a
reader opens it without looking first. Each was run with the real ``pari`` on 07fe4c6 (before) and
after the fix (the example province; times on the 2-core machine shared by five agents, load 9, so
they say little; MEASURED):

- a socket given as the criteria set (``pari validate sock.yaml``, ``pari diff set.yaml sock.yaml``,
  ``pari criteria export sock.yaml``, ``template --criteria``, ``demo-data --criteria``, ``score
  --criteria``, ``report --criteria``, ``explain --criteria``: a socket a program left in a shared
  folder, a link to ``/run/…``): "cannot read the file: No such device or address"
  (``file-unreadable``, exit 1), hint "the disk or the network share failed while it was read: check
  that it is connected, or copy the file to a local disk". Nothing failed; the system opens no
  socket by name (ENXIO), and the reader opened before it looked. It already told a device
  (``/dev/zero``) as "this is a device, not a file" (``not-a-regular-file``), and every table reader
  (``--communes``, ``--survey``, the assessments, ``--previous``) told a socket as ``not-a-file``. Now
  the criteria reader looks at what the name is before it opens it (criteria.file_text): "this is a
  socket, not a file; a criteria set is read from a file" (``not-a-regular-file``, exit 1). Opening a
  device by name is not harmless either (a tape rewinds, a terminal becomes the controlling one):
  nothing but a file or a pipe is opened now.
- ``pari criteria import`` of a socket (``phu-luc.xlsx``) said the same failing disk; of a folder
  named ``phu-luc.xlsx`` (a workbook unpacked by an archive tool into a folder of its name):
  "cannot read the file: Is a directory" (``file-unreadable``), hint "check the path and its
  permissions". The annex is opened without a look first (tests/hostile_faults28.py). Now the shared
  refusal of every reader that opens first (errors.unreadable_file) tells EISDIR as
  ``is-a-directory`` ("this is a folder, not a file", hint "give the file itself") and ENXIO of a
  socket as ``not-a-file``, as the readers that look first do; ENXIO of a device whose hardware
  is gone keeps the failing disk's hint.

- ``pari score … --communes communes.csv`` while the register is open in Excel (its lock file
  ``~$communes.csv`` beside it; so the survey open in LibreOffice, ``.~lock.survey.csv#``, and the
  assessments under Office's shortened lock name ``~$sessments_long.csv``): exit 0 (6.5 s, load
  9), not a word, even under ``--strict``: the file as last saved was scored, without the changes
  on the clerk's screen not yet saved. An output open so was refused (``output-open-in-office``,
  session 31), an input not looked at. Now a warning of the file, ``input-open-in-office``, naming
  the lock file (a crash leaves one behind: delete it), for every table an input is read from
  (intake.tables.read_table_file; the lock names shared with the outputs' rule in
  system.office_locks): counted in the findings, and under ``--strict`` exit 3, as every warning.

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SET = ROOT / "criteria" / "ha-noi-2025-commune.yaml"
ANNEX = EXAMPLES / "annex" / "phu-luc-mau.xlsx"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")

#: On 07fe4c6: exit status, wall seconds (load 9), the code told.
MEASURED = {
    "validate-a-socket": (1, 2.9, "file-unreadable"),
    "diff-with-a-socket": (1, 2.1, "file-unreadable"),
    "export-a-socket": (1, 1.4, "file-unreadable"),
    "template-criteria-a-socket": (1, 3.4, "file-unreadable"),
    "demo-data-criteria-a-socket": (1, 3.1, "file-unreadable"),
    "score-criteria-a-socket": (1, 4.9, "file-unreadable"),
    "import-a-socket": (1, 4.5, "file-unreadable"),
    "import-a-folder": (1, 1.3, "file-unreadable"),
    "register-open-in-excel": (0, 6.5, None),
}
#: After the fix, the same: exit status, wall seconds (load 9), the code told.
MEASURED_AFTER = {
    "validate-a-socket": (1, 0.7, "not-a-regular-file"),
    "diff-with-a-socket": (1, 1.1, "not-a-regular-file"),
    "export-a-socket": (1, 0.8, "not-a-regular-file"),
    "template-criteria-a-socket": (1, 4.1, "not-a-regular-file"),
    "demo-data-criteria-a-socket": (1, 1.4, "not-a-regular-file"),
    "score-criteria-a-socket": (1, 1.4, "not-a-regular-file"),
    "import-a-socket": (1, 1.3, "not-a-file"),
    "import-a-folder": (1, 2.0, "is-a-directory"),
    "register-open-in-excel": (3, 6.4, "input-open-in-office"),
}


def make_socket(path: Path) -> Path:
    """A socket's name in the folder, as a server leaves it (mknod: no length limit of a bound
    address, no privilege needed for a socket)."""
    os.mknod(path, stat.S_IFSOCK | 0o600)
    return path


def _set(folder: Path) -> str:
    shutil.copy(SET, folder / "set.yaml")
    return "set.yaml"


def _inputs(folder: Path) -> list[str]:
    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    return ["assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q"]


def validate_a_socket(folder: Path) -> list[str]:
    """``pari validate`` of a socket named as a criteria set, beside a real set validated with it."""
    make_socket(folder / "sock.yaml")
    return ["validate", _set(folder), "sock.yaml"]


def diff_with_a_socket(folder: Path) -> list[str]:
    """``pari diff`` whose new set is a socket, the table of changes asked for."""
    make_socket(folder / "sock.yaml")
    return ["diff", _set(folder), "sock.yaml", "-o", "thay-doi.csv"]


def export_a_socket(folder: Path) -> list[str]:
    make_socket(folder / "sock.yaml")
    return ["criteria", "export", "sock.yaml", "-o", "phu-luc.xlsx"]


def template_criteria_a_socket(folder: Path) -> list[str]:
    make_socket(folder / "sock.yaml")
    return ["template", "--criteria", "sock.yaml", "-o", "mau.xlsx"]


def demo_data_criteria_a_socket(folder: Path) -> list[str]:
    make_socket(folder / "sock.yaml")
    return ["demo-data", "--criteria", "sock.yaml", "-o", "demo"]


def score_criteria_a_socket(folder: Path) -> list[str]:
    """``pari score --criteria`` of a link to a socket elsewhere (as to ``/run/…``)."""
    (folder / "run").mkdir()
    (folder / "set.yaml").symlink_to(make_socket(folder / "run" / "pari.sock"))
    return ["score", *_inputs(folder), "--criteria", "set.yaml", "-o", "ket-qua.xlsx"]


def import_a_socket(folder: Path) -> list[str]:
    make_socket(folder / "phu-luc.xlsx")
    return ["criteria", "import", "phu-luc.xlsx", "-o", "bo-tieu-chi.yaml"]


def import_a_folder(folder: Path) -> list[str]:
    """A workbook unpacked into a folder of its name (an archive tool's "extract here")."""
    unpacked = folder / "phu-luc.xlsx"
    shutil.unpack_archive(ANNEX, unpacked, format="zip")
    return ["criteria", "import", "phu-luc.xlsx", "-o", "bo-tieu-chi.yaml"]


def _open_in_office(lock: str) -> Callable[[Path], list[str]]:
    def case(folder: Path) -> list[str]:
        args = _inputs(folder)
        (folder / lock).write_bytes(b"\x0bclerk\x00" + bytes(40))  # as Excel's: the user's name, padded
        return ["score", *args, "-o", "ket-qua.xlsx", "--strict"]

    case.__doc__ = f"A run under --strict while {lock} says an input is open in an office program."
    return case


CASES: dict[str, Callable[[Path], list[str]]] = {
    "validate-a-socket": validate_a_socket,
    "diff-with-a-socket": diff_with_a_socket,
    "export-a-socket": export_a_socket,
    "template-criteria-a-socket": template_criteria_a_socket,
    "demo-data-criteria-a-socket": demo_data_criteria_a_socket,
    "score-criteria-a-socket": score_criteria_a_socket,
    "import-a-socket": import_a_socket,
    "import-a-folder": import_a_folder,
    "register-open-in-excel": _open_in_office("~$communes.csv"),
    "survey-open-in-libreoffice": _open_in_office(".~lock.survey.csv#"),
    "assessments-open-in-excel-shortened-lock": _open_in_office("~$sessments_long.csv"),
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "validate-a-socket": (1, "not-a-regular-file", ("set.yaml",)),
    "diff-with-a-socket": (1, "not-a-regular-file", ("set.yaml",)),
    "export-a-socket": (1, "not-a-regular-file", ()),
    "template-criteria-a-socket": (1, "not-a-regular-file", ()),
    "demo-data-criteria-a-socket": (1, "not-a-regular-file", ()),
    "score-criteria-a-socket": (1, "not-a-regular-file", _INPUTS),
    "import-a-socket": (1, "not-a-file", ()),
    "import-a-folder": (1, "is-a-directory", ("phu-luc.xlsx/[Content_Types].xml",)),
    "register-open-in-excel": (3, "input-open-in-office", (*_INPUTS, "~$communes.csv")),
    # Its warning came after the first 50 findings printed until session 35 (code None here then):
    # now every file-level finding is printed before the rows' (tests/hostile_faults35.py).
    "survey-open-in-libreoffice": (3, "input-open-in-office", (*_INPUTS, ".~lock.survey.csv#")),
    "assessments-open-in-excel-shortened-lock": (3, "input-open-in-office", (*_INPUTS, "~$sessments_long.csv")),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "diff-with-a-socket": ("thay-doi.csv",),
    "export-a-socket": ("phu-luc.xlsx",),
    "template-criteria-a-socket": ("mau.xlsx",),
    "demo-data-criteria-a-socket": ("demo",),
    "score-criteria-a-socket": ("ket-qua.xlsx",),
    "import-a-socket": ("bo-tieu-chi.yaml",),
    "import-a-folder": ("bo-tieu-chi.yaml",),
}
