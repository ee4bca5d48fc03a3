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

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits23.py checks what each answers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

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


CASES: dict[str, Case] = {
    "near-typo-dense-register": near_typo_dense_register,
    "near-pasted-runs-long-codes": near_pasted_runs_long_codes,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "near-typo-dense-register": (1, "unknown-commune", ("tu-danh-gia.csv", "communes.csv")),
    "near-pasted-runs-long-codes": (1, "unknown-commune", ("tu-danh-gia.csv", "communes.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
