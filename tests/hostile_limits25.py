"""Hostile cases of the twenty-fifth session's helper limits25: small files that expand in pari's
own outputs.

- A criteria set whose first five items are titled with 99,000 characters each in Vietnamese and
  in English (1.04 MB, within the set's limits: 1 MiB a file, 100,000 characters a text), scored
  on the example inputs with ``--report``: the report repeated each title in each of the 48
  submitting units' items (and in their largest losses), a page of 32 MB, 1.36 + 0.25 CPU s and
  255 MB, growing as units × items × title length (ten such items in one language: 65 MB and
  383 MB). Now a title is cut to 500 characters, with its length, where the page repeats it
  (``report_items.MAX_REPEATED_TITLE_CHARS``; the method section gives it whole, once): a page of
  2.4 MB, 0.9 CPU s, 152 MB.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits25.py checks what each answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import CRITERIA, _score

Case = Callable[[Path], list[str]]

#: The titles given to the set's first LONG_TITLED items (ASCII: 99,000 bytes each, the set within
#: its 1 MiB), in Vietnamese and in English.
LONG_TITLES = {
    "vi": ("Ban hanh ke hoach cai cach hanh chinh " * 3_000)[:99_000],
    "en": ("Annual administrative reform plan issued " * 3_000)[:99_000],
}
LONG_TITLED = 5


def long_titles_set(path: Path) -> Path:
    """The Hà Nội set with its first LONG_TITLED items' titles LONG_TITLES."""
    lines, done = [], 0
    for line in (CRITERIA / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8").split("\n"):
        found = re.match(r'^\s{12,}title: \{vi: "([^"]*)", en: "([^"]*)"\}', line)
        if found and done < LONG_TITLED:
            line = line.replace(found.group(1), LONG_TITLES["vi"], 1).replace(found.group(2), LONG_TITLES["en"], 1)
            done += 1
        lines.append(line)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def report_of_long_item_titles(folder: Path) -> list[str]:
    criteria = long_titles_set(folder / "bo-tieu-chi.yaml")
    return [*_score(folder, "--criteria", str(criteria), out="ket-qua.xlsx"), "--report", str(folder / "bao-cao.html")]


CASES: dict[str, Case] = {
    "report-of-long-item-titles": report_of_long_item_titles,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "report-of-long-item-titles": (0, None, ("bo-tieu-chi.yaml", "communes.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {}
