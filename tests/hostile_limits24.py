"""Hostile cases of the twenty-fourth session's helper limits24: small files of many findings.

- A wide form of 4,000 rows whose 349 value cells all hold ``x?`` (4.2 MB), the rows repeating the
  example's 12 units: a finding per cell, 760,000 ``bad-value`` and 634,000 ``duplicate-row``, a
  findings file of 380 MB beside the workbook, 6.4 + 3.8 CPU s and 1.26 GB. Now past
  PARI_MAX_FINDINGS_OF_A_KIND (1,000) findings of one kind for one unit in one file, the rest are
  one ``findings-folded`` finding that counts them and names their rows and columns
  (intake.folding), and the input rows table keeps every row with its reasons: 24,636 findings,
  2.5 + 0.9 CPU s and 620-660 MB (the reading of the form's 1.4 million cells, and their findings
  made before the fold, are the peak: over the 500 MB target still).

- A workbook of 1,000 sheets (as many as a workbook may list: PARI_MAX_XLSX_SHEETS) of 40 rows of
  the long form each (1.8 MB): each sheet's cells were weighed for a legacy font, misread and lost
  letters with a polars filter for each of its columns, three times (some 100,000 polars calls):
  7.5 + 1.4 CPU s. Now the text cells of a sheet are one series, filtered once for each weighing:
  4.6 + 1.0 CPU s (the rest is each sheet's own reading, about 4 ms a sheet).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits24.py checks what each answers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import EXAMPLES, _score

Case = Callable[[Path], list[str]]


def wide_form_every_cell_bad(folder: Path) -> list[str]:
    from openpyxl import load_workbook

    sheet = load_workbook(EXAMPLES / "assessments_wide.xlsx", read_only=True)["data"]
    head, *body = [list(row) for row in sheet.iter_rows(values_only=True)]
    path = folder / "rong.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(head)
        writer.writerows([body[i % len(body)][0], *["x?"] * (len(head) - 1)] for i in range(4_000))
    return _score(folder, "--format", "csv", assessments=path, out="ket-qua")


def workbook_of_1000_small_sheets(folder: Path) -> list[str]:
    import xlsxwriter

    with (EXAMPLES / "assessments_long.csv").open(encoding="utf-8-sig", newline="") as handle:
        head, *body = list(csv.reader(handle))
    path = folder / "nhieu-trang.xlsx"
    with xlsxwriter.Workbook(str(path)) as workbook:
        for number in range(1_000):
            sheet = workbook.add_worksheet(f"xã {number}")
            sheet.write_row(0, 0, head)
            for row in range(40):
                sheet.write_row(row + 1, 0, body[(number * 40 + row) % len(body)])
    return _score(folder, "--format", "csv", assessments=path, out="ket-qua")


CASES: dict[str, Case] = {
    "workbook-of-1000-small-sheets": workbook_of_1000_small_sheets,
    "wide-form-every-cell-bad": wide_form_every_cell_bad,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "workbook-of-1000-small-sheets": (0, None, ("nhieu-trang.xlsx", "communes.csv")),
    "wide-form-every-cell-bad": (1, "bad-value", ("rong.csv", "communes.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
