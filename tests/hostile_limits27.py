"""Hostile cases of the twenty-seventh session's helper limits27: small files whose cost is a
product (a set's items times their inputs) or a repeat (an .ods cell written millions of times).
Measured on this shared 2-core machine before the fix (main at b4a3bb8; CPU seconds, from
``benchmarks/hostile.py --cpu``), then after.

- A criteria set of 200 items, each a checklist of 100 boolean inputs (1.0 MB, every item within
  its own limits: 100 inputs, 100 entries), scored for 3 communes answering every input
  (60,000 rows): 7.3 CPU s (20 s under load) and 683 MB, exit 0; with ``--report`` for 5
  communes 8.5 CPU s and 692 MB; ``pari template`` of it 5.9 CPU s. Loading, compiling and the
  frame scored carry a column or an expression for each input, linearly (2,000 inputs 1.5 s,
  10,000 4.2 s and 413 MB). Now a set with more than 2,000 inputs in all is ``too-many-inputs``
  (``criteria.loading.MAX_INPUTS``, ``PARI_MAX_CRITERIA_INPUTS``), at the item that passes the
  limit, before typing: about 1 s.

- 350 items, each a checklist of 100 entries on one input (980 KB; 35,000 entries), scored for 3
  communes: 5.0 CPU s and 600 MB (measured with the limit below raised). Now more than 2,000
  entries in all is ``too-many-checks`` (``MAX_CHECKS``, ``PARI_MAX_CRITERIA_CHECKS``): 2.0 s,
  most of it reading the 1 MB of YAML.

- An .ods whose example rows are followed by 4.9 million empty cells written open and closed
  (``<table:table-cell></table:table-cell>``, 1,000 a row; 3.6 MB with a comment of random
  letters keeping the zip's ratio under 100): 18.2 CPU s and 390 MB, exit 0; with an empty
  paragraph in each (``<text:p/>``) 24.3 CPU s. The scan of content.xml took each for a cell with
  content (calamine holds none of them) and walked it in Python. 5.1 million empty cells with a
  style (``<table:table-cell table:style-name="ce1"/>``, 16,000 a row): 7.4 CPU s to be refused
  as ``sheet-too-large`` (the cells a sheet may write). Now a cell that holds nothing is empty in
  the scan too, and a run of empty cells written again and again is matched at once
  (``ods_scan._CONTENT_TAG``, a back-reference): 2.9, 3.7 and 2.4 CPU s.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits27.py checks what each answers.
"""

from __future__ import annotations

import base64
import csv
import random
from collections.abc import Callable
from pathlib import Path

from hostile_criteria import HEADER
from hostile_sweep8 import EXAMPLES, _score
from hostile_sweep9 import ods_example_rows, write_ods

Case = Callable[[Path], list[str]]

#: Items of the wide-checklist set (in ten areas) and the inputs (checklist entries) of each.
ITEMS, WIDTH = 200, 100


def checklist_set(items: int, width: int, one_input: bool = False) -> str:
    """A set of ``items`` leaves in ten areas, each a checklist of ``width`` entries worth
    1/``width`` point: on as many boolean inputs, or all on one (``one_input``)."""
    per_area = items // 10
    names = ["ok"] if one_input else [f"i{k}" for k in range(width)]
    inputs = ", ".join(f"{name}: {{type: boolean}}" for name in names)
    entries = ", ".join(
        f"{{input: {names[0] if one_input else names[k]}, points: {1 / width:g}}}" for k in range(width)
    )
    out = [HEADER.format(scale=per_area * 10)]
    for area in range(1, 11):
        out.append(f'  - id: "{area}"\n    title: "Lĩnh vực {area}"\n    max: {per_area}\n    children:\n')
        out += [
            f'      - {{id: "{area}.{i}", title: "T", max: 1, inputs: {{{inputs}}}, '
            f"rule: {{kind: checklist, items: [{entries}]}}}}\n"
            for i in range(1, per_area + 1)
        ]
    return "".join(out)


