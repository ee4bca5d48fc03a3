"""Hostile cases of the twenty-third session's helper limits23: small files that cost a lot.

- A register of 3,000 codes one character apart (``90一``, ``90丁`` … : a code of three
  characters whose last is any letter; 0.4 MB) and assessments naming 10,000 unknown codes of the
  same shape (0.6 MB): "did you mean" (``intake.nearest``) joined every unknown code with every
  register code one character away, 30 million pairs, to name three: 31 CPU s and 6.9 GB. Now
  each key of a join brings at most five register codes (the first in code order, which are the
  ones named): 2.2 CPU s and 400 MB, the same words.

- Ten code cells of 30,000 characters ``1a1a…`` (0.5 MB): the "code with its name pasted beside
  it" check wrote the whole cell again beside each of its 15,000 runs of digits, 450 MB a cell:
  4.5 GB (150 such cells make 4.7 MB). Now a run names its cell by its row: 0.8 CPU s and 160 MB
  for the ten, 1.0 CPU s and 260 MB for 150.

- A register of 250,000 rows repeating the example's codes (5.4 MB), and a lineage table of
  300,000 rows whose new codes are no unit (5.1 MB): each row's problem (``duplicate-commune``,
  ``lineage-unknown-code``) was built one at a time in Python, 6.4 CPU s and 700 MB, 7.1 CPU s and
  690 MB. A register or a lineage table holds a row per unit (a country had some 10,600 communes
  before 2025): now one over 100,000 rows (``PARI_MAX_REGISTER_ROWS``) is ``too-many-rows`` at
  its first row past the limit, before any row is checked: 0.6 CPU s, 155 MB.

- A register of 60 units and 16,000 columns (2.1 MB): its own columns are kept for
  ``--group-by`` and went into the results, each worked on alone: 9 CPU s and 1.2 GB. Now a
  register or lineage table of more than 256 columns (``PARI_MAX_REGISTER_COLUMNS``) is
  ``table-too-wide``: 1.0 CPU s, 290 MB (polars' reading of the wide CSV). The case has 4,000
  columns since a CSV file of more than 4,096 is refused as it is read (``csv-too-wide``, the
  lead's case ``csv-16000-text-columns`` in tests/hostile_lead23.py).

- An HTML report of a run of 78,000 rows repeating the example's (commune, criterion, input)
  with other values (4.9 MB): each unit's details listed every one of its findings, about 1,300
  each, a page of 89 MB that a browser hardly opens; 7.4 + 1.4 CPU s, 930 MB. Now a unit's details
  list its first 200 findings and "… and N more (see the findings in the results file)", as the
  findings of no unit were: a page of 5 MB, 4.1 + 1.5 CPU s, 490 MB (the run itself, without a
  report, is 3.1 + 1.0 CPU s and 500 MB).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits23.py checks what each answers.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from hostile_sweep8 import _examples, _score

Case = Callable[[Path], list[str]]


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        head, *body = list(csv.reader(handle))
    return head, body


def _write(path: Path, head: list[str], body: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([head, *body])
    return path


def near_typo_dense_register(folder: Path) -> list[str]:
    files = _examples(folder)
    head, body = _rows(files["communes"])
    letters = [f"90{chr(0x4E00 + i)}" for i in range(3_000)]
    body += [[code, f"Xã Thử {i}", "xã", "Huyện Thử", body[0][4], ""] for i, code in enumerate(letters)]
    _write(files["communes"], head, body)
    head, body = _rows(files["assessments_long"])
    body += [[f"90{chr(0x7000 + i)}", *body[0][1:]] for i in range(10_000)]
    path = _write(folder / "tu-danh-gia.csv", head, body)
    return _score(folder, assessments=path)


def near_pasted_runs_long_codes(folder: Path) -> list[str]:
    files = _examples(folder)
    head, body = _rows(files["assessments_long"])
    body += [[("1a" * 15_000) + str(i), *body[1][1:]] for i in range(10)]
    path = _write(folder / "tu-danh-gia.csv", head, body)
    return _score(folder, assessments=path)


def register_of_repeated_codes(folder: Path) -> list[str]:
    files = _examples(folder)
    head, body = _rows(files["communes"])
    body += [[body[i % len(body)][0], f"X{i}", "xã", "H", "T", ""] for i in range(250_000)]
    _write(files["communes"], head, body)
    return _score(folder)


def lineage_of_no_units(folder: Path) -> list[str]:
    from hostile_sweep8 import EXAMPLES

    shutil.copytree(EXAMPLES, folder / "nam-truoc", ignore=shutil.ignore_patterns("*.xlsx", "*.html", "*.md", "*.py"))
    previous = _score(folder, "--format", "csv", out="ket-qua-nam-truoc")
    previous[1] = str(folder / "nam-truoc" / "assessments_long.csv")
    from pari_index.cli import main

    done = CliRunner().invoke(main, previous)
    assert done.exit_code == 0, done.output
    lineage = folder / "lineage.csv"
    with lineage.open("w", encoding="utf-8", newline="") as handle:
        handle.write("old_code,new_code\n")
        handle.writelines(f"8{i:06d},9{i:06d}\n" for i in range(300_000))
    return _score(folder, "--previous", str(folder / "ket-qua-nam-truoc"), "--lineage", str(lineage))


def report_of_many_findings_a_unit(folder: Path) -> list[str]:
    files = _examples(folder)
    head, body = _rows(files["assessments_long"])
    body += [[*row[:3], f"x{i}", *row[4:]] for i, row in enumerate(body[i % len(body)] for i in range(78_000))]
    path = _write(folder / "tu-danh-gia.csv", head, body)
    return _score(folder, "--format", "csv", "--report", str(folder / "bao-cao.html"), assessments=path, out="ket-qua")


def register_of_4000_columns(folder: Path) -> list[str]:
    files = _examples(folder)
    head, body = _rows(files["communes"])
    extra = [f"cột {i}" for i in range(4_000)]
    _write(files["communes"], head + extra, [row + ["x"] * len(extra) for row in body])
    return _score(folder)


CASES: dict[str, Case] = {
    "near-typo-dense-register": near_typo_dense_register,
    "near-pasted-runs-long-codes": near_pasted_runs_long_codes,
    "register-of-repeated-codes": register_of_repeated_codes,
    "lineage-of-no-units": lineage_of_no_units,
    "report-of-many-findings-a-unit": report_of_many_findings_a_unit,
    "register-of-4000-columns": register_of_4000_columns,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "near-typo-dense-register": (1, "unknown-commune", ("tu-danh-gia.csv", "communes.csv")),
    "near-pasted-runs-long-codes": (1, "unknown-commune", ("tu-danh-gia.csv", "communes.csv")),
    "register-of-repeated-codes": (1, "too-many-rows", ("communes.csv",)),
    "lineage-of-no-units": (1, "too-many-rows", ("lineage.csv", "ket-qua-nam-truoc/summary.csv")),
    "report-of-many-findings-a-unit": (1, "pasted-sets", ("tu-danh-gia.csv", "communes.csv")),
    "register-of-4000-columns": (1, "table-too-wide", ("communes.csv",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
