"""Hostile cases of the thirty-seventh session's helper limits37.

Found by running the real ``pari`` (main at f7922a5) on files made for it, on this shared 2-core
machine (CPU seconds and peak resident memory from ``/usr/bin/time -v``):

- ``pari diff`` of two valid sets of 445 items each (5 areas × 8 criteria × 10 sub-criteria, their
  titles words of the bundled sets' titles, 89 KB each), every id of the new set renumbered (area
  ``1`` became ``6``) and a third of its titles given another word: 5.7 + 0.1 CPU s and 82 MB on
  main, exit 0, 116 items listed as removed and 116 as added (329 found moved). Each
  item left over was matched by its title's likeness to every other (``authoring.diff._match``),
  and for each pair whose bound (difflib's quick_ratio) reached UNRELATED, 0.5, difflib's ratio was
  computed: some 35,000 of them (the budget, MAX_COMPARISONS, 20,000, was spent, so the diff said
  it had stopped comparing and listed renumbered items as removed and added), the bound itself a
  ``Counter &`` of some 20 µs for each of the 99,000 pairs. A title is matched only at
  TITLE_SIMILARITY, 0.8: now the ratio is computed only for a pair whose bound reaches it (every
  decision is the same for the others: their value stays under 0.8), and the bound is the size of
  the intersection of the titles' character occurrences as sets of numbers (a few µs). Some 500
  ratios, none cut: 1.5 + 0.1 CPU s and 88 MB, the 445 items found moved, none removed or added.
  The same pairs as when every pair's ratio is computed (no bound, no budget) on the bundled sets
  and on titles drawn by hypothesis (tests), and, measured, on five sets of 150 to 445 items made
  from the bundled titles (0.3-0.5 CPU s against 0.8-7.3 at f7922a5 with its budget lifted).
  Still quadratic in the items (each pair's bound), but bounded by PARI_MAX_CRITERIA_ITEMS (500):
  890 items take 1.2 CPU s, 1,780 some 4.7 (the matching alone, the items limit raised); not
  taken further.

- A results folder (CSV tables) read back, one of its tables made the example's rows then 2.4
  million lines ``0`` (4.8 MB): its about table says how many rows pari score wrote in each, and
  each table was parsed whole, then refused as ``results-damaged`` (the rows found against the
  rows written). ``pari explain 00001`` of the summary so: 2.5 + 1.6 CPU s and 2.07 GB on main;
  of the criteria table so: 1.4 + 0.8 CPU s and 906 MB; ``pari score --previous`` of the summary
  so: 2.8 + 1.8 CPU s and 2.11 GB (nothing written). Now the about table is read first, and a CSV
  table's line breaks are counted (a MiB at a time) before it is parsed; past the rows written by
  more than SPARE_LINES (16), its rows are counted from its bytes (a line break in a quoted cell
  ends none) and the table refused with the same words: 1.1 + 0.1 CPU s and 102 MB, 1.2 + 0.2 and
  111 MB, 1.6 + 0.1 and 153 MB (``outputs.results_checks.check_rows_before_parse``). Measured,
  left: a Parquet results folder is bounded by the cells of an input (PARI_MAX_CELLS): its summary
  grown by 2.4 million rows is ``too-many-cells`` before the read (95 MB); by 400,000 rows (58 KB)
  it is read, then ``results-damaged``, 0.9 + 0.2 CPU s and 307 MB (its footer's rows could be
  held to the rows written as well).

- (Session 37's review.) The about table itself, whose rows are counted nowhere, was left out: a
  results folder whose ``about.csv`` was made its 39 rows then 2.4 million lines ``0`` was parsed
  whole and read as sound (the lines ``0`` read as keys without values): ``pari explain 00001``
  6.5-7.7 s and 191-228 MB at f7922a5 and after limits37, exit 0, the unit explained. Now an about
  table of more than ABOUT_MOST_ROWS (1,000; pari score writes some 45) rows, counted as the other
  tables', is refused as ``results-damaged`` before the parse
  (``outputs.results_checks.check_about_before_parse``).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits37.py checks what each answers.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from hostile_criteria import HEADER
from hostile_limits36 import TINY_ROWS, _previous_results
from hostile_sweep8 import _score

Case = Callable[[Path], list[str]]

ROOT = Path(__file__).resolve().parents[1]
#: Areas, criteria in an area and sub-criteria in a criterion of the sets ``pari diff`` compares.
AREAS, CRITERIA, SUBS = 5, 8, 10


def _title_words() -> list[str]:
    """The words of the bundled sets' Vietnamese titles, each once, in the order first met."""
    words: dict[str, None] = {}
    for path in sorted((ROOT / "criteria").glob("*.yaml")):
        for title in re.findall(r'title: \{vi: "([^"]*)"', path.read_text(encoding="utf-8")):
            words.update(dict.fromkeys(title.split()))
    return list(words)