def _wide_checklists(folder: Path, communes: int, one_input: bool = False) -> list[str]:
    """The set of :func:`checklist_set` (350 items on one input, else ITEMS of WIDTH inputs), the
    example register's first ``communes``, and assessments answering every input «có»."""
    items = 350 if one_input else ITEMS
    (folder / "bo-tieu-chi.yaml").write_text(checklist_set(items, WIDTH, one_input), encoding="utf-8")
    lines = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig").splitlines()
    (folder / "communes.csv").write_text("\n".join(lines[: communes + 1]) + "\n", encoding="utf-8")
    names = ["ok"] if one_input else [f"i{k}" for k in range(WIDTH)]
    with (folder / "tu-danh-gia.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["commune_code", "criterion_id", "input", "value"])
        for line in lines[1 : communes + 1]:
            code = line.split(",")[0]
            for area in range(1, 11):
                writer.writerows([code, f"{area}.{i}", name, "có"] for i in range(1, items // 10 + 1) for name in names)
    return [
        "score",
        str(folder / "tu-danh-gia.csv"),
        "--criteria",
        str(folder / "bo-tieu-chi.yaml"),
        "--communes",
        str(folder / "communes.csv"),
        "-o",
        str(folder / "ket-qua.xlsx"),
        "-q",
    ]


def checklists_of_100_inputs_score(folder: Path) -> list[str]:
    return _wide_checklists(folder, 3)


def checklists_of_100_inputs_report(folder: Path) -> list[str]:
    return [*_wide_checklists(folder, 5), "--report", str(folder / "bao-cao.html")]


def checklists_of_100_inputs_template(folder: Path) -> list[str]:
    _wide_checklists(folder, 1)
    return ["template", "--criteria", str(folder / "bo-tieu-chi.yaml"), "-o", str(folder / "mau.xlsx")]


def checklists_of_100_inputs_validate(folder: Path) -> list[str]:
    _wide_checklists(folder, 1)
    return ["validate", str(folder / "bo-tieu-chi.yaml")]


def checklists_of_100_entries_on_one_input(folder: Path) -> list[str]:
    return _wide_checklists(folder, 3, one_input=True)


def _ods_of_cells(folder: Path, cell: str, per_row: int, rows: int) -> list[str]:
    """The example's first 50 rows as an .ods, then ``rows`` rows of ``per_row`` times ``cell``,
    and 3 MB of random letters in a comment (the zip's ratio under 100)."""
    filler = f"<table:table-row>{cell * per_row}</table:table-row>" * rows
    noise = base64.b64encode(random.Random(27).randbytes(3_000_000)).decode()
    path = write_ods(folder / "tu-danh-gia.ods", ods_example_rows(50) + filler + f"<!--{noise}-->")
    return _score(folder, assessments=path)


def ods_open_close_empty_cells(folder: Path) -> list[str]:
    return _ods_of_cells(folder, "<table:table-cell></table:table-cell>", 1_000, 4_900)


def ods_empty_paragraph_cells(folder: Path) -> list[str]:
    return _ods_of_cells(folder, "<table:table-cell><text:p/></table:table-cell>", 1_000, 4_900)


def ods_styled_empty_cells(folder: Path) -> list[str]:
    return _ods_of_cells(folder, '<table:table-cell table:style-name="ce1"/>', 16_000, 320)


CASES: dict[str, Case] = {
    "checklists-of-100-inputs-score": checklists_of_100_inputs_score,
    "checklists-of-100-inputs-report": checklists_of_100_inputs_report,
    "checklists-of-100-inputs-template": checklists_of_100_inputs_template,
    "checklists-of-100-inputs-validate": checklists_of_100_inputs_validate,
    "checklists-of-100-entries-on-one-input": checklists_of_100_entries_on_one_input,
    "ods-open-close-empty-cells": ods_open_close_empty_cells,
    "ods-empty-paragraph-cells": ods_empty_paragraph_cells,
    "ods-styled-empty-cells": ods_styled_empty_cells,
}
_SET = ("bo-tieu-chi.yaml", "tu-danh-gia.csv", "communes.csv")
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "checklists-of-100-inputs-score": (1, "too-many-inputs", _SET),
    "checklists-of-100-inputs-report": (1, "too-many-inputs", _SET),
    "checklists-of-100-inputs-template": (1, "too-many-inputs", _SET),
    "checklists-of-100-inputs-validate": (1, "too-many-inputs", _SET),
    "checklists-of-100-entries-on-one-input": (1, "too-many-checks", _SET),
    "ods-open-close-empty-cells": (0, None, ("tu-danh-gia.ods", "communes.csv")),
    "ods-empty-paragraph-cells": (0, None, ("tu-danh-gia.ods", "communes.csv")),
    "ods-styled-empty-cells": (1, "sheet-too-large", ("tu-danh-gia.ods", "communes.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "checklists-of-100-inputs-score": ("ket-qua.xlsx",),
    "checklists-of-100-inputs-report": ("ket-qua.xlsx", "bao-cao.html"),
    "checklists-of-100-inputs-template": ("mau.xlsx",),
    "checklists-of-100-entries-on-one-input": ("ket-qua.xlsx",),
    "ods-styled-empty-cells": ("out.xlsx",),
}
