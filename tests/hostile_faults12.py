"""Faults of the twelfth session's sweep: what the machine does to a run rather than what its files
hold. A full disk and a file-size limit under each kind of output, a full temporary folder, few
open files, a console that cannot write Vietnamese, an annex whose method cells make a pattern
backtrack. (Signals, runs at the same time and a read-only folder are in
tests/test_hostile_faults12.py: they need more than one command.)

Each case is a :class:`Fault`: ``make`` writes its files into an empty folder (and, for ``disk``
cases, the user's previous results onto a small disk mounted at ``FOLDER/disk``, which is then
filled to ``room`` bytes) and returns the ``pari`` argv; the child runs with ``env`` and ``limits``
added. The answer must have the exit ``status`` and every fragment of ``says`` (stdout and stderr
together), and leave each path of ``kept`` exactly as ``make`` left it.
"""

from __future__ import annotations

import csv
import resource
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from children import pari_child

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: The words of a full disk in a Vietnamese run: the system's reason in Vietnamese, its own words after.
DISK_FULL_VI = "ổ đĩa hết chỗ trống (No space left on device)"
TOO_LARGE_VI = "tệp vượt quá kích thước hệ thống cho phép (File too large)"


@dataclass(frozen=True)
class Fault:
    make: Callable[[Path], list[str]]
    status: int
    says: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    limits: dict[int, int] = field(default_factory=dict)
    #: Size of a tmpfs mounted at FOLDER/disk before ``make`` (None: no disk), and the bytes
    #: left free on it after ``make`` (the rest filled by a file).
    disk: int | None = None
    room: int = 0


def _examples(folder: Path) -> list[str]:
    """The example inputs copied in, as ``pari score`` arguments."""
    for name in ("assessments_long.csv", "communes.csv", "survey.csv"):
        shutil.copy(EXAMPLES / name, folder / name)
    return ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", "-q"]


def _previous(folder: Path, *output: str) -> list[str]:
    """The examples scored once into ``output`` (the user's previous results); the same argv back."""
    args = [*_examples(folder), *output]
    done = pari_child(args, folder, timeout=120)
    assert done.returncode == 0, done.stderr
    return args


# ---------------------------------------------------------------------------------------------
# A full disk (a tmpfs at FOLDER/disk) under each output


def full_csv_folder(folder: Path) -> list[str]:
    """``--format csv`` onto a full disk: polars says "No space left on device (os error 28)" in
    English, with no error number, and the hint was the general one about Excel."""
    return _previous(folder, "--format", "csv", "-o", "disk/res")


def full_parquet_folder(folder: Path) -> list[str]:
    """``--format parquet`` onto a disk with 20 KB left: polars' Parquet writer said "File out of
    specification: Invalid thrift: transport error", nothing about the disk."""
    return _previous(folder, "--format", "parquet", "-o", "disk/res")


def full_workbook(folder: Path) -> list[str]:
    """A workbook onto a full disk (xlsxwriter's own error): already said as a full disk."""
    return _previous(folder, "-o", "disk/results.xlsx")


def full_report(folder: Path) -> list[str]:
    """The results beside, the report onto a full disk."""
    return _previous(folder, "-o", "results.xlsx", "--report", "disk/report.html")


def full_template(folder: Path) -> list[str]:
    """``pari template`` onto a full disk, over the form written before."""
    done = pari_child(["template", "-o", "disk/form.xlsx"], folder, timeout=120)
    assert done.returncode == 0, done.stderr
    return ["template", "-o", "disk/form.xlsx"]


def full_temporary_folder(folder: Path) -> list[str]:
    """TMPDIR on a nearly full disk, a run in batches (which spills each batch there): polars' OSError
    has no number and no words of its own, so the run said "hệ điều hành từ chối: OSError",
    naming no folder."""
    return [*_examples(folder), "--batch-size", "10", "-o", "results.xlsx"]


def cache_on_full_disk(folder: Path) -> list[str]:
    """``--cache`` on a full disk: the run goes on without it, the results are written."""
    return [*_examples(folder), "-o", "results.xlsx", "--cache", "disk/cache"]


