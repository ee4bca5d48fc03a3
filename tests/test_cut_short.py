"""A CSV file cut short in the middle of a row is refused (intake.csv_input.cut_short), wherever
the cut falls: cells are counted with their quotes honoured.

Counting separators, a line before the cut that quoted a decimal comma (``"96,3"``: one cell, two
by its commas) was taken for a line of the wrong length, and the cut was not seen: the example
assessments cut after ``00130,3.3,,có,`` were scored with exit 0, the communes after the cut shown
as having sent nothing (found by cutting the example files at random places).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.intake.csv_input import cut_short

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILES = ["assessments_long.csv", "communes.csv", "survey.csv", "appraisal.csv"]


def _cuts(data: bytes, count: int, seed: int) -> list[tuple[int, int]]:
    """``count`` places inside rows, each after a row's second cell began and before its last cell
    (the row then has from 2 to all but one of its cells), with that row's line number."""
    lines = data.split(b"\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    rng = random.Random(seed)
    found: list[tuple[int, int]] = []
    while len(found) < count:
        number = rng.randrange(2, len(lines) - 1)  # a data row with a whole row before it
        line, start = lines[number], starts[number]
        if b'"' in line:
            continue
        commas = [i for i, byte in enumerate(line) if byte == ord(",")]
        # After the first comma (two cells begun), before the last (a cell still to come).
        found.append((start + rng.randrange(commas[0] + 1, commas[-1] + 1), number + 1))
    return found


@pytest.mark.parametrize("name", FILES)
def test_a_cut_inside_a_row_is_found_wherever_it_falls(name: str) -> None:
    data = (EXAMPLES / name).read_bytes()
    header_cells = data.split(b"\n", 1)[0].count(b",") + 1
    for cut, line in _cuts(data, 40, seed=len(name)):
        assert cut_short(data[:cut], ",", header_cells) == line, data[:cut][-80:]


def test_a_quoted_decimal_comma_on_the_line_before_does_not_hide_the_cut() -> None:
    header = b"commune_code,criterion_id,input,value,self_score\n"
    data = header + b'00130,3.2.3,,"96,3",2\n00130,3.3,,c\xc3\xb3'
    assert cut_short(data, ",", 5) == 3
    # A whole last row without its line break is no cut; nor is a record of several lines.
    assert cut_short(data + b",1", ",", 5) is None
    assert cut_short(header + b'00130,3.2.3,,"a\nb",2\n00130,3.3,c', ",", 5) is None


def test_the_example_assessments_cut_after_a_quoted_line_are_refused(tmp_path: Path) -> None:
    data = (EXAMPLES / "assessments_long.csv").read_bytes()
    lines = data.split(b"\n")
    # The first row after a row with a quoted cell, cut after its fourth cell.
    number = next(i for i in range(2, len(lines)) if b'"' in lines[i - 1] and b'"' not in lines[i])
    cut = len(b"\n".join(lines[:number])) + 1 + len(b",".join(lines[number].split(b",")[:4])) + 1
    path = tmp_path / "tu-danh-gia.csv"
    path.write_bytes(data[:cut])
    done = CliRunner().invoke(
        main,
        [
            "score",
            str(path),
            "--communes",
            str(EXAMPLES / "communes.csv"),
            "--no-survey",
            "-o",
            str(tmp_path / "kq.xlsx"),
        ],
    )
    assert done.exit_code == 1, done.output
    assert f"tu-danh-gia.csv hàng {number + 1}: tệp dừng giữa hàng này" in done.output
    assert "[file-cut-short]" in done.output
