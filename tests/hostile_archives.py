"""Hostile cases of compressed files (pari_index.system.archives), for benchmarks/hostile.py and
tests/test_compressed_files.py: a commune's zip of 100,000 files, a gzipped assessment file of the
national size, a zip of results given to ``pari report``, a gzipped criteria set. Each writes its
files into an empty folder and returns the ``pari`` arguments; the expectations are (exit status,
finding code, the files that must keep their bytes)."""

from __future__ import annotations

import gzip
import zipfile
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _examples, _score

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = ROOT / "criteria" / "ha-noi-2025-commune.yaml"

Case = Callable[[Path], list[str]]


def zip_of_100k_files(folder: Path) -> list[str]:
    path = folder / "gui-tinh.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(100_000):
            archive.writestr(f"xa-{i:06d}.csv", b"")
    return _score(folder, assessments=path)


def gzip_of_assessments(folder: Path) -> list[str]:
    """The example assessments repeated to about 5 MB, gzipped (a .csv.gz as a province sends it)."""
    files = _examples(folder)
    text = files["assessments_long"].read_bytes()
    path = folder / "assessments_long.csv.gz"
    path.write_bytes(gzip.compress(text * 20, mtime=0))
    return _score(folder, assessments=path)


def zip_of_results_report(folder: Path) -> list[str]:
    """A workbook zipped (as e-mailed), given to ``pari report`` as the results."""
    path = folder / "ket-qua.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(ROOT / "examples" / "assessments_wide.xlsx", "ket-qua/results.xlsx")
    return ["report", str(path), "-o", str(folder / "report.html")]


def gzip_of_criteria(folder: Path) -> list[str]:
    path = folder / "bo-chi-so.yaml"
    path.write_bytes(gzip.compress(CRITERIA.read_bytes(), mtime=0))
    return ["validate", str(path)]


CASES: dict[str, Case] = {
    "archive-zip-of-100k-files": zip_of_100k_files,
    "archive-gzip-of-assessments": gzip_of_assessments,
    "archive-zip-of-results-report": zip_of_results_report,
    "archive-gzip-of-criteria": gzip_of_criteria,
}

_INPUTS = ("communes.csv", "survey.csv")
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "archive-zip-of-100k-files": (1, "compressed-file", ("gui-tinh.zip", *_INPUTS)),
    "archive-gzip-of-assessments": (1, "compressed-file", ("assessments_long.csv.gz", *_INPUTS)),
    "archive-zip-of-results-report": (1, "compressed-file", ("ket-qua.zip",)),
    "archive-gzip-of-criteria": (1, "compressed-file", ("bo-chi-so.yaml",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "archive-zip-of-100k-files": ("out.xlsx",),
    "archive-gzip-of-assessments": ("out.xlsx",),
    "archive-zip-of-results-report": ("report.html",),
}