def renumbered_sets(folder: Path, seed: int = 37, words_a_title: tuple[int, int] = (6, 18)) -> tuple[Path, Path]:
    """Two valid sets of AREAS × CRITERIA × SUBS sub-criteria (445 items), each title a dozen
    words of the bundled titles (``words_a_title``: the fewest and most); in the new one every
    area's id is moved by AREAS (``1.2.3`` becomes ``6.2.3``) and every third title has one word
    replaced."""
    chance = random.Random(seed)
    words = _title_words()
    leaf = "inputs: {ok: {type: boolean}}, rule: {kind: checklist, items: [{input: ok, points: 1}]}"
    old, new = [HEADER.format(scale=AREAS * CRITERIA * SUBS)], [HEADER.format(scale=AREAS * CRITERIA * SUBS)]
    count = 0

    def title() -> tuple[str, str]:
        nonlocal count
        count += 1
        said = [chance.choice(words) for _ in range(chance.randint(*words_a_title))]
        changed = list(said)
        if count % 3 == 0:
            changed[chance.randrange(len(changed))] = chance.choice(words)
        return " ".join(said), " ".join(changed)

    for a in range(1, AREAS + 1):
        was, now = title()
        old.append(f'  - id: "{a}"\n    title: "{was}"\n    max: {CRITERIA * SUBS}\n    children:\n')
        new.append(f'  - id: "{a + AREAS}"\n    title: "{now}"\n    max: {CRITERIA * SUBS}\n    children:\n')
        for c in range(1, CRITERIA + 1):
            was, now = title()
            old.append(f'      - id: "{a}.{c}"\n        title: "{was}"\n        max: {SUBS}\n        children:\n')
            new.append(
                f'      - id: "{a + AREAS}.{c}"\n        title: "{now}"\n        max: {SUBS}\n        children:\n'
            )
            for s in range(1, SUBS + 1):
                was, now = title()
                old.append(f'          - {{id: "{a}.{c}.{s}", title: "{was}", max: 1, {leaf}}}\n')
                new.append(f'          - {{id: "{a + AREAS}.{c}.{s}", title: "{now}", max: 1, {leaf}}}\n')
    (folder / "cu.yaml").write_text("".join(old), encoding="utf-8")
    (folder / "moi.yaml").write_text("".join(new), encoding="utf-8")
    return folder / "cu.yaml", folder / "moi.yaml"


def diff_of_two_renumbered_sets_of_445_items(folder: Path) -> list[str]:
    """``pari diff`` of :func:`renumbered_sets`."""
    old, new = renumbered_sets(folder)
    return ["diff", str(old), str(new)]


def _results_grown(folder: Path, table: str) -> Path:
    """The example's results as a folder of CSV tables (``ket-qua-nam-truoc``), its ``table``
    then TINY_ROWS lines ``0`` (4.8 MB)."""
    results = _previous_results(folder)
    with (results / f"{table}.csv").open("a", encoding="utf-8") as handle:
        handle.write("0\n" * TINY_ROWS)
    return results


def explain_of_results_summary_of_millions_of_tiny_rows(folder: Path) -> list[str]:
    """``pari explain`` of the example's first unit, its results' summary grown."""
    return ["explain", "00001", "--results", str(_results_grown(folder, "summary"))]


def explain_of_results_criteria_of_millions_of_tiny_rows(folder: Path) -> list[str]:
    """``pari explain`` of the example's first unit, its results' criteria table grown."""
    return ["explain", "00001", "--results", str(_results_grown(folder, "criteria"))]


def explain_of_results_about_of_millions_of_tiny_rows(folder: Path) -> list[str]:
    """``pari explain`` of the example's first unit, its results' about table grown (session 37's
    review: its rows are counted nowhere, so it was parsed whole and the answer printed)."""
    return ["explain", "00001", "--results", str(_results_grown(folder, "about"))]


def previous_results_summary_of_millions_of_tiny_rows(folder: Path) -> list[str]:
    """``pari score --previous`` of last year's results, their summary grown."""
    return _score(folder, "--previous", str(_results_grown(folder, "summary")))


CASES: dict[str, Case] = {
    "diff-of-two-renumbered-sets-of-445-items": diff_of_two_renumbered_sets_of_445_items,
    "explain-of-results-summary-of-millions-of-tiny-rows": explain_of_results_summary_of_millions_of_tiny_rows,
    "explain-of-results-criteria-of-millions-of-tiny-rows": explain_of_results_criteria_of_millions_of_tiny_rows,
    "previous-results-summary-of-millions-of-tiny-rows": previous_results_summary_of_millions_of_tiny_rows,
    "explain-of-results-about-of-millions-of-tiny-rows": explain_of_results_about_of_millions_of_tiny_rows,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "diff-of-two-renumbered-sets-of-445-items": (0, None, ("cu.yaml", "moi.yaml")),
    "explain-of-results-summary-of-millions-of-tiny-rows": (1, "results-damaged", ("ket-qua-nam-truoc/summary.csv",)),
    "explain-of-results-criteria-of-millions-of-tiny-rows": (
        1,
        "results-damaged",
        ("ket-qua-nam-truoc/criteria.csv", "ket-qua-nam-truoc/about.csv"),
    ),
    "explain-of-results-about-of-millions-of-tiny-rows": (1, "results-damaged", ("ket-qua-nam-truoc/about.csv",)),
    "previous-results-summary-of-millions-of-tiny-rows": (
        1,
        "results-damaged",
        ("ket-qua-nam-truoc/summary.csv", "communes.csv"),
    ),
}
#: Cases whose output is a long listing (checked by tests/test_hostile_limits37.py, not by a sweep's
#: bound on what a run says).
LISTINGS = ("diff-of-two-renumbered-sets-of-445-items",)
NOT_WRITTEN: dict[str, tuple[str, ...]] = {"previous-results-summary-of-millions-of-tiny-rows": ("out.xlsx",)}
