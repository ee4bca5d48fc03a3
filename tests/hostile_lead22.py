"""Hostile cases of the twenty-second session's lead: characters in a criteria file that look like
YAML's own and are not, as a set drafted in Word, a web page or a chat brings them in.

Before, each was answered at its line but about the wrong thing: "check indentation (spaces
only)" for a line indented with no-break spaces, "a ':' was expected" beside a full-width colon,
"key «max» is missing" where ``max:`` is written with a zero-width space inside it, and a title
opened by Word's curly quote was valid, the quote kept in its text. Now each is
``lookalike-character`` at the character itself, naming it by its code point and what it passes
for (criteria.lookalikes).

And a CSV saved from a workbook whose formulas failed: the cells hold Excel's error values as text
(«#N/A», «#REF!»). A workbook's error cells were reported (``excel-error-cell``) and not read; in
a CSV the text was read as a value, and «#N/A» as an evidence document's number and file counted
the evidence as given, exit 0. Now the CSV's are reported and not read as the workbook's are.

And «không có», «chưa có văn bản», «-», «0» written in an evidence number or file column to say
there is no document: read as a document number, the evidence counted as given, 0 findings, exit
0. Now each is read as an empty cell with the warning ``evidence-none-word``.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_lead22.py checks what each answers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import CRITERIA, _examples, _rows, _score

Case = Callable[[Path], list[str]]

#: Line 90 of the Hà Nội set is ``            max: 1`` (item 1.1.1), line 88 its ``- id: "1.1.1"``,
#: line 89 its title.
_SET = "ha-noi-2025-commune.yaml"


def _edited(folder: Path, line: int, old: str, new: str) -> Path:
    lines = (CRITERIA / _SET).read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path = folder / "set.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def no_break_space_indent(folder: Path) -> list[str]:
    """Item 1.1.1's ``max`` indented with two no-break spaces (a set pasted from Word)."""
    return ["validate", str(_edited(folder, 90, "            max", "\u00a0\u00a0          max"))]


def zero_width_key(folder: Path) -> list[str]:
    """``ma\u200bx: 1``: a zero-width space inside a key (a set copied from a web page)."""
    return ["validate", str(_edited(folder, 90, "max:", "ma\u200bx:"))]


def full_width_colon_score(folder: Path) -> list[str]:
    """A score run whose set has ``max： 1`` (a Chinese or Japanese input method's colon)."""
    _edited(folder, 90, "max:", "max\uff1a")
    return _score(folder, "--criteria", str(folder / "set.yaml"))


def curly_quote_title(folder: Path) -> list[str]:
    """A title opened by Word's curly quote and closed by a straight one: valid YAML, the quote kept."""
    return ["validate", str(_edited(folder, 89, 'title: {vi: "', "title: {vi: \u201c"))]


def word_bullet_item(folder: Path) -> list[str]:
    """Item 1.1.1 listed with Word's bullet ``•`` instead of ``-``."""
    return ["validate", str(_edited(folder, 88, "- id", "\u2022 id"))]


def _scored_with(assessments: Path, folder: Path, rows: list[list[str]]) -> list[str]:
    """The example's run, its assessments CSV written with ``rows`` (a heading and the data)."""
    with assessments.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return _score(folder)


def csv_excel_error_values(folder: Path) -> list[str]:
    """The example assessments, as a CSV saved from a workbook whose lookups failed: «#N/A» for the
    evidence number and file of commune 00001's item 1.1.2, «#REF!» for its self-score."""
    files = _examples(folder)
    header, *rows = _rows("assessments_long.csv")
    at = next(i for i, row in enumerate(rows) if row[:3] == ["00001", "1.1.2", "tasks"])
    rows[at][4:8] = ["#REF!", "#N/A", rows[at][6], "#N/A"]
    return _scored_with(files["assessments_long"], folder, [header, *rows])


#: What commune 00001's first six items with evidence say in their number and file columns.
NONE_WORDS = ("không có", "-", "Chưa có văn bản", "0", "x", "KHÔNG")


def evidence_said_none(folder: Path) -> list[str]:
    """The example assessments with «không có», «-» … as the evidence number and file of six of
    commune 00001's items (``x``, a tick, is left as a document)."""
    files = _examples(folder)
    header, *rows = _rows("assessments_long.csv")
    said = iter(NONE_WORDS)
    for row in rows:
        if row[0] == "00001" and row[7]:
            word = next(said, None)
            if word is None:
                break
            row[5] = row[7] = word
    return _scored_with(files["assessments_long"], folder, [header, *rows])


CASES: dict[str, Case] = {
    "evidence-said-none": evidence_said_none,
    "csv-excel-error-values": csv_excel_error_values,
    "lookalike-no-break-space-indent": no_break_space_indent,
    "lookalike-zero-width-key": zero_width_key,
    "lookalike-full-width-colon-score": full_width_colon_score,
    "lookalike-curly-quote-title": curly_quote_title,
    "lookalike-word-bullet-item": word_bullet_item,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "evidence-said-none": (0, None, ("assessments_long.csv", "communes.csv")),
    "csv-excel-error-values": (1, "excel-error-cell", ("assessments_long.csv", "communes.csv")),
    "lookalike-no-break-space-indent": (1, "lookalike-character", ("set.yaml",)),
    "lookalike-zero-width-key": (1, "lookalike-character", ("set.yaml",)),
    "lookalike-full-width-colon-score": (1, "lookalike-character", ("set.yaml", "communes.csv")),
    "lookalike-curly-quote-title": (1, "lookalike-character", ("set.yaml",)),
    "lookalike-word-bullet-item": (1, "lookalike-character", ("set.yaml",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {"lookalike-full-width-colon-score": ("out.xlsx",)}