# ---------------------------------------------------------------------------------------------
# A file-size limit (ulimit -f): EFBIG, as a FAT32 disk says for a file over 4 GB


def size_limit_csv_folder(folder: Path) -> list[str]:
    """``--format csv`` past ``ulimit -f``: "File too large (os error 27)" in English, the
    general hint."""
    return _previous(folder, "--format", "csv", "-o", "res")


def size_limit_parquet_folder(folder: Path) -> list[str]:
    return _previous(folder, "--format", "parquet", "-o", "res")


def size_limit_report(folder: Path) -> list[str]:
    return _previous(folder, "-o", "results.xlsx", "--report", "report.html")


# ---------------------------------------------------------------------------------------------
# Few open files, the console, the temporary folder, the locale


def sixty_files_few_descriptors(folder: Path) -> list[str]:
    """The example rows split into 60 files, read with 16 open files allowed."""
    with (EXAMPLES / "assessments_long.csv").open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source))
    names = []
    for i in range(60):
        name = f"a{i:02d}.csv"
        with (folder / name).open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows([rows[0], *rows[1 + i :: 60]])
        names.append(name)
    args = _examples(folder)
    return ["score", *names, *args[2:], "-o", "results.xlsx"]


def evidence_folder_few_descriptors(folder: Path) -> list[str]:
    """``--evidence-dir`` of 10,600 files (every file the example rows name, and more), read
    with 16 open files allowed."""
    with (EXAMPLES / "assessments_long.csv").open(encoding="utf-8-sig", newline="") as source:
        named = {row["evidence_file"] for row in csv.DictReader(source) if row["evidence_file"]}
    evidence = folder / "evidence"
    evidence.mkdir()
    for i, name in enumerate(sorted(named) + [f"other_{i}.pdf" for i in range(10_600 - len(named))]):
        (evidence / name).write_bytes(b"%PDF-1.4 " + str(i).encode())
    return [*_examples(folder), "--evidence-dir", "evidence", "-o", "results.xlsx"]


def latin1_console(folder: Path) -> list[str]:
    """A console whose encoding has no Vietnamese letters (PYTHONIOENCODING=latin-1): printing
    the problem failed with UnicodeEncodeError, reported as an internal error (exit 70)."""
    return ["validate", "missing.yaml"]


def cp1252_console(folder: Path) -> list[str]:
    """A Windows code page (cp1252 has no 'Đ'), an English run: the summary names the set's
    decision, 5666/QĐ-UBND."""
    return [*_examples(folder), "-o", "results.xlsx", "--lang", "en"]


def c_locale(folder: Path) -> list[str]:
    """LANG=C, LC_ALL=C: Python writes UTF-8 all the same."""
    return [*_examples(folder), "-o", "results.xlsx"]


def temporary_folder_missing(folder: Path) -> list[str]:
    """TMPDIR naming a folder that does not exist, a run in batches: Python takes /tmp."""
    return [*_examples(folder), "--batch-size", "10", "-o", "results.xlsx"]


def address_space_limit(folder: Path) -> list[str]:
    """``ulimit -v`` 600 MB, the example run (150 MB in memory): the C library's reserve of 64 MB
    of address space for each thread took it to 1.3 GB, and the allocator aborted (signal 6,
    "memory allocation of N bytes failed"), or polars panicked (exit 70)."""
    return [*_examples(folder), "-o", "results.xlsx", "--report", "report.html"]


# ---------------------------------------------------------------------------------------------
# Patterns that backtrack (pari criteria import reads a decision's method cells with regexes)

#: A method cell Excel can hold (32,767 characters at most).
LONG_CELL = 30_000


