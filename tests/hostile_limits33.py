"""Hostile cases of the thirty-third session's helper limits33: an evidence folder of many files,
and many criteria sets given to ``pari validate`` at once.

Found by running the real ``pari`` on folders and sets made for it (``--evidence-dir`` of 100,000
to 150,000 files, nested 500 deep, 10,000 sub-folders, 20,000 names in both Unicode forms, links in
a loop, names of 255 bytes; evidence_file cells of 30,000 letters or 5,000 names; ``pari validate``
of 100 to 2,000 sets), then profiling the slow ones. Measured on this shared 2-core machine (load
average about 4) on main at 7055fc4 (CPU seconds, peak resident memory), then after.

- The example run with an evidence folder holding 150,000 more files no row names («Hồ sơ
  khác/Kế hoạch số N.pdf», 2.2 MB of PDFs) and one row naming its file as a copy («… (1).pdf»):
  the file not found made the folder's index key every file's name for a near one
  (``evidence_files.name_skeleton``, a Python step a character in ``tones.folded``), and the files
  no row names were keyed again one by one, whether or not any name was not found: 9.4 CPU s
  (11.8 s wall), 340 MB, exit 0. Now each file is keyed once, only when a name is not found, a
  text's Latin marks are taken off at once: 6.2 CPU s, 340 MB. 100,000 files named by no row and
  no name missing: 4.3 CPU s, now 3.3. The rest is the folder walked whole twice to watch it
  for changes (``input_watch``, about 1 s a walk here) and its index listed once.

- ``pari validate`` of 2,000 small sets (the 1 KB set of tests/criteria_text.py, each its own id):
  4.4 CPU s, 197 MB. Each set was kept with its YAML document's node tree until every verdict was
  given (``loading.validate_files``), and the garbage collector went over all of them again and
  again: 400 copies of a bundled set (16 MB) took 13.8 CPU s and 580 MB, 2,000 of them 88 CPU s
  and 2.6 GB. Now the trees are let go once the set is checked: 3.0 CPU s, 108 MB; 400 bundled
  sets 9.1 CPU s and 203 MB; 120 of them (4.9 MB) 2.9 → 2.4 CPU s, 220 → 108 MB.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits33.py checks what each answers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from criteria_text import BASE
from example_runs import example_evidence
from hostile_sweep8 import _examples, _score

Case = Callable[[Path], list[str]]

#: The row's name written as a clerk's copy of its file, which the folder has under its own name.
NAMED = "1_1_1_KH_72_2025.pdf"
COPY = "1_1_1_KH_72_2025 (1).pdf"
#: Files of the evidence folder that no row names.
MORE_FILES = 150_000
#: Sets given to ``pari validate``.
SETS = 2_000


def evidence_folder_of_many_files(folder: Path) -> list[str]:
    """The example's documents and 150,000 more files no row names, one row naming its file as a
    copy (a name not found, near a file of the folder)."""
    files = _examples(folder)
    evidence = example_evidence(folder / "minh-chung")
    more = evidence / "Hồ sơ khác"
    more.mkdir()
    for number in range(MORE_FILES):
        (more / f"Kế hoạch số {number}.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    rows = list(csv.reader(io.StringIO(files["assessments_long"].read_text(encoding="utf-8-sig"))))
    column = rows[0].index("evidence_file")
    first = next(row for row in rows if row[column] == NAMED)
    first[column] = COPY
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    files["assessments_long"].write_text(out.getvalue(), encoding="utf-8")
    return _score(folder, "--format", "csv", "--evidence-dir", str(evidence), out="ket-qua")


def validate_of_many_sets(folder: Path) -> list[str]:
    """``pari validate`` of 2,000 small valid sets, each its own id."""
    paths = []
    for number in range(SETS):
        path = folder / f"bo-{number:04d}.yaml"
        path.write_text(BASE.replace("id: test-base", f"id: test-base-{number}"), encoding="utf-8")
        paths.append(str(path))
    return ["validate", *paths]


CASES: dict[str, Case] = {
    "evidence-folder-of-many-files": evidence_folder_of_many_files,
    "validate-of-many-sets": validate_of_many_sets,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "evidence-folder-of-many-files": (0, None, ("assessments_long.csv", "communes.csv")),
    "validate-of-many-sets": (0, None, ("bo-0000.yaml", "bo-1999.yaml")),
}
#: Cases whose console says more than the 20,000 characters sweeps allow: a verdict for each of
#: 2,000 sets. Checked by their own test.
LONG_SAYING = ("validate-of-many-sets",)
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