def annex_backtracking_cells(folder: Path) -> list[str]:
    """The example annex with method cells of 30,000 digits or spaces before the points, and an
    evidence cell of 30,000 spaces: the ladder, points and evidence patterns tried every start
    against every length (quadratic: one cell "1"×30,000 "x: 1 điểm" took 375 s, "từ 1", 30,000
    spaces, "x: 1 điểm" 198 s, "a", 30,000 spaces, ": x" 21 s)."""
    import openpyxl

    book = openpyxl.load_workbook(EXAMPLES / "annex" / "phu-luc-mau.xlsx")
    sheet = book.active
    cells = {
        "D8": "1" * LONG_CELL + "x: 1 điểm",
        "D9": "a" + " " * LONG_CELL + ": x",
        "D10": "từ 1" + " " * LONG_CELL + "x: 1 điểm",
        "E8": "- Kế hoạch" + " " * LONG_CELL + "x",
    }
    for ref, text in cells.items():
        sheet[ref] = text
    book.save(folder / "annex.xlsx")
    return ["criteria", "import", "annex.xlsx", "-o", "draft.yaml"]


FSIZE = resource.RLIMIT_FSIZE

CASES: dict[str, Fault] = {
    "disk-full-csv-folder": Fault(
        full_csv_folder, 4, (DISK_FULL_VI, "ổ đĩa đã đầy", "[output-unwritable]"), ("disk/res",), disk=2 << 20
    ),
    "disk-full-parquet-folder": Fault(
        full_parquet_folder, 4, (DISK_FULL_VI, "ổ đĩa đã đầy"), ("disk/res",), disk=1 << 20, room=20_000
    ),
    "disk-full-workbook": Fault(full_workbook, 4, (DISK_FULL_VI, "ổ đĩa đã đầy"), ("disk/results.xlsx",), disk=2 << 20),
    "disk-full-report": Fault(full_report, 4, (DISK_FULL_VI, "report.html"), ("disk/report.html",), disk=4 << 20),
    "disk-full-template": Fault(full_template, 4, (DISK_FULL_VI, "form.xlsx"), ("disk/form.xlsx",), disk=1 << 20),
    "temporary-folder-full": Fault(
        full_temporary_folder,
        1,
        (DISK_FULL_VI, "thư mục tạm đã đầy", "TMPDIR", "[os-error]"),
        env={"TMPDIR": "{folder}/disk"},
        disk=1 << 20,
        room=32 << 10,  # room for Python's test of the folder (else it takes /tmp), not for the spills
    ),
    "cache-on-full-disk": Fault(cache_on_full_disk, 0, ("results.xlsx",), disk=64 << 10),
    "file-size-limit-csv-folder": Fault(
        size_limit_csv_folder, 4, (TOO_LARGE_VI, "ulimit -f", "criteria.csv"), ("res",), limits={FSIZE: 100 << 10}
    ),
    "file-size-limit-parquet-folder": Fault(
        size_limit_parquet_folder, 4, (TOO_LARGE_VI, "ulimit -f"), ("res",), limits={FSIZE: 20 << 10}
    ),
    "file-size-limit-report": Fault(
        size_limit_report, 4, (TOO_LARGE_VI, "report.html"), ("report.html",), limits={FSIZE: 700 << 10}
    ),
    "sixty-files-16-descriptors": Fault(
        sixty_files_few_descriptors, 0, ("Đã ghi: results.xlsx",), limits={resource.RLIMIT_NOFILE: 16}
    ),
    "evidence-10600-files-16-descriptors": Fault(
        evidence_folder_few_descriptors, 0, ("Đã ghi: results.xlsx",), limits={resource.RLIMIT_NOFILE: 16}
    ),
    "console-latin-1": Fault(
        latin1_console, 1, ("Không tìm thấy tệp", "[file-not-found]"), env={"PYTHONIOENCODING": "latin-1"}
    ),
    "console-cp1252-english": Fault(cp1252_console, 0, ("5666/QĐ-UBND",), env={"PYTHONIOENCODING": "cp1252"}),
    "locale-c": Fault(c_locale, 0, ("Đã ghi: results.xlsx",), env={"LANG": "C", "LC_ALL": "C"}),
    "temporary-folder-missing": Fault(
        temporary_folder_missing, 0, ("Đã ghi: results.xlsx",), env={"TMPDIR": "{folder}/no/such/folder"}
    ),
    "address-space-600-mb": Fault(
        address_space_limit, 0, ("Đã ghi: results.xlsx",), limits={resource.RLIMIT_AS: 600 << 20}
    ),
    "annex-backtracking-cells": Fault(annex_backtracking_cells, 0, ("Đã ghi draft.yaml",)),
}
